/**
 * The published package: `npm pack` holds exactly what runs (the bundles, the WebAssembly parser
 * files beside them, the Action's metadata, the JSON schemas and the documents), declares no
 * runtime dependency, and the packed CLI runs from a directory with no `node_modules` — which is
 * what `npx ffi-surface-guard@<version>` does.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const ROOT = path.join(__dirname, '..');
const PKG = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as Record<string, unknown>;
const NPM = process.platform === 'win32' ? 'npm.cmd' : 'npm';

const EXPECTED_FILES = [
  'CHANGELOG.md',
  'LICENSE',
  'README.md',
  'action.yml',
  'dist/cli-run.js',
  'dist/cli.js',
  'dist/index.js',
  'dist/tree-sitter-c.wasm',
  'dist/tree-sitter-go.wasm',
  'dist/tree-sitter-rust.wasm',
  'dist/web-tree-sitter.wasm',
  'package.json',
  'schema/diff-report.schema.json',
  'schema/extract-report.schema.json',
  'schema/ffi-surface-guard.schema.json',
];

/** npm without the caller's configuration leaking in (a private cache, no lifecycle scripts). */
function npmEnv(cache: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    npm_config_cache: cache,
    npm_config_ignore_scripts: 'true',
  };
  delete env.NODE_PATH;
  delete env.NODE_OPTIONS;
  for (const k of Object.keys(env)) if (/^npm_(package|lifecycle)_/i.test(k)) delete env[k];
  return env;
}

let tmp: string;
beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'fsg-pack-'));
});
afterAll(() => {
  fs.rmSync(tmp, { recursive: true, force: true });
});

describe('package.json', () => {
  it('is publishable, with a bin, an engines range and the repository links', () => {
    expect(PKG.private).toBeUndefined();
    expect(PKG.bin).toEqual({ 'ffi-surface-guard': 'dist/cli.js' });
    expect(PKG.main).toBe('dist/index.js');
    expect((PKG.engines as Record<string, string>).node).toMatch(/^>=\d+/);
    expect(PKG.license).toBe('MIT');
    expect(PKG.repository).toEqual({
      type: 'git',
      url: 'git+https://github.com/your-org/ffi-surface-guard.git',
    });
    expect(PKG.homepage).toBe('https://github.com/your-org/ffi-surface-guard#readme');
    expect(PKG.bugs).toEqual({ url: 'https://github.com/your-org/ffi-surface-guard/issues' });
    expect(Array.isArray(PKG.keywords) && (PKG.keywords as string[]).length).toBeGreaterThan(0);
  });

  it('has no runtime dependencies: everything is bundled', () => {
    for (const field of ['dependencies', 'peerDependencies', 'optionalDependencies', 'bundleDependencies'])
      expect(PKG[field]).toBeUndefined();
  });

  it('starts the bin with a node shebang', () => {
    expect(fs.readFileSync(path.join(ROOT, 'dist/cli.js'), 'utf8').startsWith('#!/usr/bin/env node\n')).toBe(
      true,
    );
  });
});

describe('npm pack', () => {
  it('lists exactly the files that run, and no sources, tests or node_modules', () => {
    const out = execFileSync(NPM, ['pack', '--dry-run', '--json'], {
      cwd: ROOT,
      env: npmEnv(path.join(tmp, 'cache-dry')),
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const [info] = JSON.parse(out) as { files: { path: string }[]; name: string; version: string }[];
    expect(info.name).toBe('ffi-surface-guard');
    expect(info.version).toBe(PKG.version);
    const files = info.files.map((f) => f.path).sort();
    expect(files).toEqual(EXPECTED_FILES);
    expect(files.filter((f) => /^(src|test|node_modules|scripts|examples|demo)\//.test(f))).toEqual([]);
  });

  it('packs a tarball whose CLI runs outside the repository with no node_modules', () => {
    const dest = path.join(tmp, 'dest');
    fs.mkdirSync(dest);
    const out = execFileSync(NPM, ['pack', '--pack-destination', dest, '--json'], {
      cwd: ROOT,
      env: npmEnv(path.join(tmp, 'cache-pack')),
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const [info] = JSON.parse(out) as { filename: string }[];
    const tarball = path.join(dest, info.filename);
    expect(fs.existsSync(tarball)).toBe(true);

    const unpacked = path.join(tmp, 'unpacked');
    fs.mkdirSync(unpacked);
    execFileSync('tar', ['xzf', tarball, '-C', unpacked]);
    const cli = path.join(unpacked, 'package', 'dist', 'cli.js');
    expect(fs.existsSync(path.join(unpacked, 'package', 'node_modules'))).toBe(false);

    // a working directory outside the repository, where no node_modules can be found
    const cwd = path.join(tmp, 'elsewhere');
    fs.mkdirSync(cwd);
    const env = npmEnv(path.join(tmp, 'cache-run'));
    const node = (args: string[]) =>
      spawnSync(process.execPath, [cli, ...args], { cwd, env, encoding: 'utf8', timeout: 90_000 });

    const version = node(['--version']);
    expect(version.status).toBe(0);
    expect(version.stdout.trim()).toBe(`ffi-surface-guard ${PKG.version as string}`);

    const extract = node([
      'extract',
      '--root',
      path.join(ROOT, 'test/fixtures/crates/forms'),
      '--format',
      'json',
    ]);
    expect(extract.stderr).toBe('');
    expect(extract.status).toBe(0);
    const surface = JSON.parse(extract.stdout) as { schemaVersion: number; crates: { items: unknown[] }[] };
    expect(surface.schemaVersion).toBe(1);
    expect(surface.crates[0].items.length).toBeGreaterThan(0);

    // `npx <tarball>` installs the package from the file alone: no registry, no dependencies
    const npx = spawnSync(
      NPM,
      ['exec', '--yes', '--offline', '--package', tarball, '--', 'ffi-surface-guard', '--version'],
      {
        cwd,
        env,
        encoding: 'utf8',
        timeout: 90_000,
      },
    );
    expect(npx.stdout.trim()).toBe(`ffi-surface-guard ${PKG.version as string}`);
    expect(npx.status).toBe(0);
  });
});
