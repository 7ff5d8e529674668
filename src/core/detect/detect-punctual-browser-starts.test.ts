// A browser that a scheduler starts at one minute each day: a wallboard's TV at 03:39, a
// reconciliation robot on a person's name at 06:10, each with an email code it cannot read. Their
// first sign-in of the day kept two minutes on nine days in ten or more, with nothing recorded
// after it but minutes of steps, and no job title: `login-schedule` fired (weak), the UI in use
// held them `human` (two of an independent bank's generator's bots). No person in eleven
// independent generators' 66 orgs kept nine days in ten to two minutes; the most punctual people
// of the review rounds keep four minutes on fewer days, or work on for hours (see
// detect-review-seventy-seventh).
import { describe, expect, it } from "vitest";
import { judgedAmongGivenNames, invitedUntitled } from "../../../test/helpers/org-words.js";
import { recentUi } from "../../../test/helpers/name-attacks.js";
import { BROWSER, DAY, dayOfWeek, ev, HOUR, lcg, MIN, REF_MS, wrongRuns, type Raw } from "../../../test/helpers/people-audit.js";
import type { Finding } from "./types.js";

const SEEDS = [1, 2, 3, 4] as const;
const ROBOT_ROOM = ["212.243.180.15", "212.243.180.18", "212.243.180.86", "212.243.180.156"] as const;
const isHuman = (v: Finding["verdict"]): boolean => v === "human";
const notHuman = (v: Finding["verdict"]): boolean => v !== "human";

interface Starts {
  /** Hour (UTC) of the daily start. */
  at: number;
  /** Share of the days that keep the minute (±45 s); the others come 5 to 60 minutes late. */
  share: number;
  /** Minutes of work after each start, or none recorded (a log of sign-ins alone). */
  workMin?: number;
  /** Days back from the snapshot (weekdays among them signed in). */
  days?: number;
}

/**
 * Three weeks of a start each weekday at `at` from one of the robot room's PCs, an email code
 * before half of them, a second sign-in 10 to 25 minutes later on a third of the days (a retry),
 * and steps within `workMin` minutes of each start where the log records work.
 */
function dailyStarts(seed: number, { at, share, workMin, days = 28 }: Starts): Raw[] {
  const r = lcg(seed * 53 + 11);
  const pc = (): string => ROBOT_ROOM[Math.floor(r() * ROBOT_ROOM.length)] as string;
  const out: Raw[] = [];
  for (let d = days; d >= 1; d--) {
    const day = REF_MS - d * DAY;
    if ([0, 6].includes(dayOfWeek(day))) continue;
    const t = Math.floor(day + at * HOUR + (r() < share ? (r() - 0.5) * 1.5 * MIN : (5 + r() * 55) * MIN));
    const ip = pc();
    if (r() < 0.5) out.push(ev("a", t - 60_000, { action: "email_otp_sent", ip, userAgent: BROWSER }));
    out.push(ev("a", t, { ip, userAgent: BROWSER }));
    if (r() < 0.3) out.push(ev("a", Math.floor(t + (10 + r() * 15) * MIN), { ip: pc(), userAgent: BROWSER }));
    if (workMin !== undefined) for (let k = 1 + Math.floor(r() * 3); k > 0; k--) out.push(ev("a", Math.floor(t + (1 + r() * (workMin - 1)) * MIN), { action: "issue_updated", ip, userAgent: BROWSER }));
  }
  return out;
}

const judged = (a: Raw, events: Raw[]): Finding => judgedAmongGivenNames("bank.example", a, events);
const tv = invitedUntitled("Ops TV Sandton L2", "opstv.sandton@bank.example", recentUi);
/** The UI in use in two products, with a picture: its owner's look at the results, as the robot's own page loads. */
const inUse = {
  picture: "https://avatar.example/heidi.png",
  productAccess: ["jira-software", "confluence"].map((key) => ({ key, id: `ari:${key}`, lastActiveTimestamp: new Date(REF_MS - DAY).toISOString() })),
};
const robot = invitedUntitled("Heidi Kontenabstimmung", "heidi.abstimmung@bank.example", inUse);

describe("a browser a scheduler starts at one minute", () => {
  it("a wallboard's TV signed in at 03:39 on nearly every weekday is reviewed", () => {
    expect(wrongRuns(SEEDS, notHuman, (seed) => judged(tv, dailyStarts(seed, { at: 3.65, share: 0.97 })))).toEqual([]);
  });

  it("so is a robot on a person's name at 06:10, in a log of its sign-ins alone", () => {
    expect(wrongRuns(SEEDS, notHuman, (seed) => judged(robot, dailyStarts(seed, { at: 6.17, share: 0.97 })))).toEqual([]);
  });

  it("says the days kept to the minute and that no job title is on the account", () => {
    const texts = SEEDS.map((seed) => judged(robot, dailyStarts(seed, { at: 6.17, share: 0.97 })).signals.find((s) => s.id === "script-in-use")?.evidence ?? "");
    for (const text of texts) expect(text).toMatch(/the first sign-in of \d+ of its \d+ days with one came within 2 minutes of one time of day, as a scheduler starts a browser and no person arrives, with minutes of steps after it at most, on an account with no person's job title or department/);
  });
});

describe("people at their desk at one time", () => {
  it("a person with a job title who signs in at 06:10 to the minute stays human", () => {
    const clerk = { ...robot, name: "Heidi Holm", email: "heidi.holm@bank.example", jobTitle: "Reconciliation Clerk", department: "Finance" };
    expect(wrongRuns(SEEDS, isHuman, (seed) => judged(clerk, dailyStarts(seed, { at: 6.17, share: 0.97 })))).toEqual([]);
  });

  it("one who keeps the minute on three days in five stays human", () => {
    expect(wrongRuns(SEEDS, isHuman, (seed) => judged(invitedUntitled("Anna Berg", "anna.berg@bank.example", recentUi), dailyStarts(seed, { at: 6.17, share: 0.6 })))).toEqual([]);
  });

  it("so does an account the directory keeps, with no title or department, that keeps the minute", () => {
    expect(wrongRuns(SEEDS, isHuman, (seed) => judged({ ...robot, name: "Anna Berg", email: "anna.berg@bank.example", managementSource: "synced" }, dailyStarts(seed, { at: 8, share: 0.97 })))).toEqual([]);
  });

  it("and a new joiner's first ten working days on the dot", () => {
    expect(wrongRuns(SEEDS, isHuman, (seed) => judged({ ...robot, name: "Anna Berg", email: "anna.berg@bank.example" }, dailyStarts(seed, { at: 8, share: 1, days: 14 })))).toEqual([]);
  });

  it("and one who keeps it and works on for hours after it stays human", () => {
    expect(wrongRuns(SEEDS, isHuman, (seed) => judged(invitedUntitled("Anna Berg", "anna.berg@bank.example", recentUi), dailyStarts(seed, { at: 7, share: 0.97, workMin: 8 * 60 })))).toEqual([]);
  });
});
