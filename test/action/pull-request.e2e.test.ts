/**
 * End to end: the bundled action run as a runner runs it, against the fake GitHub REST API and
 * a real git origin, through a pull request's life: the report, comment, annotations and outputs,
 * a refused status, the real client's retries, and an event it does not act on. The other job
 * outcomes run in process in test/gate/pull-request-job.test.ts.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { githubError } from '../support/fake-github';
import { DEMO_V1, DEMO_V2, openDemoPull, statusesOf, type DemoPull } from '../support/demo-pull';
import { pullRequestEvent, runAction } from '../support/action-runner';

type Setup = DemoPull;
const V1 = DEMO_V1;

const setup = (head: Record<string, string | null> = DEMO_V2) => openDemoPull({ head });

describe('the action on a pull request', () => {
  let s: Setup;
  afterEach(async () => {
    await s.fake.close();
    s.origin.cleanup();
  });

  it('posts pending then the decision, one sticky comment, the summary and the outputs; a re-run updates the comment', async () => {
    s = await setup();
    const reportPath = path.join(s.origin.dir, 'out', 'report.json');
    const run = await runAction({
      workspace: s.workspace,
      fake: s.fake,
      eventName: 'pull_request',
      event: pullRequestEvent(1, s.head, s.base),
      inputs: { 'report-path': reportPath },
    });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const statuses = statusesOf(s.fake, s.head);
    expect(statuses.map((x) => x.state)).toEqual(['pending', 'pending']);
    expect(statuses[0].description).toMatch(/analysing/);
    expect(statuses[1].description).toMatch(
      /^awaiting FFI security review \(0\/1\): 7 breaking, 2 potentially breaking, 4 additions · ffi sha256:[0-9a-f]{12}$/,
    );
    expect(statuses[1].description?.length).toBeLessThanOrEqual(140);
    const comments = s.fake.state.comments.filter((c) => c.number === 1);
    expect(comments).toHaveLength(1);
    expect(comments[0].user?.login).toBe('github-actions[bot]');
    expect(comments[0].body.startsWith('<!-- ffi-surface-guard v1 ')).toBe(true);
    expect(comments[0].body).toContain('function-removed');
    expect(comments[0].body).toContain('- [ ]');
    expect(comments[0].body).toMatch(/who may approve: @\u200d?sec-bob, except the author alice/);
    expect(run.outputs.changed).toBe('true');
    expect(run.outputs.breaking).toBe('true');
    expect(run.outputs['required-bump']).toBe('major');
    expect(run.outputs.approved).toBe('false');
    expect(run.outputs.digest).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(run.outputs['report-path']).toBe(reportPath);
    const report = JSON.parse(fs.readFileSync(reportPath, 'utf8')) as {
      changes: unknown[];
      gate: { decision: { state: string } };
    };
    expect(report.changes.length).toBe(13);
    expect(report.gate.decision.state).toBe('pending');
    expect(run.summary).toContain('FFI surface review');
    expect(run.stdout).toMatch(
      /::error title=FFI breaking%3A function-removed,file=src\/ffi.rs,line=18::tinyimg_image_free/,
    );
    // the PR code was never checked out: the workspace still holds the base
    expect(fs.readFileSync(path.join(s.workspace, 'src/lib.rs'), 'utf8')).toBe(V1['src/lib.rs']);

    const rerun = await runAction({
      workspace: s.workspace,
      fake: s.fake,
      eventName: 'pull_request',
      event: pullRequestEvent(1, s.head, s.base, 'synchronize'),
    });
    expect(rerun.code).toBe(0);
    const after = s.fake.state.comments.filter((c) => c.number === 1);
    expect(after).toHaveLength(1);
    expect(after[0].id).toBe(comments[0].id);
    expect(s.fake.requestsTo('PATCH /repos/:owner/:repo/issues/comments/:id')).toHaveLength(1);
  });

  it('names the missing permission on a 403 for statuses, still writes the summary, and never reports success', async () => {
    s = await setup();
    s.fake.fail('POST /repos/:owner/:repo/statuses/:sha', {
      ...githubError(403, 'Resource not accessible by integration'),
      times: Infinity,
    });
    const run = await runAction({
      workspace: s.workspace,
      fake: s.fake,
      eventName: 'pull_request',
      event: pullRequestEvent(1, s.head, s.base),
    });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('statuses: write');
    expect(run.summary).toContain('FFI surface review');
    expect(run.outputs.approved).toBe('false');
    expect(s.fake.state.statuses).toHaveLength(0);
  });

  it('retries 5xx answers and still decides; a persistent 5xx on reviews ends in error, not success', async () => {
    s = await setup();
    s.fake.fail('GET /repos/:owner/:repo/pulls/:n', { status: 502, times: 2 });
    const ok = await runAction({
      workspace: s.workspace,
      fake: s.fake,
      eventName: 'pull_request',
      event: pullRequestEvent(1, s.head, s.base),
    });
    expect(ok.code).toBe(0);
    expect(statusesOf(s.fake, s.head).at(-1)?.state).toBe('pending');

    s.fake.fail('GET /repos/:owner/:repo/pulls/:n/reviews', { status: 500, times: Infinity });
    const bad = await runAction({
      workspace: s.workspace,
      fake: s.fake,
      eventName: 'pull_request',
      event: pullRequestEvent(1, s.head, s.base),
    });
    expect(bad.code).toBe(1);
    const last = statusesOf(s.fake, s.head).at(-1);
    expect(last?.state).toBe('error');
    expect(last?.description).toMatch(/reviews/);
    expect(bad.summary).toMatch(/\*\*The analysis failed:\*\* .*reviews/);
  });

  it('ignores events it does not act on', async () => {
    s = await setup();
    const run = await runAction({ workspace: s.workspace, fake: s.fake, eventName: 'schedule', event: {} });
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/::notice::.*not one it acts on/);
    expect(s.fake.state.statuses).toHaveLength(0);
  });
});
