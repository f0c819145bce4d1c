import type { ChangeRule } from '../rule';

export const staticRemoved: ChangeRule = {
  id: 'static-removed',
  severity: 'breaking',
  rationale: 'The data symbol disappears: consumers fail to link or read garbage through a stale dlsym.',
  example: '#[no_mangle] static V: u32 → (removed)',
  kinds: ['static'],
  check: (before, after) =>
    before?.kind === 'static' && !after ? [`exported static ${before.symbol} was removed`] : [],
};
