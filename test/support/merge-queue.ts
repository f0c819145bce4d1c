/**
 * A merge queue's group as GitHub builds it (main's tip with PR #7's head merged in, first parent
 * main), in a real git origin and the fake GitHub API — shared by the in-process merge-group gates
 * (test/gate/merge-group.test.ts, test/consumers/merge-group.test.ts) and the bundled action's run
 * (test/action/merge-group.e2e.test.ts).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { gitIn, OriginRepo } from './action-runner';
import { DEMO_DIR } from './demo-pull';
import { makeUser, startFakeGitHub, type FakeGitHub } from './fake-github';

const read = (p: string) => fs.readFileSync(path.join(DEMO_DIR, p), 'utf8');
const demo = (v: string) => ({
  'Cargo.toml': read(`${v}/Cargo.toml`),
  'src/lib.rs': read(`${v}/src/lib.rs`),
  'src/ffi.rs': read(`${v}/src/ffi.rs`),
});
/** The demo crate's Rust side as released (v1) and as its pull request changes it (v2). */
export const V1 = demo('v1');
export const V2 = demo('v2');

export interface GroupOptions {
  /** A designated reviewer's approval of PR #7. */
  approvedBy?: string;
  /** A status already on the PR head (which the gate must not read). */
  prStatus?: 'success' | 'pending';
  /** Files the queue's merge commit changes besides the PR's (a merge that lands more than the PR). */
  alsoInMerge?: Record<string, string>;
  requestedChangesBy?: string;
  /** The base branch's files (default: the demo's v1). */
  base?: Record<string, string>;
  /** The default branch's `.github/ffi-surface-guard.yml` (default: `sec-bob` approves). */
  config?: string;
}

export interface MergeGroup {
  origin: OriginRepo;
  fake: FakeGitHub;
  base: string;
  groupHead: string;
  /** The queue's branch, `gh-readonly-queue/main/pr-7-<sha>`. */
  branch: string;
}

/** PR #7 changing `files`, and the queue's group for it; `sec-bob` approves FFI changes. */
export async function openMergeGroup(
  files: Record<string, string>,
  o: GroupOptions = {},
): Promise<MergeGroup> {
  const origin = new OriginRepo();
  const base = origin.commit('main', o.base ?? V1, 'base');
  const prHead = origin.commit('feature-7', files, 'pr');
  origin.setPullRef(7, prHead);
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
  fake.addRepo({ fullName: 'octo/lib', defaultBranch: 'main', branches: { main: base } });
  fake.addFile({
    repo: 'octo/lib',
    path: '.github/ffi-surface-guard.yml',
    content: o.config ?? 'approvers: [sec-bob]\n',
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
  return { origin, fake, base, groupHead, branch };
}

/** The gate's statuses on the group head. */
export function groupStatuses(g: MergeGroup) {
  return g.fake.state.statuses.filter(
    (x) => x.sha === g.groupHead && x.context === 'ffi-surface/security-review',
  );
}
