/** Binds the findings engine to a policy for the report builder. */
import type { FindingsFunction } from '../core/diff/build-report';
import { computeFindings, FindingPolicy } from '../core/findings';

export function computeReportFindings(policy?: FindingPolicy): FindingsFunction {
  return (items, crate, base) => computeFindings(items, crate, policy, base ? { base } : {});
}
