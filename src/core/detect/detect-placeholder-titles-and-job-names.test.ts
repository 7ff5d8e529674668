// Directories export "N/A" where an account has no job title: an integration's account titled so
// had a person's title and a full profile, and its name ("QLM e-Claims Uploader") was read as a
// person's with a project after it. Integrations are named for what they do to the data they move
// ("Archive Tagger", "Feed Poller", "Claims Uploader") and their mailboxes cut the noun short
// (`bloodbank.if@` for "Blood Bank Interface"). French names a monthly run and a scheduler so
// ("Run Facturation Mensuelle", "Ordonnanceur Control-M").
import { describe, expect, it } from "vitest";
import { judgedAmongGivenNames, workdayCalls } from "../../../test/helpers/org-words.js";
import { withoutPlaceholders } from "./features/profile.js";
import { account, BROWSER, DAY, EMPTY, ev, explain, HOUR, lcg, MIN, officeDays, REF_MS, snapshotOf, token, tokenCall, type Raw } from "../../../test/helpers/people-audit.js";

const RECENT_UI = { productAccess: [{ key: "jira-software", id: "ari:jira", lastActiveTimestamp: new Date(REF_MS - DAY).toISOString() }] };
const NEVER_UI = { productAccess: [{ key: "jira-software", id: "ari:jira", lastActiveTimestamp: null }] };

const judged = (a: Raw, events: Raw[] = [], apiTokens: Raw[] = []) => judgedAmongGivenNames("health.example", a, events, apiTokens);

/** A token made for a job, never used yet: its last use unknown. */
const unusedToken = (label: string): Raw => ({ ...token("tk", "a", REF_MS, label), lastActiveAt: null });

/** The owner's look at the UI now and then: a sign-in from the office on a few days, each after an email code (no 2SV). */
function ownerLooks(seed: number): Raw[] {
  const r = lcg(seed * 7 + 1);
  return [30, 18, 9, 2].flatMap((d) => {
    const at = Math.floor(REF_MS - d * DAY + (9 + r() * 6) * HOUR);
    return [ev("a", at - 40_000, { action: "email_otp_sent", ip: "81.2.69.160", userAgent: BROWSER }), ev("a", at, { ip: "81.2.69.160", userAgent: BROWSER })];
  });
}

describe("an integration's account titled N/A or named for what it does", () => {
  // Failed before: `human` ("N/A" was a person's title; the name a person's with a project after it).
  it('"QLM e-Claims Uploader" at `eclaims.svc@`, synced, titled "N/A", its token not yet used, is not `human`', () => {
    const f = judged({ name: "QLM e-Claims Uploader", email: "eclaims.svc@health.example", jobTitle: "N/A", department: null, picture: null, ...NEVER_UI }, [], [unusedToken("nightly-claims")]);
    expect(f.verdict, explain(f)).toBe("likely-bot");
    expect(f.signals.map((s) => s.id)).not.toContain("full-profile");
  });
  // Failed before: `human` (`if` was no interface's short form), in a department with a token not yet used.
  it('"Blood Bank Interface" at `bloodbank.if@`, in IT Applications, is not `human`', () => {
    const f = judged({ name: "Blood Bank Interface", email: "bloodbank.if@health.example", managementSource: "invited", jobTitle: null, department: "IT Applications", picture: null, ...NEVER_UI }, [], [unusedToken("prod")]);
    expect(f.verdict, explain(f)).toBe("likely-bot");
  });
  // Failed before for Archive Tagger: `human` (tagger was no integration's noun): synced, used in
  // the UI two days ago (set up), one email code in the log and nothing else. A system's word
  // before a noun that is a surname too (Poller, Tagger) makes it a tool's.
  it.each([
    ["Archive Tagger", "archive-tagger@health.example"],
    ["Lab Results Poller", "lab.results.poller@health.example"],
    ["Scan Uploader", "scan-uploader@health.example"],
  ])("%s at %s, synced with an empty profile, is not `human`", (name, email) => {
    const setUp = REF_MS - 2 * DAY + 10 * HOUR;
    const f = judged({ name, email, managementSource: "synced", mfaEnabled: false, ...EMPTY, productAccess: [{ key: "jira-software", id: "ari:jira", lastActiveTimestamp: new Date(setUp).toISOString() }] }, [ev("a", setUp - MIN, { action: "email_otp_sent", ip: "81.2.69.160", userAgent: BROWSER })]);
    expect(f.verdict, explain(f)).toBe("likely-bot");
  });
  // Failed before: `human` (mensuelle, facturation and run were no job's words; Control-M no bot's).
  it.each([
    ["Run Facturation Mensuelle", "factu-auto@health.example", "python-requests/2.31.0"],
    ["Ordonnanceur Control-M", "ordonnanceur@health.example", "curl/7.61.1"],
  ])("%s at %s, its token called by %s in working hours while its owner signs in, is not `human`", (name, email, client) => {
    for (const seed of [1, 2, 3]) {
      const f = judged({ name, email, managementSource: "invited", mfaEnabled: false, ...EMPTY, ...RECENT_UI }, [...workdayCalls(seed, client), ...ownerLooks(seed)], [token("tk", "a", REF_MS - DAY, "run")]);
      expect(f.verdict, explain(f)).not.toBe("human");
    }
  });
});

describe("people with such a title or such a word in their name", () => {
  it('a nurse titled "N/A", at work in the UI each weekday, is `human`', () => {
    for (const seed of [1, 2, 3]) {
      const f = judged({ name: "Bada Lindqvist", email: "bada.lindqvist@health.example", jobTitle: "N/A", department: "Ward 7", ...RECENT_UI }, officeDays(lcg(seed), "a"));
      expect(f.verdict, explain(f)).toBe("human");
    }
  });
  // Poller and Tagger are surnames; a colleague's given name first is a person's name. No job
  // title to tell a person by (an export without them).
  it.each([
    ["Anna Poller", "anna.poller@health.example"],
    ["Xiomara Poller", "xiomara.poller@health.example"],
    ["Xiomara Tagger", "xiomara.tagger@health.example"],
    ["Bada Tagger", "bada.tagger@health.example"],
    ["Maria Uploader", "maria.uploader@health.example"],
  ])("%s at %s, running her own script with a token, is `human`", (name, email) => {
    for (const seed of [1, 2, 3]) {
      const calls = workdayCalls(seed, "python-requests/2.31.0").filter((_, i) => i % 3 === 0);
      const f = judged({ name, email, ...EMPTY, ...RECENT_UI }, [...officeDays(lcg(seed), "a"), ...calls], [token("tk", "a", REF_MS - DAY, "my script")]);
      expect(f.verdict, explain(f)).toBe("human");
    }
  });
  it("a call in the morning is no monthly run: Bada Run at `bada.run@`, with a token, is `human`", () => {
    const calls = [1, 8, 15].map((d) => tokenCall("a", REF_MS - d * DAY + 9 * HOUR + 5 * MIN, "tk", "81.2.69.160", "jira-cli/1.5"));
    const f = judged({ name: "Bada Run", email: "bada.run@health.example", ...RECENT_UI }, [...officeDays(lcg(4), "a"), ...calls], [token("tk", "a", REF_MS - DAY)]);
    expect(f.verdict, explain(f)).toBe("human");
  });
});

describe("what reads as a placeholder", () => {
  // Departments stay as exported: a titled person in department "N/A" keeps a person's profile,
  // and "NA" is North America's.
  it('reads "N/A", "-", "TBD" and "unknown" as no job title, and keeps every department and real titles', () => {
    const users = [["N/A", "NA"], ["-", "N/A"], ["TBD", "Sales"], ["unknown", null], ["NA", "IT"], ["IT", "X"], ["Sales Engineer", "N/A"]].map(([jobTitle, department], i) => account(`u${i}`, { jobTitle, department }));
    const s = withoutPlaceholders(snapshotOf(users, []));
    expect(s.users.map((u) => [u.jobTitle, u.department])).toEqual([[null, "NA"], [null, "N/A"], [null, "Sales"], [null, null], ["NA", "IT"], ["IT", "X"], ["Sales Engineer", "N/A"]]);
  });
  it("leaves a snapshot without placeholders as it is", () => {
    const s = snapshotOf([account("u1", { jobTitle: "Nurse" })], []);
    expect(withoutPlaceholders(s)).toBe(s);
  });
});
