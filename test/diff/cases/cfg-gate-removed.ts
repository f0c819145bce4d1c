/** The old/new pairs of the `cfg-gate-removed` change rule and everything each yields (run by ../rules.test.ts). */
import { fn, type RuleCase } from '../helpers';

export const cases: RuleCase[] = [
  {
    shows: 'cfg(unix) lifted from an export',
    before: fn('#[cfg(unix)] #[no_mangle] pub extern "C" fn f() {}'),
    after: fn('#[no_mangle] pub extern "C" fn f() {}'),
    expect: [['cfg-gate-removed', 'addition', 'f']],
  },
];
