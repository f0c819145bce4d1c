/**
 * rustc is the oracle of `dangling-pointer-return` on temporaries: its
 * `dangling_pointers_from_temporaries` lint must fire on exactly the lines the rule flags, for the
 * temporary forms (locals are the rule's own extension: rustc 1.95 does not lint them).
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describeWithTools, hasTool, tempDir } from '../support/debian-tools';
import { byRule, findingsOf } from './helpers';

const PRELUDE = 'use std::os::raw::{c_char, c_int, c_void};\n';

const LIB = [
  'use std::ffi::{CStr, CString};',
  'static VERSION: &[u8] = b"1.0\\0";',
  '#[no_mangle]',
  'pub extern "C" fn t_cstring() -> *const c_char {',
  '    CString::new("hello").unwrap_or_default().as_ptr()',
  '}',
  '#[no_mangle]',
  'pub extern "C" fn t_string() -> *const u8 {',
  '    unsafe { String::from("x").as_ptr() }',
  '}',
  '#[no_mangle]',
  'pub extern "C" fn t_vec() -> *const u8 {',
  '    return Vec::<u8>::new().as_ptr();',
  '}',
  '#[no_mangle]',
  'pub extern "C" fn t_vec_mut() -> *mut u8 {',
  '    vec![1u8, 2].as_mut_ptr()',
  '}',
  '#[no_mangle]',
  'pub extern "C" fn s_into_raw() -> *mut c_char {',
  '    CString::new("hello").unwrap_or_default().into_raw()',
  '}',
  '#[no_mangle]',
  'pub extern "C" fn s_static() -> *const u8 {',
  '    VERSION.as_ptr()',
  '}',
  '#[no_mangle]',
  'pub extern "C" fn s_borrowed() -> *const c_char {',
  '    CStr::from_bytes_with_nul(b"x\\0").unwrap().as_ptr()',
  '}',
  '#[no_mangle]',
  'pub extern "C" fn s_unused(n: c_int, p: *mut c_void) -> c_int { let _ = p; n }',
  '',
].join('\n');

interface RustcMessage {
  code?: { code: string } | null;
  spans?: { line_start: number; is_primary: boolean }[];
}

describeWithTools(hasTool('rustc', ['--version']))('rustc is the oracle of dangling-pointer-return', () => {
  it('flags exactly the lines rustc lints as dangling pointers from temporaries', async () => {
    const dir = tempDir('dangling-oracle');
    try {
      const src = path.join(dir, 'lib.rs');
      fs.writeFileSync(src, PRELUDE + LIB);
      const r = spawnSync(
        'rustc',
        [
          '--edition',
          '2021',
          '--crate-type',
          'lib',
          '--emit=metadata',
          '--error-format=json',
          '-o',
          path.join(dir, 'lib.rmeta'),
          src,
        ],
        { encoding: 'utf8' },
      );
      expect(r.status).toBe(0);
      const linted = r.stderr
        .split('\n')
        .filter((l) => l.startsWith('{'))
        .map((l) => JSON.parse(l) as RustcMessage)
        .filter((m) => m.code?.code === 'dangling_pointers_from_temporaries')
        .map((m) => m.spans?.find((s) => s.is_primary)?.line_start)
        .sort();
      const ours = byRule(await findingsOf({ lib: LIB }), 'dangling-pointer-return')
        .map((f) => f.line)
        .sort();
      expect(linted).toHaveLength(4);
      expect(ours).toEqual(linted);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
