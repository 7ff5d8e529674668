/**
 * One cleaner for every text a person reads on a terminal. Names, emails, token labels, the org
 * name and server error bodies come from outside; printed raw, an escape sequence in them can
 * retitle the terminal, clear the screen, hide lines or plant a link, and a bidi override
 * (U+202E) can make `gpj.exe` read as `exe.jpg`.
 *
 * Dangerous characters are shown as `\uXXXX`, so nothing is silently lost and the same text is
 * still valid inside a JSON string: C0 controls except tab and newline (a carriage return only
 * when it ends a line), DEL, C1 controls, and the bidi embeddings, overrides and isolates
 * U+202A–U+202E and U+2066–U+2069.
 */

// The characters replaced, plus a CR that is not followed by LF.
const DANGEROUS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]|\r(?!\n)/g;
// The same, with the colour codes this CLI itself prints matched whole (chalk level 1: bold,
// dim, reset, the foreground colours and gray). Nothing that hides text (conceal, backgrounds)
// or moves the cursor is on the list.
const DANGEROUS_OR_OWN_SGR = /\u001b\[(?:0|1|2|22|3[1-7]|39|90)m|[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]|\r(?!\n)/g;

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
