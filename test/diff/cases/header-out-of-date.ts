/**
 * The old/new pairs of the `header-out-of-date` change rule and everything each yields (run by
 * ../rules.test.ts, which runs the consumers' contract check on both sides of a case with headers).
 */
import { fn, type RuleCase } from '../helpers';

const H = (body: string): Record<string, string> => ({
  'include/demo.h': `#include <stdint.h>\n${body}\n`,
});

const FEATURES = '[package]\nname = "demo"\nversion = "1.0.0"\nedition = "2021"\n[features]\nextra = []\n';

export const cases: RuleCase[] = [
  {
    shows: 'a parameter added in Rust, the committed header not regenerated: both file:line sides',
    before: fn('#[no_mangle] pub extern "C" fn add(a: i32, b: i32) -> i32 { a + b }'),
    after: fn('#[no_mangle] pub extern "C" fn add(a: i32, b: i32, c: i32) -> i32 { a + b + c }'),
    extraBefore: H('int32_t add(int32_t a, int32_t b);'),
    extraAfter: H('int32_t add(int32_t a, int32_t b);'),
    expect: [
      ['function-parameters-changed', 'breaking', 'add'],
      ['header-out-of-date', 'breaking', 'add'],
    ],
    messages: [
      '`add` in include/demo.h now disagrees with Rust: declared at include/demo.h:2 with 2 parameters, defined at src/lib.rs:2 with 3: callers pass the wrong arguments; regenerate the header',
    ],
  },
  {
    shows: 'the same edit with the header regenerated: only the Rust change',
    before: fn('#[no_mangle] pub extern "C" fn add(a: i32, b: i32) -> i32 { a + b }'),
    after: fn('#[no_mangle] pub extern "C" fn add(a: i32, b: i32, c: i32) -> i32 { a + b + c }'),
    extraBefore: H('int32_t add(int32_t a, int32_t b);'),
    extraAfter: H('int32_t add(int32_t a, int32_t b, int32_t c);'),
    expect: [['function-parameters-changed', 'breaking', 'add']],
  },
  {
    shows: 'an export removed that the header still declares: a link failure for its callers',
    before: fn(
      '#[no_mangle] pub extern "C" fn keep() {}\n#[no_mangle] pub extern "C" fn version() -> u32 { 1 }',
    ),
    after: fn('#[no_mangle] pub extern "C" fn keep() {}'),
    extraBefore: H('void keep(void);\nuint32_t version(void);'),
    extraAfter: H('void keep(void);\nuint32_t version(void);'),
    expect: [
      ['function-removed', 'breaking', 'version'],
      ['header-out-of-date', 'breaking', 'version'],
    ],
    messages: [
      '`version` in include/demo.h now disagrees with Rust: declared at include/demo.h:3 but exported by no Rust code: a consumer that calls it fails to link; regenerate the header',
    ],
  },
  {
    shows: 'a repr(C) field retyped, the header struct left as it was: the field line and the struct line',
    before: fn(
      '#[repr(C)]\npub struct Point { pub x: i32, pub y: i32 }\n#[no_mangle] pub extern "C" fn area(p: *const Point) -> i32 { 0 }',
    ),
    after: fn(
      '#[repr(C)]\npub struct Point { pub x: i32, pub y: i64 }\n#[no_mangle] pub extern "C" fn area(p: *const Point) -> i32 { 0 }',
    ),
    extraBefore: H(
      'typedef struct Point {\n  int32_t x;\n  int32_t y;\n} Point;\nint32_t area(const Point *p);',
    ),
    extraAfter: H(
      'typedef struct Point {\n  int32_t x;\n  int32_t y;\n} Point;\nint32_t area(const Point *p);',
    ),
    expect: [
      ['header-out-of-date', 'breaking', 'Point'],
      ['struct-layout-changed', 'breaking', 'Point'],
    ],
    messages: [
      'the struct `Point` in include/demo.h now disagrees with Rust: field 2 (y) is `int32_t` at include/demo.h:4 and `i64` at src/lib.rs:3 (size; LP64, LLP64): consumers read the wrong value; regenerate the header',
    ],
  },
  {
    shows: 'two fields swapped in the header by hand: the order, on the struct',
    before: fn(
      '#[repr(C)]\npub struct Size { pub w: u32, pub h: u32 }\n#[no_mangle] pub extern "C" fn fit(s: *const Size) {}',
    ),
    after: fn(
      '#[repr(C)]\npub struct Size { pub w: u32, pub h: u32 }\n#[no_mangle] pub extern "C" fn fit(s: *const Size) {}',
    ),
    extraBefore: H('struct Size {\n  uint32_t w;\n  uint32_t h;\n};\nvoid fit(const struct Size *s);'),
    extraAfter: H('struct Size {\n  uint32_t h;\n  uint32_t w;\n};\nvoid fit(const struct Size *s);'),
    expect: [['header-out-of-date', 'breaking', 'Size']],
    messages: [
      'the struct `Size` in include/demo.h now disagrees with Rust: fields h, w at include/demo.h:2, w, h at src/lib.rs:3: consumers read one field as another; regenerate the header',
    ],
  },
  {
    shows:
      'a header split by #ifdef _WIN32 (a 4-byte long on Windows): c_long to i64 breaks only the Windows declaration',
    before: fn('#[no_mangle] pub extern "C" fn seek(off: c_long) {}'),
    after: fn('#[no_mangle] pub extern "C" fn seek(off: i64) {}'),
    extraBefore: H('#ifdef _WIN32\nvoid seek(int32_t off);\n#else\nvoid seek(int64_t off);\n#endif'),
    extraAfter: H('#ifdef _WIN32\nvoid seek(int32_t off);\n#else\nvoid seek(int64_t off);\n#endif'),
    expect: [
      ['header-out-of-date', 'potentially-breaking', 'seek'],
      ['platform-width-changed', 'potentially-breaking', 'seek'],
    ],
    messages: [
      '`seek` in include/demo.h now disagrees with Rust: parameter 1 is `int32_t` at include/demo.h:3 and `i64` at src/lib.rs:2 (size; LLP64): consumers read the wrong value; regenerate the header',
    ],
  },
  {
    shows:
      'a cbindgen #if block declaring an export behind a feature the analysis leaves off: no link failure, no change',
    before: fn(
      '#[no_mangle] pub extern "C" fn keep() {}\n#[cfg(feature = "extra")]\n#[no_mangle] pub extern "C" fn extra() {}',
    ),
    after: fn(
      '#[no_mangle] pub extern "C" fn keep() {}\n#[cfg(feature = "extra")]\n#[no_mangle] pub extern "C" fn extra() {}',
    ),
    extraBefore: { ...H('void keep(void);'), 'Cargo.toml': FEATURES },
    extraAfter: {
      ...H('void keep(void);\n#if defined(DEFINE_EXTRA)\nvoid extra(void);\n#endif'),
      'Cargo.toml': FEATURES,
    },
    expect: [],
  },
];
