/** Dispatches a command line to its command; turns user errors into exit code 2 with one line. */
import { GitError } from '../adapters/git';
import { ConfigError } from '../core/config';
import { Clock, DeadlineExceeded, SYSTEM_CLOCK } from '../core/deadline';
import { InputError } from '../adapters/open-tree';
import { TOOL_NAME, TOOL_VERSION } from '../core/version';
import { parseArgs, RunClock, UsageError } from './arguments';
import { changelogCommand } from './commands/changelog';
import { diffCommand } from './commands/diff';
import { extractCommand } from './commands/extract';
import { gateStatusCommand } from './commands/gate-status';
import { releaseCheckCommand } from './commands/release-check';

export interface CommandResult {
  stdout: string;
  exitCode: number;
  /** One line for stderr. */
  error?: string;
  /** Warnings for stderr, one line each. */
  warnings?: string[];
}

export const USAGE = `usage:
  ${TOOL_NAME} extract       [--root DIR] [--rev REV] [--features a,b | --all-features | --no-default-features] [--format json|text] [--deadline SECONDS]
  ${TOOL_NAME} diff          --base REV [--head REV] [--root DIR] [feature flags] [--format json|markdown|text] [--fail-on breaking|potentially-breaking|any] [--deadline SECONDS]
  ${TOOL_NAME} release-check --base REV [--head REV] [--root DIR] [--format json|text] [--deadline SECONDS]
  ${TOOL_NAME} gate-status   --base REV [--head REV] [--root DIR] [feature flags] [--deadline SECONDS]
  ${TOOL_NAME} changelog     --base REV [--head REV] [--root DIR] [feature flags] [--version X] [--date YYYY-MM-DD] [--deadline SECONDS]
`;

type Command = (args: ReturnType<typeof parseArgs>, run: RunClock) => Promise<CommandResult>;

export interface RunOptions {
  /** The clock the run's deadline is measured on (tests pass a fake one). */
  clock?: Clock;
}

const COMMANDS: Record<string, Command> = {
  extract: extractCommand,
  diff: diffCommand,
  'release-check': releaseCheckCommand,
  'gate-status': gateStatusCommand,
};

export async function run(argv: string[], options: RunOptions = {}): Promise<CommandResult> {
  const clock = options.clock ?? SYSTEM_CLOCK;
  const runClock: RunClock = { clock, started: clock.now() };
  if (argv.length === 0 || argv[0] === '--help' || argv[0] === 'help' || argv[0] === '-h')
    return { stdout: USAGE, exitCode: argv.length === 0 ? 2 : 0 };
  if (argv[0] === '--version') return { stdout: `${TOOL_NAME} ${TOOL_VERSION}\n`, exitCode: 0 };
  try {
    // changelog takes its own --version VALUE, so it parses its arguments itself
    if (argv[0] === 'changelog') return await changelogCommand(argv.slice(1), runClock);
    const args = parseArgs(argv);
    if (args.flags.has('--help')) return { stdout: USAGE, exitCode: 0 };
    const command = COMMANDS[args.command];
    if (!command)
      throw new UsageError(
        `unknown command ${JSON.stringify(args.command)}; expected one of ${[...Object.keys(COMMANDS), 'changelog'].join(', ')}`,
      );
    return await command(args, runClock);
  } catch (e) {
    if (
      e instanceof UsageError ||
      e instanceof InputError ||
      e instanceof GitError ||
      e instanceof ConfigError
    )
      return { stdout: '', exitCode: 2, error: e.message };
    // the run went past its deadline: one line naming what it was reading, never a result
    if (e instanceof DeadlineExceeded) return { stdout: '', exitCode: 2, error: `error: ${e.message}` };
    const msg = e instanceof Error ? e.message : String(e);
    return { stdout: '', exitCode: 2, error: `internal error: ${msg}` };
  }
}
