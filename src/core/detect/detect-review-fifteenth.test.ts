// A contractor whose IDE extension is an HTTP library to the log, who works from a cloud desktop,
// or whose shift starts at one minute on a source with no user agents; a new joiner who signed in
// a few times in the first two weeks and works from a CLI since; on-premises business-hours jobs
// with no user agent recorded; contractors whose month in the log is short or has weekend work.
// Each test asserts the verdict over several runs.
import { describe, expect, it } from "vitest";
import type { Snapshot } from "../snapshot/schema.js";
import { account, BROWSER, CLOUD, DAY, EMPTY, ev, HOUR, ideDays, isWeekend, iso, lcg, MIN, OFFICE, REF_MS, runsWith, snap, token, tokenCall, type Raw } from "../../../test/helpers/people-audit.js";

const SEEDS = [1, 2, 3, 4, 5, 6, 7, 8] as const;
const INVITED = { managementSource: "invited", ...EMPTY };
const lastUi = (daysAgo: number | null): Raw => ({ productAccess: [{ key: "jira-software", id: "ari:jira", lastActiveTimestamp: daysAgo === null ? null : iso(REF_MS - daysAgo * DAY) }] });
/** Colleagues used in the UI yesterday, so that the source is seen to record UI use. */
const colleagues = (): Raw[] => Array.from({ length: 10 }, (_, i) => account(`col${i}`, { name: `Colleague ${i}` }));
/** Colleagues where the source records no UI use at all: each signs in on weekday mornings and works in the browser. */
function unrecordedColleagues(r: () => number): { users: Raw[]; events: Raw[] } {
  const users: Raw[] = [];
  const events: Raw[] = [];
  for (let i = 0; i < 6; i++) {
    users.push(account(`uc${i}`, { name: `Colleague ${i}`, productAccess: [{ key: "jira-software", id: "ari:jira" }] }));
    for (let d = 30; d >= 1; d--) {
      const day = REF_MS - d * DAY;
      if (isWeekend(day) || r() < 0.1) continue;
      const t = day + (8 + r() * 1.5) * HOUR;
      events.push(ev(`uc${i}`, Math.floor(t), { ip: OFFICE, userAgent: BROWSER }));
      for (let k = 1; k < 6; k++) events.push(ev(`uc${i}`, Math.floor(t + k * (10 + r() * 40) * MIN), { action: "issue_updated", ip: OFFICE, userAgent: BROWSER }));
    }
  }
  return { users, events };
}

describe("a contractor whose IDE extension is an HTTP library to the log, who has not opened the web UI for months", () => {
  const build = (seed: number, ideUa: string, ip = OFFICE, user: Raw = INVITED): Snapshot => {
    const r = lcg(seed);
    const u = account("d", { name: "Tomasz Wójcik", email: "tomasz.wojcik@partner.example", ...user, ...lastUi(120) });
    return snap("ide-http-library", [u, ...colleagues()], ideDays(r, "d", 30, { ideUa, ip }), [token("ide", "d", REF_MS - DAY, "vscode"), token("cli", "d", REF_MS - DAY)]);
  };
  // Atlassian's VS Code extension calls Jira through axios; the contractor works from it and a CLI alone.
  it("an invited contractor working from VS Code (axios) and a CLI is not `bot`", () => {
    expect(runsWith("bot", SEEDS, "d", (s) => build(s, "axios/1.6.8"))).toEqual([]);
  });
  // A JetBrains IDE's Jira plugin calls through the JDK's HTTP client.
  it("an invited contractor working from IntelliJ (Java HTTP client) and a CLI is not `bot`", () => {
    expect(runsWith("bot", SEEDS, "d", (s) => build(s, "Java/17.0.9"))).toEqual([]);
  });
  // The partner gives its developers cloud desktops (AWS WorkSpaces): the IDE runs from a cloud address.
  it("an invited contractor working from IntelliJ on a cloud desktop is not `bot`", () => {
    expect(runsWith("bot", SEEDS, "d", (s) => build(s, "IntelliJ-Jira/2024.2", CLOUD))).toEqual([]);
  });
});

describe("a contractor working from an IDE and a CLI whose week or source does not fit the laptop hold", () => {
  const person = { name: "Tomasz Wójcik", email: "tomasz.wojcik@partner.example", ...INVITED, ...lastUi(120) };
  const tokens = (): Raw[] => [token("ide", "d", REF_MS - DAY, "intellij"), token("cli", "d", REF_MS - DAY)];
  // A source that records no user agent; the contractor is on a 07:00 shift and unlocks the
  // laptop at 07:00-07:08 on four days in five (later on the others), so the first poll falls in
  // one 10-minute window on most days.
  it("an invited contractor on a fixed 07:00 shift, on a source that records no user agent, is not `bot`", () => {
    const build = (seed: number): Snapshot => {
      const r = lcg(seed);
      const events: Raw[] = [];
      for (let d = 30; d >= 1; d--) {
        const day = REF_MS - d * DAY;
        if (isWeekend(day) || r() < 0.05) continue;
        const start = day + (r() < 0.8 ? 7 * HOUR + r() * 8 * MIN : 7 * HOUR + (10 + r() * 40) * MIN);
        const end = day + (15.5 + r()) * HOUR;
        for (let t = start; t < end; t += 10 * MIN + Math.floor(r() * 20) * 1000) if (r() >= 0.1) events.push(ev("d", Math.floor(t), { action: "issue_viewed", tokenId: "ide", authType: "api-token", ip: OFFICE }));
        for (let t = start + 20 * MIN; t < end; t += (20 + r() * 90) * MIN) events.push(ev("d", Math.floor(t), { action: "issue_updated", tokenId: "cli", authType: "api-token", ip: OFFICE }));
      }
      return snap("shift-no-ua", [account("d", person), ...colleagues()], events, tokens());
    };
    expect(runsWith("bot", SEEDS, "d", build)).toEqual([]);
  });
});

describe("a contractor working from an IDE and a CLI whose month in the log is short or has weekend work", () => {
  /** The IntelliJ contractor of `ideDays`, on the days `on` allows (`d` days ago). */
  function ide(seed: number, on: (day: number, d: number) => boolean): Snapshot {
    const events = ideDays(lcg(seed), "d", 30, { on });
    // The org's log covers the whole month: a colleague signed in on its first day.
    events.push(ev("col0", REF_MS - 30 * DAY + 9 * HOUR, { ip: OFFICE, userAgent: BROWSER }));
    const u = account("d", { name: "Tomasz Wójcik", email: "tomasz.wojcik@partner.example", ...INVITED, ...lastUi(120) });
    return snap("ide-short-month", [u, ...colleagues()], events, [token("ide", "d", REF_MS - DAY, "intellij"), token("cli", "d", REF_MS - DAY)]);
  }
  // Back from four months' parental leave 12 days ago: one weekend in the active span, under two.
  it("an invited contractor back from leave 12 days ago is not `bot`", () => {
    expect(runsWith("bot", SEEDS, "d", (s) => ide(s, (day, d) => !isWeekend(day) && d <= 12))).toEqual([]);
  });
  // A consultant on a retainer who works for this client on Fridays only: four active days.
  it("an invited consultant who works on Fridays only is not `bot`", () => {
    expect(runsWith("bot", SEEDS, "d", (s) => ide(s, (day) => new Date(day).getUTCDay() === 5))).toEqual([]);
  });
  // A release crunch: the contractor also worked the first two Saturdays of the month (half of them).
  it("an invited contractor who worked two Saturdays of four in a release crunch is not `bot`", () => {
    expect(runsWith("bot", SEEDS, "d", (s) => ide(s, (day, d) => !isWeekend(day) || (new Date(day).getUTCDay() === 6 && d > 16)))).toEqual([]);
  });
});

describe("a new joiner who signed in a few times in the first two weeks and works from a CLI and an IDE since", () => {
  // Added 18-26 days ago; signs in from a browser on the first day, and on two more days within
  // the next 4-12 days, each time working in the UI for an hour or so; from then on the IDE
  // extension and a CLI only. The product records the last UI use at the third visit.
  function joiner(seed: number, user: Raw, ideUa = "IntelliJ-Jira/2024.2"): Snapshot {
    const r = lcg(seed);
    const addedDays = 18 + Math.floor(r() * 9);
    const visits = [addedDays, addedDays - 1 - Math.floor(r() * 4), addedDays - 5 - Math.floor(r() * 7)];
    const events: Raw[] = [];
    for (const v of visits) {
      const t = REF_MS - v * DAY + (9 + r() * 2) * HOUR;
      events.push(ev("n", Math.floor(t), { ip: OFFICE, userAgent: BROWSER }));
      for (let k = 1; k < 8; k++) events.push(ev("n", Math.floor(t + k * (4 + r() * 10) * MIN), { action: r() < 0.5 ? "issue_viewed" : "comment_created", ip: OFFICE, userAgent: BROWSER }));
    }
    events.push(...ideDays(r, "n", visits[2]! - 1, { ideUa }));
    const lastVisit = visits[2]!;
    const u = account("n", { name: "Aiko Tanaka", email: "aiko.tanaka@acme.com", addedToOrg: iso(REF_MS - addedDays * DAY + 8 * HOUR), ...user, ...lastUi(lastVisit) });
    return snap("new-joiner-cli", [u, ...colleagues()], events, [
      { ...token("ide", "n", REF_MS - DAY, "intellij"), createdAt: iso(REF_MS - (addedDays - 1) * DAY) },
      { ...token("cli", "n", REF_MS - DAY), createdAt: iso(REF_MS - (addedDays - 1) * DAY) },
    ]);
  }
  // An employee synced from the IdP with a full profile: reviewed through the setup's divergence, never `bot`.
  it("the control, a synced employee with a full profile, is not `bot` (close call)", () => {
    expect(runsWith("bot", SEEDS, "n", (s) => joiner(s, {}))).toEqual([]);
  });
});

describe("a new joiner who signed in a few times in the first two weeks, where the UI is not recorded", () => {
  // Added 16-23 days ago; signs in from a browser on the first day and on two more days within
  // the next 4-12 days, commenting in the UI for an hour or so each time; from then on works from
  // the Jira CLI every 20-110 minutes on weekdays. The source records no UI activity for anyone;
  // colleagues sign in on weekday mornings and work in the browser.
  function joiner(seed: number, user: Raw): Snapshot {
    const r = lcg(seed);
    const { users, events } = unrecordedColleagues(r);
    const addedDays = 16 + Math.floor(r() * 8);
    const visits = [addedDays, addedDays - 1 - Math.floor(r() * 4), addedDays - 5 - Math.floor(r() * 7)];
    for (const v of visits) {
      const t = REF_MS - v * DAY + (9 + r() * 2) * HOUR;
      events.push(ev("n", Math.floor(t), { ip: OFFICE, userAgent: BROWSER }));
      for (let k = 1; k < 8; k++) events.push(ev("n", Math.floor(t + k * (4 + r() * 10) * MIN), { action: "comment_created", ip: OFFICE, userAgent: BROWSER }));
    }
    for (let d = visits[2]! - 1; d >= 1; d--) {
      const day = REF_MS - d * DAY;
      if (isWeekend(day)) continue;
      for (let t = day + (8 + r()) * HOUR; t < day + 17 * HOUR; t += (20 + r() * 90) * MIN) events.push(tokenCall("n", Math.floor(t), "cli", OFFICE));
    }
    const u = account("n", { name: "Aiko Tanaka", email: "aiko.tanaka@acme.com", addedToOrg: iso(REF_MS - addedDays * DAY + 8 * HOUR), productAccess: [{ key: "jira-software", id: "ari:jira" }], ...user });
    return snap("new-joiner-unrecorded", [u, ...users], events, [{ ...token("cli", "n", REF_MS - DAY), createdAt: iso(REF_MS - (addedDays - 1) * DAY) }]);
  }
  // A contractor invited with no profile, who prefers the CLI once set up.
  it("an invited contractor with no profile is `human`", () => {
    const build = (s: number): Snapshot => joiner(s, INVITED);
    expect(runsWith("likely-bot", SEEDS, "n", build).concat(runsWith("bot", SEEDS, "n", build))).toEqual([]);
  });
});

describe("on-premises business-hours jobs with no user agent recorded", () => {
  // A sync job on an office server started by a queue 5-60 minutes after 08:00 on weekdays, every
  // 15 minutes (plus seconds) until 18:00; the log records no user agent.
  function job(seed: number, user: Raw): Snapshot {
    const r = lcg(seed);
    const events: Raw[] = [];
    for (let d = 30; d >= 1; d--) {
      const day = REF_MS - d * DAY;
      if (isWeekend(day)) continue;
      for (let t = day + 8 * HOUR + (5 + r() * 55) * MIN; t < day + 18 * HOUR; t += 15 * MIN + r() * 10_000) events.push(ev("j", Math.floor(t), { action: "issue_updated", tokenId: "tk", authType: "api-token", ip: OFFICE }));
    }
    const u = account("j", { name: "Hr Sync", email: "hr.sync@acme.com", ...user, ...lastUi(null) });
    return snap("onprem-job", [u, ...colleagues()], events, [token("tk", "j", REF_MS - DAY, "sync")]);
  }
  it("the control, named like a person and invited, is not `human` (close call)", () => {
    expect(runsWith("human", SEEDS, "j", (s) => job(s, { ...INVITED, name: "Maria Santos", email: "maria.santos@acme.com" }))).toEqual([]);
  });
});
