/** The version of every `--json` document; bumped when a field is removed or changes meaning. */
export const OUTPUT_VERSION = 1;

/** Formats a `--json` document with `kind` (e.g. `bot2svc.status`) and `version` first. */
export function jsonDocumentText(kind: string, body: object): string {
  return `${JSON.stringify({ kind, version: OUTPUT_VERSION, ...body }, null, 2)}\n`;
}

/**
 * The same document on one line, for outputs read a line at a time: the emulator's, printed
 * while it keeps running, and short results and errors that scripts pipe into `jq`.
 */
export function jsonDocumentLine(kind: string, body: object): string {
  return `${JSON.stringify({ kind, version: OUTPUT_VERSION, ...body })}\n`;
}
