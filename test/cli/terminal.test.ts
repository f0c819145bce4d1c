/**
 * The bundled CLI on a terminal and in a pipe: colour only for text and Markdown on standard
 * output (NO_COLOR, FORCE_COLOR, `--color`), never in JSON, SARIF or `--output` files; `--quiet`
 * drops warnings but not errors; help after leading options; a relative `--output` is relative
 * to the current directory; SARIF rules link to the README's rule table.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { colorize, useColor } from '../../src/cli/color';
import { CLI_DOCS_URL, TOOL_REPOSITORY } from '../../src/cli/sarif';
import {
  BundledCli,
  CliResult,
  History,
  makeHistory,
  MANIFEST,
  exportFn,
  tempDir,
} from '../diff/git-fixture';

// eslint-disable-next-line no-control-regex
const ESC = /\u001b\[/;

let cli: BundledCli;
let h: History;
beforeAll(() => {
  cli = new BundledCli();
  h = makeHistory();
  // a branch with no history in common with main: `diff island feature` warns
  h.repo.git('checkout', '-q', '--orphan', 'island');
  h.repo.commit('island', { 'Cargo.toml': MANIFEST(), 'src/lib.rs': exportFn('fsg_island') });
  h.repo.git('checkout', '-q', 'feature');
});
afterAll(() => {
  cli.dispose();
  h.repo.remove();
});

/** The bundled CLI in the history's repository with exactly `env` added to a colourless one. */
function run(args: string[], env: Record<string, string> = {}, cwd = h.repo.dir): CliResult {
  const base: NodeJS.ProcessEnv = {
    ...process.env,
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_CONFIG_GLOBAL: '/dev/null',
  };
  for (const k of ['FORCE_COLOR', 'NO_COLOR', 'NODE_OPTIONS', 'NODE_PATH']) delete base[k];
  const r = spawnSync(process.execPath, [cli.path, ...args], {
    cwd,
    env: { ...base, ...env },
    encoding: 'utf8',
    timeout: 90_000,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('useColor (pure)', () => {
  const tty = (env: Record<string, string>) => ({ stdoutIsTTY: true, env });
  const pipe = (env: Record<string, string>) => ({ stdoutIsTTY: false, env });
  it.each([
    ['auto on a terminal', 'auto', tty({}), true],
    ['auto in a pipe', 'auto', pipe({}), false],
    ['NO_COLOR on a terminal', 'auto', tty({ NO_COLOR: '1' }), false],
    ['an empty NO_COLOR is unset (no-color.org)', 'auto', tty({ NO_COLOR: '' }), true],
    ['FORCE_COLOR in a pipe', 'auto', pipe({ FORCE_COLOR: '1' }), true],
    ['FORCE_COLOR=0 on a terminal', 'auto', tty({ FORCE_COLOR: '0' }), false],
    ['FORCE_COLOR over NO_COLOR', 'auto', pipe({ FORCE_COLOR: '1', NO_COLOR: '1' }), true],
    ['--color always in a pipe with NO_COLOR', 'always', pipe({ NO_COLOR: '1' }), true],
    ['--color never with FORCE_COLOR', 'never', tty({ FORCE_COLOR: '1' }), false],
  ] as const)('%s', (_label, choice, terminal, expected) => {
    expect(useColor(choice, terminal)).toBe(expected);
  });
});

describe('colorize (pure)', () => {
  it('never lets an escape of the input through: only its own', () => {
    const hostile = 'Breaking (1):\n    fn-removed  function \u001b[2Jevil  src/lib.rs:1\n';
    const out = colorize(hostile, 'text');
    expect(out).not.toContain('\u001b[2J');
    expect(out).toContain('\\u{1b}[2Jevil');
    // the heading is coloured, and colour is all that was added
    expect(out.startsWith('\u001b[1;31mBreaking (1):\u001b[0m')).toBe(true);
    // eslint-disable-next-line no-control-regex
    expect(out.replace(/\u001b\[[0-9;]*m/g, '')).toBe(hostile.replace('\u001b', '\\u{1b}'));
  });

  it('is linear: a megabyte of one line is read once', () => {
    const line = 'a'.repeat(1 << 20);
    expect(colorize(`    ${line}  x`, 'text')).toBe(`    \u001b[1m${line}\u001b[0m  x`);
    expect(colorize(`${line}:`.repeat(2), 'text')).toBe(`${line}:`.repeat(2));
  });
});

describe('colour through the bundled CLI', () => {
  const text = ['diff', 'v1.0.0..feature', '--format', 'text'];

  it('in a pipe: no escapes', () => {
    const r = run(text);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Breaking (1):');
    expect(r.stdout).not.toMatch(ESC);
  });

  it('FORCE_COLOR: severities and headings coloured, the text otherwise the same', () => {
    const plain = run(text).stdout;
    const r = run(text, { FORCE_COLOR: '1' });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('\u001b[1;31mBreaking (1):\u001b[0m');
    expect(r.stdout).toContain('\u001b[1;33mPotentially breaking (1):\u001b[0m');
    // eslint-disable-next-line no-control-regex
    expect(r.stdout.replace(/\u001b\[[0-9;]*m/g, '')).toBe(plain);
  });

  it('NO_COLOR and --color never win over a terminal; --color always over NO_COLOR', () => {
    expect(run(text, { NO_COLOR: '1' }).stdout).not.toMatch(ESC);
    expect(run([...text, '--color', 'never'], { FORCE_COLOR: '1' }).stdout).not.toMatch(ESC);
    expect(run([...text, '--color', 'always'], { NO_COLOR: '1' }).stdout).toMatch(ESC);
  });

  it('on a real terminal (a pseudo-terminal from script(1)): coloured, unless NO_COLOR', () => {
    const probe = spawnSync('script', ['--version'], { encoding: 'utf8' });
    if (probe.status !== 0 && process.env.CI !== 'true') return; // util-linux's script is needed
    const line = [process.execPath, cli.path, ...text].map((a) => `'${a}'`).join(' ');
    const onTty = (env: Record<string, string>) =>
      spawnSync('script', ['-qec', line, '/dev/null'], {
        cwd: h.repo.dir,
        env: { ...process.env, ...env },
        encoding: 'utf8',
      });
    const coloured = onTty({});
    expect(coloured.status).toBe(0);
    expect(coloured.stdout).toContain('Breaking (1):');
    expect(coloured.stdout).toMatch(ESC);
    const plain = onTty({ NO_COLOR: '1' });
    expect(plain.stdout).toContain('Breaking (1):');
    expect(plain.stdout).not.toMatch(ESC);
  });

  it('Markdown headings, release-check verdicts, gate-status states and extract findings are coloured', () => {
    const force = { FORCE_COLOR: '1' };
    expect(run(['diff', 'main', 'feature', '--format', 'markdown'], force).stdout).toContain(
      '\u001b[1m## FFI surface review\u001b[0m',
    );
    const rc = run(['release-check', 'v1.0.0..v1.1.0'], force);
    expect(rc.stdout.startsWith('\u001b[1;31mFAIL\u001b[0m demo: ')).toBe(true);
    expect(run(['gate-status', 'main', 'feature'], force).stdout).toContain(': \u001b[1;33mpending\u001b[0m');
    expect(run(['extract', '--format', 'text', '--findings'], force).stdout).toContain('\u001b[1;31m[high]');
    expect(run(['changelog', 'v1.0.0..v1.1.0'], force).stdout).toContain('\u001b[1m## [Unreleased]\u001b[0m');
  });

  it('never colours JSON, SARIF or an --output file', () => {
    const env = { FORCE_COLOR: '1' };
    for (const format of ['json', 'sarif']) {
      const r = run(['diff', 'main', 'feature', '--format', format, '--color', 'always'], env);
      expect(r.code).toBe(0);
      expect(r.stdout).not.toMatch(ESC);
      expect(() => JSON.parse(r.stdout) as unknown).not.toThrow();
    }
    const out = path.join(tempDir('fsg-color-'), 'report.txt');
    const r = run([...text, '--output', out, '--color', 'always'], env);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    const file = fs.readFileSync(out, 'utf8');
    expect(file).toContain('Breaking (1):');
    expect(file).not.toMatch(ESC);
  });

  it('--color takes auto, always or never', () => {
    const r = run([...text, '--color', 'sometimes']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      'ffi-surface-guard: --color must be one of auto, always, never (got "sometimes")\n',
    );
  });
});

describe('--quiet', () => {
  it('drops the warnings, keeps the report', () => {
    const loud = run(['diff', 'island', 'feature', '--format', 'text']);
    expect(loud.code).toBe(0);
    expect(loud.stderr).toBe(
      'ffi-surface-guard: warning: island and feature have no common history; comparing against island itself\n',
    );
    for (const q of ['--quiet', '-q']) {
      const quiet = run(['diff', 'island', 'feature', '--format', 'text', q]);
      expect(quiet.code).toBe(0);
      expect(quiet.stderr).toBe('');
      expect(quiet.stdout).toBe(loud.stdout);
    }
  });

  it('keeps errors', () => {
    const r = run(['diff', 'no-such-branch', '--quiet']);
    expect(r.code).toBe(2);
    expect(r.stderr.split('\n').filter(Boolean)).toEqual([
      expect.stringMatching(/^ffi-surface-guard: --base "no-such-branch"/),
    ]);
  });

  it('is in the help of every report command', () => {
    for (const c of ['extract', 'diff', 'release-check', 'gate-status', 'changelog']) {
      const r = run([c, '--help']);
      expect(r.stdout).toContain('-q, --quiet');
      expect(r.stdout).toContain('--color auto|always|never');
    }
  });
});

describe('small quirks', () => {
  it('--root X --help prints the usage; --root X diff -h the command help', () => {
    const r = run(['--root', 'x', '--help']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(/^usage:\n/);
    const d = run(['--root', 'x', 'diff', '-h']);
    expect(d.code).toBe(0);
    expect(d.stdout).toMatch(/^usage: ffi-surface-guard diff /);
  });

  it('a relative --output is relative to the current directory, not to --root', () => {
    const cwd = tempDir('fsg-cwd-');
    const r = run(['diff', 'main', 'feature', '--root', h.repo.dir, '--output', 'out/report.json'], {}, cwd);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const report = JSON.parse(fs.readFileSync(path.join(cwd, 'out', 'report.json'), 'utf8')) as {
      changes: unknown[];
    };
    expect(report.changes.length).toBeGreaterThan(0);
    expect(fs.existsSync(path.join(h.repo.dir, 'out'))).toBe(false);
  });

  it("SARIF rules link to the README's rule table at this version, as the Action's do", () => {
    const r = run(['diff', 'main', 'feature', '--format', 'sarif']);
    const log = JSON.parse(r.stdout) as {
      runs: { tool: { driver: { rules: { id: string; helpUri?: string }[] } } }[];
    };
    const rules = log.runs[0].tool.driver.rules;
    expect(rules.length).toBeGreaterThan(10);
    for (const rule of rules) expect(rule.helpUri).toBe(`${CLI_DOCS_URL}#rule-${rule.id}`);
    // each anchor exists in the README, and the repository is package.json's
    const readme = fs.readFileSync(path.join(__dirname, '..', '..', 'README.md'), 'utf8');
    for (const rule of rules) expect(readme).toContain(`<a id="rule-${rule.id}"></a>`);
    const pkg = JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', 'package.json'), 'utf8')) as {
      repository: { url: string };
      version: string;
    };
    expect(pkg.repository.url).toBe(`git+${TOOL_REPOSITORY}.git`);
    expect(CLI_DOCS_URL).toContain(`/blob/v${pkg.version}/`);
  });
});
