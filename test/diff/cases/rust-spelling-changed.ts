/** The old/new pairs of the `rust-spelling-changed` change rule and everything each yields (run by ../rules.test.ts). */
import { fn, type RuleCase } from '../helpers';

export const cases: RuleCase[] = [
  {
    shows: 'pointer spellings with one C declaration: *const/*mut, Option<&T>, Option<NonNull<T>>',
    before: fn('#[no_mangle] pub extern "C" fn f(p: *const u8, q: Option<&u32>, r: *mut u16) {}'),
    after: fn(
      '#[no_mangle] pub extern "C" fn f(p: *mut u8, q: *const u32, r: Option<std::ptr::NonNull<u16>>) {}',
    ),
    expect: [
      ['rust-spelling-changed', 'non-abi', 'f'],
      ['rust-spelling-changed', 'non-abi', 'f'],
      ['rust-spelling-changed', 'non-abi', 'f'],
    ],
  },
  {
    shows:
      'Option<Box<T>> to *mut T returned: the same C declaration, still nullable, still owned by the caller',
    before: fn('pub struct T;\n#[no_mangle] pub extern "C" fn f() -> Option<Box<T>> { None }'),
    after: fn('pub struct T;\n#[no_mangle] pub extern "C" fn f() -> *mut T { std::ptr::null_mut() }'),
    expect: [['rust-spelling-changed', 'non-abi', 'f']],
  },
  {
    shows: 'a callback type gaining unsafe: the same C declaration',
    before: fn('#[no_mangle] pub extern "C" fn f(cb: Option<extern "C" fn(i32) -> i32>) {}'),
    after: fn('#[no_mangle] pub extern "C" fn f(cb: Option<unsafe extern "C" fn(i32) -> i32>) {}'),
    expect: [['rust-spelling-changed', 'non-abi', 'f']],
  },
  {
    shows: 'an array length 4 * 1024 written 4096: the same layout',
    before: fn(
      '#[repr(C)] pub struct B { pub data: [u8; 4 * 1024] }\n#[no_mangle] pub extern "C" fn f(b: B) {}',
    ),
    after: fn('#[repr(C)] pub struct B { pub data: [u8; 4096] }\n#[no_mangle] pub extern "C" fn f(b: B) {}'),
    expect: [['rust-spelling-changed', 'non-abi', 'B']],
  },
  {
    shows: "a Rust-only rename that cbindgen.toml's [export.rename] hides from C: not a change of the ABI",
    before: fn(
      '#[repr(C)] pub struct Opts { pub n: u32 }\n#[no_mangle] pub extern "C" fn f(o: *const Opts) {}\n#[no_mangle] pub extern "C" fn g(o: Opts) {}',
    ),
    after: fn(
      '#[repr(C)] pub struct Options { pub n: u32 }\n#[no_mangle] pub extern "C" fn f(o: *const Options) {}\n#[no_mangle] pub extern "C" fn g(o: Options) {}',
    ),
    extraBefore: { 'cbindgen.toml': '[export.rename]\n"Opts" = "demo_options"\n' },
    extraAfter: { 'cbindgen.toml': '[export.rename]\n"Options" = "demo_options"\n' },
    expect: [
      ['rust-spelling-changed', 'non-abi', 'f'],
      ['rust-spelling-changed', 'non-abi', 'g'],
    ],
  },
  {
    shows: 'an array length that shifts: parsed as an expression, evaluated',
    before: fn('#[repr(C)] pub struct B { pub d: [u8; 1 << 12] }\n#[no_mangle] pub extern "C" fn f(b: B) {}'),
    after: fn('#[repr(C)] pub struct B { pub d: [u8; 4096] }\n#[no_mangle] pub extern "C" fn f(b: B) {}'),
    expect: [['rust-spelling-changed', 'non-abi', 'B']],
  },
];
