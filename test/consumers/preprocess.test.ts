import { preprocess, stripComments } from '../../src/core/consumers/preprocess';

const rows = (text: string): string[] => text.split('\n');

describe('stripComments', () => {
  it('keeps the number of lines through comments and continuations', () => {
    const src = 'a /* one\ntwo */ b\n#define X 1 \\\n  + 2\nc // tail\n"/* not a comment */"\n';
    const out = stripComments(src);
    expect(rows(out.text)).toHaveLength(rows(src).length);
    expect(rows(out.text)[0]).toBe('a   b');
    expect(rows(out.text)[2]).toBe('#define X 1   + 2');
    expect(rows(out.text)[4]).toBe('c  ');
    expect(rows(out.text)[5]).toBe('"/* not a comment */"');
    expect(out.unterminated).toBeNull();
  });

  it('an unterminated comment runs to the end and is reported', () => {
    const out = stripComments('int a;\n/* open\nint b;\n');
    expect(out.unterminated).toBe(2);
    expect(rows(out.text)).toHaveLength(4);
    expect(out.text).not.toContain('int b');
  });
});

describe('preprocess', () => {
  it('include guards and __cplusplus guards: no condition, the C++ lines dropped', () => {
    const src = [
      '#ifndef X_H',
      '#define X_H',
      '#ifdef __cplusplus',
      'extern "C" {',
      '#endif',
      'int f(void);',
      '#if defined(__cplusplus)',
      '}',
      '#endif',
      '#endif',
    ].join('\n');
    const p = preprocess(src);
    expect(rows(p.text)).toHaveLength(10);
    expect(p.text).not.toContain('extern');
    expect(p.text).not.toContain('}');
    expect(rows(p.text)[5]).toBe('int f(void);');
    expect(p.conditionOf(5)).toBeNull();
    expect(p.diagnostics).toEqual([]);
  });

  it('unknown conditions keep their lines and record them; #else and #elif negate the earlier ones', () => {
    const src = [
      '#if defined(FEATURE_A)',
      'int a(void);',
      '#elif FEATURE_B && !defined(_WIN32)',
      'int b(void);',
      '#else',
      'int c(void);',
      '#endif',
      '#ifdef FEATURE_A',
      '#ifndef NDEBUG',
      'int d(void);',
      '#endif',
      '#endif',
    ].join('\n');
    const p = preprocess(src);
    expect(p.conditionOf(1)).toBe('defined(FEATURE_A)');
    expect(p.conditionOf(3)).toBe('!defined(FEATURE_A) && (FEATURE_B && !defined(_WIN32))');
    expect(p.conditionOf(5)).toBe('!defined(FEATURE_A) && !(FEATURE_B && !defined(_WIN32))');
    expect(p.conditionOf(9)).toBe('defined(FEATURE_A) && !defined(NDEBUG)');
  });

  it('known conditions: literals, macros defined earlier, __cplusplus; the false branches are dropped', () => {
    const src = [
      '#define VERSION 3',
      '#if 0',
      'int dead(void);',
      '#elif VERSION >= 2 && !defined(__cplusplus)',
      'int live(void);',
      '#else',
      'int other(void);',
      '#endif',
    ].join('\n');
    const p = preprocess(src);
    expect(p.text).not.toContain('dead');
    expect(p.text).not.toContain('other');
    expect(rows(p.text)[4]).toBe('int live(void);');
    expect(p.conditionOf(4)).toBeNull();
    expect(p.defines).toEqual([{ name: 'VERSION', value: '3', line: 1, condition: null }]);
  });

  it('object-like macros are expanded (bounded), function-like ones with their arguments; includes are recorded', () => {
    const src = [
      '#include "other.h"',
      '#include <stdint.h>',
      '#define API __attribute__((visibility("default")))',
      '#define SIZE_T_ALIAS size_t',
      '#define F(x) x',
      '#define SELF SELF',
      'API SIZE_T_ALIAS len(const char *API_NOT);',
      'SELF F(1);',
    ].join('\n');
    const p = preprocess(src);
    expect(rows(p.text)[6]).toBe('__attribute__((visibility("default"))) size_t len(const char *API_NOT);');
    expect(rows(p.text)[7]).toBe('SELF 1;');
    expect(p.includes).toEqual([
      { name: 'other.h', system: false, line: 1, condition: null },
      { name: 'stdint.h', system: true, line: 2, condition: null },
    ]);
    expect(p.defines.map((d) => d.name)).toEqual(['API', 'SIZE_T_ALIAS', 'SELF']);
  });

  it('an exponential macro stops at the output bound, marked incomplete', () => {
    const defs = Array.from({ length: 30 }, (_, i) => `#define M${i} ${`M${i + 1} `.repeat(10)}`);
    const p = preprocess([...defs, 'M0'].join('\n'), { maxOutputChars: 100_000 });
    expect(p.complete).toBe(false);
    expect(p.text.length).toBeLessThan(200_000);
    expect(p.diagnostics.map((d) => d.message).join()).toMatch(/macro expansion exceeded/);
  });

  it('a huge condition is kept clipped', () => {
    const p = preprocess(`#if ${'A && '.repeat(100_000)}B\nint x;\n#endif\n`);
    expect(p.conditionOf(1)?.length).toBeLessThanOrEqual(303);
    expect(rows(p.text)[1]).toBe('int x;');
  });

  it('function-like macros: attribute macros vanish, #x and ## and __VA_ARGS__; unclosed calls stay', () => {
    const src = [
      '#if defined(__GNUC__)',
      '# define DEPRECATED(why) __attribute__((deprecated(why)))',
      '#else',
      '# define DEPRECATED(why)',
      '#endif',
      '#define NAME(p, s) p ## _ ## s',
      '#define STR(x) #x',
      '#define CALL(f, ...) f(__VA_ARGS__)',
      'DEPRECATED("use g (not f)") int NAME(lib, f)(void);',
      'const char *s = STR(a b); int v = CALL(g, 1, (2, 3));',
      'DEPRECATED("never closed" int h(void);',
    ].join('\n');
    const p = preprocess(src);
    expect(rows(p.text)[8]).toBe(' int lib_f(void);');
    expect(rows(p.text)[9]).toBe('const char *s = "a b"; int v = g(1, (2, 3));');
    expect(rows(p.text)[10]).toBe('DEPRECATED("never closed" int h(void);');
  });

  it('C17 is predefined: __STDC_VERSION__ conditions are known', () => {
    const p = preprocess('#if __STDC_VERSION__ >= 202311L\nC23;\n#else\nC17;\n#endif\n');
    expect(p.text.trim()).toBe('C17;');
    expect(p.conditionOf(3)).toBeNull();
  });

  it('many unclosed function-like calls on one line: bounded, incomplete', () => {
    const p = preprocess(`#define F(x) x\n${'F( '.repeat(200_000)}\n`);
    expect(p.complete).toBe(false);
  });

  it('deep #if nesting stops at the bound; unterminated and unmatched directives are reported', () => {
    const deep = preprocess('#ifdef A\n'.repeat(100) + 'int x;\n');
    expect(deep.complete).toBe(false);
    expect(deep.diagnostics[0].message).toMatch(/nesting deeper than 64/);
    const open = preprocess('#ifdef A\nint x;\n');
    expect(open.diagnostics).toEqual([{ line: 1, message: 'unterminated #if: no matching #endif' }]);
    const stray = preprocess('#endif\n#else\n');
    expect(stray.diagnostics.map((d) => d.message)).toEqual(['#endif without #if', '#else without #if']);
  });
});
