/**
 * The `ffi-surface-guard` executable.
 *
 * Start-up is part of every command's time, so this entry loads nothing it does not need: the
 * version is answered from `../core/version` alone, and every other command line loads the
 * commands (`./run`) with a dynamic `import()`. The build (scripts/build.mjs) bundles `./run` as a
 * second CommonJS file, `dist/cli-run.js`, that this one requires only then: `--version` neither
 * reads the 2 MB of commands nor evaluates tree-sitter, zod or yaml.
 */
import { setFlagsFromString } from 'node:v8';
import { TOOL_NAME, TOOL_VERSION } from '../core/version';

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

async function main(argv: string[]): Promise<void> {
  const fast = fastAnswer(argv);
  if (fast !== null) {
    process.stdout.write(fast);
    return;
  }
  // Peak memory (issue 19): V8 lets the old generation grow far past what is live (45–83 MB live
  // after each full collection against a 380 MB peak at 100,000 files); growing it by 70 % instead
  // of V8's default factor keeps the peak near 270 MB there at about the same speed (measured with
  // /usr/bin/time on the bench's generated workspace). A GC heuristic: no result depends on it.
  setFlagsFromString('--heap-growing-percent=70');
  const { run } = await import('./run');
  const r = await run(argv, {
    terminal: { stdoutIsTTY: process.stdout.isTTY === true, env: process.env },
  });
  if (r.stdout) process.stdout.write(r.stdout);
  for (const w of r.warnings ?? []) process.stderr.write(`${TOOL_NAME}: warning: ${w.split('\n')[0]}\n`);
  if (r.error) process.stderr.write(`${TOOL_NAME}: ${r.error.split('\n')[0]}\n`);
  process.exitCode = r.exitCode;
}

main(process.argv.slice(2)).catch((e: unknown) => {
  process.stderr.write(`${TOOL_NAME}: internal error: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exitCode = 2;
});
