import type { FindingRule } from '../rule';

/** Returns `.as_ptr()` of a temporary or a local owner: the buffer is freed before the caller reads it. */
export const danglingPointerReturn: FindingRule = {
  id: 'dangling-pointer-return',
  level: 'high',
  kinds: ['function'],
  rationale:
    'memory safety: `.as_ptr()` borrows; when its owner (a temporary `CString`, a local `String` or `Vec`) is dropped at the end of the statement or the function, the caller receives a pointer to freed memory',
  example: 'fn greeting() -> *const c_char { CString::new("hi").unwrap_or_default().as_ptr() }',
  checklist:
    'the returned pointer outlives the call: hand ownership out with `into_raw()` (with a matching free export) or point into data that lives as long as documented',
  evidence: 'none: always open',
  check(item) {
    if (item.kind !== 'function') return [];
    return (item.body.danglingReturns ?? []).map((d) => ({
      message: `\`${item.name}\` returns \`.as_ptr()\` of \`${d.what}\`, which is dropped when \`${item.name}\` returns: the pointer dangles`,
      line: d.line,
    }));
  },
};
