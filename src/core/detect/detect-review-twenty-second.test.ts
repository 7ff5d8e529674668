// People beside a group of scripts' accounts ("integrations", "ci-bots"): the group's share may
// review an account that shows a script's trace, but the bots' owners and admins stay people.
import { describe, expect, it } from "vitest";
import type { Snapshot } from "../snapshot/schema.js";
import { snapshotSchema } from "../snapshot/schema.js";
import { auditSnapshot } from "./index.js";
import { detectionConfigSchema } from "./config.js";
import { account, CLOUD, DAY, EMPTY, explain, findingOf, HOUR, lcg, officeDays, rawSnapshot, REF_MS, token, tokenCall, type Raw } from "../../../test/helpers/people-audit.js";

const SEEDS = [1, 2, 3, 4, 5] as const;
const INVITED = { managementSource: "invited", ...EMPTY };
const GROUPS: Raw[] = [
  { id: "g-int", name: "integrations", description: "Technical users", managementSource: null },
  { id: "g-ci", name: "ci-team", description: null, managementSource: null },
  { id: "g-plat", name: "platform", description: "Platform engineers and the CI bots they run", managementSource: null },
];

function job(id: string, groupIds: string[]): Raw[] {
  const events: Raw[] = [];
  for (let t = REF_MS - 30 * DAY; t < REF_MS; t += HOUR) events.push(tokenCall(id, t + 60_000, `${id}-t`, CLOUD, "python-requests/2.32"));
  return [account(id, { name: `svc ${id}`, email: `svc-${id}@acme.com`, ...INVITED, productAccess: [], groupIds }), ...events];
}

/** `jobs` scripts' accounts and the people `people` (with their events), all in `group`, beside ten colleagues elsewhere. */
function build(seed: number, group: string, people: Raw[][], jobs = 4, tokens: Raw[] = []): Snapshot {
  const js = Array.from({ length: jobs }, (_, i) => job(`j${i}`, [group]));
  const others = Array.from({ length: 10 }, (_, i) => [account(`col${i}`, { name: `Colleague ${i}` }), ...officeDays(lcg(seed * 100 + i), `col${i}`, i % 3 === 0)]);
  const raw = rawSnapshot(
    [...people.map((p) => p[0] as Raw), ...js.map((j) => j[0] as Raw), ...others.map((x) => x[0] as Raw)],
    [...people.flatMap((p) => p.slice(1)), ...js.flatMap((j) => j.slice(1)), ...others.flatMap((x) => x.slice(1))],
    [...js.map((_, i) => token(`j${i}-t`, `j${i}`, REF_MS - HOUR, "prod")), ...tokens],
  );
  raw["groups"] = GROUPS;
  return snapshotSchema.parse(raw);
}

const audit = (s: Snapshot, includeHumans = true) =>
  auditSnapshot(s, { detection: detectionConfigSchema.parse({}), allowlist: [], denylist: [], includeHumans, generatedAt: new Date(0) });

describe("the owner of a group's scripts", () => {
  // The IdP-managed engineer with a full profile who runs the group's four jobs, in the UI all day,
  // answering email codes (no 2SV): a person whose fix is 2SV, not a review (automationIdentity
  // spares synced, full-profile accounts the same way).
  it("an IdP-managed owner at work in the UI with email codes is told to enable 2SV, not reviewed", () => {
    for (const seed of SEEDS) {
      const p = [account("p", { name: "Dana Reyes", email: "dana.reyes@acme.com", groupIds: ["g-int"] }), ...officeDays(lcg(seed + 500), "p", true)];
      const f = findingOf(build(seed, "g-int", [p]), "p");
      expect([seed, f.verdict, f.recommendation], explain(f)).toEqual([seed, "human", "enable-2sv"]);
    }
  });

  // A "ci-team" of two engineers beside three CI bots (60 %): both engineers answer email codes.
  it("engineers of a small ci-team beside three bots stay people", () => {
    for (const seed of SEEDS) {
      const a = [account("a", { name: "Ana Kim", email: "ana.kim@acme.com", groupIds: ["g-ci"] }), ...officeDays(lcg(seed + 700), "a", true)];
      const b = [account("b", { name: "Ben Ortiz", email: "ben.ortiz@acme.com", groupIds: ["g-ci"] }), ...officeDays(lcg(seed + 800), "b", true)];
      const s = build(seed, "g-ci", [a, b], 3);
      for (const id of ["a", "b"]) {
        const f = findingOf(s, id);
        expect([seed, id, f.verdict], explain(f)).toEqual([seed, id, "human"]);
      }
    }
  });

  // The group is named like automation only in its description; its engineers are people all the same.
  it("an engineer of a group whose description names the CI bots stays a person", () => {
    for (const seed of SEEDS) {
      const p = [account("p", { name: "Dana Reyes", email: "dana.reyes@acme.com", groupIds: ["g-plat"] }), ...officeDays(lcg(seed + 500), "p", true)];
      const f = findingOf(build(seed, "g-plat", [p]), "p");
      expect([seed, f.verdict], explain(f)).toEqual([seed, "human"]);
    }
  });

  // The group's org admin, 2SV on, at work in the UI every day through the company's VPN, whose
  // exit is a cloud address: the VPN is no script's trace.
  it("an admin with 2SV who works through a cloud-hosted VPN stays human", () => {
    for (const seed of SEEDS) {
      const events = officeDays(lcg(seed + 500), "p").map((e) => ({ ...e, ip: CLOUD }));
      const p = [account("p", { name: "Dana Reyes", email: "dana.reyes@acme.com", mfaEnabled: true, platformRoles: ["org-admin"], groupIds: ["g-int"] }), ...events];
      const f = findingOf(build(seed, "g-int", [p]), "p");
      expect([seed, f.verdict], explain(f)).toEqual([seed, "human"]);
    }
  });

  // An engineer who left (account deactivated) in the group, with email codes from before: not a review case.
  it("a deactivated former member stays human", () => {
    for (const seed of SEEDS) {
      const events = officeDays(lcg(seed + 500), "p", true).filter((e) => Date.parse(String(e["time"])) < REF_MS - 20 * DAY);
      const p = [account("p", { name: "Dana Reyes", email: "dana.reyes@acme.com", accountStatus: "inactive", status: "inactive", groupIds: ["g-int"] }), ...events];
      const f = findingOf(build(seed, "g-int", [p]), "p");
      expect([seed, f.verdict], explain(f)).toEqual([seed, "human"]);
    }
  });
});

describe("the report of an org with a group of scripts' accounts", () => {
  const seed = 3;
  const people = [0, 1].map((i) => [account(`p${i}`, { name: `Owner ${i}`, groupIds: ["g-int"] }), ...officeDays(lcg(seed + 900 + i), `p${i}`, true)]);
  const s = build(seed, "g-int", people, 5, [token("p0-t", "p0", REF_MS - DAY)]);

  // Counts, findings with and without --include-humans, and the users' order: one and the same report.
  it("adds up, keeps the same non-human findings without --include-humans, and does not depend on the users' order", () => {
    const all = audit(s);
    const some = audit(s, false);
    const byVerdict = (v: string) => all.findings.filter((f) => f.verdict === v).length;
    expect(all.summary.accounts).toBe(all.findings.length);
    expect([all.summary.bot, all.summary.likelyBot, all.summary.human]).toEqual([byVerdict("bot"), byVerdict("likely-bot"), byVerdict("human")]);
    expect(all.summary.enable2sv).toBe(all.findings.filter((f) => f.recommendation === "enable-2sv").length);
    expect(some.summary).toEqual(all.summary);
    expect(some.findings).toEqual(all.findings.filter((f) => f.verdict !== "human" || f.recommendation === "enable-2sv"));
    const reversed = audit({ ...s, users: [...s.users].reverse() });
    expect(reversed).toEqual(all);
  });
});
