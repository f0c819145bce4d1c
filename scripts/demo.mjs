// The demo: the bundled crate in demo/ at two revisions, committed into a temporary git repository,
// diffed with the bundled CLI the way the Action does on a pull request. Prints the report as
// text (coloured on a terminal), the commit status the Action would set and the release check,
// and writes the pull-request comment the Action would post (Markdown) to a file it names.
//
//     npm run demo [-- --markdown FILE]     (default FILE: $TMPDIR/ffi-surface-guard-demo/comment.md)
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const at = process.argv.indexOf('--markdown');
const markdownFile = resolve(
  at > 0 && process.argv[at + 1]
    ? process.argv[at + 1]
    : join(tmpdir(), 'ffi-surface-guard-demo', 'comment.md'),
);
const repo = mkdtempSync(join(tmpdir(), 'ffi-surface-guard-demo-'));
// git's own messages are captured, never printed
const git = (...args) =>
  execFileSync('git', args, { cwd: repo, stdio: ['ignore', 'pipe', 'pipe'] })
    .toString()
    .trim();
// the CLI writes to a pipe here: on our terminal, ask it for colour (NO_COLOR/FORCE_COLOR still rule)
const env = process.env;
const color = process.stdout.isTTY && env.FORCE_COLOR === undefined && !env.NO_COLOR ? 'always' : 'auto';
try {
  git('init', '-q', '-b', 'main');
  git('config', 'user.email', 'demo@example.invalid');
  git('config', 'user.name', 'demo');
  git('config', 'commit.gpgsign', 'false');
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
  const must = (r) => {
    if (r.status !== 0) {
      process.stderr.write(r.stderr);
      process.exit(2);
    }
    return r.stdout;
  };
  const pr = ['diff', 'main', 'feature/png'];
  console.log(`Demo: a pull request to tinyimg (temporary repository ${repo})\n`);
  process.stdout.write(must(run([...pr, '--format', 'text', '--color', color])));
  const markdown = must(run([...pr, '--format', 'markdown']));
  mkdirSync(dirname(markdownFile), { recursive: true });
  writeFileSync(markdownFile, markdown);
  const json = JSON.parse(must(run([...pr, '--format', 'json'])));
  const status = must(run(['gate-status', 'main', 'feature/png', '--color', color]));
  console.log('---');
  process.stdout.write(status);
  console.log(
    `required bump: ${json.requiredBump}; ${json.changes.length} changes, ${json.findings.length} findings`,
  );
  const release = run(['release-check', 'main..feature/png', '--color', color]);
  console.log(
    `release-check (1.4.0 → 1.4.0, no version bump): exit ${release.status}: ${release.stderr.trim()}`,
  );
  console.log(`\nThe pull-request comment the Action would post (Markdown): ${markdownFile}`);
} finally {
  rmSync(repo, { recursive: true, force: true });
}
