/** The old/new pairs of the `function-abi-near-changed` change rule and everything each yields (run by ../rules.test.ts). */
import { fn, type RuleCase } from '../helpers';

export const cases: RuleCase[] = [
  {
    shows: 'extern "C" to extern "system": equal except on 32-bit Windows',
    before: fn('#[no_mangle] pub extern "C" fn f() {}'),
    after: fn('#[no_mangle] pub extern "system" fn f() {}'),
    expect: [['function-abi-near-changed', 'potentially-breaking', 'f']],
  },
  {
    shows: 'extern "C" to extern "C-unwind"',
    before: fn('#[no_mangle] pub extern "C" fn f() {}'),
    after: fn('#[no_mangle] pub extern "C-unwind" fn f() {}'),
    expect: [['function-abi-near-changed', 'potentially-breaking', 'f']],
  },
];
