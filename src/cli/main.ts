/**
 * The `ffi-surface-guard` executable.
 *
 * Start-up is part of every command's time, so this entry loads nothing it does not need: the
 * version is answered from `../core/version` alone, and every other command line loads the
 * commands (`./run`) with a dynamic `import()`. The build (scripts/build.mjs) bundles `./run` as a
 * second CommonJS file, `dist/cli-run.js`, that this one requires only then: `--version` neither
 * reads the 2 MB of commands nor evaluates tree-sitter, zod or yaml.
 */
import { readdirSync } from 'node:fs';
import * as path from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { Worker } from 'node:worker_threads';
import { TOOL_NAME, TOOL_VERSION } from '../core/version';
import type { CommandResult, RunOptions } from './run';

// `ffi-surface-guard diff … | head`: the reader went away; nothing is wrong, end quietly
for (const stream of [process.stdout, process.stderr])
  stream.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(0);
    throw e;
  });

/** The command lines answered without loading the commands (the same line `run` prints). */
function fastAnswer(argv: readonly string[]): string | null {
  if (argv.length === 1 && (argv[0] === '--version' || argv[0] === 'version'))
    return `${TOOL_NAME} ${TOOL_VERSION}\n`;
  return null;
}

/**
 * The commands' file (dist/cli-run.js beside this bundle: this entry only ever runs as
 * dist/cli.js; scripts/build.mjs makes `import('./run')` that file).
 */
const RUN_BUNDLE = path.join(__dirname, 'cli-run.js');

/** What the worker evaluates: `run` from the commands' file, its result posted back. */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
require(workerData.bundle)
  .run(workerData.argv, workerData.options)
  .then((r) => parentPort.postMessage(r));
`;

/**
 * Young generation of the worker's heap, in MB. Peak memory (issue 19): V8's default young
 * generation (3 × a 16 MB semi-space) is mostly garbage at the peak; 8 MB cut the peak at 100,000
 * files by ~25 MB at about the same speed, and 4 MB by ~6 MB more with `--rev` (nine alternating
 * pairs: 182–194 against 187–205 MB, the same times within the noise; the work tree's peak did not
 * move). Only a new thread's heap can be sized at run time (`--max-semi-space-size` after start-up
 * has no effect), hence the worker.
 */
const YOUNG_GENERATION_MB = 4;

/**
 * Trees with at least this many directory entries run in the worker: below, starting a thread
 * (~35 ms) and compiling Node's own modules again in it (~60 ms) cost more than a smaller young
 * generation saves.
 */
const WORKER_MIN_ENTRIES = 20_000;

/** Directories the engine does not read either. */
const UNREAD_DIRS = new Set(['.git', 'target', 'node_modules']);

/**
 * Where the command reads, as far as the choice of thread needs it: `--root`'s value, else the
 * current directory. A hint only: no result depends on the thread a command runs in (the commands
 * parse their arguments themselves).
 */
function rootHint(argv: readonly string[]): string {
  for (let i = 0; i < argv.length && argv[i] !== '--'; i++) {
    if (argv[i] === '--root' && i + 1 < argv.length) return argv[i + 1];
    if (argv[i].startsWith('--root=')) return argv[i].slice('--root='.length);
  }
  return '.';
}

/** `dir` holds at least `n` entries (a walk that stops there; links are not followed). */
function atLeastEntries(dir: string, n: number): boolean {
  const stack = [dir];
  let seen = 0;
  while (stack.length) {
    const d = stack.pop() as string;
    let entries;
    try {
      entries = readdirSync(d, { withFileTypes: true });
    } catch {
      continue;
    }
    seen += entries.length;
    if (seen >= n) return true;
    for (const e of entries)
      if (e.isDirectory() && !UNREAD_DIRS.has(e.name)) stack.push(path.join(d, e.name));
  }
  return false;
}

/**
 * Runs the command in a worker thread whose heap is sized for this workload (see above); the
 * result comes back whole (its output is a string either way). An error thrown by a command
 * rejects, as the direct call did.
 */
function runInWorker(argv: string[], options: RunOptions): Promise<CommandResult> {
  return new Promise((resolve, reject) => {
    let result: CommandResult | null = null;
    const worker = new Worker(WORKER_SOURCE, {
      eval: true,
      workerData: { bundle: RUN_BUNDLE, argv, options },
      resourceLimits: { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB },
    });
    worker.once('message', (r: CommandResult) => (result = r));
    worker.once('error', reject);
    worker.once('exit', (code) =>
      result
        ? resolve(result)
        : reject(new Error(`the command's thread ended (exit code ${code}) without a result`)),
    );
  });
}

async function main(argv: string[]): Promise<void> {
  const fast = fastAnswer(argv);
  if (fast !== null) {
    process.stdout.write(fast);
    return;
  }
  // Peak memory (issue 19): V8 lets the old generation grow far past what is live (30–68 MB live
  // after each full collection at 100,000 files); growing it by 30 % instead of V8's default factor,
  // with the worker's small young generation below, keeps the peak near 200 MB there at about the
  // same speed (the bench's RSS measure; /usr/bin/time). A GC heuristic: no result depends on it.
  // Flags are process-wide and read by the worker's heap, created after this line.
  setFlagsFromString('--heap-growing-percent=30');
  const options: RunOptions = {
    terminal: { stdoutIsTTY: process.stdout.isTTY === true, env: process.env },
  };
  const r = atLeastEntries(rootHint(argv), WORKER_MIN_ENTRIES)
    ? await runInWorker(argv, options)
    : await (await import('./run')).run(argv, options);
  if (r.stdout) process.stdout.write(r.stdout);
  for (const w of r.warnings ?? []) process.stderr.write(`${TOOL_NAME}: warning: ${w.split('\n')[0]}\n`);
  if (r.error) process.stderr.write(`${TOOL_NAME}: ${r.error.split('\n')[0]}\n`);
  process.exitCode = r.exitCode;
}

main(process.argv.slice(2)).catch((e: unknown) => {
  process.stderr.write(`${TOOL_NAME}: internal error: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exitCode = 2;
});
