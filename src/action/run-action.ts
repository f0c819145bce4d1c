/**
 * The Action: reads inputs and the event, dispatches on the event, publishes outputs, summary and
 * annotations. Fails closed: an error after the gate started leaves an `error` status.
 */
import * as core from '@actions/core';
import * as path from 'node:path';
import { GitHubClient } from '../adapters/github-client';
import { scopeOf } from '../app/config-file';
import { runMergeGroupGate } from '../app/merge-group-gate';
import { surfaceReport } from '../app/surface-report';
import { runPullRequestGate } from '../app/pull-request-gate';
import { failsOn } from '../core/fail-on';
import { renderMarkdown } from '../core/render/report-markdown';
import { inlineText } from '../core/render/escape-markdown';
import { statusDescription } from '../core/gate/status-description';
import type { DiffReport } from '../core/report';
import { Deadline, SYSTEM_CLOCK } from '../core/deadline';
import { field, isArray, isNumber, isString, readContext, RunContext } from './event';
import { ActionInputs, readInputs } from './inputs';
import { annotate, writeReport, writeSummary } from './publish';
import { actionDocsUrl, writeSarif } from './sarif';
import { GateConfig, resolveGateConfig } from '../app/gate-config';
import type { GateResult } from '../app/pull-request-gate';
import type { SarifOptions } from '../core/render/report-sarif';
import { runReleaseEvent } from './release-gate';

const PR_EVENTS = new Set(['pull_request', 'pull_request_target']);
const PR_ACTIONS = new Set(['opened', 'synchronize', 'reopened', 'ready_for_review', 'edited']);

/** The pull request a run is about, or null with the reason it is not one the gate handles. */
async function pullOf(
  ctx: RunContext,
  client: GitHubClient,
  botLogin: string,
): Promise<{ pull: number | null; why: string }> {
  const p = ctx.payload;
  const action = field(p, ['action'], isString) ?? '';
  if (PR_EVENTS.has(ctx.eventName)) {
    if (action && !PR_ACTIONS.has(action))
      return { pull: null, why: `pull request action ${action} does not change the surface` };
    return {
      pull: field(p, ['pull_request', 'number'], isNumber) ?? field(p, ['number'], isNumber) ?? null,
      why: 'no pull request number in the event',
    };
  }
  if (ctx.eventName === 'pull_request_review')
    return {
      pull: field(p, ['pull_request', 'number'], isNumber) ?? null,
      why: 'no pull request in the review event',
    };
  if (ctx.eventName === 'issue_comment') {
    const n = field(p, ['issue', 'number'], isNumber);
    if (!field(p, ['issue', 'pull_request'], (v): v is object => typeof v === 'object' && v !== null))
      return { pull: null, why: 'the comment is not on a pull request' };
    const body = field(p, ['comment', 'body'], isString) ?? '';
    const author = field(p, ['comment', 'user', 'login'], isString) ?? '';
    const sender = field(p, ['sender', 'login'], isString) ?? '';
    if (/^\s*\/ffi-recheck\b/m.test(body)) return { pull: n ?? null, why: '' };
    if (
      action === 'edited' &&
      author.toLowerCase() === botLogin.toLowerCase() &&
      sender.toLowerCase() !== botLogin.toLowerCase()
    ) {
      core.warning(
        `${sender} edited the ffi-surface-guard comment; it is re-rendered from the API state (checkboxes approve nothing)`,
      );
      return { pull: n ?? null, why: '' };
    }
    return { pull: null, why: 'the comment neither says /ffi-recheck nor edits the report' };
  }
  if (ctx.eventName === 'workflow_run') {
    const prs = field(p, ['workflow_run', 'pull_requests'], isArray) ?? [];
    const first = prs.map((x) => field(x, ['number'], isNumber)).find((x) => x !== undefined);
    if (first) return { pull: first, why: '' };
    const sha = field(p, ['workflow_run', 'head_sha'], isString);
    if (!sha) return { pull: null, why: 'the workflow_run event has no head_sha' };
    const found = await client.findPullsByHead(sha);
    return { pull: found[0] ?? null, why: `no open pull request has head ${sha.slice(0, 12)}` };
  }
  return { pull: null, why: `event ${ctx.eventName}` };
}

/** What every step of a run shares: its inputs, event, checkout, API client and deadline. */
interface ActionRun {
  inputs: ActionInputs;
  ctx: RunContext;
  /** The analysed directory (`working-directory` in the workspace). */
  root: string;
  client: GitHubClient;
  repoUrl: string;
  sarifOptions: SarifOptions;
  /** When the run started on `SYSTEM_CLOCK`: the deadline covers the whole run, from there. */
  started: number;
}

/** Reads the inputs and the event; on a bad input the job fails and there is no run. */
function startRun(started: number): ActionRun | null {
  let inputs: ActionInputs;
  let ctx: RunContext;
  try {
    inputs = readInputs();
    ctx = readContext();
  } catch (e) {
    core.setFailed(e instanceof Error ? e.message : String(e));
    return null;
  }
  const root = path.resolve(ctx.workspace, inputs.workingDirectory);
  const client = new GitHubClient({
    token: inputs.token,
    apiUrl: ctx.apiUrl,
    owner: ctx.owner,
    repo: ctx.repo,
    retryBaseMs: Number(process.env.FFI_SURFACE_GUARD_RETRY_BASE_MS) || undefined,
    log: (m) => core.info(m),
  });
  // artifact URIs are relative to the checkout (the workspace), where code scanning resolves them
  const rootInRepo = path.relative(ctx.workspace, root);
  const sarifOptions = {
    uriPrefix: rootInRepo.startsWith('..') || path.isAbsolute(rootInRepo) ? '' : rootInRepo,
    docsUrl: actionDocsUrl(ctx.serverUrl),
  };
  return {
    inputs,
    ctx,
    root,
    client,
    repoUrl: `${ctx.serverUrl}/${ctx.owner}/${ctx.repo}`,
    sarifOptions,
    started,
  };
}

function deadlineOf(run: ActionRun, seconds: number): Deadline {
  return new Deadline(seconds, SYSTEM_CLOCK, run.started);
}

type EventKind = 'release' | 'workflow_dispatch' | 'merge_group' | 'pull_request' | 'other';

/** Which gate an event is for. */
function eventKind(ctx: RunContext): EventKind {
  if ((ctx.eventName === 'push' && ctx.ref.startsWith('refs/tags/')) || ctx.eventName === 'release')
    return 'release';
  if (ctx.eventName === 'workflow_dispatch') return 'workflow_dispatch';
  if (ctx.eventName === 'merge_group') return 'merge_group';
  const handled =
    PR_EVENTS.has(ctx.eventName) ||
    ['pull_request_review', 'issue_comment', 'workflow_run'].includes(ctx.eventName);
  return handled ? 'pull_request' : 'other';
}

/** workflow_dispatch: the whole surface and its findings, to the summary and the report file. */
async function runWorkflowDispatch(run: ActionRun): Promise<void> {
  const { inputs, ctx, root } = run;
  try {
    const config = await resolveGateConfig(run.client, inputs);
    const report = await surfaceReport({
      root,
      features: config.features,
      findingsPolicy: config.findingsPolicy,
      limits: config.limits,
      scope: scopeOf(config.config),
      deadline: deadlineOf(run, config.limits.deadlineSeconds),
    });
    writeReport(inputs.reportPath, report);
    if (inputs.sarifPath) writeSarif(inputs.sarifPath, report, run.sarifOptions);
    await writeSummary(
      renderMarkdown(report, {
        repoUrl: run.repoUrl,
        headSha: /^[0-9a-f]{40}$/.test(ctx.sha) ? ctx.sha : undefined,
        maxChars: 900_000,
        docsUrl: run.sarifOptions.docsUrl,
        fullReportName: 'the JSON report (output report-path)',
      }),
    );
    annotate(report, path.relative(ctx.workspace, root) || '.');
    core.setOutput('changed', 'false');
    core.setOutput('digest', report.head.digest);
    core.setOutput('surface-digest', report.head.digest);
    core.setOutput('report-path', inputs.reportPath);
    if (inputs.sarifPath) core.setOutput('sarif-path', inputs.sarifPath);
    const errors = report.diagnostics.filter((d) => d.level === 'error');
    if (errors.length)
      core.setFailed(`the FFI analysis is incomplete: ${errors.map((d) => d.message).join('; ')}`);
  } catch (e) {
    core.setFailed(e instanceof Error ? e.message : String(e));
  }
}

/** merge_group: the queue's group, checked against the approvals of each pull request in it. */
async function runMergeGroup(run: ActionRun): Promise<void> {
  const { inputs, ctx } = run;
  const headSha = field(ctx.payload, ['merge_group', 'head_sha'], isString) ?? '';
  const baseSha = field(ctx.payload, ['merge_group', 'base_sha'], isString) ?? '';
  const headRef = field(ctx.payload, ['merge_group', 'head_ref'], isString) ?? '';
  if (!headSha || !baseSha) {
    core.setFailed('the merge_group event has no head_sha/base_sha');
    return;
  }
  try {
    const config = await resolveGateConfig(run.client, inputs);
    const { decision: d } = await runMergeGroupGate(run.client, {
      root: run.root,
      statusContext: inputs.statusContext,
      headSha,
      baseSha,
      headRef,
      features: config.features,
      featureSets: config.featureSets,
      potentiallyBreakingBump: config.potentiallyBreakingBump,
      limits: config.limits,
      scope: scopeOf(config.config),
      policy: config.policy,
      findingsPolicy: config.findingsPolicy,
      policyHash: config.policyHash,
      deadline: deadlineOf(run, config.limits.deadlineSeconds),
      consumers: { headers: config.config.headers, policy: config.findingsPolicy },
      botLogin: config.botLogin,
      runUrl: ctx.runUrl,
      log: (m) => core.info(m),
    });
    core.info(`status ${inputs.statusContext}: ${d.state} — ${d.description}`);
    core.setOutput('approved', String(d.state === 'success'));
    if (d.state === 'error') core.setFailed(d.description);
  } catch (e) {
    core.setFailed(e instanceof Error ? e.message : String(e));
  }
}

/** Sets an `error` status on the event's head commit (when it names one), ignoring a refusal. */
async function errorStatus(run: ActionRun, sha: string | null, description: string): Promise<void> {
  if (sha)
    await run.client
      .createStatus(sha, 'error', run.inputs.statusContext, statusDescription(description), run.ctx.runUrl)
      .catch(() => undefined);
}

/** The gate's configuration; a bad one leaves an `error` status on the event's head and fails. */
async function pullRequestConfig(run: ActionRun, eventSha: string | null): Promise<GateConfig | null> {
  try {
    return await resolveGateConfig(run.client, run.inputs);
  } catch (e) {
    const msg = e instanceof Error ? e.message : String(e);
    await errorStatus(run, eventSha, `configuration error: ${msg}`);
    core.setFailed(msg);
    return null;
  }
}

/** The pull-request gate's run for pull request `pull`. */
function gatePullRequest(run: ActionRun, config: GateConfig, pull: number): Promise<GateResult> {
  const { inputs, ctx } = run;
  return runPullRequestGate(run.client, {
    root: run.root,
    pull,
    statusContext: inputs.statusContext,
    botLogin: config.botLogin,
    policy: config.policy,
    policyHash: config.policyHash,
    features: config.features,
    featureSets: config.featureSets,
    findingsPolicy: config.findingsPolicy,
    consumers: { headers: config.config.headers, policy: config.findingsPolicy },
    potentiallyBreakingBump: config.potentiallyBreakingBump,
    limits: config.limits,
    scope: scopeOf(config.config),
    deadline: deadlineOf(run, config.limits.deadlineSeconds),
    protectedPaths: [inputs.configPath, '.github/workflows'],
    repoUrl: run.repoUrl,
    runUrl: ctx.runUrl,
    docsUrl: run.sarifOptions.docsUrl,
    comment: inputs.comment,
    log: (m) => core.info(m),
    warn: (m) => core.warning(m),
  });
}

/** The report, SARIF log, summary, annotations and outputs of a gate run that analysed the PR. */
async function publishPullRequestReport(
  run: ActionRun,
  result: GateResult,
  report: DiffReport,
): Promise<void> {
  const { inputs, ctx } = run;
  writeReport(inputs.reportPath, {
    ...report,
    gate: {
      decision: result.decision,
      approval: result.outcome,
      digest: result.digest,
      // what was evaluated: the head merged into this tip of the base branch (or a conflict)
      baseTip: result.baseTip,
      conflict: result.conflict,
    },
  });
  if (inputs.sarifPath) writeSarif(inputs.sarifPath, report, run.sarifOptions);
  await writeSummary(
    renderMarkdown(report, {
      repoUrl: run.repoUrl,
      headSha: result.headSha ?? undefined,
      maxChars: 900_000,
      approval: result.approval ?? undefined,
      docsUrl: run.sarifOptions.docsUrl,
      fullReportName: 'the JSON report (output report-path)',
    }),
  );
  annotate(report, path.relative(ctx.workspace, run.root) || '.');
  core.setOutput('changed', String(report.changes.length > 0));
  core.setOutput('breaking', String(report.changes.some((c) => c.severity === 'breaking')));
  core.setOutput('required-bump', report.requiredBump);
  core.setOutput('digest', result.digest ?? report.head.digest);
  core.setOutput('surface-digest', report.head.digest);
  core.setOutput('approved', String(result.decision.state === 'success'));
  core.setOutput('report-path', inputs.reportPath);
  if (inputs.sarifPath) core.setOutput('sarif-path', inputs.sarifPath);
  if (result.commentUrl) core.setOutput('comment-url', result.commentUrl);
}

/** The job's errors beyond the gate's own: `fail-on` turns a change of that severity into one. */
function failOnError(inputs: ActionInputs, report: DiffReport): string | null {
  return inputs.failOn !== 'never' && failsOn(report, inputs.failOn)
    ? `the FFI surface change is ${inputs.failOn === 'any' ? 'non-empty' : `${inputs.failOn} or worse`} (fail-on: ${inputs.failOn})`
    : null;
}

/** The pull-request gate. From the configuration on, every failure must leave an error status. */
async function runPullRequestEvent(run: ActionRun): Promise<void> {
  const { inputs, ctx } = run;
  const eventSha = field(ctx.payload, ['pull_request', 'head', 'sha'], isString) ?? null;
  const config = await pullRequestConfig(run, eventSha);
  if (!config) return;
  let pull: { pull: number | null; why: string };
  try {
    pull = await pullOf(ctx, run.client, config.botLogin);
  } catch (e) {
    core.setFailed(e instanceof Error ? e.message : String(e));
    return;
  }
  if (pull.pull === null) {
    core.notice(`ffi-surface-guard: nothing to evaluate (${pull.why})`);
    return;
  }
  try {
    const result = await gatePullRequest(run, config, pull.pull);
    for (const w of result.warnings) core.warning(w);
    const report = result.report;
    core.info(`status ${inputs.statusContext}: ${result.decision.state} — ${result.decision.description}`);
    if (report) {
      await publishPullRequestReport(run, result, report);
      const failOn = failOnError(inputs, report);
      if (failOn) result.errors.push(failOn);
    } else {
      await writeSummary(
        `## FFI surface review\n\n**The analysis failed:** ${result.errors.map((e) => inlineText(e, 2000)).join('; ')}\n`,
      );
      core.setOutput('approved', 'false');
    }
    if (result.errors.length) core.setFailed(result.errors.join('\n'));
  } catch (e) {
    const msg = e instanceof Error ? e.message : String(e);
    await errorStatus(run, eventSha, `FFI analysis failed: ${msg}`);
    core.setOutput('approved', 'false');
    core.setFailed(msg);
  }
}

export async function runAction(): Promise<void> {
  // the deadline covers the whole run, from here
  const run = startRun(SYSTEM_CLOCK.now());
  if (!run) return;
  switch (eventKind(run.ctx)) {
    case 'release':
      return runReleaseEvent(run.client, run.ctx, run.inputs, run.root, run.started);
    case 'workflow_dispatch':
      return runWorkflowDispatch(run);
    case 'merge_group':
      return runMergeGroup(run);
    case 'pull_request':
      return runPullRequestEvent(run);
    case 'other':
      core.notice(
        `ffi-surface-guard: event ${run.ctx.eventName || '(none)'} is not one it acts on (pull_request, pull_request_target, pull_request_review, issue_comment, workflow_run, merge_group, workflow_dispatch, push of a tag, release); nothing to do`,
      );
  }
}
