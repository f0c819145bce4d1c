/** The old/new pairs of the `enum-variant-removed` change rule and everything each yields (run by ../rules.test.ts). */
import { fn, type RuleCase } from '../helpers';

export const cases: RuleCase[] = [
  {
    shows: 'a variant removed',
    before: fn('#[repr(C)] pub enum E { A, B }'),
    after: fn('#[repr(C)] pub enum E { A }'),
    expect: [['enum-variant-removed', 'breaking', 'E']],
  },
];
