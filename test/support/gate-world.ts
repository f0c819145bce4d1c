/**
 * The world of one pull request against the merge gate, shared by the in-process approval rules
 * (test/gate/approval-rules.test.ts) and the bundled action's end-to-end runs
 * (test/action/gate.e2e.test.ts): a tiny crate and the heads that change it, a real git origin with
 * `refs/pull/1/head`, the fake GitHub API kept in step (pushes, reviews, config), and readers of
 * what the gate wrote (statuses, the sticky comment and its marker).
 */
import { OriginRepo } from './action-runner';
import {
  makeUser,
  startFakeGitHub,
  type FakeComment,
  type FakeGitHub,
  type FakePull,
  type FakeReview,
  type FakeState,
  type FakeStatus,
  type ReviewState,
} from './fake-github';
import { CARGO, commitOf, CONFIG_PATH, CONTEXT, REPO } from './pull-world';

export { CARGO, commitOf, CONFIG_PATH, CONTEXT, REPO };

export const BOT = 'github-actions[bot]';

export function lib(...fns: string[]): string {
  return fns.join('\n');
}

export const ONE = '#[no_mangle]\npub extern "C" fn mini_one() -> i32 {\n    1\n}\n';

export const TWO = '#[no_mangle]\npub extern "C" fn mini_two(x: i32) -> i32 {\n    x + 1\n}\n';

export const THREE = '#[no_mangle]\npub extern "C" fn mini_three() -> u8 {\n    3\n}\n';

export const BASE = { 'Cargo.toml': CARGO, 'src/lib.rs': lib(ONE) };

/** An addition (non-breaking). */
export const ADDS_TWO = { 'src/lib.rs': lib(ONE, TWO) };

export const ADDS_TWO_AND_THREE = { 'src/lib.rs': lib(ONE, TWO, THREE) };

export interface Gate {
  origin: OriginRepo;
  fake: FakeGitHub;
  base: string;
  workspace: string;
  pull: FakePull;
}

export interface SetupOptions {
  /** The base branch's files (default: BASE). */
  base?: Record<string, string>;
  head?: Record<string, string | null>;
  config?: string;
  author?: string;
  /** Who authored the head commit (default: the PR author). */
  commitAuthor?: string;
  state?: Partial<FakeState>;
}

export async function setup(o: SetupOptions = {}): Promise<Gate> {
  const origin = new OriginRepo();
  const base = origin.commit('main', o.base ?? BASE, 'mini 1.0.0');
  const head = origin.commit('feature-1', o.head ?? ADDS_TWO, 'PR change');
  origin.setPullRef(1, head);
  const fake = await startFakeGitHub(o.state ?? {});
  fake.addRepo({ fullName: REPO, defaultBranch: 'main', branches: { main: base } });
  const author = o.author ?? 'alice';
  const pull = fake.addPull({
    repo: REPO,
    number: 1,
    user: author,
    head: { sha: head, ref: 'feature-1' },
    base: { sha: base, ref: 'main' },
    commits: [commitOf(head, o.commitAuthor ?? author, base)],
  });
  setConfig({ fake } as Gate, o.config ?? 'approvers:\n  - sec-bob\n');
  return { origin, fake, base, workspace: origin.checkout('main'), pull };
}

export function setConfig(g: Pick<Gate, 'fake'>, text: string): void {
  g.fake.addFile({ repo: REPO, path: CONFIG_PATH, content: text, ref: 'main' });
}

/** A new PR commit (pushed to origin and to `refs/pull/1/head`); the fake's PR head moves to it. */
export function push(g: Gate, files: Record<string, string | null>, login = g.pull.user.login): string {
  const parent = g.pull.head.sha;
  const sha = g.origin.commit('feature-1', files, 'another change');
  g.origin.setPullRef(1, sha);
  g.pull.head.sha = sha;
  g.pull.commits.push(commitOf(sha, login, parent));
  return sha;
}

export function review(g: Gate, login: string | null, state: ReviewState, commitId?: string): FakeReview {
  return g.fake.addReview({
    repo: REPO,
    number: 1,
    user: login === null ? null : makeUser(login),
    state,
    commitId,
  });
}

export interface RunOptions {
  eventName?: string;
  event?: Record<string, unknown>;
  inputs?: Record<string, string>;
}

export function pullPayload(g: Gate, sha = g.pull.head.sha): Record<string, unknown> {
  return {
    number: 1,
    head: { sha, ref: 'feature-1' },
    base: { sha: g.base, ref: 'main' },
    user: { login: g.pull.user.login },
  };
}

export function reviewEvent(
  g: Gate,
  action: string,
  reviewer: string,
  state = 'approved',
): Record<string, unknown> {
  return {
    action,
    review: { id: 1, state, user: { login: reviewer }, commit_id: g.pull.head.sha },
    pull_request: pullPayload(g),
    repository: { full_name: REPO, default_branch: 'main' },
    sender: { login: reviewer },
  };
}

export function statuses(g: Gate, sha: string): FakeStatus[] {
  return g.fake.state.statuses.filter((s) => s.sha === sha && s.context === CONTEXT);
}

export function states(g: Gate, sha: string): string[] {
  return statuses(g, sha).map((s) => s.state);
}

export function commentsBy(g: Gate, login: string): FakeComment[] {
  return g.fake.state.comments.filter((c) => c.number === 1 && c.user?.login === login);
}

/** The one sticky comment of `login` (default the Actions bot). */
export function sticky(g: Gate, login = BOT): FakeComment {
  const mine = commentsBy(g, login).filter((c) => c.body.startsWith('<!-- ffi-surface-guard v1 '));
  expect(mine).toHaveLength(1);
  return mine[0];
}

/** The comment as a reader sees it: Markdown escapes and zero-width joiners removed. */
export function plain(body: string): string {
  return body.replace(/\u200d/g, '').replace(/\\(.)/g, '$1');
}

/** The state the sticky comment's hidden marker carries. */
export interface MarkerState {
  v: number;
  head: string;
  digests: Record<string, string>;
  approved: string[];
}

export function markerOf(body: string): MarkerState {
  const m = /^<!-- ffi-surface-guard v1 ([A-Za-z0-9+/=]+) -->/.exec(body);
  if (!m) throw new Error('no marker');
  return JSON.parse(Buffer.from(m[1], 'base64').toString('utf8')) as MarkerState;
}

export function forgedMarker(state: Record<string, unknown>): string {
  return `<!-- ffi-surface-guard v1 ${Buffer.from(JSON.stringify(state), 'utf8').toString('base64')} -->`;
}
