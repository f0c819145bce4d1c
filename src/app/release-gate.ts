/**
 * The release gate (push of a tag, release published/created): compare the tagged surface with
 * the previous release tag's, fail when a crate's version bump does not cover its surface change,
 * set a status on the tag's commit, and write the verdicts and the surface changelog.
 *
 * With `require-reviewed` (input, or `release.require-reviewed` in the config), the release also
 * fails unless every FFI surface change since the previous release tag came through a merged pull
 * request whose final FFI delta the pull-request gate recorded as approved in its own comment and
 * proved by its own success status (context `status-context`, created by `bot-login`) on the pull
 * request's final head — the exact rule is at the top of `core/release/review-coverage.ts`.
 *
 * Fails closed: an analysis error, an API error or an incomplete history ends in an `error`
 * status and a failed job, never in `success`.
 *
 * The orchestration takes interfaces — the API calls (`ReleaseClient`), the git plumbing
 * (`ReleaseGit`, src/adapters/git-release.ts), the log and the publisher — so the Action wires the
 * real ones and the tests run every release policy in process against the fake API.
 */
import { BinaryGate, checkReleaseBinaries } from './release-binaries';
import type { GitHubClient, IssueComment } from '../adapters/github-client';
import { GitError } from '../adapters/git';
import type { GitReleaseHistory, StepCommit } from '../adapters/git-release';
import { loadRustParser } from '../adapters/tree-sitter-parser';
import { analyseDiff } from './analyse-diff';
import { computeReportFindings } from './findings';
import type { GateConfig } from './gate-config';
import { Deadline, DeadlineTree, parserWithDeadline } from '../core/deadline';
import { buildReport } from '../core/diff/build-report';
import { deltaDigest } from '../core/diff/diff-surfaces';
import type { RustParser } from '../core/extract/extract-crate';
import { extractSurface } from '../core/extract/extract-surface';
import { ScanCache } from '../core/extract/scan-cache';
import { approvalDigest } from '../core/gate/approvals';
import { botComments, CommentState, parseMarker } from '../core/gate/comment-state';
import { statusDescription } from '../core/gate/status-description';
import { SCHEMA_VERSION, Surface } from '../core/model';
import { surfaceDigest } from '../core/digest';
import { crateForTag, findPreviousTag, tagVersion } from '../core/release/previous-tag';
import {
  renderReleaseSummaryMarkdown,
  ReleaseSummary,
  summarizeRelease,
} from '../core/release/release-summary';
import {
  evaluateReviewCoverage,
  PullFacts,
  ReleaseStep,
  renderReviewCoverageMarkdown,
  ReviewCoverage,
  reviewFailures,
  reviewMessages,
} from '../core/release/review-coverage';
import type { Change, DiffReport } from '../core/report';
import { renderChangelog } from '../core/render/changelog';
import { inlineCode, inlineText } from '../core/render/escape-markdown';
import { TOOL_NAME, TOOL_VERSION } from '../core/version';

export const RELEASE_STATUS_CONTEXT_SUFFIX = '/release';

/** Most first-parent commits `require-reviewed` examines between two releases (beyond: an error). */
export const MAX_REVIEW_STEPS = 1000;

/** The API calls the release gate makes (the GitHub client, or a stand-in in tests). */
export type ReleaseClient = Pick<
  GitHubClient,
  'createStatus' | 'pullsOfCommit' | 'getPull' | 'listComments' | 'listStatuses'
>;

/** The git plumbing the release gate needs (src/adapters/git-release.ts). */
export type ReleaseGit = Pick<
  GitReleaseHistory,
  | 'root'
  | 'fetchTags'
  | 'resolveTag'
  | 'tagCommit'
  | 'listTags'
  | 'treeOf'
  | 'openRevision'
  | 'firstParentSteps'
>;

/** Where the gate's notices, warnings and errors go (the job log). */
export interface ReleaseLog {
  notice(message: string): void;
  warning(message: string): void;
  error(message: string): void;
}

/** What the job publishes once the verdict is known (before the final status is set). */
export interface ReleasePublication {
  /** The JSON report: the diff report with the release summary and, when checked, the review. */
  report: DiffReport & { release: ReleaseSummary; review?: ReviewCoverage };
  /** The released part of the report (one crate for a per-crate tag), for the SARIF log. */
  released: DiffReport;
  /** The job summary (Markdown). */
  summary: string;
  outputs: {
    changelog: string;
    requiredBump: string;
    changed: boolean;
    breaking: boolean;
    digest: string;
    approved: boolean;
  };
}

export interface ReleaseDeps {
  client: ReleaseClient;
  git: ReleaseGit;
  log: ReleaseLog;
  /** Writes the report, the SARIF log, the job summary and the outputs. */
  publish(p: ReleasePublication): Promise<void>;
  /** The parser (default: the bundled WebAssembly one). */
  parser?: RustParser;
}

export interface ReleaseSettings {
  /** The tag released. */
  tag: string;
  /** A draft release (its tag may not exist yet). */
  draft: boolean;
  /** `YYYY-MM-DD` of the release, for the changelog. */
  date: string;
  gate: GateConfig;
  /** The pull-request gate's status context (`status-context`); the release's is derived from it. */
  statusContext: string;
  /** The `tag-pattern` input (overrides the config). */
  tagPattern: string | null;
  /** The `require-reviewed` input (overrides the config). */
  requireReviewed: boolean | null;
  deadline: Deadline;
  /** The `binaries` input: globs (relative to `base`) of the shipped libraries to cross-check. */
  binaries?: { base: string; patterns: readonly string[] } | null;
  /** `https://github.com/owner/repo` */
  repoUrl: string;
  /** The run's page: the status links there. */
  runUrl: string;
}

export interface ReleaseResult {
  /** The status context the release gate sets. */
  context: string;
  /** The tag's commit (empty when the tag could not be resolved). */
  tagSha: string;
  /** The message to fail the job with; null when the job passes (or had nothing to check). */
  failure: string | null;
}

/** The release gate's status context: the PR gate's, with `/release` for `/security-review`. */
export function releaseStatusContext(statusContext: string): string {
  return statusContext.replace(/\/security-review$/, '') + RELEASE_STATUS_CONTEXT_SUFFIX;
}

function emptySurface(rev: string): Surface {
  return {
    schemaVersion: SCHEMA_VERSION,
    tool: { name: TOOL_NAME, version: TOOL_VERSION },
    rev,
    crates: [],
    diagnostics: [],
    digest: surfaceDigest([]),
  };
}

/** Changes of a per-crate release: the crate's own, and those no crate owns (they fail closed). */
function crateScope(changes: Change[], crate: string | null, known: Set<string>): Change[] {
  return crate === null ? changes : changes.filter((c) => c.crate === crate || !known.has(c.crate));
}

// ---------------------------------------------------------------------------------------------
// Steps

type TagCommit = { kind: 'found'; sha: string } | { kind: 'draft' };

/** The tag's commit, after fetching the tags; a draft release's missing tag is skipped. */
async function resolveReleaseTag(git: ReleaseGit, s: ReleaseSettings): Promise<TagCommit> {
  const fetchProblem = await git.fetchTags();
  const sha = (await git.resolveTag(s.tag)) ?? '';
  if (sha) return { kind: 'found', sha };
  if (s.draft) return { kind: 'draft' };
  throw new GitError(
    `tag ${s.tag} is not in the repository${fetchProblem ? ` (fetching the tags from origin failed: ${fetchProblem})` : ''}`,
  );
}

interface ReleaseTarget {
  /** The crate a per-crate tag releases (null: the whole workspace). */
  crate: string | null;
  /** The tag pattern the tag was read with. */
  pattern: string;
  /** The previous release tag, or null for a first release. */
  previous: string | null;
}

/** The crate the tag releases and the previous release tag, or the reason it is no release tag. */
async function findRelease(
  git: ReleaseGit,
  s: ReleaseSettings,
): Promise<{ kind: 'release'; target: ReleaseTarget } | { kind: 'not-a-release'; notice: string }> {
  const crateTags = s.gate.config.release.crateTagPatterns;
  const crate = crateForTag(s.tag, crateTags);
  const pattern = crate ? crateTags[crate] : (s.tagPattern ?? s.gate.config.release.tagPattern);
  const prev = findPreviousTag(await git.listTags(), s.tag, pattern);
  if (prev.status === 'not-a-release-tag')
    return {
      kind: 'not-a-release',
      notice: `ffi-surface-guard: ${s.tag} is not a release tag under ${pattern} (${prev.reason}); nothing to check`,
    };
  return {
    kind: 'release',
    target: { crate, pattern, previous: prev.status === 'found' ? prev.previous.tag : null },
  };
}

/** The surface change since the previous release (the whole surface, for a first release). */
async function analyseRelease(
  deps: ReleaseDeps,
  s: ReleaseSettings,
  tagSha: string,
  previous: string | null,
): Promise<{ report: DiffReport; head: Surface }> {
  const { gate, deadline } = s;
  if (previous) {
    const analysis = await analyseDiff({
      root: deps.git.root,
      base: `refs/tags/${previous}`,
      head: tagSha,
      features: gate.features,
      useMergeBase: false,
      findings: computeReportFindings(gate.findingsPolicy),
      potentiallyBreakingBump: gate.potentiallyBreakingBump,
      limits: gate.limits,
      deadline,
      parser: deps.parser,
    });
    return { report: analysis.report, head: analysis.head };
  }
  const tree = await deps.git.openRevision(tagSha);
  try {
    const head = await extractSurface(
      new DeadlineTree(tree, deadline),
      parserWithDeadline(deps.parser ?? (await loadRustParser()), deadline),
      { features: gate.features, limits: gate.limits },
    );
    const report = buildReport(emptySurface('(no previous release)'), head, {
      potentiallyBreakingBump: gate.potentiallyBreakingBump,
    });
    return { report, head };
  } finally {
    tree.close();
  }
}

/** A per-crate tag releases one crate: its changelog and outputs are about that crate only. */
function releasedPart(report: DiffReport, crate: string | null): DiffReport {
  if (!crate) return report;
  const known = new Set(report.crates.map((c) => c.name));
  return {
    ...report,
    changes: crateScope(report.changes, crate, known),
    findings: report.findings.filter((f) => f.crate === crate),
    crates: report.crates.filter((c) => c.name === crate),
  };
}

/** The surface-change count of each step (the diff against its first parent), oldest first. */
async function measureSteps(
  deps: ReleaseDeps,
  commits: StepCommit[],
  gate: GateConfig,
  crate: string | null,
  deadline?: Deadline,
): Promise<ReleaseStep[]> {
  const rawParser: RustParser = deps.parser ?? (await loadRustParser());
  const parser = deadline ? parserWithDeadline(rawParser, deadline) : rawParser;
  const scanCache = new ScanCache();
  const surfaceAt = async (sha: string | undefined): Promise<Surface> => {
    if (!sha) return emptySurface('(none)');
    const tree = await deps.git.openRevision(sha);
    try {
      const source = deadline ? new DeadlineTree(tree, deadline) : tree;
      return await extractSurface(source, parser, {
        features: gate.features,
        limits: gate.limits,
        scanCache,
      });
    } finally {
      tree.close();
    }
  };
  const steps: ReleaseStep[] = [];
  let prevSha: string | undefined;
  let prevTree = '';
  let prev: Surface | null = null;
  for (const c of commits) {
    const parent = c.parents[0];
    if (prev === null || parent !== prevSha) {
      prev = await surfaceAt(parent);
      prevTree = parent ? await deps.git.treeOf(parent) : '';
    }
    let changes = 0;
    let cur: Surface = prev;
    if (c.tree !== prevTree) {
      cur = await surfaceAt(c.sha);
      const report = buildReport(prev, cur, { potentiallyBreakingBump: gate.potentiallyBreakingBump });
      const known = new Set([...prev.crates, ...cur.crates].map((x) => x.name));
      changes = crateScope(report.changes, crate, known).length;
    }
    steps.push({ sha: c.sha, subject: c.subject, changes, pulls: [] });
    prev = cur;
    prevSha = c.sha;
    prevTree = c.tree;
  }
  return steps;
}

/** The gate's state from the bot's own comment on a pull request (the oldest one that parses). */
function gateState(comments: IssueComment[], bot: string): CommentState | null {
  for (const c of botComments(comments, bot)) {
    const s = parseMarker(c.body);
    if (s) return s;
  }
  return null;
}

/** What the API says about each pull request that brought a surface-changing step. */
async function pullFacts(
  client: ReleaseClient,
  steps: ReleaseStep[],
  botLogin: string,
): Promise<PullFacts[]> {
  const facts = new Map<number, PullFacts>();
  for (const step of steps) {
    if (step.changes === 0) continue;
    step.pulls = [...new Set(await client.pullsOfCommit(step.sha))];
    for (const n of step.pulls) {
      if (facts.has(n)) continue;
      const pr = await client.getPull(n);
      const merged = pr.mergedAt !== null;
      const state = merged ? gateState(await client.listComments(n), botLogin) : null;
      facts.set(n, {
        number: n,
        merged,
        headSha: pr.headSha,
        state,
        // the proof of the comment's claim: the gate's own status on the final head
        statuses: state ? await client.listStatuses(pr.headSha) : [],
      });
    }
  }
  return [...facts.values()];
}

/** `require-reviewed`: see `core/release/review-coverage.ts` for the rule. */
async function checkReviewed(
  deps: ReleaseDeps,
  s: ReleaseSettings,
  previousTag: string,
  tagSha: string,
  crate: string | null,
): Promise<ReviewCoverage> {
  const previousSha = await deps.git.tagCommit(previousTag);
  const commits = await deps.git.firstParentSteps(
    previousSha,
    tagSha,
    MAX_REVIEW_STEPS,
    `require-reviewed: more than ${MAX_REVIEW_STEPS} commits on the first-parent history since the previous release; the review check would not finish in reasonable time — release more often, or turn require-reviewed off for this release`,
  );
  const steps = await measureSteps(deps, commits, s.gate, crate, s.deadline);
  const facts = await pullFacts(deps.client, steps, s.gate.botLogin);
  return evaluateReviewCoverage(steps, facts, {
    previousTag,
    emptyDeltaDigest: approvalDigest(deltaDigest([]), s.gate.policyHash),
    statusContext: s.statusContext,
    botLogin: s.gate.botLogin,
  });
}

/** The review check when asked for: the coverage, or the note that a first release has none. */
async function reviewIfRequired(
  deps: ReleaseDeps,
  s: ReleaseSettings,
  tagSha: string,
  target: ReleaseTarget,
): Promise<{ review: ReviewCoverage | null; reviewNote: string }> {
  const requireReviewed = s.requireReviewed ?? s.gate.config.release.requireReviewed;
  if (!requireReviewed) return { review: null, reviewNote: '' };
  if (target.previous) {
    const review = await checkReviewed(deps, s, target.previous, tagSha, target.crate);
    for (const m of reviewMessages(review)) deps.log.error(m);
    return { review, reviewNote: '' };
  }
  const reviewNote = `require-reviewed: no previous release before ${s.tag}, so there is no range of pull requests to check; the first release's surface is not review-gated.`;
  deps.log.notice(reviewNote);
  return { review: null, reviewNote };
}

/** The job summary: the verdicts, an incomplete analysis, the review, the changelog. */
function releaseSummaryMarkdown(
  s: ReleaseSettings,
  summary: ReleaseSummary,
  report: DiffReport,
  review: ReviewCoverage | null,
  reviewNote: string,
  changelog: string,
  binaries: BinaryGate | null,
): string {
  const reviewSection = review
    ? `\n${renderReviewCoverageMarkdown(review, s.repoUrl)}`
    : reviewNote
      ? `\n## FFI surface review (require-reviewed)\n\nℹ️ No previous release: there is no range of pull requests to check, and the first release's surface is not review-gated.\n`
      : '';
  const errorDiags = report.diagnostics.filter((d) => d.level === 'error');
  const incomplete = errorDiags.length
    ? `\n❌ **The analysis of ${inlineCode(s.tag, 200)} is incomplete** (${errorDiags.length} ${errorDiags.length === 1 ? 'error' : 'errors'}: ${inlineText(errorDiags[0].message, 300)}), so no verdict can vouch for this release: fix the source or exclude it in the configuration.\n`
    : '';
  return `${renderReleaseSummaryMarkdown(summary)}${incomplete}${reviewSection}${binaries?.markdown ?? ''}\n## Surface changelog\n\n${changelog}`;
}

type Verdict = { state: 'success' | 'failure' | 'error'; description: string; failure: string | null };

/** The final status of the tag's commit, and the job's failure message. */
function releaseVerdict(
  tag: string,
  previous: string | null,
  summary: ReleaseSummary,
  review: ReviewCoverage | null,
  report: DiffReport,
  binaries: BinaryGate | null,
): Verdict {
  const errorDiags = report.diagnostics.filter((d) => d.level === 'error');
  if (errorDiags.length) {
    // the surface at the tag may be incomplete: no verdict can vouch for it (fail closed)
    const msg = `FFI analysis of ${tag} incomplete: ${errorDiags.map((d) => d.message).join('; ')}`;
    return { state: 'error', description: msg, failure: msg };
  }
  if (summary.ok && (review?.ok ?? true) && (binaries?.ok ?? true))
    return {
      state: 'success',
      description:
        (previous
          ? `version bump covers the FFI change since ${previous}`
          : 'first release: the whole surface is new') + (review ? '; every change reviewed' : ''),
      failure: null,
    };
  const reasons: string[] = [];
  if (!summary.ok) {
    const failing = summary.crates.filter((c) => c.status === 'not-covered');
    reasons.push(
      `version bump too small: ${
        failing.map((c) => `${c.name} needs ${c.requiredBump}, got ${c.actualBump}`).join('; ') ||
        'see the job summary'
      }`,
    );
  }
  if (review && !review.ok) reasons.push(`not reviewed: ${reviewFailures(review).join(', ')}`);
  if (binaries && !binaries.ok) reasons.push(binaries.reason);
  return {
    state: 'failure',
    description: reasons.join('; '),
    failure: `${tag}: ${previous ? `the FFI surface change since ${previous} is not releasable` : 'the release is not releasable'}: ${reasons.join('; ')}`,
  };
}

// ---------------------------------------------------------------------------------------------

/** Checks the release of `s.tag`: see the top of this file. */
export async function runReleaseGate(deps: ReleaseDeps, s: ReleaseSettings): Promise<ReleaseResult> {
  const context = releaseStatusContext(s.statusContext);
  let tagSha = '';
  const setStatus = async (state: 'success' | 'failure' | 'error' | 'pending', description: string) => {
    if (!tagSha) return;
    try {
      await deps.client.createStatus(tagSha, state, context, statusDescription(description), s.runUrl);
    } catch (e) {
      deps.log.warning(e instanceof Error ? e.message : String(e));
    }
  };
  const result = (failure: string | null): ReleaseResult => ({ context, tagSha, failure });
  try {
    const found = await resolveReleaseTag(deps.git, s);
    if (found.kind === 'draft') {
      deps.log.notice(
        `ffi-surface-guard: draft release: tag ${s.tag} does not exist yet; it is checked when published`,
      );
      return result(null);
    }
    tagSha = found.sha;
    const release = await findRelease(deps.git, s);
    if (release.kind === 'not-a-release') {
      deps.log.notice(release.notice);
      return result(null);
    }
    const target = release.target;
    // only now: a tag that is no release must not be left with a pending status forever
    await setStatus('pending', `checking the version bump of ${s.tag}`);
    const { report, head } = await analyseRelease(deps, s, tagSha, target.previous);
    // the shipped libraries (input binaries): trusted on a release, judged by the default branch's allow list
    const binaries: BinaryGate | null = s.binaries?.patterns.length
      ? await checkReleaseBinaries(
          s.binaries.base,
          s.binaries.patterns,
          head,
          s.gate.config.binaryExports.allow,
          target.crate,
        )
      : null;
    const version = tagVersion(s.tag, target.pattern);
    const summary = summarizeRelease(report, {
      tag: s.tag,
      previousTag: target.previous,
      tagVersion: version,
      crates: target.crate ? [target.crate] : undefined,
      potentiallyBreakingBump: s.gate.potentiallyBreakingBump,
    });
    const released = releasedPart(report, target.crate);
    const changelog = renderChangelog(released, { version: version ?? undefined, date: s.date });
    for (const n of summary.notices) {
      if (n.level === 'error') deps.log.error(n.message);
      else if (n.level === 'warning') deps.log.warning(n.message);
      else deps.log.notice(n.message);
    }
    const { review, reviewNote } = await reviewIfRequired(deps, s, tagSha, target);
    const verdict = releaseVerdict(s.tag, target.previous, summary, review, report, binaries);
    await deps.publish({
      report: { ...report, release: summary, ...(review ? { review } : {}) },
      released,
      summary: releaseSummaryMarkdown(s, summary, report, review, reviewNote, changelog, binaries),
      outputs: {
        changelog,
        requiredBump: summary.requiredBump,
        changed: released.changes.length > 0,
        breaking: released.changes.some((c) => c.severity === 'breaking'),
        digest: report.head.digest,
        approved: verdict.state === 'success',
      },
    });
    await setStatus(verdict.state, verdict.description);
    return result(verdict.failure);
  } catch (e) {
    const msg = e instanceof Error ? e.message : String(e);
    await setStatus('error', `release check failed: ${msg}`);
    return result(msg);
  }
}
