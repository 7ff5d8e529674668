import { visibleWidth } from "./table.js";

/** How a paragraph is laid out: the first line's prefix and the hanging indent of the others. */
export interface WrapOptions {
  /** Printed before the first line (e.g. `"    "` or `"  - "`); counts towards the width. */
  first?: string;
  /** Printed before every following line; defaults to spaces as wide as `first`. */
  rest?: string;
}

// Select Graphic Rendition codes, as chalk writes them (one parameter each).
const SGR = /\u001b\[(\d+)m/g;
const RESET = "\u001b[0m";

/**
 * Wraps text at spaces so that no line is wider than `width` columns, colour codes excluded,
 * with a hanging indent. A word longer than a whole line (a URL, a path, an email) stays whole
 * on a line of its own rather than being cut, so it can still be copied. Each line of `text`
 * is a paragraph that starts on a new line after the hanging indent, keeping its own leading
 * spaces (for numbered steps and nested lists). Colours that span a line break are closed at
 * the end of the line and reopened after the indent, so every line stands on its own (cut by
 * `head` or an excerpt, it leaves the terminal as it found it). Without a finite `width`, each
 * paragraph stays on one line.
 */
export function wrapParagraph(text: string, width: number | undefined, options: WrapOptions = {}): string[] {
  const first = options.first ?? "";
  const rest = options.rest ?? " ".repeat(visibleWidth(first));
  const limit = width === undefined || !Number.isFinite(width) ? Number.POSITIVE_INFINITY : width;
  const lines: Line[] = [];
  text.split("\n").forEach((paragraph, p) => {
    const lead = /^ */.exec(paragraph)![0];
    const start = `${p === 0 ? first : rest}${lead}`;
    const hang = `${rest}${lead}`;
    let line: Line = { text: start, indent: start.length };
    let used = visibleWidth(start);
    let empty = true;
    for (const word of paragraph.slice(lead.length).split(/ +/)) {
      if (word === "") continue;
      const w = visibleWidth(word);
      if (!empty && used + 1 + w > limit) {
        lines.push(line);
        line = { text: hang, indent: hang.length };
        used = visibleWidth(hang);
        empty = true;
      }
      line.text += empty ? word : ` ${word}`;
      used += empty ? w : w + 1;
      empty = false;
    }
    lines.push(line);
  });
  return carryColours(lines);
}

interface Line {
  text: string;
  /** Length of the plain indent the line starts with, where reopened colours go. */
  indent: number;
}

/** Closes the colours still open at the end of each line and reopens them on the next one, after its indent. */
function carryColours(lines: readonly Line[]): string[] {
  if (!lines.some((l) => l.text.includes("\u001b["))) return lines.map((l) => l.text);
  let open: string[] = [];
  return lines.map(({ text, indent }, i) => {
    const reopened = open.length > 0 ? `${text.slice(0, indent)}${open.map((c) => `\u001b[${c}m`).join("")}${text.slice(indent)}` : text;
    for (const match of text.matchAll(SGR)) open = applySgr(open, match[1]!);
    return open.length > 0 && i < lines.length - 1 ? `${reopened}${RESET}` : reopened;
  });
}

/** The codes still in effect after `code`: bold and dim close with 22, colours with 39, all with 0. */
function applySgr(open: readonly string[], code: string): string[] {
  if (code === "0") return [];
  if (code === "22") return open.filter((c) => c !== "1" && c !== "2");
  if (code === "39") return open.filter((c) => !isColour(c));
  if (isColour(code)) return [...open.filter((c) => !isColour(c)), code];
  return open.includes(code) ? [...open] : [...open, code];
}

function isColour(code: string): boolean {
  return /^(3[0-7]|9[0-7])$/.test(code);
}
