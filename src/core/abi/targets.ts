/**
 * The target parameters the layout module needs (issue 14, SPEC §4): only the facts where the
 * targets users ship differ. Every value is what rustc uses, from these sources:
 *
 * - Pointer width, `usize`/`isize`: 8 bytes on every target below (all are 64-bit).
 * - `c_long`/`c_ulong`: `core::ffi::c_long` is `i64` when `target_pointer_width = "64"` and not
 *   `windows`, else `i32` (library/core/src/ffi/primitives.rs, `c_long_definition`): Windows is
 *   LLP64 (Microsoft, "Data Type Ranges": long is 4 bytes on x64 and ARM64).
 * - `c_char` signedness: `core::ffi::c_char` is `u8` on aarch64 except on Apple and Windows
 *   targets (primitives.rs, `c_char_definition`, citing AAPCS64 §10 "Arm C and C++ language
 *   mappings": plain char is unsigned; Apple's "Writing ARM64 code for Apple platforms": char is
 *   signed; MSVC: char is signed on every architecture). x86_64: signed everywhere (SysV psABI
 *   §3.1.2, MSVC).
 * - Alignment of `u64`/`i64`/`f64`: 8 on every 64-bit target here (the `data-layout` strings of the
 *   target specs: `i64:64`; only 32-bit x86 Linux lowers it to 4).
 * - Alignment of `i128`/`u128`: 16 on x86_64 since Rust 1.77 (LLVM 18 changed the x86_64 data
 *   layout to `i128:128`, rust-lang/rust#116672, matching the SysV psABI `__int128` and clang;
 *   before 1.77 it was 8); 16 on aarch64 always (AAPCS64 `__int128`). rustc 1.95 on this machine:
 *   `align_of::<u128>() == 16` (checked by test/abi/layout-oracle.test.ts on the host).
 * - `c_int` is 4 bytes and `c_short` 2, `c_longlong` 8 on every target here; a fieldless
 *   `repr(C)` enum is `c_int`-sized unless a discriminant fits neither `c_int` nor `c_uint`
 *   (then 8 bytes: rustc's `repr_c_enums_larger_than_int` future-compat lint, issue #124403).
 * - The largest object: `isize::MAX` bytes (rustc rejects bigger types); this module also caps
 *   sizes at `Number.MAX_SAFE_INTEGER` so that sizes stay exact JavaScript numbers.
 */

export type TargetName =
  | 'x86_64-unknown-linux-gnu'
  | 'aarch64-unknown-linux-gnu'
  | 'x86_64-apple-darwin'
  | 'aarch64-apple-darwin'
  | 'x86_64-pc-windows-msvc'
  | 'aarch64-pc-windows-msvc';

export interface Target {
  /** The rustc target triple. */
  name: TargetName;
  arch: 'x86_64' | 'aarch64';
  os: 'linux' | 'macos' | 'windows';
  /** Size and alignment of pointers, references, fn pointers, `usize` and `isize`, in bytes. */
  pointerBytes: 8;
  /** Size (and alignment) of `c_long`/`c_ulong`: 8 (LP64) or 4 (Windows, LLP64). */
  cLongBytes: 4 | 8;
  /** `c_char` is `i8` (true) or `u8` (false). */
  cCharSigned: boolean;
  /** Alignment of `u64`, `i64`. */
  u64Align: number;
  /** Alignment of `f64`. */
  f64Align: number;
  /** Alignment of `u128`, `i128`. */
  u128Align: number;
  /** Size of `c_int` (and of a fieldless repr(C) enum whose discriminants fit it). */
  cIntBytes: 4;
}

function target(name: TargetName, arch: Target['arch'], os: Target['os'], cCharSigned: boolean): Target {
  return {
    name,
    arch,
    os,
    pointerBytes: 8,
    cLongBytes: os === 'windows' ? 4 : 8,
    cCharSigned,
    u64Align: 8,
    f64Align: 8,
    u128Align: 16,
    cIntBytes: 4,
  };
}

/** The targets users ship (issue 14): x86_64/aarch64 × Linux (gnu), macOS, Windows (MSVC). */
export const TARGETS: Readonly<Record<TargetName, Target>> = {
  'x86_64-unknown-linux-gnu': target('x86_64-unknown-linux-gnu', 'x86_64', 'linux', true),
  'aarch64-unknown-linux-gnu': target('aarch64-unknown-linux-gnu', 'aarch64', 'linux', false),
  'x86_64-apple-darwin': target('x86_64-apple-darwin', 'x86_64', 'macos', true),
  'aarch64-apple-darwin': target('aarch64-apple-darwin', 'aarch64', 'macos', true),
  'x86_64-pc-windows-msvc': target('x86_64-pc-windows-msvc', 'x86_64', 'windows', true),
  'aarch64-pc-windows-msvc': target('aarch64-pc-windows-msvc', 'aarch64', 'windows', true),
};

/** Every target of the table, in a fixed order. */
export const ALL_TARGETS: readonly Target[] = Object.values(TARGETS);

/**
 * The table's target for a Node-style platform and architecture (`process.platform`,
 * `process.arch`), or null when the table has none. Pure: the caller passes the values.
 */
export function targetFor(platform: string, arch: string): Target | null {
  const a =
    arch === 'x64' || arch === 'x86_64'
      ? 'x86_64'
      : arch === 'arm64' || arch === 'aarch64'
        ? 'aarch64'
        : null;
  const os =
    platform === 'linux'
      ? 'linux'
      : platform === 'darwin' || platform === 'macos'
        ? 'macos'
        : platform === 'win32' || platform === 'windows'
          ? 'windows'
          : null;
  if (!a || !os) return null;
  return ALL_TARGETS.find((t) => t.arch === a && t.os === os) ?? null;
}

/** A scalar type on a target: its class, size, alignment and (for integers) signedness. */
export interface Scalar {
  class: 'int' | 'float' | 'bool' | 'char';
  signed: boolean;
  size: number;
  align: number;
}

function int(signed: boolean, size: number, t: Target): Scalar {
  const align = size === 16 ? t.u128Align : size === 8 ? t.u64Align : size;
  return { class: 'int', signed, size, align };
}

/**
 * The scalar a type name denotes on `t`, or null: Rust's primitives and the C type names of
 * `core::ffi`/`std::os::raw` and `libc` (spelled by their last path segment, as the extractor
 * normalises them; `libc`'s fixed-width and pointer-width aliases included).
 */
export function scalarOf(name: string, t: Target): Scalar | null {
  const ptr = t.pointerBytes;
  const fixed = /^([iu])(8|16|32|64|128)$/.exec(name);
  if (fixed) return int(fixed[1] === 'i', Number(fixed[2]) / 8, t);
  const std = /^(u?)int(8|16|32|64)_t$/.exec(name);
  if (std) return int(std[1] === '', Number(std[2]) / 8, t);
  switch (name) {
    case 'isize':
    case 'ssize_t':
    case 'intptr_t':
    case 'ptrdiff_t':
    case 'c_ssize_t':
    case 'c_ptrdiff_t':
      return int(true, ptr, t);
    case 'usize':
    case 'size_t':
    case 'uintptr_t':
    case 'c_size_t':
      return int(false, ptr, t);
    case 'c_char':
      return int(t.cCharSigned, 1, t);
    case 'c_schar':
      return int(true, 1, t);
    case 'c_uchar':
      return int(false, 1, t);
    case 'c_short':
      return int(true, 2, t);
    case 'c_ushort':
      return int(false, 2, t);
    case 'c_int':
      return int(true, t.cIntBytes, t);
    case 'c_uint':
      return int(false, t.cIntBytes, t);
    case 'c_long':
      return int(true, t.cLongBytes, t);
    case 'c_ulong':
      return int(false, t.cLongBytes, t);
    case 'c_longlong':
      return int(true, 8, t);
    case 'c_ulonglong':
      return int(false, 8, t);
    case 'f32':
    case 'c_float':
      return { class: 'float', signed: true, size: 4, align: 4 };
    case 'f64':
    case 'c_double':
      return { class: 'float', signed: true, size: 8, align: t.f64Align };
    case 'bool':
      return { class: 'bool', signed: false, size: 1, align: 1 };
    case 'char':
      return { class: 'char', signed: false, size: 4, align: 4 };
    default:
      return null;
  }
}
