import { describe, expect, it } from "vitest";
import { InputError } from "../../src/core/errors.js";
import { findPlanProblems, serializePlan } from "../../src/core/plan/io.js";
import { buildPlan, defaultScopesFor, planCandidates, workspaceAriOf, type BuildPlanInput } from "../../src/core/plan/planner.js";
import { planSchema } from "../../src/core/plan/schema.js";
import { NO_WRITE_CAPABILITIES } from "../../src/providers/provider.js";
import { ALL_CAPABILITIES, finding, smallReport, smallSnapshot } from "./builders.js";

function input(overrides: Partial<BuildPlanInput> = {}): BuildPlanInput {
  return {
    snapshot: smallSnapshot(),
    report: smallReport(),
    capabilities: ALL_CAPABILITIES,
    options: {},
    planId: "p-test",
    createdAt: new Date("2026-11-02T10:00:00.000Z"),
    provider: { name: "atlassian", baseUrl: "https://api.atlassian.com" },
    source: { type: "provider" },
    ...overrides,
  };
}

describe("buildPlan", () => {
  it("plans bots in email order with stable ids, and the plan passes its own schema and consistency checks", () => {
    const { plan } = buildPlan(input());
    expect(plan.migrations.map((m) => m.id)).toEqual(["m-a-jenkins", "m-a-wiki"]);
    expect(planSchema.safeParse(plan).success).toBe(true);
    expect(findPlanProblems(plan)).toEqual([]);
    expect(plan.org.sites?.[0]?.url).toBe("https://acme.atlassian.net");
  });

  it("follows the audit's lifecycle: an inactive account is planned only while the audit still recommends migrating it", () => {
    const inactive = (accountId: string, email: string, state: "suspended" | "deactivated" | "closed", recommendation: "none" | "migrate-to-service-account") =>
      finding(accountId, "bot", { name: email, email, recommendation, lifecycle: { state, evidence: `account is ${state}` } });
    const report = smallReport([
      finding("a-jenkins", "bot", { name: "Jenkins CI", email: "jenkins@acme.com" }),
      // Deactivated, but a script still uses its token: the audit says migrate it.
      inactive("a-wiki", "wiki-sync@acme.com", "deactivated", "migrate-to-service-account"),
      { ...inactive("a-old", "old@acme.com", "suspended", "none"), verdict: "likely-bot" as const, recommendation: "none" as const },
    ]);
    const snapshot = smallSnapshot();
    snapshot.users.push({ ...snapshot.users.find((u) => u.accountId === "a-wiki")!, accountId: "a-old", email: "old@acme.com", status: "suspended" });
    const { plan, excluded } = buildPlan(input({ report, snapshot, options: { include: ["bot", "likely-bot"] } }));
    expect(plan.migrations.map((m) => m.source.accountId)).toEqual(["m-a-jenkins", "m-a-wiki"].map((id) => id.slice(2)));
    expect(excluded).toEqual([
      { accountId: "a-old", name: "old@acme.com", email: "old@acme.com", reason: "suspended and no token of it is in use: the audit reports it, it is not planned" },
    ]);
    expect(planCandidates(report, snapshot, { includeAdmins: false }).map((f) => f.accountId)).toEqual(["a-jenkins", "a-wiki"]);
    expect(() => buildPlan(input({ report, snapshot, options: { select: ["old@acme.com"] } }))).toThrow(InputError);
  });

  it("is deterministic: same input, same bytes, whatever the order of findings", () => {
    const a = buildPlan(input());
    const reversed = smallReport();
    reversed.findings.reverse();
    const b = buildPlan(input({ report: reversed }));
    expect(serializePlan(b.plan)).toBe(serializePlan(a.plan));
  });

  it("fills the service account, credential, cut-over and old-account sections of a Jira bot", () => {
    const { plan } = buildPlan(input({ options: { soakDays: 7, oldAccount: "suspend" } }));
    const m = plan.migrations[0]!;
    expect(m.source).toMatchObject({ accountId: "a-jenkins", email: "jenkins@acme.com", verdict: "bot", isAdmin: false });
    expect(m.source.reasons).toEqual([
      "API token used 2026-10-31, UI never (a-jenkins)",
      "logins every 15 minutes around the clock",
      "name of a-jenkins looks like automation",
    ]);
    expect(m.source.fingerprint).toMatch(/^[0-9a-f]{64}$/);
    expect(m.serviceAccount.displayName).toBe("Jenkins CI");
    expect(m.serviceAccount.marker).toBe("bot2svc:p-test:m-a-jenkins");
    expect(m.serviceAccount.description).toBe(
      "Migrated from jenkins@acme.com by bot2svc plan p-test on 2026-11-02; marker bot2svc:p-test:m-a-jenkins",
    );
    expect(m.appRoles).toEqual([
      // roles/assign takes a role name and the workspace ARI, never a product-role ARI.
      { key: "jira-software", role: "atlassian/user", resource: "ari:cloud:jira::site/c-1" },
    ]);
    expect(m.credential).toEqual({
      label: "bot2svc-jenkins",
      scopes: ["read:jira-work", "write:jira-work", "read:jira-user"],
      expiryDays: 365,
      mint: "api",
    });
    expect(m.cutover.gatewayUrls).toEqual(["https://api.atlassian.com/ex/jira/c-1"]);
    expect(m.cutover.envVars).toEqual(["ATLASSIAN_EMAIL", "ATLASSIAN_API_TOKEN", "ATLASSIAN_BASE_URL"]);
    expect(m.cutover.notes.join("\n")).toMatch(/not the site URL \(https:\/\/acme\.atlassian\.net\)/);
    expect(m.cutover.notes.join("\n")).toMatch(/Basic auth.*NEW service account's email/);
    expect(m.cutover.notes.join("\n")).toMatch(/classic unscoped tokens may not work/);
    expect(m.oldAccount).toEqual({ action: "suspend", soakDays: 7, tokenIds: ["tok-1"] });
    expect(m.blockers).toEqual([]);
  });

  it("uses Confluence scopes and the Confluence gateway for a Confluence bot, granted as a user of its workspace", () => {
    const { plan } = buildPlan(input());
    const wiki = plan.migrations.find((m) => m.id === "m-a-wiki")!;
    expect(wiki.credential.scopes).toEqual(["read:confluence-content.all", "write:confluence-content", "read:confluence-space.summary", "read:confluence-user"]);
    expect(wiki.cutover.gatewayUrls).toEqual(["https://api.atlassian.com/ex/confluence/c-1"]);
    expect(wiki.appRoles[0]?.role).toBe("atlassian/user");
    expect(wiki.appRoles.every((r) => !r.role.startsWith("ari:") && r.resource.startsWith("ari:cloud:"))).toBe(true);
  });

  it("copies a synced group flagged, with a warning instead of a silent skip", () => {
    const { plan } = buildPlan(input());
    const m = plan.migrations[0]!;
    expect(m.groups).toEqual([
      { id: "g-automation", name: "automation", synced: false },
      { id: "g-hr", name: "hr-synced", synced: true },
    ]);
    expect(m.warnings).toContain(
      "group hr-synced is synced from your identity provider and cannot be copied by the admin API; add the service account in the IdP or the admin console",
    );
  });

  it("leaves admins out and reports them, unless includeAdmins", () => {
    const without = buildPlan(input());
    expect(without.plan.migrations.some((m) => m.source.accountId === "a-deploy")).toBe(false);
    expect(without.excluded).toEqual([
      { accountId: "a-deploy", name: "Deploy Bot", email: "deploy@acme.com", reason: "org or site admin; re-run with --include-admins to migrate it" },
    ]);
    const withAdmins = buildPlan(input({ options: { includeAdmins: true } }));
    const deploy = withAdmins.plan.migrations.find((m) => m.source.accountId === "a-deploy");
    expect(deploy?.source.isAdmin).toBe(true);
    expect(deploy?.warnings.join("\n")).toMatch(/admin roles are not copied/);
    expect(withAdmins.plan.includeAdmins).toBe(true);
    expect(withAdmins.excluded).toEqual([]);
  });

  it("includes likely bots only when asked", () => {
    expect(buildPlan(input()).plan.migrations.map((m) => m.source.accountId)).not.toContain("a-zapier");
    const { plan } = buildPlan(input({ options: { include: ["bot", "likely-bot"] } }));
    expect(plan.migrations.find((m) => m.source.accountId === "a-zapier")?.source.verdict).toBe("likely-bot");
  });

  it("blocks migrations beyond the service-account quota, in plan order", () => {
    const snapshot = smallSnapshot({
      quota: 5,
      serviceAccounts: [1, 2, 3, 4].map((n) => ({ id: `sa-${n}`, accountId: `712020:sa-${n}`, email: `s${n}@serviceaccount.atlassian.com`, displayName: `S${n}`, status: "active" })),
    });
    const { plan } = buildPlan(input({ snapshot }));
    expect(plan.migrations[0]!.blockers).toEqual([]);
    expect(plan.migrations[1]!.blockers.map((b) => b.code)).toEqual(["SA_QUOTA"]);
    expect(plan.migrations[1]!.blockers[0]!.message).toMatch(/4 of 5 exist and this plan needs 2 more/);
  });

  it("turns missing capabilities into a manual mint and blockers, never a silent skip", () => {
    const { plan } = buildPlan(input({ capabilities: NO_WRITE_CAPABILITIES, provider: { name: "snapshot" } }));
    const m = plan.migrations[0]!;
    expect(m.credential.mint).toBe("manual");
    expect(m.blockers.map((b) => b.code)).toEqual(["PROVIDER_CANNOT_CREATE", "OLD_ACCOUNT_UNSUPPORTED"]);
    expect(m.blockers[1]!.message).toMatch(/cannot suspend accounts; plan with --old-account none/);
    expect(m.warnings.join("\n")).toMatch(/cannot grant app roles/);
    expect(m.warnings.join("\n")).toMatch(/cannot add accounts to groups/);
  });

  it("mints by hand but is not blocked when only token minting is missing", () => {
    const { plan } = buildPlan(input({ capabilities: { ...ALL_CAPABILITIES, mintToken: false } }));
    expect(plan.migrations.every((m) => m.credential.mint === "manual" && m.blockers.length === 0)).toBe(true);
  });

  it("does not need a decommission capability for --old-account none", () => {
    const caps = { ...ALL_CAPABILITIES, suspendAccount: false, revokeToken: false, deactivateAccount: false };
    const { plan } = buildPlan(input({ capabilities: caps, options: { oldAccount: "none" } }));
    expect(plan.migrations.every((m) => m.blockers.length === 0)).toBe(true);
  });

  it("blocks an account that already is a service account", () => {
    const snapshot = smallSnapshot({
      serviceAccounts: [{ id: "sa-1", accountId: "a-jenkins", email: "j@serviceaccount.atlassian.com", displayName: "J", status: "active" }],
    });
    const { plan } = buildPlan(input({ snapshot }));
    expect(plan.migrations[0]!.blockers.map((b) => b.code)).toEqual(["ALREADY_SERVICE_ACCOUNT"]);
  });

  it("plans exactly the selected accounts, by id or email (any case)", () => {
    const { plan } = buildPlan(input({ options: { select: ["JENKINS@acme.com", "a-zapier"] } }));
    expect(plan.migrations.map((m) => m.source.accountId)).toEqual(["a-jenkins", "a-zapier"]);
  });

  it("refuses a selection with unknown or non-bot accounts, naming each one", () => {
    const report = smallReport();
    report.findings.push(finding("a-sa", "service-account"));
    const attempt = () => buildPlan(input({ report, options: { select: ["a-jenkins", "nobody@acme.com", "alice@acme.com", "a-sa"] } }));
    expect(attempt).toThrow(InputError);
    try {
      attempt();
    } catch (error) {
      expect((error as InputError).message).toBe("Cannot plan 3 selected accounts");
      expect((error as InputError).details).toEqual([
        "nobody@acme.com: no account with this id or email in the audit report or the directory",
        "alice@acme.com: verdict is human; only bot and likely-bot accounts can be migrated",
        "a-sa: verdict is service-account; only bot and likely-bot accounts can be migrated",
      ]);
    }
  });

  it("refuses to mix a report and a snapshot of different organizations", () => {
    const report = smallReport();
    report.org = { id: "org-2", name: "Other" };
    expect(() => buildPlan(input({ report }))).toThrow(/audit report is for organization org-2/);
  });

  it("refuses a token expiry above Atlassian's one-year cap", () => {
    expect(() => buildPlan(input({ options: { tokenExpiryDays: 400 } }))).toThrow(/Invalid plan options/);
  });

  it("honours explicit scopes, expiry, sink and old-account action", () => {
    const { plan } = buildPlan(
      input({
        options: { scopes: ["read:jira-work"], tokenExpiryDays: 90, oldAccount: "revoke-tokens", secretSink: { type: "env-file", dir: "./secrets" } },
      }),
    );
    expect(plan.secretSink).toEqual({ type: "env-file", dir: "./secrets" });
    expect(plan.migrations.every((m) => m.credential.scopes.join() === "read:jira-work" && m.credential.expiryDays === 90)).toBe(true);
    expect(plan.migrations[0]!.oldAccount.action).toBe("revoke-tokens");
  });

  it("gives unique token labels and migration ids even when slugs collide", () => {
    const snapshot = smallSnapshot();
    snapshot.users.push({ ...snapshot.users[1]!, accountId: "712020:x", email: "jenkins@other.example" });
    const report = smallReport([finding("a-jenkins", "bot", { email: "jenkins@acme.com" }), finding("712020:x", "bot", { email: "jenkins@other.example" })]);
    const { plan } = buildPlan(input({ snapshot, report }));
    expect(plan.migrations.map((m) => m.credential.label)).toEqual(["bot2svc-jenkins", "bot2svc-jenkins-2"]);
    expect(plan.migrations.map((m) => m.id)).toEqual(["m-a-jenkins", "m-712020-x"]);
  });

  it("lists pickable candidates: bots and likely bots, admins only on request", () => {
    const snapshot = smallSnapshot();
    expect(planCandidates(smallReport(), snapshot, { includeAdmins: false }).map((f) => f.accountId)).toEqual(["a-jenkins", "a-wiki", "a-zapier"]);
    expect(planCandidates(smallReport(), snapshot, { includeAdmins: true }).map((f) => f.accountId)).toContain("a-deploy");
  });

  it("lists Jira's gateway before Confluence's and warns about admin-looking groups", () => {
    const snapshot = smallSnapshot();
    const jenkins = snapshot.users.find((u) => u.accountId === "a-jenkins")!;
    jenkins.productAccess.unshift({ key: "confluence", id: "ari:cloud:confluence::site/c-1" });
    snapshot.groups.push({ id: "g-admins", name: "jira-admins" });
    jenkins.groupIds.push("g-admins");
    const { plan } = buildPlan(input({ snapshot, capabilities: { ...ALL_CAPABILITIES, verifyToken: false } }));
    const m = plan.migrations[0]!;
    expect(m.cutover.gatewayUrls).toEqual(["https://api.atlassian.com/ex/jira/c-1", "https://api.atlassian.com/ex/confluence/c-1"]);
    expect(m.warnings).toContain("group jira-admins looks like it grants admin rights and is not copied; plan with --include-admins to copy it");
    expect(m.groups.map((g) => g.id)).not.toContain("g-admins");
    const withAdmins = buildPlan(input({ snapshot, options: { includeAdmins: true } })).plan.migrations.find((x) => x.source.accountId === "a-jenkins")!;
    expect(withAdmins.groups.map((g) => g.id)).toContain("g-admins");
    expect(withAdmins.warnings).toContain("group jira-admins looks like it grants admin rights; keep it only if the automation needs them");
    expect(m.warnings).toContain("the atlassian provider cannot verify the token; check it with GET https://api.atlassian.com/ex/jira/c-1/rest/api/3/myself");
  });

  it("takes the gateway host from a bare provider base URL (the emulator) but not from a SCIM URL", () => {
    const emulator = buildPlan(input({ provider: { name: "atlassian", baseUrl: "http://127.0.0.1:4010/" } }));
    expect(emulator.plan.migrations[0]!.cutover.gatewayUrls).toEqual(["http://127.0.0.1:4010/ex/jira/c-1"]);
    const scim = buildPlan(input({ provider: { name: "scim", baseUrl: "https://api.atlassian.com/scim/directory/d-1" } }));
    expect(scim.plan.migrations[0]!.cutover.gatewayUrls).toEqual(["https://api.atlassian.com/ex/jira/c-1"]);
  });

  it("defaults scopes per product family", () => {
    expect(defaultScopesFor(["jira-servicedesk"])).toEqual(["read:jira-work", "write:jira-work", "read:jira-user"]);
    expect(defaultScopesFor(["jira-software", "confluence"])).toHaveLength(7);
    expect(defaultScopesFor(["bitbucket"])).toEqual(["read:jira-work", "write:jira-work", "read:jira-user"]);
  });
});

describe("workspaceAriOf", () => {
  it("names the workspace the way the workspaces search does, whatever product ARI the access carries", () => {
    expect(workspaceAriOf({ key: "jira-software", id: "ari:cloud:jira-software::site/c-9" })).toBe("ari:cloud:jira::site/c-9");
    expect(workspaceAriOf({ key: "jira-servicedesk", id: "ari:cloud:jira::site/c-9" })).toBe("ari:cloud:jira::site/c-9");
    expect(workspaceAriOf({ key: "confluence", id: "ari:cloud:confluence::site/c-9" })).toBe("ari:cloud:confluence::site/c-9");
    expect(workspaceAriOf({ key: "confluence", id: "c-9" })).toBe("ari:cloud:confluence::site/c-9");
  });
});
