// People the audit could call `bot` in situations of a large org: a person whose browser signs
// them in again on a timer while it is open, and a consultant who works from a new time zone
// every week or so. Each test runs several instances with jitter and asserts the verdict.
import { describe, expect, it } from "vitest";
import type { Snapshot } from "../snapshot/schema.js";
import { account, BROWSER, DAY, dayOfWeek, EMPTY, ev, runsWith, HOUR, iso, lcg, MIN, OFFICE, REF_MS, snap, type Raw } from "../../../test/helpers/people-audit.js";

const INVITED = { managementSource: "invited", ...EMPTY };
const lastUi = (daysAgo: number, key = "jira-software"): Raw => ({ productAccess: [{ key, id: `ari:${key}`, lastActiveTimestamp: iso(REF_MS - daysAgo * DAY) }] });
const isWeekendDay = (ms: number): boolean => [0, 6].includes(dayOfWeek(ms));
const SEEDS = [1, 2, 3, 4, 5, 6, 7, 8];

describe("a person whose browser signs them in again on a timer while it is open", () => {
  // A single-sign-on keep-alive (a browser extension of the identity provider, or a password
  // manager that re-submits the login form) renews the Atlassian session every `every` minutes,
  // to within 20 seconds, from when the laptop opens (08:30-09:30) until it closes (17:00-18:30)
  // on working days. The person works in the UI in between: an update or a comment every 4 to 54
  // minutes. Each renewal is logged as a sign-in.
  function keepAlive(seed: number, every: number, user: Raw, weekends = false): Snapshot {
    const r = lcg(seed);
    const events: Raw[] = [];
    for (let d = 35; d >= 1; d--) {
      const day = REF_MS - d * DAY;
      if ((!weekends && isWeekendDay(day)) || r() < 0.06) continue;
      const open = day + 8.5 * HOUR + r() * 60 * MIN;
      const close = day + 17 * HOUR + r() * 90 * MIN;
      for (let t = open; t < close; t += every * MIN + Math.floor(r() * 20_000)) events.push(ev("x", Math.floor(t), { ip: OFFICE, userAgent: BROWSER }));
      for (let t = open + 5 * MIN; t < close; t += (4 + r() * 50) * MIN) events.push(ev("x", Math.floor(t), { action: r() < 0.5 ? "issue_updated" : "comment_created", ip: OFFICE, userAgent: BROWSER }));
    }
    return snap(`keep-alive-${every}-${seed}`, [account("x", { name: "Lena Fischer", ...lastUi(1), ...user })], events);
  }

  // An invited contractor (no profile) whose IdP extension renews the session every 15 minutes.
  it("an invited contractor renewed every 15 minutes is not `bot`", () => {
    expect(runsWith("bot", SEEDS, "x", (seed) => keepAlive(seed, 15, INVITED))).toEqual([]);
  });

  it("an invited contractor renewed every 10 minutes is not `bot`", () => {
    expect(runsWith("bot", SEEDS, "x", (seed) => keepAlive(seed, 10, INVITED))).toEqual([]);
  });

  it("an invited contractor renewed every 20 minutes is not `bot`", () => {
    expect(runsWith("bot", SEEDS, "x", (seed) => keepAlive(seed, 20, INVITED))).toEqual([]);
  });

  // The same contractor who also opens the laptop at weekends.
  it("an invited contractor renewed every 15 minutes, weekends included, is not `bot`", () => {
    expect(runsWith("bot", SEEDS, "x", (seed) => keepAlive(seed, 15, INVITED, true))).toEqual([]);
  });

  // An employee with a full profile on a source that does not say whether the IdP manages the account.
  it("an employee with a full profile renewed every 10 minutes, on a source that does not say who the IdP manages, is not `bot`", () => {
    expect(runsWith("bot", SEEDS, "x", (seed) => keepAlive(seed, 10, { managementSource: null }))).toEqual([]);
  });

  // A close call that holds today: at 30 minutes, half the work falls over 15 minutes after the
  // last renewal, so the UI use still counts as the person's.
  it("the control, an invited contractor renewed every 30 minutes, is never `bot`", () => {
    expect(runsWith("bot", SEEDS, "x", (seed) => keepAlive(seed, 30, INVITED))).toEqual([]);
  });
});

describe("a consultant who works from a new time zone every few days", () => {
  // A consultant (or a sales lead) flies between clients: `zones` are the UTC offsets of the
  // cities, `stay` days in each. Each working day starts at 07:30-09:30 local with a sign-in and
  // goes on until 18:00-22:00 in the UI; on 60% of evenings one more sign-in and a comment from
  // the phone one to three hours later; on half of the weekends a morning of work.
  function consultant(seed: number, zones: readonly number[], stay: number, user: Raw): Snapshot {
    const r = lcg(seed);
    const events: Raw[] = [];
    for (let d = 35; d >= 1; d--) {
      const day = REF_MS - d * DAY;
      const local = day - (zones[Math.floor((35 - d) / stay) % zones.length] as number) * HOUR;
      const weekend = isWeekendDay(day);
      if (weekend && r() < 0.5) continue;
      const start = local + (7.5 + r() * 2) * HOUR;
      const end = local + (weekend ? 11 : 18 + r() * 4) * HOUR;
      events.push(ev("t", Math.floor(start), { ip: OFFICE, userAgent: BROWSER }));
      for (let t = start + 3 * MIN; t < end; t += (5 + r() * 60) * MIN) events.push(ev("t", Math.floor(t), { action: r() < 0.5 ? "issue_updated" : "page_viewed", ip: OFFICE, userAgent: BROWSER }));
      if (r() < 0.6) {
        const late = end + (1 + r() * 2) * HOUR;
        events.push(ev("t", Math.floor(late), { ip: "100.64.3.2", userAgent: BROWSER }));
        events.push(ev("t", Math.floor(late + 2 * MIN), { action: "comment_created", ip: "100.64.3.2", userAgent: BROWSER }));
      }
    }
    return snap(`consultant-${zones.join("")}-${seed}`, [account("t", { name: "Priya Nair", ...lastUi(1), ...user })], events);
  }
  const FIVE_CITIES = [-8, -5, 0, 4, 8]; // San Francisco, New York, London, Dubai, Singapore
  const THREE_CITIES = [-8, 0, 8];

  // An invited consultant touring five cities, five days in each.
  it("an invited consultant in five cities over five weeks is not `bot`", () => {
    expect(runsWith("bot", SEEDS, "t", (seed) => consultant(seed, FIVE_CITIES, 5, INVITED))).toEqual([]);
  });

  // An employee the IdP provisions without a job title, department or picture (many IdPs sync none).
  it("an IdP-synced employee without profile fields, in five cities over five weeks, is not `bot`", () => {
    expect(runsWith("bot", SEEDS, "t", (seed) => consultant(seed, FIVE_CITIES, 5, EMPTY))).toEqual([]);
  });

  // A week each in San Francisco, London and Singapore.
  it("an invited consultant a week each in San Francisco, London and Singapore is not `bot`", () => {
    expect(runsWith("bot", SEEDS, "t", (seed) => consultant(seed, THREE_CITIES, 7, INVITED))).toEqual([]);
  });

  // A close call that holds today: with a full profile, the IdP-synced employee is reviewed.
  it("the control, an IdP-synced employee with a full profile in five cities, is never `bot`", () => {
    expect(runsWith("bot", SEEDS, "t", (seed) => consultant(seed, FIVE_CITIES, 5, {}))).toEqual([]);
  });
});

describe("a browser robot whose steady pace differs from day to day", () => {
  // An RPA robot drives a real browser on a virtual desktop through one weekday shift: a sign-in
  // with its email code (the browser profile is wiped each run), then a UI action every few
  // minutes at a steady pace that depends on the day's queue (2 to 6 minutes, each step within
  // 15% of it). Invited, a product's name, the UI in use every day.
  function robot(seed: number): Snapshot {
    const r = lcg(seed * 131);
    const events: Raw[] = [];
    for (let d = 40; d >= 1; d--) {
      const day = REF_MS - d * DAY;
      if (isWeekendDay(day)) continue;
      let t = day + 6 * HOUR + r() * 2 * MIN;
      events.push(ev("rpa", t, { ip: OFFICE, userAgent: BROWSER }));
      events.push(ev("rpa", t + 6_000, { action: "user_email_otp_challenge", ip: OFFICE, userAgent: BROWSER }));
      const step = (2 + r() * 4) * MIN;
      const end = day + 16 * HOUR;
      while (t < end) {
        t += step * (0.85 + r() * 0.3);
        events.push(ev("rpa", t, { action: r() < 0.5 ? "issue_transitioned" : "issue_updated", ip: OFFICE, userAgent: BROWSER }));
      }
    }
    return snap(`rpa-pace-${seed}`, [account("rpa", { name: "Invoice Processing", email: "ap-invoices@acme.com", ...INVITED, ...lastUi(1) })], events);
  }

  it("is not `human`", () => {
    expect(runsWith("human", [1, 2, 3, 4, 5, 6], "rpa", robot)).toEqual([]);
  });
});
