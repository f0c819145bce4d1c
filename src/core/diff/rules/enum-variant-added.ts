import type { ChangeRule } from '../rule';
import { affected } from '../affects';

export const enumVariantAdded: ChangeRule = {
  id: 'enum-variant-added',
  severity: 'potentially-breaking',
  rationale:
    'Consumers that switch exhaustively, or pass values back, meet a value their code never handles.',
  example: 'enum E { A } → enum E { A, B }',
  kinds: ['enum'],
  check: (before, after, ctx) => {
    if (before?.kind !== 'enum' || after?.kind !== 'enum' || after.nonExhaustive) return [];
    // names and values in sets: the enum is the PR's, and can have variants by the ten thousand
    const had = new Set(before.variants.map((w) => w.name));
    const has = new Set(after.variants.map((x) => x.name));
    // the values of variants that left: a new name with one of them is a rename, not an addition
    const vacated = new Set(
      before.variants.filter((w) => w.value !== null && !has.has(w.name)).map((w) => w.value),
    );
    const changed = after.variants.filter(
      (v) => !had.has(v.name) && !(v.value !== null && vacated.has(v.value)),
    );
    if (!changed.length) return [];
    // one change on the enum, however many variants one edit added
    const names = changed.slice(0, 20).map((v) => `${v.name}${v.value !== null ? ` = ${v.value}` : ''}`);
    const more = changed.length > 20 ? ` and ${changed.length - 20} more` : '';
    return [
      `${changed.length === 1 ? 'variant' : 'variants'} ${names.join(', ')}${more} ${changed.length === 1 ? 'was' : 'were'} added${affected(ctx, after.name).suffix}`,
    ];
  },
};
