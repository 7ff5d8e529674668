/**
 * Daylight-saving changes between two instants, for jobs scheduled in local time: a robot that
 * signs in at 08:10 in Berlin does so at 06:10 UTC in summer and 07:10 UTC in winter. Snapshots
 * carry no time zone per account, so the candidates are the changes of every daylight-saving rule
 * in wide use (one zone stands for each), read from the runtime's time-zone data rather than
 * written out here.
 */

/** One zone per daylight-saving rule: the EU, North America, south-east Australia, New Zealand, Chile, Israel. */
const RULE_ZONES = ["Europe/Berlin", "America/New_York", "America/Los_Angeles", "Australia/Sydney", "Pacific/Auckland", "America/Santiago", "Asia/Jerusalem"];

const WEEK_MS = 7 * 86_400_000;
const MINUTE_MS = 60_000;

export interface ClockChange {
  /** The instant of the change (to the minute). */
  atMs: number;
  /** UTC offset after the change minus before, in minutes: -60 when clocks go back. */
  shiftMinutes: number;
}

const formatters = new Map<string, Intl.DateTimeFormat | null>();

function formatter(zone: string): Intl.DateTimeFormat | null {
  let f = formatters.get(zone);
  if (f === undefined) {
    try {
      f = new Intl.DateTimeFormat("en-US", { timeZone: zone, timeZoneName: "longOffset" });
    } catch {
      // A runtime without this zone's data: that rule is not looked for.
      f = null;
    }
    formatters.set(zone, f);
  }
  return f;
}

/** The zone's UTC offset in minutes at `ms` ("GMT+05:30" is 330, "GMT" is 0). */
function offsetMinutes(f: Intl.DateTimeFormat, ms: number): number {
  const name = f.formatToParts(ms).find((p) => p.type === "timeZoneName")?.value ?? "GMT";
  const m = /^GMT([+-])(\d{2}):(\d{2})$/.exec(name);
  if (m === null) return 0;
  return (m[1] === "-" ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3]));
}

/**
 * The clock changes of the rules above after `fromMs` and at or before `toMs`, oldest first.
 * Changes the same way within a day of each other (New York and Los Angeles, Berlin and
 * Jerusalem) are listed once, at the instant of the rule listed first. Offsets are sampled
 * weekly and each change found by bisection, to the minute.
 */
export function clockChangesBetween(fromMs: number, toMs: number): ClockChange[] {
  const found: (ClockChange & { rule: number })[] = [];
  if (!(toMs > fromMs)) return [];
  for (let rule = 0; rule < RULE_ZONES.length; rule++) {
    const zone = RULE_ZONES[rule] as string;
    const f = formatter(zone);
    if (f === null) continue;
    let at = fromMs;
    let offset = offsetMinutes(f, at);
    while (at < toMs) {
      const next = Math.min(at + WEEK_MS, toMs);
      const nextOffset = offsetMinutes(f, next);
      if (nextOffset !== offset) {
        // The change lies in (lo, hi]: bisect to within a minute. Clocks change on a whole minute,
        // which is then the one `hi` is in.
        let lo = at;
        let hi = next;
        while (hi - lo > MINUTE_MS) {
          const mid = Math.floor((lo + hi) / 2);
          if (offsetMinutes(f, mid) === offset) lo = mid;
          else hi = mid;
        }
        found.push({ atMs: Math.floor(hi / MINUTE_MS) * MINUTE_MS, shiftMinutes: nextOffset - offset, rule });
      }
      at = next;
      offset = nextOffset;
    }
  }
  found.sort((a, b) => a.atMs - b.atMs);
  const out: (ClockChange & { rule: number })[] = [];
  for (const change of found) {
    const last = out[out.length - 1];
    // Within a day of another change the same way: one change, named by the rule listed first.
    if (last !== undefined && last.shiftMinutes === change.shiftMinutes && change.atMs - last.atMs < 86_400_000) {
      if (change.rule < last.rule) out[out.length - 1] = change;
      continue;
    }
    out.push(change);
  }
  return out.map(({ atMs, shiftMinutes }) => ({ atMs, shiftMinutes }));
}
