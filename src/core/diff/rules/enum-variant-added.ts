import type { ChangeRule } from '../rule';

export const enumVariantAdded: ChangeRule = {
  id: 'enum-variant-added',
  severity: 'potentially-breaking',
  rationale:
    'Consumers that switch exhaustively, or pass values back, meet a value their code never handles.',
  example: 'enum E { A } → enum E { A, B }',
  kinds: ['enum'],
  check: (before, after) => {
    if (before?.kind !== 'enum' || after?.kind !== 'enum' || after.nonExhaustive) return [];
    return after.variants
      .filter(
        (v) =>
          !before.variants.some((w) => w.name === v.name) &&
          !before.variants.some(
            (w) => w.value !== null && w.value === v.value && !after.variants.some((x) => x.name === w.name),
          ),
      )
      .map((v) => `variant ${v.name}${v.value !== null ? ` = ${v.value}` : ''} was added`);
  },
};
