/**
 * End to end: the bundled action on `push` of a tag and on `release`, run as a runner runs it
 * (a shallow checkout of the tag; the tags and the history live in the origin), against the fake
 * GitHub REST API — one run per event kind and the SARIF output. Every other release policy
 * (0.x, pre-releases, per-crate tags, first release, incomplete analysis, drafts,
 * `require-reviewed`) runs in process in test/release/release-gate.test.ts.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ActionRun, gitIn, runAction } from '../support/action-runner';
import {
  checkout,
  CONTEXT,
  crate,
  lib,
  REPO,
  setup,
  type Setup,
  releaseStatuses,
  row,
} from '../support/release-world';

/** `push` of a tag: the runner's checkout of the tag is shallow (depth 1), as actions/checkout makes it. */
function pushTag(s: Setup, tag: string, inputs: Record<string, string> = {}): Promise<ActionRun> {
  const sha = gitIn(s.h.origin.bare, 'rev-parse', `refs/tags/${tag}^{commit}`);
  return runAction({
    workspace: checkout(s, tag),
    fake: s.fake,
    eventName: 'push',
    event: { ref: `refs/tags/${tag}`, after: sha, repository: { full_name: REPO, default_branch: 'main' } },
    inputs,
    env: { GITHUB_REF: `refs/tags/${tag}`, GITHUB_SHA: sha },
  });
}

function releaseEvent(
  s: Setup,
  tag: string,
  action = 'published',
  extra: Record<string, unknown> = {},
): Promise<ActionRun> {
  const sha = gitIn(s.h.origin.bare, 'rev-parse', `refs/tags/${tag}^{commit}`);
  return runAction({
    workspace: checkout(s, tag),
    fake: s.fake,
    eventName: 'release',
    event: {
      action,
      release: { tag_name: tag, draft: false, prerelease: false, ...extra },
      repository: { full_name: REPO, default_branch: 'main' },
    },
    env: { GITHUB_REF: `refs/tags/${tag}`, GITHUB_SHA: sha },
  });
}

describe('the action on a release tag', () => {
  let s: Setup;
  afterEach(async () => {
    await s.fake.close();
    s.h.origin.cleanup();
  });

  it('1.x: a minor bump covers an addition, a patch bump does not, a major bump covers a removal', async () => {
    s = await setup();
    const c0 = s.h.commit(crate('foo', '1.0.0', ['foo_a']), 'foo 1.0.0');
    s.h.tag('v1.0.0', c0, s.fake);
    const c1 = s.h.commit(crate('foo', '1.1.0', ['foo_a', 'foo_b']), 'foo 1.1.0');
    s.h.tag('v1.1.0', c1, s.fake);

    const ok = await pushTag(s, 'v1.1.0');
    expect(ok.stderr).toBe('');
    expect(ok.code).toBe(0);
    expect(releaseStatuses(s, c1).map((x) => x.state)).toEqual(['pending', 'success']);
    expect(releaseStatuses(s, c1)[1].description).toBe('version bump covers the FFI change since v1.0.0');
    expect(releaseStatuses(s, c1)[1].targetUrl).toBe('https://github.example/octo/lib/actions/runs/4242');
    expect(ok.summary).toContain('✅ **Release `v1.1.0` passes:**');
    expect(ok.summary).toContain('| Crate | Previous | New | Required | Actual | Verdict |');
    expect(row(ok.summary, 'foo')).toEqual(['`1.0.0`', '`1.1.0`', 'minor', 'minor', '✅ covered']);
    expect(ok.outputs['required-bump']).toBe('minor');
    expect(ok.outputs.changed).toBe('true');
    expect(ok.outputs.breaking).toBe('false');
    expect(ok.outputs.approved).toBe('true');
    // the PR gate's status is untouched
    expect(s.fake.state.statuses.every((x) => x.context === CONTEXT)).toBe(true);

    const c2 = s.h.commit(crate('foo', '1.1.1', ['foo_a', 'foo_b', 'foo_c']), 'foo 1.1.1');
    s.h.tag('v1.1.1', c2, s.fake);
    const bad = await pushTag(s, 'v1.1.1');
    expect(bad.code).toBe(1);
    const last = releaseStatuses(s, c2).at(-1);
    expect(last?.state).toBe('failure');
    expect(last?.description).toBe('version bump too small: foo needs minor, got patch');
    expect(bad.stdout).toMatch(
      /::error::v1\.1\.1: the FFI surface change since v1\.1\.0 is not releasable: version bump too small: foo needs minor, got patch/,
    );
    expect(bad.summary).toContain('❌ **Release `v1.1.1` fails:**');
    expect(row(bad.summary, 'foo')).toEqual(['`1.1.0`', '`1.1.1`', 'minor', 'patch', '❌ not covered']);
    // the change that drives the requirement is listed under the failing crate
    expect(bad.summary).toMatch(/### ❌ `foo`: `1\.1\.0` → `1\.1\.1` needs a minor bump[\s\S]*`foo_c`/);
    expect(bad.outputs.approved).toBe('false');

    const c3 = s.h.commit(crate('foo', '2.0.0', ['foo_b', 'foo_c']), 'foo 2.0.0: drop foo_a');
    s.h.tag('v2.0.0', c3, s.fake);
    const major = await pushTag(s, 'v2.0.0');
    expect(major.code).toBe(0);
    expect(row(major.summary, 'foo')).toEqual(['`1.1.1`', '`2.0.0`', 'major', 'major', '✅ covered']);
    expect(major.outputs.breaking).toBe('true');
    expect(releaseStatuses(s, c3).at(-1)?.state).toBe('success');
  });

  it('on release published: reads release.tag_name, writes the changelog output ready to paste; ignores release deleted', async () => {
    s = await setup();
    const c0 = s.h.commit(crate('foo', '1.0.0', ['foo_a', 'foo_gone']), '1.0.0');
    s.h.tag('v1.0.0', c0, s.fake);
    const c1 = s.h.commit(
      {
        ...crate('foo', '2.0.0', ['foo_b']),
        'src/lib.rs': `${lib(['foo_b'])}\n#[no_mangle]\npub extern "C" fn foo_a(x: i64) -> i32 {\n    0\n}\n`,
      },
      '2.0.0',
    );
    s.h.tag('v2.0.0', c1, s.fake);
    const run = await releaseEvent(s, 'v2.0.0', 'published', { published_at: '2026-11-20T10:00:00Z' });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(releaseStatuses(s, c1).at(-1)?.state).toBe('success');
    const changelog = run.outputs.changelog;
    expect(changelog.split('\n').slice(0, 6)).toEqual([
      '## [2.0.0] - 2026-11-20',
      '',
      '### Breaking',
      '',
      expect.stringMatching(
        /^- `foo_a`: .*`extern "C" fn foo_a\(x: i32\) -> i32` → `extern "C" fn foo_a\(x: i64\) -> i32`$/,
      ),
      '',
    ]);
    expect(changelog).toMatch(/\n### Added\n\n- `foo_b`: /);
    expect(changelog).toMatch(/\n### Removed\n\n- \*\*Breaking:\*\* `foo_gone`: /);
    expect(changelog).not.toMatch(/<|ffi-surface-guard/);
    // the same changelog is in the job summary
    expect(run.summary).toContain(`## Surface changelog\n\n${changelog}`);

    const deleted = await releaseEvent(s, 'v2.0.0', 'deleted');
    expect(deleted.code).toBe(0);
    expect(deleted.stdout).toMatch(/::notice::ffi-surface-guard: release deleted changes nothing to check/);
    expect(releaseStatuses(s, c1)).toHaveLength(2);
  });
});

describe('sarif-path on a release tag', () => {
  let s: Setup;
  afterEach(async () => {
    await s.fake.close();
    s.h.origin.cleanup();
  });

  it('writes the SARIF log of the released change and names it in the outputs', async () => {
    s = await setup();
    const c0 = s.h.commit(crate('foo', '1.0.0', ['foo_a']), 'foo 1.0.0');
    s.h.tag('v1.0.0', c0, s.fake);
    const c1 = s.h.commit(crate('foo', '1.1.0', ['foo_a', 'foo_b']), 'foo 1.1.0');
    s.h.tag('v1.1.0', c1, s.fake);
    const sarifPath = path.join(s.h.origin.dir, 'out', 'release.sarif');
    const run = await pushTag(s, 'v1.1.0', { 'sarif-path': sarifPath });
    expect(run.code).toBe(0);
    expect(run.outputs['sarif-path']).toBe(sarifPath);
    const log = JSON.parse(fs.readFileSync(sarifPath, 'utf8')) as {
      version: string;
      runs: { results: { ruleId: string; level: string }[] }[];
    };
    expect(log.version).toBe('2.1.0');
    // the change, then the findings on the new export
    expect(log.runs[0].results[0]).toEqual(
      expect.objectContaining({ ruleId: 'function-added', level: 'note' }),
    );
    expect(log.runs[0].results.filter((r) => r.ruleId === 'function-added')).toHaveLength(1);
  });
});
