/**
 * A pull request's gate job in process (`runPullRequestGate` run as the Action's shell runs it,
 * test/support/gate-run.ts), against the fake GitHub REST API and a real git origin: no change,
 * a refused comment, a bad configuration. The bundled action runs a pull request's life end to end
 * in test/action/pull-request.e2e.test.ts.
 */
import { githubError } from '../support/fake-github';
import { DEMO_V1, DEMO_V2, openDemoPull, statusesOf, type DemoPull } from '../support/demo-pull';
import { runPullJob } from '../support/gate-run';

type Setup = DemoPull;
const V1 = DEMO_V1;

const setup = (head: Record<string, string | null> = DEMO_V2) => openDemoPull({ head });

describe('the gate job on a pull request (in process)', () => {
  let s: Setup;
  afterEach(async () => {
    await s.fake.close();
    s.origin.cleanup();
  });

  it('sets success and posts no comment when the surface did not change', async () => {
    s = await setup({ 'src/lib.rs': V1['src/lib.rs'] + '\n// a comment only\nfn helper() {}\n' });
    const run = await runPullJob({ workspace: s.workspace, fake: s.fake, pull: 1, eventSha: s.head });
    expect(run.code).toBe(0);
    const statuses = statusesOf(s.fake, s.head);
    expect(statuses.at(-1)?.state).toBe('success');
    expect(statuses.at(-1)?.description).toMatch(/^no FFI surface change · ffi sha256:/);
    expect(s.fake.state.comments).toHaveLength(0);
    expect(run.outputs.changed).toBe('false');
    expect(run.outputs.approved).toBe('true');
  });

  it('a 403 on comments is a warning naming pull-requests: write; the status is unaffected', async () => {
    s = await setup();
    s.fake.fail('POST /repos/:owner/:repo/issues/:n/comments', {
      ...githubError(403, 'Resource not accessible by integration'),
      times: Infinity,
    });
    const run = await runPullJob({ workspace: s.workspace, fake: s.fake, pull: 1, eventSha: s.head });
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/::warning::.*pull-requests: write/);
    expect(statusesOf(s.fake, s.head).at(-1)?.state).toBe('pending');
  });

  it('rejects a bad config file with one message naming the key and the file, and sets error', async () => {
    s = await setup();
    s.fake.state.files = [];
    s.fake.addFile({
      repo: 'octo/lib',
      path: '.github/ffi-surface-guard.yml',
      content: 'approvers: [sec-bob]\nrequired-approvals: two\n',
      ref: 'main',
    });
    const run = await runPullJob({ workspace: s.workspace, fake: s.fake, pull: 1, eventSha: s.head });
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/::error::.*\.github\/ffi-surface-guard\.yml.*required-approvals/);
    expect(statusesOf(s.fake, s.head).at(-1)?.state).toBe('error');
  });
});
