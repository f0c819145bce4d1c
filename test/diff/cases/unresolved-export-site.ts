/** The old/new pairs of the `unresolved-export-site` change rule and everything each yields (run by ../rules.test.ts). */
import { fn, type RuleCase } from '../helpers';

export const cases: RuleCase[] = [
  {
    shows: 'an export_name the tool cannot evaluate',
    before: fn('pub fn f() {}'),
    after: fn('pub fn f() {}\n#[export_name = env!("NAME")] pub extern "C" fn g() {}'),
    expect: [['unresolved-export-site', 'potentially-breaking', 'crate::g']],
  },
];
