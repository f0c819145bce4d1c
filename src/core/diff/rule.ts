/**
 * A change rule: an id users can look up, a severity, a one-line rationale, and a check over a
 * matched pair of items (either side may be absent). Rules are data; the README table is made
 * from them.
 */
import type { CrateSurface, ItemKind, SurfaceItem } from '../model';
import type { Severity } from '../report';

export interface DiffContext {
  base: CrateSurface | null;
  head: CrateSurface | null;
}

export interface ChangeRule {
  id: string;
  severity: Severity;
  rationale: string;
  /** A short before → after example for the documentation. */
  example: string;
  kinds: ItemKind[];
  /** Messages, one per occurrence; empty when the rule does not apply. */
  check(before: SurfaceItem | null, after: SurfaceItem | null, ctx: DiffContext): string[];
}

/** How two normalised type spellings relate. */
export type TypeRelation = 'same' | 'spelling' | 'width' | 'different';

/** Types that are the same on every target Rust supports: a change between them is spelling only. */
const SAME_EVERYWHERE: string[][] = [
  ['c_int', 'i32'],
  ['c_uint', 'u32'],
  ['c_short', 'i16'],
  ['c_ushort', 'u16'],
  ['c_longlong', 'i64'],
  ['c_ulonglong', 'u64'],
  ['c_schar', 'i8'],
  ['c_uchar', 'u8'],
  ['c_float', 'f32'],
  ['c_double', 'f64'],
  ['size_t', 'usize', 'c_size_t', 'uintptr_t'],
  ['ssize_t', 'isize', 'c_ssize_t', 'intptr_t', 'ptrdiff_t'],
];

/** Types whose width or signedness depends on the target (LLP64 Windows, ARM's unsigned char). */
const PLATFORM_DEPENDENT: string[][] = [
  ['c_long', 'i32', 'i64', 'isize'],
  ['c_ulong', 'u32', 'u64', 'usize'],
  ['c_char', 'i8', 'u8'],
];

function classOf(groups: string[][], t: string): number {
  // the first entry of a group is the C name; the rest are its fixed-width equivalents
  return groups.findIndex((g) => g.includes(t));
}

/** Splits a type spelling into identifiers and punctuation, to compare component-wise. */
function parts(t: string): string[] {
  return t.match(/[A-Za-z_][A-Za-z0-9_]*|\S/g) ?? [];
}

export function relateTypes(a: string, b: string): TypeRelation {
  if (a === b) return 'same';
  const pa = parts(a);
  const pb = parts(b);
  if (pa.length !== pb.length) return 'different';
  let rel: TypeRelation = 'same';
  for (let i = 0; i < pa.length; i++) {
    if (pa[i] === pb[i]) continue;
    const s = classOf(SAME_EVERYWHERE, pa[i]);
    if (s >= 0 && s === classOf(SAME_EVERYWHERE, pb[i])) {
      if (rel === 'same') rel = 'spelling';
      continue;
    }
    // a platform-dependent C type on one side, a fixed-width type of its family on the other
    const isWidth = PLATFORM_DEPENDENT.some(
      ([platform, ...fixed]) =>
        (pa[i] === platform && fixed.includes(pb[i])) || (pb[i] === platform && fixed.includes(pa[i])),
    );
    if (isWidth) {
      rel = 'width';
      continue;
    }
    return 'different';
  }
  return rel;
}

/** A type for a message: `()` for none. Messages are plain text; renderers escape them. */
export function t(s: string | null | undefined): string {
  return s === null || s === undefined || s === '' ? '()' : s;
}
