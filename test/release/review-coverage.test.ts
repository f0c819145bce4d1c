import fc from 'fast-check';
import { statusDescription } from '../../src/core/gate/status-description';
import {
  evaluateReviewCoverage,
  HeadStatus,
  PullFacts,
  ReleaseStep,
  renderReviewCoverageMarkdown,
  reviewFailures,
  reviewMessages,
} from '../../src/core/release/review-coverage';
import { hostile } from '../render/arbitraries';
import { startGfm, type Gfm } from '../render/gfm';
import { cellCounts, count, foreignTags, hrefsOf, markdownTables, textOutsideCode } from '../render/html';

let gfm: Gfm;
beforeAll(() => {
  gfm = startGfm();
});
afterAll(async () => {
  await gfm.close();
});

const sha = (c: string) => c.repeat(40);
const D = (c: string) => `sha256:${c.repeat(64)}`;
const EMPTY = D('e');

function step(c: string, changes: number, pulls: number[] = [], subject = `commit ${c}`): ReleaseStep {
  return { sha: sha(c), subject, changes, pulls };
}

const CONTEXT = 'ffi-surface/security-review';
const BOT = 'github-actions[bot]';

/** A status as the gate (or `creator`) sets it on a head. */
function status(
  state: string,
  description: string,
  creator: string | null = BOT,
  context = CONTEXT,
): HeadStatus {
  return { state, context, description, creator: creator === null ? null : { login: creator } };
}

/** The status the gate sets on a head whose delta `digest` is approved. */
const approvedStatus = (digest: string, creator: string | null = BOT) =>
  status('success', statusDescription('FFI surface approved by alice', digest), creator);
/** The status the gate sets on a head without a net FFI change (its ledger: the head surface digest). */
const noChangeStatus = () => status('success', statusDescription('no FFI surface change', D('c')));

/**
 * A merged pull request whose bot comment records `digest` for its final head, approved or not;
 * its final head carries the status the gate sets for that verdict (newest first).
 */
function pull(
  number: number,
  digest: string | null,
  approved: boolean,
  extra: Partial<PullFacts> = {},
): PullFacts {
  const head = sha(String(number % 10));
  const gateStatus =
    digest === null
      ? []
      : approved
        ? [approvedStatus(digest)]
        : digest === EMPTY
          ? [noChangeStatus()]
          : [status('pending', statusDescription('awaiting FFI security review (0/1): 1 addition', digest))];
  return {
    number,
    merged: true,
    headSha: head,
    state:
      digest === null
        ? null
        : { v: 1, head, digests: { [head]: digest }, approved: approved ? [D('0'), digest] : [D('0')] },
    statuses: [status('success', 'build passed', BOT, 'ci/build'), ...gateStatus],
    ...extra,
  };
}

const context = { statusContext: CONTEXT, botLogin: BOT };
const options = { previousTag: 'v1.0.0', emptyDeltaDigest: EMPTY, ...context };

describe('evaluateReviewCoverage', () => {
  it('passes with no commits, and with commits that change no surface (their pull requests are not judged)', () => {
    expect(evaluateReviewCoverage([], [], options)).toEqual({
      ok: true,
      previousTag: 'v1.0.0',
      examined: 0,
      surfaceSteps: [],
      pulls: [],
      directPushes: [],
    });
    const c = evaluateReviewCoverage([step('a', 0), step('b', 0, [4])], [pull(4, null, false)], options);
    expect(c.ok).toBe(true);
    expect(c.examined).toBe(2);
    expect(c.pulls).toEqual([]);
  });

  it('passes when every merged pull request of a surface change has its final digest approved', () => {
    const c = evaluateReviewCoverage(
      [step('a', 2, [1]), step('b', 0), step('c', 1, [2, 1])],
      [pull(1, D('1'), true), pull(2, D('2'), true)],
      options,
    );
    expect(c.ok).toBe(true);
    expect(c.surfaceSteps.map((s) => s.sha)).toEqual([sha('a'), sha('c')]);
    expect(c.pulls).toEqual([
      expect.objectContaining({ number: 1, status: 'approved', ok: true, steps: [sha('a'), sha('c')] }),
      expect.objectContaining({ number: 2, status: 'approved', ok: true, steps: [sha('c')] }),
    ]);
  });

  it('fails a surface change with no pull request, or with unmerged ones only, as a direct push', () => {
    const open = pull(7, D('7'), true, { merged: false });
    const c = evaluateReviewCoverage(
      [step('a', 1), step('b', 3, [7]), step('c', 1, [7, 1])],
      [open, pull(1, D('1'), true)],
      options,
    );
    expect(c.ok).toBe(false);
    expect(c.directPushes.map((s) => s.sha)).toEqual([sha('a'), sha('b')]);
    // the unmerged pull request is neither judged nor credited
    expect(c.pulls.map((p) => p.number)).toEqual([1]);
    expect(reviewFailures(c)).toEqual([
      'commit aaaaaaaaaaaa (no pull request)',
      'commit bbbbbbbbbbbb (no pull request)',
    ]);
  });

  it('judges each pull request: no record, stale head, digest missing, not approved, no net change', () => {
    const stale = pull(3, D('3'), true);
    stale.headSha = sha('f');
    const missing = pull(4, D('4'), true);
    if (missing.state) missing.state.digests = {};
    const c = evaluateReviewCoverage(
      [step('a', 1, [1, 2, 3, 4, 5, 6])],
      [
        pull(1, null, false),
        pull(2, D('2'), false),
        stale,
        missing,
        pull(5, EMPTY, false),
        pull(6, D('6'), true),
      ],
      options,
    );
    expect(c.ok).toBe(false);
    expect(c.pulls.map((p) => [p.number, p.status, p.ok])).toEqual([
      [1, 'no-record', false],
      [2, 'not-approved', false],
      [3, 'stale', false],
      [4, 'no-record', false],
      [5, 'no-net-change', true],
      [6, 'approved', true],
    ]);
    expect(c.pulls[2].detail).toBe(
      'merged at ffffffffffff, but the gate last evaluated 333333333333: the final head was never reviewed',
    );
    expect(reviewFailures(c)).toEqual([
      '#1 (no record)',
      '#2 (not approved)',
      '#3 (stale)',
      '#4 (no record)',
    ]);
  });

  it('accepts an empty final delta only when told which digest that is', () => {
    const c = evaluateReviewCoverage([step('a', 1, [5])], [pull(5, EMPTY, false)], {
      previousTag: 'v1.0.0',
      ...context,
    });
    expect(c.pulls[0].status).toBe('not-approved');
  });

  it('an approved digest of an older head does not cover the final one', () => {
    const head = sha('9');
    const older = sha('8');
    const facts: PullFacts = {
      number: 9,
      merged: true,
      headSha: head,
      state: { v: 1, head, digests: { [older]: D('8'), [head]: D('9') }, approved: [D('8')] },
      statuses: [],
    };
    expect(evaluateReviewCoverage([step('a', 1, [9])], [facts], options).pulls[0].status).toBe(
      'not-approved',
    );
  });

  it('a pull request it could not look up is judged (no record), never taken as unmerged', () => {
    const c = evaluateReviewCoverage([step('a', 1, [8])], [], options);
    expect(c.ok).toBe(false);
    expect(c.directPushes).toEqual([]);
    expect(c.pulls).toEqual([expect.objectContaining({ number: 8, status: 'no-record' })]);
  });

  it('compares SHAs case-insensitively', () => {
    const p = pull(1, D('1'), true);
    p.headSha = p.headSha.toUpperCase();
    expect(evaluateReviewCoverage([step('a', 1, [1])], [p], options).ok).toBe(true);
  });

  it('names each offender in a message that says what to do', () => {
    const c = evaluateReviewCoverage(
      [step('a', 1, [2]), step('b', 2, [], 'hotfix "quoted"')],
      [pull(2, D('2'), false)],
      options,
    );
    expect(reviewMessages(c)).toEqual([
      `require-reviewed: pull request #2, which changed the FFI surface (aaaaaaaaaaaa), is not reviewed: its final FFI delta (sha256:222222222222) was never approved. Comment /ffi-recheck on it to have the gate record its current verdict, then re-run this job.`,
      'require-reviewed: commit bbbbbbbbbbbb ("hotfix \\"quoted\\"") changed the FFI surface (2 changes) without a merged pull request, so the gate never reviewed it.',
    ]);
  });
});

describe('evaluateReviewCoverage: the commit status proves the comment', () => {
  const one = (p: PullFacts, o = options) =>
    evaluateReviewCoverage([step('a', 1, [p.number])], [p], o).pulls[0];
  const confirmFail = (why: string, head = '111111111111') =>
    `approval not confirmed by a success status from github-actions[bot] on ${head}: ${why}`;

  it('a comment edited to claim approval, without the status, fails', () => {
    // the gate left the head pending; a writer then added the digest to `approved` in its comment
    const forged = pull(1, D('1'), false);
    forged.state?.approved.push(D('1'));
    const r = one(forged);
    expect(r).toMatchObject({ status: 'unconfirmed', ok: false });
    expect(r.detail).toBe(confirmFail('the latest ffi-surface/security-review status is pending'));
    // no status of the gate's context at all (only another context's success)
    const bare = one(pull(1, D('1'), true, { statuses: [status('success', 'ok', BOT, 'ci/build')] }));
    expect(bare.detail).toBe(confirmFail('it has no ffi-surface/security-review status'));
    const c = evaluateReviewCoverage([step('a', 1, [1])], [forged], options);
    expect(c.ok).toBe(false);
    expect(reviewFailures(c)).toEqual(['#1 (unconfirmed)']);
    expect(reviewMessages(c)[0]).toContain(
      'is not reviewed: approval not confirmed by a success status from github-actions[bot] on 111111111111: the latest ffi-surface/security-review status is pending.',
    );
  });

  it('a success status someone else created (a human with statuses: write, another App) proves nothing', () => {
    const human = one(pull(1, D('1'), true, { statuses: [approvedStatus(D('1'), 'mallory')] }));
    expect(human).toMatchObject({ status: 'unconfirmed', ok: false });
    expect(human.detail).toBe(
      confirmFail('the latest ffi-surface/security-review status was set by mallory'),
    );
    // also when it supersedes the bot's own success: the latest status counts, whoever set it
    const over = one(
      pull(1, D('1'), true, { statuses: [approvedStatus(D('1'), 'mallory'), approvedStatus(D('1'))] }),
    );
    expect(over.status).toBe('unconfirmed');
    expect(one(pull(1, D('1'), true, { statuses: [approvedStatus(D('1'), null)] })).detail).toBe(
      confirmFail('the latest ffi-surface/security-review status was set by a deleted account'),
    );
    // the bot login compares case-insensitively
    expect(one(pull(1, D('1'), true, { statuses: [approvedStatus(D('1'), 'GitHub-Actions[BOT]')] })).ok).toBe(
      true,
    );
  });

  it('a status whose ledger is not the final digest (stale) fails', () => {
    const stale = one(pull(1, D('1'), true, { statuses: [approvedStatus(D('8'))] }));
    expect(stale).toMatchObject({ status: 'unconfirmed', ok: false });
    expect(stale.detail).toBe(
      confirmFail('the status records ffi sha256:888888888888, not the final ffi sha256:111111111111'),
    );
    const noLedger = one(
      pull(1, D('1'), true, { statuses: [status('success', 'FFI surface approved by alice')] }),
    );
    expect(noLedger.detail).toBe(
      confirmFail('the status records no ledger, not the final ffi sha256:111111111111'),
    );
  });

  it('only the latest status of the context counts: a newer pending or failure supersedes an older success', () => {
    const pending = status('pending', statusDescription('analysing the FFI surface…'));
    expect(one(pull(1, D('1'), true, { statuses: [pending, approvedStatus(D('1'))] })).status).toBe(
      'unconfirmed',
    );
    const failed = status('failure', statusDescription('FFI changes requested by bob', D('1')));
    expect(one(pull(1, D('1'), true, { statuses: [failed, approvedStatus(D('1'))] })).detail).toBe(
      confirmFail('the latest ffi-surface/security-review status is failure'),
    );
    // an older failure under a newer success is fine
    expect(one(pull(1, D('1'), true, { statuses: [approvedStatus(D('1')), failed] })).ok).toBe(true);
  });

  it('"no FFI surface change" proves an empty delta (its ledger is a surface digest); look-alikes do not', () => {
    expect(one(pull(5, EMPTY, false))).toMatchObject({
      status: 'no-net-change',
      ok: true,
      detail:
        'its final FFI delta is empty, confirmed by the ffi-surface/security-review status on 555555555555',
    });
    expect(one(pull(5, EMPTY, false, { statuses: [] })).status).toBe('unconfirmed');
    const group = status('success', statusDescription('no FFI surface change in the merge group', D('c')));
    expect(one(pull(5, EMPTY, false, { statuses: [group] })).status).toBe('unconfirmed');
    expect(one(pull(5, EMPTY, false, { statuses: [status('success', 'no FFI surface change')] })).ok).toBe(
      true,
    );
  });

  it('the status proves a claim, it does not make one: a digest the comment does not claim stays not approved', () => {
    expect(one(pull(2, D('2'), false, { statuses: [approvedStatus(D('2'))] })).status).toBe('not-approved');
  });

  it('uses the configured status context and bot login', () => {
    const o = { ...options, statusContext: 'acme/ffi', botLogin: 'ffi-guard[bot]' };
    const mine = status(
      'success',
      statusDescription('FFI surface approved by alice', D('1')),
      'ffi-guard[bot]',
      'acme/ffi',
    );
    expect(one(pull(1, D('1'), true, { statuses: [mine] }), o).ok).toBe(true);
    // the default context, even from the default bot, is someone else's here
    const r = one(pull(1, D('1'), true), o);
    expect(r.detail).toBe(
      'approval not confirmed by a success status from ffi-guard[bot] on 111111111111: it has no acme/ffi status',
    );
  });
});

describe('evaluateReviewCoverage: deltas the review policy let through (approval-required-for)', () => {
  /** The status the gate sets on a head whose delta needed no approval under the review policy. */
  const policyStatus = (digest: string, creator: string | null = BOT) =>
    status('success', statusDescription('No review needed: 2 non-ABI changes', digest), creator);

  it('accepts a policy-passed final delta the gate recorded like an approved one, and says so', () => {
    const p = pull(1, D('1'), true, { statuses: [policyStatus(D('1'))] });
    const c = evaluateReviewCoverage([step('a', 1, [1])], [p], options);
    expect(c.ok).toBe(true);
    expect(c.pulls[0]).toMatchObject({
      status: 'approved',
      ok: true,
      detail:
        'final FFI delta needed no approval under the review policy (approval-required-for) (sha256:111111111111), confirmed by the ffi-surface/security-review status on 111111111111',
    });
  });

  it('the note is no claim: without the digest in the record, or with another creator or ledger, it fails', () => {
    const one = (p: PullFacts) => evaluateReviewCoverage([step('a', 1, [1])], [p], options).pulls[0];
    expect(one(pull(1, D('1'), false, { statuses: [policyStatus(D('1'))] })).status).toBe('not-approved');
    expect(one(pull(1, D('1'), true, { statuses: [policyStatus(D('1'), 'mallory')] })).status).toBe(
      'unconfirmed',
    );
    expect(one(pull(1, D('1'), true, { statuses: [policyStatus(D('8'))] })).status).toBe('unconfirmed');
    // a later request for changes supersedes the pass
    const failed = status('failure', statusDescription('FFI changes requested by bob', D('1')));
    expect(one(pull(1, D('1'), true, { statuses: [failed, policyStatus(D('1'))] })).status).toBe(
      'unconfirmed',
    );
  });
});

describe('renderReviewCoverageMarkdown', () => {
  async function check(md: string): Promise<string> {
    expect(count(md, '<!--')).toBe(0);
    for (const table of markdownTables(md)) {
      for (const row of table) expect(cellCounts(row)).toEqual({ github: 4, micromark: 4 });
    }
    const html = await gfm.toHtml(md);
    expect(foreignTags(html)).toEqual([]);
    expect(count(html, '<!--')).toBe(0);
    expect(textOutsideCode(html)).not.toMatch(/@\w/);
    for (const href of hrefsOf(html))
      expect(href).toMatch(/^https:\/\/github\.example\/octo\/lib\/(pull\/\d+|commit\/[0-9a-f]{40})$/);
    return html;
  }

  it('renders a pass, and a failure with its table and direct pushes', async () => {
    const pass = evaluateReviewCoverage([step('a', 1, [1]), step('b', 0)], [pull(1, D('1'), true)], options);
    const md = renderReviewCoverageMarkdown(pass, 'https://github.example/octo/lib');
    expect(md).toContain(
      '✅ **Reviewed:** every FFI surface change since `v1.0.0` came through an approved pull request (1 of 2 commits changed the surface).',
    );
    expect(md).toContain(
      '| [#1](https://github.example/octo/lib/pull/1) | [`aaaaaaaaaaaa`](https://github.example/octo/lib/commit/aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa) | ✅ approved | final FFI delta approved \\(sha256:111111111111\\), confirmed by the ffi-surface/security-review status on 111111111111 |',
    );
    await check(md);

    const none = renderReviewCoverageMarkdown(evaluateReviewCoverage([step('a', 0)], [], options));
    expect(none).toContain('✅ **Reviewed:** none of the 1 commit since `v1.0.0` changed the FFI surface.');
    expect(none).not.toContain('| Pull request |');

    const fail = evaluateReviewCoverage(
      [step('a', 1, [2]), step('b', 1, [], 'direct @team <b>x</b>')],
      [pull(2, D('2'), false)],
      options,
    );
    const fmd = renderReviewCoverageMarkdown(fail, 'https://github.example/octo/lib');
    expect(fmd).toContain(
      '❌ **Not reviewed:** 1 pull request and 1 commit pushed without one changed the FFI surface since `v1.0.0` without an approval recorded by the gate.',
    );
    expect(fmd).toContain('| ❌ not approved |');
    expect(fmd).toContain('### ❌ Surface changes without a pull request');
    const html = await check(fmd);
    expect(html).not.toContain('<b>');
  });

  it('keeps hostile subjects and tags inert (property)', async () => {
    const arb = fc.record({
      previousTag: hostile,
      subjects: fc.array(hostile, { minLength: 1, maxLength: 4 }),
      approved: fc.boolean(),
    });
    await fc.assert(
      fc.asyncProperty(arb, async ({ previousTag, subjects, approved }) => {
        const steps = subjects.map((s, i) => step(String(i), i % 2, i % 3 === 0 ? [] : [1], s));
        const c = evaluateReviewCoverage(steps, [pull(1, D('1'), approved)], { previousTag, ...context });
        const md = renderReviewCoverageMarkdown(c, 'https://github.example/octo/lib');
        await check(md);
        // the only issue references are the tool's own links to pull requests
        const html = (await gfm.toHtml(md)).replace(/<a href="[^"]*\/pull\/1">#1<\/a>/g, '');
        expect(textOutsideCode(html)).not.toMatch(/#\d/);
      }),
      { numRuns: 200 },
    );
  });
});
