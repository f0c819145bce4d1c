/**
 * untested-export counts tests in C/C++, Go and Python (ctypes/cffi) as well as Rust, and says
 * where it looked. Sources go through the real extractor (test search included).
 */
import {
  extractSurface,
  isTestFile,
  MAX_TEST_FILES,
  testFileLanguage,
} from '../../src/core/extract/extract-surface';
import { loadRustParser } from '../../src/adapters/tree-sitter-parser';
import { MemoryTree, ReadResult } from '../../src/core/source-tree';
import { crateFiles, DEFAULT_FEATURES } from '../support/extract';
import { byRule, findingsOf, Fixture } from './helpers';

const LIB = '#[no_mangle]\npub extern "C" fn rustls_client_new() -> c_int { 1 }\n';

async function untested(files: Record<string, string>): Promise<string[]> {
  const fx: Fixture = { lib: LIB, files };
  return byRule(await findingsOf(fx), 'untested-export').map((f) => f.message);
}

describe('untested-export searches tests in every language', () => {
  it.each([
    [
      'C',
      { 'librustls/tests/client.c': '#include "rustls.h"\nint main(void) { return rustls_client_new(); }\n' },
    ],
    ['C++', { 'tests/client.cpp': 'int main() { return rustls_client_new(); }\n' }],
    ['a C header of a bench', { 'benches/common.h': 'int rustls_client_new(void);\n' }],
    [
      'Go _test.go',
      {
        'go/client_test.go':
          'package c\n// #include "rustls.h"\nimport "C"\nfunc TestNew(t *testing.T) { C.rustls_client_new() }\n',
      },
    ],
    [
      'Go example',
      { 'examples/main.go': 'package main\nimport "C"\nfunc main() { C.rustls_client_new() }\n' },
    ],
    [
      'Python ctypes',
      {
        'python/test_client.py':
          'import ctypes\nlib = ctypes.CDLL("librustls.so")\nassert lib.rustls_client_new() == 1\n',
      },
    ],
    [
      'Python cffi',
      {
        'py/client_test.py': 'from cffi import FFI\nffi = FFI()\nffi.cdef("int rustls_client_new(void);")\n',
      },
    ],
    [
      'a Rust fuzz target',
      { 'fuzz/fuzz_targets/client.rs': 'fn main() { unsafe { rustls_client_new() }; }\n' },
    ],
  ])('a call in %s makes the export tested', async (_what, files) => {
    expect(await untested(files)).toEqual([]);
  });

  it.each([
    ['C outside test directories', { 'src/shim.c': 'int f(void) { return rustls_client_new(); }\n' }],
    [
      'Python without ctypes or cffi',
      { 'tests/test_client.py': 'def test_x():\n    assert "rustls_client_new"\n' },
    ],
    ['Go that is not a test', { 'go/client.go': 'package c\nfunc New() { C.rustls_client_new() }\n' }],
    [
      'a longer identifier in C',
      { 'tests/client.c': 'int main(void) { return rustls_client_new_with_config(); }\n' },
    ],
  ])('%s does not count, and the message says where it looked', async (_what, files) => {
    const got = await untested(files);
    expect(got).toHaveLength(1);
    expect(got[0]).toContain('`rustls_client_new` is named in no test');
    expect(got[0]).toMatch(
      /searched \d+ Rust, \d+ C\/C\+\+, \d+ Go and \d+ Python \(ctypes\/cffi\) test, bench, fuzz and example files/,
    );
  });

  it('counts the files searched per language', async () => {
    const got = await untested({
      'tests/a.c': 'int x;\n',
      'tests/b.h': 'int y;\n',
      'examples/c.go': 'package main\n',
      'tests/test_d.py': 'import ctypes\n',
      'tests/test_e.py': 'import os\n',
      'tests/f.rs': 'fn main() {}\n',
    });
    expect(got).toEqual([
      expect.stringContaining('searched 1 Rust, 2 C/C++, 1 Go and 1 Python (ctypes/cffi) test'),
    ]);
  });

  it('classifies paths', () => {
    expect(testFileLanguage('librustls/tests/client.c')).toBe('c');
    expect(testFileLanguage('fuzz/harness.cc')).toBe('c');
    expect(testFileLanguage('example/demo.hpp')).toBe('c');
    expect(testFileLanguage('src/tests.c')).toBeNull();
    expect(testFileLanguage('tests')).toBeNull();
    expect(testFileLanguage('a_test.go')).toBe('go');
    expect(testFileLanguage('examples/x/main.go')).toBe('go');
    expect(testFileLanguage('pkg/main.go')).toBeNull();
    expect(testFileLanguage('test_x.py')).toBe('python');
    expect(testFileLanguage('x/y_test.py')).toBe('python');
    expect(testFileLanguage('x/helper.py')).toBeNull();
    expect(testFileLanguage('crate/tests/it.rs')).toBe('rust');
    expect(testFileLanguage('crate/src/lib.rs')).toBeNull();
    expect(isTestFile('benches/b.rs')).toBe(true);
  });

  it(`reads at most ${MAX_TEST_FILES} test files and says so`, async () => {
    const files: Record<string, string> = crateFiles('use std::os::raw::c_int;\n' + LIB);
    for (let i = 0; i <= MAX_TEST_FILES; i++) files[`tests/t${String(i).padStart(6, '0')}.c`] = '';
    // only the file sorted last names the export: it is beyond the cap
    files[`tests/t${String(MAX_TEST_FILES).padStart(6, '0')}.c`] = 'rustls_client_new();\n';
    let reads = 0;
    class Counting extends MemoryTree {
      override async read(path: string, maxBytes: number): Promise<ReadResult> {
        if (path.endsWith('.c')) reads++;
        return super.read(path, maxBytes);
      }
    }
    const parser = await loadRustParser();
    const s = await extractSurface(new Counting(files), parser, {
      features: DEFAULT_FEATURES,
      testCoverage: true,
    });
    expect(reads).toBe(MAX_TEST_FILES);
    const item = s.crates[0].items.find((i) => i.name === 'rustls_client_new');
    expect(item && 'tested' in item ? item.tested : undefined).toBe(false);
    expect(s.diagnostics.map((d) => d.code)).toContain('test-search-incomplete');
  });
});
