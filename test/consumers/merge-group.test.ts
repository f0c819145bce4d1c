/**
 * The merge-queue gate runs the consumers' contract check with the configuration's `headers`, as
 * the pull-request gate does (run in process as the Action's shell runs it: test/support/
 * gate-run.ts): a pull request that leaves the Rust surface alone and breaks the committed header
 * (here one only the `headers` glob names) lands a `header-out-of-date` change, which needs an
 * approval like any breaking change; without the wiring the group would see no FFI change and pass.
 */
import type { FakeGitHub } from '../support/fake-github';
import type { OriginRepo } from '../support/action-runner';
import { runMergeGroupJob } from '../support/gate-run';
import { groupStatuses, openMergeGroup } from '../support/merge-queue';

const LIB = '#[no_mangle]\npub extern "C" fn mini_version() -> u32 {\n    1\n}\n';
const BASE = {
  'Cargo.toml':
    '[package]\nname = "mini"\nversion = "1.0.0"\nedition = "2021"\n\n[lib]\ncrate-type = ["cdylib"]\n',
  'src/lib.rs': LIB,
  // not a *.h: read only because the configuration names it
  'capi/mini.inc': '#include <stdint.h>\nuint32_t mini_version(void);\n',
};

describe('merge_group: the contract check with the configured headers', () => {
  const opened: { origin: OriginRepo; fake: FakeGitHub }[] = [];
  afterEach(async () => {
    for (const o of opened.splice(0)) {
      await o.fake.close();
      o.origin.cleanup();
    }
  });

  async function group(files: Record<string, string>, approvedBy?: string) {
    const g = await openMergeGroup(files, {
      base: BASE,
      approvedBy,
      config: 'approvers: [sec-bob]\nheaders: ["capi/*.inc"]\n',
    });
    opened.push(g);
    const { origin, fake, base, groupHead, branch } = g;
    const run = await runMergeGroupJob({
      workspace: origin.checkout('main'),
      fake,
      group: { head_sha: groupHead, base_sha: base, head_ref: `refs/heads/${branch}` },
    });
    return { run, statuses: groupStatuses(g) };
  }

  it('a consistent edit of the configured header: no FFI change, success', async () => {
    const { statuses } = await group({
      'capi/mini.inc': '#include <stdint.h>\n/* the version */\nuint32_t mini_version(void);\n',
    });
    expect(statuses.map((s) => s.state)).toEqual(['success']);
  });

  it('the configured header broken, Rust unchanged: a change that needs an approval', async () => {
    const broken = { 'capi/mini.inc': '#include <stdint.h>\nuint64_t mini_version(void);\n' };
    const { statuses, run } = await group(broken);
    expect(statuses.map((s) => s.state)).toEqual(['failure']);
    expect(statuses[0].description).toMatch(/not covered by approvals of #7 \(0\/1\)/);
    expect(run.outputs.approved).toBe('false');
    const approved = await group(broken, 'sec-bob');
    expect(approved.statuses.map((s) => s.state)).toEqual(['success']);
  });
});
