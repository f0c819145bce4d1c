/** The old/new pairs of the `function-unsafe-changed` change rule and everything each yields (run by ../rules.test.ts). */
import { fn, type RuleCase } from '../helpers';

export const cases: RuleCase[] = [
  {
    shows: 'unsafe added to an export: the C ABI is unchanged, the Rust contract is not',
    before: fn('#[no_mangle] pub extern "C" fn f(p: *const u8) {}'),
    after: fn('#[no_mangle] pub unsafe extern "C" fn f(p: *const u8) {}'),
    expect: [['function-unsafe-changed', 'non-abi', 'f']],
  },
];
