/** The GitHub Action entry point (built into dist/index.js). */
process.stdout.write('::error::ffi-surface-guard: the Action entry point is not implemented yet\n');
process.exitCode = 1;
