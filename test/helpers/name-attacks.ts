// People and teams' accounts as the attack tests on name-based detection build them: a person's
// five weeks at work (office, home, a phone in the evening), with email codes, a personal CLI
// token or on leave; a team's account that several people sign in to. Each account is `x`, judged
// among eight office colleagues.
import { account, BROWSER, DAY, EMPTY, ev, findingOf, HOUR, isWeekend, lcg, MIN, OFFICE, officeColleagues, REF_MS, snapshotOf, token, tokenCall, wrongRuns, type Raw } from "./people-audit.js";
import type { Finding } from "../../src/core/detect/types.js";

export const HOME = "86.12.4.9";
export const PHONE = "176.24.88.3";
export const IPHONE = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 Mobile/15E148";
export const ADDRESSES = ["81.2.69.160", "81.2.69.161", "92.40.12.7"] as const;
/** UI use yesterday. */
export const recentUi = { productAccess: [{ key: "jira-software", id: "ari:jira", lastActiveTimestamp: new Date(REF_MS - DAY).toISOString() }] };
/** Product access with no UI use ever recorded. */
export const neverUi = { productAccess: [{ key: "jira-software", id: "ari:jira", lastActiveTimestamp: null }] };

/** `user` (account `x`) among eight office colleagues (five weeks of sign-ins), judged. */
export function judged(seed: number, user: Raw, events: Raw[] = [], apiTokens: Raw[] = []): Finding {
  const { users, events: theirs } = officeColleagues(seed);
  return findingOf(snapshotOf([...users, user], [...theirs, ...events], apiTokens), "x");
}

/**
 * A person's five weeks: on most weekdays a sign-in at 08:00-09:30 (from the office, from home on
 * about a third of the days) and work until 17:00-18:30; on one evening in five a look from the
 * phone. With `codes`, an email code before each sign-in; with `officeOnly`, every sign-in from
 * the office; with `cli`, on half the days a few calls through the person's own CLI token `t1`.
 */
export function personDays(seed: number, { codes = false, officeOnly = false, cli = false }: { codes?: boolean; officeOnly?: boolean; cli?: boolean } = {}): Raw[] {
  const r = lcg(seed * 31 + 7);
  const out: Raw[] = [];
  for (let d = 35; d >= 1; d--) {
    const day = REF_MS - d * DAY;
    if (isWeekend(day) || r() < 0.05) continue;
    const ip = officeOnly || r() < 0.7 ? OFFICE : HOME;
    const start = day + (8 + r() * 1.5) * HOUR;
    const end = day + (17 + r() * 1.5) * HOUR;
    if (codes) out.push(ev("x", Math.floor(start - 30_000), { action: "email_otp_sent", ip, userAgent: BROWSER }));
    out.push(ev("x", Math.floor(start), { ip, userAgent: BROWSER }));
    for (let t = start + 4 * MIN; t < end; t += (5 + r() * 45) * MIN) out.push(ev("x", Math.floor(t), { action: r() < 0.5 ? "issue_updated" : "comment_created", ip, userAgent: BROWSER }));
    if (cli && r() < 0.5) for (let k = 1 + Math.floor(r() * 3); k > 0; k--) out.push(tokenCall("x", Math.floor(start + (1 + r() * 7) * HOUR), "t1", ip));
    if (!officeOnly && r() < 0.2) out.push(ev("x", Math.floor(day + (20 + r()) * HOUR), { ip: PHONE, userAgent: IPHONE }));
  }
  return out;
}

/** A synced person with a full profile (Engineer, Platform, a photo) at work as `personDays`; `fields` override. */
export const person = (seed: number, name: string, email: string, fields: Raw = {}): Finding => judged(seed, account("x", { name, email, ...recentUi, ...fields }), personDays(seed));
/** The same person where the IdP syncs no job title (department and photo kept). */
export const untitled = (seed: number, name: string, email: string): Finding => person(seed, name, email, { jobTitle: null });
/** The same person using their own CLI token (`jira-cli`, last used yesterday) on half the days. */
export const withCli = (seed: number, name: string, email: string, fields: Raw = {}): Finding =>
  judged(seed, account("x", { name, email, ...recentUi, ...fields }), personDays(seed, { cli: true }), [token("t1", "x", REF_MS - DAY, "jira-cli")]);
/** An invited guest (no profile, no 2SV): an email code before each sign-in, all from one office. */
export const guest = (seed: number, name: string, email: string): Finding =>
  judged(seed, account("x", { name, email, managementSource: "invited", ...EMPTY, ...recentUi }), personDays(seed, { codes: true, officeOnly: true }));
/**
 * On leave: nothing in five weeks of log, the UI last used 40 days ago, a personal token last
 * used 30 days ago. Invited with an empty profile unless `fields` say otherwise.
 */
export const onLeave = (seed: number, name: string, email: string, fields: Raw = {}): Finding =>
  judged(seed, account("x", { name, email, managementSource: "invited", ...EMPTY, productAccess: [{ key: "jira-software", id: "ari:jira", lastActiveTimestamp: new Date(REF_MS - 40 * DAY).toISOString() }], ...fields }), [], [token("t1", "x", REF_MS - 30 * DAY, "cli")]);

/** Weekday sign-ins: one to three a day from one of `addresses`, each after an email code when `codes`, then some work. */
export function teamSignIns(seed: number, addresses: readonly string[], codes = true): Raw[] {
  const r = lcg(seed * 7 + 1);
  const out: Raw[] = [];
  for (let d = 30; d >= 1; d--) {
    const day = REF_MS - d * DAY;
    if (isWeekend(day)) continue;
    for (let k = 1 + Math.floor(r() * 3); k > 0; k--) {
      const ip = addresses[Math.floor(r() * addresses.length)] as string;
      const t = day + (8 + r() * 9) * HOUR;
      if (codes) out.push(ev("x", Math.floor(t - 40_000), { action: "email_otp_sent", ip, userAgent: BROWSER }));
      out.push(ev("x", Math.floor(t), { ip, userAgent: BROWSER }));
      let w = t;
      for (let i = 1; i <= 3; i++) out.push(ev("x", Math.floor((w += (3 + r() * 40) * MIN)), { action: "issue_updated", ip, userAgent: BROWSER }));
    }
  }
  return out;
}
/** A team's shared account, synced, no profile, signed in to from three addresses with an email code each. */
export const team = (seed: number, name: string, email: string): Finding =>
  judged(seed, account("x", { name, email, managementSource: "synced", jobTitle: null, department: null, picture: null, ...recentUi }), teamSignIns(seed, ADDRESSES, true));

/**
 * A job's account its owner set up by hand 12 days ago (one sign-in with an email code, from the
 * office), whose script has used its token since, every few hours, a few calls at a time, some
 * lost by the log; invited, no profile, unless `fields` say otherwise.
 */
export function ownerSetUp(seed: number, fields: Raw): Finding {
  const r = lcg(seed * 13 + 5);
  const events: Raw[] = [
    ev("x", REF_MS - 12 * DAY - 2 * MIN, { action: "email_otp_sent", ip: OFFICE, userAgent: BROWSER }),
    ev("x", REF_MS - 12 * DAY, { ip: OFFICE, userAgent: BROWSER }),
  ];
  for (let t = REF_MS - 11 * DAY; t < REF_MS; t += 4 * HOUR) if (r() < 0.3) events.push(tokenCall("x", Math.floor(t + r() * MIN), "t1", "114.173.25.10", "curl/7.81.0"));
  const productAccess = [{ key: "jira-software", id: "ari:jira", lastActiveTimestamp: new Date(REF_MS - 12 * DAY).toISOString() }];
  return judged(seed, account("x", { managementSource: "invited", ...EMPTY, productAccess, ...fields }), events, [token("t1", "x", REF_MS - HOUR, "jira")]);
}

/**
 * A daily job on account `x` where the snapshot records no UI use (no account's last-active time
 * is exported): a python script calls three times at 23:1x UTC every day for four weeks from one
 * address with token `t1`, beside eight office colleagues; invited, no 2SV, unless `fields` say
 * otherwise.
 */
export function dailyJobNoUi(seed: number, fields: Raw): Finding {
  const { users, events } = officeColleagues(seed);
  const noUi = (u: Raw): Raw => ({ ...u, productAccess: [{ key: "jira-software", id: "ari:jira" }] });
  const job: Raw[] = [];
  const r = lcg(seed * 17 + 3);
  for (let d = 28; d >= 1; d--) {
    const t = REF_MS - d * DAY + 23 * HOUR + (11 + r() * 5) * MIN;
    for (let k = 0; k < 3; k++) job.push(tokenCall("x", Math.floor(t + k * 13_000), "t1", "61.200.37.162", "python-requests/2.26.0"));
  }
  const user = noUi(account("x", { managementSource: "invited", mfaEnabled: false, ...fields }));
  return findingOf(snapshotOf([...users.map(noUi), user], [...events, ...job], [token("t1", "x", REF_MS - DAY + 23 * HOUR, "sync")]), "x");
}

/** The runs of seeds 1-3 whose verdict `want` refuses, labelled with the case. */
export const wrongFor = (label: string, want: (v: Finding["verdict"]) => boolean, judge: (seed: number) => Finding): string[] => wrongRuns([1, 2, 3], want, judge).map((w) => `${label}: ${w}`);
/** A synced person (full profile unless `fields` say otherwise), UI used yesterday, nothing of their own in the log (the export samples accounts). */
export const unrecorded = (seed: number, name: string, email: string, fields: Raw = {}): Finding => judged(seed, account("x", { name, email, ...recentUi, ...fields }));
/** An invited account (no profile, no 2SV), UI used yesterday, nothing of its own in the log. */
export const unloggedInvited = (seed: number, name: string, email: string): Finding => judged(seed, account("x", { name, email, managementSource: "invited", ...EMPTY, ...recentUi }));
/** A person at work (`personDays`, office, home, phone), an email code before each sign-in (no 2SV). */
export const atWorkCodes = (seed: number, name: string, email: string, fields: Raw = {}): Finding => judged(seed, account("x", { name, email, ...recentUi, ...fields }), personDays(seed, { codes: true }));
/** A person at work using their own CLI token (jira-cli, last used yesterday) on half the days. */
export const cliAtWork = (seed: number, name: string, email: string, fields: Raw = {}): Finding =>
  judged(seed, account("x", { name, email, ...recentUi, ...fields }), personDays(seed, { cli: true }), [token("t1", "x", REF_MS - DAY, "jira-cli")]);

/** A device's sign-ins (a screen, a tablet): one each morning from the office on most weekdays, an email code first when `codes`. */
export function morningSignIns(seed: number, codes: boolean): Raw[] {
  const r = lcg(seed * 13 + 5);
  const out: Raw[] = [];
  for (let d = 30; d >= 1; d--) {
    const day = REF_MS - d * DAY;
    if (isWeekend(day) || r() < 0.3) continue;
    const t = day + (7.5 + r() * 1.5) * HOUR;
    if (codes) out.push(ev("x", Math.floor(t - 30_000), { action: "email_otp_sent", ip: OFFICE, userAgent: BROWSER }));
    out.push(ev("x", Math.floor(t), { ip: OFFICE, userAgent: BROWSER }));
  }
  return out;
}

/** Sign-ins of account `x` at the start of each of two shifts (06:00, 14:00) on weekdays from the plant, some work after each. */
export function shiftStartSignIns(seed: number): Raw[] {
  const r = lcg(seed * 11 + 3);
  const out: Raw[] = [];
  for (let d = 28; d >= 1; d--) {
    const day = REF_MS - d * DAY;
    if (isWeekend(day)) continue;
    for (const h of [6, 14]) {
      const t = day + h * HOUR + r() * 20 * MIN;
      out.push(ev("x", Math.floor(t), { ip: OFFICE, userAgent: BROWSER }));
      for (let k = 1 + Math.floor(r() * 3); k > 0; k--) out.push(ev("x", Math.floor(t + (10 + r() * 300) * MIN), { action: "issue_updated", ip: OFFICE, userAgent: BROWSER }));
    }
  }
  return out;
}

/** Month-end runs of account `x`: at 00:20 on three days, 10 calls each from `agent`; no sign-in, no token named. */
export function monthEndCalls(seed: number, agent = "python-requests/2.32.3"): Raw[] {
  const r = lcg(seed * 5 + 9);
  const out: Raw[] = [];
  for (const d of [22, 21, 20]) {
    const t = REF_MS - d * DAY + 20 * MIN;
    for (let k = 0; k < 10; k++) out.push(ev("x", Math.floor(t + k * (10 + r() * 20) * 1000), { action: r() < 0.5 ? "issue_viewed" : "search_executed", ip: "185.168.33.126", userAgent: agent }));
  }
  return out;
}

/**
 * Account `a`'s browser sign-ins from the office at `hour` (UTC, fractions allowed) within two and
 * a half minutes, every day for four weeks, `r` drawing the seconds: a punctual person's, or a robot's.
 */
export function dailySignInsAt(r: () => number, hour: number): Raw[] {
  const out: Raw[] = [];
  for (let d = 28; d >= 1; d--) out.push(ev("a", Math.floor(REF_MS - d * DAY + hour * HOUR + r() * 150_000), { ip: OFFICE, userAgent: BROWSER }));
  return out;
}
