// The demo: the bundled crate in demo/ at two revisions, committed into a temporary git repository,
// diffed with the bundled CLI the way the Action does on a pull request. Prints the report, the
// review checklist and the commit status the Action would set.
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const repo = mkdtempSync(join(tmpdir(), 'ffi-surface-guard-demo-'));
const git = (...args) =>
  execFileSync('git', args, { cwd: repo, stdio: ['ignore', 'pipe', 'inherit'] })
    .toString()
    .trim();
try {
  git('init', '-q', '-b', 'main');
  git('config', 'user.email', 'demo@example.invalid');
  git('config', 'user.name', 'demo');
  cpSync(join(root, 'demo/v1'), repo, { recursive: true });
  git('add', '-A');
  git('commit', '-qm', 'tinyimg 1.4.0');
  git('tag', 'v1.4.0');
  git('checkout', '-qb', 'feature/png');
  rmSync(join(repo, 'src'), { recursive: true });
  cpSync(join(root, 'demo/v2'), repo, { recursive: true });
  git('add', '-A');
  git('commit', '-qm', 'Add PNG decoding, row callbacks and wider clamp');

  const cli = join(root, 'dist/cli.js');
  const run = (args) => spawnSync(process.execPath, [cli, ...args], { cwd: repo, encoding: 'utf8' });
  console.log(`# Demo: a pull request to tinyimg (temporary repository ${repo})\n`);
  const md = run(['diff', '--base', 'main', '--head', 'feature/png', '--format', 'markdown']);
  if (md.status !== 0) {
    console.error(md.stderr);
    process.exit(2);
  }
  console.log(md.stdout);
  const json = JSON.parse(
    run(['diff', '--base', 'main', '--head', 'feature/png', '--format', 'json']).stdout,
  );
  const status = run(['gate-status', '--base', 'main', '--head', 'feature/png']);
  console.log('---');
  console.log(status.stdout.trim());
  console.log(
    `required bump: ${json.requiredBump}; ${json.changes.length} changes, ${json.findings.length} findings`,
  );
  const release = run(['release-check', '--base', 'main', '--head', 'feature/png']);
  console.log(
    `release-check (1.4.0 → 1.4.0, no version bump): exit ${release.status}: ${release.stderr.trim()}`,
  );
} finally {
  rmSync(repo, { recursive: true, force: true });
}
