import type { ChalkInstance } from "chalk";
import { sanitizeText } from "../core/text/sanitize.js";
import type { Redactor } from "./redact.js";
import { wrapParagraph } from "./wrap.js";

export type LogLevel = "error" | "warn" | "info" | "debug";
const LEVELS: Record<LogLevel, number> = { error: 0, warn: 1, info: 2, debug: 3 };
const SGR = /\u001b\[[0-9;]*m/g;
const MARKED = /^[^\s\p{L}\p{N}] /u;

export interface Writer {
  write(chunk: string): unknown;
}

/**
 * Everything that is not data goes to stderr through this logger, redacted and with control
 * characters and bidi overrides from names defused (the logger's own colours are kept). With a
 * `width` (the terminal's, or COLUMNS), a long message wraps at spaces with a hanging indent
 * under its text; without one (piped, no COLUMNS) each message stays on one line for grep.
 */
export class Logger {
  constructor(
    private readonly stderr: Writer,
    private readonly level: LogLevel,
    private readonly colors: ChalkInstance,
    private readonly redactor: Redactor,
    private readonly width?: number,
  ) {}

  /** Writes `line` when `level` is on; wrapped lines are indented `hang` columns. */
  private out(level: LogLevel, line: string, hang: number): void {
    if (LEVELS[level] > LEVELS[this.level]) return;
    const safe = sanitizeText(this.redactor.redact(line), { ownColors: this.colors.level > 0 ? "keep" : "strip" });
    const text = this.width === undefined ? safe : wrapParagraph(safe, this.width, { rest: " ".repeat(hang) }).join("\n");
    this.stderr.write(`${text}\n`);
  }

  error(message: string): void {
    this.out("error", this.colors.red(message), 2);
  }
  warn(message: string): void {
    this.out("warn", `${this.colors.yellow("warning")} ${message}`, 8);
  }
  info(message: string): void {
    // A line that starts with a status mark ("✔ ", "- ", "⏸ ") hangs under the text after it.
    this.out("info", message, MARKED.test(message.replace(SGR, "")) ? 2 : 0);
  }
  success(message: string): void {
    this.out("info", `${this.colors.green("✔")} ${message}`, 2);
  }
  debug(message: string): void {
    this.out("debug", this.colors.dim(message), 2);
  }
  isDebug(): boolean {
    return this.level === "debug";
  }
}
