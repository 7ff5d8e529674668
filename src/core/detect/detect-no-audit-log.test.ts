// A snapshot without an audit log (an org whose plan keeps none, or a source that could not read
// it): none of a script's traces but a token's can be seen, so an account named like automation,
// with an empty profile, that the identity provider does not manage is reviewed on its name. A
// person keeps their verdict. Each test asserts the right verdict.
import { describe, expect, it } from "vitest";
import { account, DAY, EMPTY, explain, findingOf, iso, REF_MS, snap, type Raw } from "../../../test/helpers/people-audit.js";

const recentUi: Raw = { productAccess: [{ key: "jira-software", id: "ari:jira", lastActiveTimestamp: iso(REF_MS - DAY) }] };
const scraper = () => account("s", { name: "Report Scraper", email: "reports.scraper@acme.com", managementSource: "invited", ...EMPTY, ...recentUi });

describe("an account named like automation in a snapshot without an audit log", () => {
  it("with an empty profile and no IdP, is reviewed, and the evidence says why", () => {
    const f = findingOf(snap("no-audit-log", [scraper()], []), "s");
    expect(f.verdict, explain(f)).toBe("likely-bot");
    expect(f.recommendation).toBe("review");
    expect(f.signals.find((s) => s.id === "automation-identity")?.evidence, explain(f)).toMatch(/none can be seen without an audit log/);
  });

  // Sign-ins recorded: office hours, a browser, no token, no challenge.
  const officeSignIns = (): Raw[] => {
    const events: Raw[] = [];
    for (let d = 20; d >= 1; d--) {
      const day = REF_MS - d * DAY;
      if ([0, 6].includes(new Date(day).getUTCDay())) continue;
      events.push({ id: `e${d}`, time: iso(day + (9 * 60 + ((d * 37) % 90)) * 60_000), action: "user_login", actorId: "s", ip: "81.2.69.160", userAgent: "Mozilla/5.0 (Windows NT 10.0; Win64; x64) Chrome/130.0" });
    }
    return events;
  };
  it("with an audit log that shows a person at work and no script's traces, stays `human` (a person surnamed Scraper)", () => {
    const person = account("s", { name: "Anna Scraper", email: "anna.scraper@acme.com", managementSource: "invited", ...EMPTY, ...recentUi });
    const f = findingOf(snap("audit-log", [person], officeSignIns()), "s");
    expect(f.verdict, explain(f)).toBe("human");
  });
  // A team's word before the bot-like one leads as the word alone does (`reports-robot@`): each of
  // its sign-ins without 2SV now waits for an email code, whoever or whatever signs in.
  it("the same sign-ins on the scraper's own account named from its team's word are reviewed", () => {
    const f = findingOf(snap("audit-log", [scraper()], officeSignIns()), "s");
    expect(f.verdict, explain(f)).toBe("likely-bot");
  });

  it("synced from the IdP with a full profile (a person named Jenkins), stays `human`", () => {
    const f = findingOf(snap("no-audit-log", [account("j", { name: "Sarah Jenkins", email: "sarah.jenkins@acme.com" })], []), "j");
    expect(f.verdict, explain(f)).toBe("human");
  });

  it("when the source does not say who manages it, stays `human`", () => {
    const u = account("s", { name: "Scraper", email: "scraper@acme.com", ...EMPTY, ...recentUi });
    delete u["managementSource"];
    const f = findingOf(snap("no-audit-log", [u], []), "s");
    expect(f.verdict, explain(f)).toBe("human");
  });

  it("named as a job is, with a bot-like word, is reviewed whoever manages it: no person is named so", () => {
    const u = account("s", { name: "Report Scraper", email: "reports.scraper@acme.com", ...EMPTY, ...recentUi });
    delete u["managementSource"];
    const f = findingOf(snap("no-audit-log", [u], []), "s");
    expect(f.verdict, explain(f)).toBe("likely-bot");
  });
});

// A log of API-token use only (an export that keeps `user_api_token_used` and nothing else): a
// browser robot leaves nothing in it, as in no log at all.
describe("an account named like automation in an audit log that records no sign-ins", () => {
  /** Colleagues' token calls, every few hours on weekdays: the whole log. */
  const tokenLog = (): Raw[] => {
    const events: Raw[] = [];
    for (let d = 20; d >= 1; d--) for (const c of ["c1", "c2", "c3"]) events.push({ id: `t${c}${d}`, time: iso(REF_MS - d * DAY + 10 * 3_600_000), action: "user_api_token_used", actorId: c, tokenId: `tk-${c}`, ip: "81.2.69.160" });
    return events;
  };
  const colleagues = ["c1", "c2", "c3"].map((id) => account(id, { name: `Colleague ${id}`, email: `${id}@acme.com` }));
  const tokens = ["c1", "c2", "c3"].map((id) => ({ id: `tk-${id}`, accountId: id, label: "cli", status: "ALLOWED", lastActiveAt: iso(REF_MS - DAY) }));
  const logSnap = (user: Raw) => {
    const raw = snap("token-log", [user, ...colleagues], tokenLog());
    return { ...raw, apiTokens: tokens as typeof raw.apiTokens };
  };
  // Failed before: `human` (the log had events, so a name not leading with the word needed a trace, and none can be recorded there).
  it("\"Timesheet Exporter\" at `timesheets@`, invited, an empty profile, used in the UI yesterday, is reviewed", () => {
    const f = findingOf(logSnap(account("s", { name: "Timesheet Exporter", email: "timesheets@acme.com", managementSource: "invited", ...EMPTY, ...recentUi })), "s");
    expect(f.verdict, explain(f)).toBe("likely-bot");
    expect(f.signals.find((s) => s.id === "automation-identity")?.evidence, explain(f)).toMatch(/records no sign-ins and nothing of this account/);
  });
  it("a person with an empty profile and a name like anyone's stays `human`", () => {
    const f = findingOf(logSnap(account("s", { name: "Tom Baker", email: "tom.baker@acme.com", managementSource: "invited", ...EMPTY, ...recentUi })), "s");
    expect(f.verdict, explain(f)).toBe("human");
  });
});
