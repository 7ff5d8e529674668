// People the audit could call `bot` at the edges of its holds: a consultant whose IDE polls Jira
// while travelling, a developer whose IDE is open on some weekends (on an invited account, or on
// a source that records neither the IdP nor 2SV), an engineer whose IDE polls through night-shift
// and day-shift weeks, a call-centre agent on a seven-day rota who updates a ticket every few
// minutes, an engineer always on call whose profile is only partly recorded, and a contractor on
// leave with only a few days of sign-ins in the log while a teammate's script uses the token.
// Each test runs several instances with jitter and asserts the verdict.
import { describe, expect, it } from "vitest";
import type { Snapshot } from "../snapshot/schema.js";
import { account, alwaysOnCallEvents, BROWSER, CLOUD, DAY, dayOfWeek, EMPTY, ev, HOUR, ideAtHomeEvents, iso, isWeekend, lcg, MIN, OFFICE, REF_MS, runsWith, snap, token, tokenCall, type Raw } from "../../../test/helpers/people-audit.js";

const INVITED = { managementSource: "invited", ...EMPTY };
/** A source that records neither who the IdP manages nor whether 2SV is on (the profile is full). */
const SILENT = { managementSource: undefined, mfaEnabled: undefined };
const lastUi = (daysAgo: number | null): Raw => ({ productAccess: [{ key: "jira-software", id: "ari:jira", lastActiveTimestamp: daysAgo === null ? null : iso(REF_MS - daysAgo * DAY) }] });
const HOME = "203.0.113.40";
const ANDROID = "Jira/5.14.0 (Android 14; Pixel 8)";
const SEEDS = [1, 2, 3, 4, 5, 6, 7, 8];
const MORE_SEEDS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16];

/** A developer at an IDE that polls while the laptop is open (`ideAtHomeEvents`), with no web UI for two months. */
function ideAtHome(seed: number, user: Raw, weekendShare: number): Snapshot {
  const events = ideAtHomeEvents(lcg(seed), weekendShare);
  return snap(`ide-weekends-${seed}`, [account("dev", { ...lastUi(60), ...user })], events, [token("ide", "dev", REF_MS - DAY, "intellij")]);
}

describe("a consultant whose IDE polls Jira while they travel", () => {
  // A consultant spends the five weeks in a row of client cities (UTC offsets `offsets`, equal
  // stretches), signs in from the hotel each workday at 08:30-09:10 local time and keeps the IDE
  // open until 18:00-19:00, polling every 10 minutes with a personal token. No web UI for 45 days.
  function consultant(seed: number, user: Raw, offsets: readonly number[]): Snapshot {
    const r = lcg(seed);
    const events: Raw[] = [];
    for (let d = 35; d >= 1; d--) {
      const day = REF_MS - d * DAY;
      const leg = Math.min(offsets.length - 1, Math.floor((35 - d) / (35 / offsets.length)));
      const local = day - offsets[leg]! * HOUR;
      if (isWeekend(day) || r() < 0.05) continue;
      const ip = `198.51.100.${10 + leg}`;
      const from = local + (8.5 * 60 + Math.floor(r() * 40)) * MIN;
      const to = local + (18 * 60 + Math.floor(r() * 60)) * MIN;
      events.push(ev("c", from - 2 * MIN, { ip, userAgent: BROWSER }));
      for (let t = from; t < to; t += 10 * MIN + Math.floor(r() * 20) * 1000) events.push(tokenCall("c", t, "ide", ip, "IntelliJ IDEA/2024.3"));
    }
    return snap(`travelling-ide-${seed}`, [account("c", { name: "Lena Fischer", ...lastUi(45), ...user })], events, [token("ide", "c", REF_MS - DAY, "intellij")]);
  }

  // An invited consultant in San Francisco, London and Singapore for a bit over a week each.
  it("an invited consultant in San Francisco, London and Singapore is not `bot`", () => {
    expect(runsWith("bot", SEEDS, "c", (seed) => consultant(seed, INVITED, [-8, 0, 8]))).toEqual([]);
  });

  // Five client cities in five weeks (New York, Paris, Dubai, Singapore, Sydney).
  it("an invited consultant in five cities over five weeks is not `bot`", () => {
    expect(runsWith("bot", SEEDS, "c", (seed) => consultant(seed, INVITED, [-5, 1, 4, 8, 10]))).toEqual([]);
  });

  // An employee with a full profile on a source that records neither the IdP nor 2SV.
  it("an employee with a full profile, on a source that records neither the IdP nor 2SV, is not `bot`", () => {
    expect(runsWith("bot", SEEDS, "c", (seed) => consultant(seed, SILENT, [-8, 0, 8]))).toEqual([]);
  });

  // A close call that holds today: the same consultant synced from the IdP with a full profile.
  it("the control, an IdP-synced consultant with a full profile, is never `bot`", () => {
    expect(runsWith("bot", SEEDS, "c", (seed) => consultant(seed, {}, [-8, 0, 8]))).toEqual([]);
  });
});

describe("a developer whose IDE polls Jira, with the laptop open on some weekends", () => {
  // An invited contractor who opens the laptop for a few hours on about half of the weekend days.
  it("an invited contractor who opens it on half of the weekend days is not `bot`", () => {
    expect(runsWith("bot", SEEDS, "dev", (seed) => ideAtHome(seed, INVITED, 0.5))).toEqual([]);
  });

  // The engineer of the earlier case (every weekend) on a source that records neither the IdP
  // nor 2SV, where most people of the org lack both fields.
  it("an engineer with a full profile who opens it every weekend, on a source that records neither the IdP nor 2SV, is not `bot`", () => {
    expect(runsWith("bot", SEEDS, "dev", (seed) => ideAtHome(seed, SILENT, 1))).toEqual([]);
  });
});

describe("an operations engineer whose IDE polls Jira through night-shift and day-shift weeks", () => {
  // The IDE polls every 10 minutes (and a few seconds) through a personal token while the engineer
  // is on shift, Monday to Friday: 22:00-06:00 in night weeks, 08:00-17:00 in day weeks. No web
  // UI for two months. `nights(d)` says whether the shift starting d days ago is a night shift.
  function engineer(seed: number, user: Raw, nights: (d: number) => boolean): Snapshot {
    const r = lcg(seed);
    const events: Raw[] = [];
    for (let d = 35; d >= 1; d--) {
      const day = REF_MS - d * DAY;
      if (isWeekend(day)) continue;
      const [from, to] = nights(d) ? [22, 30] : [8, 17];
      const start = day + (from * 60 + Math.floor(r() * 40)) * MIN;
      const end = day + (to * 60 + Math.floor(r() * 60)) * MIN;
      for (let t = start; t < end; t += 10 * MIN + Math.floor(r() * 20) * 1000) events.push(tokenCall("ops", t, "ide", OFFICE, "IntelliJ IDEA/2024.3"));
    }
    return snap(`ide-shifts-${seed}`, [account("ops", { name: "Ravi Kumar", email: "ravi.kumar@acme.com", ...lastUi(60), ...user })], events, [token("ide", "ops", REF_MS - DAY, "intellij")]);
  }

  // An invited contractor: one week of nights at the start of the log, day shifts since.
  it("an invited contractor with one week of night shifts, then day shifts, is not `bot`", () => {
    expect(runsWith("bot", SEEDS, "ops", (seed) => engineer(seed, INVITED, (d) => d > 28))).toEqual([]);
  });

  // The same contractor alternating night weeks and day weeks.
  it("an invited contractor alternating night weeks and day weeks is not `bot`", () => {
    expect(runsWith("bot", SEEDS, "ops", (seed) => engineer(seed, INVITED, (d) => Math.floor(d / 7) % 2 === 0))).toEqual([]);
  });

  // A close call that holds today: an IdP-synced engineer with a full profile on the same rota.
  it("the control, an IdP-synced engineer with a full profile alternating weeks, is never `bot`", () => {
    expect(runsWith("bot", SEEDS, "ops", (seed) => engineer(seed, {}, (d) => Math.floor(d / 7) % 2 === 0))).toEqual([]);
  });
});

describe("a call-centre agent on a seven-day rota who updates a ticket every three minutes", () => {
  // An outsourced service-desk agent works five days in seven, the two days off moving through the
  // week every Monday, from a 07:00-07:15 sign-in for eight hours, working the queue in the web UI:
  // a ticket updated every 2.5-3.5 minutes. The source leaves the last UI use empty (null).
  function agent(seed: number, user: Raw): Snapshot {
    const r = lcg(seed);
    const events: Raw[] = [];
    let off = Math.floor(r() * 7);
    for (let d = 35; d >= 1; d--) {
      const day = REF_MS - d * DAY;
      const dow = dayOfWeek(day);
      if (dow === 1) off = (off + 2) % 7;
      if (dow === off || dow === (off + 1) % 7) continue;
      const start = day + (7 * 60 + Math.floor(r() * 15)) * MIN;
      events.push(ev("a", start, { ip: OFFICE, userAgent: BROWSER }));
      for (let t = start + 4 * MIN; t < start + 8 * HOUR; t += (2.5 + r()) * MIN) events.push(ev("a", Math.floor(t), { action: "issue_updated", ip: OFFICE, userAgent: BROWSER }));
    }
    return snap(`rota-agent-${seed}`, [account("a", { name: "Joy Santos", ...user })], events);
  }

  it("an invited agent (no profile) is not `bot`", () => {
    expect(runsWith("bot", SEEDS, "a", (seed) => agent(seed, { ...INVITED, ...lastUi(null) }))).toEqual([]);
  });

  it("an agent with a full profile, on a source that records neither the IdP nor 2SV, is not `bot`", () => {
    expect(runsWith("bot", SEEDS, "a", (seed) => agent(seed, { ...SILENT, ...lastUi(null) }))).toEqual([]);
  });

  // A close call that holds today: the source leaves out the last-active field (not null), so the
  // sign-ins stand for UI use.
  it("the control, an invited agent whose last UI use is not collected, is never `bot`", () => {
    expect(runsWith("bot", SEEDS, "a", (seed) => agent(seed, { ...INVITED, productAccess: [{ key: "jira-servicedesk", id: "ari:jsm" }] }))).toEqual([]);
  });
});

describe("a data-entry clerk keying invoices at a steady pace", () => {
  // An IdP-synced clerk with a full profile signs in at 08:00-08:20 each workday and keys invoices
  // in the web UI for eight hours (a half-hour lunch), each taking the day's pace (60-150 seconds,
  // depending on the batch) give or take 30%. A close call that holds today: at 20% either way the
  // clerk is reviewed (`activity-cadence` on the session's own beat raises the account).
  function clerk(seed: number): Snapshot {
    const r = lcg(seed);
    const events: Raw[] = [];
    for (let d = 35; d >= 1; d--) {
      const day = REF_MS - d * DAY;
      if (isWeekend(day) || r() < 0.05) continue;
      const start = day + (8 * 60 + Math.floor(r() * 20)) * MIN;
      events.push(ev("k", start, { ip: OFFICE, userAgent: BROWSER }));
      const pace = 60 + r() * 90;
      for (let t = start + 3 * MIN; t < start + 8 * HOUR; t += pace * 1000 * (0.7 + r() * 0.6)) {
        if (t > start + 4 * HOUR && t < start + 4.5 * HOUR) continue;
        events.push(ev("k", Math.floor(t), { action: "issue_created", ip: OFFICE, userAgent: BROWSER }));
      }
    }
    return snap(`clerk-${seed}`, [account("k", { name: "Ana Ribeiro", ...lastUi(1) })], events);
  }

  it("the control, a clerk whose pace varies by 30% either way, is `human`", () => {
    const build = (seed: number): Snapshot => clerk(seed);
    expect([...runsWith("bot", SEEDS, "k", build), ...runsWith("likely-bot", SEEDS, "k", build)]).toEqual([]);
  });
});

describe("an engineer always on call whose profile is only partly recorded", () => {
  // The engineer of the earlier case: works 08:00-19:00 on weekdays through a CLI after a browser
  // sign-in, paged one to three times a day at any hour, weekends included (a sign-in from the
  // phone and a few CLI calls from home). Web UI last used 40 days ago.
  function engineer(seed: number, user: Raw): Snapshot {
    return snap(`always-on-call-${seed}`, [account("sre", { name: "Tomas Lindqvist", ...lastUi(40), ...user })], alwaysOnCallEvents(seed, ANDROID, HOME), [token("tk", "sre", REF_MS - DAY)]);
  }

  // IdP-synced, but the IdP does not sync the department (many SCIM set-ups send the title only).
  it("an IdP-synced engineer whose department is not synced is never `bot`", () => {
    expect(runsWith("bot", MORE_SEEDS, "sre", (seed) => engineer(seed, { department: null }))).toEqual([]);
  });

  // A full profile on a source that records neither the IdP nor 2SV.
  it("an engineer with a full profile, on a source that records neither the IdP nor 2SV, is never `bot`", () => {
    expect(runsWith("bot", MORE_SEEDS, "sre", (seed) => engineer(seed, SILENT))).toEqual([]);
  });
});

describe("a contractor on leave whose token a teammate's script uses, with few days of sign-ins in the log", () => {
  // An invited contractor worked in the UI (and through a CLI) for `workDays` weekdays at the start
  // of a log of about five weeks, then went on leave 31 days ago; a teammate's script calls the API
  // with the contractor's token every hour from the team's cloud CI throughout. Migrating the
  // account would suspend the contractor's own login.
  function contractor(seed: number, workDays: number): Snapshot {
    const r = lcg(seed);
    const events: Raw[] = [];
    let worked = 0;
    let lastWork = 0;
    for (let d = 31 + workDays + 2; d >= 1; d--) {
      const day = REF_MS - d * DAY;
      if (d > 31 && !isWeekend(day) && worked < workDays) {
        worked++;
        const start = day + (8 * 60 + Math.floor(r() * 60)) * MIN;
        events.push(ev("p", start, { ip: OFFICE, userAgent: BROWSER }));
        for (let t = start + 5 * MIN; t < day + 17 * HOUR; t += (10 + Math.floor(r() * 50)) * MIN) {
          if (r() < 0.3) events.push(tokenCall("p", t));
          else {
            events.push(ev("p", t, { action: "issue_updated", ip: OFFICE, userAgent: BROWSER }));
            lastWork = t;
          }
        }
      }
      for (let h = 0; h < 24; h++) events.push(tokenCall("p", day + h * HOUR + Math.floor(r() * 90) * 1000, "tk", CLOUD, "python-requests/2.32"));
    }
    const ui = { productAccess: [{ key: "jira-software", id: "ari:jira", lastActiveTimestamp: iso(lastWork) }] };
    return snap(`leave-${workDays}-${seed}`, [account("p", { ...INVITED, ...ui })], events, [token("tk", "p", REF_MS - DAY)]);
  }

  it("with sign-ins on four days, the contractor is not `bot`", () => {
    expect(runsWith("bot", SEEDS, "p", (seed) => contractor(seed, 4))).toEqual([]);
  });

  it("with sign-ins on three days, the contractor is not `bot`", () => {
    expect(runsWith("bot", SEEDS, "p", (seed) => contractor(seed, 3))).toEqual([]);
  });
});
