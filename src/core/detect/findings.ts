// A judged account's finding: its signals in order, confidence and risk; service accounts' findings
// with their credentials; the report's order of findings.

import type { OAuthClient, ServiceAccount, Snapshot, User } from "../snapshot/schema.js";
import type { DetectionConfig } from "./config.js";
import type { AccountFeatures } from "./features.js";
import { automatedSignIns, tightTimetable, isAdmin, relative, machineNamed, machineTitle, RULE_FAMILY, plural, hhmm, type RuleContext, type RuleDefinition, type SignalFamily } from "./rules.js";
import { DAY_MS } from "./time.js";
import { PUNCTUAL_SPAN_MINUTES, TIGHT_SLOT_MINUTES } from "./features/schedule.js";
import { VERDICT_ORDER, type Confidence, type Finding, type Recommendation, type Risk, type Signal, type Verdict } from "./types.js";
import { holdNotes } from "./holds.js";
import { type Floor, TOKEN_TRACE, dailyRobotRun, punctualSittings, punctualStarts, tokenWorkBesideFewSignIns, automationName, automationTraces, codeNamed, deviceNamed, deviceWordNamed, deviceMailbox, personaNamed, robotMailbox, idleWithToken, jobNamed, jobNounLast, tokenButIdle, scriptTraces, unseenTokenWorkBy, jobHoursText, serverToken, cloudTokenTimer, tokenDayTimer, type GroupTally, sharedUseText, scriptingClientOnly, steadyTimetable, rpaClient, screenClient, boardClient } from "./floors.js";
import { lifecycleOf } from "./lifecycle.js";

/** Risk levels from lowest to highest, for stepping up by amplifiers. */
const RISK_LEVELS: readonly Risk[] = ["low", "medium", "high", "critical"];

/** How many risk levels each amplifier adds. */
const AMPLIFIER_STEPS: Readonly<Record<string, number>> = {
  "admin-role": 2,
  "admin-group": 1,
  "many-groups": 1,
  "token-expiring": 1,
};

/** How one account was judged, for writing its finding. */
export interface Judged {
  /** Each rule's factor (`factors[i]` for rule `i`), meaningful where `fired[i]` is 1. */
  factors: Float64Array;
  fired: Uint8Array;
  score: number;
  verdict: Verdict;
  listed: Finding["listed"];
  recommendation: Recommendation;
  /** Why a score at or above the bot threshold was held back to `likely-bot` (HOLD_* bits). */
  held: number;
  /** Why an account that scores as a person was raised to `likely-bot`, or null. */
  floor: Floor | null;
  /** For the floor `automation-group`, the group. */
  group: GroupTally | null;
}

export interface ActiveRule {
  rule: RuleDefinition;
  weight: number;
  /** 2 for strong machine evidence, 1 for weak, 0 for none. */
  machine: number;
}

/** The finding of one account the report keeps, with its evidence written out. */
export function writeFinding(user: User, f: AccountFeatures, judged: Judged, rules: readonly ActiveRule[], ctx: RuleContext, config: DetectionConfig): Finding {
  const { factors, fired, score, verdict, listed, recommendation, held, floor } = judged;
  const signals: Signal[] = [];
  for (let i = 0; i < rules.length; i++) {
    const { rule, weight } = rules[i] as ActiveRule;
    if (fired[i] === 0) continue;
    const factor = factors[i] as number;
    signals.push({ id: rule.id, weight: signalWeight(factor, weight), evidence: flatten(rule.explain(f, ctx)) });
  }
  if (verdict === "service-account") {
    signals.push({ id: "account-type", weight: 0, evidence: user.accountType === "service" ? "Account type is service." : "Account is one of the org's service accounts." });
  } else if (verdict === "app") {
    signals.push({ id: "account-type", weight: 0, evidence: "Account type is app." });
  } else if (held !== 0) {
    signals.push(...holdNotes(f, held, score, config, ctx.signInLogDays));
  } else if (floor === "shared-use") {
    signals.push({
      id: "shared-use",
      weight: 0,
      evidence: sharedUseText(f, ctx, score, config),
    });
  } else if (floor === "token-without-ui") {
    signals.push({
      id: "script-in-use",
      weight: 0,
      evidence: `Scores ${score}, below the likely-bot threshold ${config.thresholds.likelyBotScore}, but a token is in use on an account that ${
        f.uiActivityKnown ? "was never active in the UI" : `did not sign in or work from a browser once in the ${Math.floor(ctx.signInLogDays)} days of the audit log`
      }: a script may run as this account, even if a person owns it; review it.`,
    });
  } else if (floor === "unseen-token-work") {
    signals.push({
      id: "script-in-use",
      weight: 0,
      evidence: `Scores ${score}, below the likely-bot threshold ${config.thresholds.likelyBotScore}, but it holds the API token \`${f.usableToken?.label ?? ""}\`, still usable, and did ${plural(f.eventCount, "thing")} in the audit log on ${plural(f.activityDays, "day")} without signing in once in its ${Math.floor(ctx.signInLogDays)} days, while nothing records this account's token use (its tokens list no last use, its events name no token): ${
        unseenTokenWorkBy(f, ctx) === "hours" ? `${jobHoursText(f)}, as a job's work comes; a script may run with it` : "a script named as this one is may run with it"
      }; review it.`,
    });
  } else if (floor === "robot-sittings") {
    signals.push({
      id: "script-in-use",
      weight: 0,
      evidence: `Scores ${score}, below the likely-bot threshold ${config.thresholds.likelyBotScore}, but it signed in ${plural(f.loginSittings, "time")} on ${plural(f.loginSittingDays, "day")}, ${dailyRobotRun(f, config.thresholds) ? `starting within the same half-hour outside business hours on ${f.scheduleDays} of ${plural(f.activityDays, "day")}, ` : ""}each time working for minutes and no more (${f.sittingWorkNearSignIn} of ${plural(f.sittingWorkEvents, "event")} of work within ${config.thresholds.dailySlotWindowMinutes} minutes of a sign-in), answering an email OTP challenge at ${f.otpCount} of them without 2SV: a browser robot's sittings; review it.`,
    });
  } else if (floor === "server-token" && !serverToken(f) && !cloudTokenTimer(f)) {
    signals.push({
      id: "script-in-use",
      weight: 0,
      evidence: `Scores ${score}, below the likely-bot threshold ${config.thresholds.likelyBotScore}, but its API token was called on ${plural(f.tokenStartDays, "day")}, and ${
        !tokenDayTimer(f)
          ? `${f.tokenStartHourOnTime} of its ${plural(f.tokenStarts, "run")} of calls started at the same minutes past the hour (within 3 minutes)`
          : `on ${f.tokenStartOnTime} of them a run of calls started at about ${hhmm(f.tokenStartMinute)} UTC (within 3 minutes)${f.tokenStartWeekends > 0 ? `, ${plural(f.tokenStartWeekends, "Saturday or Sunday", "Saturdays or Sundays")} among them` : ""}`
      }: a scheduled job runs with it, whatever its owner does by hand; review it.`,
    });
  } else if (floor === "server-token" && !serverToken(f)) {
    signals.push({
      id: "script-in-use",
      weight: 0,
      evidence: `Scores ${score}, below the likely-bot threshold ${config.thresholds.likelyBotScore}, but its API token was called from cloud addresses on ${plural(f.cloudTokenDays, "day")}, first at about ${hhmm(f.cloudTokenMinute)} UTC (within half an hour) on ${f.cloudTokenOnTime} of them, ${plural(f.cloudTokenWeekends, "Saturday or Sunday", "Saturdays or Sundays")} among them (e.g. ${f.datacenterIpSample ?? "unknown"}): a scheduled job in a cloud service runs with it, whatever its owner does by hand; review it.`,
    });
  } else if (floor === "server-token") {
    signals.push({
      id: "script-in-use",
      weight: 0,
      evidence: `Scores ${score}, below the likely-bot threshold ${config.thresholds.likelyBotScore}, but ${f.tokenCloudCount} of its ${plural(f.tokenIpEventCount, "API-token call")} with an address came from cloud addresses (e.g. ${f.datacenterIpSample ?? "unknown"}) through a scripting client, while its ${plural(f.loginIpEventCount, "sign-in")} came from elsewhere: a script on a server runs as this account, whoever signs in to it; review it.`,
    });
  } else if (floor === "system-token") {
    signals.push({
      id: "script-in-use",
      weight: 0,
      evidence: `Scores ${score}, below the likely-bot threshold ${config.thresholds.likelyBotScore}, but its API token \`${f.systemToken?.label ?? ""}\`, named for the system that calls with it (a deployment, a build server, a robot, a monitor or an integration), was used ${new Date(f.systemTokenUseMs).toISOString().slice(0, 10)} (${relative(f.systemTokenUseMs, ctx.referenceMs)}): a system depends on this account, whoever owns it; review it.`,
    });
  } else if (floor === "automation-group") {
    const group = judged.group as GroupTally;
    signals.push({
      id: "automation-identity",
      weight: 0,
      evidence: `Scores ${score}, below the likely-bot threshold ${config.thresholds.likelyBotScore}, but it is a member of the group "${group.name}", named like automation, in which ${group.bots} of ${plural(group.members, "active account")} are bots on their own evidence (and ${group.likelyBots} more likely bots), and shows a script's traces (${scriptTraces(f, ctx).filter((t) => t !== TOKEN_TRACE).join(", ")}): review it.`,
    });
  } else if (floor === "idle-in-automation-group") {
    const group = judged.group as GroupTally;
    signals.push({
      id: "automation-identity",
      weight: 0,
      evidence: `Scores ${score}, below the likely-bot threshold ${config.thresholds.likelyBotScore}, but it is a member of the group "${group.name}", named like automation, in which ${group.bots + group.likelyBots} of the ${plural(group.members - 1, "other active account")} are bots or likely bots on their own evidence, and it has an API token and nothing else of its own in the log (${f.usedTokenCount === 0 && f.eventCount === 0 ? "the token's use never recorded" : "the token idle"}), on an account with an empty profile the identity provider does not manage: review it.`,
    });
  } else if (floor === "automation-identity") {
    signals.push({
      id: "automation-identity",
      weight: 0,
      evidence: `Scores ${score}, below the likely-bot threshold ${config.thresholds.likelyBotScore}, but it is ${identityName(f, ctx)} and shows a script's traces (${automationTraces(f, ctx).join(", ") || withoutTraces(f, signals, ctx)}) on an account ${f.user.managementSource !== "synced" ? "the identity provider does not manage" : signals.some((s) => s.id === "empty-profile") ? "with an empty profile" : "the identity provider manages"}: review it.`,
    });
  } else if (floor === "script-in-use") {
    const fullProfile = signals.some((s) => s.id === "full-profile");
    signals.push({
      id: "script-in-use",
      weight: 0,
      evidence: automatedSignIns(f)
        ? `Scores ${score}, below the likely-bot threshold ${config.thresholds.likelyBotScore}, but ${f.loginScriptedCount} of its ${plural(f.loginCount, "sign-in")} came from a headless browser's or a scripting library's user agent, as no person signs in: a script runs as this account; review it.`
        : tightTimetable(f, ctx)
        ? `Scores ${score}, below the likely-bot threshold ${config.thresholds.likelyBotScore}, but its sign-ins keep ${f.tightSlotCount} fixed times of day within ${TIGHT_SLOT_MINUTES} minutes on ${f.tightSlotFewestDays} of its ${plural(f.loginSittingDays, "sign-in day")} or more, as a scheduler starts a robot and no person keeps a shift's times: a robot's timetable, whatever name, profile and UI use it has; review it.`
        : punctualSittings(f, ctx)
        ? `Scores ${score}, below the likely-bot threshold ${config.thresholds.likelyBotScore}, but its browser sign-ins keep ${f.tightSlotCount} fixed times of day within ${TIGHT_SLOT_MINUTES} minutes on ${f.tightSlotFewestDays} of its ${plural(f.loginSittingDays, "sign-in day")} or more, and ${f.sittingWorkEvents - f.sittingWorkHoursLater - f.sittingWorkBeyondDay} of its ${plural(f.sittingWorkEvents, "event")} of work came within an hour of a sign-in: a scheduler starts a robot that does its steps and stops, as no person who keeps the minute works; review it.`
        : punctualStarts(f, ctx)
        ? `Scores ${score}, below the likely-bot threshold ${config.thresholds.likelyBotScore}, but the first sign-in of ${f.punctualSittingDays} of its ${plural(f.firstSittingDays, "day")} with one came within ${PUNCTUAL_SPAN_MINUTES} minutes of one time of day, as a scheduler starts a browser and no person arrives, with minutes of steps after it at most, on an account with no person's job title or department: a robot's start, whatever its owner does in the UI; review it.`
        : tokenWorkBesideFewSignIns(f, ctx)
        ? `Scores ${score}, below the likely-bot threshold ${config.thresholds.likelyBotScore}, but ${f.tokenEventCount} of its ${plural(f.eventCount, "event")} were done with an API token beside ${plural(f.loginCount, "sign-in")} in the audit log, on an account the identity provider does not manage, with no job title and no given name of the org's people in its name: a job runs with the token, whoever signed in to set it up; review it.`
        : steadyTimetable(f, ctx, fullProfile)
        ? `Scores ${score}, below the likely-bot threshold ${config.thresholds.likelyBotScore}, but its sign-ins keep ${f.dailySlotCount} fixed times of day on ${f.dailySlotFewestDays} of its ${plural(f.loginSittingDays, "sign-in day")} or more, with no person's job title or full profile on the account: a robot's timetable, whatever UI use it leaves; review it.`
        : scriptingClientOnly(f, ctx, fullProfile)
        ? `Scores ${score}, below the likely-bot threshold ${config.thresholds.likelyBotScore}, but all ${plural(f.userAgentEventCount, "event")} with a user agent came from scripting clients (e.g. ${f.automationUserAgentSample ?? "unknown"}) and it never signed in or used the UI: a script runs as this account, whether or not the log names its token; review it.`
        : rpaClient(f)
        ? `Scores ${score}, below the likely-bot threshold ${config.thresholds.likelyBotScore}, but ${f.rpaUserAgentCount} of its ${plural(f.userAgentEventCount, "event")} with a user agent came from a robotic-process-automation client (${f.automationUserAgentSample ?? "unknown"}): a robot works as this account, whatever name and profile it has; review it.`
        : screenClient(f)
        ? `Scores ${score}, below the likely-bot threshold ${config.thresholds.likelyBotScore}, but ${f.screenUserAgentCount} of its ${plural(f.userAgentEventCount, "event")} with a user agent came from a television's or a signage player's browser: a wallboard signs in as this account, as no person works; review it.`
        : boardClient(f, ctx, fullProfile)
        ? `Scores ${score}, below the likely-bot threshold ${config.thresholds.likelyBotScore}, but ${f.boardUserAgentCount} of its ${plural(f.userAgentEventCount, "event")} with a user agent came from a single-board computer's browser (ARM Linux, as a Raspberry Pi behind a wallboard sends), and it is named as a screen or its room, with no person's job title: a screen may sign in as this account; review it.`
        : `Scores ${score}, below the likely-bot threshold ${config.thresholds.likelyBotScore}, but its activity runs round the clock, every day, on a schedule or on a timer's beat, its logins come at a fixed cadence or more often than a person signs in, or all of it comes from cloud addresses, as no person works: a script runs as this account; review it.`,
    });
  }
  const lifecycle = lifecycleOf(f, ctx.referenceMs, judged.recommendation !== "none");
  if (lifecycle !== undefined) {
    const id = lifecycle.state !== "migrated" ? "inactive-account" : judged.recommendation === "review" ? "migration-unfinished" : "already-migrated";
    signals.push({ id, weight: 0, evidence: lifecycle.evidence });
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
  if (lifecycle !== undefined) finding.lifecycle = lifecycle;
  return finding;
}

/** What names an automation identity as one (see `automationIdentity`). */
function identityName(f: AccountFeatures, ctx: RuleContext): string {
  const where = automationName(f, ctx);
  if (where !== null) return `named like automation (${where})`;
  if (deviceNamed(f, ctx)) return `named as a device is, a screen, a kiosk or a wallboard (name \`${f.user.name}\`)`;
  if (deviceWordNamed(f, ctx)) return `named for a device and its place, at a mailbox of the device (name \`${f.user.name}\`, \`${f.user.email ?? ""}\`)`;
  if (codeNamed(f, ctx)) return `named with a directory's code for a technical account, as no person is (name \`${f.user.name}\`)`;
  if (personaNamed(f)) return `named as no person is, a department's or a machine's word where a surname would be (name \`${f.user.name}\`)`;
  if (deviceMailbox(f, ctx)) return `named as a device is, at a mailbox that starts with a screen's or a board's word (\`${f.user.email ?? ""}\`)`;
  if (robotMailbox(f, ctx)) return `named as a robot is, at a mailbox of a word of its name and a robot's word (\`${f.user.email ?? ""}\`)`;
  if (jobNamed(f, ctx)) return `named as a job is, with no word of a person's name (name \`${f.user.name}\`)`;
  return jobNounLast(f, ctx) ? `named for what a job makes or moves, with an API token (name \`${f.user.name}\`)` : "a new account with an empty profile";
}

/** Why an automation identity with no script's trace is still reviewed (see `automationIdentity`). */
function withoutTraces(f: AccountFeatures, signals: readonly Signal[], ctx: RuleContext): string {
  if (machineTitle(f)) return `none recorded: its job title "${f.user.jobTitle ?? ""}" says it is no person's`;
  if (machineNamed(f)) return `none needed: its display name "${f.user.name}" ends in a machine account's title, as no person's does`;
  if (deviceNamed(f, ctx)) return `none needed: its display name "${f.user.name}" names a device, as no person's does, and each of its sign-ins now waits for an email code`;
  if (deviceWordNamed(f, ctx)) return `none needed: its display name "${f.user.name}" and its mailbox name a device and its place, as no person's do, and each of its sign-ins now waits for an email code`;
  if (codeNamed(f, ctx)) return `none needed: its display name "${f.user.name}" is a directory's code for a technical account, as no person's is`;
  if (personaNamed(f)) return `none needed: its display name "${f.user.name}" has a department's or a machine's word where a surname would be, as no person's has`;
  if (deviceMailbox(f, ctx)) return `none needed: its mailbox \`${f.user.email ?? ""}\` starts with a screen's or a board's word, as no person's does, and each of its sign-ins now waits for an email code`;
  if (robotMailbox(f, ctx)) return `none needed: its mailbox \`${f.user.email ?? ""}\` is a word of its name and a robot's word, as no person's is`;
  if (idleWithToken(f, ctx)) return `an API token on an account with nothing of its own in the ${Math.floor(ctx.signInLogDays)} days of the audit log and no UI use within ${ctx.t.recentDays} days: a job paused, or run less often than the log is long`;
  if (tokenButIdle(f)) return `an API token on an account with nothing of its own ${ctx.auditLog ? "in the audit log" : "recorded (the snapshot has no audit log)"} and no UI use within ${ctx.t.recentDays} days: a job paused, or run less often than the log is long`;
  if (!signals.some((s) => s.id === "empty-profile")) {
    const signsIn = f.loginCount > 0 && f.user.mfaEnabled !== true;
    if (!signsIn && jobNamed(f, ctx)) return `none needed: its display name "${f.user.name}" is made of a job's or a team's words, as no person's is`;
    return "sign-ins without two-step verification to a mailbox named so, each of which now waits for an email code";
  }
  if (!ctx.auditLog) return "none can be seen without an audit log: the name and the empty profile suffice";
  return ctx.signInLogDays === 0 ? "none can be seen in an audit log that records no sign-ins and nothing of this account's: the name and the empty profile suffice" : "none recorded: the name and the empty profile suffice";
}

/** A fired rule's weight: its factor times its configured weight, to two decimals. */
export function signalWeight(factor: number, weight: number): number {
  // `+ 0` turns the -0 of a zero factor on a negative weight into 0.
  return Math.round(factor * weight * 100) / 100 + 0;
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

/**
 * Confidence grows with the distance from the nearest threshold and with the number of
 * independent signal families (for bots) or human signals (for people) that support the verdict.
 */
export function confidence(verdict: Verdict, score: number, signals: readonly Signal[], config: DetectionConfig): Confidence {
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

interface CredentialIndex {
  tokens: Map<string, Snapshot["serviceAccountTokens"]>;
  oauthClients: Map<string, OAuthClient[]>;
}

/** Tokens and OAuth clients by service-account collection id. */
export function credentialIndex(snapshot: Snapshot): CredentialIndex {
  const tokens = new Map<string, Snapshot["serviceAccountTokens"]>();
  for (const t of snapshot.serviceAccountTokens) tokens.set(t.serviceAccountId, [...(tokens.get(t.serviceAccountId) ?? []), t]);
  const oauthClients = new Map<string, OAuthClient[]>();
  for (const client of snapshot.oauthClients ?? []) {
    if (!client.serviceAccountId) continue;
    oauthClients.set(client.serviceAccountId, [...(oauthClients.get(client.serviceAccountId) ?? []), client]);
  }
  return { tokens, oauthClients };
}

export function addCredentialSignals(finding: Finding, sa: ServiceAccount, index: CredentialIndex, referenceMs: number): void {
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

export function serviceAccountFinding(sa: ServiceAccount): Finding {
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

/**
 * Sorts findings in place by verdict, then score (highest first), name and account id. A large
 * org has tens of thousands of findings whose names lie scattered across the heap; the keys are
 * copied into compact arrays first (the strings packed by one JSON round trip), so the half a
 * million comparisons read memory that stays in the processor's cache.
 */
export function sortFindings(findings: Finding[]): void {
  const n = findings.length;
  const rank = new Int8Array(n);
  const score = new Float64Array(n);
  const nameList = new Array<string>(n);
  const idList = new Array<string>(n);
  const order = new Array<number>(n);
  for (let i = 0; i < n; i++) {
    const finding = findings[i] as Finding;
    rank[i] = VERDICT_RANK[finding.verdict];
    score[i] = finding.score;
    nameList[i] = finding.name;
    idList[i] = finding.accountId;
    order[i] = i;
  }
  const names = JSON.parse(JSON.stringify(nameList)) as string[];
  const ids = JSON.parse(JSON.stringify(idList)) as string[];
  order.sort((i, j) => {
    const byVerdict = (rank[i] as number) - (rank[j] as number);
    if (byVerdict !== 0) return byVerdict;
    const a = score[i] as number;
    const b = score[j] as number;
    if (a !== b) return b - a;
    const nameA = names[i] as string;
    const nameB = names[j] as string;
    if (nameA !== nameB) return nameA < nameB ? -1 : 1;
    const idA = ids[i] as string;
    const idB = ids[j] as string;
    return idA < idB ? -1 : idA > idB ? 1 : 0;
  });
  const unsorted = findings.slice();
  for (let k = 0; k < n; k++) findings[k] = unsorted[order[k] as number] as Finding;
}
