import type { FindingRule } from '../rule';

/** An `unsafe` export whose doc comment has no `# Safety` section. */
export const missingSafetyDoc: FindingRule = {
  id: 'missing-safety-doc',
  level: 'medium',
  kinds: ['function'],
  rationale:
    'documentation: an `unsafe` export without a `# Safety` section leaves the obligations of its callers unwritten',
  example: '/// Frees the buffer. + pub unsafe extern "C" fn buf_free(p: *mut u8)',
  checklist:
    'the contract (pointer validity, lifetimes, threads, ownership) is written down in a `# Safety` doc section',
  evidence: 'none: always open',
  check(item) {
    if (item.kind !== 'function' || !item.unsafe || item.doc.safety) return [];
    const why = item.doc.present ? 'its doc comment has no `# Safety` section' : 'it has no doc comment';
    return [{ message: `\`unsafe\` export \`${item.name}\`: ${why}` }];
  },
};
