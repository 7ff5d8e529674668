// Accounts misjudged in independent generators' orgs (a Chinese and Taiwanese contract
// manufacturer, a Dutch container terminal, a Welsh council, a Brazilian hospital network):
//
// (1) `findDailySlots` (features/daily-slots.ts) split sign-ins into UTC days. A person in Taipei
//     or Shenzhen who signs in between 07:30 and 08:30 local time signs in on both sides of UTC
//     midnight: one morning habit became two times of day, each kept on half of the UTC days, a
//     robot's timetable; and some mornings fell on one UTC day, so a person who signs in once a day
//     seemed to sign in twice (`personsLongDay`). The account's days now start in its quiet hours.
// (2) `personsLongDay` (rules.ts) allows a second sign-in on some days (1.5 a day, not 1.25): a
//     shift's agent who signs in again after a break still starts their long day at the bell.
//     (UTC days had split such shifts where they cross UTC midnight; one day each, the second
//     sign-ins count.)
// (3) `every-day` (rules.ts) read a line leader's seven-day weeks in the busy season as a job's:
//     a day off that moves through the week, signed in to from the line's PC and a phone, is a
//     rota's (`roamingRestDay`). From one host it is still a job's, whose log lost some runs.
// (4) `namedTimetable` (rules.ts): sign-ins on a timetable whose sittings cannot be seen (the log
//     records no work), on an account whose mailbox or name leads with a bot-like word and with no
//     person's job title, explain the account's UI use; the UI no longer holds back an RPA robot's or a
//     scraper's name ("RPA Benefits Bot 02" at `rpa-benefits02@`, titled "Robotic Process
//     Automation", now a machine's title as "Automation" is; "Maersk Portaal Scraper").
// (5) Words: a system's, a technical or a functional account in Dutch ("Systeemaccount",
//     "Technisch account"); an integration (对接) among a job's CJK words; a public, a
//     training's, a customer audit's or a duty's account in Chinese ("工程部公共账号", "訓練帳號12",
//     "客户验厂账号", "夜班生产值班") is shared; a numbered training pool's account whose mailbox holds
//     its training word apart from its number (`treinamento.tasy01@`) is shared.
// (6) `hiddenEmailPairs` (features/profile.ts): an old account whose email is hidden pairs with
//     the service account of its name "Migrated from" an email no account shows.
// (7) A security team's decoy, by its title (`DECOY_TITLE`, rules.ts): canary personas and
//     honeypots of an Israeli security firm were `human`.
// A cold review of a first version found people it wrongly reviewed and a robot it cleared; they
// are the "after review" cases.
import { describe, expect, it } from "vitest";
import { emptyDailySlots, findDailySlots, quietMidpointMinute, SlotScratch } from "./features/daily-slots.js";
import { MACHINE_TITLE } from "./rules.js";
import { givenNamesOrg, judgedAmongGivenNames } from "../../../test/helpers/org-words.js";
import { snapshotSchema } from "../snapshot/schema.js";
import { recentUi } from "../../../test/helpers/name-attacks.js";
import { account, BROWSER, CLOUD, DAY, ev, expectSharedEachSeed, expectVerdictOnSeeds, explain, findingOf, HOUR, isWeekend, lcg, MIN, rawSnapshot, REF_MS, type Raw } from "../../../test/helpers/people-audit.js";
import type { Finding } from "./types.js";

const SEEDS = [1, 2, 3, 4, 5] as const;
const PHONE = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1";
const LINE_PC_A = "59.37.80.156";
const LINE_PC_B = "59.37.80.219";
const CARRIER = "223.104.192.98";
/** A cloud desktop pool's egress addresses (AWS). */
const VDI = [CLOUD, "34.201.10.9"] as const;

const judged = (a: Raw, events: Raw[]): Finding => judgedAmongGivenNames("plant.example", a, events);
const fired = (f: Finding, id: string): boolean => f.signals.some((s) => s.id === id && s.weight !== 0);

function slotsOf(times: number[]): { count: number; days: number } {
  const out = emptyDailySlots();
  findDailySlots(Float64Array.from(times), times.length, 15, 5, 0.5, out, new SlotScratch());
  return { count: out.count, days: out.days };
}

describe("(1) an account's days start in its quiet hours, not at UTC midnight", () => {
  it("the middle of the longest gap between the sittings' times of day is where a day starts", () => {
    // 23:40 and 00:20 UTC: the gap from 00:20 round to 23:40 is the long one; its middle is noon.
    const times = [REF_MS - 3 * DAY + 23 * HOUR + 40 * MIN, REF_MS - 2 * DAY + 20 * MIN, REF_MS - DAY + 23 * HOUR + 50 * MIN];
    expect(quietMidpointMinute(Float64Array.from(times), times.length, new Float64Array(times.length))).toBe(12 * 60);
  });

  it("sittings well clear of UTC midnight keep UTC days", () => {
    const times = [REF_MS - 3 * DAY + 8 * HOUR, REF_MS - 2 * DAY + 17 * HOUR, REF_MS - DAY + 9 * HOUR];
    expect(quietMidpointMinute(Float64Array.from(times), times.length, new Float64Array(times.length))).toBe(0);
  });

  // Failed before: two slots (about 23:35 and 00:05 UTC) on 12 of 24 UTC days each.
  it("one sign-in each morning between 07:30 and 08:30 in UTC+8 is one habit on as many days, no timetable", () => {
    for (const seed of SEEDS) {
      const r = lcg(seed * 131);
      const times: number[] = [];
      for (let d = 30; d >= 1; d--) {
        const day = REF_MS - d * DAY;
        if (isWeekend(day + 8 * HOUR)) continue;
        // 07:30-08:30 local is 23:30-00:30 UTC, the day before for the first half hour.
        times.push(day - 30 * MIN + Math.floor(r() * 60) * MIN);
      }
      const slots = slotsOf(times);
      expect([seed, slots.count < 2, slots.days], String(times.length)).toEqual([seed, true, times.length]);
    }
  });

  it("a robot's sign-ins at 06:04, 12:04 and 18:04 UTC still make three slots", () => {
    const times: number[] = [];
    for (let d = 20; d >= 1; d--) for (const h of [6, 12, 18]) times.push(REF_MS - d * DAY + h * HOUR + (4 + (d % 5)) * MIN);
    expect(slotsOf(times)).toEqual({ count: 3, days: 20 });
  });

  /** An office worker in Taipei: one sign-in each workday at 07:30-08:30 local from the office (two egress addresses), nothing else recorded. */
  function taipeiMornings(seed: number): Raw[] {
    const r = lcg(seed * 977);
    const out: Raw[] = [];
    for (let d = 30; d >= 1; d--) {
      const day = REF_MS - d * DAY;
      if (isWeekend(day + 8 * HOUR) || r() < 0.1) continue;
      out.push(ev("a", day - 30 * MIN + Math.floor(r() * 60 * MIN), { ip: r() < 0.5 ? LINE_PC_A : LINE_PC_B, userAgent: BROWSER }));
    }
    return out;
  }

  // Kept: no timetable from one morning habit on either side of UTC midnight.
  it("an office worker in Taipei who signs in at 07:30-08:30 local time keeps no timetable and is a person", () => {
    for (const seed of SEEDS) {
      const f = judged({ name: "Irene CM Huang", email: "irene.huang@plant.example", jobTitle: "人資專員", department: "財務處", ...recentUi }, taipeiMornings(seed));
      expect([seed, fired(f, "login-daily-slots"), f.verdict], explain(f)).toEqual([seed, false, "human"]);
    }
  });
});

/**
 * A shift's agent's sign-ins (UTC+8, the shift at 04:45 local, 20:45 UTC the day before) on
 * workdays over six weeks, from the two addresses of the outsourcer's cloud desktops; on a third of the days a second sign-in
 * after the break, three to five hours later. A step of work now and then, hours after a
 * sign-in, never within minutes of one.
 */
function earlyShift(seed: number): Raw[] {
  const r = lcg(seed * 613);
  const out: Raw[] = [];
  for (let d = 42; d >= 1; d--) {
    const day = REF_MS - d * DAY;
    if (isWeekend(day + 8 * HOUR)) continue;
    const start = day - 3 * HOUR - 15 * MIN + Math.floor((r() - 0.5) * 16 * MIN);
    out.push(ev("a", start, { ip: VDI[0], userAgent: BROWSER }));
    if (r() < 0.35) out.push(ev("a", start + Math.floor((3 + r() * 2) * HOUR), { ip: VDI[1], userAgent: BROWSER }));
    if (r() < 0.25) out.push(ev("a", start + Math.floor((1.5 + r() * 5) * HOUR), { action: "jira:issue_updated", ip: VDI[0], userAgent: BROWSER }));
  }
  return out;
}

describe("(2) a person's long day allows a second sign-in on some days", () => {
  // Kept: her shift's sign-ins now fall on one of her days (UTC days split them where the shift
  // crosses UTC midnight), and she is still a person.
  it("a shift's agent who starts at the bell and signs in again after a break on a third of the days is a person", () => {
    expectVerdictOnSeeds(SEEDS, "human", (seed) => judged({ name: "Janine Quimpo", email: "jquimpo@plant.example", jobTitle: "Collections Associate", department: "Operations", managementSource: undefined, ...recentUi }, earlyShift(seed)));
  });
});

/**
 * A line leader's sign-ins (UTC+8) on nine weeks of the busy season: one a day at 08:45-09:15
 * local, with one day off a week that the rota moves from weekday to weekday, and now and then a
 * second; nothing else recorded. `hosts`: the addresses signed in from, each with its user agent.
 */
function sevenDayWeeks(seed: number, hosts: readonly (readonly [string, string])[]): Raw[] {
  const r = lcg(seed * 7411);
  const out: Raw[] = [];
  let restDay = 0;
  for (let d = 63; d >= 1; d--) {
    if (d % 7 === 0) restDay = Math.floor(r() * 7);
    if (d % 7 === restDay || r() < 0.05) continue;
    const at = REF_MS - d * DAY + 45 * MIN + Math.floor(r() * 30 * MIN);
    const [ip, userAgent] = hosts[Math.floor(r() * hosts.length)] as readonly [string, string];
    out.push(ev("a", at, { ip, userAgent }));
  }
  return out;
}

describe("(3) a day off that moves through the week, from a few places, is a rota's (roamingRestDay)", () => {
  const leader = { name: "魏仁嘉 Wei Renjia", email: "renjia.wei@plant.example", jobTitle: "拉长", department: "SMT部", managementSource: "invited", ...recentUi };

  // Failed before: every-day (2.5), and the UI not counted as a person's, so likely-bot.
  it("a line leader on seven-day weeks, signing in from the line's PCs and a phone, is a person", () => {
    const hosts = [[LINE_PC_A, BROWSER], [LINE_PC_B, BROWSER], [CARRIER, PHONE]] as const;
    for (const seed of SEEDS) {
      const f = judged(leader, sevenDayWeeks(seed, hosts));
      expect([seed, fired(f, "every-day"), f.verdict], explain(f)).toEqual([seed, false, "human"]);
    }
  });

  it("the same days from one host (a screen's) are still read as at work every day", () => {
    for (const seed of SEEDS) {
      const f = judged({ ...leader, name: "SMT-L03 看板", email: "kanban.l03@plant.example", jobTitle: null }, sevenDayWeeks(seed, [[LINE_PC_A, BROWSER]]));
      expect([seed, fired(f, "every-day")], explain(f)).toEqual([seed, true]);
    }
  });
});

const twoProducts = ["jira-software", "confluence"].map((key) => ({ key, id: `ari:${key}`, lastActiveTimestamp: new Date(REF_MS - DAY).toISOString() }));

/** Sign-ins at 06:00 and 12:00 UTC (within ten minutes) on every workday of six weeks, from the council's data centre; nothing else recorded. */
function robotTimetable(seed: number): Raw[] {
  const r = lcg(seed * 389);
  const out: Raw[] = [];
  for (let d = 42; d >= 1; d--) {
    const day = REF_MS - d * DAY;
    if (isWeekend(day)) continue;
    for (const h of [6, 12]) out.push(ev("a", day + h * HOUR - 3 * MIN + Math.floor(r() * 10 * MIN), { ip: "195.188.20.14", userAgent: BROWSER }));
  }
  return out;
}

describe("(4) a timetable of sign-ins explains the UI use beside it", () => {
  // Failed before: the recent UI use in two products (-3) held the name back to 0.45, and the
  // score (1 and 2) stayed under the likely-bot threshold; only a floor reviewed them here, and in
  // the council's and the terminal's orgs none did (human).
  it.each([
    ["RPA Benefits Bot 02", "rpa-benefits02@plant.example", "Robotic Process Automation"],
    ["Maersk Portaal Scraper", "scraper.maersk@plant.example", null],
  ])("%s at %s, signing in at 06:00 and 12:00 every workday, scores as reviewed", (name, email, jobTitle) => {
    for (const seed of SEEDS) {
      const f = judged({ name, email, jobTitle, department: "ICT", managementSource: "invited", productAccess: twoProducts }, robotTimetable(seed));
      expect([seed, f.verdict !== "human" && f.score >= 3], explain(f)).toEqual([seed, true]);
    }
  });

  // The same timetable on a person's account is no more than reviewed.
  it("a person's account on the same timetable is never bot", () => {
    for (const seed of SEEDS) {
      const f = judged({ name: "Gwenllian Rees", email: "gwenllian.rees@plant.example", jobTitle: "Benefits Officer", department: "Revenues", productAccess: twoProducts }, robotTimetable(seed));
      expect([seed, f.verdict === "bot"], explain(f)).toEqual([seed, false]);
    }
  });
});

/** Sign-ins from the plant's PCs and phones on most workdays, at the hours of a shift's changing staff. */
function crew(seed: number): Raw[] {
  const r = lcg(seed * 53);
  const out: Raw[] = [];
  for (let d = 30; d >= 1; d--) {
    const day = REF_MS - d * DAY;
    if (isWeekend(day) || r() < 0.15) continue;
    out.push(ev("a", day + Math.floor((1 + r() * 8) * HOUR), { ip: r() < 0.5 ? LINE_PC_A : LINE_PC_B, userAgent: r() < 0.3 ? PHONE : BROWSER }));
  }
  return out;
}

describe("(5) words", () => {
  it.each(["Systeemaccount", "Technisch account", "Technische account", "Functioneel account", "Robotic Process Automation"])("%s is a machine's title", (title) => {
    expect(MACHINE_TITLE.test(title)).toBe(true);
  });
  it.each(["Functioneel beheerder", "Technisch specialist", "Systeembeheerder", "RPA Developer", "Robotic Process Automation Lead"])("%s is a person's title", (title) => {
    expect(MACHINE_TITLE.test(title)).toBe(false);
  });

  // Failed before: human (a full profile, no activity).
  it.each([
    ["BizTalk Koppeling (oud)", "biztalk@plant.example", "Systeemaccount"],
    ["Test integratie INTTRA", "inttra-test@plant.example", "Technisch account"],
  ])("%s at %s, titled %s, with nothing in the log, is reviewed", (name, email, jobTitle) => {
    const f = judged({ name, email, jobTitle, department: "ICT", managementSource: "invited" }, []);
    expect(f.verdict, explain(f)).toBe("likely-bot");
  });

  // Failed before: human.
  it("an idle integration named in Chinese with 对接 is reviewed", () => {
    const f = judged({ name: "SRM对接(2)", email: "srm.if2@plant.example", jobTitle: null, department: null, picture: null, managementSource: "invited" }, []);
    expect(f.verdict, explain(f)).toBe("likely-bot");
  });

  // Failed before: human, used as one person's account is.
  it.each([
    ["工程部公共账号", "gonggong@plant.example"],
    ["PMC公共帐号", "pmc.public@plant.example"],
    ["夜班主管公用", "yeban.zg@plant.example"],
    ["訓練帳號12", "training12@plant.example"],
    ["客户验厂账号", "customer.audit@plant.example"],
    ["夜班生产值班", "yeban@plant.example"],
  ])("%s at %s is reviewed as shared", (name, email) => {
    expectSharedEachSeed(SEEDS, (seed) => judged({ name, email, jobTitle: null, department: "生产部", ...recentUi }, crew(seed)));
  });
  // People's names, and a department of public utilities after one, keep their account.
  it.each([
    ["王公用", "wang.gongyong@plant.example"],
    ["张伟 公用事业部", "zhang.wei@plant.example"],
    ["李值", "li.zhi@plant.example"],
  ])("%s at %s is a person", (name, email) => {
    expectVerdictOnSeeds(SEEDS, "human", (seed) => judged({ name, email, jobTitle: "工程师", department: "生产部", ...recentUi }, crew(seed)));
  });
});

describe("after review: what the readings leave alone", () => {
  /** Sign-ins at 08:00 and 13:00 (within seven minutes) on workdays, the second on most days, from the office's two addresses; nothing else recorded. */
  function officeTimetable(seed: number): Raw[] {
    const r = lcg(seed * 211);
    const out: Raw[] = [];
    for (let d = 42; d >= 1; d--) {
      const day = REF_MS - d * DAY;
      if (isWeekend(day)) continue;
      out.push(ev("a", day + 8 * HOUR + Math.floor((r() - 0.5) * 14 * MIN), { ip: LINE_PC_A, userAgent: BROWSER }));
      if (r() < 0.75) out.push(ev("a", day + 13 * HOUR + Math.floor((r() - 0.5) * 14 * MIN), { ip: LINE_PC_B, userAgent: BROWSER }));
    }
    return out;
  }
  // A surname the bot-like words hold, not first in the mailbox: her UI use stays hers.
  it("Sarah Jenkins at sarah.jenkins@, signing in at 08:00 and 13:00, stays a person", () => {
    expectVerdictOnSeeds(SEEDS, "human", (seed) => judged({ name: "Sarah Jenkins", email: "sarah.jenkins@plant.example", jobTitle: null, department: "Finance", ...recentUi }, officeTimetable(seed)));
  });

  // A person's duty post, a department, a liaison's role and an administrator's, after or before their name.
  it.each([
    ["王伟 值班长", "invited"],
    ["值班长 王伟", "invited"],
    ["王伟-值班经理", "synced"],
    ["张丽 值班经理", "invited"],
    ["张伟 动力公用", "invited"],
    ["公共邮箱管理员 刘洋", "invited"],
    ["陈静 培训账号管理", "invited"],
    ["王芳 供应商对接", "invited"],
    ["客户对接 王芳", "invited"],
  ])("%s (%s) is a person", (name, managementSource) => {
    expectVerdictOnSeeds(SEEDS, "human", (seed) => judged({ name, email: `p${seed}.${name.length}@plant.example`, jobTitle: null, department: null, picture: null, managementSource, ...recentUi }, crew(seed)));
  });

  /** A robot's browser sign-in at 06:00 (within four minutes) every day, weekends too, from a NAT's two addresses, a step of work two minutes later; a sixth of the days lost from the log. */
  function robotDays(seed: number): Raw[] {
    const r = lcg(seed * 97);
    const out: Raw[] = [];
    for (let d = 56; d >= 1; d--) {
      if (r() < 0.17) continue;
      const at = REF_MS - d * DAY + 6 * HOUR + Math.floor((r() - 0.5) * 8 * MIN);
      const ip = r() < 0.5 ? LINE_PC_A : LINE_PC_B;
      out.push(ev("a", at, { ip, userAgent: BROWSER }));
      out.push(ev("a", at + 2 * MIN, { action: "jira:issue_updated", ip, userAgent: BROWSER }));
    }
    return out;
  }
  // A robot whose log lost some runs, from two addresses, is still at work every day.
  it("a robot at 06:00 every day from a NAT's two addresses, its runs lost on random days, still keeps every-day", () => {
    for (const seed of SEEDS) {
      const f = judged({ name: "Daniel Byrne", email: "daniel.byrne@plant.example", jobTitle: "Shift Coordinator", department: "Warehouse", ...recentUi }, robotDays(seed));
      expect([seed, fired(f, "every-day")], explain(f)).toEqual([seed, true]);
    }
  });
});

describe("an old account whose email is hidden is paired with its service account by name", () => {
  const service = (id: string, displayName: string, email: string): Raw => ({ accountId: id, accountType: "service", accountStatus: "active", status: "active", name: displayName, email: `${id}@serviceaccount.atlassian.com`, productAccess: [], groupIds: [] });
  const entry = (id: string, displayName: string, from: string): Raw => ({ id: `sa-${id}`, accountId: id, email: `${id}@serviceaccount.atlassian.com`, displayName, description: `Migrated from ${from} by bot2svc`, status: "active" });
  function judge(users: Raw[], entries: Raw[], id: string): Finding {
    const raw = rawSnapshot([...users, ...givenNamesOrg("plant.example").users], [], []);
    (raw as Record<string, unknown>)["serviceAccounts"] = entries;
    return findingOf(snapshotSchema.parse(raw), id);
  }
  const old = (id: string, name: string): Raw => account(id, { name, email: undefined, status: "suspended", jobTitle: null, department: "IT", picture: null, managementSource: "invited" });

  // Failed before: reported as a bot still to migrate (the pairing asked for the email).
  it("a suspended account with no email and the service account of its name migrated from an email no account shows is migrated", () => {
    const f = judge([old("a", "SMT-L01 AOI数据上传-2"), service("s1", "SMT-L01 AOI数据上传-2", "")], [entry("s1", "SMT-L01 AOI数据上传-2", "aoi.dgl01@plant.example")], "a");
    expect(f.lifecycle?.state, explain(f)).toBe("migrated");
  });

  it("two hidden accounts of that name, or the email on a visible account, pair none by name", () => {
    const twins = judge([old("a", "AOI Upload"), old("b", "AOI Upload"), service("s1", "AOI Upload", "")], [entry("s1", "AOI Upload", "aoi@plant.example")], "a");
    expect(twins.lifecycle?.state).not.toBe("migrated");
    const visible = account("v", { name: "Someone Else", email: "aoi@plant.example" });
    const shown = judge([old("a", "AOI Upload"), visible, service("s1", "AOI Upload", "")], [entry("s1", "AOI Upload", "aoi@plant.example")], "a");
    expect(shown.lifecycle?.state).not.toBe("migrated");
  });
});

describe("a training pool's numbered account, its training word apart from its number in the mailbox", () => {
  const pool = (name: string, email: string) => (seed: number) => judged({ name, email, jobTitle: null, department: "HR", picture: null, managementSource: "invited", ...recentUi }, crew(seed));
  // Failed before: human (one person's use, the word before the number a place's).
  it.each([
    ["Training Poort 01", "training.poort01@plant.example"],
    ["Treinamento Tasy 01", "treinamento.tasy01@plant.example"],
    ["Formazione Negozi 02", "formazione.negozi02@plant.example"],
  ])("%s at %s is reviewed as shared", (name, email) => {
    expectSharedEachSeed(SEEDS, (seed) => pool(name, email)(seed));
  });
  // A person's second account, the word apart from the number a name's, stays theirs.
  it("Anna Berg 2 at anna.berg2@ is a person", () => {
    for (const seed of SEEDS) expect(pool("Anna Berg 2", "anna.berg2@plant.example")(seed).verdict).toBe("human");
  });
});

describe("a security team's decoy, by its title", () => {
  it.each(["Deception persona (SOC) — do not contact", "Deception asset — SOC", "פרסונת הטעיה – SOC", "Персона-приманка (SOC)", "Honeypot", "Honeypot account", "Canary account", "Honeytoken"])("%s is no person's title", (title) => {
    expect(MACHINE_TITLE.test(title)).toBe(true);
  });
  it.each(["Honeypot Researcher", "Deception Technology Engineer", "Canary Islands Account Manager", "Decoy Systems Analyst", "Canary"])("%s is a person's title", (title) => {
    expect(MACHINE_TITLE.test(title)).toBe(false);
  });

  // Failed before: human (a person's name, office hours, UI use): a security firm's canary
  // personas and honeypots, kept looking alive by a script.
  it.each([
    ["Maxim Titov", "maxim.titov@plant.example", "Deception persona (SOC) — do not contact"],
    ["Domain Admin (temp)", "da-temp@plant.example", "Deception asset — SOC"],
  ])("%s at %s, titled %s, is reviewed", (name, email, jobTitle) => {
    expectVerdictOnSeeds(SEEDS, "likely-bot", (seed) => judged({ name, email, jobTitle, department: "Finance", managementSource: "invited", ...recentUi }, crew(seed)));
  });
  it("a honeypot researcher at work is a person", () => {
    expectVerdictOnSeeds(SEEDS, "human", (seed) => judged({ name: "Noa Levi", email: "noa.levi@plant.example", jobTitle: "Honeypot Researcher", department: "Research", managementSource: "invited", ...recentUi }, crew(seed)));
  });
});
