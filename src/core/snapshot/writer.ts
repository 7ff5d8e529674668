import { writeFileAtomic } from "../fs/atomic-write.js";
import type { Snapshot } from "./schema.js";

const byKey =
  <T>(key: (item: T) => string) =>
  (a: T, b: T): number => {
    const ka = key(a);
    const kb = key(b);
    return ka < kb ? -1 : ka > kb ? 1 : 0;
  };

/**
 * Returns a copy of the snapshot in a stable order (users by account id, events by time then
 * id, ...), so two exports of the same org produce the same bytes and diff cleanly.
 */
export function normalizeSnapshot(snapshot: Snapshot): Snapshot {
  return {
    ...snapshot,
    users: [...snapshot.users]
      .sort(byKey((u) => u.accountId))
      .map((u) => ({ ...u, groupIds: [...u.groupIds].sort(), productAccess: [...u.productAccess].sort(byKey((p) => `${p.key} ${p.id}`)) })),
    groups: [...snapshot.groups].sort(byKey((g) => g.id)),
    apiTokens: [...snapshot.apiTokens].sort(byKey((t) => `${t.accountId} ${t.id}`)),
    events: [...snapshot.events].sort(byKey((e) => `${e.time} ${e.id}`)),
    serviceAccounts: [...snapshot.serviceAccounts]
      .sort(byKey((s) => s.id))
      .map((s) => ({ ...s, groupIds: [...s.groupIds].sort() })),
    serviceAccountTokens: [...snapshot.serviceAccountTokens].sort(byKey((t) => `${t.serviceAccountId} ${t.id}`)),
  };
}

/** Serialises a snapshot in stable order with two-space indentation. */
export function serializeSnapshot(snapshot: Snapshot): string {
  return `${JSON.stringify(normalizeSnapshot(snapshot), null, 2)}\n`;
}

/**
 * Writes a snapshot atomically (never a half-written file), readable by the owner only: it
 * holds the org's personal data (names, emails, IP addresses, events).
 */
export async function writeSnapshotFile(file: string, snapshot: Snapshot): Promise<void> {
  await writeFileAtomic(file, serializeSnapshot(snapshot), 0o600);
}
