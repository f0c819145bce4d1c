// Renders GitHub-Flavoured Markdown to HTML with micromark, for the renderer tests (micromark is
// ESM-only, the tests run as CommonJS under ts-jest). Protocol: one JSON string per stdin line in,
// one JSON string of HTML per stdout line out, in order. Raw HTML is passed through, as GitHub
// does (after sanitising), so that the tests see any HTML the renderer lets slip.
import { createInterface } from 'node:readline';
import { micromark } from 'micromark';
import { gfm, gfmHtml } from 'micromark-extension-gfm';

const rl = createInterface({ input: process.stdin, crlfDelay: Infinity });
rl.on('line', (line) => {
  const markdown = JSON.parse(line);
  const html = micromark(markdown, {
    allowDangerousHtml: true,
    allowDangerousProtocol: true,
    extensions: [gfm()],
    htmlExtensions: [gfmHtml()],
  });
  process.stdout.write(JSON.stringify(html) + '\n');
});
