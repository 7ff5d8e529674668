/**
 * Secrets registered here are replaced by `[REDACTED]` in everything the logger prints. The
 * HTTP layer registers the API key, and apply registers every token it mints, so even an
 * unexpected error message cannot carry one to the terminal.
 */
export class Redactor {
  private readonly secrets = new Set<string>();

  add(secret: string | undefined): void {
    if (secret !== undefined && secret.length >= 6) this.secrets.add(secret);
  }

  redact(text: string): string {
    let out = text;
    for (const secret of this.secrets) {
      if (out.includes(secret)) out = out.split(secret).join("[REDACTED]");
    }
    // Authorization headers that slipped into a message, whoever put them there.
    return out.replace(/\b(Bearer|Basic)\s+[A-Za-z0-9._~+/=-]{8,}/g, "$1 [REDACTED]");
  }
}
