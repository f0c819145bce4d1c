/** The old/new pairs of the `type-alias-removed` change rule and everything each yields (run by ../rules.test.ts). */
import { fn, type RuleCase } from '../helpers';

export const cases: RuleCase[] = [
  {
    shows: 'a pub type alias removed',
    before: fn('pub type Id = u32;'),
    after: fn(''),
    expect: [['type-alias-removed', 'potentially-breaking', 'Id']],
  },
];
