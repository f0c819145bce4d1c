import type { ChangeRule } from '../rule';
import { relateTypes, t } from '../rule';

export const functionParametersChanged: ChangeRule = {
  id: 'function-parameters-changed',
  severity: 'breaking',
  rationale:
    'Callers compiled against the old header pass arguments the new code reads differently: memory corruption, not a link error.',
  example: 'fn f(a: *const u8, n: usize) → fn f(a: *const u8, n: u32)',
  kinds: ['function', 'import'],
  check: (before, after, ctx) => {
    if (
      !before ||
      !after ||
      (before.kind !== 'function' && before.kind !== 'import') ||
      before.kind !== after.kind
    )
      return [];
    const a = before.params ?? [];
    const b = after.params ?? [];
    const out: string[] = [];
    if (a.length !== b.length) {
      out.push(
        `parameter count changed from ${a.length} to ${b.length} (${a.map((p) => t(p.type)).join(', ')}) → (${b.map((p) => t(p.type)).join(', ')})`,
      );
      return out;
    }
    for (let i = 0; i < a.length; i++) {
      if (relateTypes(a[i].type, b[i].type, ctx) === 'different') {
        const moved = b.findIndex((p, j) => j !== i && p.name === a[i].name && p.type === a[i].type);
        out.push(
          moved >= 0
            ? `parameter ${a[i].name} moved from position ${i + 1} to ${moved + 1}`
            : `parameter ${i + 1} (${a[i].name}) changed type from ${t(a[i].type)} to ${t(b[i].type)}`,
        );
      }
    }
    if ((before.variadic ?? false) !== (after.variadic ?? false))
      out.push(after.variadic ? 'became variadic' : 'is no longer variadic');
    return out;
  },
};
