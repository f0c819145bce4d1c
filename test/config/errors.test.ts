import { ConfigError, loadConfig, MAX_CONFIG_BYTES, parseConfig } from '../../src/core/config';

const FILE = '.github/ffi-surface-guard.yml';

/** The ConfigError parseConfig throws for `text`. */
function errorOf(text: string, file = FILE): ConfigError {
  try {
    parseConfig(text, file);
  } catch (e) {
    if (e instanceof ConfigError) return e;
    throw new Error(`expected a ConfigError, got ${String(e)}`);
  }
  throw new Error(`expected ${JSON.stringify(text)} to be rejected`);
}

interface Case {
  title: string;
  yaml: string;
  key: string;
  line: number | null;
  message: string;
}

const CASES: Case[] = [
  {
    title: 'unknown top-level key, with a suggestion',
    yaml: 'approvers: [alice]\nrequried-approvals: 2\n',
    key: 'requried-approvals',
    line: 2,
    message: 'requried-approvals: unknown key "requried-approvals" (did you mean "required-approvals"?)',
  },
  {
    title: 'camelCase key: suggests the kebab-case one',
    yaml: 'requiredApprovals: 2\n',
    key: 'requiredApprovals',
    line: 1,
    message: 'requiredApprovals: unknown key "requiredApprovals" (did you mean "required-approvals"?)',
  },
  {
    title: 'unknown top-level key, nothing close: lists the known keys',
    yaml: 'colour: red\n',
    key: 'colour',
    line: 1,
    message:
      'colour: unknown key "colour" (known keys: crates, paths, headers, features, feature-sets, findings, changes, ' +
      'approvers, approval-required-for, required-approvals, required-approvals-breaking, allow-commit-authors, bot-login, release, macros, binary-exports, limits)',
  },
  {
    title: 'unknown nested key',
    yaml: 'crates:\n  include: [a]\n  excludes: [b]\n',
    key: 'crates.excludes',
    line: 3,
    message: 'crates.excludes: unknown key "excludes" (did you mean "exclude"?)',
  },
  {
    title: 'unknown key inside a finding scope',
    yaml: 'findings:\n  scopes:\n    panic-path:\n      paths: [src]\n',
    key: 'findings.scopes.panic-path.paths',
    line: 4,
    message: 'findings.scopes.panic-path.paths: unknown key "paths" (known keys: include, exclude)',
  },
  {
    title: 'unknown limit',
    yaml: 'limits:\n  max-crate: 1\n',
    key: 'limits.max-crate',
    line: 2,
    message: 'limits.max-crate: unknown key "max-crate" (did you mean "max-crates"?)',
  },
  {
    title: 'wrong type: a list where a mapping belongs',
    yaml: 'crates: [a]\n',
    key: 'crates',
    line: 1,
    message: 'crates: expected a mapping with include and exclude, got a list of 1 entry',
  },
  {
    title: 'wrong type: a string where a list belongs',
    yaml: 'approvers: alice\n',
    key: 'approvers',
    line: 1,
    message: 'approvers: expected a list of GitHub logins or org/team slugs (at most 1000), got "alice"',
  },
  {
    title: 'wrong type: a word where an integer belongs',
    yaml: 'required-approvals: two\n',
    key: 'required-approvals',
    line: 1,
    message: 'required-approvals: expected an integer from 1 to 100, got "two"',
  },
  {
    title: 'wrong type: YAML 1.1 booleans are strings in YAML 1.2',
    yaml: 'allow-commit-authors: yes\n',
    key: 'allow-commit-authors',
    line: 1,
    message: 'allow-commit-authors: expected true or false, got "yes"',
  },
  {
    title: 'empty value',
    yaml: 'bot-login:\n',
    key: 'bot-login',
    line: 1,
    message: 'bot-login: expected a GitHub login such as github-actions[bot], got an empty value',
  },
  {
    title: 'required-approvals 0',
    yaml: 'required-approvals: 0\n',
    key: 'required-approvals',
    line: 1,
    message: 'required-approvals: expected an integer from 1 to 100, got 0',
  },
  {
    title: 'required-approvals not an integer',
    yaml: 'required-approvals: 1.5\n',
    key: 'required-approvals',
    line: 1,
    message: 'required-approvals: expected an integer from 1 to 100, got 1.5',
  },
  {
    title: 'required-approvals-breaking below required-approvals',
    yaml: 'required-approvals: 3\nrequired-approvals-breaking: 2\n',
    key: 'required-approvals-breaking',
    line: 2,
    message: 'required-approvals-breaking: expected at least required-approvals (3), got 2',
  },
  {
    title: 'unknown finding rule id in levels, with suggestion',
    yaml: 'findings:\n  levels:\n    raw-pointer: high\n',
    key: 'findings.levels.raw-pointer',
    line: 3,
    message:
      'findings.levels.raw-pointer: unknown finding rule "raw-pointer" (did you mean "raw-pointer-param"?)',
  },
  {
    title: 'unknown finding rule id in scopes, with suggestion',
    yaml: 'findings:\n  scopes:\n    panic:\n      exclude: [x]\n',
    key: 'findings.scopes.panic',
    line: 3,
    message: 'findings.scopes.panic: unknown finding rule "panic" (did you mean "panic-path"?)',
  },
  {
    title: 'a change rule where a finding rule belongs',
    yaml: 'findings:\n  levels:\n    function-removed: high\n',
    key: 'findings.levels.function-removed',
    line: 3,
    message:
      'findings.levels.function-removed: unknown finding rule "function-removed" ' +
      '("function-removed" is a change rule; findings.levels takes finding rules)',
  },
  {
    title: 'bad level',
    yaml: 'findings:\n  levels:\n    panic-path: critical\n',
    key: 'findings.levels.panic-path',
    line: 3,
    message: 'findings.levels.panic-path: expected one of high, medium, low or off, got "critical"',
  },
  {
    title: 'bad approver slug',
    yaml: 'approvers:\n  - alice\n  - my-org/team/extra\n',
    key: 'approvers[1]',
    line: 3,
    message:
      'approvers[1]: expected a GitHub login or an org/team slug (bots never count), got "my-org/team/extra"',
  },
  {
    title: 'bot as approver',
    yaml: 'approvers:\n  - dependabot[bot]\n',
    key: 'approvers[0]',
    line: 2,
    message:
      'approvers[0]: expected a GitHub login or an org/team slug (bots never count), got "dependabot[bot]"',
  },
  {
    title: 'absolute path glob',
    yaml: 'paths:\n  exclude: ["/etc/**"]\n',
    key: 'paths.exclude[0]',
    line: 2,
    message:
      'paths.exclude[0]: expected a path glob relative to the repository root (no leading / and no ..), got "/etc/**"',
  },
  {
    title: 'path glob climbing out of the repository',
    yaml: 'findings:\n  scopes:\n    panic-path: { exclude: ["src/../../x"] }\n',
    key: 'findings.scopes.panic-path.exclude[0]',
    line: 3,
    message:
      'findings.scopes.panic-path.exclude[0]: expected a path glob relative to the repository root ' +
      '(no leading / and no ..), got "src/../../x"',
  },
  {
    title: 'bad feature name',
    yaml: 'features:\n  list: ["a b"]\n',
    key: 'features.list[0]',
    line: 2,
    message: 'features.list[0]: expected a Cargo feature name, got "a b"',
  },
  {
    title: 'features and feature-sets together',
    yaml: 'features: { list: [a] }\nfeature-sets: [{}]\n',
    key: 'feature-sets',
    line: 2,
    message: 'feature-sets: use either features or feature-sets, not both',
  },
  {
    title: 'all features with a list',
    yaml: 'feature-sets:\n  - {}\n  - { all: true, list: [x] }\n',
    key: 'feature-sets[1].all',
    line: 3,
    message:
      'feature-sets[1].all: cannot be combined with default: false or a list (all: true enables every feature)',
  },
  {
    title: 'empty feature-sets',
    yaml: 'feature-sets: []\n',
    key: 'feature-sets',
    line: 1,
    message: 'feature-sets: expected a list of feature sets (1 to 16), got an empty list',
  },
  {
    title: 'a misspelt severity in approval-required-for',
    yaml: 'approval-required-for:\n  - breaking\n  - non_abi\n',
    key: 'approval-required-for[1]',
    line: 3,
    message:
      'approval-required-for[1]: expected one of breaking, source-breaking, potentially-breaking, ' +
      'addition or non-abi, got "non_abi" (did you mean "non-abi"?)',
  },
  {
    title: 'a typo in a severity',
    yaml: 'approval-required-for: [breaking, additon]\n',
    key: 'approval-required-for[1]',
    line: 1,
    message:
      'approval-required-for[1]: expected one of breaking, source-breaking, potentially-breaking, ' +
      'addition or non-abi, got "additon" (did you mean "addition"?)',
  },
  {
    title: 'what always needs an approval, in approval-required-for',
    yaml: 'approval-required-for: [unresolved-macro]\n',
    key: 'approval-required-for[0]',
    line: 1,
    message:
      'approval-required-for[0]: expected one of breaking, source-breaking, potentially-breaking, ' +
      'addition or non-abi, got "unresolved-macro" (unresolved entries and open high findings always ' +
      'need an approval; the list names change severities)',
  },
  {
    title: 'approval-required-for as one word',
    yaml: 'approval-required-for: addition\n',
    key: 'approval-required-for',
    line: 1,
    message: 'approval-required-for: expected a list of change severities (at most 1000), got "addition"',
  },
  {
    title: 'approval-required-for left empty',
    yaml: 'approval-required-for:\n',
    key: 'approval-required-for',
    line: 1,
    message: 'approval-required-for: expected a list of change severities (at most 1000), got an empty value',
  },
  {
    title: 'bad bump',
    yaml: 'changes:\n  potentially-breaking-bump: patch\n',
    key: 'changes.potentially-breaking-bump',
    line: 2,
    message: 'changes.potentially-breaking-bump: expected major or minor, got "patch"',
  },
  {
    title: 'tag pattern without *',
    yaml: 'release:\n  tag-pattern: v1\n',
    key: 'release.tag-pattern',
    line: 2,
    message:
      'release.tag-pattern: expected a tag pattern with exactly one * standing for the version, got "v1"',
  },
  {
    title: 'bad crate name as a record key',
    yaml: 'release:\n  crate-tag-patterns:\n    "my crate": "v*"\n',
    key: 'release.crate-tag-patterns."my crate"',
    line: 3,
    message: 'release.crate-tag-patterns."my crate": invalid key: expected a crate name, got "my crate"',
  },
  {
    title: 'limit above its upper bound',
    yaml: 'limits:\n  max-file-bytes: 10000000000\n',
    key: 'limits.max-file-bytes',
    line: 2,
    message: 'limits.max-file-bytes: expected an integer from 1 to 268435456, got 10000000000',
  },
  {
    title: 'the file is not a mapping',
    yaml: '- approvers\n',
    key: '',
    line: 1,
    message: 'expected a mapping of settings, got a list of 1 entry',
  },
  {
    title: 'YAML syntax error, with line and column: tab indentation',
    yaml: 'approvers:\n\t- alice\n',
    key: '',
    line: 2,
    message: 'line 2, column 1: invalid YAML: Tabs are not allowed as indentation',
  },
  {
    title: 'YAML syntax error, with line and column: misaligned key',
    yaml: 'crates:\n  include: [a]\n exclude: [b]\n',
    key: '',
    line: 3,
    message: 'line 3, column 1: invalid YAML: All mapping items must start at the same column',
  },
  {
    title: 'YAML syntax error, with line and column: unclosed flow sequence',
    yaml: 'crates:\n  include: [a\n  exclude: [b]\n',
    key: '',
    line: 3,
    message:
      'line 3, column 3: invalid YAML: Flow sequence in block collection must be sufficiently indented and end with a ]',
  },
  {
    title: 'duplicate key',
    yaml: 'required-approvals: 1\nrequired-approvals: 2\n',
    key: '',
    line: 2,
    message: 'line 2, column 1: invalid YAML: the same key appears twice in one mapping',
  },
  {
    title: 'several documents',
    yaml: 'approvers: [a]\n---\napprovers: [b]\n',
    key: '',
    line: 2,
    message: 'line 2, column 1: invalid YAML: the file must hold a single YAML document',
  },
  {
    title: 'alias',
    yaml: 'crates:\n  include: &mine [a, b]\n  exclude: *mine\n',
    key: 'crates.exclude',
    line: 3,
    message: 'crates.exclude: YAML aliases are not allowed (*mine); write the value out',
  },
  {
    title: 'alias bomb ("billion laughs")',
    yaml: [
      'a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]',
      'b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]',
      'c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]',
      'd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]',
      'e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d]',
      'f: &f [*e, *e, *e, *e, *e, *e, *e, *e, *e]',
      'g: &g [*f, *f, *f, *f, *f, *f, *f, *f, *f]',
      'h: &h [*g, *g, *g, *g, *g, *g, *g, *g, *g]',
      'approvers: *h',
      '',
    ].join('\n'),
    key: 'b[0]',
    line: 2,
    message: 'b[0]: YAML aliases are not allowed (*a); write the value out',
  },
  {
    title: 'merge key (<<) is a plain, unknown key',
    yaml: '<<: { approvers: [a] }\n',
    key: '"<<"',
    line: 1,
    message:
      '"<<": unknown key "<<" (known keys: crates, paths, headers, features, feature-sets, findings, changes, approvers, ' +
      'approval-required-for, required-approvals, required-approvals-breaking, allow-commit-authors, bot-login, release, macros, binary-exports, limits)',
  },
  {
    title: 'custom tag',
    yaml: 'bot-login: !!js/function "x"\n',
    key: 'bot-login',
    line: 1,
    message: 'bot-login: YAML tag !!js/function is not allowed',
  },
  {
    title: 'binary tag',
    yaml: 'approvers:\n  - !!binary YWxpY2U=\n',
    key: 'approvers[0]',
    line: 2,
    message: 'approvers[0]: YAML tag !!binary is not allowed',
  },
  {
    title: 'local tag',
    yaml: 'required-approvals: !number 2\n',
    key: 'required-approvals',
    line: 1,
    message: 'required-approvals: YAML tag !number is not allowed',
  },
  {
    title: 'non-string key',
    yaml: '? [a, b]\n: 1\n',
    key: '',
    line: 1,
    message: 'line 1, column 3: invalid YAML: keys must be plain strings',
  },
];

describe('parseConfig: errors', () => {
  it.each(CASES)('$title', ({ yaml, key, line, message }) => {
    const e = errorOf(yaml);
    expect(e).toBeInstanceOf(ConfigError);
    expect(e.name).toBe('ConfigError');
    expect(e.message).toBe(`${FILE}: ${message}`);
    expect(e.file).toBe(FILE);
    expect(e.key).toBe(key);
    expect(e.line).toBe(line);
  });

  it('every message is one line that names the file, and the key when there is one', () => {
    for (const { yaml } of CASES) {
      const e = errorOf(yaml, 'conf/guard.yml');
      expect(e.message.startsWith('conf/guard.yml: ')).toBe(true);
      expect(e.message).not.toMatch(/[\r\n]/);
      if (e.key !== '') expect(e.message.startsWith(`conf/guard.yml: ${e.key}: `)).toBe(true);
      else expect(e.message).toMatch(/^conf\/guard\.yml: (line \d+, column \d+: |expected |too large)/);
    }
  });

  it('reports the first problem in the file, whatever the schema order', () => {
    const e = errorOf('limits:\n  max-crates: 0\ncrates:\n  include: 3\n');
    expect(e.key).toBe('limits.max-crates');
  });

  it('rejects an oversized file before parsing it', () => {
    const text = `approvers:\n${'  - alice\n'.repeat(MAX_CONFIG_BYTES / 10 + 1)}`;
    const e = errorOf(text);
    expect(e.key).toBe('');
    expect(e.message).toBe(
      `${FILE}: too large: ${Buffer.byteLength(text)} bytes, the limit is ${MAX_CONFIG_BYTES} bytes (256 KiB)`,
    );
    // counted in bytes, not characters
    const wide = `# ${'é'.repeat(MAX_CONFIG_BYTES / 2)}\n`;
    expect(wide.length).toBeLessThan(MAX_CONFIG_BYTES);
    expect(errorOf(wide).message).toContain('too large');
  });

  it('an alias bomb is rejected without expanding it (the document is refused before any alias is resolved)', () => {
    const levels = ['a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]'];
    for (let i = 1; i < 30; i++) {
      const prev = `x${i - 1}`.replace('x0', 'a');
      levels.push(`x${i}: &x${i} [${Array(10).fill(`*${prev}`).join(', ')}]`);
    }
    expect(errorOf(levels.join('\n')).message).toContain('YAML aliases are not allowed');
  });

  it('deep nesting is an error, not a crash', () => {
    const e = errorOf(`approvers: ${'['.repeat(100_000)}`);
    expect(e.message).toMatch(
      /^\.github\/ffi-surface-guard\.yml: (line \d+, column \d+: invalid YAML|approvers)/,
    );
  });

  it('control characters in keys and values are escaped: the message stays one line', () => {
    const e = errorOf('"bad\\nkey": 1\n');
    expect(e.message).toBe(
      `${FILE}: "bad\\nkey": unknown key "bad\\nkey" (known keys: crates, paths, headers, features, feature-sets, findings, ` +
        'changes, approvers, approval-required-for, required-approvals, required-approvals-breaking, allow-commit-authors, bot-login, ' +
        'release, macros, binary-exports, limits)',
    );
    const v = errorOf('findings:\n  levels:\n    "x\\ny": high\n');
    expect(v.message).not.toMatch(/[\r\n]/);
    expect(v.key).toBe('findings.levels."x\\ny"');
  });

  it('loadConfig reports the same errors', () => {
    expect(() => loadConfig('required-approvals: 0\n', FILE)).toThrow(ConfigError);
  });
});
