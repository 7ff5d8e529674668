// Attack on the last three detection changes: device names, two bot-like words in a name, job
// names with a bot-like word whatever the account does, machine titles in the display name, labs,
// hubs, staff plurals and "(Shared)"-type notes as team names with a token in use, and the role
// mailbox's place codes, initials and own-domain exclusions. Both directions, with accounts an
// admin meets:
// (a) PEOPLE now sent to review (`likely-bot`): initials "TV" before an Indian surname or a
//     broadcaster ("TV Globo", "TV 2") or a signage team after a separator; a bot-like surname
//     beside a vendor or a team ("Sarah Jenkins (Octopus Energy)", "David Bridge - Release
//     Management"); a bot-like surname written "Surname, Initial" ("Jenkins, A."); a team prefix
//     before a person's name ("HR - Maria Schmidt" at `hr.ms@`), which now switches the initials
//     check off; a "(Group)" note beside a person who uses a personal API token.
// (b) ACCOUNTS these paths mean to catch but miss in near variants: device words in German,
//     Spanish, Portuguese, a tablet, a "#2"; "integration" and "sync" in Portuguese, Spanish; an
//     API account named for a bank; machine titles in Portuguese and German; teams' role
//     addresses whose display name carries the company's or hotel's name (the own-domain
//     exclusion), a place's name before the role word, a Dutch front-office word; labs named word
//     first ("AG Müller", "Laboratorio Ruiz"); staff plurals the list lacks.
// Each `it` states the verdict a careful admin wants. "(regression)" marks a case the detector
// before these three commits got right; "(gap before too)" one both got wrong. The last describe
// holds cases that pass and guard the intent. Still wrong, left out: Dev Jenkins titled "DevOps"
// (reviewed, as before), "Tela Recepção" (Tela is a given name too), "JP Morgan API", "Dubai
// Finance" at `finance.dxb@`, "São Paulo Recepção" at `recepcao.sp@`, labs named word first ("AG
// Müller", "Laboratorio Ruiz").
import { describe, expect, it } from "vitest";
import { account, DAY, EMPTY, OFFICE, REF_MS, token, wrongRuns } from "../../../test/helpers/people-audit.js";
import { guest, judged, morningSignIns, onLeave, person, recentUi, team, teamSignIns, untitled, withCli } from "../../../test/helpers/name-attacks.js";
import type { Finding } from "./types.js";

const SEEDS = [1, 2, 3] as const;
const human = (v: Finding["verdict"]): boolean => v === "human";
const notHuman = (v: Finding["verdict"]): boolean => v !== "human";
const none = (w: string[]): void => expect(w, w.join(" || ")).toEqual([]);

/** A lab's account (invited, no profile) signed in to at the lab PC, whose token a LIMS used yesterday: as "Ward Lab (SG)" in detect-job-names.test.ts. */
const lab = (seed: number, name: string, email: string): Finding =>
  judged(seed, account("x", { name, email, managementSource: "invited", ...EMPTY, ...recentUi }), teamSignIns(seed, [OFFICE], false), [token("t1", "x", REF_MS - DAY, "lims")]);
/** An RPA robot with an empty profile, working in the UI from the office: as "Invoice Bot" in detect-job-names.test.ts. */
const robot = (seed: number, name: string, email: string): Finding => judged(seed, account("x", { name, email, ...EMPTY, ...recentUi }), teamSignIns(seed, [OFFICE], false));
/** A device's account (a screen, a tablet): a morning sign-in from the office on most weekdays, an email code first; as in detect-job-names.test.ts. */
const device = (seed: number, name: string, email: string): Finding => judged(seed, account("x", { name, email, ...EMPTY, ...recentUi }), morningSignIns(seed, true));
/** A quarterly job's account between runs, department IT (as the machine-title cases in detect-review-fifty-second.test.ts). */
const idleJob = (seed: number, name: string, email: string): Finding => onLeave(seed, name, email, { department: "IT" });

// ---------------------------------------------------------------------------------------------
describe("(a) people whose display name holds 'TV' or a device word (deviceNamed)", () => {
  // DEVICE_ANYWHERE takes "TV" anywhere, the trailing code and number stripped first; DEVICE_LAST
  // takes "Signage" after a separator. automation-identity floor, likely-bot.
  it.each([
    ["TV Raman", "tv.raman@acme.in", "a South Indian name written with its initials first, no dots (regression)"],
    ["Emma Clark - TV News", "emma.clark@acme.co.uk", "a broadcaster's journalist, her desk after a dash (regression)"],
    ["Mark Jones - Digital Signage", "mark.jones@acme.com", "the engineer of a signage team (regression)"],
  ])("%s at %s (%s), at work every day, stays human", (name, email) => {
    none(wrongRuns(SEEDS, human, (seed) => person(seed, name, email)));
  });

  it.each([
    ["Ana Souza - TV Globo", "ana.souza@g.globo", "a Brazilian broadcaster's producer (regression)"],
    ["Mette Hansen | TV 2", "meha@tv2.dk", "a Danish broadcaster's editor; the number stripped leaves TV (regression)"],
  ])("an invited partner %s at %s (%s) stays human", (name, email) => {
    none(wrongRuns(SEEDS, human, (seed) => guest(seed, name, email)));
  });
});

// ---------------------------------------------------------------------------------------------
describe("(a) people with a bot-like surname or vendor beside a second bot-like word (botWordsInName >= 2)", () => {
  // The whole display name is counted, a bracketed employer or a team after a dash included; a job
  // title made of team words ("Customer Service") is no person's title to personTitle.
  it.each([
    ["Paul Stevens (Octopus Deploy)", "paul.stevens@octopus.com", "a vendor's engineer synced without a title: octopus + deploy (regression)"],
    ["Sarah Jenkins (Octopus Energy)", "sarah.jenkins@octopus.energy", "a supplier's employee synced without a title: jenkins + octopus (regression)"],
    ["David Bridge - Release Management", "david.bridge@acme.com", "a release manager synced without a title: bridge + release (regression)"],
  ])("%s at %s (%s) stays human", (name, email) => {
    none(wrongRuns(SEEDS, human, (seed) => untitled(seed, name, email)));
  });

  it("Sarah Jenkins - Customer Service, titled 'Customer Service', at work every day, stays human (regression)", () => {
    none(wrongRuns(SEEDS, human, (seed) => person(seed, "Sarah Jenkins - Customer Service", "sarah.jenkins@acme.com", { jobTitle: "Customer Service" })));
  });
});

// ---------------------------------------------------------------------------------------------
describe("(a) a bot-like surname written 'Surname, Initial' (jobNamed with a bot-like word)", () => {
  // The initials exclusion covers initials before the surname only ("AJ Bridge"); a directory's
  // "Jenkins, A." is a lone bot-like word and an acronym, so a job's name.
  it.each([
    ["Jenkins, A.", "a.jenkins@acme.ac.uk"],
    ["Bridge, S.", "s.bridge@acme.ac.uk"],
  ])("%s at %s, a lecturer synced without a title, at work every day, stays human (regression)", (name, email) => {
    none(wrongRuns(SEEDS, human, (seed) => untitled(seed, name, email)));
  });

  it("Jenkins, A. titled 'Data' (a title of team words) stays human (regression)", () => {
    none(wrongRuns(SEEDS, human, (seed) => person(seed, "Jenkins, A.", "a.jenkins@acme.ac.uk", { jobTitle: "Data" })));
  });

  it("Jenkins, A. on leave with a personal token stays human (regression)", () => {
    none(wrongRuns(SEEDS, human, (seed) => onLeave(seed, "Jenkins, A.", "a.jenkins@acme.ac.uk")));
  });

});

// ---------------------------------------------------------------------------------------------
describe("(a) a team prefix before a person's name switches the initials check off (ownLettersAfterRole / teamFirst)", () => {
  // Synced, full profile, at work every day from the office, home and the phone (three
  // addresses): the letters after the role word are the person's, but a display name that starts
  // with a team's word skips the check, and three addresses make the role address shared-use.
  it.each([
    ["HR - Maria Schmidt", "hr.ms@acme.de"],
    ["Finance | Jason Lim", "finance.jl@acme.sg"],
    ["Projects - Rajesh Iyer", "projects.raj@acme.com"],
    ["Recepción - María José Pérez", "recepcion.mjp@acme.es"],
    ["客服-李娜", "kefu.li@acme.cn"],
  ])("%s at %s stays human (regression)", (name, email) => {
    none(wrongRuns(SEEDS, human, (seed) => person(seed, name, email)));
  });
});

// ---------------------------------------------------------------------------------------------
describe("(a) a '(Group)' note beside a person's name (SHARED_NOTE, teamWordInMailbox, shared-use on a token)", () => {
  // The note makes any name a team's, and the person's own mailbox holds the name's last word
  // (the surname), so it passes as a team's too; a token in use, or email codes, then floor it.
  it("Maria Santos (Group), group-level staff using her own CLI token, stays human (regression)", () => {
    none(wrongRuns(SEEDS, human, (seed) => withCli(seed, "Maria Santos (Group)", "maria.santos@acme.pt")));
  });

  it("Hans Müller (Group), an invited consultant with an email code at each sign-in, stays human (regression)", () => {
    none(wrongRuns(SEEDS, human, (seed) => guest(seed, "Hans Müller (Group)", "hans.mueller@acme.de")));
  });
});

// ---------------------------------------------------------------------------------------------
describe("(b) devices' accounts the device check misses (gap before too)", () => {
  it.each([
    ["Infoscreen Empfang", "infoscreen@acme.de", "German, one word, device word first"],
    ["Pantalla Recepción", "pantalla@acme.es", "Spanish"],
    ["Reception iPad", "reception-ipad@acme.com", "a check-in tablet"],
    ["Foyer Screen #2", "foyer2@acme.com", "a number written with #"],
  ])("%s at %s (%s) is not human", (name, email) => {
    none(wrongRuns(SEEDS, notHuman, (seed) => device(seed, name, email)));
  });
});

// ---------------------------------------------------------------------------------------------
describe("(b) integration accounts whose bot-like word is in another language or beside a company's name (gap before too)", () => {
  it.each([
    ["Integração SAP", "integracao-sap@acme.com.br", "Portuguese integration"],
    ["Integración Jira", "integracion-jira@acme.es", "Spanish integration"],
  ])("%s at %s (%s) is not human", (name, email) => {
    none(wrongRuns(SEEDS, notHuman, (seed) => robot(seed, name, email)));
  });
});

// ---------------------------------------------------------------------------------------------
describe("(b) machine titles in the display name that machineNamed misses (gap before too)", () => {
  it.each([
    ["Conta de Serviço", "conta-servico@acme.com.br", "Portuguese service account"],
    ["Faturamento (Usuário Técnico)", "faturamento-tec@acme.com.br", "Portuguese technical user, accented"],
    ["Rechnungslauf Systembenutzer", "rl-sys@acme.de", "German system user"],
  ])("%s (%s) is not human", (name, email) => {
    none(wrongRuns(SEEDS, notHuman, (seed) => idleJob(seed, name, email)));
  });
});

// ---------------------------------------------------------------------------------------------
describe("(b) teams' role addresses the role-mailbox changes miss", () => {
  // Synced, no profile, one to three sign-ins a weekday from three addresses, an email code each.
  it.each([
    ["Reception Grand Hotel Zurich", "reception@grandhotelzurich.ch", "the hotel's name in the domain read as an owner's (ownDomain) (regression)"],
    ["Billing - Contoso", "billing@contoso.com", "the company's name in the domain read as an owner's (ownDomain) (regression)"],
    ["Info Hotel Miramar", "info@hotelmiramar.es", "the hotel's name in the domain read as an owner's (ownDomain) (regression)"],
    ["Secretariaat", "secretariaat@acme.nl", "the Dutch secretariat (gap before too)"],
  ])("%s at %s (%s) is reviewed", (name, email) => {
    none(wrongRuns(SEEDS, (v) => v === "likely-bot", (seed) => team(seed, name, email)));
  });
});

// ---------------------------------------------------------------------------------------------
describe("(b) labs and staff teams the team-name check misses (gap before too)", () => {
  it.each([
  ])("%s at %s (%s), whose token a LIMS uses, is reviewed", (name, email) => {
    none(wrongRuns(SEEDS, (v) => v === "likely-bot", (seed) => lab(seed, name, email)));
  });

  it("Security Guards at guards@, signed in to from three addresses with codes, is reviewed", () => {
    none(wrongRuns(SEEDS, (v) => v === "likely-bot", (seed) => team(seed, "Security Guards", "guards@acme.com")));
  });
});

// ---------------------------------------------------------------------------------------------
describe("guards: cases the changes get right (pass at HEAD)", () => {
  it("devices, a job's name with a bot-like word and a lab whose token a LIMS uses are reviewed", () => {
    none(wrongRuns(SEEDS, notHuman, (seed) => device(seed, "Lovelace Wing Foyer Display", "foyer@acme.ac.uk")));
    none(wrongRuns(SEEDS, notHuman, (seed) => robot(seed, "Invoice Bot", "invoicebot@acme.com")));
    none(wrongRuns(SEEDS, (v) => v === "likely-bot", (seed) => lab(seed, "Koh Lab", "koh-lab@acme.ac.uk")));
    none(wrongRuns(SEEDS, (v) => v === "likely-bot", (seed) => team(seed, "Finance MEA", "finance.mea@acme.com")));
  });

  it("people with one bot-like surname, initials before it, or their letters after a role word stay human", () => {
    none(wrongRuns(SEEDS, human, (seed) => untitled(seed, "Sarah Jenkins", "sarah.jenkins@acme.com")));
    none(wrongRuns(SEEDS, human, (seed) => untitled(seed, "AJ Bridge", "aj.bridge@acme.com")));
    none(wrongRuns(SEEDS, human, (seed) => person(seed, "Daniel Ortega", "support.dan@acme.com")));
    none(wrongRuns(SEEDS, human, (seed) => withCli(seed, "Maria Santos", "maria.santos@acme.pt")));
    none(wrongRuns(SEEDS, human, (seed) => person(seed, "Raman TV", "raman.tv@acme.in")));
  });
});
