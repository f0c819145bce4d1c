import type { ChangeRule } from '../rule';
import { describeAdded, growthOf } from '../struct-growth';
import { affected, layoutKept } from '../affects';

export const structFieldAddedBehindPointer: ChangeRule = {
  id: 'struct-field-added-behind-pointer',
  severity: 'potentially-breaking',
  rationale:
    'A struct only ever handled through pointers may grow safely, unless consumers allocate or copy it themselves.',
  example: 'struct S { a: u32 } (only *mut S) → struct S { a: u32, b: u32 }',
  kinds: ['struct', 'union'],
  check: (before, after, ctx) => {
    const g = growthOf(before, after);
    if (!g) return [];
    const a = affected(ctx, g.name);
    if (a.worst === 'pointer' && before && layoutKept(ctx, before.name, g.name)) return []; // struct-field-added-by-value says it once, as non-ABI
    if (a.worst !== 'pointer') return [];
    return [`${describeAdded(g)}, which the surface only uses behind pointers${a.suffix}`];
  },
};
