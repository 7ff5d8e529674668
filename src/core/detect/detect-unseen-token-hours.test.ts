// Work that only a token can have done, where the snapshot does not say which work was a token's,
// on an account named in the org's own words or for a person: the work's hours tell the job. A
// weekly or daily report runs at its minute, one run a day, all of it within an hour. A person's
// hours start where they start: a part-timer's CLI from 9 to 11, a weekly meeting's updates, a
// volunteer's evenings, a shop manager's mornings and a 24/7 rota stay theirs, as does a
// developer's CLI over the working day, and so does anyone in a log that rounds its times.
import { describe, expect, it } from "vitest";
import type { Finding } from "./types.js";
import type { AccountFeatures } from "./features.js";
import { jobHours } from "./floors.js";
import { bare, orgsAt, unattributedWork, unlistedToken } from "../../../test/helpers/unrecorded-token-work.js";
import { byTime, DAY, ev, explain, HOUR, isWeekend, lcg, MIN, REF_MS, type Raw } from "../../../test/helpers/people-audit.js";

const SEEDS = [1, 2, 3] as const;
const { amongNamed, amongUnnamed } = orgsAt("railway.example");

/** A few calls at `hour`:40 UTC (within two minutes) on each day `onDay` picks of the last `days`, with no sign-in and no token named. */
function atItsHour(seed: number, hour: number, onDay: (ms: number, d: number) => boolean, days = 29): Raw[] {
  const r = lcg(seed * 17 + hour);
  const out: Raw[] = [];
  for (let d = days; d >= 1; d--) {
    const day = REF_MS - d * DAY;
    if (!onDay(day, d)) continue;
    const start = day + hour * HOUR + 40 * MIN + Math.floor(r() * 2 * MIN);
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

/** Updates through the hour of a weekly meeting, 14:00 to 14:50 UTC, on the last four Mondays. */
function weeklyMeeting(seed: number): Raw[] {
  const r = lcg(seed * 13 + 5);
  const out: Raw[] = [];
  for (let d = 28; d >= 1; d--) {
    const day = REF_MS - d * DAY;
    if (new Date(day).getUTCDay() !== 1) continue;
    for (let k = 0; k < 4; k++) out.push(ev("a", Math.floor(day + 14 * HOUR + r() * 50 * MIN), { action: "issue_updated", ip: "185.54.40.35" }));
  }
  return out.sort(byTime);
}

const mondays = (ms: number): boolean => new Date(ms).getUTCDay() === 1;
const workdays = (ms: number): boolean => !isWeekend(ms);
const nightly = (r: () => number): number => 23 + r() * 3; // 23:00 to 02:00 UTC

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
        expect(scriptInUse(f)).toMatch(/all of it came in 1 distinct hour of the day \(UTC\), one run a day, starting within the same three minutes on 4 of 4 days, as a job's work comes/);
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

  // From the review of the first version, which read two distinct hours without the run's minute
  // and every day within four hours: each was `likely-bot`.
  it.each([
    ["a part-timer whose CLI works from 9 to 11 on workdays", () => daily(1, (r) => 9 + r() * 2, (ms) => isWeekend(ms), 28)],
    ["updates in a weekly meeting on four Mondays, 14:00 to 14:50", () => weeklyMeeting(1)],
    ["a volunteer's evenings, every day, 18 to 22", () => daily(1, (r) => 18 + r() * 4)],
    ["a shop manager's mornings, most days, weekends too, 8 to 12", () => daily(1, (r) => 8 + r() * 4, (_ms, r) => r() < 0.12)],
    ["a check at 9 and one at 17 on workdays", () => daily(1, (r) => (r() < 0.5 ? 9 : 17) + r() * 0.9, (ms) => isWeekend(ms), 28)],
  ])("%s, through their own token, stays `human`", (_what, work) => {
    for (const judge of judges) {
      const f = judge(bare({ name: "Sarah Gagnon", email: "sarah.gagnon@railway.example" }), work(), [unlistedToken("jira-cli")]);
      expect(f.verdict, explain(f)).toBe("human");
    }
  });

  // From the second review: a 24/7 rota, six days on and one off, early, late and night shifts in
  // turn, and a stand-up's updates in a log that rounds its times to the hour.
  it("a rota's shifts round the clock, weekends included, stay theirs", () => {
    const rota: Raw[] = [];
    const r = lcg(41);
    for (let d = 35; d >= 1; d--) {
      if (d % 7 === 3) continue;
      const start = [6, 14, 22][Math.floor(d / 7) % 3] as number;
      for (let k = 0; k < 4; k++) rota.push(ev("a", REF_MS - d * DAY + (start + r() * 8) * HOUR, { action: "issue_updated", ip: "185.54.40.35" }));
    }
    for (const judge of judges) {
      const f = judge(bare({ name: "Sarah Gagnon", email: "sarah.gagnon@railway.example" }), rota.sort(byTime), [unlistedToken("jira-cli")]);
      expect(scriptInUse(f)).not.toMatch(/as a job's work comes/);
    }
  });

  it("where the log rounds its times to the hour, every start is at one minute: the hours are not read", () => {
    const toHour = (e: Raw): Raw => ({ ...e, time: new Date(Math.floor(Date.parse(e["time"] as string) / HOUR) * HOUR).toISOString() });
    // Colleagues' work, rounded as the export rounds everyone's.
    const theirs = [0, 1, 2, 3].flatMap((i) => Array.from({ length: 24 }, (_, d) => ev(`p${i}`, REF_MS - (d + 1) * DAY + (9 + i) * HOUR + 17 * MIN, { action: "issue_updated", ip: "81.2.69.160" })));
    const standUp = [...theirs, ...daily(1, (r) => 7 + r() * 0.2, (ms) => isWeekend(ms), 28)].map(toHour).sort(byTime);
    for (const judge of judges) {
      const f = judge(bare({ name: "Sarah Gagnon", email: "sarah.gagnon@railway.example" }), standUp, [unlistedToken("jira-cli")]);
      expect(f.verdict, explain(f)).toBe("human");
      expect(f.verdict === "human" && judge(bare({ name: "Sarah Gagnon", email: "sarah.gagnon@railway.example" }), standUp.map((e) => ({ ...e, time: new Date(Date.parse(e["time"] as string) + 7_000).toISOString() })), [unlistedToken("jira-cli")]).verdict).toBe("likely-bot");
    }
  });

  it("a nightly job whose start drifts by an hour is left to its name", () => {
    const f = amongNamed(bare({ name: "Cleanup Stale Issues", email: "tu_archiv@railway.example" }), daily(1, nightly), [unlistedToken("cleanup")]);
    expect(scriptInUse(f)).not.toMatch(/as a job's work comes/);
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
    jobHours({ activityDistinctHours: 12, activityDays: 20, activitySpanDays: 30, burstCount: 40, exactStartDays: 0, ...fields } as AccountFeatures);

  it("a run at its minute: two distinct hours at most, four days or more, one burst a day, the same three minutes on 75% of them", () => {
    const run = { activityDistinctHours: 2, activityDays: 4, burstCount: 4, exactStartDays: 3 };
    expect(hours(run)).toBe(true);
    expect(hours({ ...run, activityDistinctHours: 3 })).toBe(false);
    expect(hours({ ...run, activityDays: 3, burstCount: 3 })).toBe(false);
    expect(hours({ ...run, burstCount: 5 })).toBe(false);
    expect(hours({ ...run, exactStartDays: 2 })).toBe(false);
    expect(hours({ ...run, activityDays: 60, burstCount: 60, exactStartDays: 45 })).toBe(true);
    expect(hours({ ...run, activityDays: 60, burstCount: 60, exactStartDays: 44 })).toBe(false);
  });

});
