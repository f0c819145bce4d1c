/**
 * The finer points of each rule: the most specific rule wins, the heuristics (length pairing,
 * owned returns, destructor names, panic boundaries) and the FFI-safety table.
 */
import { byRule, findingsOf } from './helpers';

const SAFETY = '/// # Safety\n/// Valid pointers.\n';
const exp = (sig: string, body = '{}') => `${SAFETY}#[no_mangle]\npub unsafe extern "C" fn ${sig} ${body}\n`;

async function rulesFor(
  lib: string,
  rules: string[],
  files: Record<string, string> = {},
): Promise<[string, string][]> {
  const fs = await findingsOf({ lib, files });
  return fs.filter((f) => rules.includes(f.rule)).map((f) => [f.rule, f.message]);
}

const POINTER_RULES = ['raw-pointer-param', 'c-string-param', 'buffer-param'];

describe('pointer parameters get exactly one, most specific, finding', () => {
  it('a C string is not also a raw pointer', async () => {
    expect(await rulesFor(exp('f(s: *const c_char)'), POINTER_RULES)).toEqual([
      ['c-string-param', 'parameter `s` is a C string `*const c_char`'],
    ]);
  });
  it('an array of C strings is a C-string finding', async () => {
    expect(await rulesFor(exp('f(argv: *const *const c_char)'), POINTER_RULES)).toEqual([
      ['c-string-param', 'parameter `argv` is a pointer to C strings `*const *const c_char`'],
    ]);
  });
  it('a pointer with a length is a buffer, not a raw pointer', async () => {
    expect(await rulesFor(exp('f(data: *const u8, flags: u32, data_len: usize)'), POINTER_RULES)).toEqual([
      ['buffer-param', 'parameter `data` is a raw pointer `*const u8` with length `data_len` (`usize`)'],
    ]);
  });
  it('pairs a length before the pointer and an in-out length pointer', async () => {
    expect(await rulesFor(exp('f(n: usize, xs: *const f64)'), POINTER_RULES)).toEqual([
      ['buffer-param', 'parameter `xs` is a raw pointer `*const f64` with length `n` (`usize`)'],
    ]);
    expect(await rulesFor(exp('f(out: *mut u8, out_len: *mut usize)'), POINTER_RULES)).toEqual([
      ['buffer-param', 'parameter `out` is a raw pointer `*mut u8` with length `out_len` (`*mut usize`)'],
      ['raw-pointer-param', 'parameter `out_len` is a raw pointer `*mut usize`'],
    ]);
  });
  it('a C string with a length is a buffer', async () => {
    expect(await rulesFor(exp('f(s: *const c_char, len: usize)'), POINTER_RULES)).toEqual([
      ['buffer-param', 'parameter `s` is a raw pointer `*const c_char` with length `len` (`usize`)'],
    ]);
  });
  it('a handle next to a buffer stays a raw pointer; each length pairs once', async () => {
    expect(
      await rulesFor(exp('f(ctx: *mut c_void, a: *const u8, len: usize, b: *mut u8)'), POINTER_RULES),
    ).toEqual([
      ['buffer-param', 'parameter `a` is a raw pointer `*const u8` with length `len` (`usize`)'],
      ['raw-pointer-param', 'parameter `b` is a raw pointer `*mut u8`'],
      ['raw-pointer-param', 'parameter `ctx` is a raw pointer `*mut c_void`'],
    ]);
  });
  it('Option<NonNull<T>> is a raw pointer by another name', async () => {
    expect(
      await rulesFor(`pub struct W;\n${exp('f(w: Option<std::ptr::NonNull<W>>)')}`, POINTER_RULES),
    ).toEqual([['raw-pointer-param', 'parameter `w` is a raw pointer `Option<NonNull<W>>`']]);
  });
  it('fat raw pointers are left to not-ffi-safe', async () => {
    expect(await rulesFor(exp('f(s: *const str)'), [...POINTER_RULES, 'not-ffi-safe'])).toEqual([
      [
        'not-ffi-safe',
        'parameter `s` is not FFI-safe: `*const str` is a fat pointer (address and length), which C has no type for',
      ],
    ]);
  });
});

describe('not-unsafe-ptr-deref sees every way of dereferencing', () => {
  const bodies: [string, string, string][] = [
    ['f(p: *const c_char) -> usize', '{ unsafe { std::ffi::CStr::from_ptr(p).to_bytes().len() } }', 'p'],
    [
      'f(p: *const u8, n: usize) -> u8',
      '{ let s = unsafe { std::slice::from_raw_parts(p.cast::<u8>(), n) }; s.iter().sum() }',
      'p',
    ],
    ['f(p: *const u32) -> u32', '{ unsafe { p.as_ref() }.copied().unwrap_or(0) }', 'p'],
    ['f(p: *mut u32)', '{ unsafe { drop(Box::from_raw(p)) } }', 'p'],
    ['f(p: *const u32) -> u32', '{ unsafe { p.add(1).read() } }', 'p'],
    ['f(p: *const u32) -> u32', '{ let r = unsafe { &*(p as *const u32) }; *r }', 'p'],
    ['f(p: *mut u32)', '{ unsafe { std::ptr::write::<u32>(p, 1) } }', 'p'],
  ];
  it.each(bodies)('safe fn %s %s', async (sig, body, param) => {
    const lib = `#[no_mangle]\npub extern "C" fn ${sig} ${body}\n`;
    const hits = byRule(await findingsOf({ lib }), 'not-unsafe-ptr-deref');
    expect(hits.map((h) => h.message)).toEqual([
      expect.stringContaining(`raw-pointer parameter \`${param}\``),
    ]);
  });
  it('a safe fn that only passes the pointer on is not flagged', async () => {
    const lib = `#[no_mangle]\npub extern "C" fn f(p: *const u32) -> bool { p.is_null() }\n`;
    expect(byRule(await findingsOf({ lib }), 'not-unsafe-ptr-deref')).toEqual([]);
  });
});

describe('missing-destructor', () => {
  const PARSER = 'pub struct Parser { d: u32 }\n';
  const NEW = '#[no_mangle]\npub extern "C" fn parser_new() -> *mut Parser { std::ptr::null_mut() }\n';
  const flagged = async (lib: string) =>
    byRule(await findingsOf({ lib }), 'missing-destructor').map((f) => f.symbol);

  it.each([
    ['Option<Box<Parser>>', `#[no_mangle]\npub extern "C" fn parser_free(_p: Option<Box<Parser>>) {}\n`],
    ['*mut *mut Parser', exp('parser_destroy(p: *mut *mut Parser)')],
    ['camelCase ParserRelease', exp('ParserRelease(p: *mut Parser)')],
    ['free_ prefix', exp('free_parser(p: *mut Parser)')],
    [
      'a *mut c_void free whose doc names Parser',
      `/// Frees a \`Parser\`.\n${exp('lib_free(p: *mut c_void)')}`,
    ],
  ])('is satisfied by a destructor taking %s', async (_label, destructor) => {
    expect(await flagged(PARSER + NEW + destructor)).toEqual([]);
  });
  it('is not satisfied by a destructor of another type, a non-destructor taking the type, or an undocumented c_void free', async () => {
    const other =
      'pub struct Lexer;\n' +
      exp('lexer_free(p: *mut Lexer)') +
      exp('parser_reset(p: *mut Parser)') +
      exp('lib_free(p: *mut c_void)');
    expect(await flagged(PARSER + NEW + other)).toEqual(['parser_new']);
  });
  it('flags an owned string and a Box return, spares borrowed and accessor returns', async () => {
    const lib =
      PARSER +
      '#[no_mangle]\npub extern "C" fn parser_to_string(p: *const Parser) -> *mut c_char { std::ptr::null_mut() }\n' +
      '#[no_mangle]\npub extern "C" fn parser_boxed() -> Box<Parser> { Box::new(Parser { d: 0 }) }\n' +
      '#[no_mangle]\npub extern "C" fn version() -> *const c_char { b"1\\0".as_ptr().cast() }\n' +
      '#[no_mangle]\npub extern "C" fn parser_get_buffer(p: *mut Parser) -> *mut u8 { std::ptr::null_mut() }\n' +
      'pub struct Node;\n#[no_mangle]\npub extern "C" fn list_next(n: *mut Node) -> *mut Node { n }\n';
    expect(await flagged(lib)).toEqual(['parser_boxed', 'parser_to_string']);
  });
  it('an owned string is satisfied by a string destructor', async () => {
    const lib =
      '#[no_mangle]\npub extern "C" fn make_greeting() -> *mut c_char { std::ptr::null_mut() }\n' +
      exp('string_free(s: *mut c_char)');
    expect(await flagged(lib)).toEqual([]);
  });
});

describe('callback-param', () => {
  it('a nullable callback is still a callback, without the NULL warning; aliases resolve', async () => {
    const lib =
      'pub type Callback = extern "C" fn(c_int) -> c_int;\n' +
      '#[no_mangle]\npub extern "C" fn f(a: Option<extern "C" fn(c_int)>, b: Callback, c: Option<Callback>) {}\n';
    expect(await rulesFor(lib, ['callback-param'])).toEqual([
      ['callback-param', 'parameter `a` is a callback `Option<extern "C" fn(c_int)>`'],
      [
        'callback-param',
        'parameter `b` is a callback `Callback`, not an `Option`, so a NULL from C is undefined behaviour',
      ],
      ['callback-param', 'parameter `c` is a callback `Option<Callback>`'],
    ]);
  });
});

describe('panic-path', () => {
  const BOUNDARY =
    'macro_rules! ffi_panic_boundary {\n    ($($t:tt)*) => { match std::panic::catch_unwind(move || { $($t)* }) { Ok(v) => v, Err(_) => -1 } };\n}\n';
  it('spares a body inside a crate macro whose definition calls catch_unwind (reported verified)', async () => {
    const lib =
      BOUNDARY +
      '#[no_mangle]\npub extern "C" fn f(n: u32) -> i32 {\n    ffi_panic_boundary! { i32::try_from(n).unwrap() }\n}\n';
    const hits = byRule(await findingsOf({ lib }), 'panic-path');
    expect(hits.map((h) => [h.status, h.message])).toEqual([
      [
        'verified',
        '`f` can panic only inside `ffi_panic_boundary!`: `unwrap` in `ffi_panic_boundary!` (line 7)',
      ],
    ]);
  });
  it('flags a panic outside the boundary macro, and one inside an ordinary macro', async () => {
    const lib =
      BOUNDARY +
      '#[no_mangle]\npub extern "C" fn f(n: u32) -> i32 {\n    let m = i32::try_from(n).expect("fits");\n    ffi_panic_boundary! { m.checked_add(1).unwrap() }\n}\n' +
      '#[no_mangle]\npub extern "C" fn g(n: Option<u32>) -> usize {\n    format!("{}", n.unwrap()).len()\n}\n';
    expect(await rulesFor(lib, ['panic-path'])).toEqual([
      ['panic-path', '`f` can panic outside `catch_unwind`: `expect` (line 7)'],
      ['panic-path', '`g` can panic outside `catch_unwind`: `unwrap` in `format!` (line 12)'],
    ]);
  });
  it('reports the first panic line as the finding line and caps the list', async () => {
    const lines = Array.from({ length: 7 }, (_, i) => `    let _a${i} = o.unwrap();`).join('\n');
    const lib = `#[no_mangle]\npub extern "C" fn f(o: Option<u8>) {\n${lines}\n}\n`;
    const [hit] = byRule(await findingsOf({ lib }), 'panic-path');
    expect(hit.line).toBe(4);
    expect(hit.message).toMatch(/\(line 8\) and 2 more$/);
  });
});

describe('mutable-global', () => {
  it('flags exports that write an exported or a private static mut, not locals', async () => {
    const lib =
      '#[no_mangle]\npub static mut LAST_ERROR: c_int = 0;\nstatic mut COUNTER: u64 = 0;\n' +
      '#[no_mangle]\npub extern "C" fn bump() { unsafe { COUNTER += 1; LAST_ERROR = 0; } }\n' +
      '#[no_mangle]\npub extern "C" fn local() -> u32 { let mut x = 0; x += 1; x }\n';
    expect(await rulesFor(lib, ['mutable-global'])).toEqual([
      [
        'mutable-global',
        'exported `static mut LAST_ERROR: c_int` can be read and written by Rust and C with no synchronisation',
      ],
      ['mutable-global', 'writes `COUNTER`, by its name a `static mut`'],
      ['mutable-global', 'writes the exported `static mut LAST_ERROR: c_int`'],
    ]);
  });
});

describe('not-ffi-safe', () => {
  const DECLS =
    'pub struct Opaque { v: Vec<u8> }\nenum Mode { A }\n#[repr(C)]\npub struct Pt { x: f64 }\n#[repr(u8)]\npub enum Kind { A = 1 }\n';
  const unsafeTypes: [string, string][] = [
    ['String', '`String` is a Rust-owned string with no C layout'],
    ['Vec<u8>', '`Vec<u8>` is a Rust-owned vector'],
    ['&[u8]', '`&[u8]` is a fat pointer (address and length)'],
    ['&mut [u8]', '`&mut [u8]` is a fat pointer'],
    ['&dyn Fn()', '`&dyn Fn()` is a fat pointer (address and vtable)'],
    ['Box<dyn Fn()>', '`Box<dyn Fn()>` is a fat pointer (address and vtable)'],
    ['char', '`char` is a 32-bit Unicode scalar'],
    ['(i32, i32)', '`(i32, i32)` is a tuple'],
    ['impl Copy', '`impl Copy` is a generic type'],
    ['u128', '`u128` has no stable C ABI'],
    ['Option<u32>', '`Option<u32>` has no C layout'],
    ['Result<i32, ()>', '`Result<i32, ()>` is a Rust enum'],
    ['fn(i32)', '`fn(i32)` is a function pointer with the Rust ABI'],
    ['extern "C" fn(String)', 'in `extern "C" fn(String)`: `String` is'],
    ['[u8; 4]', '`[u8; 4]` is an array by value'],
    ['Opaque', '`Opaque` is a struct without `#[repr(C)]`'],
    ['Mode', '`Mode` is an enum without `#[repr(C)]` or `#[repr(<int>)]`'],
    ['std::mem::ManuallyDrop<String>', '`String` is a Rust-owned string'],
    ['&std::ffi::CStr', '`&CStr` is a fat pointer'],
  ];
  it.each(unsafeTypes)('flags a %s parameter', async (type, reason) => {
    const lib = `${DECLS}#[no_mangle]\npub extern "C" fn f(x: ${type}) {}\n`;
    const hits = byRule(await findingsOf({ lib }), 'not-ffi-safe');
    expect(hits.map((h) => h.message)).toEqual([expect.stringContaining(reason)]);
    expect(hits[0].message).toMatch(/^parameter `x` is not FFI-safe: /);
  });
  const safeTypes = [
    '*mut Opaque',
    '*const Mode',
    '&Opaque',
    'Option<&mut Opaque>',
    'Option<Box<Opaque>>',
    'Box<Opaque>',
    'std::ptr::NonNull<Opaque>',
    'Option<extern "C" fn(c_int) -> c_int>',
    'Pt',
    'Kind',
    'bool',
    'usize',
    'c_int',
    'std::num::NonZeroU32',
    'Option<std::num::NonZeroU32>',
    'std::mem::ManuallyDrop<u32>',
    'libc::timeval',
  ];
  it.each(safeTypes)('spares a %s parameter', async (type) => {
    const lib = `${DECLS}#[no_mangle]\npub extern "C" fn f(x: ${type}) {}\n`;
    expect(byRule(await findingsOf({ lib }), 'not-ffi-safe')).toEqual([]);
  });
  it('checks returns, statics, imports and fields of C types', async () => {
    const lib =
      '#[no_mangle]\npub extern "C" fn name() -> String { String::new() }\n' +
      '#[no_mangle]\npub static VERSION: &str = "1";\n' +
      'extern "C" { fn host_log(msg: &str); }\n' +
      '#[repr(C)]\npub struct Rec { name: String, raw: [u8; 4] }\n' +
      '#[repr(C, u8)]\npub enum Msg { Text(String), Code(u32) }\n';
    const hits = byRule(await findingsOf({ lib }), 'not-ffi-safe');
    expect(hits.map((h) => [h.symbol, h.message])).toEqual([
      [
        'Msg',
        'field `0` of variant `Text` is not FFI-safe: `String` is a Rust-owned string with no C layout',
      ],
      ['Rec', 'field `name` is not FFI-safe: `String` is a Rust-owned string with no C layout'],
      [
        'VERSION',
        "the static's type is not FFI-safe: `&str` is a fat pointer (address and length), which C has no type for",
      ],
      [
        'host_log',
        'parameter `msg` is not FFI-safe: `&str` is a fat pointer (address and length), which C has no type for',
      ],
      ['name', 'the return type is not FFI-safe: `String` is a Rust-owned string with no C layout'],
    ]);
  });
});

describe('reference-param', () => {
  it('flags NonNull and Box parameters, spares their Option forms and fat references', async () => {
    const lib =
      'pub struct W;\n#[no_mangle]\npub extern "C" fn f(a: std::ptr::NonNull<W>, b: Box<W>, c: Option<Box<W>>, d: &str, e: &W) {}\n';
    expect(await rulesFor(lib, ['reference-param'])).toEqual([
      [
        'reference-param',
        'parameter `a` is `NonNull<W>`, which cannot be NULL: a NULL from C is undefined behaviour (take `Option<NonNull<W>>`)',
      ],
      [
        'reference-param',
        'parameter `b` is `Box<W>`, which cannot be NULL: a NULL from C is undefined behaviour (take `Option<Box<W>>`)',
      ],
      [
        'reference-param',
        'parameter `e` is a reference `&W`: a NULL from C is undefined behaviour (take `*const W` or `Option<&W>`)',
      ],
    ]);
  });
});

describe('smaller rules', () => {
  it('hidden-export names the visibility and covers statics', async () => {
    const lib =
      '#[no_mangle]\npub(crate) extern "C" fn f() {}\n#[no_mangle]\nstatic TABLE: [u8; 2] = [0, 1];\n';
    expect(await rulesFor(lib, ['hidden-export'])).toEqual([
      [
        'hidden-export',
        '`TABLE` is private, yet its export attribute makes it a public symbol of the library',
      ],
      [
        'hidden-export',
        '`f` is only `pub(crate)`, yet its export attribute makes it a public symbol of the library',
      ],
    ]);
  });
  it('rust-abi-export names the export_name attribute', async () => {
    const lib = '#[export_name = "lib_helper"]\npub fn helper() {}\n';
    const [hit] = byRule(await findingsOf({ lib }), 'rust-abi-export');
    expect([hit.symbol, hit.name, hit.message]).toEqual([
      'lib_helper',
      'helper',
      '`#[export_name]` exports `helper` with the Rust ABI, which C callers cannot call',
    ]);
  });
  it('missing-safety-doc says when there is no doc at all', async () => {
    const lib = '#[no_mangle]\npub unsafe extern "C" fn f() {}\n';
    expect(await rulesFor(lib, ['missing-safety-doc'])).toEqual([
      ['missing-safety-doc', '`unsafe` export `f`: it has no doc comment'],
    ]);
  });
  it('untested-export counts Go tests and #[cfg(test)] code', async () => {
    const lib =
      '#[no_mangle]\npub extern "C" fn go_one() {}\n#[no_mangle]\npub extern "C" fn unit_one() {}\n#[no_mangle]\npub extern "C" fn none() {}\n' +
      '#[cfg(test)]\nmod tests {\n    #[test]\n    fn t() { super::unit_one(); }\n}\n';
    const files = { 'go/lib_test.go': 'package lib\n// C.go_one()\n' };
    expect(
      (await findingsOf({ lib, files })).filter((f) => f.rule === 'untested-export').map((f) => f.symbol),
    ).toEqual(['none']);
  });
  it('unwinding-abi covers system-unwind', async () => {
    const lib = '#[no_mangle]\npub extern "system-unwind" fn f() {}\n';
    expect(await rulesFor(lib, ['unwinding-abi'])).toEqual([
      [
        'unwinding-abi',
        '`f` is declared `extern "system-unwind"`: a panic in it unwinds into the Go or C caller',
      ],
    ]);
  });
});
