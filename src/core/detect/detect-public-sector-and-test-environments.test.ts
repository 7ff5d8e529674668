// Readings from a French public body's, a mining group's, a game studio's and an airline's orgs,
// all `human` before:
// - jobs and robots named in French: a connector, a gateway, an extraction, a batch, a technical
//   account, a virtual agent, a BI refresh, and the ETL suites that run them ("Chorus Pro
//   Connecteur", "BATCH MVS" at `ct-mvs@`, "Agent virtuel 03", "talend-batch"), and a no-code
//   bot called "Beep Boop";
// - acceptance tests' accounts, by their French words ("Recette MOA", "Compte Homologation",
//   `qualif.instructeur`) or by a test environment's domain (`@recette.example.gouv.fr`);
// - shared desks: an on-call duty ("Permanence Production"), a French office ("Bureau du
//   Cabinet"), a Turkish team's shared account ("Teknik Planlama Ortak" at `planlama@`), and IT's
//   mailboxes (`assistance-informatique@`, `support-applicatif@`, `itops@`) that a script
//   uses beside the people;
// - an account whose job title says it is no person's ("Non-person account"), and a bank's attended
//   robots named for their analysts with a note that says what they are ("(Assistente Virtual)").
import { describe, expect, it } from "vitest";
import { account, atLeastLikelyBot, codedWorkdays, DAY, EMPTY, findingOf, HOUR, invitedRecent as invited, isHuman, isWeekend, judgedAmongColleagues as judged, lcg, OFFICE, officeColleagues, RECENT_UI, REF_MS, snapshotOf, token, tokenCall, wrongRuns, type Raw } from "../../../test/helpers/people-audit.js";

const SEEDS = [1, 2, 3, 4, 5] as const;

/** A browser's sign-in each weekday morning with an email code, then a step every 4-12 minutes until about 15:00. */
const workdays = (seed: number): Raw[] => codedWorkdays(lcg(seed * 67 + 9));

describe("jobs and robots named in French, and a no-code bot", () => {
  it.each([
    ["Chorus Pro Connecteur", "chorus.pro.connecteur@anspn.example"],
    ["Passerelle GLPI", "passerelle.glpi@anspn.example"],
    ["Extraction mensuelle DAF 02", "extraction.mensuelle.daf.02@anspn.example"],
    ["BATCH MVS", "ct-mvs@ipfa.example"],
    ["compte technique GCOS", "ct-gcos@oids.example"],
    ["Agent virtuel 03", "agent.virtuel.03@epape.example"],
    ["Actualisation BI 02", "actualisation.bi.02@cnst.example"],
    ["talend-batch", "ct-batch@aspr.example"],
    ["Beep Boop", "beep-boop@glitchbear.example"],
  ])("%s at %s, at work in the UI each workday, is at least likely-bot", (name, email) => {
    expect(wrongRuns(SEEDS, atLeastLikelyBot, (seed) => judged(seed, invited(name, email), workdays(seed)))).toEqual([]);
  });

  // A word inside a surname is no job's word (Batchelor); a French surname that is a word (Bureau) is a surname.
  it.each([
    ["Léa Batchelor", "lea.batchelor@anspn.example"],
    ["Marie Bureau", "marie.bureau@anspn.example"],
    ["Virginie Agent", "virginie.agent@anspn.example"],
  ])("%s at %s stays human", (name, email) => {
    expect(wrongRuns(SEEDS, isHuman, (seed) => judged(seed, invited(name, email), workdays(seed)))).toEqual([]);
  });
});

describe("acceptance tests' accounts", () => {
  it.each([
    ["Recette MOA", "recette-moa@anspn.example"],
    ["Compte Homologation", "compte-homologation@anspn.example"],
    ["qualif.instructeur", "qualif.instructeur@anspn.example"],
    ["Usager 02", "usager.02@recette.anspn.example.fr"],
    ["Buyer 07", "buyer07@uat.marktlo.example.com"],
  ])("%s at %s, signed in to each workday, is at least likely-bot", (name, email) => {
    expect(wrongRuns(SEEDS, atLeastLikelyBot, (seed) => judged(seed, invited(name, email), workdays(seed)))).toEqual([]);
  });

  // A domain of its own that is a test's word (Stiftung Warentest's test.de, a university's
  // uat.edu.mx) is no environment's, nor a country's office (qa for Qatar).
  it.each([
    ["Jonas Weber", "jonas.weber@test.de"],
    ["Claire Martin", "claire.martin@qa-partners.example.fr"],
    ["Juan Pérez", "jperez@uat.edu.mx"],
    ["Sara Al-Kuwari", "s.alkuwari@qa.ey.com"],
  ])("%s at %s stays human", (name, email) => {
    expect(wrongRuns(SEEDS, isHuman, (seed) => judged(seed, invited(name, email), workdays(seed)))).toEqual([]);
  });
});

describe("shared desks in French and Turkish", () => {
  it.each([
    ["Permanence Production", "permanence-production@anspn.example"],
    ["Bureau du Cabinet", "bureau-du-cabinet@anspn.example"],
    ["Teknik Planlama Ortak", "planlama@sahabteknik.example"],
  ])("%s at %s, signed in to each workday, is at least likely-bot", (name, email) => {
    expect(wrongRuns(SEEDS, atLeastLikelyBot, (seed) => judged(seed, invited(name, email), workdays(seed)))).toEqual([]);
  });

  // Ortak and Permanence are surnames too; a Dutch firm's "Bureau de Jong" is a person's office.
  it.each([
    ["Mehmet Ortak", "mehmet.ortak@sahabteknik.example"],
    ["Ayşe Ortak", "a.ortak@sahabteknik.example"],
    ["Zeynep Ortak", "zeynep.o@sahabteknik.example"],
    ["Ortak, Mehmet", "m.ortak2@sahabteknik.example"],
    ["Bureau de Jong", "info@bureaudejong.example"],
    ["Bureau de la Rie", "k.delarie@bureaudelarie.example"],
  ])("%s at %s stays human", (name, email) => {
    expect(wrongRuns(SEEDS, isHuman, (seed) => judged(seed, invited(name, email), workdays(seed)))).toEqual([]);
  });
});

describe("IT's mailboxes that a script uses beside the people", () => {
  /**
   * People's workdays at the mailbox the IdP keeps, and a mail gateway's calls with its token as
   * mail comes in: three to eight a working day, at no set time.
   */
  function mailbox(seed: number, name: string, email: string) {
    const r = lcg(seed * 13 + 1);
    const events = workdays(seed);
    for (let d = 30; d >= 1; d--) {
      const day = REF_MS - d * DAY;
      if (isWeekend(day)) continue;
      for (let k = 3 + Math.floor(r() * 6); k > 0; k--) events.push(tokenCall("p", Math.floor(day + (8 + r() * 10) * HOUR), "tk", OFFICE, "python-requests/2.31"));
    }
    const user = account("p", { name, email, mfaEnabled: false, ...EMPTY, ...RECENT_UI });
    const { users, events: others } = officeColleagues(seed);
    return findingOf(snapshotOf([user, ...users], [...events, ...others], [token("tk", "p", REF_MS - DAY - 7 * HOUR, "script")]), "p");
  }

  it.each([
    ["Assistance informatique", "assistance-informatique@ipfa.example"],
    ["Support applicatif", "support-applicatif@ipfa.example"],
    ["IT Ops", "itops@moosebyte.example"],
  ])("%s at %s is at least likely-bot", (name, email) => {
    expect(wrongRuns(SEEDS, atLeastLikelyBot, (seed) => mailbox(seed, name, email))).toEqual([]);
  });

  it("a person's own account used so (a script of theirs files their mail) stays human", () => {
    expect(wrongRuns(SEEDS, isHuman, (seed) => mailbox(seed, "Maria Lopez", "maria.lopez@ipfa.example"))).toEqual([]);
  });
});

describe("a robot's persona as a virtual assistant or agent", () => {
  // An attended robot on an analyst's desk, named for the analyst with a note that says what it is.
  it.each([
    ["Débora Machado (Assistente Virtual)", "debora.lopes@jacaranda.example"],
    ["Asistente Virtual - Cobranzas", "cobranzas.bot@caja.example"],
    ["Ticket Virtual Agent", "virtual.agent@ipfa.example"],
  ])("%s at %s, synced with an analyst's title and at work in the UI each workday, is at least likely-bot", (name, email) => {
    const user = account("p", { name, email, jobTitle: "Analista de Backoffice", department: "Operações" });
    expect(wrongRuns(SEEDS, atLeastLikelyBot, (seed) => judged(seed, user, workdays(seed)))).toEqual([]);
  });

  it("a robot named for an agent with the title \"Agent virtuel\" is at least likely-bot", () => {
    const user = account("p", { name: "RENARD Manon", email: "manon.renard@aspr.example", jobTitle: "Agent virtuel", department: "DSI - Bureau des infrastructures" });
    expect(wrongRuns(SEEDS, atLeastLikelyBot, (seed) => judged(seed, user, workdays(seed)))).toEqual([]);
  });

  // A person who works as one (a freelancer's "Virtual Assistant", a remote assistant titled so) is a person.
  it.each([
    ["Maria Santos (Virtual Assistant)", "maria.santos@jacaranda.example", "Executive Assistant"],
    ["Lucía Gómez", "lucia.gomez@caja.example", "Asistente Virtual"],
    ["Ana Souza", "ana.souza@jacaranda.example", "Assistente Virtual"],
  ])("%s at %s, titled %s, stays human", (name, email, jobTitle) => {
    const user = account("p", { name, email, jobTitle, department: "Board Office" });
    expect(wrongRuns(SEEDS, isHuman, (seed) => judged(seed, user, workdays(seed)))).toEqual([]);
  });
});

describe("a service account's handle for a display name", () => {
  /**
   * A dormant account in IT's department, with a picture, that no IdP keeps: last in the UI two
   * years ago, its token last used ten months ago and expired since, nothing of it in the log.
   */
  function dormant(seed: number, name: string, email: string, jobTitle: string | null = null) {
    const user = account("p", { name, email, managementSource: null, jobTitle, department: "Information Technology", productAccess: [{ key: "jira-software", id: "ari:jira", lastActiveTimestamp: new Date(REF_MS - 700 * DAY).toISOString() }] });
    const { users, events } = officeColleagues(seed);
    return findingOf(snapshotOf([user, ...users], events, [{ ...token("tk", "p", REF_MS - 300 * DAY, "prod"), expiresAt: new Date(REF_MS - 200 * DAY).toISOString() }]), "p");
  }

  // A cargo tracker's integration, its mailbox without the prefix: the display name says it.
  it.each([
    ["svc-cargoawbtracke", "cargoawbtracker@marjanair.example"],
    ["SRV_BACKUP", "backup.jira@marjanair.example"],
  ])("%s at %s, dormant with an expired token, is at least likely-bot", (name, email) => {
    expect(wrongRuns(SEEDS, atLeastLikelyBot, (seed) => dormant(seed, name, email))).toEqual([]);
  });

  // A name with a space is a person's, a surname in capitals first (SYS Anna is Anna Sys), and a
  // handle that only starts with the prefix's letters is a person's too.
  it.each([
    ["SYS Anna", "anna.sys@marjanair.example"],
    ["sysoev-petr", "petr.sysoev@marjanair.example"],
  ])("%s at %s, on leave with an expired token, stays human", (name, email) => {
    expect(wrongRuns(SEEDS, isHuman, (seed) => dormant(seed, name, email))).toEqual([]);
  });

  // An admin's own second account so named, beside their job title, is theirs.
  it("sys-jdoe titled Systems Administrator stays human", () => {
    expect(wrongRuns(SEEDS, isHuman, (seed) => dormant(seed, "sys-jdoe", "jdoe.admin@marjanair.example", "Systems Administrator"))).toEqual([]);
  });
});

describe("a job title that says the account is no person's", () => {
  it("\"Non-person account\" on a synced account at work in the UI each workday is at least likely-bot", () => {
    const user = account("p", { name: "Max Worker", email: "max.worker@tasmanridge.example", jobTitle: "Non-person account", department: "Automation CoE" });
    expect(wrongRuns(SEEDS, atLeastLikelyBot, (seed) => judged(seed, user, workdays(seed)))).toEqual([]);
  });

  it("a person's title that mentions people stays human (\"Personal Assistant\")", () => {
    const user = account("p", { name: "Max Weber", email: "max.weber@tasmanridge.example", jobTitle: "Personal Assistant", department: "Executive Office" });
    expect(wrongRuns(SEEDS, isHuman, (seed) => judged(seed, user, workdays(seed)))).toEqual([]);
  });
});
