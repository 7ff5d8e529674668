import { describe, expect, it } from "vitest";
import { validateSnapshot } from "../../src/core/snapshot/reader.js";
import { EmulatorError, EmulatorState } from "../../src/emulator/state.js";
import { sampleSnapshot } from "./fixture.js";

describe("EmulatorState", () => {
  it("never changes the snapshot it was seeded from", () => {
    const snapshot = sampleSnapshot();
    const before = JSON.stringify(snapshot);
    const state = new EmulatorState(snapshot);
    state.suspend("acc-0");
    state.addGroupMember("g-automation", "acc-0");
    state.createServiceAccount({ displayName: "X" });
    expect(JSON.stringify(snapshot)).toBe(before);
  });

  it("exports a valid snapshot after every kind of write, with no secret", () => {
    let now = new Date("2026-11-01T00:00:00.000Z");
    const state = new EmulatorState(sampleSnapshot(), { now: () => now, seed: 9 });
    const sa = state.createServiceAccount({ displayName: "Jenkins CI", description: "from bot2svc" });
    const minted = state.mintToken(sa.accountId, { label: "t", scopes: ["read:jira-work"], expiry: new Date("2027-01-01T00:00:00.000Z") });
    state.inviteServiceAccounts([sa.accountId], [{ role: "ari:cloud:jira-software::role/product/member", resource: "ari:cloud:jira-software::site/cloud-aaaa" }]);
    state.assignRole("acc-3", "atlassian/user", "ari:cloud:confluence::site/cloud-aaaa");
    state.addGroupMember("g-automation", "acc-3");
    state.disable("acc-0");
    state.revokeToken("acc-0", "tok-1");
    now = new Date("2026-11-02T00:00:00.000Z");
    const out = state.toSnapshot();
    expect(() => validateSnapshot(out, "state")).not.toThrow();
    expect(out.takenAt).toBe("2026-11-02T00:00:00.000Z");
    expect(out.serviceAccounts[1]).toMatchObject({
      createdAt: "2026-11-01T00:00:00.000Z",
      description: "from bot2svc",
      productAccess: [{ key: "jira-software", id: "ari:cloud:jira-software::site/cloud-aaaa" }],
    });
    expect(out.users[3]).toMatchObject({ groupIds: ["g-sso", "g-automation"] });
    expect(out.users[0]).toMatchObject({ accountStatus: "inactive", status: "deactivated" });
    expect(out.apiTokens.map((t) => t.id)).not.toContain("tok-1");
    expect(JSON.stringify(out)).not.toContain(minted.token);
  });

  it("rejects a token after it expires", () => {
    let now = new Date("2026-11-01T00:00:00.000Z");
    const state = new EmulatorState(sampleSnapshot(), { now: () => now });
    const sa = state.createServiceAccount({ displayName: "Bot" });
    const { token } = state.mintToken(sa.accountId, { label: "t", scopes: [], expiry: new Date("2026-11-03T00:00:00.000Z") });
    expect(state.authenticate(sa.email.toUpperCase(), token)?.accountId).toBe(sa.accountId);
    now = new Date("2026-11-04T00:00:00.000Z");
    expect(state.authenticate(sa.email, token)).toBeUndefined();
  });

  it("has no service-account limit when the snapshot gives no quota", () => {
    const snapshot = sampleSnapshot();
    delete snapshot.org.serviceAccountQuota;
    const state = new EmulatorState(snapshot);
    for (let i = 0; i < 10; i++) state.createServiceAccount({ displayName: `sa ${i}` });
    expect(state.serviceAccounts).toHaveLength(11);
    expect(new Set(state.serviceAccounts.map((s) => s.email)).size).toBe(11);
  });

  it("reports unknown accounts and groups with Atlassian codes", () => {
    const state = new EmulatorState(sampleSnapshot());
    expect(() => state.suspend("nobody")).toThrow(expect.objectContaining({ status: 404, code: "ADMIN-404-8" }));
    expect(() => state.addGroupMember("nope", "acc-0")).toThrow(EmulatorError);
    expect(() => state.removeGroupMember("g-sso", "acc-3")).toThrow(expect.objectContaining({ status: 400 }));
  });
});
