/**
 * A `macro_rules!` expander that picks the rule rustc 1.95 picks. The output is source text,
 * re-parsed by the caller.
 *
 * Matching follows rustc's `macro_parser` (`rustc_expand::mbe`): the rules are tried in order;
 * each rule's matcher is flattened into locations and run as a set of matcher positions over the
 * input, one token at a time. Literal tokens and repetitions advance every position that accepts
 * the token; a fragment (`$x:expr`) is handed to the fragment parser (./macro-fragments.ts) when
 * it is the only position left. As in rustc, a rule fails quietly (the next rule is tried) when
 * no position accepts a token, or the input ends early or late; and rustc stops with an error —
 * here: the invocation is not expanded (null) — when a fragment does not parse, when a fragment
 * competes with another position for the same token ("local ambiguity"), or when more than one
 * position reaches the end. Doc comments in the input are `#[doc = r"…"]` tokens, as rustc sees
 * them; doc comments in a matcher are ignored, as rustc ignores them.
 *
 * Transcription follows rustc's: each variable binds a tree of matches (one level per
 * repetition), a repetition in the transcriber repeats as often as the variables inside it
 * (which must agree), `$crate` is `crate`. What rustc rejects here (a variable still repeating,
 * repetitions of different lengths, a repetition with no repeating variable) yields null.
 *
 * Everything is bounded: matcher nesting, matcher positions, parser steps, output size and
 * transcriber steps; past a bound the invocation is not expanded.
 */
import { lex, skipTree, Token } from '../rust/lexer';
import { FRAGMENT_KINDS, FragmentKind, FragmentParser, MacroToken, Undecided } from './macro-fragments';
import type { MacroRule } from './scan-file';

const MAX_OUTPUT = 1_000_000;

/** Most transcriber tokens one expansion visits (repetitions visit theirs once per iteration). */
const MAX_TRANSCRIBE_STEPS = 4 * MAX_OUTPUT;

/** Matchers nest no deeper than this (deeper ones are not expanded). */
const MAX_MATCHER_NESTING = 64;

/** Most matcher positions alive at one token, and most position steps one invocation takes. */
const MAX_POSITIONS = 10_000;
const MAX_MATCH_STEPS = 5_000_000;

/** Most tokens an invocation's input or a rule's matcher may have. */
const MAX_INPUT_TOKENS = 200_000;
const MAX_MATCHER_TOKENS = 50_000;

/** A location in a flattened matcher (rustc `MatcherLoc`). */
type Loc =
  | { k: 'token'; text: string }
  /** Entering `$( … ) sep op`: `vars` variables from `firstVar` are declared inside. */
  | {
      k: 'seq';
      op: string;
      firstAfter: number;
      firstVar: number;
      vars: number;
      depth: number;
    }
  /** The end of an iteration of a repetition without a separator. */
  | { k: 'kleene'; op: string; first: number }
  /** The end of an iteration of a repetition with a separator, before it. */
  | { k: 'sep'; text: string }
  /** Just after the separator. */
  | { k: 'afterSep'; first: number }
  | { k: 'var'; frag: FragmentKind; index: number; depth: number }
  | { k: 'eof' };

interface Matcher {
  locs: Loc[];
  /** Variable names by index. */
  names: string[];
}

class InvalidMatcher extends Error {}

/** Flattens a matcher (rustc `compute_locs`); throws on what rustc rejects in a definition. */
function compileMatcher(tokens: Token[]): Matcher {
  const locs: Loc[] = [];
  const names: string[] = [];
  const inner = (from: number, to: number, depth: number, nesting: number) => {
    if (nesting > MAX_MATCHER_NESTING) throw new InvalidMatcher('nested too deeply');
    let i = from;
    while (i < to) {
      const t = tokens[i];
      if (t.text === '$' && t.kind === 'punct' && i + 1 < to) {
        const n = tokens[i + 1];
        if (n.kind === 'open' && n.text === '(') {
          const end = skipTree(tokens, i + 1);
          const seqAt = locs.length;
          locs.push({ k: 'eof' }); // replaced below
          const firstVar = names.length;
          const first = locs.length;
          inner(i + 2, end - 1, depth + 1, nesting + 1);
          let j = end;
          let op: string;
          if (j < to && ['*', '+', '?'].includes(tokens[j].text)) {
            op = tokens[j].text;
            locs.push({ k: 'kleene', op, first });
            j++;
          } else {
            if (j >= to || tokens[j].kind === 'open' || tokens[j].kind === 'close' || tokens[j].text === '$')
              throw new InvalidMatcher('expected a separator or a repetition operator');
            const sep = tokens[j].text;
            op = tokens[j + 1]?.text ?? '';
            if (j + 1 >= to || (op !== '*' && op !== '+'))
              throw new InvalidMatcher('expected `*` or `+` after a separator');
            locs.push({ k: 'sep', text: sep }, { k: 'afterSep', first });
            j += 2;
          }
          locs[seqAt] = {
            k: 'seq',
            op,
            firstAfter: locs.length,
            firstVar,
            vars: names.length - firstVar,
            depth,
          };
          i = j;
          continue;
        }
        if (n.kind === 'ident' && n.text !== 'crate') {
          if (tokens[i + 2]?.text !== ':' || i + 3 >= to || tokens[i + 3].kind !== 'ident')
            throw new InvalidMatcher(`missing fragment specifier for $${n.text}`);
          const frag = tokens[i + 3].text;
          if (!FRAGMENT_KINDS.has(frag)) throw new InvalidMatcher(`invalid fragment specifier ${frag}`);
          if (names.includes(n.text)) throw new InvalidMatcher(`duplicated binding $${n.text}`);
          locs.push({
            k: 'var',
            frag: frag as FragmentKind,
            index: names.length,
            depth,
          });
          names.push(n.text);
          i += 4;
          continue;
        }
        if (n.kind === 'ident') {
          locs.push({ k: 'token', text: '$crate' });
          i += 2;
          continue;
        }
      }
      if (t.kind === 'open') {
        const end = skipTree(tokens, i);
        locs.push({ k: 'token', text: t.text });
        inner(i + 1, end - 1, depth, nesting + 1);
        locs.push({ k: 'token', text: tokens[end - 1]?.text ?? '' });
        i = end;
        continue;
      }
      locs.push({ k: 'token', text: t.text });
      i++;
    }
  };
  inner(0, tokens.length, 0, 0);
  locs.push({ k: 'eof' });
  return { locs, names };
}

// --- what variables bind -------------------------------------------------------------------------

/** A variable's match while matching: a fragment's text, or a repetition (persistent, newest first). */
type Match = { text: string } | Seq;
interface Seq {
  len: number;
  last: Cons | null;
}
interface Cons {
  m: Match;
  prev: Cons | null;
}

const EMPTY_SEQ: Seq = { len: 0, last: null };

function isSeq(m: Match): m is Seq {
  return 'len' in m;
}

/** Adds `m` to the repetition `depth` levels down, along the newest iterations (rustc `push_match`). */
function pushInto(seq: Seq, depth: number, m: Match): Seq {
  if (depth === 0) return { len: seq.len + 1, last: { m, prev: seq.last } };
  const last = seq.last;
  if (!last || !isSeq(last.m)) throw new InvalidMatcher('repetition depth mismatch');
  return {
    len: seq.len,
    last: { m: pushInto(last.m, depth - 1, m), prev: last.prev },
  };
}

/** A matcher position (rustc `MatcherPos`): a location and the matches so far. */
interface Position {
  idx: number;
  ms: (Match | undefined)[];
}

function pushMatch(ms: (Match | undefined)[], index: number, depth: number, m: Match): (Match | undefined)[] {
  const copy = ms.slice();
  if (depth === 0) copy[index] = m;
  else copy[index] = pushInto((copy[index] as Seq | undefined) ?? EMPTY_SEQ, depth - 1, m);
  return copy;
}

/** A variable's binding for transcription. */
type Binding = { text: string } | { items: Binding[] };

function toBinding(m: Match): Binding {
  if (!isSeq(m)) return m;
  const items: Binding[] = new Array<Binding>(m.len);
  let c = m.last;
  for (let k = m.len - 1; k >= 0 && c; k--, c = c.prev) items[k] = toBinding(c.m);
  return { items };
}

// --- the input -------------------------------------------------------------------------------------

/** The `r"…"` (with enough `#`) literal rustc makes of a doc comment's text. */
function rawStringLiteral(text: string): string {
  let hashes = 0;
  let count = 0;
  for (const ch of text) {
    count = ch === '"' ? 1 : ch === '#' && count > 0 ? count + 1 : 0;
    hashes = Math.max(hashes, count);
  }
  const h = '#'.repeat(hashes);
  return `r${h}"${text}"${h}`;
}

/** The invocation's input as rustc's matcher sees it: doc comments become `#[doc = r"…"]`. */
function inputTokens(input: string): MacroToken[] | null {
  const raw = lex(input, MAX_INPUT_TOKENS, { docComments: true });
  if (raw.length >= MAX_INPUT_TOKENS) return null;
  const out: MacroToken[] = [];
  for (const t of raw) {
    if (!t.doc) {
      out.push(t);
      continue;
    }
    const line = t.text.startsWith('//');
    const body = line ? t.text.slice(3) : t.text.slice(3, t.text.endsWith('*/') ? -2 : undefined);
    const parts: [Token['kind'], string][] = [
      ['punct', '#'],
      ...(t.doc === 'inner' ? [['punct', '!'] as [Token['kind'], string]] : []),
      ['open', '['],
      ['ident', 'doc'],
      ['punct', '='],
      ['literal', rawStringLiteral(body)],
      ['close', ']'],
    ];
    parts.forEach(([kind, text], k) =>
      out.push({
        kind,
        text,
        start: t.start,
        end: t.end,
        fromDoc: { first: k === 0, last: k === parts.length - 1, line },
      }),
    );
  }
  return out;
}

/** For each opening delimiter, its closing one; null when the delimiters do not balance. */
function closers(toks: Token[]): Int32Array | null {
  const close = new Int32Array(toks.length).fill(-1);
  const stack: number[] = [];
  const pair: Record<string, string> = { ')': '(', ']': '[', '}': '{' };
  for (let k = 0; k < toks.length; k++) {
    if (toks[k].kind === 'open') stack.push(k);
    else if (toks[k].kind === 'close') {
      const o = stack.pop();
      if (o === undefined || toks[o].text !== pair[toks[k].text]) return null;
      close[o] = k;
    }
  }
  return stack.length ? null : close;
}

/** The source text of the tokens from position `a` to position `b` of the parser. */
function renderRange(
  toks: MacroToken[],
  src: string,
  a: { i: number; rem: string | null },
  b: { i: number; rem: string | null },
): string {
  if (a.i === b.i && a.rem === b.rem) return ''; // nothing taken (an empty `vis`)
  const lastIdx = b.rem !== null ? b.i : b.i - 1;
  if (lastIdx < a.i) return '';
  const first = toks[a.i];
  const last = toks[lastIdx];
  if ((first.fromDoc && !first.fromDoc.first) || (last.fromDoc && !last.fromDoc.last)) {
    // part of a doc comment: spell the tokens out
    const parts: string[] = [];
    for (let k = a.i; k <= lastIdx; k++) parts.push(k === a.i && a.rem !== null ? a.rem : toks[k].text);
    if (b.rem !== null) parts[parts.length - 1] = last.text.slice(0, last.text.length - b.rem.length);
    return parts.join(' ');
  }
  const start = a.rem !== null ? first.end - a.rem.length : first.start;
  const end = b.rem !== null ? last.end - b.rem.length : last.end;
  // a line doc comment runs to the end of its line
  return src.slice(start, end) + (last.fromDoc?.line ? '\n' : '');
}

// --- matching ------------------------------------------------------------------------------------

class Abort extends Error {}

type Outcome = { ok: Map<string, Binding> } | 'fail';

/**
 * Runs one rule's matcher over the input (rustc `parse_tt`). 'fail': the rule does not match
 * (try the next); throws Abort or Undecided where rustc reports an error.
 */
function matchRule(
  m: Matcher,
  toks: MacroToken[],
  close: Int32Array,
  src: string,
  budget: { steps: number },
): Outcome {
  const { locs } = m;
  const p = new FragmentParser(toks, close);
  let cur: Position[] = [{ idx: 0, ms: new Array<Match | undefined>(m.names.length) }];
  for (;;) {
    const next: Position[] = [];
    const bb: Position[] = [];
    const eof: Position[] = [];
    const atEof = p.atEof();
    const tok = p.text();
    while (cur.length) {
      if (--budget.steps < 0 || cur.length > MAX_POSITIONS) throw new Abort('matcher too costly');
      const mp = cur.pop() as Position;
      const loc = locs[mp.idx];
      switch (loc.k) {
        case 'token':
          if (!atEof && tok === loc.text) next.push({ idx: mp.idx + 1, ms: mp.ms });
          break;
        case 'seq': {
          let ms = mp.ms;
          for (let v = loc.firstVar; v < loc.firstVar + loc.vars; v++) {
            budget.steps -= ms.length;
            ms = pushMatch(ms, v, loc.depth, EMPTY_SEQ);
          }
          if (loc.op !== '+') cur.push({ idx: loc.firstAfter, ms });
          cur.push({ idx: mp.idx + 1, ms });
          break;
        }
        case 'kleene':
          cur.push({ idx: mp.idx + 1, ms: mp.ms });
          if (loc.op !== '?') cur.push({ idx: loc.first, ms: mp.ms });
          break;
        case 'sep':
          cur.push({ idx: mp.idx + 2, ms: mp.ms });
          if (!atEof && tok === loc.text) next.push({ idx: mp.idx + 1, ms: mp.ms });
          break;
        case 'afterSep':
          cur.push({ idx: loc.first, ms: mp.ms });
          break;
        case 'var':
          if (p.mayBegin(loc.frag)) bb.push(mp);
          break;
        case 'eof':
          if (atEof) eof.push(mp);
          break;
      }
    }
    if (atEof) {
      if (eof.length > 1) throw new Abort('ambiguity: multiple successful parses');
      if (eof.length === 0) return 'fail';
      const binds = new Map<string, Binding>();
      eof[0].ms.forEach((x, k) => {
        if (x) binds.set(m.names[k], toBinding(x));
      });
      return { ok: binds };
    }
    if (next.length === 0 && bb.length === 0) return 'fail';
    if (bb.length === 0) {
      cur = next;
      p.bump();
      continue;
    }
    if (next.length > 0 || bb.length > 1) throw new Abort('local ambiguity: multiple parsing options');
    const mp = bb[0];
    const loc = locs[mp.idx] as Extract<Loc, { k: 'var' }>;
    const from = { i: p.i, rem: p.rem };
    p.parseFragment(loc.frag);
    budget.steps -= p.i - from.i + mp.ms.length;
    const text = renderRange(toks, src, from, { i: p.i, rem: p.rem });
    cur = [{ idx: mp.idx + 1, ms: pushMatch(mp.ms, loc.index, loc.depth, { text }) }];
  }
}

// --- transcription -------------------------------------------------------------------------------

/** A binding at the current repetition indices; null while it still repeats (an error). */
function resolve(b: Binding, idx: number[]): { text: string } | null {
  let x: Binding | undefined = b;
  for (const k of idx) {
    if (!x || !('items' in x)) break;
    x = x.items[k];
  }
  return x && 'text' in x ? x : null;
}

/** How often a transcriber repetition naming `names` repeats (rustc `lockstep_iter_size`). */
function repetitions(names: string[], binds: Map<string, Binding>, idx: number[]): number | null {
  let n: number | null = null;
  for (const name of names) {
    let x: Binding | undefined = binds.get(name);
    for (const k of idx) {
      if (!x || !('items' in x)) break;
      x = x.items[k];
    }
    if (!x || !('items' in x)) continue;
    if (n !== null && n !== x.items.length) return null; // repetitions of different lengths
    n = x.items.length;
  }
  return n; // null: nothing repeats here
}

/** Transcribes `tokens[from..to)` of the transcriber at repetition indices `idx`. */
function transcribe(
  tokens: Token[],
  src: string,
  from: number,
  to: number,
  binds: Map<string, Binding>,
  idx: number[],
  out: string[],
  size: { n: number; visited: number },
): boolean {
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
        const b = binds.get(n.text);
        if (b) {
          const r = resolve(b, idx);
          if (!r) return false; // still repeating at this depth
          out.push(r.text);
          size.n += r.text.length;
          i += 2;
          continue;
        }
      }
      if (n.text === '(') {
        const end = skipTree(tokens, i + 1);
        size.visited += end - i; // the group is searched for its variables
        let j = end;
        let sep: string | null = null;
        if (j < to && ['*', '+', '?'].includes(tokens[j].text)) j++;
        else if (j < to) {
          sep = tokens[j].text;
          j += 2;
        }
        const names: string[] = [];
        for (let k = i + 2; k < end - 2; k++)
          if (tokens[k].text === '$' && tokens[k + 1].kind === 'ident') names.push(tokens[k + 1].text);
        const count = repetitions(names, binds, idx);
        if (count === null) return false;
        for (let r = 0; r < count; r++) {
          if (r > 0 && sep) out.push(sep);
          if (!transcribe(tokens, src, i + 2, end - 1, binds, [...idx, r], out, size)) return false;
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

/** A rule's matcher and transcriber, lexed and compiled once however often the macro is invoked. */
interface CompiledRule {
  matcher: Matcher | null;
  transcriber?: Token[];
}

const compiled = new WeakMap<MacroRule, CompiledRule>();

function compile(rule: MacroRule): CompiledRule {
  let c = compiled.get(rule);
  if (!c) {
    const mTokens = lex(rule.matcher, MAX_MATCHER_TOKENS);
    let matcher: Matcher | null = null;
    if (mTokens.length < MAX_MATCHER_TOKENS && closers(mTokens)) {
      try {
        matcher = compileMatcher(mTokens);
      } catch (e) {
        if (!(e instanceof InvalidMatcher)) throw e;
      }
    }
    c = { matcher };
    compiled.set(rule, c);
  }
  return c;
}

/**
 * Expands one invocation with the macro's rules, choosing the rule rustc chooses; null when no
 * rule matches, when rustc would reject the invocation or the definition, when the choice cannot
 * be made here (see ./macro-fragments.ts), or when the work or the output is too large.
 */
export function expandMacro(rules: MacroRule[], input: string): string | null {
  const compiledRules = rules.map(compile);
  // rustc rejects the whole definition when a matcher is invalid
  if (compiledRules.some((c) => c.matcher === null)) return null;
  const toks = inputTokens(input);
  const close = toks && closers(toks);
  if (!toks || !close) return null;
  const budget = { steps: MAX_MATCH_STEPS };
  for (let r = 0; r < rules.length; r++) {
    const c = compiledRules[r];
    let outcome: Outcome;
    try {
      outcome = matchRule(c.matcher as Matcher, toks, close, input, budget);
    } catch (e) {
      if (e instanceof Undecided || e instanceof Abort || e instanceof InvalidMatcher) return null;
      throw e;
    }
    if (outcome === 'fail') continue;
    const rule = rules[r];
    c.transcriber ??= lex(rule.transcriber, MAX_INPUT_TOKENS);
    const tTokens = c.transcriber;
    const out: string[] = [];
    if (!transcribe(tTokens, rule.transcriber, 0, tTokens.length, outcome.ok, [], out, { n: 0, visited: 0 }))
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
