/**
 * `release-check`: does each crate's version bump cover its surface change, under Cargo's rules?
 * First the rules themselves (`versionBump`, `checkCrate`), then the command over real tags —
 * in-process through the CLI dispatcher and through the bundled CLI (exit codes 0, 1 and 2).
 */
import { run } from '../../src/cli/run';
import { checkCrate, versionBump } from '../../src/core/release-check';
import type { Change, Severity } from '../../src/core/report';
import { BundledCli, exportFn, MANIFEST, Repo, stderrLines } from './git-fixture';

const RULE_OF: Record<Severity, string> = {
  breaking: 'function-removed',
  'source-breaking': 'c-declaration-changed',
  'potentially-breaking': 'enum-variant-added',
  addition: 'function-added',
  'non-abi': 'function-parameter-renamed',
};

function change(severity: Severity): Change {
  return {
    rule: RULE_OF[severity],
    severity,
    kind: 'function',
    name: 'f',
    symbol: 'f',
    crate: 'demo',
    file: 'src/lib.rs',
    line: 1,
    before: null,
    after: null,
    message: '',
  };
}

describe('versionBump: what a version change amounts to in Cargo’s terms', () => {
  it.each([
    // x.y.z with x ≥ 1: major.minor.patch
    ['1.2.3', '1.2.4', 'patch'],
    ['1.2.3', '1.3.0', 'minor'],
    ['1.2.3', '1.3.5', 'minor'],
    ['1.2.3', '2.0.0', 'major'],
    ['1.2.3', '1.2.3', 'none'],
    ['1.2.3+build.1', '1.2.3+build.2', 'none'],
    // 0.y.z: y is the breaking position, z takes additions
    ['0.2.3', '0.2.4', 'minor'],
    ['0.2.3', '0.3.0', 'major'],
    ['0.2.3', '1.0.0', 'major'],
    // 0.0.z: every release is breaking
    ['0.0.3', '0.0.4', 'major'],
    ['0.0.3', '0.1.0', 'major'],
    // pre-releases
    ['1.0.0-rc.1', '1.0.0-rc.2', 'prerelease'],
    ['1.0.0-rc.2', '1.0.0', 'prerelease'],
    ['1.0.0-alpha.9', '1.0.0-beta.1', 'prerelease'],
    ['1.2.3', '2.0.0-alpha.1', 'major'],
    ['1.2.3', '1.3.0-alpha.1', 'minor'],
    // backwards
    ['1.2.3', '1.2.2', 'backwards'],
    ['2.0.0', '1.9.9', 'backwards'],
    ['1.2.3', '1.2.3-rc.1', 'backwards'],
    ['1.0.0-rc.2', '1.0.0-rc.1', 'backwards'],
    ['0.3.0', '0.2.9', 'backwards'],
    // not Cargo versions
    ['v1.2.3', '1.2.4', 'invalid'],
    ['=1.2.3', '1.2.4', 'invalid'],
    ['1.2', '1.3.0', 'invalid'],
    ['1.2.3', ' 1.2.4', 'invalid'],
    ['01.2.3', '1.2.4', 'invalid'],
  ])('%s → %s is %s', (from, to, bump) => {
    expect(versionBump(from, to)).toBe(bump);
  });
});

describe('checkCrate: which bumps cover which changes', () => {
  const SEVERITIES: (Severity | null)[] = ['breaking', 'potentially-breaking', 'addition', 'non-abi', null];
  // [from, to, covered for breaking, potentially-breaking, addition, non-abi, no change]
  it.each([
    ['1.2.3', '1.2.4', [false, false, false, true, true]],
    ['1.2.3', '1.3.0', [false, false, true, true, true]],
    ['1.2.3', '2.0.0', [true, true, true, true, true]],
    ['1.2.3', '1.2.3', [false, false, false, false, true]],
    ['0.2.3', '0.2.4', [false, false, true, true, true]],
    ['0.2.3', '0.3.0', [true, true, true, true, true]],
    ['0.0.3', '0.0.4', [true, true, true, true, true]],
    ['0.0.3', '0.0.3', [false, false, false, false, true]],
    ['1.0.0-rc.1', '1.0.0-rc.2', [true, true, true, true, true]],
    ['1.0.0-rc.1', '1.0.0-rc.1', [false, false, false, false, true]],
    ['1.0.0-rc.2', '1.0.0', [true, true, true, true, true]],
    ['1.2.3', '2.0.0-alpha.1', [true, true, true, true, true]],
    ['1.2.3', '1.3.0-alpha.1', [false, false, true, true, true]],
    ['1.2.3', '1.2.2', [false, false, false, false, true]],
    ['1.2.3', 'v1.3.0', [false, false, false, false, false]],
  ] as [string, string, boolean[]][])('%s → %s', (from, to, covered) => {
    const got = SEVERITIES.map((s) => checkCrate('demo', from, to, s ? [change(s)] : []).covered);
    expect(got).toEqual(covered);
  });

  it('potentially-breaking changes need only a minor bump when configured so', () => {
    const changes = [change('potentially-breaking')];
    expect(checkCrate('demo', '1.2.3', '1.3.0', changes).covered).toBe(false);
    expect(checkCrate('demo', '1.2.3', '1.3.0', changes, { potentiallyBreakingBump: 'minor' })).toMatchObject(
      {
        requiredBump: 'minor',
        actualBump: 'minor',
        covered: true,
      },
    );
  });

  it('says how to fix a bump that does not cover', () => {
    const reason = (from: string, to: string, s: Severity) =>
      checkCrate('demo', from, to, [change(s)]).reason;
    expect(reason('1.2.3', '1.2.4', 'addition')).toBe(
      '1.2.3 → 1.2.4 is a patch bump, but the surface change needs minor',
    );
    expect(reason('1.2.3', '1.3.0', 'breaking')).toBe(
      '1.2.3 → 1.3.0 is a minor bump, but the surface change needs major',
    );
    expect(reason('0.2.3', '0.2.4', 'breaking')).toBe(
      '0.2.3 → 0.2.4 is a minor bump, but the surface change needs major (in 0.y.z: bump y)',
    );
    expect(reason('0.2.3', '0.2.3', 'addition')).toBe(
      '0.2.3 → 0.2.3 is no bump, but the surface change needs minor (in 0.y.z: bump z)',
    );
    expect(reason('0.0.3', '0.0.3', 'breaking')).toBe(
      '0.0.3 → 0.0.3 is no bump, but the surface change needs major (in 0.0.z every release is breaking: bump z)',
    );
    expect(reason('1.2.3', '1.2.2', 'non-abi')).toBe('version went backwards: 1.2.3 → 1.2.2');
    expect(reason('1.2.3', '2.0.0', 'breaking')).toBe(
      '1.2.3 → 2.0.0 is a major bump, which covers the required major',
    );
  });

  it('a first release, a removed crate, a version going backwards without a change', () => {
    expect(checkCrate('demo', null, '0.1.0', [change('addition')])).toMatchObject({
      actualBump: 'new',
      requiredBump: 'minor',
      covered: true,
      reason: 'first release of demo: the whole surface is new',
    });
    expect(checkCrate('demo', '1.0.0', null, [change('breaking')])).toMatchObject({
      actualBump: 'removed',
      covered: true,
    });
    expect(checkCrate('demo', '1.2.3', '1.2.2', [])).toMatchObject({
      actualBump: 'backwards',
      covered: true,
      reason: 'no surface change (the version went backwards: 1.2.3 → 1.2.2)',
    });
  });
});

// ---------------------------------------------------------------------------------------------
// The command over real tags
// ---------------------------------------------------------------------------------------------

interface VerdictJson {
  name: string;
  baseVersion: string | null;
  headVersion: string | null;
  requiredBump: string;
  actualBump: string;
  covered: boolean;
  reason: string;
  changes: { rule: string; name: string }[];
}
interface ReleaseJson {
  schemaVersion: number;
  base: { rev: string };
  head: { rev: string };
  ok: boolean;
  requiredBump: string;
  crates: VerdictJson[];
}

async function releaseCheck(root: string, base: string, head?: string, format?: 'json' | 'text') {
  const args = ['release-check', '--root', root, '--base', base];
  if (head) args.push('--head', head);
  if (format) args.push('--format', format);
  return run(args);
}

async function releaseJson(root: string, base: string, head?: string) {
  const r = await releaseCheck(root, base, head, 'json');
  return { code: r.exitCode, error: r.error, json: JSON.parse(r.stdout) as ReleaseJson };
}

describe('one crate, released from v1.0.0', () => {
  let repo: Repo;
  const V1 = exportFn('demo_open', 'flags: u32');
  /** Commits `lib` and `version` on a branch from v1.0.0 and tags it `tag`. */
  const release = (tag: string, version: string, lib: string, extra: Record<string, string> = {}): string => {
    repo.git('checkout', '-q', '-b', `b-${tag}`, 'v1.0.0');
    repo.commit(tag, { 'Cargo.toml': MANIFEST('demo', version), 'src/lib.rs': lib, ...extra });
    repo.git('tag', tag);
    return tag;
  };

  beforeAll(() => {
    repo = Repo.init({ 'Cargo.toml': MANIFEST('demo', '1.0.0'), 'src/lib.rs': V1 });
    repo.git('tag', '-a', '-m', 'v1.0.0', 'v1.0.0');
    release('add-minor', '1.1.0', V1 + exportFn('demo_read'));
    release('add-patch', '1.0.1', V1 + exportFn('demo_read'));
    release('break-minor', '1.1.0', exportFn('demo_open', 'flags: u64'));
    release('break-major', '2.0.0', exportFn('demo_open', 'flags: u64'));
    release('rename-patch', '1.0.1', exportFn('demo_open', 'mode: u32'));
    release('break-same', '1.0.0', exportFn('demo_open', 'flags: u64'));
    release('docs-only', '1.0.0', V1, { 'README.md': 'docs\n' });
    release('backwards-same', '0.9.0', V1);
    release('backwards-break', '0.9.0', '');
    release('to-alpha', '2.0.0-alpha.1', '');
  });
  afterAll(() => repo.remove());

  it('an addition with a minor bump: exit 0, text output', async () => {
    const r = await releaseCheck(repo.dir, 'v1.0.0', 'add-minor');
    expect(r).toEqual({
      stdout:
        'ok   demo: 1.0.0 → 1.1.0; requires minor, is minor (1.0.0 → 1.1.0 is a minor bump, which covers the required minor)\n',
      exitCode: 0,
      error: undefined,
    });
  });

  it('an addition with a patch bump: exit 1, one stderr line', async () => {
    const r = await releaseCheck(repo.dir, 'v1.0.0', 'add-patch');
    expect(r.exitCode).toBe(1);
    expect(r.stdout).toBe(
      'FAIL demo: 1.0.0 → 1.0.1; requires minor, is patch (1.0.0 → 1.0.1 is a patch bump, but the surface change needs minor)\n',
    );
    expect(r.error).toBe('version bump does not cover the surface change: demo needs minor, got patch');
  });

  it.each([
    ['break-minor', 1, 'major', 'minor'],
    ['break-major', 0, 'major', 'major'],
    ['rename-patch', 0, 'patch', 'patch'],
    ['to-alpha', 0, 'major', 'major'],
    // a tag on a commit without a Cargo.toml change
    ['break-same', 1, 'major', 'none'],
    ['docs-only', 0, 'none', 'none'],
    // the version going backwards
    ['backwards-same', 0, 'none', 'backwards'],
    ['backwards-break', 1, 'major', 'backwards'],
  ])('%s: exit %d (requires %s, is %s)', async (tag, code, required, actual) => {
    const { code: exit, json } = await releaseJson(repo.dir, 'v1.0.0', tag);
    expect(exit).toBe(code);
    expect(json.ok).toBe(code === 0);
    expect(json.crates.map((c) => [c.name, c.requiredBump, c.actualBump, c.covered])).toEqual([
      ['demo', required, actual, code === 0],
    ]);
  });

  it('compares the tags themselves, not their merge base', async () => {
    // add-minor and break-minor are siblings: their merge base is v1.0.0
    const { json } = await releaseJson(repo.dir, 'add-minor', 'break-minor');
    expect(json.base.rev).toBe(repo.sha('add-minor'));
    expect(json.crates[0].changes.map((c) => `${c.rule} ${c.name}`).sort()).toEqual([
      'function-parameters-changed demo_open',
      'function-removed demo_read',
    ]);
  });

  it('the working tree as head', async () => {
    repo.git('checkout', '-q', 'add-patch');
    try {
      expect((await releaseCheck(repo.dir, 'v1.0.0')).exitCode).toBe(1);
      repo.write({ 'Cargo.toml': MANIFEST('demo', '1.1.0') });
      const { code, json } = await releaseJson(repo.dir, 'v1.0.0');
      expect(code).toBe(0);
      expect(json.head.rev).toBe('working tree');
      expect(json.crates[0]).toMatchObject({ headVersion: '1.1.0', actualBump: 'minor', covered: true });
    } finally {
      repo.git('checkout', '-q', '--', '.');
    }
  });
});

describe('a workspace: two crates, one on the workspace version', () => {
  let repo: Repo;
  const WS = (version: string) =>
    `[workspace]\nmembers = ["crates/*"]\nresolver = "2"\n\n[workspace.package]\nversion = "${version}"\nedition = "2021"\n`;
  const INHERITS = (name: string) =>
    `[package]\nname = "${name}"\nversion.workspace = true\nedition.workspace = true\n`;
  const tag = (name: string, files: Record<string, string | null>): string => {
    repo.git('checkout', '-q', '-b', `b-${name}`, 'w0');
    repo.commit(name, files);
    repo.git('tag', name);
    return name;
  };

  beforeAll(() => {
    repo = Repo.init({
      'Cargo.toml': WS('0.3.1'),
      'crates/alpha/Cargo.toml': INHERITS('alpha'),
      'crates/alpha/src/lib.rs': exportFn('alpha_open'),
      'crates/beta/Cargo.toml': MANIFEST('beta', '2.0.0'),
      'crates/beta/src/lib.rs': exportFn('beta_open'),
    });
    repo.git('tag', 'w0');
    tag('beta-minor', {
      'crates/beta/Cargo.toml': MANIFEST('beta', '2.1.0'),
      'crates/beta/src/lib.rs': exportFn('beta_open') + exportFn('beta_read'),
    });
    tag('alpha-unbumped', { 'crates/alpha/src/lib.rs': exportFn('alpha_open') + exportFn('alpha_read') });
    tag('alpha-z', {
      'Cargo.toml': WS('0.3.2'),
      'crates/alpha/src/lib.rs': exportFn('alpha_open') + exportFn('alpha_read'),
    });
    tag('alpha-break-z', { 'Cargo.toml': WS('0.3.2'), 'crates/alpha/src/lib.rs': '' });
    tag('alpha-break-y', { 'Cargo.toml': WS('0.4.0'), 'crates/alpha/src/lib.rs': '' });
    tag('gamma-new', {
      'crates/gamma/Cargo.toml': MANIFEST('gamma', '0.1.0'),
      'crates/gamma/src/lib.rs': exportFn('gamma_open'),
    });
  });
  afterAll(() => repo.remove());

  const verdicts = (json: ReleaseJson) =>
    json.crates.map((c) => [c.name, c.baseVersion, c.headVersion, c.requiredBump, c.actualBump, c.covered]);

  it('only the crate that changed needs a bump', async () => {
    const { code, json } = await releaseJson(repo.dir, 'w0', 'beta-minor');
    expect(code).toBe(0);
    expect(json.requiredBump).toBe('minor');
    expect(verdicts(json)).toEqual([
      ['alpha', '0.3.1', '0.3.1', 'none', 'none', true],
      ['beta', '2.0.0', '2.1.0', 'minor', 'minor', true],
    ]);
  });

  it('version.workspace = true: an unbumped workspace version fails that crate only', async () => {
    const { code, error, json } = await releaseJson(repo.dir, 'w0', 'alpha-unbumped');
    expect(code).toBe(1);
    expect(error).toBe('version bump does not cover the surface change: alpha needs minor, got none');
    expect(verdicts(json)).toEqual([
      ['alpha', '0.3.1', '0.3.1', 'minor', 'none', false],
      ['beta', '2.0.0', '2.0.0', 'none', 'none', true],
    ]);
    expect(json.crates[0].reason).toBe(
      '0.3.1 → 0.3.1 is no bump, but the surface change needs minor (in 0.y.z: bump z)',
    );
  });

  it('0.y.z: bumping z covers an addition', async () => {
    const { code, json } = await releaseJson(repo.dir, 'w0', 'alpha-z');
    expect(code).toBe(0);
    expect(verdicts(json)[0]).toEqual(['alpha', '0.3.1', '0.3.2', 'minor', 'minor', true]);
  });

  it('0.y.z: a breaking change needs y', async () => {
    const z = await releaseJson(repo.dir, 'w0', 'alpha-break-z');
    expect(z.code).toBe(1);
    expect(z.error).toBe('version bump does not cover the surface change: alpha needs major, got minor');
    expect(z.json.crates[0].reason).toBe(
      '0.3.1 → 0.3.2 is a minor bump, but the surface change needs major (in 0.y.z: bump y)',
    );
    const y = await releaseJson(repo.dir, 'w0', 'alpha-break-y');
    expect(y.code).toBe(0);
    expect(verdicts(y.json)[0]).toEqual(['alpha', '0.3.1', '0.4.0', 'major', 'major', true]);
  });

  it('a first release: the crate is absent in the base', async () => {
    const { code, json } = await releaseJson(repo.dir, 'w0', 'gamma-new');
    expect(code).toBe(0);
    expect(verdicts(json)[2]).toEqual(['gamma', null, '0.1.0', 'minor', 'new', true]);
    expect(json.crates[2].reason).toBe('first release of gamma: the whole surface is new');
  });

  it('text output lists every crate', async () => {
    const r = await releaseCheck(repo.dir, 'w0', 'alpha-break-z', 'text');
    expect(r.stdout.split('\n')).toEqual([
      'FAIL alpha: 0.3.1 → 0.3.2; requires major, is minor (0.3.1 → 0.3.2 is a minor bump, but the surface change needs major (in 0.y.z: bump y))',
      'ok   beta: 2.0.0 → 2.0.0; requires none, is none (no surface change)',
      '',
    ]);
  });

  describe('through the bundled CLI', () => {
    let cli: BundledCli;
    beforeAll(() => {
      cli = new BundledCli();
    });
    afterAll(() => cli.dispose());

    it('exit 0 and JSON', () => {
      const r = cli.run([
        'release-check',
        '--root',
        repo.dir,
        '--base',
        'w0',
        '--head',
        'beta-minor',
        '--format',
        'json',
      ]);
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
      const json = JSON.parse(r.stdout) as ReleaseJson;
      expect(json.schemaVersion).toBe(1);
      expect(json.ok).toBe(true);
      expect([json.base.rev, json.head.rev]).toEqual([repo.sha('w0'), repo.sha('beta-minor')]);
    });

    it('exit 1 and one stderr line', () => {
      const r = cli.run(['release-check', '--base', 'w0', '--head', 'alpha-unbumped'], repo.dir);
      expect(r.code).toBe(1);
      expect(stderrLines(r)).toEqual([
        'ffi-surface-guard: version bump does not cover the surface change: alpha needs minor, got none',
      ]);
      expect(r.stdout).toMatch(/^FAIL alpha: 0\.3\.1 → 0\.3\.1; requires minor, is none/);
    });

    it.each([
      [
        ['--base', 'no-such-tag'],
        '--base "no-such-tag" is not in this repository; fetch it first (git fetch origin <rev>)',
      ],
      [['--head', 'w0'], 'release-check needs --base REV'],
      [
        ['--base', 'w0', '--format', 'markdown'],
        '--format must be one of json, text, sarif (got "markdown")',
      ],
    ])('exit 2: %j', (args, line) => {
      const r = cli.run(['release-check', ...args], repo.dir);
      expect(r.code).toBe(2);
      expect(stderrLines(r)).toEqual([`ffi-surface-guard: ${line}`]);
      expect(r.stdout).toBe('');
    });
  });
});
