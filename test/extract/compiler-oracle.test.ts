/**
 * The compiler is the oracle: for every fixture crate, the functions and statics `extract`
 * reports (after evaluating platform cfgs for this Linux machine) are exactly the symbols the
 * built cdylib exports, with default features, --all-features and --no-default-features. The
 * crates are built as members of the one fixture workspace (test/support/oracle-workspace.ts).
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { FeatureSelection, Surface } from '../../src/core/model';
import { evalCfg, linuxPlatform, parseCfg } from '../../src/core/rust/cfg';
import { hasCargo } from '../support/cargo';
import { extractDir } from '../support/extract';
import { FeatureMode, oracleLibraries, oracleLibrary } from '../support/oracle-workspace';
import { crateName } from '../support/debian-tools';
import { definedDynamicSymbols } from '../support/soundness';

const FIXTURES = path.join(__dirname, '..', 'fixtures', 'crates');
const crates = fs.readdirSync(FIXTURES).filter((d) => fs.existsSync(path.join(FIXTURES, d, 'Cargo.toml')));
const platform = linuxPlatform(os.arch() === 'arm64' ? 'aarch64' : 'x86_64');

function symbolsOnLinux(s: Surface): string[] {
  const out: string[] = [];
  for (const c of s.crates) {
    for (const it of c.items) {
      if (it.kind !== 'function' && it.kind !== 'static') continue;
      if (it.cfg) {
        const p = parseCfg(it.cfg);
        if (!p) throw new Error(`unparseable cfg ${it.cfg}`);
        if (evalCfg(p, { features: new Set(c.features), platform }) === false) continue;
      }
      out.push(it.symbol);
    }
  }
  return out.sort();
}

const modes: [string, FeatureMode, FeatureSelection][] = [
  ['default features', 'default', { mode: 'default', features: [] }],
  ['--all-features', 'all-features', { mode: 'all' }],
  ['--no-default-features', 'no-default-features', { mode: 'none', features: [] }],
];

describe('extract equals nm -D of the built cdylib', () => {
  // one build of the fixture workspace per mode, before any test needs it (a cold one is long)
  beforeAll(() => {
    if (hasCargo()) for (const [, mode] of modes) oracleLibraries(mode);
  }, 600_000);
  it('has fixture crates and a compiler', () => {
    expect(crates.length).toBeGreaterThan(0);
    expect(hasCargo()).toBe(true);
  });
  for (const crate of crates) {
    for (const [label, mode, selection] of modes) {
      it(`${crate} with ${label}`, async () => {
        const dir = path.join(FIXTURES, crate);
        const expected = definedDynamicSymbols(oracleLibrary(crateName(dir), mode).file);
        const surface = await extractDir(dir, selection);
        // every fixture builds offline with local macros only: nothing is left unexpanded or unread
        expect(surface.diagnostics).toEqual([]);
        expect(symbolsOnLinux(surface)).toEqual(expected);
      });
    }
  }
});
