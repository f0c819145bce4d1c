import type { ChangeRule } from '../rule';

export const typeAliasRemoved: ChangeRule = {
  id: 'type-alias-removed',
  severity: 'potentially-breaking',
  rationale:
    'Consumers\u2019 headers still use the name; the ABI of functions using the target type is unchanged.',
  example: 'pub type Handle = *mut Inner; → (removed)',
  kinds: ['type'],
  check: (before, after) =>
    // a private alias is on the surface only while an export reaches it
    before?.kind === 'type' && !after && before.visibility === 'pub'
      ? [`type alias ${before.name} was removed`]
      : [],
};
