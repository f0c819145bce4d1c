import type { Variant } from '../../model';
import type { ChangeRule } from '../rule';

export const enumDiscriminantChanged: ChangeRule = {
  id: 'enum-discriminant-changed',
  severity: 'breaking',
  rationale:
    'The numeric value of a variant is what crosses the boundary: the same name now means a different number.',
  example: 'enum E { A = 1 } → enum E { A = 2 }',
  kinds: ['enum'],
  check: (before, after) => {
    if (before?.kind !== 'enum' || after?.kind !== 'enum') return [];
    const out: string[] = [];
    const byName = new Map<string, Variant>();
    for (const x of after.variants) if (!byName.has(x.name)) byName.set(x.name, x); // the first, like `find`
    for (const v of before.variants) {
      const w = byName.get(v.name);
      if (!w) continue;
      const a = v.value ?? v.discriminant;
      const b = w.value ?? w.discriminant;
      if (a !== b) out.push(`variant ${v.name} changed value from ${a ?? '?'} to ${b ?? '?'}`);
    }
    return out;
  },
};
