/**
 * Cargo's `members` globs, one path segment at a time: `*` (any run of characters), `?` (one
 * character), `[abc]`, `[a-z]` and `[!a-z]` (one character in or not in a set). `**` as a whole
 * segment (any number of directories) is handled by the caller, which walks the tree.
 *
 * The matcher is the two-pointer algorithm with one back-up point: a star only ever has to back
 * up to the most recent star, so a match costs at most (pattern length + 1) × (name length + 1)
 * steps — never the exponential backtracking a `.*`-per-star regular expression can fall into.
 */

type Token =
  | { kind: 'star' }
  | { kind: 'any' }
  | { kind: 'char'; ch: string }
  | { kind: 'set'; negated: boolean; chars: string[]; ranges: [string, string][] };

export interface CompiledGlob {
  readonly source: string;
  readonly tokens: readonly Token[];
}

/** Counts the work done by matching, so that callers can bound it (and tests can observe it). */
export interface GlobCounter {
  steps: number;
}

/** True when a segment has glob metacharacters (and so needs a directory listing). */
export function hasGlobMeta(segment: string): boolean {
  return /[*?[]/.test(segment);
}

/** Parses one segment. An unclosed `[` is a literal character. */
export function compileGlob(segment: string): CompiledGlob {
  const cs = Array.from(segment);
  const tokens: Token[] = [];
  for (let i = 0; i < cs.length; i++) {
    const c = cs[i];
    if (c === '*') {
      if (tokens[tokens.length - 1]?.kind !== 'star') tokens.push({ kind: 'star' });
    } else if (c === '?') tokens.push({ kind: 'any' });
    else if (c === '[') {
      let j = i + 1;
      const negated = cs[j] === '!';
      if (negated) j++;
      const start = j;
      // a `]` right after `[` or `[!` is a member of the set
      if (cs[j] === ']') j++;
      while (j < cs.length && cs[j] !== ']') j++;
      if (j >= cs.length) {
        tokens.push({ kind: 'char', ch: c });
        continue;
      }
      const body = cs.slice(start, j);
      const chars: string[] = [];
      const ranges: [string, string][] = [];
      for (let k = 0; k < body.length; k++) {
        if (k + 2 < body.length && body[k + 1] === '-') {
          ranges.push([body[k], body[k + 2]]);
          k += 2;
        } else chars.push(body[k]);
      }
      tokens.push({ kind: 'set', negated, chars, ranges });
      i = j;
    } else tokens.push({ kind: 'char', ch: c });
  }
  return { source: segment, tokens };
}

function matchesOne(t: Token, ch: string): boolean {
  switch (t.kind) {
    case 'any':
      return true;
    case 'char':
      return t.ch === ch;
    case 'set': {
      const cp = ch.codePointAt(0) as number;
      const inSet =
        t.chars.includes(ch) ||
        t.ranges.some(
          ([lo, hi]) => cp >= (lo.codePointAt(0) as number) && cp <= (hi.codePointAt(0) as number),
        );
      return inSet !== t.negated;
    }
    case 'star':
      return false;
  }
}

/**
 * Whether `name` (one path segment) matches. Returns false, without finishing, once `counter`
 * passes `maxSteps`.
 */
export function matchGlobSegment(
  glob: CompiledGlob,
  name: string,
  counter: GlobCounter = { steps: 0 },
  maxSteps = Number.POSITIVE_INFINITY,
): boolean {
  const toks = glob.tokens;
  const s = Array.from(name);
  let p = 0;
  let i = 0;
  let starP = -1;
  let starI = 0;
  while (i < s.length) {
    if (++counter.steps > maxSteps) return false;
    const t = toks[p];
    if (t !== undefined && t.kind === 'star') {
      starP = p++;
      starI = i;
    } else if (t !== undefined && matchesOne(t, s[i])) {
      p++;
      i++;
    } else if (starP >= 0) {
      // the last star takes one more character; everything after it is retried from there
      p = starP + 1;
      i = ++starI;
    } else return false;
  }
  while (toks[p]?.kind === 'star') p++;
  return p === toks.length;
}
