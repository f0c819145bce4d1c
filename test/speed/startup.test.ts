/**
 * Start-up (issue 19, item 4): the CLI loads only what a command needs, and compiles each
 * WebAssembly file at most once per process.
 *
 * The bundles are built from src/ into a temporary directory by scripts/build.mjs itself (with
 * esbuild's metafile), so the test checks the build script and the sources, not the committed
 * dist/. Work done is asserted (what the bundles contain, which files a command needs, how many
 * WebAssembly compilations happen), never time.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { run as runInProcess } from '../../src/cli/run';
import { makeHistory, removeDir, tempDir, type History } from '../diff/git-fixture';

const ROOT = path.join(__dirname, '..', '..');
const FORMS = path.join(ROOT, 'test/fixtures/crates/forms');

interface Metafile {
  inputs: Record<string, { imports?: { path: string; kind: string; external?: boolean }[] }>;
  outputs: Record<string, { inputs: Record<string, unknown>; bytes: number }>;
}

let tmp: string;
let out: string;
let meta: Metafile;
let h: History;

beforeAll(() => {
  tmp = tempDir('fsg-startup-');
  out = path.join(tmp, 'dist');
  const metaFile = path.join(tmp, 'meta.json');
  const r = spawnSync(
    process.execPath,
    [path.join(ROOT, 'scripts/build.mjs'), '--outdir', out, '--metafile', metaFile],
    { cwd: ROOT, encoding: 'utf8', timeout: 120_000 },
  );
  if (r.status !== 0) throw new Error(`build failed: ${r.stderr}`);
  meta = JSON.parse(fs.readFileSync(metaFile, 'utf8')) as Metafile;
  h = makeHistory();
}, 180_000);
afterAll(() => {
  removeDir(tmp);
  h.repo.remove();
});

/** The input files of one bundle, by its file name in the output directory. */
function inputsOf(file: string): string[] {
  const key = Object.keys(meta.outputs).find((k) => path.basename(k) === file);
  if (!key) throw new Error(`no output ${file} in the metafile`);
  return Object.keys(meta.outputs[key].inputs);
}

/** The npm packages a bundle holds (`@scope/name` or `name`). */
function packagesOf(file: string): string[] {
  const names = new Set<string>();
  for (const input of inputsOf(file)) {
    const m = /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(input);
    if (m) names.add(m[1]);
  }
  return [...names].sort();
}

/**
 * A preload that counts WebAssembly compilations by the bytes compiled (instantiating an already
 * compiled module is not a compilation) and appends them to FSG_WASM_LOG, one JSON line per thread
 * (the commands run in a worker thread; a preload runs in every thread), when the thread exits.
 */
function wasmSpy(): string {
  const file = path.join(tmp, 'wasm-spy.cjs');
  fs.writeFileSync(
    file,
    `const crypto = require('node:crypto');
const seen = [];
const note = (b) => {
  if (b instanceof WebAssembly.Module) return;
  const u8 = ArrayBuffer.isView(b) ? new Uint8Array(b.buffer, b.byteOffset, b.byteLength) : new Uint8Array(b);
  seen.push(crypto.createHash('sha256').update(u8).digest('hex').slice(0, 12) + ':' + u8.length);
};
for (const k of ['compile', 'instantiate']) {
  const orig = WebAssembly[k];
  WebAssembly[k] = function (b, ...rest) { note(b); return orig.call(this, b, ...rest); };
}
const M = WebAssembly.Module;
WebAssembly.Module = new Proxy(M, { construct(t, a) { note(a[0]); return new t(...a); } });
const { threadId } = require('node:worker_threads');
process.on('exit', () =>
  require('node:fs').appendFileSync(process.env.FSG_WASM_LOG, JSON.stringify({ threadId, seen }) + '\\n'),
);
`,
  );
  return file;
}

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
  compiled: string[];
  /** The threads that compiled WebAssembly (0 is the main thread). */
  compilingThreads: number[];
}

function run(cli: string, args: string[], cwd = tmp): Run {
  const log = path.join(tmp, `wasm-${process.hrtime.bigint()}.json`);
  const env: NodeJS.ProcessEnv = { ...process.env, FSG_WASM_LOG: log };
  delete env.NODE_OPTIONS;
  delete env.NODE_PATH;
  const r = spawnSync(process.execPath, ['-r', wasmSpy(), cli, ...args], {
    cwd,
    env,
    encoding: 'utf8',
    timeout: 90_000,
  });
  const lines = fs.existsSync(log) ? fs.readFileSync(log, 'utf8').split('\n').filter(Boolean) : [];
  const logs = lines.map((l) => JSON.parse(l) as { threadId: number; seen: string[] });
  const compiled = logs.flatMap((l) => l.seen);
  const compilingThreads = logs.filter((l) => l.seen.length > 0).map((l) => l.threadId);
  return { code: r.status, stdout: r.stdout, stderr: r.stderr, compiled, compilingThreads };
}

describe('what the bundles hold (esbuild metafile)', () => {
  it('dist/cli.js is the entry alone: main.ts and the version, no package', () => {
    expect(inputsOf('cli.js').sort()).toEqual(['src/cli/main.ts', 'src/core/version.ts']);
    expect(packagesOf('cli.js')).toEqual([]);
  });

  it("the commands (dist/cli-run.js) hold tree-sitter but not the Action's Octokit stack", () => {
    const packages = packagesOf('cli-run.js');
    expect(packages).toContain('web-tree-sitter');
    expect(packages.filter((p) => p.startsWith('@octokit/') || p.startsWith('@actions/'))).toEqual([]);
    expect(inputsOf('cli-run.js').filter((i) => i.startsWith('src/action/'))).toEqual([]);
  });

  it('the commands reach zod and yaml only through a dynamic import (a configuration file read)', () => {
    // the static import graph from the commands' entry: what evaluates when cli-run.js loads
    const seen = new Set(['src/cli/run.ts']);
    const queue = ['src/cli/run.ts'];
    let dynamic = 0;
    while (queue.length) {
      const f = queue.shift() as string;
      for (const imp of meta.inputs[f]?.imports ?? []) {
        if (imp.external) continue;
        if (imp.kind === 'dynamic-import') {
          dynamic++;
          continue;
        }
        if (!seen.has(imp.path)) {
          seen.add(imp.path);
          queue.push(imp.path);
        }
      }
    }
    expect(seen.size).toBeGreaterThan(50);
    const eager = [...seen].filter(
      (p) => /node_modules\/(zod|yaml)\//.test(p) || p.startsWith('src/core/config/schema'),
    );
    expect(eager).toEqual([]);
    // they are in the bundle all the same, behind the loader's dynamic import
    expect(dynamic).toBeGreaterThan(0);
    expect(packagesOf('cli-run.js')).toEqual(expect.arrayContaining(['zod', 'yaml']));
  });

  it('the Action bundle does hold Octokit (the check above can fail)', () => {
    expect(packagesOf('index.js')).toEqual(expect.arrayContaining(['@octokit/core']));
  });
});

describe('start-up', () => {
  it('--version and version need dist/cli.js alone (the commands are never read)', () => {
    const alone = path.join(tmp, 'alone');
    fs.mkdirSync(alone);
    fs.copyFileSync(path.join(out, 'cli.js'), path.join(alone, 'cli.js'));
    for (const argv of [['--version'], ['version']]) {
      const r = run(path.join(alone, 'cli.js'), argv);
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
      expect(r.stdout).toMatch(/^ffi-surface-guard \d+\.\d+\.\d+\n$/);
      expect(r.compiled).toEqual([]);
    }
    // any other command line does need the commands: the entry really defers to them
    const help = run(path.join(alone, 'cli.js'), ['--help']);
    expect(help.code).toBe(2);
    expect(help.stderr).toMatch(/cli-run\.js/);
  });

  it('--version prints what the version command of the full CLI prints', () => {
    // `version --` is not a fast answer: it goes through the commands
    const full = run(path.join(out, 'cli.js'), ['version', '--']);
    expect(full.code).toBe(0);
    expect(full.stdout).toMatch(/^ffi-surface-guard /);
    expect(run(path.join(out, 'cli.js'), ['--version']).stdout).toBe(full.stdout);
  });

  it.each([[['--help']], [['extract', '--help']], [['diff', '-h']], [['help', 'release-check']]])(
    '%j compiles no WebAssembly',
    (argv) => {
      const r = run(path.join(out, 'cli.js'), argv);
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
      expect(r.stdout).toMatch(/usage/);
      expect(r.compiled).toEqual([]);
    },
  );
});

describe('WebAssembly is compiled once per process', () => {
  const onceEach = (compiled: string[]) => {
    expect(compiled.length).toBeGreaterThan(0);
    expect(new Set(compiled).size).toBe(compiled.length);
  };

  it('extract: the runtime and the Rust grammar, once each', () => {
    const r = run(path.join(out, 'cli.js'), ['extract', '--root', FORMS, '--format', 'json']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    onceEach(r.compiled);
    expect(r.compiled).toHaveLength(2);
    // a small tree runs in the main thread (a worker's start would cost more than it saves)
    expect(r.compilingThreads).toEqual([0]);
  });

  it('a tree of 20,000 entries runs in a worker thread, with the same result as in-process', async () => {
    const big = path.join(tmp, 'big');
    fs.cpSync(FORMS, big, { recursive: true });
    const filler = path.join(big, 'assets');
    fs.mkdirSync(filler);
    for (let i = 0; i < 20_000; i++) fs.writeFileSync(path.join(filler, `f${i}.txt`), '');
    const argv = ['extract', '--root', big, '--format', 'json'];
    const r = run(path.join(out, 'cli.js'), argv);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    onceEach(r.compiled);
    // the engine runs in the worker thread whose heap is sized for it (src/cli/main.ts)
    expect(r.compilingThreads).toHaveLength(1);
    expect(r.compilingThreads[0]).not.toBe(0);
    const direct = await runInProcess(argv);
    expect(direct.exitCode).toBe(0);
    expect(r.stdout).toBe(direct.stdout);
    // an unknown option is refused from the worker as from the main thread
    const bad = run(path.join(out, 'cli.js'), ['extract', '--root', big, '--bogus']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/unknown option "--bogus"/);
  });

  it('diff (two extractions, findings): still once each', () => {
    const r = run(path.join(out, 'cli.js'), [
      'diff',
      '--root',
      h.repo.dir,
      '--base',
      h.c1,
      '--head',
      h.c3,
      '--format',
      'json',
    ]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect((JSON.parse(r.stdout) as { changes: unknown[] }).changes.length).toBeGreaterThan(0);
    onceEach(r.compiled);
  });
});
