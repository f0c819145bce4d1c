/**
 * The contract check's records (repr(C) structs and unions declared in the header: field order
 * and types) and its per-target reading of headers split by `#ifdef _WIN32` (each branch read
 * under the data model whose compiler takes it, typedefs included), on hand-written headers.
 */
import { loadCParser } from '../../src/adapters/consumer-parsers';
import { readCDeclarations, type CDeclaration } from '../../src/core/consumers/c-declarations';
import {
  activeUnder,
  checkContract,
  type ContractResult,
  type RustExport,
  type RustRecord,
} from '../../src/core/consumers/contract';
import { LLP64, LP64 } from '../../src/core/consumers/c-types';
import { evaluateCondition } from '../../src/core/consumers/preprocess';

async function decls(text: string): Promise<CDeclaration[]> {
  const r = readCDeclarations(text, 'x.h', await loadCParser());
  expect(r.complete).toBe(true);
  return r.declarations;
}

const fn = (symbol: string, params: string[], returns: string | null = null): RustExport => ({
  symbol,
  params,
  returns,
  file: 'src/lib.rs',
  line: 10,
});

const record = (name: string, fields: [string, string][], extra: Partial<RustRecord> = {}): RustRecord => ({
  name,
  cName: name,
  kind: 'struct',
  fields: fields.map(([n, type]) => ({ name: n, type })),
  file: 'src/lib.rs',
  line: 3,
  ...extra,
});

const records = (rs: ContractResult[]): ContractResult[] => rs.filter((r) => r.rule === 'record-mismatch');

const POINT =
  '#include <stdint.h>\ntypedef struct Point {\n  int32_t x;\n  int32_t y;\n} Point;\nvoid use(const Point *p);\n';

describe('repr(C) records against the header', () => {
  it('agreeing fields: nothing', async () => {
    const r = checkContract([fn('use', ['*const Point'])], await decls(POINT), {
      records: [
        record('Point', [
          ['x', 'i32'],
          ['y', 'i32'],
        ]),
      ],
    });
    expect(r).toEqual([]);
  });

  it('a retyped field: its C line, the Rust struct line, both types', async () => {
    const r = checkContract([fn('use', ['*const Point'])], await decls(POINT), {
      records: [
        record('Point', [
          ['x', 'i32'],
          ['y', 'u64'],
        ]),
      ],
    });
    expect(records(r)).toEqual([
      {
        rule: 'record-mismatch',
        record: 'Point',
        c: { file: 'x.h', line: 4, condition: null },
        rust: { file: 'src/lib.rs', line: 3 },
        detail: {
          k: 'field-type',
          index: 1,
          field: 'y',
          cType: 'int32_t',
          rustType: 'u64',
          aspects: ['size', 'signedness'],
          models: ['LP64', 'LLP64'],
        },
      },
    ]);
  });

  it('a field added; two fields swapped; a union declared as a struct', async () => {
    const d = await decls(POINT);
    const details = (rec: RustRecord) =>
      records(checkContract([], d, { records: [rec] })).map((x) =>
        x.rule === 'record-mismatch' ? x.detail : null,
      );
    expect(
      details(
        record('Point', [
          ['x', 'i32'],
          ['y', 'i32'],
          ['z', 'i32'],
        ]),
      ),
    ).toEqual([{ k: 'field-count', cFields: 2, rustFields: 3 }]);
    expect(
      details(
        record('Point', [
          ['y', 'i32'],
          ['x', 'i32'],
        ]),
      ),
    ).toEqual([{ k: 'field-order', cNames: ['x', 'y'], rustNames: ['y', 'x'] }]);
    // a tuple struct's names say nothing; the same types in order agree
    expect(
      details(
        record(
          'Point',
          [
            ['0', 'i32'],
            ['1', 'i32'],
          ],
          { tuple: true },
        ),
      ),
    ).toEqual([]);
    expect(
      details(
        record(
          'Point',
          [
            ['x', 'i32'],
            ['y', 'i32'],
          ],
          { kind: 'union' },
        ),
      ),
    ).toEqual([{ k: 'tag', cTag: 'struct', rustKind: 'union' }]);
  });

  it('zero-sized Rust fields have no C counterpart; the C name is cbindgen’s (a prefix)', async () => {
    const d = await decls('#include <stdint.h>\nstruct mini_Point { int32_t x; int32_t y; };\n');
    const rec = record(
      'Point',
      [
        ['x', 'i32'],
        ['_marker', 'PhantomData<u8>'],
        ['y', 'i32'],
      ],
      {
        cName: 'mini_Point',
      },
    );
    rec.fields[1].zeroSized = true;
    expect(records(checkContract([], d, { records: [rec] }))).toEqual([]);
    rec.fields[2].type = 'i16';
    expect(records(checkContract([], d, { records: [rec] })).length).toBe(1);
  });

  it('a typedef of an anonymous struct is found by the typedef name', async () => {
    const d = await decls('#include <stdint.h>\ntypedef struct { uint8_t r; uint8_t g; } Rgb;\n');
    expect(
      records(
        checkContract([], d, {
          records: [
            record('Rgb', [
              ['r', 'u8'],
              ['g', 'u8'],
            ]),
          ],
        }),
      ),
    ).toEqual([]);
    expect(
      records(
        checkContract([], d, {
          records: [
            record('Rgb', [
              ['r', 'u8'],
              ['g', 'u32'],
            ]),
          ],
        }),
      ).length,
    ).toBe(1);
  });

  it('fields under a cbindgen feature block are not known: the record is not compared', async () => {
    const d = await decls(
      '#include <stdint.h>\nstruct Opts {\n  uint32_t a;\n#if defined(DEFINE_EXTRA)\n  uint64_t extra;\n#endif\n};\n',
    );
    expect(records(checkContract([], d, { records: [record('Opts', [['a', 'u32']])] }))).toEqual([]);
    expect(
      records(
        checkContract([], d, {
          records: [
            record('Opts', [
              ['a', 'u32'],
              ['extra', 'u64'],
            ]),
          ],
        }),
      ),
    ).toEqual([]);
  });

  it('fields under #ifdef _WIN32 are read per target', async () => {
    const d = await decls(
      '#include <stdint.h>\nstruct Fd {\n#ifdef _WIN32\n  uint64_t handle;\n#else\n  int32_t fd;\n#endif\n};\n',
    );
    // Rust: a c_int on every target (cfg-dependent fields are not modelled): Windows disagrees
    const r = records(checkContract([], d, { records: [record('Fd', [['fd', 'c_int']])] }));
    expect(r.map((x) => (x.rule === 'record-mismatch' ? [x.detail.k, x.c.line] : null))).toEqual([
      ['field-type', 4],
    ]);
    expect(
      r[0].rule === 'record-mismatch' && r[0].detail.k === 'field-type' ? r[0].detail.models : null,
    ).toEqual(['LLP64']);
  });
});

describe('headers split by #ifdef _WIN32', () => {
  it('each branch is read under the data model of the compiler that takes it', async () => {
    const d = await decls(
      [
        '#include <stdint.h>',
        '#if defined(_WIN32)',
        'typedef uint32_t handle_t;',
        'void set_size(int32_t n);',
        '#else',
        'typedef int32_t handle_t;',
        'void set_size(int64_t n);',
        '#endif',
        'void take(handle_t h);',
        '',
      ].join('\n'),
    );
    const consistent = [fn('set_size', ['c_long']), fn('take', ['u32'])];
    // take: uint32_t on Windows, int32_t elsewhere; Rust says u32: only the non-Windows typedef disagrees
    expect(
      checkContract(consistent, d).map((r) => (r.rule === 'type-mismatch' ? [r.symbol, r.models] : r.rule)),
    ).toEqual([['take', ['LP64']]]);
    // set_size: c_long is 4 bytes on Windows, 8 elsewhere: each branch agrees under its own model
    const sizes = checkContract([fn('set_size', ['c_long'])], d).filter((r) => r.rule === 'type-mismatch');
    expect(sizes).toEqual([]);
    const wide = checkContract([fn('set_size', ['i64'])], d).filter((r) => r.rule === 'type-mismatch');
    expect(wide.map((r) => (r.rule === 'type-mismatch' ? [r.c.line, r.models] : null))).toEqual([
      [4, ['LLP64']],
    ]);
  });

  it('conditions: known per target, a feature macro unknown', () => {
    expect(activeUnder('defined(_WIN32)', LP64)).toBe(false);
    expect(activeUnder('defined(_WIN32)', LLP64)).toBe(true);
    expect(activeUnder('!(defined(_WIN32))', LP64)).toBe(true);
    expect(activeUnder('!(defined(_WIN32))', LLP64)).toBe(false);
    expect(activeUnder('defined(DEFINE_RING)', LP64)).toBe(true);
    expect(activeUnder('defined(DEFINE_RING)', LLP64)).toBe(true);
    const known = new Map([['_WIN32', 1]]);
    expect(evaluateCondition('defined(_WIN32) && defined(FEATURE)', known, new Set())).toBe('unknown');
    expect(evaluateCondition('defined(__APPLE__) || !defined(_WIN32)', known, new Set(['__APPLE__']))).toBe(
      'false',
    );
    expect(evaluateCondition('_MSC_VER >= 1900', new Map(), new Set(['_MSC_VER']))).toBe('false');
    // a hostile condition: bounded, unknown
    expect(evaluateCondition('('.repeat(100_000), known, new Set())).toBe('unknown');
  });
});
