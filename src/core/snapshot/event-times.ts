/**
 * Each event's time in milliseconds, parsed once per snapshot. The reader's structural check
 * reads every event time to validate it, and keeps the number it works out on the way; the
 * audit's event index (detect/features/table.ts) takes the numbers from here instead of reading
 * and parsing 300,000 timestamps a second time.
 *
 * As in account-slots.ts, reuse is checked against the data, never trusted: an event whose time
 * is no longer the very string that was read (a snapshot changed in place) is parsed again.
 */
import type { AuditEvent } from "./schema.js";

interface ReadTimes {
  /** The time string of each event as read, and its milliseconds since the epoch. */
  readonly times: readonly string[];
  readonly ms: Float64Array;
}

const timesByEvents = new WeakMap<readonly AuditEvent[], ReadTimes>();

/** Records the times the reader parsed for `events` (same length, same order). */
export function rememberEventTimes(events: readonly AuditEvent[], times: readonly string[], ms: Float64Array): void {
  timesByEvents.set(events, { times, ms });
}

/**
 * Fills `out[k]` with the time of each event whose `slots[k]` is not -1 (the others are left as
 * they are): from the reader's numbers where the event still holds the string it read, else by
 * `parse`.
 */
export function eventTimes(events: readonly AuditEvent[], slots: Int32Array, out: Float64Array, parse: (time: string) => number): void {
  const read = timesByEvents.get(events);
  const known = read !== undefined && read.times.length === events.length ? read : undefined;
  for (let k = 0; k < events.length; k++) {
    if (slots[k] === -1) continue;
    const time = (events[k] as AuditEvent).time;
    out[k] = known !== undefined && known.times[k] === time ? (known.ms[k] as number) : parse(time);
  }
}
