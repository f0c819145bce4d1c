import { computeFindings, FindingOptions } from '../../src/core/findings/compute-findings';
import type { FindingPolicy } from '../../src/core/findings/policy';
import type { CrateSurface, FeatureSelection } from '../../src/core/model';
import type { Finding } from '../../src/core/report';
import { crateFiles, DEFAULT_FEATURES, extractMemory } from '../support/extract';

export const PRELUDE = 'use std::os::raw::{c_char, c_int, c_void};\n';

export interface Fixture {
  /** src/lib.rs (the prelude is prepended). */
  lib: string;
  /** Extra files (tests, modules). */
  files?: Record<string, string>;
  manifest?: string;
}

export async function crateOf(
  fx: Fixture,
  features: FeatureSelection = DEFAULT_FEATURES,
): Promise<CrateSurface> {
  const s = await extractMemory(crateFiles(PRELUDE + fx.lib, fx.files ?? {}, fx.manifest ?? ''), features);
  const crate = s.crates[0];
  if (!crate) throw new Error('no crate extracted');
  return crate;
}

/** Extracts the fixture and runs every rule over every item as new. */
export async function findingsOf(
  fx: Fixture,
  policy?: FindingPolicy,
  options?: FindingOptions,
): Promise<Finding[]> {
  const crate = await crateOf(fx);
  return computeFindings(
    crate.items.map((item) => ({ item })),
    crate,
    policy,
    options,
  );
}

/** `[rule, level, symbol]` triples, for exact assertions. */
export function triples(fs: Finding[]): [string, string, string][] {
  return fs.map((f) => [f.rule, f.level, f.symbol]);
}

export function byRule(fs: Finding[], rule: string): Finding[] {
  return fs.filter((f) => f.rule === rule);
}
