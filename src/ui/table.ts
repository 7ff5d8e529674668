import Table from "cli-table3";
import type { ChalkInstance } from "chalk";
import { replaceUnsafeChars } from "../core/text/sanitize.js";

export type ColumnAlign = "left" | "right" | "center";

export interface TableSpec {
  /** Column headers, printed in bold when colour is on. */
  head: string[];
  /** Cell text; a cell may hold several lines separated by `\n`. */
  rows: string[][];
  colors: ChalkInstance;
  /** Per-column alignment; columns left out are left-aligned. */
  align?: ColumnAlign[];
}

/**
 * Renders a bordered table. cli-table3 colours headers and borders through its own colour
 * library, which ignores our `--no-color`/`NO_COLOR` decision, so its styling is switched off and
 * the header is coloured with the run's chalk instance instead.
 */
export function renderTable(spec: TableSpec): string {
  const table = new Table({
    head: spec.head.map((h) => spec.colors.bold(h)),
    style: { head: [], border: [] },
    ...(spec.align ? { colAligns: spec.align } : {}),
  });
  for (const row of spec.rows) table.push(row);
  return table.toString();
}

/**
 * Replaces control characters (escape sequences included) and bidi overrides with U+FFFD;
 * keeps newlines. A fixed-width cell cannot take the longer `\uXXXX` form the other outputs use.
 */
export function terminalSafe(text: string): string {
  return replaceUnsafeChars(text, "\uFFFD");
}

/**
 * Shortens `text` to at most `width` characters, cutting at a word boundary when one is near
 * the end and marking the cut with an ellipsis. Newlines become spaces.
 */
export function truncateText(text: string, width: number): string {
  const flat = text.replace(/\s*[\r\n]+\s*/g, " ").trim();
  if (flat.length <= width) return flat;
  const limit = Math.max(1, width - 1);
  const cut = flat.slice(0, limit);
  const space = cut.lastIndexOf(" ");
  // Only back up to a word boundary when that loses little text; long tokens are cut mid-word.
  const body = space >= limit * 0.7 ? cut.slice(0, space) : cut;
  return `${body.trimEnd()}…`;
}

/**
 * Wraps `text` at word boundaries into at most `maxLines` lines of at most `width` characters;
 * whatever does not fit is cut with an ellipsis on the last line. Newlines become spaces.
 */
export function wrapText(text: string, width: number, maxLines: number): string[] {
  const lines: string[] = [];
  let current = "";
  for (let word of text.split(/\s+/)) {
    // A word longer than a whole line is cut where the line ends.
    while (word.length > width) {
      if (current !== "") lines.push(current);
      current = "";
      lines.push(word.slice(0, width));
      word = word.slice(width);
    }
    if (word === "") continue;
    const candidate = current === "" ? word : `${current} ${word}`;
    if (candidate.length <= width) {
      current = candidate;
    } else {
      lines.push(current);
      current = word;
    }
  }
  if (current !== "") lines.push(current);
  if (lines.length <= maxLines) return lines;
  const kept = lines.slice(0, maxLines);
  kept[maxLines - 1] = truncateText(`${kept[maxLines - 1] ?? ""} ${lines[maxLines] ?? ""}`, width);
  return kept;
}
