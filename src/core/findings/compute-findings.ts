/**
 * Runs the finding rules over the new and changed items of one crate (SPEC section 5). Pure: the
 * same input gives the same findings in the same order.
 */
import type { CrateSurface, SurfaceItem } from '../model';
import { displayName } from '../model';
import type { Finding, FindingLevel } from '../report';
import { FINDING_LEVELS } from '../report';
import { FINDING_RULES } from './catalogue';
import { typeEnv } from './ffi-safety';
import { effectiveLevel, FindingPolicy, inScope, validateFindingPolicy } from './policy';
import type { BaseCrate, FindingContext } from './rule';

export interface FindingInput {
  /** A new or changed item of the head. */
  item: SurfaceItem;
  /** The same item in the base, when it existed there (the item changed rather than appeared). */
  before?: SurfaceItem;
}

export interface FindingOptions {
  /**
   * The same crate in the base, for exposure-widened: its default-build features and the items
   * its build switched off with a feature `cfg` (a `CrateSurface` of the base fits). Without it,
   * only a `before` whose `cfg` is off under the head's features is recognised as gated.
   */
  base?: BaseCrate;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

const levelRank = (l: FindingLevel): number => FINDING_LEVELS.indexOf(l);

/** Order: crate, symbol, level (high first), rule, then line and message. */
export function compareFindings(a: Finding, b: Finding): number {
  return (
    compare(a.crate, b.crate) ||
    compare(a.symbol, b.symbol) ||
    levelRank(a.level) - levelRank(b.level) ||
    compare(a.rule, b.rule) ||
    a.line - b.line ||
    compare(a.message, b.message) ||
    compare(a.file, b.file)
  );
}

/**
 * The findings on `items` (new or changed items of `crate`, the head's crate surface), under the
 * policy. Throws an Error naming an unknown rule id in the policy.
 */
export function computeFindings(
  items: FindingInput[],
  crate: CrateSurface,
  policy?: FindingPolicy,
  options: FindingOptions = {},
): Finding[] {
  if (policy) validateFindingPolicy(policy);
  const types = typeEnv(crate);
  const out: Finding[] = [];
  const seen = new Set<string>();
  const memo = new Map<string, unknown>();
  for (const { item, before } of items) {
    const ctx: FindingContext = {
      crate,
      types,
      changed: before !== undefined,
      before,
      base: options.base,
      memo,
    };
    for (const rule of FINDING_RULES) {
      if (!rule.kinds.includes(item.kind)) continue;
      const level = effectiveLevel(policy, rule.id, rule.level);
      if (level === 'off' || !inScope(policy, rule.id, item.file)) continue;
      for (const hit of rule.check(item, ctx)) {
        const finding: Finding = {
          rule: rule.id,
          level,
          symbol: displayName(item),
          name: item.name,
          crate: crate.name,
          file: item.file,
          line: hit.line ?? item.line,
          message: hit.message,
          checklist: rule.checklist,
          status: hit.status ?? 'open',
        };
        if (hit.evidence?.length) finding.evidence = hit.evidence;
        const key = JSON.stringify([finding.rule, item.kind, finding.symbol, finding.line, finding.message]);
        if (seen.has(key)) continue;
        seen.add(key);
        out.push(finding);
      }
    }
  }
  return out.sort(compareFindings);
}
