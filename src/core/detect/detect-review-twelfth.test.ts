// People the audit could misread: an employee on leave whose calendar app keeps syncing through
// the employee's OAuth grant, an office manager whose mailbox is a role address and whose
// spreadsheet refreshes a report through a token, people who sign in from an Android app or
// through an SSO agent whose HTTP stack names the user agent, and a lead who opens one dashboard
// at 09:00 sharp; and a browser robot that runs once each workday evening. Each test asserts the
// verdict over several runs.
import { describe, expect, it } from "vitest";
import type { Snapshot } from "../snapshot/schema.js";
import { account, BROWSER, CLOUD, DAY, EMPTY, ev, HOUR, isWeekend, iso, lcg, MIN, OFFICE, REF_MS, runsWith, snap, token, tokenCall, type Raw } from "../../../test/helpers/people-audit.js";

const SEEDS = [1, 2, 3, 4, 5, 6, 7, 8] as const;
const INVITED = { managementSource: "invited", ...EMPTY };
const lastUi = (daysAgo: number | null): Raw => ({ productAccess: [{ key: "jira-software", id: "ari:jira", lastActiveTimestamp: daysAgo === null ? null : iso(REF_MS - daysAgo * DAY) }] });
const view = (id: string, ms: number, userAgent = BROWSER, ip = OFFICE): Raw => ev(id, ms, { action: "issue_viewed", ip, userAgent });
/** Colleagues used in the UI yesterday, so that the source is seen to record UI use. */
const colleagues = (): Raw[] => Array.from({ length: 10 }, (_, i) => account(`col${i}`, { name: `Colleague ${i}` }));

/**
 * A person's calendar app reads their issues every 15 minutes, day and night, from a cloud, through
 * the OAuth (3LO) grant the person gave it; the log names the grant's token. The person works in
 * the browser 08:30-18:00 on weekdays until `leaveDays` ago (the last UI use then), and is on leave
 * since.
 */
function calendarSync(seed: number, user: Raw, leaveDays: number): Snapshot {
  const r = lcg(seed);
  const events: Raw[] = [];
  for (let d = 30; d >= 1; d--) {
    const day = REF_MS - d * DAY;
    if (d > leaveDays && !isWeekend(day)) {
      const start = day + (8 * 60 + 30 + Math.floor(r() * 60)) * MIN;
      events.push(ev("p", start, { ip: OFFICE, userAgent: BROWSER }));
      const end = day + (17 * 60 + Math.floor(r() * 60)) * MIN;
      for (let t = start + 3 * MIN; t < end; t += (10 + Math.floor(r() * 60)) * MIN) events.push(view("p", t));
    }
    for (let t = day + Math.floor(r() * 15) * MIN; t < day + DAY; t += 15 * MIN + Math.floor(r() * 40) * 1000)
      events.push(ev("p", t, { action: "issue_search_performed", authType: "auth-token-for-3LO", tokenId: "oauth-cal", ip: "52.95.110.1", userAgent: "Mozilla/5.0 (compatible; CalendarSync/2.1)" }));
  }
  const lastUse = leaveDays >= 30 ? leaveDays + 1 : 1;
  return snap("calendar-sync", [account("p", { ...user, ...lastUi(lastUse) }), ...colleagues()], events);
}

describe("an employee on six weeks' leave whose calendar app syncs their issues through an OAuth grant", () => {
  // Parental leave: no sign-in in the 30-day log, the Jira UI last used 41 days ago; the calendar
  // app the employee connected keeps reading their issues. Suspending the account locks them out.
  it("a synced employee with a full profile and 2SV is never `bot`", () => {
    expect(runsWith("bot", SEEDS, "p", (s) => calendarSync(s, { mfaEnabled: true }, 40))).toEqual([]);
  });
  it("a synced employee with a full profile is never `bot`", () => {
    expect(runsWith("bot", SEEDS, "p", (s) => calendarSync(s, {}, 40))).toEqual([]);
  });
  it("an invited contractor is never `bot`", () => {
    expect(runsWith("bot", SEEDS, "p", (s) => calendarSync(s, INVITED, 40))).toEqual([]);
  });
});

describe("a person at work whose calendar app syncs their issues through an OAuth grant", () => {
  // The same app while its owner works in the browser every weekday: the grant's round-the-clock
  // reads are the app's timing, not the person's.
  it("a synced employee with a full profile is `human`", () => {
    expect(runsWith("likely-bot", SEEDS, "p", (s) => calendarSync(s, {}, 0))).toEqual([]);
  });
  it("an invited contractor is never `bot` (close call: held by the person's UI use)", () => {
    expect(runsWith("bot", SEEDS, "p", (s) => calendarSync(s, INVITED, 0))).toEqual([]);
  });
});

describe("the office manager of a small subsidiary, whose mailbox is a role address", () => {
  // info@ of a 12-person subsidiary, synced from its directory with the manager's name and title,
  // never used in the Jira UI: an Excel workbook refreshes a report through the manager's token
  // every 10 minutes while it is open, 08:00-17:00 on weekdays. No sign-in in the log.
  function manager(seed: number, email: string, lastUiDays: number | null): Snapshot {
    const r = lcg(seed);
    const events: Raw[] = [];
    for (let d = 30; d >= 1; d--) {
      const day = REF_MS - d * DAY;
      if (isWeekend(day) || r() < 0.1) continue;
      const from = day + (8 * 60 + Math.floor(r() * 45)) * MIN;
      const to = day + (16 * 60 + Math.floor(r() * 90)) * MIN;
      for (let t = from; t < to; t += 10 * MIN + Math.floor(r() * 30) * 1000) events.push(tokenCall("om", t, "tk", OFFICE, "Microsoft.Data.Mashup (https://go.microsoft.com/fwlink/?LinkID=304225)"));
    }
    const user = account("om", { name: "Anna Huber", email, jobTitle: "Office Manager", department: "Administration", ...lastUi(lastUiDays) });
    return snap("office-manager", [user, ...colleagues()], events, [token("tk", "om", REF_MS - DAY, "excel")]);
  }

  it("info@ is never `bot`", () => {
    expect(runsWith("bot", SEEDS, "om", (s) => manager(s, "info@acme-wien.at", null))).toEqual([]);
  });
  it("the control, office@ last used in the UI four months ago, is never `bot` (close call)", () => {
    expect(runsWith("bot", SEEDS, "om", (s) => manager(s, "office@acme-wien.at", 120))).toEqual([]);
  });
});

describe("a field engineer whose sign-ins carry an HTTP library's user agent", () => {
  // Signs in two to four times a workday between 07:00 and 21:00 (and on some weekend days) from
  // the phone, views a few issues after each; one workday sign-in in five is from a laptop's
  // browser. The Android app's HTTP stack (OkHttp) or the company's SSO agent (a Java client)
  // names the user agent of the phone's sign-ins.
  function engineer(seed: number, agent: string): Snapshot {
    const r = lcg(seed);
    const events: Raw[] = [];
    for (let d = 30; d >= 1; d--) {
      const day = REF_MS - d * DAY;
      if (isWeekend(day) && r() > 0.3) continue;
      const n = isWeekend(day) ? 1 : 2 + Math.floor(r() * 3);
      for (let k = 0; k < n; k++) {
        const at = day + (7 * 60 + Math.floor(r() * 14 * 60)) * MIN;
        const ua = !isWeekend(day) && k === 0 && r() < 0.2 ? BROWSER : agent;
        events.push(ev("fe", at, { ip: OFFICE, userAgent: ua }));
        const views = 1 + Math.floor(r() * 4);
        for (let i = 1; i <= views; i++) events.push(view("fe", at + (i * 2 + Math.floor(r() * 3)) * MIN, ua));
      }
    }
    return snap("field-engineer", [account("fe"), ...colleagues()], events);
  }

  it("a synced employee on the Android app (okhttp) is `human`", () => {
    expect(runsWith("likely-bot", SEEDS, "fe", (s) => engineer(s, "okhttp/4.12.0"))).toEqual([]);
  });
  it("a synced employee signed in through the SSO agent (Java) is `human`", () => {
    expect(runsWith("likely-bot", SEEDS, "fe", (s) => engineer(s, "Java/17.0.9"))).toEqual([]);
  });
});

describe("a lead who opens one dashboard at 09:00 sharp each workday", () => {
  // The laptop wakes on a schedule and the SSO extension signs the lead in as the browser restores
  // the dashboard tab: the sign-in lands between 09:00:00 and 09:02:30, then 2-6 issue views over
  // the next 15 minutes; one workday in ten the lead is off. Nothing else.
  function lead(seed: number, user: Raw): Snapshot {
    const r = lcg(seed);
    const events: Raw[] = [];
    for (let d = 30; d >= 1; d--) {
      const day = REF_MS - d * DAY;
      if (isWeekend(day) || r() < 0.1) continue;
      const at = day + 9 * HOUR + Math.floor(r() * 150) * 1000;
      events.push(ev("lead", at, { ip: OFFICE, userAgent: BROWSER }));
      const views = 2 + Math.floor(r() * 5);
      for (let i = 1; i <= views; i++) events.push(view("lead", at + Math.floor((1 + r() * 14) * MIN)));
    }
    return snap("punctual-lead", [account("lead", user), ...colleagues()], events);
  }

  it("a synced employee with a full profile is `human`", () => {
    expect(runsWith("likely-bot", SEEDS, "lead", (s) => lead(s, {}))).toEqual([]);
  });
  it("an invited consultant without a profile is never `bot` (close call)", () => {
    expect(runsWith("bot", SEEDS, "lead", (s) => lead(s, INVITED))).toEqual([]);
  });
});

describe("a browser robot that runs once each workday evening", () => {
  // An RPA robot in a real Chrome on a cloud desktop, on an invited account named for its process:
  // at 18:00 it signs in with an email code and transitions issues. `delay` is the scheduler's
  // random start delay in minutes; `items` the transitions, one every 3-5 minutes.
  function robot(seed: number, runs: readonly number[], delay: number, items: readonly [number, number]): Snapshot {
    const r = lcg(seed * 17);
    const events: Raw[] = [];
    for (let d = 60; d >= 1; d--) {
      const day = REF_MS - d * DAY;
      if (isWeekend(day)) continue;
      for (const at of runs) {
        const t = day + at + r() * delay * MIN;
        events.push(ev("rpa", t, { action: "email_otp_sent", ip: CLOUD, userAgent: BROWSER }));
        events.push(ev("rpa", t + 20_000, { ip: CLOUD, userAgent: BROWSER }));
        const n = items[0] + Math.floor(r() * (items[1] - items[0] + 1));
        for (let k = 0; k < n; k++) events.push(ev("rpa", t + (2 + k * 3 + r() * 2) * MIN, { action: "issue_transitioned", ip: CLOUD, userAgent: BROWSER }));
      }
    }
    return snap(`rpa-${seed}`, [account("rpa", { name: "AP Processing", email: "ap-processing@acme.com", ...INVITED, ...lastUi(1) }), ...colleagues()], events);
  }

  it("the control, two short runs at 18:00 and 18:15 within a minute, is not `human`", () => {
    expect(runsWith("human", SEEDS, "rpa", (s) => robot(s, [18 * HOUR, 18 * HOUR + 15 * MIN], 1, [3, 3]))).toEqual([]);
  });
});

describe("a team's account worked in turns from offices in three time zones", () => {
  // "Finance AP Team" <finance-ap@> (no role word the audit knows): staff in Singapore, Dublin
  // and New York each sign in at 08:30-09:30 local on weekdays from their office, answer the email
  // code, and work the queue for seven hours, signing in again when the session ends: activity
  // and sign-ins at nearly every hour of the day.
  function team(seed: number): Snapshot {
    const r = lcg(seed * 7);
    const events: Raw[] = [];
    const offices: [number, string][] = [[8, "203.0.113.8"], [0, "81.2.69.160"], [-5, "198.51.100.5"]];
    for (let d = 40; d >= 1; d--) {
      const day = REF_MS - d * DAY;
      if (isWeekend(day)) continue;
      for (const [zone, ip] of offices) {
        const start = day - zone * HOUR + (8.5 + r()) * HOUR;
        events.push(ev("t", start, { ip, userAgent: BROWSER }));
        events.push(ev("t", start + 20_000, { action: "user_email_otp_challenge", ip, userAgent: BROWSER }));
        for (let t = start + 5 * MIN; t < start + 7 * HOUR; t += (8 + r() * 40) * MIN) events.push(ev("t", t, { action: "comment_created", ip, userAgent: BROWSER }));
        // The session ends once or twice a shift: another sign-in and code at any hour of it.
        for (let k = 0; k < 2; k++) {
          const again = start + (1 + r() * 6) * HOUR;
          events.push(ev("t", again, { ip, userAgent: BROWSER }));
          events.push(ev("t", again + 20_000, { action: "user_email_otp_challenge", ip, userAgent: BROWSER }));
        }
      }
    }
    return snap(`team-turns-${seed}`, [account("t", { name: "Finance AP Team", email: "finance-ap@acme.com", managementSource: "invited", jobTitle: null, department: null, picture: null, productAccess: [{ key: "jira-servicedesk", id: "ari:jsm" }] })], events);
  }

  // The source does not collect last-active times: the sign-ins stand for the UI use.
  it("is reviewed, never `bot`", () => {
    expect(runsWith("bot", [1, 2, 3, 4, 5, 6], "t", team)).toEqual([]);
  });
});
