/** The old/new pairs of the `static-added` change rule and everything each yields (run by ../rules.test.ts). */
import { fn, type RuleCase } from '../helpers';

export const cases: RuleCase[] = [
  {
    shows: 'an exported static added',
    before: fn(''),
    after: fn('#[no_mangle] pub static V: u32 = 1;'),
    expect: [['static-added', 'addition', 'V']],
  },
];
