/**
 * The gate's effective configuration: the config file read from the default branch through the
 * API (never from the pull request), with the workflow's inputs taking precedence.
 */
import type { GitHubClient } from '../adapters/github-client';
import { loadConfig, policyHash as configHash } from '../core/config';
import type { Config } from '../core/config';
import { sha256, stableStringify } from '../core/digest';
import type { ApprovalPolicy } from '../core/gate/approvals';
import type { FeatureSelection } from '../core/model';
import type { FindingPolicy } from '../core/findings';
import type { Limits } from '../core/limits';

/** The workflow inputs that override the configuration file (a subset of the Action's inputs). */
export interface GateInputs {
  configPath: string;
  approvers: string[] | null;
  requiredApprovals: number | null;
  features: FeatureSelection | null;
  botLogin: string | null;
  /** `deadline-seconds`: overrides the config file's `limits.deadline-seconds`. */
  deadlineSeconds?: number | null;
}

export interface GateConfig {
  config: Config;
  policy: ApprovalPolicy;
  policyHash: string;
  features: FeatureSelection;
  /** The feature sets the gate analyses: the `features` input alone, else every configured set. */
  featureSets: FeatureSelection[];
  findingsPolicy: FindingPolicy;
  potentiallyBreakingBump: 'major' | 'minor';
  limits: Limits;
  botLogin: string;
}

export function effectiveConfig(config: Config, inputs: GateInputs): GateConfig {
  const approvers = inputs.approvers ?? config.approvers;
  const users = approvers.filter((a) => !a.includes('/')).map((a) => a.toLowerCase());
  const teams = approvers.filter((a) => a.includes('/')).map((a) => a.toLowerCase());
  const requiredApprovals = inputs.requiredApprovals ?? config.requiredApprovals;
  const overridable = {
    users,
    teams,
    requiredApprovals,
    requiredApprovalsBreaking: Math.max(requiredApprovals, config.requiredApprovalsBreaking),
    allowCommitAuthors: config.allowCommitAuthors,
  };
  const policy: ApprovalPolicy = { ...overridable, approvalRequiredFor: config.approvalRequiredFor };
  const features = inputs.features ?? config.featureSets[0] ?? { mode: 'default', features: [] };
  const featureSets = inputs.features || config.featureSets.length === 0 ? [features] : config.featureSets;
  const botLogin = inputs.botLogin ?? config.botLogin;
  // the approval binds to the policy actually applied: config file and overriding inputs (the
  // review policy comes from the file alone, so the file's hash covers it)
  const hash = sha256(
    stableStringify({ config: configHash(config), policy: overridable, features, botLogin }),
  );
  return {
    config,
    policy,
    policyHash: hash,
    features,
    featureSets,
    findingsPolicy: config.findings,
    potentiallyBreakingBump: config.changes.potentiallyBreakingBump,
    // the deadline input overrides the file; it bounds the run, and is not part of the policy hash
    limits: inputs.deadlineSeconds
      ? { ...config.limits, deadlineSeconds: inputs.deadlineSeconds }
      : config.limits,
    botLogin,
  };
}

/** The API calls that read the configuration file from the default branch. */
export type ConfigClient = Pick<GitHubClient, 'getRepository' | 'getFile'>;

export async function resolveGateConfig(client: ConfigClient, inputs: GateInputs): Promise<GateConfig> {
  const repo = await client.getRepository();
  const text = await client.getFile(inputs.configPath, repo.defaultBranch);
  return effectiveConfig(loadConfig(text, inputs.configPath), inputs);
}
