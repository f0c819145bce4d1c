import type { ChangeRule } from '../rule';
import { gatedIn } from '../gated';

export const itemGated: ChangeRule = {
  id: 'item-gated',
  severity: 'breaking',
  rationale:
    'The item moved under a cfg the analysed build does not enable: for default-feature consumers it is gone.',
  example: 'fn f() → #[cfg(feature = "extra")] fn f()',
  kinds: ['function', 'static', 'struct', 'union', 'enum', 'type', 'const', 'import'],
  check: (before, after, ctx) => {
    if (!before || after) return [];
    const g = gatedIn(ctx.head, before);
    return g
      ? [
          `now only under cfg(${g.cfg}), which the analysed build (${ctx.head?.features.join(', ') || 'no features'}) does not enable`,
        ]
      : [];
  },
};
