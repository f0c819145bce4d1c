import type { ChangeRule } from '../rule';

export const constAdded: ChangeRule = {
  id: 'const-added',
  severity: 'addition',
  rationale: 'A new constant of the C API: new header content, nothing breaks.',
  example: '(absent) → pub const MAX_LEN: usize = 64;',
  kinds: ['const'],
  check: (before, after) =>
    !before && after?.kind === 'const' ? [`new constant ${after.name} = ${after.value}`] : [],
};
