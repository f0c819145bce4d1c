import type { ChangeRule } from '../rule';

export const importRemoved: ChangeRule = {
  id: 'import-removed',
  severity: 'non-abi',
  rationale: 'The host may keep providing the symbol; nothing calls it any more.',
  example: 'extern "C" { fn host_log(…); } → (removed)',
  kinds: ['import'],
  check: (before, after) =>
    before?.kind === 'import' && !after ? [`the library no longer needs ${before.symbol} from the host`] : [],
};
