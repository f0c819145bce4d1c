/**
 * The library's identity as surface (SPEC section 2, issue 18): its file name (`[lib] name`) and
 * whether a `cdylib` / `staticlib` is built. Compared per crate present on both sides.
 */
import { isLinkedType } from '../digest';
import type { CrateSurface } from '../model';
import type { Change } from '../report';
import { changeRule } from './catalogue';

const fileNames = (lib: string, types: string[]): string =>
  types
    .map((t) => (t === 'cdylib' ? `lib${lib}.so / lib${lib}.dylib / ${lib}.dll` : `lib${lib}.a / ${lib}.lib`))
    .join(', ');

export function libraryChanges(
  crate: string,
  base: CrateSurface | null,
  head: CrateSurface | null,
): Change[] {
  if (!base?.lib || !head?.lib) return [];
  const before = base.lib.crateTypes.filter(isLinkedType);
  const after = head.lib.crateTypes.filter(isLinkedType);
  const out: Change[] = [];
  const change = (id: string, b: string | null, a: string | null, message: string): Change => {
    const rule = changeRule(id);
    return {
      rule: rule.id,
      severity: rule.severity,
      kind: 'unknown',
      name: head.lib?.name ?? crate,
      crate,
      file: head.manifest,
      line: 1,
      before: b,
      after: a,
      message,
    };
  };
  const kept = before.filter((t) => after.includes(t));
  if (base.lib.name !== head.lib.name && kept.length)
    out.push(
      change(
        'library-renamed',
        `[lib] name = "${base.lib.name}"`,
        `[lib] name = "${head.lib.name}"`,
        `the library is renamed from ${base.lib.name} to ${head.lib.name}: consumers link against ${fileNames(head.lib.name, kept)} instead of ${fileNames(base.lib.name, kept)}`,
      ),
    );
  for (const t of before.filter((x) => !after.includes(x)))
    out.push(
      change(
        'crate-type-removed',
        `crate-type ${t}`,
        null,
        `${t} is no longer built: ${fileNames(base.lib.name, [t])} is gone`,
      ),
    );
  for (const t of after.filter((x) => !before.includes(x)))
    out.push(
      change(
        'crate-type-added',
        null,
        `crate-type ${t}`,
        `${t} is now built: ${fileNames(head.lib.name, [t])}`,
      ),
    );
  return out;
}
