/** Shared helpers of the consumers' tests: the fixture's Rust exports, as the contract check takes them. */
import * as path from 'node:path';
import type { FeatureSelection, FunctionItem, StaticItem } from '../../src/core/model';
import type { RustExport } from '../../src/core/consumers/contract';
import { extractDir } from '../support/extract';

export const FIXTURES = path.join(__dirname, '..', 'fixtures', 'consumers');
export const CRATE = path.join(FIXTURES, 'tinyffi');

/** The Rust exports of a crate directory (functions and statics), read by the extractor. */
export async function rustExports(dir: string, features: FeatureSelection): Promise<RustExport[]> {
  const surface = await extractDir(dir, features);
  const out: RustExport[] = [];
  for (const item of surface.crates.flatMap((c) => c.items)) {
    if (item.kind === 'function') {
      const f = item as FunctionItem;
      out.push({
        symbol: f.symbol,
        params: f.params.map((p) => p.type),
        returns: f.returns,
        variadic: f.variadic,
        file: f.file,
        line: f.line,
      });
    } else if (item.kind === 'static') {
      const s = item as StaticItem;
      out.push({ symbol: s.symbol, kind: 'static', params: [], returns: s.type, file: s.file, line: s.line });
    }
  }
  return out;
}
