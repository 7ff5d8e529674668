// A purpose-built org for the apply benchmark: `bots` automation accounts that the audit judges
// "bot" (each with one product role, one or two groups, an API token in daily use and no
// interactive logins), a few people, and a service-account quota with room for all of them.
const TAKEN_AT = "2026-11-01T00:00:00.000Z";
const CLOUD_ID = "0f4b6c1e-bench-4c4e-9c1a-000000000001";
const PRODUCTS = [
  { key: "jira-software", id: `ari:cloud:jira::site/${CLOUD_ID}`, role: "ari:cloud:jira-software::role/product/member" },
  { key: "confluence", id: `ari:cloud:confluence::site/${CLOUD_ID}`, role: "ari:cloud:confluence::role/product/member" },
];
const GROUPS = ["automation", "ci-runners", "integrations", "release-tools", "reporting", "sync-jobs"];

function pad(n) {
  return String(n).padStart(3, "0");
}

/** @param {{ bots: number, people?: number }} options */
export function botOrg({ bots, people = 20 }) {
  const takenMs = Date.parse(TAKEN_AT);
  const users = [];
  const apiTokens = [];
  const events = [];
  let eventId = 0;
  for (let i = 1; i <= bots; i++) {
    const accountId = `712020:bench-bot-${pad(i)}`;
    const product = PRODUCTS[i % PRODUCTS.length];
    const groupIds = i % 2 === 0 ? [`g-${GROUPS[i % GROUPS.length]}`] : [`g-${GROUPS[i % GROUPS.length]}`, `g-${GROUPS[(i + 1) % GROUPS.length]}`];
    users.push({
      accountId,
      accountType: "atlassian",
      accountStatus: "active",
      status: "active",
      name: `CI Bot ${pad(i)}`,
      email: `ci-bot-${pad(i)}@acme.com`,
      mfaEnabled: false,
      addedToOrg: "2024-01-10T09:00:00.000Z",
      productAccess: [{ ...product, lastActiveTimestamp: null }],
      groupIds,
    });
    const tokenId = `tok-bench-${pad(i)}`;
    apiTokens.push({
      id: tokenId,
      accountId,
      label: `ci-bot-${pad(i)}`,
      status: "ALLOWED",
      createdAt: "2026-01-05T00:00:00.000Z",
      expiresAt: "2027-01-05T00:00:00.000Z",
      lastActiveAt: new Date(takenMs - 3_600_000).toISOString(),
    });
    // Token use every six hours over the last ten days, from one CI address.
    for (let h = 6; h <= 240; h += 6) {
      events.push({
        id: `ev-bench-${String(++eventId).padStart(6, "0")}`,
        time: new Date(takenMs - h * 3_600_000).toISOString(),
        action: "api_token_used",
        actorId: accountId,
        ip: "198.51.100.10",
        tokenId,
        authType: "api-token",
      });
    }
  }
  for (let i = 1; i <= people; i++) {
    users.push({
      accountId: `712020:bench-person-${pad(i)}`,
      accountType: "atlassian",
      accountStatus: "active",
      status: "active",
      name: `Person ${pad(i)}`,
      email: `person.${pad(i)}@acme.com`,
      mfaEnabled: true,
      addedToOrg: "2023-03-01T09:00:00.000Z",
      productAccess: [{ ...PRODUCTS[0], lastActiveTimestamp: new Date(takenMs - 86_400_000).toISOString() }],
      groupIds: ["g-staff"],
    });
  }
  events.sort((a, b) => a.time.localeCompare(b.time));
  return {
    kind: "bot2svc.snapshot",
    version: 1,
    takenAt: TAKEN_AT,
    org: {
      id: "bench-org-apply",
      name: "Acme Apply Bench",
      serviceAccountQuota: bots + 50,
      sites: [{ cloudId: CLOUD_ID, url: "https://acme-bench.atlassian.net", products: PRODUCTS.map((p) => p.key) }],
    },
    users,
    groups: [...GROUPS.map((name) => ({ id: `g-${name}`, name, managementSource: "invited" })), { id: "g-staff", name: "staff", managementSource: "invited" }],
    apiTokens,
    events,
    serviceAccounts: [],
  };
}
