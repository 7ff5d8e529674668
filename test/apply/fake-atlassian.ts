import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { setupServer } from "msw/node";
import { afterAll, afterEach, beforeAll, beforeEach } from "vitest";
import { buildPlan } from "../../src/core/plan/planner.js";
import type { Plan } from "../../src/core/plan/schema.js";
import { AtlassianProvider } from "../../src/providers/atlassian/atlassian-provider.js";
import { atlassianHandlers, FAKE_KEY, makeFakeOrg, type FakeOrg } from "../msw/atlassian/index.js";
import { RequestRecorder } from "../msw/recorder.js";
import { finding, smallReport } from "../plan/builders.js";

export const NOW = new Date("2026-11-01T00:00:00Z");

export interface FakeAtlassianOptions {
  /** Whether the fake org refuses role and group writes that target a service account. */
  refuseServiceAccountTargets: boolean;
  /** Prefix of the temporary directory made for each test. */
  tmpPrefix: string;
  /** What msw does with a request no handler matches ("bypass" lets real HTTP servers through). */
  onUnhandledRequest?: "error" | "bypass";
}

export interface FakeAtlassian {
  /** This test's fake org (a fresh one for each test). */
  readonly org: FakeOrg;
  /** This test's temporary directory (removed after the test). */
  readonly dir: string;
  /** Every request the fake org answered in this test. */
  readonly recorder: RequestRecorder;
  /** An Atlassian provider pointed at the fake org, with no waits between retries. */
  provider(): AtlassianProvider;
  /** A plan, read live from the fake org, that migrates the one bot u-jenkins (old account suspended). */
  jenkinsPlan(planId: string): Promise<Plan>;
}

/**
 * Serves a fresh fake Atlassian org through msw for each test of the calling file, with a
 * temporary directory for journals; call it at the top level of a test file.
 */
export function useFakeAtlassian(options: FakeAtlassianOptions): FakeAtlassian {
  const server = setupServer();
  const recorder = new RequestRecorder();
  let org: FakeOrg | undefined;
  let dir: string | undefined;

  beforeAll(() => server.listen({ onUnhandledRequest: options.onUnhandledRequest ?? "error" }));
  beforeEach(async () => {
    org = makeFakeOrg({ refuseServiceAccountTargets: options.refuseServiceAccountTargets });
    server.resetHandlers(...atlassianHandlers(org, recorder));
    dir = await mkdtemp(join(tmpdir(), options.tmpPrefix));
  });
  afterEach(async () => {
    recorder.clear();
    if (dir) await rm(dir, { recursive: true, force: true });
  });
  afterAll(() => server.close());

  const fake: FakeAtlassian = {
    get org() {
      if (!org) throw new Error("the fake org exists only inside a test");
      return org;
    },
    get dir() {
      if (!dir) throw new Error("the temporary directory exists only inside a test");
      return dir;
    },
    recorder,
    provider() {
      const { orgId, baseUrl } = fake.org;
      return new AtlassianProvider(
        { orgId, apiKey: FAKE_KEY, baseUrl, directoryId: "-", unofficial: false, concurrency: 2, timeoutMs: 5000, maxRetries: 1 },
        { now: () => NOW, sleep: async () => {} },
      );
    },
    async jenkinsPlan(planId) {
      const p = fake.provider();
      const snapshot = await p.readSnapshot({ now: NOW });
      return buildPlan({
        snapshot,
        report: smallReport([finding("u-jenkins", "bot", { name: "Jenkins CI", email: "jenkins@acme.com" })]),
        capabilities: p.capabilities,
        options: { oldAccount: "suspend" },
        planId,
        createdAt: NOW,
        provider: { name: "atlassian", baseUrl: fake.org.baseUrl },
        source: { type: "provider" },
      }).plan;
    },
  };
  return fake;
}
