/**
 * The commit status the gate sets, decided from the report, the review policy and the approval
 * outcome. Pure and fail-closed: only an empty delta, enough valid approvals of this exact delta,
 * or a delta the review policy lets through without one (`review-policy.ts`) are `success`; a
 * designated reviewer's request for changes on the current delta is `failure` even then.
 */
import type { DiffReport, Severity } from '../report';
import type { ApprovalOutcome } from './approvals';
import { openHighReason, ReviewNeed, reviewNeed } from './review-policy';
import { countChanges, MAX_DESCRIPTION, statusDescription } from './status-description';

export type StatusState = 'success' | 'pending' | 'failure' | 'error';

export interface GateDecision {
  state: StatusState;
  description: string;
}

export const DEFAULT_STATUS_CONTEXT = 'ffi-surface/security-review';

export function errorDecision(reason: string): GateDecision {
  return { state: 'error', description: statusDescription(`FFI analysis failed: ${reason}`) };
}

/**
 * The run went past its deadline: the description names what it was reading, shortening the path
 * from its start (`…/deep/dir/file.rs`) so that the file name survives the 140-character cut.
 */
export function deadlineDecision(seconds: number, activity: string): GateDecision {
  const head = `FFI analysis failed: deadline of ${seconds} s exceeded while `;
  const room = MAX_DESCRIPTION - [...head].length;
  const text = activity.replace(/\s+/g, ' ');
  const chars = [...text];
  const verb = /^\S+ /.exec(text)?.[0] ?? '';
  const shown =
    chars.length <= room
      ? chars.join('')
      : verb + '…' + chars.slice(chars.length - (room - verb.length - 1)).join('');
  return { state: 'error', description: statusDescription(head + shown) };
}

/** An API refusal (403): the permission to add leads, so the cut description still names it. */
export function permissionDecision(permission: string, reason: string): GateDecision {
  return {
    state: 'error',
    description: statusDescription(`FFI gate: the token needs ${permission}; ${reason}`),
  };
}

/**
 * The PR head does not merge cleanly into its base tip: what would land is unknown, so the status
 * is `pending` (never `success`, whatever the approvals), until the conflict is resolved. The
 * ledger, when given, is that of the PR's own delta against the merge base (shown in the report).
 */
export function conflictDecision(baseRef: string, digest?: string): GateDecision {
  return {
    state: 'pending',
    description: statusDescription(
      `merge conflict with ${baseRef}: resolve it so the FFI surface that lands can be evaluated`,
      digest,
    ),
  };
}

/** `No review needed: 2 non-ABI changes`: a delta the review policy lets through, ledgered. */
function policyPassed(report: DiffReport, digest: string): GateDecision {
  return {
    state: 'success',
    description: statusDescription(`No review needed: ${countChanges(report)}`, digest),
  };
}

/**
 * What needs the review, for a pending description: the changes, and what the policy adds to them
 * when the changes alone would not need one (`1 non-ABI change; 1 open high finding`).
 */
function awaited(report: DiffReport, need: ReviewNeed, requiredFor: readonly Severity[]): string {
  const changesAlone = reviewNeed({ changes: report.changes, findings: [] }, requiredFor).needed;
  return changesAlone || need.openHighFindings === 0
    ? countChanges(report)
    : `${countChanges(report)}; ${openHighReason(need.openHighFindings)}`;
}

/**
 * The decision before any approval is considered (the CLI's `gate-status`): an empty delta, or one
 * the review policy lets through, is `success`; anything else awaits review.
 */
export function decideWithoutApproval(report: DiffReport, requiredFor: readonly Severity[]): GateDecision {
  if (report.changes.length === 0)
    return { state: 'success', description: statusDescription('no FFI surface change', report.head.digest) };
  const need = reviewNeed(report, requiredFor);
  if (!need.needed) return policyPassed(report, report.deltaDigest);
  return {
    state: 'pending',
    description: statusDescription(
      `awaiting FFI security review: ${awaited(report, need, requiredFor)}`,
      report.deltaDigest,
    ),
  };
}

function names(list: string[]): string {
  return list.length <= 3 ? list.join(', ') : `${list.slice(0, 3).join(', ')} and ${list.length - 3} more`;
}

/**
 * The gate's decision. Order matters: an empty delta passes; a request for changes by a designated
 * reviewer on this delta fails, even when the policy would let the delta through without review
 * (the safe reading of a reviewer who objects); enough approvals pass; a delta that needs no
 * approval under `requiredFor` passes with a note; anything else waits.
 */
export function decideGate(
  report: DiffReport,
  outcome: ApprovalOutcome,
  digest: string,
  requiredFor: readonly Severity[],
): GateDecision {
  if (report.changes.length === 0)
    return { state: 'success', description: statusDescription('no FFI surface change', report.head.digest) };
  if (outcome.state === 'changes-requested')
    return {
      state: 'failure',
      description: statusDescription(`FFI changes requested by ${names(outcome.changesRequestedBy)}`, digest),
    };
  if (outcome.state === 'approved')
    return {
      state: 'success',
      description: statusDescription(`FFI surface approved by ${names(outcome.approvedBy)}`, digest),
    };
  const need = reviewNeed(report, requiredFor);
  if (!need.needed) return policyPassed(report, digest);
  if (outcome.noEligibleApprover)
    return {
      state: 'pending',
      description: statusDescription(
        `no eligible FFI approver (configure approvers): ${awaited(report, need, requiredFor)}`,
        digest,
      ),
    };
  return {
    state: 'pending',
    description: statusDescription(
      `awaiting FFI security review (${outcome.approvedBy.length}/${outcome.required}): ${awaited(report, need, requiredFor)}`,
      digest,
    ),
  };
}
