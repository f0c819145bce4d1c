/**
 * Evidence that a body mitigates what the pointer findings ask (SPEC section 5, "verified"): null
 * checks of raw-pointer parameters, the calls that hand a parameter to a crate macro or function
 * that checks it, and checked arithmetic on a length. Pure: text in, data out.
 *
 * Bodies are read as tokens (the lexer drops comments and keeps string literals whole), so the
 * token trees of macro invocations (`ffi_panic_boundary! { let c = try_ref_from_ptr!(c); … }`)
 * are read like the rest of the body, and a comment or a string that spells `p.is_null()` is no
 * evidence. One pass over the tokens; every list is bounded.
 */
import type { BodyFacts, NullCheck, NullChecker, PointerPass, SurfaceItem } from '../model';
import { isRawPointer } from '../rust/types';
import { lex, Token } from '../rust/lexer';
import type { MacroDef } from './scan-file';

/** Most records of each kind kept per body. */
export const MAX_EVIDENCE_RECORDS = 64;
/** Most tokens of one body read for evidence (past it, what follows is not evidence: fail closed). */
const MAX_TOKENS = 200_000;
/** Calls followed from a checker to the one that performs the check. */
export const MAX_CHECKER_DEPTH = 4;
/** Most checkers a crate records. */
export const MAX_NULL_CHECKERS = 512;

export interface BodyEvidence {
  nullChecks: NullCheck[];
  passes: PointerPass[];
  checkedArith: { param: string; what: string; line: number }[];
}

/** Methods that answer "is it NULL?": the first two return an `Option` that is `None` for NULL. */
const NULL_METHODS = new Set(['is_null', 'as_ref', 'as_mut']);
const ARITH = /^(checked|saturating|overflowing)_(mul|add|sub)$/;
/** Casts that keep the pointer: `p.cast()`, `p.cast_mut()`, `p.cast_const()`. */
const CASTS = new Set(['cast', 'cast_mut', 'cast_const']);
/** Macros whose input is compiled out of release builds. */
const DEBUG_ONLY = new Set(['debug_assert', 'debug_assert_eq', 'debug_assert_ne']);
/** Words followed by `(` that are no call. */
const NOT_CALLS = new Set(['if', 'while', 'match', 'return', 'for', 'in', 'fn', 'loop', 'as', 'move']);

/** `$` + ident (a macro metavariable) as one token; `$crate` too. */
function joinMetavariables(tokens: Token[]): Token[] {
  const out: Token[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    const next = tokens[i + 1];
    if (t.text === '$' && next?.kind === 'ident' && next.start === t.end) {
      out.push({ kind: 'ident', text: '$' + next.text, start: t.start, end: next.end });
      i++;
    } else out.push(t);
  }
  return out;
}

/** For every opening token, the index of its closing one (or the end). Linear, with one stack. */
function matchingClose(tokens: Token[]): Int32Array {
  const close = new Int32Array(tokens.length).fill(tokens.length);
  const stack: number[] = [];
  for (let i = 0; i < tokens.length; i++) {
    if (tokens[i].kind === 'open') stack.push(i);
    else if (tokens[i].kind === 'close') {
      const o = stack.pop();
      if (o !== undefined) close[o] = i;
    }
  }
  return close;
}

/**
 * What `text` (a function body, or a macro transcriber with `$name` metavariables as `ptrs`)
 * shows about the pointers `ptrs` and the integers `ints`. `firstLine` is the line `text` starts on.
 */
export function scanEvidence(
  text: string,
  ptrs: ReadonlySet<string>,
  ints: ReadonlySet<string>,
  firstLine: number,
): BodyEvidence {
  const out: BodyEvidence = { nullChecks: [], passes: [], checkedArith: [] };
  if (ptrs.size === 0 && ints.size === 0) return out;
  const toks = joinMetavariables(lex(text, MAX_TOKENS));
  const close = matchingClose(toks);
  // lines: counted incrementally, tokens come in order
  let lineAt = 0;
  let line = firstLine;
  const lineOf = (offset: number): number => {
    for (; lineAt < offset && lineAt < text.length; lineAt++) if (text.charCodeAt(lineAt) === 10) line++;
    return line;
  };
  const seen = new Set<string>();
  const add = <T>(list: T[], key: string, rec: T): void => {
    if (list.length >= MAX_EVIDENCE_RECORDS || seen.has(key)) return;
    seen.add(key);
    list.push(rec);
  };
  const txt = (k: number): string => toks[k]?.text ?? '';
  const isPtr = (k: number): boolean =>
    toks[k]?.kind === 'ident' && ptrs.has(toks[k].text) && txt(k - 1) !== '.' && txt(k + 1) !== '::';
  const check = (param: string, what: string, at: number, through?: string): void => {
    const rec: NullCheck = { param, what, line: lineOf(toks[at].start) };
    if (through) rec.through = through;
    add(out.nullChecks, `c\0${param}\0${what}\0${through ?? ''}`, rec);
  };
  /** `null()`, `ptr::null_mut()`, `std::ptr::null::<T>()` ending at `k` (the `)`): true. */
  const nullCallEndingAt = (k: number): boolean =>
    txt(k) === ')' && txt(k - 1) === '(' && (txt(k - 2) === 'null' || txt(k - 2) === 'null_mut');
  /** `null()` / `ptr::null_mut()` starting at `k`: the index past it, or -1. */
  const nullCallFrom = (k: number): number => {
    let j = k;
    if (txt(j) === '::') j++;
    while (toks[j]?.kind === 'ident' && txt(j + 1) === '::') j += 2;
    if ((txt(j) === 'null' || txt(j) === 'null_mut') && txt(j + 1) === '(' && txt(j + 2) === ')')
      return j + 3;
    return -1;
  };
  /** The argument `[from, to)` is a pointer parameter, whole or cast: its name, else null. */
  const pointerArg = (from: number, to: number): string | null => {
    if (!isPtr(from)) return null;
    const n = to - from;
    if (n === 1) return txt(from);
    if (txt(from + 1) === 'as') return txt(from);
    if (txt(from + 1) === '.' && CASTS.has(txt(from + 2))) return txt(from);
    return null;
  };

  for (let i = 0; i < toks.length; i++) {
    const t = toks[i];
    if (t.kind !== 'ident') continue;
    const name = t.text;
    // `debug_assert!(!p.is_null())` is compiled out of release builds: no evidence
    if (DEBUG_ONLY.has(name) && txt(i + 1) === '!' && toks[i + 2]?.kind === 'open') {
      i = close[i + 2];
      continue;
    }
    if (isPtr(i)) {
      // p.is_null(), p.as_ref(), p.as_mut()
      if (txt(i + 1) === '.' && NULL_METHODS.has(txt(i + 2)) && txt(i + 3) === '(')
        check(name, `\`.${txt(i + 2)}()\``, i);
      // p == ptr::null(), p != null_mut()
      if ((txt(i + 1) === '==' || txt(i + 1) === '!=') && nullCallFrom(i + 2) > 0)
        check(name, 'a comparison with `null()`', i);
      // null() == p
      if ((txt(i - 1) === '==' || txt(i - 1) === '!=') && nullCallEndingAt(i - 2))
        check(name, 'a comparison with `null()`', i);
    }
    if (
      ints.has(name) &&
      txt(i - 1) !== '.' &&
      txt(i + 1) === '.' &&
      ARITH.test(txt(i + 2)) &&
      txt(i + 3) === '('
    )
      add(out.checkedArith, `a\0${name}\0${txt(i + 2)}`, {
        param: name,
        what: `\`${name}.${txt(i + 2)}()\``,
        line: lineOf(t.start),
      });
    if (ARITH.test(name) && txt(i - 1) === '.' && txt(i + 1) === '(' && ints.has(txt(i + 2))) {
      const after = txt(i + 3);
      if (after === ')' || after === ',')
        add(out.checkedArith, `a\0${txt(i + 2)}\0${name}`, {
          param: txt(i + 2),
          what: `\`.${name}(${txt(i + 2)})\``,
          line: lineOf(t.start),
        });
    }
    // NonNull::new(p)
    if (name === 'NonNull' && txt(i + 1) === '::' && txt(i + 2) === 'new' && txt(i + 3) === '(') {
      const end = close[i + 3];
      const p = pointerArg(i + 4, end);
      if (p !== null) check(p, '`NonNull::new`', i);
    }
    // calls: `name!(args)` (a macro) or `name(args)` (a function; not a method)
    if (txt(i - 1) === '.' || NOT_CALLS.has(name) || txt(i - 1) === 'fn') continue;
    const isMacro = txt(i + 1) === '!' && toks[i + 2]?.kind === 'open';
    const open = isMacro ? i + 2 : txt(i + 1) === '(' ? i + 1 : -1;
    if (open < 0) continue;
    const end = close[open];
    let argStart = open + 1;
    let arg = 0;
    for (let k = open + 1; k <= end && k < toks.length + 1; k++) {
      const tk = toks[k];
      if (k === end || tk.text === ',') {
        const p = pointerArg(argStart, k);
        if (p !== null) {
          const at = argStart;
          add(out.passes, `p\0${p}\0${name}\0${isMacro}\0${arg}`, {
            param: p,
            callee: name,
            macro: isMacro,
            arg,
            line: lineOf(toks[at].start),
          });
          // `cast(p).as_ref()`: a check when `cast` returns its argument
          if (!isMacro && arg === 0 && k === end && txt(end + 1) === '.' && NULL_METHODS.has(txt(end + 2)))
            if (txt(end + 2) !== 'is_null' && txt(end + 3) === '(')
              check(p, `\`.${txt(end + 2)}()\``, at, name);
        }
        if (k === end) break;
        argStart = k + 1;
        arg++;
        continue;
      }
      if (tk.kind === 'open') k = close[k]; // nested groups are one argument's
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// The checkers of a crate: helper functions and macros that null-check an argument.

/** A non-exported function with a raw-pointer parameter, as the scanner records it. */
export interface HelperFn {
  name: string;
  file: string;
  line: number;
  /** Parameter names, in order. */
  params: string[];
  /** Names of the raw-pointer parameters. */
  ptrs: string[];
  nullChecks: NullCheck[];
  passes: PointerPass[];
  /** The body is its raw-pointer parameter, cast (`p as *const T`, `p.cast()`): no check, no deref. */
  identity: boolean;
}

/** `$a:ident, $b:expr` → `["$a", "$b"]`; null for any other matcher (repetitions, literals). */
export function matcherMetavariables(matcher: string): string[] | null {
  const toks = joinMetavariables(lex(matcher, 256));
  const out: string[] = [];
  for (let i = 0; i < toks.length;) {
    if (!toks[i].text.startsWith('$') || toks[i].text === '$' || txt1(toks, i + 1) !== ':') return null;
    if (toks[i + 2]?.kind !== 'ident') return null;
    out.push(toks[i].text);
    i += 3;
    if (i < toks.length) {
      if (toks[i].text !== ',') return null;
      i++;
    }
  }
  return out;
}

function txt1(toks: Token[], k: number): string {
  return toks[k]?.text ?? '';
}

/** Names shortened for messages (a PR author chooses them). */
export function shortName(name: string): string {
  return name.length > 40 ? name.slice(0, 37) + '...' : name;
}

/**
 * The crate's null checkers: every (function or macro, argument) whose definition null-checks that
 * argument directly, or passes it to one that does (at most `MAX_CHECKER_DEPTH` calls deep). A
 * name defined more than once must check in every definition; a macro, in every rule (each a plain
 * list of metavariables of the same length).
 */
export function resolveNullCheckers(
  helpers: readonly HelperFn[],
  macros: readonly MacroDef[],
): NullChecker[] {
  const fns = new Map<string, HelperFn[]>();
  for (const h of helpers) {
    const list = fns.get(h.name);
    if (list) list.push(h);
    else fns.set(h.name, [h]);
  }
  interface MacroShape {
    def: MacroDef;
    rules: { vars: string[]; ev: BodyEvidence }[] | null;
  }
  const macroDefs = new Map<string, MacroShape[]>();
  const shapeOf = (def: MacroDef): MacroShape => {
    const rules: { vars: string[]; ev: BodyEvidence }[] = [];
    for (const r of def.rules) {
      const vars = matcherMetavariables(r.matcher);
      if (!vars || (rules.length && rules[0].vars.length !== vars.length)) return { def, rules: null };
      rules.push({
        vars,
        ev: scanEvidence(r.transcriber.slice(0, 64 * 1024), new Set(vars), new Set(), def.line),
      });
    }
    return { def, rules: rules.length ? rules : null };
  };
  for (const m of macros) {
    const list = macroDefs.get(m.name);
    if (list) list.push(shapeOf(m));
    else macroDefs.set(m.name, [shapeOf(m)]);
  }

  const identity = (name: string): boolean => {
    const defs = fns.get(name);
    return !!defs && defs.every((d) => d.identity);
  };
  const memo = new Map<string, string | null>();
  /** How `name` checks argument `arg`, or null. */
  const checks = (name: string, macro: boolean, arg: number, depth: number): string | null => {
    if (depth > MAX_CHECKER_DEPTH) return null;
    // by depth: what is out of reach from deep down may be in reach from higher up
    const key = `${macro ? 'm' : 'f'}\0${name}\0${arg}\0${depth}`;
    if (memo.has(key)) return memo.get(key) ?? null;
    memo.set(key, null); // a cycle checks nothing
    const how = (
      ev: Pick<BodyEvidence, 'nullChecks' | 'passes'>,
      param: string,
      owner: string,
    ): string | null => {
      const direct = ev.nullChecks.find((c) => c.param === param && (!c.through || identity(c.through)));
      if (direct) return `${direct.what} in \`${shortName(owner)}\``;
      for (const p of ev.passes) {
        if (p.param !== param) continue;
        const inner = checks(p.callee, p.macro, p.arg, depth + 1);
        if (inner !== null) return inner;
      }
      return null;
    };
    let result: string | null = null;
    if (macro) {
      const defs = macroDefs.get(name) ?? [];
      for (const d of defs) {
        if (!d.rules) return null;
        for (const r of d.rules) {
          const v = r.vars[arg];
          const h = v === undefined ? null : how(r.ev, v, `${d.def.name}!`);
          if (h === null) return null;
          result ??= h;
        }
      }
    } else {
      const defs = fns.get(name) ?? [];
      for (const d of defs) {
        const p = d.params[arg];
        const h = p !== undefined && d.ptrs.includes(p) ? how(d, p, d.name) : null;
        if (h === null) return null;
        result ??= h;
      }
    }
    memo.set(key, result);
    return result;
  };

  const out: NullChecker[] = [];
  // macros first: past the bound, what is dropped is the long tail of functions
  for (const [name, defs] of macroDefs) {
    const first = defs[0];
    const arity = first.rules?.[0]?.vars.length ?? 0;
    for (let arg = 0; arg < arity && out.length < MAX_NULL_CHECKERS; arg++) {
      const how = checks(name, true, arg, 0);
      if (how !== null) out.push({ name, macro: true, arg, file: first.def.file, line: first.def.line, how });
    }
  }
  for (const [name, defs] of fns) {
    const first = defs[0];
    for (let arg = 0; arg < first.params.length && out.length < MAX_NULL_CHECKERS; arg++) {
      if (!first.ptrs.includes(first.params[arg])) continue;
      const how = checks(name, false, arg, 0);
      if (how !== null) out.push({ name, macro: false, arg, file: first.file, line: first.line, how });
    }
  }
  return out.sort(
    (a, b) =>
      Number(a.macro) - Number(b.macro) || (a.name < b.name ? -1 : a.name > b.name ? 1 : a.arg - b.arg),
  );
}

/**
 * The parameter names (of `params`) that the `# Safety` section of `doc` mentions as words: the
 * lines after a `# Safety` heading up to the next heading. Reads at most 64 KiB of the doc.
 */
export function safetyParamNames(doc: string, params: readonly string[]): string[] {
  const wanted = new Set(params);
  const found = new Set<string>();
  let inSafety = false;
  for (const raw of doc.slice(0, 64 * 1024).split('\n')) {
    const l = raw.trim();
    const heading = /^#+\s*(\S*)/.exec(l);
    if (heading) {
      inSafety = /^safety$/i.test(heading[1].replace(/[^A-Za-z]/g, ''));
      continue;
    }
    if (!inSafety) continue;
    for (const m of l.matchAll(/[A-Za-z_][A-Za-z0-9_]*/g)) if (wanted.has(m[0])) found.add(m[0]);
  }
  return [...found].sort();
}

/**
 * `{ nullCheckers }` for a crate surface, or `{}` when there is none. Exported functions count as
 * helpers too (an export may hand its pointer to another export that checks it).
 */
export function nullCheckersOf(
  helpers: readonly HelperFn[],
  macros: readonly MacroDef[],
  items: readonly SurfaceItem[] = [],
): { nullCheckers?: NullChecker[] } {
  const exported: HelperFn[] = [];
  for (const it of items) {
    if (it.kind !== 'function') continue;
    const ptrs = it.params.filter((p) => isRawPointer(p.type)).map((p) => p.name);
    if (ptrs.length === 0) continue;
    exported.push({
      name: it.name,
      file: it.file,
      line: it.line,
      params: it.params.map((p) => p.name),
      ptrs,
      nullChecks: it.body.nullChecks ?? [],
      passes: it.body.passes ?? [],
      identity: false,
    });
  }
  const list = resolveNullCheckers([...helpers, ...exported], macros);
  return list.length ? { nullCheckers: list } : {};
}

/**
 * Moves the panic sites of `body` that sit in the input of a crate panic-boundary macro (its
 * definition calls `catch_unwind`) from `panics` to `sparedPanics`, naming the macro.
 */
export function spareBoundaryPanics(body: BodyFacts, boundaries: ReadonlySet<string>): void {
  const spared = body.panics.filter((p) => p.macro && boundaries.has(p.macro));
  if (spared.length === 0) return;
  body.panics = body.panics.filter((p) => !(p.macro && boundaries.has(p.macro)));
  const list = [...(body.sparedPanics ?? [])];
  for (const p of spared)
    if (list.length < MAX_EVIDENCE_RECORDS) list.push({ what: p.what, line: p.line, by: `${p.macro}!` });
  body.sparedPanics = list;
}

const transcriberPasses = new WeakMap<MacroDef, PointerPass[]>();

/**
 * Functions a raw pointer is handed to (by an export, a helper or a crate macro) that no read file
 * defines: where a checker may hide in a file the prefilter did not parse.
 */
export function unknownCallees(
  items: readonly SurfaceItem[],
  helpers: readonly HelperFn[],
  macros: readonly MacroDef[],
): Set<string> {
  const known = new Set(helpers.map((h) => h.name));
  const called = new Set<string>();
  const add = (passes: readonly PointerPass[] | undefined): void => {
    for (const p of passes ?? []) if (!p.macro) called.add(p.callee);
  };
  for (const it of items)
    if (it.kind === 'function') {
      known.add(it.name);
      add(it.body.passes);
    }
  for (const h of helpers) add(h.passes);
  for (const m of macros) {
    let passes = transcriberPasses.get(m);
    if (!passes) {
      passes = [];
      for (const r of m.rules) {
        const vars = matcherMetavariables(r.matcher);
        if (vars)
          passes.push(...scanEvidence(r.transcriber.slice(0, 64 * 1024), new Set(vars), new Set(), 1).passes);
      }
      transcriberPasses.set(m, passes);
    }
    add(passes);
  }
  for (const k of known) called.delete(k);
  for (const k of STD_CALLEES) called.delete(k);
  return called;
}

/** Constructors and std functions a pointer is often handed to: never a crate's checker. */
const STD_CALLEES = [
  'Some',
  'Ok',
  'Err',
  'Box',
  'drop',
  'forget',
  'from_raw',
  'from_raw_parts',
  'from_raw_parts_mut',
  'from_ptr',
  'read',
  'write',
  'copy',
  'copy_nonoverlapping',
  'transmute',
  'null',
  'null_mut',
];

const FN_DECLARATION = /\bfn\s+(?:r#)?([A-Za-z_][A-Za-z0-9_]*)/g;

/** The text declares a function named in `names` (one pass of a regular expression). */
export function declaresFunction(text: string, names: ReadonlySet<string>): boolean {
  if (names.size === 0) return false;
  // a few names (the usual case): a substring search rules most files out before the expression
  if (names.size <= 16 && ![...names].some((n) => text.includes(n))) return false;
  for (const m of text.matchAll(FN_DECLARATION)) if (names.has(m[1])) return true;
  return false;
}
