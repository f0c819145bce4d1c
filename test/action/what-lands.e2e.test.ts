/**
 * End to end, the bundled action: the gate evaluates what lands (SPEC section 6). Two pull requests
 * that are each FFI-neutral against their merge base cannot land an unreviewed export together —
 * neither through the pull-request gate nor through the merge queue — while an honest pair passes
 * both. Every run gets a fresh runner (a depth-1 checkout of main), as on GitHub. The bundled
 * action runs the attack (pull_request_target, then merge_group); the honest pair and the policy
 * variations run in process: test/gate/what-lands.test.ts.
 */
import { pullRequestEvent, runAction, type ActionRun } from '../support/action-runner';
import { CONTEXT, makeFnMacro, PullWorld } from '../support/pull-world';

let w: PullWorld;
afterEach(async () => {
  await w.close();
});

function expectClean(r: ActionRun): void {
  expect(r.stderr).toBe('');
  expect(r.stdout).not.toMatch(/^::error/m);
  expect(r.code).toBe(0);
}

/** The gate on PR `n` (pull_request_target, synchronize), the event's base being the PR's stale `base.sha`. */
function gate(n: number): Promise<ActionRun> {
  const p = w.pull(n);
  return runAction({
    workspace: w.newRunner(),
    fake: w.fake,
    eventName: 'pull_request_target',
    event: pullRequestEvent(n, p.head.sha, p.base.sha, 'synchronize', p.user.login),
  });
}

/** The merge queue's run on the group it builds for PR `n` on main's tip; returns that group head's statuses. */
async function queue(n: number): Promise<{ run: ActionRun; states: string[]; description: string }> {
  const group = w.group(n);
  const run = await runAction({
    workspace: w.newRunner(),
    fake: w.fake,
    eventName: 'merge_group',
    event: { action: 'checks_requested', merge_group: group },
  });
  const statuses = w.statuses(group.head_sha);
  return { run, states: statuses.map((s) => s.state), description: statuses.at(-1)?.description ?? '' };
}

describe('what lands, not what the branch diff shows', () => {
  it('B makes a macro export that A calls: after A merged, B is not success and its queue group fails', async () => {
    w = await PullWorld.create();
    w.open(1, { 'src/a.rs': 'make_fn!(a_fn);\n' }); // A: calls the non-exporting macro
    w.open(2, { 'src/macros.rs': makeFnMacro(true) }); // B, opened earlier: makes the macro export
    const b = w.pull(2).head.sha;

    const a = await gate(1);
    expectClean(a);
    expect(w.states(w.pull(1).head.sha)).toEqual(['pending', 'success']);
    w.merge(1);

    // B's diff against its merge base is empty; what it lands on main's tip exports a_fn
    const after = await gate(2);
    expectClean(after);
    expect(w.states(b)).toEqual(['pending', 'pending']);
    expect(w.last(b).description).toMatch(
      /^awaiting FFI security review \(0\/1\): 1 addition · ffi sha256:[0-9a-f]{12}$/,
    );
    expect(after.outputs.approved).toBe('false');
    expect(after.outputs.changed).toBe('true');
    expect(w.comment(2)).toContain('a_fn');

    const q = await queue(2);
    expect(q.run.code).toBe(0);
    expect(q.states).toEqual(['failure']);
    expect(q.description).toMatch(/is not covered by approvals of #2 \(0\/1\) · ffi sha256:[0-9a-f]{12}$/);
    expect(w.fake.state.statuses.filter((s) => s.context === CONTEXT && s.state === 'success')).toHaveLength(
      1,
    );
  });
});
