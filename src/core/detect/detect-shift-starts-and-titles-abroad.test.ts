// Accounts misjudged in independent generators' orgs (a Brazilian and Portuguese insurer, a
// Japanese parts maker, a Polish and Czech warehouse operator, a Dutch and Danish hospital group, a
// Gulf airline, a Japanese logistics firm, a German utility), each signed in to as one person
// would: the title, the name, the mailbox or the department's other people tell.
//
// (1) A shift's start that the department's other people keep too (`shiftStartShared`, index.ts;
//     `ShiftStarts`): a call centre's agents sign in within minutes of their shift's start, with
//     a person's title, and the log shows nothing else. Reviewed before on that schedule alone.
// (2) Titles that say the account is shared, in Japanese, Chinese, Korean, Hebrew, Russian,
//     Portuguese, Spanish, Italian, Dutch, Polish and Danish (`SHARED_TITLE_ABROAD`, floors.ts).
// (3) Titles that say the account is no person's: a machine account's title with a note after it,
//     an owner's note where a title would be, an integration or an automation in other languages,
//     an RPA suite's robot (`MACHINE_TITLE`, `machineTitle`, rules.ts).
// (4) Names: a numbered course's or desk's account of one word, or with a place's note in brackets
//     (`numberedDesk`); a desk's word in Japanese at a mailbox of a shift's or a desk's romaji; common
//     (共通) in Japanese; a kiosk's "Totem" (`DEVICE_FIRST`); an
//     on-call account in Danish, Dutch and Portuguese, the on-call word first (`ON_CALL_FIRST`).
// (5) Role mailboxes in Czech, Slovak, Polish and Portuguese (`DEFAULT_ROLE_MAILBOX_PATTERNS`).
// (6) A queue's, a crew room's or a lost property office's name in English, signed in to by
//     several people (`deskNounNamed`).
import { describe, expect, it } from "vitest";
import { SHARED_TITLE } from "./floors.js";
import { MACHINE_TITLE, machineTitle, NO_JOB_TITLE } from "./rules.js";
import { compileMatchers } from "./features.js";
import { DEFAULT_CONFIG } from "../../config/config-file.js";
import type { AccountFeatures } from "./features.js";
import { deskShiftDays, fourPlaces, givenNamesOrg, judgedAmongGivenNames } from "../../../test/helpers/org-words.js";
import { ADDRESSES, personDays, recentUi, teamSignIns } from "../../../test/helpers/name-attacks.js";
import { account, BROWSER, byTime, CLOUD, DAY, ev, expectVerdictOnSeeds, explain, findingOf, HOUR, isWeekend, lcg, MIN, OFFICE, REF_MS, snapshotOf, type Raw } from "../../../test/helpers/people-audit.js";
import type { Finding } from "./types.js";
import type { User } from "../snapshot/schema.js";
import { ShiftStarts } from "./shift-starts.js";

const SEEDS = [1, 2, 3] as const;
const DOMAIN = "seguradora.example";
const CENTRE = "200.230.7.85";
const DEPARTMENT = "Central de Relacionamento";

/**
 * An agent's sign-ins over 60 days on a rota of six days in seven whose day off moves, weekends
 * among the days worked, on most of them (a session may outlast a shift), within four minutes of
 * 09:00 UTC, from the centre's one address
 * (or `ip`), and nothing else in the log.
 */
function agentDays(seed: number, id: string, ip = CENTRE, startHour = 9, weekdaysOnly = false): Raw[] {
  const r = lcg(seed * 131 + id.length * 7 + id.charCodeAt(id.length - 1));
  const out: Raw[] = [];
  for (let d = 60; d >= 1; d--) {
    // Six days of seven, the day off moving each week; a sign-in on most of the days worked.
    if (d % 7 === Math.floor(d / 7) % 7 || r() < 0.3) continue;
    const day = REF_MS - d * DAY;
    if (weekdaysOnly && isWeekend(day)) continue;
    out.push(ev(id, day + startHour * HOUR + Math.floor((r() * 8 - 4) * MIN), { ip, userAgent: BROWSER }));
  }
  return out;
}

const agent = (name: string, email: string, fields: Raw = {}): Raw => ({ name, email, jobTitle: "Agente de Retenção", department: DEPARTMENT, managementSource: "synced", mfaEnabled: false, picture: null, ...recentUi, ...fields });

/**
 * Account `a` among the org's 120 colleagues, ten of them in its department (a team, whose
 * schedules are their own), and `peers` agents of its department, each on the centre's rota
 * starting at `peerHour` (on weekdays only where `peerWeekdays`), the account's own sign-ins from
 * `ip`.
 */
function onTheFloor(seed: number, a: Raw, peers: number, { ip = CENTRE, peerHour = 9, peerWeekdays = false }: { ip?: string; peerHour?: number; peerWeekdays?: boolean } = {}): Finding {
  const { users: colleagues, events } = givenNamesOrg(DOMAIN);
  const users = colleagues.map((u, i) => (i < 10 ? { ...u, department: DEPARTMENT } : u));
  const given = (i: number): string => String((users[i] as Raw)["name"]).split(" ")[0] as string;
  const agents = Array.from({ length: peers }, (_, i) => account(`g${i}`, agent(`${given(i + 3)} Barbosa`, `agente${i}@${DOMAIN}`)));
  const theirs = agents.flatMap((_, i) => agentDays(seed + i + 1, `g${i}`, CENTRE, peerHour, peerWeekdays));
  return findingOf(snapshotOf([account("a", a), ...agents, ...users], [...events, ...theirs, ...agentDays(seed, "a", ip)].sort(byTime)), "a");
}

/** The first word of the org's first colleague's name: a given name the org knows. */
const GIVEN = String((givenNamesOrg(DOMAIN).users[0] as Raw)["name"]).split(" ")[0] as string;

describe("(1) a shift's start the department's other people keep too", () => {
  const a = agent(`${GIVEN} Conceição`, `${GIVEN.toLowerCase()}.conceicao@${DOMAIN}`);
  // The runs where the agent alone is reviewed on the schedule of their sign-ins alone (the
  // `script-in-use` note on a score under the threshold); other runs keep other traits.
  const onSchedule = (f: Finding): boolean => f.verdict === "likely-bot" && f.score < 3 && f.signals.some((s) => s.id === "script-in-use");
  let alone: number[] | undefined;
  const reviewedAlone = (): number[] => (alone ??= Array.from({ length: 12 }, (_, i) => i + 1).filter((seed) => onSchedule(onTheFloor(seed, a, 0))));

  it("alone at that time of day, the agent is reviewed on the schedule in several runs", () => {
    expect(reviewedAlone().length).toBeGreaterThanOrEqual(3);
  });

  it("a call centre's agent who signs in at the shift's start, as five colleagues do, is a person", () => {
    expectVerdictOnSeeds(reviewedAlone(), "human", (seed) => onTheFloor(seed, a, 5));
  });

  it("not where the colleagues start at another time", () => {
    expectVerdictOnSeeds(reviewedAlone(), "likely-bot", (seed) => onTheFloor(seed, a, 5, { peerHour: 14 }));
  });

  // After a second review: colleagues who keep the start on weekdays only explain no weekend's.
  it("not where the colleagues keep that start on weekdays only", () => {
    expectVerdictOnSeeds(reviewedAlone(), "likely-bot", (seed) => onTheFloor(seed, a, 5, { peerWeekdays: true }));
  });

  it("not from a cloud address, as a scheduled browser signs in", () => {
    for (const seed of reviewedAlone()) expect([seed, onTheFloor(seed, a, 5, { ip: CLOUD }).verdict]).not.toEqual([seed, "human"]);
  });

  it("not a shift's desk named as one, whatever title was copied onto it", () => {
    const turno = agent("Central de Atendimento Recife - Turno A", `atendimento.turnoa.rec@${DOMAIN}`);
    expectVerdictOnSeeds(reviewedAlone(), "likely-bot", (seed) => onTheFloor(seed, turno, 5));
    const titled = agent("Central de Atendimento Recife - Turno B", `atendimento.turnob.rec@${DOMAIN}`, { jobTitle: "Posição de atendimento compartilhada" });
    expectVerdictOnSeeds(reviewedAlone(), "likely-bot", (seed) => onTheFloor(seed, titled, 5));
  });

  // After review: a scheduler's robots with a person's title copied onto them are no colleagues.
  it("not among robots that keep the same start with an agent's title", () => {
    for (const seed of reviewedAlone()) {
      const { users, events } = givenNamesOrg(DOMAIN);
      const robots = [1, 2, 3].map((i) => account(`r${i}`, agent(`Robô Cobrança ${i}`, `rpa.robo${i}@${DOMAIN}`)));
      const theirs = robots.flatMap((_, i) => agentDays(seed + i + 1, `r${i + 1}`));
      const f = findingOf(snapshotOf([account("a", a), ...robots, ...users], [...events, ...theirs, ...agentDays(seed, "a")].sort(byTime)), "a");
      expect([seed, f.verdict], explain(f)).toEqual([seed, "likely-bot"]);
    }
  });

  it("not a robot's account titled as a machine's among the agents", () => {
    const robot = agent(`${GIVEN} Conceição`, `rpa.conceicao@${DOMAIN}`, { jobTitle: "UiPath Robot 3" });
    for (const seed of reviewedAlone()) expect([seed, onTheFloor(seed, robot, 5).verdict]).not.toEqual([seed, "human"]);
  });
});

describe("(2) a title that says the account is shared, in other languages", () => {
  it.each([
    "共用アカウント",
    "共用账号",
    "岗位账号",
    "公用",
    "共通ID",
    "공용 계정",
    "חשבון משותף",
    "حساب مشترك",
    "Общий аккаунт",
    "Puesto de caja",
    "Postazione cassa",
    "Posto de caixa",
    "Posição de atendimento compartilhada",
    "Poste de travail partagé",
    "Arbeitsplatz Kundencenter",
    "Trainingsaccount",
    "Opleidingsaccount",
    "Utenza formazione",
    "Desk login",
    "Compte d'urgence – usage encadré",
    "Notfallkonto",
    "Shared login – call centre team leads",
    "Konto szkoleniowe",
    "konto stanowiskowe – wydawanie (noc)",
    "Login de treinamento",
    "Kursus",
    "Afsnitsbruger",
    "Counter PC",
  ])("%s", (title) => {
    expect(SHARED_TITLE.test(title)).toBe(true);
  });

  // A teller's title is a till's word in Brazil ("Caixa"): a till's word alone is no shared title.
  // After review: people's titles a first version took for shared ones.
  it.each(["Caixa", "Caja", "Kasse", "Till Supervisor", "Kassierer", "Shared Account Manager", "公共关系", "岗位", "Arbeitsplatz-Koordinator", "Emergency Physician", "Emergency Account Manager", "Kursusleder", "Desk PC Support Engineer", "Posição de Analista", "Posto de trabalho", "Kursus- og konferencekoordinator", "Kursus, konference og event", "Kursus: Koordinator", "Arbeitsplatz Services", "Arbeitsplatz Management", "Shared Account - Manager", "Emergency Account - Physician", "Poste partagé Comptabilité", "Stanowisko wspólne", "Puesto compartido", "Poste partagé"])("not %s", (title) => {
    expect(SHARED_TITLE.test(title)).toBe(false);
  });

  it("a bank's teller titled Caixa at her own mailbox is a person", () => {
    const teller = { name: "Heloísa Rocha Alves", email: `heloisa.alves@${DOMAIN}`, jobTitle: "Caixa", department: "Rede de Agências", managementSource: "synced", ...recentUi };
    const seen = [1, 2, 3, 4, 5].map((d) => ev("a", REF_MS - d * DAY + 11 * HOUR, { ip: OFFICE, userAgent: BROWSER }));
    const f = judgedAmongGivenNames(DOMAIN, teller, seen);
    expect(f.verdict, explain(f)).toBe("human");
  });
});

describe("(3) a title that says the account is no person's", () => {
  const titled = (jobTitle: string): AccountFeatures => ({ user: { jobTitle } }) as unknown as AccountFeatures;

  it.each(["RPA Blue Prism Digital Worker", "UiPath Robot 3", "Usuário de serviço - TI Integração", "Technical User: SAP", "System account - MES", "Integration account – fleet telemetry"])("%s is a machine account's title", (title) => {
    expect(machineTitle(titled(title))).toBe(true);
    expect(MACHINE_TITLE.test(title)).toBe(true);
  });

  // An owner's note counts for the org's vocabulary only: a person so titled is not read as a
  // machine (a second review).
  it.each(["Responsável: Maria da Conceição Barbosa", "Owner: Platform Team", "Verantwortlich: IT-Betrieb"])("%s gives no person's job, and is no machine's title", (title) => {
    expect(NO_JOB_TITLE.test(title)).toBe(true);
    expect(MACHINE_TITLE.test(title)).toBe(false);
  });

  it.each(["Integração", "Intégration", "Automatización", "Integrasi"])("%s is a bare function, as Integration is", (title) => {
    expect(MACHINE_TITLE.test(title)).toBe(true);
    expect(machineTitle(titled(title))).toBe(false);
  });

  it.each(["Service Account - Key Account Manager", "Service Account Manager", "Responsable de tienda", "Product Owner: Payments", "RPA Developer - Bots", "System Administrator: Linux", "Owner", "Service Accounts – Nordics", "Technical Account - Strategic", "Service Account – Key Accounts", "UiPath Developer Robots"])("not %s", (title) => {
    expect(machineTitle(titled(title))).toBe(false);
    expect(MACHINE_TITLE.test(title)).toBe(false);
  });

  it("an RPA suite's digital worker named as a person is at least reviewed", () => {
    const robot = { name: "Anna Robot", email: `anna.robot.rpa@${DOMAIN}`, jobTitle: "RPA Blue Prism Digital Worker", managementSource: "synced", ...recentUi };
    const slots = [4, 8, 16].flatMap((h) => Array.from({ length: 20 }, (_, d) => ev("a", REF_MS - (d + 1) * DAY + h * HOUR + ((d * 7) % 10) * MIN, { ip: OFFICE, userAgent: BROWSER })));
    const f = judgedAmongGivenNames(DOMAIN, robot, slots);
    expect(f.verdict, explain(f)).not.toBe("human");
  });

  // Sister integrations titled with their owner's name taught the org a given name of
  // "Integração", which then shielded an idle sister with a token.
  it("an idle integration beside sisters titled with their owner's name is at least reviewed", () => {
    const { users, events } = givenNamesOrg(DOMAIN);
    const sisters = ["Duck Creek", "Guidewire", "Portal Corretor", "SAP FI"].map((tool, i) =>
      account(`s${i}`, { name: `Integração ${tool}`, email: `integracao.${tool.toLowerCase().replace(/ /g, "")}@${DOMAIN}`, jobTitle: `Responsável: ${String((users[i] as Raw)["name"])}`, department: "TI - Integração" }),
    );
    const idle = account("a", { name: "Integração Sinqia 2", email: `sinqia.integracao2@${DOMAIN}`, jobTitle: null, department: "TI - Integração", managementSource: null, picture: null });
    const tokens = [{ id: "tk", accountId: "a", label: "api", status: "ALLOWED", createdAt: new Date(REF_MS - 400 * DAY).toISOString(), expiresAt: null, lastActiveAt: null }];
    const f = findingOf(snapshotOf([idle, ...sisters, ...users], events, tokens), "a");
    expect(f.verdict, explain(f)).not.toBe("human");
  });
});

const untitled = (name: string, email: string): Raw => ({ name, email, jobTitle: null, department: null, picture: null, managementSource: "invited", ...recentUi });
const judged = (seed: number, a: Raw): Finding => judgedAmongGivenNames(DOMAIN, a, deskShiftDays(seed));

describe("(4) names and mailboxes of desks, courses and devices", () => {
  it.each([
    ["Szkolenie 01", "szkolenie01"],
    ["Treinamento 08", "treinamento08"],
    ["Undervisning 32", "undervisning32"],
    ["Scholing EPD 20", "scholingepd20"],
    ["QC Counter 2 (Amata)", "qc-counter2"],
    ["Balicí stůl 06", "balici.stul06"],
    ["Stanowisko pakowania 04", "pakowanie04"],
    ["新人研修 1", "kenshu01"],
    ["埼玉DC 夜勤デスク", "saitama-yakin"],
    ["大阪DC 検品デスク", "osaka-kenpin"],
    ["名古屋 6ライン 朝礼デスク", "chorei-ngy-l6"],
    ["配車係 共通（埼玉）", "haisha-common-saitama"],
    ["Bagvagt Kirurgi", "vagt.kirurgi"],
    ["Bakdienst Interne", "dienst.interne"],
    ["Sobreaviso Sistemas Core", "sobreaviso.core"],
  ])("%s at %s@ is reviewed", (name, mailbox) => {
    expectVerdictOnSeeds(SEEDS, "likely-bot", (seed) => judged(seed, untitled(name, `${mailbox}@${DOMAIN}`)));
  });

  it.each([
    ["Totem Autoatendimento Agência Paulista", "totem.paulista"],
    ["Totem Quiosque Agência 2", "totem.agencia2"],
  ])("a device's %s at %s@ is not a person's", (name, mailbox) => {
    for (const seed of SEEDS) expect([seed, judged(seed, untitled(name, `${mailbox}@${DOMAIN}`)).verdict]).not.toEqual([seed, "human"]);
  });

  // A person's number follows their name at their own mailbox; a person's course after their
  // name is at their own mailbox too.
  it.each([
    ["Aira Kowalska 2", "aira.kowalska2"],
    ["山田 花子 研修中", "hanako.yamada"],
    ["Aira Stol 2", "aira.stol2"],
    ["TV Raman", "tv.raman"],
  ])("%s at %s@ is a person", (name, mailbox) => {
    const person = name.replace("Aira", GIVEN);
    expectVerdictOnSeeds(SEEDS, "human", (seed) => judged(seed, { name: person, email: `${mailbox.replace("aira", GIVEN.toLowerCase())}@${DOMAIN}`, jobTitle: "Analyst", department: "Operations", managementSource: "synced", ...recentUi }));
  });
});

// After review: people whose surname is a counter's or a table's word, whose given name the org
// has not seen, at their own mailbox with a number; a first version reviewed them as desks.
describe("(4) after review: a person's second account whose surname is a desk's word", () => {
  it.each([
    ["Henryk Stol 2", "henryk.stol2"],
    ["Birgit Kasse 2", "birgit.kasse2"],
    ["Birgit Kasse 2 (Extern)", "birgit.kasse2"],
    ["Henk Balie 3", "henk.balie3"],
    ["Henk Balie 3", "h.balie3"],
    ["Pieter Loket 2", "pieter.loket2"],
    ["Uwe Theke 2", "uwe.theke2"],
    ["Kenshu Sato 2", "kenshu2"],
    ["TV Hala S", "hala.s"],
  ])("%s at %s@ is a person", (name, mailbox) => {
    expectVerdictOnSeeds(SEEDS, "human", (seed) => judged(seed, untitled(name, `${mailbox}@${DOMAIN}`)));
  });
});

describe("(5) role mailboxes in Czech, Slovak, Polish and Portuguese", () => {
  const { roleMailbox } = compileMatchers(DEFAULT_CONFIG.detection);
  it.each(["podpora18", "zwroty36", "ouvidoria", "cobranca", "sobreaviso"])("%s", (mailbox) => {
    expect(roleMailbox.test(mailbox)).toBe(true);
  });
  it.each(["jan.podpora", "ana.cobranca", "plantao.sofia", "plantao"])("not %s", (mailbox) => {
    expect(roleMailbox.test(mailbox)).toBe(false);
  });
});

describe("(1) ShiftStarts counts a department's starts", () => {
  const person = (id: string, department: string | null): User => ({ accountId: id, name: `P ${id}`, department, jobTitle: "Agent" }) as unknown as User;
  // Four agents of Support at 23:58, 00:01, 00:04 and 12:00, the last two at weekends too; one of Sales at 00:00.
  const users = [person("a", "Support"), person("b", " support "), person("c", "Support"), person("d", "Support"), person("e", "Sales"), ...Array.from({ length: 8 }, (_, i) => person(`x${i}`, "Support"))];
  const minutes = [1438, 1, 4, 720, 0];
  const starts = new ShiftStarts(users, (slot) => minutes[slot] ?? -1, (slot) => (slot === 2 || slot === 3 ? 2 : 0), () => true);

  it("across midnight, in the same department whatever its case and spaces, on the same kind of days", () => {
    expect(starts.peers(users[1] as User, 5, 10)).toBe(1); // a at 23:58; c keeps weekends, d is at noon
    expect(starts.peers(users[0] as User, 5, 10)).toBe(1);
    expect(starts.peers(users[2] as User, 5, 10)).toBe(0);
  });

  it("none in a department of fewer accounts than asked, nor for an account with no start", () => {
    expect(starts.peers(users[1] as User, 5, 20)).toBe(0);
    expect(starts.peers(users[5] as User, 5, 10)).toBe(0);
    expect(starts.peers(users[4] as User, 5, 1)).toBe(0);
  });
});

// (6) A queue's, a crew room's or a lost property office's name in English that several people
//     sign in to (`deskNounNamed`); a desk's is `deskAndPlace`'s, with its own guards.
describe("(6) a queue or a crew room named in English, signed in to by several", () => {
  const shared = (seed: number, name: string, mailbox: string, fields: Raw = {}): Finding =>
    judgedAmongGivenNames(DOMAIN, { ...untitled(name, `${mailbox}@${DOMAIN}`), ...fields }, teamSignIns(seed, ADDRESSES, true).map((e) => ({ ...e, actorId: "a" })));

  it.each([
    ["Chat Queue – Pune", "queue35.pune"],
    ["Collections Queue 3", "queue31.chennai"],
    ["Crew Room DXB", "crewroom.dxb1"],
    ["JED T3 Lost & Found", "jed.t3.lostfound1"],
  ])("%s at %s@ is reviewed", (name, mailbox) => {
    expectVerdictOnSeeds(SEEDS, "likely-bot", (seed) => shared(seed, name, mailbox));
  });

  // Not with a person's title, nor at a mailbox of none of the name's words.
  it.each([
    ["Travel Desk", "traveldesk.pune", { jobTitle: "Travel Coordinator", department: "Administration" }],
    ["Showcase Login", "demo.presales", {}],
    ["Bench Practice Login", "bench.pool.pune", {}],
  ] as const)("not %s at %s@", (name, mailbox, fields) => {
    for (const seed of SEEDS) expect([seed, shared(seed, name, mailbox, fields).signals.some((s) => s.id === "shared-use" && s.evidence.includes("named as a team's"))]).toEqual([seed, false]);
  });
});

describe("(6) a person whose given name the org knows is no queue", () => {
  it("a person at their own mailbox with Queue as a surname, signed in to from several places, is not named as a team", () => {
    const shared = (seed: number): Finding => judgedAmongGivenNames(DOMAIN, { ...untitled(`${GIVEN} Queue`, `${GIVEN.toLowerCase()}.queue@${DOMAIN}`) }, teamSignIns(seed, ADDRESSES, true).map((e) => ({ ...e, actorId: "a" })));
    for (const seed of SEEDS) expect([seed, shared(seed).signals.some((s) => s.id === "shared-use" && s.evidence.includes("named as a team's"))]).toEqual([seed, false]);
  });
});

// After review: people at their own mailbox with a desk's noun in their name or their team's note,
// whose given names the org has not seen; a first version of `deskNounNamed` reviewed them.
describe("(6) after review: people with a desk's noun in their name", () => {
  const toA = (events: Raw[]): Raw[] => events.map((e) => ({ ...e, actorId: "a" }));
  /** An invited contractor with no profile and no 2SV: an email code at each sign-in, all from the office. */
  const guest = (seed: number, name: string, mailbox: string): Finding =>
    judgedAmongGivenNames(DOMAIN, { name, email: `${mailbox}@${DOMAIN}`, managementSource: "invited", mfaEnabled: false, jobTitle: null, department: null, picture: null, ...recentUi }, toA(personDays(seed, { codes: true, officeOnly: true })));
  /** A synced employee of Operations with no title, at work from the office, home, the VPN and a phone. */
  const roaming = (seed: number, name: string, mailbox: string): Finding =>
    judgedAmongGivenNames(DOMAIN, { name, email: `${mailbox}@${DOMAIN}`, managementSource: "synced", jobTitle: null, department: "Operations", ...recentUi }, toA(fourPlaces(seed)));

  it.each([
    ["guest", "Xiomara Quispe, Front Desk", "xiomara.quispe"],
    ["guest", "Xiomara Quispe – IT Service Desk", "xiomara.quispe"],
    ["guest", "Oksana Login", "oksana.login"],
    ["guest", "Xiomara Quispe - Lost & Found", "xiomara.quispe"],
    ["roaming", "Xiomara Quispe - Service Desk", "xiomara.quispe"],
    ["roaming", "QUISPE Xiomara - SERVICE DESK", "xiomara.quispe"],
    ["roaming", "Xiadani Queue", "xiadani.queue"],
    ["roaming", "Tupac Quispe - Collections Queue", "tupac.quispe"],
    ["roaming", "Xiomara Quispe - Help Desk", "quispe.x"],
    ["roaming", "Mikhail Login", "m.login"],
  ])("a %s, %s at %s@, is a person", (kind, name, mailbox) => {
    expectVerdictOnSeeds(SEEDS, "human", (seed) => (kind === "guest" ? guest(seed, name, mailbox) : roaming(seed, name, mailbox)));
  });
});
