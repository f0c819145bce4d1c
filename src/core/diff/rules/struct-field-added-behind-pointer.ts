import type { ChangeRule } from '../rule';
import { typeUsage } from '../type-usage';
import { appended } from './struct-field-added-by-value';

export const structFieldAddedBehindPointer: ChangeRule = {
  id: 'struct-field-added-behind-pointer',
  severity: 'potentially-breaking',
  rationale:
    'A struct only ever handled through pointers may grow safely, unless consumers allocate or copy it themselves.',
  example: 'struct S { a: u32 } (only *mut S) → struct S { a: u32, b: u32 }',
  kinds: ['struct', 'union'],
  check: (before, after, ctx) => {
    if (
      !before ||
      !after ||
      (before.kind !== 'struct' && before.kind !== 'union') ||
      before.kind !== after.kind
    )
      return [];
    const added =
      before.kind === 'union'
        ? after.fields.filter((f) => !before.fields.some((g) => g.name === f.name))
        : appended(before, after);
    if (!added.length || typeUsage(ctx.head, after.name) !== 'pointer') return [];
    return [
      `field${added.length > 1 ? 's' : ''} ${added.map((f) => `${f.name}: ${f.type}`).join(', ')} appended to ${after.name}, which the surface only uses behind pointers`,
    ];
  },
};
