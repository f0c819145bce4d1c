import type { ChangeRule } from '../rule';
import { describeAdded, growthOf } from '../struct-growth';
import { affected, LAYOUT_KEPT, layoutKept } from '../affects';

export const structFieldAddedByValue: ChangeRule = {
  id: 'struct-field-added-by-value',
  severity: 'breaking',
  rationale:
    'The struct grows: where it is passed by value, returned, embedded or declared by consumers, their copies are too small.',
  example: 'struct S { a: u32 } (passed by value) → struct S { a: u32, b: u32 }',
  kinds: ['struct', 'union'],
  check: (before, after, ctx) => {
    const g = growthOf(before, after);
    if (!g) return [];
    if (before && layoutKept(ctx, before.name, g.name))
      return [{ message: `${describeAdded(g)}: ${LAYOUT_KEPT}`, severity: 'non-abi' }];
    const a = affected(ctx, g.name);
    if (a.worst === 'pointer') return [];
    if (a.worst === 'none' && after?.visibility !== 'pub') return [];
    const how =
      a.worst === 'value'
        ? 'is passed, returned or embedded by value'
        : 'is public, so consumers may embed or allocate it';
    return [`${describeAdded(g)}, which ${how}${a.suffix}`];
  },
};
