// Integrations idle with their tokens, where the snapshot leaves little to weigh: an account filed
// in a group of scripts' accounts in a log that records no token use; one whose export leaves out
// who manages it; and one named as its sister integrations are ("Integração Siagri" beside
// "Integração CRM Legado"), whose shared first word is a tool's, not a given name.
import { describe, expect, it } from "vitest";
import type { Snapshot } from "../snapshot/schema.js";
import { snapshotSchema } from "../snapshot/schema.js";
import { account, BROWSER, CLOUD, DAY, EMPTY, ev, explain, findingOf, HOUR, iso, lcg, officeDays, OFFICE, rawSnapshot, REF_MS, token, tokenCall, type Raw } from "../../../test/helpers/people-audit.js";
import { neverUi, recentUi } from "../../../test/helpers/name-attacks.js";
import { givenNamesOrg } from "../../../test/helpers/org-words.js";
import { bare, orgsAt } from "../../../test/helpers/unrecorded-token-work.js";

const SEEDS = [1, 2, 3] as const;
const INVITED = { managementSource: "invited", ...EMPTY };
const GROUPS: Raw[] = [
  { id: "g-int", name: "integracje", description: "Konta techniczne / integracje", managementSource: null },
  { id: "g-team", name: "spedycja", description: "Dyspozytorzy", managementSource: null },
];
/** A token made months ago, never used as far as the token list tells. */
const oldToken = (accountId: string, label = "edi"): Raw => ({ id: `${accountId}-t`, accountId, label, status: "ALLOWED", createdAt: iso(REF_MS - 240 * DAY), expiresAt: iso(REF_MS - 60 * DAY) });

/** A carrier's EDI job: token calls every two hours round the clock from a cloud address, for 30 days. */
function ediJob(id: string): Raw[] {
  const events: Raw[] = [];
  for (let t = REF_MS - 30 * DAY; t < REF_MS; t += 2 * HOUR) events.push(tokenCall(id, t + 60_000, `${id}-t`, CLOUD, "python-requests/2.32"));
  return [account(id, { name: `edi-${id}`, email: `edi-${id}@piastlog.pl`, ...INVITED, productAccess: [], groupIds: ["g-int"] }), ...events];
}

const CARRIERS = ["dhl", "raben", "dpd", "gls", "ups"] as const;
/** `jobs` EDI jobs in "integracje", the account `p` and twelve office workers, `inGroup` of them in `group`. */
function withJobs(seed: number, p: Raw, group = "g-int", inGroup = 0, jobs = 5, pToken = oldToken("p")): Snapshot {
  const carriers = CARRIERS.slice(0, jobs);
  const jobAccounts = carriers.map(ediJob);
  const people = Array.from({ length: 12 }, (_, i) => [account(`col${i}`, { name: `Colleague ${i}`, groupIds: i < inGroup ? [group] : [] }), ...officeDays(lcg(seed * 100 + i), `col${i}`, i % 3 === 0)]);
  const tokens = [...carriers.map((id) => token(`${id}-t`, id, REF_MS - HOUR, "edi")), pToken];
  const raw = rawSnapshot([p, ...jobAccounts.map((j) => j[0] as Raw), ...people.map((x) => x[0] as Raw)], [...jobAccounts.flatMap((j) => j.slice(1)), ...people.flatMap((x) => x.slice(1))], tokens);
  raw["groups"] = GROUPS;
  return snapshotSchema.parse(raw);
}
/** Last at work in the UI `days` ago. */
const uiDaysAgo = (days: number): Raw => ({ productAccess: [{ key: "jira-software", id: "ari:jira", lastActiveTimestamp: iso(REF_MS - days * DAY) }] });
const idleMember = (name: string, email: string, fields: Raw = {}): Raw => account("p", { name, email, ...INVITED, ...neverUi, groupIds: ["g-int"], ...fields });

describe("an account idle with its token in a group of scripts' accounts", () => {
  // Carriers' EDI accounts between deliveries, in a log that records no token use: filed with the
  // integrations, nothing else of their own.
  it.each([
    ["edi-fedex", "edi-fedex@piastlog.pl"],
    ["raport.dzienny.wro", "raport.dzienny@piastlog.pl"],
  ])("%s is reviewed, with the group named", (name, email) => {
    for (const seed of SEEDS) {
      const f = findingOf(withJobs(seed, idleMember(name, email)), "p");
      expect([seed, f.verdict], explain(f)).toEqual([seed, "likely-bot"]);
      const signal = f.signals.find((s) => s.id === "automation-identity");
      expect(signal?.evidence).toMatch(/member of the group "integracje".*in which 5 of the 5 other active accounts are bots or likely bots.*API token and nothing else of its own in the log \(the token's use never recorded\)/);
    }
  });
  // Where the log records no token use at all, the group's scripts are reviewed on their tokens'
  // last use alone (`likely-bot`: the IdP keeps them), not called bots: a review counts in full.
  it("is reviewed in a group whose scripts are all reviewed, none called bots", () => {
    for (const seed of SEEDS) {
      const s = withJobs(seed, idleMember("edi-fedex", "edi-fedex@piastlog.pl"), "g-int", 0, 0);
      const jobs = CARRIERS.map((id) => account(id, { name: `edi-${id}`, email: `edi-${id}@piastlog.pl`, ...INVITED, managementSource: "synced", ...neverUi, groupIds: ["g-int"] }));
      const raw = rawSnapshot([...s.users, ...jobs] as unknown as Raw[], s.events as unknown as Raw[], [...(s.apiTokens as unknown as Raw[]), ...CARRIERS.map((id) => token(`${id}-t`, id, REF_MS - 2 * HOUR, "edi"))]);
      raw["groups"] = GROUPS;
      const snapshot = snapshotSchema.parse(raw);
      expect(CARRIERS.map((id) => findingOf(snapshot, id).verdict)).toEqual(CARRIERS.map(() => "likely-bot"));
      const f = findingOf(snapshot, "p");
      expect([seed, f.verdict], explain(f)).toEqual([seed, "likely-bot"]);
    }
  });
  // Its admin last looked at it in the UI when the token was set up, 80 days ago.
  it("whose token was last used months ago says the token is idle", () => {
    const f = findingOf(withJobs(1, idleMember("edi-fedex", "edi-fedex@piastlog.pl", uiDaysAgo(80)), "g-int", 0, 5, token("p-t", "p", REF_MS - 80 * DAY, "edi")), "p");
    expect(f.verdict, explain(f)).toBe("likely-bot");
    expect(f.signals.find((s) => s.id === "automation-identity")?.evidence, explain(f)).toMatch(/\(the token idle\)/);
  });

  // People, `human`: the group's name or its members' verdicts do not hold, or the account is
  // someone's (the IdP keeps it, a job title, UI use), or it is suspended (reported as such).
  it.each([
    ["in a group not named like automation", { groupIds: ["g-team"] }, "g-team", 0],
    ["in an 'integracje' group of people mostly (4 jobs of 16)", {}, "g-int", 12],
    ["whom the IdP keeps", { managementSource: "synced" }, "g-int", 0],
    ["with a job title", { jobTitle: "Spedytor" }, "g-int", 0],
    ["at work in the UI yesterday", recentUi, "g-int", 0],
    ["suspended", { status: "suspended" }, "g-int", 0],
  ] as const)("edi-fedex %s is human", (_what, fields, group, inGroup) => {
    for (const seed of SEEDS) {
      const f = findingOf(withJobs(seed, idleMember("edi-fedex", "edi-fedex@piastlog.pl", fields), group, inGroup), "p");
      expect([seed, f.verdict], explain(f)).toEqual([seed, "human"]);
    }
  });
  // A person at her own mailbox, on leave with her laptop's token, in her team's group of scripts,
  // and an account in a group of four scripts besides it (a small team's "automation": two jobs
  // and their engineer say little), are `human`, with nothing of their own to weigh.
  it.each([
    ["Marta Wiśniewska on leave at her own mailbox, beside five jobs", "Marta Wiśniewska", "marta.wisniewska@piastlog.pl", 5],
    ["Tomasz Kalinowski at his own mailbox, never used, beside five jobs", "Tomasz Kalinowski", "t.kalinowski@piastlog.pl", 5],
    ["edi-fedex beside four jobs only", "edi-fedex", "edi-fedex@piastlog.pl", 4],
  ] as const)("%s is human", (_what, name, email, jobs) => {
    for (const seed of SEEDS) {
      const f = findingOf(withJobs(seed, idleMember(name, email, uiDaysAgo(75)), "g-int", 0, jobs, token("p-t", "p", REF_MS - 80 * DAY, "my-laptop")), "p");
      expect([seed, f.verdict], explain(f)).toEqual([seed, "human"]);
    }
  });
});

describe("an idle integration whose export leaves out who manages it", () => {
  const { amongNamed } = orgsAt("coop.example");
  // Exports without `managementSource`: dormant integrations whose name or mailbox leads with a
  // bot-like word, none of the name's words a given name, idle with a token never used, were
  // `human` (in two independent generators' orgs).
  it.each([
    ["Qlik Sense Reload", "qlik.reload@coop.example"],
    ["Qlik Sense Reload (legado)", "qlik.reload2@coop.example"],
    ["Power BI Gateway", "powerbi.gateway@coop.example"],
  ])("%s at %s is reviewed", (name, email) => {
    const f = amongNamed(bare({ name, email }), [], [oldToken("a", "token")]);
    expect(f.verdict, explain(f)).toBe("likely-bot");
  });

  // People idle with an old token in such an export, named for themselves: a given name of the
  // org's first, a rare one with a bot-like surname or the word in a team's note, a tool's word
  // first at their own mailbox (surname first, or a given name), `human`.
  it.each([
    ["Xochitl Quispe (API Team)", "xochitl.quispe@coop.example"],
    ["Xochitl Quispe (old)", "xochitl.quispe@coop.example"],
    ["Anna Berg", "anna.berg@coop.example"],
    ["Xochitl Quispe", "xochitl.quispe@coop.example"],
    ["Xochitl Sync Quispe (on leave)", "xochitl.quispe@coop.example"],
    ["Xochitl Jenkins", "xochitl.jenkins@coop.example"],
    ["Ngozi Bridge", "ngozi.bridge@coop.example"],
    ["Dmitri Harness", "dmitri.harness@coop.example"],
    ["Jenkins Anna", "jenkins.anna@coop.example"],
    ["Jenkins Xochitl", "jenkins.xochitl@coop.example"],
    ["Api Susanto", "asusanto@coop.example"],
    ["Ci Wang", "ci.wang@coop.example"],
    ["Kofi Api Mensah", "kofi.mensah@coop.example"],
  ])("%s at %s is human", (name, email) => {
    const f = amongNamed(bare({ name, email }), [], [oldToken("a", "token")]);
    expect(f.verdict, explain(f)).toBe("human");
  });
});

describe("sister integrations named with a tool's word first", () => {
  /** Account `a` (invited, no profile, never in the UI, a token never used) among 120 colleagues and `sisters`, untitled at mailboxes of their words. */
  function judge(a: Raw, sisters: readonly string[]): ReturnType<typeof findingOf> {
    const { users, events } = givenNamesOrg("agro.example");
    const others = sisters.map((name, i) => {
      const words = name.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase().split(" ");
      return account(`s${i}`, { name, email: `${words.join(".")}@agro.example`, ...INVITED, jobTitle: null });
    });
    const sisterEvents = others.map((_, i) => ev(`s${i}`, REF_MS - (i + 2) * DAY + 9 * HOUR, { ip: OFFICE, userAgent: BROWSER }));
    const raw = rawSnapshot([account("a", { ...INVITED, ...neverUi, ...a }), ...others, ...users], [...events, ...sisterEvents].sort((x, y) => String(x["time"]).localeCompare(String(y["time"]))), [oldToken("a", "crm")]);
    return findingOf(snapshotSchema.parse(raw), "a");
  }
  // "Integração Magento", "Integração Siagri" and "Integração Protheus" at mailboxes of their
  // words taught the org a given name "Integração", and their idle sister at `crm.legado@` was `human`.
  it("an idle integration beside three at integracao.* mailboxes is reviewed", () => {
    const f = judge({ name: "Integração CRM Legado", email: "crm.legado@agro.example" }, ["Integração Magento", "Integração Siagri", "Integração Protheus"]);
    expect(f.verdict, explain(f)).toBe("likely-bot");
  });
  // A given name of three letters that is also a tool's word (Api, Indonesian) still counts: Api
  // Susanto, idle with an old token beside three colleagues named Api, is `human`.
  it("Api Susanto beside three colleagues named Api is human", () => {
    const f = judge({ name: "Api Susanto", email: "asusanto@agro.example" }, ["Api Nugroho", "Api Wibowo", "Api Santoso"]);
    expect(f.verdict, explain(f)).toBe("human");
  });
});

describe("a group's tally counts the accounts people share as people", () => {
  // Three desks people take turns at from different computers (`computersTakeTurns`), reviewed as
  // shared, beside two EDI jobs: the group is no group of scripts, and its idle member stays `human`.
  const WINDOWS = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0.0.0 Safari/537.36";
  const MAC = "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0.0.0 Safari/537.36";
  function takingTurns(id: string, seed: number): Raw[] {
    const r = lcg(seed * 5 + id.length);
    const out: Raw[] = [];
    for (let d = 28; d >= 1; d--) {
      const day = REF_MS - d * DAY;
      if ([0, 6].includes(new Date(day).getUTCDay())) continue;
      let at = day + (7 + r() * 2) * HOUR;
      for (let i = 0; i < 3 + Math.floor(r() * 3); i++) {
        const agent = i % 2 === 0 ? WINDOWS : MAC;
        out.push(ev(id, Math.floor(at), { userAgent: agent, ip: agent === MAC ? "81.2.69.161" : OFFICE }));
        at += (0.5 + r() * 3) * HOUR;
      }
    }
    return out;
  }
  it("an idle member of a group of two jobs and three shared desks stays `human`", () => {
    let judged = 0;
    for (const seed of [1, 2, 3, 4, 5, 6]) {
      const s = withJobs(seed, idleMember("edi-fedex", "edi-fedex@piastlog.pl"), "g-int", 0, 2);
      const desks = [0, 1, 2].map((i) => account(`desk${i}`, { name: `Biuro Obsługi ${i + 1}`, email: `e104230${i}@piastlog.pl`, ...INVITED, mfaEnabled: true, groupIds: ["g-int"] }));
      const raw = rawSnapshot([...s.users, ...desks] as unknown as Raw[], [...(s.events as unknown as Raw[]), ...[0, 1, 2].flatMap((i) => takingTurns(`desk${i}`, seed))], s.apiTokens as unknown as Raw[]);
      raw["groups"] = GROUPS;
      const snapshot = snapshotSchema.parse(raw);
      // Only where each desk is reviewed as shared, not on its sign-ins' timing.
      if (![0, 1, 2].every((i) => findingOf(snapshot, `desk${i}`).signals.some((x) => x.id === "shared-use" && /from one computer.s platform to another and back/.test(x.evidence)))) continue;
      judged++;
      const f = findingOf(snapshot, "p");
      expect([seed, f.verdict], explain(f)).toEqual([seed, "human"]);
    }
    expect(judged).toBeGreaterThanOrEqual(2);
  });
});
