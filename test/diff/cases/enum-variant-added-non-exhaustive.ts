/** The old/new pairs of the `enum-variant-added-non-exhaustive` change rule and everything each yields (run by ../rules.test.ts). */
import { fn, type RuleCase } from '../helpers';

export const cases: RuleCase[] = [
  {
    shows: 'a variant added to a #[non_exhaustive] enum: consumers are told to expect growth',
    before: fn('#[repr(C)] #[non_exhaustive] pub enum E { A, B }'),
    after: fn('#[repr(C)] #[non_exhaustive] pub enum E { A, B, C }'),
    expect: [['enum-variant-added-non-exhaustive', 'addition', 'E']],
  },
];
