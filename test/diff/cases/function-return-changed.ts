/** The old/new pairs of the `function-return-changed` change rule and everything each yields (run by ../rules.test.ts). */
import { fn, type RuleCase } from '../helpers';

export const cases: RuleCase[] = [
  {
    shows: 'the return type retyped (i32 to i64)',
    before: fn('#[no_mangle] pub extern "C" fn f() -> i32 { 0 }'),
    after: fn('#[no_mangle] pub extern "C" fn f() -> i64 { 0 }'),
    expect: [['function-return-changed', 'breaking', 'f']],
  },
];
