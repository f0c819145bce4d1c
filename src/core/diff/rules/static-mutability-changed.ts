import type { ChangeRule } from '../rule';

export const staticMutabilityChanged: ChangeRule = {
  id: 'static-mutability-changed',
  severity: 'breaking',
  rationale:
    'An immutable static lives in read-only memory: consumers that write a formerly mutable one crash.',
  example: 'static mut V: u32 → static V: u32',
  kinds: ['static', 'import'],
  check: (before, after) => {
    if (!before || !after || before.kind !== after.kind) return [];
    const a =
      before.kind === 'static'
        ? before.mutable
        : before.kind === 'import'
          ? (before.mutable ?? false)
          : false;
    const b =
      after.kind === 'static' ? after.mutable : after.kind === 'import' ? (after.mutable ?? false) : false;
    if (a === b) return [];
    return [b ? 'became static mut' : 'is no longer mutable (static mut → static)'];
  },
};
