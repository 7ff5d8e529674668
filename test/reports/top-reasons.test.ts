import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { Snapshot } from "../../src/core/snapshot/schema.js";
import { REPO_ROOT, makeTempDir, runCli } from "../helpers/run-cli.js";

/** The demo org (taken 2026-11-01) with one of Deploy Service's tokens expiring in 10 days. */
function orgWithExpiringToken(): string {
  const snapshot = JSON.parse(readFileSync(join(REPO_ROOT, "fixtures", "demo-org.json"), "utf8")) as Snapshot;
  const token = snapshot.serviceAccountTokens.find((t) => t.label === "deploy-service-6b84-1")!;
  token.expiresAt = "2026-11-11T16:42:04.000Z";
  const cwd = makeTempDir();
  writeFileSync(join(cwd, "org.json"), JSON.stringify(snapshot));
  return cwd;
}

describe("the reason that drove the recommendation comes first", () => {
  it("a service account to review for an expiring token shows the expiry as its first reason", async () => {
    const cwd = orgWithExpiringToken();
    const json = await runCli(["audit", "--snapshot", "org.json", "--format", "json"], { cwd });
    const finding = (JSON.parse(json.stdout) as { findings: { name: string; verdict: string; recommendation: string; signals: { id: string }[] }[] }).findings.find(
      (f) => f.name === "Deploy Service",
    )!;
    expect(finding).toMatchObject({ verdict: "service-account", recommendation: "review" });
    expect(finding.signals.map((s) => s.id)).toContain("sa-credential-expiring");

    const table = await runCli(["audit", "--snapshot", "org.json", "--format", "table", "--verdict", "service-account", "--wide"], { cwd });
    expect(table.code).toBe(0);
    const row = table.stdout.slice(table.stdout.indexOf("Deploy Service"));
    const bullets = [...row.matchAll(/• ([^│]*)/g)].map((m) => m[1]!.trim());
    expect(bullets[0]).toMatch(/^API token "deploy-service-6b84-1"/);

    const markdown = await runCli(["audit", "--snapshot", "org.json", "--format", "markdown", "--verdict", "service-account"], { cwd });
    const line = markdown.stdout.split("\n").find((l) => l.startsWith("| service account") && l.includes("Deploy Service"))!;
    expect(line).toMatch(/\| review \| API token "deploy-service-6b84-1" \(satok-000023-1\) expires/);
  });
});
