/**
 * The review policy (SPEC section 6, "Which changes need an approval"), pure: whether a delta
 * needs an approval at all. It does when it has
 * - a change whose severity is in `approval-required-for` (default: breaking, source-breaking,
 *   potentially-breaking, addition; `non-abi` only when configured),
 * - any unresolved entry (a change of an `unresolved-*` rule: what the engine could not read may
 *   export anything), whatever the setting,
 * - a change of what the Rust side assumes of a C caller (`rust-contract-changed`: a pointer that
 *   must now never be NULL, ownership taken or given back), non-ABI but never harmless, whatever
 *   the setting, or
 * - an open `high` finding (a finding counts as open unless the engine marked it `verified`),
 *   whatever the setting.
 * A delta that needs none passes without a review, recorded in the status ledger like an approved
 * one. An empty delta is not a matter for this policy (the gate passes it as "no FFI surface change").
 */
import type { Change, DiffReport, Finding, Severity } from '../report';
import { isVerified, SEVERITIES } from '../report';
import { countChanges } from './status-description';

/** The severities that need an approval when the configuration does not say. */
export const DEFAULT_APPROVAL_REQUIRED_FOR: readonly Severity[] = [
  'breaking',
  'source-breaking',
  'potentially-breaking',
  'addition',
];

/** The configuration key, named in what the gate writes. */
export const APPROVAL_REQUIRED_FOR_KEY = 'approval-required-for';

/** What the policy says of one delta. */
export interface ReviewNeed {
  /** The delta needs an approval. */
  needed: boolean;
  /**
   * Why, worst first ("1 addition", "1 unresolved entry", "2 open high findings"); empty when
   * no approval is needed.
   */
  reasons: string[];
  /** Open high findings among the reasons (each needs an approval whatever the changes' severity). */
  openHighFindings: number;
  /** One line for the comment and the job summary, naming the setting. */
  summary: string;
}

/** A change the engine could not resolve: always reviewed. */
export function isUnresolved(change: Pick<Change, 'rule'>): boolean {
  return change.rule.startsWith('unresolved-');
}

/** A change of the Rust side's contract with C callers (NULL, ownership): always reviewed. */
export function isContractChange(change: Pick<Change, 'rule'>): boolean {
  return change.rule === 'rust-contract-changed';
}

/** A `high` finding that is not verified (an absent or unknown status is open: fail closed). */
export function isOpenHigh(finding: Pick<Finding, 'level' | 'status'>): boolean {
  return finding.level === 'high' && !isVerified(finding);
}

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** The severities in canonical order, without duplicates (what the configuration normalises to). */
export function canonicalSeverities(list: readonly Severity[]): Severity[] {
  const set = new Set(list);
  return SEVERITIES.filter((s) => set.has(s));
}

/** The reason open high findings give ("2 open high findings"). */
export function openHighReason(count: number): string {
  return plural(count, 'open high finding', 'open high findings');
}

/** Whether `report`'s delta needs an approval under `requiredFor` (see the top of this file). */
export function reviewNeed(
  report: Pick<DiffReport, 'changes' | 'findings'>,
  requiredFor: readonly Severity[],
): ReviewNeed {
  const set = new Set(requiredFor);
  const always = (c: Change) => isUnresolved(c) || isContractChange(c);
  const inSet = report.changes.filter((c) => set.has(c.severity) && !always(c));
  const unresolved = report.changes.filter(isUnresolved).length;
  const contract = report.changes.filter(isContractChange).length;
  const openHigh = report.findings.filter(isOpenHigh).length;
  const reasons: string[] = [];
  if (inSet.length) reasons.push(countChanges({ changes: inSet }));
  if (unresolved) reasons.push(plural(unresolved, 'unresolved entry', 'unresolved entries'));
  if (contract) reasons.push(plural(contract, 'Rust contract change', 'Rust contract changes'));
  if (openHigh) reasons.push(openHighReason(openHigh));
  const needed = reasons.length > 0;
  const setting = `policy: ${APPROVAL_REQUIRED_FOR_KEY}: ${canonicalSeverities(requiredFor).join(', ') || 'none'}`;
  const summary = needed
    ? `Approval needed: ${reasons.join(', ')} (${setting}; unresolved entries, Rust contract changes and open high findings always need one)`
    : report.changes.length === 0
      ? 'No approval needed: no FFI surface change'
      : `No approval needed: only ${countChanges(report)}, none of a severity that needs one and no open high finding (${setting})`;
  return { needed, reasons, openHighFindings: openHigh, summary };
}
