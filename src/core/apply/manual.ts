import { isUtf8 } from "node:buffer";
import { readFile, stat } from "node:fs/promises";
import { firstInvalidUtf8Offset } from "../fs/read-text.js";
import { firstUnsafeChar } from "../text/sanitize.js";
import type { Migration, Plan } from "../plan/schema.js";
import { InputError } from "../errors.js";

const DAY_MS = 24 * 60 * 60 * 1000;

/** The expiry instant of a credential minted now. */
export function expiryOf(migration: Migration, now: Date): Date {
  return new Date(now.getTime() + migration.credential.expiryDays * DAY_MS);
}

/**
 * What an admin must do in admin.atlassian.com when the provider cannot mint tokens: one line
 * per instruction, precise enough to follow without the plan open.
 */
export function manualTokenInstructions(
  migration: Migration,
  serviceAccount: { email: string },
  now: Date,
): string[] {
  const expiry = expiryOf(migration, now).toISOString().slice(0, 10);
  return [
    `Create an API token for service account "${migration.serviceAccount.displayName}" (${serviceAccount.email}):`,
    `  1. Open https://admin.atlassian.com → Directory → Service accounts → ${migration.serviceAccount.displayName}.`,
    "  2. Choose Create credentials → API token.",
    `  3. Label: ${migration.credential.label}`,
    `  4. Scopes: ${migration.credential.scopes.join(", ")}`,
    `  5. Expiry: ${expiry} (${migration.credential.expiryDays} days)`,
    "  6. Copy the token (Atlassian shows it once).",
  ];
}

/** A token file holds a few lines; anything much larger is not one. */
const MAX_TOKEN_FILE_BYTES = 64 * 1024;

/**
 * Reads `--token-file` strictly, before anything is locked or written: lines `migrationId=token`,
 * or a single bare token when exactly one migration waits for a manual token (see
 * {@link parseTokenFile}). A file that is not UTF-8 text, holds control characters (NUL, a lone
 * carriage return, escapes) or no token at all is refused. Messages name the file and the line,
 * never its content: it holds secrets.
 */
export async function readTokenFileText(file: string, displayName = file): Promise<string> {
  const name = `--token-file ${displayName}`;
  let bytes: Buffer;
  try {
    const info = await stat(file);
    if (info.isDirectory()) throw new InputError(`Cannot read ${name}: it is a directory`, { code: "TOKEN_FILE" });
    if (info.size > MAX_TOKEN_FILE_BYTES) {
      throw new InputError(`${name} is ${info.size} bytes: too large for a token file (at most ${MAX_TOKEN_FILE_BYTES})`, { code: "TOKEN_FILE", hint: TOKEN_FILE_HINT });
    }
    bytes = await readFile(file);
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw new InputError(`Cannot read ${name}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`, { code: "TOKEN_FILE" });
  }
  if (!isUtf8(bytes)) {
    throw new InputError(`${name} is not valid UTF-8 (byte offset ${firstInvalidUtf8Offset(bytes)})`, { code: "TOKEN_FILE", hint: TOKEN_FILE_HINT });
  }
  const text = bytes.toString("utf8").replace(/^\uFEFF/, "");
  const problems: string[] = [];
  text.split("\n").forEach((line, index) => {
    const bad = firstUnsafeChar(line.replace(/\r$/, ""));
    if (bad !== undefined) problems.push(`line ${index + 1}: holds a control character (U+${bad.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")})`);
  });
  if (problems.length > 0) throw new InputError(`${name} is not a valid token file`, { code: "TOKEN_FILE", details: problems, hint: TOKEN_FILE_HINT });
  if (tokenLines(text).length === 0) throw new InputError(`${name} holds no token`, { code: "TOKEN_FILE", hint: TOKEN_FILE_HINT });
  return text;
}

const TOKEN_FILE_HINT = "Write one line per migration, <migration id>=<token>, as plain UTF-8 text (a single bare token when one migration waits).";

/** The lines that hold a token, with their line numbers in the file. */
function tokenLines(text: string): Array<{ n: number; line: string }> {
  return text
    .split(/\r?\n/)
    .map((l, i) => ({ n: i + 1, line: l.trim() }))
    .filter(({ line }) => line !== "" && !line.startsWith("#"));
}

/** Reads and parses `--token-file` (see {@link readTokenFileText} and {@link parseTokenFile}). */
export async function readTokenFile(file: string, plan: Plan, waitingIds: readonly string[]): Promise<Map<string, string>> {
  return parseTokenFile(await readTokenFileText(file), file, plan, waitingIds);
}

/**
 * What is wrong with a token, without showing it: API tokens are printable ASCII, so a space or
 * any other character (a non-breaking or zero-width space pasted along) means a bad copy.
 */
function tokenProblem(token: string): string | undefined {
  if (/\s/.test(token)) return "holds a space";
  const bad = /[^\x21-\x7e]/u.exec(token);
  if (bad !== null) return `holds a character that is not printable ASCII (U+${(bad[0].codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, "0")})`;
  return undefined;
}

/** Parses the text of a token file (see `readTokenFile`). */
export function parseTokenFile(text: string, file: string, plan: Plan, waitingIds: readonly string[]): Map<string, string> {
  const numbered = tokenLines(text);
  const lines = numbered.map((l) => l.line);
  const tokens = new Map<string, string>();
  const known = new Set(plan.migrations.map((m) => m.id));
  const problems: string[] = [];
  const keyed = lines.filter((l) => /^[A-Za-z0-9_.:-]+=/.test(l) && known.has(l.slice(0, l.indexOf("="))));
  if (keyed.length === 0 && lines.length === 1) {
    if (waitingIds.length !== 1) {
      throw new InputError(`${file} holds a single token, but ${waitingIds.length} migrations wait for one.`, {
        code: "TOKEN_FILE",
        hint: "Write one line per migration: <migration id>=<token>.",
      });
    }
    const problem = tokenProblem(lines[0] as string);
    if (problem !== undefined) throw new InputError(`${file} is not a valid token file`, { code: "TOKEN_FILE", details: [`line ${numbered[0]?.n}: the token ${problem}`] });
    tokens.set(waitingIds[0] as string, lines[0] as string);
    return tokens;
  }
  numbered.forEach(({ n, line }) => {
    const eq = line.indexOf("=");
    const id = eq > 0 ? line.slice(0, eq) : "";
    const token = eq > 0 ? line.slice(eq + 1).trim() : "";
    if (!known.has(id) || token === "") problems.push(`line ${n}: expected <migration id>=<token> for a migration of this plan`);
    else if (tokenProblem(token) !== undefined) problems.push(`line ${n}: the token of ${id} ${tokenProblem(token)}`);
    else tokens.set(id, token);
  });
  if (problems.length > 0) throw new InputError(`${file} is not a valid token file`, { code: "TOKEN_FILE", details: problems });
  return tokens;
}

/** An app role or group membership the directory refused to give through the API. */
export interface RefusedAccess {
  kind: "app" | "group";
  /** Product key (`jira-software`, `confluence`) or group name. */
  key: string;
  /** Workspace ARI or group id. */
  target: string;
  /** What the directory answered. */
  reason: string;
}

const PRODUCT_NAMES: Record<string, string> = {
  "jira-software": "Jira",
  jira: "Jira",
  "jira-servicedesk": "Jira Service Management",
  "jira-service-desk": "Jira Service Management",
  "jira-core": "Jira Work Management",
  "jira-product-discovery": "Jira Product Discovery",
  confluence: "Confluence",
};

/**
 * What an admin must do in admin.atlassian.com when the API refused to give the service
 * account an app role or a group; apply checks the result on the next run.
 */
export function manualAccessInstructions(
  migration: Migration,
  serviceAccount: { email: string },
  refused: readonly RefusedAccess[],
  sites: readonly { cloudId: string; url: string }[],
): string[] {
  const name = migration.serviceAccount.displayName;
  const siteOf = (resource: string) => {
    const cloudId = /::site\/([^/]+)$/.exec(resource)?.[1];
    const site = sites.find((s) => s.cloudId === cloudId);
    return site ? `${site.url} (${resource})` : resource;
  };
  const lines = [`Give service account "${name}" (${serviceAccount.email}) the access the API refused (migration ${migration.id}):`];
  let n = 0;
  const apps = refused.filter((r) => r.kind === "app");
  const groups = refused.filter((r) => r.kind === "group");
  if (apps.length > 0) {
    lines.push(`  ${++n}. Open https://admin.atlassian.com → Directory → Service accounts → ${name} → App access (or "Apps") → Add app access.`);
    for (const r of apps) {
      lines.push(`     - ${PRODUCT_NAMES[r.key] ?? r.key} on ${siteOf(r.target)}: role User  [refused: ${r.reason}]`);
    }
  }
  if (groups.length > 0) {
    lines.push(`  ${++n}. Open https://admin.atlassian.com → Directory → Groups, and for each group choose Add group members → ${serviceAccount.email}:`);
    for (const r of groups) lines.push(`     - ${r.key} (${r.target})  [refused: ${r.reason}]`);
    lines.push(
      `     If the console does not offer service accounts for a group, give ${name} the app access that group granted (step above) instead.`,
    );
  }
  lines.push(`  ${++n}. Run \`bot2svc apply PLAN --resume\`: apply checks the access and goes on only when it is there.`);
  lines.push(`     To stop instead, run \`bot2svc rollback\` (it deletes ${name}); the old account has not been touched.`);
  return lines;
}
