/**
 * Static archives (`ar`: `.a`, `.lib`) in the GNU, BSD and COFF variants: the members' own symbol
 * tables are read (not the archive index, which a hostile or stale archive could get wrong), so the
 * result is what `nm --defined-only -g` prints for each member.
 */
import { ARTIFACT_LIMITS, ArtifactError, Bytes, SymbolBudget } from './bytes';
import { isCoffObject, readCoffObject } from './coff';
import { isElf, readElf } from './elf';
import { isMachO, readMachO } from './macho';
import type { ArtifactSymbol } from './symbols';

const MAGIC = '!<arch>\n';
const HEADER = 60;

export function isArchive(b: Uint8Array): boolean {
  if (b.length < 8) return false;
  let s = '';
  for (let i = 0; i < 8; i++) s += String.fromCharCode(b[i]);
  return s === MAGIC || s === '!<thin>\n';
}

function decimal(b: Bytes, o: number, size: number, field: string): number {
  const t = b.text(o, size, field).trimEnd();
  if (!/^[0-9]{1,15}$/.test(t)) b.fail(`${field} is not a decimal number: ${JSON.stringify(t)}`);
  return Number(t);
}

export interface ArchiveSymbols {
  symbols: ArtifactSymbol[];
  /** Members that are no object file this reader knows (LLVM bitcode, `lib.rmeta`, import stubs). */
  skippedMembers: string[];
  members: number;
}

export function readArchive(buf: Uint8Array, what: string, budget = new SymbolBudget(what)): ArchiveSymbols {
  const b = new Bytes(buf, what);
  if (!isArchive(buf)) b.fail('not an ar archive');
  if (b.text(0, 8, 'magic') !== MAGIC) b.fail('a thin archive (its members are separate files): not read');
  let longNames: Bytes | null = null;
  const symbols: ArtifactSymbol[] = [];
  const skippedMembers: string[] = [];
  let members = 0;
  let o = 8;
  while (o < buf.length) {
    // members start on an even offset; a lone padding byte at the end is allowed
    if (o + 1 === buf.length && buf[o] === 0x0a) break;
    if (++members > ARTIFACT_LIMITS.maxMembers) b.fail(`more than ${ARTIFACT_LIMITS.maxMembers} members`);
    b.check(o, HEADER, `member header at ${o}`);
    if (buf[o + 58] !== 0x60 || buf[o + 59] !== 0x0a) b.fail(`member header at ${o} has no terminator`);
    const rawName = b.text(o, 16, 'member name').trimEnd();
    let size = decimal(b, o + 48, 10, `size of member at ${o}`);
    let dataOff = o + HEADER;
    b.check(dataOff, size, `member at ${o}`);
    const next = dataOff + size + (size % 2);
    let name = rawName;
    if (rawName.startsWith('#1/')) {
      // BSD: the name is the first N bytes of the data
      const n = decimal(b, o + 3, 13, `BSD name length of member at ${o}`);
      if (n > size || n > ARTIFACT_LIMITS.maxNameBytes)
        b.fail(`member at ${o}: name length ${n} exceeds its size`);
      name = b.text(dataOff, n, 'member name').replace(/\0+$/, '');
      dataOff += n;
      size -= n;
    } else if (rawName === '//') {
      longNames = b.slice(dataOff, size, 'long name table');
      o = next;
      continue;
    } else if (/^\/[0-9]+$/.test(rawName)) {
      if (!longNames) return b.fail(`member at ${o} names the long name table before it`);
      const at = Number(rawName.slice(1));
      if (at >= longNames.length) b.fail(`member at ${o}: long name offset ${at} outside the table`);
      const end = longNames.buf
        .subarray(at, Math.min(longNames.length, at + ARTIFACT_LIMITS.maxNameBytes))
        .indexOf(0x0a);
      name = longNames
        .text(at, end < 0 ? Math.min(longNames.length - at, ARTIFACT_LIMITS.maxNameBytes) : end, 'long name')
        .replace(/\/$/, '');
    } else name = rawName.replace(/\/$/, '');
    o = next;
    // the archive's own indexes
    if (
      rawName === '/' ||
      rawName === '/SYM64/' ||
      rawName === '/<ECSYMBOLS>/' ||
      name === '__.SYMDEF' ||
      name === '__.SYMDEF SORTED' ||
      name === '__.SYMDEF_64' ||
      name === '__.SYMDEF_64 SORTED'
    )
      continue;
    const data = buf.subarray(dataOff, dataOff + size);
    const memberWhat = `${what}(${name})`;
    let found: ArtifactSymbol[] | null = null;
    if (isElf(data)) found = readElf(data, memberWhat, budget).symbols;
    else if (isMachO(data)) found = readMachO(data, memberWhat, budget).symbols;
    else if (isCoffObject(data)) found = readCoffObject(data, memberWhat, budget);
    if (!found) {
      skippedMembers.push(name);
      continue;
    }
    for (const s of found) symbols.push({ ...s, member: name });
  }
  if (members === 0) throw new ArtifactError(`${what}: an archive without members`);
  return { symbols, skippedMembers, members };
}
