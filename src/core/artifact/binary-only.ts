/**
 * The compiler's word against the source's (SPEC section 2, issue 18): every symbol a built
 * library exports that no crate's source surface explains, and that is not one the toolchain puts
 * into every Rust library, is a binary-only export of the crate the library belongs to. Symbols the
 * source has but the library lacks are a note (a cfg or platform that build does not enable).
 * Pure: the caller reads the files.
 */
import type { BinaryOnlyExport, CrateSurface, Diagnostic, Surface } from '../model';
import { ArtifactError } from './bytes';
import { isBuiltinExport } from './builtin-exports';
import { matchArtifact } from './match';
import type { ArtifactSymbols } from './symbols';

export interface ReadArtifact {
  /** The file name as shown in reports (no directory). */
  file: string;
  read: ArtifactSymbols;
}

/** Shown names in a message: the first few, then a count. */
function some(names: string[], max = 10): string {
  const shown = names.slice(0, max).join(', ');
  return names.length > max ? `${shown} and ${names.length - max} more` : shown;
}

/** The exported symbols the source surface of every crate explains (items and feature-gated items). */
function sourceSymbols(crates: readonly CrateSurface[]): Set<string> {
  const out = new Set<string>();
  for (const c of crates) {
    for (const i of c.items) if (i.kind === 'function' || i.kind === 'static') out.add(i.symbol);
    for (const g of c.gated ?? []) if (g.symbol) out.add(g.symbol);
  }
  return out;
}

/**
 * Adds `binaryOnly[]` to every crate an artifact belongs to (an empty list when the library
 * exports nothing unexplained) and notes to the diagnostics. Throws `ArtifactError` when an
 * artifact belongs to no analysed crate (the user named the wrong file: never silently ignored).
 */
export function crossCheckArtifacts(surface: Surface, artifacts: readonly ReadArtifact[]): Surface {
  if (!artifacts.length) return surface;
  const explained = sourceSymbols(surface.crates);
  const diagnostics: Diagnostic[] = [...surface.diagnostics];
  const perCrate = new Map<string, Map<string, BinaryOnlyExport>>();
  for (const a of artifacts) {
    const m = matchArtifact(a.file, surface.crates);
    if (!m.ok) throw new ArtifactError(`${a.file}: ${m.reason}`);
    if (m.crate.lib && !m.declared)
      diagnostics.push({
        level: 'warning',
        code: 'artifact-crate-type-undeclared',
        message: `${a.file} is a ${a.read.crateType}, which crate ${m.crate.name} does not declare in [lib] crate-type (${m.crate.lib.crateTypes.join(', ')}): compared all the same`,
      });
    if (a.read.skippedMembers.length)
      diagnostics.push({
        level: 'warning',
        code: 'artifact-members-skipped',
        message: `${a.file}: ${a.read.skippedMembers.length} archive member(s) are not object files this tool reads (LLVM bitcode, metadata): their symbols are not known: ${some(a.read.skippedMembers)}`,
      });
    const archive = a.read.crateType === 'staticlib' && a.read.format === 'archive';
    const found = perCrate.get(m.crate.name) ?? new Map<string, BinaryOnlyExport>();
    perCrate.set(m.crate.name, found);
    const names = new Set<string>();
    for (const s of a.read.symbols) {
      names.add(s.name);
      if (explained.has(s.name) || isBuiltinExport(s, archive)) continue;
      const prev = found.get(s.name);
      if (prev) {
        if (!prev.artifacts.includes(a.file)) prev.artifacts = [...prev.artifacts, a.file].sort();
        if (prev.kind === 'other' && s.kind !== 'other') prev.kind = s.kind;
      } else found.set(s.name, { symbol: s.name, kind: s.kind, artifacts: [a.file] });
    }
    const missing = m.crate.items
      .filter((i) => (i.kind === 'function' || i.kind === 'static') && !names.has(i.symbol))
      .map((i) => (i.kind === 'function' || i.kind === 'static' ? i.symbol : i.name));
    if (missing.length)
      diagnostics.push({
        level: 'warning',
        code: 'artifact-lacks-export',
        message: `${a.file} does not export ${missing.length} symbol(s) of crate ${m.crate.name}'s source surface (a cfg or platform this build does not enable?): ${some(missing)}`,
      });
  }
  const crates = surface.crates.map((c) => {
    const found = perCrate.get(c.name);
    if (!found) return c;
    const binaryOnly = [...found.values()].sort((x, y) =>
      x.symbol < y.symbol ? -1 : x.symbol > y.symbol ? 1 : 0,
    );
    return { ...c, binaryOnly };
  });
  return { ...surface, crates, diagnostics };
}

/** Every binary-only export of a surface, with its crate. */
export function binaryOnlyExports(surface: Surface): { crate: string; entry: BinaryOnlyExport }[] {
  return surface.crates.flatMap((c) => (c.binaryOnly ?? []).map((entry) => ({ crate: c.name, entry })));
}
