/**
 * Every rule: a fixture that must be flagged (rule id, level, symbol and a concrete message) and
 * a twin that does it right and must not be flagged by that rule. Sources go through the real
 * extractor, then computeFindings.
 */
import { byRule, findingsOf, Fixture } from './helpers';

interface Case {
  rule: string;
  level: 'high' | 'medium' | 'low';
  flagged: Fixture;
  symbol: string;
  /** Substrings the message must contain (the parameter, type or place, named concretely). */
  message: string[];
  spared: Fixture;
}

const SAFETY = '/// Does things.\n///\n/// # Safety\n///\n/// `p` must be valid.\n';

const cases: Case[] = [
  {
    rule: 'raw-pointer-param',
    level: 'high',
    flagged: {
      lib: `pub struct Widget;\n${SAFETY}#[no_mangle]\npub unsafe extern "C" fn widget_poke(w: *mut Widget) {}\n`,
    },
    symbol: 'widget_poke',
    message: ['parameter `w` is a raw pointer `*mut Widget`'],
    spared: {
      lib: `pub struct Widget;\n#[no_mangle]\npub extern "C" fn widget_poke(w: Option<&mut Widget>) {}\n`,
    },
  },
  {
    rule: 'c-string-param',
    level: 'high',
    flagged: { lib: `${SAFETY}#[no_mangle]\npub unsafe extern "C" fn greet(name: *const c_char) {}\n` },
    symbol: 'greet',
    message: ['parameter `name` is a C string `*const c_char`'],
    // a length makes it a byte buffer, not a NUL-terminated string
    spared: {
      lib: `${SAFETY}#[no_mangle]\npub unsafe extern "C" fn greet(name: *const c_char, name_len: usize) {}\n`,
    },
  },
  {
    rule: 'buffer-param',
    level: 'high',
    flagged: {
      lib: `${SAFETY}#[no_mangle]\npub unsafe extern "C" fn checksum(buf: *const u8, len: usize) -> u32 { 0 }\n`,
    },
    symbol: 'checksum',
    message: ['parameter `buf` is a raw pointer `*const u8` with length `len` (`usize`)'],
    // `flags` is not a length
    spared: {
      lib: `${SAFETY}#[no_mangle]\npub unsafe extern "C" fn checksum(buf: *const u8, flags: u32) -> u32 { 0 }\n`,
    },
  },
  {
    rule: 'not-unsafe-ptr-deref',
    level: 'high',
    flagged: {
      lib: `#[no_mangle]\npub extern "C" fn read_second(p: *const u32) -> u32 { unsafe { *p.add(1) } }\n`,
    },
    symbol: 'read_second',
    message: ['safe export dereferences raw-pointer parameter `p` (`*const u32`)'],
    spared: {
      lib: `${SAFETY}#[no_mangle]\npub unsafe extern "C" fn read_second(p: *const u32) -> u32 { *p.add(1) }\n`,
    },
  },
  {
    rule: 'missing-destructor',
    level: 'medium',
    flagged: {
      lib: `pub struct Parser { depth: u32 }\n#[no_mangle]\npub extern "C" fn parser_new() -> *mut Parser { Box::into_raw(Box::new(Parser { depth: 0 })) }\n`,
    },
    symbol: 'parser_new',
    message: ['returns `*mut Parser`', 'takes a `Parser` pointer to free it'],
    spared: {
      lib:
        `pub struct Parser { depth: u32 }\n#[no_mangle]\npub extern "C" fn parser_new() -> *mut Parser { Box::into_raw(Box::new(Parser { depth: 0 })) }\n` +
        `${SAFETY}#[no_mangle]\npub unsafe extern "C" fn parser_free(p: *mut Parser) { drop(Box::from_raw(p)); }\n`,
    },
  },
  {
    rule: 'callback-param',
    level: 'high',
    flagged: {
      lib: `#[no_mangle]\npub extern "C" fn on_event(cb: extern "C" fn(c_int), user_data: *mut c_void) {}\n`,
    },
    symbol: 'on_event',
    message: ['parameter `cb` is a callback `extern "C" fn(c_int)`', 'not an `Option`', '`user_data`'],
    spared: { lib: `#[no_mangle]\npub extern "C" fn on_event(code: c_int, user_data: *mut c_void) {}\n` },
  },
  {
    rule: 'unwinding-abi',
    level: 'high',
    flagged: { lib: `#[no_mangle]\npub extern "C-unwind" fn run() {}\n` },
    symbol: 'run',
    message: ['`run` is declared `extern "C-unwind"`'],
    spared: { lib: `#[no_mangle]\npub extern "C" fn run() {}\n` },
  },
  {
    rule: 'panic-path',
    level: 'medium',
    flagged: {
      lib: `#[no_mangle]\npub extern "C" fn port(n: u32) -> u16 {\n    let v: Vec<u16> = vec![80];\n    u16::try_from(n).unwrap() + v[0]\n}\n`,
    },
    symbol: 'port',
    message: ['`port` can panic outside `catch_unwind`', '`unwrap` (line 5)', 'indexing (line 5)'],
    spared: {
      lib: `#[no_mangle]\npub extern "C" fn port(n: u32) -> u16 {\n    std::panic::catch_unwind(|| u16::try_from(n).unwrap()).unwrap_or(0)\n}\n`,
    },
  },
  {
    rule: 'mutable-global',
    level: 'high',
    flagged: { lib: `#[no_mangle]\npub static mut LAST_ERROR: c_int = 0;\n` },
    symbol: 'LAST_ERROR',
    message: ['exported `static mut LAST_ERROR: c_int`'],
    spared: {
      lib: `use std::sync::atomic::AtomicI32;\n#[no_mangle]\npub static LAST_ERROR: AtomicI32 = AtomicI32::new(0);\n`,
    },
  },
  {
    rule: 'not-ffi-safe',
    level: 'high',
    flagged: { lib: `#[no_mangle]\npub extern "C" fn name_len(name: &str) -> usize { name.len() }\n` },
    symbol: 'name_len',
    message: ['parameter `name` is not FFI-safe: `&str` is a fat pointer (address and length)'],
    spared: {
      lib: `${SAFETY}#[no_mangle]\npub unsafe extern "C" fn name_len(name: *const c_char) -> usize { 0 }\n`,
    },
  },
  {
    rule: 'rust-abi-export',
    level: 'high',
    flagged: { lib: `#[no_mangle]\npub fn helper() {}\n` },
    symbol: 'helper',
    message: ['`#[no_mangle]` exports `helper` with the Rust ABI'],
    spared: { lib: `#[no_mangle]\npub extern "C" fn helper() {}\n` },
  },
  {
    rule: 'hidden-export',
    level: 'low',
    flagged: { lib: `mod inner {\n    #[no_mangle]\n    extern "C" fn helper() {}\n}\n` },
    symbol: 'helper',
    message: ['`helper` is private'],
    spared: { lib: `mod inner {\n    #[no_mangle]\n    pub extern "C" fn helper() {}\n}\n` },
  },
  {
    rule: 'missing-safety-doc',
    level: 'medium',
    flagged: {
      lib: `/// Frees the buffer.\n#[no_mangle]\npub unsafe extern "C" fn buf_free(p: *mut u8) {}\n`,
    },
    symbol: 'buf_free',
    message: ['`unsafe` export `buf_free`: its doc comment has no `# Safety` section'],
    spared: { lib: `${SAFETY}#[no_mangle]\npub unsafe extern "C" fn buf_free(p: *mut u8) {}\n` },
  },
  {
    rule: 'reference-param',
    level: 'high',
    flagged: {
      lib: `#[repr(C)]\npub struct Config { level: c_int }\n#[no_mangle]\npub extern "C" fn config_set(cfg: &mut Config, level: c_int) { cfg.level = level; }\n`,
    },
    symbol: 'config_set',
    message: ['parameter `cfg` is a reference `&mut Config`', '`*mut Config`'],
    spared: {
      lib: `#[repr(C)]\npub struct Config { level: c_int }\n#[no_mangle]\npub extern "C" fn config_set(cfg: Option<&mut Config>, level: c_int) { if let Some(c) = cfg { c.level = level; } }\n`,
    },
  },
  {
    rule: 'untested-export',
    level: 'low',
    flagged: { lib: `#[no_mangle]\npub extern "C" fn ping() -> c_int { 1 }\n` },
    symbol: 'ping',
    message: ['`ping` is named in no test'],
    spared: {
      lib: `#[no_mangle]\npub extern "C" fn ping() -> c_int { 1 }\n`,
      files: {
        'tests/ffi.rs':
          'extern "C" { fn ping() -> i32; }\n#[test]\nfn pings() { assert_eq!(unsafe { ping() }, 1); }\n',
      },
    },
  },
  {
    rule: 'dangling-pointer-return',
    level: 'high',
    flagged: {
      lib: `use std::ffi::CString;\n#[no_mangle]\npub extern "C" fn greeting() -> *const c_char {\n    CString::new("hello").unwrap_or_default().as_ptr()\n}\n`,
    },
    symbol: 'greeting',
    message: ['`greeting` returns `.as_ptr()` of `CString::new("hello").unwrap_or_default()`', 'dangles'],
    // `into_raw` hands the buffer to the caller
    spared: {
      lib: `use std::ffi::CString;\n#[no_mangle]\npub extern "C" fn greeting() -> *mut c_char {\n    CString::new("hello").unwrap_or_default().into_raw()\n}\n`,
    },
  },
  {
    rule: 'from-raw-void',
    level: 'high',
    flagged: {
      lib: `pub struct Engine;\n${SAFETY}#[no_mangle]\npub unsafe extern "C" fn engine_free(p: *mut c_void) {\n    drop(Box::from_raw(p as *mut Engine));\n}\n`,
    },
    symbol: 'engine_free',
    message: ['`Box::from_raw` rebuilds a `Box` from parameter `p` (`*mut c_void`)'],
    spared: {
      lib: `pub struct Engine;\n${SAFETY}#[no_mangle]\npub unsafe extern "C" fn engine_free(p: *mut Engine) {\n    drop(Box::from_raw(p));\n}\n`,
    },
  },
  {
    rule: 'invalid-value-param',
    level: 'high',
    flagged: {
      lib: `#[repr(C)]\npub enum Mode { Fast, Safe }\n#[no_mangle]\npub extern "C" fn set_mode(mode: Mode) {}\n`,
    },
    symbol: 'set_mode',
    message: [
      'parameter `mode` is `Mode` taken by value from C',
      'enum `Mode` is valid only as one of its discriminants',
    ],
    spared: {
      lib: `#[repr(C)]\npub enum Mode { Fast, Safe }\n#[no_mangle]\npub extern "C" fn set_mode(mode: u32) -> c_int {\n    match mode { 0 => 0, 1 => 0, _ => -1 }\n}\n`,
    },
  },
  {
    rule: 'handle-send-sync',
    level: 'high',
    flagged: {
      lib: `pub struct Engine { p: *mut u8 }\nunsafe impl Send for Engine {}\n#[no_mangle]\npub extern "C" fn engine_new() -> *mut Engine { Box::into_raw(Box::new(Engine { p: std::ptr::null_mut() })) }\n`,
    },
    symbol: 'engine_new',
    message: ['`engine_new` hands out `*mut Engine` as a handle', '`unsafe impl Send`/`Sync` for `Engine`'],
    spared: {
      lib: `pub struct Engine { p: *mut u8 }\n#[no_mangle]\npub extern "C" fn engine_new() -> *mut Engine { Box::into_raw(Box::new(Engine { p: std::ptr::null_mut() })) }\n`,
    },
  },
  {
    rule: 'libc-symbol-collision',
    level: 'high',
    flagged: { lib: `#[no_mangle]\npub extern "C" fn puts(s: *const c_char) -> c_int { 0 }\n` },
    symbol: 'puts',
    message: ['`puts` is the name of a C standard library or POSIX function'],
    spared: { lib: `#[no_mangle]\npub extern "C" fn mylib_puts(s: *const c_char) -> c_int { 0 }\n` },
  },
];

describe('every rule has a flagged fixture and a spared twin', () => {
  it("covers every rule but exposure-widened (which needs a base; see exposure-widened.test.ts) and the consumers' contract rules (see test/consumers/integration.test.ts)", () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const ids: string[] = require('../../src/core/findings/catalogue').FINDING_RULE_IDS;
    const elsewhere = [
      'exposure-widened',
      'declared-not-exported',
      'signature-mismatch',
      'undeclared-export',
    ];
    expect(cases.map((c) => c.rule).sort()).toEqual(ids.filter((i) => !elsewhere.includes(i)));
  });

  describe.each(cases)('$rule', (c) => {
    it(`flags ${c.symbol} at level ${c.level}`, async () => {
      const hits = byRule(await findingsOf(c.flagged), c.rule);
      expect(hits.map((h) => [h.rule, h.level, h.symbol])).toEqual([[c.rule, c.level, c.symbol]]);
      for (const m of c.message) expect(hits[0].message).toContain(m);
      expect(hits[0].crate).toBe('demo');
      expect(hits[0].file).toBe('src/lib.rs');
      expect(hits[0].line).toBeGreaterThan(1);
      expect(hits[0].checklist.length).toBeGreaterThan(10);
    });
    it('spares the twin that does it right', async () => {
      const all = await findingsOf(c.spared);
      expect(byRule(all, c.rule)).toEqual([]);
    });
  });
});
