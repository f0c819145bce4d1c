/** The old/new pairs of the `binary-only-export` change rule and everything each yields (run by ../rules.test.ts). */
import { fn, type RuleCase } from '../helpers';

export const cases: RuleCase[] = [
  {
    shows:
      'a symbol the built library exports that no source explains (and the unexpandable macro that made it)',
    before: fn('#[no_mangle] pub extern "C" fn f() {}'),
    after: fn('#[no_mangle] pub extern "C" fn f() {}\ngen::exports!(g);'),
    binary: ['f', 'gen_g', 'rust_eh_personality'],
    expect: [
      ['binary-only-export', 'addition', 'gen_g'],
      ['unresolved-macro', 'potentially-breaking', 'gen::exports!'],
    ],
  },
];
