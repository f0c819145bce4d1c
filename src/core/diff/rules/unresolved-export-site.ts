import type { ChangeRule } from '../rule';

/** Emitted by the diff engine for `export-site` entries of `unresolved[]` new, changed or gone in the head. */
export const unresolvedExportSite: ChangeRule = {
  id: 'unresolved-export-site',
  severity: 'potentially-breaking',
  rationale:
    'An export attribute the engine could not turn into an item (inside an unexpanded macro call, an unreachable or unreadable file, an unknown form) was added, changed or removed: a symbol may appear or vanish that no other change lists.',
  example: '(absent) → println!("{}", { #[no_mangle] extern "C" fn f() {} 1 })',
  kinds: [],
  check: () => [],
};
