/** The old/new pairs of the `item-gated` change rule and everything each yields (run by ../rules.test.ts). */
import { fn, type RuleCase } from '../helpers';

export const cases: RuleCase[] = [
  {
    shows: 'an export newly behind a non-default feature',
    before: fn('#[no_mangle] pub extern "C" fn f() {}'),
    after: fn('#[cfg(feature = "extra")] #[no_mangle] pub extern "C" fn f() {}'),
    expect: [['item-gated', 'breaking', 'f']],
  },
];
