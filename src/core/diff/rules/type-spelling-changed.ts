import type { ChangeRule } from '../rule';
import { relateTypes, t } from '../rule';
import { slotPairs } from '../slots';

export const typeSpellingChanged: ChangeRule = {
  id: 'type-spelling-changed',
  severity: 'non-abi',
  rationale:
    'c_int ↔ i32, size_t ↔ usize and the like are the same type on every target Rust supports: the header text changes, the ABI does not.',
  example: 'fn f(x: c_int) → fn f(x: i32)',
  kinds: ['function', 'import', 'static', 'struct', 'union', 'type', 'const'],
  check: (before, after, ctx) => {
    if (!before || !after || before.kind !== after.kind) return [];
    const out: string[] = [];
    for (const { where, a, b } of slotPairs(before, after))
      if (relateTypes(a, b, ctx) === 'spelling')
        out.push(`${where} spelled ${t(b)} instead of ${t(a)} (the same type on every target)`);
    return out;
  },
};
