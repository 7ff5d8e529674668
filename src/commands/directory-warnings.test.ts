import { describe, expect, it } from "vitest";
import { detectionConfigSchema } from "../core/detect/config.js";
import { auditSnapshot } from "../core/detect/index.js";
import { buildScimSnapshot } from "../providers/scim/mappers.js";
import type { Snapshot } from "../core/snapshot/schema.js";
import { withSourceLimitations } from "./directory.js";

const TAKEN_AT = new Date("2026-11-01T00:00:00.000Z");

function warningsOf(snapshot: Snapshot): string[] {
  const report = auditSnapshot(snapshot, { detection: detectionConfigSchema.parse({}), allowlist: [], denylist: [], includeHumans: true, generatedAt: new Date(0) });
  return withSourceLimitations(report.warnings, snapshot);
}

const scim = (users: Parameters<typeof buildScimSnapshot>[0]["users"]) =>
  buildScimSnapshot({ orgId: "org-1", name: "Acme", baseUrl: "https://idp.example/scim/v2", takenAt: TAKEN_AT, users, groups: [] });

describe("the one warning of a SCIM audit", () => {
  const users = [
    { id: "u1", userName: "ana@acme.com", displayName: "Ana Lima", title: "Analyst" },
    { id: "u2", userName: "build@acme.com", displayName: "Build" },
  ];

  it("names two-step verification once, not once from the source and again from the profiles", () => {
    const [warning] = warningsOf(scim(users));
    expect(warning).toBeDefined();
    expect(warning).toContain("two-step verification state");
    expect(warning, warning).not.toContain("no account records mfaEnabled");
  });

  it("does not speak of cloud addresses when the source has no events to carry any", () => {
    const [warning] = warningsOf(scim(users));
    expect(warning, warning).not.toContain("cloud addresses");
  });
});

describe("profile warnings on snapshots without people", () => {
  const base: Snapshot = { ...scim([]), source: undefined } as unknown as Snapshot;

  it("say nothing about profiles when there are no accounts", () => {
    expect(warningsOf({ ...base, users: [] }).filter((w) => w.includes("no account records"))).toEqual([]);
  });

  it("say nothing about profiles when every account is an app or a service account", () => {
    const users = [
      { accountId: "app-1", accountType: "app", accountStatus: "active", status: "active", name: "Slack", productAccess: [], groupIds: [] },
      { accountId: "svc-1", accountType: "service", accountStatus: "active", status: "active", name: "CI", productAccess: [], groupIds: [] },
    ] as unknown as Snapshot["users"];
    expect(warningsOf({ ...base, users }).filter((w) => w.includes("no account records"))).toEqual([]);
  });
});
