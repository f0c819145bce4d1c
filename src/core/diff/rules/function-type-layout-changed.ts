import type { CrateSurface, SurfaceItem } from '../../model';
import { canonicalItem, stableStringify } from '../../digest';
import type { ChangeRule } from '../rule';

function layoutOf(crate: CrateSurface | null, name: string): string | null {
  const t = crate?.items.find(
    (i) => (i.kind === 'struct' || i.kind === 'union' || i.kind === 'enum') && i.name === name,
  );
  return t ? stableStringify({ ...canonicalItem(t), cfg: null }) : null;
}

/** Type names a signature uses by value (not behind `*const`, `*mut`, `&`). */
function byValueNames(type: string): string[] {
  const stripped = type.replace(/(\*const |\*mut |&mut |&)[A-Za-z_][A-Za-z0-9_]*/g, '');
  return stripped.match(/[A-Za-z_][A-Za-z0-9_]*/g) ?? [];
}

function slots(item: SurfaceItem): { where: string; type: string }[] {
  if (item.kind !== 'function' && item.kind !== 'import') return [];
  const out = (item.params ?? []).map((p, i) => ({ where: `parameter ${i + 1} (${p.name})`, type: p.type }));
  if (item.returns) out.push({ where: 'the return value', type: item.returns });
  return out;
}

export const functionTypeLayoutChanged: ChangeRule = {
  id: 'function-type-layout-changed',
  severity: 'breaking',
  rationale:
    'The signature text is the same, but a type it passes or returns by value changed layout: every call site of this symbol is broken too.',
  example: 'fn area(d: Dimensions) with Dimensions { w, h } → Dimensions { w, h, stride }',
  kinds: ['function', 'import'],
  check: (before, after, ctx) => {
    if (!before || !after || before.kind !== after.kind) return [];
    const a = slots(before);
    const b = slots(after);
    const out: string[] = [];
    for (let i = 0; i < Math.min(a.length, b.length); i++) {
      if (a[i].type !== b[i].type) continue; // a changed signature is reported by the signature rules
      for (const name of new Set(byValueNames(b[i].type))) {
        const was = layoutOf(ctx.base, name);
        const now = layoutOf(ctx.head, name);
        if (was !== null && now !== null && was !== now)
          out.push(`${b[i].where} passes ${name} by value, and the layout of ${name} changed`);
      }
    }
    return out;
  },
};
