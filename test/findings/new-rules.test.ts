/**
 * The rules of issue 15 beyond their flagged/spared pair in rules.test.ts: the other forms each
 * rule recognises, and the forms it must leave alone. Sources go through the real extractor.
 */
import { byRule, crateOf, findingsOf, Fixture } from './helpers';

const SAFETY = '/// Does things.\n///\n/// # Safety\n///\n/// `p` must be valid.\n';

async function hits(rule: string, fx: Fixture): Promise<string[]> {
  return byRule(await findingsOf(fx), rule).map((f) => `${f.symbol}: ${f.message}`);
}

describe('dangling-pointer-return', () => {
  const rule = 'dangling-pointer-return';
  it('flags a local owner returned through as_ptr, with return and casts', async () => {
    const lib =
      'use std::ffi::CString;\n' +
      '#[no_mangle]\npub extern "C" fn name() -> *const c_char {\n    let s = CString::new("x").unwrap();\n    return s.as_ptr() as *const c_char;\n}\n' +
      '#[no_mangle]\npub extern "C" fn bytes() -> *const u8 {\n    let v: Vec<u8> = Vec::new();\n    unsafe { v.as_ptr() }\n}\n' +
      '#[no_mangle]\npub extern "C" fn text() -> *const u8 { format!("{}", 1).as_ptr() }\n';
    const got = await hits(rule, { lib });
    expect(got).toHaveLength(3);
    expect(got.join('\n')).toContain('name: `name` returns `.as_ptr()` of `s`');
    expect(got.join('\n')).toContain('bytes: `bytes` returns `.as_ptr()` of `v`');
    expect(got.join('\n')).toContain('text: `text` returns `.as_ptr()` of `format!("{}", 1)`');
  });
  it('spares statics, borrowed C strings, and owners forgotten or leaked', async () => {
    const lib =
      'use std::ffi::{CStr, CString};\nstatic VERSION: &[u8] = b"1.0\\0";\n' +
      '#[no_mangle]\npub extern "C" fn version() -> *const u8 { VERSION.as_ptr() }\n' +
      '#[no_mangle]\npub extern "C" fn lit() -> *const c_char { c"hi".as_ptr() }\n' +
      '#[no_mangle]\npub extern "C" fn borrowed() -> *const c_char { CStr::from_bytes_with_nul(b"x\\0").unwrap().as_ptr() }\n' +
      '#[no_mangle]\npub extern "C" fn leaked() -> *const c_char {\n    let s = CString::new("x").unwrap();\n    let p = s.as_ptr();\n    std::mem::forget(s);\n    p\n}\n' +
      '#[no_mangle]\npub extern "C" fn forgotten() -> *const c_char {\n    let s = CString::new("x").unwrap();\n    std::mem::forget(s);\n    s.as_ptr()\n}\n';
    expect(await hits(rule, { lib })).toEqual([]);
  });
});

describe('missing-destructor matches the type a destructor frees', () => {
  const rule = 'missing-destructor';
  it('an unrelated free(*mut c_void) covers nothing', async () => {
    const lib =
      'pub struct Engine;\n' +
      '#[no_mangle]\npub extern "C" fn greeting() -> *mut c_char { std::ffi::CString::new("hi").unwrap_or_default().into_raw() }\n' +
      `${SAFETY}#[no_mangle]\npub unsafe extern "C" fn engine_free(p: *mut c_void) { drop(Box::from_raw(p as *mut Engine)); }\n`;
    const got = await hits(rule, { lib });
    expect(got).toHaveLength(1);
    expect(got[0]).toContain('greeting: returns `*mut c_char`');
    expect(got[0]).toContain('a `*mut c_void` destructor counts only when its doc names `c_char`');
  });
  it('a c_void destructor whose doc names the type covers it, and covers c_void handles', async () => {
    const lib =
      'pub struct Parser;\n' +
      '#[no_mangle]\npub extern "C" fn parser_new() -> *mut Parser { Box::into_raw(Box::new(Parser)) }\n' +
      '#[no_mangle]\npub extern "C" fn ctx_new() -> *mut c_void { std::ptr::null_mut() }\n' +
      '/// Frees a `Parser` made by `parser_new`.\n///\n/// # Safety\n///\n/// `p` must come from `parser_new`.\n' +
      '#[no_mangle]\npub unsafe extern "C" fn parser_free(p: *mut c_void) { drop(Box::from_raw(p as *mut Parser)); }\n';
    expect(await hits(rule, { lib })).toEqual([]);
    // the same destructor without the doc: Parser is no longer covered, c_void still is
    const undocumented = lib.replace(/\/\/\/ Frees a `Parser`[^\n]*\n/, '/// Frees it.\n');
    const got = await hits(rule, { lib: undocumented });
    expect(got).toHaveLength(1);
    expect(got[0]).toContain('parser_new: returns `*mut Parser`');
  });
});

describe('from-raw-void', () => {
  it('flags a cast through .cast() and spares a typed pointer cast to c_void elsewhere', async () => {
    const lib =
      'pub struct Engine;\n' +
      `${SAFETY}#[no_mangle]\npub unsafe extern "C" fn a_free(p: *mut c_void) { let _ = Box::from_raw(p.cast::<Engine>()); }\n` +
      `${SAFETY}#[no_mangle]\npub unsafe extern "C" fn b_free(p: *mut Engine, q: *mut c_void) { let _ = Box::from_raw(p); let _ = q; }\n`;
    const got = await hits('from-raw-void', { lib });
    expect(got).toEqual([
      expect.stringContaining('a_free: `Box::from_raw` rebuilds a `Box` from parameter `p`'),
    ]);
  });
});

describe('invalid-value-param', () => {
  const rule = 'invalid-value-param';
  it('flags bool, char, NonZero and aliases by value, enums read through pointers, and transmutes', async () => {
    const lib =
      '#[repr(u32)]\npub enum Mode { A, B }\npub type Flag = bool;\n' +
      '#[no_mangle]\npub extern "C" fn f_bool(on: bool) {}\n' +
      '#[no_mangle]\npub extern "C" fn f_alias(on: Flag) {}\n' +
      '#[no_mangle]\npub extern "C" fn f_nz(n: std::num::NonZeroU32) {}\n' +
      `${SAFETY}#[no_mangle]\npub unsafe extern "C" fn f_ptr(p: *const Mode) {}\n` +
      '#[no_mangle]\npub extern "C" fn f_tr(m: u32) { let _x: Mode = unsafe { std::mem::transmute(m) }; }\n' +
      '#[no_mangle]\npub extern "C" fn f_turbo(m: c_int) { let _ = unsafe { std::mem::transmute::<c_int, Mode>(m) }; }\n';
    const got = await hits(rule, { lib });
    expect(got).toEqual([
      expect.stringContaining(
        'f_alias: parameter `on` is `Flag` taken by value from C: `bool` is valid only as 0 or 1',
      ),
      expect.stringContaining('f_bool: parameter `on` is `bool`'),
      expect.stringContaining('f_nz: parameter `n` is `NonZeroU32`'),
      expect.stringContaining('f_ptr: parameter `p` is `*const Mode`, read from C memory'),
      expect.stringContaining('f_tr: parameter `m` (`u32`) is transmuted to `Mode`'),
      expect.stringContaining('f_turbo: parameter `m` (`c_int`) is transmuted to `Mode`'),
    ]);
  });
  it('spares out-parameters, integers, structs and transmutes to integers', async () => {
    const lib =
      '#[repr(C)]\npub enum Mode { A, B }\n#[repr(C)]\npub struct Point { x: i32 }\n' +
      `${SAFETY}#[no_mangle]\npub unsafe extern "C" fn get_mode(out: *mut Mode) {}\n` +
      '#[no_mangle]\npub extern "C" fn put(p: Point, n: u32) -> Mode { Mode::A }\n' +
      '#[no_mangle]\npub extern "C" fn bits(x: u32) -> f32 { unsafe { std::mem::transmute::<u32, f32>(x) } }\n';
    expect(await hits(rule, { lib })).toEqual([]);
  });
});

describe('handle-send-sync', () => {
  it('records unsafe impls by the type they name, generics and paths dropped', async () => {
    const crate = await crateOf({
      lib:
        'pub struct Engine;\npub struct Wrapper<T>(T);\npub struct Plain;\n' +
        'unsafe impl std::marker::Sync for Engine {}\nunsafe impl<T> Send for Wrapper<T> {}\n' +
        'unsafe impl Send for Engine {}\nimpl Clone for Plain { fn clone(&self) -> Self { Plain } }\n',
    });
    expect(crate.unsafeSendSync).toEqual(['Engine', 'Wrapper']);
  });
  it('flags Box and Option<Box> handles, spares types without the impl', async () => {
    const lib =
      'pub struct Engine;\npub struct Other;\nunsafe impl Sync for Engine {}\n' +
      '#[no_mangle]\npub extern "C" fn engine_boxed() -> Option<Box<Engine>> { None }\n' +
      '#[no_mangle]\npub extern "C" fn other_new() -> *mut Other { std::ptr::null_mut() }\n';
    const got = await hits('handle-send-sync', { lib });
    expect(got).toEqual([
      expect.stringContaining('engine_boxed: `engine_boxed` hands out `Option<Box<Engine>>`'),
    ]);
  });
});

describe('libc-symbol-collision', () => {
  it('looks at the exported symbol, not the Rust name, and at statics', async () => {
    const lib =
      '#[export_name = "malloc"]\npub extern "C" fn my_alloc(n: usize) -> *mut c_void { std::ptr::null_mut() }\n' +
      '#[export_name = "mylib_free"]\npub extern "C" fn free(p: *mut c_void) {}\n' +
      '#[no_mangle]\npub static errno: c_int = 0;\n';
    const got = await hits('libc-symbol-collision', { lib });
    expect(got).toEqual([
      expect.stringContaining(
        'errno: `errno` is the name of a C standard library or POSIX object or function',
      ),
      expect.stringContaining('malloc: `malloc` is the name'),
    ]);
  });
});
