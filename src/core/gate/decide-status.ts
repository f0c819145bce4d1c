/**
 * The commit status the gate sets, decided from the report and the approval outcome. Pure and
 * fail-closed: only an empty delta or enough valid approvals of this exact delta are `success`.
 */
import type { DiffReport } from '../report';
import type { ApprovalOutcome } from './approvals';
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

/** The decision before any approval is considered. */
export function decideWithoutApproval(report: DiffReport): GateDecision {
  if (report.changes.length === 0)
    return { state: 'success', description: statusDescription('no FFI surface change', report.head.digest) };
  return {
    state: 'pending',
    description: statusDescription(
      `awaiting FFI security review: ${countChanges(report)}`,
      report.deltaDigest,
    ),
  };
}

function names(list: string[]): string {
  return list.length <= 3 ? list.join(', ') : `${list.slice(0, 3).join(', ')} and ${list.length - 3} more`;
}

export function decideGate(report: DiffReport, outcome: ApprovalOutcome, digest: string): GateDecision {
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
  if (outcome.noEligibleApprover)
    return {
      state: 'pending',
      description: statusDescription(
        `no eligible FFI approver (configure approvers): ${countChanges(report)}`,
        digest,
      ),
    };
  return {
    state: 'pending',
    description: statusDescription(
      `awaiting FFI security review (${outcome.approvedBy.length}/${outcome.required}): ${countChanges(report)}`,
      digest,
    ),
  };
}
