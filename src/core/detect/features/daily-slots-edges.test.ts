import { describe, expect, it } from "vitest";
import { emptyDailySlots, findDailySlots, SlotScratch } from "./daily-slots.js";

const DAY = 86_400_000;
const MIN = 60_000;
const START = Date.UTC(2026, 8, 14); // a Monday, six weeks before the end of summer time in Europe

function run(times: number[], window = 15, minDays = 5, share = 0.6) {
  const out = emptyDailySlots();
  findDailySlots(Float64Array.from(times), times.length, window, minDays, share, out, new SlotScratch());
  return { days: out.days, count: out.count, sittings: out.sittings, minutes: Array.from(out.minutes.subarray(0, out.count)) };
}

describe("findDailySlots at the edges", () => {
  it("does not carve one wide band of sign-ins into two adjacent slots", () => {
    // One sign-in a day, anywhere between 08:00 and 08:29: one habit, not two fixed times. With a
    // day share under one half (allowed by the config schema), the greedy search takes 08:00-08:14
    // and then 08:15-08:29 as a second slot.
    const times: number[] = [];
    for (let d = 0; d < 40; d++) times.push(START + d * DAY + (8 * 60 + ((d * 7) % 30)) * MIN);
    const got = run(times, 15, 5, 0.4);
    expect(got.count, JSON.stringify(got)).toBeLessThan(2);
  });

  it("counts each distinct day of a history longer than 4096 days", () => {
    // Ten days with two fixed sign-ins each, a thousand days apart.
    const times: number[] = [];
    for (let d = 0; d < 10; d++) for (const m of [8 * 60 + 10, 12 * 60 + 10]) times.push(START - 9000 * DAY + d * 1000 * DAY + m * MIN);
    expect(run(times).days).toBe(10);
  });
});
