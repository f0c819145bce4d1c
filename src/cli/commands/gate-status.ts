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
  featureSelection,
  hasFeatureFlags,
  ParsedArgs,
  RunClock,
  runDeadline,
  stringFlag,
  UsageError,
} from '../arguments';
import { analysisSettings, readConfigFile } from '../../app/config-file';
import type { CommandResult } from '../run';

export async function gateStatusCommand(args: ParsedArgs, run: RunClock): Promise<CommandResult> {
  const base = stringFlag(args, '--base');
  if (!base) throw new UsageError('gate-status needs --base REV');
  const root = stringFlag(args, '--root') ?? '.';
  const settings = analysisSettings(await readConfigFile(root, stringFlag(args, '--config')));
  await checkRoot(root);
  const baseTip = await resolveCommit(root, base, '--base');
  const head = await resolveCommit(root, stringFlag(args, '--head') ?? 'HEAD', '--head');
  const sets = hasFeatureFlags(args) ? [featureSelection(args)] : settings.featureSets;
  const deltas = new LandingDeltas(
    {
      root,
      features: settings.features,
      featureSets: sets,
      scope: settings.scope,
      potentiallyBreakingBump: settings.potentiallyBreakingBump,
      limits: settings.limits,
      policyHash: '',
      deadline: runDeadline(args, settings.limits, run),
    },
    baseTip,
  );
  const landing = await deltas.landing(head, computeReportFindings(settings.findingsPolicy));
  const d =
    landing.kind === 'clean'
      ? decideWithoutApproval(landing.analysis.report)
      : conflictDecision(base.replace(/^(refs\/heads\/|refs\/remotes\/)?(origin\/)?/, ''));
  return { stdout: `status ${DEFAULT_STATUS_CONTEXT}: ${d.state} — ${d.description}\n`, exitCode: 0 };
}
