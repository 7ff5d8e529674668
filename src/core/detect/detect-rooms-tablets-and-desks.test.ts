// Accounts of a place, a device or a job that sign in as people do: a school's library, lab or
// office ("Hawthorne Elementary Library" at `hawthornees.library@`), a school kitchen's
// (`cafe.riversidees@`), a hotel's housekeeping tablet ("HK Tablet Patong Floor 2"), an office's
// dashboard in Cyrillic ("Дашборд Київ"), a Dutch auction's desk and inspection hall
// ("Veilingbalie Aalsmeer", "Keurmeester Hal 3"), a report's account named for its owner
// ("Malee Wongsuwan (Owners Report)" at `owners.report@`), and integrations named for a product and
// their job ("Smartsheet Sync" at `smartsheetsync@`, "State Report Svc"). Only the name, the
// mailbox and the title tell them from the people beside them.
import { describe, expect, it } from "vitest";
import { judgedAmongGivenNames } from "../../../test/helpers/org-words.js";
import { neverUi, recentUi } from "../../../test/helpers/name-attacks.js";
import { BROWSER, CLOUD, DAY, explain, HOUR, isWeekend, lcg, officeDays, REF_MS, tokenCall, type Raw } from "../../../test/helpers/people-audit.js";

const SEEDS = [1, 2, 3] as const;

const judged = (a: Raw, events: Raw[] = [], tokens: Raw[] = []) => judgedAmongGivenNames("school.example", a, events, tokens);
/** Account `a`, with `fields`, signing in and working at the office each weekday (`officeDays`), judged in each seed. */
const atWork = (fields: Raw) => SEEDS.map((seed) => judged({ managementSource: "synced", picture: null, jobTitle: null, department: null, ...recentUi, ...fields }, officeDays(lcg(seed), "a")));
/** Account `a`, invited, nothing recorded of it in the log, no UI use ever, with `fields`. */
const dormant = (fields: Raw, tokens: Raw[] = []) => judged({ managementSource: "invited", picture: null, jobTitle: null, department: null, mfaEnabled: false, ...neverUi, ...fields }, [], tokens);
/** A token made two years ago that expired six months ago, last used before it expired. */
/** UI use when the account was set up, years ago. */
const setUp = { productAccess: [{ key: "jira-software", id: "ari:jira", lastActiveTimestamp: new Date(REF_MS - 1300 * DAY).toISOString() }] };
const expiredToken = (label: string): Raw => ({ id: "tk", accountId: "a", label, status: "ALLOWED", createdAt: new Date(REF_MS - 730 * DAY).toISOString(), expiresAt: new Date(REF_MS - 180 * DAY).toISOString(), lastActiveAt: new Date(REF_MS - 200 * DAY).toISOString() });

describe("a school's library, lab or office, and its kitchen", () => {
  // Failed before: `human` (the staff on duty, or the room's kiosk, sign in from the school each weekday).
  it.each([
    ["Hawthorne Elementary Library", "hawthornees.library@school.example", null],
    ["Garfield Media Center", "garfieldes.library@school.example", null],
    ["Wilson Computer Lab", "wilsonms.lab@school.example", null],
    ["Lab Sign-in Heritage", "heritagehs.lab1@school.example", null],
    ["Lab Sign-in ECC", "ecc.lab@school.example", null],
    ["Library Kiosk - Central", "centralhs.library@school.example", null],
    ["Lincoln Middle School Main Office", "lincolnms.office@school.example", "Front Office"],
    ["Bluestem Front Office", "bluestemes.office@school.example", null],
    ["McKinley Elem Office", "mckinleyes.office@school.example", null],
    ["Special Education Office", "sped.office@school.example", null],
    ["Kitchen Riverside", "cafe.riversidees@school.example", null],
    ["Truth Nutrition", "cafe.truthes@school.example", null],
  ])("%s at %s, titled %s, signed in at the school each day, is reviewed", (name, email, jobTitle) => {
    for (const f of atWork({ name, email, jobTitle, department: "Schools" })) expect(f.verdict, explain(f)).toBe("likely-bot");
  });
  it.each([
    // A surname that is a room's or a kitchen's word, at the person's own mailbox or another.
    ["Anna Office", "anna.office@school.example"],
    ["Anna Library", "anna.library@school.example"],
    ["Emma Kitchen", "cafe.emma@school.example"],
    ["Emma Kitchen", "kitchen.emma@school.example"],
    // A person's name with their school in a note, at a mailbox with the office's word.
    ["Maria Lindqvist - Lincoln Elementary Office", "mlindqvist.office@school.example"],
    ["Maria Lindqvist (Front Office)", "maria.lindqvist@school.example"],
    // A directory that writes the school after the name, at her own mailbox.
    ["Maria Lindqvist Lincoln Elementary", "maria.lindqvist@school.example"],
    ["Maria Lindqvist Lincoln Elementary Office", "maria.lindqvist@school.example"],
  ])("%s at %s, a teacher at work each day, is `human`", (name, email) => {
    for (const f of atWork({ name, email, jobTitle: "Teacher", department: "Schools" })) expect(f.verdict, explain(f)).toBe("human");
  });
});

describe("a tablet's or a dashboard's account", () => {
  // Failed before: `human` (a device's word between a team's and a place's, a title that names
  // the device, a dashboard's word in Cyrillic).
  it.each([
    ["HK Tablet Patong Floor 2", "hk.tablet.pkt.f2@school.example", "Housekeeping Tablet"],
    ["hk-tab-rep-f2", "hk.tablet.rep.f2@school.example", "Housekeeping Tablet"],
    ["แม่บ้าน Garden Wing สมุย", "hk.tablet.usm.gardenwing@school.example", null],
    ["แม่บ้าน Hillside สมุย", "hk.tablet.usm.hillside@school.example", null],
    ["Дашборд Київ", "tv.kyiv@school.example", null],
    ["Алматы Дашборд", "tv.almaty@school.example", null],
  ])("%s at %s, titled %s, signed in each day, is reviewed", (name, email, jobTitle) => {
    for (const f of atWork({ name, email, jobTitle, managementSource: "invited" })) expect(f.verdict, explain(f)).toBe("likely-bot");
  });
  it.each([
    // A person at a device's mailbox (a tablet team's), a given name in the name.
    ["Emma Lindqvist", "emma.tablet@school.example", "Field Technician"],
    ["Garden Emma", "hk.tablet.garden@school.example", "Housekeeper"],
    ["Emma Lindqvist", "emma.lindqvist.tablet@school.example", null],
    // A person whose title names the devices they look after.
    ["Anna Berg", "anna.berg@school.example", "Tablet Support Lead"],
  ])("%s at %s, titled %s, at work each day, is `human`", (name, email, jobTitle) => {
    for (const f of atWork({ name, email, jobTitle })) expect(f.verdict, explain(f)).toBe("human");
  });
});

describe("a desk's, a hall's or a team's mailbox in Dutch", () => {
  // Failed before: `human` (people at the desk sign in from the auction hall as one person does).
  it.each([
    ["Veilingbalie Aalsmeer", "veilingbalie@school.example"],
    ["Kwaliteitsdienst Postbus", "kwaliteitsdienst@school.example"],
    ["Keurmeester Hal 3", "keuring.hal3@school.example"],
    // Its place after the number.
    ["Keurmeester Hal 6 Naaldwijk", "keuring.hal6.nwk@school.example"],
    ["Inspector Hall 2", "inspection.hall2@school.example"],
  ])("%s at %s, signed in each day, is reviewed", (name, email) => {
    for (const f of atWork({ name, email, managementSource: "invited" })) expect(f.verdict, explain(f)).toBe("likely-bot");
  });
  it.each([
    // A directory's number after a person's name, a hall's word their surname.
    ["Anna Hall 2", "anna.hall2@school.example"],
    ["Emma Lindqvist Hall 2", "emma.hall2@school.example"],
    ["Hal Berg", "hal.berg@school.example"],
  ])("%s at %s, at work each day, is `human`", (name, email) => {
    for (const f of atWork({ name, email, jobTitle: "Inspector", department: "Kwaliteit" })) expect(f.verdict, explain(f)).toBe("human");
  });
  it.each([
    ["Anna Hall 2", "anna.hall2@school.example"],
    // A given name the org has no other of.
    ["Xiadani Hall 2", "xiadani.hall2@school.example"],
  ])("%s at %s, untitled, at work each day, is `human`", (name, email) => {
    for (const f of atWork({ name, email })) expect(f.verdict, explain(f)).toBe("human");
  });
});

describe("an account named for its owner at its job's mailbox", () => {
  // Failed before: `human` (a person's name and title, at work each day).
  it.each([
    ["Malee Wongsuwan (Owners Report)", "owners.report@school.example"],
    ["Anna Lindqvist - Payroll Team", "payrollteam@school.example"],
  ])("%s at %s is reviewed", (name, email) => {
    for (const f of atWork({ name, email, jobTitle: "Reporting" })) expect(f.verdict, explain(f)).toBe("likely-bot");
  });
  it.each([
    ["Malee Wongsuwan (Owners Report)", "malee.wongsuwan@school.example"],
    ["Anna Lindqvist (Payroll)", "anna.payroll@school.example"],
    ["Anna Lindqvist (Payroll)", "lindqvist.payroll@school.example"],
    ["Anna Lindqvist (AL)", "al@school.example"],
    // A contractor at her own firm's mailbox.
    ["Anna Lindqvist (Lindqvist Consulting)", "lindqvist.consulting@school.example"],
  ])("%s at %s, at her own mailbox, is `human`", (name, email) => {
    for (const f of atWork({ name, email, jobTitle: "Reporting" })) expect(f.verdict, explain(f)).toBe("human");
  });
});

describe("a dormant integration named for a product and its job", () => {
  // Failed before: `human` (the mailbox runs the name together; a first word no given name).
  it("Smartsheet Sync at smartsheetsync@, used in the UI when set up years ago, its token expired, is reviewed", () => {
    const f = dormant({ name: "Smartsheet Sync", email: "smartsheetsync@school.example", ...setUp }, [expiredToken("smartsheet")]);
    expect(f.verdict, explain(f)).toBe("likely-bot");
    // The mailbox is read as the name, whose last word is a tool's.
    expect(f.signals.map((s) => s.id)).toContain("bot-name");
  });
  it("Jira Import Oud at jira-import@ (old, in Dutch), used in the UI when set up years ago, its token expired, is reviewed", () => {
    const f = dormant({ name: "Jira Import Oud", email: "jira-import@school.example", ...setUp }, [expiredToken("import")]);
    expect(f.verdict, explain(f)).toBe("likely-bot");
  });
  it("State Report Svc at statereporting@, nothing recorded, is reviewed", () => {
    const f = dormant({ name: "State Report Svc", email: "statereporting@school.example" });
    expect(f.verdict, explain(f)).toBe("likely-bot");
  });
  it.each([
    // A given name of the org's first, at the mailbox of the name run together.
    ["Emma Sync", "emmasync@school.example"],
  ])("%s at %s, untitled, at work each day with a token of her own, is `human`", (name, email) => {
    const token: Raw = { id: "tk", accountId: "a", label: "laptop", status: "ALLOWED", createdAt: new Date(REF_MS - 90 * DAY).toISOString(), lastActiveAt: new Date(REF_MS - DAY).toISOString() };
    for (const seed of SEEDS) {
      const f = judged({ name, email, managementSource: "synced", picture: null, jobTitle: null, department: null, ...recentUi }, officeDays(lcg(seed), "a"), [token]);
      expect(f.verdict, explain(f)).toBe("human");
    }
  });
});

/** Calls with account `a`'s token `tk` from a cloud address each working day at random office hours, as a no-code platform's flows do. */
const cloudFlowCalls = (seed: number): Raw[] => {
  const r = lcg(seed * 23 + 5);
  const out: Raw[] = [];
  for (let d = 35; d >= 1; d--) {
    const day = REF_MS - d * DAY;
    if (isWeekend(day)) continue;
    for (let k = 0; k < 3; k++) out.push(tokenCall("a", Math.floor(day + (8 + r() * 9) * HOUR), "tk", CLOUD, "axios/1.6.2"));
  }
  return out.sort((x, y) => Date.parse(x["time"] as string) - Date.parse(y["time"] as string));
};
const flowToken: Raw = { id: "tk", accountId: "a", label: "make", status: "ALLOWED", createdAt: new Date(REF_MS - 200 * DAY).toISOString(), lastActiveAt: new Date(REF_MS - DAY).toISOString() };

describe("automated tests' and no-code flows' accounts", () => {
  // Failed before: `human` ("autotests" was no bot-like word, nor "Automations" in the plural).
  it("Autotests PayQuay at autotest.payq-prod@, its token calling from the cloud each workday, is at least reviewed", () => {
    for (const seed of SEEDS) {
      const f = judged({ name: "Autotests PayQuay", email: "autotest.payq-prod@school.example", managementSource: "invited", picture: null, jobTitle: null, department: null, ...recentUi }, cloudFlowCalls(seed), [flowToken]);
      expect(f.verdict, explain(f)).not.toBe("human");
    }
  });
  it("Madison Lindqvist (Automations) at madison.lindqvist.zap@, a flow platform's token from the cloud, is reviewed", () => {
    for (const seed of SEEDS) {
      const f = judged({ name: "Madison Lindqvist (Automations)", email: "madison.lindqvist.zap@school.example", managementSource: "invited", picture: null, jobTitle: null, department: null, ...recentUi }, cloudFlowCalls(seed), [flowToken]);
      expect(f.verdict, explain(f)).toBe("likely-bot");
    }
  });
  it("Anna Lindqvist (Automations), a synced developer at her own mailbox with her laptop's token, is `human`", () => {
    const laptop: Raw = { ...flowToken, label: "laptop" };
    for (const seed of SEEDS) {
      const calls = officeDays(lcg(seed), "a").concat(cloudFlowCalls(seed).map((e) => ({ ...e, ip: "81.2.69.160", userAgent: "jira-cli/1.5" })));
      const f = judged({ name: "Anna Lindqvist (Automations)", email: "anna.lindqvist@school.example", managementSource: "synced", picture: null, jobTitle: "Developer", department: "IT", ...recentUi }, calls.sort((x, y) => Date.parse(x["time"] as string) - Date.parse(y["time"] as string)), [laptop]);
      expect(f.verdict, explain(f)).toBe("human");
    }
  });
});

/** Sign-ins from one address at 06:20 within a minute and a half each day for four weeks: a robot's, or a punctual person's. */
const sameMinute = (seed: number): Raw[] => {
  const r = lcg(seed * 37 + 9);
  const out: Raw[] = [];
  for (let d = 28; d >= 1; d--) out.push({ id: `m${seed}-${d}`, time: new Date(Math.floor(REF_MS - d * DAY + 6 * HOUR + (20 + r() * 1.5) * 60_000)).toISOString(), action: "user_login", actorId: "a", ip: "83.33.79.161", userAgent: BROWSER });
  return out;
};

describe("review: people at a device's, a room's or a note's mailbox", () => {
  // Review: a tablet's, a kiosk's or signage's mailbox beside a person's name with a given name
  // no one else in the org has made the name a device's in a first version, which lifts the hold
  // on a titled person's punctual sign-ins: `bot`.
  it.each([
    ["Xiadani Quispe", "xquispe.tablet@school.example", "Housekeeper"],
    ["Xiadani Quispe", "xiadani.quispe.tablet@school.example", "Field Technician"],
    ["Xiadani Kowalski", "xiadani.signage@school.example", "Signage Coordinator"],
    ["Xiadani Kowalski", "kowalski.kiosk@school.example", "Signage Coordinator"],
    ["สมชาย ใจดี", "somchai.tablet@school.example", "Housekeeper"],
  ])("%s at %s, titled %s, signing in at one minute each day, is never `bot`", (name, email, jobTitle) => {
    for (const seed of SEEDS) {
      const f = judged({ managementSource: null, mfaEnabled: false, picture: null, jobTitle, department: null, ...recentUi, name, email }, sameMinute(seed));
      expect(f.verdict, explain(f)).not.toBe("bot");
    }
  });
  it.each([
    // The same people untitled, at work, and a double surname at a mailbox that writes it.
    ["Xiadani Quispe", "xquispe.tablet@school.example", null],
    ["Xiadani Quispe Mamani", "xiadani.quispe.tablet@school.example", null],
    ["Xiadani Quispe Mamani", "xiadani.tablet@school.example", null],
    ["Xiadani Quispe Mamani", "xquispe.tablet@school.example", null],
    ["Xiadani Kowalski", "xiadani.signage@school.example", null],
    // A room's words after a person's name at her mailbox before the room's word, or a given name
    // that is a school's abbreviation (Elem, Turkish).
    ["Anna Lindqvist Front Office", "anna.office@school.example", "Receptionist"],
    ["Maria Lindqvist Lincoln Elementary", "mlindqvist.office@school.example", "Teacher"],
    ["Elem Kaya", "ekaya.office@school.example", "Teacher"],
    ["Elem Kaya", "ekaya.lab@school.example", "Teacher"],
    ["Xiadani Quispe Counseling Office", "xquispe.office@school.example", "Counselor"],
    ["Xiadani Library", "xiadani.library@school.example", null],
    // A site's code after a name, or a directory's note.
    ["Priya Nair - SVC", "priya.nair@school.example", "Service Advisor"],
    ["Priya Nair SVC", "pnair@school.example", "Service Advisor"],
    ["Jane Doe Svc", "jane.doe@school.example", null],
    // A directory's number at an employee's number, and a surname written first in capitals.
    ["Xiadani Hall 2", "e1042387@school.example", null],
    ["KITCHEN Xiadani", "cafe.xiadani@school.example", "Cook"],
  ])("%s at %s, titled %s, at work each day, is `human`", (name, email, jobTitle) => {
    for (const f of atWork({ name, email, jobTitle })) expect(f.verdict, explain(f)).toBe("human");
  });
  it.each([
    // A freelancer at her own firm's address or a webmail inbox.
    ["Tom Hughes (Apex Reporting)", "apex.reporting@gmail.com"],
    ["Xiadani Quispe (Brightpath Billing)", "billing@brightpath.example"],
  ])("%s at %s, an invited guest at work each day, is `human`", (name, email) => {
    for (const seed of SEEDS) {
      const f = judged({ managementSource: "invited", picture: null, jobTitle: null, department: null, mfaEnabled: false, ...recentUi, name, email }, officeDays(lcg(seed), "a", true));
      expect(f.verdict, explain(f)).toBe("human");
    }
  });
  // Review: missed, the note after a dash, or the name in capitals.
  it.each(["Malee Wongsuwan - Owners Report", "MALEE WONGSUWAN (Owners Report)"])("%s at owners.report@ is reviewed", (name) => {
    for (const f of atWork({ name, email: "owners.report@school.example", jobTitle: "Reporting" })) expect(f.verdict, explain(f)).toBe("likely-bot");
  });
});

describe("a display name its holder made hostile", () => {
  // Anyone may set their own display name. Runs of spaces made some name patterns try each space
  // as a start and match the run again from there: 5,000 spaces took about 90 seconds to judge,
  // 50,000 more than five minutes. Each of these is judged within the test's time limit.
  it.each([
    ["spaces", `Ann${" ".repeat(50_000)}Lee`],
    ["spaces before capitals", `Ann${" ".repeat(50_000)}LEE`],
    ["spaces before a bracket", `Ann${" ".repeat(50_000)}(`],
    ["spaces and hyphens", `Ann${" -".repeat(25_000)}Lee`],
    ["capitals", "AB ".repeat(17_000)],
  ])("a name of %s is judged, and no person's is `bot`", (_what, name) => {
    const f = judged({ managementSource: "synced", picture: null, jobTitle: null, department: null, ...recentUi, name, email: "ann.lee@school.example" }, officeDays(lcg(1), "a"));
    expect(f.verdict).not.toBe("bot");
  });
});
