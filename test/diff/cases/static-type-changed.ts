/** The old/new pairs of the `static-type-changed` change rule and everything each yields (run by ../rules.test.ts). */
import { fn, type RuleCase } from '../helpers';

export const cases: RuleCase[] = [
  {
    shows: 'a static retyped (u32 to u64)',
    before: fn('#[no_mangle] pub static V: u32 = 1;'),
    after: fn('#[no_mangle] pub static V: u64 = 1;'),
    expect: [['static-type-changed', 'breaking', 'V']],
  },
];
