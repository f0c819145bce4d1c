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
 */
import * as core from '@actions/core';
import { readFile } from 'node:fs/promises';
import * as path from 'node:path';
import { GitHubClient } from '../adapters/github-client';
import { runGit, git, GitError } from '../adapters/git';
import { GitRevisionTree } from '../adapters/git-revision-tree';
import { isShallow } from '../adapters/git-revisions';
import { loadRustParser } from '../adapters/tree-sitter-parser';
import { Deadline, DeadlineTree, parserWithDeadline, SYSTEM_CLOCK } from '../core/deadline';
import { analyseDiff } from '../app/analyse-diff';
import { computeReportFindings } from '../app/findings';
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
import { renderReleaseSummaryMarkdown, summarizeRelease } from '../core/release/release-summary';
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
import { field, isString, RunContext } from './event';
import { GateConfig, resolveGateConfig } from './gate-config';
import { actionDocsUrl, writeSarif } from './sarif';
import type { ActionInputs } from './inputs';
import { BinaryGate, checkReleaseBinaries } from './release-binaries';
import { writeReport, writeSummary } from './publish';

export const RELEASE_STATUS_CONTEXT_SUFFIX = '/release';

/** `release` actions that gate; the others (edited, deleted, unpublished) change nothing to check. */
const RELEASE_ACTIONS = new Set(['published', 'created', 'released', 'prereleased']);

/** Most first-parent commits `require-reviewed` examines between two releases (beyond: an error). */
export const MAX_REVIEW_STEPS = 1000;

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

function firstLine(s: string): string {
  return s.trim().split('\n')[0] ?? '';
}

/**
 * Makes sure the tags and their commits are in the local object database (a shallow checkout
 * lacks them). Returns git's complaint when the fetch failed (the tags may still be there).
 */
async function fetchTags(root: string): Promise<string> {
  const r = await runGit(root, [
    'fetch',
    '--quiet',
    '--force',
    '--no-write-fetch-head',
    'origin',
    '+refs/tags/*:refs/tags/*',
  ]);
  return r.code === 0 ? '' : firstLine(r.stderr) || `git fetch exited with ${r.code}`;
}

async function resolveTag(root: string, tag: string): Promise<string | null> {
  const r = await runGit(root, [
    'rev-parse',
    '--verify',
    '--quiet',
    '--end-of-options',
    `refs/tags/${tag}^{commit}`,
  ]);
  return r.code === 0 ? r.stdout.toString('utf8').trim() : null;
}

/** The commits a shallow clone holds without their parents. */
async function shallowCommits(root: string): Promise<Set<string>> {
  const file = path.resolve(root, (await git(root, ['rev-parse', '--git-path', 'shallow'])).trim());
  const text = await readFile(file, 'utf8').catch(() => '');
  return new Set(text.split('\n').filter((l) => /^[0-9a-f]{40,64}$/.test(l)));
}

interface StepCommit {
  sha: string;
  tree: string;
  parents: string[];
  subject: string;
}

/**
 * The first-parent commits `previous..tag`, oldest first. In a shallow clone the history is
 * fetched first; a range that still reaches a shallow commit cannot be trusted and throws.
 */
async function listSteps(root: string, previousSha: string, tagSha: string): Promise<StepCommit[]> {
  let fetchProblem = '';
  if (await isShallow(root)) {
    const r = await runGit(root, [
      'fetch',
      '--quiet',
      '--force',
      '--unshallow',
      '--no-write-fetch-head',
      'origin',
      '+refs/tags/*:refs/tags/*',
    ]);
    if (r.code !== 0) fetchProblem = firstLine(r.stderr);
  }
  const out = await git(root, [
    'log',
    '--first-parent',
    '--no-show-signature',
    `--max-count=${MAX_REVIEW_STEPS + 1}`,
    '--format=%H%x1f%T%x1f%P%x1f%s',
    `${previousSha}..${tagSha}`,
    '--',
  ]);
  const steps = out
    .split('\n')
    .filter(Boolean)
    .map((line) => {
      const [sha, tree, parents, ...subject] = line.split('\x1f');
      return { sha, tree, parents: parents.split(' ').filter(Boolean), subject: subject.join('\x1f') };
    })
    .reverse();
  if (steps.length > MAX_REVIEW_STEPS)
    throw new GitError(
      `require-reviewed: more than ${MAX_REVIEW_STEPS} commits on the first-parent history since the previous release; the review check would not finish in reasonable time — release more often, or turn require-reviewed off for this release`,
    );
  const shallow = await shallowCommits(root);
  const cut = steps.find((s) => shallow.has(s.sha));
  if (cut)
    throw new GitError(
      `require-reviewed needs the history since the previous release, but this clone is shallow at ${cut.sha.slice(0, 12)}${fetchProblem ? ` and fetching it failed (${fetchProblem})` : ''}: use actions/checkout with fetch-depth: 0`,
    );
  return steps;
}

/** Changes of a per-crate release: the crate's own, and those no crate owns (they fail closed). */
function crateScope(changes: Change[], crate: string | null, known: Set<string>): Change[] {
  return crate === null ? changes : changes.filter((c) => c.crate === crate || !known.has(c.crate));
}

/** The surface-change count of each step (the diff against its first parent), oldest first. */
async function measureSteps(
  root: string,
  commits: StepCommit[],
  gate: GateConfig,
  crate: string | null,
  deadline?: Deadline,
): Promise<ReleaseStep[]> {
  const rawParser: RustParser = await loadRustParser();
  const parser = deadline ? parserWithDeadline(rawParser, deadline) : rawParser;
  const scanCache = new ScanCache();
  const surfaceAt = async (sha: string | undefined): Promise<Surface> => {
    if (!sha) return emptySurface('(none)');
    const tree = await GitRevisionTree.open(root, sha);
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
      prevTree = parent ? (await git(root, ['rev-parse', `${parent}^{tree}`])).trim() : '';
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
function gateState(
  comments: { id: number; body: string; user: { login: string; type: string } | null }[],
  bot: string,
): CommentState | null {
  for (const c of botComments(comments, bot)) {
    const s = parseMarker(c.body);
    if (s) return s;
  }
  return null;
}

/** `require-reviewed`: see `core/release/review-coverage.ts` for the rule. */
async function checkReviewed(
  client: GitHubClient,
  root: string,
  gate: GateConfig,
  statusContext: string,
  previousTag: string,
  tagSha: string,
  crate: string | null,
  deadline?: Deadline,
): Promise<ReviewCoverage> {
  const previousSha = (
    await git(root, ['rev-parse', '--verify', `refs/tags/${previousTag}^{commit}`])
  ).trim();
  const commits = await listSteps(root, previousSha, tagSha);
  const steps = await measureSteps(root, commits, gate, crate, deadline);
  const facts = new Map<number, PullFacts>();
  for (const step of steps) {
    if (step.changes === 0) continue;
    step.pulls = [...new Set(await client.pullsOfCommit(step.sha))];
    for (const n of step.pulls) {
      if (facts.has(n)) continue;
      const pr = await client.getPull(n);
      const merged = pr.mergedAt !== null;
      const state = merged ? gateState(await client.listComments(n), gate.botLogin) : null;
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
  return evaluateReviewCoverage(steps, [...facts.values()], {
    previousTag,
    emptyDeltaDigest: approvalDigest(deltaDigest([]), gate.policyHash),
    statusContext,
    botLogin: gate.botLogin,
  });
}

/** `YYYY-MM-DD` of the release (its publication, else now). */
function releaseDate(ctx: RunContext): string {
  const when =
    field(ctx.payload, ['release', 'published_at'], isString) ??
    field(ctx.payload, ['release', 'created_at'], isString);
  const d = when ? new Date(when) : new Date();
  return (Number.isNaN(d.getTime()) ? new Date() : d).toISOString().slice(0, 10);
}

export async function runReleaseGate(
  client: GitHubClient,
  ctx: RunContext,
  inputs: ActionInputs,
  root: string,
  /** When the run started on `SYSTEM_CLOCK` (its deadline counts from there). */
  started: number = SYSTEM_CLOCK.now(),
): Promise<void> {
  const tag =
    ctx.eventName === 'release'
      ? (field(ctx.payload, ['release', 'tag_name'], isString) ?? '')
      : ctx.ref.replace(/^refs\/tags\//, '');
  const context = inputs.statusContext.replace(/\/security-review$/, '') + RELEASE_STATUS_CONTEXT_SUFFIX;
  if (ctx.eventName === 'release') {
    const action = field(ctx.payload, ['action'], isString) ?? '';
    if (action && !RELEASE_ACTIONS.has(action)) {
      core.notice(`ffi-surface-guard: release ${action} changes nothing to check`);
      return;
    }
  }
  if (!tag) {
    core.setFailed('the release event names no tag');
    return;
  }
  let tagSha = '';
  const setStatus = async (state: 'success' | 'failure' | 'error' | 'pending', description: string) => {
    if (!tagSha) return;
    try {
      await client.createStatus(tagSha, state, context, statusDescription(description), ctx.runUrl);
    } catch (e) {
      core.warning(e instanceof Error ? e.message : String(e));
    }
  };
  try {
    const gate = await resolveGateConfig(client, inputs);
    const deadline = new Deadline(gate.limits.deadlineSeconds, SYSTEM_CLOCK, started);
    const requireReviewed = inputs.requireReviewed ?? gate.config.release.requireReviewed;
    const fetchProblem = await fetchTags(root);
    tagSha = (await resolveTag(root, tag)) ?? '';
    if (!tagSha) {
      if (field(ctx.payload, ['release', 'draft'], (v): v is boolean => v === true)) {
        core.notice(
          `ffi-surface-guard: draft release: tag ${tag} does not exist yet; it is checked when published`,
        );
        return;
      }
      throw new GitError(
        `tag ${tag} is not in the repository${fetchProblem ? ` (fetching the tags from origin failed: ${fetchProblem})` : ''}`,
      );
    }
    const crateTags = gate.config.release.crateTagPatterns;
    const crate = crateForTag(tag, crateTags);
    const pattern = crate ? crateTags[crate] : (inputs.tagPattern ?? gate.config.release.tagPattern);
    const tags = (await git(root, ['tag', '--list'])).split('\n').filter(Boolean);
    const prev = findPreviousTag(tags, tag, pattern);
    if (prev.status === 'not-a-release-tag') {
      core.notice(
        `ffi-surface-guard: ${tag} is not a release tag under ${pattern} (${prev.reason}); nothing to check`,
      );
      return;
    }
    // only now: a tag that is no release must not be left with a pending status forever
    await setStatus('pending', `checking the version bump of ${tag}`);
    let report: DiffReport;
    let headSurface: Surface;
    const previous = prev.status === 'found' ? prev.previous.tag : null;
    if (previous) {
      const analysis = await analyseDiff({
        root,
        base: `refs/tags/${previous}`,
        head: tagSha,
        features: gate.features,
        useMergeBase: false,
        findings: computeReportFindings(gate.findingsPolicy),
        potentiallyBreakingBump: gate.potentiallyBreakingBump,
        limits: gate.limits,
        deadline,
      });
      report = analysis.report;
      headSurface = analysis.head;
    } else {
      const tree = await GitRevisionTree.open(root, tagSha);
      try {
        const head = await extractSurface(
          new DeadlineTree(tree, deadline),
          parserWithDeadline(await loadRustParser(), deadline),
          { features: gate.features, limits: gate.limits },
        );
        report = buildReport(emptySurface('(no previous release)'), head, {
          potentiallyBreakingBump: gate.potentiallyBreakingBump,
        });
        headSurface = head;
      } finally {
        tree.close();
      }
    }
    // the shipped libraries (input binaries): trusted on a release, judged by the default branch's allow list
    const binaries: BinaryGate | null = inputs.binaries?.length
      ? await checkReleaseBinaries(
          ctx.workspace,
          inputs.binaries,
          headSurface,
          gate.config.binaryExports.allow,
          crate,
        )
      : null;
    const version = tagVersion(tag, pattern);
    const summary = summarizeRelease(report, {
      tag,
      previousTag: previous,
      tagVersion: version,
      crates: crate ? [crate] : undefined,
      potentiallyBreakingBump: gate.potentiallyBreakingBump,
    });
    // a per-crate tag releases one crate: its changelog and outputs are about that crate only
    const known = new Set(report.crates.map((c) => c.name));
    const released: DiffReport = crate
      ? {
          ...report,
          changes: crateScope(report.changes, crate, known),
          findings: report.findings.filter((f) => f.crate === crate),
          crates: report.crates.filter((c) => c.name === crate),
        }
      : report;
    const changelog = renderChangelog(released, { version: version ?? undefined, date: releaseDate(ctx) });
    for (const n of summary.notices) {
      if (n.level === 'error') core.error(n.message);
      else if (n.level === 'warning') core.warning(n.message);
      else core.notice(n.message);
    }

    let review: ReviewCoverage | null = null;
    let reviewNote = '';
    if (requireReviewed) {
      if (previous) {
        review = await checkReviewed(
          client,
          root,
          gate,
          inputs.statusContext,
          previous,
          tagSha,
          crate,
          deadline,
        );
        for (const m of reviewMessages(review)) core.error(m);
      } else {
        reviewNote = `require-reviewed: no previous release before ${tag}, so there is no range of pull requests to check; the first release's surface is not review-gated.`;
        core.notice(reviewNote);
      }
    }

    const repoUrl = `${ctx.serverUrl}/${ctx.owner}/${ctx.repo}`;
    const reviewSection = review
      ? `\n${renderReviewCoverageMarkdown(review, repoUrl)}`
      : reviewNote
        ? `\n## FFI surface review (require-reviewed)\n\nℹ️ No previous release: there is no range of pull requests to check, and the first release's surface is not review-gated.\n`
        : '';
    const errorDiags = report.diagnostics.filter((d) => d.level === 'error');
    const incomplete = errorDiags.length
      ? `\n❌ **The analysis of ${inlineCode(tag, 200)} is incomplete** (${errorDiags.length} ${errorDiags.length === 1 ? 'error' : 'errors'}: ${inlineText(errorDiags[0].message, 300)}), so no verdict can vouch for this release: fix the source or exclude it in the configuration.\n`
      : '';
    writeReport(inputs.reportPath, { ...report, release: summary, ...(review ? { review } : {}) });
    if (inputs.sarifPath) {
      const rootInRepo = path.relative(ctx.workspace, root);
      writeSarif(inputs.sarifPath, released, {
        uriPrefix: rootInRepo.startsWith('..') || path.isAbsolute(rootInRepo) ? '' : rootInRepo,
        docsUrl: actionDocsUrl(ctx.serverUrl),
      });
    }
    await writeSummary(
      `${renderReleaseSummaryMarkdown(summary)}${incomplete}${reviewSection}${binaries?.markdown ?? ''}\n## Surface changelog\n\n${changelog}`,
    );
    const ok = summary.ok && (review?.ok ?? true) && (binaries?.ok ?? true) && errorDiags.length === 0;
    core.setOutput('changelog', changelog);
    core.setOutput('required-bump', summary.requiredBump);
    core.setOutput('changed', String(released.changes.length > 0));
    core.setOutput('breaking', String(released.changes.some((c) => c.severity === 'breaking')));
    core.setOutput('digest', report.head.digest);
    core.setOutput('surface-digest', report.head.digest);
    core.setOutput('approved', String(ok));
    core.setOutput('report-path', inputs.reportPath);
    if (inputs.sarifPath) core.setOutput('sarif-path', inputs.sarifPath);

    if (errorDiags.length) {
      // the surface at the tag may be incomplete: no verdict can vouch for it (fail closed)
      const msg = `FFI analysis of ${tag} incomplete: ${errorDiags.map((d) => d.message).join('; ')}`;
      await setStatus('error', msg);
      core.setFailed(msg);
      return;
    }
    if (ok) {
      await setStatus(
        'success',
        (previous
          ? `version bump covers the FFI change since ${previous}`
          : 'first release: the whole surface is new') + (review ? '; every change reviewed' : ''),
      );
      return;
    }
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
    await setStatus('failure', reasons.join('; '));
    core.setFailed(
      `${tag}: ${previous ? `the FFI surface change since ${previous} is not releasable` : 'the release is not releasable'}: ${reasons.join('; ')}`,
    );
  } catch (e) {
    const msg = e instanceof Error ? e.message : String(e);
    await setStatus('error', `release check failed: ${msg}`);
    core.setFailed(msg);
  }
}
