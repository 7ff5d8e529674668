// Accounts named as no person is, and teams' addresses written with a place's code: a quarterly
// job's idle account ("Weekly KPI Report"), a display name that ends in a machine account's title
// ("Quarterly Audit Service Account"), a team's mailbox with a region's or city's code
// (`finance.mea@`), and a team named for its staff ("Ward 7 Nurses"). Beside each, the people the
// same reading must leave alone: their initials or a three-letter name after a role word, initials
// of a name with an apostrophe, a person on leave with a token.
import { describe, expect, it } from "vitest";
import { account, DAY, EMPTY, findingOf, lcg, OFFICE, officeColleagues, REF_MS, snapshotOf, token, wrongRuns, type Raw } from "../../../test/helpers/people-audit.js";
import { ADDRESSES, guest, judged, morningSignIns, onLeave, ownerSetUp, person, recentUi, teamSignIns, withCli } from "../../../test/helpers/name-attacks.js";
import type { Finding } from "./types.js";

const SEEDS = [1, 2, 3, 4] as const;
const ids = (f: Finding): string[] => f.signals.map((s) => s.id);

/** An account with nothing in the log and a token last used `lastUseDays` ago; its UI last used 200 days ago. */
function idle(seed: number, fields: Raw, lastUseDays: number): Finding {
  const user = account("x", { managementSource: "invited", ...EMPTY, productAccess: [{ key: "jira-software", id: "ari:jira", lastActiveTimestamp: new Date(REF_MS - 200 * DAY).toISOString() }], ...fields });
  return judged(seed, user, [], [token("t1", "x", REF_MS - lastUseDays * DAY, "quarterly")]);
}


describe("an idle account named as a job is", () => {
  // A token last used 30 days ago (a quarterly job between runs), nothing in five weeks of log.
  const jobs: [string, string, Raw][] = [
    ["Weekly KPI Report", "kpi-report@acme.com", {}],
    ["Confluence Backup", "confluence-backup@acme.com", { department: "IT" }],
    ["Old Reporting", "old-reporting@acme.com", { managementSource: "synced", jobTitle: "Integration" }],
    ["Oracle EBS Sync IN", "ebs-jira@acme.com", {}],
    ["SLA Reminder EE", "sla-reminder@acme.com", { mfaEnabled: true }],
    ["Tempo Import", "tempo-import@acme.com", { managementSource: "synced" }],
    // A bank's regulatory reports in Polish and Turkish, whose log lost their calls: were `human`.
    ["BDDK Raporlama", "bddk.raporlama@acme.com", {}],
    ["JPK Eksport", "jpk.eksport@acme.com", {}],
    ["Raportowanie KNF", "raportowanie.knf@acme.com", {}],
    ["Sprawozdawczość NBP", "nbp.sprawozdania@acme.com", { mfaEnabled: true }],
    ["BDDK Raporları", "bddk.raporlari@acme.com", {}],
    ["Günlük Rapor", "gunluk.rapor@acme.com", {}],
    ["Aylık Mutabakat Aktarım", "aylik.mutabakat@acme.com", {}],
  ];

  it("is reviewed, whatever its department, mailbox or IdP", () => {
    const wrong = jobs.flatMap(([name, email, fields]) => wrongRuns(SEEDS, (v) => v !== "human", (seed) => idle(seed, { name, email, ...fields }, 30)).map((w) => `${name}: ${w}`));
    expect(wrong).toEqual([]);
    const f = idle(1, { name: "Weekly KPI Report", email: "kpi-report@acme.com" }, 30);
    expect(f.signals.find((s) => s.id === "automation-identity")?.evidence).toMatch(/named as a job is.*Weekly KPI Report.*API token/s);
  });

  it("leaves people on leave with a token `human`: a name with a word of its own", () => {
    // Given names that are words too, beside surnames that are a team's or a job's.
    const people: [string, string, Raw][] = [
      ["Dev Patel", "dev.patel@acme.com", {}],
      ["Rich Sales", "rsales@acme.com", {}],
      ["Sandy Daily", "sandy.daily@acme.com", { managementSource: "synced" }],
      ["Grant Backup", "grant.backup@acme.com", {}],
      ["Ana Reporting", "ana.r@acme.com", { jobTitle: "Analyst" }],
      ["JD Archive", "jd.archive@acme.com", { jobTitle: "Records Manager", department: "Legal" }],
    ];
    const wrong = people.flatMap(([name, email, fields]) => wrongRuns(SEEDS, (v) => v === "human", (seed) => idle(seed, { name, email, ...fields }, 30)).map((w) => `${name}: ${w}`));
    expect(wrong).toEqual([]);
  });

  it("is reviewed in a short log too: the name keeps people out", () => {
    // A nine-day export: too short to call a person's silence idle, not a job's name.
    const wrong = wrongRuns(SEEDS, (v) => v !== "human", (seed) => {
      const { users, events } = officeColleagues(seed);
      const user = account("x", { name: "Confluence Backup", email: "confluence-backup@acme.com", managementSource: "invited", ...EMPTY, department: "IT", productAccess: [{ key: "jira-software", id: "ari:jira", lastActiveTimestamp: new Date(REF_MS - 200 * DAY).toISOString() }] });
      const recent = events.filter((e) => Date.parse(String(e["time"])) > REF_MS - 9 * DAY);
      return findingOf(snapshotOf([...users, user], recent, [token("t1", "x", REF_MS - 40 * DAY, "backup")]), "x");
    });
    expect(wrong).toEqual([]);
  });

  it("is reviewed with a bot-like word in it, whatever it does", () => {
    // An RPA robot the IdP keeps, used from the office in working hours; a sync the owner drives by hand.
    const robots: [string, string][] = [
      ["Invoice Bot", "invoicebot@acme.com"],
      ["Jira Sync", "jira.sync@acme.com"],
      ["Release Bridge 2", "release-bridge2@acme.com"],
    ];
    const wrong = robots.flatMap(([name, email]) => wrongRuns(SEEDS, (v) => v !== "human", (seed) => judged(seed, account("x", { name, email, ...EMPTY, ...recentUi }), teamSignIns(seed, [OFFICE], false))).map((w) => `${name}: ${w}`));
    expect(wrong).toEqual([]);
  });

  it("leaves a person whose initials come before a bot-like surname `human`, at work or on leave", () => {
    const people: [string, string][] = [
      ["AJ Bridge", "aj.bridge@acme.com"],
      ["TJ Runner", "tj.runner@acme.com"],
    ];
    const wrong = people.flatMap(([name, email]) => [
      ...wrongRuns(SEEDS, (v) => v === "human", (seed) => judged(seed, account("x", { name, email, ...recentUi }), teamSignIns(seed, [OFFICE], false))).map((w) => `${name} at work: ${w}`),
      ...wrongRuns(SEEDS, (v) => v === "human", (seed) => idle(seed, { name, email }, 30)).map((w) => `${name} on leave: ${w}`),
    ]);
    expect(wrong).toEqual([]);
  });

  it("is not reviewed for its name alone while it is in use from a browser", () => {
    // "Weekly Status" is a person's shared view as often: in use in the UI yesterday, no token.
    const f = judged(1, account("x", { name: "Weekly Status", email: "weekly-status@acme.com", ...recentUi }));
    expect(f.verdict).toBe("human");
  });
});

describe("a robot's persona: a given name before a department's or a machine's word", () => {
  // RPA teams' digital workers under such names, used from the UI like a person, were `human`.
  const personas: [string, string][] = [
    ["Penny Pharmacy", "penny.pharmacy@acme.com"],
    ["Molly MedRec", "molly.medrec@acme.com"],
    ["Ruth Registration", "ruth.registration@acme.com"],
    ["Ava Digital", "ava@acme.com"],
    ["Giulia Virtuale", "giulia.virtuale@acme.com"],
  ];

  it("is reviewed at work in the UI as a person is, a person's title copied onto it, or as a guest", () => {
    const wrong = personas.flatMap(([name, email]) => [
      ...wrongRuns(SEEDS, (v) => v !== "human", (seed) => person(seed, name, email)).map((w) => `${name} (titled): ${w}`),
      ...wrongRuns(SEEDS, (v) => v !== "human", (seed) => guest(seed, name, email)).map((w) => `${name} (guest): ${w}`),
    ]);
    expect(wrong).toEqual([]);
    expect(person(1, "Penny Pharmacy", "penny.pharmacy@acme.com").signals.find((s) => s.id === "automation-identity")?.evidence).toMatch(/department's or a machine's word where a surname would be.*Penny Pharmacy/s);
  });

  it("is not a person whose surname is a word too, nor a longer name", () => {
    const people: [string, string][] = [
      ["Rich Sales", "rich.sales@acme.com"],
      ["Sam Bot", "sam.bot@acme.com"],
      ["Grant Backup", "grant.backup@acme.com"],
      ["Ava Digital Smith", "ava.smith@acme.com"],
      ["Anna Digitalis", "anna.digitalis@acme.com"],
    ];
    const wrong = people.flatMap(([name, email]) => wrongRuns(SEEDS, (v) => v === "human", (seed) => person(seed, name, email)).map((w) => `${name}: ${w}`));
    expect(wrong).toEqual([]);
  });
});

describe("a display name that starts with a cadence", () => {
  // Sparse jobs whose words are no job's list ("Credentialing", "Vessel Call", "Generator"): were `human`.
  const jobs: [string, string][] = [
    ["Monthly Credentialing Report", "cred-report@acme.com"],
    ["Monthly Vessel Call Stats", "vesselcall.stats@acme.com"],
    ["Semester Report Generator", "semester-report@acme.com"],
    ["Monatlicher Lizenz Bericht", "lizenz.bericht@acme.com"],
  ];

  it("is reviewed, idle with its token", () => {
    const wrong = jobs.flatMap(([name, email]) => wrongRuns(SEEDS, (v) => v !== "human", (seed) => idle(seed, { name, email }, 30)).map((w) => `${name}: ${w}`));
    expect(wrong).toEqual([]);
    expect(idle(1, { name: "Monthly Vessel Call Stats", email: "vesselcall.stats@acme.com" }, 30).signals.find((s) => s.id === "automation-identity")?.evidence).toMatch(/named as a job is.*Monthly Vessel Call Stats/s);
  });

  it("is not a person written surname first, nor a note before a person's name", () => {
    // Sandy Marie Daily, listed surname first, beside Sandy Brown; a cadence before one word only;
    // a leave note before the name: no job's word after the cadence.
    const people: [string, string][] = [
      ["Daily Sandy Marie", "sandy.daily@acme.com"],
      ["Weekly Tom", "tom.weekly@acme.com"],
      ["Annual Leave: Tom Becker", "tom.becker@acme.com"],
      ["DAILY Sandra J.", "sandra.daily@acme.com"],
    ];
    const wrong = people.flatMap(([name, email]) =>
      wrongRuns(SEEDS, (v) => v === "human", (seed) => {
        const { users, events } = officeColleagues(seed);
        const user = account("x", { name, email, managementSource: "invited", ...EMPTY, productAccess: [{ key: "jira-software", id: "ari:jira", lastActiveTimestamp: new Date(REF_MS - 200 * DAY).toISOString() }] });
        return findingOf(snapshotOf([...users, account("s", { name: "Sandy Brown" }), user], events, [token("t1", "x", REF_MS - 30 * DAY, "quarterly")]), "x");
      }).map((w) => `${name}: ${w}`),
    );
    expect(wrong).toEqual([]);
  });
});

describe("a display name that ends in a machine account's title", () => {
  it("is reviewed however it is written, with a department set, idle or in use", () => {
    const names = ["Quarterly Audit Service Account", "Jane Doe - Service Account", "Payroll (Technical User)", "Jira Integration User 2", "Finance [API User]"];
    const wrong = names.flatMap((name) =>
      wrongRuns(SEEDS, (v) => v !== "human", (seed) => idle(seed, { name, email: `acct${name.length}@acme.com`, department: "IT" }, 30)).map((w) => `${name} (idle): ${w}`),
    );
    expect(wrong).toEqual([]);
    // In use from the office in working hours, with a full profile: still an admin's word that it is no person's.
    const busy = judged(1, account("x", { name: "Quarterly Audit Service Account", email: "qa-audit@acme.com", ...recentUi }), teamSignIns(1, [OFFICE], false));
    expect(busy.verdict).not.toBe("human");
    expect(busy.signals.find((s) => s.id === "automation-identity")?.evidence ?? busy.signals.map((s) => s.evidence).join(" ")).toMatch(/Service Account/);
  });

  it("is not a bare bot-like word after a person's name", () => {
    const people = [
      ["Sarah Robot", "sarah.robot@acme.com"],
      ["Mary Bot", "mary.bot@acme.com"],
      ["Ann Service", "ann.service@acme.com"],
      ["Technical Account Manager Jo Lee", "jo.lee@acme.com"],
    ] as const;
    const wrong = people.flatMap(([name, email]) => wrongRuns(SEEDS, (v) => v === "human", (seed) => judged(seed, account("x", { name, email, ...recentUi }), teamSignIns(seed, [OFFICE], false))).map((w) => `${name}: ${w}`));
    expect(wrong).toEqual([]);
  });
});

describe("a team's address with a region's or a city's code", () => {
  // Five weeks of sign-ins from three addresses, an email code before each.
  const teams: [string, string][] = [
    ["Finance MEA", "finance.mea@acme.com"],
    ["Projects KSA", "projects.ksa@acme.com"],
    ["Recepción Monterrey", "recepcion.mty@acme.com"],
    ["Biuro Warszawa", "biuro.waw@acme.com"],
    ["客服中心", "kefu@acme.cn"],
    ["Sales NYC", "sales-nyc@acme.com"],
  ];

  it("is a role address, reviewed as shared when people sign in to it", () => {
    const wrong = teams.flatMap(([name, email]) =>
      wrongRuns(SEEDS, (v) => v === "likely-bot", (seed) => judged(seed, account("x", { name, email, managementSource: "synced", department: "Finance", picture: null, jobTitle: null, ...recentUi }), teamSignIns(seed, ADDRESSES))).map((w) => `${name}: ${w}`),
    );
    expect(wrong).toEqual([]);
    const f = judged(1, account("x", { name: "Finance MEA", email: "finance.mea@acme.com", ...recentUi }), teamSignIns(1, ADDRESSES));
    expect(ids(f)).toEqual(expect.arrayContaining(["role-mailbox", "shared-use"]));
  });

  it("is reviewed from one email code or three addresses, where the address is a team's", () => {
    // Five sign-ins from three addresses in five weeks, two of them after an email code.
    const few = (seed: number): Raw[] => teamSignIns(seed, ADDRESSES).filter((e) => e["action"] !== "issue_updated").slice(0, 10);
    const wrong = wrongRuns(SEEDS, (v) => v === "likely-bot", (seed) => judged(seed, account("x", { name: "物流部", email: "logistics-cn@acme.cn", ...EMPTY, ...recentUi }), few(seed)));
    expect(wrong).toEqual([]);
  });

  it("is no role address where the letters are the holder's own: initials or a three-letter name", () => {
    const people: [string, string, Raw][] = [
      ["Tom Baker", "hr.tom@acme.com", {}],
      ["John M. Kay", "it.jmk@acme.com", {}],
      ["Kay, John Michael", "sales-jmk@acme.com", {}],
      ["John LEE", "it.jl@acme.com", {}],
      ["Ann Lee", "support.ann@acme.com", {}],
      // A person's initials as the whole mailbox, with a job title or a picture they chose.
      ["Samantha O'Connor", "soc@acme.com", { jobTitle: "Paralegal", department: "Legal" }],
      ["Harish R", "hr@acme.co.in", { jobTitle: null, department: null, picture: "https://avatar-management--avatars.us-west-2.prod.public.atl-paas.net/5c74/b121c3e7/128" }],
    ];
    const wrong = people.flatMap(([name, email, fields]) =>
      wrongRuns(SEEDS, (v) => v === "human", (seed) => judged(seed, account("x", { name, email, ...recentUi, ...fields }), teamSignIns(seed, ADDRESSES))).map((w) => `${name}: ${w}`),
    );
    expect(wrong).toEqual([]);
    const f = judged(1, account("x", { name: "Samantha O'Connor", email: "soc@acme.com", jobTitle: "Paralegal", ...recentUi }), teamSignIns(1, ADDRESSES));
    expect(ids(f)).not.toContain("role-mailbox");
  });
});

describe("a team named for its staff", () => {
  it("is reviewed as shared when several people sign in to it with email codes", () => {
    const names = ["Ward 7 Nurses", "Night Dispatchers", "Store Assistants 2"];
    const wrong = names.flatMap((name) =>
      wrongRuns(SEEDS, (v) => v === "likely-bot", (seed) => judged(seed, account("x", { name, email: `${name.toLowerCase().replace(/\s+/g, "")}@acme.com`, managementSource: null, ...EMPTY, department: name, ...recentUi }), teamSignIns(seed, ADDRESSES))).map((w) => `${name}: ${w}`),
    );
    expect(wrong).toEqual([]);
  });

  it("is not a person whose surname is such a word, at their own mailbox", () => {
    const wrong = wrongRuns(SEEDS, (v) => v === "human", (seed) => judged(seed, account("x", { name: "Mary Staff", email: "mary.staff@acme.com", ...recentUi }), teamSignIns(seed, ADDRESSES)));
    expect(wrong).toEqual([]);
  });
});

describe("a device's account: a screen, a kiosk or a wallboard", () => {
  it("is reviewed, whatever its profile or IdP, with a code at each sign-in or none recorded", () => {
    const devices = ["LT1 Wallboard", "Lovelace Wing Foyer Display", "Lab B2.07 Status Board", "Theatres Coordination Screen", "Lecture Theatre B AV Panel", "Consulting Ops Wallboard SG", "Queue Dashboard TV 2", "Kiosk"];
    const wrong = devices.flatMap((name, i) =>
      wrongRuns(SEEDS, (v) => v !== "human", (seed) => judged(seed, account("x", { name, email: `device${i}@acme.com`, ...EMPTY, managementSource: i % 2 === 0 ? "synced" : null, ...recentUi }), morningSignIns(seed, i % 3 !== 0))).map((w) => `${name}: ${w}`),
    );
    expect(wrong).toEqual([]);
    const f = judged(1, account("x", { name: "LT1 Wallboard", email: "lt1-wallboard@acme.com", ...EMPTY, ...recentUi }), morningSignIns(1, true));
    expect(f.signals.find((s) => s.id === "automation-identity")?.evidence).toMatch(/named as a device/);
  });

  it("is not a person whose name merely holds such a word", () => {
    const people: [string, string][] = [
      ["Tivon Display-Rees", "tivon.rees@acme.com"],
      ["Anna Boardman", "anna.boardman@acme.com"],
      ["Kioskia Mendes", "k.mendes@acme.com"],
    ];
    const wrong = people.flatMap(([name, email]) => wrongRuns(SEEDS, (v) => v === "human", (seed) => judged(seed, account("x", { name, email, ...recentUi }), teamSignIns(seed, [OFFICE], false))).map((w) => `${name}: ${w}`));
    expect(wrong).toEqual([]);
  });
});

describe("a research group's or a lab's shared account", () => {
  it("is reviewed as shared when people sign in to it or a script uses its token", () => {
    // "Koh Lab" at koh-lab@ (the lab PC, three addresses, codes); "Structural Biology Group" at
    // structbio-group@ (a plate reader's token); "Research Office (Shared)"; "Ward Lab (SG)".
    const cases: [string, string, (seed: number) => Raw[], Raw[]][] = [
      ["Koh Lab", "koh-lab@acme.ac.uk", (seed) => teamSignIns(seed, ADDRESSES), []],
      ["Structural Biology Group", "structbio-group@acme.ac.uk", (seed) => teamSignIns(seed, [OFFICE], false), [token("t1", "x", REF_MS - DAY, "plate-reader")]],
      ["Research Office (Shared)", "research-office@acme.ac.uk", (seed) => teamSignIns(seed, ADDRESSES), []],
      ["Ward Lab (SG)", "ward-lab.sg@acme.edu.sg", (seed) => teamSignIns(seed, [OFFICE], false), [token("t1", "x", REF_MS - DAY, "lims")]],
    ];
    const wrong = cases.flatMap(([name, email, events, tokens]) =>
      wrongRuns(SEEDS, (v) => v === "likely-bot", (seed) => judged(seed, account("x", { name, email, managementSource: "invited", ...EMPTY, ...recentUi }), events(seed), tokens)).map((w) => `${name}: ${w}`),
    );
    expect(wrong).toEqual([]);
  });

  it("is not a person's account beside a team's name, nor a person named Lab", () => {
    // A person's own mailbox beside a lab's display name, and the holder of a personal token.
    const people: [string, string, Raw[]][] = [
      ["Tom Koh Lab", "tom.keller@acme.ac.uk", []],
      ["Hana Koh", "hana.koh@acme.ac.uk", [token("t1", "x", REF_MS - DAY, "jira-cli")]],
    ];
    const wrong = people.flatMap(([name, email, tokens]) => wrongRuns(SEEDS, (v) => v === "human", (seed) => judged(seed, account("x", { name, email, ...recentUi }), teamSignIns(seed, ADDRESSES), tokens)).map((w) => `${name}: ${w}`));
    expect(wrong).toEqual([]);
  });
});

describe("a display name with two bot-like words", () => {
  it("is reviewed: no person's name has two", () => {
    const wrong = wrongRuns(SEEDS, (v) => v !== "human", (seed) => idle(seed, { name: "Exam Scripts Scanner", email: "exam-scanner@acme.ac.uk" }, 36));
    expect(wrong).toEqual([]);
  });

  it("leaves a person with one bot-like surname `human`", () => {
    const wrong = wrongRuns(SEEDS, (v) => v === "human", (seed) => idle(seed, { name: "Sarah Jenkins", email: "sarah.jenkins@acme.com", jobTitle: "Engineer" }, 36));
    expect(wrong).toEqual([]);
  });
});

describe("names a tool's or a team's account ends in", () => {
  it("is reviewed: three words or more ending in a tool's word, a building's reception, a lab named word first, a panel", () => {
    const cases: [string, string, (seed: number) => Raw[]][] = [
      ["SG Exam Timetable Bot", "exams.sg@acme.edu.sg", () => []],
      ["Exams Office Automation", "exams-automation@acme.ac.uk", (seed) => teamSignIns(seed, [OFFICE], false)],
      ["Elsie Inglis Centre Reception", "elsieingliscentre.reception@acme.ac.uk", (seed) => teamSignIns(seed, ADDRESSES)],
      ["Laboratório Moore", "lab.moore@acme.edu.br", (seed) => teamSignIns(seed, ADDRESSES)],
      ["Painel Secretaria", "painel.secretaria@acme.edu.br", (seed) => teamSignIns(seed, [OFFICE], false)],
    ];
    const wrong = cases.flatMap(([name, email, events]) =>
      wrongRuns(SEEDS, (v) => v !== "human", (seed) => judged(seed, account("x", { name, email, managementSource: "invited", ...EMPTY, ...recentUi }), events(seed))).map((w) => `${name}: ${w}`),
    );
    expect(wrong).toEqual([]);
    const idleIndexer = wrongRuns(SEEDS, (v) => v !== "human", (seed) => idle(seed, { name: "Archive Indexer", email: "archive-indexer@acme.ac.uk" }, 300));
    expect(idleIndexer).toEqual([]);
  });

  it("leaves people of three names and a bot-like surname, and a person's name before a team's, `human`", () => {
    const people: [string, string][] = [
      ["Mária Anna Bót", "maria.anna.bot@acme.hu"],
      ["Mary Ann Jenkins", "maryann.jenkins@acme.com"],
      ["Juan Carlos Runner", "jc.runner@acme.com"],
      ["Jane Doe Sales Team", "jdoe@acme.com"],
    ];
    const wrong = people.flatMap(([name, email]) => wrongRuns(SEEDS, (v) => v === "human", (seed) => judged(seed, account("x", { name, email, ...recentUi }), teamSignIns(seed, ADDRESSES))).map((w) => `${name}: ${w}`));
    expect(wrong).toEqual([]);
  });
});

describe("a migration's account", () => {
  it("is reviewed when idle with its token: migrators and migrations are tools' words", () => {
    const wrong = ["Old SharePoint Migrator", "Confluence Migration"].flatMap((name) => wrongRuns(SEEDS, (v) => v !== "human", (seed) => idle(seed, { name, email: `${name.toLowerCase().replace(/\s+/g, "-")}@acme.com` }, 200)).map((w) => `${name}: ${w}`));
    expect(wrong).toEqual([]);
  });
});

describe("a job's account named with what the job handles or how it connects", () => {
  // `ownerSetUp`: one sign-in by hand 12 days ago, a script's sparse token calls since.
  it("is reviewed: EDI Gateway, Asset Sync, Onboarding Robot, Client Report Capture, Horários – Sincronização", () => {
    const jobs: [string, string][] = [
      ["EDI Gateway", "edi-gw.osa@acme.co.jp"],
      ["Asset Sync", "asset-sync@acme.co.uk"],
      ["Onboarding Robot", "onboarding@acme.com"],
      ["Client Report Capture", "report.capture@acme.agency"],
      ["Horários – Sincronização", "horarios@acme.edu.br"],
      ["Invoice Intake", "ap-intake@acme.com"],
    ];
    const wrong = jobs.flatMap(([name, email]) => wrongRuns(SEEDS, (v) => v !== "human", (seed) => ownerSetUp(seed, { name, email })).map((w) => `${name}: ${w}`));
    expect(wrong).toEqual([]);
  });

  it("leaves people whose names hold such a word, or are one, `human`", () => {
    const people: [string, string][] = [
      ["Edi Susanto", "edi.susanto@acme.co.id"],
      ["Ana Poller", "ana.poller@acme.de"],
      ["Tom Watcher", "tom.watcher@acme.com"],
      ["Grace Label", "grace.label@acme.fr"],
    ];
    // At work on weekdays with their own CLI token; on leave with one; or invited guests.
    const wrong = people.flatMap(([name, email]) =>
      [withCli, onLeave, guest].flatMap((as) => wrongRuns(SEEDS, (v) => v === "human", (seed) => as(seed, name, email)).map((w) => `${name} (${as.name}): ${w}`)),
    );
    expect(wrong).toEqual([]);
  });
});

describe("a job's account named in another script", () => {
  it("is reviewed when idle with its token: a CJK job's words, or a mailbox of a job's words beside a name in Cyrillic or CJK", () => {
    const jobs: [string, string][] = [
      ["日報集計", "daily-report@acme.co.jp"],
      ["LINE WORKS連携", "lineworks-tyo@acme.co.jp"],
      ["在庫同期", "zaiko@acme.co.jp"],
      ["1C Інтеграція", "1c-integration.kbp@acme.com"],
      ["Выгрузка отчётов", "report-export@acme.ru"],
    ];
    const wrong = jobs.flatMap(([name, email]) => wrongRuns(SEEDS, (v) => v !== "human", (seed) => idle(seed, { name, email }, 30)).map((w) => `${name}: ${w}`));
    expect(wrong).toEqual([]);
  });

  it("leaves people named in CJK or Cyrillic, on leave with a token, `human`", () => {
    const people: [string, string][] = [
      ["中村 和也", "nakamura-k@acme.co.jp"],
      ["佐藤由紀", "sato-y@acme.co.jp"],
      ["Дмитрий Соколов", "d.sokolov@acme.ru"],
      ["王伟", "wang.wei@acme.cn"],
    ];
    const wrong = people.flatMap(([name, email]) => wrongRuns(SEEDS, (v) => v === "human", (seed) => idle(seed, { name, email }, 30)).map((w) => `${name}: ${w}`));
    expect(wrong).toEqual([]);
  });
});

describe("an account named for its schedule", () => {
  /** Calls through its token from an HTTP library at any hour on ten days of the last month, its UI last used 20 days ago. */
  function scheduled(seed: number, name: string, email: string): Finding {
    const user = account("x", { name, email, managementSource: null, ...EMPTY, productAccess: [{ key: "confluence", id: "ari:conf", lastActiveTimestamp: new Date(REF_MS - 20 * DAY).toISOString() }] });
    const events: Raw[] = [];
    const r = lcg(seed);
    for (let d = 1; d <= 10; d++) for (let k = 0; k < 5; k++) events.push({ id: `n${seed}-${d}-${k}`, time: new Date(REF_MS - d * 3 * DAY + Math.floor(r() * 86_400_000)).toISOString(), action: "comment_created", actorId: "x", tokenId: "t1", authType: "api-token", ip: OFFICE, userAgent: "Apache-HttpClient/5.3" });
    return judged(seed, user, events, [token("t1", "x", REF_MS - 3 * DAY, "vscode")]);
  }
  // A nightly job whose owner used its UI three weeks ago: was `human 1` (recent-ui-activity -2,
  // token-events, an empty profile).
  it.each([
    ["nightly2", "nightly2@acme.com"],
  ])("%s at %s is at least likely-bot", (name, email) => {
    const wrong = wrongRuns(SEEDS, (v) => v !== "human", (seed) => scheduled(seed, name, email));
    expect(wrong, wrong.join(" || ")).toEqual([]);
  });
});
