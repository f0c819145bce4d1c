/**
 * Classifies the pointer parameters of an export, so that each gets exactly one pointer finding,
 * the most specific: a pointer with a length is a buffer, a `c_char` pointer is a C string, any
 * other raw pointer is a raw pointer.
 */
import type { FunctionItem, Param } from '../model';
import { optionInner, parseType, RustType, wrapped } from '../rust/type-syntax';

export type PointerRole = { kind: 'buffer'; len: Param } | { kind: 'c-string' } | { kind: 'raw' };

export interface PointerParam {
  param: Param;
  /** Position among the parameters. */
  index: number;
  role: PointerRole;
}

const INTEGER_TYPES = new Set([
  'usize',
  'isize',
  'u8',
  'u16',
  'u32',
  'u64',
  'i8',
  'i16',
  'i32',
  'i64',
  'size_t',
  'ssize_t',
  'c_size_t',
  'c_ssize_t',
  'uintptr_t',
  'c_int',
  'c_uint',
  'c_long',
  'c_ulong',
  'c_longlong',
  'c_ulonglong',
  'c_short',
  'c_ushort',
]);

const LENGTH_WORDS = new Set([
  'len',
  'length',
  'size',
  'count',
  'cnt',
  'cap',
  'capacity',
  'n',
  'num',
  'nbytes',
  'bytes',
  'nelem',
  'nelems',
  'nmemb',
  'nitems',
  'sz',
]);

/** Unsized pointees make fat pointers, which not-ffi-safe reports instead. */
function thin(pointee: RustType): boolean {
  return pointee.k !== 'slice' && pointee.k !== 'dyn' && !(pointee.k === 'path' && pointee.name === 'str');
}

/** A thin raw pointer, or `Option<NonNull<T>>` (a nullable raw pointer by another name). */
export function rawPointer(t: RustType): boolean {
  if (t.k === 'ptr') return thin(t.to);
  const inner = optionInner(t);
  const nonNull = inner && wrapped(inner, 'NonNull');
  return !!nonNull && thin(nonNull);
}

/** The type is a pointer (any depth) to `c_char`. */
export function pointsToCChar(t: RustType): boolean {
  let cur = t;
  let pointers = 0;
  while (cur.k === 'ptr') {
    cur = cur.to;
    pointers++;
  }
  return pointers > 0 && cur.k === 'path' && cur.name === 'c_char';
}

function integer(t: RustType): boolean {
  return t.k === 'path' && t.args.length === 0 && INTEGER_TYPES.has(t.name);
}

/** An integer, or a pointer/reference to one (an in-out length: `len: *mut usize`). */
function lengthType(t: RustType): boolean {
  if (integer(t)) return true;
  return (t.k === 'ptr' || t.k === 'ref') && integer(t.to);
}

/** `len`, `buf_len`, `buflen`, `out_size`, `n_items`, `nkeys`, `count`. */
export function lengthName(name: string): boolean {
  const lower = name.toLowerCase();
  if (lower.split('_').some((w) => LENGTH_WORDS.has(w))) return true;
  if (/(len|length|size|count|cnt|cap|capacity)$/.test(lower)) return true;
  return /^(n|num)_?[a-z]+s$/.test(lower);
}

/**
 * The lower-cased names that name the length of pointer `ptr`: `buf` → `buf_len`, `buflen`,
 * `n_buf`, …; `items` → also `item_count`. (`len` names it when `len.toLowerCase()` is one.)
 */
function lengthNamesOf(ptr: string): Set<string> {
  const lower = ptr.toLowerCase();
  const stems = new Set([lower]);
  if (/s$/.test(ptr)) stems.add(lower.slice(0, -1));
  const out = new Set<string>();
  for (const stem of stems) {
    if (!stem) continue;
    for (const w of [...LENGTH_WORDS, 'length']) out.add(stem + w).add(`${stem}_${w}`);
    for (const prefix of ['n_', 'num_', 'n', 'num']) out.add(prefix + lower);
  }
  return out;
}

/** Every pointer parameter of the function with its role. */
export function pointerParams(fn: FunctionItem): PointerParam[] {
  const parsed = fn.params.map((p) => parseType(p.type));
  const isLength = (i: number): boolean => {
    const p = fn.params[i];
    return p !== undefined && lengthType(parsed[i]) && lengthName(p.name);
  };
  const pointers: number[] = [];
  parsed.forEach((t, i) => {
    if (rawPointer(t)) pointers.push(i);
  });
  const isPointer = new Set(pointers);
  const lengthOf = new Map<number, number>();
  const used = new Set<number>();
  // 1. by name: `buf` + `buf_len`, wherever the length stands (the first such parameter). The
  // length-typed parameters are indexed by name, so this is not pointers × parameters.
  const byName = new Map<string, { at: number[]; next: number }>();
  parsed.forEach((t, j) => {
    if (!lengthType(t)) return;
    const key = fn.params[j].name.toLowerCase();
    const entry = byName.get(key) ?? { at: [], next: 0 };
    entry.at.push(j);
    byName.set(key, entry);
  });
  for (const i of pointers) {
    let best = -1;
    for (const name of lengthNamesOf(fn.params[i].name)) {
      const entry = byName.get(name);
      if (!entry) continue;
      while (entry.next < entry.at.length && used.has(entry.at[entry.next])) entry.next++; // used for good
      let k = entry.next;
      if (entry.at[k] === i) k++;
      while (k < entry.at.length && used.has(entry.at[k])) k++;
      if (k < entry.at.length && (best < 0 || entry.at[k] < best)) best = entry.at[k];
    }
    if (best >= 0) {
      lengthOf.set(i, best);
      used.add(best);
    }
  }
  // 2. by position: a length-like parameter right after the pointer, else right before it
  for (const i of pointers) {
    if (lengthOf.has(i)) continue;
    for (const j of [i + 1, i - 1]) {
      if (j < 0 || used.has(j) || isPointer.has(j) || !isLength(j)) continue;
      lengthOf.set(i, j);
      used.add(j);
      break;
    }
  }
  const out: PointerParam[] = [];
  for (const i of pointers) {
    // a length passed by pointer (`out_len: *mut usize`) is itself a raw pointer, never a buffer
    const j = used.has(i) ? undefined : lengthOf.get(i);
    const param = fn.params[i];
    if (j !== undefined) out.push({ param, index: i, role: { kind: 'buffer', len: fn.params[j] } });
    else if (pointsToCChar(parsed[i])) out.push({ param, index: i, role: { kind: 'c-string' } });
    else out.push({ param, index: i, role: { kind: 'raw' } });
  }
  return out;
}
