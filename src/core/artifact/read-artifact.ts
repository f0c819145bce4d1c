/** One entry point for every artifact format: the file's kind is told by its first bytes. */
import { isArchive, readArchive } from './archive';
import { ARTIFACT_LIMITS, ArtifactError, SymbolBudget } from './bytes';
import { isElf, readElf } from './elf';
import { isMachO, readMachO } from './macho';
import { isPe, readPe } from './pe';
import { ArtifactSymbols, sortSymbols } from './symbols';

/**
 * Reads the exported symbols of a built library: an ELF shared object, a Mach-O dylib, a PE DLL or
 * a static archive. `what` names the file in errors. Throws `ArtifactError` on anything else.
 */
export function readArtifact(buf: Uint8Array, what: string): ArtifactSymbols {
  if (buf.length > ARTIFACT_LIMITS.maxFileBytes)
    throw new ArtifactError(`${what}: larger than ${ARTIFACT_LIMITS.maxFileBytes} bytes: not read`);
  const budget = new SymbolBudget(what);
  if (isArchive(buf)) {
    const r = readArchive(buf, what, budget);
    return {
      format: 'archive',
      crateType: 'staticlib',
      symbols: sortSymbols(r.symbols),
      skippedMembers: r.skippedMembers,
    };
  }
  if (isElf(buf)) {
    const r = readElf(buf, what, budget);
    if (r.objectType !== 'shared')
      throw new ArtifactError(`${what}: an ELF ${r.objectType} file, not a shared library (.so)`);
    return { format: 'elf', crateType: 'cdylib', symbols: sortSymbols(r.symbols), skippedMembers: [] };
  }
  if (isMachO(buf)) {
    const r = readMachO(buf, what, budget);
    if (r.fileType !== 'dylib')
      throw new ArtifactError(`${what}: a Mach-O ${r.fileType} file, not a dynamic library (.dylib)`);
    return { format: 'mach-o', crateType: 'cdylib', symbols: sortSymbols(r.symbols), skippedMembers: [] };
  }
  if (isPe(buf))
    return {
      format: 'pe',
      crateType: 'cdylib',
      symbols: sortSymbols(readPe(buf, what, budget)),
      skippedMembers: [],
    };
  throw new ArtifactError(
    `${what}: not a library this tool reads (ELF .so, Mach-O .dylib, PE .dll, or an .a/.lib archive)`,
  );
}
