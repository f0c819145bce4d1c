import type { FindingRule } from '../rule';

/**
 * A committed header or cgo preamble declares an export with another signature than the Rust
 * definition: parameter count, or a parameter's or the return's size, signedness, kind or pointer
 * depth under LP64 or LLP64 (SPEC §11). Reported by the consumers' contract check
 * (src/app/consumers.ts): the per-item check finds nothing.
 */
export const signatureMismatch: FindingRule = {
  id: 'signature-mismatch',
  level: 'high',
  kinds: ['function', 'static'],
  example: 'include/demo.h: int demo_clamp(int v); Rust: fn demo_clamp(v: i64) -> i64',
  rationale:
    'memory safety: a consumer calls the function with the arguments the declaration says, and Rust reads others (truncated, sign-flipped or garbage values)',
  checklist:
    'the header or preamble is regenerated from the Rust source, and every consumer rebuilt against it',
  evidence: 'none: always open',
  check() {
    return [];
  },
};
