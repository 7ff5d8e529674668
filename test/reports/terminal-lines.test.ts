import { copyFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { fixturePath, makeTempDir, runCli } from "../helpers/run-cli.js";

/** Widest line on screen, colour codes excluded. */
function widest(text: string): number {
  return Math.max(...text.replace(/\u001b\[[0-9;]*m/g, "").split("\n").map((line) => [...line].length));
}

/** The text with line breaks and the indents after them folded back into single spaces. */
const unwrapped = (text: string) => text.replace(/\s*\n\s*/g, " ");

describe("Error and Hint lines", () => {
  // With no provider configured, `audit` fails with a one-line message and a long hint.
  it("wrap with a hanging indent under their text at COLUMNS=80", async () => {
    const r = await runCli(["audit"], { env: { COLUMNS: "80" } });
    expect(r.code).toBe(1);
    expect(widest(r.stderr)).toBeLessThanOrEqual(80);
    const lines = r.stderr.trimEnd().split("\n");
    expect(lines[0]).toBe("Error: No directory provider is configured.");
    expect(lines[1]).toMatch(/^Hint: Use --snapshot FILE/);
    expect(lines.length).toBeGreaterThan(3);
    for (const line of lines.slice(2)) expect(line).toMatch(/^ {6}\S/);
    expect(unwrapped(r.stderr)).toContain("set BOT2SVC_PROVIDER=atlassian with BOT2SVC_ATLASSIAN_ORG_ID and BOT2SVC_ATLASSIAN_API_KEY");
  });

  it("wrap to the terminal's width on a TTY", async () => {
    const r = await runCli(["audit"], { stderrIsTTY: true, columns: 60 });
    expect(r.code).toBe(1);
    expect(widest(r.stderr)).toBeLessThanOrEqual(60);
    expect(r.stderr).toMatch(/^Hint: /m);
  });

  it("stay one line each when piped without COLUMNS, and --json is not wrapped", async () => {
    const r = await runCli(["audit"]);
    expect(r.stderr.trimEnd().split("\n")).toHaveLength(2);
    expect(widest(r.stderr)).toBeGreaterThan(150);
    const json = await runCli(["audit", "--json"], { env: { COLUMNS: "40" } });
    expect(json.stdout.trimEnd().split("\n")).toHaveLength(1);
    expect((JSON.parse(json.stdout) as { error: { hint: string } }).error.hint).toContain("BOT2SVC_ATLASSIAN_ORG_ID and BOT2SVC_ATLASSIAN_API_KEY");
  });

  it("wrap each detail under its dash", async () => {
    const cwd = makeTempDir();
    await writeFile(join(cwd, "bot2svc.config.json"), JSON.stringify({ allowlist: [{ account: "a-very-long-account-name-for-wrapping@acme.com", owner: 1 }] }));
    const r = await runCli(["audit", "--demo"], { cwd, env: { COLUMNS: "50" } });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^Error: /);
    expect(r.stderr).toMatch(/^ {2}- /m);
    expect(widest(r.stderr)).toBeLessThanOrEqual(50);
  });
});

describe("doctor lines", () => {
  it("wrap the detail and hint under the detail column at COLUMNS=80, one line each when piped", async () => {
    const r = await runCli(["doctor"], { env: { COLUMNS: "80" } });
    expect(r.code).toBe(1);
    expect(widest(r.stdout)).toBeLessThanOrEqual(80);
    expect(r.stdout).toMatch(/^✖ provider  no directory provider is configured\n {12}Set BOT2SVC_PROVIDER=atlassian/m);
    expect(r.stdout).toMatch(/\n {12}BOT2SVC_ATLASSIAN_API_KEY, or use --provider\./);
    const piped = await runCli(["doctor"]);
    expect(piped.stdout).toContain("            Set BOT2SVC_PROVIDER=atlassian with BOT2SVC_ATLASSIAN_ORG_ID and BOT2SVC_ATLASSIAN_API_KEY, or use --provider.\n");
  });
});

describe("the 'Also in' lines of audit --correlate", () => {
  const idp = {
    kind: "bot2svc.snapshot",
    version: 1,
    takenAt: "2026-11-01T00:00:00.000Z",
    source: { provider: "scim", baseUrl: "https://idp.example.com/scim/v2" },
    org: { id: "scim:https://idp.example.com/scim/v2", name: "Acme Corporate Identity Provider (production tenant)", directoryId: "-", sites: [] },
    users: [{ accountId: "okta-00u1a2b3c4d5e6f7g8h9", accountType: "atlassian", accountStatus: "active", status: "active", name: "Jenkins", email: "jenkins@acme.com" }],
  };

  async function audit(env: Record<string, string>) {
    const cwd = makeTempDir();
    await copyFile(fixturePath("plan", "org.json"), join(cwd, "org.json"));
    await writeFile(join(cwd, "identity-provider-export.json"), JSON.stringify(idp));
    const r = await runCli(["audit", "--snapshot", "org.json", "--correlate", "identity-provider-export.json", "--format", "table"], { cwd, env });
    expect(r.code, r.stderr).toBe(0);
    return r.stdout.slice(r.stdout.indexOf("Also in"));
  }

  it("wrap with a hanging indent at COLUMNS=80", async () => {
    const section = await audit({ COLUMNS: "80" });
    expect(widest(section)).toBeLessThanOrEqual(80);
    expect(section).toMatch(/^ {2}jenkins@acme\.com → jenkins@acme\.com \[okta-00u1a2b3c4d5e6f7g8h9\]/m);
    expect(section).toMatch(/\n {6}\S/);
    expect(unwrapped(section)).toContain("(by email): ACTIVE there: retire it there too");
  });

  it("stay one line per account when piped without COLUMNS", async () => {
    const section = await audit({});
    expect(section).toContain("  jenkins@acme.com → jenkins@acme.com [okta-00u1a2b3c4d5e6f7g8h9] (by email): ACTIVE there: retire it there too\n");
  });
});

describe("audit --columns with id", () => {
  it.each([50, 80])("prints every account id whole at COLUMNS=%i; names and reasons give up the width", async (columns) => {
    const json = await runCli(["audit", "--demo", "--format", "json"]);
    const ids = (JSON.parse(json.stdout) as { findings: { accountId: string; verdict: string }[] }).findings
      .filter((f) => f.verdict === "bot" || f.verdict === "likely-bot")
      .map((f) => f.accountId);
    expect(ids.length).toBeGreaterThan(5);
    const r = await runCli(["audit", "--demo", "--format", "table", "--columns", "verdict,account,recommendation,reasons,id"], { env: { COLUMNS: String(columns) } });
    expect(r.code).toBe(0);
    // At 80 everything fits; at 50 the id is kept whole even though the table then overflows.
    if (columns === 80) expect(widest(r.stdout)).toBeLessThanOrEqual(columns);
    for (const id of ids) expect(r.stdout).toContain(`│ ${id} `);
  });
});
