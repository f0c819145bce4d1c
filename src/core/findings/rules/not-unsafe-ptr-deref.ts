import type { FindingRule } from '../rule';

/** A safe export whose body dereferences one of its raw-pointer parameters. */
export const notUnsafePtrDeref: FindingRule = {
  id: 'not-unsafe-ptr-deref',
  level: 'high',
  kinds: ['function'],
  rationale:
    'memory safety: a safe fn that dereferences a raw-pointer parameter is unsound, because safe Rust may call it with any pointer',
  example: 'pub extern "C" fn read(p: *const u32) -> u32 { unsafe { *p } }',
  checklist:
    'the function is declared `unsafe` with a `# Safety` contract stating what the pointer must satisfy',
  evidence: 'none: always open',
  check(item) {
    if (item.kind !== 'function' || item.unsafe) return [];
    const typeOf = new Map<string, string>();
    for (const p of item.params) if (!typeOf.has(p.name)) typeOf.set(p.name, p.type); // the first, like `find`
    return item.body.derefs.map((name) => {
      const type = typeOf.get(name) ?? 'raw pointer';
      return {
        message: `safe export dereferences raw-pointer parameter \`${name}\` (\`${type}\`): nothing stops a caller passing a dangling pointer`,
      };
    });
  },
};
