/** The old/new pairs of the `function-parameters-changed` change rule and everything each yields (run by ../rules.test.ts). */
import { fn, type RuleCase } from '../helpers';

export const cases: RuleCase[] = [
  {
    shows: 'a parameter retyped (usize to u32)',
    before: fn('#[no_mangle] pub extern "C" fn f(p: *const u8, n: usize) {}'),
    after: fn('#[no_mangle] pub extern "C" fn f(p: *const u8, n: u32) {}'),
    expect: [['function-parameters-changed', 'breaking', 'f']],
  },
  {
    shows: 'a parameter appended',
    before: fn('#[no_mangle] pub extern "C" fn f(a: i32) {}'),
    after: fn('#[no_mangle] pub extern "C" fn f(a: i32, b: i32) {}'),
    expect: [['function-parameters-changed', 'breaking', 'f']],
  },
  {
    shows: 'two parameters swapped: each moved position is a change',
    before: fn('#[no_mangle] pub extern "C" fn f(a: i32, b: *const u8) {}'),
    after: fn('#[no_mangle] pub extern "C" fn f(b: *const u8, a: i32) {}'),
    expect: [
      ['function-parameters-changed', 'breaking', 'f'],
      ['function-parameters-changed', 'breaking', 'f'],
    ],
  },
];
