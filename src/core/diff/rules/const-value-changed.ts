import type { ChangeRule } from '../rule';

export const constValueChanged: ChangeRule = {
  id: 'const-value-changed',
  severity: 'potentially-breaking',
  rationale:
    'Consumers compiled the old value into their code (buffer sizes, flags, versions): they disagree with the library until rebuilt.',
  example: 'pub const MAX_LEN: usize = 64; → pub const MAX_LEN: usize = 32;',
  kinds: ['const'],
  check: (before, after) => {
    if (before?.kind !== 'const' || after?.kind !== 'const') return [];
    return before.value !== after.value ? [`value changed from ${before.value} to ${after.value}`] : [];
  },
};
