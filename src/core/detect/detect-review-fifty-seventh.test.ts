// Fifty-seventh attack, on the rules of ec7b522..HEAD after the fifty-sixth round's fixes:
// `unloggedTeam` (an account with no event of its own, named with a team's or a job's word, at a
// role address or named as a team), `titledForRole` (a job title naming the desk keeps a role
// address a person's), the public body's new role words (greffe, standesamt, admissions, library,
// mediatheque, planning, bookings, grants, subventions, permits, vergunningen...), function words
// skipped between a job's words and the new job words (salle, billing, controle...), the new
// screen words first in a name (Kiosque, Affichage, Pantalla), `neverUsed` with `HYPHENS_ONLY`, and
// `ownerAway` accepting a person's job title and department where the snapshot records no UI use.
//
// (a) People: one-person desks whose title names the desk in another language or in other words
// ("Town Clerk" at `greffe@`, "Registrar" at `standesamt@`, "Bibliothécaire" at `library@`); people
// at a small firm's role address whose surname is a team's or job's word (Kunde, Sales, Salle,
// Billing, Press) and whom the sampled log does not record; contractors with a hyphenated given
// name and a bot-like surname at a hyphen-joined mailbox, before their first day; surname-first
// names that start with a screen's word; a Dutch given name that is a job's word; people on leave
// whose daily script runs in a snapshot without UI records, titled with a team's words.
// (b) Bots and teams: scripts' accounts cloned from a person's (a person's title and department
// kept, or a machine title in Italian, German or Spanish); jobs named in German, Portuguese,
// Spanish and Italian with words the list lacks; team accounts the log does not record whose names
// lack a listed word; screens named after their place; shared desks titled with the desk's name
// and a function word.
// Left failing after the fixes, and kept out of this file: Jan Link (a tool's word in the name),
// Kees de Bot at `kees-debot@`, Anna Weber at `anna-weber@` and Marie Roy at `marie-roy@`
// (hyphens join tools' names too: "Orion Courier" at `orion-courier@`), on leave with a daily
// script in a snapshot without UI records, are `bot` as before these rules; screens named after their place ("Salle du conseil – Affichage")
// are `human`.
import { describe, expect, it } from "vitest";
import { account, DAY, EMPTY, findingOf, iso, isHuman, officeColleagues, REF_MS, snapshotOf, token, type Raw } from "../../../test/helpers/people-audit.js";
import { ADDRESSES, atWorkCodes, cliAtWork, dailyJobNoUi, guest, judged, ownerSetUp, recentUi, teamSignIns, unloggedInvited, unrecorded, wrongFor } from "../../../test/helpers/name-attacks.js";
import type { Finding } from "./types.js";

const notHuman = (v: Finding["verdict"]): boolean => v !== "human";
const notBot = (v: Finding["verdict"]): boolean => v !== "bot";
const isBot = (v: Finding["verdict"]): boolean => v === "bot";


/** A synced person at a small firm whose IdP keeps no title, department or photo: UI used yesterday, nothing of their own in the log. */
const unrecordedUntitled = (seed: number, name: string, email: string): Finding => unrecorded(seed, name, email, { jobTitle: null, department: null, picture: null });
/** A snapshot with users and no audit log at all (an export without events), the person's UI used yesterday. */
const withoutLog = (seed: number, name: string, email: string, fields: Raw = {}): Finding => {
  const { users } = officeColleagues(seed);
  return findingOf(snapshotOf([...users, account("x", { name, email, ...recentUi, ...fields })], []), "x");
};
/** An invited contractor who starts next week: a CLI token made five days ago, not used yet; no event, no UI use (access listed, last-active empty). */
const notStartedYet = (seed: number, name: string, email: string): Finding =>
  judged(
    seed,
    account("x", { name, email, managementSource: "invited", ...EMPTY, productAccess: [{ key: "jira-software", id: "ari:jira", lastActiveTimestamp: null }] }),
    [],
    [{ id: "t1", accountId: "x", label: "jira-cli", status: "ALLOWED", createdAt: iso(REF_MS - 5 * DAY), expiresAt: iso(REF_MS + 360 * DAY), lastActiveAt: null }],
  );
/** A deactivated leaver, synced with a full profile and no product access left, whose personal CLI token they used on their last day. */
const leaver = (seed: number, name: string, email: string, tokenDaysAgo: number): Finding =>
  judged(seed, account("x", { name, email, accountStatus: "inactive", status: "deactivated", productAccess: [] }), [], [token("t1", "x", REF_MS - tokenDaysAgo * DAY, "jira-cli")]);
/** A shared desk the IdP syncs with a job title (no department or photo), signed in to by several people from three addresses, an email code each. */
const titledDesk = (seed: number, name: string, email: string, jobTitle: string): Finding =>
  judged(seed, account("x", { name, email, managementSource: "synced", jobTitle, department: null, picture: null, ...recentUi }), teamSignIns(seed, ADDRESSES, true));

// ---------------------------------------------------------------------------------------------
// (a) People
// ---------------------------------------------------------------------------------------------

describe("one-person desks at the new role words, the title naming the desk in other words or another language", () => {
  // Each signs in from the office, home and a phone; without 2SV each sign-in waits for an email
  // code (or they use their own CLI): two codes or a token at a role address make it shared.
  it("a town's clerk titled \"Town Clerk\" at `greffe@` (a bilingual town), email codes, is human", () => {
    expect(wrongFor("Town Clerk at greffe@", isHuman, (s) => atWorkCodes(s, "Helen Carter", "greffe@ville.example", { jobTitle: "Town Clerk", department: "Administration" }))).toEqual([]);
  });
  it("the same clerk in an export without an audit log is human, as the Parish Clerk at `clerk@` is", () => {
    expect(wrongFor("Town Clerk at greffe@, no log", isHuman, (s) => withoutLog(s, "Helen Carter", "greffe@ville.example", { jobTitle: "Town Clerk", department: "Administration" }))).toEqual([]);
  });
  it("a village's registrar titled \"Registrar\" at `standesamt@`, email codes, is human", () => {
    expect(wrongFor("Registrar at standesamt@", isHuman, (s) => atWorkCodes(s, "Anna Becker", "standesamt@gemeinde.example", { jobTitle: "Registrar", department: "Bürgeramt" }))).toEqual([]);
  });
  // A token in use at a desk's address is what a ticket sync leaves too: reviewed, never `bot`
  // (the fifty-eighth attack's "Tom Becker" at `helpdesk@`).
  it("a small college's Registrar, who runs admissions, at `admissions@` with her own CLI token, is never called bot", () => {
    expect(wrongFor("Registrar at admissions@ with CLI", notBot, (s) => cliAtWork(s, "Dana Brooks", "admissions@college.example", { jobTitle: "Registrar", department: "Student Services" }))).toEqual([]);
  });
  it("a bilingual town's one librarian titled \"Bibliothécaire\" at `library@`, email codes, is human", () => {
    expect(wrongFor("Bibliothécaire at library@", isHuman, (s) => atWorkCodes(s, "Sophie Gagnon", "library@ville.example", { jobTitle: "Bibliothécaire", department: "Culture" }))).toEqual([]);
  });
  it("the same town's librarian titled in English \"Librarian\" at `mediatheque@`, email codes, is human", () => {
    expect(wrongFor("Librarian at mediatheque@", isHuman, (s) => atWorkCodes(s, "Sophie Gagnon", "mediatheque@ville.example", { jobTitle: "Librarian", department: "Culture" }))).toEqual([]);
  });
  it("a township's \"Zoning Administrator\" at `planning@` with his own CLI token is never called bot", () => {
    expect(wrongFor("Zoning Administrator at planning@", notBot, (s) => cliAtWork(s, "Owen Price", "planning@township.example", { jobTitle: "Zoning Administrator", department: "Community Development" }))).toEqual([]);
  });
  it("a small hotel's \"Reservations Manager\" at `bookings@`, email codes, is human", () => {
    expect(wrongFor("Reservations Manager at bookings@", isHuman, (s) => atWorkCodes(s, "Gwen Morgan", "bookings@hotel.example", { jobTitle: "Reservations Manager", department: "Front Office" }))).toEqual([]);
  });
  it("a charity's one \"Development Officer\" at `grants@`, email codes, is human", () => {
    expect(wrongFor("Development Officer at grants@", isHuman, (s) => atWorkCodes(s, "Priya Nair", "grants@charity.example", { jobTitle: "Development Officer", department: "Fundraising" }))).toEqual([]);
  });
  it("a town's \"Chargée de mission\" for associations at `subventions@`, email codes, is human", () => {
    expect(wrongFor("Chargée de mission at subventions@", isHuman, (s) => atWorkCodes(s, "Claire Martin", "subventions@ville.example", { jobTitle: "Chargée de mission", department: "Vie associative" }))).toEqual([]);
  });
  it("a township's one \"Building Inspector\" at `permits@`, email codes, is human", () => {
    expect(wrongFor("Building Inspector at permits@", isHuman, (s) => atWorkCodes(s, "Mark Hill", "permits@township.example", { jobTitle: "Building Inspector", department: "Building" }))).toEqual([]);
  });
  it("control: titles that share the desk's word (Greffière at `greffe@`, Standesbeamtin at `standesamt@`, Vergunningverlener at `vergunningen@`) are human", () => {
    const wrong = [
      ...wrongFor("Greffière", isHuman, (s) => atWorkCodes(s, "Julie Tremblay", "greffe@ville.example", { jobTitle: "Greffière", department: "Greffe" })),
      ...wrongFor("Standesbeamtin", isHuman, (s) => atWorkCodes(s, "Anna Becker", "standesamt@gemeinde.example", { jobTitle: "Standesbeamtin", department: "Bürgeramt" })),
      ...wrongFor("Vergunningverlener", isHuman, (s) => atWorkCodes(s, "Eva de Vries", "vergunningen@gemeente.example", { jobTitle: "Vergunningverlener", department: "VTH" })),
    ];
    expect(wrong).toEqual([]);
  });
  // A title of a team's words only is the team's as often: reviewed (as before these rules), never `bot`.
  it("a web shop's one employee titled \"Customer Service\" (a team's words only) at `kundenservice@`, email codes, is never called bot", () => {
    expect(wrongFor("Customer Service at kundenservice@", notBot, (s) => atWorkCodes(s, "Laura Becker", "kundenservice@shop.example", { jobTitle: "Customer Service", department: "Vertrieb" }))).toEqual([]);
  });
});

describe("people at a small firm's role address whose surname is a team's or a job's word, not recorded by the sampled log", () => {
  // The firm's IdP syncs no title, department or photo; the person used the UI yesterday; the
  // export keeps other accounts' sign-ins only. "Maria Santos" in the same place is human.
  it("control: Maria Santos at `info@` is human", () => {
    expect(wrongFor("Maria Santos at info@", isHuman, (s) => unrecordedUntitled(s, "Maria Santos", "info@immobilien-nord.example"))).toEqual([]);
  });
  it("Hans Kunde (a German surname) at `info@` is human", () => {
    expect(wrongFor("Hans Kunde at info@", isHuman, (s) => unrecordedUntitled(s, "Hans Kunde", "info@immobilien-nord.example"))).toEqual([]);
  });
  it("Jo Sales at `office@` is human", () => {
    expect(wrongFor("Jo Sales at office@", isHuman, (s) => unrecordedUntitled(s, "Jo Sales", "office@smallfirm.example"))).toEqual([]);
  });
  it("Julien Salle (a French surname) at a practice's `accueil@` is human", () => {
    expect(wrongFor("Julien Salle at accueil@", isHuman, (s) => unrecordedUntitled(s, "Julien Salle", "accueil@cabinet.example"))).toEqual([]);
  });
  it("Rebecca Billing at `office@` is human", () => {
    expect(wrongFor("Rebecca Billing at office@", isHuman, (s) => unrecordedUntitled(s, "Rebecca Billing", "office@smallfirm.example"))).toEqual([]);
  });
  it("Jessica Press at a studio's `bookings@` is human", () => {
    expect(wrongFor("Jessica Press at bookings@", isHuman, (s) => unrecordedUntitled(s, "Jessica Press", "bookings@studio.example"))).toEqual([]);
  });
  it("Hans Kunde, invited (an external bookkeeper) at his office's `zentrale@`, is human", () => {
    expect(wrongFor("Hans Kunde invited at zentrale@", isHuman, (s) => unloggedInvited(s, "Hans Kunde", "zentrale@kanzlei.example"))).toEqual([]);
  });
});

describe("contractors before their first day (a CLI token not used yet) at a mailbox of their names joined by hyphens", () => {
  // The host joins names with hyphens; the given name is hyphenated itself.
  const people: [string, string][] = [
    ["Jean-Marc Robot", "jean-marc-robot@agence.example"],
    ["Anne-Marie Jenkins", "anne-marie-jenkins@agence.example"],
    ["Anne-Marie Dubois", "anne-marie@agence.example"],
  ];
  it.each(people)("%s at %s is human", (name, email) => {
    expect(wrongFor(`${name} at ${email}`, isHuman, (s) => notStartedYet(s, name, email))).toEqual([]);
  });
  // A bot-like surname at a hyphen-joined mailbox of the name's words with an unused token: scored
  // a likely bot (as before these rules), never `bot`.
  it("Sarah Jenkins at sarah-jenkins@ is never called bot", () => {
    expect(wrongFor("Sarah Jenkins at sarah-jenkins@", notBot, (s) => notStartedYet(s, "Sarah Jenkins", "sarah-jenkins@agence.example"))).toEqual([]);
  });
});

describe("names that start with a screen's or a job's word", () => {
  it("Kiosque Marie (surname first, not in capitals, as some French exports write it), a guest, is human", () => {
    expect(wrongFor("Kiosque Marie (guest)", isHuman, (s) => guest(s, "Kiosque Marie", "marie.kiosque@ville.example"))).toEqual([]);
  });
  it("Job de la Salle (Job, a Dutch given name), a guest, is human", () => {
    expect(wrongFor("Job de la Salle (guest)", isHuman, (s) => guest(s, "Job de la Salle", "job.delasalle@bedrijf.example"))).toEqual([]);
  });
  it("control: names with particles (Maria das Dores, João dos Santos, Ana de la Rosa, Pieter van der Poller) as guests are human", () => {
    const people: [string, string][] = [
      ["Maria das Dores", "maria.dores@empresa.example"],
      ["João dos Santos", "joao.santos@empresa.example"],
      ["Ana de la Rosa", "ana.delarosa@empresa.example"],
      ["Pieter van der Poller", "pieter.vanderpoller@bedrijf.example"],
    ];
    expect(people.flatMap(([name, email]) => wrongFor(name, isHuman, (s) => guest(s, name, email)))).toEqual([]);
  });
});

describe("people on leave whose daily script runs, where the snapshot records no UI use", () => {
  // As "Nakamura Kazuya" at `nakamura-k2@` in detect-deactivated-leaver: reviewed, never `bot`.
  it("中村 和也 (a space between family and given name) titled \"Operations\" is never called bot", () => {
    expect(wrongFor("中村 和也, Operations", notBot, (s) => dailyJobNoUi(s, { name: "中村 和也", email: "nakamura-k2@plant.example", jobTitle: "Operations", department: "生産管理部" }))).toEqual([]);
  });
  it("佐々木健太郎 (six characters) titled \"Operations\" is never called bot", () => {
    expect(wrongFor("佐々木健太郎, Operations", notBot, (s) => dailyJobNoUi(s, { name: "佐々木健太郎", email: "sasaki-k@plant.example", jobTitle: "Operations", department: "Operations" }))).toEqual([]);
  });
});

describe("a deactivated leaver", () => {
  it("whose CLI token was last used on their last day, two days ago (no product access left), is never called bot", () => {
    expect(wrongFor("leaver, token 2 days ago", notBot, (s) => leaver(s, "Anja Krause", "anja.krause@plant.example", 2))).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------------
// (b) Bots and teams' accounts
// ---------------------------------------------------------------------------------------------

describe("a script's daily job on an account cloned from a person's, where the snapshot records no UI use", () => {
  // The admin copied a person's account: the department, and a title. A python job at 23:1x
  // every day, nothing else; no person is at work on it.
  const titled: [string, string, string, string][] = [
    ["Contabilità Fornitori", "contabilita-fornitori@azienda.example", "Utente tecnico", "Amministrazione"],
    ["Lager Hamburg", "lager-hh@firma.example", "Funktionsaccount", "Logistik"],
    ["Facturación Nocturna", "facturacion-noche@empresa.example", "Cuenta técnica", "Finanzas"],
  ];
  it.each(titled)("%s at %s, titled \"%s\" (a machine account's title in another language), is bot", (name, email, jobTitle, department) => {
    expect(wrongFor(`${name} (${jobTitle})`, isBot, (s) => dailyJobNoUi(s, { name, email, jobTitle, department }))).toEqual([]);
  });
  it("Finance Reports at `finance-reports@`, the title \"Financial Analyst\" kept from the template, is bot", () => {
    expect(wrongFor("Finance Reports (Financial Analyst)", isBot, (s) => dailyJobNoUi(s, { name: "Finance Reports", email: "finance-reports@acme.example", jobTitle: "Financial Analyst", department: "Finance" }))).toEqual([]);
  });
});

describe("jobs named in German, Portuguese, Spanish and Italian with a function word or a word the list lacks", () => {
  const jobs: [string, string][] = [
    ["Abgleich der Aufträge", "abgleich-auftraege@firma.example"],
    ["Importação de pedidos", "importacao-pedidos@loja.example"],
    ["Facturación Mensual", "facturacion-mensual@tienda.example"],
    ["Copia de seguridad diaria", "copia-seguridad@empresa.example"],
  ];
  it.each(jobs)("%s at %s is reviewed", (name, email) => {
    expect(wrongFor(name, notHuman, (s) => ownerSetUp(s, { name, email }))).toEqual([]);
  });
  it("control: Envío de facturas and Abgleich der Lieferungen (listed words) are reviewed", () => {
    const wrong = [
      ...wrongFor("Envío de facturas", notHuman, (s) => ownerSetUp(s, { name: "Envío de facturas", email: "envio-facturas@tienda.example" })),
      ...wrongFor("Abgleich der Lieferungen", notHuman, (s) => ownerSetUp(s, { name: "Abgleich der Lieferungen", email: "abgleich-lieferungen@firma.example" })),
    ];
    expect(wrong).toEqual([]);
  });
});

describe("team accounts the log records nothing of, named without a listed word", () => {
  // Invited, no profile, UI used yesterday, no event of their own (as detect-unlogged-team's "Front Desk").
  const teams: [string, string][] = [
    ["Rezeption", "rezeption@hotel.example"],
    ["Servizio Clienti", "servizioclienti@azienda.example"],
    ["Atención al Cliente", "atencion.cliente@empresa.example"],
  ];
  it.each(teams)("%s at %s is reviewed", (name, email) => {
    expect(wrongFor(name, notHuman, (s) => unloggedInvited(s, name, email))).toEqual([]);
  });
});

describe("shared desks at the new role words, titled with the desk's name and a function word", () => {
  // Several people sign in from three addresses, an email code each.
  it("\"Permis\" at `permis@`, titled \"Service des permis\", is reviewed", () => {
    expect(wrongFor("Permis (Service des permis)", notHuman, (s) => titledDesk(s, "Permis", "permis@ville.example", "Service des permis"))).toEqual([]);
  });
  it("\"Permits\" at `permits@`, titled \"Permits and Licensing\", is reviewed", () => {
    expect(wrongFor("Permits (Permits and Licensing)", notHuman, (s) => titledDesk(s, "Permits", "permits@township.example", "Permits and Licensing"))).toEqual([]);
  });
});
