/** `ffi-surface-guard release-check`: does each crate's version bump cover its surface change? */
import { analyseFeatureSets } from '../../app/analyse-feature-sets';
import { checkCrate, CrateVerdict } from '../../core/release-check';
import { printable } from '../../core/render/surface-text';
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

export function renderVerdictsText(verdicts: CrateVerdict[]): string {
  const lines = verdicts.map(
    (v) =>
      `${v.covered ? 'ok  ' : 'FAIL'} ${printable(v.name)}: ${printable(v.baseVersion ?? '-')} → ${printable(v.headVersion ?? '-')}; requires ${v.requiredBump}, is ${v.actualBump} (${printable(v.reason)})`,
  );
  return lines.join('\n') + '\n';
}

export async function releaseCheckCommand(args: ParsedArgs, run: RunClock): Promise<CommandResult> {
  const format = formatFlag(args, ['json', 'text'], 'text');
  const base = stringFlag(args, '--base');
  if (!base) throw new UsageError('release-check needs --base REV');
  const root = stringFlag(args, '--root') ?? '.';
  const settings = analysisSettings(await readConfigFile(root, stringFlag(args, '--config')));
  const analysis = await analyseFeatureSets(
    {
      root,
      base,
      head: stringFlag(args, '--head'),
      features: settings.features,
      useMergeBase: false,
      scope: settings.scope,
      potentiallyBreakingBump: settings.potentiallyBreakingBump,
      limits: settings.limits,
      deadline: runDeadline(args, settings.limits, run),
    },
    hasFeatureFlags(args) ? [featureSelection(args)] : settings.featureSets,
  );
  const { report } = analysis;
  const verdicts = report.crates.map((c) =>
    checkCrate(
      c.name,
      c.baseVersion,
      c.headVersion,
      report.changes.filter((ch) => ch.crate === c.name),
      { potentiallyBreakingBump: settings.potentiallyBreakingBump },
    ),
  );
  const ok = verdicts.every((v) => v.covered);
  const out =
    format === 'json'
      ? JSON.stringify(
          {
            schemaVersion: 1,
            base: report.base,
            head: report.head,
            ok,
            requiredBump: report.requiredBump,
            crates: verdicts,
            diagnostics: report.diagnostics,
          },
          null,
          2,
        ) + '\n'
      : renderVerdictsText(verdicts);
  const failed = verdicts.filter((v) => !v.covered);
  return {
    stdout: out,
    exitCode: ok ? 0 : 1,
    error: ok
      ? undefined
      : `version bump does not cover the surface change: ${failed.map((v) => `${printable(v.name)} needs ${v.requiredBump}, got ${v.actualBump}`).join('; ')}`,
  };
}
