import { describe, expect, it } from "vitest";
import { isoToMs } from "./time.js";

describe("isoToMs", () => {
  it.each([
    "2026-10-31T02:00:03.000Z",
    "2026-10-31T02:00:03Z",
    "2026-10-31T02:00:03.5Z",
    "2024-02-29T23:59:59.999Z",
    "2000-03-01T00:00:00.000Z",
    "1970-01-01T00:00:00.000Z",
    "1969-12-31T23:59:59.000Z",
    "2100-02-28T12:00:00.123456Z",
  ])("agrees with Date.parse on %s", (iso) => {
    expect(isoToMs(iso)).toBe(Date.parse(iso));
  });

  it("agrees with Date.parse across a wide range", () => {
    for (let ms = Date.UTC(1990, 0, 1); ms < Date.UTC(2040, 0, 1); ms += 7_777_777_777) {
      const iso = new Date(ms).toISOString();
      expect(isoToMs(iso)).toBe(ms);
    }
  });

  it("falls back to Date.parse for other shapes", () => {
    expect(isoToMs("2026-10-31T02:00:03+02:00")).toBe(Date.parse("2026-10-31T02:00:03+02:00"));
    expect(isoToMs("not a date")).toBeNaN();
  });
});
