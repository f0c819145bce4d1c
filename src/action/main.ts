/** The GitHub Action entry point (bundled into dist/index.js). */
import * as core from '@actions/core';
import { runAction } from './run-action';

runAction().catch((e: unknown) => {
  core.setFailed(`ffi-surface-guard: internal error: ${e instanceof Error ? e.message : String(e)}`);
});
