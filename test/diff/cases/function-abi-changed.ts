/** The old/new pairs of the `function-abi-changed` change rule and everything each yields (run by ../rules.test.ts). */
import { fn, type RuleCase } from '../helpers';

export const cases: RuleCase[] = [
  {
    shows: 'extern "C" dropped: the Rust ABI',
    before: fn('#[no_mangle] pub extern "C" fn f() {}'),
    after: fn('#[no_mangle] pub fn f() {}'),
    expect: [['function-abi-changed', 'breaking', 'f']],
  },
];
