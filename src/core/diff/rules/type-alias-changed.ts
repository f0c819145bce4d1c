import type { ChangeRule } from '../rule';
import { relateTypes } from '../rule';
import { affected } from '../affects';

export const typeAliasChanged: ChangeRule = {
  id: 'type-alias-changed',
  severity: 'breaking',
  rationale:
    'Every signature that uses the alias changes with it; consumers that spelled the alias keep the old type.',
  example: 'pub type Id = u32; → pub type Id = u64;',
  kinds: ['type'],
  check: (before, after, ctx) => {
    if (before?.kind !== 'type' || after?.kind !== 'type') return [];
    if (relateTypes(before.target, after.target, ctx) !== 'different') return [];
    const a = affected(ctx, after.name);
    return [
      {
        message: `now aliases ${after.target} instead of ${before.target}${a.suffix}`,
        severity: a.worst !== 'none' ? 'breaking' : 'potentially-breaking',
      },
    ];
  },
};
