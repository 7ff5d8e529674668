import { z } from "zod";
import { InputError } from "../core/errors.js";
import { issuesToLines } from "../core/validation.js";

/**
 * Validates a command's options with zod after commander parsed the syntax; every bad flag is
 * reported at once.
 */
export function parseOptions<S extends z.ZodType>(schema: S, raw: unknown): z.infer<S> {
  const result = schema.safeParse(raw);
  if (result.success) return result.data;
  const lines = issuesToLines(result.error.issues).map((line) => `--${kebab(line)}`);
  throw new InputError(`Invalid option${lines.length === 1 ? "" : "s"}`, { details: lines, code: "FLAG_INVALID" });
}

function kebab(line: string): string {
  const colon = line.indexOf(":");
  const key = line.slice(0, colon);
  return key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`) + line.slice(colon);
}

/** Parses an ISO 8601 instant given on the command line (e.g. --now, --since). */
export function parseInstant(value: string, flag: string): Date {
  const date = new Date(value);
  if (Number.isNaN(date.getTime()) || !/^\d{4}-\d{2}-\d{2}/.test(value) || !calendarFieldsValid(value)) {
    throw new InputError(`${flag} must be an ISO 8601 date or timestamp, e.g. 2026-11-01T00:00:00Z (got "${value}")`, {
      code: "FLAG_INVALID",
    });
  }
  return date;
}

/**
 * True when the date and time written exist: `Date` rolls 2026-02-30 over to March 2 and 24:30
 * into the next day without a word, which would silently judge activity at another instant.
 */
function calendarFieldsValid(value: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?)?/.exec(value);
  if (m === null) return false;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (month < 1 || month > 12 || day < 1 || day > new Date(Date.UTC(year, month, 0)).getUTCDate()) return false;
  if (m[4] === undefined) return true;
  const [hour, minute, second] = [Number(m[4]), Number(m[5]), Number(m[6] ?? 0)];
  return hour <= 23 && minute <= 59 && second <= 59;
}

/** `--concurrency N`: a whole number from 1 to 32, given as text on the command line. */
export const concurrencyOptionSchema = z
  .string()
  .regex(/^\d+$/, "expected a whole number")
  .transform(Number)
  .refine((n) => n >= 1 && n <= 32, "expected a whole number from 1 to 32");
