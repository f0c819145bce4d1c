import type { ChangeRule } from '../rule';
import { relateTypes } from '../rule';
import { canonicalItem } from '../../digest';

export const typeSpellingChanged: ChangeRule = {
  id: 'type-spelling-changed',
  severity: 'non-abi',
  rationale:
    'c_int ↔ i32, size_t ↔ usize and the like are the same type on every target Rust supports: the header text changes, the ABI does not.',
  example: 'fn f(x: c_int) → fn f(x: i32)',
  kinds: ['function', 'import', 'static', 'struct', 'union', 'type', 'const'],
  check: (before, after) => {
    if (!before || !after || before.kind !== after.kind) return [];
    const a = JSON.stringify(canonicalItem(before));
    const b = JSON.stringify(canonicalItem(after));
    if (a === b) return [];
    // only when every difference between the two canonical forms is a same-everywhere spelling
    const ta = a.match(/"(?:[^"\\]|\\.)*"|[^"]+/g) ?? [];
    const tb = b.match(/"(?:[^"\\]|\\.)*"|[^"]+/g) ?? [];
    if (ta.length !== tb.length) return [];
    let spelling = false;
    for (let i = 0; i < ta.length; i++) {
      if (ta[i] === tb[i]) continue;
      if (relateTypes(ta[i], tb[i]) !== 'spelling') return [];
      spelling = true;
    }
    return spelling ? ['type spelled differently (same type on every target)'] : [];
  },
};
