import type { ChangeRule } from '../rule';

export const cfgGateRemoved: ChangeRule = {
  id: 'cfg-gate-removed',
  severity: 'addition',
  rationale:
    'The item now exists on every target and feature set: it is new surface where the cfg did not hold.',
  example: '#[cfg(unix)] fn f() → fn f()',
  kinds: ['function', 'static', 'struct', 'union', 'enum', 'type', 'const', 'import'],
  check: (before, after) => {
    if (!before || !after || before.cfg === null || after.cfg !== null) return [];
    return [`no longer under cfg(${before.cfg})`];
  },
};
