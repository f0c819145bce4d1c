/**
 * Bounded reading of an untrusted binary file. Every offset and length a file gives is checked
 * against the buffer before it is used, every count against a cap, so a truncated or hostile file
 * ends in an `ArtifactError` — never an out-of-range read, an unbounded allocation or a long loop.
 */

/** Why an artifact could not be read: one clear sentence, for the user. */
export class ArtifactError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ArtifactError';
  }
}

/** The caps every reader honours. */
export const ARTIFACT_LIMITS = {
  /** Largest artifact read, in bytes (a release cdylib/staticlib is well below). */
  maxFileBytes: 512 * 1024 * 1024,
  /** Most symbols read from one file (all members of an archive together). */
  maxSymbols: 2_000_000,
  /** Longest symbol name read. */
  maxNameBytes: 4096,
  /** Most members read from one archive. */
  maxMembers: 100_000,
  /** Most sections or load commands read from one object. */
  maxSections: 65_536,
  /** Most nodes visited in a Mach-O export trie. */
  maxTrieNodes: 2_000_000,
};

/** A little- or big-endian view of a byte range with checked reads. */
export class Bytes {
  private readonly view: DataView;

  constructor(
    readonly buf: Uint8Array,
    readonly what: string,
    readonly little = true,
  ) {
    this.view = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
  }

  get length(): number {
    return this.buf.length;
  }

  withEndian(little: boolean): Bytes {
    return new Bytes(this.buf, this.what, little);
  }

  fail(message: string): never {
    throw new ArtifactError(`${this.what}: ${message}`);
  }

  /** Throws unless [offset, offset + size) lies in the buffer. */
  check(offset: number, size: number, field: string): void {
    if (!Number.isSafeInteger(offset) || !Number.isSafeInteger(size) || offset < 0 || size < 0)
      this.fail(`invalid ${field} (offset ${offset}, size ${size})`);
    if (offset + size > this.buf.length)
      this.fail(
        `truncated: ${field} at ${offset} (+${size}) lies beyond the end of the file (${this.buf.length} bytes)`,
      );
  }

  u8(o: number, field = 'byte'): number {
    this.check(o, 1, field);
    return this.view.getUint8(o);
  }

  u16(o: number, field = 'u16'): number {
    this.check(o, 2, field);
    return this.view.getUint16(o, this.little);
  }

  u32(o: number, field = 'u32'): number {
    this.check(o, 4, field);
    return this.view.getUint32(o, this.little);
  }

  /** A 64-bit field; values above 2^53 cannot be an offset in a file we hold, so they fail. */
  u64(o: number, field = 'u64'): number {
    this.check(o, 8, field);
    const v = this.view.getBigUint64(o, this.little);
    if (v > BigInt(Number.MAX_SAFE_INTEGER)) this.fail(`${field} out of range (${v})`);
    return Number(v);
  }

  /** A sub-range as its own view (no copy). */
  slice(offset: number, size: number, what: string): Bytes {
    this.check(offset, size, what);
    return new Bytes(this.buf.subarray(offset, offset + size), `${this.what}: ${what}`, this.little);
  }

  /** A NUL-terminated string starting at `o`, at most `max` bytes (and within `end`). */
  cstring(o: number, field: string, end = this.buf.length, max = ARTIFACT_LIMITS.maxNameBytes): string {
    if (!Number.isSafeInteger(o) || o < 0 || o >= end || end > this.buf.length)
      this.fail(`${field} offset ${o} outside its table`);
    const stop = Math.min(end, o + max + 1);
    // bounded search: a file without NULs costs at most `max` bytes per name, not the whole file
    const nul = this.buf.subarray(o, stop).indexOf(0);
    if (nul < 0)
      this.fail(
        stop === end ? `${field} at ${o} is not NUL-terminated` : `${field} longer than ${max} bytes`,
      );
    return latin1(this.buf.subarray(o, o + nul));
  }

  /** Fixed-size text (archive headers, section names), as Latin-1. */
  text(o: number, size: number, field: string): string {
    this.check(o, size, field);
    return latin1(this.buf.subarray(o, o + size));
  }
}

/** Bytes as Latin-1: every byte maps to one character, so a hostile name cannot grow in decoding. */
export function latin1(b: Uint8Array): string {
  let s = '';
  for (let i = 0; i < b.length; i += 8192)
    s += String.fromCharCode(...b.subarray(i, Math.min(b.length, i + 8192)));
  return s;
}

/** Counts symbols against the cap shared by all members of a file. */
export class SymbolBudget {
  private used = 0;
  constructor(
    private readonly what: string,
    private readonly max = ARTIFACT_LIMITS.maxSymbols,
  ) {}
  take(n: number): void {
    this.used += n;
    if (this.used > this.max)
      throw new ArtifactError(
        `${this.what}: more than ${this.max} symbols: not read (raise no limit, split the file)`,
      );
  }
}
