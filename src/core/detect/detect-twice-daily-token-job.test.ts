// A job on a person's token that runs twice a day, at its start and its end ("bot slack standup"
// at 09:00 and 18:00 local, a "sync planilha" at 09:00 and 18:30), from a server, on weekdays only,
// while its owner works by hand from the office. Both runs on the hour had read as an hourly
// poller's (the day's minute one of the hour's over again), and a second run at another minute made
// the server's address the owner's desk; either way the owner was `human`. A poller at the laptop
// every working hour, and a person's own commands at the stand-up and the wrap-up, stay `human`.
// (A laptop's poller that keeps its second every hour is reviewed, as before: a script runs it.)
import { describe, expect, it } from "vitest";
import { account, BROWSER, DAY, ev, explain, findingOf, HOUR, isWeekend, lcg, MIN, OFFICE, officeColleagues, officeDaysMoved, REF_MS, snapshotOf, token, tokenCall, type Raw } from "../../../test/helpers/people-audit.js";

const SEEDS = [1, 2, 3, 4, 5] as const;
const SERVER = "15.228.232.242";

function judged(seed: number, events: Raw[]) {
  const p = account("p", { name: "Juliana Zanella", email: "juliana.zanella@acme.com.br", jobTitle: "Engenheira de Software Sênior", department: "Engenharia", managementSource: "synced" });
  const { users, events: others } = officeColleagues(seed);
  return findingOf(snapshotOf([p, ...users], [...officeDaysMoved(seed, 0), ...events, ...others], [token("job-t", "p", REF_MS - DAY, "bot slack standup")]), "p");
}

/** A job's runs on weekdays at each of `minutes` (UTC) from `ip`, up to 40 s late, a few calls each. */
function runsAt(seed: number, minutes: readonly number[], ip: string, userAgent = "Go-http-client/2.0", lateMs = 40_000): Raw[] {
  const r = lcg(seed * 59 + 3);
  const out: Raw[] = [];
  for (let d = 30; d >= 1; d--) {
    const day = REF_MS - d * DAY;
    if (isWeekend(day)) continue;
    for (const minute of minutes) {
      const start = Math.floor(day + minute * MIN + r() * lateMs);
      for (let c = 0; c < 2 + Math.floor(r() * 5); c++) out.push(tokenCall("p", start + c * 4_000, "job-t", ip, userAgent));
    }
  }
  return out;
}

describe("a job twice a day on a person's token, from a server", () => {
  it("on the hour, at 09:00 and 18:00, is at least likely-bot", () => {
    for (const seed of SEEDS) {
      const f = judged(seed, runsAt(seed, [9 * 60, 18 * 60], SERVER));
      expect([seed, f.verdict], explain(f)).toEqual([seed, "likely-bot"]);
    }
  });

  it("at 09:00 and 18:30, is at least likely-bot", () => {
    for (const seed of SEEDS) {
      const f = judged(seed, runsAt(seed, [9 * 60, 18 * 60 + 30], SERVER));
      expect([seed, f.verdict], explain(f)).toEqual([seed, "likely-bot"]);
    }
  });
});

describe("people at hand", () => {
  // A poller the owner's session starts on the laptop every working hour, its seconds wandering,
  // from the office.
  it("a poller at the laptop every hour of the working day stays human", () => {
    for (const seed of SEEDS) {
      const hours = Array.from({ length: 9 }, (_, i) => (9 + i) * 60);
      const f = judged(seed, runsAt(seed, hours, OFFICE, "python-requests/2.31"));
      expect([seed, f.verdict], explain(f)).toEqual([seed, "human"]);
    }
  });

  // Her own commands at the 09:00 stand-up and the 18:00 wrap-up, typed within a few minutes, from the office.
  it("a person's own commands at the stand-up and the wrap-up stay human", () => {
    for (const seed of SEEDS) {
      const f = judged(seed, runsAt(seed, [9 * 60, 18 * 60], OFFICE, "jira-cli/1.5", 4 * MIN));
      expect([seed, f.verdict], explain(f)).toEqual([seed, "human"]);
    }
  });

  // The browser and the token both at the office, and a sign-in from home some evenings: nothing changes.
  it("a person whose sign-ins come from the office and home stays human", () => {
    for (const seed of SEEDS) {
      const home = Array.from({ length: 6 }, (_, i) => ev("p", Math.floor(REF_MS - (3 + i * 4) * DAY + 20 * HOUR), { ip: "177.54.146.2", userAgent: BROWSER }));
      const f = judged(seed, [...home, ...runsAt(seed, [9 * 60, 18 * 60], OFFICE, "jira-cli/1.5", 6 * MIN)]);
      expect([seed, f.verdict], explain(f)).toEqual([seed, "human"]);
    }
  });
});
