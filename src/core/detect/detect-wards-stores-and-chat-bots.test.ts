// Readings from a health system's, a retail chain's and an electronics maker's orgs, all `human`
// before:
// - a bed board beside a wallboard's mailbox, a site's and a test copy's code after it ("Bed Board
//   HOU TST" at `wallboard.hou12@`), and a board in Spanish ("Pizarra de Camas HOU");
// - a period's close first in a report job's name ("Month End Close Reports");
// - a store named with its word first where the mailbox writes it in the same order ("Tienda
//   Andino" at `tienda.andino@`; Tienda Maricel at `maricel.tienda@` is a person);
// - a bot and a robot in Korean and Chinese (알림봇, 机器人), China's and Korea's chat suites
//   (DingTalk, Feishu, WeCom, KakaoWork), and a push's, an assistant's and a patrol check's words in
//   CJK job names ("OTA 推送", "小星助手");
// - Spanish and Portuguese job words with their accents ("Integração Magento (legado)").
import { describe, expect, it } from "vitest";
import { DEFAULT_CONFIG } from "../../config/config-file.js";
import { compileMatchers } from "./features.js";
import { CJK_JOB } from "./floors.js";
import { account, atLeastLikelyBot, BROWSER, DAY, EMPTY, ev, findingOf, HOUR, isHuman, isWeekend, lcg, MIN, OFFICE, officeColleagues, ownerVisits, REF_MS, snapshotOf, token, tokenCall, wrongRuns, type Raw } from "../../../test/helpers/people-audit.js";

const SEEDS = [1, 2, 3, 4, 5] as const;
const { nameWord } = compileMatchers(DEFAULT_CONFIG.detection);

function judged(seed: number, p: Raw, events: Raw[], tokens: Raw[] = []) {
  const { users, events: others } = officeColleagues(seed);
  return findingOf(snapshotOf([p, ...users], [...events, ...others], tokens), "p");
}

/** A ward's screen: signed in on weekdays some time between 07:00 and 10:00 (an email code first), on some days again after noon; nothing else. */
function screenDays(seed: number): Raw[] {
  const r = lcg(seed * 31 + 5);
  const out: Raw[] = [];
  for (let d = 30; d >= 1; d--) {
    const day = REF_MS - d * DAY;
    if (isWeekend(day)) continue;
    for (const at of [7 + r() * 3, ...(r() < 0.3 ? [12 + r() * 4] : [])]) {
      const t = Math.floor(day + at * HOUR);
      out.push(ev("p", t - 35_000, { action: "email_otp_sent", ip: OFFICE, userAgent: BROWSER }), ev("p", t, { ip: OFFICE, userAgent: BROWSER }));
    }
  }
  return out;
}

const recentUi = { productAccess: [{ key: "jira-software", id: "ari:jira", lastActiveTimestamp: new Date(REF_MS - 3 * HOUR).toISOString() }] };
const screen = (name: string, email: string): Raw => account("p", { name, email, managementSource: "invited", mfaEnabled: false, ...EMPTY, ...recentUi });

describe("a bed board beside a wallboard's mailbox", () => {
  it.each([
    ["Bed Board HOU", "wallboard.hou1@health.example"],
    ["Bed Board HOU TST", "wallboard.hou12@health.example"],
    ["Pizarra de Camas HOU", "wallboard.hou8@health.example"],
    ["Pizarra de Camas", "pizarra.camas@health.example"],
  ])("%s at %s is at least likely-bot", (name, email) => {
    expect(wrongRuns(SEEDS, atLeastLikelyBot, (seed) => judged(seed, screen(name, email), screenDays(seed)))).toEqual([]);
  });

  // Board and Pizarra are surnames too: a person's name written so, at their own mailbox.
  it.each([
    ["Beth Board", "beth.board@health.example"],
    ["Ana Pizarra", "ana.pizarra@health.example"],
    ["Pizarra Juan", "juan.pizarra@health.example"],
  ])("%s at %s, signing in each morning, stays human", (name, email) => {
    expect(wrongRuns(SEEDS, isHuman, (seed) => judged(seed, screen(name, email), screenDays(seed)))).toEqual([]);
  });
});

/** A report job's one run in the window: a burst of token calls from a Windows server's PowerShell at 03:15. */
function closeRun(): Raw[] {
  const ps = "Mozilla/5.0 (Windows NT 10.0; Microsoft Windows 10.0.20348; en-US) PowerShell/7.4.6";
  const at = REF_MS - 2 * DAY + 3.25 * HOUR;
  return Array.from({ length: 21 }, (_, k) => tokenCall("p", at + k * 1_000, "close", "204.89.18.96", ps));
}

describe("a period's close first in a report job's name", () => {
  const reports = (name: string, email: string): Raw => account("p", { name, email, managementSource: "invited", mfaEnabled: false, ...EMPTY });
  it.each([
    ["Month End Close Reports", "monthend.reports@health.example"],
    ["EOD Recon Summary", "eod.recon@bank.example"],
  ])("%s at %s, one night's run with its token, is at least likely-bot", (name, email) => {
    expect(wrongRuns(SEEDS, atLeastLikelyBot, (seed) => judged(seed, reports(name, email), closeRun(), [token("close", "p", REF_MS - 2 * DAY, "close")]))).toEqual([]);
  });
  // A person who ran the same script once by hand: her name decides nothing.
  it("the same run on a person's account leaves her human", () => {
    expect(wrongRuns(SEEDS, isHuman, (seed) => judged(seed, reports("Monique Endres", "monique.endres@health.example"), closeRun(), [token("close", "p", REF_MS - 2 * DAY, "close")]))).toEqual([]);
  });
});

/** A store's account the staff on shift sign in to from the store, an email code each time, a request or two after. */
function storeDays(seed: number): Raw[] {
  const r = lcg(seed * 17 + 3);
  const out: Raw[] = [];
  for (let d = 30; d >= 1; d--) {
    const day = REF_MS - d * DAY;
    for (let k = 1 + Math.floor(r() * 3); k > 0; k--) {
      const t = Math.floor(day + (9 + r() * 11) * HOUR);
      out.push(ev("p", t - 40_000, { action: "email_otp_sent", ip: "187.19.11.186", userAgent: BROWSER }), ev("p", t, { ip: "187.19.11.186", userAgent: BROWSER }));
      if (r() < 0.6) out.push(ev("p", t + 4 * MIN, { action: "request_created", ip: "187.19.11.186", userAgent: BROWSER }));
    }
  }
  return out;
}

describe("a store named with its word first, at a mailbox in the same order", () => {
  const store = (name: string, email: string): Raw => account("p", { name, email, managementSource: "invited", mfaEnabled: false, ...EMPTY, ...recentUi });
  it.each([
    ["Tienda Andino", "tienda.andino@retail.example"],
    ["Tienda Parque Arauco", "tienda.parquearauco@retail.example"],
    ["Loja Moema", "loja.moema@retail.example"],
    ["Loja Moema", "loja-moema@retail.example"],
  ])("%s at %s is at least likely-bot", (name, email) => {
    expect(wrongRuns(SEEDS, atLeastLikelyBot, (seed) => judged(seed, store(name, email), storeDays(seed)))).toEqual([]);
  });
  // Surname first, given name first in the mailbox: people.
  it.each([
    ["Tienda Maricel", "maricel.tienda@retail.example"],
    ["Loja Carlos", "carlos.loja@retail.example"],
  ])("%s at %s stays human", (name, email) => {
    expect(wrongRuns(SEEDS, isHuman, (seed) => judged(seed, store(name, email), storeDays(seed)))).toEqual([]);
  });
});

describe("chat bots and jobs named in Korean and Chinese", () => {
  it("bot words, chat suites and job words", () => {
    for (const text of ["Jira 알림봇", "카카오워크 봇", "로봇 1호", "巡检机器人", "钉钉機器人", "jira-dingtalk-v2", "feishu.assistant", "wecom-bot", "kakaowork.alerts"]) {
      expect([text, nameWord.test(text)]).toEqual([text, true]);
    }
    for (const text of ["김봉수", "박보영", "王伟", "lark.chen"]) expect([text, nameWord.test(text)]).toEqual([text, false]);
    for (const text of ["OTA 推送", "小星助手", "设备巡检", "배포 알림"]) expect([text, CJK_JOB.test(text)]).toEqual([text, true]);
    for (const text of ["王伟", "李娜 (助理)", "김민준"]) expect([text, CJK_JOB.test(text)]).toEqual([text, false]);
  });

  /** A chat bot's calls with its token, as people's messages come: bursts through the working day, weekdays; its owner's visits by hand. */
  function chatCalls(seed: number, ip: string, userAgent: string): Raw[] {
    const r = lcg(seed * 13 + 1);
    const out: Raw[] = [];
    for (let d = 30; d >= 1; d--) {
      const day = REF_MS - d * DAY;
      if (isWeekend(day)) continue;
      for (let b = 3 + Math.floor(r() * 8); b > 0; b--) {
        const at = day + (8 + r() * 9) * HOUR;
        for (let c = 1 + Math.floor(r() * 4); c > 0; c--) out.push(tokenCall("p", Math.floor(at + c * 3_000), "chat", ip, userAgent));
      }
    }
    return [...out, ...ownerVisits(seed, "p", OFFICE)];
  }
  const chat = (name: string, email: string): Raw => account("p", { name, email, managementSource: null, mfaEnabled: false, ...EMPTY, productAccess: [{ key: "jira-software", id: "ari:jira", lastActiveTimestamp: new Date(REF_MS - 4 * DAY).toISOString() }] });

  it.each([
    ["Jira 알림봇", "jira-alarm-kr@kr.electronics.example"],
    ["小星助手", "xiaoxing2@electronics.example"],
    ["OTA 推送", "ota.push@electronics.example"],
    ["飞书助手", "feishu.assistant@electronics.example"],
  ])("%s at %s, calling with its token through the working day, is at least likely-bot", (name, email) => {
    expect(wrongRuns(SEEDS, atLeastLikelyBot, (seed) => judged(seed, chat(name, email), chatCalls(seed, OFFICE, "python-requests/2.32.3"), [token("chat", "p", REF_MS - HOUR, "python")]))).toEqual([]);
  });
  // People the IdP syncs, who script the same calls with their own token.
  it.each([
    ["김민준", "minjun.kim@kr.electronics.example"],
    ["王伟", "wang.wei@electronics.example"],
    ["Xiao Xing", "xiaoxing2@electronics.example"],
  ])("%s at %s, the same calls, stays human", (name, email) => {
    const person = account("p", { name, email, jobTitle: "软件工程师", department: "平台研发部", productAccess: [{ key: "jira-software", id: "ari:jira", lastActiveTimestamp: new Date(REF_MS - 4 * DAY).toISOString() }] });
    expect(wrongRuns(SEEDS, isHuman, (seed) => judged(seed, person, chatCalls(seed, OFFICE, "python-requests/2.32.3"), [token("chat", "p", REF_MS - HOUR, "python")]))).toEqual([]);
  });
});

describe("Spanish and Portuguese job words with their accents", () => {
  it("match as written", () => {
    for (const text of ["Integração Magento (legado)", "Integración SAP", "Migração Jira DC", "Automatización Cobranza", "Sincronização Estoque", "Automação Fiscal", "integracao-sap"]) {
      expect([text, nameWord.test(text)]).toEqual([text, true]);
    }
    for (const text of ["Conceição Magalhães", "Graça Integrante", "Ascensión Migueles"]) expect([text, nameWord.test(text)]).toEqual([text, false]);
  });

  // A retired integration, its token last used months ago, nothing in the log.
  const idle = (name: string, email: string): Raw => account("p", { name, email, managementSource: "invited", mfaEnabled: false, ...EMPTY, productAccess: [{ key: "jira-software", id: "ari:jira", lastActiveTimestamp: new Date(REF_MS - 400 * DAY).toISOString() }] });
  it("an idle integration so named, its token used months ago, is at least likely-bot", () => {
    expect(wrongRuns(SEEDS, atLeastLikelyBot, (seed) => judged(seed, idle("Integração Magento (legado)", "magento.legado@retail.example"), [], [token("mg", "p", REF_MS - 100 * DAY, "magento")]))).toEqual([]);
  });
  it("a person's idle account with an old token stays human", () => {
    expect(wrongRuns(SEEDS, isHuman, (seed) => judged(seed, idle("Conceição Magalhães", "conceicao.magalhaes@retail.example"), [], [token("mg", "p", REF_MS - 100 * DAY, "magento")]))).toEqual([]);
  });
});
