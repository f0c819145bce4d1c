/**
 * The pull-request gate: analyse the PR's FFI delta against its merge base, evaluate approvals
 * from the reviews API, set the commit status (pending first, then the decision), and upsert the
 * one sticky comment. Every run recomputes its decision from API state; any failure ends in an
 * `error` status, never `success`.
 */
import type { Analysis } from './analyse-diff';
import { analyseFeatureSets } from './analyse-feature-sets';
import { computeReportFindings } from './findings';
import { ApiError, GitHubClient, IssueComment, PermissionError, Review } from '../adapters/github-client';
import { changedPaths, fetchPullCommits, hasCommit } from '../adapters/git-fetch';
import { GitError } from '../adapters/git';
import {
  approvalDigest,
  ApprovalOutcome,
  ApprovalPolicy,
  evaluateApprovals,
  latestReviews,
  ReviewerFacts,
} from '../core/gate/approvals';
import {
  botComments,
  CommentState,
  foreignMarkers,
  parseMarker,
  renderMarker,
} from '../core/gate/comment-state';
import {
  deadlineDecision,
  decideGate,
  errorDecision,
  GateDecision,
  permissionDecision,
  StatusState,
} from '../core/gate/decide-status';
import { statusDescription } from '../core/gate/status-description';
import { Deadline, DeadlineExceeded } from '../core/deadline';
import type { FeatureSelection } from '../core/model';
import type { FindingPolicy } from '../core/findings';
import type { Limits } from '../core/limits';
import type { AnalysisScope } from '../core/scope';
import type { DiffReport } from '../core/report';
import { renderMarkdown } from '../core/render/report-markdown';

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
  comment: boolean;
  log: (message: string) => void;
  warn: (message: string) => void;
}

export interface GateResult {
  analysis: Analysis | null;
  report: DiffReport | null;
  decision: GateDecision;
  outcome: ApprovalOutcome | null;
  digest: string | null;
  headSha: string | null;
  markdown: string;
  commentUrl: string | null;
  /** Problems that must fail the job (missing permission to set the status, analysis errors). */
  errors: string[];
  warnings: string[];
}

/** Sets a status; a refusal is recorded, never thrown, so the report still reaches the summary. */
async function setStatus(
  client: GitHubClient,
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

function reviewInput(r: Review) {
  return {
    id: r.id,
    login: r.user?.login ?? '(deleted user)',
    isBot: !r.user || r.user.type === 'Bot' || /\[bot\]$/i.test(r.user.login),
    state: r.state,
    commitId: r.commitId,
    submittedAt: r.submittedAt,
  };
}

function approvalLines(
  outcome: ApprovalOutcome,
  policy: ApprovalPolicy,
  author: string,
  digest: string,
): { state: string; lines: string[] } {
  const who = [...policy.users.map((u) => `@${u}`), ...policy.teams.map((t) => `@${t}`)];
  const state =
    outcome.state === 'approved'
      ? `approved (${outcome.approvedBy.length}/${outcome.required}) for surface ${digest.slice(0, 19)}`
      : outcome.state === 'changes-requested'
        ? `changes requested by ${outcome.changesRequestedBy.join(', ')}`
        : `awaiting review (${outcome.approvedBy.length}/${outcome.required} approvals of surface ${digest.slice(0, 19)})`;
  const lines: string[] = [];
  if (outcome.approvedBy.length) lines.push(`approved by: ${outcome.approvedBy.join(', ')}`);
  for (const i of outcome.ignored) lines.push(`not counted: ${i.login}: ${i.reason}`);
  lines.push(
    outcome.noEligibleApprover
      ? `nobody can approve: no designated approver other than the author (${author}); set the approvers input or config`
      : `who may approve: ${who.join(', ') || '(none configured)'}, except the author ${author}; with an approving pull-request review`,
  );
  lines.push('an approval binds to this exact FFI delta: a push that changes the surface needs a new one');
  return { state, lines };
}

export async function runPullRequestGate(client: GitHubClient, s: GateSettings): Promise<GateResult> {
  const errors: string[] = [];
  const warnings: string[] = [];
  const result = (partial: Partial<GateResult> & { decision: GateDecision }): GateResult => ({
    analysis: null,
    report: null,
    outcome: null,
    digest: null,
    headSha: null,
    markdown: '',
    commentUrl: null,
    errors,
    warnings,
    ...partial,
  });

  const pr = await client.getPull(s.pull);
  const headSha = pr.headSha;
  let comments: IssueComment[] = [];
  try {
    comments = await client.listComments(s.pull);
  } catch (e) {
    warnings.push(e instanceof Error ? e.message : String(e));
  }
  const mine = botComments(comments, s.botLogin);
  const existing = mine[0] ?? null;
  const state: CommentState | null = existing ? parseMarker(existing.body) : null;
  const targetUrl = existing?.htmlUrl ?? s.runUrl;
  for (const f of foreignMarkers(comments, s.botLogin))
    warnings.push(
      `comment ${f.id} by ${f.user?.login ?? 'a deleted user'} carries an ffi-surface-guard marker; it is ignored (only ${s.botLogin}'s comment holds state)`,
    );

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

  // Commits, analysis.
  let analysis: Analysis;
  try {
    const fetched = await fetchPullCommits(s.root, s.pull, headSha, pr.baseSha, pr.baseRef);
    if (!fetched.ok) return await fail(fetched.detail);
    analysis = await analyseFeatureSets(
      {
        root: s.root,
        base: pr.baseSha,
        head: headSha,
        features: s.features,
        findings: computeReportFindings(s.findingsPolicy),
        potentiallyBreakingBump: s.potentiallyBreakingBump,
        limits: s.limits,
        scope: s.scope,
        deadline: s.deadline,
      },
      s.featureSets ?? [s.features],
    );
  } catch (e) {
    return await fail(
      e instanceof Error ? e.message : String(e),
      e instanceof DeadlineExceeded ? e : undefined,
    );
  }
  warnings.push(...analysis.warnings);
  const report = analysis.report;
  const errorDiags = report.diagnostics.filter((d) => d.level === 'error');
  const digest = approvalDigest(report.deltaDigest, s.policyHash);

  // Configuration or workflow edits in the PR are flagged (the gate reads its config from the default branch).
  const touched = await changedPaths(s.root, analysis.baseSha, headSha);
  const protectedEdits = touched.filter((p) =>
    s.protectedPaths.some((q) => p === q || p.startsWith(q.endsWith('/') ? q : q + '/')),
  );

  // Approvals, from the reviews API only.
  let outcome: ApprovalOutcome;
  // Approval digests of the commits the counting reviews were given on, computed in this run.
  const digests = new Map<string, string | null>([[headSha, digest]]);
  try {
    const reviews = (await client.listReviews(s.pull)).map(reviewInput);
    const commits = await client.listPullCommits(s.pull);
    const commitAuthors = new Set(
      commits
        .flatMap((c) => [c.author, c.committer])
        .filter((x): x is string => !!x)
        .map((x) => x.toLowerCase()),
    );
    const users = new Set(s.policy.users.map((u) => u.toLowerCase()));
    const facts = new Map<string, ReviewerFacts>();
    for (const r of reviews) {
      const login = r.login.toLowerCase();
      if (facts.has(login) || r.isBot) continue;
      let designated = users.has(login);
      for (const t of s.policy.teams) {
        if (designated) break;
        const [org, team] = t.split('/');
        designated = await client.isTeamMember(org, team, r.login);
      }
      facts.set(login, {
        designated,
        isAuthor: login === pr.author.login.toLowerCase(),
        isCommitAuthor: commitAuthors.has(login),
      });
    }
    // The comment's cache is editable by anyone with write access to the repository, so it may only
    // make an approval stale: a cached digest that equals the head's is recomputed from git.
    for (const r of latestReviews(reviews)) {
      if (!r.commitId || digests.has(r.commitId)) continue;
      const known = state?.digests[r.commitId];
      if (known && known !== digest) digests.set(r.commitId, known);
      else digests.set(r.commitId, await digestOfCommit(s, pr.baseSha, r.commitId));
    }
    outcome = evaluateApprovals(
      reviews,
      (login) =>
        facts.get(login.toLowerCase()) ?? { designated: false, isAuthor: false, isCommitAuthor: false },
      (commit) => digests.get(commit) ?? null,
      digest,
      s.policy,
      pr.author.login,
      report.changes.some((c) => c.severity === 'breaking'),
    );
  } catch (e) {
    return await fail(e instanceof Error ? e.message : String(e), e);
  }

  let decision = decideGate(report, outcome, digest);
  if (errorDiags.length) {
    // an analysis that could not read part of the source vouches neither for "no change" nor for the
    // approved delta: what it did not read can differ between the approved commit and the head
    decision = {
      state: 'error',
      description: statusDescription(`FFI analysis incomplete: ${errorDiags[0].message}`),
    };
    errors.push(`analysis incomplete: ${errorDiags.map((d) => d.message).join('; ')}`);
  }

  // the current digest is approved only while the decision says so: a dismissal or a request for
  // changes withdraws it from the record the release step reads
  const approvedDigests = (state?.approved ?? []).filter((d) => d !== digest);
  if (decision.state === 'success' && report.changes.length > 0) approvedDigests.push(digest);
  const newState: CommentState = {
    v: 1,
    head: headSha,
    digests: {
      ...(state?.digests ?? {}),
      ...Object.fromEntries([...digests].filter((e): e is [string, string] => e[1] !== null)),
      [headSha]: digest,
    },
    approved: approvedDigests,
  };
  const approval = report.changes.length
    ? approvalLines(outcome, s.policy, pr.author.login, digest)
    : undefined;
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
  });

  // A run for an older head must not overwrite a newer one's comment; its status is per-commit.
  let current = headSha;
  try {
    current = (await client.getPull(s.pull)).headSha;
  } catch (e) {
    warnings.push(e instanceof Error ? e.message : String(e));
  }
  const statusTarget = existing?.htmlUrl ?? s.runUrl;
  await setStatus(client, s, headSha, decision.state, decision.description, statusTarget, errors);

  let commentUrl: string | null = existing?.htmlUrl ?? null;
  if (current !== headSha) {
    warnings.push(
      `the pull request head moved to ${current.slice(0, 12)} while ${headSha.slice(0, 12)} was evaluated; the comment is left to the newer run`,
    );
  } else if (s.comment && (report.changes.length > 0 || existing)) {
    try {
      commentUrl = await upsertComment(client, s, existing, markdown);
    } catch (e) {
      // a failure to comment is a warning and never changes the status
      warnings.push(e instanceof Error ? e.message : String(e));
    }
  }
  return result({ analysis, report, decision, outcome, digest, headSha, markdown, commentUrl });
}

/** Updates the bot's comment, or creates it; a racing run's duplicate is folded into the oldest. */
async function upsertComment(
  client: GitHubClient,
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

/** The approval digest of an older commit of the PR, computed from git; null when it cannot be. */
async function digestOfCommit(s: GateSettings, baseSha: string, commit: string): Promise<string | null> {
  if (!/^[0-9a-f]{40}$/.test(commit) || !(await hasCommit(s.root, commit))) return null;
  try {
    const a = await analyseFeatureSets(
      {
        root: s.root,
        base: baseSha,
        head: commit,
        features: s.features,
        potentiallyBreakingBump: s.potentiallyBreakingBump,
        limits: s.limits,
        scope: s.scope,
        deadline: s.deadline,
      },
      s.featureSets ?? [s.features],
    );
    return approvalDigest(a.report.deltaDigest, s.policyHash);
  } catch (e) {
    if (e instanceof DeadlineExceeded) throw e; // the run is over: an error status, not an uncounted review
    if (e instanceof GitError || e instanceof ApiError || e instanceof PermissionError) return null;
    return null;
  }
}
