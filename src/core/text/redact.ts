/** What every scrubbed secret is replaced with, in messages, logs and captured output. */
export const REDACTED = "[REDACTED]";

/** Shorter strings are too likely to occur by chance to be scrubbed everywhere. */
export const MIN_SECRET_LENGTH = 6;

// Authorization headers that slipped into a message, whoever put them there.
const AUTH_HEADER = /\b(Bearer|Basic)\s+[A-Za-z0-9._~+/=-]{8,}/g;

/** Encoded forms are this long at least, or they are too likely to occur by chance. */
const MIN_FORM_LENGTH = 8;
const formCache = new Map<string, readonly string[]>();

/**
 * A secret and the forms a program may print it in: URL-encoded, hex (either case), base64 and
 * base64url. Base64 of a longer text holding the secret depends on where the secret starts
 * (modulo 3), so the part that is the same wherever it starts is included for each offset.
 */
export function secretForms(secret: string): readonly string[] {
  const cached = formCache.get(secret);
  if (cached !== undefined) return cached;
  const bytes = Buffer.from(secret, "utf8");
  const forms = new Set<string>([secret, encodeURIComponent(secret), bytes.toString("hex"), bytes.toString("hex").toUpperCase()]);
  for (let offset = 0; offset < 3; offset++) {
    const padded = Buffer.concat([Buffer.alloc(offset), bytes]);
    const b64 = padded.toString("base64").replace(/=+$/, "");
    // Characters that mix in the bytes before the secret, or the bytes after it, vary.
    const head = Math.ceil((offset * 4) / 3);
    const tail = (padded.length % 3) === 0 ? b64.length : b64.length - 1;
    const stable = b64.slice(head, tail);
    for (const form of [stable, stable.replace(/\+/g, "-").replace(/\//g, "_")]) forms.add(form);
  }
  const list = [...forms].filter((f) => f === secret || f.length >= MIN_FORM_LENGTH);
  if (formCache.size > 1000) formCache.clear();
  formCache.set(secret, list);
  return list;
}

/**
 * Replaces every occurrence of each secret, and of its encoded forms ({@link secretForms}), with
 * `[REDACTED]`. Longer strings go first, so a secret that contains another (`user:token` and
 * `token`) leaves no part behind. Empty strings are ignored.
 */
export function redactSecrets(text: string, secrets: Iterable<string>): string {
  return redactForms(text, formsOf(secrets));
}

/** Every form of every secret, longest first (the order {@link redactForms} needs). */
function formsOf(secrets: Iterable<string>): string[] {
  return [...new Set([...secrets].filter((s) => s.length > 0).flatMap((s) => secretForms(s)))].sort((a, b) => b.length - a.length);
}

function redactForms(text: string, forms: readonly string[]): string {
  let out = text;
  for (const form of forms) if (out.includes(form)) out = out.split(form).join(REDACTED);
  return out;
}

/** Blanks the credential out of `Bearer …` and `Basic …` header values. */
export function redactAuthHeaders(text: string): string {
  return text.replace(AUTH_HEADER, `$1 ${REDACTED}`);
}

/**
 * Cuts text to `limit` characters and scrubs the secret. Text read up to a cap may end in the
 * first part of the secret (the rest was never read), which a plain search cannot find, so a
 * cut-off tail that begins the secret is blanked out too.
 */
export function redactClipped(text: string, secret: string, limit: number): string {
  let kept = text.slice(0, limit);
  if (text.length >= limit && secret.length > 0) {
    for (let k = Math.min(secret.length - 1, kept.length); k > 0; k--) {
      if (kept.endsWith(secret.slice(0, k))) {
        kept = `${kept.slice(0, kept.length - k)}${REDACTED}`;
        break;
      }
    }
  }
  return redactSecrets(kept, [secret]);
}

/**
 * A set of known secrets and the one way they are scrubbed: every registered secret, then any
 * Authorization header value. The CLI keeps one per run (API key, minted tokens); the HTTP
 * client keeps its own for the credentials it sends.
 */
export class Redactor {
  private readonly secrets = new Set<string>();
  /** The secrets' forms, longest first; computed once per secret added, not per line printed. */
  private forms: string[] = [];

  constructor(private readonly minLength = MIN_SECRET_LENGTH) {}

  /** Registers a secret; returns true when it is new (and long enough to be scrubbed). */
  add(secret: string | undefined): boolean {
    if (secret === undefined || secret.length < this.minLength || this.secrets.has(secret)) return false;
    this.secrets.add(secret);
    this.forms = formsOf(this.secrets);
    return true;
  }

  redact(text: string): string {
    return redactAuthHeaders(redactForms(text, this.forms));
  }
}
