/**
 * What the gate evaluates (SPEC section 6): the delta from the base branch's tip to the merge of
 * the PR head into it, approvals re-bound to what their commit lands on the current tip, and the
 * merge queue's coverage check — in process, through the gate orchestration (`runPullRequestGate`,
 * `runMergeGroupGate`) with the real GitHub client against the fake API and real git repositories.
 * The bundled action runs the two-PR story in test/action/what-lands.e2e.test.ts.
 */
import type { GateConfig } from '../../src/app/gate-config';
import { scopeOf } from '../../src/app/config-file';
import { runMergeGroupGate } from '../../src/app/merge-group-gate';
import type { GateResult } from '../../src/app/pull-request-gate';
import { run as cli } from '../../src/cli/run';
import { gitIn } from '../support/action-runner';
import { FetchGateClient } from '../support/fetch-gate-client';
import { resolveGateConfig as resolveWorldConfig, runGate } from '../support/gate-run';
import { CONTEXT, exported, makeFnMacro, PullWorld } from '../support/pull-world';

const BOT = 'github-actions[bot]';

let w: PullWorld;
afterEach(async () => {
  await w.close();
});

function client(): FetchGateClient {
  return new FetchGateClient(w.fake.url);
}

/** The gate's configuration as the action resolves it: the default branch's file, the inputs. */
function resolveGateConfig(): GateConfig {
  return resolveWorldConfig(w);
}

/** One run of the pull-request gate for PR `n`, as the action runs it; `logs` collects its log lines. */
function gate(n: number, logs: string[] = []): Promise<GateResult> {
  return runGate(w, n, logs);
}

/** The merge queue's run for PR `n`'s group (built now on main's tip). */
async function queue(n: number, logs: string[] = []) {
  const c = client();
  const config = resolveGateConfig();
  const g = w.group(n);
  // a group rebuilt with the same content within a second is the same commit: count this run's statuses
  const earlier = w.states(g.head_sha).length;
  const result = await runMergeGroupGate(c, {
    root: w.workspace,
    statusContext: CONTEXT,
    headSha: g.head_sha,
    baseSha: g.base_sha,
    headRef: g.head_ref,
    features: config.features,
    featureSets: config.featureSets,
    potentiallyBreakingBump: config.potentiallyBreakingBump,
    limits: config.limits,
    scope: scopeOf(config.config),
    policy: config.policy,
    findingsPolicy: config.findingsPolicy,
    policyHash: config.policyHash,
    botLogin: config.botLogin,
    runUrl: 'https://github.example/octo/lib/actions/runs/2',
    log: (m) => logs.push(m),
  });
  return { ...result, group: g, states: w.states(g.head_sha).slice(earlier) };
}

const A_FN = { 'src/a.rs': exported('a_fn') };
const B_FN = { 'src/b.rs': exported('b_fn') };
const C_FN = { 'src/c.rs': exported('c_fn') };

describe('the gate evaluates what lands on the current base tip', () => {
  it('B, neutral against its merge base, lands an export once A has merged: pending, and its queue group fails', async () => {
    w = await PullWorld.create();
    w.open(1, { 'src/a.rs': 'make_fn!(a_fn);\n' }); // A calls the (non-exporting) macro
    w.open(2, { 'src/macros.rs': makeFnMacro(true) }); // B makes the macro export
    const a = await gate(1);
    expect(a.decision.state).toBe('success');
    const before = await gate(2);
    expect(before.decision).toMatchObject({ state: 'success' });
    expect(before.decision.description).toMatch(/^no FFI surface change/);
    w.merge(1);

    // what B lands exports a_fn …
    const after = await gate(2);
    expect(after.baseTip).toBe(w.main());
    expect(after.decision.state).toBe('pending');
    expect(after.decision.description).toMatch(/^awaiting FFI security review \(0\/1\): 1 addition · ffi /);
    expect(after.report?.changes.map((c) => [c.rule, c.name])).toEqual([['function-added', 'a_fn']]);
    expect(w.comment(2)).toContain('a_fn');
    // … while the diff B shows against its merge base is still empty (CLI diff semantics)
    const diff = await cli(['diff', '--root', w.workspace, '--base', w.main(), '--head', w.pull(2).head.sha]);
    expect((JSON.parse(diff.stdout) as { changes: unknown[] }).changes).toEqual([]);
    // and gate-status on the command line says the same
    const status = await cli([
      'gate-status',
      '--root',
      w.workspace,
      '--base',
      w.main(),
      '--head',
      w.pull(2).head.sha,
    ]);
    expect(status.stdout).toMatch(/: pending — awaiting FFI security review: 1 addition/);

    const q = await queue(2);
    expect(q.states).toEqual(['failure']);
    expect(q.decision.description).toMatch(/is not covered by approvals of #2 \(0\/1\)/);
  });

  it("an approval of B's own export does not cover the export A's merge makes B's macro land", async () => {
    w = await PullWorld.create();
    w.open(1, { 'src/a.rs': 'make_fn!(a_fn);\n' });
    w.open(2, { 'src/macros.rs': makeFnMacro(true), ...B_FN });
    const shown = await gate(2);
    expect(shown.report?.changes.map((c) => c.name)).toEqual(['b_fn']);
    w.tick();
    w.review(2, 'sec-bob', 'APPROVED'); // after reading the comment that showed b_fn alone
    const approved = await gate(2);
    expect(approved.decision.state).toBe('success');
    w.merge(1);
    w.tick();

    // the reviewed commit is the head: merged into the new tip it lands what the head lands, but
    // the gate's own status on it says the reviewer was shown b_fn alone
    const after = await gate(2);
    expect(after.report?.changes.map((c) => c.name).sort()).toEqual(['a_fn', 'b_fn']);
    expect(after.decision.state).toBe('pending');
    expect(after.outcome?.ignored).toEqual([
      {
        login: 'sec-bob',
        reason: expect.stringMatching(
          new RegExp(
            `^approved ${w.pull(2).head.sha.slice(0, 12)}, when the gate showed another FFI delta for it \\(sha256:${approved.digest?.slice(7, 19)}\\)`,
          ),
        ),
      },
    ]);
    const q = await queue(2);
    expect(q.states).toEqual(['failure']);

    // a new review, given after the gate showed both exports, covers the group and the PR
    w.tick();
    w.review(2, 'sec-bob', 'APPROVED');
    expect((await gate(2)).decision.state).toBe('success');
    const q2 = await queue(2);
    expect(q2.states).toEqual(['success']);
    expect(q2.decision.description).toMatch(/^FFI delta of #2 approved by sec-bob · ffi sha256:/);
  });

  it('an honest pair (unrelated exports, each approved) passes the gate and the queue after the other merged', async () => {
    w = await PullWorld.create();
    w.open(1, A_FN);
    w.open(2, B_FN);
    w.review(1, 'sec-bob', 'APPROVED');
    w.review(2, 'carol', 'APPROVED');
    const a = await gate(1);
    expect(a.decision.state).toBe('success');
    expect(a.errors).toEqual([]);
    expect(w.states(w.pull(1).head.sha)).toEqual(['pending', 'success']);
    expect((await gate(2)).decision.state).toBe('success');
    const qa = await queue(1);
    expect(qa.states).toEqual(['success']);
    expect(qa.decision.description).toMatch(
      /^FFI delta of #1 approved by sec-bob · ffi sha256:[0-9a-f]{12}$/,
    );
    w.merge(1);
    const b = await gate(2);
    expect(b.decision.state).toBe('success');
    expect(b.errors).toEqual([]);
    expect(b.report?.changes.map((c) => c.name)).toEqual(['b_fn']);
    expect(w.states(w.pull(2).head.sha).slice(-2)).toEqual(['pending', 'success']);
    expect(w.last(w.pull(2).head.sha).description).toMatch(/^FFI surface approved by carol · /);
    const qb = await queue(2);
    expect(qb.states).toEqual(['success']);
    expect(qb.decision.state).toBe('success');
  });
});

describe('approvals are re-bound to what their commit lands on the current tip', () => {
  it('an unrelated base move and "Update branch" keep the approval', async () => {
    w = await PullWorld.create();
    const first = w.open(1, A_FN).head.sha;
    const r1 = await gate(1);
    w.tick();
    w.review(1, 'sec-bob', 'APPROVED', first);
    expect((await gate(1)).decision.state).toBe('success');

    // main moves: another export elsewhere; the head did not change
    w.commitToMain(C_FN);
    const moved = await gate(1);
    expect(moved.baseTip).toBe(w.main());
    expect(moved.digest).toBe(r1.digest);
    expect(moved.decision.state).toBe('success');

    // "Update branch": main merged into the PR branch; the approval of `first` still holds
    const updated = w.updateBranch(1);
    const logs: string[] = [];
    const r = await gate(1, logs);
    expect(r.headSha).toBe(updated);
    expect(r.digest).toBe(r1.digest);
    expect(r.decision).toEqual({
      state: 'success',
      description: expect.stringMatching(/^FFI surface approved by sec-bob · ffi sha256:[0-9a-f]{12}$/),
    });
    // the head and `first`, merged into the tip, are one tree: one analysis for both
    expect(logs.filter((l) => l.startsWith('analysing the FFI delta'))).toHaveLength(1);
    // the comment's digests are bound to the tip they were computed on
    expect(w.comment(1)).toContain('approved by: sec-bob');
  });

  it('a force-push that changes what lands revokes the approval, even though the reviewed commit is gone from the branch', async () => {
    w = await PullWorld.create();
    const first = w.open(1, A_FN).head.sha;
    w.review(1, 'sec-bob', 'APPROVED', first);
    expect((await gate(1)).decision.state).toBe('success');
    const rewritten = w.forcePush(1, { 'src/a.rs': exported('a_fn', 'u8') });
    w.commitToMain(C_FN);
    // a new runner: the reviewed commit is fetched by SHA, the shallow history deepened to merge
    w.newRunner();
    const r = await gate(1);
    expect(r.headSha).toBe(rewritten);
    expect(r.decision.state).toBe('pending');
    expect(r.outcome?.ignored).toEqual([
      {
        login: 'sec-bob',
        reason: `approved ${first.slice(0, 12)}, whose FFI surface differs from the head's (stale)`,
      },
    ]);
    expect(gitIn(w.workspace, 'for-each-ref', '--format=%(refname)', 'refs/ffi-surface-guard/')).toContain(
      `refs/ffi-surface-guard/pull/1/reviewed/${first}`,
    );
    // a force-push that keeps what lands keeps it
    w.forcePush(1, { 'src/a.rs': '// a rewritten\n' + exported('a_fn') }, w.main());
    w.newRunner();
    expect((await gate(1)).decision.state).toBe('success');
  });

  it('a conflict is pending whatever the approvals; its resolution needs a new approval', async () => {
    w = await PullWorld.create();
    const first = w.open(1, { 'src/c.rs': exported('c_pr') }).head.sha;
    w.review(1, 'sec-bob', 'APPROVED', first);
    expect((await gate(1)).decision.state).toBe('success');
    w.commitToMain({ 'src/c.rs': exported('c_main') });

    const conflicted = await gate(1);
    expect(conflicted.conflict).toEqual(['src/c.rs']);
    expect(conflicted.decision.state).toBe('pending');
    expect(conflicted.decision.description).toMatch(
      /^merge conflict with main: resolve it so the FFI surface that lands can be evaluated · ffi sha256:[0-9a-f]{12}$/,
    );
    expect(conflicted.decision.description.length).toBeLessThanOrEqual(140);
    expect(w.states(first)).toEqual(['pending', 'success', 'pending', 'pending']);
    // the comment shows the PR's own delta and says why it cannot be evaluated
    const body = w.comment(1);
    expect(body).toContain('merge conflict with main');
    expect(body).toContain('src/c.rs');
    expect(body).toContain('c_pr');
    const cliStatus = await cli(['gate-status', '--root', w.workspace, '--base', w.main(), '--head', first]);
    expect(cliStatus.stdout).toMatch(/: pending — merge conflict with /);

    // the author resolves it keeping both exports: `first` merged into the tip still conflicts
    w.updateBranch(1, { 'src/c.rs': exported('c_main') + exported('c_pr') });
    const resolved = await gate(1);
    expect(resolved.conflict).toBeNull();
    expect(resolved.report?.changes.map((c) => c.name)).toEqual(['c_pr']);
    expect(resolved.decision.state).toBe('pending');
    expect(resolved.outcome?.ignored).toEqual([
      {
        login: 'sec-bob',
        reason: expect.stringMatching(
          new RegExp(`^approved ${first.slice(0, 12)}, which conflicts with the base tip`),
        ),
      },
    ]);
    w.tick();
    w.review(1, 'sec-bob', 'APPROVED');
    expect((await gate(1)).decision.state).toBe('success');
  });

  it('several reviews on one commit cost one analysis; a CHANGES_REQUESTED re-bound the same way blocks', async () => {
    w = await PullWorld.create('approvers: [sec-bob, carol, dave]\nrequired-approvals: 2\n');
    const first = w.open(1, A_FN).head.sha;
    w.review(1, 'sec-bob', 'APPROVED', first);
    w.review(1, 'carol', 'APPROVED', first);
    w.review(1, 'dave', 'APPROVED', first);
    w.push(1, { 'src/a.rs': '// only a comment changes\n' + exported('a_fn') });
    const logs: string[] = [];
    const r = await gate(1, logs);
    expect(r.decision.description).toMatch(/^FFI surface approved by carol, dave, sec-bob · /);
    // the head's merged tree, and `first`'s (one commit, three reviews): two analyses
    expect(logs.filter((l) => l.startsWith('analysing the FFI delta'))).toHaveLength(2);

    w.commitToMain(C_FN); // an unrelated move: a CHANGES_REQUESTED on `first` is still current
    w.review(1, 'dave', 'CHANGES_REQUESTED', first);
    const blocked = await gate(1);
    expect(blocked.decision.state).toBe('failure');
    expect(blocked.decision.description).toMatch(/^FFI changes requested by dave · /);
  });

  it("the comment's cached digests are used only for the base tip they were computed on", async () => {
    w = await PullWorld.create();
    const first = w.open(1, A_FN).head.sha;
    w.review(1, 'sec-bob', 'APPROVED', first);
    await gate(1);
    w.push(1, { 'src/a.rs': exported('a_fn') + exported('a_two') });
    const second = await gate(1);
    expect(second.decision.state).toBe('pending');
    const marker = (n: number) => {
      const body = w.fake.state.comments.find((c) => c.number === n && c.user?.login === BOT)?.body ?? '';
      const m = /^<!-- ffi-surface-guard v1 ([A-Za-z0-9+/=]+) -->/.exec(body);
      return JSON.parse(Buffer.from(m?.[1] ?? '', 'base64').toString('utf8')) as {
        base: string;
        digests: Record<string, string>;
      };
    };
    expect(marker(1).base).toBe(w.main());
    expect(Object.keys(marker(1).digests).sort()).toEqual([first, w.pull(1).head.sha].sort());
    w.commitToMain(C_FN);
    await gate(1);
    expect(marker(1).base).toBe(w.main());
  });
});

describe('the merge queue recomputes coverage from git and the reviews API', () => {
  it('a group without an FFI change passes; one with an unapproved change fails; a success status proves nothing', async () => {
    w = await PullWorld.create();
    w.open(1, { 'src/a.rs': '// no export\nfn helper() {}\n' });
    expect((await queue(1)).states).toEqual(['success']);
    w.open(2, B_FN);
    // the gate's own status on the PR head is not read: recomputation decides
    w.fake.addStatus({
      repo: 'octo/lib',
      sha: w.pull(2).head.sha,
      state: 'success',
      context: CONTEXT,
      description: 'FFI surface approved by sec-bob · ffi sha256:0123456789ab',
    });
    const q = await queue(2);
    expect(q.states).toEqual(['failure']);
    expect(q.pull).toBe(2);
  });

  it('an approval on an older commit that lands the same delta covers the group; a stale one, a request for changes or too few approvals do not', async () => {
    w = await PullWorld.create('approvers: [sec-bob, carol]\n');
    const first = w.open(1, B_FN).head.sha;
    w.review(1, 'sec-bob', 'APPROVED', first);
    w.push(1, { 'src/b.rs': '// b\n' + exported('b_fn') });
    w.commitToMain(C_FN);
    const covered = await queue(1);
    expect(covered.states).toEqual(['success']);
    expect(covered.parent).toBe(w.main());

    w.push(1, { 'src/b.rs': exported('b_fn') + exported('b_two') });
    const stale = await queue(1);
    expect(stale.states).toEqual(['failure']);
    expect(stale.decision.description).toMatch(/\(2 additions\) is not covered by approvals of #1 \(0\/1\)/);

    w.review(1, 'sec-bob', 'APPROVED');
    w.review(1, 'carol', 'CHANGES_REQUESTED');
    const blocked = await queue(1);
    expect(blocked.states).toEqual(['failure']);
    expect(blocked.decision.description).toMatch(/^FFI changes of #1 requested by carol · ffi sha256:/);

    w.setConfig('approvers: [sec-bob, carol, dave]\nrequired-approvals: 2\n');
    w.review(1, 'carol', 'APPROVED');
    expect((await queue(1)).states).toEqual(['success']);
    w.setConfig('approvers: [sec-bob, carol, dave]\nrequired-approvals: 3\n');
    expect((await queue(1)).states).toEqual(['failure']);
  });

  it('a group ref that names no pull request, with an FFI change, is an error', async () => {
    w = await PullWorld.create();
    w.open(1, B_FN);
    const c = client();
    const config = resolveGateConfig();
    const g = w.group(1);
    const r = await runMergeGroupGate(c, {
      root: w.workspace,
      statusContext: CONTEXT,
      headSha: g.head_sha,
      baseSha: g.base_sha,
      headRef: 'refs/heads/some-branch',
      features: config.features,
      featureSets: config.featureSets,
      policy: config.policy,
      findingsPolicy: config.findingsPolicy,
      policyHash: config.policyHash,
      botLogin: config.botLogin,
      runUrl: 'https://github.example/run',
    });
    expect(r.decision.state).toBe('error');
    expect(w.states(g.head_sha)).toEqual(['error']);
    // the first parent is read from git, whatever the event says
    expect(r.parent).toBe(gitIn(w.workspace, 'rev-parse', `${g.head_sha}^1`));
  });
});
