/** The old/new pairs of the `crate-type-removed` change rule and everything each yields (run by ../rules.test.ts). */
import { CDYLIB, fn, type RuleCase } from '../helpers';

export const cases: RuleCase[] = [
  {
    shows: 'cdylib dropped, staticlib kept',
    before: fn('#[no_mangle] pub extern "C" fn f() {}'),
    after: fn('#[no_mangle] pub extern "C" fn f() {}'),
    extraBefore: { 'Cargo.toml': CDYLIB('demo', '"cdylib", "staticlib"') },
    extraAfter: { 'Cargo.toml': CDYLIB('demo', '"staticlib"') },
    expect: [['crate-type-removed', 'breaking', 'demo']],
  },
];
