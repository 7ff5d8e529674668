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

// The characters replaced, plus a CR that is not followed by LF. Without "colours kept", every
// escape sequence (including colour) loses its ESC.
const DANGEROUS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]|\r(?!\n)/g;
// The colour codes this CLI itself prints (chalk level 1: bold, dim, reset, the foreground
// colours and gray). Nothing that hides text (conceal, backgrounds) or moves the cursor.
const OWN_SGR = /\u001b\[(?:0|1|2|22|3[1-7]|39|90)m/y;

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
 * With `keepColors`, the colour codes this CLI emits itself stay (so coloured output still
 * works); any other escape sequence is defused.
 */
export function sanitizeText(text: string, options: { keepColors?: boolean } = {}): string {
  if (!hasUnsafeChars(text)) return text;
  return text.replace(DANGEROUS, (ch, offset: number) => {
    if (options.keepColors === true && ch === "\u001b") {
      OWN_SGR.lastIndex = offset;
      if (OWN_SGR.test(text)) return ch;
    }
    return escapeChar(ch);
  });
}

/** Replaces control and bidi characters with `replacement` (e.g. U+FFFD in fixed-width tables); keeps newlines. */
export function replaceUnsafeChars(text: string, replacement: string): string {
  return text.replace(DANGEROUS, replacement);
}
