// A cron job on a person's own API token: runs of calls that start at the same minute of the day
// (a stand-up report at 05:00 UTC each weekday) or at the same minutes past the hour (a sync every
// six hours at :04), beside the person's own work in the UI. Such accounts were `human` on their
// owner's sign-ins, profile and recent UI use. A person's own command-line calls, an IDE plugin's
// polling and a log rounded to the hour are not read so.
import { describe, expect, it } from "vitest";
import { account, DAY, explain, findingOf, HOUR, isWeekend, lcg, MIN, officeColleagues, officeDays, REF_MS, snapshotOf, token, tokenCall, type Raw, ownCliDays } from "../../../test/helpers/people-audit.js";

const SEEDS = [1, 2, 3, 4, 5] as const;
const HOME = "155.4.29.181";

function judged(seed: number, events: Raw[], tokens: Raw[], config: Raw = {}) {
  const { users, events: others } = officeColleagues(seed);
  const p = account("p", { name: "Axel Nilsson", email: "axel.nilsson@acme.com", jobTitle: "Tech Lead" });
  return findingOf(snapshotOf([p, ...users], [...events, ...others], tokens), "p", config);
}

/** A weekday cron at `minute` UTC (seconds of delay), one to three calls a run, on most weekdays. */
function weekdayCron(seed: number, minute: number): Raw[] {
  const r = lcg(seed * 17);
  const out: Raw[] = [];
  for (let d = 30; d >= 1; d--) {
    const day = REF_MS - d * DAY;
    if (isWeekend(day) || r() < 0.1) continue;
    const start = day + minute * MIN + Math.floor(r() * 60_000);
    const calls = 1 + Math.floor(r() * 3);
    for (let i = 0; i < calls; i++) out.push(tokenCall("p", start + i * 17_000, "cron-t", HOME));
  }
  return out;
}

/** A job every hour at `minutePast` on weekdays, of whose runs the log keeps two or three a day. */
function hourly(seed: number, minutePast: number): Raw[] {
  const r = lcg(seed * 23);
  const out: Raw[] = [];
  for (let d = 30; d >= 1; d--) {
    if (isWeekend(REF_MS - d * DAY)) continue;
    const kept = 2 + Math.floor(r() * 2);
    for (let i = 0; i < kept; i++) {
      const h = Math.floor(r() * 24);
      out.push(tokenCall("p", REF_MS - d * DAY + h * HOUR + minutePast * MIN + Math.floor(r() * 60_000), "sync-t", "130.216.1.20", "python-requests/2.32"));
    }
  }
  return out;
}

/** An IDE plugin polling every 10 minutes while the laptop is open, from a different hour each day. */
function idePolling(seed: number): Raw[] {
  const r = lcg(seed * 29);
  const out: Raw[] = [];
  for (let d = 30; d >= 1; d--) {
    const day = REF_MS - d * DAY;
    if (isWeekend(day)) continue;
    const open = day + (7 + r() * 2.5) * HOUR;
    const close = open + (6 + r() * 3) * HOUR;
    for (let t = open; t < close; t += 10 * MIN) out.push(tokenCall("p", t, "ide-t", "81.2.69.160", "IntelliJ/2024.2 jira-plugin"));
  }
  return out;
}

const ownDays = (seed: number): Raw[] => officeDays(lcg(seed), "p");

describe("a cron job on a person's own token", () => {
  // Axel Nilsson (Tech Lead): a stand-up report with his `standup-report` token at 05:00 UTC on weekdays.
  it("starting at one minute of the day on most weekdays, is at least likely-bot, and says when", () => {
    for (const seed of SEEDS) {
      const f = judged(seed, [...ownDays(seed), ...weekdayCron(seed, 5 * 60)], [token("cron-t", "p", REF_MS - DAY, "standup-report")]);
      expect([seed, f.verdict], explain(f)).not.toEqual([seed, "human"]);
      const text = f.signals.find((s) => s.id === "script-in-use")?.evidence ?? "";
      expect(text, explain(f)).toContain("started at about 05:00 UTC (within 3 minutes)");
    }
  });

  // Beside the owner's own CLI use with another token: the cron's starts still keep their minute.
  it("beside the owner's own command-line use, still reads the cron", () => {
    for (const seed of SEEDS) {
      const f = judged(seed, [...ownDays(seed), ...ownCliDays(seed), ...weekdayCron(seed, 4 * 60 + 30)], [token("cron-t", "p", REF_MS - DAY, "my scripts"), token("cli-t", "p", REF_MS - DAY)]);
      expect([seed, f.verdict], explain(f)).not.toEqual([seed, "human"]);
    }
  });

  // Kahurangi Tipene (Postdoctoral Fellow): a sync script at :04 past the hour, a few of its runs logged each day.
  it("starting at the same minutes past the hour, is at least likely-bot", () => {
    for (const seed of SEEDS) {
      const f = judged(seed, [...ownDays(seed), ...hourly(seed, 4)], [token("sync-t", "p", REF_MS - DAY, "sync script")]);
      expect([seed, f.verdict], explain(f)).not.toEqual([seed, "human"]);
      expect(f.signals.find((s) => s.id === "script-in-use")?.evidence, explain(f)).toContain("started at the same minutes past the hour");
    }
  });
});

describe("a person's own token use", () => {
  it("at any minute of the working day, stays human", () => {
    for (const seed of SEEDS) {
      const f = judged(seed, [...ownDays(seed), ...ownCliDays(seed)], [token("cli-t", "p", REF_MS - DAY)]);
      expect([seed, f.verdict], explain(f)).toEqual([seed, "human"]);
    }
  });

  it("an IDE plugin polling every 10 minutes, starting when the laptop opens, stays human", () => {
    for (const seed of SEEDS) {
      const f = judged(seed, [...ownDays(seed), ...idePolling(seed)], [token("ide-t", "p", REF_MS - DAY, "intellij")]);
      expect([seed, f.verdict], explain(f)).toEqual([seed, "human"]);
    }
  });

  // In a log whose times are rounded to the hour, every start of a run falls on :00.
  it("in a log rounded to the hour, is not read as a timer", () => {
    for (const seed of SEEDS) {
      const round = (e: Raw): Raw => ({ ...e, time: new Date(Math.floor(Date.parse(String(e["time"])) / HOUR) * HOUR).toISOString() });
      const { users, events: others } = officeColleagues(seed);
      const p = account("p", { name: "Axel Nilsson", email: "axel.nilsson@acme.com", jobTitle: "Tech Lead" });
      const events = [...ownDays(seed), ...ownCliDays(seed), ...others].map(round);
      const f = findingOf(snapshotOf([p, ...users], events, [token("cli-t", "p", REF_MS - DAY)]), "p");
      expect([seed, f.verdict], explain(f)).toEqual([seed, "human"]);
    }
  });
});

// "Juan Flores" at `juan.flores.rpa@`: a UiPath robot's workflow calling Jira through UiPath's web
// activities package in office hours, named as a person, signed in to by hand now and then.
describe("calls from a UiPath activity package", () => {
  const webActivities = (seed: number): Raw[] => {
    const r = lcg(seed * 41);
    const out: Raw[] = [];
    for (let d = 30; d >= 1; d--) {
      const day = REF_MS - d * DAY;
      if (isWeekend(day)) continue;
      for (let i = 0; i < 60; i++) out.push(tokenCall("p", day + (9 + r() * 8) * HOUR, "rpa-t", "81.2.69.160", "UiPath.Web.Activities/1.20.0 (Windows; .NET 6.0)"));
    }
    return out;
  };
  it("are a robot's runtime: the account is at least likely-bot, as a robot's", () => {
    for (const seed of SEEDS) {
      const f = judged(seed, [...ownDays(seed), ...webActivities(seed)], [token("rpa-t", "p", REF_MS - DAY, "juan")]);
      expect([seed, f.verdict], explain(f)).not.toEqual([seed, "human"]);
      expect(f.signals.find((s) => s.id === "script-in-use")?.evidence, explain(f)).toContain("robotic-process-automation client (UiPath.Web.Activities");
    }
  });
});
