import type { ChangeRule } from '../rule';

/** Emitted by the diff engine when `cdylib` or `staticlib` joins `[lib] crate-type`. */
export const crateTypeAdded: ChangeRule = {
  id: 'crate-type-added',
  severity: 'addition',
  rationale: 'A new kind of library is built and shipped: its exports become an interface to keep.',
  example: 'crate-type = ["rlib"] → crate-type = ["rlib", "cdylib"]',
  kinds: [],
  check: () => [],
};
