// Accounts misjudged in independent generators' orgs (a Turkish textile maker with an Egyptian
// factory, a Philippine outsourcer, an Australian miner, a Korean game studio):
//
// (1) `weekdayOff` (rules.ts): a person on a six-day week whose day off is a weekday (Friday,
//     where the weekend is Friday and Saturday; a shop's Monday) works Saturdays and Sundays, which
//     `every-day` read as a job's week. A job that works weekends works every day.
// (2) Machine titles: an RPA robot's ("RPA Robot 2"; not the initials alone, a Radiation
//     Protection Adviser's too), and a batch job's, a scheduler's or a cron job's account titled
//     so ("Batch job account").
// (2b) Words: an integration and automation in Turkish and automated in French (`entegrasyon`,
//     `otomasyon`, `automatisé`), a video wall as a device's last words ("ROC Video Wall 3"), and
//     a device's account as a title ("Display account", "Kiosk User").
// (3) `browserSignInsOnly` (holds.ts): a call centre's agents on a cloud desktop sign in from
//     its pool of cloud addresses, which the whole floor shares (`loginFromSharedEgress`); their
//     shifts, weekends among them, were read as a script's on a cloud host.
import { describe, expect, it } from "vitest";
import { givenNamesOrg, judgedAmongGivenNames } from "../../../test/helpers/org-words.js";
import { recentUi } from "../../../test/helpers/name-attacks.js";
import { MACHINE_TITLE } from "./rules.js";
import { DEVICE_TITLE } from "./floors.js";
import { DEFAULT_CONFIG } from "../../config/config-file.js";
import { compileMatchers } from "./features.js";
import { account, BROWSER, byTime, DAY, ev, explain, iso, findingOf, HOUR, lcg, MIN, OFFICE, officeColleagues, officeDays, REF_MS, snapshotOf, type Raw } from "../../../test/helpers/people-audit.js";
import type { Finding } from "./types.js";

const SEEDS = [1, 2, 3] as const;
const FRIDAY = 5;

/**
 * A plant's supervisor's sign-ins (UTC+2) on most days of six weeks, Saturdays and Sundays among
 * them, from the plant's PC: one at 08:20-08:40 and, on some days, one after lunch; the log
 * records sign-ins only. `restOn`: the weekday never worked (none: any day may be worked).
 */
function sixDayWeek(seed: number, restOn: number | null): Raw[] {
  const r = lcg(seed * 7919);
  const out: Raw[] = [];
  for (let d = 45; d >= 1; d--) {
    const day = REF_MS - d * DAY;
    if (new Date(day).getUTCDay() === restOn || r() < 0.2) continue;
    out.push(ev("a", Math.floor(day + 6 * HOUR + (20 + r() * 20) * MIN), { ip: OFFICE, userAgent: BROWSER }));
    if (r() < 0.3) out.push(ev("a", Math.floor(day + (11 + r() * 2) * HOUR), { ip: OFFICE, userAgent: BROWSER }));
  }
  return out;
}

function supervisor(seed: number, restOn: number | null): Finding {
  const { users, events } = officeColleagues(seed);
  const a = account("a", { name: "Heba Soliman", email: "heba.soliman@plant.example", jobTitle: "Production Supervisor", department: "Production" });
  return findingOf(snapshotOf([a, ...users], [...sixDayWeek(seed, restOn), ...events]), "a");
}

describe("(1) a six-day week whose day off is a weekday (weekdayOff)", () => {
  // Failed before: every-day, a job's strong timing, on top of the schedule of her start. The
  // schedule alone still reviews her where the log holds nothing but sign-ins; never `bot`.
  it("a supervisor at work on Saturdays and Sundays who rests every Friday is not read as at work every day", () => {
    for (const seed of SEEDS) {
      const f = supervisor(seed, FRIDAY);
      expect([seed, f.signals.some((s) => s.id === "every-day")], explain(f)).toEqual([seed, false]);
      expect([seed, f.verdict === "bot"], explain(f)).toEqual([seed, false]);
    }
  });

  // The same days with no weekday at rest: every-day still reads them.
  it("the same account at work on any day of the week is still read as at work every day", () => {
    for (const seed of SEEDS) {
      const f = supervisor(seed, null);
      expect([seed, f.signals.some((s) => s.id === "every-day")], explain(f)).toEqual([seed, true]);
    }
  });
});

const judged = (a: Raw, events: Raw[] = []) => judgedAmongGivenNames("mine.example", a, events);

describe("(2) a robot's or a batch job's title", () => {
  it.each(["RPA Robot", "RPA-Robot 03", "RPA Robot (経費精算)", "Batch job account", "Batch Account", "Batch-Job User", "Scheduler Account", "Cron User"])("%s is a machine's title", (title) => {
    expect(MACHINE_TITLE.test(title)).toBe(true);
  });
  it.each(["RPA", "RPA (Radiation Protection Adviser)", "RPA (Contractor)", "RPA 2", "RPA Developer", "RPA Geliştirme Uzmanı", "RPA Business Analyst", "RPA Lead", "Batch Manager", "Batch Scheduler Analyst", "Cron Specialist", "Head of RPA", "Scheduler"])("%s is a person's title", (title) => {
    expect(MACHINE_TITLE.test(title)).toBe(false);
  });

  // Failed before: `human` (office hours, recent UI, a full profile).
  it.each([
    ["BP Runtime 2", "bp.runtime2@mine.example", "RPA Robot"],
    ["鈴木ロボ", "rpa.tokyo@mine.example", "RPA Robot (経費精算)"],
    ["Spares Criticality Job", "spares.job@mine.example", "Batch job account"],
  ])("%s at %s, titled %s, at work in office hours, is at least reviewed", (name, email, jobTitle) => {
    for (const seed of SEEDS) {
      const f = judged({ name, email, jobTitle, department: "Supply Chain", ...recentUi }, officeDays(lcg(seed), "a"));
      expect([seed, f.verdict === "likely-bot" || f.verdict === "bot"], explain(f)).toEqual([seed, true]);
    }
  });

  // People in the robots' team keep their job's words.
  it.each([
    ["Defne Ilıcak", "defne.ilicak@mine.example", "RPA Geliştirme Uzmanı"],
    ["Ozan Özer", "ozan.ozer@mine.example", "RPA Developer"],
    ["Kofi Mensah", "kofi.mensah@mine.example", "RPA"],
  ])("%s, titled %s, at work in office hours, is a person", (name, email, jobTitle) => {
    for (const seed of SEEDS) {
      const f = judged({ name, email, jobTitle, department: "Automation", ...recentUi }, officeDays(lcg(seed), "a"));
      expect([seed, f.verdict], explain(f)).toEqual([seed, "human"]);
    }
  });
});

/** A cloud desktop pool's egress addresses (Azure). */
const POOL = ["51.124.148.2", "51.124.148.9", "51.124.149.20", "51.124.150.7"];

/**
 * An agent's shifts on a rota (Thursdays and Fridays off), weekends among them, over six weeks:
 * a sign-in at 13:45-14:05 with an email code (the cloud desktop keeps no cookie), then tickets
 * every 5-30 minutes for eight hours, each sign-in from one of `addresses`.
 */
function agentShifts(seed: number, id: string, addresses: readonly string[]): Raw[] {
  const r = lcg(seed * 4241 + id.length * 17 + id.charCodeAt(id.length - 1));
  const out: Raw[] = [];
  // Two days off in the week, the rota's, Thursday and Friday.
  const off = [4, 5];
  for (let d = 42; d >= 1; d--) {
    const day = REF_MS - d * DAY;
    if (off.includes(new Date(day).getUTCDay())) continue;
    const ip = addresses[Math.floor(r() * addresses.length)] as string;
    const start = day + 11 * HOUR + (45 + r() * 20) * MIN;
    out.push(ev(id, Math.floor(start - 20_000), { action: "email_otp_sent", ip, userAgent: BROWSER }));
    out.push(ev(id, Math.floor(start), { ip, userAgent: BROWSER }));
    for (let t = start + 5 * MIN; t < start + 8 * HOUR; t += (5 + r() * 25) * MIN) out.push(ev(id, Math.floor(t), { action: "issue_updated", ip, userAgent: BROWSER }));
  }
  return out;
}

/** Agent `a` among eight colleagues on the same floor, all of them on the pool (or `a` alone on `own`). */
function agent(seed: number, own: readonly string[] | null): Finding {
  const users: Raw[] = [];
  const events: Raw[] = [];
  for (let i = 0; i < 8; i++) {
    users.push(account(`c${i}`, { name: `Colleague ${i}`, jobTitle: "Customer Experience Specialist", department: "Customer Service" }));
    events.push(...agentShifts(seed, `c${i}`, POOL));
  }
  const a = account("a", { name: "Derya Coşkun", email: "derya.coskun@textile.example", jobTitle: "Customer Experience Specialist", department: "Customer Service" });
  return findingOf(snapshotOf([a, ...users], [...events, ...agentShifts(seed, "a", own ?? POOL)].sort(byTime)), "a");
}

describe("(3) agents on a cloud desktop that the whole floor signs in from (browserSignInsOnly)", () => {
  // Failed before: `likely-bot` (script-in-use: a schedule of starts, weekends at work, every
  // sign-in from cloud addresses).
  it("an agent on the floor's cloud desktop pool, on a rota with weekends, is a person", () => {
    for (const seed of SEEDS) {
      const f = agent(seed, null);
      expect([seed, f.verdict], explain(f)).toEqual([seed, "human"]);
    }
  });

  // The same shifts from cloud addresses no colleague signs in from: a script's host.
  it("the same shifts from cloud addresses of its own are still reviewed", () => {
    for (const seed of SEEDS) {
      const f = agent(seed, ["34.201.10.7", "34.201.10.8", "34.201.11.9", "34.201.12.3"]);
      expect([seed, f.verdict === "likely-bot" || f.verdict === "bot"], explain(f)).toEqual([seed, true]);
    }
  });
});

describe("(2b) an integration's, a screen's and a device account's words", () => {
  const matchers = compileMatchers(DEFAULT_CONFIG.detection);
  it.each(["entegrasyon", "entegrasyonu", "otomasyon", "automatisé", "automatisée", "automatises"])("%s is a bot-like word", (word) => {
    expect(matchers.nameToken.test(word)).toBe(true);
  });
  it.each(["Display account", "Kiosk User", "TV Login", "Screen account"])("%s is a device's title", (title) => {
    expect(DEVICE_TITLE.test(title)).toBe(true);
  });
  it.each(["Display Account Manager", "Screen User Researcher", "TV Producer", "Kiosk Support Lead"])("%s is a person's title", (title) => {
    expect(DEVICE_TITLE.test(title)).toBe(false);
  });

  // Failed before: `human`, idle with its token.
  it("GittiGidiyor Entegrasyon, idle with its token, is reviewed", () => {
    const { users, events } = givenNamesOrg("shop.example");
    const a = account("a", { name: "GittiGidiyor Entegrasyon", email: "gittigidiyor@shop.example", managementSource: "synced", mfaEnabled: false, jobTitle: null, department: null, picture: null, productAccess: [{ key: "jira-software", id: "ari:jira", lastActiveTimestamp: null }] });
    const token = { id: "a-t", accountId: "a", label: "token", status: "ALLOWED", createdAt: iso(REF_MS - 200 * DAY), expiresAt: null, lastActiveAt: null };
    const f = findingOf(snapshotOf([a, ...users], events.sort(byTime), [token]), "a");
    expect(f.verdict === "likely-bot" || f.verdict === "bot", explain(f)).toBe(true);
  });

  // Failed before: `human`: a control room's video wall, signed in to each morning and on screen all day.
  it("ROC Video Wall 3, titled Display account, signed in to each morning, is reviewed", () => {
    for (const seed of SEEDS) {
      const r = lcg(seed * 31);
      const events: Raw[] = [];
      for (let d = 30; d >= 1; d -= 3) events.push(ev("a", Math.floor(REF_MS - d * DAY + (6 + r()) * HOUR), { ip: OFFICE, userAgent: BROWSER }));
      const f = judged({ name: "ROC Video Wall 3", email: "roc-video-wall-3@mine.example", jobTitle: "Display account", department: null, managementSource: null, ...recentUi }, events);
      expect([seed, f.verdict === "likely-bot" || f.verdict === "bot"], explain(f)).toEqual([seed, true]);
    }
  });

  // People whose surname is a screen's word in Turkish, at their own mailbox (Ekran is no device's word).
  it("Ayşe Ekran at ayse.ekran@, at work in office hours, is a person", () => {
    for (const seed of SEEDS) {
      const f = judged({ name: "Ayşe Ekran", email: "ayse.ekran@mine.example", jobTitle: "Muhasebe Uzmanı", department: "Finans", ...recentUi }, officeDays(lcg(seed), "a"));
      expect([seed, f.verdict], explain(f)).toEqual([seed, "human"]);
    }
  });
});
