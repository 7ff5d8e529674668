/**
 * Account ids resolved to slots (a slot is the account's position in `snapshot.users`), built
 * once per snapshot and shared by the two steps that resolve every id of a large org: the reader's
 * reference check and the audit's event index. A 100,000-account snapshot names an actor in each
 * of some 300,000 events, and on a heap that size a map lookup costs far more than the event it is
 * for, mostly in cache misses; these tricks keep the lookups few and cheap:
 *
 * 1. Packed ids. The lookup's keys are fresh copies of the account ids, packed together by one JSON
 *    round trip (4 MB for 100,000 accounts), so comparing a key touches memory that stays in the
 *    processor's cache, where the originals lie scattered across the whole parsed snapshot.
 * 2. One lookup per event. `actorSlots` looks each event's actor up once; the result is kept (per
 *    events array, in a WeakMap) for the next step that asks, which only checks each entry.
 * 3. Interned ids. The reader points the ids of the snapshot it just parsed at the packed strings
 *    (equal strings, so nothing observable changes; `findReferenceProblems` with `intern`, which
 *    has `actorSlots` do it for the events in the pass that resolves them). Then
 *    that check is a pointer comparison, and so is the one `accountSlots` makes before reusing
 *    its map; token owners and group ids are interned too, for the audit's lookups.
 * 4. No Map. The slots are found through a hash table of its own (`SlotTable`): a few
 *    milliseconds to build where a Map of 100,000 ids takes over a hundred, and cheaper lookups.
 *
 * Reuse is always checked against the data, never trusted: a snapshot changed in place between
 * reading and auditing gets fresh answers, only more slowly.
 */
import type { AuditEvent, User } from "./schema.js";

/** Slot of each account id: the lookups of `Map` that these tables need. */
export interface SlotLookup {
  get(id: string): number | undefined;
  has(id: string): boolean;
}

export interface AccountSlots {
  /** The packed copy of each slot's account id. */
  readonly ids: readonly string[];
  /** Slot of each account id; an id that repeats maps to its last slot. */
  readonly slotOf: SlotLookup;
  /** Slots whose id repeats an earlier slot's, in order. */
  readonly duplicates: readonly number[];
}

const slotsByUsers = new WeakMap<readonly User[], AccountSlots>();
const actorsByEvents = new WeakMap<readonly AuditEvent[], Int32Array>();

/** The slots of `users`, from the cache when every id still matches. */
export function accountSlots(users: readonly User[]): AccountSlots {
  const cached = slotsByUsers.get(users);
  if (cached !== undefined && idsMatch(cached.ids, users)) return cached;
  const n = users.length;
  const original = new Array<string>(n);
  for (let i = 0; i < n; i++) original[i] = (users[i] as User).accountId;
  const ids = JSON.parse(JSON.stringify(original)) as string[];
  const duplicates: number[] = [];
  const slotOf = slotLookup(ids, duplicates);
  const slots: AccountSlots = { ids, slotOf, duplicates };
  slotsByUsers.set(users, slots);
  return slots;
}

/**
 * Slot of each of `ids` (the last one for an id that repeats), pushing the slots that repeat an
 * earlier id to `duplicates`. `hash` is for tests, which make every id collide.
 */
export function slotLookup(ids: readonly string[], duplicates: number[], hash: (id: string) => number = hashId): SlotLookup {
  return SlotTable.build(ids, duplicates, hash) ?? mapOfSlots(ids, duplicates);
}

function mapOfSlots(ids: readonly string[], duplicates: number[]): Map<string, number> {
  const slotOf = new Map<string, number>();
  for (let i = 0; i < ids.length; i++) {
    const id = ids[i] as string;
    if (slotOf.has(id)) duplicates.push(i);
    slotOf.set(id, i);
  }
  return slotOf;
}

// Per process: ids prepared to collide under one seed need not collide under another (see SlotTable).
const SEED = (Math.random() * 0x1_0000_0000) >>> 0;
/** Longest run of taken entries `SlotTable.build` accepts; a longer one means colliding ids, and a Map then serves. */
const MAX_RUN = 64;

/**
 * Slot of each account id, in an open-addressing hash table over the packed ids (trick 4).
 * A `Map` from 100,000 ids costs more to build than the whole reference check it serves, and each
 * lookup hashes the id in the engine, then chases the map's entries; here the table is one typed
 * array of slots, the hash a seeded FNV-1a over the id's characters with a final mix (so that the
 * table's low bits depend on every bit), and a probe compares the id with a packed copy. The seed
 * is random per process; whatever ids collide anyway, a run of more than MAX_RUN taken entries
 * abandons the table, so they cost a Map, never quadratic time.
 */
class SlotTable implements SlotLookup {
  private constructor(
    private readonly ids: readonly string[],
    private readonly table: Int32Array,
    private readonly mask: number,
    private readonly hash: (id: string) => number,
  ) {}

  /** The table of `ids`, pushing the slots that repeat an earlier id to `duplicates`; undefined when the ids collide too much. */
  static build(ids: readonly string[], duplicates: number[], hash: (id: string) => number): SlotTable | undefined {
    let size = 16;
    while (size < ids.length * 2) size *= 2;
    const mask = size - 1;
    const table = new Int32Array(size).fill(-1);
    const found: number[] = [];
    for (let i = 0; i < ids.length; i++) {
      const id = ids[i] as string;
      let h = hash(id) & mask;
      for (let run = 0; ; run++) {
        const slot = table[h] as number;
        if (slot === -1) {
          table[h] = i;
          break;
        }
        if (ids[slot] === id) {
          found.push(i);
          table[h] = i;
          break;
        }
        if (run === MAX_RUN) return undefined;
        h = (h + 1) & mask;
      }
    }
    duplicates.push(...found);
    return new SlotTable(ids, table, mask, hash);
  }

  get(id: string): number | undefined {
    const { ids, table, mask } = this;
    let h = this.hash(id) & mask;
    for (;;) {
      const slot = table[h] as number;
      if (slot === -1) return undefined;
      if (ids[slot] === id) return slot;
      h = (h + 1) & mask;
    }
  }

  has(id: string): boolean {
    return this.get(id) !== undefined;
  }
}

function hashId(id: string): number {
  let h = SEED ^ 0x811c9dc5;
  for (let i = 0; i < id.length; i++) h = Math.imul(h ^ id.charCodeAt(i), 0x01000193);
  // MurmurHash3's finaliser: FNV's low bits depend only on the low bits of the characters.
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return h ^ (h >>> 16);
}

function idsMatch(ids: readonly string[], users: readonly User[]): boolean {
  if (ids.length !== users.length) return false;
  for (let i = 0; i < ids.length; i++) if ((users[i] as User).accountId !== ids[i]) return false;
  return true;
}

/**
 * The slot of each event's actor, -1 when no user has that id. Do not modify the array: it is
 * shared with later callers for the same events. With `intern` (for events that belong to the
 * caller alone), each resolved actor id is also pointed at the packed copy (trick 3), in the same
 * pass over the events.
 */
export function actorSlots(events: readonly AuditEvent[], slots: AccountSlots, intern = false): Int32Array {
  const { ids, slotOf } = slots;
  const actors = actorsByEvents.get(events);
  if (actors !== undefined && actors.length === events.length) {
    // Check every entry: an unchanged one costs a pointer comparison once the ids are interned.
    for (let k = 0; k < events.length; k++) {
      const slot = actors[k] as number;
      const actorId = (events[k] as AuditEvent).actorId;
      if (slot >= 0 && ids[slot] === actorId) continue;
      const found = slotOf.get(actorId) ?? -1;
      actors[k] = found;
      if (intern && found !== -1) (events[k] as AuditEvent).actorId = ids[found] as string;
    }
    return actors;
  }
  const fresh = new Int32Array(events.length);
  for (let k = 0; k < events.length; k++) {
    const event = events[k] as AuditEvent;
    const slot = slotOf.get(event.actorId) ?? -1;
    fresh[k] = slot;
    if (intern && slot !== -1) event.actorId = ids[slot] as string;
  }
  actorsByEvents.set(events, fresh);
  return fresh;
}
