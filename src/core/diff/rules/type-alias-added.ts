import type { ChangeRule } from '../rule';

export const typeAliasAdded: ChangeRule = {
  id: 'type-alias-added',
  severity: 'addition',
  rationale: 'A new type name in the C API.',
  example: '(absent) → pub type Handle = *mut Inner;',
  kinds: ['type'],
  check: (before, after) =>
    !before && after?.kind === 'type' ? [`new type alias ${after.name} = ${after.target}`] : [],
};
