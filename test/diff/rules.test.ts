/**
 * One old/new pair of Rust sources per change rule: the rule fires with its severity. A rule
 * without a case here fails the completeness test.
 */
import { crossCheckArtifacts, withBinaryOnly } from '../../src/core/artifact/binary-only';
import { CHANGE_RULES } from '../../src/core/diff/catalogue';
import { buildReport } from '../../src/core/diff/build-report';
import { crateFiles, extractMemory } from '../support/extract';
import { diffLib, H } from './helpers';

interface Case {
  rule: string;
  before: string;
  after: string;
  /** Rules that must not fire for this pair. */
  not?: string[];
  /** The severity of each occurrence, when the rule's depends on the use (default: the rule's). */
  severity?: string;
  /** The rule's messages, exactly. */
  messages?: string[];
  /** The pair yields no change at all (the rule named is the one that must stay silent). */
  none?: boolean;
  /** How many times the rule fires, and how many changes the pair yields in all. */
  count?: number;
  total?: number;
  extraBefore?: Record<string, string>;
  extraAfter?: Record<string, string>;
  /** Symbols the head's built library (`libdemo.so`, `--binary`) exports. */
  binary?: string[];
}

/** The diff with the head's library read as `--binary` would (the symbol table given as data). */
async function diffWithBinary(c: Case) {
  const base = await extractMemory(crateFiles(c.before, c.extraBefore));
  const source = await extractMemory(crateFiles(c.after, c.extraAfter));
  const symbols = (c.binary ?? []).map((name) => ({ name, kind: 'function' as const }));
  const head = crossCheckArtifacts(source, [
    { file: 'libdemo.so', read: { format: 'elf', crateType: 'cdylib', symbols, skippedMembers: [] } },
  ]);
  return withBinaryOnly(buildReport(base, source), base, head);
}

const CDYLIB = (name = 'demo', types = '"cdylib"') =>
  `[package]\nname = "demo"\nversion = "1.0.0"\nedition = "2021"\n[lib]\nname = "${name}"\ncrate-type = [${types}]\n`;

const fn = (body: string) => `${H}${body}\n`;

const CASES: Case[] = [
  { rule: 'function-removed', before: fn('#[no_mangle] pub extern "C" fn f() {}'), after: fn('') },
  {
    rule: 'function-removed',
    before: fn('mod m { #[no_mangle] extern "C" fn private_one() {} }'),
    after: fn('mod m {}'),
  },
  {
    rule: 'function-added',
    before: fn(''),
    after: fn('#[no_mangle] pub extern "C" fn f() {}'),
    not: ['function-removed'],
  },
  {
    rule: 'export-renamed',
    before: fn('#[export_name = "old_name"] pub extern "C" fn f() {}'),
    after: fn('#[export_name = "new_name"] pub extern "C" fn f() {}'),
    not: ['function-removed', 'function-added'],
  },
  {
    rule: 'function-parameters-changed',
    before: fn('#[no_mangle] pub extern "C" fn f(p: *const u8, n: usize) {}'),
    after: fn('#[no_mangle] pub extern "C" fn f(p: *const u8, n: u32) {}'),
  },
  {
    rule: 'function-parameters-changed',
    before: fn('#[no_mangle] pub extern "C" fn f(a: i32) {}'),
    after: fn('#[no_mangle] pub extern "C" fn f(a: i32, b: i32) {}'),
  },
  {
    rule: 'function-parameters-changed',
    before: fn('#[no_mangle] pub extern "C" fn f(a: i32, b: *const u8) {}'),
    after: fn('#[no_mangle] pub extern "C" fn f(b: *const u8, a: i32) {}'),
  },
  {
    rule: 'function-return-changed',
    before: fn('#[no_mangle] pub extern "C" fn f() -> i32 { 0 }'),
    after: fn('#[no_mangle] pub extern "C" fn f() -> i64 { 0 }'),
  },
  {
    rule: 'platform-width-changed',
    before: fn('#[no_mangle] pub extern "C" fn f(x: c_long) {}'),
    after: fn('#[no_mangle] pub extern "C" fn f(x: i64) {}'),
    not: ['function-parameters-changed'],
  },
  {
    rule: 'type-spelling-changed',
    before: fn('#[no_mangle] pub extern "C" fn f(x: c_int) -> c_int { x }'),
    after: fn('#[no_mangle] pub extern "C" fn f(x: i32) -> i32 { x }'),
    not: ['function-parameters-changed', 'function-return-changed', 'platform-width-changed'],
  },
  {
    rule: 'function-abi-changed',
    before: fn('#[no_mangle] pub extern "C" fn f() {}'),
    after: fn('#[no_mangle] pub fn f() {}'),
  },
  {
    rule: 'function-abi-near-changed',
    before: fn('#[no_mangle] pub extern "C" fn f() {}'),
    after: fn('#[no_mangle] pub extern "system" fn f() {}'),
    not: ['function-abi-changed'],
  },
  {
    rule: 'function-abi-near-changed',
    before: fn('#[no_mangle] pub extern "C" fn f() {}'),
    after: fn('#[no_mangle] pub extern "C-unwind" fn f() {}'),
  },
  {
    rule: 'function-parameter-renamed',
    before: fn('#[no_mangle] pub extern "C" fn f(len: usize) {}'),
    after: fn('#[no_mangle] pub extern "C" fn f(size: usize) {}'),
    not: ['function-parameters-changed'],
  },
  {
    rule: 'function-unsafe-changed',
    before: fn('#[no_mangle] pub extern "C" fn f(p: *const u8) {}'),
    after: fn('#[no_mangle] pub unsafe extern "C" fn f(p: *const u8) {}'),
  },
  { rule: 'static-removed', before: fn('#[no_mangle] pub static V: u32 = 1;'), after: fn('') },
  { rule: 'static-added', before: fn(''), after: fn('#[no_mangle] pub static V: u32 = 1;') },
  {
    rule: 'static-type-changed',
    before: fn('#[no_mangle] pub static V: u32 = 1;'),
    after: fn('#[no_mangle] pub static V: u64 = 1;'),
  },
  {
    rule: 'static-mutability-changed',
    before: fn('#[no_mangle] pub static mut V: u32 = 1;'),
    after: fn('#[no_mangle] pub static V: u32 = 1;'),
  },
  { rule: 'type-removed', before: fn('#[repr(C)] pub struct S { pub a: u32 }'), after: fn('') },
  { rule: 'type-added', before: fn(''), after: fn('#[repr(C)] pub struct S { pub a: u32 }') },
  {
    rule: 'repr-changed',
    before: fn('#[repr(u8)] pub enum E { A, B }'),
    after: fn('#[repr(u32)] pub enum E { A, B }'),
  },
  {
    rule: 'repr-changed',
    before: fn('#[repr(C)] pub struct S { pub a: u32 }'),
    after: fn('pub struct S { pub a: u32 }'),
    not: ['type-removed'],
  },
  {
    rule: 'repr-changed',
    before: fn('#[repr(C)] pub struct S { pub a: u8, pub b: u32 }'),
    after: fn('#[repr(C, packed)] pub struct S { pub a: u8, pub b: u32 }'),
  },
  {
    rule: 'struct-layout-changed',
    before: fn('#[repr(C)] pub struct S { pub a: u32, pub b: u64 }'),
    after: fn('#[repr(C)] pub struct S { pub b: u64, pub a: u32 }'),
  },
  {
    rule: 'struct-layout-changed',
    before: fn('#[repr(C)] pub struct S { pub a: u32, pub b: u64 }'),
    after: fn('#[repr(C)] pub struct S { pub a: u32 }'),
  },
  {
    rule: 'struct-layout-changed',
    before: fn('#[repr(C)] pub struct S { pub a: u32 }'),
    after: fn('#[repr(C)] pub struct S { pub a: u64 }'),
  },
  {
    rule: 'struct-field-renamed',
    before: fn('#[repr(C)] pub struct S { pub len: usize }'),
    after: fn('#[repr(C)] pub struct S { pub size: usize }'),
    not: ['struct-layout-changed'],
  },
  {
    rule: 'struct-field-added-by-value',
    before: fn('#[repr(C)] pub struct S { pub a: u32 }\n#[no_mangle] pub extern "C" fn take(s: S) {}'),
    after: fn(
      '#[repr(C)] pub struct S { pub a: u32, pub b: u32 }\n#[no_mangle] pub extern "C" fn take(s: S) {}',
    ),
    not: ['struct-field-added-behind-pointer'],
  },
  {
    // embedded in a struct that exports only pass behind a pointer: behind a pointer too
    rule: 'struct-field-added-behind-pointer',
    before: fn(
      '#[repr(C)] pub struct Inner { pub a: u32 }\n#[repr(C)] pub struct Outer { pub i: Inner }\n#[no_mangle] pub extern "C" fn take(o: *const Outer) {}',
    ),
    after: fn(
      '#[repr(C)] pub struct Inner { pub a: u32, pub b: u8 }\n#[repr(C)] pub struct Outer { pub i: Inner }\n#[no_mangle] pub extern "C" fn take(o: *const Outer) {}',
    ),
  },
  {
    // one change on the type that grew, naming the export that passes it (never one per export)
    rule: 'struct-field-added-by-value',
    before: fn(
      '#[repr(C)] pub struct D { pub w: u32, pub h: u32 }\n#[no_mangle] pub extern "C" fn area(d: D) -> u64 { 0 }\n#[no_mangle] pub extern "C" fn scale(d: D) -> D { d }',
    ),
    after: fn(
      '#[repr(C)] pub struct D { pub w: u32, pub h: u32, pub s: u32 }\n#[no_mangle] pub extern "C" fn area(d: D) -> u64 { 0 }\n#[no_mangle] pub extern "C" fn scale(d: D) -> D { d }',
    ),
    not: ['function-parameters-changed', 'function-return-changed'],
    messages: [
      'field s: u32 appended to D, which is passed, returned or embedded by value; affects area (parameter 1 (d) by value), scale (parameter 1 (d) by value)',
    ],
  },
  {
    rule: 'struct-field-added-behind-pointer',
    before: fn('#[repr(C)] pub struct S { pub a: u32 }\n#[no_mangle] pub extern "C" fn take(s: *mut S) {}'),
    after: fn(
      '#[repr(C)] pub struct S { pub a: u32, pub b: u32 }\n#[no_mangle] pub extern "C" fn take(s: *mut S) {}',
    ),
    not: ['struct-field-added-by-value', 'struct-layout-changed', 'function-type-layout-changed'],
  },
  {
    rule: 'enum-variant-removed',
    before: fn('#[repr(C)] pub enum E { A, B }'),
    after: fn('#[repr(C)] pub enum E { A }'),
  },
  {
    rule: 'enum-discriminant-changed',
    before: fn('#[repr(i32)] pub enum E { A = 1, B }'),
    after: fn('#[repr(i32)] pub enum E { A = 5, B }'),
  },
  {
    rule: 'enum-variant-added',
    before: fn('#[repr(C)] pub enum E { A, B }'),
    after: fn('#[repr(C)] pub enum E { A, B, C }'),
  },
  {
    rule: 'enum-variant-added-non-exhaustive',
    before: fn('#[repr(C)] #[non_exhaustive] pub enum E { A, B }'),
    after: fn('#[repr(C)] #[non_exhaustive] pub enum E { A, B, C }'),
    not: ['enum-variant-added'],
  },
  {
    rule: 'enum-variant-renamed',
    before: fn('#[repr(C)] pub enum E { Ok = 0, Err = 1 }'),
    after: fn('#[repr(C)] pub enum E { Success = 0, Err = 1 }'),
    not: ['enum-variant-removed', 'enum-variant-added'],
  },
  { rule: 'const-added', before: fn(''), after: fn('pub const MAX_LEN: usize = 64;') },
  { rule: 'const-removed', before: fn('pub const MAX_LEN: usize = 64;'), after: fn('') },
  {
    rule: 'const-value-changed',
    before: fn('pub const MAX_LEN: usize = 64;'),
    after: fn('pub const MAX_LEN: usize = 32;'),
    severity: 'potentially-breaking',
  },
  {
    rule: 'const-type-changed',
    before: fn('pub const FLAGS: u8 = 1;'),
    after: fn('pub const FLAGS: u32 = 1;'),
  },
  { rule: 'type-alias-added', before: fn(''), after: fn('pub type Id = u32;') },
  { rule: 'type-alias-removed', before: fn('pub type Id = u32;'), after: fn('') },
  {
    rule: 'type-alias-changed',
    before: fn('pub type Id = u32;'),
    after: fn('pub type Id = u64;'),
    severity: 'potentially-breaking',
  },
  { rule: 'import-added', before: fn(''), after: fn('extern "C" { fn host_log(msg: *const c_char); }') },
  { rule: 'import-removed', before: fn('extern "C" { fn host_log(msg: *const c_char); }'), after: fn('') },
  {
    rule: 'cfg-gate-changed',
    before: fn('#[no_mangle] pub extern "C" fn f() {}'),
    after: fn('#[cfg(unix)] #[no_mangle] pub extern "C" fn f() {}'),
  },
  {
    rule: 'cfg-gate-removed',
    before: fn('#[cfg(unix)] #[no_mangle] pub extern "C" fn f() {}'),
    after: fn('#[no_mangle] pub extern "C" fn f() {}'),
  },
  {
    rule: 'item-gated',
    before: fn('#[no_mangle] pub extern "C" fn f() {}'),
    after: fn('#[cfg(feature = "extra")] #[no_mangle] pub extern "C" fn f() {}'),
    not: ['function-removed'],
  },
  {
    rule: 'feature-made-default',
    before: fn('#[cfg(feature = "extra")] #[no_mangle] pub extern "C" fn f() {}'),
    after: fn('#[no_mangle] pub extern "C" fn f() {}'),
    not: ['function-added'],
  },
  {
    rule: 'unresolved-macro',
    before: fn(''),
    after: fn('other_crate::export_all! { f, g }'),
  },
  {
    rule: 'unresolved-export-site',
    before: fn('pub fn f() {}'),
    after: fn('pub fn f() {}\n#[export_name = env!("NAME")] pub extern "C" fn g() {}'),
  },
  // ABI-exact classification (issue 14): what a consumer sees, one change per cause
  {
    rule: 'rust-spelling-changed',
    before: fn('pub struct Engine;\n#[no_mangle] pub extern "C" fn f(e: *const Engine) {}'),
    after: fn('pub struct Engine;\n#[no_mangle] pub extern "C" fn f(e: &Engine) {}'),
    not: ['function-parameters-changed', 'c-declaration-changed'],
    messages: [
      'parameter 1 (e) is now &Engine (was *const Engine): the same C declaration; the Rust side now assumes it is never NULL (a NULL from C is undefined behaviour)',
    ],
  },
  {
    rule: 'rust-spelling-changed',
    before: fn('#[no_mangle] pub extern "C" fn f(p: *const u8, q: Option<&u32>, r: *mut u16) {}'),
    after: fn(
      '#[no_mangle] pub extern "C" fn f(p: *mut u8, q: *const u32, r: Option<std::ptr::NonNull<u16>>) {}',
    ),
    not: ['function-parameters-changed', 'c-declaration-changed'],
  },
  {
    rule: 'rust-spelling-changed',
    before: fn('pub struct T;\n#[no_mangle] pub extern "C" fn f(b: Box<T>) -> Option<Box<T>> { None }'),
    after: fn('pub struct T;\n#[no_mangle] pub extern "C" fn f(b: *mut T) -> *mut T { b }'),
    not: ['function-parameters-changed', 'function-return-changed'],
  },
  {
    rule: 'rust-spelling-changed',
    before: fn('#[no_mangle] pub extern "C" fn f(cb: Option<extern "C" fn(i32) -> i32>) {}'),
    after: fn('#[no_mangle] pub extern "C" fn f(cb: Option<unsafe extern "C" fn(i32) -> i32>) {}'),
    not: ['function-parameters-changed'],
  },
  {
    rule: 'rust-spelling-changed',
    before: fn(
      '#[repr(C)] pub struct B { pub data: [u8; 4 * 1024] }\n#[no_mangle] pub extern "C" fn f(b: B) {}',
    ),
    after: fn('#[repr(C)] pub struct B { pub data: [u8; 4096] }\n#[no_mangle] pub extern "C" fn f(b: B) {}'),
    not: ['struct-layout-changed'],
  },
  {
    rule: 'c-declaration-changed',
    before: fn(
      '#[repr(C)] pub struct Engine { x: u32 }\n#[no_mangle] pub extern "C" fn f(e: *mut std::ffi::c_void) {}',
    ),
    after: fn('#[repr(C)] pub struct Engine { x: u32 }\n#[no_mangle] pub extern "C" fn f(e: *mut Engine) {}'),
    not: ['function-parameters-changed', 'rust-spelling-changed'],
    messages: [
      'parameter 1 (e) changed from *mut c_void to *mut Engine: the same ABI, a different C declaration',
    ],
  },
  {
    rule: 'c-declaration-changed',
    before: fn('#[no_mangle] pub extern "C" fn f(id: u32) {}'),
    after: fn('pub type Id = u32;\n#[no_mangle] pub extern "C" fn f(id: Id) {}'),
    not: ['function-parameters-changed'],
  },
  {
    // a private repr(C) struct passed by value is surface: its growth breaks the export
    rule: 'struct-field-added-by-value',
    before: fn('#[repr(C)]\nstruct P { a: u32 }\n#[no_mangle] pub extern "C" fn f(p: P) {}'),
    after: fn('#[repr(C)]\nstruct P { a: u32, b: u32 }\n#[no_mangle] pub extern "C" fn f(p: P) {}'),
    messages: [
      'field b: u32 appended to P, which is passed, returned or embedded by value; affects f (parameter 1 (p) by value)',
    ],
  },
  {
    // a private const as an array length: one change on the const, naming the export
    rule: 'const-value-changed',
    before: fn(
      'const N: usize = 4;\n#[repr(C)] pub struct B { pub d: [u8; N] }\n#[no_mangle] pub extern "C" fn f(b: B) {}',
    ),
    after: fn(
      'const N: usize = 8;\n#[repr(C)] pub struct B { pub d: [u8; N] }\n#[no_mangle] pub extern "C" fn f(b: B) {}',
    ),
    not: ['struct-layout-changed', 'function-parameters-changed'],
    messages: [
      'value changed from 4 to 8, which a layout or discriminant depends on; affects f (parameter 1 (b) by value)',
    ],
  },
  {
    rule: 'const-value-changed',
    before: fn('pub const SIZE: usize = 4 * 1024;'),
    after: fn('pub const SIZE: usize = 4096;'),
    not: ['const-value-changed'],
    none: true,
  },
  {
    // a private alias retargeted under a parameter
    rule: 'type-alias-changed',
    before: fn('type Id = u32;\n#[no_mangle] pub extern "C" fn f(id: Id) {}'),
    after: fn('type Id = u64;\n#[no_mangle] pub extern "C" fn f(id: Id) {}'),
    not: ['function-parameters-changed'],
    messages: ['now aliases u64 instead of u32; affects f (parameter 1 (id) by value)'],
  },
  {
    // a const in a discriminant expression: the cause is the const
    rule: 'const-value-changed',
    before: fn(
      'const BASE: u32 = 1;\n#[repr(u32)] pub enum E { A = BASE, B }\n#[no_mangle] pub extern "C" fn f() -> E { E::A }',
    ),
    after: fn(
      'const BASE: u32 = 2;\n#[repr(u32)] pub enum E { A = BASE, B }\n#[no_mangle] pub extern "C" fn f() -> E { E::A }',
    ),
    not: ['enum-discriminant-changed'],
  },
  {
    rule: 'enum-variant-layout-changed',
    before: fn(
      '#[repr(C)] pub enum Ev { Key { code: u32 }, Quit }\n#[no_mangle] pub extern "C" fn f(e: *const Ev) {}',
    ),
    after: fn(
      '#[repr(C)] pub enum Ev { Key { code: u64 }, Quit }\n#[no_mangle] pub extern "C" fn f(e: *const Ev) {}',
    ),
    messages: [
      'variant Key: field code changed type from u32 to u64; affects f (parameter 1 (e), behind a pointer)',
    ],
  },
  {
    rule: 'function-target-feature-changed',
    before: fn('#[no_mangle] pub unsafe extern "C" fn f() {}'),
    after: fn('#[target_feature(enable = "avx2")]\n#[no_mangle] pub unsafe extern "C" fn f() {}'),
  },
  {
    // an associated const is emitted by cbindgen beside its type
    rule: 'const-value-changed',
    before: fn(
      '#[repr(C)] pub struct S { pub a: u32 }\nimpl S { pub const MAX: u32 = 1; }\n#[no_mangle] pub extern "C" fn f(s: *mut S) {}',
    ),
    after: fn(
      '#[repr(C)] pub struct S { pub a: u32 }\nimpl S { pub const MAX: u32 = 2; }\n#[no_mangle] pub extern "C" fn f(s: *mut S) {}',
    ),
    severity: 'potentially-breaking',
  },
  {
    // union members all sit at offset 0: reordering them changes nothing
    rule: 'struct-layout-changed',
    before: fn(
      '#[repr(C)] pub union U { pub a: u32, pub b: f32 }\n#[no_mangle] pub extern "C" fn f(u: U) {}',
    ),
    after: fn('#[repr(C)] pub union U { pub b: f32, pub a: u32 }\n#[no_mangle] pub extern "C" fn f(u: U) {}'),
    none: true,
  },
  {
    rule: 'repr-changed',
    before: fn('pub struct Opaque { x: u32 }\n#[no_mangle] pub extern "C" fn f(o: *mut Opaque) {}'),
    after: fn('#[repr(C)] pub struct Opaque { x: u32 }\n#[no_mangle] pub extern "C" fn f(o: *mut Opaque) {}'),
    severity: 'addition',
  },
  {
    rule: 'repr-changed',
    before: fn('#[repr(C)] pub struct Lonely { x: u32 }'),
    after: fn('#[repr(C)] pub(crate) struct Lonely { x: u32 }'),
    severity: 'source-breaking',
    not: ['type-removed'],
  },
  {
    // 40 exports return an enum that grows: one change on the enum
    rule: 'enum-variant-added',
    before: fn(
      `#[repr(u32)] pub enum R { Ok, Err }\n${Array.from({ length: 40 }, (_, i) => `#[no_mangle] pub extern "C" fn f${i}() -> R { R::Ok }`).join('\n')}`,
    ),
    after: fn(
      `#[repr(u32)] pub enum R { Ok, Err, Busy, Gone }\n${Array.from({ length: 40 }, (_, i) => `#[no_mangle] pub extern "C" fn f${i}() -> R { R::Ok }`).join('\n')}`,
    ),
    count: 1,
    total: 1,
  },
  {
    // grown behind NonNull and Box: one classification, behind a pointer
    rule: 'struct-field-added-behind-pointer',
    before: fn(
      '#[repr(C)] pub struct Dim { pub w: u32 }\n#[no_mangle] pub extern "C" fn a(d: std::ptr::NonNull<Dim>) {}\n#[no_mangle] pub extern "C" fn b(d: Box<Dim>) {}',
    ),
    after: fn(
      '#[repr(C)] pub struct Dim { pub w: u32, pub h: u32 }\n#[no_mangle] pub extern "C" fn a(d: std::ptr::NonNull<Dim>) {}\n#[no_mangle] pub extern "C" fn b(d: Box<Dim>) {}',
    ),
    not: ['struct-field-added-by-value'],
    total: 1,
  },
  {
    // a Rust-only rename that cbindgen.toml's [export.rename] hides from C: not a change of the ABI
    rule: 'rust-spelling-changed',
    before: fn(
      '#[repr(C)] pub struct Opts { pub n: u32 }\n#[no_mangle] pub extern "C" fn f(o: *const Opts) {}\n#[no_mangle] pub extern "C" fn g(o: Opts) {}',
    ),
    after: fn(
      '#[repr(C)] pub struct Options { pub n: u32 }\n#[no_mangle] pub extern "C" fn f(o: *const Options) {}\n#[no_mangle] pub extern "C" fn g(o: Options) {}',
    ),
    extraBefore: { 'cbindgen.toml': '[export.rename]\n"Opts" = "demo_options"\n' },
    extraAfter: { 'cbindgen.toml': '[export.rename]\n"Options" = "demo_options"\n' },
    not: ['function-parameters-changed', 'type-removed', 'type-added', 'c-declaration-changed'],
    total: 2,
  },
  {
    // without the rename, the same edit changes the C declaration (same ABI): source-breaking
    rule: 'c-declaration-changed',
    before: fn('#[repr(C)] pub struct Opts { pub n: u32 }\n#[no_mangle] pub extern "C" fn g(o: Opts) {}'),
    after: fn(
      '#[repr(C)] pub struct Options { pub n: u32 }\n#[no_mangle] pub extern "C" fn g(o: Options) {}',
    ),
    not: ['function-parameters-changed'],
  },
  {
    // a zero-sized field: rustc's layout is the same on every target, so the growth is not ABI
    rule: 'struct-field-added-by-value',
    before: fn('#[repr(C)] pub struct S { pub a: u32 }\n#[no_mangle] pub extern "C" fn f(s: S) {}'),
    after: fn(
      '#[repr(C)] pub struct S { pub a: u32, pub _m: std::marker::PhantomData<u8> }\n#[no_mangle] pub extern "C" fn f(s: S) {}',
    ),
    severity: 'non-abi',
    not: ['struct-field-added-behind-pointer'],
    total: 1,
  },
  {
    // an array length that shifts: parsed as an expression, evaluated
    rule: 'rust-spelling-changed',
    before: fn('#[repr(C)] pub struct B { pub d: [u8; 1 << 12] }\n#[no_mangle] pub extern "C" fn f(b: B) {}'),
    after: fn('#[repr(C)] pub struct B { pub d: [u8; 4096] }\n#[no_mangle] pub extern "C" fn f(b: B) {}'),
    total: 1,
  },
  {
    rule: 'binary-only-export',
    before: fn('#[no_mangle] pub extern "C" fn f() {}'),
    after: fn('#[no_mangle] pub extern "C" fn f() {}\ngen::exports!(g);'),
    binary: ['f', 'gen_g', 'rust_eh_personality'],
  },
  {
    rule: 'library-renamed',
    before: fn('#[no_mangle] pub extern "C" fn f() {}'),
    after: fn('#[no_mangle] pub extern "C" fn f() {}'),
    extraBefore: { 'Cargo.toml': CDYLIB('demo') },
    extraAfter: { 'Cargo.toml': CDYLIB('demo_ffi') },
    not: ['crate-type-removed', 'crate-type-added'],
  },
  {
    rule: 'crate-type-removed',
    before: fn('#[no_mangle] pub extern "C" fn f() {}'),
    after: fn('#[no_mangle] pub extern "C" fn f() {}'),
    extraBefore: { 'Cargo.toml': CDYLIB('demo', '"cdylib", "staticlib"') },
    extraAfter: { 'Cargo.toml': CDYLIB('demo', '"staticlib"') },
    not: ['library-renamed', 'crate-type-added'],
  },
  {
    rule: 'crate-type-added',
    before: fn('#[no_mangle] pub extern "C" fn f() {}'),
    after: fn('#[no_mangle] pub extern "C" fn f() {}'),
    extraBefore: { 'Cargo.toml': CDYLIB('demo', '"rlib"') },
    extraAfter: { 'Cargo.toml': CDYLIB('demo_ffi', '"rlib", "cdylib"') },
    not: ['library-renamed', 'crate-type-removed'],
  },
];

describe('change rules', () => {
  it.each(CASES.map((c) => [c.rule, c] as const))('%s', async (_id, c) => {
    const report = c.binary
      ? await diffWithBinary(c)
      : await diffLib(c.before, c.after, c.extraBefore, c.extraAfter);
    const rule = CHANGE_RULES.find((r) => r.id === c.rule);
    expect(rule).toBeDefined();
    const hits = report.changes.filter((ch) => ch.rule === c.rule);
    if (c.none) {
      expect(report.changes).toEqual([]);
      return;
    }
    expect(hits.length).toBeGreaterThan(0);
    if (c.count !== undefined) expect(hits.length).toBe(c.count);
    if (c.total !== undefined) expect(report.changes.length).toBe(c.total);
    for (const h of hits) expect(h.severity).toBe(c.severity ?? rule?.severity);
    if (c.messages) expect(hits.map((h) => h.message)).toEqual(c.messages);
    for (const n of c.not ?? []) expect(report.changes.map((ch) => ch.rule)).not.toContain(n);
  });

  it('every rule has at least one case, and every rule is documented as data', () => {
    const covered = new Set(CASES.map((c) => c.rule));
    for (const r of CHANGE_RULES) {
      expect(covered.has(r.id) ? r.id : `missing case for ${r.id}`).toBe(r.id);
      expect(r.id).toMatch(/^[a-z]+(-[a-z]+)*$/);
      expect(r.rationale.length).toBeGreaterThan(20);
      expect(r.rationale).not.toContain('\n');
    }
  });
});

describe('pairs that are no change at all', () => {
  const NONE: [string, string, string, Record<string, string>?, Record<string, string>?][] = [
    [
      'moved to another module',
      fn('mod a;\n'),
      fn('mod b;\n'),
      { 'src/a.rs': '#[no_mangle] pub extern "C" fn f(x: i32) -> i32 { x }\n' },
      { 'src/b.rs': '#[no_mangle] pub extern "C" fn f(x: i32) -> i32 { x }\n' },
    ],
    [
      'reformatted',
      fn('#[no_mangle] pub extern "C" fn f(x:i32)->i32{x}'),
      fn('#[no_mangle]\npub extern "C" fn f(\n    x: i32,\n) -> i32 {\n    x\n}'),
    ],
    [
      'doc edit',
      fn('/// one\n#[no_mangle] pub extern "C" fn f() {}'),
      fn('/// two\n/// lines\n#[no_mangle] pub extern "C" fn f() {}'),
    ],
    [
      'body edit',
      fn('#[no_mangle] pub extern "C" fn f() -> i32 { 1 }'),
      fn('#[no_mangle] pub extern "C" fn f() -> i32 { let x = 2; x - 1 }'),
    ],
    [
      'c_int spellings',
      fn('#[no_mangle] pub extern "C" fn f(a: c_int, b: std::os::raw::c_int) {}'),
      fn('#[no_mangle] pub extern "C" fn f(a: core::ffi::c_int, b: ::std::ffi::c_int) {}'),
    ],
    ['-> ()', fn('#[no_mangle] pub extern "C" fn f() -> () {}'), fn('#[no_mangle] pub extern "C" fn f() {}')],
    [
      'non-surface pub fn',
      fn('pub fn helper(a: u32) -> u32 { a }'),
      fn('pub fn helper(a: u64, b: u8) -> String { String::new() }'),
    ],
    ['non-repr struct', fn('pub struct Plain { a: u32 }'), fn('pub struct Plain { a: u64, b: String }')],
    [
      'extern "C" without export',
      fn('pub extern "C" fn cb(a: u32) {}'),
      fn('pub extern "C" fn cb(a: u64) {}'),
    ],
    [
      'no_mangle spelled unsafe(no_mangle)',
      fn('#[no_mangle] pub extern "C" fn f() {}'),
      fn('#[unsafe(no_mangle)] pub extern "C" fn f() {}'),
    ],
    [
      'extern vs extern "C"',
      fn('#[no_mangle] pub extern fn f() {}'),
      fn('#[no_mangle] pub extern "C" fn f() {}'),
    ],
  ];
  // rows as objects: jest treats an extra trailing parameter as the `done` callback
  it.each(NONE.map(([label, before, after, eb, ea]) => ({ label, before, after, eb, ea })))(
    '$label',
    async ({ before, after, eb, ea }) => {
      const report = await diffLib(before, after, eb ?? {}, ea ?? {});
      expect(report.changes).toEqual([]);
      expect(report.requiredBump).toBe('none');
      expect(report.base.digest).toBe(report.head.digest);
    },
  );
});

describe('required bump', () => {
  it('follows the worst change', async () => {
    expect((await diffLib(fn('#[no_mangle] pub extern "C" fn f() {}'), fn(''))).requiredBump).toBe('major');
    expect((await diffLib(fn(''), fn('#[no_mangle] pub extern "C" fn f() {}'))).requiredBump).toBe('minor');
    expect(
      (
        await diffLib(
          fn('#[no_mangle] pub extern "C" fn f(a: u8) {}'),
          fn('#[no_mangle] pub extern "C" fn f(b: u8) {}'),
        )
      ).requiredBump,
    ).toBe('patch');
    expect((await diffLib(fn('pub const X: u32 = 1;'), fn('pub const X: u32 = 2;'))).requiredBump).toBe(
      'major',
    );
  });
});

describe('the library identity and the built library', () => {
  it('binary-only exports are shown, but the bump and the approval digest are the source surface’s', async () => {
    const c = CASES.find((x) => x.rule === 'binary-only-export') as Case;
    const plain = await diffLib(c.before, c.after);
    const withBin = await diffWithBinary(c);
    expect(withBin.changes.filter((x) => x.rule === 'binary-only-export').map((x) => x.symbol)).toEqual([
      'gen_g',
    ]);
    expect(withBin.deltaDigest).toBe(plain.deltaDigest);
    expect(withBin.requiredBump).toBe(plain.requiredBump);
  });

  it('a renamed library is one breaking change naming both files; a crate type lost is another', async () => {
    const lib = fn('#[no_mangle] pub extern "C" fn f() {}');
    const r = await diffLib(
      lib,
      lib,
      { 'Cargo.toml': CDYLIB('demo', '"cdylib", "staticlib"') },
      { 'Cargo.toml': CDYLIB('demo_ffi', '"cdylib"') },
    );
    expect(r.changes.map((x) => `${x.rule} ${x.severity}`)).toEqual([
      'crate-type-removed breaking',
      'library-renamed breaking',
    ]);
    expect(r.changes.find((x) => x.rule === 'library-renamed')?.message).toContain('libdemo_ffi.so');
    expect(r.requiredBump).toBe('major');
  });

  it('a crate that builds no cdylib or staticlib may rename its lib freely', async () => {
    const lib = fn('#[no_mangle] pub extern "C" fn f() {}');
    const r = await diffLib(
      lib,
      lib,
      { 'Cargo.toml': CDYLIB('demo', '"rlib"') },
      { 'Cargo.toml': CDYLIB('x', '"rlib"') },
    );
    expect(r.changes).toEqual([]);
  });
});
