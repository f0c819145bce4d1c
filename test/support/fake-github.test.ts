import { execFile } from 'node:child_process';
import * as http from 'node:http';
import * as path from 'node:path';
import { promisify } from 'node:util';
import {
  fakeSha,
  gitBlobSha,
  githubError,
  makeUser,
  rateLimited,
  startFakeGitHub,
  type FakeGitHub,
  type FakeState,
} from './fake-github';

const execFileAsync = promisify(execFile);
const REPO = 'octo-org/ffi-lib';
const HEAD = fakeSha('head');
const TOKEN = 'ghs_test_token';

interface ApiResponse {
  status: number;
  headers: Headers;
  json: unknown;
  text: string;
}

interface ApiOptions {
  body?: unknown;
  rawBody?: string;
  auth?: string | null;
  accept?: string;
}

async function api(
  fake: FakeGitHub,
  method: string,
  route: string,
  opts: ApiOptions = {},
): Promise<ApiResponse> {
  const headers: Record<string, string> = { accept: opts.accept ?? 'application/vnd.github+json' };
  const auth = opts.auth === undefined ? `token ${TOKEN}` : opts.auth;
  if (auth !== null) headers.authorization = auth;
  let body: string | undefined;
  if (opts.rawBody !== undefined) body = opts.rawBody;
  else if (opts.body !== undefined) body = JSON.stringify(opts.body);
  if (body !== undefined) headers['content-type'] = 'application/json; charset=utf-8';
  const res = await fetch(`${fake.url}${route}`, { method, headers, body });
  const text = await res.text();
  let json: unknown = undefined;
  try {
    json = JSON.parse(text) as unknown;
  } catch {
    json = undefined;
  }
  return { status: res.status, headers: res.headers, json, text };
}

/** Narrows a JSON value for reading fields in assertions. */
function obj(v: unknown): Record<string, unknown> {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) throw new Error(`not an object: ${String(v)}`);
  return v as Record<string, unknown>;
}

function arr(v: unknown): Record<string, unknown>[] {
  if (!Array.isArray(v)) throw new Error(`not an array: ${String(v)}`);
  return v.map(obj);
}

interface LinkRels {
  [rel: string]: { page: number; perPage: number; url: string };
}

function parseLink(header: string | null): LinkRels {
  const rels: LinkRels = {};
  for (const part of (header ?? '').split(',')) {
    const m = /<([^>]+)>;\s*rel="(\w+)"/.exec(part.trim());
    if (!m) continue;
    const url = new URL(m[1] as string);
    rels[m[2] as string] = {
      page: Number(url.searchParams.get('page')),
      perPage: Number(url.searchParams.get('per_page')),
      url: m[1] as string,
    };
  }
  return rels;
}

interface OctokitResult {
  ok: boolean;
  status: number;
  data: unknown;
  message?: string;
  headers?: Record<string, string>;
}

interface OctokitRun {
  results: OctokitResult[];
  events: Array<{ event: string; retryAfter: number; route: string; retryCount: number }>;
}

type OctokitOp =
  | { kind: 'rest'; call: string; params: Record<string, unknown> }
  | { kind: 'paginate'; call: string; params: Record<string, unknown> }
  | { kind: 'request'; route: string; params?: Record<string, unknown> };

/** Runs the ops through the real (ESM-only) Octokit in a child process; must not block this process. */
async function runOctokit(
  fake: FakeGitHub,
  ops: OctokitOp[],
  extra: { throttle?: boolean } = {},
): Promise<OctokitRun> {
  const script = path.join(__dirname, 'fake-github-octokit.mjs');
  const program = JSON.stringify({ baseUrl: fake.url, auth: TOKEN, throttle: extra.throttle ?? false, ops });
  const { stdout } = await execFileAsync(process.execPath, [script], {
    env: { ...process.env, FAKE_GITHUB_PROGRAM: program },
    timeout: 60_000,
    maxBuffer: 32 * 1024 * 1024,
  });
  return JSON.parse(stdout) as OctokitRun;
}

function seed(fake: FakeGitHub): void {
  fake.addRepo({ fullName: REPO, defaultBranch: 'trunk', branches: { trunk: fakeSha('trunk') } });
  fake.addPull({
    repo: REPO,
    number: 7,
    user: 'alice',
    head: { sha: HEAD, ref: 'ffi-change', repo: 'mallory/ffi-lib' },
    base: { sha: fakeSha('base'), ref: 'trunk' },
    commits: Array.from({ length: 74 }, (_, i) => fakeSha(`c${i}`)).concat([HEAD]),
  });
}

let fake: FakeGitHub;

afterEach(async () => {
  await fake?.close();
});

async function start(initial: Partial<FakeState> = {}): Promise<FakeGitHub> {
  fake = await startFakeGitHub({ token: TOKEN, ...initial });
  seed(fake);
  return fake;
}

describe('fake GitHub over plain HTTP', () => {
  test('serves a repository with GitHub headers', async () => {
    await start();
    expect(fake.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const res = await api(fake, 'GET', `/repos/${REPO}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(res.headers.get('x-github-request-id')).toMatch(/^[0-9A-F:]+$/);
    expect(res.headers.get('x-ratelimit-limit')).toBe('5000');
    expect(res.headers.get('x-ratelimit-remaining')).toBe('4999');
    expect(res.headers.get('x-ratelimit-used')).toBe('1');
    expect(Number(res.headers.get('x-ratelimit-reset'))).toBeGreaterThan(Date.now() / 1000);
    expect(obj(res.json)).toMatchObject({
      full_name: REPO,
      default_branch: 'trunk',
      private: false,
      fork: false,
    });
    expect(obj(obj(res.json).owner)).toMatchObject({ login: 'octo-org', type: 'Organization' });
    // owner/repo are case-insensitive like GitHub
    expect((await api(fake, 'GET', '/repos/Octo-Org/FFI-lib')).status).toBe(200);
    expect(fake.requests[0]).toMatchObject({ method: 'GET', path: `/repos/${REPO}`, status: 200 });
    expect(fake.requests[0]?.headers.authorization).toBe(`token ${TOKEN}`);
  });

  test('authentication: missing or wrong token is 401, token and Bearer schemes work', async () => {
    await start();
    for (const auth of [null, 'token nope', 'Basic abc', `token ${TOKEN}x`]) {
      const res = await api(fake, 'GET', `/repos/${REPO}`, { auth });
      expect(res.status).toBe(401);
      expect(obj(res.json)).toMatchObject({ message: 'Bad credentials' });
      expect(typeof obj(res.json).documentation_url).toBe('string');
    }
    expect((await api(fake, 'GET', `/repos/${REPO}`, { auth: `Bearer ${TOKEN}` })).status).toBe(200);
    fake.state.token = null;
    expect((await api(fake, 'GET', `/repos/${REPO}`, { auth: null })).status).toBe(200);
  });

  test('unknown routes are 404, malformed JSON is 400', async () => {
    await start();
    const unknown = await api(fake, 'GET', '/repos/octo-org/ffi-lib/hooks');
    expect(unknown.status).toBe(404);
    expect(obj(unknown.json)).toMatchObject({ message: 'Not Found' });
    expect((await api(fake, 'DELETE', `/repos/${REPO}/pulls/7`)).status).toBe(404);
    expect((await api(fake, 'GET', '/repos/nobody/nothing')).status).toBe(404);
    expect((await api(fake, 'GET', `/repos/${REPO}/pulls/8`)).status).toBe(404);
    const bad = await api(fake, 'POST', `/repos/${REPO}/issues/7/comments`, { rawBody: '{"body": ' });
    expect(bad.status).toBe(400);
    expect(obj(bad.json)).toMatchObject({ message: 'Problems parsing JSON' });
    expect(fake.state.comments).toHaveLength(0);
  });

  test('pull request shape: fork head, user type, html_url', async () => {
    await start();
    const pr = obj((await api(fake, 'GET', `/repos/${REPO}/pulls/7`)).json);
    expect(pr).toMatchObject({
      number: 7,
      state: 'open',
      draft: false,
      merged: false,
      html_url: `https://github.com/${REPO}/pull/7`,
      user: { login: 'alice', type: 'User' },
      head: { sha: HEAD, ref: 'ffi-change', repo: { full_name: 'mallory/ffi-lib', fork: true } },
      base: { ref: 'trunk', sha: fakeSha('base'), repo: { full_name: REPO, fork: false } },
      commits: 75,
    });
    expect(typeof pr.id).toBe('number');
    expect(typeof pr.node_id).toBe('string');
    expect(pr.created_at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    // deleted fork
    fake.state.pulls[0]!.head.repo = null;
    const gone = obj((await api(fake, 'GET', `/repos/${REPO}/pulls/7`)).json);
    expect(obj(gone.head).repo).toBeNull();
  });

  test('pagination: per_page/page with Link rel=next/last/prev/first like GitHub', async () => {
    await start();
    const first = await api(fake, 'GET', `/repos/${REPO}/pulls/7/commits?per_page=30`);
    expect(arr(first.json)).toHaveLength(30);
    expect(arr(first.json)[0]).toMatchObject({ sha: fakeSha('c0'), author: { login: 'alice' } });
    const links = parseLink(first.headers.get('link'));
    expect(Object.keys(links).sort()).toEqual(['last', 'next']);
    expect(links.next).toMatchObject({ page: 2, perPage: 30 });
    expect(links.last).toMatchObject({ page: 3, perPage: 30 });
    expect(links.next?.url.startsWith(`${fake.url}/repos/${REPO}/pulls/7/commits?`)).toBe(true);

    const last = await api(fake, 'GET', `/repos/${REPO}/pulls/7/commits?per_page=30&page=3`);
    expect(arr(last.json).map((c) => c.sha)).toEqual(
      Array.from({ length: 14 }, (_, i) => fakeSha(`c${i + 60}`)).concat([HEAD]),
    );
    expect(Object.keys(parseLink(last.headers.get('link'))).sort()).toEqual(['first', 'prev']);

    const defaults = await api(fake, 'GET', `/repos/${REPO}/pulls/7/commits`);
    expect(arr(defaults.json)).toHaveLength(30);
    const clamped = await api(fake, 'GET', `/repos/${REPO}/pulls/7/commits?per_page=500`);
    expect(arr(clamped.json)).toHaveLength(75);
    expect(clamped.headers.get('link')).toBeNull();
    const beyond = await api(fake, 'GET', `/repos/${REPO}/pulls/7/commits?page=9`);
    expect(arr(beyond.json)).toHaveLength(0);

    // GitHub lists at most 250 commits of a pull request
    fake.state.pulls[0]!.commits = Array.from({ length: 300 }, (_, i) => ({
      ...fake.state.pulls[0]!.commits[0]!,
      sha: fakeSha(`many${i}`),
    }));
    const capped = await api(fake, 'GET', `/repos/${REPO}/pulls/7/commits?per_page=100&page=3`);
    expect(arr(capped.json)).toHaveLength(50);
  });

  test('reviews: listed oldest first, paginated, PENDING hidden, deleted users null', async () => {
    await start();
    fake.addReview({ repo: REPO, number: 7, user: 'bob', state: 'CHANGES_REQUESTED' });
    fake.addReview({ repo: REPO, number: 7, user: 'carol', state: 'PENDING' });
    fake.addReview({
      repo: REPO,
      number: 7,
      user: 'renovate[bot]',
      state: 'APPROVED',
      commitId: fakeSha('old'),
    });
    fake.addReview({ repo: REPO, number: 7, user: null, state: 'DISMISSED', body: 'ghost' });
    fake.addReview({ repo: REPO, number: 7, user: 'bob', state: 'APPROVED', body: 'lgtm' });
    const page1 = await api(fake, 'GET', `/repos/${REPO}/pulls/7/reviews?per_page=2`);
    expect(parseLink(page1.headers.get('link')).last?.page).toBe(2);
    const page2 = await api(fake, 'GET', `/repos/${REPO}/pulls/7/reviews?per_page=2&page=2`);
    const all = [...arr(page1.json), ...arr(page2.json)];
    expect(all.map((r) => r.state)).toEqual(['CHANGES_REQUESTED', 'APPROVED', 'DISMISSED', 'APPROVED']);
    expect(all[0]).toMatchObject({ user: { login: 'bob', type: 'User' }, commit_id: HEAD });
    expect(all[1]).toMatchObject({
      user: { login: 'renovate[bot]', type: 'Bot' },
      commit_id: fakeSha('old'),
    });
    expect(all[2]?.user).toBeNull();
    expect(all[3]).toMatchObject({ body: 'lgtm', html_url: expect.stringContaining('#pullrequestreview-') });
    expect(all[3]?.submitted_at).toMatch(/Z$/);
  });

  test('comments: create, get, update, list; author is the token identity', async () => {
    await start();
    fake.addComment({ repo: REPO, number: 7, user: 'mallory', body: '<!-- ffi-surface-guard forged -->' });
    const created = await api(fake, 'POST', `/repos/${REPO}/issues/7/comments`, {
      body: { body: 'report v1' },
    });
    expect(created.status).toBe(201);
    const c = obj(created.json);
    expect(c).toMatchObject({ body: 'report v1', user: { login: 'github-actions[bot]', type: 'Bot' } });
    expect(c.id as number).toBeGreaterThan(2 ** 31);
    expect(created.headers.get('location')).toBe(c.url);
    expect(c.html_url).toBe(`https://github.com/${REPO}/pull/7#issuecomment-${String(c.id)}`);

    const patched = await api(fake, 'PATCH', `/repos/${REPO}/issues/comments/${String(c.id)}`, {
      body: { body: 'report v2' },
    });
    expect(patched.status).toBe(200);
    expect(obj(patched.json).body).toBe('report v2');
    expect(obj((await api(fake, 'GET', `/repos/${REPO}/issues/comments/${String(c.id)}`)).json).body).toBe(
      'report v2',
    );
    expect((await api(fake, 'GET', `/repos/${REPO}/issues/comments/1`)).status).toBe(404);
    expect(
      (await api(fake, 'PATCH', `/repos/${REPO}/issues/comments/1`, { body: { body: 'x' } })).status,
    ).toBe(404);

    // an App token: comments come from another bot
    fake.state.tokenLogin = 'ffi-guard[bot]';
    await api(fake, 'POST', `/repos/${REPO}/issues/7/comments`, { body: { body: 'from app' } });
    const list = arr((await api(fake, 'GET', `/repos/${REPO}/issues/7/comments`)).json);
    expect(list.map((x) => obj(x.user).login)).toEqual(['mallory', 'github-actions[bot]', 'ffi-guard[bot]']);
    expect(obj(list[2]?.user).type).toBe('Bot');
    expect(fake.state.comments.map((x) => x.body)).toEqual([
      '<!-- ffi-surface-guard forged -->',
      'report v2',
      'from app',
    ]);
  });

  test('comments: delete answers 204 and removes the comment; unknown ids and a read-only token are refused', async () => {
    await start();
    const keep = fake.addComment({ repo: REPO, number: 7, body: 'keep' });
    const gone = fake.addComment({ repo: REPO, number: 7, body: 'duplicate' });
    const deleted = await api(fake, 'DELETE', `/repos/${REPO}/issues/comments/${String(gone.id)}`);
    expect(deleted.status).toBe(204);
    expect(deleted.text).toBe('');
    expect(fake.state.comments.map((c) => c.id)).toEqual([keep.id]);
    expect((await api(fake, 'DELETE', `/repos/${REPO}/issues/comments/${String(gone.id)}`)).status).toBe(404);
    expect(
      (await api(fake, 'DELETE', `/repos/octo-org/other/issues/comments/${String(keep.id)}`)).status,
    ).toBe(404);
    fake.state.permissions.issues = 'read';
    const refused = await api(fake, 'DELETE', `/repos/${REPO}/issues/comments/${String(keep.id)}`);
    expect(refused.status).toBe(403);
    expect(fake.state.comments.map((c) => c.id)).toEqual([keep.id]);
  });

  test('comments: validation like GitHub (missing body, too long, unknown issue)', async () => {
    await start();
    const missing = await api(fake, 'POST', `/repos/${REPO}/issues/7/comments`, { body: {} });
    expect(missing.status).toBe(422);
    const tooLong = await api(fake, 'POST', `/repos/${REPO}/issues/7/comments`, {
      body: { body: 'x'.repeat(65537) },
    });
    expect(tooLong.status).toBe(422);
    expect(obj(tooLong.json)).toMatchObject({
      message: 'Validation Failed',
      errors: [{ resource: 'IssueComment', message: 'Body is too long (maximum is 65536 characters)' }],
    });
    const exact = await api(fake, 'POST', `/repos/${REPO}/issues/7/comments`, {
      body: { body: 'x'.repeat(65536) },
    });
    expect(exact.status).toBe(201);
    expect(
      (await api(fake, 'POST', `/repos/${REPO}/issues/99/comments`, { body: { body: 'x' } })).status,
    ).toBe(404);
  });

  test('statuses: validation, storage, list newest first, combined latest per context', async () => {
    await start();
    const post = (body: unknown, sha = HEAD): Promise<ApiResponse> =>
      api(fake, 'POST', `/repos/${REPO}/statuses/${sha}`, { body });
    const ctx = 'ffi-surface/security-review';

    const tooLong = await post({ state: 'pending', context: ctx, description: 'd'.repeat(141) });
    expect(tooLong.status).toBe(422);
    expect(obj(tooLong.json)).toMatchObject({
      message: 'Validation Failed',
      errors: [{ resource: 'Status', field: 'description', code: 'custom' }],
    });
    expect(obj(tooLong.json).documentation_url).toContain('statuses');
    // 140 characters counted as GitHub does (code points): emoji are one character each
    expect((await post({ state: 'pending', context: ctx, description: '🔒'.repeat(140) })).status).toBe(201);
    expect((await post({ state: 'bogus', context: ctx })).status).toBe(422);
    expect((await post({ context: ctx })).status).toBe(422);
    expect((await post({ state: 'success', description: 5 })).status).toBe(422);
    const unknownSha = await post({ state: 'success' }, fakeSha('nowhere'));
    expect(unknownSha.status).toBe(422);
    expect(obj(unknownSha.json).message).toBe(`No commit found for SHA: ${fakeSha('nowhere')}`);

    const ok = await post({
      state: 'success',
      context: ctx,
      description: 'approved · ffi sha256:1a2b3c4d5e6f',
      target_url: 'https://example.test/c',
    });
    expect(ok.status).toBe(201);
    expect(obj(ok.json)).toMatchObject({
      state: 'success',
      context: ctx,
      target_url: 'https://example.test/c',
      creator: { login: 'github-actions[bot]', type: 'Bot' },
    });
    await post({ state: 'failure', context: 'ci/other' });
    expect(fake.state.statuses.map((s) => s.state)).toEqual(['pending', 'success', 'failure']);
    expect(fake.state.statuses[1]!.id).toBeGreaterThan(fake.state.statuses[0]!.id);

    const list = arr((await api(fake, 'GET', `/repos/${REPO}/commits/${HEAD}/statuses`)).json);
    expect(list.map((s) => s.state)).toEqual(['failure', 'success', 'pending']);
    const combined = obj((await api(fake, 'GET', `/repos/${REPO}/commits/${HEAD}/status`)).json);
    expect(combined).toMatchObject({ state: 'failure', sha: HEAD, total_count: 2 });
    expect(arr(combined.statuses).map((s) => [s.context, s.state])).toEqual([
      ['ci/other', 'failure'],
      [ctx, 'success'],
    ]);
    // combined state pending with no statuses; branch refs resolve
    const trunk = obj((await api(fake, 'GET', `/repos/${REPO}/commits/trunk/status`)).json);
    expect(trunk).toMatchObject({ state: 'pending', total_count: 0, sha: fakeSha('trunk') });
    expect((await api(fake, 'GET', `/repos/${REPO}/commits/${fakeSha('nowhere')}/status`)).status).toBe(404);
    // with strictShas off any SHA is accepted
    fake.state.strictShas = false;
    expect((await post({ state: 'success' }, fakeSha('nowhere'))).status).toBe(201);
  });

  test('teams: membership 200/404 (case-insensitive), members paginated and filtered', async () => {
    await start();
    fake.addTeam({
      org: 'octo-org',
      slug: 'ffi-reviewers',
      members: ['Bob', { login: 'carol', role: 'maintainer' }, { login: 'dave', state: 'pending' }],
    });
    const bob = await api(fake, 'GET', '/orgs/octo-org/teams/ffi-reviewers/memberships/bob');
    expect(bob.status).toBe(200);
    expect(obj(bob.json)).toMatchObject({ state: 'active', role: 'member' });
    expect(
      obj((await api(fake, 'GET', '/orgs/Octo-Org/teams/ffi-reviewers/memberships/carol')).json),
    ).toMatchObject({
      role: 'maintainer',
    });
    expect(
      obj((await api(fake, 'GET', '/orgs/octo-org/teams/ffi-reviewers/memberships/dave')).json).state,
    ).toBe('pending');
    expect((await api(fake, 'GET', '/orgs/octo-org/teams/ffi-reviewers/memberships/alice')).status).toBe(404);
    expect((await api(fake, 'GET', '/orgs/octo-org/teams/nope/memberships/bob')).status).toBe(404);

    const p1 = await api(fake, 'GET', '/orgs/octo-org/teams/ffi-reviewers/members?per_page=1');
    expect(arr(p1.json)).toEqual([expect.objectContaining({ login: 'Bob', type: 'User' })]);
    expect(parseLink(p1.headers.get('link')).last?.page).toBe(2);
    const maint = arr(
      (await api(fake, 'GET', '/orgs/octo-org/teams/ffi-reviewers/members?role=maintainer')).json,
    );
    expect(maint.map((m) => m.login)).toEqual(['carol']);
  });

  test('contents: base64 file at the default branch or a ref, raw media type, directories, 404', async () => {
    await start();
    const yml = 'approvers:\n  - octo-org/ffi-reviewers\n';
    fake.addFile({ repo: REPO, path: '.github/ffi-surface-guard.yml', content: yml });
    fake.addFile({
      repo: REPO,
      path: '.github/ffi-surface-guard.yml',
      content: 'evil: true\n',
      ref: 'ffi-change',
    });
    const res = await api(fake, 'GET', `/repos/${REPO}/contents/.github%2Fffi-surface-guard.yml`);
    expect(res.status).toBe(200);
    const file = obj(res.json);
    expect(file).toMatchObject({
      type: 'file',
      encoding: 'base64',
      path: '.github/ffi-surface-guard.yml',
      size: yml.length,
    });
    expect(Buffer.from(String(file.content), 'base64').toString('utf8')).toBe(yml);
    expect(file.sha).toBe(gitBlobSha(yml));
    expect(gitBlobSha('')).toBe('e69de29bb2d1d6434b8b29ae775ad8c2e48c5391'); // git's empty blob

    const byRef = await api(fake, 'GET', `/repos/${REPO}/contents/.github/ffi-surface-guard.yml?ref=trunk`);
    expect(Buffer.from(String(obj(byRef.json).content), 'base64').toString()).toBe(yml);
    const bySha = await api(
      fake,
      'GET',
      `/repos/${REPO}/contents/.github/ffi-surface-guard.yml?ref=${fakeSha('trunk')}`,
    );
    expect(bySha.status).toBe(200);
    const pr = await api(
      fake,
      'GET',
      `/repos/${REPO}/contents/.github/ffi-surface-guard.yml?ref=refs/heads/ffi-change`,
    );
    expect(Buffer.from(String(obj(pr.json).content), 'base64').toString()).toBe('evil: true\n');

    const raw = await api(fake, 'GET', `/repos/${REPO}/contents/.github/ffi-surface-guard.yml`, {
      accept: 'application/vnd.github.raw+json',
    });
    expect(raw.text).toBe(yml);
    const dir = arr((await api(fake, 'GET', `/repos/${REPO}/contents/.github`)).json);
    expect(dir).toEqual([expect.objectContaining({ type: 'file', name: 'ffi-surface-guard.yml' })]);
    expect((await api(fake, 'GET', `/repos/${REPO}/contents/missing.yml`)).status).toBe(404);
  });

  test('release step: tags, pulls for a commit, closed pulls, release by tag', async () => {
    await start();
    const merge = fakeSha('merge');
    fake.addPull({
      repo: REPO,
      number: 3,
      user: 'bob',
      state: 'closed',
      mergedAt: '2026-01-02T03:04:05Z',
      mergeCommitSha: merge,
    });
    fake.addPull({ repo: REPO, number: 4, state: 'closed' });
    fake.addTag({ repo: REPO, name: 'v1.2.0', sha: merge });
    fake.addRelease({ repo: REPO, tagName: 'v1.2.0', body: 'notes' });
    fake.addRelease({ repo: REPO, tagName: 'v1.3.0', draft: true });

    const tags = arr((await api(fake, 'GET', `/repos/${REPO}/tags`)).json);
    expect(tags).toEqual([
      expect.objectContaining({ name: 'v1.2.0', commit: expect.objectContaining({ sha: merge }) }),
    ]);
    const forCommit = arr((await api(fake, 'GET', `/repos/${REPO}/commits/${merge}/pulls`)).json);
    expect(forCommit.map((p) => p.number)).toEqual([3]);
    expect(forCommit[0]).toMatchObject({ merged_at: '2026-01-02T03:04:05Z', merge_commit_sha: merge });
    const closed = arr((await api(fake, 'GET', `/repos/${REPO}/pulls?state=closed`)).json);
    expect(closed.map((p) => p.number).sort()).toEqual([3, 4]);
    const open = arr((await api(fake, 'GET', `/repos/${REPO}/pulls`)).json);
    expect(open.map((p) => p.number)).toEqual([7]);
    expect((await api(fake, 'GET', `/repos/${REPO}/pulls?state=bogus`)).status).toBe(422);
    const rel = await api(fake, 'GET', `/repos/${REPO}/releases/tags/v1.2.0`);
    expect(obj(rel.json)).toMatchObject({ tag_name: 'v1.2.0', body: 'notes', draft: false });
    expect((await api(fake, 'GET', `/repos/${REPO}/releases/tags/v1.3.0`)).status).toBe(404);
    expect((await api(fake, 'GET', `/repos/${REPO}/releases/tags/v9`)).status).toBe(404);
  });

  test('token permissions: a read-only token gets 403 Resource not accessible by integration', async () => {
    await start({ permissions: { statuses: 'read', issues: 'read', members: 'none' } });
    const res = await api(fake, 'POST', `/repos/${REPO}/statuses/${HEAD}`, { body: { state: 'pending' } });
    expect(res.status).toBe(403);
    expect(obj(res.json).message).toBe('Resource not accessible by integration');
    expect(res.headers.get('x-accepted-github-permissions')).toBe('statuses=write');
    expect((await api(fake, 'GET', `/repos/${REPO}/commits/${HEAD}/status`)).status).toBe(200);
    expect(
      (await api(fake, 'POST', `/repos/${REPO}/issues/7/comments`, { body: { body: 'x' } })).status,
    ).toBe(403);
    expect((await api(fake, 'GET', '/orgs/octo-org/teams/t/memberships/bob')).status).toBe(403);
    expect(fake.state.statuses).toHaveLength(0);
  });

  test('fault injection: times, skip, status codes, headers, cancel, matchers', async () => {
    await start();
    const statusRoute = `POST /repos/${REPO}/statuses/:sha`;
    const f403 = fake.fail(
      statusRoute,
      githubError(403, 'Resource not accessible by integration', { times: 2 }),
    );
    for (let i = 0; i < 2; i++) {
      const res = await api(fake, 'POST', `/repos/${REPO}/statuses/${HEAD}`, { body: { state: 'pending' } });
      expect(res.status).toBe(403);
      expect(obj(res.json)).toEqual({
        message: 'Resource not accessible by integration',
        documentation_url: expect.stringContaining('docs.github.com'),
        status: '403',
      });
    }
    expect(
      (await api(fake, 'POST', `/repos/${REPO}/statuses/${HEAD}`, { body: { state: 'pending' } })).status,
    ).toBe(201);
    expect(f403.hits).toBe(2);
    expect(f403.remaining).toBe(0);
    expect(fake.state.statuses).toHaveLength(1);
    expect(fake.requestsTo(statusRoute).map((r) => [r.status, r.fault])).toEqual([
      [403, true],
      [403, true],
      [201, false],
    ]);
    // the matcher is method-specific
    expect((await api(fake, 'GET', `/repos/${REPO}/commits/${HEAD}/statuses`)).status).toBe(200);

    // skip the first matching request, then answer 502 with a custom body and headers
    fake.fail(/^GET \/repos\/[^/]+\/[^/]+\/pulls\/7$/, {
      status: 502,
      skip: 1,
      body: 'upstream',
      headers: { 'x-extra': '1' },
    });
    expect((await api(fake, 'GET', `/repos/${REPO}/pulls/7`)).status).toBe(200);
    const bad = await api(fake, 'GET', `/repos/${REPO}/pulls/7`);
    expect([bad.status, bad.json, bad.headers.get('x-extra')]).toEqual([502, 'upstream', '1']);
    expect(bad.headers.get('x-github-request-id')).not.toBeNull();
    expect((await api(fake, 'GET', `/repos/${REPO}/pulls/7`)).status).toBe(200);

    // predicate matcher, Infinity, cancel
    const always = fake.fail((r) => r.query.page === '2', { status: 500, times: Infinity });
    expect((await api(fake, 'GET', `/repos/${REPO}/pulls/7/commits?page=2`)).status).toBe(500);
    expect((await api(fake, 'GET', `/repos/${REPO}/pulls/7/commits?page=2`)).status).toBe(500);
    always.cancel();
    expect((await api(fake, 'GET', `/repos/${REPO}/pulls/7/commits?page=2`)).status).toBe(200);

    // rate-limit answers
    fake.fail('GET /repos/:owner/:repo', rateLimited('primary', { retryAfterSeconds: 30 }));
    const primary = await api(fake, 'GET', `/repos/${REPO}`);
    expect(primary.status).toBe(403);
    expect(primary.headers.get('x-ratelimit-remaining')).toBe('0');
    expect(Number(primary.headers.get('x-ratelimit-reset'))).toBeGreaterThan(Date.now() / 1000 + 20);
    fake.fail('GET /repos/:owner/:repo', rateLimited('secondary', { status: 429, retryAfterSeconds: 7 }));
    const secondary = await api(fake, 'GET', `/repos/${REPO}`);
    expect([secondary.status, secondary.headers.get('retry-after')]).toEqual([429, '7']);
    expect(String(obj(secondary.json).message)).toMatch(/secondary rate limit/);

    // connection reset
    fake.fail('* /repos/:owner/:repo', { resetConnection: true });
    await expect(api(fake, 'GET', `/repos/${REPO}`)).rejects.toThrow();
    expect((await api(fake, 'GET', `/repos/${REPO}`)).status).toBe(200);
  });

  test('primary rate limit from state: 403 until reset, then the budget refills', async () => {
    await start();
    fake.state.rateLimit.remaining = 0;
    const res = await api(fake, 'GET', `/repos/${REPO}`);
    expect(res.status).toBe(403);
    expect(res.headers.get('x-ratelimit-remaining')).toBe('0');
    expect(String(obj(res.json).message)).toMatch(/rate limit exceeded/);
    fake.state.rateLimit.reset = Math.floor(Date.now() / 1000) - 1;
    const after = await api(fake, 'GET', `/repos/${REPO}`);
    expect(after.status).toBe(200);
    expect(after.headers.get('x-ratelimit-remaining')).toBe('4999');
  });

  test('concurrent requests get distinct ids; custom routes; GHES path prefix', async () => {
    await start();
    const results = await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        api(fake, 'POST', `/repos/${REPO}/issues/7/comments`, { body: { body: `c${i}` } }),
      ),
    );
    expect(results.every((r) => r.status === 201)).toBe(true);
    expect(new Set(results.map((r) => obj(r.json).id)).size).toBe(40);
    expect(fake.state.comments).toHaveLength(40);

    fake.on('GET /repos/:owner/:repo/pulls/:n/files', (ctx) => ({
      status: 200,
      body: [{ filename: 'src/lib.rs', pr: Number(ctx.params.n) }],
    }));
    expect(arr((await api(fake, 'GET', `/repos/${REPO}/pulls/7/files`)).json)).toEqual([
      { filename: 'src/lib.rs', pr: 7 },
    ]);
    fake.on('GET /repos/:owner/:repo/pulls/:n/boom', () => {
      throw new Error('kaput');
    });
    const boom = await api(fake, 'GET', `/repos/${REPO}/pulls/7/boom`);
    expect([boom.status, obj(boom.json).message]).toEqual([500, 'fake-github: kaput']);

    const ghes = await startFakeGitHub({}, { pathPrefix: '/api/v3' });
    try {
      ghes.addRepo({ fullName: REPO });
      expect(ghes.url).toMatch(/\/api\/v3$/);
      expect((await api(ghes, 'GET', `/repos/${REPO}`, { auth: null })).status).toBe(200);
      const outside = await fetch(`${ghes.url.replace('/api/v3', '')}/repos/${REPO}`);
      expect(outside.status).toBe(404);
      ghes.addPull({ repo: REPO, commits: Array.from({ length: 5 }, (_, i) => fakeSha(`g${i}`)) });
      const page = await api(ghes, 'GET', `/repos/${REPO}/pulls/1/commits?per_page=2`, { auth: null });
      expect(parseLink(page.headers.get('link')).next?.url).toContain('/api/v3/repos/');
    } finally {
      await ghes.close();
    }
  });

  test('close() is clean with keep-alive connections and a pending delayed answer', async () => {
    await start();
    fake.fail('GET /repos/:owner/:repo', { status: 500, delayMs: 30_000 });
    const agent = new http.Agent({ keepAlive: true });
    const pending = new Promise<string>((resolve) => {
      const req = http.get(`${fake.url}/repos/${REPO}`, {
        agent,
        headers: { authorization: `token ${TOKEN}` },
      });
      req.on('response', () => resolve('answered'));
      req.on('error', () => resolve('closed'));
    });
    // make sure the delayed request reached the server
    for (let i = 0; i < 100 && fake.requests.length === 0; i++) await new Promise((r) => setTimeout(r, 10));
    const t0 = Date.now();
    await fake.close();
    expect(await pending).toBe('closed');
    expect(Date.now() - t0).toBeLessThan(5000);
    await fake.close(); // idempotent
    agent.destroy();
  });

  test('tap mutates state between requests (the head moves while a run is in flight)', async () => {
    await start();
    const moved = fakeSha('moved');
    const tap = fake.tap(
      `POST /repos/${REPO}/statuses/:sha`,
      (req, state) => {
        expect(req.body).toEqual({ state: 'pending' });
        state.pulls[0]!.head.sha = moved;
        state.pulls[0]!.commits.push({ ...state.pulls[0]!.commits[0]!, sha: moved });
      },
      1,
    );
    expect(obj(obj((await api(fake, 'GET', `/repos/${REPO}/pulls/7`)).json).head).sha).toBe(HEAD);
    await api(fake, 'POST', `/repos/${REPO}/statuses/${HEAD}`, { body: { state: 'pending' } });
    expect(obj(obj((await api(fake, 'GET', `/repos/${REPO}/pulls/7`)).json).head).sha).toBe(moved);
    await api(fake, 'POST', `/repos/${REPO}/statuses/${moved}`, { body: { state: 'pending' } });
    expect([tap.hits, tap.remaining]).toEqual([1, 0]);
  });

  test('makeUser infers Bot from the [bot] suffix; ids are stable', () => {
    expect(makeUser('github-actions[bot]')).toEqual({
      login: 'github-actions[bot]',
      type: 'Bot',
      id: 41898282,
    });
    expect(makeUser('alice')).toEqual(makeUser('alice'));
    expect(makeUser('alice').type).toBe('User');
  });
});

describe('fake GitHub through the real Octokit client', () => {
  test('paginate, comment create/update, status create/combined, contents, teams', async () => {
    await start();
    fake.addReview({ repo: REPO, number: 7, user: 'bob', state: 'APPROVED' });
    fake.addFile({ repo: REPO, path: '.github/ffi-surface-guard.yml', content: 'approvers: [bob]\n' });
    fake.addTeam({ org: 'octo-org', slug: 'ffi', members: ['bob'] });
    const o = { owner: 'octo-org', repo: 'ffi-lib' };
    const run = await runOctokit(fake, [
      { kind: 'paginate', call: 'pulls.listCommits', params: { ...o, pull_number: 7, per_page: 30 } },
      { kind: 'paginate', call: 'pulls.listReviews', params: { ...o, pull_number: 7 } },
      { kind: 'rest', call: 'issues.createComment', params: { ...o, issue_number: 7, body: 'first' } },
      { kind: 'paginate', call: 'issues.listComments', params: { ...o, issue_number: 7 } },
      {
        kind: 'rest',
        call: 'repos.createCommitStatus',
        params: {
          ...o,
          sha: HEAD,
          state: 'pending',
          context: 'ffi-surface/security-review',
          description: 'ok',
        },
      },
      { kind: 'rest', call: 'repos.getCombinedStatusForRef', params: { ...o, ref: HEAD } },
      { kind: 'rest', call: 'repos.getContent', params: { ...o, path: '.github/ffi-surface-guard.yml' } },
      {
        kind: 'rest',
        call: 'teams.getMembershipForUserInOrg',
        params: { org: 'octo-org', team_slug: 'ffi', username: 'bob' },
      },
      {
        kind: 'rest',
        call: 'teams.getMembershipForUserInOrg',
        params: { org: 'octo-org', team_slug: 'ffi', username: 'eve' },
      },
      {
        kind: 'request',
        route: 'GET /repos/{owner}/{repo}/pulls/{pull_number}',
        params: { ...o, pull_number: 7 },
      },
    ]);
    const [commits, reviews, created, comments, status, combined, content, member, nonMember, pull] =
      run.results;
    expect(arr(commits?.data)).toHaveLength(75);
    expect(arr(commits?.data)[74]?.sha).toBe(HEAD);
    // paginate followed the Link header: pages 1..3 at per_page=30
    expect(fake.requestsTo(`GET /repos/${REPO}/pulls/7/commits`).map((r) => r.query.page ?? '1')).toEqual([
      '1',
      '2',
      '3',
    ]);
    expect(arr(reviews?.data).map((r) => r.state)).toEqual(['APPROVED']);
    expect(created).toMatchObject({ ok: true, status: 201 });
    const id = obj(created?.data).id as number;
    expect(arr(comments?.data).map((c) => c.id)).toEqual([id]);
    expect(status).toMatchObject({ ok: true, status: 201 });
    expect(obj(combined?.data)).toMatchObject({ state: 'pending', total_count: 1 });
    expect(Buffer.from(String(obj(content?.data).content), 'base64').toString()).toBe('approvers: [bob]\n');
    expect(member).toMatchObject({ ok: true, data: { state: 'active' } });
    expect(nonMember).toMatchObject({ ok: false, status: 404 });
    expect(obj(pull?.data)).toMatchObject({ number: 7, head: { sha: HEAD } });
    expect(fake.requests.every((r) => r.headers.authorization === `token ${TOKEN}`)).toBe(true);
    expect(fake.requests[0]?.headers['user-agent']).toContain('fake-github-test');

    const update = await runOctokit(fake, [
      { kind: 'rest', call: 'issues.updateComment', params: { ...o, comment_id: id, body: 'second' } },
    ]);
    expect(update.results[0]).toMatchObject({ ok: true, status: 200 });
    expect(fake.state.comments.find((c) => c.id === id)?.body).toBe('second');
    expect(fake.state.statuses).toEqual([
      expect.objectContaining({
        sha: HEAD,
        state: 'pending',
        context: 'ffi-surface/security-review',
        description: 'ok',
      }),
    ]);
  });

  test('errors: 422 on a 141-char description; 403 not retried; 500 retried by plugin-retry', async () => {
    await start();
    const o = { owner: 'octo-org', repo: 'ffi-lib' };
    fake.fail(
      `POST /repos/${REPO}/statuses/:sha`,
      githubError(403, 'Resource not accessible by integration', { skip: 1 }),
    );
    fake.fail(`GET /repos/${REPO}/pulls/7`, { status: 500, times: 2 });
    fake.fail(`GET /repos/${REPO}/pulls/7/reviews`, { status: 502, times: 10 });
    const run = await runOctokit(fake, [
      {
        kind: 'rest',
        call: 'repos.createCommitStatus',
        params: { ...o, sha: HEAD, state: 'success', context: 'x', description: 'd'.repeat(141) },
      },
      {
        kind: 'rest',
        call: 'repos.createCommitStatus',
        params: { ...o, sha: HEAD, state: 'success', context: 'x' },
      },
      { kind: 'rest', call: 'pulls.get', params: { ...o, pull_number: 7 } },
      { kind: 'rest', call: 'pulls.listReviews', params: { ...o, pull_number: 7 } },
    ]);
    const [tooLong, forbidden, retried, exhausted] = run.results;
    expect(tooLong).toMatchObject({ ok: false, status: 422 });
    expect(tooLong?.message).toContain('description is too long (maximum is 140 characters)');
    expect(forbidden).toMatchObject({ ok: false, status: 403 });
    expect(forbidden?.message).toContain('Resource not accessible by integration');
    expect(fake.requestsTo(`POST /repos/${REPO}/statuses/:sha`).map((r) => r.status)).toEqual([422, 403]);
    expect(retried).toMatchObject({ ok: true, status: 200, data: { number: 7 } });
    expect(fake.requestsTo(`GET /repos/${REPO}/pulls/7`).map((r) => r.status)).toEqual([500, 500, 200]);
    // plugin-retry gives up after 3 retries
    expect(exhausted).toMatchObject({ ok: false, status: 502 });
    expect(fake.requestsTo(`GET /repos/${REPO}/pulls/7/reviews`)).toHaveLength(4);
    expect(fake.state.statuses).toHaveLength(0);
  });

  test('plugin-throttling waits out primary and secondary rate limits', async () => {
    await start();
    const o = { owner: 'octo-org', repo: 'ffi-lib' };
    fake.fail(`GET /repos/${REPO}`, rateLimited('secondary', { retryAfterSeconds: 1 }));
    fake.fail(`GET /repos/${REPO}/pulls/7`, rateLimited('primary', { retryAfterSeconds: 1 }));
    // a 429 is not in plugin-retry's doNotRetry list, so plugin-retry retries it before throttling sees it
    fake.fail(`GET /repos/${REPO}/pulls/7/reviews`, rateLimited('secondary', { status: 429 }));
    const run = await runOctokit(
      fake,
      [
        { kind: 'rest', call: 'repos.get', params: o },
        { kind: 'rest', call: 'pulls.get', params: { ...o, pull_number: 7 } },
        { kind: 'rest', call: 'pulls.listReviews', params: { ...o, pull_number: 7 } },
      ],
      { throttle: true },
    );
    expect(run.results.map((r) => [r.ok, r.status])).toEqual([
      [true, 200],
      [true, 200],
      [true, 200],
    ]);
    expect(run.events.map((e) => e.event)).toEqual(['secondary-rate-limit', 'rate-limit']);
    expect(run.events[0]?.retryAfter).toBe(1);
    expect(run.events[1]?.retryAfter).toBeGreaterThanOrEqual(1);
    expect(fake.requestsTo(`GET /repos/${REPO}`).map((r) => r.status)).toEqual([403, 200]);
    expect(fake.requestsTo(`GET /repos/${REPO}/pulls/7`).map((r) => r.status)).toEqual([403, 200]);
    expect(fake.requestsTo(`GET /repos/${REPO}/pulls/7/reviews`).map((r) => r.status)).toEqual([429, 200]);
  });
});
