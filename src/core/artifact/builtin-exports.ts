/**
 * What a Rust library exports by itself, whatever its source says: these symbols are never
 * binary-only exports. Exact names only (never a prefix: `rust_eh_personality_hook` or
 * `_init_engine` from a crate are real exports). Checked against an empty cdylib and an empty
 * staticlib built with the real compiler (test/artifact/builtin-exports.test.ts): with this
 * list, neither has a symbol left.
 */
import type { ArtifactSymbol } from './symbols';

/**
 * Symbols a Rust `cdylib` may carry whatever the crate: the linker's ELF markers, the panic
 * runtime's personality routine and the allocator shims of the toolchains that export them
 * (rustc 1.95 on Linux exports none of them; older toolchains and other targets do).
 */
export const BUILTIN_EXPORTS: ReadonlySet<string> = new Set([
  '_init',
  '_fini',
  '_edata',
  '_end',
  '__bss_start',
  '_DYNAMIC',
  '_GLOBAL_OFFSET_TABLE_',
  '__dso_handle',
  'rust_eh_personality',
  'DW.ref.rust_eh_personality',
  'rust_begin_unwind',
  'rust_panic',
  '__rust_alloc',
  '__rust_dealloc',
  '__rust_realloc',
  '__rust_alloc_zeroed',
  '__rust_alloc_error_handler',
  '__rust_alloc_error_handler_should_panic',
  '__rust_no_alloc_shim_is_unstable',
  '__rust_probestack',
  '__rust_start_panic',
  '__rust_panic_cleanup',
  '__rust_drop_panic',
  '__rust_foreign_exception',
  '__rg_oom',
  '__rdl_oom',
  '__rdl_alloc',
  '__rdl_dealloc',
  '__rdl_realloc',
  '__rdl_alloc_zeroed',
]);

/**
 * The crates of the Rust toolchain's sysroot that a `staticlib` bundles in full (the standard
 * library and its dependencies). Their archive members are named `<crate>-<hash>.<crate>.<cgu>.rcgu.o`.
 */
export const TOOLCHAIN_CRATES: ReadonlySet<string> = new Set([
  'std',
  'core',
  'alloc',
  'compiler_builtins',
  'panic_unwind',
  'panic_abort',
  'unwind',
  'std_detect',
  'rustc_demangle',
  'addr2line',
  'gimli',
  'object',
  'miniz_oxide',
  'memchr',
  'adler',
  'adler2',
  'hashbrown',
  'libc',
  'cfg_if',
  'rustc_std_workspace_alloc',
  'rustc_std_workspace_core',
  'rustc_std_workspace_std',
  'profiler_builtins',
]);

/**
 * compiler-rt's C objects that `compiler_builtins` puts into a staticlib, named `<hash>-<object>.o`
 * (a C dependency built by the `cc` crate is named the same way, so the object names are exact).
 */
export const COMPILER_RT_OBJECTS: ReadonlySet<string> = new Set(
  (
    'absvdi2 absvsi2 absvti2 addvdi3 addvsi3 addvti3 cmpdi2 cmpti2 divdc3 divsc3 divxc3 ffsti2 ' +
    'int_util muldc3 mulsc3 mulxc3 mulvdi3 mulvsi3 mulvti3 negdf2 negdi2 negsf2 negti2 negvdi2 ' +
    'negvsi2 negvti2 paritydi2 paritysi2 parityti2 popcountdi2 popcountsi2 popcountti2 subvdi3 ' +
    'subvsi3 subvti3 ucmpdi2 ucmpti2 divtc3 multc3 ffsdi2 ffssi2 emutls clear_cache'
  ).split(' '),
);

const TOOLCHAIN_MEMBER = /^([A-Za-z0-9_]+)-[0-9a-f]{16}\.([A-Za-z0-9_]+)\.[0-9a-f]+-cgu\.[0-9]+\.rcgu\.o$/;
const COMPILER_RT_MEMBER = /^[0-9a-f]{16}-([A-Za-z0-9_]+)\.o$/;

/** An archive member the toolchain put there (the standard library, compiler-rt), by its exact name. */
export function isToolchainMember(member: string): boolean {
  const m = TOOLCHAIN_MEMBER.exec(member);
  if (m && m[1] === m[2] && TOOLCHAIN_CRATES.has(m[1])) return true;
  const c = COMPILER_RT_MEMBER.exec(member);
  return !!c && COMPILER_RT_OBJECTS.has(c[1]);
}

/**
 * A Rust-mangled name (legacy `_ZN…17h<hash>E`, parsed in full, or v0 `_R…`): the Rust ABI of a
 * Rust item, which a static archive holds for every `pub fn` of every crate in it. No C consumer
 * calls one, so in an archive they are not C exports. (A shared library exports none: rustc does
 * not export mangled names from a cdylib, so there they are reported.)
 */
export function isRustMangled(name: string): boolean {
  const base = name.replace(/\.llvm\.[0-9]+$/, '');
  if (/^_R[0-9]*[CNMXYIB][0-9A-Za-z_]*$/.test(base)) return true;
  if (!base.startsWith('_ZN') || !base.endsWith('E')) return false;
  let i = 3;
  let last = '';
  const end = base.length - 1;
  while (i < end) {
    let j = i;
    while (j < end && j - i < 6 && base.charCodeAt(j) >= 48 && base.charCodeAt(j) <= 57) j++;
    if (j === i) return false;
    const len = Number(base.slice(i, j));
    if (len === 0 || j + len > end) return false;
    last = base.slice(j, j + len);
    i = j + len;
  }
  return i === end && /^h[0-9a-f]{16}$/.test(last);
}

/** LLVM's names for promoted anonymous constants: `anon.<hash>.<n>.llvm.<n>`. */
export function isLlvmAnonymous(name: string): boolean {
  return /^anon\.[0-9a-f]{32}\.[0-9]+(\.llvm\.[0-9]+)?$/.test(name);
}

/** Whether the toolchain, not the crate's source, explains this symbol of the artifact. */
export function isBuiltinExport(sym: ArtifactSymbol, archive: boolean): boolean {
  if (BUILTIN_EXPORTS.has(sym.name)) return true;
  if (!archive) return false;
  if (sym.member !== undefined && isToolchainMember(sym.member)) return true;
  return isRustMangled(sym.name) || isLlvmAnonymous(sym.name);
}
