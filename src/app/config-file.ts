/** The configuration file for command-line runs: `--config FILE`, or the repository's own if present. */
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { type Config, defaultConfig } from '../core/config/defaults';
import { ConfigError } from '../core/config/errors';
import type { FeatureSelection } from '../core/model';
import type { AnalysisScope } from '../core/scope';

export const DEFAULT_CONFIG_PATH = '.github/ffi-surface-guard.yml';

export async function readConfigFile(root: string, explicit: string | undefined): Promise<Config> {
  const file = explicit ?? path.join(root, DEFAULT_CONFIG_PATH);
  let text: string | null = null;
  try {
    const st = await fs.stat(file);
    if (!st.isFile()) throw new Error('not a file');
    text = await fs.readFile(file, 'utf8');
  } catch {
    if (explicit) throw new ConfigError(explicit, '', 'cannot be read (no such file)');
    text = null;
  }
  if (text === null) return defaultConfig(); // what loadConfig gives for a missing file
  // the YAML loader and the zod schema load only when there is a file to read (config/defaults.ts)
  const { loadConfig } = await import('../core/config/load-config');
  return loadConfig(text, explicit ?? DEFAULT_CONFIG_PATH);
}

export function scopeOf(config: Config): AnalysisScope {
  return {
    includeCrates: config.crates.include,
    excludeCrates: config.crates.exclude,
    excludePaths: config.paths.exclude,
    trustedMacros: config.macros.trusted,
  };
}

/**
 * The analysis settings a configuration implies: the feature sets to analyse (all of them, unless
 * the command line names a selection), `features` being the first.
 */
export function analysisSettings(config: Config) {
  const featureSets: FeatureSelection[] =
    config.featureSets.length > 0 ? config.featureSets : [{ mode: 'default', features: [] }];
  return {
    features: featureSets[0] ?? { mode: 'default' as const, features: [] },
    featureSets,
    scope: scopeOf(config),
    findingsPolicy: config.findings,
    consumers: { headers: config.headers, policy: config.findings },
    potentiallyBreakingBump: config.changes.potentiallyBreakingBump,
    limits: config.limits,
  };
}
