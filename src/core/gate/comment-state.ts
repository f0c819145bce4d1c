/**
 * The state the gate keeps in its own PR comment: a hidden first line
 * `<!-- ffi-surface-guard v1 <base64 JSON> -->`. It is read only from a comment whose author is
 * the bot identity; a marker in anyone else's comment is ignored. Base64 keeps `-->` and
 * newlines out of the marker whatever the JSON holds.
 */
export const MARKER_PREFIX = '<!-- ffi-surface-guard';

export interface CommentState {
  v: 1;
  /** The head commit this comment describes. */
  head: string;
  /**
   * Approval digest per analysed commit (the newest last), bounded: the digest of the delta the
   * commit lands when merged into `base`.
   */
  digests: Record<string, string>;
  /** The base-branch tip `digests` were computed against; they say nothing about another tip. */
  base?: string;
  /** Approval digests that reached the required approvals (read by the release step), bounded. */
  approved: string[];
}

const MAX_DIGESTS = 100;

export function renderMarker(state: CommentState): string {
  const entries = Object.entries(state.digests).slice(-MAX_DIGESTS);
  const approved = [...new Set(state.approved)].slice(-MAX_DIGESTS);
  const json = JSON.stringify({
    v: 1,
    head: state.head,
    ...(state.base ? { base: state.base } : {}),
    digests: Object.fromEntries(entries),
    approved,
  });
  return `${MARKER_PREFIX} v1 ${Buffer.from(json, 'utf8').toString('base64')} -->`;
}

const HEX40 = /^[0-9a-f]{40}$/;
const DIGEST = /^sha256:[0-9a-f]{64}$/;

/** The state in a comment body, or null when there is none or it is malformed. */
export function parseMarker(body: string): CommentState | null {
  const m = /^<!-- ffi-surface-guard v1 ([A-Za-z0-9+/=]{1,20000}) -->/.exec(body);
  if (!m) return null;
  try {
    const raw = JSON.parse(Buffer.from(m[1], 'base64').toString('utf8')) as unknown;
    if (typeof raw !== 'object' || raw === null) return null;
    const o = raw as Record<string, unknown>;
    if (o.v !== 1 || typeof o.head !== 'string' || !HEX40.test(o.head)) return null;
    const digests: Record<string, string> = {};
    if (typeof o.digests === 'object' && o.digests !== null) {
      for (const [k, v] of Object.entries(o.digests as Record<string, unknown>)) {
        if (HEX40.test(k) && typeof v === 'string' && DIGEST.test(v)) digests[k] = v;
      }
    }
    const approved = Array.isArray(o.approved)
      ? o.approved.filter((d): d is string => typeof d === 'string' && DIGEST.test(d))
      : [];
    const base = typeof o.base === 'string' && HEX40.test(o.base) ? o.base : undefined;
    return { v: 1, head: o.head, ...(base ? { base } : {}), digests, approved };
  } catch {
    return null;
  }
}

export interface CommentLike {
  id: number;
  body: string;
  user: { login: string; type: string } | null;
  createdAt?: string;
}

/** Comments by the bot that carry the marker, oldest first. Anyone else's marker is ignored. */
export function botComments<T extends CommentLike>(comments: T[], botLogin: string): T[] {
  const login = botLogin.toLowerCase();
  return comments
    .filter((c) => c.user?.login.toLowerCase() === login && c.body.startsWith(MARKER_PREFIX))
    .sort((a, b) => a.id - b.id);
}

/** Comments by others that carry a marker (a forgery attempt, or a quote): reported, never trusted. */
export function foreignMarkers<T extends CommentLike>(comments: T[], botLogin: string): T[] {
  const login = botLogin.toLowerCase();
  return comments.filter((c) => c.user?.login.toLowerCase() !== login && c.body.includes(MARKER_PREFIX));
}
