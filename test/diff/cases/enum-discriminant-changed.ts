/** The old/new pairs of the `enum-discriminant-changed` change rule and everything each yields (run by ../rules.test.ts). */
import { fn, type RuleCase } from '../helpers';

export const cases: RuleCase[] = [
  {
    shows: 'the first discriminant moved: both variants change value',
    before: fn('#[repr(i32)] pub enum E { A = 1, B }'),
    after: fn('#[repr(i32)] pub enum E { A = 5, B }'),
    expect: [
      ['enum-discriminant-changed', 'breaking', 'E'],
      ['enum-discriminant-changed', 'breaking', 'E'],
    ],
  },
];
