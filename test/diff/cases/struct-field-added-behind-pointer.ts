/** The old/new pairs of the `struct-field-added-behind-pointer` change rule and everything each yields (run by ../rules.test.ts). */
import { fn, type RuleCase } from '../helpers';

export const cases: RuleCase[] = [
  {
    shows: 'embedded in a struct that exports only pass behind a pointer: behind a pointer too',
    before: fn(
      '#[repr(C)] pub struct Inner { pub a: u32 }\n#[repr(C)] pub struct Outer { pub i: Inner }\n#[no_mangle] pub extern "C" fn take(o: *const Outer) {}',
    ),
    after: fn(
      '#[repr(C)] pub struct Inner { pub a: u32, pub b: u8 }\n#[repr(C)] pub struct Outer { pub i: Inner }\n#[no_mangle] pub extern "C" fn take(o: *const Outer) {}',
    ),
    expect: [['struct-field-added-behind-pointer', 'potentially-breaking', 'Inner']],
  },
  {
    shows: 'a field appended to a struct only passed behind a pointer',
    before: fn('#[repr(C)] pub struct S { pub a: u32 }\n#[no_mangle] pub extern "C" fn take(s: *mut S) {}'),
    after: fn(
      '#[repr(C)] pub struct S { pub a: u32, pub b: u32 }\n#[no_mangle] pub extern "C" fn take(s: *mut S) {}',
    ),
    expect: [['struct-field-added-behind-pointer', 'potentially-breaking', 'S']],
  },
  {
    shows: 'grown behind NonNull and Box: one classification, behind a pointer',
    before: fn(
      '#[repr(C)] pub struct Dim { pub w: u32 }\n#[no_mangle] pub extern "C" fn a(d: std::ptr::NonNull<Dim>) {}\n#[no_mangle] pub extern "C" fn b(d: Box<Dim>) {}',
    ),
    after: fn(
      '#[repr(C)] pub struct Dim { pub w: u32, pub h: u32 }\n#[no_mangle] pub extern "C" fn a(d: std::ptr::NonNull<Dim>) {}\n#[no_mangle] pub extern "C" fn b(d: Box<Dim>) {}',
    ),
    expect: [['struct-field-added-behind-pointer', 'potentially-breaking', 'Dim']],
  },
];
