/**
 * The C type model of the consumers' side: a parsed C type (base name, qualifiers, pointers,
 * arrays, function pointers) and what it means for the ABI under a data model (LP64 or LLP64:
 * the size of `long`; the signedness of plain `char`), with typedefs of the header resolved.
 */

export type CTag = 'struct' | 'union' | 'enum';

export type CType =
  /** A named type: a canonical primitive (`unsigned long`), a typedef name, or a tagged type. */
  | { k: 'base'; name: string; tag: CTag | null; const: boolean; volatile: boolean }
  | { k: 'ptr'; const: boolean; to: CType }
  | { k: 'array'; of: CType; len: string | null }
  | { k: 'fn'; params: CType[]; variadic: boolean; ret: CType }
  /** What the reader could not make sense of (kept as text; every check treats it as unknown). */
  | { k: 'other'; text: string };

/** A C data model: what the compiler of a consumer on one target makes of the base types. */
export interface DataModel {
  /** Short name used in reports. */
  name: string;
  /** An example target triple. */
  triple: string;
  longBytes: 4 | 8;
  pointerBytes: 4 | 8;
  /** Whether plain `char` is signed (x86_64: yes; aarch64 Linux: no). */
  charSigned: boolean;
  /**
   * Macros the compilers of this model predefine (`_WIN32` on Windows), and macros they are known
   * not to: a declaration under `#ifdef _WIN32` is read under LLP64 only, the `#else` branch under
   * LP64 only. Any other macro of a condition is unknown (the declaration is read under both).
   */
  predefined?: Readonly<Record<string, number>>;
  notDefined?: readonly string[];
}

/** What a Windows compiler defines (MSVC, clang-cl, MinGW): never defined on Linux or macOS. */
const WINDOWS_MACROS = ['_WIN32', '_WIN64', '_MSC_VER', '__MINGW32__', '__MINGW64__', 'WIN32', '_WINDOWS'];
/** What the compilers of Linux and macOS define: never defined on Windows. */
const UNIX_MACROS = [
  '__unix__',
  '__unix',
  'unix',
  '__linux__',
  '__linux',
  'linux',
  '__gnu_linux__',
  '__APPLE__',
  '__MACH__',
  '__LP64__',
  '_LP64',
];

export const LP64: DataModel = {
  name: 'LP64',
  triple: 'x86_64-unknown-linux-gnu',
  longBytes: 8,
  pointerBytes: 8,
  charSigned: true,
  predefined: { __LP64__: 1, _LP64: 1 },
  notDefined: WINDOWS_MACROS,
};
export const LLP64: DataModel = {
  name: 'LLP64',
  triple: 'x86_64-pc-windows-msvc',
  longBytes: 4,
  pointerBytes: 8,
  charSigned: true,
  predefined: { _WIN32: 1, _WIN64: 1 },
  notDefined: UNIX_MACROS,
};
/** LP64 with an unsigned plain `char` (aarch64 Linux, where Rust's `c_char` is `u8`). */
export const LP64_UNSIGNED_CHAR: DataModel = {
  name: 'LP64-unsigned-char',
  triple: 'aarch64-unknown-linux-gnu',
  longBytes: 8,
  pointerBytes: 8,
  charSigned: false,
  predefined: { __LP64__: 1, _LP64: 1, __linux__: 1, __unix__: 1, __aarch64__: 1 },
  notDefined: [...WINDOWS_MACROS, '__APPLE__', '__MACH__'],
};

/** The leaf of a type once its pointers are counted: what the ABI sees. */
export type AbiLeaf =
  | { k: 'int'; bytes: number; signed: boolean }
  | { k: 'float'; bytes: number }
  | { k: 'void' }
  /** A function (pointer): its signature is not compared here. */
  | { k: 'fn' }
  /** A struct, union or by-value aggregate: compared by name and layout elsewhere. */
  | { k: 'record'; name: string }
  | { k: 'unknown'; name: string };

/** A type as the ABI sees it: `depth` levels of data pointer to `leaf`. */
export interface AbiShape {
  depth: number;
  leaf: AbiLeaf;
}

const MAX_TYPEDEF_CHAIN = 32;

/**
 * Canonical spelling of a list of C type-specifier keywords (`long unsigned int` → `unsigned long`),
 * or null when they do not form a primitive type.
 */
export function canonicalPrimitive(words: readonly string[]): string | null {
  let signed: boolean | null = null;
  let longs = 0;
  let short = false;
  let base: string | null = null;
  for (const w of words) {
    if (w === 'signed') signed = true;
    else if (w === 'unsigned') signed = false;
    else if (w === 'long') longs++;
    else if (w === 'short') short = true;
    else if (['int', 'char', 'double', 'float', 'void', '_Bool', 'bool'].includes(w)) {
      if (base !== null) return null;
      base = w;
    } else return null;
  }
  if (longs > 2 || (short && longs > 0)) return null;
  if (base === 'void' || base === 'float' || base === '_Bool' || base === 'bool') {
    return signed === null && longs === 0 && !short ? (base === '_Bool' ? 'bool' : base) : null;
  }
  if (base === 'double')
    return signed === null && !short && longs <= 1 ? (longs ? 'long double' : 'double') : null;
  if (base === 'char') {
    if (short || longs) return null;
    return signed === null ? 'char' : signed ? 'signed char' : 'unsigned char';
  }
  // int, or no base at all (`unsigned`, `long`, `short`)
  const core = short ? 'short' : longs === 2 ? 'long long' : longs === 1 ? 'long' : 'int';
  return signed === false ? `unsigned ${core}` : core;
}

/** Fixed-size names every C header of an FFI library uses (stdint.h, stddef.h, stdbool.h, uchar.h). */
function knownTypedef(name: string, m: DataModel): AbiLeaf | null {
  const fixed = /^(u?)int(8|16|32|64)_t$/.exec(name);
  if (fixed) return { k: 'int', bytes: Number(fixed[2]) / 8, signed: fixed[1] === '' };
  const least = /^(u?)int_(?:least|fast)(8|16|32|64)_t$/.exec(name);
  if (least && (least[2] === '8' || least[2] === '64'))
    return { k: 'int', bytes: Number(least[2]) / 8, signed: least[1] === '' };
  switch (name) {
    case 'size_t':
    case 'uintptr_t':
    case 'uintmax_t':
      return { k: 'int', bytes: name === 'uintmax_t' ? 8 : m.pointerBytes, signed: false };
    case 'ssize_t':
    case 'intptr_t':
    case 'ptrdiff_t':
    case 'intmax_t':
      return { k: 'int', bytes: name === 'intmax_t' ? 8 : m.pointerBytes, signed: true };
    case 'char16_t':
      return { k: 'int', bytes: 2, signed: false };
    case 'char32_t':
      return { k: 'int', bytes: 4, signed: false };
    case 'wchar_t':
      return m.longBytes === 4 ? { k: 'int', bytes: 2, signed: false } : { k: 'int', bytes: 4, signed: true };
    default:
      return null;
  }
}

/** The ABI leaf of a canonical primitive under a data model, or null when `name` is not one. */
export function primitiveLeaf(name: string, m: DataModel): AbiLeaf | null {
  switch (name) {
    case 'void':
      return { k: 'void' };
    case 'bool':
      return { k: 'int', bytes: 1, signed: false };
    case 'char':
      return { k: 'int', bytes: 1, signed: m.charSigned };
    case 'signed char':
      return { k: 'int', bytes: 1, signed: true };
    case 'unsigned char':
      return { k: 'int', bytes: 1, signed: false };
    case 'short':
    case 'unsigned short':
      return { k: 'int', bytes: 2, signed: name === 'short' };
    case 'int':
    case 'unsigned int':
      return { k: 'int', bytes: 4, signed: name === 'int' };
    case 'long':
    case 'unsigned long':
      return { k: 'int', bytes: m.longBytes, signed: name === 'long' };
    case 'long long':
    case 'unsigned long long':
      return { k: 'int', bytes: 8, signed: name === 'long long' };
    case 'float':
      return { k: 'float', bytes: 4 };
    case 'double':
      return { k: 'float', bytes: 8 };
    case 'long double':
      return { k: 'float', bytes: 16 };
    default:
      return knownTypedef(name, m);
  }
}

/** The typedefs of a set of headers, by name (the first definition of a name wins). */
export type Typedefs = ReadonlyMap<string, CType>;

/**
 * Follows typedef names to the type they stand for (bounded: a chain longer than 32 or a cycle
 * stays as it is). Qualifiers of the name are kept.
 */
export function resolveTypedef(t: CType, typedefs: Typedefs): CType {
  let cur = t;
  for (let i = 0; i < MAX_TYPEDEF_CHAIN; i++) {
    if (cur.k !== 'base' || cur.tag !== null) return cur;
    const next = typedefs.get(cur.name);
    if (!next) return cur;
    cur = next;
  }
  return cur;
}

/**
 * The ABI shape of a C type under a data model, typedefs resolved. Arrays and functions in
 * parameter position decay to pointers when `parameter` is set (as C says).
 */
export function cAbiShape(t: CType, m: DataModel, typedefs: Typedefs, parameter = false): AbiShape {
  let depth = 0;
  let cur = resolveTypedef(t, typedefs);
  if (parameter && cur.k === 'array') {
    cur = resolveTypedef(cur.of, typedefs);
    depth++;
  }
  for (let i = 0; i < 256; i++) {
    if (cur.k === 'ptr') {
      const to = resolveTypedef(cur.to, typedefs);
      if (to.k === 'fn') return { depth, leaf: { k: 'fn' } };
      depth++;
      cur = to;
      continue;
    }
    if (cur.k === 'array') {
      // an array inside a pointed-to type: its element is what is pointed at
      if (depth === 0) return { depth, leaf: { k: 'record', name: renderCType(cur) } };
      cur = resolveTypedef(cur.of, typedefs);
      continue;
    }
    if (cur.k === 'fn') return { depth, leaf: { k: 'fn' } };
    if (cur.k === 'other') return { depth, leaf: { k: 'unknown', name: cur.text } };
    if (cur.tag === 'enum') return { depth, leaf: { k: 'int', bytes: 4, signed: true } };
    if (cur.tag !== null) return { depth, leaf: { k: 'record', name: `${cur.tag} ${cur.name}` } };
    const leaf = primitiveLeaf(cur.name, m);
    return { depth, leaf: leaf ?? { k: 'unknown', name: cur.name } };
  }
  return { depth, leaf: { k: 'unknown', name: renderCType(t) } };
}

/** Number of data-pointer levels of a type as written (typedefs not resolved). */
export function pointerDepth(t: CType): number {
  let n = 0;
  let cur = t;
  while (cur.k === 'ptr') {
    n++;
    cur = cur.to;
  }
  return n;
}

function qualifiers(c: boolean, v: boolean): string {
  return `${c ? 'const ' : ''}${v ? 'volatile ' : ''}`;
}

/** Renders a type as C would spell an abstract declarator (`const char *`, `int (*)(int)`). */
export function renderCType(t: CType): string {
  return render(t, '').trim();
}

function render(t: CType, inner: string): string {
  switch (t.k) {
    case 'base':
      return `${qualifiers(t.const, t.volatile)}${t.tag ? `${t.tag} ` : ''}${t.name}${inner ? ` ${inner}` : ''}`;
    case 'ptr':
      return render(t.to, `*${t.const ? 'const' : ''}${inner && t.const ? ' ' : ''}${inner}`);
    case 'array': {
      const i = inner.startsWith('*') ? `(${inner})` : inner;
      return render(t.of, `${i}[${t.len ?? ''}]`);
    }
    case 'fn': {
      const i = inner.startsWith('*') ? `(${inner})` : inner;
      const ps = t.params.map(renderCType);
      if (t.variadic) ps.push('...');
      return render(t.ret, `${i}(${ps.length ? ps.join(', ') : 'void'})`);
    }
    case 'other':
      return `${t.text}${inner ? ` ${inner}` : ''}`;
  }
}
