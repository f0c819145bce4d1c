/** The security findings engine (SPEC section 5). */
export { FINDING_RULES, FINDING_RULE_IDS, findingRule } from './catalogue';
export { computeFindings, compareFindings } from './compute-findings';
export type { FindingInput, FindingOptions } from './compute-findings';
export { effectiveLevel, inScope, validateFindingPolicy } from './policy';
export type { FindingPolicy, FindingScope } from './policy';
export type { BaseCrate, FindingContext, FindingHit, FindingRule, GatedRecord } from './rule';
