// A university's and a hospital's shared accounts named as what they are: secretariats and
// offices in French, German, Italian and Dutch, groups' accounts with a note that says shared, a
// team's on-call account, lecture halls' and lab rooms' PCs, displays and boards. Each is reviewed
// (at least `likely-bot`); people whose names hold the same words stay `human`.
import { describe, expect, it } from "vitest";
import { account, EMPTY, wrongRuns } from "../../../test/helpers/people-audit.js";
import { judged, recentUi, team, untitled } from "../../../test/helpers/name-attacks.js";
import { between, onCallPerson, planDays } from "../../../test/helpers/sign-in-plans.js";
import type { Finding } from "./types.js";

const SEEDS = [1, 2, 3] as const;
const wrong = (want: (v: Finding["verdict"]) => boolean, judge: (seed: number) => Finding): string[] => wrongRuns(SEEDS, want, judge);
const isHuman = (v: Finding["verdict"]): boolean => v === "human";
const notHuman = (v: Finding["verdict"]): boolean => v !== "human";
const none = (w: string[]): void => expect(w, w.join(" || ")).toEqual([]);

/** A room's PC or a display, invited with no profile: a sign-in on about half the days, at lecture or opening times, each after an email code. */
const device = (seed: number, name: string, email: string): Finding =>
  judged(
    seed,
    account("x", { name, email, managementSource: "invited", ...EMPTY, ...recentUi }),
    planDays(seed, (_day, r): { h: number; ip: string; work: number }[] => (r() < 0.5 ? [{ h: between(r, 6, 15), ip: "130.92.10.44", work: 1 }] : []), true),
  );

describe("secretariats and offices named first, used by their staff", () => {
  it.each([
    ["Secrétariat Institut d'histoire", "secretariat.histoire@lettres.uni.example"],
    ["Sekretariat Institut für Informatik", "sekretariat.informatik@uni.example"],
    ["Segreteria Dipartimento di Fisica", "segreteria.fisica@uni.example"],
    ["Secretariaat Vakgroep Biologie", "secretariaat.biologie@uni.example"],
    ["Onderwijssecretariaat", "onderwijssecretariaat@uni.example"],
    ["Prüfungsamt", "pruefungsamt@uni.example"],
    ["Bureau des doctorats", "doctorats@uni.example"],
    ["Ufficio stage e placement", "stage@uni.example"],
  ])("%s at %s is reviewed", (name, email) => {
    none(wrong(notHuman, (seed) => team(seed, name, email)));
  });
});

describe("a group's account whose note says it is shared", () => {
  it.each([
    ["Onderzoeksgroep Fotonica (gedeeld)", "og.fotonica@we.uni.example"],
    ["AG Soft Matter (Gruppenkonto)", "ag-softmatter@uni.example"],
    ["Labo Cryo-EM – compte commun", "labo.cryoem@sciences.uni.example"],
    ["Gruppo Genomica – account condiviso", "gruppo.genomica@uni.example"],
  ])("%s at %s is reviewed", (name, email) => {
    none(wrong(notHuman, (seed) => team(seed, name, email)));
  });
});

describe("a team's on-call account", () => {
  it.each([
    ["Epic On-Call", "epic.oncall@health.example"],
    ["Network On-Call Pager", "netpager@health.example"],
    ["IT On-Call", "itoncall@health.example"],
  ])("%s at %s, signed in to by whoever is on call, is reviewed", (name, email) => {
    none(wrong(notHuman, (seed) => team(seed, name, email)));
  });
});

describe("lecture halls' and lab rooms' PCs, displays and boards", () => {
  it.each([
    ["Laborrechner C212", "labpc-c212@uni.example"],
    ["PC-Pool D-123", "pcpool-d123@uni.example"],
    ["Hörsaal HS 172 (Pult-PC)", "hs172-pult@uni.example"],
    ["Salle TP 114 – poste enseignant", "tp114-enseignant@uni.example"],
    ["Infobalie G0", "infobalie.g0@uni.example"],
    ["Lobby Display - Bowling Green", "lobby-display.bgr@health.example"],
    ["ED Throughput Board", "ed-throughput-board.pns@health.example"],
    ["Nursing Huddle Board", "nursing-huddle-board.vld@health.example"],
  ])("%s at %s, signing in with an email code on about half the days, is reviewed", (name, email) => {
    none(wrong(notHuman, (seed) => device(seed, name, email)));
  });
});

describe("people beside the same words (pins)", () => {
  it.each([
    ["Marie Dupont (poste 4412)", "marie.dupont@uni.example"],
    ["Dupont Marie – poste 4412", "marie.dupont@uni.example"],
    ["PC Sharma", "pc.sharma@uni.example"],
    ["Anna Berger (Sekretariat)", "anna.berger@uni.example"],
    ["Anna Berger – Sekretariat Informatik", "anna.berger@uni.example"],
    ["Bureau Marie", "marie.bureau@uni.example"],
    ["Giulia Servizio", "giulia.servizio@uni.example"],
    ["Jane Doe - On-Call", "jane.doe@health.example"],
    ["Emma Clark - Lobby Display", "emma.clark@health.example"],
    ["Kees Salle 12", "kees.salle@uni.example"],
    ["Hans Rechner", "hans.rechner@uni.example"],
  ])("%s at %s, untitled, stays human", (name, email) => {
    none(wrong(isHuman, (seed) => untitled(seed, name, email)));
  });

  it.each([["Dave On-Call", "dave.miller@health.example"]])("%s at %s, on call every day, stays human", (name, email) => {
    none(wrong(isHuman, (seed) => onCallPerson(seed, name, email)));
  });
});
