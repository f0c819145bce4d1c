/**
 * An in-process stand-in for the GitHub REST API (v3), for tests that run the Action against
 * `GITHUB_API_URL=<fake.url>` through the real Octokit client.
 *
 * - State is plain data (`fake.state`) that tests read and mutate between requests; every request
 *   reads it afresh. The `add*` helpers fill in realistic defaults and allocate ids.
 * - Responses carry the fields GitHub returns that a client reads, GitHub's headers
 *   (`x-ratelimit-*`, `x-github-request-id`, `Link` for pagination) and GitHub-shaped errors
 *   (`{ message, documentation_url, status }`, 422 `errors[]`).
 * - `fail()` injects faults (status codes, rate limits, delays, connection resets) for the next N
 *   matching requests; `requests` logs everything the client sent.
 *
 * Bounded: request bodies are capped, the log is capped, delays are capped and cancelled by
 * `close()`, which also drops keep-alive connections.
 */
import { createHash, randomBytes } from 'node:crypto';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';

// ---------------------------------------------------------------------------------------------
// State

export type UserType = 'User' | 'Bot' | 'Organization';
export type Permission = 'none' | 'read' | 'write';
export type PermissionName = 'metadata' | 'contents' | 'issues' | 'pull_requests' | 'statuses' | 'members';
export type StatusState = 'error' | 'failure' | 'pending' | 'success';
export type ReviewState = 'APPROVED' | 'CHANGES_REQUESTED' | 'COMMENTED' | 'DISMISSED' | 'PENDING';
export type AuthorAssociation =
  'OWNER' | 'MEMBER' | 'COLLABORATOR' | 'CONTRIBUTOR' | 'FIRST_TIME_CONTRIBUTOR' | 'FIRST_TIMER' | 'NONE';

export interface FakeUser {
  login: string;
  type: UserType;
  id: number;
}

export interface FakeRepo {
  /** `owner/name`; routes match it case-insensitively, like GitHub. */
  fullName: string;
  id: number;
  defaultBranch: string;
  private: boolean;
  fork: boolean;
  ownerType: 'User' | 'Organization';
  /** Branch name → head SHA (used to resolve `ref`s). */
  branches: Record<string, string>;
}

export interface FakeCommit {
  sha: string;
  message: string;
  /** The GitHub account linked to the commit's author e-mail, or null when none is. */
  author: FakeUser | null;
  committer: FakeUser | null;
  authorName: string;
  authorEmail: string;
  date: string;
  parents: string[];
}

export interface FakePull {
  id: number;
  /** Base repository, `owner/name`. */
  repo: string;
  number: number;
  state: 'open' | 'closed';
  draft: boolean;
  locked: boolean;
  title: string;
  body: string | null;
  user: FakeUser;
  /** `repo` is the head repository's full name (a fork when it differs from the base), or null when deleted. */
  head: { sha: string; ref: string; repo: string | null };
  base: { sha: string; ref: string };
  /** In order, oldest first; `GET …/pulls/{n}/commits` serves at most 250 of them, like GitHub. */
  commits: FakeCommit[];
  mergedAt: string | null;
  mergeCommitSha: string | null;
  closedAt: string | null;
  createdAt: string;
  updatedAt: string;
  labels: string[];
  authorAssociation: AuthorAssociation;
}

export interface FakeReview {
  id: number;
  repo: string;
  number: number;
  /** null: a deleted account. */
  user: FakeUser | null;
  /** PENDING reviews are not listed, like GitHub does for other users' drafts. */
  state: ReviewState;
  commitId: string;
  submittedAt: string;
  body: string;
  authorAssociation: AuthorAssociation;
}

export interface FakeComment {
  id: number;
  repo: string;
  /** Issue or pull-request number. */
  number: number;
  user: FakeUser | null;
  body: string;
  createdAt: string;
  updatedAt: string;
  authorAssociation: AuthorAssociation;
}

export interface FakeStatus {
  id: number;
  repo: string;
  sha: string;
  state: StatusState;
  context: string;
  description: string | null;
  targetUrl: string | null;
  creator: FakeUser;
  createdAt: string;
  updatedAt: string;
}

export interface FakeTeamMember {
  login: string;
  role: 'member' | 'maintainer';
  /** `pending`: invited, not yet a member (membership answers state 'pending'; not listed in members). */
  state: 'active' | 'pending';
}

export interface FakeTeam {
  org: string;
  slug: string;
  id: number;
  name: string;
  members: FakeTeamMember[];
}

export interface FakeFile {
  repo: string;
  /** Branch, tag or SHA the file lives at; files match a requested ref by name or by resolved SHA. */
  ref: string;
  path: string;
  content: string | Buffer;
}

export interface FakeTag {
  repo: string;
  name: string;
  sha: string;
}

export interface FakeRelease {
  id: number;
  repo: string;
  tagName: string;
  targetCommitish: string;
  name: string | null;
  body: string | null;
  draft: boolean;
  prerelease: boolean;
  author: FakeUser;
  createdAt: string;
  publishedAt: string | null;
}

export interface FakeRateLimit {
  limit: number;
  remaining: number;
  /** Epoch seconds; when `remaining` is 0 requests answer 403 until then, after which the budget refills. */
  reset: number;
  used: number;
}

export interface FakeState {
  /** When set, every request must send `authorization: token <it>` or `Bearer <it>`, else 401. */
  token: string | null;
  /** Identity behind the token: author of comments and creator of statuses the server creates. */
  tokenLogin: string;
  tokenUserType: 'User' | 'Bot';
  /** Token permissions; a route needing more answers 403 "Resource not accessible by integration". */
  permissions: Partial<Record<PermissionName, Permission>>;
  repos: FakeRepo[];
  pulls: FakePull[];
  reviews: FakeReview[];
  comments: FakeComment[];
  statuses: FakeStatus[];
  teams: FakeTeam[];
  files: FakeFile[];
  tags: FakeTag[];
  releases: FakeRelease[];
  /** Extra commit SHAs that exist, besides those of pulls, branches, tags and existing statuses. */
  commits: string[];
  /** When true (default), statuses on an unknown SHA answer 422/404 "No commit found for SHA" like GitHub. */
  strictShas: boolean;
  rateLimit: FakeRateLimit;
  /** Next id to allocate; starts above 2^31 because real comment and status ids are that large. */
  nextId: number;
}

// ---------------------------------------------------------------------------------------------
// Requests, faults and custom routes

export interface LoggedRequest {
  method: string;
  /** Path below the API root (a GHES `pathPrefix` is stripped), undecoded, without the query. */
  path: string;
  query: Record<string, string>;
  /** Parsed JSON body, or undefined when empty or unparseable. */
  body: unknown;
  rawBody: string;
  headers: {
    authorization?: string;
    accept?: string;
    'user-agent'?: string;
    'content-type'?: string;
    'x-github-api-version'?: string;
  };
  /** Response status; 0 while in flight or when the connection was reset. */
  status: number;
  /** True when an injected fault answered. */
  fault: boolean;
  at: number;
}

/**
 * `'POST /repos/o/r/statuses/:sha'`, `'/repos/o/r/pulls/*rest'` (any method), `'* /path'`;
 * `:name` is one segment, `*name` any remainder. A RegExp is tested against `'METHOD /path?query'`.
 */
export type RouteMatcher = string | RegExp | ((request: LoggedRequest) => boolean);

export interface FaultResponse {
  /** Default 500. */
  status?: number;
  /** Shorthand for the body `{ message, documentation_url, status }`. */
  message?: string;
  /** Full JSON body; overrides `message`. */
  body?: unknown;
  /** Added to (and overriding) the default GitHub headers. */
  headers?: Record<string, string>;
  /** How many matching requests to fail; default 1, `Infinity` for all. */
  times?: number;
  /** Let this many matching requests through first. */
  skip?: number;
  /** Wait before answering (capped at 30 s; `close()` cancels). */
  delayMs?: number;
  /** Destroy the socket instead of answering. */
  resetConnection?: boolean;
}

export interface Fault {
  /** Requests this fault answered. */
  readonly hits: number;
  /** Requests it will still answer. */
  readonly remaining: number;
  cancel(): void;
}

export interface RouteContext {
  method: string;
  path: string;
  params: Record<string, string>;
  query: Record<string, string>;
  body: unknown;
  headers: http.IncomingHttpHeaders;
  state: FakeState;
  /** The API root as the client sees it (fake.url). */
  baseUrl: string;
}

export interface RouteReply {
  status: number;
  body?: unknown;
  /** Raw payload instead of JSON (then set content-type in headers). */
  raw?: string | Buffer;
  headers?: Record<string, string>;
}

export type RouteHandler = (ctx: RouteContext) => RouteReply;

// ---------------------------------------------------------------------------------------------
// Helper inputs

export interface PullInput {
  repo: string;
  number?: number;
  user?: string | FakeUser;
  title?: string;
  body?: string | null;
  state?: 'open' | 'closed';
  draft?: boolean;
  locked?: boolean;
  head?: Partial<FakePull['head']>;
  base?: Partial<FakePull['base']>;
  /** SHAs or commits, oldest first; default: one commit, the head. */
  commits?: Array<string | (Partial<FakeCommit> & { sha: string })>;
  mergedAt?: string | null;
  mergeCommitSha?: string | null;
  closedAt?: string | null;
  labels?: string[];
  authorAssociation?: AuthorAssociation;
}

export interface ReviewInput {
  repo: string;
  number: number;
  user: string | FakeUser | null;
  state: ReviewState;
  /** Default: the pull's current head SHA. */
  commitId?: string;
  body?: string;
  submittedAt?: string;
  authorAssociation?: AuthorAssociation;
}

export interface CommentInput {
  repo: string;
  number: number;
  body: string;
  /** Default: the token identity. */
  user?: string | FakeUser | null;
  createdAt?: string;
  updatedAt?: string;
  authorAssociation?: AuthorAssociation;
}

export interface StatusInput {
  repo: string;
  sha: string;
  state: StatusState;
  context?: string;
  description?: string | null;
  targetUrl?: string | null;
  /** Default: the token identity. */
  creator?: string | FakeUser;
}

export interface FakeGitHub {
  /** API root, e.g. `http://127.0.0.1:PORT` (plus the GHES prefix if any): use as GITHUB_API_URL. */
  readonly url: string;
  readonly port: number;
  readonly state: FakeState;
  /** Every request received, oldest first (capped at 10 000, oldest dropped). */
  readonly requests: LoggedRequest[];
  /** Answer the next matching requests with `response` instead of the normal reply. */
  fail(matcher: RouteMatcher, response?: FaultResponse): Fault;
  clearFaults(): void;
  /**
   * Run `fn` when a matching request arrives, before it is answered (at most `times` times, default
   * unlimited): e.g. move the PR head while the Action is between two calls. `fn` may mutate `state`.
   */
  tap(matcher: RouteMatcher, fn: (request: LoggedRequest, state: FakeState) => void, times?: number): Fault;
  /** Add or override a route (`'GET /repos/:owner/:repo/pulls/:n/files'`); checked before built-ins. */
  on(route: string, handler: RouteHandler): void;
  /** The logged requests a matcher selects. */
  requestsTo(matcher: RouteMatcher): LoggedRequest[];
  /** The identity behind the token, as a user. */
  tokenUser(): FakeUser;
  addRepo(input: Partial<FakeRepo> & { fullName: string }): FakeRepo;
  addPull(input: PullInput): FakePull;
  addReview(input: ReviewInput): FakeReview;
  addComment(input: CommentInput): FakeComment;
  addStatus(input: StatusInput): FakeStatus;
  addTeam(input: {
    org: string;
    slug: string;
    name?: string;
    members?: Array<string | (Partial<FakeTeamMember> & { login: string })>;
  }): FakeTeam;
  addFile(input: { repo: string; path: string; content: string | Buffer; ref?: string }): FakeFile;
  addTag(input: FakeTag): FakeTag;
  addRelease(input: Partial<FakeRelease> & { repo: string; tagName: string }): FakeRelease;
  close(): Promise<void>;
}

export interface FakeGitHubOptions {
  /** Serve under a path prefix, as GitHub Enterprise Server does (`/api/v3`). */
  pathPrefix?: string;
}

// ---------------------------------------------------------------------------------------------
// Small pure helpers (exported for tests)

const KNOWN_USER_IDS: Record<string, number> = {
  'github-actions[bot]': 41898282,
  'dependabot[bot]': 49699333,
  octocat: 583231,
};

/** A stable, realistic user id for a login. */
export function userId(login: string): number {
  const known = KNOWN_USER_IDS[login.toLowerCase()];
  if (known !== undefined) return known;
  const h = createHash('sha256').update(login.toLowerCase()).digest();
  return 1_000_000 + (h.readUInt32BE(0) % 150_000_000);
}

/** A user; the type is Bot when the login ends in `[bot]`. */
export function makeUser(login: string, type?: UserType): FakeUser {
  return { login, type: type ?? (login.endsWith('[bot]') ? 'Bot' : 'User'), id: userId(login) };
}

/** A deterministic 40-hex SHA from a seed (random without one). */
export function fakeSha(seed?: string): string {
  return seed === undefined
    ? randomBytes(20).toString('hex')
    : createHash('sha1').update(`fake-sha:${seed}`).digest('hex');
}

/** GitHub's timestamp format: ISO 8601 to the second. */
export function isoTime(date: Date = new Date()): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** The git blob SHA of some content, as the contents API reports it. */
export function gitBlobSha(content: string | Buffer): string {
  const bytes = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
  return createHash('sha1').update(`blob ${bytes.length}\0`).update(bytes).digest('hex');
}

/** A GitHub-shaped error response for `fail()`. */
export function githubError(status: number, message?: string, extra: FaultResponse = {}): FaultResponse {
  return { ...extra, status, message: message ?? http.STATUS_CODES[status] ?? 'Error' };
}

/**
 * A rate-limit answer for `fail()`: `primary` (403/429 with `x-ratelimit-remaining: 0` and a reset
 * `retryAfterSeconds` from now) or `secondary` (403/429 with `retry-after`), as plugin-throttling expects.
 */
export function rateLimited(
  kind: 'primary' | 'secondary',
  opts: { status?: 403 | 429; retryAfterSeconds?: number; times?: number } = {},
): FaultResponse {
  const status = opts.status ?? 403;
  const wait = opts.retryAfterSeconds ?? 1;
  if (kind === 'primary') {
    return {
      status,
      times: opts.times,
      body: {
        message:
          'API rate limit exceeded for installation ID 1. If you reach out to GitHub Support for help, please include the request ID and timestamp.',
        documentation_url:
          'https://docs.github.com/rest/overview/rate-limits-for-the-rest-api#about-primary-rate-limits',
        status: String(status),
      },
      headers: {
        'x-ratelimit-remaining': '0',
        'x-ratelimit-reset': String(Math.ceil(Date.now() / 1000) + wait),
      },
    };
  }
  return {
    status,
    times: opts.times,
    body: {
      message:
        'You have exceeded a secondary rate limit. Please wait a few minutes before you try again. If you reach out to GitHub Support for help, please include the request ID.',
      documentation_url:
        'https://docs.github.com/rest/overview/rate-limits-for-the-rest-api#about-secondary-rate-limits',
      status: String(status),
    },
    headers: { 'retry-after': String(wait) },
  };
}

// ---------------------------------------------------------------------------------------------
// Internals

const MAX_BODY_BYTES = 8 * 1024 * 1024;
const MAX_LOG = 10_000;
const MAX_DELAY_MS = 30_000;
const MAX_STATUSES_PER_CONTEXT = 1000;
const MAX_COMMENT_CHARS = 65536;
const MAX_DESCRIPTION_CHARS = 140;
const MAX_PR_COMMITS = 250;
const DOCS = 'https://docs.github.com/rest';
const HTML = 'https://github.com';

const DEFAULT_PERMISSIONS: Record<PermissionName, Permission> = {
  metadata: 'read',
  contents: 'write',
  issues: 'write',
  pull_requests: 'write',
  statuses: 'write',
  members: 'read',
};
const LEVEL: Record<Permission, number> = { none: 0, read: 1, write: 2 };
const STATUS_STATES: readonly StatusState[] = ['error', 'failure', 'pending', 'success'];

interface CompiledPattern {
  method: string | null;
  regex: RegExp;
  keys: string[];
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function compilePattern(spec: string): CompiledPattern {
  const trimmed = spec.trim();
  let method: string | null = null;
  let pathPattern = trimmed;
  const space = trimmed.indexOf(' ');
  if (space > 0) {
    method = trimmed.slice(0, space).toUpperCase();
    pathPattern = trimmed.slice(space + 1).trim();
    if (method === '*') method = null;
  }
  const keys: string[] = [];
  const source = pathPattern
    .split('/')
    .map((seg) => {
      if (seg.startsWith(':')) {
        keys.push(seg.slice(1));
        return '([^/]+)';
      }
      if (seg.startsWith('*')) {
        keys.push(seg.slice(1) || 'rest');
        return '(.+)';
      }
      return escapeRegExp(seg);
    })
    .join('/');
  return { method, regex: new RegExp(`^${source}/?$`), keys };
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

function matchPattern(p: CompiledPattern, method: string, path: string): Record<string, string> | null {
  if (p.method !== null && p.method !== method) return null;
  const m = p.regex.exec(path);
  if (!m) return null;
  const params: Record<string, string> = {};
  p.keys.forEach((k, i) => {
    params[k] = safeDecode(m[i + 1] ?? '');
  });
  return params;
}

function toPredicate(matcher: RouteMatcher): (r: LoggedRequest) => boolean {
  if (typeof matcher === 'function') return matcher;
  if (matcher instanceof RegExp) {
    return (r) => {
      const qs = new URLSearchParams(r.query).toString();
      return matcher.test(`${r.method} ${r.path}${qs ? `?${qs}` : ''}`);
    };
  }
  const compiled = compilePattern(matcher);
  return (r) => matchPattern(compiled, r.method, r.path) !== null;
}

function same(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}

function charCount(s: string): number {
  // GitHub (Ruby) counts characters, i.e. code points, not UTF-16 units.
  return Array.from(s).length;
}

function nodeId(prefix: string, id: number): string {
  return `${prefix}_kwDO${Buffer.from(String(id)).toString('base64').replace(/=+$/, '')}`;
}

function requestId(): string {
  const h = (n: number): string => randomBytes(n).toString('hex').toUpperCase();
  return `${h(2)}:${h(2)}:${h(3)}:${h(3)}:${h(4)}`;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function error(
  status: number,
  message: string,
  docs = DOCS,
  extra: Record<string, unknown> = {},
): RouteReply {
  return { status, body: { message, documentation_url: docs, status: String(status), ...extra } };
}

function notFound(docs = DOCS): RouteReply {
  return error(404, 'Not Found', docs);
}

function invalid(message: string, docs: string): RouteReply {
  return error(422, `Invalid request.\n\n${message}`, docs);
}

function validationFailed(resource: string, field: string, message: string, docs: string, code = 'custom') {
  return error(422, 'Validation Failed', docs, { errors: [{ resource, code, field, message }] });
}

/** `defaults` with the fields of `partial` that are not undefined. */
function withDefaults<T extends object>(defaults: T, partial: Partial<T>): T {
  const out = { ...defaults };
  for (const [k, v] of Object.entries(partial)) {
    if (v !== undefined) (out as Record<string, unknown>)[k] = v;
  }
  return out;
}

function isStatusState(v: unknown): v is StatusState {
  return typeof v === 'string' && (STATUS_STATES as readonly string[]).includes(v);
}

function userOf(u: string | FakeUser): FakeUser {
  return typeof u === 'string' ? makeUser(u) : u;
}

function ownerOf(fullName: string): string {
  return fullName.split('/')[0] ?? fullName;
}

// ---------------------------------------------------------------------------------------------
// The server

interface Route {
  pattern: CompiledPattern;
  permission: [PermissionName, Permission] | null;
  handler: RouteHandler;
}

interface ActiveTap {
  predicate: (r: LoggedRequest) => boolean;
  fn: (request: LoggedRequest, state: FakeState) => void;
  remaining: number;
  hits: number;
}

interface ActiveFault {
  predicate: (r: LoggedRequest) => boolean;
  response: FaultResponse;
  skip: number;
  remaining: number;
  hits: number;
}

function defaultState(): FakeState {
  return {
    token: null,
    tokenLogin: 'github-actions[bot]',
    tokenUserType: 'Bot',
    permissions: {},
    repos: [],
    pulls: [],
    reviews: [],
    comments: [],
    statuses: [],
    teams: [],
    files: [],
    tags: [],
    releases: [],
    commits: [],
    strictShas: true,
    rateLimit: { limit: 5000, remaining: 5000, reset: Math.floor(Date.now() / 1000) + 3600, used: 0 },
    nextId: 2_200_000_001,
  };
}

class FakeGitHubServer implements FakeGitHub {
  readonly state: FakeState;
  readonly requests: LoggedRequest[] = [];
  url = '';
  port = 0;
  private readonly server: http.Server;
  private readonly prefix: string;
  private readonly faults: ActiveFault[] = [];
  private readonly taps: ActiveTap[] = [];
  private readonly custom: Route[] = [];
  private readonly builtins: Route[];
  private readonly timers = new Set<NodeJS.Timeout>();
  private closed = false;

  constructor(initial: Partial<FakeState>, options: FakeGitHubOptions) {
    this.state = { ...defaultState(), ...initial };
    this.prefix = (options.pathPrefix ?? '').replace(/\/+$/, '');
    if (this.prefix && !this.prefix.startsWith('/')) this.prefix = `/${this.prefix}`;
    this.builtins = this.routes();
    this.server = http.createServer((req, res) => this.onRequest(req, res));
    this.server.keepAliveTimeout = 2000;
  }

  async listen(): Promise<void> {
    await new Promise<void>((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(0, '127.0.0.1', () => {
        this.server.off('error', reject);
        resolve();
      });
    });
    this.port = (this.server.address() as AddressInfo).port;
    this.url = `http://127.0.0.1:${this.port}${this.prefix}`;
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    for (const t of this.timers) clearTimeout(t);
    this.timers.clear();
    const done = new Promise<void>((resolve) => this.server.close(() => resolve()));
    this.server.closeAllConnections();
    await done;
  }

  // --- public helpers -------------------------------------------------------------------------

  fail(matcher: RouteMatcher, response: FaultResponse = {}): Fault {
    const active: ActiveFault = {
      predicate: toPredicate(matcher),
      response,
      skip: Math.max(0, response.skip ?? 0),
      remaining: Math.max(0, response.times ?? 1),
      hits: 0,
    };
    this.faults.push(active);
    return {
      get hits() {
        return active.hits;
      },
      get remaining() {
        return active.remaining;
      },
      cancel: () => {
        active.remaining = 0;
      },
    };
  }

  clearFaults(): void {
    this.faults.length = 0;
  }

  tap(
    matcher: RouteMatcher,
    fn: (request: LoggedRequest, state: FakeState) => void,
    times = Infinity,
  ): Fault {
    const active: ActiveTap = { predicate: toPredicate(matcher), fn, remaining: Math.max(0, times), hits: 0 };
    this.taps.push(active);
    return {
      get hits() {
        return active.hits;
      },
      get remaining() {
        return active.remaining;
      },
      cancel: () => {
        active.remaining = 0;
      },
    };
  }

  on(route: string, handler: RouteHandler): void {
    this.custom.unshift({ pattern: compilePattern(route), permission: null, handler });
  }

  requestsTo(matcher: RouteMatcher): LoggedRequest[] {
    const p = toPredicate(matcher);
    return this.requests.filter(p);
  }

  tokenUser(): FakeUser {
    return makeUser(this.state.tokenLogin, this.state.tokenUserType);
  }

  private id(): number {
    return this.state.nextId++;
  }

  addRepo(input: Partial<FakeRepo> & { fullName: string }): FakeRepo {
    const existing = this.state.repos.find((r) => same(r.fullName, input.fullName));
    if (existing) {
      Object.assign(existing, withDefaults(existing, input));
      return existing;
    }
    const repo: FakeRepo = withDefaults<FakeRepo>(
      {
        fullName: input.fullName,
        id: this.id(),
        defaultBranch: 'main',
        private: false,
        fork: false,
        ownerType: 'Organization',
        branches: {},
      },
      input,
    );
    this.state.repos.push(repo);
    return repo;
  }

  addPull(input: PullInput): FakePull {
    if (!this.state.repos.some((r) => same(r.fullName, input.repo))) this.addRepo({ fullName: input.repo });
    const user = userOf(input.user ?? 'contributor');
    const now = isoTime();
    const number =
      input.number ??
      1 + Math.max(0, ...this.state.pulls.filter((p) => same(p.repo, input.repo)).map((p) => p.number));
    const commitInputs = input.commits ?? [input.head?.sha ?? fakeSha()];
    const commits: FakeCommit[] = commitInputs.map((c, i) => {
      const partial: Partial<FakeCommit> & { sha: string } = typeof c === 'string' ? { sha: c } : c;
      return withDefaults<FakeCommit>(
        {
          sha: partial.sha,
          message: `commit ${i + 1}`,
          author: user,
          committer: user,
          authorName: user.login,
          authorEmail: `${user.id}+${user.login}@users.noreply.github.com`,
          date: now,
          parents: i === 0 ? [input.base?.sha ?? fakeSha(`${input.repo}#base`)] : [],
        },
        partial,
      );
    });
    commits.forEach((c, i) => {
      if (i > 0 && c.parents.length === 0) c.parents = [commits[i - 1]?.sha ?? ''];
    });
    const headSha = input.head?.sha ?? commits[commits.length - 1]?.sha ?? fakeSha();
    const pull: FakePull = {
      id: this.id(),
      repo: input.repo,
      number,
      state: input.state ?? 'open',
      draft: input.draft ?? false,
      locked: input.locked ?? false,
      title: input.title ?? `Pull request ${number}`,
      body: input.body ?? null,
      user,
      head: {
        sha: headSha,
        ref: input.head?.ref ?? `feature-${number}`,
        repo: input.head?.repo === undefined ? input.repo : input.head.repo,
      },
      base: {
        sha: input.base?.sha ?? fakeSha(`${input.repo}#base`),
        ref: input.base?.ref ?? this.repoOf(input.repo).defaultBranch,
      },
      commits,
      mergedAt: input.mergedAt ?? null,
      mergeCommitSha: input.mergeCommitSha ?? null,
      closedAt: input.closedAt ?? (input.state === 'closed' ? now : null),
      createdAt: now,
      updatedAt: now,
      labels: input.labels ?? [],
      authorAssociation: input.authorAssociation ?? 'CONTRIBUTOR',
    };
    this.state.pulls.push(pull);
    return pull;
  }

  addReview(input: ReviewInput): FakeReview {
    const pull = this.findPull(input.repo, input.number);
    const review: FakeReview = {
      id: this.id(),
      repo: input.repo,
      number: input.number,
      user: input.user === null ? null : userOf(input.user),
      state: input.state,
      commitId: input.commitId ?? pull?.head.sha ?? fakeSha(),
      submittedAt: input.submittedAt ?? isoTime(),
      body: input.body ?? '',
      authorAssociation: input.authorAssociation ?? 'MEMBER',
    };
    this.state.reviews.push(review);
    return review;
  }

  addComment(input: CommentInput): FakeComment {
    const now = isoTime();
    const comment: FakeComment = {
      id: this.id(),
      repo: input.repo,
      number: input.number,
      body: input.body,
      user: input.user === null ? null : input.user === undefined ? this.tokenUser() : userOf(input.user),
      createdAt: input.createdAt ?? now,
      updatedAt: input.updatedAt ?? input.createdAt ?? now,
      authorAssociation: input.authorAssociation ?? 'NONE',
    };
    this.state.comments.push(comment);
    return comment;
  }

  addStatus(input: StatusInput): FakeStatus {
    const now = isoTime();
    const status: FakeStatus = {
      id: this.id(),
      repo: input.repo,
      sha: input.sha.toLowerCase(),
      state: input.state,
      context: input.context ?? 'default',
      description: input.description ?? null,
      targetUrl: input.targetUrl ?? null,
      creator: input.creator === undefined ? this.tokenUser() : userOf(input.creator),
      createdAt: now,
      updatedAt: now,
    };
    this.state.statuses.push(status);
    return status;
  }

  addTeam(input: {
    org: string;
    slug: string;
    name?: string;
    members?: Array<string | (Partial<FakeTeamMember> & { login: string })>;
  }): FakeTeam {
    const team: FakeTeam = {
      org: input.org,
      slug: input.slug,
      id: this.id(),
      name: input.name ?? input.slug,
      members: (input.members ?? []).map((m) =>
        withDefaults<FakeTeamMember>(
          { login: typeof m === 'string' ? m : m.login, role: 'member', state: 'active' },
          typeof m === 'string' ? {} : m,
        ),
      ),
    };
    this.state.teams.push(team);
    return team;
  }

  addFile(input: { repo: string; path: string; content: string | Buffer; ref?: string }): FakeFile {
    const repo =
      this.state.repos.find((r) => same(r.fullName, input.repo)) ?? this.addRepo({ fullName: input.repo });
    const file: FakeFile = {
      repo: input.repo,
      ref: input.ref ?? repo.defaultBranch,
      path: input.path.replace(/^\/+/, ''),
      content: input.content,
    };
    this.state.files = this.state.files.filter(
      (f) => !(same(f.repo, file.repo) && f.ref === file.ref && f.path === file.path),
    );
    this.state.files.push(file);
    return file;
  }

  addTag(input: FakeTag): FakeTag {
    const tag = { ...input };
    this.state.tags.push(tag);
    return tag;
  }

  addRelease(input: Partial<FakeRelease> & { repo: string; tagName: string }): FakeRelease {
    const now = isoTime();
    const release: FakeRelease = withDefaults<FakeRelease>(
      {
        id: this.id(),
        repo: input.repo,
        tagName: input.tagName,
        targetCommitish: this.repoOf(input.repo).defaultBranch,
        name: input.tagName,
        body: null,
        draft: false,
        prerelease: false,
        author: this.tokenUser(),
        createdAt: now,
        publishedAt: input.draft ? null : now,
      },
      input,
    );
    this.state.releases.push(release);
    return release;
  }

  // --- lookups --------------------------------------------------------------------------------

  private findPull(repo: string, number: number): FakePull | undefined {
    return this.state.pulls.find((p) => same(p.repo, repo) && p.number === number);
  }

  private repoKnown(fullName: string): boolean {
    const s = this.state;
    const hit = (r: { repo: string }): boolean => same(r.repo, fullName);
    return (
      s.repos.some((r) => same(r.fullName, fullName)) ||
      s.pulls.some(hit) ||
      s.files.some(hit) ||
      s.tags.some(hit) ||
      s.releases.some(hit)
    );
  }

  /** The stored repository, or a synthesized one (for a fork's head repo referenced only by a pull). */
  private repoOf(fullName: string): FakeRepo {
    return (
      this.state.repos.find((r) => same(r.fullName, fullName)) ?? {
        fullName,
        id: userId(`repo:${fullName}`),
        defaultBranch: 'main',
        private: false,
        fork: false,
        ownerType: 'User',
        branches: {},
      }
    );
  }

  /** Branch or tag name (optionally `refs/heads/…`, `refs/tags/…`) → SHA; anything else is taken as a SHA. */
  private resolveRef(repoName: string, ref: string): string {
    const repo = this.repoOf(repoName);
    const name = ref.replace(/^refs\/(heads|tags)\//, '');
    const branch = Object.entries(repo.branches).find(([b]) => b === name);
    if (branch) return branch[1].toLowerCase();
    const tag = this.state.tags.find((t) => same(t.repo, repoName) && t.name === name);
    if (tag) return tag.sha.toLowerCase();
    return name.toLowerCase();
  }

  private shaKnown(repoName: string, sha: string): boolean {
    const s = this.state;
    const want = sha.toLowerCase();
    const eq = (x: string | null | undefined): boolean => typeof x === 'string' && x.toLowerCase() === want;
    if (s.commits.some(eq)) return true;
    if (Object.values(this.repoOf(repoName).branches).some(eq)) return true;
    if (s.tags.some((t) => same(t.repo, repoName) && eq(t.sha))) return true;
    if (s.statuses.some((st) => same(st.repo, repoName) && eq(st.sha))) return true;
    return s.pulls.some(
      (p) =>
        same(p.repo, repoName) &&
        (eq(p.head.sha) || eq(p.base.sha) || eq(p.mergeCommitSha) || p.commits.some((c) => eq(c.sha))),
    );
  }

  // --- rendering ------------------------------------------------------------------------------

  private renderUser(u: FakeUser | null): Record<string, unknown> | null {
    if (u === null) return null;
    const html =
      u.type === 'Bot' && u.login.endsWith('[bot]')
        ? `${HTML}/apps/${u.login.slice(0, -'[bot]'.length)}`
        : `${HTML}/${u.login}`;
    return {
      login: u.login,
      id: u.id,
      node_id: nodeId(u.type === 'Bot' ? 'BOT' : u.type === 'Organization' ? 'O' : 'U', u.id),
      avatar_url: `https://avatars.githubusercontent.com/u/${u.id}?v=4`,
      gravatar_id: '',
      url: `${this.url}/users/${encodeURIComponent(u.login)}`,
      html_url: html,
      type: u.type,
      site_admin: false,
      user_view_type: 'public',
    };
  }

  private renderRepo(fullName: string, forceFork = false): Record<string, unknown> {
    const r = this.repoOf(fullName);
    const [owner = '', name = ''] = r.fullName.split('/');
    return {
      id: r.id,
      node_id: nodeId('R', r.id),
      name,
      full_name: r.fullName,
      owner: this.renderUser(makeUser(owner, r.ownerType)),
      private: r.private,
      visibility: r.private ? 'private' : 'public',
      html_url: `${HTML}/${r.fullName}`,
      url: `${this.url}/repos/${r.fullName}`,
      fork: r.fork || forceFork,
      default_branch: r.defaultBranch,
      archived: false,
      disabled: false,
    };
  }

  private renderPull(p: FakePull, full: boolean): Record<string, unknown> {
    const api = `${this.url}/repos/${p.repo}`;
    const headRepo = p.head.repo;
    const headOwner = headRepo === null ? 'ghost' : ownerOf(headRepo);
    const out: Record<string, unknown> = {
      url: `${api}/pulls/${p.number}`,
      id: p.id,
      node_id: nodeId('PR', p.id),
      html_url: `${HTML}/${p.repo}/pull/${p.number}`,
      diff_url: `${HTML}/${p.repo}/pull/${p.number}.diff`,
      issue_url: `${api}/issues/${p.number}`,
      commits_url: `${api}/pulls/${p.number}/commits`,
      comments_url: `${api}/issues/${p.number}/comments`,
      statuses_url: `${api}/statuses/${p.head.sha}`,
      number: p.number,
      state: p.state,
      locked: p.locked,
      title: p.title,
      user: this.renderUser(p.user),
      body: p.body,
      labels: p.labels.map((name, i) => ({ id: i + 1, name, color: 'ededed', default: false })),
      created_at: p.createdAt,
      updated_at: p.updatedAt,
      closed_at: p.closedAt,
      merged_at: p.mergedAt,
      merge_commit_sha: p.mergeCommitSha,
      draft: p.draft,
      author_association: p.authorAssociation,
      head: {
        label: `${headOwner}:${p.head.ref}`,
        ref: p.head.ref,
        sha: p.head.sha,
        user: this.renderUser(makeUser(headOwner)),
        repo: headRepo === null ? null : this.renderRepo(headRepo, !same(headRepo, p.repo)),
      },
      base: {
        label: `${ownerOf(p.repo)}:${p.base.ref}`,
        ref: p.base.ref,
        sha: p.base.sha,
        user: this.renderUser(makeUser(ownerOf(p.repo), this.repoOf(p.repo).ownerType)),
        repo: this.renderRepo(p.repo),
      },
    };
    if (full) {
      Object.assign(out, {
        merged: p.mergedAt !== null,
        mergeable: p.state === 'open' ? true : null,
        mergeable_state: p.state === 'open' ? 'clean' : 'unknown',
        merged_by: null,
        comments: this.state.comments.filter((c) => same(c.repo, p.repo) && c.number === p.number).length,
        review_comments: 0,
        maintainer_can_modify: false,
        commits: p.commits.length,
        additions: 0,
        deletions: 0,
        changed_files: 0,
      });
    }
    return out;
  }

  private renderCommit(repo: string, c: FakeCommit): Record<string, unknown> {
    const who = (name: string) => ({ name, email: c.authorEmail, date: c.date });
    return {
      sha: c.sha,
      node_id: nodeId('C', userId(c.sha)),
      commit: {
        author: who(c.authorName),
        committer: who(c.authorName),
        message: c.message,
        tree: { sha: fakeSha(`tree:${c.sha}`), url: `${this.url}/repos/${repo}/git/trees/${c.sha}` },
        url: `${this.url}/repos/${repo}/git/commits/${c.sha}`,
        comment_count: 0,
        verification: {
          verified: false,
          reason: 'unsigned',
          signature: null,
          payload: null,
          verified_at: null,
        },
      },
      url: `${this.url}/repos/${repo}/commits/${c.sha}`,
      html_url: `${HTML}/${repo}/commit/${c.sha}`,
      author: this.renderUser(c.author),
      committer: this.renderUser(c.committer),
      parents: c.parents.map((sha) => ({
        sha,
        url: `${this.url}/repos/${repo}/commits/${sha}`,
        html_url: `${HTML}/${repo}/commit/${sha}`,
      })),
    };
  }

  private renderReview(r: FakeReview): Record<string, unknown> {
    const html = `${HTML}/${r.repo}/pull/${r.number}#pullrequestreview-${r.id}`;
    return {
      id: r.id,
      node_id: nodeId('PRR', r.id),
      user: this.renderUser(r.user),
      body: r.body,
      state: r.state,
      html_url: html,
      pull_request_url: `${this.url}/repos/${r.repo}/pulls/${r.number}`,
      author_association: r.authorAssociation,
      submitted_at: r.submittedAt,
      commit_id: r.commitId,
      _links: {
        html: { href: html },
        pull_request: { href: `${this.url}/repos/${r.repo}/pulls/${r.number}` },
      },
    };
  }

  private renderComment(c: FakeComment): Record<string, unknown> {
    return {
      url: `${this.url}/repos/${c.repo}/issues/comments/${c.id}`,
      html_url: `${HTML}/${c.repo}/pull/${c.number}#issuecomment-${c.id}`,
      issue_url: `${this.url}/repos/${c.repo}/issues/${c.number}`,
      id: c.id,
      node_id: nodeId('IC', c.id),
      user: this.renderUser(c.user),
      created_at: c.createdAt,
      updated_at: c.updatedAt,
      author_association: c.authorAssociation,
      body: c.body,
      reactions: { total_count: 0 },
      performed_via_github_app: null,
    };
  }

  private renderStatus(s: FakeStatus): Record<string, unknown> {
    return {
      url: `${this.url}/repos/${s.repo}/statuses/${s.sha}`,
      avatar_url: `https://avatars.githubusercontent.com/u/${s.creator.id}?v=4`,
      id: s.id,
      node_id: nodeId('SC', s.id),
      state: s.state,
      description: s.description,
      target_url: s.targetUrl,
      context: s.context,
      created_at: s.createdAt,
      updated_at: s.updatedAt,
      creator: this.renderUser(s.creator),
    };
  }

  private renderRelease(r: FakeRelease): Record<string, unknown> {
    return {
      url: `${this.url}/repos/${r.repo}/releases/${r.id}`,
      html_url: `${HTML}/${r.repo}/releases/tag/${encodeURIComponent(r.tagName)}`,
      id: r.id,
      node_id: nodeId('RE', r.id),
      tag_name: r.tagName,
      target_commitish: r.targetCommitish,
      name: r.name,
      body: r.body,
      draft: r.draft,
      prerelease: r.prerelease,
      author: this.renderUser(r.author),
      created_at: r.createdAt,
      published_at: r.publishedAt,
      assets: [],
    };
  }

  // --- pagination -----------------------------------------------------------------------------

  private page<T>(ctx: RouteContext, items: readonly T[], render: (item: T) => unknown): RouteReply {
    const perPageRaw = Number.parseInt(ctx.query.per_page ?? '', 10);
    const pageRaw = Number.parseInt(ctx.query.page ?? '', 10);
    const perPage = Number.isFinite(perPageRaw) && perPageRaw > 0 ? Math.min(perPageRaw, 100) : 30;
    const page = Number.isFinite(pageRaw) && pageRaw > 0 ? pageRaw : 1;
    const last = Math.max(1, Math.ceil(items.length / perPage));
    const slice = items.slice((page - 1) * perPage, page * perPage).map(render);
    const headers: Record<string, string> = {};
    if (last > 1 || page > 1) {
      const link = (n: number): string => {
        const q = new URLSearchParams(ctx.query);
        q.set('per_page', String(perPage));
        q.set('page', String(n));
        return `<${this.url}${ctx.path}?${q.toString()}>`;
      };
      const rels: string[] = [];
      if (page > 1) rels.push(`${link(Math.min(page - 1, last))}; rel="prev"`);
      if (page < last) rels.push(`${link(page + 1)}; rel="next"`, `${link(last)}; rel="last"`);
      if (page > 1) rels.push(`${link(1)}; rel="first"`);
      headers.link = rels.join(', ');
    }
    return { status: 200, body: slice, headers };
  }

  // --- routes ---------------------------------------------------------------------------------

  private routes(): Route[] {
    const routes: Route[] = [];
    const add = (
      spec: string,
      permission: [PermissionName, Permission] | null,
      handler: RouteHandler,
    ): void => {
      routes.push({ pattern: compilePattern(spec), permission, handler });
    };
    const repoName = (ctx: RouteContext): string => `${ctx.params.owner}/${ctx.params.repo}`;
    const num = (s: string | undefined): number => (s !== undefined && /^\d+$/.test(s) ? Number(s) : NaN);

    add('GET /repos/:owner/:repo', ['metadata', 'read'], (ctx) => {
      const name = repoName(ctx);
      if (!this.repoKnown(name)) return notFound(`${DOCS}/repos/repos#get-a-repository`);
      return { status: 200, body: this.renderRepo(name) };
    });

    // Pulls
    const PULLS_DOCS = `${DOCS}/pulls/pulls`;
    add('GET /repos/:owner/:repo/pulls', ['pull_requests', 'read'], (ctx) => {
      const name = repoName(ctx);
      if (!this.repoKnown(name)) return notFound(`${PULLS_DOCS}#list-pull-requests`);
      const state = ctx.query.state ?? 'open';
      if (!['open', 'closed', 'all'].includes(state)) {
        return invalid(
          `For 'state', "${state}" is not one of ["open", "closed", "all"].`,
          `${PULLS_DOCS}#list-pull-requests`,
        );
      }
      let pulls = this.state.pulls.filter(
        (p) => same(p.repo, name) && (state === 'all' || p.state === state),
      );
      if (ctx.query.base) pulls = pulls.filter((p) => p.base.ref === ctx.query.base);
      if (ctx.query.head) {
        const [owner, ref] = (
          ctx.query.head.includes(':') ? ctx.query.head : `${ownerOf(name)}:${ctx.query.head}`
        ).split(':');
        pulls = pulls.filter(
          (p) => p.head.ref === ref && p.head.repo !== null && same(ownerOf(p.head.repo), owner ?? ''),
        );
      }
      const sort = ctx.query.sort ?? 'created';
      const key = (p: FakePull): string => (sort === 'updated' ? p.updatedAt : p.createdAt);
      const direction = ctx.query.direction ?? (sort === 'created' ? 'desc' : 'asc');
      const sorted = [...pulls].sort((a, b) => key(a).localeCompare(key(b)) || a.number - b.number);
      if (direction === 'desc') sorted.reverse();
      return this.page(ctx, sorted, (p) => this.renderPull(p, false));
    });

    add('GET /repos/:owner/:repo/pulls/:number', ['pull_requests', 'read'], (ctx) => {
      const pull = this.findPull(repoName(ctx), num(ctx.params.number));
      if (!pull) return notFound(`${PULLS_DOCS}#get-a-pull-request`);
      return { status: 200, body: this.renderPull(pull, true) };
    });

    add('GET /repos/:owner/:repo/pulls/:number/commits', ['pull_requests', 'read'], (ctx) => {
      const name = repoName(ctx);
      const pull = this.findPull(name, num(ctx.params.number));
      if (!pull) return notFound(`${PULLS_DOCS}#list-commits-on-a-pull-request`);
      return this.page(ctx, pull.commits.slice(0, MAX_PR_COMMITS), (c) => this.renderCommit(pull.repo, c));
    });

    add('GET /repos/:owner/:repo/pulls/:number/reviews', ['pull_requests', 'read'], (ctx) => {
      const name = repoName(ctx);
      const n = num(ctx.params.number);
      if (!this.findPull(name, n)) return notFound(`${DOCS}/pulls/reviews#list-reviews-for-a-pull-request`);
      const reviews = this.state.reviews
        .filter((r) => same(r.repo, name) && r.number === n && r.state !== 'PENDING')
        .sort((a, b) => a.id - b.id);
      return this.page(ctx, reviews, (r) => this.renderReview(r));
    });

    // Issue comments
    const COMMENTS_DOCS = `${DOCS}/issues/comments`;
    const issueExists = (name: string, n: number): boolean =>
      this.findPull(name, n) !== undefined ||
      this.state.comments.some((c) => same(c.repo, name) && c.number === n);
    const validateBody = (body: unknown, docs: string): RouteReply | string => {
      if (!isRecord(body) || !('body' in body)) return invalid(`"body" wasn't supplied.`, docs);
      if (typeof body.body !== 'string') {
        return invalid(`For 'properties/body', ${JSON.stringify(body.body)} is not a string.`, docs);
      }
      if (charCount(body.body) > MAX_COMMENT_CHARS) {
        return validationFailed(
          'IssueComment',
          'data',
          `Body is too long (maximum is ${MAX_COMMENT_CHARS} characters)`,
          docs,
          'unprocessable',
        );
      }
      return body.body;
    };

    add('GET /repos/:owner/:repo/issues/:number/comments', ['issues', 'read'], (ctx) => {
      const name = repoName(ctx);
      const n = num(ctx.params.number);
      if (!issueExists(name, n)) return notFound(`${COMMENTS_DOCS}#list-issue-comments`);
      const since = ctx.query.since;
      const comments = this.state.comments
        .filter((c) => same(c.repo, name) && c.number === n && (!since || c.updatedAt >= since))
        .sort((a, b) => a.id - b.id);
      return this.page(ctx, comments, (c) => this.renderComment(c));
    });

    add('POST /repos/:owner/:repo/issues/:number/comments', ['issues', 'write'], (ctx) => {
      const docs = `${COMMENTS_DOCS}#create-an-issue-comment`;
      const name = repoName(ctx);
      const n = num(ctx.params.number);
      if (!issueExists(name, n)) return notFound(docs);
      const body = validateBody(ctx.body, docs);
      if (typeof body !== 'string') return body;
      const stored = this.state.repos.find((r) => same(r.fullName, name))?.fullName ?? name;
      const comment = this.addComment({ repo: stored, number: n, body });
      const out = this.renderComment(comment);
      return { status: 201, body: out, headers: { location: String(out.url) } };
    });

    add('GET /repos/:owner/:repo/issues/comments/:id', ['issues', 'read'], (ctx) => {
      const c = this.state.comments.find((x) => x.id === num(ctx.params.id) && same(x.repo, repoName(ctx)));
      if (!c) return notFound(`${COMMENTS_DOCS}#get-an-issue-comment`);
      return { status: 200, body: this.renderComment(c) };
    });

    add('PATCH /repos/:owner/:repo/issues/comments/:id', ['issues', 'write'], (ctx) => {
      const docs = `${COMMENTS_DOCS}#update-an-issue-comment`;
      const c = this.state.comments.find((x) => x.id === num(ctx.params.id) && same(x.repo, repoName(ctx)));
      if (!c) return notFound(docs);
      const body = validateBody(ctx.body, docs);
      if (typeof body !== 'string') return body;
      c.body = body;
      c.updatedAt = isoTime();
      return { status: 200, body: this.renderComment(c) };
    });

    add('DELETE /repos/:owner/:repo/issues/comments/:id', ['issues', 'write'], (ctx) => {
      const i = this.state.comments.findIndex(
        (x) => x.id === num(ctx.params.id) && same(x.repo, repoName(ctx)),
      );
      if (i < 0) return notFound(`${COMMENTS_DOCS}#delete-an-issue-comment`);
      this.state.comments.splice(i, 1);
      return { status: 204 };
    });

    // Commit statuses
    const STATUS_DOCS = `${DOCS}/commits/statuses`;
    add('POST /repos/:owner/:repo/statuses/:sha', ['statuses', 'write'], (ctx) => {
      const docs = `${STATUS_DOCS}#create-a-commit-status`;
      const name = repoName(ctx);
      if (!this.repoKnown(name)) return notFound(docs);
      const b = ctx.body;
      if (!isRecord(b) || !('state' in b)) return invalid(`"state" wasn't supplied.`, docs);
      const state = b.state;
      if (!isStatusState(state)) {
        return invalid(
          `For 'properties/state', ${JSON.stringify(b.state)} is not one of ["error", "failure", "pending", "success"].`,
          docs,
        );
      }
      for (const field of ['description', 'target_url', 'context'] as const) {
        const v = b[field];
        if (v !== undefined && v !== null && typeof v !== 'string') {
          return invalid(`For 'properties/${field}', ${JSON.stringify(v)} is not a string or null.`, docs);
        }
      }
      const description = typeof b.description === 'string' ? b.description : null;
      if (description !== null && charCount(description) > MAX_DESCRIPTION_CHARS) {
        return validationFailed(
          'Status',
          'description',
          `description is too long (maximum is ${MAX_DESCRIPTION_CHARS} characters)`,
          docs,
        );
      }
      const sha = ctx.params.sha ?? '';
      if (this.state.strictShas && !this.shaKnown(name, sha)) {
        return error(422, `No commit found for SHA: ${sha}`, docs);
      }
      const context = typeof b.context === 'string' && b.context !== '' ? b.context : 'default';
      const count = this.state.statuses.filter(
        (s) => same(s.repo, name) && s.sha === sha.toLowerCase() && s.context === context,
      ).length;
      if (count >= MAX_STATUSES_PER_CONTEXT) {
        return validationFailed(
          'Status',
          'context',
          'This SHA and context has reached the maximum number of statuses.',
          docs,
        );
      }
      const stored = this.state.repos.find((r) => same(r.fullName, name))?.fullName ?? name;
      const status = this.addStatus({
        repo: stored,
        sha,
        state,
        context,
        description,
        targetUrl: typeof b.target_url === 'string' ? b.target_url : null,
      });
      return { status: 201, body: this.renderStatus(status) };
    });

    const statusesFor = (ctx: RouteContext, docs: string): FakeStatus[] | RouteReply => {
      const name = repoName(ctx);
      if (!this.repoKnown(name)) return notFound(docs);
      const ref = ctx.params.ref ?? '';
      const sha = this.resolveRef(name, ref);
      if (this.state.strictShas && !this.shaKnown(name, sha)) {
        return error(404, `No commit found for SHA: ${ref}`, docs);
      }
      return this.state.statuses
        .filter((s) => same(s.repo, name) && s.sha.toLowerCase() === sha)
        .sort((a, b) => b.id - a.id);
    };

    add('GET /repos/:owner/:repo/commits/*ref/statuses', ['statuses', 'read'], (ctx) => {
      const list = statusesFor(ctx, `${STATUS_DOCS}#list-commit-statuses-for-a-reference`);
      if (!Array.isArray(list)) return list;
      return this.page(ctx, list, (s) => this.renderStatus(s));
    });

    add('GET /repos/:owner/:repo/commits/*ref/status', ['statuses', 'read'], (ctx) => {
      const list = statusesFor(ctx, `${STATUS_DOCS}#get-the-combined-status-for-a-specific-reference`);
      if (!Array.isArray(list)) return list;
      const latest = new Map<string, FakeStatus>();
      for (const s of list) if (!latest.has(s.context)) latest.set(s.context, s);
      const statuses = [...latest.values()];
      const states = statuses.map((s) => s.state);
      const combined: StatusState =
        states.includes('error') || states.includes('failure')
          ? 'failure'
          : states.length === 0 || states.includes('pending')
            ? 'pending'
            : 'success';
      const name = repoName(ctx);
      const sha = this.resolveRef(name, ctx.params.ref ?? '');
      const paged = this.page(ctx, statuses, (s) => this.renderStatus(s));
      return {
        status: 200,
        headers: paged.headers,
        body: {
          state: combined,
          statuses: paged.body,
          sha,
          total_count: statuses.length,
          repository: this.renderRepo(name),
          commit_url: `${this.url}/repos/${name}/commits/${sha}`,
          url: `${this.url}/repos/${name}/commits/${sha}/status`,
        },
      };
    });

    // Teams
    const TEAM_DOCS = `${DOCS}/teams/members`;
    const findTeam = (ctx: RouteContext): FakeTeam | undefined =>
      this.state.teams.find(
        (t) => same(t.org, ctx.params.org ?? '') && same(t.slug, ctx.params.team_slug ?? ''),
      );

    add('GET /orgs/:org/teams/:team_slug/memberships/:username', ['members', 'read'], (ctx) => {
      const docs = `${TEAM_DOCS}#get-team-membership-for-a-user`;
      const team = findTeam(ctx);
      const member = team?.members.find((m) => same(m.login, ctx.params.username ?? ''));
      if (!team || !member) return notFound(docs);
      return {
        status: 200,
        body: {
          url: `${this.url}/organizations/1/team/${team.id}/memberships/${member.login}`,
          role: member.role,
          state: member.state,
        },
      };
    });

    add('GET /orgs/:org/teams/:team_slug/members', ['members', 'read'], (ctx) => {
      const team = findTeam(ctx);
      if (!team) return notFound(`${TEAM_DOCS}#list-team-members`);
      const role = ctx.query.role ?? 'all';
      const members = team.members.filter((m) => m.state === 'active' && (role === 'all' || m.role === role));
      return this.page(ctx, members, (m) => this.renderUser(makeUser(m.login)));
    });

    // Contents
    const CONTENTS_DOCS = `${DOCS}/repos/contents#get-repository-content`;
    add('GET /repos/:owner/:repo/contents/*path', ['contents', 'read'], (ctx) => {
      const name = repoName(ctx);
      if (!this.repoKnown(name)) return notFound(CONTENTS_DOCS);
      const repo = this.repoOf(name);
      const path = (ctx.params.path ?? '').replace(/^\/+|\/+$/g, '');
      const ref = ctx.query.ref || repo.defaultBranch;
      const plain = ref.replace(/^refs\/(heads|tags)\//, '');
      const sha = this.resolveRef(name, ref);
      const atRef = this.state.files.filter(
        (f) => same(f.repo, name) && (f.ref === plain || this.resolveRef(name, f.ref) === sha),
      );
      const file = atRef.find((f) => f.path === path);
      const entry = (f: FakeFile): Record<string, unknown> => {
        const bytes = typeof f.content === 'string' ? Buffer.from(f.content, 'utf8') : f.content;
        const blob = gitBlobSha(bytes);
        return {
          type: 'file',
          name: f.path.split('/').pop() ?? f.path,
          path: f.path,
          sha: blob,
          size: bytes.length,
          url: `${this.url}/repos/${name}/contents/${f.path}?ref=${encodeURIComponent(plain)}`,
          html_url: `${HTML}/${name}/blob/${plain}/${f.path}`,
          git_url: `${this.url}/repos/${name}/git/blobs/${blob}`,
          download_url: `https://raw.githubusercontent.com/${name}/${plain}/${f.path}`,
        };
      };
      if (file) {
        const bytes = typeof file.content === 'string' ? Buffer.from(file.content, 'utf8') : file.content;
        const accept = String(ctx.headers.accept ?? '');
        if (/application\/vnd\.github(\.v3)?\.raw/.test(accept)) {
          return {
            status: 200,
            raw: bytes,
            headers: { 'content-type': 'application/vnd.github.raw; charset=utf-8' },
          };
        }
        const tooBig = bytes.length > 1024 * 1024;
        const b64 = bytes.toString('base64').replace(/(.{60})/g, '$1\n');
        return {
          status: 200,
          body: {
            ...entry(file),
            content: tooBig ? '' : b64.endsWith('\n') ? b64 : `${b64}\n`,
            encoding: tooBig ? 'none' : 'base64',
          },
        };
      }
      const dirPrefix = path === '' ? '' : `${path}/`;
      const below = atRef.filter((f) => f.path.startsWith(dirPrefix));
      if (below.length > 0) {
        const listing = new Map<string, Record<string, unknown>>();
        for (const f of below) {
          const rest = f.path.slice(dirPrefix.length);
          const slash = rest.indexOf('/');
          if (slash < 0) listing.set(rest, entry(f));
          else {
            const dir = rest.slice(0, slash);
            listing.set(dir, {
              type: 'dir',
              name: dir,
              path: `${dirPrefix}${dir}`,
              sha: fakeSha(`dir:${name}:${plain}:${dirPrefix}${dir}`),
              size: 0,
              url: `${this.url}/repos/${name}/contents/${dirPrefix}${dir}?ref=${encodeURIComponent(plain)}`,
              html_url: `${HTML}/${name}/tree/${plain}/${dirPrefix}${dir}`,
              download_url: null,
            });
          }
        }
        return { status: 200, body: [...listing.values()] };
      }
      return notFound(CONTENTS_DOCS);
    });

    // Release step
    add('GET /repos/:owner/:repo/tags', ['contents', 'read'], (ctx) => {
      const name = repoName(ctx);
      if (!this.repoKnown(name)) return notFound(`${DOCS}/repos/repos#list-repository-tags`);
      const tags = this.state.tags.filter((t) => same(t.repo, name));
      return this.page(ctx, tags, (t) => ({
        name: t.name,
        commit: { sha: t.sha, url: `${this.url}/repos/${name}/commits/${t.sha}` },
        zipball_url: `${this.url}/repos/${name}/zipball/refs/tags/${t.name}`,
        tarball_url: `${this.url}/repos/${name}/tarball/refs/tags/${t.name}`,
        node_id: nodeId('REF', userId(`tag:${name}:${t.name}`)),
      }));
    });

    add('GET /repos/:owner/:repo/commits/:sha/pulls', ['pull_requests', 'read'], (ctx) => {
      const name = repoName(ctx);
      if (!this.repoKnown(name)) {
        return notFound(`${DOCS}/commits/commits#list-pull-requests-associated-with-a-commit`);
      }
      const sha = (ctx.params.sha ?? '').toLowerCase();
      const eq = (x: string | null): boolean => x !== null && x.toLowerCase() === sha;
      const pulls = this.state.pulls.filter(
        (p) =>
          same(p.repo, name) && (eq(p.mergeCommitSha) || eq(p.head.sha) || p.commits.some((c) => eq(c.sha))),
      );
      return this.page(ctx, pulls, (p) => this.renderPull(p, false));
    });

    add('GET /repos/:owner/:repo/releases/tags/*tag', ['contents', 'read'], (ctx) => {
      const name = repoName(ctx);
      const release = this.state.releases.find(
        (r) => same(r.repo, name) && r.tagName === ctx.params.tag && !r.draft,
      );
      if (!release) return notFound(`${DOCS}/releases/releases#get-a-release-by-tag-name`);
      return { status: 200, body: this.renderRelease(release) };
    });

    return routes;
  }

  // --- request handling -----------------------------------------------------------------------

  private baseHeaders(): Record<string, string> {
    const rl = this.state.rateLimit;
    return {
      'content-type': 'application/json; charset=utf-8',
      'x-github-media-type': 'github.v3; format=json',
      'x-github-api-version-selected': '2022-11-28',
      'x-ratelimit-limit': String(rl.limit),
      'x-ratelimit-remaining': String(Math.max(0, rl.remaining)),
      'x-ratelimit-reset': String(rl.reset),
      'x-ratelimit-used': String(rl.used),
      'x-ratelimit-resource': 'core',
      'x-github-request-id': requestId(),
      'x-content-type-options': 'nosniff',
    };
  }

  private send(res: http.ServerResponse, entry: LoggedRequest, reply: RouteReply): void {
    if (res.headersSent || res.destroyed) return;
    const headers = { ...this.baseHeaders(), ...(reply.headers ?? {}) };
    let payload: Buffer;
    if (reply.status === 204 || reply.status === 304) payload = Buffer.alloc(0);
    else if (reply.raw !== undefined)
      payload = typeof reply.raw === 'string' ? Buffer.from(reply.raw) : reply.raw;
    else
      payload = reply.body === undefined ? Buffer.alloc(0) : Buffer.from(JSON.stringify(reply.body), 'utf8');
    headers['content-length'] = String(payload.length);
    entry.status = reply.status;
    res.writeHead(reply.status, headers);
    res.end(payload);
  }

  private onRequest(req: http.IncomingMessage, res: http.ServerResponse): void {
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) tooLarge = true;
      else chunks.push(chunk);
    });
    req.on('error', () => res.destroy());
    req.on('end', () => {
      try {
        this.handle(req, res, Buffer.concat(chunks).toString('utf8'), tooLarge);
      } catch (e) {
        if (!res.headersSent) res.writeHead(500, { 'content-type': 'application/json; charset=utf-8' });
        res.end(JSON.stringify({ message: `fake-github: ${e instanceof Error ? e.message : String(e)}` }));
      }
    });
  }

  private log(
    req: http.IncomingMessage,
    path: string,
    query: Record<string, string>,
    rawBody: string,
    body: unknown,
  ): LoggedRequest {
    const h = req.headers;
    const pick = (k: string): string | undefined => {
      const v = h[k];
      return Array.isArray(v) ? v.join(', ') : v;
    };
    const headers: LoggedRequest['headers'] = {};
    for (const k of [
      'authorization',
      'accept',
      'user-agent',
      'content-type',
      'x-github-api-version',
    ] as const) {
      const v = pick(k);
      if (v !== undefined) headers[k] = v;
    }
    const entry: LoggedRequest = {
      method: (req.method ?? 'GET').toUpperCase(),
      path,
      query,
      body,
      rawBody,
      headers,
      status: 0,
      fault: false,
      at: Date.now(),
    };
    this.requests.push(entry);
    if (this.requests.length > MAX_LOG) this.requests.splice(0, this.requests.length - MAX_LOG);
    return entry;
  }

  private handle(
    req: http.IncomingMessage,
    res: http.ServerResponse,
    rawBody: string,
    tooLarge: boolean,
  ): void {
    const method = (req.method ?? 'GET').toUpperCase();
    const target = req.url ?? '/';
    const qIndex = target.indexOf('?');
    const fullPath = qIndex < 0 ? target : target.slice(0, qIndex);
    const query: Record<string, string> = {};
    for (const [k, v] of new URLSearchParams(qIndex < 0 ? '' : target.slice(qIndex + 1))) query[k] = v;

    let body: unknown = undefined;
    let badJson = false;
    if (rawBody.trim() !== '' && !tooLarge) {
      try {
        body = JSON.parse(rawBody) as unknown;
      } catch {
        badJson = true;
      }
    }

    const underPrefix =
      this.prefix === '' || fullPath === this.prefix || fullPath.startsWith(`${this.prefix}/`);
    const path = underPrefix ? fullPath.slice(this.prefix.length) || '/' : fullPath;
    const entry = this.log(
      req,
      path,
      query,
      rawBody.length > 100_000 ? rawBody.slice(0, 100_000) : rawBody,
      body,
    );

    for (const t of this.taps) {
      if (t.remaining <= 0 || !t.predicate(entry)) continue;
      t.remaining--;
      t.hits++;
      t.fn(entry, this.state);
    }

    // Injected faults come first: they stand for whatever went wrong on GitHub's side.
    let fault: ActiveFault | undefined;
    for (const f of this.faults) {
      if (f.remaining <= 0 || !f.predicate(entry)) continue;
      if (f.skip > 0) {
        f.skip--;
        continue;
      }
      fault = f;
      break;
    }
    if (fault) {
      fault.remaining--;
      fault.hits++;
      entry.fault = true;
      this.answerFault(req, res, entry, fault.response);
      return;
    }

    if (!underPrefix) return this.send(res, entry, notFound());
    if (tooLarge) return this.send(res, entry, error(413, 'Payload Too Large'));

    if (this.state.token !== null) {
      const m = /^(token|bearer)\s+(\S+)\s*$/i.exec(entry.headers.authorization ?? '');
      if (!m || m[2] !== this.state.token) return this.send(res, entry, error(401, 'Bad credentials'));
    }

    const rl = this.state.rateLimit;
    const nowSec = Math.floor(Date.now() / 1000);
    if (rl.remaining <= 0) {
      if (nowSec >= rl.reset) {
        rl.remaining = rl.limit;
        rl.used = 0;
        rl.reset = nowSec + 3600;
      } else {
        const limited = rateLimited('primary', { retryAfterSeconds: rl.reset - nowSec });
        return this.send(res, entry, { status: 403, body: limited.body });
      }
    }
    rl.remaining--;
    rl.used++;

    if (badJson) return this.send(res, entry, error(400, 'Problems parsing JSON'));
    if (body !== undefined && !isRecord(body)) {
      return this.send(res, entry, error(400, 'Problems parsing JSON'));
    }

    for (const route of [...this.custom, ...this.builtins]) {
      const params = matchPattern(route.pattern, method, path);
      if (params === null) continue;
      if (route.permission) {
        const [name, need] = route.permission;
        const have = this.state.permissions[name] ?? DEFAULT_PERMISSIONS[name];
        if (LEVEL[have] < LEVEL[need]) {
          const denied = error(403, 'Resource not accessible by integration', DOCS);
          denied.headers = { 'x-accepted-github-permissions': `${name}=${need}` };
          return this.send(res, entry, denied);
        }
      }
      const ctx: RouteContext = {
        method,
        path,
        params,
        query,
        body,
        headers: req.headers,
        state: this.state,
        baseUrl: this.url,
      };
      let reply: RouteReply;
      try {
        reply = route.handler(ctx);
      } catch (e) {
        reply = error(500, `fake-github: ${e instanceof Error ? e.message : String(e)}`);
      }
      return this.send(res, entry, reply);
    }
    return this.send(res, entry, notFound());
  }

  private answerFault(
    req: http.IncomingMessage,
    res: http.ServerResponse,
    entry: LoggedRequest,
    response: FaultResponse,
  ): void {
    const answer = (): void => {
      if (response.resetConnection) {
        req.socket.destroy();
        return;
      }
      const status = response.status ?? 500;
      const body =
        response.body !== undefined
          ? response.body
          : status >= 400
            ? {
                message: response.message ?? http.STATUS_CODES[status] ?? 'Error',
                documentation_url: DOCS,
                status: String(status),
              }
            : undefined;
      this.send(res, entry, { status, body, headers: response.headers });
    };
    const delay = Math.min(Math.max(0, response.delayMs ?? 0), MAX_DELAY_MS);
    if (delay === 0) return answer();
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      answer();
    }, delay);
    this.timers.add(timer);
  }
}

/**
 * Starts the fake on 127.0.0.1 with an ephemeral port. `initial` replaces the default state's
 * fields (token none, token identity `github-actions[bot]`, all permissions, empty collections).
 */
export async function startFakeGitHub(
  initial: Partial<FakeState> = {},
  options: FakeGitHubOptions = {},
): Promise<FakeGitHub> {
  const fake = new FakeGitHubServer(initial, options);
  await fake.listen();
  return fake;
}
