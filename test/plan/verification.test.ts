import { describe, expect, it } from "vitest";
import { describeStateChanges } from "../../src/core/plan/fingerprint.js";
import { scopesReadUser, verificationOf } from "../../src/core/plan/verification.js";

const JIRA = "https://api.atlassian.com/ex/jira/c-1";
const CONF = "https://api.atlassian.com/ex/confluence/c-1";
const JIRA_SCOPES = ["read:jira-work", "write:jira-work", "read:jira-user"];
const CONF_SCOPES = ["read:confluence-content.all", "write:confluence-content", "read:confluence-space.summary", "read:confluence-user"];

function migration(gatewayUrls: string[], scopes: string[]) {
  return { cutover: { gatewayUrls, envVars: [], notes: [] }, credential: { label: "l", scopes, expiryDays: 90, mint: "api" as const } };
}

describe("verificationOf", () => {
  it("asks Jira's current user when the migration has Jira access", () => {
    expect(verificationOf(migration([JIRA, CONF], [...JIRA_SCOPES, ...CONF_SCOPES]))).toEqual({
      kind: "endpoint",
      product: "jira",
      cloudId: "c-1",
      gatewayUrl: JIRA,
      url: `${JIRA}/rest/api/3/myself`,
    });
  });

  it("asks Confluence's current user for a Confluence-only migration", () => {
    expect(verificationOf(migration([CONF], CONF_SCOPES))).toMatchObject({ kind: "endpoint", product: "confluence", url: `${CONF}/wiki/rest/api/user/current` });
  });

  it("asks Confluence when the scopes cannot read Jira's users", () => {
    expect(verificationOf(migration([JIRA, CONF], ["read:jira-work", ...CONF_SCOPES]))).toMatchObject({ kind: "endpoint", product: "confluence" });
  });

  it("is a manual check when no product answers the token", () => {
    const none = verificationOf(migration([], JIRA_SCOPES));
    expect(none).toMatchObject({ kind: "manual", reason: expect.stringMatching(/no Jira or Confluence access/) });
    const scopes = verificationOf(migration([JIRA], ["read:jira-work", "write:jira-work"]));
    expect(scopes).toMatchObject({ kind: "manual", reason: expect.stringMatching(/include no read:jira-user/) });
    if (scopes.kind === "manual") expect(scopes.instructions.join(" ")).toContain(JIRA);
  });

  it("accepts the granular user scopes only all together", () => {
    expect(scopesReadUser(["read:application-role:jira", "read:group:jira", "read:user:jira", "read:avatar:jira"], "jira")).toBe(true);
    expect(scopesReadUser(["read:user:jira"], "jira")).toBe(false);
    expect(scopesReadUser(["read:content-details:confluence"], "confluence")).toBe(true);
    expect(scopesReadUser(["read:confluence-content.all"], "confluence")).toBe(false);
  });
});

describe("product keys in the stale-plan comparison", () => {
  const state = (productAccess: string[]) => ({ status: "active", accountStatus: "active", groupIds: [], productAccess, tokenIds: [], platformRoles: [] });

  it("reads jira-software and jira on the same workspace as the same product", () => {
    expect(describeStateChanges(state(["jira-software|ari:cloud:jira::site/c-1"]), state(["jira|ari:cloud:jira::site/c-1"]))).toEqual([]);
  });

  it("still reports a product lost or gained", () => {
    expect(describeStateChanges(state(["jira-software|ari:cloud:jira::site/c-1"]), state([]))).toEqual(["lost product access jira-software"]);
    expect(describeStateChanges(state(["jira|ari:cloud:jira::site/c-1"]), state(["jira|ari:cloud:jira::site/c-1", "confluence|ari:cloud:confluence::site/c-1"]))).toEqual([
      "gained product access confluence",
    ]);
    expect(describeStateChanges(state(["jira-software|ari:cloud:jira::site/c-1"]), state(["jira|ari:cloud:jira::site/c-2"]))).toEqual([
      "gained product access jira",
      "lost product access jira-software",
    ]);
  });
});
