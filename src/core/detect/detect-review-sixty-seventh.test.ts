// Third attack round on the changes since c7eeb43: PEOPLE ONLY (every case expects `human`), on
// what the 65th and 66th rounds (detect-review-sixty-fifth/-sixth.test.ts) left alone: the job
// noun last (`jobNounLast`) at mailboxes the personal-mailbox check does not read as the name's,
// the team and site words (`TEAM_WORD_NAMED`, `SITE_DESK`, `DEPOT_DESK`) beside initial-and-surname
// mailboxes, the shop's numbered mailbox beside surnames (Winkel, Loja), the new role words
// (intake, escalations), job titles made of the new job and role words ("Claims Intake",
// "Renewals", "Meldewesen", "OCR"), the new machine titles, and `shiftHandovers` for one person
// who signs in about every eight hours every day from four addresses or more (a phone's carrier
// addresses, a ship's satellite link, a hospital's NAT pool).
//
// The first run reviewed 8 people that are `human` on c7eeb43: a team's work or a team's or a
// site's label after a person's name where the mailbox is an initial and the surname (`pnair@`,
// `nairp@`, `tbecker@`, `jdoe@`, `cmartins@`), which the personal-mailbox check did not read as
// the name's (it takes the name's last word, Audit, Lead, Admin, for the surname). Fixed: a
// mailbox of a name's word after or before a word's initial is a person's (`mailboxOfNameWords`).
//
// Left out, with why:
// - "Red Team Omar" at `ohaddad@`: the mailbox's surname is not in the name.
// - Kevin Patel alone at `store17@` as an invited guest with no profile: the shop's numbered
//   address is a shop's; reviewing it is defensible (with a full profile he stays `human`).
// - A person titled "Usuario Técnico" (the older title pattern), and one person signing in about
//   every eight hours every day from four addresses or more (on call with a phone's carrier
//   addresses, a ship's deck officer, twelve-hour hospital shifts): reviewed on c7eeb43 too, by
//   round-the-clock and every-day; the hand-over rule adds nothing to them.
import { describe, expect, it } from "vitest";
import { wrongRuns } from "../../../test/helpers/people-audit.js";
import { atWorkCodes, guest, person, untitled, withCli } from "../../../test/helpers/name-attacks.js";
import type { Finding } from "./types.js";

const SEEDS = [1, 2, 3] as const;
const wrong = (want: (v: Finding["verdict"]) => boolean, judge: (seed: number) => Finding): string[] => wrongRuns(SEEDS, want, judge);
const isHuman = (v: Finding["verdict"]): boolean => v === "human";
const none = (w: string[]): void => expect(w, w.join(" || ")).toEqual([]);

// ---------------------------------------------------------------------------------------------
// Builders.

/** A person at work using their own CLI token, with no job title synced (department and photo kept). */
const untitledCli = (seed: number, name: string, email: string): Finding => withCli(seed, name, email, { jobTitle: null });


// =============================================================================================
// PEOPLE who stay `human` (pins: pass here and on c7eeb43).
// =============================================================================================

describe("jobNounLast: a person's team after their name at mailboxes the check reads as theirs, with their own CLI token (pins)", () => {
  it.each([
    ["Priya Nair Internal Audit", "priya.n@acme.example"],
    ["Ana Ruiz Renewals", "a.ruiz@insure.example"],
    ["Lena Vogel Export", "l.vogel@maschinenbau.example"],
    ["Grace Archive", "garchive@insure.example"],
    ["Tom Becker Reconciliation", "t.becker@bank.example"],
  ])("%s at %s, untitled with a CLI token, stays human", (name, email) => {
    none(wrong(isHuman, (seed) => untitledCli(seed, name, email)));
  });
});

describe("escalations and a team written into a person's name (pins)", () => {
  it.each([
    ["Ana Ruiz Escalations", "ana.ruiz@support.example"],
    ["Escalations Lead - Ana Ruiz", "ana.ruiz@support.example"],
    ["Ana Ruiz Escalations", "aruiz@support.example"],
    ["Jane Doe Team Lead", "j.doe@acme.example"],
  ])("%s at %s, untitled, stays human", (name, email) => {
    none(wrong(isHuman, (seed) => untitled(seed, name, email)));
  });
});

describe("the new role mailbox words beside people (pins)", () => {
  it.each([
    ["Peter Winkel", "winkel12@uni.example", "Winkel is a surname; a university's surname-and-number mailbox"],
    ["Carlos Loja", "loja22@retail.example", "Loja is a surname; a duplicate's number"],
    ["Maria Lopez", "intake.ml@clinic.example", "an intake nurse's team-prefixed mailbox with her initials"],
    ["Kevin Patel", "store17@franchise.example", "a franchisee who owns store 17 and alone uses its mailbox"],
  ])("%s at %s (%s), full profile, stays human", (name, email) => {
    none(wrong(isHuman, (seed) => person(seed, name, email)));
  });

  it("Peter Winkel at winkel12@, an invited guest, stays human", () => {
    none(wrong(isHuman, (seed) => guest(seed, "Peter Winkel", "winkel12@uni.example")));
  });
});

describe("people whose job titles are the new job and role words (pins)", () => {
  it.each(["Claims Intake", "Renewals", "Meldewesen", "OCR", "Inventario", "Siniestros", "Escalations", "Relatórios"])("a person titled %s, at work with email codes, stays human", (jobTitle) => {
    none(wrong(isHuman, (seed) => atWorkCodes(seed, "Lucía Fernández", "lucia.fernandez@insure.example", { jobTitle, managementSource: "synced" })));
  });

  it.each(["Claims Intake", "Renewals", "Meldewesen"])("Grace Archive titled %s, with her own CLI token, stays human", (jobTitle) => {
    none(wrong(isHuman, (seed) => withCli(seed, "Grace Archive", "g.archive@insure.example", { jobTitle })));
  });
});

describe("people whose job titles come close to the new machine titles (pins)", () => {
  it.each(["Usuario de sistemas SAP", "Técnico usuario de sistema", "Usuario de Sistemas"])("a person titled %s stays human", (jobTitle) => {
    none(wrong(isHuman, (seed) => atWorkCodes(seed, "Lucía Fernández", "lucia.fernandez@retail.example", { jobTitle, managementSource: "synced" })));
  });
});

// People a first version of the rules reviewed; each is `human` on c7eeb43.

describe("jobNounLast: a person's team after their name at an initial-and-surname mailbox, with their own CLI token (a first version reviewed them)", () => {
  it.each([
    ["Priya Nair Internal Audit", "pnair@acme.example"],
    ["Priya Nair Internal Audit", "nairp@acme.example"],
    ["Tom Becker Reconciliation", "tbecker@bank.example"],
  ])("%s at %s, untitled with a CLI token, stays human", (name, email) => {
    none(wrong(isHuman, (seed) => untitledCli(seed, name, email)));
  });
});

describe("a team or a site written into a person's name beside an initial-and-surname mailbox (a first version reviewed them)", () => {
  it.each([
    ["Priya Nair Team Lead", "pnair@acme.example"],
    ["Jane Doe Site Admin", "jdoe@build.example"],
    ["CD Martins Expedição", "cmartins@retail.example"],
  ])("%s at %s, untitled, stays human", (name, email) => {
    none(wrong(isHuman, (seed) => untitled(seed, name, email)));
  });
});
