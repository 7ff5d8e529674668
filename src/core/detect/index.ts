import type { AuditEvent, Group, OAuthClient, ServiceAccount, Snapshot, User } from "../snapshot/schema.js";
import type { DetectionConfig, ListEntry } from "./config.js";
import { buildAccountTable, coarseTimeGrainMs, compileMatchers } from "./features.js";
import { isPersonTokenEvent } from "./features/events.js";
import { lookup, prepareList, unusedEntryWarnings, type ActiveList } from "./lists.js";
import type { AccountFeatures, EventCoverage, Matchers } from "./features.js";
import { adminGroupIds, automatedSignIns, fromCloud, inactiveStatus, MACHINE_TITLE, machineTitle, mostlyAutomationAgents, otpFlood, personProfile, isAdmin, RULE_FAMILY, RULES, plural, restingEveryDay, setupOnlyUi, strongTiming, TEAM_SIGN_IN_ADDRESSES, workAfterSignIns, tokenUsedRecently, uiDrivenByMachine, workingWeekShape, type RuleContext, type RuleDefinition, type SignalFamily, timed } from "./rules.js";
import { DAY_MS, HOUR_MS } from "./time.js";
import {
  AUDIT_REPORT_KIND,
  AUDIT_REPORT_VERSION,
  VERDICT_ORDER,
  type AuditReport,
  type AuditSummary,
  type Confidence,
  type Finding,
  type Lifecycle,
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

/** How one account was judged, for writing its finding. */
interface Judged {
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

interface ActiveRule {
  rule: RuleDefinition;
  weight: number;
  /** 2 for strong machine evidence, 1 for weak, 0 for none. */
  machine: number;
}

/**
 * A display name that is a handle (`pipeline`, `tools-82`, `PagerDuty`): one word of ASCII, not
 * written as a name is. A person's name in one word (`Sukarno`, `王伟`, `田中太郎`) is none.
 */
const NAMELESS = /^(?!\p{Lu}\p{Ll}+$)[\x21-\x7e]+$/u;

/** Reasons a high score is not a `bot`; see `botHold`. */
const HOLD_NO_MACHINE = 1;
const HOLD_IDP = 2;
const HOLD_WORKING_HOURS = 4;
const HOLD_UI = 8;
const HOLD_NIGHTLY_PAUSE = 16;
const HOLD_UNTIMED = 32;
const HOLD_SOURCE_SILENT = 64;
const HOLD_NEW_ACCOUNT = 128;
const HOLD_WORKING_WEEK = 256;
const HOLD_PERSON_TOKEN = 512;
const HOLD_ON_CALL = 1024;
const HOLD_ADDRESSES_ONLY = 2048;
const HOLD_SIGNED_IN = 4096;
const HOLD_NO_TIMER = 8192;
const HOLD_SHARED_DESK = 16384;
const HOLD_MOVING_NIGHT = 32768;
const HOLD_PERSON_PROFILE = 65536;
const HOLD_SECOND_FACTOR = 131072;
/** Share of the judged three-day stretches with a night's sleep that makes HOLD_MOVING_NIGHT. */
const MOVING_NIGHT_SHARE = 0.6;
/** Days with a person's sign-ins that hold an account at `likely-bot` (HOLD_SIGNED_IN). */
const SIGNED_IN_MIN_DAYS = 3;
/** Active members, and the share of them judged bots (a likely bot counts half), that make a group of scripts' accounts. */
const MACHINE_GROUP_MIN = 3;
const MACHINE_GROUP_SHARE = 0.6;
/** Nights with activity, and the days in a row of work at rest every night, that make an on-call rota. */
const ON_CALL_MIN_NIGHTS = 3;
const ON_CALL_MIN_REST_DAYS = 7;

type Floor = "shared-use" | "script-in-use" | "token-without-ui" | "automation-identity" | "automation-group" | "robot-sittings";

/** What the rules of one account found, beyond the score, for the verdict. */
interface Evidence {
  machine: number;
  /** How many rules with strong machine evidence fired. */
  strongRules: number;
  /** The families of those strong rules: 1 activity timing, 2 logins, 4 OTP challenges. */
  strongFamilies: number;
  /**
   * Activity round the clock, every day or on a schedule that runs through weekends, logins at a
   * fixed cadence or more often than a person signs in, or all of it from cloud addresses with no
   * UI use: no person works like that.
   */
  timing: boolean;
  workingHours: boolean;
  roleMailbox: boolean;
  /** The mailbox or name leads with a bot-like word, or is a role address. */
  machineName: boolean;
  /** Of those, a bot-like leading word or a role address (not only a one-word display name). */
  botName: boolean;
  /** A token in use on an account whose UI use stopped long ago or never started, or that is inactive. */
  lifecycle: boolean;
  /** Any sign of a person: UI use, interactive logins, working hours, a full profile, IdP provisioning. */
  person: boolean;
  /** `channel-divergence` fired because the only UI use was the setup sign-in of a new account. */
  setupDivergence: boolean;
  /** A person seen at work in the UI: recent UI use or interactive logins that count. */
  personAtWork: boolean;
  /** Weak timing: bursts at one time of day, or all activity from cloud addresses without UI use. */
  weakTiming: boolean;
  /** Machine evidence other than cloud addresses fired. */
  beyondAddresses: boolean;
  /** `interactive-logins` fired: the account's sign-ins are a person's. */
  signsIn: boolean;
  /** `full-profile` fired. */
  fullProfile: boolean;
  /** A rule that sees a timer's regularity fired (see `TIMER_RULES`). */
  timer: boolean;
  /** Of those, one with strong machine evidence: a beat, fixed times or a flood, not a schedule a routine keeps too. */
  strongTimer: boolean;
  /** `every-day` fired as strong machine evidence. */
  everyDay: boolean;
}

/** Rules that see a timer's regularity: a cadence, a schedule, fixed times of day, a flood. */
const TIMER_RULES: ReadonlySet<string> = new Set(["activity-cadence", "activity-schedule", "login-fixed-cadence", "login-daily-slots", "login-flood", "login-schedule"]);

/** An account's evidence before any rule has fired; each account starts from a copy of it. */
const NO_EVIDENCE: Readonly<Evidence> = { machine: 0, strongRules: 0, strongFamilies: 0, timing: false, weakTiming: false, workingHours: false, roleMailbox: false, machineName: false, botName: false, lifecycle: false, person: false, personAtWork: false, setupDivergence: false, beyondAddresses: false, signsIn: false, fullProfile: false, timer: false, strongTimer: false, everyDay: false };

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
    machine: rule.machine === "strong" ? 2 : rule.machine === "weak" ? 1 : 0,
  }));
  let matchers = compileMatchers(config);
  let table = buildAccountTable(snapshot, matchers, config, referenceMs);
  const inferredOtpActions = inferOtpActions(table.coverage, config);
  if (inferredOtpActions.length > 0) {
    // Read the log again with the inferred keys: rare (no configured key at all), and every rule
    // that counts OTPs then sees them exactly as if they had been configured.
    matchers = compileMatchers({ ...config, emailOtpActions: [...config.emailOtpActions, ...inferredOtpActions] });
    table = buildAccountTable(snapshot, matchers, config, referenceMs);
  }
  const groupsById = new Map(snapshot.groups.map((group) => [group.id, group]));
  // The log runs until the snapshot was taken, whenever its last event came (a quiet weekend).
  const { coverage } = table;
  const logDays = coverage.events > 0 ? (Math.max(coverage.lastMs, Math.min(referenceMs, Date.parse(snapshot.takenAt))) - coverage.firstMs) / DAY_MS : 0;
  const ctx: RuleContext = {
    t: config.thresholds,
    matchers,
    referenceMs,
    groupsById,
    adminGroupIds: adminGroupIds(snapshot.groups),
    auditLog: table.coverage.events > 0,
    signInLogDays: coverage.logins > 0 ? logDays : 0,
    coarseTimeMs: coarseTimeGrainMs(table.coverage),
  };
  const warnings: string[] = [];
  const allow = prepareList("allow", options.allowlist, referenceMs, warnings);
  const deny = prepareList("deny", options.denylist, referenceMs, warnings);
  const listsInUse = allow.byAccountId.size + allow.byEmail.size + deny.byAccountId.size + deny.byEmail.size > 0;
  const { botScore, likelyBotScore } = config.thresholds;
  const reviewWhileUiActive = config.reviewWhileUiActive;

  const summary: AuditSummary = { accounts: 0, bot: 0, likelyBot: 0, human: 0, serviceAccount: 0, app: 0, enable2sv: 0 };
  const evidence: Evidence = { ...NO_EVIDENCE };
  const fired: Fired = { divergence: false, tokenWithoutUi: false, datacenter: false, emptyProfile: false };
  // Every account is scored without writing a word; evidence is written only for the accounts
  // that the report keeps, right after scoring them, from the same features.
  const findings: Finding[] = [];
  // Each rule's factor for the account being scored, and whether it fired.
  const factors = new Float64Array(rules.length);
  const firedRules = new Uint8Array(rules.length);
  const ruleCount = rules.length;
  const judged: Judged = { factors, fired: firedRules, score: 0, verdict: "human", listed: undefined, recommendation: "none", held: 0, floor: null, group: null };
  const users = snapshot.users;
  // Members of a group named like automation who score as people are judged once every other
  // member has been (see `automationGroups`): the second pass.
  const groups = automationGroups(snapshot.groups, matchers);
  const deferred: number[] = [];
  let groupPass = false;
  const judgeAccount = (slot: number): void => {
    const user = users[slot] as User;
    const f = table.features(slot);
    let raw = 0;
    Object.assign(evidence, NO_EVIDENCE);
    fired.divergence = fired.tokenWithoutUi = fired.datacenter = fired.emptyProfile = false;
    for (let i = 0; i < ruleCount; i++) {
      const active = rules[i] as ActiveRule;
      const factor = active.rule.score(f, ctx);
      firedRules[i] = factor === null ? 0 : 1;
      if (factor === null) continue;
      factors[i] = factor;
      const weight = signalWeight(factor, active.weight);
      raw += weight;
      if (weight > 0 && active.machine > 0) {
        // Email OTPs count as machine evidence because the timing is machine-like, and only as
        // strong as that timing: a login or activity schedule is what a night shift keeps too.
        const otp = active.rule.id === "email-otp";
        // A script's account (a token in use where the UI never was or stopped long ago) keeps them
        // strong: `evidence.lifecycle` is known here, as the token rules come first in RULES.
        // A timetable whose sittings cannot be seen to be short is weak, as a login schedule is.
        // Every day at rest each night, with no other strong timing, is a person's week too.
        const machine =
          (otp && factor <= 1 && !strongTiming(f, ctx) && !evidence.lifecycle) || (active.rule.id === "login-daily-slots" && factor < 1) || (active.rule.id === "every-day" && restingEveryDay(f, ctx)) ? 1 : active.machine;
        if (machine > evidence.machine) evidence.machine = machine;
        // A schedule (weak: a person's routine keeps one too) is no timer's beat on its own.
        if (machine === 2 && TIMER_RULES.has(active.rule.id)) evidence.strongTimer = true;
        if (active.rule.id !== "datacenter-ip") evidence.beyondAddresses = true;
        // Not a second, independent line of it either, unless they come in a flood of their own:
        // one challenge per sign-in is the sign-ins' flood over again (a short session policy).
        if (machine === 2 && active.rule.id === "every-day") evidence.everyDay = true;
        if (machine === 2 && (!otp || (factor > 1 && !otpPerSignIn(f)))) {
          evidence.strongRules++;
          evidence.strongFamilies |= otp ? 4 : active.rule.family === "activity" ? 1 : 2;
        }
      }
      const id = active.rule.id;
      if (id === "channel-divergence") {
        fired.divergence = true;
        // Fired with the UI in recent use: only through the setup sign-in of a new account.
        evidence.setupDivergence = f.recentUiProductCount > 0;
      } else if (id === "token-without-ui") fired.tokenWithoutUi = true;
      else if (id === "datacenter-ip") fired.datacenter = true;
      else if (id === "empty-profile") fired.emptyProfile = true;
      if (id === "every-day" && restingEveryDay(f, ctx)) evidence.weakTiming = true;
      else if (id === "round-the-clock" || id === "every-day" || id === "activity-cadence") evidence.timing = true;
      else if ((id === "login-fixed-cadence" || id === "login-flood" || id === "login-round-the-clock" || (id === "login-daily-slots" && factor >= 1)) && weight > 0) evidence.timing = true;
      else if (id === "activity-schedule" || id === "login-daily-slots" || (id === "datacenter-ip" && f.recentUiProductCount === 0)) evidence.weakTiming = true;
      else if (id === "working-hours-only") evidence.workingHours = true;
      else if (id === "role-mailbox") evidence.roleMailbox = evidence.machineName = evidence.botName = true;
      // A person's own name written surname first (`jenkins.sarah@`) names no machine, whatever the word.
      if (id === "bot-name" && factor >= 1) {
        evidence.botName = true;
        if (!nameMailbox(f, ctx)) evidence.machineName = true;
      }
      else if (id === "empty-profile" && NAMELESS.test(user.name)) evidence.machineName = true;
      else if (id === "departed-with-live-token" || id === "token-without-ui") evidence.lifecycle = true;
      else if (weight < 0 && id !== "2sv-enabled") evidence.person = true;
      // Sign-ins standing in for UI activity the snapshot does not record show a visit, not work.
      if (weight < 0 && ((id === "recent-ui-activity" && f.uiActivityKnown) || id === "interactive-logins")) evidence.personAtWork = true;
      if (weight < 0 && id === "interactive-logins") evidence.signsIn = true;
      else if (weight < 0 && id === "full-profile") evidence.fullProfile = true;
      if (weight > 0 && TIMER_RULES.has(id)) evidence.timer = true;
    }
    const score = Math.round(raw * 10) / 10;

    let verdict: Verdict;
    let listed: Finding["listed"];
    let held = 0;
    let floor: Floor | null = null;
    if (user.accountType === "service" || table.isServiceAccount(slot)) {
      verdict = "service-account";
    } else if (user.accountType === "app") {
      verdict = "app";
    } else {
      listed = listsInUse ? listEntries(user, allow, deny, warnings) : undefined;
      if (listed !== undefined) verdict = listed.list === "deny" ? "bot" : "human";
      else {
        verdict = score >= botScore ? "bot" : score >= likelyBotScore ? "likely-bot" : "human";
        if (verdict === "bot") {
          held = botHold(f, evidence, ctx, reviewWhileUiActive);
          if (held !== 0) verdict = "likely-bot";
        }
        // A team's mailbox that scripts use, or any account a script visibly runs as, is never
        // left unreviewed, whatever people do with it.
        if (verdict === "human") {
          // Without an audit log nothing tells who uses a team's address, or how: it is reviewed.
          if (evidence.roleMailbox && (tokenInUse(f, ctx) || evidence.machine === 2 || sharedSignIns(f).length > 0 || !ctx.auditLog)) floor = "shared-use";
          // A routine start of day is a person's habit too: weak timing counts only on an account
          // where nobody is seen at work in the UI (no UI use or interactive logins that count), or
          // that is busy on most Saturdays or Sundays, as a job is and a person rarely.
          // So does a sign-in from a headless browser, whatever else is at work on the account.
          else if (evidence.timing || (evidence.weakTiming && (!evidence.personAtWork || weekendsLikeWeekdays(f, ctx))) || automatedSignIns(f)) floor = "script-in-use";
          else if (automationIdentity(f, fired, ctx)) floor = "automation-identity";
          else if (robotSittings(f)) floor = "robot-sittings";
          // A token in use where the UI never was: where the snapshot does not record the UI, no
          // sign-in in a log long enough that a person would have signed in (token-without-ui).
          else if ((fired.divergence || fired.tokenWithoutUi) && f.lastUiAccess === null) floor = "token-without-ui";
          // In a group of scripts' accounts, with a script's trace of its own, where no person is
          // seen at work or the account is nobody's own (no IdP, an empty profile): the owner of
          // the group's jobs, at work in the UI, is told to enable 2SV rather than reviewed.
          else if (groupPass && (!evidence.personAtWork || (user.managementSource !== "synced" && fired.emptyProfile)) && lifecycleState(f) === null && groupTraces(f, fired, ctx) && machineGroupOf(user, groups) !== null) floor = "automation-group";
          if (floor !== null) verdict = "likely-bot";
        }
      }
    }
    const state = lifecycleState(f);
    if (groups.size > 0 && !groupPass && user.accountType === "atlassian" && verdict !== "service-account" && tallyGroups(user, groups, verdict, state === null) && verdict === "human" && listed === undefined) {
      deferred.push(slot);
      return;
    }
    // An inactive account is work only while a script still uses one of its tokens; a token that is
    // now blocked can no longer be in use, whenever it was last used.
    const stillScripted = state !== null && state !== "migrated" && verdict !== "human" && inactiveTokenInUse(f, referenceMs, config.thresholds.recentDays * DAY_MS, table.eventsOf(slot));
    const recommendation = state !== null && !stillScripted ? "none" : recommend(verdict, user, f.otpCount, listed);
    count(summary, verdict, recommendation);
    if (state === "migrated") summary.migrated = (summary.migrated ?? 0) + 1;
    else if (state !== null) summary.inactive = (summary.inactive ?? 0) + 1;
    if (options.includeHumans || verdict !== "human" || recommendation === "enable-2sv" || state === "migrated") {
      table.samples(slot, f);
      judged.score = score;
      judged.verdict = verdict;
      judged.listed = listed;
      judged.recommendation = recommendation;
      judged.held = held;
      judged.floor = floor;
      judged.group = floor === "automation-group" ? machineGroupOf(user, groups) : null;
      findings.push(writeFinding(user, f, judged, rules, ctx, config));
    }
  };
  for (let slot = 0; slot < users.length; slot++) judgeAccount(slot);
  groupPass = true;
  for (const slot of deferred) judgeAccount(slot);

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
  warnings.push(...coverageWarnings(table.coverage, config, users.length > 0, inferredOtpActions), ...profileWarnings(users, table.coverage.events > 0, table.uiActivityRecorded));
  sortFindings(findings);

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

/** The finding of one account the report keeps, with its evidence written out. */
function writeFinding(user: User, f: AccountFeatures, judged: Judged, rules: readonly ActiveRule[], ctx: RuleContext, config: DetectionConfig): Finding {
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
    signals.push(...holdNotes(f, held, score, config));
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
  } else if (floor === "robot-sittings") {
    signals.push({
      id: "script-in-use",
      weight: 0,
      evidence: `Scores ${score}, below the likely-bot threshold ${config.thresholds.likelyBotScore}, but it signed in ${plural(f.loginSittings, "time")} on ${plural(f.loginSittingDays, "day")}, each time working for minutes and no more (${f.sittingWorkNearSignIn} of ${plural(f.sittingWorkEvents, "event")} of work within ${config.thresholds.dailySlotWindowMinutes} minutes of a sign-in), answering an email OTP challenge at ${f.otpCount} of them without 2SV: a browser robot's sittings; review it.`,
    });
  } else if (floor === "automation-group") {
    const group = judged.group as GroupTally;
    signals.push({
      id: "automation-identity",
      weight: 0,
      evidence: `Scores ${score}, below the likely-bot threshold ${config.thresholds.likelyBotScore}, but it is a member of the group "${group.name}", named like automation, in which ${group.bots} of ${plural(group.members, "active account")} are bots on their own evidence (and ${group.likelyBots} more likely bots), and shows a script's traces (${scriptTraces(f, ctx).filter((t) => t !== TOKEN_TRACE).join(", ")}): review it.`,
    });
  } else if (floor === "automation-identity") {
    signals.push({
      id: "automation-identity",
      weight: 0,
      evidence: `Scores ${score}, below the likely-bot threshold ${config.thresholds.likelyBotScore}, but it is ${automationName(f, ctx) !== null ? `named like automation (${automationName(f, ctx) ?? ""})` : "a new account with an empty profile"} and shows a script's traces (${scriptTraces(f, ctx).join(", ") || (ctx.auditLog ? "none recorded: the name and the empty profile suffice" : "none can be seen without an audit log: the name and the empty profile suffice")}) on an account ${f.user.managementSource !== "synced" ? "the identity provider does not manage" : signals.some((s) => s.id === "empty-profile") ? "with an empty profile" : "the identity provider manages"}: review it.`,
    });
  } else if (floor === "script-in-use") {
    signals.push({
      id: "script-in-use",
      weight: 0,
      evidence: automatedSignIns(f)
        ? `Scores ${score}, below the likely-bot threshold ${config.thresholds.likelyBotScore}, but ${f.loginScriptedCount} of its ${plural(f.loginCount, "sign-in")} came from a headless browser's or a scripting library's user agent, as no person signs in: a script runs as this account; review it.`
        : `Scores ${score}, below the likely-bot threshold ${config.thresholds.likelyBotScore}, but its activity runs round the clock, every day, on a schedule or on a timer's beat, its logins come at a fixed cadence or more often than a person signs in, or all of it comes from cloud addresses, as no person works: a script runs as this account; review it.`,
    });
  }
  const lifecycle = lifecycleOf(f, ctx.referenceMs, judged.recommendation !== "none");
  if (lifecycle !== undefined) signals.push({ id: lifecycle.state === "migrated" ? "already-migrated" : "inactive-account", weight: 0, evidence: lifecycle.evidence });
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

/** A fired rule's weight: its factor times its configured weight, to two decimals. */
function signalWeight(factor: number, weight: number): number {
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

interface CredentialIndex {
  tokens: Map<string, Snapshot["serviceAccountTokens"]>;
  oauthClients: Map<string, OAuthClient[]>;
}

/** Tokens and OAuth clients by service-account collection id. */
function credentialIndex(snapshot: Snapshot): CredentialIndex {
  const tokens = new Map<string, Snapshot["serviceAccountTokens"]>();
  for (const t of snapshot.serviceAccountTokens) tokens.set(t.serviceAccountId, [...(tokens.get(t.serviceAccountId) ?? []), t]);
  const oauthClients = new Map<string, OAuthClient[]>();
  for (const client of snapshot.oauthClients ?? []) {
    if (!client.serviceAccountId) continue;
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

/**
 * Sorts findings in place by verdict, then score (highest first), name and account id. A large
 * org has tens of thousands of findings whose names lie scattered across the heap; the keys are
 * copied into compact arrays first (the strings packed by one JSON round trip), so the half a
 * million comparisons read memory that stays in the processor's cache.
 */
function sortFindings(findings: Finding[]): void {
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

/**
 * Why an account that scores at or above the bot threshold is not called `bot` (HOLD_* bits; 0
 * when it is). A person must never be migrated on a score made of tokens, names and profile
 * alone: `bot` needs machine evidence, and a person's working rhythm or live UI use holds it back.
 */
function botHold(f: AccountFeatures, evidence: Evidence, ctx: RuleContext, reviewWhileUiActive: boolean): number {
  const { t } = ctx;
  let held = 0;
  // Where the source does not record who the IdP manages, a person's title or department on an
  // account with no automation name stands in for the IdP's provisioning.
  const provisioned =
    f.user.status === "active" && (f.user.managementSource === "synced" || (f.user.managementSource === undefined && personProfile(f) && !evidence.machineName));
  if (evidence.machine === 0) held |= HOLD_NO_MACHINE;
  else if (evidence.machine === 2) {
    // An account the identity provider provisions needs two independent lines of machine evidence.
    // Rules of one family on activity that pauses every night (an IDE that polls while the laptop
    // is open, weekends included: its beat and the weekends it keeps) are one line, unless the
    // account has a script's lifecycle or a name like automation's.
    // A script's account created in the directory is no person's: a name that leads with an
    // automation word or is a role address, a token in use where the UI never was, no sign-in.
    if (provisioned && !directoryScript(f, evidence, ctx) && (evidence.strongRules < 2 || (!manyFamilies(evidence.strongFamilies) && pausesNightly(f, ctx) && !scriptsAccount(f, evidence, ctx)))) held |= HOLD_IDP;
  } else {
    if (provisioned) held |= HOLD_IDP;
    // Weak evidence (cloud addresses) is what a developer's script on a cloud machine leaves too;
    // it decides only where the source says the identity provider does not manage the account.
    else if (f.user.managementSource === undefined) held |= HOLD_SOURCE_SILENT;
    // A person's job title or department, and a name that is no automation's: weak evidence
    // (a schedule, stale UI use, cloud addresses) is what a person's odd month leaves too.
    if (personProfile(f) && !evidence.machineName) held |= HOLD_PERSON_PROFILE;
    if (f.activityEvents === 0) held |= HOLD_UNTIMED;
    else if (f.quietShare <= t.workingHoursQuietShare) held |= HOLD_NIGHTLY_PAUSE;
    // Cloud addresses alone are a VPN's or a cloud desktop's as often as a job's.
    if (!evidence.beyondAddresses) held |= HOLD_ADDRESSES_ONLY;
  }
  // Too little activity to judge its timing, or only weak machine evidence and a nightly pause,
  // but everything else is a machine's: a token in use
  // on an account whose UI use stopped long ago or never started, a bot-like or role name, and
  // no sign of a person, on an account the identity provider does not manage.
  const identityHolds = HOLD_NO_MACHINE | HOLD_UNTIMED | HOLD_NIGHTLY_PAUSE | HOLD_SOURCE_SILENT | HOLD_ADDRESSES_ONLY;
  if ((held & identityHolds) !== 0 && machineIdentity(f, evidence, ctx)) held &= ~identityHolds;
  if (evidence.workingHours) held |= HOLD_WORKING_HOURS;
  // One strong rule (a timer) in a person's working week, on an account with neither a script's
  // lifecycle nor a name like automation: an IDE that polls while it is open looks the same, so
  // it is reviewed, as working-hours-only would have it.
  // So does one timer that stops for a night's rest every day, at whatever hour (a rota, a week
  // abroad), and on weekends too (an IDE left open at the weekend), where `every-day` is no second
  // line: a job's timer has no reason to rest each night.
  else if (
    !scriptsAccount(f, evidence, ctx) &&
    f.activityEvents > 0 &&
    ((evidence.strongRules === 1 && workingWeekShape(f, ctx, 1)) || (evidence.strongRules - (evidence.everyDay ? 1 : 0) === 1 && restsNightly(f)))
  )
    held |= HOLD_WORKING_HOURS;
  // Activity timing alone (however many of its rules fired) on a laptop's week, on an account
  // with no name like automation's, even with a script's lifecycle (no UI use for months, or
  // never): an IDE or a desktop app polling while the laptop is open, which rests at weekends and
  // starts when its owner does, not at a clock's minute (a contractor who works from an IDE and a
  // CLI alone). Only a review: a job on a laptop's week looks the same.
  else if (!evidence.machineName && evidence.strongFamilies === TIMING_FAMILY && laptopHours(f, ctx)) held |= HOLD_WORKING_HOURS;
  // An account the IdP provisions that rests at weekends is a person's week, whatever its
  // timing on weekdays (a desktop left running with a poller): reviewed, the same way.
  if (provisioned && !scriptsAccount(f, evidence, ctx) && restsAtWeekends(f, ctx)) held |= HOLD_WORKING_WEEK;
  // Busy nights on some days, and a week or more of work in which it rested every night: a person
  // on call, paged at any hour in their on-call weeks. A job that runs at night runs every night.
  if (provisioned && evidence.machine === 2 && !scriptsAccount(f, evidence, ctx) && f.nightDays >= ON_CALL_MIN_NIGHTS && f.restingRunDays >= ON_CALL_MIN_REST_DAYS) held |= HOLD_ON_CALL;
  // Busy at any hour and every day, but on no timer's beat or schedule, on an account the IdP
  // provisions with a person's profile and name: an engineer who is always on call answers pages
  // at random hours. (A webhook-driven integration named like a person looks the same: reviewed.)
  // The same where a person signs in from a browser on several days: an invited contractor paged
  // every night signs in from a phone each time.
  if (evidence.machine === 2 && !evidence.strongTimer && !evidence.machineName && ((provisioned && personProfile(f)) || browserSignIns(f, evidence, ctx))) held |= HOLD_NO_TIMER;
  // Round the clock over the whole log, but with a night's sleep every few days, at a time that
  // moves: a person who travels across time zones. A job has no quiet night anywhere.
  if (evidence.machine === 2 && !evidence.timer && !scriptsAccount(f, evidence, ctx) && restsNightly(f) && f.quietShare > t.workingHoursQuietShare) held |= HOLD_MOVING_NIGHT;
  // A person's own sign-ins in the log on many days: whatever runs on the account's token, its
  // owner still works on it (a contractor back from leave, whose token a teammate's script uses),
  // and migrating would lock them out.
  if (evidence.signsIn && f.loginDays >= SIGNED_IN_MIN_DAYS) held |= HOLD_SIGNED_IN;
  // A team's role address worked in the UI within `staleUiDays`, for long sittings after each
  // sign-in, with no script's trace (a token, cloud addresses, a script's lifecycle): a service
  // desk staffed in shifts round the clock signs in as steadily as a timer. Timing alone does not
  // take the team's account from it.
  // Where the log records sign-ins but no work, a desk shows in its sign-ins instead: browsers
  // from three addresses or more, on no timer's beat or schedule.
  if (evidence.roleMailbox && f.recentUiProductCount > 0 && (workAfterSignIns(f, t) || deskSignIns(f, evidence)) && !evidence.lifecycle && !tokenInUse(f, ctx) && !fromCloud(f)) held |= HOLD_SHARED_DESK;
  // A token used in working hours only beside one used at all hours or at one time of day: a
  // person with a script of their own, whose account would go with the script.
  if (f.workdayTokenBesideOther && !scriptsAccount(f, evidence, ctx)) held |= HOLD_PERSON_TOKEN;
  // A new account used in the UI on its first day only, its token since: a script's setup, or a
  // new joiner who prefers a CLI. Review, never migrate, on that alone.
  if (evidence.setupDivergence && evidence.strongRules === 0) held |= HOLD_NEW_ACCOUNT;
  // A second factor enrolled, or a person's full profile, on an account once worked in the UI,
  // with a name that is no automation's: a person's own account. Its token's job, however regular,
  // says nothing about whether the person left or is on leave and coming back; a migration would
  // lock them out.
  if (secondFactorPerson(f, evidence, ctx)) held |= HOLD_SECOND_FACTOR;
  // UI activity that the account's own machine-like logins explain is a headless browser's.
  if (reviewWhileUiActive && f.recentUiProductCount > 0 && !uiDrivenByMachine(f, ctx)) held |= HOLD_UI;
  return held;
}

/**
 * Two-step verification enrolled or a person's full profile (`full-profile`: job title and
 * department), UI use on record but none within `staleUiDays`, a token in use,
 * a name that is no automation's, and machine evidence from activity timing alone (no sign-in a
 * robot makes, no email challenge it cannot answer): a person's account on which a script of
 * theirs runs while they are away.
 */
function secondFactorPerson(f: AccountFeatures, evidence: Evidence, ctx: RuleContext): boolean {
  return (
    (f.user.mfaEnabled === true || evidence.fullProfile) &&
    f.user.status === "active" &&
    !evidence.machineName &&
    // UI use on record; or, in a snapshot that does not record it, a second factor, which says a
    // person signed in once.
    (f.lastUiAccess !== null || (!f.uiActivityKnown && f.user.mfaEnabled === true)) &&
    f.recentUiProductCount === 0 &&
    tokenInUse(f, ctx) &&
    evidence.strongFamilies === TIMING_FAMILY
  );
}

/** The lifecycle and identity of a script's account, for accounts whose timing says nothing. */
function machineIdentity(f: AccountFeatures, evidence: Evidence, ctx: RuleContext): boolean {
  const source = f.user.managementSource;
  return (
    !evidence.person &&
    source !== "synced" &&
    // A source that does not say who the IdP manages (and may not collect profiles) needs a
    // bot-like name, not only a one-word one.
    (source === undefined ? evidence.botName : evidence.machineName) &&
    // `rpa@`, `etl@` or `api@` on a person's name is a person's initials as often as a job's, and
    // `jenkins.sarah@` or `bot.ben@` is Sarah Jenkins's or Ben Bot's address, surname first.
    !(!evidence.roleMailbox && (initialsMailbox(f, ctx) || nameMailbox(f, ctx))) &&
    scriptAtWorkAlone(f, evidence, ctx)
  );
}

/** A token in use on an account whose UI use never started or stopped long ago, with no UI use or sign-in in the window: a script's lifecycle, and nobody else seen on the account. */
function scriptAtWorkAlone(f: AccountFeatures, evidence: Evidence, ctx: RuleContext): boolean {
  return evidence.lifecycle && tokenUsedRecently(f, ctx) && f.recentUiProductCount === 0 && f.loginCount === 0;
}


/**
 * Sign-ins on `SIGNED_IN_MIN_DAYS` days or more, some from a browser (or, with no user agent
 * recorded, from two addresses or more) and at most a fifth from an automation client (a phone's
 * app is neither), on an account with no script's lifecycle.
 */
function browserSignIns(f: AccountFeatures, evidence: Evidence, ctx: RuleContext): boolean {
  // Where no user agent is recorded for the account, sign-ins from two addresses (office and home) stand in for the browser.
  const unrecorded = f.loginDays >= SIGNED_IN_MIN_DAYS && f.userAgentEventCount === 0 && f.loginIpCount >= 2;
  return (signsInFromBrowsers(f) || unrecorded) && !scriptsAccount(f, evidence, ctx);
}

/** Sign-ins on `SIGNED_IN_MIN_DAYS` days or more, some from a browser and at most a fifth from an automation client. */
function signsInFromBrowsers(f: AccountFeatures): boolean {
  return f.loginDays >= SIGNED_IN_MIN_DAYS && f.loginBrowserCount > 0 && f.loginAutomationCount * 5 <= f.loginCount;
}

/**
 * Three sign-ins a day or more, on `ROBOT_SITTING_DAYS` days, each followed by a few minutes of
 * work and nothing after (of one event a sitting or more, `ROBOT_NEAR_SHARE` within
 * `dailySlotWindowMinutes` of a sign-in and hardly any late in the time to the next), with an
 * email OTP challenge at most of them on an account without 2SV: a browser robot that signs in,
 * does its steps and leaves, many times a day. A person who signs in that often works on between.
 */
function robotSittings(f: AccountFeatures): boolean {
  return (
    f.loginSittingDays >= ROBOT_SITTING_DAYS &&
    f.loginSittings >= f.loginSittingDays * ROBOT_SITTINGS_PER_DAY &&
    f.sittingWorkEvents >= ROBOT_SITTING_DAYS * ROBOT_SITTINGS_PER_DAY &&
    f.sittingWorkNearSignIn >= f.sittingWorkEvents * ROBOT_NEAR_SHARE &&
    f.sittingWorkLate <= f.sittingWorkEvents * ROBOT_LATE_SHARE &&
    f.user.mfaEnabled !== true &&
    f.otpCount >= f.loginCount * ROBOT_OTP_SHARE
  );
}
const ROBOT_SITTING_DAYS = 10;
const ROBOT_SITTINGS_PER_DAY = 3;
const ROBOT_NEAR_SHARE = 0.95;
const ROBOT_LATE_SHARE = 0.15;
const ROBOT_OTP_SHARE = 0.8;

/**
 * Sign-ins from browsers (`signsInFromBrowsers`, on a team's address) at three addresses or more,
 * on no timer (or from four addresses or more), where the log records no work after them.
 */
function deskSignIns(f: AccountFeatures, evidence: Evidence): boolean {
  return (
    f.sittingWorkEvents === 0 &&
    // A timer's sign-ins come from its host; a desk's daily handover from four desks or more.
    (!evidence.timer || f.loginIpCount >= 4) &&
    f.loginIpCount >= TEAM_SIGN_IN_ADDRESSES &&
    signsInFromBrowsers(f)
  );
}

/** A quiet night in most three-day stretches (see `judgedStretches`), at whatever hour it falls. */
function restsNightly(f: AccountFeatures): boolean {
  return f.judgedStretches >= 2 && f.quietStretches >= f.judgedStretches * MOVING_NIGHT_SHARE;
}

/** Email OTP challenges that come one to a sign-in (no more than 1.5 per sign-in): each sign-in brings its own. */
function otpPerSignIn(f: AccountFeatures): boolean {
  return f.loginCount > 0 && f.otpCount <= f.loginCount * 1.5;
}

/**
 * An account the directory provisions for a script: named like automation from its first word (or
 * a role address, not a person's name written in its mailbox), a token in use where the UI never
 * was or stopped long ago, and no UI use or sign-in in the log.
 */
function directoryScript(f: AccountFeatures, evidence: Evidence, ctx: RuleContext): boolean {
  return (
    evidence.botName &&
    // A role address alone is a small firm's person's as often (`info@` for its office manager,
    // with her title and department): it needs no person's profile beside it.
    (!evidence.roleMailbox || !personProfile(f)) &&
    !nameMailbox(f, ctx) &&
    !initialsMailbox(f, ctx) &&
    scriptAtWorkAlone(f, evidence, ctx)
  );
}

/** Activity enough to judge, with the quietest 8 hours of the day nearly silent. */
function pausesNightly(f: AccountFeatures, ctx: RuleContext): boolean {
  return timed(f, ctx) && f.quietShare <= ctx.t.workingHoursQuietShare;
}

/** `strongFamilies` of timing alone: the rules of the `logins` family, which time sign-ins and all activity. */
const TIMING_FAMILY = 2;

/** Strong machine evidence from more than one family of rules (activity timing, logins, OTP challenges). */
function manyFamilies(families: number): boolean {
  return (families & (families - 1)) !== 0;
}

/** A script's lifecycle (a token in use where the UI never was or stopped long ago) or a name like automation's that is not a person's written surname first. */
function scriptsAccount(f: AccountFeatures, evidence: Evidence, ctx: RuleContext): boolean {
  return evidence.lifecycle || (evidence.machineName && !nameMailbox(f, ctx));
}

/**
 * A laptop's week: at rest at weekends (at work on at most `LAPTOP_MAX_WEEKEND` of the Saturdays
 * and of the Sundays, over two weekends and `LAPTOP_MIN_DAYS` active days), or too little of one
 * to tell, with a pause every night (someone back from leave, a consultant on one day a week, a
 * log of ten days); and a start of day that is not a clock's (the first work in one 3-minute
 * window on `CLOCK_START_SHARE` of the active days), unless the work comes from no cloud address
 * and with no HTTP library's user agent (recorded).
 */
function laptopHours(f: AccountFeatures, ctx: RuleContext): boolean {
  const judged = f.weekendDaysInSpan >= 4 && f.activityDays >= LAPTOP_MIN_DAYS;
  const week = judged ? Math.max(f.saturdayCoverage, f.sundayCoverage) <= LAPTOP_MAX_WEEKEND : pausesNightly(f, ctx);
  const clockStart = f.exactStartDays >= f.activityDays * CLOCK_START_SHARE;
  return f.activityEvents > 0 && week && (!clockStart || (f.userAgentEventCount > 0 && !fromCloud(f) && !mostlyAutomationAgents(f)));
}
const LAPTOP_MIN_DAYS = 6;
const LAPTOP_MAX_WEEKEND = 0.5;
const CLOCK_START_SHARE = 0.8;

/**
 * At rest on two weekends or more, at work on no more than `workingWeekMaxWeekend` of the
 * Saturdays and of the Sundays (a release weekend, a laptop left on once).
 */
function restsAtWeekends(f: AccountFeatures, { t }: RuleContext): boolean {
  return f.activityEvents > 0 && f.weekendDaysInSpan >= 4 && Math.max(f.saturdayCoverage, f.sundayCoverage) <= t.workingWeekMaxWeekend;
}

/** Active on more than `everyDayWeekendShare` of the Saturdays or of the Sundays of its span (a six-day job too). */
function weekendsLikeWeekdays(f: AccountFeatures, { t }: RuleContext): boolean {
  return f.weekendDaysInSpan >= 2 && (f.saturdayCoverage > t.everyDayWeekendShare || f.sundayCoverage > t.everyDayWeekendShare);
}

/**
 * A mailbox that writes a person's display name: surname first (`jenkins.sarah@` for Sarah
 * Jenkins or "Jenkins, Sarah", `bot.ben@` for Ben Bot), or given name first where every bot-like
 * word is three letters or fewer, as given names and initials are (`ci.liu@` for Ci Liu). Every
 * word is one of the name's, and one of them at least is not bot-like. (Given name first with a
 * longer bot-like word, the same shape is a team's as often: `status.reporter@`, `build.agent@`.)
 */
function nameMailbox(f: AccountFeatures, ctx: RuleContext): boolean {
  if (f.localPart === null) return false;
  const words = givenNameFirst(f.user.name);
  if (words.length < 2) return false;
  const parts = f.localPart.toLowerCase().split(MAILBOX_SEPARATORS).filter((w) => w !== "" && !/^\d+$/.test(w));
  if (parts.length < 2 || !parts.every((p) => words.includes(p)) || parts.every((p) => ctx.matchers.nameToken.test(p))) return false;
  // Surname first; or given name first where the bot-like words are as short as a given name
  // or initials are (`ci.liu@` for Ci Liu, `api.nugroho@` for Api Nugroho).
  return parts[0] === words[words.length - 1] || parts.every((p) => p.length <= SHORT_NAME_WORD || !ctx.matchers.nameToken.test(p));
}

/** A display name's words, lower-cased, given name first: "Jenkins, Sarah" is `sarah`, `jenkins`. */
function givenNameFirst(name: string): string[] {
  const comma = SURNAME_FIRST.exec(name);
  const ordered = comma === null ? name : `${comma[2]} ${comma[1]}`;
  return ordered.toLowerCase().split(DISPLAY_NAME_SEPARATORS).filter((w) => w !== "");
}
const SURNAME_FIRST = /^([^,]+),\s*([^,]+)$/;
// A display name's words are separated by spaces ("Sarah Jenkins", "Jenkins, Sarah"); a
// mailbox's by anything else ("jenkins.sarah", "svc-jira2").
const DISPLAY_NAME_SEPARATORS = /[\s,]+/u;
const MAILBOX_SEPARATORS = /[^\p{L}\p{N}]+/u;
const SHORT_NAME_WORD = 3;

/** A mailbox of two or three letters on an account with a person's name: two words or more, none of them bot-like. */
function initialsMailbox(f: AccountFeatures, ctx: RuleContext): boolean {
  return f.localPart !== null && /^[a-z]{2,3}$/i.test(f.localPart) && f.user.name.trim().split(/\s+/).length >= 2 && !ctx.matchers.nameWord.test(f.user.name);
}

/** Rules that fired for the account being scored, for the review floors. */
interface Fired {
  divergence: boolean;
  /** token-without-ui fired: a token in use on an account never seen in the UI (or never signed in, where the UI is not recorded). */
  tokenWithoutUi: boolean;
  datacenter: boolean;
  emptyProfile: boolean;
}

const TOKEN_TRACE = "API token use";

/** Where a bot-like word appears in the account's identity, or null. */
function automationName(f: AccountFeatures, ctx: RuleContext): string | null {
  const { nameWord } = ctx.matchers;
  const user = f.user;
  if (f.localPart !== null && nameWord.test(f.localPart)) return `mailbox \`${user.email ?? ""}\``;
  if (user.nickname && nameWord.test(user.nickname)) return `nickname \`${user.nickname}\``;
  if (nameWord.test(user.name)) return `name \`${user.name}\``;
  // A title that names a machine's account, or a bare "Automation" or "Integration" (a team's
  // name, or the job's): a review with a script's traces beside it, never a `bot` by itself.
  if (user.jobTitle && MACHINE_TITLE.test(user.jobTitle)) return `job title "${user.jobTitle}"`;
  return null;
}

/** The traces a script leaves that a person rarely does: cloud addresses, unanswered OTPs, token use, a lone setup sign-in. */
function scriptTraces(f: AccountFeatures, ctx: RuleContext, fired?: Fired): string[] {
  const out: string[] = [];
  if (fired ? fired.datacenter : fromCloud(f)) out.push("cloud addresses");
  if (f.otpCount > 0 && f.user.mfaEnabled !== true) out.push("email OTP challenges without two-step verification");
  else if (otpFlood(f, ctx)) out.push("more email OTP challenges a day than a person answers");
  if (tokenInUse(f, ctx)) out.push(TOKEN_TRACE);
  if (setupOnlyUi(f, ctx)) out.push("a lone sign-in when it was set up");
  return out;
}

/**
 * An account named like automation (a bot-like word anywhere in its mailbox, nickname or name)
 * that shows a script's traces, and that the identity provider does not manage or whose profile
 * is empty: at least a review case, however human its UI use looks. People with such a surname
 * may be reviewed; they are never called `bot` by this.
 */
function automationIdentity(f: AccountFeatures, fired: Fired, ctx: RuleContext): boolean {
  const unmanaged = f.user.managementSource !== "synced" || fired.emptyProfile;
  if (automationName(f, ctx) === null) return setupOnlyUi(f, ctx, true) && f.user.managementSource !== "synced" && fired.emptyProfile;
  // A name that leads with a bot-like word (`Monitoring`, `deploy-bot@`) needs no more; a person
  // whose surname is one (`Sarah Jenkins`) and whom the identity provider manages does. A mailbox
  // that writes a person's name surname first (`jenkins.sarah@`) does not lead, nor does
  // "Jenkins, Sarah", a directory's way of writing Sarah Jenkins.
  const leading = ctx.matchers.nameLeadingWord;
  // A job title that says the account is no person's leads too: an admin wrote it.
  const ownName = nameMailbox(f, ctx);
  const mailboxLeads = !ownName && f.localPart !== null && leading.test(f.localPart);
  const leads = machineTitle(f) || mailboxLeads || (!ownName && leading.test(f.user.name) && !SURNAME_FIRST.test(f.user.name));
  if (!unmanaged && !leads && !fired.datacenter) return false;
  // Named like automation from the first word, with an empty profile and no IdP: no person's
  // account. Without an audit log, where no trace but a token's can be seen, a bot-like word
  // anywhere is enough for that.
  if ((leads || !ctx.auditLog) && fired.emptyProfile && f.user.managementSource !== "synced" && f.user.managementSource !== undefined) return true;
  const traces = scriptTraces(f, ctx, fired);
  // A token is what a person named Jenkins uses too: after a surname-like word it is not enough.
  // A mailbox named from its first word (`bamboo-ci@`, not a display name "Ci Wang"): sign-ins
  // without 2SV are a trace too, as each now waits for an email code, whoever or whatever signs
  // in (a CI server's UI login whose codes the log lost).
  return leads ? traces.length > 0 || (mailboxLeads && f.loginCount > 0 && f.user.mfaEnabled !== true) : traces.some((t) => t !== TOKEN_TRACE);
}

/** A group named like automation, and how its active members were judged on their own evidence. */
interface GroupTally {
  name: string;
  members: number;
  bots: number;
  likelyBots: number;
}

/**
 * Groups whose name has a bot-like word ("automation", "integrations", "ci-bots"). Not the
 * description: "Platform engineers and the CI bots they run" names a team of people.
 */
function automationGroups(groups: readonly Group[], matchers: Matchers): Map<string, GroupTally> {
  const out = new Map<string, GroupTally>();
  for (const group of groups) if (matchers.nameWord.test(group.name)) out.set(group.id, { name: group.name, members: 0, bots: 0, likelyBots: 0 });
  return out;
}

/** Counts an active account's verdict in each group named like automation it is in; whether it is in one. */
function tallyGroups(user: User, groups: Map<string, GroupTally>, verdict: Verdict, active: boolean): boolean {
  let member = false;
  for (const id of user.groupIds) {
    const tally = groups.get(id);
    if (tally === undefined) continue;
    member = true;
    if (!active) continue;
    tally.members++;
    if (verdict === "bot") tally.bots++;
    else if (verdict === "likely-bot") tally.likelyBots++;
  }
  return member;
}

/**
 * The group of scripts' accounts the account is in, or null: a group named like automation with
 * at least `MACHINE_GROUP_MIN` active members, most of them (`MACHINE_GROUP_SHARE`) bots on their
 * own evidence, a likely bot counting half (a group of CLI users, many of them reviewed, is no
 * group of scripts). A name alone says little (some orgs put every engineer in "automation");
 * what the group's other members turn out to be does.
 */
function machineGroupOf(user: User, groups: ReadonlyMap<string, GroupTally>): GroupTally | null {
  for (const id of user.groupIds) {
    const tally = groups.get(id);
    if (tally !== undefined && tally.members >= MACHINE_GROUP_MIN && tally.bots + tally.likelyBots / 2 >= tally.members * MACHINE_GROUP_SHARE) return tally;
  }
  return null;
}

/** A script's trace other than a token, which the owner of a group's scripts may hold too. */
function groupTraces(f: AccountFeatures, fired: Fired, ctx: RuleContext): boolean {
  return scriptTraces(f, ctx, fired).some((t) => t !== TOKEN_TRACE);
}

/** The notes that say why a high score was held back to `likely-bot`. */
function holdNotes(f: AccountFeatures, held: number, score: number, config: DetectionConfig): Signal[] {
  const t = config.thresholds;
  const notes: Signal[] = [];
  const reasons: string[] = [];
  if ((held & HOLD_NO_MACHINE) !== 0) {
    const timing =
      f.activityEvents === 0
        ? `; its timing could not be judged (${f.eventCount === 0 ? "no audit events" : `only ${f.eventCount} audit event${f.eventCount === 1 ? "" : "s"}`} in the window, ${t.minActivityEvents} needed)`
        : "";
    reasons.push(`there is no machine evidence (round-the-clock, daily or scheduled activity, activity on a timer's beat, a fixed login cadence, cloud addresses, OTP challenges on machine-like logins, a live token on an inactive account)${timing}`);
  }
  if ((held & HOLD_IDP) !== 0) reasons.push("the account is provisioned by the identity provider and the machine evidence is thin (weak, or a single strong rule)");
  if ((held & HOLD_SOURCE_SILENT) !== 0) reasons.push("the only machine evidence is weak and the source does not say whether the identity provider manages the account");
  if ((held & HOLD_PERSON_PROFILE) !== 0) reasons.push(`the only machine evidence is weak and the account has a person's profile (${f.user.jobTitle ? `job title "${f.user.jobTitle}"` : `department "${f.user.department ?? ""}"`}) and a name that is no automation's`);
  if ((held & HOLD_WORKING_HOURS) !== 0) reasons.push("its activity keeps working hours only");
  if ((held & HOLD_SECOND_FACTOR) !== 0) {
    const whose = f.user.mfaEnabled === true ? "two-step verification is enrolled on" : "a person's profile (job title and department) is on";
    reasons.push(`${whose} an account ${f.uiActivityKnown ? "once worked in the UI" : "whose UI use the snapshot does not record"}, with a name that is no automation's: a person's own account, and a script of theirs runs on it (whether they left or are away cannot be told from the data; a migration would lock them out)`);
  }
  if ((held & HOLD_PERSON_TOKEN) !== 0) reasons.push("one of its API tokens is used in business hours only and another mostly outside them or at one time of day: a person with a script of their own looks the same, and migrating the account would take it from them");
  if ((held & HOLD_SHARED_DESK) !== 0) {
    const desk =
      f.sittingWorkEvents === 0
        ? `signed in to from browsers ${f.loginIpCount >= 4 ? "at four addresses or more (a timer signs in from its host)" : `at ${f.loginIpCount} addresses on no timer's beat or schedule`} (the log records no work after the sign-ins)`
        : `its work going on long after its sign-ins (${f.sittingWorkEvents - f.sittingWorkNearSignIn} of ${plural(f.sittingWorkEvents, "event")} more than ${t.dailySlotWindowMinutes} minutes after one, ${f.sittingWorkLate} late in the time to the next)`;
    reasons.push(`it is a team's role address worked in the UI within ${t.staleUiDays} days, ${desk}, with no token, cloud address or script's lifecycle: a desk staffed in shifts signs in as steadily as a timer`);
  }
  if ((held & HOLD_ON_CALL) !== 0) reasons.push(`the identity provider provisions it and it was active at night on ${plural(f.nightDays, "day")} but rested every night for ${f.restingRunDays} days in a row while at work, as a person on call in some weeks does; a job that runs at night runs every night`);
  if ((held & HOLD_WORKING_WEEK) !== 0) reasons.push("the identity provider provisions it and it rests every weekend, as its owner would: a person's desktop left running with a poller looks the same");
  if ((held & HOLD_UNTIMED) !== 0) {
    reasons.push(
      `the only machine evidence is weak and its timing could not be judged (${f.eventCount === 0 ? "no audit events" : `only ${f.eventCount} audit event${f.eventCount === 1 ? "" : "s"}`} in the window, ${t.minActivityEvents} needed)`,
    );
  }
  if ((held & HOLD_NIGHTLY_PAUSE) !== 0) reasons.push("the only machine evidence is weak and its activity pauses every night, as a person's does");
  if ((held & HOLD_MOVING_NIGHT) !== 0) reasons.push(`its activity covers every hour of the day over the log, but ${f.quietStretches} of its ${plural(f.judgedStretches, "three-day stretch", "three-day stretches")} each have a quiet night, at a time that moves, as a person's does who travels across time zones; a job has no quiet night anywhere`);
  if ((held & HOLD_NO_TIMER) !== 0) reasons.push("a person's account (provisioned by the identity provider with a person's profile, or signed in to from a browser on several days) whose activity at all hours keeps no timer's beat or schedule, as a person on call answering pages does");
  if ((held & HOLD_SIGNED_IN) !== 0) reasons.push(`a person signs in to it: sign-ins on ${plural(f.loginDays, "day")} of the audit log, most in working hours, which a migration would lock out`);
  if ((held & HOLD_ADDRESSES_ONLY) !== 0) reasons.push("the only machine evidence is cloud addresses, which a VPN or a cloud desktop gives a person too");
  if ((held & HOLD_NEW_ACCOUNT) !== 0) reasons.push("its token has worked alone only since the account's first day, when someone used the UI: a new joiner who prefers a CLI looks the same, and no strong machine evidence says otherwise");
  if (reasons.length > 0) {
    notes.push({
      id: "not-bot",
      weight: 0,
      evidence: `Scores ${score}, at or above the bot threshold ${t.botScore}, but ${reasons.join("; and ")}: review it rather than migrate it.`,
    });
  }
  if ((held & HOLD_UI) !== 0) {
    notes.push({
      id: "ui-in-use",
      weight: 0,
      evidence: `Scores ${score}, at or above the bot threshold ${t.botScore}, but people used the UI within ${t.staleUiDays} days: review it rather than migrate it, or they lose the account.`,
    });
  }
  return notes;
}

/** A token in use, or events done with one: a script runs as the account. */
function tokenInUse(f: AccountFeatures, ctx: RuleContext): boolean {
  return tokenUsedRecently(f, ctx) || f.tokenEventCount > 0;
}

/**
 * Sign-ins that several people make: email OTP challenges on an account without two-step
 * verification (whoever reads the team's inbox answers them), or logins from four or more
 * addresses. On a team's role address, that is a shared account. Empty when there are none.
 */
function sharedSignIns(f: AccountFeatures): string[] {
  const how: string[] = [];
  if (f.otpCount >= 3 && f.user.mfaEnabled !== true) how.push(`${f.otpCount} email OTP challenges without two-step verification`);
  if (f.loginIpCount >= 4) how.push("logins from four or more addresses");
  return how;
}

function sharedUseText(f: AccountFeatures, ctx: RuleContext, score: number, config: DetectionConfig): string {
  const below = `Scores ${score}, below the likely-bot threshold ${config.thresholds.likelyBotScore}, but it is a team's role address`;
  const how = sharedSignIns(f);
  if (!ctx.auditLog && !tokenInUse(f, ctx)) {
    return `${below}, and without an audit log nothing tells whether scripts or several people use it: review who depends on it before anything changes.`;
  }
  if (tokenInUse(f, ctx) || how.length === 0) {
    return `${below} that scripts use (an API token or token-driven events) beside the people who share it: review who depends on it before migrating.`;
  }
  return `${below} that several people sign in to (${how.join(", ")}): each login now waits for a one-time code sent to the team's inbox; review who uses it.`;
}

/**
 * True when a script still uses a token of a suspended or deactivated account: a token still
 * allowed, whose latest use (in the token list or the audit log) is more recent than the script's
 * own longest pause between runs in the log (a day at least, `recentDays` at most: a pause of
 * weeks is a person's leave). A script silent for longer than it ever paused has stopped, most
 * likely when the account was suspended (a daily job last seen five days ago), and the account is
 * reported, not planned; one seen on its usual beat, weekends included, still depends on the
 * account. With fewer than two runs in the log there is no beat to judge: a use within
 * `recentDays` counts.
 */
function inactiveTokenInUse(f: AccountFeatures, referenceMs: number, recentMs: number, events: readonly AuditEvent[]): boolean {
  if (f.lastUsedToken?.status === "BLOCKED") return false;
  const times: number[] = [];
  for (const event of events) if (isPersonTokenEvent(event)) times.push(Date.parse(event.time));
  times.sort((a, b) => a - b);
  // A run is a burst of calls: calls within an hour of the last belong to it.
  const runs: number[] = [];
  for (let i = 0; i < times.length; i++) if (i === 0 || (times[i] as number) - (times[i - 1] as number) > HOUR_MS) runs.push(times[i] as number);
  let lastUse = times.length > 0 ? (times[times.length - 1] as number) : -Infinity;
  if (f.lastUsedToken !== null && f.lastTokenUseMs > lastUse) lastUse = f.lastTokenUseMs;
  // Fewer than two runs in the log show no rhythm: a use within `recentDays` counts, as anywhere.
  if (runs.length < 2) return referenceMs - lastUse <= recentMs;
  let longestPause = DAY_MS;
  for (let i = 1; i < runs.length; i++) longestPause = Math.max(longestPause, (runs[i] as number) - (runs[i - 1] as number));
  // A pause of weeks is a person's leave, not a script's rhythm: `recentDays` at most.
  return referenceMs - lastUse <= Math.min(longestPause, recentMs);
}

function lifecycleState(f: AccountFeatures): Lifecycle["state"] | null {
  if (f.migratedTo !== null) return "migrated";
  const { user } = f;
  if (user.accountStatus === "closed") return "closed";
  if (user.status === "suspended") return "suspended";
  if (user.status !== "active" || user.accountStatus !== "active") return "deactivated";
  return null;
}

/** The account's lifecycle for the report, or undefined for an ordinary active account. */
function lifecycleOf(f: AccountFeatures, referenceMs: number, planned: boolean): Lifecycle | undefined {
  const state = lifecycleState(f);
  if (state === null) return undefined;
  const sa = f.migratedTo;
  if (state === "migrated" && sa !== null) {
    const status = inactiveStatus(f);
    return {
      state,
      serviceAccountId: sa.accountId,
      evidence: `Already migrated: service account "${sa.displayName}" (${sa.email}${sa.createdAt ? `, created ${sa.createdAt.slice(0, 10)}` : ""}) carries this account's migration marker${status !== null ? `; ${status}` : "; the account itself is still active"}.`,
    };
  }
  const token = f.lastUsedToken;
  const lastUse =
    token !== null && !planned && referenceMs - f.lastTokenUseMs <= 30 * DAY_MS
      ? ` Its API token "${token.label}" was last used ${plural(Math.floor((referenceMs - f.lastTokenUseMs) / DAY_MS), "day")} before the reference time, before the account was ${state} most likely: a script that depended on it has stopped, so migrate it only if that script is still needed.`
      : "";
  return { state, evidence: `${inactiveStatus(f) ?? `account is ${state}`}: not in ordinary use, so it is reported, not planned, unless a script still uses its token.${lastUse}` };
}

/** An action's words, lower-cased: `emailOtpSent` and `email-otp.sent` both give email, otp, sent. */
function actionWords(action: string): string[] {
  return action
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .split(/[^A-Za-z0-9]+/)
    .filter((word) => word !== "")
    .map((word) => word.toLowerCase());
}

const OTP_CHALLENGE_WORDS = new Set(["email", "mail", "emailed", "sent", "send", "issued", "issue", "challenge", "challenged", "requested", "request", "delivered"]);
const NOT_A_CHALLENGE_WORDS = new Set(["sms", "phone", "totp", "hotp", "app", "authenticator", "disabled", "disable", "enabled", "enable", "setting", "settings", "config", "configured", "reset", "removed", "remove", "viewed", "view", "updated", "update"]);

/** Words before "code" that make it a one-time code: a verification, login or security code sent to sign in. */
const ONE_TIME_CODE_KINDS = new Set(["verification", "verify", "login", "signin", "security", "one", "time", "onetime"]);

/** True when the words name a one-time passcode: "otp", "passcode", "one time", or a verification, login or security code. */
function namesAOneTimeCode(words: readonly string[]): boolean {
  for (let i = 0; i < words.length; i++) {
    const word = words[i];
    if (word === "otp" || word === "passcode" || word === "onetime" || (word === "one" && words[i + 1] === "time")) return true;
    if (word === "code" && i > 0 && ONE_TIME_CODE_KINDS.has(words[i - 1] as string)) return true;
  }
  return false;
}

/**
 * True when an action's name says it is an email one-time-passcode challenge: a one-time code
 * ("otp", "passcode", "verification code") with a word of sending or challenging
 * (`idp.email-otp.issued`, `otpChallengeSent`, `email_verification_code_sent`), and none about a
 * setting or another channel (`user_otp_disabled`, `sms_otp_sent`, `otp_settings_viewed`).
 */
function namesAnOtpChallenge(action: string): boolean {
  const words = actionWords(action);
  return ((namesAOneTimeCode(words) && words.some((w) => OTP_CHALLENGE_WORDS.has(w))) || namesAnEmailChallenge(words)) && !words.some((w) => NOT_A_CHALLENGE_WORDS.has(w));
}

const EMAIL_WORDS = new Set(["email", "mail", "emailed"]);
/** Words that put a challenge or a verification at a sign-in, not at an email address or a form. */
const SIGN_IN_CHECK_WORDS = new Set(["identity", "idp", "login", "signin", "sign", "auth", "authentication", "mfa", "2fa", "stepup", "step"]);
/** Words of challenges that are no sign-in's: an address or a password changed, a captcha, a domain. */
const NOT_A_SIGN_IN_WORDS = new Set(["change", "changed", "new", "address", "password", "forgot", "captcha", "domain", "signup", "register", "registration", "customer", "portal"]);

/**
 * True when the words name a challenge sent by email at a sign-in, in a log's own words: an
 * email challenge or verification with a word of signing in (`user_login_email_challenge`,
 * `idp.mail.challenge`, `identity_verification_email_sent`); not an email address's verification
 * (`email_verification_sent`), a change of address, a password reset, a captcha, or a customer
 * portal's own mail (`portal_customer_email_challenge_sent`).
 */
function namesAnEmailChallenge(words: readonly string[]): boolean {
  if (!words.some((w) => EMAIL_WORDS.has(w)) || words.some((w) => NOT_A_SIGN_IN_WORDS.has(w))) return false;
  if (!words.some((w) => SIGN_IN_CHECK_WORDS.has(w))) return false;
  return words.includes("challenge") || words.includes("challenged") || words.includes("verification");
}

/**
 * The email-OTP action key to infer from its name: only when no event carries a configured key
 * (so a configured org is never second-guessed) and inference is on. One key, the most used of
 * those whose names say so, so that a challenge logged twice (issued, then passed) counts once.
 */
function inferOtpActions(c: EventCoverage, config: DetectionConfig): string[] {
  if (c.otp > 0 || !config.inferEmailOtpActions) return [];
  let best: string | undefined;
  let bestCount = 0;
  for (const [action, count] of c.otpLikeActions) {
    if (!namesAnOtpChallenge(action)) continue;
    if (count > bestCount || (count === bestCount && best !== undefined && action < best)) {
      best = action;
      bestCount = count;
    }
  }
  return best === undefined ? [] : [best];
}

/**
 * What no account's profile records: a source that never says who the IdP provisions, or that
 * collects no job titles, departments or pictures, or no 2SV state, leaves the rules that read
 * them silent for every account, which a reader must know to trust a quiet report.
 */
function profileWarnings(users: readonly User[], hasEvents: boolean, uiRecorded: boolean): string[] {
  let people = 0;
  let managed = 0;
  let profiled = 0;
  let mfa = 0;
  for (const user of users) {
    if (user.accountType !== "atlassian") continue;
    people++;
    if (user.managementSource !== undefined) managed++;
    if (user.jobTitle !== undefined || user.department !== undefined || user.picture !== undefined) profiled++;
    if (user.mfaEnabled !== undefined) mfa++;
  }
  if (people === 0) return [];
  const out: string[] = [];
  if (!uiRecorded) {
    out.push(
      hasEvents
        ? "Unavailable signal: no account records when it was last active in a product's UI; each account's latest sign-in or work from a browser in the audit log stands for it, so channel-divergence (which needs UI activity that stopped) could not judge any account, and token-without-ui judges only tokens in use on accounts with neither in the whole log."
        : "Unavailable signal: no account records when it was last active in a product's UI, so channel-divergence, token-without-ui and recent-ui-activity could not judge any account.",
    );
  }
  if (managed === 0) {
    const weak = hasEvents ? ", and weak machine evidence (cloud addresses) alone makes no account `bot`" : "";
    out.push(`Unavailable signal: no account records managementSource, so idp-synced and not-idp-linked could not judge any account${weak}.`);
  }
  if (profiled === 0) out.push("Unavailable signal: no account records a job title, department or picture, so full-profile and empty-profile could not judge any account.");
  if (mfa === 0) out.push("Unavailable signal: no account records mfaEnabled, so 2sv-enabled and no-2sv could not judge any account, nor enable-2sv advice be given.");
  return out;
}

/** Report warnings that name the signals this snapshot could not provide. */
function coverageWarnings(c: EventCoverage, config: DetectionConfig, hasUsers: boolean, inferred: readonly string[]): string[] {
  if (!hasUsers) return [];
  const out: string[] = [];
  if (c.events === 0) {
    out.push("Unavailable signal: the snapshot has no audit events, so no timing, address, user-agent or email-OTP rule could judge any account; verdicts rest on tokens, UI activity and profiles, and without machine evidence none is `bot`.");
    return out;
  }
  const days = (c.lastMs - c.firstMs) / DAY_MS;
  if (days < 14) out.push(`Limited signal: the audit events cover only ${days.toFixed(1)} days; daily and scheduled activity is judged on at least ${config.thresholds.minScheduleDays} days, so jobs that run weekly or less are not seen.`);
  if (inferred.length > 0) {
    out.push(
      `Inferred signal: no event has a configured email-OTP action key (${config.emailOtpActions.join(", ")}), so ${inferred.join(", ")} ${inferred.length === 1 ? "was" : "were"} read as email-OTP challenges from the name; list the right keys in detection.emailOtpActions (or set detection.inferEmailOtpActions to false) to decide it yourself.`,
    );
  } else if (c.otp === 0) {
    const keys = config.emailOtpActions.join(", ");
    const candidates = [...c.otpLikeActions.keys()].slice(0, 10);
    out.push(
      `Unavailable signal: no event has a configured email-OTP action key (${keys}), so email-otp and enable-2sv advice could not judge any account${candidates.length > 0 ? `; these actions look like OTP challenges: ${candidates.join(", ")} (add them to detection.emailOtpActions if they are)` : ""}.`,
    );
  }
  const grain = coarseTimeGrainMs(c);
  if (grain > 0) {
    out.push(
      `Limited signal: the audit log records event times to the ${grain === HOUR_MS ? "hour" : "quarter hour"} only, so no beat, fixed time of day or schedule can be told from the rounding; activity-cadence, activity-schedule, login-fixed-cadence, login-schedule and login-daily-slots could not judge any account.`,
    );
  }
  if (c.logins === 0) out.push("Unavailable signal: no user_login events; login timing rules could not judge any account (activity timing still uses every event).");
  if (c.withUserAgent === 0) out.push("Unavailable signal: no event records a user agent; automation-user-agent (which only adds confidence) could not judge any account.");
  if (c.withIp === 0) out.push("Unavailable signal: no event records an IP address; datacenter-ip could not judge any account.");
  if (c.withTokenAttribution === 0) out.push("Unavailable signal: no event records tokenId or authType; token-events could not judge any account (token use is still read from the token inventory).");
  return out;
}
