/**
 * PE images (`.dll`): the names of the export directory, as `objdump -p` lists them. An export
 * whose address lies in a section holding code is a function; a forwarder (an address inside the
 * export directory) is `other`; anything else is data.
 */
import { Bytes, SymbolBudget } from './bytes';
import type { ArtifactSymbol } from './symbols';

export function isPe(b: Uint8Array): boolean {
  if (b.length < 0x40 || b[0] !== 0x4d || b[1] !== 0x5a) return false;
  const lfanew = b[0x3c] | (b[0x3d] << 8) | (b[0x3e] << 16) | (b[0x3f] << 24);
  return (
    lfanew > 0 &&
    lfanew + 4 <= b.length &&
    b[lfanew] === 0x50 &&
    b[lfanew + 1] === 0x45 &&
    b[lfanew + 2] === 0 &&
    b[lfanew + 3] === 0
  );
}

interface PeSection {
  va: number;
  vsize: number;
  raw: number;
  rawSize: number;
  code: boolean;
}

export function readPe(buf: Uint8Array, what: string, budget = new SymbolBudget(what)): ArtifactSymbol[] {
  const b = new Bytes(buf, what);
  if (!isPe(buf)) b.fail('not a PE image');
  const pe = b.u32(0x3c, 'e_lfanew');
  const coff = pe + 4;
  const nsections = b.u16(coff + 2, 'NumberOfSections');
  const optSize = b.u16(coff + 16, 'SizeOfOptionalHeader');
  const opt = coff + 20;
  const magic = b.u16(opt, 'optional header magic');
  if (magic !== 0x10b && magic !== 0x20b) b.fail(`unknown optional header magic 0x${magic.toString(16)}`);
  const dirs = opt + (magic === 0x20b ? 112 : 96);
  const ndirs = b.u32(dirs - 4, 'NumberOfRvaAndSizes');
  const sections: PeSection[] = [];
  const secTable = opt + optSize;
  b.check(secTable, nsections * 40, 'section table');
  for (let i = 0; i < nsections; i++) {
    const s = secTable + i * 40;
    const ch = b.u32(s + 36);
    sections.push({
      vsize: b.u32(s + 8),
      va: b.u32(s + 12),
      rawSize: b.u32(s + 16),
      raw: b.u32(s + 20),
      code: (ch & 0x20) !== 0 || (ch & 0x20000000) !== 0,
    });
  }
  if (ndirs < 1 || dirs + 8 > opt + optSize) return [];
  const expRva = b.u32(dirs, 'export table RVA');
  const expSize = b.u32(dirs + 4, 'export table size');
  if (expRva === 0) return [];
  const sectionOf = (rva: number) =>
    sections.find((s) => rva >= s.va && rva < s.va + Math.max(s.vsize, s.rawSize)) ?? null;
  const offsetOf = (rva: number, field: string): number => {
    const s = sectionOf(rva);
    if (!s) return b.fail(`${field}: address 0x${rva.toString(16)} is in no section`);
    const off = s.raw + (rva - s.va);
    if (rva - s.va >= s.rawSize) b.fail(`${field}: address 0x${rva.toString(16)} is not in the file`);
    return off;
  };
  const dir = offsetOf(expRva, 'export directory');
  b.check(dir, 40, 'export directory');
  const nfuncs = b.u32(dir + 20, 'NumberOfFunctions');
  const nnames = b.u32(dir + 24, 'NumberOfNames');
  if (nnames === 0) return [];
  budget.take(nnames);
  const funcs = offsetOf(b.u32(dir + 28), 'AddressOfFunctions');
  const names = offsetOf(b.u32(dir + 32), 'AddressOfNames');
  const ords = offsetOf(b.u32(dir + 36), 'AddressOfNameOrdinals');
  b.check(names, nnames * 4, 'export name table');
  b.check(ords, nnames * 2, 'export ordinal table');
  b.check(funcs, nfuncs * 4, 'export address table');
  const out: ArtifactSymbol[] = [];
  for (let i = 0; i < nnames; i++) {
    const nameRva = b.u32(names + i * 4);
    const ord = b.u16(ords + i * 2);
    if (ord >= nfuncs) b.fail(`export ${i}: ordinal index ${ord} beyond ${nfuncs} functions`);
    const nameOff = offsetOf(nameRva, `name of export ${i}`);
    const s = sectionOf(nameRva) as PeSection;
    const name = b.cstring(nameOff, `name of export ${i}`, s.raw + s.rawSize);
    const addr = b.u32(funcs + ord * 4);
    const forwarder = addr >= expRva && addr < expRva + expSize;
    const kind = forwarder ? 'other' : sectionOf(addr)?.code ? 'function' : 'data';
    if (name) out.push({ name, kind });
  }
  return out;
}
