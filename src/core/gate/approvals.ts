/**
 * The approval policy (SPEC section 6), pure: which reviews count, which went stale, and whether
 * the current delta is approved. An approval counts only when it comes from an eligible reviewer
 * (a designated approver, not the PR author, not a bot, by default not a commit author) and was
 * given on a commit whose approval digest equals the head's.
 */
import { sha256, stableStringify } from '../digest';
import { TOOL_VERSION } from '../version';

export interface ApprovalPolicy {
  /** GitHub logins (lower-case comparison). */
  users: string[];
  /** `org/team` slugs. */
  teams: string[];
  requiredApprovals: number;
  /** A higher count for deltas with breaking changes. */
  requiredApprovalsBreaking?: number;
  /** Authors of commits in the PR may approve (default false). */
  allowCommitAuthors: boolean;
}

/** What an approval binds to: the delta, the tool version and the policy. */
export function approvalDigest(deltaDigest: string, policyHash: string, toolVersion = TOOL_VERSION): string {
  return sha256(stableStringify({ delta: deltaDigest, policy: policyHash, tool: toolVersion }));
}

export interface ReviewInput {
  login: string;
  isBot: boolean;
  state: string;
  commitId: string | null;
  submittedAt: string | null;
  id: number;
}

export interface ReviewerFacts {
  /** The reviewer is a designated approver (listed, or a member of a listed team). */
  designated: boolean;
  isAuthor: boolean;
  isCommitAuthor: boolean;
}

export interface ApprovalOutcome {
  state: 'approved' | 'pending' | 'changes-requested';
  required: number;
  approvedBy: string[];
  changesRequestedBy: string[];
  /** Approvals that do not count, with the reason (stale digest, not designated, author, bot). */
  ignored: { login: string; reason: string }[];
  /** Set when nobody could approve at all (e.g. the author is the only approver). */
  noEligibleApprover: boolean;
}

/** Each reviewer's latest review that is not COMMENTED (PENDING ones are never returned by the API). */
export function latestReviews(reviews: ReviewInput[]): ReviewInput[] {
  const byUser = new Map<string, ReviewInput>();
  const ordered = [...reviews].sort(
    (a, b) => (a.submittedAt ?? '').localeCompare(b.submittedAt ?? '') || a.id - b.id,
  );
  for (const r of ordered) {
    if (r.state === 'COMMENTED' || r.state === 'PENDING') continue;
    byUser.set(r.login.toLowerCase(), r);
  }
  return [...byUser.values()];
}

export function evaluateApprovals(
  reviews: ReviewInput[],
  facts: (login: string) => ReviewerFacts,
  /** Approval digest of a commit, or null when it cannot be computed. */
  digestAt: (commit: string) => string | null,
  currentDigest: string,
  policy: ApprovalPolicy,
  author: string,
  hasBreaking: boolean,
): ApprovalOutcome {
  const required = Math.max(
    1,
    hasBreaking
      ? Math.max(policy.requiredApprovals, policy.requiredApprovalsBreaking ?? 0)
      : policy.requiredApprovals,
  );
  const approvedBy: string[] = [];
  const changesRequestedBy: string[] = [];
  const ignored: { login: string; reason: string }[] = [];
  for (const r of latestReviews(reviews)) {
    if (r.state !== 'APPROVED' && r.state !== 'CHANGES_REQUESTED') continue; // DISMISSED withdraws
    const f = facts(r.login);
    let reason: string | null = null;
    if (r.isBot) reason = 'bots never count';
    else if (f.isAuthor) reason = 'the pull request author cannot approve their own surface';
    else if (!f.designated) reason = 'not a designated FFI approver';
    else if (f.isCommitAuthor && !policy.allowCommitAuthors) reason = 'authored commits in this pull request';
    if (reason) {
      if (r.state === 'APPROVED') ignored.push({ login: r.login, reason });
      continue;
    }
    const digest = r.commitId ? digestAt(r.commitId) : null;
    const current = digest !== null && digest === currentDigest;
    if (r.state === 'CHANGES_REQUESTED') {
      if (current) changesRequestedBy.push(r.login);
      continue;
    }
    if (current) approvedBy.push(r.login);
    else
      ignored.push({
        login: r.login,
        reason:
          digest === null
            ? `approved ${r.commitId ? r.commitId.slice(0, 12) : 'an unknown commit'}, whose surface could not be computed`
            : `approved ${r.commitId?.slice(0, 12)}, whose FFI surface differs from the head's (stale)`,
      });
  }
  const candidates = policy.users.filter(
    (u) => u.toLowerCase() !== author.toLowerCase() && !/\[bot\]$/i.test(u),
  );
  const noEligibleApprover = candidates.length === 0 && policy.teams.length === 0;
  const state = changesRequestedBy.length
    ? 'changes-requested'
    : approvedBy.length >= required
      ? 'approved'
      : 'pending';
  return {
    state,
    required,
    approvedBy: approvedBy.sort(),
    changesRequestedBy: changesRequestedBy.sort(),
    ignored,
    noEligibleApprover,
  };
}
