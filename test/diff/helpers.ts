import { buildReport } from '../../src/core/diff/build-report';
import type { DiffReport } from '../../src/core/report';
import type { FeatureSelection } from '../../src/core/model';
import { crateFiles, DEFAULT_FEATURES, extractMemory } from '../support/extract';

/** Diffs two versions of src/lib.rs (plus optional extra files) of a one-crate workspace. */
export async function diffLib(
  before: string,
  after: string,
  extraBefore: Record<string, string> = {},
  extraAfter: Record<string, string> = {},
  features: FeatureSelection = DEFAULT_FEATURES,
): Promise<DiffReport> {
  const base = await extractMemory(crateFiles(before, extraBefore), features);
  const head = await extractMemory(crateFiles(after, extraAfter), features);
  return buildReport(base, head);
}

export const H = 'use std::os::raw::{c_char, c_int, c_long};\n';
