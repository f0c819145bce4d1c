/**
 * The one fixture workspace of the compiler oracles (test/support/oracle-workspace.ts): every
 * fixture crate the oracles compile is a member, one build produces all their libraries, and a
 * later build (another test file of the same run) compiles nothing.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { hasCargo } from '../support/cargo';
import {
  compiled,
  CRATE_FIXTURES,
  oracleLibraries,
  oracleWorkspace,
  SOUNDNESS_FIXTURE,
} from '../support/oracle-workspace';
import { cargoBuild } from '../support/soundness';

const withTools = hasCargo() || process.env.CI === 'true' ? describe : describe.skip;

/** Fixture directories holding a Cargo.toml below `root`. */
function crateDirs(root: string): string[] {
  return fs
    .readdirSync(root)
    .filter((d) => fs.existsSync(path.join(root, d, 'Cargo.toml')))
    .map((d) => path.join(root, d));
}

withTools('the fixture workspace', () => {
  it('has every crate of test/fixtures/crates and every soundness member as a member', () => {
    const ws = oracleWorkspace();
    const dirs = ws.members.map((m) => m.dir).sort();
    expect(dirs).toEqual([...crateDirs(SOUNDNESS_FIXTURE), ...crateDirs(CRATE_FIXTURES)].sort());
    const manifest = fs.readFileSync(path.join(ws.dir, 'Cargo.toml'), 'utf8');
    for (const m of ws.members) {
      expect(manifest).toContain(JSON.stringify(m.name));
      expect(fs.realpathSync(path.join(ws.dir, m.name))).toBe(fs.realpathSync(m.dir));
    }
  });

  it('one build gives every cdylib; building again compiles nothing', () => {
    const libs = oracleLibraries();
    // one library per member whose manifest asks for a cdylib
    const ws = oracleWorkspace();
    const cdylibs = ws.members.filter((m) =>
      /crate-type\s*=\s*\[[^\]]*"cdylib"/.test(fs.readFileSync(path.join(m.dir, 'Cargo.toml'), 'utf8')),
    );
    expect(cdylibs.length).toBeGreaterThan(15);
    expect(libs.map((l) => path.dirname(l.manifest)).sort()).toEqual(
      cdylibs.map((m) => path.join(ws.dir, m.name)).sort(),
    );
    expect(new Set(libs.map((l) => l.group))).toEqual(new Set(['soundness', 'crates']));
    for (const l of libs) expect(fs.existsSync(l.file)).toBe(true);
    // memoised in the process: no second cargo run
    const before = compiled.count;
    expect(oracleLibraries()).toBe(libs);
    expect(compiled.count).toBe(before);
    // what another test file of the run does: cargo finds every library fresh
    const target = path.join(ws.dir, '..', `${path.basename(ws.dir)}-target`);
    const again = cargoBuild(ws.dir, target, { args: ['--workspace'], locked: false });
    expect(again.libs.map((l) => l.file)).toEqual(libs.map((l) => l.file));
    expect(again.fresh).toBe(libs.length);
  }, 600_000);
});
