// A newsroom's homepage producers refresh the front page every 20 to 35 minutes through their
// shift, days and nights in turn: their work keeps a beat, as a timer does, but not to the minute,
// and they sign in from the newsroom, home and a phone. RPA robots on a virtual desktop keep a
// pace too, from their one host. German insurers name their robots "Digitaler Kollege" and their
// acceptance-test accounts "UAT Abnahme 01" or a persona ("Hans Testmann") at `uat.abnahme07@`.
import { describe, expect, it } from "vitest";
import type { Snapshot } from "../snapshot/schema.js";
import { byTime, account, BROWSER, DAY, EMPTY, ev, explain, findingOf, HOUR, isWeekend, lcg, MIN, OFFICE, REF_MS, snap, type Raw } from "../../../test/helpers/people-audit.js";

const SEEDS = [1, 2, 3, 4, 5, 6, 7, 8];
const HOME = "98.113.20.41";
const PHONE = "172.58.12.9";
const VDI = "193.158.44.47";
const PRODUCER = { name: "Astrid Crawford", email: "astrid.crawford@herald.example", jobTitle: "Homepage Producer", department: "Digital" };

interface Pace {
  /** Gap between updates in minutes: `[least, most]`, uniform. */
  gap: readonly [number, number];
  /** Where the sign-ins come from, picked at random each shift. */
  from: readonly string[];
  days?: number;
  /** Hours of work a day (8, a shift). */
  hours?: number;
  /** The hour (UTC) work starts every day, where it does not move between early and late weeks. */
  startHour?: number;
}

/**
 * Five shifts a week of eight hours, early (from 06:00 UTC) and late (from 13:00) in turn by
 * week, for `days` days: now and then a sign-in at the start, then an update at every gap through
 * the shift.
 */
function shifts(seed: number, id: string, p: Pace): Raw[] {
  const r = lcg(seed);
  const events: Raw[] = [];
  for (let d = p.days ?? 42; d >= 1; d--) {
    const day = REF_MS - d * DAY;
    if (isWeekend(day)) continue;
    const start = day + (p.startHour ?? (Math.floor(d / 7) % 2 === 0 ? 6 : 13)) * HOUR + Math.floor(r() * 20 * MIN);
    const ip = p.from[Math.floor(r() * p.from.length)] as string;
    // The browser's session outlives the shift: a sign-in on a third of the days.
    if (r() < 0.35) events.push(ev(id, start, { ip, userAgent: BROWSER }));
    for (let t = start + 3 * MIN; t < start + (p.hours ?? 8) * HOUR; t += (p.gap[0] + r() * (p.gap[1] - p.gap[0])) * MIN) {
      events.push(ev(id, Math.floor(t), { action: r() < 0.7 ? "page_updated" : "issue_updated", ip, userAgent: BROWSER }));
    }
  }
  return events;
}

function newsroom(seed: number, user: Raw, p: Pace): Snapshot {
  const events = [...shifts(seed, "a", p), ...shifts(seed + 50, "c", { gap: [5, 120], from: [OFFICE, HOME] })].sort(byTime);
  return snap(`newsroom-${seed}`, [account("a", user), account("c", { name: "Marcus Hale", email: "marcus.hale@herald.example" })], events);
}

describe("a person's steady pace in the browser", () => {
  it("a homepage producer updating every 20-34 minutes through early and late shifts, from the newsroom, home and a phone, is `human`", () => {
    for (const seed of SEEDS) {
      const f = findingOf(newsroom(seed, PRODUCER, { gap: [20, 34], from: [OFFICE, HOME, PHONE] }), "a");
      expect(f.verdict, `seed ${seed}: ${explain(f)}`).toBe("human");
    }
  });

  it("the same account updated every 30 minutes to the half-minute, a timer's beat, is reviewed", () => {
    for (const seed of SEEDS) {
      const f = findingOf(newsroom(seed, PRODUCER, { gap: [29.75, 30.25], from: [OFFICE, HOME, PHONE] }), "a");
      expect(f.verdict, `seed ${seed}: ${explain(f)}`).not.toBe("human");
    }
  });

  it("the same pace from 06:00 to 20:00 every day, from two addresses of one network, a robot's, is reviewed", () => {
    for (const seed of SEEDS) {
      const f = findingOf(newsroom(seed, PRODUCER, { gap: [21, 33], from: [OFFICE, "81.2.69.161"], hours: 14, startHour: 6 }), "a");
      expect(f.verdict, `seed ${seed}: ${explain(f)}`).not.toBe("human");
    }
  });

  it("the same pace from one virtual desktop's address, a robot's host, is reviewed", () => {
    for (const seed of SEEDS) {
      const f = findingOf(newsroom(seed, PRODUCER, { gap: [21, 33], from: [VDI] }), "a");
      expect(f.verdict, `seed ${seed}: ${explain(f)}`).not.toBe("human");
    }
  });
});

/** Workdays 07:00-17:00 UTC for five weeks from one address: a sign-in each morning, then work every 15-45 minutes. */
function officeDays(seed: number, id: string, ip: string): Raw[] {
  const r = lcg(seed);
  const events: Raw[] = [];
  for (let d = 35; d >= 1; d--) {
    const day = REF_MS - d * DAY;
    if (isWeekend(day)) continue;
    const start = day + 7 * HOUR + Math.floor(r() * 30 * MIN);
    events.push(ev(id, start, { ip, userAgent: BROWSER }));
    for (let t = start + 5 * MIN; t < day + 17 * HOUR; t += (15 + r() * 30) * MIN) events.push(ev(id, Math.floor(t), { action: "issue_updated", ip, userAgent: BROWSER }));
  }
  return events;
}

function insurer(seed: number, user: Raw, ip = VDI): Snapshot {
  const colleague = account("c", { name: "Jonas Weber", email: "jonas.weber@versicherung.example" });
  const events = [...officeDays(seed, "a", ip), ...officeDays(seed + 50, "c", OFFICE)].sort(byTime);
  return snap(`insurer-${seed}`, [account("a", user), colleague], events);
}

describe("German robots and acceptance-test personas", () => {
  const cases: [string, Raw][] = [
    ["Digitaler Kollege 3 at digitaler.kollege3@, synced with a clerk's title", { name: "Digitaler Kollege 3", email: "digitaler.kollege3@versicherung.example", jobTitle: "Sachbearbeitung" }],
    ["Digitale Kollegin 1 at dk01@ (the name alone says it)", { name: "Digitale Kollegin 1", email: "dk01@versicherung.example" }],
    ["UAT Abnahme 01 at uat.abnahme01@, invited with no profile", { name: "UAT Abnahme 01", email: "uat.abnahme01@versicherung.example", managementSource: "invited", ...EMPTY }],
    ["Hans Testmann at uat.abnahme07@ (a persona's name)", { name: "Hans Testmann", email: "uat.abnahme07@versicherung.example", managementSource: "invited", ...EMPTY }],
    ["Testteam Abnahme at testteam.abnahme@", { name: "Testteam Abnahme", email: "testteam.abnahme@versicherung.example", managementSource: "invited", ...EMPTY }],
  ];
  for (const [what, user] of cases) {
    it(`${what}, at work in the browser in office hours, is not \`human\``, () => {
      const f = findingOf(insurer(1, user), "a");
      expect(f.verdict, explain(f)).not.toBe("human");
    });
  }

  const people: [string, Raw][] = [
    ["Lena Vogt titled Referentin Digitale Medien", { name: "Lena Vogt", email: "lena.vogt@versicherung.example", jobTitle: "Referentin Digitale Medien" }],
    ["Jana Koch (UAT) at jana.koch@, her team's note", { name: "Jana Koch (UAT)", email: "jana.koch@versicherung.example" }],
    ["Uatu Sione at uatu.sione@ (a Samoan given name)", { name: "Uatu Sione", email: "uatu.sione@versicherung.example" }],
    ["Tim Abner at abner.tim@", { name: "Tim Abner", email: "abner.tim@versicherung.example" }],
    ["Umar Tariq at uat5012@ (a university's ID of initials and digits)", { name: "Umar Tariq", email: "uat5012@versicherung.example", managementSource: "invited", ...EMPTY }],
    ["Mette Hansen titled Digital medarbejder (a Danish job title)", { name: "Mette Hansen", email: "mette.hansen@versicherung.example", jobTitle: "Digital medarbejder" }],
  ];
  for (const [what, user] of people) {
    it(`${what}, at work from the office, stays \`human\``, () => {
      const f = findingOf(insurer(1, user, OFFICE), "a");
      expect(f.verdict, explain(f)).toBe("human");
    });
  }
});
