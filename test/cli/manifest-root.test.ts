/**
 * Without `--root`, a command analyses what cargo would: the nearest `Cargo.toml` upwards from the
 * current directory, or the workspace it belongs to — never above the repository's root.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { findManifestRoot } from '../../src/adapters/manifest-root';

const CLI = path.join(__dirname, '..', '..', 'dist', 'cli.js');

function layout(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fsg-root-'));
  const write = (p: string, text: string) => {
    fs.mkdirSync(path.dirname(path.join(dir, p)), { recursive: true });
    fs.writeFileSync(path.join(dir, p), text);
  };
  fs.mkdirSync(path.join(dir, 'repo', '.git'), { recursive: true });
  // a manifest above the repository must never be taken
  write('Cargo.toml', '[workspace]\nmembers = ["repo/*"]\n');
  write('repo/Cargo.toml', '[workspace]\nmembers = ["crates/*"]\n');
  write('repo/crates/a/Cargo.toml', '[package]\nname = "a"\nversion = "1.0.0"\n');
  write('repo/crates/a/src/lib.rs', '#[no_mangle]\npub extern "C" fn from_a() {}\n');
  write('repo/crates/b/Cargo.toml', '[package]\nname = "b"\nversion = "1.0.0"\n');
  write('repo/crates/b/src/lib.rs', '#[no_mangle]\npub extern "C" fn from_b() {}\n');
  write('lonely/pkg/Cargo.toml', '[package]\nname = "lonely"\nversion = "1.0.0"\n');
  write('lonely/pkg/src/lib.rs', '');
  return dir;
}

describe('the manifest found upwards', () => {
  let dir: string;
  beforeAll(() => {
    dir = layout();
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('takes the workspace root of the nearest package, within the repository', () => {
    const found = findManifestRoot(path.join(dir, 'repo/crates/a/src'));
    expect(path.resolve(found)).toBe(path.join(dir, 'repo'));
  });

  it('takes the nearest package when no workspace is above it', () => {
    const found = findManifestRoot(path.join(dir, 'lonely/pkg/src'));
    // `lonely` is outside the repository: the walk goes up to the file system's root, and the only
    // workspace on the way is the one at `dir`
    expect(path.resolve(found)).toBe(dir);
  });

  it('runs the bundled CLI from a source directory of a member', () => {
    const out = execFileSync('node', [CLI, 'extract', '--format', 'json'], {
      cwd: path.join(dir, 'repo/crates/a/src'),
      encoding: 'utf8',
    });
    const s = JSON.parse(out) as { crates: { name: string }[] };
    expect(s.crates.map((c) => c.name)).toEqual(['a', 'b']);
  });

  it('says in one line what to do when a revision is asked for outside a git repository', () => {
    const r = spawnSync('node', [CLI, 'extract', '--rev', 'HEAD'], {
      cwd: path.join(dir, 'lonely/pkg'),
      encoding: 'utf8',
    });
    expect(r.status).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain('is not inside a git repository');
    expect(r.stderr).not.toContain('fatal:');
  });
});
