import { afterEach, describe, expect, it } from "vitest";
import { AtlassianProvider } from "../../src/providers/atlassian/atlassian-provider.js";
import { ORG_ID, sampleSnapshot } from "./fixture.js";
import { call, emulators } from "./http.js";

// The emulator refuses a page size under a name the route does not document, so every paged read
// the client makes must use the right name: here each one reads several pages of one item.

const emus = emulators();
afterEach(() => emus.closeAll());

describe("the client's page-size parameters against the emulator", () => {
  it("every paged read uses its route's documented name and reads to the end", async () => {
    const emu = await emus.start({
      snapshot: sampleSnapshot({ serviceAccountQuota: 10 }),
      pageSizes: {
        listDirectories: { default: 1, max: 1 },
        listApiTokens: { default: 1, max: 1 },
        listServiceAccounts: { default: 1, max: 1 },
        listServiceAccountTokens: { default: 1, max: 1 },
        listTokensOfServiceAccount: { default: 1, max: 1 },
        listServiceAccountOAuthClients: { default: 1, max: 1 },
        eventsStream: { default: 2, max: 2 },
      },
    });
    for (let i = 0; i < 2; i++) await call(emu, "POST", `/admin/api-access/v1/orgs/${ORG_ID}/service-accounts`, { body: { displayName: `Bot ${i}` } });
    emu.resetCounters();
    const provider = new AtlassianProvider({ orgId: ORG_ID, apiKey: emu.apiKey, baseUrl: emu.url, directoryId: "-", unofficial: false, concurrency: 1, timeoutMs: 5000, maxRetries: 0 });
    const client = provider.client;
    expect((await client.listApiTokens({ pageSize: 1 })).length).toBe(emu.state.apiTokens.length);
    expect((await client.listServiceAccounts({ pageSize: 1 })).length).toBe(3);
    expect((await client.listServiceAccountTokens()).length).toBe(emu.state.serviceAccountTokens.length);
    expect((await client.listTokensOfServiceAccount("sa-coll-1")).length).toBe(emu.state.serviceAccountTokens.filter((t) => t.serviceAccountId === "sa-coll-1").length);
    await client.listServiceAccountOAuthClients();
    expect((await client.listDirectories()).length).toBe(1);
    await client.eventsStream({ from: new Date("2020-01-01T00:00:00Z"), to: new Date("2030-01-01T00:00:00Z") }, { limit: 2 });
    await provider.listTokens(emu.state.serviceAccounts[0]?.accountId ?? "");
    const stats = emu.requests();
    expect(stats.byStatus).toEqual({ "200": stats.total });
    expect(stats.byRoute[`GET /admin/api-access/v1/orgs/{orgId}/service-accounts`]).toBeGreaterThan(1);
  });
});
