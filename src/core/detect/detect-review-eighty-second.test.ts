// Review of the token-start timer (`tokenStartSchedule`, `tokenTimer`): what a hurried admin's or a
// real org's people and jobs do with a person's API token. People's own clients (a git hook, a
// shell alias, a calendar reminder, a login script, an IDE plugin or an Outlook add-in that polls
// at the clock's quarter-hours, a log truncated to the minute, a handful of calls) stay `human`;
// cron jobs (with a scheduler's jitter, across a DST change, on weekends only, sampled by the log)
// are at least `likely-bot`.
import { describe, expect, it } from "vitest";
import { account, atLeastLikelyBot, BROWSER, DAY, findingOf, HOUR, isHuman, isWeekend, lcg, MIN, OFFICE, officeColleagues, officeDays, REF_MS, snapshotOf, token, tokenCall, wrongRuns, ev, type Raw, ownCliDays, standupReminderCli } from "../../../test/helpers/people-audit.js";

const SEEDS = [1, 2, 3, 4, 5, 6, 7, 8] as const;
const HOME = "155.4.29.181";
const CLI = "jira-cli/1.5";

/** The finding of `p` (a person with a full profile) among eight office colleagues. */
function judged(seed: number, events: Raw[], tokens: Raw[], profile: Raw = {}, map: (e: Raw) => Raw = (e) => e) {
  const { users, events: others } = officeColleagues(seed);
  const p = account("p", { name: "Axel Nilsson", email: "axel.nilsson@acme.com", jobTitle: "Tech Lead", ...profile });
  return findingOf(snapshotOf([p, ...users], [...events, ...others].map(map), tokens), "p");
}
const ownDays = (seed: number): Raw[] => officeDays(lcg(seed), "p");
const tk = (id: string, label = "jira-cli"): Raw => token(id, "p", REF_MS - DAY, label);
const toMinute = (e: Raw): Raw => ({ ...e, time: new Date(Math.floor(Date.parse(String(e["time"])) / MIN) * MIN).toISOString() });

// ---------------------------------------------------------------------------------------------
// People
// ---------------------------------------------------------------------------------------------

/** A git hook (curl) that looks up the issue key at each commit: 2-12 commits a weekday at any time, 1-2 calls each. */
function gitHook(seed: number): Raw[] {
  const r = lcg(seed * 101);
  const out: Raw[] = [];
  for (let d = 30; d >= 1; d--) {
    const day = REF_MS - d * DAY;
    if (isWeekend(day) || r() < 0.08) continue;
    for (let c = 2 + Math.floor(r() * 11); c > 0; c--) {
      const t = Math.floor(day + (8.5 + r() * 9) * HOUR);
      out.push(tokenCall("p", t, "hook-t", OFFICE, "curl/8.4.0"));
      if (r() < 0.5) out.push(tokenCall("p", t + 1500, "hook-t", OFFICE, "curl/8.4.0"));
    }
  }
  return out;
}

/** A shell alias (`jira issue list -a me`) run at each new terminal and now and then by hand. */
function shellAlias(seed: number): Raw[] {
  const r = lcg(seed * 103);
  const out: Raw[] = [];
  for (let d = 30; d >= 1; d--) {
    const day = REF_MS - d * DAY;
    if (isWeekend(day) ? r() > 0.1 : r() < 0.05) continue;
    for (let c = 1 + Math.floor(r() * 6); c > 0; c--) out.push(tokenCall("p", Math.floor(day + (8 + r() * 10) * HOUR), "alias-t", OFFICE, CLI));
  }
  return out;
}

/**
 * A control-room operator on a 06:00-14:00 rota (five days in seven, weekends included): their
 * Windows login script runs `jira issue list --queue ops` when they log on at 05:50-06:06, then
 * they sign in to Jira and work the queue until the shift ends.
 */
function shift(seed: number): Raw[] {
  const r = lcg(seed * 109);
  const out: Raw[] = [];
  for (let d = 35; d >= 1; d--) {
    if (d % 7 === seed % 7 || (d + 3) % 7 === seed % 7) continue; // two days off a week, rotating with the person
    const day = REF_MS - d * DAY;
    const logon = Math.floor(day + 6 * HOUR + (-10 + (r() + r()) * 8) * MIN); // 05:50-06:06, most near 05:58
    for (let c = 0; c < 2; c++) out.push(tokenCall("p", logon + 5000 + c * 3000, "login-t", OFFICE, "jira-cli/1.5 (windows)"));
    const signIn = logon + Math.floor((2 + r() * 4) * MIN);
    out.push(ev("p", signIn, { ip: OFFICE, userAgent: BROWSER }));
    for (let t = signIn + 3 * MIN; t < day + 14 * HOUR; t += (5 + r() * 40) * MIN) out.push(ev("p", Math.floor(t), { action: r() < 0.5 ? "issue_updated" : "comment_created", ip: OFFICE, userAgent: BROWSER }));
    if (r() < 0.4) out.push(tokenCall("p", Math.floor(day + (9 + r() * 4) * HOUR), "login-t", OFFICE, "jira-cli/1.5 (windows)"));
  }
  return out;
}

/**
 * An IDE plugin that polls every `period` minutes at the clock's marks (:00, :15, ... as some
 * plugins schedule themselves) while the laptop is open: 08:00-09:30 to 17:00-18:30 on workdays,
 * closed over lunch on half of them.
 */
function alignedPlugin(seed: number, period: number, ua = "IntelliJ/2024.2 jira-plugin", ip = OFFICE): Raw[] {
  const r = lcg(seed * 113 + period);
  const out: Raw[] = [];
  const step = period * MIN;
  for (let d = 30; d >= 1; d--) {
    const day = REF_MS - d * DAY;
    if (isWeekend(day) || r() < 0.05) continue;
    const open = day + (8 + r() * 1.5) * HOUR;
    const close = day + (17 + r() * 1.5) * HOUR;
    const lunch = r() < 0.5 ? [day + (11.75 + r() * 0.5) * HOUR, day + (12.75 + r() * 0.5) * HOUR] : [0, 0];
    for (let t = Math.ceil(open / step) * step; t < close; t += step) {
      if (t >= (lunch[0] as number) && t < (lunch[1] as number)) continue;
      out.push(tokenCall("p", t + Math.floor(r() * 4000), "ide-t", ip, ua));
    }
  }
  return out;
}

/**
 * Jira Cloud for Outlook with the person's token: refreshes every 30 minutes from when Outlook
 * opens (08:00-09:30), and looks issues up as mails naming them are read.
 */
function outlookAddIn(seed: number): Raw[] {
  const r = lcg(seed * 127);
  const ua = "Mozilla/5.0 (Windows NT 10.0; Win64; x64; Microsoft Outlook 16.0.17928; Pro) AppleWebKit/537.36 (KHTML, like Gecko) Edg/130.0 JiraCloudForOutlook/2.4";
  const out: Raw[] = [];
  for (let d = 30; d >= 1; d--) {
    const day = REF_MS - d * DAY;
    if (isWeekend(day) || r() < 0.05) continue;
    const open = day + (8 + r() * 1.5) * HOUR;
    const close = day + (17 + r() * 1.5) * HOUR;
    for (let t = open; t < close; t += 30 * MIN + Math.floor(r() * 3000)) out.push(tokenCall("p", Math.floor(t), "outlook-t", OFFICE, ua));
    for (let c = 2 + Math.floor(r() * 8); c > 0; c--) out.push(tokenCall("p", Math.floor(open + r() * (close - open)), "outlook-t", OFFICE, ua));
  }
  return out;
}

const ownCli = (seed: number, tokenId = "cli-t"): Raw[] => ownCliDays(seed, { tokenId, userAgent: CLI });

/** A handful of token calls: one a day on `n` weekdays, a minute or four after the morning's first sign-in. */
function fewAfterSignIn(seed: number, days: Raw[], n: number): Raw[] {
  const r = lcg(seed * 131);
  const firsts = new Map<number, number>();
  for (const e of days) {
    if (e["action"] !== "user_login") continue;
    const ms = Date.parse(String(e["time"]));
    const day = Math.floor(ms / DAY);
    if (!firsts.has(day) || (firsts.get(day) as number) > ms) firsts.set(day, ms);
  }
  return [...firsts.values()]
    .filter(() => r() < 0.6)
    .slice(0, n)
    .map((ms) => tokenCall("p", Math.floor(ms + (1 + r() * 3) * MIN), "few-t", OFFICE, CLI));
}

describe("people who use their own token stay human", () => {
  it("a developer whose git hook looks the issue up at each commit", () => {
    expect(wrongRuns(SEEDS, isHuman, (s) => judged(s, [...ownDays(s), ...gitHook(s)], [tk("hook-t", "git hook")]))).toEqual([]);
  });

  it("a developer whose shell alias runs at each new terminal", () => {
    expect(wrongRuns(SEEDS, isHuman, (s) => judged(s, [...ownDays(s), ...shellAlias(s)], [tk("alias-t", "zshrc")]))).toEqual([]);
  });

  it("a person who runs the CLI when a 09:00 calendar reminder pops up", () => {
    expect(wrongRuns(SEEDS, isHuman, (s) => judged(s, [...ownDays(s), ...standupReminderCli(s)], [tk("cli-t", "standup")]))).toEqual([]);
  });

  // The login script runs when the operator logs on: the person is there, at a minute of their own.
  // Reviewed on the sign-ins' schedule (activity-schedule, login-schedule, every-day on a rota with
  // weekends), as it was before the token's timer was read; never called bot.
  it("a shift operator whose login script calls the CLI at logon around 06:00 is never called bot", () => {
    expect(wrongRuns(SEEDS, (v) => v !== "bot", (s) => judged(s, shift(s), [tk("login-t", "logon script")], { jobTitle: "Control Room Operator", department: "Operations" }))).toEqual([]);
  });

  it.each([5, 15, 30, 60])("an IDE plugin polling every %i minutes at the clock's marks", (period) => {
    expect(wrongRuns(SEEDS, isHuman, (s) => judged(s, [...ownDays(s), ...alignedPlugin(s, period)], [tk("ide-t", "intellij")]))).toEqual([]);
  });

  it("an IDE plugin polling hourly at :00 beside the person's own CLI", () => {
    expect(wrongRuns(SEEDS, isHuman, (s) => judged(s, [...ownDays(s), ...ownCli(s), ...alignedPlugin(s, 60)], [tk("ide-t", "intellij"), tk("cli-t")]))).toEqual([]);
  });

  // A remote developer whose browser goes out through the company's proxy (the office egress) while
  // the IDE, outside the split-tunnel VPN, calls from the home broadband line.
  it("an IDE plugin polling hourly at :00 from the home line, the browser through the company proxy", () => {
    expect(wrongRuns(SEEDS, isHuman, (s) => judged(s, [...ownDays(s), ...alignedPlugin(s, 60, undefined, "94.254.12.7")], [tk("ide-t", "intellij")]))).toEqual([]);
  });

  it("an IDE plugin polling every 30 minutes at :00 and :30 from the home line", () => {
    expect(wrongRuns(SEEDS, isHuman, (s) => judged(s, [...ownDays(s), ...alignedPlugin(s, 30, undefined, "94.254.12.7")], [tk("ide-t", "intellij")]))).toEqual([]);
  });

  it("a Jira Outlook add-in refreshing every 30 minutes from when Outlook opens", () => {
    expect(wrongRuns(SEEDS, isHuman, (s) => judged(s, [...ownDays(s), ...outlookAddIn(s)], [tk("outlook-t", "outlook")]))).toEqual([]);
  });

  it("a person's own CLI and git hook in a log whose times are truncated to the minute", () => {
    expect(wrongRuns(SEEDS, isHuman, (s) => judged(s, [...ownDays(s), ...ownCli(s), ...gitHook(s)], [tk("cli-t"), tk("hook-t", "git hook")], {}, toMinute))).toEqual([]);
  });

  it("a person with a handful of token calls, each just after the morning sign-in", () => {
    expect(
      wrongRuns(SEEDS, isHuman, (s) => {
        const days = ownDays(s);
        return judged(s, [...days, ...fewAfterSignIn(s, days, 12)], [tk("few-t")]);
      }),
    ).toEqual([]);
  });

  it("a person with nine token calls at any time", () => {
    expect(
      wrongRuns(SEEDS, isHuman, (s) => {
        const r = lcg(s * 137);
        const calls = Array.from({ length: 9 }, (_, i) => tokenCall("p", Math.floor(REF_MS - (2 + i * 3) * DAY + (9 + r() * 8) * HOUR), "few-t", OFFICE, CLI)).filter((e) => !isWeekend(Date.parse(String(e["time"]))));
        return judged(s, [...ownDays(s), ...calls], [tk("few-t")]);
      }),
    ).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------------
// Jobs on a person's token
// ---------------------------------------------------------------------------------------------

/** A cron job: on the days `on` allows, starting at `utcMinute(day)` plus a delay `delayMs(r)`, 1-3 calls a run. */
function cron(seed: number, on: (day: number) => boolean, utcMinute: (day: number) => number, delayMs: (r: () => number) => number, tokenId = "cron-t", from = 30): Raw[] {
  const r = lcg(seed * 139);
  const out: Raw[] = [];
  for (let d = from; d >= 1; d--) {
    const day = REF_MS - d * DAY;
    if (!on(day)) continue;
    const start = Math.floor(day + utcMinute(day) * MIN + delayMs(r));
    for (let c = 0; c < 1 + Math.floor(r() * 3); c++) out.push(tokenCall("p", start + c * 9_000, tokenId, HOME, "python-requests/2.32"));
  }
  return out;
}
const everyDay = (): boolean => true;
const weekdays = (day: number): boolean => !isWeekend(day);
/** Europe/Stockholm left summer time on 2026-10-25 at 01:00 UTC. */
const STOCKHOLM_WINTER = Date.parse("2026-10-25T01:00:00Z");
const stockholm = (localMinute: number) => (day: number) => localMinute - (day + localMinute * MIN - 2 * HOUR < STOCKHOLM_WINTER ? 120 : 60);

describe("cron jobs on a person's token are at least likely-bot", () => {
  it("a systemd timer with RandomizedDelaySec=2min at 06:15 UTC every day", () => {
    expect(wrongRuns(SEEDS, atLeastLikelyBot, (s) => judged(s, [...ownDays(s), ...cron(s, everyDay, () => 6 * 60 + 15, (r) => r() * 120_000)], [tk("cron-t", "nightly export")]))).toEqual([]);
  });

  // Persistent=true: after a night the box was off, the timer's missed run comes at boot, 08:41.
  it("a daily 06:15 UTC timer whose one missed run was caught up at boot", () => {
    const caughtUp = (s: number): Raw[] => cron(s, everyDay, (day) => (day === REF_MS - 12 * DAY ? 8 * 60 + 41 : 6 * 60 + 15), (r) => r() * 60_000);
    expect(wrongRuns(SEEDS, atLeastLikelyBot, (s) => judged(s, [...ownDays(s), ...caughtUp(s)], [tk("cron-t", "nightly export")]))).toEqual([]);
  });

  it("a weekday job that drifts two minutes either way around 05:30 UTC", () => {
    expect(wrongRuns(SEEDS, atLeastLikelyBot, (s) => judged(s, [...ownDays(s), ...cron(s, weekdays, () => 5 * 60 + 30, (r) => (r() * 4 - 2) * MIN)], [tk("cron-t", "report")]))).toEqual([]);
  });

  it("a cron at 07:00 Europe/Stockholm every day, across the end of summer time", () => {
    expect(wrongRuns(SEEDS, atLeastLikelyBot, (s) => judged(s, [...ownDays(s), ...cron(s, everyDay, stockholm(7 * 60), (r) => r() * 20_000)], [tk("cron-t", "morning sync")]))).toEqual([]);
  });

  it("a cron at 07:00 Europe/Stockholm on weekdays, across the end of summer time", () => {
    expect(wrongRuns(SEEDS, atLeastLikelyBot, (s) => judged(s, [...ownDays(s), ...cron(s, weekdays, stockholm(7 * 60), (r) => r() * 20_000)], [tk("cron-t", "morning sync")]))).toEqual([]);
  });

  it("a weekend-only cron at 03:00 UTC on Saturdays and Sundays", () => {
    expect(wrongRuns(SEEDS, atLeastLikelyBot, (s) => judged(s, [...ownDays(s), ...cron(s, isWeekend, () => 3 * 60, (r) => r() * 20_000, "cron-t", 35)], [tk("cron-t", "weekend cleanup")]))).toEqual([]);
  });

  it("a weekend-only job every six hours at :10", () => {
    const sixHourly = (s: number): Raw[] => [0, 6, 12, 18].flatMap((h) => cron(s * 7 + h, isWeekend, () => h * 60 + 10, (r) => r() * 20_000));
    expect(wrongRuns(SEEDS, atLeastLikelyBot, (s) => judged(s, [...ownDays(s), ...sixHourly(s)], [tk("cron-t", "weekend sync")]))).toEqual([]);
  });

  it("an hourly job at :37 of whose runs the log keeps one in ten", () => {
    const sampled = (s: number): Raw[] => {
      const r = lcg(s * 149);
      const out: Raw[] = [];
      for (let h = 30 * 24; h >= 1; h--) if (r() < 0.1) out.push(tokenCall("p", REF_MS - h * HOUR + 37 * MIN + Math.floor(r() * 30_000), "cron-t", HOME, "python-requests/2.32"));
      return out;
    };
    expect(wrongRuns(SEEDS, atLeastLikelyBot, (s) => judged(s, [...ownDays(s), ...sampled(s)], [tk("cron-t", "hourly sync")]))).toEqual([]);
  });

  it("an hourly job at :52 of whose runs the log keeps one a day", () => {
    const daily = (s: number): Raw[] => {
      const r = lcg(s * 151);
      return Array.from({ length: 30 }, (_, i) => tokenCall("p", REF_MS - (i + 1) * DAY + Math.floor(r() * 24) * HOUR + 52 * MIN + Math.floor(r() * 30_000), "cron-t", HOME, "python-requests/2.32"));
    };
    expect(wrongRuns(SEEDS, atLeastLikelyBot, (s) => judged(s, [...ownDays(s), ...daily(s)], [tk("cron-t", "hourly sync")]))).toEqual([]);
  });

  it("a cron job truncated to the minute by the log", () => {
    expect(wrongRuns(SEEDS, atLeastLikelyBot, (s) => judged(s, [...ownDays(s), ...cron(s, weekdays, () => 4 * 60 + 45, (r) => r() * 50_000)], [tk("cron-t", "report")], {}, toMinute))).toEqual([]);
  });

  // The owner also uses the job's token by hand all day: a call in the half-hour before 13:00 hides the job's start.
  it("a 13:00 UTC weekday cron on the token the owner also uses by hand", () => {
    expect(wrongRuns(SEEDS, atLeastLikelyBot, (s) => judged(s, [...ownDays(s), ...ownCli(s, "cron-t"), ...cron(s, weekdays, () => 13 * 60, (r) => r() * 20_000)], [tk("cron-t", "my scripts")]))).toEqual([]);
  });
});
