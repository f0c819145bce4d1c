/** The old/new pairs of the `struct-field-renamed` change rule and everything each yields (run by ../rules.test.ts). */
import { fn, type RuleCase } from '../helpers';

export const cases: RuleCase[] = [
  {
    shows: 'a field renamed: the same layout',
    before: fn('#[repr(C)] pub struct S { pub len: usize }'),
    after: fn('#[repr(C)] pub struct S { pub size: usize }'),
    expect: [['struct-field-renamed', 'non-abi', 'S']],
  },
];
