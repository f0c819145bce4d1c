/**
 * git's stderr is captured everywhere: its "fatal: …" lines never reach ours. A failing git command
 * becomes one line that says what to do — checked against what the real git prints, and through
 * the bundled CLI on revisions and paths that do not exist.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { explainGitFailure, git, GitError, runGit } from '../../src/adapters/git';
import { BundledCli, CliResult, History, makeHistory, stderrLines, tempDir } from '../diff/git-fixture';

let cli: BundledCli;
let h: History;
const outside = tempDir('fsg-norepo-');
beforeAll(() => {
  cli = new BundledCli();
  h = makeHistory();
  fs.writeFileSync(path.join(outside, 'Cargo.toml'), '[package]\nname = "x"\nversion = "1.0.0"\n');
});
afterAll(() => {
  cli.dispose();
  h.repo.remove();
  fs.rmSync(outside, { recursive: true, force: true });
});

describe('explainGitFailure on what git really prints', () => {
  const cases: [string, () => string, string[], RegExp][] = [
    [
      'a revision git cannot resolve',
      () => h.repo.dir,
      ['rev-parse', '--verify', 'nosuch'],
      /is not in this repository/,
    ],
    [
      'an unknown revision or path',
      () => h.repo.dir,
      ['log', 'nosuch'],
      /^revision "nosuch" is not in this repository/,
    ],
    [
      'a bad object name',
      () => h.repo.dir,
      ['cat-file', '-t', 'nosuch'],
      /^revision "nosuch" is not in this repository/,
    ],
    [
      'a path missing at a revision',
      () => h.repo.dir,
      ['show', 'HEAD:no/such.rs'],
      /^"no\/such\.rs" does not exist at revision "HEAD": check the path/,
    ],
    [
      'outside any repository',
      () => outside,
      ['rev-parse', 'HEAD'],
      /is not inside a git repository: run it in a clone/,
    ],
    [
      'a remote that is not a repository',
      () => h.repo.dir,
      ['fetch', '--quiet', path.join(outside, 'nowhere')],
      /^git fetch cannot fetch from the remote .*: check the remote/,
    ],
  ];
  it.each(cases)('%s: one line of ours, no "fatal:"', async (_label, dir, args, expected) => {
    const raw = await runGit(dir(), args);
    expect(raw.code).not.toBe(0);
    // the test is about git's own words: it must have said something
    expect(raw.stderr).toMatch(/fatal:|error:/);
    const line = explainGitFailure(args, raw.stderr, raw.code, dir());
    expect(line).not.toContain('\n');
    expect(line).not.toMatch(/fatal:|error:|hint:/i);
    expect(line).toMatch(expected);
    // and `git()` throws exactly that
    await expect(git(dir(), args)).rejects.toEqual(new GitError(line));
  });

  it('an unknown message keeps its text, without the prefix, control characters or length', () => {
    const line = explainGitFailure(['frob'], `fatal: ${'\u001b[31m'}odd${'x'.repeat(1000)}\nhint: no\n`, 128);
    expect(line).toMatch(/^git frob failed: \\u\{1b\}|^git frob failed: {2}/);
    expect(line).not.toContain('\u001b');
    expect(line.length).toBeLessThan(340);
    expect(explainGitFailure(['frob'], '', 3)).toBe('git frob failed (exit 3)');
  });
});

/** Exit code 2, and stderr exactly one line of ours that does not quote git. */
function expectOneLine(r: CliResult, line: RegExp, report = false): void {
  expect(r.code).toBe(2);
  // extract prints the (empty) surface with its diagnostics as well
  if (!report) expect(r.stdout).toBe('');
  expect(stderrLines(r)).toEqual([expect.stringMatching(/^ffi-surface-guard: /)]);
  expect(r.stderr).toMatch(line);
  expect(r.stderr).not.toMatch(/fatal:|error: |usage: git|hint:/);
  expect(r.stderr.endsWith('\n')).toBe(true);
}

describe('the bundled CLI on revisions and paths that do not exist', () => {
  it('extract --rev NOSUCH', () => {
    expectOneLine(
      cli.run(['extract', '--rev', 'nosuch'], h.repo.dir),
      /revision "nosuch" is not in this repository/,
    );
  });

  it('diff NOSUCH and diff main NOSUCH', () => {
    expectOneLine(cli.run(['diff', 'nosuch'], h.repo.dir), /--base "nosuch" is not in this repository/);
    expectOneLine(
      cli.run(['diff', 'main', 'nosuch'], h.repo.dir),
      /--head "nosuch" is not in this repository/,
    );
  });

  it('a revision:path that does not exist', () => {
    expectOneLine(cli.run(['diff', 'HEAD:no/such'], h.repo.dir), /"HEAD:no\/such" is not in this repository/);
    expectOneLine(
      cli.run(['extract', '--rev', 'HEAD:no/such'], h.repo.dir),
      /"HEAD:no\/such" is not in this repository/,
    );
  });

  it('a --root that does not exist, or is not committed at the revision', () => {
    expectOneLine(
      cli.run(['diff', 'main', '--root', 'no/such'], h.repo.dir),
      /--root no\/such does not exist/,
    );
    const sub = path.join(h.repo.dir, 'untracked');
    fs.mkdirSync(sub, { recursive: true });
    fs.writeFileSync(path.join(sub, 'Cargo.toml'), '[package]\nname = "u"\nversion = "1.0.0"\n');
    try {
      expectOneLine(cli.run(['extract', '--root', sub, '--rev', 'HEAD'], h.repo.dir), /no Cargo\.toml/, true);
    } finally {
      fs.rmSync(sub, { recursive: true, force: true });
    }
  });

  it('a revision outside any repository', () => {
    expectOneLine(cli.run(['extract', '--rev', 'HEAD'], outside), /is not inside a git repository/);
    expectOneLine(cli.run(['diff', 'HEAD'], outside), /is not inside a git repository/);
    expectOneLine(cli.run(['gate-status', 'HEAD'], outside), /is not inside a git repository/);
    expectOneLine(
      cli.run(['changelog', 'HEAD', '--version', '1.0.0'], outside),
      /is not inside a git repository/,
    );
  });
});
