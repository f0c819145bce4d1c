import type { ChangeRule } from '../rule';

export const structFieldRenamed: ChangeRule = {
  id: 'struct-field-renamed',
  severity: 'non-abi',
  rationale: 'Same position, same type: the layout is unchanged, only the header text differs.',
  example: 'struct S { len: usize } → struct S { size: usize }',
  kinds: ['struct', 'union'],
  check: (before, after) => {
    if (
      !before ||
      !after ||
      (before.kind !== 'struct' && before.kind !== 'union') ||
      before.kind !== after.kind
    )
      return [];
    const out: string[] = [];
    const had = new Set(before.fields.map((x) => x.name));
    const has = new Set(after.fields.map((x) => x.name));
    before.fields.forEach((f, i) => {
      const g = after.fields[i];
      if (g && g.name !== f.name && g.type === f.type && !has.has(f.name) && !had.has(g.name))
        out.push(`field ${i + 1} renamed from ${f.name} to ${g.name}`);
    });
    return out;
  },
};
