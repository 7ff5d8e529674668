// A hospital's and a university's dormant integrations: an invited account with an empty profile,
// an API token made months ago and never used (or expired), nothing in a month's audit log, and a
// name that starts with no given name of the org's people ("Bed Huddle Notes", "Compliance Intake
// Flow", "edi02"). Their names hold no bot-like word, so they were `human`. In an org of 120
// people with their own given names, such an account is reviewed; a person's own idle account,
// named for them, is not.
import { describe, expect, it } from "vitest";
import { account, BROWSER, DAY, EMPTY, ev, findingOf, HOUR, iso, lcg, REF_MS, snapshotOf, type Raw } from "../../../test/helpers/people-audit.js";

const CONSONANTS = ["B", "D", "F", "G", "K", "L", "M", "N", "P", "R", "S", "T"];
const VOWELS = ["a", "e", "i", "o", "u"];
/** 120 distinct given names of two syllables ("Bada", "Bebe", ...), none an English word. */
const GIVEN = CONSONANTS.flatMap((c) => VOWELS.flatMap((v) => [`${c}${v}d${v}`, `${c}${v}r${v}n`])).slice(0, 120);

/** People with titles, each signing in a few workdays of the month from the office: the org whose given names are known. */
function people(count: number): { users: Raw[]; events: Raw[] } {
  const r = lcg(7);
  const users: Raw[] = [];
  const events: Raw[] = [];
  for (let i = 0; i < count; i++) {
    const id = `u${i}`;
    const given = GIVEN[i] as string;
    users.push(account(id, { name: `${given} Okafor`, email: `${given.toLowerCase()}.okafor${i}@acme.com`, jobTitle: "Nurse", department: "Medicine" }));
    for (let d = 28; d >= 1; d -= 3 + Math.floor(r() * 3)) events.push(ev(id, Math.floor(REF_MS - d * DAY + (8 + r() * 2) * HOUR), { ip: "81.2.69.160", userAgent: BROWSER }));
  }
  return { users, events };
}

/** An invited account with an empty profile and a token made 200 days before, never used; nothing of it in the log. */
function dormant(name: string, email: string, managementSource: string | null = "invited"): { user: Raw; token: Raw } {
  return {
    user: account("p", { name, email, managementSource, ...EMPTY, productAccess: [{ key: "jira-software", id: "ari:jira", lastActiveTimestamp: null }] }),
    token: { id: "t-p", accountId: "p", label: "integration", status: "ALLOWED", createdAt: iso(REF_MS - 200 * DAY), expiresAt: iso(REF_MS + 165 * DAY), lastActiveAt: null },
  };
}

function verdictOf(name: string, email: string, org = 120, managementSource: string | null = "invited"): string {
  const { users, events } = people(org);
  const { user, token } = dormant(name, email, managementSource);
  return findingOf(snapshotOf([user, ...users], events, [token]), "p").verdict;
}

describe("a dormant integration's account named with no person's given name", () => {
  it.each([
    ["Bed Huddle Notes", "huddle.notes@acme.com"],
    ["Compliance Intake Flow", "flow.compliance1@acme.com"],
    ["edi02", "edi02@acme.com"],
  ])("%s at %s, invited, with a token never used, is likely-bot", (name, email) => {
    expect(verdictOf(name, email)).toBe("likely-bot");
  });

  it("is likely-bot where the directory records no management source (null)", () => {
    expect(verdictOf("Bed Huddle Notes", "huddle.notes@acme.com", 120, null)).toBe("likely-bot");
  });

  it("a person of the org's given names, idle with a token of their own, stays human", () => {
    expect(verdictOf(`${GIVEN[5]} Mensah`, `${(GIVEN[5] as string).toLowerCase()}.mensah@acme.com`)).toBe("human");
  });

  it("in an org of 60 people, whose names say little about a rare one, the dormant account is not reviewed for its name", () => {
    expect(verdictOf("Bed Huddle Notes", "huddle.notes@acme.com", 60)).toBe("human");
  });
});

// A mining group's integration the IdP still keeps, named with the integration's word first and
// the system after a dash, at a mailbox of the name's words (`integration.prontosync2@`): such a
// mailbox is no person's where the name starts with a tool's word.
describe("a dormant integration named with a tool's word first, at a mailbox of its name's words", () => {
  it("\"Integration - Pronto Sync\" at integration.prontosync2@, synced, with a token never used, is likely-bot", () => {
    expect(verdictOf("Integration - Pronto Sync", "integration.prontosync2@acme.com", 120, "synced")).toBe("likely-bot");
  });

  it("a person whose surname is a bot-like word, at a mailbox of their name, stays human", () => {
    expect(verdictOf(`${GIVEN[9]} Bridge`, `${(GIVEN[9] as string).toLowerCase()}.bridge@acme.com`, 120, "synced")).toBe("human");
  });
});

// A remote mine's site office, named for its place ("Yindarlgooda Site Office" at
// `yindarlgooda.siteoffice@`), that whoever is on site signs in to each workday: the place's name
// is no given name of the org's people, so the mailbox of the name's words is no person's.
describe("a site office named for its place, at a mailbox of its name's words", () => {
  function siteOffice(name: string, email: string, org = 120): string {
    const { users, events } = people(org);
    const r = lcg(11);
    const office = account("p", { name, email, ...EMPTY });
    for (let d = 28; d >= 1; d--) {
      const day = REF_MS - d * DAY;
      if ([0, 6].includes(new Date(day).getUTCDay())) continue;
      events.push(ev("p", Math.floor(day + (6 + r()) * HOUR), { ip: "203.26.141.20", userAgent: BROWSER }));
    }
    return findingOf(snapshotOf([office, ...users], events), "p").verdict;
  }

  it("is likely-bot in an org whose given names are known", () => {
    expect(siteOffice("Yindarlgooda Site Office", "yindarlgooda.siteoffice@acme.com")).toBe("likely-bot");
  });

  it("a person of the org's given names so labelled keeps their account", () => {
    expect(siteOffice(`${GIVEN[3]} Site Office`, `${(GIVEN[3] as string).toLowerCase()}.siteoffice@acme.com`)).toBe("human");
  });

  it("a person with a given name no one else in the org has, their site's admin at their own mailbox, keeps their account", () => {
    expect(siteOffice("Thabo Nkosi Site Admin", "thabo.nkosi@acme.com")).toBe("human");
  });
});
