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

/**
 * Parses JSON text and, on failure, names the file with line and column of the problem.
 */
export function parseJsonText(text: string, file: string, what: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const where = locateJsonError(text, message);
    throw new InputError(`${file} is not valid JSON${where ? ` (${where})` : ""}: ${message}`, {
      code: "JSON_INVALID",
      hint: `Check that ${file} is a complete ${what} file.`,
    });
  }
}

function locateJsonError(text: string, message: string): string | undefined {
  const lineCol = /line (\d+) column (\d+)/.exec(message);
  if (lineCol) return `line ${lineCol[1]}, column ${lineCol[2]}`;
  const pos = /position (\d+)/.exec(message);
  let offset: number | undefined = pos ? Number(pos[1]) : undefined;
  if (offset === undefined && /Unexpected end of JSON input/.test(message)) offset = text.length;
  if (offset === undefined) return undefined;
  let line = 1;
  let lastNewline = -1;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lastNewline = i;
    }
  }
  return `line ${line}, column ${offset - lastNewline}`;
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
