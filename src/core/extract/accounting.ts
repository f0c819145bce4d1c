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
import { Census, CensusAttr, CensusBang, PRELUDE_MACROS, takeCensus, Unit } from './census';
import type { MacroDef, MacroInvocation } from './scan-file';
import { isTrustedMacroCrate, STD_MACROS, unsafeStdInvocation } from './macro-trust';
import { lex } from '../rust/lexer';
import { mayBeQuiet, QuietText, quietCensus, quietScan } from './quiet-census';

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
  /** Its census, once taken. */
  census?: Census;
  /**
   * A module file the byte prefilter did not send to the parser: it holds no `no_mangle`,
   * `export_name` or `macro_rules` (what the quiet scan need not look for again).
   */
  prefiltered?: true;
  /**
   * Its quiet scan (quiet-census.ts), once taken: null when the text is not quiet. A pure function
   * of the text and the cfg environment, so it may be shared between extractions of the same text.
   */
  quiet?: QuietText | null;
  /**
   * Set by `releaseText`, which empties `text`: the line (in `origin.file`) of every offset the
   * accounting may report — each export site, macro invocation and attribute of the census.
   */
  lines?: Map<number, number>;
}

export interface MacroOutcomes {
  /**
   * Invocations through a module path (`crate::a::m!`) expanded with the crate's own `m`: right
   * when name resolution leads there, which the accounting checks.
   */
  guessed: Set<MacroInvocation>;
  /** Expanded with the definition that textually precedes them in their file (shadowing decided). */
  textual: Set<MacroInvocation>;
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
  /** This crate's macros and dependencies. */
  own: CrateMacros;
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

/** What the engine knows of a library crate's macros, for the invocations of every crate. */
export interface CrateMacros {
  /** The library's name as code names it (`-` as `_`). */
  lib: string;
  procMacro: boolean;
  /** Its `macro_rules!` definitions by name. */
  definitions: Map<string, MacroDef[]>;
  /** Normal dependencies: name in code → package library name (both with `-` as `_`). */
  deps: Readonly<Record<string, string>>;
  /**
   * Its `use` declarations by scope (`crate::a`, `crate::a::f` for a fn body): what name
   * resolution follows, across crates, to find where a macro comes from. Every module read has a
   * scope, with or without `use`s.
   */
  scopes?: Map<string, UseScope>;
  /**
   * Crates named by `#[macro_use] extern crate …` (as code names them), std's left out: their
   * macros are in every module's macro_use prelude, which comes before std's prelude (a crate's
   * `test` attribute or `println` macro replaces std's there). Set with `scopes`.
   */
  macroUse?: string[];
}

export interface UseScope {
  named: Map<string, string[]>;
  globs: string[][];
}

/** Where a resolved macro name leads. */
type Origin =
  | { kind: 'def'; crate: CrateMacros; name: string }
  | { kind: 'package'; lib: string }
  | { kind: 'std' }
  | { kind: 'unknown' };

const MAX_RESOLVE_DEPTH = 24;
const MAX_RESOLVE_STEPS = 2_000;

/**
 * Gives every text of a crate its census, taking the quiet census (quiet-census.ts) where it is
 * exact: for a file that was not parsed (no invocation or export of it was read) and scans quiet,
 * when every std macro it invokes resolves to std in this crate — no `use` of the crate names it
 * (a named import anywhere may be the one resolution finds) and the crate defines no macro of that
 * name. Such an invocation is one the accounting passes by (`bangSafe`: std) and `releaseTexts`
 * drops, so the quiet census leaves the accounting's records as they were. Any other text gets the
 * full census. Call once every text of the crate is known (before its scopes are built);
 * `quietTexts: false` takes the full census of every text (the reference the tests compare with).
 */
export function settleCensuses(input: AccountingInput, quietTexts = true): void {
  const { texts, env, own } = input;
  const candidates: ScannedText[] = [];
  for (const t of texts) {
    if (t.census) continue;
    if (quietTexts && t.origin.expansionOf === null && !t.invocations.length && !t.accounted.length) {
      if (t.quiet === undefined) {
        // one lex for both: the scan, and the full census when the text is not quiet
        const tokens = mayBeQuiet(t.text, t.prefiltered === true) ? lex(t.text, CENSUS_TOKENS) : null;
        t.quiet = tokens && quietScan(t.text, env, tokens, true);
        if (!t.quiet) t.census = takeCensus(t.text, env, CENSUS_TOKENS, tokens);
      }
      if (t.quiet) {
        candidates.push(t);
        continue;
      }
    }
    censusOf(t, env);
  }
  if (!candidates.length) return;
  const named = new Set<string>();
  for (const t of texts) {
    const uses = t.census ? t.census.uses : (t.quiet?.uses ?? []);
    for (const u of uses) if (u.name !== null) named.add(u.name);
  }
  // a `#[macro_use]` crate may define any std macro name (resolution cannot tell here which)
  const macroUse = macroUseOf(texts);
  // names taken for built in (`test`, `derive`, `Debug`): a prelude name no `use` of the crate
  // names, that no crate macro has and no `#[macro_use]` crate may bring is std's everywhere (a
  // glob cannot shadow it: `builtinHere`), the common case; any other is resolved as the
  // accounting resolves it, with this crate's scopes (a glob into another crate is not followed
  // here: not std's), and a module with scopes below its own (a fn body's `use`, held by another
  // text of the module) gets the full census, since the quiet scan does not know where in the
  // module each name is
  const everywhere = (name: string) =>
    PRELUDE_MACROS.has(name) && !named.has(name) && !own.definitions.has(name) && !macroUse.length;
  let resolved: ((t: ScannedText, name: string) => boolean) | null = null;
  const saved = { scopes: own.scopes, macroUse: own.macroUse };
  const builtinStd = (t: ScannedText, name: string): boolean => {
    if (everywhere(name)) return true;
    if (!resolved) {
      const scopes = buildScopes(texts, env, true);
      own.scopes = scopes;
      own.macroUse = macroUse;
      const below = new Set<string>();
      for (const key of scopes.keys())
        for (let k = key.lastIndexOf('::'); k > 0; k = key.lastIndexOf('::', k - 1))
          below.add(key.slice(0, k));
      const local = new MacroWorld([], new Set(), env);
      resolved = (x, n) =>
        !below.has(x.origin.modPath) && local.builtinHere(own, n, x.origin.modPath, x.origin.modPath);
    }
    return resolved(t, name);
  };
  for (const t of candidates) {
    const q = t.quiet as QuietText;
    const std =
      q.stdMacros.every((m) => STD_MACROS.has(m) && !named.has(m) && !own.definitions.has(m)) &&
      (!q.stdMacros.length || !macroUse.length);
    const builtins = q.builtins.every((name) => builtinStd(t, name));
    t.census = std && builtins ? quietCensus(q) : takeCensus(t.text, env);
  }
  own.scopes = saved.scopes;
  own.macroUse = saved.macroUse;
}

/** The crates of `#[macro_use] extern crate …` in the censuses of `texts`, std's left out. */
export function macroUseOf(texts: ScannedText[]): string[] {
  const out = new Set<string>();
  for (const t of texts)
    if (t.census && !t.census.wholeInactive)
      for (const m of t.census.macroUse) if (!STD_ROOTS.has(m) && m !== 'self') out.add(m);
  return [...out].sort();
}

/** The token bound of a text's census (`takeCensus`'s default). */
const CENSUS_TOKENS = 4_000_000;

/** The census of a text, taken once. */
export function censusOf(t: ScannedText, env: CfgEnv): Census {
  t.census ??= takeCensus(t.text, env, CENSUS_TOKENS);
  return t.census;
}

/**
 * A copy of `s` that shares no memory with the text it was cut from: V8 keeps a substring (or a
 * concatenation of substrings) of 13 characters or more as a view of its parent, so one short name
 * kept from a file would keep the whole file.
 */
export function detachString(s: string): string {
  if (s.length < 13) return s;
  // one byte a character when every character fits in one (V8 keeps such strings one-byte)
  // eslint-disable-next-line no-control-regex
  const encoding = /^[\u0000-\u00ff]*$/.test(s) ? 'latin1' : 'utf16le';
  return Buffer.from(s, encoding).toString(encoding);
}

/**
 * Replaces, in place, every string reachable from `value` through plain objects, arrays, `Map`s
 * (keys and values) and `Set`s of strings with a detached copy (`detachString`). Object identity is
 * kept: sets of invocations still find them.
 */
export function detachStrings(value: unknown, seen = new Set<object>()): void {
  if (value === null || typeof value !== 'object' || seen.has(value)) return;
  seen.add(value);
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const v: unknown = value[i];
      if (typeof v === 'string') value[i] = detachString(v);
      else detachStrings(v, seen);
    }
  } else if (value instanceof Map) {
    const entries = [...(value as Map<unknown, unknown>).entries()];
    value.clear();
    for (const [k, v] of entries) {
      value.set(typeof k === 'string' ? detachString(k) : k, typeof v === 'string' ? detachString(v) : v);
      if (typeof k !== 'string') detachStrings(k, seen);
      if (typeof v !== 'string') detachStrings(v, seen);
    }
  } else if (value instanceof Set) {
    const members = [...(value as Set<unknown>)];
    if (members.some((m) => typeof m === 'string')) {
      value.clear();
      for (const m of members) value.add(typeof m === 'string' ? detachString(m) : m);
    }
    for (const m of members) if (typeof m !== 'string') detachStrings(m, seen);
  } else {
    const o = value as Record<string, unknown>;
    for (const k of Object.keys(o)) {
      const v = o[k];
      if (typeof v === 'string') o[k] = detachString(v);
      else detachStrings(v, seen);
    }
  }
}

/**
 * Lets a text go once its crate is read, keeping what the accounting needs of it: its census
 * (taken now, under the crate's cfg environment, as the accounting would take it), the lines of
 * the census's offsets, its origin, accounted ranges and invocations (their input emptied: the
 * accounting matches invocations by identity and offsets). Every string kept is detached from the
 * text (`detachStrings`), so the text itself can be collected: a run holds compact records, not
 * the source of the workspace.
 *
 * Only for a run without a scan cache or a crate memo: both share texts, censuses and invocations
 * between extractions and compare texts.
 */
export function releaseText(t: ScannedText, env: CfgEnv): void {
  if (t.lines) return;
  const census = censusOf(t, env);
  const lines = new Map<number, number>();
  if (t.origin.expansionOf === null && !census.wholeInactive) {
    const lineOf = lineIndex(t.text);
    for (const s of census.sites) lines.set(s.offset, lineOf(s.offset));
    for (const b of census.bangs) lines.set(b.start, lineOf(b.start));
    for (const a of census.attrs) lines.set(a.start, lineOf(a.start));
  }
  for (const inv of t.invocations) inv.input = '';
  t.quiet = undefined;
  detachStrings(census);
  detachStrings(t.origin);
  detachStrings(t.invocations);
  t.lines = lines;
  t.text = '';
}

/** One empty list shared by the records `releaseTexts` keeps (frozen: a write would throw). */
const NONE = Object.freeze([]) as unknown as never[];
const NO_IMPORTS: ReadonlyMap<string, string> = new Map();
const NO_USES: UseScope = Object.freeze({ named: new Map<string, string[]>(), globs: NONE });

/**
 * `releaseText` for every text of a crate, then the crate's `use` scopes (`own.scopes`, as
 * `buildScopes` makes them), and then only what `accountCrate` reads is kept: texts whose census
 * has something to account (export sites, macro invocations, attributes, modules switched off), and
 * of each census the fields the accounting reads (the `use` lists are in the scopes now). Returns
 * the number of texts released. Same conditions as `releaseText`.
 */
export function releaseTexts(input: AccountingInput): number {
  const { texts, env } = input;
  for (const t of texts) releaseText(t, env);
  const scopes = buildScopes(texts, env);
  // a module without `use`s still has a scope (resolution tells it from a module not read): one
  // shared empty scope stands for all of them; modules with the same `use`s share one scope (name
  // resolution only reads scopes, by key)
  const alike = new Map<string, UseScope>();
  for (const [key, sc] of scopes) {
    if (!sc.named.size && !sc.globs.length) {
      scopes.set(key, NO_USES);
      continue;
    }
    const id = JSON.stringify([[...sc.named], sc.globs]);
    const known = alike.get(id);
    if (known) scopes.set(key, known);
    else alike.set(id, sc);
  }
  input.own.scopes = scopes;
  input.own.macroUse = macroUseOf(texts);
  // a bare std macro name (`println!`, `vec!`) that no `use` of the crate names and that the crate
  // does not define resolves to std whatever the other crates hold: it is safe, and it holds no
  // export site (else it names the site's macro), so the accounting would pass it by. The world
  // knows no crate: a resolution that crosses into a dependency ends at a package there, never at
  // std, so a std-only answer read nothing but this crate's scopes, as the full world would
  const local = new MacroWorld([], new Set(), env);
  // per text, once: the starts of its guessed invocations, and its sites' offsets in order (a
  // lookup and a binary search a call, not a scan of every invocation and site)
  let guessedStarts = new Set<number>();
  let siteOffsets: number[] = [];
  const siteWithin = (start: number, end: number): boolean => {
    let lo = 0;
    let hi = siteOffsets.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (siteOffsets[mid] < start) lo = mid + 1;
      else hi = mid;
    }
    return lo < siteOffsets.length && siteOffsets[lo] < end;
  };
  const stdSafe = (t: ScannedText, c: Census, b: CensusBang): boolean => {
    if (b.path !== b.name || !STD_MACROS.has(b.name) || unsafeStdInvocation(b)) return false;
    if (input.own.definitions.has(b.name) || b.name === 'cfg_if') return false;
    if (guessedStarts.has(b.start)) return false;
    if (siteWithin(b.start, b.end)) return false;
    const origins = local.resolve(
      input.own,
      [t.origin.modPath, ...b.itemPath].join('::'),
      b.path,
      t.origin.modPath,
    );
    return origins.length === 1 && origins[0].kind === 'std';
  };
  for (const t of texts) {
    const c = censusOf(t, env);
    if (!c.wholeInactive && c.bangs.length) {
      guessedStarts = new Set(
        t.invocations.flatMap((i) => (i.start !== undefined && input.macros.guessed.has(i) ? [i.start] : [])),
      );
      siteOffsets = c.sites.map((x) => x.offset).sort((a, b) => a - b);
      const bangs = c.bangs.filter((b) => !stdSafe(t, c, b));
      if (bangs.length < c.bangs.length) t.census = { ...c, bangs };
    }
    // a name taken for built in that is std's where it stands (almost every `derive(Debug)`): the
    // accounting would pass it by, so it goes now
    const d = censusOf(t, env);
    if (!d.wholeInactive && d.attrs.length) {
      const attrs = d.attrs.filter(
        (a) =>
          !a.builtin ||
          !local.builtinRecordHere(
            input.own,
            a,
            [t.origin.modPath, ...a.itemPath].join('::'),
            t.origin.modPath,
          ),
      );
      if (attrs.length < d.attrs.length) t.census = { ...d, attrs };
    }
  }
  input.texts = texts.filter((t) => {
    const c = censusOf(t, env);
    if (c.wholeInactive) return false;
    return c.sites.length > 0 || c.bangs.length > 0 || c.attrs.length > 0 || c.disabledMods.length > 0;
  });
  for (const t of input.texts) {
    const c = censusOf(t, env);
    const none = <T>(xs: T[]): T[] => (xs.length ? xs : NONE);
    t.census = {
      ...c,
      sites: none(c.sites),
      bangs: none(c.bangs),
      attrs: none(c.attrs),
      macroDefs: none(c.macroDefs),
      disabledMods: none(c.disabledMods),
      inactive: none(c.inactive),
      imports: c.imports.size ? c.imports : (NO_IMPORTS as Map<string, string>),
      importPaths: NO_IMPORTS as Map<string, never>,
      globPaths: NONE,
      uses: NONE,
      globs: NONE,
      macroUse: NONE,
    };
    if (!t.accounted.length) t.accounted = NONE;
    if (!t.invocations.length) t.invocations = NONE;
  }
  return texts.length;
}

/**
 * The `use` scopes of a crate's texts (file and module-level fragments). `quiet`: read the `use`s of
 * a text whose census is not taken yet from its quiet scan (the same records: quiet-census.ts).
 */
export function buildScopes(texts: ScannedText[], env: CfgEnv, quiet = false): Map<string, UseScope> {
  const scopes = new Map<string, UseScope>();
  const scope = (key: string): UseScope => {
    let sc = scopes.get(key);
    if (!sc) scopes.set(key, (sc = { named: new Map(), globs: [] }));
    return sc;
  };
  for (const t of texts) {
    // every module read has a scope (an expansion's `use`s land in the module it was invoked in)
    scope(t.origin.modPath);
    const c = quiet && !t.census && t.quiet ? null : censusOf(t, env);
    if (c?.wholeInactive) continue;
    for (const u of c ? c.uses : (t.quiet as QuietText).uses) {
      const sc = scope([t.origin.modPath, ...u.scope].join('::'));
      if (u.name === null) sc.globs.push(u.path);
      else if (!sc.named.has(u.name)) sc.named.set(u.name, u.path);
    }
  }
  return scopes;
}

/** Where a macro path may come from. */
interface Origins {
  std: boolean;
  /** Packages (library names) that may define it. */
  packages: string[];
  /** Written as a path of the crate itself (`crate::m!`, `self::m!`, a module path). */
  local: boolean;
}

const STD_ROOTS = new Set(['std', 'core', 'alloc']);

/** The packages an invocation of `path` in `crate` can resolve to, given the text's imports. */
export function macroOrigins(crate: CrateMacros, path: string, census: Census): Origins {
  const segs = path.replace(/^::/, '').split('::');
  const name = segs[segs.length - 1];
  const anyDep = Object.values(crate.deps);
  if (segs.length > 1) {
    const root = segs[0];
    if (STD_ROOTS.has(root)) return { std: true, packages: [], local: false };
    if (LOCAL_ROOTS.has(root)) return { std: false, packages: anyDep, local: true };
    const dep = crate.deps[root.replace(/^r#/, '')];
    if (dep !== undefined) return { std: false, packages: [dep], local: false };
    // a module of the crate, or an `extern crate … as` alias: its own macros or any dependency's
    return { std: false, packages: anyDep, local: true };
  }
  const imported = census.imports.get(name);
  if (imported !== undefined) {
    if (STD_ROOTS.has(imported)) return { std: true, packages: [], local: false };
    const dep = crate.deps[imported];
    if (dep !== undefined) return { std: false, packages: [dep], local: false };
    // `use crate::…` / `use super::…`: a re-export of its own or of any dependency's
    return { std: STD_MACROS.has(name), packages: anyDep, local: true };
  }
  if (STD_MACROS.has(name)) return { std: true, packages: [], local: false };
  // the `#[macro_use]` prelude, glob imports, textual scope: any dependency
  return { std: false, packages: anyDep, local: true };
}

/**
 * Every library crate's macros, and the crates trusted not to export: decides whether an
 * invocation the engine does not expand can export. A `macro_rules!` macro of a workspace crate
 * is read: it can export only if its body can. A proc macro (or a macro of a package outside the
 * workspace) can do anything, unless its package is trusted.
 */
export class MacroWorld {
  private readonly byLib = new Map<string, CrateMacros>();
  private readonly memo = new Map<string, boolean>();
  private readonly visiting = new Set<string>();

  constructor(
    crates: CrateMacros[],
    readonly trusted: ReadonlySet<string>,
    private readonly env: CfgEnv,
  ) {
    for (const c of crates) if (!this.byLib.has(c.lib)) this.byLib.set(c.lib, c);
  }

  /** Several different definitions: rustc's textual scoping decides which one an invocation sees. */
  shadowed(crate: CrateMacros, name: string): boolean {
    const defs = crate.definitions.get(name) ?? [];
    if (defs.length < 2) return false;
    const first = JSON.stringify(defs[0].rules);
    return defs.some((d) => JSON.stringify(d.rules) !== first);
  }

  /** A `macro_rules!` macro of `crate` whose expansion can export (any of its definitions). */
  risky(crate: CrateMacros, name: string): boolean {
    const id = `${crate.lib}\u0000${name}`;
    const known = this.memo.get(id);
    if (known !== undefined) return known;
    if (this.visiting.has(id)) return false; // recursion: decided by the other parts
    this.visiting.add(id);
    let risky = false;
    for (const def of crate.definitions.get(name) ?? []) {
      for (const rule of def.rules) {
        const c = takeCensus(rule.transcriber, this.env);
        if (
          c.sites.length > 0 ||
          // paths in a transcriber are `$crate::…` or resolve where the macro is used: read from the root
          c.bangs.some((b) => !this.bangSafe(crate, b, c, 'crate')) ||
          // a name taken for built in means what it means where the macro is invoked: nothing to
          // account only if it is std's everywhere
          c.attrs.some((a) =>
            a.builtin
              ? !this.builtinEverywhere(crate, a.path) ||
                (a.derives ?? []).some((d) => !this.builtinEverywhere(crate, d))
              : !this.attrSafe(crate, a.path, a.kind, a.underDerive, c, 'crate'),
          )
        ) {
          risky = true;
          break;
        }
      }
      if (risky) break;
    }
    this.visiting.delete(id);
    this.memo.set(id, risky);
    return risky;
  }

  // --- name resolution: where a macro path used in a scope of a crate comes from -------------

  private steps = 0;

  /**
   * Origins of `path` used in `scopeKey` of `crate`; empty when resolution cannot tell. A bare name
   * is looked up from `scopeKey` outwards down to `moduleKey` (a fn body sees its module's `use`s;
   * a module does not see its parent's).
   */
  resolve(crate: CrateMacros, scopeKey: string, path: string, moduleKey = 'crate'): Origin[] {
    if (!crate.scopes) return [];
    this.steps = 0;
    const segs = path.replace(/^::/, '').split('::');
    if (segs.length === 1 && STD_MACROS.has(segs[0])) {
      // a `#[macro_use]` crate's macro of a std name replaces std's, unless a `use` names it
      const mu =
        this.findNamed(crate, scopeKey, segs[0]) === null ? this.macroUseOrigins(crate, segs[0]) : [];
      if (this.namedOnly(crate, scopeKey, segs[0])) return [{ kind: 'std' }, ...mu];
      if (mu.length) {
        const found = this.resolveName(crate, scopeKey, segs[0], 0, new Set(), moduleKey);
        return [...(found.length ? found : [{ kind: 'std' } as Origin]), ...mu];
      }
    }
    const seen = new Set<string>();
    return segs.length === 1
      ? this.resolveName(crate, scopeKey, segs[0], 0, seen, moduleKey)
      : this.resolvePath(crate, scopeKey, segs, 0, seen);
  }

  private readonly builtinMemo = new WeakMap<CrateMacros, Map<string, boolean>>();
  private readonly namedAnywhere = new WeakMap<CrateMacros, Set<string>>();

  /**
   * Whether `name`, which the census took for built in unless shadowed (census.ts,
   * `CensusAttr.builtin`: `test`, `derive`, `Debug`), is std's at `scopeKey` of `crate`: no `use` of
   * the scopes from there out to `moduleKey` names it from elsewhere, no glob there may bring it (a
   * glob of a module the engine did not read, or of a crate that is not std, may; not followed for
   * a name of std's prelude, which rustc does not let a glob shadow), no `#[macro_use] extern
   * crate` may, and the crate defines no macro of that name. Memoised per crate, place and name: a
   * map lookup per occurrence.
   */
  builtinHere(crate: CrateMacros, name: string, scopeKey: string, moduleKey = scopeKey): boolean {
    if (!crate.scopes) return false;
    let memo = this.builtinMemo.get(crate);
    if (!memo) {
      this.builtinMemo.set(crate, (memo = new Map()));
      // the names `use`s of the crate bring, anywhere: a prelude name none of them brings, that no
      // crate macro has and no `#[macro_use]` crate may, is std's in every scope (set lookups)
      const named = new Set<string>();
      for (const sc of crate.scopes.values()) for (const n of sc.named.keys()) named.add(n);
      this.namedAnywhere.set(crate, named);
    }
    if (
      PRELUDE_MACROS.has(name) &&
      !this.namedAnywhere.get(crate)?.has(name) &&
      !crate.definitions.has(name) &&
      !crate.macroUse?.length
    )
      return true;
    const id = `${scopeKey}\u0000${moduleKey}\u0000${name}`;
    const known = memo.get(id);
    if (known !== undefined) return known;
    const std = this.builtinOrigins(crate, name, scopeKey, moduleKey).every((o) => o.kind === 'std');
    memo.set(id, std);
    return std;
  }

  /** `builtinHere` for a record's name and every std derive it names (`CensusAttr.derives`). */
  builtinRecordHere(
    crate: CrateMacros,
    a: Pick<CensusAttr, 'path' | 'derives'>,
    scopeKey: string,
    moduleKey = scopeKey,
  ): boolean {
    if (!this.builtinHere(crate, a.path, scopeKey, moduleKey)) return false;
    for (const d of a.derives ?? []) if (!this.builtinHere(crate, d, scopeKey, moduleKey)) return false;
    return true;
  }

  /**
   * What a name taken for built in may be at `scopeKey` besides std's (see `builtinHere`). The
   * globs of the scopes there are not followed for a name of std's prelude: rustc rejects a glob
   * that brings one as ambiguous (census.ts, `PRELUDE_MACROS`); a named `use` is followed through
   * the globs it leads to.
   */
  private builtinOrigins(crate: CrateMacros, name: string, scopeKey: string, moduleKey: string): Origin[] {
    this.steps = 0;
    return [
      ...this.resolveName(crate, scopeKey, name, 0, new Set(), moduleKey, !PRELUDE_MACROS.has(name)),
      ...this.macroUseOrigins(crate, name),
    ];
  }

  private readonly everywhere = new Map<string, boolean>();

  /**
   * `builtinHere` in every scope of every crate the world knows (and of `crate`): what a name in a
   * macro's transcriber means depends on where the macro is invoked.
   */
  private builtinEverywhere(crate: CrateMacros, name: string): boolean {
    const shared = this.byLib.get(crate.lib) === crate;
    const known = shared ? this.everywhere.get(name) : undefined;
    if (known !== undefined) return known;
    let std = true;
    for (const c of new Set([crate, ...this.byLib.values()])) {
      if (!c.scopes) std = false;
      else for (const key of c.scopes.keys()) if (!(std = this.builtinHere(c, name, key))) break;
      if (!std) break;
    }
    if (shared) this.everywhere.set(name, std);
    return std;
  }

  /** Where a `#[macro_use] extern crate`'s macro `name` comes from, for each such crate that may define it. */
  private macroUseOrigins(c: CrateMacros, name: string): Origin[] {
    const out: Origin[] = [];
    for (const x of c.macroUse ?? []) {
      const lib = (c.deps[x] ?? x).replace(/-/g, '_');
      const ws = this.byLib.get(lib);
      if (!ws || ws.procMacro) out.push({ kind: 'package', lib });
      else if (ws.definitions.has(name)) out.push({ kind: 'def', crate: ws, name });
    }
    return out;
  }

  private budget(depth: number): boolean {
    return depth <= MAX_RESOLVE_DEPTH && ++this.steps <= MAX_RESOLVE_STEPS;
  }

  /**
   * A bare name in a scope: the `use`s of the scope and of the scopes around it, then macro_rules.
   * `globs`: follow the glob imports of those scopes.
   */
  private resolveName(
    c: CrateMacros,
    scopeKey: string,
    name: string,
    depth: number,
    seen: Set<string>,
    floor = scopeKey,
    globs = true,
  ): Origin[] {
    if (!this.budget(depth)) return [{ kind: 'unknown' }];
    const out: Origin[] = [];
    for (let key = scopeKey; ; key = key.slice(0, key.lastIndexOf('::'))) {
      const sc = c.scopes?.get(key);
      if (sc) {
        const named = sc.named.get(name);
        // a named import shadows the globs of its scope
        if (named) out.push(...this.resolvePath(c, key, named, depth + 1, seen));
        else if (globs)
          for (const g of sc.globs) out.push(...this.resolveGlob(c, key, g, name, depth + 1, seen));
      }
      if (!key.includes('::') || key.length <= floor.length) break;
    }
    if (c.definitions.has(name)) out.push({ kind: 'def', crate: c, name });
    return out;
  }

  /** A std macro name is std's unless a `use` names it (glob imports are not followed for it). */
  private namedOnly(c: CrateMacros, scopeKey: string, name: string): boolean {
    return this.findNamed(c, scopeKey, name) === null && !c.definitions.has(name);
  }

  /** A path written in `scopeKey` of crate `c`. */
  private resolvePath(
    c: CrateMacros,
    scopeKey: string,
    path: string[],
    depth: number,
    seen: Set<string>,
  ): Origin[] {
    if (!this.budget(depth)) return [{ kind: 'unknown' }];
    const visit = `${c.lib}\u0000${scopeKey}\u0000${path.join('::')}`;
    if (seen.has(visit)) return [];
    seen.add(visit);
    const [root, ...rest] = path;
    const name = path[path.length - 1];
    if (STD_ROOTS.has(root)) return [{ kind: 'std' }];
    if (path.length === 1) {
      const dep = c.deps[root];
      return dep !== undefined
        ? [{ kind: 'package', lib: dep }]
        : this.resolveName(c, scopeKey, root, depth + 1, seen);
    }
    const mid = rest.slice(0, -1);
    const moduleOf = (key: string) => {
      // the module of a scope: drop fn/impl names is not possible lexically; the scope itself is
      // the closest module-like key that has a scope entry
      let k = key;
      while (k.includes('::') && !c.scopes?.has(k)) k = k.slice(0, k.lastIndexOf('::'));
      return k;
    };
    if (root === 'crate' || root === '$crate')
      return this.lookupIn(c, ['crate', ...mid].join('::'), name, depth + 1, seen);
    if (root === 'self')
      return this.lookupIn(c, [moduleOf(scopeKey), ...mid].join('::'), name, depth + 1, seen);
    if (root === 'super') {
      let m = moduleOf(scopeKey).split('::');
      let i = 0;
      for (; path[i] === 'super'; i++) m = m.slice(0, -1);
      if (!m.length) return [{ kind: 'unknown' }];
      return this.lookupIn(c, [...m, ...path.slice(i, -1)].join('::'), name, depth + 1, seen);
    }
    const dep = c.deps[root];
    if (dep !== undefined) {
      const ws = this.byLib.get(dep);
      return ws
        ? this.lookupIn(ws, ['crate', ...mid].join('::'), name, depth + 1, seen)
        : [{ kind: 'package', lib: dep }];
    }
    // a name imported into the scope (a module alias), or a child module of the current one
    const alias = this.findNamed(c, scopeKey, root);
    if (alias) return this.resolvePath(c, scopeKey, [...alias, ...rest], depth + 1, seen);
    return this.lookupIn(c, [moduleOf(scopeKey), root, ...mid].join('::'), name, depth + 1, seen);
  }

  private findNamed(c: CrateMacros, scopeKey: string, name: string): string[] | null {
    for (let key = scopeKey; ; key = key.slice(0, key.lastIndexOf('::'))) {
      const hit = c.scopes?.get(key)?.named.get(name);
      if (hit) return hit;
      if (!key.includes('::')) return null;
    }
  }

  /** `name` as a member of module `modKey` of crate `c`. */
  private lookupIn(c: CrateMacros, modKey: string, name: string, depth: number, seen: Set<string>): Origin[] {
    if (!this.budget(depth)) return [{ kind: 'unknown' }];
    if (c.procMacro) return [{ kind: 'package', lib: c.lib }];
    const out: Origin[] = [];
    // `#[macro_export]` macros live at the crate root
    if (modKey === 'crate' && c.definitions.has(name)) out.push({ kind: 'def', crate: c, name });
    const sc = c.scopes?.get(modKey);
    if (sc) {
      const named = sc.named.get(name);
      if (named) out.push(...this.resolvePath(c, modKey, named, depth + 1, seen));
      else for (const g of sc.globs) out.push(...this.resolveGlob(c, modKey, g, name, depth + 1, seen));
      return out;
    }
    // not a module read: a module imported under another name (`use dep::prelude;` then
    // `crate::prelude::x`), or one the engine did not read
    const segs = modKey.split('::');
    for (let i = segs.length - 1; i >= 1; i--) {
      const prefix = segs.slice(0, i).join('::');
      const alias = c.scopes?.get(prefix)?.named.get(segs[i]);
      if (alias)
        return [
          ...out,
          ...this.resolvePath(c, prefix, [...alias, ...segs.slice(i + 1), name], depth + 1, seen),
        ];
    }
    return out.length ? out : [{ kind: 'unknown' }];
  }

  /** `name` through a glob import: nothing when the glob's module is read and has no such name. */
  private resolveGlob(
    c: CrateMacros,
    scopeKey: string,
    glob: string[],
    name: string,
    depth: number,
    seen: Set<string>,
  ): Origin[] {
    if (STD_ROOTS.has(glob[0])) return STD_MACROS.has(name) ? [{ kind: 'std' }] : [];
    return this.resolvePath(c, scopeKey, [...glob, name], depth + 1, seen);
  }

  /** Whether every origin is safe for a macro of this kind (undefined: resolution cannot tell). */
  private originsSafe(
    origins: Origin[],
    name: string,
    kind: 'bang' | 'attribute' | 'derive',
    asmRisk?: string,
  ): boolean | undefined {
    if (!origins.length || origins.some((o) => o.kind === 'unknown')) return undefined;
    return origins.every((o) =>
      o.kind === 'std'
        ? kind !== 'bang' || !unsafeStdInvocation({ name, asmRisk })
        : o.kind === 'def'
          ? kind === 'bang' && !this.risky(o.crate, o.name)
          : o.kind === 'package' && this.packageSafe(o.lib, name, kind),
    );
  }

  /** A package's macro `name` (a bang macro, or an attribute/derive) cannot export. */
  private packageSafe(lib: string, name: string, kind: 'bang' | 'attribute' | 'derive'): boolean {
    if (isTrustedMacroCrate(lib, this.trusted)) return true;
    const ws = this.byLib.get(lib);
    if (!ws || ws.procMacro) return false; // a package outside the workspace, or a proc-macro crate
    if (kind !== 'bang') return true; // only proc-macro crates define attribute and derive macros
    return !ws.definitions.has(name) || !this.risky(ws, name);
  }

  /** An invocation (not of one of the crate's own macros) that cannot export. */
  bangSafe(
    crate: CrateMacros,
    b: { path: string; name: string; asmRisk?: string },
    census: Census,
    scopeKey?: string,
    moduleKey = 'crate',
  ): boolean {
    if (b.name === 'macro_rules') return true;
    if (isOwnMacroPath(b.path) && crate.definitions.has(b.name)) return !this.risky(crate, b.name);
    if (scopeKey !== undefined) {
      const resolved = this.originsSafe(
        this.resolve(crate, scopeKey, b.path, moduleKey),
        b.name,
        'bang',
        b.asmRisk,
      );
      if (resolved !== undefined) return resolved;
    }
    const o = macroOrigins(crate, b.path, census);
    if (o.std) return !unsafeStdInvocation(b);
    if (o.packages.length === 0) return false;
    return o.packages.every((p) => this.packageSafe(p, b.name, 'bang'));
  }

  /** An attribute or derive that cannot export (or is a derive helper). */
  attrSafe(
    crate: CrateMacros,
    path: string,
    kind: 'attribute' | 'derive',
    underDerive: boolean,
    census: Census,
    scopeKey?: string,
    moduleKey = 'crate',
  ): boolean {
    const name = path.split('::').pop() as string;
    if (kind === 'attribute' && !path.includes('::') && !census.imports.has(path) && underDerive) return true;
    if (scopeKey !== undefined) {
      const resolved = this.originsSafe(this.resolve(crate, scopeKey, path, moduleKey), name, kind);
      if (resolved !== undefined) return resolved;
    }
    const o = macroOrigins(crate, path, census);
    if (o.std) return true;
    if (o.packages.length === 0) return false;
    return o.packages.every((p) => this.packageSafe(p, name, kind));
  }

  /**
   * An attribute or derive the census recorded that cannot export at `scopeKey`: a name taken for
   * built in that is std's there, or an attribute or derive macro `attrSafe` passes. A `#[test]` or
   * `#[bench]` that may be a trusted crate's (`use tokio::test;`) is taken for a test attribute, as
   * the trusted crate's macros are trusted: its item, which the census did not read, is test code.
   */
  attrRecordSafe(
    crate: CrateMacros,
    a: Pick<CensusAttr, 'path' | 'kind' | 'underDerive' | 'builtin' | 'skipsItem'>,
    census: Census,
    scopeKey: string,
    moduleKey = 'crate',
  ): boolean {
    if (a.builtin) {
      if (this.builtinHere(crate, a.path, scopeKey, moduleKey)) return true;
      // where else the name may come from (std's meaning is safe): one that cannot tell is not
      const others = this.builtinOrigins(crate, a.path, scopeKey, moduleKey).filter((o) => o.kind !== 'std');
      return this.originsSafe(others, a.path, a.kind) === true;
    }
    return this.attrSafe(crate, a.path, a.kind, a.underDerive, census, scopeKey, moduleKey);
  }

  /** The package an invocation names, for messages. */
  originLabel(
    crate: CrateMacros,
    path: string,
    census: Census,
    scopeKey?: string,
    moduleKey?: string,
  ): string | null {
    if (scopeKey !== undefined) {
      const origins = this.resolve(crate, scopeKey, path, moduleKey);
      const libs = [...new Set(origins.flatMap((x) => (x.kind === 'package' ? [x.lib] : [])))];
      if (libs.length === 1 && origins.every((x) => x.kind === 'package')) return libs[0];
    }
    const o = macroOrigins(crate, path, census);
    return o.packages.length === 1 && !o.local ? o.packages[0] : null;
  }
}

/**
 * A path that names one of the crate's own `macro_rules!` macros: a bare name (textual scope), or
 * `crate::m` / `$crate::m` (a `#[macro_export]` macro at the crate root). `crate::a::m` names
 * whatever module `a` holds under that name — a re-export, resolved through its `use`s.
 */
export function isOwnMacroPath(path: string): boolean {
  const segs = path.replace(/\s+/g, '').split('::');
  return segs.length === 1 || (segs.length === 2 && (segs[0] === 'crate' || segs[0] === '$crate'));
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
export function accountCrate(input: AccountingInput, world: MacroWorld): CrateAccount {
  const inactiveModules: string[] = [];
  const { macros, env, own } = input;
  const drafts: Draft[] = [];
  let order = 0;
  for (const t of input.texts) {
    const census = censusOf(t, env);
    if (census.wholeInactive) continue;
    if (t.origin.childDir !== undefined)
      for (const m of census.disabledMods) {
        const dir = [t.origin.childDir, ...m.itemPath].filter((x) => x).join('/');
        if (m.pathAttr !== null) inactiveModules.push(joinRel(t.origin.pathBaseDir ?? dir, m.pathAttr));
        else inactiveModules.push(joinRel(dir, `${m.name}.rs`), joinRel(dir, `${m.name}/`));
      }
    const lineOf = t.lines ? releasedLines(t.lines) : lineIndex(t.text);
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
      if (isOwnMacroPath(b.path) && (own.definitions.has(b.name) || b.name === 'cfg_if')) {
        const inv = byStart.get(b.start);
        const shadowed = world.shadowed(own, b.name);
        const riskyMacro = b.name !== 'cfg_if' && world.risky(own, b.name);
        if (shadowed && riskyMacro && !(inv && macros.textual.has(inv) && macros.expanded.has(inv))) {
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
      const ownInv = byStart.get(b.start);
      if (ownInv && macros.guessed.has(ownInv) && macros.expanded.has(ownInv)) {
        const origins = world.resolve(
          own,
          [t.origin.modPath, ...b.itemPath].join('::'),
          b.path,
          t.origin.modPath,
        );
        const verified =
          origins.length > 0 &&
          origins.every((o) => o.kind === 'def' && o.crate === own && o.name === b.name);
        if (verified) continue;
        push({
          ...base,
          kind: 'export-site',
          macro: b.path,
          reason: 'unverified-macro-path',
          message: `${b.path}! was read as this crate's macro ${b.name}!, but the path may name something else: its exports may differ from the listed ones`,
        });
        continue;
      }
      if (ownInv && macros.expanded.has(ownInv)) continue; // `include!`, `println!(…)` read in place
      if (world.bangSafe(own, b, census, [t.origin.modPath, ...b.itemPath].join('::'), t.origin.modPath))
        continue;
      const origin = world.originLabel(
        own,
        b.path,
        census,
        [t.origin.modPath, ...b.itemPath].join('::'),
        t.origin.modPath,
      );
      if (unsafeStdInvocation(b) && macroOrigins(own, b.path, census).std) {
        push({
          ...base,
          kind: 'macro',
          macro: b.path,
          reason: b.name === 'include' ? 'include' : b.name === 'global_asm' ? 'global-asm' : 'inline-asm',
          message:
            b.name === 'include'
              ? `include! compiles another file into the library; its exports are not listed`
              : b.name === 'global_asm'
                ? `global_asm! can define symbols the engine does not read`
                : `${b.name}! is inline assembly, whose directives can define and export symbols the engine does not read, and this one is not provably harmless: ${b.asmRisk ?? 'its input is not read'}`,
        });
        continue;
      }
      push({
        ...base,
        kind: 'macro',
        macro: b.path,
        reason: origin === null ? 'unknown-macro' : 'external-macro',
        message:
          origin === null
            ? `${b.path}! is not a macro_rules! macro the engine can read here, and a dependency that is not trusted (macros.trusted) may define it: it may export anything`
            : `${b.path}! comes from crate \`${origin}\`, a proc macro or a package outside the workspace that is not trusted (macros.trusted): it may export anything`,
      });
    }

    // attribute and derive macros
    const shadow =
      'a `use`, a glob import, a `#[macro_use]` crate or a crate macro of that name may replace it';
    for (const record of census.attrs) {
      if (settled(record.start)) continue;
      const scopeKey = [t.origin.modPath, ...record.itemPath].join('::');
      if (record.builtin && world.builtinRecordHere(own, record, scopeKey, t.origin.modPath)) continue;
      // a `derive` record stands for the std derives it names too: each is accounted on its own
      const each: CensusAttr[] = [{ ...record, derives: undefined }];
      for (const d of record.derives ?? [])
        each.push({ ...record, path: d, kind: 'derive', derives: undefined });
      for (const a of each) {
        if (world.attrRecordSafe(own, a, census, scopeKey, t.origin.modPath)) continue;
        push({
          kind: 'macro',
          line: line(a.start),
          path: pathOf(a.itemPath),
          macro: a.path,
          reason: a.kind === 'derive' ? 'derive-macro' : 'attribute-macro',
          unit: a.unit,
          message: a.skipsItem
            ? `#[${a.path}] may not be std's ${a.path} attribute here (${shadow}): the item is then compiled into the library, and the engine did not read it`
            : a.builtin
              ? a.kind === 'derive'
                ? `derive(${a.path}) may not be std's derive here (${shadow}): it may be a derive macro the engine cannot expand, which may export anything`
                : `#[${a.path}] may not be the built-in attribute here (${shadow}): it may be an attribute macro the engine cannot expand, which may export anything`
              : a.kind === 'derive'
                ? `derive(${a.path}) is a macro the engine cannot expand and its crate is not trusted: it may export anything`
                : `#[${a.path}] is an attribute macro the engine cannot expand and its crate is not trusted: it may export anything`,
        });
      }
    }
  }
  return { entries: finishEntries(input.crate, drafts), inactiveModules };
}

/** The line of an offset recorded by `releaseText` (every offset the accounting reports is). */
function releasedLines(lines: Map<number, number>): (offset: number) => number {
  return (offset) => {
    const l = lines.get(offset);
    if (l === undefined)
      throw new Error(`internal: no line recorded for offset ${offset} of a released text`);
    return l;
  };
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
