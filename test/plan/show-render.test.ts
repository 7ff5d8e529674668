import { describe, expect, it } from "vitest";
import { planCounts, renderPlanSummary, summaryLine } from "../../src/commands/show/render.js";
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
    // A token id added to the plan by hand that is not the account's own is not promised.
    const edited = structuredClone(revoke);
    const m = edited.migrations.find((x) => x.source.email === "jenkins@acme.com");
    m?.oldAccount.tokenIds.push("tok-of-someone-else");
    const text = renderPlanSummary(edited, makeColors(false));
    expect(text).toContain("~ jenkins@acme.com: revoke 1 API token after verification; the account stays active (1 listed token id not on this account, not revoked)");
    expect(text).not.toMatch(/revoke 2 API tokens/);
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

/** Lines wider than `width` on screen (colour codes excluded), other than a lone URL a reader must copy whole. */
function overflowing(text: string, width: number): string[] {
  return text
    .replace(/\u001b\[[0-9;]*m/g, "")
    .split("\n")
    .filter((line) => [...line].length > width && !/^\s*\S*https?:\/\/\S+$/.test(line));
}

const LONG_REASON =
  "API token `jenkins-deploy` used 2026-10-31 (less than a day before the reference time); last UI activity 2026-05-14 in confluence (170 days before the reference time, over 90 days).";

describe("renderPlanSummary layout", () => {
  it("prints the cut-over notes that several migrations share once, numbered, and each migration points to them", () => {
    const p = plan();
    const text = renderPlanSummary(p, makeColors(false), { width: 80 });
    // Both migrations carry the Basic-auth note, each naming its own old account.
    expect(p.migrations.every((m) => m.cutover.notes.some((n) => n.startsWith("Authenticate with HTTP Basic auth")))).toBe(true);
    expect(text.match(/Authenticate with HTTP Basic auth/g)).toHaveLength(1);
    expect(text.replace(/\s+/g, " ")).toContain("not the old account's email. (2 migrations)");
    expect(text).toContain("Cut-over notes shared by several migrations");
    expect(text.match(/^ {6}- shared notes \[1\]/gm)).toHaveLength(2);
    // A note only one migration has stays in its block.
    expect(text.replace(/\s+/g, " ")).toMatch(/- Find the consumers by the old token label "[^"]+"; they stop working/);
  });

  it("keeps every note in its block when the plan has one migration", () => {
    const text = renderPlanSummary(plan({ options: { select: ["a-jenkins"] } }), makeColors(false), { width: 80 });
    expect(text).not.toContain("shared");
    expect(text).toContain("- Authenticate with HTTP Basic auth");
  });

  it.each([60, 80, 120])("wraps every paragraph and reason to %i columns with a hanging indent", (width) => {
    const p = plan();
    p.migrations[0]!.source.reasons = [LONG_REASON, "a short one"];
    p.migrations[0]!.warnings.push("the snapshot provider cannot verify the token; check it with GET https://api.atlassian.com/ex/jira/c-1/rest/api/3/myself");
    const text = renderPlanSummary(p, makeColors(false), { width });
    expect(overflowing(text, width)).toEqual([]);
    const lines = text.split("\n");
    const why = lines.findIndex((l) => l.startsWith("    why: API token `jenkins-deploy`"));
    expect(why).toBeGreaterThan(0);
    // Continuation lines of a reason hang under its text, past "why: ".
    if (width < 120) expect(lines[why + 1]).toMatch(/^ {9}\S/);
    const reason = lines.slice(why, why + 5).join(" ").replace(/\s+/g, " ");
    expect(reason).toContain(LONG_REASON);
    expect(lines).toContain("    why: a short one");
    expect(text.replace(/\s+/g, " ")).toContain("Plan: 2 service accounts to create, 2 tokens to mint, 2 bot accounts to suspend.");
  });

  it("sanitizes names and reasons before laying them out, so the widths are those on screen", () => {
    const p = plan();
    p.migrations[0]!.source.reasons = [`token \u001b]0;owned\u0007 used ${LONG_REASON}`];
    p.migrations[0]!.serviceAccount.displayName = "Jenkins\u202e CI";
    for (const colors of [makeColors(false), makeColors(true)]) {
      const text = renderPlanSummary(p, colors, { width: 60 });
      expect(text).not.toMatch(/[\u0007\u202e]|\u001b\]/);
      expect(text).toContain("\\u001b]0;owned\\u0007");
      expect(overflowing(text, 60)).toEqual([]);
    }
  });

  it("closes a colour at each line end and reopens it on the next line", () => {
    const p = plan();
    p.migrations[0]!.source.reasons = [LONG_REASON];
    const text = renderPlanSummary(p, makeColors(true), { width: 60 });
    const why = text.split("\n").filter((l) => l.includes("jenkins-deploy") || /^ {9}\u001b\[2m/.test(l));
    expect(why.length).toBeGreaterThan(1);
    // Every line of the dim reason opens dim itself and ends closed.
    for (const line of why) {
      expect(line).toContain("\u001b[2m");
      expect(line).toMatch(/\u001b\[(?:0|22)m$/);
    }
  });
});
