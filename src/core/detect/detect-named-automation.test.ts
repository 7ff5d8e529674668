// Accounts whose name, mailbox or title says automation and whose activity alone would pass for a
// person's: a robot signing in at fixed times from the office, a job title an admin wrote, and
// Atlassian's default avatar, which is no picture anyone chose.
import { describe, expect, it } from "vitest";
import { account, DAY, EMPTY, ev, findingOf, isWeekend, lcg, MIN, OFFICE, officeColleagues, officeDays, REF_MS, snapshotOf, token, wrongRuns, type Raw } from "../../../test/helpers/people-audit.js";
import type { Finding } from "./types.js";

const SEEDS = [1, 2, 3, 4, 5, 6] as const;
/** Atlassian's default avatar: the holder's initials, as a Gravatar's fallback. */
const INITIALS_AVATAR = "https://secure.gravatar.com/avatar/6c57dcb05355b8187776c88041bf9895?d=https%3A%2F%2Favatar-management--avatars.us-west-2.prod.public.atl-paas.net%2Finitials%2FSR-4.png";
const UPLOADED_AVATAR = "https://avatar-management--avatars.us-west-2.prod.public.atl-paas.net/712020:aa/5f1e2c3d-0000-4000-8000-000000000001/128";

/** Sign-ins at each of `minutes` (UTC, within ±3 minutes) on the weekdays of the last `days` days, from the office; no work recorded. */
function timedSignIns(seed: number, id: string, minutes: readonly number[], days = 35): Raw[] {
  const r = lcg(seed);
  const out: Raw[] = [];
  for (let d = days; d >= 1; d--) {
    const day = REF_MS - d * DAY;
    if (isWeekend(day) || r() < 0.05) continue;
    for (const m of minutes) out.push(ev(id, Math.floor(day + m * MIN + (r() - 0.5) * 6 * MIN), { ip: OFFICE }));
  }
  return out;
}

/** `user` (account `x`) among eight office colleagues, judged. */
function judged(seed: number, user: Raw, events: Raw[], apiTokens: Raw[] = []): Finding {
  const { users, events: theirs } = officeColleagues(seed);
  return findingOf(snapshotOf([...users, user], [...theirs, ...events], apiTokens), "x");
}

const lastOf = (events: Raw[]): number => Math.max(...events.map((e) => Date.parse(String(e["time"]))));

describe("a robot that signs in at fixed times from the office, named as automation", () => {
  it("is reviewed when its display name has a bot-like word, though its mailbox has none", () => {
    // "Dashboard Screenshotter" at dashboards@: a browser job at 06:40 every weekday, no user
    // agent or email codes in the log; the IdP lists it. Its sign-ins alone are an early starter's
    // (over five weeks, a person's 08:40 two time zones east), over ten days a job's off hours.
    const wrong = [10, 35].flatMap((days) => wrongRuns(SEEDS, (v) => v !== "human", (seed) => {
      const events = timedSignIns(seed, "x", [6 * 60 + 40], days);
      return judged(seed, account("x", { name: "Dashboard Screenshotter", email: "dashboards@acme.com", ...EMPTY, productAccess: [{ key: "jira-software", id: "ari:jira", lastActiveTimestamp: new Date(lastOf(events) + MIN).toISOString() }] }), events);
    }).map((w) => `${days} days: ${w}`));
    expect(wrong).toEqual([]);
  });

  it("is reviewed when an admin titled it a machine's and its mailbox names a robot", () => {
    // "Power Automate Desktop" at pad.robot@, titled "Service account", at 11:00 and 13:00; an
    // RPA suite's robot titled "Digital Worker", as the suites call them, in a department.
    const robots: [string, string, string, string | null][] = [
      ["Power Automate Desktop", "pad.robot@acme.com", "Service account", null],
      ["Automation Anywhere Bot", "aa-bot@acme.com", "Digital Worker", "数字化部"],
    ];
    const wrong = robots.flatMap(([name, email, jobTitle, department]) => wrongRuns(SEEDS, (v) => v !== "human", (seed) => {
      const events = timedSignIns(seed, "x", [11 * 60, 13 * 60]);
      return judged(seed, account("x", { name, email, jobTitle, department, picture: null, productAccess: [{ key: "jira-software", id: "ari:jira", lastActiveTimestamp: new Date(lastOf(events) + MIN).toISOString() }] }), events);
    }).map((w) => `${name}: ${w}`));
    expect(wrong).toEqual([]);
  });

  it("leaves a person who signs in at 06:40 every weekday `human`", () => {
    const wrong = wrongRuns(SEEDS, (v) => v === "human", (seed) => {
      const events = timedSignIns(seed, "x", [6 * 60 + 40], 35);
      return judged(seed, account("x", { name: "Dana Lima", email: "dana.lima@acme.com", ...EMPTY, productAccess: [{ key: "jira-software", id: "ari:jira", lastActiveTimestamp: new Date(lastOf(events) + MIN).toISOString() }] }), events);
    });
    expect(wrong).toEqual([]);
  });
});

describe("Atlassian's default avatar", () => {
  /** An idle account with a token last used `lastUseDays` ago and no events of its own, in a log of five weeks. */
  function idle(seed: number, name: string, email: string, picture: string | null, lastUseDays = 240): Finding {
    const user = account("x", { name, email, managementSource: "invited", jobTitle: null, department: null, picture, productAccess: [{ key: "jira-software", id: "ari:jira", lastActiveTimestamp: new Date(REF_MS - 400 * DAY).toISOString() }] });
    return judged(seed, user, [], [token("t1", "x", REF_MS - lastUseDays * DAY, "reports 2025")]);
  }

  it("is no picture: the profile counts as empty", () => {
    const f = idle(1, "Sam Reyes", "sam.reyes@acme.com", INITIALS_AVATAR);
    expect(f.signals.map((s) => s.id)).toContain("empty-profile");
    // Written without the Gravatar, as some APIs return it.
    const direct = idle(1, "Sam Reyes", "sam.reyes@acme.com", "https://avatar-management--avatars.us-west-2.prod.public.atl-paas.net/initials/SR-4.png?size=48&s=48");
    expect(direct.signals.map((s) => s.id)).toContain("empty-profile");
  });

  it("leaves an uploaded picture a picture", () => {
    const f = idle(1, "Sam Reyes", "sam.reyes@acme.com", UPLOADED_AVATAR);
    expect(f.signals.map((s) => s.id)).not.toContain("empty-profile");
  });

  it("no longer hides an idle `svc-` account with a token behind a profile picture", () => {
    const wrong = wrongRuns(SEEDS, (v) => v !== "human", (seed) => idle(seed, "svc-reports", "svc-reports@acme.com", INITIALS_AVATAR));
    expect(wrong).toEqual([]);
    // With a picture someone uploaded, the account is as it was: a profile with a picture.
    expect(idle(1, "svc-reports", "svc-reports@acme.com", UPLOADED_AVATAR).signals.map((s) => s.id)).not.toContain("empty-profile");
  });

  it("leaves an idle person with a token `human`", () => {
    const wrong = wrongRuns(SEEDS, (v) => v === "human", (seed) => idle(seed, "Sam Reyes", "sam.reyes@acme.com", INITIALS_AVATAR));
    expect(wrong).toEqual([]);
  });
});

describe("an idle account with an API token, named as automation", () => {
  /** No event of its own in five weeks of a log that records sign-ins; a token last used `lastUseDays` ago (null: never). */
  function idleNamed(seed: number, name: string, email: string, overrides: Raw = {}, lastUseDays: number | null = 200): Finding {
    const user = account("x", { name, email, managementSource: "invited", ...EMPTY, productAccess: [{ key: "jira-software", id: "ari:jira" }], ...overrides });
    const t = token("t1", "x", REF_MS - (lastUseDays ?? 0) * DAY, "quarterly");
    return judged(seed, user, [], [lastUseDays === null ? { ...t, lastActiveAt: null } : t]);
  }

  it("is reviewed: a job paused, or run less often than the log is long", () => {
    const idle: [string, string, Raw, number | null][] = [
      ["Legacy Integration", "legacy-integration@acme.com", { managementSource: null, mfaEnabled: true }, null],
      ["EROSTERING API", "sys.erostering@acme.com", {}, null],
      ["Fraud Scoring Interface", "jira_fraudscoring@acme.com", { managementSource: null }, 200],
      ["old jenkins 3", "jenkins-old3@acme.com", {}, null],
      ["old jenkins", "bot.jenkins-old@acme.com", { managementSource: "synced" }, null],
    ];
    const wrong = idle.flatMap(([name, email, overrides, days]) => wrongRuns(SEEDS, (v) => v !== "human", (seed) => idleNamed(seed, name, email, overrides, days)).map((w) => `${name}: ${w}`));
    expect(wrong).toEqual([]);
  });

  it("leaves people on leave with a token `human`, a bot-like surname or none", () => {
    const people: [string, string, Raw][] = [
      ["Sam Reyes", "sam.reyes@acme.com", {}],
      ["Sarah Jenkins", "sarah.jenkins@acme.com", {}],
      // A profile says a person, whatever the mailbox.
      ["Sarah Jenkins", "sjenkins@acme.com", { jobTitle: "Engineer", department: "Platform" }],
      ["Bea Build", "bea.build@acme.com", { managementSource: "synced" }],
    ];
    const wrong = people.flatMap(([name, email, overrides]) => wrongRuns(SEEDS, (v) => v === "human", (seed) => idleNamed(seed, name, email, overrides)).map((w) => `${name} ${email}: ${w}`));
    expect(wrong).toEqual([]);
  });

  it("is not judged idle in a log too short to tell, unless its name is a job's", () => {
    // One week of sign-ins: a person on a week's holiday looks the same; "Legacy Integration" is
    // no person's name, whatever the log's length.
    const { users, events } = officeColleagues(1);
    const week = events.filter((e) => Date.parse(String(e["time"])) >= REF_MS - 7 * DAY);
    const judgedAs = (name: string, email: string): string[] => {
      const user = account("x", { name, email, managementSource: "invited", ...EMPTY, productAccess: [{ key: "jira-software", id: "ari:jira" }] });
      return findingOf(snapshotOf([...users, user], week, [{ ...token("t1", "x", REF_MS), lastActiveAt: null }]), "x").signals.map((s) => s.id);
    };
    expect(judgedAs("Build Agent", "build-agent@acme.com")).not.toContain("automation-identity");
    expect(judgedAs("Legacy Integration", "legacy-integration@acme.com")).toContain("automation-identity");
  });
});

describe("a team's shared account", () => {
  /** `people` colleagues at work on one account, each on about half the weekdays, from their own address, an email code at each sign-in (no 2SV). */
  function sharedBy(seed: number, id: string, people: number): Raw[] {
    const out: Raw[] = [];
    for (let p = 0; p < people; p++) {
      const r = lcg(seed * 31 + p);
      const days = new Set<number>();
      for (const e of officeDays(lcg(seed * 97 + p), id, true)) {
        const day = Math.floor(Date.parse(String(e["time"])) / DAY);
        if (!days.has(day) && (days.size > 40 || r() < 0.5)) days.add(day);
        if (day % people === p) out.push({ ...e, ip: `81.2.${70 + p}.${10 + p}` });
      }
    }
    return out;
  }

  it("is reviewed when its display name names a team, whatever its mailbox", () => {
    const teams: [string, string][] = [
      ["Customer Success Team", "cs-team@acme.com"],
      ["Motor Claims Team", "motorclaimsteam@acme.com"],
      ["Social Desk", "social@acme.com"],
      // A role address with a country's code.
      ["Support Korea", "support-kr@acme.com"],
    ];
    const wrong = teams.flatMap(([name, email]) => wrongRuns(SEEDS, (v) => v !== "human", (seed) => {
      const events = sharedBy(seed, "x", 4);
      return judged(seed, account("x", { name, email, managementSource: "invited", ...EMPTY, productAccess: [{ key: "jira-software", id: "ari:jira", lastActiveTimestamp: new Date(lastOf(events)).toISOString() }] }), events);
    }).map((w) => `${name}: ${w}`));
    expect(wrong).toEqual([]);
  });

  it("leaves a person whose display name carries their team `human`", () => {
    // "Jane Doe - Sales Team" at her own mailbox, at work in the office with an email code at each sign-in.
    const people: [string, string][] = [
      ["Jane Doe - Sales Team", "jane.doe@acme.com"],
      ["Jane Doe – Service Desk", "jdoe@acme.com"],
      ["Jane Doe (Service Desk)", "jdoe@acme.com"],
      ["Kenji Abe", "kenji.abe@acme.co.jp"],
    ];
    const wrong = people.flatMap(([name, email]) => wrongRuns(SEEDS, (v) => v === "human", (seed) => {
      const events = officeDays(lcg(seed), "x", true);
      return judged(seed, account("x", { name, email, managementSource: "synced", jobTitle: "Account Executive", department: "Sales", productAccess: [{ key: "jira-software", id: "ari:jira", lastActiveTimestamp: new Date(lastOf(events)).toISOString() }] }), events);
    }).map((w) => `${name}: ${w}`));
    expect(wrong).toEqual([]);
  });
});

describe("a tool's account that the IdP lists", () => {
  it("is reviewed when its name and mailbox both lead with a bot-like word and its profile is empty, events or none", () => {
    const tools: [string, string, boolean][] = [
      ["nagios", "nagios@acme.com", false],
      ["Monitoring", "monitoring@acme.com", true],
    ];
    const wrong = tools.flatMap(([name, email, mfaEnabled]) =>
      wrongRuns(SEEDS, (v) => v !== "human", (seed) => judged(seed, account("x", { name, email, managementSource: "synced", mfaEnabled, ...EMPTY, productAccess: [{ key: "jira-software", id: "ari:jira", lastActiveTimestamp: new Date(REF_MS - 2 * DAY).toISOString() }] }), [])).map((w) => `${name}: ${w}`),
    );
    expect(wrong).toEqual([]);
  });

  it("leaves a synced person whose surname-first mailbox leads with a bot-like word `human`", () => {
    // "Bot, Ben" at `bot.ben@`, and Ci Liu at `ci.liu@`: their own names.
    const people: [string, string][] = [
      ["Bot, Ben", "bot.ben@acme.com"],
      ["Ci Liu", "ci.liu@acme.com"],
    ];
    const wrong = people.flatMap(([name, email]) =>
      wrongRuns(SEEDS, (v) => v === "human", (seed) => judged(seed, account("x", { name, email, ...EMPTY, productAccess: [{ key: "jira-software", id: "ari:jira", lastActiveTimestamp: new Date(REF_MS - 2 * DAY).toISOString() }] }), officeDays(lcg(seed), "x"))).map((w) => `${name}: ${w}`),
    );
    expect(wrong).toEqual([]);
  });
});

describe("accounts an admin or a team named so, whatever the log lost", () => {
  const recentUi = { productAccess: [{ key: "jira-software", id: "ari:jira", lastActiveTimestamp: new Date(REF_MS - 2 * DAY).toISOString() }] };

  it("is reviewed when titled a service account, though its name holds no bot-like word and its events are lost", () => {
    const wrong = ["Service account", "Technical User", "Digital Worker 01"].flatMap((jobTitle) =>
      wrongRuns(SEEDS, (v) => v !== "human", (seed) => judged(seed, account("x", { name: "Weekly Status Snapshot", email: "status.snapshot@acme.com", jobTitle, department: null, picture: null, ...recentUi }), [])).map((w) => `${jobTitle}: ${w}`),
    );
    expect(wrong).toEqual([]);
  });

  it("leaves a person titled a bare \"BOT\" (a board of trustees) `human`", () => {
    const wrong = wrongRuns(SEEDS, (v) => v === "human", (seed) => judged(seed, account("x", { name: "Eleanor Hughes", email: "ehughes@acme.com", jobTitle: "BOT", department: "Governance", ...recentUi }), officeDays(lcg(seed), "x")));
    expect(wrong).toEqual([]);
  });

  it("is reviewed when its name and mailbox lead with a bot-like word, a department set and no events", () => {
    const wrong = wrongRuns(SEEDS, (v) => v !== "human", (seed) => judged(seed, account("x", { name: "nagios", email: "nagios@acme.com", managementSource: "invited", mfaEnabled: true, jobTitle: null, department: "Internal IT", picture: null, ...recentUi }), []));
    expect(wrong).toEqual([]);
  });

  it("is reviewed when named as a team in one CJK word that several people sign in to", () => {
    const wrong = ["고객지원팀", "営業サポートチーム", "客户服务团队"].flatMap((name) =>
      wrongRuns(SEEDS, (v) => v !== "human", (seed) => {
        const events = [0, 1, 2, 3].flatMap((p) => officeDays(lcg(seed * 7 + p), "x", true).filter((e) => Math.floor(Date.parse(String(e["time"])) / DAY) % 4 === p).map((e) => ({ ...e, ip: `81.2.${70 + p}.9` })));
        return judged(seed, account("x", { name, email: "cs-team@acme.co.kr", managementSource: "invited", ...EMPTY, ...recentUi }), events);
      }).map((w) => `${name}: ${w}`),
    );
    expect(wrong).toEqual([]);
  });
});

describe("a person whose given name is a short bot-like word", () => {
  it("stays `human` at a mailbox of that name, synced, with an empty profile", () => {
    // Ci Yun at `ci@`, at work in the UI with 2SV: "ci" is a given name as often as a tool's.
    const wrong = wrongRuns(SEEDS, (v) => v === "human", (seed) => judged(seed, account("x", { name: "Ci Yun", email: "ci@acme.com", mfaEnabled: true, ...EMPTY }), officeDays(lcg(seed), "x")));
    expect(wrong).toEqual([]);
  });
});
