import type { ChangeRule } from '../rule';
import { slotPairs } from '../slots';
import { relateTypes, t } from '../rule';

export const platformWidthChanged: ChangeRule = {
  id: 'platform-width-changed',
  severity: 'potentially-breaking',
  rationale:
    'c_long/c_ulong are 32-bit on Windows (LLP64) and c_char is unsigned on ARM: equal on this target, different on another.',
  example: 'fn f(x: c_long) → fn f(x: i64)',
  kinds: ['function', 'import', 'static', 'struct', 'union', 'type', 'const'],
  check: (before, after, ctx) => {
    if (!before || !after || before.kind !== after.kind) return [];
    const out: string[] = [];
    for (const { where, a, b } of slotPairs(before, after))
      if (relateTypes(a, b, ctx) === 'width')
        out.push(
          `${where} changed from ${t(a)} to ${t(b)}, whose width or signedness differs between targets`,
        );
    return out;
  },
};
