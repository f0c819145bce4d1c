import type { FindingRule } from '../rule';

/** The symbol is named nowhere in tests (only when test coverage was searched). */
export const untestedExport: FindingRule = {
  id: 'untested-export',
  level: 'low',
  kinds: ['function', 'static'],
  rationale:
    'hygiene: an export that no test, bench or fuzz target names has had its boundary behaviour exercised by nobody',
  checklist: 'a test or fuzz target covers the export, including its error and NULL paths',
  check(item) {
    if ((item.kind !== 'function' && item.kind !== 'static') || item.tested !== false) return [];
    return [
      {
        message: `\`${item.name}\` is named in no test, bench, fuzz target, \`#[cfg(test)]\` code or Go \`_test.go\` file`,
      },
    ];
  },
};
