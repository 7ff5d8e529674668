// A retailer's, a builder's, a game studio's and an insurer's exports held shop and depot accounts the staff on shift share
// ("Loja 0402 São Paulo" at `loja.0402@`, "CD Cajamar Recebimento"), a builder's site offices and
// teams ("Site Office Limpopo", "Planning Team Riyadh"), and idle job accounts with a
// token named for what they make or move ("Lessons Learned Import", "License Audit", "Roadmap
// Sync"), kiosks named by their mailbox ("Playtest Warsaw 01" at `playtest-kiosk-01@`), and a
// German directory's technical users ("TU_IFRS17_CLOSE"): all `human`. And the people each rule must leave alone: surnames written first (Loja
// Carlos, Store Jan), a person's initials before a surname (CD Martins), a person's name with
// their team's work after a separator, and a titled person.
import { describe, expect, it } from "vitest";
import { account, EMPTY, HOUR, REF_MS, token, wrongRuns } from "../../../test/helpers/people-audit.js";
import { atWorkCodes, judged, onLeave, personDays, recentUi, teamSignIns, untitled, withCli } from "../../../test/helpers/name-attacks.js";
import type { Finding } from "./types.js";

const SEEDS = [1, 2, 3] as const;
const wrong = (want: (v: Finding["verdict"]) => boolean, judge: (seed: number) => Finding): string[] => wrongRuns(SEEDS, want, judge);
const notHuman = (v: Finding["verdict"]): boolean => v !== "human";
const isHuman = (v: Finding["verdict"]): boolean => v === "human";
const STORE_IP = "189.146.66.142";

/** A shop's account: invited, no profile, signed in to from the shop's one address, an email code before each sign-in when `codes`. */
const shop = (seed: number, name: string, email: string, codes = true): Finding =>
  judged(seed, account("x", { name, email, managementSource: "invited", mfaEnabled: false, ...EMPTY, ...recentUi }), teamSignIns(seed, [STORE_IP], codes));

describe("shops and depots named by their number or their work", () => {
  it.each([
    ["Loja 0402 São Paulo", "loja0402.saopaulo@retail.example"],
    ["Tienda 354 Murcia", "murcia@retail.example"],
    ["Store #12", "store.manchester@retail.example"],
    ["CD Cajamar Recebimento", "cd.cajamar.recebimento@retail.example"],
    ["CEDIS El Salto Turno A", "cedis.elsalto.expedicao@retail.example"],
    ["DC Goods-In", "dcgoodsin2@retail.example"],
  ])("%s at %s, at work from the shop without email codes, is reviewed", (name, email) => {
    expect(wrong(notHuman, (seed) => shop(seed, name, email, false))).toEqual([]);
  });

  it.each([
    ["Tienda 242 León", "tienda.242@retail.example"],
    ["Loja Centro", "loja.0482@retail.example"],
    ["Sucursal Norte", "sucursal354@retail.example"],
  ])("%s at a shop's numbered mailbox %s, with email codes, is reviewed", (name, email) => {
    expect(wrong(notHuman, (seed) => shop(seed, name, email))).toEqual([]);
  });

  it("says that its name says several people share it", () => {
    const f = shop(1, "Loja 0402 São Paulo", "loja0402.saopaulo@retail.example", false);
    expect(f.verdict).toBe("likely-bot");
    expect(f.signals.find((s) => s.id === "shared-use")?.evidence).toMatch(/its name says several people share it/);
  });

  it.each([
    ["Loja Carlos", "carlos.loja@acme.example"],
    ["Store Jan", "jan.store@acme.example"],
    ["Tienda Maria José", "mariajose.tienda@acme.example"],
    ["CD Martins", "cd.martins@acme.example"],
    ["DC Johnson", "dcjohnson@acme.example"],
  ])("leaves %s at %s, a person at work whose IdP syncs no job title, human", (name, email) => {
    expect(wrong(isHuman, (seed) => untitled(seed, name, email))).toEqual([]);
  });
});

describe("names with a team's word, or a building site's office", () => {
  it.each([
    ["Planning Team Riyadh", "planning.team.riyadh@build.example"],
    ["Survey Team Perth", "survey.team.perth@build.example"],
    ["Customer Success Team", "cs-team@saas.example"],
    ["Blue Squad", "blue.squad@games.example"],
    ["Site Office Limpopo", "site.office.limpopo@build.example"],
    ["Mindanao Site Office", "mindanao.site.office@build.example"],
    ["LIM-6386 Site Admin", "lim.6386.site.admin@build.example"],
  ])("%s at %s, at work from the site's one address, is reviewed", (name, email) => {
    expect(wrong(notHuman, (seed) => shop(seed, name, email, false))).toEqual([]);
  });

  it.each([
    ["Jane Doe Sales Team", "jane.doe@acme.example"],
    ["Jane Doe - Team Lead", "jane.doe@acme.example"],
    ["Teaman Okafor", "teaman.okafor@acme.example"],
  ])("leaves %s at %s, a person at work whose IdP syncs no job title, human", (name, email) => {
    expect(wrong(isHuman, (seed) => untitled(seed, name, email))).toEqual([]);
  });
});

describe("an idle account with a token, named for what its job makes or moves", () => {
  it.each([
    ["Lessons Learned Import", "lessons.import@build.example"],
    ["License Audit", "license-audit@games.example"],
    ["Roadmap Sync", "roadmap-sync2@games.example"],
    ["Hurricane Season Setup", "hurricane-setup@insure.example"],
    ["April Renewals JP", "renewal-jp@insure.example"],
    ["Olympics Feed", "olympics-feed@media.example"],
    ["Relatório Trimestral", "auditoria.licencas@retail.example"],
    ["Inventário Anual", "dashboard.reader2@retail.example"],
    ["Renewal Batch 0101", "renewal-batch@insure.example"],
  ])("%s at %s is reviewed", (name, email) => {
    expect(wrong(notHuman, (seed) => onLeave(seed, name, email))).toEqual([]);
  });

  it("leaves a person on leave alone whose team's work follows a separator in the name", () => {
    expect(wrong(isHuman, (seed) => onLeave(seed, "Jane Doe - Data Export", "jane.doe@acme.example"))).toEqual([]);
  });

  it("leaves one with a person's job title human (a person's own account, named for their duty)", () => {
    expect(wrong(isHuman, (seed) => onLeave(seed, "Data Warehouse Export", "dwh-export@acme.example", { jobTitle: "Senior Analyst", department: "Finance", managementSource: "synced" }))).toEqual([]);
  });

  it.each([
    ["Marco Sync", "marco.sync@acme.example"],
    ["Lena Audit", "lena.audit@acme.example"],
  ])("leaves %s at %s, a person at work with their own CLI token and no job title, human", (name, email) => {
    expect(wrong(isHuman, (seed) => withCli(seed, name, email, { jobTitle: null }))).toEqual([]);
  });

  it("leaves one without a token human: nothing says a job runs as it", () => {
    expect(wrong(isHuman, (seed) => judged(seed, account("x", { name: "Lessons Learned Import", email: "lessons.import@build.example", managementSource: "synced", ...EMPTY, ...recentUi })))).toEqual([]);
  });
});

describe("a German directory's technical users, and an RPA robot named so", () => {
  /** The IdP keeps it with an empty profile; it signs in at the office on weekdays and calls with its token `t1`. */
  const robot = (seed: number, name: string, email: string): Finding =>
    judged(seed, account("x", { name, email, managementSource: "synced", mfaEnabled: false, ...EMPTY, ...recentUi }), personDays(seed, { officeOnly: true, cli: true, codes: true }), [token("t1", "x", REF_MS - HOUR, "orchestrator")]);

  it.each([
    ["TU_IFRS17_CLOSE", "tu-ifrs17-close@insure.example"],
    ["TU_OCR_SCHADEN", "tu-ocr-schaden@insure.example"],
    ["FU_SAP_BRIDGE", "fu.sap@insure.example"],
    ["RPA Schadenanlage", "rpa-schadenanlage@insure.example"],
  ])("%s at %s is reviewed", (name, email) => {
    expect(wrong(notHuman, (seed) => robot(seed, name, email))).toEqual([]);
  });

  it.each([
    ["TRAN_ANH_TU", "tran.anh.tu@corp.example"],
    ["Rpa Okonkwo", "rpa.okonkwo@corp.example"],
  ])("leaves %s at %s, at work with email codes, human", (name, email) => {
    expect(wrong(isHuman, (seed) => atWorkCodes(seed, name, email, { jobTitle: null, department: "Claims", managementSource: "synced" }))).toEqual([]);
  });
});

describe("kiosks and screens named by their mailbox or with their place after the device", () => {
  const device = (seed: number, name: string, email: string): Finding => shop(seed, name, email, false);
  it.each([
    ["Playtest Warsaw 01", "playtest-kiosk-01@games.example"],
    ["PT-Station-02", "playtest-kiosk-02@games.example"],
    ["Dashboard Chengdu", "tv-dashboard@games.example"],
    ["Lobby", "lobby.wallboard@acme.example"],
    ["Crib Room Screen Kimberley", "crib.room.screen.kimberley2@build.example"],
    ["Toolbox Talk Display Limpopo", "toolbox.talk.display.limpopo@build.example"],
  ])("%s at %s is reviewed", (name, email) => {
    expect(wrong(notHuman, (seed) => device(seed, name, email))).toEqual([]);
  });

  it.each([
    ["Pat Screen Jones", "pat.jones@acme.example"],
    ["Pat Screen Jones", "pat.screen.jones@acme.example"],
    ["Tuyet Vo", "tv.vo@acme.example"],
    ["Emma Clark - Kiosk Team", "emma.kiosk@acme.example"],
  ])("leaves %s at %s, a person at work whose IdP syncs no job title, human", (name, email) => {
    expect(wrong(isHuman, (seed) => untitled(seed, name, email))).toEqual([]);
  });
});

describe("a machine's job title in Spanish, Portuguese, French, Italian or Dutch", () => {
  it.each(["Usuario de sistema", "Usuário de serviço", "Utilisateur technique", "Utente di sistema", "Systeemgebruiker", "Cuenta genérica"])("a shop's account titled %s is reviewed", (jobTitle) => {
    expect(wrong(notHuman, (seed) => judged(seed, account("x", { name: "Tienda Bilbao", email: "tienda.bilbao@retail.example", managementSource: "synced", mfaEnabled: false, ...EMPTY, jobTitle, ...recentUi }), teamSignIns(seed, [STORE_IP], true)))).toEqual([]);
  });

  it.each(["Administrador de sistemas", "Analista de sistemas", "Técnico de sistemas"])("leaves a person titled %s human", (jobTitle) => {
    expect(wrong(isHuman, (seed) => atWorkCodes(seed, "Lucía Fernández", "lucia.fernandez@retail.example", { jobTitle, managementSource: "synced" }))).toEqual([]);
  });
});

describe("an insurer's claims, intake and escalations desks, several people signing in with email codes", () => {
  /** Synced, no profile, signed in to from three addresses with an email code each. */
  const desk = (seed: number, name: string, email: string): Finding =>
    judged(seed, account("x", { name, email, managementSource: "synced", mfaEnabled: false, ...EMPTY, ...recentUi }), teamSignIns(seed, ["93.252.215.133", "195.108.199.192", "213.17.161.163"], true));
  it.each([
    ["Schadenmeldung", "schadenmeldung@insure.example"],
    ["Claims Intake Chicago", "claims-intake@insure.example"],
    ["Siniestros", "siniestros@insure.example"],
    ["Contact Centre Escalations", "cc.escalations@telco.example"],
  ])("%s at %s is reviewed", (name, email) => {
    expect(wrong(notHuman, (seed) => desk(seed, name, email))).toEqual([]);
  });

  it.each([
    ["Thomas Schaden", "schaden@insure.example"],
    ["Thomas Schaden", "thomas.schaden@insure.example"],
  ])("leaves %s at %s, a person with email codes, human", (name, email) => {
    expect(wrong(isHuman, (seed) => atWorkCodes(seed, name, email, { jobTitle: null, department: "Claims", managementSource: "synced" }))).toEqual([]);
  });
});
