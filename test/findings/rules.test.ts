/**
 * Every rule: a fixture that must be flagged (rule id, level, symbol and a concrete message) and
 * a twin that does it right and must not be flagged by that rule. Sources go through the real
 * extractor, then computeFindings.
 */
import { FINDING_RULES } from '../../src/core/findings/catalogue';
import { byRule, findingsOf, Fixture, PRELUDE } from './helpers';

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
    it('spares the twin that does it right (no open finding; a verified one names its evidence)', async () => {
      const spared = byRule(await findingsOf(c.spared), c.rule);
      expect(spared.filter((f) => f.status !== 'verified')).toEqual([]);
      // a verified finding names where the code answers it
      for (const f of spared) {
        expect(f.evidence?.length).toBeGreaterThan(0);
        for (const e of f.evidence ?? []) expect(e.line).toBeGreaterThan(0);
      }
    });
    it('leaves the flagged finding open (nothing in the fixture answers it)', async () => {
      const hits = byRule(await findingsOf(c.flagged), c.rule);
      expect(hits.map((h) => h.status)).toEqual(['open']);
    });
  });
});

/**
 * Verified cases: the mitigation is in the code, so the finding is `verified` with its evidence
 * (the line of `at`, a `what` containing each of `what`); `reopened` is the same code without the
 * mitigation, and the finding is open again.
 */
interface VerifiedCase {
  rule: string;
  name: string;
  verified: Fixture;
  symbol: string;
  evidence: { at: string; what: string[] }[];
  reopened: Fixture;
}

const WIDGET = 'pub struct Widget { n: c_int }\n';
const poke = (body: string, param = 'w: *mut Widget') =>
  `${WIDGET}#[no_mangle]\npub extern "C" fn widget_poke(${param}) -> c_int {\n${body}\n}\n`;

const verifiedCases: VerifiedCase[] = [
  {
    rule: 'raw-pointer-param',
    name: '`is_null()`',
    verified: { lib: poke('    if w.is_null() { return -1; }\n    unsafe { (*w).n = 0 };\n    0') },
    symbol: 'widget_poke',
    evidence: [{ at: 'if w.is_null()', what: ['`w` checked with `.is_null()`'] }],
    // a comment and a string literal that spell the check are no evidence
    reopened: {
      lib: poke(
        '    // if w.is_null() { return -1; }\n    let _s = "w.is_null()";\n    unsafe { (*w).n = 0 };\n    0',
      ),
    },
  },
  {
    rule: 'raw-pointer-param',
    name: '`as_mut()` (an Option)',
    verified: { lib: poke('    match unsafe { w.as_mut() } { Some(w) => { w.n = 0; 0 } None => -1 }') },
    symbol: 'widget_poke',
    evidence: [{ at: 'w.as_mut()', what: ['`w` checked with `.as_mut()`'] }],
    // a field of the same name is another pointer
    reopened: {
      lib: poke(
        '    let h = Holder { w };\n    match unsafe { h.w.as_mut() } { Some(w) => { w.n = 0; 0 } None => -1 }',
      ).replace(WIDGET, `${WIDGET}struct Holder { w: *mut Widget }\n`),
    },
  },
  {
    rule: 'raw-pointer-param',
    name: 'a comparison with `ptr::null_mut()`',
    verified: {
      lib: poke('    if w == std::ptr::null_mut() { return -1; }\n    unsafe { (*w).n = 0 };\n    0'),
    },
    symbol: 'widget_poke',
    evidence: [{ at: 'if w == std::ptr::null_mut()', what: ['`w` checked with a comparison with `null()`'] }],
    reopened: {
      lib: poke('    if w == w.wrapping_add(1) { return -1; }\n    unsafe { (*w).n = 0 };\n    0'),
    },
  },
  {
    rule: 'raw-pointer-param',
    name: 'a crate function whose body checks its parameter',
    verified: {
      lib:
        'fn check<T>(p: *const T) -> bool {\n    !p.is_null()\n}\n' +
        poke('    if !check(w) { return -1; }\n    unsafe { (*w).n = 0 };\n    0'),
    },
    symbol: 'widget_poke',
    evidence: [
      { at: 'if !check(w)', what: ['`w` checked by `check`', 'src/lib.rs:2', '`.is_null()` in `check`'] },
    ],
    reopened: {
      lib:
        'fn check<T>(p: *const T) -> bool {\n    p as usize % 2 == 0\n}\n' +
        poke('    if !check(w) { return -1; }\n    unsafe { (*w).n = 0 };\n    0'),
    },
  },
  {
    rule: 'raw-pointer-param',
    name: 'another export that checks the pointer it is handed',
    verified: {
      lib:
        poke('    widget_reset(w)') +
        `#[no_mangle]\npub extern "C" fn widget_reset(w: *mut Widget) -> c_int {\n    match unsafe { w.as_mut() } { Some(w) => { w.n = 0; 0 } None => -1 }\n}\n`,
    },
    symbol: 'widget_poke',
    evidence: [
      { at: '    widget_reset(w)', what: ['`w` checked by `widget_reset`', '`.as_mut()` in `widget_reset`'] },
    ],
    reopened: {
      lib:
        poke('    widget_reset(w)') +
        `#[no_mangle]\npub extern "C" fn widget_reset(w: *mut Widget) -> c_int {\n    unsafe { (*w).n = 0 };\n    0\n}\n`,
    },
  },
  {
    rule: 'c-string-param',
    name: 'a crate macro whose definition checks its argument, in the input of another macro',
    verified: {
      lib:
        'macro_rules! nonnull_or {\n    ($p:ident, $e:expr) => { if $p.is_null() { return $e; } };\n}\n' +
        'macro_rules! guard {\n    ($($t:tt)*) => { match std::panic::catch_unwind(|| { $($t)* }) { Ok(r) => r, Err(_) => -2 } };\n}\n' +
        '#[no_mangle]\npub extern "C" fn greet(name: *const c_char) -> c_int {\n    guard! {\n        nonnull_or!(name, -1);\n        0\n    }\n}\n',
    },
    symbol: 'greet',
    evidence: [{ at: 'nonnull_or!(name, -1)', what: ['`name` checked by `nonnull_or!`', 'src/lib.rs:2'] }],
    reopened: {
      lib:
        'macro_rules! nonnull_or {\n    ($p:ident, $e:expr) => { if $e == 0 { return $e; } };\n}\n' +
        'macro_rules! guard {\n    ($($t:tt)*) => { match std::panic::catch_unwind(|| { $($t)* }) { Ok(r) => r, Err(_) => -2 } };\n}\n' +
        '#[no_mangle]\npub extern "C" fn greet(name: *const c_char) -> c_int {\n    guard! {\n        nonnull_or!(name, -1);\n        0\n    }\n}\n',
    },
  },
  {
    rule: 'panic-path',
    name: 'every panic inside `catch_unwind`',
    verified: {
      lib: `#[no_mangle]\npub extern "C" fn port(n: u32) -> u16 {\n    std::panic::catch_unwind(|| u16::try_from(n).unwrap()).unwrap_or(0)\n}\n`,
    },
    symbol: 'port',
    evidence: [{ at: 'catch_unwind(||', what: ['`unwrap` runs inside `catch_unwind`'] }],
    reopened: {
      lib: `#[no_mangle]\npub extern "C" fn port(n: u32) -> u16 {\n    std::panic::catch_unwind(|| u16::try_from(n)).unwrap_or(Ok(0)).unwrap()\n}\n`,
    },
  },
  {
    rule: 'panic-path',
    name: 'every panic inside a crate boundary macro',
    verified: {
      lib: `macro_rules! boundary {\n    ($($t:tt)*) => { match std::panic::catch_unwind(|| { $($t)* }) { Ok(r) => r, Err(_) => 0 } };\n}\n#[no_mangle]\npub extern "C" fn port(n: u32) -> u16 {\n    boundary! { u16::try_from(n).unwrap() }\n}\n`,
    },
    symbol: 'port',
    evidence: [
      {
        at: 'boundary! { u16',
        what: [
          '`unwrap` in `boundary!` runs inside `boundary!`, a crate macro whose definition calls `catch_unwind`',
        ],
      },
    ],
    reopened: {
      lib: `macro_rules! boundary {\n    ($($t:tt)*) => { { $($t)* } };\n}\n#[no_mangle]\npub extern "C" fn port(n: u32) -> u16 {\n    boundary! { u16::try_from(n).unwrap() }\n}\n`,
    },
  },
  {
    rule: 'buffer-param',
    name: '`NonNull::new` and `checked_mul` on the length',
    verified: {
      lib:
        '#[no_mangle]\npub extern "C" fn sum(vals: *const u64, n_vals: usize) -> u64 {\n' +
        '    let Some(p) = std::ptr::NonNull::new(vals as *mut u64) else { return 0 };\n' +
        '    if n_vals.checked_mul(8).is_none() { return 0; }\n' +
        '    unsafe { std::slice::from_raw_parts(p.as_ptr(), n_vals) }.iter().sum()\n}\n',
    },
    symbol: 'sum',
    evidence: [
      { at: 'NonNull::new(vals', what: ['`vals` checked with `NonNull::new`'] },
      { at: 'n_vals.checked_mul(8)', what: ['`n_vals` used through `n_vals.checked_mul()`'] },
    ],
    reopened: {
      lib:
        '#[no_mangle]\npub extern "C" fn sum(vals: *const u64, n_vals: usize) -> u64 {\n' +
        '    let Some(p) = std::ptr::NonNull::new(vals as *mut u64) else { return 0 };\n' +
        '    if n_vals * 8 > 4096 { return 0; }\n' +
        '    unsafe { std::slice::from_raw_parts(p.as_ptr(), n_vals) }.iter().sum()\n}\n',
    },
  },
  {
    rule: 'buffer-param',
    name: 'a one-byte element (no multiplication) and `is_null()`',
    verified: {
      lib: `#[no_mangle]\npub extern "C" fn checksum(buf: *const u8, len: usize) -> u32 {\n    if buf.is_null() { return 0; }\n    0\n}\n`,
    },
    symbol: 'checksum',
    evidence: [
      { at: 'if buf.is_null()', what: ['`buf` checked with `.is_null()`'] },
      { at: 'fn checksum', what: ['the element type `u8` is one byte'] },
    ],
    reopened: {
      lib: `#[no_mangle]\npub extern "C" fn checksum(buf: *const u32, len: usize) -> u32 {\n    if buf.is_null() { return 0; }\n    0\n}\n`,
    },
  },
  {
    rule: 'raw-pointer-param',
    name: 'a `# Safety` section of an `unsafe` fn naming the parameter',
    verified: {
      lib: `${WIDGET}/// Pokes.\n///\n/// # Safety\n///\n/// \`w\` must point to a live \`Widget\`.\n#[no_mangle]\npub unsafe extern "C" fn widget_poke(w: *mut Widget) {}\n`,
    },
    symbol: 'widget_poke',
    evidence: [{ at: 'fn widget_poke', what: ['the `# Safety` section of this `unsafe` fn names `w`'] }],
    // the same section on a safe fn documents, but does not make NULL the caller's obligation
    reopened: {
      lib: `${WIDGET}/// Pokes.\n///\n/// # Safety\n///\n/// \`w\` must point to a live \`Widget\`.\n#[no_mangle]\npub extern "C" fn widget_poke(w: *mut Widget) {}\n`,
    },
  },
];

describe('verified findings: the mitigation in the code, and its twin without it', () => {
  it('covers every rule whose findings can be verified', () => {
    const verifiable = FINDING_RULES.filter((r) => r.evidence !== 'none: always open').map((r) => r.id);
    expect([...new Set(verifiedCases.map((c) => c.rule))].sort()).toEqual(verifiable);
  });
  it('says for every rule what verifies its findings', () => {
    for (const r of FINDING_RULES) expect(r.evidence.length).toBeGreaterThan(10);
  });

  describe.each(verifiedCases)('$rule: $name', (c) => {
    it(`verifies the finding on ${c.symbol} with the evidence at file:line`, async () => {
      const hits = byRule(await findingsOf(c.verified), c.rule).filter((h) => h.symbol === c.symbol);
      expect(hits.map((h) => [h.symbol, h.status])).toEqual([[c.symbol, 'verified']]);
      const lines = (PRELUDE + c.verified.lib).split('\n');
      for (const e of c.evidence) {
        const at = lines.findIndex((l) => l.includes(e.at)) + 1;
        expect(at).toBeGreaterThan(0);
        const ev = hits[0].evidence?.find((x) => x.file === 'src/lib.rs' && x.line === at);
        expect(ev).toBeDefined();
        for (const w of e.what) expect(ev?.what).toContain(w);
      }
    });
    it('reopens it without the mitigation', async () => {
      const hits = byRule(await findingsOf(c.reopened), c.rule).filter((h) => h.symbol === c.symbol);
      expect(hits.map((h) => [h.symbol, h.status])).toEqual([[c.symbol, 'open']]);
    });
  });

  it('no rule without evidence ever verifies, over every fixture of this file', async () => {
    const always = new Set(FINDING_RULES.filter((r) => r.evidence === 'none: always open').map((r) => r.id));
    const fixtures = [
      ...cases.flatMap((c) => [c.flagged, c.spared]),
      ...verifiedCases.flatMap((c) => [c.verified, c.reopened]),
    ];
    for (const fx of fixtures)
      for (const f of await findingsOf(fx))
        if (always.has(f.rule)) expect([f.rule, f.status]).toEqual([f.rule, 'open']);
  });
});
