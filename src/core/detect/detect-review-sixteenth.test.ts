// People of the judged families under the changes an export or a judge makes to a log: a
// contractor working from an IDE and a CLI in a log cut to its last 10-14 days, an engineer always
// on call whose log keeps no user agents, and (a control) a browser robot whose user agents were
// stripped. Each test builds the events, perturbs them (drop, jitter, shift, strip, cut) and
// asserts the verdict over several runs.
import { describe, expect, it } from "vitest";
import type { Snapshot } from "../snapshot/schema.js";
import { account, alwaysOnCallEvents, CLOUD, DAY, drop, EMPTY, ev, HOUR, isWeekend, iso, jitter, lastDays, lcg, MIN, OFFICE, perturbed, REF_MS, runsWith, shift, snap, stripOtp, stripUserAgents, token, tokenCall, type Perturb, type Raw } from "../../../test/helpers/people-audit.js";

const SEEDS = [1, 2, 3, 4, 5, 6, 7, 8] as const;
const INVITED = { managementSource: "invited", ...EMPTY };
const lastUi = (daysAgo: number | null): Raw => ({ productAccess: [{ key: "jira-software", id: "ari:jira", lastActiveTimestamp: daysAgo === null ? null : iso(REF_MS - daysAgo * DAY) }] });
/** Colleagues used in the UI yesterday, so that the source is seen to record UI use. */
const colleagues = (): Raw[] => Array.from({ length: 10 }, (_, i) => account(`col${i}`, { name: `Colleague ${i}` }));


/**
 * A developer's weekdays through tokens: an IDE extension (`IntelliJ-Jira`) polls every 10
 * minutes plus a few seconds while the laptop is open, from `startHour` (plus up to 1.5 hours)
 * for 8.5-9.5 hours, one poll in ten lost; CLI calls every 20-110 minutes; a day off in twenty.
 */
function ideDays(r: () => number, id: string, startHour: number, ideUa = "IntelliJ-Jira/2024.2"): Raw[] {
  const events: Raw[] = [];
  for (let d = 30; d >= 1; d--) {
    const day = REF_MS - d * DAY;
    if (isWeekend(day) || r() < 0.05) continue;
    const start = day + (startHour + r() * 1.5) * HOUR;
    const end = Math.min(start + (8.5 + r()) * HOUR, REF_MS);
    for (let t = start; t < end; t += 10 * MIN + Math.floor(r() * 20) * 1000) if (r() >= 0.1) events.push(tokenCall(id, Math.floor(t), "ide", OFFICE, ideUa));
    for (let t = start + 20 * MIN; t < end; t += (20 + r() * 90) * MIN) events.push(tokenCall(id, Math.floor(t), "cli", OFFICE));
  }
  return events;
}

describe("a contractor working from an IDE and a CLI, in a log cut to its last 10-14 days", () => {
  const ideTokens = (): Raw[] => [token("ide", "d", REF_MS - DAY, "intellij"), token("cli", "d", REF_MS - DAY)];
  function ide(seed: number, user: Raw, startHour: number, changes: readonly Perturb[]): Snapshot {
    const u = account("d", { name: "Tomasz Wójcik", email: "tomasz.wojcik@partner.example", ...user });
    return snap("ide-short-log", [u, ...colleagues()], perturbed(ideDays(lcg(seed), "d", startHour), seed, changes), ideTokens());
  }
  // An invited contractor, web UI last used 120 days ago, whose export keeps the last 10 days.
  it("an invited contractor in a 10-day log is not `bot`", () => {
    expect(runsWith("bot", SEEDS, "d", (s) => ide(s, { ...INVITED, ...lastUi(120) }, 8, [lastDays(10)]))).toEqual([]);
  });
  // The same contractor in a two-week export.
  it("an invited contractor in a 14-day log is not `bot`", () => {
    expect(runsWith("bot", SEEDS, "d", (s) => ide(s, { ...INVITED, ...lastUi(120) }, 8, [lastDays(14)]))).toEqual([]);
  });
  // An invited contractor who never used the web UI, in a 12-day log.
  it("an invited contractor who never used the web UI, in a 12-day log, is not `bot`", () => {
    expect(runsWith("bot", SEEDS, "d", (s) => ide(s, { ...INVITED, ...lastUi(null) }, 8, [lastDays(12)]))).toEqual([]);
  });
  // A night-shift contractor (laptop open from 21:00-22:30 UTC into the night), in a 10-day log.
  it("an invited contractor on night shifts, in a 10-day log, is not `bot`", () => {
    expect(runsWith("bot", SEEDS, "d", (s) => ide(s, { ...INVITED, ...lastUi(120) }, 21, [lastDays(10)]))).toEqual([]);
  });
  // A contractor in Tokyo (work starts 23:30-01:00 UTC), in a 14-day log.
  it("an invited contractor in UTC+9, in a 14-day log, is not `bot`", () => {
    expect(runsWith("bot", SEEDS, "d", (s) => ide(s, { ...INVITED, ...lastUi(120) }, 23.5, [lastDays(14)]))).toEqual([]);
  });
  // An employee with a full profile on a source that records no IdP management (null), 10-day log read 7 hours off.
  it("an employee with a full profile on a source without IdP management, in a 10-day log shifted by 7 hours, is not `bot`", () => {
    expect(runsWith("bot", SEEDS, "d", (s) => ide(s, { managementSource: null, ...lastUi(120) }, 8, [shift(7), lastDays(10)]))).toEqual([]);
  });
  // Close call that holds today: the same log with 30% of the events lost and times jittered by 5-20 minutes.
  it("the control, an invited contractor in a 10-day log with lost and jittered events, is not `bot` (close call)", () => {
    expect(runsWith("bot", SEEDS, "d", (s) => ide(s, { ...INVITED, ...lastUi(120) }, 8, [drop(0.3), jitter(5, 20), lastDays(10)]))).toEqual([]);
  });
});

describe("an engineer always on call, whose log keeps no user agents or is cut short", () => {
  // alwaysOnCallEvents: 08:00-19:00 weekdays through a CLI after a browser sign-in, paged 1-3
  // times a day at any hour (a phone sign-in and CLI calls from home); web UI used two days ago.
  const PHONE = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) Mobile/15E148";
  const HOME = "90.1.2.3";
  function onCall(seed: number, user: Raw, changes: readonly Perturb[]): Snapshot {
    const u = account("sre", { name: "Sam Reyes", ...user });
    return snap("on-call-perturbed", [u, ...colleagues()], perturbed(alwaysOnCallEvents(seed, PHONE, HOME), seed, changes), [token("tk", "sre", REF_MS - DAY)]);
  }
  // An invited contractor with no profile; the log records no user agents.
  it("an invited contractor whose log records no user agents is not `bot`", () => {
    expect(runsWith("bot", SEEDS, "sre", (s) => onCall(s, { ...INVITED, ...lastUi(2) }, [stripUserAgents]))).toEqual([]);
  });
  // The same contractor under the judge's mix: 30% lost, jittered 5-20 min, no user agents, no OTP events.
  it("an invited contractor with lost, jittered events and no user agents is not `bot`", () => {
    expect(runsWith("bot", SEEDS, "sre", (s) => onCall(s, { ...INVITED, ...lastUi(2) }, [drop(0.3), jitter(5, 20), stripUserAgents, stripOtp]))).toEqual([]);
  });
  // An IdP-synced employee whose source records no job title, department or picture; no user agents.
  it("an IdP-synced employee without a recorded profile, whose log records no user agents, is not `bot`", () => {
    expect(runsWith("bot", SEEDS, "sre", (s) => onCall(s, { ...EMPTY, ...lastUi(40) }, [stripUserAgents]))).toEqual([]);
  });
  // An invited contractor with a full profile, web UI last used 40 days ago, in a 10-day log (user agents kept).
  it("an invited contractor with a full profile, in a 10-day log, is not `bot`", () => {
    expect(runsWith("bot", SEEDS, "sre", (s) => onCall(s, { managementSource: "invited", ...lastUi(40) }, [lastDays(10)]))).toEqual([]);
  });
  // Close call that holds today: an IdP-synced employee with a full profile, no user agents.
  it("the control, an IdP-synced employee with a full profile whose log records no user agents, is not `bot` (close call)", () => {
    expect(runsWith("bot", SEEDS, "sre", (s) => onCall(s, { ...lastUi(2) }, [stripUserAgents]))).toEqual([]);
  });
});

describe("a browser robot on workdays whose user agents were stripped and times jittered", () => {
  // A headless browser signs in from a cloud address at 08:00, 11:00 and 15:00 (plus up to 10
  // minutes) every workday, answers an email code, and updates three issues within minutes.
  // Named "Report Runner" at jira-reports@, invited, no profile; UI used yesterday (its own).
  const HEADLESS = "Mozilla/5.0 (X11; Linux x86_64) HeadlessChrome/120.0 Safari/537.36";
  function robot(seed: number, changes: readonly Perturb[]): Snapshot {
    const r = lcg(seed);
    const events: Raw[] = [];
    for (let d = 30; d >= 1; d--) {
      const day = REF_MS - d * DAY;
      if (isWeekend(day)) continue;
      for (const h of [8, 11, 15]) {
        const t = day + h * HOUR + r() * 10 * MIN;
        events.push(ev("b", Math.floor(t - 20_000), { action: "email_otp_sent", ip: CLOUD, userAgent: HEADLESS }));
        events.push(ev("b", Math.floor(t), { ip: CLOUD, userAgent: HEADLESS }));
        for (let k = 1; k < 4; k++) events.push(ev("b", Math.floor(t + k * MIN), { action: "issue_updated", ip: CLOUD, userAgent: HEADLESS }));
      }
    }
    const u = account("b", { name: "Report Runner", email: "jira-reports@acme.com", ...INVITED, ...lastUi(1) });
    return snap("robot-stripped", [u, ...colleagues()], perturbed(events, seed, changes), []);
  }
  // Close call that holds today: user agents stripped, times as recorded.
  it("the control, with no user agents and times as recorded, is not `human` (close call)", () => {
    expect(runsWith("human", SEEDS, "b", (s) => robot(s, [stripUserAgents]))).toEqual([]);
  });
});
