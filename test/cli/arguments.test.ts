/**
 * The command line in process: the per-command declarations, the parser derived from them, the
 * help and usage generated from them, and each friction point a new user met with the old parser
 * (help per command, `version`, revisions as arguments, flags accepted and ignored, `--output`,
 * undeclared features, `changelog --config`).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  commandHelp,
  globalUsage,
  parseCommandLine,
  revisions,
  synopsis,
  UsageError,
  wrap,
} from '../../src/cli/arguments';
import { COMMANDS, run, USAGE } from '../../src/cli/run';
import { TOOL_VERSION } from '../../src/core/version';
import { History, makeHistory, removeDir, tempDir } from '../diff/git-fixture';

const spec = (name: string) => {
  const s = COMMANDS.find((c) => c.name === name);
  if (!s) throw new Error(`no command ${name}`);
  return s;
};
const parse = (name: string, argv: string[]) => parseCommandLine(spec(name), argv, COMMANDS);
const usageError = (name: string, argv: string[]): string => {
  try {
    parse(name, argv);
  } catch (e) {
    expect(e).toBeInstanceOf(UsageError);
    return (e as Error).message;
  }
  throw new Error(`${name} ${argv.join(' ')} parsed`);
};

/** Exit code 2, one line, nothing on stdout. */
async function expectUsageError(argv: string[], line: string | RegExp): Promise<void> {
  const r = await run(argv);
  expect(r.stdout).toBe('');
  expect(r.exitCode).toBe(2);
  expect(r.error).toBeDefined();
  expect(r.error).not.toMatch(/\n/);
  if (typeof line === 'string') expect(r.error).toBe(line);
  else expect(r.error).toMatch(line);
}

const FORMS = path.join(__dirname, '..', 'fixtures', 'crates', 'forms');

describe('the declarations', () => {
  it('every command has a summary, its flags a description, and examples run that command', () => {
    for (const c of COMMANDS) {
      expect(c.summary).not.toBe('');
      for (const [name, f] of Object.entries(c.flags)) {
        expect(name).toMatch(/^[a-z][a-z-]*$/);
        expect(f.description).not.toBe('');
        if (f.type === 'boolean') expect(f.value).toBeUndefined();
      }
      for (const e of c.examples) expect(e.command.split(' ')[0]).toBe(c.name);
    }
  });

  it('--help of each command lists every declared flag, positional and example, with defaults', async () => {
    for (const c of COMMANDS) {
      const r = await run([c.name, '--help']);
      expect(r.exitCode).toBe(0);
      expect(r.stdout).toBe(commandHelp(c));
      const flat = r.stdout.replace(/\s+/g, ' ');
      for (const [name, f] of Object.entries(c.flags)) {
        expect(r.stdout).toContain(`--${name}`);
        if (f.default) expect(flat).toContain(`default: ${f.default}`);
        for (const choice of f.choices ?? []) expect(r.stdout).toContain(choice);
      }
      for (const p of c.positionals) expect(r.stdout).toContain(`  ${p.name} `);
      for (const e of c.examples) expect(r.stdout).toContain(`ffi-surface-guard ${e.command}\n`);
      expect(r.stdout).toContain('-h, --help');
    }
  });

  it('diff --help is the full help (descriptions, --config, defaults), and so is diff -h', async () => {
    const long = await run(['diff', '--help']);
    const short = await run(['diff', '-h']);
    expect(short).toEqual(long);
    expect(long.stdout).toContain('--config FILE');
    expect(long.stdout).toContain('(default: json)');
    expect(long.stdout).toMatch(/--fail-on breaking\|potentially-breaking\|any\n\s+Exit with code 1/);
    expect(long.stdout).toContain('examples:');
    // --help wins over everything else on the line, even what would be an error
    expect(await run(['diff', 'a', 'b', 'c', '-h'])).toEqual(long);
    expect(await run(['diff', '--bogus', '--help'])).toEqual(long);
    // after --, it is an argument
    expect((await run(['diff', '--', '--help'])).exitCode).toBe(2);
    // `help COMMAND` is the same text
    expect(await run(['help', 'diff'])).toEqual(long);
  });

  it('the global usage lists every command, from the same declarations', async () => {
    expect(USAGE).toBe(globalUsage(COMMANDS));
    for (const c of COMMANDS) {
      expect(USAGE).toContain(`ffi-surface-guard ${c.name.padEnd(13)} ${synopsis(c)}`.trimEnd());
      expect(USAGE).toContain(`  ${c.name.padEnd(13)} ${c.summary}`);
    }
    expect(USAGE).toContain('feature flags: --features a,b | --all-features | --no-default-features');
    expect(await run(['--help'])).toEqual({ stdout: USAGE, exitCode: 0 });
    expect(await run(['-h'])).toEqual({ stdout: USAGE, exitCode: 0 });
    expect(await run(['help'])).toEqual({ stdout: USAGE, exitCode: 0 });
    expect(await run(['help', '-h'])).toEqual({ stdout: USAGE, exitCode: 0 });
    // no arguments at all: the usage, exit code 2 (unchanged)
    expect(await run([])).toEqual({ stdout: USAGE, exitCode: 2 });
  });

  it('help lines wrap at 100 columns', () => {
    for (const c of COMMANDS)
      for (const line of commandHelp(c).split('\n'))
        if (!line.startsWith('usage:') && !line.startsWith('  --') && !line.includes('ffi-surface-guard'))
          expect(line.length).toBeLessThanOrEqual(100);
    expect(wrap('a bb ccc dddd', 6)).toEqual(['a bb', 'ccc', 'dddd']);
  });
});

describe('the tool version', () => {
  it('is --version and the version command', async () => {
    const line = `ffi-surface-guard ${TOOL_VERSION}\n`;
    expect(await run(['--version'])).toEqual({ stdout: line, exitCode: 0 });
    expect(await run(['version'])).toEqual({ stdout: line, exitCode: 0 });
  });

  it('is not a flag of the commands (changelog --version names the release)', async () => {
    await expectUsageError(
      ['diff', '--version'],
      `unknown option "--version" for diff (changelog takes it; the tool's version: ffi-surface-guard --version)`,
    );
    await expectUsageError(['version', 'extra'], 'version takes no arguments (got "extra")');
  });
});

describe('the parser', () => {
  it('reads values, inline values, short -h and repeatable --features', () => {
    const a = parse('diff', [
      '--base=main',
      '--head',
      'HEAD',
      '--features',
      'a,b',
      '--features=c',
      '--all-features',
    ]);
    expect(a.command).toBe('diff');
    expect([...a.flags]).toEqual([
      ['--base', 'main'],
      ['--head', 'HEAD'],
      ['--features', 'a,b,c'],
      ['--all-features', true],
    ]);
    expect(parse('extract', ['-h']).flags.get('--help')).toBe(true);
    // a non-repeatable flag given twice: the last one counts (as before)
    expect(parse('diff', ['--format', 'text', '--format', 'json']).flags.get('--format')).toBe('json');
    // after --, everything is an argument
    expect(parse('diff', ['--', 'main']).positionals).toEqual(['main']);
  });

  it.each([
    // flags each command used to accept and ignore
    ['extract', ['--fail-on', 'breaking'], 'unknown option "--fail-on" for extract (diff takes it)'],
    ['gate-status', ['--rev', 'foo'], 'unknown option "--rev" for gate-status (extract takes it)'],
    ['diff', ['--findings'], 'unknown option "--findings" for diff (extract takes it)'],
    [
      'gate-status',
      ['--format', 'json'],
      'unknown option "--format" for gate-status (extract, diff, release-check take it)',
    ],
    ['release-check', ['--fail-on', 'any'], 'unknown option "--fail-on" for release-check (diff takes it)'],
    // typos: did you mean
    ['diff', ['--bsae', 'main'], 'unknown option "--bsae" for diff (did you mean "--base"?)'],
    [
      'extract',
      ['--root=x', '--feature', 'a'],
      'unknown option "--feature" for extract (did you mean "--features"?)',
    ],
    ['extract', ['--bogus'], 'unknown option "--bogus" for extract'],
    ['extract', ['-x'], 'unknown option "-x" for extract'],
    ['diff', ['--bogus=1'], 'unknown option "--bogus=1" for diff'],
    // values
    ['extract', ['--root'], '--root needs a value'],
    ['diff', ['--root', '--base', 'main'], '--root needs a value'],
    ['extract', ['--findings=yes'], '--findings takes no value'],
    ['extract', ['--format', 'yaml'], '--format must be one of json, text (got "yaml")'],
    [
      'diff',
      ['--fail-on', 'major'],
      '--fail-on must be one of breaking, potentially-breaking, any (got "major")',
    ],
    ['changelog', ['--date', '2026-01-01', '--date', '2026-01-02'], '--date given twice'],
    // arguments
    ['extract', ['src'], 'extract takes no arguments (got "src")'],
    ['diff', ['a', 'b', 'c'], 'unexpected argument "c" for diff (it takes BASE HEAD)'],
  ])('%s %j: %s', (name, argv, message) => {
    expect(usageError(name, argv)).toBe(message);
  });

  it('an unknown command: exit 2, one line, a suggestion when close', async () => {
    await expectUsageError(
      ['dif'],
      'unknown command "dif" (did you mean "diff"?); expected one of extract, diff, release-check, gate-status, changelog, explain, version',
    );
    await expectUsageError(['frobnicate'], /^unknown command "frobnicate"; expected one of extract, diff/);
    await expectUsageError(['--bogus'], /^unknown option "--bogus"; expected a command first: extract, diff/);
    await expectUsageError(['help', 'dif'], /^unknown command "dif" \(did you mean "diff"\?\)/);
  });
});

describe('revisions', () => {
  const revs = (name: string, argv: string[], ranges: 'both' | 'two-dot' | 'none' = 'both') =>
    revisions(parse(name, argv), ranges);
  const revError = (name: string, argv: string[], ranges: 'both' | 'two-dot' | 'none' = 'both') => {
    try {
      revs(name, argv, ranges);
    } catch (e) {
      expect(e).toBeInstanceOf(UsageError);
      return (e as Error).message;
    }
    throw new Error('accepted');
  };

  it('BASE [HEAD], A...B, A..B, and the flags', () => {
    expect(revs('diff', ['v0.14.0', 'v0.15.0'])).toEqual({
      base: 'v0.14.0',
      head: 'v0.15.0',
      range: undefined,
    });
    expect(revs('diff', ['v0.14.0'])).toEqual({ base: 'v0.14.0', head: undefined, range: undefined });
    expect(revs('diff', ['main...feature'])).toEqual({ base: 'main', head: 'feature', range: '...' });
    expect(revs('diff', ['main..feature'])).toEqual({ base: 'main', head: 'feature', range: '..' });
    expect(revs('diff', ['main...'])).toEqual({ base: 'main', head: 'HEAD', range: '...' });
    expect(revs('diff', ['..feature'])).toEqual({ base: 'HEAD', head: 'feature', range: '..' });
    expect(revs('diff', ['--base', 'a', '--head', 'b'])).toEqual({ base: 'a', head: 'b', range: undefined });
    expect(revs('diff', ['a', '--head', 'b'])).toEqual({ base: 'a', head: 'b', range: undefined });
    expect(revs('release-check', ['v1..v2'], 'two-dot')).toEqual({ base: 'v1', head: 'v2', range: '..' });
    // a range written as --base is read as the range, not looked up as one revision
    expect(revs('diff', ['--base', 'v0.15.0..v0.15.1'])).toEqual({
      base: 'v0.15.0',
      head: 'v0.15.1',
      range: '..',
    });
    expect(revs('diff', ['--base', 'main...pr'])).toEqual({ base: 'main', head: 'pr', range: '...' });
  });

  it('refuses what is ambiguous or what the command does not do', () => {
    expect(revError('diff', ['--root', '.'])).toBe('diff needs --base REV');
    expect(revError('diff', ['a', '--base', 'b'])).toBe(
      'the base is given twice ("a" and --base b); give one',
    );
    expect(revError('diff', ['a', 'b', '--head', 'c'])).toBe(
      'the head is given twice ("b" and --head c); give one',
    );
    expect(revError('diff', ['a..b', 'c'])).toBe('the head is given twice ("a..b" and "c")');
    expect(revError('diff', ['...'])).toBe('"..." names no revision');
    expect(revError('diff', ['--base', 'a..b', '--head', 'c'])).toBe(
      'the head is given twice ("a..b" and --head c); give one',
    );
    expect(revError('gate-status', ['--base', 'main..pr'], 'none')).toBe(
      'gate-status takes BASE [HEAD], not a range (got "main..pr")',
    );
    expect(revError('release-check', ['v1...v2'], 'two-dot')).toBe(
      'release-check compares with the base itself, not a merge base: write v1..v2',
    );
    expect(revError('gate-status', ['main..pr'], 'none')).toBe(
      'gate-status takes BASE [HEAD], not a range (got "main..pr")',
    );
  });
});

describe('through run(), on real history', () => {
  let h: History;
  beforeAll(() => {
    h = makeHistory();
  });
  afterAll(() => h.repo.remove());

  interface Rep {
    base: { rev: string };
    head: { rev: string };
    changes: { rule: string; name: string }[];
  }
  async function diff(...argv: string[]): Promise<Rep> {
    const r = await run(['diff', '--root', h.repo.dir, ...argv]);
    expect(r.error).toBeUndefined();
    expect(r.exitCode).toBe(0);
    return JSON.parse(r.stdout) as Rep;
  }

  it('diff A B and A...B compare with the merge base (as --base A --head B); A..B with A itself', async () => {
    const flags = await diff('--base', 'main', '--head', 'feature');
    expect(flags.base.rev).toBe(h.c3); // merge base of main (c4) and feature (f2)
    expect(flags.head.rev).toBe(h.f2);
    expect(await diff('main', 'feature')).toEqual(flags);
    expect(await diff('main...feature')).toEqual(flags);
    const direct = await diff('main..feature');
    expect(direct.base.rev).toBe(h.c4);
    expect(direct.head.rev).toBe(h.f2);
    // c4 removed fsg_open; feature still has it
    expect(direct.changes.map((c) => `${c.rule} ${c.name}`)).toContain('function-added fsg_open');
  });

  it('a revision argument is never an unknown option', async () => {
    await expectUsageError(
      ['diff', '--root', h.repo.dir, 'v0.14.0', 'v0.15.0'],
      '--base "v0.14.0" is not in this repository; fetch it first (git fetch origin <rev>)',
    );
  });

  it('release-check and changelog take BASE..HEAD', async () => {
    const r = await run(['release-check', '--root', h.repo.dir, 'v1.0.0..v1.1.0', '--format', 'json']);
    // every commit of the history is version 1.0.0: the addition is not covered
    expect(r.exitCode).toBe(1);
    const out = JSON.parse(r.stdout) as { base: { rev: string }; head: { rev: string } };
    expect([out.base.rev, out.head.rev]).toEqual([h.c1, h.c2]);
    const c = await run(['changelog', '--root', h.repo.dir, 'v1.0.0', 'v1.1.0']);
    expect(c.exitCode).toBe(0);
    expect(c.stdout).toContain('fsg_read');
  });

  it('gate-status takes BASE [HEAD] (no ranges), release-check refuses A...B', async () => {
    const flags = await run(['gate-status', '--root', h.repo.dir, '--base', 'main', '--head', 'feature']);
    expect(flags.exitCode).toBe(0);
    expect(flags.stdout).toMatch(/^status /);
    expect(await run(['gate-status', '--root', h.repo.dir, 'main', 'feature'])).toEqual(flags);
    await expectUsageError(
      ['gate-status', '--root', h.repo.dir, 'main..feature'],
      'gate-status takes BASE [HEAD], not a range (got "main..feature")',
    );
    await expectUsageError(
      ['release-check', '--root', h.repo.dir, 'v1.0.0...v1.1.0'],
      'release-check compares with the base itself, not a merge base: write v1.0.0..v1.1.0',
    );
  });

  it('changelog takes --config (and names a config file it cannot read)', async () => {
    const dir = tempDir('fsg-config-');
    try {
      fs.writeFileSync(path.join(dir, 'only-other.yml'), 'crates:\n  include: [other]\n');
      const scoped = await run([
        'changelog',
        '--root',
        h.repo.dir,
        'v1.0.0..v1.1.0',
        '--config',
        path.join(dir, 'only-other.yml'),
      ]);
      expect(scoped).toEqual({ stdout: 'No changes to the FFI surface.\n', exitCode: 0, error: undefined });
      const missing = path.join(dir, 'nope.yml');
      await expectUsageError(
        ['changelog', '--root', h.repo.dir, 'v1.0.0', '--config', missing],
        `${missing}: cannot be read (no such file)`,
      );
    } finally {
      removeDir(dir);
    }
  });
});

describe('--output FILE', () => {
  let dir: string;
  beforeEach(() => {
    dir = tempDir('fsg-output-');
  });
  afterEach(() => removeDir(dir));

  it('writes the report there, creating directories; stdout stays empty', async () => {
    const file = path.join(dir, 'a', 'b', 'surface.json');
    const r = await run(['extract', '--root', FORMS, '--output', file]);
    expect(r).toEqual({ stdout: '', exitCode: 0, error: undefined });
    const printed = await run(['extract', '--root', FORMS]);
    expect(fs.readFileSync(file, 'utf8')).toBe(printed.stdout);
    expect(await run(['extract', '--root', FORMS, '--output', '-'])).toEqual(printed);
  });

  it('an unwritable path: exit 2, one line naming it', async () => {
    fs.writeFileSync(path.join(dir, 'file'), '');
    const target = path.join(dir, 'file', 'report.json');
    await expectUsageError(
      ['extract', '--root', FORMS, '--output', target],
      new RegExp(`^--output ${target} cannot be written`),
    );
  });
});

describe('features must be declared', () => {
  it('--features naming a feature no crate declares: exit 2 naming it', async () => {
    await expectUsageError(
      ['extract', '--root', FORMS, '--features', 'alpha,nosuch'],
      '--features: feature "nosuch" is not declared by any analysed crate (in [features] or as an optional dependency)',
    );
    await expectUsageError(
      ['extract', '--root', FORMS, '--features', 'betta'],
      /feature "betta" .*; did you mean "beta"\?$/,
    );
    // declared ones, and other packages' features, pass
    expect(
      (await run(['extract', '--root', FORMS, '--features', 'beta', '--no-default-features'])).exitCode,
    ).toBe(0);
    expect((await run(['extract', '--root', FORMS, '--features', 'dep/x'])).exitCode).toBe(0);
  });

  it("a config file's feature set naming one: exit 2 naming the file", async () => {
    const dir = tempDir('fsg-features-');
    try {
      const config = path.join(dir, 'fsg.yml');
      fs.writeFileSync(config, 'features:\n  list: [gamma, nosuch]\n');
      await expectUsageError(
        ['extract', '--root', FORMS, '--config', config],
        `${config}: feature "nosuch" is not declared by any analysed crate (in [features] or as an optional dependency)`,
      );
    } finally {
      removeDir(dir);
    }
  });

  it('in diff, a feature either side declares is known', async () => {
    const h = makeHistory();
    try {
      h.repo.commit('features', { 'Cargo.toml': `${h.repo.read('Cargo.toml')}\n[features]\nextra = []\n` });
      const ok = await run(['diff', '--root', h.repo.dir, 'HEAD~1..HEAD', '--features', 'extra']);
      expect(ok.exitCode).toBe(0);
      const back = await run(['diff', '--root', h.repo.dir, 'HEAD..HEAD~1', '--features', 'extra']);
      expect(back.exitCode).toBe(0);
      await expectUsageError(
        ['diff', '--root', h.repo.dir, 'HEAD~1..HEAD', '--features', 'other'],
        /^--features: feature "other" is not declared/,
      );
    } finally {
      h.repo.remove();
    }
  });
});
