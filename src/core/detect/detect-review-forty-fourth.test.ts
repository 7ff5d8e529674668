// People with a surname, given name or mailbox word that is also a bot-like word, invited (no
// IdP) with an empty profile, in an org whose audit log records API-token use and no sign-ins:
// the log shows nothing against them and their UI use is recent, so they stay `human`.
import { describe, expect, it } from "vitest";
import { account, DAY, EMPTY, explain, findingOf, HOUR, iso, isWeekend, MIN, OFFICE, REF_MS, snap, type Raw } from "../../../test/helpers/people-audit.js";

const recentUi: Raw = { productAccess: [{ key: "jira-software", id: "ari:jira", lastActiveTimestamp: iso(REF_MS - DAY) }] };

/** Colleagues' token calls, once a weekday morning each: the whole log. */
function colleagueTokenLog(): Raw[] {
  const events: Raw[] = [];
  for (let d = 28; d >= 1; d--) {
    const day = REF_MS - d * DAY;
    if (isWeekend(day)) continue;
    for (const c of ["c1", "c2", "c3"]) events.push({ id: `t${c}${d}`, time: iso(day + 10 * HOUR), action: "user_api_token_used", actorId: c, tokenId: `tk-${c}`, ip: OFFICE });
  }
  return events;
}
const colleagues = ["c1", "c2", "c3"].map((id) => account(id, { name: `Colleague ${id}`, email: `${id}@acme.com` }));
const colleagueTokens: Raw[] = ["c1", "c2", "c3"].map((id) => ({ id: `tk-${id}`, accountId: id, label: "cli", status: "ALLOWED", lastActiveAt: iso(REF_MS - 3 * DAY) }));

/** A person's own CLI token used a few times on weekday afternoons from the office. */
function ownTokenCalls(id: string): Raw[] {
  const events: Raw[] = [];
  for (let d = 28; d >= 1; d--) {
    const day = REF_MS - d * DAY;
    if (isWeekend(day) || d % 3 === 0) continue;
    for (const k of [0, 1]) events.push({ id: `o${id}${d}${k}`, time: iso(day + 14 * HOUR + ((d * 17 + k * 53) % 120) * MIN), action: "user_api_token_used", actorId: id, tokenId: `tk-${id}`, ip: OFFICE });
  }
  return events;
}

function tokenOnlyOrg(person: Raw, ownToken = false) {
  const id = person["accountId"] as string;
  const events = [...colleagueTokenLog(), ...(ownToken ? ownTokenCalls(id) : [])];
  const tokens = [...colleagueTokens, ...(ownToken ? [{ id: `tk-${id}`, accountId: id, label: "jira-cli", status: "ALLOWED", lastActiveAt: iso(REF_MS - 2 * DAY + 15 * HOUR) }] : [])];
  return snap("token-only-log", [person, ...colleagues], events, tokens);
}
const invited = (name: string, email: string, extra: Raw = {}): Raw => account("p", { name, email, managementSource: "invited", ...EMPTY, ...recentUi, ...extra });

describe("an invited person with an empty profile and a bot-like surname, in a log of token use only", () => {
  // Each passed before (human: the log had events, so a name not leading with the word needed a trace).
  for (const [name, email] of [
    ["Sarah Jenkins", "sarah.jenkins@acme.com"],
    ["Tom Runner", "tom.runner@acme.com"],
    ["Anna Bridge", "anna.bridge@acme.com"],
    ["Mia Cypress", "mia.cypress@acme.com"],
    ["Ci Wang", "ci.wang@acme.com"],
    ["Norman Mailer", "norman.mailer@acme.com"],
    ["Peter Builder", "peter.builder@acme.com"],
    ["Lena Loader", "lena.loader@acme.com"],
  ] as const) {
    it(`"${name}" at \`${email}\`, used in the UI yesterday, stays \`human\``, () => {
      const f = findingOf(tokenOnlyOrg(invited(name, email)), "p");
      expect(f.verdict, explain(f)).toBe("human");
    });
  }

  // Passed before (human: a token after a surname-like word is no trace).
  it("Sarah Jenkins with her own CLI token, used on weekday afternoons from the office, stays `human`", () => {
    const f = findingOf(tokenOnlyOrg(invited("Sarah Jenkins", "sarah.jenkins@acme.com"), true), "p");
    expect(f.verdict, explain(f)).toBe("human");
  });

});

describe("the evidence of a review on the name in a log of token use only", () => {
  // Passed before (she was human, so no such evidence was written).
  it("does not list the person's own CLI token as a script's trace the rule did not need", () => {
    const f = findingOf(tokenOnlyOrg(invited("Sarah Jenkins", "sarah.jenkins@acme.com"), true), "p");
    const ev = f.signals.find((s) => s.id === "automation-identity")?.evidence ?? "";
    if (f.verdict === "likely-bot") expect(ev, ev).not.toMatch(/shows a script's traces \(/);
  });
});

// A log that records work in the browser (issues viewed and edited) but no sign-ins: the
// person's own browser use is there to see, every weekday in office hours.
describe("an invited person surnamed Jenkins in a log of browser work and no sign-ins", () => {
  const BROWSER_UA = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0 Safari/537.36";
  function browserWork(id: string): Raw[] {
    const events: Raw[] = [];
    for (let d = 28; d >= 1; d--) {
      const day = REF_MS - d * DAY;
      if (isWeekend(day)) continue;
      for (let k = 0; k < 6; k++) events.push({ id: `w${id}${d}${k}`, time: iso(day + 9 * HOUR + ((d * 29 + k * 71) % 480) * MIN), action: k % 2 === 0 ? "issue_viewed" : "issue_updated", actorId: id, ip: OFFICE, userAgent: BROWSER_UA });
    }
    return events;
  }
  const org = (person: Raw) => snap("browser-work-log", [person, ...colleagues], [...browserWork("p"), ...browserWork("c1"), ...browserWork("c2")]);
  // Passed before (human: no script's trace).
  it("at work in the browser every weekday, stays `human`", () => {
    const f = findingOf(org(invited("Sarah Jenkins", "sarah.jenkins@acme.com")), "p");
    expect(f.verdict, explain(f)).toBe("human");
  });
  // Passed before (human, no such evidence).
  it("is never told that no browser's trace can be seen in a log full of her browser work", () => {
    const f = findingOf(org(invited("Sarah Jenkins", "sarah.jenkins@acme.com")), "p");
    const ev = f.signals.find((s) => s.id === "automation-identity")?.evidence ?? "";
    expect(ev, ev).not.toMatch(/none of a browser's can be seen/);
  });
});
