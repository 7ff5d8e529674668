// People whose mailbox leads with a surname that is a tool's name (Sonar, Jenkins), whose working
// day starts at one minute, who worked one Saturday or work two days a week, or whose desktop sync
// app polls while the laptop stays on, working through tokens with no web UI for weeks; a
// developer whose browser session outlasts the log where the UI is not recorded; robots signing
// in to a team's address from three desktops; a new integration set up over several visits; a
// browser robot that signs in many times a day for minutes at a time; and a 24x7 job on a team's
// address that people sign in to from three offices. Each test asserts the verdict over several
// runs.
import { describe, expect, it } from "vitest";
import type { Snapshot } from "../snapshot/schema.js";
import { account, alwaysOnCallEvents, BROWSER, CLOUD, DAY, EMPTY, ev, HOUR, integrationSetup, isWeekend, iso, lcg, MIN, OFFICE, REF_MS, runsWith, snap, token, tokenCall, type Raw } from "../../../test/helpers/people-audit.js";

const SEEDS = [1, 2, 3, 4, 5, 6, 7, 8] as const;
const INVITED = { managementSource: "invited", ...EMPTY };
const lastUi = (daysAgo: number | null): Raw => ({ productAccess: [{ key: "jira-software", id: "ari:jira", lastActiveTimestamp: daysAgo === null ? null : iso(REF_MS - daysAgo * DAY) }] });
/** Colleagues used in the UI yesterday, so that the source is seen to record UI use. */
const colleagues = (): Raw[] => Array.from({ length: 10 }, (_, i) => account(`col${i}`, { name: `Colleague ${i}` }));

/**
 * A contractor (account `d`) whose IDE plugin polls Jira every 10 minutes (plus a few seconds) with
 * one token while the laptop is open, one poll in ten lost, until 17:00-18:30 on weekdays, with
 * CLI calls every 20-110 minutes on another token; a day off in twenty. `start` gives the minute
 * the laptop is opened on a day. No sign-in; the web UI was last used 120 days ago.
 */
function ide(seed: number, user: Raw, start: (r: () => number) => number = (r) => (8 + r() * 1.5) * HOUR, works: (day: number) => boolean = (day) => !isWeekend(day)): Snapshot {
  const r = lcg(seed);
  const events: Raw[] = [];
  for (let d = 30; d >= 1; d--) {
    const day = REF_MS - d * DAY;
    if (!works(day) || r() < 0.05) continue;
    const from = day + start(r);
    const end = day + (17 + r() * 1.5) * HOUR;
    for (let t = from; t < end; t += 10 * MIN + Math.floor(r() * 20) * 1000) {
      if (r() < 0.1) continue;
      events.push(tokenCall("d", Math.floor(t), "ide", OFFICE, "IntelliJ-Jira/2024.2"));
    }
    for (let t = from + 20 * MIN; t < end; t += (20 + r() * 90) * MIN) events.push(tokenCall("d", Math.floor(t), "cli", OFFICE));
  }
  const u = account("d", { ...INVITED, ...user, ...lastUi(120) });
  return snap("ide-no-web-ui", [u, ...colleagues()], events, [token("ide", "d", REF_MS - DAY, "intellij"), token("cli", "d", REF_MS - DAY)]);
}

describe("a contractor working from an IDE and a CLI, whose mailbox writes a surname that is a tool's name first", () => {
  // Priya Sonar (Sonar is an Indian and Nepali surname), whose partner firm writes mailboxes
  // surname first: sonar.priya@. Without the surname it is the contractor the laptop-hours hold keeps.
  it("an invited contractor named Priya Sonar at sonar.priya@ is not `bot`", () => {
    expect(runsWith("bot", SEEDS, "d", (s) => ide(s, { name: "Priya Sonar", email: "sonar.priya@partner.example" }))).toEqual([]);
  });
  // The same person as a directory writes her name, surname first with a comma.
  it("an invited contractor named \"Sonar, Priya\" at sonar.priya@ is not `bot`", () => {
    expect(runsWith("bot", SEEDS, "d", (s) => ide(s, { name: "Sonar, Priya", email: "sonar.priya@partner.example" }))).toEqual([]);
  });
  // The older surname trap in the same situation: Sarah Jenkins at jenkins.sarah@.
  it("an invited contractor named Sarah Jenkins at jenkins.sarah@ is not `bot`", () => {
    expect(runsWith("bot", SEEDS, "d", (s) => ide(s, { name: "Sarah Jenkins", email: "jenkins.sarah@partner.example" }))).toEqual([]);
  });
  // A person in a reporting team whose mailbox carries the team's word: not a role address.
  it("the control, Anna Kowalski at reports.anna@, is not `bot` (close call)", () => {
    expect(runsWith("bot", SEEDS, "d", (s) => ide(s, { name: "Anna Kowalski", email: "reports.anna@partner.example" }))).toEqual([]);
  });
});

describe("an engineer always on call whose mailbox writes a surname that is a tool's name first", () => {
  // Rahul Sonar (sonar.rahul@, an IdP-synced employee with a full profile) works from a CLI on
  // weekdays and answers one to three pages a day at any hour from his phone; the Jira web UI he
  // last used 45 days ago. At rahul.sharma@ the same engineer is reviewed (the hold for activity at
  // all hours on no timer's beat); the surname-first mailbox leads with `sonar` and loses that hold.
  const PHONE = "Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148";
  const oncall = (seed: number, name: string, email: string): Snapshot =>
    snap("on-call-surname", [account("sre", { name, email, ...lastUi(45) }), ...colleagues()], alwaysOnCallEvents(seed, PHONE, "86.134.50.99"), [token("tk", "sre", REF_MS - DAY)]);

  it("a synced engineer named Rahul Sonar at sonar.rahul@ is not `bot`", () => {
    expect(runsWith("bot", SEEDS, "sre", (s) => oncall(s, "Rahul Sonar", "sonar.rahul@acme.com"))).toEqual([]);
  });
});

describe("a person whose desktop sync app polls Jira every 15 minutes while the laptop is on", () => {
  // An Outlook add-in's sync polls through the person's token every 15 minutes (seconds late, one
  // poll in twenty lost) while the laptop is on: left on overnight from Monday 08:00 to Friday
  // 17:00, shut down for the weekend; the person's own actions in Outlook add calls every 30-150
  // minutes in office hours. The web UI was last used 40 days ago. With `weekendOn` the laptop was
  // left on over one weekend of the four (Friday evening to Monday morning).
  function sync(seed: number, user: Raw, weekendOn: boolean): Snapshot {
    const r = lcg(seed);
    const events: Raw[] = [];
    const saturday = REF_MS - 15 * DAY; // 2026-10-17
    for (let d = 30; d >= 1; d--) {
      const day = REF_MS - d * DAY;
      const dow = new Date(day).getUTCDay();
      const on = (t: number): boolean => {
        if (weekendOn && t >= saturday - 6 * HOUR && t < saturday + 2 * DAY + 8 * HOUR) return true;
        if (dow === 0 || dow === 6) return false;
        if (dow === 1 && t < day + 8 * HOUR) return false;
        return !(dow === 5 && t > day + 17 * HOUR);
      };
      for (let t = day; t < day + DAY; t += 15 * MIN) if (on(t) && r() > 0.05) events.push(tokenCall("s", Math.floor(t + r() * 30_000), "sync", OFFICE, "JiraOutlookSync/3.2 (Windows)"));
      if (!isWeekend(day)) for (let t = day + (9 + r()) * HOUR; t < day + 17 * HOUR; t += (30 + r() * 120) * MIN) events.push(tokenCall("s", Math.floor(t), "sync", OFFICE, "JiraOutlookSync/3.2 (Windows)"));
    }
    const u = account("s", { name: "Gabriela Ruiz", email: "gabriela.ruiz@acme.com", ...user, ...lastUi(40) });
    return snap("desktop-sync", [u, ...colleagues()], events, [token("sync", "s", REF_MS - DAY, "outlook-sync")]);
  }

  // An employee provisioned by the IdP with a full profile, who left the laptop on one weekend.
  it("a synced employee with a full profile who left the laptop on over one weekend is not `bot`", () => {
    expect(runsWith("bot", SEEDS, "s", (s) => sync(s, {}, true))).toEqual([]);
  });
  // An invited contractor whose laptop is shut down every weekend.
  it("an invited contractor who shuts the laptop down every weekend is not `bot`", () => {
    expect(runsWith("bot", SEEDS, "s", (s) => sync(s, INVITED, false))).toEqual([]);
  });
});

describe("a contractor working from an IDE and a CLI whose shift starts at one minute", () => {
  // A support contractor on a 07:00 shift who unlocks the laptop at 06:56-07:04 on four days in
  // five (later on the others): the IDE's first poll comes within minutes of 07:00, as a clock's
  // would, but the plugin's user agent, the office address and the CLI token beside it are a person's.
  it("an invited contractor on a fixed 07:00 shift is not `bot`", () => {
    const start = (r: () => number): number => (r() < 0.8 ? 7 * HOUR + (r() * 8 - 4) * MIN : 7 * HOUR + (10 + r() * 40) * MIN);
    expect(runsWith("bot", SEEDS, "d", (s) => ide(s, { name: "Tomasz Wójcik", email: "tomasz.wojcik@partner.example" }, start))).toEqual([]);
  });
});

describe("a contractor working from an IDE and a CLI whose weeks are not five full workdays", () => {
  // The contractor of the laptop-hours hold, who worked one Saturday (a release weekend) in the
  // month: the IDE's polls on that Saturday end the hold's "rests every weekend".
  it("an invited contractor who worked one Saturday for a release is not `bot`", () => {
    const saturday = REF_MS - 8 * DAY; // 2026-10-24
    expect(runsWith("bot", SEEDS, "d", (s) => ide(s, { name: "Tomasz Wójcik", email: "tomasz.wojcik@partner.example" }, undefined, (day) => !isWeekend(day) || day === saturday))).toEqual([]);
  });
  // A part-time contractor who works two days a week (Tuesdays and Thursdays): under the hold's
  // 10 active days in a month's log.
  it("an invited part-time contractor on Tuesdays and Thursdays is not `bot`", () => {
    expect(runsWith("bot", SEEDS, "d", (s) => ide(s, { name: "Tomasz Wójcik", email: "tomasz.wojcik@partner.example" }, undefined, (day) => [2, 4].includes(new Date(day).getUTCDay())))).toEqual([]);
  });
});

describe("a robot that signs in to a team's address from three desktops, in a log of sign-ins only", () => {
  // An RPA robot (it drives Chrome: a browser's agent) on three virtual desktops signs in to
  // reports@ whenever a report request arrives, 5-9 times a day at any hour, every day; each
  // desktop works round the clock, unlike a desk's agents, who each keep their office's hours.
  // The log records sign-ins only; the UI was used yesterday (by the robot).
  function robot(seed: number, ips: readonly string[]): Snapshot {
    const r = lcg(seed);
    const events: Raw[] = [];
    for (let d = 30; d >= 1; d--) {
      const day = REF_MS - d * DAY;
      const n = 5 + Math.floor(r() * 5);
      for (let k = 0; k < n; k++) events.push(ev("rb", Math.floor(day + r() * DAY), { ip: ips[Math.floor(r() * ips.length)], userAgent: BROWSER }));
    }
    const u = account("rb", { name: "Reports", email: "reports@acme.com", ...INVITED, ...lastUi(1) });
    return snap("robot-desktops", [u, ...colleagues()], events);
  }

  // Desktops in a cloud provider's range.
  it("from three cloud desktops, it is `bot`", () => {
    const build = (s: number): Snapshot => robot(s, [CLOUD, "34.201.10.8", "34.201.10.9"]);
    expect(runsWith("likely-bot", SEEDS, "rb", build).concat(runsWith("human", SEEDS, "rb", build))).toEqual([]);
  });
});

describe("a 24x7 job on a team's address that people sign in to from three offices", () => {
  // An export job on an on-premises server calls the API through the account's token every 15
  // minutes (a few seconds late) round the clock; the team's people sign in from browsers at three
  // offices on workdays to read what it filed. The log records sign-ins and the token's calls.
  function job(seed: number, tokenIds: boolean): Snapshot {
    const r = lcg(seed);
    const events: Raw[] = [];
    const offices = [OFFICE, "212.58.153.138", "122.172.3.140"];
    for (let d = 30; d >= 1; d--) {
      const day = REF_MS - d * DAY;
      for (let t = day; t < day + DAY; t += 15 * MIN) events.push(tokenCall("rp", Math.floor(t + r() * 20_000), tokenIds ? "tk" : undefined, "10.20.0.5", "Apache-HttpClient/4.5.14 (Java/17)"));
      if (isWeekend(day)) continue;
      for (const ip of offices) if (r() < 0.7) events.push(ev("rp", Math.floor(day + (8 + r() * 8) * HOUR), { ip, userAgent: BROWSER }));
    }
    const u = account("rp", { name: "Reporting", email: "reporting@acme.com", ...INVITED, ...lastUi(1) });
    return snap("role-24x7-job", [u, ...colleagues()], events, [token("tk", "rp", REF_MS - DAY, "export")]);
  }

  it("the control, with the token named in its events, is not `human` (close call)", () => {
    expect(runsWith("human", SEEDS, "rp", (s) => job(s, false))).toEqual([]);
    expect(runsWith("human", SEEDS, "rp", (s) => job(s, true))).toEqual([]);
  });
});

describe("a developer whose browser session outlasts the log, in a snapshot that records no UI activity", () => {
  // The source collects no last-active times (a directory export), so the log's sign-ins stand for
  // UI use. Atlassian keeps an idle browser session for 30 days: a developer who works in the UI
  // every workday never signs in again, but the log records their comments and updates from the
  // browser, beside their CLI token's calls in working hours.
  const UNRECORDED = { productAccess: [{ key: "jira-software", id: "ari:jira" }] };
  function org(seed: number, user: Raw): Snapshot {
    const r = lcg(seed);
    const users: Raw[] = [];
    const events: Raw[] = [];
    for (let i = 0; i < 12; i++) {
      users.push(account(`p${i}`, { name: `Person ${i}`, ...UNRECORDED }));
      for (let d = 30; d >= 1; d--) {
        const day = REF_MS - d * DAY;
        if (!isWeekend(day) && r() > 0.2) events.push(ev(`p${i}`, Math.floor(day + (8 + r() * 2) * HOUR), { ip: OFFICE, userAgent: BROWSER }));
      }
    }
    for (let d = 30; d >= 1; d--) {
      const day = REF_MS - d * DAY;
      if (isWeekend(day) || r() < 0.05) continue;
      const end = day + (17 + r() * 1.5) * HOUR;
      for (let t = day + (8 + r() * 1.5) * HOUR; t < end; t += (5 + r() * 45) * MIN) {
        if (r() < 0.6) events.push(ev("dev", Math.floor(t), { action: r() < 0.5 ? "issue_updated" : "comment_created", ip: OFFICE, userAgent: BROWSER }));
        else events.push(tokenCall("dev", Math.floor(t), "cli", OFFICE));
      }
    }
    users.push(account("dev", { name: "Ana Costa", email: "ana.costa@acme.com", ...user, ...UNRECORDED }));
    return snap("session-outlasts-log", users, events, [token("cli", "dev", REF_MS - DAY)]);
  }

  // An employee provisioned by the IdP, with a full profile.
  it("a synced employee with a full profile is `human`", () => {
    expect(runsWith("likely-bot", SEEDS, "dev", (s) => org(s, {})).concat(runsWith("bot", SEEDS, "dev", (s) => org(s, {})))).toEqual([]);
  });
});

describe("a new integration whose admin signed in to it several times while setting it up", () => {
  // A Slack-to-Jira bridge, invited without a profile 16-22 days ago: its admin signs in on the day
  // it is added and on later `visits` (each `gap` days after the one before), viewing a few issues
  // each time; since then the bridge acts through its token from its vendor's cloud (an HTTP
  // library's user agent) whenever people post in Slack, every 1-40 minutes on weekday hours.
  function bridge(seed: number, gap: readonly [number, number], visits: number): Snapshot {
    const r = lcg(seed);
    const addedDays = 16 + Math.floor(r() * 7);
    const added = REF_MS - addedDays * DAY + 9 * HOUR;
    const days = [addedDays];
    for (let v = 1; v < visits; v++) days.push((days[v - 1] as number) - gap[0] - Math.floor(r() * (gap[1] - gap[0] + 1)));
    const events = integrationSetup(r, "w", addedDays, days);
    const last = days[days.length - 1] as number;
    const u = account("w", { name: "Slack Bridge", email: "slack.bridge@acme.com", addedToOrg: iso(added), ...INVITED, productAccess: [{ key: "jira-software", id: "ari:jira", lastActiveTimestamp: iso(REF_MS - last * DAY + 16 * HOUR) }] });
    return snap("new-bridge-visits", [u, ...colleagues()], events, [{ ...token("tk", "w", REF_MS - DAY), createdAt: iso(added + HOUR) }]);
  }

  // Three visits in its first week (the day it is added, then every 2-4 days).
  it("set up over three visits in its first week, it is not `human`", () => {
    expect(runsWith("human", SEEDS, "w", (s) => bridge(s, [2, 4], 3))).toEqual([]);
  });
  // The admin comes back once, 8-12 days after adding it, to change its channel mapping.
  it("with the admin's second visit 8-12 days after it was added, it is not `human`", () => {
    expect(runsWith("human", SEEDS, "w", (s) => bridge(s, [8, 12], 2))).toEqual([]);
  });
});

describe("a browser robot that signs in at random office hours, does its steps and leaves", () => {
  // A Selenium job with a desktop Chrome's user agent signs in 3-12 times each weekday at random
  // times between 08:30 and 18:30, answers the email OTP challenge each time, and makes 1-5
  // changes within seven minutes; the account is invited, without 2SV.
  const CHROME = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0.0.0 Safari/537.36";
  function sittings(seed: number, id: string, workMinutes: readonly [number, number], perDay: readonly [number, number]): Snapshot {
    const r = lcg(seed);
    const events: Raw[] = [];
    for (let d = 30; d >= 1; d--) {
      const day = REF_MS - d * DAY;
      if (isWeekend(day)) continue;
      const n = perDay[0] + Math.floor(r() * (perDay[1] - perDay[0] + 1));
      for (let i = 0; i < n; i++) {
        const t = Math.floor(day + (8.5 + r() * 10) * HOUR);
        events.push(ev(id, t, { ip: OFFICE, userAgent: CHROME }), ev(id, t + 20_000, { action: "user_email_otp_challenge", ip: OFFICE, userAgent: CHROME }));
        const k = 1 + Math.floor(r() * 5);
        for (let j = 0; j < k; j++) events.push(ev(id, t + Math.floor((workMinutes[0] + r() * (workMinutes[1] - workMinutes[0])) * MIN), { action: "issue_updated", ip: OFFICE, userAgent: CHROME }));
      }
    }
    return snap("browser-robot", [account(id, { name: "Invoice Entry", email: `${id}@acme.com`, ...INVITED, mfaEnabled: false, ...lastUi(1) }), ...colleagues()], events);
  }

  it("is reviewed, not `human`", () => {
    expect(runsWith("human", SEEDS, "rb", (s) => sittings(s, "rb", [0.3, 7], [3, 12]))).toEqual([]);
  });
  // A person on a short idle-session policy signs in as often, with a code each time, and works
  // on for an hour or two after each sign-in.
  it("the control, a person on a short session policy who works on after each sign-in, is `human`", () => {
    expect(runsWith("likely-bot", SEEDS, "ps", (s) => sittings(s, "ps", [1, 120], [3, 6]))).toEqual([]);
  });
});
