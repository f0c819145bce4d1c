/** The old/new pairs of the `type-alias-added` change rule and everything each yields (run by ../rules.test.ts). */
import { fn, type RuleCase } from '../helpers';

export const cases: RuleCase[] = [
  {
    shows: 'a pub type alias added',
    before: fn(''),
    after: fn('pub type Id = u32;'),
    expect: [['type-alias-added', 'addition', 'Id']],
  },
];
