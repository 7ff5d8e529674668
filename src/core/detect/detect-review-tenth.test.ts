// Combinations of quirks that the audit handles one by one: a part-timer whose days include a
// weekend day and whose IDE polls Jira, on a source that leaves the last UI use empty; an invited
// contractor on call every day, in a 14-day log and a longer one; a team's support mailbox worked
// in three regions' office hours, with an email code at each sign-in and the last UI use empty;
// and bots that poll through working hours in a log whose times are cut to the quarter hour or the
// hour. Each test runs several instances with jitter and asserts the verdict.
import { describe, expect, it } from "vitest";
import type { Snapshot } from "../snapshot/schema.js";
import { account, officeDays, BROWSER, DAY, dayOfWeek, EMPTY, ev, HOUR, iso, isWeekend, lcg, MIN, OFFICE, REF_MS, runsWith, snap, token, tokenCall, type Raw } from "../../../test/helpers/people-audit.js";

const INVITED = { managementSource: "invited", ...EMPTY };
/** A source that records neither who the IdP manages nor whether 2SV is on (the profile is full). */
const SILENT = { managementSource: undefined, mfaEnabled: undefined };
const lastUi = (daysAgo: number | null): Raw => ({ productAccess: [{ key: "jira-software", id: "ari:jira", lastActiveTimestamp: daysAgo === null ? null : iso(REF_MS - daysAgo * DAY) }] });
/** The source did not collect the last UI use of this account (the field is absent). */
const UNRECORDED_UI = { productAccess: [{ key: "jira-software", id: "ari:jira" }] };
const OTP = "email_otp_sent";
const HOME = "203.0.113.40";
const PHONE = "Jira/5.14.0 (Android 14; Pixel 8)";
const SEEDS = [1, 2, 3, 4, 5, 6, 7, 8];

/** The events with each time cut down to a whole `unit` (an export that keeps the quarter hour or the hour only). */
const cut = (events: Raw[], unit: number): Raw[] => events.map((e) => ({ ...e, time: iso(Math.floor(Date.parse(String(e["time"])) / unit) * unit) }));

const COLLEAGUE = account("c0", { name: "Ines Moreau" });

describe("a part-timer whose days include a weekend day and whose IDE polls Jira", () => {
  // A developer working three or four fixed days a week (a student, a second job) signs in from the
  // browser at 09:00-09:40 on each of them and keeps the IDE open until 15:00-16:00, polling every
  // 10 minutes (and a few seconds) with a personal token. The source leaves the last UI use empty.
  function partTimer(seed: number, user: Raw, days: readonly number[]): Snapshot {
    const r = lcg(seed);
    const events: Raw[] = [];
    for (let d = 35; d >= 1; d--) {
      const day = REF_MS - d * DAY;
      if (!days.includes(dayOfWeek(day))) continue;
      const from = day + (9 * 60 + Math.floor(r() * 40)) * MIN;
      const to = day + (15 * 60 + Math.floor(r() * 60)) * MIN;
      events.push(ev("pt", from - 2 * MIN, { ip: OFFICE, userAgent: BROWSER }));
      for (let t = from; t < to; t += 10 * MIN + Math.floor(r() * 20) * 1000) events.push(tokenCall("pt", t, "ide", OFFICE, "IntelliJ IDEA/2024.3"));
    }
    return snap(`part-timer-${seed}`, [account("pt", { name: "Kerstin Berg", ...user })], events, [token("ide", "pt", REF_MS - DAY, "intellij")]);
  }

  // An invited contractor on Friday, Saturday and Sunday (a weekend job).
  it("an invited contractor working Friday to Sunday is not `bot`", () => {
    expect(runsWith("bot", SEEDS, "pt", (seed) => partTimer(seed, { ...INVITED, ...lastUi(null) }, [5, 6, 0]))).toEqual([]);
  });

  // An invited contractor on Saturday and Sunday only.
  it("an invited contractor working Saturday and Sunday is not `bot`", () => {
    expect(runsWith("bot", SEEDS, "pt", (seed) => partTimer(seed, { ...INVITED, ...lastUi(null) }, [6, 0]))).toEqual([]);
  });

  // An invited contractor on Monday, Wednesday, Friday and Saturday.
  it("an invited contractor working Monday, Wednesday, Friday and Saturday is not `bot`", () => {
    expect(runsWith("bot", SEEDS, "pt", (seed) => partTimer(seed, { ...INVITED, ...lastUi(null) }, [1, 3, 5, 6]))).toEqual([]);
  });

  // A close call that holds today: the same contractor on Monday, Wednesday and Thursday (held by its sign-ins).
  it("the control, an invited contractor working Monday, Wednesday and Thursday, is never `bot`", () => {
    expect(runsWith("bot", SEEDS, "pt", (seed) => partTimer(seed, { ...INVITED, ...lastUi(null) }, [1, 3, 4]))).toEqual([]);
  });
});

describe("an invited contractor on call every day, paged at any hour", () => {
  // An SRE contractor works 08:00-19:00 on weekdays through a CLI after a browser sign-in, and is
  // paged once or twice every day, weekends included, at night or in the evening: a sign-in from
  // the phone and three CLI calls from home. Web UI last used 40 days ago.
  function onCall(seed: number, days: number, user: Raw): Snapshot {
    const r = lcg(seed);
    const events: Raw[] = [];
    for (let d = days; d >= 1; d--) {
      const day = REF_MS - d * DAY;
      if (!isWeekend(day)) {
        const from = day + (8 + r()) * HOUR;
        const to = day + (18 + r()) * HOUR;
        events.push(ev("o", Math.floor(from - 2 * MIN), { ip: OFFICE, userAgent: BROWSER }));
        for (let t = from; t < to; t += (4 + r() * 26) * MIN) events.push(tokenCall("o", Math.floor(t), "tk"));
      }
      const pages = 1 + Math.floor(r() * 2);
      for (let p = 0; p < pages; p++) {
        const t = day + (r() < 0.5 ? r() * 7 : 19 + r() * 5) * HOUR;
        events.push(ev("o", Math.floor(t), { ip: HOME, userAgent: PHONE }));
        for (let c = 0; c < 3; c++) events.push(tokenCall("o", Math.floor(t + (2 + c * 4 + r() * 3) * MIN), "tk", HOME));
      }
    }
    return snap(`on-call-${seed}`, [account("o", { name: "Tomas Novak", ...user })], events, [token("tk", "o", REF_MS - DAY)]);
  }

  // The export holds the last 14 days only.
  it("in a 14-day log, the contractor is not `bot`", () => {
    expect(runsWith("bot", SEEDS, "o", (seed) => onCall(seed, 14, { ...INVITED, ...lastUi(40) }))).toEqual([]);
  });

  // The export holds 30 days.
  it("in a 30-day log, the contractor is not `bot`", () => {
    expect(runsWith("bot", SEEDS, "o", (seed) => onCall(seed, 30, { ...INVITED, ...lastUi(40) }))).toEqual([]);
  });

  // A close call that holds today: an employee with a full profile on a source that records neither the IdP nor 2SV, 14-day log.
  it("the control, an employee on a source that records neither the IdP nor 2SV, is never `bot`", () => {
    expect(runsWith("bot", SEEDS, "o", (seed) => onCall(seed, 14, { ...SILENT, ...lastUi(40) }))).toEqual([]);
  });
});

describe("a team's support mailbox worked in three regions' office hours", () => {
  // support@ is shared by agents in Singapore (UTC+8), Dublin (UTC+0) and New York (UTC-5): each
  // team signs in at 08:30-09:30 local on its weekdays, answers an email code, and comments on
  // tickets every 8-48 minutes for seven and a half hours. Invited, no profile; the source leaves
  // the last UI use empty (null).
  it("is not `bot`", () => {
    const desk = (seed: number): Snapshot => {
      const r = lcg(seed);
      const events: Raw[] = [];
      const ips = ["203.0.113.10", "198.51.100.20", "192.0.2.30"];
      for (let d = 35; d >= 1; d--) {
        const day = REF_MS - d * DAY;
        [8, 0, -5].forEach((off, i) => {
          const local = day - off * HOUR;
          if (isWeekend(local + 12 * HOUR) || r() < 0.05) return;
          const start = local + (8.5 + r()) * HOUR;
          events.push(ev("s", Math.floor(start - 30_000), { action: OTP, ip: ips[i], userAgent: BROWSER }));
          events.push(ev("s", Math.floor(start), { ip: ips[i], userAgent: BROWSER }));
          for (let t = start + 3 * MIN; t < start + 7.5 * HOUR; t += (8 + r() * 40) * MIN) events.push(ev("s", Math.floor(t), { action: "comment_created", ip: ips[i], userAgent: BROWSER }));
        });
      }
      return snap(`follow-the-sun-${seed}`, [account("s", { name: "Customer Support", email: "support@acme.com", ...INVITED, ...lastUi(null) })], events);
    };
    expect(runsWith("bot", SEEDS, "s", desk)).toEqual([]);
  });
});

describe("a script that polls Jira through working hours, in a log cut to the quarter hour or the hour", () => {
  // A report script runs on an engineer's IdP-synced account (full profile) from 08:00 to 18:00 on
  // weekdays, calling the API every 10 minutes (and a few seconds) from the office with
  // python-requests; the engineer last used the web UI 90 days ago. A colleague's office days fill
  // the rest of the log, cut the same way.
  function poller(seed: number, user: Raw, unit: number, attributed = true): Snapshot {
    const r = lcg(seed);
    const events: Raw[] = [];
    for (let d = 35; d >= 1; d--) {
      const day = REF_MS - d * DAY;
      if (isWeekend(day)) continue;
      for (let t = day + 8 * HOUR + Math.floor(r() * 5) * MIN; t < day + 18 * HOUR; t += 10 * MIN + Math.floor(r() * 5000)) {
        events.push(attributed ? tokenCall("b", t, "tk", OFFICE, "python-requests/2.31") : ev("b", t, { action: "issue_viewed", ip: OFFICE, userAgent: "python-requests/2.31" }));
      }
    }
    const all = [...events, ...officeDays(lcg(77), "c0")];
    return snap(`coarse-poller-${seed}`, [COLLEAGUE, account("b", { name: "Daniel Wright", ...user })], unit ? cut(all, unit) : all, attributed ? [token("tk", "b", REF_MS - DAY)] : []);
  }

  it("in a log cut to the quarter hour, it is not `human`", () => {
    expect(runsWith("human", SEEDS, "b", (seed) => poller(seed, lastUi(90), 15 * MIN))).toEqual([]);
  });

  it("in a log cut to the hour, it is not `human`", () => {
    expect(runsWith("human", SEEDS, "b", (seed) => poller(seed, lastUi(90), HOUR))).toEqual([]);
  });

  // The source did not collect this account's last UI use (absent), in a log cut to the quarter hour.
  it("with its last UI use not collected, in a log cut to the quarter hour, it is not `human`", () => {
    expect(runsWith("human", SEEDS, "b", (seed) => poller(seed, UNRECORDED_UI, 15 * MIN))).toEqual([]);
  });

  // A close call that holds today: the same script in a log kept to the second is reviewed (its beat is seen).
  it("the control, the same script in a log kept to the second, is not `human`", () => {
    expect(runsWith("human", SEEDS, "b", (seed) => poller(seed, lastUi(90), 0))).toEqual([]);
  });
});
