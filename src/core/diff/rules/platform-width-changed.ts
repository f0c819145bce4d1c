import type { ChangeRule } from '../rule';
import type { Param, SurfaceItem } from '../../model';
import { relateTypes, t } from '../rule';

function typesOf(item: SurfaceItem): { where: string; type: string }[] {
  const out: { where: string; type: string }[] = [];
  if (item.kind === 'function' || item.kind === 'import') {
    (item.params ?? []).forEach((p: Param, i: number) =>
      out.push({ where: `parameter ${i + 1} (${p.name})`, type: p.type }),
    );
    out.push({ where: 'return type', type: item.returns ?? '()' });
    if (item.kind === 'import' && item.type) out.push({ where: 'type', type: item.type });
  } else if (item.kind === 'static') out.push({ where: 'type', type: item.type });
  else if (item.kind === 'struct' || item.kind === 'union')
    item.fields.forEach((f) => out.push({ where: `field ${f.name}`, type: f.type }));
  else if (item.kind === 'type') out.push({ where: 'target', type: item.target });
  else if (item.kind === 'const') out.push({ where: 'type', type: item.type });
  return out;
}

export const platformWidthChanged: ChangeRule = {
  id: 'platform-width-changed',
  severity: 'potentially-breaking',
  rationale:
    'c_long/c_ulong are 32-bit on Windows (LLP64) and c_char is unsigned on ARM: equal on this target, different on another.',
  example: 'fn f(x: c_long) → fn f(x: i64)',
  kinds: ['function', 'import', 'static', 'struct', 'union', 'type', 'const'],
  check: (before, after) => {
    if (!before || !after || before.kind !== after.kind) return [];
    const a = typesOf(before);
    const b = typesOf(after);
    if (a.length !== b.length) return [];
    const out: string[] = [];
    for (let i = 0; i < a.length; i++) {
      if (a[i].where.replace(/ \(.*\)$/, '') !== b[i].where.replace(/ \(.*\)$/, '')) return [];
      if (relateTypes(a[i].type, b[i].type) === 'width')
        out.push(
          `${b[i].where} changed from ${t(a[i].type)} to ${t(b[i].type)}, whose width or signedness differs between targets`,
        );
    }
    return out;
  },
};
