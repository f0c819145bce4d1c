import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Config } from '../../src/core/config';
import { defaultConfig, loadConfig, normaliseConfig, parseConfig } from '../../src/core/config';
import { DEFAULT_LIMITS } from '../../src/core/limits';

const FILE = '.github/ffi-surface-guard.yml';
const fixture = (name: string): string => readFileSync(join(__dirname, '../fixtures/config', name), 'utf8');

describe('parseConfig: valid files', () => {
  it('reads a full configuration into the camelCase Config', () => {
    const expected: Config = {
      crates: { include: ['mylib-*', 'mylib-ffi'], exclude: ['mylib-bench'] },
      paths: { exclude: ['**/generated/*.rs', 'vendor/**'] },
      headers: ['include/*.h'],
      featureSets: [
        { mode: 'default', features: ['tls'] },
        { mode: 'none', features: ['minimal'] },
        { mode: 'all' },
      ],
      findings: {
        levels: { 'hidden-export': 'medium', 'panic-path': 'high', 'untested-export': 'off' },
        scopes: {
          'missing-safety-doc': { exclude: ['src/sys/*.rs'] },
          'raw-pointer-param': { include: ['src/**'], exclude: ['src/legacy/**'] },
        },
      },
      changes: { potentiallyBreakingBump: 'minor' },
      approvers: ['alice', 'bob-smith', 'my-org/ffi-reviewers'],
      approvalRequiredFor: ['breaking', 'addition', 'non-abi'],
      requiredApprovals: 2,
      requiredApprovalsBreaking: 3,
      allowCommitAuthors: true,
      botLogin: 'ffi-guard-app[bot]',
      release: {
        tagPattern: 'release-*',
        crateTagPatterns: { 'mylib-ffi': 'mylib-ffi-v*' },
        requireReviewed: true,
      },
      macros: { trusted: ['our_derives', 'our_macros'] },
      binaryExports: { allow: [] },
      limits: {
        maxFileBytes: 1048576,
        maxFilesPerCrate: 5000,
        maxCrates: 50,
        maxModuleDepth: 32,
        maxMacroDepth: 4,
        maxExpansions: 2000,
        maxListedFiles: 100000,
        deadlineSeconds: 900,
      },
    };
    expect(parseConfig(fixture('full.yml'), FILE)).toEqual(expected);
  });

  it('normalises a differently written file to the same Config', () => {
    expect(parseConfig(fixture('full-reordered.yml'), FILE)).toEqual(parseConfig(fixture('full.yml'), FILE));
  });

  it('an empty file, a file of comments, a null document and a missing file are the defaults', () => {
    for (const text of ['', '\n\n', fixture('empty.yml'), '---\n', '~\n', '\uFEFF# bom\n'])
      expect(parseConfig(text, FILE)).toEqual(defaultConfig());
    expect(loadConfig(null, FILE)).toEqual(defaultConfig());
    expect(loadConfig('', FILE)).toEqual(defaultConfig());
  });

  it('has the documented defaults', () => {
    expect(defaultConfig()).toEqual({
      crates: { include: [], exclude: [] },
      paths: { exclude: [] },
      headers: [],
      featureSets: [{ mode: 'default', features: [] }],
      findings: { levels: {}, scopes: {} },
      changes: { potentiallyBreakingBump: 'major' },
      approvers: [],
      approvalRequiredFor: ['breaking', 'source-breaking', 'potentially-breaking', 'addition'],
      requiredApprovals: 1,
      requiredApprovalsBreaking: 1,
      allowCommitAuthors: false,
      botLogin: 'github-actions[bot]',
      release: { tagPattern: 'v*', crateTagPatterns: {}, requireReviewed: false },
      macros: { trusted: [] },
      binaryExports: { allow: [] },
      limits: DEFAULT_LIMITS,
    });
    // a fresh object every time: callers may not mutate the shared limits through it
    expect(defaultConfig().limits).not.toBe(DEFAULT_LIMITS);
  });

  it('fills defaults around the keys that are set', () => {
    const c = loadConfig(fixture('minimal.yml'), FILE);
    expect(c).toEqual({ ...defaultConfig(), approvers: ['alice', 'my-org/ffi-reviewers'] });
  });

  it('required-approvals-breaking defaults to required-approvals', () => {
    const c = parseConfig('required-approvals: 3\n', FILE);
    expect([c.requiredApprovals, c.requiredApprovalsBreaking]).toEqual([3, 3]);
  });

  it('merges limits onto the defaults', () => {
    const c = parseConfig('limits:\n  max-crates: 7\n', FILE);
    expect(c.limits).toEqual({ ...DEFAULT_LIMITS, maxCrates: 7 });
  });

  it('maps each feature shape onto a FeatureSelection', () => {
    const sets = (yaml: string) => parseConfig(yaml, FILE).featureSets;
    expect(sets('features: {}\n')).toEqual([{ mode: 'default', features: [] }]);
    expect(sets('features: { list: [b, a] }\n')).toEqual([{ mode: 'default', features: ['a', 'b'] }]);
    expect(sets('features: { default: false }\n')).toEqual([{ mode: 'none', features: [] }]);
    expect(sets('features: { default: false, list: [x] }\n')).toEqual([{ mode: 'none', features: ['x'] }]);
    expect(sets('features: { all: true }\n')).toEqual([{ mode: 'all' }]);
    expect(sets('features: { all: false, list: [x] }\n')).toEqual([{ mode: 'default', features: ['x'] }]);
    expect(sets('feature-sets: [{}, { all: true }, {}]\n')).toEqual([
      { mode: 'default', features: [] },
      { mode: 'all' },
    ]);
  });

  it('accepts what YAML 1.2 spells differently: quoted keys, flow maps, explicit core tags', () => {
    const c = parseConfig('"required-approvals": !!int 2\nallow-commit-authors: !!bool true\n', FILE);
    expect([c.requiredApprovals, c.allowCommitAuthors]).toEqual([2, true]);
  });

  it('off needs no quotes: YAML 1.2 has no yes/no/on/off booleans', () => {
    const c = parseConfig('findings:\n  levels:\n    untested-export: off\n', FILE);
    expect(c.findings.levels).toEqual({ 'untested-export': 'off' });
  });

  it('normaliseConfig is idempotent', () => {
    const c = parseConfig(fixture('full-reordered.yml'), FILE);
    expect(normaliseConfig(c)).toEqual(c);
    expect(normaliseConfig(normaliseConfig(c))).toEqual(c);
  });

  it('is pure: the same text gives equal, independent results', () => {
    const a = parseConfig(fixture('full.yml'), FILE);
    a.approvers.push('mallory');
    a.limits.maxCrates = 1;
    expect(parseConfig(fixture('full.yml'), FILE).approvers).not.toContain('mallory');
    expect(defaultConfig().limits.maxCrates).toBe(DEFAULT_LIMITS.maxCrates);
  });
});
