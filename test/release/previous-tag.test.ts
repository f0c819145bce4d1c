import fc from 'fast-check';
import * as semver from 'semver';
import {
  crateForTag,
  cratesForTag,
  findPreviousTag,
  parseTagPattern,
  previousTag,
  releaseTags,
  TagPatternError,
  tagVersion,
} from '../../src/core/release/previous-tag';

describe('tagVersion', () => {
  it.each([
    ['v1.2.3', 'v*', '1.2.3'],
    ['v0.3.0-rc.1', 'v*', '0.3.0-rc.1'],
    ['1.2.3', '*', '1.2.3'],
    ['v1.2.3', '*', '1.2.3'],
    ['mycrate-v0.3.0-rc.1', 'mycrate-v*', '0.3.0-rc.1'],
    ['mycrate-v0.3.0', 'mycrate-*', '0.3.0'],
    ['mycrate-0.3.0', 'mycrate-*', '0.3.0'],
    ['release/2.0.0/final', 'release/*/final', '2.0.0'],
    ['v1.0.0+build.7', 'v*', '1.0.0+build.7'],
    ['refs/tags/v1.2.3', 'v*', '1.2.3'],
  ])('%s under %s is %s', (tag, pattern, version) => {
    expect(tagVersion(tag, pattern)).toBe(version);
  });

  it.each([
    ['1.2.3', 'v*'], // the pattern's literal text is required
    ['vv1.2.3', 'v*'], // one v only, and not when the pattern ends in v
    ['v1.2', 'v*'],
    ['v1', 'v*'],
    ['v01.2.3', 'v*'],
    ['vlatest', 'v*'],
    ['v', 'v*'],
    ['v 1.2.3', 'v*'],
    ['v=1.2.3', 'v*'],
    ['v1.2.3 ', 'v*'],
    ['other-v1.2.3', 'mycrate-v*'],
    ['mycrate-v1.2.3-', 'mycrate-v*'],
    ['release/2.0.0', 'release/*/final'],
    ['nightly', 'v*'],
  ])('%s is not a release under %s', (tag, pattern) => {
    expect(tagVersion(tag, pattern)).toBeNull();
  });

  it.each(['v', '', 'v**', '*-*', 'a b*', 'v\n*'])('rejects the pattern %j', (pattern) => {
    expect(() => parseTagPattern(pattern)).toThrow(TagPatternError);
    expect(() => previousTag(['v1.0.0'], 'v1.1.0', pattern)).toThrow(TagPatternError);
  });

  it('parses a pattern into its literal parts', () => {
    expect(parseTagPattern('mycrate-v*')).toEqual({ pattern: 'mycrate-v*', prefix: 'mycrate-v', suffix: '' });
    expect(parseTagPattern('r/*/x')).toEqual({ pattern: 'r/*/x', prefix: 'r/', suffix: '/x' });
  });
});

describe('releaseTags', () => {
  it('orders by semver, not lexically, and drops what is not a release', () => {
    const tags = ['v1.10.0', 'v1.9.0', 'v1.2.0', 'latest', 'v2.0.0-rc.10', 'v2.0.0-rc.2', 'v2.0.0', 'v1.9.0'];
    expect(releaseTags(tags, 'v*').map((t) => t.tag)).toEqual([
      'v1.2.0',
      'v1.9.0',
      'v1.10.0',
      'v2.0.0-rc.2',
      'v2.0.0-rc.10',
      'v2.0.0',
    ]);
  });

  it('orders tags naming the same version by name', () => {
    expect(releaseTags(['v1.0.0+b', 'v1.0.0', 'v1.0.0+a'], 'v*').map((t) => t.tag)).toEqual([
      'v1.0.0',
      'v1.0.0+a',
      'v1.0.0+b',
    ]);
  });
});

describe('previousTag', () => {
  const history = [
    'v0.9.0',
    'v1.0.0-rc.1',
    'v1.0.0',
    'v1.2.0',
    'v1.9.0',
    'v1.10.0',
    'v2.0.0-alpha.1',
    'v2.0.0-beta',
    'v2.0.0-rc.1',
    'v2.0.0-rc.2',
    'v2.0.0-rc.10',
    'v2.0.0',
    'v2.0.1',
    'nightly',
    'v3',
    'mycrate-v9.0.0',
  ];

  it.each([
    ['v1.10.0', 'v1.9.0'], // semver: 1.10 > 1.9
    ['v1.9.0', 'v1.2.0'],
    ['v1.11.0', 'v1.10.0'], // the current tag need not be in the list
    ['v2.0.1', 'v2.0.0'],
    ['v2.0.0', 'v1.10.0'], // a stable release skips the release candidates before it
    ['v2.0.0-rc.2', 'v2.0.0-rc.1'], // a pre-release compares with the previous tag of any kind
    ['v2.0.0-rc.10', 'v2.0.0-rc.2'], // numeric pre-release identifiers compare numerically
    ['v2.0.0-rc.1', 'v2.0.0-beta'],
    ['v2.0.0-beta', 'v2.0.0-alpha.1'],
    ['v2.0.0-alpha.1', 'v1.10.0'],
    ['v1.0.0', 'v0.9.0'],
    ['v1.0.0-rc.1', 'v0.9.0'],
    ['refs/tags/v1.10.0', 'v1.9.0'],
  ])('%s → %s', (current, previous) => {
    expect(previousTag(history, current, 'v*')).toBe(previous);
  });

  it('compares a stable release with the previous tag of any kind when asked', () => {
    expect(previousTag(history, 'v2.0.0', 'v*', { stableAgainstStable: false })).toBe('v2.0.0-rc.10');
    expect(previousTag(history, 'v1.0.0', 'v*', { stableAgainstStable: false })).toBe('v1.0.0-rc.1');
    expect(previousTag(history, 'v2.0.0-rc.2', 'v*', { stableAgainstStable: false })).toBe('v2.0.0-rc.1');
  });

  it('has no previous tag for the first release', () => {
    expect(previousTag(history, 'v0.9.0', 'v*')).toBeNull();
    expect(previousTag(history, 'v0.1.0', 'v*')).toBeNull();
    expect(previousTag([], 'v1.0.0', 'v*')).toBeNull();
    expect(previousTag(['nightly', 'latest'], 'v1.0.0', 'v*')).toBeNull();
    expect(findPreviousTag([], 'v1.0.0', 'v*')).toEqual({
      status: 'first-release',
      current: { tag: 'v1.0.0', version: '1.0.0', prerelease: false },
    });
  });

  it('treats the first stable release after only pre-releases as a first release', () => {
    expect(findPreviousTag(['v1.0.0-rc.1', 'v1.0.0-rc.2'], 'v1.0.0', 'v*').status).toBe('first-release');
    expect(previousTag(['v1.0.0-rc.1'], 'v1.0.0', 'v*', { stableAgainstStable: false })).toBe('v1.0.0-rc.1');
  });

  it('never picks a tag of the same version, nor a later one', () => {
    expect(previousTag(['v1.0.0', 'v1.0.0+build', 'v1.1.0'], 'v1.0.0', 'v*')).toBeNull();
    expect(previousTag(['v0.9.0', 'v1.0.0+build', 'v1.1.0'], 'v1.0.0', 'v*')).toBe('v0.9.0');
  });

  it('says when the current tag is not a release tag', () => {
    const r = findPreviousTag(history, 'nightly', 'v*');
    expect(r.status).toBe('not-a-release-tag');
    expect(previousTag(history, 'nightly', 'v*')).toBeNull();
    expect(previousTag(history, 'mycrate-v9.1.0', 'v*')).toBeNull();
    expect(previousTag(history, 'v2.0', 'v*')).toBeNull();
  });

  it('defaults to the v* pattern', () => {
    expect(previousTag(['v1.0.0', '0.5.0'], 'v1.1.0')).toBe('v1.0.0');
  });

  it('keeps crates apart with per-crate patterns', () => {
    const tags = [
      'foo-v0.1.0',
      'foo-v0.2.0',
      'foo-bar-v0.9.0',
      'foo-bar-v0.10.0',
      'v5.0.0',
      'foo-v0.3.0-rc.1',
      'bar-v1.0.0',
    ];
    expect(previousTag(tags, 'foo-v0.3.0', 'foo-v*')).toBe('foo-v0.2.0');
    expect(previousTag(tags, 'foo-v0.3.0-rc.2', 'foo-v*')).toBe('foo-v0.3.0-rc.1');
    expect(previousTag(tags, 'foo-bar-v0.11.0', 'foo-bar-v*')).toBe('foo-bar-v0.10.0');
    expect(previousTag(tags, 'bar-v1.1.0', 'bar-v*')).toBe('bar-v1.0.0');
    expect(previousTag(tags, 'baz-v1.0.0', 'baz-v*')).toBeNull();
    // foo-* would read `bar-v0.10.0` as the version of foo-bar-v0.10.0: not semver, ignored
    expect(previousTag(tags, 'foo-0.3.0', 'foo-*')).toBe('foo-v0.2.0');
  });
});

describe('crateForTag', () => {
  const patterns = { foo: 'foo-v*', 'foo-bar': 'foo-bar-v*', loose: 'foo-*', app: 'v*' };

  it.each([
    ['foo-v1.0.0', 'foo'], // foo-v* and foo-* both match: the more specific wins
    ['foo-bar-v0.3.0-rc.1', 'foo-bar'], // foo-* would leave `bar-v0.3.0-rc.1`: not a version
    ['foo-1.0.0', 'loose'],
    ['v2.0.0', 'app'],
    ['refs/tags/foo-bar-v1.0.0', 'foo-bar'],
    ['baz-v1.0.0', null],
    ['foo-vnext', null],
  ])('%s is released by %s', (tag, crate) => {
    expect(crateForTag(tag, patterns)).toBe(crate);
  });

  it('lists every crate a tag could release, most specific first', () => {
    expect(cratesForTag('foo-v1.0.0', patterns)).toEqual(['foo', 'loose']);
    expect(cratesForTag('nothing', patterns)).toEqual([]);
  });

  it('is ambiguous when two patterns match equally well', () => {
    expect(crateForTag('v1.0.0', { a: 'v*', b: 'v*' })).toBeNull();
    expect(cratesForTag('v1.0.0', { b: 'v*', a: 'v*' })).toEqual(['a', 'b']);
  });

  it('rejects an invalid pattern', () => {
    expect(() => crateForTag('v1.0.0', { a: 'v' })).toThrow(TagPatternError);
  });
});

describe('previousTag properties', () => {
  const version = fc
    .tuple(
      fc.nat({ max: 12 }),
      fc.nat({ max: 12 }),
      fc.nat({ max: 12 }),
      fc.option(
        fc.array(fc.oneof(fc.constantFrom('rc', 'alpha', 'beta', 'x-1'), fc.nat({ max: 12 }).map(String)), {
          minLength: 1,
          maxLength: 3,
        }),
        { nil: null },
      ),
    )
    .map(([a, b, c, pre]) => `${a}.${b}.${c}${pre ? `-${pre.join('.')}` : ''}`);
  const prefix = fc.constantFrom('v', 'crate-v', '');
  const noise = fc.constantFrom('nightly', 'v1.2', 'vv1.0.0', 'latest', 'v01.0.0', 'crate-vx', '1.0');
  const tag = fc.oneof(
    { weight: 6, arbitrary: fc.tuple(prefix, version).map(([p, v]) => p + v) },
    { weight: 1, arbitrary: noise },
  );
  const pattern = fc.constantFrom('v*', 'crate-v*', '*');
  const policy = fc.boolean();

  it('never returns a tag at or above the current one, nor one outside the list or pattern', () => {
    fc.assert(
      fc.property(fc.array(tag, { maxLength: 25 }), tag, pattern, policy, (tags, current, pat, stable) => {
        const prev = previousTag(tags, current, pat, { stableAgainstStable: stable });
        if (prev === null) return;
        expect(tags).toContain(prev);
        const pv = tagVersion(prev, pat);
        const cv = tagVersion(current, pat);
        expect(pv).not.toBeNull();
        expect(cv).not.toBeNull();
        expect(semver.lt(pv as string, cv as string)).toBe(true);
        if (stable && semver.prerelease(cv as string) === null)
          expect(semver.prerelease(pv as string)).toBeNull();
      }),
      { numRuns: 500 },
    );
  });

  it('returns the greatest eligible release below the current one', () => {
    fc.assert(
      fc.property(fc.array(tag, { maxLength: 25 }), tag, pattern, policy, (tags, current, pat, stable) => {
        const cv = tagVersion(current, pat);
        const prev = previousTag(tags, current, pat, { stableAgainstStable: stable });
        if (cv === null) {
          expect(prev).toBeNull();
          return;
        }
        const stableOnly = stable && semver.prerelease(cv) === null;
        const eligible = tags
          .map((t) => tagVersion(t, pat))
          .filter((v): v is string => v !== null && semver.lt(v, cv))
          .filter((v) => !stableOnly || semver.prerelease(v) === null);
        if (!eligible.length) expect(prev).toBeNull();
        else {
          const best = eligible.reduce((a, b) => (semver.gt(b, a) ? b : a));
          expect(semver.eq(tagVersion(prev as string, pat) as string, best)).toBe(true);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('does not depend on the order of the tags', () => {
    fc.assert(
      fc.property(
        fc
          .array(tag, { maxLength: 20 })
          .chain((tags) =>
            fc.tuple(
              fc.constant(tags),
              fc.shuffledSubarray(tags, { minLength: tags.length, maxLength: tags.length }),
            ),
          ),
        tag,
        pattern,
        policy,
        ([tags, shuffled], current, pat, stable) => {
          const o = { stableAgainstStable: stable };
          expect(previousTag(shuffled, current, pat, o)).toBe(previousTag(tags, current, pat, o));
        },
      ),
      { numRuns: 300 },
    );
  });
});
