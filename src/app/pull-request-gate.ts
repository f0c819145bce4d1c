/**
 * The pull-request gate: analyse what the PR lands — the FFI delta from the base branch's tip to
 * the merge of the PR head into that tip — evaluate approvals from the reviews API (each re-bound
 * to what its commit lands on the same tip), set the commit status (pending first, then the
 * decision), and upsert the one sticky comment. Every run recomputes its decision from API state;
 * any failure ends in an `error` status, never `success`; a head that does not merge cleanly is
 * `pending`.
 */
import type { ConsumerOptions } from './consumers';
import type { Analysis } from './analyse-diff';
import { analyseFeatureSets } from './analyse-feature-sets';
import { computeReportFindings } from './findings';
import { LandingDeltas } from './landing-deltas';
import { evaluatePullApprovals, GateClient } from './pull-approvals';
import type { IssueComment, PullRequest } from '../adapters/github-client';
import { PermissionError } from '../adapters/api-errors';
import { changedPaths, fetchGateCommits } from '../adapters/git-fetch';
import { approvalDigest, ApprovalOutcome, ApprovalPolicy } from '../core/gate/approvals';
import {
  botComments,
  CommentState,
  foreignMarkers,
  parseMarker,
  renderMarker,
} from '../core/gate/comment-state';
import {
  conflictDecision,
  deadlineDecision,
  decideGate,
  errorDecision,
  GateDecision,
  permissionDecision,
  StatusState,
} from '../core/gate/decide-status';
import { reviewNeed, ReviewNeed } from '../core/gate/review-policy';
import { statusDescription } from '../core/gate/status-description';
import { Deadline, DeadlineExceeded } from '../core/deadline';
import type { FeatureSelection } from '../core/model';
import type { FindingPolicy } from '../core/findings';
import type { Limits } from '../core/limits';
import type { AnalysisScope } from '../core/scope';
import type { DiffReport } from '../core/report';
import type { FindingsFunction } from '../core/diff/build-report';
import { renderMarkdown } from '../core/render/report-markdown';
import type { MarkdownOptions } from '../core/render/report-markdown';

/** What the comment (and the job summary) say about approval: state, lines, the policy's outcome. */
export type ApprovalView = NonNullable<MarkdownOptions['approval']>;

export interface GateSettings {
  root: string;
  pull: number;
  statusContext: string;
  botLogin: string;
  policy: ApprovalPolicy;
  policyHash: string;
  features: FeatureSelection;
  /** The feature sets to analyse and merge (default: `features` alone). */
  featureSets?: FeatureSelection[];
  findingsPolicy?: FindingPolicy;
  /** The consumers' contract check: the config's `headers` and findings policy. */
  consumers?: ConsumerOptions;
  potentiallyBreakingBump?: 'major' | 'minor';
  limits?: Limits;
  /** Crates and paths the configuration includes. */
  scope?: AnalysisScope;
  /** The run's deadline: past it, the analysis stops and the status is `error` (default: none). */
  deadline?: Deadline;
  /** Paths of the gate's own configuration: a PR that edits them is flagged. */
  protectedPaths: string[];
  repoUrl: string;
  /** The run's page (job summary); the status links here before a comment exists. */
  runUrl: string;
  /** The tool's README (rule ids in the comment's legend link to its `#rule-<id>` anchors). */
  docsUrl?: string;
  comment: boolean;
  log: (message: string) => void;
  warn: (message: string) => void;
}

export interface GateResult {
  analysis: Analysis | null;
  report: DiffReport | null;
  decision: GateDecision;
  outcome: ApprovalOutcome | null;
  /** What the review policy says of the delta (null: not evaluated, e.g. a conflict or an error). */
  need: ReviewNeed | null;
  /** The approval section the comment shows, for the job summary to show too (null: none). */
  approval: ApprovalView | null;
  digest: string | null;
  headSha: string | null;
  markdown: string;
  commentUrl: string | null;
  /** The base branch's tip the head was merged into (null before it was fetched). */
  baseTip: string | null;
  /** Set when the head does not merge cleanly into the base tip: the conflicted paths. */
  conflict: string[] | null;
  /** Problems that must fail the job (missing permission to set the status, analysis errors). */
  errors: string[];
  warnings: string[];
}

/** Sets a status; a refusal is recorded, never thrown, so the report still reaches the summary. */
async function setStatus(
  client: GateClient,
  s: GateSettings,
  sha: string,
  state: StatusState,
  description: string,
  targetUrl: string,
  errors: string[],
): Promise<boolean> {
  try {
    await client.createStatus(sha, state, s.statusContext, description, targetUrl);
    return true;
  } catch (e) {
    errors.push(e instanceof Error ? e.message : String(e));
    return false;
  }
}

function approvalLines(
  outcome: ApprovalOutcome,
  need: ReviewNeed,
  policy: ApprovalPolicy,
  author: string,
  digest: string,
  baseRef: string,
): ApprovalView {
  const who = [...policy.users.map((u) => `@${u}`), ...policy.teams.map((t) => `@${t}`)];
  const state =
    outcome.state === 'approved'
      ? `approved (${outcome.approvedBy.length}/${outcome.required}) for surface ${digest.slice(0, 19)}`
      : outcome.state === 'changes-requested'
        ? `changes requested by ${outcome.changesRequestedBy.join(', ')}`
        : !need.needed
          ? `not needed for surface ${digest.slice(0, 19)}: the review policy lets this delta through (recorded like an approval)`
          : `awaiting review (${outcome.approvedBy.length}/${outcome.required} approvals of surface ${digest.slice(0, 19)})`;
  const lines: string[] = [];
  if (outcome.approvedBy.length) lines.push(`approved by: ${outcome.approvedBy.join(', ')}`);
  for (const i of outcome.ignored) lines.push(`not counted: ${i.login}: ${i.reason}`);
  lines.push(
    outcome.noEligibleApprover
      ? `nobody can approve: no designated approver other than the author (${author}); set the approvers input or config`
      : `who may approve: ${who.join(', ') || '(none configured)'}, except the author ${author}; with an approving pull-request review`,
  );
  lines.push(
    `an approval binds to this exact FFI delta, what the pull request lands on ${baseRef}: a push or a base change that alters it needs a new one`,
  );
  if (!need.needed && outcome.state !== 'approved')
    lines.push(
      'a request for changes by a designated approver still fails the gate, whatever the review policy says',
    );
  return { state, lines, policy: { needed: need.needed, summary: need.summary } };
}

/** The pull request, and what the bot's own comment says about it. */
interface PullAndComment {
  pr: PullRequest;
  headSha: string;
  /** The bot's comment (the oldest, when a race left several). */
  existing: IssueComment | null;
  /** The state its marker holds. */
  state: CommentState | null;
  /** Where the status links: the comment, else the run's summary. */
  targetUrl: string;
}

/** Reads the pull request and the bot's comment; a marker by anyone else is named in a warning. */
async function readPullAndComment(
  client: GateClient,
  s: GateSettings,
  warnings: string[],
): Promise<PullAndComment> {
  const pr = await client.getPull(s.pull);
  let comments: IssueComment[] = [];
  try {
    comments = await client.listComments(s.pull);
  } catch (e) {
    warnings.push(e instanceof Error ? e.message : String(e));
  }
  const existing = botComments(comments, s.botLogin)[0] ?? null;
  for (const f of foreignMarkers(comments, s.botLogin))
    warnings.push(
      `comment ${f.id} by ${f.user?.login ?? 'a deleted user'} carries an ffi-surface-guard marker; it is ignored (only ${s.botLogin}'s comment holds state)`,
    );
  return {
    pr,
    headSha: pr.headSha,
    existing,
    state: existing ? parseMarker(existing.body) : null,
    targetUrl: existing?.htmlUrl ?? s.runUrl,
  };
}

type Landing =
  | { ok: true; analysis: Analysis; deltas: LandingDeltas; conflict: string[] | null }
  | { ok: false; detail: string };

/**
 * Commits, then what the head lands: the delta from the base tip to the head merged into it; on a
 * conflict, the pull request's own delta against its merge base.
 */
async function analyseLanding(
  s: GateSettings,
  pr: PullRequest,
  findings: FindingsFunction,
): Promise<Landing> {
  const fetched = await fetchGateCommits(s.root, s.pull, pr.headSha, pr.baseRef);
  if (!fetched.ok) return { ok: false, detail: fetched.detail };
  const deltas = new LandingDeltas(s, fetched.baseTip);
  const landing = await deltas.landing(pr.headSha, findings);
  if (landing.kind === 'clean') return { ok: true, analysis: landing.analysis, deltas, conflict: null };
  // what would land is unknown: the PR's own delta against the merge base is shown instead
  const analysis = await analyseFeatureSets(
    {
      root: s.root,
      base: fetched.baseTip,
      head: pr.headSha,
      features: s.features,
      findings,
      potentiallyBreakingBump: s.potentiallyBreakingBump,
      limits: s.limits,
      scope: s.scope,
      deadline: s.deadline,
      consumers: s.consumers,
    },
    s.featureSets ?? [s.features],
  );
  return { ok: true, analysis, deltas, conflict: landing.paths };
}

/** Configuration or workflow edits in the PR (the gate reads its config from the default branch). */
async function protectedEditsOf(s: GateSettings, analysis: Analysis, headSha: string): Promise<string[]> {
  const touched = await changedPaths(s.root, analysis.baseSha, analysis.headSha ?? headSha);
  return touched.filter((p) =>
    s.protectedPaths.some((q) => p === q || p.startsWith(q.endsWith('/') ? q : q + '/')),
  );
}

/** The decision on a head that does not merge cleanly: pending, whatever the approvals. */
function conflictVerdict(pr: PullRequest, baseTip: string, conflict: string[], digest: string): Verdict {
  return {
    decision: conflictDecision(pr.baseRef, digest),
    outcome: null,
    need: null,
    approval: {
      state: `merge conflict with ${pr.baseRef} (at ${baseTip.slice(0, 12)})${conflict.length ? ` in ${conflict.slice(0, 5).join(', ')}${conflict.length > 5 ? ` and ${conflict.length - 5} more` : ''}` : ''}: what this pull request would land cannot be evaluated`,
      lines: [
        `the changes shown are the pull request's own, against its merge base with ${pr.baseRef}`,
        'resolve the conflict (merge or rebase onto the base branch); the gate then evaluates the merge, and approvals of a commit count only for what that commit lands',
      ],
    },
    digests: new Map(),
  };
}

interface Verdict {
  decision: GateDecision;
  outcome: ApprovalOutcome | null;
  need: ReviewNeed | null;
  approval: ApprovalView | undefined;
  /** The digest of what each evaluated commit lands (null: unknown). */
  digests: Map<string, string | null>;
}

/**
 * Approvals, from the reviews API only, each re-bound to what its commit lands on this tip, and
 * the decision; an analysis that could not read part of the source is an error.
 */
async function approvalVerdict(
  client: GateClient,
  s: GateSettings,
  pr: PullRequest,
  deltas: LandingDeltas,
  report: DiffReport,
  digest: string,
  cached: Record<string, string>,
  errors: string[],
): Promise<Verdict> {
  const digests = new Map<string, string | null>();
  digests.set(pr.headSha, digest);
  const approvals = await evaluatePullApprovals(client, {
    root: s.root,
    pull: s.pull,
    author: pr.author.login,
    policy: s.policy,
    deltas,
    currentDigest: digest,
    hasBreaking: report.changes.some((c) => c.severity === 'breaking'),
    head: pr.headSha,
    cached,
    gate: { botLogin: s.botLogin, statusContext: s.statusContext },
  });
  const outcome = approvals.outcome;
  for (const [c, d] of approvals.digests) digests.set(c, d);
  const need = reviewNeed(report, s.policy.approvalRequiredFor);
  let decision = decideGate(report, outcome, digest, s.policy.approvalRequiredFor);
  const errorDiags = report.diagnostics.filter((d) => d.level === 'error');
  if (errorDiags.length) {
    // an analysis that could not read part of the source vouches neither for "no change" nor for the
    // approved delta: what it did not read can differ between the approved commit and the head
    decision = {
      state: 'error',
      description: statusDescription(`FFI analysis incomplete: ${errorDiags[0].message}`),
    };
    errors.push(`analysis incomplete: ${errorDiags.map((d) => d.message).join('; ')}`);
  }
  const approval = report.changes.length
    ? approvalLines(outcome, need, s.policy, pr.author.login, digest, pr.baseRef)
    : undefined;
  return { decision, outcome, need, approval, digests };
}

/** The state the comment's marker records after this run. */
function nextCommentState(
  state: CommentState | null,
  headSha: string,
  baseTip: string,
  cached: Record<string, string>,
  verdict: Verdict,
  digest: string,
  conflict: string[] | null,
  changed: boolean,
): CommentState {
  // the current digest is approved only while the decision says so: a dismissal or a request for
  // changes withdraws it from the record the release step reads
  const approvedDigests = conflict
    ? [...(state?.approved ?? [])]
    : (state?.approved ?? []).filter((d) => d !== digest);
  if (verdict.decision.state === 'success' && changed) approvedDigests.push(digest);
  return {
    v: 1,
    head: headSha,
    base: baseTip,
    digests: {
      ...cached,
      ...Object.fromEntries([...verdict.digests].filter((e): e is [string, string] => e[1] !== null)),
    },
    approved: approvedDigests,
  };
}

/** The pull request's head now (a failure to read it is a warning; the evaluated head is kept). */
async function currentHead(client: GateClient, s: GateSettings, headSha: string, warnings: string[]) {
  try {
    return (await client.getPull(s.pull)).headSha;
  } catch (e) {
    warnings.push(e instanceof Error ? e.message : String(e));
    return headSha;
  }
}

/** A gate result: what `partial` says, nothing for the rest, and the run's errors and warnings. */
function gateResult(
  partial: Partial<GateResult> & { decision: GateDecision },
  errors: string[],
  warnings: string[],
): GateResult {
  return {
    analysis: null,
    report: null,
    outcome: null,
    need: null,
    approval: null,
    digest: null,
    headSha: null,
    baseTip: null,
    conflict: null,
    markdown: '',
    commentUrl: null,
    errors,
    warnings,
    ...partial,
  };
}

/**
 * The last step: the status on the evaluated head, then the comment — unless the pull request's
 * head moved on meanwhile (a run for an older head must not overwrite a newer one's comment; its
 * status is per-commit). A failure to comment is a warning and never changes the status. Returns
 * the comment's URL (the existing one when it is left alone).
 */
async function publishDecision(
  client: GateClient,
  s: GateSettings,
  p: {
    headSha: string;
    decision: GateDecision;
    targetUrl: string;
    existing: IssueComment | null;
    markdown: string;
    /** The report has something to say (a change or a conflict); an existing comment is updated anyway. */
    wantsComment: boolean;
    errors: string[];
    warnings: string[];
  },
): Promise<string | null> {
  const current = await currentHead(client, s, p.headSha, p.warnings);
  await setStatus(client, s, p.headSha, p.decision.state, p.decision.description, p.targetUrl, p.errors);
  if (current !== p.headSha) {
    p.warnings.push(
      `the pull request head moved to ${current.slice(0, 12)} while ${p.headSha.slice(0, 12)} was evaluated; the comment is left to the newer run`,
    );
    return p.existing?.htmlUrl ?? null;
  }
  if (!s.comment || !(p.wantsComment || p.existing)) return p.existing?.htmlUrl ?? null;
  try {
    return await upsertComment(client, s, p.existing, p.markdown);
  } catch (e) {
    p.warnings.push(e instanceof Error ? e.message : String(e));
    return p.existing?.htmlUrl ?? null;
  }
}

export async function runPullRequestGate(client: GateClient, s: GateSettings): Promise<GateResult> {
  const errors: string[] = [];
  const warnings: string[] = [];
  const result = (partial: Partial<GateResult> & { decision: GateDecision }): GateResult =>
    gateResult(partial, errors, warnings);

  const { pr, headSha, existing, state, targetUrl } = await readPullAndComment(client, s, warnings);
  await setStatus(
    client,
    s,
    headSha,
    'pending',
    statusDescription('analysing the FFI surface…'),
    targetUrl,
    errors,
  );

  const fail = async (reason: string, cause?: unknown): Promise<GateResult> => {
    // a missing permission is named first, so the 140-character description keeps it
    const decision =
      cause instanceof PermissionError
        ? permissionDecision(cause.permission, reason)
        : cause instanceof DeadlineExceeded
          ? deadlineDecision(cause.seconds, cause.activity)
          : errorDecision(reason);
    errors.push(reason);
    await setStatus(client, s, headSha, decision.state, decision.description, targetUrl, errors);
    return result({ decision, headSha });
  };

  let landing: Landing;
  try {
    landing = await analyseLanding(s, pr, computeReportFindings(s.findingsPolicy));
  } catch (e) {
    return await fail(
      e instanceof Error ? e.message : String(e),
      e instanceof DeadlineExceeded ? e : undefined,
    );
  }
  if (!landing.ok) return await fail(landing.detail);
  const { analysis, deltas, conflict } = landing;
  const baseTip = deltas.baseTip;
  warnings.push(...analysis.warnings);
  const report = analysis.report;
  const digest = approvalDigest(report.deltaDigest, s.policyHash);
  const protectedEdits = await protectedEditsOf(s, analysis, headSha);

  // The comment's digests were computed against the base tip it names; another tip says nothing.
  const cached = state && state.base === baseTip ? state.digests : {};

  let verdict: Verdict;
  if (conflict) verdict = conflictVerdict(pr, baseTip, conflict, digest);
  else {
    try {
      verdict = await approvalVerdict(client, s, pr, deltas, report, digest, cached, errors);
    } catch (e) {
      return await fail(e instanceof Error ? e.message : String(e), e);
    }
  }
  const { decision, outcome, need, approval } = verdict;
  const newState = nextCommentState(
    state,
    headSha,
    baseTip,
    cached,
    verdict,
    digest,
    conflict,
    report.changes.length > 0,
  );
  if (approval && protectedEdits.length)
    approval.lines.unshift(
      `this pull request edits the gate's configuration or workflows (${protectedEdits.join(', ')}); the gate keeps using the default branch's`,
    );
  const markdown = renderMarkdown(report, {
    repoUrl: s.repoUrl,
    headSha,
    marker: renderMarker(newState),
    approval,
    summaryUrl: s.runUrl,
    docsUrl: s.docsUrl,
  });

  const commentUrl = await publishDecision(client, s, {
    headSha,
    decision,
    targetUrl,
    existing,
    markdown,
    wantsComment: report.changes.length > 0 || conflict !== null,
    errors,
    warnings,
  });
  return result({
    analysis,
    report,
    decision,
    outcome,
    need,
    approval: approval ?? null,
    digest,
    headSha,
    baseTip,
    conflict,
    markdown,
    commentUrl,
  });
}

/** Updates the bot's comment, or creates it; a racing run's duplicate is folded into the oldest. */
async function upsertComment(
  client: GateClient,
  s: GateSettings,
  existing: IssueComment | null,
  body: string,
): Promise<string> {
  if (existing) return (await client.updateComment(existing.id, body)).htmlUrl;
  const created = await client.createComment(s.pull, body);
  const all = botComments(await client.listComments(s.pull), s.botLogin);
  const oldest = all[0];
  if (oldest && oldest.id !== created.id) {
    await client.deleteComment(created.id);
    return (await client.updateComment(oldest.id, body)).htmlUrl;
  }
  return created.htmlUrl;
}
