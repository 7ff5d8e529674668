// A contractor whose IDE polls Jira while the laptop is open and who has not opened the web UI for
// months, beside a poller started by a clock; a nightly build on an account its owner also signs
// in to; and a new integration whose admin signed in to it on two days while setting it up. Each
// test asserts the verdict over several runs.
import { describe, expect, it } from "vitest";
import type { Snapshot } from "../snapshot/schema.js";
import { account, BROWSER, CLOUD, DAY, EMPTY, ev, HOUR, ideDays, integrationSetup, isWeekend, iso, lcg, MIN, OFFICE, REF_MS, runsWith, snap, token, tokenCall, type Raw } from "../../../test/helpers/people-audit.js";

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
    const events = ideDays(lcg(seed), "d", 30);
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
  // A job on a timer every 10 minutes from 08:00 sharp to 18:00 on weekdays, on an account never
  // used in the UI, named like a person: its day starts at the clock's minute, not when a laptop opens.
  it("the control, a business-hours poller started by a clock on an account never used in the UI, is still `bot`", () => {
    const build = (seed: number): Snapshot => {
      const r = lcg(seed);
      const events: Raw[] = [];
      for (let d = 30; d >= 1; d--) {
        const day = REF_MS - d * DAY;
        if (isWeekend(day)) continue;
        for (let t = day + 8 * HOUR; t < day + 18 * HOUR; t += 10 * MIN) events.push(tokenCall("d", Math.floor(t + r() * 20_000), "ide", CLOUD, "python-requests/2.31"));
      }
      const u = account("d", { name: "Tomasz Wójcik", email: "tomasz.wojcik@partner.example", ...INVITED, ...lastUi(null) });
      return snap("clock-poller", [u, ...colleagues()], events, [token("ide", "d", REF_MS - DAY, "sync")]);
    };
    expect(runsWith("likely-bot", SEEDS, "d", build).concat(runsWith("human", SEEDS, "d", build))).toEqual([]);
  });
  // Under `departedDays` the working-week hold keeps the same contractor at review.
  it("the control, an invited contractor who used the web UI 60 days ago, is reviewed, never `bot` (close call)", () => {
    expect(runsWith("bot", SEEDS, "d", (s) => ide(s, INVITED, 60))).toEqual([]);
  });
});

describe("a nightly build whose start wanders with the CI queue, on an account its owner also signs in to", () => {
  // On-prem Jenkins (office addresses), `H 2 * * *`: the build starts 5-45 minutes after 02:00
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

  // Builds on weekends too: `every-day` and the schedule raise it to review.
  it("the control, the same build every night of the week, is not `human` (close call)", () => {
    expect(runsWith("human", SEEDS, "j", (s) => nightly(s, {}, true))).toEqual([]);
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
    const events = integrationSetup(r, "w", addedDays, [addedDays, secondVisit]);
    const u = account("w", { name: "Slack Bridge", email: "slack.bridge@acme.com", addedToOrg: iso(added), ...user, ...lastUi(secondVisit) });
    return snap("new-bridge", [u, ...colleagues()], events, [{ ...token("tk", "w", REF_MS - DAY), createdAt: iso(added + HOUR) }]);
  }

  // The vendor's integration invited by an admin who configured it over two visits.
  it("the bridge on an invited account with no profile is not `human`", () => {
    expect(runsWith("human", SEEDS, "w", (s) => bridge(s, INVITED))).toEqual([]);
  });
});
