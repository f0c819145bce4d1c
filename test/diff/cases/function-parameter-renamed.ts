/** The old/new pairs of the `function-parameter-renamed` change rule and everything each yields (run by ../rules.test.ts). */
import { fn, type RuleCase } from '../helpers';

export const cases: RuleCase[] = [
  {
    shows: 'a parameter renamed: the C ABI has no names',
    before: fn('#[no_mangle] pub extern "C" fn f(len: usize) {}'),
    after: fn('#[no_mangle] pub extern "C" fn f(size: usize) {}'),
    expect: [['function-parameter-renamed', 'non-abi', 'f']],
  },
];
