import { setupServer } from "msw/node";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { atlassianHandlers, FAKE_KEY, makeFakeOrg, type FakeOrg } from "../../../test/msw/atlassian/index.js";
import { runCli } from "../../../test/msw/cli.js";
import { RequestRecorder } from "../../../test/msw/recorder.js";

const DAY = 86_400_000;
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

const env = () => ({ BOT2SVC_PROVIDER: "atlassian", BOT2SVC_ATLASSIAN_ORG_ID: org.orgId, BOT2SVC_ATLASSIAN_API_KEY: FAKE_KEY, BOT2SVC_ATLASSIAN_BASE_URL: org.baseUrl });

describe("bot2svc audit (live) and time", () => {
  it("reads events for the 30 days before --now, whatever the wall clock says", async () => {
    const now = "2026-10-25T00:00:00.000Z";
    const wallClock = new Date("2027-06-01T00:00:00Z");
    const r = await runCli(["audit", "--now", now, "--format", "json"], env(), wallClock);
    expect(r.code).toBe(0);
    const calls = recorder.to("/admin/v1/orgs/org-1/events-stream");
    expect(calls.length).toBeGreaterThan(0);
    for (const call of calls) {
      expect(call.query.to).toBe(String(Date.parse(now)));
      expect(call.query.from).toBe(String(Date.parse(now) - 30 * DAY));
    }
    expect(JSON.parse(r.stdout).referenceTime).toBe(now);
  });

  it("without --now, looks back 30 days from the read moment", async () => {
    const wallClock = new Date("2026-11-01T00:00:00Z");
    const r = await runCli(["audit", "--format", "json"], env(), wallClock);
    expect(r.code).toBe(0);
    const first = recorder.to("/admin/v1/orgs/org-1/events-stream")[0];
    expect(first?.query.to).toBe(String(wallClock.getTime()));
    expect(first?.query.from).toBe(String(wallClock.getTime() - 30 * DAY));
    expect(JSON.parse(r.stdout).referenceTime).toBe(wallClock.toISOString());
  });

  it("keeps an explicit --since next to --now", async () => {
    const r = await runCli(["audit", "--now", "2026-10-25T00:00:00Z", "--since", "2026-10-01T00:00:00Z", "--format", "json"], env(), new Date("2027-01-01T00:00:00Z"));
    expect(r.code).toBe(0);
    expect(recorder.to("/admin/v1/orgs/org-1/events-stream")[0]?.query.from).toBe(String(Date.parse("2026-10-01T00:00:00Z")));
  });
});
