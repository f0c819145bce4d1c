import type { ChangeRule } from '../rule';
import { scopeOf, variantValues } from '../../abi/scope';
import { affected } from '../affects';

export const enumDiscriminantChanged: ChangeRule = {
  id: 'enum-discriminant-changed',
  severity: 'breaking',
  rationale:
    'The numeric value of a variant is what crosses the boundary: the same name now means a different number.',
  example: 'enum E { A = 1 } → enum E { A = 2 }',
  kinds: ['enum'],
  check: (before, after, ctx) => {
    if (before?.kind !== 'enum' || after?.kind !== 'enum') return [];
    // the enum's text unchanged: a value moved because a const it names changed, and
    // const-value-changed reports that cause once
    const spelled = (e: typeof before) => JSON.stringify(e.variants.map((v) => [v.name, v.discriminant]));
    if (spelled(before) === spelled(after)) return [];
    const out: string[] = [];
    const was = variantValues(before, scopeOf(ctx.base));
    const now = variantValues(after, scopeOf(ctx.head));
    const byName = new Map<string, number>();
    after.variants.forEach((x, i) => {
      if (!byName.has(x.name)) byName.set(x.name, i); // the first, like `find`
    });
    before.variants.forEach((v, i) => {
      const j = byName.get(v.name);
      if (j === undefined) return;
      const w = after.variants[j];
      // values when both sides can be computed (consts included), else the expressions as written
      const a = was[i] !== null && now[j] !== null ? String(was[i]) : v.discriminant;
      const b = was[i] !== null && now[j] !== null ? String(now[j]) : w.discriminant;
      if (a !== b) out.push(`variant ${v.name} changed value from ${a ?? '?'} to ${b ?? '?'}`);
    });
    if (!out.length) return [];
    const hit = affected(ctx, after.name);
    return out.map((m) => `${m}${hit.suffix}`);
  },
};
