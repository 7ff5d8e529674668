import type { z } from "zod";
import { InputError } from "./errors.js";

/** Formats a JSON path the way a user would type it in jq: `users[3].email`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = "";
  for (const part of path) {
    if (typeof part === "number") out += `[${part}]`;
    else out += out === "" ? String(part) : `.${String(part)}`;
  }
  return out === "" ? "(root)" : out;
}

/** Turns zod issues into `path: message` lines, one per problem. */
export function issuesToLines(issues: readonly z.core.$ZodIssue[]): string[] {
  return issues.map((issue) => `${formatPath(issue.path)}: ${issue.message}`);
}

/** Deeper than any file bot2svc writes (a snapshot is about 6 levels deep) by a wide margin. */
export const MAX_JSON_DEPTH = 64;

/**
 * Parses JSON text and, on failure, names the file with line and column of the problem.
 * Nesting deeper than {@link MAX_JSON_DEPTH} is refused too: later steps (writing the data
 * back, comparing it) recurse, and 50,000 levels would overflow the stack there.
 */
export function parseJsonText(text: string, file: string, what: string): unknown {
  const data = parseJsonSyntax(text, file, what);
  // JSON.parse copes with any depth; the walk over the parsed value costs a few per cent of
  // the parse, and the text is scanned for the position only when the limit is passed.
  checkJsonDepth(data, text, file, what);
  return data;
}

/**
 * `parseJsonText` without the nesting check, for a caller that checks the depth itself while it
 * walks the data anyway (the snapshot reader); it must call {@link checkJsonDepth} otherwise.
 */
export function parseJsonSyntax(text: string, file: string, what: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const where = locateJsonError(text, message);
    throw new InputError(`${file} is not valid JSON${where ? ` (${where})` : ""}: ${describeJsonError(message)}`, {
      code: "JSON_INVALID",
      hint: `Check that ${file} is a complete ${what} file.`,
    });
  }
}

/** Throws the "nested too deeply" error when `data` (parsed from `text`) nests deeper than {@link MAX_JSON_DEPTH}. */
export function checkJsonDepth(data: unknown, text: string, file: string, what: string): void {
  if (nestedDeeperThan(data, MAX_JSON_DEPTH)) {
    const { line, column } = lineAndColumn(text, jsonDepthOffset(text, MAX_JSON_DEPTH) ?? 0);
    throw new InputError(`${file} is nested too deeply (more than ${MAX_JSON_DEPTH} levels at line ${line}, column ${column})`, {
      code: "JSON_TOO_DEEP",
      hint: `Check that ${file} is a ${what} file written by bot2svc.`,
    });
  }
}

/**
 * True when objects and arrays in `root` nest more than `limit` levels deep. Recursive, but never
 * more than `limit` calls deep, so any input is safe; on a large snapshot this walk over every
 * object is a visible part of reading it, and plain recursion beats an explicit stack.
 */
export function nestedDeeperThan(root: unknown, limit: number): boolean {
  return root !== null && typeof root === "object" && (limit < 1 || containersBelow(root, limit - 1));
}

/** True when `value` holds a container more than `levels` levels below it (`levels` >= 0). */
export function containersBelow(value: object, levels: number): boolean {
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const child: unknown = value[i];
      if (child !== null && typeof child === "object" && (levels === 0 || containersBelow(child, levels - 1))) return true;
    }
    return false;
  }
  for (const key in value) {
    const child = (value as Record<string, unknown>)[key];
    if (child !== null && typeof child === "object" && (levels === 0 || containersBelow(child, levels - 1))) return true;
  }
  return false;
}

// V8 quotes a slice of the input in some messages ('Unexpected token '}', "{"b": }" is not valid
// JSON'); the slice can span lines and adds nothing once line and column are given, so drop it.
function describeJsonError(message: string): string {
  const quoted = /^(Unexpected token .+?), (?:\.\.\.)?".*" is not valid JSON$/s.exec(message);
  return quoted?.[1] ?? message;
}

function locateJsonError(text: string, message: string): string | undefined {
  let offset = jsonSyntaxErrorOffset(text);
  if (offset === undefined) {
    // The scanner found nothing (it should always find the error); fall back to the message.
    const lineCol = /line (\d+) column (\d+)/.exec(message);
    if (lineCol) return `line ${lineCol[1]}, column ${lineCol[2]}`;
    const pos = /position (\d+)/.exec(message);
    offset = pos ? Number(pos[1]) : /Unexpected end of JSON input/.test(message) ? text.length : undefined;
  }
  if (offset === undefined) return undefined;
  const { line, column } = lineAndColumn(text, offset);
  return `line ${line}, column ${column}`;
}

/**
 * The offset of the first `[` or `{` that opens level `limit + 1`, or undefined when the text
 * never nests that deep. Brackets inside strings do not count; the text need not be valid JSON.
 */
export function jsonDepthOffset(text: string, limit: number): number | undefined {
  let depth = 0;
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 34) {
      // Jump to the closing quote: one not preceded by an odd number of backslashes. Strings
      // are most of a file, and indexOf skips them far faster than a character loop.
      for (;;) {
        const end = text.indexOf('"', i + 1);
        if (end === -1) return undefined;
        let slashes = 0;
        for (let k = end - 1; text.charCodeAt(k) === 92; k--) slashes++;
        i = end;
        if (slashes % 2 === 0) break;
      }
    } else if (c === 123 || c === 91) {
      if (++depth > limit) return i;
    } else if (c === 125 || c === 93) {
      depth--;
    }
  }
  return undefined;
}

/** 1-based line and column (in UTF-16 code units) of a character offset. */
export function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lastNewline = -1;
  for (let i = text.indexOf("\n"); i !== -1 && i < offset; i = text.indexOf("\n", i + 1)) {
    line++;
    lastNewline = i;
  }
  return { line, column: offset - lastNewline };
}

/**
 * Returns the offset of the first character at which `text` stops being valid JSON (RFC 8259),
 * or `text.length` when it ends too early, or undefined when it is valid. Node 20's `JSON.parse`
 * leaves the position out of many messages ("Unexpected token '}'"), so this finds it. It is
 * iterative, so deeply nested input cannot overflow the stack, and runs only after a failure.
 */
export function jsonSyntaxErrorOffset(text: string): number | undefined {
  const n = text.length;
  let i = 0;
  // Open containers: true for an object, false for an array.
  const stack: boolean[] = [];
  const skipSpace = (): void => {
    for (; i < n; i++) {
      const c = text.charCodeAt(i);
      if (c !== 32 && c !== 9 && c !== 10 && c !== 13) return;
    }
  };
  const isDigit = (c: number): boolean => c >= 48 && c <= 57;
  const isHex = (c: number): boolean => isDigit(c) || (c >= 65 && c <= 70) || (c >= 97 && c <= 102);
  // Each scanner returns true when the token is complete; on failure `i` is the bad offset.
  const scanString = (): boolean => {
    i++; // opening quote
    while (i < n) {
      const c = text.charCodeAt(i);
      if (c === 34) {
        i++;
        return true;
      }
      if (c < 32) return false;
      if (c === 92) {
        i++;
        if (i >= n) return false;
        const e = text.charCodeAt(i);
        if (e === 117) {
          for (let k = 0; k < 4; k++) {
            i++;
            if (i >= n || !isHex(text.charCodeAt(i))) return false;
          }
        } else if (e !== 34 && e !== 92 && e !== 47 && e !== 98 && e !== 102 && e !== 110 && e !== 114 && e !== 116) {
          return false;
        }
      }
      i++;
    }
    return false;
  };
  const scanDigits = (): boolean => {
    if (i >= n || !isDigit(text.charCodeAt(i))) return false;
    while (i < n && isDigit(text.charCodeAt(i))) i++;
    return true;
  };
  const scanNumber = (): boolean => {
    if (text.charCodeAt(i) === 45) i++;
    if (i < n && text.charCodeAt(i) === 48) i++;
    else if (!scanDigits()) return false;
    if (i < n && text.charCodeAt(i) === 46) {
      i++;
      if (!scanDigits()) return false;
    }
    if (i < n && (text.charCodeAt(i) === 101 || text.charCodeAt(i) === 69)) {
      i++;
      if (i < n && (text.charCodeAt(i) === 43 || text.charCodeAt(i) === 45)) i++;
      if (!scanDigits()) return false;
    }
    return true;
  };
  const scanWord = (word: string): boolean => {
    for (let k = 0; k < word.length; k++, i++) if (i >= n || text.charCodeAt(i) !== word.charCodeAt(k)) return false;
    return true;
  };

  // Expecting a value here. Containers push and continue; scalars fall through to "after value".
  for (;;) {
    skipSpace();
    if (i >= n) return n;
    const c = text.charCodeAt(i);
    let complete: boolean;
    if (c === 123 || c === 91) {
      const isObj = c === 123;
      i++;
      skipSpace();
      if (i < n && text.charCodeAt(i) === (isObj ? 125 : 93)) {
        i++;
        complete = true;
      } else {
        stack.push(isObj);
        if (isObj) {
          if (i >= n) return n;
          if (text.charCodeAt(i) !== 34 || !scanString()) return Math.min(i, n);
          skipSpace();
          if (i >= n) return n;
          if (text.charCodeAt(i) !== 58) return i;
          i++;
        }
        continue;
      }
    } else if (c === 34) complete = scanString();
    else if (c === 45 || isDigit(c)) complete = scanNumber();
    else if (c === 116) complete = scanWord("true");
    else if (c === 102) complete = scanWord("false");
    else if (c === 110) complete = scanWord("null");
    else return i;
    if (!complete) return Math.min(i, n);

    // After a value: close containers or move to the next element.
    for (;;) {
      skipSpace();
      if (stack.length === 0) return i < n ? i : undefined;
      if (i >= n) return n;
      const inObject = stack[stack.length - 1] === true;
      const d = text.charCodeAt(i);
      if (d === (inObject ? 125 : 93)) {
        stack.pop();
        i++;
        continue;
      }
      if (d !== 44) return i;
      i++;
      if (inObject) {
        skipSpace();
        if (i >= n) return n;
        if (text.charCodeAt(i) !== 34 || !scanString()) return Math.min(i, n);
        skipSpace();
        if (i >= n) return n;
        if (text.charCodeAt(i) !== 58) return i;
        i++;
      }
      break;
    }
  }
}

/**
 * Validates `data` against `schema`; on failure throws one InputError that lists every
 * problem with its path, so a user fixes them all in one pass.
 */
export function validateWith<S extends z.ZodType>(schema: S, data: unknown, file: string, what: string): z.infer<S> {
  const result = schema.safeParse(data);
  if (result.success) return result.data;
  const lines = issuesToLines(result.error.issues);
  throw new InputError(`${file} is not a valid ${what} (${lines.length} problem${lines.length === 1 ? "" : "s"})`, {
    details: lines,
    code: "SCHEMA_INVALID",
  });
}
