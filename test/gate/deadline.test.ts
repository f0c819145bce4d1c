/**
 * The whole-run deadline in the pull-request gate (SPEC sections 6 and 8): a run that goes past it
 * ends in an `error` status naming what it was reading, never in `success` or a silent pass. The
 * gate runs in process on a real git origin, against an in-memory client (Octokit is an ES module
 * jest does not load, so the client module is replaced); the clock is fake.
 */
import type { GitHubClient, PullRequest } from '../../src/adapters/github-client';
import { runPullRequestGate } from '../../src/app/pull-request-gate';
import { Clock, Deadline, DeadlineExceeded } from '../../src/core/deadline';
import { OriginRepo } from '../support/action-runner';
import { DEFAULT_APPROVAL_REQUIRED_FOR } from '../../src/core/gate/review-policy';

jest.mock('../../src/adapters/github-client', () => ({
  ApiError: class ApiError extends Error {},
  PermissionError: class PermissionError extends Error {},
  GitHubClient: class GitHubClient {},
}));

jest.setTimeout(60_000);

const CONTEXT = 'ffi-surface/security-review';
const CARGO = '[package]\nname = "mini"\nversion = "1.0.0"\nedition = "2021"\n';
const ONE = '#[no_mangle]\npub extern "C" fn mini_one() -> i32 {\n    1\n}\n';
const TWO = '#[no_mangle]\npub extern "C" fn mini_two() -> i32 {\n    2\n}\n';

/** A clock that moves `step` milliseconds forward each time it is read. */
class SteppingClock implements Clock {
  private t = 0;
  constructor(private readonly step: number) {}
  now(): number {
    this.t += this.step;
    return this.t;
  }
}

/** The calls the gate makes before and after its analysis, answered from memory. */
function fakeClient(pull: PullRequest) {
  const statuses: { sha: string; state: string; context: string; description: string }[] = [];
  const client = {
    statuses,
    getPull: async () => pull,
    listComments: async () => [],
    createStatus: async (sha: string, state: string, context: string, description: string) => {
      statuses.push({ sha, state, context, description });
    },
    listReviews: async () => [],
    listPullCommits: async () => [],
    isTeamMember: async () => false,
  };
  return client;
}

describe('the pull-request gate past its deadline', () => {
  let origin: OriginRepo;
  let base: string;
  let head: string;

  beforeAll(() => {
    origin = new OriginRepo();
    base = origin.commit('main', { 'Cargo.toml': CARGO, 'src/lib.rs': ONE }, 'mini 1.0.0');
    head = origin.commit('feature-1', { 'src/lib.rs': ONE + TWO }, 'adds mini_two');
    origin.setPullRef(1, head);
  });

  afterAll(() => origin.cleanup());

  it('posts pending, then an error naming the file being read', async () => {
    const client = fakeClient({
      number: 1,
      state: 'open',
      draft: false,
      headSha: head,
      headRef: 'feature-1',
      headRepo: 'octo/lib',
      baseSha: base,
      baseRef: 'main',
      baseRepo: 'octo/lib',
      author: { login: 'alice', type: 'User' },
      htmlUrl: 'https://github.example/octo/lib/pull/1',
      mergedAt: null,
    });
    const result = await runPullRequestGate(client as unknown as GitHubClient, {
      root: origin.checkout('main'),
      pull: 1,
      statusContext: CONTEXT,
      botLogin: 'github-actions[bot]',
      policy: {
        users: ['sec-bob'],
        teams: [],
        requiredApprovals: 1,
        allowCommitAuthors: false,
        approvalRequiredFor: DEFAULT_APPROVAL_REQUIRED_FOR,
      },
      policyHash: 'sha256:' + '0'.repeat(64),
      features: { mode: 'default', features: [] },
      deadline: new Deadline(1, new SteppingClock(1000), 0), // a second per look at the clock
      protectedPaths: [],
      repoUrl: 'https://github.example/octo/lib',
      runUrl: 'https://github.example/octo/lib/actions/runs/1',
      comment: true,
      log: () => undefined,
      warn: () => undefined,
    });
    expect(client.statuses.map((s) => [s.sha, s.context, s.state])).toEqual([
      [head, CONTEXT, 'pending'],
      [head, CONTEXT, 'error'],
    ]);
    expect(client.statuses[1].description).toBe(
      'FFI analysis failed: deadline of 1 s exceeded while reading Cargo.toml',
    );
    expect(result.decision.state).toBe('error');
    expect(result.report).toBeNull();
    expect(result.errors).toEqual([new DeadlineExceeded(1, 'reading Cargo.toml').message]);
  });
});
