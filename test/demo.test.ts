/**
 * The README's first command: the demo runs on the bundled CLI and prints a readable report (text,
 * no Markdown entities), the checklist, the pending status and the failing release check, and
 * writes the pull-request comment (Markdown) to the file it names; the committed header's drift
 * and the Go call sites of the breaking changes are in both.
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

it('npm run demo prints the report, the checklist, the pending status and the failing release check', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fsg-demo-'));
  const file = path.join(dir, 'comment.md');
  try {
    const out = execFileSync(
      process.execPath,
      [path.join(__dirname, '..', 'scripts', 'demo.mjs'), '--markdown', file],
      { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } },
    );
    expect(out).toContain('FFI surface review');
    expect(out).toMatch(/^ {4}\[ \] high {3}buffer-param: /m);
    // readable: neither Markdown entities nor escapes nor table syntax
    expect(out).not.toMatch(/&#\d+;|\\[()_*]|\| --- \|/);
    expect(out).not.toContain('\u001b[');
    expect(out).toMatch(
      /status ffi-surface\/security-review: pending — awaiting FFI security review: 7 breaking, 2 potentially breaking, 4 additions · ffi sha256:[0-9a-f]{12}/,
    );
    expect(out).toContain('required bump: major; 13 changes, 21 findings');
    // the header not regenerated is a change of the pull request (three declarations), with both sides
    expect(out).toMatch(/header-out-of-date {2}function tinyimg_clamp {2}include\/tinyimg\.h:\d+/);
    expect(out).toMatch(
      /signature-mismatch: `Dimensions` declared at include\/tinyimg\.h:\d+ .*: 2 fields in C, 3 in Rust/,
    );
    // the committed header was not regenerated: its drift, with both sides, and the Go call sites hit
    expect(out).toMatch(
      /signature-mismatch: `tinyimg_clamp` declared at include\/tinyimg\.h:\d+ disagrees with its Rust definition at src\/lib\.rs:\d+/,
    );
    expect(out).toMatch(/declared-not-exported: `tinyimg_image_free` is declared at include\/tinyimg\.h:\d+/);
    expect(out).toMatch(
      /undeclared-export: `tinyimg_load` is exported at src\/lib\.rs:\d+ .*declare it in include\/tinyimg\.h/,
    );
    expect(out).toMatch(
      /function-removed {2}function tinyimg_image_free[^\n]*\n(?: {6}[^\n]*\n)* {6}called from go\/main\.go:\d+/,
    );
    expect(out).toMatch(/release-check .*exit 1: .*tinyimg needs major, got none/);
    // the comment the Action would post is in the file the demo names
    expect(out).toContain(`(Markdown): ${file}`);
    const markdown = fs.readFileSync(file, 'utf8');
    expect(markdown).toContain('## FFI surface review');
    expect(markdown).toContain('- [ ] 🔴 **high** `buffer-param`');
    expect(markdown).toMatch(/^ {2}- called from go\/main\.go:\d+$/m);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
