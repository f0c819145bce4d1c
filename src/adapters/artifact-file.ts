/**
 * Reads built libraries named with `--binary` (or the Action's `binaries` globs) from the file
 * system: a regular file, no larger than the readers' cap, read once; the symbol tables are then
 * read by the pure readers of src/core/artifact.
 */
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { ARTIFACT_LIMITS, ArtifactError } from '../core/artifact/bytes';
import type { ReadArtifact } from '../core/artifact/binary-only';
import { readArtifact } from '../core/artifact/read-artifact';

export async function readArtifactFile(file: string): Promise<ReadArtifact> {
  const name = path.basename(file);
  let handle: fs.FileHandle;
  try {
    handle = await fs.open(file, 'r');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? 'error';
    throw new ArtifactError(`${file}: cannot be read (${code})`);
  }
  try {
    const st = await handle.stat();
    if (!st.isFile()) throw new ArtifactError(`${file}: not a regular file`);
    if (st.size > ARTIFACT_LIMITS.maxFileBytes)
      throw new ArtifactError(
        `--binary ${file}: larger than ${ARTIFACT_LIMITS.maxFileBytes} bytes: not read`,
      );
    const buf = Buffer.alloc(st.size);
    const { bytesRead } = await handle.read(buf, 0, st.size, 0);
    const bytes = new Uint8Array(buf.buffer, buf.byteOffset, bytesRead);
    return { file: name, read: readArtifact(bytes, name) };
  } finally {
    await handle.close();
  }
}

/** Reads every file, in the order given; the same file named twice is read once. */
export async function readArtifactFiles(files: readonly string[]): Promise<ReadArtifact[]> {
  const seen = new Set<string>();
  const out: ReadArtifact[] = [];
  for (const f of files) {
    const key = path.resolve(f);
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(await readArtifactFile(f));
  }
  return out;
}
