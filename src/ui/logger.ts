import type { ChalkInstance } from "chalk";
import { sanitizeText } from "../core/text/sanitize.js";
import type { Redactor } from "./redact.js";

export type LogLevel = "error" | "warn" | "info" | "debug";
const LEVELS: Record<LogLevel, number> = { error: 0, warn: 1, info: 2, debug: 3 };

export interface Writer {
  write(chunk: string): unknown;
}

/**
 * Everything that is not data goes to stderr through this logger, redacted and with control
 * characters and bidi overrides from names defused (the logger's own colours are kept).
 */
export class Logger {
  constructor(
    private readonly stderr: Writer,
    private readonly level: LogLevel,
    private readonly colors: ChalkInstance,
    private readonly redactor: Redactor,
  ) {}

  private out(level: LogLevel, line: string): void {
    if (LEVELS[level] > LEVELS[this.level]) return;
    this.stderr.write(`${sanitizeText(this.redactor.redact(line), { ownColors: this.colors.level > 0 ? "keep" : "strip" })}\n`);
  }

  error(message: string): void {
    this.out("error", this.colors.red(message));
  }
  warn(message: string): void {
    this.out("warn", `${this.colors.yellow("warning")} ${message}`);
  }
  info(message: string): void {
    this.out("info", message);
  }
  success(message: string): void {
    this.out("info", `${this.colors.green("✔")} ${message}`);
  }
  debug(message: string): void {
    this.out("debug", this.colors.dim(message));
  }
  isDebug(): boolean {
    return this.level === "debug";
  }
}
