import { describe, expect, it } from "vitest";
import { clockChangesBetween } from "./clock-changes.js";

const at = (iso: string): number => Date.parse(iso);
const list = (from: string, to: string) => clockChangesBetween(at(from), at(to)).map((c) => `${new Date(c.atMs).toISOString()} ${c.shiftMinutes}`);

describe("clockChangesBetween", () => {
  it("finds each daylight-saving rule's changes to the minute, the way clocks go", () => {
    expect(list("2026-10-01T00:00:00Z", "2026-11-30T00:00:00Z")).toEqual([
      "2026-10-03T16:00:00.000Z 60", // Sydney, 02:00 local on Sunday 4 October
      "2026-10-25T01:00:00.000Z -60", // the EU (and Jerusalem, an hour earlier, listed once)
      "2026-11-01T06:00:00.000Z -60", // New York (and Los Angeles, three hours later, listed once)
    ]);
    expect(list("2026-03-01T00:00:00Z", "2026-04-10T00:00:00Z")).toEqual([
      "2026-03-08T07:00:00.000Z 60",
      "2026-03-27T00:00:00.000Z 60", // Jerusalem, the Friday before the EU
      "2026-03-29T01:00:00.000Z 60",
      "2026-04-04T16:00:00.000Z -60", // Sydney and Auckland
    ]);
  });

  it("finds none in a window without a change, and none in an empty or reversed one", () => {
    expect(list("2026-06-01T00:00:00Z", "2026-08-31T00:00:00Z")).toEqual([]);
    expect(list("2026-10-25T02:00:00Z", "2026-10-25T02:00:00Z")).toEqual([]);
    expect(list("2026-11-30T00:00:00Z", "2026-10-01T00:00:00Z")).toEqual([]);
  });

  it("lists a change at the end of the window and not one at its start", () => {
    expect(list("2026-10-20T00:00:00Z", "2026-10-25T01:00:00Z")).toEqual(["2026-10-25T01:00:00.000Z -60"]);
    expect(list("2026-10-25T01:00:00Z", "2026-10-30T00:00:00Z")).toEqual([]);
  });
});
