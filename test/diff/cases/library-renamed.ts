/** The old/new pairs of the `library-renamed` change rule and everything each yields (run by ../rules.test.ts). */
import { CDYLIB, fn, type RuleCase } from '../helpers';

export const cases: RuleCase[] = [
  {
    shows: 'the [lib] name changed: libdemo.so becomes libdemo_ffi.so',
    before: fn('#[no_mangle] pub extern "C" fn f() {}'),
    after: fn('#[no_mangle] pub extern "C" fn f() {}'),
    extraBefore: { 'Cargo.toml': CDYLIB('demo') },
    extraAfter: { 'Cargo.toml': CDYLIB('demo_ffi') },
    expect: [['library-renamed', 'breaking', 'demo_ffi']],
  },
];
