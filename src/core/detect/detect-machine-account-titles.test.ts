// Directories title a machine's account in the org's own language: "システム連携用" (for a system
// integration) and "システムアカウント" in Japan, "자동화 계정" (automation account) in Korea,
// "系统账号" in China, "Conta técnica" in Brazil, "Interface Account" at a hospital, or a bare
// "System". Such a title is no person's, whatever the account's sign-ins look like (an attended
// RPA robot signs in at the office, in business hours, as its analyst does). A mailbox that is a
// service account's handle (`svc-sms@`) is no person's either, even in a department.
import { describe, expect, it } from "vitest";
import { judgedAmongGivenNames, workdayCalls } from "../../../test/helpers/org-words.js";
import { neverUi, recentUi } from "../../../test/helpers/name-attacks.js";
import { MACHINE_TITLE } from "./rules.js";
import { DAY, explain, lcg, officeDays, REF_MS, token, type Raw } from "../../../test/helpers/people-audit.js";

const LONG_AGO_UI = { productAccess: [{ key: "jira-software", id: "ari:jira", lastActiveTimestamp: new Date(REF_MS - 200 * DAY).toISOString() }] };

const judged = (a: Raw, events: Raw[] = [], apiTokens: Raw[] = []) => judgedAmongGivenNames("corp.example", a, events, apiTokens);


describe("a machine's account titled so in the org's language", () => {
  it.each([
    "システムアカウント",
    "システム連携用",
    "連携用アカウント",
    "RPA用",
    "自動化ユーザー",
    "자동화 계정",
    "시스템계정",
    "系统账号",
    "服務帳號",
    "Conta técnica",
    "Conta de integração",
    "Cuenta de sistema",
    "Interface Account",
    "System",
    "Teknik Kullanıcı",
    "Entegrasyon Kullanıcısı",
    // In capitals, with the dotted capital İ that no case-insensitive match folds to i.
    "SİSTEM KULLANICISI",
    "TEKNİK KULLANICI",
    "SERVİS HESABI",
  ])("%s is a machine's title", (title) => {
    expect(MACHINE_TITLE.test(title)).toBe(true);
  });
  it.each(["システムエンジニア", "情報システム部", "システム", "시스템 엔지니어", "系统工程师", "Técnica de Enfermagem", "Contabilista", "Interface Designer", "Systems Analyst", "Systems", "System Administrator", "Kullanıcı Deneyimi Tasarımcısı", "Sistem Yöneticisi", "SİSTEM YÖNETİCİSİ", "BİLGİ SİSTEMLERİ UZMANI"])(
    "%s is a person's title",
    (title) => {
      expect(MACHINE_TITLE.test(title)).toBe(false);
    },
  );

  // Failed before: `human` (the titles were a person's; the office hours and 2SV a person's).
  it.each([
    ["rpa-robot03", "winactor@corp.example", "システム連携用"],
    ["RPA봇01", "winactor2@corp.example", "자동화 계정"],
    ["ジドウカ ユーザー01", "jidouka01@corp.example", "システムアカウント"],
  ])("%s at %s, titled %s, signing in at the office on weekdays, is reviewed", (name, email, jobTitle) => {
    for (const seed of [1, 2, 3]) {
      const f = judged({ name, email, jobTitle, department: null, mfaEnabled: true, ...recentUi }, officeDays(lcg(seed), "a"));
      expect(f.verdict, explain(f)).toBe("likely-bot");
    }
  });
  // Failed before: `human` (a person's title beside a service handle for a name), its token
  // made for a job not yet run and since expired.
  it('"svc.contacorrente" titled "Conta técnica", its token never used, is reviewed', () => {
    const f = judged({ name: "svc.contacorrente", email: "integracao.contacorrente2@corp.example", managementSource: "invited", jobTitle: "Conta técnica", department: null, picture: null, ...neverUi }, [], [{ ...token("tk", "a", REF_MS - 300 * DAY, "integracao"), lastActiveAt: null, expiresAt: new Date(REF_MS - 100 * DAY).toISOString() }]);
    expect(f.verdict, explain(f)).toBe("likely-bot");
  });
  it('"svc.contacorrente" titled "Conta técnica", its token called on weekdays, is not `human`', () => {
    for (const seed of [1, 2, 3]) {
      const f = judged({ name: "svc.contacorrente", email: "integracao.contacorrente2@corp.example", managementSource: "invited", jobTitle: "Conta técnica", department: null, picture: null, ...recentUi }, workdayCalls(seed, "python-requests/2.31.0"), [token("tk", "a", REF_MS - DAY, "core")]);
      expect(f.verdict, explain(f)).not.toBe("human");
    }
  });
  // Failed before: `human`, idle with a token and a person's title.
  it.each([
    ["HL7 Interface Engine Doha", "rhapsody.prd@corp.example", "Interface Account", null, neverUi],
    ["Migration Tool 2021", "migration2021@corp.example", "System", "IT Integration", LONG_AGO_UI],
  ])("%s at %s, titled %s, idle with a token, is reviewed", (name, email, jobTitle, department, ui) => {
    const f = judged({ name, email, managementSource: "synced", jobTitle, department, picture: null, ...ui }, [], [{ ...token("tk", "a", REF_MS - 120 * DAY, "mirth"), lastActiveAt: null }]);
    expect(f.verdict, explain(f)).toBe("likely-bot");
  });
  // Failed before: `human` (a department made it a person's profile).
  it('"sms-notify" at `svc-sms@`, in IT Applications, its token never used, is reviewed', () => {
    const f = judged({ name: "sms-notify", email: "svc-sms@corp.example", managementSource: null, jobTitle: null, department: "IT Applications", ...neverUi }, [], [{ ...token("tk", "a", REF_MS - 300 * DAY, "reminders-prod"), lastActiveAt: null }]);
    expect(f.verdict, explain(f)).toBe("likely-bot");
  });
});

describe("people with such words in their titles", () => {
  it.each([
    ["中川 直樹", "nakagawa.naoki@corp.example", "システムエンジニア", "情報システム部"],
    ["김민준", "minjun.kim@corp.example", "시스템 엔지니어", "IT팀"],
    ["王伟", "wei.wang@corp.example", "系统工程师", "信息部"],
    ["Ana Souza", "ana.souza@corp.example", "Técnica de Enfermagem", "Enfermagem"],
    ["Bada Lindqvist", "bada.lindqvist@corp.example", "Systems Analyst", "IT"],
    ["Xiomara Lopez", "xiomara.lopez@corp.example", "Interface Designer", "Design"],
  ])("%s, titled %s, at work in the UI each weekday, is `human`", (name, email, jobTitle, department) => {
    for (const seed of [1, 2, 3]) {
      const f = judged({ name, email, jobTitle, department, mfaEnabled: true, ...recentUi }, officeDays(lcg(seed), "a"));
      expect(f.verdict, explain(f)).toBe("human");
    }
  });
  it("a developer at `svc.bada@` with a title, idle with a token for months, is no service handle's", () => {
    const f = judged({ name: "Bada Lindqvist", email: "svc.bada@corp.example", jobTitle: "Developer", department: "IT Applications", ...LONG_AGO_UI }, [], [{ ...token("tk", "a", REF_MS - 300 * DAY, "cli"), lastActiveAt: new Date(REF_MS - 150 * DAY).toISOString() }]);
    expect(f.verdict, explain(f)).toBe("human");
  });
  it('a nurse at `ana.souza@`, in Ward 7 without a title, idle with a token, is `human`', () => {
    const f = judged({ name: "Ana Souza", email: "ana.souza@corp.example", jobTitle: null, department: "Ward 7", ...LONG_AGO_UI }, [], [{ ...token("tk", "a", REF_MS - 300 * DAY, "cli"), lastActiveAt: new Date(REF_MS - 150 * DAY).toISOString() }]);
    expect(f.verdict, explain(f)).toBe("human");
  });
});

describe("a directory's word for a user first", () => {
  // Failed before: `human` (no bot-like word; a department read as a person's profile).
  it('"Usuario Inventario Tienda 55", a store\'s inventory import whose token a PowerShell script calls while the store signs in, is reviewed', () => {
    for (const seed of [1, 2, 3]) {
      const f = judged({ name: "Usuario Inventario Tienda 55", email: "inventario.tienda55@corp.example", managementSource: "invited", jobTitle: null, department: "Operación de Tiendas", picture: null, ...recentUi }, [...officeDays(lcg(seed), "a").filter((_, i) => i % 4 === 0), ...workdayCalls(seed, "WindowsPowerShell/5.1.17763.6414").filter((_, i) => i % 3 === 0)], [token("tk", "a", REF_MS - DAY, "inventario")]);
      expect(f.verdict, explain(f)).toBe("likely-bot");
    }
  });
  it.each([
    ["Usuario Integración Legacy", "zendesk.sync@corp.example", "Tecnologia"],
    ["Utilisateur Import GED", "import.ged@corp.example", "DSI"],
  ])("%s at %s, in %s, idle with an old token, is reviewed", (name, email, department) => {
    const f = judged({ name, email, managementSource: null, jobTitle: null, department, ...LONG_AGO_UI }, [], [{ ...token("tk", "a", REF_MS - 300 * DAY, "sync"), lastActiveAt: new Date(REF_MS - 150 * DAY).toISOString() }]);
    expect(f.verdict, explain(f)).toBe("likely-bot");
  });
  // Review: reviewed by a first version, which asked only that the second word be no colleague's given name.
  it.each([
    ["Usuario Externo Juan Pérez", "juan.perez@partner.example", "invited"],
    ["Usuário Convidado Maria Silva", "maria.silva@partner.example", "invited"],
    ["Benutzer Max Mustermann", "max.mustermann@corp.example", "synced"],
    ["Usuario Nuevo", "nuevo.ingreso@corp.example", "synced"],
  ])("%s at %s (%s), signing in and working at the office each weekday, is `human`", (name, email, managementSource) => {
    for (const seed of [1, 2]) {
      const f = judged({ name, email, managementSource, jobTitle: null, department: null, ...recentUi }, officeDays(lcg(seed), "a", managementSource === "invited"));
      expect(f.verdict, explain(f)).toBe("human");
    }
  });
  it.each([
    ["Usuario Bada Lindqvist", "bada.lindqvist2@corp.example", null, "Compras"],
    ["Usuario Compras", "compras.ana@corp.example", "Analista de Compras", "Compras"],
  ])("%s at %s, titled %s, idle with an old token, is `human`", (name, email, jobTitle, department) => {
    const f = judged({ name, email, managementSource: "synced", jobTitle, department, ...LONG_AGO_UI }, [], [{ ...token("tk", "a", REF_MS - 300 * DAY, "cli"), lastActiveAt: new Date(REF_MS - 150 * DAY).toISOString() }]);
    expect(f.verdict, explain(f)).toBe("human");
  });
});
