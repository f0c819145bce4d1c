/**
 * Layouts as rustc computes them (issue 14 item 2, SPEC §4): size, alignment and field offsets of
 * the types an FFI surface passes or embeds, on each target of `targets.ts`, and a canonical
 * "ABI shape" string that two types share iff passing or embedding them is ABI-identical.
 *
 * Covered: primitives, `c_*` types, thin and fat pointers (`*const T`, `&T`, `Box<T>`,
 * `NonNull<T>`, fn pointers), `Option` of a non-null pointer or `NonZero*` (the guaranteed niche),
 * arrays with const lengths (const expressions, named consts, `size_of`), ZSTs (`()`,
 * `PhantomData`, `[T; 0]`), `MaybeUninit`/`ManuallyDrop`/`Cell`/`UnsafeCell`/`Wrapping`/`Pin`
 * (transparent wrappers), atomics, `repr(C)` structs and unions with `packed`/`packed(N)`/
 * `align(N)`, `repr(transparent)`, fieldless `repr(C)`/`repr(int)`/`repr(C, int)` enums and
 * data-carrying ones (RFC 2195), and type aliases. Anything else (a struct without `repr(C)`,
 * a tuple, a generic type, a recursive type by value) is `{ unknown: reason }`: callers treat it
 * as "could have changed".
 *
 * Pure: the crate's types come from the `TypeDefs` the caller passes. Bounded: nesting depth,
 * work per call, sizes (exact JavaScript numbers) and shape length are capped; a cycle (through
 * aliases, by-value fields, consts or `size_of`) is detected and yields `unknown`.
 */
import type { EnumItem, Field, StructItem, SurfaceItem } from '../model';
import { parseType, renderType, RustType } from '../rust/type-syntax';
import { evaluateConst } from './const-eval';
import { Scalar, scalarOf, Target } from './targets';

/** The crate's type definitions, by name (the last path segment, as the extractor spells types). */
export interface TypeDefs {
  struct(name: string): StructItem | null;
  union(name: string): StructItem | null;
  enum(name: string): EnumItem | null;
  /** The target spelling of a (non-generic) type alias, or null. */
  alias(name: string): string | null;
  /** The value of a named const on `target` (see `typeDefsFromItems`), or null. */
  constValue(name: string, target: Target): bigint | null;
  /** The declared type of a named const, or null (used for integer type inference). */
  constType?(name: string): string | null;
}

export interface FieldLayout {
  /** The field name; in a data-carrying enum `tag` and `Variant.field`. */
  name: string;
  offset: number;
  size: number;
  align: number;
}

export interface Layout {
  size: number;
  align: number;
  /** Struct, union and enum definitions: every field (ZST fields included), in declaration order. */
  fields?: FieldLayout[];
}

export type LayoutResult = Layout | { unknown: string };

export function isKnown(l: LayoutResult): l is Layout {
  return !('unknown' in l);
}

const MAX_DEPTH = 64;
const MAX_STEPS = 20_000;
const MAX_SIZE = Number.MAX_SAFE_INTEGER;
const MAX_PARTS = 1024;
const MAX_SHAPE_LENGTH = 16_384;
const MAX_ALIAS_HOPS = 16;
const MAX_ALIGN = 1 << 29;

/** A flattened shape: scalar leaves at offsets. `agg` renders as an aggregate. */
interface Shape {
  agg: boolean;
  parts: { off: number; s: string }[];
}

interface Lay {
  size: number;
  align: number;
  /** Contains a `repr(align)` type (a packed type may not). */
  overAligned: boolean;
  shape: Shape | null;
  fields?: FieldLayout[];
}

type Res = Lay | string;

class Ctx {
  steps = 0;
  depth = 0;
  /** Inside a fn pointer's parameter list: results are not memoised (cycles through fn pointers are legal). */
  noMemo = 0;
  readonly active = new Set<string>();
  readonly memo = new Map<string, Res>();
  constructor(
    readonly defs: TypeDefs,
    readonly target: Target,
  ) {}
}

/** The computation in progress: a const evaluated from inside a layout re-enters it. */
let current: Ctx | null = null;

function within<T>(defs: TypeDefs, target: Target, f: (c: Ctx) => T): T {
  if (current && current.defs === defs && current.target === target) return f(current);
  const saved = current;
  current = new Ctx(defs, target);
  try {
    return f(current);
  } finally {
    current = saved;
  }
}

// ---------------------------------------------------------------- shapes

function scalarShape(s: Scalar): string {
  switch (s.class) {
    case 'int':
      return `${s.signed ? 'i' : 'u'}${s.size}`;
    case 'float':
      return `f${s.size}`;
    case 'bool':
      return 'bool';
    case 'char':
      return 'u4';
  }
}

function leaf(s: string | null): Shape | null {
  return s === null ? null : { agg: false, parts: [{ off: 0, s }] };
}

function render(l: Lay): string | null {
  const sh = l.shape;
  if (!sh) return null;
  const text = sh.agg
    ? `{${l.size},${l.align}|${sh.parts.map((p) => `${p.off}:${p.s}`).join(';')}}`
    : (sh.parts[0]?.s ?? '');
  return text.length > MAX_SHAPE_LENGTH ? null : text;
}

const ZST: Lay = { size: 0, align: 1, overAligned: false, shape: { agg: true, parts: [] } };

function scalarLay(s: Scalar): Lay {
  return { size: s.size, align: s.align, overAligned: false, shape: leaf(scalarShape(s)) };
}

function pointerLay(t: Target, fat: boolean, shape: string | null = fat ? 'fatptr' : 'ptr'): Lay {
  const p = t.pointerBytes;
  return { size: fat ? 2 * p : p, align: p, overAligned: false, shape: leaf(shape) };
}

// ---------------------------------------------------------------- aggregates

interface Member {
  name: string;
  lay: Lay;
}

function roundUp(n: number, a: number): number {
  return Math.ceil(n / a) * a;
}

function structOf(members: Member[], pack: number | null, alignAttr: number | null): Res {
  let offset = 0;
  let align = 1;
  const fields: FieldLayout[] = [];
  let parts: Shape['parts'] | null = [];
  for (const m of members) {
    if (pack !== null && m.lay.overAligned)
      return `packed type cannot contain the over-aligned field ${m.name}`;
    const a = pack !== null ? Math.min(m.lay.align, pack) : m.lay.align;
    offset = roundUp(offset, a);
    fields.push({ name: m.name, offset, size: m.lay.size, align: m.lay.align });
    if (parts && m.lay.size > 0) {
      const sh = m.lay.shape;
      if (!sh) parts = null;
      else if (sh.agg) for (const p of sh.parts) parts.push({ off: p.off + offset, s: p.s });
      else parts.push({ off: offset, s: sh.parts[0]?.s ?? '' });
      if (parts && parts.length > MAX_PARTS) parts = null;
    }
    offset += m.lay.size;
    if (offset > MAX_SIZE) return 'too large';
    align = Math.max(align, a);
  }
  if (alignAttr !== null) align = Math.max(align, alignAttr);
  const size = roundUp(offset, align);
  if (size > MAX_SIZE) return 'too large';
  return {
    size,
    align,
    overAligned: alignAttr !== null || members.some((m) => m.lay.overAligned),
    shape: parts && { agg: true, parts },
    fields,
  };
}

function unionOf(members: Member[], pack: number | null, alignAttr: number | null): Res {
  let size = 0;
  let align = 1;
  const shapes = new Set<string>();
  let shapeKnown = true;
  for (const m of members) {
    if (pack !== null && m.lay.overAligned)
      return `packed type cannot contain the over-aligned field ${m.name}`;
    size = Math.max(size, m.lay.size);
    align = Math.max(align, pack !== null ? Math.min(m.lay.align, pack) : m.lay.align);
    if (m.lay.size > 0) {
      const s = render(m.lay);
      if (s === null) shapeKnown = false;
      else shapes.add(s);
    }
  }
  if (alignAttr !== null) align = Math.max(align, alignAttr);
  size = roundUp(size, align);
  if (size > MAX_SIZE) return 'too large';
  return {
    size,
    align,
    overAligned: alignAttr !== null || members.some((m) => m.lay.overAligned),
    shape: shapeKnown ? leaf(`union{${size},${align}|${[...shapes].sort().join('|')}}`) : null,
    fields: members.map((m) => ({ name: m.name, offset: 0, size: m.lay.size, align: m.lay.align })),
  };
}

interface Repr {
  c: boolean;
  transparent: boolean;
  int: string | null;
  pack: number | null;
  align: number | null;
}

function powerOfTwo(text: string): number | null {
  if (!/^[0-9]{1,10}$/.test(text)) return null;
  const n = Number(text);
  return n >= 1 && n <= MAX_ALIGN && (n & (n - 1)) === 0 ? n : null;
}

/** The repr hints, or a reason when one is not understood. */
function readRepr(list: readonly string[]): Repr | string {
  const r: Repr = { c: false, transparent: false, int: null, pack: null, align: null };
  for (const raw of list) {
    const h = raw.replace(/\s+/g, '');
    if (h === 'C') r.c = true;
    else if (h === 'transparent') r.transparent = true;
    else if (h === 'Rust') continue;
    else if (/^[iu](8|16|32|64|128|size)$/.test(h)) {
      if (r.int !== null && r.int !== h) return 'conflicting integer reprs';
      r.int = h;
    } else if (h === 'packed' || /^packed\(.*\)$/.test(h)) {
      const n = h === 'packed' ? 1 : powerOfTwo(h.slice(7, -1));
      if (n === null) return `unsupported repr ${raw}`;
      r.pack = r.pack === null ? n : Math.min(r.pack, n);
    } else if (/^align\(.*\)$/.test(h)) {
      const n = powerOfTwo(h.slice(6, -1));
      if (n === null) return `unsupported repr ${raw}`;
      r.align = r.align === null ? n : Math.max(r.align, n);
    } else return `unsupported repr ${raw}`;
  }
  if (r.pack !== null && r.align !== null) return 'packed and align together';
  if (r.transparent && (r.c || r.int !== null || r.pack !== null || r.align !== null))
    return 'transparent with other reprs';
  return r;
}

// ---------------------------------------------------------------- the computation

const TRANSPARENT_WRAPPERS = new Set([
  'MaybeUninit',
  'ManuallyDrop',
  'Cell',
  'UnsafeCell',
  'SyncUnsafeCell',
  'Wrapping',
  'Saturating',
  'Pin',
]);
const UNSIZED = new Set(['str', 'CStr', 'OsStr', 'Path']);

function step(c: Ctx): string | null {
  if (++c.steps > MAX_STEPS) return 'too complex';
  return null;
}

function layout(t: RustType, c: Ctx): Res {
  const over = step(c);
  if (over) return over;
  if (c.depth >= MAX_DEPTH) return 'too deeply nested';
  const key = renderType(t);
  const memo = c.memo.get(key);
  if (memo !== undefined) return memo;
  c.depth++;
  let r: Res;
  try {
    r = compute(t, c);
  } finally {
    c.depth--;
  }
  if (c.noMemo === 0 && r !== RECURSIVE) c.memo.set(key, r);
  return r;
}

const RECURSIVE = 'recursive type (a cycle through by-value fields, aliases or consts)';

/** Runs `f` with `key` marked active; a re-entry is a cycle. */
function guarded(c: Ctx, key: string, f: () => Res): Res {
  if (c.active.has(key)) return RECURSIVE;
  c.active.add(key);
  try {
    return f();
  } finally {
    c.active.delete(key);
  }
}

function compute(t: RustType, c: Ctx): Res {
  switch (t.k) {
    case 'ptr':
    case 'ref':
      return pointerLay(c.target, unsized(t.to, c));
    case 'fn':
      return pointerLay(c.target, false, fnShape(t, c));
    case 'array':
      return array(t.of, t.len, c);
    case 'tuple':
      return t.items.length === 0 ? ZST : 'a tuple has no defined layout';
    case 'slice':
    case 'dyn':
    case 'impl':
      return `${renderType(t)} is unsized or opaque`;
    case 'never':
      return '! has no values';
    case 'other': {
      const arr = arrayText(t.text);
      return arr ? array(parseType(arr.of), arr.len, c) : `unreadable type ${t.text.slice(0, 80)}`;
    }
    case 'path':
      return path(t, c);
  }
}

/**
 * `[T; LEN]` whose length the type parser could not read (it balances `<`/`>` as generics, so
 * `[u8; 1 << 3]` is `other`): split at the top-level `;`, counting only brackets and parentheses.
 */
function arrayText(text: string): { of: string; len: string } | null {
  const s = text.trim();
  if (!s.startsWith('[') || !s.endsWith(']')) return null;
  let depth = 0;
  for (let i = 1; i < s.length - 1; i++) {
    const ch = s[i];
    if (ch === '[' || ch === '(' || ch === '{') depth++;
    else if (ch === ']' || ch === ')' || ch === '}') {
      if (--depth < 0) return null;
    } else if (ch === ';' && depth === 0) return { of: s.slice(1, i), len: s.slice(i + 1, -1) };
  }
  return null;
}

/** The pointee is a dynamically sized type (the pointer is fat). */
function unsized(t: RustType, c: Ctx): boolean {
  let cur = t;
  for (let hop = 0; hop < MAX_ALIAS_HOPS; hop++) {
    if (cur.k === 'slice' || cur.k === 'dyn') return true;
    if (cur.k !== 'path') return false;
    if (UNSIZED.has(cur.name) && cur.args.length === 0) return true;
    const al = cur.args.length === 0 ? c.defs.alias(cur.name) : null;
    if (al === null) return false;
    cur = parseType(al);
  }
  return false;
}

function normaliseAbi(abi: string | null, t: Target): string {
  if (abi === null) return 'Rust';
  const base = abi.replace(/-unwind$/, '');
  if (base === 'C' || base === 'system' || base === 'cdecl') return 'C';
  if (t.arch === 'x86_64' && base === (t.os === 'windows' ? 'win64' : 'sysv64')) return 'C';
  if (
    t.arch === 'x86_64' &&
    t.os === 'windows' &&
    (base === 'stdcall' || base === 'fastcall' || base === 'vectorcall' || base === 'thiscall')
  )
    return base === 'vectorcall' ? 'vectorcall' : 'C';
  return base;
}

/** A fn pointer's shape: its calling convention and the shapes of what it passes. */
function fnShape(t: Extract<RustType, { k: 'fn' }>, c: Ctx): string | null {
  c.noMemo++;
  try {
    const params: string[] = [];
    for (const p of t.params) {
      const l = layout(p, c);
      const s = typeof l === 'string' ? null : render(l);
      if (s === null) return null;
      params.push(s);
    }
    let ret = 'void';
    if (t.ret && !(t.ret.k === 'tuple' && t.ret.items.length === 0)) {
      if (t.ret.k === 'never') ret = 'never';
      else {
        const l = layout(t.ret, c);
        const s = typeof l === 'string' ? null : render(l);
        if (s === null) return null;
        ret = s;
      }
    }
    return `fn(${normaliseAbi(t.abi, c.target)}|${params.join(',')}->${ret})`;
  } finally {
    c.noMemo--;
  }
}

function array(of: RustType, len: string, c: Ctx): Res {
  const el = layout(of, c);
  if (typeof el === 'string') return `element: ${el}`;
  const n = evalIn(c, len, 'usize');
  if (n === null) return `array length ${len.slice(0, 80)} cannot be evaluated`;
  const size = BigInt(el.size) * n;
  if (size > BigInt(MAX_SIZE)) return 'too large';
  const es = render(el);
  return {
    size: Number(size),
    align: el.align,
    overAligned: el.overAligned,
    shape: n === 0n ? { agg: true, parts: [] } : leaf(es === null ? null : `[${es};${n}]`),
  };
}

function nonZero(t: Extract<RustType, { k: 'path' }>, c: Ctx): Scalar | null {
  const m = /^NonZero([IU](?:8|16|32|64|128|size))$/.exec(t.name);
  if (m && t.args.length === 0) return scalarOf(m[1].toLowerCase(), c.target);
  if (t.name === 'NonZero' && t.args.length === 1) {
    const a = t.args[0];
    if (a.k === 'path' && a.args.length === 0) {
      const s = scalarOf(a.name, c.target);
      return s && s.class === 'int' ? s : null;
    }
  }
  return null;
}

/** `Option<X>` where X has a guaranteed niche (the null pointer, zero): X's layout. */
function option(inner: RustType, c: Ctx): Res {
  let cur = inner;
  for (let hop = 0; hop < MAX_ALIAS_HOPS; hop++) {
    if (cur.k === 'ref' || cur.k === 'fn') return layout(cur, c);
    if (cur.k !== 'path') break;
    if ((cur.name === 'Box' || cur.name === 'NonNull') && cur.args.length === 1) return layout(cur, c);
    const nz = nonZero(cur, c);
    if (nz) return scalarLay(nz);
    const al = cur.args.length === 0 ? c.defs.alias(cur.name) : null;
    if (al === null) break;
    cur = parseType(al);
  }
  return `Option<${renderType(inner).slice(0, 80)}> has no guaranteed layout`;
}

function atomic(name: string, c: Ctx): Lay | null {
  if (name === 'AtomicBool') return { size: 1, align: 1, overAligned: false, shape: leaf('bool') };
  const m = /^Atomic([IU](?:8|16|32|64|128|size))$/.exec(name);
  const s = m ? scalarOf(m[1].toLowerCase(), c.target) : null;
  // atomics are aligned to their size on every target
  return s ? { ...scalarLay(s), align: s.size } : null;
}

function path(t: Extract<RustType, { k: 'path' }>, c: Ctx): Res {
  const { defs } = c;
  const name = t.name;
  if (t.args.length === 0) {
    const al = defs.alias(name);
    if (al !== null) return guarded(c, `alias:${name}`, () => layout(parseType(al), c));
    const s = defs.struct(name);
    if (s) return guarded(c, `struct:${name}`, () => structDef(s, c));
    const u = defs.union(name);
    if (u) return guarded(c, `union:${name}`, () => structDef(u, c));
    const e = defs.enum(name);
    if (e) return guarded(c, `enum:${name}`, () => enumDef(e, c));
    const sc = scalarOf(name, c.target);
    if (sc) return scalarLay(sc);
    if (name === 'PhantomPinned') return ZST;
    const at = atomic(name, c);
    if (at) return at;
    const nz = nonZero(t, c);
    if (nz) return scalarLay(nz);
    if (name === 'c_void') return 'c_void is only meaningful behind a pointer';
    return `${name} is not a known type`;
  }
  const a0 = t.args[0];
  if (name === 'Option' && t.args.length === 1) return option(a0, c);
  if ((name === 'Box' || name === 'NonNull') && t.args.length === 1)
    return pointerLay(c.target, unsized(a0, c));
  if (name === 'AtomicPtr' && t.args.length === 1) return pointerLay(c.target, false);
  if (name === 'PhantomData') return ZST;
  if (TRANSPARENT_WRAPPERS.has(name) && t.args.length === 1) return layout(a0, c);
  const nz = nonZero(t, c);
  if (nz) return scalarLay(nz);
  if (defs.struct(name) || defs.union(name) || defs.enum(name)) return `${name} is generic`;
  return `${renderType(t).slice(0, 80)} is not a known type`;
}

function members(fields: readonly Field[], c: Ctx): Member[] | string {
  const out: Member[] = [];
  for (const f of fields) {
    const l = layout(parseType(f.type), c);
    if (typeof l === 'string') return `field ${f.name}: ${l}`;
    out.push({ name: f.name, lay: l });
  }
  return out;
}

function structDef(item: StructItem, c: Ctx): Res {
  const r = readRepr(item.repr);
  if (typeof r === 'string') return `${item.name}: ${r}`;
  const ms = members(item.fields, c);
  if (typeof ms === 'string') return `${item.name}: ${ms}`;
  if (r.transparent) {
    if (item.kind === 'union') return `${item.name}: repr(transparent) unions are unstable`;
    const big = ms.filter((m) => m.lay.size > 0);
    if (big.length > 1) return `${item.name}: repr(transparent) with more than one non-zero-sized field`;
    const inner = big[0]?.lay ?? { ...ZST, align: Math.max(1, ...ms.map((m) => m.lay.align)) };
    // the fields keep their order (a zero-sized field after the data field is at its end)
    const placed = structOf(ms, null, null);
    return { ...inner, fields: typeof placed === 'string' ? [] : placed.fields };
  }
  if (r.int !== null) return `${item.name}: an integer repr on a ${item.kind}`;
  if (!r.c) return `${item.name} is not repr(C): rustc may reorder its fields`;
  const res = item.kind === 'union' ? unionOf(ms, r.pack, r.align) : structOf(ms, r.pack, r.align);
  return typeof res === 'string' ? `${item.name}: ${res}` : res;
}

/** The discriminant values of an enum (implicit ones continue from the previous one). */
function discriminants(item: EnumItem, type: string, c: Ctx): bigint[] | null {
  const out: bigint[] = [];
  let next = 0n;
  for (const v of item.variants) {
    const value = v.discriminant === null ? next : evalIn(c, v.discriminant, type);
    if (value === null) return null;
    out.push(value);
    next = value + 1n;
  }
  return out;
}

function enumDef(item: EnumItem, c: Ctx): Res {
  const r = readRepr(item.repr);
  if (typeof r === 'string') return `${item.name}: ${r}`;
  if (r.transparent || r.pack !== null) return `${item.name}: unsupported repr on an enum`;
  if (item.variants.length === 0) return `${item.name} has no variants`;
  let tag: Scalar | null;
  if (r.int !== null) tag = scalarOf(r.int, c.target);
  else if (r.c) {
    // rustc: c_int-sized unless a value fits neither c_int nor c_uint (then 8 bytes)
    const values = discriminants(item, 'isize', c);
    if (!values) return `${item.name}: a discriminant cannot be evaluated`;
    const fitsInt = values.every((v) => v >= -(1n << 31n) && v < 1n << 31n);
    const fitsUint = values.every((v) => v >= 0n && v < 1n << 32n);
    tag = fitsInt
      ? scalarOf('c_int', c.target)
      : fitsUint
        ? scalarOf('c_uint', c.target)
        : scalarOf('i64', c.target);
  } else return `${item.name} has neither repr(C) nor an integer repr: rustc chooses its layout`;
  if (!tag) return `${item.name}: unknown tag type`;
  const tagLay = scalarLay(tag);
  const dataful = item.variants.some((v) => (v.fields?.length ?? 0) > 0);
  if (!dataful) {
    const size = roundUp(tag.size, Math.max(tag.align, r.align ?? 1));
    const align = Math.max(tag.align, r.align ?? 1);
    return {
      size,
      align,
      overAligned: r.align !== null,
      shape: size === tag.size ? tagLay.shape : { agg: true, parts: [{ off: 0, s: scalarShape(tag) }] },
      fields: [{ name: 'tag', offset: 0, size: tag.size, align: tag.align }],
    };
  }
  const fields: FieldLayout[] = [{ name: 'tag', offset: 0, size: tag.size, align: tag.align }];
  const variantStructs: Member[] = [];
  for (const v of item.variants) {
    const ms = members(v.fields ?? [], c);
    if (typeof ms === 'string') return `${item.name}::${v.name}: ${ms}`;
    // repr(C[, int]): struct { tag, union { struct { fields } } }; repr(int): union { struct { tag, fields } }
    const st = structOf(r.c ? ms : [{ name: 'tag', lay: tagLay }, ...ms], null, null);
    if (typeof st === 'string') return `${item.name}::${v.name}: ${st}`;
    variantStructs.push({ name: v.name, lay: st });
  }
  const payload = unionOf(variantStructs, null, null);
  if (typeof payload === 'string') return `${item.name}: ${payload}`;
  const whole = r.c
    ? structOf(
        [
          { name: 'tag', lay: tagLay },
          { name: 'payload', lay: payload },
        ],
        null,
        r.align,
      )
    : unionOf(variantStructs, null, r.align);
  if (typeof whole === 'string') return `${item.name}: ${whole}`;
  const base = r.c ? (whole.fields?.[1]?.offset ?? 0) : 0;
  for (const vs of variantStructs)
    for (const f of vs.lay.fields ?? [])
      if (r.c || f.name !== 'tag')
        fields.push({ ...f, name: `${vs.name}.${f.name}`, offset: base + f.offset });
  return { ...whole, fields };
}

function evalIn(c: Ctx, expr: string, type: string | null): bigint | null {
  const { defs, target } = c;
  return evaluateConst(
    expr,
    {
      constValue: (n) => defs.constValue(n, target),
      constType: (n) => defs.constType?.(n) ?? null,
      alias: (n) => defs.alias(n),
      sizeAlign: (t) => {
        const l = layout(t, c);
        return typeof l === 'string' ? null : { size: l.size, align: l.align };
      },
    },
    target,
    type,
  );
}

// ---------------------------------------------------------------- API

/** The layout rustc gives `type` on `target`, or why it is not known. */
export function layoutOf(type: RustType, defs: TypeDefs, target: Target): LayoutResult {
  return within(defs, target, (c) => {
    const l = layout(type, c);
    if (typeof l === 'string') return { unknown: l };
    const out: Layout = { size: l.size, align: l.align };
    if (l.fields) out.fields = l.fields.map((f) => ({ ...f }));
    return out;
  });
}

/**
 * A canonical string for how `type` is passed and embedded on `target`; two types have the same
 * shape iff that is ABI-identical: scalars by class, size and signedness (`i4`, `u8`, `f8`,
 * `bool`), every thin pointer spelling `ptr` (fat ones `fatptr`), fn pointers by calling
 * convention and the shapes they pass, aggregates `{size,align|offset:leaf;…}` flattened to their
 * leaves (field names and zero-sized fields left out), unions `union{size,align|member shapes}`
 * (a set), arrays `[shape;n]`. Null when the layout is unknown.
 */
export function abiShape(type: RustType, defs: TypeDefs, target: Target): string | null {
  return within(defs, target, (c) => {
    const l = layout(type, c);
    return typeof l === 'string' ? null : render(l);
  });
}

/**
 * Evaluates an integer const expression with the crate's consts, aliases and layouts (see
 * `const-eval.ts`); `type` is the expected type (`usize` for an array length).
 */
export function evalConstExpr(
  expr: string,
  defs: TypeDefs,
  target: Target,
  type: string | null = null,
): bigint | null {
  return within(defs, target, (c) => evalIn(c, expr, type));
}

/**
 * `TypeDefs` over a list of surface items. A name defined twice (in two modules) is ambiguous:
 * it resolves to nothing, so what depends on it is unknown. Const values are evaluated lazily,
 * once per target, with a cycle guard (`const A: usize = B; const B: usize = A;` is null).
 */
export function typeDefsFromItems(items: readonly SurfaceItem[]): TypeDefs {
  const byKind = new Map<string, SurfaceItem | null>();
  for (const it of items) {
    if (
      it.kind !== 'struct' &&
      it.kind !== 'union' &&
      it.kind !== 'enum' &&
      it.kind !== 'type' &&
      it.kind !== 'const'
    )
      continue;
    const ns = it.kind === 'const' ? 'value' : 'type';
    const key = `${ns}:${it.name}`;
    byKind.set(key, byKind.has(key) ? null : it);
  }
  const get = (ns: string, name: string): SurfaceItem | null => byKind.get(`${ns}:${name}`) ?? null;
  const values = new Map<string, bigint | null>();
  const inProgress = new Set<string>();
  const defs: TypeDefs = {
    struct: (n) => {
      const it = get('type', n);
      return it?.kind === 'struct' ? it : null;
    },
    union: (n) => {
      const it = get('type', n);
      return it?.kind === 'union' ? it : null;
    },
    enum: (n) => {
      const it = get('type', n);
      return it?.kind === 'enum' ? it : null;
    },
    alias: (n) => {
      const it = get('type', n);
      return it?.kind === 'type' ? it.target : null;
    },
    constType: (n) => {
      const it = get('value', n);
      return it?.kind === 'const' ? it.type : null;
    },
    constValue: (n, target) => {
      const it = get('value', n);
      if (it?.kind !== 'const') return null;
      const key = `${target.name}:${n}`;
      const known = values.get(key);
      if (known !== undefined) return known;
      if (inProgress.has(key)) return null;
      inProgress.add(key);
      let v: bigint | null;
      try {
        v = evalConstExpr(it.value, defs, target, it.type);
      } finally {
        inProgress.delete(key);
      }
      values.set(key, v);
      return v;
    },
  };
  return defs;
}
