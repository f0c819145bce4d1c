/** Opens the tree a command reads: a git revision (object database only) or the working tree. */
import { promises as fs } from 'node:fs';
import type { SourceTree } from '../core/source-tree';
import { FileSystemTree } from './file-system-tree';
import { GitRevisionTree } from './git-revision-tree';

export class InputError extends Error {}

export async function openTree(
  root: string,
  rev: string | undefined,
): Promise<SourceTree & { close?: () => void }> {
  try {
    const st = await fs.stat(root);
    if (!st.isDirectory()) throw new InputError(`--root ${root} is not a directory`);
  } catch (e) {
    if (e instanceof InputError) throw e;
    throw new InputError(`--root ${root} does not exist`);
  }
  if (rev === undefined) return FileSystemTree.open(root);
  return GitRevisionTree.open(root, rev);
}
