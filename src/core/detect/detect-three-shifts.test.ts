// A plant's desk that three shifts sign in to, at 06:00, 14:00 and 22:00 local time, Monday to
// Saturday, from the control room's one or two PCs ("Leitstand Halle 3", "Dispečink Plzeň"): it
// was `human`, because the hand-over rule asked for sign-ins on 80% of the days (a desk staffed
// every day) and from three addresses or more (the staff's own homes). Sittings followed by the
// next two shifts', day after day, at hours signed in on many days, say it on their own. And the
// people it must leave alone: three sign-ins a day with a night's rest, short nights with a few
// stray sign-ins, rotas, a week on call, a person's name at their own mailbox.
import { describe, expect, it } from "vitest";
import { judgedInOrg, invitedUntitled } from "../../../test/helpers/org-words.js";
import { IPHONE } from "../../../test/helpers/name-attacks.js";
import { STAFF_HOMES } from "../../../test/helpers/sign-in-plans.js";
import { BROWSER, DAY, dayOfWeek, ev, HOUR, lcg, MIN, OFFICE, REF_MS, wrongRuns, type Raw } from "../../../test/helpers/people-audit.js";
import type { Finding } from "./types.js";

const SEEDS = [1, 2, 3, 4] as const;
const notHuman = (v: Finding["verdict"]): boolean => v !== "human";
const isHuman = (v: Finding["verdict"]): boolean => v === "human";
const CONTROL_ROOM = ["10.20.48.230", "10.20.89.232"] as const;
const sunday = (ms: number): boolean => dayOfWeek(ms) === 0;

interface Sittings {
  /** Hours (UTC) each shift starts at. */
  hours: readonly number[];
  /** Whether the shifts work on the day that starts at `ms` (`r` for a chance). */
  on?: (ms: number, r: () => number) => boolean;
  /** Where each sign-in comes from. */
  from?: (r: () => number) => string;
  /** Minutes after a shift's start within which its people sign in. */
  windowMin?: number;
  /** How many sign-ins a shift brings: none, one, two or three, with these weights. */
  weights?: readonly [number, number, number, number];
}

/**
 * Five weeks of account `a`'s sign-ins: each shift's people sign in within `windowMin` minutes of
 * its start, as many times as `weights` draw, an email code before about half, a few steps of work
 * after one in five (a desk's log is mostly its sign-ins).
 */
function sittings(seed: number, { hours, on = (ms, r) => !sunday(ms) && !(dayOfWeek(ms) === 6 && r() > 0.3), from = (r) => CONTROL_ROOM[Math.floor(r() * CONTROL_ROOM.length)] as string, windowMin = 130, weights = [2, 5, 3, 1] }: Sittings): Raw[] {
  const r = lcg(seed * 29 + 5);
  const total = weights.reduce((a, b) => a + b, 0);
  const draw = (): number => {
    let x = r() * total;
    for (let k = 0; k < weights.length; k++) if ((x -= weights[k] as number) < 0) return k;
    return 0;
  };
  const out: Raw[] = [];
  for (let d = 35; d >= 1; d--) {
    const day = REF_MS - d * DAY;
    if (!on(day, r)) continue;
    for (const h of hours) {
      for (let n = draw(); n > 0; n--) {
        const t = Math.floor(day + h * HOUR + (r() * windowMin - 10) * MIN);
        const ip = from(r);
        if (r() < 0.5) out.push(ev("a", t - 90_000, { action: "email_otp_sent", ip, userAgent: BROWSER }));
        out.push(ev("a", t, { ip, userAgent: BROWSER }));
        if (r() < 0.2) for (let k = 1 + Math.floor(r() * 3); k > 0; k--) out.push(ev("a", Math.floor(t + (5 + r() * 50) * MIN), { action: "issue_updated", ip, userAgent: BROWSER }));
      }
    }
  }
  return out;
}

const desk = (seed: number, name: string, email: string, plan: Sittings, small = false): Finding => judgedInOrg("plant.example", invitedUntitled(name, email), sittings(seed, plan), small);
/** Early, late and night shifts (06:00, 14:00, 22:00 in Central Europe's winter), Monday to Friday and some Saturdays. */
const THREE_SHIFTS: Sittings = { hours: [5, 13, 21] };

describe("a desk that three shifts sign in to, six days a week", () => {
  it.each([
    ["Leitstand Halle 3", "leitstand.halle3@plant.example"],
    ["Dispečink Plzeň", "dispecink.plzen@plant.example"],
    ["Instandhaltung Werk Amberg", "instandhaltung.amberg@plant.example"],
    ["Utrzymanie Ruchu Zmiana", "ur.gliwice@plant.example"],
  ])("%s at %s, from the control room's two PCs, is reviewed", (name, email) => {
    expect(wrongRuns(SEEDS, notHuman, (seed) => desk(seed, name, email, THREE_SHIFTS))).toEqual([]);
  });

  it("so is one signed in to from a single PC, once a shift", () => {
    expect(wrongRuns(SEEDS, notHuman, (seed) => desk(seed, "Montage Linie 4", "montage.l4@plant.example", { hours: [5, 13, 21], from: () => CONTROL_ROOM[0], weights: [0, 1, 0, 0] }))).toEqual([]);
  });

  it("and one on six days a week, every Saturday too", () => {
    expect(wrongRuns(SEEDS, notHuman, (seed) => desk(seed, "Schichtbuch Presswerk", "schichtbuch.presswerk@plant.example", { ...THREE_SHIFTS, on: (ms) => !sunday(ms) }))).toEqual([]);
  });

  it("says that shifts share it: the sittings a day and the gaps a shift long", () => {
    const texts = SEEDS.map((seed) => desk(seed, "Instandhaltung Werk Amberg", "instandhaltung.amberg@plant.example", THREE_SHIFTS).signals.find((s) => s.id === "shared-use")?.evidence).filter((t) => t !== undefined);
    expect(texts.length).toBeGreaterThan(0);
    for (const text of texts) expect(text).toMatch(/shifts share it: \d+ of the \d+ gaps between its sign-ins last 5 to 11 hours, a shift's length, where one person rests overnight, and \d+ of its \d+ sign-in sittings are followed by another 5 to 11 hours later and another 13 to 19 hours later, as the next two shifts sign in/);
  });

  it.each([
    ["Chicago", [12, 20, 28]],
    ["Tokyo", [-3, 5, 13]],
  ] as const)("and one in %s, five days a week, whose night shift's sign-in falls on the next or the last UTC day", (_, hours) => {
    const weekdays = (ms: number): boolean => ![0, 6].includes(dayOfWeek(ms));
    const runs = SEEDS.map((seed) => desk(seed, "Instandhaltung Werk Amberg", "instandhaltung.amberg@plant.example", { hours, on: weekdays }).verdict);
    expect(runs.filter(isHuman)).toEqual([]);
  });

  it("a desk whose mailbox is not its name is reviewed in a small org too, where names tell nothing", () => {
    expect(wrongRuns(SEEDS, notHuman, (seed) => desk(seed, "Utrzymanie Ruchu Zmiana", "ur.gliwice@plant.example", THREE_SHIFTS, true))).toEqual([]);
  });
});

describe("people the three-shift rule leaves alone", () => {
  const HOME = STAFF_HOMES[0];
  const homeOrOffice = (r: () => number): string => (r() < 0.5 ? OFFICE : HOME);
  /** Oisín Ferreira, whose given name no one else in the org has, judged with `events`. */
  const oisin = (events: Raw[]): Finding => judgedInOrg("plant.example", invitedUntitled("Oisín Ferreira", "oisin.ferreira@plant.example"), events);
  /** The seeds on which `judge`'s account is reviewed as shared (other evidence may still flag a pattern no person keeps). */
  const reviewedAsShared = (judge: (seed: number) => Finding): number[] => SEEDS.filter((seed) => judge(seed).signals.some((s) => s.id === "shared-use"));

  it("three sign-ins a day, six days a week, at 08:00, 13:00 and 20:00, with a night's rest (a given name the org does not know)", () => {
    expect(wrongRuns(SEEDS, isHuman, (seed) => desk(seed, "Oisín Ferreira", "oisin.ferreira@plant.example", { hours: [8, 13, 20], on: (ms) => !sunday(ms), from: homeOrOffice, windowMin: 60, weights: [0, 3, 1, 0] }))).toEqual([]);
  });

  /** A sign-in from the phone at `hours` (UTC) on the day `days` before the snapshot, as someone who cannot sleep looks. */
  const stray = (days: number, hours: number): Raw => ev("a", Math.floor(REF_MS - days * DAY + hours * HOUR), { ip: HOME, userAgent: IPHONE });

  it("three sign-ins a day at 08:00, 13:30 and 20:00, and one sleepless night's look at 02:10 that fills a night hour", () => {
    const person = (seed: number): Finding => oisin([...sittings(seed, { hours: [8, 13.5, 20], on: (ms) => !sunday(ms), from: homeOrOffice, windowMin: 60, weights: [0, 3, 1, 0] }), stray(17, 2.17)]);
    expect(wrongRuns(SEEDS, isHuman, person)).toEqual([]);
  });

  it("an office worker's laptop sign-ins at 08:00 and after lunch, the phone's minutes later, and three late looks in five weeks", () => {
    const officeWorker = (seed: number): Finding => {
      const r = lcg(seed * 67 + 9);
      const events: Raw[] = [];
      for (let d = 35; d >= 1; d--) {
        const day = REF_MS - d * DAY;
        if ([0, 6].includes(dayOfWeek(day))) continue;
        for (const [from, to] of [[7.5, 9], [13.5, 15.5]] as const) {
          const t = Math.floor(day + (from + r() * (to - from)) * HOUR);
          events.push(ev("a", t, { ip: OFFICE, userAgent: BROWSER }), ev("a", t + 20 * MIN, { action: "issue_updated", ip: OFFICE, userAgent: BROWSER }));
          if (r() < 0.6) events.push(ev("a", Math.floor(t + (5 + r() * 15) * MIN), { ip: "176.24.88.3", userAgent: IPHONE }));
        }
      }
      return oisin([...events, stray(24, 21.5), stray(17, 2.17), stray(10, 23.67)]);
    };
    expect(wrongRuns(SEEDS, isHuman, officeWorker)).toEqual([]);
  });

  it("a person who signs in every five hours from 07:00 to 22:00, six days a week, and sleeps from midnight to six", () => {
    expect(wrongRuns(SEEDS, isHuman, (seed) => desk(seed, "Oisín Ferreira", "oisin.ferreira@plant.example", { hours: [7, 12, 17, 22], on: (ms) => !sunday(ms), from: homeOrOffice, windowMin: 40, weights: [0, 1, 0, 0] }))).toEqual([]);
  });

  it("a plant engineer who, in her week on call, signs in at each shift's hand-over to read its log, and at 08:00 on other weekdays", () => {
    const engineer = (seed: number): Finding => {
      const onCall = (ms: number): boolean => ms >= REF_MS - 14 * DAY && ms < REF_MS - 7 * DAY;
      const week = sittings(seed, { hours: [5, 13, 21], on: onCall, from: homeOrOffice, windowMin: 60, weights: [0, 1, 0, 0] });
      const office = sittings(seed + 100, { hours: [7], on: (ms) => !onCall(ms) && ![0, 6].includes(dayOfWeek(ms)), from: homeOrOffice, windowMin: 60, weights: [0, 1, 0, 0] });
      return oisin([...week, ...office]);
    };
    expect(wrongRuns(SEEDS, isHuman, engineer)).toEqual([]);
  });

  it("a person at 07:00, after lunch and at 20:00 on weekdays, whose short nights chain the days, with three late or early looks in five weeks", () => {
    const weekdays = (ms: number): boolean => ![0, 6].includes(dayOfWeek(ms));
    const person = (seed: number): Finding =>
      oisin([
        ...sittings(seed, { hours: [7, 12.5, 19.5], on: weekdays, from: homeOrOffice, windowMin: 70, weights: [0, 1, 0, 0] }),
        stray(20, 22.67),
        stray(13, 23.25),
        stray(6, 6.33),
      ]);
    expect(wrongRuns(SEEDS, isHuman, person)).toEqual([]);
  });

  it("two shifts a day, 06:00 and 14:00, which one person's morning and afternoon sign-ins look like", () => {
    expect(wrongRuns(SEEDS, isHuman, (seed) => desk(seed, "Oisín Ferreira", "oisin.ferreira@plant.example", { hours: [5, 13], from: homeOrOffice }))).toEqual([]);
  });

  /** Five weeks of a rota's early, late and night weeks (06:00, 14:00, 22:00), five days each, a sign-in at each of `offsets` hours from the shift's start. */
  const rota = (seed: number, offsets: (r: () => number) => number[]): Finding => {
    const r = lcg(seed * 7 + 3);
    const events: Raw[] = [];
    for (let d = 35; d >= 1; d--) {
      const day = REF_MS - d * DAY;
      if (d % 7 < 2) continue;
      const start = day + ([5, 13, 21][Math.floor(d / 7) % 3] as number) * HOUR;
      for (const hours of offsets(r)) {
        const t = Math.floor(start + hours * HOUR);
        const ip = homeOrOffice(r);
        if (r() < 0.5) events.push(ev("a", Math.floor(t - (30 + r() * 90) * 1000), { action: "email_otp_sent", ip, userAgent: BROWSER }));
        events.push(ev("a", t, { ip, userAgent: BROWSER }));
        for (let k = Math.floor(r() * 3); k > 0; k--) events.push(ev("a", Math.floor(t + (5 + r() * 90) * MIN), { action: "issue_updated", ip, userAgent: BROWSER }));
      }
    }
    return oisin(events);
  };

  it("a nurse on a rota of early, late and night weeks who signs in at her shift's start and six hours into it (two sittings a day)", () => {
    expect(reviewedAsShared((seed) => rota(seed, (r) => [r() * 0.5, 6 + r() * 0.5]))).toEqual([]);
  });

  it("a nurse on the same rota who signs in three times in her shift (gaps shorter than a shift)", () => {
    const often = (r: () => number): number[] => [r() * 0.5, 1 + r() * 2.5, 5 + r() * 2];
    expect(reviewedAsShared((seed) => rota(seed, often))).toEqual([]);
  });

  it("an engineer who on release days, twice a week, signs in at 06:00, 14:00 and 22:00", () => {
    const releaseDays = (ms: number): boolean => [2, 4].includes(dayOfWeek(ms));
    expect(reviewedAsShared((seed) => desk(seed, "Oisín Ferreira", "oisin.ferreira@plant.example", { hours: [5, 13, 21], on: releaseDays, from: homeOrOffice, windowMin: 40, weights: [0, 2, 1, 0] }))).toEqual([]);
  });

  it("a week of a desk's sign-ins, all the log holds of a new account, is too little to tell", () => {
    const lastWeek = (ms: number, r: () => number): boolean => ms >= REF_MS - 8 * DAY && !sunday(ms) && !(dayOfWeek(ms) === 6 && r() > 0.3);
    expect(reviewedAsShared((seed) => desk(seed, "Utrzymanie Ruchu Zmiana", "ur.gliwice@plant.example", { ...THREE_SHIFTS, on: lastWeek }))).toEqual([]);
  });

  it("a developer who signs in four times a working day and, in the week on call, when paged at night", () => {
    const developer = (seed: number): Finding => {
      const r = lcg(seed * 11 + 9);
      const events: Raw[] = [];
      for (let d = 35; d >= 1; d--) {
        const day = REF_MS - d * DAY;
        const plan = d % 7 >= 2 ? [8, 10.5, 13, 16].map((h) => h + (r() - 0.5) * 1.2) : [];
        if (d <= 14 && d > 7) for (let k = r() < 0.5 ? 1 : 2; k > 0; k--) plan.push(22 + r() * 8);
        for (const h of plan) {
          const t = Math.floor(day + h * HOUR);
          const ip = homeOrOffice(r);
          if (r() < 0.3) events.push(ev("a", Math.floor(t - (30 + r() * 90) * 1000), { action: "email_otp_sent", ip, userAgent: BROWSER }));
          events.push(ev("a", t, { ip, userAgent: BROWSER }));
          for (let k = 1 + Math.floor(r() * 4); k > 0; k--) events.push(ev("a", Math.floor(t + (5 + r() * 100) * MIN), { action: "issue_updated", ip, userAgent: BROWSER }));
        }
      }
      return oisin(events);
    };
    expect(reviewedAsShared(developer)).toEqual([]);
  });

  it("an on-call engineer paged three or four times a day at any hour is not taken for a desk", () => {
    const paged = (seed: number): Finding => {
      const r = lcg(seed * 13 + 1);
      const hours = Array.from({ length: 4 }, () => r() * 24);
      return desk(seed, "Oisín Ferreira", "oisin.ferreira@plant.example", { hours, on: () => true, from: homeOrOffice, windowMin: 480, weights: [1, 4, 1, 0] });
    };
    expect(reviewedAsShared(paged)).toEqual([]);
  });

  it("nor a person whose given name the org's people share, at their own mailbox, signing in at each shift's start", () => {
    expect(reviewedAsShared((seed) => desk(seed, "Erik Halle", "erik.halle@plant.example", THREE_SHIFTS))).toEqual([]);
  });

  it("nor a desk's account with a person's job title copied onto it", () => {
    expect(reviewedAsShared((seed) => judgedInOrg("plant.example", invitedUntitled("Leitstand Halle 3", "leitstand.halle3@plant.example", { jobTitle: "Schichtleiter" }), sittings(seed, THREE_SHIFTS)))).toEqual([]);
  });
});
