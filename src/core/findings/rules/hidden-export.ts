import type { FindingRule } from '../rule';

/** Exported although the item is not `pub`: the export attribute makes a symbol whatever the visibility. */
export const hiddenExport: FindingRule = {
  id: 'hidden-export',
  level: 'low',
  kinds: ['function', 'static'],
  rationale:
    'hygiene: `#[no_mangle]` exports a symbol whatever the visibility, so a private helper silently becomes attack surface',
  example: 'mod inner { #[no_mangle] extern "C" fn helper() {} }',
  checklist: 'the export is intended (make the item `pub` to say so), or the export attribute is removed',
  evidence: 'none: always open',
  check(item) {
    if ((item.kind !== 'function' && item.kind !== 'static') || item.visibility === 'pub') return [];
    const vis = item.visibility === 'private' ? 'private' : `only \`${item.visibility}\``;
    const via = item.macro ? ` (made by macro \`${item.macro}!\`)` : '';
    return [
      {
        message: `\`${item.name}\` is ${vis}${via}, yet its export attribute makes it a public symbol of the library`,
      },
    ];
  },
};
