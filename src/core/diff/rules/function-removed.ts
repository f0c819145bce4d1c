import type { ChangeRule } from '../rule';

export const functionRemoved: ChangeRule = {
  id: 'function-removed',
  severity: 'breaking',
  rationale:
    'The symbol disappears from the library: consumers fail to link, or dlsym returns NULL at run time.',
  example: '#[no_mangle] extern "C" fn f() → (removed)',
  kinds: ['function'],
  check: (before, after) =>
    before?.kind === 'function' && !after ? [`exported function ${before.symbol} was removed`] : [],
};
