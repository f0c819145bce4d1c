/**
 * `merge_group`, in process (the merge-queue gate, `runMergeGroupGate`, run as the Action's shell
 * runs it: test/support/gate-run.ts): the group's head is `success` only when the group's own FFI delta (first parent →
 * group head) is empty or covered by the PR's approvals, recomputed from git and the reviews API;
 * a status on the PR proves nothing. The queue builds the group as GitHub does: main's tip merged
 * with the PR head (first parent: main). The bundled action runs an approved group end to end in
 * test/action/merge-group.e2e.test.ts.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { makeUser, startFakeGitHub, FakeGitHub } from '../support/fake-github';
import { gitIn, OriginRepo } from '../support/action-runner';
import { runMergeGroupJob } from '../support/gate-run';

const DEMO = path.join(__dirname, '..', '..', 'demo');
const read = (p: string) => fs.readFileSync(path.join(DEMO, p), 'utf8');
const V1 = {
  'Cargo.toml': read('v1/Cargo.toml'),
  'src/lib.rs': read('v1/src/lib.rs'),
  'src/ffi.rs': read('v1/src/ffi.rs'),
};
const V2 = {
  'Cargo.toml': read('v2/Cargo.toml'),
  'src/lib.rs': read('v2/src/lib.rs'),
  'src/ffi.rs': read('v2/src/ffi.rs'),
};

describe('merge_group (in process)', () => {
  const opened: { origin: OriginRepo; fake: FakeGitHub }[] = [];
  afterEach(async () => {
    for (const o of opened.splice(0)) {
      await o.fake.close();
      o.origin.cleanup();
    }
  });

  async function group(
    files: Record<string, string>,
    o: {
      approvedBy?: string;
      prStatus?: 'success' | 'pending';
      /** Files the queue's merge commit changes besides the PR's (a merge that lands more than the PR). */
      alsoInMerge?: Record<string, string>;
      requestedChangesBy?: string;
      /** The base branch's files (default: the demo's v1). */
      base?: Record<string, string>;
    } = {},
  ) {
    const origin = new OriginRepo();
    const base = origin.commit('main', o.base ?? V1, 'base');
    const prHead = origin.commit('feature-7', files, 'pr');
    origin.setPullRef(7, prHead);
    // the queue's group: main's tip with the PR head merged in
    const work = path.join(origin.dir, 'author');
    const branch = `gh-readonly-queue/main/pr-7-${prHead}`;
    gitIn(work, 'checkout', '-q', '-b', branch, 'main');
    if (o.alsoInMerge) {
      gitIn(work, 'merge', '-q', '--no-ff', '--no-commit', 'feature-7');
      for (const [file, text] of Object.entries(o.alsoInMerge)) fs.writeFileSync(path.join(work, file), text);
      gitIn(work, 'add', '-A');
      gitIn(work, 'commit', '-q', '--no-edit');
    } else gitIn(work, 'merge', '-q', '--no-ff', '--no-edit', 'feature-7');
    gitIn(work, 'push', '-q', 'origin', branch);
    const groupHead = gitIn(work, 'rev-parse', 'HEAD');
    const fake = await startFakeGitHub();
    opened.push({ origin, fake });
    fake.addRepo({ fullName: 'octo/lib', defaultBranch: 'main', branches: { main: base } });
    fake.addFile({
      repo: 'octo/lib',
      path: '.github/ffi-surface-guard.yml',
      content: 'approvers: [sec-bob]\n',
      ref: 'main',
    });
    fake.addPull({
      repo: 'octo/lib',
      number: 7,
      user: 'alice',
      head: { sha: prHead, ref: 'feature-7' },
      base: { sha: base, ref: 'main' },
    });
    fake.state.commits.push(groupHead);
    if (o.approvedBy)
      fake.addReview({ repo: 'octo/lib', number: 7, user: makeUser(o.approvedBy), state: 'APPROVED' });
    if (o.requestedChangesBy)
      fake.addReview({
        repo: 'octo/lib',
        number: 7,
        user: makeUser(o.requestedChangesBy),
        state: 'CHANGES_REQUESTED',
      });
    if (o.prStatus)
      fake.addStatus({
        repo: 'octo/lib',
        sha: prHead,
        state: o.prStatus,
        context: 'ffi-surface/security-review',
        description: 'FFI surface approved by bob · ffi sha256:0123456789ab',
      });
    const run = await runMergeGroupJob({
      workspace: origin.checkout('main'),
      fake,
      group: { head_sha: groupHead, base_sha: base, head_ref: `refs/heads/${branch}` },
    });
    const st = fake.state.statuses.filter(
      (x) => x.sha === groupHead && x.context === 'ffi-surface/security-review',
    );
    return { run, statuses: st };
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
