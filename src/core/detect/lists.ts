import type { User } from "../snapshot/schema.js";
import type { ListEntry } from "./config.js";

export type ListName = "allow" | "deny";

/** A list's entries that still apply, keyed for constant-time lookup. */
export interface ActiveList {
  name: ListName;
  byAccountId: Map<string, ListEntry>;
  byEmail: Map<string, ListEntry>;
  /** Entries that matched at least one account, to warn about the ones that matched none. */
  used: Set<ListEntry>;
}

function describe(entry: ListEntry): string {
  return entry.email ?? entry.accountId ?? "(no account)";
}

function listLabel(name: ListName): string {
  return name === "allow" ? "allowlist" : "denylist";
}

/**
 * Drops entries that expired before the reference time, with a warning naming each one, and
 * indexes the rest by account id and lower-cased email.
 */
export function prepareList(name: ListName, entries: readonly ListEntry[], referenceMs: number, warnings: string[]): ActiveList {
  const list: ActiveList = { name, byAccountId: new Map(), byEmail: new Map(), used: new Set() };
  for (const entry of entries) {
    if (entry.expiresAt !== undefined) {
      const expiresMs = Date.parse(entry.expiresAt);
      if (expiresMs < referenceMs) {
        warnings.push(
          `${listLabel(name)} entry for ${describe(entry)} (owner ${entry.owner}) expired ${new Date(expiresMs).toISOString().slice(0, 10)}; it no longer applies.`,
        );
        continue;
      }
    }
    if (entry.accountId !== undefined) list.byAccountId.set(entry.accountId, entry);
    if (entry.email !== undefined) list.byEmail.set(entry.email.toLowerCase(), entry);
  }
  return list;
}

/** The entry of `list` that names this account, by id or case-insensitive email. */
export function lookup(list: ActiveList, user: Pick<User, "accountId" | "email">): ListEntry | undefined {
  const entry =
    list.byAccountId.get(user.accountId) ??
    (user.email ? list.byEmail.get(user.email.toLowerCase()) : undefined);
  if (entry !== undefined) list.used.add(entry);
  return entry;
}

/** Warnings for entries that still apply but matched no account (usually a typo or a removed account). */
export function unusedEntryWarnings(list: ActiveList): string[] {
  const seen = new Set<ListEntry>();
  const out: string[] = [];
  for (const entry of [...list.byAccountId.values(), ...list.byEmail.values()]) {
    if (seen.has(entry) || list.used.has(entry)) continue;
    seen.add(entry);
    out.push(`${listLabel(list.name)} entry for ${describe(entry)} (owner ${entry.owner}) matches no account in the snapshot.`);
  }
  return out;
}
