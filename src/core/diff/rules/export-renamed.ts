import type { ChangeRule } from '../rule';

/** Matched by the diff engine: a removed and an added export of the same Rust item. */
export const exportRenamed: ChangeRule = {
  id: 'export-renamed',
  severity: 'breaking',
  rationale:
    'A changed #[export_name] (or a renamed #[no_mangle] fn) removes the old symbol: consumers linked against it break.',
  example: '#[export_name = "a"] fn f() → #[export_name = "b"] fn f()',
  kinds: ['function', 'static'],
  check: (before, after) => {
    if (
      !before ||
      !after ||
      (before.kind !== 'function' && before.kind !== 'static') ||
      before.kind !== after.kind
    )
      return [];
    return before.symbol !== after.symbol
      ? [`symbol ${before.symbol} was renamed to ${after.symbol}; the old symbol no longer exists`]
      : [];
  },
};
