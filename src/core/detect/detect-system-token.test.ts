// A token whose label names the system that calls with it (`prod`, `jenkins`, `orchestrator`,
// `bot-runner`, `alerts`, `本番用`) on an account whose tokens are all so named: a system depends on
// the account, on a person's name, profile and sign-ins too, and it is reviewed. A person's own
// tokens (`jira-cli`, `my-script`, `nightly`, `github-actions`), or a developer's several tokens of
// which one is `prod`, are no system's.
import { describe, expect, it } from "vitest";
import { systemTokenLabel } from "./features/tokens.js";
import { account, BROWSER, DAY, ev, explain, findingOf, HOUR, isWeekend, lcg, MIN, OFFICE, officeDays, REF_MS, snapshotOf, tokenCall, type Raw } from "../../../test/helpers/people-audit.js";

const SEEDS = [1, 2, 3, 4, 5] as const;

const colleagues = (seed: number): [Raw[], Raw[]] => {
  const users: Raw[] = [];
  const events: Raw[] = [];
  for (let i = 0; i < 6; i++) {
    users.push(account(`c${i}`, { name: `Colleague ${i}` }));
    events.push(...officeDays(lcg(seed * 31 + i), `c${i}`));
  }
  return [users, events];
};

const tokenOf = (id: string, label: string, lastMs: number | null): Raw => ({
  id,
  accountId: "p",
  label,
  status: "ALLOWED",
  createdAt: new Date(REF_MS - 200 * DAY).toISOString(),
  expiresAt: new Date(REF_MS + 100 * DAY).toISOString(),
  lastActiveAt: lastMs === null ? null : new Date(lastMs).toISOString(),
});

/** Calls through token `tk` on weekdays from 08:00 to 17:00 every 15-60 minutes, from the office, as a person's tool or a person-hours robot makes them. */
function workdayCalls(seed: number, tokenId: string, userAgent: string): Raw[] {
  const r = lcg(seed * 7 + 3);
  const out: Raw[] = [];
  for (let d = 30; d >= 1; d--) {
    const day = REF_MS - d * DAY;
    if (isWeekend(day)) continue;
    for (let t = day + (8 + r()) * HOUR; t < day + 17 * HOUR; t += (15 + r() * 45) * MIN) out.push(tokenCall("p", Math.floor(t), tokenId, OFFICE, userAgent));
  }
  return out;
}

/** A synced person's account, signing in and working in the UI on weekdays, whose tokens are `labels` (the first used through the day). */
function judged(seed: number, labels: readonly string[], overrides: Raw = {}) {
  const [users, others] = colleagues(seed);
  const p = account("p", { name: "Claire Claims", email: "claire.claims@acme.com", ...overrides });
  const tokens = labels.map((label, i) => tokenOf(`tk${i}`, label, REF_MS - (i + 1) * DAY));
  const events = [...officeDays(lcg(seed), "p"), ...workdayCalls(seed, "tk0", "RestSharp/106.15.0.0")];
  return findingOf(snapshotOf([p, ...users], [...events, ...others], tokens), "p");
}

describe("a token named for the system that calls with it", () => {
  // A person-named robot at a hospital: synced, in the UI daily, calling through `bot-runner`: was `human`.
  it.each(["bot-runner", "orchestrator", "UiPath Orchestrator", "rpa01", "prod", "jenkins-prod", "Zabbix alerts", "本番用", "produksjon", "webhook", "middleware", "integracja", "entegrasyon", "alerty"])("`%s`, on a person's synced account at work in the UI, is reviewed", (label) => {
    for (const seed of SEEDS) {
      const f = judged(seed, [label]);
      expect([seed, f.verdict], explain(f)).toEqual([seed, "likely-bot"]);
      const note = f.signals.find((s) => s.id === "script-in-use")?.evidence ?? "";
      expect(note).toContain(`API token \`${label}\``);
      expect(note).toContain("2026-10-31 (1 day before the reference time)");
    }
  });

  it("counts when all of the account's tokens are so named", () => {
    for (const seed of SEEDS) {
      const f = judged(seed, ["prod", "prod-old"]);
      expect([seed, f.verdict], explain(f)).toEqual([seed, "likely-bot"]);
    }
  });

  // A developer's several tokens, one of them for deploying to production: the worst mistake
  // would be calling them a bot; a token among the person's own names none.
  it("is a person's among their own tokens", () => {
    for (const seed of SEEDS) {
      const f = judged(seed, ["jira-cli", "prod", "deploy"], { name: "Dana Reyes", email: "dana.reyes@acme.com" });
      expect([seed, f.verdict], explain(f)).toEqual([seed, "human"]);
    }
  });

  // Blocked, or expired: nothing can depend on it any more, on a person's active account.
  it.each([
    ["blocked", { status: "BLOCKED" }],
    ["expired", { expiresAt: new Date(REF_MS - 10 * DAY).toISOString() }],
  ])("%s, says nothing on an active account", (_what, change) => {
    for (const seed of SEEDS) {
      const [users, others] = colleagues(seed);
      const p = account("p", { name: "Dana Reyes", email: "dana.reyes@acme.com" });
      const f = findingOf(snapshotOf([p, ...users], [...officeDays(lcg(seed), "p"), ...others], [{ ...tokenOf("tk0", "deploy", REF_MS - 40 * DAY), ...change }]), "p");
      expect([seed, f.verdict], explain(f)).toEqual([seed, "human"]);
    }
  });

  // A retired robot on an invented person's account, deactivated, its `prod` token blocked: what it was.
  it("blocked, on an account no longer active, says what the account was", () => {
    for (const seed of SEEDS) {
      const [users, others] = colleagues(seed);
      const p = account("p", { name: "Claire Claims", email: "claire.claims@acme.com", accountStatus: "inactive", productAccess: [{ key: "jira-software", id: "ari:jira", lastActiveTimestamp: new Date(REF_MS - 380 * DAY).toISOString() }] });
      const f = findingOf(snapshotOf([p, ...users], others, [{ ...tokenOf("tk0", "prod", REF_MS - 400 * DAY), status: "BLOCKED" }]), "p");
      expect([seed, f.verdict], explain(f)).toEqual([seed, "likely-bot"]);
      expect(f.recommendation).toBe("none");
    }
  });

  // Never used: nothing depends on it.
  it("never used, says nothing", () => {
    for (const seed of SEEDS) {
      const [users, others] = colleagues(seed);
      const p = account("p", { name: "Dana Reyes", email: "dana.reyes@acme.com" });
      const f = findingOf(snapshotOf([p, ...users], [...officeDays(lcg(seed), "p"), ...others], [tokenOf("tk0", "prod", null)]), "p");
      expect([seed, f.verdict], explain(f)).toEqual([seed, "human"]);
    }
  });

  // A person's own script, a repository's own CI, a tool: no system's name.
  // `uipath`: an attended robot on the person's desktop is their own tool, as `rpaClient` reads it.
  it.each(["jira-cli", "my-script", "nightly", "cron", "sync", "export", "automation", "github-actions", "gitlab-ci", "ci", "pipeline", "robot-local", "test", "powerbi", "reporting", "uipath"])("`%s` names the person's own use", (label) => {
    for (const seed of SEEDS) {
      const f = judged(seed, [label], { name: "Dana Reyes", email: "dana.reyes@acme.com" });
      expect([seed, f.verdict], explain(f)).toEqual([seed, "human"]);
    }
  });
});

describe("systemTokenLabel", () => {
  it.each([
    ["prod", true],
    ["PROD", true],
    ["jenkins_prod", true],
    ["rpa01", true],
    ["01-rpa", true],
    ["Bot Runner", true],
    ["本番環境", true],
    ["운영", true],
    ["health check", true],
    ["product-roadmap", false],
    ["production-like", false],
    ["prod-old", true],
    ["Jenkins用", true],
    ["ＰＲＯＤ", true],
    ["прод", true],
    ["\u001b[31mprod\u001b[0m", true],
    ["PRD drafts", false],
    ["production schedule", false],
    ["alert-me", false],
    ["jan.bot laptop", false],
    ["資産運用レポート", false],
    ["edi", false],
    ["robot", false],
    ["bottle", false],
    ["abbot", false],
    ["interfaces-doc", false],
    ["reprod", false],
    ["jira-cli", false],
    ["", false],
  ])("%j → %s", (label, want) => {
    expect(systemTokenLabel(label)).toBe(want);
  });
});

// The same token through the log alone (the token list records no last use): the calls name it.
describe("a system-named token whose use only the log records", () => {
  it("is reviewed", () => {
    for (const seed of SEEDS) {
      const [users, others] = colleagues(seed);
      const p = account("p", { name: "Claire Claims", email: "claire.claims@acme.com" });
      const events = [...officeDays(lcg(seed), "p"), ...workdayCalls(seed, "tk0", "RestSharp/106.15.0.0"), ev("p", REF_MS - 3 * DAY + 9 * HOUR, { ip: OFFICE, userAgent: BROWSER })];
      const f = findingOf(snapshotOf([p, ...users], [...events, ...others], [tokenOf("tk0", "orchestrator", null)]), "p");
      expect([seed, f.verdict], explain(f)).toEqual([seed, "likely-bot"]);
    }
  });
});
