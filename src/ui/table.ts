import type { ChalkInstance } from "chalk";
import { replaceUnsafeChars } from "../core/text/sanitize.js";

export type ColumnAlign = "left" | "right" | "center";

/** Used when the width of stdout cannot be known: piped, with no `COLUMNS` in the environment. */
export const DEFAULT_TERMINAL_WIDTH = 80;

export interface TableSpec {
  /** Column headers, printed in bold when colour is on. */
  head: string[];
  /** Cell text; a cell may hold several lines separated by `\n`, and may already be coloured. */
  rows: string[][];
  colors: ChalkInstance;
  /** Per-column alignment; columns left out are left-aligned. */
  align?: ColumnAlign[];
  /**
   * Content width of each column, padding and borders excluded. A longer cell line is cut with
   * an ellipsis, so the table is exactly as wide as `tableWidth(widths)`. Without it every column
   * is as wide as its longest line.
   */
  widths?: number[];
}

/**
 * Renders a bordered table with a separator between rows, so that rows of several lines stay
 * apart. Borders are never coloured; the header is bold through the run's chalk instance, so
 * `--no-color`/`NO_COLOR` turn it off like everything else. Drawn here rather than with
 * cli-table3, whose layout of multi-line cells takes seconds for a few dozen rows.
 */
export function renderTable(spec: TableSpec): string {
  const columns = spec.head.length;
  const split = (cell: string | undefined) => (cell ?? "").split("\n");
  const body = spec.rows.map((row) => Array.from({ length: columns }, (_, i) => split(row[i])));
  const head = spec.head.map((h) => split(h));
  const widths =
    spec.widths ?? Array.from({ length: columns }, (_, i) => Math.max(...[head, ...body].flatMap((row) => (row[i] ?? []).map(visibleWidth))));
  const rule = (left: string, middle: string, right: string) => `${left}${widths.map((w) => "─".repeat(w + 2)).join(middle)}${right}`;
  const lines = (cells: string[][], style: (s: string) => string = (s) => s): string[] => {
    const height = Math.max(1, ...cells.map((c) => c.length));
    const out: string[] = [];
    for (let l = 0; l < height; l++) {
      const parts = widths.map((w, i) => {
        const text = fitLine(cells[i]?.[l] ?? "", w);
        const pad = " ".repeat(Math.max(0, w - visibleWidth(text)));
        const align = spec.align?.[i] ?? "left";
        const padded = align === "right" ? pad + text : align === "center" ? centre(text, pad) : text + pad;
        return ` ${text === "" ? padded : padded.replace(text, () => style(text))} `;
      });
      out.push(`│${parts.join("│")}│`);
    }
    return out;
  };
  const out = [rule("┌", "┬", "┐"), ...lines(head, (s) => spec.colors.bold(s))];
  for (const row of body) out.push(rule("├", "┼", "┤"), ...lines(row));
  out.push(rule("└", "┴", "┘"));
  return out.join("\n");
}

function centre(text: string, pad: string): string {
  const left = Math.floor(pad.length / 2);
  return pad.slice(0, left) + text + pad.slice(left);
}

/** The printed width of a table whose columns have these content widths (padding and borders included). */
export function tableWidth(widths: readonly number[]): number {
  return widths.reduce((sum, w) => sum + w + 3, 1);
}

// CSI and OSC escape sequences, as chalk writes them.
const ANSI = /\u001b\[[0-9;]*m|\u001b\][^\u0007]*\u0007/g;

/**
 * The columns a text takes on screen. Until `loadDisplayWidths` has run: its characters, combining
 * marks left out (enough for `--help`, which must load no library but commander); after: the
 * terminal's count from string-width, two for a wide character (CJK, Hangul, most emoji).
 */
let columnsOf = (text: string): number => {
  let n = 0;
  for (const ch of text) if (!COMBINING_MARK.test(ch)) n++;
  return n;
};
const COMBINING_MARK = /^\p{M}$/u;

/** Measures text as a terminal lays it out from now on (main.ts runs it before a command's action). */
export async function loadDisplayWidths(): Promise<void> {
  columnsOf = (await import("string-width")).default;
}

/** The number of columns a line takes on screen (`columnsOf`), colour codes excluded. */
export function visibleWidth(text: string): number {
  return columnsOf(text.replace(ANSI, ""));
}

const GRAPHEMES = new Intl.Segmenter(undefined, { granularity: "grapheme" });

/**
 * Cuts one line to `width` columns with an ellipsis, never inside a character or between a
 * letter and its accent. A coloured line that is cut loses its colour rather than leaving an
 * escape sequence half-closed.
 */
export function fitLine(line: string, width: number): string {
  if (visibleWidth(line) <= width) return line;
  let kept = "";
  let used = 0;
  for (const { segment } of GRAPHEMES.segment(line.replace(ANSI, ""))) {
    const w = columnsOf(segment);
    if (used + w > width - 1) break;
    kept += segment;
    used += w;
  }
  return `${kept}…`;
}

/**
 * The width output should fit: the terminal's own width when stdout is a terminal, otherwise
 * `COLUMNS` (which shells export and CI systems let people set), otherwise 80.
 */
export function terminalWidth(stream: { isTTY?: boolean; columns?: number }, env: Readonly<Record<string, string | undefined>>): number {
  return knownTerminalWidth(stream, env) ?? DEFAULT_TERMINAL_WIDTH;
}

/**
 * The terminal's width when it can be known: the terminal's own, or `COLUMNS`; undefined when
 * output is piped without `COLUMNS`. Log lines wrap only then, so that a CI log keeps one line
 * per message for grep unless the job sets `COLUMNS`.
 */
export function knownTerminalWidth(stream: { isTTY?: boolean; columns?: number }, env: Readonly<Record<string, string | undefined>>): number | undefined {
  if (stream.isTTY === true && typeof stream.columns === "number" && stream.columns > 0) return stream.columns;
  const fromEnv = Number(env.COLUMNS);
  return Number.isInteger(fromEnv) && fromEnv > 0 ? fromEnv : undefined;
}

/** How a column may give up width when the table does not fit. */
export interface ColumnFit {
  /** Width of the longest line (header included): what the column takes when there is room. */
  natural: number;
  /** Narrowest useful width; a flexible column is not shrunk below it. */
  min: number;
  /** True for columns whose text can be wrapped or cut (names, reasons); others keep `natural`. */
  flexible: boolean;
}

/**
 * Content widths for columns that must fit in `total` characters, or `undefined` when even
 * every flexible column at its minimum does not fit. Flexible columns are shrunk from the last
 * one backwards, each down to its minimum, so the columns on the left stay readable longest.
 */
export function fitColumns(columns: readonly ColumnFit[], total: number): number[] | undefined {
  const widths = columns.map((c) => c.natural);
  let excess = tableWidth(widths) - total;
  for (let i = columns.length - 1; i >= 0 && excess > 0; i--) {
    const column = columns[i]!;
    if (!column.flexible) continue;
    const give = Math.min(excess, Math.max(0, column.natural - column.min));
    widths[i] = column.natural - give;
    excess -= give;
  }
  return excess > 0 ? undefined : widths;
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

/**
 * Like `fitColumns`, but when the minimums do not fit either, flexible columns are cut further,
 * down to `lastResort` characters, so that the table fits whenever that is at all possible.
 */
export function squeezeColumns(columns: readonly ColumnFit[], total: number, lastResort = 8): number[] {
  const fitted = fitColumns(columns, total);
  if (fitted) return fitted;
  const squeezed = columns.map((c) => (c.flexible ? { ...c, min: Math.min(c.natural, lastResort) } : c));
  return fitColumns(squeezed, total) ?? squeezed.map((c) => c.min);
}
