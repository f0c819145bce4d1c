import type { ChangeRule } from '../rule';

export const importAdded: ChangeRule = {
  id: 'import-added',
  severity: 'breaking',
  rationale:
    'The library now needs the host to provide this symbol: hosts built for the old version fail to link or load.',
  example: '(absent) → extern "C" { fn host_log(msg: *const c_char); }',
  kinds: ['import'],
  check: (before, after) =>
    !before && after?.kind === 'import'
      ? [`the library now requires the host to provide ${after.symbol}`]
      : [],
};
