import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { canonicalJson, describeStateChanges, fingerprintOf, sourceStateOf } from "../../src/core/plan/fingerprint.js";
import type { SourceState } from "../../src/core/plan/schema.js";
import { smallSnapshot } from "./builders.js";

const base: SourceState = {
  status: "active",
  accountStatus: "active",
  groupIds: ["g-automation", "g-jira-users"],
  productAccess: ["jira-software|ari:cloud:jira::site/c-1|"],
  tokenIds: ["tok-1"],
  platformRoles: [],
};

describe("sourceStateOf", () => {
  it("keeps only the account's own tokens and sorts every list", () => {
    const snapshot = smallSnapshot();
    const jenkins = snapshot.users.find((u) => u.accountId === "a-jenkins")!;
    expect(sourceStateOf(jenkins, snapshot.apiTokens)).toEqual({
      status: "active",
      accountStatus: "active",
      groupIds: ["g-automation", "g-hr"],
      productAccess: ["jira-software|ari:cloud:jira::site/c-1|"],
      tokenIds: ["tok-1"],
      platformRoles: [],
    });
  });
});

describe("fingerprintOf", () => {
  it("is the sha256 of canonical JSON with sorted keys", () => {
    const expected = createHash("sha256").update(canonicalJson(base)).digest("hex");
    expect(fingerprintOf(base)).toBe(expected);
    expect(canonicalJson({ b: 1, a: [3, 1, 2] })).toBe('{"a":[1,2,3],"b":1}');
  });

  it("ignores order but not content", () => {
    const reordered: SourceState = { ...base, groupIds: ["g-jira-users", "g-automation"] };
    expect(fingerprintOf(reordered)).toBe(fingerprintOf(base));
    expect(fingerprintOf({ ...base, tokenIds: ["tok-1", "tok-9"] })).not.toBe(fingerprintOf(base));
    expect(fingerprintOf({ ...base, status: "suspended" })).not.toBe(fingerprintOf(base));
  });

  it("covers the token scopes as a set", () => {
    const scoped = fingerprintOf(base, [], undefined, ["read:jira-work", "write:jira-work"]);
    expect(scoped).not.toBe(fingerprintOf(base));
    expect(fingerprintOf(base, [], undefined, ["write:jira-work", "read:jira-work"])).toBe(scoped);
    expect(fingerprintOf(base, [], undefined, ["read:jira-work", "write:jira-work", "manage:jira-configuration"])).not.toBe(scoped);
    expect(fingerprintOf(base, [], undefined, ["read:jira-work"])).not.toBe(scoped);
  });
});

describe("describeStateChanges", () => {
  it("says nothing when nothing changed", () => {
    expect(describeStateChanges(base, { ...base, groupIds: [...base.groupIds].reverse() })).toEqual([]);
  });

  it("names each change in a sentence, with group names when known", () => {
    const current: SourceState = {
      status: "suspended",
      accountStatus: "inactive",
      groupIds: ["g-jira-users", "g-new"],
      productAccess: ["confluence|ari:cloud:confluence::site/c-1|"],
      tokenIds: ["tok-1", "tok-9"],
      platformRoles: ["org-admin"],
    };
    const names = new Map([["g-new", "automation"], ["g-automation", "old-automation"]]);
    expect(describeStateChanges(base, current, names)).toEqual([
      "status changed from active to suspended",
      "account status changed from active to inactive",
      'gained group "automation"',
      'lost group "old-automation"',
      "gained product access confluence",
      "lost product access jira-software",
      "new API token tok-9",
      "gained admin role org-admin",
    ]);
  });

  it("falls back to group ids and reports removed tokens", () => {
    const current: SourceState = { ...base, groupIds: ["g-jira-users"], tokenIds: [] };
    expect(describeStateChanges(base, current)).toEqual(['lost group "g-automation"', "API token tok-1 no longer exists"]);
  });

  it("reports a role change on the same product as one change", () => {
    const current: SourceState = { ...base, productAccess: ["jira-software|ari:cloud:jira::site/c-1|ari:cloud:jira-software::role/product/admin"] };
    expect(describeStateChanges(base, current)).toEqual([
      "role on jira-software changed from (default) to ari:cloud:jira-software::role/product/admin",
    ]);
  });

  it("names the site when a product is on several sites", () => {
    const planned: SourceState = { ...base, productAccess: ["jira-software|ari:cloud:jira::site/c-1|", "jira-software|ari:cloud:jira::site/c-2|"] };
    const current: SourceState = { ...base, productAccess: ["jira-software|ari:cloud:jira::site/c-1|"] };
    expect(describeStateChanges(planned, current)).toEqual(["lost product access jira-software on ari:cloud:jira::site/c-2"]);
  });
});
