/** Bounds on what the engine reads: every one of them turns into a diagnostic when hit. */
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
}

export const DEFAULT_LIMITS: Limits = {
  maxFileBytes: 4 * 1024 * 1024,
  maxFilesPerCrate: 20_000,
  maxCrates: 1_000,
  maxModuleDepth: 64,
  maxMacroDepth: 8,
  maxExpansions: 10_000,
  maxListedFiles: 200_000,
};
