/**
 * The accounting net (SPEC section 2, "Soundness"): every export attribute token in code that is
 * compiled into the library, and every invocation of a macro the engine cannot expand, must be
 * accounted for — by an extracted item, inert text, code this build does not compile, or a macro
 * whose expansions were all read. What is left becomes an unresolved entry, which is part of the
 * surface: a reviewer sees it, the gate never says `success` about it unseen.
 *
 * Pure: texts, their censuses and what the syntax-tree scanner understood in, entries out.
 */
import type { UnresolvedEntry } from '../model';
import type { CfgEnv } from '../rust/cfg';
import { Census, CensusBang, EXPORT_TOKENS, takeCensus, Unit } from './census';
import type { MacroDef, MacroInvocation } from './scan-file';
import { isTrustedMacroCrate, STD_MACROS } from './macro-trust';

/** Where a scanned text comes from. */
export interface TextOrigin {
  file: string;
  /** Module path of the text's items. */
  modPath: string;
  /** Line of the text's first line in `file`. */
  lineBase: number;
  /** A macro expansion: every place in it is shown at the invocation (`lineBase`). */
  expansionOf: string | null;
  /** For a file: where its child modules are looked up, and what `#[path]` is relative to. */
  childDir?: string;
  pathBaseDir?: string;
}

/** One text the crate extraction read: a file, a `cfg_if!` branch or a macro expansion. */
export interface ScannedText {
  text: string;
  origin: TextOrigin;
  /** Ranges the scanner accounted for: the export attributes of the items it extracted. */
  accounted: [number, number][];
  /** Macro invocations the scanner recorded in this text (offsets in this text). */
  invocations: MacroInvocation[];
}

export interface MacroOutcomes {
  /** Every definition of each crate macro name, in the order read. */
  definitions: Map<string, MacroDef[]>;
  /** Invocations whose expansion (or `cfg_if!` branches) was read. */
  expanded: Set<MacroInvocation>;
  /** Invocations the engine tried and could not expand, with the reason. */
  failed: Map<MacroInvocation, string>;
}

export interface AccountingInput {
  crate: string;
  texts: ScannedText[];
  macros: MacroOutcomes;
  env: CfgEnv;
  /** Crates whose macros are trusted not to export (`macros.trusted` plus the default list). */
  trusted: ReadonlySet<string>;
}

/** An entry before its ordinal and key are known. */
export interface Draft {
  kind: UnresolvedEntry['kind'];
  file: string;
  line: number;
  path: string;
  macro: string | null;
  reason: string;
  unit: Unit;
  message: string;
  /** Order in the source, to number equal entries. */
  order: number;
}

function inRanges(ranges: readonly [number, number][], offset: number): boolean {
  for (const [a, b] of ranges) if (offset >= a && offset < b) return true;
  return false;
}

/** Line counting for offsets visited in any order, O(log n) each after an O(n) index. */
function lineIndex(text: string): (offset: number) => number {
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return (offset) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  };
}

const LOCAL_ROOTS = new Set(['crate', '$crate', 'self', 'super']);

/** The crate a macro path comes from, as far as the text says; null when it cannot tell. */
export function macroOrigin(path: string, census: Census): string | null {
  const segs = path.replace(/^::/, '').split('::');
  if (segs.length > 1 && ['std', 'core', 'alloc'].includes(segs[0])) return 'std';
  if (segs.length > 1 && !LOCAL_ROOTS.has(segs[0])) return segs[0];
  const name = segs[segs.length - 1];
  if (segs.length > 1) return null; // `crate::m!` that is not a crate macro
  const imported = census.imports.get(name);
  if (imported !== undefined) return LOCAL_ROOTS.has(imported) ? null : imported;
  if (STD_MACROS.has(name)) return 'std';
  return null;
}

/** Decides which crate macros can export: their body holds an export token or a risky macro. */
export class MacroRisk {
  private readonly memo = new Map<string, boolean>();
  private readonly visiting = new Set<string>();

  constructor(
    private readonly definitions: Map<string, MacroDef[]>,
    private readonly env: CfgEnv,
    private readonly trusted: ReadonlySet<string>,
  ) {}

  /** Several different definitions: rustc's textual scoping decides which one an invocation sees. */
  shadowed(name: string): boolean {
    const defs = this.definitions.get(name) ?? [];
    if (defs.length < 2) return false;
    const first = JSON.stringify(defs[0].rules);
    return defs.some((d) => JSON.stringify(d.rules) !== first);
  }

  risky(name: string): boolean {
    const known = this.memo.get(name);
    if (known !== undefined) return known;
    if (this.visiting.has(name)) return false; // recursion: decided by the other parts
    this.visiting.add(name);
    let risky = false;
    for (const def of this.definitions.get(name) ?? []) {
      for (const rule of def.rules) {
        const c = takeCensus(rule.transcriber, this.env);
        if (
          c.sites.length > 0 ||
          c.bangs.some((b) => this.bangRisky(b, c)) ||
          c.attrs.some((a) => !this.trustedOrigin(a.path, a.kind, a.underDerive, c))
        ) {
          risky = true;
          break;
        }
      }
      if (risky) break;
    }
    this.visiting.delete(name);
    this.memo.set(name, risky);
    return risky;
  }

  private bangRisky(b: CensusBang, c: Census): boolean {
    if (b.name === 'macro_rules') return false;
    if (this.definitions.has(b.name) && isLocalPath(b.path)) return this.risky(b.name);
    const origin = macroOrigin(b.path, c);
    if (origin === 'std') return UNSAFE_STD_MACROS.has(b.name);
    return origin === null || !isTrustedMacroCrate(origin, this.trusted);
  }

  /** An attribute or derive that is trusted (or is a derive helper). */
  trustedOrigin(path: string, kind: 'attribute' | 'derive', underDerive: boolean, c: Census): boolean {
    const segs = path.split('::');
    let origin: string | null;
    if (segs.length > 1) origin = LOCAL_ROOTS.has(segs[0]) ? null : segs[0];
    else {
      const imported = c.imports.get(path);
      if (imported === undefined && kind === 'attribute' && underDerive) return true; // a derive helper
      origin = imported === undefined || LOCAL_ROOTS.has(imported) ? null : imported;
    }
    return origin !== null && isTrustedMacroCrate(origin, this.trusted);
  }
}

/** Std macros that can place code the engine does not read into the library. */
const UNSAFE_STD_MACROS = new Set(['include', 'global_asm']);

function isLocalPath(path: string): boolean {
  const segs = path.split('::');
  return segs.length === 1 || LOCAL_ROOTS.has(segs[0]);
}

export interface CrateAccount {
  entries: UnresolvedEntry[];
  /**
   * Files and directories (ending in `/`) of modules declared under a cfg that is off in this build
   * (`#[cfg(test)] mod tests;`): not compiled, so not unreachable either.
   */
  inactiveModules: string[];
}

/** Accounts every text of a crate; returns its unresolved entries, keyed and sorted. */
export function accountCrate(input: AccountingInput): CrateAccount {
  const inactiveModules: string[] = [];
  const { macros, env, trusted } = input;
  const risk = new MacroRisk(macros.definitions, env, trusted);
  const drafts: Draft[] = [];
  let order = 0;
  for (const t of input.texts) {
    const census = takeCensus(t.text, env);
    if (census.wholeInactive) continue;
    if (t.origin.childDir !== undefined)
      for (const m of census.disabledMods) {
        const dir = [t.origin.childDir, ...m.itemPath].filter((x) => x).join('/');
        if (m.pathAttr !== null) inactiveModules.push(joinRel(t.origin.pathBaseDir ?? dir, m.pathAttr));
        else inactiveModules.push(joinRel(dir, `${m.name}.rs`), joinRel(dir, `${m.name}/`));
      }
    const lineOf = lineIndex(t.text);
    const line = (offset: number) =>
      t.origin.expansionOf !== null ? t.origin.lineBase : t.origin.lineBase + lineOf(offset) - 1;
    const pathOf = (itemPath: string[]) => [t.origin.modPath, ...itemPath].join('::');
    const byStart = new Map<number, MacroInvocation>();
    for (const inv of t.invocations) if (inv.start !== undefined) byStart.set(inv.start, inv);
    const expandedRanges: [number, number][] = [];
    for (const inv of t.invocations)
      if (macros.expanded.has(inv) && inv.start !== undefined && inv.end !== undefined)
        expandedRanges.push([inv.start, inv.end]);
    const defRanges: [number, number][] = census.macroDefs.map((d) => [d.start, d.end]);
    const settled = (offset: number) =>
      inRanges(census.inactive, offset) || inRanges(expandedRanges, offset) || inRanges(defRanges, offset);
    const macroOf = t.origin.expansionOf;
    const push = (d: Omit<Draft, 'order' | 'file'>) =>
      drafts.push({ ...d, file: t.origin.file, order: order++ });

    // export attribute tokens
    for (const s of census.sites) {
      if (settled(s.offset) || inRanges(t.accounted, s.offset)) continue;
      const holder = innermostBang(census.bangs, s.offset);
      const via = holder ? holder.path : macroOf;
      push({
        kind: 'export-site',
        line: line(s.offset),
        path: pathOf(s.itemPath),
        macro: via,
        reason: holder ? 'macro-input' : macroOf ? 'in-expansion' : 'unrecognised-form',
        unit: s.unit,
        message: holder
          ? `\`${s.token}\` inside an invocation of ${holder.path}!, which the engine does not expand: a symbol may be exported that no item lists`
          : `\`${s.token}\` in a form the engine does not read as an export: a symbol may be exported that no item lists`,
      });
    }

    // macro invocations
    for (const b of census.bangs) {
      // inside another expanded invocation (its expansion is accounted), but not its own range
      const nested = expandedRanges.some(([a, z]) => b.start > a && b.start < z);
      if (inRanges(census.inactive, b.start) || inRanges(defRanges, b.start) || nested) continue;
      const base = { line: line(b.start), path: pathOf(b.itemPath), unit: b.unit };
      if (isLocalPath(b.path) && (macros.definitions.has(b.name) || b.name === 'cfg_if')) {
        const inv = byStart.get(b.start);
        const shadowed = risk.shadowed(b.name);
        const riskyMacro = b.name !== 'cfg_if' && risk.risky(b.name);
        if (shadowed && riskyMacro) {
          push({
            ...base,
            kind: 'export-site',
            macro: b.path,
            reason: 'shadowed-macro',
            message: `${b.path}! has several definitions and one of them exports: which one this invocation uses is not decided, so its exports are not listed`,
          });
          continue;
        }
        if (inv && macros.expanded.has(inv)) continue;
        if (!riskyMacro && b.name !== 'cfg_if') continue;
        const failure = inv ? macros.failed.get(inv) : undefined;
        push({
          ...base,
          kind: 'export-site',
          macro: b.path,
          reason: failure ? 'unmatched-macro' : 'unexpanded-macro',
          message: failure
            ? `${b.path}! can export, but this invocation was not expanded (${failure}): its exports are not listed`
            : `${b.path}! can export, but this invocation is in a position the engine does not expand: its exports are not listed`,
        });
        continue;
      }
      const origin = macroOrigin(b.path, census);
      if (origin === 'std') {
        if (!UNSAFE_STD_MACROS.has(b.name)) continue;
        push({
          ...base,
          kind: 'macro',
          macro: b.path,
          reason: b.name === 'include' ? 'include' : 'global-asm',
          message:
            b.name === 'include'
              ? `include! compiles another file into the library; its exports are not listed`
              : `global_asm! can define symbols the engine does not read`,
        });
        continue;
      }
      if (origin !== null && isTrustedMacroCrate(origin, trusted)) continue;
      push({
        ...base,
        kind: 'macro',
        macro: b.path,
        reason: origin === null ? 'unknown-macro' : 'external-macro',
        message:
          origin === null
            ? `${b.path}! is not defined in this crate and its origin is not known: it may export anything`
            : `${b.path}! comes from crate \`${origin}\`, which is not trusted as non-exporting (macros.trusted): it may export anything`,
      });
    }

    // attribute and derive macros
    for (const a of census.attrs) {
      if (settled(a.start)) continue;
      if (risk.trustedOrigin(a.path, a.kind, a.underDerive, census)) continue;
      push({
        kind: 'macro',
        line: line(a.start),
        path: pathOf(a.itemPath),
        macro: a.path,
        reason: a.kind === 'derive' ? 'derive-macro' : 'attribute-macro',
        unit: a.unit,
        message:
          a.kind === 'derive'
            ? `derive(${a.path}) is a macro the engine cannot expand and its crate is not trusted: it may export anything`
            : `#[${a.path}] is an attribute macro the engine cannot expand and its crate is not trusted: it may export anything`,
      });
    }
  }
  return { entries: finishEntries(input.crate, drafts), inactiveModules };
}

function joinRel(dir: string, rel: string): string {
  const out: string[] = dir ? dir.split('/') : [];
  for (const seg of rel.split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') out.pop();
    else out.push(seg);
  }
  return out.join('/') + (rel.endsWith('/') ? '/' : '');
}

function innermostBang(bangs: CensusBang[], offset: number): CensusBang | null {
  let best: CensusBang | null = null;
  for (const b of bangs)
    if (offset >= b.start && offset < b.end && (!best || b.end - b.start < best.end - best.start)) best = b;
  return best;
}

/** Export sites in a text that is not compiled as far as the engine can tell (or not read at all). */
export function accountUnreadText(
  crate: string,
  file: string,
  text: string,
  env: CfgEnv,
  reason: 'unreachable-file' | 'skipped-crate',
  detail: string,
): UnresolvedEntry[] {
  const census = takeCensus(text, env);
  if (census.wholeInactive) return [];
  const lineOf = lineIndex(text);
  const drafts: Draft[] = [];
  let order = 0;
  for (const s of census.sites) {
    if (inRanges(census.inactive, s.offset)) continue;
    drafts.push({
      kind: 'export-site',
      file,
      line: lineOf(s.offset),
      path: ['crate', ...s.itemPath].join('::'),
      macro: null,
      reason,
      unit: s.unit,
      message: `\`${s.token}\` in ${detail}: the engine did not read this code as part of the library; if it is compiled, a symbol is exported that no item lists`,
      order: order++,
    });
  }
  return finishEntries(crate, drafts);
}

/** Numbers equal entries and gives every entry its key. */
export function finishEntries(crate: string, drafts: Draft[]): UnresolvedEntry[] {
  const seen = new Map<string, number>();
  const out: UnresolvedEntry[] = [];
  for (const d of [...drafts].sort((a, b) => a.order - b.order)) {
    const identity = [d.kind, crate, d.file, d.path, d.macro ?? '', d.unit.hash].join('\u0000');
    const ordinal = seen.get(identity) ?? 0;
    seen.set(identity, ordinal + 1);
    out.push({
      kind: d.kind,
      key: `${d.kind}:${crate}:${d.file}:${d.path}:${d.macro ?? ''}:${d.unit.hash}#${ordinal}`,
      file: d.file,
      line: d.line,
      path: d.path,
      macro: d.macro,
      reason: d.reason,
      excerpt: d.unit.excerpt,
      message: d.message,
    });
  }
  return out.sort((a, b) =>
    a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line || (a.key < b.key ? -1 : 1),
  );
}

export { EXPORT_TOKENS };
