/**
 * Several feature sets (SPEC section 7): every configured set is analysed and the reports merged —
 * pure tests of `mergeReports`, and the CLI over a real git repository where one change exists only
 * under a non-default feature.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { featureSetLabel, mergeReports } from '../../src/core/diff/merge-reports';
import { deltaDigest } from '../../src/core/diff/diff-surfaces';
import type { Diagnostic } from '../../src/core/model';
import type { Change, DiffReport, Finding } from '../../src/core/report';
import { run } from '../../src/cli/run';
import { effectiveConfig } from '../../src/action/gate-config';
import type { ActionInputs } from '../../src/action/inputs';
import { loadConfig } from '../../src/core/config';
import { exportFn, MANIFEST, Repo, removeDir, tempDir } from './git-fixture';

function change(name: string, over: Partial<Change> = {}): Change {
  return {
    rule: 'function-added',
    severity: 'addition',
    kind: 'function',
    name,
    symbol: name,
    crate: 'demo',
    file: 'src/lib.rs',
    line: 1,
    before: null,
    after: `fn ${name}()`,
    message: `${name} added`,
    ...over,
  };
}

function finding(symbol: string): Finding {
  return {
    rule: 'raw-pointer-param',
    level: 'high',
    symbol,
    name: symbol,
    crate: 'demo',
    file: 'src/lib.rs',
    line: 1,
    message: `${symbol} takes a raw pointer`,
    checklist: 'check it',
  };
}

function report(
  changes: Change[],
  over: Partial<DiffReport> = {},
  findings: Finding[] = [],
  diagnostics: Diagnostic[] = [],
): DiffReport {
  return {
    schemaVersion: 1,
    tool: { name: 'ffi-surface-guard', version: '0.0.0' },
    base: { rev: 'b', digest: 'sha256:base' },
    head: { rev: 'h', digest: 'sha256:head' },
    changes,
    findings,
    requiredBump: changes.length ? 'minor' : 'none',
    deltaDigest: deltaDigest(changes),
    crates: [{ name: 'demo', baseVersion: '1.0.0', headVersion: '1.1.0' }],
    diagnostics,
    ...over,
  };
}

describe('featureSetLabel', () => {
  it('names each kind of feature set', () => {
    expect(featureSetLabel({ mode: 'default', features: [] })).toBe('default');
    expect(featureSetLabel({ mode: 'default', features: ['a', 'b'] })).toBe('default+a,b');
    expect(featureSetLabel({ mode: 'all' })).toBe('all-features');
    expect(featureSetLabel({ mode: 'none', features: ['a'] })).toBe('no-default-features+a');
    expect(featureSetLabel({ mode: 'none', features: [] })).toBe('no-default-features');
  });
});

describe('mergeReports', () => {
  it('returns a single report unchanged', () => {
    const r = report([change('f')]);
    expect(mergeReports([{ label: 'default', report: r }])).toBe(r);
  });

  it('rejects an empty list', () => {
    expect(() => mergeReports([])).toThrow();
  });

  it('reports a change seen under several sets once, naming the sets', () => {
    const a = report(
      [change('common'), change('only_default')],
      {},
      [finding('common')],
      [{ level: 'warning', code: 'unexpanded-macro', message: 'm!' }],
    );
    const b = report(
      [change('common', { line: 9 }), change('only_all')],
      { requiredBump: 'major', head: { rev: 'h', digest: 'sha256:other' } },
      [finding('common'), finding('only_all')],
      [
        { level: 'warning', code: 'unexpanded-macro', message: 'm!' },
        { level: 'error', code: 'syntax-error', message: 'bad' },
      ],
    );
    const m = mergeReports([
      { label: 'default', report: a },
      { label: 'all-features', report: b },
    ]);
    expect(m.changes.map((c) => [c.name, c.featureSets])).toEqual([
      ['common', ['default', 'all-features']],
      ['only_all', ['all-features']],
      ['only_default', ['default']],
    ]);
    // positions from the first set that saw the change
    expect(m.changes.find((c) => c.name === 'common')?.line).toBe(1);
    expect(m.findings.map((f) => f.symbol)).toEqual(['common', 'only_all']);
    expect(m.diagnostics.map((d) => d.code)).toEqual(['unexpanded-macro', 'syntax-error']);
    expect(m.requiredBump).toBe('major');
    expect(m.crates).toEqual(a.crates);
    expect(m.base.rev).toBe('b');
    expect(m.head.rev).toBe('h');
    expect(m.base.digest).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(m.head.digest).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(m.head.digest).not.toBe(m.base.digest);
    expect(m.deltaDigest).toMatch(/^sha256:[0-9a-f]{64}$/);
  });

  it('binds the delta digest to the sets each change appears in', () => {
    const common = report([change('f')]);
    const both = mergeReports([
      { label: 'default', report: common },
      { label: 'all-features', report: common },
    ]);
    const oneOfTwo = mergeReports([
      { label: 'default', report: common },
      { label: 'all-features', report: report([]) },
    ]);
    expect(both.changes).toHaveLength(1);
    expect(oneOfTwo.changes).toHaveLength(1);
    expect(both.deltaDigest).not.toBe(oneOfTwo.deltaDigest);
    expect(both.deltaDigest).not.toBe(common.deltaDigest);
  });

  it('keeps changes that differ in before, after or message apart', () => {
    const m = mergeReports([
      { label: 'default', report: report([change('f', { after: 'fn f(a: i32)' })]) },
      { label: 'all-features', report: report([change('f', { after: 'fn f(a: i64)' })]) },
    ]);
    expect(m.changes).toHaveLength(2);
  });
});

describe('diff, gate-status and release-check over several feature sets', () => {
  let repo: Repo;
  let configs: string;
  const LIB = exportFn('base_fn');
  beforeAll(() => {
    repo = Repo.init({
      'Cargo.toml': MANIFEST() + '\n[features]\ndefault = []\nextra = []\n',
      'src/lib.rs': LIB,
    });
    repo.git('tag', 'base');
    repo.commit('add', {
      'Cargo.toml': MANIFEST('demo', '1.1.0') + '\n[features]\ndefault = []\nextra = []\n',
      'src/lib.rs': LIB + exportFn('common_fn') + '#[cfg(feature = "extra")]\n' + exportFn('extra_fn'),
    });
    configs = tempDir('fsg-feature-sets-');
    fs.writeFileSync(path.join(configs, 'both.yml'), 'feature-sets:\n  - default: true\n  - all: true\n');
    fs.writeFileSync(path.join(configs, 'default.yml'), 'feature-sets:\n  - default: true\n');
  });
  afterAll(() => {
    repo.remove();
    removeDir(configs);
  });

  async function diffJson(config: string, ...extra: string[]): Promise<DiffReport> {
    const r = await run([
      'diff',
      '--root',
      repo.dir,
      '--base',
      'base',
      '--head',
      'HEAD',
      '--config',
      path.join(configs, config),
      ...extra,
    ]);
    expect(r.error).toBeUndefined();
    expect(r.exitCode).toBe(0);
    return JSON.parse(r.stdout) as DiffReport;
  }

  it('reports a change under a non-default feature once, with the set it appears in', async () => {
    const rep = await diffJson('both.yml');
    const added = rep.changes.filter((c) => c.rule === 'function-added');
    expect(added.map((c) => [c.name, c.featureSets])).toEqual([
      ['common_fn', ['default', 'all-features']],
      ['extra_fn', ['all-features']],
    ]);
  });

  it('with the default set alone, shows it only as an export behind a feature, and the digests differ', async () => {
    const only = await diffJson('default.yml');
    expect(only.changes.map((c) => [c.rule, c.name])).toEqual([
      ['function-added', 'common_fn'],
      ['gated-export-added', 'extra_fn'],
    ]);
    expect(only.changes[0]?.featureSets).toBeUndefined();
    const both = await diffJson('both.yml');
    expect(both.deltaDigest).not.toBe(only.deltaDigest);
    expect(both.head.digest).not.toBe(only.head.digest);
  });

  it('lets a feature flag on the command line replace the configured sets', async () => {
    const rep = await diffJson('both.yml', '--all-features');
    expect(rep.changes.map((c) => c.name).sort()).toEqual(['common_fn', 'extra_fn']);
    expect(rep.changes.every((c) => c.featureSets === undefined)).toBe(true);
  });

  it('renders the merged report as markdown and text', async () => {
    for (const format of ['markdown', 'text']) {
      const r = await run([
        'diff',
        '--root',
        repo.dir,
        '--base',
        'base',
        '--head',
        'HEAD',
        '--config',
        path.join(configs, 'both.yml'),
        '--format',
        format,
      ]);
      expect(r.exitCode).toBe(0);
      expect(r.stdout).toContain('extra_fn');
    }
  });

  it('uses every set in gate-status and release-check', async () => {
    const args = ['--root', repo.dir, '--base', 'base', '--head', 'HEAD', '--config'];
    const gate = await run(['gate-status', ...args, path.join(configs, 'both.yml')]);
    expect(gate.exitCode).toBe(0);
    expect(gate.stdout).toMatch(/^status /);
    const release = await run(['release-check', ...args, path.join(configs, 'both.yml'), '--format', 'json']);
    expect(release.exitCode).toBe(0);
    const out = JSON.parse(release.stdout) as { ok: boolean; requiredBump: string };
    expect(out).toMatchObject({ ok: true, requiredBump: 'minor' });
  });
});

describe('the gate configuration', () => {
  const inputs: ActionInputs = {
    token: 't',
    workingDirectory: '.',
    configPath: '.github/ffi-surface-guard.yml',
    approvers: null,
    requiredApprovals: null,
    statusContext: 'ffi-surface-guard',
    failOn: 'never',
    features: null,
    botLogin: null,
    reportPath: 'r.json',
    comment: true,
    tagPattern: null,
    requireReviewed: null,
  };
  const config = loadConfig('feature-sets:\n  - default: true\n  - all: true\n', 'c.yml');

  it('analyses every configured set', () => {
    expect(effectiveConfig(config, inputs).featureSets).toEqual([
      { mode: 'default', features: [] },
      { mode: 'all' },
    ]);
  });

  it('analyses only the `features` input when given', () => {
    const g = effectiveConfig(config, { ...inputs, features: { mode: 'none', features: ['x'] } });
    expect(g.featureSets).toEqual([{ mode: 'none', features: ['x'] }]);
  });
});
