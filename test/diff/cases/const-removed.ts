/** The old/new pairs of the `const-removed` change rule and everything each yields (run by ../rules.test.ts). */
import { fn, type RuleCase } from '../helpers';

export const cases: RuleCase[] = [
  {
    shows: 'a pub const removed',
    before: fn('pub const MAX_LEN: usize = 64;'),
    after: fn(''),
    expect: [['const-removed', 'potentially-breaking', 'MAX_LEN']],
  },
];
