import type { ChangeRule } from '../rule';

/** Emitted by the diff engine for `macro` entries of `unresolved[]` new or changed in the head. */
export const unresolvedMacro: ChangeRule = {
  id: 'unresolved-macro',
  severity: 'potentially-breaking',
  rationale:
    'A new or changed invocation of a macro the engine cannot expand (a proc macro, an attribute or derive macro, another crate\u2019s macro, include!) whose crate is not trusted may export anything: a reviewer must look.',
  example: '(absent) → some_crate::export_all! { … }',
  kinds: [],
  check: () => [],
};
