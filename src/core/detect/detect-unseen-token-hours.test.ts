// Work that only a token can have done, where the snapshot does not say which work was a token's,
// on an account named in the org's own words or for a person: the work's hours tell the job. A
// weekly report does all of its work within an hour of the day, a nightly cleanup or a
// weighbridge's tickets come on nearly every day, weekends included. A developer's CLI works
// through their working day, on workdays, and stays theirs.
import { describe, expect, it } from "vitest";
import type { Finding } from "./types.js";
import type { AccountFeatures } from "./features.js";
import { jobHours } from "./floors.js";
import { bare, orgsAt, unattributedWork, unlistedToken } from "../../../test/helpers/unrecorded-token-work.js";
import { byTime, DAY, ev, explain, HOUR, isWeekend, lcg, MIN, REF_MS, type Raw } from "../../../test/helpers/people-audit.js";

const SEEDS = [1, 2, 3] as const;
const { amongNamed, amongUnnamed } = orgsAt("railway.example");

/** A few calls at about `hour`:40 UTC (within minutes) on each day `onDay` picks of the last `days`, with no sign-in and no token named. */
function atItsHour(seed: number, hour: number, onDay: (ms: number, d: number) => boolean, days = 29): Raw[] {
  const r = lcg(seed * 17 + hour);
  const out: Raw[] = [];
  for (let d = days; d >= 1; d--) {
    const day = REF_MS - d * DAY;
    if (!onDay(day, d)) continue;
    const start = day + hour * HOUR + 40 * MIN + Math.floor(r() * 4 * MIN);
    for (let k = 0; k < 4 + Math.floor(r() * 4); k++) out.push(ev("a", start + k * 20_000, { action: k === 0 ? "issue_search" : "page_updated", ip: "185.54.40.35" }));
  }
  return out.sort(byTime);
}

/** Calls on every day of the last `days` (weekends too) but those `skip` drops, at hours `hourOf` draws. */
function daily(seed: number, hourOf: (r: () => number) => number, skip: (ms: number, r: () => number) => boolean = () => false, days = 33): Raw[] {
  const r = lcg(seed * 29 + 3);
  const out: Raw[] = [];
  for (let d = days; d >= 1; d--) {
    const day = REF_MS - d * DAY;
    if (skip(day, r)) continue;
    for (let k = 2 + Math.floor(r() * 3); k > 0; k--) out.push(ev("a", Math.floor(day + hourOf(r) * HOUR), { action: r() < 0.5 ? "issue_updated" : "issue_created", ip: "170.233.44.154" }));
  }
  return out.sort(byTime);
}

const mondays = (ms: number): boolean => new Date(ms).getUTCDay() === 1;
const workdays = (ms: number): boolean => !isWeekend(ms);
const nightly = (r: () => number): number => 23 + r() * 3; // 23:00 to 02:00 UTC
const anyHour = (r: () => number): number => r() * 24;

const judges = [amongNamed, amongUnnamed] as const;
const scriptInUse = (f: Finding): string => f.signals.find((s) => s.id === "script-in-use")?.evidence ?? "";

describe("work through an unrecorded token, at a job's hours", () => {
  // Failed before: `human` (named in the org's words or for a person, no rule read the hours).
  it.each([
    ["Rapport hebdomadaire ponctualité", "rapport-hebdo@railway.example", "report"],
    ["Wochenrapport Pünktlichkeit", "tu_kpi_report@railway.example", "report"],
    ["Leistungsabrechnung Monatsende", "cloture-mensuelle2@railway.example", "export"],
  ])("%s at %s, four Mondays' work within one hour of the day, is reviewed", (name, email, label) => {
    for (const seed of SEEDS) {
      for (const judge of judges) {
        const f = judge(bare({ name, email }), atItsHour(seed, 4, mondays), [unlistedToken(label)]);
        expect(f.verdict, explain(f)).toBe("likely-bot");
        expect(scriptInUse(f)).toMatch(/all of it fell within 1 hour of the day \(UTC\), as a job's do/);
      }
    }
  });

  it("a report run each workday at its hour on a person's name, with no title, is reviewed", () => {
    for (const seed of SEEDS) {
      for (const judge of judges) {
        const f = judge(bare({ name: "Jakub Ślusarczyk", email: "jakub.slusarczyk@railway.example" }), atItsHour(seed, 6, workdays, 18), [unlistedToken("raport")]);
        expect(f.verdict, explain(f)).toBe("likely-bot");
      }
    }
  });

  it.each([
    ["Cleanup Stale Issues", "tu_archiv@railway.example", nightly],
    ["Jira Archivierung", "tu_archiv2@railway.example", nightly],
    ["BALANCA PONTA GROSSA", "balanca.pgrossa2@railway.example", anyHour],
    ["Logistyka Kontraktowa", "logistyka.kontraktowa@railway.example", nightly],
  ])("%s at %s, at work on nearly every day of a month, weekends included, is reviewed", (name, email, hourOf) => {
    for (const seed of SEEDS) {
      for (const judge of judges) {
        const f = judge(bare({ name, email }), daily(seed, hourOf, (_ms, r) => r() < 0.05), [unlistedToken("sync")]);
        expect(f.verdict, explain(f)).toBe("likely-bot");
        // Round the clock, the timing rules see it too.
        if (hourOf === nightly) expect(scriptInUse(f)).toMatch(/it worked on \d+ of \d+ days, \d+% of the Saturdays and \d+% of the Sundays among them, all within [34] hours of the day \(UTC\)/);
      }
    }
  });
});

describe("a person's own work through their token stays theirs", () => {
  it.each([
    ["Sarah Gagnon", "sarah.gagnon@railway.example"],
    ["Jürgen Müller", "juergen.mueller@railway.example"],
    ["Anil Kumar", "e1042387@railway.example"],
  ])("%s at %s, whose CLI works through the day on workdays, stays `human`", (name, email) => {
    for (const seed of SEEDS) {
      for (const judge of judges) {
        const work = unattributedWork(seed).filter((e) => !isWeekend(Date.parse(e["time"] as string))).map((e) => ({ ...e, userAgent: "jira-cli/1.5.1" }));
        const f = judge(bare({ name, email }), work, [unlistedToken("jira-cli")]);
        expect(f.verdict, explain(f)).toBe("human");
      }
    }
  });

  it("a person's job title beside work at a job's hours keeps it theirs", () => {
    for (const seed of SEEDS) {
      const f = amongNamed(bare({ name: "Sarah Gagnon", email: "sarah.gagnon@railway.example", jobTitle: "Controller" }), atItsHour(seed, 4, mondays), [unlistedToken("report")]);
      expect(f.verdict, explain(f)).toBe("human");
    }
  });

  it("needs four days of it within two hours, or nearly every day of two weeks with half the weekends, within four hours or round the clock", () => {
    const person = bare({ name: "Sarah Gagnon", email: "sarah.gagnon@railway.example" });
    const judge = (events: Raw[]): Finding => amongNamed(person, events, [unlistedToken("jira-cli")]);
    // Four Mondays within the hour: the job's; three days of it are not enough.
    expect(judge(atItsHour(1, 4, mondays)).verdict).toBe("likely-bot");
    expect(judge(atItsHour(1, 4, (ms, d) => mondays(ms) && d < 22)).verdict).toBe("human");
    // Within three hours of the day, on workdays: a person's morning.
    const threeHours = daily(1, (r) => 7 + r() * 3, (ms) => isWeekend(ms));
    expect(judge(threeHours).verdict, explain(judge(threeHours))).toBe("human");
    // Every day of the month at night: the job's; without most Saturdays, a person's week.
    expect(judge(daily(1, nightly)).verdict).toBe("likely-bot");
    // Every day, weekends too, over the hours of a person's day (five to nineteen): theirs.
    expect(judge(daily(1, (r) => 9 + r() * 5)).verdict).toBe("human");
    expect(judge(daily(1, (r) => 6 + r() * 14)).verdict).toBe("human");
    expect(judge(daily(1, (r) => r() * 24, () => false, 60)).verdict).toBe("likely-bot");
    // Two Saturdays of the span's five: a person's week, whatever else.
    let saturdays = 0;
    const fewSaturdays = daily(1, nightly, (ms) => new Date(ms).getUTCDay() === 6 && ++saturdays > 2);
    expect(judge(fewSaturdays).verdict, explain(judge(fewSaturdays))).toBe("human");
  });

  it("a sign-in in the log, or a token no longer usable, keeps the hours unread", () => {
    const person = bare({ name: "Sarah Gagnon", email: "sarah.gagnon@railway.example" });
    const work = atItsHour(1, 4, mondays);
    const signIn = ev("a", REF_MS - 3 * DAY + 9 * HOUR, { ip: "185.54.40.35", userAgent: "Mozilla/5.0 (Windows NT 10.0; Win64; x64) Chrome/130.0" });
    expect(amongNamed(person, [...work, signIn].sort(byTime), [unlistedToken("report")]).verdict).toBe("human");
    expect(amongNamed(person, work, [unlistedToken("report")]).verdict).toBe("likely-bot");
    expect(amongNamed(person, work, [unlistedToken("report", { expiresAt: new Date(REF_MS - 40 * DAY).toISOString() })]).verdict).toBe("human");
  });
});

describe("a job's hours, at their bounds", () => {
  const hours = (fields: Partial<AccountFeatures>): boolean =>
    jobHours({ activityDistinctHours: 12, activityDays: 20, activitySpanDays: 30, saturdayCoverage: 0, sundayCoverage: 0, ...fields } as AccountFeatures);

  it("all of the work within two hours of the day, on four days or more", () => {
    expect(hours({ activityDistinctHours: 2, activityDays: 4 })).toBe(true);
    expect(hours({ activityDistinctHours: 1, activityDays: 4 })).toBe(true);
    expect(hours({ activityDistinctHours: 3, activityDays: 30 })).toBe(false);
    expect(hours({ activityDistinctHours: 2, activityDays: 3 })).toBe(false);
  });

  it("80% of the days of fourteen or more, half the Saturdays and Sundays, within four hours or in twenty", () => {
    const daily = { activityDays: 12, activitySpanDays: 14, saturdayCoverage: 0.5, sundayCoverage: 0.5 };
    expect(hours({ ...daily, activityDistinctHours: 4 })).toBe(true);
    expect(hours({ ...daily, activityDistinctHours: 20 })).toBe(true);
    expect(hours({ ...daily, activityDistinctHours: 5 })).toBe(false);
    expect(hours({ ...daily, activityDistinctHours: 19 })).toBe(false);
    expect(hours({ ...daily, activityDistinctHours: 4, activitySpanDays: 13, activityDays: 13 })).toBe(false);
    expect(hours({ ...daily, activityDistinctHours: 4, activityDays: 11 })).toBe(false);
    expect(hours({ ...daily, activityDistinctHours: 4, saturdayCoverage: 0.4 })).toBe(false);
    expect(hours({ ...daily, activityDistinctHours: 4, sundayCoverage: 0.4 })).toBe(false);
    // A span without a Saturday says nothing of weekends.
    expect(hours({ ...daily, activityDistinctHours: 4, saturdayCoverage: Number.NaN })).toBe(false);
  });
});
