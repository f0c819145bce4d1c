import type { CrateSurface, SurfaceItem } from '../../model';
import { canonicalItem, stableStringify } from '../../digest';
import type { ChangeRule } from '../rule';

/** Per crate (by its items), the layout of each type name asked about so far. */
const layouts = new WeakMap<
  SurfaceItem[],
  { types: Map<string, SurfaceItem>; done: Map<string, string | null> }
>();

function layoutOf(crate: CrateSurface | null, name: string): string | null {
  if (!crate) return null;
  // the first struct, union or enum of each name, found once per crate rather than once per
  // by-value name of every parameter of every changed export
  let memo = layouts.get(crate.items);
  if (!memo) {
    const types = new Map<string, SurfaceItem>();
    for (const i of crate.items)
      if ((i.kind === 'struct' || i.kind === 'union' || i.kind === 'enum') && !types.has(i.name))
        types.set(i.name, i);
    memo = { types, done: new Map() };
    layouts.set(crate.items, memo);
  }
  let layout = memo.done.get(name);
  if (layout === undefined) {
    const t = memo.types.get(name);
    layout = t ? stableStringify({ ...canonicalItem(t), cfg: null }) : null;
    memo.done.set(name, layout);
  }
  return layout;
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
