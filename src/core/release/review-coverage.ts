/**
 * `require-reviewed` (issue 7): a release fails unless every change to the FFI surface since the
 * previous release tag reached the release branch through a merged pull request whose final FFI
 * delta the pull-request gate recorded as approved.
 *
 * The rule, exactly:
 * 1. The *steps* of a release are the commits `git rev-list --first-parent <previous>..<tag>`
 *    lists: each commit the release branch moved through (a merge commit, a squash commit, a
 *    rebased or directly pushed commit). A step *changes the surface* when the diff of its
 *    surface against its first parent's (the root commit: against nothing) has any change — the
 *    same notion of change the pull-request gate asks approval for. Together the steps make up the
 *    whole change since the last release on this line, so no surface change escapes; a step that
 *    does not change the surface (a version bump, docs, a merge whose FFI change is already in
 *    its first parent) needs nothing.
 * 2. For each surface-changing step, the pull requests the API associates with the commit
 *    (`GET /repos/{o}/{r}/commits/{sha}/pulls`) that are *merged* are the ones that delivered it;
 *    open or closed-unmerged pull requests that happen to contain the commit are ignored.
 *    A surface-changing step with no merged pull request was pushed directly: it fails.
 * 3. Every merged pull request of a surface-changing step must pass. The state in the gate bot's
 *    own comment (a marker in anyone else's comment is ignored) is the *index*: it says which
 *    digest the gate computed for which head, and what it claims.
 *    - the state's `head` must be the pull request's final head: a head the gate never evaluated
 *      was merged unreviewed (`stale`);
 *    - its digest there, `digests[head]`, must be claimed: in `approved` (the digests that
 *      reached the required approvals, or that the review policy let through without one:
 *      `approval-required-for`, SPEC section 6), or the digest of an empty delta under the current
 *      policy and tool version (its net FFI change was nothing);
 *    - no comment or no parseable state, or no digest for the head: `no-record`; a digest that is
 *      not claimed: `not-approved`.
 * 4. The claim is only an index: a writer can edit the bot's comment. It must be *proven* by the
 *    commit status the pull-request gate set on the final head, which nobody can edit, only
 *    supersede, and whose creator GitHub records. The latest status of the gate's context
 *    (`status-context`) on the final head must
 *    - be `success`,
 *    - have been created by the bot login (case-insensitive), and
 *    - carry the ledger of that digest (`… · ffi sha256:<its first 12 hex>`), or say
 *      `no FFI surface change` (the gate found no net delta at that head); a delta the review
 *      policy let through (`No review needed: … · ffi sha256:…`) is proven like an approved one;
 *    otherwise `unconfirmed`, even when the comment claims approval.
 *
 * Pure: the caller lists the steps, asks the API (pull requests, statuses) and reads the comments.
 */
import type { CommentState } from '../gate/comment-state';
import { ledger } from '../gate/status-description';
import { inlineCode, inlineText, link } from '../render/escape-markdown';

/** One commit on the tag's first-parent history since the previous release tag. */
export interface ReleaseStep {
  sha: string;
  /** The commit's subject line (untrusted text). */
  subject: string;
  /** How many FFI surface changes it makes against its first parent. */
  changes: number;
  /** The pull requests the API associates with the commit (only asked for surface-changing steps). */
  pulls: number[];
}

/** What the API and the bot's comment say about one pull request. */
export interface PullFacts {
  number: number;
  merged: boolean;
  /** The pull request's final head commit. */
  headSha: string;
  /** The gate's state from the bot's own comment; null when there is none or it does not parse. */
  state: CommentState | null;
  /** The commit statuses of `headSha`, newest first (any context, anyone's). */
  statuses: HeadStatus[];
}

/** A commit status as the API lists it. */
export interface HeadStatus {
  state: string;
  context: string;
  description: string;
  /** Whoever created it (null: the API names nobody). */
  creator: { login: string } | null;
}

export type PullReviewStatus =
  'approved' | 'no-net-change' | 'no-record' | 'stale' | 'not-approved' | 'unconfirmed';

export interface PullReview {
  number: number;
  status: PullReviewStatus;
  ok: boolean;
  /** Plain, unescaped text. */
  detail: string;
  /** The surface-changing steps it delivered (commit SHAs, oldest first). */
  steps: string[];
}

export interface ReviewCoverage {
  ok: boolean;
  /** The previous release tag the range starts at. */
  previousTag: string;
  /** How many steps were examined. */
  examined: number;
  /** The steps that change the surface, oldest first. */
  surfaceSteps: ReleaseStep[];
  /** The merged pull requests that delivered them, by number. */
  pulls: PullReview[];
  /** Surface-changing steps no merged pull request delivered. */
  directPushes: ReleaseStep[];
}

export interface ReviewCoverageOptions {
  previousTag: string;
  /**
   * The approval digest of an empty delta under the current policy and tool version: a pull
   * request whose final digest is this one changed nothing in net. Omit to never accept that.
   */
  emptyDeltaDigest?: string;
  /** The pull-request gate's status context (the `status-context` input). */
  statusContext: string;
  /** The identity the gate writes as (`bot-login`): the only creator whose status proves anything. */
  botLogin: string;
}

/** `no FFI surface change`, with or without its ledger: what the gate says of an empty delta. */
const NO_CHANGE = /^no FFI surface change(?: · ffi sha256:[0-9a-f]{12})?$/;

/**
 * Why the latest status of the gate's context on `sha` does not prove `digest`, or null when it
 * does (rule 4).
 */
function unproven(
  statuses: HeadStatus[],
  sha: string,
  digest: string,
  o: ReviewCoverageOptions,
): string | null {
  const bot = o.botLogin.toLowerCase();
  const latest = statuses.find((x) => x.context === o.statusContext);
  const why = !latest
    ? `it has no ${o.statusContext} status`
    : latest.creator?.login.toLowerCase() !== bot
      ? `the latest ${o.statusContext} status was set by ${latest.creator?.login ?? 'a deleted account'}`
      : latest.state !== 'success'
        ? `the latest ${o.statusContext} status is ${latest.state}`
        : latest.description.endsWith(` · ${ledger(digest)}`) || NO_CHANGE.test(latest.description)
          ? null
          : `the status records ${/ · (ffi sha256:[0-9a-f]{12})$/.exec(latest.description)?.[1] ?? 'no ledger'}, not the final ${ledger(digest)}`;
  return why === null
    ? null
    : `approval not confirmed by a success status from ${o.botLogin} on ${short(sha)}: ${why}`;
}

const short = (sha: string) => sha.slice(0, 12);

/** The gate's proving status says the review policy let the delta through (wording only). */
function policyPassed(statuses: HeadStatus[], o: ReviewCoverageOptions): boolean {
  const latest = statuses.find((x) => x.context === o.statusContext);
  return latest?.description.startsWith('No review needed: ') ?? false;
}

function judge(
  f: PullFacts | undefined,
  number: number,
  options: ReviewCoverageOptions,
): Omit<PullReview, 'steps'> {
  const no = (status: PullReviewStatus, detail: string) => ({ number, status, ok: false, detail });
  if (!f || f.state === null)
    return no(
      'no-record',
      'no ffi-surface-guard record: the gate never commented on it (or its comment was removed), so no approval is known',
    );
  const s = f.state;
  if (s.head.toLowerCase() !== f.headSha.toLowerCase())
    return no(
      'stale',
      `merged at ${short(f.headSha)}, but the gate last evaluated ${short(s.head)}: the final head was never reviewed`,
    );
  const digest = s.digests[s.head];
  if (digest === undefined) return no('no-record', `the gate recorded no digest for ${short(s.head)}`);
  const approved = s.approved.includes(digest);
  if (!approved && (options.emptyDeltaDigest === undefined || digest !== options.emptyDeltaDigest))
    return no('not-approved', `its final FFI delta (${digest.slice(0, 19)}) was never approved`);
  const why = unproven(f.statuses, f.headSha, digest, options);
  if (why !== null) return no('unconfirmed', why);
  const proof = `confirmed by the ${options.statusContext} status on ${short(f.headSha)}`;
  const byPolicy = policyPassed(f.statuses, options);
  return approved
    ? {
        number,
        status: 'approved',
        ok: true,
        detail: byPolicy
          ? `final FFI delta needed no approval under the review policy (approval-required-for) (${digest.slice(0, 19)}), ${proof}`
          : `final FFI delta approved (${digest.slice(0, 19)}), ${proof}`,
      }
    : { number, status: 'no-net-change', ok: true, detail: `its final FFI delta is empty, ${proof}` };
}

/** Applies the rule at the top of this file. */
export function evaluateReviewCoverage(
  steps: ReleaseStep[],
  facts: PullFacts[],
  options: ReviewCoverageOptions,
): ReviewCoverage {
  const byNumber = new Map(facts.map((f) => [f.number, f]));
  const surfaceSteps = steps.filter((s) => s.changes > 0);
  const directPushes: ReleaseStep[] = [];
  const delivered = new Map<number, string[]>();
  for (const step of surfaceSteps) {
    const merged = [...new Set(step.pulls)].filter((n) => byNumber.get(n)?.merged === true);
    // a pull request the caller could not look up is not known to be unmerged: judge it (no record)
    const unknown = [...new Set(step.pulls)].filter((n) => !byNumber.has(n));
    const deliverers = [...merged, ...unknown];
    if (deliverers.length === 0) directPushes.push(step);
    for (const n of deliverers) delivered.set(n, [...(delivered.get(n) ?? []), step.sha]);
  }
  const pulls = [...delivered.entries()]
    .sort(([a], [b]) => a - b)
    .map(([n, shas]) => ({ ...judge(byNumber.get(n), n, options), steps: shas }));
  return {
    ok: directPushes.length === 0 && pulls.every((p) => p.ok),
    previousTag: options.previousTag,
    examined: steps.length,
    surfaceSteps,
    pulls,
    directPushes,
  };
}

/** The offenders in one line of plain text (`#12 (not approved), commit 1a2b3c4d5e6f (no pull request)`). */
export function reviewFailures(c: ReviewCoverage): string[] {
  return [
    ...c.pulls.filter((p) => !p.ok).map((p) => `#${p.number} (${p.status.replace(/-/g, ' ')})`),
    ...c.directPushes.map((s) => `commit ${short(s.sha)} (no pull request)`),
  ];
}

/** Plain-text messages, one per offender, for `core.error`. */
export function reviewMessages(c: ReviewCoverage): string[] {
  return [
    ...c.pulls
      .filter((p) => !p.ok)
      .map(
        (p) =>
          `require-reviewed: pull request #${p.number}, which changed the FFI surface (${p.steps.map(short).join(', ')}), is not reviewed: ${p.detail}. Comment /ffi-recheck on it to have the gate record its current verdict, then re-run this job.`,
      ),
    ...c.directPushes.map(
      (s) =>
        `require-reviewed: commit ${short(s.sha)} (${JSON.stringify(s.subject.slice(0, 100))}) changed the FFI surface (${s.changes} ${s.changes === 1 ? 'change' : 'changes'}) without a merged pull request, so the gate never reviewed it.`,
    ),
  ];
}

const STATUS_CELL: Record<PullReviewStatus, string> = {
  approved: '✅ approved',
  'no-net-change': '✅ no net change',
  'no-record': '❌ no gate record',
  stale: '❌ final head not reviewed',
  'not-approved': '❌ not approved',
  unconfirmed: '❌ approval not confirmed by the status',
};

/** The job-summary section. Subjects are escaped; `repoUrl` links pull requests and commits. */
export function renderReviewCoverageMarkdown(c: ReviewCoverage, repoUrl?: string): string {
  const prLink = (n: number) => (repoUrl ? link(`#${n}`, `${repoUrl}/pull/${n}`) : inlineText(`#${n}`));
  const commit = (sha: string) =>
    repoUrl ? link(inlineCode(short(sha)), `${repoUrl}/commit/${sha}`) : inlineCode(short(sha));
  const since = inlineCode(c.previousTag, 200);
  const lines = ['## FFI surface review (require-reviewed)', ''];
  const n = c.surfaceSteps.length;
  if (c.ok)
    lines.push(
      n === 0
        ? `✅ **Reviewed:** none of the ${c.examined} ${c.examined === 1 ? 'commit' : 'commits'} since ${since} changed the FFI surface.`
        : `✅ **Reviewed:** every FFI surface change since ${since} came through an approved pull request (${n} of ${c.examined} ${c.examined === 1 ? 'commit' : 'commits'} changed the surface).`,
    );
  else {
    const prs = c.pulls.filter((p) => !p.ok).length;
    const pushes = c.directPushes.length;
    const what = [
      prs ? `${prs} ${prs === 1 ? 'pull request' : 'pull requests'}` : '',
      pushes ? `${pushes} ${pushes === 1 ? 'commit' : 'commits'} pushed without one` : '',
    ]
      .filter(Boolean)
      .join(' and ');
    lines.push(
      `❌ **Not reviewed:** ${what} changed the FFI surface since ${since} without an approval recorded by the gate.`,
    );
  }
  if (c.pulls.length) {
    lines.push('', '| Pull request | Commits | Verdict | Detail |', '| --- | --- | --- | --- |');
    for (const p of c.pulls)
      lines.push(
        `| ${prLink(p.number)} | ${p.steps.map(commit).join(', ')} | ${STATUS_CELL[p.status]} | ${inlineText(p.detail, 300)} |`,
      );
  }
  if (c.directPushes.length) {
    lines.push('', '### ❌ Surface changes without a pull request', '');
    for (const s of c.directPushes)
      lines.push(
        `- ${commit(s.sha)} ${inlineText(s.subject, 120)}: ${s.changes} FFI ${s.changes === 1 ? 'change' : 'changes'}`,
      );
  }
  lines.push(
    '',
    "Rule: each commit on the first-parent history since the previous release that changes the FFI surface must come from a merged pull request whose final FFI delta the gate recorded as approved in its own comment, confirmed by the gate's own success status on the pull request's final head.",
  );
  return lines.join('\n') + '\n';
}
