// People the audit could call `bot` in situations of a large org: a partner's service-desk lead
// whose working week runs Sunday to Thursday (Israel, Saudi Arabia) or Saturday to Wednesday
// (Iran) under a short session with an email code at every sign-in, store staff on a shared
// kiosk that signs out after each use and who work weekend shifts, and a developer with a CLI
// whose working week is Sunday to Thursday. Each test runs several instances with jitter and
// asserts the verdict.
import { describe, expect, it } from "vitest";
import type { Snapshot } from "../snapshot/schema.js";
import { account, BROWSER, DAY, dayOfWeek, EMPTY, ev, explain, findingOf, runsWith, HOUR, iso, lcg, MIN, OFFICE, REF_MS, snap, token, tokenCall, type Raw } from "../../../test/helpers/people-audit.js";

const INVITED = { managementSource: "invited", ...EMPTY };
const lastUi = (daysAgo: number, key = "jira-software"): Raw => ({ productAccess: [{ key, id: `ari:${key}`, lastActiveTimestamp: iso(REF_MS - daysAgo * DAY) }] });
const MON_FRI = [1, 2, 3, 4, 5];
const SUN_THU = [0, 1, 2, 3, 4];
const SAT_WED = [6, 0, 1, 2, 3];

describe("an external user under a 15-minute session whose working week is not Monday to Friday", () => {
  // The external-user policy ends each session after 15 minutes and verifies each new one by a
  // code sent by email. A partner's service-desk lead checks the queue `visits` times a workday
  // at any time between 08:00 and 17:30 local (UTC+`offset` hours): a sign-in, its email code,
  // and one to three comments within ten minutes. `days` are the local days of the working week.
  function lead(seed: number, days: readonly number[], offset: number, visits: readonly [number, number], user: Raw = INVITED): Snapshot {
    const r = lcg(seed);
    const events: Raw[] = [];
    for (let d = 28; d >= 1; d--) {
      const day = REF_MS - d * DAY;
      if (!days.includes(dayOfWeek(day))) continue;
      const n = visits[0] + Math.floor(r() * (visits[1] - visits[0] + 1));
      for (let v = 0; v < n; v++) {
        const t = day - offset * HOUR + (8 * 60 + Math.floor(r() * 9.5 * 60)) * MIN;
        events.push(ev("m", t, { ip: OFFICE, userAgent: BROWSER }));
        events.push(ev("m", t + 30_000, { action: "user_email_otp_challenge", ip: OFFICE, userAgent: BROWSER }));
        const acts = 1 + Math.floor(r() * 3);
        for (let a = 0; a < acts; a++) events.push(ev("m", t + (2 + a * 3 + Math.floor(r() * 3)) * MIN, { action: "comment_created", ip: OFFICE, userAgent: BROWSER }));
      }
    }
    return snap(`week-${days.join("")}-${seed}`, [account("m", { name: "Noa Levi", email: "noa.levi@partner.example", ...lastUi(1), ...user })], events);
  }

  // Israel works Sunday to Thursday: every Sunday is a "weekend" day in any whole-hour offset, so
  // the lead's week is not a person's working week and the short visits are no interactive logins.
  it("a lead in Israel (Sunday to Thursday, UTC+2) who visits eight to eleven times a workday is not `bot`", () => {
    expect(runsWith("bot", [1, 2, 3, 4, 5], "m", (seed) => lead(seed, SUN_THU, 2, [8, 11]))).toEqual([]);
  });

  it("a lead in Saudi Arabia (Sunday to Thursday, UTC+3) is not `bot`", () => {
    expect(runsWith("bot", [1, 2, 3, 4, 5], "m", (seed) => lead(seed, SUN_THU, 3, [8, 11]))).toEqual([]);
  });

  it("a lead in Iran (Saturday to Wednesday, UTC+3:30) is not `bot`", () => {
    expect(runsWith("bot", [1, 2, 3, 4, 5], "m", (seed) => lead(seed, SAT_WED, 3.5, [8, 11]))).toEqual([]);
  });

  it("the lead in Israel on a source that says no IdP manages the account (null) is not `bot`", () => {
    expect(runsWith("bot", [1, 2, 3], "m", (seed) => lead(seed, SUN_THU, 2, [8, 11], { managementSource: null, ...EMPTY }))).toEqual([]);
  });

  // Five to eight visits keep a Monday-to-Friday lead `human` (interactive logins); on a Sunday
  // to Thursday week the email codes alone, with four sign-ins at one time of day by chance, make a `bot`.
  it("the lead in Israel who visits five to eight times a workday is not `bot`", () => {
    expect(runsWith("bot", [1, 2, 3, 4, 5, 6, 7, 8], "m", (seed) => lead(seed, SUN_THU, 2, [5, 8]))).toEqual([]);
  });

  // A close call that holds today: the same lead on a Monday-to-Friday week is reviewed, not migrated.
  it("the control, the same lead on a Monday-to-Friday week, is never `bot`", () => {
    expect(runsWith("bot", [1, 2, 3, 4, 5], "m", (seed) => lead(seed, MON_FRI, 2, [8, 11]))).toEqual([]);
  });
});

describe("store staff on a shared kiosk that signs out after each use, working weekend shifts", () => {
  // A retail store's staff log store issues in Jira Service Management from the back-office PC,
  // which signs out after each use: 8 to 14 uses a shift at any time between 09:00 and 18:00, each
  // a sign-in and one to three requests or comments within six minutes. Shifts run on the store's
  // open days, weekends included, with two weekdays off (`offDays`) and a missed shift now and then.
  // Invited staff from a staffing agency; with `otp`, each sign-in is verified by an email code.
  function clerk(seed: number, offDays: readonly number[], otp: boolean, user: Raw = INVITED): Snapshot {
    const r = lcg(seed);
    const events: Raw[] = [];
    for (let d = 42; d >= 1; d--) {
      const day = REF_MS - d * DAY;
      if (offDays.includes(dayOfWeek(day)) || r() < 0.08) continue;
      const uses = 8 + Math.floor(r() * 7);
      for (let v = 0; v < uses; v++) {
        const t = day + (9 * 60 + Math.floor(r() * 9 * 60)) * MIN;
        events.push(ev("k", t, { ip: OFFICE, userAgent: BROWSER }));
        if (otp) events.push(ev("k", t + 30_000, { action: "user_email_otp_challenge", ip: OFFICE, userAgent: BROWSER }));
        const acts = 1 + Math.floor(r() * 3);
        for (let a = 0; a < acts; a++) events.push(ev("k", t + (1 + a * 2 + Math.floor(r() * 2)) * MIN, { action: r() < 0.5 ? "issue_created" : "comment_created", ip: OFFICE, userAgent: BROWSER }));
      }
    }
    return snap(`kiosk-${offDays.join("")}-${otp}-${seed}`, [account("k", { name: "Jonas Weber", ...lastUi(1, "jira-servicedesk"), ...user })], events);
  }

  // Thursday to Monday, off on Tuesday and Wednesday.
  it("a clerk working Thursday to Monday is not `bot`", () => {
    expect(runsWith("bot", [1, 2, 3, 4, 5], "k", (seed) => clerk(seed, [2, 3], false))).toEqual([]);
  });

  it("a clerk working Thursday to Monday whose sign-ins are verified by an email code is not `bot`", () => {
    expect(runsWith("bot", [1, 2, 3, 4, 5], "k", (seed) => clerk(seed, [2, 3], true))).toEqual([]);
  });

  // Monday to Saturday, the store's week: one weekend day is enough.
  it("a clerk working Monday to Saturday whose sign-ins are verified by an email code is not `bot`", () => {
    expect(runsWith("bot", [1, 2, 3, 4, 5], "k", (seed) => clerk(seed, [0], true))).toEqual([]);
  });

  it("a clerk with a full profile on a source that says no IdP manages the account (null) is not `bot`", () => {
    expect(runsWith("bot", [1, 2, 3], "k", (seed) => clerk(seed, [2, 3], true, { managementSource: null }))).toEqual([]);
  });

  // A close call that holds today: an IdP-synced clerk with a full profile is reviewed, not migrated.
  it("the control, an IdP-synced clerk with a full profile, is never `bot`", () => {
    expect(runsWith("bot", [1, 2, 3, 4, 5], "k", (seed) => clerk(seed, [2, 3], true, {}))).toEqual([]);
  });
});

describe("an IdP-synced developer with a CLI whose working week is Sunday to Thursday", () => {
  // An engineer in Tel Aviv (UTC+2) works 08:30-18:30 on Sunday to Thursday through a CLI with a
  // personal token and last opened the web UI 45 days ago. IdP-synced, full profile. The same
  // developer on a Monday-to-Friday week keeps working hours only and is `human`.
  function developer(seed: number, days: readonly number[]): Snapshot {
    const r = lcg(seed);
    const events: Raw[] = [];
    for (let d = 30; d >= 1; d--) {
      const day = REF_MS - d * DAY;
      if (!days.includes(dayOfWeek(day)) || r() < 0.08) continue;
      const from = day - 2 * HOUR + (8.5 * 60 + Math.floor(r() * 60)) * MIN;
      const to = day - 2 * HOUR + (17.5 * 60 + Math.floor(r() * 60)) * MIN;
      for (let t = from; t < to; t += (8 + Math.floor(r() * 50)) * MIN) events.push(tokenCall("c", t, "tk", OFFICE));
    }
    return snap(`cli-${days.join("")}-${seed}`, [account("c", { name: "Yael Cohen", ...lastUi(45) })], events, [token("tk", "c", REF_MS - DAY)]);
  }

  // Sundays count as weekend days in any offset, so `working-hours-only` does not fire and every
  // such developer is sent to review: in an org with an Israeli site, hundreds of people.
  it("is not sent to review", () => {
    expect(runsWith("likely-bot", [1, 2, 3, 4, 5], "c", (seed) => developer(seed, SUN_THU))).toEqual([]);
  });

  it("the control, the same developer on a Monday-to-Friday week, is `human`", () => {
    for (const seed of [1, 2, 3]) {
      const f = findingOf(developer(seed, MON_FRI), "c");
      expect(f.verdict, explain(f)).toBe("human");
    }
  });
});
