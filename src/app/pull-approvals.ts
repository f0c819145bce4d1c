/**
 * A pull request's approvals, from the reviews API only, evaluated against a delta: shared by the
 * pull-request gate and the merge-group gate, so both apply one policy. Each eligible review's
 * commit is re-bound through `LandingDeltas` (what that commit lands on the base tip of this run).
 */
import type { GitHubClient, Review } from '../adapters/github-client';
import { fetchReviewedCommit } from '../adapters/git-fetch';
import { shownBefore, unseenReason } from '../core/gate/shown-delta';
import {
  ApprovalOutcome,
  ApprovalPolicy,
  DigestAt,
  evaluateApprovals,
  ReviewerFacts,
  ReviewInput,
  reviewsToDigest,
} from '../core/gate/approvals';
import type { LandingDeltas } from './landing-deltas';

/** The API calls the gates make (the GitHub client, or a stand-in in tests). */
export type GateClient = Pick<
  GitHubClient,
  | 'getPull'
  | 'listComments'
  | 'listReviews'
  | 'listPullCommits'
  | 'isTeamMember'
  | 'listStatuses'
  | 'createStatus'
  | 'createComment'
  | 'updateComment'
  | 'deleteComment'
>;

export function reviewInput(r: Review): ReviewInput {
  return {
    id: r.id,
    login: r.user?.login ?? '(deleted user)',
    isBot: !r.user || r.user.type === 'Bot' || /\[bot\]$/i.test(r.user.login),
    state: r.state,
    commitId: r.commitId,
    submittedAt: r.submittedAt,
  };
}

/** Who each reviewer is to the policy: designated (listed or in a listed team), author, commit author. */
export async function reviewerFacts(
  client: GateClient,
  pull: number,
  reviews: ReviewInput[],
  policy: ApprovalPolicy,
  author: string,
): Promise<(login: string) => ReviewerFacts> {
  const commits = await client.listPullCommits(pull);
  const commitAuthors = new Set(
    commits
      .flatMap((c) => [c.author, c.committer])
      .filter((x): x is string => !!x)
      .map((x) => x.toLowerCase()),
  );
  const users = new Set(policy.users.map((u) => u.toLowerCase()));
  const facts = new Map<string, ReviewerFacts>();
  for (const r of reviews) {
    const login = r.login.toLowerCase();
    if (facts.has(login) || r.isBot) continue;
    let designated = users.has(login);
    for (const t of policy.teams) {
      if (designated) break;
      const [org, team] = t.split('/');
      designated = await client.isTeamMember(org, team, r.login);
    }
    facts.set(login, {
      designated,
      isAuthor: login === author.toLowerCase(),
      isCommitAuthor: commitAuthors.has(login),
    });
  }
  return (login) =>
    facts.get(login.toLowerCase()) ?? { designated: false, isAuthor: false, isCommitAuthor: false };
}

export interface PullApprovals {
  outcome: ApprovalOutcome;
  /** The approval digest of each reviewed commit this run computed (null: it could not). */
  digests: Map<string, string | null>;
}

/**
 * Evaluates PR `pull`'s reviews against `currentDigest` (the approval digest of the delta being
 * gated). A review counts when the delta its commit lands on `deltas.baseTip` has that digest.
 * `cached` may only make an approval stale (it comes from an editable comment): a cached digest
 * equal to the current one is recomputed.
 */
export async function evaluatePullApprovals(
  client: GateClient,
  o: {
    root: string;
    pull: number;
    author: string;
    policy: ApprovalPolicy;
    deltas: LandingDeltas;
    currentDigest: string;
    hasBreaking: boolean;
    /** The head commit, whose digest is `currentDigest` already. */
    head?: string;
    cached?: Record<string, string>;
    /** The gate's identity and status context: its statuses say what it had shown reviewers. */
    gate: { botLogin: string; statusContext: string };
  },
): Promise<PullApprovals> {
  const reviews = (await client.listReviews(o.pull)).map(reviewInput);
  const facts = await reviewerFacts(client, o.pull, reviews, o.policy, o.author);
  const at = new Map<string, string | { reason: string } | null>();
  if (o.head) at.set(o.head, o.currentDigest);
  for (const r of reviewsToDigest(reviews, facts, o.policy)) {
    const commit = r.commitId as string;
    if (at.has(commit)) continue;
    const known = o.cached?.[commit];
    if (known && known !== o.currentDigest) at.set(commit, known);
    else if (!(await fetchReviewedCommit(o.root, o.pull, commit)))
      at.set(commit, { reason: 'which cannot be fetched from origin (force-pushed away and gone)' });
    else at.set(commit, await o.deltas.approvalDigest(commit));
  }
  // An approval whose commit lands the current delta must also have been given when the gate
  // showed that delta for the commit (or before it showed anything).
  const unseen = new Map<number, string | null>();
  const statuses = new Map<string, Awaited<ReturnType<GateClient['listStatuses']>>>();
  for (const r of reviewsToDigest(reviews, facts, o.policy)) {
    const commit = r.commitId as string;
    if (r.state !== 'APPROVED' || at.get(commit) !== o.currentDigest) continue;
    if (!statuses.has(commit)) statuses.set(commit, await client.listStatuses(commit));
    const shown = shownBefore(statuses.get(commit) ?? [], r.submittedAt, {
      context: o.gate.statusContext,
      botLogin: o.gate.botLogin,
    });
    unseen.set(r.id, unseenReason(shown, o.currentDigest));
  }
  const digestAt: DigestAt = (commit) => at.get(commit) ?? null;
  const outcome = evaluateApprovals(
    reviews,
    facts,
    digestAt,
    o.currentDigest,
    o.policy,
    o.author,
    o.hasBreaking,
    (r) => unseen.get(r.id) ?? null,
  );
  const digests = new Map<string, string | null>();
  for (const [commit, d] of at) digests.set(commit, typeof d === 'string' ? d : null);
  return { outcome, digests };
}
