// Two gaps of a plain export. A snapshot that lists tokens without their last use, and a log that
// records neither a token's id nor how an event was authenticated, hides which work a token did:
// a CI account that comments on issues day and night and never signs in looked like nobody at
// work ("GitLab CI" at `svc_gitlab@`). And a device named by its place and its word in any order
// ("Factory Floor Screen Kericho" at `screen.kericho@`, "Dashboard London L3", "Terminál Hala B2",
// "Linie 3 Monitor") signs in each day as a person does, in orgs whose names teach nothing (no job
// titles, mailboxes of initials). People beside them keep their verdicts: a developer whose CLI
// works with their token, a person surnamed Tablet, Screen or Monitor, and a Québécois given name
// written with its hyphen in the mailbox. A department's own account, named for it and its place
// ("Crewing Manila" in Crewing), shared by its staff, is reviewed as shared.
import { describe, expect, it } from "vitest";
import type { Finding } from "./types.js";
import { givenNamesOrg } from "../../../test/helpers/org-words.js";
import { bare, orgsAt, unattributedWork, unlistedToken } from "../../../test/helpers/unrecorded-token-work.js";
import { ADDRESSES, recentUi, teamSignIns } from "../../../test/helpers/name-attacks.js";
import { account, BROWSER, byTime, DAY, ev, explain, findingOf, HOUR, iso, isWeekend, lcg, MIN, officeDays, REF_MS, snapshotOf, type Raw } from "../../../test/helpers/people-audit.js";

const SEEDS = [1, 2, 3] as const;

const { amongNamed, amongUnnamed } = orgsAt("telco.example");

describe("work that only a token can have done, where the snapshot does not say which work was a token's", () => {
  // Failed before: `human` (no token's use is on record, so nothing tied the work to the token).
  it.each([
    ["GitLab CI", "svc_gitlab@telco.example", "gitlab-jira-integration"],
    ["ci-oss", "ci.oss@telco.example", "jenkins"],
    ["mon-ocscharging", "mon_ocscharging@telco.example", "ocs-monitor"],
    ["Prüfstand 1", "pruefstand1@telco.example", "pruefstand"],
  ])("%s at %s, with token %s and no sign-in in four weeks of work, is reviewed", (name, email, label) => {
    for (const seed of SEEDS) {
      for (const judge of [amongNamed, amongUnnamed]) {
        const f = judge(bare({ name, email }), unattributedWork(seed), [unlistedToken(label)]);
        expect(f.verdict, explain(f)).toBe("likely-bot");
        expect(f.signals.find((s) => s.id === "script-in-use")?.evidence).toMatch(/nothing records this account's token use/);
      }
    }
  });

  it.each([
    // A person's name, at whatever mailbox: a developer whose CLI works with their token signs in nowhere either.
    ["Sarah Gagnon", "sarah.gagnon@telco.example", {}],
    ["Prometheus Alertmanager", "alertmanager@telco.example", {}],
    ["Charles-Antoine Roy", "charles-antoine.roy@telco.example", {}],
    ["Jürgen Müller", "juergen.mueller@telco.example", {}],
    ["Søren Ødegård", "soren.odegaard@telco.example", {}],
    ["Anil Kumar", "e1042387@telco.example", {}],
    ["John Doe", "jd@telco.example", {}],
    ["María del Carmen García López", "mc.garcia@telco.example", {}],
    ["Sukarno", "sukarno@telco.example", {}],
    ["Anna Kowalska", "anna.nowak@telco.example", {}],
    ["Jane Doe | Platform Team", "jane.doe@telco.example", {}],
    ["Jane Doe - Acme Consulting", "jane.doe.dev@gmail.com", {}],
    // A number in a note after the name.
    ["Jane Doe (Floor 3)", "jane.doe@telco.example", {}],
    ["Anil Kumar (E1042387)", "anil.kumar@telco.example", {}],
    ["Sam O'Neil (Team 4)", "sam.oneil@telco.example", {}],
    // A person's job title beside the work.
    ["Build Tools", "build.tools@telco.example", { jobTitle: "Software Engineer" }],
  ])("%s at %s, working so with a token of their own, stays `human`", (name, email, fields) => {
    for (const seed of SEEDS) {
      const work = unattributedWork(seed).map((e) => ({ ...e, userAgent: "jira-cli/1.5.1" }));
      const f = amongNamed(bare({ name, email, ...fields }), work, [unlistedToken("jira-cli")]);
      expect(f.verdict, explain(f)).toBe("human");
    }
  });

  it("reads each account's own tokens and events: a colleague's listed token does not hide it, and work from a browser is no token's", () => {
    const a = bare({ name: "ci-oss", email: "ci.oss@telco.example" });
    const colleagues = [{ id: "p1-tk", accountId: "p1", label: "jira-cli", status: "ALLOWED", createdAt: iso(REF_MS - 90 * DAY), expiresAt: iso(REF_MS + 90 * DAY), lastActiveAt: iso(REF_MS - 2 * DAY) }];
    const f = amongNamed(a, unattributedWork(1), [unlistedToken("jenkins"), ...colleagues]);
    expect(f.verdict, explain(f)).toBe("likely-bot");
    // Where the snapshot does not record UI use, work from a browser stands for it.
    const browser = unattributedWork(1).map((e) => ({ ...e, userAgent: BROWSER }));
    const g = amongNamed(bare({ name: "Prüfstand 1", email: "pruefstand1@telco.example", productAccess: [{ key: "jira-software", id: "ari:jira" }] }), browser, [unlistedToken("jenkins")]);
    expect(g.verdict, explain(g)).toBe("human");
  });

  it("needs a token still usable, no sign-in, work on three days, and a log that does not record token use", () => {
    const judge = (events: Raw[], token: Raw): Finding => amongNamed(bare({ name: "Prüfstand 1", email: "pruefstand1@telco.example" }), events, [token]);
    expect(judge(unattributedWork(1), unlistedToken("jenkins")).verdict).toBe("likely-bot");
    const work = unattributedWork(1);
    // The token expired: whatever did the work, it was not that token.
    expect(judge(work, unlistedToken("jenkins", { expiresAt: iso(REF_MS - 10 * DAY) })).verdict).toBe("human");
    expect(judge(work, unlistedToken("jenkins", { status: "BLOCKED" })).verdict).toBe("human");
    // One sign-in in the log: someone works in the browser as this account.
    const signedIn = [...work, ev("a", REF_MS - 3 * DAY + 9 * HOUR, { ip: "81.2.69.160", userAgent: BROWSER })].sort(byTime);
    expect(judge(signedIn, unlistedToken("jenkins")).verdict).toBe("human");
    // A token list that records last use (here: never): the work was not the token's.
    expect(judge(work, unlistedToken("jenkins", { lastActiveAt: null })).verdict).toBe("human");
    // In a log of four weeks (a colleague's sign-in opens it): work on two days only, however
    // much of it, or a little work (eight events) on four days.
    const opened = ev("p1", REF_MS - 30 * DAY + 9 * HOUR, { ip: "81.2.69.160", userAgent: BROWSER });
    const onDays = (days: readonly number[], perDay: number): Raw[] => [opened, ...days.flatMap((d) => Array.from({ length: perDay }, (_, k) => ev("a", REF_MS - d * DAY + (7 + k) * HOUR, { action: "comment_created", ip: "196.218.46.20" })))];
    const twoDays = onDays([2, 1], 8);
    expect(judge(twoDays, unlistedToken("jenkins")).verdict).toBe("human");
    expect(judge(onDays([4, 3, 2, 1], 2), unlistedToken("jenkins")).verdict).toBe("human");
    expect(judge(onDays([4, 3, 2, 1], 4), unlistedToken("jenkins")).verdict).toBe("likely-bot");
    // The same work in a log of nine days: too short to say the account never signs in.
    expect(judge(onDays([4, 3, 2, 1], 4).slice(1), unlistedToken("jenkins")).verdict).toBe("human");
    expect(judge([...twoDays, ...work.filter((e) => Date.parse(e["time"] as string) < REF_MS - 3 * DAY)].sort(byTime), unlistedToken("jenkins")).verdict).toBe("likely-bot");
  });
});

/** Account `a` signing in each weekday from the office and working there, as a wall screen's browser or a person does. */
const daily = (seed: number): Raw[] => officeDays(lcg(seed * 13 + 5), "a");

describe("a device named by its place and its word, in any order", () => {
  // Failed before: `human` (the device's word in the middle, first before a place, or after a
  // number; or an org whose names teach no given name).
  it.each([
    ["Terminál Hala B2", "terminalhalab2@telco.example"],
    ["Dashboard London L3", "dashboard.london@telco.example"],
    ["Dashboard Prüffeld", "dashboardprueffeld@telco.example"],
    ["Linie 3 Monitor", "linie3monitor@telco.example"],
    ["Factory Floor Screen Kericho", "screen.kericho@telco.example"],
    ["Smart Village Floor Screen B2", "sv.screen.b2@telco.example"],
    ["Video Wall Left", "videowall.left@telco.example"],
    ["Kantine Nord Screen Halle 2", "screen.halle2@telco.example"],
    ["Mall of Arabia Store Tab", "mallofarabia.tablet@telco.example"],
    ["Sheikh Zayed - Queue Tab", "queue.sheikhzayed@telco.example"],
  ])("%s at %s, signing in each day, is reviewed", (name, email) => {
    for (const seed of SEEDS) {
      for (const judge of [amongNamed, amongUnnamed]) {
        const f = judge({ managementSource: "invited", jobTitle: null, department: null, picture: null, ...recentUi, name, email }, daily(seed));
        expect(f.verdict, explain(f)).toBe("likely-bot");
      }
    }
  });

  it.each([
    ["Lobby Wall Screen", "lobby.wall.screen@telco.example"],
    ["Lobby Wall Screen", "lobby.screen@telco.example"],
    ["Boardroom East Screen", "boardroom.screen@telco.example"],
    ["Kantine Nord Screen", "kantine.screen@telco.example"],
    ["Foyer North Screen", "fscreen@telco.example"],
  ])("%s at %s, three words ending in a surname's device word, is still reviewed", (name, email) => {
    for (const seed of SEEDS) {
      for (const judge of [amongNamed, amongUnnamed]) {
        const f = judge({ managementSource: "invited", jobTitle: null, department: null, picture: null, ...recentUi, name, email }, daily(seed));
        expect(f.verdict, explain(f)).toBe("likely-bot");
      }
    }
  });

  it.each([
    ["Anna Maria Screen", "anna.screen@telco.example"],
    ["Anna Maria Screen", "ascreen@telco.example"],
    ["Anna Maria Screen", "annamaria.screen@telco.example"],
    ["Anna Maria Screen", "amscreen@telco.example"],
    ["Anna Maria Screen", "anna.m.screen@telco.example"],
  ])("%s at %s, a middle name before a surname that is a device's word, stays `human` where the org knows Anna as a given name", (name, email) => {
    // Reviewed before, as "Screen" last names a device; where the org's names teach no given name, still reviewed.
    for (const seed of SEEDS) {
      const f = amongNamed({ managementSource: "synced", jobTitle: null, department: null, picture: null, ...recentUi, name, email }, daily(seed));
      expect(f.verdict, explain(f)).toBe("human");
    }
  });

  it("reads a board's qualifier as no middle name, where a team's account makes the first word a given name", () => {
    const { users, events } = givenNamesOrg("telco.example");
    const fleetOps = account("fo", { name: "Fleet Planning", email: "fleet.planning@telco.example", jobTitle: null, department: null });
    const a = account("a", { managementSource: "invited", jobTitle: null, department: null, picture: null, ...recentUi, name: "Fleet Status Board", email: "fleetboard@telco.example" });
    const f = findingOf(snapshotOf([a, fleetOps, ...users], [...events, ...daily(1)].sort(byTime)), "a");
    expect(f.verdict, explain(f)).toBe("likely-bot");
  });

  it("counts a title of Terminal as a device's, not a person's", () => {
    const f = amongUnnamed({ managementSource: "synced", jobTitle: "Terminal", department: null, picture: null, ...recentUi, name: "Factory Boardroom Screen Nyeri", email: "screen.nyeri@telco.example" }, daily(1));
    expect(f.verdict, explain(f)).toBe("likely-bot");
  });

  it.each([
    // A surname that is a device's word, at the person's own mailbox in every shape.
    ["Lars Tablet Hansen", "hansen.lars@telco.example"],
    ["Lars Tablet Hansen", "lhansen@telco.example"],
    ["Lars Tablet Hansen", "hansen.l@telco.example"],
    ["Lars Tablet Hansen", "lars.hansen@telco.example"],
    ["Pat Screen", "pat.screen@telco.example"],
    ["Xiadani Monitor", "xmonitor@telco.example"],
    ["Monitor Xiadani", "xiadani.monitor@telco.example"],
    ["Kate Board", "kboard@telco.example"],
    ["Screen Kate", "screen.kate@telco.example"],
    ["Erik Display Lindqvist", "erik.lindqvist@telco.example"],
    // Initials written first, as South Indian names are.
    ["TV Raman", "tvraman@telco.example"],
    ["Raman TV", "raman.tv@telco.example"],
    ["TV Raman Open", "raman.open@telco.example"],
    ["Anil Kumar TV", "anilkumar@telco.example"],
    ["Anil Kumar TV", "anilkumar.tv@telco.example"],
    ["Anil Kumar TV", "e1042387@telco.example"],
    // Hyphened given names, double surnames, middle names, a surname first, at their own mailboxes.
    ["Anne-Marie Screen", "annemarie.screen@telco.example"],
    ["Anne-Marie Screen", "am.screen@telco.example"],
    ["Anne-Marie Screen", "amscreen@telco.example"],
    ["Jean-François Board", "jf.board@telco.example"],
    ["Jean-François Board", "jfboard@telco.example"],
    ["Lars Tablet Hansen", "hansen@telco.example"],
    ["Lars Tablet Hansen", "e1042387@telco.example"],
    ["Kate Board-Smith", "kboardsmith@telco.example"],
    ["Anna Screen Lopez", "screen.lopez@telco.example"],
    ["Mary Ann Board", "maryann.board@telco.example"],
    ["Monitor, Anna Maria", "amonitor@telco.example"],
    ["Anna Schmidt Board Member", "schmidt@telco.example"],
    // A device's letters inside a surname, the device's word in a note; initials and a surname that is a device's word.
    ["Laura Boardman - Screen Printing", "lboardman@telco.example"],
    ["Tom Panelli - Board Reporting", "tpanelli@telco.example"],
    ["Siobhan Ann Board", "sboard@telco.example"],
    ["Emeka Screen Okafor", "escreen@telco.example"],
    // Nested notes.
    ["Tom Lee (Kiosk (Retail))", "tom.lee@telco.example"],
    // A number in a note or beside TV, at the person's own mailbox.
    ["Li Wei - 5G Terminal Testing", "li.wei@telco.example"],
    ["Tom Lee - 1st Line Kiosk Support", "tom.lee@telco.example"],
    ["Jane Doe - 2nd Screen", "jane.doe@telco.example"],
    ["Lars Berg | DR1 TV", "lars.berg@telco.example"],
    ["Mette Hansen TV2", "meha@telco.example"],
    // A person's team or employer in a note.
    ["Mette Hansen | TV 2", "meha@telco.example"],
    ["Mette Hansen | TV 2", "hansen@telco.example"],
    ["Mette Hansen | TV 2", "tv.mette@telco.example"],
    ["Anna Schmidt (Kiosk Team)", "schmidt.a@telco.example"],
    ["Anna Schmidt - Kiosk Team", "schmidt.a@telco.example"],
  ])("%s at %s, a person at work each day, stays `human`", (name, email) => {
    for (const seed of SEEDS) {
      for (const judge of [amongNamed, amongUnnamed]) {
        const f = judge({ managementSource: "synced", jobTitle: null, department: null, picture: null, ...recentUi, name, email }, daily(seed));
        expect(f.verdict, explain(f)).toBe("human");
      }
    }
  });

  it("leaves a person with a job title alone, whatever the device's word ('Terminal Manager')", () => {
    const f = amongUnnamed({ managementSource: "synced", jobTitle: "Terminal Manager", department: null, picture: null, ...recentUi, name: "Factory Floor Screen Kericho", email: "screen.kericho@telco.example" }, daily(2));
    expect(f.verdict, explain(f)).toBe("human");
  });
});

describe("a given name with its hyphen in the mailbox", () => {
  /** A token's daily job at 07:47 UTC from one address, every day of 90, by a Go client; no sign-in. */
  function nightlyJob(): Raw[] {
    const out: Raw[] = [];
    for (let d = 90; d >= 1; d--) out.push(ev("a", REF_MS - d * DAY + 7 * HOUR + 47 * MIN, { action: "api_token_used", tokenId: "tk", authType: "api-token", ip: "198.168.74.197", userAgent: "Go-http-client/1.1" }));
    return out;
  }
  // Failed before: `bot` (the mailbox's hyphen read as a tool's, so no person's name was seen on
  // an account whose owner has been away from the UI for three months while their job runs).
  it("Charles-Antoine Bissonnette at charles-antoine.bissonnette@, away while their token's job runs each day, is reviewed, not `bot`", () => {
    const lastUi = { productAccess: [{ key: "jira-software", id: "ari:jira", lastActiveTimestamp: iso(REF_MS - 103 * DAY) }] };
    const job = nightlyJob();
    expect(job.filter((e) => isWeekend(Date.parse(e["time"] as string))).length).toBeGreaterThan(20);
    const f = amongNamed(
      { managementSource: undefined, jobTitle: undefined, department: undefined, picture: null, ...lastUi, name: "Charles-Antoine Bissonnette", email: "charles-antoine.bissonnette@telco.example" },
      job,
      [{ id: "tk", accountId: "a", label: "temp", status: "ALLOWED", createdAt: iso(REF_MS - 200 * DAY), expiresAt: iso(REF_MS + 165 * DAY), lastActiveAt: iso(REF_MS - DAY + 7 * HOUR + 47 * MIN) }],
    );
    expect(f.verdict, explain(f)).toBe("likely-bot");
    // The directory dropped the hyphen the mailbox keeps.
    const g = amongNamed(
      { managementSource: undefined, jobTitle: undefined, department: undefined, picture: null, ...lastUi, name: "Jean François Côté", email: "jean-francois.cote@telco.example" },
      job,
      [{ id: "tk", accountId: "a", label: "temp", status: "ALLOWED", createdAt: iso(REF_MS - 200 * DAY), expiresAt: iso(REF_MS + 165 * DAY), lastActiveAt: iso(REF_MS - DAY + 7 * HOUR + 47 * MIN) }],
    );
    expect(g.verdict, explain(g)).toBe("likely-bot");
    // A tool joins all of its name's words with hyphens: no person's name (`bot`, as before).
    const h = amongNamed(
      { managementSource: undefined, jobTitle: undefined, department: undefined, picture: null, ...lastUi, name: "FX Team LDN", email: "fx-team-ldn@telco.example" },
      job,
      [{ id: "tk", accountId: "a", label: "temp", status: "ALLOWED", createdAt: iso(REF_MS - 200 * DAY), expiresAt: iso(REF_MS + 165 * DAY), lastActiveAt: iso(REF_MS - DAY + 7 * HOUR + 47 * MIN) }],
    );
    expect(h.verdict, explain(h)).toBe("bot");
  });
});

describe("a department's account named for it", () => {
  /** Account `a` of `department`, invited, no title, signed in to from three desks with an email code each time. */
  const shared = (seed: number, name: string, email: string, department: string | null, judge = amongNamed): Finding =>
    judge({ managementSource: "invited", jobTitle: null, department, picture: null, ...recentUi, name, email }, teamSignIns(seed, ADDRESSES, true).map((e) => ({ ...e, actorId: "a" })));
  // Failed before: `human` (the department's name and a place's: no team's noun, no role address).
  it.each([
    ["Crewing Manila", "crewing@telco.example", "Crewing"],
    ["Chartering Desk SG", "chartering.sg@telco.example", "Chartering"],
    ["Crew Travel Limassol", "crewtravel@telco.example", "Crew Travel"],
    // A role whoever is on duty holds, Ops before it.
    ["Ops Duty Officer", "ops.duty@telco.example", null],
  ])("%s at %s, in department %s, signed in to by its staff, is reviewed where the org knows its given names", (name, email, department) => {
    for (const seed of SEEDS) {
      const f = shared(seed, name, email, department);
      expect(f.verdict, explain(f)).toBe("likely-bot");
    }
  });
  it.each([
    // A person's names after the department's, at her own mailbox.
    ["Sales Maria Lopez", "maria.lopez@telco.example", "Sales"],
    ["Sales Maria Lopez", "mlopez@telco.example", "Sales"],
    ["Sales Maria Lopez", "sales.lopez@telco.example", "Sales"],
    // Her name after the department's as a note.
    ["Finance - Maria Lopez", "finance.ml@telco.example", "Finance"],
    ["Sales Maria Lopez", "e1042387@telco.example", "Sales"],
    ["Sales Maria Lopez", "ml@telco.example", "Sales"],
    ["Sales Li Na", "li.na@telco.example", "Sales"],
    ["営業部 山田太郎", "yamada.taro@telco.example", "営業部"],
    // A department named as a person is, at her own mailbox.
    ["Grace Lopez", "grace.lopez@telco.example", "Grace"],
  ])("%s at %s, in department %s, signing in from three places with an email code, stays `human`", (name, email, department) => {
    for (const seed of SEEDS) {
      for (const judge of [amongNamed, amongUnnamed]) {
        const f = shared(seed, name, email, department, judge);
        expect(f.verdict, explain(f)).toBe("human");
      }
    }
  });
});

describe("a display name its holder made hostile, with a device's word or an open bracket", () => {
  // A bracket left open and repeated made `BRACKETED` scan from each "(" to the end (100,000
  // characters of "(a " took 14 seconds to judge, and the time grows with the square of the
  // length), and a device's word before a long run of spaces made the trailing number's and
  // code's patterns start again at each space (12 to 20 seconds at 100,000). Each of these names
  // of 200,000 characters is judged within the test's time limit.
  it.each([
    ["open brackets", "(a ".repeat(70_000)],
    ["open square brackets", "[a ".repeat(70_000)],
    ["a screen's word before spaces", `Screen${" ".repeat(200_000)}x`],
    ["a TV before spaces", `tv${" ".repeat(200_000)}a`],
    ["a kiosk before spaces and a number", `Kiosk${" ".repeat(200_000)}99`],
  ])("a name of %s is judged, and no person's is `bot`", (_what, name) => {
    const f = amongNamed({ managementSource: "synced", picture: null, jobTitle: null, department: null, ...recentUi, name, email: "ann.lee@telco.example" }, daily(1));
    expect(f.verdict).not.toBe("bot");
  });
});
