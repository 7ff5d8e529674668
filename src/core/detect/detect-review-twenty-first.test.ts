// The email-challenge key inferred from action names that are no sign-in's code, a workday
// timetable, a token's last use read from the audit log and `publisher` as a bot-like word, on
// people: a support contractor whose comments send customers an email challenge, people who changed
// their email address or reset a password, an engineer whose CLI logs time after fixed meetings, a
// developer whose token list records no last use, a small press's owner at `publisher@`. Each test
// builds the events, perturbs them (drop, jitter, shift, strip, cut) and asserts over several runs.
import { describe, expect, it } from "vitest";
import type { Snapshot } from "../snapshot/schema.js";
import { account, BROWSER, DAY, drop, EMPTY, ev, findingOf, explain, HOUR, ideDays, isWeekend, iso, jitter, lastDays, lcg, MIN, OFFICE, officeDays, perturbed, REF_MS, shift, snap, stripUserAgents, token, tokenCall, type Perturb, type Raw } from "../../../test/helpers/people-audit.js";

const SEEDS = [1, 2, 3, 4, 5, 6, 7, 8] as const;
const INVITED = { managementSource: "invited", ...EMPTY };
const lastUi = (daysAgo: number | null): Raw => ({ productAccess: [{ key: "jira-software", id: "ari:jira", lastActiveTimestamp: daysAgo === null ? null : iso(REF_MS - daysAgo * DAY) }] });
const noLastUse = (t: Raw): Raw => ({ ...t, lastActiveAt: null });

/** Ten office workers (no email codes), so that the org's only challenge-like action is the one a test adds. */
const colleagues = (seed: number): Raw[][] => Array.from({ length: 10 }, (_, i) => [account(`col${i}`, { name: `Colleague ${i}` }), ...officeDays(lcg(seed * 100 + i), `col${i}`)]);
function org(seed: number, user: Raw, events: Raw[], tokens: Raw[] = [], changes: readonly Perturb[] = []): Snapshot {
  const c = colleagues(seed);
  return snap("org", [user, ...c.map((x) => x[0] as Raw)], perturbed([...events, ...c.flatMap((x) => x.slice(1))], seed, changes), tokens);
}
/** The runs whose finding of `p` has the verdict `bad`, with how it came about. */
function runs(bad: string, seeds: readonly number[], build: (seed: number) => Snapshot): string[] {
  const out: string[] = [];
  for (const seed of seeds) {
    const f = findingOf(build(seed), "p");
    if (f.verdict === bad) out.push(`run ${seed}: ${explain(f)}`);
  }
  return out;
}
/** Office days with `key` logged after a share of the comments (a customer's verification mail the agent's reply sends). */
function agentDays(seed: number, key: string, share: number): Raw[] {
  const r = lcg(seed);
  const days = officeDays(r, "p");
  const sent: Raw[] = [];
  for (const e of days) if (e["action"] === "comment_created" && r() < share) sent.push(ev("p", Date.parse(String(e["time"])) + 20_000, { action: key, ip: OFFICE, userAgent: BROWSER }));
  return [...days, ...sent];
}
/** CLI calls a minute after half of the account's UI updates. */
function cliBeside(seed: number, events: readonly Raw[]): Raw[] {
  const r = lcg(seed + 77);
  return events.filter((e) => e["action"] === "issue_updated" && r() < 0.5).map((e) => tokenCall("p", Date.parse(String(e["time"])) + MIN, "cli"));
}

describe("a support contractor whose replies send customers an email challenge (the org's only challenge-like action)", () => {
  const KEY = "portal_customer_email_challenge_sent";
  // Invited, a personal CLI token, a log of work without its sign-ins, the last UI use not recorded, user agents stripped: the key is inferred as the email OTP, its flood (email-otp 3) joins channel-divergence and token-without-ui, and she is `bot` (was `likely-bot`).
  it("with user agents stripped and no sign-ins in the log, is never `bot`", () => {
    const build = (seed: number): Snapshot => {
      const events = agentDays(seed, KEY, 0.6).filter((e) => e["action"] !== "user_login");
      return org(seed, account("p", { name: "Ana Lima", email: "ana@partner.example", ...INVITED, ...lastUi(null) }), [...events, ...cliBeside(seed, events)], [token("cli", "p", REF_MS - DAY)], [stripUserAgents]);
    };
    expect(runs("bot", SEEDS, build)).toEqual([]);
  });
  // IdP-synced with a full profile, an IDE and a CLI token, the UI last used 60 days ago: the inferred flood takes working-hours-only away and she is reviewed (was `human`).
  it("IdP-synced with an IDE token, is not `likely-bot`", () => {
    const build = (seed: number): Snapshot =>
      org(seed, account("p", { name: "Ana Lima", ...lastUi(60) }), [...agentDays(seed, KEY, 0.6), ...ideDays(lcg(seed + 50), "p", 35)], [token("cli", "p", REF_MS - DAY), token("ide", "p", REF_MS - DAY, "intellij")]);
    expect(runs("likely-bot", SEEDS, build)).toEqual([]);
  });
  // The same with a CLI token only: reviewed in every run (was `human`).
  it("IdP-synced with a CLI token, is not `likely-bot`", () => {
    const build = (seed: number): Snapshot => {
      const events = agentDays(seed, KEY, 0.6);
      return org(seed, account("p", { name: "Ana Lima", jobTitle: "Support Lead", department: "Support", ...lastUi(60) }), [...events, ...cliBeside(seed, events)], [token("cli", "p", REF_MS - DAY)]);
    };
    expect(runs("likely-bot", SEEDS, build)).toEqual([]);
  });
});

describe("actions named like an email challenge that are no sign-in's code, the org's only challenge-like action", () => {
  /** An office worker who triggered `key` twice, ten days ago. */
  const person = (seed: number, key: string, user: Raw): Snapshot => {
    const events = officeDays(lcg(seed), "p");
    const at = REF_MS - 10 * DAY + 10 * HOUR;
    events.push(ev("p", at, { action: key, ip: OFFICE, userAgent: BROWSER }), ev("p", at + MIN, { action: key, ip: OFFICE, userAgent: BROWSER }));
    return org(seed, account("p", user), events);
  };
  const CASES: readonly (readonly [string, string])[] = [
    ["a change of email address", "user_email_change_challenge"],
    ["a change of email address, sent", "email_change_challenge_sent"],
    ["a new email address's check", "new_email_challenge_sent"],
    ["an email address's verification", "email_address_verification_challenge"],
    ["a password reset by email", "forgot_password_email_challenge"],
    ["a captcha at an email sign-up", "email_signup_captcha_challenge"],
    ["a product's challenge mail (a team game)", "challenge_email_sent"],
    ["a domain's verification", "email_domain_challenge_created"],
  ];
  for (const [what, key] of CASES) {
    // The key is inferred as the email OTP: an IdP-synced person without 2SV is told to enable 2SV on the strength of it (the advice was `none`).
    it(`${what} (\`${key}\`) gives a person no \`enable-2sv\` advice`, () => {
      for (const seed of [1, 2, 3]) expect(findingOf(person(seed, key, { name: "Ana Lima" }), "p").recommendation, key).toBe("none");
    });
  }
  // An invited contractor surnamed Jenkins who changed her email address: the inferred code is a script's trace beside a bot-like word, and the automation-identity floor reviews her (was `human`).
  it("an invited Sarah Jenkins who changed her email address is not `likely-bot`", () => {
    expect(runs("likely-bot", [1, 2, 3, 4], (s) => person(s, "email_change_challenge_sent", { name: "Sarah Jenkins", email: "sarah.jenkins@partner.example", ...INVITED }))).toEqual([]);
  });
  // Close call: a sign-in's email challenge inferred from its name still advises 2SV.
  // The challenge comes as the person signs in, as an email code does.
  it("a sign-in's email challenge (`user_login_email_challenge`) still advises `enable-2sv` (close call)", () => {
    for (const seed of [1, 2, 3]) {
      const events = officeDays(lcg(seed), "p");
      const signIns = events.filter((e) => e["action"] === "user_login").slice(-2);
      for (const e of signIns) events.push(ev("p", Date.parse(String(e["time"])) - 30_000, { action: "user_login_email_challenge", ip: OFFICE, userAgent: BROWSER }));
      expect(findingOf(org(seed, account("p", { name: "Ana Lima" }), events), "p").recommendation).toBe("enable-2sv");
    }
  });
});

describe("an IdP-synced engineer whose CLI logs time right after two fixed meetings (09:45 stand-up, 14:00 planning), the UI last used 60 days ago", () => {
  /** Workdays: a burst of CLI calls 0-12 minutes after each meeting ends, 3-15 minutes long, one in ten skipped; a day off in twenty. */
  function meetings(seed: number): Raw[] {
    const r = lcg(seed);
    const out: Raw[] = [];
    for (let d = 35; d >= 1; d--) {
      const day = REF_MS - d * DAY;
      if (isWeekend(day) || r() < 0.05) continue;
      for (const end of [9.75, 14]) {
        if (r() < 0.1) continue;
        const t = day + end * HOUR + r() * 12 * MIN;
        const stop = t + (3 + r() * 12) * MIN;
        for (let x = t; x < stop; x += (1 + r() * 3) * MIN) out.push(tokenCall("p", Math.floor(x)));
      }
    }
    return out;
  }
  const PERTURBATIONS: readonly (readonly [string, readonly Perturb[]])[] = [
    ["every event kept", []],
    ["30% of its events lost", [drop(0.3)]],
    ["the log read five hours later", [shift(5)]],
    ["user agents stripped", [stripUserAgents]],
    ["a 14-day log", [lastDays(14)]],
  ];
  for (const [what, changes] of PERTURBATIONS) {
    // A workday timetable (activity-schedule, weak) takes working-hours-only away, and channel-divergence reviews him (was `human`).
    it(`with ${what}, is not \`likely-bot\``, () => {
      expect(runs("likely-bot", SEEDS.slice(0, 6), (s) => org(s, account("p", { name: "Tomasz Nowak", ...lastUi(60) }), perturbed(meetings(s), s, changes), [token("tk", "p", REF_MS - DAY)]))).toEqual([]);
    });
  }
  // With 2SV enrolled: the same.
  it("with two-step verification enrolled, is not `likely-bot`", () => {
    expect(runs("likely-bot", SEEDS.slice(0, 6), (s) => org(s, account("p", { name: "Tomasz Nowak", mfaEnabled: true, ...lastUi(60) }), meetings(s), [token("tk", "p", REF_MS - DAY)]))).toEqual([]);
  });
});

describe("an IdP-synced developer with an IDE and a CLI token the token list records no last use of, the last UI use not recorded", () => {
  const build = (seed: number, tokens: Raw[], changes: readonly Perturb[]): Snapshot => org(seed, account("p", { name: "Dev Patel", ...lastUi(null) }), perturbed(ideDays(lcg(seed), "p", 35), seed, changes), tokens);
  const TOKENS = [noLastUse(token("ide", "p", REF_MS - DAY, "intellij")), noLastUse(token("cli", "p", REF_MS - DAY))];
  // The last use read from the log fires channel-divergence and token-without-ui, as a last use in
  // the token list would: a developer who never used the UI is reviewed, as the CLI family is; never `bot`.
  it("with 30% of its events lost, is never `bot`", () => {
    expect(runs("bot", SEEDS, (s) => build(s, TOKENS, [drop(0.3)]))).toEqual([]);
  });
  it("with times jittered by 1-10 minutes, is never `bot`", () => {
    expect(runs("bot", SEEDS, (s) => build(s, TOKENS, [jitter(1, 10)]))).toEqual([]);
  });
});

describe("a small press's owner whose own address is `publisher@`", () => {
  /** Office days with an email code at each sign-in, and CLI calls beside them when `cli`. */
  const build = (seed: number, user: Raw, cli: boolean, changes: readonly Perturb[] = []): Snapshot => {
    const events = officeDays(lcg(seed), "p", true);
    return org(seed, account("p", { name: "Clara Holt", email: "publisher@indiepress.example", ...user }), perturbed(cli ? [...events, ...cliBeside(seed, events)] : events, seed, changes), cli ? [token("cli", "p", REF_MS - DAY)] : []);
  };
  // IdP-synced, job title Publisher, the UI used yesterday, working hours: `publisher` leads the mailbox, the token and the codes are script traces, and the automation-identity floor reviews her (was `human`).
  it("IdP-synced with a job title and a CLI token, is not `likely-bot`", () => {
    expect(runs("likely-bot", SEEDS, (s) => build(s, { jobTitle: "Publisher", department: "Editorial" }, true))).toEqual([]);
  });
  // Invited, email codes without 2SV, no token: the same.
  it("invited, answering email codes, is not `likely-bot`", () => {
    expect(runs("likely-bot", SEEDS, (s) => build(s, INVITED, false))).toEqual([]);
  });
  // Invited with a token, in a log read five hours later: the same.
  it("invited with a CLI token, the log read five hours later, is not `likely-bot`", () => {
    expect(runs("likely-bot", SEEDS, (s) => build(s, INVITED, true, [shift(5)]))).toEqual([]);
  });
});
