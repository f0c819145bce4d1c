/**
 * `node dist/cli.js diff …` across real git history, run from a copy of the bundle with no
 * `node_modules` (SPEC section 3): revisions, the working tree, the merge base, `--root`, shallow
 * clones, exit codes and `--fail-on`. `FSG_DIST_DIR` points the test at another build.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  BundledCli,
  CliResult,
  exportFn,
  History,
  lib,
  makeHistory,
  makeMonorepo,
  Monorepo,
  Repo,
  stderrLines,
} from './git-fixture';

interface ReportJson {
  schemaVersion: number;
  base: { rev: string; digest: string };
  head: { rev: string; digest: string };
  changes: { rule: string; severity: string; name: string; crate: string; file: string }[];
  findings: { rule: string; symbol: string }[];
  requiredBump: string;
  crates: { name: string; baseVersion: string | null; headVersion: string | null }[];
}

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

function diff(args: string[], cwd?: string): CliResult {
  return cli.run(['diff', ...args], cwd);
}

/** Exit code 0, nothing on stderr, and the JSON report. */
function report(r: CliResult): ReportJson {
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  return JSON.parse(r.stdout) as ReportJson;
}

function changes(rep: ReportJson): string[] {
  return rep.changes.map((c) => `${c.rule} ${c.name}`).sort();
}

/** Exit code 2 and exactly `line` on stderr: one line, no stack trace. */
function expectError(r: CliResult, line: string | RegExp): void {
  expect(stderrLines(r)).toEqual([expect.stringMatching(/^ffi-surface-guard: /)]);
  const [only] = stderrLines(r);
  if (typeof line === 'string') expect(only).toBe(`ffi-surface-guard: ${line}`);
  else expect(only).toMatch(line);
  expect(r.stderr).not.toMatch(/^\s+at /m);
  expect(r.stdout).toBe('');
  expect(r.code).toBe(2);
}

describe('revisions', () => {
  it('SHAs: the JSON report of SPEC section 3', () => {
    const rep = report(diff(['--root', h.repo.dir, '--base', h.c1, '--head', h.c2, '--format', 'json']));
    expect(rep.schemaVersion).toBe(1);
    expect(rep.base.rev).toBe(h.c1);
    expect(rep.head.rev).toBe(h.c2);
    expect(rep.base.digest).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(rep.base.digest).not.toBe(rep.head.digest);
    expect(rep.changes).toEqual([
      expect.objectContaining({
        rule: 'function-added',
        severity: 'addition',
        name: 'fsg_read',
        crate: 'demo',
        file: 'src/lib.rs',
      }),
    ]);
    expect(rep.requiredBump).toBe('minor');
    expect(rep.findings.map((f) => `${f.rule} ${f.symbol}`).sort()).toEqual([
      'buffer-param fsg_read',
      'untested-export fsg_read',
    ]);
  });

  it('tags, with JSON as the default format', () => {
    const rep = report(diff(['--root', h.repo.dir, '--base', 'v1.0.0', '--head', 'v1.1.0']));
    expect([rep.base.rev, rep.head.rev]).toEqual([h.c1, h.c2]);
    expect(changes(rep)).toEqual(['function-added fsg_read']);
  });

  it('branches, compared against their merge base (main moved on after feature branched)', () => {
    const rep = report(diff(['--root', h.repo.dir, '--base', 'main', '--head', 'feature']));
    expect(rep.base.rev).toBe(h.c3);
    expect(rep.head.rev).toBe(h.f2);
    expect(changes(rep)).toEqual(['const-value-changed FSG_MAX', 'function-added fsg_feature']);
  });

  it('text and markdown formats', () => {
    const text = diff(['--root', h.repo.dir, '--base', 'v1.1.0', '--head', h.c3, '--format', 'text']);
    expect(text.code).toBe(0);
    expect(text.stdout).toContain('Required semver bump: major');
    expect(text.stdout).toMatch(/function-parameters-changed\s+function fsg_close\s+src\/lib\.rs:\d+/);
    const md = diff(['--root', h.repo.dir, '--base', 'v1.1.0', '--head', h.c3, '--format', 'markdown']);
    expect(md.code).toBe(0);
    expect(md.stdout).toContain('function-parameters-changed');
    expect(md.stdout).toContain('fsg_close');
  });

  it('a revision that does not exist: exit 2, one line', () => {
    expectError(
      diff(['--root', h.repo.dir, '--base', 'no-such-branch', '--head', 'main']),
      '--base "no-such-branch" is not in this repository; fetch it first (git fetch origin <rev>)',
    );
    expectError(
      diff(['--root', h.repo.dir, '--base', 'main', '--head', 'v9.9.9']),
      '--head "v9.9.9" is not in this repository; fetch it first (git fetch origin <rev>)',
    );
  });

  it('usage errors: exit 2, one line', () => {
    expectError(diff(['--root', h.repo.dir]), 'diff needs --base REV');
    expectError(
      diff(['--root', h.repo.dir, '--base', 'main', '--format', 'yaml']),
      '--format must be one of json, markdown, text, sarif (got "yaml")',
    );
    expectError(
      diff(['--root', h.repo.dir, '--base', 'main', '--fail-on', 'major']),
      '--fail-on must be one of breaking, potentially-breaking, any (got "major")',
    );
    const nowhere = path.join(h.repo.dir, 'nowhere');
    expectError(diff(['--root', nowhere, '--base', 'main']), `--root ${nowhere} does not exist`);
  });
});

describe('the working tree as head', () => {
  afterEach(() => {
    h.repo.git('checkout', '-q', '--', '.');
    h.repo.git('clean', '-q', '-fd');
  });

  it('uncommitted edits count, from the current directory', () => {
    h.repo.write({
      'src/lib.rs': lib({ read: true, closeParam: 'i64', feature: true, max: 32 }) + exportFn('fsg_dirty'),
    });
    const rep = report(diff(['--base', 'main'], h.repo.dir));
    expect(rep.head.rev).toBe('working tree');
    expect(rep.base.rev).toBe(h.c3);
    expect(changes(rep)).toEqual([
      'const-value-changed FSG_MAX',
      'function-added fsg_dirty',
      'function-added fsg_feature',
    ]);
  });
});

describe('--root in a subdirectory', () => {
  let m: Monorepo;
  beforeAll(() => {
    m = makeMonorepo();
  });
  afterAll(() => m.repo.remove());

  it('analyses the crate below it only', () => {
    const rep = report(diff(['--root', path.join(m.repo.dir, 'rust/ffi'), '--base', m.m1, '--head', m.m2]));
    expect(rep.crates).toEqual([{ name: 'ffi', baseVersion: '0.4.0', headVersion: '0.4.0' }]);
    expect(rep.changes.map((c) => [c.rule, c.name, c.file])).toEqual([
      ['function-added', 'ffi_new', 'src/api.rs'],
    ]);
  });

  it('relative to the current directory', () => {
    const rep = report(diff(['--root', 'rust/ffi', '--base', 'HEAD~1', '--head', 'HEAD'], m.repo.dir));
    expect(changes(rep)).toEqual(['function-added ffi_new']);
  });
});

describe('shallow clones', () => {
  let clones: Repo[] = [];
  afterEach(() => {
    for (const c of clones) c.remove();
    clones = [];
  });
  const shallow = (withOrigin: boolean): Repo => {
    const c = Repo.clone(h.repo, '--depth', '1', '--branch', 'feature');
    clones.push(c);
    if (!withOrigin) c.git('remote', 'remove', 'origin');
    return c;
  };

  it('missing the base, without a remote: exit 2 and one line naming fetch-depth: 0', () => {
    const c = shallow(false);
    expectError(
      diff(['--base', h.c1], c.dir),
      `--base "${h.c1}" is not in this repository: this is a shallow clone; use actions/checkout with fetch-depth: 0, or fetch the base commit (git fetch origin <base>)`,
    );
  });

  it('holding the base but not the merge base, without a remote: exit 2 naming fetch-depth: 0', () => {
    const c = shallow(false);
    c.git('fetch', '-q', '--depth', '1', `file://${h.repo.dir}`, 'main');
    expectError(
      diff(['--base', h.c4, '--head', 'HEAD'], c.dir),
      `no merge base of ${h.c4} and HEAD in this shallow clone: use actions/checkout with fetch-depth: 0, or fetch more history (git fetch --unshallow origin)`,
    );
  });

  it('missing the base, with origin: fetched, and the same report as a full clone', () => {
    const full = report(diff(['--root', h.repo.dir, '--base', 'main', '--head', 'feature']));
    for (const base of [h.c4, 'main', 'origin/main']) {
      const c = shallow(true);
      const rep = report(diff(['--base', base, '--head', 'HEAD'], c.dir));
      expect(rep.base.rev).toBe(h.c3);
      expect(rep.changes).toEqual(full.changes);
      expect(rep.head.digest).toBe(full.head.digest);
    }
  });
});

describe('--fail-on', () => {
  // [what, base, head, expected exit code for breaking / potentially-breaking / any]
  const CASES: [string, () => string, () => string, [number, number, number]][] = [
    ['a breaking change', () => h.c2, () => h.c3, [1, 1, 1]],
    ['a potentially-breaking change', () => h.f1, () => h.f2, [0, 1, 1]],
    ['an addition', () => h.c1, () => h.c2, [0, 0, 1]],
    ['a non-ABI change', () => h.c1, () => h.r1, [0, 0, 1]],
    ['no change', () => h.c3, () => h.c3, [0, 0, 0]],
  ];
  const LEVELS = ['breaking', 'potentially-breaking', 'any'] as const;

  it.each(CASES)('%s', (_what, base, head, codes) => {
    const args = ['--root', h.repo.dir, '--base', base(), '--head', head()];
    const plain = report(diff(args));
    LEVELS.forEach((level, i) => {
      const r = diff([...args, '--fail-on', level]);
      expect([level, r.code]).toEqual([level, codes[i]]);
      expect(JSON.parse(r.stdout)).toEqual(plain); // the report is printed either way
      if (codes[i] === 0) expect(r.stderr).toBe('');
      else
        expect(stderrLines(r)).toEqual([
          `ffi-surface-guard: the surface change is ${level === 'any' ? 'non-empty' : `${level} or worse`} (--fail-on ${level})`,
        ]);
    });
  });

  it('the non-ABI case is the rename rule', () => {
    const rep = report(diff(['--root', h.repo.dir, '--base', h.c1, '--head', h.r1]));
    expect(rep.changes.map((c) => [c.rule, c.severity])).toEqual([['function-parameter-renamed', 'non-abi']]);
    expect(rep.requiredBump).toBe('patch');
  });
});

it('the bundle directory holds nothing but the bundle', () => {
  expect(fs.readdirSync(cli.dir).sort()).toEqual([
    'cli-run.js',
    'cli.js',
    'tree-sitter-c.wasm',
    'tree-sitter-go.wasm',
    'tree-sitter-rust.wasm',
    'web-tree-sitter.wasm',
  ]);
});
