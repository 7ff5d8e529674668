// Two readings of accounts in an independent generator's school-district orgs:
//
// (1) `schoolDesk` (floors.ts, within `institutionRoom`): a school's desk, named by the school and
//     what its staff on duty do ("Washington Elementary Attendance", "Como Park Elementary Front
//     Office", "Bibliothèque École secondaire Louis-Riel"), at a mailbox of a desk's word and one
//     word more (`attendance.washington@`, `como.office@`, `biblio.louisriel@`). Office staff sign
//     in to it by turns through the school day, which looks like one person's working days: 34 such
//     desks of one generator's first three orgs were `human`, and three more that a script's token
//     also drives. The older reading asked for the room's word last in the mailbox and no word of
//     the name before it, so `como.office@` (the school's first word) and `attendance.washington@`
//     were read as people's.
//
// (2) A kiosk in French, "Borne" first before a common noun ("Borne bibliothèque - École
//     élémentaire Le Sentier" at `kiosk.le.library@`), is named as a device: a library's kiosk
//     that signs in each school morning was `human`. Borne is a surname too, written first before
//     a capital ("Borne Élisabeth").
//
// (3) Rooms and desks in words the lists lacked, from a mining group's and a software house's
//     orgs: a room named for its use ("BNE Training Room", "Sala Szkoleniowa": `ROOM_OF_USE`), a
//     help desk's words first in Spanish or French ("Mesa de Ayuda TI", "Soutien informatique
//     CSRO": `HELP_DESK_FIRST`), a site's stores, a Chilean bodega, a Polish or a Czech front desk
//     by its word first and its place (`DESK_FIRST`: "Stores COO" at `stores.coo@`, "Bodega Cerro
//     Pardo" at `bodega.cpd@`, "Recepcja Warszawa 2" at `recepcja.warszawa2@`). All were `human`
//     ("Schulungsraum 2" and "Recepce Brno" at `recepce.brno@` were reviewed already, and stay so).
import { describe, expect, it } from "vitest";
import { givenNamesOrg, invitedUntitled } from "../../../test/helpers/org-words.js";
import { account, byTime, explain, findingOf, lcg, officeDays, snapshotOf, type Raw } from "../../../test/helpers/people-audit.js";
import type { Finding } from "./types.js";

const SEEDS = [1, 2, 3] as const;
const DOMAIN = "schools.example";

/** Account `a` at work from the office each weekday among 120 colleagues (an email code at each sign-in when `otp`), judged. */
function judged(seed: number, a: Raw, otp = false, others: Raw[] = []): Finding {
  const { users, events } = givenNamesOrg(DOMAIN);
  return findingOf(snapshotOf([account("a", a), ...others, ...users], [...events, ...officeDays(lcg(seed * 31 + 7), "a", otp)].sort(byTime), []), "a");
}
const shareNote = (f: Finding): string | undefined => f.signals.find((s) => s.id === "shared-use")?.evidence;

describe("(1) a school's desk by its name and its mailbox (schoolDesk)", () => {
  // Failed before: `human` (working hours, interactive logins, recent UI use).
  it.each([
    ["Washington Elementary Attendance", "attendance.washington@"],
    ["Como Park Elementary Front Office", "como.office@"],
    ["Bayshore Public School Athletics", "athletics.bayshore@"],
    ["Bibliothèque École secondaire Louis-Riel", "biblio.louisriel@"],
    ["Jefferson Middle School Front Office", "jefferson-frontdesk@"],
    ["Adult Basic Education Center Counseling Office", "counseling.adult@"],
    ["Northside Academy Library", "library.northside2@"],
  ])("%s at `%s` is reviewed as shared", (name, mailbox) => {
    for (const seed of SEEDS) {
      for (const managementSource of ["invited", "synced"] as const) {
        const f = judged(seed, invitedUntitled(name, `${mailbox}${DOMAIN}`, { managementSource }));
        expect([seed, managementSource, f.verdict], explain(f)).toEqual([seed, managementSource, "likely-bot"]);
        expect(shareNote(f), explain(f)).toMatch(/named as a team's/);
      }
    }
  });

  // Failed before: `human`, the sister desk at `como.office@` teaching Como as a given name
  // (`OrgVocabulary`: a school's word after the first teaches none).
  it("a desk whose sister desks start with the school's first word at a mailbox of it", () => {
    const sisters = [
      account("s1", invitedUntitled("Como Park Elementary Front Office", `como.office@${DOMAIN}`)),
      account("s2", invitedUntitled("Twin Rivers High School Front Office", `twin.office@${DOMAIN}`)),
    ];
    for (const seed of SEEDS) {
      for (const [name, mailbox] of [["Como Park Elementary Attendance", "attendance.como@"], ["Twin Rivers High School Library", "twin.mediacenter@"]] as const) {
        const f = judged(seed, invitedUntitled(name, `${mailbox}${DOMAIN}`), false, sisters);
        expect([seed, name, f.verdict], explain(f)).toEqual([seed, name, "likely-bot"]);
      }
    }
  });

  // Each stays `human`, before and after.
  it.each<[string, string, Raw, string]>([
    ["Anna Lopez - Lincoln Elementary Office", "alopez.office@", {}, "the school in a note after her name"],
    ["Anna Lopez Lincoln Elementary Office", "alopez.office@", {}, "an initial and her surname"],
    ["Anna Lopez Lincoln Elementary Office", "lopeza.office@", {}, "her surname and an initial"],
    ["Anna Lee Elementary Office", "anna.office@", {}, "a given name of the org's that is not the school's"],
    ["Anna Maria Lopez Garcia Roosevelt High School", "office.lopezgarcia@", {}, "the school's word after four of her names"],
    ["Lincoln Elementary Library", "library.lincoln@", { jobTitle: "Librarian" }, "a person's job title"],
    ["Erik Berg Roosevelt High School", "erik.berg@", {}, "her own mailbox, no desk's word"],
    ["Erik Berg", "attendance.berg@", {}, "no school's word"],
  ])("%s at `%s` stays human (%s)", (name, mailbox, fields) => {
    for (const seed of SEEDS) {
      const f = judged(seed, invitedUntitled(name, `${mailbox}${DOMAIN}`, fields));
      expect([seed, f.verdict], explain(f)).toEqual([seed, "human"]);
    }
  });
});

describe("(2) a kiosk in French, Borne first before a common noun", () => {
  // Failed before: `human`.
  it.each([
    ["Borne bibliothèque - École élémentaire Le Sentier", "kiosk.le.library@"],
    ["Borne d'accueil Hall B", "accueil.hallb@"],
    ["Borne laboratoire - École élémentaire Le Sentier", "kiosk.le.room114@"],
  ])("%s at `%s` is reviewed as a device", (name, mailbox) => {
    for (const seed of SEEDS) {
      const f = judged(seed, invitedUntitled(name, `${mailbox}${DOMAIN}`));
      expect([seed, f.verdict], explain(f)).toEqual([seed, "likely-bot"]);
      expect(f.signals.find((s) => s.id === "automation-identity")?.evidence, explain(f)).toMatch(/named as a device is/);
    }
  });

  // Each stays `human`, before and after.
  it.each([
    ["Borne Élisabeth", "elisabeth.borne@"],
    ["BORNE Élisabeth - DRH", "eborne@"],
    ["Élisabeth Borne", "e.borne@"],
  ])("%s at `%s` stays human", (name, mailbox) => {
    for (const seed of SEEDS) {
      const f = judged(seed, invitedUntitled(name, `${mailbox}${DOMAIN}`));
      expect([seed, f.verdict], explain(f)).toEqual([seed, "human"]);
    }
  });
});

describe("(3) rooms and desks in words the lists lacked", () => {
  // Failed before: `human` (but for "Schulungsraum 2" and "Recepce Brno").
  it.each([
    ["BNE Training Room", "trainingroom.bne@", false],
    ["Training Room Kraków", "szkolenia@", false],
    ["Sala Szkoleniowa", "szkolenia@", false],
    ["Schulungsraum 2", "schulung2@", false],
    ["Mesa de Ayuda TI", "mesadeayuda@", false],
    ["Soutien informatique CSRO", "soutien.informatique@", false],
    ["Recepcja Warszawa 2", "recepcja.warszawa2@", true],
    ["Stores COO", "stores.coo@", true],
    ["Bodega Cerro Pardo", "bodega.cpd@", true],
    ["Recepce Brno", "recepce.brno@", true],
  ])("%s at `%s` is reviewed as shared", (name, mailbox, otp) => {
    for (const seed of SEEDS) {
      for (const managementSource of ["invited", "synced"] as const) {
        const f = judged(seed, invitedUntitled(name, `${mailbox}${DOMAIN}`, { managementSource }), otp);
        expect([seed, managementSource, f.verdict], explain(f)).toEqual([seed, managementSource, "likely-bot"]);
      }
    }
  });

  // Each stays `human`, before and after.
  it.each<[string, string, Raw]>([
    ["Anna Berg - Training Room Bookings", "anna.berg@", {}],
    ["Erik Lindqvist", "erik.lindqvist@", { jobTitle: "Training Room Coordinator" }],
    ["Training Room Kraków", "szkolenia@", { jobTitle: "Office Manager" }],
    ["Bodega Anna", "anna.bodega@", {}],
    ["Stores Anna", "anna.stores@", {}],
    ["Marta Mesa", "marta.mesa@", {}],
  ])("%s at `%s` stays human", (name, mailbox, fields) => {
    for (const seed of SEEDS) {
      const f = judged(seed, invitedUntitled(name, `${mailbox}${DOMAIN}`, fields), true);
      expect([seed, f.verdict], explain(f)).toEqual([seed, "human"]);
    }
  });
});
