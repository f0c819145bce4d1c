import type { ChangeRule } from '../rule';

/**
 * Emitted by the consumers' contract check (src/app/consumers.ts, src/core/consumers/
 * contract-changes.ts): a prototype written inline in a Go file's cgo preamble that contradicts
 * the Rust surface at the head and did not at the base. The per-item check finds nothing.
 */
export const cgoPrototypeMismatch: ChangeRule = {
  id: 'cgo-prototype-mismatch',
  severity: 'breaking',
  rationale:
    'A prototype in a cgo preamble now contradicts the Rust definition (a type widened, a parameter added): the Go program still builds and links, and passes or reads the wrong value.',
  example: 'fn twice(v: i32) -> i32 → fn twice(v: i64) -> i64, go/main.go still: int32_t twice(int32_t v);',
  kinds: [],
  check: () => [],
};
