/** The old/new pairs of the `c-declaration-changed` change rule and everything each yields (run by ../rules.test.ts). */
import { fn, type RuleCase } from '../helpers';

export const cases: RuleCase[] = [
  {
    shows: '*mut c_void to *mut Engine: the same ABI, a different C declaration',
    before: fn(
      '#[repr(C)] pub struct Engine { x: u32 }\n#[no_mangle] pub extern "C" fn f(e: *mut std::ffi::c_void) {}',
    ),
    after: fn('#[repr(C)] pub struct Engine { x: u32 }\n#[no_mangle] pub extern "C" fn f(e: *mut Engine) {}'),
    expect: [['c-declaration-changed', 'source-breaking', 'f']],
    messages: [
      'parameter 1 (e) changed from *mut c_void to *mut Engine: the same ABI, a different C declaration',
    ],
  },
  {
    shows: 'u32 to a new alias of u32: a new typedef in the C declaration, and the alias itself',
    before: fn('#[no_mangle] pub extern "C" fn f(id: u32) {}'),
    after: fn('pub type Id = u32;\n#[no_mangle] pub extern "C" fn f(id: Id) {}'),
    expect: [
      ['c-declaration-changed', 'source-breaking', 'f'],
      ['type-alias-added', 'addition', 'Id'],
    ],
  },
  {
    shows: 'without the rename, the same edit changes the C declaration (same ABI): source-breaking',
    before: fn('#[repr(C)] pub struct Opts { pub n: u32 }\n#[no_mangle] pub extern "C" fn g(o: Opts) {}'),
    after: fn(
      '#[repr(C)] pub struct Options { pub n: u32 }\n#[no_mangle] pub extern "C" fn g(o: Options) {}',
    ),
    expect: [
      ['c-declaration-changed', 'source-breaking', 'g'],
      ['type-added', 'addition', 'Options'],
      ['type-removed', 'source-breaking', 'Opts'],
    ],
  },
];
