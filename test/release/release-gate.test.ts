/**
 * The release gate's policies (push of a tag, a release): version-bump verdicts, the status on the
 * tag's commit, the job summary, the changelog output, per-crate tags and `require-reviewed` — in
 * process, through the release orchestration (`runReleaseGate`, src/app/release-gate.ts) with the
 * runner's shallow checkout of the tag, the tags and history in a real git origin, and the fake
 * GitHub REST API. The bundled action runs a tag push, a release event and the SARIF output end to
 * end in test/action/release.e2e.test.ts.
 */
import { fakeSha, isoTime } from '../support/fake-github';
import { gitIn } from '../support/action-runner';
import { runRelease, type JobRun } from '../support/release-run';
import type { ActionInputs } from '../../src/action/inputs';
import { CommentState, renderMarker } from '../../src/core/gate/comment-state';
import { statusDescription } from '../../src/core/gate/status-description';
import {
  checkout,
  crate,
  lib,
  manifest,
  REPO,
  setup,
  type Setup,
  releaseStatuses,
  row,
} from '../support/release-world';

/** The `require-reviewed` and `status-context` inputs, as the Action reads them. */
function inputsOf(inputs: Record<string, string>): Partial<ActionInputs> {
  const out: Partial<ActionInputs> = {};
  for (const [k, v] of Object.entries(inputs)) {
    if (k === 'require-reviewed') out.requireReviewed = v === 'true';
    else if (k === 'status-context') out.statusContext = v;
    else throw new Error(`input ${k} is not mapped`);
  }
  return out;
}

/** `push` of a tag: the runner's checkout of the tag is shallow (depth 1), as actions/checkout makes it. */
function pushTag(s: Setup, tag: string, inputs: Record<string, string> = {}): Promise<JobRun> {
  return runRelease({ workspace: checkout(s, tag), fake: s.fake, tag, inputs: inputsOf(inputs) });
}

describe('the release gate on a release tag', () => {
  let s: Setup;
  afterEach(async () => {
    await s.fake.close();
    s.h.origin.cleanup();
  });

  it("0.x: Cargo's rules — z covers an addition, a removal needs y", async () => {
    s = await setup();
    const c0 = s.h.commit(crate('foo', '0.3.0', ['foo_a', 'foo_b']), '0.3.0');
    s.h.tag('v0.3.0', c0, s.fake);
    const c1 = s.h.commit(crate('foo', '0.3.1', ['foo_a', 'foo_b', 'foo_c']), '0.3.1');
    s.h.tag('v0.3.1', c1, s.fake);
    const add = await pushTag(s, 'v0.3.1');
    expect(add.code).toBe(0);
    expect(row(add.summary, 'foo')).toEqual(['`0.3.0`', '`0.3.1`', 'minor', 'minor', '✅ covered']);

    const c2 = s.h.commit(crate('foo', '0.3.2', ['foo_a', 'foo_b']), '0.3.2: drop foo_c');
    s.h.tag('v0.3.2', c2, s.fake);
    const removal = await pushTag(s, 'v0.3.2');
    expect(removal.code).toBe(1);
    expect(row(removal.summary, 'foo')).toEqual(['`0.3.1`', '`0.3.2`', 'major', 'minor', '❌ not covered']);
    expect(removal.summary).toContain('in 0.y.z: bump y');
    expect(releaseStatuses(s, c2).at(-1)?.description).toBe(
      'version bump too small: foo needs major, got minor',
    );

    const c3 = s.h.commit(crate('foo', '0.4.0', ['foo_a', 'foo_b']), '0.4.0');
    s.h.tag('v0.4.0', c3, s.fake);
    const y = await pushTag(s, 'v0.4.0');
    expect(y.code).toBe(0);
    // v0.3.2 is a tag like any other: 0.4.0 compares against it, and nothing changed since
    expect(row(y.summary, 'foo')).toEqual(['`0.3.2`', '`0.4.0`', 'none', 'major', '✅ unchanged']);
    expect(y.outputs.changed).toBe('false');
    expect(y.outputs.changelog).toMatch(
      /^## \[0\.4\.0\] - \d{4}-\d{2}-\d{2}\n\nNo changes to the FFI surface\.\n$/,
    );
  });

  it('pre-releases: rc.2 compares with rc.1, the stable release with the last stable one', async () => {
    s = await setup();
    const c0 = s.h.commit(crate('foo', '1.4.0', ['foo_a']), '1.4.0');
    s.h.tag('v1.4.0', c0, s.fake);
    const c1 = s.h.commit(crate('foo', '2.0.0-rc.1', ['foo_b']), '2.0.0-rc.1');
    s.h.tag('v2.0.0-rc.1', c1, s.fake);
    const c2 = s.h.commit(crate('foo', '2.0.0-rc.2', ['foo_b', 'foo_c']), '2.0.0-rc.2');
    s.h.tag('v2.0.0-rc.2', c2, s.fake);
    const c3 = s.h.commit(crate('foo', '2.0.0', ['foo_b', 'foo_c']), '2.0.0');
    s.h.tag('v2.0.0', c3, s.fake);
    // a tag that is not semver is no release, and never a previous one
    s.h.tag('v2-latest', c3, s.fake);

    const rc1 = await pushTag(s, 'v2.0.0-rc.1');
    expect(rc1.code).toBe(0);
    expect(rc1.summary).toContain('compared with `v1.4.0`');
    expect(row(rc1.summary, 'foo')).toEqual(['`1.4.0`', '`2.0.0-rc.1`', 'major', 'major', '✅ covered']);

    const rc2 = await pushTag(s, 'v2.0.0-rc.2');
    expect(rc2.code).toBe(0);
    expect(rc2.summary).toContain('compared with `v2.0.0-rc.1`');
    // between two steps of a pre-release line nothing is promised
    expect(row(rc2.summary, 'foo')).toEqual([
      '`2.0.0-rc.1`',
      '`2.0.0-rc.2`',
      'minor',
      'prerelease',
      '✅ covered',
    ]);
    expect(rc2.outputs.changelog).toMatch(/^## \[2\.0\.0-rc\.2\]/);

    const stable = await pushTag(s, 'v2.0.0');
    expect(stable.code).toBe(0);
    expect(stable.summary).toContain('compared with `v1.4.0`');
    expect(row(stable.summary, 'foo')).toEqual(['`1.4.0`', '`2.0.0`', 'major', 'major', '✅ covered']);
    expect(stable.outputs.changelog).toContain('### Removed');
    expect(stable.outputs.changelog).toContain('`foo_a`');

    const other = await pushTag(s, 'v2-latest');
    expect(other.code).toBe(0);
    expect(other.stdout).toMatch(/::notice::ffi-surface-guard: v2-latest is not a release tag under v\*/);
    expect(s.fake.state.statuses.filter((x) => x.description?.includes('v2-latest'))).toHaveLength(0);
  });

  it('a workspace with per-crate tags (config from the default branch) checks only the tagged crate', async () => {
    s = await setup('release:\n  crate-tag-patterns:\n    foo: "foo-v*"\n    bar: "bar-v*"\n');
    const ws = (foo: [string, string[]], bar: [string, string[]]) => ({
      'Cargo.toml': '[workspace]\nmembers = ["foo", "bar"]\nresolver = "2"\n',
      ...crate('foo', foo[0], foo[1], 'foo/'),
      ...crate('bar', bar[0], bar[1], 'bar/'),
    });
    const c0 = s.h.commit(ws(['1.0.0', ['foo_a']], ['0.1.0', ['bar_a']]), 'initial');
    s.h.tag('foo-v1.0.0', c0, s.fake);
    s.h.tag('bar-v0.1.0', c0, s.fake);
    // foo gains an export and bumps its minor; bar gains one too, without a bump
    const c1 = s.h.commit(ws(['1.1.0', ['foo_a', 'foo_b']], ['0.1.0', ['bar_a', 'bar_b']]), 'both');
    s.h.tag('foo-v1.1.0', c1, s.fake);
    s.h.tag('bar-v0.1.1', c1, s.fake);

    const foo = await pushTag(s, 'foo-v1.1.0');
    expect(foo.code).toBe(0);
    expect(foo.summary).toContain('compared with `foo-v1.0.0`');
    expect(row(foo.summary, 'foo')).toEqual(['`1.0.0`', '`1.1.0`', 'minor', 'minor', '✅ covered']);
    expect(row(foo.summary, 'bar')).toBeNull();
    expect(foo.outputs.changelog).toContain('`foo_b`');
    expect(foo.outputs.changelog).not.toContain('bar_b');
    expect(releaseStatuses(s, c1).at(-1)?.state).toBe('success');

    const bar = await pushTag(s, 'bar-v0.1.1');
    expect(bar.code).toBe(1);
    expect(bar.summary).toContain('compared with `bar-v0.1.0`');
    expect(row(bar.summary, 'bar')).toEqual(['`0.1.0`', '`0.1.0`', 'minor', 'none', '❌ not covered']);
    expect(row(bar.summary, 'foo')).toBeNull();
    // the tag names 0.1.1, the manifest still says 0.1.0
    expect(bar.stdout).toMatch(
      /::warning::The tag names version 0\.1\.1, but no released crate has that version/,
    );
    expect(releaseStatuses(s, c1).at(-1)).toMatchObject({
      state: 'failure',
      description: 'version bump too small: bar needs minor, got none',
    });
  });

  it('first release: no previous tag — the whole surface is an addition, success with a notice', async () => {
    s = await setup();
    const c0 = s.h.commit(crate('foo', '0.1.0', ['foo_a', 'foo_b']), 'initial');
    s.h.tag('v0.1.0', c0, s.fake);
    const run = await pushTag(s, 'v0.1.0', { 'require-reviewed': 'true' });
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(
      /::notice::No previous release tag before v0\.1\.0: the whole FFI surface is treated as an addition/,
    );
    expect(run.stdout).toMatch(/::notice::require-reviewed: no previous release before v0\.1\.0/);
    expect(releaseStatuses(s, c0).at(-1)).toMatchObject({
      state: 'success',
      description: 'first release: the whole surface is new',
    });
    expect(row(run.summary, 'foo')).toEqual(['—', '`0.1.0`', 'minor', 'new', '🆕 first release']);
    expect(run.outputs.changelog).toMatch(/^## \[0\.1\.0\] - \d{4}-\d{2}-\d{2}\n\n### Added\n\n- `foo_a`/);
    expect(s.fake.requestsTo('GET /repos/:owner/:repo/commits/:sha/pulls')).toHaveLength(0);
  });

  it('fails a tag on a commit that changes the surface without changing Cargo.toml', async () => {
    s = await setup();
    const c0 = s.h.commit(crate('foo', '1.0.0', ['foo_a']), '1.0.0');
    s.h.tag('v1.0.0', c0, s.fake);
    const c1 = s.h.commit({ 'src/lib.rs': lib(['foo_a', 'foo_b']) }, 'add foo_b, forget the bump');
    s.h.tag('v1.0.1', c1, s.fake);
    const run = await pushTag(s, 'v1.0.1');
    expect(run.code).toBe(1);
    expect(row(run.summary, 'foo')).toEqual(['`1.0.0`', '`1.0.0`', 'minor', 'none', '❌ not covered']);
    expect(run.summary).toContain('is no bump, but the surface change needs minor');
    expect(releaseStatuses(s, c1).at(-1)).toMatchObject({
      state: 'failure',
      description: 'version bump too small: foo needs minor, got none',
    });
  });

  it('fails a version that goes backwards', async () => {
    s = await setup();
    const c0 = s.h.commit(crate('foo', '1.2.0', ['foo_a']), '1.2.0');
    s.h.tag('v1.2.0', c0, s.fake);
    const c1 = s.h.commit(crate('foo', '1.1.0', ['foo_a', 'foo_b']), 'oops');
    s.h.tag('v1.3.0', c1, s.fake);
    const run = await pushTag(s, 'v1.3.0');
    expect(run.code).toBe(1);
    expect(row(run.summary, 'foo')).toEqual(['`1.2.0`', '`1.1.0`', 'minor', 'backwards', '❌ not covered']);
    expect(run.summary).toContain('version went backwards: 1.2.0 → 1.1.0');
    expect(releaseStatuses(s, c1).at(-1)?.description).toBe(
      'version bump too small: foo needs minor, got backwards',
    );
  });

  it('fails closed (error) when the analysis of the tag is incomplete, even if the bump would cover', async () => {
    s = await setup();
    const c0 = s.h.commit(crate('foo', '1.0.0', ['foo_a']), '1.0.0');
    s.h.tag('v1.0.0', c0, s.fake);
    const c1 = s.h.commit(
      {
        'Cargo.toml': '[workspace]\nmembers = ["foo", "broken"]\n',
        'src/lib.rs': null,
        ...crate('foo', '1.1.0', ['foo_a', 'foo_b'], 'foo/'),
        'broken/Cargo.toml': '[package]\nversion = "0.1.0"\n',
        'broken/src/lib.rs': lib(['broken_a']),
      },
      'workspace',
    );
    s.h.tag('v1.1.0', c1, s.fake);
    const run = await pushTag(s, 'v1.1.0');
    expect(run.code).toBe(1);
    const last = releaseStatuses(s, c1).at(-1);
    expect(last?.state).toBe('error');
    expect(last?.description).toMatch(
      /^FFI analysis of v1\.1\.0 incomplete: .*broken\/Cargo\.toml has no package\.name/,
    );
    expect(run.summary).toContain('❌ **The analysis of `v1.1.0` is incomplete**');
    expect(run.outputs.approved).toBe('false');
  });

  it('a draft release whose tag does not exist yet is skipped with a notice; an unknown tag is an error', async () => {
    s = await setup();
    const c0 = s.h.commit(crate('foo', '1.0.0', ['foo_a']), '1.0.0');
    s.h.tag('v1.0.0', c0, s.fake);
    const run = (draft: boolean) =>
      runRelease({ workspace: checkout(s, 'main'), fake: s.fake, tag: 'v1.1.0', draft });
    const draft = await run(true);
    expect(draft.code).toBe(0);
    expect(draft.stdout).toMatch(
      /::notice::ffi-surface-guard: draft release: tag v1\.1\.0 does not exist yet/,
    );
    const missing = await run(false);
    expect(missing.code).toBe(1);
    expect(missing.stdout).toMatch(/::error::tag v1\.1\.0 is not in the repository/);
  });
});

// ---------------------------------------------------------------------------------------------
// require-reviewed

const D = (n: number) => `sha256:${n.toString(16).padStart(2, '0').repeat(32)}`;

/** The gate's sticky comment on PR `n`, as the PR gate writes it. */
function gateComment(s: Setup, n: number, state: CommentState, user = 'github-actions[bot]') {
  s.fake.addComment({
    repo: REPO,
    number: n,
    user,
    body: `${renderMarker(state)}\n## FFI surface review\n\n…`,
  });
}

const GATE_CONTEXT = 'ffi-surface/security-review';

/**
 * A status on a pull request's head as the PR gate sets it (by default: `success`, approving
 * `digest`, by the token identity `github-actions[bot]`). The latest one added is the newest.
 */
function gateStatus(
  s: Setup,
  head: string,
  digest: string,
  o: { state?: 'success' | 'pending' | 'failure'; creator?: string; context?: string; text?: string } = {},
) {
  s.fake.addStatus({
    repo: REPO,
    sha: head,
    state: o.state ?? 'success',
    context: o.context ?? GATE_CONTEXT,
    description: statusDescription(o.text ?? 'FFI surface approved by bob', digest),
    ...(o.creator ? { creator: o.creator } : {}),
  });
}

function mergedPull(s: Setup, n: number, head: string, mergeCommit: string, commits: string[] = [head]) {
  s.fake.addPull({
    repo: REPO,
    number: n,
    user: 'alice',
    state: 'closed',
    head: { sha: head, ref: `feature-${n}` },
    base: { sha: fakeSha(`base-${n}`), ref: 'main' },
    commits,
    mergedAt: isoTime(),
    closedAt: isoTime(),
    mergeCommitSha: mergeCommit,
  });
}

describe('require-reviewed', () => {
  let s: Setup;
  afterEach(async () => {
    await s.fake.close();
    s.h.origin.cleanup();
  });

  /**
   * v1.0.0, then: #1 squash-merged (adds foo_b), #2 merged with a merge commit (adds foo_c),
   * #3 squash-merged without a surface change (no gate comment at all), optionally a direct push
   * that adds foo_d, a direct version bump; tag v1.1.0.
   */
  async function history(config?: string, directPush = false) {
    s = await setup(config);
    const c0 = s.h.commit(crate('foo', '1.0.0', ['foo_a']), 'foo 1.0.0');
    s.h.tag('v1.0.0', c0, s.fake);
    const head1 = fakeSha('pr-1-head');
    const sq1 = s.h.commit({ 'src/lib.rs': lib(['foo_a', 'foo_b']) }, 'Add foo_b (#1)');
    mergedPull(s, 1, head1, sq1);
    const f2 = s.h.commit({ 'src/lib.rs': lib(['foo_a', 'foo_b', 'foo_c']) }, 'add foo_c', 'feature-2');
    const m2 = s.h.merge('feature-2', 'Merge pull request #2 from octo/feature-2');
    mergedPull(s, 2, f2, m2, [f2]);
    const head3 = fakeSha('pr-3-head');
    const sq3 = s.h.commit({ 'README.md': 'docs\n' }, 'Docs (#3)');
    mergedPull(s, 3, head3, sq3);
    const direct = directPush
      ? s.h.commit({ 'src/lib.rs': lib(['foo_a', 'foo_b', 'foo_c', 'foo_d']) }, 'hotfix: add foo_d')
      : '';
    const bump = s.h.commit({ 'Cargo.toml': manifest('foo', '1.1.0') }, 'Release 1.1.0');
    s.h.tag('v1.1.0', bump, s.fake);
    return { c0, head1, sq1, f2, m2, sq3, direct, bump };
  }

  it('passes when every surface-changing pull request has its final digest approved (input require-reviewed)', async () => {
    const x = await history();
    gateComment(s, 1, { v: 1, head: x.head1, digests: { [x.head1]: D(1) }, approved: [D(1)] });
    const older = fakeSha('pr-2-older');
    gateComment(s, 2, {
      v: 1,
      head: x.f2,
      digests: { [older]: D(7), [x.f2]: D(2) },
      approved: [D(7), D(2)],
    });
    // the proof: the gate's success status on each final head, carrying that head's digest
    gateStatus(s, x.head1, D(1));
    gateStatus(s, older, D(7));
    gateStatus(s, x.f2, D(2), { state: 'pending', text: 'analysing the FFI surface…' });
    gateStatus(s, x.f2, D(2));
    const run = await pushTag(s, 'v1.1.0', { 'require-reviewed': 'true' });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(releaseStatuses(s, x.bump).at(-1)).toMatchObject({
      state: 'success',
      description: 'version bump covers the FFI change since v1.0.0; every change reviewed',
    });
    expect(run.summary).toContain('## FFI surface review (require-reviewed)');
    expect(run.summary).toContain(
      '✅ **Reviewed:** every FFI surface change since `v1.0.0` came through an approved pull request (2 of 4 commits changed the surface).',
    );
    expect(run.summary).toMatch(
      /\| \[#1\]\(https:\/\/github\.example\/octo\/lib\/pull\/1\) \| .* \| ✅ approved \|/,
    );
    expect(run.summary).toMatch(
      /\| \[#2\]\(https:\/\/github\.example\/octo\/lib\/pull\/2\) \| .* \| ✅ approved \|/,
    );
    expect(run.summary).not.toContain('#3');
    // the API is asked only about the commits that changed the surface (the squash and the merge)
    const asked = s.fake
      .requestsTo('GET /repos/:owner/:repo/commits/:sha/pulls')
      .map((r) => r.path.split('/')[5]);
    expect(asked.sort()).toEqual([x.sq1, x.m2].sort());
    // and the statuses of the final heads of the pull requests that claim a verdict
    const proofs = s.fake
      .requestsTo('GET /repos/:owner/:repo/commits/*ref/statuses')
      .map((r) => r.path.split('/')[5]);
    expect(proofs.sort()).toEqual([x.head1, x.f2].sort());
    expect(run.summary).toContain(
      `confirmed by the ffi-surface/security-review status on ${x.f2.slice(0, 12)}`,
    );
    // the shallow checkout was deepened to walk the history
    expect(run.outputs.approved).toBe('true');
  });

  it('fails naming each unreviewed pull request and each direct push (config release.require-reviewed)', async () => {
    const x = await history('release:\n  require-reviewed: true\n', true);
    const direct = x.direct;
    // #1: the gate saw it but the delta never reached the approvals
    gateComment(s, 1, { v: 1, head: x.head1, digests: { [x.head1]: D(1) }, approved: [] });
    gateStatus(s, x.head1, D(1), {
      state: 'pending',
      text: 'awaiting FFI security review (0/1): 1 addition',
    });
    // #2: approved — but for an older head; the merged head was never evaluated
    const older = fakeSha('pr-2-older');
    gateComment(s, 2, { v: 1, head: older, digests: { [older]: D(2) }, approved: [D(2)] });
    gateStatus(s, older, D(2));
    const run = await pushTag(s, 'v1.1.0');
    expect(run.code).toBe(1);
    const status = releaseStatuses(s, x.bump).at(-1);
    expect(status?.state).toBe('failure');
    expect(status?.description).toBe(
      `not reviewed: #1 (not approved), #2 (stale), commit ${direct.slice(0, 12)} (no pull request)`,
    );
    expect(run.stdout).toMatch(
      /::error::require-reviewed: pull request #1, which changed the FFI surface \([0-9a-f]{12}\), is not reviewed: its final FFI delta \(sha256:010101010101\) was never approved\./,
    );
    expect(run.stdout).toContain(
      `require-reviewed: pull request #2, which changed the FFI surface (${x.m2.slice(0, 12)}), is not reviewed: merged at ${x.f2.slice(0, 12)}, but the gate last evaluated ${older.slice(0, 12)}`,
    );
    expect(run.stdout).toContain(
      `::error::require-reviewed: commit ${direct.slice(0, 12)} ("hotfix: add foo_d") changed the FFI surface (1 change) without a merged pull request`,
    );
    expect(run.summary).toContain(
      '❌ **Not reviewed:** 2 pull requests and 1 commit pushed without one changed the FFI surface since `v1.0.0` without an approval recorded by the gate.',
    );
    expect(run.summary).toContain('❌ not approved');
    expect(run.summary).toContain('❌ final head not reviewed');
    expect(run.summary).toMatch(
      /### ❌ Surface changes without a pull request\n\n- \[`[0-9a-f]{12}`\]\(https:\/\/github\.example\/octo\/lib\/commit\/[0-9a-f]{40}\) hotfix: add foo\\_d: 1 FFI change/,
    );
    // the version check itself passed: the bump covers the change
    expect(row(run.summary, 'foo')).toEqual(['`1.0.0`', '`1.1.0`', 'minor', 'minor', '✅ covered']);
    expect(run.outputs.approved).toBe('false');
  });

  it("trusts only the bot: a marker in anyone else's comment, or an unmerged pull request, reviews nothing", async () => {
    const x = await history();
    gateComment(s, 1, { v: 1, head: x.head1, digests: { [x.head1]: D(1) }, approved: [D(1)] }, 'mallory');
    gateComment(s, 2, { v: 1, head: x.f2, digests: { [x.f2]: D(2) }, approved: [D(2)] });
    gateStatus(s, x.head1, D(1));
    gateStatus(s, x.f2, D(2));
    // an open pull request that also contains #1's commit neither rescues nor blames it
    s.fake.addPull({
      repo: REPO,
      number: 9,
      user: 'mallory',
      head: { sha: fakeSha('pr-9-head'), ref: 'feature-9' },
      base: { sha: x.c0, ref: 'main' },
      commits: [x.sq1, fakeSha('pr-9-head')],
    });
    gateComment(s, 9, { v: 1, head: fakeSha('pr-9-head'), digests: {}, approved: [] });
    const run = await pushTag(s, 'v1.1.0', { 'require-reviewed': 'true' });
    expect(run.code).toBe(1);
    expect(releaseStatuses(s, x.bump).at(-1)?.description).toBe('not reviewed: #1 (no record)');
    expect(run.stdout).toMatch(/::error::require-reviewed: pull request #1, .*no ffi-surface-guard record/);
    expect(run.summary).not.toMatch(/#9/);
  });

  it('the bot login comes from the config, the context from status-context; a failing pulls API fails the release with an error status', async () => {
    const x = await history('bot-login: ffi-guard[bot]\n');
    gateComment(
      s,
      1,
      { v: 1, head: x.head1, digests: { [x.head1]: D(1) }, approved: [D(1)] },
      'ffi-guard[bot]',
    );
    gateComment(s, 2, { v: 1, head: x.f2, digests: { [x.f2]: D(2) }, approved: [D(2)] }, 'ffi-guard[bot]');
    const inputs = { 'require-reviewed': 'true', 'status-context': 'acme/security-review' };
    // the App's statuses in the configured context; github-actions[bot]'s in it prove nothing
    gateStatus(s, x.head1, D(1), { creator: 'ffi-guard[bot]', context: 'acme/security-review' });
    gateStatus(s, x.f2, D(2), { context: 'acme/security-review' });
    const wrong = await pushTag(s, 'v1.1.0', inputs);
    expect(wrong.code).toBe(1);
    const acmeRelease = () =>
      s.fake.state.statuses.filter((st) => st.sha === x.bump && st.context === 'acme/release');
    expect(acmeRelease().at(-1)).toMatchObject({
      state: 'failure',
      description: 'not reviewed: #2 (unconfirmed)',
    });
    expect(wrong.stdout).toContain(
      `require-reviewed: pull request #2, which changed the FFI surface (${x.m2.slice(0, 12)}), is not reviewed: approval not confirmed by a success status from ffi-guard[bot] on ${x.f2.slice(0, 12)}: the latest acme/security-review status was set by github-actions[bot].`,
    );

    // a status in the default context (the context input is what counts) does not help either…
    gateStatus(s, x.f2, D(2), { creator: 'ffi-guard[bot]' });
    expect((await pushTag(s, 'v1.1.0', inputs)).code).toBe(1);
    // …the App's own status in the configured context does
    gateStatus(s, x.f2, D(2), { creator: 'ffi-guard[bot]', context: 'acme/security-review' });
    const ok = await pushTag(s, 'v1.1.0', inputs);
    expect(ok.code).toBe(0);
    expect(acmeRelease().at(-1)?.state).toBe('success');

    s.fake.fail('GET /repos/:owner/:repo/commits/:sha/pulls', {
      status: 403,
      message: 'Resource not accessible by integration',
      times: Infinity,
    });
    const denied = await pushTag(s, 'v1.1.0', inputs);
    expect(denied.code).toBe(1);
    expect(acmeRelease().at(-1)?.state).toBe('error');
    expect(denied.stdout).toMatch(/::error::.*pull-requests: read/);
  });

  it('a comment edited to claim approval, or a success status from anyone but the bot, reviews nothing', async () => {
    const x = await history();
    // #1: the gate left it pending; a writer then edited the gate's comment to mark D(1) approved
    gateStatus(s, x.head1, D(1), {
      state: 'pending',
      text: 'awaiting FFI security review (0/1): 1 addition',
    });
    gateComment(s, 1, { v: 1, head: x.head1, digests: { [x.head1]: D(1) }, approved: [D(1)] });
    // #2: the same edit, plus a success status with the right ledger set by a human with statuses: write
    gateStatus(s, x.f2, D(2), { state: 'pending', text: 'awaiting FFI security review (0/1): 1 addition' });
    gateStatus(s, x.f2, D(2), { creator: 'mallory' });
    gateComment(s, 2, { v: 1, head: x.f2, digests: { [x.f2]: D(2) }, approved: [D(2)] });
    const run = await pushTag(s, 'v1.1.0', { 'require-reviewed': 'true' });
    expect(run.code).toBe(1);
    expect(releaseStatuses(s, x.bump).at(-1)).toMatchObject({
      state: 'failure',
      description: 'not reviewed: #1 (unconfirmed), #2 (unconfirmed)',
    });
    expect(run.stdout).toContain(
      `::error::require-reviewed: pull request #1, which changed the FFI surface (${x.sq1.slice(0, 12)}), is not reviewed: approval not confirmed by a success status from github-actions[bot] on ${x.head1.slice(0, 12)}: the latest ffi-surface/security-review status is pending.`,
    );
    expect(run.stdout).toContain(
      `is not reviewed: approval not confirmed by a success status from github-actions[bot] on ${x.f2.slice(0, 12)}: the latest ffi-surface/security-review status was set by mallory.`,
    );
    expect(run.summary).toContain('❌ approval not confirmed by the status');
    expect(run.summary).not.toContain('✅ approved');
    expect(run.outputs.approved).toBe('false');

    // #1 with no status at all: the comment's claim alone is not enough either
    s.fake.state.statuses = s.fake.state.statuses.filter((st) => st.sha !== x.head1);
    const bare = await pushTag(s, 'v1.1.0', { 'require-reviewed': 'true' });
    expect(bare.code).toBe(1);
    expect(bare.stdout).toContain(
      `on ${x.head1.slice(0, 12)}: it has no ffi-surface/security-review status.`,
    );
  });

  it('a status whose ledger is not the final digest fails; a refused statuses API is an error naming statuses: read', async () => {
    const x = await history();
    // the gate approved D(1) at #1's head; a writer then edited the comment to index another digest
    gateStatus(s, x.head1, D(1));
    gateComment(s, 1, { v: 1, head: x.head1, digests: { [x.head1]: D(9) }, approved: [D(1), D(9)] });
    // #2: the gate's status on its final head says "no FFI surface change" (its ledger is a
    // surface digest, not an approval digest): that proves the head needed no approval
    gateStatus(s, x.f2, D(5), { text: 'no FFI surface change' });
    gateComment(s, 2, { v: 1, head: x.f2, digests: { [x.f2]: D(2) }, approved: [D(2)] });
    const run = await pushTag(s, 'v1.1.0', { 'require-reviewed': 'true' });
    expect(run.code).toBe(1);
    expect(releaseStatuses(s, x.bump).at(-1)?.description).toBe('not reviewed: #1 (unconfirmed)');
    expect(run.stdout).toContain(
      `approval not confirmed by a success status from github-actions[bot] on ${x.head1.slice(0, 12)}: the status records ffi sha256:010101010101, not the final ffi sha256:090909090909.`,
    );
    expect(run.summary).toMatch(/\| \[#2\]\(.*\) \| .* \| ✅ approved \|/);

    s.fake.fail('GET /repos/:owner/:repo/commits/*ref/statuses', {
      status: 403,
      message: 'Resource not accessible by integration',
      times: Infinity,
    });
    const denied = await pushTag(s, 'v1.1.0', { 'require-reviewed': 'true' });
    expect(denied.code).toBe(1);
    expect(releaseStatuses(s, x.bump).at(-1)?.state).toBe('error');
    expect(denied.stdout).toMatch(/::error::listing statuses of [0-9a-f]{12} was refused .*statuses: read/);
  });

  it('fails closed (error) when the history between the tags cannot be fetched into the shallow clone', async () => {
    const x = await history();
    const ws = checkout(s, 'v1.1.0');
    // the tags arrived (shallow), then origin went away: the range cannot be walked
    gitIn(ws, 'fetch', '-q', '--depth=1', 'origin', '+refs/tags/*:refs/tags/*');
    gitIn(ws, 'remote', 'set-url', 'origin', `file://${s.h.origin.dir}/gone.git`);
    const run = await runRelease({
      workspace: ws,
      fake: s.fake,
      tag: 'v1.1.0',
      inputs: inputsOf({ 'require-reviewed': 'true' }),
    });
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(
      /::error::require-reviewed needs the history since the previous release, but this clone is shallow at [0-9a-f]{12} and fetching it failed \(.*\): use actions\/checkout with fetch-depth: 0/,
    );
    const last = releaseStatuses(s, x.bump).at(-1);
    expect(last?.state).toBe('error');
    expect(last?.description).toMatch(/^release check failed: require-reviewed needs the history/);
    expect(last?.description?.length).toBeLessThanOrEqual(140);
  });

  it('require-reviewed: false (input) overrides the config; the bump still gates', async () => {
    const x = await history('release:\n  require-reviewed: true\n');
    const run = await pushTag(s, 'v1.1.0', { 'require-reviewed': 'false' });
    expect(run.code).toBe(0);
    expect(run.summary).not.toContain('require-reviewed');
    expect(releaseStatuses(s, x.bump).at(-1)?.state).toBe('success');
    expect(s.fake.requestsTo('GET /repos/:owner/:repo/commits/:sha/pulls')).toHaveLength(0);
  });
});
