import type { ChangeRule } from '../rule';

export const enumVariantAddedNonExhaustive: ChangeRule = {
  id: 'enum-variant-added-non-exhaustive',
  severity: 'addition',
  rationale: 'The enum is #[non_exhaustive]: consumers were told to expect new variants.',
  example: '#[non_exhaustive] enum E { A } → enum E { A, B }',
  kinds: ['enum'],
  check: (before, after) => {
    if (before?.kind !== 'enum' || after?.kind !== 'enum' || !after.nonExhaustive) return [];
    const had = new Set(before.variants.map((w) => w.name));
    return after.variants
      .filter((v) => !had.has(v.name))
      .map(
        (v) =>
          `variant ${v.name}${v.value !== null ? ` = ${v.value}` : ''} was added to a non-exhaustive enum`,
      );
  },
};
