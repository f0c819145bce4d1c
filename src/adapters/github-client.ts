/**
 * The GitHub REST API, through Octokit with the retry, throttling and pagination plugins. REST
 * only, so GitHub Enterprise Server works (`GITHUB_API_URL`). Each method returns plain data;
 * a 403 becomes a PermissionError that names the permission to add.
 */
import { Octokit } from '@octokit/core';
import { paginateRest } from '@octokit/plugin-paginate-rest';
import { restEndpointMethods } from '@octokit/plugin-rest-endpoint-methods';
import { retry } from '@octokit/plugin-retry';
import { throttling } from '@octokit/plugin-throttling';
import { TOOL_NAME, TOOL_VERSION } from '../core/version';
import { ApiError, PermissionError } from './api-errors';

export { ApiError, PermissionError };

const GitHubOctokit = Octokit.plugin(paginateRest, restEndpointMethods, retry, throttling);
type Kit = InstanceType<typeof GitHubOctokit>;

export interface GitHubUser {
  login: string;
  type: string;
}

export interface PullRequest {
  number: number;
  state: string;
  draft: boolean;
  headSha: string;
  headRef: string;
  headRepo: string | null;
  baseSha: string;
  baseRef: string;
  baseRepo: string;
  author: GitHubUser;
  htmlUrl: string;
  /** When it was merged; null while open or when closed unmerged. */
  mergedAt: string | null;
}

export interface Review {
  id: number;
  user: GitHubUser | null;
  state: string;
  commitId: string | null;
  submittedAt: string | null;
}

export interface IssueComment {
  id: number;
  body: string;
  user: GitHubUser | null;
  htmlUrl: string;
  createdAt: string;
}

export interface PullCommit {
  sha: string;
  author: string | null;
  committer: string | null;
}

/** A commit status as the API lists it, with who created it. */
export interface CommitStatus {
  state: string;
  context: string;
  description: string;
  /** Whoever created it; null when the API names nobody (a deleted account). */
  creator: GitHubUser | null;
  /** When it was created (ISO 8601); null when the API does not say. */
  createdAt: string | null;
}

export interface ClientOptions {
  token: string;
  apiUrl: string;
  owner: string;
  repo: string;
  /** Base delay of plugin-retry in ms (default 1000). */
  retryBaseMs?: number;
  log?: (message: string) => void;
}

function statusOf(e: unknown): number {
  return typeof e === 'object' &&
    e !== null &&
    'status' in e &&
    typeof (e as { status: unknown }).status === 'number'
    ? (e as { status: number }).status
    : 0;
}

function messageOf(e: unknown): string {
  if (typeof e === 'object' && e !== null && 'response' in e) {
    const data = (e as { response?: { data?: { message?: unknown } } }).response?.data;
    if (data && typeof data.message === 'string') return data.message;
  }
  return e instanceof Error ? e.message.split('\n')[0] : String(e);
}

interface RawComment {
  id: number | bigint;
  body?: string | null;
  user?: { login: string; type: string } | null;
  html_url: string;
  created_at: string;
}

function toComment(c: RawComment): IssueComment {
  return {
    id: Number(c.id),
    body: c.body ?? '',
    user: c.user ? { login: c.user.login, type: c.user.type } : null,
    htmlUrl: c.html_url,
    createdAt: c.created_at,
  };
}

export class GitHubClient {
  private readonly kit: Kit;
  readonly owner: string;
  readonly repo: string;

  constructor(o: ClientOptions) {
    this.owner = o.owner;
    this.repo = o.repo;
    const log = o.log ?? (() => undefined);
    this.kit = new GitHubOctokit({
      auth: o.token,
      baseUrl: o.apiUrl.replace(/\/+$/, ''),
      userAgent: `${TOOL_NAME}/${TOOL_VERSION}`,
      retry: { doNotRetry: [400, 401, 403, 404, 410, 422, 451], retryAfterBaseValue: o.retryBaseMs ?? 1000 },
      throttle: {
        onRateLimit: (retryAfter: number, _options: unknown, _kit: unknown, retryCount: number) => {
          log(`GitHub API rate limit hit; retrying after ${retryAfter}s`);
          return retryCount < 2 && retryAfter <= 60;
        },
        onSecondaryRateLimit: (retryAfter: number, _options: unknown, _kit: unknown, retryCount: number) => {
          log(`GitHub API secondary rate limit hit; retrying after ${retryAfter}s`);
          return retryCount < 2 && retryAfter <= 60;
        },
      },
      log: { debug: () => undefined, info: () => undefined, warn: log, error: log },
    });
  }

  /** Runs one API call; turns failures into ApiError / PermissionError with a clear message. */
  private async call<T>(what: string, permission: string, fn: () => Promise<T>): Promise<T> {
    try {
      return await fn();
    } catch (e) {
      const status = statusOf(e);
      const msg = messageOf(e);
      if (status === 403 && !/rate limit/i.test(msg))
        throw new PermissionError(
          `${what} was refused (403: ${msg}); the workflow token needs \`${permission}\``,
          permission,
        );
      throw new ApiError(`${what} failed${status ? ` (${status})` : ''}: ${msg}`, status);
    }
  }

  async getRepository(): Promise<{ defaultBranch: string; htmlUrl: string }> {
    return this.call('reading the repository', 'contents: read', async () => {
      const r = await this.kit.rest.repos.get({ owner: this.owner, repo: this.repo });
      return { defaultBranch: r.data.default_branch, htmlUrl: r.data.html_url };
    });
  }

  async getPull(n: number): Promise<PullRequest> {
    return this.call(`reading pull request #${n}`, 'pull-requests: read', async () => {
      const { data } = await this.kit.rest.pulls.get({ owner: this.owner, repo: this.repo, pull_number: n });
      return {
        number: data.number,
        state: data.state,
        draft: data.draft ?? false,
        headSha: data.head.sha,
        headRef: data.head.ref,
        headRepo: data.head.repo?.full_name ?? null,
        baseSha: data.base.sha,
        baseRef: data.base.ref,
        baseRepo: data.base.repo.full_name,
        author: { login: data.user?.login ?? '', type: data.user?.type ?? 'User' },
        htmlUrl: data.html_url,
        mergedAt: data.merged_at ?? null,
      };
    });
  }

  /** Open pull requests whose head is `sha` (for `workflow_run`, where forks leave `pull_requests` empty). */
  async findPullsByHead(sha: string): Promise<number[]> {
    return this.call('listing pull requests', 'pull-requests: read', async () => {
      const pulls = await this.kit.paginate(this.kit.rest.pulls.list, {
        owner: this.owner,
        repo: this.repo,
        state: 'open',
        per_page: 100,
      });
      return pulls.filter((p) => p.head.sha === sha).map((p) => p.number);
    });
  }

  async listPullCommits(n: number): Promise<PullCommit[]> {
    return this.call(`listing commits of #${n}`, 'pull-requests: read', async () => {
      const commits = await this.kit.paginate(this.kit.rest.pulls.listCommits, {
        owner: this.owner,
        repo: this.repo,
        pull_number: n,
        per_page: 100,
      });
      return commits.map((c) => ({
        sha: c.sha,
        author: c.author?.login ?? null,
        committer: c.committer?.login ?? null,
      }));
    });
  }

  async listReviews(n: number): Promise<Review[]> {
    return this.call(`listing reviews of #${n}`, 'pull-requests: read', async () => {
      const reviews = await this.kit.paginate(this.kit.rest.pulls.listReviews, {
        owner: this.owner,
        repo: this.repo,
        pull_number: n,
        per_page: 100,
      });
      return reviews.map((r) => ({
        id: Number(r.id),
        user: r.user ? { login: r.user.login, type: r.user.type } : null,
        state: r.state,
        commitId: r.commit_id ?? null,
        submittedAt: r.submitted_at ?? null,
      }));
    });
  }

  async listComments(n: number): Promise<IssueComment[]> {
    return this.call(`listing comments of #${n}`, 'pull-requests: read', async () => {
      const comments = await this.kit.paginate(this.kit.rest.issues.listComments, {
        owner: this.owner,
        repo: this.repo,
        issue_number: n,
        per_page: 100,
      });
      return comments.map(toComment);
    });
  }

  async createComment(n: number, body: string): Promise<IssueComment> {
    return this.call(`commenting on #${n}`, 'pull-requests: write', async () => {
      const { data: c } = await this.kit.rest.issues.createComment({
        owner: this.owner,
        repo: this.repo,
        issue_number: n,
        body,
      });
      return toComment(c);
    });
  }

  async updateComment(id: number, body: string): Promise<IssueComment> {
    return this.call('updating the report comment', 'pull-requests: write', async () => {
      const { data: c } = await this.kit.rest.issues.updateComment({
        owner: this.owner,
        repo: this.repo,
        comment_id: id,
        body,
      });
      return toComment(c);
    });
  }

  async deleteComment(id: number): Promise<void> {
    await this.call('deleting a duplicate report comment', 'pull-requests: write', async () => {
      await this.kit.rest.issues.deleteComment({ owner: this.owner, repo: this.repo, comment_id: id });
    });
  }

  async createStatus(
    sha: string,
    state: 'success' | 'pending' | 'failure' | 'error',
    context: string,
    description: string,
    targetUrl?: string,
  ): Promise<void> {
    await this.call(`setting the commit status on ${sha.slice(0, 12)}`, 'statuses: write', async () => {
      await this.kit.rest.repos.createCommitStatus({
        owner: this.owner,
        repo: this.repo,
        sha,
        state,
        context,
        description,
        ...(targetUrl ? { target_url: targetUrl } : {}),
      });
    });
  }

  /** Latest status of `context` on `sha`, or null. */
  async getStatus(sha: string, context: string): Promise<{ state: string; description: string } | null> {
    return this.call(`reading statuses of ${sha.slice(0, 12)}`, 'statuses: read', async () => {
      const { data } = await this.kit.rest.repos.getCombinedStatusForRef({
        owner: this.owner,
        repo: this.repo,
        ref: sha,
        per_page: 100,
      });
      const s = data.statuses.find((x) => x.context === context);
      return s ? { state: s.state, description: s.description ?? '' } : null;
    });
  }

  /**
   * Every status of `sha`, newest first, with its creator (`GET /repos/{o}/{r}/commits/{ref}/statuses`,
   * paginated): unlike the combined status, it says who set each one.
   */
  async listStatuses(sha: string): Promise<CommitStatus[]> {
    return this.call(`listing statuses of ${sha.slice(0, 12)}`, 'statuses: read', async () => {
      const statuses = await this.kit.paginate(this.kit.rest.repos.listCommitStatusesForRef, {
        owner: this.owner,
        repo: this.repo,
        ref: sha,
        per_page: 100,
      });
      return statuses.map((s) => ({
        state: s.state,
        context: s.context,
        description: s.description ?? '',
        creator: s.creator ? { login: s.creator.login, type: s.creator.type } : null,
        createdAt: s.created_at ?? null,
      }));
    });
  }

  /** Whether `login` is an active member of `org/team`. Fails (never answers false) when membership cannot be read. */
  async isTeamMember(org: string, team: string, login: string): Promise<boolean> {
    try {
      const { data } = await this.kit.rest.teams.getMembershipForUserInOrg({
        org,
        team_slug: team,
        username: login,
      });
      return data.state === 'active';
    } catch (e) {
      const status = statusOf(e);
      if (status === 404) return false;
      if (status === 403 || status === 401)
        throw new PermissionError(
          `cannot read the members of ${org}/${team} (${status}: ${messageOf(e)}); the token needs \`read:org\` (a GitHub App: \`members: read\`)`,
          'read:org',
        );
      throw new ApiError(
        `reading the members of ${org}/${team} failed${status ? ` (${status})` : ''}: ${messageOf(e)}`,
        status,
      );
    }
  }

  /** A file's text on `ref`, or null when it does not exist. */
  async getFile(path: string, ref: string): Promise<string | null> {
    try {
      const { data } = await this.kit.rest.repos.getContent({
        owner: this.owner,
        repo: this.repo,
        path,
        ref,
      });
      if (Array.isArray(data) || data.type !== 'file' || !('content' in data)) return null;
      return Buffer.from(data.content, 'base64').toString('utf8');
    } catch (e) {
      const status = statusOf(e);
      if (status === 404) return null;
      if (status === 403)
        throw new PermissionError(
          `reading ${path} was refused (403: ${messageOf(e)}); the workflow token needs \`contents: read\``,
          'contents: read',
        );
      throw new ApiError(
        `reading ${path} on ${ref} failed${status ? ` (${status})` : ''}: ${messageOf(e)}`,
        status,
      );
    }
  }

  async listTags(): Promise<{ name: string; sha: string }[]> {
    return this.call('listing tags', 'contents: read', async () => {
      const tags = await this.kit.paginate(this.kit.rest.repos.listTags, {
        owner: this.owner,
        repo: this.repo,
        per_page: 100,
      });
      return tags.map((t) => ({ name: t.name, sha: t.commit.sha }));
    });
  }

  /** Pull requests associated with a commit (merged PRs, for the release step). */
  async pullsOfCommit(sha: string): Promise<number[]> {
    return this.call(`listing pull requests of ${sha.slice(0, 12)}`, 'pull-requests: read', async () => {
      const pulls = await this.kit.paginate(this.kit.rest.repos.listPullRequestsAssociatedWithCommit, {
        owner: this.owner,
        repo: this.repo,
        commit_sha: sha,
        per_page: 100,
      });
      return pulls.map((p) => p.number);
    });
  }
}
