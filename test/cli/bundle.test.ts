/**
 * The command line through the bundle (`dist/cli.js` copied alone, as test/diff/cli-diff.test.ts
 * does): per-command help, `version`, revisions as arguments, rejected flags, `--output`,
 * undeclared features, and a reader that closes the pipe early. `FSG_DIST_DIR` points the tests
 * at another build.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  BundledCli,
  CliResult,
  History,
  makeHistory,
  removeDir,
  stderrLines,
  tempDir,
} from '../diff/git-fixture';

let cli: BundledCli;
let h: History;
beforeAll(() => {
  cli = new BundledCli();
  h = makeHistory();
});
afterAll(() => {
  cli.dispose();
  h.repo.remove();
});

/** Exit code 2, one stderr line naming the tool and matching `line`, no stack trace, no output. */
function expectError(r: CliResult, line: RegExp): void {
  expect(stderrLines(r)).toEqual([expect.stringMatching(/^ffi-surface-guard: /)]);
  expect(stderrLines(r)[0]).toMatch(line);
  expect(r.stderr).not.toMatch(/^\s+at /m);
  expect(r.stdout).toBe('');
  expect(r.code).toBe(2);
}

describe('help and version', () => {
  it('diff --help and diff -h: the command help, exit 0', () => {
    for (const flag of ['--help', '-h']) {
      const r = cli.run(['diff', flag]);
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
      expect(r.stdout).toMatch(/^usage: ffi-surface-guard diff /);
      for (const f of [
        '--base',
        '--head',
        '--root',
        '--features',
        '--config',
        '--output',
        '--deadline',
        '--fail-on',
      ])
        expect(r.stdout).toContain(f);
      expect(r.stdout).toContain('(default: json)');
    }
  });

  it('the version command and --version', () => {
    for (const argv of [['version'], ['--version']]) {
      const r = cli.run(argv);
      expect(r.code).toBe(0);
      expect(r.stdout).toMatch(/^ffi-surface-guard \d+\.\d+\.\d+\n$/);
    }
  });
});

describe('rejected flags: exit 2, one line', () => {
  it.each([
    [['extract', '--fail-on', 'breaking'], /unknown option "--fail-on" for extract/],
    [['gate-status', '--rev', 'foo'], /unknown option "--rev" for gate-status/],
    [['diff', '--findings', 'main'], /unknown option "--findings" for diff/],
    [['diff', '--bsae', 'main'], /did you mean "--base"\?/],
    [['dif'], /unknown command "dif" \(did you mean "diff"\?\)/],
  ])('%j', (argv, line) => {
    expectError(cli.run(argv), line);
  });
});

describe('revisions as arguments', () => {
  const baseOf = (...argv: string[]): string => {
    const r = cli.run(['diff', '--root', h.repo.dir, ...argv]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    return (JSON.parse(r.stdout) as { base: { rev: string } }).base.rev;
  };

  it('A B and A...B: the merge base; A..B: A itself', () => {
    expect(baseOf('main', 'feature')).toBe(h.c3);
    expect(baseOf('main...feature')).toBe(h.c3);
    expect(baseOf('main..feature')).toBe(h.c4);
  });

  it('an unknown revision is named as one, not as an unknown option', () => {
    expectError(
      cli.run(['diff', '--root', h.repo.dir, 'v0.14.0', 'v0.15.0']),
      /^ffi-surface-guard: --base "v0\.14\.0" is not in this repository/,
    );
  });
});

describe('--output and --features', () => {
  it('--output FILE writes the report (directories created), stdout empty', () => {
    const dir = tempDir('fsg-out-');
    try {
      const file = path.join(dir, 'reports', 'diff.md');
      const r = cli.run([
        'diff',
        '--root',
        h.repo.dir,
        'main..feature',
        '--format',
        'markdown',
        '--output',
        file,
      ]);
      expect(r).toEqual({ code: 0, stdout: '', stderr: '' });
      expect(fs.readFileSync(file, 'utf8')).toContain('fsg_feature');
    } finally {
      removeDir(dir);
    }
  });

  it('--features naming an undeclared feature: exit 2 naming it', () => {
    expectError(
      cli.run(['diff', '--root', h.repo.dir, 'main', '--features', 'nosuch']),
      /feature "nosuch" is not declared/,
    );
  });
});

describe('a reader that closes the pipe early (diff … | head)', () => {
  it('ends quietly with exit code 0', () => {
    const dir = tempDir('fsg-pipe-');
    try {
      fs.mkdirSync(path.join(dir, 'src'));
      fs.writeFileSync(
        path.join(dir, 'Cargo.toml'),
        '[package]\nname = "big"\nversion = "1.0.0"\nedition = "2021"\n',
      );
      let lib = '';
      for (let i = 0; i < 3000; i++)
        lib += `#[no_mangle]\npub extern "C" fn big_${i}(a: i32) -> i32 {\n    a\n}\n`;
      fs.writeFileSync(path.join(dir, 'src', 'lib.rs'), lib);
      const err = path.join(dir, 'stderr.txt');
      // the JSON is megabytes; head reads 100 bytes and closes the pipe
      const r = spawnSync(
        'bash',
        [
          '-c',
          '"$0" "$1" extract --root "$2" --format json 2>"$3" | head -c 100 >/dev/null; echo "${PIPESTATUS[0]}"',
          process.execPath,
          cli.path,
          dir,
          err,
        ],
        { encoding: 'utf8', timeout: 60_000 },
      );
      expect(r.stdout.trim()).toBe('0');
      expect(fs.readFileSync(err, 'utf8')).toBe('');
    } finally {
      removeDir(dir);
    }
  });
});
