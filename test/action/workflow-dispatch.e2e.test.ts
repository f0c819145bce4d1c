/** `workflow_dispatch`: a report of the whole surface, no status. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { startFakeGitHub } from '../support/fake-github';
import { OriginRepo, runAction } from '../support/action-runner';

const DEMO = path.join(__dirname, '..', '..', 'demo', 'v2');
const read = (p: string) => fs.readFileSync(path.join(DEMO, p), 'utf8');

it('workflow_dispatch writes the whole-surface report and findings to the summary and the report file', async () => {
  const origin = new OriginRepo();
  const fake = await startFakeGitHub();
  try {
    const base = origin.commit('main', {
      'Cargo.toml': read('Cargo.toml'),
      'src/lib.rs': read('src/lib.rs'),
      'src/ffi.rs': read('src/ffi.rs'),
    });
    fake.addRepo({ fullName: 'octo/lib', defaultBranch: 'main', branches: { main: base } });
    const reportPath = path.join(origin.dir, 'report.json');
    const run = await runAction({
      workspace: origin.checkout('main'),
      fake,
      eventName: 'workflow_dispatch',
      event: { ref: 'refs/heads/main' },
      inputs: { 'report-path': reportPath },
    });
    expect(run.code).toBe(0);
    expect(run.summary).toContain('tinyimg_decode_png');
    expect(run.summary).toContain('buffer-param');
    const report = JSON.parse(fs.readFileSync(reportPath, 'utf8')) as {
      changes: { rule: string }[];
      findings: unknown[];
    };
    expect(report.changes.filter((c) => c.rule === 'function-added').length).toBe(8);
    expect(report.findings.length).toBeGreaterThan(5);
    expect(run.outputs.digest).toMatch(/^sha256:/);
    expect(fake.state.statuses).toHaveLength(0);
  } finally {
    await fake.close();
    origin.cleanup();
  }
});
