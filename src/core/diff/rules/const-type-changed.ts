import type { ChangeRule } from '../rule';
import { relateTypes } from '../rule';

export const constTypeChanged: ChangeRule = {
  id: 'const-type-changed',
  severity: 'potentially-breaking',
  rationale: 'The constant\u2019s type decides how consumers store and compare it.',
  example: 'pub const FLAGS: u8 = 1; → pub const FLAGS: u32 = 1;',
  kinds: ['const'],
  check: (before, after, ctx) => {
    if (before?.kind !== 'const' || after?.kind !== 'const') return [];
    return relateTypes(before.type, after.type, ctx) === 'different'
      ? [`type changed from ${before.type} to ${after.type}`]
      : [];
  },
};
