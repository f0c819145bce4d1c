/**
 * The merge gate's approval rules (SPEC section 6), one scenario per rule, in process: the
 * pull-request gate (`runPullRequestGate`) run as the Action's shell runs it (test/support/gate-run.ts)
 * against the fake GitHub REST API and a real git origin. Every scenario asserts the full list of
 * commit states posted on the PR head (so no path reaches `success` by accident), the final
 * description, and what the sticky comment says. The bundled action runs the re-evaluation events
 * and an edit of the bot's comment end to end in test/action/gate.e2e.test.ts.
 */
import * as path from 'node:path';
import { gitIn, pullRequestEvent } from '../support/action-runner';
import { gateInputs, runPullJob, type PullJobRun } from '../support/gate-run';
import { parseMarker } from '../../src/core/gate/comment-state';
import { evaluateReviewCoverage } from '../../src/core/release/review-coverage';
import { isoTime, makeUser, type FakeStatus } from '../support/fake-github';
import {
  ADDS_TWO_AND_THREE,
  BASE,
  BOT,
  commitOf,
  CONTEXT,
  forgedMarker,
  type Gate,
  lib,
  markerOf,
  ONE,
  plain,
  push,
  REPO,
  review,
  reviewEvent,
  type RunOptions,
  setConfig,
  setup,
  states,
  statuses,
  sticky,
  THREE,
  TWO,
} from '../support/gate-world';

// ---------------------------------------------------------------------------------------------
// The crate: a base with one export, and heads that add, keep, change or remove exports.

/** mini_two with another body and a comment: the same surface. */
const TWO_EDITED =
  '/// Adds two now.\n#[no_mangle]\npub extern "C" fn mini_two(x: i32) -> i32 {\n    x + 2\n}\n';
const ADDS_TWO_EDITED = { 'src/lib.rs': lib(ONE, TWO_EDITED) };
/** mini_one removed: breaking. */
const REMOVES_ONE = { 'src/lib.rs': lib(TWO) };

// ---------------------------------------------------------------------------------------------
// Harness

/**
 * One gate job for PR 1, as the Action runs it once the event (`eventName`, `event`: a pull_request
 * event by default, or a review naming PR 1) resolved to the pull request.
 */
function run(g: Gate, o: RunOptions = {}): Promise<PullJobRun> {
  const event = o.event ?? pullRequestEvent(1, g.pull.head.sha, g.base, 'synchronize', g.pull.user.login);
  const eventSha = (event.pull_request as { head?: { sha?: string } } | undefined)?.head?.sha ?? null;
  return runPullJob({
    workspace: g.workspace,
    fake: g.fake,
    pull: 1,
    eventSha,
    inputs: gateInputs(o.inputs),
  });
}

function lastStatus(g: Gate, sha: string): FakeStatus {
  const s = statuses(g, sha).at(-1);
  if (!s) throw new Error(`no ${CONTEXT} status on ${sha}`);
  return s;
}

/** Every status this context ever got, on any commit. */
function allStates(g: Gate): string[] {
  return g.fake.state.statuses.filter((s) => s.context === CONTEXT).map((s) => s.state);
}

/** The ledger a status description ends with, for an approval digest. */
function ledgerOf(digest: string): string {
  return ` · ffi ${digest.slice(0, 'sha256:'.length + 12)}`;
}

function warnings(r: PullJobRun): string[] {
  return r.stdout
    .split('\n')
    .filter((l) => l.startsWith('::warning'))
    .map((l) => l.replace(/^::warning[^:]*::/, ''));
}

function jobErrors(r: PullJobRun): string[] {
  return r.stdout
    .split('\n')
    .filter((l) => l.startsWith('::error::'))
    .map((l) => l.slice('::error::'.length).replace(/%0A/g, '\n'));
}

/** The run ended as expected, with the runner's view of the job. */
function expectClean(r: PullJobRun): void {
  expect(r.stderr).toBe('');
  expect(jobErrors(r)).toEqual([]);
  expect(r.code).toBe(0);
}

// ---------------------------------------------------------------------------------------------

let g: Gate;
afterEach(async () => {
  await g.fake.close();
  g.origin.cleanup();
});

describe('who may approve', () => {
  it("the PR author's own approval does not count; when the author is the only approver, it says nobody can approve", async () => {
    g = await setup();
    const head = g.pull.head.sha;
    review(g, 'alice', 'APPROVED');
    const r = await run(g);
    expectClean(r);
    expect(states(g, head)).toEqual(['pending', 'pending']);
    expect(lastStatus(g, head).description).toMatch(
      /^awaiting FFI security review \(0\/1\): 1 addition · ffi sha256:[0-9a-f]{12}$/,
    );
    expect(r.outputs.approved).toBe('false');
    const body = plain(sticky(g).body);
    expect(body).toContain('not counted: alice: the pull request author cannot approve their own surface');
    expect(body).toContain('who may approve: @sec-bob, except the author alice');
    expect(body).not.toContain('approved by:');

    // the author as the only listed approver: nobody can approve, and both the status and comment say so
    setConfig(g, 'approvers:\n  - alice\n');
    const only = await run(g);
    expectClean(only);
    expect(states(g, head)).toEqual(['pending', 'pending', 'pending', 'pending']);
    expect(lastStatus(g, head).description).toMatch(
      /^no eligible FFI approver \(configure approvers\): 1 addition · ffi sha256:[0-9a-f]{12}$/,
    );
    const after = plain(sticky(g).body);
    expect(after).toContain('nobody can approve: no designated approver other than the author (alice)');
    expect(after).toContain('not counted: alice: the pull request author cannot approve their own surface');
    expect(allStates(g)).not.toContain('success');
  });

  it('an approving review by someone who is not a designated approver does not count', async () => {
    g = await setup();
    const head = g.pull.head.sha;
    review(g, 'carol', 'APPROVED');
    const r = await run(g);
    expectClean(r);
    expect(states(g, head)).toEqual(['pending', 'pending']);
    expect(lastStatus(g, head).description).toMatch(/^awaiting FFI security review \(0\/1\): 1 addition/);
    expect(plain(sticky(g).body)).toContain('not counted: carol: not a designated FFI approver');
    expect(r.outputs.approved).toBe('false');
  });

  it("a member of an approving team counts (membership read from the org's team)", async () => {
    g = await setup({ config: 'approvers:\n  - octo/ffi-reviewers\n' });
    g.fake.addTeam({
      org: 'octo',
      slug: 'ffi-reviewers',
      members: ['dave', { login: 'erin', state: 'pending' }],
    });
    const head = g.pull.head.sha;
    // an invited (pending) member is not a member yet
    review(g, 'erin', 'APPROVED');
    const before = await run(g);
    expectClean(before);
    expect(states(g, head)).toEqual(['pending', 'pending']);
    expect(plain(sticky(g).body)).toContain('not counted: erin: not a designated FFI approver');

    review(g, 'dave', 'APPROVED');
    const r = await run(g);
    expectClean(r);
    expect(states(g, head)).toEqual(['pending', 'pending', 'pending', 'success']);
    expect(lastStatus(g, head).description).toBe(`FFI surface approved by dave${ledgerOf(r.outputs.digest)}`);
    expect(g.fake.requestsTo('GET /orgs/octo/teams/ffi-reviewers/memberships/dave').length).toBeGreaterThan(
      0,
    );
    const body = plain(sticky(g).body);
    expect(body).toContain('approved by: dave');
    expect(body).toContain('who may approve: @octo/ffi-reviewers, except the author alice');
    expect(r.outputs.approved).toBe('true');
  });

  it("a listed user's approval of the head commit turns the status to success, with the digest ledger", async () => {
    g = await setup();
    const head = g.pull.head.sha;
    review(g, 'sec-bob', 'APPROVED');
    const r = await run(g);
    expectClean(r);
    expect(states(g, head)).toEqual(['pending', 'success']);
    const last = lastStatus(g, head);
    expect(last.description).toMatch(/^FFI surface approved by sec-bob · ffi sha256:[0-9a-f]{12}$/);
    expect(r.outputs.digest).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(last.description?.endsWith(ledgerOf(r.outputs.digest))).toBe(true);
    expect(last.targetUrl).toBe('https://github.example/octo/lib/actions/runs/4242');
    expect(r.outputs.approved).toBe('true');
    expect(r.outputs.changed).toBe('true');
    expect(r.outputs.breaking).toBe('false');
    const c = sticky(g);
    const body = plain(c.body);
    expect(body).toContain(`approved (1/1) for surface ${r.outputs.digest.slice(0, 19)}`);
    expect(body).toContain('approved by: sec-bob');
    expect(markerOf(c.body)).toMatchObject({ v: 1, head, digests: { [head]: r.outputs.digest } });

    // the next run links the status to the comment
    const again = await run(g);
    expectClean(again);
    expect(states(g, head)).toEqual(['pending', 'success', 'pending', 'success']);
    expect(lastStatus(g, head).targetUrl).toBe(`https://github.com/octo/lib/pull/1#issuecomment-${c.id}`);
  });

  it('bots never count, whatever the approvers list says (a [bot] login, a Bot account, a deleted account)', async () => {
    g = await setup({ config: 'approvers:\n  - sec-bob\n' });
    const head = g.pull.head.sha;
    const inputs = { approvers: 'sec-bob\nrenovate[bot]\nci-robot' };
    review(g, 'renovate[bot]', 'APPROVED');
    g.fake.addReview({ repo: REPO, number: 1, user: makeUser('ci-robot', 'Bot'), state: 'APPROVED' });
    review(g, null, 'APPROVED');
    const r = await run(g, { inputs });
    expectClean(r);
    expect(states(g, head)).toEqual(['pending', 'pending']);
    const body = plain(sticky(g).body);
    expect(body).toContain('not counted: renovate[bot]: bots never count');
    expect(body).toContain('not counted: ci-robot: bots never count');
    expect(body).toContain('not counted: (deleted user): bots never count');
    expect(r.outputs.approved).toBe('false');

    review(g, 'sec-bob', 'APPROVED');
    const ok = await run(g, { inputs });
    expectClean(ok);
    expect(states(g, head)).toEqual(['pending', 'pending', 'pending', 'success']);

    // the author and a bot as the only approvers: nobody can approve (sec-bob is no approver now).
    // (Asked after the approval: an approval given after the gate showed the delta under another
    // policy, as this run's status does, would be stale under the first one again.)
    const none = await run(g, { inputs: { approvers: 'alice\nrenovate[bot]' } });
    expectClean(none);
    expect(states(g, head)).toEqual(['pending', 'pending', 'pending', 'success', 'pending', 'pending']);
    expect(lastStatus(g, head).description).toMatch(/^no eligible FFI approver \(configure approvers\)/);
    expect(plain(sticky(g).body)).toContain(
      'nobody can approve: no designated approver other than the author',
    );
  });

  it('authors of PR commits do not count by default, and do with allow-commit-authors: true', async () => {
    g = await setup({ commitAuthor: 'sec-bob' });
    const head = g.pull.head.sha;
    review(g, 'sec-bob', 'APPROVED');
    const r = await run(g);
    expectClean(r);
    expect(states(g, head)).toEqual(['pending', 'pending']);
    expect(plain(sticky(g).body)).toContain('not counted: sec-bob: authored commits in this pull request');

    setConfig(g, 'approvers:\n  - sec-bob\nallow-commit-authors: true\n');
    const allowed = await run(g);
    expectClean(allowed);
    expect(states(g, head)).toEqual(['pending', 'pending', 'pending', 'success']);
    expect(lastStatus(g, head).description).toMatch(/^FFI surface approved by sec-bob · /);
    expect(allowed.outputs.digest).not.toBe(r.outputs.digest); // the policy is part of what is approved
  });
});

describe('an approval binds to the exact FFI delta', () => {
  it('a push that keeps the surface (a function body, a comment) keeps the approval, without a new review', async () => {
    g = await setup();
    const first = g.pull.head.sha;
    review(g, 'sec-bob', 'APPROVED', first);
    const r1 = await run(g);
    expectClean(r1);
    expect(states(g, first)).toEqual(['pending', 'success']);

    const second = push(g, ADDS_TWO_EDITED);
    const r2 = await run(g);
    expectClean(r2);
    expect(g.fake.state.reviews).toHaveLength(1);
    expect(g.fake.state.reviews[0].commitId).toBe(first);
    expect(r2.outputs.digest).toBe(r1.outputs.digest);
    expect(states(g, second)).toEqual(['pending', 'success']);
    expect(lastStatus(g, second).description).toBe(
      `FFI surface approved by sec-bob${ledgerOf(r2.outputs.digest)}`,
    );
    expect(r2.outputs.approved).toBe('true');
    const c = sticky(g);
    expect(plain(c.body)).toContain('approved by: sec-bob');
    expect(markerOf(c.body)).toMatchObject({
      head: second,
      digests: { [first]: r1.outputs.digest, [second]: r1.outputs.digest },
    });

    // the same without any state in the comment: the approved commit's digest is computed from git
    g.fake.state.comments = [];
    const third = push(g, { 'src/lib.rs': lib(ONE, TWO_EDITED) + '\n// trailing comment\n' });
    const r3 = await run(g);
    expectClean(r3);
    expect(states(g, third)).toEqual(['pending', 'success']);
  });

  it('a push that changes the surface turns the status back to pending, and the comment names the stale approval', async () => {
    g = await setup();
    const first = g.pull.head.sha;
    review(g, 'sec-bob', 'APPROVED', first);
    const r1 = await run(g);
    expectClean(r1);
    expect(states(g, first)).toEqual(['pending', 'success']);

    const second = push(g, ADDS_TWO_AND_THREE);
    const r2 = await run(g);
    expectClean(r2);
    expect(r2.outputs.digest).not.toBe(r1.outputs.digest);
    expect(states(g, second)).toEqual(['pending', 'pending']);
    expect(lastStatus(g, second).description).toBe(
      `awaiting FFI security review (0/1): 2 additions${ledgerOf(r2.outputs.digest)}`,
    );
    expect(r2.outputs.approved).toBe('false');
    const body = plain(sticky(g).body);
    expect(body).toContain(
      `not counted: sec-bob: approved ${first.slice(0, 12)}, whose FFI surface differs from the head's (stale)`,
    );
    expect(body).toContain(`awaiting review (0/1 approvals of surface ${r2.outputs.digest.slice(0, 19)})`);
    expect(body).not.toContain('approved by:');
    // the first commit's status is history: it is not touched
    expect(states(g, first)).toEqual(['pending', 'success']);

    // a new review of the new surface approves it again
    review(g, 'sec-bob', 'APPROVED', second);
    const r3 = await run(g);
    expectClean(r3);
    expect(states(g, second)).toEqual(['pending', 'pending', 'pending', 'success']);
  });

  it('an "Update branch" merge of a base that gained an export of its own keeps the approval', async () => {
    g = await setup();
    const first = g.pull.head.sha;
    review(g, 'sec-bob', 'APPROVED', first);
    const r1 = await run(g);
    expectClean(r1);
    // main gains an export of its own (above the PR's lines: no conflict); the PR merges main in.
    // `first` merged into main's new tip lands what the merged head lands. (A merge that needs a
    // conflict resolution needs a new approval: test/gate/what-lands.test.ts.)
    const work = path.join(g.origin.dir, 'author');
    const main = g.origin.commit('main', { 'src/lib.rs': lib(THREE, ONE) }, 'main: three');
    gitIn(work, 'checkout', '-q', 'feature-1');
    gitIn(work, 'merge', '-q', '--no-edit', 'main');
    expect(gitIn(work, 'show', 'HEAD:src/lib.rs')).toBe(lib(THREE, ONE, TWO).trim());
    gitIn(work, 'push', '-q', '--force', 'origin', 'feature-1');
    const merged = gitIn(work, 'rev-parse', 'HEAD');
    g.origin.setPullRef(1, merged);
    g.fake.state.repos[0].branches.main = main;
    g.pull.base.sha = main;
    g.pull.head.sha = merged;
    g.pull.commits.push(commitOf(merged, 'alice', first));
    const r2 = await run(g);
    expectClean(r2);
    expect(r2.outputs.digest).toBe(r1.outputs.digest);
    expect(states(g, merged)).toEqual(['pending', 'success']);
    expect(lastStatus(g, merged).description).toBe(
      `FFI surface approved by sec-bob${ledgerOf(r1.outputs.digest)}`,
    );
  });

  it("an approver's CHANGES_REQUESTED after their approval is a failure; dismissing it brings back pending, not the old approval", async () => {
    g = await setup();
    const head = g.pull.head.sha;
    review(g, 'sec-bob', 'APPROVED');
    expectClean(await run(g));
    const blocking = review(g, 'sec-bob', 'CHANGES_REQUESTED');
    const r = await run(g);
    expectClean(r);
    expect(states(g, head)).toEqual(['pending', 'success', 'pending', 'failure']);
    expect(lastStatus(g, head).description).toBe(
      `FFI changes requested by sec-bob${ledgerOf(r.outputs.digest)}`,
    );
    expect(plain(sticky(g).body)).toContain('changes requested by sec-bob');
    expect(r.outputs.approved).toBe('false');

    // a COMMENTED review does not replace the latest decisive one
    review(g, 'sec-bob', 'COMMENTED');
    expectClean(await run(g));
    expect(states(g, head).at(-1)).toBe('failure');

    blocking.state = 'DISMISSED';
    const dismissed = await run(g, {
      eventName: 'pull_request_review',
      event: reviewEvent(g, 'dismissed', 'sec-bob'),
    });
    expectClean(dismissed);
    expect(states(g, head)).toEqual([
      'pending',
      'success',
      'pending',
      'failure',
      'pending',
      'failure',
      'pending',
      'pending',
    ]);
    expect(lastStatus(g, head).description).toMatch(/^awaiting FFI security review \(0\/1\): 1 addition · /);
    const body = plain(sticky(g).body);
    expect(body).not.toContain('changes requested by');
    expect(body).not.toContain('approved by:');
  });

  it('a dismissed approval is withdrawn', async () => {
    g = await setup({ config: 'approvers: [sec-bob, carol]\n' });
    const head = g.pull.head.sha;
    const approval = review(g, 'sec-bob', 'APPROVED');
    const r1 = await run(g);
    expectClean(r1);
    expect(states(g, head)).toEqual(['pending', 'success']);

    approval.state = 'DISMISSED';
    const r2 = await run(g, {
      eventName: 'pull_request_review',
      event: reviewEvent(g, 'dismissed', 'sec-bob'),
    });
    expectClean(r2);
    expect(states(g, head)).toEqual(['pending', 'success', 'pending', 'pending']);
    expect(lastStatus(g, head).description).toMatch(/^awaiting FFI security review \(0\/1\)/);
    expect(r2.outputs.approved).toBe('false');
    expect(plain(sticky(g).body)).not.toContain('approved by:');
  });
});

describe('nobody can forge the state', () => {
  /** sec-bob approved the first head; the second changed the surface. Returns both heads and digests. */
  async function staleApproval(inputs?: Record<string, string>) {
    const first = g.pull.head.sha;
    review(g, 'sec-bob', 'APPROVED', first);
    const r1 = await run(g, { inputs });
    expectClean(r1);
    const second = push(g, ADDS_TWO_AND_THREE);
    const r2 = await run(g, { inputs });
    expectClean(r2);
    expect(states(g, second)).toEqual(['pending', 'pending']);
    return { first, second, d1: r1.outputs.digest, d2: r2.outputs.digest };
  }

  it('a state comment forged by the PR author is ignored: the bot writes its own, the decision is unaffected, a warning names it', async () => {
    g = await setup();
    const { first, second, d2 } = await staleApproval();
    // without the bot's comment, the author posts one that maps the approved commit to the head's digest
    g.fake.state.comments = [];
    const forged = g.fake.addComment({
      repo: REPO,
      number: 1,
      user: 'alice',
      body: `${forgedMarker({ v: 1, head: second, digests: { [first]: d2, [second]: d2 }, approved: [d2] })}\n## FFI surface review\n\napproved by: sec-bob\n`,
    });
    const r = await run(g);
    expectClean(r);
    expect(states(g, second)).toEqual(['pending', 'pending', 'pending', 'pending']);
    expect(r.outputs.approved).toBe('false');
    expect(warnings(r)).toContainEqual(
      expect.stringMatching(
        new RegExp(`^comment ${forged.id} by alice carries an ffi-surface-guard marker; it is ignored`),
      ),
    );
    const own = sticky(g);
    expect(own.id).not.toBe(forged.id);
    expect(plain(own.body)).toContain(
      `not counted: sec-bob: approved ${first.slice(0, 12)}, whose FFI surface differs`,
    );
    // the forged comment was neither trusted nor rewritten
    expect(g.fake.state.comments.find((c) => c.id === forged.id)?.body).toContain('approved by: sec-bob');
    expect(g.fake.requestsTo(`PATCH /repos/:owner/:repo/issues/comments/${forged.id}`)).toHaveLength(0);
    expect(allStates(g)).toEqual(['pending', 'success', 'pending', 'pending', 'pending', 'pending']);
  });

  it("with bot-login my-app[bot], state is read from my-app[bot]'s comment and a github-actions[bot] marker is ignored", async () => {
    g = await setup({ state: { tokenLogin: 'my-app[bot]' } });
    const inputs = { 'bot-login': 'my-app[bot]' };
    const first = g.pull.head.sha;
    // another workflow's GITHUB_TOKEN (github-actions[bot]) wrote a marker claiming an approval
    const actions = g.fake.addComment({
      repo: REPO,
      number: 1,
      user: BOT,
      body: `${forgedMarker({ v: 1, head: first, digests: {}, approved: [] })}\nforged`,
    });
    const r1 = await run(g, { inputs });
    expectClean(r1);
    expect(warnings(r1)).toContainEqual(
      expect.stringMatching(
        new RegExp(
          `^comment ${actions.id} by github-actions\\[bot\\] carries an ffi-surface-guard marker; it is ignored \\(only my-app\\[bot\\]'s comment holds state\\)`,
        ),
      ),
    );
    const own = sticky(g, 'my-app[bot]');
    expect(markerOf(own.body).digests).toEqual({ [first]: r1.outputs.digest });

    const second = push(g, ADDS_TWO_EDITED);
    const r2 = await run(g, { inputs });
    expectClean(r2);
    // the app's comment was updated in place and its state carried over
    expect(sticky(g, 'my-app[bot]').id).toBe(own.id);
    expect(markerOf(sticky(g, 'my-app[bot]').body).digests).toEqual({
      [first]: r1.outputs.digest,
      [second]: r2.outputs.digest,
    });
    expect(g.fake.requestsTo(`PATCH /repos/:owner/:repo/issues/comments/${actions.id}`)).toHaveLength(0);
    expect(g.fake.state.comments.find((c) => c.id === actions.id)?.body).toContain('forged');
    expect(states(g, second)).toEqual(['pending', 'pending']);
    expect(statuses(g, second).every((s) => s.creator.login === 'my-app[bot]')).toBe(true);
  });
});

describe('fail closed', () => {
  it('a persistent 500 on reviews is error; so is a missing page of a paginated review list', async () => {
    g = await setup();
    const head = g.pull.head.sha;
    review(g, 'sec-bob', 'APPROVED');
    const persistent = g.fake.fail('GET /repos/:owner/:repo/pulls/:n/reviews', {
      status: 500,
      times: Infinity,
    });
    const r1 = await run(g);
    expect(r1.code).toBe(1);
    expect(states(g, head)).toEqual(['pending', 'error']);
    expect(lastStatus(g, head).description).toMatch(
      /^FFI analysis failed: listing reviews of #1 failed \(500\)/,
    );
    expect(r1.outputs.approved).toBe('false');
    expect(persistent.hits).toBeGreaterThan(1); // retried first
    persistent.cancel();

    // page 1 approves; page 2 holds the same reviewer's later CHANGES_REQUESTED
    for (let i = 0; i < 120; i++) review(g, 'carol', 'COMMENTED');
    review(g, 'sec-bob', 'CHANGES_REQUESTED');
    const page2 = g.fake.fail(/^GET \/repos\/octo\/lib\/pulls\/1\/reviews\?.*\bpage=2\b/, {
      status: 500,
      times: Infinity,
    });
    const r2 = await run(g);
    expect(r2.code).toBe(1);
    expect(page2.hits).toBeGreaterThan(0);
    expect(states(g, head)).toEqual(['pending', 'error', 'pending', 'error']);
    expect(jobErrors(r2).join('\n')).toMatch(/listing reviews of #1 failed \(500\)/);
    expect(r2.outputs.approved).toBe('false');

    // with the page served, the decision is the CHANGES_REQUESTED on it
    page2.cancel();
    const r3 = await run(g);
    expectClean(r3);
    expect(states(g, head)).toEqual(['pending', 'error', 'pending', 'error', 'pending', 'failure']);
  });

  it('a 403 on team membership is error, naming read:org in the status and the job error', async () => {
    const team = 'ffi-security-reviewers-of-the-c-abi-boundary';
    g = await setup({
      config: `approvers:\n  - octo/${team}\n`,
      state: { permissions: { members: 'none' } },
    });
    g.fake.addTeam({ org: 'octo', slug: team, members: ['dave'] });
    const head = g.pull.head.sha;
    review(g, 'dave', 'APPROVED');
    const r = await run(g);
    expect(r.code).toBe(1);
    expect(states(g, head)).toEqual(['pending', 'error']);
    const description = lastStatus(g, head).description ?? '';
    expect(description.length).toBeLessThanOrEqual(140);
    expect(description).toMatch(/^FFI gate: the token needs read:org; cannot read the members of octo\//);
    expect(jobErrors(r).join('\n')).toContain(
      `cannot read the members of octo/${team} (403: Resource not accessible by integration); the token needs \`read:org\``,
    );
    expect(r.outputs.approved).toBe('false');
  });
});

describe('an analysis that could not read the source approves nothing', () => {
  it('a module the engine cannot read (a NUL byte makes it "binary") keeps the status at error, approval or not', async () => {
    const hidden = (body: string) => `// \u0000 not text to the engine\n#[no_mangle]\n${body}\n`;
    g = await setup({
      head: {
        'src/lib.rs': lib(ONE, TWO, 'mod hidden;\n'),
        'src/hidden.rs': hidden('pub extern "C" fn hidden_a() {}'),
      },
    });
    const first = g.pull.head.sha;
    review(g, 'sec-bob', 'APPROVED', first);
    const r1 = await run(g);
    expect(r1.code).toBe(1);
    expect(states(g, first)).toEqual(['pending', 'error']);
    expect(lastStatus(g, first).description).toMatch(
      /^FFI analysis incomplete: src\/hidden\.rs contains NUL bytes; not read/,
    );
    expect(jobErrors(r1).join('\n')).toContain('analysis incomplete');
    expect(r1.outputs.approved).toBe('false');

    // what the engine could not read changes; the readable delta (and so its digest) does not
    const second = push(g, {
      'src/hidden.rs': hidden('pub unsafe extern "C" fn hidden_b(p: *mut u8) { *p = 0 }'),
    });
    const r2 = await run(g);
    expect(r2.code).toBe(1);
    expect(r2.outputs.digest).toBe(r1.outputs.digest);
    expect(states(g, second)).toEqual(['pending', 'error']);
    expect(allStates(g)).not.toContain('success');
  });
});

describe('how many approvals', () => {
  it('required-approvals: 2 as an input: one approval is pending (1/2), two are success', async () => {
    g = await setup({ config: 'approvers: [sec-bob, carol]\n' });
    const head = g.pull.head.sha;
    const inputs = { 'required-approvals': '2' };
    review(g, 'sec-bob', 'APPROVED');
    const one = await run(g, { inputs });
    expectClean(one);
    expect(states(g, head)).toEqual(['pending', 'pending']);
    expect(lastStatus(g, head).description).toBe(
      `awaiting FFI security review (1/2): 1 addition${ledgerOf(one.outputs.digest)}`,
    );
    const body = plain(sticky(g).body);
    expect(body).toContain('awaiting review (1/2 approvals of surface');
    expect(body).toContain('approved by: sec-bob');
    expect(one.outputs.approved).toBe('false');

    review(g, 'carol', 'APPROVED');
    const two = await run(g, { inputs });
    expectClean(two);
    expect(states(g, head)).toEqual(['pending', 'pending', 'pending', 'success']);
    expect(lastStatus(g, head).description).toBe(
      `FFI surface approved by carol, sec-bob${ledgerOf(two.outputs.digest)}`,
    );
    expect(plain(sticky(g).body)).toContain('approved (2/2) for surface');
  });

  it('required-approvals: 2 in the config file works the same', async () => {
    g = await setup({ config: 'approvers: [sec-bob, carol]\nrequired-approvals: 2\n' });
    const head = g.pull.head.sha;
    review(g, 'carol', 'APPROVED');
    expectClean(await run(g));
    expect(states(g, head)).toEqual(['pending', 'pending']);
    expect(lastStatus(g, head).description).toMatch(/^awaiting FFI security review \(1\/2\): 1 addition · /);
    // one reviewer's two approvals are one approval
    review(g, 'carol', 'APPROVED');
    expectClean(await run(g));
    expect(states(g, head)).toEqual(['pending', 'pending', 'pending', 'pending']);
    review(g, 'sec-bob', 'APPROVED');
    expectClean(await run(g));
    expect(states(g, head)).toEqual(['pending', 'pending', 'pending', 'pending', 'pending', 'success']);
  });

  it('required-approvals-breaking applies only when the delta has a breaking change', async () => {
    const config = 'approvers: [sec-bob, carol]\nrequired-approvals-breaking: 2\n';
    g = await setup({ config });
    const additions = g.pull.head.sha;
    review(g, 'sec-bob', 'APPROVED', additions);
    const r1 = await run(g);
    expectClean(r1);
    expect(r1.outputs.breaking).toBe('false');
    expect(states(g, additions)).toEqual(['pending', 'success']);

    const breaking = push(g, REMOVES_ONE);
    review(g, 'sec-bob', 'APPROVED', breaking);
    const r2 = await run(g);
    expectClean(r2);
    expect(r2.outputs.breaking).toBe('true');
    expect(states(g, breaking)).toEqual(['pending', 'pending']);
    expect(lastStatus(g, breaking).description).toMatch(
      /^awaiting FFI security review \(1\/2\): 1 breaking, 1 addition · ffi sha256:[0-9a-f]{12}$/,
    );
    review(g, 'carol', 'APPROVED', breaking);
    expectClean(await run(g));
    expect(states(g, breaking)).toEqual(['pending', 'pending', 'pending', 'success']);
  });
});

describe('order and robustness', () => {
  it('a late run for an old SHA evaluates the PR as it is now: it neither writes the old head nor regresses the newer run', async () => {
    g = await setup();
    const old = g.pull.head.sha;
    const newer = push(g, ADDS_TWO_AND_THREE);
    review(g, 'sec-bob', 'APPROVED', newer);
    const newerRun = await run(g);
    expectClean(newerRun);
    expect(states(g, newer)).toEqual(['pending', 'success']);
    const comment = sticky(g);
    const newerBody = comment.body;
    expect(markerOf(newerBody).head).toBe(newer);

    // the run of the first push's event arrives last: the gate re-fetches the PR and evaluates its head
    const late = await run(g, { event: pullRequestEvent(1, old, g.base, 'opened', 'alice') });
    expectClean(late);
    expect(late.outputs.digest).toBe(newerRun.outputs.digest);
    expect(states(g, old)).toEqual([]);
    expect(states(g, newer)).toEqual(['pending', 'success', 'pending', 'success']);
    expect(sticky(g).id).toBe(comment.id);
    expect(sticky(g).body).toBe(newerBody);
    expect(markerOf(sticky(g).body).head).toBe(newer);
  });

  it('when the head moves during a run, the run sets its own commit status but leaves the comment to the newer run', async () => {
    g = await setup();
    const first = g.pull.head.sha;
    const r1 = await run(g);
    expectClean(r1);
    const comment = sticky(g);
    const before = comment.body;
    const patches = () => g.fake.requestsTo('PATCH /repos/:owner/:repo/issues/comments/:id').length;
    const patchesBefore = patches();

    // a push lands while the run is analysing: the second read of the PR sees the new head
    const second = g.origin.commit('feature-1', ADDS_TWO_AND_THREE, 'racing push');
    g.origin.setPullRef(1, second);
    let reads = 0;
    g.fake.tap('GET /repos/:owner/:repo/pulls/:n', (_req, state) => {
      if (++reads === 2) {
        const pull = state.pulls[0];
        pull.head.sha = second;
        pull.commits.push(commitOf(second, 'alice', first));
      }
    });
    review(g, 'sec-bob', 'APPROVED', first);
    const racing = await run(g);
    expectClean(racing);
    expect(reads).toBe(2);
    expect(states(g, first)).toEqual(['pending', 'pending', 'pending', 'success']);
    expect(states(g, second)).toEqual([]);
    expect(warnings(racing)).toContainEqual(
      `the pull request head moved to ${second.slice(0, 12)} while ${first.slice(0, 12)} was evaluated; the comment is left to the newer run`,
    );
    expect(patches()).toBe(patchesBefore);
    expect(sticky(g).body).toBe(before);

    // the newer run writes the comment: its approval is stale
    const newer = await run(g);
    expectClean(newer);
    expect(states(g, second)).toEqual(['pending', 'pending']);
    expect(markerOf(sticky(g).body).head).toBe(second);
    expect(plain(sticky(g).body)).toContain(`not counted: sec-bob: approved ${first.slice(0, 12)}`);
  });

  it('two runs racing to create the comment end with one: the later one folds into the oldest', async () => {
    g = await setup();
    const head = g.pull.head.sha;
    // another run's comment appears between this run's listing and its creation
    g.fake.tap(
      'POST /repos/:owner/:repo/issues/:n/comments',
      (_req, state) => {
        state.comments.push({
          id: state.nextId++,
          repo: REPO,
          number: 1,
          user: makeUser(BOT),
          body: `${forgedMarker({ v: 1, head, digests: {} })}\nthe racing run's report`,
          createdAt: '2026-11-24T10:00:00Z',
          updatedAt: '2026-11-24T10:00:00Z',
          authorAssociation: 'NONE',
        });
      },
      1,
    );
    const r = await run(g);
    expectClean(r);
    const c = sticky(g);
    expect(c.body).not.toContain("the racing run's report");
    expect(markerOf(c.body).head).toBe(head);
    expect(g.fake.requestsTo('DELETE /repos/:owner/:repo/issues/comments/:id')).toHaveLength(1);
    expect(states(g, head)).toEqual(['pending', 'pending']);
  });
});

describe('review policy (approval-required-for)', () => {
  /** mini_two with its parameter renamed: a non-ABI change. */
  const TWO_Y = '#[no_mangle]\npub extern "C" fn mini_two(y: i32) -> i32 {\n    y + 1\n}\n';
  const BASE_TWO = { ...BASE, 'src/lib.rs': lib(ONE, TWO) };
  const RENAMES = { 'src/lib.rs': lib(ONE, TWO_Y) };
  /** A raw pointer parameter read without a NULL check: an open high finding on the changed export. */
  const PTR = '#[no_mangle]\npub extern "C" fn mini_ptr(p: *const u8) -> u8 {\n    unsafe { *p }\n}\n';
  const PTR_Q = '#[no_mangle]\npub extern "C" fn mini_ptr(q: *const u8) -> u8 {\n    unsafe { *q }\n}\n';
  const NON_ABI_TOO =
    'approvers:\n  - sec-bob\napproval-required-for: [breaking, source-breaking, potentially-breaking, addition, non-abi]\n';

  it('a non-ABI-only pull request passes by default without a review, in the ledger and the approved record', async () => {
    g = await setup({ base: BASE_TWO, head: RENAMES });
    const head = g.pull.head.sha;
    const r = await run(g);
    expectClean(r);
    expect(r.result?.report?.changes.map((c) => [c.rule, c.severity])).toEqual([
      ['function-parameter-renamed', 'non-abi'],
    ]);
    expect(states(g, head)).toEqual(['pending', 'success']);
    expect(lastStatus(g, head).description).toBe(
      `No review needed: 1 non-ABI change${ledgerOf(r.outputs.digest)}`,
    );
    expect((lastStatus(g, head).description ?? '').length).toBeLessThanOrEqual(140);
    expect(r.outputs.approved).toBe('true');
    // recorded like an approved delta: the release step's require-reviewed reads this record
    const comment = sticky(g).body;
    expect(markerOf(comment).approved).toEqual([r.outputs.digest]);
    const body = plain(comment);
    expect(body).toContain('**Approval:** not needed for surface');
    expect(body).toContain(
      '**Review policy:** No approval needed: only 1 non-ABI change, none of a severity that needs one and no open high finding (policy: approval-required-for: breaking, source-breaking, potentially-breaking, addition)',
    );
    expect(r.result?.need).toEqual(expect.objectContaining({ needed: false, reasons: [] }));

    // require-reviewed at release accepts what the gate recorded: the comment's record, proven by
    // the gate's own status on the final head (newest first, as the API lists them)
    const coverage = evaluateReviewCoverage(
      [{ sha: 'f'.repeat(40), subject: 'Rename a parameter (#1)', changes: 1, pulls: [1] }],
      [
        {
          number: 1,
          merged: true,
          headSha: head,
          state: parseMarker(comment),
          statuses: [...statuses(g, head)].reverse().map((x) => ({
            state: x.state,
            context: x.context,
            description: x.description ?? '',
            creator: { login: x.creator.login },
          })),
        },
      ],
      { previousTag: 'v1.0.0', statusContext: CONTEXT, botLogin: BOT },
    );
    expect(coverage.ok).toBe(true);
    expect(coverage.pulls[0].detail).toMatch(/^final FFI delta needed no approval under the review policy/);
  });

  it('the same pull request needs a review when non-abi is configured, and the earlier pass does not carry over', async () => {
    g = await setup({ base: BASE_TWO, head: RENAMES });
    const head = g.pull.head.sha;
    const passed = await run(g);
    expectClean(passed);
    expect(states(g, head)).toEqual(['pending', 'success']);

    setConfig(g, NON_ABI_TOO);
    const r = await run(g);
    expectClean(r);
    // the setting is part of the policy hash: what passed before is another approval digest
    expect(r.outputs.digest).not.toBe(passed.outputs.digest);
    expect(states(g, head)).toEqual(['pending', 'success', 'pending', 'pending']);
    expect(lastStatus(g, head).description).toBe(
      `awaiting FFI security review (0/1): 1 non-ABI change${ledgerOf(r.outputs.digest)}`,
    );
    expect(r.outputs.approved).toBe('false');
    const comment = sticky(g).body;
    expect(markerOf(comment).approved).not.toContain(r.outputs.digest);
    expect(plain(comment)).toContain(
      '**Review policy:** Approval needed: 1 non-ABI change (policy: approval-required-for: breaking, source-breaking, potentially-breaking, addition, non-abi;',
    );

    // given after the gate showed the pending delta (statuses and reviews carry whole seconds)
    g.fake.addReview({
      repo: REPO,
      number: 1,
      user: makeUser('sec-bob'),
      state: 'APPROVED',
      submittedAt: isoTime(new Date(Date.parse(lastStatus(g, head).createdAt) + 1000)),
    });
    const approved = await run(g);
    expectClean(approved);
    expect(lastStatus(g, head).description).toBe(
      `FFI surface approved by sec-bob${ledgerOf(approved.outputs.digest)}`,
    );
  });

  it('an addition still needs a review under the default policy', async () => {
    g = await setup();
    const head = g.pull.head.sha;
    const r = await run(g);
    expectClean(r);
    expect(states(g, head)).toEqual(['pending', 'pending']);
    expect(lastStatus(g, head).description).toMatch(
      /^awaiting FFI security review \(0\/1\): 1 addition · ffi /,
    );
    expect(plain(sticky(g).body)).toContain('**Review policy:** Approval needed: 1 addition (policy:');
    expect(markerOf(sticky(g).body).approved).toEqual([]);
  });

  it('an open high finding needs a review even when the changes alone would pass', async () => {
    g = await setup({
      base: { ...BASE, 'src/lib.rs': lib(ONE, PTR) },
      head: { 'src/lib.rs': lib(ONE, PTR_Q) },
    });
    const head = g.pull.head.sha;
    const r = await run(g);
    expectClean(r);
    const report = r.result?.report;
    expect(report?.changes.map((c) => c.severity)).toEqual(['non-abi']);
    const openHigh = (report?.findings ?? []).filter((f) => f.level === 'high' && f.status !== 'verified');
    expect(openHigh.length).toBeGreaterThan(0);
    expect(states(g, head)).toEqual(['pending', 'pending']);
    const n = openHigh.length;
    expect(lastStatus(g, head).description).toBe(
      `awaiting FFI security review (0/1): 1 non-ABI change; ${n} open high finding${n === 1 ? '' : 's'}${ledgerOf(r.outputs.digest)}`,
    );
    expect(plain(sticky(g).body)).toContain(`**Review policy:** Approval needed: ${n} open high finding`);

    review(g, 'sec-bob', 'APPROVED');
    const approved = await run(g);
    expectClean(approved);
    expect(states(g, head)).toEqual(['pending', 'pending', 'pending', 'success']);
  });

  it("a designated approver's request for changes fails a delta the policy would let through (fail closed)", async () => {
    g = await setup({ base: BASE_TWO, head: RENAMES });
    const head = g.pull.head.sha;
    review(g, 'sec-bob', 'CHANGES_REQUESTED');
    const r = await run(g);
    expectClean(r);
    expect(states(g, head)).toEqual(['pending', 'failure']);
    expect(lastStatus(g, head).description).toBe(
      `FFI changes requested by sec-bob${ledgerOf(r.outputs.digest)}`,
    );
    expect(markerOf(sticky(g).body).approved).toEqual([]);
    expect(plain(sticky(g).body)).toContain('**Review policy:** No approval needed');
    // someone who is not a designated approver cannot block it that way
    g.fake.state.reviews = [];
    review(g, 'carol', 'CHANGES_REQUESTED');
    const again = await run(g);
    expectClean(again);
    expect(lastStatus(g, head).state).toBe('success');
  });
});
