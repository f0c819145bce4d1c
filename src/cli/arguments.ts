/** Command-line parsing: strict, with one clear message for anything unknown. */
import { Clock, Deadline, MAX_DEADLINE_SECONDS } from '../core/deadline';
import type { Limits } from '../core/limits';
import type { FeatureSelection } from '../core/model';

export class UsageError extends Error {}

export interface ParsedArgs {
  command: string;
  flags: Map<string, string | true>;
}

const VALUE_FLAGS = new Set([
  '--root',
  '--rev',
  '--base',
  '--head',
  '--features',
  '--format',
  '--fail-on',
  '--config',
  '--output',
  '--deadline',
]);
const BOOL_FLAGS = new Set(['--all-features', '--no-default-features', '--findings', '--help', '--version']);

export function parseArgs(argv: string[]): ParsedArgs {
  const [command, ...rest] = argv;
  const flags = new Map<string, string | true>();
  for (let i = 0; i < rest.length; i++) {
    let a = rest[i];
    let value: string | undefined;
    const eq = a.indexOf('=');
    if (a.startsWith('--') && eq > 0) {
      value = a.slice(eq + 1);
      a = a.slice(0, eq);
    }
    if (VALUE_FLAGS.has(a)) {
      if (value === undefined) {
        value = rest[++i];
        if (value === undefined) throw new UsageError(`${a} needs a value`);
      }
      flags.set(a, value);
    } else if (BOOL_FLAGS.has(a) && value === undefined) {
      flags.set(a, true);
    } else {
      throw new UsageError(`unknown option ${JSON.stringify(rest[i])} for ${command ?? 'ffi-surface-guard'}`);
    }
  }
  return { command: command ?? '', flags };
}

export function stringFlag(args: ParsedArgs, name: string): string | undefined {
  const v = args.flags.get(name);
  return typeof v === 'string' ? v : undefined;
}

export function featureSelection(args: ParsedArgs): FeatureSelection {
  const list = (stringFlag(args, '--features') ?? '')
    .split(/[ ,]+/)
    .map((s) => s.trim())
    .filter(Boolean);
  const all = args.flags.has('--all-features');
  const none = args.flags.has('--no-default-features');
  if (all && none) throw new UsageError('--all-features and --no-default-features cannot be used together');
  if (all) return { mode: 'all' };
  return none ? { mode: 'none', features: list } : { mode: 'default', features: list };
}

export function formatFlag(args: ParsedArgs, allowed: string[], fallback: string): string {
  const f = stringFlag(args, '--format') ?? fallback;
  if (!allowed.includes(f))
    throw new UsageError(`--format must be one of ${allowed.join(', ')} (got ${JSON.stringify(f)})`);
  return f;
}

/** The command line names a feature selection (else the config file's applies). */
export function hasFeatureFlags(args: ParsedArgs): boolean {
  return (
    args.flags.has('--features') ||
    args.flags.has('--all-features') ||
    args.flags.has('--no-default-features')
  );
}

/** `--deadline SECONDS`: a whole number from 1 to 21600 (a runner's six hours), or undefined. */
export function deadlineFlag(args: ParsedArgs): number | undefined {
  const v = stringFlag(args, '--deadline');
  if (v === undefined) return undefined;
  if (!/^\d{1,6}$/.test(v) || Number(v) < 1 || Number(v) > MAX_DEADLINE_SECONDS)
    throw new UsageError(
      `--deadline must be a whole number of seconds from 1 to ${MAX_DEADLINE_SECONDS} (got ${JSON.stringify(v)})`,
    );
  return Number(v);
}

/** What a command knows of the run it is part of: the clock, and when the run started on it. */
export interface RunClock {
  clock: Clock;
  started: number;
}

/** The run's deadline: `--deadline`, else the configuration's `limits.deadline-seconds`. */
export function runDeadline(
  args: ParsedArgs,
  limits: Pick<Limits, 'deadlineSeconds'>,
  run: RunClock,
): Deadline {
  return new Deadline(deadlineFlag(args) ?? limits.deadlineSeconds, run.clock, run.started);
}
