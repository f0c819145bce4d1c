import type { ChangeRule } from '../rule';
import { affected } from '../affects';

export const enumVariantRemoved: ChangeRule = {
  id: 'enum-variant-removed',
  severity: 'breaking',
  rationale:
    'Consumers still pass the old value; receiving an invalid enum value in Rust is undefined behaviour.',
  example: 'enum E { A, B } → enum E { A }',
  kinds: ['enum'],
  check: (before, after, ctx) => {
    if (before?.kind !== 'enum' || after?.kind !== 'enum') return [];
    // names and values in sets: the enum is the PR's, and can have variants by the ten thousand
    const had = new Set(before.variants.map((x) => x.name));
    const has = new Set(after.variants.map((w) => w.name));
    // the values of variants that arrived: an old name with one of them is a rename, not a removal
    const taken = new Set(
      after.variants.filter((w) => w.value !== null && !had.has(w.name)).map((w) => w.value),
    );
    const changed = before.variants.filter(
      (v) => !has.has(v.name) && !(v.value !== null && taken.has(v.value)),
    );
    if (!changed.length) return [];
    // one change on the enum, however many variants one edit removed
    const names = changed.slice(0, 20).map((v) => `${v.name}${v.value !== null ? ` = ${v.value}` : ''}`);
    const more = changed.length > 20 ? ` and ${changed.length - 20} more` : '';
    return [
      `${changed.length === 1 ? 'variant' : 'variants'} ${names.join(', ')}${more} ${changed.length === 1 ? 'was' : 'were'} removed${affected(ctx, after.name).suffix}`,
    ];
  },
};
