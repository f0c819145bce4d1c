/** The old/new pairs of the `unresolved-macro` change rule and everything each yields (run by ../rules.test.ts). */
import { fn, type RuleCase } from '../helpers';

export const cases: RuleCase[] = [
  {
    shows: 'a macro call the tool cannot expand appeared',
    before: fn(''),
    after: fn('other_crate::export_all! { f, g }'),
    expect: [['unresolved-macro', 'potentially-breaking', 'other_crate::export_all!']],
  },
];
