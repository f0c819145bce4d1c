import type { FindingRule } from '../rule';

/**
 * The Rust library exports a symbol that no committed header or cgo preamble declares, while
 * other exports of the crate are declared (SPEC §11). Reported by the consumers' contract check
 * (src/app/consumers.ts): the per-item check finds nothing.
 */
export const undeclaredExport: FindingRule = {
  id: 'undeclared-export',
  level: 'medium',
  kinds: ['function', 'static'],
  example: '#[no_mangle] pub extern "C" fn demo_reset() exported, declared in no committed header',
  rationale:
    'contract: an export the header does not declare is surface nobody reviews as API, and consumers re-declare it by hand',
  checklist:
    'the export is added to the header named (regenerate it), or it is not meant to be exported and the export attribute is removed',
  evidence: 'none: always open',
  check() {
    return [];
  },
};
