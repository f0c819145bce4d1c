/** The old/new pairs of the `struct-layout-changed` change rule and everything each yields (run by ../rules.test.ts). */
import { fn, type RuleCase } from '../helpers';

export const cases: RuleCase[] = [
  {
    shows: 'fields reordered',
    before: fn('#[repr(C)] pub struct S { pub a: u32, pub b: u64 }'),
    after: fn('#[repr(C)] pub struct S { pub b: u64, pub a: u32 }'),
    expect: [['struct-layout-changed', 'breaking', 'S']],
  },
  {
    shows: 'a field removed',
    before: fn('#[repr(C)] pub struct S { pub a: u32, pub b: u64 }'),
    after: fn('#[repr(C)] pub struct S { pub a: u32 }'),
    expect: [['struct-layout-changed', 'breaking', 'S']],
  },
  {
    shows: 'a field retyped',
    before: fn('#[repr(C)] pub struct S { pub a: u32 }'),
    after: fn('#[repr(C)] pub struct S { pub a: u64 }'),
    expect: [['struct-layout-changed', 'breaking', 'S']],
  },
  {
    shows: 'union members all sit at offset 0: reordering them changes nothing',
    before: fn(
      '#[repr(C)] pub union U { pub a: u32, pub b: f32 }\n#[no_mangle] pub extern "C" fn f(u: U) {}',
    ),
    after: fn('#[repr(C)] pub union U { pub b: f32, pub a: u32 }\n#[no_mangle] pub extern "C" fn f(u: U) {}'),
    expect: [],
  },
];
