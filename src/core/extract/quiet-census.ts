/**
 * The quiet census (issue 19, "search first"): most module files of a workspace hold nothing the
 * accounting net reads — no export attribute, no macro definition, no attribute or derive macro,
 * no macro invocation other than std's `write!`/`vec!`/`assert_eq!` — only `use` declarations at
 * the top level. For such a text the full census (accounting.ts's input, one record and one hash per
 * invocation, a task per bracket group) is replaced by a scan that keeps what the accounting still
 * needs of it: its top-level `use`s (they build the module's scope) and the names of the std macros
 * it invokes.
 *
 * The scan reads the same tokens as the census (the same lexer, so comments and strings are told
 * apart identically) and gives up — returns null, and the full census is taken — on anything it
 * does not reproduce exactly: an export token or `macro_rules`/`extern`/`mod` anywhere, a `use`
 * that is not a top-level item, an attribute that is not built in, a derive that is not built in,
 * a `#![cfg]` at the top, a `cfg` on a top-level item that is not switched off, a macro invoked by
 * a path or by a name that is not a std macro.
 *
 * Whether the std names really name std's macros depends on the rest of the crate (a `use` that
 * names `write`, a crate macro called `vec`): `settleQuietTexts` (accounting.ts) decides that once
 * every text of the crate is read, and takes the full census when it cannot tell. The quiet census
 * is then exactly what the census would have left after `releaseTexts` dropped the std invocations
 * that resolve to std — the accounting reads the same records either way.
 *
 * Pure and linear in the text. `lexed`: the tokens `lex(text)` gives, when the caller has them;
 * `checked`: the caller found `mayBeQuiet(text)` true already.
 */
import type { CfgEnv } from '../rust/cfg';
import { evalCfg, parseCfg } from '../rust/cfg';
import { lex, Token } from '../rust/lexer';
import {
  attributesIn,
  bangAt,
  Census,
  emptyCensus,
  EXPORT_TOKENS,
  isBuiltinAttribute,
  isBuiltinDerive,
  itemEndFrom,
  itemKeywordAt,
  matchGroups,
  readUse,
  SHADOWABLE_ATTRIBUTES,
  splitPaths,
  UseRecords,
} from './census';
import { INLINE_ASM_MACROS } from './inline-asm';
import { STD_MACROS, UNSAFE_STD_MACROS } from './macro-trust';

/** What the accounting needs of a quiet text. */
export interface QuietText extends UseRecords {
  /** Bare names of the std macros it invokes (`write`, `vec`), each once. */
  stdMacros: string[];
  /**
   * The names the census records as built in unless shadowed (`test`, `derive`, `Debug`: census.ts,
   * `CensusAttr.builtin`), each once: the quiet census stands only where each is std's.
   */
  builtins: string[];
}

/** Words whose presence anywhere in the text sends it to the full census (substring search). */
const LOUD_WORDS = ['no_mangle', 'export_name', 'macro_rules', 'extern'];

/** Texts of this many characters or more may reach the census's token bound: never quiet. */
const MAX_QUIET_CHARS = 4_000_000;

/**
 * Whether `text` may be quiet at all (a substring search: no need to lex it to know it is not).
 * `prefiltered`: the byte prefilter found no `no_mangle`, `export_name` or `macro_rules` in it
 * (`mayContribute` was false), so only `extern` is left to look for.
 */
export function mayBeQuiet(text: string, prefiltered = false): boolean {
  if (text.length >= MAX_QUIET_CHARS) return false;
  if (prefiltered) return !text.includes('extern');
  for (const w of LOUD_WORDS) if (text.includes(w)) return false;
  return true;
}

/**
 * The quiet census of `text` under `env`, or null when the text may hold anything else the
 * accounting reads (then the full census must be taken).
 */
export function quietScan(
  text: string,
  env: CfgEnv,
  lexed: Token[] | null = null,
  checked = false,
): QuietText | null {
  if (!checked && !mayBeQuiet(text)) return null;
  // fewer characters than the bound: every token is read
  const tokens = lexed ?? lex(text, MAX_QUIET_CHARS);
  const n = tokens.length;
  const match = matchGroups(tokens);
  const skip = (i: number): number => (tokens[i].kind === 'open' ? (match[i] < 0 ? n : match[i] + 1) : i + 1);
  const out: QuietText = {
    imports: new Map(),
    importPaths: new Map(),
    globPaths: [],
    uses: [],
    globs: [],
    stdMacros: [],
    builtins: [],
  };
  const std = new Set<string>();
  const builtins = new Set<string>();

  /**
   * The attributes of `[from, to)` as `readAttribute` reads them (name and arguments), read from the
   * tokens for the common shapes (`#[inline]`, `#[derive(A, b::C)]`) instead of lexing them again.
   */
  const attributes = (from: number, to: number): { name: string; args: string | null }[] => {
    const first = tokens[from];
    if (to - from === 1 && first.kind === 'ident') return [{ name: first.text, args: null }];
    if (
      first?.kind === 'ident' &&
      first.text === 'derive' &&
      tokens[from + 1]?.text === '(' &&
      match[from + 1] === to - 1
    ) {
      let plain = true;
      for (let k = from + 2; k < to - 1 && plain; k++) {
        const t = tokens[k];
        plain = (t.kind === 'ident' && !t.text.startsWith('r#')) || t.text === '::' || t.text === ',';
      }
      if (plain)
        return [
          {
            name: 'derive',
            args: from + 2 < to - 1 ? text.slice(tokens[from + 2].start, tokens[to - 2].end) : '',
          },
        ];
    }
    return attributesIn(tokens, text, from, to, env);
  };

  /** Whether the attributes read from `[from, to)` are all ones the census leaves unrecorded. */
  const quietAttributes = (from: number, to: number, topLevel: boolean): 'quiet' | 'off' | null => {
    let off = false;
    for (const a of attributes(from, to)) {
      const name = a.name.replace(/^r#/, '');
      if (EXPORT_TOKENS.has(name)) return null;
      if (name === 'cfg') {
        if (!topLevel) continue; // inside an item: what it switches off is scanned anyway
        const p = a.args === null ? null : parseCfg(a.args);
        // a top-level item the build leaves out holds nothing the census reads; one that may be
        // in is read like any other (its `use` then counts)
        if (p && evalCfg(p, env) === false) off = true;
        continue;
      }
      if (name === 'test' || name === 'bench') {
        builtins.add(name);
        off = true;
        continue;
      }
      if (name === 'derive') {
        builtins.add(name);
        if (a.args === null) continue;
        for (const d of splitPaths(a.args)) {
          if (!isBuiltinDerive(d)) return null;
          if (!d.includes(':')) builtins.add(d);
        }
        continue;
      }
      if (SHADOWABLE_ATTRIBUTES.has(name)) {
        builtins.add(name);
        continue;
      }
      // `path` and `macro_use` change what the census records; anything not built in is recorded
      if (name === 'path' || name === 'macro_use' || name === 'cfg_attr' || !isBuiltinAttribute(name))
        return null;
    }
    return off ? 'off' : 'quiet';
  };

  /**
   * Every token of `[from, to)`, groups included: attributes must be built in, macros std's, and
   * no `use`, `mod` or `macro_rules` may appear (`except` is the item's own keyword).
   */
  const quietTokens = (from: number, to: number, except: number): boolean => {
    for (let m = from; m < to; m++) {
      const t = tokens[m];
      if (t.kind === 'ident') {
        if (m !== except && (t.text === 'use' || t.text === 'mod' || t.text === 'macro_rules')) return false;
        continue;
      }
      if (t.text === '#') {
        const inner = tokens[m + 1]?.text === '!';
        const open = inner ? m + 2 : m + 1;
        if (open < to && tokens[open].text === '[') {
          const end = Math.min(skip(open), to);
          if (quietAttributes(open + 1, end - 1, false) === null) return false;
          // an attribute inside an attribute's arguments: never in real code, and reading each
          // nested one again would be quadratic in the nesting (`#[a(#[a(#[a(…)])])]`)
          for (let k = open + 1; k < end - 1; k++) if (tokens[k].text === '#') return false;
        }
        continue;
      }
      if (t.text === '!' && tokens[m + 1]?.kind === 'open') {
        const b = bangAt(tokens, m);
        if (!b) continue;
        // inline assembly: the census reads its templates (inline-asm.ts); not reproduced here
        if (
          b.path !== b.name ||
          !STD_MACROS.has(b.name) ||
          UNSAFE_STD_MACROS.has(b.name) ||
          INLINE_ASM_MACROS.has(b.name)
        )
          return false;
        std.add(b.name);
      }
    }
    return true;
  };

  // inner attributes at the very top: a `#![cfg]` may switch the whole text off
  let i = 0;
  while (tokens[i]?.text === '#' && tokens[i + 1]?.text === '!' && tokens[i + 2]?.text === '[') {
    const end = skip(i + 2);
    for (const a of attributesIn(tokens, text, i + 3, end - 1, env))
      if (a.name.replace(/^r#/, '') === 'cfg') return null;
    i = end;
  }
  // the top-level items, delimited as the census delimits them
  i = 0;
  while (i < n) {
    const itemStart = i;
    let off = false;
    while (i < n && tokens[i].text === '#') {
      const inner = tokens[i + 1]?.text === '!';
      const open = inner ? i + 2 : i + 1;
      if (open >= n || tokens[open].text !== '[') break;
      const end = skip(open);
      const verdict = quietAttributes(open + 1, end - 1, true);
      if (verdict === null) return null;
      if (verdict === 'off') {
        // an inner `#![test]` switches nothing off in the census: only outer attributes do here
        if (inner) return null;
        off = true;
      }
      i = end;
    }
    if (i >= n && itemStart === i) break;
    const k = itemKeywordAt(tokens, i, n, skip);
    const kw = tokens[k]?.text ?? '';
    const itemEnd = itemEndFrom(tokens, i, n, itemStart, skip);
    i = itemEnd;
    // a module the build leaves out is skipped whole, unless it names a file (`mod x;`: the census
    // records it as switched off); any other module is a scope of its own
    if (kw === 'macro_rules' || (kw === 'mod' && (!off || tokens[k + 2]?.text === ';'))) return null;
    if (off) continue; // not compiled: the census skips it whole
    if (kw === 'use') {
      // its attributes may hold macro calls the census records (`#[doc = m!()] use …`)
      if (!quietTokens(itemStart, k, -1)) return null;
      readUse(tokens, k + 1, itemEnd, out, []);
      continue;
    }
    if (!quietTokens(itemStart, itemEnd, -1)) return null;
  }
  out.stdMacros = [...std].sort();
  out.builtins = [...builtins].sort();
  return out;
}

/** The census the accounting reads for a quiet text whose std macros all resolve to std. */
export function quietCensus(q: QuietText): Census {
  const { imports, importPaths, globPaths, uses, globs } = q;
  return { ...emptyCensus(), imports, importPaths, globPaths, uses, globs, quiet: true };
}
