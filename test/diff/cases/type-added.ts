/** The old/new pairs of the `type-added` change rule and everything each yields (run by ../rules.test.ts). */
import { fn, type RuleCase } from '../helpers';

export const cases: RuleCase[] = [
  {
    shows: 'a repr(C) struct added',
    before: fn(''),
    after: fn('#[repr(C)] pub struct S { pub a: u32 }'),
    expect: [['type-added', 'addition', 'S']],
  },
];
