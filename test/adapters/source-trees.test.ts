/**
 * The two on-disk `SourceTree`s keep compact indexes (issue 19's peak memory): a git revision's
 * blobs as binary object ids in one buffer, a directory's entries as kind codes. What they answer
 * must not change: object ids of either hash function, any byte in a path, which paths differ
 * between revisions, and what `stat` says of files, directories and links.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { FileSystemTree } from '../../src/adapters/file-system-tree';
import { GitRevisionTree } from '../../src/adapters/git-revision-tree';
import { Repo, tempDir } from '../diff/git-fixture';
import { removeTree, writeTree } from '../extract/helpers';

const dirs: string[] = [];
afterAll(() => dirs.forEach(removeTree));

/** An empty repository (the shared fixture's git environment) of one object format. */
function repo(objectFormat: 'sha1' | 'sha256'): Repo {
  const r = new Repo(tempDir('fsg-trees-'));
  dirs.push(r.dir);
  r.git('init', '-q', '-b', 'main', `--object-format=${objectFormat}`);
  return r;
}

const ODD = ['src/ünï cødé.rs', 'src/tab\there.rs', 'src/new\nline.rs', 'src/sp  aces .rs', 'src/日本.rs'];

describe.each(['sha1', 'sha256'] as const)('GitRevisionTree over a %s repository', (format) => {
  it('reads every blob, names every path, and finds what changed', async () => {
    const r = repo(format);
    const dir = r.dir;
    const first: Record<string, string> = {
      'Cargo.toml': '[package]\nname = "a"\n',
      'src/lib.rs': 'mod a;\n',
    };
    ODD.forEach((p, i) => (first[p] = `// file ${i}\n`));
    r.write(first);
    fs.symlinkSync('lib.rs', path.join(dir, 'src/link.rs'));
    const one = r.commit('one');
    expect(one).toHaveLength(format === 'sha1' ? 40 : 64);
    r.commit('two', { 'src/lib.rs': 'mod b;\n', 'src/added.rs': '', [ODD[1]]: null });

    const a = await GitRevisionTree.open(dir, one);
    const b = await GitRevisionTree.open(dir, 'HEAD');
    try {
      const listed = (await a.listAll(1000)).paths;
      expect(listed).toEqual([...Object.keys(first), 'src/link.rs'].sort());
      for (const [p, text] of Object.entries(first)) {
        expect(await a.stat(p)).toBe('file');
        expect(await a.read(p, 1 << 20)).toMatchObject({ ok: true, text });
      }
      // a link is followed to what it names, and listed as a link
      expect(await a.read('src/link.rs', 1 << 20)).toMatchObject({ ok: true, text: 'mod a;\n' });
      // every entry with its type, sorted by name (the listing is kept as names and type codes)
      const src = (p: string) => p.slice('src/'.length);
      expect(await a.list('src')).toEqual(
        [
          ...['src/lib.rs', ...ODD].map((p) => ({ name: src(p), type: 'file' })),
          { name: 'link.rs', type: 'symlink' },
        ].sort((x, y) => (x.name < y.name ? -1 : x.name > y.name ? 1 : 0)),
      );
      expect(await a.list('')).toEqual([
        { name: 'Cargo.toml', type: 'file' },
        { name: 'src', type: 'dir' },
      ]);
      expect(await a.stat('src')).toBe('dir');
      expect(await a.stat('src/none.rs')).toBe('missing');
      expect([...a.changedPaths(b)].sort()).toEqual([ODD[1], 'src/added.rs', 'src/lib.rs'].sort());
      expect([...b.changedPaths(a)].sort()).toEqual([ODD[1], 'src/added.rs', 'src/lib.rs'].sort());
      expect(a.changedPaths(a).size).toBe(0);
    } finally {
      a.close();
      b.close();
    }
  });
});

describe('FileSystemTree.stat', () => {
  it('tells files, directories, links inside and out, and missing paths apart', async () => {
    const dir = writeTree({ 'src/lib.rs': 'x', 'src/sub/m.rs': 'y' }, 'fsg-trees-fs-');
    dirs.push(dir);
    const outside = writeTree({ 'secret.rs': 'z' }, 'fsg-trees-out-');
    dirs.push(outside);
    fs.symlinkSync('lib.rs', path.join(dir, 'src/in.rs'));
    fs.symlinkSync('sub', path.join(dir, 'src/subdir'));
    fs.symlinkSync(path.join(outside, 'secret.rs'), path.join(dir, 'src/out.rs'));
    fs.symlinkSync(outside, path.join(dir, 'src/outdir'));
    fs.symlinkSync('nowhere.rs', path.join(dir, 'src/dangling.rs'));
    const t = await FileSystemTree.open(dir);
    expect(await t.stat('src/lib.rs')).toBe('file');
    expect(await t.stat('src/sub')).toBe('dir');
    expect(await t.stat('src/in.rs')).toBe('file');
    expect(await t.stat('src/subdir')).toBe('dir');
    expect(await t.stat('src/subdir/m.rs')).toBe('file');
    expect(await t.stat('src/out.rs')).toBe('symlink');
    expect(await t.stat('src/outdir')).toBe('symlink');
    expect(await t.stat('src/outdir/secret.rs')).toBe('symlink');
    expect(await t.stat('src/dangling.rs')).toBe('symlink');
    expect(await t.stat('src/none.rs')).toBe('missing');
    expect(await t.stat('src/lib.rs/x')).toBe('missing');
    expect(await t.read('src/subdir/m.rs', 100)).toMatchObject({ ok: true, text: 'y' });
  });

  // a directory's entries are kept as sorted names (a binary search), at any size
  it.each([3, 200])('finds exactly the entries of a directory of %i more files', async (extra) => {
    const files: Record<string, string> = {
      'd/a': '',
      'd/ab': '',
      'd/0a': '',
      'd/1': '',
      'd/x': '',
      'd/y': '',
      'd/é.rs': '',
      'd/sub/m.rs': '',
    };
    for (let i = 0; i < extra; i++) files[`d/f${i}.rs`] = '';
    const dir = writeTree(files, 'fsg-trees-list-');
    dirs.push(dir);
    fs.symlinkSync('a', path.join(dir, 'd/l'));
    const t = await FileSystemTree.open(dir);
    for (const name of ['a', 'ab', '0a', '1', 'x', 'y', 'é.rs', 'f0.rs', `f${extra - 1}.rs`])
      expect(await t.stat(`d/${name}`)).toBe('file');
    expect(await t.stat('d/sub')).toBe('dir');
    expect(await t.stat('d/l')).toBe('file');
    // prefixes, suffixes, kind codes and two names run together are no entries
    for (const name of [
      'b',
      'a0',
      '0',
      '0ab',
      'é',
      'x\u00000y',
      'x\u0000',
      '\u00000a',
      `f${extra}.rs`,
      'sub/',
    ])
      expect(await t.stat(`d/${name}`)).toBe('missing');
  });
});
