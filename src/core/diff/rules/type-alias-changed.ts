import type { ChangeRule } from '../rule';
import { relateTypes } from '../rule';

export const typeAliasChanged: ChangeRule = {
  id: 'type-alias-changed',
  severity: 'potentially-breaking',
  rationale:
    'Every signature that uses the alias changes with it; consumers that spelled the alias keep the old type.',
  example: 'pub type Id = u32; → pub type Id = u64;',
  kinds: ['type'],
  check: (before, after) => {
    if (before?.kind !== 'type' || after?.kind !== 'type') return [];
    return relateTypes(before.target, after.target) === 'different'
      ? [`now aliases ${after.target} instead of ${before.target}`]
      : [];
  },
};
