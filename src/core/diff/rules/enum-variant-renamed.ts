import type { Variant } from '../../model';
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
    const had = new Set(before.variants.map((y) => y.name));
    const has = new Set(after.variants.map((w) => w.name));
    // the first new variant with each value (what a scan of the variants per old one found)
    const newByValue = new Map<string, Variant>();
    for (const x of after.variants)
      if (x.value !== null && !had.has(x.name) && !newByValue.has(x.value)) newByValue.set(x.value, x);
    for (const v of before.variants) {
      if (has.has(v.name) || v.value === null) continue;
      const w = newByValue.get(v.value);
      if (w) out.push(`variant ${v.name} = ${v.value} renamed to ${w.name}`);
    }
    return out;
  },
};
