import type { ProductAccess, ServiceAccount, Snapshot, User } from "../../snapshot/schema.js";
import type { AccountFeatures } from "../features.js";
import { isoToMs } from "../time.js";
import { BROWSER_WORK, LOGIN } from "./events.js";
import type { EventIndex } from "./table.js";

/**
 * The product access that stands for an account's latest sign-in in the audit log, where the
 * account's UI activity is not known (see `extractProfile` and `uiActivityRecorded`).
 */
export const SIGN_IN_ACCESS_ID = "audit-log:user_login";

/**
 * Profile and lifecycle: UI activity per product, and where the account is in its life (one of
 * the org's service accounts, or an old account a migration already replaced).
 */
export interface ProfileFeatures {
  isServiceAccount(slot: number): boolean;
  fill(slot: number, f: AccountFeatures): void;
}

/**
 * What a directory's export writes where a job title is missing ("N/A", "-", "TBD"): none. Not a
 * bare "NA" (North America) nor any word.
 */
const PLACEHOLDER = /^\s*(?:n\/a|n\.a\.?|none|null|nil|unknown|tbd|tba|not applicable|not set|-+|[–—]|\.+|_+|\?+)\s*$/i;
const placeholder = (value: string | null | undefined): boolean => typeof value === "string" && PLACEHOLDER.test(value);

/**
 * The snapshot with placeholder job titles (`PLACEHOLDER`) read as missing: an integration's
 * account titled "N/A" has no person's title, nor a full profile. Departments are kept as they
 * are: a titled person in department "N/A" keeps a person's profile. The snapshot itself when no
 * account has one, as most have none.
 */
export function withoutPlaceholders(snapshot: Snapshot): Snapshot {
  if (!snapshot.users.some((u) => placeholder(u.jobTitle))) return snapshot;
  const users = snapshot.users.map((u) => (placeholder(u.jobTitle) ? { ...u, jobTitle: null } : u));
  return { ...snapshot, users };
}

/** `bot2svc:<planId>:<migrationId>`, the marker a plan writes into each service account it creates. */
const MARKER = /bot2svc:[^\s:;]+:m-([A-Za-z0-9_.-]+)/;
/** "Migrated from <email or name> by bot2svc", the start of the same description. */
const MIGRATED_FROM = /^Migrated from (.+?) by bot2svc\b/;

/** The migration id a plan gives an account: its id with unsafe characters replaced. */
function migrationKey(accountId: string): string {
  return accountId.replace(/[^A-Za-z0-9_.-]/g, "-");
}

/**
 * `eventKinds`: the kinds of each event (features/events.ts). Where an account's UI activity is
 * not known (`uiRecorded` false: the snapshot records none at all; or the account's last-active
 * times were not collected), its latest sign-in, or work done from a browser (`BROWSER_WORK`: a
 * session opened before the log began), stands for its last UI activity. A sign-in is a visit to
 * the UI, so a recent one is recent UI use; its absence says less (a browser session outlives a
 * window of the log), which the rules that read absence take into account.
 */
export function extractProfile(snapshot: Snapshot, index: EventIndex, eventKinds: Uint8Array, staleUiDays: number, referenceMs: number, dayMs: number, uiRecorded = true, namesAMachine: (tag: string) => boolean = () => false): ProfileFeatures {
  const signIns = uiRecorded ? null : eventKinds;
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
  const byHiddenName = hiddenEmailPairs(users, byEmail);
  const pairing = byKey.size > 0 || byEmail.size > 0;
  const staleCutoff = referenceMs - staleUiDays * dayMs;
  // UI activity, worked out once per account: the report's evidence asks for it again.
  const lastUiIndex = new Int32Array(n).fill(-1);
  const lastUiMs = new Float64Array(n).fill(Number.NaN);
  const recentUi = new Int32Array(n);
  // Accounts whose UI activity is not known: the whole snapshot records none (`signIns` given), or
  // the account has no last-active time and at least one product whose time was not collected
  // (absent). Null says "never active", unless the log shows the account signing in on
  // `CONTRADICTED_NEVER_DAYS` days or more: a sign-in is a visit to the UI. Their latest sign-in in
  // the audit log stands for their last UI activity.
  const unknown = new Uint8Array(n);
  let pending = 0;
  for (let slot = 0; slot < n; slot++) {
    const access = (users[slot] as User).productAccess;
    let uncollected = false;
    for (let i = 0; i < access.length; i++) {
      const timestamp = (access[i] as ProductAccess).lastActiveTimestamp;
      if (!timestamp) {
        if (timestamp === undefined) uncollected = true;
        continue;
      }
      const ms = isoToMs(timestamp);
      if (lastUiIndex[slot] === -1 || ms > (lastUiMs[slot] as number)) {
        lastUiIndex[slot] = i;
        lastUiMs[slot] = ms;
      }
      if (ms >= staleCutoff) recentUi[slot]!++;
    }
    if (signIns !== null || (uncollected && lastUiIndex[slot] === -1)) unknown[slot] = UNKNOWN;
    else if (lastUiIndex[slot] === -1 && access.length > 0) unknown[slot] = NEVER_UNLESS_SIGNED_IN;
    if (unknown[slot] !== 0) pending++;
  }

  const signInAccess: (ProductAccess | null)[] = [];
  // Days with work done from a browser (not sign-ins alone), for accounts whose UI activity is not known.
  const workDays = new Int32Array(pending > 0 ? n : 0);
  if (pending > 0) {
    const { eventMs, eventSlot } = index;
    const latest = new Float64Array(n).fill(Number.NaN);
    const days = new Int32Array(n);
    const lastDay = new Int32Array(n);
    const lastWorkDay = new Int32Array(n);
    for (let k = 0; k < eventKinds.length; k++) {
      const slot = eventSlot[k] as number;
      const kinds = eventKinds[k] as number;
      if (slot === -1 || unknown[slot] === 0 || (kinds & (LOGIN | BROWSER_WORK)) === 0) continue;
      const ms = eventMs[k] as number;
      if (!(ms <= (latest[slot] as number))) latest[slot] = ms;
      const day = Math.floor(ms / dayMs);
      if (day !== lastDay[slot]) {
        days[slot]!++;
        lastDay[slot] = day;
      }
      if ((kinds & BROWSER_WORK) !== 0 && day !== lastWorkDay[slot]) {
        workDays[slot]!++;
        lastWorkDay[slot] = day;
      }
    }
    for (let slot = 0; slot < n; slot++) {
      if (unknown[slot] === NEVER_UNLESS_SIGNED_IN) unknown[slot] = (days[slot] as number) >= CONTRADICTED_NEVER_DAYS ? UNKNOWN : 0;
      if (unknown[slot] === 0) continue;
      recentUi[slot] = 0;
      const ms = latest[slot] as number;
      if (Number.isNaN(ms)) continue;
      lastUiIndex[slot] = 0;
      lastUiMs[slot] = ms;
      signInAccess[slot] = { key: "sign-in", id: SIGN_IN_ACCESS_ID, lastActiveTimestamp: new Date(ms).toISOString() };
      if (ms >= staleCutoff) recentUi[slot] = 1;
    }
  }

  return {
    isServiceAccount: (slot) => serviceAccountSlots[slot] === 1,
    fill(slot, f) {
      const user = users[slot] as User;
      const last = lastUiIndex[slot] as number;
      f.user = user;
      f.localPart = localPartOf(user.email, namesAMachine);
      f.uiActivityKnown = unknown[slot] !== UNKNOWN;
      f.lastUiAccess = last === -1 ? null : unknown[slot] === UNKNOWN ? (signInAccess[slot] as ProductAccess) : (user.productAccess[last] as ProductAccess);
      f.lastUiMs = lastUiMs[slot] as number;
      f.recentUiProductCount = recentUi[slot] as number;
      f.browserWorkDays = unknown[slot] === UNKNOWN ? (workDays[slot] as number) : 0;
      f.migratedTo = pairing && user.accountType !== "service" && serviceAccountSlots[slot] !== 1
        ? (byKey.get(migrationKey(user.accountId)) ?? (user.email ? byEmail.get(user.email.toLowerCase()) : byHiddenName.get(user.name)) ?? null)
        : null;
    },
  };
}

/**
 * Service accounts "Migrated from <email>" whose email no account of the snapshot shows, by their
 * display name, for the one account of that name whose email is hidden (a profile's visibility
 * setting withholds it): the old account the migration named, as its name and the service
 * account's are the same. Two service accounts or two hidden accounts of one name pair none.
 */
function hiddenEmailPairs(users: readonly User[], byEmail: ReadonlyMap<string, ServiceAccount>): Map<string, ServiceAccount> {
  const pairs = new Map<string, ServiceAccount>();
  if (byEmail.size === 0) return pairs;
  const hidden = new Map<string, number>();
  const shown = new Set<string>();
  for (const user of users) {
    if (user.accountType === "service") continue;
    if (user.email) shown.add(user.email.toLowerCase());
    else hidden.set(user.name, (hidden.get(user.name) ?? 0) + 1);
  }
  if (hidden.size === 0) return pairs;
  const taken = new Set<string>();
  for (const [email, sa] of byEmail) {
    const name = sa.displayName;
    if (shown.has(email) || !name || hidden.get(name) !== 1) continue;
    if (taken.has(name)) pairs.delete(name);
    else pairs.set(name, sa);
    taken.add(name);
  }
  return pairs;
}

const UNKNOWN = 1;
const NEVER_UNLESS_SIGNED_IN = 2;
/** Days with sign-ins in the log that contradict a null ("never active in the UI") last-active time. */
const CONTRADICTED_NEVER_DAYS = 3;

/** Fewest people with product access before an org that records no UI activity at all is read as one whose source does not collect it. */
const UI_UNRECORDED_MIN_PEOPLE = 10;
/** Share of people with product access who need a last-active time for the snapshot to record UI activity. */
const UI_RECORDED_MIN_SHARE = 0.02;

/**
 * Whether the snapshot records UI activity: 2% of its people or more have a product's last-active
 * time, or the org is too small for "none of them ever used the UI" to say more than that. A
 * source that does not collect it (SCIM, an export without last-active dates) leaves every
 * account without one, or writes null for it; one account with a time does not change that.
 */
export function uiActivityRecorded(users: readonly User[]): boolean {
  let people = 0;
  let recorded = 0;
  for (const user of users) {
    if (user.accountType !== "atlassian" || user.productAccess.length === 0) continue;
    people++;
    for (const access of user.productAccess) {
      if (access.lastActiveTimestamp) {
        recorded++;
        break;
      }
    }
  }
  return people < UI_UNRECORDED_MIN_PEOPLE || recorded >= people * UI_RECORDED_MIN_SHARE;
}
/** The part of an email before the `@` (and before a `+tag` that names no machine), or null without an email. */
export function localPartOf(email: string | null | undefined, namesAMachine: (tag: string) => boolean = () => false): string | null {
  if (!email) return null;
  const at = email.lastIndexOf("@");
  const local = at >= 0 ? email.slice(0, at) : email;
  // A sub-address (`jenkins.sarah+jira@`) is the person's own mailbox, unless the tag names the
  // machine an admin made the account for (`it-admin+jenkins@`).
  const plus = local.indexOf("+");
  return plus > 0 && !namesAMachine(local.slice(plus + 1)) ? local.slice(0, plus) : local;
}
