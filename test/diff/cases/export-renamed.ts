/** The old/new pairs of the `export-renamed` change rule and everything each yields (run by ../rules.test.ts). */
import { fn, type RuleCase } from '../helpers';

export const cases: RuleCase[] = [
  {
    shows: 'export_name changed: the old symbol is gone, not one removal plus one addition',
    before: fn('#[export_name = "old_name"] pub extern "C" fn f() {}'),
    after: fn('#[export_name = "new_name"] pub extern "C" fn f() {}'),
    expect: [['export-renamed', 'breaking', 'f']],
  },
];
