/**
 * Which types have a C layout. Follows rustc's `improper_ctypes_definitions` for exported
 * functions: a pointer or reference to any *sized* type is FFI-safe (an opaque handle), so only
 * fat pointers are flagged behind a pointer; by value, a type needs a C layout.
 */
import type { CrateSurface, DeclaredType } from '../model';
import { parseType, renderType, RustType } from '../rust/type-syntax';

export interface TypeEnv {
  /** Types declared in the crate, by name. */
  declared: ReadonlyMap<string, DeclaredType>;
  /** `pub type` aliases of the C API, by name → target spelling. */
  aliases: ReadonlyMap<string, string>;
}

export function typeEnv(crate: CrateSurface): TypeEnv {
  const declared = new Map<string, DeclaredType>();
  for (const d of crate.declaredTypes) declared.set(d.name, d);
  const aliases = new Map<string, string>();
  for (const it of crate.items) if (it.kind === 'type') aliases.set(it.name, it.target);
  return { declared, aliases };
}

/**
 * Where a type stands: `value` (parameter or return: arrays by value are not C), `field` and
 * `static` (arrays are fine), `pointee` (behind a pointer: only unsized types matter).
 */
export type TypePosition = 'value' | 'field' | 'static' | 'pointee';

const PLAIN = new Set([
  'i8',
  'i16',
  'i32',
  'i64',
  'u8',
  'u16',
  'u32',
  'u64',
  'isize',
  'usize',
  'f32',
  'f64',
  'bool',
]);
const UNSIZED_NAMES = new Set(['str', 'CStr', 'OsStr', 'Path']);
/** Standard types with no C layout. */
const RUST_ONLY = new Map<string, string>([
  ['String', 'a Rust-owned string with no C layout'],
  ['Vec', 'a Rust-owned vector with no C layout'],
  ['VecDeque', 'a Rust collection with no C layout'],
  ['HashMap', 'a Rust collection with no C layout'],
  ['HashSet', 'a Rust collection with no C layout'],
  ['BTreeMap', 'a Rust collection with no C layout'],
  ['BTreeSet', 'a Rust collection with no C layout'],
  ['CString', 'a Rust-owned string with no C layout (pass `*const c_char` from `CString::into_raw`)'],
  ['OsString', 'a Rust-owned string with no C layout'],
  ['PathBuf', 'a Rust-owned path with no C layout'],
  ['Rc', 'a Rust smart pointer with no C layout'],
  ['Arc', 'a Rust smart pointer with no C layout'],
  ['Weak', 'a Rust smart pointer with no C layout'],
  ['Cow', 'a Rust enum with no C layout'],
  ['Mutex', 'a Rust lock with no C layout'],
  ['RwLock', 'a Rust lock with no C layout'],
  ['RefCell', 'a Rust cell with no C layout'],
  ['Result', 'a Rust enum with no C layout'],
  ['Duration', 'a Rust struct with no C layout'],
  ['Instant', 'a Rust struct with no C layout'],
  ['SystemTime', 'a Rust struct with no C layout'],
]);
/** `#[repr(transparent)]` standard wrappers: as FFI-safe as what they wrap. */
const TRANSPARENT = new Set([
  'ManuallyDrop',
  'MaybeUninit',
  'Wrapping',
  'Cell',
  'UnsafeCell',
  'Pin',
  'Saturating',
]);
const INT_REPRS = new Set(['u8', 'u16', 'u32', 'u64', 'i8', 'i16', 'i32', 'i64', 'usize', 'isize']);

const MAX_ALIAS_DEPTH = 16;

function resolveAlias(t: RustType, env: TypeEnv, depth: number): RustType {
  let cur = t;
  for (let i = depth; i < MAX_ALIAS_DEPTH; i++) {
    if (cur.k !== 'path' || cur.args.length > 0 || env.declared.has(cur.name)) return cur;
    const target = env.aliases.get(cur.name);
    if (target === undefined) return cur;
    cur = parseType(target);
  }
  return cur;
}

/** The type has no size known at compile time (so a pointer to it is fat). */
export function isUnsized(t: RustType, env: TypeEnv): boolean {
  const r = resolveAlias(t, env, 0);
  return (
    r.k === 'slice' ||
    r.k === 'dyn' ||
    (r.k === 'path' && UNSIZED_NAMES.has(r.name) && !env.declared.has(r.name))
  );
}

/** Types `Option<T>` is FFI-safe around (the null-pointer / niche optimisation). */
function nullableInner(t: RustType, env: TypeEnv): boolean {
  const r = resolveAlias(t, env, 0);
  if (r.k === 'ref') return !isUnsized(r.to, env);
  if (r.k === 'fn') return r.abi !== null;
  if (r.k === 'path') {
    if (r.name === 'Box' || r.name === 'NonNull') return r.args.length === 1 && !isUnsized(r.args[0], env);
    if (/^NonZero/.test(r.name)) return true;
  }
  return false;
}

function reprOk(d: DeclaredType): boolean {
  if (d.repr.includes('C') || d.repr.includes('transparent')) return true;
  return d.kind === 'enum' && d.repr.some((r) => INT_REPRS.has(r));
}

/**
 * Why `t` is not FFI-safe in this position, naming the offending type, or null when it is (or
 * nothing is known about it: types from other crates are given the benefit of the doubt).
 */
export function ffiProblem(t: RustType, pos: TypePosition, env: TypeEnv, depth = 0): string | null {
  if (depth > MAX_ALIAS_DEPTH) return null;
  const r = resolveAlias(t, env, 0);
  const shown = `\`${renderType(t)}\``;
  switch (r.k) {
    case 'ptr':
    case 'ref':
      if (isUnsized(r.to, env))
        return `${shown} is a fat pointer (${pointerMeta(r.to, env)}), which C has no type for`;
      return null;
    case 'slice':
      return pos === 'pointee' ? null : `${shown} is unsized and cannot be passed by value`;
    case 'dyn':
      return pos === 'pointee' ? null : `${shown} is an unsized trait object`;
    case 'impl':
      return `${shown} is a generic type, not a C type`;
    case 'array':
      if (pos === 'value')
        return `${shown} is an array by value, which C cannot pass (wrap it in a \`#[repr(C)]\` struct or pass a pointer)`;
      return pos === 'pointee' ? null : ffiProblem(r.of, 'field', env, depth + 1);
    case 'tuple':
      if (r.items.length === 0) return null;
      return pos === 'pointee' ? null : `${shown} is a tuple, which has no C layout`;
    case 'fn': {
      if (r.abi === null) return `${shown} is a function pointer with the Rust ABI (use \`extern "C" fn\`)`;
      for (const p of r.params) {
        const inner = ffiProblem(p, 'value', env, depth + 1);
        if (inner) return `in ${shown}: ${inner}`;
      }
      const ret = r.ret ? ffiProblem(r.ret, 'value', env, depth + 1) : null;
      return ret ? `in ${shown}: ${ret}` : null;
    }
    case 'never':
    case 'other':
      return null;
    case 'path':
      return pathProblem(r, shown, pos, env, depth);
  }
}

function pointerMeta(pointee: RustType, env: TypeEnv): string {
  const r = resolveAlias(pointee, env, 0);
  return r.k === 'dyn' ? 'address and vtable' : 'address and length';
}

function pathProblem(
  r: Extract<RustType, { k: 'path' }>,
  shown: string,
  pos: TypePosition,
  env: TypeEnv,
  depth: number,
): string | null {
  if (pos === 'pointee') return null;
  const local = env.declared.get(r.name);
  if (local) {
    if (reprOk(local)) return null;
    const what =
      local.kind === 'enum'
        ? 'an enum without `#[repr(C)]` or `#[repr(<int>)]`'
        : `a ${local.kind} without \`#[repr(C)]\``;
    return `${shown} is ${what}: its layout is unspecified (pass it behind a pointer, or give it a C representation)`;
  }
  if (PLAIN.has(r.name) || r.name.startsWith('c_')) return null;
  if (r.name === 'char')
    return `${shown} is a 32-bit Unicode scalar with a validity invariant, not C \`char\` (use \`u32\` or \`c_char\`)`;
  if (r.name === 'u128' || r.name === 'i128') return `${shown} has no stable C ABI on every target`;
  if (UNSIZED_NAMES.has(r.name)) return `${shown} is unsized and cannot be passed by value`;
  const rustOnly = RUST_ONLY.get(r.name);
  if (rustOnly) return `${shown} is ${rustOnly}`;
  if (r.name === 'Option' && r.args.length === 1) {
    if (nullableInner(r.args[0], env)) return null;
    return `${shown} has no C layout (only \`Option\` of a reference, \`Box\`, \`NonNull\`, \`NonZero*\` or an \`extern\` fn pointer is FFI-safe)`;
  }
  if ((r.name === 'Box' || r.name === 'NonNull') && r.args.length === 1) {
    return isUnsized(r.args[0], env)
      ? `${shown} is a fat pointer (${pointerMeta(r.args[0], env)}), which C has no type for`
      : null;
  }
  if (TRANSPARENT.has(r.name) && r.args.length === 1) return ffiProblem(r.args[0], pos, env, depth + 1);
  if (/^[A-Z]$/.test(r.name)) return `${shown} is a generic type parameter, not a C type`;
  return null;
}

/** Convenience: parse a spelling and check it. */
export function ffiProblemOf(type: string, pos: TypePosition, env: TypeEnv): string | null {
  return ffiProblem(parseType(type), pos, env);
}
