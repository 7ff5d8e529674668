// Team desks, duty desks and integrations named in Turkish, Polish, Japanese and the Nordic
// languages, and desks the shifts share every day: reviewed (at least `likely-bot`). Beside them,
// people whose names hold the same words stay `human`.
import { describe, expect, it } from "vitest";
import { account, EMPTY, wrongRuns } from "../../../test/helpers/people-audit.js";
import { judged, morningSignIns, onLeave, ownerSetUp, recentUi, team, untitled } from "../../../test/helpers/name-attacks.js";
import { technicalUser, onCallPerson, twoShiftDesk } from "../../../test/helpers/sign-in-plans.js";
import type { Finding } from "./types.js";

const SEEDS = [1, 2, 3] as const;
const wrong = (want: (v: Finding["verdict"]) => boolean, judge: (seed: number) => Finding): string[] => wrongRuns(SEEDS, want, judge);
const isHuman = (v: Finding["verdict"]): boolean => v === "human";
const notHuman = (v: Finding["verdict"]): boolean => v !== "human";
const none = (w: string[]): void => expect(w, w.join(" || ")).toEqual([]);


describe("team and duty desks named in Turkish, Polish and Japanese, used by a team with email codes", () => {
  it.each([
    ["Kadıköy Şubesi", "sube.kadikoy@bank.example", "a branch's account"],
    ["Ödeme Operasyonları Ekibi", "odeme.operasyon@bank.example", "a team's, the mailbox the stem of its words"],
    ["Çağrı Merkezi Vardiya", "cm.vardiya@bank.example", "a call centre's shift"],
    ["Dyżur Płatności", "dyzur.platnosci@bank.example", "a payments duty desk"],
    ["QAラボ 共用", "qa-lab@denki.example", "a lab's, shared"],
    ["Hankinnat", "int-hankinnat@virasto.example", "procurement's, an internal tag first"],
    ["Klager", "sys-klager@styrelse.example", "complaints', a system tag first"],
  ])("%s at %s (%s) is reviewed", (name, email) => {
    none(wrong(notHuman, (seed) => team(seed, name, email)));
  });
});

describe("desks the shifts share every day from their own PC, the first word what they handle", () => {
  it.each([
    ["Crew Tracking", "crewtracking@airline.example"],
    ["Technik Leitstand", "technik.leitstand@airline.example"],
  ])("%s at %s is reviewed", (name, email) => {
    none(wrong(notHuman, (seed) => twoShiftDesk(seed, name, email)));
  });
});

describe("an integration named for what it carries, joined by a hyphen to the word for integration", () => {
  it.each([
    ["Kundenkät-integration", "kundenkat@myndighet.example"],
    ["Asiakaskysely-integraatio", "asiakaskysely@virasto.example"],
    ["Tilastot-integraatio 7", "tilastot7@virasto.example"],
  ])("%s at %s, its token in use beside office sign-ins, is reviewed", (name, email) => {
    none(wrong(notHuman, (seed) => technicalUser(seed, name, email)));
  });
});

describe("people beside the same words (pins)", () => {
  it.each([
    ["Anna Control", "anna.control@hospital.example"],
    ["Tom Tracking", "tom.tracking@hospital.example"],
    ["Lena Hangar", "lena.hangar@hospital.example"],
  ])("%s at %s, on call every day, whose surname is a desk's word, stays human", (name, email) => {
    none(wrong(isHuman, (seed) => onCallPerson(seed, name, email)));
  });

  it.each([
    ["Mehmet Şube", "mehmet.sube@bank.example"],
    ["Ayşe Vardiya", "ayse.vardiya@bank.example"],
    ["Kenji Kyōyū", "kenji.kyoyu@denki.example"],
    ["Anna Nilsson-Integration", "anna.nilsson@myndighet.example"],
  ])("%s at %s, untitled, stays human", (name, email) => {
    none(wrong(isHuman, (seed) => untitled(seed, name, email)));
  });
});

describe("retired and migration jobs named in the Nordic languages and in Japanese, a terminal in Korean", () => {
  it.each([
    ["Tikettisiirto 2023", "tikettisiirto-2023@virasto.example"],
    ["Backlog移行ツール", "backlog-import@denki.example"],
  ])("%s at %s, a job's account its owner set up, is reviewed", (name, email) => {
    none(wrong(notHuman, (seed) => ownerSetUp(seed, { name, email })));
  });

  it.each([
    ["Skjematjeneste (avviklet) 7", "skjematjeneste-avviklet7@etat.example"],
    ["Vanha Jenkins", "vanha-jenkins@virasto.example"],
    ["Gammel Jenkins", "gammel-jenkins@etat.example"],
  ])("%s at %s, a retired integration idle for a month with its token, is reviewed", (name, email) => {
    none(wrong(notHuman, (seed) => onLeave(seed, name, email)));
  });

  it("Gumi L12 단말기, a line's terminal signing in each morning, is reviewed", () => {
    none(wrong(notHuman, (seed) => judged(seed, account("x", { name: "Gumi L12 단말기", email: "line12@denki.example", managementSource: "synced", mfaEnabled: false, ...EMPTY, ...recentUi }), morningSignIns(seed, false))));
  });
});

describe("people whose surnames are the old system's words (pins)", () => {
  it.each([
    ["Mikko Vanha", "mikko.vanha@virasto.example"],
    ["Liisa Siirto", "liisa.siirto@virasto.example"],
    ["Kari Gamle", "kari.gamle@etat.example"],
  ])("%s at %s, untitled, stays human", (name, email) => {
    none(wrong(isHuman, (seed) => untitled(seed, name, email)));
  });
});

describe("more desks and jobs named in the Nordic languages, and an airline's desks by their airport's code", () => {
  it.each([
    ["Brukerstøtte", "brukerstotte@etat.example"],
    ["Driftssenteret", "driftssenteret@etat.example"],
    ["Tilbakemeldinger 5", "sys-tilbakemelding5@etat.example"],
    ["IT-tuki", "sys-it-tuki@virasto.example"],
    ["Borgerservice Aarhus", "borgerservice.aarhus@styrelse.example"],
    ["Stationsdesk BER", "station.ber@airline.example"],
    ["Oficina Operaciones PMI", "operaciones.pmi@airline.example"],
    ["OCC Duty Manager", "occ.dutymanager@airline.example"],
  ])("%s at %s, used by a team with email codes, is reviewed", (name, email) => {
    none(wrong(notHuman, (seed) => team(seed, name, email)));
  });

  it.each([
    ["Pilotintegrasjon", "pilot-integrasjon@etat.example"],
    ["Confluence-tuonti", "confluence-tuonti@virasto.example"],
    ["Arkivudtræk", "arkivudtraek@styrelse.example"],
  ])("%s at %s, a job's account its owner set up, is reviewed", (name, email) => {
    none(wrong(notHuman, (seed) => ownerSetUp(seed, { name, email })));
  });
});

describe("people beside those words (pins)", () => {
  it.each([
    ["Italo Rossi", "sys-it@acme.example", "an admin's second account at a tag and a role word"],
    ["Ola Nordmann", "ola.nordmann@etat.example", "a real person of that name"],
    ["Escala José Luis", "jose.escala@airline.example", "a surname first"],
    ["Hangar Lena", "lena.hangar@airline.example", "a surname first"],
  ])("%s at %s (%s), untitled, stays human", (name, email) => {
    none(wrong(isHuman, (seed) => untitled(seed, name, email)));
  });
});
