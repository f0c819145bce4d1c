/**
 * `#[path]` as rustc reads it: `..` after a directory that is a symbolic link climbs from the link's
 * target (the operating system resolves it, so a file at the lexical path is a decoy); a backslash
 * is a character of a file name on Unix and a separator on Windows.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { CrateSurface } from '../../src/core/model';
import { crateFiles, extractDir, extractMemory } from '../support/extract';

const symbols = (c: CrateSurface | undefined) =>
  (c?.items ?? []).flatMap((i) => (i.kind === 'function' ? [`${i.symbol} ${i.cfg ?? ''}`.trim()] : []));

describe('#[path] through links and with backslashes', () => {
  it('climbs from a linked directory’s target, never reading the decoy at the lexical path', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fsg-path-'));
    try {
      const write = (p: string, text: string) => {
        fs.mkdirSync(path.dirname(path.join(dir, p)), { recursive: true });
        fs.writeFileSync(path.join(dir, p), text);
      };
      write('Cargo.toml', '[package]\nname = "demo"\nversion = "1.0.0"\n');
      write('src/lib.rs', '#[path = "linked/../target_side.rs"]\nmod m;\n');
      write('real/sub/keep.rs', '');
      write('real/target_side.rs', '#[no_mangle]\npub extern "C" fn physical() {}\n');
      write('src/target_side.rs', '#[no_mangle]\npub extern "C" fn decoy() {}\n');
      fs.symlinkSync('../real/sub', path.join(dir, 'src/linked'));
      const s = await extractDir(dir);
      const c = s.crates[0];
      expect(symbols(c)).toEqual(['physical']);
      // the decoy is a file of the crate no module reaches: flagged, never extracted
      expect(c.unresolved?.map((u) => `${u.file} ${u.reason}`)).toEqual([
        'src/target_side.rs unreachable-file',
      ]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('refuses a #[path] through a link that leaves the repository, and says so', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fsg-path-'));
    const outside = fs.mkdtempSync(path.join(os.tmpdir(), 'fsg-outside-'));
    try {
      fs.mkdirSync(path.join(dir, 'src'), { recursive: true });
      fs.writeFileSync(path.join(dir, 'Cargo.toml'), '[package]\nname = "demo"\nversion = "1.0.0"\n');
      fs.writeFileSync(path.join(dir, 'src/lib.rs'), '#[path = "out/secret.rs"]\nmod m;\n');
      fs.writeFileSync(path.join(outside, 'secret.rs'), '#[no_mangle]\npub extern "C" fn secret() {}\n');
      fs.symlinkSync(outside, path.join(dir, 'src/out'));
      const s = await extractDir(dir);
      expect(symbols(s.crates[0])).toEqual([]);
      const d = s.diagnostics.find((x) => x.file === 'src/out/secret.rs');
      expect(d?.level).toBe('error');
      // and the module the engine could not read is an unresolved entry: never a silent pass
      expect(s.crates[0].unresolved?.map((u) => `${u.file} ${u.reason}`)).toEqual([
        'src/out/secret.rs unreadable-file',
      ]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
      fs.rmSync(outside, { recursive: true, force: true });
    }
  });

  it('reads a backslash as part of the name on Unix and as a separator on Windows', async () => {
    const lib = '#[path = "sub\\\\x.rs"]\nmod m;\n';
    const unix = await extractMemory(
      crateFiles(lib, { 'src/sub\\x.rs': '#[no_mangle] pub extern "C" fn on_unix() {}' }),
    );
    expect(symbols(unix.crates[0])).toEqual(['on_unix not(windows)']);
    const windows = await extractMemory(
      crateFiles(lib, { 'src/sub/x.rs': '#[no_mangle] pub extern "C" fn on_windows() {}' }),
    );
    expect(symbols(windows.crates[0])).toEqual(['on_windows windows']);
    const both = await extractMemory(
      crateFiles(lib, {
        'src/sub\\x.rs': '#[no_mangle] pub extern "C" fn on_unix() {}',
        'src/sub/x.rs': '#[no_mangle] pub extern "C" fn on_windows() {}',
      }),
    );
    expect(symbols(both.crates[0]).sort()).toEqual(['on_unix not(windows)', 'on_windows windows']);
  });
});
