import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { defaultConfig, loadConfig, parseConfig, policyHash } from '../../src/core/config';

const FILE = '.github/ffi-surface-guard.yml';
const fixture = (name: string): string => readFileSync(join(__dirname, '../fixtures/config', name), 'utf8');
const hashOf = (text: string): string => policyHash(parseConfig(text, FILE));

describe('policyHash', () => {
  it('is a sha256 digest', () => {
    expect(policyHash(defaultConfig())).toMatch(/^sha256:[0-9a-f]{64}$/);
  });

  it('is stable: same config, same hash, every time', () => {
    expect(hashOf(fixture('full.yml'))).toBe(hashOf(fixture('full.yml')));
    expect(policyHash(defaultConfig())).toBe(policyHash(defaultConfig()));
  });

  it('is stable under key reordering, flow style, comments and duplicates', () => {
    expect(hashOf(fixture('full-reordered.yml'))).toBe(hashOf(fixture('full.yml')));
    expect(hashOf('approvers: [alice, bob]\nrequired-approvals: 2\n')).toBe(
      hashOf('# who\nrequired-approvals: 2   # how many\napprovers:\n  - "@Bob"\n  - Alice\n  - bob\n'),
    );
  });

  it('is the same for spelled-out defaults and for an empty or missing file', () => {
    const spelledOut = [
      'required-approvals: 1',
      'required-approvals-breaking: 1',
      'allow-commit-authors: false',
      'bot-login: github-actions[bot]',
      'features: { default: true, list: [] }',
      'changes: { potentially-breaking-bump: major }',
      'approval-required-for: [addition, breaking, potentially-breaking, source-breaking, addition]',
      'release: { tag-pattern: "v*", require-reviewed: false }',
      'findings: { levels: { raw-pointer-param: high }, scopes: { panic-path: { exclude: [] } } }',
      'limits: { max-crates: 1000 }',
      '',
    ].join('\n');
    const empty = policyHash(defaultConfig());
    expect(hashOf(spelledOut)).toBe(empty);
    expect(hashOf('')).toBe(empty);
    expect(policyHash(loadConfig(null, FILE))).toBe(empty);
  });

  it('normalises a hand-built Config before hashing', () => {
    const c = defaultConfig();
    c.approvers = ['@Bob', 'alice', 'bob'];
    c.featureSets = [
      { mode: 'default', features: ['b', 'a'] },
      { mode: 'default', features: ['a', 'b'] },
    ];
    expect(policyHash(c)).toBe(hashOf('approvers: [alice, bob]\nfeatures: { list: [a, b] }\n'));
  });

  it('differs for configs that differ in meaning', () => {
    const variants = [
      '',
      'approvers: [alice]\n',
      'approvers: [bob]\n',
      'approvers: [alice, bob]\n',
      'required-approvals: 2\n',
      'required-approvals: 2\nrequired-approvals-breaking: 3\n',
      'allow-commit-authors: true\n',
      'bot-login: my-app[bot]\n',
      'findings: { levels: { panic-path: "off" } }\n',
      'findings: { levels: { panic-path: high } }\n',
      'findings: { levels: { raw-pointer-param: low } }\n',
      'findings: { scopes: { panic-path: { exclude: ["tests/**"] } } }\n',
      'findings: { scopes: { panic-path: { include: [] } } }\n',
      'changes: { potentially-breaking-bump: minor }\n',
      'crates: { include: [a] }\n',
      'crates: { exclude: [a] }\n',
      'paths: { exclude: ["vendor/**"] }\n',
      'features: { list: [tls] }\n',
      'features: { default: false }\n',
      'features: { all: true }\n',
      'feature-sets: [{}, { all: true }]\n',
      'feature-sets: [{ all: true }, {}]\n',
      'release: { tag-pattern: "release-*" }\n',
      'release: { crate-tag-patterns: { a: "a-v*" } }\n',
      'release: { require-reviewed: true }\n',
      'limits: { max-crates: 10 }\n',
      'approval-required-for: [breaking, source-breaking, potentially-breaking, addition, non-abi]\n',
      'approval-required-for: [breaking, source-breaking, potentially-breaking]\n',
      'approval-required-for: []\n',
    ];
    const hashes = variants.map(hashOf);
    expect(new Set(hashes).size).toBe(variants.length);
  });
});
