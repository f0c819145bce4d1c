/**
 * `action.yml`, the input reader (src/action/inputs.ts), what src/action sets with
 * `core.setOutput` and the README's Inputs and Outputs tables agree: the same names, and the same
 * defaults where they are stated.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { readInputs } from '../../src/action/inputs';

// @actions/core is ESM-only (jest runs CommonJS): its getInput, as the runner's `INPUT_*` reads it
jest.mock(
  '@actions/core',
  () => ({
    getInput: (name: string) => (process.env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] || '').trim(),
  }),
  { virtual: true },
);

const ROOT = path.join(__dirname, '..', '..');
const read = (rel: string) => fs.readFileSync(path.join(ROOT, rel), 'utf8');

interface ActionYml {
  inputs: Record<string, { description: string; required?: boolean; default?: string }>;
  outputs: Record<string, { description: string }>;
  runs: { using: string; main: string };
}
const ACTION = parseYaml(read('action.yml')) as ActionYml;
const README = read('README.md');

/** The rows of the first table under `## heading`: first cell (unquoted) → the other cells. */
function readmeTable(heading: string): Map<string, string[]> {
  const start = README.indexOf(`\n## ${heading}\n`);
  expect(start).toBeGreaterThan(0);
  const rest = README.slice(start + heading.length + 5);
  const section = rest.slice(0, rest.search(/\n## /) === -1 ? undefined : rest.search(/\n## /));
  const rows = new Map<string, string[]>();
  for (const line of section.split('\n')) {
    const m = /^\|\s*`([^`]+)`\s*\|(.*)\|\s*$/.exec(line);
    if (!m) continue;
    rows.set(
      m[1],
      m[2].split(' | ').map((c) => c.trim()),
    );
  }
  return rows;
}

/** A README default cell: `''` is the empty string, otherwise the code span's text. */
function readmeDefault(cell: string): string {
  const m = /^`(.*)`$/.exec(cell);
  expect(m).not.toBeNull();
  return m![1] === "''" ? '' : m![1];
}

const ACTION_SRC = fs
  .readdirSync(path.join(ROOT, 'src/action'))
  .filter((f) => f.endsWith('.ts'))
  .map((f) => read(`src/action/${f}`))
  .join('\n');

describe('inputs', () => {
  const ymlNames = Object.keys(ACTION.inputs).sort();

  it('the README table lists exactly the inputs of action.yml, with the same defaults', () => {
    const table = readmeTable('Inputs');
    expect([...table.keys()].sort()).toEqual(ymlNames);
    for (const [name, cells] of table)
      expect([name, readmeDefault(cells[0])]).toEqual([name, ACTION.inputs[name].default ?? '']);
  });

  it('every input is optional with a default, and action.yml describes it', () => {
    for (const [name, input] of Object.entries(ACTION.inputs)) {
      expect([name, input.required]).toEqual([name, false]);
      expect([name, typeof input.default]).toEqual([name, 'string']);
      expect(input.description.length).toBeGreaterThan(10);
    }
  });

  it('the input reader reads exactly the inputs of action.yml', () => {
    const src = read('src/action/inputs.ts');
    const read_ = new Set([...src.matchAll(/\bget\('([a-z-]+)'\)/g)].map((m) => m[1]));
    expect([...read_].sort()).toEqual(ymlNames);
    // and nothing else in src/action reads an input behind its back
    expect(ACTION_SRC.replace(src, '')).not.toMatch(/core\.get(Boolean|Multiline)?Input\(/);
  });

  it('the defaults of action.yml mean what the reader does with an empty input', () => {
    const saved = { ...process.env };
    const setInputs = (values: Record<string, string>) => {
      for (const k of Object.keys(process.env)) if (k.startsWith('INPUT_')) delete process.env[k];
      for (const [k, v] of Object.entries(values))
        process.env[`INPUT_${k.replace(/ /g, '_').toUpperCase()}`] = v;
    };
    try {
      const env = { RUNNER_TEMP: '/runner/tmp' };
      const defaults = Object.fromEntries(
        Object.entries(ACTION.inputs).map(([k, v]) => [k, k === 'github-token' ? 'tok' : (v.default ?? '')]),
      );
      setInputs(defaults);
      const fromDefaults = readInputs(env);
      setInputs({ 'github-token': 'tok' });
      const fromEmpty = readInputs(env);
      expect(fromDefaults).toEqual(fromEmpty);
      expect(fromEmpty.reportPath).toBe('/runner/tmp/ffi-surface-guard-report.json');
    } finally {
      for (const k of Object.keys(process.env)) if (!(k in saved)) delete process.env[k];
      Object.assign(process.env, saved);
    }
  });

  it('the README states the fallbacks the reader applies to empty inputs', () => {
    const table = readmeTable('Inputs');
    expect(table.get('report-path')![1]).toContain('`$RUNNER_TEMP/ffi-surface-guard-report.json`');
    expect(ACTION.inputs['report-path'].description).toContain('$RUNNER_TEMP/ffi-surface-guard-report.json');
  });
});

describe('outputs', () => {
  const ymlNames = Object.keys(ACTION.outputs).sort();

  it('the README table lists exactly the outputs of action.yml', () => {
    expect([...readmeTable('Outputs').keys()].sort()).toEqual(ymlNames);
  });

  it('src/action sets exactly the outputs of action.yml', () => {
    const set = new Set([...ACTION_SRC.matchAll(/setOutput\(\s*'([a-z-]+)'/g)].map((m) => m[1]));
    expect([...set].sort()).toEqual(ymlNames);
    // every setOutput names its output literally
    expect(ACTION_SRC).not.toMatch(/setOutput\(\s*[^'\s]/);
  });
});

it('action.yml runs the bundled action the package ships', () => {
  expect(ACTION.runs.main).toBe('dist/index.js');
  const pkg = JSON.parse(read('package.json')) as { files: string[]; main: string };
  expect(pkg.main).toBe(ACTION.runs.main);
  expect(pkg.files).toEqual(expect.arrayContaining(['action.yml', ACTION.runs.main]));
});
