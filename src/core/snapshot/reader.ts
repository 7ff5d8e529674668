import { readInputText } from "../fs/read-text.js";
import { accountSlots, actorSlots } from "./account-slots.js";
import { rememberEventTimes } from "./event-times.js";
import { isIsoUtcTimestamp, isoUtcTimestampMs } from "./timestamps.js";
import { InputError } from "../errors.js";
import { checkJsonDepth, containersBelow, MAX_JSON_DEPTH, parseJsonSyntax, validateWith } from "../validation.js";
import {
  SNAPSHOT_KIND,
  SNAPSHOT_VERSION,
  snapshotSchema,
  type ApiToken,
  type AuditEvent,
  type Group,
  type ServiceAccount,
  type ServiceAccountToken,
  type Snapshot,
  type User,
} from "./schema.js";

/** Reads and validates a snapshot file; every problem is reported at once, naming the file. */
export async function readSnapshotFile(file: string): Promise<Snapshot> {
  const text = await readInputText(file, {
    label: "snapshot file",
    hint: "Pass an existing file with --snapshot, or export one with `bot2svc snapshot --out FILE`.",
  });
  return parseSnapshot(text, file);
}

/**
 * Parses snapshot JSON text. `file` is used in error messages only.
 *
 * The parsed data belongs to this call, so a valid snapshot is checked by a hand-written pass
 * that fills in defaults in place instead of zod building a full copy: on a 100,000-account
 * org that halves the time and the memory. Anything the fast pass does not accept goes through
 * zod, which produces the error report (or the result, if the fast pass was merely stricter).
 * The fast pass also checks the nesting depth as it goes (see `isSnapshotInPlace`); data it does
 * not accept gets the full depth check first, so every error is the one `parseJsonText` and
 * `checkHeader` would give, in the same order.
 */
export function parseSnapshot(text: string, file: string): Snapshot {
  const data = parseJsonSyntax(text, file, "snapshot");
  let snapshot: Snapshot;
  if (hasSnapshotHeader(data) && isSnapshotInPlace(data)) snapshot = data;
  else {
    checkJsonDepth(data, text, file, "snapshot");
    checkHeader(data, file);
    snapshot = validateWith(snapshotSchema, data, file, "snapshot");
  }
  // The parsed data is ours: the check also interns its ids (see account-slots.ts).
  checkReferences(snapshot, file, true);
  return snapshot;
}

/**
 * Validates already-parsed snapshot data: header, schema, then references. Returns a validated
 * copy; `data` itself is left untouched.
 */
export function validateSnapshot(data: unknown, file: string): Snapshot {
  checkHeader(data, file);
  const snapshot = validateWith(snapshotSchema, data, file, "snapshot");
  checkReferences(snapshot, file, false);
  return snapshot;
}

function checkReferences(snapshot: Snapshot, file: string, intern: boolean): void {
  const dangling = findReferenceProblems(snapshot, intern);
  if (dangling.length > 0) {
    throw new InputError(`${file} has ${dangling.length} broken reference${dangling.length === 1 ? "" : "s"}`, {
      code: "SNAPSHOT_REFERENCES",
      details: dangling,
    });
  }
}

function hasSnapshotHeader(data: unknown): boolean {
  return isObject(data) && data.kind === SNAPSHOT_KIND && data.version === SNAPSHOT_VERSION;
}

// The header is checked first so that a plan file or an audit report passed by mistake gets
// one clear sentence instead of a hundred schema errors.
function checkHeader(data: unknown, file: string): void {
  if (typeof data !== "object" || data === null || Array.isArray(data)) {
    throw new InputError(`${file} is not a snapshot: expected a JSON object at the top level`, { code: "SCHEMA_INVALID" });
  }
  const record = data as Record<string, unknown>;
  if (record.kind !== SNAPSHOT_KIND) {
    throw new InputError(
      `${file} is not a snapshot: kind is ${JSON.stringify(record.kind)}, expected "${SNAPSHOT_KIND}"`,
      { code: "SCHEMA_INVALID", details: [`kind: expected "${SNAPSHOT_KIND}"`] },
    );
  }
  if (record.version !== SNAPSHOT_VERSION) {
    throw new InputError(
      `${file} has snapshot version ${JSON.stringify(record.version)}; this bot2svc reads version ${SNAPSHOT_VERSION} only`,
      { code: "SCHEMA_INVALID", details: [`version: expected ${SNAPSHOT_VERSION}`], hint: "Re-export it with `bot2svc snapshot`." },
    );
  }
}

/**
 * Lists every reference that does not resolve, by JSON path; also duplicate ids. With `intern`,
 * for data that belongs to the caller alone, every id that resolves is also pointed at one shared
 * copy of its string (equal strings, so no value changes): the account ids at the packed copies
 * of account-slots.ts, group ids at the group's own. Later lookups and comparisons of those ids
 * then compare pointers and read memory that stays in the processor's cache.
 */
export function findReferenceProblems(snapshot: Snapshot, intern = false): string[] {
  // Plain indexed loops: this runs over every event of a large org on each read.
  const problems: string[] = [];
  const { users, serviceAccounts, groups, apiTokens, events, serviceAccountTokens } = snapshot;
  const slots = accountSlots(users);
  for (const i of slots.duplicates) problems.push(`users[${i}].accountId: duplicate account id "${(users[i] as User).accountId}"`);
  const { ids: accountIds, slotOf } = slots;
  const saAccountIds = new Set<string>();
  const saIds = new Set<string>();
  for (let i = 0; i < serviceAccounts.length; i++) {
    const sa = serviceAccounts[i] as ServiceAccount;
    if (saIds.has(sa.id)) problems.push(`serviceAccounts[${i}].id: duplicate service account id "${sa.id}"`);
    saIds.add(sa.id);
    saAccountIds.add(sa.accountId);
  }
  const groupIds = new Map<string, string>();
  for (let i = 0; i < groups.length; i++) {
    const id = (groups[i] as Group).id;
    if (groupIds.has(id)) problems.push(`groups[${i}].id: duplicate group id "${id}"`);
    else groupIds.set(id, id);
  }
  const checkGroups = (list: "users" | "serviceAccounts", i: number, holder: User | ServiceAccount): void => {
    const ids = holder.groupIds;
    for (let j = 0; j < ids.length; j++) {
      const g = ids[j] as string;
      const group = groupIds.get(g);
      if (group === undefined) problems.push(`${list}[${i}].groupIds[${j}]: unknown group "${g}"`);
      else if (intern) ids[j] = group;
    }
  };
  for (let i = 0; i < users.length; i++) {
    const user = users[i] as User;
    if (intern) user.accountId = accountIds[i] as string;
    checkGroups("users", i, user);
  }
  for (let i = 0; i < serviceAccounts.length; i++) checkGroups("serviceAccounts", i, serviceAccounts[i] as ServiceAccount);
  for (let i = 0; i < apiTokens.length; i++) {
    const token = apiTokens[i] as ApiToken;
    const slot = slotOf.get(token.accountId);
    if (slot === undefined) problems.push(`apiTokens[${i}].accountId: unknown account "${token.accountId}"`);
    else if (intern) token.accountId = accountIds[slot] as string;
  }
  const actors = actorSlots(events, slots, intern);
  for (let i = 0; i < events.length; i++) {
    if (actors[i] !== -1) continue;
    const id = (events[i] as AuditEvent).actorId;
    if (!saAccountIds.has(id)) problems.push(`events[${i}].actorId: unknown account "${id}"`);
  }
  for (let i = 0; i < serviceAccountTokens.length; i++) {
    const id = (serviceAccountTokens[i] as ServiceAccountToken).serviceAccountId;
    if (!saIds.has(id)) problems.push(`serviceAccountTokens[${i}].serviceAccountId: unknown service account "${id}"`);
  }
  return problems;
}

// ---------------------------------------------------------------------------------------------
// Fast structural check. It mirrors `snapshotSchema` field by field and may be stricter than zod,
// never looser: whatever it rejects goes to zod, which then reports (or accepts) it. It fills in
// the same defaults zod would (`groupIds: []`, `directoryId: "-"`, ...) on the parsed data itself.
// reader.test.ts checks it against zod on valid and broken inputs.

type Loose = Record<string, unknown>;

const isObject = (v: unknown): v is Loose => typeof v === "object" && v !== null && !Array.isArray(v);
const isNonEmptyString = (v: unknown): boolean => typeof v === "string" && v.length > 0;
const isOptionalString = (v: unknown): boolean => v === undefined || typeof v === "string";
const isOptionalNullableString = (v: unknown): boolean => v === undefined || v === null || typeof v === "string";
const isOptionalNullableBoolean = (v: unknown): boolean => v === undefined || v === null || typeof v === "boolean";
const isOptionalNullableTime = (v: unknown): boolean => v === undefined || v === null || (typeof v === "string" && isIsoUtcTimestamp(v));
const isOptionalNullableManagement = (v: unknown): boolean => v === undefined || v === null || v === "invited" || v === "synced";

function isStringArray(v: unknown): boolean {
  if (!Array.isArray(v)) return false;
  for (let i = 0; i < v.length; i++) if (typeof v[i] !== "string") return false;
  return true;
}

/** Checks `holder[key]` is an array of items passing `check`, or absent (then it becomes `[]`). */
function checkArray(holder: Loose, key: string, check: (item: unknown) => boolean): boolean {
  const value = holder[key];
  if (value === undefined) {
    holder[key] = [];
    return true;
  }
  if (!Array.isArray(value)) return false;
  for (let i = 0; i < value.length; i++) if (!check(value[i])) return false;
  return true;
}

function isProductAccess(v: unknown): boolean {
  return isObject(v) && isNonEmptyString(v.key) && isNonEmptyString(v.id) && isOptionalString(v.role) && isOptionalNullableTime(v.lastActiveTimestamp);
}

// Service-account product access omits `lastActiveTimestamp` from the schema, so any value passes.
function isServiceAccountProductAccess(v: unknown): boolean {
  return isObject(v) && isNonEmptyString(v.key) && isNonEmptyString(v.id) && isOptionalString(v.role);
}

function isSite(v: unknown): boolean {
  return isObject(v) && isNonEmptyString(v.cloudId) && isNonEmptyString(v.url) && isStringArray(v.products);
}

function isUser(v: unknown): boolean {
  if (!isObject(v)) return false;
  const type = v.accountType;
  const accountStatus = v.accountStatus;
  const claim = v.claimStatus;
  return (
    isNonEmptyString(v.accountId) &&
    (type === "atlassian" || type === "app" || type === "customer" || type === "service") &&
    (accountStatus === "active" || accountStatus === "inactive" || accountStatus === "closed") &&
    isNonEmptyString(v.status) &&
    typeof v.name === "string" &&
    isOptionalNullableString(v.nickname) &&
    isOptionalNullableString(v.email) &&
    isOptionalNullableBoolean(v.emailVerified) &&
    isOptionalNullableBoolean(v.mfaEnabled) &&
    (claim === undefined || claim === null || claim === "managed" || claim === "unmanaged") &&
    isOptionalNullableManagement(v.managementSource) &&
    isOptionalNullableString(v.jobTitle) &&
    isOptionalNullableString(v.department) &&
    isOptionalNullableString(v.picture) &&
    isOptionalNullableTime(v.addedToOrg) &&
    (v.platformRoles === undefined || isStringArray(v.platformRoles)) &&
    checkArray(v, "productAccess", isProductAccess) &&
    checkArray(v, "groupIds", isString)
  );
}

const isString = (v: unknown): boolean => typeof v === "string";

function isGroup(v: unknown): boolean {
  return isObject(v) && isNonEmptyString(v.id) && typeof v.name === "string" && isOptionalNullableString(v.description) && isOptionalNullableManagement(v.managementSource);
}

function isApiToken(v: unknown): boolean {
  return (
    isObject(v) &&
    isNonEmptyString(v.id) &&
    isNonEmptyString(v.accountId) &&
    typeof v.label === "string" &&
    (v.status === "ALLOWED" || v.status === "BLOCKED") &&
    isOptionalNullableTime(v.createdAt) &&
    isOptionalNullableTime(v.expiresAt) &&
    isOptionalNullableTime(v.lastActiveAt)
  );
}

/** An event without its time: `checkEvents` checks the time and keeps it, parsed. */
function isEventUntimed(v: unknown): v is Loose {
  return (
    isObject(v) &&
    isNonEmptyString(v.id) &&
    isNonEmptyString(v.action) &&
    isNonEmptyString(v.actorId) &&
    isOptionalNullableString(v.ip) &&
    isOptionalNullableString(v.userAgent) &&
    isOptionalNullableString(v.authType) &&
    isOptionalNullableString(v.tokenId)
  );
}

function isServiceAccount(v: unknown): boolean {
  return (
    isObject(v) &&
    isNonEmptyString(v.id) &&
    isNonEmptyString(v.accountId) &&
    isNonEmptyString(v.email) &&
    typeof v.displayName === "string" &&
    isOptionalNullableString(v.description) &&
    isNonEmptyString(v.status) &&
    isOptionalNullableTime(v.createdAt) &&
    checkArray(v, "productAccess", isServiceAccountProductAccess) &&
    checkArray(v, "groupIds", isString)
  );
}

function isServiceAccountToken(v: unknown): boolean {
  return (
    isObject(v) &&
    isNonEmptyString(v.id) &&
    isNonEmptyString(v.serviceAccountId) &&
    typeof v.label === "string" &&
    isOptionalNullableTime(v.createdAt) &&
    isOptionalNullableTime(v.expiresAt) &&
    (v.scopes === undefined || isStringArray(v.scopes))
  );
}

function isOAuthClient(v: unknown): boolean {
  return (
    isObject(v) &&
    isNonEmptyString(v.clientId) &&
    (v.serviceAccountId === undefined || v.serviceAccountId === null || isNonEmptyString(v.serviceAccountId)) &&
    isOptionalNullableString(v.name) &&
    isOptionalNullableString(v.status) &&
    isOptionalNullableTime(v.createdAt) &&
    isOptionalNullableTime(v.updatedAt)
  );
}

function isOrg(v: unknown): boolean {
  if (!isObject(v) || !isNonEmptyString(v.id) || typeof v.name !== "string") return false;
  if (v.directoryId === undefined) v.directoryId = "-";
  else if (!isNonEmptyString(v.directoryId)) return false;
  const quota = v.serviceAccountQuota;
  if (quota !== undefined && !(Number.isSafeInteger(quota) && (quota as number) >= 0)) return false;
  return checkArray(v, "sites", isSite);
}

// Nesting depth, checked during the same walk (a separate walk over every object of a large
// snapshot costs as much again, mostly in cache misses): each record of the lists below is checked
// right after its fields, while it is in the processor's cache, and the rest of the root
// (org, source, unknown fields) at the end. `containersBelow(value, levels)` is the check
// `nestedDeeperThan` makes, with the levels left below the value: the root is at level 1, a list
// at level 2 and each of its records at level 3.
const RECORD_LEVELS = MAX_JSON_DEPTH - 3;
const ROOT_CHILD_LEVELS = MAX_JSON_DEPTH - 2;
const RECORD_LISTS = new Set(["users", "groups", "apiTokens", "events", "serviceAccounts", "serviceAccountTokens", "oauthClients"]);

/** `checkArray` for a list of records: each must also nest no deeper than MAX_JSON_DEPTH allows. */
function checkRecords(holder: Loose, key: string, check: (item: unknown) => boolean): boolean {
  const value = holder[key];
  if (value === undefined) {
    holder[key] = [];
    return true;
  }
  if (!Array.isArray(value)) return false;
  for (let i = 0; i < value.length; i++) {
    const item: unknown = value[i];
    if (!check(item) || containersBelow(item as object, RECORD_LEVELS)) return false;
  }
  return true;
}

/**
 * `checkRecords` for the events, which also keeps each event's time in milliseconds for the
 * audit (see event-times.ts): the timestamp is in the processor's cache right after its check,
 * so parsing it here costs a fraction of reading it again later.
 */
function checkEvents(data: Loose): boolean {
  const events = data.events;
  if (events === undefined) {
    data.events = [];
    return true;
  }
  if (!Array.isArray(events)) return false;
  const times = new Array<string>(events.length);
  const ms = new Float64Array(events.length);
  for (let i = 0; i < events.length; i++) {
    const event: unknown = events[i];
    if (!isEventUntimed(event)) return false;
    const time = event.time;
    if (typeof time !== "string") return false;
    const timeMs = isoUtcTimestampMs(time);
    if (Number.isNaN(timeMs) || containersBelow(event, RECORD_LEVELS)) return false;
    times[i] = time;
    ms[i] = timeMs;
  }
  rememberEventTimes(events as AuditEvent[], times, ms);
  return true;
}

/** True when no value of the root outside the record lists nests deeper than MAX_JSON_DEPTH allows. */
function rootWithinDepth(data: Loose): boolean {
  for (const key in data) {
    const child = data[key];
    if (child === null || typeof child !== "object" || (RECORD_LISTS.has(key) && Array.isArray(child))) continue;
    if (containersBelow(child, ROOT_CHILD_LEVELS)) return false;
  }
  return true;
}

/**
 * True when `data` is a valid snapshot (header included) that nests no deeper than
 * MAX_JSON_DEPTH; fills in defaults in place. False means "let zod decide": the data may be
 * partly defaulted but is otherwise untouched.
 */
function isSnapshotInPlace(data: unknown): data is Snapshot {
  if (!isObject(data) || typeof data.takenAt !== "string" || !isIsoUtcTimestamp(data.takenAt)) return false;
  const source = data.source;
  if (source !== undefined && !(isObject(source) && typeof source.provider === "string" && isOptionalString(source.baseUrl) && (source.limitations === undefined || isStringArray(source.limitations)))) {
    return false;
  }
  if (!isOrg(data.org) || !Array.isArray(data.users)) return false;
  return (
    checkRecords(data, "users", isUser) &&
    checkRecords(data, "groups", isGroup) &&
    checkRecords(data, "apiTokens", isApiToken) &&
    checkEvents(data) &&
    checkRecords(data, "serviceAccounts", isServiceAccount) &&
    checkRecords(data, "serviceAccountTokens", isServiceAccountToken) &&
    (data.oauthClients === undefined || checkRecords(data, "oauthClients", isOAuthClient)) &&
    rootWithinDepth(data)
  );
}
