/**
 * The compiler's word against the source's (SPEC section 2, issue 18): every symbol a built
 * library exports that no crate's source surface explains, and that is not one the toolchain puts
 * into every Rust library, is a binary-only export of the crate the library belongs to. Symbols the
 * source has but the library lacks are a note (a cfg or platform that build does not enable).
 * Pure: the caller reads the files.
 */
import { changeRule } from '../diff/catalogue';
import { sortChanges } from '../diff/diff-surfaces';
import type { BinaryOnlyExport, CrateSurface, Diagnostic, Surface } from '../model';
import type { Change, DiffReport } from '../report';
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

/**
 * `binary-only-export` changes: entries of the head not in the base (the base is normally built
 * from source only, so every entry of the head is new). Placed in the crate's manifest.
 */
export function binaryOnlyChanges(base: Surface, head: Surface): Change[] {
  const rule = changeRule('binary-only-export');
  const out: Change[] = [];
  for (const c of head.crates) {
    const before = new Set(
      (base.crates.find((b) => b.name === c.name)?.binaryOnly ?? []).map((e) => e.symbol),
    );
    for (const e of c.binaryOnly ?? []) {
      if (before.has(e.symbol)) continue;
      out.push({
        rule: rule.id,
        severity: rule.severity,
        kind: e.kind === 'data' ? 'static' : e.kind === 'function' ? 'function' : 'unknown',
        name: e.symbol,
        symbol: e.symbol,
        crate: c.name,
        file: c.manifest,
        line: 1,
        before: null,
        after: `${e.symbol} (${e.artifacts.join(', ')})`,
        message: `${e.artifacts.join(', ')} exports ${e.symbol}, which no source surface explains (a proc macro, build.rs output or a linked dependency): review what defines it`,
      });
    }
  }
  return out;
}

/**
 * The report with the binary-only changes of `head` added to `changes` — and nothing else: the
 * required bump and the delta digest an approval binds to stay those of the source surface, since
 * on a pull request the artifact is built from the pull request's own code (SECURITY.md).
 */
export function withBinaryOnly(report: DiffReport, base: Surface, head: Surface): DiffReport {
  const extra = binaryOnlyChanges(base, head);
  const notes = head.diagnostics.filter(
    (d) => d.code.startsWith('artifact-') && !report.diagnostics.includes(d),
  );
  if (!extra.length && !notes.length) return report;
  return {
    ...report,
    changes: sortChanges([...report.changes, ...extra]),
    diagnostics: [...report.diagnostics, ...notes],
  };
}
