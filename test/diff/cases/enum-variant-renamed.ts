/** The old/new pairs of the `enum-variant-renamed` change rule and everything each yields (run by ../rules.test.ts). */
import { fn, type RuleCase } from '../helpers';

export const cases: RuleCase[] = [
  {
    shows: 'a variant renamed, its value kept',
    before: fn('#[repr(C)] pub enum E { Ok = 0, Err = 1 }'),
    after: fn('#[repr(C)] pub enum E { Success = 0, Err = 1 }'),
    expect: [['enum-variant-renamed', 'non-abi', 'E']],
  },
];
