/** The old/new pairs of the `import-removed` change rule and everything each yields (run by ../rules.test.ts). */
import { fn, type RuleCase } from '../helpers';

export const cases: RuleCase[] = [
  {
    shows: 'an extern "C" import removed',
    before: fn('extern "C" { fn host_log(msg: *const c_char); }'),
    after: fn(''),
    expect: [['import-removed', 'non-abi', 'host_log']],
  },
];
