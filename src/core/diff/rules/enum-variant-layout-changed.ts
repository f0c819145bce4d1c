import type { Field, Variant } from '../../model';
import type { ChangeRule } from '../rule';
import { relateTypes, t } from '../rule';
import { affected, layoutSeverity } from '../affects';

function describe(v: Variant, a: Field[], b: Field[], related: (x: string, y: string) => string): string[] {
  const out: string[] = [];
  if (a.length !== b.length)
    out.push(
      `variant ${v.name} now carries (${b.map((f) => t(f.type)).join(', ')}) instead of (${a.map((f) => t(f.type)).join(', ')})`,
    );
  else
    a.forEach((f, i) => {
      const g = b[i];
      if (f.name !== g.name && b.some((x) => x.name === f.name))
        out.push(`variant ${v.name}: fields were reordered (${f.name} is no longer at position ${i + 1})`);
      else if (related(f.type, g.type) === 'different')
        out.push(`variant ${v.name}: field ${f.name} changed type from ${t(f.type)} to ${t(g.type)}`);
    });
  return out;
}

export const enumVariantLayoutChanged: ChangeRule = {
  id: 'enum-variant-layout-changed',
  severity: 'breaking',
  rationale:
    'A data-carrying repr(C) or repr(int) enum is a tag and a union of one struct per variant: a variant field added, removed, reordered or retyped moves offsets or grows the union, for every export that reaches the enum.',
  example: '#[repr(C)] enum Ev { Key { code: u32 } } → #[repr(C)] enum Ev { Key { code: u64 } }',
  kinds: ['enum'],
  check: (before, after, ctx) => {
    if (before?.kind !== 'enum' || after?.kind !== 'enum') return [];
    const byName = new Map(after.variants.map((v) => [v.name, v] as const));
    const out: string[] = [];
    for (const v of before.variants) {
      const w = byName.get(v.name);
      if (!w) continue;
      out.push(...describe(v, v.fields ?? [], w.fields ?? [], (x, y) => relateTypes(x, y, ctx)));
    }
    if (!out.length) return [];
    const hit = affected(ctx, after.name);
    const severity = layoutSeverity(hit, after.visibility === 'pub');
    return out.map((m) => ({ message: `${m}${hit.suffix}`, severity }));
  },
};
