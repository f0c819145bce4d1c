/** `ffi-surface-guard changelog` in process, on a temporary git repository. */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { run, USAGE } from '../../src/cli/run';
import { CHANGELOG, ownValues } from '../../src/cli/commands/changelog';
import { parseCommandLine, UsageError } from '../../src/cli/arguments';

const MANIFEST = (version: string) => `[package]\nname = "demo"\nversion = "${version}"\nedition = "2021"\n`;
const LIB_V1 = `#[no_mangle]
pub extern "C" fn demo_open() {}
#[no_mangle]
pub extern "C" fn demo_legacy() {}
`;
const LIB_V2 = `#[no_mangle]
pub extern "C" fn demo_open(flags: u32) {}
#[no_mangle]
pub extern "C" fn demo_close() {}
`;
const LIB_BRANCH = `#[no_mangle]
pub extern "C" fn demo_open() {}
#[no_mangle]
pub extern "C" fn demo_legacy() {}
#[no_mangle]
pub extern "C" fn demo_side() {}
`;

let dir: string;

function git(...args: string[]): string {
  return execFileSync('git', args, {
    cwd: dir,
    encoding: 'utf8',
    env: {
      ...process.env,
      GIT_AUTHOR_NAME: 't',
      GIT_AUTHOR_EMAIL: 't@example.com',
      GIT_COMMITTER_NAME: 't',
      GIT_COMMITTER_EMAIL: 't@example.com',
      GIT_AUTHOR_DATE: '2026-03-04T12:00:00Z',
      GIT_COMMITTER_DATE: '2026-03-04T12:00:00Z',
      GIT_CONFIG_NOSYSTEM: '1',
      HOME: dir,
    },
  });
}

function commit(version: string, lib: string, message: string): void {
  fs.writeFileSync(path.join(dir, 'Cargo.toml'), MANIFEST(version));
  fs.writeFileSync(path.join(dir, 'src', 'lib.rs'), lib);
  git('add', '-A');
  git('commit', '-q', '-m', message);
}

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fsg-changelog-'));
  fs.mkdirSync(path.join(dir, 'src'));
  git('init', '-q', '-b', 'main');
  commit('1.0.0', LIB_V1, 'v1');
  git('tag', 'v1.0.0');
  git('branch', 'side');
  commit('2.0.0', LIB_V2, 'v2');
  git('tag', 'v2.0.0');
  git('checkout', '-q', 'side');
  commit('1.1.0', LIB_BRANCH, 'side');
  git('checkout', '-q', 'main');
});

afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('changelog command', () => {
  it('prints the changelog between two revisions, dated by the head commit', async () => {
    const r = await run([
      'changelog',
      '--root',
      dir,
      '--base',
      'v1.0.0',
      '--head',
      'v2.0.0',
      '--version',
      '2.0.0',
    ]);
    expect(r.error).toBeUndefined();
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toBe(
      [
        '## [2.0.0] - 2026-03-04',
        '',
        '### Breaking',
        '',
        '- `demo_open`: parameter count changed from 0 to 1 \\(\\) → \\(u32\\) — `extern "C" fn demo_open()` → `extern "C" fn demo_open(flags: u32)`',
        '',
        '### Added',
        '',
        '- `demo_close`: new exported function demo\\_close — `extern "C" fn demo_close()`',
        '',
        '### Removed',
        '',
        '- **Breaking:** `demo_legacy`: exported function demo\\_legacy was removed — was `extern "C" fn demo_legacy()`',
        '',
      ].join('\n'),
    );
  });

  it('takes --version=X and --date, and names the bumped version without --version', async () => {
    const a = await run([
      'changelog',
      `--root=${dir}`,
      '--base=v1.0.0',
      '--head=v2.0.0',
      '--version=v2',
      '--date=2030-01-01',
    ]);
    expect(a.stdout.split('\n')[0]).toBe('## [v2] - 2030-01-01');
    const b = await run(['changelog', '--root', dir, '--base', 'v1.0.0', '--head', 'v2.0.0']);
    expect(b.stdout.split('\n')[0]).toBe('## [2.0.0]');
  });

  it('compares with --base itself, not the merge base', async () => {
    // side adds demo_side on top of v1.0.0; from side to main, demo_side disappears
    const r = await run(['changelog', '--root', dir, '--base', 'side', '--head', 'main']);
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toContain('`demo_side`: exported function demo\\_side was removed');
  });

  it('reads the working tree when --head is absent', async () => {
    fs.appendFileSync(path.join(dir, 'src', 'lib.rs'), '#[no_mangle]\npub extern "C" fn demo_wip() {}\n');
    try {
      const r = await run(['changelog', '--root', dir, '--base', 'HEAD', '--version', '2.1.0']);
      expect(r.exitCode).toBe(0);
      expect(r.stdout).toMatch(/^## \[2\.1\.0\] - \d{4}-\d{2}-\d{2}\n/);
      expect(r.stdout).toContain('- `demo_wip`: new exported function demo\\_wip');
    } finally {
      git('checkout', '-q', '--', 'src/lib.rs');
    }
  });

  it('says when nothing changed', async () => {
    const r = await run(['changelog', '--root', dir, '--base', 'v2.0.0', '--head', 'v2.0.0']);
    expect(r).toEqual({ stdout: 'No changes to the FFI surface.\n', exitCode: 0, error: undefined });
  });

  it.each([
    [['changelog', '--root', '.'], 'changelog needs --base REV'],
    [['changelog', '--base', 'v1.0.0', '--version'], '--version needs a value'],
    [['changelog', '--base', 'v1.0.0', '--version', '--root', '.'], '--version needs a value'],
    [['changelog', '--base', 'v1.0.0', '--version='], '--version needs a value'],
    [['changelog', '--base', 'v1.0.0', '--date', 'tomorrow'], '--date must be YYYY-MM-DD (got "tomorrow")'],
    [
      ['changelog', '--base', 'v1.0.0', '--format', 'json'],
      'unknown option "--format" for changelog (extract, diff, release-check take it)',
    ],
    [['changelog', '--base', 'v1.0.0', '--bogus'], 'unknown option "--bogus" for changelog'],
    [['changelog', '--base', 'v1.0.0', '--version', '1', '--version', '2'], '--version given twice'],
  ])('rejects %j with exit code 2', async (argv, message) => {
    const r = await run(argv.map((a) => (a === '.' ? dir : a)));
    expect(r).toEqual({ stdout: '', exitCode: 2, error: message });
  });

  it('fails with exit code 2 and one line for an unknown revision', async () => {
    const r = await run(['changelog', '--root', dir, '--base', 'no-such-tag']);
    expect(r.exitCode).toBe(2);
    expect(r.error).toMatch(/no-such-tag/);
    expect(r.error).not.toMatch(/\n/);
  });

  it('prints its usage with --help, and is listed in the general usage', async () => {
    const r = await run(['changelog', '--help']);
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toContain('changelog --base REV [--head REV]');
    expect(USAGE).toContain(
      'changelog     --base REV [--head REV] [--root DIR] [feature flags] [--version X]',
    );
  });

  it('leaves the global --version alone', async () => {
    expect((await run(['--version'])).stdout).toMatch(/^ffi-surface-guard \d/);
  });
});

describe('--version and --date', () => {
  const parse = (argv: string[]) => ownValues(parseCommandLine(CHANGELOG, argv));

  it('are the release and its date, whatever else the command line holds', () => {
    expect(parse(['--base', 'a', '--version', '1.0.0', '--date=2026-01-02', '--all-features'])).toEqual({
      version: '1.0.0',
      date: '2026-01-02',
    });
    expect(parse([])).toEqual({});
  });

  it('rejects control characters', () => {
    expect(() => parse(['--version', '1.0\n'])).not.toThrow(); // trimmed
    expect(() => parse(['--version', '1.\u00000'])).toThrow(UsageError);
  });
});
