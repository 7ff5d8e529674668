import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { fixturePath } from "../../../test/helpers/run-cli.js";
import { parseAuditReport } from "../plan/audit-report.js";
import { migrationFingerprint } from "../plan/fingerprint.js";
import { findPlanProblems } from "../plan/io.js";
import { buildPlan } from "../plan/planner.js";
import { parseSnapshot } from "../snapshot/reader.js";
import type { Snapshot, User } from "../snapshot/schema.js";
import { NO_WRITE_CAPABILITIES } from "../../providers/provider.js";
import { addCorrelationToPlan, correlate, correlationOfReport, describeMatch, nameKey } from "./correlate.js";

const org = parseSnapshot(readFileSync(fixturePath("plan", "org.json"), "utf8"), "org.json");
const report = parseAuditReport(readFileSync(fixturePath("plan", "audit.json"), "utf8"), "audit.json");

function idpUser(accountId: string, name: string, email: string | null, active = true, extra: Partial<User> = {}): User {
  return {
    accountId,
    accountType: "atlassian",
    accountStatus: active ? "active" : "inactive",
    status: active ? "active" : "deactivated",
    name,
    email,
    productAccess: [],
    groupIds: [],
    ...extra,
  };
}

/** An IdP export: the same bots under other ids, one renamed mailbox, one deactivated, two Zapiers. */
const idp: Snapshot = {
  kind: "bot2svc.snapshot",
  version: 1,
  takenAt: "2026-11-01T00:00:00.000Z",
  source: { provider: "scim", baseUrl: "https://idp.example.com/scim/v2" },
  org: { id: "scim:https://idp.example.com/scim/v2", name: "Acme IdP", directoryId: "-", sites: [] },
  users: [
    idpUser("okta-1", "Jenkins (CI)", "JENKINS@acme.com"),
    idpUser("okta-2", "Deploy Bot", "deploy.bot@idp.acme.com"),
    idpUser("okta-3", "Wiki Sync", null, false, { userName: "wiki-sync@acme.com" } as Partial<User>),
    idpUser("okta-4", "Zapier", "zapier-1@idp.acme.com"),
    idpUser("okta-5", "Zapier", "zapier-2@idp.acme.com"),
    idpUser("okta-6", "Alice Jenkins", "alice@acme.com"),
  ],
  groups: [],
  apiTokens: [],
  events: [],
  serviceAccounts: [],
  serviceAccountTokens: [],
};

describe("correlate", () => {
  const result = correlate(report, org, idp, "idp.json");

  it("matches flagged accounts by email, ignoring case, and by a SCIM userName that is an email", () => {
    const byId = new Map(result.matches.map((m) => [m.accountId, m.other]));
    expect(byId.get("a-jenkins")).toMatchObject({ accountId: "okta-1", by: "email", active: true });
    expect(byId.get("a-wiki")).toMatchObject({ accountId: "okta-3", by: "email", active: false, status: "deactivated" });
  });

  it("matches by name only where the emails differ and exactly one account has the name", () => {
    expect(result.matches.find((m) => m.accountId === "a-deploy")?.other).toMatchObject({ accountId: "okta-2", by: "name" });
    expect(result.matches.some((m) => m.accountId === "a-zapier")).toBe(false);
    expect(result.ambiguous).toEqual(['zapier@acme.com: 2 accounts named "Zapier" in Acme IdP']);
    expect(result.unmatched).toBe(1);
  });

  it("only correlates bots and likely bots, in report order", () => {
    expect(result.matches.map((m) => m.accountId)).toEqual(["a-jenkins", "a-wiki", "a-deploy"]);
    expect(result.directory).toEqual({ provider: "scim", orgId: idp.org.id, name: "Acme IdP", file: "idp.json" });
  });

  it("says whether the bot is still active in the other directory", () => {
    const [jenkins, wiki] = result.matches;
    expect(describeMatch(jenkins!, result.directory)).toBe(
      "jenkins@acme.com also exists in Acme IdP (scim) as JENKINS@acme.com [okta-1], matched by email, and is still active there: retire it there too.",
    );
    expect(describeMatch(wiki!, result.directory)).toBe("wiki-sync@acme.com also exists in Acme IdP (scim) as Wiki Sync [okta-3], matched by email; it is already deactivated there.");
  });

  it("compares names without case, accents, punctuation or word order", () => {
    expect(nameKey("Hopper, Grace")).toBe(nameKey("grace hopper"));
    expect(nameKey("José Núñez")).toBe(nameKey("Jose Nunez"));
    expect(nameKey("Ada Lovelace")).not.toBe(nameKey("Ada Byron"));
    expect(nameKey("  ")).toBeUndefined();
  });

  it("adds deactivation in the other directory to the plan's migrations", () => {
    const { plan } = buildPlan({
      snapshot: org,
      report,
      capabilities: { ...NO_WRITE_CAPABILITIES, createServiceAccount: true, suspendAccount: true },
      options: { include: ["bot", "likely-bot"], includeAdmins: true },
      planId: "p-1",
      createdAt: new Date("2026-11-01T00:00:00.000Z"),
      provider: { name: "atlassian" },
      source: { type: "audit" },
    });
    const before = plan.migrations.map((m) => m.cutover.notes.length);
    expect(addCorrelationToPlan(plan, result)).toBe(3);
    const notesOf = (id: string) => plan.migrations.find((m) => m.source.accountId === id)!.cutover.notes;
    expect(notesOf("a-jenkins").at(-1)).toBe(
      "Also deactivate JENKINS@acme.com (account okta-1, matched by email) in Acme IdP (scim, idp.json) once the service account works: it is the same bot there and still active. " +
        "`bot2svc apply` does it after the decommission through SCIM (BOT2SVC_SCIM_BASE_URL and BOT2SVC_SCIM_TOKEN; without them it pauses for it to be done by hand and confirmed with --confirm-idp), and `bot2svc rollback` reactivates it (or, when it was done by hand, says to reactivate it there).",
    );
    // A SCIM directory: the deactivation is a step of the migration, covered by its fingerprint.
    const jenkins = plan.migrations.find((m) => m.source.accountId === "a-jenkins")!;
    expect(jenkins.idp).toEqual({ provider: "scim", orgId: result.directory.orgId, name: "Acme IdP", accountId: "okta-1", email: "JENKINS@acme.com", matchedBy: "email" });
    expect(jenkins.source.fingerprint).toBe(migrationFingerprint(jenkins));
    expect(jenkins.source.fingerprint).not.toBe(migrationFingerprint({ ...jenkins, idp: { ...jenkins.idp!, accountId: "okta-2" } }));
    expect(findPlanProblems(plan)).toEqual([]);
    expect(notesOf("a-wiki").at(-1)).toMatch(/already deactivated there\.$/);
    expect(plan.migrations.find((m) => m.source.accountId === "a-wiki")!.idp).toBeUndefined();

    // Another kind of directory, or an old account that is kept: a note only.
    const { plan: kept } = buildPlan({
      snapshot: org,
      report,
      capabilities: { ...NO_WRITE_CAPABILITIES, createServiceAccount: true, suspendAccount: true },
      options: { include: ["bot", "likely-bot"], includeAdmins: true, oldAccount: "none" },
      planId: "p-2",
      createdAt: new Date("2026-11-01T00:00:00.000Z"),
      provider: { name: "atlassian" },
      source: { type: "audit" },
    });
    addCorrelationToPlan(kept, result);
    expect(kept.migrations.every((m) => m.idp === undefined)).toBe(true);
    expect(kept.migrations.find((m) => m.source.accountId === "a-jenkins")!.cutover.notes.at(-1)).toMatch(/through SCIM with PATCH \/Users\/okta-1 setting active to false\.$/);
    expect(notesOf("a-zapier").length).toBe(before[plan.migrations.findIndex((m) => m.source.accountId === "a-zapier")]);

    // A SCIM user without an email cannot be checked before it is deactivated: a note only.
    const { plan: unchecked } = buildPlan({
      snapshot: org,
      report,
      capabilities: { ...NO_WRITE_CAPABILITIES, createServiceAccount: true, suspendAccount: true },
      options: { include: ["bot", "likely-bot"], includeAdmins: true },
      planId: "p-3",
      createdAt: new Date("2026-11-01T00:00:00.000Z"),
      provider: { name: "atlassian" },
      source: { type: "audit" },
    });
    const noEmail = { ...result, matches: result.matches.map((m) => (m.accountId === "a-jenkins" ? { ...m, other: { ...m.other, email: null } } : m)) };
    addCorrelationToPlan(unchecked, noEmail);
    const jenkinsUnchecked = unchecked.migrations.find((m) => m.source.accountId === "a-jenkins")!;
    expect(jenkinsUnchecked.idp).toBeUndefined();
    expect(jenkinsUnchecked.cutover.notes.at(-1)).toMatch(/through SCIM with PATCH \/Users\/okta-1 setting active to false\.$/);
  });

  it("reads a saved report's correlation back, and refuses a broken one naming the field", () => {
    const saved = { ...report, correlation: JSON.parse(JSON.stringify(result)) };
    expect(correlationOfReport(saved, "audit.json")).toEqual(result);
    expect(correlationOfReport(report, "audit.json")).toBeUndefined();
    const broken = { ...report, correlation: { ...result, matches: [{ ...result.matches[0], other: { ...result.matches[0]!.other, active: "yes" } }] } };
    expect(() => correlationOfReport(broken as never, "audit.json")).toThrow(
      expect.objectContaining({ message: "audit.json: correlation is not valid", details: ["correlation.matches.0.other.active: Invalid input: expected boolean, received string"] }),
    );
  });
});
