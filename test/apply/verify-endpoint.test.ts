import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { readJournal } from "../../src/core/journal/journal.js";
import type { RunningEmulator } from "../../src/emulator/server.js";
import { ApiError } from "../../src/http/index.js";
import { AtlassianProvider } from "../../src/providers/atlassian/atlassian-provider.js";
import { makeTempDir, runCli } from "../helpers/run-cli.js";
import { CLOUD_ID, allFileText, envFor, makePlan, savePlan, startOrg } from "./harness.js";

// Verification asks a product the new service account can use, with the token's own scopes:
// Jira's current user when the migration has Jira, Confluence's when it has Confluence only.

let emu: RunningEmulator | undefined;
afterEach(async () => {
  await emu?.close();
  emu = undefined;
});

const JIRA_MYSELF = "GET /ex/jira/{cloudId}/rest/api/3/myself";
const WIKI_CURRENT = "GET /ex/confluence/{cloudId}/wiki/rest/api/user/current";

describe("verifying a new service account's token", () => {
  it("verifies a Confluence-only migration with Confluence's current user, end to end through the emulator", async () => {
    emu = await startOrg();
    const cwd = makeTempDir();
    const plan = makePlan({ select: ["wiki-sync@acme.com"] });
    expect(plan.migrations[0]?.cutover.gatewayUrls).toEqual([`https://api.atlassian.com/ex/confluence/${CLOUD_ID}`]);
    await savePlan(cwd, plan);
    const dry = await runCli(["apply", "plan.json", "--dry-run", "--secrets-dir", "s"], { cwd, env: envFor(emu) });
    expect(dry.stdout).toMatch(new RegExp(`verify\\s+verify the token with GET https://api.atlassian.com/ex/confluence/${CLOUD_ID}/wiki/rest/api/user/current`));
    emu.resetCounters();
    const run = await runCli(["apply", "plan.json", "--yes", "--secrets-dir", "s"], { cwd, env: envFor(emu) });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toMatch(/Apply: 1 migrated, 0 failed/);

    const requests = emu.requests().byRoute;
    expect(requests[WIKI_CURRENT]).toBe(1);
    expect(requests[JIRA_MYSELF] ?? 0).toBe(0);
    const { records } = await readJournal(join(cwd, ".bot2svc", "journal.jsonl"));
    const verified = records.find((r) => r.step === "verify" && r.phase === "done");
    expect(verified?.data).toMatchObject({ product: "confluence", cloudId: CLOUD_ID });
    expect(emu.state.users.find((u) => u.accountId === "a-wiki")?.status).toBe("suspended");

    // The same token asked of Jira is refused: the account has no Jira and the token no Jira scope.
    const file = allFileText(join(cwd, "s"))[0]?.text ?? "";
    const email = /ATLASSIAN_EMAIL=(.+)/.exec(file)?.[1] ?? "";
    const token = /ATLASSIAN_API_TOKEN=(.+)/.exec(file)?.[1] ?? "";
    expect(token).not.toBe("");
    const provider = new AtlassianProvider({ orgId: emu.orgId, apiKey: emu.apiKey, baseUrl: emu.url, directoryId: "-", unofficial: false, concurrency: 1, timeoutMs: 5000, maxRetries: 0 });
    await expect(provider.verifyToken({ cloudId: CLOUD_ID, email, token, product: "confluence" })).resolves.toMatchObject({ email });
    const refused = await provider.verifyToken({ cloudId: CLOUD_ID, email, token, product: "jira" }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(ApiError);
    expect((refused as ApiError).status).toBe(401);
    expect((refused as ApiError).message).toContain("scope does not match");
  });

  it("a Jira verify of a Confluence-only account is refused even with Jira scopes", async () => {
    emu = await startOrg();
    const cwd = makeTempDir();
    // Scopes for both products, but the account is given Confluence only.
    const plan = makePlan({ select: ["wiki-sync@acme.com"], scopes: ["read:jira-user", "read:confluence-user"] });
    await savePlan(cwd, plan);
    expect((await runCli(["apply", "plan.json", "--yes", "--secrets-dir", "s"], { cwd, env: envFor(emu) })).code).toBe(0);
    const file = allFileText(join(cwd, "s"))[0]?.text ?? "";
    const email = /ATLASSIAN_EMAIL=(.+)/.exec(file)?.[1] ?? "";
    const token = /ATLASSIAN_API_TOKEN=(.+)/.exec(file)?.[1] ?? "";
    const answer = await fetch(`${emu.url}/ex/jira/${CLOUD_ID}/rest/api/3/myself`, { headers: { authorization: `Basic ${Buffer.from(`${email}:${token}`).toString("base64")}` } });
    expect(answer.status).toBe(401);
    const wiki = await fetch(`${emu.url}/ex/confluence/${CLOUD_ID}/wiki/rest/api/user/current`, { headers: { authorization: `Basic ${Buffer.from(`${email}:${token}`).toString("base64")}` } });
    expect(wiki.status).toBe(200);
  });

  it("warns and leaves the check to the admin when no endpoint can answer the token", async () => {
    emu = await startOrg();
    const cwd = makeTempDir();
    const plan = makePlan({ select: ["jenkins@acme.com"], scopes: ["read:jira-work", "write:jira-work"], oldAccount: "none" });
    expect(plan.migrations[0]?.warnings.join("\n")).toMatch(/cannot verify the new token: its scopes \(read:jira-work, write:jira-work\) include no read:jira-user/);
    await savePlan(cwd, plan);
    const dry = await runCli(["apply", "plan.json", "--dry-run", "--secrets-dir", "s"], { cwd, env: envFor(emu) });
    expect(dry.stdout).toMatch(/verify\s+not verified by bot2svc \(its scopes/);
    const run = await runCli(["apply", "plan.json", "--yes", "--secrets-dir", "s"], { cwd, env: envFor(emu) });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toMatch(/Cannot verify Jenkins CI's token: its scopes/);
    expect(run.stderr).toMatch(/with HTTP Basic auth <service-account email>:<token>/);
    const requests = emu.requests().byRoute;
    expect((requests[JIRA_MYSELF] ?? 0) + (requests[WIKI_CURRENT] ?? 0)).toBe(0);
    const { records } = await readJournal(join(cwd, ".bot2svc", "journal.jsonl"));
    expect(records.find((r) => r.step === "verify" && r.phase === "skipped")?.data).toMatchObject({ reason: "no endpoint the token can reach" });
  });
});
