/** The `ffi-surface-guard` executable. */
import { TOOL_NAME } from '../core/version';
import { run } from './run';

// `ffi-surface-guard diff … | head`: the reader went away; nothing is wrong, end quietly
for (const stream of [process.stdout, process.stderr])
  stream.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(0);
    throw e;
  });

run(process.argv.slice(2), {
  terminal: { stdoutIsTTY: process.stdout.isTTY === true, env: process.env },
}).then(
  (r) => {
    if (r.stdout) process.stdout.write(r.stdout);
    for (const w of r.warnings ?? []) process.stderr.write(`${TOOL_NAME}: warning: ${w.split('\n')[0]}\n`);
    if (r.error) process.stderr.write(`${TOOL_NAME}: ${r.error.split('\n')[0]}\n`);
    process.exitCode = r.exitCode;
  },
  (e: unknown) => {
    process.stderr.write(`${TOOL_NAME}: internal error: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exitCode = 2;
  },
);
