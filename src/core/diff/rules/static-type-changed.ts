import type { ChangeRule } from '../rule';
import { relateTypes, t } from '../rule';

export const staticTypeChanged: ChangeRule = {
  id: 'static-type-changed',
  severity: 'breaking',
  rationale: 'Consumers read and write the static with the old size and layout.',
  example: 'static V: u32 → static V: u64',
  kinds: ['static'],
  check: (before, after, ctx) => {
    if (before?.kind !== 'static' || after?.kind !== 'static') return [];
    return relateTypes(before.type, after.type, ctx) === 'different'
      ? [`type changed from ${t(before.type)} to ${t(after.type)}`]
      : [];
  },
};
