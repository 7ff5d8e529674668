// A contractor whose IDE polls Jira while the laptop is open and who has not opened the web UI for
// months; and bots that keep a person's hours or leave a person's traces: a weekday nightly build
// whose start wanders with the CI queue, a job every two hours in business hours and a poller
// every 90 minutes, each on an account whose owner signs in by hand now and then, and a new
// integration whose admin signed in to it on two days while setting it up; and a browser robot
// started at the same minute each workday that works a queue until the evening. Each test asserts
// the verdict over several runs.
import { describe, expect, it } from "vitest";
import type { Snapshot } from "../snapshot/schema.js";
import { account, BROWSER, CLOUD, DAY, EMPTY, ev, HOUR, isWeekend, iso, lcg, MIN, OFFICE, REF_MS, runsWith, snap, token, tokenCall, type Raw } from "../../../test/helpers/people-audit.js";

const SEEDS = [1, 2, 3, 4, 5, 6, 7, 8] as const;
const INVITED = { managementSource: "invited", ...EMPTY };
const lastUi = (daysAgo: number | null): Raw => ({ productAccess: [{ key: "jira-software", id: "ari:jira", lastActiveTimestamp: daysAgo === null ? null : iso(REF_MS - daysAgo * DAY) }] });
/** Colleagues used in the UI yesterday, so that the source is seen to record UI use. */
const colleagues = (): Raw[] => Array.from({ length: 10 }, (_, i) => account(`col${i}`, { name: `Colleague ${i}` }));

/** The owner of a script's account signs in by hand on `days` workdays (09:00-16:00) and views a few issues. */
function ownerVisits(r: () => number, id: string, days: number): Raw[] {
  const out: Raw[] = [];
  for (let k = 0; k < days; k++) {
    const day = REF_MS - (2 + Math.floor(r() * 26)) * DAY;
    if (isWeekend(day)) continue;
    const t = day + (9 + r() * 7) * HOUR;
    out.push(ev(id, Math.floor(t), { ip: OFFICE, userAgent: BROWSER }));
    for (let i = 1; i < 4; i++) out.push(ev(id, Math.floor(t + i * (2 + r() * 5) * MIN), { action: "issue_viewed", ip: OFFICE, userAgent: BROWSER }));
  }
  return out;
}

describe("a contractor whose IDE polls Jira while the laptop is open, who has not opened the web UI for months", () => {
  // The IDE's Jira plugin polls every 10 minutes (plus a few seconds) with one token while the
  // laptop is open, from 08:00-09:30 to 17:00-18:30 on weekdays, one poll in ten lost; the
  // contractor's CLI calls with another token come every 20-110 minutes; a day off in twenty.
  // No sign-in: everything goes through the tokens, and the web UI was last used long ago.
  function ide(seed: number, user: Raw, lastUiDays: number | null): Snapshot {
    const r = lcg(seed);
    const events: Raw[] = [];
    for (let d = 30; d >= 1; d--) {
      const day = REF_MS - d * DAY;
      if (isWeekend(day) || r() < 0.05) continue;
      const start = day + (8 + r() * 1.5) * HOUR;
      const end = day + (17 + r() * 1.5) * HOUR;
      for (let t = start; t < end; t += 10 * MIN + Math.floor(r() * 20) * 1000) {
        if (r() < 0.1) continue;
        events.push(tokenCall("d", Math.floor(t), "ide", OFFICE, "IntelliJ-Jira/2024.2"));
      }
      for (let t = start + 20 * MIN; t < end; t += (20 + r() * 90) * MIN) events.push(tokenCall("d", Math.floor(t), "cli", OFFICE));
    }
    const u = account("d", { name: "Tomasz Wójcik", email: "tomasz.wojcik@partner.example", ...user, ...lastUi(lastUiDays) });
    return snap("ide-no-web-ui", [u, ...colleagues()], events, [token("ide", "d", REF_MS - DAY, "intellij"), token("cli", "d", REF_MS - DAY)]);
  }

  // A partner's developer who has worked only from IntelliJ and a CLI since the summer.
  it("an invited contractor (no profile) who last used the web UI 120 days ago is not `bot`", () => {
    expect(runsWith("bot", SEEDS, "d", (s) => ide(s, INVITED, 120))).toEqual([]);
  });
  // A contractor onboarded straight into the IDE plugin, never opening Jira in a browser.
  it("an invited contractor who never used the web UI is not `bot`", () => {
    expect(runsWith("bot", SEEDS, "d", (s) => ide(s, INVITED, null))).toEqual([]);
  });
  // The same contractor, who set up 2SV when invited (a script cannot answer it).
  it("an invited contractor with two-step verification on is not `bot`", () => {
    expect(runsWith("bot", SEEDS, "d", (s) => ide(s, { ...INVITED, mfaEnabled: true }, 120))).toEqual([]);
  });
  // An employee with title and department on a source that writes null for the IdP.
  it("an employee with a full profile on a source that says no IdP manages the account (null) is not `bot`", () => {
    expect(runsWith("bot", SEEDS, "d", (s) => ide(s, { managementSource: null }, 120))).toEqual([]);
  });
  // Under `departedDays` the working-week hold keeps the same contractor at review.
  it("the control, an invited contractor who used the web UI 60 days ago, is reviewed, never `bot` (close call)", () => {
    expect(runsWith("bot", SEEDS, "d", (s) => ide(s, INVITED, 60))).toEqual([]);
  });
});

describe("a weekday nightly build whose start wanders with the CI queue, on an account its owner also signs in to", () => {
  // On-prem Jenkins (office addresses), `H 2 * * 1-5`: the build starts 5-45 minutes after 02:00
  // as the queue allows and posts 4-15 build results to Jira issues through the account's token
  // over the next half hour or so. The developer who set it up signs in by hand on a few workdays
  // to check its issues. The account has a person's name: John Build.
  function nightly(seed: number, user: Raw, weekends = false): Snapshot {
    const r = lcg(seed);
    const events: Raw[] = [];
    for (let d = 30; d >= 1; d--) {
      const day = REF_MS - d * DAY;
      if (!weekends && isWeekend(day)) continue;
      let t = day + 2 * HOUR + Math.floor((5 + r() * 40) * MIN);
      const n = 4 + Math.floor(r() * 12);
      for (let i = 0; i < n; i++) {
        events.push(tokenCall("j", Math.floor(t), "tk", OFFICE, BROWSER));
        t += (0.2 + r() * 6) * MIN;
      }
    }
    events.push(...ownerVisits(r, "j", 3 + Math.floor(r() * 4)));
    const u = account("j", { name: "John Build", email: "john.build@acme.com", ...user, ...lastUi(2) });
    return snap("nightly-build", [u, ...colleagues()], events, [token("tk", "j", REF_MS - DAY)]);
  }

  // A build account created in the directory with a person-like name and the team's profile.
  it("the build on an IdP-synced account with a full profile is not `human`", () => {
    expect(runsWith("human", SEEDS, "j", (s) => nightly(s, {}))).toEqual([]);
  });
  // The same build account invited by hand, no profile.
  it("the build on an invited account with no profile is not `human`", () => {
    expect(runsWith("human", SEEDS, "j", (s) => nightly(s, INVITED))).toEqual([]);
  });
  // Builds on weekends too: `every-day` and the schedule raise it to review.
  it("the control, the same build every night of the week, is not `human` (close call)", () => {
    expect(runsWith("human", SEEDS, "j", (s) => nightly(s, {}, true))).toEqual([]);
  });
});

describe("a timer slower than an hour that runs in business hours only, on an account its owner also signs in to", () => {
  // A job every two hours from 08:00 to 18:00 on weekdays with a random start delay of 1-10
  // minutes (`0 8-18/2 * * 1-5` with a delay), 3-8 token calls a run, from an on-prem server
  // (office addresses) whose HTTP client sends a desktop Chrome user agent; the developer who
  // owns it signs in by hand on a few workdays.
  function everyTwoHours(seed: number, user: Raw, tokenId: string | undefined = "tk", userAgent = BROWSER): Snapshot {
    const r = lcg(seed);
    const events: Raw[] = [];
    for (let d = 30; d >= 1; d--) {
      const day = REF_MS - d * DAY;
      if (isWeekend(day)) continue;
      for (let h = 8; h <= 18; h += 2) {
        const t0 = day + h * HOUR + Math.floor((1 + r() * 9) * MIN);
        const calls = 3 + Math.floor(r() * 6);
        for (let c = 0; c < calls; c++) events.push(tokenCall("b", t0 + c * (5 + Math.floor(r() * 20)) * 1000, tokenId, OFFICE, userAgent));
      }
    }
    events.push(...ownerVisits(r, "b", 3 + Math.floor(r() * 4)));
    const u = account("b", { name: "John Build", email: "john.build@acme.com", ...user, ...lastUi(2) });
    return snap("two-hourly", [u, ...colleagues()], events, [token("tk", "b", REF_MS - DAY)]);
  }

  // A poller on an office server every 90 minutes from 07:00 to 19:00 on weekdays; one poll in
  // seven fails and is retried after 30 s, then 60 s, then 120 s. The log names no token.
  function poller(seed: number, user: Raw): Snapshot {
    const r = lcg(seed);
    const events: Raw[] = [];
    for (let d = 30; d >= 1; d--) {
      const day = REF_MS - d * DAY;
      if (isWeekend(day)) continue;
      for (let t = day + 7 * HOUR + Math.floor(r() * 60) * 1000; t < day + 19 * HOUR; t += 90 * MIN) {
        let u = t + Math.floor(r() * 5000);
        events.push(tokenCall("p", u, undefined, OFFICE, BROWSER));
        if (r() < 0.15) {
          for (const backoff of [30, 60, 120]) {
            u += backoff * 1000;
            events.push(tokenCall("p", u, undefined, OFFICE, BROWSER));
            if (r() < 0.5) break;
          }
        }
      }
    }
    events.push(...ownerVisits(r, "p", 3 + Math.floor(r() * 4)));
    const u = account("p", { name: "Kate Report", email: "kate.report@acme.com", ...user, ...lastUi(2) });
    return snap("poller-90", [u, ...colleagues()], events, [token("tk", "p", REF_MS - DAY)]);
  }

  // A sync job on a directory account with a person-like name.
  it("the two-hourly job on an IdP-synced account with a full profile is not `human`", () => {
    expect(runsWith("human", SEEDS, "b", (s) => everyTwoHours(s, {}))).toEqual([]);
  });
  // Even the CI server's own user agent and an empty invited profile do not raise it.
  it("the two-hourly job on an invited account with no profile and Jenkins' user agent is not `human`", () => {
    expect(runsWith("human", SEEDS, "b", (s) => everyTwoHours(s, INVITED, "tk", "Jenkins/2.440"))).toEqual([]);
  });
  // A hand export that drops `tokenId` but keeps the API-token auth type.
  it("the two-hourly job whose calls the log does not attribute to a token is not `human`", () => {
    expect(runsWith("human", SEEDS, "b", (s) => everyTwoHours(s, INVITED, undefined))).toEqual([]);
  });
  // A ticket-import poller on an office server, beat slower than the 65-minute cadence limit.
  it("the 90-minute poller with retries, on an invited account, is not `human`", () => {
    expect(runsWith("human", SEEDS, "p", (s) => poller(s, INVITED))).toEqual([]);
  });
  // The same poller on a directory account with a profile.
  it("the 90-minute poller on an IdP-synced account with a full profile is not `human`", () => {
    expect(runsWith("human", SEEDS, "p", (s) => poller(s, {}))).toEqual([]);
  });
});

describe("a new integration whose admin signed in to it on two days while setting it up", () => {
  // A Slack-to-Jira bridge added 10-16 days ago: the admin signs in to it on the day it is added
  // and again 2-5 days later to fix its settings, viewing a few issues each time; since then the
  // bridge acts through its token from its vendor's cloud (an HTTP library's user agent) whenever
  // people post in Slack: every 1-40 minutes from 07:30-08:30 to 17:00-19:00 on weekdays.
  function bridge(seed: number, user: Raw): Snapshot {
    const r = lcg(seed);
    const addedDays = 10 + Math.floor(r() * 7);
    const secondVisit = addedDays - 2 - Math.floor(r() * 4);
    const added = REF_MS - addedDays * DAY + 9 * HOUR;
    const events: Raw[] = [];
    for (const daysAgo of [addedDays, secondVisit]) {
      const t = REF_MS - daysAgo * DAY + (daysAgo === addedDays ? 9.5 : 10 + r() * 5) * HOUR;
      events.push(ev("w", Math.floor(t), { ip: OFFICE, userAgent: BROWSER }));
      for (let i = 1; i < 5; i++) events.push(ev("w", Math.floor(t + i * 3 * MIN), { action: "issue_viewed", ip: OFFICE, userAgent: BROWSER }));
    }
    for (let d = addedDays - 1; d >= 1; d--) {
      const day = REF_MS - d * DAY;
      if (isWeekend(day)) continue;
      const end = day + (17 + r() * 2) * HOUR;
      for (let t = day + (7.5 + r()) * HOUR; t < end; t += (1 + r() * 40) * MIN) events.push(tokenCall("w", Math.floor(t), "tk", CLOUD, "Apache-HttpClient/4.5.14 (Java/17)"));
    }
    const u = account("w", { name: "Slack Bridge", email: "slack.bridge@acme.com", addedToOrg: iso(added), ...user, ...lastUi(secondVisit) });
    return snap("new-bridge", [u, ...colleagues()], events, [{ ...token("tk", "w", REF_MS - DAY), createdAt: iso(added + HOUR) }]);
  }

  // The vendor's integration invited by an admin who configured it over two visits.
  it("the bridge on an invited account with no profile is not `human`", () => {
    expect(runsWith("human", SEEDS, "w", (s) => bridge(s, INVITED))).toEqual([]);
  });
  // The same bridge on an account created in the directory for it.
  it("the bridge on an IdP-synced account with no profile is not `human`", () => {
    expect(runsWith("human", SEEDS, "w", (s) => bridge(s, EMPTY))).toEqual([]);
  });
});

describe("a browser robot started at the same minute each workday that works a queue until the evening", () => {
  // An unattended RPA robot in a real Chrome, started by its orchestrator's trigger: it signs in
  // within 40 seconds of 07:00 (or 08:30) each workday, with an email code where the org asks for
  // one, then works queue items of 2-15 minutes each without a break until 17:00.
  function robot(seed: number, user: Raw, ip: string, otp: boolean, startMinute: number): Snapshot {
    const r = lcg(seed);
    const events: Raw[] = [];
    for (let d = 30; d >= 1; d--) {
      const day = REF_MS - d * DAY;
      if (isWeekend(day)) continue;
      const t = day + startMinute * MIN + Math.floor(r() * 40) * 1000;
      if (otp) events.push(ev("r", t - 15_000, { action: "email_otp_sent", ip, userAgent: BROWSER }));
      events.push(ev("r", t, { ip, userAgent: BROWSER }));
      for (let u = t + 2 * MIN; u < day + 17 * HOUR; u += (2 + r() * 13) * MIN) events.push(ev("r", Math.floor(u), { action: "issue_updated", ip, userAgent: BROWSER }));
    }
    return snap("all-day-rpa", [account("r", { ...user, ...lastUi(1) }), ...colleagues()], events);
  }

  // A claims robot on a cloud desktop, invited under a person's name, no email code (2SV exempt by policy).
  it("an invited robot on a cloud desktop, started at 08:30, is not `human`", () => {
    expect(runsWith("human", SEEDS, "r", (s) => robot(s, { name: "Anna Kowalska", email: "anna.kowalska@acme.com", ...INVITED }, CLOUD, false, 8 * 60 + 30))).toEqual([]);
  });
  // The robot's account created in the directory with a person's name and profile, on an office VM.
  it("an IdP-synced robot with a full profile on an office VM, started at 07:00 with an email code, is not `human`", () => {
    expect(runsWith("human", SEEDS, "r", (s) => robot(s, { name: "Anna Kowalska", email: "anna.kowalska@acme.com" }, OFFICE, true, 7 * 60))).toEqual([]);
  });
});
