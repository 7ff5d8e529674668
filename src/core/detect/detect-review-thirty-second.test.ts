// People with a habit of their own and no script on their account, who must be `human`: an invited
// director who signs in each morning at about the same time, with an email code at some sign-ins.
// Beside them, and beside people whose traces robots share (developers who work through a CLI,
// testers signing in ten times a day, service-desk agents on shared PCs, the owner of an
// automation rule whose runs the log records with no source), the robots that must stay at least
// `likely-bot`.
import { describe, expect, it } from "vitest";
import type { Finding } from "./types.js";
import {
  account,
  BROWSER,
  CLOUD,
  DAY,
  EMPTY,
  ev,
  explain,
  findingOf,
  HOUR,
  isWeekend,
  judgedInTinyOrg,
  lcg,
  MIN,
  OFFICE,
  officeDays,
  REF_MS,
  snap,
  token,
  tokenCall,
  type Raw,
} from "../../../test/helpers/people-audit.js";

const SEEDS = [1, 2, 3, 4] as const;
const HOME = "86.12.40.7";
const INVITED = { managementSource: "invited" };
const lastUi = (daysAgo: number | null): Raw => ({
  productAccess: [{ key: "jira-software", id: "ari:jira", lastActiveTimestamp: daysAgo === null ? null : new Date(REF_MS - daysAgo * DAY).toISOString() }],
});

/** The runs whose finding is not `human`, with how it came about. */
function notHuman(build: (seed: number) => Finding): string[] {
  return SEEDS.flatMap((seed) => {
    const f = build(seed);
    return f.verdict === "human" ? [] : [`run ${seed}: ${explain(f)}`];
  });
}

/** The runs whose finding is `human`, with how it came about. */
function missed(build: (seed: number) => Finding): string[] {
  return SEEDS.flatMap((seed) => {
    const f = build(seed);
    return f.verdict === "human" ? [`run ${seed}: ${explain(f)}`] : [];
  });
}

/**
 * A developer's CLI (account `p`, token `cli`) on 70% of workdays of the last four weeks: two to
 * five bursts a day between 09:00 and 17:30, 3-15 calls each a few seconds apart, from `ip`.
 */
function cliBursts(seed: number, ip = HOME, userAgent = "Go-http-client/1.1"): Raw[] {
  const r = lcg(seed * 31 + 5);
  const out: Raw[] = [];
  for (let d = 28; d >= 1; d--) {
    const day = REF_MS - d * DAY;
    if (isWeekend(day) || r() < 0.3) continue;
    const bursts = 2 + Math.floor(r() * 4);
    for (let b = 0; b < bursts; b++) {
      let t = day + (9 + r() * 8.5) * HOUR;
      const calls = 3 + Math.floor(r() * 13);
      for (let c = 0; c < calls; c++, t += (2 + r() * 40) * 1000) out.push(tokenCall("p", Math.floor(t), "cli", ip, userAgent));
    }
  }
  return out;
}

describe("jobs that keep working hours, as a developer working through a CLI does", () => {
  // Guard: a bridge on a cloud server that calls the API when people work, never in the UI, stays at least `likely-bot`.
  it("keeps a business-hours bridge from a cloud server at least likely-bot", () => {
    expect(
      missed((seed) =>
        judgedInTinyOrg(seed, { user: account("p", { name: "Slack Jira Bridge", email: "slack-jira@acme.com", ...INVITED, ...EMPTY, ...lastUi(null) }), events: cliBursts(seed, CLOUD, "Apache-HttpClient/4.5.14 (Java/17)"), tokens: [token("cli", "p", REF_MS - DAY, "zapier")] }, []),
      ),
    ).toEqual([]);
  });

  // Guard: a person's old account kept for a business-hours job (UI stopped 400 days ago, no 2SV, no profile) stays at least `likely-bot`.
  it("keeps a leaver's account that a business-hours job still uses at least likely-bot", () => {
    expect(
      missed((seed) => judgedInTinyOrg(seed, { user: account("p", { name: "Tom Becker", ...INVITED, ...EMPTY, ...lastUi(400) }), events: cliBursts(seed, CLOUD, "python-requests/2.31.0"), tokens: [token("cli", "p", REF_MS - DAY, "sync")] }, [])),
    ).toEqual([]);
  });
});

/**
 * An invited person's sign-ins in a log of sign-ins only (their work is not recorded): each
 * morning of about 16 days over four weeks (one a Saturday), a sign-in between 06:50 and 07:55 from
 * home, the office or a phone, four of them within five minutes of 07:25 by chance (the Saturday's
 * among them), a second one at 10:00-12:00 on a day in five, and an email code after a third.
 */
function morningSignIns(seed: number, ips: readonly string[] = [OFFICE, HOME, "62.13.128.51"], userAgent = BROWSER): Raw[] {
  const r = lcg(seed * 53 + 11);
  const out: Raw[] = [];
  const signIn = (t: number): void => {
    const ip = ips[Math.floor(r() * ips.length)] as string;
    out.push(ev("p", Math.floor(t), { ip, userAgent }));
    if (r() < 0.35) out.push(ev("p", Math.floor(t - 20_000), { action: "email_otp_sent", ip, userAgent }));
  };
  const days: number[] = [];
  for (let d = 28; d >= 2; d--) if (d === 22 || (!isWeekend(REF_MS - d * DAY) && ([26, 16, 9].includes(d) || r() < 0.75))) days.push(d); // 22 days before the Sunday snapshot is a Saturday
  const onTime = new Set([26, 22, 16, 9]);
  for (const d of days) {
    const day = REF_MS - d * DAY;
    signIn(day + (onTime.has(d) ? 7 * 60 + 23 + r() * 4 : 6 * 60 + 50 + r() * 65) * MIN);
    if (r() < 0.2) signIn(day + (10 + r() * 2) * HOUR);
  }
  return out;
}

describe("an invited person who signs in each morning at about the same time, an email code at some sign-ins", () => {
  // The same with a full profile (a director in People) is human too.
  it("is human, invited with a full profile", () => {
    expect(
      notHuman((seed) => judgedInTinyOrg(seed, { user: account("p", { name: "Hiro Rossi", ...INVITED, jobTitle: "Director", department: "People", ...lastUi(1) }), events: morningSignIns(seed) }, [])),
    ).toEqual([]);
  });

  // Guard: an integration named for its tool, signing in from a cloud at a fixed time with an email code, stays at least `likely-bot`.
  it("keeps a tool's account signing in from a cloud at a fixed time at least likely-bot", () => {
    expect(
      missed((seed) => judgedInTinyOrg(seed, { user: account("p", { name: "GitLab Integration", email: "gitlab3@acme.com", ...INVITED, ...EMPTY, ...lastUi(1) }), events: morningSignIns(seed, [CLOUD], "python-requests/2.31.0") }, [])),
    ).toEqual([]);
  });

  // Guard: a team's test mailbox signing in from a cloud at a fixed time with an email code stays at least `likely-bot`.
  it("keeps a team's test mailbox signing in from a cloud at least likely-bot", () => {
    expect(missed((seed) => judgedInTinyOrg(seed, { user: account("p", { name: "Reporting", email: "reporting-test@acme.com", ...INVITED, ...EMPTY, ...lastUi(1) }), events: morningSignIns(seed, [CLOUD]) }, []))).toEqual([]);
  });
});

describe("a browser robot that signs in as often as a manual tester does", () => {
  // Guard: a browser robot with a person's name, signing in every 30 minutes on workdays with an email code and one step right after, stays at least `likely-bot`.
  it("keeps a browser robot that signs in every half hour at least likely-bot", () => {
    const robot = (seed: number): Raw[] => {
      const r = lcg(seed * 13 + 1);
      const out: Raw[] = [];
      for (let d = 28; d >= 1; d--) {
        const day = REF_MS - d * DAY;
        if (isWeekend(day)) continue;
        for (let t = day + 8 * HOUR + Math.floor(r() * 60_000); t < day + 18 * HOUR; t += 30 * MIN + Math.floor(r() * 20_000)) {
          out.push(ev("p", t, { ip: OFFICE, userAgent: BROWSER }), ev("p", t + 20_000, { action: "email_otp_sent", ip: OFFICE, userAgent: BROWSER }), ev("p", t + 70_000, { action: "issue_transitioned", ip: OFFICE, userAgent: BROWSER }));
        }
      }
      return out;
    };
    expect(missed((seed) => judgedInTinyOrg(seed, { user: account("p", { name: "Laura Meyer", ...INVITED, ...EMPTY }), events: robot(seed) }, []))).toEqual([]);
  });
});

describe("a robot on a cloud desktop that signs in as a shared-PC agent does", () => {
  // Guard: an accounts-payable robot on a cloud desktop, no profile, signing in on a 40-minute beat with an email code and working right after, stays at least `likely-bot`.
  it("keeps a robot on a cloud desktop signing in on a 40-minute beat at least likely-bot", () => {
    const robot = (seed: number): Raw[] => {
      const r = lcg(seed * 17 + 2);
      const out: Raw[] = [];
      for (let d = 30; d >= 1; d--) {
        const day = REF_MS - d * DAY;
        if (isWeekend(day)) continue;
        for (let t = day + 7 * HOUR + Math.floor(r() * 5 * MIN); t < day + 17 * HOUR; t += 40 * MIN + Math.floor(r() * 3 * MIN)) {
          out.push(ev("p", t, { ip: CLOUD, userAgent: BROWSER }), ev("p", t + 30_000, { action: "email_otp_sent", ip: CLOUD, userAgent: BROWSER }));
          for (let a = 1; a <= 3; a++) out.push(ev("p", t + a * 50_000, { action: "issue_updated", ip: CLOUD, userAgent: BROWSER }));
        }
      }
      return out;
    };
    expect(missed((seed) => judgedInTinyOrg(seed, { user: account("p", { name: "AP Processing", email: "ap.processing@acme.com", ...EMPTY }), events: robot(seed) }, []))).toEqual([]);
  });
});

/**
 * A Jira automation rule that runs in `id`'s name every `everyMinutes` at a fixed minute (and up
 * to 30 s): the log records no address, user agent or auth type for its runs (unless `authType`
 * and `tokenId` are given).
 */
function ruleRuns(seed: number, id: string, everyMinutes: number, authType?: string, tokenId?: string, where: Raw = {}): Raw[] {
  const r = lcg(seed * 41 + 9);
  const out: Raw[] = [];
  const at = Math.floor(r() * 60) * MIN;
  for (let t = REF_MS - 30 * DAY + at; t < REF_MS; t += everyMinutes * MIN) {
    out.push(ev(id, Math.floor(t + r() * 30_000), { action: ["issue_transitioned", "issue_updated", "issue_created"][Math.floor(r() * 3)], ...(authType ? { authType } : {}), ...(tokenId ? { tokenId } : {}), ...where }));
  }
  return out;
}

describe("jobs that run in an account's name as an automation rule does", () => {
  // Guard: the same runs made with a personal API token on an account never used in the UI stay at least `likely-bot`.
  it("keeps hourly runs with a personal API token, never in the UI, at least likely-bot", () => {
    expect(
      missed((seed) =>
        findingOf(snap("token-rule", [account("p", { name: "Kim Nguyen", ...INVITED, ...EMPTY, ...lastUi(null) })], ruleRuns(seed, "p", 60, "api-token", "tk-rule"), [token("tk-rule", "p", REF_MS - HOUR, "rule")]), "p"),
      ),
    ).toEqual([]);
  });

  // Guard: an hourly script on the same person's account, its calls recorded from a cloud server with a scripting client but no auth type, stays at least `likely-bot`.
  it("keeps an hourly script from a cloud server on the owner's account at least likely-bot", () => {
    expect(
      missed((seed) =>
        judgedInTinyOrg(seed, { user: account("p", { name: "Kim Nguyen", jobTitle: "Software Engineer", department: "Operations" }), events: [...officeDays(lcg(seed * 5), "p"), ...ruleRuns(seed, "p", 60, undefined, undefined, { ip: CLOUD, userAgent: "python-requests/2.31.0" })] }, []),
      ),
    ).toEqual([]);
  });

  // Guard: a job's account with no UI use and no sign-ins, its hourly runs recorded with no address, client or credential, stays at least `likely-bot`.
  it("keeps a job's account whose runs carry no address, client or credential at least likely-bot", () => {
    expect(missed((seed) => judgedInTinyOrg(seed, { user: account("p", { name: "Nightly Sync", email: "nightly-sync@acme.com", ...INVITED, ...EMPTY, ...lastUi(null) }), events: ruleRuns(seed, "p", 60) }, []))).toEqual([]);
  });
});
