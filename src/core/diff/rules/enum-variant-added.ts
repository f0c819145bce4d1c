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
    // names and values in sets: the enum is the PR's, and can have variants by the ten thousand
    const had = new Set(before.variants.map((w) => w.name));
    const has = new Set(after.variants.map((x) => x.name));
    // the values of variants that left: a new name with one of them is a rename, not an addition
    const vacated = new Set(
      before.variants.filter((w) => w.value !== null && !has.has(w.name)).map((w) => w.value),
    );
    return after.variants
      .filter((v) => !had.has(v.name) && !(v.value !== null && vacated.has(v.value)))
      .map((v) => `variant ${v.name}${v.value !== null ? ` = ${v.value}` : ''} was added`);
  },
};
