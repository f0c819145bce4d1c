/** The old/new pairs of the `const-value-changed` change rule and everything each yields (run by ../rules.test.ts). */
import { fn, type RuleCase } from '../helpers';

export const cases: RuleCase[] = [
  {
    shows: 'a pub const value changed, no layout depends on it',
    before: fn('pub const MAX_LEN: usize = 64;'),
    after: fn('pub const MAX_LEN: usize = 32;'),
    expect: [['const-value-changed', 'potentially-breaking', 'MAX_LEN']],
  },
  {
    shows: 'a private const as an array length: one change on the const, naming the export',
    before: fn(
      'const N: usize = 4;\n#[repr(C)] pub struct B { pub d: [u8; N] }\n#[no_mangle] pub extern "C" fn f(b: B) {}',
    ),
    after: fn(
      'const N: usize = 8;\n#[repr(C)] pub struct B { pub d: [u8; N] }\n#[no_mangle] pub extern "C" fn f(b: B) {}',
    ),
    expect: [['const-value-changed', 'breaking', 'N']],
    messages: [
      'value changed from 4 to 8, which a layout or discriminant depends on; affects f (parameter 1 (b) by value)',
    ],
  },
  {
    shows: 'a const expression rewritten to the same value (4 * 1024 to 4096): no change',
    before: fn('pub const SIZE: usize = 4 * 1024;'),
    after: fn('pub const SIZE: usize = 4096;'),
    expect: [],
  },
  {
    shows: 'a const in a discriminant expression: the cause is the const',
    before: fn(
      'const BASE: u32 = 1;\n#[repr(u32)] pub enum E { A = BASE, B }\n#[no_mangle] pub extern "C" fn f() -> E { E::A }',
    ),
    after: fn(
      'const BASE: u32 = 2;\n#[repr(u32)] pub enum E { A = BASE, B }\n#[no_mangle] pub extern "C" fn f() -> E { E::A }',
    ),
    expect: [['const-value-changed', 'breaking', 'BASE']],
  },
  {
    shows: 'an associated const is emitted by cbindgen beside its type',
    before: fn(
      '#[repr(C)] pub struct S { pub a: u32 }\nimpl S { pub const MAX: u32 = 1; }\n#[no_mangle] pub extern "C" fn f(s: *mut S) {}',
    ),
    after: fn(
      '#[repr(C)] pub struct S { pub a: u32 }\nimpl S { pub const MAX: u32 = 2; }\n#[no_mangle] pub extern "C" fn f(s: *mut S) {}',
    ),
    expect: [['const-value-changed', 'potentially-breaking', 'S::MAX']],
  },
];
