import type { ProductAccess, ServiceAccount, Snapshot, User } from "../../snapshot/schema.js";
import type { AccountFeatures } from "../features.js";
import { isoToMs } from "../time.js";
import type { EventIndex } from "./table.js";

/**
 * Profile and lifecycle: UI activity per product, and where the account is in its life (one of
 * the org's service accounts, or an old account a migration already replaced).
 */
export interface ProfileFeatures {
  isServiceAccount(slot: number): boolean;
  fill(slot: number, f: AccountFeatures): void;
}

/** `bot2svc:<planId>:<migrationId>`, the marker a plan writes into each service account it creates. */
const MARKER = /bot2svc:[^\s:;]+:m-([A-Za-z0-9_.-]+)/;
/** "Migrated from <email or name> by bot2svc", the start of the same description. */
const MIGRATED_FROM = /^Migrated from (.+?) by bot2svc\b/;

/** The migration id a plan gives an account: its id with unsafe characters replaced. */
function migrationKey(accountId: string): string {
  return accountId.replace(/[^A-Za-z0-9_.-]/g, "-");
}

export function extractProfile(snapshot: Snapshot, index: EventIndex, staleUiDays: number, referenceMs: number, dayMs: number): ProfileFeatures {
  const { n, slotOf, users } = index;
  const serviceAccountSlots = new Uint8Array(n);
  // Service accounts created by a migration, by the old account's migration key and by its email.
  const byKey = new Map<string, ServiceAccount>();
  const byEmail = new Map<string, ServiceAccount>();
  for (const sa of snapshot.serviceAccounts) {
    const slot = slotOf.get(sa.accountId);
    if (slot !== undefined) serviceAccountSlots[slot] = 1;
    const description = sa.description ?? "";
    // The marker names the migration; "Migrated from <email>" alone (a description written by
    // hand, or by an older plan) pairs by email.
    const marker = MARKER.exec(description);
    if (marker !== null) byKey.set(marker[1] as string, sa);
    const from = MIGRATED_FROM.exec(description);
    if (from !== null && from[1]!.includes("@")) byEmail.set(from[1]!.toLowerCase(), sa);
  }
  const pairing = byKey.size > 0 || byEmail.size > 0;
  const staleCutoff = referenceMs - staleUiDays * dayMs;
  // UI activity, worked out once per account: the report's evidence asks for it again.
  const lastUiIndex = new Int32Array(n).fill(-1);
  const lastUiMs = new Float64Array(n).fill(Number.NaN);
  const recentUi = new Int32Array(n);
  for (let slot = 0; slot < n; slot++) {
    const access = (users[slot] as User).productAccess;
    for (let i = 0; i < access.length; i++) {
      const timestamp = (access[i] as ProductAccess).lastActiveTimestamp;
      if (!timestamp) continue;
      const ms = isoToMs(timestamp);
      if (lastUiIndex[slot] === -1 || ms > (lastUiMs[slot] as number)) {
        lastUiIndex[slot] = i;
        lastUiMs[slot] = ms;
      }
      if (ms >= staleCutoff) recentUi[slot]!++;
    }
  }

  return {
    isServiceAccount: (slot) => serviceAccountSlots[slot] === 1,
    fill(slot, f) {
      const user = users[slot] as User;
      const last = lastUiIndex[slot] as number;
      f.user = user;
      f.localPart = localPartOf(user.email);
      f.lastUiAccess = last === -1 ? null : (user.productAccess[last] as ProductAccess);
      f.lastUiMs = lastUiMs[slot] as number;
      f.recentUiProductCount = recentUi[slot] as number;
      f.migratedTo = pairing && user.accountType !== "service" && serviceAccountSlots[slot] !== 1
        ? (byKey.get(migrationKey(user.accountId)) ?? (user.email ? byEmail.get(user.email.toLowerCase()) : undefined) ?? null)
        : null;
    },
  };
}

/** The part of an email before the `@`, or null without an email. */
export function localPartOf(email: string | null | undefined): string | null {
  if (!email) return null;
  const at = email.lastIndexOf("@");
  return at >= 0 ? email.slice(0, at) : email;
}
