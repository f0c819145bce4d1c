/**
 * COFF object files (members of an MSVC `.lib`): external symbols defined in a section. Big-object
 * COFF and short import entries are not objects this reader knows (the archive skips them).
 */
import { ARTIFACT_LIMITS, Bytes, latin1, SymbolBudget } from './bytes';
import type { ArtifactSymbol } from './symbols';

const MACHINES = new Set([0x14c, 0x8664, 0xaa64, 0x1c4, 0xa641, 0xa64e, 0x1c0]);

export function isCoffObject(b: Uint8Array): boolean {
  if (b.length < 20) return false;
  const machine = b[0] | (b[1] << 8);
  const optional = b[16] | (b[17] << 8);
  return MACHINES.has(machine) && optional === 0;
}

export function readCoffObject(
  buf: Uint8Array,
  what: string,
  budget = new SymbolBudget(what),
): ArtifactSymbol[] {
  const b = new Bytes(buf, what);
  const nsections = b.u16(2, 'NumberOfSections');
  const symtab = b.u32(8, 'PointerToSymbolTable');
  const nsyms = b.u32(12, 'NumberOfSymbols');
  if (nsections > ARTIFACT_LIMITS.maxSections) b.fail(`${nsections} sections`);
  if (symtab === 0 || nsyms === 0) return [];
  b.check(symtab, nsyms * 18, 'symbol table');
  const strtab = symtab + nsyms * 18;
  const strsize = strtab + 4 <= buf.length ? b.u32(strtab, 'string table size') : 0;
  if (strsize) b.check(strtab, strsize, 'string table');
  budget.take(nsyms);
  const out: ArtifactSymbol[] = [];
  for (let i = 0; i < nsyms; i++) {
    const e = symtab + i * 18;
    const section = b.u16(e + 12);
    const type = b.u16(e + 14);
    const storage = b.u8(e + 16);
    const aux = b.u8(e + 17);
    const defined = section > 0 && section < 0xfffe; // not UNDEFINED, ABSOLUTE (-1) or DEBUG (-2)
    if (storage === 2 && defined) {
      let name: string;
      if (b.u32(e) === 0) {
        const off = b.u32(e + 4);
        if (off < 4 || off >= strsize) b.fail(`symbol ${i}: name offset ${off} outside the string table`);
        name = b.cstring(strtab + off, `name of symbol ${i}`, strtab + strsize);
      } else {
        const raw = buf.subarray(e, e + 8);
        const nul = raw.indexOf(0);
        name = latin1(nul < 0 ? raw : raw.subarray(0, nul));
      }
      if (name) out.push({ name, kind: (type & 0xf0) === 0x20 ? 'function' : 'data' });
    }
    i += aux;
  }
  return out;
}
