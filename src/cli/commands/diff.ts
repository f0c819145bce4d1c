/** `ffi-surface-guard diff`: what changed in the surface between two revisions, and what it needs. */
import { computeReportFindings } from '../../app/findings';
import { FAIL_ON, failsOn } from '../../core/fail-on';
import { FULL_REPORT, renderMarkdown } from '../../core/render/report-markdown';
import { renderText } from '../../core/render/report-text';
import { CLI_DOCS_URL, sarifOutput } from '../sarif';
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
  UsageError,
  rootOf,
} from '../arguments';
import { analysisSettings, readConfigFile } from '../../app/config-file';
import { BINARY_FLAG, crossCheck, readBinaries } from '../binary';
import { withBinaryOnly } from '../../core/artifact/binary-only';
import { analyseRevisions } from '../analyse-revisions';
import type { CommandResult } from '../run';

export const DIFF: CommandSpec<CommandResult> = {
  name: 'diff',
  summary: 'What changed in the exported surface between two revisions, and the semver bump it needs.',
  description:
    'BASE [HEAD] and BASE...HEAD compare HEAD with the merge base of BASE and HEAD, as a pull request does (the same as --base BASE --head HEAD); BASE..HEAD compares HEAD with BASE itself. HEAD defaults to the working tree; an empty side of a range is HEAD, as in git. A base missing from a shallow clone is fetched from origin when there is one.',
  positionals: [
    {
      name: 'BASE',
      description: 'The base revision, or a range BASE...HEAD (merge base) or BASE..HEAD (BASE itself).',
    },
    { name: 'HEAD', description: 'The head revision (default: the working tree).', optional: true },
  ],
  flags: {
    base: BASE_FLAG,
    head: HEAD_FLAG,
    root: ROOT_FLAG,
    ...FEATURE_FLAGS,
    format: {
      type: 'string',
      choices: ['json', 'markdown', 'text', 'sarif'],
      description: 'The output format (sarif: a SARIF 2.1.0 log for code scanning).',
      default: 'json',
    },
    comment: {
      type: 'boolean',
      description:
        "With --format markdown: the pull-request comment the Action would post, shortened to fit GitHub's 65,536-character limit (default: the full report).",
    },
    'fail-on': {
      type: 'string',
      choices: Object.keys(FAIL_ON),
      description: 'Exit with code 1 when the change is this severe (any: when there is a change at all).',
      default: 'never fail',
    },
    config: CONFIG_FLAG,
    binary: BINARY_FLAG,
    output: OUTPUT_FLAG,
    color: COLOR_FLAG,
    quiet: QUIET_FLAG,
    deadline: DEADLINE_FLAG,
  },
  examples: [
    { command: 'diff origin/main', description: 'The working tree against its merge base with origin/main.' },
    { command: 'diff v1.4.0..v1.5.0 --format text', description: 'Tag v1.5.0 against tag v1.4.0 itself.' },
    {
      command: 'diff --base main --head feature --fail-on breaking --format markdown --output report.md',
      description: 'A Markdown report in report.md; exit code 1 when the change is breaking.',
    },
    {
      command: 'diff origin/main --format markdown --comment',
      description: 'The pull-request comment the Action would post for this change (size-limited).',
    },
    {
      command: 'diff origin/main --format sarif --output ffi.sarif',
      description:
        'A SARIF 2.1.0 log for GitHub code scanning (upload it with github/codeql-action/upload-sarif).',
    },
  ],
  run: diffCommand,
};

export async function diffCommand(args: ParsedArgs, run: RunClock): Promise<CommandResult> {
  const format = formatFlag(args, ['json', 'markdown', 'text', 'sarif'], 'json');
  const comment = args.flags.has('--comment');
  if (comment && format !== 'markdown') throw new UsageError('--comment needs --format markdown');
  const { base, head, range } = revisions(args, 'both');
  const failOn = stringFlag(args, '--fail-on');
  if (failOn !== undefined && !(failOn in FAIL_ON))
    throw new UsageError(
      `--fail-on must be one of ${Object.keys(FAIL_ON).join(', ')} (got ${JSON.stringify(failOn)})`,
    );
  const root = rootOf(args);
  const settings = analysisSettings(await readConfigFile(root, stringFlag(args, '--config')));
  const sets = hasFeatureFlags(args) ? [featureSelection(args)] : settings.featureSets;
  const deadline = runDeadline(args, settings.limits, run);
  // read (and checked) before the analysis: a wrong --binary fails at once
  const artifacts = await readBinaries(args);
  const analysis = await analyseRevisions(args, {
    root,
    base,
    head,
    sets,
    settings,
    deadline,
    useMergeBase: range !== '..', // BASE..HEAD: HEAD against BASE itself
    findings: computeReportFindings(settings.findingsPolicy),
  });
  // the head's built libraries: binary-only exports shown, outside the bump and the delta digest
  const report = withBinaryOnly(analysis.report, analysis.base, crossCheck(analysis.head, artifacts));
  const out =
    format === 'json'
      ? JSON.stringify(report, null, 2) + '\n'
      : format === 'markdown'
        ? renderMarkdown(report, {
            docsUrl: CLI_DOCS_URL,
            ...(comment
              ? { fullReportName: 'the full report (the same command without --comment)' }
              : { maxChars: FULL_REPORT }),
          }) + '\n'
        : format === 'sarif'
          ? await sarifOutput(report, root)
          : renderText(report);
  const fails = failsOn(report, failOn);
  return {
    stdout: out,
    colorable: format === 'text' || format === 'markdown' ? format : undefined,
    warnings: analysis.warnings,
    exitCode: fails ? 1 : 0,
    error: fails
      ? `the surface change is ${failOn === 'any' ? 'non-empty' : `${failOn} or worse`} (--fail-on ${failOn})`
      : undefined,
  };
}
