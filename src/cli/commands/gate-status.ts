/** `ffi-surface-guard gate-status`: the commit status the Action would set for a diff, before approvals. */
import { analyseDiff } from '../../app/analyse-diff';
import { computeReportFindings } from '../../app/findings';
import { DEFAULT_STATUS_CONTEXT, decideWithoutApproval } from '../../core/gate/decide-status';
import { featureSelection, ParsedArgs, stringFlag, UsageError } from '../arguments';
import type { CommandResult } from '../run';

export async function gateStatusCommand(args: ParsedArgs): Promise<CommandResult> {
  const base = stringFlag(args, '--base');
  if (!base) throw new UsageError('gate-status needs --base REV');
  const { report } = await analyseDiff({
    root: stringFlag(args, '--root') ?? '.',
    base,
    head: stringFlag(args, '--head'),
    features: featureSelection(args),
    findings: computeReportFindings(),
  });
  const d = decideWithoutApproval(report);
  return { stdout: `status ${DEFAULT_STATUS_CONTEXT}: ${d.state} — ${d.description}\n`, exitCode: 0 };
}
