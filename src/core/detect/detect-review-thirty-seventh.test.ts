// Browser robots named with a bot-like word that is not the leading one ("Invoice Runner",
// "Ledger Bot", a person's name with a bot-like surname) that sign in from the office with an
// email code at each short sitting: their codes are a script's trace, not a person's sign-ins, so
// they are reviewed. And people away from work whose script keeps running on an account with a
// person's name written as people write it (an apostrophe, a hyphenated surname, a suffix, a
// note in brackets, two surnames): reviewed, not migrated.
import { describe, expect, it } from "vitest";
import type { Finding } from "./types.js";
import { account, officeColleagues, BROWSER, CLOUD, DAY, drop, EMPTY, ev, explain, findingOf, HOUR, isWeekend, iso, jitter, lcg, MIN, OFFICE, perturbed, REF_MS, snapshotOf, stripUserAgents, token, tokenCall, type Perturb, type Raw, wrongRuns, atLeastLikelyBot } from "../../../test/helpers/people-audit.js";

const SEEDS = [1, 2] as const;

/**
 * A browser robot (account `id`, from `ip`) over the last `days` days: on weekdays it signs in
 * `perDay` times at any time between 08:00 and 18:00, each sign-in with an email code, and views
 * or updates two to four issues within about two minutes.
 */
function browserRobot(seed: number, id: string, days: number, perDay: readonly [number, number], ip = OFFICE): Raw[] {
  const r = lcg(seed * 31 + 5);
  const out: Raw[] = [];
  for (let d = days; d >= 1; d--) {
    const day = REF_MS - d * DAY;
    if (isWeekend(day)) continue;
    const n = perDay[0] + Math.floor(r() * (perDay[1] - perDay[0] + 1));
    for (let k = 0; k < n; k++) {
      const t = Math.floor(day + (8 + r() * 10) * HOUR);
      out.push(ev(id, t - 20_000, { action: "email_otp_sent", ip, userAgent: BROWSER }));
      out.push(ev(id, t, { ip, userAgent: BROWSER }));
      const pages = 2 + Math.floor(r() * 3);
      for (let p = 1; p <= pages; p++) out.push(ev(id, t + p * (20_000 + Math.floor(r() * 30_000)), { action: r() < 0.5 ? "issue_viewed" : "issue_updated", ip, userAgent: BROWSER }));
    }
  }
  return out;
}

/** An account the robot's team invited (no 2SV, no IdP), used in the UI yesterday; `titled` gives it a job title. */
const robotAccount = (name: string, email: string, titled: boolean): Raw =>
  account("p", { name, email, managementSource: "invited", mfaEnabled: false, ...EMPTY, ...(titled ? { jobTitle: "Finance" } : {}), productAccess: [{ key: "jira-software", id: "ari:jira", lastActiveTimestamp: iso(REF_MS - DAY) }] });

const CHANGES: readonly [string, Perturb[]][] = [
  ["as recorded", []],
  ["drop 30%", [drop(0.3)]],
  ["jitter 20 min", [jitter(1, 20)]],
  ["no user agents", [stripUserAgents]],
];

/** The runs (seed, log length, sign-ins a day, profile, log change) in which account `p` is judged `human`. */
function humanRuns(name: string, email: string, extra: (seed: number) => Raw[] = () => []): string[] {
  const out: string[] = [];
  for (const days of [14, 35]) {
    for (const perDay of [[1, 1], [2, 4]] as const) {
      for (const titled of [false, true]) {
        for (const [label, changes] of CHANGES) {
          out.push(
            ...wrongRuns(SEEDS, atLeastLikelyBot, (seed): Finding => {
              const c = officeColleagues(seed);
              const events = perturbed([...c.events, ...browserRobot(seed, "p", days, perDay), ...extra(seed)], seed, changes);
              return findingOf(snapshotOf([robotAccount(name, email, titled), ...c.users], events), "p");
            }).map((w) => `${days} days, ${perDay.join("-")} a day, ${titled ? "titled" : "bare"}, ${label}: ${w}`),
          );
        }
      }
    }
  }
  return out;
}

describe("a browser robot with a bot-like word after the first, an email code at each short sitting, from the office", () => {
  // Each was `likely-bot` in every run before the email codes beside a non-leading word stopped counting (automation-identity); `human` in every run now.
  for (const [name, email] of [
    ["Invoice Runner", "invoice.runner@acme.com"],
    ["Payroll Sync", "payroll.sync@acme.com"],
    ["Acme Reporter", "acme.reporter@acme.com"],
    ["Finance Export", "finance.export@acme.com"],
    ["Ledger Bot", "ledger.bot@acme.com"],
    ["Dana Jenkins", "dana.jenkins@acme.com"],
  ] as const) {
    it(`${name} (\`${email.split("@")[0]}@\`) is at least \`likely-bot\``, () => {
      expect(humanRuns(name, email)).toEqual([]);
    });
  }

  // Passed before (`likely-bot`); fails now: an owner who also signs in by hand twice a week and works for an hour does not make the robot's codes a person's.
  it("Invoice Runner whose owner also signs in by hand now and then is at least `likely-bot`", () => {
    expect(humanRuns("Invoice Runner", "invoice.runner@acme.com", (seed) => ownerVisits(seed, OFFICE))).toEqual([]);
  });
  // The owner signs in from home: office and home, the two addresses of a hybrid worker, and the
  // robot's sign-ins are still no person's (three addresses are asked for that).
  for (const [name, email] of [["Invoice Runner", "invoice.runner@acme.com"], ["Dana Jenkins", "dana.jenkins@acme.com"]] as const) {
    it(`${name} whose owner signs in from home now and then is at least \`likely-bot\``, () => {
      expect(humanRuns(name, email, (seed) => ownerVisits(seed, "86.12.40.7"))).toEqual([]);
    });
  }
});

/** The robot's owner on about two weekdays in five: a sign-in (with its email code) from `ip` and an hour of updates. */
function ownerVisits(seed: number, ip: string): Raw[] {
  const r = lcg(seed + 17);
  const out: Raw[] = [];
  for (let d = 35; d >= 1; d--) {
    const day = REF_MS - d * DAY;
    if (isWeekend(day) || r() < 0.6) continue;
    const t = Math.floor(day + (9 + r() * 6) * HOUR);
    out.push(ev("p", t - 20_000, { action: "email_otp_sent", ip, userAgent: BROWSER }), ev("p", t, { ip, userAgent: BROWSER }));
    for (let m = 5; m < 60; m += 5 + Math.floor(r() * 10)) out.push(ev("p", t + m * MIN, { action: "issue_updated", ip, userAgent: BROWSER }));
  }
  return out;
}

/** A job every three hours through token `t1` from `ip` over the last 21 days. */
function job(id: string, ip: string): Raw[] {
  const out: Raw[] = [];
  for (let h = 21 * 24; h >= 1; h -= 3) out.push(tokenCall(id, REF_MS - h * HOUR + 17 * MIN, "t1", ip, "python-requests/2.31"));
  return out;
}

/** Account `p` (invited, no 2SV, no job title, last in the UI 200 days ago) with its job running, judged among colleagues. */
function awayWithScript(name: string, email: string, ip = OFFICE): Finding {
  const c = officeColleagues(1);
  const u = account("p", { name, email, managementSource: "invited", mfaEnabled: false, ...EMPTY, productAccess: [{ key: "jira-software", id: "ari:jira", lastActiveTimestamp: iso(REF_MS - 200 * DAY) }] });
  return findingOf(snapshotOf([u, ...c.users], [...c.events, ...job("p", ip)], [token("t1", "p", REF_MS - HOUR)]), "p");
}

describe("a person away whose script keeps running, named as people are named: reviewed, never migrated", () => {
  // Each was `bot` before (the hold then asked for 2SV or a full profile), and after the hold
  // first read a person's name, which missed punctuation, suffixes, notes and second surnames.
  for (const [why, name, email] of [
    ["an apostrophe in the surname", "Seán O'Brien", "sean.obrien@acme.com"],
    ["a hyphenated surname, written without the hyphen in the mailbox", "Anne Smith-Jones", "anne.smithjones@acme.com"],
    ["a suffix after the surname", "John Smith Jr.", "john.smith@acme.com"],
    ["a note in brackets after the name", "Dana Lima (Contractor)", "dana.lima@acme.com"],
    ["two surnames, the mailbox holding the first", "María José García López", "mj.garcia@acme.com"],
  ] as const) {
    it(`${name} at \`${email.split("@")[0]}@\` (${why}) is \`likely-bot\`, not \`bot\``, () => {
      for (const ip of [OFFICE, CLOUD]) {
        const f = awayWithScript(name, email, ip);
        expect(f.verdict, `${ip}: ${explain(f)}`).toBe("likely-bot");
      }
    });
  }
});
