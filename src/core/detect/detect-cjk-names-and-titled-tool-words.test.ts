// Two kinds of people that an independent generator's game studio had reviewed as scripts'
// accounts:
// - people named in CJK characters whose IDE plugin polls with their token while their laptop is
//   open ("冯子轩" at `fengzixuan@`, "佐々木 誠" at `makoto.sasaki@`): the laptop timer's hold asks
//   for a person's name, and `personNamed` looks for the surname in a mailbox that spells it in
//   Latin letters, so it never found one. The same name test keeps a person from `bot` in a log too
//   short to show their sign-in.
// - people whose name starts with a tool's word, with a person's job title, who sign in on most
//   workdays from home, the office and a phone ("Jenkins Wong", a tools programmer; "Bot Tao 陶博",
//   an automation test engineer): each sign-in without 2SV brings an email code, which counted as
//   a script's trace for them, and not for a person whose surname is the word (Isla Jenkins).
import { describe, expect, it } from "vitest";
import { dailyCloudRefresh, givenNamesOrg, SHORT_LOG_TAKEN_MS } from "../../../test/helpers/org-words.js";
import { HOME, IPHONE, PHONE } from "../../../test/helpers/name-attacks.js";
import { account, BROWSER, byTime, CLOUD, DAY, ev, explain, findingOf, HOUR, isWeekend, iso, lcg, MIN, OFFICE, REF_MS, snap, snapshotOf, token, tokenCall, type Raw } from "../../../test/helpers/people-audit.js";
import type { Finding } from "./types.js";

const SEEDS = [1, 2, 3, 4] as const;
const colleagues = (): Raw[] => Array.from({ length: 10 }, (_, i) => account(`col${i}`, { name: `Colleague ${i}` }));

/**
 * Four weeks of a developer's workdays: a browser sign-in at the start on nine days in ten, UI
 * work through the day, and the IDE plugin's poll every 10 minutes (a few seconds' jitter) from
 * the start, between 08:00 and 09:00, until 17:00-18:30.
 */
function pollingDays(seed: number, id: string): Raw[] {
  const r = lcg(seed);
  const out: Raw[] = [];
  for (let d = 28; d >= 1; d--) {
    const day = REF_MS - d * DAY;
    if (isWeekend(day) || r() < 0.05) continue;
    const start = day + (8 + r()) * HOUR;
    const end = day + (17 + r() * 1.5) * HOUR;
    if (r() < 0.9) {
      out.push(ev(id, Math.floor(start - 2 * MIN), { ip: OFFICE, userAgent: BROWSER }));
      for (let t = start + 15 * MIN; t < end; t += (30 + r() * 90) * MIN) out.push(ev(id, Math.floor(t), { action: "issue_updated", ip: OFFICE, userAgent: BROWSER }));
    }
    for (let t = start; t < end; t += 10 * MIN + Math.floor(r() * 20) * 1000) out.push(tokenCall(id, Math.floor(t), "tk", OFFICE, "Jira-VSCode/3.4.1"));
  }
  return out;
}
const polling = (seed: number, name: string, email: string, overrides: Raw = {}): Finding =>
  findingOf(snap("cjk-laptop", [account("p", { name, email, ...overrides }), ...colleagues()], pollingDays(seed, "p"), [token("tk", "p", REF_MS - DAY, "vscode")]), "p");

describe("a person named in CJK characters whose IDE plugin polls while the laptop is open", () => {
  // A name's shape alone says no person: a product (金蝶), a lecture room (강의실), a desk (経理 担当)
  // start as names do. Without a person's job title, 2SV or a department the IdP keeps, reviewed.
  it.each([
    ["金蝶", "kingdee@kirameki.example"],
    ["강의실", "gangui@kirameki.example"],
    ["経理 担当", "keiri@kirameki.example"],
    ["王伟", "wei.wang@kirameki.example"],
  ])("%s at `%s` with no person's job title is still reviewed, synced into a department or with 2SV too", (name, email) => {
    for (const seed of SEEDS) {
      for (const profile of [{ managementSource: "invited" }, { managementSource: "synced", department: "ERP" }, { managementSource: "invited", mfaEnabled: true }]) {
        const f = polling(seed, name, email, { jobTitle: null, department: null, picture: null, ...profile });
        expect([seed, f.verdict], explain(f)).toEqual([seed, "likely-bot"]);
      }
    }
  });
  it.each([
    ["冯子轩", "fengzixuan@kirameki.example"],
    ["佐々木 誠", "makoto.sasaki@kirameki.example"],
    ["최혜진(서버팀)", "hjchoi@kirameki.example"],
    ["박하준", "hajun.park@kirameki.example"],
    ["杨勇(Echo)", "yang_yong@kirameki.example"],
  ])("%s at `%s` is `human`, as a person named in Latin letters is", (name, email) => {
    for (const seed of SEEDS) {
      const f = polling(seed, name, email);
      expect([seed, f.verdict], explain(f)).toEqual([seed, "human"]);
    }
  });
  it("a person named in Latin letters is, as before", () => {
    for (const seed of SEEDS) expect(polling(seed, "Priya Nair", "priya.nair@kirameki.example").verdict).toBe("human");
  });
  // A desk's, a room's, a role's or a device's word, a bot's persona, a script's note, or a
  // device's mailbox is no person's name: the plugin's beat is then a script's, reviewed with or
  // without a person's profile copied onto the account.
  it.each([
    ["运维监控", "yunwei@kirameki.example", "a system's and a team's word"],
    ["日報集計", "nippo@kirameki.example", "a job's word"],
    ["王伟", "jira-bot@kirameki.example", "a bot's word in the mailbox"],
    ["王伟", "helpdesk@kirameki.example", "a team's mailbox"],
    ["前台", "qiantai@kirameki.example", "a reception desk"],
    ["値班", "tochoku@kirameki.example", "the duty desk"],
    ["总务", "zongwu@kirameki.example", "general affairs"],
    ["총무", "chongmu@kirameki.example", "general affairs"],
    ["研发", "yanfa@kirameki.example", "R&D"],
    ["管理员", "guanliyuan@kirameki.example", "an administrator"],
    ["관리자", "gwanlija@kirameki.example", "an administrator"],
    ["看板", "kanban@kirameki.example", "a board"],
    ["大屏", "dapin@kirameki.example", "a big screen"],
    ["工作站", "gongzuozhan@kirameki.example", "a workstation"],
    ["ボット", "botto@kirameki.example", "a bot, in katakana"],
    ["小美", "xiaomei@kirameki.example", "a chatbot's persona"],
    ["きらめき", "kirameki@kirameki.example", "the company's name"],
    ["王伟", "ws07@kirameki.example", "a workstation's mailbox"],
    ["王伟", "pc-17@kirameki.example", "a computer's mailbox"],
    ["王伟(自动化)", "wei.wang@kirameki.example", "a note that says automation"],
    ["王伟（脚本）", "wei.wang@kirameki.example", "a note that says script"],
  ])("%s at `%s` (%s) is still reviewed", (name, email) => {
    for (const seed of SEEDS) {
      for (const profile of [{}, { jobTitle: null, department: null, picture: null, managementSource: "invited" }]) {
        const f = polling(seed, name, email, profile);
        expect([seed, f.verdict], explain(f)).not.toEqual([seed, "human"]);
      }
    }
  });
});

/** `name` at `email`, whose UI use the snapshot does not record, among 120 colleagues who each signed in once in the last nine days, with a daily cloud refresh on the account. */
function shortLog(seed: number, name: string, email: string): Finding {
  const a = account("a", { name, email, managementSource: undefined, mfaEnabled: undefined, jobTitle: null, department: null, picture: null, productAccess: [{ key: "jira-software", id: "ari:jira" }] });
  const { users, events } = givenNamesOrg("kirameki.example");
  const s = snapshotOf([a, ...users], [...events, ...dailyCloudRefresh(seed, 10)].sort(byTime));
  return findingOf({ ...s, takenAt: iso(SHORT_LOG_TAKEN_MS) }, "a");
}

describe("a person named in CJK characters whose scheduled report runs, in a log too short to show them", () => {
  it.each([
    ["王伟", "wei.wang@kirameki.example"],
    ["佐々木 誠", "makoto.sasaki@kirameki.example"],
    ["박하준", "hajun.park@kirameki.example"],
  ])("%s at `%s` is reviewed, not planned as a bot, and the finding says why", (name, email) => {
    for (const seed of SEEDS) {
      const f = shortLog(seed, name, email);
      expect([seed, f.verdict], explain(f)).toEqual([seed, "likely-bot"]);
      expect(f.signals.find((s) => s.id === "not-bot")?.evidence, explain(f)).toMatch(/records sign-ins for 9 days only, none of them this account's, and it is named as a person/);
    }
  });
  it.each([
    ["日報集計", "nippo@kirameki.example"],
    ["前台", "qiantai@kirameki.example"],
    ["共用账号", "gongyong@kirameki.example"],
    ["공용계정", "gongyong@kirameki.example"],
    ["管理员", "admin2@kirameki.example"],
    ["看板", "kanban@kirameki.example"],
    ["ボット", "botto@kirameki.example"],
  ])("a job's, a desk's, a role's or a device's name in CJK characters gives no such reason (%s at `%s`)", (name, email) => {
    for (const seed of SEEDS) {
      const f = shortLog(seed, name, email);
      expect(f.signals.find((s) => s.id === "not-bot")?.evidence ?? "", explain(f)).not.toMatch(/named as a person/);
    }
  });
});

/**
 * Five weeks of workdays signed in to from a browser on a computer at the office or at home, or
 * from a phone, each sign-in after an email code (no 2SV), UI work after it.
 */
function codedSignIns(seed: number, id: string): Raw[] {
  const r = lcg(seed * 41 + 7);
  const out: Raw[] = [];
  for (let d = 35; d >= 1; d--) {
    const day = REF_MS - d * DAY;
    if (isWeekend(day) || r() < 0.1) continue;
    const p = r();
    const [ip, userAgent] = p < 0.55 ? [OFFICE, BROWSER] : p < 0.85 ? [HOME, BROWSER] : [PHONE, IPHONE];
    const start = Math.floor(day + (8 + r() * 2) * HOUR);
    out.push(ev(id, start - 30_000, { action: "email_otp_sent", ip, userAgent }));
    out.push(ev(id, start, { ip, userAgent }));
    for (let t = start + 5 * MIN; t < start + 7 * HOUR; t += (20 + r() * 70) * MIN) out.push(ev(id, Math.floor(t), { action: "issue_updated", ip, userAgent }));
  }
  return out;
}
/** Colleagues named as people, with a person's job title: the org's given names and surnames (Wong, Tao, 斎藤). */
const namedColleagues = (): Raw[] =>
  ["Amy Wong", "Kevin Wong", "Tao Chen", "斎藤 由紀", "Maria Santos", "John Baker", "Priya Nair", "Olga Petrova", "Kwame Mensah", "Liam Byrne"].map((name, i) => account(`col${i}`, { name, email: `col${i}@kirameki.example` }));
const signingIn = (seed: number, user: Raw, extra: Raw[] = [], tokens: Raw[] = []): Finding =>
  findingOf(snap("titled-tool-word", [user, ...namedColleagues()], [...codedSignIns(seed, "p"), ...extra].sort(byTime), tokens), "p");

describe("a person whose name starts with a tool's word, with a person's job title, signing in from three places", () => {
  it.each([
    ["Jenkins Wong", "jenkins.wong@kirameki.example", "Tools Programmer"],
    ["Bot Tao 陶博", "tao.bo@kirameki.example", "自动化测试工程师"],
    ["Build Master 斎藤", "tsuyoshi.saito@kirameki.example", "ビルドエンジニア"],
  ])("%s at `%s` (%s) is `human`", (name, email, jobTitle) => {
    for (const seed of SEEDS) {
      const f = signingIn(seed, account("p", { name, email, jobTitle, department: "Engineering" }));
      expect([seed, f.verdict], explain(f)).toEqual([seed, "human"]);
    }
  });
  // A tool's name throughout, a person's job title copied onto it: no person's name after the word.
  it.each([
    ["Jenkins Runner", "jenkins-runner@kirameki.example", "Build Engineer"],
    ["Jenkins Runner", "jenkins.runner@kirameki.example", "Build Engineer"],
    ["Jenkins", "jenkins@kirameki.example", "Build Engineer"],
    ["Bot 01", "bot01@kirameki.example", "QA Engineer"],
    ["UiPath Robot 2", "uipath2@kirameki.example", "Accounts Payable Clerk"],
    ["Deploy Bot", "deploy-bot@kirameki.example", "DevOps Engineer"],
    ["Build Agent", "build.agent@kirameki.example", "Build Engineer"],
    ["Sync Service", "sync.service@kirameki.example", "Systems Analyst"],
    ["Jenkins Wong", "jenkins-ci@kirameki.example", "Tools Programmer"],
    ["Jenkins Prod", "jenkins.prod@kirameki.example", "Build Engineer"],
    ["Deploy Staging", "deploy.staging@kirameki.example", "DevOps Engineer"],
    ["Bot Payroll", "bot-payroll@kirameki.example", "Payroll Specialist"],
    ["Sync Salesforce", "sync.salesforce@kirameki.example", "CRM Analyst"],
  ])("%s at `%s` (%s) is still reviewed", (name, email, jobTitle) => {
    for (const seed of SEEDS) {
      const f = signingIn(seed, account("p", { name, email, jobTitle, department: "Engineering" }));
      expect([seed, f.verdict], explain(f)).toEqual([seed, "likely-bot"]);
    }
  });
  it("without a person's job title, the codes are still a trace: reviewed", () => {
    for (const seed of SEEDS) {
      const f = signingIn(seed, account("p", { name: "Jenkins Wong", email: "jenkins.wong@kirameki.example", jobTitle: null }));
      expect([seed, f.verdict], explain(f)).toEqual([seed, "likely-bot"]);
    }
  });
  it("from one address only (a robot's host), reviewed", () => {
    for (const seed of SEEDS) {
      const one = codedSignIns(seed, "p").map((e) => ({ ...e, ip: OFFICE, userAgent: BROWSER }));
      const f = findingOf(snap("titled-tool-word", [account("p", { name: "Jenkins Wong", email: "jenkins.wong@kirameki.example", jobTitle: "Tools Programmer" }), ...namedColleagues()], one), "p");
      expect([seed, f.verdict], explain(f)).toEqual([seed, "likely-bot"]);
    }
  });
  // A CI robot that signs in each weekday through a VPN pool of four addresses, an email code
  // each time, and is done within a minute: its title copied from its owner, Chen a colleague's surname.
  it("a robot's short sittings from a VPN pool of four addresses, reviewed (Jenkins Chen, titled Build Engineer)", () => {
    const pool = ["91.198.174.11", "91.198.174.12", "91.198.174.13", "91.198.174.14"];
    for (const seed of SEEDS) {
      const r = lcg(seed * 53 + 1);
      const robot: Raw[] = [];
      for (let d = 35; d >= 1; d--) {
        const day = REF_MS - d * DAY;
        if (isWeekend(day)) continue;
        const ip = pool[Math.floor(r() * pool.length)] as string;
        const start = Math.floor(day + 9 * HOUR + r() * 5 * MIN);
        robot.push(ev("p", start - 20_000, { action: "email_otp_sent", ip, userAgent: BROWSER }));
        robot.push(ev("p", start, { ip, userAgent: BROWSER }));
        for (let k = 1; k <= 3; k++) robot.push(ev("p", start + k * 20_000, { action: "issue_updated", ip, userAgent: BROWSER }));
      }
      const colleagues = [...namedColleagues(), account("colchen", { name: "Mei Chen", email: "mei.chen@kirameki.example" })];
      const f = findingOf(snap("titled-tool-word", [account("p", { name: "Jenkins Chen", email: "jenkins.chen@kirameki.example", jobTitle: "Build Engineer" }), ...colleagues], robot.sort(byTime)), "p");
      expect([seed, f.verdict], explain(f)).not.toEqual([seed, "human"]);
    }
  });
  it("with a token a script calls from the cloud each night, reviewed", () => {
    for (const seed of SEEDS) {
      const nightly: Raw[] = [];
      for (let d = 35; d >= 1; d--) for (let k = 0; k < 3; k++) nightly.push(tokenCall("p", REF_MS - d * DAY + 2 * HOUR + k * 30_000, "tk", CLOUD, "python-requests/2.31"));
      const f = signingIn(seed, account("p", { name: "Jenkins Wong", email: "jenkins.wong@kirameki.example", jobTitle: "Tools Programmer" }), nightly, [token("tk", "p", REF_MS - DAY, "nightly")]);
      expect([seed, f.verdict], explain(f)).not.toEqual([seed, "human"]);
    }
  });
});
