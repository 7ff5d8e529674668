import {
  SNAPSHOT_KIND,
  SNAPSHOT_VERSION,
  type ApiToken,
  type AuditEvent,
  type Group,
  type ProductAccess,
  type ServiceAccount,
  type Snapshot,
  type User,
} from "../core/snapshot/schema.js";
import { Random } from "../demo/random.js";

/**
 * What an account really is, as the evaluation scores it:
 * - `bot`: a script runs as a person-style account; it should be migrated (`bot`, at least `likely-bot`).
 * - `shared`: a team mailbox used by people and scripts; it needs a human decision (`likely-bot`).
 * - `human`: a person; never `bot`.
 * - `migrated`: an old bot account that a migration already replaced; not work to do.
 * - `service-account`, `app`: not person-style accounts.
 */
export type EvalLabel = "bot" | "shared" | "human" | "migrated" | "service-account" | "app";

/** The situation an account was generated from, to break the scores down. */
export type EvalKind =
  | "office-worker"
  | "office-worker-otp"
  | "cli-developer"
  | "multi-token-developer"
  | "long-leave"
  | "contractor"
  | "other-time-zone"
  | "night-shift"
  | "suspended-person"
  | "surname-trap"
  | "shift-worker"
  | "api-script"
  | "cron-jitter"
  | "ci-business-hours"
  | "headless-browser"
  | "headless-test-hours"
  | "role-mailbox-bot"
  | "low-volume-bot"
  | "owner-logs-in"
  | "departed-with-script"
  | "short-history-bot"
  | "setup-only-bot"
  | "office-hours-browser"
  | "timetable-browser"
  | "owner-release-bot"
  | "person-named-token-bot"
  | "shared-mailbox"
  | "migrated-bot"
  | "service-account"
  | "app";

export const LABEL_OF: Readonly<Record<EvalKind, EvalLabel>> = {
  "office-worker": "human",
  "office-worker-otp": "human",
  "cli-developer": "human",
  "multi-token-developer": "human",
  "long-leave": "human",
  contractor: "human",
  "other-time-zone": "human",
  "night-shift": "human",
  "suspended-person": "human",
  "surname-trap": "human",
  "shift-worker": "human",
  "api-script": "bot",
  "cron-jitter": "bot",
  "ci-business-hours": "bot",
  "headless-browser": "bot",
  "headless-test-hours": "bot",
  "role-mailbox-bot": "bot",
  "low-volume-bot": "bot",
  "owner-logs-in": "bot",
  "departed-with-script": "bot",
  "short-history-bot": "bot",
  "setup-only-bot": "bot",
  "office-hours-browser": "bot",
  "timetable-browser": "bot",
  "owner-release-bot": "bot",
  "person-named-token-bot": "bot",
  "shared-mailbox": "shared",
  "migrated-bot": "migrated",
  "service-account": "service-account",
  app: "app",
};

/** Mix of people (weights), drawn for each of `people` accounts. */
const PEOPLE_MIX: readonly [EvalKind, number][] = [
  ["office-worker", 50],
  ["office-worker-otp", 12],
  ["cli-developer", 7],
  ["multi-token-developer", 5],
  ["long-leave", 5],
  ["contractor", 7],
  ["other-time-zone", 6],
  ["night-shift", 3],
  ["suspended-person", 3],
  ["surname-trap", 2],
  ["shift-worker", 4],
];

/** Mix of bots (weights), drawn for each of `bots` accounts. */
const BOT_MIX: readonly [EvalKind, number][] = [
  ["api-script", 16],
  ["cron-jitter", 12],
  ["ci-business-hours", 8],
  ["headless-browser", 15],
  ["headless-test-hours", 5],
  ["role-mailbox-bot", 8],
  ["low-volume-bot", 10],
  ["owner-logs-in", 10],
  ["departed-with-script", 10],
  ["short-history-bot", 10],
  ["setup-only-bot", 5],
  ["office-hours-browser", 5],
  ["timetable-browser", 4],
  ["owner-release-bot", 4],
  ["person-named-token-bot", 3],
  ["shared-mailbox", 8],
];

export interface LabelledOrgOptions {
  seed: number;
  /** People (default 500). */
  people?: number;
  /** Script-driven accounts, shared mailboxes included (default 40). */
  bots?: number;
  /** Already-migrated old accounts with their service accounts (default 3). */
  migrated?: number;
}

export interface LabelledOrg {
  snapshot: Snapshot;
  labels: Map<string, EvalLabel>;
  kinds: Map<string, EvalKind>;
}

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const MIN = 60_000;

const FIRST = ["Ana", "Ben", "Chloe", "David", "Elena", "Farid", "Grace", "Hugo", "Ines", "Jonas", "Kira", "Liam", "Maya", "Noah", "Olga", "Pavel", "Quinn", "Rosa", "Sam", "Tara", "Uma", "Victor", "Wen", "Xavier", "Yara", "Zoe", "Arjun", "Bea", "Carlos", "Dana", "Emre", "Fatima", "Gus", "Hana", "Ivan", "Julia", "Kenji", "Lena", "Marco", "Nina"];
const LAST = ["Almeida", "Brown", "Chen", "Dubois", "Evans", "Fischer", "Garcia", "Haddad", "Ito", "Jensen", "Kowalski", "Lopez", "Muller", "Nakamura", "Okafor", "Petrov", "Quintero", "Rossi", "Singh", "Tanaka", "Ueda", "Varga", "Weber", "Xu", "Yilmaz", "Zimmer", "Novak", "Silva", "Moreau", "Berg"];
const TRAP_LAST = ["Jenkins", "Bot", "Cron", "Sync", "Deploy", "Service", "Api", "Build"];
const TITLES = ["Software Engineer", "Product Manager", "Designer", "Support Agent", "Accountant", "QA Engineer", "Data Analyst", "Site Reliability Engineer", "Sales Lead", "HR Partner"];
const DEPTS = ["Engineering", "Product", "Design", "Support", "Finance", "Sales", "People", "Operations"];
const BOT_NAMES = ["jenkins", "ci-bot", "deploy-bot", "svc-jira", "automation", "release-bot", "sync-service", "integration", "build", "etl-runner", "reporting", "backup", "nightly", "jira-importer", "confluence-export", "metrics", "pipeline", "tools", "robot", "scheduler"];
const PLAIN_BOT_NAMES = ["jira.helper", "pm-board", "qa.reports", "data.team.feed", "weekly.digest", "kpi", "migration", "roadmap", "archiver", "sla-watch", "m.keller", "t.owens", "legacy", "zen", "orion", "atlas", "hermes", "falcon"];
const ROLE_BOT_NAMES = ["svc-jira", "no-reply", "noreply", "techuser", "svc-confluence", "tech-user", "integration-user", "system", "do-not-reply", "svc-backup"];
const SHARED = ["helpdesk", "support", "it-ops", "finance-team", "qa-team", "devops", "servicedesk", "noc", "office", "billing"];
const HUMAN_TOKEN_LABELS = ["my laptop", "jira-cli", "vscode", "personal", "go-jira", "test", "scripts", "ci-test", "local dev", "cli", "alfred", "obsidian", "raycast", "token"];
const BOT_TOKEN_LABELS = ["prod", "jenkins", "pipeline", "deploy", "integration", "sync", "automation", "ci", "nightly", "export", "default", "token", "main", "gh-actions", "terraform"];
const BROWSERS = [
  "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/129.0 Safari/537.36",
  "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Safari/605.1.15",
  "Mozilla/5.0 (X11; Linux x86_64; rv:131.0) Gecko/20100101 Firefox/131.0",
];
const HEADLESS = [
  "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/129.0 Safari/537.36",
  "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/129.0 Safari/537.36",
];
const CLIENTS = ["python-requests/2.32.3", "curl/8.5.0", "Go-http-client/2.0", "node-fetch/1.0", "jira-cli/1.5.1", "okhttp/4.12.0", "Apache-HttpClient/5.3", "axios/1.7.2"];
const CLOUD_PREFIXES = ["3.", "13.", "18.", "34.", "35.", "52.", "54.", "20.", "40."];
const HOME_PREFIXES = ["81.", "86.", "92.", "109.", "176.", "188.", "203.", "24.", "73.", "98."];
const UI_ACTIONS = ["issue_viewed", "issue_updated", "page_viewed", "page_updated", "comment_created", "board_viewed"];
const TOKEN_ACTIONS = ["issue_created", "issue_updated", "comment_created", "attachment_uploaded", "page_updated", "issue_transitioned", "search_performed"];
const PRODUCTS = ["jira-software", "confluence", "jira-servicedesk"];

/** The source's habits: which attributes its audit log records and with which keys. */
interface SourceHabits {
  otpAction: string;
  recordsUserAgents: boolean;
  recordsTokenIds: boolean;
  tokenAuthType: string;
  recordsIps: boolean;
  profileFields: boolean;
  managementSource: boolean;
}

interface Ctx {
  r: Random;
  takenAtMs: number;
  windowStartMs: number;
  /** Org's main UTC offset in minutes. */
  orgOffset: number;
  habits: SourceHabits;
  cloudId: string;
  users: User[];
  tokens: ApiToken[];
  events: AuditEvent[];
  serviceAccounts: ServiceAccount[];
  groups: Group[];
  labels: Map<string, EvalLabel>;
  kinds: Map<string, EvalKind>;
  n: number;
  localParts: Set<string>;
  domain: string;
  officeIps: string[];
}

function iso(ms: number): string {
  return new Date(Math.round(ms / 1000) * 1000).toISOString();
}

function weighted<T>(r: Random, items: readonly [T, number][]): T {
  const total = items.reduce((s, [, w]) => s + w, 0);
  let x = r.next() * total;
  for (const [item, w] of items) {
    x -= w;
    if (x < 0) return item;
  }
  return (items[items.length - 1] as [T, number])[0];
}

function ip(r: Random, prefixes: readonly string[]): string {
  return `${r.pick(prefixes)}${r.int(1, 254)}.${r.int(1, 254)}.${r.int(1, 254)}`;
}

/** Local day start (ms, UTC) and weekday of `ms` at `offsetMin`. */
function localDay(ms: number, offsetMin: number): { startMs: number; weekday: number } {
  const local = ms + offsetMin * MIN;
  const dayIndex = Math.floor(local / DAY);
  return { startMs: dayIndex * DAY - offsetMin * MIN, weekday: (((dayIndex + 4) % 7) + 7) % 7 };
}

/** A person's working pattern: which local hours, how likely they work on a given day. */
interface Workday {
  offset: number;
  startHour: number;
  lengthHours: number;
  workRate: number;
  weekendRate: number;
}

function workSessions(c: Ctx, w: Workday, fromMs: number, toMs: number): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  for (let d = localDay(fromMs, w.offset).startMs; d < toMs; d += DAY) {
    const { weekday } = localDay(d + HOUR, w.offset);
    const weekend = weekday === 0 || weekday === 6;
    if (!c.r.chance(weekend ? w.weekendRate : w.workRate)) continue;
    const start = d + (w.startHour + c.r.next() * 1.5 - 0.5) * HOUR;
    const end = start + (w.lengthHours * (0.6 + c.r.next() * 0.5)) * HOUR;
    if (start < fromMs || end > toMs) continue;
    out.push({ start, end });
  }
  return out;
}

function newId(c: Ctx, prefix: string): string {
  return `${prefix}${c.r.hex(20)}`;
}

interface RawEvent {
  time: string;
  action: string;
  actorId: string;
  ip?: string;
  userAgent?: string;
  tokenId?: string;
}

function pushEvent(c: Ctx, e: RawEvent): void {
  const event: AuditEvent = { id: `ev-${c.events.length + 1}`, time: e.time, action: e.action, actorId: e.actorId };
  if (e.ip && c.habits.recordsIps) event.ip = e.ip;
  if (e.userAgent && c.habits.recordsUserAgents) event.userAgent = e.userAgent;
  if (e.tokenId && c.habits.recordsTokenIds) {
    event.tokenId = e.tokenId;
    event.authType = c.habits.tokenAuthType;
  }
  c.events.push(event);
}

interface PersonSpec {
  first: string;
  last: string;
  localPart?: string;
  synced: boolean;
  fullProfile: boolean;
  mfa: boolean | null;
  status?: string;
  addedDaysAgo: number;
}

function makeUser(c: Ctx, kind: EvalKind, p: PersonSpec): User {
  const accountId = newId(c, "5b10");
  let localPart = p.localPart ?? `${p.first}.${p.last}`.toLowerCase();
  // Mailboxes are unique in a directory: a second "jenkins" becomes "jenkins2".
  for (let i = 2; c.localParts.has(localPart); i++) localPart = `${p.localPart ?? `${p.first}.${p.last}`.toLowerCase()}${i}`;
  c.localParts.add(localPart);
  p.localPart = localPart;
  const user: User = {
    accountId,
    accountType: "atlassian",
    accountStatus: p.status === "closed" ? "closed" : p.status === "deactivated" ? "inactive" : "active",
    status: p.status ?? "active",
    name: p.first === "" ? localPart : `${p.first} ${p.last}`.trim(),
    email: `${localPart}@${c.domain}`,
    emailVerified: true,
    mfaEnabled: p.mfa,
    claimStatus: "managed",
    productAccess: [],
    groupIds: [],
  };
  if (c.habits.managementSource) user.managementSource = p.synced ? "synced" : c.r.chance(0.5) ? "invited" : null;
  if (c.habits.profileFields) {
    user.jobTitle = p.fullProfile ? c.r.pick(TITLES) : c.r.chance(0.3) ? c.r.pick(TITLES) : null;
    user.department = p.fullProfile ? c.r.pick(DEPTS) : null;
    user.picture = p.fullProfile && c.r.chance(0.7) ? `https://avatar.example/${c.r.hex(8)}.png` : null;
  }
  user.addedToOrg = iso(c.takenAtMs - p.addedDaysAgo * DAY);
  const groups = c.groups.filter(() => c.r.chance(0.25)).map((g) => g.id);
  user.groupIds = groups;
  c.users.push(user);
  c.kinds.set(accountId, kind);
  c.labels.set(accountId, LABEL_OF[kind]);
  return user;
}

function setUi(c: Ctx, user: User, lastUiMs: number | null): void {
  const products = c.r.sample(PRODUCTS, c.r.int(1, 3));
  user.productAccess = products.map((key, i): ProductAccess => ({
    key,
    id: `ari:cloud:${key.split("-")[0]}::site/${c.cloudId}`,
    lastActiveTimestamp: lastUiMs === null ? null : i === 0 ? iso(lastUiMs) : c.r.chance(0.5) ? iso(lastUiMs - c.r.next() * 20 * DAY) : null,
  }));
}

function addToken(c: Ctx, user: User, label: string, createdDaysAgo: number, lastUseMs: number | null, expires = c.r.chance(0.5)): ApiToken {
  const token: ApiToken = {
    id: `tok-${c.tokens.length + 1}`,
    accountId: user.accountId,
    label,
    status: "ALLOWED",
    createdAt: iso(c.takenAtMs - createdDaysAgo * DAY),
    expiresAt: expires ? iso(c.takenAtMs + c.r.int(5, 365) * DAY) : null,
    lastActiveAt: lastUseMs === null ? null : iso(lastUseMs),
  };
  c.tokens.push(token);
  return token;
}

/** A person's browser sittings: a login (sometimes with an OTP challenge), then UI actions. */
function browserSittings(c: Ctx, user: User, w: Workday, opts: { otpRate: number; loginRate: number; fromMs?: number; toMs?: number }): number | null {
  const homeIp = ip(c.r, HOME_PREFIXES);
  const officeIp = c.r.pick(c.officeIps);
  const ua = c.r.pick(BROWSERS);
  let last: number | null = null;
  for (const s of workSessions(c, w, opts.fromMs ?? c.windowStartMs, opts.toMs ?? c.takenAtMs)) {
    const where = c.r.chance(0.6) ? officeIp : homeIp;
    if (c.r.chance(opts.loginRate)) {
      pushEvent(c, { time: iso(s.start), action: "user_login", actorId: user.accountId, ip: where, userAgent: ua });
      if (c.r.chance(opts.otpRate)) pushEvent(c, { time: iso(s.start + 20_000), action: c.habits.otpAction, actorId: user.accountId, ip: where, userAgent: ua });
    }
    const actions = c.r.int(0, 6);
    for (let i = 0; i < actions; i++) {
      const t = s.start + c.r.next() * (s.end - s.start);
      pushEvent(c, { time: iso(t), action: c.r.pick(UI_ACTIONS), actorId: user.accountId, ip: where, userAgent: ua });
    }
    last = s.end;
  }
  return last;
}

/** A person's personal token use: a few calls during their working sessions. */
function personalTokenUse(c: Ctx, user: User, token: ApiToken, w: Workday, rate: number, client: string): number | null {
  let last: number | null = null;
  const where = ip(c.r, HOME_PREFIXES);
  for (const s of workSessions(c, w, c.windowStartMs, c.takenAtMs)) {
    if (!c.r.chance(rate)) continue;
    const calls = c.r.int(1, 25);
    let t = s.start + c.r.next() * (s.end - s.start) * 0.8;
    for (let i = 0; i < calls && t < s.end; i++) {
      pushEvent(c, { time: iso(t), action: c.r.pick(TOKEN_ACTIONS), actorId: user.accountId, ip: c.r.chance(0.8) ? where : c.r.pick(c.officeIps), userAgent: client, tokenId: token.id });
      last = t;
      t += c.r.next() * 4 * MIN + 2000;
    }
  }
  return last;
}

function workday(c: Ctx, offset = c.orgOffset + c.r.int(-1, 1) * 60): Workday {
  return { offset, startHour: c.r.int(7, 10), lengthHours: c.r.int(7, 10), workRate: 0.55 + c.r.next() * 0.4, weekendRate: c.r.next() * 0.06 };
}

function person(c: Ctx, kind: EvalKind): void {
  const r = c.r;
  const first = r.pick(FIRST);
  const last = kind === "surname-trap" ? r.pick(TRAP_LAST) : r.pick(LAST);
  const contractor = kind === "contractor";
  const spec: PersonSpec = {
    first,
    last,
    localPart: `${first}.${last}${r.chance(0.1) ? r.int(2, 9) : ""}`.toLowerCase(),
    synced: contractor ? r.chance(0.2) : r.chance(0.85),
    fullProfile: contractor ? r.chance(0.3) : r.chance(0.85),
    mfa: kind === "office-worker-otp" ? (r.chance(0.5) ? false : null) : r.chance(0.6) ? true : r.chance(0.7) ? false : null,
    addedDaysAgo: r.int(20, 2000),
  };
  if (kind === "contractor" && r.chance(0.5)) spec.localPart = `ext.${first}.${last}`.toLowerCase();
  if (kind === "suspended-person") spec.status = r.pick(["suspended", "deactivated", "suspended"]);
  const user = makeUser(c, kind, spec);
  let w = workday(c);
  if (kind === "other-time-zone") w = workday(c, c.orgOffset + r.pick([-9, -8, -6, 5, 6, 8, 9, 10]) * 60 + r.pick([0, 0, 30]));
  if (kind === "night-shift") w = { ...workday(c), startHour: r.int(18, 23), weekendRate: r.next() * 0.3 };
  if (contractor) w.weekendRate = r.next() * 0.15;

  const otpRate = kind === "office-worker-otp" ? 0.3 + r.next() * 0.6 : user.mfaEnabled === true ? 0 : r.chance(0.2) ? r.next() * 0.3 : 0;
  let lastUi: number | null;
  if (kind === "shift-worker") {
    // Operations staff on a rota through all hours: a block of days on one shift, then the next.
    if (user.mfaEnabled === true && r.chance(0.6)) user.mfaEnabled = false;
    const shifts = r.chance(0.5) ? [6, 14, 22] : r.chance(0.5) ? [7, 19] : [0, 8, 16];
    const blockDays = r.int(2, 7);
    const shiftOtp = user.mfaEnabled === true ? 0 : 0.7 + r.next() * 0.3;
    let shift = r.int(0, shifts.length - 1);
    lastUi = null;
    for (let from = c.windowStartMs; from < c.takenAtMs; from += blockDays * DAY) {
      const sw: Workday = { ...w, startHour: shifts[shift % shifts.length] as number, lengthHours: r.int(8, 12), workRate: 0.55 + r.next() * 0.3, weekendRate: 0.4 + r.next() * 0.4 };
      const l = browserSittings(c, user, sw, { otpRate: shiftOtp, loginRate: 0.7 + r.next() * 0.3, fromMs: from, toMs: Math.min(c.takenAtMs, from + blockDays * DAY) });
      if (l !== null) lastUi = l;
      shift++;
    }
    if (lastUi === null) lastUi = c.takenAtMs - r.int(1, 10) * DAY;
    setUi(c, user, lastUi);
    return;
  }
  if (kind === "long-leave") {
    lastUi = c.takenAtMs - r.int(35, 200) * DAY;
    if (r.chance(0.4)) addToken(c, user, r.pick(HUMAN_TOKEN_LABELS), r.int(200, 900), lastUi - r.next() * 10 * DAY);
    setUi(c, user, lastUi);
    return;
  }
  if (kind === "suspended-person") {
    lastUi = r.chance(0.85) ? c.takenAtMs - r.int(20, 300) * DAY : null;
    if (r.chance(0.35)) addToken(c, user, r.pick(HUMAN_TOKEN_LABELS), r.int(300, 900), lastUi === null ? null : lastUi - r.next() * 5 * DAY);
    setUi(c, user, lastUi);
    return;
  }
  if (kind === "cli-developer" || kind === "multi-token-developer") {
    // Rarely in the web UI: a login now and then, or none in the window.
    const uiRecent = r.chance(0.35);
    lastUi = uiRecent ? browserSittings(c, user, { ...w, workRate: 0.05 + r.next() * 0.1 }, { otpRate, loginRate: 0.8 }) : null;
    if (lastUi === null) lastUi = r.chance(0.8) ? c.takenAtMs - r.int(35, 400) * DAY : null;
    const count = kind === "multi-token-developer" ? r.int(2, 6) : r.int(1, 2);
    const client = r.pick(CLIENTS);
    for (let i = 0; i < count; i++) {
      const label = kind === "multi-token-developer" && r.chance(0.3) ? r.pick(BOT_TOKEN_LABELS) : r.pick(HUMAN_TOKEN_LABELS);
      const token = addToken(c, user, label, r.int(10, 700), null);
      const used = i === 0 || r.chance(0.5) ? personalTokenUse(c, user, token, w, 0.3 + r.next() * 0.6, client) : null;
      token.lastActiveAt = used !== null ? iso(used) : r.chance(0.5) ? iso(c.takenAtMs - r.int(40, 300) * DAY) : null;
    }
    setUi(c, user, lastUi);
    return;
  }
  lastUi = browserSittings(c, user, w, { otpRate, loginRate: 0.3 + r.next() * 0.6 });
  if (lastUi === null) lastUi = c.takenAtMs - r.int(1, 20) * DAY;
  if (r.chance(kind === "contractor" ? 0.3 : 0.15)) {
    const token = addToken(c, user, r.pick(HUMAN_TOKEN_LABELS), r.int(10, 700), null);
    const used = r.chance(0.5) ? personalTokenUse(c, user, token, w, 0.1 + r.next() * 0.3, r.pick(CLIENTS)) : null;
    token.lastActiveAt = used !== null ? iso(used) : r.chance(0.5) ? iso(c.takenAtMs - r.int(30, 300) * DAY) : null;
  }
  setUi(c, user, lastUi);
}

/** A machine schedule: run times between `fromMs` and `toMs`. */
function machineRuns(c: Ctx, fromMs: number, toMs: number): number[] {
  const r = c.r;
  const style = weighted<string>(r, [
    ["interval", 4],
    ["daily", 3],
    ["workday-daily", 1],
    ["bursty", 2],
  ]);
  const jitter = r.chance(0.5) ? r.next() * 15 * MIN : r.next() * 60_000;
  const runs: number[] = [];
  if (style === "interval") {
    const every = r.pick([5, 10, 15, 30, 60, 120, 180, 240, 360, 720]) * MIN;
    for (let t = fromMs + r.next() * every; t < toMs; t += every) {
      if (r.chance(0.03)) continue; // a missed run
      runs.push(t + (r.next() - 0.5) * 2 * jitter);
    }
  } else if (style === "daily" || style === "workday-daily") {
    const times = r.int(1, 3);
    const minutes = Array.from({ length: times }, () => r.int(0, 1439));
    for (let d = localDay(fromMs, 0).startMs; d < toMs; d += DAY) {
      const weekday = localDay(d + HOUR, c.orgOffset).weekday;
      if (style === "workday-daily" && (weekday === 0 || weekday === 6)) continue;
      for (const m of minutes) {
        const t = d + m * MIN + (r.next() - 0.5) * 2 * jitter;
        if (t >= fromMs && t < toMs && !r.chance(0.03)) runs.push(t);
      }
    }
  } else {
    // Irregular: queue-driven, arrivals round the clock with bursts.
    let t = fromMs;
    const mean = r.pick([10, 30, 90, 240]) * MIN;
    while (t < toMs) {
      t += -Math.log(1 - r.next()) * mean;
      if (t < toMs) runs.push(t);
    }
  }
  return runs.sort((a, b) => a - b);
}

const DISPLAY_BOT_NAMES = ["Monitoring", "Deploy", "Jira Sync", "Report Robot", "UiPath Robot", "Release Bot", "TeamCity", "Backup Exporter", "Build Agent", "Status Reporter", "Confluence Sync", "Alerting"];

/**
 * Bots that leave little machine evidence: a new script with one setup sign-in, a headless browser
 * that runs in business hours only (at random times, or on a timetable), a release job whose owner signs in by hand, and a token used in
 * working hours on an account named after a person.
 */
function quietBot(c: Ctx, kind: EvalKind): void {
  const r = c.r;
  const display = r.pick(DISPLAY_BOT_NAMES);
  const slug = display.toLowerCase().replace(/[^a-z0-9]+/g, "-");
  const personName = kind === "person-named-token-bot" || (kind === "setup-only-bot" && r.chance(0.25));
  const first = r.pick(FIRST);
  const last = r.pick(LAST);
  const spec: PersonSpec = personName
    ? { first, last, synced: kind === "person-named-token-bot" ? r.chance(0.8) : false, fullProfile: r.chance(0.3), mfa: r.chance(0.4) ? true : false, addedDaysAgo: r.int(100, 1500) }
    : {
        first: "",
        last: "",
        localPart: r.chance(0.7) ? slug : r.pick(["m.ops", "tools", "it-tools", "jira.admin2", "atl.runner"]),
        synced: kind === "owner-release-bot" ? r.chance(0.4) : false,
        fullProfile: kind === "owner-release-bot" ? r.chance(0.3) : false,
        mfa: kind === "owner-release-bot" ? r.chance(0.6) : kind === "office-hours-browser" || kind === "timetable-browser" ? r.chance(0.25) : false,
        addedDaysAgo: r.int(100, 1500),
      };
  if (kind === "setup-only-bot") spec.addedDaysAgo = r.int(10, 18);
  const user = makeUser(c, kind, spec);
  if (!personName) user.name = display;
  if (kind === "owner-release-bot" && r.chance(0.3)) user.email = `${spec.localPart ?? slug}.${r.hex(3)}@gmail.com`;
  const cloud = r.chance(0.85);
  const hostIps = Array.from({ length: r.int(1, 3) }, () => (cloud ? ip(r, CLOUD_PREFIXES) : r.pick(c.officeIps)));
  const client = r.pick(CLIENTS);
  let lastUi: number | null = null;

  if (kind === "setup-only-bot") {
    const fromMs = c.takenAtMs - (spec.addedDaysAgo - 1) * DAY;
    const setup = fromMs - r.next() * 6 * HOUR;
    const where = r.chance(0.5) ? r.pick(hostIps) : r.pick(c.officeIps);
    const ua = r.pick(BROWSERS);
    pushEvent(c, { time: iso(setup), action: "user_login", actorId: user.accountId, ip: where, userAgent: ua });
    if (user.mfaEnabled !== true) pushEvent(c, { time: iso(setup + 20_000), action: c.habits.otpAction, actorId: user.accountId, ip: where, userAgent: ua });
    pushEvent(c, { time: iso(setup + 120_000), action: r.pick(UI_ACTIONS), actorId: user.accountId, ip: where, userAgent: ua });
    lastUi = setup + 120_000;
    const token = addToken(c, user, r.chance(0.6) ? r.pick(BOT_TOKEN_LABELS) : r.pick(HUMAN_TOKEN_LABELS), spec.addedDaysAgo - 1, null);
    const calls = r.int(0, 4);
    let lastCall = 0;
    for (let i = 0; i < calls; i++) {
      const at = fromMs + r.next() * (c.takenAtMs - fromMs);
      pushEvent(c, { time: iso(at), action: r.pick(TOKEN_ACTIONS), actorId: user.accountId, ip: r.pick(hostIps), userAgent: client, tokenId: token.id });
      lastCall = Math.max(lastCall, at);
    }
    token.lastActiveAt = iso(Math.max(lastCall, c.takenAtMs - r.next() * 3 * DAY));
  } else if (kind === "timetable-browser") {
    // A robot (RPA) that opens a browser at two to four fixed times of each workday, in business
    // hours, a few minutes late at most, and now and then skips a run; each sign-in is challenged
    // by email unless 2SV is on, and does a few steps in the UI.
    const hours = new Set<number>();
    const want = r.int(2, 4);
    while (hours.size < want) hours.add(r.int(7, 17));
    const minutes = [...hours].map((h) => h * 60 + r.int(0, 59));
    const lateMs = r.int(1, 8) * MIN;
    const ua = r.pick(r.chance(0.5) ? HEADLESS : BROWSERS);
    for (let d = localDay(c.windowStartMs, c.orgOffset).startMs; d < c.takenAtMs; d += DAY) {
      const weekday = localDay(d + HOUR, c.orgOffset).weekday;
      if (weekday === 0 || weekday === 6) continue;
      for (const minute of minutes) {
        const t = d + minute * MIN + r.next() * lateMs;
        if (t < c.windowStartMs || t >= c.takenAtMs || r.chance(0.05)) continue;
        const where = r.pick(hostIps);
        pushEvent(c, { time: iso(t), action: "user_login", actorId: user.accountId, ip: where, userAgent: ua });
        if (user.mfaEnabled !== true) pushEvent(c, { time: iso(t + 4000 + r.next() * 20_000), action: c.habits.otpAction, actorId: user.accountId, ip: where, userAgent: ua });
        const steps = r.int(1, 4);
        for (let k = 0; k < steps; k++) pushEvent(c, { time: iso(t + (k + 1) * 30_000), action: r.pick(UI_ACTIONS), actorId: user.accountId, ip: where, userAgent: ua });
        lastUi = Math.max(lastUi ?? 0, t);
      }
    }
  } else if (kind === "office-hours-browser") {
    // A few dozen sign-ins on weekdays in business hours, each challenged by email unless 2SV is on.
    const w: Workday = { offset: c.orgOffset, startHour: r.int(7, 10), lengthHours: r.int(6, 9), workRate: 0.5 + r.next() * 0.4, weekendRate: 0 };
    const ua = r.pick(r.chance(0.5) ? HEADLESS : BROWSERS);
    for (const s of workSessions(c, w, c.windowStartMs, c.takenAtMs)) {
      const logins = r.chance(0.6) ? 1 : r.int(1, 3);
      for (let i = 0; i < logins; i++) {
        const t = s.start + r.next() * (s.end - s.start);
        const where = r.pick(hostIps);
        pushEvent(c, { time: iso(t), action: "user_login", actorId: user.accountId, ip: where, userAgent: ua });
        if (user.mfaEnabled !== true && r.chance(0.85)) pushEvent(c, { time: iso(t + 5000), action: c.habits.otpAction, actorId: user.accountId, ip: where, userAgent: ua });
        const steps = r.int(1, 4);
        for (let k = 0; k < steps; k++) pushEvent(c, { time: iso(t + (k + 1) * 20_000), action: r.pick(UI_ACTIONS), actorId: user.accountId, ip: where, userAgent: ua });
        lastUi = Math.max(lastUi ?? 0, t);
      }
    }
  } else {
    // A token used in working hours; for a release job its owner signs in by hand now and then.
    const w: Workday = { offset: c.orgOffset, startHour: r.int(7, 10), lengthHours: r.int(7, 10), workRate: 0.6 + r.next() * 0.35, weekendRate: r.next() * 0.05 };
    const token = addToken(c, user, r.pick(kind === "person-named-token-bot" ? HUMAN_TOKEN_LABELS : BOT_TOKEN_LABELS), r.int(60, 900), null);
    let lastCall = 0;
    for (const s of workSessions(c, w, c.windowStartMs, c.takenAtMs)) {
      const runs = r.int(1, 6);
      for (let i = 0; i < runs; i++) {
        const at = s.start + r.next() * (s.end - s.start);
        pushEvent(c, { time: iso(at), action: r.pick(TOKEN_ACTIONS), actorId: user.accountId, ip: r.pick(hostIps), userAgent: client, tokenId: token.id });
        lastCall = Math.max(lastCall, at);
      }
    }
    token.lastActiveAt = lastCall > 0 ? iso(lastCall) : iso(c.takenAtMs - r.next() * 2 * DAY);
    if (kind === "owner-release-bot") {
      const ow = workday(c);
      ow.workRate = 0.03 + r.next() * 0.12;
      lastUi = browserSittings(c, user, ow, { otpRate: user.mfaEnabled ? 0 : 0.5, loginRate: 0.7 });
      if (lastUi === null) lastUi = c.takenAtMs - r.int(5, 25) * DAY;
    } else {
      lastUi = r.chance(0.4) ? null : c.takenAtMs - r.int(45, 600) * DAY;
    }
  }
  setUi(c, user, lastUi);
}

function bot(c: Ctx, kind: EvalKind): void {
  const r = c.r;
  if (kind === "setup-only-bot" || kind === "office-hours-browser" || kind === "timetable-browser" || kind === "owner-release-bot" || kind === "person-named-token-bot") {
    quietBot(c, kind);
    return;
  }
  const botty = r.chance(0.55);
  let spec: PersonSpec;
  if (kind === "departed-with-script") {
    const first = r.pick(FIRST);
    const last = r.pick(LAST);
    spec = { first, last, synced: r.chance(0.25), fullProfile: r.chance(0.7), mfa: r.chance(0.4) ? true : false, addedDaysAgo: r.int(400, 2500) };
  } else if (kind === "shared-mailbox") {
    const lp = r.pick(SHARED) + (r.chance(0.2) ? String(r.int(2, 4)) : "");
    spec = { first: "", last: "", localPart: lp, synced: r.chance(0.3), fullProfile: r.chance(0.2), mfa: r.chance(0.3) ? true : false, addedDaysAgo: r.int(100, 2000) };
  } else if (kind === "owner-logs-in" && r.chance(0.4)) {
    // Runs as its owner's name; the owner logs in by hand now and then.
    const first = r.pick(FIRST);
    const last = r.pick(LAST);
    spec = { first, last, synced: r.chance(0.6), fullProfile: r.chance(0.6), mfa: r.chance(0.3) ? true : false, addedDaysAgo: r.int(100, 2000) };
  } else {
    const lp = botty ? `${r.pick(BOT_NAMES)}${r.chance(0.3) ? `-${r.int(1, 9)}` : ""}` : r.pick(PLAIN_BOT_NAMES);
    spec = {
      first: "",
      last: "",
      localPart: lp,
      synced: r.chance(0.15),
      fullProfile: r.chance(0.15),
      mfa: r.chance(0.15) ? true : r.chance(0.8) ? false : null,
      addedDaysAgo: kind === "short-history-bot" ? r.int(10, 16) : r.int(60, 2000),
    };
  }
  if (kind === "role-mailbox-bot") {
    spec = { first: "", last: "", localPart: r.pick(ROLE_BOT_NAMES), synced: false, fullProfile: false, mfa: r.chance(0.35) ? true : false, addedDaysAgo: r.int(100, 2000) };
  } else if (kind === "low-volume-bot") {
    const lp = r.chance(0.7) ? `${r.pick(BOT_NAMES)}${r.chance(0.3) ? `-${r.int(1, 9)}` : ""}` : r.pick(ROLE_BOT_NAMES);
    spec = { first: "", last: "", localPart: lp, synced: false, fullProfile: r.chance(0.1), mfa: r.chance(0.2) ? true : false, addedDaysAgo: r.int(200, 2500) };
  } else if (kind === "headless-browser" || kind === "headless-test-hours") {
    // Some are set up with a person's profile, and some are provisioned by the IdP.
    spec.synced = r.chance(0.3);
    spec.fullProfile = r.chance(0.3);
  }
  const user = makeUser(c, kind, spec);
  if (kind !== "departed-with-script" && kind !== "owner-logs-in" && kind !== "shared-mailbox") user.name = spec.localPart ?? user.name;
  const fromMs = kind === "short-history-bot" ? c.takenAtMs - (spec.addedDaysAgo - 1) * DAY : c.windowStartMs;
  const cloud = kind === "role-mailbox-bot" || r.chance(0.65);
  const hostIps = Array.from({ length: r.int(1, 3) }, () => (cloud ? ip(r, CLOUD_PREFIXES) : r.pick(c.officeIps)));
  let lastUi: number | null = null;

  if (kind === "low-volume-bot") {
    // A weekly report, a read-only integration: a handful of token calls in the window.
    const token = addToken(c, user, r.chance(0.7) ? r.pick(BOT_TOKEN_LABELS) : r.pick(HUMAN_TOKEN_LABELS), r.int(100, 900), null);
    const calls = r.int(1, 9);
    let last = 0;
    for (let i = 0; i < calls; i++) {
      const at = c.takenAtMs - r.next() * (c.takenAtMs - c.windowStartMs);
      pushEvent(c, { time: iso(at), action: r.pick(TOKEN_ACTIONS), actorId: user.accountId, ip: r.pick(hostIps), userAgent: r.pick(CLIENTS), tokenId: token.id });
      last = Math.max(last, at);
    }
    token.lastActiveAt = iso(Math.max(last, c.takenAtMs - r.int(0, 6) * DAY - r.next() * DAY));
    setUi(c, user, r.chance(0.5) ? null : c.takenAtMs - r.int(100, 900) * DAY);
    return;
  }

  if (kind === "headless-browser" || kind === "headless-test-hours" || (kind === "role-mailbox-bot" && r.chance(0.5))) {
    let runs: number[];
    if (kind === "headless-test-hours") {
      // A test suite in business hours on weekdays, at a fixed cadence.
      runs = [];
      const every = r.int(10, 40) * MIN;
      const startHour = r.int(7, 10);
      const hours = r.int(7, 10);
      for (let d = localDay(fromMs, c.orgOffset).startMs; d < c.takenAtMs; d += DAY) {
        const weekday = localDay(d + HOUR, c.orgOffset).weekday;
        if (weekday === 0 || weekday === 6) continue;
        for (let t = d + startHour * HOUR; t < d + (startHour + hours) * HOUR; t += every) if (t >= fromMs && t < c.takenAtMs && !r.chance(0.03)) runs.push(t + (r.next() - 0.5) * 60_000);
      }
    } else if (r.chance(0.6)) {
      // 10 to 30 sign-ins a day, round the clock.
      runs = [];
      const every = (DAY / r.int(10, 30)) | 0;
      const jitter = r.next() * 3 * MIN;
      for (let t = fromMs + r.next() * every; t < c.takenAtMs; t += every) if (!r.chance(0.03)) runs.push(t + (r.next() - 0.5) * 2 * jitter);
    } else {
      runs = machineRuns(c, fromMs, c.takenAtMs);
    }
    const ua = r.pick(HEADLESS);
    const otpRate = user.mfaEnabled === true ? 0 : 0.8 + r.next() * 0.2;
    for (const t of runs) {
      const where = r.pick(hostIps);
      pushEvent(c, { time: iso(t), action: "user_login", actorId: user.accountId, ip: where, userAgent: ua });
      if (r.chance(otpRate)) pushEvent(c, { time: iso(t + 5000), action: c.habits.otpAction, actorId: user.accountId, ip: where, userAgent: ua });
      const steps = r.int(0, 3);
      for (let i = 0; i < steps; i++) pushEvent(c, { time: iso(t + (i + 1) * 15_000), action: r.pick(UI_ACTIONS), actorId: user.accountId, ip: where, userAgent: ua });
      lastUi = t;
    }
    if (r.chance(0.3)) addToken(c, user, r.pick(BOT_TOKEN_LABELS), r.int(100, 900), r.chance(0.5) ? c.takenAtMs - r.int(60, 300) * DAY : r.chance(0.5) ? c.takenAtMs - r.next() * 3 * DAY : null);
    setUi(c, user, lastUi ?? c.takenAtMs - r.int(1, 5) * DAY);
    return;
  }

  let runs: number[];
  if (kind === "ci-business-hours") {
    // Triggered by people's pushes: bursts in the team's working hours, some weekend work.
    runs = [];
    const w: Workday = { offset: c.orgOffset, startHour: 8, lengthHours: 11, workRate: 0.95, weekendRate: 0.15 };
    for (const s of workSessions(c, w, fromMs, c.takenAtMs)) {
      const builds = r.int(3, 30);
      for (let i = 0; i < builds; i++) runs.push(s.start + r.next() * (s.end - s.start));
    }
    runs.sort((a, b) => a - b);
  } else {
    runs = machineRuns(c, fromMs, c.takenAtMs);
  }
  const tokenCount = r.chance(0.75) ? 1 : r.int(2, 3);
  const tokens: ApiToken[] = [];
  for (let i = 0; i < tokenCount; i++) {
    const label = r.chance(0.6) ? r.pick(BOT_TOKEN_LABELS) : r.pick(HUMAN_TOKEN_LABELS);
    tokens.push(addToken(c, user, label, kind === "short-history-bot" ? spec.addedDaysAgo - 1 : r.int(30, 900), null));
  }
  const client = r.pick(CLIENTS);
  const lastUse = new Map<string, number>();
  for (const t of runs) {
    const token = tokens[r.chance(0.85) ? 0 : r.int(0, tokens.length - 1)] as ApiToken;
    const calls = r.int(1, 4);
    for (let i = 0; i < calls; i++) {
      const at = t + i * r.int(1, 20) * 1000;
      if (at >= c.takenAtMs) break;
      pushEvent(c, { time: iso(at), action: r.pick(TOKEN_ACTIONS), actorId: user.accountId, ip: r.pick(hostIps), userAgent: client, tokenId: token.id });
      lastUse.set(token.id, at);
    }
  }
  for (const token of tokens) {
    const used = lastUse.get(token.id);
    token.lastActiveAt = used !== undefined ? iso(used) : r.chance(0.5) ? iso(c.takenAtMs - r.int(40, 300) * DAY) : null;
  }

  if (kind === "owner-logs-in" || kind === "shared-mailbox") {
    // People sign in by hand: the owner now and then, a team every working day.
    const w = workday(c);
    if (kind === "owner-logs-in") w.workRate = 0.03 + r.next() * 0.15;
    lastUi = browserSittings(c, user, w, { otpRate: user.mfaEnabled ? 0 : 0.5, loginRate: 0.7 });
    if (kind === "shared-mailbox") {
      const w2 = workday(c);
      const l2 = browserSittings(c, user, w2, { otpRate: user.mfaEnabled ? 0 : 0.5, loginRate: 0.7 });
      if (l2 !== null && (lastUi === null || l2 > lastUi)) lastUi = l2;
    }
    if (lastUi === null) lastUi = c.takenAtMs - r.int(10, 60) * DAY;
  } else if (kind === "departed-with-script") {
    lastUi = c.takenAtMs - r.int(60, 500) * DAY;
  } else {
    lastUi = r.chance(0.5) ? null : c.takenAtMs - r.int(60, 900) * DAY;
    if (kind === "short-history-bot" && r.chance(0.5)) {
      // Whoever set it up signed in once, on the first day.
      const setup = fromMs - r.next() * 6 * HOUR;
      const where = r.pick(c.officeIps);
      const ua = r.pick(BROWSERS);
      pushEvent(c, { time: iso(setup), action: "user_login", actorId: user.accountId, ip: where, userAgent: ua });
      if (user.mfaEnabled !== true && r.chance(0.5)) pushEvent(c, { time: iso(setup + 20_000), action: c.habits.otpAction, actorId: user.accountId, ip: where, userAgent: ua });
      pushEvent(c, { time: iso(setup + 120_000), action: r.pick(UI_ACTIONS), actorId: user.accountId, ip: where, userAgent: ua });
      lastUi = setup + 120_000;
    } else if (kind === "short-history-bot") lastUi = null;
  }
  setUi(c, user, lastUi);
}

function migrated(c: Ctx): void {
  const r = c.r;
  const lp = r.chance(0.5) ? r.pick(BOT_NAMES) : r.pick(PLAIN_BOT_NAMES);
  const user = makeUser(c, "migrated-bot", { first: "", last: "", localPart: lp, synced: false, fullProfile: false, mfa: false, status: "suspended", addedDaysAgo: r.int(200, 1500) });
  user.name = lp;
  const migratedAt = c.takenAtMs - r.int(3, 25) * DAY;
  // The old token was blocked at cutover; its last use is before the migration.
  const token = addToken(c, user, r.pick(BOT_TOKEN_LABELS), r.int(200, 900), migratedAt - r.next() * DAY);
  token.status = "BLOCKED";
  setUi(c, user, r.chance(0.5) ? null : c.takenAtMs - r.int(100, 500) * DAY);
  const planId = r.hex(8);
  const sanitized = user.accountId.replace(/[^A-Za-z0-9_.-]/g, "-");
  const sa = makeServiceAccount(c, user.name, `Migrated from ${user.email ?? user.name} by bot2svc plan ${planId} on ${iso(migratedAt).slice(0, 10)}; marker bot2svc:${planId}:m-${sanitized}`, migratedAt);
  // The service account now does the job, with its own token.
  for (let t = Math.max(migratedAt, c.windowStartMs); t < c.takenAtMs; t += HOUR * r.pick([1, 6, 24])) {
    pushEvent(c, { time: iso(t), action: r.pick(TOKEN_ACTIONS), actorId: sa.accountId, ip: ip(r, CLOUD_PREFIXES), userAgent: "python-requests/2.32.3" });
  }
}

function makeServiceAccount(c: Ctx, displayName: string, description: string, createdMs: number): ServiceAccount {
  const accountId = `712020:${c.r.uuid()}`;
  const sa: ServiceAccount = {
    id: `sa-${c.serviceAccounts.length + 1}`,
    accountId,
    email: `${displayName.toLowerCase().replace(/[^a-z0-9]+/g, "-")}-${c.r.hex(4)}@serviceaccount.atlassian.com`,
    displayName,
    description,
    status: "active",
    createdAt: iso(createdMs),
    productAccess: [],
    groupIds: [],
  };
  c.serviceAccounts.push(sa);
  return sa;
}

/**
 * Generates a labelled org in snapshot-v1 form from a seed. Every parameter that a real org varies
 * (time zone, what the audit log records, OTP action key, schedules, jitter, profiles) is drawn
 * from a wide range, so a rule that only works for one setting shows up in the scores.
 */
export function generateLabelledOrg(options: LabelledOrgOptions): LabelledOrg {
  const r = new Random(options.seed * 7919 + 17);
  const takenAtMs = Date.UTC(2026, 9 + r.int(0, 2), r.int(1, 28), r.int(0, 23), r.int(0, 59));
  const windowDays = r.int(21, 45);
  const habits: SourceHabits = {
    otpAction: r.chance(0.7) ? "user_email_otp_challenge" : r.chance(0.5) ? "email_otp_sent" : "identity_email_otp_issued",
    recordsUserAgents: r.chance(0.6),
    recordsTokenIds: r.chance(0.75),
    tokenAuthType: r.pick(["api-token", "basic", "container-token"]),
    recordsIps: r.chance(0.9),
    profileFields: r.chance(0.9),
    managementSource: r.chance(0.9),
  };
  const cloudId = r.uuid();
  const c: Ctx = {
    r,
    takenAtMs,
    windowStartMs: takenAtMs - windowDays * DAY,
    orgOffset: r.pick([0, 60, 120, -300, -360, -480, 330, 540]),
    habits,
    cloudId,
    users: [],
    tokens: [],
    events: [],
    serviceAccounts: [],
    groups: ["jira-users", "confluence-users", "engineering", "support-team", "site-admins", "automation"].map((name, i) => ({ id: `g-${i + 1}`, name, description: null, managementSource: null })),
    labels: new Map(),
    kinds: new Map(),
    n: 0,
    localParts: new Set(),
    domain: r.pick(["acme.com", "example.org", "globex.io", "initech.net"]),
    officeIps: Array.from({ length: r.int(1, 4) }, () => ip(r, ["62.", "80.", "145.", "193.", "212."])),
  };
  const people = options.people ?? 500;
  const bots = options.bots ?? 40;
  const slots: EvalKind[] = [];
  for (let i = 0; i < people; i++) slots.push(weighted(r, PEOPLE_MIX));
  for (let i = 0; i < bots; i++) slots.push(weighted(r, BOT_MIX));
  r.shuffle(slots);
  for (const kind of slots) {
    if (LABEL_OF[kind] === "human") person(c, kind);
    else bot(c, kind);
  }
  for (let i = 0; i < (options.migrated ?? 3); i++) migrated(c);
  for (let i = 0; i < 2; i++) {
    const sa = makeServiceAccount(c, `svc-${i + 1}`, "Created by hand", takenAtMs - 200 * DAY);
    c.kinds.set(sa.accountId, "service-account");
    c.labels.set(sa.accountId, "service-account");
  }
  const appId = newId(c, "557058:");
  c.users.push({ accountId: appId, accountType: "app", accountStatus: "active", status: "active", name: "Slack", productAccess: [], groupIds: [] });
  c.kinds.set(appId, "app");
  c.labels.set(appId, "app");

  const events = c.events
    .filter((e) => Date.parse(e.time) >= c.windowStartMs && Date.parse(e.time) < takenAtMs)
    .sort((a, b) => (a.time < b.time ? -1 : a.time > b.time ? 1 : 0));
  events.forEach((e, i) => (e.id = `ev-${i + 1}`));
  const snapshot: Snapshot = {
    kind: SNAPSHOT_KIND,
    version: SNAPSHOT_VERSION,
    takenAt: iso(takenAtMs),
    org: { id: r.uuid(), name: `Eval org ${options.seed}`, directoryId: "-", sites: [{ cloudId, url: "https://eval.atlassian.net", products: PRODUCTS }] },
    users: c.users,
    groups: c.groups,
    apiTokens: c.tokens,
    events,
    serviceAccounts: c.serviceAccounts,
    serviceAccountTokens: [],
  };
  return { snapshot, labels: c.labels, kinds: c.kinds };
}
