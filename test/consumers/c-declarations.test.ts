import * as fs from 'node:fs';
import * as path from 'node:path';
import { loadCParser } from '../../src/adapters/consumer-parsers';
import {
  readCDeclarations,
  renderPrototype,
  type CDeclaration,
} from '../../src/core/consumers/c-declarations';
import { renderCType } from '../../src/core/consumers/c-types';
import { CRATE } from './support';

const HEADER = fs.readFileSync(path.join(CRATE, 'tinyffi.h'), 'utf8');
const lineOf = (text: string, needle: string): number =>
  text.slice(0, text.indexOf(needle)).split('\n').length;
const byName = (ds: CDeclaration[], kind: CDeclaration['kind'], name: string): CDeclaration | undefined =>
  ds.find((d) => d.kind === kind && d.name === name);

describe('the header cbindgen writes for the fixture crate', () => {
  it('every declaration, with its line and its #if condition', async () => {
    const r = readCDeclarations(HEADER, 'include/tinyffi.h', await loadCParser());
    expect(r.complete).toBe(true);
    expect(r.diagnostics).toEqual([]);
    const summary = r.declarations.map((d) => {
      const head = `${d.file}:${d.line} ${d.kind} ${d.name}`;
      const cond = d.condition ? ` [${d.condition}]` : '';
      if (d.kind === 'function') return `${head}: ${renderPrototype(d)}${cond}`;
      if (d.kind === 'variable') return `${head}: ${d.storage} ${renderCType(d.type)}${cond}`;
      if (d.kind === 'typedef') return `${head}: ${renderCType(d.type)}${cond}`;
      if (d.kind === 'struct' || d.kind === 'union')
        return `${head} { ${d.fields.map((f) => `${renderCType(f.type)} ${f.name}@${f.line}`).join('; ')} }${cond}`;
      if (d.kind === 'define') return `${head} = ${JSON.stringify(d.value)}${cond}`;
      return `${head}${cond}`;
    });
    const at = (needle: string): number => lineOf(HEADER, needle);
    expect(summary).toEqual([
      `include/tinyffi.h:2 define TINYFFI_H = ""`,
      `include/tinyffi.h:${at('\ntypedef struct Counter Counter;') + 1} typedef Counter: struct Counter`,
      `include/tinyffi.h:${at('typedef struct Dimensions')} struct Dimensions { uint32_t width@${at('uint32_t width')}; uint32_t height@${at('uint32_t height')} }`,
      `include/tinyffi.h:${at('} Dimensions;')} typedef Dimensions: struct Dimensions`,
      `include/tinyffi.h:${at('typedef void (*Callback)')} typedef Callback: void (*)(int64_t, void *)`,
      `include/tinyffi.h:${at('TINYFFI_ABI')} variable TINYFFI_ABI: extern const uint32_t`,
      `include/tinyffi.h:${at('tinyffi_version')} function tinyffi_version: const char * tinyffi_version(void)`,
      `include/tinyffi.h:${at('tinyffi_clamp')} function tinyffi_clamp: uint8_t tinyffi_clamp(int32_t)`,
      `include/tinyffi.h:${at('tinyffi_area')} function tinyffi_area: uint64_t tinyffi_area(struct Dimensions)`,
      `include/tinyffi.h:${at('tinyffi_scale')} function tinyffi_scale: long tinyffi_scale(long, uintptr_t)`,
      `include/tinyffi.h:${at('*tinyffi_counter_new')} function tinyffi_counter_new: struct Counter * tinyffi_counter_new(int64_t)`,
      `include/tinyffi.h:${at('bool tinyffi_counter_add')} function tinyffi_counter_add: bool tinyffi_counter_add(struct Counter *, int64_t, Callback, void *)`,
      `include/tinyffi.h:${at('int tinyffi_counter_name')} function tinyffi_counter_name: int tinyffi_counter_name(const struct Counter *, uint8_t *, uintptr_t)`,
      `include/tinyffi.h:${at('void tinyffi_counter_free')} function tinyffi_counter_free: void tinyffi_counter_free(struct Counter *)`,
      `include/tinyffi.h:${at('double tinyffi_extra_double')} function tinyffi_extra_double: double tinyffi_extra_double(double) [defined(TINYFFI_EXTRA)]`,
    ]);
    expect(r.includes.map((i) => `${i.name}:${i.system}`)).toEqual([
      'stdarg.h:true',
      'stdbool.h:true',
      'stdint.h:true',
      'stdlib.h:true',
    ]);
  });
});

describe('declarations cbindgen does not write but headers have', () => {
  it('declarators: pointers to pointers, arrays, function pointers returning pointers, K&R-less (void)', async () => {
    const src = [
      'typedef unsigned long long u64_t;',
      'struct Node { struct Node *next; char name[16]; unsigned flags : 3; int (*cmp)(const void *, const void *); };',
      'union Value { long l; double d; };',
      'enum Mode { MODE_A = 1, MODE_B };',
      'extern int (*get_handler(int kind))(const char *msg, ...);',
      'const char *const *names(size_t *count);',
      'void fill(int buf[4], long long unsigned int n);',
      'static inline int helper(int x) { return x + 1; }',
      'int counter, *counter_ptr;',
      'extern "C" int cxx_linkage(void);',
    ].join('\n');
    const r = readCDeclarations(src, 'h.h', await loadCParser());
    const ds = r.declarations;
    const node = byName(ds, 'struct', 'Node');
    expect(
      node?.kind === 'struct' &&
        node.fields.map((f) => `${renderCType(f.type)} ${f.name}${f.bits ? `:${f.bits}` : ''}`),
    ).toEqual([
      'struct Node * next',
      'char [16] name',
      'unsigned int flags:3',
      'int (*)(const void *, const void *) cmp',
    ]);
    expect(byName(ds, 'union', 'Value')).toBeDefined();
    const mode = byName(ds, 'enum', 'Mode');
    expect(mode?.kind === 'enum' && mode.variants).toEqual([
      { name: 'MODE_A', value: '1' },
      { name: 'MODE_B', value: null },
    ]);
    const gh = byName(ds, 'function', 'get_handler');
    expect(gh?.kind === 'function' && renderPrototype(gh)).toBe(
      'int (*)(const char *, ...) get_handler(int)',
    );
    const names = byName(ds, 'function', 'names');
    expect(names?.kind === 'function' && renderCType(names.returns)).toBe('const char *const *');
    const fill = byName(ds, 'function', 'fill');
    expect(fill?.kind === 'function' && fill.params.map((p) => `${renderCType(p.type)} ${p.name}`)).toEqual([
      'int [4] buf',
      'unsigned long long n',
    ]);
    const helper = byName(ds, 'function', 'helper');
    expect(helper?.kind === 'function' && [helper.storage, helper.definition]).toEqual(['static', true]);
    expect(ds.filter((d) => d.kind === 'variable').map((d) => d.name)).toEqual(['counter', 'counter_ptr']);
    expect(byName(ds, 'function', 'cxx_linkage')).toMatchObject({ line: 10, params: [] });
    expect(byName(ds, 'typedef', 'u64_t')).toMatchObject({ type: { k: 'base', name: 'unsigned long long' } });
  });
});

describe('hostile headers end bounded', () => {
  it('a header over the size cap is not read, and says so', async () => {
    const r = readCDeclarations('int f(void);\n'.repeat(1000), 'big.h', await loadCParser(), {
      maxChars: 5000,
    });
    expect(r.complete).toBe(false);
    expect(r.declarations).toEqual([]);
    expect(r.diagnostics[0].message).toMatch(/larger than 5000 characters/);
  });

  it('a large header is read in full (linear): 10 000 prototypes', async () => {
    const src = Array.from({ length: 10_000 }, (_, i) => `int f${i}(long a, const char *b);`).join('\n');
    const r = readCDeclarations(src, 'many.h', await loadCParser());
    expect(r.complete).toBe(true);
    expect(r.declarations).toHaveLength(10_000);
    expect(r.declarations[9_999]).toMatchObject({ name: 'f9999', line: 10_000 });
  });

  it('deeply nested declarators and parentheses: not read past the bound, no stack overflow', async () => {
    const ptrs = `int ${'*'.repeat(5000)}p;`;
    const parens = `int ${'('.repeat(5000)}q${')'.repeat(5000)};`;
    const fns = `int f${'(void)'.repeat(3000)};`;
    const r = readCDeclarations(
      [ptrs, parens, fns, 'int ok(void);'].join('\n'),
      'deep.h',
      await loadCParser(),
    );
    expect(r.complete).toBe(false);
    expect(r.diagnostics.some((d) => /nested too deeply/.test(d.message))).toBe(true);
    expect(byName(r.declarations, 'function', 'ok')).toMatchObject({ line: 4 });
  });

  it('unterminated constructs: an open comment, an open #if, an open brace, an open string', async () => {
    const cases = [
      'int a(void);\n/* never closed\nint b(void);',
      '#ifdef X\nint a(void);',
      'int a(void);\nstruct S { int x;',
      'int a(void);\nchar *s = "open;\n',
    ];
    for (const src of cases) {
      const r = readCDeclarations(src, 'open.h', await loadCParser());
      expect(byName(r.declarations, 'function', 'a')).toMatchObject({ line: lineOf(src, 'int a') });
      expect(r.diagnostics.length).toBeGreaterThan(0);
    }
  });

  it('binary garbage is read without throwing and marked incomplete', async () => {
    let seed = 7;
    const bytes = Array.from({ length: 200_000 }, () => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return String.fromCharCode(seed % 256);
    }).join('');
    const r = readCDeclarations(bytes, 'garbage.h', await loadCParser());
    expect(r.complete).toBe(false);
  });
});
