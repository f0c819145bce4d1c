import type { ChangeRule } from '../rule';
import { relateTypes, t } from '../rule';
import { affected, LAYOUT_KEPT, layoutKept, layoutSeverity } from '../affects';

export const structLayoutChanged: ChangeRule = {
  id: 'struct-layout-changed',
  severity: 'breaking',
  rationale:
    'A field removed, reordered or retyped moves every offset after it: consumers read and write the wrong bytes. One change on the type, listing the exports that reach it.',
  example: 'struct S { a: u32, b: u64 } → struct S { b: u64, a: u32 }',
  kinds: ['struct', 'union'],
  check: (before, after, ctx) => {
    if (
      !before ||
      !after ||
      (before.kind !== 'struct' && before.kind !== 'union') ||
      before.kind !== after.kind
    )
      return [];
    const a = before.fields;
    const b = after.fields;
    const out: string[] = [];
    for (const f of a)
      if (
        !b.some((g) => g.name === f.name) &&
        !(
          b[a.indexOf(f)] &&
          b[a.indexOf(f)].type === f.type &&
          !a.some((x) => x.name === b[a.indexOf(f)].name)
        )
      )
        out.push(`field ${f.name}: ${t(f.type)} was removed`);
    const common = a.filter((f) => b.some((g) => g.name === f.name));
    const order = b.filter((g) => common.some((f) => f.name === g.name)).map((g) => g.name);
    // every member of a union is at offset 0: their order is not part of the layout
    if (before.kind === 'struct' && common.map((f) => f.name).join(',') !== order.join(','))
      out.push(`fields were reordered: (${common.map((f) => f.name).join(', ')}) → (${order.join(', ')})`);
    for (const f of common) {
      const g = b.find((x) => x.name === f.name);
      if (g && relateTypes(f.type, g.type, ctx) === 'different')
        out.push(`field ${f.name} changed type from ${t(f.type)} to ${t(g.type)}`);
    }
    // a field inserted before existing ones shifts them (appending is judged by struct-field-added-*)
    const firstNew = b.findIndex((g) => !a.some((f) => f.name === g.name));
    if (
      firstNew >= 0 &&
      before.kind === 'struct' &&
      b.slice(firstNew).some((g) => a.some((f) => f.name === g.name)) &&
      a.length === common.length
    )
      out.push(`field ${b[firstNew].name} was inserted before existing fields, shifting their offsets`);
    if (!out.length) return [];
    if (layoutKept(ctx, before.name, after.name))
      return out.map((m) => ({ message: `${m}: ${LAYOUT_KEPT}`, severity: 'non-abi' as const }));
    const hit = affected(ctx, after.name);
    const severity = layoutSeverity(hit, after.visibility === 'pub');
    return out.map((m) => ({ message: `${m}${hit.suffix}`, severity }));
  },
};
