/**
 * What every user of the configuration reads besides the loader: its error (one line naming the
 * file and the key) and the "did you mean" suggestion. Kept apart from the schema and the YAML
 * loader so that importing them does not load zod or yaml (see defaults.ts).
 */
import { distance as levenshtein } from 'fastest-levenshtein';

/** A configuration file that cannot be used; the message is one line naming the file and the key. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';

  constructor(
    /** The file, as the caller named it. */
    readonly file: string,
    /** The key path (`findings.levels.raw-pointer`, `approvers[2]`); empty for the file as a whole. */
    readonly key: string,
    /** What is wrong, without the file and key. */
    readonly detail: string,
    /** The 1-based line the problem is on, when known. */
    readonly line: number | null = null,
  ) {
    super(oneLine(key === '' ? `${file}: ${detail}` : `${file}: ${key}: ${detail}`));
  }
}

/** Control characters (a key or value may contain a newline) escaped, so a message stays one line. */
function oneLine(text: string): string {
  return text.replace(/\p{Cc}/gu, (c) => JSON.stringify(c).slice(1, -1));
}

export type Path = readonly (string | number)[];

/** `findings.levels.raw-pointer-param`, `approvers[2]`, `release.crate-tag-patterns."my crate"`. */
export function formatKeyPath(path: Path): string {
  let out = '';
  for (const seg of path) {
    if (typeof seg === 'number') out += `[${seg}]`;
    else out += (out === '' ? '' : '.') + (/^[A-Za-z0-9_-]+$/.test(seg) ? seg : JSON.stringify(seg));
  }
  return out;
}

/** The candidate closest to `word` by edit distance (ignoring case, `-` and `_`), if close enough. */
export function closestWord(word: string, candidates: readonly string[]): string | null {
  const plain = (s: string) => s.toLowerCase().replace(/[-_\s]/g, '');
  let best: string | null = null;
  let bestDistance = Infinity;
  for (const c of candidates) {
    const d = plain(c) === plain(word) ? 0 : levenshtein(word.toLowerCase(), c);
    if (d < bestDistance) {
      bestDistance = d;
      best = c;
    }
  }
  return bestDistance <= Math.max(2, Math.floor(word.length / 4)) ? best : null;
}
