import type { ChangeRule } from '../rule';

export const staticAdded: ChangeRule = {
  id: 'static-added',
  severity: 'addition',
  rationale: 'A new exported data symbol: new API and shared state that consumers may read or write.',
  example: '(absent) → #[no_mangle] static V: u32',
  kinds: ['static'],
  check: (before, after) =>
    !before && after?.kind === 'static' ? [`new exported static ${after.symbol}`] : [],
};
