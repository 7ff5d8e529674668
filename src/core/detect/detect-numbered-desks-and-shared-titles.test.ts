// Shared accounts that were `human` in independent generators' orgs (a Kenyan microfinance
// company, a Quebec insurer, a Turkish textile maker, a Korean game studio, a Philippine
// outsourcer, an Australian miner), each at work in office hours as one person's account is:
//
// (1) `numberedDesk` (floors.ts): a counter's or a training pool's numbered account ("Eldoret
//     Counter 4" at `counter4.eldoret@`, "Induction User 03" at `induction03@`), or one of a
//     numbered family whose sisters taught the org their first word as a given name.
// (2) `SHARED_TITLE`: a word of sharing anywhere in the job title ("Shared queue login", "Trainee
//     (shared)", "Poste partagé"), a training's, a demo's or a team's account ("Compte de
//     formation", "Compte d'équipe"), a reception's station ("Poste d'accueil").
// (3) A desk's word in Korean, Japanese or Chinese (`DESK_CJK`, "GM 데스크", "결제CS 창구",
//     "コミュニティ運営"), last in Turkish (`deskWordLast`, "Denizli Kalite Kontrol Masası"), a note
//     of sharing after a name that is no one's ("CAT Terrain (partagé)"), a demo's word first
//     ("Démo Salon des courtiers" at `demo.courtiers@`).
import { describe, expect, it } from "vitest";
import { givenNamesOrg, invitedUntitled, judgedAmongGivenNames } from "../../../test/helpers/org-words.js";
import { account, byTime, explain, findingOf, lcg, officeDays, snapshotOf, type Raw } from "../../../test/helpers/people-audit.js";
import { SHARED_TITLE } from "./floors.js";
import type { Finding } from "./types.js";

const SEEDS = [1, 2, 3] as const;
const DOMAIN = "bank.example";
const shared = (f: Finding): boolean => f.verdict === "likely-bot" && f.signals.some((s) => s.id === "shared-use");

/** Account `a` at work in office hours among 120 colleagues with the org's given names, and `others`. */
function atWork(seed: number, a: Raw, others: Raw[] = []): Finding {
  const { users, events } = givenNamesOrg(DOMAIN);
  return findingOf(snapshotOf([account("a", a), ...others, ...users], [...events, ...officeDays(lcg(seed), "a")].sort(byTime)), "a");
}
const expectShared = (make: (seed: number) => Finding): void => {
  for (const seed of SEEDS) {
    const f = make(seed);
    expect([seed, shared(f)], explain(f)).toEqual([seed, true]);
  }
};
const expectPerson = (make: (seed: number) => Finding): void => {
  for (const seed of SEEDS) {
    const f = make(seed);
    expect([seed, f.verdict], explain(f)).toEqual([seed, "human"]);
  }
};

describe("(1) a desk's or a training pool's numbered account (numberedDesk)", () => {
  it.each([
    ["Eldoret Counter 4", "counter4.eldoret@"],
    ["Induction User 03", "induction03@"],
    ["Utilisateur formation 01", "formation01@"],
    ["Weelumurra Induction 03", "training3.weelumurra@"],
    ["Nesting Batch 63", "training.batch63@"],
  ])("%s at %s is reviewed as shared", (name, mailbox) => {
    expectShared((seed) => atWork(seed, invitedUntitled(name, `${mailbox}${DOMAIN}`)));
  });

  // Its sister "Sevkiyat Barkod Cihazı" at `sevkiyat.barkod@` teaches the org Sevkiyat as a given name.
  it("Sevkiyat Tezgahı 2, one of three numbered desks whose sister taught Sevkiyat as a given name, is reviewed as shared", () => {
    const sisters = [
      account("s1", invitedUntitled("Sevkiyat Tezgahı", `sevkiyat@${DOMAIN}`)),
      account("s3", invitedUntitled("Sevkiyat Tezgahı 3", `sevkiyat3@${DOMAIN}`)),
      account("s4", invitedUntitled("Sevkiyat Barkod Cihazı", `sevkiyat.barkod@${DOMAIN}`)),
    ];
    expectShared((seed) => atWork(seed, invitedUntitled("Sevkiyat Tezgahı 2", `sevkiyat2@${DOMAIN}`), sisters));
  });

  it.each([
    // A person's second account beside the first.
    ["Xiadani Quispe 2", "xiadani.quispe2@", [account("x", { name: "Xiadani Quispe", email: `xiadani.quispe@${DOMAIN}`, jobTitle: "Buyer" })]],
    // A given name of the org's people.
    ["Bada Okonkwo 2", "bada.okonkwo2@", []],
    // A surname of the org's people.
    ["Kwame Lindqvist 2", "kwame.lindqvist2@", []],
    // The number is not the mailbox's.
    ["Eldoret Counter 4", "eldoret.counter@", []],
  ])("%s at %s stays a person's", (name, mailbox, others) => {
    expectPerson((seed) => atWork(seed, invitedUntitled(name, `${mailbox}${DOMAIN}`), others as Raw[]));
  });

  it("a numbered account with a person's job title stays a person's", () => {
    expectPerson((seed) => atWork(seed, invitedUntitled("Induction User 03", `induction03@${DOMAIN}`, { jobTitle: "Payroll Officer" })));
  });
});

describe("(2) a job title that says the account is shared, a training's, a demo's or a team's (SHARED_TITLE)", () => {
  it.each(["Shared queue login", "Trainee (shared)", "Poste partagé", "Compte de garde partagé", "Vardiya Amirleri (ortak)", "Poste partagé (ancienne employée) — ne pas désactiver", "Compte partagé — Réception sinistres", "Training account", "Compte de formation", "Compte de démonstration", "Compte d'équipe", "Poste d'accueil", "Satış ekibi demo hesabı", "Schulungskonto", "Cuenta de capacitación"])(
    "%s is a shared account's title",
    (title) => {
      expect(SHARED_TITLE.test(title)).toBe(true);
    },
  );
  it.each(["Shared Services Manager", "Analyste, services partagés", "Gemeinsame Dienste", "Kurucu Ortak", "Yönetici Ortak", "Ortak Hizmetler Müdürü", "Product Manager, Shared Inbox", "Head of Shared Platforms", "Training Manager", "Demo Engineer", "Onboarding Specialist", "Account Manager", "Compte rendu analyste", "Not a shared account", "Compte non partagé", "Kein Gemeinschaftskonto"])("%s is a person's title", (title) => {
    expect(SHARED_TITLE.test(title)).toBe(false);
  });

  // Failed before: `human`, a departed person's name and mailbox, or a queue's name.
  it.each([
    ["BPE Night Shared", "queue.bpe.night@", "Shared queue login"],
    ["Nasra Athumani", "nasra.athumani@", "Compte partagé — Réception sinistres"],
    ["Équipe Subrogation", "subrogation@", "Compte d'équipe"],
    ["Réception Trois-Rivières", "reception.trois-rivieres@", "Poste d'accueil"],
  ])("%s at %s, titled %s, is reviewed as shared", (name, mailbox, jobTitle) => {
    expectShared((seed) => atWork(seed, invitedUntitled(name, `${mailbox}${DOMAIN}`, { jobTitle })));
  });
});

describe("(3) a desk's word in Korean, Japanese, Chinese or Turkish, a note of sharing, a demo's word first", () => {
  it.each([
    ["GM 데스크", "gm.desk@"],
    ["NOC 야간 데스크", "noc.night@"],
    ["결제CS 창구", "pay-cs@"],
    ["교육용 계정", "edu@"],
    ["온보딩 실습", "onboarding.lab@"],
    ["QA룸 A-02", "qa.room.a-02@"],
    ["コミュニティ運営", "community.jp@"],
    ["物流センター 受付", "uketsuke@"],
    ["Denizli Kalite Kontrol Masası", "kk.denizli@"],
    ["Numune Odası", "numune@"],
    ["Kargo Teslim Noktası", "kargo.teslim@"],
    ["İade Kabul - Gebze", "iadekabul@"],
    ["İzmir Outlet Kasa 2", "izmir.outlet2@"],
    ["CAT Terrain (partagé)", "cat.terrain@"],
    ["Démo Salon des courtiers", "demo.courtiers@"],
    ["Démo Espace Membre", "demo.membre@"],
  ])("%s at %s is reviewed as shared", (name, mailbox) => {
    expectShared((seed) => atWork(seed, invitedUntitled(name, `${mailbox}${DOMAIN}`)));
  });

  it.each([
    // A Korean given name after a one-syllable surname; a vendor's name before a person's.
    ["김 창구", "changgu.kim@"],
    ["테스트웍스_신서연", "shinseoyeon@"],
    // Masa, a Japanese given name, written last; Kasse, a German surname.
    ["Tanaka Masa", "masa.tanaka@"],
    ["Sandra Kasse", "sandra.kasse@"],
    // A person with the note of sharing after their own name, one the org knows.
    ["Bada Lindqvist (partagée)", "bada.lindqvist@"],
    // Demo, a given name, before a surname; one word after it.
    ["Demo Papadakis", "demo.papadakis@"],
  ])("%s at %s stays a person's", (name, mailbox) => {
    expectPerson((seed) => atWork(seed, invitedUntitled(name, `${mailbox}${DOMAIN}`)));
  });

  // A Turkish desk's word after a given name of the org's people is a surname's.
  it("Bada Kasa, Bada a given name of the org's, stays a person's", () => {
    expectPerson((seed) => atWork(seed, invitedUntitled("Bada Kasa", `bada.kasa@${DOMAIN}`)));
  });

  // A person's job title keeps the CJK desk's word a note of their post.
  it("GM 데스크 with a person's job title stays a person's", () => {
    expectPerson((seed) => judgedAmongGivenNames(DOMAIN, invitedUntitled("김민준 (GM 데스크)", `minjun.kim@${DOMAIN}`, { jobTitle: "Game Master" }), officeDays(lcg(seed), "a")));
  });
});
