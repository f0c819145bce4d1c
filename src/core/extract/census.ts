/**
 * The lexical census of one text (a file, a `cfg_if!` branch or a macro expansion): every place that
 * can put a symbol into the library, found without parsing — export attribute tokens, macro
 * invocations in any position, attribute and derive macros, `macro_rules!` definitions — and the
 * ranges that are not compiled (`#[cfg(false)]`, `#[test]`). The accounting (accounting.ts) then
 * checks each place against what the syntax-tree scanner understood. Pure and linear in the text:
 * one lexer pass, one pass to match brackets, one walk.
 */
import { createHash } from 'node:crypto';
import { readAttribute } from '../rust/attributes';
import { CfgEnv, evalCfg, parseCfg } from '../rust/cfg';
import { lex, Token } from '../rust/lexer';
import { INLINE_ASM_MACROS, inlineAsmRisk } from './inline-asm';

/** An export attribute token (`no_mangle`, `export_name`, their `r#` forms) in live code. */
export interface CensusSite {
  offset: number;
  token: string;
  /** Enclosing item names, outermost first (`["ffi", "Engine", "new"]`). */
  itemPath: string[];
  unit: Unit;
}

/** A `path!(…)` invocation. */
export interface CensusBang {
  start: number;
  end: number;
  /** The path as written without spaces, e.g. `serde_json::json`, `$crate::m`, `m`. */
  path: string;
  name: string;
  itemPath: string[];
  unit: Unit;
  /**
   * An `asm!`/`naked_asm!` invocation (by any path) that is not provably harmless: why
   * (inline-asm.ts). Absent on every other invocation, and on inline assembly that cannot define a
   * symbol.
   */
  asmRisk?: string;
}

/**
 * An outer attribute that is not built in, or one derive of a `#[derive(…)]`; or a name that is
 * built in unless something shadows it (`builtin`: `#[test]`, `#[derive(…)]` itself, `Debug` in
 * it), which the accounting settles by name resolution.
 */
export interface CensusAttr {
  start: number;
  path: string;
  kind: 'attribute' | 'derive';
  /** An item on the way out holds a derive that is not built in (so `#[name]` may be its helper). */
  underDerive: boolean;
  itemPath: string[];
  unit: Unit;
  /**
   * A name of std's prelude or one rustc lets a `use` shadow (`SHADOWABLE_ATTRIBUTES`, a derive of
   * `BUILTIN_DERIVES`): nothing to account where it resolves to std, an attribute or derive macro
   * like any other where a `use`, a glob, a `#[macro_use]` crate or a crate macro may replace it.
   */
  builtin?: true;
  /**
   * `#[test]`/`#[bench]`: the census left the item out as test-only code, which holds only when the
   * name is std's (else the item is compiled, and was not read).
   */
  skipsItem?: true;
  /**
   * On the record of a `#[derive(…)]` (`path` `derive`, `builtin`): the derives std provides that it
   * names by a bare name (`Debug`, `Clone`), each built in unless shadowed too. One record for them
   * all: most items derive a few, and most of these records go unread (their names are std's).
   */
  derives?: string[];
}

/** What the census knows of an attribute before its item is read. */
type PendingAttr = Pick<CensusAttr, 'start' | 'path' | 'kind' | 'builtin' | 'skipsItem' | 'derives'>;

/** A census record of `a` (every field set, so that all records have one shape). */
function attrRecord(a: PendingAttr, underDerive: boolean, itemPath: string[], unit: Unit): CensusAttr {
  return {
    start: a.start,
    path: a.path,
    kind: a.kind,
    underDerive,
    itemPath,
    unit,
    builtin: a.builtin,
    skipsItem: a.skipsItem,
    derives: a.derives,
  };
}

export interface CensusMacroDef {
  name: string;
  start: number;
  end: number;
}

/** `#[cfg(false)] mod name;`: the file it names is not compiled in this build. */
export interface CensusDisabledMod {
  name: string;
  pathAttr: string | null;
  itemPath: string[];
}

/** The tokens of the smallest item or statement around a place: what its key hashes. */
export interface Unit {
  start: number;
  end: number;
  hash: string;
  excerpt: string;
}

export interface Census {
  sites: CensusSite[];
  bangs: CensusBang[];
  attrs: CensusAttr[];
  macroDefs: CensusMacroDef[];
  disabledMods: CensusDisabledMod[];
  /** Offsets ranges `[start, end)` that are not compiled in this build. */
  inactive: [number, number][];
  /** The text is switched off as a whole by an inner `#![cfg(false)]`. */
  wholeInactive: boolean;
  /** Names brought in by `use` (last segment or rename) → first path segment. */
  imports: Map<string, string>;
  /** Names brought in by `use` → the full path they name (`["crate", "prelude", "bail"]`). */
  importPaths: Map<string, string[]>;
  /** Full paths of glob imports (`use crate::prelude::*` → `["crate", "prelude"]`). */
  globPaths: string[][];
  /** Every `use`, with the item path it stands in (a module, a fn body): name resolution reads them. */
  uses: { scope: string[]; name: string | null; path: string[] }[];
  /** First segments of glob imports (`use foo::*`). */
  globs: string[];
  /** Crates named by `#[macro_use] extern crate x;`. */
  macroUse: string[];
  /** The lexer stopped at its token bound. */
  truncated: boolean;
  /**
   * Made from a quiet scan (quiet-census.ts) for one crate: valid only with that crate's `use`s and
   * macros, so never shared with another extraction.
   */
  quiet?: true;
}

/** What a census records of `use` declarations. */
export type UseRecords = Pick<Census, 'imports' | 'importPaths' | 'globPaths' | 'uses' | 'globs'>;

export const EXPORT_TOKENS = new Set(['no_mangle', 'export_name', 'r#no_mangle', 'r#export_name']);

/**
 * Attributes rustc defines itself (its `BUILTIN_ATTRIBUTES`): none is a macro, and none can be
 * shadowed — with rustc 1.95, `use m::inline;` (m a proc-macro crate exporting an attribute
 * `inline`) and then `#[inline]` is error E0659 (ambiguous: a built-in attribute or the import) for
 * every name of this list, and `cfg`, `cfg_attr` and `rustc_*` are reserved names.
 */
const BUILTIN_ATTRIBUTES = new Set([
  'cfg',
  'cfg_attr',
  'allow',
  'warn',
  'deny',
  'forbid',
  'expect',
  'deprecated',
  'must_use',
  'doc',
  'inline',
  'cold',
  'no_mangle',
  'export_name',
  'link_section',
  'link',
  'link_name',
  'link_ordinal',
  'repr',
  'non_exhaustive',
  'path',
  'macro_export',
  'macro_use',
  'ignore',
  'should_panic',
  'automatically_derived',
  'used',
  'track_caller',
  'target_feature',
  'unsafe',
  'naked',
  'no_std',
  'no_core',
  'no_implicit_prelude',
  'crate_type',
  'crate_name',
  'recursion_limit',
  'type_length_limit',
  'feature',
  'panic_handler',
  'windows_subsystem',
  'no_main',
  'no_builtins',
  'instruction_set',
  'collapse_debuginfo',
  'debugger_visualizer',
  'may_dangle',
  'thread_local',
  'coverage',
  'optimize',
  'unstable',
  'stable',
  'rustc_const_stable',
  'rustc_const_unstable',
  'allow_internal_unstable',
  'marker',
  'no_link',
  'proc_macro',
  'proc_macro_derive',
  'proc_macro_attribute',
  'register_tool',
  'test_runner',
  'reexport_test_harness_main',
  'ffi_pure',
  'ffi_const',
  'linkage',
  'lang',
  'fundamental',
  'sanitize',
  'patchable_function_entry',
]);

/**
 * Attribute names the census once took for built in by name alone, but which a `use`, a glob
 * import, a `#[macro_use] extern crate` or a crate macro of that name replaces without an error
 * (each checked with rustc 1.95: an attribute macro imported under the name runs and its export
 * is in `nm -D`). `test`, `bench`, `derive` and `global_allocator` are macros of std's prelude
 * (`core::prelude::v1`; see `PRELUDE_MACROS`);
 * `default` is only a helper of `derive(Default)`; the others are attributes of unstable or removed
 * features that rustc 1.95 no longer defines. Each occurrence is recorded as `builtin`, and the
 * accounting resolves it (accounting.ts, `MacroWorld.builtinHere`). The prelude's other attribute
 * macros (`cfg_accessible`, `cfg_eval`, `test_case`, `derive_const`, `define_opaque`,
 * `alloc_error_handler`, `eii`…) are in neither list: recorded and resolved like any attribute.
 */
export const SHADOWABLE_ATTRIBUTES: ReadonlySet<string> = new Set([
  'test',
  'bench',
  'derive',
  'global_allocator',
  'default',
  'const_trait',
  'do_not_recommend',
  'on_unimplemented',
  'doc_cfg',
  'async_trait_placeholder',
  'unsafe_no_drop_flag',
]);

/** Derives rustc provides (macros of std's prelude: a `use` can shadow them, see `builtin`). */
const BUILTIN_DERIVES = new Set([
  'Debug',
  'Clone',
  'Copy',
  'PartialEq',
  'Eq',
  'PartialOrd',
  'Ord',
  'Hash',
  'Default',
  'CoercePointee',
]);

/**
 * The names of `SHADOWABLE_ATTRIBUTES` and `BUILTIN_DERIVES` that are macros of std's prelude. A
 * glob import cannot shadow these: rustc 1.95 rejects a glob-imported macro of a prelude name as
 * ambiguous (E0659, "a name from a glob import and an outer scope"; checked for `test`, `Debug` and
 * `global_allocator`, editions 2015 to 2024, a glob of the macro's crate and a glob of a module
 * that re-exports it). A named `use`, a `#[macro_use] extern crate` or a crate macro can.
 */
export const PRELUDE_MACROS: ReadonlySet<string> = new Set([
  'test',
  'bench',
  'derive',
  'global_allocator',
  // `CoercePointee` is `core::marker::CoercePointee`, not in the prelude
  ...[...BUILTIN_DERIVES].filter((d) => d !== 'CoercePointee'),
]);

const TOOL_PREFIXES = new Set(['rustfmt', 'clippy', 'diagnostic', 'rust_analyzer', 'rustdoc', 'miri']);

/** Words that can stand before `!` without being a macro name (`return !x`). */
export const NOT_MACRO = new Set([
  'return',
  'if',
  'while',
  'match',
  'in',
  'let',
  'else',
  'break',
  'yield',
  'as',
  'move',
  'mut',
  'ref',
  'loop',
  'where',
  'const',
  'static',
  'unsafe',
  'await',
  'impl',
  'dyn',
  'for',
]);

/** `fn`, `mod`, `struct`, `enum`, `union`, `trait`, `static`, `const` or `type` (see `isModifier`). */
function isItemKeyword(s: string): boolean {
  switch (s.length) {
    case 2:
      return s === 'fn';
    case 3:
      return s === 'mod';
    case 4:
      return s === 'enum' || s === 'type';
    case 5:
      return s === 'union' || s === 'trait' || s === 'const';
    case 6:
      return s === 'struct' || s === 'static';
    default:
      return false;
  }
}

export function isBuiltinAttribute(path: string): boolean {
  const segs = path.split('::');
  if (segs.length > 1) return TOOL_PREFIXES.has(segs[0]) || segs[0] === 'rustc' || segs[0] === 'core';
  return BUILTIN_ATTRIBUTES.has(path) || path.startsWith('rustc_');
}

export function isBuiltinDerive(path: string): boolean {
  if (!path.includes(':')) return BUILTIN_DERIVES.has(path); // a bare name (most derives)
  const segs = path.split('::');
  const last = segs[segs.length - 1];
  if (segs.length > 1 && !['std', 'core', 'alloc'].includes(segs[0])) return false;
  return BUILTIN_DERIVES.has(last);
}

interface Task {
  /** First token of the sequence. */
  from: number;
  /** Index of the group's closer (exclusive bound of its content), or the token count. */
  to: number;
  itemPath: string[];
  underDerive: boolean;
  /** An item on the way out derives std's `Default`: `#[default]` is its helper (rustc: even over a `use`). */
  underDefault: boolean;
  /**
   * Inside a macro invocation's input: a bare `no_mangle` here may become an attribute in the
   * expansion. Outside, a bare identifier (`let export_name = …`) is a variable, not an attribute.
   */
  inMacro: boolean;
}

const MAX_UNIT_TOKENS = 20_000;
const MAX_IMPL_NAME_TOKENS = 256;

/** The index of each opener's matching closer (-1 when unmatched), in one pass. */
export function matchGroups(tokens: Token[]): Int32Array {
  const n = tokens.length;
  const match = new Int32Array(n).fill(-1);
  const open: number[] = [];
  for (let i = 0; i < n; i++) {
    if (tokens[i].kind === 'open') open.push(i);
    else if (tokens[i].kind === 'close' && open.length) match[open.pop() as number] = i;
  }
  return match;
}

/** Takes the census of `text`. `maxTokens` bounds the lexer (a truncated census is reported). */
export function takeCensus(
  text: string,
  env: CfgEnv,
  maxTokens = 4_000_000,
  lexed: Token[] | null = null,
): Census {
  // `lexed`: the tokens `lex(text, maxTokens)` gives, when the caller has them already
  const tokens = lexed ?? lex(text, maxTokens);
  const out = emptyCensus();
  out.truncated = tokens.length >= maxTokens;
  const n = tokens.length;
  const match = matchGroups(tokens);
  /** Index just past the token tree at `i`. */
  const skip = (i: number): number => (tokens[i].kind === 'open' ? (match[i] < 0 ? n : match[i] + 1) : i + 1);
  const startOf = (k: number): number => tokens[k]?.start ?? text.length;
  const endOf = (k: number): number => tokens[k]?.end ?? text.length;
  const unitCache = new Map<string, Unit>();
  const unitOf = (from: number, to: number): Unit => {
    const id = `${from}:${to}`;
    const cached = unitCache.get(id);
    if (cached) return cached;
    const h = createHash('sha256');
    let excerpt = '';
    const last = Math.min(to, from + MAX_UNIT_TOKENS);
    // the bytes hashed are each token's text followed by NUL, fed in one update (the same digest
    // as one update per token, without a native call per token)
    let joined = '';
    for (let k = from; k < last; k++) joined += tokens[k].text + '\u0000';
    h.update(joined);
    for (let k = from; k < last && excerpt.length <= 160; k++)
      excerpt += (k > from && needsSpace(tokens[k - 1], tokens[k]) ? ' ' : '') + tokens[k].text;
    const u: Unit = {
      start: startOf(from),
      end: endOf(to - 1),
      hash: h.digest('hex').slice(0, 16),
      excerpt: excerpt.length > 160 ? excerpt.slice(0, 159) + '\u2026' : excerpt,
    };
    unitCache.set(id, u);
    return u;
  };
  const cfgOff = (from: number, to: number): boolean => {
    for (const a of attributesIn(tokens, text, from, to, env))
      if (a.name === 'cfg' && a.args !== null) {
        const p = parseCfg(a.args);
        if (p && evalCfg(p, env) === false) return true;
      }
    return false;
  };

  // Inner attributes at the very top: `#![cfg(…)]` can switch the whole text off.
  let top = 0;
  while (tokens[top]?.text === '#' && tokens[top + 1]?.text === '!' && tokens[top + 2]?.text === '[') {
    const end = skip(top + 2);
    if (cfgOff(top + 3, end - 1)) out.wholeInactive = true;
    top = end;
  }
  /** Records the `path!(…)` whose `!` is at `m`, if it is a macro call. */
  const bangHere = (m: number, itemPath: string[]): void => {
    const b = bangAt(tokens, m);
    if (!b) return;
    const close = skip(m + 1);
    const bang: CensusBang = {
      start: startOf(b.from),
      end: endOf(close - 1),
      path: b.path,
      name: b.name,
      itemPath,
      unit: unitOf(b.from, close),
    };
    if (INLINE_ASM_MACROS.has(b.name)) {
      const risk =
        match[m + 1] < 0 ? 'an input that is not closed' : inlineAsmRisk(tokens, m + 2, close - 1, skip);
      if (risk !== null) bang.asmRisk = risk;
    }
    out.bangs.push(bang);
  };

  // inner attributes at the top are walked as items too (a stray `#![no_mangle]` is a site)
  const work: Task[] = [
    { from: 0, to: n, itemPath: [], underDerive: false, underDefault: false, inMacro: false },
  ];
  while (work.length) {
    const task = work.pop() as Task;
    let i = task.from;
    while (i < task.to) {
      const itemStart = i;
      let inactive = false;
      /** `#[test]`/`#[bench]`: left out, test-only if the name is std's (its record says so). */
      let testOnly = false;
      let derives = false;
      let derivesDefault = false;
      const attrs: PendingAttr[] = [];
      const attrSites: number[] = [];
      let pathAttr: string | null = null;
      let macroUse = false;
      // attributes, outer and inner
      while (i < task.to && tokens[i].text === '#') {
        const innerAttr = tokens[i + 1]?.text === '!';
        const open = innerAttr ? i + 2 : i + 1;
        if (open >= task.to || tokens[open].text !== '[') break;
        const end = Math.min(skip(open), task.to);
        const read = attributesIn(tokens, text, open + 1, end - 1, env);
        // `#[cfg_attr(false-predicate, no_mangle)]` is inert; anything else naming the token is live
        const live = read.some((a) => EXPORT_TOKENS.has(a.name)) || !isCfgAttr(tokens, open + 1, end - 1);
        if (live)
          for (let k = open + 1; k < end - 1; k++)
            if (tokens[k].kind === 'ident' && EXPORT_TOKENS.has(tokens[k].text)) attrSites.push(k);
        if (innerAttr && itemStart === i && task.from !== 0 && cfgOff(open + 1, end - 1)) {
          // `{ #![cfg(test)] … }` switches the rest of the group off
          out.inactive.push([startOf(i), endOf(task.to - 1)]);
          i = task.to;
          break;
        }
        for (const a of read) {
          const name = a.name.replace(/^r#/, '');
          if (name === 'cfg' && a.args !== null) {
            const p = parseCfg(a.args);
            if (p && evalCfg(p, env) === false) inactive = true;
          } else if (name === 'test' || name === 'bench') {
            testOnly = true;
            attrs.push({ start: startOf(i), path: name, kind: 'attribute', builtin: true, skipsItem: true });
          } else if (name === 'derive' && a.args !== null) {
            // `derive` itself is a prelude macro, and so is each derive rustc provides: one record
            // for them all, then one for each other derive
            const paths = splitPaths(a.args);
            const std = paths.filter((d) => isBuiltinDerive(d) && !d.includes(':'));
            const pending: PendingAttr = { start: startOf(i), path: name, kind: 'attribute', builtin: true };
            if (std.length) pending.derives = std;
            attrs.push(pending);
            for (const d of paths) {
              if (isBuiltinDerive(d)) {
                if (d === 'Default' || d.endsWith('::Default')) derivesDefault = true;
                continue;
              }
              derives = true;
              attrs.push({ start: startOf(i), path: d, kind: 'derive' });
            }
          } else if (name === 'path' && a.value !== null) {
            pathAttr = a.value;
          } else if (name === 'macro_use') {
            macroUse = true;
          } else if (!innerAttr && SHADOWABLE_ATTRIBUTES.has(name)) {
            // `#[default]` in an item deriving std's `Default` is that derive's helper, which rustc
            // takes over any import of the name (checked with rustc 1.95)
            if (name === 'default' && task.underDefault) continue;
            attrs.push({ start: startOf(i), path: name, kind: 'attribute', builtin: true });
          } else if (!innerAttr && !isBuiltinAttribute(name)) {
            attrs.push({ start: startOf(i), path: name, kind: 'attribute' });
          }
        }
        i = end;
      }
      if (i >= task.to && itemStart === i) break;
      // the item's keyword and name
      let name: string | null = null;
      let isMacroRules = false;
      const k = itemKeywordAt(tokens, i, task.to, skip);
      const kw = tokens[k]?.text ?? '';
      if (isItemKeyword(kw) && tokens[k + 1]?.kind === 'ident') name = tokens[k + 1].text.replace(/^r#/, '');
      else if (kw === 'impl') name = implName(tokens, k + 1, task.to, skip);
      else if (kw === 'macro_rules' && tokens[k + 1]?.text === '!' && tokens[k + 2]?.kind === 'ident') {
        isMacroRules = true;
        name = tokens[k + 2].text.replace(/^r#/, '');
      }
      const itemEnd = itemEndFrom(tokens, i, task.to, itemStart, skip);
      i = itemEnd;
      if (inactive) {
        out.inactive.push([startOf(itemStart), endOf(itemEnd - 1)]);
        if (kw === 'mod' && name && tokens[k + 2]?.text === ';')
          out.disabledMods.push({ name, pathAttr, itemPath: task.itemPath });
        continue;
      }
      if (testOnly) {
        // only the `#[test]`/`#[bench]` is recorded: where it is std's the item is test-only code
        // (as the census used to take it by name alone), elsewhere it is reported whole
        const itemPath = name ? [...task.itemPath, name] : task.itemPath;
        for (const a of attrs)
          if (a.skipsItem)
            out.attrs.push(attrRecord(a, task.underDerive, itemPath, unitOf(itemStart, itemEnd)));
        continue;
      }
      if (kw === 'use') readUse(tokens, k + 1, itemEnd, out, task.itemPath);
      // `#[macro_use] extern crate name;` (`extern` is read as a modifier: `kw` is `crate`)
      if (kw === 'crate' && tokens[k - 1]?.text === 'extern' && tokens[k + 1]?.kind === 'ident' && macroUse)
        out.macroUse.push(tokens[k + 1].text.replace(/^r#/, ''));
      const itemPath = name ? [...task.itemPath, name] : task.itemPath;
      const underDerive = task.underDerive || derives;
      const underDefault = task.underDefault || derivesDefault;
      const unit = (): Unit => unitOf(itemStart, itemEnd);
      for (const a of attrs) out.attrs.push(attrRecord(a, underDerive, itemPath, unit()));
      for (const s of attrSites)
        out.sites.push({ offset: tokens[s].start, token: tokens[s].text, itemPath, unit: unit() });
      if (isMacroRules) {
        out.macroDefs.push({ name: name as string, start: startOf(itemStart), end: endOf(itemEnd - 1) });
        continue;
      }
      // the item's own tokens; its groups become tasks
      for (let m = k; m < itemEnd; m++) {
        const t = tokens[m];
        if (t.kind === 'open') {
          const close = skip(m);
          const macroInput = task.inMacro || tokens[m - 1]?.text === '!';
          work.push({
            from: m + 1,
            to: Math.min(close - 1, n),
            itemPath,
            underDerive,
            underDefault,
            inMacro: macroInput,
          });
          m = close - 1;
          continue;
        }
        if (task.inMacro && t.kind === 'ident' && EXPORT_TOKENS.has(t.text))
          out.sites.push({ offset: t.start, token: t.text, itemPath, unit: unit() });
        if (t.text === '!' && tokens[m + 1]?.kind === 'open' && m > itemStart) bangHere(m, itemPath);
      }
      // attributes' own tokens before `k` may hold groups with macro calls (`#[doc = include_str!(…)]`)
      for (let m = itemStart; m < k; m++) {
        const t = tokens[m];
        if (t.text === '!' && tokens[m + 1]?.kind === 'open' && m > itemStart) bangHere(m, itemPath);
      }
    }
  }
  out.sites.sort((a, b) => a.offset - b.offset);
  out.bangs.sort((a, b) => a.start - b.start);
  out.attrs.sort((a, b) => a.start - b.start);
  return out;
}

/**
 * The index of an item's keyword (`fn`, `use`, `macro_rules`, …), its attributes ending before
 * `i`: past `pub`/`pub(…)` and the modifiers (`unsafe`, `extern "C"`, `const` before `fn`, …).
 */
export function itemKeywordAt(tokens: Token[], i: number, to: number, skip: (k: number) => number): number {
  let k = i;
  if (tokens[k]?.text === 'pub') k = tokens[k + 1]?.text === '(' ? skip(k + 1) : k + 1;
  while (
    k < to &&
    ((isModifier(tokens[k].text) && !(tokens[k].text === 'const' && isConstItem(tokens[k + 1]))) ||
      (tokens[k].kind === 'literal' && tokens[k - 1]?.text === 'extern'))
  )
    k++;
  return k;
}

/**
 * The end (exclusive) of the item whose tokens after its attributes start at `i`: up to `;` or
 * `,`, or through the first `{…}` group; always past `itemStart` (the walk progresses).
 */
export function itemEndFrom(
  tokens: Token[],
  i: number,
  to: number,
  itemStart: number,
  skip: (k: number) => number,
): number {
  let j = i;
  while (j < to) {
    const t = tokens[j];
    if (t.kind === 'open') {
      j = Math.min(skip(j), to);
      if (t.text === '{') break;
      continue;
    }
    j++;
    if (t.text === ';' || t.text === ',') break;
  }
  return j <= itemStart ? itemStart + 1 : j;
}

/** A census with nothing in it (what a text with no item gives). */
export function emptyCensus(): Census {
  return {
    sites: [],
    bangs: [],
    attrs: [],
    macroDefs: [],
    disabledMods: [],
    inactive: [],
    wholeInactive: false,
    imports: new Map(),
    importPaths: new Map(),
    globPaths: [],
    uses: [],
    globs: [],
    macroUse: [],
    truncated: false,
  };
}

/** The attribute is `cfg_attr(…)` or `unsafe(cfg_attr(…))`. */
export function isCfgAttr(tokens: Token[], from: number, to: number): boolean {
  let k = from;
  if (tokens[k]?.text === 'unsafe' && tokens[k + 1]?.text === '(') k += 2;
  return k < to && tokens[k].text === 'cfg_attr';
}

/** `const NAME` (an item) rather than `const fn`. */
export function isConstItem(next: Token | undefined): boolean {
  return !!next && (next.kind !== 'ident' || !['fn', 'unsafe', 'extern', 'async'].includes(next.text));
}

/**
 * `unsafe`, `extern`, `async`, `default`, `auto`, `safe` or `const`: compared by length and first
 * letter before the text (a `Set` lookup hashes every token's fresh string, once per item).
 */
export function isModifier(s: string): boolean {
  switch (s.length) {
    case 4:
      return s === 'auto' || s === 'safe';
    case 5:
      return s === 'async' || s === 'const';
    case 6:
      return s === 'unsafe' || s === 'extern';
    case 7:
      return s === 'default';
    default:
      return false;
  }
}

function needsSpace(a: Token | undefined, b: Token): boolean {
  return !!a && (a.kind === 'ident' || a.kind === 'literal') && (b.kind === 'ident' || b.kind === 'literal');
}

export function attributesIn(tokens: Token[], text: string, from: number, to: number, env: CfgEnv) {
  if (from >= to) return [];
  return readAttribute(text.slice(tokens[from].start, tokens[to - 1].end), env);
}

/**
 * The paths of a `derive(…)`: comments and whitespace removed, every non-empty entry kept. An entry
 * that is not a plain path (a non-ASCII name, a comment left over) is kept as written, so that it
 * is recorded and accounted, never dropped: `derive(Clone, evil::` + a block comment + `Export)` names
 * `evil::Export` (entries that were not `[\w:$#]+` used to be filtered out, and with them a derive
 * macro that exports).
 */
export function splitPaths(args: string): string[] {
  return args
    .replace(/\/\*[\s\S]*?\*\/|\/\/[^\n]*/g, ' ')
    .split(',')
    .map((s) => s.replace(/\s+/g, ''))
    .filter((s) => s !== '');
}

/** `impl<T> Trait for Type<T> {` → `Type`; `impl Type {` → `Type`. */
function implName(tokens: Token[], from: number, to: number, skip: (i: number) => number): string | null {
  let k = from;
  let last: string | null = null;
  let depth = 0;
  for (; k < to && k < from + MAX_IMPL_NAME_TOKENS; k++) {
    const t = tokens[k];
    if (t.text === '{' || t.text === ';') break;
    if (t.kind === 'open') {
      k = skip(k) - 1;
      continue;
    }
    if (t.text === '<') depth++;
    else if (t.text === '>' || t.text === '>>') depth -= t.text.length;
    else if (t.text === 'for' && depth <= 0) last = null;
    else if (t.text === 'where' && depth <= 0) break;
    else if (t.kind === 'ident' && depth <= 0 && t.text !== 'dyn' && t.text !== 'unsafe') last = t.text;
  }
  return last ? `<impl ${last}>` : '<impl>';
}

const MAX_USE_TOKENS = 4096;

/**
 * `use a::b::{c, d as e, f::*};` → imports c → a::b::c, e → a::b::d; glob a::b::f. Linear in the
 * tokens of the declaration (at most MAX_USE_TOKENS), nested braces through an explicit stack.
 */
export function readUse(tokens: Token[], from: number, to: number, out: UseRecords, scope: string[]): void {
  const end = Math.min(to, from + MAX_USE_TOKENS);
  const add = (name: string, path: string[]) => {
    if (!path.length || name === '_') return;
    out.importPaths.set(name, path);
    out.imports.set(name, path[0]);
    out.uses.push({ scope, name, path });
  };
  // each frame: the prefix of the group being read
  const prefixes: string[][] = [[]];
  let cur: string[] = [];
  for (let k = from; k < end; k++) {
    const t = tokens[k];
    const prefix = prefixes[prefixes.length - 1];
    if (t.text === ';') break;
    if (t.kind === 'ident') {
      if (t.text === 'as') {
        const alias = tokens[k + 1];
        if (alias?.kind === 'ident') add(alias.text.replace(/^r#/, ''), [...prefix, ...cur]);
        cur = [];
        k++;
        continue;
      }
      cur.push(t.text.replace(/^r#/, ''));
      continue;
    }
    if (t.text === '::') continue;
    if (t.text === '*') {
      const g = [...prefix, ...cur];
      if (g.length) {
        out.globPaths.push(g);
        out.uses.push({ scope, name: null, path: g });
        if (!out.globs.includes(g[0])) out.globs.push(g[0]);
      }
      cur = [];
      continue;
    }
    if (t.text === '{') {
      prefixes.push([...prefix, ...cur]);
      cur = [];
      continue;
    }
    if (t.text === ',' || t.text === '}') {
      if (cur.length) {
        const full = [...prefix, ...cur];
        // `use a::b::{self}` imports `b`
        if (cur.length === 1 && cur[0] === 'self') add(prefix[prefix.length - 1] ?? 'self', prefix);
        else add(cur[cur.length - 1], full);
      }
      cur = [];
      if (t.text === '}' && prefixes.length > 1) prefixes.pop();
    }
  }
  if (cur.length) add(cur[cur.length - 1], [...prefixes[prefixes.length - 1], ...cur]);
}

/** The macro path ending just before the `!` at `bang`, or null when it is not a macro call. */
export function bangAt(tokens: Token[], bang: number): { from: number; path: string; name: string } | null {
  let k = bang - 1;
  const nameTok = tokens[k];
  if (!nameTok || nameTok.kind !== 'ident') return null;
  const name = nameTok.text.replace(/^r#/, '');
  if (NOT_MACRO.has(name) || name === 'macro_rules') return null;
  let path = name;
  while (tokens[k - 1]?.text === '::' && (tokens[k - 2]?.kind === 'ident' || tokens[k - 2]?.text === '$')) {
    if (tokens[k - 2].kind === 'ident') {
      const seg = tokens[k - 2].text;
      if (tokens[k - 3]?.text === '$') {
        path = `$${seg}::${path}`;
        k -= 3;
        break;
      }
      path = `${seg}::${path}`;
      k -= 2;
    } else break;
  }
  if (tokens[k - 1]?.text === '::') k--; // `::std::println!`
  return { from: k, path, name };
}
