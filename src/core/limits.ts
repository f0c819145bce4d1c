import { DEFAULT_DEADLINE_SECONDS } from './deadline';

/**
 * Bounds on what the engine reads: every one of them turns into a diagnostic when hit, except the
 * deadline, which ends the run with an error.
 */
export interface Limits {
  /** Largest source file read, in bytes. */
  maxFileBytes: number;
  /** Most files read for one crate. */
  maxFilesPerCrate: number;
  /** Most crates analysed in one workspace. */
  maxCrates: number;
  /** Deepest module nesting followed. */
  maxModuleDepth: number;
  /** Deepest nesting of macro expansions. */
  maxMacroDepth: number;
  /** Most macro expansions in one crate. */
  maxExpansions: number;
  /** Most files listed when searching for tests. */
  maxListedFiles: number;
  /**
   * Seconds a whole run may take (extraction of every revision, diff and findings): past it, the
   * next file read or parse stops the run with an error naming what it was reading.
   */
  deadlineSeconds: number;
}

export const DEFAULT_LIMITS: Limits = {
  maxFileBytes: 4 * 1024 * 1024,
  maxFilesPerCrate: 20_000,
  maxCrates: 1_000,
  maxModuleDepth: 64,
  maxMacroDepth: 128,
  maxExpansions: 10_000,
  maxListedFiles: 200_000,
  deadlineSeconds: DEFAULT_DEADLINE_SECONDS,
};
