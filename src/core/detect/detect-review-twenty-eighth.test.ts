// The same org as different exporters write it: mailboxes with plus-addressing
// (`helpdesk+jira@`, `jenkins.sarah+jira@`), a log exported per site with each sign-in logged
// once per site seconds apart, a cloud server's addresses written as IPv6 or IPv4-mapped, a
// person's IPv6 addresses with daily temporary interface ids, action keys in upper case, user
// agents in lower case; and times or actors in forms the format refuses (epoch milliseconds, an
// actor given by email), which must be refused with an error naming the file and the field.
// Each test asserts the verdict the clean data gets.
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { generateLabelledOrg } from "../../eval/labelled-org.js";
import { snapshotSchema, type Snapshot } from "../snapshot/schema.js";
import { detectionConfigSchema } from "./config.js";
import { auditSnapshot } from "./index.js";
import { account, BROWSER, DAY, EMPTY, ev, explain, findingOf, HOUR, isWeekend, iso, lcg, MIN, OFFICE, CLOUD, REF_MS, rawSnapshot, runsWith, officeDays, alwaysOnCallEvents, snapshotOf, stripUserAgents, perturbed, type Perturb, snap, token, tokenCall, type Raw, webhookCalls, ownerVisits, deskShifts, ideWorkdays } from "../../../test/helpers/people-audit.js";
import { makeTempDir, runCli } from "../../../test/helpers/run-cli.js";

const SEEDS = [1, 2, 3, 4, 5] as const;
const INVITED = { managementSource: "invited", ...EMPTY };
const detection = detectionConfigSchema.parse({});
const verdicts = (s: Snapshot): Map<string, string> =>
  new Map(auditSnapshot(s, { detection, allowlist: [], denylist: [], generatedAt: new Date(s.takenAt) }).findings.map((f) => [f.accountId, f.verdict]));
const plusAddressed = (u: Raw): Raw => (typeof u["email"] === "string" ? { ...u, email: u["email"].replace("@", "+atlassian@") } : u);

/** A contractor (account `d`) working from an IDE plugin and a CLI on weekdays, no web UI for 120 days. */
function ide(seed: number, user: Raw, ipOf: (ip: string) => string = (ip) => ip): Snapshot {
  const events = ideWorkdays(seed, ipOf(OFFICE));
  const u = account("d", { ...INVITED, ...user, productAccess: [{ key: "jira-software", id: "ari:jira", lastActiveTimestamp: iso(REF_MS - 120 * DAY) }] });
  const colleagues = Array.from({ length: 10 }, (_, i) => account(`col${i}`, { name: `Colleague ${i}` }));
  return snap("ide-no-web-ui", [u, ...colleagues], events, [token("ide", "d", REF_MS - DAY, "intellij"), token("cli", "d", REF_MS - DAY)]);
}

/** A 24x7 service desk mailbox (account `desk`, IdP-synced, 2SV on, full profile): shifts sign in at about 07:00 and 19:00 every day and work tickets in the UI until the next takes over. */
function desk(seed: number, email: string): Snapshot {
  const events = deskShifts(seed);
  return snap(`service-desk-${seed}`, [account("desk", { name: "Service Desk", email, mfaEnabled: true, jobTitle: "Service Desk", department: "IT Support" })], events);
}

/** A freelance translator (account `t`, invited) syncing pages through a personal token a few times in three weeks from home, never in the web UI. */
function translator(seed: number, name: string, email: string): Snapshot {
  const r = lcg(seed);
  const events: Raw[] = [];
  const calls = 4 + Math.floor(r() * 6);
  for (let k = 0; k < calls; k++) {
    const day = REF_MS - (1 + Math.floor(r() * 20)) * DAY;
    events.push(tokenCall("t", day + (1 + Math.floor(r() * 9)) * HOUR + Math.floor(r() * 60) * MIN, "tk", "86.12.40.7", "MemoQ/10.2"));
  }
  const u = account("t", { name, email, ...INVITED, productAccess: [{ key: "jira-software", id: "ari:jira", lastActiveTimestamp: null }] });
  return snap(`translator-${seed}`, [u], events, [token("tk", "t", REF_MS - DAY, "memoq")]);
}

describe("mailboxes written with plus-addressing", () => {
  // Sarah Jenkins's partner firm writes `jenkins.sarah+jira@`: the tag hides that the mailbox is her name, so her surname alone makes her `bot` (`likely-bot` at jenkins.sarah@).
  it("an invited contractor named Sarah Jenkins at jenkins.sarah+jira@ is not `bot`", () => {
    expect(runsWith("bot", SEEDS, "d", (s) => ide(s, { name: "Sarah Jenkins", email: "jenkins.sarah+jira@partner.example" }))).toEqual([]);
  });
  // A service desk staffed in shifts at `servicedesk+jira@`: the tag hides the role address, so the team's desk is `bot` (`likely-bot` at servicedesk@).
  it("a 24x7 service desk at servicedesk+jira@ staffed in shifts is not `bot`", () => {
    expect(runsWith("bot", SEEDS, "desk", (s) => desk(s, "servicedesk+jira@acme.com"))).toEqual([]);
  });
  // Ci Liu at `ci.liu+confluence@`: the tag hides that the mailbox is her name, so the given name `ci` makes her `bot` (`likely-bot` at ci.liu@).
  it("a translator named Ci Liu at ci.liu+confluence@ is not `bot`", () => {
    expect(runsWith("bot", SEEDS, "t", (s) => translator(s, "Ci Liu", "ci.liu+confluence@lingua-partner.cn"))).toEqual([]);
  });
  // A team's role address with a tag (`payroll+jira@`) in a snapshot without an audit log is no longer seen as a role address: `human`, not reviewed (`likely-bot` at payroll@).
  it("a team's role address at payroll+jira@ without an audit log is reviewed", () => {
    const payroll = account("payroll", { name: "Payroll", email: "payroll+jira@acme.com", ...INVITED });
    const f = findingOf(snap("no-audit-log", [payroll, account("maria", { name: "Maria Santos", email: "maria.santos@acme.com" })], []), "payroll");
    expect(f.verdict, explain(f)).toBe("likely-bot");
  });
  // Eval orgs 1 and 5 with every mailbox tagged `+atlassian`: a team's shared mailbox that people and a script use goes from `likely-bot` to `human`.
  it("a labelled org's shared mailboxes keep their verdicts when every mailbox is plus-addressed", () => {
    const changed: string[] = [];
    for (const seed of [1, 5]) {
      const { snapshot, kinds } = generateLabelledOrg({ seed, people: 300, bots: 40 });
      const raw = JSON.parse(JSON.stringify(snapshot)) as Raw;
      const clean = verdicts(snapshotSchema.parse(raw) as Snapshot);
      const tagged = verdicts(snapshotSchema.parse({ ...raw, users: (raw["users"] as Raw[]).map(plusAddressed) }) as Snapshot);
      for (const [id, kind] of kinds) if (kind === "shared-mailbox" && clean.get(id) !== tagged.get(id)) changed.push(`${seed} ${id}: ${String(clean.get(id))} -> ${String(tagged.get(id))}`);
    }
    expect(changed).toEqual([]);
  }, 60_000);
});

describe("forms the snapshot format refuses", () => {
  const audit = async (events: Raw[]) => {
    const dir = makeTempDir();
    const raw = rawSnapshot([account("maria", { name: "Maria Santos", email: "maria.santos@acme.com" })], events);
    writeFileSync(join(dir, "org.json"), JSON.stringify(raw));
    return runCli(["audit", "--snapshot", "org.json", "--format", "json"], { cwd: dir });
  };
  // Guard: a time in epoch milliseconds (as the events API takes `from`/`to`) is refused, naming the file and the field.
  it("an event time in epoch milliseconds exits 1 naming the file and events[0].time", async () => {
    const run = await audit([{ id: "e1", time: REF_MS - DAY, action: "user_login", actorId: "maria" }]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/org\.json/);
    expect(run.stderr).toMatch(/events\[0\]\.time|events\.0\.time/);
  });
  // Guard: an actor given by email instead of account id is refused as a dangling reference, naming the file and the path.
  it("an event actor given by email exits 1 naming the file and events[0].actorId", async () => {
    const run = await audit([{ id: "e1", time: iso(REF_MS - DAY), action: "user_login", actorId: "maria.santos@acme.com" }]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/org\.json/);
    expect(run.stderr).toMatch(/events\[0\]\.actorId|events\.0\.actorId/);
  });
});

/** A log exported per site: each sign-in is logged once per site, the second site's copy `ms` later. */
const perSite =
  (ms: number): Perturb =>
  (events) =>
    events.flatMap((e) => (e["action"] === "user_login" ? [e, { ...e, id: `${String(e["id"])}-site2`, time: iso(Date.parse(String(e["time"])) + ms) }] : [e]));
const CHROME = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0 Safari/537.36";
const HEADLESS = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/120.0 Safari/537.36";
const colleagues = (): Raw[] => Array.from({ length: 10 }, (_, i) => account(`col${i}`, { name: `Colleague ${i}` }));
const usedYesterday = { productAccess: [{ key: "jira-software", id: "ari:jira", lastActiveTimestamp: iso(REF_MS - DAY) }] };

/** A person on a short idle-session policy (account `ps`): 3-6 sign-ins a workday at 08:30-18:30, a code each, then 1-5 updates over the next two hours. */
function shortSessions(seed: number, changes: readonly Perturb[]): Snapshot {
  const r = lcg(seed);
  const events: Raw[] = [];
  for (let d = 30; d >= 1; d--) {
    const day = REF_MS - d * DAY;
    if (isWeekend(day)) continue;
    const n = 3 + Math.floor(r() * 4);
    for (let i = 0; i < n; i++) {
      const t = Math.floor(day + (8.5 + r() * 10) * HOUR);
      events.push(ev("ps", t, { ip: OFFICE, userAgent: CHROME }), ev("ps", t + 20_000, { action: "user_email_otp_challenge", ip: OFFICE, userAgent: CHROME }));
      const k = 1 + Math.floor(r() * 5);
      for (let j = 0; j < k; j++) events.push(ev("ps", t + Math.floor((1 + r() * 119) * MIN), { action: "issue_updated", ip: OFFICE, userAgent: CHROME }));
    }
  }
  return snap("short-sessions", [account("ps", { name: "Invoice Entry", email: "ps@acme.com", ...INVITED, mfaEnabled: false, ...usedYesterday }), ...colleagues()], perturbed(events, seed, changes));
}

/** A headless browser (account `h`, named like a person) signing in 3-5 times a workday at random office hours from a cloud: a code 20 s later, three steps, gone. */
function headlessVisits(seed: number, changes: readonly Perturb[]): Snapshot {
  const r = lcg(seed);
  const events: Raw[] = [];
  for (let d = 30; d >= 1; d--) {
    const day = REF_MS - d * DAY;
    if (isWeekend(day)) continue;
    const n = 3 + Math.floor(r() * 3);
    for (let k = 0; k < n; k++) {
      const t = Math.floor(day + (8 + r() * 9) * HOUR);
      events.push(ev("h", t, { ip: CLOUD, userAgent: HEADLESS }), ev("h", t + 20_000, { action: "email_otp_sent", ip: CLOUD, userAgent: HEADLESS }));
      for (let i = 1; i < 4; i++) events.push(ev("h", t + 60_000 + i * 30_000, { action: "issue_updated", ip: CLOUD, userAgent: HEADLESS }));
    }
  }
  return snap("headless-random", [account("h", { name: "Ana Lima", email: "ana.lima@acme.com", ...INVITED, ...usedYesterday }), ...colleagues()], perturbed(events, seed, changes));
}

describe("a log exported per site, each sign-in logged once per site", () => {
  // The second site's copy 2 s after the first: the pairs read as a flood of sign-ins, and a person on short sessions is reviewed (`human` in one site's log).
  it("a person on a short session policy who works on after each sign-in stays `human` when each sign-in is logged by two sites 2 s apart", () => {
    expect(runsWith("likely-bot", SEEDS, "ps", (s) => shortSessions(s, [perSite(2000)]))).toEqual([]);
  });
  // The same one second apart.
  it("a person on a short session policy stays `human` when each sign-in is logged by two sites 1 s apart", () => {
    expect(runsWith("likely-bot", SEEDS, "ps", (s) => shortSessions(s, [perSite(1000)]))).toEqual([]);
  });
  // A headless browser with user agents stripped, each sign-in logged by two sites 2 s apart, is `human` (`likely-bot` in one site's log).
  it("a headless browser visiting at random office hours, user agents stripped, is not `human` when each sign-in is logged by two sites 2 s apart", () => {
    expect(runsWith("human", SEEDS, "h", (s) => headlessVisits(s, [stripUserAgents, perSite(2000)]))).toEqual([]);
  });
  // Guard: the same robot in one site's log is not `human`.
  it("the control, the headless browser in one site's log with user agents stripped, is not `human`", () => {
    expect(runsWith("human", SEEDS, "h", (s) => headlessVisits(s, [stripUserAgents]))).toEqual([]);
  });
});

/** A webhook handler's token calls in working hours (2-8 bursts a workday, 1-6 calls each, okhttp) from `ip`, and its owner's sign-ins by hand twice a week from the office, beside six office workers. */
function webhookOrg(seed: number, ip: string): Snapshot {
  const events: Raw[] = [...webhookCalls(seed, "p", ip, "okhttp/4.12.0"), ...ownerVisits(seed, "p", OFFICE)];
  const users: Raw[] = [account("p", { name: "Admin Tool", email: "admin-tool@acme.com", ...INVITED })];
  for (let i = 0; i < 6; i++) {
    users.push(account(`c${i}`, { name: `Colleague ${i}` }));
    events.push(...officeDays(lcg(seed * 17 + i), `c${i}`));
  }
  return snapshotOf(users, events, [token("hook-t", "p", REF_MS - HOUR, "do not delete")]);
}

describe("a cloud server's addresses written as IPv6", () => {
  // The webhook handler's calls from AWS's IPv6 range (2600:1f18::/32): cloud addresses are known by IPv4 prefixes only, so the account is `human` (`likely-bot` from 34.201.10.7).
  it("a token used by a scripting client from a cloud's IPv6 addresses while the owner signs in from the office is reviewed", () => {
    const out: string[] = [];
    for (const seed of SEEDS) {
      const f = findingOf(webhookOrg(seed, "2600:1f18:22a8:c900:4e1b:7a3:91d2:5f10"), "p");
      if (f.verdict === "human") out.push(`run ${seed}: ${explain(f)}`);
    }
    expect(out).toEqual([]);
  });
  // The same calls with the cloud address written IPv4-mapped (`::ffff:34.201.10.7`), as dual-stack proxies log it: `human`.
  it("a token used by a scripting client from an IPv4-mapped cloud address while the owner signs in from the office is reviewed", () => {
    const out: string[] = [];
    for (const seed of SEEDS) {
      const f = findingOf(webhookOrg(seed, `::ffff:${CLOUD}`), "p");
      if (f.verdict === "human") out.push(`run ${seed}: ${explain(f)}`);
    }
    expect(out).toEqual([]);
  });
});

/** A log whose action keys are written in upper case (`USER_LOGIN`, `ISSUE_VIEWED`), as some exporters normalise them. */
const upperCaseActions: Perturb = (events) => events.map((e) => ({ ...e, action: String(e["action"]).toUpperCase() }));
const PHONE = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148";

/** An engineer always on call (account `sre`, IdP-synced, no recorded profile, UI last used 40 days ago) beside ten colleagues. */
function onCall(seed: number, changes: readonly Perturb[]): Snapshot {
  const u = account("sre", { name: "Sam Reyes", ...EMPTY, productAccess: [{ key: "jira-software", id: "ari:jira", lastActiveTimestamp: iso(REF_MS - 40 * DAY) }] });
  return snap("on-call", [u, ...colleagues()], perturbed(alwaysOnCallEvents(seed, PHONE, "86.12.40.7"), seed, changes), [token("tk", "sre", REF_MS - DAY)]);
}

describe("action keys written in upper case", () => {
  // `USER_LOGIN` is not read as a sign-in: the warning says no sign-ins were logged, the hold for a person's sign-ins lifts, and the on-call engineer paged at all hours is `bot` (held at `likely-bot` with `user_login`).
  it("an engineer always on call is not `bot` when the log writes its action keys in upper case", () => {
    expect(runsWith("bot", SEEDS, "sre", (s) => onCall(s, [upperCaseActions]))).toEqual([]);
  });
  // The same with the log's user agents stripped.
  it("an engineer always on call, user agents stripped, is not `bot` when the log writes its action keys in upper case", () => {
    expect(runsWith("bot", SEEDS, "sre", (s) => onCall(s, [stripUserAgents, upperCaseActions]))).toEqual([]);
  });
  // Guard: the same engineer with `user_login` is not `bot`.
  it("the control, the engineer always on call with lower-case keys and user agents stripped, is not `bot`", () => {
    expect(runsWith("bot", SEEDS, "sre", (s) => onCall(s, [stripUserAgents]))).toEqual([]);
  });
});

/** A log whose user agents are lower-cased (`mozilla/5.0 (windows nt 10.0; ...)`), as some exporters normalise them. */
const lowerCaseAgents: Perturb = (events) => events.map((e) => (typeof e["userAgent"] === "string" ? { ...e, userAgent: e["userAgent"].toLowerCase() } : e));

/** A support agent (account `p`, invited, a support agent's profile) on a six-day week under a 15-minute session policy: from 08:00-09:00 to 17:00 a sign-in with its email code every 15-40 minutes and three comments, beside four office workers. */
function agentWeek(seed: number, changes: readonly Perturb[]): Snapshot {
  const r = lcg(seed);
  const events: Raw[] = [];
  for (let d = 35; d >= 1; d--) {
    if (d % 7 === 2) continue;
    const day = REF_MS - d * DAY;
    for (let t = day + (8 + r()) * HOUR; t < day + 17 * HOUR; t += (15.5 + r() * 24.5) * MIN) {
      events.push(ev("p", Math.floor(t), { ip: OFFICE, userAgent: BROWSER }), ev("p", Math.floor(t + 25_000), { action: "email_otp_sent", ip: OFFICE, userAgent: BROWSER }));
      for (let a = 0; a < 3; a++) events.push(ev("p", Math.floor(t + (1 + a * 3) * MIN), { action: "comment_created", ip: OFFICE, userAgent: BROWSER }));
    }
  }
  const users: Raw[] = [account("p", { name: "Sam Ortega", jobTitle: "Support Agent", department: "Support", managementSource: "invited" })];
  for (let i = 0; i < 4; i++) {
    users.push(account(`c${i}`, { name: `Colleague ${i}` }));
    events.push(...officeDays(lcg(seed * 977 + i), `c${i}`));
  }
  return snap("support-agent", users, perturbed(events, seed, changes));
}

describe("user agents written in lower case", () => {
  // A support agent on a six-day week signing in every 15-40 minutes, her browser's agent lower-cased (`mozilla/5.0 (windows nt 10.0; ...)`), is `bot`: the browser is known by `Mozilla/` in that case only.
  it("a support agent on a six-day week under a 15-minute session policy is not `bot` when the log lower-cases user agents", () => {
    expect(runsWith("bot", SEEDS, "p", (s) => agentWeek(s, [lowerCaseAgents]))).toEqual([]);
  });
  // Guard: the same agent as logged is not `bot`.
  it("the control, the support agent as logged, is not `bot`", () => {
    expect(runsWith("bot", SEEDS, "p", (s) => agentWeek(s, []))).toEqual([]);
  });
  // An engineer always on call whose log lower-cases user agents (`mozilla/5.0 (iphone; ...)`) is `bot` (held at `likely-bot` as logged).
  it("an engineer always on call is not `bot` when the log lower-cases user agents", () => {
    expect(runsWith("bot", SEEDS, "sre", (s) => onCall(s, [lowerCaseAgents]))).toEqual([]);
  });
});

describe("a person's addresses written as IPv6 with temporary interface ids", () => {
  // One person works a team's role address (`payroll@`) in office hours, from an IPv6 prefix whose interface id rotates daily (RFC 8981): each day reads as another address, as if a team shared it, and she is reviewed (`human` from one IPv4 address).
  it("a team's role address used by one person in office hours from rotating IPv6 addresses is `human`", () => {
    const events: Raw[] = [];
    for (let d = 20; d >= 1; d--) {
      const day = REF_MS - d * DAY;
      if (isWeekend(day)) continue;
      const ip = `2a02:c7f:5136:a000:${((0x1000 + d * 4099) & 0xffff).toString(16)}:${((0x2000 + d * 7919) & 0xffff).toString(16)}:9e4f:1a2b`;
      events.push(ev("payroll", day + 9 * HOUR + d * 7 * MIN, { ip, userAgent: BROWSER }), ev("payroll", day + 11 * HOUR, { action: "issue_updated", ip, userAgent: BROWSER }));
    }
    const payroll = account("payroll", { name: "Payroll", email: "payroll@acme.com", ...INVITED });
    const f = findingOf(snap("one-person-payroll", [payroll, account("maria", { name: "Maria Santos", email: "maria.santos@acme.com" })], events), "payroll");
    expect(f.verdict, explain(f)).toBe("human");
  });
});
