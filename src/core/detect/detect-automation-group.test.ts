// A group named like automation ("integrations", "automation") whose other members are scripts'
// accounts on their own evidence: a member that scores as a person but shows a script's trace is
// reviewed. The group's name alone moves nobody: orgs that put people in "automation" stay as they were.
import { describe, expect, it } from "vitest";
import type { Snapshot } from "../snapshot/schema.js";
import { account, BROWSER, CLOUD, DAY, EMPTY, ev, explain, findingOf, HOUR, isWeekend, lcg, officeDays, OFFICE, rawSnapshot, REF_MS, token, tokenCall, type Raw } from "../../../test/helpers/people-audit.js";
import { snapshotSchema } from "../snapshot/schema.js";

const SEEDS = [1, 2, 3, 4, 5] as const;
const INVITED = { managementSource: "invited", ...EMPTY };
const GROUPS: Raw[] = [
  { id: "g-int", name: "integrations", description: "Technical users", managementSource: null },
  { id: "g-auto", name: "automation", description: null, managementSource: null },
  { id: "g-team", name: "team-a", description: null, managementSource: null },
];

/** A job's account: an hourly token call round the clock from a cloud address, for 30 days. */
function job(id: string, groupIds: string[]): Raw[] {
  const events: Raw[] = [];
  for (let t = REF_MS - 30 * DAY; t < REF_MS; t += HOUR) events.push(tokenCall(id, t + 60_000, `${id}-t`, CLOUD, "python-requests/2.32"));
  return [account(id, { name: `svc ${id}`, email: `svc-${id}@acme.com`, ...INVITED, productAccess: [], groupIds }), ...events];
}

/** An owner's manual sign-ins (twice a week, each with an email code) on an account whose job's calls the log does not keep. */
function ownerSignIns(seed: number, id: string): Raw[] {
  const r = lcg(seed);
  const out: Raw[] = [];
  for (let d = 30; d >= 1; d--) {
    const day = REF_MS - d * DAY;
    if (isWeekend(day) || r() < 0.6) continue;
    const at = day + (9 + r() * 8) * HOUR;
    out.push(ev(id, Math.floor(at), { ip: OFFICE, userAgent: BROWSER }), ev(id, Math.floor(at + 20_000), { action: "email_otp_sent", ip: OFFICE, userAgent: BROWSER }));
  }
  return out;
}

function org(users: Raw[], events: Raw[], tokens: Raw[]): Snapshot {
  const raw = rawSnapshot(users, events, tokens);
  raw["groups"] = GROUPS;
  return snapshotSchema.parse(raw);
}

/** Four jobs in `group`, the account `p` (in `group` too) and ten office workers, `inGroup` of them in `group`. */
function build(seed: number, group: string, p: Raw, pEvents: Raw[], pTokens: Raw[], inGroup = 0): Snapshot {
  const jobs = ["a", "b", "c", "d"].map((id) => job(id, [group]));
  const people = Array.from({ length: 10 }, (_, i) => [account(`col${i}`, { name: `Colleague ${i}`, groupIds: i < inGroup ? [group] : [] }), ...officeDays(lcg(seed * 100 + i), `col${i}`, i % 3 === 0)]);
  const tokens = [...["a", "b", "c", "d"].map((id) => token(`${id}-t`, id, REF_MS - HOUR, "prod")), ...pTokens];
  return org([p, ...jobs.map((j) => j[0] as Raw), ...people.map((x) => x[0] as Raw)], [...pEvents, ...jobs.flatMap((j) => j.slice(1)), ...people.flatMap((x) => x.slice(1))], tokens);
}

describe("an account in a group of scripts' accounts", () => {
  // A cron's token on a role-named account whose owner signs in by hand, in a log of sign-ins
  // only (the token's use shows only as its last use in the token list): was `human`.
  it("whose owner signs in by hand, with email codes, is reviewed", () => {
    for (const seed of SEEDS) {
      const p = account("p", { name: "Chris Ops", email: "ops-tooling@acme.com", ...INVITED, groupIds: ["g-int"] });
      const f = findingOf(build(seed, "g-int", p, ownerSignIns(seed, "p"), [token("p-t", "p", REF_MS - 8 * HOUR, "ops-tooling")]), "p");
      expect([seed, f.verdict], explain(f)).toEqual([seed, "likely-bot"]);
      expect(f.recommendation).toBe("review");
      const signal = f.signals.find((s) => s.id === "automation-identity");
      expect(signal?.evidence).toContain('group "integrations"');
      expect(signal?.evidence).toMatch(/[34] of 5 active accounts are bots/);
    }
  });

  it("with no trace but a token (2SV on, the owner's sign-ins answered), stays `human`", () => {
    for (const seed of SEEDS) {
      const p = account("p", { name: "Chris Ops", email: "ops-tooling@acme.com", ...INVITED, mfaEnabled: true, groupIds: ["g-int"] });
      const events = ownerSignIns(seed, "p").filter((e) => e["action"] === "user_login");
      const f = findingOf(build(seed, "g-int", p, events, [token("p-t", "p", REF_MS - 8 * HOUR, "ops-tooling")]), "p");
      expect([seed, f.verdict], explain(f)).toEqual([seed, "human"]);
    }
  });
});

describe("people in a group named like automation", () => {
  // Some orgs put every engineer in "automation": most of its members are people, so it names nobody.
  it("where most members are people, a member who gets email codes is told to enable 2SV", () => {
    for (const seed of SEEDS) {
      const p = account("p", { name: "Dana Reyes", groupIds: ["g-auto"] });
      const f = findingOf(build(seed, "g-auto", p, officeDays(lcg(seed + 500), "p", true), [], 10), "p");
      expect([seed, f.verdict, f.recommendation], explain(f)).toEqual([seed, "human", "enable-2sv"]);
    }
  });

  // The jobs' owner in their group, at work in the UI all day with email codes and a token of her own.
  it("the jobs' owner, at work in the UI, is told to enable 2SV", () => {
    for (const seed of SEEDS) {
      const p = account("p", { name: "Dana Reyes", groupIds: ["g-int"] });
      const f = findingOf(build(seed, "g-int", p, officeDays(lcg(seed + 500), "p", true), [token("p-t", "p", REF_MS - DAY)]), "p");
      expect([seed, f.verdict, f.recommendation], explain(f)).toEqual([seed, "human", "enable-2sv"]);
    }
  });

  it("a group of scripts whose name says nothing names nobody", () => {
    for (const seed of SEEDS) {
      const p = account("p", { name: "Chris Ops", email: "ops-tooling@acme.com", ...INVITED, groupIds: ["g-team"] });
      const f = findingOf(build(seed, "g-team", p, ownerSignIns(seed, "p"), [token("p-t", "p", REF_MS - 8 * HOUR, "ops-tooling")]), "p");
      expect([seed, f.verdict], explain(f)).toEqual([seed, "human"]);
    }
  });
});
