/** The old/new pairs of the `import-added` change rule and everything each yields (run by ../rules.test.ts). */
import { fn, type RuleCase } from '../helpers';

export const cases: RuleCase[] = [
  {
    shows: 'an extern "C" import added: the host must now provide it',
    before: fn(''),
    after: fn('extern "C" { fn host_log(msg: *const c_char); }'),
    expect: [['import-added', 'breaking', 'host_log']],
  },
];
