/** The old/new pairs of the `cfg-gate-changed` change rule and everything each yields (run by ../rules.test.ts). */
import { fn, type RuleCase } from '../helpers';

export const cases: RuleCase[] = [
  {
    shows: 'an export newly under cfg(unix)',
    before: fn('#[no_mangle] pub extern "C" fn f() {}'),
    after: fn('#[cfg(unix)] #[no_mangle] pub extern "C" fn f() {}'),
    expect: [['cfg-gate-changed', 'breaking', 'f']],
  },
];
