import { readFile } from "node:fs/promises";
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

/**
 * Reads `--token-file`: lines `migrationId=token`, or a single bare token when exactly one
 * migration waits for a manual token. Blank lines and `#` comments are ignored. Tokens are
 * returned by migration id and never echoed in errors.
 */
export async function readTokenFile(file: string, plan: Plan, waitingIds: readonly string[]): Promise<Map<string, string>> {
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (error) {
    throw new InputError(`Cannot read --token-file ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`, {
      code: "TOKEN_FILE",
    });
  }
  return parseTokenFile(text, file, plan, waitingIds);
}

/** Parses the text of a token file (see `readTokenFile`). */
export function parseTokenFile(text: string, file: string, plan: Plan, waitingIds: readonly string[]): Map<string, string> {
  const lines = text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l !== "" && !l.startsWith("#"));
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
    tokens.set(waitingIds[0] as string, lines[0] as string);
    return tokens;
  }
  lines.forEach((line, index) => {
    const eq = line.indexOf("=");
    const id = eq > 0 ? line.slice(0, eq) : "";
    const token = eq > 0 ? line.slice(eq + 1).trim() : "";
    if (!known.has(id) || token === "") problems.push(`line ${index + 1}: expected <migration id>=<token> for a migration of this plan`);
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
