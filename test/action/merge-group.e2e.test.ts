/** `merge_group`: the group's head is `success` only without an FFI change or with the PR's own approval. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { startFakeGitHub, FakeGitHub } from '../support/fake-github';
import { OriginRepo, runAction } from '../support/action-runner';

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

describe('merge_group', () => {
  const opened: { origin: OriginRepo; fake: FakeGitHub }[] = [];
  afterEach(async () => {
    for (const o of opened.splice(0)) {
      await o.fake.close();
      o.origin.cleanup();
    }
  });

  async function group(
    files: Record<string, string>,
    prStatus: 'success' | 'pending' | null,
    creator?: string,
  ) {
    const origin = new OriginRepo();
    const base = origin.commit('main', V1, 'base');
    const prHead = origin.commit('feature-7', files, 'pr');
    const groupHead = origin.commit(`gh-readonly-queue/main/pr-7-${prHead}`, {}, 'merge group', 'feature-7');
    const fake = await startFakeGitHub();
    opened.push({ origin, fake });
    fake.addRepo({ fullName: 'octo/lib', defaultBranch: 'main', branches: { main: base } });
    fake.addPull({
      repo: 'octo/lib',
      number: 7,
      user: 'alice',
      head: { sha: prHead, ref: 'feature-7' },
      base: { sha: base, ref: 'main' },
    });
    fake.state.commits.push(groupHead);
    if (prStatus)
      fake.addStatus({
        repo: 'octo/lib',
        sha: prHead,
        state: prStatus,
        context: 'ffi-surface/security-review',
        description: 'FFI surface approved by bob · ffi sha256:0123456789ab',
        ...(creator ? { creator } : {}),
      });
    const event = {
      merge_group: {
        head_sha: groupHead,
        base_sha: base,
        head_ref: `refs/heads/gh-readonly-queue/main/pr-7-${prHead}`,
        base_ref: 'refs/heads/main',
      },
    };
    const run = await runAction({
      workspace: origin.checkout('main'),
      fake,
      eventName: 'merge_group',
      event,
    });
    const st = fake.state.statuses.filter(
      (x) => x.sha === groupHead && x.context === 'ffi-surface/security-review',
    );
    return { run, statuses: st };
  }

  it('no FFI change in the group: success', async () => {
    const { run, statuses } = await group({ 'src/lib.rs': V1['src/lib.rs'] + '\nfn internal() {}\n' }, null);
    expect(run.code).toBe(0);
    expect(statuses.map((s) => s.state)).toEqual(['success']);
  });

  it('an FFI change whose PR is approved: success', async () => {
    const { statuses } = await group(V2, 'success');
    expect(statuses.map((s) => s.state)).toEqual(['success']);
    expect(statuses[0].description).toMatch(/#7 approved/);
  });

  it('a success status on the PR set by someone other than the gate does not count', async () => {
    const { statuses } = await group(V2, 'success', 'mallory');
    expect(statuses.map((s) => s.state)).toEqual(['failure']);
    expect(statuses[0].description).toMatch(/success not set by github-actions\[bot\]/);
  });

  it('an FFI change whose PR is not approved: failure', async () => {
    const { statuses } = await group(V2, 'pending');
    expect(statuses.map((s) => s.state)).toEqual(['failure']);
    const none = await group(V2, null);
    expect(none.statuses.map((s) => s.state)).toEqual(['failure']);
  });
});
