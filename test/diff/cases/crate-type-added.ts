/** The old/new pairs of the `crate-type-added` change rule and everything each yields (run by ../rules.test.ts). */
import { CDYLIB, fn, type RuleCase } from '../helpers';

export const cases: RuleCase[] = [
  {
    shows: 'cdylib added to a crate that built no C library (its lib renamed freely)',
    before: fn('#[no_mangle] pub extern "C" fn f() {}'),
    after: fn('#[no_mangle] pub extern "C" fn f() {}'),
    extraBefore: { 'Cargo.toml': CDYLIB('demo', '"rlib"') },
    extraAfter: { 'Cargo.toml': CDYLIB('demo_ffi', '"rlib", "cdylib"') },
    expect: [['crate-type-added', 'addition', 'demo_ffi']],
  },
];
