/** The old/new pairs of the `rust-contract-changed` change rule and everything each yields (run by ../rules.test.ts). */
import { fn, type RuleCase } from '../helpers';

export const cases: RuleCase[] = [
  {
    shows: '*const Engine to &Engine: the same C declaration, now assumed non-NULL',
    before: fn('pub struct Engine;\n#[no_mangle] pub extern "C" fn f(e: *const Engine) {}'),
    after: fn('pub struct Engine;\n#[no_mangle] pub extern "C" fn f(e: &Engine) {}'),
    expect: [['rust-contract-changed', 'non-abi', 'f']],
    messages: [
      'parameter 1 (e) is now &Engine (was *const Engine): the same C declaration; the Rust side now assumes it is never NULL (a NULL from C is undefined behaviour)',
    ],
  },
  {
    shows: 'Box<T> to *mut T taken: Rust no longer frees it; *mut T to Box<T>: Rust now frees it',
    before: fn(
      'pub struct T;\n#[no_mangle] pub extern "C" fn f(b: Box<T>) {}\n#[no_mangle] pub extern "C" fn g(b: *mut T) {}',
    ),
    after: fn(
      'pub struct T;\n#[no_mangle] pub extern "C" fn f(b: *mut T) {}\n#[no_mangle] pub extern "C" fn g(b: Box<T>) {}',
    ),
    expect: [
      ['rust-contract-changed', 'non-abi', 'f'],
      ['rust-contract-changed', 'non-abi', 'g'],
    ],
    messages: [
      'parameter 1 (b) is now *mut T (was Box<T>): the same C declaration; the Rust side no longer takes ownership of it',
      'parameter 1 (b) is now Box<T> (was *mut T): the same C declaration; the Rust side now takes ownership and assumes it is never NULL',
    ],
  },
  {
    shows:
      'NonNull<T> and &mut T to Option<&mut T>: NULL is now accepted, no caller becomes wrong (a spelling change only)',
    before: fn('pub struct T;\n#[no_mangle] pub extern "C" fn f(a: std::ptr::NonNull<T>) {}'),
    after: fn('pub struct T;\n#[no_mangle] pub extern "C" fn f(a: Option<&mut T>) {}'),
    expect: [['rust-spelling-changed', 'non-abi', 'f']],
  },
];
