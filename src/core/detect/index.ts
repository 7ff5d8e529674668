import type { ServiceAccount, Snapshot, User } from "../snapshot/schema.js";
import type { DetectionConfig, ListEntry } from "./config.js";
import { buildAccountTable, compileMatchers } from "./features.js";
import { lookup, prepareList, unusedEntryWarnings, type ActiveList } from "./lists.js";
import { adminGroupIds, isAdmin, RULE_FAMILY, RULES, type RuleContext, type RuleDefinition, type SignalFamily } from "./rules.js";
import {
  AUDIT_REPORT_KIND,
  AUDIT_REPORT_VERSION,
  VERDICT_ORDER,
  type AuditReport,
  type AuditSummary,
  type Confidence,
  type Finding,
  type Recommendation,
  type Risk,
  type Signal,
  type Verdict,
} from "./types.js";

export { RULES, type RuleContext, type RuleDefinition, type SignalFamily } from "./rules.js";
export { RULE_IDS, type RuleId } from "./rule-ids.js";

export interface AuditOptions {
  detection: DetectionConfig;
  allowlist: ListEntry[];
  denylist: ListEntry[];
  /** Reference time for every time-based rule; defaults to the snapshot's takenAt. */
  now?: Date;
  /** Keep every account in findings, not only non-humans and humans to enable 2SV for. */
  includeHumans?: boolean;
  /** Wall-clock stamp for `generatedAt`. */
  generatedAt: Date;
}

/** Risk levels from lowest to highest, for stepping up by amplifiers. */
const RISK_LEVELS: readonly Risk[] = ["low", "medium", "high", "critical"];

/** How many risk levels each amplifier adds. */
const AMPLIFIER_STEPS: Readonly<Record<string, number>> = {
  "admin-role": 2,
  "admin-group": 1,
  "many-groups": 1,
  "token-expiring": 1,
};

/** An account scored in the first pass and kept for the report. */
interface Judged {
  slot: number;
  score: number;
  verdict: Verdict;
  listed: Finding["listed"];
  recommendation: Recommendation;
}

interface ActiveRule {
  rule: RuleDefinition;
  weight: number;
}

/**
 * Classifies every account of a snapshot. Pure: same snapshot and options, same report; every
 * time-based rule is judged against `options.now ?? snapshot.takenAt`, never the wall clock.
 *
 * Runs in time proportional to the snapshot's size: lookups are built once, each account is
 * scored without writing any text, and evidence sentences are written only for accounts that
 * appear in the report.
 */
export function auditSnapshot(snapshot: Snapshot, options: AuditOptions): AuditReport {
  const referenceTime = options.now ?? new Date(snapshot.takenAt);
  const referenceMs = referenceTime.getTime();
  const config = options.detection;
  const disabled = new Set<string>(config.disabledRules);
  const rules: ActiveRule[] = RULES.filter((rule) => !disabled.has(rule.id)).map((rule) => ({
    rule,
    weight: config.weights[rule.id] ?? rule.defaultWeight,
  }));
  const matchers = compileMatchers(config);
  const table = buildAccountTable(snapshot, matchers, config, referenceMs);
  const groupsById = new Map(snapshot.groups.map((group) => [group.id, group]));
  const ctx: RuleContext = {
    t: config.thresholds,
    matchers,
    referenceMs,
    groupsById,
    adminGroupIds: adminGroupIds(snapshot.groups),
  };
  const warnings: string[] = [];
  const allow = prepareList("allow", options.allowlist, referenceMs, warnings);
  const deny = prepareList("deny", options.denylist, referenceMs, warnings);
  const listsInUse = allow.byAccountId.size + allow.byEmail.size + deny.byAccountId.size + deny.byEmail.size > 0;
  const { botScore, likelyBotScore } = config.thresholds;
  const reviewWhileUiActive = config.reviewWhileUiActive;

  const summary: AuditSummary = { accounts: 0, bot: 0, likelyBot: 0, human: 0, serviceAccount: 0, app: 0, enable2sv: 0 };
  // First pass: score every account without writing a word, and remember the ones to report.
  const reported: Judged[] = [];
  const ruleCount = rules.length;
  const users = snapshot.users;
  for (let slot = 0; slot < users.length; slot++) {
    const user = users[slot] as User;
    const f = table.features(slot);
    let raw = 0;
    for (let i = 0; i < ruleCount; i++) {
      const active = rules[i] as ActiveRule;
      const factor = active.rule.score(f, ctx);
      if (factor !== null) raw += signalWeight(factor, active.weight);
    }
    const score = Math.round(raw * 10) / 10;

    let verdict: Verdict;
    let listed: Finding["listed"];
    if (user.accountType === "service" || table.isServiceAccount(slot)) {
      verdict = "service-account";
    } else if (user.accountType === "app") {
      verdict = "app";
    } else {
      listed = listsInUse ? listEntries(user, allow, deny, warnings) : undefined;
      verdict = listed !== undefined ? (listed.list === "deny" ? "bot" : "human") : score >= botScore ? "bot" : score >= likelyBotScore ? "likely-bot" : "human";
      if (verdict === "bot" && listed === undefined && reviewWhileUiActive && f.recentUiProductCount > 0) verdict = "likely-bot";
    }
    const recommendation = recommend(verdict, user, f.otpCount, listed);
    count(summary, verdict, recommendation);
    if (options.includeHumans || verdict !== "human" || recommendation === "enable-2sv") {
      reported.push({ slot, score, verdict, listed, recommendation });
    }
  }

  // Second pass: write the evidence, only for the accounts in the report.
  const findings: Finding[] = [];
  for (let r = 0; r < reported.length; r++) {
    const { slot, score, verdict, listed, recommendation } = reported[r] as Judged;
    const user = users[slot] as User;
    const f = table.features(slot, true);
    const signals: Signal[] = [];
    // Scoring again is cheaper than keeping every account's weights from the first pass, and
    // gives the same numbers: rules are pure functions of the features.
    for (let i = 0; i < ruleCount; i++) {
      const { rule, weight } = rules[i] as ActiveRule;
      const factor = rule.score(f, ctx);
      if (factor === null) continue;
      signals.push({ id: rule.id, weight: signalWeight(factor, weight), evidence: flatten(rule.explain(f, ctx)) });
    }
    if (verdict === "service-account") {
      signals.push({ id: "account-type", weight: 0, evidence: user.accountType === "service" ? "Account type is service." : "Account is one of the org's service accounts." });
    } else if (verdict === "app") {
      signals.push({ id: "account-type", weight: 0, evidence: "Account type is app." });
    } else if (verdict === "likely-bot" && listed === undefined && score >= config.thresholds.botScore) {
      signals.push({
        id: "ui-in-use",
        weight: 0,
        evidence: `Scores ${score}, at or above the bot threshold ${config.thresholds.botScore}, but people used the UI within ${config.thresholds.staleUiDays} days: review it rather than migrate it, or they lose the account.`,
      });
    }
    const finding: Finding = {
      accountId: user.accountId,
      name: user.name,
      email: user.email ?? null,
      verdict,
      score,
      confidence: listed !== undefined ? "high" : confidence(verdict, score, signals, config),
      risk: risk(verdict, recommendation, signals),
      recommendation,
      signals: sortSignals(signals),
      isAdmin: isAdmin(user.platformRoles),
    };
    if (listed !== undefined) finding.listed = listed;
    findings.push(finding);
  }

  const credentials = credentialIndex(snapshot);
  for (const sa of snapshot.serviceAccounts) {
    if (table.slotOf.has(sa.accountId)) continue;
    count(summary, "service-account", "none");
    findings.push(serviceAccountFinding(sa));
  }
  // Every service account's credentials are listed on its finding, soon-expiring tokens flagged.
  const saByAccount = new Map(snapshot.serviceAccounts.map((sa) => [sa.accountId, sa]));
  for (const finding of findings) {
    if (finding.verdict !== "service-account") continue;
    const sa = saByAccount.get(finding.accountId);
    if (sa !== undefined) addCredentialSignals(finding, sa, credentials, referenceMs);
  }
  warnings.push(...unusedEntryWarnings(allow), ...unusedEntryWarnings(deny));
  findings.sort(compareFindings);

  return {
    kind: AUDIT_REPORT_KIND,
    version: AUDIT_REPORT_VERSION,
    org: { id: snapshot.org.id, name: snapshot.org.name },
    generatedAt: options.generatedAt.toISOString(),
    referenceTime: referenceTime.toISOString(),
    summary,
    findings,
    warnings,
  };
}

/** A fired rule's weight: its factor times its configured weight, to two decimals. */
function signalWeight(factor: number, weight: number): number {
  return Math.round(factor * weight * 100) / 100;
}

/**
 * Returns `text` after making V8 store it as one flat string. A sentence built from template
 * pieces is a tree of fragments until something reads it; tens of thousands of them, kept for the
 * report, are copied by every young-generation garbage collection while they are still trees, and
 * flat they take about a third of the room. Converting to a number is the cheapest operation that
 * flattens (the result is thrown away). Semantics do not change: the same string comes back.
 */
function flatten(text: string): string {
  Number(text);
  return text;
}

/** The list entry that decides this account's verdict; the denylist wins over the allowlist. */
function listEntries(user: User, allow: ActiveList, deny: ActiveList, warnings: string[]): Finding["listed"] {
  const denied = lookup(deny, user);
  const allowed = lookup(allow, user);
  if (denied !== undefined) {
    if (allowed !== undefined) warnings.push(`${user.email ?? user.accountId} is on both the allowlist and the denylist; the denylist wins.`);
    return listedFrom("deny", denied);
  }
  return allowed === undefined ? undefined : listedFrom("allow", allowed);
}

function listedFrom(list: "allow" | "deny", entry: ListEntry): NonNullable<Finding["listed"]> {
  return { list, owner: entry.owner, reason: entry.reason, ...(entry.expiresAt !== undefined ? { expiresAt: entry.expiresAt } : {}) };
}

function count(summary: AuditSummary, verdict: Verdict, recommendation: Recommendation): void {
  summary.accounts++;
  if (verdict === "bot") summary.bot++;
  else if (verdict === "likely-bot") summary.likelyBot++;
  else if (verdict === "human") summary.human++;
  else if (verdict === "service-account") summary.serviceAccount++;
  else summary.app++;
  if (recommendation === "enable-2sv") summary.enable2sv++;
}

function recommend(verdict: Verdict, user: User, otpCount: number, listed: Finding["listed"]): Recommendation {
  if (verdict === "bot") return "migrate-to-service-account";
  if (verdict === "likely-bot") return "review";
  if (verdict === "human" && listed === undefined && otpCount > 0 && (user.mfaEnabled === false || user.mfaEnabled === null)) {
    return "enable-2sv";
  }
  return "none";
}

/**
 * Confidence grows with the distance from the nearest threshold and with the number of
 * independent signal families (for bots) or human signals (for people) that support the verdict.
 */
function confidence(verdict: Verdict, score: number, signals: readonly Signal[], config: DetectionConfig): Confidence {
  if (verdict === "service-account" || verdict === "app") return "high";
  const { botScore, likelyBotScore } = config.thresholds;
  let margin: number;
  let support: number;
  if (verdict === "human") {
    margin = likelyBotScore - score;
    support = signals.filter((s) => s.weight < 0).length;
  } else {
    // Families as bits, counted without building a set for each of thousands of findings.
    let families = 0;
    support = 0;
    for (const s of signals) {
      const family = RULE_FAMILY.get(s.id);
      // A corroborating signal (a user agent) counts as support at any weight.
      if (family === undefined || !(s.weight > 0 || family === "corroboration")) continue;
      const bit = FAMILY_BIT[family];
      if ((families & bit) === 0) {
        families |= bit;
        support++;
      }
    }
    // Corroboration widens a bot's margin as much as it could have added to its score.
    const corroboration = (families & FAMILY_BIT.corroboration) !== 0 ? CORROBORATION_MARGIN : 0;
    // A likely bot held back from `bot` because people use it is judged on its distance from likely-bot alone.
    margin =
      verdict === "bot"
        ? score + corroboration - botScore
        : score >= botScore
          ? score - likelyBotScore
          : Math.min(score - likelyBotScore, botScore - score);
  }
  if (margin >= 3 && support >= 2) return "high";
  if (margin < 1 && support <= 1) return "low";
  return "medium";
}

/** Bots start at medium risk and amplifiers step risk up; people and non-human accounts stay low. */
function risk(verdict: Verdict, recommendation: Recommendation, signals: readonly Signal[]): Risk {
  let level: number;
  if (verdict === "bot") level = 1;
  else if (verdict === "likely-bot" || recommendation === "enable-2sv") level = 0;
  else return "low";
  for (const signal of signals) level += AMPLIFIER_STEPS[signal.id] ?? 0;
  return RISK_LEVELS[Math.min(level, RISK_LEVELS.length - 1)] ?? "critical";
}

/** How much a corroborating signal (an automation user agent) adds to a bot's confidence margin. */
const CORROBORATION_MARGIN = 3;

/** One bit per signal family, for counting the families that support a verdict. */
const FAMILY_BIT: Readonly<Record<SignalFamily, number>> = { activity: 1, logins: 2, identity: 4, human: 8, amplifier: 16, corroboration: 32 };

function signalBefore(a: Signal, b: Signal): boolean {
  const wa = Math.abs(a.weight);
  const wb = Math.abs(b.weight);
  if (wa !== wb) return wa > wb;
  return a.id < b.id;
}

/**
 * Strongest evidence first; weight-0 amplifiers and notes last; rule id breaks ties. An insertion
 * sort in place: a finding has a dozen signals at most, and `Array.prototype.sort` would allocate
 * working space for each of thousands of findings.
 */
function sortSignals(signals: Signal[]): Signal[] {
  for (let i = 1; i < signals.length; i++) {
    const signal = signals[i] as Signal;
    let j = i - 1;
    while (j >= 0 && signalBefore(signal, signals[j] as Signal)) {
      signals[j + 1] = signals[j] as Signal;
      j--;
    }
    signals[j + 1] = signal;
  }
  return signals;
}

/** Days before expiry from which a service-account token is flagged. */
export const CREDENTIAL_EXPIRY_WARNING_DAYS = 30;
const DAY_MS = 86_400_000;

interface OAuthClientRecord {
  clientId: string;
  name?: string | null;
  serviceAccountId?: string | null;
  status?: string | null;
}

interface CredentialIndex {
  tokens: Map<string, Snapshot["serviceAccountTokens"]>;
  oauthClients: Map<string, OAuthClientRecord[]>;
}

/** Tokens and OAuth clients by service-account collection id (OAuth clients ride as an extra top-level list). */
function credentialIndex(snapshot: Snapshot): CredentialIndex {
  const tokens = new Map<string, Snapshot["serviceAccountTokens"]>();
  for (const t of snapshot.serviceAccountTokens) tokens.set(t.serviceAccountId, [...(tokens.get(t.serviceAccountId) ?? []), t]);
  const oauthClients = new Map<string, OAuthClientRecord[]>();
  const raw = (snapshot as { oauthClients?: unknown }).oauthClients;
  for (const c of Array.isArray(raw) ? raw : []) {
    const client = c as OAuthClientRecord;
    if (typeof client?.clientId !== "string" || typeof client.serviceAccountId !== "string") continue;
    oauthClients.set(client.serviceAccountId, [...(oauthClients.get(client.serviceAccountId) ?? []), client]);
  }
  return { tokens, oauthClients };
}

function addCredentialSignals(finding: Finding, sa: ServiceAccount, index: CredentialIndex, referenceMs: number): void {
  const tokens = [...(index.tokens.get(sa.id) ?? [])].sort((a, b) => (a.expiresAt ?? "9").localeCompare(b.expiresAt ?? "9") || a.id.localeCompare(b.id));
  const clients = [...(index.oauthClients.get(sa.id) ?? [])].sort((a, b) => a.clientId.localeCompare(b.clientId));
  let expiring = 0;
  for (const t of tokens) {
    const expiresMs = t.expiresAt ? Date.parse(t.expiresAt) : Number.NaN;
    if (Number.isNaN(expiresMs)) {
      finding.signals.push({ id: "sa-credential", weight: 0, evidence: `API token "${t.label}" (${t.id}) has no recorded expiry.` });
      continue;
    }
    const days = Math.floor((expiresMs - referenceMs) / DAY_MS);
    const when = `${t.expiresAt?.slice(0, 10)} (${days < 0 ? `${-days} days ago` : `in ${days} days`})`;
    if (days < CREDENTIAL_EXPIRY_WARNING_DAYS) {
      expiring++;
      finding.signals.push({
        id: "sa-credential-expiring",
        weight: 0,
        evidence: `API token "${t.label}" (${t.id}) ${days < 0 ? "expired" : "expires"} ${when}: create its replacement in admin.atlassian.com and switch the integration before it stops working.`,
      });
    } else {
      finding.signals.push({ id: "sa-credential", weight: 0, evidence: `API token "${t.label}" (${t.id}) expires ${when}.` });
    }
  }
  for (const c of clients) {
    finding.signals.push({ id: "sa-credential", weight: 0, evidence: `OAuth 2.0 client "${c.name ?? c.clientId}" (${c.clientId}, ${c.status ?? "ACTIVE"}).` });
  }
  if (tokens.length === 0 && clients.length === 0) finding.signals.push({ id: "sa-credential", weight: 0, evidence: "No API token or OAuth 2.0 client." });
  if (expiring > 0) {
    finding.risk = "medium";
    finding.recommendation = "review";
  }
}

function serviceAccountFinding(sa: ServiceAccount): Finding {
  return {
    accountId: sa.accountId,
    name: sa.displayName,
    email: sa.email,
    verdict: "service-account",
    score: 0,
    confidence: "high",
    risk: "low",
    recommendation: "none",
    signals: [{ id: "account-type", weight: 0, evidence: `Service account (collection ${sa.id}, status ${sa.status}).` }],
    isAdmin: false,
  };
}

const VERDICT_RANK = Object.fromEntries(VERDICT_ORDER.map((verdict, i) => [verdict, i])) as Record<Verdict, number>;

function compareFindings(a: Finding, b: Finding): number {
  const byVerdict = VERDICT_RANK[a.verdict] - VERDICT_RANK[b.verdict];
  if (byVerdict !== 0) return byVerdict;
  if (a.score !== b.score) return b.score - a.score;
  if (a.name !== b.name) return a.name < b.name ? -1 : 1;
  return a.accountId < b.accountId ? -1 : a.accountId > b.accountId ? 1 : 0;
}
