/** The README's first command: the demo runs on the bundled CLI and prints report, checklist and status. */
import { execFileSync } from 'node:child_process';
import * as path from 'node:path';

it('npm run demo prints the report, the checklist, the pending status and the failing release check', () => {
  const out = execFileSync(process.execPath, [path.join(__dirname, '..', 'scripts', 'demo.mjs')], {
    encoding: 'utf8',
  });
  expect(out).toContain('## FFI surface review');
  expect(out).toContain('- [ ] 🔴 **high** `buffer-param`');
  expect(out).toMatch(
    /status ffi-surface\/security-review: pending — awaiting FFI security review: 4 breaking, 2 potentially breaking, 4 additions · ffi sha256:[0-9a-f]{12}/,
  );
  expect(out).toContain('required bump: major; 10 changes, 14 findings');
  expect(out).toMatch(/release-check .*exit 1: .*tinyimg needs major, got none/);
});
