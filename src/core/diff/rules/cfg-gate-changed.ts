import type { ChangeRule } from '../rule';

export const cfgGateChanged: ChangeRule = {
  id: 'cfg-gate-changed',
  severity: 'breaking',
  rationale:
    'The item now exists only where the new cfg holds: builds for other targets or features lose it.',
  example: 'fn f() → #[cfg(unix)] fn f()',
  kinds: ['function', 'static', 'struct', 'union', 'enum', 'type', 'const', 'import'],
  check: (before, after) => {
    if (!before || !after || before.cfg === after.cfg || after.cfg === null) return [];
    return [`now only under cfg(${after.cfg})${before.cfg ? `, was cfg(${before.cfg})` : ''}`];
  },
};
