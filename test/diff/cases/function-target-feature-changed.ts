/** The old/new pairs of the `function-target-feature-changed` change rule and everything each yields (run by ../rules.test.ts). */
import { fn, type RuleCase } from '../helpers';

export const cases: RuleCase[] = [
  {
    shows: '#[target_feature] added to an export',
    before: fn('#[no_mangle] pub unsafe extern "C" fn f() {}'),
    after: fn('#[target_feature(enable = "avx2")]\n#[no_mangle] pub unsafe extern "C" fn f() {}'),
    expect: [['function-target-feature-changed', 'breaking', 'f']],
  },
];
