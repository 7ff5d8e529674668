import { Bot2svcError } from "../../core/errors.js";
import type { AtlassianProvider } from "./atlassian-provider.js";

/** One line of `bot2svc doctor`. */
export interface HealthCheck {
  id: string;
  ok: boolean;
  detail: string;
  hint?: string | undefined;
}

const DAY_MS = 86_400_000;

async function check(id: string, run: () => Promise<string>): Promise<HealthCheck> {
  try {
    return { id, ok: true, detail: await run() };
  } catch (error) {
    if (error instanceof Bot2svcError) return { id, ok: false, detail: error.message, hint: error.hint };
    return { id, ok: false, detail: error instanceof Error ? error.message : String(error) };
  }
}

/**
 * Live checks against the organization, each reading at most one small page: org and key,
 * users, token inventory, events, service accounts, then unofficial endpoints and rate-limit
 * headroom. When the org itself cannot be read the remaining API checks are skipped, since
 * they would fail for the same reason.
 */
export async function checkAtlassian(provider: AtlassianProvider, now: Date): Promise<HealthCheck[]> {
  const client = provider.client;
  const checks: HealthCheck[] = [];
  const org = await check("org", async () => {
    const o = await client.getOrg();
    return `organization "${o.name}" (${o.id}) is reachable and the API key is valid`;
  });
  checks.push(org);
  if (!org.ok) return checks;
  checks.push(await check("users", async () => `can list users (${(await client.searchUsers({ limit: 10, maxPages: 1 })).length} on the first page)`));
  checks.push(await check("apiTokens", async () => `token inventory readable (${(await client.listApiTokens({ pageSize: 10, maxPages: 1 })).length} on the first page)`));
  checks.push(
    await check("events", async () => {
      const events = await client.eventsStream({ from: new Date(now.getTime() - DAY_MS), to: now }, { limit: 10, maxPages: 1 });
      return `audit events readable (${events.length} in the last day on the first page)`;
    }),
  );
  checks.push(
    await check("serviceAccounts", async () => `service accounts readable (${(await client.listServiceAccounts({ pageSize: 10, maxPages: 1 })).length} on the first page; experimental API)`),
  );
  const endpoints = provider.endpointStatus();
  const byStatus = (status: string) => endpoints.filter((e) => e.status === status).map((e) => e.id);
  checks.push({
    id: "endpoints",
    ok: true,
    detail: `${byStatus("documented").length} documented endpoints; experimental: ${byStatus("experimental").join(", ")}; unofficial: ${byStatus("unofficial").join(", ")}`,
  });
  const unofficial = endpoints.filter((e) => e.status === "unofficial");
  checks.push({
    id: "unofficial",
    ok: true,
    detail: provider.settings.unofficial
      ? `unofficial endpoints enabled (${unofficial.map((e) => e.id).join(", ")}): tokens can be minted through the API`
      : `unofficial endpoints disabled (${unofficial.map((e) => e.id).join(", ")}): minting a token will be a manual step`,
    ...(provider.settings.unofficial ? {} : { hint: "Set BOT2SVC_ATLASSIAN_UNOFFICIAL=1 to mint tokens through the admin console's own endpoint." }),
  });
  const rl = provider.http.stats().rateLimit;
  if (rl.remaining === undefined) {
    checks.push({ id: "rateLimit", ok: true, detail: "no X-RateLimit headers seen; the client still backs off on 429" });
  } else {
    const reset = rl.resetAt === undefined ? "" : `, resets at ${new Date(rl.resetAt).toISOString()}`;
    checks.push({
      id: "rateLimit",
      ok: rl.remaining > 0,
      detail: `rate-limit headroom: ${rl.remaining}${rl.limit === undefined ? "" : ` of ${rl.limit}`} requests left${reset}`,
      ...(rl.remaining > 0 ? {} : { hint: "Wait for the reset before a bulk run, or use --concurrency 1." }),
    });
  }
  return checks;
}
