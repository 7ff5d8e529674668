// Attacks on "a person's long day" (one sign-in a day whose work comes hours later is no
// schedule's) and on the hold of a token's job on a person-named account in a snapshot without UI
// activity. An Atlassian org audit log records sign-ins, email codes and admin events; a browser
// robot's product edits are mostly not there. What a robot run from a desktop browser leaves is
// its sign-in at a fixed minute and, at best, a few events later or a last-active time.
import { describe, expect, it } from "vitest";
import {
  atLeastLikelyBot,
  BROWSER,
  CLOUD,
  DAY,
  ev,
  explain,
  findingOf,
  HOUR,
  iso,
  isHuman,
  JUDGE_LOG_CHANGES,
  lcg,
  MIN,
  OFFICE,
  perturbed,
  REF_MS,
  snapshotOf,
  wrongRuns,
  type Raw,
  invitedAccount,
} from "../../../test/helpers/people-audit.js";
import type { Finding } from "./types.js";

const SEEDS = [1, 2, 3, 4, 5, 6, 7, 8] as const;
const IPHONE = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1";


interface Plan {
  /** Minutes after midnight UTC of the sign-in. */
  at: number;
  /** Days of the week (UTC) it signs in on. */
  week: readonly number[];
  otp: boolean;
  ip: string;
  /** The times of the day's recorded work after its sign-in (ms), with their action. */
  after: (r: () => number, signIn: number) => [number, string][];
  /** How far the sign-in strays from its minute, either way (minutes). */
  spread?: number;
  agent?: string;
}
interface Days {
  events: Raw[];
  lastSignIn: number;
}

/** Five weeks of one sign-in a day on `plan.week`, a day in twenty missed, an email code 30 s before each when `otp`. */
function daily(seed: number, id: string, plan: Plan): Days {
  const r = lcg(seed);
  const events: Raw[] = [];
  let lastSignIn = 0;
  const spread = plan.spread ?? 2;
  const userAgent = plan.agent ?? BROWSER;
  for (let d = 35; d >= 1; d--) {
    const day = REF_MS - d * DAY;
    if (!plan.week.includes(new Date(day).getUTCDay()) || r() < 0.05) continue;
    const signIn = Math.floor(day + plan.at * MIN + (r() - 0.5) * 2 * spread * MIN);
    if (signIn >= REF_MS) continue;
    if (plan.otp) events.push(ev(id, signIn - 30_000, { action: "email_otp_sent", ip: plan.ip, userAgent }));
    events.push(ev(id, signIn, { ip: plan.ip, userAgent }));
    for (const [t, action] of plan.after(r, signIn)) if (t < REF_MS) events.push(ev(id, Math.floor(t), { action, ip: plan.ip, userAgent }));
    lastSignIn = signIn;
  }
  return { events, lastSignIn };
}

const SIX_DAYS = [1, 2, 3, 4, 5, 6] as const;
const SEVEN_DAYS = [0, 1, 2, 3, 4, 5, 6] as const;

/** A queue worker started by the sign-in: one to three items handled 30-90 minutes after it. */
const queue = (r: () => number, signIn: number): [number, string][] => {
  const out: [number, string][] = [];
  for (let k = 1 + Math.floor(r() * 3); k > 0; k--) out.push([signIn + (30 + r() * 60) * MIN, "issue_updated"]);
  return out.sort((a, b) => a[0] - b[0]);
};
/** A robot that stays signed in and acts on the hour (a few seconds late) until 17:00. */
const hourly =
  (untilHour: number) =>
  (r: () => number, signIn: number): [number, string][] => {
    const out: [number, string][] = [];
    for (let t = signIn + HOUR; t < signIn - (signIn % DAY) + untilHour * HOUR; t += HOUR) out.push([t + Math.floor(r() * 20_000), "issue_updated"]);
    return out;
  };
/** Nothing recorded after the sign-in: the robot's product work is not in the org's log. */
const nothing = (): [number, string][] => [];
/** A person: now and then (one day in eight) something done 1-7 hours into the shift. */
const nowAndThen = (r: () => number, signIn: number): [number, string][] => (r() < 0.125 ? [[signIn + (1 + r() * 6) * HOUR, "user_profile_updated"]] : []);

const judge = (users: Raw[], events: Raw[], id: string, tokens: Raw[] = []): Finding => findingOf(snapshotOf(users, events, tokens), id);

/** Each of the judge's changes to the log whose run of `build` gets a verdict `want` refuses. */
function underChanges(want: (v: Finding["verdict"]) => boolean, build: (seed: number, noUi: boolean) => { users: Raw[]; events: Raw[]; id: string }): string[] {
  return JUDGE_LOG_CHANGES.flatMap(([name, changes, noUi]) =>
    SEEDS.flatMap((seed) => {
      const { users, events, id } = build(seed, noUi);
      const f = judge(users, perturbed(events, seed, changes), id);
      return want(f.verdict) ? [] : [`${name} run ${seed}: ${explain(f)}`];
    }),
  );
}

describe("a browser robot that signs in once a day at a fixed minute and works on after it", () => {
  // A queue worker run by an RPA robot that signs in at 06:00 with an email code and handles items
  // 30-90 minutes later: its work never comes within minutes of a sign-in, some of it an hour
  // after, as a person's long day's would. Unlike a person's, that work comes every day (the first
  // long-day rule made it `human` in every run; `likely-bot` on login-schedule before and now).
  it("stays at least `likely-bot` when a queue worker handles items 30-90 minutes after each sign-in", () => {
    const wrong = (["minutes", "hours"] as const).flatMap((ui) =>
      [CLOUD, OFFICE].flatMap((ip) =>
        wrongRuns(SEEDS, atLeastLikelyBot, (seed) => {
          const { events, lastSignIn } = daily(seed, "r", { at: 6 * 60, week: SIX_DAYS, otp: true, ip, after: queue });
          const last = lastSignIn + (ui === "minutes" ? 95 * MIN : 5 * HOUR);
          return judge([invitedAccount("r", "Tom Baker", "tom.baker@acme.com", last)], events, "r");
        }).map((w) => `${ui} ${ip} ${w}`),
      ),
    );
    expect(wrong).toEqual([]);
  });

  // The robot signs in at 06:00 and runs the day's batch two to three hours later, when the
  // overnight files have landed: a threshold of two hours for "hours after" would not tell it from
  // a person; that its work comes on most sign-in days does.
  it("stays at least `likely-bot` when a batch runs two to three hours after each sign-in", () => {
    const batch = (r: () => number, signIn: number): [number, string][] => {
      const at = signIn + (2 + r()) * HOUR;
      return [[at, "issue_updated"], [at + (1 + r() * 3) * MIN, "issue_updated"]];
    };
    const wrong = [true, false].flatMap((otp) =>
      wrongRuns(SEEDS, atLeastLikelyBot, (seed) => {
        const { events, lastSignIn } = daily(seed, "r", { at: 6 * 60, week: SIX_DAYS, otp, ip: CLOUD, after: batch });
        return judge([invitedAccount("r", "Tom Baker", "tom.baker@acme.com", lastSignIn + 3.2 * HOUR)], events, "r");
      }).map((w) => `otp ${otp} ${w}`),
    );
    expect(wrong).toEqual([]);
  });

  // A robot that stays signed in and acts on the hour, every day of the week, its sign-in at
  // 07:00; named like a desk with a number.
  it("stays at least `likely-bot` when it stays signed in and acts on the hour until 17:00, seven days a week", () => {
    const wrong = [true, false].flatMap((otp) =>
      wrongRuns(SEEDS, atLeastLikelyBot, (seed) => {
        const { events, lastSignIn } = daily(seed, "r", { at: 7 * 60, week: SEVEN_DAYS, otp, ip: OFFICE, after: hourly(17) });
        return judge([invitedAccount("r", "Finance Desk 2", "finance.desk2@acme.com", lastSignIn + 10 * HOUR)], events, "r");
      }).map((w) => `otp ${otp} ${w}`),
    );
    expect(wrong).toEqual([]);
  });

  // No work of its own in the log, its UI last used 3 hours after its last sign-in (a session the
  // robot keeps open), seven days a week from a cloud: one last-active time cannot tell it from a
  // person's long day, so the schedule stands (a version that read the last-active time as a long
  // day made "王伟" and "Tom Baker" `human` in 6 of 8 runs).
  it("stays at least `likely-bot` with no work recorded and its last UI use hours after its last sign-in", () => {
    const wrong = (
      [
        ["王伟", "wang.wei@acme.com"],
        ["Tom Baker", "tom.baker@acme.com"],
        ["Finance Desk 2", "finance.desk2@acme.com"],
      ] as const
    ).flatMap(([name, email]) =>
      [true, false].flatMap((otp) =>
        wrongRuns(SEEDS, atLeastLikelyBot, (seed) => {
          const { events, lastSignIn } = daily(seed, "r", { at: 5 * 60 + 30, week: SEVEN_DAYS, otp, ip: CLOUD, after: nothing });
          return judge([invitedAccount("r", name, email, lastSignIn + 3 * HOUR)], events, "r");
        }).map((w) => `${name} otp ${otp} ${w}`),
      ),
    );
    expect(wrong).toEqual([]);
  });

  // Under every change to the log: its work comes on most days, within two hours of the sign-in,
  // no person's now-and-then step hours later. (In the last 7 days, six sign-ins at most, one run
  // in eight is `human`, as it was before any long-day rule: too few sign-ins for a schedule.)
  it("stays at least `likely-bot` under the judge's changes to the log (queue worker, cloud, six days)", () => {
    const wrong = underChanges(atLeastLikelyBot, (seed, noUi) => {
      const { events, lastSignIn } = daily(seed, "r", { at: 6 * 60, week: SIX_DAYS, otp: true, ip: CLOUD, after: queue });
      return { users: [invitedAccount("r", "Tom Baker", "tom.baker@acme.com", noUi ? undefined : lastSignIn + 95 * MIN)], events, id: "r" };
    });
    expect(wrong.filter((w) => !w.startsWith("last 7 days"))).toEqual([]);
    expect(wrong.length).toBeLessThanOrEqual(1);
  });

  // No work in the log, only a last-active time hours after the last sign-in: a robot that stays
  // signed in leaves one too, so the schedule stands (`likely-bot` under every change).
  it("stays at least `likely-bot` under the judge's changes to the log (CJK name, no work recorded, UI hours later)", () => {
    const wrong = underChanges(atLeastLikelyBot, (seed, noUi) => {
      const { events, lastSignIn } = daily(seed, "r", { at: 5 * 60 + 30, week: SEVEN_DAYS, otp: true, ip: CLOUD, after: nothing });
      return { users: [invitedAccount("r", "王伟", "wang.wei@acme.com", noUi ? undefined : lastSignIn + 3 * HOUR)], events, id: "r" };
    });
    expect(wrong).toEqual([]);
  });

  // Work within minutes of each sign-in is a robot's steps, whenever the UI was last used.
  it("stays at least `likely-bot` when its steps follow the sign-in within minutes, its UI last used hours later", () => {
    const steps = (r: () => number, signIn: number): [number, string][] => [[signIn + (30 + r() * 120) * 1000, "issue_updated"]];
    const wrong = wrongRuns(SEEDS, atLeastLikelyBot, (seed) => {
      const { events, lastSignIn } = daily(seed, "r", { at: 6 * 60, week: SEVEN_DAYS, otp: true, ip: OFFICE, after: steps });
      return judge([invitedAccount("r", "王伟", "wang.wei@acme.com", lastSignIn + 6 * HOUR)], events, "r");
    });
    expect(wrong).toEqual([]);
  });
});

describe("people the long day was meant to clear", () => {
  // Reviewed on its schedule in every run, from a cloud or the office, before the long-day rule.
  it("a shift worker at one minute, six days, an event now and then hours later, in a snapshot without UI activity, is human", () => {
    const wrong = [CLOUD, OFFICE].flatMap((ip) =>
      wrongRuns(SEEDS, isHuman, (seed) => {
        const { events } = daily(seed, "p", { at: 5 * 60 + 58, week: SIX_DAYS, otp: true, ip, after: nowAndThen });
        return judge([invitedAccount("p", "Emre Şahin", "emre.sahin2@acme.com", undefined)], events, "p");
      }).map((w) => `${ip} ${w}`),
    );
    expect(wrong).toEqual([]);
  });

  it("a shift worker at one minute with no event recorded and no UI activity in the snapshot is never `bot`", () => {
    const wrong = wrongRuns(SEEDS, (v) => v !== "bot", (seed) => {
      const { events } = daily(seed, "p", { at: 5 * 60 + 58, week: SIX_DAYS, otp: true, ip: CLOUD, after: nothing });
      return judge([invitedAccount("p", "Emre Şahin", "emre.sahin2@acme.com", undefined)], events, "p");
    });
    expect(wrong).toEqual([]);
  });

  // A split shift (06:00-10:00 and 16:00-20:00): two sign-ins a day at two fixed minutes, work
  // now and then hours into each half. Two sittings a day are no long day's: it is reviewed
  // (login-schedule, activity-schedule, email-otp), as a robot's timetable would be; never `bot`.
  it("a split-shift worker signing in at 06:00 and 16:00 sharp is never `bot`", () => {
    const wrong = wrongRuns(SEEDS, (v) => v !== "bot", (seed) => {
      const a = daily(seed, "p", { at: 6 * 60, week: SIX_DAYS, otp: true, ip: OFFICE, after: nowAndThen });
      const b = daily(seed + 100, "p", { at: 16 * 60, week: SIX_DAYS, otp: true, ip: OFFICE, after: nowAndThen });
      const last = Math.max(a.lastSignIn, b.lastSignIn) + 3.5 * HOUR;
      return judge([invitedAccount("p", "Chiara Bruno", "chiara.bruno@acme.com", last)], [...a.events, ...b.events], "p");
    });
    expect(wrong).toEqual([]);
  });

  // A night shift from 22:00 sharp, Sunday to Thursday nights; the work of a night falls after
  // midnight, on the next day.
  it("a night-shift worker signing in at 22:00 sharp is human", () => {
    const wrong = [true, false].flatMap((withUi) =>
      wrongRuns(SEEDS, isHuman, (seed) => {
        const { events, lastSignIn } = daily(seed, "p", { at: 22 * 60, week: [0, 1, 2, 3, 4], otp: true, ip: OFFICE, after: nowAndThen });
        return judge([invitedAccount("p", "Kofi Mensah", "kofi.mensah@acme.com", withUi ? lastSignIn + 8 * HOUR : undefined)], events, "p");
      }).map((w) => `ui ${withUi} ${w}`),
    );
    expect(wrong).toEqual([]);
  });

  // A shift worker with a laptop at 05:58 and a phone now and then in the evening (two or three
  // times a week): more than 1.25 sittings a sign-in day, no long day's; reviewed
  // (login-schedule, activity-schedule, email-otp; every-day in half the runs), never `bot`.
  it("a shift worker with a laptop at one minute and a phone in the evenings is never `bot`", () => {
    const wrong = wrongRuns(SEEDS, (v) => v !== "bot", (seed) => {
      const { events, lastSignIn } = daily(seed, "p", { at: 5 * 60 + 58, week: SIX_DAYS, otp: true, ip: OFFICE, after: nowAndThen });
      const r = lcg(seed * 31 + 7);
      for (let d = 35; d >= 1; d--) {
        if (r() > 0.4) continue;
        const t = Math.floor(REF_MS - d * DAY + (18 + r() * 4) * HOUR);
        events.push(ev("p", t, { ip: "92.40.1.7", userAgent: IPHONE }));
      }
      return judge([invitedAccount("p", "Emre Şahin", "emre.sahin2@acme.com", lastSignIn + 8 * HOUR)], events, "p");
    });
    expect(wrong).toEqual([]);
  });

  // Seven days a week at 06:30 (within two minutes), a day in twenty missed: a daily beat as
  // steady as a timer's (login-fixed-cadence), with the work of a long day after it. Its sign-ins
  // start a person's long day, which holds it at review at most (it was `bot` in runs 3 and 7,
  // and under most changes to the log).
  it("a shift worker at one minute is never `bot` under the judge's changes to the log, seven days a week from the office", () => {
    const wrong = underChanges((v) => v !== "bot", (seed, noUi) => {
      const { events, lastSignIn } = daily(seed, "p", { at: 6 * 60 + 30, week: SEVEN_DAYS, otp: true, ip: OFFICE, after: nowAndThen });
      return { users: [invitedAccount("p", "Aiko Tanaka", "aiko.tanaka@acme.com", noUi ? undefined : lastSignIn + 9 * HOUR)], events, id: "p" };
    });
    expect(wrong).toEqual([]);
  });
});

// A token's job every night in a snapshot that does not record UI activity, two weeks of log.
describe("a token's nightly job on an account whose UI activity is not recorded", () => {
  const nightly = (seed: number, id: string): Raw[] => {
    const r = lcg(seed);
    const out: Raw[] = [];
    for (let d = 14; d >= 1; d--) {
      const at = REF_MS - d * DAY + 3 * HOUR + 17 * MIN + Math.floor(r() * 300_000);
      for (let k = 0; k < 3; k++) out.push(ev(id, at + k * 20_000, { action: "issue_viewed", tokenId: `t-${id}`, authType: "api-token", ip: CLOUD, userAgent: "python-requests/2.31.0" }));
    }
    return out;
  };
  const tokenOf = (id: string): Raw => ({ id: `t-${id}`, accountId: id, label: "nightly", status: "ALLOWED", createdAt: iso(REF_MS - 200 * DAY), expiresAt: null, lastActiveAt: iso(REF_MS - 20 * HOUR) });
  const judged = (seed: number, name: string, email: string): Finding => judge([invitedAccount("x", name, email, undefined)], nightly(seed, "x"), "x", [tokenOf("x")]);

  // A team's two-word name and its dotted mailbox read as a person's name and mailbox: without a
  // team's word among them ("Data Platform", "Customer Success", "Platform Engineering"), the
  // owner-away hold held these at review.
  it("is `bot` on a team's account with a two-word name", () => {
    const wrong = (
      [
        ["Data Platform", "data.platform@acme.com"],
        ["Finance Reports", "finance.reports@acme.com"],
        ["Customer Success", "customer.success@acme.com"],
        ["Release Train", "release.train@acme.com"],
        ["Sales Ops", "sales.ops@acme.com"],
        ["Platform Engineering", "platform.engineering@acme.com"],
        ["Data Platform", "data@acme.com"],
        ["Nightly Export", "nightly@acme.com"],
        ["王伟", "support@acme.com"],
      ] as const
    ).flatMap(([name, email]) => wrongRuns(SEEDS, (v) => v === "bot", (seed) => judged(seed, name, email)).map((w) => `${name} ${w}`));
    expect(wrong).toEqual([]);
  });

  // A person on leave, whatever their mailbox looks like: their name written in CJK characters,
  // a mailbox of their given name or initials alone (as small companies address their people).
  it("is reviewed, not `bot`, on a person's account whatever their mailbox looks like", () => {
    const wrong = (
      [
        ["王伟", "wang.wei@acme.com"],
        ["Priya Raman", "priya@acme.com"],
        ["Priya Raman", "pr@acme.com"],
        ["Nguyễn Văn An", "an.nguyen@acme.com"],
        ["Raman, Priya", "priya.raman@acme.com"],
      ] as const
    ).flatMap(([name, email]) => wrongRuns(SEEDS, (v) => v === "likely-bot", (seed) => judged(seed, name, email)).map((w) => `${name} <${email}> ${w}`));
    expect(wrong).toEqual([]);
  });
});
