/** The old/new pairs of the `repr-changed` change rule and everything each yields (run by ../rules.test.ts). */
import { fn, type RuleCase } from '../helpers';

export const cases: RuleCase[] = [
  {
    shows: 'repr(u8) to repr(u32) on an enum',
    before: fn('#[repr(u8)] pub enum E { A, B }'),
    after: fn('#[repr(u32)] pub enum E { A, B }'),
    expect: [['repr-changed', 'breaking', 'E']],
  },
  {
    shows: 'repr(C) removed from a struct: a repr change, not a type removal',
    before: fn('#[repr(C)] pub struct S { pub a: u32 }'),
    after: fn('pub struct S { pub a: u32 }'),
    expect: [['repr-changed', 'breaking', 'S']],
  },
  {
    shows: 'packed added to a repr(C) struct',
    before: fn('#[repr(C)] pub struct S { pub a: u8, pub b: u32 }'),
    after: fn('#[repr(C, packed)] pub struct S { pub a: u8, pub b: u32 }'),
    expect: [['repr-changed', 'breaking', 'S']],
  },
  {
    shows: 'an opaque struct gaining repr(C) behind a pointer: an addition',
    before: fn('pub struct Opaque { x: u32 }\n#[no_mangle] pub extern "C" fn f(o: *mut Opaque) {}'),
    after: fn('#[repr(C)] pub struct Opaque { x: u32 }\n#[no_mangle] pub extern "C" fn f(o: *mut Opaque) {}'),
    expect: [['repr-changed', 'addition', 'Opaque']],
  },
  {
    shows: 'pub to pub(crate) on a repr(C) type no export uses: it leaves the header, the ABI is unchanged',
    before: fn('#[repr(C)] pub struct Lonely { x: u32 }'),
    after: fn('#[repr(C)] pub(crate) struct Lonely { x: u32 }'),
    expect: [['repr-changed', 'source-breaking', 'Lonely']],
  },
];
