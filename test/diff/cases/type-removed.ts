/** The old/new pairs of the `type-removed` change rule and everything each yields (run by ../rules.test.ts). */
import { fn, type RuleCase } from '../helpers';

export const cases: RuleCase[] = [
  {
    shows: 'a repr(C) struct removed',
    before: fn('#[repr(C)] pub struct S { pub a: u32 }'),
    after: fn(''),
    expect: [['type-removed', 'source-breaking', 'S']],
  },
];
