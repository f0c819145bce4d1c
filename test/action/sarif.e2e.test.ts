/**
 * The `sarif-path` input: the bundled action writes a SARIF 2.1.0 log of the report beside the
 * JSON report, on the pull-request gate and on workflow_dispatch, and names it in the outputs.
 */
import Ajv from 'ajv';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { actionDocsUrl } from '../../src/action/sarif';
import type { SarifLog } from '../../src/core/render/report-sarif';
import { DEMO_DIR as DEMO, openDemoPull, tree } from '../support/demo-pull';
import { startFakeGitHub } from '../support/fake-github';
import { OriginRepo, pullRequestEvent, runAction } from '../support/action-runner';

const ajv = new Ajv({ schemaId: 'auto', allErrors: true, meta: false });
ajv.addMetaSchema(
  JSON.parse(fs.readFileSync(require.resolve('ajv/lib/refs/json-schema-draft-04.json'), 'utf8')) as object,
);
const validate = ajv.compile(
  JSON.parse(
    fs.readFileSync(path.join(__dirname, '..', 'fixtures', 'sarif', 'sarif-2.1.0-rtm.5.json'), 'utf8'),
  ) as object,
);

function readSarif(file: string): SarifLog {
  const log = JSON.parse(fs.readFileSync(file, 'utf8')) as SarifLog;
  expect(ajv.errorsText(validate.errors)).toBe('No errors');
  expect(validate(log)).toBe(true);
  return log;
}

it('the pull-request gate writes the SARIF log to sarif-path', async () => {
  const { origin, fake, base, head } = await openDemoPull({ config: null });
  try {
    const sarifPath = path.join(origin.dir, 'out', 'ffi.sarif');
    const run = await runAction({
      workspace: origin.checkout('main'),
      fake,
      eventName: 'pull_request',
      event: pullRequestEvent(1, head, base),
      inputs: { 'report-path': path.join(origin.dir, 'report.json'), 'sarif-path': sarifPath },
    });
    expect(run.code).toBe(0);
    expect(run.outputs['sarif-path']).toBe(sarifPath);
    const log = readSarif(sarifPath);
    const report = JSON.parse(fs.readFileSync(path.join(origin.dir, 'report.json'), 'utf8')) as {
      changes: unknown[];
      findings: unknown[];
    };
    expect(log.runs[0].results).toHaveLength(report.changes.length + report.findings.length);
    expect(log.runs[0].results.map((r) => r.ruleId)).toContain('function-removed');
  } finally {
    await fake.close();
    origin.cleanup();
  }
});

it('workflow_dispatch writes it too; without sarif-path there is no SARIF output', async () => {
  const origin = new OriginRepo();
  const fake = await startFakeGitHub();
  try {
    const base = origin.commit('main', tree(path.join(DEMO, 'v2')));
    fake.addRepo({ fullName: 'octo/lib', defaultBranch: 'main', branches: { main: base } });
    const sarifPath = path.join(origin.dir, 'ffi.sarif');
    const run = await runAction({
      workspace: origin.checkout('main'),
      fake,
      eventName: 'workflow_dispatch',
      event: { ref: 'refs/heads/main' },
      inputs: { 'report-path': path.join(origin.dir, 'report.json'), 'sarif-path': sarifPath },
    });
    expect(run.code).toBe(0);
    expect(run.outputs['sarif-path']).toBe(sarifPath);
    const log = readSarif(sarifPath);
    const ids = log.runs[0].results.map((r) => r.ruleId);
    expect(ids).toContain('function-added');
    expect(ids).toContain('buffer-param');
    const without = await runAction({
      workspace: origin.checkout('main'),
      fake,
      eventName: 'workflow_dispatch',
      event: { ref: 'refs/heads/main' },
      inputs: { 'report-path': path.join(origin.dir, 'report2.json') },
    });
    expect(without.code).toBe(0);
    expect(without.outputs['sarif-path']).toBeUndefined();
  } finally {
    await fake.close();
    origin.cleanup();
  }
});

it('rules link to the README of the action repository at the ref in use', () => {
  expect(
    actionDocsUrl('https://github.com', {
      GITHUB_ACTION_REPOSITORY: 'acme/ffi-surface-guard',
      GITHUB_ACTION_REF: 'v1',
    }),
  ).toBe('https://github.com/acme/ffi-surface-guard/blob/v1/README.md');
  expect(actionDocsUrl('https://github.com', {})).toBeUndefined();
  expect(
    actionDocsUrl('https://github.com', { GITHUB_ACTION_REPOSITORY: 'acme/x', GITHUB_ACTION_REF: 'a b' }),
  ).toBe('https://github.com/acme/x#readme');
});
