// Shops, distribution centres and call centres work every day of the week and give each person a
// day off that moves: six days of seven, the day off on Tuesday one week and Saturday the next. A
// store manager signs in from the shop's tablet at the opening, within half an hour each day,
// and works on through the day; weekends like weekdays. That start is a schedule (weak timing),
// and an account at work on weekends with a schedule was reviewed. A job runs every day, or rests
// on its own weekdays each week; a person's rota moves the rest day through the week.
import { describe, expect, it } from "vitest";
import { byTime, account, BROWSER, DAY, EMPTY, ev, explain, findingOf, HOUR, lcg, MIN, officeColleagues, REF_MS, snapshotOf, token, tokenCall, type Raw } from "../../../test/helpers/people-audit.js";

const SHOP = "189.44.12.70";
const PHONE = "177.93.4.211";
const RECENT_UI = {
  productAccess: [
    { key: "jira-service-desk", id: "ari:jsm", lastActiveTimestamp: new Date(REF_MS - 3 * HOUR).toISOString() },
    { key: "confluence", id: "ari:conf", lastActiveTimestamp: new Date(REF_MS - 2 * DAY).toISOString() },
  ],
};

/** Which days of the last `days` the account works: `restOf(week)` gives each week's weekday off (UTC, Sunday 0), or none. */
function workdays(days: number, restOf: (week: number) => number | null): number[] {
  const out: number[] = [];
  for (let d = days; d >= 1; d--) {
    const day = REF_MS - d * DAY;
    const week = Math.floor((days - d) / 7);
    if (new Date(day).getUTCDay() === restOf(week)) continue;
    out.push(day);
  }
  return out;
}

/**
 * A shop's day on each of `days`: a sign-in from the tablet at the opening, between 10:10 and
 * 10:35, then a request or a comment now and then until the evening, and on some days a second
 * sign-in before closing.
 */
function opening(seed: number, days: readonly number[]): Raw[] {
  const r = lcg(seed * 37 + 5);
  const out: Raw[] = [];
  for (const day of days) {
    out.push(ev("m", Math.floor(day + 10 * HOUR + (10 + r() * 25) * MIN), { ip: SHOP, userAgent: BROWSER }));
    for (let k = 0, n = 1 + Math.floor(r() * 3); k < n; k++) out.push(ev("m", Math.floor(day + (11 + r() * 8) * HOUR), { action: r() < 0.5 ? "request_created" : "comment_added", ip: SHOP, userAgent: BROWSER }));
    if (r() < 0.3) out.push(ev("m", Math.floor(day + (17 + r() * 2) * HOUR), { ip: r() < 0.5 ? SHOP : PHONE, userAgent: BROWSER }));
  }
  return out.sort(byTime);
}

/** The rota's day off, moving through the week (Tuesday, Saturday, Thursday, Sunday, Wednesday, Monday, ...). */
const moving = (week: number): number => [2, 6, 4, 0, 3, 1, 5][week % 7] as number;
/** A store manager the IdP keeps, from an export without titles or departments: `fields` override. */
const manager = (fields: Raw = {}): Raw => account("m", { name: "Luciana Falcão", email: "luciana.falcao@lojas.example", managementSource: "synced", mfaEnabled: true, ...EMPTY, ...RECENT_UI, ...fields });

function judged(seed: number, days: number[], fields: Raw = {}, extra: Raw[] = [], apiTokens: Raw[] = []) {
  const c = officeColleagues(seed);
  const events = [...c.events, ...opening(seed, days), ...extra].sort(byTime);
  return findingOf(snapshotOf([manager(fields), ...c.users], events, apiTokens), "m");
}

describe("a rota's day off that moves through the week", () => {
  // Failed before: `likely-bot` (a schedule of starts, weekends at work).
  it("a store manager on six days of seven, the day off moving, is `human`", () => {
    for (const seed of [1, 2, 3]) {
      const f = judged(seed, workdays(42, moving));
      expect(f.verdict, explain(f)).toBe("human");
    }
  });
  // Failed before: `likely-bot`. A week worked through (a swapped shift) in four is still a rota's.
  it("one week in four without a day off is still the rota's", () => {
    for (const seed of [1, 2, 3]) {
      const f = judged(seed, workdays(28, (week) => (week === 2 ? null : moving(week))));
      expect(f.verdict, explain(f)).toBe("human");
    }
  });
});

describe("what keeps its schedule reviewed", () => {
  it("the same opening every day of six weeks, no day off, is reviewed", () => {
    for (const seed of [1, 2, 3]) { const f = judged(seed, workdays(42, () => null)); expect(f.verdict, explain(f)).toBe("likely-bot"); }
  });
  // A job on six days a week rests on its one weekday (Wednesday), each week.
  it("the same opening resting every Wednesday is reviewed", () => {
    for (const seed of [1, 2, 3]) expect(judged(seed, workdays(42, () => 3)).verdict).toBe("likely-bot");
  });
  it("the same rota with a day off in three weeks of six is reviewed", () => {
    for (const seed of [1, 2, 3]) expect(judged(seed, workdays(42, (week) => (week % 2 === 0 ? null : moving(week)))).verdict).toBe("likely-bot");
  });
  // From a cloud host: a browser robot's, whatever its days.
  it("the same rota signed in to from a cloud address is reviewed", () => {
    for (const seed of [1, 2, 3]) {
      const f = judged(seed, [], {}, opening(seed, workdays(42, moving)).map((e) => ({ ...e, ip: "34.201.10.7" })));
      expect(f.verdict, explain(f)).toBe("likely-bot");
    }
  });
  // From one host, as a robot works: a lost run looks like a day off (the shop's tablet alone).
  it("the same rota signed in to from the shop's one address only is reviewed", () => {
    for (const seed of [1, 2, 3]) {
      const f = judged(seed, [], {}, opening(seed, workdays(42, moving)).map((e) => ({ ...e, ip: SHOP })));
      expect(f.verdict, explain(f)).toBe("likely-bot");
    }
  });
  // A week's pause, or a job stopped a week before the snapshot, rests on every weekday at once:
  // no rota's day off (a run of three days or more is left out, and so are the days after the last run).
  it("a Monday-to-Saturday opening paused for a week, or stopped a week before the snapshot, is reviewed", () => {
    const monSat = workdays(42, () => 0);
    const paused = monSat.filter((day) => day < REF_MS - 28 * DAY || day >= REF_MS - 21 * DAY);
    const stopped = monSat.filter((day) => day < REF_MS - 7 * DAY);
    for (const seed of [1, 2, 3]) {
      for (const days of [paused, stopped]) {
        const f = judged(seed, days);
        expect(f.verdict, explain(f)).toBe("likely-bot");
      }
    }
  });
  // A script's token at work beside the sign-ins: not a person's rota alone.
  it("the same rota with a script's token in use on the account is reviewed", () => {
    const calls = workdays(42, moving).map((day, i) => tokenCall("m", day + 6 * HOUR + (i % 5) * MIN, "tk", "34.201.10.7", "python-requests/2.32"));
    for (const seed of [1, 2, 3]) expect(judged(seed, workdays(42, moving), {}, calls, [token("tk", "m", REF_MS - DAY, "sync")]).verdict).toBe("likely-bot");
  });
});
