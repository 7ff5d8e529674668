import type { Migration } from "../plan/schema.js";
import type { User } from "../snapshot/schema.js";

/** The emails a directory user answers to: its email and, when it is one, its SCIM userName. */
export function userEmails(user: User): string[] {
  const userName = (user as { userName?: unknown }).userName;
  const all = [user.email, typeof userName === "string" ? userName : null].filter((e): e is string => typeof e === "string" && e !== "");
  return [...new Set(all.map((e) => e.toLowerCase()))];
}

const same = (a: string | null | undefined, b: string | null | undefined) => typeof a === "string" && typeof b === "string" && a.toLowerCase() === b.toLowerCase();

/**
 * Why the plan's `idp` entry does not name the migration's own bot, judged from the plan alone;
 * undefined when it may. `where` is the migration's path in the plan (`migrations[2]`).
 * An entry matched by email must carry the source account's email; one matched by name must
 * carry an email at all, so the live SCIM user can be checked against it.
 */
export function idpPlanProblem(m: Pick<Migration, "source" | "idp">, where: string): string | undefined {
  const idp = m.idp;
  if (idp === undefined) return undefined;
  if (idp.email === null || idp.email === "") {
    return `${where}.idp.email: empty, so nothing shows that SCIM user ${idp.accountId} is the bot ${m.source.email ?? m.source.accountId}; deactivate it by hand or re-plan with --correlate`;
  }
  if (idp.matchedBy === "email" && !same(idp.email, m.source.email)) {
    return `${where}.idp.email: ${idp.email} is not the migration's source email ${m.source.email ?? "(none)"}; re-plan with --correlate`;
  }
  return undefined;
}

/**
 * Why the live SCIM user is not the one the plan's `idp` entry names; undefined when it is (its
 * email or userName is the entry's email, case aside).
 */
export function idpUserProblem(m: Pick<Migration, "source" | "idp">, user: User, where: string): string | undefined {
  const idp = m.idp;
  if (idp === undefined) return undefined;
  const planned = idpPlanProblem(m, where);
  if (planned !== undefined) return planned;
  const emails = userEmails(user);
  if (!emails.some((e) => same(e, idp.email))) {
    return `${where}.idp.accountId: SCIM user ${idp.accountId} is ${emails.length > 0 ? emails.join(", ") : "a user without an email"}, not ${idp.email}`;
  }
  return undefined;
}
