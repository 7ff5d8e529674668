import { describe, expect, it } from "vitest";
import { CONFLUENCE_SCOPES, JIRA_SCOPES } from "./planner.js";
import { isServiceAccountScope } from "./scopes.js";

describe("service-account token scopes", () => {
  it("accepts product scopes, classic and granular, and every default", () => {
    for (const scope of [
      ...JIRA_SCOPES,
      ...CONFLUENCE_SCOPES,
      "manage:jira-project",
      "manage:jira-configuration",
      "search:confluence",
      "write:servicedesk-request",
      "read:issue:jira",
      "read:board-scope:jira-software",
      "write:page:confluence",
      "readonly:content.attachment:confluence",
      "read:request:jira-service-management",
    ]) {
      expect(isServiceAccountScope(scope), scope).toBe(true);
    }
  });

  it("refuses admin, identity and other products' scopes", () => {
    for (const scope of ["manage:org", "read:directories:admin", "write:service-accounts:admin", "read:me", "read:account", "offline_access", "read:repository:bitbucket", "write:jira-work:admin"]) {
      expect(isServiceAccountScope(scope), scope).toBe(false);
    }
  });
});
