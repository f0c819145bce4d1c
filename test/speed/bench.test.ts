/**
 * `npm run bench --quick` (issue 19, item 5) runs every measure on small generated workspaces and
 * prints every ratio beside its target, then the closing table. What is asserted is the work done
 * (every line printed, the engine and the CLI finding the same symbols, the table's rows), never
 * the times or whether a target is met: a quick run's sizes are not the targets' sizes, and
 * timings on a shared machine say little.
 */
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';

const ROOT = path.join(__dirname, '..', '..');

let out: string;
let code: number | null;
let stderr: string;
beforeAll(() => {
  const r = spawnSync(process.execPath, [path.join(ROOT, 'scripts/bench.mjs'), '--quick'], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 300_000,
  });
  out = r.stdout;
  code = r.status;
  stderr = r.stderr;
}, 320_000);

const hasCbindgen = spawnSync('cbindgen', ['--version']).status === 0;

/** The number a line `label: N×` prints. */
function ratio(label: string): number {
  const line = out.split('\n').find((l) => l.startsWith(`ratio ${label}: `));
  if (!line) throw new Error(`no line "ratio ${label}" in:\n${out}`);
  const m = /: (\d+\.\d\d)× \(/.exec(line);
  if (!m) throw new Error(`no ratio in "${line}"`);
  return Number(m[1]);
}

it('runs to the end', () => {
  expect(stderr).toBe('');
  expect(code).toBe(0);
});

it.each([
  ['full extract, engine / git grep', '≤ 3×'],
  ['full extract, whole command / (node -e 0 + git grep)', '≤ 5×'],
  ['20-file PR diff, engine / git grep', '≤ 1×'],
  ['20-file PR diff, whole command / (node -e 0 + git grep)', '≤ 3×'],
])('prints the ratio "%s" beside its target %s', (label, target) => {
  expect(ratio(label)).toBeGreaterThan(0);
  expect(out).toContain(`ratio ${label}: `);
  expect(out).toMatch(
    new RegExp(`ratio ${label.replace(/[()+/]/g, '\\$&')}: \\d+\\.\\d\\d× \\(target ${target}\\)`),
  );
});

it('prints the floor of a sound full extract: every .rs file read and lexed once', () => {
  expect(ratio('full extract, floor (read + lex every file) / git grep')).toBeGreaterThan(0);
  const m = /floor in-process: read and lex every \.rs file once \((\d+) files, (\d+) tokens\)/.exec(out);
  // every generated .rs file: the same count the workspace line gives
  const generated = /full extract, wasmtime-shaped workspace: \d+ crates, (\d+) \.rs files/.exec(out);
  expect(Number(m?.[1])).toBe(Number(generated?.[1]));
  expect(Number(m?.[2])).toBeGreaterThan(Number(m?.[1]));
});

it('prints the floor of a diff without persisted results: the base extracted in full', () => {
  expect(ratio('20-file PR diff, base extraction alone / git grep')).toBeGreaterThan(0);
  const m = /the base alone, extracted in full from git objects \((\d+) symbols\)/.exec(out);
  expect(Number(m?.[1])).toBeGreaterThan(0);
});

it('measures extract against cbindgen when cbindgen is installed', () => {
  if (hasCbindgen) expect(ratio('one crate, whole command / cbindgen')).toBeGreaterThan(0);
  else expect(out).toContain('cbindgen is not installed');
});

it('prints peak RSS in both modes and the start-up time', () => {
  expect(out).toMatch(/^peak RSS, work tree: \d+ MB/m);
  expect(out).toMatch(/^peak RSS, --rev HEAD: \d+ MB/m);
  // both modes did the same work: the same symbols from the same workspace
  const symbols = (mode: string) =>
    Number(new RegExp(`^peak RSS, ${mode}: \\d+ MB \\([^,]*, (\\d+) symbols\\)`, 'm').exec(out)?.[1]);
  expect(symbols('work tree')).toBeGreaterThan(0);
  expect(symbols('--rev HEAD')).toBe(symbols('work tree'));
  expect(out).toMatch(/^ +\d+ ms {2}node dist\/cli\.js --version$/m);
  expect(out).toMatch(/^ +\d+ ms {2}node -e 0$/m);
});

it('the engine in-process and the whole command find the same symbols (the work is done)', () => {
  const engine = [...out.matchAll(/engine in-process[^\n]*?(\d+) symbols/g)].map((m) => Number(m[1]));
  const cli = [...out.matchAll(/node dist\/cli\.js extract: (\d+) symbols/g)].map((m) => Number(m[1]));
  expect(engine.length).toBe(hasCbindgen ? 2 : 1);
  expect(cli).toEqual(engine);
  expect(Math.min(...cli)).toBeGreaterThan(10);
  // most files of the generated workspace hold only uses and std macro calls: the quiet census
  const quiet = /quiet census for (\d+) of (\d+) texts/.exec(out);
  expect(Number(quiet?.[1])).toBeGreaterThan(0);
  expect(Number(quiet?.[1])).toBeLessThan(Number(quiet?.[2]));
  const diff = /engine in-process \(analyseDiff with findings\): ([^\n]*)/.exec(out);
  expect(diff?.[1]).toMatch(/function-added ×2/);
});

it('ends with the table: every measure, its value, its target, met or not', () => {
  const table = out.slice(out.lastIndexOf('| measure'));
  const rows = table
    .split('\n')
    .filter((l) => l.startsWith('|') && !l.startsWith('| measure') && !l.startsWith('|-'))
    .map((l) =>
      l
        .split('|')
        .slice(1, -1)
        .map((c) => c.trim()),
    );
  expect(rows.map((r) => r[0])).toEqual([
    'full extract (wasmtime-shaped), engine / git grep',
    'full extract, floor (read + lex every file) / git grep',
    'full extract, whole command / (node -e 0 + git grep)',
    '20-file PR diff, engine / git grep',
    '20-file PR diff, base extraction alone / git grep',
    '20-file PR diff, whole command / (node -e 0 + git grep)',
    'one crate, whole command / cbindgen',
    expect.stringMatching(/^peak RSS at \d+ files, work tree$/),
    expect.stringMatching(/^peak RSS at \d+ files, --rev HEAD$/),
    'start-up, --version',
  ]);
  for (const r of rows) {
    expect(r).toHaveLength(4);
    expect(r[3]).toMatch(/^(yes|NO|n\/a)$/);
  }
  expect(rows[1][3]).toBe('n/a');
  expect(rows[4][3]).toBe('n/a');
  expect(rows[6][3]).toEqual(hasCbindgen ? expect.stringMatching(/^(yes|NO)$/) : 'n/a');
});
