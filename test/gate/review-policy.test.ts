/**
 * The review policy, pure (`approval-required-for`, SPEC section 6): which deltas need an approval
 * at all, and the decision and status wording for those that do not. The in-process scenarios
 * against the fake API are in approval-rules.test.ts ("review policy"), merge-group.test.ts and
 * test/release/review-coverage.test.ts.
 */
import type { ApprovalOutcome } from '../../src/core/gate/approvals';
import { decideGate, decideWithoutApproval } from '../../src/core/gate/decide-status';
import { DEFAULT_APPROVAL_REQUIRED_FOR, isOpenHigh, reviewNeed } from '../../src/core/gate/review-policy';
import { MAX_DESCRIPTION } from '../../src/core/gate/status-description';
import type { Change, DiffReport, Finding, Severity } from '../../src/core/report';
import { SEVERITIES } from '../../src/core/report';
import { diffLib, fn } from '../diff/helpers';

const DIGEST = `sha256:${'ab'.repeat(32)}`;
const LEDGER = ` · ffi sha256:${'ab'.repeat(6)}`;

function change(severity: Severity, rule = `rule-${severity}`, name = 'f'): Change {
  return {
    rule,
    severity,
    kind: 'function',
    name,
    crate: 'mini',
    file: 'src/lib.rs',
    line: 1,
    before: null,
    after: null,
    message: '',
  };
}

function finding(level: Finding['level'], status?: Finding['status']): Finding {
  return {
    rule: 'raw-pointer-param',
    level,
    symbol: 'f',
    name: 'f',
    crate: 'mini',
    file: 'src/lib.rs',
    line: 1,
    message: '',
    checklist: '',
    ...(status ? { status } : {}),
  };
}

function report(changes: Change[], findings: Finding[] = []): DiffReport {
  return {
    schemaVersion: 1,
    tool: { name: 'ffi-surface-guard', version: '0.0.0' },
    base: { rev: 'base', digest: `sha256:${'0'.repeat(64)}` },
    head: { rev: 'head', digest: `sha256:${'1'.repeat(64)}` },
    changes,
    findings,
    requiredBump: 'none',
    deltaDigest: DIGEST,
    crates: [],
    diagnostics: [],
  };
}

const PENDING: ApprovalOutcome = {
  state: 'pending',
  required: 1,
  approvedBy: [],
  changesRequestedBy: [],
  ignored: [],
  noEligibleApprover: false,
};

const NON_ABI_TOO: Severity[] = [...DEFAULT_APPROVAL_REQUIRED_FOR, 'non-abi'];

describe('reviewNeed', () => {
  it('by default every severity but non-abi needs an approval', () => {
    expect(DEFAULT_APPROVAL_REQUIRED_FOR).toEqual([
      'breaking',
      'source-breaking',
      'potentially-breaking',
      'addition',
    ]);
    for (const s of SEVERITIES)
      expect([s, reviewNeed(report([change(s)]), DEFAULT_APPROVAL_REQUIRED_FOR).needed]).toEqual([
        s,
        s !== 'non-abi',
      ]);
  });

  it('non-abi needs one only when configured; a set without addition lets additions through', () => {
    const r = report([change('non-abi'), change('non-abi', 'rule-x', 'g')]);
    expect(reviewNeed(r, DEFAULT_APPROVAL_REQUIRED_FOR)).toEqual({
      needed: false,
      reasons: [],
      openHighFindings: 0,
      summary:
        'No approval needed: only 2 non-ABI changes, none of a severity that needs one and no open high finding (policy: approval-required-for: breaking, source-breaking, potentially-breaking, addition)',
    });
    expect(reviewNeed(r, NON_ABI_TOO)).toMatchObject({ needed: true, reasons: ['2 non-ABI changes'] });
    expect(reviewNeed(report([change('addition')]), ['breaking']).needed).toBe(false);
  });

  it('unresolved entries always need one, whatever the setting (even an empty one)', () => {
    const r = report([change('potentially-breaking', 'unresolved-macro'), change('non-abi')]);
    expect(reviewNeed(r, [])).toMatchObject({ needed: true, reasons: ['1 unresolved entry'] });
    expect(reviewNeed(report([change('potentially-breaking', 'unresolved-export-site')]), []).needed).toBe(
      true,
    );
    expect(reviewNeed(report([change('potentially-breaking')]), []).needed).toBe(false);
  });

  it('a change of the Rust contract with C callers always needs one, though non-ABI', () => {
    const r = report([
      change('non-abi', 'rust-contract-changed'),
      change('non-abi', 'rust-spelling-changed'),
    ]);
    expect(reviewNeed(r, DEFAULT_APPROVAL_REQUIRED_FOR)).toMatchObject({
      needed: true,
      reasons: ['1 Rust contract change'],
    });
    expect(reviewNeed(r, []).needed).toBe(true);
    expect(
      reviewNeed(report([change('non-abi', 'rust-spelling-changed')]), DEFAULT_APPROVAL_REQUIRED_FOR).needed,
    ).toBe(false);
  });

  it('through the engine: *mut T becoming Box<T> (Rust now frees it) is held; *mut T becoming Option<NonNull<T>> passes', async () => {
    const lib = (ty: string) => fn(`pub struct T;\n#[no_mangle] pub extern "C" fn engine_take(e: ${ty}) {}`);
    const held = await diffLib(lib('*mut T'), lib('Box<T>'));
    expect(held.changes.map((c) => [c.rule, c.severity])).toEqual([['rust-contract-changed', 'non-abi']]);
    expect(reviewNeed(held, DEFAULT_APPROVAL_REQUIRED_FOR).needed).toBe(true);
    expect(decideWithoutApproval(held, DEFAULT_APPROVAL_REQUIRED_FOR).state).toBe('pending');
    const passes = await diffLib(lib('*mut T'), lib('Option<std::ptr::NonNull<T>>'));
    expect(passes.changes.map((c) => c.rule)).toEqual(['rust-spelling-changed']);
    expect(decideWithoutApproval(passes, DEFAULT_APPROVAL_REQUIRED_FOR).state).toBe('success');
  });

  it('an open high finding always needs one; a verified one, or a medium or low one, does not', () => {
    const r = (f: Finding) => report([change('non-abi')], [f]);
    expect(reviewNeed(r(finding('high')), []).reasons).toEqual(['1 open high finding']);
    expect(reviewNeed(r(finding('high', 'open')), []).needed).toBe(true);
    expect(reviewNeed(r(finding('high', 'verified')), DEFAULT_APPROVAL_REQUIRED_FOR).needed).toBe(false);
    expect(reviewNeed(r(finding('medium')), DEFAULT_APPROVAL_REQUIRED_FOR).needed).toBe(false);
    expect(reviewNeed(r(finding('low')), DEFAULT_APPROVAL_REQUIRED_FOR).needed).toBe(false);
  });

  it('a status it does not know is open (fail closed)', () => {
    const odd = { ...finding('high'), status: 'Verified' } as unknown as Finding;
    expect(isOpenHigh(odd)).toBe(true);
    expect(reviewNeed(report([change('non-abi')], [odd]), []).needed).toBe(true);
  });

  it('names every reason, worst first', () => {
    const r = report(
      [change('addition'), change('breaking'), change('potentially-breaking', 'unresolved-macro')],
      [finding('high'), finding('high', 'verified'), finding('high')],
    );
    expect(reviewNeed(r, DEFAULT_APPROVAL_REQUIRED_FOR).reasons).toEqual([
      '1 breaking, 1 addition',
      '1 unresolved entry',
      '2 open high findings',
    ]);
    // the count the gate's description reads (not parsed back out of the English reasons)
    expect(reviewNeed(r, DEFAULT_APPROVAL_REQUIRED_FOR).openHighFindings).toBe(2);
  });
});

describe('decideGate with the review policy', () => {
  it('a delta that needs no approval is success, with the ledger, within 140 characters', () => {
    const d = decideGate(
      report([change('non-abi'), change('non-abi')]),
      PENDING,
      DIGEST,
      DEFAULT_APPROVAL_REQUIRED_FOR,
    );
    expect(d).toEqual({ state: 'success', description: `No review needed: 2 non-ABI changes${LEDGER}` });
    expect([...d.description].length).toBeLessThanOrEqual(MAX_DESCRIPTION);
  });

  it('the same delta awaits review when the policy says so', () => {
    const d = decideGate(report([change('non-abi')]), PENDING, DIGEST, NON_ABI_TOO);
    expect(d).toEqual({
      state: 'pending',
      description: `awaiting FFI security review (0/1): 1 non-ABI change${LEDGER}`,
    });
  });

  it('an open high finding keeps a non-ABI delta pending and the description says why; a verified one does not', () => {
    const open = decideGate(
      report([change('non-abi')], [finding('high')]),
      PENDING,
      DIGEST,
      DEFAULT_APPROVAL_REQUIRED_FOR,
    );
    expect(open).toEqual({
      state: 'pending',
      description: `awaiting FFI security review (0/1): 1 non-ABI change; 1 open high finding${LEDGER}`,
    });
    const verified = decideGate(
      report([change('non-abi')], [finding('high', 'verified')]),
      PENDING,
      DIGEST,
      DEFAULT_APPROVAL_REQUIRED_FOR,
    );
    expect(verified.state).toBe('success');
  });

  it('a request for changes by a designated reviewer fails even a delta the policy lets through', () => {
    const d = decideGate(
      report([change('non-abi')]),
      { ...PENDING, state: 'changes-requested', changesRequestedBy: ['sec-bob'] },
      DIGEST,
      DEFAULT_APPROVAL_REQUIRED_FOR,
    );
    expect(d).toEqual({ state: 'failure', description: `FFI changes requested by sec-bob${LEDGER}` });
  });

  it('an approved delta says approved, not "no review needed"', () => {
    const d = decideGate(
      report([change('non-abi')]),
      { ...PENDING, state: 'approved', approvedBy: ['sec-bob'] },
      DIGEST,
      DEFAULT_APPROVAL_REQUIRED_FOR,
    );
    expect(d.description).toBe(`FFI surface approved by sec-bob${LEDGER}`);
  });

  it('an empty delta keeps its wording; no eligible approver does not hold back a delta that needs none', () => {
    expect(decideGate(report([]), PENDING, DIGEST, DEFAULT_APPROVAL_REQUIRED_FOR).description).toMatch(
      /^no FFI surface change · ffi sha256:1{12}$/,
    );
    const nobody = { ...PENDING, noEligibleApprover: true };
    expect(decideGate(report([change('non-abi')]), nobody, DIGEST, DEFAULT_APPROVAL_REQUIRED_FOR).state).toBe(
      'success',
    );
    expect(decideGate(report([change('addition')]), nobody, DIGEST, DEFAULT_APPROVAL_REQUIRED_FOR)).toEqual({
      state: 'pending',
      description: `no eligible FFI approver (configure approvers): 1 addition${LEDGER}`,
    });
  });

  it('gate-status (no approvals) applies the same policy', () => {
    expect(decideWithoutApproval(report([change('non-abi')]), DEFAULT_APPROVAL_REQUIRED_FOR)).toEqual({
      state: 'success',
      description: `No review needed: 1 non-ABI change${LEDGER}`,
    });
    expect(decideWithoutApproval(report([change('non-abi')]), NON_ABI_TOO).state).toBe('pending');
  });
});
