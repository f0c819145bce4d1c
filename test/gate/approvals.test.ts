/**
 * The approval policy, pure: which review of each reviewer is the latest, which approvals count,
 * which went stale, and how CHANGES_REQUESTED, dismissals and required counts decide the outcome.
 */
import {
  approvalDigest,
  ApprovalPolicy,
  evaluateApprovals,
  latestReviews,
  ReviewerFacts,
  ReviewInput,
} from '../../src/core/gate/approvals';
import { DEFAULT_APPROVAL_REQUIRED_FOR } from '../../src/core/gate/review-policy';

const HEAD = 'a'.repeat(40);
const OLD_SAME = 'b'.repeat(40);
const OLD_OTHER = 'c'.repeat(40);
const UNKNOWN = 'd'.repeat(40);
const CURRENT = `sha256:${'1'.repeat(64)}`;
const STALE = `sha256:${'2'.repeat(64)}`;

const DIGESTS: Record<string, string> = { [HEAD]: CURRENT, [OLD_SAME]: CURRENT, [OLD_OTHER]: STALE };
const digestAt = (commit: string): string | null => DIGESTS[commit] ?? null;

let nextId = 1;
function rv(login: string, state: string, o: Partial<ReviewInput> = {}): ReviewInput {
  return {
    id: nextId++,
    login,
    isBot: /\[bot\]$/.test(login),
    state,
    commitId: HEAD,
    submittedAt: `2026-11-24T10:00:${String(nextId).padStart(2, '0')}Z`,
    ...o,
  };
}

const POLICY: ApprovalPolicy = {
  users: ['sec-bob', 'carol'],
  teams: [],
  requiredApprovals: 1,
  allowCommitAuthors: false,
  approvalRequiredFor: DEFAULT_APPROVAL_REQUIRED_FOR,
};

function facts(extra: Record<string, Partial<ReviewerFacts>> = {}) {
  return (login: string): ReviewerFacts => ({
    designated: ['sec-bob', 'carol', 'alice', 'renovate[bot]'].includes(login.toLowerCase()),
    isAuthor: login.toLowerCase() === 'alice',
    isCommitAuthor: false,
    ...extra[login.toLowerCase()],
  });
}

function evaluate(
  reviews: ReviewInput[],
  o: {
    policy?: Partial<ApprovalPolicy>;
    facts?: Record<string, Partial<ReviewerFacts>>;
    breaking?: boolean;
  } = {},
) {
  return evaluateApprovals(
    reviews,
    facts(o.facts),
    digestAt,
    CURRENT,
    { ...POLICY, ...o.policy },
    'alice',
    o.breaking ?? false,
  );
}

describe('latestReviews', () => {
  it("keeps each reviewer's latest decisive review, ordered by submission time then id", () => {
    const first = rv('sec-bob', 'APPROVED', { submittedAt: '2026-11-24T10:00:00Z', id: 50 });
    const later = rv('sec-bob', 'CHANGES_REQUESTED', { submittedAt: '2026-11-24T11:00:00Z', id: 10 });
    // listed out of order: the time decides, not the position or the id
    expect(latestReviews([later, first])).toEqual([later]);
    expect(latestReviews([first, later])).toEqual([later]);
  });

  it('breaks ties of the same second by id', () => {
    const a = rv('sec-bob', 'CHANGES_REQUESTED', { submittedAt: '2026-11-24T10:00:00Z', id: 7 });
    const b = rv('sec-bob', 'APPROVED', { submittedAt: '2026-11-24T10:00:00Z', id: 8 });
    expect(latestReviews([b, a])).toEqual([b]);
  });

  it('skips COMMENTED and PENDING reviews, so a comment does not replace an approval', () => {
    const approval = rv('sec-bob', 'APPROVED');
    const comment = rv('sec-bob', 'COMMENTED');
    const draft = rv('sec-bob', 'PENDING');
    expect(latestReviews([approval, comment, draft])).toEqual([approval]);
    expect(latestReviews([comment])).toEqual([]);
  });

  it('keeps a DISMISSED review as the latest (it withdraws what came before)', () => {
    const approval = rv('sec-bob', 'APPROVED');
    const dismissed = rv('sec-bob', 'DISMISSED');
    expect(latestReviews([approval, dismissed])).toEqual([dismissed]);
  });

  it('groups logins case-insensitively and sorts a missing submission time first', () => {
    const early = rv('Sec-Bob', 'APPROVED', { submittedAt: null, id: 99 });
    const late = rv('sec-bob', 'CHANGES_REQUESTED');
    const carol = rv('carol', 'APPROVED');
    expect(latestReviews([late, early, carol])).toEqual([late, carol]);
  });
});

describe('evaluateApprovals', () => {
  it("approves with a designated reviewer's approval of a commit whose digest is the head's", () => {
    const o = evaluate([rv('sec-bob', 'APPROVED', { commitId: OLD_SAME })]);
    expect(o).toEqual({
      state: 'approved',
      required: 1,
      approvedBy: ['sec-bob'],
      changesRequestedBy: [],
      ignored: [],
      noEligibleApprover: false,
    });
  });

  it('an approval of a commit with another digest is stale; one whose digest is unknown does not count', () => {
    const o = evaluate([
      rv('sec-bob', 'APPROVED', { commitId: OLD_OTHER }),
      rv('carol', 'APPROVED', { commitId: UNKNOWN }),
    ]);
    expect(o.state).toBe('pending');
    expect(o.approvedBy).toEqual([]);
    expect(o.ignored).toEqual([
      {
        login: 'sec-bob',
        reason: `approved ${OLD_OTHER.slice(0, 12)}, whose FFI surface differs from the head's (stale)`,
      },
      { login: 'carol', reason: `approved ${UNKNOWN.slice(0, 12)}, whose surface could not be computed` },
    ]);
    const none = evaluate([rv('carol', 'APPROVED', { commitId: null })]);
    expect(none.ignored).toEqual([
      { login: 'carol', reason: 'approved an unknown commit, whose surface could not be computed' },
    ]);
  });

  it("CHANGES_REQUESTED on the current delta takes precedence over everyone else's approvals", () => {
    const o = evaluate([rv('carol', 'APPROVED'), rv('sec-bob', 'CHANGES_REQUESTED')]);
    expect(o.state).toBe('changes-requested');
    expect(o.changesRequestedBy).toEqual(['sec-bob']);
    expect(o.approvedBy).toEqual(['carol']);
    // even when the approvals would be enough twice over
    const many = evaluate([rv('carol', 'APPROVED'), rv('sec-bob', 'CHANGES_REQUESTED')], {
      policy: { users: ['sec-bob', 'carol', 'dan'] },
      facts: { dan: { designated: true } },
    });
    expect(many.state).toBe('changes-requested');
  });

  it("a reviewer's approval after their CHANGES_REQUESTED lifts it; a dismissal withdraws both", () => {
    const cr = rv('sec-bob', 'CHANGES_REQUESTED');
    const ok = rv('sec-bob', 'APPROVED');
    expect(evaluate([cr, ok]).state).toBe('approved');
    const crAgain = rv('sec-bob', 'CHANGES_REQUESTED');
    expect(evaluate([ok, crAgain]).state).toBe('changes-requested');
    const dismissed = evaluate([ok, { ...crAgain, state: 'DISMISSED' }]);
    expect(dismissed.state).toBe('pending');
    expect(dismissed.approvedBy).toEqual([]);
    expect(dismissed.ignored).toEqual([]);
    expect(evaluate([{ ...ok, state: 'DISMISSED' }]).state).toBe('pending');
  });

  it('CHANGES_REQUESTED on a stale delta, or by someone who is not an approver, does not block', () => {
    expect(evaluate([rv('sec-bob', 'CHANGES_REQUESTED', { commitId: OLD_OTHER })]).state).toBe('pending');
    expect(evaluate([rv('sec-bob', 'CHANGES_REQUESTED', { commitId: UNKNOWN })]).state).toBe('pending');
    const o = evaluate([rv('mallory', 'CHANGES_REQUESTED'), rv('carol', 'APPROVED')]);
    expect(o.state).toBe('approved');
    expect(o.changesRequestedBy).toEqual([]);
  });

  it('the author, bots, non-approvers and (by default) commit authors never count, with the reason', () => {
    const o = evaluate(
      [
        rv('alice', 'APPROVED'),
        rv('renovate[bot]', 'APPROVED'),
        rv('ci-robot', 'APPROVED', { isBot: true }),
        rv('mallory', 'APPROVED'),
        rv('carol', 'APPROVED'),
      ],
      { facts: { 'ci-robot': { designated: true }, carol: { isCommitAuthor: true } } },
    );
    expect(o.state).toBe('pending');
    expect(o.ignored).toEqual([
      { login: 'alice', reason: 'the pull request author cannot approve their own surface' },
      { login: 'renovate[bot]', reason: 'bots never count' },
      { login: 'ci-robot', reason: 'bots never count' },
      { login: 'mallory', reason: 'not a designated FFI approver' },
      { login: 'carol', reason: 'authored commits in this pull request' },
    ]);
    const allowed = evaluate([rv('carol', 'APPROVED')], {
      policy: { allowCommitAuthors: true },
      facts: { carol: { isCommitAuthor: true } },
    });
    expect(allowed.state).toBe('approved');
  });

  it('counts distinct reviewers against required-approvals, and the breaking count only for breaking deltas', () => {
    const two = { policy: { requiredApprovals: 2 } };
    expect(evaluate([rv('carol', 'APPROVED')], two)).toMatchObject({ state: 'pending', required: 2 });
    expect(evaluate([rv('carol', 'APPROVED'), rv('carol', 'APPROVED')], two).state).toBe('pending');
    expect(evaluate([rv('carol', 'APPROVED'), rv('sec-bob', 'APPROVED')], two)).toMatchObject({
      state: 'approved',
      approvedBy: ['carol', 'sec-bob'],
    });
    const breaking = { policy: { requiredApprovalsBreaking: 2 } };
    expect(evaluate([rv('carol', 'APPROVED')], breaking)).toMatchObject({ state: 'approved', required: 1 });
    expect(evaluate([rv('carol', 'APPROVED')], { ...breaking, breaking: true })).toMatchObject({
      state: 'pending',
      required: 2,
    });
    // never fewer than one, never fewer than the general count
    expect(evaluate([], { policy: { requiredApprovals: 0 } })).toMatchObject({
      state: 'pending',
      required: 1,
    });
    expect(
      evaluate([rv('carol', 'APPROVED')], {
        policy: { requiredApprovals: 2, requiredApprovalsBreaking: 1 },
        breaking: true,
      }).required,
    ).toBe(2);
  });

  it('says when nobody can approve: only the author, or only bots besides the author, and no team', () => {
    expect(evaluate([], { policy: { users: ['alice'] } }).noEligibleApprover).toBe(true);
    expect(evaluate([], { policy: { users: ['ALICE', 'renovate[bot]'] } }).noEligibleApprover).toBe(true);
    expect(evaluate([], { policy: { users: [] } }).noEligibleApprover).toBe(true);
    expect(evaluate([], { policy: { users: ['alice'], teams: ['octo/ffi'] } }).noEligibleApprover).toBe(
      false,
    );
    expect(evaluate([], { policy: { users: ['alice', 'carol'] } }).noEligibleApprover).toBe(false);
  });
});

describe('approvalDigest', () => {
  it('binds the delta, the policy and the tool version', () => {
    const d = approvalDigest('sha256:delta', 'policy-1', '1.0.0');
    expect(d).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(approvalDigest('sha256:delta', 'policy-1', '1.0.0')).toBe(d);
    expect(approvalDigest('sha256:other', 'policy-1', '1.0.0')).not.toBe(d);
    expect(approvalDigest('sha256:delta', 'policy-2', '1.0.0')).not.toBe(d);
    expect(approvalDigest('sha256:delta', 'policy-1', '1.0.1')).not.toBe(d);
  });
});
