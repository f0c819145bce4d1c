/**
 * A real consumer: a Go program (test/fixtures/oracles/cgo) calls tinyimg through cgo, compiled
 * once against the v1 header. Against the v1 library it prints the expected results; loaded with
 * the v2 library (demo/v2: `Dimensions` grew a field, `tinyimg_clamp` takes i64,
 * `tinyimg_image_free` is gone) the same binary is silently wrong or dies, and the engine flags
 * exactly the symbols the program depends on that changed as breaking.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { buildReport } from '../../src/core/diff/build-report';
import { extractDir } from '../support/extract';
import { hasCargo } from '../support/cargo';
import { buildCdylib, describeWithTools, goEnv, hasGo, parseCHeader, tempDir } from '../support/debian-tools';

const ROOT = path.join(__dirname, '..', '..');
const CONSUMER = path.join(__dirname, '..', 'fixtures', 'oracles', 'cgo');
const present = hasGo() && hasCargo();

describeWithTools(present)('a cgo consumer of the demo library', () => {
  let tmp = '';
  let binary = '';
  const libDir: Record<string, string> = {};

  beforeAll(() => {
    if (!present && process.env.CI !== 'true') return;
    tmp = tempDir('cgo');
    for (const v of ['v1', 'v2']) {
      const so = buildCdylib(path.join(ROOT, 'demo', v), path.join(tmp, `target-${v}`));
      // a directory holding only the .so, so that -ltinyimg cannot pick the staticlib
      libDir[v] = path.join(tmp, `lib-${v}`);
      fs.mkdirSync(libDir[v]);
      fs.copyFileSync(so, path.join(libDir[v], 'libtinyimg.so'));
    }
    const src = path.join(tmp, 'consumer');
    fs.cpSync(CONSUMER, src, { recursive: true });
    fs.writeFileSync(path.join(src, 'go.mod'), 'module tinyimgconsumer\n\ngo 1.19\n');
    binary = path.join(tmp, 'consumer-bin');
    execFileSync('go', ['build', '-o', binary, '.'], {
      cwd: src,
      env: goEnv(tmp, { CGO_LDFLAGS: `-L${libDir.v1}` }),
      stdio: ['ignore', 'ignore', 'pipe'],
    });
  }, 120_000);

  const runWith = (v: string): { status: number | null; stdout: string; stderr: string } => {
    const r = spawnSync(binary, [], {
      encoding: 'utf8',
      env: { ...process.env, LD_LIBRARY_PATH: libDir[v] },
      timeout: 20_000,
    });
    return { status: r.status, stdout: r.stdout, stderr: r.stderr };
  };

  it('go and cargo are installed (CI installs go in .ci/run)', () => {
    expect(present).toBe(true);
  });

  it('calls the v1 library it was built against', () => {
    const r = runWith('v1');
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toBe('version=1.4.0\narea=307200\nclamp(300)=255\nclamp(-5)=0\nfreed\n');
  });

  it('the same binary on the v2 library: the engine reports every changed symbol it uses as breaking', async () => {
    const r = runWith('v2');
    // What the program observes is recorded, not asserted (passing a 2-field struct where 3 are
    // read and a 32-bit int where 64 bits are read is undefined behaviour). On x86_64 Debian with
    // Go 1.19 it printed version=1.5.0, area=307200, clamp(300)=255 and clamp(-5)=255 (the
    // callee read -5 zero-extended to 4294967291), then the dynamic loader stopped it with
    // "symbol lookup error: …: undefined symbol: tinyimg_image_free" (exit 127).
    // The missing symbol is the loader's defined behaviour, so that much is asserted:
    expect(r.status).not.toBe(0);
    expect(r.stderr).toContain('undefined symbol: tinyimg_image_free');
    expect(r.stdout).not.toContain('freed');

    const report = buildReport(
      await extractDir(path.join(ROOT, 'demo', 'v1')),
      await extractDir(path.join(ROOT, 'demo', 'v2')),
    );
    const breaking = [...new Set(report.changes.filter((c) => c.severity === 'breaking').map((c) => c.name))];
    expect(breaking.sort()).toEqual(['Dimensions', 'tinyimg_clamp', 'tinyimg_image_free']);
    // one change on the type that grew, naming the export that passes it by value
    const dims = report.changes.find((c) => c.name === 'Dimensions');
    expect(dims?.message).toContain('affects tinyimg_area (parameter 1 (d) by value)');
    expect(
      report.changes
        .filter((c) => c.severity === 'breaking')
        .map((c) => c.rule)
        .sort(),
    ).toEqual([
      'function-parameters-changed',
      'function-removed',
      'function-return-changed',
      'struct-field-added-by-value',
    ]);
    expect(report.requiredBump).toBe('major');

    // what the Go program depends on, read from its header: every breaking change touches it, and
    // the functions and types it uses that the engine does not flag are the unchanged ones
    const h = parseCHeader(fs.readFileSync(path.join(CONSUMER, 'tinyimg_v1.h'), 'utf8'));
    const used = new Set([...h.functions.keys(), ...h.records.keys()]);
    const hit = [...breaking, 'tinyimg_area'];
    for (const name of hit) expect(used).toContain(name);
    expect([...used].filter((n) => !hit.includes(n)).sort()).toEqual([
      'tinyimg_image_new',
      'tinyimg_version',
    ]);
  });
});
