/**
 * A pull request author's text inside a rule message: renderers read `…` in messages as code
 * (`richText`), so a name's own backticks become quotes and cannot pair with the message's spans.
 * One place for every message that quotes a name, a type or a path from the source.
 */
export function quoted(s: string): string {
  return s.replace(/`/g, "'");
}

/** A name from the source as one code span of a message, shortened past `max` characters. */
export function codeName(name: string, max = 40): string {
  const short = name.length > max ? `${name.slice(0, max - 3)}...` : name;
  return `\`${quoted(short)}\``;
}
