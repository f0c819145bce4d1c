/**
 * `ffi-surface-guard changelog`: the surface change between two revisions as Keep a Changelog
 * Markdown (Breaking / Added / Changed / Removed per crate), ready to paste into release notes.
 *
 *     ffi-surface-guard changelog --base REV [--head REV] [--root DIR] [feature flags] [--version X] [--date YYYY-MM-DD]
 *
 * Compares `--base` itself with the head (no merge base: a release is compared with the previous
 * release, not with where their histories met). `--version` heads the block `## [X] - date`; the
 * date defaults to the head commit's date (today for the working tree).
 *
 * `--version X` here names the release (the global `ffi-surface-guard --version` prints the tool's
 * version); the declarations keep the two apart, since each command parses its own flags.
 */
import { analysisSettings, readConfigFile } from '../../app/config-file';
import { git } from '../../adapters/git';
import { renderChangelog } from '../../core/render/changelog';
import {
  BASE_FLAG,
  COLOR_FLAG,
  CommandSpec,
  CONFIG_FLAG,
  DEADLINE_FLAG,
  FEATURE_FLAGS,
  featureSelection,
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
import { analyseRevisions } from '../analyse-revisions';
import type { CommandResult } from '../run';

export const CHANGELOG: CommandSpec<CommandResult> = {
  name: 'changelog',
  summary: 'The surface change between two revisions as Keep a Changelog Markdown, for release notes.',
  description:
    "Compares HEAD with BASE itself (no merge base: a release against the previous release). With --version the block is headed `## [X] - date`, the date defaulting to the head commit's (today for the working tree).",
  positionals: [
    { name: 'BASE', description: 'The previous release, or a range BASE..HEAD.' },
    { name: 'HEAD', description: 'The new release (default: the working tree).', optional: true },
  ],
  flags: {
    base: BASE_FLAG,
    head: HEAD_FLAG,
    root: ROOT_FLAG,
    ...FEATURE_FLAGS,
    version: {
      type: 'string',
      value: 'X',
      once: true,
      description: "The release the block is headed with (not the tool's version).",
      default: "the head's crate version, without a date",
    },
    date: {
      type: 'string',
      value: 'YYYY-MM-DD',
      once: true,
      description: 'The release date in the heading.',
      default: "the head commit's date (today for the working tree), with --version",
    },
    config: CONFIG_FLAG,
    output: OUTPUT_FLAG,
    color: COLOR_FLAG,
    quiet: QUIET_FLAG,
    deadline: DEADLINE_FLAG,
  },
  examples: [
    {
      command: 'changelog v1.4.0..v1.5.0 --version 1.5.0',
      description: 'The surface changes of release 1.5.0, dated by its commit.',
    },
    {
      command: 'changelog v1.5.0 --output CHANGES.md',
      description: 'What the working tree changes since v1.5.0.',
    },
  ],
  run: changelogCommand,
};

/** `--version`/`--date` values: trimmed, non-empty, no control characters; the date as YYYY-MM-DD. */
export function ownValues(args: ParsedArgs): { version?: string; date?: string } {
  const out: { version?: string; date?: string } = {};
  for (const key of ['version', 'date'] as const) {
    const raw = stringFlag(args, `--${key}`);
    if (raw === undefined) continue;
    const value = raw.trim();
    if (value === '') throw new UsageError(`--${key} needs a value`);
    if (/\p{Cc}/u.test(value)) throw new UsageError(`--${key} must not contain control characters`);
    out[key] = value;
  }
  if (out.date !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(out.date))
    throw new UsageError(`--date must be YYYY-MM-DD (got ${JSON.stringify(out.date)})`);
  return out;
}

async function releaseDate(root: string, headSha: string | null): Promise<string> {
  if (headSha === null) return new Date().toISOString().slice(0, 10);
  const out = (await git(root, ['show', '-s', '--format=%cs', headSha])).trim();
  return /^\d{4}-\d{2}-\d{2}$/.test(out) ? out : new Date().toISOString().slice(0, 10);
}

/** Runs the command. */
export async function changelogCommand(args: ParsedArgs, run: RunClock): Promise<CommandResult> {
  const own = ownValues(args);
  const { base, head } = revisions(args, 'two-dot');
  const root = rootOf(args);
  const settings = analysisSettings(await readConfigFile(root, stringFlag(args, '--config')));
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
  const date =
    own.date ?? (own.version !== undefined ? await releaseDate(root, analysis.headSha) : undefined);
  const stdout = renderChangelog(analysis.report, { version: own.version, date });
  const errors = analysis.report.diagnostics.filter((d) => d.level === 'error').length;
  const warnings = [
    ...analysis.warnings,
    ...(errors
      ? [`${errors} ${errors === 1 ? 'error' : 'errors'} during analysis: the changelog may be incomplete`]
      : []),
  ];
  return { stdout, colorable: 'markdown', exitCode: 0, warnings };
}
