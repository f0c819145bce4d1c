/** The old/new pairs of the `const-type-changed` change rule and everything each yields (run by ../rules.test.ts). */
import { fn, type RuleCase } from '../helpers';

export const cases: RuleCase[] = [
  {
    shows: 'a pub const retyped',
    before: fn('pub const FLAGS: u8 = 1;'),
    after: fn('pub const FLAGS: u32 = 1;'),
    expect: [['const-type-changed', 'potentially-breaking', 'FLAGS']],
  },
];
