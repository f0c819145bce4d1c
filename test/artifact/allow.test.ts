/** The release gate's allow list: `binary-exports.allow` in the configuration, and its globs. */
import { globMatch, judgeBinaryOnly } from '../../src/core/artifact/allow';
import { defaultConfig, parseConfig, policyHash } from '../../src/core/config';

const FILE = '.github/ffi-surface-guard.yml';

describe('globMatch', () => {
  it.each([
    ['gen_*', 'gen_alpha', true],
    ['gen_*', 'gen_', true],
    ['gen_*', 'xgen_alpha', false],
    ['*_size', 'engine_size', true],
    ['*_size', 'engine_size2', false],
    ['answer_?', 'answer_c', true],
    ['answer_?', 'answer_cc', false],
    ['exact', 'exact', true],
    ['exact', 'exactly', false],
    ['*', '', true],
    ['a*b*c', 'aXXbYYc', true],
    ['a*b*c', 'aXXbYY', false],
  ])('%s ~ %s: %s', (glob, name, want) => {
    expect(globMatch(glob, name)).toBe(want);
  });

  it('a hostile glob against a long name stays polynomial (counts, not time: it returns)', () => {
    const name = 'a'.repeat(4000);
    expect(globMatch('*a*a*a*a*a*a*a*a*b', name)).toBe(false);
    expect(globMatch('*a*a*a*a*a*a*a*a*a', name)).toBe(true);
  });

  it('the first covering entry is named', () => {
    const v = judgeBinaryOnly(
      [
        { crate: 'c', entry: { symbol: 'gen_a', kind: 'function', artifacts: ['libc.so'] } },
        { crate: 'c', entry: { symbol: 'other', kind: 'data', artifacts: ['libc.so'] } },
      ],
      [
        { name: 'gen_*', reason: 'macro' },
        { name: 'gen_a', reason: 'second' },
      ],
    );
    expect(v.map((x) => x.allowedBy?.reason ?? null)).toEqual(['macro', null]);
  });
});

describe('binary-exports in the configuration', () => {
  it('parses, sorts and deduplicates the allow list', () => {
    const c = parseConfig(
      'binary-exports:\n  allow:\n    - { name: "z_*", reason: r }\n    - { name: a, reason: why }\n    - { name: a, reason: why }\n',
      FILE,
    );
    expect(c.binaryExports.allow).toEqual([
      { name: 'a', reason: 'why' },
      { name: 'z_*', reason: 'r' },
    ]);
  });

  it('an empty allow list keeps the policy hash of a configuration without it; a non-empty one changes it', () => {
    expect(policyHash(parseConfig('binary-exports: { allow: [] }\n', FILE))).toBe(
      policyHash(defaultConfig()),
    );
    expect(policyHash(parseConfig('binary-exports: { allow: [{ name: a, reason: b }] }\n', FILE))).not.toBe(
      policyHash(defaultConfig()),
    );
  });

  it.each([
    ['no reason', 'binary-exports: { allow: [{ name: a }] }\n', 'binary-exports.allow[0]'],
    [
      'an empty reason',
      'binary-exports: { allow: [{ name: a, reason: "" }] }\n',
      'binary-exports.allow[0].reason',
    ],
    [
      'a multi-line reason',
      'binary-exports: { allow: [{ name: a, reason: "x\\ny" }] }\n',
      'binary-exports.allow[0].reason',
    ],
    [
      'a name with a space',
      'binary-exports: { allow: [{ name: "a b", reason: r }] }\n',
      'binary-exports.allow[0].name',
    ],
    ['an unknown key', 'binary-exports: { deny: [] }\n', 'binary-exports'],
  ])('%s is an error naming the key', (_what, text, key) => {
    expect(() => parseConfig(text, FILE)).toThrow(key);
  });
});
