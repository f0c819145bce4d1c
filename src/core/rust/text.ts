/**
 * Character classes for the hand-written scanners that replace backtracking regular expressions
 * over untrusted text (SPEC section 8). Each one is exactly the regular-expression class it names,
 * so a scanner built from them accepts what the expression did, in one pass.
 */

/**
 * Counts the positions a scanner looks at. Scanners over untrusted text take one, so that tests
 * can assert on the work done (a count proportional to the input) rather than on time.
 */
export interface WorkMeter {
  steps: number;
}

/** `\s` of a JavaScript regular expression: WhiteSpace (with every `Zs`) and LineTerminator. */
export function isSpace(c: number): boolean {
  return (
    c === 32 ||
    (c >= 9 && c <= 13) ||
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

/** A line terminator: where `^` of a multiline expression matches after, and what `.` does not match. */
export function isLineBreak(c: number): boolean {
  return c === 10 || c === 13 || c === 0x2028 || c === 0x2029;
}

/** `[^\S\n\r\u2028\u2029]`: whitespace that does not end the line. */
export function isLineSpace(c: number): boolean {
  return isSpace(c) && !isLineBreak(c);
}

/** `\w` without the `u` flag: `[A-Za-z0-9_]` (what `\b` looks at). */
export function isWordChar(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95;
}
