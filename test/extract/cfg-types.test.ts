/**
 * `cfg` predicates (parse, render, three-valued evaluation, `cfg_attr`, platform predicates kept
 * on the item) and type-spelling normalisation (SPEC section 2).
 */
import { CfgEnv, conjoin, evalCfg, linuxPlatform, parseCfg, renderCfg } from '../../src/core/rust/cfg';
import { readAttribute } from '../../src/core/rust/attributes';
import type { StructItem } from '../../src/core/model';
import { ALL, crate, extractFiles, fn, item, items, MANIFEST, symbolsOf } from './helpers';

const env = (...features: string[]): CfgEnv => ({ features: new Set(features) });

function ev(text: string, e: CfgEnv = env()): boolean | null {
  const p = parseCfg(text);
  if (!p) throw new Error(`cannot parse ${text}`);
  return evalCfg(p, e);
}

describe('cfg predicates', () => {
  it('parses and renders canonically', () => {
    const cases: [string, string][] = [
      ['unix', 'unix'],
      ['feature="x"', 'feature = "x"'],
      ['  all( unix ,feature = "a" , ) ', 'all(unix, feature = "a")'],
      ['any(windows, not(target_os = "linux"))', 'any(windows, not(target_os = "linux"))'],
      ['all()', 'all()'],
      ['any()', 'any()'],
      ['not(all(a, any(b, c)))', 'not(all(a, any(b, c)))'],
      ['feature = "with \\"quote\\""', 'feature = "with \\"quote\\""'],
    ];
    for (const [input, rendered] of cases) {
      const p = parseCfg(input);
      expect(p).not.toBeNull();
      expect(renderCfg(p as NonNullable<typeof p>)).toBe(rendered);
      // rendering is a fixed point
      expect(renderCfg(parseCfg(rendered) as NonNullable<typeof p>)).toBe(rendered);
    }
  });

  it('refuses malformed predicates', () => {
    for (const bad of ['', 'all(', 'not(a, b)', 'feature =', 'feature = x', 'a b', '"x"', 'all(a,,b)'])
      expect(parseCfg(bad)).toBeNull();
  });

  it('bounds nesting', () => {
    const deep = 'not('.repeat(10_000) + 'unix' + ')'.repeat(10_000);
    expect(parseCfg(deep)).toBeNull();
  });

  it('evaluates features and test, and keeps debug_assertions and platform predicates unknown', () => {
    expect(ev('feature = "x"', env('x'))).toBe(true);
    expect(ev('feature = "x"')).toBe(false);
    expect(ev('test')).toBe(false);
    expect(ev('not(test)')).toBe(true);
    // unknown: a release build turns it off (SPEC section 2)
    expect(ev('debug_assertions')).toBeNull();
    expect(ev('not(debug_assertions)')).toBeNull();
    expect(ev('unix')).toBeNull();
    expect(ev('windows')).toBeNull();
    expect(ev('target_os = "macos"')).toBeNull();
    expect(ev('not(unix)')).toBeNull();
  });

  it('is three-valued: false dominates all, true dominates any', () => {
    expect(ev('all(unix, feature = "x")')).toBe(false);
    expect(ev('all(unix, feature = "x")', env('x'))).toBeNull();
    expect(ev('any(unix, feature = "x")', env('x'))).toBe(true);
    expect(ev('any(unix, feature = "x")')).toBeNull();
    expect(ev('any(test, feature = "x")')).toBe(false);
    expect(ev('all()')).toBe(true);
    expect(ev('any()')).toBe(false);
    expect(ev('all(not(test), debug_assertions)')).toBeNull();
    expect(ev('any(not(test), debug_assertions)')).toBe(true);
  });

  it('decides platform predicates when a platform is given', () => {
    const linux: CfgEnv = { features: new Set(), platform: linuxPlatform('x86_64') };
    expect(ev('unix', linux)).toBe(true);
    expect(ev('windows', linux)).toBe(false);
    expect(ev('target_os = "linux"', linux)).toBe(true);
    expect(ev('target_os = "macos"', linux)).toBe(false);
    expect(ev('target_arch = "aarch64"', linux)).toBe(false);
  });

  it('conjoins without duplicates, flattening all()', () => {
    const c = conjoin(
      [parseCfg('unix'), parseCfg('all(unix, feature = "a")'), parseCfg('not(test)')].map((p) => p!),
    );
    expect(c && renderCfg(c)).toBe('all(unix, feature = "a", not(test))');
    expect(conjoin([])).toBeNull();
  });
});

describe('cfg_attr', () => {
  it('applies the attribute when the predicate holds and drops it when false', () => {
    expect(readAttribute('cfg_attr(feature = "x", no_mangle)', env('x')).map((a) => a.name)).toEqual([
      'no_mangle',
    ]);
    expect(readAttribute('cfg_attr(feature = "x", no_mangle)', env())).toEqual([]);
    const unknown = readAttribute('cfg_attr(unix, export_name = "u")', env());
    expect(unknown).toHaveLength(1);
    expect(unknown[0].value).toBe('u');
    expect(unknown[0].conditions.map(renderCfg)).toEqual(['unix']);
    const nested = readAttribute(
      'cfg_attr(not(test), cfg_attr(feature = "x", unsafe(no_mangle)), repr(C))',
      env('x'),
    );
    expect(nested.map((a) => a.name)).toEqual(['no_mangle', 'repr']);
  });

  it('exports through cfg_attr(feature, no_mangle) only with the feature', async () => {
    const files = crate(
      `
#[cfg_attr(feature = "x", no_mangle)]
pub extern "C" fn maybe() {}
#[cfg_attr(feature = "x", export_name = "renamed_when_x")]
#[cfg_attr(not(feature = "x"), unsafe(no_mangle))]
pub extern "C" fn either_way() {}
#[cfg_attr(all(), no_mangle)]
pub extern "C" fn always() {}
`,
      { 'Cargo.toml': `${MANIFEST}[features]\nx = []\n` },
    );
    expect(symbolsOf(await extractFiles(files))).toEqual(['always', 'either_way']);
    expect(symbolsOf(await extractFiles(files, ALL))).toEqual(['always', 'maybe', 'renamed_when_x']);
  });

  it('keeps a platform cfg_attr as the export condition', async () => {
    const s = await extractFiles(
      crate(`
#[cfg_attr(windows, export_name = "win_name")]
#[cfg_attr(unix, no_mangle)]
pub extern "C" fn per_platform() {}
`),
    );
    expect(symbolsOf(s)).toEqual(['per_platform', 'win_name']);
    expect(fn(s, 'win_name').cfg).toBe('windows');
    // export_name wins where both apply
    expect(fn(s, 'per_platform').cfg).toBe('all(unix, not(windows))');
  });

  it('lets an unconditional export_name win over no_mangle', async () => {
    const s = await extractFiles(
      crate(
        '#[no_mangle]\n#[export_name = "wins"]\npub extern "C" fn both() {}\n#[cfg_attr(unix, export_name = "u")]\n#[no_mangle]\n#[no_mangle]\npub static S: u8 = 0;\n',
      ),
    );
    expect(symbolsOf(s)).toEqual(['S', 'u', 'wins']);
    const statics = items(s).filter((i) => i.kind === 'static');
    expect(statics.map((i) => [i.kind === 'static' && i.symbol, i.cfg])).toEqual([
      ['S', 'not(unix)'],
      ['u', 'unix'],
    ]);
  });
});

describe('effective cfg on items', () => {
  it('joins enclosing module cfgs, the item cfg and leaves decided predicates out', async () => {
    const s = await extractFiles(
      crate(
        `
#[cfg(unix)]
mod sys {
    #[cfg(target_os = "linux")]
    pub mod linux {
        #[cfg(all(not(test), feature = "x"))]
        #[no_mangle]
        pub extern "C" fn deep() {}
        #[cfg(debug_assertions)]
        #[no_mangle]
        pub extern "C" fn debug_only() {}
    }
}
#[cfg(any(windows, target_os = "macos"))]
#[repr(C)]
pub struct PlatformStruct { pub a: u8 }
#[cfg(test)]
#[repr(C)]
pub struct TestOnly { pub a: u8 }
#[cfg(feature = "x")]
#[no_mangle]
pub static FEATURED: u8 = 0;
`,
        { 'Cargo.toml': `${MANIFEST}[features]\nx = []\n` },
      ),
      ALL,
    );
    expect(fn(s, 'deep').cfg).toBe('all(unix, target_os = "linux", not(test), feature = "x")');
    expect(fn(s, 'debug_only').cfg).toBe('all(unix, target_os = "linux", debug_assertions)');
    expect(item(s, 'struct', 'PlatformStruct').cfg).toBe('any(windows, target_os = "macos")');
    expect(() => item(s, 'struct', 'TestOnly')).toThrow();
    expect(item(s, 'static', 'FEATURED').cfg).toBe('feature = "x"');
  });

  it('drops disabled fields and variants', async () => {
    const s = await extractFiles(
      crate(`
#[repr(C)]
pub struct S {
    pub a: u8,
    #[cfg(test)]
    pub only_test: u8,
    #[cfg(feature = "nope")]
    pub gated: u8,
    pub b: u16,
}
#[repr(u8)]
pub enum E { A, #[cfg(test)] T, B }
`),
    );
    expect((item(s, 'struct', 'S') as StructItem).fields.map((f) => f.name)).toEqual(['a', 'b']);
    expect(item(s, 'enum', 'E')).toMatchObject({
      variants: [
        { name: 'A', value: '0' },
        { name: 'B', value: '1' },
      ],
    });
  });
});

describe('type normalisation', () => {
  async function sig(decl: string, prelude = ''): Promise<{ params: string[]; returns: string | null }> {
    const s = await extractFiles(crate(`${prelude}\n#[no_mangle]\n${decl}\n`));
    const f = s.crates[0].items.find((i) => i.kind === 'function');
    if (!f || f.kind !== 'function') throw new Error(`no function in ${decl}`);
    return { params: f.params.map((p) => p.type), returns: f.returns };
  }

  it('spells c_int one way whatever the path', async () => {
    const s = await sig(
      `pub extern "C" fn f(a: c_int, b: std::os::raw::c_int, c: core::ffi::c_int, d: libc::c_int, e: ::std::ffi::c_int, g: ::core::ffi::c_int) -> std::ffi::c_int { 0 }`,
      'use std::os::raw::c_int;',
    );
    expect(s.params).toEqual(Array(6).fill('c_int'));
    expect(s.returns).toBe('c_int');
  });

  it('treats -> () as no return type', async () => {
    expect((await sig('pub extern "C" fn f() -> () {}')).returns).toBeNull();
    expect((await sig('pub extern "C" fn f() {}')).returns).toBeNull();
  });

  it('ignores whitespace, comments and line breaks inside types', async () => {
    const a = await sig(`pub extern "C" fn f(p: * const   u8, q: *mut
        *mut  c_char, r: [ u8 ;  4 ], s: Option< extern "C" fn ( i32 ) -> i32 >, t: & 'static /* c */ CStr) {}`);
    expect(a.params).toEqual([
      '*const u8',
      '*mut *mut c_char',
      '[u8; 4]',
      'Option<extern "C" fn(i32) -> i32>',
      '&CStr',
    ]);
  });

  it('replaces Self in impl blocks', async () => {
    const s = await extractFiles(
      crate(`
pub struct Handle;
impl Handle {
    #[no_mangle]
    pub extern "C" fn handle_new() -> *mut Self { std::ptr::null_mut() }
    #[no_mangle]
    pub unsafe extern "C" fn handle_free(h: *mut Self, other: Option<&Self>) {}
}
impl crate::Handle {
    #[no_mangle]
    pub extern "C" fn handle_path_impl(h: *const Self) {}
}
`),
    );
    expect(fn(s, 'handle_new').returns).toBe('*mut Handle');
    expect(fn(s, 'handle_free').params.map((p) => p.type)).toEqual(['*mut Handle', 'Option<&Handle>']);
    expect(fn(s, 'handle_path_impl').params[0].type).toBe('*const Handle');
  });

  it('keeps c_long distinct from i64 and c_ulong from u64', async () => {
    const s = await sig('pub extern "C" fn f(a: libc::c_long, b: i64, c: std::os::raw::c_ulong, d: u64) {}');
    expect(s.params).toEqual(['c_long', 'i64', 'c_ulong', 'u64']);
    expect(s.params[0]).not.toBe(s.params[1]);
  });

  it('drops parameter names in fn pointer types and keeps ABI and unsafety', async () => {
    const a = await sig(
      'pub extern "C" fn f(cb: extern "C" fn(ctx: *mut c_void, len: usize) -> c_int, cb2: unsafe extern "C" fn(*mut c_void), cb3: Option<unsafe extern "system" fn(x: u32)>, cb4: fn(u8) -> u8, cb5: extern fn(i32)) {}',
    );
    expect(a.params).toEqual([
      'extern "C" fn(*mut c_void, usize) -> c_int',
      'unsafe extern "C" fn(*mut c_void)',
      'Option<unsafe extern "system" fn(u32)>',
      'fn(u8) -> u8',
      'extern "C" fn(i32)',
    ]);
    const b = await sig('pub extern "C" fn g(cb: Option<extern "C" fn(a: c_int, b: c_int) -> ()>) {}');
    expect(b.params).toEqual(['Option<extern "C" fn(c_int, c_int)>']);
  });

  it('normalises paths inside generics, arrays, tuples and references', async () => {
    const a = await sig(
      'pub extern "C" fn f(a: Option<std::ptr::NonNull<core::ffi::c_void>>, b: [std::os::raw::c_char; 16], c: (u8, libc::size_t), d: &mut std::ffi::c_int) {}',
    );
    expect(a.params).toEqual(['Option<NonNull<c_void>>', '[c_char; 16]', '(u8, size_t)', '&mut c_int']);
  });

  it('normalises the types of struct fields and statics the same way', async () => {
    const s = await extractFiles(
      crate(`
#[repr(C)]
pub struct S { pub a: ::std::os::raw::c_int, pub cb: Option<extern "C" fn(x: libc::c_int)>, pub t: (), }
#[no_mangle]
pub static G: core::ffi::c_int = 0;
`),
    );
    expect((item(s, 'struct', 'S') as StructItem).fields.map((f) => f.type)).toEqual([
      'c_int',
      'Option<extern "C" fn(c_int)>',
      '()',
    ]);
    expect(item(s, 'static', 'G')).toMatchObject({ type: 'c_int' });
  });
});
