/**
 * What the gate had shown for a commit when a review was given on it: the latest of the gate's own
 * final statuses on that commit created before the review (its ledger names the approval digest of
 * the delta the comment and status showed then). Statuses cannot be edited, only superseded, and
 * GitHub records their creator, so this record is trusted where the comment is not.
 *
 * An approval re-bound to the current delta (its commit, merged into the current base tip, lands
 * the head's delta) still does not count when the gate had shown the reviewer *another* delta for
 * that commit: the base moved in a way that changed what the commit lands (a macro the base made
 * exporting, say), and the reviewer never saw the new exports. When the gate had shown nothing
 * yet (a review faster than the gate), the re-binding alone decides.
 */
import { ledger } from './status-description';

export interface StatusRecord {
  state: string;
  context: string;
  description: string;
  creator: { login: string } | null;
  createdAt: string | null;
}

const LEDGER = / · ffi sha256:[0-9a-f]{12}$/;

/** The description of the gate's latest ledgered status on a commit created strictly before `at`. */
export function shownBefore(
  statuses: StatusRecord[],
  at: string | null,
  o: { context: string; botLogin: string },
): string | null {
  const when = at ? Date.parse(at) : NaN;
  if (Number.isNaN(when)) return null;
  let best: { t: number; description: string } | null = null;
  for (const s of statuses) {
    if (s.context !== o.context) continue;
    if (s.creator?.login.toLowerCase() !== o.botLogin.toLowerCase()) continue;
    if (!LEDGER.test(s.description)) continue;
    const t = s.createdAt ? Date.parse(s.createdAt) : NaN;
    if (Number.isNaN(t) || t >= when) continue;
    // newest first from the API; on equal times the first listed is the newer
    if (!best || t > best.t) best = { t, description: s.description };
  }
  return best?.description ?? null;
}

/**
 * Why an approval given when the gate showed `description` does not cover the delta whose approval
 * digest is `digest`, or null when it does.
 */
export function unseenReason(description: string | null, digest: string): string | null {
  if (description === null) return null;
  const mine = ` · ${ledger(digest)}`;
  if (description.endsWith(mine) && !description.startsWith('no FFI surface change')) return null;
  const shown = description.startsWith('no FFI surface change')
    ? 'no FFI surface change'
    : (/ffi (sha256:[0-9a-f]{12})$/.exec(description)?.[1] ?? 'another delta');
  return `when the gate showed another FFI delta for it (${shown}); what it lands has changed since (stale)`;
}
