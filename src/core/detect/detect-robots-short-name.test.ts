// A robot's short name: a robot in Portuguese ("Robô Conciliação"; a bare "Robo" is a Slovak given
// name), Japanese RPA suites' names (WinActor, BizRobo!, RoboPat), and ロボ before a number or a
// kanji given name ("経理ロボ-2", "ロボ 太郎"). A robot that signs in through the browser on
// weekdays, its times blurred so that no clock gives it away, was `human` by these names before.
import { describe, expect, it } from "vitest";
import { DEFAULT_CONFIG } from "../../config/config-file.js";
import { compileMatchers } from "./features.js";
import { account, atLeastLikelyBot, BROWSER, DAY, EMPTY, ev, HOUR, isHuman, isWeekend, lcg, MIN, OFFICE, officeColleagues, findingOf, REF_MS, snapshotOf, wrongRuns, type Raw } from "../../../test/helpers/people-audit.js";

const SEEDS = [1, 2, 3, 4, 5] as const;
const { nameWord } = compileMatchers(DEFAULT_CONFIG.detection);

describe("a robot's short name", () => {
  it("is a bot-like word in mailboxes and names", () => {
    for (const text of ["Robô Conciliação", "robô-pix", "winactor-kobai1", "bizrobo-01", "robopat.eigyo", "ロボパット営業", "経理ロボ-2", "経理ロボ", "ロボ 太郎", "山田 ロボ子"]) {
      expect([text, nameWord.test(text)]).toEqual([text, true]);
    }
    // People: Robo (Róbert in Slovak), Roberto, Robson, Lobo, Robotham; Lobos in katakana, and a
    // katakana name that starts with ロボ.
    for (const text of ["robo.hudak", "Robo Hudák", "roberto.silva", "robson.costa", "ana.lobo", "j.robotham", "Roboam Nunes", "ロボス ホセ", "ロボレフスキ 太郎"]) {
      expect([text, nameWord.test(text)]).toEqual([text, false]);
    }
  });
});

/**
 * An RPA robot's weekdays on the office PC it runs on: a sign-in with an email code in the morning
 * and after lunch, each blurred by up to an hour, and its work in the Jira UI after each.
 */
function robotDays(seed: number, id: string): Raw[] {
  const r = lcg(seed * 53 + 7);
  const out: Raw[] = [];
  for (let d = 30; d >= 1; d--) {
    const day = REF_MS - d * DAY;
    if (isWeekend(day)) continue;
    for (const at of [9, 13.5]) {
      const t = Math.floor(day + at * HOUR + r() * 60 * MIN);
      out.push(ev(id, t - 40_000, { action: "email_otp_sent", ip: OFFICE, userAgent: BROWSER }));
      out.push(ev(id, t, { ip: OFFICE, userAgent: BROWSER }));
      for (let k = 3 + Math.floor(r() * 5); k > 0; k--) out.push(ev(id, t + Math.floor((1 + r() * 40) * MIN), { action: "issue_updated", ip: OFFICE, userAgent: BROWSER }));
    }
  }
  return out;
}

function judged(seed: number, p: Raw) {
  const { users, events } = officeColleagues(seed);
  return findingOf(snapshotOf([p, ...users], [...robotDays(seed, "p"), ...events]), "p");
}

const invited = (name: string, email: string | null, department: string | null = null): Raw =>
  account("p", { name, email, managementSource: "invited", mfaEnabled: false, ...EMPTY, department });

describe("an RPA robot named so, signing in by browser at blurred times", () => {
  it("is at least likely-bot", () => {
    for (const [name, email] of [["ロボ 太郎", null], ["経理ロボ-2", null], ["WinActor 購買1", "winactor-kobai1@kisogawa.co.jp"], ["Robô Conciliação", null]] as const) {
      expect([name, wrongRuns(SEEDS, atLeastLikelyBot, (seed) => judged(seed, invited(name, email, "経理部")))]).toEqual([name, []]);
    }
  });

  // The same days on a person's account: Robo (Róbert) signs in twice a day and gets his codes.
  it("on a person named like one stays human", () => {
    for (const [name, email] of [["Robo Hudák", "robo.hudak@kosice-it.sk"], ["Robo Hudák", null], ["Roberto Silva", "roberto.silva@lojas.com.br"], ["Ana Lobo", null]] as const) {
      expect([name, wrongRuns(SEEDS, isHuman, (seed) => judged(seed, invited(name, email, "Financeiro")))]).toEqual([name, []]);
    }
  });
});
