/** The old/new pairs of the `feature-made-default` change rule and everything each yields (run by ../rules.test.ts). */
import { fn, type RuleCase } from '../helpers';

export const cases: RuleCase[] = [
  {
    shows: 'a feature-gated export made unconditional',
    before: fn('#[cfg(feature = "extra")] #[no_mangle] pub extern "C" fn f() {}'),
    after: fn('#[no_mangle] pub extern "C" fn f() {}'),
    expect: [['feature-made-default', 'addition', 'f']],
  },
];
