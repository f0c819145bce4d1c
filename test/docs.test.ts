/** The README documents every rule: its tables are generated from the catalogues and kept in sync. */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { CHANGE_RULES } from '../src/core/diff/catalogue';
import { FINDING_RULES } from '../src/core/findings/catalogue';
import { cliReadmeSection, README_END } from '../src/cli/readme';

const root = path.join(__dirname, '..');

describe('documentation', () => {
  it('README rule tables match the catalogues', () => {
    execFileSync(process.execPath, ['scripts/rule-tables.mjs', '--check'], { cwd: root, stdio: 'pipe' });
  });

  it('README names every change and finding rule', () => {
    const readme = fs.readFileSync(path.join(root, 'README.md'), 'utf8');
    for (const r of [...CHANGE_RULES, ...FINDING_RULES])
      expect(readme).toContain(`<a id="rule-${r.id}"></a>\`${r.id}\``);
  });

  it("README's command-line reference is generated from the command declarations", () => {
    const file = path.join(root, 'README.md');
    const readme = fs.readFileSync(file, 'utf8');
    const begin = readme.indexOf('<!-- cli:begin');
    const end = readme.indexOf(README_END);
    expect(begin).toBeGreaterThan(0);
    expect(end).toBeGreaterThan(begin);
    const current = readme.slice(begin, end + README_END.length);
    // FSG_WRITE_DOCS=1 rewrites the section instead of checking it
    if (process.env.FSG_WRITE_DOCS === '1')
      fs.writeFileSync(file, readme.replace(current, cliReadmeSection()));
    else expect(current).toBe(cliReadmeSection());
  });

  it('package.json and src/core/version.ts agree on the version', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { version: string };
    expect(fs.readFileSync(path.join(root, 'src/core/version.ts'), 'utf8')).toContain(
      `TOOL_VERSION = '${pkg.version}'`,
    );
  });
});
