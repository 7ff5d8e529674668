import type { Snapshot } from "../core/snapshot/schema.js";

/**
 * Which moment the emulator serves a snapshot as of:
 * - `"start"`: the moment the emulator starts: every timestamp moves by (start − takenAt), so an
 *   account last active two days before the snapshot was taken was last active two days ago;
 * - `"taken"`: the snapshot's own times, unchanged;
 * - a Date: that moment (every timestamp moves by (date − takenAt)).
 */
export type AsOf = "start" | "taken" | Date;

// An ISO 8601 UTC timestamp as snapshots write them: 2026-10-31T08:15:00.000Z (seconds and
// fractions optional).
const ISO_UTC = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?Z$/;

/** The shift in milliseconds that serves `snapshot` as of `asOf` when the clock reads `start`. */
export function shiftFor(snapshot: Pick<Snapshot, "takenAt">, asOf: AsOf, start: Date): number {
  if (asOf === "taken") return 0;
  const target = asOf === "start" ? start : asOf;
  const taken = Date.parse(snapshot.takenAt);
  if (Number.isNaN(taken) || Number.isNaN(target.getTime())) return 0;
  return target.getTime() - taken;
}

/**
 * A deep copy of `value` with every ISO 8601 UTC timestamp string moved by `deltaMs`, wherever it
 * sits (known fields and extra ones alike). Other values are copied unchanged.
 */
export function shiftTimestamps<T>(value: T, deltaMs: number): T {
  if (deltaMs === 0) return structuredClone(value);
  return shift(value, deltaMs) as T;
}

function shift(value: unknown, deltaMs: number): unknown {
  if (typeof value === "string") {
    if (!ISO_UTC.test(value)) return value;
    const t = Date.parse(value);
    return Number.isNaN(t) ? value : new Date(t + deltaMs).toISOString();
  }
  if (Array.isArray(value)) return value.map((v) => shift(v, deltaMs));
  if (value !== null && typeof value === "object") {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = shift(v, deltaMs);
    return out;
  }
  return value;
}
