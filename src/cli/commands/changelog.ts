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
 * `--version` is the global "print the tool's version" flag for the other commands, so this
 * command takes its argument vector before the shared parser sees it, lifts `--version X` and
 * `--date D` out, and hands the rest to `parseArgs`.
 */
import { analyseDiff } from '../../app/analyse-diff';
import { git } from '../../adapters/git';
import { renderChangelog } from '../../core/render/changelog';
import { TOOL_NAME } from '../../core/version';
import { DEFAULT_LIMITS } from '../../core/limits';
import { featureSelection, parseArgs, RunClock, runDeadline, stringFlag, UsageError } from '../arguments';
import type { CommandResult } from '../run';

export const CHANGELOG_USAGE_LINE =
  'changelog     --base REV [--head REV] [--root DIR] [feature flags] [--version X] [--date YYYY-MM-DD] [--deadline SECONDS]';

const ALLOWED = new Set([
  '--root',
  '--base',
  '--head',
  '--features',
  '--all-features',
  '--no-default-features',
  '--deadline',
]);
/** Options only this command takes (not known to the shared parser, or meaning something else there). */
const OWN = ['--version', '--date'] as const;

export interface ChangelogArgs {
  rest: string[];
  version?: string;
  date?: string;
}

/** Lifts `--version X`/`--version=X` and `--date D`/`--date=D` out of the arguments. */
export function liftOwnOptions(argv: string[]): ChangelogArgs {
  const rest: string[] = [];
  const own: Partial<Record<(typeof OWN)[number], string>> = {};
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const flag = OWN.find((f) => a === f || a.startsWith(`${f}=`));
    if (!flag) {
      rest.push(a);
      continue;
    }
    let value: string | undefined = a.length > flag.length ? a.slice(flag.length + 1) : argv[++i];
    if (value === undefined || value === '' || (a === flag && value.startsWith('--')))
      throw new UsageError(`${flag} needs a value`);
    value = value.trim();
    if (/\p{Cc}/u.test(value)) throw new UsageError(`${flag} must not contain control characters`);
    if (own[flag] !== undefined) throw new UsageError(`${flag} given twice`);
    own[flag] = value;
  }
  if (own['--date'] !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(own['--date']))
    throw new UsageError(`--date must be YYYY-MM-DD (got ${JSON.stringify(own['--date'])})`);
  return { rest, version: own['--version'], date: own['--date'] };
}

async function releaseDate(root: string, headSha: string | null): Promise<string> {
  if (headSha === null) return new Date().toISOString().slice(0, 10);
  const out = (await git(root, ['show', '-s', '--format=%cs', headSha])).trim();
  return /^\d{4}-\d{2}-\d{2}$/.test(out) ? out : new Date().toISOString().slice(0, 10);
}

/** Runs the command on its arguments (everything after `changelog`). */
export async function changelogCommand(argv: string[], run: RunClock): Promise<CommandResult> {
  const own = liftOwnOptions(argv);
  const args = parseArgs(['changelog', ...own.rest]);
  if (args.flags.has('--help'))
    return { stdout: `usage:\n  ${TOOL_NAME} ${CHANGELOG_USAGE_LINE}\n`, exitCode: 0 };
  for (const flag of args.flags.keys())
    if (!ALLOWED.has(flag)) throw new UsageError(`unknown option ${JSON.stringify(flag)} for changelog`);
  const base = stringFlag(args, '--base');
  if (!base) throw new UsageError('changelog needs --base REV');
  const root = stringFlag(args, '--root') ?? '.';
  const analysis = await analyseDiff({
    root,
    base,
    head: stringFlag(args, '--head'),
    features: featureSelection(args),
    useMergeBase: false,
    deadline: runDeadline(args, DEFAULT_LIMITS, run),
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
  return { stdout, exitCode: 0, error: warnings.length ? `warning: ${warnings.join('; ')}` : undefined };
}
