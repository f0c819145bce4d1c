/** Opens the tree a command reads: a git revision (object database only) or the working tree. */
import { promises as fs } from 'node:fs';
import { Deadline, DeadlineTree } from '../core/deadline';
import type { SourceTree } from '../core/source-tree';
import { FileSystemTree } from './file-system-tree';
import { GitRevisionTree } from './git-revision-tree';

export class InputError extends Error {}

/** With a `deadline`, every read of the tree checks it. */
export async function openTree(
  root: string,
  rev: string | undefined,
  deadline?: Deadline,
): Promise<SourceTree & { close?: () => void }> {
  try {
    const st = await fs.stat(root);
    if (!st.isDirectory()) throw new InputError(`--root ${root} is not a directory`);
  } catch (e) {
    if (e instanceof InputError) throw e;
    throw new InputError(`--root ${root} does not exist`);
  }
  const tree = rev === undefined ? await FileSystemTree.open(root) : await GitRevisionTree.open(root, rev);
  return deadline ? new DeadlineTree(tree, deadline) : tree;
}
