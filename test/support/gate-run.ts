/**
 * One run of the pull-request gate in process, as the action runs it: the default branch's
 * configuration file resolved with the action's inputs, the real GitHub client against the fake API,
 * the runner's workspace of a `PullWorld`.
 */
import { effectiveConfig, type GateConfig } from '../../src/action/gate-config';
import type { ActionInputs } from '../../src/action/inputs';
import { scopeOf } from '../../src/app/config-file';
import { runPullRequestGate, type GateResult } from '../../src/app/pull-request-gate';
import { loadConfig } from '../../src/core/config';
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
