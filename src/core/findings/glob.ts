/**
 * Path globs for rule scopes, matched against an item's file (a `/`-separated path relative to
 * the analysed root): `*` matches within one path segment, `**` across segments (`src/**` matches
 * everything under `src`, `**\/ffi.rs` an `ffi.rs` at any depth), `?` one character. Everything
 * else is literal. A pattern matches the whole path.
 */

const cache = new Map<string, RegExp>();

export function globToRegExp(pattern: string): RegExp {
  const hit = cache.get(pattern);
  if (hit) return hit;
  const p = normalisePath(pattern);
  let re = '';
  for (let i = 0; i < p.length;) {
    if (p.startsWith('**/', i)) {
      re += '(?:.*/)?';
      i += 3;
    } else if (p.startsWith('/**', i) && i + 3 === p.length) {
      re += '(?:/.*)?';
      i += 3;
    } else if (p.startsWith('**', i)) {
      re += '.*';
      i += 2;
    } else if (p[i] === '*') {
      re += '[^/]*';
      i++;
    } else if (p[i] === '?') {
      re += '[^/]';
      i++;
    } else {
      re += p[i].replace(/[.+^${}()|[\]\\]/g, '\\$&');
      i++;
    }
  }
  const compiled = new RegExp(`^${re}$`);
  if (cache.size > 1000) cache.clear();
  cache.set(pattern, compiled);
  return compiled;
}

function normalisePath(p: string): string {
  return p.replace(/\\/g, '/').replace(/^(\.\/)+/, '');
}

export function matchGlob(pattern: string, path: string): boolean {
  return globToRegExp(pattern).test(normalisePath(path));
}
