/**
 * Real git repositories for the diff and release-check tests (not a test file itself): a temporary
 * repository with real commits, tags and branches, shallow clones of it, and the bundled CLI
 * copied to a directory without `node_modules`.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

/** Git with a fixed identity and no user or system configuration. */
const GIT_ENV: NodeJS.ProcessEnv = {
  ...process.env,
  GIT_CONFIG_NOSYSTEM: '1',
  GIT_CONFIG_GLOBAL: '/dev/null',
  GIT_AUTHOR_NAME: 'Test',
  GIT_AUTHOR_EMAIL: 'test@example.invalid',
  GIT_COMMITTER_NAME: 'Test',
  GIT_COMMITTER_EMAIL: 'test@example.invalid',
  GIT_TERMINAL_PROMPT: '0',
};

export function tempDir(prefix: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

export function removeDir(dir: string): void {
  fs.rmSync(dir, { recursive: true, force: true });
}

export class Repo {
  constructor(readonly dir: string) {}

  /** A new repository on branch `main`, with `files` committed when given. */
  static init(files?: Record<string, string>, message = 'initial'): Repo {
    const repo = new Repo(tempDir('fsg-git-'));
    repo.git('init', '-q', '-b', 'main');
    if (files) repo.commit(message, files);
    return repo;
  }

  /** `git clone` of `source` (extra arguments such as `--depth 1` first). */
  static clone(source: Repo, ...args: string[]): Repo {
    const dir = tempDir('fsg-clone-');
    execFileSync('git', ['clone', '-q', ...args, `file://${source.dir}`, dir], {
      env: GIT_ENV,
      stdio: 'pipe',
    });
    return new Repo(dir);
  }

  git(...args: string[]): string {
    return execFileSync('git', args, { cwd: this.dir, env: GIT_ENV, encoding: 'utf8', stdio: 'pipe' }).trim();
  }

  /** Writes files (a null content deletes the file). */
  write(files: Record<string, string | null>): void {
    for (const [rel, content] of Object.entries(files)) {
      const abs = path.join(this.dir, rel);
      if (content === null) fs.rmSync(abs, { force: true });
      else {
        fs.mkdirSync(path.dirname(abs), { recursive: true });
        fs.writeFileSync(abs, content);
      }
    }
  }

  /** Writes `files`, commits everything, returns the new commit's SHA. */
  commit(message: string, files: Record<string, string | null> = {}): string {
    this.write(files);
    this.git('add', '-A');
    this.git('commit', '-q', '--allow-empty', '--no-gpg-sign', '-m', message);
    return this.sha('HEAD');
  }

  sha(rev: string): string {
    return this.git('rev-parse', '--verify', `${rev}^{commit}`);
  }

  read(rel: string): string {
    return fs.readFileSync(path.join(this.dir, rel), 'utf8');
  }

  remove(): void {
    removeDir(this.dir);
  }
}

export const MANIFEST = (name = 'demo', version = '1.0.0') =>
  `[package]\nname = "${name}"\nversion = "${version}"\nedition = "2021"\n`;

export const exportFn = (name: string, params = '', ret = 'i32') =>
  `#[no_mangle]\npub extern "C" fn ${name}(${params}) -> ${ret} {\n    0\n}\n`;

/**
 * The history most tests use (one crate, `demo`, at the repository root):
 *
 *     c1 (v1.0.0, annotated) ─ c2 (v1.1.0) ─ c3 ─┬─ c4            main: fsg_open removed
 *                                                 └─ f1 ─ f2       feature
 *
 * c1: fsg_open, fsg_close(handle: i32), FSG_MAX = 64; c2: + fsg_read (addition);
 * c3: fsg_close(handle: i64) (breaking); c4 on main after the branch: fsg_open removed (breaking);
 * f1: + fsg_feature (addition); f2: FSG_MAX = 32 (potentially breaking); branch `rename` from c1:
 * r1 renames a parameter of fsg_open (non-ABI).
 * The work tree is left on `feature`, clean.
 */
export interface History {
  repo: Repo;
  c1: string;
  c2: string;
  c3: string;
  c4: string;
  f1: string;
  f2: string;
  r1: string;
}

export function lib(opts: {
  open?: boolean;
  closeParam?: string;
  read?: boolean;
  feature?: boolean;
  max?: number;
}) {
  const o = { open: true, closeParam: 'i32', read: false, feature: false, max: 64, ...opts };
  return [
    `pub const FSG_MAX: u32 = ${o.max};\n`,
    o.open ? exportFn('fsg_open', 'flags: u32') : '',
    exportFn('fsg_close', `handle: ${o.closeParam}`),
    o.read ? exportFn('fsg_read', 'buf: *mut u8, len: usize', 'isize') : '',
    o.feature ? exportFn('fsg_feature') : '',
  ].join('\n');
}

export function makeHistory(): History {
  const repo = Repo.init();
  const c1 = repo.commit('c1', { 'Cargo.toml': MANIFEST(), 'src/lib.rs': lib({}) });
  repo.git('tag', '-a', '-m', 'release 1.0.0', 'v1.0.0');
  const c2 = repo.commit('c2', { 'src/lib.rs': lib({ read: true }) });
  repo.git('tag', 'v1.1.0');
  const c3 = repo.commit('c3', { 'src/lib.rs': lib({ read: true, closeParam: 'i64' }) });
  repo.git('checkout', '-q', '-b', 'feature');
  const f1 = repo.commit('f1', { 'src/lib.rs': lib({ read: true, closeParam: 'i64', feature: true }) });
  const f2 = repo.commit('f2', {
    'src/lib.rs': lib({ read: true, closeParam: 'i64', feature: true, max: 32 }),
  });
  repo.git('checkout', '-q', 'main');
  const c4 = repo.commit('c4', { 'src/lib.rs': lib({ open: false, read: true, closeParam: 'i64' }) });
  repo.git('checkout', '-q', '-b', 'rename', c1);
  const r1 = repo.commit('r1', { 'src/lib.rs': lib({}).replace('flags: u32', 'mode: u32') });
  repo.git('checkout', '-q', 'feature');
  return { repo, c1, c2, c3, c4, f1, f2, r1 };
}

/**
 * A repository whose Rust crate lives in a subdirectory (`rust/ffi`), beside Go code and with an
 * unrelated crate (`outer`) at the top: m1, then m2 changing all three.
 */
export interface Monorepo {
  repo: Repo;
  m1: string;
  m2: string;
}

export function makeMonorepo(): Monorepo {
  const repo = Repo.init();
  const m1 = repo.commit('m1', {
    'Cargo.toml': MANIFEST('outer', '3.0.0'),
    'src/lib.rs': exportFn('outer_fn'),
    'go/main.go': 'package main\n\nfunc main() {}\n',
    'rust/ffi/Cargo.toml': MANIFEST('ffi', '0.4.0'),
    'rust/ffi/src/lib.rs': 'mod api;\n',
    'rust/ffi/src/api.rs': exportFn('ffi_old'),
  });
  const m2 = repo.commit('m2', {
    'src/lib.rs': '',
    'go/main.go': 'package main\n\n// #include "ffi.h"\nimport "C"\n\nfunc main() {}\n',
    'rust/ffi/src/api.rs': exportFn('ffi_old') + exportFn('ffi_new'),
  });
  return { repo, m1, m2 };
}

// ---------------------------------------------------------------------------------------------
// The bundled CLI
// ---------------------------------------------------------------------------------------------

/** `dist/` by default; `FSG_DIST_DIR` points the tests at another build of the bundle. */
export const DIST = process.env.FSG_DIST_DIR ?? path.join(__dirname, '..', '..', 'dist');
const BUNDLE_FILES = [
  'cli.js',
  'cli-run.js',
  'web-tree-sitter.wasm',
  'tree-sitter-rust.wasm',
  'tree-sitter-c.wasm',
  'tree-sitter-go.wasm',
];

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** The bundle copied alone into a temporary directory (no `node_modules` anywhere near it). */
export class BundledCli {
  readonly dir = tempDir('fsg-cli-');
  readonly path = path.join(this.dir, 'cli.js');

  constructor() {
    for (const f of BUNDLE_FILES) fs.copyFileSync(path.join(DIST, f), path.join(this.dir, f));
  }

  run(args: string[], cwd = this.dir): CliResult {
    const env: NodeJS.ProcessEnv = { ...GIT_ENV };
    delete env.NODE_PATH;
    delete env.NODE_OPTIONS;
    const r = spawnSync(process.execPath, [this.path, ...args], {
      cwd,
      env,
      encoding: 'utf8',
      timeout: 90_000,
    });
    return { code: r.status, stdout: r.stdout, stderr: r.stderr };
  }

  dispose(): void {
    removeDir(this.dir);
  }
}

/** The lines of stderr, without the empty last one. */
export function stderrLines(r: { stderr: string }): string[] {
  return r.stderr.split('\n').filter((l) => l !== '');
}
