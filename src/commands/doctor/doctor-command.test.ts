import { delay, http } from "msw";
import { setupServer } from "msw/node";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { apiError, atlassianHandlers, FAKE_KEY, makeFakeOrg, type FakeOrg } from "../../../test/msw/atlassian/index.js";
import { runCli } from "../../../test/msw/cli.js";
import { RequestRecorder } from "../../../test/msw/recorder.js";

const recorder = new RequestRecorder();
const server = setupServer();
let org: FakeOrg;
const env = () => ({ BOT2SVC_PROVIDER: "atlassian", BOT2SVC_ATLASSIAN_ORG_ID: org.orgId, BOT2SVC_ATLASSIAN_API_KEY: FAKE_KEY, BOT2SVC_ATLASSIAN_BASE_URL: org.baseUrl });

beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
beforeEach(() => {
  org = makeFakeOrg();
  server.resetHandlers(...atlassianHandlers(org, recorder));
});
afterEach(() => recorder.clear());
afterAll(() => server.close());

describe("bot2svc doctor", () => {
  it("passes every check against a healthy org, one line each, reading one page per resource", async () => {
    const r = await runCli(["doctor"], env());
    expect(r.code).toBe(0);
    const lines = r.stdout.split("\n").filter((l) => /^[✔✖]/.test(l));
    expect(lines.map((l) => l.split(/\s+/)[1])).toEqual(["config", "provider", "baseUrl", "credentials", "org", "users", "apiTokens", "events", "serviceAccounts", "endpoints", "unofficial", "rateLimit"]);
    expect(lines.every((l) => l.startsWith("✔"))).toBe(true);
    expect(r.stdout).toMatch(/rate-limit headroom: 97 of 100/);
    expect(r.stdout).toMatch(/minting a token will be a manual step/);
    expect(r.stdout).toMatch(/experimental: listServiceAccounts, listServiceAccountTokens, listTokensOfServiceAccount, listServiceAccountOAuthClients, auditLogEvents, createServiceAccount, deleteServiceAccount, revokeServiceAccountTokens; unofficial: mintToken/);
    expect(recorder.to("/admin/v2/orgs/org-1/directories/-/users/search")).toHaveLength(1);
    expect(recorder.to("/admin/v1/orgs/org-1/events-stream")).toHaveLength(1);
  });

  it("--json gives {checks:[{id,ok,detail,hint}]} and exits 1 when the key is refused, without printing it", async () => {
    const r = await runCli(["doctor", "--json", "--verbose"], { ...env(), BOT2SVC_ATLASSIAN_API_KEY: "fake-revoked-key-99999999" });
    expect(r.code).toBe(1);
    const out = JSON.parse(r.stdout) as { checks: Array<{ id: string; ok: boolean; detail: string; hint: string | null }> };
    const orgCheck = out.checks.find((c) => c.id === "org");
    expect(orgCheck).toMatchObject({ ok: false });
    expect(orgCheck?.detail).toMatch(/401/);
    expect(orgCheck?.hint).toMatch(/Settings > API keys/);
    expect(out.checks.map((c) => c.id)).not.toContain("users");
    expect(`${r.stdout}${r.stderr}`).not.toContain("fake-revoked-key-99999999");
    expect(r.stderr).toMatch(/GET \/admin\/v1\/orgs\/org-1 → 401/);
  });

  it("fails the base URL check for plain http off loopback, and the credentials check without a key", async () => {
    const insecure = await runCli(["doctor", "--json"], { ...env(), BOT2SVC_ATLASSIAN_BASE_URL: "http://api.atlassian.com" });
    expect(insecure.code).toBe(1);
    expect(JSON.parse(insecure.stdout).checks.at(-1)).toMatchObject({ id: "baseUrl", ok: false });
    const { BOT2SVC_ATLASSIAN_API_KEY: _key, ...noKey } = env();
    const missing = await runCli(["doctor", "--json"], noKey);
    expect(missing.code).toBe(1);
    expect(JSON.parse(missing.stdout).checks.at(-1)).toMatchObject({ id: "credentials", ok: false });
    expect(recorder.requests).toHaveLength(0);
  });

  it("reports a scoped key that cannot read the token inventory with the scope it needs", async () => {
    server.use(http.get(`${org.baseUrl}/admin/api-access/v1/orgs/:orgId/api-tokens`, () => apiError(403, "ADMIN-403-1", "Forbidden")));
    const r = await runCli(["doctor", "--json"], env());
    expect(r.code).toBe(1);
    const check = JSON.parse(r.stdout).checks.find((c: { id: string }) => c.id === "apiTokens");
    expect(check.ok).toBe(false);
    expect(check.hint).toMatch(/read:tokens:admin/);
  });

  it("reports an invalid config file as a failed check", async () => {
    const r = await runCli(["doctor", "--config", "missing.json"], env());
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^✖ config/);
  });

  it("stops at the overall --timeout when the API never answers, and names that deadline", async () => {
    server.use(
      http.get(`${org.baseUrl}/admin/v1/orgs/:orgId`, async () => {
        await delay("infinite");
      }),
    );
    const started = Date.now();
    const r = await runCli(["doctor", "--timeout", "0.5"], env());
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/✖ org\s+not finished: doctor's overall deadline of 0.5 s passed/);
    expect(r.stdout).toMatch(/--timeout/);
  });
});
