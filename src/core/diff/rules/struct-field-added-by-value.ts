import type { ChangeRule } from '../rule';
import { typeUsage } from '../type-usage';

function appended(
  before: { fields: { name: string }[] },
  after: { fields: { name: string; type: string }[] },
): { name: string; type: string }[] {
  const a = before.fields.map((f) => f.name);
  const b = after.fields.map((f) => f.name);
  if (b.length <= a.length || a.some((n, i) => b[i] !== n)) return [];
  return after.fields.slice(a.length);
}

export { appended };

export const structFieldAddedByValue: ChangeRule = {
  id: 'struct-field-added-by-value',
  severity: 'breaking',
  rationale:
    'The struct grows: where it is passed by value, returned, embedded or declared by consumers, their copies are too small.',
  example: 'struct S { a: u32 } (passed by value) → struct S { a: u32, b: u32 }',
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
    if (!added.length || typeUsage(ctx.head, after.name) === 'pointer') return [];
    const how =
      typeUsage(ctx.head, after.name) === 'value'
        ? 'is passed, returned or embedded by value'
        : 'is public, so consumers may embed or allocate it';
    return [
      `field${added.length > 1 ? 's' : ''} ${added.map((f) => `${f.name}: ${f.type}`).join(', ')} appended to ${after.name}, which ${how}`,
    ];
  },
};
