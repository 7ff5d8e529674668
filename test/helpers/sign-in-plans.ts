// Sign-in plans of account `x` over four weeks, shared by the tests of shift hand-overs and the
// attack rounds on them: a desk's shifts signing in at each hand-over, and a person's day as a
// list of sign-ins.
import type { Finding } from "../../src/core/detect/types.js";
import { judged, personDays, recentUi } from "./name-attacks.js";
import { account, BROWSER, DAY, EMPTY, ev, HOUR, isWeekend, lcg, MIN, OFFICE, REF_MS, token, tokenCall, type Raw } from "./people-audit.js";

/** The homes of a desk's staff, beside the office. */
export const STAFF_HOMES = ["78.16.198.17", "109.255.4.81", "37.228.69.100", "86.47.38.96", "2001:bb6:b40d:ddb3::a25"] as const;

/** The office one time in three, otherwise one of the staff's homes. */
export const fromStaff = (r: () => number): string => (r() < 0.35 ? OFFICE : (STAFF_HOMES[Math.floor(r() * STAFF_HOMES.length)] as string));

/**
 * Sign-ins of account `x` near each of `hours` (UTC) on the days `onDay` keeps over four weeks,
 * anywhere in a window of `jitterMin` minutes around the hour, from `where(r)`; an email code before
 * one in three when `codes`; a few steps of work after each when `work` (a log of sign-ins alone
 * has none). A shift misses its sign-in one time in `1/skip`.
 */
export function shiftSignIns(seed: number, hours: readonly number[], where: (r: () => number) => string, { codes = true, jitterMin = 90, work = true, skip = 0.2, onDay = (_ms: number): boolean => true } = {}): Raw[] {
  const r = lcg(seed * 17 + 3);
  const out: Raw[] = [];
  for (let d = 28; d >= 1; d--) {
    const day = REF_MS - d * DAY;
    if (!onDay(day)) continue;
    for (const h of hours) {
      if (r() < skip) continue;
      const t = Math.floor(day + h * HOUR + (r() - 0.5) * jitterMin * MIN);
      const ip = where(r);
      if (codes && r() < 0.33) out.push(ev("x", t - 90_000, { action: "email_otp_sent", ip, userAgent: BROWSER }));
      out.push(ev("x", t, { ip, userAgent: BROWSER }));
      if (work) for (let k = 1 + Math.floor(r() * 3); k > 0; k--) out.push(ev("x", t + Math.floor((5 + r() * 60) * MIN), { action: "issue_updated", ip, userAgent: BROWSER }));
    }
  }
  return out;
}

/** A sign-in at `h` hours after the day's midnight (UTC), from `ip` with `ua`; `work` steps of UI work after it. */
export type SignIn = { h: number; ip: string; ua?: string; work?: number };

/**
 * Four weeks of account `x`: `plan` says the sign-ins of each day (`day` its midnight, UTC); an
 * email code before each when `codes`, the given steps of work after each (three unless said).
 */
export function planDays(seed: number, plan: (day: number, r: () => number) => SignIn[], codes = false): Raw[] {
  const r = lcg(seed * 23 + 11);
  const out: Raw[] = [];
  for (let d = 28; d >= 1; d--) {
    const day = REF_MS - d * DAY;
    for (const s of plan(day, r)) {
      const t = Math.floor(day + s.h * HOUR);
      const ua = s.ua ?? BROWSER;
      if (codes) out.push(ev("x", t - 40_000, { action: "email_otp_sent", ip: s.ip, userAgent: ua }));
      out.push(ev("x", t, { ip: s.ip, userAgent: ua }));
      for (let k = 1; k <= (s.work ?? 3); k++) out.push(ev("x", Math.floor(t + k * (4 + r() * 25) * MIN), { action: r() < 0.5 ? "issue_updated" : "comment_created", ip: s.ip, userAgent: ua }));
    }
  }
  return out;
}

/** A number between `lo` and `hi` drawn from `r`. */
export const between = (r: () => number, lo: number, hi: number): number => lo + r() * (hi - lo);

/** An RPA robot or a technical user the IdP keeps: empty profile, office sign-ins on weekdays with email codes, calls with its token `t1`. */
export function technicalUser(seed: number, name: string, email: string): Finding {
  const r = lcg(seed * 41 + 3);
  const events = planDays(seed, (day, rr) => (isWeekend(day) ? [] : [{ h: between(rr, 8, 9), ip: OFFICE, work: 2 }]), true);
  for (let d = 28; d >= 1; d--) if (!isWeekend(REF_MS - d * DAY)) events.push(tokenCall("x", Math.floor(REF_MS - d * DAY + between(r, 10, 16) * HOUR), "t1", OFFICE, "python-requests/2.31.0"));
  return judged(seed, account("x", { name, email, managementSource: "synced", mfaEnabled: false, ...EMPTY, ...recentUi }), events, [token("t1", "x", REF_MS - DAY, "orchestrator")]);
}

/** On call every day: the ward PC at 07:00-08:00, 14:00-16:00 and 22:00-23:30, one sign-in in five skipped. */
export const onCall = (_day: number, r: () => number): SignIn[] => {
  const out: SignIn[] = [];
  for (const [lo, hi] of [[7, 8], [14, 16], [22, 23.5]] as const) if (r() >= 0.2) out.push({ h: between(r, lo, hi), ip: OFFICE });
  return out;
};
/** An untitled synced person (department and photo kept, no job title) with these sign-ins. */
export const untitledWith = (seed: number, name: string, email: string, events: Raw[]): Finding => judged(seed, account("x", { name, email, jobTitle: null, ...recentUi }), events);
/** An untitled person on call every day (`onCall`). */
export const onCallPerson = (seed: number, name: string, email: string): Finding => untitledWith(seed, name, email, planDays(seed, onCall));
/** A desk on two shifts every day from its own PC (one address), synced, no profile. */
export const twoShiftDesk = (seed: number, name: string, email: string): Finding =>
  judged(seed, account("x", { name, email, managementSource: "synced", ...EMPTY, ...recentUi }), shiftSignIns(seed, [6, 14], () => OFFICE, { skip: 0.1 }));

export const CLOUD_RUNNERS = ["3.108.254.10", "65.0.197.22"] as const;
/**
 * A load test's virtual user: on three or four days of the four weeks, a burst of four to eight
 * sign-ins a few minutes apart from a cloud runner, each after an email code, with `agent`.
 */
export function loadTestUser(seed: number, agent: string): Raw[] {
  return planDays(
    seed,
    (_day, r) => {
      if (r() > 0.14) return [];
      const at = between(r, 9, 15);
      return Array.from({ length: 4 + Math.floor(r() * 5) }, (_, k) => ({ h: at + (k * (3 + r() * 8)) / 60, ip: CLOUD_RUNNERS[k % 2] as string, ua: agent, work: 1 }));
    },
    true,
  );
}

const ROBOT_HOST = "185.41.23.45";
/**
 * An RPA robot's weekdays on account `x`: sign-ins at about 04:30 and 10:30 with an email code
 * each, from the robot's host in a browser, and after each a run of calls through token `t1` with
 * `agent`.
 */
export function robotWeekdays(seed: number, agent: string): Raw[] {
  const r = lcg(seed * 41 + 3);
  const out: Raw[] = [];
  for (let d = 30; d >= 1; d--) {
    const day = REF_MS - d * DAY;
    if (isWeekend(day)) continue;
    for (const h of [4.5, 10.5]) {
      const t = Math.floor(day + (h + r() * 0.3) * HOUR);
      out.push(ev("x", t - 30_000, { action: "email_otp_sent", ip: ROBOT_HOST, userAgent: BROWSER }), ev("x", t, { ip: ROBOT_HOST, userAgent: BROWSER }));
      for (let k = 5 + Math.floor(r() * 10); k > 0; k--) out.push(tokenCall("x", Math.floor(t + (30 + r() * 20) * MIN), "t1", ROBOT_HOST, agent));
    }
  }
  return out;
}
/** A synced account with a back-office job title and department, as a bank's directory keeps its robots. */
export const bankSynced = (name: string, email: string): Raw => account("x", { name, email, jobTitle: "Specjalista ds. Reklamacji", department: "Centrum Operacji Bankowych", ...recentUi });

/**
 * An accounts-payable clerk at work (synced, titled) whose own attended robot, started from her
 * desktop, calls about 30 times each weekday through her token `t1` from the office with `agent`.
 */
export function attendedClerk(seed: number, agent: string): Finding {
  const r = lcg(seed * 7 + 5);
  const robot: Raw[] = [];
  for (let d = 35; d >= 1; d--) {
    const day = REF_MS - d * DAY;
    if (isWeekend(day)) continue;
    for (let k = 0; k < 30; k++) robot.push(tokenCall("x", Math.floor(day + (9.5 + r() * 6) * HOUR), "t1", OFFICE, agent));
  }
  const user = account("x", { name: "Kinga Wójcik", email: "kinga.wojcik@bank.example", jobTitle: "Accounts Payable Specialist", department: "Finance Operations", ...recentUi });
  return judged(seed, user, [...personDays(seed), ...robot], [token("t1", "x", REF_MS - DAY, "uipath-attended")]);
}
