/** `ffi-surface-guard diff`: what changed in the surface between two revisions, and what it needs. */
import { analyseFeatureSets } from '../../app/analyse-feature-sets';
import { computeReportFindings } from '../../app/findings';
import type { DiffReport, Severity } from '../../core/report';
import { renderMarkdown } from '../../core/render/report-markdown';
import { renderText } from '../../core/render/report-text';
import {
  featureSelection,
  formatFlag,
  hasFeatureFlags,
  ParsedArgs,
  RunClock,
  runDeadline,
  stringFlag,
  UsageError,
} from '../arguments';
import { analysisSettings, readConfigFile } from '../../app/config-file';
import type { CommandResult } from '../run';

const FAIL_ON: Record<string, Severity[] | 'any'> = {
  breaking: ['breaking'],
  'potentially-breaking': ['breaking', 'potentially-breaking'],
  any: 'any',
};

export function failsOn(report: DiffReport, failOn: string | undefined): boolean {
  if (!failOn) return false;
  const levels = FAIL_ON[failOn];
  if (levels === 'any') return report.changes.length > 0;
  return report.changes.some((c) => levels.includes(c.severity));
}

export async function diffCommand(args: ParsedArgs, run: RunClock): Promise<CommandResult> {
  const format = formatFlag(args, ['json', 'markdown', 'text'], 'json');
  const base = stringFlag(args, '--base');
  if (!base) throw new UsageError('diff needs --base REV');
  const failOn = stringFlag(args, '--fail-on');
  if (failOn !== undefined && !(failOn in FAIL_ON))
    throw new UsageError(
      `--fail-on must be one of ${Object.keys(FAIL_ON).join(', ')} (got ${JSON.stringify(failOn)})`,
    );
  const root = stringFlag(args, '--root') ?? '.';
  const settings = analysisSettings(await readConfigFile(root, stringFlag(args, '--config')));
  const analysis = await analyseFeatureSets(
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
  const { report } = analysis;
  const out =
    format === 'json'
      ? JSON.stringify(report, null, 2) + '\n'
      : format === 'markdown'
        ? renderMarkdown(report, {}) + '\n'
        : renderText(report);
  const fails = failsOn(report, failOn);
  return {
    stdout: out,
    exitCode: fails ? 1 : 0,
    error: fails
      ? `the surface change is ${failOn === 'any' ? 'non-empty' : `${failOn} or worse`} (--fail-on ${failOn})`
      : undefined,
  };
}
