// A platform crew works two weeks on, every day of them, weekends too, on twelve-hour shifts: a
// sign-in at the shift's start, a few minutes before the hour, from the platform's satellite link,
// and work in the UI hours later, whenever the job needs a permit closed or a comment written.
// Every day, at one time, for two weeks: a schedule's shape. What follows the sign-ins is a
// person's: no step within minutes of it, work spread over the shift's hours, from a browser, on
// an account the IdP keeps with a person's title. A browser robot on the same timetable does its
// steps within minutes of signing in, or at one time of day of its own.
import { describe, expect, it } from "vitest";
import { account, BROWSER, DAY, ev, findingOf, fourColleagues, HOUR, iso, lcg, MIN, REF_MS, snapshotOf, wrongRuns, type Raw } from "../../../test/helpers/people-audit.js";
import type { Finding } from "./types.js";

const SEEDS = [1, 2, 3, 4, 5, 6, 7, 8] as const;
/** The platform's satellite link: two egress addresses, no cloud provider's. */
const PLATFORM = ["185.71.210.9", "185.71.210.14"] as const;
const PHONE = "92.220.14.77";

/** Minutes after midnight UTC of each of the 14 days' shift sign-ins (day shifts; a week of nights, then a week of days). */
type Rota = (dayOn: number) => number;
const days = (): number => 6 * 60 + 50;
const swing = (dayOn: number): number => (dayOn < 7 ? 18 * 60 + 50 : 6 * 60 + 50);

/**
 * Fourteen days on: a sign-in before the shift (within `spreadMinutes`), and `work` gives the
 * times of what the log records of the shift after it. Still on the rotation when the snapshot
 * is taken (`onRotation`, the log's first days empty), or back home three days, with a sign-in
 * from a phone since.
 */
function rotation(seed: number, id: string, rota: Rota, work: (r: () => number, signIn: number) => number[], spreadMinutes: number, onRotation: boolean): { events: Raw[]; lastUiMs: number } {
  const r = lcg(seed * 31 + 7);
  const events: Raw[] = [];
  let lastUiMs = 0;
  for (let d = 0; d < 14; d++) {
    const day = REF_MS - ((onRotation ? 14 : 17) - d) * DAY;
    const signIn = Math.floor(day + rota(d) * MIN + (r() - 0.5) * spreadMinutes * MIN);
    const ip = PLATFORM[Math.floor(r() * 2)] as string;
    events.push(ev(id, signIn, { ip, userAgent: BROWSER }));
    for (const t of work(r, signIn)) {
      events.push(ev(id, Math.floor(t), { action: r() < 0.5 ? "jira_comment_added" : "jira_issue_transitioned", ip, userAgent: BROWSER }));
      lastUiMs = Math.max(lastUiMs, Math.floor(t));
    }
  }
  if (onRotation) return { events, lastUiMs };
  events.push(ev(id, REF_MS - DAY - 5 * HOUR, { ip: PHONE, userAgent: BROWSER }));
  return { events, lastUiMs: Math.max(lastUiMs, REF_MS - DAY - 5 * HOUR) };
}

/** Three to seven steps of a twelve-hour shift, at any time from an hour after its start. */
const shift = (r: () => number, signIn: number): number[] => Array.from({ length: 3 + Math.floor(r() * 5) }, () => signIn + (1 + r() * 10.5) * HOUR).sort((a, b) => a - b);
/** A robot's steps, within three minutes of its sign-in. */
const steps = (r: () => number, signIn: number): number[] => [signIn + (20 + r() * 40) * 1000, signIn + (90 + r() * 60) * 1000, signIn + (150 + r() * 30) * 1000];
/** A robot's report, posted at 09:00 and 09:01 every day, two hours after its sign-in. */
const report = (_r: () => number, signIn: number): number[] => {
  const nine = Math.floor(signIn / DAY) * DAY + 9 * HOUR;
  return [nine + 5_000, nine + 65_000, nine + 70_000];
};

function judged(seed: number, rota: Rota, work: (r: () => number, signIn: number) => number[], spreadMinutes = 24, onRotation = false, products = 2): Finding {
  const { events, lastUiMs } = rotation(seed, "p", rota, work, spreadMinutes, onRotation);
  const user = account("p", {
    name: "Ingrid Aasheim",
    email: "ingrid.aasheim@havbryn.no",
    jobTitle: "Instrument Technician",
    department: "Maintenance",
    productAccess: [
      { key: "jira-software", id: "ari:jira", lastActiveTimestamp: iso(lastUiMs) },
      { key: "confluence", id: "ari:confluence", lastActiveTimestamp: products > 1 ? iso(lastUiMs - 2 * HOUR) : null },
    ],
  });
  const office = fourColleagues(seed);
  return findingOf(snapshotOf([user, ...office.users], [...events, ...office.events]), "p");
}

describe("a platform crew member on two weeks of twelve-hour shifts", () => {
  it("is `human` on day shifts: the sign-ins keep the shift's time, the work does not", () => {
    const wrong = wrongRuns(SEEDS, (v) => v === "human", (seed) => judged(seed, days, shift));
    expect(wrong, wrong.join(" || ")).toEqual([]);
  });

  it("is never `bot` on night shifts that start within minutes of the bell, still on the rotation", () => {
    const wrong = wrongRuns(SEEDS, (v) => v !== "bot", (seed) => judged(seed, () => 18 * 60 + 50, shift, 4, true, 1));
    expect(wrong, wrong.join(" || ")).toEqual([]);
  });

  it("is never `bot` on a swing rota (a week of nights, then a week of days), signing in within minutes of the bell", () => {
    const wrong = wrongRuns(SEEDS, (v) => v !== "bot", (seed) => judged(seed, swing, shift, 4, true, 1));
    expect(wrong, wrong.join(" || ")).toEqual([]);
  });
});

describe("a browser robot on the same timetable, on a cloned person's profile", () => {
  it("is not `human` when its steps follow each sign-in within minutes", () => {
    const wrong = wrongRuns(SEEDS, (v) => v !== "human", (seed) => judged(seed, days, steps));
    expect(wrong, wrong.join(" || ")).toEqual([]);
  });

  it("is not `human` when its work comes hours later at one time of day of its own", () => {
    const wrong = wrongRuns(SEEDS, (v) => v !== "human", (seed) => judged(seed, days, report));
    expect(wrong, wrong.join(" || ")).toEqual([]);
  });
});
