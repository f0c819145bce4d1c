/** The old/new pairs of the `type-alias-changed` change rule and everything each yields (run by ../rules.test.ts). */
import { fn, type RuleCase } from '../helpers';

export const cases: RuleCase[] = [
  {
    shows: 'a pub type alias retargeted that no export uses',
    before: fn('pub type Id = u32;'),
    after: fn('pub type Id = u64;'),
    expect: [['type-alias-changed', 'potentially-breaking', 'Id']],
  },
  {
    shows: 'a private alias retargeted under a parameter',
    before: fn('type Id = u32;\n#[no_mangle] pub extern "C" fn f(id: Id) {}'),
    after: fn('type Id = u64;\n#[no_mangle] pub extern "C" fn f(id: Id) {}'),
    expect: [['type-alias-changed', 'breaking', 'Id']],
    messages: ['now aliases u64 instead of u32; affects f (parameter 1 (id) by value)'],
  },
];
