/**
 * ELF symbol tables: the dynamic symbol table of a shared object (what `nm -D --defined-only`
 * lists) and the symbol table of a relocatable object (an archive member). Defined symbols with
 * global, weak or unique binding are returned; section and file symbols are not.
 */
import { ARTIFACT_LIMITS, Bytes, SymbolBudget } from './bytes';
import type { ArtifactSymbol, ArtifactSymbolKind } from './symbols';

const SHT_SYMTAB = 2;
const SHT_STRTAB = 3;
const SHT_DYNSYM = 11;
const ET_REL = 1;
const ET_DYN = 3;

export function isElf(b: Uint8Array): boolean {
  return b.length >= 4 && b[0] === 0x7f && b[1] === 0x45 && b[2] === 0x4c && b[3] === 0x46;
}

interface Section {
  type: number;
  offset: number;
  size: number;
  link: number;
  entsize: number;
}

function kindOf(type: number): ArtifactSymbolKind | null {
  switch (type) {
    case 2: // FUNC
    case 10: // GNU_IFUNC
      return 'function';
    case 1: // OBJECT
    case 5: // COMMON
    case 6: // TLS
      return 'data';
    case 3: // SECTION
    case 4: // FILE
      return null;
    default:
      return 'other';
  }
}

export interface ElfSymbols {
  /** ET_DYN (shared object) or ET_REL (relocatable object). */
  objectType: 'shared' | 'relocatable' | 'other';
  symbols: ArtifactSymbol[];
}

/**
 * Reads the exported symbols of an ELF file: `.dynsym` of a shared object, `.symtab` of a
 * relocatable object. A file without the table has no symbols.
 */
export function readElf(buf: Uint8Array, what: string, budget = new SymbolBudget(what)): ElfSymbols {
  let b = new Bytes(buf, what);
  if (!isElf(buf)) b.fail('not an ELF file');
  const cls = b.u8(4, 'ELF class');
  const data = b.u8(5, 'ELF data encoding');
  if (cls !== 1 && cls !== 2) b.fail(`unknown ELF class ${cls}`);
  if (data !== 1 && data !== 2) b.fail(`unknown ELF data encoding ${data}`);
  b = b.withEndian(data === 1);
  const is64 = cls === 2;
  const etype = b.u16(16, 'e_type');
  const objectType = etype === ET_DYN ? 'shared' : etype === ET_REL ? 'relocatable' : 'other';
  const shoff = is64 ? b.u64(0x28, 'e_shoff') : b.u32(0x20, 'e_shoff');
  const shentsize = b.u16(is64 ? 0x3a : 0x2e, 'e_shentsize');
  let shnum = b.u16(is64 ? 0x3c : 0x30, 'e_shnum');
  // a shared library without section headers still exports through its dynamic segment: a file
  // whose symbol table cannot be found must not pass as one that exports nothing (fail closed)
  if (shoff === 0) {
    if (objectType === 'shared')
      b.fail('no section headers (stripped with sstrip?): its dynamic symbols cannot be read');
    return { objectType, symbols: [] };
  }
  const wantEnt = is64 ? 64 : 40;
  if (shentsize !== wantEnt) b.fail(`section header size ${shentsize}, expected ${wantEnt}`);
  const section = (i: number): Section => {
    const o = shoff + i * shentsize;
    b.check(o, shentsize, `section header ${i}`);
    return is64
      ? {
          type: b.u32(o + 4),
          offset: b.u64(o + 24, 'sh_offset'),
          size: b.u64(o + 32, 'sh_size'),
          link: b.u32(o + 40),
          entsize: b.u64(o + 56, 'sh_entsize'),
        }
      : {
          type: b.u32(o + 4),
          offset: b.u32(o + 16),
          size: b.u32(o + 20),
          link: b.u32(o + 24),
          entsize: b.u32(o + 36),
        };
  };
  // more than 0xff00 sections: the count is in section 0's sh_size
  if (shnum === 0) shnum = section(0).size;
  if (shnum > ARTIFACT_LIMITS.maxSections)
    b.fail(`${shnum} sections: more than ${ARTIFACT_LIMITS.maxSections}`);
  b.check(shoff, shnum * shentsize, 'section header table');
  const want = objectType === 'shared' ? SHT_DYNSYM : SHT_SYMTAB;
  let table: Section | null = null;
  for (let i = 0; i < shnum && !table; i++) {
    const s = section(i);
    if (s.type === want) table = s;
  }
  if (!table) {
    if (objectType === 'shared') b.fail('no dynamic symbol table (.dynsym): its exports cannot be read');
    return { objectType, symbols: [] };
  }
  const symSize = is64 ? 24 : 16;
  if (table.entsize !== symSize) b.fail(`symbol entry size ${table.entsize}, expected ${symSize}`);
  if (table.size % symSize !== 0) b.fail(`symbol table size ${table.size} is not a multiple of ${symSize}`);
  b.check(table.offset, table.size, 'symbol table');
  if (table.link >= shnum) b.fail(`symbol table links to section ${table.link} of ${shnum}`);
  const strtab = section(table.link);
  if (strtab.type !== SHT_STRTAB)
    b.fail(`symbol table's string table (section ${table.link}) is not a string table`);
  b.check(strtab.offset, strtab.size, 'string table');
  const strEnd = strtab.offset + strtab.size;
  const count = table.size / symSize;
  budget.take(count);
  const symbols: ArtifactSymbol[] = [];
  for (let i = 1; i < count; i++) {
    const o = table.offset + i * symSize;
    const nameOff = b.u32(o);
    const info = b.u8(o + (is64 ? 4 : 12));
    const shndx = b.u16(o + (is64 ? 6 : 14));
    const bind = info >> 4;
    if (shndx === 0 || (bind !== 1 && bind !== 2 && bind !== 10)) continue;
    const kind = kindOf(info & 0xf);
    if (!kind) continue;
    const name = b.cstring(strtab.offset + nameOff, `name of symbol ${i}`, strEnd);
    if (name) symbols.push({ name, kind });
  }
  return { objectType, symbols };
}
