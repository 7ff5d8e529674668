// Guards for timestamps written with an offset: rollovers read as the same instant, and a file
// with a single such timestamp reads and audits as the same file written in UTC.
import { describe, expect, it } from "vitest";
import { generateOrg } from "../../demo/generate-org.js";
import { auditSnapshot } from "../detect/index.js";
import { detectionConfigSchema } from "../detect/config.js";
import { parseSnapshot } from "./reader.js";
import { utcFromOffsetTimestamp } from "./timestamps.js";
import { serializeSnapshot } from "./writer.js";

describe("an offset across a day, month, year or leap day", () => {
  // Each is the same instant as Date.parse reads it.
  it.each([
    ["2024-02-29T23:30:00-01:00", "2024-03-01T00:30:00.000Z"],
    ["2024-03-01T00:30:00.250+0100", "2024-02-29T23:30:00.250Z"],
    ["2023-12-31T23:00:00-05:00", "2024-01-01T04:00:00.000Z"],
    ["2026-01-01T01:00:00+02:00", "2025-12-31T23:00:00.000Z"],
    ["2026-10-31T10:15:00.9999-00:00", "2026-10-31T10:15:00.999Z"],
    ["2026-10-31T10:15:00-23:59", "2026-11-01T10:14:00.000Z"],
  ])("reads %s as %s", (written, utc) => {
    expect(utcFromOffsetTimestamp(written)).toBe(utc);
    expect(Date.parse(utc)).toBe(Math.floor(Date.parse(written.replace(/(\.\d{3})\d+/, "$1"))));
  });
});

describe("a snapshot with one timestamp written with an offset", () => {
  // The structural check reads the events before it meets the offset (in the last list), then
  // leaves the file to zod: the audit must be the one of the same file in UTC.
  it("reads and audits like the same snapshot in UTC", () => {
    const snapshot = generateOrg({ accounts: 80, seed: 9, takenAt: "2026-11-01T00:00:00.000Z", machineLogins: 3 }).snapshot;
    const source = serializeSnapshot(snapshot);
    const data = JSON.parse(source) as Record<string, any>;
    const token = (data.serviceAccountTokens as Record<string, unknown>[]).find((t) => typeof t.createdAt === "string");
    expect(token).toBeDefined();
    const utc = token!.createdAt as string;
    token!.createdAt = `${new Date(Date.parse(utc) + 2 * 3_600_000).toISOString().slice(0, -1)}+02:00`;
    const audit = (text: string) => {
      const s = parseSnapshot(text, "org.json");
      return auditSnapshot(s, { detection: detectionConfigSchema.parse({}), allowlist: [], denylist: [], includeHumans: true, generatedAt: new Date(s.takenAt) });
    };
    const expected = audit(source);
    const got = audit(JSON.stringify(data));
    expect(got.summary).toEqual(expected.summary);
    expect(got.findings.map((f) => [f.accountId, f.verdict, f.score])).toEqual(expected.findings.map((f) => [f.accountId, f.verdict, f.score]));
  });
});
