import type { ChangeRule } from '../rule';

/** Emitted by the diff engine (src/core/diff/gated-exports.ts): the item is not in the analysed build. */
export const gatedExportAdded: ChangeRule = {
  id: 'gated-export-added',
  severity: 'addition',
  rationale:
    'A new export behind a feature the analysed build does not enable: whoever builds with that feature gets a symbol nobody reviewed, so it is shown and needs review like any addition; add the feature to `feature-sets` to see its signature and findings.',
  example: '(absent) → #[cfg(feature = "fips")] #[no_mangle] extern "C" fn f()',
  kinds: [],
  check: () => [],
};
