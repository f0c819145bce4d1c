/**
 * The gate's hidden state marker: it round-trips, it is read only from the very start of the bot's
 * own comment, and anything malformed, forged or oversized reads as "no state".
 */
import fc from 'fast-check';
import {
  botComments,
  CommentLike,
  CommentState,
  foreignMarkers,
  MARKER_PREFIX,
  parseMarker,
  renderMarker,
} from '../../src/core/gate/comment-state';

const HEAD = 'a'.repeat(40);
const OTHER = 'b'.repeat(40);
const D1 = `sha256:${'1'.repeat(64)}`;
const D2 = `sha256:${'2'.repeat(64)}`;

function state(o: Partial<CommentState> = {}): CommentState {
  return { v: 1, head: HEAD, digests: { [OTHER]: D1, [HEAD]: D2 }, approved: [D2], ...o };
}

/** A marker around any JSON-able value, as a forger would write one. */
function markerOf(value: unknown): string {
  return `${MARKER_PREFIX} v1 ${Buffer.from(JSON.stringify(value), 'utf8').toString('base64')} -->`;
}

const hex = (n: number) => fc.stringMatching(new RegExp(`^[0-9a-f]{${n}}$`));

describe('renderMarker / parseMarker', () => {
  it('round-trips, at the start of a comment body followed by the report', () => {
    const s = state();
    const marker = renderMarker(s);
    expect(marker).toMatch(/^<!-- ffi-surface-guard v1 [A-Za-z0-9+/=]+ -->$/);
    expect(parseMarker(marker)).toEqual(s);
    expect(parseMarker(`${marker}\n## FFI surface review\n\n<!-- another comment -->\n`)).toEqual(s);
  });

  it('round-trips any valid state (property)', () => {
    fc.assert(
      fc.property(
        hex(40),
        fc.dictionary(
          hex(40),
          hex(64).map((h) => `sha256:${h}`),
          { maxKeys: 20 },
        ),
        fc.uniqueArray(
          hex(64).map((h) => `sha256:${h}`),
          { maxLength: 5 },
        ),
        (head, digests, approved) => {
          const s: CommentState = { v: 1, head, digests, approved };
          expect(parseMarker(renderMarker(s))).toEqual(s);
        },
      ),
    );
  });

  it('keeps the base tip the digests were computed on, and drops one that is not a commit id', () => {
    const s = state({ base: OTHER });
    expect(parseMarker(renderMarker(s))).toEqual(s);
    expect(parseMarker(renderMarker(state()))).not.toHaveProperty('base');
    expect(parseMarker(markerOf({ ...state(), base: 'main' }))).toEqual(state());
  });

  it('keeps the newest 100 digests', () => {
    const digests: Record<string, string> = {};
    for (let i = 0; i < 130; i++) digests[i.toString(16).padStart(40, '0')] = D1;
    const parsed = parseMarker(renderMarker(state({ digests })));
    const keys = Object.keys(parsed?.digests ?? {});
    expect(keys).toHaveLength(100);
    expect(keys[0]).toBe((30).toString(16).padStart(40, '0'));
    expect(keys.at(-1)).toBe((129).toString(16).padStart(40, '0'));
  });

  it('reads a marker only at the very start of the body', () => {
    const marker = renderMarker(state());
    expect(parseMarker(` ${marker}`)).toBeNull();
    expect(parseMarker(`\n${marker}`)).toBeNull();
    expect(parseMarker(`quoted:\n> ${marker}`)).toBeNull();
    expect(parseMarker('')).toBeNull();
  });

  it('rejects malformed markers: other versions, bad heads, non-objects', () => {
    expect(parseMarker(markerOf({ v: 2, head: HEAD, digests: {} }))).toBeNull();
    expect(parseMarker(markerOf({ v: '1', head: HEAD, digests: {} }))).toBeNull();
    expect(parseMarker(markerOf({ v: 1, head: 'A'.repeat(40), digests: {} }))).toBeNull();
    expect(parseMarker(markerOf({ v: 1, head: HEAD.slice(1), digests: {} }))).toBeNull();
    expect(parseMarker(markerOf({ v: 1, digests: {} }))).toBeNull();
    expect(parseMarker(markerOf([1, HEAD]))).toBeNull();
    expect(parseMarker(markerOf(null))).toBeNull();
    expect(parseMarker(markerOf('text'))).toBeNull();
    expect(parseMarker(`${MARKER_PREFIX} v2 ${renderMarker(state()).split(' ')[3]} -->`)).toBeNull();
    expect(parseMarker(`${MARKER_PREFIX} v1  -->`)).toBeNull();
    expect(parseMarker(`${MARKER_PREFIX} v1 ${renderMarker(state()).split(' ')[3]}`)).toBeNull();
  });

  it('reads base64 garbage, non-UTF-8 and non-JSON payloads as no state', () => {
    expect(parseMarker(`${MARKER_PREFIX} v1 !!!notbase64 -->`)).toBeNull();
    expect(parseMarker(`${MARKER_PREFIX} v1 AAAA -->`)).toBeNull();
    expect(parseMarker(`${MARKER_PREFIX} v1 ////////////== -->`)).toBeNull();
    expect(parseMarker(`${MARKER_PREFIX} v1 ${Buffer.from('{"v":1,').toString('base64')} -->`)).toBeNull();
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), (bytes) => {
        const parsed = parseMarker(
          `${MARKER_PREFIX} v1 ${Buffer.from(bytes).toString('base64') || 'AA'} -->`,
        );
        // whatever the bytes decode to, a result is only ever a well-formed state
        if (parsed !== null) {
          expect(parsed.head).toMatch(/^[0-9a-f]{40}$/);
          for (const [k, v] of Object.entries(parsed.digests)) {
            expect(k).toMatch(/^[0-9a-f]{40}$/);
            expect(v).toMatch(/^sha256:[0-9a-f]{64}$/);
          }
        }
      }),
    );
  });

  it('drops digest entries and approvals that are not well formed, keeping the rest', () => {
    const parsed = parseMarker(
      markerOf({
        v: 1,
        head: HEAD,
        digests: {
          [OTHER]: D1,
          ['c'.repeat(39)]: D1,
          ['D'.repeat(40)]: D1,
          [HEAD]: 'sha256:short',
          ['e'.repeat(40)]: 42,
          ['__proto__']: D1,
        },
        approved: [D2, 'sha256:nothex', 7, null],
        extra: '<script>',
      }),
    );
    expect(parsed).toEqual({ v: 1, head: HEAD, digests: { [OTHER]: D1 }, approved: [D2] });
    expect(Object.getPrototypeOf(parsed?.digests)).toBe(Object.prototype);
    expect(parseMarker(markerOf({ v: 1, head: HEAD, digests: 'x', approved: 'x' }))).toEqual({
      v: 1,
      head: HEAD,
      digests: {},
      approved: [],
    });
  });

  it('refuses an oversized payload instead of decoding it', () => {
    const big = markerOf({ v: 1, head: HEAD, digests: {}, pad: 'x'.repeat(20_000) });
    expect(big.length).toBeGreaterThan(20_000);
    expect(parseMarker(big)).toBeNull();
  });
});

describe('botComments / foreignMarkers', () => {
  const marker = renderMarker(state());
  const c = (id: number, login: string | null, body: string, type = 'User'): CommentLike => ({
    id,
    body,
    user: login === null ? null : { login, type },
  });
  const comments = [
    c(5, 'github-actions[bot]', `${marker}\nnewer duplicate`, 'Bot'),
    c(3, 'GitHub-Actions[bot]', `${marker}\nreport`, 'Bot'),
    c(4, 'github-actions[bot]', 'a comment of another workflow', 'Bot'),
    c(6, 'alice', `${marker}\nforged by the author`),
    c(7, 'mallory', `quoting the bot: ${marker}`),
    c(8, null, `${marker}\nby a deleted account`),
    c(9, 'my-app[bot]', `${marker}\nan app`, 'Bot'),
    c(10, 'github-actions', `${marker}\na user named like the bot`),
  ];

  it("are the bot's own marker comments, oldest first, its login compared case-insensitively", () => {
    expect(botComments(comments, 'github-actions[bot]').map((x) => x.id)).toEqual([3, 5]);
    expect(botComments(comments, 'my-app[bot]').map((x) => x.id)).toEqual([9]);
    expect(botComments(comments, 'nobody[bot]')).toEqual([]);
  });

  it('reports every marker written by anyone else, wherever it appears in the body', () => {
    expect(foreignMarkers(comments, 'github-actions[bot]').map((x) => x.id)).toEqual([6, 7, 8, 9, 10]);
    expect(foreignMarkers(comments, 'my-app[bot]').map((x) => x.id)).toEqual([5, 3, 6, 7, 8, 10]);
  });
});
