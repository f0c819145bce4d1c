/**
 * One run of the pull-request gate in process, as the action runs it: the default branch's
 * configuration file resolved with the action's inputs, the real GitHub client against the fake API,
 * the runner's workspace of a `PullWorld`.
 */
import type { ActionInputs } from '../../src/action/inputs';
import { scopeOf } from '../../src/app/config-file';
import {
  effectiveConfig,
  resolveGateConfig as resolveApiConfig,
  type GateConfig,
} from '../../src/app/gate-config';
import { runMergeGroupGate } from '../../src/app/merge-group-gate';
import { runPullRequestGate, type GateResult } from '../../src/app/pull-request-gate';
import { loadConfig } from '../../src/core/config';
import { failsOn } from '../../src/core/fail-on';
import { statusDescription } from '../../src/core/gate/status-description';
import type { FakeGitHub } from './fake-github';
import { FetchGateClient } from './fetch-gate-client';
import { CONTEXT, type PullWorld } from './pull-world';

export const GATE_INPUTS: ActionInputs = {
  token: 'test-token',
  workingDirectory: '.',
  configPath: '.github/ffi-surface-guard.yml',
  approvers: null,
  requiredApprovals: null,
  statusContext: CONTEXT,
  failOn: 'never',
  features: null,
  botLogin: null,
  reportPath: 'report.json',
  comment: true,
  tagPattern: null,
  requireReviewed: null,
};

/** The gate's configuration as the action resolves it: the default branch's file, the inputs. */
export function resolveGateConfig(w: PullWorld, inputs: ActionInputs = GATE_INPUTS): GateConfig {
  const file = w.fake.state.files.find((f) => f.path === inputs.configPath);
  return effectiveConfig(loadConfig(file ? String(file.content) : null, inputs.configPath), inputs);
}

/** One run of the pull-request gate for PR `n`; `logs` collects its log lines. */
export function runGate(w: PullWorld, n: number, logs: string[] = []): Promise<GateResult> {
  const config = resolveGateConfig(w);
  return runPullRequestGate(new FetchGateClient(w.fake.url), {
    root: w.workspace,
    pull: n,
    statusContext: CONTEXT,
    botLogin: config.botLogin,
    policy: config.policy,
    policyHash: config.policyHash,
    features: config.features,
    featureSets: config.featureSets,
    findingsPolicy: config.findingsPolicy,
    potentiallyBreakingBump: config.potentiallyBreakingBump,
    limits: config.limits,
    scope: scopeOf(config.config),
    protectedPaths: [GATE_INPUTS.configPath, '.github/workflows'],
    repoUrl: 'https://github.example/octo/lib',
    runUrl: 'https://github.example/octo/lib/actions/runs/1',
    comment: true,
    log: (m) => logs.push(m),
    warn: () => undefined,
  });
}

/** What a runner shows of a pull-request gate job (as `ActionRun`), and the gate's own result. */
export interface PullJobRun {
  code: number;
  stdout: string;
  stderr: string;
  outputs: Record<string, string>;
  result: GateResult | null;
}

export interface PullJobOptions {
  /** The runner's checkout. */
  workspace: string;
  fake: FakeGitHub;
  pull: number;
  /** The head SHA the event names (an error status lands there when the configuration is bad). */
  eventSha?: string | null;
  inputs?: Partial<ActionInputs>;
  runUrl?: string;
}

/** A workflow command's message as @actions/core writes it (`%`, CR and LF escaped). */
function escapeData(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/**
 * One pull-request gate job in process, as the Action's shell (`runPullRequestEvent` in
 * src/action/run-action.ts) runs it once the event named pull request `pull`: the configuration
 * resolved through the API, `runPullRequestGate` with the real client's stand-in, then the job's
 * warnings, errors and outputs as the runner shows them.
 */
export async function runPullJob(o: PullJobOptions): Promise<PullJobRun> {
  const inputs: ActionInputs = { ...GATE_INPUTS, ...o.inputs };
  const client = new FetchGateClient(o.fake.url);
  const runUrl = o.runUrl ?? 'https://github.example/octo/lib/actions/runs/4242';
  const log: string[] = [];
  const outputs: Record<string, string> = {};
  const command = (kind: string, m: string) => log.push(`::${kind}::${escapeData(m)}`);
  const job = (code: number, result: GateResult | null): PullJobRun => ({
    code,
    stdout: log.join('\n'),
    stderr: '',
    outputs,
    result,
  });
  let config: GateConfig;
  try {
    config = await resolveApiConfig(client, inputs);
  } catch (e) {
    const msg = e instanceof Error ? e.message : String(e);
    if (o.eventSha)
      await client
        .createStatus(
          o.eventSha,
          'error',
          inputs.statusContext,
          statusDescription(`configuration error: ${msg}`),
          runUrl,
        )
        .catch(() => undefined);
    command('error', msg);
    return job(1, null);
  }
  const result = await runPullRequestGate(client, {
    root: o.workspace,
    pull: o.pull,
    statusContext: inputs.statusContext,
    botLogin: config.botLogin,
    policy: config.policy,
    policyHash: config.policyHash,
    features: config.features,
    featureSets: config.featureSets,
    findingsPolicy: config.findingsPolicy,
    potentiallyBreakingBump: config.potentiallyBreakingBump,
    limits: config.limits,
    scope: scopeOf(config.config),
    protectedPaths: [inputs.configPath, '.github/workflows'],
    repoUrl: 'https://github.example/octo/lib',
    runUrl,
    comment: inputs.comment,
    log: () => undefined,
    warn: (m) => command('warning', m),
  });
  for (const w of result.warnings) command('warning', w);
  const report = result.report;
  if (report) {
    outputs['changed'] = String(report.changes.length > 0);
    outputs['breaking'] = String(report.changes.some((c) => c.severity === 'breaking'));
    outputs['required-bump'] = report.requiredBump;
    outputs['digest'] = result.digest ?? report.head.digest;
    outputs['surface-digest'] = report.head.digest;
    outputs['approved'] = String(result.decision.state === 'success');
    outputs['report-path'] = inputs.reportPath;
    if (result.commentUrl) outputs['comment-url'] = result.commentUrl;
    if (inputs.failOn !== 'never' && failsOn(report, inputs.failOn))
      result.errors.push(
        `the FFI surface change is ${inputs.failOn === 'any' ? 'non-empty' : `${inputs.failOn} or worse`} (fail-on: ${inputs.failOn})`,
      );
  } else outputs['approved'] = 'false';
  if (result.errors.length) {
    command('error', result.errors.join('\n'));
    return job(1, result);
  }
  return job(0, result);
}

/**
 * The action's inputs from their `INPUT_*` text, for the inputs the gate scenarios set (the reader
 * itself, src/action/inputs.ts, needs @actions/core and is tested in test/action/metadata.test.ts).
 */
export function gateInputs(text: Record<string, string> = {}): Partial<ActionInputs> {
  const out: Partial<ActionInputs> = {};
  for (const [k, v] of Object.entries(text)) {
    if (k === 'approvers')
      out.approvers = v
        .split(/[\n,]/)
        .map((a) => a.trim().replace(/^@/, '').toLowerCase())
        .filter(Boolean);
    else if (k === 'required-approvals') out.requiredApprovals = Number(v);
    else if (k === 'bot-login') out.botLogin = v;
    else if (k === 'require-reviewed') out.requireReviewed = v === 'true';
    else if (k === 'status-context') out.statusContext = v;
    else throw new Error(`input ${k} is not mapped`);
  }
  return out;
}

export interface MergeGroupJobOptions {
  /** The runner's checkout. */
  workspace: string;
  fake: FakeGitHub;
  /** The `merge_group` payload's fields. */
  group: { head_sha: string; base_sha: string; head_ref: string };
  inputs?: Partial<ActionInputs>;
  runUrl?: string;
}

/**
 * One merge-queue job in process, as the Action's shell (`runMergeGroup` in
 * src/action/run-action.ts) runs it: the configuration resolved through the API, then
 * `runMergeGroupGate`; its log lines, job error and `approved` output as the runner shows them.
 */
export async function runMergeGroupJob(o: MergeGroupJobOptions): Promise<PullJobRun> {
  const inputs: ActionInputs = { ...GATE_INPUTS, ...o.inputs };
  const client = new FetchGateClient(o.fake.url);
  const log: string[] = [];
  const outputs: Record<string, string> = {};
  const job = (code: number): PullJobRun => ({
    code,
    stdout: log.join('\n'),
    stderr: '',
    outputs,
    result: null,
  });
  try {
    const config = await resolveApiConfig(client, inputs);
    const { decision: d } = await runMergeGroupGate(client, {
      root: o.workspace,
      statusContext: inputs.statusContext,
      headSha: o.group.head_sha,
      baseSha: o.group.base_sha,
      headRef: o.group.head_ref,
      features: config.features,
      featureSets: config.featureSets,
      potentiallyBreakingBump: config.potentiallyBreakingBump,
      limits: config.limits,
      scope: scopeOf(config.config),
      policy: config.policy,
      findingsPolicy: config.findingsPolicy,
      policyHash: config.policyHash,
      consumers: { headers: config.config.headers, policy: config.findingsPolicy },
      botLogin: config.botLogin,
      runUrl: o.runUrl ?? 'https://github.example/octo/lib/actions/runs/4242',
      log: (m) => log.push(m),
    });
    log.push(`status ${inputs.statusContext}: ${d.state} — ${d.description}`);
    outputs['approved'] = String(d.state === 'success');
    if (d.state === 'error') {
      log.push(`::error::${escapeData(d.description)}`);
      return job(1);
    }
    return job(0);
  } catch (e) {
    log.push(`::error::${escapeData(e instanceof Error ? e.message : String(e))}`);
    return job(1);
  }
}
