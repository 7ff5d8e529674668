// The org's given names are learnt from its accounts' names (`OrgVocabulary`): an untitled name at
// a mailbox of its words teaches its first word. A numbered sister of a device or a tool ("Screen -
// Manchester 5th Floor" at `screen.manchester@`, "jira-test-01") taught "Screen" and "Jira", and
// shielded the device or the job beside it as if a person were named so. A name with a number
// teaches nothing now, nor does a report's, a summary's, a KPI's, a digest's, an export's or a
// dashboard's account ("Factory Daily Summary" at `factory.daily@`); the people beside such
// accounts keep their verdicts.
import { describe, expect, it } from "vitest";
import { givenNamesOrg } from "../../../test/helpers/org-words.js";
import { recentUi } from "../../../test/helpers/name-attacks.js";
import { account, byTime, DAY, explain, findingOf, lcg, officeDays, REF_MS, snapshotOf, token, type Raw } from "../../../test/helpers/people-audit.js";
import type { Finding } from "./types.js";

const SEEDS = [1, 2, 3] as const;

/** Account `a` with its `events` and `tokens`, among the org of given names with `colleagues` added (each at work from the office). */
function amongNamedWith(colleagues: readonly Raw[], a: Raw, events: Raw[], tokens: Raw[] = []): Finding {
  const { users, events: theirs } = givenNamesOrg("port.example");
  const theirDays = colleagues.flatMap((c, i) => officeDays(lcg(i * 31 + 7), c["accountId"] as string));
  return findingOf(snapshotOf([account("a", a), ...colleagues, ...users], [...theirs, ...theirDays, ...events].sort(byTime), tokens), "a");
}
/** Account `a` beside the untitled `colleague` (`untitled`), with `events(seed)` and `tokens(seed)`, judged `verdict` in each seed. */
function expectEach(verdict: string, colleague: readonly [string, string], a: Raw, events: (seed: number) => Raw[], tokens: (seed: number) => Raw[] = () => []): void {
  for (const seed of SEEDS) {
    const f = amongNamedWith([untitled("o", colleague[0], colleague[1])], a, events(seed), tokens(seed));
    expect(f.verdict, explain(f)).toBe(verdict);
  }
}
/** An untitled account the admin invited, as a device's or a tool's is. */
const untitled = (id: string, name: string, email: string): Raw => account(id, { name, email, managementSource: "invited", jobTitle: null, department: null, picture: null });
/** Account `a` signing in each weekday from the office and working there, as a screen's browser or a person does. */
const daily = (seed: number): Raw[] => officeDays(lcg(seed * 13 + 5), "a");

describe("a device beside a sister that taught the org its first word as a given name", () => {
  // Failed before: `human`. A numbered sister ("Screen - Manchester 5th Floor") made Screen a given
  // name, and a report's account ("Factory Daily Summary" at `factory.daily@`) Factory, so the
  // device's name read as a person's.
  const DEVICES: readonly [string, string, string, string][] = [
    ["Screen - Edinburgh 6th Floor", "screen.edinburgh@port.example", "Screen - Manchester 5th Floor", "screen.manchester@port.example"],
    ["Screen - Edinburgh 6th Floor", "screen.edinburgh@port.example", "Screen 2 Manchester", "screen.manchester2@port.example"],
    ["Factory Floor Screen Kericho", "screen.kericho@port.example", "Factory Daily Summary", "factory.daily@port.example"],
    ["Warehouse Wall Screen Mombasa", "screen.mombasa@port.example", "Warehouse KPI Dashboard", "warehouse.kpi@port.example"],
    ["Warehouse Wall Screen Mombasa", "screen.mombasa@port.example", "Warehouse Reports", "warehouse.reports@port.example"],
  ];
  it.each(DEVICES)("%s at %s, beside %s, is reviewed", (name, email, sister, sisterEmail) => {
    expectEach("likely-bot", [sister, sisterEmail], { managementSource: "invited", jobTitle: null, department: null, picture: null, ...recentUi, name, email }, daily);
  });
});

describe("people beside numbered accounts keep their verdicts", () => {
  // The only other holder of the given name is a numbered account: a person's second account, or
  // a device named for a person. Each person stays `human`, before this change and after.
  const PEOPLE: readonly [string, string, string, string][] = [
    ["Grace Board", "grace.board@port.example", "Grace Board 2", "grace.board2@port.example"],
    ["Pat Screen", "pat.screen@port.example", "Pat Screen (2)", "pat.screen2@port.example"],
    ["Xiadani Monitor", "xiadani.monitor@port.example", "Xiadani Quispe 2", "xiadani.quispe2@port.example"],
    ["Tab Hunter", "tab.hunter@port.example", "Tab Hunter 2", "tab.hunter2@port.example"],
    ["Robin Page", "robin.page@port.example", "Robin Page 01", "robin.page01@port.example"],
    ["Grace Mensah", "grace.mensah@port.example", "Grace Okoro 2", "grace.okoro2@port.example"],
    ["Xochitl Quispe", "xochitl.quispe@port.example", "Xochitl Ramos (2)", "xochitl.ramos2@port.example"],
    ["Sage Whitfield", "sage.whitfield@port.example", "Sage Whitfield 2", "sage.whitfield2@port.example"],
    ["Priya Raman", "priya.raman@port.example", "Priya Nair (KPI Reporting)", "priya.nair@port.example"],
  ];
  it.each(PEOPLE)("%s at %s, at work from the office, beside %s, stays `human`", (name, email, other, otherEmail) => {
    expectEach("human", [other, otherEmail], { name, email, jobTitle: null, department: null, picture: null, ...recentUi }, daily);
  });
  it.each(PEOPLE)("%s at %s, idle with a token made a month ago and never used, beside %s, stays `human`", (name, email, other, otherEmail) => {
    const tokens = (seed: number): Raw[] => [{ ...token("tk", "a", REF_MS, "laptop"), createdAt: new Date(REF_MS - (30 + seed) * DAY).toISOString(), lastActiveAt: null }];
    expectEach("human", [other, otherEmail], { name, email, managementSource: "invited", jobTitle: null, department: null, picture: null }, () => [], tokens);
  });
});

describe("a person's own second account, numbered or with a report's note, still teaches their given name", () => {
  // Xiadani Quispe, invited with an empty profile, is idle or on leave; her only namesake is her
  // own second account, "Xiadani Quispe 2". Without it the org does not know Xiadani, and the idle
  // account of an unknown name with a token is reviewed; with it, it is a person's.
  const OWN: readonly [string, string, string, string][] = [
    ["Xiadani Quispe", "xiadani.quispe@port.example", "Xiadani Quispe 2", "xiadani.quispe2@port.example"],
    ["Ioana Bot", "ioana.bot@port.example", "Ioana Bot (2)", "ioana.bot2@port.example"],
    ["Kim Panel", "kim.panel@port.example", "Kim Panel #2", "kim.panel2@port.example"],
    ["Xiadani Quispe", "xiadani.quispe@port.example", "Xiadani Quispe Admin 1", "xiadani.quispe.admin1@port.example"],
    ["Xiadani Quispe", "xiadani.quispe@port.example", "Xiadani Quispe 01 (Ext)", "xiadani.quispe01@port.example"],
    ["Xiadani Quispe", "xiadani.quispe@port.example", "Xiadani Quispe2", "xiadani.quispe2@port.example"],
    ["Priya Shah", "priya.shah@port.example", "Priya Shah (Reports)", "priya.shah.reports@port.example"],
    ["Priya Shah", "priya.shah@port.example", "Priya Shah - KPI Dashboard", "priya.shah.kpi@port.example"],
  ];
  const idle = (seed: number, usedDaysAgo: number | null): Raw[] => [{ ...token("tk", "a", REF_MS, "laptop"), createdAt: new Date(REF_MS - (60 + seed) * DAY).toISOString(), lastActiveAt: usedDaysAgo === null ? null : new Date(REF_MS - usedDaysAgo * DAY).toISOString() }];
  const fields = (name: string, email: string, uiDaysAgo: number | null): Raw => ({
    name,
    email,
    managementSource: "invited",
    jobTitle: null,
    department: null,
    picture: null,
    productAccess: [{ key: "jira-software", id: "ari:jira", lastActiveTimestamp: uiDaysAgo === null ? null : new Date(REF_MS - uiDaysAgo * DAY).toISOString() }],
  });
  it.each(OWN)("%s at %s, a token never used and no UI use ever, beside %s, stays `human`", (name, email, own, ownEmail) => {
    expectEach("human", [own, ownEmail], fields(name, email, null), () => [], (seed) => idle(seed, null));
  });
  it.each(OWN)("%s at %s, on leave (UI 40 days ago, token 30 days ago), beside %s, stays `human`", (name, email, own, ownEmail) => {
    expectEach("human", [own, ownEmail], fields(name, email, 40), () => [], (seed) => idle(seed, 30));
  });
});
