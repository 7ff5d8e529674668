// Shared pieces of the detection tests that build a person's (or a robot's) sign-ins by hand and
// audit them: a fixed reference time, events, accounts, a snapshot and the finding of one account.
import { expect } from "vitest";
import { snapshotSchema, type Snapshot } from "../../src/core/snapshot/schema.js";
import { detectionConfigSchema } from "../../src/core/detect/config.js";
import { auditSnapshot } from "../../src/core/detect/index.js";
import type { Finding } from "../../src/core/detect/types.js";

export type Raw = Record<string, unknown>;

export const TAKEN_AT = "2026-11-01T00:00:00.000Z"; // a Sunday
export const REF_MS = Date.parse(TAKEN_AT);
export const DAY = 86_400_000;
export const HOUR = 3_600_000;
export const MIN = 60_000;
export const BROWSER = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0 Safari/537.36";

export const iso = (ms: number): string => new Date(ms).toISOString();

let seq = 0;
/** An event (a sign-in unless `extra` names another action). */
/**
 * Orders events oldest first by their ISO times. A plain comparison of the strings, which orders
 * ISO times as their instants; `localeCompare` goes through the collator and costs far more.
 */
export const byTime = (a: Raw, b: Raw): number => {
  const x = String(a["time"]);
  const y = String(b["time"]);
  return x < y ? -1 : x > y ? 1 : 0;
};
export const ev = (actorId: string, ms: number, extra: Raw = {}): Raw => ({ id: `e${++seq}`, time: iso(ms), action: "user_login", actorId, ...extra });

/** A small deterministic generator, so a run can be replayed. */
export function lcg(seed: number): () => number {
  let x = seed >>> 0;
  return () => {
    x = (Math.imul(x, 1664525) + 1013904223) >>> 0;
    return x / 2 ** 32;
  };
}

/** A person synced from the IdP with a full profile, used in the UI yesterday; `undefined` overrides drop the field. */
export function account(accountId: string, overrides: Raw = {}): Raw {
  const u: Raw = {
    accountId,
    accountType: "atlassian",
    accountStatus: "active",
    status: "active",
    name: "Maria Santos",
    email: `${accountId}@acme.com`,
    mfaEnabled: false,
    managementSource: "synced",
    jobTitle: "Engineer",
    department: "Platform",
    picture: "https://avatar/x.png",
    productAccess: [{ key: "jira-software", id: "ari:jira", lastActiveTimestamp: iso(REF_MS - DAY) }],
    groupIds: [],
    ...overrides,
  };
  for (const k of Object.keys(u)) if (u[k] === undefined) delete u[k];
  return u;
}

/**
 * An invited account with no profile or 2SV (so an email code precedes each of its sign-ins);
 * `lastUiMs` undefined: the snapshot does not record its UI activity.
 */
export function invitedAccount(id: string, name: string, email: string, lastUiMs: number | undefined): Raw {
  return account(id, {
    name,
    email,
    managementSource: "invited",
    mfaEnabled: false,
    ...EMPTY,
    productAccess: [{ key: "jira-software", id: "ari:jira", ...(lastUiMs === undefined ? {} : { lastActiveTimestamp: iso(lastUiMs) }) }],
  });
}

/** The raw snapshot of these accounts, events (sorted) and tokens. */
export function rawSnapshot(users: Raw[], events: Raw[], apiTokens: Raw[] = []): Raw {
  return {
    kind: "bot2svc.snapshot",
    version: 1,
    takenAt: TAKEN_AT,
    org: { id: "org-1", name: "Acme", sites: [] },
    users,
    groups: [],
    apiTokens,
    events: events.sort(byTime),
    serviceAccounts: [],
  };
}

export function snapshotOf(users: Raw[], events: Raw[], apiTokens: Raw[] = []): Snapshot {
  return snapshotSchema.parse(rawSnapshot(users, events, apiTokens));
}

export function findingOf(s: Snapshot, id: string, config: Raw = {}): Finding {
  const report = auditSnapshot(s, { detection: detectionConfigSchema.parse(config), allowlist: [], denylist: [], includeHumans: true, generatedAt: new Date(0) });
  const f = report.findings.find((x) => x.accountId === id);
  if (!f) throw new Error(`no finding for ${id}`);
  return f;
}

/** Verdict, score and signals as `id:weight`, for a failure message that shows how a verdict came about. */
export const explain = (f: Finding): string => `${f.verdict} ${f.score}: ${f.signals.map((s) => `${s.id}:${s.weight}`).join(" ")}`;

/** For each of `seeds`, `make(seed)` is reviewed as a shared account (`likely-bot` on the `shared-use` floor). */
export function expectSharedEachSeed(seeds: readonly number[], make: (seed: number) => Finding): void {
  for (const seed of seeds) {
    const f = make(seed);
    expect([seed, f.verdict === "likely-bot" && f.signals.some((s) => s.id === "shared-use")], explain(f)).toEqual([seed, true]);
  }
}

/** The runs of `judge` (one per seed) whose verdict `want` refuses, with how each came about. */
export function wrongRuns(seeds: readonly number[], want: (verdict: Finding["verdict"]) => boolean, judge: (seed: number) => Finding): string[] {
  return seeds.flatMap((seed) => {
    const f = judge(seed);
    return want(f.verdict) ? [] : [`run ${seed}: ${explain(f)}`];
  });
}
/** Expects `verdict` of `make`'s finding for each of `seeds`, naming the seed and the finding's signals when it is not. */
export function expectVerdictOnSeeds(seeds: readonly number[], verdict: string, make: (seed: number) => Finding): void {
  for (const seed of seeds) {
    const f = make(seed);
    expect([seed, f.verdict], explain(f)).toEqual([seed, verdict]);
  }
}
export const isHuman = (v: Finding["verdict"]): boolean => v === "human";
export const atLeastLikelyBot = (v: Finding["verdict"]): boolean => v === "bot" || v === "likely-bot";

export function runsWith(bad: Finding["verdict"], seeds: readonly number[], id: string, build: (seed: number) => Snapshot): string[] {
  const out: string[] = [];
  for (const seed of seeds) {
    const f = findingOf(build(seed), id);
    if (f.verdict === bad) out.push(`run ${seed}: ${explain(f)}`);
  }
  return out;
}

/** An office address and a cloud provider's, for events. */
export const OFFICE = "81.2.69.160";
export const CLOUD = "34.201.10.7";
/** Profile fields a guest or an invited contractor has none of. */
export const EMPTY = { jobTitle: null, department: null, picture: null };
export const dayOfWeek = (ms: number): number => new Date(ms).getUTCDay();
export const isWeekend = (ms: number): boolean => [0, 6].includes(dayOfWeek(ms));

/** The snapshot of these accounts; `name` says which situation it is, for reading the tests. */
export function snap(_name: string, users: Raw[], events: Raw[], apiTokens: Raw[] = []): Snapshot {
  return snapshotOf(users, events, apiTokens);
}

/** A personal API token of `accountId`, last used at `lastMs`. */
export const token = (id: string, accountId: string, lastMs: number, label = "jira-cli"): Raw => ({
  id,
  accountId,
  label,
  status: "ALLOWED",
  createdAt: iso(REF_MS - 300 * DAY),
  expiresAt: iso(REF_MS + 300 * DAY),
  lastActiveAt: iso(lastMs),
});

/** A call made with an API token (`tokenId` undefined: the log does not say which). */
export const tokenCall = (actorId: string, ms: number, tokenId: string | undefined = "tk", ip = OFFICE, userAgent = "jira-cli/1.5"): Raw =>
  ev(actorId, ms, { action: "issue_viewed", ...(tokenId === undefined ? {} : { tokenId }), authType: "api-token", ip, userAgent });

/**
 * An engineer always on call (account `sre`): 08:00-19:00 on weekdays through a CLI after a
 * browser sign-in, paged one to three times a day at any hour, weekends included, each page a
 * sign-in from the phone (`phone`, from `home`) and a few CLI calls.
 */
export function alwaysOnCallEvents(seed: number, phone: string, home: string): Raw[] {
  const r = lcg(seed);
  const events: Raw[] = [];
  for (let d = 30; d >= 1; d--) {
    const day = REF_MS - d * DAY;
    if (!isWeekend(day)) {
      const start = day + (8 * 60 + Math.floor(r() * 90)) * MIN;
      events.push(ev("sre", start, { ip: OFFICE, userAgent: BROWSER }));
      const end = day + (18 * 60 + Math.floor(r() * 60)) * MIN;
      for (let t = start + 5 * MIN; t < end; t += (5 + Math.floor(r() * 50)) * MIN) events.push(tokenCall("sre", t));
    }
    const pages = 1 + Math.floor(r() * 3);
    for (let k = 0; k < pages; k++) {
      const page = day + Math.floor(r() * 24 * 60) * MIN;
      events.push(ev("sre", page, { ip: home, userAgent: phone }));
      for (let i = 1; i < 4; i++) events.push(tokenCall("sre", page + i * 3 * MIN, "tk", home));
    }
  }
  return events;
}

/** An office worker's weekdays (account `id`): a sign-in (with an email code when `otp`) at 08:00-09:30, one after lunch on half the days, UI work every 5-50 minutes until 17:00-18:30. */
export function officeDays(r: () => number, id: string, otp = false): Raw[] {
  const out: Raw[] = [];
  for (let d = 35; d >= 1; d--) {
    const day = REF_MS - d * DAY;
    if (isWeekend(day) || r() < 0.05) continue;
    const start = day + (8 + r() * 1.5) * HOUR;
    const end = day + (17 + r() * 1.5) * HOUR;
    const signIn = (t: number): void => {
      if (otp) out.push(ev(id, Math.floor(t - 30_000), { action: "email_otp_sent", ip: OFFICE, userAgent: BROWSER }));
      out.push(ev(id, Math.floor(t), { ip: OFFICE, userAgent: BROWSER }));
    };
    signIn(start);
    if (r() < 0.5) signIn(day + (13 + r()) * HOUR);
    for (let t = start + 4 * MIN; t < end; t += (5 + r() * 45) * MIN) out.push(ev(id, Math.floor(t), { action: r() < 0.5 ? "issue_updated" : "comment_created", ip: OFFICE, userAgent: BROWSER }));
  }
  return out;
}

/** Atlassian's default avatar for initials `ini` (a Gravatar with the initials as its fallback): no picture anyone chose. */
export const initialsAvatar = (ini: string): string =>
  `https://secure.gravatar.com/avatar/6c57dcb05355b8187776c88041bf9895?d=https%3A%2F%2Favatar-management--avatars.us-west-2.prod.public.atl-paas.net%2Finitials%2F${ini}-4.png`;

const fourBySeed = new Map<number, { users: Raw[]; events: Raw[] }>();
/** Four of `officeColleagues` (`c0`..`c3`), built once per seed. */
export function fourColleagues(seed: number): { users: Raw[]; events: Raw[] } {
  let c = fourBySeed.get(seed);
  if (!c) {
    const all = officeColleagues(seed);
    const ids = new Set(["c0", "c1", "c2", "c3"]);
    c = { users: all.users.filter((u) => ids.has(String(u["accountId"]))), events: all.events.filter((e) => ids.has(String(e["actorId"]))) };
    fourBySeed.set(seed, c);
  }
  return c;
}

/** Options of `ownCliDays`. */
export interface CliDays {
  /** The account (`p`). */
  id?: string;
  tokenId?: string;
  ip?: string;
  userAgent?: string;
  /** The days back the calls span, inclusive (30 to 1). */
  fromDay?: number;
  toDay?: number;
  /** The earliest hour (UTC) a run starts; runs start within nine hours of it (7). */
  fromHour?: number;
  /** The share of weekdays without a call (none). */
  skip?: number;
  /** Added to the seed, for a second person's own sequence (0). */
  salt?: number;
}

/** A person's own command-line calls: one to four runs of one to five calls each weekday, each at any minute of the working day. */
export function ownCliDays(seed: number, o: CliDays = {}): Raw[] {
  const r = lcg(seed * 5 + (o.salt ?? 0));
  const skip = o.skip ?? 0;
  const out: Raw[] = [];
  for (let d = o.fromDay ?? 30; d >= (o.toDay ?? 1); d--) {
    const day = REF_MS - d * DAY;
    if (isWeekend(day) || (skip > 0 && r() < skip)) continue;
    for (let i = 1 + Math.floor(r() * 4); i > 0; i--) {
      const start = day + ((o.fromHour ?? 7) + r() * 9) * HOUR;
      for (let c = 0; c < 1 + Math.floor(r() * 5); c++) out.push(tokenCall(o.id ?? "p", Math.floor(start + c * 40_000), o.tokenId ?? "cli-t", o.ip ?? OFFICE, o.userAgent ?? "jira-cli/1.5"));
    }
  }
  return out;
}

/**
 * A calendar reminder at 09:00 UTC: the person (`p`) runs `jira standup` from the office when it
 * pops up, usually within four minutes, on some days later (a call, a coffee) or not at all; then
 * `laterCalls` plus up to two more CLI calls during the day.
 */
export function standupReminderCli(seed: number, tokenId = "cli-t", laterCalls = 0): Raw[] {
  const r = lcg(seed * 107);
  const out: Raw[] = [];
  for (let d = 30; d >= 1; d--) {
    const day = REF_MS - d * DAY;
    if (isWeekend(day) || r() < 0.05) continue;
    const late = r();
    const delayMin = late < 0.7 ? r() * 4 : late < 0.9 ? 4 + r() * 12 : -1;
    if (delayMin >= 0) {
      const t = Math.floor(day + 9 * HOUR + delayMin * MIN);
      for (let c = 0; c < 1 + Math.floor(r() * 3); c++) out.push(tokenCall("p", t + c * 20_000, tokenId, OFFICE, "jira-cli/1.5"));
    }
    for (let c = laterCalls + Math.floor(r() * 3); c > 0; c--) out.push(tokenCall("p", Math.floor(day + (10 + r() * 7) * HOUR), tokenId, OFFICE, "jira-cli/1.5"));
  }
  return out;
}

/** Eight office workers (accounts `c0`..`c7`) and their weekdays. */
export function officeColleagues(seed: number): { users: Raw[]; events: Raw[] } {
  const r = lcg(seed * 991);
  const users: Raw[] = [];
  const events: Raw[] = [];
  for (let i = 0; i < 8; i++) {
    users.push(account(`c${i}`, { name: `Colleague ${i}` }));
    events.push(...officeDays(lcg(Math.floor(r() * 1e9)), `c${i}`));
  }
  return { users, events };
}

/** The user agent of a sign-in on day `d` (days back from the reference), drawing from `r` where it picks. */
export type AgentOf = (d: number, r: () => number) => string;
/** Picks one of `agents` at random for each sign-in. */
export const anyOf =
  (agents: readonly string[]): AgentOf =>
  (_d, r) =>
    agents[Math.floor(r() * agents.length)] as string;

/**
 * Weekday sign-ins of account `id` over 28 days (a tenth of the weekdays off): `perDay` a day at
 * random times between 09:00 and 17:30, each from `agent` at `ip` (an address, or one picked per
 * sign-in), with an email code first when `codes`, and a step or two of work within minutes. A
 * tester's, or a browser robot's.
 */
export function signInsAllDay(seed: number, id: string, agent: AgentOf, ip: string | ((r: () => number) => string), codes: boolean, perDay: readonly [number, number] = [6, 14]): Raw[] {
  const r = lcg(seed * 13 + 5);
  const out: Raw[] = [];
  for (let d = 28; d >= 1; d--) {
    const day = REF_MS - d * DAY;
    if (isWeekend(day) || r() < 0.1) continue;
    for (let k = perDay[0] + Math.floor(r() * (perDay[1] - perDay[0] + 1)); k > 0; k--) {
      const t = Math.floor(day + (9 + r() * 8.5) * HOUR);
      const userAgent = agent(d, r);
      const at = typeof ip === "string" ? ip : ip(r);
      if (codes) out.push(ev(id, t - 20_000, { action: "email_otp_sent", ip: at, userAgent }));
      out.push(ev(id, t, { ip: at, userAgent }));
      for (let a = 1 + Math.floor(r() * 2); a > 0; a--) out.push(ev(id, t + a * (1 + Math.floor(r() * 3)) * MIN, { action: "issue_updated", ip: at, userAgent }));
    }
  }
  return out;
}

/** A partner's lead under the external-user policy (15-minute sessions, an email code for each): `visits` drop-ins a workday, 08:00-17:30, each a sign-in, its code and 1-3 comments. */
export function dropIns(r: () => number, id: string, visits: readonly [number, number]): Raw[] {
  const out: Raw[] = [];
  for (let d = 28; d >= 1; d--) {
    const day = REF_MS - d * DAY;
    if (isWeekend(day)) continue;
    const n = visits[0] + Math.floor(r() * (visits[1] - visits[0] + 1));
    for (let v = 0; v < n; v++) {
      const t = day + (8 * 60 + Math.floor(r() * 9.5 * 60)) * MIN;
      out.push(ev(id, t, { ip: OFFICE, userAgent: BROWSER }));
      out.push(ev(id, t + 30_000, { action: "user_email_otp_challenge", ip: OFFICE, userAgent: BROWSER }));
      const acts = 1 + Math.floor(r() * 3);
      for (let a = 0; a < acts; a++) out.push(ev(id, t + (2 + a * 3 + Math.floor(r() * 3)) * MIN, { action: "comment_created", ip: OFFICE, userAgent: BROWSER }));
    }
  }
  return out;
}

/**
 * A developer's workdays through two tokens: an IDE extension (`ideUa`, from `ip`) polls every 10
 * minutes plus a few seconds while the laptop is open, from 08:00-09:30 to 17:00-18:30, one poll
 * in ten lost, and CLI calls come every 20-110 minutes; a day off in twenty. Days `from`..1 ago
 * that `on` allows (weekdays unless told).
 */
export function ideDays(
  r: () => number,
  id: string,
  from: number,
  { ideUa = "IntelliJ-Jira/2024.2", ip = OFFICE, on = (day: number): boolean => !isWeekend(day) }: { ideUa?: string; ip?: string; on?: (day: number, daysAgo: number) => boolean } = {},
): Raw[] {
  const events: Raw[] = [];
  for (let d = from; d >= 1; d--) {
    const day = REF_MS - d * DAY;
    if (!on(day, d) || r() < 0.05) continue;
    const start = day + (8 + r() * 1.5) * HOUR;
    const end = day + (17 + r() * 1.5) * HOUR;
    for (let t = start; t < end; t += 10 * MIN + Math.floor(r() * 20) * 1000) if (r() >= 0.1) events.push(tokenCall(id, Math.floor(t), "ide", ip, ideUa));
    for (let t = start + 20 * MIN; t < end; t += (20 + r() * 90) * MIN) events.push(tokenCall(id, Math.floor(t), "cli", ip));
  }
  return events;
}

/**
 * A new integration's events: its admin signs in on each of `visitDaysAgo` (the first is the day
 * it was added, `addedDaysAgo`), viewing a few issues each time; from the next day the
 * integration acts through its token `tk` from its vendor's cloud (an HTTP library's user agent)
 * every 1-40 minutes from 07:30-08:30 to 17:00-19:00 on weekdays.
 */
export function integrationSetup(r: () => number, id: string, addedDaysAgo: number, visitDaysAgo: readonly number[]): Raw[] {
  const events: Raw[] = [];
  for (const daysAgo of visitDaysAgo) {
    const t = REF_MS - daysAgo * DAY + (daysAgo === addedDaysAgo ? 9.5 : 10 + r() * 5) * HOUR;
    events.push(ev(id, Math.floor(t), { ip: OFFICE, userAgent: BROWSER }));
    for (let i = 1; i < 5; i++) events.push(ev(id, Math.floor(t + i * 3 * MIN), { action: "issue_viewed", ip: OFFICE, userAgent: BROWSER }));
  }
  for (let d = addedDaysAgo - 1; d >= 1; d--) {
    const day = REF_MS - d * DAY;
    if (isWeekend(day)) continue;
    const end = day + (17 + r() * 2) * HOUR;
    for (let t = day + (7.5 + r()) * HOUR; t < end; t += (1 + r() * 40) * MIN) events.push(tokenCall(id, Math.floor(t), "tk", CLOUD, "Apache-HttpClient/4.5.14 (Java/17)"));
  }
  return events;
}

/** A change to a log's events, replayable from the run's seed (as a judge perturbs an org). */
export type Perturb = (events: Raw[], seed: number) => Raw[];
const timeOf = (e: Raw): number => Date.parse(String(e["time"]));
/** Loses `share` of the events. */
export const drop =
  (share: number): Perturb =>
  (events, seed) => {
    const r = lcg(seed * 7919 + 1);
    return events.filter(() => r() >= share);
  };
/** Moves each event by `lo`-`hi` minutes, earlier or later; what falls after the snapshot is lost. */
export const jitter =
  (lo: number, hi: number): Perturb =>
  (events, seed) => {
    const r = lcg(seed * 104_729 + 3);
    return events.map((e) => ({ ...e, time: iso(timeOf(e) + (r() < 0.5 ? -1 : 1) * (lo + r() * (hi - lo)) * MIN) })).filter((e) => timeOf(e) < REF_MS);
  };
/** Shifts every event by `hours` (a log read in another time zone); what falls after the snapshot is lost. */
export const shift =
  (hours: number): Perturb =>
  (events) =>
    events.map((e) => ({ ...e, time: iso(timeOf(e) + hours * HOUR) })).filter((e) => timeOf(e) < REF_MS);
export const stripUserAgents: Perturb = (events) => events.map(({ userAgent: _u, ...e }) => e);
export const stripOtp: Perturb = (events) => events.filter((e) => !/otp/i.test(String(e["action"])));
/** Renames the OTP actions to a key of a log's own (`idp.mail.challenge`). */
export const renameOtp: Perturb = (events) => events.map((e) => (/otp/i.test(String(e["action"])) ? { ...e, action: "idp.mail.challenge" } : e));
/** The account with its last UI activity left empty (a source that does not record it). */
export const noLastActive = (u: Raw): Raw => ({ ...u, productAccess: (u["productAccess"] as Raw[]).map((p) => ({ ...p, lastActiveTimestamp: null })) });
/** A change to a log, as the judge makes them: [name, event changes, whether last-active times are dropped]. */
export type LogChange = [string, Perturb[], boolean];
/** Keeps the last `days` days of the log. */
export const lastDays =
  (days: number): Perturb =>
  (events) =>
    events.filter((e) => timeOf(e) >= REF_MS - days * DAY);
/** The judge's changes to a log that the review tests run each case under (files add their own). */
export const JUDGE_LOG_CHANGES: readonly LogChange[] = [
  ["as recorded", [], false],
  ["drop 30%", [drop(0.3)], false],
  ["jitter 20 min", [jitter(1, 20)], false],
  ["no user agents", [stripUserAgents], false],
  ["no OTP", [stripOtp], false],
  ["OTP renamed", [renameOtp], false],
  ["last 14 days", [lastDays(14)], false],
  ["last 7 days", [lastDays(7)], false],
  ["no last-active", [], true],
];
/** `events` after each of `changes`, in order. */
export const perturbed = (events: Raw[], seed: number, changes: readonly Perturb[]): Raw[] => changes.reduce((out, p) => p(out, seed), events);

/**
 * A developer's IDE refreshing their issues every 10 minutes (and a few seconds) through a
 * personal token `ide` (account `dev`) while the laptop is open: 08:00-22:00 on weekdays, about
 * 11:00-14:00 on a `weekendShare` of weekend days.
 */
export function ideAtHomeEvents(r: () => number, weekendShare: number): Raw[] {
  const events: Raw[] = [];
  for (let d = 30; d >= 1; d--) {
    const day = REF_MS - d * DAY;
    const weekend = isWeekend(day);
    if (weekend && r() > weekendShare) continue;
    const from = day + ((weekend ? 11 : 8) * 60 + Math.floor(r() * 40)) * MIN;
    const to = day + ((weekend ? 14 : 22) * 60 + Math.floor(r() * 60)) * MIN;
    for (let t = from; t < to; t += 10 * MIN + Math.floor(r() * 20) * 1000) events.push(tokenCall("dev", t, "ide", OFFICE, "IntelliJ IDEA/2024.3"));
  }
  return events;
}

/** A webhook's handler: token calls when people work (workdays 08:00-18:00, 2-8 bursts a day, 1-6 calls each), from `ip` with `userAgent`. */
export function webhookCalls(seed: number, id: string, ip: string, userAgent: string): Raw[] {
  const r = lcg(seed);
  const out: Raw[] = [];
  for (let d = 30; d >= 1; d--) {
    const day = REF_MS - d * DAY;
    if (isWeekend(day)) continue;
    const bursts = 2 + Math.floor(r() * 7);
    for (let b = 0; b < bursts; b++) {
      const at = day + (8 + r() * 10) * HOUR;
      const calls = 1 + Math.floor(r() * 6);
      for (let c = 0; c < calls; c++) out.push(tokenCall(id, Math.floor(at + c * 20_000), "hook-t", ip, userAgent));
    }
  }
  return out;
}

/** An owner's sign-ins by hand, twice a week, from `ip`, the UI used yesterday. */
export function ownerVisits(seed: number, id: string, ip: string): Raw[] {
  const r = lcg(seed + 9);
  const out: Raw[] = [];
  for (let d = 30; d >= 1; d--) {
    const day = REF_MS - d * DAY;
    if (isWeekend(day) || r() < 0.6) continue;
    const at = day + (9 + r() * 7) * HOUR;
    out.push(ev(id, Math.floor(at), { ip, userAgent: BROWSER }), ev(id, Math.floor(at + 5 * MIN), { action: "issue_updated", ip, userAgent: BROWSER }));
  }
  return out;
}

/** An account's own user record and events (and tokens), to be judged in a tiny org. */
export interface TinyOrgCase {
  user: Raw;
  events: Raw[];
  tokens?: Raw[];
}

/**
 * How account `p` of `c` is judged beside four office workers and a report script calling the API
 * every 30 minutes from a cloud, with `changes` to the log (and the last-active times dropped when
 * `blank`).
 */
export function judgedInTinyOrg(seed: number, c: TinyOrgCase, changes: readonly Perturb[], blank = false): Finding {
  const r = lcg(seed * 977);
  const users: Raw[] = [c.user];
  const events: Raw[] = [...c.events];
  for (let i = 0; i < 4; i++) {
    users.push(account(`c${i}`, { name: `Colleague ${i}` }));
    events.push(...officeDays(lcg(Math.floor(r() * 1e9)), `c${i}`));
  }
  users.push(account("rep", { name: "Reporting", email: "reports@acme.com", managementSource: "invited", jobTitle: null, department: null, picture: null, productAccess: [{ key: "jira-software", id: "ari:jira", lastActiveTimestamp: null }] }));
  for (let t = REF_MS - 35 * DAY; t < REF_MS; t += 30 * MIN) events.push(tokenCall("rep", t + Math.floor(r() * 30_000), "rep-t", CLOUD, "python-requests/2.31"));
  const raw = rawSnapshot(blank ? users.map(noLastActive) : users, perturbed(events, seed, changes), [token("rep-t", "rep", REF_MS - HOUR, "reports"), ...(c.tokens ?? [])]);
  return findingOf(snapshotSchema.parse(raw) as Snapshot, "p");
}

/**
 * A 24x7 service desk's events (account `desk`): shifts sign in at about 07:00 and 19:00 local
 * time (`offsetHours` from UTC) every day for four weeks and work tickets in the UI until the next
 * shift takes over, busier by day.
 */
export function deskShifts(seed: number, offsetHours = 0): Raw[] {
  const r = lcg(seed);
  const signIns: number[] = [];
  for (let d = 28; d >= 1; d--) for (const hour of [7, 19]) signIns.push(REF_MS - d * DAY + (hour - offsetHours) * HOUR + Math.floor(r() * 30) * MIN);
  const events: Raw[] = [];
  for (let i = 0; i < signIns.length; i++) {
    const start = signIns[i] as number;
    const end = signIns[i + 1] ?? start + 12 * HOUR;
    const night = i % 2 === 1;
    events.push(ev("desk", start, { ip: OFFICE, userAgent: BROWSER }));
    for (let t = start + (2 + Math.floor(r() * 8)) * MIN; t < end - 5 * MIN; t += ((night ? 20 : 5) + Math.floor(r() * (night ? 90 : 40))) * MIN) {
      events.push(ev("desk", t, { action: r() < 0.7 ? "issue_updated" : "issue_commented", ip: OFFICE, userAgent: BROWSER }));
    }
  }
  return events;
}

/**
 * A contractor's workdays (account `d`): an IDE plugin calling every 10 minutes or so and a CLI
 * every 20-110 minutes, 08:00-09:30 to 17:00-18:30 from `ip`, through tokens `ide` and `cli`.
 */
export function ideWorkdays(seed: number, ip = OFFICE): Raw[] {
  const r = lcg(seed);
  const events: Raw[] = [];
  for (let d = 30; d >= 1; d--) {
    const day = REF_MS - d * DAY;
    if (isWeekend(day) || r() < 0.05) continue;
    const from = day + (8 + r() * 1.5) * HOUR;
    const end = day + (17 + r() * 1.5) * HOUR;
    for (let t = from; t < end; t += 10 * MIN + Math.floor(r() * 20) * 1000) {
      if (r() < 0.1) continue;
      events.push(tokenCall("d", Math.floor(t), "ide", ip, "IntelliJ-Jira/2024.2"));
    }
    for (let t = from + 20 * MIN; t < end; t += (20 + r() * 90) * MIN) events.push(tokenCall("d", Math.floor(t), "cli", ip));
  }
  return events;
}

/** A job on the person's (`p`) machine at `minute` UTC each weekday (`weekends` too), up to `lateSeconds` (40) late, three to eight calls a run from a scripting client at `ip`. */
export function deskJob(seed: number, minute: number, ip = OFFICE, weekends = false, lateSeconds = 40): Raw[] {
  const r = lcg(seed * 41 + 7);
  const out: Raw[] = [];
  for (let d = 30; d >= 1; d--) {
    const day = REF_MS - d * DAY;
    if ((!weekends && isWeekend(day)) || r() < 0.06) continue;
    const start = day + minute * MIN + Math.floor(r() * lateSeconds * 1000);
    for (let c = 0; c < 3 + Math.floor(r() * 6); c++) out.push(tokenCall("p", start + c * 8_000, "job-t", ip, "python-requests/2.31"));
  }
  return out;
}

/** `officeDays` of account `p` moved by `hours`, each event from `ipOf` its time (the office's address). */
export function officeDaysMoved(seed: number, hours: number, ipOf: (ms: number) => string = () => OFFICE): Raw[] {
  return officeDays(lcg(seed), "p").map((e) => {
    const ms = Date.parse(String(e["time"])) + hours * HOUR;
    return { ...e, time: new Date(ms).toISOString(), ip: ipOf(ms) };
  });
}

/** Products used in the UI three hours before the snapshot. */
export const RECENT_UI = { productAccess: [{ key: "jira-software", id: "ari:jira", lastActiveTimestamp: new Date(REF_MS - 3 * HOUR).toISOString() }] };

/** An invited account `p` with no profile or 2SV, used in the UI three hours before the snapshot. */
export function invitedRecent(name: string, email: string): Raw {
  return account("p", { name, email, managementSource: "invited", mfaEnabled: false, ...EMPTY, ...RECENT_UI });
}

/** The finding of account `p`, audited among `officeColleagues(seed)`. */
export function judgedAmongColleagues(seed: number, p: Raw, events: Raw[]): Finding {
  const { users, events: others } = officeColleagues(seed);
  return findingOf(snapshotOf([p, ...users], [...events, ...others]), "p");
}

/**
 * Account `p` at work in the UI each weekday of the last 30 days: a browser's sign-in about 08:00
 * with an email code, then a step every 4-12 minutes until about 15:00. `r` draws the times.
 */
export function codedWorkdays(r: () => number): Raw[] {
  const out: Raw[] = [];
  for (let d = 30; d >= 1; d--) {
    const day = REF_MS - d * DAY;
    if (isWeekend(day)) continue;
    const start = Math.floor(day + (8 + r() * 0.5) * HOUR);
    out.push(ev("p", start - 30_000, { action: "email_otp_sent", ip: OFFICE, userAgent: BROWSER }), ev("p", start, { ip: OFFICE, userAgent: BROWSER }));
    for (let t = start + 5 * MIN; t < day + (14.5 + r()) * HOUR; t += (4 + r() * 8) * MIN) out.push(ev("p", Math.floor(t), { action: r() < 0.5 ? "issue_transitioned" : "comment_created", ip: OFFICE, userAgent: BROWSER }));
  }
  return out;
}
