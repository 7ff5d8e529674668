/**
 * One cleaner for every text a person reads on a terminal. Names, emails, token labels, the org
 * name and server error bodies come from outside; printed raw, an escape sequence in them can
 * retitle the terminal, clear the screen, hide lines or plant a link, and a bidi override
 * (U+202E) can make `gpj.exe` read as `exe.jpg`.
 *
 * Dangerous characters are shown as `\uXXXX`, so nothing is silently lost and the same text is
 * still valid inside a JSON string: C0 controls except tab and newline (a carriage return only
 * when it ends a line), DEL, C1 controls, the line and paragraph separators U+2028/U+2029, and
 * the bidi embeddings, overrides and isolates U+202A–U+202E and U+2066–U+2069.
 *
 * A value from outside shown inside one line (a name, an email, a token label, the org name)
 * goes through {@link singleLine} as well, so a line break in it cannot start a line of its own.
 */

// The characters replaced, plus a CR that is not followed by LF.
const DANGEROUS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]|\r(?!\n)/g;
// The same, with the colour codes this CLI itself prints matched whole (chalk level 1: bold,
// dim, reset, the foreground colours and gray). Nothing that hides text (conceal, backgrounds)
// or moves the cursor is on the list.
const DANGEROUS_OR_OWN_SGR = /\u001b\[(?:0|1|2|22|3[1-7]|39|90)m|[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]|\r(?!\n)/g;

function escapeChar(ch: string): string {
  return `\\u${ch.charCodeAt(0).toString(16).padStart(4, "0")}`;
}

/** True when the text holds a character {@link sanitizeText} would replace. */
export function hasUnsafeChars(text: string): boolean {
  DANGEROUS.lastIndex = 0;
  const found = DANGEROUS.test(text);
  DANGEROUS.lastIndex = 0;
  return found;
}

/** The first character {@link sanitizeText} would replace, or undefined (to name it in a message). */
export function firstUnsafeChar(text: string): string | undefined {
  DANGEROUS.lastIndex = 0;
  const found = DANGEROUS.exec(text);
  DANGEROUS.lastIndex = 0;
  return found?.[0];
}

/**
 * Makes text safe to print: control and bidi characters become visible `\uXXXX` escapes.
 * The colour codes this CLI emits itself are kept with `ownColors: "keep"` (a colour terminal)
 * and dropped with `"strip"` (the stream has no colour, but a message was coloured anyway);
 * without the option they are escaped like everything else. Any other escape sequence is
 * always defused.
 */
export function sanitizeText(text: string, options: { ownColors?: "keep" | "strip" } = {}): string {
  if (!hasUnsafeChars(text)) return text;
  return text.replace(DANGEROUS_OR_OWN_SGR, (match: string) => {
    if (match.length > 1 && match !== "\r") {
      if (options.ownColors === "keep") return match;
      if (options.ownColors === "strip") return "";
      return `${escapeChar(match)}${match.slice(1)}`;
    }
    return escapeChar(match);
  });
}

/** Replaces control and bidi characters with `replacement` (e.g. U+FFFD in fixed-width tables); keeps newlines. */
export function replaceUnsafeChars(text: string, replacement: string): string {
  return text.replace(DANGEROUS, replacement);
}

/** Every character a terminal or an editor may break a line at: LF, CR, VT, FF, NEL, U+2028, U+2029. */
const LINE_BREAKS = /[\n\r\u000b\u000c\u0085\u2028\u2029]/g;

/**
 * A value from outside shown inside one line of human output (a name, an email, a label, the
 * org name, an account's reasons): its line breaks are shown as `\uXXXX`, so a label such as
 * "deploy\nX=1" cannot put `X=1` at the start of a line. Other controls are left to
 * {@link sanitizeText}, which every printed text goes through.
 */
export function singleLine(text: string): string {
  return text.replace(LINE_BREAKS, escapeChar);
}

/** Joins lines of human output, each one made {@link singleLine}: data cannot add lines. */
export function joinLines(lines: readonly string[]): string {
  return lines.map(singleLine).join("\n");
}

// A terminal's escape sequence (CSI: colours, cursor moves), or any other control character.
const CONTROL_OR_ESCAPE = /\u001b\[[0-9;?]*[ -/]*[@-~]|[\u0000-\u001f\u007f]/g;

/**
 * The text as a reader of its words sees it: escape sequences and control characters become
 * spaces, so colour codes or a line break pasted into a name or a token label split no word and
 * join none.
 */
export function withoutControls(text: string): string {
  return text.replace(CONTROL_OR_ESCAPE, " ");
}
