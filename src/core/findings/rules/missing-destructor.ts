import { FindingRule, memoised } from '../rule';
import { freedPointees, ownedReturn } from '../ownership';
import { renderType } from '../../rust/type-syntax';

/** Returns an owned pointer, and no export of the crate takes that pointee back to free it. */
export const missingDestructor: FindingRule = {
  id: 'missing-destructor',
  level: 'medium',
  kinds: ['function'],
  rationale:
    'contract: ownership handed to the caller needs a matching destructor in this library, or it leaks or gets freed by the wrong allocator',
  example:
    'fn parser_new() -> *mut Parser, and no parser_free(p: *mut Parser) (a free(*mut c_void) counts only when its doc names Parser)',
  checklist:
    'ownership transfer is documented and a matching destructor export exists (`*_free`, `*_destroy`, `*_release`, ...), or the pointer is borrowed and its lifetime is documented',
  evidence: 'none: always open',
  check(item, ctx) {
    if (item.kind !== 'function') return [];
    const owned = ownedReturn(item);
    if (!owned) return [];
    const freed = memoised(ctx, 'freed-pointees', () => freedPointees(ctx.crate));
    const pointee = renderType(owned.pointee);
    if (freed.has(pointee)) return [];
    return [
      {
        message: `returns \`${owned.type}\`, and no export named \`*_free\`, \`*_destroy\`, \`*_release\`, \`*_delete\`, \`*_drop\` or \`*_close\` takes a \`${pointee}\` pointer to free it (a \`*mut c_void\` destructor counts only when its doc names \`${pointee}\`)`,
      },
    ];
  },
};
