import type { ChangeRule } from '../rule';

export const typeRemoved: ChangeRule = {
  id: 'type-removed',
  severity: 'source-breaking',
  rationale:
    'Consumers\u2019 code that names the type no longer compiles against the new header. Removing a type changes no export\u2019s ABI by itself: the exports that used it report their own change.',
  example: '#[repr(C)] pub struct S { … } → (removed)',
  kinds: ['struct', 'union', 'enum'],
  check: (before, after, ctx) => {
    if (!before || after || (before.kind !== 'struct' && before.kind !== 'union' && before.kind !== 'enum'))
      return [];
    // a private type is on the surface only while an export reaches it: that export's change says it
    if (before.visibility !== 'pub') return [];
    // a type that lost its repr is reported by repr-changed
    if (ctx.head?.declaredTypes.some((d) => d.name === before.name)) return [];
    return [`${before.kind} ${before.name} (repr ${before.repr.join(', ')}) was removed`];
  },
};
