/** The old/new pairs of the `type-spelling-changed` change rule and everything each yields (run by ../rules.test.ts). */
import { fn, type RuleCase } from '../helpers';

export const cases: RuleCase[] = [
  {
    shows: 'c_int to i32 in a parameter and the return type: the same type on every target',
    before: fn('#[no_mangle] pub extern "C" fn f(x: c_int) -> c_int { x }'),
    after: fn('#[no_mangle] pub extern "C" fn f(x: i32) -> i32 { x }'),
    expect: [
      ['type-spelling-changed', 'non-abi', 'f'],
      ['type-spelling-changed', 'non-abi', 'f'],
    ],
  },
];
