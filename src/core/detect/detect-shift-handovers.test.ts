// A desk's account that each shift signs in to at its start (06:00, 14:00, 22:00), from the staff's
// homes and the office, named as nothing a team's word list knows ("Nuacht", "Archive Requests",
// "Gallery 1"): it was `human`. Its gaps between sign-ins last a shift, round the clock; one
// person's last a night or a day. And the people the rule must leave alone: two sign-ins a day
// eight hours apart, three a day on weekdays, a rota of one shift a day, and an account with a
// person's job title.
import { describe, expect, it } from "vitest";
import { account, BROWSER, DAY, EMPTY, ev, HOUR, isWeekend, lcg, MIN, OFFICE, REF_MS, wrongRuns, type Raw } from "../../../test/helpers/people-audit.js";
import { HOME, judged, recentUi } from "../../../test/helpers/name-attacks.js";
import { fromStaff, shiftSignIns } from "../../../test/helpers/sign-in-plans.js";
import type { Finding } from "./types.js";

const SEEDS = [1, 2, 3] as const;
const wrong = (want: (v: Finding["verdict"]) => boolean, judge: (seed: number) => Finding): string[] => wrongRuns(SEEDS, want, judge);
const notHuman = (v: Finding["verdict"]): boolean => v !== "human";
const isHuman = (v: Finding["verdict"]): boolean => v === "human";
const desk = (seed: number, name: string, email: string, hours: readonly number[] = [6, 14, 22], fields: Raw = {}): Finding =>
  judged(seed, account("x", { name, email, managementSource: "invited", mfaEnabled: false, ...EMPTY, ...recentUi, ...fields }), shiftSignIns(seed, hours, fromStaff, { work: false, skip: 0.3 }));

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
    judged(seed, account("x", { name: "Siobhán Ní Bhriain", email: "siobhan.nibhriain@media.example", managementSource: "invited", ...EMPTY, ...recentUi, ...fields }), shiftSignIns(seed, hours, (r) => (r() < 0.6 ? OFFICE : HOME), { codes: true, ...options }));

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
