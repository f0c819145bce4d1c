/** The old/new pairs of the `struct-field-added-by-value` change rule and everything each yields (run by ../rules.test.ts). */
import { fn, type RuleCase } from '../helpers';

export const cases: RuleCase[] = [
  {
    shows: 'a field appended to a struct passed by value',
    before: fn('#[repr(C)] pub struct S { pub a: u32 }\n#[no_mangle] pub extern "C" fn take(s: S) {}'),
    after: fn(
      '#[repr(C)] pub struct S { pub a: u32, pub b: u32 }\n#[no_mangle] pub extern "C" fn take(s: S) {}',
    ),
    expect: [['struct-field-added-by-value', 'breaking', 'S']],
  },
  {
    shows: 'one change on the type that grew, naming the export that passes it (never one per export)',
    before: fn(
      '#[repr(C)] pub struct D { pub w: u32, pub h: u32 }\n#[no_mangle] pub extern "C" fn area(d: D) -> u64 { 0 }\n#[no_mangle] pub extern "C" fn scale(d: D) -> D { d }',
    ),
    after: fn(
      '#[repr(C)] pub struct D { pub w: u32, pub h: u32, pub s: u32 }\n#[no_mangle] pub extern "C" fn area(d: D) -> u64 { 0 }\n#[no_mangle] pub extern "C" fn scale(d: D) -> D { d }',
    ),
    expect: [['struct-field-added-by-value', 'breaking', 'D']],
    messages: [
      'field s: u32 appended to D, which is passed, returned or embedded by value; affects area (parameter 1 (d) by value), scale (parameter 1 (d) by value)',
    ],
  },
  {
    shows: 'a private repr(C) struct passed by value is surface: its growth breaks the export',
    before: fn('#[repr(C)]\nstruct P { a: u32 }\n#[no_mangle] pub extern "C" fn f(p: P) {}'),
    after: fn('#[repr(C)]\nstruct P { a: u32, b: u32 }\n#[no_mangle] pub extern "C" fn f(p: P) {}'),
    expect: [['struct-field-added-by-value', 'breaking', 'P']],
    messages: [
      'field b: u32 appended to P, which is passed, returned or embedded by value; affects f (parameter 1 (p) by value)',
    ],
  },
  {
    shows: "a zero-sized field: rustc's layout is the same on every target, so the growth is not ABI",
    before: fn('#[repr(C)] pub struct S { pub a: u32 }\n#[no_mangle] pub extern "C" fn f(s: S) {}'),
    after: fn(
      '#[repr(C)] pub struct S { pub a: u32, pub _m: std::marker::PhantomData<u8> }\n#[no_mangle] pub extern "C" fn f(s: S) {}',
    ),
    expect: [['struct-field-added-by-value', 'non-abi', 'S']],
  },
];
