/**
 * Path globs for rule scopes, matched against an item's file (a `/`-separated path relative to
 * the analysed root): `*` matches within one path segment, `**` across segments (`src/**` matches
 * everything under `src`, `**\/ffi.rs` an `ffi.rs` at any depth), `?` one character. Everything
 * else is literal. A pattern matches the whole path.
 *
 * The globs come from a configuration file, so they are hostile input: they are not compiled to
 * a backtracking RegExp (`*a*a*a*a*b` against a long path is polynomial of the pattern's degree
 * there, as it is in picomatch's and minimatch's RegExps), but run as a small automaton, every
 * pattern position at once, one path character at a time: at most (path length + 1) × (2 ×
 * pattern length + 2) steps. See the README (Configuration, "Globs").
 */

type Token =
  | { kind: 'char'; c: string }
  /** `?`: one character other than `/`. */
  | { kind: 'one' }
  /** `*`: any run of characters other than `/`. */
  | { kind: 'star' }
  /** `**` not next to a `/`: any run of characters. */
  | { kind: 'any' }
  /** `**\/`: zero or more whole segments, each ending in `/` (`(?:.*\/)?`). */
  | { kind: 'dirs' }
  /** `/**` at the end: nothing, or `/` and anything after it (`(?:\/.*)?`). */
  | { kind: 'rest' };

/** A compiled glob. `test` has the RegExp's signature, so it can stand where one did. */
export interface GlobMatcher {
  readonly pattern: string;
  test(path: string): boolean;
}

/** Work done by matches (automaton steps), for tests that bound it. */
export interface GlobStats {
  steps: number;
}

function tokenize(p: string): Token[] {
  const tokens: Token[] = [];
  for (let i = 0; i < p.length;) {
    if (p.startsWith('**/', i)) {
      tokens.push({ kind: 'dirs' });
      i += 3;
    } else if (p.startsWith('/**', i) && i + 3 === p.length) {
      tokens.push({ kind: 'rest' });
      i += 3;
    } else if (p.startsWith('**', i)) {
      tokens.push({ kind: 'any' });
      i += 2;
    } else if (p[i] === '*') {
      tokens.push({ kind: 'star' });
      i++;
    } else if (p[i] === '?') {
      tokens.push({ kind: 'one' });
      i++;
    } else {
      // one UTF-16 unit at a time, as the RegExp without the `u` flag did
      tokens.push({ kind: 'char', c: p[i] });
      i++;
    }
  }
  return tokens;
}

/**
 * Whether `tokens` match all of `path`. State `2i` is "at token i"; state `2i + 1` is "inside
 * token i" (the `.*` of `dirs`, the tail of `rest`). Epsilon moves only go forward, so one pass
 * in index order closes a state set.
 */
function run(tokens: readonly Token[], path: string, stats?: GlobStats): boolean {
  const m = tokens.length;
  let cur = new Uint8Array(2 * m + 2);
  let next = new Uint8Array(2 * m + 2);
  const close = (set: Uint8Array) => {
    for (let i = 0; i < m; i++) {
      const k = tokens[i].kind;
      if (set[2 * i] && (k === 'star' || k === 'any' || k === 'dirs' || k === 'rest')) set[2 * i + 2] = 1;
      if (set[2 * i + 1] && k === 'rest') set[2 * i + 2] = 1;
    }
  };
  cur[0] = 1;
  close(cur);
  for (let at = 0; at < path.length; at++) {
    const c = path[at];
    next.fill(0);
    let alive = false;
    for (let i = 0; i < m; i++) {
      const t = tokens[i];
      if (stats) stats.steps += 2;
      if (cur[2 * i]) {
        switch (t.kind) {
          case 'char':
            if (c === t.c) next[2 * i + 2] = 1;
            break;
          case 'one':
            if (c !== '/') next[2 * i + 2] = 1;
            break;
          case 'star':
            if (c !== '/') next[2 * i] = 1;
            break;
          case 'any':
            next[2 * i] = 1;
            break;
          case 'dirs':
            next[2 * i + 1] = 1;
            if (c === '/') next[2 * i + 2] = 1;
            break;
          case 'rest':
            if (c === '/') next[2 * i + 1] = 1;
            break;
        }
      }
      if (cur[2 * i + 1]) {
        next[2 * i + 1] = 1;
        if (t.kind === 'dirs' && c === '/') next[2 * i + 2] = 1;
      }
    }
    close(next);
    for (let s = 0; s < next.length && !alive; s++) alive = next[s] === 1;
    if (!alive) return false;
    [cur, next] = [next, cur];
  }
  return cur[2 * m] === 1;
}

const cache = new Map<string, GlobMatcher>();

/** The matcher of a glob (cached); its `test` takes the path as it is. */
export function compileGlob(pattern: string, stats?: GlobStats): GlobMatcher {
  const hit = stats ? undefined : cache.get(pattern);
  if (hit) return hit;
  const tokens = tokenize(normalisePath(pattern));
  const matcher: GlobMatcher = { pattern, test: (path: string) => run(tokens, path, stats) };
  if (stats) return matcher;
  if (cache.size > 1000) cache.clear();
  cache.set(pattern, matcher);
  return matcher;
}

/** The former name of {@link compileGlob} (a matcher now, not a RegExp). */
export const globToRegExp = (pattern: string): GlobMatcher => compileGlob(pattern);

function normalisePath(p: string): string {
  return p.replace(/\\/g, '/').replace(/^(\.\/)+/, '');
}

export function matchGlob(pattern: string, path: string, stats?: GlobStats): boolean {
  return compileGlob(pattern, stats).test(normalisePath(path));
}
