// A person's own scheduled report (a Power BI refresh on their token) runs every afternoon from
// the cloud. In a log of the org's last ten days, in which the person happens not to sign in, the
// account shows nothing but the job: every day, at one time, from cloud addresses. Four such
// people of an independent generator's org were `bot` under that perturbation, i.e. planned for
// migration and suspension. Too short a log to expect a person's sign-in keeps a person's name
// and mailbox from `bot`: it is reviewed instead. An account named like automation is not held.
import { describe, expect, it } from "vitest";
import { dailyCloudRefresh, givenNamesOrg, SHORT_LOG_TAKEN_MS } from "../../../test/helpers/org-words.js";
import { account, byTime, CLOUD, DAY, ev, explain, findingOf, HOUR, iso, MIN, snapshotOf, type Raw } from "../../../test/helpers/people-audit.js";
import type { Finding } from "./types.js";

const SEEDS = [1, 2, 3] as const;
const DOMAIN = "meridiancrew.example";

/** An account no source says who manages, with no profile, whose UI use the snapshot does not record. */
const unrecorded = (name: string, email: string): Raw =>
  account("a", { name, email, managementSource: undefined, mfaEnabled: undefined, jobTitle: null, department: null, picture: null, productAccess: [{ key: "jira-software", id: "ari:jira" }] });

/** `a` among 120 colleagues who each signed in once in the last nine days: a log of about ten days. */
function judged(a: Raw, seed: number, days = 10): Finding {
  const { users, events } = givenNamesOrg(DOMAIN);
  const s = snapshotOf([a, ...users], [...events, ...dailyCloudRefresh(seed, days)].sort(byTime));
  return findingOf({ ...s, takenAt: iso(SHORT_LOG_TAKEN_MS) }, "a");
}

describe("a person's scheduled report in a log too short to show them", () => {
  it.each([
    ["Kristine Joy B. Pascual", "kjpascual@"],
    ["Tolis Petropoulos", "apetropoulos2@"],
    ["Francisco, Ryan C.", "rfrancisco2@"],
  ])("%s at `%s` is reviewed, not planned as a bot, and the finding says why", (name, mailbox) => {
    for (const seed of SEEDS) {
      const f = judged(unrecorded(name, `${mailbox}${DOMAIN}`), seed);
      expect([seed, f.verdict], explain(f)).toEqual([seed, "likely-bot"]);
      expect(f.signals.find((s) => s.id === "not-bot")?.evidence, explain(f)).toMatch(/records sign-ins for 9 days only, none of them this account's, and it is named as a person/);
    }
  });
  it.each([
    ["Kristine Pascual", "kristine@"],
    ["Anna Berg", "annab87@"],
  ])("so is %s at `%s`, a mailbox that does not spell the name", (name, mailbox) => {
    for (const seed of SEEDS) {
      const f = judged(unrecorded(name, `${mailbox}${DOMAIN}`), seed);
      expect([seed, f.verdict], explain(f)).toEqual([seed, "likely-bot"]);
    }
  });
  it("so is one in a log that records no sign-ins at all", () => {
    for (const seed of SEEDS) {
      const { users, events } = givenNamesOrg(DOMAIN);
      const work = events.map((e) => ({ ...e, action: "jira_issue_viewed" }));
      const s = snapshotOf([unrecorded("Kristine Joy B. Pascual", `kjpascual@${DOMAIN}`), ...users], [...work, ...dailyCloudRefresh(seed, 10)].sort(byTime));
      const f = findingOf({ ...s, takenAt: iso(SHORT_LOG_TAKEN_MS) }, "a");
      expect([seed, f.verdict], explain(f)).toEqual([seed, "likely-bot"]);
      expect(f.signals.find((x) => x.id === "not-bot")?.evidence, explain(f)).toMatch(/the audit log records no sign-ins at all, and it is named as a person/);
    }
  });
  it.each([
    ["suspended", { status: "suspended" }],
    ["out of the UI for 400 days", { productAccess: [{ key: "jira-software", id: "ari:jira", lastActiveTimestamp: iso(SHORT_LOG_TAKEN_MS - 400 * DAY) }] }],
  ])("a departed person's account a script reuses (%s) gives no such reason", (_label, fields) => {
    for (const seed of SEEDS) {
      const f = judged({ ...unrecorded("Kristine Pascual", `kristine.pascual@${DOMAIN}`), ...fields }, seed);
      expect(f.signals.find((x) => x.id === "not-bot")?.evidence ?? "", explain(f)).not.toMatch(/records (?:sign-ins for|no sign-ins)/);
    }
  });
  it("a log long enough to expect a person's sign-in gives no such reason", () => {
    for (const seed of SEEDS) {
      const f = judged(unrecorded("Kristine Joy B. Pascual", `kjpascual@${DOMAIN}`), seed, 16);
      expect(f.signals.find((s) => s.id === "not-bot")?.evidence ?? "", explain(f)).not.toMatch(/records sign-ins for/);
    }
  });
  it("nor do sign-ins of the account's own in the short log (the job's, from the cloud, before each run)", () => {
    for (const seed of SEEDS) {
      const a = unrecorded("Kristine Joy B. Pascual", `kjpascual@${DOMAIN}`);
      const { users, events } = givenNamesOrg(DOMAIN);
      const own = Array.from({ length: 10 }, (_, i) => ev("a", SHORT_LOG_TAKEN_MS - (i + 1) * DAY + 15 * HOUR + 28 * MIN, { ip: CLOUD }));
      const s = snapshotOf([a, ...users], [...events, ...own, ...dailyCloudRefresh(seed, 10)].sort(byTime));
      const f = findingOf({ ...s, takenAt: iso(SHORT_LOG_TAKEN_MS) }, "a");
      expect(f.signals.find((x) => x.id === "not-bot")?.evidence ?? "", explain(f)).not.toMatch(/records sign-ins for/);
    }
  });
  it.each([
    ["Zahariou", "azahariou@"],
    ["Finance Dashboard", "findash@"],
    ["Board Pack 2", "boardpack2@"],
  ])("nor does a name that is no person's (%s at `%s`)", (name, mailbox) => {
    for (const seed of SEEDS) {
      const f = judged(unrecorded(name, `${mailbox}${DOMAIN}`), seed);
      expect(f.signals.find((s) => s.id === "not-bot")?.evidence ?? "", explain(f)).not.toMatch(/records sign-ins for/);
    }
  });
  it("an account named like automation with the same job is a bot", () => {
    for (const seed of SEEDS) {
      const f = judged(unrecorded("Power BI Refresh", `powerbi.refresh@${DOMAIN}`), seed);
      expect([seed, f.verdict], explain(f)).toEqual([seed, "bot"]);
    }
  });
});
