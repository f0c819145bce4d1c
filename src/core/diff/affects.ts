/**
 * One change per cause (SPEC section 4): a changed type, alias or const is one change that lists
 * the exports it affects and how; its severity comes from the worst use.
 */
import type { Severity } from '../report';
import { describeUses, TypeUse, usesOf, UseHow, worstUse } from '../abi/type-uses';
import type { DiffContext } from './rule';
import { sameLayoutAcross } from '../abi/scope';

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

/**
 * The type's layout (size, alignment, every field's offset and shape) is the same before and
 * after on every target, as rustc computes it: a zero-sized field added, union members reordered.
 * False when either layout is unknown.
 */
export function layoutKept(ctx: DiffContext, before: string, after: string): boolean {
  return sameLayoutAcross(ctx.base, before, ctx.head, after);
}

/** The note a layout-preserving edit gets, as a non-ABI occurrence. */
export const LAYOUT_KEPT =
  'the layout is unchanged on every target (size, alignment and offsets as rustc computes them)';
