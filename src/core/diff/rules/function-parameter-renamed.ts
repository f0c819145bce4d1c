import type { ChangeRule } from '../rule';

export const functionParameterRenamed: ChangeRule = {
  id: 'function-parameter-renamed',
  severity: 'non-abi',
  rationale: 'Parameter names are not part of the C ABI; generated headers change, callers do not.',
  example: 'fn f(len: usize) → fn f(size: usize)',
  kinds: ['function', 'import'],
  check: (before, after) => {
    if (
      !before ||
      !after ||
      (before.kind !== 'function' && before.kind !== 'import') ||
      before.kind !== after.kind
    )
      return [];
    const a = before.params ?? [];
    const b = after.params ?? [];
    if (a.length !== b.length) return [];
    const out: string[] = [];
    // the types each name has after: one lookup per parameter, not a scan of all of them
    const typesOf = new Map<string, Set<string>>();
    for (const p of b) typesOf.set(p.name, (typesOf.get(p.name) ?? new Set<string>()).add(p.type));
    for (let i = 0; i < a.length; i++) {
      if (a[i].name !== b[i].name && a[i].type === b[i].type && !typesOf.get(a[i].name)?.has(a[i].type))
        out.push(`parameter ${i + 1} renamed from ${a[i].name} to ${b[i].name}`);
    }
    return out;
  },
};
