import type { ChangeRule } from '../rule';
import { relateTypes, t } from '../rule';

export const functionReturnChanged: ChangeRule = {
  id: 'function-return-changed',
  severity: 'breaking',
  rationale:
    'Callers read the return value with the old type: wrong values, truncated pointers or a broken stack.',
  example: 'fn f() -> i32 → fn f() -> *mut Foo',
  kinds: ['function', 'import'],
  check: (before, after, ctx) => {
    if (
      !before ||
      !after ||
      (before.kind !== 'function' && before.kind !== 'import') ||
      before.kind !== after.kind
    )
      return [];
    const a = before.returns ?? null;
    const b = after.returns ?? null;
    if (a === b) return [];
    if (a !== null && b !== null && relateTypes(a, b, ctx) !== 'different') return [];
    return [`return type changed from ${t(a)} to ${t(b)}`];
  },
};
