import { describe, expect, it } from "vitest";
import { planCounts, renderPlanSummary, summaryLine } from "../../src/commands/show/show-command.js";
import { buildPlan, type BuildPlanInput } from "../../src/core/plan/planner.js";
import type { Plan } from "../../src/core/plan/schema.js";
import { makeColors } from "../../src/ui/colors.js";
import { ALL_CAPABILITIES, smallReport, smallSnapshot } from "./builders.js";

const ANSI = /\u001b\[/;

function plan(overrides: Partial<BuildPlanInput> = {}): Plan {
  return buildPlan({
    snapshot: smallSnapshot(),
    report: smallReport(),
    capabilities: ALL_CAPABILITIES,
    options: { soakDays: 7, secretSink: { type: "env-file", dir: "./secrets" } },
    planId: "p-show",
    createdAt: new Date("2026-11-02T10:00:00.000Z"),
    provider: { name: "atlassian" },
    source: { type: "provider" },
    ...overrides,
  }).plan;
}

describe("renderPlanSummary", () => {
  it("renders a Terraform-style review without ANSI codes when colours are off", () => {
    const text = renderPlanSummary(plan(), makeColors(false));
    expect(text).not.toMatch(ANSI);
    const lines = text.split("\n").map((l) => l.trim());
    expect(lines).toContain('+ service account "Jenkins CI" from jenkins@acme.com (a-jenkins; bot, score 9)');
    expect(lines).toContain("+ role jira-software user on acme.atlassian.net");
    expect(lines).toContain("+ group automation");
    expect(lines).toContain("! group hr-synced: synced from IdP, cannot be copied");
    expect(lines).toContain("+ token bot2svc-jenkins (read:jira-work, write:jira-work, read:jira-user; expires in 365 days; minted via API)");
    expect(lines).toContain("~ jenkins@acme.com: suspend after verification (soak 7 days)");
    expect(lines).toContain("cut-over: https://api.atlassian.com/ex/jira/c-1 (env ATLASSIAN_EMAIL, ATLASSIAN_API_TOKEN, ATLASSIAN_BASE_URL)");
    expect(text).toContain("Secrets go to: a 0600 .env file per account in ./secrets.");
    // The synced-group warning is shown once, on its group line, not again as a warning.
    expect(text.match(/hr-synced/g)).toHaveLength(1);
    expect(lines.at(-2)).toBe("Plan: 2 service accounts to create, 2 tokens to mint, 2 bot accounts to suspend.");
  });

  it("colours blockers red and warnings yellow when colours are on", () => {
    const quotaPlan = plan({ snapshot: smallSnapshot({ quota: 1 }) });
    const text = renderPlanSummary(quotaPlan, makeColors(true));
    expect(text).toMatch(ANSI);
    expect(text).toContain("\u001b[31m✗ blocked (SA_QUOTA)");
    expect(text).toContain("\u001b[33m! group hr-synced");
  });

  it("counts manual mints, decommission actions and blocked migrations", () => {
    const p = plan({ snapshot: smallSnapshot({ quota: 1 }), capabilities: { ...ALL_CAPABILITIES, mintToken: false } });
    expect(planCounts(p)).toMatchObject({ migrations: 2, ready: 1, blocked: 1, create: 1, tokens: 1, manualTokens: 1, suspend: 1, groups: 1, syncedGroups: 1 });
    expect(summaryLine(p)).toBe("Plan: 1 service account to create, 1 token to mint (1 manual), 1 bot account to suspend. 1 blocked.");
    const text = renderPlanSummary(p, makeColors(false));
    expect(text).toContain("MANUAL step: create it in admin.atlassian.com");
    expect(text).toContain('+ service account "Wiki Sync" from wiki-sync@acme.com (a-wiki; bot, score 9) BLOCKED');
  });

  it("words other old-account actions", () => {
    const revoke = plan({ options: { oldAccount: "revoke-tokens" } });
    expect(renderPlanSummary(revoke, makeColors(false))).toContain("~ jenkins@acme.com: revoke 1 API token after verification; the account stays active");
    expect(summaryLine(revoke)).toBe("Plan: 2 service accounts to create, 2 tokens to mint, tokens of 2 bot accounts to revoke.");
    const keep = plan({ options: { oldAccount: "none" } });
    expect(renderPlanSummary(keep, makeColors(false))).toContain("jenkins@acme.com: left as it is (no decommission)");
    expect(summaryLine(keep)).toBe("Plan: 2 service accounts to create, 2 tokens to mint, 0 bot accounts to decommission.");
  });

  it("has a distinct empty state", () => {
    const empty = plan({ options: { select: [] } });
    const text = renderPlanSummary(empty, makeColors(false));
    expect(text.trimEnd().split("\n").at(-1)).toBe("No changes. No bot accounts to migrate.");
    expect(text).not.toContain("service account \"");
    expect(planCounts(empty)).toMatchObject({ migrations: 0, create: 0, blocked: 0 });
  });
});
