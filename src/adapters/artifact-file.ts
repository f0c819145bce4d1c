/**
 * Reads built libraries named with `--binary` (or the Action's `binaries` globs) from the file
 * system: a regular file, no larger than the readers' cap, read once; the symbol tables are then
 * read by the pure readers of src/core/artifact.
 */
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { ARTIFACT_LIMITS, ArtifactError } from '../core/artifact/bytes';
import { compileGlob, hasGlobMeta, matchGlobSegment } from '../core/cargo-glob';
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

/** Most files one `binaries` input may name. */
const MAX_GLOB_MATCHES = 1000;

/**
 * Expands the Action's `binaries` globs (one per line; `*`, `?` and `[…]` within a path segment,
 * relative to `base`) to the regular files they match, sorted. A pattern that matches nothing is
 * an error: a release gate told to check a library must not pass because the build put it elsewhere.
 */
export async function expandArtifactGlobs(base: string, patterns: readonly string[]): Promise<string[]> {
  const out = new Set<string>();
  for (const pattern of patterns) {
    const segments = pattern
      .replace(/\\/g, '/')
      .split('/')
      .filter((s) => s !== '' && s !== '.');
    if (segments.includes('**') || segments.includes('..'))
      throw new ArtifactError(`binaries: ${pattern}: ** and .. are not supported; name the directory`);
    let dirs = [path.isAbsolute(pattern) ? path.parse(path.resolve(pattern)).root : base];
    for (let i = 0; i < segments.length; i++) {
      const seg = segments[i];
      const next: string[] = [];
      for (const d of dirs) {
        if (!hasGlobMeta(seg)) {
          next.push(path.join(d, seg));
          continue;
        }
        const glob = compileGlob(seg);
        let names: string[] = [];
        try {
          names = (await fs.readdir(d)).sort();
        } catch {
          continue;
        }
        for (const n of names) if (matchGlobSegment(glob, n)) next.push(path.join(d, n));
        if (next.length > MAX_GLOB_MATCHES)
          throw new ArtifactError(`binaries: ${pattern} matches more than ${MAX_GLOB_MATCHES} paths`);
      }
      dirs = next;
    }
    const files: string[] = [];
    for (const f of dirs) {
      const st = await fs.stat(f).catch(() => null);
      if (st?.isFile()) files.push(f);
    }
    if (!files.length) throw new ArtifactError(`binaries: ${pattern} matches no file`);
    for (const f of files) out.add(f);
  }
  return [...out].sort();
}
