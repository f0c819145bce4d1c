/**
 * The committed bundle works on its own (SPEC section 3): `dist/cli.js` and the two `.wasm`
 * files, copied to a directory with no `node_modules`, extract a fixture crate; user errors exit
 * with code 2 and one line on stderr, never a stack trace.
 *
 * `FSG_DIST_DIR` points the test at another build of the bundle (default: `dist/`).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { MANIFEST, removeTree, writeTree } from './helpers';

const DIST = process.env.FSG_DIST_DIR ?? path.join(__dirname, '..', '..', 'dist');
const FORMS = path.join(__dirname, '..', 'fixtures', 'crates', 'forms');
const BUNDLE_FILES = ['cli.js', 'cli-run.js', 'web-tree-sitter.wasm', 'tree-sitter-rust.wasm'];

let tmp: string;
let cli: string;

beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'fsg-bundle-'));
  for (const f of BUNDLE_FILES) fs.copyFileSync(path.join(DIST, f), path.join(tmp, f));
  cli = path.join(tmp, 'cli.js');
});
afterAll(() => removeTree(tmp));

function runCli(args: string[], cwd = tmp) {
  const env = { ...process.env };
  delete env.NODE_PATH;
  delete env.NODE_OPTIONS;
  const r = spawnSync(process.execPath, [cli, ...args], { cwd, env, encoding: 'utf8', timeout: 60_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Exit code 2, exactly one stderr line naming the tool, and no stack trace. */
function expectUserError(r: ReturnType<typeof runCli>, pattern: RegExp): void {
  expect(r.code).toBe(2);
  const lines = r.stderr.split('\n').filter((l) => l !== '');
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(/^ffi-surface-guard: /);
  expect(lines[0]).toMatch(pattern);
  expect(r.stderr).not.toMatch(/^\s+at /m);
  expect(r.stderr).not.toContain('node:internal');
}

describe('the bundled CLI', () => {
  it('runs with no node_modules beside it', () => {
    expect(fs.readdirSync(tmp).sort()).toEqual([...BUNDLE_FILES].sort());
    const r = runCli(['--version']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^ffi-surface-guard \d+\.\d+\.\d+/);
  });

  it('extracts the forms fixture as JSON', () => {
    const r = runCli(['extract', '--root', FORMS, '--format', 'json']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as {
      schemaVersion: number;
      rev: string;
      crates: { name: string; version: string; items: { kind: string; symbol?: string }[] }[];
      digest: string;
    };
    expect(out.schemaVersion).toBe(1);
    expect(out.rev).toBe('working tree');
    expect(out.digest).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(out.crates.map((c) => [c.name, c.version])).toEqual([['forms', '1.2.3']]);
    const symbols = out.crates[0].items
      .filter((i) => i.kind === 'function' || i.kind === 'static')
      .map((i) => i.symbol)
      .sort();
    expect(symbols).toEqual(
      [
        'FORMS_COUNTER',
        'FORMS_VERSION',
        'forms_c_unwind',
        'forms_cfg_attr',
        'forms_deep',
        'forms_feature_alpha',
        'forms_handle_free',
        'forms_handle_new',
        'forms_in_closure_block',
        'forms_in_leaf',
        'forms_in_mod_rs',
        'forms_in_other',
        'forms_inline_child',
        'forms_macro_one',
        'forms_macro_two',
        'forms_many_a',
        'forms_many_b',
        'forms_many_c',
        'forms_nested_in_fn',
        'forms_plain',
        'forms_private',
        'forms_renamed_symbol',
        'forms_rust_abi',
        'forms_static_renamed',
        'forms_system_abi',
        'forms_tested',
        'forms_unix_only',
        'forms_unsafe_attr',
        'forms_unsafe_export_name',
        'forms_via_path_attr',
        'forms_windows_only',
      ].sort(),
    );
  });

  it('extracts a git revision without touching the work tree', () => {
    const dir = writeTree({
      'Cargo.toml': MANIFEST,
      'src/lib.rs': '#[no_mangle]\npub extern "C" fn committed() {}\n',
    });
    try {
      const git = (...a: string[]) =>
        execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.com', ...a], {
          cwd: dir,
          stdio: 'ignore',
        });
      git('init', '-q');
      git('add', '-A');
      git('commit', '-q', '-m', 'c');
      fs.writeFileSync(path.join(dir, 'src/lib.rs'), '#[no_mangle]\npub extern "C" fn dirty() {}\n');
      const r = runCli(['extract', '--root', dir, '--rev', 'HEAD', '--format', 'json']);
      expect(r.code).toBe(0);
      const out = JSON.parse(r.stdout) as { rev: string; crates: { items: { symbol?: string }[] }[] };
      expect(out.rev).toMatch(/^[0-9a-f]{40}$/);
      expect(out.crates[0].items.map((i) => i.symbol)).toEqual(['committed']);
      expect(fs.readFileSync(path.join(dir, 'src/lib.rs'), 'utf8')).toContain('dirty');
    } finally {
      removeTree(dir);
    }
  });

  describe('user errors: exit code 2, one stderr line, no stack trace', () => {
    it('an unknown option', () => {
      expectUserError(runCli(['extract', '--bogus']), /--bogus/);
    });

    it('a --root directory that does not exist', () => {
      expectUserError(runCli(['extract', '--root', path.join(tmp, 'nowhere')]), /nowhere/);
    });

    it('a --rev that is not in the repository', () => {
      const dir = writeTree({ 'Cargo.toml': MANIFEST, 'src/lib.rs': '' });
      try {
        execFileSync('git', ['init', '-q'], { cwd: dir });
        execFileSync(
          'git',
          ['-c', 'user.name=t', '-c', 'user.email=t@e', 'commit', '-q', '--allow-empty', '-m', 'c'],
          {
            cwd: dir,
          },
        );
        expectUserError(runCli(['extract', '--root', dir, '--rev', 'no-such-revision']), /no-such-revision/);
      } finally {
        removeTree(dir);
      }
    });

    it('a --rev outside any git repository', () => {
      const dir = writeTree({ 'Cargo.toml': MANIFEST, 'src/lib.rs': '' });
      try {
        expectUserError(runCli(['extract', '--root', dir, '--rev', 'HEAD']), /git|repository/i);
      } finally {
        removeTree(dir);
      }
    });

    it('a root without Cargo.toml', () => {
      const dir = writeTree({ 'README.md': 'not a crate\n' });
      try {
        expectUserError(runCli(['extract', '--root', dir]), /Cargo\.toml/);
      } finally {
        removeTree(dir);
      }
    });

    it('an invalid --format', () => {
      expectUserError(runCli(['extract', '--root', FORMS, '--format', 'yaml']), /--format/);
    });
  });
});
