/**
 * The commit status the gate sets, decided from the report (and, once the approval policy is
 * evaluated, from approvals). Pure, and fail-closed: only an empty delta or a valid approval of
 * this exact delta is `success`.
 */
import type { DiffReport } from '../report';
import { countChanges, statusDescription } from './status-description';

export type StatusState = 'success' | 'pending' | 'failure' | 'error';

export interface GateDecision {
  state: StatusState;
  description: string;
}

export const DEFAULT_STATUS_CONTEXT = 'ffi-surface/security-review';

export function errorDecision(reason: string): GateDecision {
  return { state: 'error', description: statusDescription(`FFI analysis failed: ${reason}`) };
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
