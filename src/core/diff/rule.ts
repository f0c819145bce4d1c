/**
 * A change rule: an id users can look up, a severity, a one-line rationale, and a check over a
 * matched pair of items (either side may be absent). Rules are data; the README table is made
 * from them.
 */
import type { CrateSurface, ItemKind, SurfaceItem } from '../model';
import type { Severity } from '../report';
import { relateTypes as relate, TypeRelation } from '../abi/relate';
import { scopeOf } from '../abi/scope';

export type { TypeRelation };

export interface DiffContext {
  base: CrateSurface | null;
  head: CrateSurface | null;
}

export type Occurrence = string | { message: string; severity: Severity };

export interface ChangeRule {
  id: string;
  severity: Severity;
  rationale: string;
  /** A short before → after example for the documentation. */
  example: string;
  kinds: ItemKind[];
  /**
   * Messages, one per occurrence; empty when the rule does not apply. An occurrence may carry its
   * own severity when the rule's depends on how the surface uses the item (a type's worst use):
   * `severity` above is then the worst it can be, as documented.
   */
  check(before: SurfaceItem | null, after: SurfaceItem | null, ctx: DiffContext): Occurrence[];
}

/**
 * How two spellings of one slot relate (see `src/core/abi/relate.ts`), read through the one type
 * model with each side's aliases, types and consts when the diff context is given.
 */
export function relateTypes(a: string, b: string, ctx?: DiffContext): TypeRelation {
  return relate(a, b, scopeOf(ctx?.base ?? null), scopeOf(ctx?.head ?? null));
}

/** A type for a message: `()` for none. Messages are plain text; renderers escape them. */
export function t(s: string | null | undefined): string {
  return s === null || s === undefined || s === '' ? '()' : s;
}
