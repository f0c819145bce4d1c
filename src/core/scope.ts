/**
 * The configured scope of an analysis: which crates (`crates.include`/`exclude`, names or globs)
 * and which source files (`paths.exclude`) count. Applied to a surface after extraction, so the
 * same rule holds for base and head.
 */
import type { Surface } from './model';
import { globToRegExp } from './findings/glob';

export interface AnalysisScope {
  includeCrates: string[];
  excludeCrates: string[];
  excludePaths: string[];
  /**
   * `macros.trusted`: crates whose macros are trusted not to export. Not a filter: extraction reads
   * it (a surface depends on it), so it travels with the rest of what the configuration decides.
   */
  trustedMacros?: readonly string[];
}

function matchesAny(patterns: string[], value: string): boolean {
  return patterns.some((p) => globToRegExp(p).test(value));
}

export function inCrateScope(scope: AnalysisScope, name: string): boolean {
  if (scope.includeCrates.length && !matchesAny(scope.includeCrates, name)) return false;
  return !matchesAny(scope.excludeCrates, name);
}

/** The surface restricted to the scope; the digest is recomputed by the caller when needed. */
export function applyScope(
  surface: Surface,
  scope: AnalysisScope | undefined,
  digest: (s: Surface) => string,
): Surface {
  if (!scope || (!scope.includeCrates.length && !scope.excludeCrates.length && !scope.excludePaths.length))
    return surface;
  const crates = surface.crates
    .filter((c) => inCrateScope(scope, c.name))
    .map((c) => ({
      ...c,
      items: scope.excludePaths.length
        ? c.items.filter((i) => !matchesAny(scope.excludePaths, i.file))
        : c.items,
      gated: c.gated?.filter((g) => !matchesAny(scope.excludePaths, g.file)),
      unresolved: c.unresolved?.filter((u) => !matchesAny(scope.excludePaths, u.file)),
    }));
  const diagnostics = surface.diagnostics.filter((d) => !d.file || !matchesAny(scope.excludePaths, d.file));
  const scoped = { ...surface, crates, diagnostics };
  return { ...scoped, digest: digest(scoped) };
}
