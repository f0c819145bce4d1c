/** The old/new pairs of the `static-mutability-changed` change rule and everything each yields (run by ../rules.test.ts). */
import { fn, type RuleCase } from '../helpers';

export const cases: RuleCase[] = [
  {
    shows: 'static mut to static',
    before: fn('#[no_mangle] pub static mut V: u32 = 1;'),
    after: fn('#[no_mangle] pub static V: u32 = 1;'),
    expect: [['static-mutability-changed', 'breaking', 'V']],
  },
];
