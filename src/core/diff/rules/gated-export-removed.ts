import type { ChangeRule } from '../rule';

/** Emitted by the diff engine (src/core/diff/gated-exports.ts): the item was not in the analysed build. */
export const gatedExportRemoved: ChangeRule = {
  id: 'gated-export-removed',
  severity: 'breaking',
  rationale:
    'An export that a feature the analysed build does not enable used to provide is gone: consumers that build with that feature fail to link.',
  example: '#[cfg(feature = "fips")] #[no_mangle] extern "C" fn f() → (removed)',
  kinds: [],
  check: () => [],
};
