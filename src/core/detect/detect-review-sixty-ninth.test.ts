// Attack round on c2ec902 (the changes since fd8deb6): Turkish team nouns (şubesi, vardiya) and
// the new on-duty words (Dyżur, Päivystys, Bereitschaft, Nöbetçi, Pohotovost), CJK_SHARED_LAST,
// the `int`/`sys` tag before a role mailbox, the stem of a name word in `mailboxOfTheName`,
// HYPHENED_INTEGRATION, `deskEveryDay` (a fifth of the gaps, CONTROLLED, the desk word before a
// note) and the new job words (publisher) and role words (pentest, redteam). Mostly PEOPLE who
// must stay `human`, and a few shared and automation accounts the new rules are meant to review.
//
// First run (c2ec902): 97 cases, 16 failed. 14 people reviewed (shared-use), each `human` on
// fd8deb6: a given name's short form read as a word's stem (Christopher Station at
// `chris.station@`, Elisabeth Hub at `elisa.hub@`), a tag before a surname that is a role word
// (Peter Lohn at `sys-lohn@`, Julia Klager at `int-klager@`), and the Korean given name 공유 after a
// two-syllable surname (황보공유). Fixed: a stem only of a word after the first, a tag only before
// the role the display name is, the Korean shared words only after a space. Two team accounts were
// missed on both commits ("Beşiktaş Şubesi" at `sube.besiktas@`, "Bereitschaft Netzleitstelle" at
// `bereitschaft.netz@`, a stem of four letters); a stem of four letters now counts.
//
// Left out, with why: a person who signs in two to four times every day, weekends too (the office
// and an evening look on the phone), is `likely-bot` on fd8deb6 already (every-day rule), so no
// case isolates the lower hand-over share; "Hangar Lena" and "Giuseppe Scalo" at `beppe.scalo@`, on
// call, are `likely-bot` on both commits for the same reason.
import { describe, expect, it } from "vitest";
import { account, EMPTY, wrongRuns, type Raw } from "../../../test/helpers/people-audit.js";
import { atWorkCodes, guest, judged, morningSignIns, recentUi, team, untitled, withCli } from "../../../test/helpers/name-attacks.js";
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



// =============================================================================================
// PEOPLE who must stay `human`.
// =============================================================================================

describe("TEAM_NOUN şubesi/vardiya: Turkish people with a branch or a shift in the name", () => {
  it.each([
    ["Mehmet Şube", "mehmet.sube@bank.example", "Şube, a Turkish surname"],
    ["Emre Kaya (Vardiya Amiri)", "emre.kaya@fabrika.example", "his role as shift supervisor in brackets"],
    ["Emre Kaya – Vardiya B", "emre.kaya@fabrika.example", "his shift after a dash"],
    ["Zeynep Arslan - Kadıköy Şubesi", "zeynep.arslan@bank.example", "her branch after a dash"],
    ["Zeynep Arslan (Kadıköy Şubesi)", "zarslan@bank.example", "her branch in brackets, initial and surname"],
    ["Hakan Vardiyalı", "hakan.vardiyali@fabrika.example", "a surname that starts with the word"],
  ])("%s at %s (%s), untitled, stays human", (name, email) => {
    none(wrong(isHuman, (seed) => untitled(seed, name, email)));
  });

  it.each([
    ["Mehmet Şube", "mehmet.sube@bank.example"],
    ["Emre Kaya – Vardiya B", "emre.kaya@fabrika.example"],
    ["Zeynep Arslan (Kadıköy Şubesi)", "zarslan@bank.example"],
  ])("%s at %s, with his or her own CLI token, stays human", (name, email) => {
    none(wrong(isHuman, (seed) => untitledCli(seed, name, email)));
  });

  it.each([
    ["Emre Kaya – Vardiya B", "emre.kaya@fabrika.example"],
    ["Ayşe Vardiya", "ayse.vardiya@fabrika.example"],
    ["Mehmet Şube", "mehmet.sube@bank.example"],
  ])("%s at %s, on call every day, stays human", (name, email) => {
    none(wrong(isHuman, (seed) => onCallPerson(seed, name, email)));
  });
});

describe("ON_DUTY_ROLE and DESK_WORD: people on call with the duty word after their name", () => {
  it.each([
    ["Anna Kowalska (Dyżur)", "anna.kowalska@szpital.example", "Polish: on duty, in brackets"],
    ["Jukka Virtanen – Päivystys", "jukka.virtanen@sairaala.example", "Finnish: on call, after a dash"],
    ["Thomas Müller / Bereitschaft", "thomas.mueller@stadtwerke.example", "German: standby, after a slash"],
    ["Jan Novák – Pohotovost", "jan.novak@nemocnice.example", "Czech: standby, after a dash"],
    ["Dr. Ayşe Demir (Nöbetçi)", "ayse.demir@hastane.example", "Turkish: on duty, in brackets"],
    ["Kowalska Anna (Dyżur)", "anna.kowalska@szpital.example", "surname first, on duty in brackets"],
  ])("%s at %s (%s), on call every day, stays human", (name, email) => {
    none(wrong(isHuman, (seed) => onCallPerson(seed, name, email)));
  });

  it.each([
    ["Anna Kowalska (Dyżur)", "anna.kowalska@szpital.example"],
    ["Thomas Müller / Bereitschaft", "thomas.mueller@stadtwerke.example"],
    ["Jukka Virtanen – Päivystys", "jukka.virtanen@sairaala.example"],
  ])("%s at %s, untitled at work, stays human", (name, email) => {
    none(wrong(isHuman, (seed) => untitled(seed, name, email)));
  });
});

describe("CJK_SHARED_LAST: names close to a word for shared", () => {
  it.each([
    ["共田 健一", "kenichi.tomoda@denki.example", "Tomoda, a Japanese surname with 共"],
    ["公有 美咲", "misaki.kimiari@denki.example", "a surname with 公有 (not 共有)"],
    ["Kenji Kyōyū", "kenji.kyoyu@denki.example", "the shared word romanised, as a surname"],
    ["황보공유", "gongyu.hwangbo@hanguk.example", "Hwangbo Gong-yu, a two-syllable surname and the given name Gong-yu"],
    ["선우공유", "gongyu.sunwoo@hanguk.example", "Sunwoo Gong-yu"],
  ])("%s at %s (%s), untitled, stays human", (name, email) => {
    none(wrong(isHuman, (seed) => untitled(seed, name, email)));
  });

  it.each([
    ["황보공유", "gongyu.hwangbo@hanguk.example"],
    ["선우공유", "gongyu.sunwoo@hanguk.example"],
  ])("%s at %s, with his own CLI token, stays human", (name, email) => {
    none(wrong(isHuman, (seed) => untitledCli(seed, name, email)));
  });

  it("황보공유 at gongyu.hwangbo@, an invited contractor, stays human", () => {
    none(wrong(isHuman, (seed) => guest(seed, "황보공유", "gongyu.hwangbo@hanguk.example")));
  });
});

describe("int- and sys- tags: an intern's mailbox and an administrator's second account", () => {
  it.each([
    ["Anna Berg", "int-anna.berg@virasto.example", "an intern's mailbox"],
    ["Piotr Kowalski", "sys-admin.kowalski@firma.example", "his admin account"],
    ["Peter Lohn", "sys-lohn@stadtwerke.example", "Lohn, a German surname (lohn: payroll)"],
    ["Frank Press", "sys-press@verlag.example", "Press, a surname (press: the press office)"],
    ["Julia Klager", "int-klager@firma.example", "Klager, a German surname (klager: Norwegian complaints)"],
  ])("%s at %s (%s), untitled, stays human", (name, email) => {
    none(wrong(isHuman, (seed) => untitled(seed, name, email)));
  });

  it.each([
    ["Piotr Kowalski", "sys-admin.kowalski@firma.example"],
    ["Peter Lohn", "sys-lohn@stadtwerke.example"],
    ["Frank Press", "sys-press@verlag.example"],
    ["Julia Klager", "int-klager@firma.example"],
  ])("%s at %s, his or her own CLI token in use, stays human", (name, email) => {
    none(wrong(isHuman, (seed) => untitledCli(seed, name, email)));
  });

  it.each([
    ["Anna Berg", "int-anna.berg@virasto.example"],
    ["Julia Klager", "int-klager@firma.example"],
    ["Peter Lohn", "sys-lohn@stadtwerke.example"],
  ])("%s at %s, invited (an intern, an administrator's second account), stays human", (name, email) => {
    none(wrong(isHuman, (seed) => guest(seed, name, email)));
  });
});

describe("mailboxOfTheName: a mailbox token that is the start of a longer name word", () => {
  it.each([
    ["Mehmet Yılmazoğlu", "mehmet.yilmaz@holding.example", "the mailbox drops -oğlu"],
    ["Jaana Korhonen-Virtanen", "jaana.korho@virasto.example", "a hyphenated surname cut short"],
    ["Christopher Station", "chris.station@railway.example", "Station, a surname; Chris for Christopher"],
    ["Stephanie Station", "steph.station@railway.example", "Steph for Stephanie"],
    ["Alexander Control", "alexa.control@grid.example", "a shortened given name beside a desk-word surname"],
    ["Elisabeth Hub", "elisa.hub@logistik.example", "Hub, a German surname; Elisa for Elisabeth"],
  ])("%s at %s (%s), untitled, stays human", (name, email) => {
    none(wrong(isHuman, (seed) => untitled(seed, name, email)));
  });

  it.each([
    ["Christopher Station", "chris.station@railway.example"],
    ["Stephanie Station", "steph.station@railway.example"],
    ["Elisabeth Hub", "elisa.hub@logistik.example"],
    ["Christian Station", "chris.station@railway.example"],
    ["Mehmet Yılmazoğlu", "mehmet.yilmaz@holding.example"],
  ])("%s at %s, with his or her own CLI token, stays human", (name, email) => {
    none(wrong(isHuman, (seed) => untitledCli(seed, name, email)));
  });

  it.each([
    ["Christopher Station", "chris.station@railway.example"],
    ["Elisabeth Hub", "elisa.hub@logistik.example"],
  ])("%s at %s, an invited contractor, stays human", (name, email) => {
    none(wrong(isHuman, (seed) => guest(seed, name, email)));
  });

  it.each([
    ["Christopher Station", "chris.station@railway.example"],
    ["Stephanie Station", "steph.station@railway.example"],
  ])("%s at %s, on call every day, stays human", (name, email) => {
    none(wrong(isHuman, (seed) => onCallPerson(seed, name, email)));
  });
});

describe("HYPHENED_INTEGRATION: people's names with a hyphen", () => {
  it.each([
    ["Anna Nilsson-Integration", "anna.nilsson@myndighet.example"],
    ["Koppeling-de Vries", "j.koppeling@gemeente.example"],
    ["Jan Schnittstelle-Maier", "jan.maier@werk.example"],
  ])("%s at %s, untitled, stays human", (name, email) => {
    none(wrong(isHuman, (seed) => untitled(seed, name, email)));
  });
});

describe("deskEveryDay: people with surnames of what is controlled or a desk's word, on call every day", () => {
  it.each([
    ["Rebecca Crew", "rebecca.crew@airline.example", "Crew, an English surname"],
    ["James Flight", "james.flight@airline.example", "Flight, an English surname"],
    ["Sarah Load", "sarah.load@airline.example", "Load, a surname"],
    ["Tom Cargo", "tom.cargo@airline.example", "Cargo, a surname"],
    ["Anna Stock", "anna.stock@airline.example", "Stock, a German and English surname"],
    ["Giulia Scalo", "giulia.scalo@aeroporto.example", "Scalo, an Italian surname and a desk's word"],
    ["Crew Rebecca", "rebecca.crew@airline.example", "surname first, a word of what is controlled"],
    ["Flight James", "james.flight@airline.example", "surname first"],
    ["Stock Anna", "anna.stock@airline.example", "surname first"],
    ["Anna Control (Technik)", "anna.control@airline.example", "her department in brackets"],
    ["Lena Hangar – Technik", "lena.hangar@airline.example", "her department after a dash"],
    ["Rebecca Crew (Ground Operations)", "rebecca.crew@airline.example", "her department in brackets"],
    ["Rebecca Crew – Crew Control", "rebecca.crew@airline.example", "her desk after a dash"],
    ["Tom Cargo / Cargo Kontor", "tom.cargo@airline.example", "his desk after a slash"],
  ])("%s at %s (%s), on call every day at the office PC, untitled, stays human", (name, email) => {
    none(wrong(isHuman, (seed) => onCallPerson(seed, name, email)));
  });
});

describe("JOB_WORD publisher and the pen-test role words: people", () => {
  it.each(["Publisher", "Publicador", "Associate Publisher", "Web Publisher"])("a newspaper's %s, synced without department or photo, signing in each morning, stays human", (jobTitle) => {
    none(wrong(isHuman, (seed) => judged(seed, account("x", { name: "Margaret Hollis", email: "margaret.hollis@courier.example", managementSource: "synced", ...EMPTY, jobTitle, ...recentUi }), morningSignIns(seed, true))));
  });

  it.each(["Publisher", "Publicador"])("a person titled %s at work with email codes stays human", (jobTitle) => {
    none(wrong(isHuman, (seed) => atWorkCodes(seed, "Margaret Hollis", "margaret.hollis@courier.example", { jobTitle, managementSource: "synced", department: null, picture: null })));
  });

  it.each(["Publisher", "Publicador"])("a person titled %s on call every day, no photo, stays human", (jobTitle) => {
    none(wrong(isHuman, (seed) => judged(seed, account("x", { name: "Margaret Hollis", email: "margaret.hollis@courier.example", jobTitle, picture: null, ...recentUi }), planDays(seed, onCall) as Raw[])));
  });

  it.each([
    ["Jonas Berg", "pentest.jb@securitas-consult.example", "an outside pen-tester, the firm's prefix and his initials"],
    ["Omar Haddad", "redteam.oh@acme.example", "a red-teamer's own account"],
  ])("%s at %s (%s), an invited guest, stays human", (name, email) => {
    none(wrong(isHuman, (seed) => guest(seed, name, email)));
  });
});

// =============================================================================================
// SHARED and AUTOMATION accounts the new rules should review.
// =============================================================================================

describe("shared and automation accounts the new rules review", () => {
  it.each([
    ["Beşiktaş Şubesi", "sube.besiktas@bank.example"],
    ["Paketleme Vardiyası", "paketleme.vardiya@fabrika.example"],
    ["Bereitschaft Netzleitstelle", "bereitschaft.netzleitstelle@stadtwerke.example"],
    ["Bereitschaft Netzleitstelle", "bereitschaft.netz@stadtwerke.example"],
    ["Beşiktaş Şubesi", "besiktas.subesi@bank.example"],
    ["Päivystys Tietohallinto", "paivystys.it@kunta.example"],
    ["購買 共有", "kobai@denki.example"],
    ["Hankinnat", "int-hankinnat@virasto.example"],
    ["Satınalma Operasyonları Ekibi", "satinalma.operasyon@holding.example"],
  ])("%s at %s, a team's account, is reviewed", (name, email) => {
    none(wrong(notHuman, (seed) => team(seed, name, email)));
  });

  it.each([
    ["Muhasebe-Entegrasyonu", "muhasebe-entegrasyon@holding.example"],
    ["Lohn-Schnittstelle", "lohn-schnittstelle@werk.example"],
    ["Faktura-integrace 2", "faktura.integrace2@firma.example"],
  ])("%s at %s, a technical user, is reviewed", (name, email) => {
    none(wrong(notHuman, (seed) => technicalUser(seed, name, email)));
  });

  it.each([
    ["Cargo Kontor", "cargo.kontor@airline.example"],
    ["Ground Handling", "groundhandling@airline.example"],
  ])("%s, a desk on two shifts every day from its own PC, is reviewed", (name, email) => {
    none(wrong(notHuman, (seed) => twoShiftDesk(seed, name, email)));
  });
});
