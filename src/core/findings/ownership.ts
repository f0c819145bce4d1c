/**
 * Ownership across the boundary: which returned pointers hand ownership to the caller, and which
 * exports take a pointee back to free it.
 */
import type { CrateSurface, FunctionItem } from '../model';
import { optionInner, parseType, renderType, RustType, wrapped } from '../rust/type-syntax';

/** The destructor names SPEC section 5 lists, plus a few common synonyms. */
export const DESTRUCTOR_VERBS = [
  'free',
  'destroy',
  'release',
  'delete',
  'drop',
  'close',
  'dealloc',
  'dispose',
  'unref',
];

/** Verbs that say a function makes a new object the caller then owns. */
const CONSTRUCTOR_WORDS = new Set([
  'new',
  'create',
  'alloc',
  'allocate',
  'clone',
  'dup',
  'duplicate',
  'copy',
  'open',
  'make',
  'build',
  'init',
  'from',
  'into',
  'to',
  'load',
  'parse',
  'spawn',
  'connect',
  'acquire',
  'concat',
  'join',
  'format',
  'serialize',
  'encode',
  'decode',
]);

/** Words that say a function lends out a pointer it keeps owning. */
const ACCESSOR_WORDS = new Set([
  'get',
  'as',
  'ptr',
  'data',
  'borrow',
  'peek',
  'ref',
  'inner',
  'head',
  'tail',
  'first',
  'last',
  'next',
  'prev',
  'current',
  'at',
  'slot',
  'global',
  'instance',
  'singleton',
  'static',
  'view',
  'field',
  'base',
]);

/** `foo_string_free` → [foo, string, free]; `FooFree` → [foo, free]. */
export function words(name: string): string[] {
  return splitAcronyms(name.replace(/([a-z0-9])([A-Z])/g, '$1_$2'))
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
}

const isUpper = (c: number): boolean => c >= 65 && c <= 90;
const isLower = (c: number): boolean => c >= 97 && c <= 122;

/**
 * `HTTPServer` → `HTTP_Server`: a `_` before the last capital of a run of capitals followed by a
 * lower-case letter. That is `replace(/([A-Z]+)([A-Z][a-z])/g, '$1_$2')`, which backtracks from
 * every capital of a long run with no lower-case letter after it (an export named with a million
 * capitals took hours); here each run is looked at once.
 */
function splitAcronyms(s: string): string {
  const parts: string[] = [];
  let from = 0;
  for (let i = 0; i < s.length;) {
    if (!isUpper(s.charCodeAt(i))) {
      i++;
      continue;
    }
    let end = i;
    while (end < s.length && isUpper(s.charCodeAt(end))) end++;
    if (end - i >= 2 && isLower(s.charCodeAt(end))) {
      parts.push(s.slice(from, end - 1), '_');
      from = end - 1;
    }
    i = end;
  }
  parts.push(s.slice(from));
  return parts.join('');
}

export function isDestructorName(name: string): boolean {
  return words(name).some((w) => DESTRUCTOR_VERBS.includes(w));
}

/** The object a pointer-like type designates: `*mut Foo`, `Box<Foo>`, `Option<NonNull<Foo>>` → `Foo`. */
export function designated(t: RustType): RustType | null {
  if (t.k === 'ptr') return t.to;
  const inner = optionInner(t) ?? t;
  return wrapped(inner, 'Box') ?? wrapped(inner, 'NonNull');
}

/** What a parameter designates at each level of indirection: `*mut *mut Foo` → [`*mut Foo`, `Foo`]. */
function levels(t: RustType): string[] {
  const out: string[] = [];
  let d = designated(t) ?? (t.k === 'ref' ? t.to : null);
  for (let i = 0; d && i < 8; i++) {
    out.push(renderType(d));
    d = designated(d) ?? (d.k === 'ref' ? d.to : null);
  }
  return out;
}

/** What an owned return designates, or null when the return is borrowed or not a pointer. */
export function ownedReturn(fn: FunctionItem): { type: string; pointee: RustType } | null {
  if (!fn.returns) return null;
  const t = parseType(fn.returns);
  const pointee = designated(t);
  if (!pointee) return null;
  const boxed = t.k !== 'ptr' && (wrapped(t, 'Box') !== null || wrapped(optionInner(t) ?? t, 'Box') !== null);
  if (boxed) return { type: fn.returns, pointee };
  if (isDestructorName(fn.name)) return null;
  const ws = words(fn.name);
  if (ws.some((w) => CONSTRUCTOR_WORDS.has(w))) return { type: fn.returns, pointee };
  // `*const T` without a constructor's name is a borrow (`version() -> *const c_char`)
  if (t.k === 'ptr' && !t.mut) return null;
  if (ws.some((w) => ACCESSOR_WORDS.has(w))) return null;
  // `list_next(node: *mut Node) -> *mut Node` hands back what it was given
  const same = renderType(pointee);
  if (fn.params.some((p) => levels(parseType(p.type)).includes(same))) return null;
  return { type: fn.returns, pointee };
}

/**
 * The pointees a destructor's parameter covers: every level of indirection, except that a
 * `c_void` frees nothing in particular: it covers `c_void` handles and the types its doc comment
 * names (`/// Frees an \`Engine\`.` on `engine_free(p: *mut c_void)` covers `Engine`).
 */
function coveredBy(fn: FunctionItem, type: string): string[] {
  const out: string[] = [];
  for (const got of levels(parseType(type))) {
    out.push(got);
    if (got === 'c_void') out.push(...(fn.body.docTypes ?? []));
  }
  return out;
}

/**
 * Every pointee (rendered, at every level of indirection) some destructor-named export of the crate
 * takes: `destructorsOf(crate, p)` is non-empty exactly when this holds `renderType(p)`.
 */
export function freedPointees(crate: CrateSurface): Set<string> {
  const out = new Set<string>();
  for (const it of crate.items) {
    if (it.kind !== 'function' || (!isDestructorName(it.name) && !isDestructorName(it.symbol))) continue;
    for (const p of it.params) for (const got of coveredBy(it, p.type)) out.add(got);
  }
  return out;
}

/** Exports of the crate that free the given pointee (by destructor name and parameter type). */
export function destructorsOf(crate: CrateSurface, pointee: RustType): string[] {
  const want = renderType(pointee);
  const out: string[] = [];
  for (const it of crate.items) {
    if (it.kind !== 'function' || (!isDestructorName(it.name) && !isDestructorName(it.symbol))) continue;
    // `foo_free(p: *mut *mut Foo)` frees and clears the caller's pointer: every level counts
    if (it.params.some((p) => coveredBy(it, p.type).includes(want))) out.push(it.symbol);
  }
  return out.sort();
}
