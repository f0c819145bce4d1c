import type { ChangeRule } from '../rule';

export const typeAdded: ChangeRule = {
  id: 'type-added',
  severity: 'addition',
  rationale: 'A new C-compatible type in the surface: new API for consumers\u2019 headers.',
  example: '(absent) → #[repr(C)] pub struct S { … }',
  kinds: ['struct', 'union', 'enum'],
  check: (before, after, ctx) => {
    if (before || !after || (after.kind !== 'struct' && after.kind !== 'union' && after.kind !== 'enum'))
      return [];
    if (ctx.base?.declaredTypes.some((d) => d.name === after.name)) return []; // gained a repr: repr-changed
    return [`new ${after.kind} ${after.name} (repr ${after.repr.join(', ')})`];
  },
};
