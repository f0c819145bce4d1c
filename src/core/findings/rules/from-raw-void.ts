import type { FindingRule } from '../rule';
import { parseType } from '../../rust/type-syntax';

/** `Box::from_raw` on a `*mut c_void` parameter (or a cast of one). */
export const fromRawVoid: FindingRule = {
  id: 'from-raw-void',
  level: 'high',
  kinds: ['function'],
  rationale:
    'memory safety: a `c_void` pointer carries no type; rebuilding a `Box` from it trusts the caller to pass exactly what this library allocated as that type, and anything else is freed with the wrong layout',
  example: 'fn engine_free(p: *mut c_void) { drop(Box::from_raw(p as *mut Engine)) }',
  checklist:
    'take a typed pointer (`*mut Engine`) so C sees a distinct handle type, or document and check (a tag or magic field) that the pointer came from this library as that type',
  evidence: 'none: always open',
  check(item) {
    if (item.kind !== 'function') return [];
    const calls = item.body.boxFromRaw ?? [];
    if (calls.length === 0) return [];
    const voids = new Map<string, string>();
    for (const p of item.params) {
      const t = parseType(p.type);
      if (t.k === 'ptr' && t.to.k === 'path' && t.to.name === 'c_void') voids.set(p.name, p.type);
    }
    const out = [];
    const seen = new Set<string>();
    for (const c of calls) {
      const type = voids.get(c.arg);
      if (type === undefined || seen.has(c.arg)) continue;
      seen.add(c.arg);
      out.push({
        message: `\`Box::from_raw\` rebuilds a \`Box\` from parameter \`${c.arg}\` (\`${type}\`): nothing checks what the caller passed`,
        line: c.line,
      });
    }
    return out;
  },
};
