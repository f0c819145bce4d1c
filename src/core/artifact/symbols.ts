/** What the artifact readers return: plain data, the same for every object format. */

export type ArtifactFormat = 'elf' | 'mach-o' | 'pe' | 'archive' | 'coff';

/** `function` for code, `data` for statics (ELF OBJECT/TLS, Mach-O data sections), else `other`. */
export type ArtifactSymbolKind = 'function' | 'data' | 'other';

export interface ArtifactSymbol {
  /** As a C consumer names it: Mach-O's leading underscore removed. */
  name: string;
  kind: ArtifactSymbolKind;
  /** The archive member that defines it (archives only). */
  member?: string;
}

export interface ArtifactSymbols {
  format: ArtifactFormat;
  /** The file's kind: a shared library (`cdylib`) or a static archive (`staticlib`). */
  crateType: 'cdylib' | 'staticlib';
  /** Defined, externally visible symbols, sorted by name, one entry per name and member. */
  symbols: ArtifactSymbol[];
  /** Archive members that are not object files this reader knows (LLVM bitcode, …), by name. */
  skippedMembers: string[];
}

export function sortSymbols(symbols: ArtifactSymbol[]): ArtifactSymbol[] {
  const key = (s: ArtifactSymbol) => `${s.name}\u0000${s.member ?? ''}`;
  const seen = new Set<string>();
  return symbols
    .filter((s) => (seen.has(key(s)) ? false : (seen.add(key(s)), true)))
    .sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}
