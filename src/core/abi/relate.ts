/**
 * How two type spellings of one slot (a parameter, a return value, a field, a static) relate, as a
 * consumer sees it (SPEC section 4). Two questions: does the ABI change (layout, passing) — and if
 * not, does the C declaration a consumer compiles against change? Read through the one type model
 * (`parseType`), with each side's definitions (aliases, types, consts) at hand.
 *
 * - `same`: the spellings are equal.
 * - `non-abi`: pointer spellings with one C declaration (`&T`, `&mut T`, `Option<&T>`, `Box<T>`,
 *   `NonNull<T>`, `*const T`, `*mut T`), a fn pointer gaining or losing `unsafe`, an array length
 *   spelled differently with the same value, a Rust-only rename the C names hide.
 * - `spelling`: C type names that are one type on every target (`c_int` ↔ `i32`).
 * - `source`: the ABI is identical but the C declaration changes (`void *` → `Engine *`, a typedef
 *   introduced or dropped): a cgo program stops compiling.
 * - `width`: identical on most targets, not on all (`c_long` ↔ `i64`, `c_char` ↔ `i8`).
 * - `different`: the ABI changes.
 */
import { parseType, renderType, RustType } from '../rust/type-syntax';

export type TypeRelation = 'same' | 'non-abi' | 'spelling' | 'source' | 'width' | 'different';

const RANK: Record<TypeRelation, number> = {
  same: 0,
  'non-abi': 1,
  spelling: 2,
  source: 3,
  width: 4,
  different: 5,
};

export function worse(a: TypeRelation, b: TypeRelation): TypeRelation {
  return RANK[a] >= RANK[b] ? a : b;
}

/** What one side of a diff knows about the names a type uses. */
export interface TypeScope {
  /** The target of a type alias of this name, or null. */
  alias(name: string): string | null;
  /** `repr`: a struct, union or enum with a C-compatible repr; `opaque`: one without (or unknown). */
  kind(name: string): 'repr' | 'opaque' | null;
  /**
   * The value of an integer const expression (array lengths) on every target: one decimal value
   * when the targets agree, values per target otherwise; null when unknown.
   */
  value(expr: string, type?: string): string | null;
  /** The name C sees for a Rust type (cbindgen's `[export] prefix`/`rename`), or the name itself. */
  cName(name: string): string;
  /** The struct, union or enum of that name on this side (the first of the name), or null. */
  definition(name: string): TypeDefinition | null;
  /** The ABI shapes of a type spelling on every target, as rustc lays it out; null when unknown. */
  shapes?(type: string): string | null;
}

/** What `relate` needs of a type definition to tell two named types apart. */
export interface TypeDefinition {
  kind: 'struct' | 'union' | 'enum';
  repr: string[];
  fields: { name: string; type: string }[];
  variants: { name: string; value: string | null; fields: { name: string; type: string }[] }[];
}

/** Nothing known: names are compared as they are spelled. */
export const EMPTY_SCOPE: TypeScope = {
  alias: () => null,
  kind: () => null,
  value: () => null,
  cName: (n) => n,
  definition: () => null,
};

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

/** Scalar names (C and Rust) the engine knows the meaning of. */
export const SCALARS: ReadonlySet<string> = new Set([
  ...SAME_EVERYWHERE.flat(),
  ...PLATFORM_DEPENDENT.flat(),
  'u128',
  'i128',
  'bool',
  'char',
  'c_void',
]);

function scalarRelation(a: string, b: string): TypeRelation | null {
  if (!SCALARS.has(a) || !SCALARS.has(b)) return null;
  if (a === b) return 'same';
  const s = SAME_EVERYWHERE.findIndex((g) => g.includes(a));
  if (s >= 0 && s === SAME_EVERYWHERE.findIndex((g) => g.includes(b))) return 'spelling';
  const width = PLATFORM_DEPENDENT.some(
    ([platform, ...fixed]) => (a === platform && fixed.includes(b)) || (b === platform && fixed.includes(a)),
  );
  return width ? 'width' : 'different';
}

/** The pointee of a pointer-like spelling (one C declaration: `T *`), or null. */
export function pointerTarget(t: RustType): { to: RustType; nullable: boolean } | null {
  if (t.k === 'ptr' || t.k === 'ref') return { to: t.to, nullable: t.k === 'ptr' };
  if (t.k !== 'path' || t.args.length !== 1) return null;
  if (t.name === 'Box' || t.name === 'NonNull') return { to: t.args[0], nullable: false };
  if (t.name === 'Option') {
    const inner = t.args[0];
    if (inner.k === 'ref') return { to: inner.to, nullable: true };
    if (inner.k === 'path' && (inner.name === 'Box' || inner.name === 'NonNull') && inner.args.length === 1)
      return { to: inner.args[0], nullable: true };
  }
  return null;
}

/** A fn pointer, bare or in `Option` (both are one nullable C function pointer). */
function fnPointer(t: RustType): Extract<RustType, { k: 'fn' }> | null {
  if (t.k === 'fn') return t;
  if (t.k === 'path' && t.name === 'Option' && t.args.length === 1 && t.args[0].k === 'fn') return t.args[0];
  return null;
}

const MAX_ALIAS_STEPS = 16;
const MAX_DEPTH = 32;

interface Side {
  scope: TypeScope;
  /** The spelling went through an alias (C sees a typedef name). */
  aliased: boolean;
}

function resolve(t: RustType, side: Side): RustType {
  let cur = t;
  for (let i = 0; i < MAX_ALIAS_STEPS && cur.k === 'path' && cur.args.length === 0; i++) {
    const target = side.scope.alias(cur.name);
    if (target === null) break;
    side.aliased = true;
    cur = parseType(target);
  }
  return cur;
}

function isOpaque(t: RustType, scope: TypeScope): boolean {
  if (t.k !== 'path') return t.k === 'other';
  if (t.name === 'c_void') return true;
  if (SCALARS.has(t.name)) return false;
  return scope.kind(t.name) !== 'repr';
}

function relate(a: RustType, b: RustType, base: TypeScope, head: TypeScope, depth: number): TypeRelation {
  if (depth > MAX_DEPTH) return renderType(a) === renderType(b) ? 'same' : 'different';
  const sa: Side = { scope: base, aliased: false };
  const sb: Side = { scope: head, aliased: false };
  const ra = resolve(a, sa);
  const rb = resolve(b, sb);
  const spelledApart = renderType(a) !== renderType(b);
  let rel = relateResolved(ra, rb, base, head, depth);
  // the same ABI reached through a typedef on one side only (or through two typedef names): C sees a
  // different declaration
  if (rel !== 'different' && spelledApart && (sa.aliased || sb.aliased)) {
    const ca = a.k === 'path' ? base.cName(a.name) : renderType(a);
    const cb = b.k === 'path' ? head.cName(b.name) : renderType(b);
    if (ca !== cb) rel = worse(rel, 'source');
  }
  return rel;
}

function relateResolved(
  a: RustType,
  b: RustType,
  base: TypeScope,
  head: TypeScope,
  depth: number,
): TypeRelation {
  const ta = renderType(a);
  const tb = renderType(b);
  const pa = pointerTarget(a);
  const pb = pointerTarget(b);
  if (pa && pb) {
    if (ta === tb) return 'same';
    const inner = relate(pa.to, pb.to, base, head, depth + 1);
    if (inner === 'same') return 'non-abi';
    if (inner !== 'different') return inner;
    // one pointer passed either way; what changes is what it points to
    const oa = isOpaque(pa.to, base);
    const ob = isOpaque(pb.to, head);
    return oa || ob ? 'source' : 'different';
  }
  const fa = fnPointer(a);
  const fb = fnPointer(b);
  if (fa && fb) {
    if ((fa.abi ?? 'Rust') !== (fb.abi ?? 'Rust')) return 'different';
    if (fa.params.length !== fb.params.length) return 'different';
    let rel: TypeRelation = ta === tb ? 'same' : 'non-abi';
    for (let i = 0; i < fa.params.length; i++)
      rel = worse(rel, relate(fa.params[i], fb.params[i], base, head, depth + 1));
    if ((fa.ret === null) !== (fb.ret === null)) return 'different';
    if (fa.ret && fb.ret) rel = worse(rel, relate(fa.ret, fb.ret, base, head, depth + 1));
    return rel;
  }
  if (ta === tb) return 'same';
  if (a.k === 'array' && b.k === 'array') {
    const el = relate(a.of, b.of, base, head, depth + 1);
    if (el === 'different') return el;
    if (a.len === b.len) return el;
    const la = base.value(a.len);
    const lb = head.value(b.len);
    if (la === null || lb === null || la !== lb) return 'different';
    return worse(el, 'non-abi');
  }
  if (a.k === 'tuple' && b.k === 'tuple') {
    if (a.items.length !== b.items.length) return 'different';
    let rel: TypeRelation = 'same';
    for (let i = 0; i < a.items.length; i++)
      rel = worse(rel, relate(a.items[i], b.items[i], base, head, depth + 1));
    return rel;
  }
  if (a.k === 'path' && b.k === 'path') {
    if (a.args.length === 0 && b.args.length === 0) {
      const scalar = scalarRelation(a.name, b.name);
      if (scalar) return scalar;
      if (SCALARS.has(a.name) || SCALARS.has(b.name)) return 'different';
      // two named types: the same layout is the same ABI; then only the C name can differ
      const same = sameShape(a.name, b.name, base, head, depth);
      const oa = isOpaque(a, base);
      const ob = isOpaque(b, head);
      if (same || (oa && ob)) return base.cName(a.name) === head.cName(b.name) ? 'non-abi' : 'source';
      return 'different';
    }
    if (a.name !== b.name || a.args.length !== b.args.length) return 'different';
    let rel: TypeRelation = 'same';
    for (let i = 0; i < a.args.length; i++)
      rel = worse(rel, relate(a.args[i], b.args[i], base, head, depth + 1));
    return rel;
  }
  return 'different';
}

/**
 * Two named types with one layout: the same kind and repr, and fields (and variants) that pair up
 * with the same ABI. Structural, through the one type model; bounded by the relation's depth.
 */
function sameShape(a: string, b: string, base: TypeScope, head: TypeScope, depth: number): boolean {
  // the layouts rustc computes, on every target, when both are known
  const sa = base.shapes?.(a) ?? null;
  const sb = head.shapes?.(b) ?? null;
  if (sa !== null && sb !== null) return sa === sb;
  const da = base.definition(a);
  const db = head.definition(b);
  if (!da || !db || da.kind !== db.kind) return false;
  if ([...da.repr].sort().join() !== [...db.repr].sort().join() || !da.repr.length) return false;
  const fieldsAgree = (x: { type: string }[], y: { type: string }[]): boolean =>
    x.length === y.length &&
    x.every((f, i) => {
      const r = relate(parseType(f.type), parseType(y[i].type), base, head, depth + 1);
      return r !== 'different' && r !== 'width';
    });
  if (!fieldsAgree(da.fields, db.fields)) return false;
  return (
    da.variants.length === db.variants.length &&
    da.variants.every(
      (v, i) => v.value === db.variants[i].value && fieldsAgree(v.fields, db.variants[i].fields),
    )
  );
}

/** Relates two normalised spellings of one slot. Scopes default to "nothing known". */
export function relateTypes(
  a: string,
  b: string,
  base: TypeScope = EMPTY_SCOPE,
  head: TypeScope = EMPTY_SCOPE,
): TypeRelation {
  if (a === b) return 'same';
  return relate(parseType(a), parseType(b), base, head, 0);
}
