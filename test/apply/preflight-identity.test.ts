import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { preflight } from "../../src/core/apply/preflight.js";
import { parseAuditReport } from "../../src/core/plan/audit-report.js";
import { buildPlan } from "../../src/core/plan/planner.js";
import { parseSnapshot } from "../../src/core/snapshot/reader.js";
import type { Snapshot } from "../../src/core/snapshot/schema.js";
import { CAPABILITY_METHODS, CAPABILITY_NAMES, type Capabilities, type DirectoryProvider } from "../../src/providers/provider.js";
import { fixturePath } from "../helpers/run-cli.js";

const org = parseSnapshot(readFileSync(fixturePath("plan", "org.json"), "utf8"), "org.json");
const report = parseAuditReport(readFileSync(fixturePath("plan", "audit.json"), "utf8"), "audit.json");
const ALL = Object.fromEntries(CAPABILITY_NAMES.map((c) => [c, true])) as unknown as Capabilities;
const { plan } = buildPlan({
  snapshot: org,
  report,
  capabilities: ALL,
  options: { select: ["jenkins@acme.com"] },
  planId: "p-1",
  createdAt: new Date("2026-11-01T00:00:00.000Z"),
  provider: { name: "test" },
  source: { type: "audit" },
});

/** A provider claiming every capability whose directory is `snapshot` and whose identity is `orgId`. */
function providerFor(orgId: string | null, snapshot: Snapshot): DirectoryProvider {
  const p: Record<string, unknown> = { name: "test", orgId, capabilities: ALL, readSnapshot: async () => snapshot };
  for (const m of Object.values(CAPABILITY_METHODS).flat()) if (m !== "readSnapshot") p[m] = async () => undefined;
  p.listServiceAccounts = async () => [];
  // Without getAccount the stale-plan check reads the snapshot, which these tests control.
  delete p.getAccount;
  return p as unknown as DirectoryProvider;
}

describe("preflight reads the provider's declared identity", () => {
  it("refuses a plan for another organization, by the provider's orgId", async () => {
    await expect(preflight(plan, { provider: providerFor("org-2", org), journal: new Map() })).rejects.toMatchObject({
      code: "ORG_MISMATCH",
      message: "The plan is for organization org-1, but the provider is connected to org-2.",
    });
  });

  it("compares the snapshot's org id when the provider's identity is null", async () => {
    const other = { ...org, org: { ...org.org, id: "org-9" } };
    await expect(preflight(plan, { provider: providerFor(null, other), journal: new Map() })).rejects.toMatchObject({ code: "ORG_MISMATCH" });
    const ok = await preflight(plan, { provider: providerFor(null, org), journal: new Map() });
    expect(ok.runnable.map((m) => m.source.email)).toEqual(["jenkins@acme.com"]);
  });

  it("lets a provider whose orgId matches go on", async () => {
    const ok = await preflight(plan, { provider: providerFor("org-1", org), journal: new Map() });
    expect(ok.runnable).toHaveLength(1);
  });
});
