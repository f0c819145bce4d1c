import type { ChangeRule } from '../rule';

export const enumVariantRenamed: ChangeRule = {
  id: 'enum-variant-renamed',
  severity: 'non-abi',
  rationale: 'The value is unchanged; only the constant\u2019s name in consumers\u2019 headers differs.',
  example: 'enum E { Ok = 0 } → enum E { Success = 0 }',
  kinds: ['enum'],
  check: (before, after) => {
    if (before?.kind !== 'enum' || after?.kind !== 'enum') return [];
    const out: string[] = [];
    for (const v of before.variants) {
      if (after.variants.some((w) => w.name === v.name) || v.value === null) continue;
      const w = after.variants.find(
        (x) => x.value === v.value && !before.variants.some((y) => y.name === x.name),
      );
      if (w) out.push(`variant ${v.name} = ${v.value} renamed to ${w.name}`);
    }
    return out;
  },
};
