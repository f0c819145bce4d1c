/**
 * The approval policy (SPEC section 6), pure: which reviews count, which went stale, and whether
 * the current delta is approved. An approval counts only when it comes from an eligible reviewer
 * (a designated approver, not the PR author, not a bot, by default not a commit author) and was
 * given on a commit whose approval digest equals the head's. A commit's approval digest is that of
 * the delta the commit makes when merged into the *current* base tip (the caller computes it), so an
 * approval survives "Update branch" and an unrelated base move, and not an interaction with the
 * base that changes what this pull request lands.
 */
import { sha256, stableStringify } from '../digest';
import type { Severity } from '../report';
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
  /**
   * The change severities that need an approval (`approval-required-for`; see
   * `review-policy.ts`): a delta with none of them, no unresolved entry and no open high finding
   * passes without one.
   */
  approvalRequiredFor: readonly Severity[];
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

/**
 * Why a reviewer's review cannot count whatever commit it was given on, or null when it can
 * (the order of the checks decides the reason shown).
 */
export function ineligibleReason(
  review: Pick<ReviewInput, 'isBot'>,
  f: ReviewerFacts,
  policy: Pick<ApprovalPolicy, 'allowCommitAuthors'>,
): string | null {
  if (review.isBot) return 'bots never count';
  if (f.isAuthor) return 'the pull request author cannot approve their own surface';
  if (!f.designated) return 'not a designated FFI approver';
  if (f.isCommitAuthor && !policy.allowCommitAuthors) return 'authored commits in this pull request';
  return null;
}

/** The reviews whose commit's digest the evaluation will ask for: eligible, deciding reviews. */
export function reviewsToDigest(
  reviews: ReviewInput[],
  facts: (login: string) => ReviewerFacts,
  policy: Pick<ApprovalPolicy, 'allowCommitAuthors'>,
): ReviewInput[] {
  return latestReviews(reviews).filter(
    (r) =>
      (r.state === 'APPROVED' || r.state === 'CHANGES_REQUESTED') &&
      r.commitId !== null &&
      ineligibleReason(r, facts(r.login), policy) === null,
  );
}

/**
 * A commit's approval digest; null when it cannot be computed, or `{ reason }` saying why not
 * (e.g. the commit conflicts with the base tip).
 */
export type DigestAt = (commit: string) => string | null | { reason: string };

export function evaluateApprovals(
  reviews: ReviewInput[],
  facts: (login: string) => ReviewerFacts,
  digestAt: DigestAt,
  currentDigest: string,
  policy: ApprovalPolicy,
  author: string,
  hasBreaking: boolean,
  /**
   * For an approval whose commit lands the current delta: why the reviewer was nevertheless shown
   * another delta when approving (the gate's record of that commit said otherwise), or null.
   */
  notShown: (review: ReviewInput) => string | null = () => null,
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
    const reason = ineligibleReason(r, facts(r.login), policy);
    if (reason) {
      if (r.state === 'APPROVED') ignored.push({ login: r.login, reason });
      continue;
    }
    const at = r.commitId ? digestAt(r.commitId) : null;
    const digest = typeof at === 'string' ? at : null;
    const current = digest !== null && digest === currentDigest;
    if (r.state === 'CHANGES_REQUESTED') {
      if (current) changesRequestedBy.push(r.login);
      continue;
    }
    const unseen = current ? notShown(r) : null;
    if (unseen) ignored.push({ login: r.login, reason: `approved ${r.commitId?.slice(0, 12)}, ${unseen}` });
    else if (current) approvedBy.push(r.login);
    else
      ignored.push({
        login: r.login,
        reason:
          at !== null && typeof at === 'object'
            ? `approved ${r.commitId?.slice(0, 12)}, ${at.reason}`
            : digest === null
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
