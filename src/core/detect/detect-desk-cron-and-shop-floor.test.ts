// Three readings from a plant's and a studio's orgs, all `human` before:
// - a nightly job on a person's own workstation: runs of the person's token at one minute of the
//   day, from the desk's address, at an hour the person never works by hand (a nightly export at
//   23:30, a report at 05:00 before anyone arrives);
// - a shift lead's account named with its shift ("Line Leader Rayong B-shift", "ライン長 安城工場 1直")
//   or a name that says it is for common use in Japanese, Chinese or Korean ("安城 班長共用");
// - an andon board or a screen named in Japanese on the shop floor ("Andon TV Line 3", "ライン3 モニタ").
import { describe, expect, it } from "vitest";
import { account, BROWSER, DAY, ev, explain, findingOf, HOUR, isWeekend, iso, lcg, MIN, officeColleagues, officeDays, officeDaysMoved, deskJob, OFFICE, REF_MS, snapshotOf, standupReminderCli, token, tokenCall, type Raw } from "../../../test/helpers/people-audit.js";

const SEEDS = [1, 2, 3, 4, 5] as const;
const EMPTY = { jobTitle: null, department: null, picture: null };

function judged(seed: number, p: Raw, events: Raw[], tokens: Raw[] = []) {
  const { users, events: others } = officeColleagues(seed);
  return findingOf(snapshotOf([p, ...users], [...events, ...others], tokens), "p");
}

/** A Python script its owner starts by hand at an 08:00 alarm each weekday (a few days skipped), up to `spreadMs` late: four calls from the office. */
function alarmScript(r: () => number, spreadMs: number): Raw[] {
  const runs: Raw[] = [];
  for (let d = 30; d >= 1; d--) {
    const day = REF_MS - d * DAY;
    if (isWeekend(day) || r() < 0.05) continue;
    const start = Math.floor(day + 8 * HOUR + r() * spreadMs);
    for (let c = 0; c < 4; c++) runs.push(tokenCall("p", start + c * 6_000, "job-t", "81.2.69.160", "python-requests/2.31"));
  }
  return runs;
}

const engineer = (): Raw => account("p", { name: "Mathieu Gendron", email: "mathieu.gendron@acme.com", jobTitle: "Senior Gameplay Programmer", department: "Engineering", managementSource: "synced" });

describe("a job on a person's own workstation", () => {
  // Mathieu Gendron: a sync script on his office PC at 23:30 UTC each weekday, from the address he works from.
  it("at an hour the person never works by hand, is at least likely-bot, and says when", () => {
    for (const seed of SEEDS) {
      const f = judged(seed, engineer(), [...officeDaysMoved(seed, 0), ...deskJob(seed, 23 * 60 + 30)], [token("job-t", "p", REF_MS - DAY, "sync")]);
      expect([seed, f.verdict], explain(f)).toEqual([seed, "likely-bot"]);
      expect(f.signals.find((s) => s.id === "script-in-use")?.evidence, explain(f)).toContain("started at about 23:30 UTC (within 3 minutes)");
    }
  });

  // A report at 05:00 UTC, three hours before the owner arrives at the office.
  it("before the working day starts, is at least likely-bot", () => {
    for (const seed of SEEDS) {
      const f = judged(seed, engineer(), [...officeDaysMoved(seed, 0), ...deskJob(seed, 5 * 60)], [token("job-t", "p", REF_MS - DAY, "report")]);
      expect([seed, f.verdict], explain(f)).toEqual([seed, "likely-bot"]);
    }
  });

  // A report at 07:00 UTC, an hour before its owner's first sign-in (08:00 to 09:30).
  it("an hour before its owner arrives, is at least likely-bot", () => {
    for (const seed of SEEDS) {
      const f = judged(seed, engineer(), [...officeDaysMoved(seed, 0), ...deskJob(seed, 7 * 60)], [token("job-t", "p", REF_MS - DAY, "report")]);
      expect([seed, f.verdict], explain(f)).toEqual([seed, "likely-bot"]);
    }
  });

  // The same job at 09:02, while its owner works in the UI around it: the person is at hand.
  it("inside the owner's working hours stays the person's", () => {
    for (const seed of SEEDS) {
      const f = judged(seed, engineer(), [...officeDaysMoved(seed, 0), ...deskJob(seed, 9 * 60 + 2)], [token("job-t", "p", REF_MS - DAY, "report")]);
      expect([seed, f.verdict], explain(f)).toEqual([seed, "human"]);
    }
  });

  // `jira standup` at the 09:00 reminder, then meetings: her work in the browser starts an hour later.
  it("a stand-up command at the reminder, an hour before the owner's browser work, stays human", () => {
    for (const seed of SEEDS) {
      const f = judged(seed, engineer(), [...officeDaysMoved(seed, 1.5), ...standupReminderCli(seed, "job-t", 1)], [token("job-t", "p", REF_MS - DAY)]);
      expect([seed, f.verdict], explain(f)).toEqual([seed, "human"]);
    }
  });

  // Her own Python script, run by hand at an 08:00 alarm within a couple of minutes, before a
  // morning of meetings: a scripting client at one minute, but a person's minute, not a cron's second.
  it("a script its owner starts by hand at an alarm, two hours before her browser work, stays human", () => {
    for (const seed of SEEDS) {
      const f = judged(seed, engineer(), [...officeDaysMoved(seed, 2), ...alarmScript(lcg(seed * 83), 150_000)], [token("job-t", "p", REF_MS - DAY, "triage")]);
      expect([seed, f.verdict], explain(f)).toEqual([seed, "human"]);
    }
  });

  // A night-shift engineer who starts a command at 22:00 each night, at the start of her shift.
  it("a night shift's own command at the start of the shift stays human", () => {
    for (const seed of SEEDS) {
      const f = judged(seed, engineer(), [...officeDaysMoved(seed, 14), ...deskJob(seed, 22 * 60)], [token("job-t", "p", REF_MS - DAY)]);
      expect([seed, f.verdict], explain(f)).toEqual([seed, "human"]);
    }
  });

  // Without enough work by hand to know the person's hours, the desk stays theirs.
  it("with little work by hand on record, the desk stays the person's", () => {
    for (const seed of SEEDS) {
      const few = officeDaysMoved(seed, 0).filter((e) => e["action"] === "user_login").slice(0, 12);
      const p = account("p", { name: "Mathieu Gendron", email: "mathieu.gendron@acme.com", jobTitle: "Senior Gameplay Programmer", department: "Engineering", managementSource: "synced" });
      const f = judged(seed, p, [...few, ...deskJob(seed, 23 * 60 + 30)], [token("job-t", "p", REF_MS - DAY)]);
      expect(f.signals.some((s) => s.evidence.includes("started at about 23:30 UTC")), explain(f)).toBe(false);
    }
  });
});

/** A shift's leads signing in by hand from the line's PC through the day, and an Excel macro's token posting their reports. */
function shiftUse(seed: number): Raw[] {
  const r = lcg(seed * 53);
  const out: Raw[] = [];
  for (let d = 30; d >= 1; d--) {
    const day = REF_MS - d * DAY;
    if (isWeekend(day)) continue;
    for (const shiftStart of [6, 14]) {
      const t = day + (shiftStart + r() * 0.5) * HOUR;
      out.push(ev("p", Math.floor(t), { ip: "118.163.180.136", userAgent: BROWSER }));
      out.push(ev("p", Math.floor(t + (20 + r() * 200) * MIN), { action: "issue_updated", ip: "118.163.180.136", userAgent: BROWSER }));
      out.push(tokenCall("p", Math.floor(t + (60 + r() * 300) * MIN), "xl-t", "118.163.180.136", "Mozilla/4.0 (compatible; Win32; WinHttp.WinHttpRequest.5)"));
    }
  }
  return out;
}

describe("a job on a person's workstation that keeps a clock's second", () => {
  // A report at 07:00:00-07:00:15 UTC each weekday from the office PC; its owner arrives between
  // 07:00 and 08:30 and works in the browser until the evening, so his hands come near the job.
  it("while its owner arrives around its time, is at least likely-bot", () => {
    for (const seed of SEEDS) {
      const f = judged(seed, engineer(), [...officeDaysMoved(seed, -1), ...deskJob(seed, 7 * 60, OFFICE, false, 15)], [token("job-t", "p", REF_MS - DAY, "excel連携")]);
      expect([seed, f.verdict], explain(f)).toEqual([seed, "likely-bot"]);
    }
  });

  // The same job 40 seconds late at most: a minute's window, not a clock's second; near its
  // owner's hands that is not enough (see the alarm-script case below).
  it("within a minute only, near its owner's hands, stays as before", () => {
    for (const seed of SEEDS) {
      const f = judged(seed, engineer(), [...officeDaysMoved(seed, -1), ...deskJob(seed, 7 * 60, OFFICE, false, 60)], [token("job-t", "p", REF_MS - DAY, "report")]);
      expect([seed, f.verdict], explain(f)).toEqual([seed, "human"]);
    }
  });

  // Her own Python script, started at her 08:00 alarm as she sits down, within a minute and a half,
  // and her browser work from 08:05: a scripting client near one minute, a person's hand.
  it("a script its owner starts at an alarm as she arrives stays human", () => {
    for (const seed of SEEDS) {
      const f = judged(seed, engineer(), [...officeDaysMoved(seed, 0), ...alarmScript(lcg(seed * 89), 90_000)], [token("job-t", "p", REF_MS - DAY, "triage")]);
      expect([seed, f.verdict], explain(f)).toEqual([seed, "human"]);
    }
  });

  // A script run by a login hook when he signs in: its start follows his arrival, at no clock's time.
  it("a script started by the owner's sign-in stays human", () => {
    for (const seed of SEEDS) {
      const days = officeDaysMoved(seed, 0);
      const runs: Raw[] = [];
      for (const e of days) {
        if (e["action"] !== "user_login") continue;
        const ms = Date.parse(String(e["time"])) + 20_000;
        for (let c = 0; c < 4; c++) runs.push(tokenCall("p", ms + c * 6_000, "job-t", "81.2.69.160", "python-requests/2.31"));
      }
      const f = judged(seed, engineer(), [...days, ...runs], [token("job-t", "p", REF_MS - DAY, "login-sync")]);
      expect([seed, f.verdict], explain(f)).toEqual([seed, "human"]);
    }
  });
});

describe("a shift's or a team's account named so", () => {
  const SHARED: [string, string, string | null][] = [
    ["Line Leader Rayong B-shift", "lineleader-rayong@acme.co.th", "Line Leader"],
    ["Líder de Línea Turno 2", "lider-linea-t2@acme.com.mx", null],
    ["ライン長 安城工場 1直", "lineleader-anjo@acme.co.jp", null],
    ["安城 班長共用", "hancho-anjo@acme.co.jp", "Line Leader"],
    ["組長会 共有", "kumicho@acme.co.jp", "Line Leader"],
  ];
  it.each(SHARED)("%s is reviewed as shared, whatever title was copied onto it", (name, email, jobTitle) => {
    for (const seed of SEEDS) {
      const p = account("p", { name, email, ...EMPTY, jobTitle, managementSource: null });
      const f = judged(seed, p, shiftUse(seed), [token("xl-t", "p", REF_MS - DAY, "excel")]);
      expect([seed, f.verdict], explain(f)).toEqual([seed, "likely-bot"]);
      expect(f.signals.some((s) => s.id === "shared-use"), explain(f)).toBe(true);
    }
  });

  // 直 is in given names (直樹 Naoki, 直美 Naomi); a person with a shift's note leads with the name.
  const PEOPLE: [string, string, string][] = [
    ["鈴木 直樹", "n-suzuki@acme.co.jp", "グループリーダー"],
    ["山口直美", "yamaguchi.naomi@acme.co.jp", "係長"],
    ["Somchai Wong B-shift", "somchai.wong@acme.co.th", "Line Leader"],
    ["María López Turno 2", "maria.lopez@acme.com.mx", "Líder de Línea"],
  ];
  it.each(PEOPLE)("%s, one person at work by hand, stays human", (name, email, jobTitle) => {
    for (const seed of SEEDS) {
      const p = account("p", { name, email, jobTitle, department: "Production" });
      const f = judged(seed, p, officeDays(lcg(seed), "p"));
      expect([seed, f.verdict], explain(f)).toEqual([seed, "human"]);
    }
  });
});

/** A board on the line signing in from a desktop browser at each shift's start (09:00 and 23:00 UTC, up to a quarter of an hour late, Saturdays too), unless still signed in from the shift before, with an email code on some days, and doing nothing the log records. */
function boardSignIns(seed: number, userAgent = BROWSER): Raw[] {
  const r = lcg(seed * 61);
  const out: Raw[] = [];
  for (let d = 30; d >= 1; d--) {
    const day = REF_MS - d * DAY;
    // The plant works Saturdays.
    if (new Date(day).getUTCDay() === 0 || r() < 0.15) continue;
    for (const h of [9, 23]) {
      // On some shifts the board is still signed in from the one before.
      if (r() < 0.45) continue;
      const at = day + h * HOUR + Math.floor(r() * 15 * MIN);
      // A shift lead reads the code from the shared inbox and types it in.
      if (r() < 0.4) {
        out.push(ev("p", at - 60_000, { action: "user_email_otp_challenge", ip: "203.211.165.106", userAgent }));
        out.push(ev("p", at - 20_000, { action: "user_email_otp_verified", ip: "203.211.165.106", userAgent }));
      }
      out.push(ev("p", at, { ip: "203.211.165.106", userAgent }));
    }
  }
  return out;
}

describe("a shop floor's board", () => {
  const BOARDS: [string, string][] = [
    ["Andon TV Line 3", "andon-tn3@acme-usa.com"],
    ["Andon Board Line 1", "andon-th1@acme.co.th"],
    ["andon5", "andon5-nishio@acme.co.jp"],
    ["アンドン表示板 第4ライン", "andon-l4-anjo@acme.co.jp"],
    ["ライン3 モニタ", "line3-mon-kyushu@acme.co.jp"],
    ["安城工場 掲示板PC", "keiji-pc-anjo@acme.co.jp"],
  ];
  it.each(BOARDS)("%s, signing in at each shift, is reviewed as a device", (name, email) => {
    for (const seed of SEEDS) {
      const p = account("p", { name, email, ...EMPTY, department: "製造部", managementSource: null, mfaEnabled: false, productAccess: [{ key: "jira-software", id: "ari:jira", lastActiveTimestamp: iso(REF_MS - DAY + 9 * HOUR + 5 * MIN) }] });
      const f = judged(seed, p, boardSignIns(seed));
      expect([seed, f.verdict], explain(f)).toEqual([seed, "likely-bot"]);
    }
  });

  // Andon is an Albanian and Macedonian given name, and inside Brandon.
  const PEOPLE: [string, string][] = [
    ["Andon Dimitrov", "andon.dimitrov@acme.com"],
    ["Brandon Monitor", "brandon.monitor@acme.com"],
    ["Andon Board", "andon.board@acme.com"],
  ];
  it.each(PEOPLE)("%s, a person at work by hand, stays human", (name, email) => {
    for (const seed of SEEDS) {
      const p = account("p", { name, email, jobTitle: "Production Engineer", department: "Manufacturing" });
      const f = judged(seed, p, officeDays(lcg(seed), "p"));
      expect([seed, f.verdict], explain(f)).toEqual([seed, "human"]);
    }
  });
});

/** A desktop robot (WinActor) at 08:00 JST each working day: a sign-in with an email code, a few minutes of work, nothing else. */
function robotMornings(seed: number): Raw[] {
  const r = lcg(seed * 71);
  const out: Raw[] = [];
  for (let d = 30; d >= 1; d--) {
    const day = REF_MS - d * DAY;
    // 23:00 UTC on Sunday to Thursday is 08:00 JST on Monday to Friday.
    if ([5, 6].includes(new Date(day).getUTCDay()) || r() < 0.1) continue;
    const at = day + 23 * HOUR + Math.floor(r() * 3 * MIN);
    out.push(ev("p", at - 40_000, { action: "email_otp_sent", ip: "202.202.59.61", userAgent: BROWSER }));
    out.push(ev("p", at - 10_000, { action: "email_otp_verified", ip: "202.202.59.61", userAgent: BROWSER }));
    out.push(ev("p", at, { ip: "202.202.59.61", userAgent: BROWSER }));
    for (let k = 1; k <= 8; k++) out.push(ev("p", at + k * 45_000, { action: k % 2 ? "issue_created" : "issue_updated", ip: "202.202.59.61", userAgent: BROWSER }));
  }
  return out;
}

describe("a robot's or a machine's name in Japanese", () => {
  it.each([
    ["山田 ロボ子", "robo-yamada@acme.co.jp"],
    ["経理ロボット2", "keiri-rpa2@acme.co.jp"],
  ])("%s, a desktop robot's persona signing in each morning for minutes, is reviewed", (name, email) => {
    for (const seed of SEEDS) {
      const p = account("p", { name, email, jobTitle: null, picture: null, department: "経理部", managementSource: "synced", mfaEnabled: false, productAccess: [{ key: "jira-software", id: "ari:jira", lastActiveTimestamp: iso(REF_MS - DAY + 23 * HOUR + 6 * MIN) }] });
      const f = judged(seed, p, robotMornings(seed));
      expect([seed, f.verdict], explain(f)).not.toEqual([seed, "human"]);
    }
  });

  // Lobos written in katakana holds ロボ; a person at work by hand.
  it("ロボス・ガルシア (Lobos García), at work by hand, stays human", () => {
    for (const seed of SEEDS) {
      const p = account("p", { name: "ロボス・ガルシア", email: "garcia.lobos@acme.co.jp", jobTitle: "技師", department: "経理部", managementSource: "synced" });
      const f = judged(seed, p, officeDays(lcg(seed), "p"));
      expect([seed, f.verdict], explain(f)).toEqual([seed, "human"]);
    }
  });
});
