/**
 * Re-bound approvals must also have been given on the delta the gate showed: `shownBefore` reads
 * the gate's own status record of a commit, `unseenReason` compares it with the current delta, and
 * `evaluateApprovals` drops an approval that did not see it (pure).
 */
import { approvalDigest, evaluateApprovals, ReviewInput } from '../../src/core/gate/approvals';
import { shownBefore, StatusRecord, unseenReason } from '../../src/core/gate/shown-delta';
import { ledger } from '../../src/core/gate/status-description';
import { DEFAULT_APPROVAL_REQUIRED_FOR } from '../../src/core/gate/review-policy';

const CONTEXT = 'ffi-surface/security-review';
const BOT = 'github-actions[bot]';
const D0 = approvalDigest(`sha256:${'0'.repeat(64)}`, 'policy');
const D1 = approvalDigest(`sha256:${'1'.repeat(64)}`, 'policy');

function st(description: string, createdAt: string, o: Partial<StatusRecord> = {}): StatusRecord {
  return { state: 'pending', context: CONTEXT, description, creator: { login: BOT }, createdAt, ...o };
}

const awaiting = (d: string) => `awaiting FFI security review (0/1): 1 addition · ${ledger(d)}`;

describe('shownBefore', () => {
  const at = '2026-11-24T10:00:10Z';
  const opts = { context: CONTEXT, botLogin: 'GitHub-Actions[bot]' };

  it("is the gate's latest ledgered status strictly before the review (the API lists newest first)", () => {
    const statuses = [
      st(awaiting(D1), '2026-11-24T10:00:10Z'), // the same second as the review: not seen
      st('analysing the FFI surface…', '2026-11-24T10:00:09Z'), // no ledger
      st(awaiting(D0), '2026-11-24T10:00:05Z'),
      st(awaiting(D1), '2026-11-24T10:00:01Z'),
    ];
    expect(shownBefore(statuses, at, opts)).toBe(awaiting(D0));
  });

  it('ignores other contexts, other creators (anyone with statuses: write) and unknown times', () => {
    const statuses = [
      st(awaiting(D1), '2026-11-24T10:00:08Z', { context: 'other' }),
      st(awaiting(D1), '2026-11-24T10:00:07Z', { creator: { login: 'mallory' } }),
      st(awaiting(D1), '2026-11-24T10:00:06Z', { creator: null }),
      st(awaiting(D1), '2026-11-24T10:00:06Z', { createdAt: null }),
      st(awaiting(D0), '2026-11-24T10:00:02Z'),
    ];
    expect(shownBefore(statuses, at, opts)).toBe(awaiting(D0));
    expect(shownBefore(statuses.slice(0, 4), at, opts)).toBeNull();
    expect(shownBefore(statuses, null, opts)).toBeNull();
  });
});

describe('unseenReason', () => {
  it('accepts a status that showed this delta, or none at all (a review faster than the gate)', () => {
    expect(unseenReason(awaiting(D1), D1)).toBeNull();
    expect(unseenReason(`FFI surface approved by carol · ${ledger(D1)}`, D1)).toBeNull();
    expect(unseenReason(null, D1)).toBeNull();
  });

  it('names what was shown instead: another delta, or no change at all', () => {
    expect(unseenReason(awaiting(D0), D1)).toBe(
      `when the gate showed another FFI delta for it (${D0.slice(0, 19)}); what it lands has changed since (stale)`,
    );
    expect(unseenReason(`no FFI surface change · ${ledger(D1)}`, D1)).toMatch(
      /^when the gate showed another FFI delta for it \(no FFI surface change\)/,
    );
  });
});

describe('evaluateApprovals with what the reviewer was shown', () => {
  const review = (login: string, o: Partial<ReviewInput> = {}): ReviewInput => ({
    id: login.length,
    login,
    isBot: false,
    state: 'APPROVED',
    commitId: 'a'.repeat(40),
    submittedAt: '2026-11-24T10:00:00Z',
    ...o,
  });
  const facts = () => ({ designated: true, isAuthor: false, isCommitAuthor: false });
  const policy = {
    users: ['sec-bob', 'carol'],
    teams: [],
    requiredApprovals: 1,
    allowCommitAuthors: false,
    approvalRequiredFor: DEFAULT_APPROVAL_REQUIRED_FOR,
  };

  it('drops an approval whose commit lands the current delta but that was given on another one', () => {
    const o = evaluateApprovals(
      [review('sec-bob'), review('carol')],
      facts,
      () => D1,
      D1,
      policy,
      'alice',
      false,
      (r) => (r.login === 'carol' ? 'when the gate showed another FFI delta for it (x)' : null),
    );
    expect(o.state).toBe('approved');
    expect(o.approvedBy).toEqual(['sec-bob']);
    expect(o.ignored).toEqual([
      {
        login: 'carol',
        reason: `approved ${'a'.repeat(12)}, when the gate showed another FFI delta for it (x)`,
      },
    ]);
  });

  it("never lets it lift a request for changes, and reports a conflicting commit's reason", () => {
    const o = evaluateApprovals(
      [review('sec-bob', { state: 'CHANGES_REQUESTED' }), review('carol', { commitId: 'b'.repeat(40) })],
      facts,
      (c) => (c.startsWith('a') ? D1 : { reason: 'which conflicts with the base tip' }),
      D1,
      policy,
      'alice',
      false,
      () => 'not shown',
    );
    expect(o.state).toBe('changes-requested');
    expect(o.changesRequestedBy).toEqual(['sec-bob']);
    expect(o.ignored).toEqual([
      { login: 'carol', reason: `approved ${'b'.repeat(12)}, which conflicts with the base tip` },
    ]);
  });
});
