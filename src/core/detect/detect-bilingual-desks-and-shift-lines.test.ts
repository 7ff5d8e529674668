// Accounts misjudged in independent generators' orgs (a Welsh council, a Vietnamese and Thai
// electronics assembler, a French and Swiss drug maker, a Finnish and Estonian games studio, an
// Indonesian and Malaysian plantation and bank group, a South African retailer), each signed in to
// as one person would: only the name, the mailbox and the title tell.
//
// (1) A name in two languages, the halves apart by a slash (`bilingualDesk`, floors.ts): one
//     language's reading is a desk's, a counter's or a team's ("Derbynfa / Reception – Neuadd y
//     Sir", "Tîm Priffyrdd / Highways Team"). A desk's half teaches the org no given name
//     (`deskHalf`, vocabulary.ts), or sister desks ("Llyfrgell Tregaron – Cownter / Counter")
//     would make a given name of their shared first word.
// (2) A job share's note ("(Rhannu Swydd / Job Share)") and a reception's account named with its
//     building ("Reception – Clunbury House" at `reception@`).
// (3) A production line's account with its shift after a dash ("Line SMT 10 - Shift A", "ไลน์ SMT
//     2 - กะเช้า": `lineShift`); a shift's lead named for the shift in Vietnamese and Thai; a
//     customer's visit login ("Daesung Audit Guest" at `guest.daesung@`: `guestLogin`).
// (4) Titles: an account of a line, a desk or a training, and a shared workstation, in English,
//     Vietnamese, Indonesian, French, German, Spanish, Italian and Portuguese (`SHARED_TITLE`).
// (5) Words: a service account, a test automaton, an integration, a migration and a summary job in
//     French, German, Indonesian and Malay; a dashboard in French and a line's TV; on-call in Swiss
//     German (Pikett); role mailboxes in Finnish, Estonian, Indonesian and English.
// (6) A numbered training pool whose mailbox runs the name's words together
//     (`pelatihanjira03@`), and Atlassian's product names, which are no given names ("Jira
//     Importer 2024 (2)" made one of Jira).
// A cold review of a first version found people it reviewed; they are the "after review" cases.
// (7) Titles and names of tests, demos, screens and robots: a test account's title in French,
//     Spanish, Portuguese, German and English (`SHARED_TITLE`); a demo of a product or at an event
//     (`namedDemo`); a screen's title in French, and either half of a title in two languages
//     (`DEVICE_TITLE`); an RPA suite's robot or digital worker and a system's account in
//     Indonesian, Malay and Vietnamese (`MACHINE_TITLE`).
import { describe, expect, it } from "vitest";
import { DEVICE_TITLE, SHARED_TITLE } from "./floors.js";
import { MACHINE_TITLE } from "./rules.js";
import { givenNamesOrg, judgedAmongGivenNames } from "../../../test/helpers/org-words.js";
import { ADDRESSES, recentUi, teamSignIns } from "../../../test/helpers/name-attacks.js";
import { account, BROWSER, byTime, DAY, ev, expectVerdictOnSeeds, explain, findingOf, HOUR, isWeekend, lcg, MIN, OFFICE, REF_MS, snapshotOf, type Raw } from "../../../test/helpers/people-audit.js";
import type { Finding } from "./types.js";

const SEEDS = [1, 2, 3] as const;
const DOMAIN = "council.example";

/** Account `a` signed in to on workdays from one office PC, with a few hours' work after: one person's use, as far as the log tells. */
function oneDesk(seed: number, id = "a"): Raw[] {
  const r = lcg(seed * 41 + 5);
  const out: Raw[] = [];
  for (let d = 30; d >= 1; d--) {
    const day = REF_MS - d * DAY;
    if (isWeekend(day) || r() < 0.1) continue;
    const start = day + Math.floor((7.5 + r() * 1.5) * HOUR);
    out.push(ev(id, start, { ip: OFFICE, userAgent: BROWSER }));
    for (let t = start + 10 * MIN; t < start + 7 * HOUR; t += Math.floor((20 + r() * 60) * MIN)) out.push(ev(id, t, { action: "issue_updated", ip: OFFICE, userAgent: BROWSER }));
  }
  return out;
}
const desk = (name: string, email: string, fields: Raw = {}): Raw => ({ name, email, jobTitle: null, department: null, picture: null, managementSource: "invited", ...recentUi, ...fields });
const judged = (seed: number, a: Raw): Finding => judgedAmongGivenNames(DOMAIN, a, oneDesk(seed));
/** Account `a` judged among the org's colleagues and `others` (each signed in to as one desk is). */
function judgedWith(seed: number, a: Raw, others: Raw[]): Finding {
  const { users, events } = givenNamesOrg(DOMAIN);
  const theirs = others.flatMap((o, i) => oneDesk(seed + 10 * (i + 1), o["accountId"] as string));
  return findingOf(snapshotOf([account("a", a), ...others, ...users], [...events, ...theirs, ...oneDesk(seed)].sort(byTime)), "a");
}

describe("(1) a name in two languages, one half a desk's or a team's", () => {
  // Failed before: human.
  it.each([
    ["Derbynfa / Reception – Neuadd y Sir", "derbynfa.neuaddysir"],
    ["Canolfan Hamdden Plascrug – Til 1 / Till 1", "hamdden.plascrug.til1"],
    ["Tîm Priffyrdd / Highways Team", "priffyrdd"],
    ["Tîm Treth y Cyngor / Council Tax Team", "treth.cyngor"],
    ["Hyfforddiant 01 / Training 01", "hyfforddiant01"],
    ["Garita Nuevo Laredo / Gate House", "garita.nld"],
  ])("%s at %s@ is reviewed as shared", (name, box) => {
    expectVerdictOnSeeds(SEEDS, "likely-bot", (seed) => judged(seed, desk(name, `${box}@${DOMAIN}`)));
  });

  // Failed before: human, its sisters' first word counted as a given name.
  it("a library's counter beside its sister libraries' is reviewed", () => {
    const sisters = ["Tregaron", "Aberaeron", "Llandysul"].map((place, i) => account(`s${i}`, desk(`Llyfrgell ${place} – Cownter / Counter`, `llyfrgell.${place.toLowerCase()}@${DOMAIN}`)));
    const kiosk = account("k", desk("Llyfrgell Llandeilo – Ciosg / Self-Service Kiosk", `llyfrgell.llandeilo.ciosg@${DOMAIN}`));
    expectVerdictOnSeeds(SEEDS, "likely-bot", (seed) => judgedWith(seed, desk("Llyfrgell Llandeilo – Cownter / Counter", `llyfrgell.llandeilo@${DOMAIN}`), [...sisters, kiosk]));
  });

  // Failed before: human. At a mailbox shaped as a person's of one half (`depo.rhydeinon@`), only
  // two sister names in two languages or more starting with the same word tell a desk from Rhodri
  // Williams / Reception at `rhodri.williams@` (see "after review").
  it.each([
    ["Derbynfa Porthmadog / Porthmadog Reception", "derbynfa.porthmadog", ["Derbynfa / Reception – Neuadd y Sir", "Derbynfa Tywyn / Tywyn Reception"]],
    ["Depo Rhydeinon – PC Swyddfa / Depot Office PC", "depo.rhydeinon", ["Depo Penrhos – PC Swyddfa / Depot Office PC", "Depo Felinfach – PC Swyddfa / Depot Office PC"]],
  ])("%s at %s@, beside its sisters, is reviewed as shared", (name, box, sisters) => {
    const others = sisters.map((n, i) => account(`s${i}`, desk(n, `sister${i}@${DOMAIN}`)));
    expectVerdictOnSeeds(SEEDS, "likely-bot", (seed) => judgedWith(seed, desk(name, `${box}@${DOMAIN}`), others));
  });

  it.each([
    // A person's name with their team after it, the given name the org's.
    ["Anna Berg / Service Desk", "anna.berg"],
    ["Erik Lindqvist / Reception", "erik.lindqvist"],
    // One name in two scripts.
    ["Erik Lindqvist / Эрик Линдквист", "erik.lindqvist"],
    ["Maria Holm / Мария Хольм", "maria.holm"],
  ])("%s at %s@ is a person", (name, box) => {
    expectVerdictOnSeeds(SEEDS, "human", (seed) => judged(seed, { ...desk(name, `${box}@${DOMAIN}`), jobTitle: "Revenues Officer", department: "Revenues", managementSource: "synced" }));
  });

  it("a job share's two names, not a desk's, are left to the job share's note", () => {
    expectVerdictOnSeeds(SEEDS, "human", (seed) => judged(seed, desk("Anna Berg / Elin Dahl", `anna.berg@${DOMAIN}`, { jobTitle: "Housing Officer" })));
  });
});

describe("(2) a job share's note, a reception named with its building", () => {
  // Failed before: human (two given names of the org, a person's title).
  it("two sharers' names with a job share's note are reviewed", () => {
    expectVerdictOnSeeds(SEEDS, "likely-bot", (seed) => judged(seed, desk("Anna Berg / Elin Dahl (Rhannu Swydd / Job Share)", `rhannuswydd.anna.elin@${DOMAIN}`, { jobTitle: "Housing Officer" })));
  });
  it("a person's note about jobs is no job share", () => {
    expectVerdictOnSeeds(SEEDS, "human", (seed) => judged(seed, desk("Anna Berg (Job Seeker Support)", `anna.berg@${DOMAIN}`, { jobTitle: "Employment Adviser", managementSource: "synced" })));
  });

  // Failed before: human (a note after the role's word, where a holder's name may stand).
  it("Reception – Clunbury House at reception@ is reviewed", () => {
    expectVerdictOnSeeds(SEEDS, "likely-bot", (seed) => judged(seed, desk("Reception – Clunbury House", `reception@${DOMAIN}`)));
  });
  it("a receptionist's name after the role's word is not a building", () => {
    expectVerdictOnSeeds(SEEDS, "human", (seed) => judged(seed, desk("Reception – Anna Berg", `reception@${DOMAIN}`, { jobTitle: "Receptionist", managementSource: "synced" })));
  });
});

describe("(3) a line's shift, a shift's lead, a visit's login", () => {
  // Failed before: human.
  it.each([
    ["Line SMT 10 - Shift A", "line.smt10.a"],
    ["Line SMT 8 - Ca 2", "line.smt8.ca2"],
    ["ไลน์ SMT 2 - กะเช้า", "line.smt2.a"],
    ["Trưởng ca đêm - Xưởng 3", "totruong.cadem.x3"],
    ["หัวหน้ากะเช้า", "shiftlead.day"],
    ["Daesung Audit Guest", "guest.daesung"],
    ["Kaneda QA Visitor", "guest.kaneda"],
  ])("%s at %s@ is reviewed as shared", (name, box) => {
    expectVerdictOnSeeds(SEEDS, "likely-bot", (seed) => judged(seed, desk(name, `${box}@${DOMAIN}`)));
  });

  it.each([
    // A person's shift after their name, at their own mailbox.
    ["Anna Berg - Shift A", "anna.berg"],
    // A shift's lead by name, the shift word not first.
    ["Nguyễn Văn An - Trưởng ca", "an.nguyen"],
    // A person whose surname is Guest.
    ["Anna Guest", "anna.guest"],
  ])("%s at %s@ is a person", (name, box) => {
    expectVerdictOnSeeds(SEEDS, "human", (seed) => judged(seed, { ...desk(name, `${box}@${DOMAIN}`), jobTitle: "Production Supervisor", department: "Production", managementSource: "synced" }));
  });
});

describe("(4) a title that says the account is a line's, a desk's or a training's", () => {
  it.each(["Line account", "Production line account", "Training account", "Tài khoản chuyền", "Akun Pelatihan", "Gemeinsamer Arbeitsplatz"])("%s is a shared account's title", (title) => {
    expect(SHARED_TITLE.test(title)).toBe(true);
  });
  it.each(["Accountant", "Key Account Manager", "Line Manager", "Account Executive", "Tài khoản dịch vụ", "Kế toán", "Poste de travail", "Poste partagé"])("%s is not", (title) => {
    expect(SHARED_TITLE.test(title)).toBe(false);
  });

  // Failed before: human. A shared post in French is a person's post as often: only on a name
  // with no given name of the org's is it a workstation's.
  it("a desk titled Poste partagé is reviewed; Anna Berg so titled is a person", () => {
    expectVerdictOnSeeds(SEEDS, "likely-bot", (seed) => judged(seed, desk("Probenannahme QC", `probenannahme@${DOMAIN}`, { jobTitle: "Poste partagé" })));
    expectVerdictOnSeeds(SEEDS, "human", (seed) => judged(seed, desk("Anna Berg", `anna.berg@${DOMAIN}`, { jobTitle: "Poste partagé" })));
  });

  // Failed before: human ("Line account" read as a person's title).
  it("a line's numbered account titled Line account is reviewed", () => {
    expectVerdictOnSeeds(SEEDS, "likely-bot", (seed) => judged(seed, desk("Line SMT 4 - Shift B", `line.smt4.b@${DOMAIN}`, { jobTitle: "Line account" })));
  });
});

describe("(5) words", () => {
  // Failed before: human (no activity, only the name).
  it.each([
    ["Compte de service SharePoint Qualité Lyon", "sharepointqual.if"],
    ["Testautomat Validierung", "testautomat"],
    ["integrasi-sap-lama", "integrasi.sap.lama"],
    ["Migrasi Confluence Server", "migrasi.confluence"],
    ["Rekap Bulanan RSPO", "rekap.rspo"],
    ["Dienstkonto SAP", "dienstkonto.sap"],
  ])("%s at %s@, idle, is reviewed", (name, box) => {
    const f = judgedAmongGivenNames(DOMAIN, desk(name, `${box}@${DOMAIN}`, { productAccess: [] }), []);
    expect(f.verdict, explain(f)).not.toBe("human");
  });

  // Failed before: human.
  it.each([
    ["Tableau de bord Ligne 8", "tdb.ligne8"],
    ["TV Line SMT 5", "tv.smt5"],
    ["Pikett QC Basel", "pikett"],
    ["Layanan Nasabah", "layanan.nasabah"],
    ["Vastaanotto Tallinn", "vastaanotto.tallinn"],
  ])("%s at %s@ is reviewed", (name, box) => {
    expectVerdictOnSeeds(SEEDS, "likely-bot", (seed) => judged(seed, desk(name, `${box}@${DOMAIN}`)));
  });

  // Failed before: human (no role's word: one person's use from several desks).
  it.each([
    ["Humas", "humas"],
    ["Debtors", "debtors"],
    ["Klienditugi", "klienditugi"],
    ["Ostureskontra", "ostot"],
  ])("%s at %s@, signed in to from the team's desks, is reviewed", (name, box) => {
    expectVerdictOnSeeds(SEEDS, "likely-bot", (seed) => judgedAmongGivenNames(DOMAIN, desk(name, `${box}@${DOMAIN}`), teamSignIns(seed, ADDRESSES, true).map((e) => ({ ...e, actorId: "a" }))));
  });
});

describe("(6) a training pool's mailbox of the name's words run together", () => {
  // Failed before: human (the mailbox's word before the number, `pelatihanjira`, no desk's word;
  // and "Jira Importer 2024 (2)", a second account, made a given name of Jira).
  it("Pelatihan Jira 03 at pelatihanjira03@, beside Jira Importer 2024 and its second, is reviewed", () => {
    const importers = [account("j1", desk("Jira Importer 2024", `jira.importer@${DOMAIN}`)), account("j2", desk("Jira Importer 2024 (2)", `jira.importer2@${DOMAIN}`))];
    expectVerdictOnSeeds(SEEDS, "likely-bot", (seed) => judgedWith(seed, desk("Pelatihan Jira 03", `pelatihanjira03@${DOMAIN}`), importers));
  });
  it("Pelatihan ISPO Kebun 02 at pelatihanispokebun02@ is reviewed", () => {
    expectVerdictOnSeeds(SEEDS, "likely-bot", (seed) => judged(seed, desk("Pelatihan ISPO Kebun 02", `pelatihanispokebun02@${DOMAIN}`)));
  });
  it("a person's second account, the name run together before its number, stays a person's", () => {
    expectVerdictOnSeeds(SEEDS, "human", (seed) => judged(seed, { ...desk("Anna Berg 2", `annaberg2@${DOMAIN}`), jobTitle: "Planner", managementSource: "synced" }));
  });
});

describe("(7) titles and names of tests, demos, screens and robots", () => {
  it.each(["Compte de test validation (GxP)", "Compte test", "Testkonto", "Cuenta de prueba", "Conta de teste", "Test account"])("%s is a shared account's title", (title) => {
    expect(SHARED_TITLE.test(title)).toBe(true);
  });
  it.each(["Test Account Manager", "Testeur", "Test Engineer", "Responsable des tests"])("%s is not", (title) => {
    expect(SHARED_TITLE.test(title)).toBe(false);
  });
  it.each(["Écran d'atelier", "Affichage TV / Wallboard", "Écran", "Wallboard / Tableau"])("%s is a device's title", (title) => {
    expect(DEVICE_TITLE.test(title)).toBe(true);
  });
  it.each(["Responsable affichage", "Kiosk Operator", "Display Advertising Manager", "Chef d'équipe / Team Leader"])("%s is not", (title) => {
    expect(DEVICE_TITLE.test(title)).toBe(false);
  });
  it.each(["RPA Blue Prism Digital Worker", "UiPath Robot 3", "Akun Sistem", "Akaun Perkhidmatan", "Tài khoản dịch vụ"])("%s is a machine's title", (title) => {
    expect(MACHINE_TITLE.test(title)).toBe(true);
  });
  it.each(["RPA Developer", "RPA Bot Developer", "Blue Prism Developer", "Automation Anywhere Architect", "Akuntan Sistem"])("%s is not", (title) => {
    expect(MACHINE_TITLE.test(title)).toBe(false);
  });

  // Failed before: human.
  it.each([
    ["Testeur OQ LIMS 06", "testeur.oq06", "Compte de test validation (GxP)"],
    ["Écran Salle CQ Grenoble", "ecran.cq.grenoble", "Affichage TV / Wallboard"],
  ])("%s at %s@, titled %s, is reviewed", (name, box, jobTitle) => {
    expectVerdictOnSeeds(SEEDS, "likely-bot", (seed) => judged(seed, desk(name, `${box}@${DOMAIN}`, { jobTitle })));
  });

  // Failed before: human.
  it.each([
    ["Demo Traceability RSPO", "demo.traceability.rspo"],
    ["Assembly demo", "demo-assembly"],
    ["TalTech Career Fair demo", "demo-taltech"],
  ])("%s at %s@ is reviewed as shared", (name, box) => {
    expectVerdictOnSeeds(SEEDS, "likely-bot", (seed) => judged(seed, desk(name, `${box}@${DOMAIN}`)));
  });
  it.each([
    // A given name first, a surname after it.
    ["Demo Papadakis", "demo.papadakis"],
    ["Anna Demo", "demo.anna"],
    ["Demo Kostas Papadakis", "demo.papadakis"],
  ])("%s at %s@ is a person", (name, box) => {
    expectVerdictOnSeeds(SEEDS, "human", (seed) => judged(seed, { ...desk(name, `${box}@${DOMAIN}`), jobTitle: "Sales Engineer", managementSource: "synced" }));
  });
});

describe("after review: people the first version reviewed", () => {
  /** A person of the org, titled and synced, with a photo, at work from the office. */
  const person = (name: string, box: string, jobTitle = "Housing Officer"): Raw => ({ ...desk(name, `${box}@${DOMAIN}`), jobTitle, department: "Housing", picture: "https://example.com/p.png", managementSource: "synced" });
  const untitled = (name: string, box: string): Raw => ({ ...desk(name, `${box}@${DOMAIN}`), managementSource: "synced" });

  // Each was `likely-bot` (shared) in the first version: a given name the org has not seen.
  it.each([
    ["Rhodri Williams / Reception", "rhodri.williams"],
    ["Dr. Ana Silva / Reception", "ana.silva"],
    ["Siân Evans / Help Desk", "sian.evans"],
    ["Ffion Davies / Head of Reception", "ffion.davies"],
    ["Ffion Davies – Derbynfa / Reception", "ffion.davies"],
    ["Carys Hughes / Till 3", "carys.hughes"],
  ])("%s at %s@ is a person", (name, box) => {
    expectVerdictOnSeeds(SEEDS, "human", (seed) => judged(seed, person(name, box)));
  });
  it("Nia Roberts / Highways Team at nia.roberts@, untitled, is a person", () => {
    expectVerdictOnSeeds(SEEDS, "human", (seed) => judged(seed, untitled("Nia Roberts / Highways Team", "nia.roberts")));
  });
  it.each([
    // One person's own account with a job share's note.
    ["Anna Berg (Job Share)", "anna.berg", "Housing Officer"],
    ["Rhodri Williams (Job Share Mon-Wed)", "rhodri.williams", "Housing Officer"],
    // A surname that is a guest's word, at a mailbox of surname and given name.
    ["Ronan Guest", "guest.ronan", "Accountant"],
    ["Hendrik Gast", "gast.hendrik", "Ingenieur"],
    // A person's shared post.
    ["Amélie Rousseau", "amelie.rousseau", "Poste partagé"],
    ["Xiomara Pérez", "xiomara.perez", "Puesto compartido"],
    // A shift's lead with the lead's name after the shift.
    ["Trưởng ca 1 - Nguyễn Văn An", "an.nguyen", "Production Supervisor"],
    ["หัวหน้ากะ สมชาย ใจดี", "somchai.j", "Production Supervisor"],
    // A title of an account of a customer or a firm.
    ["Nguyễn Thị Lan", "lan.nguyen", "Tài khoản Khách hàng"],
  ])("%s at %s@, titled %s, is a person", (name, box, jobTitle) => {
    expectVerdictOnSeeds(SEEDS, "human", (seed) => judged(seed, person(name, box, jobTitle)));
  });
  it.each([
    // A surname in capitals is no line's code.
    ["DUPONT Jean - Équipe A", "jean.dupont"],
    ["NGUYỄN VĂN AN - Ca 1", "an.nguyen"],
    ["YILMAZ Mehmet - Vardiya B", "mehmet.yilmaz"],
    // On-call's word in Swiss German as a surname.
    ["Anna Pikett", "anna.pikett"],
    ["Rhodri Pikett", "rhodri.pikett"],
    // A person's second account, a desk's word after the given name in the mailbox.
    ["Rhodri Poste 2", "rhodriposte2"],
    // A receptionist's name after the role's word, a surname that names buildings too.
    ["Reception – Megan Hall", "reception"],
  ])("%s at %s@, untitled, is a person", (name, box) => {
    expectVerdictOnSeeds(SEEDS, "human", (seed) => judged(seed, untitled(name, box)));
  });

  // A name of many words is judged in time: each word's given-name count asked the account's own
  // first word anew (the time grew with the square of the name's length).
  it.each([
    ["many words before a slash", `${"Xy ".repeat(20_000)}/ Xy`],
    ["many words before a shift", `LINE ${"AB ".repeat(20_000)}- Shift A`],
  ])("a name of %s is judged", (_what, name) => {
    const f = judged(1, desk(name, `line.ab@${DOMAIN}`));
    expect(f.verdict).not.toBe("bot");
  });
});

describe("after a second review: people the second version reviewed", () => {
  const person = (name: string, box: string, jobTitle: string | null): Raw => ({ ...desk(name, `${box}@${DOMAIN}`), jobTitle, department: jobTitle === null ? null : "Operations", managementSource: "synced" });

  it.each(["Test Account Coordinator", "Test Accounts Analyst", "Testkonto-Verwaltung", "Responsable comptes de test"])("%s is no shared account's title", (title) => {
    expect(SHARED_TITLE.test(title)).toBe(false);
  });
  it.each(["RPA Developer - Bots", "UiPath Developer - Robots", "RPA Lead - Digital Workers"])("%s is no machine's title", (title) => {
    expect(MACHINE_TITLE.test(title)).toBe(false);
  });

  // Each was `likely-bot` (shared) in the second version.
  it.each([
    ["Rhiannon Price", "rhiannon.price", "Test Account Coordinator"],
    ["Demo Stavros Papadakis", "demo.stavros.papadakis", null],
    ["DEMO Stavros Nikos", "demo.stavros.nikos", null],
    ["maria demo", "demo.maria", null],
    ["rhiannon demo", "demo.rhiannon", null],
  ])("%s at %s@, titled %s, is a person", (name, box, jobTitle) => {
    expectVerdictOnSeeds(SEEDS, "human", (seed) => judged(seed, person(name, box, jobTitle)));
  });

  // Two people who share a given name, each with a desk's word after a slash, are no desk and its sister.
  it("Rhodri Williams / Reception beside Rhodri Evans / Reception is a person", () => {
    const other = account("o", { ...desk("Rhodri Evans / Reception", `rhodri.evans@${DOMAIN}`), managementSource: "synced" });
    expectVerdictOnSeeds(SEEDS, "human", (seed) => judgedWith(seed, { ...desk("Rhodri Williams / Reception", `rhodri.williams@${DOMAIN}`), jobTitle: "Housing Officer", department: "Housing", managementSource: "synced" }, [other]));
  });
});

describe("a hostile name's long runs of spaces around a slash or a dash", () => {
  // A pattern for the slash or the dash between spaces would start again at each space; the
  // halves and the note are found by scanning. Each name of 200,000 characters is judged within
  // the test's time limit.
  it.each([
    ["spaces before a slash", `a${" ".repeat(200_000)}x/`],
    ["spaces around a slash and a dash", `Line 1${" ".repeat(100_000)}/${" ".repeat(100_000)}- Shift A`],
    ["spaces before a dash", `Line SMT 1${" ".repeat(200_000)}x-`],
  ])("a name of %s is judged, and no person's is `bot`", (_what, name) => {
    const f = judged(1, desk(name, `anna.berg@${DOMAIN}`, { managementSource: "synced" }));
    expect(f.verdict).not.toBe("bot");
  });
});
