/** Old/new pairs that are no change at all: no change, no bump, the same digest (run by ../rules.test.ts). */
import { fn, type NoChangeCase } from '../helpers';

export const cases: NoChangeCase[] = [
  {
    shows: 'an export moved to another module',
    before: fn('mod a;\n'),
    after: fn('mod b;\n'),
    extraBefore: { 'src/a.rs': '#[no_mangle] pub extern "C" fn f(x: i32) -> i32 { x }\n' },
    extraAfter: { 'src/b.rs': '#[no_mangle] pub extern "C" fn f(x: i32) -> i32 { x }\n' },
  },
  {
    shows: 'an export reformatted',
    before: fn('#[no_mangle] pub extern "C" fn f(x:i32)->i32{x}'),
    after: fn('#[no_mangle]\npub extern "C" fn f(\n    x: i32,\n) -> i32 {\n    x\n}'),
  },
  {
    shows: 'a doc comment edited',
    before: fn('/// one\n#[no_mangle] pub extern "C" fn f() {}'),
    after: fn('/// two\n/// lines\n#[no_mangle] pub extern "C" fn f() {}'),
  },
  {
    shows: 'a function body edited',
    before: fn('#[no_mangle] pub extern "C" fn f() -> i32 { 1 }'),
    after: fn('#[no_mangle] pub extern "C" fn f() -> i32 { let x = 2; x - 1 }'),
  },
  {
    shows: 'c_int spelled through std::os::raw, core::ffi and ::std::ffi',
    before: fn('#[no_mangle] pub extern "C" fn f(a: c_int, b: std::os::raw::c_int) {}'),
    after: fn('#[no_mangle] pub extern "C" fn f(a: core::ffi::c_int, b: ::std::ffi::c_int) {}'),
  },
  {
    shows: '-> () dropped',
    before: fn('#[no_mangle] pub extern "C" fn f() -> () {}'),
    after: fn('#[no_mangle] pub extern "C" fn f() {}'),
  },
  {
    shows: 'a plain pub fn (not surface) changed',
    before: fn('pub fn helper(a: u32) -> u32 { a }'),
    after: fn('pub fn helper(a: u64, b: u8) -> String { String::new() }'),
  },
  {
    shows: 'a struct without repr (not surface) changed',
    before: fn('pub struct Plain { a: u32 }'),
    after: fn('pub struct Plain { a: u64, b: String }'),
  },
  {
    shows: 'an extern "C" fn that is not exported changed',
    before: fn('pub extern "C" fn cb(a: u32) {}'),
    after: fn('pub extern "C" fn cb(a: u64) {}'),
  },
  {
    shows: 'no_mangle spelled unsafe(no_mangle)',
    before: fn('#[no_mangle] pub extern "C" fn f() {}'),
    after: fn('#[unsafe(no_mangle)] pub extern "C" fn f() {}'),
  },
  {
    shows: 'extern spelled extern "C"',
    before: fn('#[no_mangle] pub extern fn f() {}'),
    after: fn('#[no_mangle] pub extern "C" fn f() {}'),
  },
];
