/**
 * `merge_group`, in process (the merge-queue gate, `runMergeGroupGate`, run as the Action's shell
 * runs it: test/support/gate-run.ts): the group's head is `success` only when the group's own FFI delta (first parent →
 * group head) is empty or covered by the PR's approvals, recomputed from git and the reviews API;
 * a status on the PR proves nothing. The queue builds the group as GitHub does: main's tip merged
 * with the PR head (first parent: main). The bundled action runs an approved group end to end in
 * test/action/merge-group.e2e.test.ts.
 */
import { FakeGitHub } from '../support/fake-github';
import { OriginRepo } from '../support/action-runner';
import { runMergeGroupJob } from '../support/gate-run';
import { groupStatuses, openMergeGroup, V1, V2, type GroupOptions } from '../support/merge-queue';

describe('merge_group (in process)', () => {
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
    const run = await runMergeGroupJob({
      workspace: g.origin.checkout('main'),
      fake: g.fake,
      group: { head_sha: g.groupHead, base_sha: g.base, head_ref: `refs/heads/${g.branch}` },
    });
    return { run, statuses: groupStatuses(g) };
  }

  it('no FFI change in the group: success', async () => {
    const { run, statuses } = await group({ 'src/lib.rs': V1['src/lib.rs'] + '\nfn internal() {}\n' });
    expect(run.code).toBe(0);
    expect(statuses.map((s) => s.state)).toEqual(['success']);
    expect(statuses[0].description).toMatch(/^no FFI surface change in the merge group · ffi sha256:/);
  });

  it("a success status on the PR, even the gate's own, is not read: without an approval the group fails", async () => {
    const { statuses } = await group(V2, { prStatus: 'success' });
    expect(statuses.map((s) => s.state)).toEqual(['failure']);
    expect(statuses[0].description).toMatch(/is not covered by approvals of #7 \(0\/1\) · ffi sha256:/);
  });

  it('an FFI change whose PR has no eligible approval (a reviewer who is not an approver): failure', async () => {
    const { statuses, run } = await group(V2, { approvedBy: 'carol' });
    expect(statuses.map((s) => s.state)).toEqual(['failure']);
    expect(run.stdout).toContain('#7: not counted: carol: not a designated FFI approver');
    expect(run.outputs.approved).toBe('false');
  });

  describe('review policy (approval-required-for)', () => {
    /** tinyimg_fill's parameter renamed: the PR's only FFI change, non-ABI. */
    const RENAMED = {
      'src/ffi.rs': V1['src/ffi.rs'].replace(
        'pub extern "C" fn tinyimg_fill(value: c_int) -> c_int {',
        'pub extern "C" fn tinyimg_fill(fill_value: c_int) -> c_int {',
      ),
    };
    const ADDED = '\n#[no_mangle]\npub extern "C" fn tinyimg_extra() -> c_int {\n    7\n}\n';

    it('a group that lands only the non-ABI change of a policy-passed PR passes without a review', async () => {
      expect(RENAMED['src/ffi.rs']).not.toBe(V1['src/ffi.rs']);
      const { run, statuses } = await group(RENAMED);
      expect(run.code).toBe(0);
      expect(statuses.map((s) => s.state)).toEqual(['success']);
      expect(statuses[0].description).toMatch(
        /^No review needed for #7's group: 1 non-ABI change · ffi sha256:[0-9a-f]{12}$/,
      );
      expect(run.stdout).toContain('#7: review policy: No approval needed: only 1 non-ABI change');
      expect(run.outputs.approved).toBe('true');
    });

    it("a group delta the PR's policy pass does not cover (the merge also adds an export) fails", async () => {
      const { run, statuses } = await group(RENAMED, {
        alsoInMerge: { 'src/ffi.rs': RENAMED['src/ffi.rs'] + ADDED },
      });
      expect(statuses.map((s) => s.state)).toEqual(['failure']);
      expect(statuses[0].description).toMatch(
        /^the group's FFI delta \(1 addition, 1 non-ABI change\) is not covered by approvals of #7 \(0\/1\) · ffi sha256:/,
      );
      expect(run.stdout).toContain('#7: review policy: Approval needed: 1 addition');
      expect(run.outputs.approved).toBe('false');
    });

    it('a group whose non-ABI change comes with an open high finding (computed for the group) is not covered', async () => {
      const peek = (p: string) =>
        `\n#[no_mangle]\npub extern "C" fn tinyimg_peek(${p}: *const u8) -> u8 {\n    unsafe { *${p} }\n}\n`;
      const { run, statuses } = await group(
        { 'src/ffi.rs': V1['src/ffi.rs'] + peek('q') },
        { base: { ...V1, 'src/ffi.rs': V1['src/ffi.rs'] + peek('p') } },
      );
      expect(statuses.map((s) => s.state)).toEqual(['failure']);
      expect(statuses[0].description).toMatch(
        /^the group's FFI delta \(1 non-ABI change\) is not covered by approvals of #7 \(0\/1\) · ffi sha256:/,
      );
      expect(run.stdout).toMatch(/#7: review policy: Approval needed: \d+ open high findings?/);
    });

    it("a designated reviewer's request for changes fails the group even when the policy would pass it", async () => {
      const { statuses } = await group(RENAMED, { requestedChangesBy: 'sec-bob' });
      expect(statuses.map((s) => s.state)).toEqual(['failure']);
      expect(statuses[0].description).toMatch(/^FFI changes of #7 requested by sec-bob · ffi sha256:/);
    });
  });
});
