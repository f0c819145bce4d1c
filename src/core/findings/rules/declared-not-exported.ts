import type { FindingRule } from '../rule';

/**
 * A committed header or cgo preamble declares a symbol the Rust library does not export (SPEC
 * §11). Reported by the consumers' contract check (src/app/consumers.ts), which sees the headers:
 * the per-item check finds nothing.
 */
export const declaredNotExported: FindingRule = {
  id: 'declared-not-exported',
  level: 'high',
  kinds: ['function', 'static'],
  example: 'include/demo.h:12 declares void demo_free(Demo *); no Rust export is named demo_free',
  rationale:
    'memory safety: a consumer compiled against the declaration fails to link, or binds to whatever other library defines the name',
  checklist:
    'the declaration is removed from the header or preamble (regenerate it), or the Rust export is restored',
  evidence: 'none: always open',
  check() {
    return [];
  },
};
