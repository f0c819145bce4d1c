/**
 * Extracts the surface of every library crate in a workspace read through a `SourceTree`.
 */
import { DEFAULT_LIMITS, Limits } from '../limits';
import type { CrateSurface, Diagnostic, FeatureSelection, Surface } from '../model';
import { SCHEMA_VERSION } from '../model';
import { sortItems, surfaceDigest } from '../digest';
import type { SourceTree } from '../source-tree';
import { discoverWorkspace, enabledFeatures } from '../workspace';
import { extractCrate, RustParser } from './extract-crate';
import type { ScanCache } from './scan-cache';
import { TOOL_NAME, TOOL_VERSION } from '../version';

export interface ExtractOptions {
  features: FeatureSelection;
  limits?: Limits;
  /** Search tests, benches, fuzz targets, `#[cfg(test)]` code and Go `_test.go` files for each export. */
  testCoverage?: boolean;
  /**
   * Per-file scan results to reuse and fill: extracting a diff's head with the cache its base filled
   * re-parses only the files whose text (or module context) changed.
   */
  scanCache?: ScanCache;
}

const TEST_FILE = /(^|\/)(tests|benches|fuzz|fuzz_targets)\/.*\.rs$|_test\.go$/;

export async function extractSurface(
  tree: SourceTree,
  parser: RustParser,
  options: ExtractOptions,
): Promise<Surface> {
  const limits = options.limits ?? DEFAULT_LIMITS;
  const ws = await discoverWorkspace(tree, limits);
  const diagnostics: Diagnostic[] = [...ws.diagnostics];
  const crates: CrateSurface[] = [];
  const testTexts: string[] = [];
  for (const manifest of ws.crates) {
    const features = enabledFeatures(manifest, options.features);
    const r = await extractCrate(tree, manifest, features, parser, limits, options.scanCache);
    crates.push({ ...r.surface, items: sortItems(r.surface.items) });
    diagnostics.push(...r.diagnostics);
    testTexts.push(...r.testText);
  }
  if (options.testCoverage) await markTested(tree, crates, testTexts, limits, diagnostics);
  return {
    schemaVersion: SCHEMA_VERSION,
    tool: { name: TOOL_NAME, version: TOOL_VERSION },
    rev: tree.label,
    crates,
    diagnostics,
    digest: surfaceDigest(crates),
  };
}

async function markTested(
  tree: SourceTree,
  crates: CrateSurface[],
  texts: string[],
  limits: Limits,
  diagnostics: Diagnostic[],
): Promise<void> {
  const listing = await tree.listAll(limits.maxListedFiles);
  if (listing.truncated)
    diagnostics.push({
      level: 'warning',
      code: 'too-many-files',
      message: `more than ${limits.maxListedFiles} files; tests beyond them were not searched`,
    });
  let budget = 64 * 1024 * 1024;
  for (const p of listing.paths) {
    if (!TEST_FILE.test(p) || budget <= 0) continue;
    const r = await tree.read(p, Math.min(limits.maxFileBytes, budget));
    if (r.ok) {
      texts.push(r.text);
      budget -= r.bytes;
    }
  }
  const haystack = texts.join('\n');
  for (const c of crates) {
    for (const it of c.items) {
      if (it.kind !== 'function' && it.kind !== 'static') continue;
      it.tested = mentions(haystack, it.symbol) || (it.symbol !== it.name && mentions(haystack, it.name));
    }
  }
}

function mentions(haystack: string, name: string): boolean {
  if (!name) return false;
  let from = 0;
  for (;;) {
    const i = haystack.indexOf(name, from);
    if (i < 0) return false;
    const before = haystack[i - 1] ?? ' ';
    const after = haystack[i + name.length] ?? ' ';
    if (!/[A-Za-z0-9_]/.test(before) && !/[A-Za-z0-9_]/.test(after)) return true;
    from = i + 1;
  }
}
