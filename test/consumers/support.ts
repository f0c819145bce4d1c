/** Shared helpers of the consumers' tests: the fixture's Rust exports, as the contract check takes them. */
import * as path from 'node:path';
import type { FeatureSelection } from '../../src/core/model';
import type { RustExport } from '../../src/core/consumers/contract';
import { exportsOf } from '../../src/app/consumers';
import { extractDir } from '../support/extract';

export const FIXTURES = path.join(__dirname, '..', 'fixtures', 'consumers');
export const CRATE = path.join(FIXTURES, 'tinyffi');

/** The Rust exports of a crate directory (functions and statics), as the contract check reads them. */
export async function rustExports(dir: string, features: FeatureSelection): Promise<RustExport[]> {
  return exportsOf(await extractDir(dir, features));
}
