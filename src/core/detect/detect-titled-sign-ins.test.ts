// A person with a job title who signs in at the same minute each morning, weekends too, from the
// office's browser, in a log that records sign-ins only: every machine rule on timing fires
// (every day, a fixed cadence, a schedule), and the account was called `bot`. With a person's
// title and nothing else of a machine's (no token, no scripting client, no cloud address, three
// addresses at most) it is reviewed instead; the same sign-ins on an account without a person's
// title, or beside a token in use, are still `bot`.
import { describe, expect, it } from "vitest";
import { account, BROWSER, DAY, ev, HOUR, lcg, REF_MS, token, tokenCall, type Raw } from "../../../test/helpers/people-audit.js";
import { judged, recentUi, wrongFor } from "../../../test/helpers/name-attacks.js";
import type { Finding } from "./types.js";

/** One sign-in a day at 06:20 UTC (08:20 in Madrid), within a minute and a half, on each of 28 days, from the office. */
function sameMinute(seed: number): Raw[] {
  const r = lcg(seed * 37 + 9);
  const out: Raw[] = [];
  for (let d = 28; d >= 1; d--) {
    out.push(ev("x", Math.floor(REF_MS - d * DAY + 6 * HOUR + (20 + r() * 1.5) * 60_000), { ip: "83.33.79.161", userAgent: BROWSER }));
  }
  return out;
}
const titled = (seed: number, fields: Raw = {}, events: Raw[] = [], apiTokens: Raw[] = []): Finding =>
  judged(
    seed,
    account("x", { name: "Irene Martín Etxeberria", email: "imartin@airline.example", managementSource: null, mfaEnabled: false, jobTitle: "Station Control Supervisor", department: null, picture: null, ...recentUi, ...fields }),
    [...sameMinute(seed), ...events],
    apiTokens,
  );

describe("a titled person's sign-ins at the same minute every day", () => {
  it("are reviewed, never called bot (failed before: bot, every-day + login-fixed-cadence + activity-schedule)", () => {
    expect(wrongFor("titled, same minute", (v) => v === "likely-bot", (s) => titled(s))).toEqual([]);
  });
  it("the same sign-ins with no job title are still bot", () => {
    expect(wrongFor("untitled, same minute", (v) => v === "bot", (s) => titled(s, { jobTitle: null }))).toEqual([]);
  });
  it("the same sign-ins with a script's token in use beside them are not held back for the title", () => {
    const calls = (seed: number): Raw[] => Array.from({ length: 20 }, (_, i) => tokenCall("x", REF_MS - (i + 1) * DAY + 6 * HOUR + 21 * 60_000 + seed * 1000, "t1", "83.33.79.161", "python-requests/2.31.0"));
    for (const seed of [1, 2, 3]) {
      const finding = titled(seed, {}, calls(seed), [token("t1", "x", REF_MS - DAY + 6 * HOUR, "sync")]);
      expect(finding.verdict).not.toBe("human");
      expect(finding.signals.filter((signal) => signal.evidence.includes("a person of fixed habits"))).toEqual([]);
    }
  });
});

describe("sign-ins on a timetable, weekends too, in a log that records no work of the account's", () => {
  /**
   * Sign-ins at 04:00, 04:30 and 11:00 UTC within half a minute, every day of four weeks, from one
   * office address; nothing else. The export names their auth type (`session`), which the
   * detection reads as no API token's and keeps out of the account's own activity timing.
   */
  function timetable(seed: number): Raw[] {
    const r = lcg(seed * 43 + 1);
    const out: Raw[] = [];
    for (let d = 28; d >= 1; d--) for (const at of [4, 4.5, 11]) out.push(ev("x", Math.floor(REF_MS - d * DAY + at * HOUR + r() * 30_000), { ip: "188.81.114.207", userAgent: BROWSER, authType: "session" }));
    return out;
  }
  // Failed before: human (login-schedule and an unverified timetable, weak; no activity timing to
  // see its weekends by, and its UI use recent).
  it("a scraper's account (2SV on, no profile, invited) is reviewed", () => {
    expect(
      wrongFor("timetable, no work", (v) => v !== "human", (s) =>
        judged(s, account("x", { name: "Tech Log Scraper", email: "techlog.scraper@airline.example", managementSource: "invited", mfaEnabled: true, jobTitle: null, department: null, picture: null, ...recentUi }), timetable(s)),
      ),
    ).toEqual([]);
  });
});
