import type { ChangeRule } from '../rule';
import { gatedIn } from '../gated';

export const featureMadeDefault: ChangeRule = {
  id: 'feature-made-default',
  severity: 'addition',
  rationale:
    'An item that was behind a non-default feature is now built by default: more consumers get it (see exposure-widened).',
  example: '#[cfg(feature = "extra")] fn f() → fn f()',
  kinds: ['function', 'static', 'struct', 'union', 'enum', 'type', 'const', 'import'],
  check: (before, after, ctx) => {
    if (before || !after) return [];
    const g = gatedIn(ctx.base, after);
    return g ? [`was only under cfg(${g.cfg}); now in the analysed build`] : [];
  },
};
