import type { CrateSurface } from '../../model';
import type { FindingRule } from '../rule';

/**
 * Where the search looked: `searched 4 Rust, 3 C/C++, 1 Go and 0 Python (ctypes/cffi) test, bench,
 * fuzz and example files, and `#[cfg(test)]` code`.
 */
export function searchedPlaces(crate: CrateSurface): string {
  const s = crate.testSearch;
  const counts = s
    ? `${s.rust} Rust, ${s.c} C/C++, ${s.go} Go and ${s.python} Python (ctypes/cffi)`
    : 'Rust, C/C++, Go and Python (ctypes/cffi)';
  return `searched ${counts} test, bench, fuzz and example files, and \`#[cfg(test)]\` code`;
}

/** The symbol is named nowhere in tests (only when test coverage was searched). */
export const untestedExport: FindingRule = {
  id: 'untested-export',
  level: 'low',
  kinds: ['function', 'static'],
  rationale:
    'hygiene: an export that no test, bench, fuzz target or example in any language names has had its boundary behaviour exercised by nobody',
  example: 'fn ping() -> c_int, named in no Rust, C/C++, Go or Python test',
  checklist: 'a test or fuzz target covers the export, including its error and NULL paths',
  evidence: 'none: always open',
  check(item, ctx) {
    if ((item.kind !== 'function' && item.kind !== 'static') || item.tested !== false) return [];
    return [{ message: `\`${item.name}\` is named in no test (${searchedPlaces(ctx.crate)})` }];
  },
};
