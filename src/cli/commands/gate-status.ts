/**
 * `ffi-surface-guard gate-status`: the commit status the Action would set, before approvals. Like
 * the Action it evaluates what lands: the delta from `--base` (the base branch's tip) to the merge
 * of `--head` (default HEAD; commits only) into it, as `git merge-tree` computes it; a conflicted
 * merge is `pending`. (`diff` keeps merge-base semantics, as `git diff A...B` does.)
 */
import { computeReportFindings } from '../../app/findings';
import { LandingDeltas } from '../../app/landing-deltas';
import { resolveCommit } from '../../adapters/git-revisions';
import { checkRoot } from '../../app/analyse-diff';
import {
  conflictDecision,
  DEFAULT_STATUS_CONTEXT,
  decideWithoutApproval,
} from '../../core/gate/decide-status';
import {
  BASE_FLAG,
  COLOR_FLAG,
  CommandSpec,
  CONFIG_FLAG,
  DEADLINE_FLAG,
  FEATURE_FLAGS,
  featureSelection,
  hasFeatureFlags,
  OUTPUT_FLAG,
  ParsedArgs,
  QUIET_FLAG,
  revisions,
  ROOT_FLAG,
  RunClock,
  runDeadline,
  stringFlag,
  rootOf,
} from '../arguments';
import { analysisSettings, readConfigFile } from '../../app/config-file';
import { checkFeatureNames } from '../feature-check';
import type { CommandResult } from '../run';

export const GATE_STATUS: CommandSpec<CommandResult> = {
  name: 'gate-status',
  summary: 'The commit status the Action would set for a pull request, before any approval.',
  description:
    "Evaluates what lands, as the Action does: the delta from BASE (the base branch's tip) to the merge of HEAD into it (git merge-tree); a conflicted merge is pending. HEAD must be a commit.",
  positionals: [
    { name: 'BASE', description: "The base branch's tip." },
    { name: 'HEAD', description: 'The pull request head commit (default: HEAD).', optional: true },
  ],
  flags: {
    base: BASE_FLAG,
    head: {
      ...BASE_FLAG,
      required: false,
      description: 'The head commit (or give it as the HEAD argument).',
      default: 'HEAD',
    },
    root: ROOT_FLAG,
    ...FEATURE_FLAGS,
    config: CONFIG_FLAG,
    output: OUTPUT_FLAG,
    color: COLOR_FLAG,
    quiet: QUIET_FLAG,
    deadline: DEADLINE_FLAG,
  },
  examples: [
    {
      command: 'gate-status origin/main',
      description: 'The status of the current branch merged into origin/main.',
    },
  ],
  run: gateStatusCommand,
};

export async function gateStatusCommand(args: ParsedArgs, run: RunClock): Promise<CommandResult> {
  const revs = revisions(args, 'none');
  const base = revs.base;
  const root = rootOf(args);
  const config = await readConfigFile(root, stringFlag(args, '--config'));
  const settings = analysisSettings(config);
  await checkRoot(root);
  const baseTip = await resolveCommit(root, base, '--base');
  const head = await resolveCommit(root, revs.head ?? 'HEAD', '--head');
  const sets = hasFeatureFlags(args) ? [featureSelection(args)] : settings.featureSets;
  const deadline = runDeadline(args, settings.limits, run);
  await checkFeatureNames(args, {
    root,
    revisions: [baseTip, head],
    sets,
    limits: settings.limits,
    scope: settings.scope,
    deadline,
  });
  const deltas = new LandingDeltas(
    {
      root,
      features: settings.features,
      featureSets: sets,
      scope: settings.scope,
      potentiallyBreakingBump: settings.potentiallyBreakingBump,
      limits: settings.limits,
      policyHash: '',
      deadline,
      consumers: settings.consumers,
    },
    baseTip,
  );
  const landing = await deltas.landing(head, computeReportFindings(settings.findingsPolicy));
  const d =
    landing.kind === 'clean'
      ? decideWithoutApproval(landing.analysis.report, config.approvalRequiredFor)
      : conflictDecision(base.replace(/^(refs\/heads\/|refs\/remotes\/)?(origin\/)?/, ''));
  return {
    stdout: `status ${DEFAULT_STATUS_CONTEXT}: ${d.state} — ${d.description}\n`,
    colorable: 'text',
    exitCode: 0,
  };
}
