/** Dispatches a command line to its command; turns user errors into exit code 2 with one line. */
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { GitError } from '../adapters/git';
import { ConfigError } from '../core/config/errors';
import { Clock, DeadlineExceeded, SYSTEM_CLOCK } from '../core/deadline';
import { InputError } from '../adapters/open-tree';
import { TOOL_NAME, TOOL_VERSION } from '../core/version';
import { ColorChoice, colorize, Terminal, useColor } from './color';
import {
  commandHelp,
  CommandSpec,
  findCommand,
  globalUsage,
  ParsedArgs,
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
  /** Warnings for stderr, one line each (none with --quiet). */
  warnings?: string[];
  /** stdout is a text or Markdown report: coloured on a terminal (never JSON or SARIF). */
  colorable?: 'text' | 'markdown';
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
  /** Where standard output goes, for `--color auto` (default: not a terminal, no environment). */
  terminal?: Terminal;
}

/** `--color` and `--quiet` applied to a command's result: what the shell prints. Pure. */
export function presentResult(result: CommandResult, args: ParsedArgs, terminal: Terminal): CommandResult {
  const choice = (stringFlag(args, '--color') ?? 'auto') as ColorChoice;
  const { colorable, warnings, ...rest } = result;
  const out: CommandResult = rest;
  if (warnings?.length && !args.flags.has('--quiet')) out.warnings = warnings;
  if (colorable && out.stdout && useColor(choice, terminal)) out.stdout = colorize(out.stdout, colorable);
  return out;
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

/** `-h`/`--help` before any `--`. */
function helpAsked(argv: string[]): boolean {
  const end = argv.indexOf('--');
  return (end < 0 ? argv : argv.slice(0, end)).some((a) => a === '-h' || a === '--help');
}

export async function run(argv: string[], options: RunOptions = {}): Promise<CommandResult> {
  const clock = options.clock ?? SYSTEM_CLOCK;
  const terminal = options.terminal ?? { stdoutIsTTY: false, env: {} };
  const runClock: RunClock = { clock, started: clock.now() };
  if (argv.length === 0 || argv[0] === '--help' || argv[0] === '-h')
    return { stdout: USAGE, exitCode: argv.length === 0 ? 2 : 0 };
  if (argv[0] === '--version') return { stdout: VERSION_LINE, exitCode: 0 };
  // options before the command (`--root X --help`, `--root X diff -h`): the help asked for, the
  // command's when one is named, else the global usage
  if (argv[0].startsWith('-') && helpAsked(argv)) {
    const named = COMMANDS.find((c) => argv.includes(c.name));
    return { stdout: named ? commandHelp(named) : USAGE, exitCode: 0 };
  }
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
      // a file is never coloured
      await writeOutput(output, result.stdout);
      return presentResult({ ...result, stdout: '' }, args, terminal);
    }
    return presentResult(result, args, terminal);
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
