import type { ChangeRule } from '../rule';

/** Emitted by the diff engine from `unexpanded-macro` diagnostics new in the head. */
export const unresolvedMacro: ChangeRule = {
  id: 'unresolved-macro',
  severity: 'potentially-breaking',
  rationale:
    'An item-position macro the engine cannot expand (a proc macro, another crate\u2019s macro) may export anything: a reviewer must look.',
  example: '(absent) → some_crate::export_all! { … }',
  kinds: [],
  check: () => [],
};
