/** `ffi-surface-guard release-check`: does each crate's version bump cover its surface change? */
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
import { ALLOW_FLAG, BINARY_FLAG, crossCheck, readAllowFiles, readBinaries } from '../binary';
import { AllowVerdict, judgeBinaryOnly } from '../../core/artifact/allow';
import { binaryOnlyExports, withBinaryOnly } from '../../core/artifact/binary-only';
import { analyseRevisions } from '../analyse-revisions';
import type { CommandResult } from '../run';

export const RELEASE_CHECK: CommandSpec<CommandResult> = {
  name: 'release-check',
  summary: "Does each crate's version bump cover its surface change? Exit code 1 when not.",
  description:
    "Compares HEAD with BASE itself (no merge base: a release against the previous release) and maps the change onto each crate's versions with Cargo's rules. With --binary, the release's built libraries are trusted (the code is merged): each symbol they export that no source surface explains fails the check unless the configuration's binary-exports.allow or an --allow file lists it.",
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
    binary: BINARY_FLAG,
    allow: ALLOW_FLAG,
    config: CONFIG_FLAG,
    output: OUTPUT_FLAG,
    color: COLOR_FLAG,
    quiet: QUIET_FLAG,
    deadline: DEADLINE_FLAG,
  },
  examples: [
    { command: 'release-check v1.4.0', description: 'The working tree against the v1.4.0 release.' },
    {
      command: 'release-check v1.4.0..v1.5.0 --binary libdemo.so --binary libdemo.a',
      description: 'Also fails on a symbol the libraries export that neither source nor allow list explains.',
    },
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

function binaryJson(b: AllowVerdict) {
  return {
    crate: b.crate,
    symbol: b.entry.symbol,
    kind: b.entry.kind,
    artifacts: b.entry.artifacts,
    allowed: b.allowedBy !== null,
    ...(b.allowedBy ? { allowedBy: b.allowedBy } : {}),
  };
}

/** One line per binary-only export: FAIL unless an allow entry covers it (and then its reason). */
export function renderBinaryVerdictsText(binary: AllowVerdict[]): string {
  if (!binary.length) return 'ok   built libraries: no binary-only export\n';
  return (
    binary
      .map((b) =>
        b.allowedBy
          ? `ok   ${printable(b.crate)}: binary-only export ${printable(b.entry.symbol)} in ${b.entry.artifacts.map(printable).join(', ')} allowed by ${printable(b.allowedBy.name)} (${printable(b.allowedBy.reason)})`
          : `FAIL ${printable(b.crate)}: binary-only export ${printable(b.entry.symbol)} in ${b.entry.artifacts.map(printable).join(', ')}: no source surface explains it and binary-exports.allow does not list it`,
      )
      .join('\n') + '\n'
  );
}

export async function releaseCheckCommand(args: ParsedArgs, run: RunClock): Promise<CommandResult> {
  const format = formatFlag(args, ['json', 'text', 'sarif'], 'text');
  const { base, head } = revisions(args, 'two-dot');
  const root = rootOf(args);
  const config = await readConfigFile(root, stringFlag(args, '--config'));
  const settings = analysisSettings(config);
  // read (and checked) before the analysis: a wrong --binary or --allow fails at once
  const artifacts = await readBinaries(args);
  const allow = [...config.binaryExports.allow, ...(await readAllowFiles(args))];
  const sets = hasFeatureFlags(args) ? [featureSelection(args)] : settings.featureSets;
  const deadline = runDeadline(args, settings.limits, run);
  const analysis = await analyseRevisions(args, {
    root,
    base,
    head,
    sets,
    settings,
    deadline,
    useMergeBase: false,
  });
  const checked = crossCheck(analysis.head, artifacts);
  const report = withBinaryOnly(analysis.report, analysis.base, checked);
  const binary = judgeBinaryOnly(binaryOnlyExports(checked), allow);
  const unexplained = binary.filter((b) => b.allowedBy === null);
  const verdicts = report.crates.map((c) =>
    checkCrate(
      c.name,
      c.baseVersion,
      c.headVersion,
      // the bump covers the source surface; binary-only exports are judged by the allow list
      analysis.report.changes.filter((ch) => ch.crate === c.name),
      { potentiallyBreakingBump: settings.potentiallyBreakingBump },
    ),
  );
  const bumpOk = verdicts.every((v) => v.covered);
  const ok = bumpOk && unexplained.length === 0;
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
            ...(artifacts.length ? { binaryOnly: binary.map(binaryJson) } : {}),
            diagnostics: report.diagnostics,
          },
          null,
          2,
        ) + '\n'
      : format === 'sarif'
        ? await sarifOutput(report, root)
        : renderVerdictsText(verdicts) + (artifacts.length ? renderBinaryVerdictsText(binary) : '');
  const failed = verdicts.filter((v) => !v.covered);
  const errors = [
    bumpOk
      ? ''
      : `version bump does not cover the surface change: ${failed.map((v) => `${printable(v.name)} needs ${v.requiredBump}, got ${v.actualBump}`).join('; ')}`,
    unexplained.length
      ? `the built libraries export ${unexplained.length} symbol(s) neither the source surface nor binary-exports.allow explains: ${unexplained
          .slice(0, 20)
          .map((b) => `${printable(b.entry.symbol)} (${printable(b.crate)})`)
          .join(', ')}${unexplained.length > 20 ? ', …' : ''}`
      : '',
  ].filter((e) => e !== '');
  return {
    stdout: out,
    colorable: format === 'text' ? 'text' : undefined,
    warnings: analysis.warnings,
    exitCode: ok ? 0 : 1,
    error: ok ? undefined : errors.join('; '),
  };
}
