import type { AuditEvent, Snapshot, User } from "../../snapshot/schema.js";
import { accountSlots, actorSlots, type SlotLookup } from "../../snapshot/account-slots.js";
import { eventTimes } from "../../snapshot/event-times.js";
import { DAY_MS, HOUR_MS, isoToMs } from "../time.js";
import { addressOf } from "./addresses.js";
import { canonicalAction } from "./matchers.js";

/**
 * The shared index every feature extractor reads: which account (slot = position in
 * `snapshot.users`) did each event, when, and each account's events as a chain.
 *
 * Every performance trick of detection lives here, so that the extractors can be plain loops:
 *
 * 1. Account ids resolved once. The slot of every account id and of each event's actor comes from
 *    snapshot/account-slots.ts, which packs the ids for cache-friendly lookups and shares its work
 *    with the reader's reference check (see there).
 * 2. One lookup per event. The actor of each event is looked up once, into `eventSlot`; the
 *    extractors then walk the event array in order and add into flat typed arrays indexed by slot,
 *    which is far cheaper than grouping events into per-account lists first.
 * 3. One parse per timestamp. Each event's time is parsed once, arithmetically (`isoToMs`), into
 *    `eventMs`: by the snapshot reader, which validates every timestamp anyway and hands the
 *    numbers over (snapshot/event-times.ts), or here for a snapshot that did not come from it.
 * 4. Chains instead of lists. Each account's events are linked through `nextEvent`, so an extractor
 *    that needs one account's events in order (schedules) or the report's evidence walks a chain
 *    instead of a copied array.
 * 5. One features object. `AccountTable.features` refills the same object for every account
 *    (see features.ts), so 100,000 accounts do not leave 100,000 short-lived objects behind.
 * 6. One record per account. The counters an extractor keeps for each account lie side by side in
 *    one typed array (`slotRecords`), not one array per counter: events come in time order from
 *    random accounts, and on a large org each event then touches one or two cache lines instead
 *    of a dozen.
 * 7. Nothing read twice. What the report's evidence would work out again is kept per account
 *    (UI activity in profile.ts); the event pass (events.ts) marks each login, and works out the
 *    number of its address when that is IPv4 (`ipv4Number`), so the login pass (schedule.ts)
 *    reads no event object but those of logins from other addresses, and compares IPv4
 *    addresses as numbers; the bot-name patterns remember their last answers, since several
 *    rules test the same mailbox, nickname and name (matchers.ts, `RecentAnswers`); findings
 *    are sorted on compact copies of their keys (index.ts, `sortFindings`).
 * 8. One pass over the accounts. An account the report keeps has its evidence written right after
 *    it is scored (index.ts, `writeFinding`), from the same features object and rule factors, with
 *    only the samples filled in: nothing is copied or kept per account for a second pass, which
 *    on a large org would copy the features of tens of thousands of accounts through the young
 *    generation of the garbage collector.
 */
export interface EventIndex {
  users: readonly User[];
  events: readonly AuditEvent[];
  /** Number of accounts (slots). */
  n: number;
  slotOf: SlotLookup;
  /** Slot of each event's actor; -1 when the actor is not a user of the snapshot, or the event echoes the one before it (`echo`). Shared: read only. */
  eventSlot: Int32Array;
  /** Each event's time, ms since the epoch. */
  eventMs: Float64Array;
  /** First event of each slot in snapshot order, -1 without any; then `nextEvent[k]` until -1. */
  firstEvent: Int32Array;
  nextEvent: Int32Array;
  eventCount: Int32Array;
  /** The ids of the snapshot's API tokens: an event that names one was done with it (see `isPersonTokenEvent`). */
  apiTokenIds: ReadonlySet<string>;
}

/** Builds the event index for one audit: one pass over the users, one over the events. */
export function buildEventIndex(snapshot: Snapshot): EventIndex {
  const users = snapshot.users;
  const n = users.length;
  const slots = accountSlots(users);
  const events = snapshot.events;
  let eventSlot = actorSlots(events, slots);
  const shared = eventSlot;
  const eventMs = new Float64Array(events.length);
  eventTimes(events, eventSlot, eventMs, isoToMs);
  const firstEvent = new Int32Array(n).fill(-1);
  const lastEvent = new Int32Array(n).fill(-1);
  const nextEvent = new Int32Array(events.length).fill(-1);
  const eventCount = new Int32Array(n);
  for (let k = 0; k < events.length; k++) {
    const slot = eventSlot[k] as number;
    if (slot === -1) continue;
    const previous = lastEvent[slot] as number;
    if (previous !== -1 && echo(events[previous] as AuditEvent, events[k] as AuditEvent, (eventMs[k] as number) - (eventMs[previous] as number))) {
      // The shared slots are read only: the first echo makes this index its own copy.
      if (eventSlot === shared) eventSlot = shared.slice();
      eventSlot[k] = -1;
      continue;
    }
    eventCount[slot]!++;
    if (previous === -1) firstEvent[slot] = k;
    else nextEvent[previous] = k;
    lastEvent[slot] = k;
  }
  const apiTokenIds = new Set(snapshot.apiTokens.map((token) => token.id));
  return { users, events, n, slotOf: slots.slotOf, eventSlot, eventMs, firstEvent, nextEvent, eventCount, apiTokenIds };
}

/**
 * An event logged again within `ECHO_MS` of the account's event before it, with the same action
 * and address (as `canonicalAction` and `addressOf` read them) and user agent, and no token or app
 * credential (a script's calls keep their bursts; a sign-in marked with the same auth type, `saml`
 * or `session`, is a sign-in still, three copies of which each site's log kept): one
 * sign-in, email code or visit that each site's log records (or an exporter's overlapping pages),
 * counted once. Two copies of each sign-in a second apart had doubled a person's sign-ins into a
 * flood at a one-second beat; copying the sign-ins but not their codes would halve the codes.
 */
function echo(before: AuditEvent, event: AuditEvent, gapMs: number): boolean {
  return (
    gapMs >= 0 &&
    gapMs <= ECHO_MS &&
    (event.action === before.action || canonicalAction(event.action) === canonicalAction(before.action)) &&
    (event.ip === before.ip || (!!event.ip && !!before.ip && addressOf(event.ip).text === addressOf(before.ip).text)) &&
    event.userAgent === before.userAgent &&
    !event.tokenId &&
    !before.tokenId &&
    // A sign-in marked with how it was made (`saml`, `session`) is echoed the same way, once per site.
    (event.authType ? event.authType === before.authType && canonicalAction(event.action) === "user_login" : !before.authType)
  );
}
const ECHO_MS = 5_000;

/**
 * Per-account records of `fields` 32-bit integers each, zeroed: field `i` of `slot` is at
 * `slot * fields + i` (trick 6 above).
 */
export function slotRecords(n: number, fields: number): Int32Array {
  return new Int32Array(n * fields);
}

/** A typed array twice as long with the same start: scratch buffers grow instead of being reallocated per account. */
export function grow(a: Int32Array): Int32Array {
  const grown = new Int32Array(a.length * 2);
  grown.set(a);
  return grown;
}

export function growFloat(a: Float64Array): Float64Array {
  const grown = new Float64Array(a.length * 2);
  grown.set(a);
  return grown;
}

/** UTC hour of the day of an instant (ms). */
export function hourOf(ms: number): number {
  return Math.floor((((ms % DAY_MS) + DAY_MS) % DAY_MS) / HOUR_MS);
}
