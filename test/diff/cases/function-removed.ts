/** The old/new pairs of the `function-removed` change rule and everything each yields (run by ../rules.test.ts). */
import { fn, type RuleCase } from '../helpers';

export const cases: RuleCase[] = [
  {
    shows: 'an exported function removed',
    before: fn('#[no_mangle] pub extern "C" fn f() {}'),
    after: fn(''),
    expect: [['function-removed', 'breaking', 'f']],
  },
  {
    shows: 'a private no_mangle function in a private module removed: it was exported all the same',
    before: fn('mod m { #[no_mangle] extern "C" fn private_one() {} }'),
    after: fn('mod m {}'),
    expect: [['function-removed', 'breaking', 'private_one']],
  },
];
