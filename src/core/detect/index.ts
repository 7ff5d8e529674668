import type { Snapshot, User } from "../snapshot/schema.js";
import type { DetectionConfig, ListEntry } from "./config.js";
import { buildAccountTable, coarseTimeGrainMs, compileMatchers, signInsPerDay, type AccountFeatures } from "./features.js";
import { lookup, prepareList, unusedEntryWarnings, type ActiveList } from "./lists.js";
import { adminGroupIds, automatedSignIns, givenFirstOrder, tightTimetable, MACHINE_TITLE, NO_JOB_TITLE, RULES, alternateDays, restingEveryDay, movingRestDay, rotaShifts, shiftWork, strongTiming, type RuleContext } from "./rules.js";
import { DAY_MS } from "./time.js";
import { OrgVocabulary, vocabularyWords } from "./vocabulary.js";
import { ShiftStarts } from "./shift-starts.js";
import { AUDIT_REPORT_KIND, AUDIT_REPORT_VERSION, type AuditReport, type AuditSummary, type Finding, type Recommendation, type Verdict } from "./types.js";
import { type Judged, type ActiveRule, writeFinding, signalWeight, credentialIndex, addCredentialSignals, serviceAccountFinding, sortFindings } from "./findings.js";
import { type Evidence, TIMER_RULES, NO_EVIDENCE, botHold, laptopTimer, otpPerSignIn, browserSignInsOnly, titledBrowserSignIns, weekendsLikeWeekdays } from "./holds.js";
import { NAMELESS, type Floor, robotSittings, punctualSittings, punctualStarts, tokenWorkBesideFewSignIns, serverToken, cloudTokenTimer, tokenTimer, nameMailbox, type Fired, automationIdentity, automationName, personalMailbox, automationGroups, tallyGroups, machineGroupOf, flaggedGroupOf, onlyAToken, groupTraces, tokenInUse, sharedSignIns, shiftsUse, teamNamed, unloggedTeam, unseenTokenWork, namedShared, roleAddressDesk, workWordFirst, teamWordsNoGivenName, bilingualDesk, shiftHandovers, scriptingClientOnly, steadyTimetable, rpaClient, screenClient, boardClient, computersTakeTurns, signedInByMany, DEVICE_MAILBOX, DEVICE_TITLE, SHARED_TITLE, SHARED_POST_TITLE, personTitle } from "./floors.js";
import { inactiveTokenInUse, lifecycleState, migrationUnfinished } from "./lifecycle.js";
import { inferOtpActions } from "./otp-inference.js";
import { localPartOf, withoutPlaceholders } from "./features/profile.js";
import { profileWarnings, coverageWarnings } from "./warnings.js";

export { RULES, type RuleContext, type RuleDefinition, type SignalFamily } from "./rules.js";
export { RULE_IDS, type RuleId } from "./rule-ids.js";
export { CREDENTIAL_EXPIRY_WARNING_DAYS } from "./findings.js";

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

/** Atlassian's products by name: a tool's account starts with one ("Jira Importer 2024"), no person's given name is one. */
const ATLASSIAN_PRODUCT = /^(?:jira|confluence|bitbucket|opsgenie|statuspage|trello|bamboo|atlassian)$/;

/**
 * Classifies every account of a snapshot. Pure: same snapshot and options, same report; every
 * time-based rule is judged against `options.now ?? snapshot.takenAt`, never the wall clock.
 *
 * Runs in time proportional to the snapshot's size: lookups are built once, each account is
 * scored without writing any text, and evidence sentences are written only for accounts that
 * appear in the report.
 */
export function auditSnapshot(exported: Snapshot, options: AuditOptions): AuditReport {
  const snapshot = withoutPlaceholders(exported);
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
  const inferredOtpActions = inferOtpActions(table, config);
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
  // A job title that may be a person's: none of a machine's, a device's or a shared account's, nor
  // an owner's note (`NO_JOB_TITLE`).
  const personsTitle = (title: string): boolean => !MACHINE_TITLE.test(title) && !NO_JOB_TITLE.test(title) && !DEVICE_TITLE.test(title) && !SHARED_TITLE.test(title) && !SHARED_POST_TITLE.test(title);
  const ctx: RuleContext = {
    t: config.thresholds,
    matchers,
    referenceMs,
    groupsById,
    adminGroupIds: adminGroupIds(snapshot.groups),
    auditLog: table.coverage.events > 0,
    signInLogDays: coverage.logins > 0 ? logDays : 0,
    coarseTimeMs: coarseTimeGrainMs(table.coverage),
    orgRestDays: table.coverage.restDays,
    signInsPerDay: signInsPerDay(table.coverage),
    // Read on first use, when `ctx` is whole.
    shiftStarts: new ShiftStarts(snapshot.users, table.scheduledStart, table.scheduledOffHours, (user) => !!user.jobTitle && personsTitle(user.jobTitle) && colleagueNamedAsPerson(user, ctx)),
    vocabulary: new OrgVocabulary(snapshot.users, personsTitle, (word) => word.length > 3 && (matchers.nameToken.test(word) || matchers.roleMailbox.test(word) || ATLASSIAN_PRODUCT.test(word))),
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
        // A flood of codes that come one to a sign-in is the sign-ins' own count over again (a short
        // session policy, pages on call): as strong as the sign-ins' timing, weak without it.
        const machine =
          (otp && (factor <= 1 || otpPerSignIn(f)) && !strongTiming(f, ctx) && !evidence.lifecycle) || (active.rule.id === "login-daily-slots" && factor < 1) || (active.rule.id === "every-day" && restingEveryDay(f, ctx)) ? 1 : active.machine;
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
      else if (id === "round-the-clock" || id === "every-day" || id === "activity-cadence") {
        evidence.paceOnly = id === "activity-cadence" && (!evidence.timing || evidence.paceOnly);
        evidence.timing = true;
      } else if ((id === "login-fixed-cadence" || id === "login-flood" || id === "login-round-the-clock" || (id === "login-daily-slots" && factor >= 1)) && weight > 0) {
        evidence.timing = true;
        evidence.paceOnly = false;
      }
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
      // Sign-ins standing in for UI activity the snapshot does not record show a visit, not work;
      // work done from a browser on several days of the log shows work, as a last-active time does.
      if (weight < 0 && ((id === "recent-ui-activity" && (f.uiActivityKnown || f.browserWorkDays >= BROWSER_WORK_MIN_DAYS)) || id === "interactive-logins")) evidence.personAtWork = true;
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
          // Without an audit log, or with one that records nothing the account did, nothing tells
          // who uses a team's address or an account named as a team, or how: it is reviewed.
          // So is an account named as a team ("Customer Success Team") that several people sign in to,
          // and one whose name says it is shared, whatever its use shows ("Labor Gemeinsam Basel"),
          // or that each shift signs in to at its hand-over, whatever its name ("Nuacht"), or that
          // people at different computers take turns at ("Coordination Prod MTL"), or that is signed
          // in to many times a day from several browsers under a name no person of the org has
          // ("Wareneingang Amberg": `signedInByMany`).
          const unseen = unloggedTeam(f, ctx);
          if ((evidence.roleMailbox && (tokenInUse(f, ctx) || evidence.machine === 2 || sharedSignIns(f, true).length > 0 || !ctx.auditLog || unseen)) || ((sharedSignIns(f).length > 0 || tokenInUse(f, ctx) || unseen || shiftsUse(f, ctx)) && teamNamed(f, ctx)) || namedShared(f, ctx) || (evidence.roleMailbox && roleAddressDesk(f, ctx)) || shiftHandovers(f, ctx, evidence.fullProfile) || computersTakeTurns(f, ctx) || signedInByMany(f, ctx)) floor = "shared-use";
          // A routine start of day is a person's habit too: weak timing counts only on an account
          // where nobody is seen at work in the UI (no UI use or interactive logins that count), or
          // that is busy on most Saturdays or Sundays, as a job is and a person rarely.
          // So does a sign-in from a headless browser, whatever else is at work on the account.
          // A person's own tool polling while their laptop is open is no script's account. An RPA
          // robot's client at work is a robot's, on a person's name and profile too. A titled
          // person's run of shifts keeps the sign-ins' timing and is theirs (`shiftsWorked`).
          else if ((evidence.timing && !laptopTimer(f, evidence, ctx) && !shiftsWorked(f, evidence, ctx) && !steadyPace(f, evidence, ctx)) || (evidence.weakTiming && weakTimingReviews(f, user, evidence, ctx)) || automatedSignIns(f) || tightTimetable(f, ctx) || punctualSittings(f, ctx) || punctualStarts(f, ctx) || tokenWorkBesideFewSignIns(f, ctx) || scriptingClientOnly(f, ctx, evidence.fullProfile) || rpaClient(f) || screenClient(f) || boardClient(f, ctx, evidence.fullProfile)) floor = "script-in-use";
          // So does a token that a scripting client uses from cloud addresses, while the account
          // signs in from elsewhere: a script on a server (a webhook's handler whose owner signs in);
          // not on a person's own account as the IdP keeps it, whose CLI runs in a cloud workspace.
          // So does a cron job's start at its minute each day on a person's token, wherever it runs.
          else if ((serverToken(f) && !idpPerson(user, evidence)) || cloudTokenTimer(f) || tokenTimer(f, ctx)) floor = "server-token";
          else if (automationIdentity(f, fired, ctx, evidence.signsIn)) floor = "automation-identity";
          else if (robotSittings(f, config.thresholds)) floor = "robot-sittings";
          // A token in use where the UI never was: where the snapshot does not record the UI, no
          // sign-in in a log long enough that a person would have signed in (token-without-ui).
          // Not a person the directory keeps whose tokens have rested for `recentDays` with nothing of
          // theirs in the log: a licence left dormant (a laptop's token last used two months ago).
          else if ((fired.divergence || fired.tokenWithoutUi) && f.lastUiAccess === null && !dormantPerson(f, user, evidence, referenceMs - config.thresholds.recentDays * DAY_MS)) floor = "token-without-ui";
          // So does work that only a token can have done, where the snapshot does not say which work was a token's (see `unseenTokenWork`).
          else if (unseenTokenWork(f, ctx)) floor = "unseen-token-work";
          // In a group of scripts' accounts, with a script's trace of its own, where no person is
          // seen at work or the account is nobody's own (no IdP, an empty profile): the owner of
          // the group's jobs, at work in the UI, is told to enable 2SV rather than reviewed.
          else if (groupPass && ((!evidence.personAtWork && !evidence.workingHours && !idpPerson(user, evidence)) || (user.managementSource !== "synced" && fired.emptyProfile)) && lifecycleState(f) === null && groupTraces(f, fired, ctx) && machineGroupOf(user, groups) !== null) floor = "automation-group";
          // So is an account with an API token and nothing else of its own in the log (idle, or never
          // used), nobody's profile and no IdP, in such a group whose other members are mostly flagged
          // on their own evidence: the admin filed it with the scripts' accounts, and it leaves no
          // trace to show (a carrier's EDI account between deliveries, in a log that records no token
          // use). Not a person's name at their own mailbox with no bot-like word (Marta Wiśniewska at
          // `marta.wisniewska@`, on leave, in her team's "DevOps Automation" group).
          else if (groupPass && user.managementSource !== "synced" && fired.emptyProfile && onlyAToken(f, ctx) && lifecycleState(f) === null && (automationName(f, ctx) !== null || !personalMailbox(f, ctx)) && flaggedGroupOf(user, groups) !== null) floor = "idle-in-automation-group";
          // So does a token named for the system that calls with it (`prod`, `jenkins`,
          // `orchestrator`, `bot-runner`, `alerts`), used and still usable: whoever owns the
          // account, a system depends on it, on a person's name, profile and sign-ins too. On an
          // account no longer active, a blocked or expired one says what the account was.
          else if (f.systemToken !== null && (f.systemTokenUsable || lifecycleState(f) !== null)) floor = "system-token";
          // Last, an account named as a team's desk and as no person is (`workWordFirst`,
          // `teamWordsNoGivenName`), where nothing else raised it: whoever is on duty signs in to it.
          // Last, as any other reason says more, and a script's account in a group of scripts'
          // accounts must not count as a desk in the group's tally.
          else if (workWordFirst(f, ctx) || teamWordsNoGivenName(f, ctx) || bilingualDesk(f, ctx)) floor = "shared-use";
          if (floor !== null) verdict = "likely-bot";
        }
      }
    }
    const state = lifecycleState(f);
    // A desk that people share is no script's account: it counts in a group's tally as a person does.
    if (groups.size > 0 && !groupPass && user.accountType === "atlassian" && verdict !== "service-account" && tallyGroups(user, groups, floor === "shared-use" ? "human" : verdict, state === null) && verdict === "human" && listed === undefined) {
      deferred.push(slot);
      return;
    }
    // An inactive account is work only while a script still uses one of its tokens; a token that is
    // now blocked can no longer be in use, whenever it was last used.
    const stillScripted = state !== null && state !== "migrated" && verdict !== "human" && inactiveTokenInUse(f, referenceMs, config.thresholds.recentDays * DAY_MS, table.tokenUseTimes(slot));
    // A migration whose old account a script still uses is work to do (its cut-over), not done.
    const unfinished = state === "migrated" && migrationUnfinished(f, referenceMs, config.thresholds.recentDays * DAY_MS);
    const recommendation = unfinished ? "review" : state !== null && !stillScripted ? "none" : recommend(verdict, user, f.otpCount, listed);
    count(summary, verdict, recommendation);
    if (state === "migrated") {
      if (!unfinished) summary.migrated = (summary.migrated ?? 0) + 1;
    } else if (state !== null) summary.inactive = (summary.inactive ?? 0) + 1;
    if (options.includeHumans || verdict !== "human" || recommendation === "enable-2sv" || state === "migrated") {
      table.samples(slot, f);
      judged.score = score;
      judged.verdict = verdict;
      judged.listed = listed;
      judged.recommendation = recommendation;
      judged.held = held;
      judged.floor = floor;
      judged.group = floor === "automation-group" ? machineGroupOf(user, groups) : floor === "idle-in-automation-group" ? flaggedGroupOf(user, groups) : null;
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

/**
 * Weak timing (a schedule of starts, a timetable no work confirms) reviews an account where no
 * person is seen at work, where a log of sign-ins alone puts them off hours, or where it works
 * weekends as a job does; not the few shifts or the six-day week of an account the IdP keeps
 * with a person's full profile.
 */
function weakTimingReviews(f: AccountFeatures, user: User, evidence: Evidence, ctx: RuleContext): boolean {
  if (signInsOnlyOffHours(f) || steadyTimetable(f, ctx, evidence.fullProfile)) return true;
  // Shifts on alternate days, weekends among them (12x36), on a titled person's account signed in
  // to from a browser at five addresses at most, with no script's trace, are a person's: where the
  // log records the sign-ins alone and the snapshot no UI activity, no work tells the shift from a
  // job, and the rota does.
  if (alternateDays(f) && titledBrowserSignIns(f, evidence, ctx, SHIFT_MAX_ADDRESSES)) return false;
  if (!evidence.personAtWork) return true;
  if (!weekendsLikeWeekdays(f, ctx)) return false;
  // So is a run of shifts, weekends too (a platform's crew, two weeks on; a call centre's agent
  // invited from its outsourcer): a shift's work hours after each sign-in, from a browser, on a
  // titled person's account with no script's trace.
  if (shiftsWorked(f, evidence, ctx)) return false;
  // So is a rota whose day off moves through the week (a shop's manager on six days of seven, a
  // distribution centre's night shift), signed in to from a browser at two to five addresses (the
  // shop, the phone), with no script's trace and no timer's beat: a robot whose log lost a few
  // runs rests on random days too, from its one host.
  if (movingRestDay(f) && !evidence.strongTimer && browserAtFewPlaces(f, evidence, ctx)) return false;
  if (signInShiftWeek(f, evidence, ctx)) return false;
  // So is a shift's start that other people of the department keep too (`shiftStartShared`).
  if (shiftStartShared(f, evidence, ctx)) return false;
  if (!idpPerson(user, evidence)) return true;
  const fewShifts = f.activityDays < WEAK_TIMING_MIN_DAYS && f.activityEvents <= SIGN_IN_ONLY_EVENTS_PER_DAY * f.activityDays;
  return !fewShifts && !sixDayWeek(f, ctx);
}

/**
 * The time of day the account's sign-ins gather around is one that `SHIFT_START_PEERS` other
 * accounts of its department keep too, within `scheduleWindowMinutes`, at weekends or outside
 * business hours as the account does (`ShiftStarts`: colleagues with a person's job title and a
 * person's name, `colleagueNamedAsPerson`, in a department of `SHIFT_DEPARTMENT_MIN` accounts or more), on
 * an account with a person's job title and a name that starts with a given name of the org's
 * people, signed in to from a browser at few addresses with no script's trace: the department's
 * shift starts then (a shift's desk, "Central de Atendimento Recife - Turno A", keeps it too, and
 * its name says what it is). A call centre's agents on a rota of six days in seven sign in within
 * minutes of their shift's start from the centre's computers, invited or synced, and their log of
 * sign-ins shows nothing else; 5% of an independent generator's insurer's people were reviewed on
 * that schedule. A job keeps a time of its own: a job at 09:00 every day of the week among
 * colleagues who start at 09:00 on weekdays only, a fleet of four jobs named as people in a
 * department of their own, and jobs named for their process beside it were lifted by a first
 * version (a second cold review); a fleet of jobs named as people in a large department, all at
 * one time and at weekends, would still be.
 */
function shiftStartShared(f: AccountFeatures, evidence: Evidence, ctx: RuleContext): boolean {
  return personTitle(f, ctx) && startsWithGivenName(f.user, ctx) && browserSignInsOnly(f, evidence, ctx, SHIFT_MAX_ADDRESSES) && ctx.shiftStarts.peers(f.user, ctx.t.scheduleWindowMinutes, SHIFT_DEPARTMENT_MIN) >= SHIFT_START_PEERS;
}
const SHIFT_START_PEERS = 3;
/** Accounts a department holds, counted or not, before its shift's start is read: a team, not a fleet of a few jobs. */
const SHIFT_DEPARTMENT_MIN = 10;
/**
 * A person's account by its name: its first word a given name of the org's other people, or a name
 * in a script of its own (Han, Hangul, Kana, Thai, Arabic, Hebrew, Cyrillic, Devanagari), no
 * number, and no bot-like word in the name or the mailbox, which is no role's ("Halyna Melnyk",
 * "范霞"; not "Robô Cobrança 1" at `rpa.robo1@`, nor "Fechamento Mensal" at `fechamento.job@`,
 * scheduled jobs with an agent's title copied onto them, as two cold reviews built).
 */
function colleagueNamedAsPerson(user: User, ctx: RuleContext): boolean {
  // The mailbox as the features read it (`localPartOf`): a sub-address is the holder's own.
  const local = localPartOf(user.email, (tag) => ctx.matchers.nameWord.test(tag)) ?? "";
  return (startsWithGivenName(user, ctx) || OWN_SCRIPT_NAME.test(user.name)) && !/\d/.test(user.name) && !ctx.matchers.nameWord.test(user.name) && !ctx.matchers.nameWord.test(local) && !ctx.matchers.roleMailbox.test(local);
}
const OWN_SCRIPT_NAME = /[\p{Script=Han}\p{Script=Hangul}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Cyrillic}\p{Script=Devanagari}]/u;

/**
 * A titled person's run of shifts (`shiftWork`), signed in to from a browser at five addresses at
 * most: a crew's or an agent's home, site, office and phone. Where the account has no title (an
 * outsourcer's agents, invited with a name alone), shifts on a rota with days off (`rotaShifts`)
 * stand for it, on no timer's beat (a schedule of starts is a shift's too): a job that works
 * weekends works every day, and a browser robot that acts every few minutes keeps a beat.
 */
function shiftsWorked(f: AccountFeatures, evidence: Evidence, ctx: RuleContext): boolean {
  return shiftWork(f) && (personTitle(f, ctx) || (rotaShifts(f) && !evidence.strongTimer)) && browserSignInsOnly(f, evidence, ctx, SHIFT_MAX_ADDRESSES);
}
const SHIFT_MAX_ADDRESSES = 5;
/** Sign-ins from a browser only, with no script's trace (`browserSignInsOnly`), at two to `SHIFT_MAX_ADDRESSES` addresses: a person's office, home or shop and phone; a robot's host is one. */
function browserAtFewPlaces(f: AccountFeatures, evidence: Evidence, ctx: RuleContext): boolean {
  return f.loginIpCount >= 2 && browserSignInsOnly(f, evidence, ctx, SHIFT_MAX_ADDRESSES);
}

/**
 * A person's steady pace in the browser: where the only timing is the beat of all activity
 * (`activity-cadence`), and that beat is loose (under `LOOSE_BEAT_SHARE` of the gaps on it, where
 * a timer's holds nearly all), on an account a person signs in to from a browser at two to five
 * addresses (the office, home, a phone) with no script's trace and no token
 * (`browserAtFewPlaces`), seen at work for a shift's length a day at most (`STEADY_DAY_MS`). A
 * homepage producer who refreshes the front page every 20 to 35 minutes through the shift keeps
 * a beat, as a timer does, but not to the minute. A robot on a virtual desktop, working its
 * queue at its own pace, signs in from its one host, or works from 06:00 to 20:00 every day.
 */
function steadyPace(f: AccountFeatures, evidence: Evidence, ctx: RuleContext): boolean {
  return (
    evidence.paceOnly &&
    evidence.personAtWork &&
    evidence.signsIn &&
    Math.max(f.activityCadenceOnBeat, f.activitySessionOnBeat) < f.activityCadenceGaps * LOOSE_BEAT_SHARE &&
    // A shift's length of work a day: the moments of a day, each a beat apart.
    (f.activityMoments / Math.max(1, f.activityDays)) * f.activityCadenceMedianMs <= STEADY_DAY_MS &&
    browserAtFewPlaces(f, evidence, ctx)
  );
}
const LOOSE_BEAT_SHARE = 0.85;
/** A shift's length of work a day at most (the day's moments times the beat). */
const STEADY_DAY_MS = 10 * 3_600_000;
/** Days of the log with work done from a browser before it stands for UI activity the snapshot does not record (`personAtWork`). */
const BROWSER_WORK_MIN_DAYS = 3;

/**
 * Active days before weak timing alone (a schedule of starts) reviews an account the IdP keeps
 * with a person's full profile that works weekends, where the log holds little more than its
 * sign-ins (`SIGN_IN_ONLY_EVENTS_PER_DAY` events an active day at most): a shift worker's few
 * shifts start at the shift's hour. A weekend job's runs, a sign-in and a burst of updates each,
 * stay reviewed.
 */
const WEAK_TIMING_MIN_DAYS = 10;
const SIGN_IN_ONLY_EVENTS_PER_DAY = 3;

/**
 * A log with no work of the account's, only its sign-ins, where its scheduled sign-ins fall on
 * weekends or outside business hours on half its sign-in days or more: no activity timing tells
 * its weekends from its weekdays, and its timetable says them (a scraper at 04:00, 04:30 and 11:00
 * every day, weekends too, was `human`).
 */
function signInsOnlyOffHours(f: AccountFeatures): boolean {
  return f.activityEvents === 0 && f.loginDays > 0 && f.scheduledOffHoursCount * 2 >= f.loginDays;
}

/**
 * A six-day week of shift starts in a log that keeps the sign-ins alone (fewer than two events for
 * each sign-in): Saturdays at work, Sundays at rest, most sign-ins away from the schedule's minute
 * (`scheduledLoginCount`, within `scheduleWindowMinutes`), from a browser at five addresses at most
 * with no script's trace and no timer's beat, on an account with a person's job title or one the
 * directory keeps, at a mailbox with no bot-like, role or device word (`kiosk.hub2@`,
 * `reception@`), whose name starts with a given name of the org's people. A dispatcher or a
 * warehouse's shift lead arrives at the shift's start give or take a quarter of an hour and signs
 * in at the hub's PC; a job's start keeps its minute. With no work recorded, `sixDayWeek` cannot
 * see the working day, and the arrival's drift says it. A desk's name ("Front Desk Chennai",
 * "Växeln Göteborg") starts with no given name: its week stays reviewed.
 */
function signInShiftWeek(f: AccountFeatures, evidence: Evidence, ctx: RuleContext): boolean {
  return (
    f.activityEvents < 2 * f.loginCount &&
    f.restDayShift === 0 &&
    f.weekendDaysInSpan >= 4 &&
    f.saturdayCoverage > ctx.t.everyDayWeekendShare &&
    f.sundayCoverage <= SIX_DAY_SUNDAY_SHARE &&
    f.scheduledLoginCount * 2 < f.loginCount &&
    !evidence.strongTimer &&
    (personTitle(f, ctx) || f.user.managementSource === "synced") &&
    browserSignInsOnly(f, evidence, ctx, SHIFT_MAX_ADDRESSES) &&
    !(f.localPart !== null && (ctx.matchers.nameWord.test(f.localPart) || ctx.matchers.roleMailbox.test(f.localPart) || DEVICE_MAILBOX.test(f.localPart))) &&
    startsWithGivenName(f.user, ctx)
  );
}
/** The display name's first word, written given name first ("Dahl, Erik" is Erik Dahl), is a given name of the org's other people ("Halyna Melnyk"; not "Front Desk Chennai"). */
function startsWithGivenName(user: User, ctx: RuleContext): boolean {
  const first = vocabularyWords(givenFirstOrder(user.name))[0];
  return first !== undefined && ctx.vocabulary.givenNameCount(first, user) > 0;
}

/**
 * A six-day week with a working day's work in it: Saturdays at work, Sundays at rest (a quarter
 * of them at most), over two weekends or more, and work recorded beyond the sign-ins (two events
 * for each sign-in or more) over `SIX_DAY_MIN_HOURS` hours of the day or more, with no token,
 * cloud address or scripting client. A plant's operator who starts at 08:30 from Monday to
 * Saturday keeps a schedule and works Saturdays; on an account the IdP keeps with a person's full
 * profile, that is a person's week, not a job's. A six-day robot's run of updates after its 06:00
 * start keeps a job's few hours.
 */
function sixDayWeek(f: AccountFeatures, ctx: RuleContext): boolean {
  return (
    f.restDayShift === 0 &&
    f.weekendDaysInSpan >= 4 &&
    f.saturdayCoverage > ctx.t.everyDayWeekendShare &&
    f.sundayCoverage <= SIX_DAY_SUNDAY_SHARE &&
    f.activityEvents >= 2 * f.loginCount &&
    // A working day's hours, not a run's minutes after its start, and nothing of a script's.
    f.activityDistinctHours >= SIX_DAY_MIN_HOURS &&
    f.tokenEventCount === 0 &&
    !tokenInUse(f, ctx) &&
    f.datacenterIpCount === 0 &&
    f.automationUserAgentCount === 0
  );
}
const SIX_DAY_SUNDAY_SHARE = 0.25;
const SIX_DAY_MIN_HOURS = 5;

/** A person the directory keeps (`idpPerson`) with nothing in the audit log and no token used since `sinceMs`. */
function dormantPerson(f: AccountFeatures, user: User, evidence: Evidence, sinceMs: number): boolean {
  return idpPerson(user, evidence) && f.eventCount === 0 && !(f.lastTokenUseMs > sinceMs);
}

/** An account the identity provider keeps with a person's full profile (`full-profile` fired). */
function idpPerson(user: User, evidence: Evidence): boolean {
  return user.managementSource === "synced" && evidence.fullProfile;
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
