/**
 * The API calls the gates make (`GateClient`, `ReleaseClient`, `ConfigClient`), over plain HTTP to
 * the fake GitHub API, for in-process tests of the gate orchestration: the real client is built on
 * Octokit, which is ESM-only and cannot load inside Jest. The mapping of the JSON and the error
 * messages follow src/adapters/github-client.ts: a non-2xx answer throws (a 403 that is not a rate
 * limit as PermissionError naming the permission), a 5xx answer is retried 3 times, pagination
 * follows `Link: rel="next"`.
 */
import { ApiError, PermissionError } from '../../src/adapters/api-errors';
import type {
  CommitStatus,
  IssueComment,
  PullCommit,
  PullRequest,
  Review,
} from '../../src/adapters/github-client';
import type { ConfigClient } from '../../src/app/gate-config';
import type { GateClient } from '../../src/app/pull-approvals';
import type { ReleaseClient } from '../../src/app/release-gate';

type Json = Record<string, unknown>;

interface RawUser {
  login: string;
  type: string;
}

export class FetchGateClient implements GateClient, ReleaseClient, ConfigClient {
  constructor(
    private readonly apiUrl: string,
    private readonly owner = 'octo',
    private readonly repo = 'lib',
  ) {}

  private async request(
    method: string,
    route: string,
    body?: Json,
  ): Promise<{ status: number; data: unknown; message: string; next: string | null }> {
    const url = route.startsWith('http') ? route : `${this.apiUrl}${route}`;
    const r = await fetch(url, {
      method,
      headers: { accept: 'application/vnd.github+json', 'content-type': 'application/json' },
      body: body ? JSON.stringify(body) : undefined,
    });
    const text = await r.text();
    const data: unknown = text ? JSON.parse(text) : null;
    const message = (data as { message?: string } | null)?.message ?? r.statusText;
    const next = /<([^>]+)>;\s*rel="next"/.exec(r.headers.get('link') ?? '')?.[1] ?? null;
    return { status: r.status, data, message, next };
  }

  /** One request; `what` and `permission` name it in errors, as the real client does. */
  private async call(
    what: string,
    permission: string,
    method: string,
    route: string,
    body?: Json,
  ): Promise<{ data: unknown; next: string | null }> {
    let r = await this.request(method, route, body);
    // a 5xx answer is retried up to 3 times, as Octokit's retry plugin does for the real client
    for (let retry = 0; retry < 3 && r.status >= 500; retry++) r = await this.request(method, route, body);
    if (r.status >= 200 && r.status < 300) return { data: r.data, next: r.next };
    if (r.status === 403 && !/rate limit/i.test(r.message))
      throw new PermissionError(
        `${what} was refused (403: ${r.message}); the workflow token needs \`${permission}\``,
        permission,
      );
    throw new ApiError(`${what} failed (${r.status}): ${r.message}`, r.status);
  }

  private async all<T>(what: string, permission: string, route: string): Promise<T[]> {
    const out: T[] = [];
    let url: string | null = `${route}${route.includes('?') ? '&' : '?'}per_page=100`;
    while (url) {
      const page: { data: unknown; next: string | null } = await this.call(what, permission, 'GET', url);
      out.push(...(page.data as T[]));
      url = page.next;
    }
    return out;
  }

  private get base(): string {
    return `/repos/${this.owner}/${this.repo}`;
  }

  async getPull(n: number): Promise<PullRequest> {
    const d = (
      await this.call(`reading pull request #${n}`, 'pull-requests: read', 'GET', `${this.base}/pulls/${n}`)
    ).data as Json & {
      head: { sha: string; ref: string; repo: { full_name: string } | null };
      base: { sha: string; ref: string; repo: { full_name: string } };
      user: RawUser | null;
    };
    return {
      number: d.number as number,
      state: d.state as string,
      draft: (d.draft as boolean | undefined) ?? false,
      headSha: d.head.sha,
      headRef: d.head.ref,
      headRepo: d.head.repo?.full_name ?? null,
      baseSha: d.base.sha,
      baseRef: d.base.ref,
      baseRepo: d.base.repo.full_name,
      author: { login: d.user?.login ?? '', type: d.user?.type ?? 'User' },
      htmlUrl: d.html_url as string,
      mergedAt: (d.merged_at as string | null) ?? null,
    };
  }

  async listComments(n: number): Promise<IssueComment[]> {
    const list = await this.all<Json & { user: RawUser | null }>(
      `listing comments of #${n}`,
      'pull-requests: read',
      `${this.base}/issues/${n}/comments`,
    );
    return list.map((c) => ({
      id: Number(c.id),
      body: (c.body as string | null) ?? '',
      user: c.user ? { login: c.user.login, type: c.user.type } : null,
      htmlUrl: c.html_url as string,
      createdAt: c.created_at as string,
    }));
  }

  async listReviews(n: number): Promise<Review[]> {
    const list = await this.all<Json & { user: RawUser | null }>(
      `listing reviews of #${n}`,
      'pull-requests: read',
      `${this.base}/pulls/${n}/reviews`,
    );
    return list.map((r) => ({
      id: Number(r.id),
      user: r.user ? { login: r.user.login, type: r.user.type } : null,
      state: r.state as string,
      commitId: (r.commit_id as string | null) ?? null,
      submittedAt: (r.submitted_at as string | null) ?? null,
    }));
  }

  async listPullCommits(n: number): Promise<PullCommit[]> {
    const list = await this.all<{ sha: string; author: RawUser | null; committer: RawUser | null }>(
      `listing commits of #${n}`,
      'pull-requests: read',
      `${this.base}/pulls/${n}/commits`,
    );
    return list.map((c) => ({
      sha: c.sha,
      author: c.author?.login ?? null,
      committer: c.committer?.login ?? null,
    }));
  }

  async isTeamMember(org: string, team: string, login: string): Promise<boolean> {
    const r = await this.request('GET', `/orgs/${org}/teams/${team}/memberships/${login}`);
    if (r.status >= 200 && r.status < 300) return (r.data as Json).state === 'active';
    if (r.status === 404) return false;
    if (r.status === 403 || r.status === 401)
      throw new PermissionError(
        `cannot read the members of ${org}/${team} (${r.status}: ${r.message}); the token needs \`read:org\` (a GitHub App: \`members: read\`)`,
        'read:org',
      );
    throw new ApiError(`reading the members of ${org}/${team} failed (${r.status}): ${r.message}`, r.status);
  }

  async listStatuses(sha: string): Promise<CommitStatus[]> {
    const list = await this.all<Json & { creator: RawUser | null }>(
      `listing statuses of ${sha.slice(0, 12)}`,
      'statuses: read',
      `${this.base}/commits/${sha}/statuses`,
    );
    return list.map((s) => ({
      state: s.state as string,
      context: s.context as string,
      description: (s.description as string | null) ?? '',
      creator: s.creator ? { login: s.creator.login, type: s.creator.type } : null,
      createdAt: (s.created_at as string | null) ?? null,
    }));
  }

  async createStatus(
    sha: string,
    state: 'success' | 'pending' | 'failure' | 'error',
    context: string,
    description: string,
    targetUrl?: string,
  ): Promise<void> {
    await this.call(
      `setting the commit status on ${sha.slice(0, 12)}`,
      'statuses: write',
      'POST',
      `${this.base}/statuses/${sha}`,
      {
        state,
        context,
        description,
        ...(targetUrl ? { target_url: targetUrl } : {}),
      },
    );
  }

  async getRepository(): Promise<{ defaultBranch: string; htmlUrl: string }> {
    const d = (await this.call('reading the repository', 'contents: read', 'GET', this.base)).data as Json;
    return { defaultBranch: d.default_branch as string, htmlUrl: d.html_url as string };
  }

  async getFile(path: string, ref: string): Promise<string | null> {
    const route = `${this.base}/contents/${path.split('/').map(encodeURIComponent).join('/')}?ref=${encodeURIComponent(ref)}`;
    let d: Json;
    try {
      d = (await this.call(`reading ${path} on ${ref}`, 'contents: read', 'GET', route)).data as Json;
    } catch (e) {
      if (e instanceof ApiError && e.status === 404) return null;
      throw e;
    }
    if (Array.isArray(d) || d.type !== 'file' || typeof d.content !== 'string') return null;
    return Buffer.from(d.content, 'base64').toString('utf8');
  }

  async pullsOfCommit(sha: string): Promise<number[]> {
    const list = await this.all<{ number: number }>(
      `listing pull requests of ${sha.slice(0, 12)}`,
      'pull-requests: read',
      `${this.base}/commits/${sha}/pulls`,
    );
    return list.map((p) => p.number);
  }

  private comment(d: unknown): IssueComment {
    const c = d as Json & { user: RawUser | null };
    return {
      id: Number(c.id),
      body: (c.body as string | null) ?? '',
      user: c.user ? { login: c.user.login, type: c.user.type } : null,
      htmlUrl: c.html_url as string,
      createdAt: c.created_at as string,
    };
  }

  async createComment(n: number, body: string): Promise<IssueComment> {
    return this.comment(
      (
        await this.call(
          `commenting on #${n}`,
          'pull-requests: write',
          'POST',
          `${this.base}/issues/${n}/comments`,
          { body },
        )
      ).data,
    );
  }

  async updateComment(id: number, body: string): Promise<IssueComment> {
    return this.comment(
      (
        await this.call(
          'updating the report comment',
          'pull-requests: write',
          'PATCH',
          `${this.base}/issues/comments/${id}`,
          { body },
        )
      ).data,
    );
  }

  async deleteComment(id: number): Promise<void> {
    await this.call(
      'deleting a duplicate report comment',
      'pull-requests: write',
      'DELETE',
      `${this.base}/issues/comments/${id}`,
    );
  }
}
