/**
 * Which macros the engine may leave unexpanded without a reviewer looking: macros of the standard
 * library, and of crates trusted as non-exporting — a documented default list plus `macros.trusted`
 * in the default branch's config. A trusted macro still has its input read: an export attribute
 * inside `println!(…)` is an unresolved export site whatever the macro's crate.
 */

/** Macros of std/core/alloc, by name (when no `use` brings another macro of that name). */
export const STD_MACROS = new Set([
  'addr_of',
  'addr_of_mut',
  'asm',
  'assert',
  'assert_eq',
  'assert_ne',
  'cfg',
  'column',
  'compile_error',
  'concat',
  'dbg',
  'debug_assert',
  'debug_assert_eq',
  'debug_assert_ne',
  'env',
  'eprint',
  'eprintln',
  'file',
  'format',
  'format_args',
  'global_asm',
  'include',
  'include_bytes',
  'include_str',
  'is_x86_feature_detected',
  'is_aarch64_feature_detected',
  'line',
  'matches',
  'module_path',
  'naked_asm',
  'offset_of',
  'option_env',
  'panic',
  'pin',
  'print',
  'println',
  'ready',
  'stringify',
  'thread_local',
  'todo',
  'try',
  'unimplemented',
  'unreachable',
  'vec',
  'write',
  'writeln',
]);

/** Std macros that can place code the engine does not read into the library. */
export const UNSAFE_STD_MACROS: ReadonlySet<string> = new Set(['include', 'global_asm']);

/**
 * An invocation of a std macro (by its std name) that can place code or symbols the engine does not
 * read into the library: `include!`, `global_asm!`, and `asm!`/`naked_asm!` whose templates are
 * not provably harmless (`asmRisk`, census.ts and inline-asm.ts).
 */
export function unsafeStdInvocation(b: { name: string; asmRisk?: string }): boolean {
  return UNSAFE_STD_MACROS.has(b.name) || b.asmRisk !== undefined;
}

/**
 * Crates whose macros (function-like, attribute and derive) are trusted not to export symbols by
 * default. Widely used, and none of them emits `#[no_mangle]`/`#[export_name]` items. Crates that
 * exist to export (`wasm_bindgen`, `safer_ffi`, `uniffi`, `ctor`, `jni` helpers) and crates that
 * splice identifiers together (`paste`) are deliberately absent.
 */
export const DEFAULT_TRUSTED_MACRO_CRATES: readonly string[] = [
  'std',
  'core',
  'alloc',
  'anyhow',
  'arbitrary',
  'arrayvec',
  'assert_matches',
  'async_trait',
  'bitflags',
  'bytemuck',
  'cfg_if',
  'const_format',
  'criterion',
  'derivative',
  'derive_more',
  'displaydoc',
  'educe',
  'futures',
  'futures_util',
  'getset',
  'hex_literal',
  'indoc',
  'insta',
  'itertools',
  'lazy_static',
  'libc',
  'log',
  'maplit',
  'memoffset',
  'mockall',
  'num_derive',
  'num_enum',
  'once_cell',
  'pin_project',
  'pin_project_lite',
  'pretty_assertions',
  'proc_macro2',
  'proptest',
  'quote',
  'rstest',
  'scopeguard',
  'serde',
  'serde_derive',
  'serde_json',
  'serde_with',
  'smallvec',
  'static_assertions',
  'strum',
  'strum_macros',
  'syn',
  'test_case',
  'thiserror',
  'tokio',
  'tracing',
  'zerocopy',
  'zerocopy_derive',
];

export function trustedMacroCrates(configured: readonly string[] = []): Set<string> {
  return new Set([...DEFAULT_TRUSTED_MACRO_CRATES, ...configured].map((c) => c.replace(/-/g, '_')));
}

export function isTrustedMacroCrate(origin: string, trusted: ReadonlySet<string>): boolean {
  return trusted.has(origin.replace(/^r#/, '').replace(/-/g, '_'));
}
