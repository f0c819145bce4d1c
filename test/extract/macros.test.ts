/**
 * `macro_rules!` expansion (SPEC section 2): fragments, repetitions, `$crate`, macros calling
 * macros, several rules, and every way an invocation can fail to expand — which must be a
 * diagnostic naming the macro, never a silent drop.
 */
import { expandMacro, splitCfgIf } from '../../src/core/extract/macro-expander';
import type { FunctionItem } from '../../src/core/model';
import { codes, crate, diag, extractFiles, fn, item, symbolsOf } from './helpers';

const rule = (matcher: string, transcriber: string) => ({ matcher, transcriber });

function squash(s: string | null): string | null {
  return s === null ? null : s.replace(/\s+/g, ' ').trim();
}

describe('expandMacro', () => {
  it('binds ident, ty, expr, literal, tt and path fragments', () => {
    const r = [
      rule(
        '$name:ident, $t:ty, $e:expr, $l:literal, $x:tt, $p:path',
        'fn $name() -> $t { let _ = $x; $p($e, $l) }',
      ),
    ];
    expect(squash(expandMacro(r, 'f, Option<Vec<u8>>, a + b * 2, -7, (1, 2), std::mem::drop'))).toBe(
      'fn f ( ) -> Option<Vec<u8>> { let _ = (1, 2) ; std::mem::drop ( a + b * 2 , -7 ) }',
    );
  });

  it('keeps an fn-pointer type with its arrow as one ty fragment', () => {
    const r = [rule('$t:ty; $n:ident', 'static $n: $t = None;')];
    expect(squash(expandMacro(r, 'Option<extern "C" fn(i32) -> i32>; CB'))).toBe(
      'static CB : Option<extern "C" fn(i32) -> i32> = None ;',
    );
  });

  it('expands separated repetitions with a trailing separator', () => {
    const r = [rule('$($n:ident),* $(,)?', '$(fn $n() {})*')];
    expect(squash(expandMacro(r, 'a, b, c,'))).toBe('fn a ( ) { } fn b ( ) { } fn c ( ) { }');
    expect(squash(expandMacro(r, ''))).toBe('');
  });

  it('expands nested repetitions', () => {
    const r = [rule('$($m:ident { $($f:ident : $t:ty),* });*', '$(mod $m { $(fn $f() -> $t {})* })*')];
    expect(squash(expandMacro(r, 'a { x: u8, y: u16 }; b { z: u32 }'))).toBe(
      'mod a { fn x ( ) -> u8 { } fn y ( ) -> u16 { } } mod b { fn z ( ) -> u32 { } }',
    );
  });

  it('uses an outer variable inside an inner repetition', () => {
    const r = [rule('$ty:ty => $($n:ident)+', '$(static $n: $ty = 0;)+')];
    expect(squash(expandMacro(r, 'u32 => A B'))).toBe('static A : u32 = 0 ; static B : u32 = 0 ;');
  });

  it('replaces $crate with crate', () => {
    const r = [rule('$n:ident', 'fn $n() { $crate::inner::go() }')];
    expect(squash(expandMacro(r, 'f'))).toBe('fn f ( ) { crate :: inner :: go ( ) }');
  });

  it('tries rules in order and returns null when none matches', () => {
    const r = [rule('one $a:ident', 'fn $a() {}'), rule('two $a:ident $b:ident', 'fn $a() {} fn $b() {}')];
    expect(squash(expandMacro(r, 'two p q'))).toBe('fn p ( ) { } fn q ( ) { }');
    expect(squash(expandMacro(r, 'one p'))).toBe('fn p ( ) { }');
    expect(expandMacro(r, 'three p')).toBeNull();
    expect(expandMacro(r, 'one 1')).toBeNull();
  });

  // Which rule rustc picks for each fragment kind is checked against the compiler in
  // ./fragments-oracle.test.ts; these pin down what the chosen rule produces.

  it('reads doc comments in the input as #[doc = r"…"] attributes, as rustc does', () => {
    const r = [rule('$(#[$m:meta])* $n:ident', '$(#[$m])* fn $n() {}')];
    expect(squash(expandMacro(r, '/// A "quoted" doc.\n/** Block. */\nf'))).toBe(
      '# [ doc = r#" A "quoted" doc."# ] # [ doc = r" Block. " ] fn f ( ) { }',
    );
    // token by token, a line doc comment still ends its line: what follows is not commented out
    const tt = [rule('$($t:tt)*', '$($t)*')];
    expect(squash(expandMacro(tt, '/// d\nfn f() {}'))).toBe('# [ doc = r" d" ] fn f () {}');
    const whole = [rule('$i:item', '$i')];
    expect(expandMacro(whole, '/// d\nfn f() {}')).toBe('/// d\nfn f() {}');
    // a doc comment in a matcher is ignored (rustc does the same)
    expect(squash(expandMacro([rule('/// ignored\n $n:ident', 'fn $n() {}')], 'f'))).toBe('fn f ( ) { }');
  });

  it('binds the part of a split token a fragment takes', () => {
    const r = [rule('$t:ty > $n:ident', 'static $n: $t = 0;')];
    expect(squash(expandMacro(r, 'Vec<u8>> X'))).toBe('static X : Vec<u8> = 0 ;');
  });

  it('follows every matcher position, not only the greedy one', () => {
    const r = [rule('$(a)* a b $n:ident', 'fn $n() {}')];
    expect(squash(expandMacro(r, 'a a a b f'))).toBe('fn f ( ) { }');
  });

  it('leaves unexpanded what rustc rejects: ambiguity, a failed fragment, a bad transcriber', () => {
    // local ambiguity: `$t:tt` and the literal `;` both accept `;`
    expect(expandMacro([rule('$($t:tt)* ;', '')], 'a ;')).toBeNull();
    // a fragment that begins but does not parse is an error, not a reason to try the next rule
    const next = [rule('$e:expr', 'fn first() {}'), rule('$($t:tt)*', 'fn second() {}')];
    expect(expandMacro(next, 'match')).toBeNull();
    expect(squash(expandMacro(next, 'fn'))).toBe('fn second ( ) { }');
    // a repetition with no repeating variable, of different lengths, a variable still repeating
    expect(expandMacro([rule('$n:ident', '$( x )*')], 'f')).toBeNull();
    expect(expandMacro([rule('$($a:ident)* ; $($b:ident)*', '$($a $b)*')], 'a b ; c')).toBeNull();
    expect(expandMacro([rule('$($a:ident)*', '$a')], 'a b')).toBeNull();
    // an invalid definition: a missing or unknown fragment specifier
    expect(expandMacro([rule('$a', '')], 'x')).toBeNull();
    expect(expandMacro([rule('$a:thing', '')], 'x')).toBeNull();
  });

  it('leaves unexpanded what depends on the edition', () => {
    const r = [rule('$e:expr', 'fn first() {}'), rule('$($t:tt)*', 'fn second() {}')];
    expect(expandMacro(r, '_')).toBeNull(); // edition 2024's `expr` takes `_`
    expect(squash(expandMacro(r, 'let'))).toBe('fn second ( ) { }');
    const p = [rule('$p:pat', 'fn first() {}'), rule('$($t:tt)*', 'fn second() {}')];
    expect(expandMacro(p, 'A | B')).toBeNull(); // editions before 2021 stop before `|`
    expect(squash(expandMacro(p, 'A'))).toBe('fn first ( ) { }');
  });

  it('bounds the output of an expansion', () => {
    const r = [rule('$($x:tt)*', `$(${'$x '.repeat(50)})*`)];
    const input = Array.from({ length: 50_000 }, (_, i) => `t${i}`).join(' ');
    expect(expandMacro(r, input)).toBeNull();
  });
});

describe('splitCfgIf', () => {
  it('splits if / else if / else', () => {
    expect(
      splitCfgIf(
        'if #[cfg(unix)] { mod u; } else if #[cfg(all(windows, feature = "w"))] { mod w; } else { }',
      ),
    ).toEqual([
      { pred: 'unix', body: 'mod u;' },
      { pred: 'all(windows, feature = "w")', body: 'mod w;' },
      { pred: null, body: '' },
    ]);
  });
  it('refuses input it cannot read', () => {
    expect(splitCfgIf('if unix { }')).toBeNull();
    expect(splitCfgIf('if #[cfg(unix)] mod u;')).toBeNull();
  });
});

describe('macro expansion in a crate', () => {
  it('exports what macros stamp out, with fragment types normalised', async () => {
    const s = await extractFiles(
      crate(`
use std::os::raw::c_int;
macro_rules! getter {
    ($name:ident, $ty:ty, $val:expr) => {
        #[no_mangle]
        pub extern "C" fn $name() -> $ty { $val }
    };
}
getter!(get_int, ::std::os::raw::c_int, 1 + 2);
getter!(get_ptr, *const u8, core::ptr::null());

macro_rules! literal_static {
    ($name:ident = $v:literal) => {
        #[no_mangle]
        pub static $name: i64 = $v;
    };
}
literal_static!(NEGATIVE = -5);

macro_rules! with_path {
    ($p:path, $sym:literal) => {
        #[export_name = $sym]
        pub extern "C" fn call_path() { $p() }
    };
}
with_path!(crate::helper, "renamed_by_macro");
fn helper() {}

macro_rules! tt_bag {
    ($($t:tt)*) => { $($t)* };
}
tt_bag! {
    #[no_mangle]
    pub extern "C" fn from_tt_bag(x: c_int) -> c_int { x }
}
`),
    );
    expect(symbolsOf(s)).toEqual(['NEGATIVE', 'from_tt_bag', 'get_int', 'get_ptr', 'renamed_by_macro']);
    expect(fn(s, 'get_int').returns).toBe('c_int');
    expect(fn(s, 'get_ptr').returns).toBe('*const u8');
    expect(fn(s, 'get_int').macro).toBe('getter');
    expect(fn(s, 'from_tt_bag').params).toEqual([{ name: 'x', type: 'c_int' }]);
    expect(fn(s, 'renamed_by_macro').name).toBe('call_path');
    expect(codes(s)).toEqual([]);
  });

  it('expands nested repetitions, $crate and a macro that calls another crate macro', async () => {
    const s = await extractFiles(
      crate(`
macro_rules! one {
    ($n:ident) => {
        #[no_mangle]
        pub extern "C" fn $n() -> u32 { 0 }
    };
}
macro_rules! groups {
    ($($g:ident => [$($n:ident),*]);* $(;)?) => {
        $( pub mod $g { $( $crate::one!($n); )* } )*
    };
}
groups! {
    first => [g_a, g_b];
    second => [g_c];
}
`),
    );
    expect(symbolsOf(s)).toEqual(['g_a', 'g_b', 'g_c']);
    expect(fn(s, 'g_c').path).toBe('crate::second');
    expect(fn(s, 'g_a').macro).toBe('one');
  });

  it('chooses among several rules', async () => {
    const s = await extractFiles(
      crate(`
macro_rules! ffi {
    (fn $n:ident) => { #[no_mangle] pub extern "C" fn $n() {} };
    (static $n:ident: $t:ty) => { #[no_mangle] pub static $n: $t = 0; };
    (both $a:ident $b:ident) => { ffi!(fn $a); ffi!(static $b: u8); };
}
ffi!(fn rule_fn);
ffi!(static RULE_STATIC: u16);
ffi!(both rule_both_fn RULE_BOTH_STATIC);
`),
    );
    expect(symbolsOf(s)).toEqual(['RULE_BOTH_STATIC', 'RULE_STATIC', 'rule_both_fn', 'rule_fn']);
    expect(item(s, 'static', 'RULE_STATIC')).toMatchObject({ type: 'u16' });
  });

  it('reports an invocation that no rule matches, naming the macro', async () => {
    const s = await extractFiles(
      crate(`
macro_rules! strict { (fn $n:ident) => { #[no_mangle] pub extern "C" fn $n() {} }; }
strict!(fn ok_one);
strict!(static NOPE);
`),
    );
    expect(symbolsOf(s)).toEqual(['ok_one']);
    const d = diag(s, 'unexpanded-macro');
    expect(d.message).toContain('strict!');
    expect(d.line).toBe(4);
    expect(d.file).toBe('src/lib.rs');
  });

  it('reports a proc-macro or external item-position invocation, naming the macro', async () => {
    const s = await extractFiles(
      crate(`
#[no_mangle]
pub extern "C" fn visible() {}
ffi_helpers::export_all! { fn hidden(); }
safer_ffi_like!(pub fn also_hidden());
thread_local! { static T: u8 = 0; }
`),
    );
    expect(symbolsOf(s)).toEqual(['visible']);
    const msgs = s.diagnostics.filter((d) => d.code === 'unexpanded-macro').map((d) => d.message);
    expect(msgs).toHaveLength(2);
    expect(msgs[0]).toContain('ffi_helpers::export_all!');
    expect(msgs[1]).toContain('safer_ffi_like!');
  });

  it('expands a macro defined in a module read later (textual order across files)', async () => {
    const s = await extractFiles(
      crate('#[macro_use]\nmod macros;\nmod user;\n', {
        'src/macros.rs': 'macro_rules! mk { ($n:ident) => { #[no_mangle] pub extern "C" fn $n() {} }; }\n',
        'src/user.rs': 'mk!(made_in_user);\n',
      }),
    );
    expect(symbolsOf(s)).toEqual(['made_in_user']);
    expect(fn(s, 'made_in_user').file).toBe('src/user.rs');
    expect(codes(s)).toEqual([]);
  });

  it('expands crate macros invoked inside a nested inline module of an unparsed file', async () => {
    const s = await extractFiles(
      crate('macro_rules! mk { ($n:ident) => { #[no_mangle] pub extern "C" fn $n() {} }; }\nmod quiet;\n', {
        'src/quiet.rs': 'pub fn plain() {}\nmod inner {\n    mk!(indented_use);\n}\n',
      }),
    );
    expect(symbolsOf(s)).toEqual(['indented_use']);
    expect(fn(s, 'indented_use').path).toBe('crate::quiet::inner');
  });

  it('evaluates cfg_if! with if / else if / else', async () => {
    const lib = `
cfg_if::cfg_if! {
    if #[cfg(feature = "fast")] {
        #[no_mangle] pub extern "C" fn impl_fast() {}
    } else if #[cfg(unix)] {
        #[no_mangle] pub extern "C" fn impl_unix() {}
    } else if #[cfg(feature = "never")] {
        #[no_mangle] pub extern "C" fn impl_never() {}
    } else {
        #[no_mangle] pub extern "C" fn impl_fallback() {}
    }
}
cfg_if! {
    if #[cfg(test)] {
        #[no_mangle] pub extern "C" fn only_test() {}
    } else {
        #[no_mangle] pub extern "C" fn not_test() {}
    }
}
`;
    const files = crate(lib, {
      'Cargo.toml': '[package]\nname = "demo"\nversion = "1.0.0"\n[features]\nfast = []\nnever = []\n',
    });
    const off = await extractFiles(files);
    expect(symbolsOf(off)).toEqual(['impl_fallback', 'impl_unix', 'not_test']);
    expect(fn(off, 'impl_unix').cfg).toBe('unix');
    expect(fn(off, 'impl_fallback').cfg).toBe('not(unix)');
    expect(fn(off, 'not_test').cfg).toBeNull();
    const on = await extractFiles(files, { mode: 'default', features: ['fast'] });
    expect(symbolsOf(on)).toEqual(['impl_fast', 'not_test']);
    expect(fn(on, 'impl_fast').cfg).toBeNull();
  });

  it('reports a cfg_if! it cannot read', async () => {
    const s = await extractFiles(
      crate('cfg_if::cfg_if! { if unix { #[no_mangle] pub extern "C" fn x() {} } }\n'),
    );
    expect(diag(s, 'unexpanded-macro').message).toContain('cfg_if!');
  });

  it('bounds a self-recursive macro with a diagnostic', async () => {
    const s = await extractFiles(
      crate(`
macro_rules! bomb {
    () => { bomb!(); };
    ($x:ident) => { #[no_mangle] pub extern "C" fn $x() {} bomb!($x); };
}
bomb!();
#[no_mangle]
pub extern "C" fn survivor() {}
`),
    );
    expect(symbolsOf(s)).toEqual(['survivor']);
    const d = diag(s, 'macro-too-deep');
    expect(d.message).toContain('bomb!');
  }, 20_000);

  it('bounds an exponential macro bomb (each expansion invokes itself many times)', async () => {
    const calls = Array.from({ length: 10 }, () => 'wide!();').join(' ');
    const s = await extractFiles(
      crate(`macro_rules! wide { () => { ${calls} #[no_mangle] pub extern "C" fn dup() {} }; }\nwide!();\n`),
    );
    expect(codes(s)).toContain('too-many-expansions');
    expect(symbolsOf(s)).toEqual(['dup']);
    expect(codes(s)).toContain('duplicate-symbol');
  }, 30_000);

  it('bounds a macro bomb whose expansions are large', async () => {
    const filler = Array.from({ length: 400 }, (_, i) => `fn filler_${i}() { let x = ${i}; }`).join(' ');
    const s = await extractFiles(
      crate(`macro_rules! big { () => { big!(); big!(); big!(); ${filler} }; }\nbig!();\n`),
    );
    expect(s.diagnostics.some((d) => d.code === 'too-many-expansions' || d.code === 'macro-too-deep')).toBe(
      true,
    );
  }, 40_000);

  it('does not report expression macros in function bodies', async () => {
    const s = await extractFiles(
      crate(`
use std::fmt;
pub struct W;
impl fmt::Display for W {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result { write!(f, "w") }
}
macro_rules! twice { ($e:expr) => { $e * 2 }; }
#[no_mangle]
pub extern "C" fn body_macros(x: i32) -> i32 {
    println!("{}", x);
    let v = vec![1, 2, 3];
    debug_assert!(v.len() == 3);
    some_external::log! { x }
    twice!(x)
}
`),
    );
    expect(symbolsOf(s)).toEqual(['body_macros']);
    expect(s.diagnostics).toEqual([]);
  });

  it('expands an exporting crate macro invoked inside a function body', async () => {
    const s = await extractFiles(
      crate(`
macro_rules! mk { ($n:ident) => { #[no_mangle] pub extern "C" fn $n() {} }; }
pub fn setup() {
    mk!(made_in_body);
    mk! { made_in_body_braces }
    unknown_proc_macro! { #[no_mangle] pub extern "C" fn hidden() {} }
}
`),
    );
    expect(symbolsOf(s)).toEqual(['made_in_body', 'made_in_body_braces']);
    expect(diag(s, 'unexpanded-macro').message).toContain('unknown_proc_macro!');
  });

  it('records the invocation line for items made by a macro', async () => {
    const s = await extractFiles(
      crate(
        'macro_rules! mk { ($n:ident) => { #[no_mangle] pub extern "C" fn $n() {} }; }\n\n\nmk!(on_line_four);\n',
      ),
    );
    const f: FunctionItem = fn(s, 'on_line_four');
    expect(f.line).toBe(4);
  });
});
