import type { ChangeRule } from '../rule';
import { relateTypes, t } from '../rule';
import { slotPairs } from '../slots';

export const cDeclarationChanged: ChangeRule = {
  id: 'c-declaration-changed',
  severity: 'source-breaking',
  rationale:
    'The ABI is identical but the C type consumers compile against changes (void * → Engine *, a typedef introduced): binaries keep working, a cgo program stops compiling and C code may warn.',
  example: 'fn f(e: *mut c_void) → fn f(e: *mut Engine)',
  kinds: ['function', 'import', 'static', 'struct', 'union', 'enum', 'type', 'const'],
  check: (before, after, ctx) => {
    if (!before || !after || before.kind !== after.kind) return [];
    const out: string[] = [];
    for (const { where, a, b } of slotPairs(before, after))
      if (relateTypes(a, b, ctx) === 'source')
        out.push(`${where} changed from ${t(a)} to ${t(b)}: the same ABI, a different C declaration`);
    return out;
  },
};
