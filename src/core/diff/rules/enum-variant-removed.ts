import type { ChangeRule } from '../rule';

export const enumVariantRemoved: ChangeRule = {
  id: 'enum-variant-removed',
  severity: 'breaking',
  rationale:
    'Consumers still pass the old value; receiving an invalid enum value in Rust is undefined behaviour.',
  example: 'enum E { A, B } → enum E { A }',
  kinds: ['enum'],
  check: (before, after) => {
    if (before?.kind !== 'enum' || after?.kind !== 'enum') return [];
    // names and values in sets: the enum is the PR's, and can have variants by the ten thousand
    const had = new Set(before.variants.map((x) => x.name));
    const has = new Set(after.variants.map((w) => w.name));
    // the values of variants that arrived: an old name with one of them is a rename, not a removal
    const taken = new Set(
      after.variants.filter((w) => w.value !== null && !had.has(w.name)).map((w) => w.value),
    );
    return before.variants
      .filter((v) => !has.has(v.name) && !(v.value !== null && taken.has(v.value)))
      .map((v) => `variant ${v.name}${v.value !== null ? ` = ${v.value}` : ''} was removed`);
  },
};
