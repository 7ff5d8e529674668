// People the audit must never call `bot`: a person who works through a browser isolation product
// (a headless Chromium's user agent, the vendor's cloud addresses), answering an email code at
// each of several sign-ins a workday. Close calls kept below `bot`: a person whose Jira notifier
// browser extension polls with their session day and night beside their own sign-ins and UI work,
// over a whole month, and a synced employee whose own script runs on a home server at night, in
// the web UI yesterday. Each is audited in a tiny org beside its robots.
import { describe, expect, it } from "vitest";
import { account, BROWSER, DAY, drop, EMPTY, ev, explain, HOUR, isWeekend, lastDays, lcg, MIN, OFFICE, REF_MS, token, tokenCall, type Perturb, type Raw, judgedInTinyOrg, type TinyOrgCase } from "../../../test/helpers/people-audit.js";
import type { Finding } from "./types.js";

const SEEDS = [1, 2, 3, 4, 5] as const;
/** Twenty runs, for a mistake that comes with some draws of a person's days and not others. */
const MANY = Array.from({ length: 20 }, (_, i) => i + 1);
const INVITED = { managementSource: "invited", ...EMPTY };
const ISOLATION = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/120.0.6099.71 Safari/537.36";
const HOME = "86.14.22.9";

/** The runs in which `p` has the verdict `bad`, with how it came about. */
function runsWith(bad: Finding["verdict"], build: (seed: number) => TinyOrgCase, changes: Perturb[], blank = false, seeds: readonly number[] = SEEDS): string[] {
  const out: string[] = [];
  for (const seed of seeds) {
    const f = judgedInTinyOrg(seed, build(seed), changes, blank);
    if (f.verdict === bad) out.push(`run ${seed}: ${explain(f)}`);
  }
  return out;
}

const person = (o: Raw = {}): Raw => account("p", { name: "Dana Whitfield", email: "dana.whitfield@acme.com", ...o });

/**
 * 35 days of `p` with a poller in the browser (`ua`, every `poll` minutes and a few seconds, an
 * `issue_viewed` with the person's session): a sign-in (with its email code when `otp`) at
 * 08:00-09:30 on most days, ten edits in the UI between then and 18:00; the laptop is left on
 * overnight on a `overnight` share of days (the poller runs on to the next morning) and opened
 * for one to three hours on a `weekends` share of weekend days.
 */
function poller(seed: number, o: { poll: number; ua?: string; overnight?: number; weekends?: number; otp?: boolean }): Raw[] {
  const r = lcg(seed * 31 + 7);
  const out: Raw[] = [];
  const ua = o.ua ?? BROWSER;
  for (let d = 35; d >= 1; d--) {
    const day = REF_MS - d * DAY;
    const weekend = isWeekend(day);
    if (weekend && r() > (o.weekends ?? 0)) continue;
    if (r() < 0.05) continue;
    const start = day + (8 + r() * 1.5) * HOUR;
    let end = weekend ? start + (1 + r() * 2) * HOUR : day + (17 + r() * 1.5) * HOUR;
    if (r() < (o.overnight ?? 0)) end = day + DAY + (7.5 + r()) * HOUR;
    if (o.otp) out.push(ev("p", Math.floor(start - 25_000), { action: "email_otp_sent", ip: OFFICE, userAgent: BROWSER }));
    out.push(ev("p", Math.floor(start), { ip: OFFICE, userAgent: BROWSER }));
    for (let t = start + MIN; t < Math.min(end, REF_MS - MIN); t += o.poll * MIN + Math.floor(r() * 15_000)) out.push(ev("p", Math.floor(t), { action: "issue_viewed", ip: OFFICE, userAgent: ua }));
    const uiEnd = Math.min(end, day + 18 * HOUR);
    for (let k = 0; k < 10; k++) out.push(ev("p", Math.floor(start + r() * (uiEnd - start)), { action: r() < 0.5 ? "issue_updated" : "comment_created", ip: OFFICE, userAgent: BROWSER }));
  }
  return out;
}

/**
 * 35 days of `p` through a browser isolation service (a headless Chromium's user agent, the
 * vendor's cloud addresses): on workdays, `signIns` sign-ins from 08:00-09:30 to about 17:00, each
 * with its email code and one to four edits within 15 minutes, and a few more edits in between.
 */
function isolated(seed: number, signIns: readonly [number, number]): Raw[] {
  const r = lcg(seed * 19 + 11);
  const out: Raw[] = [];
  const ip = (): string => `34.98.${Math.floor(r() * 255)}.${Math.floor(r() * 255)}`;
  for (let d = 35; d >= 1; d--) {
    const day = REF_MS - d * DAY;
    if (isWeekend(day) || r() < 0.04) continue;
    const start = day + (8 + r() * 1.5) * HOUR;
    const end = start + (8 + r()) * HOUR;
    const n = signIns[0] + Math.floor(r() * (signIns[1] - signIns[0] + 1));
    for (let i = 0; i < n; i++) {
      const t = i === 0 ? start : start + r() * (end - start);
      const at = ip();
      out.push(ev("p", Math.floor(t - 25_000), { action: "email_otp_sent", ip: at, userAgent: ISOLATION }), ev("p", Math.floor(t), { ip: at, userAgent: ISOLATION }));
      const acts = 1 + Math.floor(r() * 4);
      for (let k = 0; k < acts; k++) out.push(ev("p", Math.floor(t + (2 + k * 4 + r() * 3) * MIN), { action: "issue_updated", ip: at, userAgent: ISOLATION }));
    }
    const more = Math.floor(r() * 4);
    for (let k = 0; k < more; k++) out.push(ev("p", Math.floor(start + r() * (end - start)), { action: "comment_created", ip: ip(), userAgent: ISOLATION }));
  }
  return out;
}

/** A script of `p`'s own on a home server: token calls every 10 minutes or so from 01:00-01:30 for three hours, most nights, from a home line. */
function homeServer(seed: number): Raw[] {
  const r = lcg(seed * 7 + 1);
  const out: Raw[] = [];
  for (let d = 35; d >= 1; d--) {
    const day = REF_MS - d * DAY;
    if (r() < 0.05) continue;
    const start = day + (1 + r() * 0.5) * HOUR;
    for (let t = start; t < start + 3 * HOUR; t += 10 * MIN + r() * 60_000) out.push(tokenCall("p", Math.floor(t), "home", HOME, "python-requests/2.31"));
  }
  return out;
}
const homeToken = [token("home", "p", REF_MS - 2 * HOUR, "home-lab")];

describe("a person whose browser extension polls Jira with their session, the laptop never shut", () => {
  // Guard: over the whole month the UI the person works in holds the account (close call).
  it("the control, a synced employee over the whole month, is not `bot` (close call)", () => {
    expect(runsWith("bot", (s) => ({ user: person(), events: poller(s, { poll: 2, overnight: 1, weekends: 1 }) }), [], false, MANY)).toEqual([]);
  });
});

describe("a person who works through a browser isolation service, answering an email code at each sign-in", () => {
  // Six to ten sign-ins a workday (the isolation session is short), each with its code, from the
  // vendor's cloud, with 30% of events lost: `bot` (6) on the codes and the cloud, 5 of 5 runs,
  // where the whole log was held for its working week by the sign-ins' flood.
  it("an invited contractor with 30% of events lost is never `bot`", () => {
    expect(runsWith("bot", (s) => ({ user: person(INVITED), events: isolated(s, [6, 10]) }), [drop(0.3)])).toEqual([]);
  });
  // The same contractor, the log as recorded, across twenty runs (`bot` in 12).
  it("an invited contractor, the log as recorded, is never `bot`", () => {
    expect(runsWith("bot", (s) => ({ user: person(INVITED), events: isolated(s, [6, 10]) }), [], false, MANY)).toEqual([]);
  });
  // Three to six sign-ins a workday, in a 14-day log, across twenty runs (`bot` in 2).
  it("an invited contractor signing in three to six times a workday, in a 14-day log, is never `bot`", () => {
    expect(runsWith("bot", (s) => ({ user: person(INVITED), events: isolated(s, [3, 6]) }), [lastDays(14)], false, MANY)).toEqual([]);
  });
  // Guard: a synced employee with a full profile behind the same service stays below `bot`.
  it("the control, a synced employee with a full profile, is not `bot` (close call)", () => {
    expect(runsWith("bot", (s) => ({ user: person(), events: isolated(s, [6, 10]) }), [drop(0.3)], false, MANY)).toEqual([]);
  });
});

describe("a person whose only events are a script of their own on a home server at night", () => {
  // Guard: the synced employee who used the web UI yesterday is held for review.
  it("the control, a synced employee in the web UI yesterday, is not `bot` (close call)", () => {
    expect(runsWith("bot", (s) => ({ user: person(), events: homeServer(s), tokens: homeToken }), [])).toEqual([]);
  });
});
