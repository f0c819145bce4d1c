import type { ChangeRule } from '../rule';

/** Emitted by the diff engine when `[lib] name` changes on a crate that builds a cdylib or staticlib. */
export const libraryRenamed: ChangeRule = {
  id: 'library-renamed',
  severity: 'breaking',
  rationale:
    'The library file consumers link against is renamed (libdemo.so → libdemo_ffi.so): every -ldemo, dlopen and cgo LDFLAGS breaks.',
  example: '[lib] name = "demo" → [lib] name = "demo_ffi"',
  kinds: [],
  check: () => [],
};
