/**
 * The compiler as the oracle of the contract findings on the bundled demo: the demo's Go consumer
 * is built with cgo against the committed header and linked with the crate built by cargo. At v1
 * (header and Rust agree: no contract finding) it builds and runs; at v2 (header not regenerated)
 * the linker fails on exactly the symbols reported `declared-not-exported` that Go calls.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyseDiff } from '../../src/app/analyse-diff';
import { computeReportFindings } from '../../src/app/findings';
import { gitIn } from '../support/action-runner';
import { buildCdylib, describeWithTools, goEnv, hasGo, tempDir } from '../support/debian-tools';
import { hasCargo } from '../support/cargo';

const DEMO = path.join(__dirname, '..', '..', 'demo');

function goBuild(version: 'v1' | 'v2', tmp: string): { ok: boolean; output: string; lib: string } {
  const dir = path.join(tmp, version);
  fs.cpSync(path.join(DEMO, version), dir, { recursive: true });
  const lib = path.dirname(buildCdylib(dir, path.join(tmp, `target-${version}`)));
  const r = spawnSync('go', ['build', '-o', 'demo', '.'], {
    cwd: path.join(dir, 'go'),
    env: goEnv(tmp, { CGO_LDFLAGS: `-L${lib}` }),
    encoding: 'utf8',
  });
  return { ok: r.status === 0, output: `${r.stdout}${r.stderr}`, lib };
}

describeWithTools(hasGo() && hasCargo())('the demo against cgo and the linker', () => {
  let tmp = '';
  beforeAll(() => {
    tmp = tempDir('demo-oracle');
  });
  afterAll(() => {
    if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
  });

  it('v1 builds and runs; v2 fails to link on the declared-not-exported symbol Go calls', async () => {
    const v1 = goBuild('v1', tmp);
    expect(v1.output).toBe('');
    expect(v1.ok).toBe(true);
    const run = spawnSync(path.join(tmp, 'v1', 'go', 'demo'), [], {
      env: { ...process.env, LD_LIBRARY_PATH: v1.lib },
      encoding: 'utf8',
    });
    expect(run.stdout).toBe('tinyimg 1.4.0\nclamp(-5) = 0\n');

    const v2 = goBuild('v2', tmp);
    expect(v2.ok).toBe(false);
    const missing = [...v2.output.matchAll(/undefined reference to `([A-Za-z0-9_]+)'/g)].map((m) => m[1]);

    // the same pull request through the product
    const repo = path.join(tmp, 'repo');
    fs.mkdirSync(repo);
    gitIn(repo, 'init', '-q', '-b', 'main');
    fs.cpSync(path.join(DEMO, 'v1'), repo, { recursive: true });
    gitIn(repo, 'add', '-A');
    gitIn(repo, 'commit', '-qm', 'v1');
    const base = gitIn(repo, 'rev-parse', 'HEAD');
    fs.rmSync(path.join(repo, 'src'), { recursive: true });
    fs.cpSync(path.join(DEMO, 'v2'), repo, { recursive: true });
    gitIn(repo, 'add', '-A');
    gitIn(repo, 'commit', '-qm', 'v2');
    const analysis = await analyseDiff({
      root: repo,
      base,
      head: gitIn(repo, 'rev-parse', 'HEAD'),
      features: { mode: 'default', features: [] },
      findings: computeReportFindings(),
    });
    const notExported = analysis.report.findings.filter((f) => f.rule === 'declared-not-exported');
    const called = new Set(
      analysis.report.changes.filter((c) => c.consumers?.length).map((c) => c.symbol as string),
    );
    expect([...new Set(missing)].sort()).toEqual(
      notExported
        .map((f) => f.symbol)
        .filter((s) => called.has(s))
        .sort(),
    );
    expect(missing).toContain('tinyimg_image_free');
  });

  it('v1 is consistent: no contract finding against its own header', async () => {
    const repo = path.join(tmp, 'repo1');
    fs.mkdirSync(repo);
    gitIn(repo, 'init', '-q', '-b', 'main');
    fs.cpSync(path.join(DEMO, 'v1'), repo, { recursive: true });
    gitIn(repo, 'add', '-A');
    gitIn(repo, 'commit', '-qm', 'v1');
    fs.writeFileSync(path.join(repo, 'README.md'), 'tinyimg\n');
    gitIn(repo, 'add', '-A');
    gitIn(repo, 'commit', '-qm', 'readme');
    const analysis = await analyseDiff({
      root: repo,
      base: 'HEAD~1',
      head: 'HEAD',
      features: { mode: 'default', features: [] },
      findings: computeReportFindings(),
    });
    expect(analysis.report.findings).toEqual([]);
  });
});
