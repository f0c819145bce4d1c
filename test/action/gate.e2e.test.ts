/**
 * End to end: the merge gate on the events that re-evaluate a pull request (a review, a comment,
 * the workflow_run relay, an edit of the bot's comment), with the bundled action run as a runner
 * runs it against the fake GitHub REST API and a real git origin. Every scenario asserts the full
 * list of commit states posted on the PR head, and what the sticky comment says. The approval rules
 * themselves run in process in test/gate/approval-rules.test.ts.
 */
import { pullRequestEvent, runAction, type ActionRun } from '../support/action-runner';
import {
  ADDS_TWO_AND_THREE,
  BOT,
  commentsBy,
  forgedMarker,
  type Gate,
  markerOf,
  plain,
  push,
  REPO,
  review,
  reviewEvent,
  type RunOptions,
  setup,
  states,
  sticky,
} from '../support/gate-world';

// ---------------------------------------------------------------------------------------------
// Harness (the crate, the origin and the fake API: test/support/gate-world.ts)

function run(g: Gate, o: RunOptions = {}): Promise<ActionRun> {
  return runAction({
    workspace: g.workspace,
    fake: g.fake,
    eventName: o.eventName ?? 'pull_request_target',
    event: o.event ?? pullRequestEvent(1, g.pull.head.sha, g.base, 'synchronize', g.pull.user.login),
    inputs: o.inputs,
  });
}

function commentEvent(
  action: string,
  body: string,
  author: string,
  sender = author,
  onPull = true,
): Record<string, unknown> {
  return {
    action,
    issue: {
      number: 1,
      ...(onPull ? { pull_request: { url: `https://api.github.example/repos/${REPO}/pulls/1` } } : {}),
    },
    comment: { id: 99, body, user: { login: author } },
    repository: { full_name: REPO, default_branch: 'main' },
    sender: { login: sender },
  };
}

function warnings(r: ActionRun): string[] {
  return r.stdout
    .split('\n')
    .filter((l) => l.startsWith('::warning'))
    .map((l) => l.replace(/^::warning[^:]*::/, ''));
}

function jobErrors(r: ActionRun): string[] {
  return r.stdout
    .split('\n')
    .filter((l) => l.startsWith('::error::'))
    .map((l) => l.slice('::error::'.length).replace(/%0A/g, '\n'));
}

/** The run ended as expected, with the runner's view of the job. */
function expectClean(r: ActionRun): void {
  expect(r.stderr).toBe('');
  expect(jobErrors(r)).toEqual([]);
  expect(r.code).toBe(0);
}

// ---------------------------------------------------------------------------------------------

let g: Gate;
afterEach(async () => {
  await g.fake.close();
  g.origin.cleanup();
});

describe('nobody can forge the state', () => {
  /** sec-bob approved the first head; the second changed the surface. Returns both heads and digests. */
  async function staleApproval(inputs?: Record<string, string>) {
    const first = g.pull.head.sha;
    review(g, 'sec-bob', 'APPROVED', first);
    const r1 = await run(g, { inputs });
    expectClean(r1);
    const second = push(g, ADDS_TWO_AND_THREE);
    const r2 = await run(g, { inputs });
    expectClean(r2);
    expect(states(g, second)).toEqual(['pending', 'pending']);
    return { first, second, d1: r1.outputs.digest, d2: r2.outputs.digest };
  }

  it("an edit of the bot's own comment (anyone with write access can) cannot turn a stale approval into a current one", async () => {
    g = await setup();
    const { first, second, d2 } = await staleApproval();
    const own = sticky(g);
    expect(markerOf(own.body).digests[first]).not.toBe(d2);
    // a maintainer rewrites the hidden state: the approved commit "has" the head's digest
    own.body = own.body.replace(
      /^<!-- ffi-surface-guard v1 [A-Za-z0-9+/=]+ -->/,
      forgedMarker({ v: 1, head: second, digests: { [first]: d2, [second]: d2 }, approved: [d2] }),
    );
    const r = await run(g, {
      eventName: 'issue_comment',
      event: {
        ...commentEvent('edited', own.body, BOT, 'mallory'),
        comment: { id: own.id, body: own.body, user: { login: BOT } },
      },
    });
    expectClean(r);
    expect(warnings(r)).toContainEqual(
      expect.stringContaining('mallory edited the ffi-surface-guard comment'),
    );
    expect(states(g, second)).toEqual(['pending', 'pending', 'pending', 'pending']);
    expect(r.outputs.approved).toBe('false');
    const body = sticky(g).body;
    expect(plain(body)).toContain(
      `not counted: sec-bob: approved ${first.slice(0, 12)}, whose FFI surface differs`,
    );
    // re-rendered from the API state: the forged mapping is gone
    expect(markerOf(body).digests[first]).not.toBe(d2);
  });
});

describe('re-evaluation events', () => {
  it('pull_request_review, /ffi-recheck and the workflow_run relay re-evaluate; other comments are ignored with a notice', async () => {
    g = await setup();
    const head = g.pull.head.sha;
    expectClean(await run(g, { event: pullRequestEvent(1, head, g.base, 'opened', 'alice') }));
    expect(states(g, head)).toEqual(['pending', 'pending']);

    // a review is submitted
    const approval = review(g, 'sec-bob', 'APPROVED');
    const submitted = await run(g, {
      eventName: 'pull_request_review',
      event: reviewEvent(g, 'submitted', 'sec-bob'),
    });
    expectClean(submitted);
    expect(states(g, head)).toEqual(['pending', 'pending', 'pending', 'success']);
    expect(submitted.outputs.approved).toBe('true');

    // a comment that is not a recheck changes nothing
    const chatter = await run(g, {
      eventName: 'issue_comment',
      event: commentEvent('created', 'LGTM, /ffi-recheck later', 'carol'),
    });
    expectClean(chatter);
    expect(chatter.stdout).toMatch(
      /::notice::ffi-surface-guard: nothing to evaluate \(the comment neither says \/ffi-recheck nor edits the report\)/,
    );
    const onIssue = await run(g, {
      eventName: 'issue_comment',
      event: commentEvent('created', '/ffi-recheck', 'carol', 'carol', false),
    });
    expectClean(onIssue);
    expect(onIssue.stdout).toMatch(
      /::notice::ffi-surface-guard: nothing to evaluate \(the comment is not on a pull request\)/,
    );
    expect(states(g, head)).toHaveLength(4);

    // the approval is dismissed; /ffi-recheck re-evaluates
    approval.state = 'DISMISSED';
    const recheck = await run(g, {
      eventName: 'issue_comment',
      event: commentEvent('created', 'please\n/ffi-recheck', 'carol'),
    });
    expectClean(recheck);
    expect(states(g, head)).toEqual(['pending', 'pending', 'pending', 'success', 'pending', 'pending']);

    // a fork's review, relayed: workflow_run with no pull_requests; the PR is found from head_sha
    review(g, 'sec-bob', 'APPROVED');
    const relay = await run(g, {
      eventName: 'workflow_run',
      event: {
        action: 'completed',
        workflow_run: {
          id: 7,
          name: 'ffi-review-relay',
          event: 'pull_request_review',
          conclusion: 'success',
          head_sha: head,
          head_branch: 'feature-1',
          head_repository: { full_name: 'mallory/lib' },
          pull_requests: [],
        },
        repository: { full_name: REPO, default_branch: 'main' },
        sender: { login: 'sec-bob' },
      },
    });
    expectClean(relay);
    expect(g.fake.requestsTo('GET /repos/:owner/:repo/pulls').length).toBeGreaterThan(0);
    expect(states(g, head)).toEqual([
      'pending',
      'pending',
      'pending',
      'success',
      'pending',
      'pending',
      'pending',
      'success',
    ]);
    expect(relay.outputs.approved).toBe('true');
    expect(commentsBy(g, BOT)).toHaveLength(1);
  });
});
