import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { packageRoot } from "../../paths.js";
import { parseSnapshot } from "../snapshot/reader.js";
import type { AuditEvent, Snapshot } from "../snapshot/schema.js";
import { detectionConfigSchema } from "./config.js";
import { auditSnapshot } from "./index.js";

// The bundled demo org is judged against its ground truth, both as the generator wrote it and as
// Atlassian's audit-event API would deliver it: that API records no user agent, so a verdict that
// hinged on one would change between a snapshot file and a live read of the same org.

const root = packageRoot();
const snapshotFile = join(root, "fixtures", "demo-org.json");
const demo = parseSnapshot(readFileSync(snapshotFile, "utf8"), snapshotFile);
const truth = JSON.parse(readFileSync(join(root, "fixtures", "demo-org.labels.json"), "utf8")) as {
  labels: Record<string, string>;
  kinds: Record<string, string>;
};

function verdicts(snapshot: Snapshot): Map<string, string> {
  const report = auditSnapshot(snapshot, {
    detection: detectionConfigSchema.parse({}),
    allowlist: [],
    denylist: [],
    includeHumans: true,
    generatedAt: new Date(snapshot.takenAt),
  });
  return new Map(report.findings.map((f) => [f.accountId, f.verdict]));
}

function withoutUserAgents(snapshot: Snapshot): Snapshot {
  const events = snapshot.events.map((event): AuditEvent => {
    const { userAgent: _dropped, ...rest } = event;
    return rest;
  });
  return { ...snapshot, events };
}

/** "kind name: got X, want Y" for every account whose verdict is not `want(id)`. */
function mismatches(got: Map<string, string>, want: (accountId: string) => string | undefined): string[] {
  const out: string[] = [];
  for (const user of demo.users) {
    const verdict = got.get(user.accountId);
    const expected = want(user.accountId);
    if (verdict !== expected) out.push(`${truth.kinds[user.accountId] ?? "?"} ${user.name}: got ${verdict}, want ${expected}`);
  }
  return out;
}

describe("the demo org", () => {
  const stripped = withoutUserAgents(demo);
  const withAgents = verdicts(demo);
  const withoutAgents = verdicts(stripped);

  it("has user agents to strip, so the comparison means something", () => {
    expect(demo.events.filter((e) => e.userAgent).length).toBeGreaterThan(demo.events.length / 2);
    expect(stripped.events.some((e) => e.userAgent !== undefined)).toBe(false);
  });

  it("gets the same verdict for every account with or without user agents", () => {
    expect(mismatches(withoutAgents, (id) => withAgents.get(id))).toEqual([]);
  });

  it("gets the ground-truth verdict for every account, with user agents", () => {
    expect(Object.keys(truth.labels)).toHaveLength(demo.users.length);
    expect(mismatches(withAgents, (id) => truth.labels[id])).toEqual([]);
  });

  it("gets the ground-truth verdict for every account, without user agents", () => {
    expect(mismatches(withoutAgents, (id) => truth.labels[id])).toEqual([]);
  });

  it("holds every kind of account the generator makes, shared mailboxes included", () => {
    const kinds = new Set(Object.values(truth.kinds));
    for (const kind of ["named-bot", "behaviour-bot", "departed", "shared-mailbox", "human", "human-otp", "human-token", "trap-surname"]) {
      expect(kinds).toContain(kind);
    }
  });
});
