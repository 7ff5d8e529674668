import { open } from "node:fs/promises";
import {
  SNAPSHOT_KIND,
  SNAPSHOT_VERSION,
  type ApiToken,
  type AuditEvent,
  type Group,
  type ProductAccess,
  type ServiceAccount,
  type ServiceAccountToken,
  type Site,
  type Snapshot,
  type User,
} from "../core/snapshot/schema.js";
import { Random } from "./random.js";
import {
  APPS,
  BEHAVIOUR_BOTS,
  BOT_TOKEN_LABELS,
  BOT_USER_AGENTS,
  BROWSER_USER_AGENTS,
  DATACENTER_PREFIXES,
  DEPARTMENTS,
  FIRST_NAMES,
  HOME_PREFIXES,
  HUMAN_TOKEN_LABELS,
  LAST_NAMES,
  NAMED_BOTS,
  SCRIPT_TOKEN_LABELS,
  SCRIPT_USER_AGENTS,
  SERVICE_ACCOUNT_NAMES,
  SHARED_MAILBOXES,
  TRAP_SURNAMES,
} from "./vocabulary.js";

/** What an account really is: the verdict a perfect detector would give. */
export type GroundTruthLabel = "bot" | "likely-bot" | "human" | "service-account" | "app";

/** Why the account has its label; lets a test or a tuning run look at one family at a time. */
export type AccountKind =
  | "human"
  | "human-otp"
  | "human-token"
  | "trap-surname"
  | "named-bot"
  | "behaviour-bot"
  | "departed"
  | "shared-mailbox"
  | "service-account"
  | "app";

export interface GenerateOrgOptions {
  /** Accounts in `users` (people, bots, apps and service accounts together); at least 20. */
  accounts: number;
  /** PRNG seed; the same options always give the same org. */
  seed: number;
  /** The snapshot's `takenAt`; every event lies in the lookback window before it. */
  takenAt: string;
  /** Average user API tokens per account (default 0.5). */
  tokensPerAccount?: number;
  /** Logins observed per machine-driven account at its cadence, e.g. 48 hourly logins (default 48). */
  machineLogins?: number;
  /** Chance that a person logs in on a given workday (default 0.5). */
  humanLoginRate?: number;
  /** Days of audit log before takenAt (default 30). */
  windowDays?: number;
  /** Organization name (default "Acme"). */
  orgName?: string;
  /** Mail domain of the org's people and bots (default "acme.com"). */
  domain?: string;
}

/** A generated org: the snapshot plus the ground truth for every account in `users`. */
export interface GeneratedOrg {
  snapshot: Snapshot;
  labels: Record<string, GroundTruthLabel>;
  kinds: Record<string, AccountKind>;
}

/** Ground truth without the snapshot, for the streaming path. */
export interface GroundTruth {
  labels: Record<string, GroundTruthLabel>;
  kinds: Record<string, AccountKind>;
  counts: { accounts: number; apiTokens: number; events: number };
}

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const LABEL_OF: Record<AccountKind, GroundTruthLabel> = {
  human: "human",
  "human-otp": "human",
  "human-token": "human",
  "trap-surname": "human",
  "named-bot": "bot",
  "behaviour-bot": "bot",
  // The person is gone and only their script uses the account, but their profile (title and
  // department) is a person's: whether they left or are away, someone who knows must say, so the
  // audit sends it to review with the script's evidence.
  departed: "likely-bot",
  "shared-mailbox": "likely-bot",
  "service-account": "service-account",
  app: "app",
};

/** Logins driven by a script: a fixed cadence around the clock from a few addresses. */
interface MachineSchedule {
  cadenceHours: number;
  firstHour: number;
  lastHour: number;
  minute: number;
  ips: string[];
  userAgent: string;
  tokenId: string | null;
  /** Chance that a run also performs an audited action with its API token. */
  tokenActionRate: number;
  tokenAction: string;
}

/** Logins of a person: business hours, office or home, a browser. */
interface PersonSchedule {
  loginRate: number;
  officeIp: string;
  homeIp: string;
  userAgent: string;
  emailOtp: boolean;
}

interface AccountPlan {
  index: number;
  kind: AccountKind;
  user: User;
  person: PersonSchedule | undefined;
  machine: MachineSchedule | undefined;
}

interface OrgModel {
  options: Required<GenerateOrgOptions>;
  takenAtMs: number;
  windowStartMs: number;
  header: Pick<Snapshot, "kind" | "version" | "takenAt" | "source" | "org">;
  plans: AccountPlan[];
  groups: Group[];
  apiTokens: ApiToken[];
  serviceAccounts: ServiceAccount[];
  serviceAccountTokens: ServiceAccountToken[];
}

/**
 * Generates a realistic org snapshot from a seed: mostly people, plus bots with telling names,
 * bots with harmless names that only their behaviour gives away, departed employees whose account
 * still runs a script, shared mailboxes, apps and existing service accounts. Deterministic: no
 * `Math.random`, no clock. Arrays come out in the order `serializeSnapshot` writes them.
 */
export function generateOrg(options: GenerateOrgOptions): GeneratedOrg {
  const model = buildModel(options);
  const events: AuditEvent[] = [];
  for (const batch of eventBatches(model)) events.push(...batch);
  const snapshot: Snapshot = {
    ...model.header,
    users: model.plans.map((p) => p.user),
    groups: model.groups,
    apiTokens: model.apiTokens,
    events,
    serviceAccounts: model.serviceAccounts,
    serviceAccountTokens: model.serviceAccountTokens,
  };
  return { snapshot, ...groundTruth(model) };
}

/**
 * Yields the text of `serializeSnapshot(generateOrg(options).snapshot)` in pieces, producing
 * events one day at a time, so a 100,000-account org never sits in memory as one object graph
 * or one string.
 */
export function generateOrgText(options: GenerateOrgOptions): Generator<string> {
  return textChunks(buildModel(options), { events: 0 });
}

function* textChunks(model: OrgModel, stats: { events: number }): Generator<string> {
  const { header } = model;
  yield "{\n";
  const head = Object.entries(header).map(([key, value]) => `  ${JSON.stringify(key)}: ${indent(JSON.stringify(value, null, 2), "  ")}`);
  yield head.join(",\n");
  const sections: [string, Iterable<readonly unknown[]>][] = [
    ["users", [model.plans.map((p) => p.user)]],
    ["groups", [model.groups]],
    ["apiTokens", [model.apiTokens]],
    ["events", eventBatches(model)],
    ["serviceAccounts", [model.serviceAccounts]],
    ["serviceAccountTokens", [model.serviceAccountTokens]],
  ];
  for (const [key, batches] of sections) {
    yield `,\n  ${JSON.stringify(key)}: `;
    let first = true;
    for (const batch of batches) {
      if (key === "events") stats.events += batch.length;
      for (const item of batch) {
        yield `${first ? "[\n" : ",\n"}    ${indent(JSON.stringify(item, null, 2), "    ")}`;
        first = false;
      }
    }
    yield first ? "[]" : "\n  ]";
  }
  yield "\n}\n";
}

/**
 * Writes a generated org to `file` through the streaming path and returns its ground truth.
 * Memory stays proportional to the accounts, not to the events.
 */
export async function writeGeneratedOrg(options: GenerateOrgOptions, file: string): Promise<GroundTruth> {
  const model = buildModel(options);
  const handle = await open(file, "w");
  const stats = { events: 0 };
  try {
    // Joining ~1 MB of pieces at a time keeps both the write calls and the string garbage small.
    let pieces: string[] = [];
    let size = 0;
    for (const chunk of textChunks(model, stats)) {
      pieces.push(chunk);
      size += chunk.length;
      if (size >= 1 << 20) {
        await handle.write(pieces.join(""));
        pieces = [];
        size = 0;
      }
    }
    await handle.write(pieces.join(""));
  } finally {
    await handle.close();
  }
  return { ...groundTruth(model), counts: { accounts: model.plans.length, apiTokens: model.apiTokens.length, events: stats.events } };
}

function groundTruth(model: OrgModel): Pick<GroundTruth, "labels" | "kinds"> {
  const labels: Record<string, GroundTruthLabel> = {};
  const kinds: Record<string, AccountKind> = {};
  for (const plan of model.plans) {
    labels[plan.user.accountId] = LABEL_OF[plan.kind];
    kinds[plan.user.accountId] = plan.kind;
  }
  return { labels, kinds };
}

function indent(text: string, pad: string): string {
  return text.replaceAll("\n", `\n${pad}`);
}

const iso = (ms: number): string => new Date(ms).toISOString();
const byString = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Builds everything except the events, which are produced day by day from the plans. */
function buildModel(input: GenerateOrgOptions): OrgModel {
  const options: Required<GenerateOrgOptions> = {
    tokensPerAccount: 0.5,
    machineLogins: 48,
    humanLoginRate: 0.5,
    windowDays: 30,
    orgName: "Acme",
    domain: "acme.com",
    ...input,
  };
  if (!Number.isInteger(options.accounts) || options.accounts < 20) throw new RangeError("generateOrg needs at least 20 accounts");
  const takenAtMs = Date.parse(options.takenAt);
  if (Number.isNaN(takenAtMs)) throw new RangeError(`takenAt is not a timestamp: ${options.takenAt}`);
  const seed = options.seed >>> 0;
  const rng = Random.keyed(seed, 1);
  const slug = options.orgName.toLowerCase().replace(/[^a-z0-9]+/g, "-");

  const sites: Site[] = [{ cloudId: rng.uuid(), url: `https://${slug}.atlassian.net`, products: ["jira-software", "confluence"] }];
  if (options.accounts >= 50) sites.push({ cloudId: rng.uuid(), url: `https://${slug}-labs.atlassian.net`, products: ["jira-software"] });
  const header: OrgModel["header"] = {
    kind: SNAPSHOT_KIND,
    version: SNAPSHOT_VERSION,
    takenAt: iso(takenAtMs),
    source: { provider: "demo-generator" },
    org: { id: rng.uuid(), name: options.orgName, directoryId: "-", serviceAccountQuota: 250, sites },
  };
  const groups = buildGroups();
  const officeIps = [`203.0.113.${rng.int(2, 250)}`, `198.51.100.${rng.int(2, 250)}`];
  const buildServerIp = `203.0.113.${rng.int(2, 250)}`;

  const kinds = assignKinds(options, rng);
  const ctx: PlanContext = {
    options,
    seed,
    takenAtMs,
    windowStartMs: takenAtMs - options.windowDays * DAY,
    sites,
    groups,
    officeIps,
    buildServerIp,
    usedEmails: new Map(),
    emailSet: new Set(),
    usedIds: new Set(),
    ordinals: new Map(),
    apiTokens: [],
    serviceAccounts: [],
    serviceAccountTokens: [],
  };
  const plans = kinds.map((kind, index) => planAccount(ctx, kind, index));
  plans.sort((a, b) => byString(a.user.accountId, b.user.accountId));
  ctx.apiTokens.sort((a, b) => byString(`${a.accountId} ${a.id}`, `${b.accountId} ${b.id}`));
  ctx.serviceAccounts.sort((a, b) => byString(a.id, b.id));
  ctx.serviceAccountTokens.sort((a, b) => byString(`${a.serviceAccountId} ${a.id}`, `${b.serviceAccountId} ${b.id}`));
  return {
    options,
    takenAtMs,
    windowStartMs: ctx.windowStartMs,
    header,
    plans,
    groups: [...groups].sort((a, b) => byString(a.id, b.id)),
    apiTokens: ctx.apiTokens,
    serviceAccounts: ctx.serviceAccounts,
    serviceAccountTokens: ctx.serviceAccountTokens,
  };
}

function buildGroups(): Group[] {
  const groups: Group[] = [
    { id: "g-jira-software-users", name: "jira-software-users", description: "Default group for Jira Software access", managementSource: null },
    { id: "g-confluence-users", name: "confluence-users", description: "Default group for Confluence access", managementSource: null },
    { id: "g-site-admins", name: "site-admins", description: "Site administrators", managementSource: null },
    { id: "g-jira-admins", name: "jira-admins", description: "Jira administrators", managementSource: null },
    { id: "g-automation", name: "automation", description: "CI and integrations", managementSource: null },
    { id: "g-ci", name: "ci-runners", description: "Build and deployment pipelines", managementSource: null },
    { id: "g-integrations", name: "integrations", description: "Connected third-party systems", managementSource: null },
    { id: "g-release-managers", name: "release-managers", description: "Can release versions", managementSource: null },
    { id: "g-project-leads", name: "project-leads", description: null, managementSource: null },
    { id: "g-contractors", name: "contractors", description: "External contractors", managementSource: "invited" },
    { id: "g-all-staff", name: "all-staff", description: "Everyone, synced from the identity provider", managementSource: "synced" },
  ];
  for (const dept of DEPARTMENTS) {
    groups.push({ id: `g-dept-${dept.slug}`, name: `dept-${dept.slug}`, description: `${dept.name}, synced from the identity provider`, managementSource: "synced" });
  }
  return groups;
}

/** Decides how many accounts of each kind there are, then shuffles them into creation order. */
function assignKinds(options: Required<GenerateOrgOptions>, rng: Random): AccountKind[] {
  const n = options.accounts;
  const fixed: [AccountKind, number][] = [
    ["app", Math.max(1, Math.round(n * 0.03))],
    ["service-account", Math.max(1, Math.round(n * 0.02))],
    ["named-bot", Math.max(2, Math.round(n * 0.08))],
    ["behaviour-bot", Math.max(1, Math.round(n * 0.04))],
    ["departed", Math.max(1, Math.round(n * 0.03))],
    ["shared-mailbox", Math.max(1, Math.round(n * 0.015))],
  ];
  const machineTokens = fixed.reduce((sum, [kind, count]) => sum + count * (EXPECTED_TOKENS[kind] ?? 0), 0);
  const humans = n - fixed.reduce((sum, [, count]) => sum + count, 0);
  const trap = Math.max(4, Math.round(humans * 0.03));
  const otp = Math.max(2, Math.round(humans * 0.1));
  const tokenBudget = Math.max(0, options.tokensPerAccount * n - machineTokens - trap * 0.5);
  const withToken = Math.min(humans - trap - otp, Math.round(tokenBudget));
  const all: [AccountKind, number][] = [
    ...fixed,
    ["trap-surname", trap],
    ["human-otp", otp],
    ["human-token", withToken],
    ["human", humans - trap - otp - withToken],
  ];
  const kinds: AccountKind[] = [];
  for (const [kind, count] of all) for (let i = 0; i < count; i++) kinds.push(kind);
  return rng.shuffle(kinds);
}

// Average tokens per account of each machine-driven kind (see planAccount).
const EXPECTED_TOKENS: Partial<Record<AccountKind, number>> = { "named-bot": 2, "behaviour-bot": 1.5, departed: 1.5, "shared-mailbox": 1 };

interface PlanContext {
  options: Required<GenerateOrgOptions>;
  seed: number;
  takenAtMs: number;
  windowStartMs: number;
  sites: Site[];
  groups: Group[];
  officeIps: string[];
  buildServerIp: string;
  /** Next number to try per mailbox local part. */
  usedEmails: Map<string, number>;
  emailSet: Set<string>;
  usedIds: Set<string>;
  ordinals: Map<AccountKind, number>;
  apiTokens: ApiToken[];
  serviceAccounts: ServiceAccount[];
  serviceAccountTokens: ServiceAccountToken[];
}

function planAccount(ctx: PlanContext, kind: AccountKind, index: number): AccountPlan {
  const rng = Random.keyed(ctx.seed, 2, index);
  const ordinal = ctx.ordinals.get(kind) ?? 0;
  ctx.ordinals.set(kind, ordinal + 1);
  switch (kind) {
    case "human":
    case "human-otp":
    case "human-token":
    case "trap-surname":
      return planPerson(ctx, kind, index, ordinal, rng);
    case "named-bot":
    case "behaviour-bot":
    case "shared-mailbox":
      return planBot(ctx, kind, index, ordinal, rng);
    case "departed":
      return planDeparted(ctx, index, rng);
    case "service-account":
      return planServiceAccount(ctx, index, ordinal, rng);
    case "app":
      return planApp(ctx, index, ordinal, rng);
  }
}

/** A Mongo-style object id (how classic Atlassian account ids look): creation second + random. */
function objectId(ctx: PlanContext, createdMs: number, rng: Random): string {
  for (;;) {
    const id = Math.floor(createdMs / 1000).toString(16).padStart(8, "0") + rng.hex(16);
    if (!ctx.usedIds.has(id)) {
      ctx.usedIds.add(id);
      return id;
    }
  }
}

function uniqueEmail(ctx: PlanContext, local: string): string {
  const domain = ctx.options.domain;
  let n = ctx.usedEmails.get(local) ?? 1;
  let candidate = n === 1 ? `${local}@${domain}` : `${local}${n}@${domain}`;
  // A numbered address can collide with a name that already ends in a digit, so keep counting.
  while (ctx.emailSet.has(candidate)) candidate = `${local}${++n}@${domain}`;
  ctx.usedEmails.set(local, n + 1);
  ctx.emailSet.add(candidate);
  return candidate;
}

/** Picks an identity from a list; past the end of the list, numbered variants ("Jenkins CI 2"). */
function nthIdentity(list: readonly { name: string; local: string }[], ordinal: number): { name: string; local: string } {
  const base = list[ordinal % list.length] ?? { name: "Bot", local: "bot" };
  const round = Math.floor(ordinal / list.length);
  return round === 0 ? base : { name: `${base.name} ${round + 1}`, local: `${base.local}-${round + 1}` };
}

function nth<T>(list: readonly T[], ordinal: number): string {
  const base = String(list[ordinal % list.length]);
  const round = Math.floor(ordinal / list.length);
  return round === 0 ? base : `${base} ${round + 1}`;
}

/** A weekday business-hours instant within the last `maxDays` days (the UI is used at work). */
function recentWorkTime(ctx: PlanContext, rng: Random, minDays: number, maxDays: number): number {
  for (;;) {
    const dayStart = Math.floor((ctx.takenAtMs - rng.int(minDays, maxDays) * DAY) / DAY) * DAY;
    const weekday = new Date(dayStart).getUTCDay();
    const time = dayStart + rng.int(7 * 3600, 18 * 3600) * 1000;
    if (weekday !== 0 && weekday !== 6 && time < ctx.takenAtMs) return time;
  }
}

function siteAccess(ctx: PlanContext, rng: Random, lastActive: () => string | null, confluenceChance: number): ProductAccess[] {
  const access: ProductAccess[] = [];
  const [main, labs] = ctx.sites;
  if (main) {
    access.push({ key: "jira-software", id: `ari:cloud:jira::site/${main.cloudId}`, role: "ari:cloud:jira-software::role/product/member", lastActiveTimestamp: lastActive() });
    if (rng.chance(confluenceChance)) {
      access.push({ key: "confluence", id: `ari:cloud:confluence::site/${main.cloudId}`, role: "ari:cloud:confluence::role/product/member", lastActiveTimestamp: lastActive() });
    }
  }
  if (labs && rng.chance(0.1)) {
    access.push({ key: "jira-software", id: `ari:cloud:jira::site/${labs.cloudId}`, role: "ari:cloud:jira-software::role/product/member", lastActiveTimestamp: lastActive() });
  }
  return access.sort((a, b) => byString(`${a.key} ${a.id}`, `${b.key} ${b.id}`));
}

function productGroups(access: readonly ProductAccess[]): string[] {
  const groups = ["g-jira-software-users"];
  if (access.some((a) => a.key === "confluence")) groups.push("g-confluence-users");
  return groups;
}

function randomIp(rng: Random, prefixes: readonly string[]): string {
  return `${rng.pick(prefixes)}.${rng.int(1, 254)}.${rng.int(0, 255)}.${rng.int(1, 254)}`;
}

function addToken(ctx: PlanContext, rng: Random, accountId: string, index: number, k: number, spec: { label: string; lastActiveMs: number | null; expiringSoon?: boolean }): ApiToken {
  const createdDaysAgo = spec.expiringSoon ? rng.int(337, 362) : rng.int(5, 330);
  const createdMs = ctx.takenAtMs - createdDaysAgo * DAY - rng.int(0, 86_399) * 1000;
  // Tokens created before Atlassian capped token lifetimes have no recorded expiry.
  const expiresAt = !spec.expiringSoon && rng.chance(0.15) ? null : iso(createdMs + 365 * DAY);
  const lastActive = spec.lastActiveMs === null ? null : Math.max(spec.lastActiveMs, createdMs + HOUR);
  const token: ApiToken = {
    id: `tok-${String(index).padStart(6, "0")}-${k}`,
    accountId,
    label: spec.label,
    status: "ALLOWED",
    createdAt: iso(createdMs),
    expiresAt,
    lastActiveAt: lastActive === null ? null : iso(Math.min(lastActive, ctx.takenAtMs - 1000)),
  };
  ctx.apiTokens.push(token);
  return token;
}

function planPerson(ctx: PlanContext, kind: AccountKind, index: number, ordinal: number, rng: Random): AccountPlan {
  const first = rng.pick(FIRST_NAMES);
  // The first trap accounts go through the list in order, so small orgs still get Jenkins and Abbot.
  const last = kind === "trap-surname" ? (TRAP_SURNAMES[ordinal % TRAP_SURNAMES.length] ?? "Jenkins") : rng.pick(LAST_NAMES);
  const email = uniqueEmail(ctx, `${first}.${last}`.toLowerCase().replace(/[^a-z.]/g, ""));
  const dept = rng.pick(DEPARTMENTS);
  const addedMs = ctx.takenAtMs - rng.int(14, 8 * 365) * DAY - rng.int(0, 86_399) * 1000;
  const accountId = objectId(ctx, addedMs, rng);
  // A few people are on leave: no recent UI activity and no logins, but nothing automated either.
  const idle = kind === "human" && rng.chance(0.05);
  const lastActive = (): string => iso(idle ? recentWorkTime(ctx, rng, 40, 120) : recentWorkTime(ctx, rng, 0, 4));
  const access = siteAccess(ctx, rng, lastActive, 0.8);
  const synced = kind !== "human-otp" && rng.chance(0.6);
  const groupIds = productGroups(access);
  if (synced) groupIds.push("g-all-staff", `g-dept-${dept.slug}`);
  else groupIds.push("g-contractors");
  const siteAdmin = dept.slug === "it" && rng.chance(0.25);
  if (siteAdmin) groupIds.push("g-site-admins");
  if (dept.slug === "engineering" && rng.chance(0.3)) groupIds.push("g-release-managers");
  if (dept.slug === "product" && rng.chance(0.4)) groupIds.push("g-project-leads");
  const user: User = {
    accountId,
    accountType: "atlassian",
    accountStatus: "active",
    status: "active",
    name: `${first} ${last}`,
    nickname: first,
    email,
    emailVerified: true,
    mfaEnabled: kind === "human-otp" ? false : rng.chance(0.55),
    claimStatus: "managed",
    managementSource: synced ? "synced" : "invited",
    jobTitle: rng.pick(dept.titles),
    department: dept.name,
    picture: rng.chance(0.7) ? `https://avatar-management--avatars.us-west-2.prod.public.atl-paas.net/${accountId}/${rng.uuid()}/128` : null,
    addedToOrg: iso(addedMs),
    platformRoles: siteAdmin ? ["site-admin"] : [],
    productAccess: access,
    groupIds: groupIds.sort(),
  };
  // Developers (and half of the trap-surname people) run a personal token from their laptop now and then.
  if (kind === "human-token" || (kind === "trap-surname" && rng.chance(0.5))) {
    const used = rng.chance(0.85) ? recentWorkTime(ctx, rng, 0, 20) : null;
    addToken(ctx, rng, accountId, index, 1, { label: rng.pick(HUMAN_TOKEN_LABELS), lastActiveMs: used });
  }
  return {
    index,
    kind,
    user,
    machine: undefined,
    person: {
      loginRate: idle ? 0 : ctx.options.humanLoginRate,
      officeIp: rng.pick(ctx.officeIps),
      homeIp: randomIp(rng, HOME_PREFIXES),
      userAgent: rng.pick(BROWSER_USER_AGENTS),
      emailOtp: kind === "human-otp",
    },
  };
}

/** A script's schedule ending at the last run before takenAt, `machineLogins` runs long. */
function machineSchedule(
  ctx: PlanContext,
  rng: Random,
  spec: { cadenceHours: number; phaseHour: number; ips: string[]; userAgent: string; tokenActionRate: number; tokenAction: string },
): MachineSchedule {
  const cadence = spec.cadenceHours;
  const lastFullHour = Math.floor(ctx.takenAtMs / HOUR) - 1;
  const phase = ((spec.phaseHour % cadence) + cadence) % cadence;
  const lastHour = lastFullHour - ((((lastFullHour - phase) % cadence) + cadence) % cadence);
  const windowStartHour = Math.ceil(ctx.windowStartMs / HOUR);
  let firstHour = lastHour - (ctx.options.machineLogins - 1) * cadence;
  while (firstHour < windowStartHour) firstHour += cadence;
  return {
    cadenceHours: cadence,
    firstHour,
    lastHour,
    minute: rng.int(0, 55),
    ips: spec.ips,
    userAgent: spec.userAgent,
    tokenId: null,
    tokenActionRate: spec.tokenActionRate,
    tokenAction: spec.tokenAction,
  };
}

/** When the run in `hour` logged in; jitter comes from its own stream so it never shifts. */
function runTime(ctx: PlanContext | OrgModel, plan: { index: number; machine: MachineSchedule }, hour: number): { ms: number; rng: Random } {
  const rng = Random.keyed(ctx.options.seed >>> 0, 3, plan.index, hour);
  return { ms: hour * HOUR + plan.machine.minute * 60_000 + rng.int(0, 45) * 1000, rng };
}

function planBot(ctx: PlanContext, kind: "named-bot" | "behaviour-bot" | "shared-mailbox", index: number, ordinal: number, rng: Random): AccountPlan {
  const identity = nthIdentity(kind === "named-bot" ? NAMED_BOTS : kind === "behaviour-bot" ? BEHAVIOUR_BOTS : SHARED_MAILBOXES, ordinal);
  const email = uniqueEmail(ctx, identity.local);
  const addedMs = ctx.takenAtMs - rng.int(200, 6 * 365) * DAY - rng.int(0, 86_399) * 1000;
  const accountId = objectId(ctx, addedMs, rng);
  const shared = kind === "shared-mailbox";
  // Bots were set up once in the UI, long ago, or never used it at all.
  const uiTime = shared ? null : rng.chance(0.6) ? null : recentWorkTime(ctx, rng, 90, 400);
  const lastActive = (): string | null => (shared ? iso(recentWorkTime(ctx, rng, 0, 10)) : uiTime === null ? null : iso(uiTime));
  const access = siteAccess(ctx, rng, lastActive, 0.5);
  const orgAdmin = kind === "named-bot" && ordinal % 8 === 2;
  const manyGroups = kind === "named-bot" && ordinal % 5 === 3;
  let groupIds = productGroups(access);
  if (kind === "named-bot") groupIds.push(identity.local.startsWith("integration") ? "g-integrations" : "g-automation", "g-ci");
  if (orgAdmin) groupIds.push("g-site-admins", "g-jira-admins");
  if (manyGroups) groupIds.push(...rng.sample(ctx.groups.map((g) => g.id), rng.int(8, 12)));
  groupIds = [...new Set(groupIds)].sort();
  const user: User = {
    accountId,
    accountType: "atlassian",
    accountStatus: "active",
    status: "active",
    name: identity.name,
    nickname: identity.local,
    email,
    emailVerified: true,
    mfaEnabled: false,
    claimStatus: "managed",
    managementSource: shared ? null : "invited",
    jobTitle: null,
    department: null,
    picture: null,
    addedToOrg: iso(addedMs),
    platformRoles: orgAdmin ? ["org-admin"] : [],
    productAccess: access,
    groupIds,
  };
  const dc = randomIp(rng, DATACENTER_PREFIXES);
  const ips = rng.chance(0.4) ? [dc, randomIp(rng, DATACENTER_PREFIXES)] : [dc];
  const cadenceHours = kind === "named-bot" ? (rng.chance(0.8) ? 1 : 2) : kind === "behaviour-bot" ? rng.pick([1, 1, 2, 4, 24]) : 24;
  const plan: AccountPlan & { machine: MachineSchedule } = {
    index,
    kind,
    user,
    person: shared
      ? { loginRate: 0.6, officeIp: rng.pick(ctx.officeIps), homeIp: randomIp(rng, HOME_PREFIXES), userAgent: rng.pick(BROWSER_USER_AGENTS), emailOtp: false }
      : undefined,
    machine: machineSchedule(ctx, rng, {
      cadenceHours,
      phaseHour: rng.int(0, 23),
      ips: shared ? [ctx.buildServerIp] : ips,
      userAgent: rng.pick(shared ? SCRIPT_USER_AGENTS : BOT_USER_AGENTS),
      tokenActionRate: kind === "named-bot" ? 0.15 : 0.05,
      tokenAction: orgAdmin ? "user_added_to_group" : "issue_updated",
    }),
  };
  const tokenCount = kind === "named-bot" ? rng.int(1, 3) : kind === "behaviour-bot" ? rng.int(1, 2) : 1;
  const lastRun = runTime(ctx, plan, plan.machine.lastHour).ms;
  const labels = shared ? SCRIPT_TOKEN_LABELS : BOT_TOKEN_LABELS;
  for (let k = 1; k <= tokenCount; k++) {
    const token = addToken(ctx, rng, accountId, index, k, {
      label: `${identity.local}-${rng.pick(labels)}${k > 1 ? `-${k}` : ""}`,
      lastActiveMs: k === 1 ? lastRun : rng.chance(0.5) ? ctx.takenAtMs - rng.int(20 * 24, 200 * 24) * HOUR - rng.int(0, 3599) * 1000 : null,
      expiringSoon: k === 1 && ordinal % 4 === 1,
    });
    if (k === 1) plan.machine.tokenId = token.id;
  }
  return plan;
}

function planDeparted(ctx: PlanContext, index: number, rng: Random): AccountPlan {
  const first = rng.pick(FIRST_NAMES);
  const last = rng.pick(LAST_NAMES);
  const email = uniqueEmail(ctx, `${first}.${last}`.toLowerCase().replace(/[^a-z.]/g, ""));
  const dept = rng.pick(DEPARTMENTS.filter((d) => ["engineering", "data", "finance", "operations"].includes(d.slug)));
  const addedMs = ctx.takenAtMs - rng.int(400, 7 * 365) * DAY - rng.int(0, 86_399) * 1000;
  const accountId = objectId(ctx, addedMs, rng);
  const uiTime = recentWorkTime(ctx, rng, 150, 300);
  const access = siteAccess(ctx, rng, () => iso(uiTime), 0.7);
  const user: User = {
    accountId,
    accountType: "atlassian",
    accountStatus: "active",
    status: "active",
    name: `${first} ${last}`,
    nickname: first,
    email,
    emailVerified: true,
    mfaEnabled: false,
    claimStatus: "managed",
    // The IdP no longer knows them, so the account is no longer synced (and was never deprovisioned).
    managementSource: "invited",
    jobTitle: rng.pick(dept.titles),
    department: dept.name,
    picture: rng.chance(0.5) ? `https://avatar-management--avatars.us-west-2.prod.public.atl-paas.net/${accountId}/${rng.uuid()}/128` : null,
    addedToOrg: iso(addedMs),
    platformRoles: [],
    productAccess: access,
    groupIds: [...productGroups(access), "g-contractors"].sort(),
  };
  const plan: AccountPlan & { machine: MachineSchedule } = {
    index,
    kind: "departed",
    user,
    person: undefined,
    machine: machineSchedule(ctx, rng, {
      cadenceHours: rng.chance(0.7) ? 24 : 6,
      phaseHour: rng.int(1, 5),
      ips: [rng.chance(0.5) ? ctx.buildServerIp : randomIp(rng, DATACENTER_PREFIXES)],
      userAgent: rng.pick(SCRIPT_USER_AGENTS),
      tokenActionRate: 0.3,
      tokenAction: "issue_updated",
    }),
  };
  const lastRun = runTime(ctx, plan, plan.machine.lastHour).ms;
  const tokenCount = rng.int(1, 2);
  for (let k = 1; k <= tokenCount; k++) {
    const token = addToken(ctx, rng, accountId, index, k, {
      label: `${rng.pick(SCRIPT_TOKEN_LABELS)}${k > 1 ? `-${k}` : ""}`,
      lastActiveMs: k === 1 ? lastRun : null,
      expiringSoon: k === 1 && rng.chance(0.3),
    });
    if (k === 1) plan.machine.tokenId = token.id;
  }
  return plan;
}

function planServiceAccount(ctx: PlanContext, index: number, ordinal: number, rng: Random): AccountPlan {
  const name = nth(SERVICE_ACCOUNT_NAMES, ordinal);
  const local = `${name.toLowerCase().replace(/[^a-z0-9]+/g, "-")}-${rng.hex(4)}`;
  const accountId = `712020:${rng.uuid()}`;
  const createdMs = recentWorkTime(ctx, rng, 10, 200);
  const access = siteAccess(ctx, rng, () => null, 0.5);
  const groupIds = ["g-automation"];
  const user: User = {
    accountId,
    accountType: "service",
    accountStatus: "active",
    status: "active",
    name,
    email: `${local}@serviceaccount.atlassian.com`,
    emailVerified: true,
    mfaEnabled: null,
    claimStatus: "managed",
    managementSource: null,
    addedToOrg: iso(createdMs),
    platformRoles: [],
    productAccess: access,
    groupIds,
  };
  const saId = `sa-${rng.hex(12)}`;
  ctx.serviceAccounts.push({
    id: saId,
    accountId,
    email: `${local}@serviceaccount.atlassian.com`,
    displayName: name,
    description: `${name} for pipelines`,
    status: "active",
    createdAt: iso(createdMs),
    productAccess: access.map(({ key, id, role }) => ({ key, id, ...(role === undefined ? {} : { role }) })),
    groupIds,
  });
  const tokenCount = rng.int(0, 2);
  for (let k = 1; k <= tokenCount; k++) {
    const tokenCreated = createdMs + rng.int(0, 5) * DAY;
    ctx.serviceAccountTokens.push({
      id: `satok-${String(index).padStart(6, "0")}-${k}`,
      serviceAccountId: saId,
      label: `${local}-${k}`,
      createdAt: iso(tokenCreated),
      expiresAt: iso(tokenCreated + 365 * DAY),
      scopes: rng.chance(0.5) ? ["read:jira-work", "write:jira-work"] : ["read:confluence-content.all"],
    });
  }
  return { index, kind: "service-account", user, person: undefined, machine: undefined };
}

function planApp(ctx: PlanContext, index: number, ordinal: number, rng: Random): AccountPlan {
  const user: User = {
    accountId: `557058:${rng.uuid()}`,
    accountType: "app",
    accountStatus: "active",
    status: "active",
    name: nth(APPS, ordinal),
    platformRoles: [],
    productAccess: [],
    groupIds: [],
  };
  return { index, kind: "app", user, person: undefined, machine: undefined };
}

/** An audit event before it gets its id (ids are numbered after each day is sorted). */
interface EventBody {
  time: string;
  action: string;
  actorId: string;
  ip: string;
  userAgent: string;
  authType?: string;
  tokenId?: string;
}

/** Audit events, one UTC day per batch, oldest first, with ids numbered in that order. */
function* eventBatches(model: OrgModel): Generator<AuditEvent[]> {
  const { takenAtMs, windowStartMs } = model;
  const seed = model.options.seed >>> 0;
  let counter = 0;
  for (let day = Math.floor(windowStartMs / DAY); day * DAY < takenAtMs; day++) {
    const dayStart = day * DAY;
    const weekday = new Date(dayStart).getUTCDay();
    const weekend = weekday === 0 || weekday === 6;
    const batch: { order: number; event: EventBody }[] = [];
    const push = (event: EventBody): void => {
      const ms = Date.parse(event.time);
      if (ms >= windowStartMs && ms < takenAtMs) batch.push({ order: batch.length, event });
    };
    for (const plan of model.plans) {
      const actorId = plan.user.accountId;
      if (plan.person && plan.person.loginRate > 0) {
        const person = plan.person;
        const rng = Random.keyed(seed, 4, plan.index, day);
        if (rng.chance(weekend ? person.loginRate * 0.1 : person.loginRate)) {
          const at = dayStart + rng.int(7 * 3600, 17 * 3600 + 3599) * 1000;
          const ip = rng.chance(0.6) ? person.officeIp : person.homeIp;
          push({ time: iso(at), action: "user_login", actorId, ip, userAgent: person.userAgent });
          if (person.emailOtp) push({ time: iso(at + rng.int(5, 40) * 1000), action: "email_otp_sent", actorId, ip, userAgent: person.userAgent });
        }
      }
      if (plan.machine) {
        const machine = plan.machine;
        const dayHour = day * 24;
        let hour = machine.firstHour + Math.max(0, Math.ceil((dayHour - machine.firstHour) / machine.cadenceHours)) * machine.cadenceHours;
        for (; hour < dayHour + 24 && hour <= machine.lastHour; hour += machine.cadenceHours) {
          const run = runTime(model, { index: plan.index, machine }, hour);
          const ip = machine.ips[run.rng.int(0, machine.ips.length - 1)] ?? "0.0.0.0";
          push({ time: iso(run.ms), action: "user_login", actorId, ip, userAgent: machine.userAgent });
          push({ time: iso(run.ms + run.rng.int(2, 9) * 1000), action: "email_otp_sent", actorId, ip, userAgent: machine.userAgent });
          if (machine.tokenId !== null && run.rng.chance(machine.tokenActionRate)) {
            push({
              time: iso(run.ms + run.rng.int(15, 60) * 1000),
              action: machine.tokenAction,
              actorId,
              ip,
              userAgent: machine.userAgent,
              authType: "api-token",
              tokenId: machine.tokenId,
            });
          }
        }
      }
    }
    batch.sort((a, b) => byString(a.event.time, b.event.time) || a.order - b.order);
    yield batch.map(({ event }): AuditEvent => ({ id: `ev-${String(++counter).padStart(8, "0")}`, ...event }));
  }
}
