/** The old/new pairs of the `platform-width-changed` change rule and everything each yields (run by ../rules.test.ts). */
import { fn, type RuleCase } from '../helpers';

export const cases: RuleCase[] = [
  {
    shows: 'c_long to i64: the same width only on LP64 targets',
    before: fn('#[no_mangle] pub extern "C" fn f(x: c_long) {}'),
    after: fn('#[no_mangle] pub extern "C" fn f(x: i64) {}'),
    expect: [['platform-width-changed', 'potentially-breaking', 'f']],
  },
];
