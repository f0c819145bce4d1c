import type { ChangeRule } from '../rule';

/** Emitted by the diff engine when `cdylib` or `staticlib` leaves `[lib] crate-type`. */
export const crateTypeRemoved: ChangeRule = {
  id: 'crate-type-removed',
  severity: 'breaking',
  rationale:
    'The shared or static library is no longer built: consumers linking against it have nothing to link.',
  example: 'crate-type = ["cdylib", "staticlib"] → crate-type = ["staticlib"]',
  kinds: [],
  check: () => [],
};
