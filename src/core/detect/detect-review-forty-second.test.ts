// Robots that would pass for people if email codes beside a surname-like word were excused by work
// long after a sign-in, or if any three user agents made a tester; and testers on one or two
// browser families across their devices.
import { describe, expect, it } from "vitest";
import { account, anyOf, atLeastLikelyBot, BROWSER, CLOUD, DAY, drop, EMPTY, ev, findingOf, HOUR, isHuman, isWeekend, jitter, lcg, MIN, OFFICE, officeColleagues, perturbed, REF_MS, signInsAllDay, snapshotOf, stripUserAgents, token, wrongRuns, type Perturb, type Raw } from "../../../test/helpers/people-audit.js";

const CHROME = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0.0.0 Safari/537.36";
const ANDROID_CHROME = "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0.6723.86 Mobile Safari/537.36";
const IOS_SAFARI = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_6 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.6 Mobile/15E148 Safari/604.1";
const FIREFOX = "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:131.0) Gecko/20100101 Firefox/131.0";
const EDGE = `${CHROME} Edg/130.0.2849.80`;
const JIRA_IOS = "Jira/204.0.0 (iPhone; iOS 17.6)";
const JIRA_ANDROID = "Jira/204.0.0 (Android; 14)";
const OLD_IE = "Mozilla/5.0 (compatible; MSIE 10.0; Windows NT 6.1; Trident/6.0)";

const SEEDS = [1, 2, 3] as const;
const ROBOT = { managementSource: "invited", mfaEnabled: false, ...EMPTY };
const CHANGES: readonly [string, Perturb[]][] = [
  ["as recorded", []],
  ["drop 30%", [drop(0.3)]],
  ["jitter 20 min", [jitter(1, 20)]],
  ["no user agents", [stripUserAgents]],
];
/** Account `p` judged beside eight office workers (all signing in from `colleaguesIp` when given: a VPN's egress). */
const judge =
  (user: Raw, events: (seed: number) => Raw[], changes: readonly Perturb[] = [], tokens: Raw[] = [], colleaguesIp?: string) =>
  (seed: number) => {
    const c = officeColleagues(seed);
    const others = colleaguesIp === undefined ? c.events : c.events.map((e) => ({ ...e, ip: colleaguesIp }));
    return findingOf(snapshotOf([user, ...c.users], [...others, ...perturbed(events(seed), seed, changes)], tokens), "p");
  };
const signIn = (out: Raw[], t: number, ip: string, userAgent = BROWSER): void => {
  out.push(ev("p", t - 20_000, { action: "email_otp_sent", ip, userAgent }), ev("p", t, { ip, userAgent }));
};

/** An RPA robot unlocked at the office each workday at 07:45-08:15 (an email code, a sign-in), then a step every `lo`-`hi` minutes until 17:00. */
const unlockedEachMorning =
  (lo: number, hi: number) =>
  (seed: number): Raw[] => {
    const r = lcg(seed * 31 + 7);
    const out: Raw[] = [];
    for (let d = 28; d >= 1; d--) {
      const day = REF_MS - d * DAY;
      if (isWeekend(day) || r() < 0.05) continue;
      const s = Math.floor(day + (7.75 + r() * 0.5) * HOUR);
      signIn(out, s, OFFICE);
      for (let t = s + (lo + r() * (hi - lo)) * MIN; t < day + 17 * HOUR; t += (lo + r() * (hi - lo)) * MIN) out.push(ev("p", Math.floor(t), { action: "issue_updated", ip: OFFICE, userAgent: BROWSER }));
    }
    return out;
  };
/** A browser robot signing in twice a workday at the office, its three steps 20-60 minutes after each sign-in (a queue it waits on). */
const laggingSittings = (seed: number): Raw[] => {
  const r = lcg(seed * 37 + 1);
  const out: Raw[] = [];
  for (let d = 28; d >= 1; d--) {
    const day = REF_MS - d * DAY;
    if (isWeekend(day) || r() < 0.05) continue;
    for (let i = 0; i < 2; i++) {
      const s = Math.floor(day + (8 + i * 4.5 + r() * 2.25) * HOUR);
      signIn(out, s, OFFICE);
      for (let a = 0; a < 3; a++) out.push(ev("p", Math.floor(s + (20 + r() * 40) * MIN), { action: "issue_updated", ip: OFFICE, userAgent: BROWSER }));
    }
  }
  return out;
};
/** Its owner's evening sign-ins from home or a phone, on two workdays in five. */
const ownerEvenings = (seed: number): Raw[] => {
  const r = lcg(seed + 99);
  const out: Raw[] = [];
  for (let d = 28; d >= 1; d--) {
    const day = REF_MS - d * DAY;
    if (isWeekend(day) || r() < 0.6) continue;
    signIn(out, Math.floor(day + (19 + r() * 2) * HOUR), d % 2 === 0 ? "86.12.40.7" : "92.40.181.3");
  }
  return out;
};
const RECENT_TOKEN = [token("tk", "p", REF_MS - HOUR, "integration")];

describe("people sent to review: a manual tester whose browsers are one or two families", () => {
  const tester = account("p", { name: "Priya Raman", email: "priya.raman@acme.com", jobTitle: "QA Engineer", managementSource: "invited", mfaEnabled: false });
  // Failed before too (login-flood); `human` at f801cbc.
  it("testing on desktop Chrome, Android Chrome and iPhone Safari (two families), from the office, is `human`", () => {
    expect(wrongRuns(SEEDS, isHuman, judge(tester, (s) => signInsAllDay(s, "p", anyOf([CHROME, ANDROID_CHROME, IOS_SAFARI]), OFFICE, true)))).toEqual([]);
  });
});

describe("robots whose email codes are excused as a surname's: work long after a sign-in", () => {
  const robot = (name: string, email: string): Raw => account("p", { name, email, ...ROBOT });
  // Passed before (likely-bot on the automation-identity floor, email codes without 2SV).
  describe.each(CHANGES)("%s", (_label, changes) => {
    it("an RPA robot \"Invoice Runner\" unlocked at the office each morning, then a step every 2-40 minutes until 17:00, stays at least `likely-bot`", () => {
      expect(wrongRuns(SEEDS, atLeastLikelyBot, judge(robot("Invoice Runner", "invoice.runner@acme.com"), unlockedEachMorning(2, 40), changes))).toEqual([]);
    });
    it("the same robot as \"Payroll Sync\" at payroll.sync@, with an API token in use, stays at least `likely-bot`", () => {
      expect(wrongRuns(SEEDS, atLeastLikelyBot, judge(robot("Payroll Sync", "payroll.sync@acme.com"), unlockedEachMorning(2, 40), changes, RECENT_TOKEN))).toEqual([]);
    });
    it("\"Finance Export\", a browser robot whose steps come 20-60 minutes after each of its two sign-ins a day, stays at least `likely-bot`", () => {
      expect(wrongRuns(SEEDS, atLeastLikelyBot, judge(robot("Finance Export", "finance.export@acme.com"), laggingSittings, changes))).toEqual([]);
    });
    it("\"Ledger Bot\", signing in once a workday and polling every 5-60 minutes, stays at least `likely-bot`", () => {
      expect(wrongRuns(SEEDS, atLeastLikelyBot, judge(robot("Ledger Bot", "ledger.bot@acme.com"), unlockedEachMorning(5, 60), changes))).toEqual([]);
    });
  });
  // Passed before (likely-bot on the floor); run 1 is `human` (three sign-in addresses and the robot's day after them).
  it("\"Invoice Runner\" unlocked each morning, its owner also signing in from home in the evening, stays at least `likely-bot`", () => {
    expect(wrongRuns(SEEDS, atLeastLikelyBot, judge(robot("Invoice Runner", "invoice.runner@acme.com"), (s) => [...unlockedEachMorning(2, 40)(s), ...ownerEvenings(s)]))).toEqual([]);
  });
});

describe("robots signing in all day from three browser families", () => {
  const dana = account("p", { name: "Dana Price", email: "dana.price@acme.com", ...ROBOT });
  const checks = account("p", { name: "UI Checks", email: "ui-checks@acme.com", ...ROBOT });
  // Passed before (likely-bot on login-flood); `human` at f801cbc too.
  it("a Chrome/Firefox/Edge grid in a VPN org whose people all sign in from the VPN's cloud egress, with email codes, stays at least `likely-bot`", () => {
    expect(wrongRuns(SEEDS, atLeastLikelyBot, judge(dana, (s) => signInsAllDay(s, "p", anyOf([CHROME, FIREFOX, EDGE]), CLOUD, true), [], [], CLOUD))).toEqual([]);
  });
  // Passed before (likely-bot on login-flood); `human` at f801cbc too.
  it("the same grid without email codes, named UI Checks, stays at least `likely-bot`", () => {
    expect(wrongRuns(SEEDS, atLeastLikelyBot, judge(checks, (s) => signInsAllDay(s, "p", anyOf([CHROME, FIREFOX, EDGE]), CLOUD, false), [], [], CLOUD))).toEqual([]);
  });
  // Passed before (likely-bot on login-flood); `human` at f801cbc too.
  it("an office Selenium grid's Chrome, Firefox and Edge, with email codes, stays at least `likely-bot`", () => {
    expect(wrongRuns(SEEDS, atLeastLikelyBot, judge(dana, (s) => signInsAllDay(s, "p", anyOf([CHROME, FIREFOX, EDGE]), OFFICE, true)))).toEqual([]);
  });
  // Passed before (likely-bot on login-flood); `human` at f801cbc too.
  it("an office robot whose user agents say Chrome, Jira's Android app and Firefox stays at least `likely-bot`", () => {
    expect(wrongRuns(SEEDS, atLeastLikelyBot, judge(dana, (s) => signInsAllDay(s, "p", anyOf([CHROME, JIRA_ANDROID, FIREFOX]), OFFICE, true)))).toEqual([]);
  });
  // Passed before (likely-bot on login-flood); `human` at f801cbc too. Jira's iOS app and an old Internet Explorer are two "families".
  it("an office robot whose user agents say Chrome, Jira's iPhone app and Internet Explorer 10 stays at least `likely-bot`", () => {
    expect(wrongRuns(SEEDS, atLeastLikelyBot, judge(dana, (s) => signInsAllDay(s, "p", anyOf([CHROME, JIRA_IOS, OLD_IE]), OFFICE, true)))).toEqual([]);
  });
});
