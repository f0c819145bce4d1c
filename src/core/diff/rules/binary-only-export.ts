import type { ChangeRule } from '../rule';

/**
 * Emitted for `binaryOnly[]` entries of the head (`--binary`) that the base does not have. Shown
 * to the reviewer but not part of the approval digest or the required bump: on a pull request the
 * artifact comes from a build of the pull request's own code. `release-check --binary` fails on
 * them unless `binary-exports.allow` lists them.
 */
export const binaryOnlyExport: ChangeRule = {
  id: 'binary-only-export',
  severity: 'addition',
  rationale:
    'The built library exports a symbol no source surface explains (a proc macro, build.rs output, a linked dependency): attack surface the source review cannot see.',
  example: '(absent) → nm -D libdemo.so: T gen_alpha (made by a proc macro)',
  kinds: [],
  check: () => [],
};
