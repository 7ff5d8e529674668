// A robot's mailbox or name that puts its team's word before the bot-like one (`reports-robot@`,
// "Ops Screenshot", `finance-bot@`): the bot-like word leads as much as in `robot@`, for nobody's
// given name is a team's word. Browser robots signing in from one address each working day,
// in a log that lost their email codes or their user agents, were `human`. And a product's name
// of two words, however they are joined: "Blue Prism", `blue-prism`.
import { describe, expect, it } from "vitest";
import { account, atLeastLikelyBot, BROWSER, CLOUD, DAY, EMPTY, ev, findingOf, HOUR, isWeekend, lcg, MIN, officeColleagues, REF_MS, snapshotOf, wrongRuns, type Raw } from "../../../test/helpers/people-audit.js";

/** A browser robot's weekday run: one sign-in at 09:00-09:20 from `ip`, a dashboard or two viewed within minutes. */
function weekdayRuns(seed: number, ip: string, userAgent: string | undefined): Raw[] {
  const r = lcg(seed * 29 + 7);
  const out: Raw[] = [];
  const ua = userAgent === undefined ? {} : { userAgent };
  for (let d = 42; d >= 1; d--) {
    const day = REF_MS - d * DAY;
    if (isWeekend(day)) continue;
    const t = Math.floor(day + 9 * HOUR + r() * 20 * MIN);
    out.push(ev("p", t, { ip, ...ua }), ev("p", t + 2 * MIN, { action: "dashboard_viewed", ip, ...ua }));
  }
  return out;
}
const robot = (name: string, email: string): Raw => account("p", { name, email, managementSource: "invited", mfaEnabled: false, ...EMPTY, productAccess: [{ key: "jira-software", id: "ari:jira", lastActiveTimestamp: new Date(REF_MS - DAY).toISOString() }] });
const judge = (user: Raw, events: (seed: number) => Raw[]) => (seed: number) => {
  const c = officeColleagues(seed);
  return findingOf(snapshotOf([user, ...c.users], [...c.events, ...events(seed)]), "p");
};

describe("a robot named with its team's word first", () => {
  // Failed before: `human` on every run (the bot-like word, not leading, was damped and no trace was left).
  it("Reports Robot at `reports-robot@`, from one office address, its email codes not in the log, is at least `likely-bot`", () => {
    expect(wrongRuns([1, 2, 3], atLeastLikelyBot, judge(robot("Reports Robot", "reports-robot@acme.com"), (seed) => weekdayRuns(seed, "172.176.74.41", BROWSER)))).toEqual([]);
  });
  // Failed before: `human` on every run ("screenshot" was no bot-like word).
  it("Ops Screenshot at `ops.screens@`, from a cloud address, its user agents not in the log, is at least `likely-bot`", () => {
    expect(wrongRuns([1, 2, 3], atLeastLikelyBot, judge(robot("Ops Screenshot", "ops.screens@acme.com"), (seed) => weekdayRuns(seed, CLOUD, undefined)))).toEqual([]);
  });
});

/** An RPA robot's weekdays on a VDI at the office: a sign-in at 07:00 with an email code, then a step every 2-6 minutes until 17:00, each time moved by up to 10 minutes (a log's clocks). */
function rpaShift(seed: number): Raw[] {
  const r = lcg(seed * 41 + 3);
  const out: Raw[] = [];
  for (let d = 42; d >= 1; d--) {
    const day = REF_MS - d * DAY;
    if (isWeekend(day)) continue;
    const start = Math.floor(day + 7 * HOUR + r() * 2 * MIN);
    out.push(ev("p", start - 20_000, { action: "email_otp_sent", ip: "80.147.56.201", userAgent: BROWSER }), ev("p", start, { ip: "80.147.56.201", userAgent: BROWSER }));
    for (let t = start + 3 * MIN; t < day + 17 * HOUR; t += (2 + r() * 4) * MIN) out.push(ev("p", Math.floor(t + (r() - 0.5) * 20 * MIN), { action: "issue_transitioned", ip: "80.147.56.201", userAgent: BROWSER }));
  }
  return out;
}

describe("an RPA suite's name written as two words", () => {
  // Failed before: `human` on every run (`blue-?prism` matched `blue-prism` and `blueprism`, not "Blue Prism"; the clocks hid the beat).
  it("Blue Prism Worker at `bp-worker1@`, invited, an email code each morning, is at least `likely-bot`", () => {
    expect(wrongRuns([1, 2, 3], atLeastLikelyBot, judge(robot("Blue Prism Worker", "bp-worker1@acme.com"), rpaShift))).toEqual([]);
  });
});
