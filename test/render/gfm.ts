/** A client of `gfm-to-html.mjs`: Markdown to HTML through micromark in a child process. */
import { spawn } from 'child_process';
import * as path from 'path';
import { createInterface } from 'readline';

export interface Gfm {
  toHtml(markdown: string): Promise<string>;
  close(): Promise<void>;
}

export function startGfm(): Gfm {
  const child = spawn(process.execPath, [path.join(__dirname, 'gfm-to-html.mjs')], {
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  const pending: { resolve: (html: string) => void; reject: (e: Error) => void }[] = [];
  let stderr = '';
  let exited = false;
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (d: string) => (stderr += d));
  createInterface({ input: child.stdout }).on('line', (line) => {
    pending.shift()?.resolve(JSON.parse(line) as string);
  });
  const closed = new Promise<void>((resolve) => {
    child.on('exit', (code) => {
      exited = true;
      for (const p of pending.splice(0)) p.reject(new Error(`gfm-to-html exited with ${code}: ${stderr}`));
      resolve();
    });
  });
  return {
    toHtml(markdown) {
      if (exited) return Promise.reject(new Error(`gfm-to-html is not running: ${stderr}`));
      return new Promise((resolve, reject) => {
        pending.push({ resolve, reject });
        child.stdin.write(JSON.stringify(markdown) + '\n');
      });
    },
    close() {
      child.stdin.end();
      return closed;
    },
  };
}
