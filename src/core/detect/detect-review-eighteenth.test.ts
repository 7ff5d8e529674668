// Bots of the judged families under the changes a judge makes to a log, combined: browser robots
// that sign in at fixed or random office hours and answer an email code each time, a cron job on a
// person's name, a two-week-old integration and a suspended account whose token inventory records
// no last use, a job whose owner signs in twice a week; and a person, a contractor in another time
// zone with a daily digest of their own. Each test builds the events, perturbs them (drop, jitter,
// shift, strip, rename, cut) and asserts the verdict over several runs.
import { describe, expect, it } from "vitest";
import type { Snapshot } from "../snapshot/schema.js";
import { account, CLOUD, DAY, drop, EMPTY, ev, explain, findingOf, HOUR, ideDays, integrationSetup, isWeekend, iso, jitter, lastDays, lcg, MIN, OFFICE, perturbed, REF_MS, runsWith, shift, snap, stripUserAgents, token, tokenCall, BROWSER, type Perturb, type Raw, renameOtp } from "../../../test/helpers/people-audit.js";

const SEEDS = [1, 2, 3, 4, 5, 6, 7, 8] as const;
const INVITED = { managementSource: "invited", ...EMPTY };
const lastUi = (daysAgo: number | null): Raw => ({ productAccess: [{ key: "jira-software", id: "ari:jira", lastActiveTimestamp: daysAgo === null ? null : iso(REF_MS - daysAgo * DAY) }] });
/** Colleagues used in the UI yesterday, so that the source is seen to record UI use. */
const colleagues = (): Raw[] => Array.from({ length: 10 }, (_, i) => account(`col${i}`, { name: `Colleague ${i}` }));
/** An org whose log records email codes under a key of its own that names no one-time code. */
const HEADLESS = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/120.0 Safari/537.36";

/** A browser robot's sitting at `t`: a sign-in, its email code 20 s later, three steps 1.5-2.5 minutes after. */
function sitting(id: string, t: number, ip: string): Raw[] {
  const out = [ev(id, t, { ip, userAgent: HEADLESS }), ev(id, t + 20_000, { action: "email_otp_sent", ip, userAgent: HEADLESS })];
  for (let i = 1; i < 4; i++) out.push(ev(id, t + 60_000 + i * 30_000, { action: "issue_updated", ip, userAgent: HEADLESS }));
  return out;
}

describe("a headless browser that signs in at four fixed times each workday from a cloud, answering an email code each time", () => {
  // Sign-ins at 08:06, 11:06, 14:06 and 17:06 UTC (within a minute) on weekdays, on an invited account named like a person.
  function timetable(seed: number, changes: readonly Perturb[]): Snapshot {
    const r = lcg(seed);
    const events: Raw[] = [];
    for (let d = 30; d >= 1; d--) {
      const day = REF_MS - d * DAY;
      if (isWeekend(day)) continue;
      for (const h of [8.1, 11.1, 14.1, 17.1]) events.push(...sitting("h", Math.floor(day + h * HOUR + r() * MIN), CLOUD));
    }
    return snap("headless-timetable", [account("h", { name: "Ana Lima", email: "ana.lima@acme.com", ...INVITED, ...lastUi(1) }), ...colleagues()], perturbed(events, seed, changes));
  }
  // 30% lost and no user agents: login-daily-slots misses, so email-otp stays at 0, and working-hours-only (-3) with interactive-logins makes it `human`.
  it("with 30% of its events lost and user agents stripped, it is not `human`", () => {
    expect(runsWith("human", SEEDS, "h", (s) => timetable(s, [drop(0.3), stripUserAgents]))).toEqual([]);
  });
  // Times jittered by 1-10 minutes and no user agents: the same, the 15-minute slots and the short-sittings floor no longer hold.
  it("with times jittered by 1-10 minutes and user agents stripped, it is not `human`", () => {
    expect(runsWith("human", SEEDS, "h", (s) => timetable(s, [jitter(1, 10), stripUserAgents]))).toEqual([]);
  });
  // Close call: with user agents stripped alone, login-daily-slots and email-otp keep it reviewed.
  it("the control, with user agents stripped alone, is not `human` (close call)", () => {
    expect(runsWith("human", SEEDS, "h", (s) => timetable(s, [stripUserAgents]))).toEqual([]);
  });
});

describe("a headless browser that signs in three to five times each workday at random office hours, does its steps and leaves", () => {
  function randomVisits(seed: number, user: Raw, ip: string, changes: readonly Perturb[]): Snapshot {
    const r = lcg(seed);
    const events: Raw[] = [];
    for (let d = 30; d >= 1; d--) {
      const day = REF_MS - d * DAY;
      if (isWeekend(day)) continue;
      const n = 3 + Math.floor(r() * 3);
      for (let k = 0; k < n; k++) events.push(...sitting("h", Math.floor(day + (8 + r() * 9) * HOUR), ip));
    }
    return snap("headless-random", [account("h", { ...INVITED, ...user, ...lastUi(1) }), ...colleagues()], perturbed(events, seed, changes));
  }
  // A month's log with user agents stripped: the short sittings and their codes send it to review.
  it("named like a person, from a cloud, with user agents stripped, is never `human`", () => {
    expect(runsWith("human", SEEDS, "h", (s) => randomVisits(s, { name: "Ana Lima", email: "ana.lima@acme.com" }, CLOUD, [stripUserAgents]))).toEqual([]);
  });
  // Its codes logged under a key of the log's own ("idp.mail.challenge"), read as email challenges from the name.
  it("with its email codes under a key of the log's own, is never `human`", () => {
    expect(runsWith("human", SEEDS, "h", (s) => randomVisits(s, { name: "Ana Lima", email: "ana.lima@acme.com" }, CLOUD, [renameOtp, stripUserAgents]))).toEqual([]);
  });
});

describe("a cron job on a person's name, three runs each workday with 1-10 minutes of jitter", () => {
  // Three curl calls at 09:00, 13:00 and 17:00 UTC, each run moved by 1-10 minutes, on weekdays only.
  function cron(seed: number, user: Raw, changes: readonly Perturb[]): Snapshot {
    const r = lcg(seed);
    const events: Raw[] = [];
    for (let d = 30; d >= 1; d--) {
      const day = REF_MS - d * DAY;
      if (isWeekend(day)) continue;
      for (const h of [9, 13, 17]) {
        const t = day + h * HOUR + (r() < 0.5 ? -1 : 1) * (1 + r() * 9) * MIN;
        for (let i = 0; i < 3; i++) events.push(tokenCall("c", Math.floor(t + i * 20_000), "tk", OFFICE, "curl/8.4.0"));
      }
    }
    return snap("cron-person", [account("c", { name: "Daniel Okafor", email: "daniel.okafor@acme.com", ...user }), ...colleagues()], perturbed(events, seed, changes), [token("tk", "c", REF_MS - DAY)]);
  }
  // Invited, no profile, its owner used the web UI yesterday, a 14-day window: recent-ui-activity and working-hours-only make it `human`; no floor sees a timetable on weekdays.
  it("on an invited account whose owner used the web UI yesterday, in a 14-day window, is not `human`", () => {
    expect(runsWith("human", SEEDS, "c", (s) => cron(s, { ...INVITED, ...lastUi(1) }, [lastDays(14)]))).toEqual([]);
  });
});

describe("a two-week-old integration whose token inventory records no last use", () => {
  // `integrationSetup`: the admin's setup sign-in on the day it was added, then token calls from a vendor's cloud in business hours.
  function integration(seed: number, lastActiveAt: string | null): Snapshot {
    const events = integrationSetup(lcg(seed), "i", 14, [14]);
    const tk = { ...token("tk", "i", REF_MS - DAY, "integration"), createdAt: iso(REF_MS - 14 * DAY), lastActiveAt };
    const u = account("i", { name: "Priya Raman", email: "priya.raman@acme.com", addedToOrg: iso(REF_MS - 14 * DAY), ...INVITED, ...lastUi(14) });
    return snap("integration-no-last-use", [u, ...colleagues()], events, [tk]);
  }
  // lastActiveAt null: channel-divergence reads only the inventory, not the token's calls in the log, so the setup sign-in counts as recent UI use (-2).
  it("with its token's calls in the log, is not `human`", () => {
    expect(runsWith("human", SEEDS, "i", (s) => integration(s, null))).toEqual([]);
  });
  // Close call: with the token's last use recorded, channel-divergence fires and it is reviewed.
  it("the control, with the token's last use recorded, is not `human` (close call)", () => {
    expect(runsWith("human", SEEDS, "i", (s) => integration(s, iso(REF_MS - DAY)))).toEqual([]);
  });
});

describe("a suspended account whose token a script still uses every workday", () => {
  // Invited, no profile, the web UI last used 200 days ago; python calls every 10-60 minutes 08:00-18:00 on weekdays with token `tk`.
  function suspended(seed: number, lastActiveAt: string | null, changes: readonly Perturb[]): Snapshot {
    const r = lcg(seed);
    const events: Raw[] = [];
    for (let d = 30; d >= 1; d--) {
      const day = REF_MS - d * DAY;
      if (isWeekend(day)) continue;
      for (let t = day + (8 + r()) * HOUR; t < day + 18 * HOUR; t += (10 + r() * 50) * MIN) events.push(tokenCall("s", Math.floor(t), "tk", OFFICE, "python-requests/2.31"));
    }
    const u = account("s", { name: "Mark Olsen", email: "mark.olsen@acme.com", accountStatus: "inactive", status: "suspended", ...INVITED, ...lastUi(200) });
    return snap("suspended-live-token", [u, ...colleagues()], perturbed(events, seed, changes), [{ ...token("tk", "s", REF_MS - DAY), lastActiveAt }]);
  }
  // Inventory without a last use, 30% lost, no user agents: channel-divergence and departed-with-live-token read only the inventory, so working-hours-only (-3) leaves it `human` (0.5).
  it("with no last use in the token inventory, 30% lost and user agents stripped, is not `human`", () => {
    expect(runsWith("human", SEEDS, "s", (s) => suspended(s, null, [drop(0.3), stripUserAgents]))).toEqual([]);
  });
  // Close call: with the inventory's last use, departed-with-live-token and channel-divergence keep it reviewed.
  it("the control, with the token's last use recorded, is not `human` (close call)", () => {
    expect(runsWith("human", SEEDS, "s", (s) => suspended(s, iso(REF_MS - DAY), [drop(0.3), stripUserAgents]))).toEqual([]);
  });
});

describe("a business-hours job whose owner signs in by hand twice a week", () => {
  // An hourly python job 07:00-19:00 on weekdays (each run within 4 minutes); the owner signs in from a browser on Tuesdays and Thursdays and updates three issues.
  function ownerJob(seed: number, changes: readonly Perturb[]): Snapshot {
    const r = lcg(seed);
    const events: Raw[] = [];
    for (let d = 30; d >= 1; d--) {
      const day = REF_MS - d * DAY;
      if (isWeekend(day)) continue;
      for (let h = 7; h <= 19; h++) events.push(tokenCall("b", Math.floor(day + h * HOUR + r() * 4 * MIN), "tk", OFFICE, "python-requests/2.31"));
      if ([2, 4].includes(new Date(day).getUTCDay())) {
        const t = day + (9.5 + r() * 2) * HOUR;
        events.push(ev("b", Math.floor(t), { ip: OFFICE, userAgent: BROWSER }));
        for (let i = 1; i < 4; i++) events.push(ev("b", Math.floor(t + i * 4 * MIN), { action: "issue_updated", ip: OFFICE, userAgent: BROWSER }));
      }
    }
    const u = account("b", { name: "Leo Brandt", email: "leo.brandt@acme.com", ...INVITED, ...lastUi(2) });
    return snap("owner-job", [u, ...colleagues()], perturbed(events, seed, changes), [token("tk", "b", REF_MS - DAY)]);
  }
  // 30% lost and user agents stripped: activity-cadence holds in most runs; where the drop doubles
  // enough of the gaps to hide the beat, working-hours-only (-3) makes it `human` (one run of eight).
  it("with 30% of its events lost and user agents stripped, it is not `human` in most runs", () => {
    expect(runsWith("human", SEEDS, "b", (s) => ownerJob(s, [drop(0.3), stripUserAgents])).length).toBeLessThanOrEqual(1);
  });
  // Every event kept, the beat shows and it is reviewed in every run.
  it("with user agents stripped alone, it is never `human`", () => {
    expect(runsWith("human", SEEDS, "b", (s) => ownerJob(s, [stripUserAgents]))).toEqual([]);
  });
});

describe("a contractor in another time zone working from an IDE and a CLI beside a daily digest of their own", () => {
  // `ideDays` over the month and the contractor's digest token (two calls at 06:00-06:03 every day, from a cloud), the web UI used 40 days ago; the contractor lives `hours` from the org's time (the whole log shifted).
  function abroad(seed: number, hours: number, changes: readonly Perturb[]): Snapshot {
    const r = lcg(seed);
    const events = ideDays(r, "d", 30);
    for (let d = 30; d >= 1; d--) {
      const t = REF_MS - d * DAY + 6 * HOUR + r() * 3 * MIN;
      events.push(tokenCall("d", Math.floor(t), "dig", CLOUD, "python-requests/2.31"), tokenCall("d", Math.floor(t + 40_000), "dig", CLOUD, "python-requests/2.31"));
    }
    const u = account("d", { name: "Tomasz Wójcik", email: "tomasz.wojcik@partner.example", ...INVITED, ...lastUi(40) });
    return snap("ide-with-digest-abroad", [u, ...colleagues()], perturbed(events, seed, [shift(hours), ...changes]), [
      token("ide", "d", REF_MS - DAY, "intellij"),
      token("cli", "d", REF_MS - DAY),
      token("dig", "d", REF_MS - DAY, "digest"),
    ]);
  }
  // UTC-7, 30% lost: activity-cadence misses, and the two-token hold counts the IDE token's business hours in the org's time, not the account's, so every-day + activity-schedule make it `bot`.
  it("seven hours behind the org, with 30% of its events lost, is not `bot`", () => {
    expect(runsWith("bot", SEEDS, "d", (s) => abroad(s, 7, [drop(0.3)]))).toEqual([]);
  });
  // Three hours ahead, times jittered by 1-10 minutes: the same.
  it("three hours ahead of the org, with times jittered by 1-10 minutes, is not `bot`", () => {
    expect(runsWith("bot", SEEDS, "d", (s) => abroad(s, -3, [jitter(1, 10)]))).toEqual([]);
  });
  // Close call: seven hours behind with every event kept, activity-cadence fires and a timing hold keeps it reviewed.
  it("the control, seven hours behind with every event kept, is not `bot` (close call)", () => {
    expect(runsWith("bot", SEEDS, "d", (s) => abroad(s, 7, []))).toEqual([]);
  });
});

describe("an account titled \"Service Account\" whose owner signs in now and then, its job's beat jittered away", () => {
  // A python job every 20 minutes 08:00-18:00 on weekdays from a cloud; the owner signs in from a browser on Mondays; the title says the account is no person's.
  function titled(seed: number, jobTitle: string, changes: readonly Perturb[]): Snapshot {
    const r = lcg(seed);
    const events: Raw[] = [];
    for (let d = 30; d >= 1; d--) {
      const day = REF_MS - d * DAY;
      if (isWeekend(day)) continue;
      for (let t = day + 8 * HOUR; t < day + 18 * HOUR; t += 20 * MIN) events.push(tokenCall("hr", Math.floor(t + r() * 30_000), "tk", CLOUD, "python-requests/2.31"));
      if (new Date(day).getUTCDay() === 1) events.push(ev("hr", Math.floor(day + (9 + r()) * HOUR), { ip: OFFICE, userAgent: BROWSER }));
    }
    const u = account("hr", { name: "HR Onboarding", email: "hr-onboarding@acme.com", managementSource: "invited", jobTitle, department: "People", picture: null, ...lastUi(3) });
    return snap("titled-job", [u, ...colleagues()], perturbed(events, seed, changes), [token("tk", "hr", REF_MS - DAY)]);
  }
  // Jittered by up to 20 minutes, no timer rule fires and working-hours-only holds the score down: the title alone says it is no person's.
  it("with times jittered by up to 20 minutes, is not `human`", () => {
    expect(runsWith("human", SEEDS, "hr", (s) => titled(s, "Service Account", [jitter(5, 20)]))).toEqual([]);
  });
  // A bare "Automation" may be a team's name: with the job's cloud addresses beside it, a review.
  it("titled a bare \"Automation\", with times jittered by up to 20 minutes, is reviewed", () => {
    for (const seed of SEEDS) expect(findingOf(titled(seed, "Automation", [jitter(5, 20)]), "hr").verdict).toBe("likely-bot");
  });
  // Close call: the same account with a team's title is a person's team account as far as the data shows.
  it("the control, titled \"Onboarding Coordinator\", is never `bot`", () => {
    expect(runsWith("bot", SEEDS, "hr", (s) => titled(s, "Onboarding Coordinator", [jitter(5, 20)]))).toEqual([]);
  });
});

describe("a punctual developer whose CLI work starts at 09:00 and after lunch at 13:30 every workday", () => {
  // Token calls in bursts at 09:00 and 13:30 (within 5 minutes) and two to four more at random office hours, weekdays only; IdP-synced with a full profile, the web UI used 60 days ago.
  function punctual(seed: number, extra: boolean): Snapshot {
    const r = lcg(seed);
    const events: Raw[] = [];
    for (let d = 30; d >= 1; d--) {
      const day = REF_MS - d * DAY;
      if (isWeekend(day)) continue;
      const starts = [9, 13.5].map((h) => day + h * HOUR + r() * 5 * MIN);
      if (extra) for (let k = 0, n = 2 + Math.floor(r() * 3); k < n; k++) starts.push(day + (10 + r() * 7) * HOUR);
      for (const t of starts) for (let i = 0; i < 4; i++) events.push(tokenCall("p", Math.floor(t + i * (2 + r() * 6) * MIN), "tk", OFFICE, "jira-cli/1.5.1"));
    }
    const u = account("p", { name: "Maya Fischer", email: "maya.fischer@acme.com", ...lastUi(60) });
    return snap("punctual-cli", [u, ...colleagues()], events, [token("tk", "p", REF_MS - DAY, "jira-cli")]);
  }
  // Its other sessions in the day are no timetable's: the two fixed half-hours hold only part of its bursts.
  it("keeps no timetable and is never `bot`", () => {
    for (const seed of SEEDS) {
      const f = findingOf(punctual(seed, true), "p");
      expect(f.verdict, explain(f)).not.toBe("bot");
      expect(f.signals.map((s) => s.id), explain(f)).not.toContain("activity-schedule");
    }
  });
});

describe("a QA robot on a titled, IdP-synced account with 2SV recorded, signing in seven times a workday", () => {
  // `qa-automation@`, title "Technical User", synced, 2SV on; seven browser sign-ins at random times of a workday 09:00-16:00 from the office, each with an email code (the 2SV state is stale) and three steps.
  function qa(seed: number): Snapshot {
    const r = lcg(seed);
    const events: Raw[] = [];
    for (let d = 30; d >= 1; d--) {
      const day = REF_MS - d * DAY;
      if (isWeekend(day)) continue;
      for (let k = 0; k < 7; k++) {
        const t = Math.floor(day + (9 + r() * 7) * HOUR);
        events.push(ev("q", t, { ip: OFFICE, userAgent: BROWSER }), ev("q", t + 20_000, { action: "email_otp_sent", ip: OFFICE, userAgent: BROWSER }));
        for (let i = 1; i <= 3; i++) events.push(ev("q", t + i * 60_000, { action: "issue_created", ip: OFFICE, userAgent: BROWSER }));
      }
    }
    const u = account("q", { name: "QA Automation", email: "qa-automation@acme.com", managementSource: "synced", mfaEnabled: true, jobTitle: "Technical User", department: "QA", ...lastUi(1) });
    return snap("qa-robot-2sv", [u, ...colleagues()], events, []);
  }
  // Its name leads with a bot word and its title says no person's; seven email codes a day are more than a person answers.
  it("is reviewed at least", () => {
    expect(runsWith("human", SEEDS, "q", qa)).toEqual([]);
  });
});

describe("a CI server's account that signs in to the web UI, its email codes lost from the log", () => {
  // `bamboo-ci@`, IdP-synced with a department (a service's owner team), no 2SV; two or three browser sign-ins a workday at office hours, each with a look at a build page or four; the log kept no email codes.
  function ci(seed: number, user: Raw): Snapshot {
    const r = lcg(seed);
    const events: Raw[] = [];
    for (let d = 30; d >= 1; d--) {
      const day = REF_MS - d * DAY;
      if (isWeekend(day)) continue;
      for (let k = 0, n = 2 + Math.floor(r() * 2); k < n; k++) {
        const t = Math.floor(day + (8 + r() * 9) * HOUR);
        events.push(ev("c", t, { ip: OFFICE, userAgent: BROWSER }));
        for (let i = 0, m = 1 + Math.floor(r() * 4); i < m; i++) events.push(ev("c", Math.floor(t + (1 + r() * 25) * MIN), { action: "issue_viewed", ip: OFFICE, userAgent: BROWSER }));
      }
    }
    const u = account("c", { managementSource: "synced", mfaEnabled: false, jobTitle: null, department: "Engineering", ...lastUi(1), ...user });
    return snap("ci-ui-login", [u, ...colleagues()], events, []);
  }
  // Its mailbox leads with `bamboo`: each of its sign-ins waits for an email code now, and it is reviewed.
  it("named from its mailbox's first word, is reviewed", () => {
    for (const seed of SEEDS) expect(findingOf(ci(seed, { name: "Bamboo CI", email: "bamboo-ci@acme.com" }), "c").verdict).toBe("likely-bot");
  });
  // A person whose given name is a bot-like word ("Ci Wang", `cwang@`, nickname Ci) signs in the same way: not reviewed for it.
  it("a person whose given name is a bot-like word is not reviewed for a name like automation's", () => {
    for (const seed of SEEDS) {
      const f = findingOf(ci(seed, { name: "Ci Wang", email: "cwang@acme.com", nickname: "Ci", jobTitle: "Team Lead" }), "c");
      expect(f.signals.map((s) => s.id)).not.toContain("automation-identity");
    }
  });
});
