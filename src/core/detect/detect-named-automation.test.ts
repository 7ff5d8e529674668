// Accounts whose name, mailbox or title says automation and whose activity alone would pass for a
// person's: a robot signing in at fixed times from the office, a job title an admin wrote, and
// Atlassian's default avatar, which is no picture anyone chose.
import { describe, expect, it } from "vitest";
import { account, DAY, EMPTY, ev, findingOf, isWeekend, lcg, MIN, OFFICE, officeColleagues, REF_MS, snapshotOf, token, wrongRuns, type Raw } from "../../../test/helpers/people-audit.js";
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
