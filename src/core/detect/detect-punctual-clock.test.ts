// A browser robot that signs in at the same minute every workday (07:16 local, on a clock that
// moves to winter time inside the log), challenged by email each time, keeping business hours and
// no weekend: no person arrives to the minute on nearly every day, so it is reviewed. People who
// start work punctually on many days (the bus, the shift's bell), but not on nearly all of them,
// stay `human` and keep their enable-2SV advice. (With work recorded minutes after each sign-in,
// the activity schedule's exact start finds such a robot already; these sign in and do nothing
// the log records.)
import { describe, expect, it } from "vitest";
import { account, BROWSER, DAY, EMPTY, ev, explain, findingOf, HOUR, isWeekend, lcg, MIN, OFFICE, REF_MS, snapshotOf, type Raw } from "../../../test/helpers/people-audit.js";
import { firstSittings, punctualDays as mostPunctual } from "./features/daily-slots.js";
import type { Finding } from "./types.js";

const SEEDS = [1, 2, 3, 4, 5, 6] as const;
// The EU's change to winter time in October 2026 (REF_MS is 2026-11-01): 01:00 UTC on the 25th.
const WINTER_MS = Date.UTC(2026, 9, 25, 1);
/** UTC offset of Central European time at `ms`: +2 in summer, +1 in winter. */
const cet = (ms: number): number => (ms >= WINTER_MS ? 1 : 2) * HOUR;

/**
 * Five weeks of workdays from `days` days back: a sign-in at `localMinute` of the local day (CET,
 * the clock change included), within `driftMs` on `punctualShare` of the days and anywhere in the
 * hour after it otherwise, an email code 20 s before each; work events follow for `workHours`.
 */
function mornings(seed: number, id: string, { localMinute = 9 * 60 + 16, driftMs = 40_000, punctualShare = 1, workHours = 0, days = 35 } = {}): Raw[] {
  const r = lcg(seed);
  const out: Raw[] = [];
  const where = { ip: OFFICE, userAgent: BROWSER };
  for (let d = days; d >= 1; d--) {
    const midnightUtc = REF_MS - d * DAY;
    if (isWeekend(midnightUtc + 12 * HOUR) || r() < 0.03) continue;
    const local = localMinute * MIN + (r() < punctualShare ? (r() - 0.5) * driftMs : 10 * MIN + r() * 60 * MIN);
    const start = Math.floor(midnightUtc + local - cet(midnightUtc + local));
    out.push(ev(id, start - 20_000, { action: "user_email_otp_challenge", ...where }));
    out.push(ev(id, start, where));
    for (let t = start + 3 * MIN; t < start + workHours * HOUR; t += (4 + r() * 40) * MIN) out.push(ev(id, Math.floor(t), { action: r() < 0.5 ? "issue_updated" : "comment_created", ...where }));
  }
  return out;
}

function judged(seed: number, fields: Raw, events: (id: string) => Raw[]): Finding {
  const colleague = account("c", { name: "Office Colleague" });
  const x = account("x", { managementSource: "invited", mfaEnabled: false, ...EMPTY, ...fields });
  return findingOf(snapshotOf([x, colleague], [...events("x"), ...mornings(seed + 50, "c", { punctualShare: 0, workHours: 8 })]), "x");
}
const wrong = (want: (f: Finding) => boolean, judge: (seed: number) => Finding): string[] =>
  SEEDS.map((seed) => ({ seed, f: judge(seed) }))
    .filter(({ f }) => !want(f))
    .map(({ seed, f }) => `seed ${seed}: ${explain(f)} ${f.recommendation}`);

describe("a browser robot that signs in at the same minute every workday", () => {
  it("is reviewed: 09:16 local on every workday, the clock moved to winter time in the log, a code at each sign-in", () => {
    expect(wrong((f) => f.verdict !== "human", (seed) => judged(seed, { name: "Publicador Manuales", email: "publicador.manuales@air.example" }, (id) => mornings(seed, id)))).toEqual([]);
  });

  it("is reviewed under a person's name too, at 10:05", () => {
    expect(wrong((f) => f.verdict !== "human", (seed) => judged(seed, { name: "Lena Lerner", email: "lena.lerner@air.example" }, (id) => mornings(seed, id, { localMinute: 10 * 60 + 5 })))).toEqual([]);
  });

  it("is reviewed over two weeks split by the clock change, half its sign-ins an hour later in UTC", () => {
    expect(wrong((f) => f.verdict !== "human", (seed) => judged(seed, { name: "Publicador Manuales", email: "publicador.manuales@air.example" }, (id) => mornings(seed, id, { days: 14 })))).toEqual([]);
  });

  it("says so: the first sign-in of most days within minutes of one time, the clock change allowed for", () => {
    const f = judged(1, { name: "Publicador Manuales", email: "publicador.manuales@air.example" }, (id) => mornings(1, id));
    const schedule = f.signals.find((s) => s.id === "login-schedule");
    expect(schedule?.evidence).toMatch(/first sign-in of \d+ of the \d+ days with one within 2 minutes of one time of day/);
  });
});

describe("people who start work punctually (pins)", () => {
  it("a person at the office at 07:30 sharp on 70% of the days, at work until the afternoon, is human and told to enable 2SV", () => {
    const want = (f: Finding): boolean => f.verdict === "human" && f.recommendation === "enable-2sv";
    expect(wrong(want, (seed) => judged(seed, { name: "Freya Patel", email: "freya.patel@air.example" }, (id) => mornings(seed, id, { localMinute: 7 * 60 + 30, driftMs: 4 * MIN, punctualShare: 0.7, workHours: 8 })))).toEqual([]);
  });

  it("a person whose sign-in wanders by ten minutes around 08:00 every day stays human", () => {
    expect(wrong((f) => f.verdict === "human", (seed) => judged(seed, { name: "Tomás Ruiz", email: "tomas.ruiz@air.example" }, (id) => mornings(seed, id, { localMinute: 8 * 60, driftMs: 20 * MIN, workHours: 8 })))).toEqual([]);
  });

  it("a person with only a week of sign-ins, every one at 09:00 sharp, stays human: too few days to tell", () => {
    expect(wrong((f) => f.verdict === "human", (seed) => judged(seed, { name: "Kwame Mensah", email: "kwame.mensah@air.example" }, (id) => mornings(seed, id, { localMinute: 9 * 60, days: 9, workHours: 8 })))).toEqual([]);
  });
});

describe("punctualDays, the days whose first sitting keeps one time of day", () => {
  // Ten workdays at 07:16 UTC, the five after the change at 08:16 (a job on local time), and a
  // second sitting each afternoon that never counts (only the day's first does).
  const times = Float64Array.from(
    Array.from({ length: 10 }, (_, i) => {
      const day = WINTER_MS - (5 - i) * DAY - HOUR + (i >= 5 ? DAY : 0);
      const first = Math.floor(day / DAY) * DAY + (7 * 60 + 16) * MIN + (i >= 5 ? HOUR : 0) + i * 7_000;
      return [first, first + 6 * HOUR + i * 11 * MIN];
    }).flat(),
  );
  const scratch = new Float64Array(times.length);
  /** The days with a sitting and the most of them that keep one time (`firstSittings`, then `punctualDays`). */
  const punctualDays = (list: Float64Array, len: number, span: number, changes: { atMs: number; shiftMinutes: number }[], firsts: Float64Array): { days: number; punctual: number } => {
    const days = firstSittings(list, len, firsts);
    return { days, punctual: mostPunctual(firsts, days, span, changes) };
  };
  it("finds half the days as recorded, all of them across the clock change", () => {
    expect(punctualDays(times, times.length, 2, [], scratch)).toEqual({ days: 10, punctual: 5 });
    expect(punctualDays(times, times.length, 2, [{ atMs: WINTER_MS, shiftMinutes: -60 }], scratch)).toEqual({ days: 10, punctual: 10 });
  });
  it("does not make one time out of two habits an hour apart on the same side of a change", () => {
    const habits = Float64Array.from(Array.from({ length: 10 }, (_, i) => REF_MS - (20 - i) * DAY + (8 * 60 + (i % 2) * 60) * MIN));
    expect(punctualDays(habits, habits.length, 2, [{ atMs: WINTER_MS, shiftMinutes: -60 }], scratch).punctual).toBe(5);
  });
});
