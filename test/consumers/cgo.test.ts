import * as fs from 'node:fs';
import * as path from 'node:path';
import { loadCParser, loadGoParser } from '../../src/adapters/consumer-parsers';
import { readCgo } from '../../src/core/consumers/cgo';
import { renderPrototype } from '../../src/core/consumers/c-declarations';
import { FIXTURES } from './support';

const MAIN_GO = fs.readFileSync(path.join(FIXTURES, 'cgo', 'main.go'), 'utf8');
const lineOf = (text: string, needle: string): number =>
  text.slice(0, text.indexOf(needle)).split('\n').length;

const read = async (text: string, options = {}) =>
  readCgo(text, 'cgo/main.go', await loadGoParser(), await loadCParser(), options);

describe('the cgo package of the fixture', () => {
  it('the preamble: its inline prototype at the Go file line, its includes for the caller to resolve', async () => {
    const r = await read(MAIN_GO);
    expect(r.importsC).toBe(true);
    expect(r.complete).toBe(true);
    const fns = (r.preamble?.declarations ?? []).flatMap((d) =>
      d.kind === 'function' ? [`${d.file}:${d.line} ${renderPrototype(d)}`] : [],
    );
    expect(fns).toEqual([
      `cgo/main.go:${lineOf(MAIN_GO, 'int64_t tinyffi_hidden_sum')} int64_t tinyffi_hidden_sum(int64_t, int64_t)`,
    ]);
    expect(r.preamble?.includes.map((i) => ({ name: i.name, system: i.system, line: i.line }))).toEqual([
      { name: 'stdint.h', system: true, line: lineOf(MAIN_GO, '#include <stdint.h>') },
      { name: 'tinyffi.h', system: false, line: lineOf(MAIN_GO, '#include "tinyffi.h"') },
    ]);
  });

  it('every use of C.: calls with their lines, the type uses, conversions; cgo helpers left out', async () => {
    const r = await read(MAIN_GO);
    const uses = r.uses.map((u) => `${u.line} ${u.use} ${u.name}`);
    const at = (n: string): number => lineOf(MAIN_GO, n);
    expect(uses).toEqual([
      `${at('C.tinyffi_version()')} call tinyffi_version`,
      `${at('C.tinyffi_clamp(300)')} call tinyffi_clamp`,
      `${at('C.struct_Dimensions{')} type struct_Dimensions`,
      `${at('C.tinyffi_area(d)')} call tinyffi_area`,
      `${at('C.tinyffi_scale(')} call tinyffi_scale`,
      `${at('C.tinyffi_hidden_sum(40')} call tinyffi_hidden_sum`,
      `${at('*C.Counter')} type Counter`,
      `${at('C.tinyffi_counter_new(1)')} call tinyffi_counter_new`,
      `${at('C.tinyffi_counter_add(')} call tinyffi_counter_add`,
      `${at('C.tinyffi_counter_free(')} call tinyffi_counter_free`,
    ]);
  });
});

describe('preamble forms', () => {
  it('// comment groups keep their lines; a blank line detaches a comment; #cgo lines are not C', async () => {
    const src = [
      'package p',
      '',
      '// unrelated comment',
      '',
      '// #cgo CFLAGS: -DX=1',
      '// #include "a.h"',
      '// long f(int x);',
      'import "C"',
      '',
      'func g() int { return int(C.f(C.int(2))) + int(C.CONST) }',
    ].join('\n');
    const r = await read(src);
    const f = r.preamble?.declarations.find((d) => d.kind === 'function');
    expect(f).toMatchObject({ name: 'f', line: 7 });
    expect(r.preamble?.includes.map((i) => [i.name, i.line])).toEqual([['a.h', 6]]);
    expect(r.uses.map((u) => `${u.use} ${u.name}`)).toEqual(['call f', 'conversion int', 'value CONST']);
  });

  it('no import "C": nothing read; a grouped import of "C" has no preamble but its uses count', async () => {
    const plain = await read(
      'package p\n\n/* int f(void); */\nimport "fmt"\n\nfunc g() { fmt.Println(C.f()) }\n',
    );
    expect(plain).toMatchObject({ importsC: false, preamble: null, uses: [] });
    const grouped = await read(
      'package p\n\n/* int f(void); */\nimport (\n\t"C"\n\t"fmt"\n)\n\nfunc g() { fmt.Println(C.f()) }\n',
    );
    expect(grouped.importsC).toBe(true);
    expect(grouped.preamble).toBeNull();
    expect(grouped.uses).toEqual([{ name: 'f', use: 'call', file: 'cgo/main.go', line: 9 }]);
  });
});

describe('hostile Go files end bounded', () => {
  it('over the size cap: not read, incomplete', async () => {
    const r = await read(MAIN_GO, { maxChars: 100 });
    expect(r).toMatchObject({ complete: false, uses: [], preamble: null });
  });

  it('many uses: recorded up to the cap, then incomplete', async () => {
    const body = 'C.f()\n'.repeat(5000);
    const r = await read(`package p\n\n// int f(void);\nimport "C"\n\nfunc g() {\n${body}}\n`, {
      maxUses: 1000,
    });
    expect(r.uses).toHaveLength(1000);
    expect(r.complete).toBe(false);
  });

  it('deep nesting and an unterminated preamble do not throw', async () => {
    const deep = `package p\n\nimport "C"\n\nfunc g() int { return ${'('.repeat(3000)}int(C.f())${')'.repeat(3000)} }\n`;
    const r = await read(deep);
    expect(r.uses).toEqual([{ name: 'f', use: 'call', file: 'cgo/main.go', line: 5 }]);
    const open = await read('package p\n\n/* int f(void);\nimport "C"\n');
    expect(open.complete).toBe(false);
    expect(open.diagnostics.length).toBeGreaterThan(0);
  });
});
