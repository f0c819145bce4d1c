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
    return before.variants
      .filter(
        (v) =>
          !after.variants.some((w) => w.name === v.name) &&
          !after.variants.some(
            (w) => w.value !== null && w.value === v.value && !before.variants.some((x) => x.name === w.name),
          ),
      )
      .map((v) => `variant ${v.name}${v.value !== null ? ` = ${v.value}` : ''} was removed`);
  },
};
