import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import type { AuditReport } from "../../src/core/detect/types.js";
import { validateSnapshot } from "../../src/core/snapshot/reader.js";
import type { Snapshot } from "../../src/core/snapshot/schema.js";
import { startEmulator, type FaultOptions, type RequestStats, type RunningEmulator } from "../../src/emulator/server.js";
import { ENDPOINTS, type EndpointId } from "../../src/providers/atlassian/endpoints.js";
import { REPO_ROOT, runCli } from "../helpers/run-cli.js";

// The audit of a live org must not depend on how its data arrived, nor on the day it runs: the
// demo org served by the emulator as of the moment it starts (months after the snapshot was
// taken), read over real HTTP by a plain `audit` with no --now or --since, has to give the same
// verdict for every account as the snapshot file audited offline.

const DEMO_FILE = join(REPO_ROOT, "fixtures", "demo-org.json");
const DAY_MS = 86_400_000;

/** The bulk reads an audit may use; anything else (a per-user call, a write) is a regression. */
const BULK_READS: readonly EndpointId[] = [
  "getOrg",
  "searchWorkspaces",
  "searchUsers",
  "searchGroups",
  "listApiTokens",
  "eventsStream",
  "listServiceAccounts",
  "listServiceAccountTokens",
  "listServiceAccountOAuthClients",
];
const PER_USER: readonly EndpointId[] = ["listUserTokens", "listDirectories"];
const routeKey = (id: EndpointId): string => `${ENDPOINTS[id].method} ${ENDPOINTS[id].path}`;

const demo: Snapshot = validateSnapshot(JSON.parse(readFileSync(DEMO_FILE, "utf8")) as unknown, DEMO_FILE);
const takenAt = demo.takenAt;
// The emulator starts (and the live audit runs) long after the snapshot was taken.
const START = new Date(Date.parse(takenAt) + 137 * DAY_MS + 5 * 3_600_000);

let emulator: RunningEmulator | undefined;
afterEach(async () => {
  await emulator?.close();
  emulator = undefined;
});

type Verdicts = Map<string, { verdict: string; recommendation: string }>;

function verdictsOf(stdout: string): Verdicts {
  const report = JSON.parse(stdout) as AuditReport;
  return new Map(report.findings.map((f) => [f.accountId, { verdict: f.verdict, recommendation: f.recommendation }]));
}

async function fileVerdicts(): Promise<Verdicts> {
  const run = await runCli(["audit", "--snapshot", DEMO_FILE, "--format", "json", "--include-humans", "--now", takenAt]);
  expect(run.stderr).toBe("");
  expect(run.code).toBe(0);
  return verdictsOf(run.stdout);
}

async function liveVerdicts(faults?: FaultOptions): Promise<{ verdicts: Verdicts; requests: RequestStats }> {
  emulator = await startEmulator({ snapshot: demo, port: 0, seed: 3, now: () => START, ...(faults ? { faults } : {}) });
  const run = await runCli(["audit", "--provider", "atlassian", "--format", "json", "--include-humans"], {
    now: START,
    env: {
      BOT2SVC_ATLASSIAN_BASE_URL: emulator.url,
      BOT2SVC_ATLASSIAN_ORG_ID: emulator.orgId,
      BOT2SVC_ATLASSIAN_API_KEY: emulator.apiKey,
    },
  });
  expect(run.stderr, run.stderr).not.toContain(emulator.apiKey);
  expect(run.code, run.stderr).toBe(0);
  return { verdicts: verdictsOf(run.stdout), requests: emulator.requests() };
}

/** Every account whose verdict or recommendation differs, one line each, for the failure message. */
function differences(expected: Verdicts, actual: Verdicts): string[] {
  const lines: string[] = [];
  for (const [accountId, want] of expected) {
    const got = actual.get(accountId);
    const name = demo.users.find((u) => u.accountId === accountId)?.name ?? "?";
    if (!got) lines.push(`${accountId} (${name}): missing from the live audit; file says ${want.verdict}/${want.recommendation}`);
    else if (got.verdict !== want.verdict || got.recommendation !== want.recommendation) {
      lines.push(`${accountId} (${name}): file ${want.verdict}/${want.recommendation}, live ${got.verdict}/${got.recommendation}`);
    }
  }
  for (const [accountId, got] of actual) {
    if (!expected.has(accountId)) lines.push(`${accountId}: only in the live audit (${got.verdict}/${got.recommendation})`);
  }
  return lines;
}

/**
 * The fewest requests that can read `org`: one per page of each list at the page sizes the
 * provider asks for (100 per page, 500 events per page), and at least one request per list.
 * events-stream keeps a cursor on its last page (for polling), so it ends with an empty page.
 */
function minimumRequests(org: Snapshot): number {
  const pages = (items: number, pageSize: number): number => Math.max(1, Math.ceil(items / pageSize));
  const workspaces = org.org.sites.reduce((n, site) => n + site.products.length, 0);
  return (
    1 +
    pages(workspaces, 100) +
    pages(org.users.length, 100) +
    pages(org.groups.length, 100) +
    pages(org.apiTokens.length, 100) +
    (Math.ceil(org.events.length / 500) + 1) +
    pages(org.serviceAccounts.length, 100) +
    pages(org.serviceAccountTokens.length, 100) +
    1
  );
}

function expectBulkReadsOnly(requests: RequestStats): void {
  for (const id of PER_USER) expect(requests.byRoute[routeKey(id)] ?? 0, `${id} calls`).toBe(0);
  const allowed = new Set(BULK_READS.map(routeKey));
  const other = Object.keys(requests.byRoute).filter((key) => !allowed.has(key));
  expect(other, "routes outside the bulk reads").toEqual([]);
}

describe("audit through the emulated Atlassian API", () => {
  it("gives every demo account the verdict of the snapshot-file audit, with bulk reads only", async () => {
    const expected = await fileVerdicts();
    expect(expected.size).toBe(demo.users.length);
    const { verdicts, requests } = await liveVerdicts();
    expectBulkReadsOnly(requests);
    // Every page must have been read: events alone need a dozen pages of 500.
    expect(requests.byRoute[routeKey("eventsStream")]).toBeGreaterThanOrEqual(Math.ceil(demo.events.length / 500));
    expect(requests.byStatus).toEqual({ "200": requests.total });
    // No request is wasted.
    expect(requests.total).toBe(minimumRequests(demo));
    const diff = differences(expected, verdicts);
    expect(diff, `${diff.length} account(s) differ:\n${diff.join("\n")}`).toEqual([]);
  });

  it("gives the same verdicts when a fifth of the requests fail with 503 or a reset connection", async () => {
    const expected = await fileVerdicts();
    const { verdicts, requests } = await liveVerdicts({ rate5xx: 0.1, rateReset: 0.1, seed: 2 });
    expectBulkReadsOnly(requests);
    // The faults really happened, and every one was retried until it succeeded.
    expect(requests.byStatus["503"] ?? 0, JSON.stringify(requests.byStatus)).toBeGreaterThan(0);
    expect(requests.byStatus.reset ?? 0, JSON.stringify(requests.byStatus)).toBeGreaterThan(0);
    expect(requests.byStatus["200"]).toBe(minimumRequests(demo));
    expect(requests.total).toBe(minimumRequests(demo) + (requests.byStatus["503"] ?? 0) + (requests.byStatus.reset ?? 0));
    const diff = differences(expected, verdicts);
    expect(diff, `${diff.length} account(s) differ:\n${diff.join("\n")}`).toEqual([]);
  }, 30_000);
});
