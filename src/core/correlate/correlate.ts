import { z } from "zod";
import type { AuditReport, Finding } from "../detect/types.js";
import { InputError } from "../errors.js";
import { migrationFingerprint } from "../plan/fingerprint.js";
import type { Plan } from "../plan/schema.js";
import type { Snapshot, User } from "../snapshot/schema.js";

/** The other directory a correlation was made against. */
export interface CorrelatedDirectory {
  /** `source.provider` of the second snapshot, e.g. `scim`. */
  provider: string;
  orgId: string;
  name: string;
  /** The snapshot file, as given on the command line. */
  file: string;
}

/** One flagged account and the account that is the same bot in the other directory. */
export interface CorrelationMatch {
  accountId: string;
  email: string | null;
  name: string;
  verdict: Finding["verdict"];
  other: {
    accountId: string;
    email: string | null;
    name: string;
    status: string;
    accountStatus: string;
    /** True while the account can still sign in there. */
    active: boolean;
    /** How the two were matched: the same email, or (emails differing or missing) the same name. */
    by: "email" | "name";
  };
}

export interface Correlation {
  directory: CorrelatedDirectory;
  /** Flagged accounts (bots and likely bots) that exist in the other directory. */
  matches: CorrelationMatch[];
  /** Flagged accounts with no counterpart there. */
  unmatched: number;
  /** Flagged accounts whose name fits several accounts there and whose email fits none: not matched. */
  ambiguous: string[];
}

/** Emails compare case-insensitively; Atlassian and IdPs may differ in case. */
function emailKey(email: string | null | undefined): string | undefined {
  const e = email?.trim().toLowerCase();
  return e === undefined || e === "" || !e.includes("@") ? undefined : e;
}

/** Names compare without case, accents, punctuation or word order ("Hopper, Grace" = "Grace Hopper"). */
export function nameKey(name: string | null | undefined): string | undefined {
  const words = (name ?? "")
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((w) => w !== "");
  return words.length === 0 ? undefined : words.sort().join(" ");
}

/** Every email an account is known by: its email, and a SCIM userName that is an email. */
function emailsOf(user: User): string[] {
  const keys = [emailKey(user.email), emailKey((user as { userName?: string | null }).userName)];
  return [...new Set(keys.filter((k): k is string => k !== undefined))];
}

/**
 * Matches the flagged accounts of an audit against a second directory: by email first, then, for
 * accounts whose email is missing or differs, by name when exactly one account there has it.
 * Pure; the result is ordered like the report's findings.
 */
export function correlate(report: AuditReport, primary: Snapshot, other: Snapshot, file: string): Correlation {
  const byEmail = new Map<string, User>();
  const byName = new Map<string, User[]>();
  for (const u of other.users) {
    for (const e of emailsOf(u)) if (!byEmail.has(e)) byEmail.set(e, u);
    const n = nameKey(u.name);
    if (n !== undefined) byName.set(n, [...(byName.get(n) ?? []), u]);
  }
  const primaryUsers = new Map(primary.users.map((u) => [u.accountId, u]));
  const matches: CorrelationMatch[] = [];
  const ambiguous: string[] = [];
  let unmatched = 0;
  for (const f of report.findings) {
    if (f.verdict !== "bot" && f.verdict !== "likely-bot") continue;
    const user = primaryUsers.get(f.accountId);
    const emails = [emailKey(f.email), ...(user ? emailsOf(user) : [])].filter((e): e is string => e !== undefined);
    let found: User | undefined;
    let by: "email" | "name" = "email";
    for (const e of emails) {
      found = byEmail.get(e);
      if (found !== undefined) break;
    }
    if (found === undefined) {
      const n = nameKey(f.name);
      const candidates = n === undefined ? [] : (byName.get(n) ?? []);
      if (candidates.length === 1) {
        found = candidates[0];
        by = "name";
      } else if (candidates.length > 1) {
        ambiguous.push(`${f.email ?? f.name}: ${candidates.length} accounts named "${f.name}" in ${other.org.name}`);
      }
    }
    if (found === undefined) {
      unmatched += 1;
      continue;
    }
    matches.push({
      accountId: f.accountId,
      email: f.email,
      name: f.name,
      verdict: f.verdict,
      other: {
        accountId: found.accountId,
        email: found.email ?? null,
        name: found.name,
        status: found.status,
        accountStatus: found.accountStatus,
        active: found.accountStatus === "active" && found.status === "active",
        by,
      },
    });
  }
  return {
    directory: { provider: other.source?.provider ?? "snapshot", orgId: other.org.id, name: other.org.name, file },
    matches,
    unmatched,
    ambiguous,
  };
}

/** One line per match, for warnings and reports. */
export function describeMatch(m: CorrelationMatch, directory: CorrelatedDirectory): string {
  const who = m.email ?? m.name;
  const there = `${directory.name} (${directory.provider}) as ${m.other.email ?? m.other.name} [${m.other.accountId}], matched by ${m.other.by}`;
  return m.other.active
    ? `${who} also exists in ${there}, and is still active there: retire it there too.`
    : `${who} also exists in ${there}; it is already ${m.other.status} there.`;
}

/**
 * Adds to each migration whose source is still active in the other directory the instruction
 * to deactivate it there too, once the migration is verified. When that directory was read
 * through SCIM and the old account is decommissioned, the deactivation becomes a step of the
 * migration (`idp`, covered by its fingerprint) that apply carries out and rollback undoes.
 * Returns how many were changed.
 */
export function addCorrelationToPlan(plan: Plan, correlation: Correlation): number {
  const byAccount = new Map(correlation.matches.map((m) => [m.accountId, m]));
  let changed = 0;
  for (const migration of plan.migrations) {
    const m = byAccount.get(migration.source.accountId);
    if (m === undefined) continue;
    const d = correlation.directory;
    const account = `${m.other.email ?? m.other.name} (account ${m.other.accountId}, matched by ${m.other.by})`;
    // Apply checks the SCIM user by its email before deactivating it, so one without an email stays a note.
    if (m.other.active && d.provider === "scim" && migration.oldAccount.action !== "none" && m.other.email !== null && m.other.email !== "") {
      migration.idp = { provider: "scim", orgId: d.orgId, name: d.name, accountId: m.other.accountId, email: m.other.email, matchedBy: m.other.by };
      migration.source.fingerprint = migrationFingerprint(migration);
      migration.cutover.notes.push(
        `Also deactivate ${account} in ${d.name} (${d.provider}, ${d.file}) once the service account works: it is the same bot there and still active. ` +
          `\`bot2svc apply\` does it after the decommission through SCIM (BOT2SVC_SCIM_BASE_URL and BOT2SVC_SCIM_TOKEN; without them it pauses for it to be done by hand and confirmed with --confirm-idp), and \`bot2svc rollback\` reactivates it (or, when it was done by hand, says to reactivate it there).`,
      );
    } else if (m.other.active) {
      migration.cutover.notes.push(
        `Also deactivate ${account} in ${d.name} (${d.provider}, ${d.file}) once the service account works: it is the same bot there and still active. ` +
          (d.provider === "scim"
            ? `Deactivate it in the identity provider's admin console, or through SCIM with PATCH /Users/${m.other.accountId} setting active to false.`
            : `Deactivate it in that directory's admin console.`),
      );
    } else {
      migration.cutover.notes.push(`The same bot exists in ${d.name} (${d.provider}) as ${account}; it is already ${m.other.status} there.`);
    }
    changed += 1;
  }
  return changed;
}

const correlationSchema = z.object({
  directory: z.object({ provider: z.string(), orgId: z.string(), name: z.string(), file: z.string() }),
  matches: z.array(
    z.object({
      accountId: z.string().min(1),
      email: z.string().nullable(),
      name: z.string(),
      verdict: z.enum(["bot", "likely-bot", "human", "service-account", "app"]),
      other: z.object({
        accountId: z.string().min(1),
        email: z.string().nullable(),
        name: z.string(),
        status: z.string(),
        accountStatus: z.string(),
        active: z.boolean(),
        by: z.enum(["email", "name"]),
      }),
    }),
  ),
  unmatched: z.number().int().min(0),
  ambiguous: z.array(z.string()),
});

/** The `correlation` of a saved audit report, checked; undefined when the report has none. */
export function correlationOfReport(report: AuditReport, file: string): Correlation | undefined {
  const value = (report as { correlation?: unknown }).correlation;
  if (value === undefined) return undefined;
  const parsed = correlationSchema.safeParse(value);
  if (!parsed.success) {
    throw new InputError(`${file}: correlation is not valid`, {
      code: "AUDIT_INVALID",
      details: parsed.error.issues.map((i) => `correlation.${i.path.join(".")}: ${i.message}`),
      hint: "Make the report again with `bot2svc audit --correlate FILE --format json`.",
    });
  }
  return parsed.data;
}
