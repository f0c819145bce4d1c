/** `ffi-surface-guard release-check`: does each crate's version bump cover its surface change? */
import { analyseFeatureSets } from '../../app/analyse-feature-sets';
import { checkCrate, CrateVerdict } from '../../core/release-check';
import { printable } from '../../core/render/surface-text';
import { sarifOutput } from '../sarif';
import {
  BASE_FLAG,
  COLOR_FLAG,
  CommandSpec,
  CONFIG_FLAG,
  DEADLINE_FLAG,
  FEATURE_FLAGS,
  featureSelection,
  formatFlag,
  hasFeatureFlags,
  HEAD_FLAG,
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

export const RELEASE_CHECK: CommandSpec<CommandResult> = {
  name: 'release-check',
  summary: "Does each crate's version bump cover its surface change? Exit code 1 when not.",
  description:
    "Compares HEAD with BASE itself (no merge base: a release against the previous release) and maps the change onto each crate's versions with Cargo's rules.",
  positionals: [
    { name: 'BASE', description: 'The previous release, or a range BASE..HEAD.' },
    { name: 'HEAD', description: 'The release candidate (default: the working tree).', optional: true },
  ],
  flags: {
    base: BASE_FLAG,
    head: HEAD_FLAG,
    root: ROOT_FLAG,
    ...FEATURE_FLAGS,
    format: {
      type: 'string',
      choices: ['json', 'text', 'sarif'],
      description:
        'The output format (sarif: the changes as a SARIF 2.1.0 log; the exit code still says whether the bump covers them).',
      default: 'text',
    },
    config: CONFIG_FLAG,
    output: OUTPUT_FLAG,
    color: COLOR_FLAG,
    quiet: QUIET_FLAG,
    deadline: DEADLINE_FLAG,
  },
  examples: [
    { command: 'release-check v1.4.0', description: 'The working tree against the v1.4.0 release.' },
    {
      command: 'release-check v1.4.0..v1.5.0 --format json',
      description: 'Tag v1.5.0 against v1.4.0, as JSON.',
    },
  ],
  run: releaseCheckCommand,
};

export function renderVerdictsText(verdicts: CrateVerdict[]): string {
  const lines = verdicts.map(
    (v) =>
      `${v.covered ? 'ok  ' : 'FAIL'} ${printable(v.name)}: ${printable(v.baseVersion ?? '-')} → ${printable(v.headVersion ?? '-')}; requires ${v.requiredBump}, is ${v.actualBump} (${printable(v.reason)})`,
  );
  return lines.join('\n') + '\n';
}

export async function releaseCheckCommand(args: ParsedArgs, run: RunClock): Promise<CommandResult> {
  const format = formatFlag(args, ['json', 'text', 'sarif'], 'text');
  const { base, head } = revisions(args, 'two-dot');
  const root = rootOf(args);
  const settings = analysisSettings(await readConfigFile(root, stringFlag(args, '--config')));
  const sets = hasFeatureFlags(args) ? [featureSelection(args)] : settings.featureSets;
  const deadline = runDeadline(args, settings.limits, run);
  await checkFeatureNames(args, {
    root,
    revisions: [base, head],
    sets,
    limits: settings.limits,
    scope: settings.scope,
    deadline,
  });
  const analysis = await analyseFeatureSets(
    {
      root,
      base,
      head,
      features: settings.features,
      useMergeBase: false,
      scope: settings.scope,
      potentiallyBreakingBump: settings.potentiallyBreakingBump,
      limits: settings.limits,
      deadline,
    },
    sets,
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
      : format === 'sarif'
        ? await sarifOutput(report, root)
        : renderVerdictsText(verdicts);
  const failed = verdicts.filter((v) => !v.covered);
  return {
    stdout: out,
    colorable: format === 'text' ? 'text' : undefined,
    warnings: analysis.warnings,
    exitCode: ok ? 0 : 1,
    error: ok
      ? undefined
      : `version bump does not cover the surface change: ${failed.map((v) => `${printable(v.name)} needs ${v.requiredBump}, got ${v.actualBump}`).join('; ')}`,
  };
}
