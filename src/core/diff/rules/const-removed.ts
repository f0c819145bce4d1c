import type { ChangeRule } from '../rule';

export const constRemoved: ChangeRule = {
  id: 'const-removed',
  severity: 'potentially-breaking',
  rationale:
    'Consumers\u2019 headers still define it; code using it builds against a value the library no longer promises.',
  example: 'pub const MAX_LEN: usize = 64; → (removed)',
  kinds: ['const'],
  check: (before, after) =>
    // a private const is on the surface only while an export's layout reaches it
    before?.kind === 'const' && !after && before.visibility === 'pub'
      ? [`constant ${before.name} was removed`]
      : [],
};
