/**
 * A pull request's gate job in process (`runPullRequestGate` run as the Action's shell runs it,
 * test/support/gate-run.ts), against the fake GitHub REST API and a real git origin: no change,
 * a refused comment, a bad configuration. The bundled action runs a pull request's life end to end
 * in test/action/pull-request.e2e.test.ts.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { startFakeGitHub, FakeGitHub, githubError } from '../support/fake-github';
import { OriginRepo } from '../support/action-runner';
import { runPullJob } from '../support/gate-run';

const DEMO = path.join(__dirname, '..', '..', 'demo');

function tree(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string, prefix: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      if (e.isDirectory()) walk(path.join(d, e.name), `${prefix}${e.name}/`);
      else out[`${prefix}${e.name}`] = fs.readFileSync(path.join(d, e.name), 'utf8');
    }
  };
  walk(dir, '');
  return out;
}

const V1 = tree(path.join(DEMO, 'v1'));
const V2 = { ...tree(path.join(DEMO, 'v2')), 'src/lib.rs': tree(path.join(DEMO, 'v2'))['src/lib.rs'] };

interface Setup {
  origin: OriginRepo;
  fake: FakeGitHub;
  base: string;
  head: string;
  workspace: string;
}

async function setup(headFiles: Record<string, string | null> = V2): Promise<Setup> {
  const origin = new OriginRepo();
  const base = origin.commit('main', V1, 'tinyimg 1.4.0');
  const head = origin.commit('feature-1', headFiles, 'PR change');
  origin.setPullRef(1, head);
  const fake = await startFakeGitHub();
  fake.addRepo({ fullName: 'octo/lib', defaultBranch: 'main', branches: { main: base } });
  fake.addPull({
    repo: 'octo/lib',
    number: 1,
    user: 'alice',
    head: { sha: head, ref: 'feature-1' },
    base: { sha: base, ref: 'main' },
    commits: [head],
  });
  fake.addFile({
    repo: 'octo/lib',
    path: '.github/ffi-surface-guard.yml',
    content: 'approvers:\n  - sec-bob\n',
    ref: 'main',
  });
  return { origin, fake, base, head, workspace: origin.checkout('main') };
}

function statusesOf(fake: FakeGitHub, sha: string) {
  return fake.state.statuses.filter((s) => s.sha === sha && s.context === 'ffi-surface/security-review');
}

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
