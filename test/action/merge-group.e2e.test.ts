/**
 * `merge_group`: the group's head is `success` only when the group's own FFI delta (first parent →
 * group head) is empty or covered by the PR's approvals, recomputed from git and the reviews API;
 * a status on the PR proves nothing. The queue builds the group as GitHub does: main's tip merged
 * with the PR head (first parent: main). End to end with the bundled action: an approved group;
 * the other policies run in process in test/gate/merge-group.test.ts.
 */
import { FakeGitHub } from '../support/fake-github';
import { OriginRepo, runAction } from '../support/action-runner';
import { groupStatuses, openMergeGroup, V2, type GroupOptions } from '../support/merge-queue';

describe('merge_group', () => {
  const opened: { origin: OriginRepo; fake: FakeGitHub }[] = [];
  afterEach(async () => {
    for (const o of opened.splice(0)) {
      await o.fake.close();
      o.origin.cleanup();
    }
  });

  async function group(files: Record<string, string>, o: GroupOptions = {}) {
    const g = await openMergeGroup(files, o);
    opened.push(g);
    const event = {
      action: 'checks_requested',
      merge_group: {
        head_sha: g.groupHead,
        base_sha: g.base,
        head_ref: `refs/heads/${g.branch}`,
        base_ref: 'refs/heads/main',
      },
    };
    const run = await runAction({
      workspace: g.origin.checkout('main'),
      fake: g.fake,
      eventName: 'merge_group',
      event,
    });
    return { run, statuses: groupStatuses(g) };
  }

  it("an FFI change covered by an approval of the PR's delta: success", async () => {
    const { run, statuses } = await group(V2, { approvedBy: 'sec-bob' });
    expect(run.code).toBe(0);
    expect(statuses.map((s) => s.state)).toEqual(['success']);
    expect(statuses[0].description).toMatch(
      /^FFI delta of #7 approved by sec-bob · ffi sha256:[0-9a-f]{12}$/,
    );
    expect(run.outputs.approved).toBe('true');
  });
});
