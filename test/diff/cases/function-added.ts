/** The old/new pairs of the `function-added` change rule and everything each yields (run by ../rules.test.ts). */
import { fn, type RuleCase } from '../helpers';

export const cases: RuleCase[] = [
  {
    shows: 'a function added',
    before: fn(''),
    after: fn('#[no_mangle] pub extern "C" fn f() {}'),
    expect: [['function-added', 'addition', 'f']],
  },
];
