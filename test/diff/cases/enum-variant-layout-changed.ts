/** The old/new pairs of the `enum-variant-layout-changed` change rule and everything each yields (run by ../rules.test.ts). */
import { fn, type RuleCase } from '../helpers';

export const cases: RuleCase[] = [
  {
    shows: 'a field retyped inside a variant of a data-carrying repr(C) enum used behind a pointer',
    before: fn(
      '#[repr(C)] pub enum Ev { Key { code: u32 }, Quit }\n#[no_mangle] pub extern "C" fn f(e: *const Ev) {}',
    ),
    after: fn(
      '#[repr(C)] pub enum Ev { Key { code: u64 }, Quit }\n#[no_mangle] pub extern "C" fn f(e: *const Ev) {}',
    ),
    expect: [['enum-variant-layout-changed', 'breaking', 'Ev']],
    messages: [
      'variant Key: field code changed type from u32 to u64; affects f (parameter 1 (e), behind a pointer)',
    ],
  },
];
