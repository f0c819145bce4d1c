/** The old/new pairs of the `const-added` change rule and everything each yields (run by ../rules.test.ts). */
import { fn, type RuleCase } from '../helpers';

export const cases: RuleCase[] = [
  {
    shows: 'a pub const added',
    before: fn(''),
    after: fn('pub const MAX_LEN: usize = 64;'),
    expect: [['const-added', 'addition', 'MAX_LEN']],
  },
];
