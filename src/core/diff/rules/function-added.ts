import type { ChangeRule } from '../rule';

export const functionAdded: ChangeRule = {
  id: 'function-added',
  severity: 'addition',
  rationale: 'A new symbol is new attack surface and a new API: a minor release, and a security review.',
  example: '(absent) → #[no_mangle] extern "C" fn f()',
  kinds: ['function'],
  check: (before, after) =>
    !before && after?.kind === 'function' ? [`new exported function ${after.symbol}`] : [],
};
