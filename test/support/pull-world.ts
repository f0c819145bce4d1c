/**
 * A repository with several pull requests against a moving `main`, for the tests of what lands
 * (SPEC section 6): a real git origin (with `refs/pull/<n>/head`), a runner workspace (a shallow
 * checkout of main), and the fake GitHub API kept in step — pulls opened, pushed to, force-pushed,
 * updated from main, merged, and merge-queue groups built as GitHub builds them (the group head's
 * first parent is the base; the PR head is merged in).
 *
 * Not a test file itself; used in-process (test/gate) and by the bundled-action tests (test/action).
 */
import * as path from 'node:path';
import { gitIn, OriginRepo, writeFiles } from './action-runner';
import {
  isoTime,
  makeUser,
  startFakeGitHub,
  type FakeCommit,
  type FakeGitHub,
  type FakePull,
  type FakeReview,
  type FakeStatus,
  type ReviewState,
} from './fake-github';

export const REPO = 'octo/lib';
export const CONTEXT = 'ffi-surface/security-review';
export const CONFIG_PATH = '.github/ffi-surface-guard.yml';

export const CARGO =
  '[package]\nname = "mini"\nversion = "1.0.0"\nedition = "2021"\n\n[lib]\ncrate-type = ["cdylib"]\n';

/** An exported function. */
export const exported = (name: string, ret = 'i32', value = '1') =>
  `#[no_mangle]\npub extern "C" fn ${name}() -> ${ret} {\n    ${value}\n}\n`;

/** `make_fn!(name)` defines a function; with `exporting`, an exported one. */
export const makeFnMacro = (exporting: boolean) =>
  `macro_rules! make_fn {\n    ($name:ident) => {\n${exporting ? '        #[no_mangle]\n' : ''}        pub extern "C" fn $name() -> i32 {\n            7\n        }\n    };\n}\n`;

/**
 * The base: one export in `lib.rs`, a non-exporting macro in `macros.rs`, and three modules
 * `a`, `b`, `c` that pull requests edit without touching each other's lines.
 */
export const BASE_FILES: Record<string, string> = {
  'Cargo.toml': CARGO,
  'src/lib.rs': '#[macro_use]\nmod macros;\nmod a;\nmod b;\nmod c;\n\n' + exported('mini_one'),
  'src/macros.rs': makeFnMacro(false),
  'src/a.rs': '// module a\n',
  'src/b.rs': '// module b\n',
  'src/c.rs': '// module c\n',
};

/** A commit of the PR as the API lists it, authored and committed by `login`. */
export function commitOf(sha: string, login: string, parent: string): FakeCommit {
  const user = makeUser(login);
  return {
    sha,
    message: 'change',
    author: user,
    committer: user,
    authorName: login,
    authorEmail: `${user.id}+${login}@users.noreply.github.com`,
    date: '2026-11-24T10:00:00Z',
    parents: [parent],
  };
}

export class PullWorld {
  readonly work: string;
  /** The runner's workspace: a depth-1 checkout of main, as `actions/checkout` leaves it. */
  workspace: string;

  private constructor(
    readonly origin: OriginRepo,
    readonly fake: FakeGitHub,
  ) {
    this.work = path.join(origin.dir, 'author');
    // GitHub serves any commit of the repository by SHA (a force-pushed-away review target too)
    gitIn(origin.bare, 'config', 'uploadpack.allowAnySHA1InWant', 'true');
    this.workspace = origin.checkout('main');
  }

  static async create(config = 'approvers:\n  - sec-bob\n  - carol\n  - dave\n'): Promise<PullWorld> {
    const origin = new OriginRepo();
    const base = origin.commit('main', BASE_FILES, 'mini 1.0.0');
    const fake = await startFakeGitHub();
    fake.addRepo({ fullName: REPO, defaultBranch: 'main', branches: { main: base } });
    fake.addFile({ repo: REPO, path: CONFIG_PATH, content: config, ref: 'main' });
    return new PullWorld(origin, fake);
  }

  /** A new runner: a fresh depth-1 checkout of main's current tip (each workflow run gets one). */
  newRunner(): string {
    this.workspace = this.origin.checkout('main');
    return this.workspace;
  }

  async close(): Promise<void> {
    await this.fake.close();
    this.origin.cleanup();
  }

  setConfig(text: string): void {
    this.fake.state.files = this.fake.state.files.filter((f) => f.path !== CONFIG_PATH);
    this.fake.addFile({ repo: REPO, path: CONFIG_PATH, content: text, ref: 'main' });
  }

  main(): string {
    return gitIn(this.origin.bare, 'rev-parse', 'refs/heads/main');
  }

  pull(n: number): FakePull {
    const p = this.fake.state.pulls.find((x) => x.number === n);
    if (!p) throw new Error(`no pull #${n}`);
    return p;
  }

  /** Opens PR `n` from branch `feature-<n>`, branched from main's current tip. */
  open(n: number, files: Record<string, string | null>, author = 'alice'): FakePull {
    const base = this.main();
    const head = this.origin.commit(`feature-${n}`, files, `PR ${n}`, 'main');
    this.origin.setPullRef(n, head);
    return this.fake.addPull({
      repo: REPO,
      number: n,
      user: author,
      head: { sha: head, ref: `feature-${n}` },
      base: { sha: base, ref: 'main' },
      commits: [commitOf(head, author, base)],
    });
  }

  private moved(n: number, sha: string, login: string): string {
    const p = this.pull(n);
    const parent = p.head.sha;
    this.origin.setPullRef(n, sha);
    p.head.sha = sha;
    p.commits.push(commitOf(sha, login, parent));
    return sha;
  }

  /** A new commit on the PR branch. */
  push(n: number, files: Record<string, string | null>, login = this.pull(n).user.login): string {
    return this.moved(n, this.origin.commit(`feature-${n}`, files, `push to #${n}`), login);
  }

  /** Rewrites the PR branch: `files` committed on `from` (default: the PR's merge base), force-pushed. */
  forcePush(n: number, files: Record<string, string | null>, from?: string): string {
    gitIn(this.work, 'checkout', '-q', `feature-${n}`);
    gitIn(this.work, 'reset', '-q', '--hard', from ?? gitIn(this.work, 'merge-base', 'main', `feature-${n}`));
    const sha = this.origin.commit(`feature-${n}`, files, `rewrite #${n}`);
    const p = this.pull(n);
    p.commits = [];
    return this.moved(n, sha, p.user.login);
  }

  /**
   * "Update branch": main merged into the PR branch. With `resolve`, the merge is expected to
   * conflict and those files are its resolution.
   */
  updateBranch(n: number, resolve?: Record<string, string | null>): string {
    gitIn(this.work, 'checkout', '-q', `feature-${n}`);
    if (resolve) {
      try {
        gitIn(this.work, 'merge', '-q', '--no-edit', 'main');
        throw new Error('the update was expected to conflict');
      } catch (e) {
        if (e instanceof Error && e.message.startsWith('the update')) throw e;
      }
      writeFiles(this.work, resolve);
      gitIn(this.work, 'add', '-A');
      gitIn(this.work, 'commit', '-q', '--no-edit');
    } else gitIn(this.work, 'merge', '-q', '--no-edit', 'main');
    gitIn(this.work, 'push', '-q', '--force', 'origin', `feature-${n}`);
    const sha = gitIn(this.work, 'rev-parse', 'HEAD');
    this.pull(n).base.sha = this.main();
    return this.moved(n, sha, this.pull(n).user.login);
  }

  /** A commit pushed to main directly (an unrelated change, or another PR's squash). */
  commitToMain(files: Record<string, string | null>, message = 'main moves'): string {
    const sha = this.origin.commit('main', files, message);
    this.fake.state.repos[0].branches.main = sha;
    return sha;
  }

  /** Merges PR `n` into main with a merge commit, as the merge button does; the PR is closed. */
  merge(n: number): string {
    gitIn(this.work, 'checkout', '-q', 'main');
    gitIn(this.work, 'merge', '-q', '--no-ff', '--no-edit', `feature-${n}`);
    gitIn(this.work, 'push', '-q', 'origin', 'main');
    const sha = gitIn(this.work, 'rev-parse', 'HEAD');
    this.fake.state.repos[0].branches.main = sha;
    const p = this.pull(n);
    p.state = 'closed';
    p.mergedAt = isoTime();
    p.mergeCommitSha = sha;
    this.fake.state.commits.push(sha);
    return sha;
  }

  /**
   * The merge queue's group for PR `n`: a branch `gh-readonly-queue/main/pr-<n>-<head>` whose head
   * merges the PR head into main's tip (first parent: main). Returns the `merge_group` payload fields.
   */
  group(n: number): { head_sha: string; base_sha: string; head_ref: string; base_ref: string } {
    const head = this.pull(n).head.sha;
    const base = this.main();
    const branch = `gh-readonly-queue/main/pr-${n}-${head}`;
    gitIn(this.work, 'checkout', '-q', '-B', branch, 'main');
    gitIn(this.work, 'merge', '-q', '--no-ff', '--no-edit', head);
    gitIn(this.work, 'push', '-q', '--force', 'origin', branch);
    const sha = gitIn(this.work, 'rev-parse', 'HEAD');
    gitIn(this.work, 'checkout', '-q', 'main');
    this.fake.state.commits.push(sha);
    return { head_sha: sha, base_sha: base, head_ref: `refs/heads/${branch}`, base_ref: 'refs/heads/main' };
  }

  review(n: number, login: string, state: ReviewState, commitId?: string): FakeReview {
    return this.fake.addReview({ repo: REPO, number: n, user: makeUser(login), state, commitId });
  }

  /**
   * Time passes: every status and review recorded so far moves `seconds` into the past, so that
   * what happens next (a review, a run) is strictly later than all of it, at one-second resolution.
   */
  tick(seconds = 10): void {
    const back = (t: string) => isoTime(new Date(Date.parse(t) - seconds * 1000));
    for (const s of this.fake.state.statuses) s.createdAt = s.updatedAt = back(s.createdAt);
    for (const r of this.fake.state.reviews) r.submittedAt = back(r.submittedAt);
  }

  statuses(sha: string): FakeStatus[] {
    return this.fake.state.statuses.filter((s) => s.sha === sha && s.context === CONTEXT);
  }

  states(sha: string): string[] {
    return this.statuses(sha).map((s) => s.state);
  }

  last(sha: string): FakeStatus {
    const s = this.statuses(sha).at(-1);
    if (!s) throw new Error(`no ${CONTEXT} status on ${sha}`);
    return s;
  }

  /** The bot's sticky comment on PR `n`, as a reader sees it (escapes and joiners removed). */
  comment(n: number, bot = 'github-actions[bot]'): string {
    const c = this.fake.state.comments.filter(
      (x) => x.number === n && x.user?.login === bot && x.body.startsWith('<!-- ffi-surface-guard v1 '),
    );
    if (c.length !== 1) throw new Error(`expected one comment of ${bot} on #${n}, found ${c.length}`);
    return c[0].body.replace(/\u200d/g, '').replace(/\\(.)/g, '$1');
  }
}
