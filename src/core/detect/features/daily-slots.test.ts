import { describe, expect, it } from "vitest";
import { emptyDailySlots, findDailySlots, MAX_DAILY_SLOTS, SlotScratch } from "./daily-slots.js";

const DAY = 86_400_000;
const MIN = 60_000;
const START = Date.UTC(2026, 9, 5); // a Monday

/** A small deterministic generator, so a failure can be replayed. */
function lcg(seed: number): () => number {
  let x = seed >>> 0;
  return () => {
    x = (Math.imul(x, 1664525) + 1013904223) >>> 0;
    return x / 2 ** 32;
  };
}

function run(times: number[], window = 15, minDays = 5, share = 0.6) {
  const out = emptyDailySlots();
  findDailySlots(Float64Array.from(times), times.length, window, minDays, share, out, new SlotScratch());
  return { days: out.days, count: out.count, sittings: out.sittings, fewestDays: out.fewestDays, minutes: Array.from(out.minutes.subarray(0, out.count)) };
}

/** The same greedy search, written the slow and obvious way. */
/**
 * Where the sittings' days start, in ms after UTC midnight: halfway through the longest gap between
 * their times of day (the one across midnight first, then the earliest) where some come within an
 * hour of UTC midnight; at UTC midnight otherwise.
 */
function dayStartOf(times: number[]): number {
  const minutes = times.map((ms) => Math.floor((ms % DAY) / MIN)).sort((a, b) => a - b);
  if (!minutes.some((m) => m < 60 || m >= 23 * 60)) return 0;
  const first = minutes[0] as number;
  const last = minutes[minutes.length - 1] as number;
  let best = { gap: first + 1440 - last, mid: Math.floor(last + (first + 1440 - last) / 2) % 1440 };
  for (let i = 1; i < minutes.length; i++) {
    const gap = (minutes[i] as number) - (minutes[i - 1] as number);
    if (gap > best.gap) best = { gap, mid: Math.floor((minutes[i - 1] as number) + gap / 2) % 1440 };
  }
  return best.mid * MIN;
}

function reference(times: number[], window: number, minDays: number, share: number) {
  const start = dayStartOf(times);
  let left = times.map((ms) => ({ day: Math.floor((ms - start) / DAY), minute: Math.floor((ms % DAY) / MIN) }));
  left.sort((a, b) => a.minute - b.minute || a.day - b.day);
  const days = new Set(left.map((x) => x.day)).size;
  const needed = Math.max(minDays, days * share);
  const minutes: number[] = [];
  let sittings = 0;
  let fewestDays = 0;
  if (times.length < minDays * 2) return { days: 0, count: 0, sittings: 0, fewestDays: 0, minutes };
  let found = 0;
  while (found < MAX_DAILY_SLOTS && left.length >= needed) {
    let best: { d: number; start: number; members: typeof left } | null = null;
    for (const a of left) {
      const members = left.filter((b) => (b.minute - a.minute + 1440) % 1440 < window);
      const d = new Set(members.map((b) => b.day)).size;
      if (best === null || d > best.d) best = { d, start: a.minute, members };
    }
    if (best === null || best.d < needed) break;
    found++;
    sittings += best.members.length;
    const start = best.start;
    if (!minutes.some((m) => Math.min(Math.abs(m - start), 1440 - Math.abs(m - start)) < window * 2)) {
      minutes.push(start);
      fewestDays = minutes.length === 1 ? best.d : Math.min(fewestDays, best.d);
    }
    const taken = new Set(best.members);
    left = left.filter((b) => !taken.has(b));
  }
  return { days, count: minutes.length, sittings, fewestDays, minutes };
}

describe("findDailySlots", () => {
  it("finds a robot's three sign-in times, each a few minutes late at most", () => {
    const rand = lcg(7);
    const times: number[] = [];
    for (let d = 0; d < 14; d++) {
      if (d % 7 >= 5) continue; // weekends off
      for (const minute of [8 * 60 + 5, 12 * 60 + 5, 16 * 60 + 5]) times.push(START + d * DAY + minute * MIN + Math.floor(rand() * 8) * MIN);
    }
    const got = run(times);
    expect(got.count).toBe(3);
    expect(got.sittings).toBe(30);
    expect(got.days).toBe(10);
    expect(got.fewestDays).toBe(10);
    expect([...got.minutes].sort((a, b) => a - b).map((m) => Math.floor(m / 60))).toEqual([8, 12, 16]);
  });

  it("finds none in a person's sign-ins, which wander through the working day", () => {
    const rand = lcg(11);
    const times: number[] = [];
    for (let d = 0; d < 28; d++) {
      if (d % 7 >= 5) continue;
      times.push(START + d * DAY + (8 * 60 + Math.floor(rand() * 120)) * MIN);
      times.push(START + d * DAY + (12 * 60 + Math.floor(rand() * 300)) * MIN);
    }
    expect(run(times).count).toBeLessThan(2);
  });

  it("keeps a slot that spans midnight in one piece", () => {
    const times: number[] = [];
    for (let d = 1; d <= 8; d++) {
      // A job at midnight, three minutes early on one day (23:57 the day before) and late on the next.
      times.push(START + d * DAY + (d % 2 === 0 ? -3 : 3) * MIN);
      times.push(START + d * DAY + 12 * 60 * MIN + d * MIN);
    }
    const got = run(times);
    expect(got.count).toBe(2);
    expect(got.minutes).toContain(23 * 60 + 57);
    expect(got.sittings).toBe(16);
  });

  it("needs minDays days and the share of sign-in days for a slot, and 2 × minDays sittings to look at all", () => {
    const fourDays = [0, 1, 2, 3].flatMap((d) => [START + d * DAY + 9 * 60 * MIN, START + d * DAY + 15 * 60 * MIN]);
    expect(run([...fourDays, START + 9 * DAY, START + 10 * DAY]).count).toBe(0);
    const sixDays = [0, 1, 2, 3, 4, 5].flatMap((d) => [START + d * DAY + 9 * 60 * MIN, START + d * DAY + 15 * 60 * MIN]);
    expect(run(sixDays).count).toBe(2);
    // The same six days among twelve days with sign-ins: half of them, under the 60% share.
    const otherDays = [10, 11, 12, 13, 14, 15].map((d) => START + d * DAY + (6 * 60 + d * 37) * MIN);
    expect(run([...sixDays, ...otherDays]).count).toBe(0);
    expect(run(sixDays.slice(0, 9)).count).toBe(0);
  });

  it("agrees with a slow reference on random sign-ins, some on a timetable", () => {
    const rand = lcg(2026);
    for (let trial = 0; trial < 300; trial++) {
      const times: number[] = [];
      const slots = Array.from({ length: Math.floor(rand() * 5) }, () => Math.floor(rand() * 1440));
      const days = 5 + Math.floor(rand() * 30);
      for (let d = 0; d < days; d++) {
        for (const slot of slots) if (rand() < 0.85) times.push(START + d * DAY + (slot + Math.floor(rand() * 20)) * MIN + Math.floor(rand() * 59_000));
        const noise = Math.floor(rand() * 3);
        for (let k = 0; k < noise; k++) times.push(START + d * DAY + Math.floor(rand() * DAY));
      }
      const window = 5 + Math.floor(rand() * 20);
      expect(run(times, window, 4, 0.5), `trial ${trial}`).toEqual(reference(times, window, 4, 0.5));
    }
  });
});
