/**
 * Mach-O symbol tables (`.dylib`, and object files in archives), thin or universal ("fat"): the
 * external, defined, non-private symbols of `LC_SYMTAB`, named as C names them (the leading
 * underscore removed). A universal file yields the union of its architectures.
 */
import { ARTIFACT_LIMITS, Bytes, SymbolBudget } from './bytes';
import type { ArtifactSymbol } from './symbols';

const MH_MAGIC = 0xfeedface;
const MH_MAGIC_64 = 0xfeedfacf;
const FAT_MAGIC = 0xcafebabe;
const FAT_MAGIC_64 = 0xcafebabf;
const LC_SYMTAB = 0x2;
const LC_DYLD_INFO = 0x22;
const LC_DYLD_INFO_ONLY = 0x80000022;
const LC_DYLD_EXPORTS_TRIE = 0x80000033;
const MH_DYLIB = 0x6;
const MH_OBJECT = 0x1;

function magicOf(b: Uint8Array): number {
  if (b.length < 4) return 0;
  return ((b[0] << 24) | (b[1] << 16) | (b[2] << 8) | b[3]) >>> 0;
}

function thinMagic(b: Uint8Array): { is64: boolean; little: boolean } | null {
  const m = magicOf(b);
  const le = ((b[3] << 24) | (b[2] << 16) | (b[1] << 8) | b[0]) >>> 0;
  if (le === MH_MAGIC || le === MH_MAGIC_64) return { is64: le === MH_MAGIC_64, little: true };
  if (m === MH_MAGIC || m === MH_MAGIC_64) return { is64: m === MH_MAGIC_64, little: false };
  return null;
}

function fatCount(b: Uint8Array): number {
  const m = magicOf(b);
  if ((m !== FAT_MAGIC && m !== FAT_MAGIC_64) || b.length < 8) return 0;
  const n = ((b[4] << 24) | (b[5] << 16) | (b[6] << 8) | b[7]) >>> 0;
  // 0xcafebabe is also a Java class file, whose next field is a version well above 64
  return n > 0 && n < 64 ? n : 0;
}

export function isMachO(b: Uint8Array): boolean {
  return thinMagic(b) !== null || fatCount(b) > 0;
}

export interface MachOSymbols {
  fileType: 'dylib' | 'object' | 'other';
  symbols: ArtifactSymbol[];
}

/** The root node of an export trie has no terminal information and no children. */
function emptyTrie(b: Bytes, off: number, size: number): boolean {
  b.check(off, size, 'export trie');
  const terminal = b.u8(off, 'export trie root');
  // a terminal size of 128 or more is a multi-byte ULEB128: certainly not empty
  if (terminal !== 0) return false;
  return size < 2 || b.u8(off + 1, 'export trie root') === 0;
}

function readThin(buf: Uint8Array, what: string, budget: SymbolBudget): MachOSymbols {
  const magic = thinMagic(buf);
  let b = new Bytes(buf, what);
  if (!magic) return b.fail('not a Mach-O file');
  b = b.withEndian(magic.little);
  const ft = b.u32(12, 'filetype');
  const ncmds = b.u32(16, 'ncmds');
  const sizeofcmds = b.u32(20, 'sizeofcmds');
  const header = magic.is64 ? 32 : 28;
  if (ncmds > ARTIFACT_LIMITS.maxSections)
    b.fail(`${ncmds} load commands: more than ${ARTIFACT_LIMITS.maxSections}`);
  b.check(header, sizeofcmds, 'load commands');
  const cmdsEnd = header + sizeofcmds;
  const symbols: ArtifactSymbol[] = [];
  let trie: { off: number; size: number } | null = null;
  let o = header;
  for (let i = 0; i < ncmds; i++) {
    if (o + 8 > cmdsEnd) b.fail(`load command ${i} lies beyond sizeofcmds`);
    const cmd = b.u32(o, 'cmd');
    const size = b.u32(o + 4, 'cmdsize');
    if (size < 8 || o + size > cmdsEnd) b.fail(`load command ${i} has an invalid size ${size}`);
    if (cmd === LC_SYMTAB) {
      if (size < 24) b.fail('LC_SYMTAB too short');
      const symoff = b.u32(o + 8, 'symoff');
      const nsyms = b.u32(o + 12, 'nsyms');
      const stroff = b.u32(o + 16, 'stroff');
      const strsize = b.u32(o + 20, 'strsize');
      const entry = magic.is64 ? 16 : 12;
      b.check(symoff, nsyms * entry, 'symbol table');
      b.check(stroff, strsize, 'string table');
      budget.take(nsyms);
      for (let s = 0; s < nsyms; s++) {
        const e = symoff + s * entry;
        const strx = b.u32(e);
        const type = b.u8(e + 4);
        // not a debugging entry, external, not private, defined in a section, absolute or indirect
        if (type & 0xe0 || !(type & 0x01) || type & 0x10) continue;
        const t = type & 0x0e;
        if (t !== 0x0e && t !== 0x02 && t !== 0x0a) continue;
        if (strx >= strsize) b.fail(`symbol ${s}: name offset ${strx} outside the string table`);
        const raw = b.cstring(stroff + strx, `name of symbol ${s}`, stroff + strsize);
        const name = raw.startsWith('_') ? raw.slice(1) : raw;
        if (name) symbols.push({ name, kind: 'other' });
      }
    }
    // dyld exports through the trie; this reader reads the symbol table, which a linker writes too
    if ((cmd === LC_DYLD_INFO || cmd === LC_DYLD_INFO_ONLY) && size >= 48)
      trie = { off: b.u32(o + 40, 'export_off'), size: b.u32(o + 44, 'export_size') };
    if (cmd === LC_DYLD_EXPORTS_TRIE && size >= 16)
      trie = { off: b.u32(o + 8, 'dataoff'), size: b.u32(o + 12, 'datasize') };
    o += size;
  }
  // a trie that exports something while the symbol table names nothing: stripped, or hostile
  if (trie && trie.size > 0 && symbols.length === 0 && !emptyTrie(b, trie.off, trie.size))
    b.fail('an export trie but no external symbols in LC_SYMTAB: its exports cannot be read');
  return { fileType: ft === MH_DYLIB ? 'dylib' : ft === MH_OBJECT ? 'object' : 'other', symbols };
}

export function readMachO(buf: Uint8Array, what: string, budget = new SymbolBudget(what)): MachOSymbols {
  const n = fatCount(buf);
  if (!n) return readThin(buf, what, budget);
  const b = new Bytes(buf, what, false);
  const is64 = magicOf(buf) === FAT_MAGIC_64;
  const entry = is64 ? 32 : 20;
  b.check(8, n * entry, 'universal header');
  const symbols: ArtifactSymbol[] = [];
  let fileType: MachOSymbols['fileType'] = 'other';
  for (let i = 0; i < n; i++) {
    const e = 8 + i * entry;
    const offset = is64 ? b.u64(e + 8, 'offset') : b.u32(e + 8, 'offset');
    const size = is64 ? b.u64(e + 16, 'size') : b.u32(e + 12, 'size');
    const slice = b.slice(offset, size, `architecture ${i}`);
    if (!thinMagic(slice.buf)) b.fail(`architecture ${i} is not a Mach-O file`);
    const r = readThin(slice.buf, `${what}[arch ${i}]`, budget);
    fileType = r.fileType;
    symbols.push(...r.symbols);
  }
  return { fileType, symbols };
}
