import { readFileSync } from "node:fs";
import { join } from "node:path";
import { setupServer } from "msw/node";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { atlassianHandlers, FAKE_KEY, makeFakeOrg, type FakeOrg } from "../../../test/msw/atlassian/index.js";
import { runCli } from "../../../test/msw/cli.js";
import { RequestRecorder } from "../../../test/msw/recorder.js";
import { parseSnapshot } from "../../core/snapshot/reader.js";

const recorder = new RequestRecorder();
const server = setupServer();
let org: FakeOrg;

beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
beforeEach(() => {
  org = makeFakeOrg();
  server.resetHandlers(...atlassianHandlers(org, recorder));
});
afterEach(() => recorder.clear());
afterAll(() => server.close());

describe("bot2svc snapshot", () => {
  it("exports the live org to a valid file and prints a summary to stderr; --verbose logs requests without the key", async () => {
    const env = { BOT2SVC_PROVIDER: "atlassian", BOT2SVC_ATLASSIAN_ORG_ID: org.orgId, BOT2SVC_ATLASSIAN_API_KEY: FAKE_KEY, BOT2SVC_ATLASSIAN_BASE_URL: org.baseUrl };
    const r = await runCli(["snapshot", "--out", "org.json", "--since", "2026-07-01", "--verbose"], env);
    expect(r.stderr).toMatch(/Wrote org\.json: 5 users, 5 groups, 2 API tokens, 5 events, 1 service accounts/);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe("");
    const text = readFileSync(join(r.cwd, "org.json"), "utf8");
    const snapshot = parseSnapshot(text, "org.json");
    expect(snapshot.takenAt).toBe("2026-11-01T00:00:00.000Z");
    expect(snapshot.source).toEqual({ provider: "atlassian", baseUrl: org.baseUrl });
    expect(text).not.toContain(FAKE_KEY);
    expect(r.stderr).toMatch(/POST \/admin\/v2\/orgs\/org-1\/directories\/-\/users\/search → 200/);
    expect(r.stderr).not.toContain(FAKE_KEY);
    expect(recorder.to("/admin/v1/orgs/org-1/events-stream")[0]?.query.from).toBe(String(Date.parse("2026-07-01")));
  });

  it("needs --out", async () => {
    const r = await runCli(["snapshot"], {});
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/--out/);
  });
});
