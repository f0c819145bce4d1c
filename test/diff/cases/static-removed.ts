/** The old/new pairs of the `static-removed` change rule and everything each yields (run by ../rules.test.ts). */
import { fn, type RuleCase } from '../helpers';

export const cases: RuleCase[] = [
  {
    shows: 'an exported static removed',
    before: fn('#[no_mangle] pub static V: u32 = 1;'),
    after: fn(''),
    expect: [['static-removed', 'breaking', 'V']],
  },
];
