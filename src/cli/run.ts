/** Dispatches a command line to its command; turns user errors into exit code 2 with one line. */
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { GitError } from '../adapters/git';
import { ConfigError } from '../core/config';
import { Clock, DeadlineExceeded, SYSTEM_CLOCK } from '../core/deadline';
import { InputError } from '../adapters/open-tree';
import { TOOL_NAME, TOOL_VERSION } from '../core/version';
import {
  commandHelp,
  CommandSpec,
  findCommand,
  globalUsage,
  parseCommandLine,
  RunClock,
  stringFlag,
  UsageError,
} from './arguments';
import { CHANGELOG } from './commands/changelog';
import { DIFF } from './commands/diff';
import { EXPLAIN } from './commands/explain';
import { EXTRACT } from './commands/extract';
import { GATE_STATUS } from './commands/gate-status';
import { RELEASE_CHECK } from './commands/release-check';

export interface CommandResult {
  stdout: string;
  exitCode: number;
  /** One line for stderr. */
  error?: string;
  /** Warnings for stderr, one line each. */
  warnings?: string[];
}

const VERSION_LINE = `${TOOL_NAME} ${TOOL_VERSION}\n`;

export const VERSION: CommandSpec<CommandResult> = {
  name: 'version',
  summary: `Print ${TOOL_NAME}'s version (the same as --version).`,
  positionals: [],
  flags: {},
  examples: [{ command: 'version', description: `Prints "${TOOL_NAME} X.Y.Z".` }],
  run: () => Promise.resolve({ stdout: VERSION_LINE, exitCode: 0 }),
};

/** Every command, in the order the usage lists them. */
export const COMMANDS: readonly CommandSpec<CommandResult>[] = [
  EXTRACT,
  DIFF,
  RELEASE_CHECK,
  GATE_STATUS,
  CHANGELOG,
  EXPLAIN,
  VERSION,
];

/** The global usage (`--help`, or no arguments), generated from the command declarations. */
export const USAGE = globalUsage(COMMANDS);

export interface RunOptions {
  /** The clock the run's deadline is measured on (tests pass a fake one). */
  clock?: Clock;
}

/** `--output FILE`: the report goes to FILE (parent directories created), stdout stays empty. */
async function writeOutput(file: string, text: string): Promise<void> {
  try {
    await fs.mkdir(path.dirname(path.resolve(file)), { recursive: true });
    await fs.writeFile(file, text);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new UsageError(`--output ${file} cannot be written${code ? ` (${code})` : ''}`);
  }
}

export async function run(argv: string[], options: RunOptions = {}): Promise<CommandResult> {
  const clock = options.clock ?? SYSTEM_CLOCK;
  const runClock: RunClock = { clock, started: clock.now() };
  if (argv.length === 0 || argv[0] === '--help' || argv[0] === '-h')
    return { stdout: USAGE, exitCode: argv.length === 0 ? 2 : 0 };
  if (argv[0] === '--version') return { stdout: VERSION_LINE, exitCode: 0 };
  try {
    if (argv[0] === 'help') {
      // `help` alone, or `help COMMAND`
      if (argv.length === 1 || argv[1] === '-h' || argv[1] === '--help')
        return { stdout: USAGE, exitCode: 0 };
      if (argv.length > 2) throw new UsageError('help takes one command name');
      return { stdout: commandHelp(findCommand(argv[1], COMMANDS)), exitCode: 0 };
    }
    const spec = findCommand(argv[0], COMMANDS);
    const args = parseCommandLine(spec, argv.slice(1), COMMANDS);
    if (args.flags.has('--help')) return { stdout: commandHelp(spec), exitCode: 0 };
    const result = await spec.run(args, runClock);
    const output = stringFlag(args, '--output');
    if (output !== undefined && output !== '-' && (result.stdout || result.exitCode !== 2)) {
      await writeOutput(output, result.stdout);
      return { ...result, stdout: '' };
    }
    return result;
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
