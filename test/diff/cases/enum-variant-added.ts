/** The old/new pairs of the `enum-variant-added` change rule and everything each yields (run by ../rules.test.ts). */
import { fn, type RuleCase } from '../helpers';

export const cases: RuleCase[] = [
  {
    shows: 'a variant added to an exhaustive enum',
    before: fn('#[repr(C)] pub enum E { A, B }'),
    after: fn('#[repr(C)] pub enum E { A, B, C }'),
    expect: [['enum-variant-added', 'potentially-breaking', 'E']],
  },
  {
    shows: '40 exports return an enum that grows: one change on the enum',
    before: fn(
      `#[repr(u32)] pub enum R { Ok, Err }\n${Array.from({ length: 40 }, (_, i) => `#[no_mangle] pub extern "C" fn f${i}() -> R { R::Ok }`).join('\n')}`,
    ),
    after: fn(
      `#[repr(u32)] pub enum R { Ok, Err, Busy, Gone }\n${Array.from({ length: 40 }, (_, i) => `#[no_mangle] pub extern "C" fn f${i}() -> R { R::Ok }`).join('\n')}`,
    ),
    expect: [['enum-variant-added', 'potentially-breaking', 'R']],
  },
];
