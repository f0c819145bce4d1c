/** `ffi-surface-guard gate-status`: the commit status the Action would set for a diff, before approvals. */
import { analyseFeatureSets } from '../../app/analyse-feature-sets';
import { computeReportFindings } from '../../app/findings';
import { DEFAULT_STATUS_CONTEXT, decideWithoutApproval } from '../../core/gate/decide-status';
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
  const { report } = await analyseFeatureSets(
    {
      root,
      base,
      head: stringFlag(args, '--head'),
      features: settings.features,
      findings: computeReportFindings(settings.findingsPolicy),
      scope: settings.scope,
      potentiallyBreakingBump: settings.potentiallyBreakingBump,
      limits: settings.limits,
      deadline: runDeadline(args, settings.limits, run),
    },
    hasFeatureFlags(args) ? [featureSelection(args)] : settings.featureSets,
  );
  const d = decideWithoutApproval(report);
  return { stdout: `status ${DEFAULT_STATUS_CONTEXT}: ${d.state} — ${d.description}\n`, exitCode: 0 };
}
