// Suspended, deactivated and already migrated accounts: their state, and whether a script still
// runs on one.

import type { AccountFeatures } from "./features.js";
import { inactiveStatus, plural } from "./rules.js";
import { DAY_MS, HOUR_MS } from "./time.js";
import type { Lifecycle } from "./types.js";

/**
 * True when a script still uses a token of a suspended or deactivated account: a token still
 * allowed, whose latest use (in the token list or the audit log) is more recent than the script's
 * own longest pause between runs in the log (a day at least, `recentDays` at most: a pause of
 * weeks is a person's leave). A script silent for longer than it ever paused has stopped, most
 * likely when the account was suspended (a daily job last seen five days ago), and the account is
 * reported, not planned; one seen on its usual beat, weekends included, still depends on the
 * account. With fewer than two runs in the log there is no beat to judge: a use within
 * `recentDays` counts. `times` are the account's token calls in the log, in order.
 */
export function inactiveTokenInUse(f: AccountFeatures, referenceMs: number, recentMs: number, times: readonly number[]): boolean {
  if (f.lastUsedToken?.status === "BLOCKED") return false;
  // A run is a burst of calls: calls within an hour of the last belong to it.
  const runs: number[] = [];
  for (let i = 0; i < times.length; i++) if (i === 0 || (times[i] as number) - (times[i - 1] as number) > HOUR_MS) runs.push(times[i] as number);
  let lastUse = times.length > 0 ? (times[times.length - 1] as number) : -Infinity;
  if (f.lastUsedToken !== null && f.lastTokenUseMs > lastUse) lastUse = f.lastTokenUseMs;
  // Fewer than two runs in the log show no rhythm: a use within `recentDays` counts, as anywhere.
  if (runs.length < 2) return referenceMs - lastUse <= recentMs;
  let longestPause = DAY_MS;
  for (let i = 1; i < runs.length; i++) longestPause = Math.max(longestPause, (runs[i] as number) - (runs[i - 1] as number));
  // A pause of weeks is a person's leave, not a script's rhythm: `recentDays` at most.
  return referenceMs - lastUse <= Math.min(longestPause, recentMs);
}

/**
 * A migration whose cut-over is not done: the account carries a service account's migration
 * marker but is still active, and an API token of it (still allowed) was used after the service
 * account was created, within `recentMs`: a script or integration still runs on the old account.
 * Work still to do, unlike a finished migration: move the consumer, then decommission.
 */
export function migrationUnfinished(f: AccountFeatures, referenceMs: number, recentMs: number): boolean {
  const sa = f.migratedTo;
  if (sa === null || inactiveStatus(f) !== null || f.lastAllowedToken === null) return false;
  const createdMs = sa.createdAt ? Date.parse(sa.createdAt) : Number.NEGATIVE_INFINITY;
  return f.lastAllowedTokenUseMs > createdMs && referenceMs - f.lastAllowedTokenUseMs <= recentMs;
}

export function lifecycleState(f: AccountFeatures): Lifecycle["state"] | null {
  if (f.migratedTo !== null) return "migrated";
  const { user } = f;
  if (user.accountStatus === "closed") return "closed";
  if (user.status === "suspended") return "suspended";
  if (user.status !== "active" || user.accountStatus !== "active") return "deactivated";
  return null;
}

/**
 * The account's lifecycle for the report, or undefined for an ordinary active account. `planned`:
 * the account is still work to do (for a migrated account, only an unfinished migration is).
 */
export function lifecycleOf(f: AccountFeatures, referenceMs: number, planned: boolean): Lifecycle | undefined {
  const state = lifecycleState(f);
  if (state === null) return undefined;
  const sa = f.migratedTo;
  if (state === "migrated" && sa !== null) {
    const status = inactiveStatus(f);
    const serviceAccount = `service account "${sa.displayName}" (${sa.email}${sa.createdAt ? `, created ${sa.createdAt.slice(0, 10)}` : ""}) carries this account's migration marker`;
    if (planned && f.lastAllowedToken !== null) {
      const days = Math.floor((referenceMs - f.lastAllowedTokenUseMs) / DAY_MS);
      return {
        state,
        serviceAccountId: sa.accountId,
        evidence: `Migration not finished: ${serviceAccount}, but the account is still active and its API token "${f.lastAllowedToken.label}" was used ${days === 0 ? "less than a day" : plural(days, "day")} before the reference time${sa.createdAt ? ", after the service account was created" : ""}: a script or integration still runs on the old account. Move it to the service account's token (which works through https://api.atlassian.com/ex/jira/{cloudId} and /ex/confluence/{cloudId}, not the site URL), then decommission the old account.`,
      };
    }
    return {
      state,
      serviceAccountId: sa.accountId,
      evidence: `Already migrated: ${serviceAccount}${status !== null ? `; ${status}` : "; the account itself is still active"}.`,
    };
  }
  const token = f.lastUsedToken;
  const lastUse =
    token !== null && !planned && referenceMs - f.lastTokenUseMs <= 30 * DAY_MS
      ? ` Its API token "${token.label}" was last used ${plural(Math.floor((referenceMs - f.lastTokenUseMs) / DAY_MS), "day")} before the reference time, before the account was ${state} most likely: a script that depended on it has stopped, so migrate it only if that script is still needed.`
      : "";
  return { state, evidence: `${inactiveStatus(f) ?? `account is ${state}`}: not in ordinary use, so it is reported, not planned, unless a script still uses its token.${lastUse}` };
}
