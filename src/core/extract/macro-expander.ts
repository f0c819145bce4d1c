/**
 * A `macro_rules!` expander good enough for the macros FFI crates use to stamp out exports:
 * fragments `ident`, `ty`, `expr`, `literal`, `tt`, `path`, `block`, `pat`, `vis`, `lifetime`,
 * `meta`, `item`, `stmt`; repetitions `$(…) sep op` (nested too); `$crate`. The output is source
 * text, re-parsed by the caller. Matching is greedy without backtracking, like rustc's for the
 * common cases; a macro whose rules do not match yields null.
 */
import { CLOSER, lex, skipTree, Token } from '../rust/lexer';
import type { MacroRule } from './scan-file';

type Elem =
  | { k: 'lit'; text: string }
  | { k: 'var'; name: string; frag: string }
  | { k: 'rep'; elems: Elem[]; sep: string | null; op: string }
  | { k: 'group'; open: string; elems: Elem[] };

type Binding = { text: string } | { reps: Map<string, Binding>[] };

const MAX_OUTPUT = 1_000_000;

/** Most transcriber tokens one expansion visits (repetitions visit theirs once per iteration). */
const MAX_TRANSCRIBE_STEPS = 4 * MAX_OUTPUT;

/** Matchers nest no deeper than `matchSeq` follows them (it gives up past 64 levels). */
const MAX_MATCHER_NESTING = 64;

/** Never equal to a token's text (tokens are not empty): stands for what no input can match. */
const UNMATCHABLE: Elem[] = [{ k: 'lit', text: '' }];

function parseMatcher(tokens: Token[], src: string, from: number, to: number, depth = 0): Elem[] {
  // deeper parts cannot match anyway; parsing them would recurse as deep as the source nests
  if (depth > MAX_MATCHER_NESTING) return UNMATCHABLE;
  const out: Elem[] = [];
  let i = from;
  while (i < to) {
    const t = tokens[i];
    if (t.text === '$' && i + 1 < to) {
      const n = tokens[i + 1];
      if (
        n.kind === 'ident' &&
        tokens[i + 2]?.text === ':' &&
        tokens[i + 3]?.kind === 'ident' &&
        i + 3 < to
      ) {
        out.push({ k: 'var', name: n.text, frag: tokens[i + 3].text });
        i += 4;
        continue;
      }
      if (n.text === '(') {
        const end = skipTree(tokens, i + 1);
        const elems = parseMatcher(tokens, src, i + 2, end - 1, depth + 1);
        let j = end;
        let sep: string | null = null;
        let op = '*';
        if (j < to && ['*', '+', '?'].includes(tokens[j].text)) {
          op = tokens[j].text;
          j++;
        } else if (j + 1 < to + 1 && j < to) {
          sep = tokens[j].text;
          op = tokens[j + 1]?.text ?? '*';
          j += 2;
        }
        out.push({ k: 'rep', elems, sep, op });
        i = j;
        continue;
      }
    }
    if (t.kind === 'open') {
      const end = skipTree(tokens, i);
      out.push({ k: 'group', open: t.text, elems: parseMatcher(tokens, src, i + 1, end - 1, depth + 1) });
      i = end;
      continue;
    }
    out.push({ k: 'lit', text: t.text });
    i++;
  }
  return out;
}

interface MatchState {
  tokens: Token[];
  src: string;
}

/** The first literal token that must follow element `idx` (used to end greedy fragments). */
function followSet(elems: Elem[], idx: number, outer: Set<string>): Set<string> {
  const next = elems[idx + 1];
  if (!next) return outer;
  if (next.k === 'lit') return new Set([next.text]);
  if (next.k === 'group') return new Set([next.open]);
  return outer;
}

function consumeFragment(
  st: MatchState,
  frag: string,
  i: number,
  end: number,
  stops: Set<string>,
): number | null {
  const t = st.tokens;
  if (i > end) return null;
  switch (frag) {
    case 'ident':
      // any identifier or keyword, raw ones too — but not `_`, which is not an identifier to rustc
      return i < end && t[i].kind === 'ident' && t[i].text !== '_' ? i + 1 : null;
    case 'lifetime':
      return i < end && t[i].kind === 'lifetime' ? i + 1 : null;
    case 'tt':
      return i < end ? skipTree(t, i) : null;
    case 'block':
      return i < end && t[i].text === '{' ? skipTree(t, i) : null;
    case 'literal': {
      let j = i;
      if (j < end && t[j].text === '-') j++;
      if (j < end && (t[j].kind === 'literal' || t[j].text === 'true' || t[j].text === 'false')) return j + 1;
      return null;
    }
    case 'vis': {
      if (i < end && t[i].text === 'pub') {
        if (i + 1 < end && t[i + 1].text === '(') return skipTree(t, i + 1);
        return i + 1;
      }
      return i; // may be empty
    }
    default: {
      // ty, path, expr, pat, pat_param, stmt, item, meta: greedy up to a stop token at depth 0
      const defaultStops =
        frag === 'expr' || frag === 'stmt'
          ? [',', ';', '=>']
          : frag === 'ty' || frag === 'path'
            ? [',', ';', '=', '=>', '{', '|']
            : frag === 'pat' || frag === 'pat_param'
              ? [',', '=', '=>', 'if', 'in']
              : [];
      let j = i;
      let angle = 0;
      while (j < end) {
        const tok = t[j];
        if (angle === 0 && (stops.has(tok.text) || defaultStops.includes(tok.text))) break;
        if (frag === 'ty' || frag === 'path') {
          if (tok.text === '<') angle++;
          else if (tok.text === '>' && angle > 0) angle--;
          else if (tok.text === '>>' && angle > 0) angle = Math.max(0, angle - 2);
          else if (tok.text === '->') {
            /* fn pointer return */
          }
        }
        if (frag === 'item' && tok.text === '{') {
          j = skipTree(t, j);
          if (angle === 0) break;
          continue;
        }
        if (frag === 'item' && tok.text === ';') {
          j++;
          break;
        }
        j = tok.kind === 'open' ? skipTree(t, j) : j + 1;
      }
      return j > i ? j : null;
    }
  }
}

function matchSeq(
  st: MatchState,
  elems: Elem[],
  i: number,
  end: number,
  binds: Map<string, Binding>,
  outerStops: Set<string>,
  depth: number,
): number | null {
  if (depth > 64) return null;
  let pos = i;
  for (let e = 0; e < elems.length; e++) {
    const el = elems[e];
    if (el.k === 'lit') {
      if (pos >= end || st.tokens[pos].text !== el.text) return null;
      pos++;
    } else if (el.k === 'group') {
      if (pos >= end || st.tokens[pos].text !== el.open) return null;
      const close = skipTree(st.tokens, pos);
      const r = matchSeq(st, el.elems, pos + 1, close - 1, binds, new Set([CLOSER[el.open]]), depth + 1);
      if (r !== close - 1) return null;
      pos = close;
    } else if (el.k === 'var') {
      const r = consumeFragment(st, el.frag, pos, end, followSet(elems, e, outerStops));
      if (r === null) return null;
      binds.set(el.name, { text: joinRange(st, pos, r) });
      pos = r;
    } else {
      const reps: Map<string, Binding>[] = [];
      const after = followSet(elems, e, outerStops);
      const innerStops = new Set([...after, ...(el.sep ? [el.sep] : [])]);
      for (let guard = 0; guard < 10_000; guard++) {
        if (pos >= end) break;
        if (reps.length > 0 && el.sep) {
          if (st.tokens[pos].text !== el.sep) break;
        }
        const start = reps.length > 0 && el.sep ? pos + 1 : pos;
        const b = new Map<string, Binding>();
        const r = matchSeq(st, el.elems, start, end, b, innerStops, depth + 1);
        if (r === null || r === pos) break;
        reps.push(b);
        pos = r;
        if (el.op === '?') break;
      }
      if (el.op === '+' && reps.length === 0) return null;
      // each var bound inside the repetition refers to the per-iteration maps
      for (const name of varsOf(el.elems)) binds.set(name, { reps });
    }
  }
  return pos;
}

function varsOf(elems: Elem[]): string[] {
  const out: string[] = [];
  for (const e of elems) {
    if (e.k === 'var') out.push(e.name);
    else if (e.k === 'rep' || e.k === 'group') out.push(...varsOf(e.elems));
  }
  return out;
}

function joinRange(st: MatchState, from: number, to: number): string {
  if (from >= to) return '';
  return st.src.slice(st.tokens[from].start, st.tokens[to - 1].end);
}

/** Transcribes `tokens[from..to)` of the transcriber with the bindings in scope. */
function transcribe(
  tokens: Token[],
  src: string,
  from: number,
  to: number,
  scopes: Map<string, Binding>[],
  out: string[],
  size: { n: number; visited: number },
): boolean {
  const lookup = (name: string): Binding | undefined => {
    for (let s = scopes.length - 1; s >= 0; s--) {
      const b = scopes[s].get(name);
      if (b) return b;
    }
    return undefined;
  };
  let i = from;
  while (i < to) {
    // bounded by output and by tokens visited: a transcriber can loop over groups that print nothing
    if (size.n > MAX_OUTPUT || ++size.visited > MAX_TRANSCRIBE_STEPS) return false;
    const t = tokens[i];
    if (t.text === '$' && i + 1 < to) {
      const n = tokens[i + 1];
      if (n.kind === 'ident') {
        if (n.text === 'crate') {
          out.push('crate');
          i += 2;
          continue;
        }
        const b = lookup(n.text);
        if (b && 'text' in b) {
          out.push(b.text);
          size.n += b.text.length;
          i += 2;
          continue;
        }
      }
      if (n.text === '(') {
        const end = skipTree(tokens, i + 1);
        size.visited += end - i; // the group is skipped over and searched for its variables
        let j = end;
        let sep: string | null = null;
        if (j < to && ['*', '+', '?'].includes(tokens[j].text)) j++;
        else if (j < to) {
          sep = tokens[j].text;
          j += 2;
        }
        // the repetition count comes from the vars used inside
        const inner = tokens.slice(i + 2, end - 1);
        let iterations: Map<string, Binding>[] | null = null;
        for (let k = 0; k < inner.length - 1; k++) {
          if (inner[k].text === '$' && inner[k + 1].kind === 'ident') {
            const b = lookup(inner[k + 1].text);
            if (b && 'reps' in b) {
              iterations = b.reps;
              break;
            }
          }
        }
        for (let r = 0; r < (iterations?.length ?? 0); r++) {
          if (r > 0 && sep) out.push(sep);
          if (!transcribe(tokens, src, i + 2, end - 1, [...scopes, iterations![r]], out, size)) return false;
        }
        i = j;
        continue;
      }
    }
    out.push(src.slice(t.start, t.end));
    size.n += t.end - t.start;
    i++;
  }
  return true;
}

/** A rule's matcher and transcriber, lexed and parsed once however often the macro is invoked. */
interface CompiledRule {
  elems: Elem[];
  transcriber?: Token[];
}

const compiled = new WeakMap<MacroRule, CompiledRule>();

function compile(rule: MacroRule): CompiledRule {
  let c = compiled.get(rule);
  if (!c) {
    const mTokens = lex(rule.matcher, 50_000);
    c = { elems: parseMatcher(mTokens, rule.matcher, 0, mTokens.length) };
    compiled.set(rule, c);
  }
  return c;
}

/** Expands one invocation with the macro's rules; null when no rule matches or output is too large. */
export function expandMacro(rules: MacroRule[], input: string): string | null {
  const inTokens = lex(input, 200_000);
  for (const rule of rules) {
    const c = compile(rule);
    const binds = new Map<string, Binding>();
    const st: MatchState = { tokens: inTokens, src: input };
    const end = matchSeq(st, c.elems, 0, inTokens.length, binds, new Set(), 0);
    if (end !== inTokens.length) continue;
    c.transcriber ??= lex(rule.transcriber, 200_000);
    const tTokens = c.transcriber;
    const out: string[] = [];
    if (!transcribe(tTokens, rule.transcriber, 0, tTokens.length, [binds], out, { n: 0, visited: 0 }))
      return null;
    return out.join(' ');
  }
  return null;
}

export interface CfgIfBranch {
  /** The branch's cfg predicate text, or null for the final `else`. */
  pred: string | null;
  body: string;
}

/** Splits a `cfg_if! { if #[cfg(p)] { … } else if #[cfg(q)] { … } else { … } }` input into branches. */
export function splitCfgIf(input: string): CfgIfBranch[] | null {
  const t = lex(input, 200_000);
  const branches: CfgIfBranch[] = [];
  let i = 0;
  while (i < t.length) {
    if (t[i].text === 'else') i++;
    let pred: string | null = null;
    if (t[i]?.text === 'if') {
      // if #[cfg(...)]
      if (t[i + 1]?.text !== '#' || t[i + 2]?.text !== '[') return null;
      const attrEnd = skipTree(t, i + 2);
      const inner = input.slice(t[i + 3].start, t[attrEnd - 2].end);
      const m = /^cfg\s*\(([\s\S]*)\)$/.exec(inner.trim());
      if (!m) return null;
      pred = m[1];
      i = attrEnd;
    }
    if (t[i]?.text !== '{') return null;
    const end = skipTree(t, i);
    const body = end - 1 > i + 1 ? input.slice(t[i + 1].start, t[end - 2].end) : '';
    branches.push({ pred, body });
    i = end;
  }
  return branches;
}
