/**
 * The cgo side of the contract, read from a Go file with tree-sitter-go: whether it imports "C",
 * the C declarations of its preamble (the comment right before `import "C"`, read by the C
 * reader with the Go file's line numbers: inline prototypes, typedefs, and the `#include`s the
 * caller resolves to repository headers), and every use of `C.name`: calls `C.name(…)`, type
 * uses `C.struct_x` / `C.T`, conversions `C.int(…)` and plain references. Pure and bounded.
 */
import type { Node, Tree } from 'web-tree-sitter';
import { readCDeclarations, type CParser, type CReading } from './c-declarations';

/** Parses Go; the caller of `parse` deletes the tree. */
export interface GoParser {
  parse(text: string): Tree;
}

export type CgoUseKind = 'call' | 'conversion' | 'type' | 'value';

export interface CgoUse {
  /** The name after `C.`: a function, a type (`struct_x`, `int`, a typedef) or a constant. */
  name: string;
  use: CgoUseKind;
  file: string;
  line: number;
}

export interface CgoReading {
  file: string;
  importsC: boolean;
  /** The preamble's C declarations and includes (line numbers are the Go file's), or null. */
  preamble: CReading | null;
  uses: CgoUse[];
  diagnostics: { file: string; line: number; message: string }[];
  complete: boolean;
}

export interface CgoReadOptions {
  /** Largest Go file read, in characters (default 4 MiB). */
  maxChars?: number;
  /** Most `C.` uses recorded (default 100 000). */
  maxUses?: number;
}

/** cgo's own helpers: not C symbols. */
const CGO_BUILTINS = new Set(['CString', 'CBytes', 'GoString', 'GoStringN', 'GoBytes', 'malloc']);

/** The numeric types cgo names `C.int` & co.: `C.int(x)` is a conversion, not a call. */
const CGO_NUMERIC = new Set([
  'char',
  'schar',
  'uchar',
  'short',
  'ushort',
  'int',
  'uint',
  'long',
  'ulong',
  'longlong',
  'ulonglong',
  'float',
  'double',
  'complexfloat',
  'complexdouble',
  'size_t',
  'ssize_t',
  'uintptr_t',
  'intptr_t',
  'int8_t',
  'int16_t',
  'int32_t',
  'int64_t',
  'uint8_t',
  'uint16_t',
  'uint32_t',
  'uint64_t',
]);

function isTypeName(name: string): boolean {
  return CGO_NUMERIC.has(name) || /^(struct|union|enum)_/.test(name);
}

/** The text of a preamble comment group, with the Go file's lines kept (row 0 = `firstRow`). */
function preambleText(comments: Node[]): { text: string; firstRow: number } {
  const firstRow = comments[0].startPosition.row;
  const lines: string[] = [];
  for (const c of comments) {
    const row = c.startPosition.row - firstRow;
    while (lines.length < row) lines.push('');
    const t = c.text;
    if (t.startsWith('//')) lines[row] = t.slice(2);
    else {
      const inner = t.slice(2, t.endsWith('*/') ? -2 : undefined).split('\n');
      inner.forEach((l, k) => {
        lines[row + k] = l;
      });
    }
  }
  return { text: lines.join('\n'), firstRow };
}

/** The comment group right before a node: adjacent comments, no blank line between. */
function commentGroupBefore(node: Node): Node[] {
  const group: Node[] = [];
  let nextRow = node.startPosition.row;
  for (let p = node.previousNamedSibling; p && p.type === 'comment'; p = p.previousNamedSibling) {
    if (p.endPosition.row < nextRow - 1) break;
    group.unshift(p);
    nextRow = p.startPosition.row;
    if (group.length > 100_000) break;
  }
  return group;
}

function importsOnlyC(decl: Node): boolean {
  const specs = decl.descendantsOfType('import_spec');
  return specs.length === 1 && specs[0] !== null && specs[0].childForFieldName('path')?.text === '"C"';
}

/** Reads a Go file's cgo preamble and its uses of `C.`. */
export function readCgo(
  text: string,
  file: string,
  goParser: GoParser,
  cParser: CParser,
  options: CgoReadOptions = {},
): CgoReading {
  const maxChars = options.maxChars ?? 4 * 1024 * 1024;
  const maxUses = options.maxUses ?? 100_000;
  const reading: CgoReading = {
    file,
    importsC: false,
    preamble: null,
    uses: [],
    diagnostics: [],
    complete: true,
  };
  if (text.length > maxChars) {
    reading.diagnostics.push({ file, line: 0, message: `larger than ${maxChars} characters: not read` });
    reading.complete = false;
    return reading;
  }
  const tree = goParser.parse(text);
  try {
    const root = tree.rootNode;
    const last = root.lastChild;
    if (last?.type === 'comment' && last.text.startsWith('/*') && !last.text.endsWith('*/')) {
      reading.complete = false;
      reading.diagnostics.push({
        file,
        line: last.startPosition.row + 1,
        message: 'unterminated comment: it runs to the end of the file',
      });
    }
    if (root.hasError) {
      reading.complete = false;
      reading.diagnostics.push({
        file,
        line: 0,
        message: 'Go the reader cannot parse: uses of C there may be missing',
      });
    }
    for (const decl of root.namedChildren) {
      if (decl?.type !== 'import_declaration') continue;
      const specs = decl.descendantsOfType('import_spec');
      if (!specs.some((s) => s?.childForFieldName('path')?.text === '"C"')) continue;
      reading.importsC = true;
      // cgo reads the preamble only before a lone `import "C"`
      const group = importsOnlyC(decl) ? commentGroupBefore(decl) : [];
      if (group.length > 0 && reading.preamble === null) {
        const { text: c, firstRow } = preambleText(group);
        reading.preamble = readCDeclarations(c, file, cParser, { lineOffset: firstRow, maxChars });
        if (!reading.preamble.complete) reading.complete = false;
      }
    }
    if (reading.importsC) collectUses(root, file, maxUses, reading);
  } finally {
    tree.delete();
  }
  return reading;
}

function collectUses(root: Node, file: string, maxUses: number, reading: CgoReading): void {
  const cursor = root.walk();
  try {
    for (;;) {
      const n = cursor.currentNode;
      let descend = true;
      if (n.type === 'selector_expression') {
        const operand = n.childForFieldName('operand');
        const field = n.childForFieldName('field');
        if (operand?.type === 'identifier' && operand.text === 'C' && field) {
          const parent = n.parent;
          const called =
            parent?.type === 'call_expression' && parent.childForFieldName('function')?.id === n.id;
          const name = field.text;
          if (!(called && CGO_BUILTINS.has(name))) {
            const use: CgoUseKind = called ? (isTypeName(name) ? 'conversion' : 'call') : 'value';
            record(reading, maxUses, { name, use, file, line: n.startPosition.row + 1 });
          }
          descend = false;
        }
      } else if (n.type === 'qualified_type') {
        const pkg = n.childForFieldName('package');
        const name = n.childForFieldName('name');
        if (pkg?.text === 'C' && name)
          record(reading, maxUses, { name: name.text, use: 'type', file, line: n.startPosition.row + 1 });
        descend = false;
      }
      if (descend && cursor.gotoFirstChild()) continue;
      while (!cursor.gotoNextSibling()) if (!cursor.gotoParent()) return;
    }
  } finally {
    cursor.delete();
  }
}

function record(reading: CgoReading, maxUses: number, use: CgoUse): void {
  if (reading.uses.length >= maxUses) {
    if (reading.complete)
      reading.diagnostics.push({
        file: use.file,
        line: use.line,
        message: `more than ${maxUses} uses of C: the rest are not read`,
      });
    reading.complete = false;
    return;
  }
  reading.uses.push(use);
}
