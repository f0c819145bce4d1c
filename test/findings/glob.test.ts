/**
 * The scope glob matcher: the same answers as the RegExp it replaced (kept here as the reference),
 * on generated globs and paths, and work bounded by path × pattern on globs built to make a
 * backtracking RegExp explode.
 */
import fc from 'fast-check';
import { compileGlob, GlobStats, matchGlob } from '../../src/core/findings/glob';

/** The former implementation: a RegExp per glob (backtracking). */
function referenceRegExp(pattern: string): RegExp {
  const p = pattern.replace(/\\/g, '/').replace(/^(\.\/)+/, '');
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
  return new RegExp(`^${re}$`);
}

const alphabet = ['a', 'b', '/', '.', '*', '?', '**', '**/', '/**', '\\', '[', '(', '+'];

describe('glob matching', () => {
  it.each([
    ['src/**', 'src/a/b.rs', true],
    ['src/**', 'src', true],
    ['src/**', 'srcx/a.rs', false],
    ['**/ffi.rs', 'ffi.rs', true],
    ['**/ffi.rs', 'a/b/ffi.rs', true],
    ['**/ffi.rs', 'a/bffi.rs', false],
    ['src/*.rs', 'src/lib.rs', true],
    ['src/*.rs', 'src/a/lib.rs', false],
    ['src/?.rs', 'src/a.rs', true],
    ['src/?.rs', 'src//.rs', false],
    ['a**b', 'a/x/b', true],
    ['./src/lib.rs', 'src/lib.rs', true],
    ['src\\lib.rs', 'src/lib.rs', true],
    ['src/(x)+.rs', 'src/(x)+.rs', true],
    ['', '', true],
    ['', 'a', false],
  ])('%j against %j: %s', (pattern, path, expected) => {
    expect(matchGlob(pattern, path)).toBe(expected);
  });

  it('answers as the RegExp it replaced, on generated globs and paths', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...alphabet), { maxLength: 8 }).map((a) => a.join('')),
        fc.array(fc.constantFrom('a', 'b', '/', '.', 'ab', 'x/'), { maxLength: 10 }).map((a) => a.join('')),
        (pattern, path) => {
          expect(compileGlob(pattern).test(path)).toBe(referenceRegExp(pattern).test(path));
        },
      ),
      { numRuns: 5000 },
    );
  });

  it('does work bounded by path × pattern on a glob that makes a RegExp backtrack', () => {
    const pattern = '*a'.repeat(40) + 'b';
    const path = 'a'.repeat(20_000);
    const stats: GlobStats = { steps: 0 };
    expect(matchGlob(pattern, path, stats)).toBe(false);
    const tokens = 81;
    expect(stats.steps).toBeGreaterThan(0);
    expect(stats.steps).toBeLessThanOrEqual((path.length + 1) * (2 * tokens + 2));
    // the same with ** and **/ (which a RegExp turns into nested .* alternatives)
    const deep: GlobStats = { steps: 0 };
    const dirs = '**/a'.repeat(30) + '/**/b';
    const longPath = 'a/'.repeat(5_000) + 'c';
    expect(matchGlob(dirs, longPath, deep)).toBe(false);
    expect(deep.steps).toBeLessThanOrEqual((longPath.length + 1) * (2 * 62 + 2));
  });

  it('stops at the first character no pattern position survives', () => {
    const stats: GlobStats = { steps: 0 };
    expect(matchGlob('src/*.rs', 'x'.repeat(100_000), stats)).toBe(false);
    // one character read: 2 steps for each of the 8 tokens
    expect(stats.steps).toBe(2 * 8);
  });
});
