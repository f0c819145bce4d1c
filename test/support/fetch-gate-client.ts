/**
 * The API calls the gates make (`GateClient`), over plain HTTP to the fake GitHub API, for
 * in-process tests of the gate orchestration: the real client is built on Octokit, which is
 * ESM-only and cannot load inside Jest. The mapping of the JSON follows src/adapters/github-client.ts;
 * a non-2xx answer throws (a 403 as PermissionError), pagination follows `Link: rel="next"`.
 */
import { ApiError, PermissionError } from '../../src/adapters/api-errors';
import type {
  CommitStatus,
  IssueComment,
  PullCommit,
  PullRequest,
  Review,
} from '../../src/adapters/github-client';
import type { GateClient } from '../../src/app/pull-approvals';

type Json = Record<string, unknown>;

interface RawUser {
  login: string;
  type: string;
}

export class FetchGateClient implements GateClient {
  constructor(
    private readonly apiUrl: string,
    private readonly owner = 'octo',
    private readonly repo = 'lib',
  ) {}

  private async call(
    method: string,
    route: string,
    body?: Json,
  ): Promise<{ data: unknown; next: string | null }> {
    const url = route.startsWith('http') ? route : `${this.apiUrl}${route}`;
    const r = await fetch(url, {
      method,
      headers: { accept: 'application/vnd.github+json', 'content-type': 'application/json' },
      body: body ? JSON.stringify(body) : undefined,
    });
    const text = await r.text();
    const data: unknown = text ? JSON.parse(text) : null;
    if (!r.ok) {
      const message = (data as { message?: string } | null)?.message ?? r.statusText;
      if (r.status === 403)
        throw new PermissionError(`${method} ${route} was refused (403: ${message})`, '?');
      throw new ApiError(`${method} ${route} failed (${r.status}): ${message}`, r.status);
    }
    const next = /<([^>]+)>;\s*rel="next"/.exec(r.headers.get('link') ?? '')?.[1] ?? null;
    return { data, next };
  }

  private async all<T>(route: string): Promise<T[]> {
    const out: T[] = [];
    let url: string | null = `${route}${route.includes('?') ? '&' : '?'}per_page=100`;
    while (url) {
      const page: { data: unknown; next: string | null } = await this.call('GET', url);
      out.push(...(page.data as T[]));
      url = page.next;
    }
    return out;
  }

  private get base(): string {
    return `/repos/${this.owner}/${this.repo}`;
  }

  async getPull(n: number): Promise<PullRequest> {
    const d = (await this.call('GET', `${this.base}/pulls/${n}`)).data as Json & {
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
    const list = await this.all<Json & { user: RawUser | null }>(`${this.base}/issues/${n}/comments`);
    return list.map((c) => ({
      id: Number(c.id),
      body: (c.body as string | null) ?? '',
      user: c.user ? { login: c.user.login, type: c.user.type } : null,
      htmlUrl: c.html_url as string,
      createdAt: c.created_at as string,
    }));
  }

  async listReviews(n: number): Promise<Review[]> {
    const list = await this.all<Json & { user: RawUser | null }>(`${this.base}/pulls/${n}/reviews`);
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
      `${this.base}/pulls/${n}/commits`,
    );
    return list.map((c) => ({
      sha: c.sha,
      author: c.author?.login ?? null,
      committer: c.committer?.login ?? null,
    }));
  }

  async isTeamMember(org: string, team: string, login: string): Promise<boolean> {
    try {
      const d = (await this.call('GET', `/orgs/${org}/teams/${team}/memberships/${login}`)).data as Json;
      return d.state === 'active';
    } catch (e) {
      if (e instanceof ApiError && e.status === 404) return false;
      throw e;
    }
  }

  async listStatuses(sha: string): Promise<CommitStatus[]> {
    const list = await this.all<Json & { creator: RawUser | null }>(`${this.base}/commits/${sha}/statuses`);
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
    await this.call('POST', `${this.base}/statuses/${sha}`, {
      state,
      context,
      description,
      ...(targetUrl ? { target_url: targetUrl } : {}),
    });
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
    return this.comment((await this.call('POST', `${this.base}/issues/${n}/comments`, { body })).data);
  }

  async updateComment(id: number, body: string): Promise<IssueComment> {
    return this.comment((await this.call('PATCH', `${this.base}/issues/comments/${id}`, { body })).data);
  }

  async deleteComment(id: number): Promise<void> {
    await this.call('DELETE', `${this.base}/issues/comments/${id}`);
  }
}
