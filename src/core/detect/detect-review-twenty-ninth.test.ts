// Names read the wrong way: a team's mailbox whose display name spells its address (Quality
// Assurance at `qa@`, Human Resources at `hr@`, Information Technology at `it@`, Network
// Operations Center at `noc@`) read as a person's initials, so the team's shared account is no
// role address; and people whose surname or mailbox tag is a SaaS tool's name (Pierre Tableau at
// `tableau.p@`, Sarah Jenkins at `jenkins.sarah+zendesk@`). Each test asserts the verdict the
// situation should get, over several runs and the judge's changes to the log.
import { describe, expect, it } from "vitest";
import type { Snapshot } from "../snapshot/schema.js";
import { account, DAY, drop, EMPTY, ev, explain, findingOf, HOUR, isWeekend, iso, jitter, lcg, MIN, OFFICE, BROWSER, officeDays, perturbed, REF_MS, snap, stripUserAgents, token, tokenCall, type Perturb, type Raw, ideWorkdays } from "../../../test/helpers/people-audit.js";

const SEEDS = [1, 2, 3, 4, 5] as const;
const INVITED = { managementSource: "invited", ...EMPTY };
const CHANGES: readonly [string, Perturb[]][] = [
  ["clean", []],
  ["drop-30%", [drop(0.3)]],
  ["jitter-20min", [jitter(0, 20)]],
  ["no-user-agents", [stripUserAgents]],
];
/** Team mailboxes whose display name's initials are the address. */
const TEAMS: readonly [string, string, string][] = [
  ["qa", "Quality Assurance", "QA Team"],
  ["hr", "Human Resources", "HR Team"],
  ["it", "Information Technology", "IT Service Desk"],
  ["noc", "Network Operations Center", "Network Operations"],
];

/** Ten office workers beside `users`, with `events` of their own. */
function org(seed: number, users: Raw[], events: Raw[], tokens: Raw[] = []): Snapshot {
  const colleagues = Array.from({ length: 10 }, (_, i) => account(`col${i}`, { name: `Colleague ${i}` }));
  return snap("org", [...users, ...colleagues], [...events, ...colleagues.flatMap((_, i) => officeDays(lcg(seed * 100 + i), `col${i}`))], tokens);
}

/** A script's calls (account `d`) through token `tk` with python-requests from the office, every 1-40 minutes on weekdays 07:30-19:00. */
function workdayScript(seed: number): Raw[] {
  const r = lcg(seed * 13 + 5);
  const out: Raw[] = [];
  for (let d = 30; d >= 1; d--) {
    const day = REF_MS - d * DAY;
    if (isWeekend(day)) continue;
    const end = day + (17 + r() * 2) * HOUR;
    for (let t = day + (7.5 + r()) * HOUR; t < end; t += (1 + r() * 40) * MIN) out.push(tokenCall("d", Math.floor(t), "tk", OFFICE, "python-requests/2.31"));
  }
  return out;
}

/** Office days of a team's mailbox (account `d`) signed in to from five addresses (the team's desks, homes and phones). */
function teamSignIns(seed: number): Raw[] {
  const r = lcg(seed * 37 + 1);
  const addresses = [OFFICE, "86.14.22.9", "77.20.4.18", "172.56.9.40", "92.40.1.7"];
  const out: Raw[] = [];
  for (let d = 30; d >= 1; d--) {
    const day = REF_MS - d * DAY;
    if (isWeekend(day) || r() < 0.1) continue;
    const ip = addresses[Math.floor(r() * addresses.length)] as string;
    const start = day + (8 + r() * 2) * HOUR;
    out.push(ev("d", Math.floor(start), { ip, userAgent: BROWSER }));
    for (let k = 0; k < 6; k++) out.push(ev("d", Math.floor(start + (10 + r() * 400) * MIN), { action: "issue_updated", ip, userAgent: BROWSER }));
  }
  return out;
}

/** A contractor (account `d`, invited) working from an IDE plugin and a CLI on weekdays, no web UI for 120 days. */
function ide(seed: number, user: Raw): { users: Raw[]; events: Raw[]; tokens: Raw[] } {
  const events = ideWorkdays(seed);
  const u = account("d", { ...INVITED, ...user, productAccess: [{ key: "jira-software", id: "ari:jira", lastActiveTimestamp: iso(REF_MS - 120 * DAY) }] });
  return { users: [u], events, tokens: [token("ide", "d", REF_MS - DAY, "intellij"), token("cli", "d", REF_MS - DAY)] };
}

/** The runs (seed and change) in which account `d` gets `bad`: how many of all, and how the first came about; empty when none. */
function runsWith(bad: string, build: (seed: number) => { users: Raw[]; events: Raw[]; tokens: Raw[] }, changes = CHANGES): string[] {
  const out: string[] = [];
  for (const seed of SEEDS)
    for (const [name, change] of changes) {
      const { users, events, tokens } = build(seed);
      const f = findingOf(org(seed, users, perturbed(events, seed, change), tokens), "d");
      if (f.verdict === bad) out.push(`run ${seed} ${name}: ${explain(f)}`);
    }
  return out.length === 0 ? [] : [`${out.length} of ${SEEDS.length * changes.length} runs ${bad}, e.g. ${out[0] ?? ""}`];
}

describe("a team's mailbox whose display name spells its address", () => {
  // Quality Assurance at qa@ (and hr@, it@, noc@), synced with a team title, worked in the UI and by a python script's token: read as a person's initials, the shared account is `human` (`likely-bot` before).
  it("used in the UI and by a script's token is reviewed as shared", () => {
    const wrong: string[] = [];
    for (const [box, name, title] of TEAMS) {
      const build = (seed: number) => ({ users: [account("d", { name, email: `${box}@acme.com`, jobTitle: title, department: "IT" })], events: workdayScript(seed), tokens: [token("tk", "d", REF_MS - DAY)] });
      wrong.push(...runsWith("human", build, CHANGES.slice(0, 2)).map((run) => `${box}@ ${run}`));
    }
    expect(wrong).toEqual([]);
  });

  // Information Technology at it@ (and the others), signed in to from five addresses on office days: no role address, so no shared use is seen (`human`; "IT Team" at it@ is reviewed).
  it("signed in to from five addresses is reviewed as shared", () => {
    const wrong: string[] = [];
    for (const [box, name, title] of TEAMS) {
      const build = (seed: number) => ({ users: [account("d", { name, email: `${box}@acme.com`, jobTitle: title, department: "IT", picture: null })], events: teamSignIns(seed), tokens: [] });
      wrong.push(...runsWith("human", build).map((run) => `${box}@ ${run}`));
    }
    expect(wrong).toEqual([]);
  });

  // Human Resources at hr@ (and the others) with a team title, in a snapshot without an audit log: `human`, where a role address is reviewed (`likely-bot` before).
  it("without an audit log is reviewed", () => {
    const wrong: string[] = [];
    for (const [box, name, title] of TEAMS) {
      const colleagues = Array.from({ length: 10 }, (_, i) => account(`col${i}`, { name: `Colleague ${i}` }));
      const f = findingOf(snap("no-audit-log", [account("d", { name, email: `${box}@acme.com`, ...INVITED, jobTitle: title }), ...colleagues], []), "d");
      if (f.verdict === "human") wrong.push(`${box}@: ${explain(f)}`);
    }
    expect(wrong).toEqual([]);
  });

  // Guard: Ian Tran at it@ with a director's title, signed in to from five addresses, is a person.
  it("Ian Tran, a director at it@, stays human", () => {
    const build = (seed: number) => ({ users: [account("d", { name: "Ian Tran", email: "it@acme.com", jobTitle: "Director", department: "Finance" })], events: teamSignIns(seed), tokens: [] });
    expect(runsWith("likely-bot", build).concat(runsWith("bot", build))).toEqual([]);
  });
});

describe("people whose surname or mailbox tag is a tool's name", () => {
  // Pierre Tableau at tableau.p@ or tableau@ (surname first, as Sarah Jenkins at jenkins.sarah@): "tableau" is a bot-like word now, so the IDE contractor is `bot` (`likely-bot` before).
  it("an invited contractor named Pierre Tableau at tableau.p@ or tableau@ is not `bot`", () => {
    const wrong: string[] = [];
    for (const email of ["tableau.p@partner.example", "tableau@partner.example"]) wrong.push(...runsWith("bot", (seed) => ide(seed, { name: "Pierre Tableau", email })).map((run) => `${email} ${run}`));
    expect(wrong).toEqual([]);
  });

  // Sarah Jenkins at jenkins.sarah+zendesk@: the tag is a bot-like word now, so it is kept, the mailbox is no longer her name and her surname makes her `bot` (`likely-bot` at +jira@).
  it("an invited contractor named Sarah Jenkins at jenkins.sarah+zendesk@ is not `bot`", () => {
    const wrong: string[] = [];
    for (const tag of ["zendesk", "salesforce", "hubspot"]) wrong.push(...runsWith("bot", (seed) => ide(seed, { name: "Sarah Jenkins", email: `jenkins.sarah+${tag}@partner.example` })).map((run) => `+${tag} ${run}`));
    expect(wrong).toEqual([]);
  });

  // Guard: the same contractor at jenkins.sarah+jira@ is not `bot`.
  it("Sarah Jenkins at jenkins.sarah+jira@ is not `bot`", () => {
    expect(runsWith("bot", (seed) => ide(seed, { name: "Sarah Jenkins", email: "jenkins.sarah+jira@partner.example" }))).toEqual([]);
  });
});
