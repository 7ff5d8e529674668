// Attack round on 7d392d5 (the changes since 9c89695): the new role-mailbox words (drifts-senter,
// brukerstøtte, innsyn, tilbakemelding, borgerservice, kommunikation/kommunikasjon, viestintä), the
// new name patterns (testbruker & co., Mustermann, Meikäläinen, -integrasjon/-integration, tuonti,
// vienti, arkivering), the new JOB_WORD words (arkiv*, -udtræk/-uttrekk/-utdrag, aflevering), the
// `int-`/`sys-` tag now matching a name that starts with a long role, ON_DUTY_ROLE after an
// acronym and DESK_CODE (a desk's word first, an airport's code last). Mostly PEOPLE who must stay
// `human`, and a few shared and automation accounts the new rules are meant to review.
//
// First run (7d392d5): 94 cases, 12 failed; on 9c89695 13 failed. New since 9c89695 (all `likely-bot`,
// all `human` on 9c89695): invited guests named with a placeholder surname (Sabine Mustermann, Laura
// Meikäläinen; bot-name) or with their section in the name (Lisa Berg – Dataintegration, Kari
// Nordmann (Systemintegrasjon)); people listed surname first with a station's code (Escala José
// Luis MAD, Scalo Giulia FCO as guests and with a CLI token, Station Tom LHR with a CLI token;
// DESK_CODE); surname-first names starting with a long role at a tagged mailbox with a CLI token
// (Billingham Tom at `sys-billing@`, Supporter Anna at `sys-support@`; placeCodedRole, less
// realistic). Klager Julia at `int-klager@` with a CLI token fails on both. The 12 team and job
// accounts at the end are missed on 9c89695 and reviewed on 7d392d5.
// Fixed: Mustermann and Meikäläinen are no longer name patterns; the Nordic integration words count
// whole, or run into a one-word name ("Systemintegrasjon"), not inside a note after a person's
// name; DESK_CODE takes only a desk's words between its word and the code; a tagged mailbox's role
// matches a name of one word whose letters are the role's with an ending of three letters at most.
import { describe, expect, it } from "vitest";
import { account, EMPTY, wrongRuns, type Raw } from "../../../test/helpers/people-audit.js";
import { atWorkCodes, guest, judged, morningSignIns, ownerSetUp, person, recentUi, team, untitled, withCli } from "../../../test/helpers/name-attacks.js";
import { technicalUser, planDays, onCall, onCallPerson, twoShiftDesk } from "../../../test/helpers/sign-in-plans.js";
import type { Finding } from "./types.js";

const SEEDS = [1, 2, 3] as const;
const wrong = (want: (v: Finding["verdict"]) => boolean, judge: (seed: number) => Finding): string[] => wrongRuns(SEEDS, want, judge);
const isHuman = (v: Finding["verdict"]): boolean => v === "human";
const notHuman = (v: Finding["verdict"]): boolean => v !== "human";
const none = (w: string[]): void => expect(w, w.join(" || ")).toEqual([]);

// ---------------------------------------------------------------------------------------------
// Builders.

/** A person at work with their own CLI token and no job title synced. */
const untitledCli = (seed: number, name: string, email: string): Finding => withCli(seed, name, email, { jobTitle: null });
/** A synced person titled `jobTitle` without department or photo, signing in each morning. */
const titledMornings = (seed: number, name: string, email: string, jobTitle: string): Finding =>
  judged(seed, account("x", { name, email, managementSource: "synced", ...EMPTY, jobTitle, ...recentUi }), morningSignIns(seed, true));

// =============================================================================================
// PEOPLE who must stay `human`.
// =============================================================================================

describe("name patterns: real surnames that are testers' placeholders", () => {
  it.each([
    ["Sabine Mustermann", "sabine.mustermann@stadtwerke.example", "Mustermann, a real German surname"],
    ["Thomas Mustermann-Keller", "thomas.mustermann-keller@stadtwerke.example", "a double surname"],
    ["Mustermann, Jürgen", "juergen.mustermann@stadtwerke.example", "surname first with a comma"],
    ["Laura Meikäläinen", "laura.meikalainen@virasto.example", "Meikäläinen, a rare Finnish surname"],
    ["Giulia Testa", "giulia.testa@azienda.example", "Testa, an Italian surname"],
    ["Marco Testini", "marco.testini@azienda.example", "Testini, an Italian surname"],
  ])("%s at %s (%s), untitled, stays human", (name, email) => {
    none(wrong(isHuman, (seed) => untitled(seed, name, email)));
  });

  it.each([
    ["Sabine Mustermann", "sabine.mustermann@stadtwerke.example"],
    ["Laura Meikäläinen", "laura.meikalainen@virasto.example"],
    ["Thomas Mustermann-Keller", "t.mustermann@stadtwerke.example"],
  ])("%s at %s, with her or his own CLI token, stays human", (name, email) => {
    none(wrong(isHuman, (seed) => untitledCli(seed, name, email)));
  });

  it.each([
    ["Sabine Mustermann", "sabine.mustermann@stadtwerke.example"],
    ["Laura Meikäläinen", "laura.meikalainen@virasto.example"],
  ])("%s at %s, an invited contractor, stays human", (name, email) => {
    none(wrong(isHuman, (seed) => guest(seed, name, email)));
  });

  it.each([
    ["Sabine Mustermann", "sabine.mustermann@klinikum.example"],
    ["Laura Meikäläinen", "laura.meikalainen@sairaala.example"],
  ])("%s at %s, on call every day, stays human", (name, email) => {
    none(wrong(isHuman, (seed) => onCallPerson(seed, name, email)));
  });
});

describe("name patterns and role words: people with their section after the name", () => {
  it.each([
    ["Kari Nordmann (Systemintegrasjon)", "kari.nordmann@etat.example", "his section in brackets"],
    ["Lisa Berg – Dataintegration", "lisa.berg@myndighet.example", "her section after a dash"],
    ["Matti Laine / Tuonti", "matti.laine@tukku.example", "Finnish: imports, after a slash"],
    ["Liisa Koski (Vienti)", "liisa.koski@tukku.example", "Finnish: exports, in brackets"],
    ["Karin Lund (Arkivering)", "karin.lund@kommun.example", "Swedish: archiving, in brackets"],
    ["Lars Hansen - Borgerservice", "lars.hansen@kommune.example", "Danish: citizens' service, after a dash"],
    ["Kari Nordmann (Brukerstøtte)", "kari.nordmann@etat.example", "Norwegian: user support, in brackets"],
    ["Mette Jensen / Kommunikation", "mette.jensen@kommune.example", "Danish: communications, after a slash"],
    ["Ingrid Solberg (Kommunikasjon)", "ingrid.solberg@etat.example", "Norwegian: communications"],
    ["Anna Virtanen – Viestintä", "anna.virtanen@virasto.example", "Finnish: communications"],
    ["Ole Olsen (Driftssenteret)", "ole.olsen@etat.example", "Norwegian: the operations centre"],
    ["Siri Bakke – Innsyn", "siri.bakke@etat.example", "Norwegian: access requests"],
  ])("%s at %s (%s), untitled, stays human", (name, email) => {
    none(wrong(isHuman, (seed) => untitled(seed, name, email)));
  });

  it.each([
    ["Kari Nordmann (Systemintegrasjon)", "kari.nordmann@etat.example"],
    ["Lisa Berg – Dataintegration", "lisa.berg@myndighet.example"],
    ["Matti Laine / Tuonti", "matti.laine@tukku.example"],
    ["Mette Jensen / Kommunikation", "mette.jensen@kommune.example"],
    ["Ole Olsen (Driftssenteret)", "ole.olsen@etat.example"],
  ])("%s at %s, with his or her own CLI token, stays human", (name, email) => {
    none(wrong(isHuman, (seed) => untitledCli(seed, name, email)));
  });

  it.each([
    ["Ole Olsen (Driftssenteret)", "ole.olsen@etat.example"],
    ["Kari Nordmann (Brukerstøtte)", "kari.nordmann@etat.example"],
  ])("%s at %s, on call every day, stays human", (name, email) => {
    none(wrong(isHuman, (seed) => onCallPerson(seed, name, email)));
  });

  it.each([
    ["Lisa Berg – Dataintegration", "lisa.berg@konsult.example"],
    ["Kari Nordmann (Systemintegrasjon)", "kari.nordmann@konsult.example"],
  ])("%s at %s, an invited consultant, stays human", (name, email) => {
    none(wrong(isHuman, (seed) => guest(seed, name, email)));
  });
});

describe("people whose mailbox holds their section's word (an org's `given.section@` scheme)", () => {
  it.each([
    ["Anna Holm", "anna.kommunikation@kommune.example"],
    ["Lars Hansen", "lars.borgerservice@kommune.example"],
    ["Lisa Berg", "lisa.dataintegration@myndighet.example"],
    ["Kari Nordmann", "kari.brukerstotte@etat.example"],
  ])("%s at %s, with her or his own CLI token, stays human", (name, email) => {
    none(wrong(isHuman, (seed) => untitledCli(seed, name, email)));
  });

  it.each([
    ["Anna Holm", "anna.kommunikation@kommune.example"],
    ["Lars Hansen", "lars.borgerservice@kommune.example"],
    ["Lisa Berg", "lisa.dataintegration@myndighet.example"],
  ])("%s at %s, untitled, stays human", (name, email) => {
    none(wrong(isHuman, (seed) => untitled(seed, name, email)));
  });
});

describe("job titles that are the new words: people whose IdP syncs their section as a title", () => {
  const PERSON = ["Hanne Møller", "hanne.moller@kommune.example"] as const;
  it.each(["Arkivar", "Arkivmedarbejder", "Arkivarie", "Arkivleder", "Kommunikation", "Borgerservice", "Brukerstøtte", "Kommunikasjonsrådgiver", "Dataintegration"])(
    "a person titled %s, synced without department or photo, signing in each morning, stays human",
    (jobTitle) => {
      none(wrong(isHuman, (seed) => titledMornings(seed, PERSON[0], PERSON[1], jobTitle)));
    },
  );

  it.each(["Arkivar", "Kommunikation", "Borgerservice"])("a person titled %s at work with email codes stays human", (jobTitle) => {
    none(wrong(isHuman, (seed) => atWorkCodes(seed, PERSON[0], PERSON[1], { jobTitle, managementSource: "synced", department: null, picture: null })));
  });

  it.each(["Arkivar", "Kommunikation"])("a person titled %s with a full profile and her own CLI token stays human", (jobTitle) => {
    none(wrong(isHuman, (seed) => withCli(seed, PERSON[0], PERSON[1], { jobTitle })));
  });

  it.each(["Arkivar", "Borgerservice"])("a person titled %s on call every day, no photo, stays human", (jobTitle) => {
    none(wrong(isHuman, (seed) => judged(seed, account("x", { name: PERSON[0], email: PERSON[1], jobTitle, picture: null, ...recentUi }), planDays(seed, onCall) as Raw[])));
  });

  it("a person with a full profile titled Arkivar stays human", () => {
    none(wrong(isHuman, (seed) => person(seed, PERSON[0], PERSON[1], { jobTitle: "Arkivar" })));
  });
});

describe("int- and sys- tags: an administrator's second account and an intern's mailbox", () => {
  it.each([
    ["Sys Admin", "sys-admin@firma.example", "an admin's second account, named for what it is by hand"],
    ["Klager Julia", "int-klager@firma.example", "surname first (Klager, a German surname)"],
    ["Lohn Peter", "sys-lohn@stadtwerke.example", "surname first"],
    ["Billingham Tom", "sys-billing@firma.example", "surname first, the surname starting with a role"],
    ["Supporter Anna", "sys-support@firma.example", "surname first, the surname starting with a role"],
    ["Kommunikation Anna Holm", "int-kommunikation@kommune.example", "an intern filed under her section"],
  ])("%s at %s (%s), untitled, stays human", (name, email) => {
    none(wrong(isHuman, (seed) => untitled(seed, name, email)));
  });

  it.each([
    ["Billingham Tom", "sys-billing@firma.example"],
    ["Supporter Anna", "sys-support@firma.example"],
    ["Klager Julia", "int-klager@firma.example"],
  ])("%s at %s, his or her own CLI token in use, stays human", (name, email) => {
    none(wrong(isHuman, (seed) => untitledCli(seed, name, email)));
  });
});

describe("DESK_CODE and ON_DUTY_ROLE: people whose surname is a desk's word, listed surname first with their station's code", () => {
  it.each([
    ["Escala José Luis MAD", "joseluis.escala@airline.example", "Escala, a Spanish surname; the directory adds his station"],
    ["Scalo Giulia FCO", "giulia.scalo@aeroporto.example", "Scalo, an Italian surname"],
    ["Station Tom LHR", "tom.station@airline.example", "Station, an English surname"],
    ["Hangar Lena HAM", "lena.hangar@airline.example", "Hangar, a surname"],
    ["Escale Marie CDG", "marie.escale@airline.example", "Escale, a French surname"],
    ["Station Anna MUC", "anna.station@airline.example", "Station, a surname, a three-letter office code"],
  ])("%s at %s (%s), untitled, stays human", (name, email) => {
    none(wrong(isHuman, (seed) => untitled(seed, name, email)));
  });

  it.each([
    ["Escala José Luis MAD", "joseluis.escala@airline.example"],
    ["Scalo Giulia FCO", "giulia.scalo@aeroporto.example"],
    ["Station Tom LHR", "tom.station@airline.example"],
  ])("%s at %s, with his or her own CLI token, stays human", (name, email) => {
    none(wrong(isHuman, (seed) => untitledCli(seed, name, email)));
  });

  it.each([
    ["Escala José Luis MAD", "joseluis.escala@airline.example"],
    ["Scalo Giulia FCO", "giulia.scalo@aeroporto.example"],
  ])("%s at %s, an invited contractor, stays human", (name, email) => {
    none(wrong(isHuman, (seed) => guest(seed, name, email)));
  });

  it.each([
    ["Anna Berg – IT Duty Officer", "anna.berg@airline.example", "her role after a dash"],
    ["Tom Reid (OCC Duty Manager)", "tom.reid@airline.example", "his role in brackets"],
  ])("%s at %s (%s), untitled, stays human", (name, email) => {
    none(wrong(isHuman, (seed) => untitled(seed, name, email)));
  });
});

// =============================================================================================
// SHARED and AUTOMATION accounts the new rules should review.
// =============================================================================================

describe("shared and automation accounts the new rules review", () => {
  it.each([
    ["Kommunikation", "kommunikation@kommune.example"],
    ["Borgerservice", "borgerservice@kommune.example"],
    ["Viestintä", "viestinta@virasto.example"],
    ["Innsyn", "innsyn@etat.example"],
    ["Testbruker 3", "testbruker3@etat.example"],
    ["Scalo MXP", "scalo.mxp@airline.example"],
    ["OCC Duty Manager", "occ.duty@airline.example"],
  ])("%s at %s, a team's account, is reviewed", (name, email) => {
    none(wrong(notHuman, (seed) => team(seed, name, email)));
  });

  it.each([
    ["Systemintegrasjon", "systemintegrasjon@etat.example"],
    ["Lønnsintegrasjon", "lonn-integrasjon@etat.example"],
    ["Tuonti 2", "tuonti2@tukku.example"],
  ])("%s at %s, a technical user, is reviewed", (name, email) => {
    none(wrong(notHuman, (seed) => technicalUser(seed, name, email)));
  });

  it.each([
    ["Arkivering", "arkivering@kommune.example"],
    ["Testanvändare 1", "testanvandare1@myndighet.example"],
  ])("%s at %s, a job's account its owner set up, is reviewed", (name, email) => {
    none(wrong(notHuman, (seed) => ownerSetUp(seed, { name, email })));
  });

  it.each([
    ["Stationsdesk BER", "station.ber@airline.example"],
    ["Werkstatt Leipzig LEJ", "werkstatt.lej@airline.example"],
  ])("%s, a desk on two shifts every day from its own PC, is reviewed", (name, email) => {
    none(wrong(notHuman, (seed) => twoShiftDesk(seed, name, email)));
  });
});
