/**
 * One change per cause (SPEC section 4): a changed type, alias or const is one change that lists
 * the exports it affects and how; its severity comes from the worst use.
 */
import type { Severity } from '../report';
import { describeUses, TypeUse, usesOf, UseHow, worstUse } from '../abi/type-uses';
import type { DiffContext } from './rule';

export interface Affected {
  uses: TypeUse[];
  worst: UseHow | 'none';
  /** `; affects engine_new (parameter 1 by value), …` or '' when no export reaches the name. */
  suffix: string;
}

/** The exports that reach `name` in the head (or, for a definition that is gone, in the base). */
export function affected(ctx: DiffContext, name: string): Affected {
  const head = usesOf(ctx.head).get(name) ?? [];
  const uses = head.length ? head : (usesOf(ctx.base).get(name) ?? []);
  return {
    uses,
    worst: worstUse(uses),
    suffix: uses.length ? `; affects ${describeUses(uses)}` : '',
  };
}

/** A layout change's severity: breaking where an export or a consumer can see the layout. */
export function layoutSeverity(a: Affected, isPublic: boolean): Severity {
  return a.worst !== 'none' || isPublic ? 'breaking' : 'non-abi';
}
