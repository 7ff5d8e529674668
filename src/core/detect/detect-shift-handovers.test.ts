// A desk's account that each shift signs in to at its start (06:00, 14:00, 22:00), from the staff's
// homes and the office, named as nothing a team's word list knows ("Nuacht", "Archive Requests",
// "Gallery 1"): it was `human`. Its gaps between sign-ins last a shift, round the clock; one
// person's last a night or a day. And the people the rule must leave alone: two sign-ins a day
// eight hours apart, three a day on weekdays, a rota of one shift a day, and an account with a
// person's job title.
import { describe, expect, it } from "vitest";
import { account, BROWSER, DAY, EMPTY, ev, HOUR, isWeekend, lcg, MIN, OFFICE, REF_MS, wrongRuns, type Raw } from "../../../test/helpers/people-audit.js";
import { HOME, judged, recentUi } from "../../../test/helpers/name-attacks.js";
import type { Finding } from "./types.js";

const SEEDS = [1, 2, 3] as const;
const wrong = (want: (v: Finding["verdict"]) => boolean, judge: (seed: number) => Finding): string[] => wrongRuns(SEEDS, want, judge);
const notHuman = (v: Finding["verdict"]): boolean => v !== "human";
const isHuman = (v: Finding["verdict"]): boolean => v === "human";
const STAFF_HOMES = ["78.16.198.17", "109.255.4.81", "37.228.69.100", "86.47.38.96", "2001:bb6:b40d:ddb3::a25"] as const;

/**
 * Sign-ins of account `x` near each of `hours` (UTC) on the days `onDay` keeps over four weeks,
 * anywhere in a window of `jitterMin` minutes around the hour, from `where(r)`; an email code before
 * one in three when `codes`; a few steps of work after each when `work` (a log of sign-ins alone
 * has none). A shift misses its sign-in one time in `skip`.
 */
function signInsAt(seed: number, hours: readonly number[], where: (r: () => number) => string, { codes = true, jitterMin = 90, work = true, skip = 0.2, onDay = (_ms: number): boolean => true } = {}): Raw[] {
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

const fromStaff = (r: () => number): string => (r() < 0.35 ? OFFICE : (STAFF_HOMES[Math.floor(r() * STAFF_HOMES.length)] as string));
const desk = (seed: number, name: string, email: string, hours: readonly number[] = [6, 14, 22], fields: Raw = {}): Finding =>
  judged(seed, account("x", { name, email, managementSource: "invited", mfaEnabled: false, ...EMPTY, ...recentUi, ...fields }), signInsAt(seed, hours, fromStaff, { work: false, skip: 0.3 }));

describe("an account the shifts of a desk sign in to at each hand-over", () => {
  it.each([
    ["Nuacht", "nuacht@media.example"],
    ["Archive Requests", "archive.requests@media.example"],
    ["Gallery 1", "gallery1@media.example"],
    ["Změnové řízení", "cab@telco.example"],
  ])("%s at %s, signed in to at 06:00, 14:00 and 22:00, is reviewed", (name, email) => {
    expect(wrong(notHuman, (seed) => desk(seed, name, email))).toEqual([]);
  });

  it("so is one the IdP syncs with a department but no title", () => {
    expect(wrong(notHuman, (seed) => desk(seed, "Nuacht", "nuacht@media.example", [6, 14, 22], { managementSource: "synced", department: "News" }))).toEqual([]);
  });

  it("says that shifts share it, and how the gaps show it", () => {
    const f = desk(1, "Nuacht", "nuacht@media.example");
    expect(f.verdict).toBe("likely-bot");
    const text = f.signals.find((s) => s.id === "shared-use")?.evidence ?? "";
    expect(text).toMatch(/but shifts share it: \d+ of the \d+ gaps between its sign-ins last 5 to 11 hours/);
    expect(text).not.toMatch(/named as a team's/);
  });
});

describe("people whose sign-ins the rule must leave alone", () => {
  const personAt = (seed: number, hours: readonly number[], options: { onDay?: (ms: number) => boolean; skip?: number } = {}, fields: Raw = {}): Finding =>
    judged(seed, account("x", { name: "Siobhán Ní Bhriain", email: "siobhan.nibhriain@media.example", managementSource: "invited", ...EMPTY, ...recentUi, ...fields }), signInsAt(seed, hours, (r) => (r() < 0.6 ? OFFICE : HOME), { codes: true, ...options }));

  it("two sign-ins a weekday eight hours apart (a session that expires)", () => {
    expect(wrong(isHuman, (seed) => personAt(seed, [8, 16], { onDay: (ms) => !isWeekend(ms) }))).toEqual([]);
  });

  it("three sign-ins a weekday, never missed, at 07:00, 13:00 and 19:00, and a quiet night", () => {
    expect(wrong(isHuman, (seed) => personAt(seed, [7, 13, 19], { skip: 0, onDay: (ms) => !isWeekend(ms) }))).toEqual([]);
  });

  it("a rota of one eight-hour shift a day, early, late or night by the week", () => {
    const rota = (seed: number): Finding => {
      const r = lcg(seed * 5 + 1);
      const events: Raw[] = [];
      for (let d = 28; d >= 1; d--) {
        const day = REF_MS - d * DAY;
        if (d % 7 < 2) continue;
        const t = Math.floor(day + ([6, 14, 22][Math.floor(d / 7) % 3] as number) * HOUR + r() * 20 * MIN);
        events.push(ev("x", t, { ip: OFFICE, userAgent: BROWSER }), ev("x", t + 30 * MIN, { action: "issue_updated", ip: OFFICE, userAgent: BROWSER }));
      }
      return judged(seed, account("x", { name: "Ciarán Ó Súilleabháin", email: "ciaran.osuilleabhain@media.example", managementSource: "invited", ...EMPTY, ...recentUi }), events);
    };
    expect(wrong(isHuman, rota)).toEqual([]);
  });

  it("a desk's account whose profile holds a person's job title (the IdP copies its keeper's)", () => {
    expect(wrong(isHuman, (seed) => desk(seed, "Nuacht", "nuacht@media.example", [6, 14, 22], { managementSource: "synced", jobTitle: "Duty Editor", department: "News" }))).toEqual([]);
  });
});
