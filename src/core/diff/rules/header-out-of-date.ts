import type { ChangeRule } from '../rule';

/**
 * Emitted by the consumers' contract check (src/app/consumers.ts, src/core/consumers/
 * contract-changes.ts), which reads both revisions' committed C headers: a header declaration that
 * contradicts the Rust surface at the head and did not at the base. The per-item check finds
 * nothing (it sees no header).
 */
export const headerOutOfDate: ChangeRule = {
  id: 'header-out-of-date',
  severity: 'breaking',
  rationale:
    'The committed C header now contradicts what Rust exports (Rust changed and the header was not regenerated): C and Go consumers compiled against it fail to link, pass the wrong arguments or read the wrong value.',
  example:
    'fn add(a: i32, b: i32) → fn add(a: i32, b: i32, c: i32), include/demo.h still: int32_t add(int32_t a, int32_t b);',
  kinds: [],
  check: () => [],
};
