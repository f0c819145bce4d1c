// Writes the rule tables in README.md from the rule catalogues (rules are data; the docs follow).
// `node scripts/rule-tables.mjs --check` exits 1 when README.md is out of date.
import { build } from 'esbuild';
import { readFileSync, writeFileSync } from 'node:fs';

const entry = `
export { CHANGE_RULES } from './src/core/diff/catalogue';
export { FINDING_RULES } from './src/core/findings/catalogue';
export { DEFAULT_TRUSTED_MACRO_CRATES } from './src/core/extract/macro-trust';
`;
const out = await build({
  stdin: { contents: entry, resolveDir: process.cwd(), loader: 'ts' },
  bundle: true,
  platform: 'node',
  format: 'cjs',
  write: false,
  logLevel: 'error',
});
const mod = { exports: {} };
new Function('module', 'exports', 'require', out.outputFiles[0].text)(
  mod,
  mod.exports,
  (await import('node:module')).createRequire(import.meta.url),
);
const { CHANGE_RULES, FINDING_RULES, DEFAULT_TRUSTED_MACRO_CRATES } = mod.exports;

const cell = (s) => String(s).replace(/\|/g, '\\|').replace(/\n/g, ' ');
const changes = [
  '| id | severity | rationale | example |',
  '| --- | --- | --- | --- |',
  ...CHANGE_RULES.map(
    (r) =>
      `| <a id="rule-${r.id}"></a>\`${r.id}\` | ${r.severity} | ${cell(r.rationale)} | \`${cell(r.example)}\` |`,
  ),
].join('\n');
const findings = [
  '| id | level | rationale | example | the reviewer confirms | verified by (evidence) |',
  '| --- | --- | --- | --- | --- | --- |',
  ...FINDING_RULES.map(
    (r) =>
      `| <a id="rule-${r.id}"></a>\`${r.id}\` | ${r.level} | ${cell(r.rationale)} | ${r.example ? `\`${cell(r.example)}\`` : ''} | ${cell(r.checklist)} | ${cell(r.evidence)} |`,
  ),
].join('\n');

const trusted = DEFAULT_TRUSTED_MACRO_CRATES.map((c) => `\`${c}\``).join(', ') + '.';

const readme = readFileSync('README.md', 'utf8');
const replace = (text, name, body) => {
  const re = new RegExp(`(<!-- rules:${name}:begin -->)[\\s\\S]*?(<!-- rules:${name}:end -->)`);
  if (!re.test(text)) throw new Error(`README.md has no rules:${name} markers`);
  return text.replace(re, (_m, begin, end) => `${begin}\n${body}\n${end}`);
};
const next = replace(
  replace(replace(readme, 'changes', changes), 'findings', findings),
  'trusted-macros',
  trusted,
);
if (process.argv.includes('--check')) {
  if (next !== readme) {
    console.error('README.md rule tables are out of date: run npm run docs');
    process.exit(1);
  }
} else writeFileSync('README.md', next);
