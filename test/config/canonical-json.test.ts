/**
 * The digests' canonical JSON (`stableStringify`) is RFC 8785's (JCS) for every JSON value the
 * digests cover: checked against the `canonicalize` package (the RFC author's implementation) on
 * generated values. The code is kept rather than replaced (README, Design: approvals are bound to
 * digest values, and the bundles carry no dependency for 10 lines); this test says a switch
 * would change no digest.
 */
import canonicalize from 'canonicalize';
import fc from 'fast-check';
import { stableStringify } from '../../src/core/digest';

describe('stableStringify is RFC 8785 canonical JSON', () => {
  it('on generated JSON values (unicode keys and strings, numbers, nesting)', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 4 }), (v) => {
        expect(stableStringify(v)).toBe(canonicalize(v));
      }),
      { numRuns: 3000 },
    );
  });

  it('orders keys by UTF-16 code units, as RFC 8785 does', () => {
    const v = { '\u{1f600}': 1, '\ufb01': 2, a: 3, B: 4, é: 5, '': 6 };
    expect(stableStringify(v)).toBe(canonicalize(v));
    expect(stableStringify(v)).toBe('{"":6,"B":4,"a":3,"é":5,"\u{1f600}":1,"\ufb01":2}');
  });

  it('drops undefined members as JSON.stringify does', () => {
    const v = { a: undefined, b: [1, 'x', null], c: { d: -0, e: 1e21, f: 0.1 } };
    expect(stableStringify(v)).toBe(canonicalize(v));
  });
});
