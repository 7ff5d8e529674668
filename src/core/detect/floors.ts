// Why an account that scores as a person is raised to `likely-bot` (the floors): a team's mailbox
// in shared use, a robot's sittings, an automation identity, a group of scripts' accounts.

import type { Group, User } from "../snapshot/schema.js";
import type { DetectionConfig, DetectionThresholds } from "./config.js";
import type { AccountFeatures, Matchers } from "./features.js";
import { KNOWN_GIVEN_NAMES, LEADING_TAG, beforeNoteDash, deskHalf, noteDash, slashHalves, SCHOOL_AFTER_NAME, SCHOOL_BEFORE_NAME, SCHOOL_DESK_TOKEN, numberedHead, vocabularyWords } from "./vocabulary.js";
import { withoutBrackets, namedAs, plainWords, PERSON_ROLE_IN_NOTE, FUNCTION_WORD, GIVEN_NAME_TEAM_WORD, dailySlots, fromCloud, signInClock, punctualClock, TEAM_SIGN_IN_ADDRESSES, initialsOfTitledPerson, MACHINE_TITLE, machineNamed, machineTitle, mostlyAutomationAgents, otpFlood, personProfile, givenFirstOrder, foldLetters, plainLetters, CAPITALS_FIRST, SURNAME_FIRST_COMMA, TEAM_NAME_WORDS, leadsWithBotWord, restsNoDay, setupOnlyUi, severalBrowsers, SIGN_IN_LOG_MIN_DAYS, tokenUsedRecently, unverifiedTimetable, plural, type RuleContext } from "./rules.js";
import { withoutControls } from "../text/sanitize.js";
import { DAY_MS } from "./time.js";
import { CONTEXT_WORD } from "./features/matchers.js";
import { systemTokenLabel } from "./features/tokens.js";
import type { Verdict } from "./types.js";

/**
 * A display name that is a handle (`pipeline`, `tools-82`, `PagerDuty`): one word of ASCII, not
 * written as a name is. A person's name in one word (`Sukarno`, `王伟`, `田中太郎`) is none.
 */
export const NAMELESS = /^(?!\p{Lu}\p{Ll}+$)[\x21-\x7e]+$/u;

/** Active members, and the share of them judged bots (a likely bot counts half), that make a group of scripts' accounts. */
const MACHINE_GROUP_MIN = 3;
const MACHINE_GROUP_SHARE = 0.6;
export type Floor = "shared-use" | "script-in-use" | "server-token" | "token-without-ui" | "unseen-token-work" | "automation-identity" | "automation-group" | "idle-in-automation-group" | "robot-sittings" | "system-token";

/**
 * Three sign-ins a day or more, on `ROBOT_SITTING_DAYS` days, each followed by a few minutes of
 * work and nothing after (of one event a sitting or more, `ROBOT_NEAR_SHARE` within
 * `dailySlotWindowMinutes` of a sign-in and hardly any late in the time to the next), with an
 * email OTP challenge at most of them on an account without 2SV: a browser robot that signs in,
 * does its steps and leaves, many times a day. A person who signs in that often works on between.
 * Once a day is enough for a daily run from a data centre outside business hours (`dailyRobotRun`):
 * a browser job's, minutes long; a person who starts at one time of day works on for hours.
 */
export function robotSittings(f: AccountFeatures, t: DetectionThresholds): boolean {
  const perDay = dailyRobotRun(f, t) ? 1 : ROBOT_SITTINGS_PER_DAY;
  return (
    f.loginSittingDays >= ROBOT_SITTING_DAYS &&
    f.loginSittings >= f.loginSittingDays * perDay &&
    f.sittingWorkEvents >= ROBOT_SITTING_DAYS * perDay &&
    f.sittingWorkNearSignIn >= f.sittingWorkEvents * ROBOT_NEAR_SHARE &&
    f.sittingWorkLate <= f.sittingWorkEvents * ROBOT_LATE_SHARE &&
    f.user.mfaEnabled !== true &&
    f.otpCount >= f.loginCount * ROBOT_OTP_SHARE &&
    // A tester signs in to check a step, in fresh profiles of several browsers; a robot drives one.
    !severalBrowsers(f)
  );
}
/**
 * Work that starts within one 30-minute window of the day (`scheduleDays`) on 80% of its days,
 * its sign-ins at a time of day (org-local: `scheduledMinute`) outside business hours, most of
 * them from cloud addresses that are not the org's shared egress: a timer at 06:00 in a data
 * centre, with a random delay or none. From an office, a home or a phone, the same minutes-long
 * visit at one time of day is a person's as often: a supervisor who checks the board at 06:15
 * before the shift, a nurse who reads the rota at 22:00, a lead who approves what waits at 09:00.
 */
export function dailyRobotRun(f: AccountFeatures, t: DetectionThresholds): boolean {
  const minute = f.scheduledMinute;
  return (
    f.loginCloudCount * 2 > f.loginIpEventCount &&
    !f.loginFromSharedEgress &&
    f.scheduleDays >= f.activityDays * DAILY_RUN_DAY_SHARE &&
    minute >= 0 &&
    (minute < t.businessHoursStart * 60 || minute >= t.businessHoursEnd * 60)
  );
}
const DAILY_RUN_DAY_SHARE = 0.8;
/**
 * Work done with an API token, `TOKEN_WORK_MIN_EVENTS` events or more and `TOKEN_WORK_SHARE` of
 * the account's events, beside one to three sign-ins in the whole log, on an account the identity
 * provider does not keep, with no job title, named with no given name of the org's people
 * (`noGivenNameIn`, in an org that knows enough of them): a job, a load test or a chat bot whose
 * owner signed in to set it up or to look ("Perf Tester 2" calling from k6, "IFRS17 Quarter
 * Close" from a Java client, "Ask Jira (Teams)" from cloud addresses, each with one to three
 * sign-ins). Seven bots of three independent generators were `human` beside that UI use. A
 * contractor working from a CLI is named as a person, whether or not the org knows the names
 * ("Abigail Novak", "Oluwaseun Adeyemi", "Мария Иванова", "Adeyemi, Oluwaseun": `personShapedName`),
 * or has 2SV.
 */
export function tokenWorkBesideFewSignIns(f: AccountFeatures, ctx: RuleContext): boolean {
  return f.tokenEventCount >= TOKEN_WORK_MIN_EVENTS && f.tokenEventCount >= f.eventCount * TOKEN_WORK_SHARE && f.loginCount >= 1 && f.loginCount <= TOKEN_WORK_MAX_SIGN_INS && f.user.managementSource !== "synced" && f.user.mfaEnabled !== true && !f.user.jobTitle && !personShapedName(f) && noGivenNameIn(f, ctx);
}
/**
 * A display name written as people's are: two to four words of letters, each capitalised (or in a
 * script without case), an honorific and a directory's comma aside ("Dr. Siddharth Venkataraman",
 * "Adeyemi, Oluwaseun", "王 伟"), or the holder's first and last name as the mailbox writes them
 * (`oluwaseun.adeyemi`); not a number, brackets, capitals run together or a single word ("Perf
 * Tester 2", "Ask Jira (Teams)", "eazyBI Import", "BI Refresh", "Werk-Assistent").
 */
function personShapedName(f: AccountFeatures): boolean {
  const name = f.user.name.trim();
  if (f.localPart !== null && name.toLowerCase() === f.localPart.toLowerCase() && HANDLE_NAME.test(name)) return true;
  const words = givenFirstOrder(name).replace(HONORIFIC_FIRST, "").trim().split(/\s+/);
  return words.length >= 2 && words.length <= 4 && words.every((w) => PERSON_WORD.test(w));
}
const HANDLE_NAME = /^[a-z]{2,}[._][a-z]{2,}$/;
const HONORIFIC_FIRST = /^(?:dr|prof|mr|mrs|ms|mx|herr|frau|sr|sra|dra)\.?\s+/iu;
const PERSON_WORD = /^(?:\p{Lu}[\p{Ll}\p{M}]+(?:['’-]\p{Lu}?[\p{Ll}\p{M}]+)*|[\p{Lo}\p{M}]+)$/u;
const TOKEN_WORK_MIN_EVENTS = 20;
const TOKEN_WORK_SHARE = 0.8;
const TOKEN_WORK_MAX_SIGN_INS = 3;
/**
 * `punctualClock` (the day's first sign-in within two minutes of one time of day, nothing recorded
 * after it but minutes of steps, no person's job title or department) on `PUNCTUAL_START_SHARE` of
 * `PUNCTUAL_START_MIN_DAYS` days with a sign-in or more (a new joiner's or a part-timer's first
 * eight days on the dot say less), on an account the directory does not keep: a scheduler starts a browser robot or a wallboard's browser each day (a
 * reconciliation robot at 06:10 on 28 of 28 days, a TV at 03:39 on 13 of 14, each with an email
 * code it cannot read), whatever its owner does in the UI later. In 66 orgs of eleven independent
 * generators no person kept nine days in ten to two minutes, and 200 bots did; the most punctual
 * people of the review rounds (detect-review-seventy-seventh) keep it on fewer days or work on for
 * hours. Not where the log's clock is coarse, which makes any start look punctual.
 */
export function punctualStarts(f: AccountFeatures, ctx: RuleContext): boolean {
  return ctx.coarseTimeMs === 0 && f.firstSittingDays >= PUNCTUAL_START_MIN_DAYS && f.user.managementSource !== "synced" && punctualClock(f, ctx) && f.punctualSittingDays >= f.firstSittingDays * PUNCTUAL_START_SHARE;
}
const PUNCTUAL_START_SHARE = 0.9;
const PUNCTUAL_START_MIN_DAYS = 12;
/**
 * Browser sign-ins at two times of day or more, each kept within `TIGHT_SLOT_MINUTES` on
 * `PUNCTUAL_DAY_SHARE` of the sign-in days (a robot's afternoon run is skipped when its queue is
 * empty; `tightTimetable` asks 90 % whatever the work), on `ROBOT_SITTING_DAYS` days or more, each
 * day's work (two events a sign-in day or more) all within an hour of a sign-in: a scheduler starts
 * a robot on an office desktop at 07:45 and 13:00, it does its steps for twenty minutes and stops,
 * from the office's address, as its analyst would sign in. A person who arrives to the minute (the
 * shift bell, the bus) works on for hours; one time of day kept with a short sitting is a person's
 * as often (the stand-up at 09:00, the depot's briefing, the school's attendance at 08:00), and so
 * are two where the sittings are meetings (a Scrum Master's stand-up and triage, a fresh sign-in
 * each): not on an account with a person's job title. Not where the log's clock is coarse, which
 * makes any start look punctual.
 */
export function punctualSittings(f: AccountFeatures, ctx: RuleContext): boolean {
  const days = f.loginSittingDays;
  return (
    ctx.coarseTimeMs === 0 &&
    !personTitle(f, ctx) &&
    days >= ROBOT_SITTING_DAYS &&
    f.loginBrowserCount >= f.loginCount * PUNCTUAL_BROWSER_SHARE &&
    f.tightSlotCount >= 2 &&
    f.tightSlotFewestDays >= days * PUNCTUAL_DAY_SHARE &&
    f.sittingWorkEvents >= days * PUNCTUAL_WORK_PER_DAY &&
    f.sittingWorkHoursLater + f.sittingWorkBeyondDay <= f.sittingWorkEvents * PUNCTUAL_LATER_SHARE
  );
}
const PUNCTUAL_BROWSER_SHARE = 0.9;
const PUNCTUAL_DAY_SHARE = 0.6;
const PUNCTUAL_WORK_PER_DAY = 2;
const PUNCTUAL_LATER_SHARE = 0.05;
const ROBOT_SITTING_DAYS = 10;
const ROBOT_SITTINGS_PER_DAY = 3;
const ROBOT_NEAR_SHARE = 0.95;
const ROBOT_LATE_SHARE = 0.15;
const ROBOT_OTP_SHARE = 0.8;

/**
 * A mailbox that writes a person's display name: surname first (`jenkins.sarah@` for Sarah
 * Jenkins or "Jenkins, Sarah", `bot.ben@` for Ben Bot), or given name first where every bot-like
 * word is three letters or fewer, as given names and initials are (`ci.liu@` for Ci Liu). Every
 * word is one of the name's, and one of them at least is not bot-like. (Given name first with a
 * longer bot-like word, the same shape is a team's as often: `status.reporter@`, `build.agent@`.)
 */
export function nameMailbox(f: AccountFeatures, ctx: RuleContext): boolean {
  if (f.localPart === null) return false;
  const words = givenNameFirst(f.user.name);
  if (words.length < 2) return false;
  // The mailbox before a sub-address's tag (`jenkins.sarah+zendesk@` is Sarah Jenkins's own); a
  // letter may stand for one of the name's words (`tableau.p@` for Pierre Tableau).
  const parts = mailboxWords(f.localPart);
  const ofName = (p: string): boolean => words.includes(p) || (p.length === 1 && words.some((w) => w.startsWith(p)));
  // Every word bot-like or a team's (`api-user@` for "API User", `ci-team@`): no person's name.
  if (parts.length < 2 || !parts.every(ofName) || parts.every((p) => p.length === 1 || ctx.matchers.nameToken.test(p) || ctx.matchers.roleMailbox.test(p))) return false;
  // Surname first; or given name first where the bot-like words are as short as a given name
  // or initials are (`ci.liu@` for Ci Liu, `api.nugroho@` for Api Nugroho), and not an acronym
  // in a name written in small letters otherwise ("RPA Schadenanlage" at `rpa-schadenanlage@`).
  return parts[0] === words[words.length - 1] || parts.every((p) => (p.length <= SHORT_NAME_WORD && !acronymIn(f.user.name, p)) || !ctx.matchers.nameToken.test(p));
}
/** `word` (lower case, three letters or more) is written in capitals in `name`, whose other words have small letters: an acronym, no given name (not "CI", a given name's two letters too). */
function acronymIn(name: string, word: string): boolean {
  if (!/\p{Ll}/u.test(name)) return false;
  return name.split(/[^\p{L}\p{N}]+/u).some((w) => w.length >= 3 && w.toLowerCase() === word && w === w.toUpperCase());
}

/** A mailbox made of the display name's own words (numbers aside): `sarah.jenkins@` for Sarah Jenkins, `ci.wang@` for Ci Wang. */
export function mailboxOfOwnName(f: AccountFeatures): boolean {
  if (f.localPart === null) return false;
  const words = givenNameFirst(f.user.name);
  if (words.length < 2) return false;
  const parts = mailboxWords(f.localPart);
  return parts.length > 0 && parts.every((p) => words.includes(p.replace(/\d+$/, "")));
}

/** A mailbox's words before any sub-address's tag, lower-cased and without accents, numbers left out: `jenkins.sarah2+zendesk` is `jenkins`, `sarah2`. */
function mailboxWords(localPart: string): string[] {
  return plainLetters(localPart.split("+")[0] as string).toLowerCase().split(MAILBOX_SEPARATORS).filter((w) => w !== "" && !/^\d+$/.test(w));
}

/** The runs of letters of `plainMailbox(localPart)`: `sv.screen.b2` is `sv`, `screen`, `b`; `linie3monitor` is `linie`, `monitor`. */
function letterRuns(localPart: string): string[] {
  return plainMailbox(localPart).split(/[^a-z]+/).filter((t) => t !== "");
}

/** A mailbox before any sub-address's tag, lower-cased and without accents, a trailing number left out: `sean.obrien2+jira` is `sean.obrien`. */
export function plainMailbox(localPart: string): string {
  return plainLetters((localPart.split("+")[0] as string).toLowerCase()).replace(/\d+$/, "");
}

/** A display name's words, lower-cased and without accents, given name first: "Jenkins, Sarah" is `sarah`, `jenkins`; "Bót Lajos" is `bot`, `lajos`. */
export function givenNameFirst(name: string): string[] {
  return plainLetters(givenFirstOrder(name)).toLowerCase().split(DISPLAY_NAME_SEPARATORS).filter((w) => w !== "");
}
// A display name's words are separated by spaces ("Sarah Jenkins", "Jenkins, Sarah"); a
// mailbox's by anything else ("jenkins.sarah", "svc-jira2").
const DISPLAY_NAME_SEPARATORS = /[\s,]+/u;
const MAILBOX_SEPARATORS = /[^\p{L}\p{N}]+/u;
const SHORT_NAME_WORD = 3;

/**
 * An identity written as a person's: a display name of two to four words without digits (a
 * bracketed note and a suffix such as "Jr." aside), no bot-like word in the mailbox, nickname,
 * name or job title, and a mailbox (numbers and a sub-address aside) that holds one of the name's
 * last two words without hyphens and holds no role word: `dana.lima@`, `dlima@`, `danalima2@`
 * for Dana Lima, `sean.obrien@` for Seán O'Brien, `mj.garcia@` for María José García López. A
 * team's account is named and addressed otherwise (`backup@` for Backup Job, `data-warehouse@`
 * for Data Warehouse, "Publisher 91"); a person's `tom-baker@` is written as a team's is.
 */
export function personNamed(f: AccountFeatures, ctx: RuleContext): boolean {
  const written = givenNameFirst(withoutBrackets(f.user.name));
  const words = written
    .map((w) => plainLetters(w).replace(NOT_LETTER_OR_DIGIT, ""))
    .filter((w) => w !== "" && !NAME_SUFFIX.test(w));
  if (words.length < 2 || words.length > 4 || words.some((w) => /\d/.test(w)) || automationName(f, ctx) !== null) return false;
  if (f.localPart === null) return true;
  const local = plainMailbox(f.localPart);
  // A team's word anywhere in it (`qa.platform@` for QA Platform) is no person's mailbox either.
  // A hyphen joins no words of a person's mailbox but the name's own (`charles-antoine.roy@` for
  // Charles-Antoine Roy; not `tom-baker@` for Tom Baker).
  if (local.split(/[._]/).some((part) => (part.includes("-") && !hyphenOfName(part, written)) || (part !== "" && ctx.matchers.roleMailbox.test(part)))) return false;
  const joined = local.replace(NOT_LETTER_OR_DIGIT, "");
  const surnames = words.length >= 3 ? words.slice(-2) : words.slice(-1);
  return surnames.some((w) => w.length >= 2 && joined.includes(w));
}
const NOT_LETTER_OR_DIGIT = /[^\p{L}\p{N}]+/gu;
/** A mailbox's hyphened part that is a word of the name with its hyphen, or words of the name in a row before its last (`jean-francois` for Jean-François or Jean François Côté). */
function hyphenOfName(part: string, written: readonly string[]): boolean {
  if (written.includes(part)) return true;
  // Words in a row, not the last (the surname after them): a tool joins all of its name's words
  // so (`fx-team-ldn@` for "FX Team LDN").
  const pieces = part.split("-");
  const at = written.indexOf(pieces[0] as string);
  return at >= 0 && at + pieces.length < written.length && pieces.every((p, i) => written[at + i] === p);
}
const NAME_SUFFIX = /^(?:jr|sr|ii|iii|iv|phd|md)$/;


/** A mailbox of two or three letters on an account with a person's name: two words or more, none of them bot-like. */
export function initialsMailbox(f: AccountFeatures, ctx: RuleContext): boolean {
  return f.localPart !== null && /^[a-z]{2,3}$/i.test(f.localPart) && f.user.name.trim().split(/\s+/).length >= 2 && !ctx.matchers.nameWord.test(f.user.name);
}

/** Rules that fired for the account being scored, for the review floors. */
export interface Fired {
  divergence: boolean;
  /** token-without-ui fired: a token in use on an account never seen in the UI (or never signed in, where the UI is not recorded). */
  tokenWithoutUi: boolean;
  datacenter: boolean;
  emptyProfile: boolean;
}

/** Days with a person's sign-ins (`interactive-logins`) that hold an account at `likely-bot` (holds.ts) and explain its email codes. */
export const SIGNED_IN_MIN_DAYS = 3;

export const TOKEN_TRACE = "API token use";
const OTP_TRACE = "email OTP challenges without two-step verification";
const NO_REST_TRACE = "activity on nearly every day, weekends included, signing in from one address at most";
const TIMER_TRACE = "sign-ins at fixed times of day";

/** Where a bot-like word appears in the account's identity, or null. */
export function automationName(f: AccountFeatures, ctx: RuleContext): string | null {
  const user = f.user;
  // A title that names a machine's account, or a bare "Automation" or "Integration" (a team's
  // name, or the job's): a review with a script's traces beside it, never a `bot` by itself.
  return automationWord(f, ctx) ?? (user.jobTitle && MACHINE_TITLE.test(user.jobTitle) ? `job title "${user.jobTitle}"` : machineNamed(f) ? `name \`${user.name}\`` : null);
}

/** Where a bot-like word appears in the account's mailbox, nickname or name, or null. */
function automationWord(f: AccountFeatures, ctx: RuleContext): string | null {
  const { nameWord } = ctx.matchers;
  const user = f.user;
  // Not a mailbox whose word is only the person's own name without its accents (`lajos.bot@` for
  // Bót Lajos): the name as written holds no bot-like word.
  if (f.localPart !== null && nameWord.test(f.localPart) && !(nameWord.test(plainLetters(user.name)) && !nameWord.test(user.name) && nameMailbox(f, ctx))) return `mailbox \`${user.email ?? ""}\``;
  if (user.nickname && nameWord.test(user.nickname)) return `nickname \`${user.nickname}\``;
  if (nameWord.test(namePart(f, ctx))) return `name \`${user.name}\``;
  return null;
}

/**
 * The display name without a note of the holder's team after it, where what comes first is a
 * person's name of two or three words whose surname the mailbox holds ("Jane Doe/Service Desk" and
 * "Jane Doe · Service Desk" at `jdoe@` are Jane Doe's): the team's words are no bot-like name.
 */
function namePart(f: AccountFeatures, ctx: RuleContext): string {
  const name = f.user.name;
  const cut = NOTE_AFTER_NAME.exec(name);
  if (cut === null || f.localPart === null) return name;
  const head = plainLetters(name.slice(0, cut.index)).toLowerCase().trim().split(/\s+/);
  const surname = head[head.length - 1] ?? "";
  // The note names a team only ("Service Desk", "Sales Team"): not "Release Bot".
  const noteText = name.slice(cut.index + cut[0].length);
  const note = noteText.split(/[^\p{L}]+/u).filter((w) => w !== "");
  // Not a machine's title ("Jane Doe - Service Account" is the account Jane's script uses).
  const teamNote = note.length > 0 && !MACHINE_TITLE.test(noteText.trim()) && note.every((w) => TEAM_NAME_WORDS.test(w) || TEAM_NOUN.test(w) || ctx.matchers.roleMailbox.test(plainLetters(w).toLowerCase()));
  return teamNote && head.length >= 2 && head.length <= 3 && head.every((w) => /^\p{L}+$/u.test(w)) && surname.length >= 2 && plainMailbox(f.localPart).includes(surname) ? name.slice(0, cut.index) : name;
}

/**
 * `scriptTraces`, and for an account named like automation, sign-ins at one or a few fixed times
 * of day (`signInClock`, `login-daily-slots`): a person's habit as often, which a bot-like word in
 * the name or mailbox settles ("Dashboard Screenshotter" at `dashboards@`), not a team's word in a
 * title, nor at a mailbox that writes a person's name (`sarah.jenkins@`, at her desk by 08:58 each
 * day), on an account without a person's job title or department (Tara Deploy, "Support Agent")
 * whose recorded work, if any, is mostly right after its sign-ins (Bea Build works all day).
 */
export function automationTraces(f: AccountFeatures, ctx: RuleContext, fired?: Fired): string[] {
  const traces = scriptTraces(f, ctx, fired);
  if (signsOnClock(f, ctx) && automationWord(f, ctx) !== null && !personalMailbox(f, ctx)) traces.push(TIMER_TRACE);
  return traces;
}

/** The traces a script leaves that a person rarely does: cloud addresses, unanswered OTPs, token use, a lone setup sign-in, no day of rest. */
export function scriptTraces(f: AccountFeatures, ctx: RuleContext, fired?: Fired): string[] {
  const out: string[] = [];
  if (fired ? fired.datacenter : fromCloud(f)) out.push("cloud addresses");
  if (f.otpCount > 0 && f.user.mfaEnabled !== true) out.push(OTP_TRACE);
  else if (otpFlood(f, ctx)) out.push("more email OTP challenges a day than a person answers");
  if (tokenInUse(f, ctx)) out.push(TOKEN_TRACE);
  if (setupOnlyUi(f, ctx)) out.push("a lone sign-in when it was set up");
  // From one address at most: a person on call looks in from the office, home and a phone.
  if (restsNoDay(f, ctx) && f.loginIpCount <= 1) out.push(NO_REST_TRACE);
  return out;
}

/**
 * An account named like automation (a bot-like word anywhere in its mailbox, nickname or name)
 * that shows a script's traces, and that the identity provider does not manage or whose profile
 * is empty: at least a review case, however human its UI use looks. People with such a surname
 * may be reviewed; they are never called `bot` by this.
 */
export function automationIdentity(f: AccountFeatures, fired: Fired, ctx: RuleContext, signsIn: boolean): boolean {
  // A display name that ends in a machine account's title: an admin wrote it, in the name rather
  // than the job title ("Quarterly Audit Service Account", in department IT, idle with a token).
  if (machineNamed(f) || codeNamed(f, ctx) || machineDomain(f) || personaNamed(f) || virtualPersona(f) || robotMailbox(f, ctx)) return true;
  // Most accounts are people's with their job title: the name's own tests below that a person's
  // title overrules are not asked of them.
  const titled = personTitle(f, ctx);
  // So does a service account's handle for a display name, its prefix first ("svc-cargoawbtracke"
  // at `cargoawbtracker@`, "srv_backup"), whatever the mailbox: no person's name is written so;
  // not beside a person's job title (an admin's own "sys-jdoe").
  if (!titled && SERVICE_HANDLE.test(f.user.name.trim())) return true;
  // So does a service account's abbreviation last after the words of what it does, no separator
  // before it ("State Report Svc"), at no mailbox of a person's name and beside no person's job
  // title ("Priya Nair - SVC", a site's code; Jane Doe Svc at `jane.doe@`).
  if (!titled && SVC_LAST.test(f.user.name) && !nameMailbox(f, ctx)) return true;
  // So does a directory's "user" word first and what the account is for after it ("Usuario
  // Inventario Tienda 55", "Usuario Integración Legacy"), not beside a person's job title.
  if (!titled && userWordFirst(f, ctx)) return true;
  // So does an AI persona's name ("AI Triage Assistant", "GenAI Support Bot"): an integration's.
  if (AI_PERSONA.test(nameHead(f.user.name).trim())) return true;
  // So do two products joined in the name or the mailbox ("SAP-JIRA IF", "jira-sheets-sync",
  // `slack-jira@`, `servicenow2jira@`): the integration between them; no person's name joins two.
  if (!titled && (PRODUCT_PAIR.test(nameHead(f.user.name)) || PRODUCT_MAILBOX.test(f.localPart ?? ""))) return true;
  // So does a device's name ("LT1 Wallboard", "Foyer Display"): a screen signs in, no person. A
  // person's job title beside it is one copied from its owner's profile where the name of three
  // words or more starts with no given name ("NOC Screen 2", titled "Software Engineer"; not JP
  // Screen, initials before a surname), or names the screen's place ("Payments Room TV", "Hangar
  // 4 TV", "AOG Board"), as no surname does.
  if (deviceNamed(f, ctx) && (!titled || (!givenNameFirstWord(f, ctx) && f.user.name.trim().split(/\s+/).length >= 3) || PLACED_DEVICE.test(f.user.name.trim()) || ROOM_WORD_TV.test(f.user.name.trim()))) return true;
  // So does a mailbox that starts with a screen's or a board's word (see `deviceMailbox`), not
  // beside a person's job title.
  if (!titled && deviceMailbox(f, ctx)) return true;
  // So does a handle for a display name that holds a device's word beside its place
  // ("tv-depot-linz", "screen-ops-floor2"): a screen's account, named as an admin names hosts; not
  // a contractor's mailbox for a name ("tv.narayanan.ext": see `deviceHandle`).
  if (!titled && deviceHandle(f, ctx)) return true;
  // So does a handheld scanner's make and model first ("Zebra TC52 #19", "Honeywell CT40 Rampa 2"):
  // a warehouse's device, no one's name.
  if (!titled && HANDHELD_MODEL.test(f.user.name.trim())) return true;
  // So does a device's word anywhere in a name with no given name of the org's people in it (see `deviceWordNamed`).
  if (deviceWordNamed(f, ctx)) return true;
  // Or a shop's tab after its shop's word, or a screen's or a kiosk's word run into its place's
  // (see `shopTabOrScreenCompound`).
  if (shopTabOrScreenCompound(f, ctx)) return true;
  // Or three words or more that end in a word only a tool's name ends in ("SG Exam Timetable
  // Bot", "Exams Office Automation"), at no person's mailbox (`maria.anna.bot@` for Mária Anna Bót).
  // A mailbox of the name's words joined by hyphens alone is a tool's (`snowplow-bot@` for
  // "Snowplow Dispatch Bot"), as people's join theirs with dots or underscores, unless the name
  // has the hyphen itself (`jean-marc-robot@` for Jean-Marc Robot).
  if (!titled && toolNameLast(f, ctx) && !(personalMailbox(f, ctx) && givenNameFirstWord(f, ctx) && !hyphenJoinedMailbox(f, f.user.name))) return true;
  // And a display name with two bot-like words of four letters or more ("Exam Scripts Scanner"):
  // a person's name has one at most, a surname (Sarah Jenkins).
  if (!titled && botWordsInName(f, ctx) >= 2 && !givenNameFirstWord(f, ctx)) return true;
  // Named as a job or a team is, with no word a person's name has ("Weekly KPI Report", "Confluence
  // Backup", "Invoice Bot", "Weekly Status Snapshot"), whatever the account does, its department
  // or mailbox (`old-reporting@` spells the name as a person's mailbox would): a job's account,
  // idle between quarterly runs or not, or a team's that people share; not beside a person's job
  // title.
  if (!titled && jobNamed(f, ctx)) return true;
  // Or named for what a job makes or moves, last, on an account with a token ("Lessons Learned
  // Import", "License Audit", "Roadmap Sync"): no surname is such a word.
  if (!titled && (f.tokenCount > 0 || f.tokenEventCount > 0) && jobNounLast(f, ctx)) return true;
  // Or named for the system it connects, an integration's noun last ("Lansweeper Connector",
  // "Meditech Interface (retired)", "Jira Server Bridge", "Old Cerner Alerts"), its first word no
  // one's given name in the org: an integration's account, used or long idle.
  if (!titled && integrationNamed(f, ctx)) return true;
  // Or a word joined by a hyphen to an integration's word, in its own language ("Kundenkät-integration",
  // "Asiakaskysely-integraatio", "Tilastot-integraatio 7"): an integration named for what it carries.
  // So is a service's or a relay's name in one word ("Skjematjeneste", "Meddelandeförmedling",
  // "Lomakepalvelu"): a compound no one's name is.
  if (!titled && (HYPHENED_INTEGRATION.test(f.user.name.trim()) || SERVICE_COMPOUND.test(f.user.name.trim()))) return true;
  // An API token and nothing else of the account's, idle or never used (`onlyAToken`), on an
  // account no IdP keeps, with an empty profile, whose name starts with no given name of the org's
  // people where the org has many ("Bed Huddle Notes", "Compliance Intake Flow", "edi02"): an
  // integration's account, dormant or not yet run. A person's own account is named for them.
  if (onlyAToken(f, ctx) && fired.emptyProfile && f.user.managementSource !== "synced" && f.user.managementSource !== undefined && noGivenNameFirst(f, ctx)) return true;
  // On an account the IdP keeps, a bot-like word too, and none of the name's words a given name of
  // the org's people, and no note after the name ("Pricing Batch" at `pricing.batch@`): a synced
  // person on leave, idle with an old token, has no such word, whatever their name ("Zelinski,
  // John", "Xochitl Quispe"), or has it in their team's note ("Xochitl Quispe (API Team)").
  if (onlyAToken(f, ctx) && fired.emptyProfile && f.user.managementSource === "synced" && automationWord(f, ctx) !== null && unannotated(f.user.name) && noGivenNameIn(f, ctx)) return true;
  // Whoever keeps it and whatever its profile holds, the same for a tool's name that no person's
  // is (`idleToolNamed`).
  if (!titled && idleToolNamed(f, ctx)) return true;
  if (automationName(f, ctx) === null) return setupOnlyUi(f, ctx, true) && f.user.managementSource !== "synced" && fired.emptyProfile;
  // An empty profile makes an account the IdP keeps nobody's, unless it is at its holder's own
  // mailbox (Sarah Jenkins at `sarah.jenkins@`, Atlassian's default avatar and no title).
  const unmanaged = f.user.managementSource !== "synced" || (fired.emptyProfile && !ownMailbox(f, ctx));
  // A name that leads with a bot-like word (`Monitoring`, `deploy-bot@`) needs no more; a person
  // whose surname is one (`Sarah Jenkins`) and whom the identity provider manages does. A mailbox
  // that writes a person's name surname first (`jenkins.sarah@`) does not lead, nor does
  // "Jenkins, Sarah", a directory's way of writing Sarah Jenkins.
  // A job title that says the account is no person's leads too: an admin wrote it.
  // Nor a mailbox that writes the holder's name as people's mailboxes do (`jenkins.s@`, `ci.wang@`
  // for 王慈, `jenkins.sarah@` for "JENKINS Sarah"): the word there is a surname or a given name;
  // unless the display name starts with it, as a tool's does ("Build Agent" at `build.agent@`).
  const ownName = nameMailbox(f, ctx) || ownMailbox(f, ctx);
  // Nor does a person's initials (`ci@` for Cara Ivers, with her job title).
  const mailboxLeads = !ownName && f.localPart !== null && leadsWithBotWord(f.localPart, f, ctx.matchers) && !initialsOfTitledPerson(f, ctx);
  const nameLeads = !ownName && leadsWithBotWord(f.user.name, f, ctx.matchers) && !SURNAME_FIRST_COMMA.test(f.user.name);
  const leads = machineTitle(f) || mailboxLeads || nameLeads;
  // A title an admin wrote to say no person ("Bot", "Service Account") beside a name or mailbox
  // that leads with a bot-like word: two statements that it is a machine's, traces or none (an
  // idle `noreply@` titled "Bot" was `human`).
  // So is such a title beside a bot-like word anywhere in the name or mailbox (`pad.robot@`
  // titled "Service account", "Quarterly Export" titled "Technical user"): no person is titled so.
  if (machineTitle(f) && (mailboxLeads || nameLeads || (automationWord(f, ctx) !== null && !personalMailbox(f, ctx)))) return true;
  // A title of more than a bare "Bot" ("Service account", "Technical User", "Digital Worker 01")
  // says it alone: "Weekly Status Snapshot", synced and titled "Service account", its events lost,
  // was `human`. A bare "Bot" may be a board of trustees'.
  if (machineTitle(f) && !BARE_BOT_TITLE.test(f.user.jobTitle ?? "")) return true;
  if (!unmanaged && !leads && !fired.datacenter) return false;
  // Named like automation from the first word, with an empty profile and no IdP: no person's
  // account. Without an audit log, where no trace but a token's can be seen, a bot-like word
  // anywhere is enough for that; so it is in a log that records no sign-ins (API-token use only)
  // for an account with no event in it, whose mailbox is not its holder's name (`timesheets@` for
  // "Timesheet Exporter", not `sarah.jenkins@`): a browser robot leaves nothing there.
  if ((leads || (!ctx.auditLog && !personalMailbox(f, ctx)) || (ctx.signInLogDays === 0 && f.eventCount === 0 && !mailboxOfOwnName(f))) && fired.emptyProfile && f.user.managementSource !== "synced" && f.user.managementSource !== undefined) return true;
  // Where the snapshot does not say who manages the account, the same for one idle with its token
  // (`onlyAToken`) whose name's words are none of them a given name of the org's
  // people, with no note after the name but one that it is retired ("Qlik Sense Reload", "Integração
  // CRM Legado", idle in exports without `managementSource`), in three words or more or at no
  // person's mailbox: a person's name leads with no bot-like word but at their own mailbox (Jenkins
  // Anna at `jenkins.anna@`, Api Susanto at `asusanto@`) or written surname first in two words
  // (Jenkins Xochitl at `jenkins.xochitl@`), and Xochitl Jenkins has it last.
  if (leads && f.user.managementSource === undefined && fired.emptyProfile && onlyAToken(f, ctx) && (unannotated(f.user.name) || RETIRED_NOTE.test(f.user.name)) && noGivenNameIn(f, ctx) && (vocabularyWords(f.user.name).length >= 3 || !personalMailbox(f, ctx))) return true;
  // So it is when the IdP keeps it, or a department is set, where both the name and the mailbox
  // lead with the word ("nagios" at `nagios@`, "Monitoring" at `monitoring@`, in "Internal IT"):
  // directories list tools' accounts too. Not beside a person's job title, nor at a mailbox that
  // writes a name as a person's ("Bridge Tamás" at `bridge.tamas@`, written surname first), nor
  // where the word may be a given name (Ci Yun at `ci@`): a handle, or a word of four letters or more.
  if (mailboxLeads && nameLeads && (NAMELESS.test(f.user.name) || toolFirst(f, ctx)) && !(f.user.jobTitle && !MACHINE_TITLE.test(f.user.jobTitle)) && f.user.managementSource !== undefined && !personalMailbox(f, ctx)) return true;
  // Idle with an API token: nothing in a log that records sign-ins for two working weeks or more,
  // no UI use within `recentDays`; a job paused, or run less often than the log is long (`svc-
  // reports@`, `jenkins-old3@`). Where the word does not lead ("Legacy Integration", "EROSTERING
  // API" at `sys.erostering@`), neither the token nor the UI in `departedDays`: a person on leave
  // for weeks has used both. Never on an account with a person's job title or department, or at
  // a mailbox that writes its holder's name as a person's is (Sarah Jenkins at `sjenkins@`, Ci
  // Wang at `cwang@`).
  // However short the log, so is an account nothing ever used: a token with no recorded use, no
  // event and no UI use ever where the snapshot records it, at no person's mailbox ("Wiki Sync" at
  // `wiki-sync@`, its token made for a job not yet run); not a contractor's at `sarah.jenkins@`
  // who made a token before day one.
  // A mailbox of the name's words is no person's where the name starts with an acronym or a tool's
  // word before a separator ("EASA Occurrence Export" at `occurrence.export@`, "IOSA Evidence
  // Collector", "Integration - Pronto Sync" at `integration.prontosync2@`; not "Bridge Tamás" at
  // `bridge.tamas@`, a surname written first).
  // A department alone is a team's as often as a person's: where the name leads with a bot-like
  // word and the mailbox holds one too ("n8n automations" at `integrations.sqi@`, in eResearch;
  // "Integrazione Vecchia" at `old.integration@`), it names whose tool it is.
  // So does a service account's handle for a mailbox (`svc-sms@` for "sms-notify", in IT
  // Applications): an admin's prefix for a tool's address, no person's.
  const teamsTool = !f.user.jobTitle && f.localPart !== null && ((nameLeads && (mailboxLeads || ctx.matchers.nameWord.test(f.localPart))) || SERVICE_HANDLE.test(f.localPart));
  if (onlyAToken(f, ctx) && (!personProfile(f) || teamsTool) && (!personalMailbox(f, ctx) || ACRONYM_FIRST.test(f.user.name.trim()) || (WORD_THEN_SEPARATOR.test(f.user.name.trim()) && toolFirst(f, ctx))) && (leads || longIdle(f, ctx))) return true;
  const traces = automationTraces(f, ctx, fired);
  // A token is what a person named Jenkins uses too: after a surname-like word it is not enough;
  // nor are email codes where the account's sign-ins are a person's (`interactive-logins`, on
  // `SIGNED_IN_MIN_DAYS` days or more) from three addresses or more (home, office, phone): each
  // sign-in without 2SV gets one, and Isla Jenkins, at work in the UI every weekday, was reviewed
  // for hers. A robot signs in from its host's one or two addresses and keeps the codes as a
  // trace ("Invoice Runner" at the office, signing in at random hours for two-minute sittings).
  // A mailbox named from its first word (`bamboo-ci@`, not a display name "Ci Wang"): sign-ins
  // without 2SV are a trace too, as each now waits for an email code, whoever or whatever signs
  // in (a CI server's UI login whose codes the log lost).
  // Where the name leads with the word, the same sign-ins answer for the codes on an account with
  // a person's job title whose name holds a person's after the word (`personAfterToolWord`):
  // "Jenkins Wong", a tools programmer at `jenkins.wong@`, and "Bot Tao 陶博", an automation test
  // engineer, signing in on most workdays from home, office and phone, were reviewed for theirs.
  const personSignIns = signsIn && f.loginDays >= SIGNED_IN_MIN_DAYS && f.loginIpCount >= TEAM_SIGN_IN_ADDRESSES && !workAtSignIns(f);
  if (leads) return titled && personSignIns && !workNearSignIns(f) && personAfterToolWord(f, ctx, mailboxLeads) ? traces.some((t) => t !== OTP_TRACE) : traces.length > 0 || (mailboxLeads && f.loginCount > 0 && f.user.mfaEnabled !== true);
  return traces.some((t) => t !== TOKEN_TRACE && !(t === OTP_TRACE && personSignIns));
}

/**
 * A person's name after a tool's word: the display name's words that are not bot-like are one to
 * three words of letters, not all of them a tool's or a machine's noun (`TOOL_NOUN`: "Jenkins
 * Runner", "Build Agent", "Bot 01" are tools'), one of them a given name or a surname of the org's
 * other people (Wong; not Prod, Staging, Payroll, Salesforce: "Jenkins Prod" at `jenkins.prod@`
 * and "Bot Payroll" are tools'), and, where the mailbox leads with the tool's word too, the
 * mailbox holds one of them (`jenkins.wong@` for Jenkins Wong; not `jenkins-ci@`).
 */
function personAfterToolWord(f: AccountFeatures, ctx: RuleContext, mailboxLeads: boolean): boolean {
  const rest = givenNameFirst(nameHead(f.user.name)).filter((w) => !ctx.matchers.nameToken.test(w));
  if (rest.length > 3 || !rest.every((w) => /^\p{L}{2,}$/u.test(w)) || rest.every((w) => TOOL_NOUN.test(w))) return false;
  // One of them a given name or a surname of the org's other people: "Prod", "Staging",
  // "Payroll" or "Salesforce" after the word are a tool's, and the org's people say so.
  if (!rest.some((w) => ctx.vocabulary.givenNameCount(w, f.user) > 0 || ctx.vocabulary.surnameCount(w, f.user) > 0)) return false;
  return !mailboxLeads || (f.localPart !== null && mailboxWords(f.localPart).some((t) => rest.includes(t)));
}
/** A noun that completes a tool's or a machine's name after its word ("Jenkins Runner", "Build Agent", "Sync Service"). */
const TOOL_NOUN = /^(?:agents?|runners?|masters?|servers?|nodes?|workers?|hosts?|daemons?|clients?|services?|bridges?|connectors?|gateways?|relays?|pollers?|collectors?|exporters?|importers?|uploaders?|schedulers?|engines?|instances?|box|vm|pc|terminals?|accounts?|users?|admins?|systems?|robots?|tools?|jobs?|tasks?|pipelines?|builds?|deploys?|tests?|qa|ci|cd|api)$/u;

/**
 * A display name that starts with a directory's word for a user in Spanish, Portuguese, French,
 * Italian, German, Dutch or Polish, then what the account is for ("Usuario Inventario Tienda 55",
 * "Utilisateur Import GED"), with a script's token or idle with one: a technical account's name,
 * no person's. Not English "User", a team's word too ("User Research"), nor with one of the org's
 * given names after it ("Usuario Juan Pérez", a person's second account), nor where the org's
 * names are too few to tell.
 */
function userWordFirst(f: AccountFeatures, ctx: RuleContext): boolean {
  if (!USER_WORD_FIRST.test(f.user.name) || ctx.vocabulary.givenNames() < KNOWN_GIVEN_NAMES) return false;
  const rest = vocabularyWords(f.user.name).slice(1);
  if (rest.length === 0 || anyGivenName(rest, f, ctx)) return false;
  // A guest's or a person's second account so named ("Usuario Externo Juan Pérez", "Benutzer Max
  // Mustermann", his given name the org's only one) signs in and works as its person does: a
  // token in use, cloud addresses, or a token on an idle account (never used included) say it is
  // a tool's.
  return tokenInUse(f, ctx) || fromCloud(f) || tokenButIdle(f);
}
const USER_WORD_FIRST = /^\s*(?:usuario|usu[áa]rio|utilisateur|utente|benutzer|gebruiker|u[żz]ytkownik)\s+[\p{L}\d]/iu;
/** A service account's prefix, a hyphen, an underscore or a dot, and the rest of one word ("svc-cargoawbtracke", "SRV_BACKUP", "rpa.refunds"). */
/** A service account's abbreviation last after a word, with no separator before it ("State Report Svc"). */
const SVC_LAST = /^[^-–—|/:(,]*[^\s\-–—|/:(,]\s+(?:svc|Svc|SVC)(?:\s*\d+)?\s*$/;
const SERVICE_HANDLE = /^(?:svc|srv|rpa|etl|sys)[-_.][a-z0-9][a-z0-9_.-]*$/i;
/** One word, then a spaced dash or bar or a colon before the rest ("Integration - Pronto Sync", "Sync: Payroll"; not Jean-Pierre). */
const WORD_THEN_SEPARATOR = /^\p{L}+(?:\s+[-–—|]\s+|\s*:\s+)\S/u;

/**
 * A display name written as a directory's code for a technical account, not as a person's name:
 * one word of capitals and digits in three parts or more joined by `_` or `-`, the parts joined by
 * an underscore, or one of them a number ("T-ATL-CALYPSO-01", "TU_JSM_SAPFI", "SVC-CONF-PUBLISH-2"),
 * whose mailbox is the code itself (`tu_jsm_sapfi@`). A person's name has a space or small letters;
 * a compound given name in capitals ("JEAN-PAUL-MARIE") has neither an underscore nor a number; a
 * name written with underscores (LEE_JI_HOON) or a badge's number (C-20931-JS) has a mailbox of its own.
 */
export function codeNamed(f: AccountFeatures, ctx: RuleContext): boolean {
  // A region's code after the code aside ("VAL_TEST_USER_01 EU").
  const raw = f.user.name;
  // A digital worker's code alone, an RPA suite's name after it aside, at a mailbox that is the
  // code, a robot's word after it aside ("DW03" at `dw03@`, "DW17" at `dw17.rpa@`, "RPA DW19" at
  // `rpa.dw19@`, "DW03 Blue Prism"): capitals and a number, as no person's name is written, and
  // the mailbox says it is no badge's beside a name; not beside a person's job title (an
  // employee's code for a name, "VN001" at `vn001@`, titled "Công nhân").
  const code = SHORT_CODE.exec(raw.trim());
  if (code !== null && f.localPart !== null && !personTitle(f, ctx) && lettersAndDigits((f.localPart.split("+")[0] as string).replace(ROBOT_SUFFIX, "")) === lettersAndDigits(code[1] as string)) return true;
  if (!raw.includes("_") && !raw.includes("-")) return false;
  const name = raw.trim().replace(/(?<!\s)\s+\p{Lu}{2,3}$/u, "");
  // An RPA suite's robot by its code: a prefix in capitals, words joined by underscores and a
  // number last ("BPDW_Refunds_01", "AABOT_Coding_Edits_01"), as no person's name is written.
  if (ROBOT_CODE.test(name)) return true;
  if (!CODE_NAME.test(name) || !(name.includes("_") || /(?:^|[-_])\d+(?:[-_]|$)/.test(name))) return false;
  // Or a part that names a machine's or a test's account ("VAL_TEST_USER_01" at `val_test_01@`),
  // or a German directory's prefix for a technical or a functional user first ("TU_IFRS17_CLOSE"
  // at `tu-ifrs17-close@`).
  const parts = name.split(/[-_]/);
  // A prefix only where the mailbox is the code, its parts joined by hyphens or underscores (not
  // FU_JIA_HUI at `fu.jiahui@`, a person written surname first in capitals).
  const lower = name.toLowerCase();
  // And a part with a digit or a job's word after it (not TU_VAN_ANH at `tu-van-anh@`).
  const prefixed = TECHNICAL_USER_PREFIX.test(parts[0] as string) && parts.slice(1).some((part) => /\d/.test(part) || jobWord(part.toLowerCase(), ctx));
  return f.localPart === lower || parts.some((part) => machineCodePart(part, parts)) || (prefixed && f.localPart !== null && f.localPart.replace(/-/g, "_") === lower.replace(/-/g, "_"));
}
/** `part` of a code's `parts` names a machine's or a test's account; RUNTIME or ROBOT only beside a number and a suite's code (`ROBOT_PART`). */
function machineCodePart(part: string, parts: readonly string[]): boolean {
  if (!MACHINE_CODE_PART.test(part)) return false;
  return !ROBOT_PART.test(part) || (parts.some((p) => /^\d+$/.test(p)) && parts.every((p) => p === part || /^\d+$/.test(p) || /^[A-Z]{2,3}$/.test(p)));
}
/** Letters and digits alone, lower-cased: `rpa.dw19` and "RPA DW19" are both `rpadw19`. */
function lettersAndDigits(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]/g, "");
}
/** An RPA team's word after a code in its mailbox (`dw17.rpa@`). */
const ROBOT_SUFFIX = /[._-](?:rpa|bot|robot)$/i;
/** Two or three capitals and a number of two or three digits, RPA before it or not, an RPA suite's name after it or not (not LI WEI2, a name in capitals with a directory's number). */
const SHORT_CODE = /^((?:RPA\s+)?[A-Z]{2,3}\d{2,3})(?:\s+(?:Blue\s*Prism|UiPath|Automation\s+Anywhere))?$/;
const TECHNICAL_USER_PREFIX = /^(?:TU|FU|TECHUSER|NPA)$/;
/**
 * A robot's or a chat bot's persona in the display name, a note after a name or the name's head
 * before a separator ("Débora Machado (Assistente Virtual)", an attended robot named for its
 * analyst; "Asistente Virtual - Cobranzas"; "Ticket Virtual Agent"), in Portuguese, Spanish,
 * French and ServiceNow's English: an admin's word for what the account is. Not in a job title,
 * where a remote assistant's job is so called ("Asistente Virtual"), nor English "Virtual
 * Assistant", a freelancer's trade.
 */
export function virtualPersona(f: AccountFeatures): boolean {
  return VIRTUAL_PERSONA_NAMED(f.user.name);
}
// French "Agent virtuel" is a machine account's title too, so `machineNamed` finds it in a name.
const VIRTUAL_PERSONA_NAMED = namedAs("(?:(?:assistente|asistente|agente)[ _-]virtual|virtual[ _-]agent)(?:\\s*\\d+)?");
/**
 * A robot's persona: a given name before a department's or a machine's word that no one's surname
 * is ("Penny Pharmacy", "Molly MedRec", "Ruth Registration", "Ava Digital", "Giulia Virtuale"), as
 * RPA teams name their digital workers; or a team's word before it ("Vendor Registration").
 * Exactly two words, at a mailbox of the first alone (`ava@`) or holding the second
 * (`penny.pharmacy@`): a person whose department the IdP wrote where the surname goes keeps
 * their own mailbox (Maria Radiology at `maria.gonzalez@`). The word is the admin's statement,
 * whatever profile was copied onto the account (a person's job title too). Not a surname that is a
 * word as well (Rich Sales, Sam Bot, Grant Backup; Sanal, a Turkish and a Malayali surname).
 */

export function personaNamed(f: AccountFeatures): boolean {
  if (f.localPart === null) return false;
  const found = PERSONA_NAME.exec(withoutControls(f.user.name.normalize("NFC")).trim());
  if (found === null) return false;
  const letters = (text: string): string => foldLetters(text).replace(/[^a-z]/g, "");
  const local = letters(plainMailbox(f.localPart));
  return local === letters(found[1] as string) || local.includes(letters(found[2] as string));
}
const PERSONA_NAME = /^(\p{L}+(?:-\p{L}+)?)\s+(pharmacy|medrec|registration|radiology|admissions|refunds|digital|virtual|virtuale|virtuel(?:le)?|virtueel|virtuell[ae]?|wirtualn[ay])$/iu;
/**
 * A robot's mailbox beside a person's name: one word of the display name, then an RPA robot's
 * word and a number or none (`ramadhani.rpa@` for "Ramadhani Mwakalinga", `esther.rpa@` for "Esther
 * (Onboarding Clerk)", `rpa.klaudia@` for "Klaudia (RPA)"), as RPA teams name a digital worker
 * after the person whose work it does. The display name and its note hold no robot's word but
 * "(RPA)" alone: a person whose surname is one writes it there (Anna Bot at `anna.bot@`), and a
 * note of one's role says it ("Emma (RPA Developer)").
 */
export function robotMailbox(f: AccountFeatures, ctx: RuleContext): boolean {
  if (f.localPart === null) return false;
  // A mailbox of robots' words and a number alone (`rpa.robot03@` for "Kari Robot"): the RPA
  // team's numbering, whatever persona the name gives the robot.
  if (ROBOT_WORDS_MAILBOX.test(f.localPart)) return true;
  // Asked of every account: most mailboxes hold neither RPA's nor a digital worker's letters.
  if (!RPA_OR_DW.test(f.localPart)) return false;
  // Not beside a robot's word in the name, a note of one's role too ("Emma (RPA Developer)" at
  // `emma.rpa@`), but for the robot's word alone in brackets ("Klaudia (RPA)"), nor beside a job
  // title that holds one (an RPA developer's own `maria.rossi.rpa@`).
  if (ROBOT_WORD_IN_NAME.test(f.user.name.replace(ROBOT_NOTE, " ")) || automationMakersTitle(f.user.jobTitle)) return false;
  // Folded alike, as mailboxes write names (`klaudia.klos.dw@` for "Klaudia Kłos"), a number
  // after a separator aside (`rpa.klaudia.02@`).
  const local = foldLetters(plainMailbox(f.localPart)).replace(/[._-]+\d*$/, "");
  const words = vocabularyWords(nameHead(f.user.name)).map(foldLetters);
  const found = ROBOT_MAILBOX.exec(local);
  // Not a given name and the initials of the surnames after it (`ana.rpa@` for Ana Rocha Pereira Alves).
  if (found !== null) return words.includes((found[1] ?? found[2]) as string) && words.slice(1).map((w) => w[0]).join("") !== "rpa";
  // A digital worker's suffix after the person's whole name, in either order, apostrophes
  // dropped (`hubert.jankowski.dw@` for "Hubert Jankowski" or "Nowak Ewa" at `ewa.nowak.dw@`,
  // `sean.obrien.dw@` for "Seán O'Brien"), one of its words no given name of the org's: not
  // after given names alone, where it may be the initials of two surnames (`anna.maria.dw@`).
  const dw = DIGITAL_WORKER_SUFFIX.exec(local);
  if (dw === null || words.length < 2) return false;
  const spelled = (dw[1] as string).replace(/[^a-z]/g, "");
  return (spelled === words.join("") || spelled === [...words].reverse().join("")) && words.some((w) => ctx.vocabulary.givenNameCount(w, f.user) === 0);
}
// Only RPA's word beside a word of the name: Bot and Robot are surnames too (Ioana Boț at
// `ioana.bot@`, named "Ioana"), and a service account's prefix before a person's name is an
// admin's handle for a second account of their own (`svc.bada@` for a developer, Bada Lindqvist).
const ROBOT_MAILBOX = /^(?:([a-z]{2,})[._-]rpa|rpa[._-]([a-z]{2,}))$/;
const ROBOT_WORD_IN_NAME = /(?:^|[^\p{L}])(?:rpa|bots?|robots?|svc)(?:[^\p{L}]|$)/iu;
const RPA_OR_DW = /rpa|dw/i;
const ROBOT_NOTE = /\s*\((?:rpa|bot|robot)\)\s*$/i;
/**
 * A job title of one who builds or runs automation ("RPA Developer", "Automation Developer",
 * "Process Automation Analyst"): that person's own second account; not a robot's own title ("RPA
 * Robot", "UiPath Robot", "RPA Digital Worker").
 */
function automationMakersTitle(title: string | null | undefined): boolean {
  return !!title && AUTOMATION_TITLE_WORD.test(title) && MAKER_TITLE_WORD.test(title);
}
const AUTOMATION_TITLE_WORD = /(?:^|[^\p{L}])(?:rpa|automation|robotics?|bots?|uipath|blue\s*prism)(?:[^\p{L}]|$)/iu;
const MAKER_TITLE_WORD = /(?:^|[^\p{L}])(?:developer|engineer|analyst|architect|consultant|lead|manager|specialist|owner|administrator|admin|designer|tester|programmer|entwickler|desenvolvedor|desarrollador|d[ée]veloppeur|sviluppatore|programista|analityk)(?:[^\p{L}]|$)/iu;
// Two robots' words at least: one alone may be initials (`rpa23@` for Richard Paul Anderson) or a
// surname (`bots@` for Pieter Bots).
const ROBOT_WORDS_MAILBOX = /^(?:rpa|bots?|robots?)(?:[._-]?(?:rpa|bots?|robots?))+[._-]?\d*$/i;
const DIGITAL_WORKER_SUFFIX = /^([a-z]+(?:[._-][a-z]+)+)[._-](?:dw|rpa)$/;
/**
 * A mailbox on a subdomain kept for machines' accounts (`exalate_v2@svc.example.com`,
 * `jenkins@bots.example.com`): the org's own statement that no person reads it.
 */
export function machineDomain(f: AccountFeatures): boolean {
  return !!f.user.email && MACHINE_SUBDOMAIN.test(f.user.email);
}
const MACHINE_SUBDOMAIN = /@(?:svc|svcs|service-accounts?|bots?|robots?|rpa|automation|noreply|no-reply)\.[^.@]+\.[^.@]+$/i;
const MACHINE_CODE_PART = /^(?:TEST|TST|USER|USR|SVC|SYS|BOT|API|TECH|SRV|RPA|BATCH|JOB|RUNTIME|ROBOT|DW)$/;
/** RUNTIME, ROBOT or DW (a digital worker): a machine's only beside a number and a suite's or team's code of two or three capitals (BP-RUNTIME-01, ROBOT-AP-02, BP-DW-07; not MARIE-ROBOT-02, a surname). */
const ROBOT_PART = /^(?:RUNTIME|ROBOT|DW)$/;
const CODE_NAME = /^[A-Z0-9]+(?:[-_][A-Z0-9]+){2,}$/;
const ROBOT_CODE = /^\p{Lu}{3,}[\p{Lu}\d]*(?:_[\p{L}\d]+)+_\d{1,3}$/u;

/**
 * A display name that names a device, not a person: a screen, a kiosk or a wallboard ("LT1
 * Wallboard", "Lovelace Wing Foyer Display", "Lab B2.07 Status Board", "Theatres Coordination
 * Screen", "Lecture Theatre B AV Panel", "Queue Dashboard TV 2", "Kiosk"), a region's code or a
 * number after it aside. Such an account signs in from the device each morning and stays there;
 * each sign-in now waits for an email code. No person's name ends so.
 */
export function deviceNamed(f: AccountFeatures, ctx: RuleContext): boolean {
  // A mailbox that names a kiosk, a wallboard or a dashboard's TV (`playtest-kiosk-01@` for
  // "Playtest Warsaw 01", `tv-dashboard@` for "Dashboard Chengdu"): no person's is so named.
  // Not beside a person's name: only a name of one word, with a number, or that starts with a
  // job's word goes with it (Thomas Wall at `tvwall@`, Anna Kowalski at `anna.signage@`, "Emma
  // Clark (Kiosk Team)" at `emma.clark.kiosk@` are people).
  if (f.localPart !== null && DEVICE_MAILBOX.test(f.localPart) && unannotated(f.user.name) && deviceLikeName(f, ctx)) return true;
  // A room's PC: a PC's word with a room's code, or a room's word first with its code
  // ("Laborrechner C212", "PC-Pool D-123", "Hörsaal HS 172 (Pult-PC)", "Salle TP 114 – poste
  // enseignant", "Infobalie G0"); a PC's word only at a mailbox that is no person's and before any
  // note (Anna Keller (Computer Science, Room 212) at `ak2134@`), and initials are no PC's word
  // (PC Sharma); a room's code alone says nothing. A room's word is a surname too, written first
  // by directories: in capitals, or at the holder's mailbox given name first ("SALLE Marie –
  // poste 4412", "Aula Jukka (p. 4412)" at `jukka.aula@`).
  if (ROOM_CODE.test(f.user.name) && ((ROOM_FIRST.test(f.user.name) && !SURNAME_ROOM.test(f.user.name) && !surnameFirst(f, nameHead(f.user.name))) || (PC_WORD.test(nameHead(withoutBrackets(f.user.name))) && !personalMailbox(f, ctx)))) return true;
  // A store's or a depot's tablet or display in Japanese (see `placedDeviceJa`), or a kiosk in
  // French (see `BORNE_FIRST`).
  if (placedDeviceJa(f) || borneFirst(f)) return true;
  if (!DEVICE_HINT.test(f.user.name)) return false;
  // A shop floor's andon board or a screen in Japanese, anywhere in the name ("Andon TV Line 3",
  // "andon5", "アンドン表示板 第4ライン", "ライン3 モニタ", "安城工場 掲示板PC"): no person's name holds them.
  if (ANDON.test(f.user.name) || andonOnLine(f) || SHOP_FLOOR_DEVICE_JA.test(plainHead(f.user.name))) return true;
  // A site's code after a separator names where the device is, not whose it is ("War Room TV -
  // HYD", "Lobby Display – BLR2"); a note of words stays a note (Mette Hansen | TV 2).
  const full = f.user.name.replace(SITE_CODE_NOTE, "").trim();
  // Screen is a surname too (Pat Screen at `pat.screen@`): after a given name, at their mailbox;
  // not one of the name's words joined by a hyphen the name lacks, as a device's is
  // (`newsroom-screen@` for "Newsroom Screen").
  const words = full.split(/\s+/);
  if (words.length === 2 && SURNAME_DEVICE.test(words[1] as string) && givenNameFirstWord(f, ctx) && personalMailbox(f, ctx) && !hyphenJoinedMailbox(f, full)) return false;
  // So with a middle name, its first word a given name of the org's people, at a mailbox of the
  // given name or its initial and the surname (Anna Maria Screen at `anna.screen@` or `ascreen@`;
  // not "Lobby Wall Screen" at `lobby.wall.screen@`, nor "Boardroom East Screen" at
  // `boardroom.screen@`, where nobody is given Boardroom, or the org's names teach nothing).
  if (words.length === 3 && SURNAME_DEVICE.test(words[2] as string) && knownGivenNameFirst(f, ctx) && givenAndSurnameMailbox(f, words)) return false;
  // Nor written surname first before a given name, at the person's mailbox ("Kiosque Marie" at
  // `marie.kiosque@`; not "Pantalla Recepción", a place).
  if (words.length === 2 && SURNAME_DEVICE.test(words[0] as string) && /^\p{Lu}\p{Ll}/u.test(words[1] as string) && !jobWord(words[1] as string, ctx) && personalMailbox(f, ctx)) return false;
  // Not a person's name with their team or employer after a separator ("Emma Clark - TV News",
  // "Mark Jones - Digital Signage", "Mette Hansen | TV 2"); a screen's word before it names the
  // screen and its place after ("Affichage – Salle du conseil").
  // A surname in capitals before the given name is a person's, as directories write it ("KIOSQUE
  // Élise – Médiathèque").
  // Nor at the person's mailbox, given name first ("Ekran Ayşe - IST" at `ayse.ekran@`).
  // A TV before a room's word is an acronym in capitals, no surname ("TV Sala Sinistros").
  if (DEVICE_FIRST.test(full) && !/^tv\s/i.test(full) && surnameFirst(f, nameHead(full))) return false;
  // A kiosk's, a wallboard's or an iPad's word before the note names the device, and the note its
  // place ("MVD Lobby Kiosk 01 - Fairbanks", "Kiosk, Lobby 1" as a directory writes a surname
  // first), with a number before the note (not a ward's or a store's after it) or in a name that
  // starts with no given name of the org's people, at a mailbox that names the device, or with the
  // device's word first at a mailbox that is no person's ("MVD Lobby Kiosk 01" at `kiosk.mvd01@`,
  // "Kiosk, Lobby 1" at `lobby1.kenai@`): "Chiara Bianchi iPad - Ward 7" at `cbianchi@` is hers,
  // her given name the org's only one, and "Kiosk Team - Emma Lindqvist" at `emma.lindqvist@`.
  if (NOTE_AFTER_NAME.test(full)) {
    const head = nameHead(full);
    return DEVICE_FIRST.test(full) || DEVICE_NOTE.test(full) || PLACED_DISPLAY.test(head) || (DEVICE_ANYWHERE.test(head) && (/\d/.test(head) || noGivenNameFirst(f, ctx)) && (DEVICE_ANYWHERE.test(f.localPart ?? "") || (DEVICE_WORD_FIRST.test(head) && !personalMailbox(f, ctx)))) || numberedScreenAtDeviceMailbox(f, ctx, head);
  }
  // A region's code after the name aside, and a test copy's after that ("Bed Board HOU TST"), not
  // the TV itself ("Crew Room GRU TV").
  const name = withoutBrackets(full).trim().replace(TRAILING_CODES, (code) => (/tv$/i.test(code) ? code : "")).replace(TRAILING_NUMBER, "");
  // Its place after the device's word, where the mailbox spells the place too ("Crib Room Screen
  // Kimberley" at `crib.room.screen.kimberley2@`, "Toolbox Talk Display Limpopo").
  return ROOM_WORD_TV.test(name) || DEVICE_LAST.test(name) || (INSTRUMENT_NAMED.test(full) && !personalMailbox(f, ctx)) || DEVICE_ANYWHERE.test(name) || (TABLET_INSIDE.test(name) && !givenNameFirstWord(f, ctx)) || DEVICE_FIRST.test(name) || DEVICE_LAST.test(withoutPlace(f, name)) || deviceBeforePlace(f, ctx, name);
}
/**
 * A screen's word last before its number, ahead of a note, at a mailbox that names a device ("MCR
 * Screen 1 - Porcupine" at `wallboard.pcp1@`): the control room's first screen, its site after it.
 * Screen is a surname too: not after a word that may be a given name ("Pat Screen 2 - Sales" at
 * `screen.pat2@`, "Chiara Bianchi Tablet 2 - Ward 7" at `chiara.bianchi.tablet@`), initials, or a
 * name in capitals that the mailbox spells ("OKAFOR Tablet 2" at `tablet.okafor@`), nor beside a
 * person's job title.
 */
function numberedScreenAtDeviceMailbox(f: AccountFeatures, ctx: RuleContext, head: string): boolean {
  const local = f.localPart ?? "";
  if (personTitle(f, ctx) || givenNameFirstWord(f, ctx) || !NUMBER_LAST.test(head) || !DEVICE_LAST.test(head.replace(NUMBER_LAST, "")) || !(DEVICE_MAILBOX.test(local) || DEVICE_MAILBOX_FIRST.test(local))) return false;
  // Initials before the surname ("JP Screen 2 - Sales"), or a name in capitals that the mailbox
  // spells ("PAT Screen 2" at `wallboard.pat2@`, "OKAFOR Tablet 2" at `tablet.okafor@`): a person's.
  const first = head.split(" ")[0] ?? "";
  const spelled = foldLetters(first);
  const spellsFirst = local.toLowerCase().split(/[^a-z]+/).includes(spelled);
  // An acronym of three letters is the screen's place as often ("NOC Screen 4" at `signage.noc4@`).
  return !INITIALS.test(first) && !(spellsFirst && (spelled.length >= 4 || ctx.vocabulary.givenNameCount(spelled, f.user) > 0));
}
const NUMBER_LAST = /\s*#?\d+$/;
/**
 * The mailbox is the first of three `words` and the last, the middle one or its initial between
 * them or not, the first two as initials or not, and nothing else (`anna.screen@`, `ascreen@`,
 * `a.screen@`, `annamaria.screen@`, `amscreen@`, `anna.m.screen@` for Anna Maria Screen).
 */
function givenAndSurnameMailbox(f: AccountFeatures, words: readonly string[]): boolean {
  if (f.localPart === null) return false;
  const [given, middle, surname] = words.map((w) => foldLetters(w)) as [string, string, string];
  const firsts = [given, given[0], `${given}${middle}`, `${given[0]}${middle[0]}`];
  const tokens = plainMailbox(f.localPart).split(/[._]/).filter((t) => t !== "");
  if (tokens.length === 1) return firsts.some((g) => tokens[0] === `${g}${surname}`);
  if (tokens.length === 3) return (tokens[0] === given || tokens[0] === given[0]) && (tokens[1] === middle || tokens[1] === middle[0]) && tokens[2] === surname;
  return tokens.length === 2 && firsts.includes(tokens[0] as string) && tokens[1] === surname;
}
/** The display name's first word is a given name of other people of the org's, and its second no board's or screen's qualifier (not "Fleet Status Board", where a team's account may make Fleet a given name). */
function knownGivenNameFirst(f: AccountFeatures, ctx: RuleContext): boolean {
  const [first, middle] = vocabularyWords(f.user.name);
  return first !== undefined && ctx.vocabulary.givenNameCount(first, f.user) > 0 && !BOARD_QUALIFIER.test(middle ?? "");
}
/** A board's or a screen's qualifier, no one's middle name ("Fleet Status Board", "Crew Info Screen"). */
const BOARD_QUALIFIER = /^(?:status|info|information|notice|queue|kanban|score|dash|huddle|throughput|census|tracking|beds?|av|control|touch|door|room|wall|lobby|foyer|floor|ops|shift)$/;
/**
 * `DEVICE_BEFORE_PLACE` in a name that starts with no given name of the org's people, or at a
 * mailbox that holds the device's word, joined by hyphens as a tool's are or no person's
 * (`noc-naytto@` for "NOC Näyttö Espoo", where the org's other NOC accounts make "NOC" a first
 * word it knows).
 */
function deviceBeforePlace(f: AccountFeatures, ctx: RuleContext, name: string): boolean {
  const found = DEVICE_BEFORE_PLACE.exec(name);
  const device = found?.[1] ?? found?.[2];
  if (device === undefined) return screenBeforePlace(f, ctx, name);
  if (noGivenNameFirst(f, ctx)) return true;
  return f.localPart !== null && foldLetters(f.localPart).includes(foldLetters(device)) && (hyphenJoinedMailbox(f, name) || !personalMailbox(f, ctx));
}
/**
 * A screen's, a TV's, a board's or a monitor's word between a team's or a room's word and a
 * place's ("NOC Screen Kraków" at `noc.screen.krk@`, "Ops Screen London", "Floor TV Manila"), in
 * a name that starts with no given name of the org's people, at a mailbox that spells the device's
 * word too: a wall screen named by team, device and place. These words are surnames too (Screen,
 * Board), so a name whose first word may be a given name, or a mailbox without the word (Oisín
 * Screen Lynch at `oisin.lynch@`), is a person's.
 */
function screenBeforePlace(f: AccountFeatures, ctx: RuleContext, name: string): boolean {
  const found = SCREEN_BEFORE_PLACE.exec(name);
  if (found === null || f.localPart === null) return false;
  return noGivenNameFirst(f, ctx) && mailboxWords(f.localPart).includes(foldLetters(found[1] as string));
}
const SCREEN_BEFORE_PLACE = /^\S+\s+(screen|tv|board|monitor)\s+[\p{L}-]+$/iu;
/**
 * A device's word before one word more, its place, a number after it aside ("NOC Näyttö Espoo",
 * "Fältteam Surfplatta Luleå 2", "Feltlag Nettbrett Bergen"), in a name that starts with no
 * given name of the org's people (not Erik Display Lindqvist; see `deviceBeforePlace`): a crew's
 * tablet or a site's wall screen, named by team, device and place; a board's TV too ("Kanban TV
 * Nicosia"). Not the device words that
 * are surnames too (Screen, Board, Panel, Turkish Ekran).
 */
const DEVICE_BEFORE_PLACE = /(?:^|\s)((?:kanban|sprint|scrum|dashboard|queue)\s+tv)\s+[\p{L}-]+$|\s(n[äa]ytt[öo]|sk[äa]rm|skjerm|skærm|ekraan|displays?|kiosk|wallboard|signage|tablet(?:ti)?|surfplatta|nettbrett|planšetė|tahvelarvuti)\s+[\p{L}-]+$/iu;
/**
 * `name` without its last word (a place's name) where it has four words or more and the mailbox
 * spells every one of them, the place too (`crib.room.screen.kimberley2@`; not Pat Screen Jones
 * at `pat.jones@`, nor at `pat.screen.jones@`: two words before a place are a person's names);
 * `name` otherwise.
 */
function withoutPlace(f: AccountFeatures, name: string): string {
  const words = name.split(/\s+/).map(foldLetters);
  if (words.length < 4 || f.localPart === null) return name;
  const tokens = foldLetters(f.localPart).split(/[^a-z]+/);
  // Nor where the device's word is a surname too (Screen, Board, Panel: "Anna Maria Screen
  // Lopez"), unless a room's word is before it ("Crib Room Screen Kimberley").
  if (SURNAME_DEVICE.test(words[words.length - 2] as string) && !ROOM_WORD.test(words[words.length - 3] as string)) return name;
  return words.every((w) => tokens.includes(w)) ? name.split(/\s+/).slice(0, -1).join(" ") : name;
}
/**
 * AI (in capitals, not Ai, a given name) or GenAI, LLM or GPT first, and an assistant's, agent's,
 * bot's or copilot's word last, up to three words between, in the name before any note: no
 * person's name (not "AI Ling - Support Agent", a surname in capitals and her role).
 */
const AI_PERSONA = /^(?:AI|GenAI|LLM|GPT)[\s-]+(?:[\p{L}\d-]*\p{L}[\p{L}\d-]*\s+){0,3}(?:[Aa]ssistant|[Aa]gent|[Bb]ot|[Cc]opilot)$/u;
/** Products an integration joins: not words a name or a team holds (Teams, Snow, Monday, Notion, Linear, Oracle), nor Jenkins, a surname. */
const PRODUCT = "jira|confluence|slack|sap|salesforce|sfdc|servicenow|github|gitlab|bitbucket|zendesk|hubspot|g?sheets|sharepoint|power[-_ ]?bi|tableau|workday|asana|trello|okta|splunk|datadog|pagerduty|opsgenie|netsuite|freshdesk|intercom";
/**
 * Two of them joined by a hyphen, a dot, an underscore or a 2 with no space around it, or by "to"
 * or an arrow, in the name before any note ("SAP-JIRA IF", "ServiceNow to Jira"; not "Mary
 * Jenkins - SAP", nor Tom Becker (Jira-Confluence Admin), his note).
 */
const PRODUCT_PAIR = new RegExp(`(?:^|[^\\p{L}])(?:${PRODUCT})(?:[-_.2]|\\s*(?:\\bto\\b|->|→|<->|↔)\\s*)(?:${PRODUCT})(?:$|[^\\p{L}])`, "iu");
/** A mailbox that is two of them joined and nothing else but a tool's word or a number (`slack-jira@`, `servicenow2jira@`, `sap_jira_sync2@`). */
const PRODUCT_MAILBOX = new RegExp(`^(?:${PRODUCT})(?:[-_.]?(?:2|to)[-_.]?|[-_.])(?:${PRODUCT})(?:[-_.](?:sync|bridge|integration|interface|if|connector|api|bot|link))?\\d*$`, "i");
/** Not Kiosque, a French surname (Marie Kiosque at `marie.kiosque@`), nor a TV run together with a word (`tvwall@`). */
const ROOM_WORD = /^(?:room|hall|lobby|foyer|reception|canteen|kitchen|lounge|talk|briefing|crib|control|yard|gate|gatehouse|workshop|depot)$/;
export const DEVICE_MAILBOX = /(?:^|[-._])(?:kiosks?|tablets?|wallboard|signage|tv[-._](?:dashboard|screen|board)|(?:dashboard|lobby|foyer|ops|noc)[-._]tv)\d*(?:[-._]|$)/i;
/**
 * A mailbox that starts with a dashboard's, a board's, a kiosk's, signage's or a screen's word
 * (`dashboard.salabrera@`, `showboard.pfw@`, `painel.noc@`), beside a name that starts with no
 * given name of the org's people and holds a device's word, not last in a name of two words, where
 * a surname stands, nor first where the mailbox spells the other word ("Dashboard Sala Brera",
 * "Show Board Paris", "TV Backstage Sfilate", "Dashboard Mesa" at `painel.noc@`; not Kate Screen
 * or "Screen, Kate" at `screen.kate@`, nor Liam Board at `dashboard.liam@`, their mailboxes
 * written surname first); or a name with none of their given names at a mailbox joined by hyphens, as tools' are,
 * or with a room's word (`wallboard-teist@` for "Teist CCR", `kiosk.beirut@` for "Beirut Ops
 * Room"; not Brandon Wu at `display.brandon@`). No TV's first
 * (`tv.narayanan@`: initials). Kept out of `deviceNamed`, whose name alone lifts a hold.
 */
export function deviceMailbox(f: AccountFeatures, ctx: RuleContext): boolean {
  const local = f.localPart ?? "";
  // A kiosk's, a tablet's or signage's word anywhere in the mailbox, beside a name of three words
  // or more with no given name of the org's people, at a mailbox that does not write it as a
  // person's ("แม่บ้าน Garden Wing สมุย" at `hk.tablet.usm.gardenwing@`, a housekeeping tablet
  // named for its wing); not two words, a person's name with a rare given name (Xiadani Quispe at
  // `xquispe.tablet@`), nor Xiadani Quispe Mamani at `xiadani.quispe.tablet@`.
  if (DEVICE_MAILBOX.test(local) && unannotated(f.user.name) && f.user.name.trim().split(/\s+/).length >= 3 && noGivenNameIn(f, ctx) && !mailboxWritesName(local, f.user.name)) return true;
  if (!DEVICE_MAILBOX_FIRST.test(local) || !noGivenNameFirst(f, ctx)) return false;
  // The name before a note, a surname first before a comma kept ("Screen, Kate").
  const words = vocabularyWords(withoutBrackets(f.user.name.split(/[/|·@]|\s[-–—:]\s/u)[0] as string));
  const at = words.findIndex((w) => DEVICE_NAME_WORD.test(w));
  if (at >= 0) {
    if (words.length !== 2) return true;
    // Two words: a person's name, the device's word their surname, last or first at a mailbox
    // of the surname and the other word ("Kate Screen - Payroll", "Screen, Kate" at `screen.kate@`).
    const rest = plainMailbox(local).split(/[._-]+/).slice(1).join("");
    return at === 0 && rest !== words[1];
  }
  return (/^[^._]+-[^._]+$/.test(local.split("+")[0] as string) || ROOM_NAMED.test(f.user.name)) && noGivenNameIn(f, ctx);
}
const ROOM_NAMED = /(?:^|\s)(?:room|hall|lobby|foyer|reception|desk|ops)(?:\s|$)/i;
/**
 * A handle (`NAMELESS`) of 80 characters at most, of words joined by hyphens, underscores or dots,
 * one a device's word and not alone, one that no surname is, or three words or more joined as
 * hosts' names are, not by dots alone ("tv-depot-linz", "kiosk_lobby", "kiosk.lobby"; not
 * "tv.ramesh.kumar"), with no initial, contractor's tag, given name or surname of the
 * org's people among them ("tv.narayanan", "tv.s.narayanan", "tv.narayanan.ext", "tv.ramesh.kumar",
 * "john.board.ext": South Indian initials and contractors' mailboxes for names).
 */
function deviceHandle(f: AccountFeatures, ctx: RuleContext): boolean {
  const trimmed = f.user.name.trim();
  if (trimmed.length > SHORT_NAME_MAX || !NAMELESS.test(trimmed)) return false;
  const tokens = trimmed.toLowerCase().split(/[-_.]+/).map((t) => t.replace(/\d+$/, "")).filter((t) => t !== "");
  // No initial, contractor's tag, given name or surname of the org's people among its words
  // ("tv.s.narayanan", "tv.narayanan.ext", "tv.ramesh.kumar", "john.board.ext" are people's).
  if (tokens.length < 2 || tokens.some((t) => t.length === 1 || CONTRACTOR_TAG.test(t)) || anyGivenName(tokens, f, ctx) || anySurname(tokens, f, ctx)) return false;
  // Joined by dots alone, it is written as a mailbox for a person's name is ("tv.ramesh.kumar"):
  // only a word no surname is says a device there.
  const hostLike = /[-_]/.test(trimmed);
  return tokens.some((t) => DEVICE_NAME_WORD.test(t) && ((hostLike && tokens.length >= 3) || NO_SURNAME_DEVICE.test(t)));
}
/**
 * The mailbox writes a person's name: two of its tokens are words of the name, or its first is the
 * name's first word or that word's initial and another word (`xiadani.quispe.tablet@`,
 * `xiadani.tablet@` or `xquispe.tablet@` for Xiadani Quispe Mamani; not a place's word alone,
 * `hk.tablet.usm.hillside@` for "แม่บ้าน Hillside สมุย").
 */
function mailboxWritesName(localPart: string, name: string): boolean {
  const words = plainWords(name);
  const tokens = plainMailbox(localPart).split(/[._-]+/).map((t) => t.replace(/\d+$/, "")).filter((t) => t.length >= 2);
  const first = tokens[0] ?? "";
  const given = words[0] ?? "";
  return tokens.filter((t) => words.includes(t)).length >= 2 || (given !== "" && (first === given || words.slice(1).some((w) => first === `${given.charAt(0)}${w}`)));
}
/**
 * A device's word among the name's words, its place and its number around it in any order,
 * beside no person's job title: a screen's, a terminal's or a tablet's account, told from a
 * person's by the name and the mailbox alone, so that it holds in orgs whose names teach no
 * given name (no job titles, mailboxes of initials). See the cases below. Only
 * `automationIdentity` reads it, for a review; the holds that read `deviceNamed` do not (Pat
 * Screen at `pat.screen@`, Xiadani Monitor at `xmonitor@`, Monitor Xiadani at `xiadani.monitor@`
 * are people).
 */
export function deviceWordNamed(f: AccountFeatures, ctx: RuleContext): boolean {
  const local = f.localPart;
  if (local === null || !DEVICE_WORD_HINT.test(f.user.name) || personTitle(f, ctx)) return false;
  // A note in brackets is the holder's team ("Anna Schmidt (Kiosk Team)"); one after a separator
  // may be the device's place and word ("Sheikh Zayed - Queue Tab") or a person's team.
  const name = withoutBrackets(f.user.name);
  const cut = NOTE_AFTER_NAME.exec(name);
  const headText = cut === null ? name : name.slice(0, cut.index);
  const head = vocabularyWords(headText);
  const note = cut === null ? [] : vocabularyWords(name.slice(cut.index));
  const words = [...head, ...note];
  if (words.length < 2 || !deviceWords(words)) return false;
  const tokens = letterRuns(local);
  // A number before the device's word in the name before any note, as before no person's surname
  // ("Linie 3 Monitor"; not "Jane Doe - 2nd Screen"), at a mailbox that does not write the name
  // as a person's.
  if (NUMBER_BEFORE_DEVICE.test(headText) && !mailboxWritesName(local, headText)) return true;
  // A device's word that is no one's surname first in the name and in the mailbox ("Dashboard
  // London L3" at `dashboard.london@`).
  const first = head[0] ?? "";
  const known = ctx.vocabulary.givenNames() >= KNOWN_GIVEN_NAMES;
  // A scanner's or a scale's word first is a rare surname too, written first ("BALANÇA Ana",
  // "Scanner, Jonas"): only where the org's given names tell that none follows it.
  const surnameToo = RARE_SURNAME_DEVICE.test(first) && !(known && !anyGivenName(words, f, ctx));
  if ((NO_SURNAME_DEVICE.test(first) || (first === "video" && head[1] === "wall")) && (tokens[0] ?? "").startsWith(first) && !surnameToo) return true;
  // The device's word in the mailbox too, beside its place ("Factory Floor Screen Kericho" at
  // `screen.kericho@`), in a name of four words or more, or of three where the org's given names
  // tell that none is in it; the mailbox's other words writing neither the first word of the name,
  // a person's given name's place, nor its initials (`hansen.lars@`, `lhansen@`, `hansen.l@`,
  // `annemarie.screen@` or `am.screen@` for Anne-Marie Screen). Not a TV, which South Indian
  // initials write too (Anil Kumar TV at `anilkumar.tv@`).
  const raw = headText.trim().split(/\s+/).filter((w) => w !== "");
  const count = raw.length + note.length;
  // The mailbox holds one of the name's device words ("screen" of `screen.kericho@`, "tab" of
  // `mallofarabia.tablet@`), not a device's letters inside a surname (`lboardman@` for "Laura
  // Boardman - Screen Printing").
  const named = words.filter((w) => deviceWord(w) || w === "tab").map((w) => w.replace(/s$/, ""));
  const deviceInMailbox = tokens.some((t) => named.some((d) => d !== "tv" && t.includes(d)));
  // Where the org knows its people's given names, one of them in the name is a person's.
  if ((count >= 4 || (count === 3 && known)) && deviceInMailbox && !writesGivenName(tokens, raw[0] ?? "", words) && !(known && anyGivenName(words, f, ctx))) return true;
  // The device's word only in a note after the name, where the mailbox starts with the note's
  // words, as a person's starts with their name ("Sheikh Zayed - Queue Tab" at
  // `queue.sheikhzayed@`; not Mette Hansen | TV 2 at `meha@` or `tv.mette@`: a TV is a channel's).
  const lead = tokens[0] ?? "";
  return !deviceWords(head) && deviceWords(note.filter((w) => w !== "tv")) && lead !== "tv" && note.includes(lead);
}
/**
 * A shop's tab, last after its shop's, queue's, counter's or branch's word in a name of three
 * words or more ("Heliopolis Store Tab", "Mall of Arabia Store Tab"), or a screen's or a kiosk's
 * word run into its place's or its use's, a code after it aside ("afdelingsscherm-b3", "Infokiosk
 * Brama 8 Hala B"), at a mailbox that holds a device's word too (`heliopolis.tablet@`,
 * `scherm.b3@`, `infokiosk@`), where none of the name's other words is a given name of the org's
 * people (an initial is none) and the account has no person's job title, in an org whose names
 * teach its given names: a store's tablet or a ward's screen, named for where it stands. No
 * person's name ends in "Store Tab" or runs a screen's word into another; a device's word alone
 * beside a name is a person's too often to read (Xiadani Monitor at `e1042387@`, "Mariana Souza
 * Painel" at `mariana.painel@`, "Chen Wei Dashboard Admin").
 */
function shopTabOrScreenCompound(f: AccountFeatures, ctx: RuleContext): boolean {
  if (f.localPart === null || !SHOP_TAB_OR_COMPOUND_HINT.test(f.user.name) || ctx.vocabulary.givenNames() < KNOWN_GIVEN_NAMES || personTitle(f, ctx)) return false;
  const parts = nameHead(f.user.name).split(/[^\p{L}\p{N}-]+/u).map((w) => plainLetters(w.replace(HYPHENED_CODE, "")).toLowerCase()).filter((w) => w !== "");
  const shopTab = parts.length >= 3 && parts[parts.length - 1] === "tab" && SHOP_WORD.test(parts[parts.length - 2] as string);
  const compound = parts.filter((w) => DEVICE_COMPOUND.test(w));
  if (!shopTab && compound.length === 0) return false;
  if (!letterRuns(f.localPart).some((t) => t === "tab" || deviceWord(t) || DEVICE_COMPOUND.test(t))) return false;
  // The device's own word is no given name here, whoever else is named Tab; nor is an initial.
  const words = vocabularyWords(withoutBrackets(f.user.name)).filter((w) => w.length > 1 && w !== "tab" && !compound.includes(w));
  return !anyGivenName(words, f, ctx);
}
/** What `shopTabOrScreenCompound` looks for, asked of the raw name first. */
const SHOP_TAB_OR_COMPOUND_HINT = /tab\s*$|scherm|kiosk|display|screen|sk[äa]rm|skjerm/i;
/** A shop's, a queue's, a counter's or a branch's word, before a tab ("Store Tab"). */
const SHOP_WORD = /^(?:store|shop|queue|counter|branch)$/;
/** A code after a hyphen, a digit in it ("-b3", "-OK2"). */
const HYPHENED_CODE = /-[\p{L}\p{N}]*\d[\p{L}\p{N}]*$/u;
/** A screen's or a kiosk's word run into its place's or its use's ("afdelingsscherm", "infokiosk", "lobbydisplay"). */
const DEVICE_COMPOUND = /^\p{L}{3,}(?:kiosk|scherm|skarm|skjerm|display|screen)$/u;
/**
 * Mailbox `tokens` other than a device's word that write `first` (a name's first word, a person's
 * given name's place) as people's mailboxes do: whole, run together with another of the name's
 * `words`, or as its initials alone or before another of them (`anne.screen@`, `annemarie.x@`,
 * `am.screen@`, `a.screen@`, `lhansen@` for Lars Tablet Hansen).
 */
function writesGivenName(tokens: readonly string[], first: string, words: readonly string[]): boolean {
  const parts = foldLetters(first).split(/[^a-z]+/).filter((w) => w !== "");
  const given = parts.join("");
  const initials = parts.map((w) => w[0]).join("");
  if (given === "") return false;
  return tokens.some(
    (t) => !deviceWord(t) && t !== "tab" && (t === given || t === initials || t === given[0] || parts.includes(t) || words.some((w) => t === `${given}${w}` || t === `${initials}${w}` || t === `${given[0]}${w}`)),
  );
}
/** A device's word among `words` (`vocabularyWords`), or a shop's tablet or a video wall. */
function deviceWords(words: readonly string[]): boolean {
  return words.some(deviceWord) || SHOP_TAB.test(words.join(" "));
}
/** A rugged handheld's make and model code first (Zebra's TC52 and MC33, Honeywell's CT40 and EDA51, Datalogic's, Urovo's, Unitech's). */
const HANDHELD_MODEL = /^(?:Zebra|ZEBRA|Honeywell|HONEYWELL|Datalogic|Urovo|Unitech)\s+[A-Za-z]{1,3}\d{2,4}[A-Za-z]{0,2}(?=[\s-]|$)/;
/** A device's word, whole (`DEVICE_NAME_WORD`, a terminal, a video wall). */
function deviceWord(word: string): boolean {
  return DEVICE_NAME_WORD.test(word) || DEVICE_WORD_MORE.test(word);
}
/** A number, then a device's word, one word between at most ("Linie 3 Monitor", "Hala 2 Screen", "4th Floor Dashboard"). */
const NUMBER_BEFORE_DEVICE = /\d\p{L}*\s+(?:\p{L}+\s+)?(?:dashboards?|boards?|wallboards?|screens?|displays?|kiosks?|signage|tv|panels?|monitors?|tablets?|terminals?)(?:\s|$)/iu;
/** A device's word that is nobody's surname either: written first, it names the device (not Screen, Board, Panel, Monitor, Tablet). */
const NO_SURNAME_DEVICE = /^(?:dashboards?|wallboards?|kiosks?|displays?|signage|terminals?|videowalls?|schermo|bildschirm|anzeige|statusbord|scanners?|skanery?|escaner|handscanner|balanca)$/;

/** Device words of `NO_SURNAME_DEVICE` that are rare surnames too (Scanner, Balança). */
const RARE_SURNAME_DEVICE = /^(?:scanners?|balanca)$/;
/** What `deviceWordNamed` looks for, asked of the raw name first (most names hold none of it). */
const DEVICE_WORD_HINT = /board|screen|displa|kiosk|signage|tv|painel|scherm|schirm|anzeige|bord|panel|monitor|skjerm|sk[äa]rm|n[äa]ytt|pantalla|cran|ekran|tablet|ipad|termin|sc[aá]n|skaner|balan[cç]a|video\s*wall|\stab(?:\s|$)/i;
/** Device words beyond `DEVICE_NAME_WORD`: a terminal, a video wall, a warehouse's handheld scanner ("Skaner 22 Wrocław", "skaner-gda-rampa3"), a weighbridge's scale in Portuguese ("BALANCA SORRISO"). */
const DEVICE_WORD_MORE = /^(?:terminals?|videowalls?|scanners?|skanery?|escaner|handscanner|balanca)$/;
/** A shop's, a queue's or a counter's tablet, written short ("Heliopolis Store Tab", "Maadi - Queue Tab"). */
const SHOP_TAB = /(?:^|\s)(?:store|shop|queue|counter|branch)\s+tab(?:\s|$)|(?:^|\s)video\s+wall(?:\s|$)/;
const DEVICE_MAILBOX_FIRST = /^(?:dashboard|showboard|wallboard|statusboard|statusbord|okbord|scherm|bildschirm|anzeige|kiosk|signage|painel|display|screen)s?\d*[-._][a-z0-9]/i;
/** A device's word, whole (not Litvinova's tv, Brandon's andon, Crane's cran). */
const DEVICE_NAME_WORD = /^(?:dashboards?|boards?|wallboards?|screens?|displays?|kiosks?|signage|tv|painel|panels?|monitors?|skjerm|skarm|naytto|pantalla|ecran|ekran|scherm|schermo|bildschirm|anzeige|statusbord|tablets?|ipads?)$/;
/** A display name of one word, with a number, or that starts with a job's or a team's word: a device's, beside a device's mailbox. */
function deviceLikeName(f: AccountFeatures, ctx: RuleContext): boolean {
  const words = f.user.name.trim().split(/\s+/);
  // A TV first is the screen itself beside a device's mailbox ("TV Kantine" at `wallboard-ams@`,
  // "TV-skärm Support"): no person's initials are at such a mailbox.
  return words.length === 1 || /\d/.test(f.user.name) || jobWord(words[0] as string, ctx) || /^tv(?:-|$)/i.test(words[0] as string);
}
/**
 * A kiosk in French, its word first before a common noun ("Borne bibliothèque - École Le
 * Sentier") at a mailbox that names a kiosk (`kiosk.le.library@`), or before a kiosk's use in any
 * case ("Borne d'accueil Hall B", "Borne Accueil Hall B", "BORNE ACCUEIL", "Borne - Bibliothèque
 * Le Sentier"), which is no one's given name: Borne is a surname too, written first before a
 * given name, which starts with a capital ("Borne Élisabeth", "BORNE Élisabeth"), or in small
 * letters by some directories ("borne élisabeth" at `borne@`), before a married or a maiden name
 * and a particle ("Borne épouse Dupont Marie", "Borne née Martin Élisabeth", "Borne de Villiers
 * Anne", "Borne d'Ormesson Jean").
 */
function borneFirst(f: AccountFeatures): boolean {
  const name = f.user.name.trim();
  return BORNE_USE.test(name) || (BORNE_FIRST.test(name) && DEVICE_MAILBOX.test(f.localPart ?? ""));
}
const BORNE_FIRST = /^[Bb]orne\s+(?!(?:[ée]pouse|n[ée]e|n[ée]|de|du|des|la|le|van|von|dit|dite)\s)(?:\p{Ll}|d['’]\p{Ll})/u;
const BORNE_USE = /^borne(?:\s+|\s*[-–—]\s*)(?:d['’]\s*)?(?:accueil|biblioth[eè]que|informations?|interactive|libre[- ]service|tactile|multim[ée]dia|commande|orientation|inscription|enregistrement)(?=\s|$)/iu;
/** A PC's word (not initials: a PC's word stands beside a room's code, see `deviceNamed`). */
const PC_WORD = /(?:^|[^\p{L}])(?:pcs?|\p{L}*rechner|computer|computador|ordenador|poste|pupitre|docentpc|pult-pc|pc-pool)(?:[^\p{L}]|$)/iu;
/** A lecture hall's, a lab room's or an info desk's word first. */
const ROOM_FIRST = /^(?:auditoire|h[öo]rsaal|aula|salle|sala|lokaal|pc-lokaal|seminarraum|infobalie|infopoint|pc-pool)\s/iu;
/** A room's word that is a surname too, before a word that may be a given name ("Sala Marco 12", "Salle Marie 4412"; not "Aula Magna", "Sala de aula 12", "Salle TP 114"). */
const SURNAME_ROOM = /^(?:[Aa]ula|AULA|[Ss]alle|SALLE|[Ss]ala|SALA|[Ll]okaal|LOKAAL)\s+(?!Magna\b)\p{Lu}\p{Ll}/u;
/** A room's code: up to three capitals and a number ("C212", "D-123", "M.310", "HS 172", "G0", "2.14"). */
const ROOM_CODE = /(?:^|\s)\p{Lu}{0,3}[-.]?\d{1,4}(?:\.\d{1,4})?[a-z]?(?=$|[\s)–—-])/u;
/** A display named by its place, before a note of its site ("Lobby Display - Bowling Green", "Site Display - Tempe Mixed-Use"). */
const PLACED_DISPLAY = /^(?:(?:lobby|foyer|reception|entrance|waiting\s+(?:room|area)|cafeteria|canteen|war\s+room)\s+(?:display|screen|tv|kiosk|board|signage)s?|(?:(?:job\s*)?site|trailer|yard|depot|plant|warehouse|office)\s+(?:display|screen|tv|kiosk|signage)s?|(?:huddle|census|tracking|throughput)\s+boards?)$/i;
/** A site's code of two to four capitals (a number after it aside) after a separator, ending the name. */
const SITE_CODE_NOTE = /\s[-–—|]\s+\p{Lu}{2,4}\d*$/u;
const CAPS_SURNAME_THEN_GIVEN = /^\p{Lu}{2,}\s+\p{Lu}\p{Ll}/u;
/**
 * A name written surname first, as directories write people's: the surname in capitals ("SALLE
 * Marie", "OKAFOR Chidi On-Call"), or at the holder's mailbox given name first ("Servizio Giulia"
 * at `giulia.servizio@`, "Ekran Ayşe" at `ayse.ekran@`). An office's or a device's mailbox spells
 * its name in its own order (`servizio.clienti@` for "Servizio Clienti") or joins it with hyphens.
 */
function surnameFirst(f: AccountFeatures, head: string): boolean {
  if (CAPS_SURNAME_THEN_GIVEN.test(head)) return true;
  if (f.localPart === null || hyphenJoinedMailbox(f, head)) return false;
  const words = vocabularyWords(head);
  const parts = mailboxWords(f.localPart);
  const given = parts[0] as string;
  if (words.length < 2) return false;
  // `gservizio@` for "Servizio Giulia": the given name's initial and the surname.
  if (parts.length === 1) return words.slice(1).some((w) => given === `${w[0]}${words[0]}`);
  return parts[parts.length - 1] === words[0] && words.slice(1).some((w) => w === given || (given.length === 1 && w.startsWith(given)));
}
const SURNAME_DEVICE = /^(?:screens?|panel|board|kiosque|terminal|scherm)$/i;
/**
 * An andon (the lean shop floor's status board) as a board, a TV, a display or numbered (a line's
 * number, not a handle's year, andon1987), not Andon alone (an Albanian and Macedonian given
 * name, see `andonOnLine`), nor inside another name (Brandon); and a display board's, a notice
 * board's or a monitor's word in Japanese.
 */
const ANDON = /(?:^|[^\p{L}\d])andon(?:[\s-]*(?:boards?|tv|displays?|screens?|monitors?)|\d{1,2})(?:[^\p{L}\d]|$)/iu;
/**
 * An andon first at a mailbox that starts with it and holds a line's or an assembly's token
 * ("Andon Hải Phòng Assembly" at `andon.assy.hp@`, "Andon SMT 3" at `andon.smt3@`): the shop
 * floor's board on that line. Andon is a given name too, at the person's mailbox (Andon Nikolov
 * SMT at `andon.nikolov@`, "Andon Lines" at `andon.lines@`).
 */
function andonOnLine(f: AccountFeatures): boolean {
  if (f.localPart === null || !/^andon\s/i.test(f.user.name.trim())) return false;
  const tokens = mailboxWords(f.localPart);
  return tokens[0] === "andon" && tokens.slice(1).some((t) => ANDON_LINE_TOKEN.test(t));
}
const ANDON_LINE_TOKEN = /^(?:assy|assembly|smt\d*|line\d+)$/;
/** Before any note, and not a foreign name's part in katakana, joined by a middle dot (アンドン・ディミトロフ, モニタ・サリ). */
const SHOP_FLOOR_DEVICE_JA = /(?<!・)(?:アンドン|表示板|掲示板|表示器|モニタ)(?!・)/u;
/**
 * A tablet, a dashboard's display or a display in Japanese katakana, last in the name after a
 * store's, a distribution centre's, a centre's, a warehouse's, an office's or a reception's word
 * (店, DC, センター, 倉庫, 事務所, 受付), a number after it aside, at a mailbox with a device's word
 * of its own ("金沢店 タブレット" at `tablet0598-kyoyo@`, "九州DC（鳥栖） ダッシュボード表示" at
 * `signage2@`): a store's or a depot's device. Not a person's name with their team or employer
 * after it ("田中 美咲 ディスプレイ" at `misaki.tanaka.display@`, "鈴木 一郎 ジャパンディスプレイ").
 */
function placedDeviceJa(f: AccountFeatures): boolean {
  const head = plainHead(f.user.name);
  return DEVICE_LAST_JA.test(head) && PLACE_JA.test(head) && letterRuns(f.localPart ?? "").some((t) => DEVICE_MAILBOX_TOKEN.test(t));
}
const DEVICE_LAST_JA = /(?:^|[\s\p{Script=Han}])(?:タブレット|ダッシュボード(?:表示)?|ディスプレイ)\s*[\d０-９]*$/u;
const PLACE_JA = /店|DC|センター|倉庫|事務所|受付/u;
/** A device's word, whole, as a mailbox's token. */
const DEVICE_MAILBOX_TOKEN = /^(?:tablets?|signage|wallboard|displays?|dashboard|kiosk|screen|monitor)$/;
/** Every device word below holds one of these: most names hold none. */
const DEVICE_HINT = /video[ -]?wall|tablica|tavl[ae]|instrument|console|ekraan|surfplatt|nettbrett|planšet|tahvelarvut|andon|self|libre|autoserv|autoatend|selbstbed|zelfbed|betjening|betj[äa]ning|itsepalv|samoobs|アンドン|表示板|掲示板|表示器|モニタ|端末|단말기|サイネージ|displa|screen|monitor|terminal|pantalla|tablero|wallboard|board|panel|painel|kiosk|kiosq|quiosc|quiosq|affich|tablet|tableta|pizarra|מסך|קיוסק|شاشة|schermo|signage|totem|ipad|tv|bildschirm|scherm|anzeige|bord|coletor|디스플레이|모니터|전광판|cran|n[äa]ytt[öo]|sk[äa]rm|skjerm|sk[æa]e?rm|kiosek|ekran|obrazovk|efb|дашборд|табло|к[іи]оск|телев[іи]з/i;
/** A screen's or a board's word in another language first ("Infoscreen Empfang", "Pantalla Recepción", "Tablero Cobranza", "Pizarra de Camas", "Tablica KPI Hala C", "Tavle Akuttmottaket", "TV-skjerm Føden", "מסך NOC", a kiosk's "Totem Autoatendimento Agência Paulista"), or a TV before a room's or a hall's word ("TV Sala Sinistros", "TV Leitstand", "TV Hala 2 Łódź", "TV Phòng Họp"; not TV Narayanan, initials). */
const DEVICE_FIRST = /^(?:(?:\p{Lu}{2,4}-)?terminal|tv(?=\s+(?:sala|salle|sal[oó]n|room|raum|saal|zaal|rum|huone|sali|pok[oó]j|open\s+space|kantine|canteen|cafeteria|kitchen|keuken|k[üu]che|lounge|lobby|foyer|reception|accueil|recepci[oó]n|recep[cç][aã]o|leitstand|leitstelle|leitwarte|kontrollraum|control\s+room|controlroom|hala\s+\d+|halle\s+\d+|phòng|line|ligne|linea|línea|linie|lijn|ไลน์)(?:\s|$))|tablero|tableau\s+de\s+bord|pizarra|tablica|tavl[ae]|מסך|קיוסק|شاشة|infoscreen|infodisplay|\p{L}*bildschirm|\p{L}*scherm|\p{L}*anzeige|ok-bord|(?:status|dash|score|info|prik)bord|coletor|디스플레이|\p{L}{4,}monitor|pantalla|painel|écran|ecran|affichage|afficheur|kiosque|kiosko|quiosco|quiosque|totem|tablette|tableta|tablet|schermo|kiosek|ekran|obrazovka|efb|(?:tv-)?\p{L}*(?:n[äa]ytt[öo]|sk[äa]rm|skjerm|skærm))(?:\s|$)/iu;
/** A screen's word alone after a separator, a room's name before it ("Mötesrum Eken – skärm", "Kokoushuone Pihlaja – näyttö"); not a TV (Mette Hansen | TV 2). */
const DEVICE_NOTE = /\s[-–—]\s+(?:screen|display|sk[äa]rm(?:en)?|skjerm(?:en)?|skærm(?:en)?|n[äa]ytt[öo]|ekran|obrazovka|bildschirm|scherm|pantalla|[ée]cran|kiosk)$/iu;
/** A TV named by a room's word run into another's, and nothing else but a code or a number ("Boardroom TV", "MTL Newsroom TV"; not Anna Okafor Newsroom TV, nor Ola Newsroom TV, a given name before it, nor Kate Broom TV). A code is in capitals, and so is the TV. */
const ROOM_WORD_TV = /^(?:\p{Lu}{2,4}\s+)?(?:Board|Meeting|Conference|News|Class|Show|Break|Staff|Crew|War|Control|Training|Lunch)room(?:\s+[\p{Lu}\d]{1,4})?\s+TV$/u;
/** A TV named by its room or the board it shows, a number or a place's code between ("Hangar 4 TV", "Crew Room GRU TV", "Sprint Board TV", "Kanban TV", "Leitstand TV"), or its floor after another word ("Manila Floor TV"; not Floor, a Dutch given name, first; the look behind after the word, as in `TEAM_NOUN`). */
const PLACED_TV = "(?:(?:lobby|reception|foyer|kitchen|canteen|queue|dashboard|wall|room|hangar|lounge|hall|ops|board|kanban|sprint|scrum|leitstand|leitstelle|leitwarte|kontrollraum|controlroom)|floor(?<=\\S\\s+floor))(?:\\s+[\\p{Lu}\\d]{1,4})?\\s+tv";
/** A board named by its use ("AOG Board", "Departures Board"). */
const USE_BOARD = "(?:aog|ops|departures?|arrivals?|flights?|maintenance|hangar|shift|crew)\\s+boards?";
/** A self-service point's word ("Library Self-Service", "Biblioteca Autoservicio", "Kirjasto Itsepalvelu"): a kiosk's. */
const SELF_SERVICE = "self[- ]?(?:service|check[- ]?(?:out|in))|libre[- ]service|autoservicio|autoatendimento|selbstbedienung|zelfbediening|sj[äa]lvbetj[äa]ning|selvbetjening|itsepalvelu|samoobs[łl]uga";
// A screen at the end of the name, or run into a word before it ("Infoscreen"), or a video wall
// ("ROC Video Wall 3"; not Ekran, a Turkish screen and surname, Ali Ekran); a TV only after a place
// or a board ("Reception TV", "Queue Dashboard TV"), as South Indian initials come first or last
// ("TV Raman", "Raman TV").
const DEVICE_LAST = new RegExp(
  `(?:端末|단말기|サイネージ|디스플레이|전광판|displays?|pantallas?|wallboards?|n[äa]ytt[öo]|sk[äa]rm(?:en)?|skjerm(?:en)?|skærm(?:en)?|(?:^|[^\\p{L}])(?:\\p{L}+scherm|video[ -]?walls?|\\p{L}{4,}anzeige|(?:status|dash|score|info|prik)bord|screens?|terminals?|(?:status|info|information|notice|queue|kanban|score|dash|huddle|throughput|census|tracking|beds?)[ -]?boards?|(?:av|control|touch|info|door|room)[ -]?panels?|kiosks?|${SELF_SERVICE}|signage|totem|ipad|tablet|(?:lobby|reception|foyer|office|kitchen|canteen|queue|dashboard|wall|room|desk)[ -]?tv|${PLACED_TV}|${USE_BOARD}))$`,
  "iu",
);
/** A TV or a board named by its room or its use, a number after it aside (see `automationIdentity`). */
const PLACED_DEVICE = new RegExp(`(?:^|\\s)(?:${PLACED_TV}|${USE_BOARD}|(?:status|queue|kanban)\\s+boards?|wallboards?)(?:\\s*\\d+)?$`, "iu");
/**
 * A lab instrument's name, "Instrument" last after its model's number or after two words or more
 * ("NMR 600 Instrument", "Krios Cryo-EM Instrument"), or a console's handle
 * ("nmr600-console", "krioscryoe-console 2"), asked at a mailbox that is no person's own: its PC
 * uploads its runs. Not a person's employer after their name, at their mailbox ("Wang Lei Hangzhou
 * Instrument" at `wang.lei@`, Mark Lee National Instruments), nor Console, an Italian surname
 * (Giulia Console), nor Ana Instrument.
 */
const INSTRUMENT_NAMED = /^(?=[^\d]*\d)(?:\S+\s+){1,4}Instrument$|^(?:\S+\s+){2,4}Instrument$|^[a-z][a-z0-9]*(?:[-_.][a-z0-9]+)*-console(?:\s+\d{1,3})?$/u;
const DEVICE_ANYWHERE = /(?:^|[^\p{L}])(?:kiosks?|wallboard|tv[ -]?wall|ipads?|efb|дашборд|табло|к[іи]оск|телев[іи]зор)(?:[^\p{L}]|$)/iu;
/** A tablet's word inside a name: a device's where the name starts with no given name ("HK Tablet Patong Floor 2"; not Lars Tablet Hansen). */
const TABLET_INSIDE = /(?:^|[^\p{L}])tablets?(?:[^\p{L}]|$)/iu;
const DEVICE_WORD_FIRST = /^(?:kiosks?|wallboard|ipads?)(?:[^\p{L}]|$)/iu;

/** `personalMailbox`, where the display name does not start with a bot-like word (see `toolFirst`). */
function ownMailbox(f: AccountFeatures, ctx: RuleContext): boolean {
  return personalMailbox(f, ctx) && !toolFirst(f, ctx);
}

/**
 * The display name starts with a bot-like word longer than a given name such as Ci or Api, not
 * a surname written in capitals before the given name: "Build Agent", "Release Manager", "Jenkins
 * Master" are tools' accounts ("JENKINS Sarah" is Sarah Jenkins, a surname in capitals; not a
 * tool's acronym, "RPA Finans 2" at `rpafinans2@`; a person whose given name is a bot-like word,
 * "Monitor Okeke", is reviewed with them).
 */
function toolFirst(f: AccountFeatures, ctx: RuleContext): boolean {
  if (SURNAME_FIRST_COMMA.test(f.user.name)) return false;
  const words = f.user.name.trim().split(/\s+/);
  const first = words[0] ?? "";
  // A mailbox that puts the display name's first word last (`sarah.jenkins@`, `sjenkins@` for
  // "Jenkins Sarah", `hans.mailer@` for "Mailer Hans") writes it as a surname.
  if (words.length >= 2 && f.localPart !== null) {
    const letters = foldLetters(plainMailbox(f.localPart)).replace(/[^a-z]/g, "");
    const surname = foldLetters(first);
    const given = foldLetters(words[words.length - 1] as string);
    const before = letters.endsWith(surname) ? letters.slice(0, letters.length - surname.length) : null;
    if (before !== null && before !== "" && (before === given || before === given.charAt(0))) return false;
  }
  // A tool's name of two words, run together ("Blue Prism Runtime", "New Relic Synthetics").
  if (words.length >= 2 && ctx.matchers.nameToken.test(plainLetters(first + (words[1] as string)).toLowerCase())) return true;
  if (!ctx.matchers.nameToken.test(plainLetters(first).toLowerCase())) return false;
  return TOOL_ACRONYM.test(first) || (first.length > SHORT_NAME_WORD && !(first === first.toUpperCase() && /\p{Ll}/u.test(f.user.name)));
}
/** A tool's acronym, written in capitals as acronyms are, no one's surname: "RPA Finans 2", "ETL Lager", "API Kunde". */
const TOOL_ACRONYM = /^(?:RPA|ETL|API|SVC|SRV|SFTP|FTP|E2E|N8N|CICD)$/;

/** A first word of three capitals or more before the rest of a name: an acronym, not a given name or initials. */
const ACRONYM_FIRST = /^\p{Lu}{3,}\d*\s+\p{L}/u;
const BARE_BOT_TITLE = /^\s*(?:bot|robot|rob[ôo])\s*$/i;

/** Sign-ins on a clock, the trace `automationTraces` adds (see there). */
function signsOnClock(f: AccountFeatures, ctx: RuleContext): boolean {
  return !personProfile(f) && (f.sittingWorkEvents === 0 || f.sittingWorkNearSignIn * 2 >= f.sittingWorkEvents) && (signInClock(f, ctx) || dailySlots(f, ctx) || unverifiedTimetable(f, ctx));
}

/**
 * A mailbox that writes its holder's name as people's mailboxes do: made only of the name's words
 * and initials, the surname in full (`sarah.jenkins@`, `sjenkins@`, `s.jenkins@`, `jenkinss@`,
 * `sarah.j.jenkins@`, `wangci@`, `sarah.vanbuild@` for Sarah van Build, `soeren.loader@` for Søren
 * Loader), or a given name and an initial apart (`sarah.j@`); a number, a sub-address and a
 * contractor's tag (`ext-`, `.ext`) aside. Not joined by a hyphen the name does not have, as a
 * team's name is (`legacy-integration@` for "Legacy Integration"), nor a name run into an initial
 * (`dashboards@` for "Dashboard Screenshotter"). A name in another script than the mailbox's: a
 * mailbox of two words joined by a dot or an underscore (`sarah.jenkins@` for Сара Дженкинс).
 */
export function personalMailbox(f: AccountFeatures, ctx: RuleContext): boolean {
  if (nameMailbox(f, ctx)) return true;
  if (f.localPart === null) return false;
  const parts = (f.localPart.split("+")[0] as string).toLowerCase().split(/([._-])/);
  // The tokens and the separators between them, without a contractor's tag or a number.
  const tokens: string[] = [];
  const separators: string[] = [];
  for (let i = 0; i < parts.length; i += 2) {
    const token = foldLetters((parts[i] as string).replace(/\d+$/, ""));
    if (token === "" || CONTRACTOR_TAG.test(token)) continue;
    if (tokens.length > 0) separators.push(parts[i - 1] ?? "");
    tokens.push(token);
  }
  if (tokens.length === 0 || tokens.some((t) => !/^[a-z]+$/.test(t))) return false;
  // A handle is no one's name (`svc-archive`, `nagios`).
  if (NAMELESS.test(f.user.name)) return false;
  if (!LATIN_LETTER.test(f.user.name)) return tokens.length === 2 && separators[0] !== "-" && tokens.every((t) => t.length >= 2);
  if (separators.includes("-") && !f.user.name.includes("-")) return false;
  const written = givenNameFirst(f.user.name).join(" ");
  const words = foldLetters(written).split(/[^a-z]+/).filter((w) => w !== "");
  if (words.length < 2 || words.length > 5) return false;
  // A person's name has a word that is no tool's, team's or bot-like word, nor an acronym
  // ("Jira Sync" at `jira.sync@` and "Service Desk CEE" at `servicedesk.cee@` are tools' and teams').
  const { nameToken, roleMailbox } = ctx.matchers;
  const own = f.user.name.split(/[^\p{L}]+/u).filter((w) => w.length >= 2 && w !== w.toUpperCase() && !nameToken.test(foldLetters(w)) && !roleMailbox.test(foldLetters(w)) && !CONTEXT_WORD.test(foldLetters(w)) && !TEAM_NAME_WORDS.test(w));
  if (own.length === 0) return false;
  const surname = words[words.length - 1] as string;
  const letters = tokens.join("");
  // Each word once, at most: `robotmaxrobot@` for "Max Robot" is a robot's.
  if (letters.length > words.join("").length + words.length) return false;
  if (tokens.length === 2 && tokens[0] === words[0] && tokens[1] === surname.charAt(0)) return true;
  // Initials only, two or three of them (`sj@` for Sarah Jenkins).
  if (letters.length >= 2 && letters.length <= 3 && letters === words.map((w) => w.charAt(0)).join("").slice(0, letters.length) && letters.length === Math.min(words.length, 3)) return true;
  // The display name may be written surname first ("Jenkins Sarah" at `sjenkins@`): its first
  // word, in full, ending the mailbox.
  const first = words[0] as string;
  return spelledFrom(letters, words, surname) || (letters.length > first.length && letters.endsWith(first) && spelledFrom(letters, words, first));
}
const CONTRACTOR_TAG = /^(?:ext|external|contractor|contract|temp|x|adm|admin)$/;
const LATIN_LETTER = /[A-Za-z\u00C0-\u024F]/;


/** `letters` is the name's words and initials run together, in any order, with the surname in full (any word, when null). */
function spelledFrom(letters: string, words: readonly string[], surname: string | null): boolean {
  // Positions reachable from the start, and whether the surname was used to reach them.
  const n = letters.length;
  const reach: number[] = new Array<number>(n + 1).fill(0);
  reach[0] = 1;
  for (let i = 0; i < n; i++) {
    if (reach[i] === 0) continue;
    for (const w of words) {
      if (w.length >= 2 && letters.startsWith(w, i)) reach[i + w.length] = Math.max(reach[i + w.length] as number, surname === null || w === surname ? 2 : (reach[i] as number));
      if (letters.charAt(i) === w.charAt(0)) reach[i + 1] = Math.max(reach[i + 1] as number, reach[i] as number);
    }
  }
  return reach[n] === 2;
}

/**
 * A display name of a job's words only, as no person's is: two words or more in Latin letters,
 * each a cadence, a word for what a job does or works with, a tool's, team's, environment's or
 * bot-like word, an acronym (in a name not all in capitals) or a number, one of them a word of
 * four letters or more ("Weekly KPI Report", "Confluence Backup", "Old Reporting", "SLA Reminder
 * SEL", "Oracle EBS Sync IN"). A person's name has a word of its own (Dev Patel, Rich Sales), or
 * initials before a surname ("AJ Bridge").
 */
export function jobNamed(f: AccountFeatures, ctx: RuleContext): boolean {
  // "Jenkins, A." is A. Jenkins: initials before a surname.
  const name = withoutBrackets(f.user.name);
  if (jobWords(name.includes(",") ? givenFirstOrder(name) : name, ctx)) return true;
  // A job's word with a note in brackets of a job's words too ("Lomakepalvelu (poistettu)",
  // "Backup (old)"): a retired job's account, as no person's name with a note is (Maria (Payroll)).
  // The name before the note is a job's words itself: a person's in capitals is no acronym
  // (KOWALSKA ANNA (Finance)). A note that the job is retired says so in words of its own
  // ("Lomakepalvelu (ei käytössä)", "Skjematjeneste (utgått)").
  if (name !== f.user.name && jobWords(name, ctx, 1) && (RETIRED_NOTE.test(f.user.name) || jobWords(f.user.name.replace(/[()[\]]/g, " "), ctx))) return true;
  // An instrument's data upload, so named after its name (`dataUpload`).
  if (dataUpload(f, ctx)) return true;
  // A job's name in CJK characters ("日報集計", "LINE WORKS連携", "在庫同期"): no person's name
  // holds a daily report's, a sync's or an integration's word.
  if (CJK_JOB.test(name)) return true;
  // A cadence first, before two words or more, one of them a job's ("Monthly Credentialing
  // Report", "Monthly Vessel Call Stats", "Semester Report Generator"; a period's close too, "Month
  // End Close Reports", "EOD Recon Summary"): a scheduled job's name. Not a person's name written
  // surname first (Sandy Marie Daily, "Weekly Thomas James", "DAILY Sandra J.") or a note before
  // it ("Annual Leave: Tom Becker"), which hold no job's word.
  if (cadenceFirst(name, f, ctx)) return true;
  // A name in another script than the mailbox's, where the mailbox is a job's words (`daily.report-tyo@`
  // for 日報集計, `1c-integration.kbp@` for "1C Інтеграція"), a place's code of three letters at
  // most after them aside.
  if (f.localPart === null || LATIN_LETTER.test(name.replace(/\b[A-Z0-9]{1,5}\b/g, ""))) return false;
  const words = plainMailbox(f.localPart).split(/[^a-z0-9]+/).filter((w) => w !== "");
  while (words.length > 2 && (words[words.length - 1] as string).length <= 3) words.pop();
  return words.length >= 2 && jobWords(words.join(" "), ctx, 2);
}
/**
 * Two to five words, the last a word for what a job makes, moves or checks ("Lessons Learned
 * Import", "Quarterly Audit Export", "Hurricane Season Setup"), a region's code or a number after
 * it aside (or a version, "Roadmap Sync v2", or a word for old, "Jira Import Oud"), with no note after a separator: words few surnames
 * are (not Bridge, Reader, Loader or Backup: Grant Backup and Jenny Loader are people).
 */
export function jobNounLast(f: AccountFeatures, ctx: RuleContext): boolean {
  const name = withoutBrackets(f.user.name).trim().replace(TRAILING_CODE, "");
  const found = JOB_NOUN_LAST.exec(name);
  if (found === null || NOTE_AFTER_NAME.test(f.user.name)) return false;
  // Feed and Collector are surnames too: after two words or more only, or at a mailbox of the
  // name's words joined by hyphens (Marcus Feed at `marcus.feed@`, Lena Collector; "IOSA Evidence
  // Collector", "Olympics Feed" at `olympics-feed@`).
  const noun = (found[1] as string).toLowerCase();
  const words = name.split(/\s+/).filter((w) => !/^v?\d+$/i.test(w)).length;
  const hyphens = hyphenJoinedMailbox(f, name);
  if (SURNAME_JOB_NOUN.test(noun) && words < 3 && !hyphens) return false;
  // Not a person's name with their team's work after it, at their mailbox ("Priya Nair Internal
  // Audit" at `priya.nair@`): a job's mailbox holds the noun (`lessons.import@`). Nor two words
  // at a mailbox that writes them as a person's, a given name first (Marco Sync at `marco.sync@`;
  // "Roadmap Sync" at `roadmap-sync2@` joins them by a hyphen, as a tool's mailbox does).
  const lacksNoun = !foldLetters(f.localPart ?? "").includes(noun.replace(/s$/, ""));
  if (!personalMailbox(f, ctx)) return !(lacksNoun && mailboxOfNameWords(f, ctx));
  if (lacksNoun) return false;
  // Two words at a mailbox that runs them together, the noun one no one is surnamed, the first no
  // given name of the org's people ("Smartsheet Sync" at `smartsheetsync@`; Marco Sync's is one).
  return hyphens || words >= 3 || !givenNameFirstWord(f, ctx) || (NO_SURNAME_JOB_NOUN.test(noun) && noGivenNameFirst(f, ctx));
}
const NO_SURNAME_JOB_NOUN = /^(?:sync|synch|exporter|importer|migrator|extractor|ingest)$/;
const SURNAME_JOB_NOUN = /^(?:feed|collector|digest)$/;
const JOB_NOUN_LAST = /^[\p{L}\p{N}][\p{L}\p{N}'.&-]*(?:\s+[\p{L}\p{N}'.&-]+){0,3}\s+((?:[Ee]xports?|EXPORTS?|[Ii]mports?|IMPORTS?|[Ee]xporter|[Ii]mporter|[Ss]ync|SYNC|[Ss]ynch|[Aa]rchive|[Aa]rchiver|[Mm]igrator|[Cc]ollector|[Ee]xtract|[Ee]xtractor|[Ff]eed|[Dd]igest|[Ii]ngest|[Rr]egistrations|[Rr]enewals|[Ss]etup|[Aa]udit|[Rr]eminders?|[Rr]econciliation|[Rr]econ|[Ff]iling))(?:\s+v?\d+)?(?:\s+(?:[Oo]ld|OLD|[Oo]ud|[Aa]lt|[Ll]egacy|[Gg]ammel|[Vv]ieux|[Vv]ecchio|[Aa]ntiguo|[Aa]ntigo|[Ss]tary))?$/u;
/**
 * A name that starts with a cadence's word before two words or more, one of them a job's
 * (`jobWord`), the word after the cadence no given name of the org's.
 */
function cadenceFirst(name: string, f: AccountFeatures, ctx: RuleContext): boolean {
  const found = CADENCE_FIRST.exec(name);
  if (found === null) return false;
  const words = (found[1] as string).split(/[^\p{L}\p{N}]+/u).filter((w) => w !== "");
  if (words.length < 2 || !words.some((w) => jobWord(w, ctx))) return false;
  return ctx.vocabulary.givenNameCount(vocabularyWords(words[0] as string)[0] ?? "", f.user) === 0;
}
/** A cadence's word, then the rest of the name (captured), in the languages of the name rules; German without its umlauts too. */
const CADENCE_FIRST =
  /^\s*(?:daily|nightly|weekly|month[- ]?end|quarter[- ]?end|year[- ]?end|end[- ]of[- ](?:day|month|quarter|year)|eod|eom|fortnightly|(?:bi|semi|twice)-?(?:weekly|monthly)|monthly|quarterly|half-?yearly|yearly|annual|semester|termly|t(?:ä|ae|a)gliche?[rs]?|n(?:ä|ae|a)chtliche?[rs]?|w(?:ö|oe|o)chentliche?[rs]?|monatliche?[rs]?|quartalsweise|j(?:ä|ae|a)hrliche?[rs]?|quotidien(?:ne)?|hebdomadaire|mensuel(?:le)?|trimestriel(?:le)?|annuel(?:le)?|semanal|mensual|trimestral|anual|settimanale|mensile|trimestrale|annuale|dagelijkse?|wekelijkse?|maandelijkse?|daglig|ukentlig|ugentlig|veckovis|m[åa]nedlig|m[åa]natlig|kvartalsvis|dzienn[ayei]|tygodniow[ayei]|miesi[ęe]czn[ayei]|kwartaln[ayei]|roczn[ayei]|p(?:ä|a)ivitt(?:ä|a)inen|viikoittainen|kuukausittainen)\s+([\p{L}\p{N}].*)$/iu;
/** A note in brackets that an account is retired or not to be used, in the languages of the name rules. */
const RETIRED_NOTE = /[([]\s*(?:old|retired|deprecated|decommissioned|obsolete|legacy|unused|disabled|inactive|do\s+not\s+use|dnu|ei\s+k[äa]yt[öo]ss[äa]|poistettu|vanha|avviklet|utg[åa]tt|avvecklad|nedlagt|afviklet|ikke\s+i\s+brug|ur\s+bruk|au(?:ß|ss)er\s+betrieb|nicht\s+verwenden|veraltet|obsolet[oae]|obsol[èe]te|dismess[oa]|retirad[oa]|no\s+usar|n[ãa]o\s+usar|niet\s+gebruiken|verouderd|wycofan[ya]|nieu[żz]ywan[aey]|legad[oa]|antig[oa])\s*[)\]]/iu;
/** A data upload's words, in the languages of the name rules ("data upload", "Datenupload", "envoi des données", "caricamento dati", "carga de datos"). */
const DATA_UPLOAD = /(?:^|[^\p{L}])(?:data[-_ ]?uploads?|daten[-_ ]?upload|gegevens[-_ ]?upload|datauppladdning|dataopplasting|upload\s+(?:de\s+|des\s+)?(?:dados|donn[ée]es|datos|dati)|envoi\s+(?:des\s+)?donn[ée]es|caricamento\s+(?:dei\s+)?dati|(?:carga|subida)\s+de\s+datos|envio\s+de\s+dados)(?:$|[^\p{L}])/iu;
/**
 * An instrument's data upload, so named after its name ("Cryo-EM Titan Krios – caricamento dati",
 * "Orbitrap Exploris MS (data-upload)"): the instrument's software signs in, whoever else looks.
 * The mailbox says upload (`sem-gemini.upload@`), or the name is marked as an instrument's (an
 * acronym, a model's number, words run together in capitals: "SEM Zeiss Gemini", "Leica SP8",
 * "PacBio Revio"; or an instrument's word, "Spectromètre Raman", at no person's mailbox) on an
 * account without a person's department or job title. Not after a given
 * name of the org's, nor a person's name with their team's work after it at any mailbox (Robert
 * Smith – Data Upload at `bob.smith@`, Hiroshi Tanaka (Data Upload) at `h-tanaka@`).
 */
function dataUpload(f: AccountFeatures, ctx: RuleContext): boolean {
  if (!DATA_UPLOAD.test(f.user.name)) return false;
  const head = nameHead(f.user.name);
  if (ctx.vocabulary.givenNameCount(vocabularyWords(head)[0] ?? "", f.user) > 0) return false;
  if (f.localPart !== null && /upload/i.test(f.localPart)) return true;
  // An instrument's word is a surname too (Jenna Palmeter): not at a mailbox that spells a person's name.
  return (INSTRUMENT_MARK.test(head) || (INSTRUMENT_WORD.test(head) && !personalMailbox(f, ctx))) && /\p{Ll}/u.test(head) && !f.user.department && !f.user.jobTitle;
}
/**
 * A measuring instrument's word, in the languages of the name rules ("Spectromètre Raman",
 * "Rheometer Anton Paar", "Mikroskop", "Chromatograf", "Sequenziatore Illumina"): three letters or
 * more before a measuring word's ending, so not Demeter, a surname.
 */
const INSTRUMENT_WORD = /(?:^|[^\p{L}])(?:\p{L}{3,}(?:meter|mètre|metre|metro|metr|scope|scopio|skop|graph|graphe|grafo|graf)|\p{L}*(?:sequencer|sequenzer|sequenziatore|secuenciador|analy[sz]er|analysator|analizzatore|analizador))(?:$|[^\p{L}])/iu;
/** An acronym of two capitals or more, a word with a digit, or capitals inside a word ("SEM", "SP8", "Z.1", "PacBio"). */
const INSTRUMENT_MARK = /(?:^|[^\p{L}\p{N}])(?:\p{Lu}{2,}\d*|[\p{L}.]*\d[\p{L}\p{N}.]*)(?:$|[^\p{L}\p{N}])|\p{Ll}\p{Lu}/u;
/** CJK words of a job's: a daily or monthly report, a tally, a sync, an integration, a batch, a backup, a notification, a push, a bot's "assistant" (飞书助手), a patrol check (巡检). */
export const CJK_JOB = /移行|ツール|インターフェース|인터페이스|이관|迁移|遷移|日報|月報|週報|集計|連携|同期|自動|通知|バッチ|定期|定時|定时|任务|作业|処理|处理|夜間|インポート|エクスポート|バックアップ|レポート|日报|月报|周报|汇总|同步|集成|接口|批处理|备份|自动|推送|推播|助手|巡检|巡檢|^[A-Za-z0-9]{2,}[-_ ]?(?:对接|對接)|통계|동기화|연동|자동|배치|백업|리포트|알림/u;
const ASCII = /^[\x20-\x7e]*$/;
/** The last word of a tool's name, not a surname (Jenkins, Bridge, Runner are surnames too), a number after it aside. */
const TOOL_LAST = /\s(?:bots?|robots?|automations?|integrations?|sync|scheduler|exporter|importer|crawler|scraper|uploader|notifier|connector|webhooks?|api|etl|rpa|generator)(?:\s*\d+)?$/iu;
/**
 * Three words or more, the last a tool's (`TOOL_LAST`) and one before it a job's, a team's or an
 * acronym ("SG Exam Timetable Bot", "Exams Office Automation"); not after a surname's particle
 * (Kees de Bot) nor in a person's names (Jean Marc Robot), no note after a separator.
 */
function toolNameLast(f: AccountFeatures, ctx: RuleContext): boolean {
  const name = withoutBrackets(f.user.name).trim();
  if (!TOOL_LAST.test(name) || NOTE_AFTER_NAME.test(f.user.name)) return false;
  const words = name.split(/\s+/).filter((w) => !/^\d+$/.test(w));
  if (words.length < 3 || SURNAME_PARTICLE.test(words[words.length - 2] as string)) return false;
  return words.slice(0, -1).some((w) => jobWord(w, ctx) || (w.length <= 5 && w === w.toUpperCase() && /\p{Lu}/u.test(w)));
}
/**
 * Two to six words, the last an integration's noun (`INTEGRATION_LAST`), a bracketed note, a
 * number ("#2") or a version after it aside, the first word no other account's given name in the
 * org (`OrgVocabulary.givenNameCount`), no note after a separator ("Anna Berg – Interface
 * Analyst") but a site's code or an environment ("Beckman REMISOL Interface - PNS", "Cerner
 * Interface - Production").
 * The words before the noun say whose it is. One word is a system's ("Lansweeper Connector"): no
 * one's surname is such a noun. Two or more may be a person's names and their project after them
 * (Sam Okafor Data Migration): unless one of the two first is a code, an acronym or a tool's word
 * ("COVID Staffing Tracker", "Sysmex WAM Middleware", "Old Cerner Alerts"), the mailbox must name
 * the noun too (`cerner-alerts-old@`, `meditech.iface@`), as a person's (`sokafor@`) does not. Nouns
 * that are surnames too (Bridge, Hook, Relay, Gateway, Poller, Tagger, Fetcher, Harvester) need
 * such a word before them whatever the mailbox ("SVN Commit Hook", "Jira Server Bridge"): Mary Ann
 * Bridge, Tom J. Hook and Dr. Emma Bridge are people.
 */
function integrationNamed(f: AccountFeatures, ctx: RuleContext): boolean {
  const name = f.user.name;
  // Most names end in a surname: asked first, cheaply.
  if (!INTEGRATION_WORD.test(name)) return false;
  const head = name.replace(SITE_CODE_NOTE, "").replace(ENVIRONMENT_NOTE, "");
  if (NOTE_AFTER_NAME.test(head)) return false;
  const words = withoutBrackets(head).trim().split(/\s+/).filter((w) => !/^#?v?\d+(?:\.\d+)*$/i.test(w));
  if (words.length < 2 || words.length > 6) return false;
  const noun = INTEGRATION_LAST.exec(words[words.length - 1] as string)?.[0];
  if (noun === undefined || SURNAME_PARTICLE.test(words[words.length - 2] as string)) return false;
  const before = words.slice(0, -1);
  // Capitals are an acronym in a name written otherwise ("COVID", "HL7"); two letters without a
  // digit are a person's initials ("JW Hook").
  const lower = /\p{Ll}/u.test(head);
  const code = (w: string): boolean => lower && /^[\p{Lu}\d]{2,}$/u.test(w) && /\p{Lu}/u.test(w) && (w.length >= 3 || /\d/.test(w));
  const systems = (w: string): boolean => code(w) || CAMEL.test(w) || jobWord(w, ctx);
  const systemFirst = before.slice(0, 2).some(systems);
  if (SURNAME_INTEGRATION.test(noun) && !before.some(systems)) return false;
  if (before.length >= 2 && !systemFirst && !mailboxNamesNoun(f, noun)) return false;
  // A person's name with the project after it, at their own mailbox (Priya Nair Migration at `priya.nair@`).
  if (personalMailbox(f, ctx) && !hyphenJoinedMailbox(f, name) && !mailboxNamesNoun(f, noun)) return false;
  return ctx.vocabulary.givenNameCount(vocabularyWords(words[0] as string)[0] ?? "", f.user) === 0;
}
/** The mailbox holds the integration's noun, cut short or not (`jira-dc-bridge@`, `meditech.iface@`, `bloodbank.if@`, `cherwell-migr@`, `ascom-gw@`, `worldtracerinterface@`). */
function mailboxNamesNoun(f: AccountFeatures, noun: string): boolean {
  if (f.localPart === null) return false;
  const stem = foldLetters(noun).replace(/s$/, "");
  // Or run together after the system's name (`worldtracerinterface@`).
  return mailboxWords(f.localPart).some((t) => (t.length >= 4 && stem.startsWith(t)) || t.startsWith(stem) || NOUN_SHORT[stem]?.includes(t) === true || (stem.length >= 5 && t.length > stem.length + 2 && t.endsWith(stem)));
}
const NOUN_SHORT: Readonly<Record<string, readonly string[]>> = { gateway: ["gw"], interface: ["iface", "intf", "itf", "if"], connector: ["conn"], webhook: ["hook"], adapter: ["adp"] };
/** An integration's nouns, lower case: what an account named for the system it connects ends in. */
const INTEGRATION_NOUNS = ["connectors?", "interfaces?", "gateway", "adapter", "middleware", "migration", "tracker", "alerts", "listener", "webhooks?", "notifier", "bridge", "hook", "relay", "publisher", "tagger", "poller", "importer", "exporter", "uploader", "fetcher", "indexer", "harvester"];
/** One of `INTEGRATION_NOUNS`, capitalised as a name's word is ("Connector", "CONNECTOR"). */
const INTEGRATION_LAST = new RegExp(`^(?:${INTEGRATION_NOUNS.map((n) => `[${n[0]?.toUpperCase()}${n[0]}]${n.slice(1)}|${n.toUpperCase()}`).join("|")})$`, "u");
/** One of `INTEGRATION_NOUNS` anywhere: the cheap first question. */
const INTEGRATION_WORD = new RegExp(INTEGRATION_NOUNS.map((n) => n.replace(/s\?$/, "")).join("|"), "i");
/** Integration nouns that are surnames too. */
const SURNAME_INTEGRATION = /^(?:bridge|hook|relay|gateway|poller|tagger|fetcher|harvester)$/i;
/** An environment after a separator ("Cerner Interface - Production"). */
const ENVIRONMENT_NOTE = /\s[-–—|:]\s+(?:prod(?:uction)?|test|dev|uat|staging|qa|live)\s*$/iu;
/** The display name before a note after a separator, without brackets ("OKAFOR Chidi (Operations)" gives "OKAFOR Chidi"). */
export function nameHead(name: string): string {
  return lastHead.of(name, headOf);
}
function headOf(name: string): string {
  const cut = NOTE_AFTER_NAME.exec(name);
  return withoutBrackets(cut === null ? name : name.slice(0, cut.index)).replace(/\s+/g, " ").trim();
}
/** The last answer of a function of a name, asked many times of the account being judged. */
class LastAnswer {
  private text: string | null = null;
  private answer = "";
  of(text: string, compute: (text: string) => string): string {
    if (text !== this.text) {
      this.answer = compute(text);
      this.text = text;
    }
    return this.answer;
  }
}
const lastHead = new LastAnswer();
/** A name of one word, a number after it aside: a word and an integration's word, joined by a hyphen or run together ("Systemintegrasjon"; not Anna Nilsson-Integration, nor "Lisa Berg – Dataintegration"). */
const HYPHENED_INTEGRATION = /^\p{L}{3,}-?(?:integrations?|integraatio|integrasjon|integrering|integrace|integracja|entegrasyon(?:u)?|schnittstelle|koppeling)(?:\s+\d+)?$/iu;
/** A name of one word, a number after it aside, that is a service's or a relay's compound in a Nordic language or German ("Skjematjeneste", "Meddelandeförmedling", "Lomakepalvelu", "Formulardienst"). */
const SERVICE_COMPOUND = /^\p{L}{4,}(?:tjenesten?|tjenester|tj[äa]nsten?|palvelu[tn]?|f[öo]rmedling(?:en)?|formidling(?:en)?|dienst|dienste)(?:\s+\d+)?$/iu;
/** Words joined by hyphens and nothing else (`snowplow-bot`), a number after them aside. */
const HYPHENS_ONLY = /^[\p{L}]+(?:-[\p{L}]+)+\d*$/u;
/**
 * A mailbox of words joined by hyphens alone where the display name (`name`) has no hyphen: a
 * tool's way of joining its name's words (`snowplow-bot@`, `license-audit@`); people join theirs
 * with dots or underscores (Jean-Marc Robot's `jean-marc-robot@` keeps the name's own hyphen).
 */
function hyphenJoinedMailbox(f: AccountFeatures, name: string): boolean {
  return HYPHENS_ONLY.test(f.localPart ?? "") && !name.includes("-");
}
const SURNAME_PARTICLE = /^(?:de|den|der|van|von|le|la|du|del|della|di|da|dos|das|ter|ten|bin|ibn|al)$/i;
/** Distinct bot-like words of four letters or more in the display name. */
function botWordsInName(f: AccountFeatures, ctx: RuleContext): number {
  // A name in ASCII with no bot-like word at all, as most are, has none to count.
  if (ASCII.test(f.user.name) && !ctx.matchers.nameWord.test(f.user.name)) return 0;
  // The name before a note and without brackets: "Paul Stevens (Octopus Deploy)" names his employer.
  const words = new Set(nameHead(f.user.name).split(/[^\p{L}\p{N}]+/u).map((w) => plainLetters(w).toLowerCase()).filter((w) => w.length >= 4 && ctx.matchers.nameToken.test(w)));
  return words.size;
}
/** A job title that is a person's: not a machine's ("Service Account", "Integration") nor a job's words ("Scheduled Job"). */
export function personTitle(f: AccountFeatures, ctx: RuleContext): boolean {
  const title = f.user.jobTitle;
  return !!title && !MACHINE_TITLE.test(title) && !DEVICE_TITLE.test(title) && !jobWords(title, ctx, 1) && !titleIsName(f, title);
}
/** A shared or generic login after a store's, a branch's, a desk's or a site's word, a number after it aside ("Store generic account", "Branch 12 Common Account"): a title of `DEVICE_TITLE` and `SHARED_TITLE`. */
const PLACE_LOGIN = "(?:\\S+\\s+)?(?:store|shop|branch|site|ward|desk|counter|depot|warehouse|office|clinic|lab|reception|till|station)(?:\\s+#?\\d+)?\\s+(?:shared|generic|common)\\s+(?:login|account|user|mail\\s?box|pc|workstation|device)";
/**
 * A device's or a shared login's title ("Display", "Kiosk", "Shared Workstation", "On-Call Pager"),
 * or one device after where it stands or what it is for ("Branch device", "Store tablet", "Shop iPad",
 * "Housekeeping Tablet"), a device's account ("Display account", "Kiosk User", "TV Login"), an
 * instrument's or a lab's PC or an instrument's account ("Core Facility Instrument PC", "Lab
 * Acquisition Workstation", "Instrument account"), or a shared
 * or generic login after a store's, a branch's, a desk's or a site's word ("Store generic
 * account", "Night Desk Shared Login"; not "Team Lead - Common Login"): no person's
 * job. Not a device's word alone or in the plural, nor after a field's or an office's ("Devices",
 * "Field Devices", "Office Devices"), an end-user devices team's or an instrument engineer's title.
 * A screen's in French ("Écran d'atelier", "Affichage TV"); either half of a title in two
 * languages apart by a slash ("Affichage TV / Wallboard": `DEVICE_TITLE`).
 */
const DEVICE_TITLE_WHOLE = new RegExp(`^\\s*(?:(?:displays?|kiosks?|screens?|wallboards?|signage|tv)\\s+(?:account|user|login)|[ée]cran(?:\\s+(?:d['’]\\s*|de\\s+)?\\p{L}+)?|affichage(?:\\s+(?:tv|mural|dynamique))?|displays?|kiosks?|screens?|terminals?|wallboards?|digital\\s+signage|signage|shared\\s+(?:workstation|login|account|device|pc|mailbox)|${PLACE_LOGIN}|workstation|(?:on-?call\\s+)?pager|(?:branch|store|shop|site|ward|crew|counter|warehouse|depot)\\s+device|\\S+\\s+(?:tablet|ipad|kiosk)|(?:\\S+\\s+){0,3}(?:instrument|lab|acquisition)\\s+(?:pc|computer|workstation)|instrument\\s+(?:account|user|login))\\s*$`, "iu");
/** `DEVICE_TITLE_WHOLE` of the title, or of either half of a title in two languages apart by a slash. */
export const DEVICE_TITLE = {
  test: (title: string): boolean => DEVICE_TITLE_WHOLE.test(title) || (title.includes("/") && (slashHalves(title)?.some((half) => DEVICE_TITLE_WHOLE.test(half)) ?? false)),
};
/** The title is the display name itself, a site's code after it aside ("Patient Flow Coordinator - EVV" titled so): the role's account, not a person with the role ("Patient Flow Coordinator – Jane Doe"). */
function titleIsName(f: AccountFeatures, title: string): boolean {
  return f.user.name.replace(SITE_CODE_NOTE, "").trim().toLowerCase() === title.trim().toLowerCase();
}
/** The display name's first word may be a given name: no acronym, no job's or team's word ("Mária" in "Mária Anna Bót"; not "SG", "Exams Office"). */
function givenNameFirstWord(f: AccountFeatures, ctx: RuleContext): boolean {
  const first = f.user.name.trim().split(/\s+/)[0] ?? "";
  return /\p{Ll}/u.test(first) && !jobWord(first, ctx);
}
/** A cadence, a job's or a tool's word, a team's, an environment's or a bot-like word, whole. */
export function jobWord(w: string, ctx: RuleContext): boolean {
  // Asked of most accounts' first word, a given name: the answers are kept per word (an org has
  // far fewer given names than people), for the matchers they came from.
  const known = answersFor(JOB_WORD_ANSWERS, ctx.matchers);
  const kept = known.get(w);
  if (kept !== undefined) return kept;
  const plain = plainLetters(w).toLowerCase();
  const { nameToken, roleMailbox } = ctx.matchers;
  // "Dev" is a given name as often as an environment's (Dev Jenkins), and so is "Talent".
  const answer = !GIVEN_NAME_TEAM_WORD.test(plain) && (nameToken.test(plain) || roleMailbox.test(plain) || (CONTEXT_WORD.test(plain) && plain !== "dev") || JOB_WORD.test(plain) || TEAM_NAME_WORDS.test(w));
  if (known.size < JOB_WORD_ANSWERS_MAX) known.set(w, answer);
  return answer;
}
/** The answers kept in `store` for `matchers`, an empty list the first time. */
function answersFor(store: WeakMap<Matchers, Map<string, boolean>>, matchers: Matchers): Map<string, boolean> {
  let known = store.get(matchers);
  if (known === undefined) store.set(matchers, (known = new Map()));
  return known;
}
const JOB_WORD_ANSWERS = new WeakMap<Matchers, Map<string, boolean>>();
const JOB_WORD_ANSWERS_MAX = 50_000;
function jobWords(text: string, ctx: RuleContext, minWords: 1 | 2 = 2): boolean {
  // Asked of every account's job title, and an org has far fewer titles than people: the answers
  // are kept per text, for each word count, as `jobWord`'s are per word.
  const known = answersFor(JOB_WORDS_ANSWERS[minWords], ctx.matchers);
  const kept = known.get(text);
  if (kept !== undefined) return kept;
  const answer = jobWordsOf(text, ctx, minWords);
  if (known.size < JOB_WORD_ANSWERS_MAX) known.set(text, answer);
  return answer;
}
const JOB_WORDS_ANSWERS = { 1: new WeakMap<Matchers, Map<string, boolean>>(), 2: new WeakMap<Matchers, Map<string, boolean>>() };
function jobWordsOf(text: string, ctx: RuleContext, minWords: 1 | 2): boolean {
  // Capitals are an acronym or an admin's note in a name written otherwise ("KPI", "DO NOT DELETE").
  const lower = /\p{Ll}/u.test(text);
  const acronym = (w: string): boolean => lower && w === w.toUpperCase() && /\p{Lu}/u.test(w);
  const number = (w: string): boolean => /^v?\d+$/i.test(w);
  // Most names are a person's, whose first word is no job's ("Maria Santos"): asked first, cheaply.
  const first = FIRST_WORD.exec(text)?.[1];
  if (first !== undefined && !CAMEL.test(first) && !number(first) && !acronym(first) && !jobWord(first, ctx)) return false;
  // Words run together in capitals are words too ("ConfluenceBackup"); McDonald's "Mc" is no job's.
  // Function words between them are no one's name either ("Centre de contrôle", "Office of the Clerk").
  const words = text.split(/[^\p{L}\p{N}]+|(?<=\p{Ll})(?=\p{Lu})/u).filter((w) => w !== "" && !FUNCTION_WORD.test(w));
  if (words.length < minWords || !words.every((w) => LATIN_WORD.test(w))) return false;
  const jobs = (w: string): boolean => jobWord(w, ctx);
  const plain = words.filter((w) => !acronym(w) && !number(w));
  // Initials before one word are a person's name ("AJ Bridge", "TJ Runner"), not a job's; in two
  // words, after it too ("Jenkins AJ").
  // A code with a digit is no one's initials ("N4 Integration JEA", a terminal system's).
  const initials = (w: string | undefined): boolean => w !== undefined && w.length <= 2 && acronym(w) && !/\d/.test(w);
  if (plain.length === 1 && (initials(words[0]) || (words.length === 2 && initials(words[1])))) return false;
  return words.every((w) => number(w) || acronym(w) || jobs(w)) && plain.some((w) => w.length >= 4 || minWords === 1);
}
const LATIN_WORD = /^[\p{Script=Latin}\p{N}]+$/u;
const FIRST_WORD = /^[^\p{L}\p{N}]*([\p{L}\p{N}]+)/u;
const CAMEL = /\p{Ll}\p{Lu}/u;
/** Cadences, what a scheduled job does or makes, and tools it works with, as whole words (English, German, French, Spanish; a bank's reports, exports, settlements and archiving in Polish, Czech and Turkish, with Turkish's own ı: "BDDK Raporlama", "BDDK Raporları", "Günlük Rapor", "JPK Eksport", "CERTIS Dávky"). */
const JOB_WORD =
  /^(?:arkiv[a-zæøå]*|[a-zæøå]*(?:udtr[æa]e?k|uttrekk|utdrag)|aflevering|avlevering|[a-z]+siirto|[a-z]{4,}(?:palvelu|tjeneste|tjanst)|gammal|gamla|gammel|gamle|vanha|avviklet|avvecklad|afviklet|poistettu|nedlagt|deprecated|retired|decommissioned|publisher|publicador|ver(?:ö|oe|o)ffentlichung|hourly|daily|nightly|weekly|fortnightly|biweekly|monthly|quarterly|yearly|annual|scheduled|old|legacy|backups?|imports?|reminders?|clean(?:er|up|ing)?|digests?|archiv(?:e|er|ing)|feeds?|batch|jobs?|tasks?|pipelines?|workers?|queues?|backlog|summary|exams?|timetables?|kpis?|sla|timesheets?|stats|statisti(?:cs|k|ken|ques|cas|che)|index(?:er|ing)?|oracle|sap|netsuite|tempo|zephyr|xray|scriptrunner|reports?|reporting|status|snapshots?|dashboards?|wallboards?|datensicherung|sicherung|bericht|wochenbericht|sauvegarde|rapport|hebdomadaire|quotidien(?:ne)?|journali(?:er|ere)|mensuel(?:le)?|facturation|runs?|informe|semanal|mensual|respaldo|gateway|capture|runtimes?|onboarding|offboarding|provisioning|assets?|inventory|intake|dispatch|billing|invoic(?:e|es|ing)|orders?|shipping|labels?|printing|uploads?|downloads?|ingest(?:ion)?|sftp|ftp|listener|poller|watcher|synchroni[sz]ation|synchronisierung|abgleich|horarios|stundenplan|synchro|automatique|automatise|traitement|envoi|extraction|hebdo|alertes|controle|usine|transport|comptes|fournisseurs|clients|publics|versand|etiketten|commandes|horaires|envio|facturas|factures|inventaire|nocturne|pedidos|rechnungen|rechnungseingang|bestellungen|lieferungen|cierre|mes|closing|1c|abschluss|monatsabschluss|cloture|auftrage|auftraege|importacao|importacion|exportacao|exportacion|facturacion|faturamento|copia|seguridad|diaria|diario|relatorios?|trimestral|anual|mensal|inventarios?|renewals?|meldewesen|ocr|setup|raport|raporty|raportowanie|sprawozdania|sprawozdawczosc|eksport|rozliczenia|archiwizacja|rapor|raporlama|raporlar[ıi]|mutabakat|aktar[ıi]m|gunluk|haftal[ıi]k|ayl[ıi]k|vykazy|davky)$/;

/** Neither a token's use nor the UI's within `departedDays` (never, or not recorded, counts). */
function longIdle(f: AccountFeatures, ctx: RuleContext): boolean {
  const since = ctx.referenceMs - ctx.t.departedDays * DAY_MS;
  return !(f.lastTokenUseMs > since) && !(f.lastUiMs > since);
}

/**
 * The display name's first word is no given name of the org's people (`OrgVocabulary`), in an
 * org with `KNOWN_GIVEN_NAMES` of them or more: fewer say little about a rare name.
 */
function noGivenNameFirst(f: AccountFeatures, ctx: RuleContext): boolean {
  if (ctx.vocabulary.givenNames() < KNOWN_GIVEN_NAMES) return false;
  const first = vocabularyWords(f.user.name)[0];
  return first === undefined || ctx.vocabulary.givenNameCount(first, f.user) === 0;
}
/**
 * A display name of two words or more, none of them a given name of the org's people, in an org
 * with `KNOWN_GIVEN_NAMES` of them or more.
 */
function noGivenNameIn(f: AccountFeatures, ctx: RuleContext): boolean {
  if (ctx.vocabulary.givenNames() < KNOWN_GIVEN_NAMES) return false;
  const words = vocabularyWords(f.user.name);
  return words.length >= 2 && !anyGivenName(words, f, ctx);
}
/** One of `words` (`vocabularyWords`) is a given name of the org's people other than `f`'s holder. */
function anyGivenName(words: readonly string[], f: AccountFeatures, ctx: RuleContext): boolean {
  return words.some((w) => ctx.vocabulary.givenNameCount(w, f.user) > 0);
}
/**
 * An API token and nothing else of the account's (`onlyAToken`), under a name of 80 characters at
 * most with a bot-like word (`automationWord`) and no word that is a given name or a surname of the
 * org's people, written as no person's name is: a handle of words, no initial among them
 * ("hubot-sre", "polaris.sync"); three words or more with the tool's word first ("Integração Tecno
 * Andina", "Azure DevOps Pipelines") or in the mailbox as none of the name's words ("k6 load test"
 * at `loadtest@`); or a note after the name whose tool's word the mailbox holds ("Adquirência -
 * Webhooks" at `adquirencia.webhooks@`). Invited with a photo, or synced into its team's
 * department, such an integration was `human`. A tool's word that is a surname too (Jenkins,
 * Bridge, Harness, Mailer: `SURNAME_TOOL_WORD`) counts in none of these. A person on leave with a
 * token has a given name or a surname of the org's, or no such word, or it is their surname, last
 * after their names (Latoya Renee Jenkins, Ifeoma Grace Service), first where a directory writes it
 * so (Jenkins Latoya Renee), in a handle of their mailbox ("m.jenkins"); a name of two words at a
 * mailbox of them cannot be told from a person's ("Ngozi Bridge" at `ngozi.bridge@`, "Ci Wang"), nor
 * a word in the middle of three ("Kofi Api Mensah"), or in their team's note ("Xochitl Quispe (API
 * Team)" at `xquispe@`).
 */
function idleToolNamed(f: AccountFeatures, ctx: RuleContext): boolean {
  const name = f.user.name.trim();
  if (name.length > SHORT_NAME_MAX || !onlyAToken(f, ctx) || automationWord(f, ctx) === null || !noGivenNameIn(f, ctx)) return false;
  const words = vocabularyWords(name);
  if (anySurname(words, f, ctx)) return false;
  const { nameToken } = ctx.matchers;
  // A tool's word, not one that is a surname too (Jenkins, Bridge, Harness, Mailer).
  const tool = (w: string): boolean => nameToken.test(w) && !SURNAME_TOOL_WORD.test(w);
  // A handle of words, no initial among them ("hubot-sre"; not "m.jenkins", a person's mailbox for a name).
  if (NAMELESS.test(name)) {
    const parts = name.toLowerCase().split(/[-_.@\s]+/).filter((t) => t !== "");
    return parts.length >= 2 && parts.every((t) => t.length > 1) && parts.some(tool);
  }
  const tokens = f.localPart === null ? [] : mailboxWords(f.localPart);
  const cut = NOTE_AFTER_NAME.exec(name);
  if (cut !== null || /[([]/.test(name)) return cut !== null && vocabularyWords(name.slice(cut.index)).some((w) => tool(w) && tokens.includes(w));
  if (words.length < 3) return false;
  // First, where a given name stands in a tool's name ("Integração Tecno Andina", "Azure DevOps
  // Pipelines"), or in the mailbox as none of the name's words ("k6 load test" at `loadtest@`);
  // last is a surname's place (Latoya Renee Jenkins, Ifeoma Grace Service).
  return tool(words[0] as string) || tool((words[0] as string) + (words[1] as string)) || tokens.some((t) => tool(t) && !words.includes(t));
}
/** Bot-like words that are surnames too, which a person's name may start with where a directory writes the surname first. */
const SURNAME_TOOL_WORD = /^(?:jenkins|bridges?|harness|batch|mailer|loader|service|probe|canary|cron|bamboo|octopus)$/;
/** One of `words` (`vocabularyWords`) is a surname of the org's people other than `f`'s holder. */
function anySurname(words: readonly string[], f: AccountFeatures, ctx: RuleContext): boolean {
  return words.some((w) => ctx.vocabulary.surnameCount(w, f.user) > 0);
}
/** A display name with no note after it and nothing in brackets ("Pricing Batch"; not "Xochitl Quispe (API Team)", "Jane Doe - Kiosk"). */
function unannotated(name: string): boolean {
  return !NOTE_AFTER_NAME.test(name) && !/[([]/.test(name);
}

/** An API token, no event in an audit log that records sign-ins for `SIGN_IN_LOG_MIN_DAYS` or more, and no UI use within `recentDays`. */
export function idleWithToken(f: AccountFeatures, ctx: RuleContext): boolean {
  return tokenButIdle(f) && ctx.auditLog && ctx.signInLogDays >= SIGN_IN_LOG_MIN_DAYS;
}
/** An API token and nothing else of the account's: idle with it (`idleWithToken`) or never used (`neverUsed`). */
export function onlyAToken(f: AccountFeatures, ctx: RuleContext): boolean {
  return idleWithToken(f, ctx) || neverUsed(f);
}
/** An API token none of whose uses is recorded, on an account with no event and never active in the UI where the snapshot records UI use. */
function neverUsed(f: AccountFeatures): boolean {
  return f.tokenCount > 0 && f.usedTokenCount === 0 && f.eventCount === 0 && f.uiActivityKnown && Number.isNaN(f.lastUiMs);
}
/** An API token, and by all the snapshot shows idle: nothing of its own in the audit log, if there is one, and no UI use within `recentDays`. */
export function tokenButIdle(f: AccountFeatures): boolean {
  return f.tokenCount > 0 && f.eventCount === 0 && f.recentUiProductCount === 0;
}

/**
 * Most of the work done right after a sign-in (half of it or more within `dailySlotWindowMinutes`),
 * most sign-ins from one address: a robot's sittings of a few steps each on its host, whoever
 * else signs in to the account. A person's work runs for hours after they sign in, and a manager
 * approving in a minute at each sign-in does it from the phone, at home and at the office.
 */
function workAtSignIns(f: AccountFeatures): boolean {
  return workNearSignIns(f) && f.topSignInAddressShare >= ROBOT_HOST_SHARE;
}
/**
 * Most of the account's work falls within minutes of its sign-ins, a robot's sittings, from
 * however many addresses: a CI robot that signs in each weekday through a VPN pool of four
 * addresses and is done in a minute ("Jenkins Chen", titled Build Engineer).
 */
function workNearSignIns(f: AccountFeatures): boolean {
  return f.sittingWorkEvents > 0 && f.sittingWorkNearSignIn * 2 >= f.sittingWorkEvents;
}
const ROBOT_HOST_SHARE = 0.6;

/** A group named like automation, and how its active members were judged on their own evidence. */
export interface GroupTally {
  name: string;
  members: number;
  bots: number;
  likelyBots: number;
}

/**
 * Groups whose name has a bot-like word ("automation", "integrations", "ci-bots"). Not the
 * description: "Platform engineers and the CI bots they run" names a team of people.
 */
export function automationGroups(groups: readonly Group[], matchers: Matchers): Map<string, GroupTally> {
  const out = new Map<string, GroupTally>();
  for (const group of groups) if (matchers.nameWord.test(group.name)) out.set(group.id, { name: group.name, members: 0, bots: 0, likelyBots: 0 });
  return out;
}

/** Counts an active account's verdict in each group named like automation it is in; whether it is in one. */
export function tallyGroups(user: User, groups: Map<string, GroupTally>, verdict: Verdict, active: boolean): boolean {
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
export function machineGroupOf(user: User, groups: ReadonlyMap<string, GroupTally>): GroupTally | null {
  for (const id of user.groupIds) {
    const tally = groups.get(id);
    if (tally !== undefined && tally.members >= MACHINE_GROUP_MIN && tally.bots + tally.likelyBots / 2 >= tally.members * MACHINE_GROUP_SHARE) return tally;
  }
  return null;
}

/**
 * A group named like automation where `FLAGGED_GROUP_OTHERS` active members or more besides the
 * account (a `human` one, counted in `members`) are mostly (`MACHINE_GROUP_SHARE`) `bot` or
 * `likely-bot` on their own evidence, or null: where the log records no token use, its scripts'
 * accounts are reviewed more often than called bots, and `machineGroupOf` counts a review as half.
 * Only for an account that has nothing of its own to weigh (see the `idle-in-automation-group` floor).
 */
export function flaggedGroupOf(user: User, groups: ReadonlyMap<string, GroupTally>): GroupTally | null {
  for (const id of user.groupIds) {
    const tally = groups.get(id);
    if (tally === undefined) continue;
    const others = tally.members - 1;
    if (others >= FLAGGED_GROUP_OTHERS && tally.bots + tally.likelyBots >= others * MACHINE_GROUP_SHARE) return tally;
  }
  return null;
}
/** A small team's group ("automation": two jobs and their engineer) says little of a member on leave. */
const FLAGGED_GROUP_OTHERS = 5;

/** A script's trace other than a token, which the owner of a group's scripts may hold too. */
export function groupTraces(f: AccountFeatures, fired: Fired, ctx: RuleContext): boolean {
  return scriptTraces(f, ctx, fired).some((t) => t !== TOKEN_TRACE);
}

/**
 * Work done with a token the snapshot cannot see: an account none of whose tokens lists its last
 * use and none of whose events names a token or the authentication it was done with, that holds a
 * token still allowed and unexpired, signs in nowhere in an audit log of
 * `UNSEEN_TOKEN_MIN_LOG_DAYS` days or more that records sign-ins, and works on
 * `UNSEEN_TOKEN_MIN_DAYS` days of it (`UNSEEN_TOKEN_MIN_EVENTS` events or more), with no UI use
 * within `staleUiDays` (where the snapshot does not record UI use, work from a browser stands for it): its work came through the token ("GitLab CI" at
 * `svc_gitlab@`, commenting on issues through the day with no sign-in in four weeks). Only where
 * the account is named as a script's (a bot-like word, a handle, a number, a job's words) or its
 * token as a system's: a person's name, at whatever mailbox, is a developer's whose CLI calls
 * with their token and who signs in nowhere either (Jürgen Müller at `juergen.mueller@`, Anil Kumar
 * at `e1042387@`); nor beside a person's job title.
 */
export function unseenTokenWork(f: AccountFeatures, ctx: RuleContext): boolean {
  return unseenTokenWorkBy(f, ctx) !== null;
}

/** Why `unseenTokenWork` holds: the account's name, or its work's hours; null where it does not. */
export function unseenTokenWorkBy(f: AccountFeatures, ctx: RuleContext): "name" | "hours" | null {
  if (f.usableToken === null || f.tokenUseListed || f.tokenEventCount > 0 || f.loginCount > 0 || f.otpCount > 0) return null;
  if (ctx.signInLogDays < UNSEEN_TOKEN_MIN_LOG_DAYS || f.eventCount < UNSEEN_TOKEN_MIN_EVENTS || f.activityDays < UNSEEN_TOKEN_MIN_DAYS || f.recentUiProductCount > 0) return null;
  if (personTitle(f, ctx)) return null;
  // A number in a note after a person's name is their floor's, team's or badge's ("Jane Doe (Floor 3)").
  const name = f.user.name.trim();
  const scriptNamed = automationName(f, ctx) !== null || NAMELESS.test(name) || /\d/.test(nameHead(name)) || jobNamed(f, ctx) || systemTokenLabel(f.usableToken.label);
  if (scriptNamed && !personNamed(f, ctx)) return "name";
  // Or, whatever the name, where the work keeps a job's hours (see `jobHours`): a developer's CLI
  // works through their working day, on workdays.
  return ctx.coarseTimeMs === 0 && jobHours(f) ? "hours" : null;
}
const UNSEEN_TOKEN_MIN_LOG_DAYS = 14;
const UNSEEN_TOKEN_MIN_EVENTS = 10;
const UNSEEN_TOKEN_MIN_DAYS = 3;

/**
 * Work kept to a job's hours, a run at its minute: all of the work in `JOB_HOURS_MAX_HOURS`
 * distinct hours of the day (UTC) or fewer, on `JOB_HOURS_MIN_DAYS` days or more, in one burst a
 * day, starting within the same three minutes (`exactStartDays`) on `JOB_EXACT_SHARE` of the days
 * (a weekly report, a nightly export). A person's part-time hours, a weekly meeting's updates, a
 * volunteer's evenings start where they start. Only where the log records times finer than the
 * hour (`coarseTimeMs`): rounded times start every day at one minute.
 */
export function jobHours(f: AccountFeatures): boolean {
  return f.activityDistinctHours <= JOB_HOURS_MAX_HOURS && f.activityDays >= JOB_HOURS_MIN_DAYS && f.burstCount <= f.activityDays && f.exactStartDays >= f.activityDays * JOB_EXACT_SHARE;
}
/** What `jobHours` saw, for the finding's sentence. */
export function jobHoursText(f: AccountFeatures): string {
  return `all of it came in ${plural(f.activityDistinctHours, "distinct hour")} of the day (UTC), one run a day, starting within the same three minutes on ${f.exactStartDays} of ${plural(f.activityDays, "day")}`;
}
const JOB_HOURS_MAX_HOURS = 2;
const JOB_HOURS_MIN_DAYS = 4;
const JOB_EXACT_SHARE = 0.75;

/** A token in use, or events done with one: a script runs as the account. */
export function tokenInUse(f: AccountFeatures, ctx: RuleContext): boolean {
  return tokenUsedRecently(f, ctx) || f.tokenEventCount > 0;
}

/**
 * A display name of three words at most that names a team, not a person: its last word says so
 * ("Customer Success Team", "Social Desk", "Support Team 2", "Claims Team Account", "Ward 7
 * Nurses", "Night Dispatchers"), a bracketed note aside; not "Office" or "Bureau", surnames too (Ann Office at `ann@`, Marie Bureau). Not a
 * person's name with their team after a separator or in four words ("Jane Doe - Sales Team",
 * "Jane Doe, IT Service Desk", "Jane Doe/Service Desk", "Jane Doe Sales Team"). In CJK
 * characters, a department's name and a word for shared ("物流部 共用"): a person's name with a
 * team's word after it is as common ("山田太郎 営業チーム").
 */
export function teamNamed(f: AccountFeatures, ctx: RuleContext): boolean {
  // A bracketed note and a region's code after the name aside ("Ward Lab (SG)", "Student Hub SG").
  const name = withoutBrackets(f.user.name).trim().replace(TRAILING_CODE, "");
  // Four words where the mailbox holds the team's word too ("Elsie Inglis Centre Reception" at
  // `elsieingliscentre.reception@`; not "Jane Doe Sales Team" at `jdoe@`).
  const words = name.split(/\s+/).length;
  // A surname in capitals first, as directories write it, is a person's ("STEVENS Hub").
  const surnameFirst = CAPS_SURNAME_FIRST.exec(name);
  const person = surnameFirst !== null && !ctx.matchers.roleMailbox.test((surnameFirst[1] as string).toLowerCase()) && !TEAM_NAME_WORDS.test(surnameFirst[1] as string);
  // A carrier's station, a role whoever is on duty holds or a shop, named by its word first: the
  // team's, whatever its mailbox ("Escala PTY", "Duty Editor", "Shop Uppsala").
  const full = f.user.name.trim();
  const station = STATION_FIRST.test(full) || deskCoded(full) || ON_DUTY_ROLE.test(full) || ((SHOP_FIRST.test(full) || deskFirst(f, ctx, full) || shopInItsOrder(f, full)) && !NOTE_AFTER_NAME.test(full) && !personTitle(f, ctx));
  const team = ((TEAM_NOUN.test(name) || OFFICE_OF_TEAM.test(name) || teamWordFirst(f, name)) && !person && (words <= 3 || (words === 4 && (teamWordInMailbox(f, name) || (SURNAME_TEAM_NOUN.test(name) && !personalMailbox(f, ctx))))) && !NOTE_AFTER_NAME.test(name)) || LAB_FIRST.test(name) || station || CJK_DEPARTMENT_SHARED.test(name) || CJK_SHARED_LAST.test(name) || CJK_TEAM_WORD.test(name) || SHARED_NOTE.test(f.user.name);
  // Station and Control are surnames too (Tom Station at `tom.station@`); not after what is
  // controlled or stationed ("Load Control", "Crew Control", "Fire Station").
  if (SURNAME_TEAM_NOUN.test(name) && !CONTROLLED.test(name) && givenNameFirstWord(f, ctx) && personalMailbox(f, ctx)) return false;
  // A mailbox that writes the name's words is a person's, unless it holds the team's word too
  // (`koh-lab@` for "Koh Lab"), or the name starts with no given name ("OCC Duty Desk" at
  // `occ.duty@`, "Station SCL - Duty Officer" at `scl.duty@`), or with a word none of the org's
  // people is given before a job's or a team's word, in three words or more ("Marketplace Ops
  // Team" at `marketplace-ops@`; not "Bada Lindqvist Team", "Priya Nair Helpdesk", a person's
  // names and their team, whether or not the org holds another Priya).
  return team && (station || !nameMailbox(f, ctx) || teamWordInMailbox(f, name) || !givenNameFirstWord(f, ctx) || unknownFirstBeforeWork(f, name, ctx)) && mailboxOfTheName(f, name);
}
/**
 * A site's or a team's desk at its role address: a display name of two to four words, none a given
 * name of the org's people, one of them the role's word that the mailbox holds too, with a place or
 * a team's qualifier beside it ("Reception Piraeus" at `reception@`, "Recepcja Gądki" at
 * `recepcja.gadki@`, "Finance AP" at `finance.ap@`, "KPI Report Rollmaterial" at `reporting@`), or a
 * front desk's word in both ("Irvine Front Desk" at `reception@`, "Seoul Reception" at
 * `frontdesk@`). Whoever is on duty signs in to it, one at a time, and its use looks like one
 * person's: such desks were `human` in five independent generators' orgs.
 *
 * Not a person's name, where the org's given names cannot tell it: the role's word alone
 * ("Payroll" at `payroll@`, a one-person office's clerk); a note, a bracket or a directory's comma,
 * after which the holder's name may follow ("Sales - Kiran Patel", "Sales, Rodrigo"); an initial
 * ("H R Patel" at `hr@`) or an honorific ("Empfang Frau Schmidt"); a role's word where a surname
 * is written, after a capitalised first word that is no team's (Rodrigo Sales at `sales.br@`,
 * Rodrigo Sales Pereira, Thomas Lohn at `lohn.de@`) or first in capitals ("SALES Rodrigo"), a front
 * desk's word aside; a word of two or three letters in a name's case beside it (Finance Li at
 * `finance.li@`, Planning Ng; a code is in capitals, "Finance AP"); a test's words (see
 * `testAccountUse`); nor an account with a person's job title.
 */
export function roleAddressDesk(f: AccountFeatures, ctx: RuleContext): boolean {
  if (f.localPart === null) return false;
  const whole = f.user.name.replace(/\s+/g, " ").trim();
  const head = nameHead(f.user.name);
  // A building's name after a front desk's word names where the desk is, not who holds it
  // ("Reception – Clunbury House" at `reception@`).
  if (head !== whole && FRONT_DESK_KEY.test(foldLetters(head)) && FRONT_DESK_KEY.test(foldLetters(mailboxWords(f.localPart)[0] ?? ""))) {
    const note = whole.slice(head.length).replace(/^\s*[–—-]\s*/, "");
    return BUILDING_NOTE.test(note) && !anyGivenName(vocabularyWords(note), f, ctx) && !personTitle(f, ctx);
  }
  if (head !== whole) return false;
  const written = head.split(" ");
  const words = vocabularyWords(head).map(foldLetters);
  // Two words at least (`noGivenNameIn`).
  if (words.length > 4 || words.some((w) => w.length === 1 || HONORIFIC.test(w)) || written.some((w) => SHORT_NAME.test(w)) || !noGivenNameIn(f, ctx) || personTitle(f, ctx)) return false;
  const first = written[0] as string;
  const surname = (k: string): boolean =>
    !FRONT_DESK_KEY.test(k) &&
    ((k !== words[0] && words.includes(k) && NAME_CASE.test(first) && !ctx.matchers.roleMailbox.test(words[0] as string) && !TEAM_NAME_WORDS.test(first)) ||
      (k === words[0] && first.length >= 3 && first === first.toUpperCase() && NAME_CASE.test(written[1] ?? "")));
  const keys = [...words, ...words.slice(1).map((w, i) => `${words[i] as string}${w}`)].filter((k) => ctx.matchers.roleMailbox.test(k) && !TRYOUT_WORD.test(k) && !surname(k));
  if (keys.length === 0) return false;
  const box = mailboxWords(f.localPart).map(foldLetters);
  const boxKeys = [...box, ...box.slice(1).map((w, i) => `${box[i] as string}${w}`)];
  const same = (a: string, b: string): boolean => a === b || (Math.min(a.length, b.length) >= 5 && (a.startsWith(b) || b.startsWith(a))) || (FRONT_DESK_KEY.test(a) && FRONT_DESK_KEY.test(b));
  return keys.some((k) => boxKeys.some((t) => same(k, t)));
}
/** A person's honorific, folded ("Empfang Frau Schmidt"). */
const HONORIFIC = /^(?:mr|mrs|ms|miss|dr|herr|frau|mme|mlle|sr|sra|srta|don|dona|dott|sig|signora|senhor|senhora|pan|pani)$/;
/** A word in a name's case: a capital, then a small letter. */
const NAME_CASE = /^\p{Lu}\p{Ll}/u;
/** Two or three letters in a name's case ("Li", "Ng", "Ola"): a given name as often as a place's code, which is written in capitals. */
const SHORT_NAME = /^\p{Lu}\p{Ll}{1,2}$/u;
/** A test's or a demo's word: such accounts are judged as test accounts (`testAccountUse`), and Tëst Ñame is a person. */
const TRYOUT_WORD = /^(?:test|tests|testing|tester|testers|uat|demo|sandbox|training|trainee|trainees|dummy|user|users|kunde|kunden|cliente|clientes)$/;
/** A building's name of one to three words: a place's words and a building's word last ("Clunbury House", "Neuadd y Sir"); not Hall or Court, surnames as often ("Reception – Megan Hall"). */
const BUILDING_NOTE = /^(?:\p{Lu}[\p{L}'’.-]*\s+){1,3}(?:House|Centre|Center|Building|Campus|Tower|Plaza|Offices)$|^Neuadd(?:\s+\p{L}+){1,3}$/u;
/** A front desk's word, folded, in the role words' languages. */
const FRONT_DESK_KEY = /^(?:reception|recepcion|recepcao|recepcja|receptie|rezeption|empfang|frontdesk|frontoffice|uketsuke)$/;
/** Three words or more, the first no given name of the org's people (`noGivenNameFirst`), the second a job's or a team's word ("Marketplace Ops Team", "Seller Onboarding Team"). */
function unknownFirstBeforeWork(f: AccountFeatures, name: string, ctx: RuleContext): boolean {
  const words = name.split(/\s+/);
  const second = words[1];
  return words.length >= 3 && second !== undefined && (jobWord(second, ctx) || ctx.matchers.roleMailbox.test(foldLetters(second))) && noGivenNameFirst(f, ctx);
}
function teamWordInMailbox(f: AccountFeatures, name: string): boolean {
  const last = foldLetters(name.split(/\s+/).filter((w) => !/^\d+$/.test(w)).pop() ?? "");
  return last.length >= 3 && f.localPart !== null && foldLetters(f.localPart).split(/[^a-z]+/).includes(last);
}
/**
 * A shared post's title in French, Spanish, Italian or Portuguese ("Poste partagé") is a shared
 * workstation's or a person's shared post: a workstation's only on a name with no given name of
 * the org's people (in an org that knows them), of two words or more or a number, a contractor's
 * tag first aside ("Probenannahme QC", "Empfang Werk Basel", "[EXT-Atlas] Poste 03").
 */
function sharedPost(f: AccountFeatures, ctx: RuleContext): boolean {
  if (!f.user.jobTitle || !SHARED_POST_TITLE.test(f.user.jobTitle) || !ctx.vocabulary.knowsGivenNames()) return false;
  const name = f.user.name.replace(LEADING_TAG, "");
  const words = vocabularyWords(name);
  return words.length > 0 && (words.length >= 2 || /\d/.test(name)) && !anyGivenName(words, f, ctx) && !personMailboxOfName(f, words);
}
/** A shared post or workstation, in French, Spanish, Italian and Portuguese (see `sharedPost`); it teaches the org no given name (`OrgVocabulary`), as a shared account's title does not. */
export const SHARED_POST_TITLE = /^\s*(?:poste|puesto|posto)\s+(?:partag[ée]e?|commun|compartido|condiviso|partilhado|compartilhado)\s*$/iu;
/**
 * Two people's names joined by a slash or an ampersand, then a job share's note in brackets, in
 * English or beside another language's ("Rhodri Williams / Christopher Clarke (Rhannu Swydd / Job
 * Share)", "Anna Berg & Elin Dahl (Jobsharing)"): the post's account that both sign in to. One
 * person's own account with the note is theirs ("Anna Berg (Job Share)"). The brackets are found
 * by scanning, not by a pattern that backtracks over a hostile name.
 */
function jobShareLogin(name: string): boolean {
  const open = name.indexOf("(");
  if (open <= 0) return false;
  const close = name.indexOf(")", open);
  if (close < 0 || !JOB_SHARE_WORD.test(name.slice(open + 1, close))) return false;
  const names = name.slice(0, open).trim();
  return slashHalves(names) !== null || /\s&\s/.test(names);
}
const JOB_SHARE_WORD = /(?:^|[^\p{L}])job[- ]?shar(?:e|ing)(?:$|[^\p{L}])/iu;
/** A note that says the account is shared: "Research Office (Shared)", "[Team account]". */
const SHARED_NOTE = /[([]\s*(?:(?:shared|generic|common)(?:\s+(?:account|mailbox|inbox|login|user|access))?|(?:team|group)\s+(?:account|mailbox|inbox|login))\s*[)\]]/i;
/**
 * A note that says the account is shared, in brackets or alone after a separator, in the role
 * words' languages ("Onderzoeksgroep Fotonica (gedeeld)", "AG Soft Matter (Gruppenkonto)", "Labo
 * Cryo-EM – compte commun", "Gruppo Genomica – account condiviso", "Agência Criativa (acesso
 * compartilhado)"); a person's team after their
 * name is more words than these ("Priya Nair (Shared Services)").
 */
const SHARED_NOTE_ABROAD = /(?:[([]\s*|\s[-–—|:]\s+)(?:gedeeld|gemeenschappelijk|gedeelde\s+account|gemeinsam|gemeinsames\s+konto|(?:gruppen|team|gemeinschafts)(?:konto|account)|partag[ée]e?|compte\s+(?:commun|partag[ée])|account\s+(?:condiviso|comune)|casella\s+condivisa|condivis[oa]|compartid[oa]|cuenta\s+(?:compartida|com[úu]n)|compartilhad[oa]|conta\s+(?:compartilhada|comum)|acesso\s+(?:compartilhado|comum)|acceso\s+(?:compartido|com[úu]n)|acc[èe]s\s+(?:partag[ée]|commun)|accesso\s+(?:condiviso|comune)|gemeinsamer\s+zugang|gedeelde\s+toegang)\s*[)\]]?$/iu;
/** A research group's, a lab's or a team's word first, in the role words' languages. */
const GROUP_FIRST = /^(?:onderzoeksgroep|vakgroep|groep|gruppo|grupo|groupe|labo|lab|laborat\p{L}*|ag|arbeitsgruppe|forschungsgruppe|team|[ée]quipe|equipo|service|servizio|servicio|unit[éeà]?|unidad|abteilung|afdeling)(?:\s|$)/iu;
/** An account's, a mailbox's or an access's word in a shared note ("compte commun", "Gruppenkonto", "casella condivisa", "acesso compartilhado"): an adjective alone may be about a person's own post (Julie Martin – partagée). */
const ACCOUNT_WORD = /konto|account|compte|cuenta|conta|casella|postfach|mailbox|buz[oó]n|acesso|acceso|acc[èe]s|accesso|zugang|toegang/i;
/** A shared note abroad (`SHARED_NOTE_ABROAD`) with an account's word, or an adjective alone after a group's word first ("Onderzoeksgroep Fotonica (gedeeld)"; not Paolo Bianchi – Gemeinsam). */
function sharedNoteAbroad(name: string): boolean {
  const note = SHARED_NOTE_ABROAD.exec(name);
  if (note === null) return false;
  if (ACCOUNT_WORD.test(note[0])) return true;
  // After a person's name an adjective alone may be about their post (Julie Martin – partagée).
  return GROUP_FIRST.test(name.slice(0, note.index).trim());
}
/** A team's on-call account, the team's words first ("Epic On-Call", "Network On-Call Pager", "Blodbanken vakt", "MTA Vakttelefon"). */
const ON_CALL_LAST = /^(?:[\p{Lu}\d][\p{L}\d&]*\s+){1,3}(?:on[- ]?(?:call|duty)|(?:ruf)?bereitschaft(?:sdienst)?|pikettdienst|astreinte|vakttelefon|jourtelefon)(?:\s+(?:pager|phone|rotation|line))?(?:\s+#?\d+)?$/iu;
/** The same with vakt or jour last, in lower case as Norwegian and Swedish write a desk's duty ("Blodbanken vakt", "Medisinsk-teknisk vakt"): a surname is written capitalised (Marie Jour). */
const ON_CALL_LAST_LOWER = /^(?:[\p{Lu}\d][\p{L}\d&-]*\s+){1,3}(?:vakt|jour)(?:\s+#?\d+)?$/u;
/** A team's on-call account in French, German, Norwegian, Swedish, Danish, Dutch or Portuguese, the on-call word first ("Astreinte Réseau", "Rufbereitschaft Netzwerk", "Bakvakt Anestesi", "Jourhavande Röntgen", "Bagvagt Kirurgi", "Bakdienst Interne", "Sobreaviso Sistemas Core"; not Plantão, a surname too, Plantão Sofia). */
const ON_CALL_FIRST = /^(?:astreinte|permanence|(?:ruf)?bereitschaft(?:sdienst)?|pikett(?:dienst)?|dienstdoende|reperibilit[àa]|vakthavende|vagthavende|jourhavande|(?:bak|for|prim[æä]r|mellom|mellan)vakt|(?:bag|for)vagt|bakdienst|achterwacht|voorwacht|sobreaviso|(?:prim[äæ]r|bak|labb|mellan|sekund[äæ]r)jour)\s+\p{L}/iu;
/**
 * A ward's desk or a hospital role whoever is on shift holds ("EVV CVICU Nurse Station", "5 East
 * Unit Clerk", "ED Charge Nurse", "Step-Down Charge Desk", "Transfer Center RN", "Rapid Response
 * RN", "Bed Placement Coordinator"): the shift's nurses sign in to it by turns, round the clock.
 * Not a person who wrote their role after their name at their own mailbox (Mary Smith Charge
 * Nurse at `mary.smith@`).
 */
const WARD_DESK = /(?:^|\s)(?:nurses?'?\s+station|nursing\s+station|(?:unit|ward)\s+clerk|charge\s+(?:nurse|desk|rn)|transfer\s+cent(?:er|re)|rapid\s+response|bed\s+(?:placement|management|board)|patient\s+flow|(?:house|nursing)\s+supervisor|(?:shift|tech)\s+lead|(?:north|south|east|west|ed|er|cath\s+lab|med-?surg|[cmsp]?icu|cvicu|nicu|pacu|ccu|l&d|dialysis|telemetry|oncology|ortho|neuro|rehab|psych|peds|maternity|endoscopy|infusion)\s+station)(?:\s|$)/i;
/**
 * A mailbox that names a ward's desk or role too (`ns.dialysis.pns@`, `stepdown.station@`,
 * `edcharge.evv@`, `rrt.rn.evv@`, `lab.shiftlead.cha@`, `bedplacement@`): a person who wrote the
 * role beside their name keeps their own (`mary.smith@`, `msmith@`, `u1234567@` for "Mary Smith
 * Charge Nurse"), whatever their name's order, nickname or former surname.
 */
const WARD_MAILBOX = /(?:^|[^a-z])(?:ns|rn|rrt)(?=[^a-z]|$)|station|charge|clerk|supervis|shiftlead|techlead|(?:^|[^a-z])lead(?=[^a-z]|$)|transfer|placement|patientflow|bedboard|bedmgmt/i;
/**
 * A mailbox that says on-call too (`epic.oncall@`, `netpager@`, `bakvakt.anestesi@`,
 * `blodbanken.vakt@`): not a person's who wrote on-call after a given name (Dave On-Call at
 * `dave.miller@`), nor `dujour` or a caretaker's `vaktmester`.
 */
const ON_CALL_MAILBOX = /on-?call|on-?duty|pager|astreinte|permanence|bereitschaft|pikett|dienstdoend|^dienst(?=[^a-z]|$)|reperib|sobreaviso|achterwacht|(?:^|[^a-z])(?:[a-z]*vakt(?:havende|telefon)?|[a-z]*vagt(?:havende)?|(?:primar|bak|labb|mellan|sekundar)jour|jour(?:havande|telefon))(?=[^a-z]|$)|[^a-z]jour$/i;
/**
 * A secretariat's or an office's word first, in the role words' languages ("Secrétariat Institut
 * d'histoire", "Sekretariat Institut für Informatik", "Segreteria Dipartimento", "Secretariaat
 * Vakgroep Biologie", "Onderwijssecretariaat", "Prüfungsamt", "Servizio finanze"): a
 * department's office, which its staff share. Not a firm of one (Kanzlei Dr. Hans Schmidt,
 * "Bureau de Jong"): a "Bureau" is a French office's only before a word in small letters
 * ("Bureau des doctorats"), or any word after du or des ("Bureau du Cabinet"; not "Bureau de la
 * Rie", a surname's particles). Servizio, Aula and Salle are surnames too (see `surnameFirst`).
 */
const OFFICE_WORD_FIRST = /^(?:\p{L}*(?:secr[ée]tariat|sekretariat|secretariaat|segreteria|secretar[ií]a)|\p{L}{4,}(?:amt|dekanat)|Dekanat|Dziekanat|Decanato|(?:pr[üu]e?fungs|studien|dekanats|promotions|praktikums|auslands)b[üu]e?ro|(?:trial|opname)bureau|Ufficio|Servizio|Servicio|Servi[cç]o)(?=\s|$)/iu;
const BUREAU_FIRST = /^(?:Bureau|BUREAU)\s+(?:(?:des|du)\s+\p{L}|de\s+la\s+\p{Ll}|de\s+(?!la\s)\p{Ll}|d['’]\s*\p{Ll})|^Bureau\s+\p{Lu}{3,5}(?:\s|$)/u;
/**
 * A word in the display name that says the account is shared, in the languages of the role words
 * ("Shared Lab Basel", "Labor Gemeinsam Basel", "Bureau partagé", "Cuenta compartida"): no
 * person's name has one.
 */
const SHARED_WORD = /(?:^|[^\p{L}])(?:shared(?!\s+services?\b)|partilhad[oa]s?|gemeinsam(?:e[rsn]?)?|gemeinschafts\p{L}*|compartid[oa]s?|compartilhad[oa]s?|partag(?:é|ée|és|ées)|condivis[oa]|gedeeld|gemeenschappelijk)(?:$|[^\p{L}])/iu;

/**
 * A display name that says by itself that it is a team's, with no person's job title: a word
 * for shared, a lab's or a station's word first ("Laboratorio Control de Calidad", "Escala
 * PTY"). Such an account is reviewed as shared whatever its use shows: people at work in it from
 * one office look as one person does.
 */
export function namedShared(f: AccountFeatures, ctx: RuleContext): boolean {
  // A job title that says the account is shared: an admin's word, whatever the name.
  if (f.user.jobTitle && SHARED_TITLE.test(f.user.jobTitle)) return true;
  if (sharedPost(f, ctx)) return true;
  // So does a job share's note in brackets, on the two sharers' names and their post's title
  // ("Rhodri Williams / Christopher Clarke (Rhannu Swydd / Job Share)").
  if (jobShareLogin(f.user.name)) return true;
  // A shift's lead named with the shift, or a name that says it is for common use in Japanese,
  // Chinese or Korean, is the shift's or the team's, whoever's title was copied onto it.
  if (SHARED_WORD_CJK.test(plainHead(f.user.name)) || shiftLeadNamed(f.user.name.trim())) return true;
  // A desk's, a counter's, a room's or a training's word in Korean, Japanese or Chinese at a
  // desk's mailbox, and a desk's or a counter's word last in Turkish that the mailbox leaves out
  // (see `deskNamedCjk`, `deskWordLast`).
  if ((deskNamedCjk(f) || deskWordLast(f) || deskFirstViId(f)) && !personTitle(f, ctx)) return true;
  if (OFFICE_CJK.test(plainHead(f.user.name)) && OFFICE_MAILBOX.test(f.localPart ?? "")) return true;
  if (TEAM_CJK.test(plainHead(f.user.name)) && TEAM_MAILBOX.test(f.localPart ?? "")) return true;
  // A shop's, a showroom's, an atelier's or a factory office's account by its mailbox and its
  // name ("Boutique Via Montenapoleone" at `boutique.montenapoleone@`, "ブティック Isetan
  // Shinjuku" at `boutique.isetan@`, "Madison Avenue Store iPad" at `boutique.madison@`, "VP
  // Xưởng hungyen" at `vanphong.hungyen@`, "Kantor Pabrik bandung" at `admin.pabrik.bandung@`):
  // the staff on shift share it, or its tablet signs in. No person's mailbox starts with such a
  // place's word, but for a surname that is one (Loja, Tienda, Winkel, Kantor, Store), written
  // first: with it, only where the org knows enough given names to tell that none follows it
  // ("Loja Carlos 2" at `loja.carlos2@` is a person).
  if (placeAccount(f, ctx) || shopNamedByPlace(f, ctx)) return true;
  // So is a school's room or office, or a library's, by its name and its mailbox (see `institutionRoom`).
  if (institutionRoom(f, ctx)) return true;
  // So is a room's account or a help desk's, by its name before any note (see `ROOM_OF_USE`,
  // `HELP_DESK_FIRST`, `mesaFirst`), without a person's job title.
  if ((roomOfUse(f, ctx) || helpDeskFirst(f) || mesaFirst(f, ctx)) && !personTitle(f, ctx)) return true;
  // So is an account named for its owner at the mailbox of its note (see `noteMailbox`).
  if (noteMailbox(f, ctx)) return true;
  // An acceptance test's account by its address at a test environment's domain
  // (`usager.recette@recette.example.gouv.fr`, `buyer01@uat.example.com`) or its mailbox's first
  // word (`uat.abnahme07@`): testers share it.
  if (TEST_DOMAIN.test(f.user.email ?? "") || ACCEPTANCE_MAILBOX.test(f.localPart ?? "")) return true;
  // So is a test account (see `testAccountUse`).
  if (testAccountUse(f, ctx) !== null) return true;
  if (remitsJoined(f, ctx) || shiftNamed(f, ctx) || lineShift(f, ctx) || guestLogin(f) || numberedPool(f, ctx) || numberedDesk(f, ctx) || numberedSister(f, ctx)) return true;
  // A course's staff by its code ("STAT 240 Course Staff", "CS 101 TAs"): its instructors and
  // teaching assistants sign in by turns.
  if (f.user.name.length <= SHORT_NAME_MAX && COURSE_STAFF.test(f.user.name.trim())) return true;
  // Asked of most people's accounts: one look for any of the words first.
  if (!SHARED_HINT.test(f.user.name)) return signInsShared(f) && (departmentNamed(f, ctx) || roleNamed(f, ctx) || ownDepartmentNamed(f, ctx) || placeDesk(f, ctx) || deskAndPlace(f, ctx) || deskNounNamed(f, ctx)) && !personTitle(f, ctx);
  const name = f.user.name.trim();
  // The name before a note, without brackets: a person's name with their team after it ("Priya
  // Nair (Shared Services)", "Priya Nair - Shared Services", "Dr. Anna Müller – Gemeinschaftspraxis").
  const cut = NOTE_AFTER_NAME.exec(name);
  const head = nameHead(name);
  // An acceptance test's words in the name before any note say it whatever title was copied onto
  // it; the rest, only where no person's job title is on the account.
  if (personTitle(f, ctx)) return ACCEPTANCE_TEST.test(head);
  const says = SHARED_NOTE.test(name) || sharedNoteAbroad(name) || ((OFFICE_WORD_FIRST.test(head) || BUREAU_FIRST.test(head)) && !surnameFirst(f, head)) || ((ON_CALL_LAST.test(head) || ON_CALL_LAST_LOWER.test(head) || ON_CALL_FIRST.test(head)) && (ON_CALL_MAILBOX.test(f.localPart ?? "") || !(givenNameFirstWord(f, ctx) || surnameFirst(f, head)))) || (WARD_DESK.test(head) && WARD_MAILBOX.test(f.localPart ?? "")) || SHARED_WORD.test(head) || SHARED_MAILBOX_WORD.test(name) || buzonMailbox(f, name, ctx) || SHARED_WORD_ABROAD.test(head) || (ORTAK_LAST.test(head) && ortakMailbox(f)) || TEAM_NOTE.test(name) || (cut === null && TEAM_WORD_FIRST.test(head)) || demoAccount(f, head, ctx) || ARABIC_TEAM_FIRST.test(head) || TEST_ACCOUNT.test(name) || PENTEST_FIRST.test(head) || (signInsShared(f) && (departmentNamed(f, ctx) || roleNamed(f, ctx) || ownDepartmentNamed(f, ctx) || placeDesk(f, ctx) || deskAndPlace(f, ctx) || deskNounNamed(f, ctx))) || ((signInsShared(f) || waitingLogin(f, ctx)) && vendorLogin(f, ctx, head)) || LAB_WORD_FIRST.test(head) || DESK_COMPOUND_FIRST.test(head) || hallNumbered(f, ctx, head) || UNIT_WORD_FIRST.test(head) || DELIVERY_FIRST.test(head) || LAB_INSIDE.test(head) || STATION_FIRST.test(head) || (NUMBERED_SHOP.test(head) && (cut === null || shopNoteOfPlace(f, ctx, head, name.slice(cut.index)))) || poolNamed(f, ctx, head) || (cut === null && (((DEPOT_DESK.test(head) || TEAM_WORD_NAMED.test(head) || SITE_DESK.test(head)) && !labelledPerson(f, ctx)) || (SITE_DESK.test(head) && SITE_MAILBOX.test(f.localPart ?? "") && noGivenNameFirst(f, ctx))));
  return says || ACCEPTANCE_TEST.test(head);
}
/**
 * A queue's, a crew room's, a lost property office's or a login's name in English, a place, a code
 * or a number beside it ("Chat Queue – Pune" at `queue35.pune@`, "Collections Queue 3", "Crew Room
 * DXB" at `crewroom.dxb1@`, "JED T3 Lost & Found"), the noun in the name before any note, two to
 * six words, none a given name or a surname of the org's people (in an org that knows enough of
 * them), with no person's job title, at a mailbox that holds the noun, not after the first of two
 * words: asked only of an account several people sign in to (`signInsShared`). Not a person's
 * team after a dash ("Tupac Quispe - Collections Queue"), nor a surname at the person's own mailbox
 * ("Oksana Login" at `oksana.login@`, "Xiadani Queue"), found reviewed by a cold review; a desk's
 * name is `deskAndPlace`'s, whose guards keep people named with their desk ("Front Desk - Siobhan"
 * at `siobhan.frontdesk@`). Such queues and crew rooms of independent generators' BPO and airline
 * orgs were `human`.
 */
function deskNounNamed(f: AccountFeatures, ctx: RuleContext): boolean {
  if (f.localPart === null || f.user.name.length > SHORT_NAME_MAX) return false;
  // The name before any note: a person's team after a dash is theirs ("Xiomara Quispe - Service Desk").
  const head = nameHead(f.user.name);
  if (!DESK_NOUN_NAMED.test(head)) return false;
  const words = vocabularyWords(head);
  if (words.length < 2 || words.length > 6 || !noGivenNameIn(f, ctx) || anySurname(words, f, ctx) || personTitle(f, ctx)) return false;
  const tokens = mailboxWords(f.localPart);
  // A name of two words at a mailbox of its first word or its initial, then the noun: a person's
  // own ("Oksana Login" at `oksana.login@`, "Mikhail Login" at `m.login@`, "Xiadani Queue").
  const first = words[0] as string;
  if (words.length === 2 && (tokens[0] === first || tokens[0] === first[0])) return false;
  // The mailbox holds the desk's noun itself, alone or run into another word (`traveldesk`, `crewroom`).
  return tokens.some((token) => DESK_NOUN_TOKEN.test(token));
}
const DESK_NOUN_NAMED = /(?:^|\s)(?:queue|crew\s+room|lost\s*(?:&|and)\s*found|login)(?=\s|$)/i;
const DESK_NOUN_TOKEN = /(?:queue|crewroom|lostfound|login)\d*$/;
/**
 * A desk's or a training pool's numbered account: two to four words and a number last (a
 * contractor's tag in brackets first aside), at a mailbox where that number follows a desk's, a
 * counter's, a seat's or a training pool's word (`counter4.eldoret@` for "Eldoret Counter 4",
 * `induction03@` for "Induction User 03", `formation01@` for "Utilisateur formation 01",
 * `training3.weelumurra@`), with no token and no person's job title, none of the name's words a
 * given name of the org's people (in an org that knows enough of them), and no person's second
 * account. Its sister accounts may have made a surname of one of its words (Kullanıcısı, a user in
 * Turkish, of "Eğitim Kullanıcısı 01"), which the mailbox's shape outweighs. Tellers on shift and a course's trainees share it; such accounts were `human` in
 * four independent generators' orgs. A person's number follows their name in their mailbox
 * (`maria.lopez2@`, `till.becker2@` for Till Becker 2, `lina.haddad12@`), and a tester's own test
 * account is `testAccountUse`'s.
 */
function numberedDesk(f: AccountFeatures, ctx: RuleContext): boolean {
  if (f.localPart === null || f.user.name.length > SHORT_NAME_MAX || f.tokenCount > 0 || !ctx.vocabulary.knowsGivenNames()) return false;
  // A place's note in brackets after the number is the desk's too ("QC Counter 2 (Amata)").
  const found = NUMBERED_DESK.exec(f.user.name.trim().replace(LEADING_TAG, "").replace(TRAILING_NOTE, ""));
  if (found === null) return false;
  const words = vocabularyWords(found[1] as string);
  const number = found[2] as string;
  // One word is enough where it is a desk's or a course's own ("Szkolenie 01", "Treinamento 08").
  const lone = words.length === 1 && NUMBERED_DESK_WORD.test(foldLetters(words[0] as string));
  if ((words.length < 2 && !lone) || words.length > 4 || personTitle(f, ctx)) return false;
  // The mailbox holds the number after a desk's word, or after a word of its own beside one
  // (`opleiding.kraan02@` for "Opleiding Kraan 02", a crane course's trainees').
  const tokens = mailboxWords(f.localPart);
  const deskWordApart = tokens.length <= 3 && tokens.some((t) => NUMBERED_DESK_WORD.test(t));
  // Or the name's words run together before it, a desk's word first (`pelatihanjira03@` for
  // "Pelatihan Jira 03", a course's trainees'; not `rhodriposte2@` for Rhodri Poste 2).
  const folded = words.map(foldLetters);
  if (!tokens.some((t) => {
    const desk = DESK_AND_NUMBER.exec(t);
    return desk !== null && Number(desk[2]) === Number(number) && (NUMBERED_DESK_WORD.test(desk[1] as string) || deskWordApart || (desk[1] === folded.join("") && NUMBERED_DESK_WORD.test(folded[0] as string)));
  }))
    return false;
  // A counter's or a table's word that is a surname too: the mailbox holds none of the name's
  // other words that are no desk's or course's (nor their initials), a place's code aside
  // ("Kundencenter Theke 4" at `kc-theke4@`, "Balicí stůl 06" at `balici.stul06@`). Where it
  // does, it is a person's own second account, however the mailbox orders or adds to the name
  // ("Uwe Theke 2" at `uwe.theke2@`, `theke.uwe2@`, `ext.uwe.theke2@`; "Pieter de Balie 2"; "Kasse,
  // Birgit 2"), as two cold reviews found.
  if (folded.some((w) => NUMBERED_DESK_SURNAME.test(w))) {
    const others = folded.filter((w) => !NUMBERED_DESK_SURNAME.test(w) && !NUMBERED_DESK_WORD.test(w) && w.length > 1);
    const joined = others.join("");
    const bare = tokens.map((t) => t.replace(/\d+$/, ""));
    if (bare.some((t) => others.includes(t) || (t.length > 1 && t === joined) || (t.length === 1 && others.some((w) => w[0] === t)))) return false;
  }
  return !(ctx.vocabulary.secondAccount(f.user.name) || anyGivenName(words, f, ctx));
}
/**
 * One of a desk's numbered sisters: the one word before its number (see `numberedHead`), of four
 * letters or more, starts two other accounts' names or more, each another name with a number
 * ("Pakowanie 06 – Łódź" beside "Pakowanie 11 – Wrocław" and "Pakowanie 14", "Ventanilla 4 Santa
 * Fe" beside "Ventanilla 1 Polanco" and "Ventanilla 1 Lindavista"), at a mailbox that holds its number,
 * with no token and no person's job title, the word neither a given name nor a surname of the
 * org's people (in an org that knows enough of them), no person's second account, no tester's and
 * no tool's word: a packing station's or a teller's window's staff on shift share it, and that
 * looks like one person's use. Such accounts were `human` in two independent generators' orgs.
 * Not two words or more: a person's numbered accounts beside namesakes ("Budi Santoso 2" beside
 * Budi Santoso 1 and 3, "Wang Wei 2") teach no given name, their numbers stopping it, as a cold
 * review of a first version found. A tester's account is `testAccountUse`'s, a tool's numbered
 * sisters ("Zabbix 2") `automationIdentity`'s.
 */
function numberedSister(f: AccountFeatures, ctx: RuleContext): boolean {
  if (f.localPart === null || f.tokenCount > 0 || !ctx.vocabulary.knowsGivenNames()) return false;
  const found = numberedHead(f.user.name);
  const word = found !== null && found.words.length === 1 ? found.head : "";
  if (found === null || word.length < 4 || !mailboxHoldsNumber(f, found.number) || ctx.vocabulary.numberedSisters(word) < NUMBERED_SISTERS_MIN) return false;
  if (TEST_WHOLE_WORD.test(word) || ctx.vocabulary.givenNameCount(word, f.user) > 0 || ctx.vocabulary.surnameCount(word, f.user) > 0) return false;
  return !personTitle(f, ctx) && !ctx.vocabulary.secondAccount(f.user.name) && automationName(f, ctx) === null;
}
/**
 * A course's code (two to six capitals and its number) and its staff's word, or "Course Staff"
 * alone, a number after it aside: no person's name.
 */
const COURSE_STAFF = /^(?:\p{Lu}{2,6}\s*(?:-\s*)?\d{2,4}\p{Lu}?\s+(?:[Cc]ourse\s+)?(?:[Ss]taff|TAs?|[Tt]eaching\s+(?:[Ss]taff|[Tt]eam|[Aa]ssistants?)|[Ii]nstructors?|[Tt]eam)|[Cc]ourse\s+[Ss]taff)(?:\s+\d+)?$/u;
/** Distinct names, the account's own among them, with the word before their numbers. */
const NUMBERED_SISTERS_MIN = 3;
/**
 * A desk's, a counter's, a seat's or a training pool's word before a number in a mailbox, in the
 * name rules' languages (a counter's: Theke, Loket, Balie, Ventanilla, Sportello, Okienko, Caisse,
 * Kasse, "Kundencenter Theke 4" at `kc-theke4@`; a packing table's or station's in Czech, Slovak
 * and Polish, "Balicí stůl 06" at `balici.stul06@`, "Stanowisko pakowania 04" at `pakowanie04@`;
 * a course's in Danish, Norwegian, Dutch, Slovak and Japanese romaji, "Undervisning 32", "Scholing
 * EPD 20", "Oefenaccount Verpleegkunde 06", "Školenie 05"); not a till's or a teller's words that are names
 * too (Till, Kassa, Caja, Kasa, Teller, Kurs: "Hüseyin Kasa 2" at `huseyin.kasa2@`).
 */
const NUMBERED_DESK_WORD =
  /^(?:counter|desk|guichet|schalter|poste|station|seat|room|lab|user|users|utilisateur|usuario|benutzer|utente|kullanici|training|trainee|induction|onboarding|formation|schulung|capacitacion|treinamento|formacao|formacion|formazione|opleiding|szkolenie|koulutus|utbildning|opplaering|uddannelse|skoleni|egitim|stajyer|pelatihan|latihan|nesting|cashier|kiosk|terminal|theke|kasse|loket|balie|ventanilla|sportello|okienko|caisse|stul|stol|stanowisko|pakowanie|pakowania|balici|baliaci|undervisning|scholing|oefen|oefenaccount|skolenie)$/;
/** Words, then a number of one to three digits last, leading zeros aside ("Counter 4", "Induction User 03", "Poste Soir #2"). */
const NUMBERED_DESK = /^(.*?\p{L}.*?)[\s#.-]+0*(\d{1,3})$/u;
/** A mailbox's word and the number after it (`counter4`, `induction03`). */
const DESK_AND_NUMBER = /^(\D+?)(\d+)$/;
/** Counters' and tables' words of `NUMBERED_DESK_WORD` that are surnames too (Theke, Kasse, Loket, Balie, Stol, Sportello, Caisse). */
const NUMBERED_DESK_SURNAME = /^(?:theke|kasse|loket|balie|stol|stul|sportello|caisse|ventanilla|okienko)$/;
/** A note in brackets last in a name, white space before it ("QC Counter 2 (Amata)"): found by one look from the end. */
const TRAILING_NOTE = /\s\([^()]{1,40}\)$/;
/**
 * A pool's numbered account: one word and a number, the word neither a given name nor a surname
 * of the org's people (in an org that knows enough of them to tell), at a mailbox that starts as
 * the name does and holds its number ("Schulung 02" at `schulung02@`, "Sommervikar 3", "Afløser
 * 5" at `afloeser5@`, "Kurs 03"): a course's trainees or the summer's temps share it, one at a
 * time, which looks like one person's use. Such accounts were `human` in two independent
 * generators' orgs. Not a person's duplicate account ("Nguyen 2", "Mohammed 3" where the org's
 * people are named so; two words, "Xochitl Quispe 2" at `xochitlquispe2@`, are a person's as
 * often, and are left), nor beside a person's job title, an API token ("Prüfstand 1": a script's
 * to review), a job's word or a name like automation's ("Backup 2": `automationIdentity`'s), nor a
 * tester's ("Test 2": `testAccountUse`'s to judge).
 */
function numberedPool(f: AccountFeatures, ctx: RuleContext): boolean {
  // A long name is no pool's, and the pattern backtracks over a long run of letters.
  const found = f.localPart === null || f.user.name.length > SHORT_NAME_MAX ? null : NUMBERED_POOL.exec(f.user.name.trim());
  if (found === null || f.tokenCount > 0 || ctx.vocabulary.givenNames() < KNOWN_GIVEN_NAMES || enrolledAsPerson(f)) return false;
  const word = plainLetters(found[1] as string).toLowerCase();
  const start = word.replace(/[^a-z]/g, "").slice(0, 3);
  const letters = plainMailbox(f.localPart as string).replace(/[^a-z]/g, "");
  if (start.length < 3 || !letters.startsWith(start) || !mailboxHoldsNumber(f, Number(found[2])) || TEST_WHOLE_WORD.test(word)) return false;
  return ctx.vocabulary.givenNameCount(word, f.user) === 0 && ctx.vocabulary.surnameCount(word, f.user) === 0 && !jobWord(word, ctx) && !personTitle(f, ctx) && automationName(f, ctx) === null;
}
/** One word of letters, four or more, and a number of one to three digits last. */
const NUMBERED_POOL = /^(\p{L}{4,}[\p{L}'-]*)\s+#?(\d{1,3})$/u;

/**
 * Two parties joined by an ampersand, at a mailbox of one of their words: two remits of a team
 * ("Disputes & Chargebacks" at `disputes@`, "Exams & Assessment" at `exams@`), two people ("Kwame &
 * Ama Mensah" at `mensah@`) or a firm ("Smith & Jones" at `smith@`). More than one person signs in
 * to it, one at a time, and that looks like one person's use: such desks were `human` in two
 * independent generators' orgs. Not an account with a person's job title.
 */
function remitsJoined(f: AccountFeatures, ctx: RuleContext): boolean {
  if (f.localPart === null || !f.user.name.includes("&") || !REMITS_JOINED.test(f.user.name.trim()) || personTitle(f, ctx)) return false;
  return mailboxHolds(f.localPart, vocabularyWords(f.user.name).map(foldLetters));
}
/** A word of the mailbox is one of `words`, or starts one or with one, at four letters or more (`nacht` for "Nachtschicht"). */
function mailboxHolds(localPart: string, words: readonly string[]): boolean {
  return mailboxWords(localPart).map(foldLetters).some((t) => words.some((w) => t === w || (Math.min(t.length, w.length) >= 4 && (t.startsWith(w) || w.startsWith(t)))));
}
/**
 * A shift's account named for the shift, before any note, at a mailbox that holds the shift's
 * word ("Prüffeld Nachtschicht" at `prueffeld.nacht@`, "DocPro Night Shift" at
 * `docpro.nightshift@`, "Zmiana Nocna Bielany" at `zmiana.nocna.bielany@`): whoever is on that
 * shift signs in to it, one at a time, and that looks like one person's use. Such accounts were
 * `human` in four independent generators' orgs. Not a person who wrote their shift after their
 * name at their own mailbox (Kwame Mensah Night Shift at `kwame.mensah@`), nor where a word of the
 * name is a given name of the org's people, nor beside a person's job title; Zmiana and Zmiany are
 * surnames too, a shift's only before another word.
 */
function shiftNamed(f: AccountFeatures, ctx: RuleContext): boolean {
  if (f.localPart === null) return false;
  const shift = SHIFT_NAMED.exec(nameHead(f.user.name));
  if (shift === null || !noGivenNameIn(f, ctx) || personTitle(f, ctx)) return false;
  return mailboxHolds(f.localPart, vocabularyWords(shift[0]).map(foldLetters).filter((w) => !SHIFT_FILLER.test(w)));
}
/**
 * A production line's, a cell's or a desk's account named with its shift after a dash ("Line SMT
 * 10 - Ca 1", "Line SMT 10 - Shift A", "ไลน์ SMT 2 - กะเช้า"): each crew signs in to it on its
 * shift. The name before the dash holds a number and no given name of the org's people, the
 * mailbox holds one of its words and is no person's of them, and there is no person's job title:
 * a person writes no number in their name, and a person's shift after their name is at their own
 * mailbox.
 */
function lineShift(f: AccountFeatures, ctx: RuleContext): boolean {
  if (f.localPart === null) return false;
  const name = f.user.name.trim();
  const dash = noteDash(name, true);
  if (dash < 0 || !SHIFT_TAG.test(name.slice(dash + 1).trim())) return false;
  const head = name.slice(0, dash);
  // A number: a surname in capitals is no line's code ("DUPONT Jean - Équipe A").
  if (!/\d/.test(head)) return false;
  const words = vocabularyWords(head);
  if (words.length === 0 || anyGivenName(words, f, ctx) || personTitle(f, ctx) || personMailboxOfName(f, words)) return false;
  // A code and its number run together count as one word (`smt2` for "ไลน์ SMT 2").
  const written = head.trim().split(/\s+/).map(foldLetters);
  return mailboxHolds(f.localPart, [...words.map(foldLetters), ...written.slice(1).map((w, i) => `${written[i] as string}${w}`)]);
}
/** Other names in two languages that start with a half's first word, for a desk's sisters: two people may share a given name ("Rhodri Evans / Reception" beside Rhodri Williams). */
const BILINGUAL_SISTERS_MIN = 2;
/** A shift's letter or number, or a Thai shift's name, after the name's last dash. */
const SHIFT_TAG = /^(?:(?:shift|ca|k[ií]p|turno|schicht|[ée]quipe|ploeg|zmiana|vardiya|smena)\s*[A-D1-4]|[A-D1-4]-?shift|กะ(?:เช้า|บ่าย|ดึก|กลางคืน|กลางวัน|\s*[A-D1-3]))$/iu;
/**
 * A customer's or an auditor's visit login: a guest's or a visitor's word in the name and first in
 * the mailbox ("Daesung Audit Guest" at `guest.daesung@`, "Kaneda QA Visitor" at `guest.kaneda@`,
 * "Khách hàng Daesung" at `guest.daesung@`): whoever comes on the visit signs in to it.
 */
function guestLogin(f: AccountFeatures): boolean {
  // Three words or more: "Ronan Guest" at `guest.ronan@` and "Hendrik Gast" are people's names.
  return f.localPart !== null && GUEST_MAILBOX.test(f.localPart) && f.user.name.trim().split(/\s+/).length >= 3 && GUEST_WORD.test(f.user.name);
}
const GUEST_MAILBOX = /^(?:guests?|visitors?|gast|besucher|invites?)[._-]/i;
const GUEST_WORD = /(?:^|[^\p{L}])(?:guests?|visitors?|gast|g[äa]ste|besucher|invit[ée]s?|kh[áa]ch(?:\s+h[àa]ng)?)(?:$|[^\p{L}])/iu;
/** A shift's name: a night's, a late or an early one, in the role words' languages. */
const SHIFT_NAMED = /(?:^|[^\p{L}])(?:(?:night|late|early|day|evening|weekend)[\s-]?shifts?|(?:nacht|sp[äa]t|spaet|fr[üu]h|frueh|wochenend)schicht|zmian[ay](?=\s+\p{L})|nocna\s+zmiana|turno\s+(?:de\s+|da\s+)?(?:noche|nocturno|noturno|noite|tarde|ma[ñn]ana)|[ée]quipe\s+de\s+nuit|nachtdienst|nattskift|yövuoro)(?:$|[^\p{L}])/iu;
/** Words of a shift's name that no mailbox holds for it. */
const SHIFT_FILLER = /^(?:shifts?|de|da)$/;
/** One to three words, an ampersand between spaces, one to three words. */
const REMITS_JOINED = /^\p{L}[\p{L}'-]*(?:\s+\p{L}[\p{L}'-]*){0,2}(?<=\p{L}{2})\s+&\s+(?=\p{L}{2})\p{L}[\p{L}'-]*(?:\s+\p{L}[\p{L}'-]*){0,2}$/u;
/** The mailbox holds neither "ortak" nor the display name's first word (`ORTAK_LAST`). */
function ortakMailbox(f: AccountFeatures): boolean {
  if (f.localPart === null) return false;
  const mailbox = foldLetters(f.localPart);
  const first = foldLetters(f.user.name.trim().split(/\s+/)[0] ?? "");
  return !mailbox.includes("ortak") && (first === "" || !mailbox.includes(first));
}
/**
 * A lead's role named with its shift ("Line Leader Rayong B-shift", "Líder de Línea Turno 2",
 * "ライン長 安城工場 1直"): the account each shift's lead signs in to in turn. No person is named for a
 * shift; a person's name with a shift's note leads with the given name, not the role.
 */
export function shiftLeadNamed(name: string): boolean {
  if (SHIFT_LEAD_OF_SHIFT.test(name)) {
    // A note after a dash is the site's ("- Xưởng 3", "- RY"), not the lead's name ("Trưởng ca 1 - Nguyễn Văn An").
    const dash = noteDash(name);
    return dash < 0 || SITE_NOTE.test(name.slice(dash + 1).trim());
  }
  return !NOTE_AFTER_NAME.test(name) && SHIFT_LEAD_FIRST.test(name) && SHIFT_LAST.test(name);
}
/** A shift's lead named for the shift in Vietnamese or Thai, first ("Trưởng ca đêm - Xưởng 3", "Tổ trưởng ca đêm", "หัวหน้ากะเช้า"). */
const SHIFT_LEAD_OF_SHIFT = /^(?:(?:tổ\s+)?trưởng\s+ca\s+(?:đêm|ngày|sáng|chiều|tối|\d)|หัวหน้ากะ(?:เช้า|บ่าย|ดึก|กลางคืน|กลางวัน))/iu;
/** A site's note: a word and a number, or a code in capitals ("Xưởng 3", "RY"). */
const SITE_NOTE = /^(?:\p{L}+\s+\d{1,3}|\p{Lu}{2,4})$/u;
const SHIFT_LEAD_FIRST = /^(?:line\s+lead(?:er)?|shift\s+(?:lead(?:er)?|supervisor)|team\s+lead(?:er)?|supervisor|foreman|l[ií]der|jefe|encargad[oa]|vorarbeiter|schicht(?:f[üu]hrer|leiter)|chef\s+d'[ée]quipe|ライン長|班長|組長|職長|工長|リーダー)(?:\s|$)/iu;
/**
 * A shift's letter or number ending the name, a copy's number after it aside: "B-shift", "Shift 2",
 * "Turno 2_2", "Schicht A", "1直", "B直" (not 直 in a given name, 直樹; nor a shift before a
 * person's name, "Team Lead Shift A Maria Lopez").
 */
const SHIFT_LAST = /(?:^|[^\p{L}\d])(?:[a-d1-4]-?shift|shift[\s_-]*[a-d1-4]|turno\s*[a-d1-4]|schicht\s*[a-d1-4]|[1-3a-d１-３ａ-ｄ]\s*直)(?:[\s_-]*\d{1,2})?$/iu;
/**
 * A display name that is one of the org's departments or teams, in the org's own words: its first
 * word stands in `DEPARTMENT_WORD_MIN` departments or job titles of other accounts or more and
 * starts no other account's name, and another of its words is the org's too or a team's noun
 * ("Nursing Education", "Credentialing Office", "Supply Chain Requests", "Commercial Team
 * Sohar"). No person is so named: a given name starts other people's names and stands in no
 * department. The name is a whole department of the org's, its words the org's outside it too,
 * or holds a team's noun: two of the org's words alone may be a person's names (Mercy Grant
 * beside "Mercy Nursing" and "Grant Pharmacy"), and a department may be a manager's name (Grant
 * Mercer). Not a role's title, whose last word ends the org's job titles ("Chief Engineer -
 * JEA", held by one person at a time); not a name written surname first; not where another of
 * the name's words starts other names; and only at a mailbox of the name's words alone.
 */
export function departmentNamed(f: AccountFeatures, ctx: RuleContext): boolean {
  const head = nameHead(f.user.name);
  const words = vocabularyWords(head);
  if (words.length < 2 || words.length > 4 || (words[0] as string).length < 4 || surnameFirst(f, head)) return false;
  // The mailbox first, as most accounts that get here are people's at their own: a mailbox of
  // the name's words alone, run together or cut short (`clininformatics@`, `pa.training@`), a
  // site's code of three letters at most aside (`nursingeducation.evv@`); a person's own holds
  // other words (`maria.santos@` for "Supply Chain"). Not one shaped as a person's (`grace.ward@`,
  // `gward@`, `grace.n@`: Grace Ward is a ward in one org and a nurse in the next), unless its
  // words are joined by hyphens, a team's way (`nursing-education@`).
  if (f.localPart !== null) {
    const tokens = mailboxWords(f.localPart);
    const spelled = tokens.filter((t) => cutShortFrom(t, words));
    if (spelled.length === 0 || !tokens.every((t) => spelled.includes(t) || t.length <= 3) || (!hyphenJoinedMailbox(f, head) && personShaped(tokens, words))) return false;
  }
  const [first, ...rest] = words as [string, ...string[]];
  const joined = words.join(" ");
  // The org's words outside any department named as this account is (a team's own, or a
  // manager's name where a directory writes the team as its head's: Grant Mercer).
  const named = ctx.vocabulary.departmentCount(joined);
  const ownDepartment = vocabularyWords(f.user.department ?? "").join(" ");
  const own = new Set(vocabularyWords(`${ownDepartment === joined ? "" : ownDepartment} ${f.user.jobTitle ?? ""}`));
  const work = (w: string): number => ctx.vocabulary.workWordCount(w) - named - (own.has(w) ? 1 : 0);
  if (work(first) < DEPARTMENT_WORD_MIN || ctx.vocabulary.givenNameCount(first, f.user) > 0) return false;
  // A role's title, its noun last, is one person's at a time ("Chief Engineer - JEA").
  const last = rest[rest.length - 1] as string;
  if (!TEAM_NOUN_WORD.test(last) && ctx.vocabulary.titleEndCount(last) >= DEPARTMENT_WORD_MIN) return false;
  // A whole department of the org's whose words the org uses elsewhere too, or a team's noun after
  // the org's word: two of the org's words alone may be a person's given name and surname (Mercy
  // Grant beside a "Mercy Nursing" and a "Grant Pharmacy").
  const department = named >= DEPARTMENT_WORD_MIN && rest.every((w) => work(w) >= 1 || TEAM_NOUN_WORD.test(w));
  if (!department && !rest.some((w) => TEAM_NOUN_WORD.test(w))) return false;
  return !rest.some((w) => work(w) < DEPARTMENT_WORD_MIN && !TEAM_NOUN_WORD.test(w) && ctx.vocabulary.givenNameCount(w, f.user) > 0);
}
/**
 * A field office's or a branch's desk named by its place, or its programme, and by what it keeps
 * ("Bentiu Warehouse" at `bentiu.warehouse@`, "Kutupalong Health Post" at `ktp.healthpost@`,
 * "Emergency Response Roster" at `err.roster@`, "Kano Region Ops" at `kano.region.ops@`, "Aden
 * Cash Desk" at `aden.cash@`, "Nairobi Travel Desk" at `travel.nairobi@`), or by what it does, a
 * desk's word and its place ("BM Desk Vashi" at `bm.vashi@`, "ECN Desk Chengdu" at `ecn.ctu@`):
 * whoever is on duty there signs in, and its use looks like one person's. Asked only of accounts
 * that several people sign in to (`signInsShared`). 49 such desks of an independent generator's
 * humanitarian orgs were `human`: the first word is a place, not one of the org's work words
 * (`departmentNamed`).
 *
 * What it keeps is a word no person is named for (`PLACE_DESK_LAST`; not Cash, Fleet or Store,
 * surnames too), last, or a desk's word stands before the place (`DESK_BEFORE_PLACE`), in two to
 * five words of which none is a given name of the org's people, in an org that knows enough of
 * them, with no person's job title and no note after the name. The mailbox spells the name's words
 * only, cut short or run together, or codes of two or three letters (`ktp`, `ctu`, `ops`), and it
 * holds what the desk keeps, or after a desk's word what the desk does, a work's word
 * (`deskWork`); before a desk's word, what it does is a work's word or a code in capitals and the
 * mailbox holds the place or a code. Not a person's name and their department's word at their own
 * mailbox ("Priya Nair Admin" at `priya.nair@`, "Chris Hansen HR Desk" at `chris.hansen@`).
 */
function placeDesk(f: AccountFeatures, ctx: RuleContext): boolean {
  if (f.localPart === null) return false;
  const head = nameHead(f.user.name);
  if (head !== f.user.name.replace(/\s+/g, " ").trim()) return false;
  // The lists are matched unfolded ("guesthouse", "logistique"), the mailbox against folded words.
  const plain = vocabularyWords(head);
  const words = plain.map(foldLetters);
  const lastTwo = plain.slice(-2).join(" ");
  const keeps = PLACE_DESK_LAST.test(lastTwo) && !GENERIC_DESK_LAST.test(lastTwo);
  const before = !keeps && DESK_BEFORE_PLACE.exec(head);
  if ((!keeps && !before) || words.length < 2 || words.length > 5 || !noGivenNameIn(f, ctx) || personTitle(f, ctx)) return false;
  const tokens = mailboxWords(f.localPart).map(foldLetters);
  const spelled = tokens.filter((t) => (t.length >= 4 && cutShortFrom(t, words)) || words.includes(t));
  if (tokens.length < 2 || spelled.length === 0 || !tokens.every((t) => spelled.includes(t) || PLACE_CODE_TOKEN.test(t))) return false;
  // A word is in the mailbox whole, cut short (four letters or more), or run together with another
  // of the name's (`healthpost`, `cashdesk`); not inside a person's name (`chris` for HR, `cooper`
  // for Operations, `plant` for Planning, `travers` for Travel, `washington` for WASH).
  const inMailbox = (w: string): boolean => tokens.some((t) => t === w || (t.length >= 4 && w.startsWith(t)) || (t.length > w.length && !words.includes(t) && cutShortFrom(t, words) && (t.startsWith(w) || t.endsWith(w))) || (w === "operations" && t === "ops"));
  if (before) {
    // What the desk does before its word, a code in capitals or a work's word ("BM Desk Vashi",
    // "IT Service Desk Bengaluru"), and its place after it in the mailbox, or a code of two or
    // three letters other than the desk's (`itservicedesk.ork@` for "IT Service Desk Cork"): not
    // "Tomás Desk Lopez" at `tomas.desk@`, nor "Rahul Station Manager" at `rahul.station@`.
    const does = (before[1] as string).trim().split(" ");
    const place = vocabularyWords(head.slice((before.index ?? 0) + before[0].length - 1)).map(foldLetters);
    const doesWords = vocabularyWords(does.join(" ")).map(foldLetters);
    return does.every((w) => deskWork(w, ctx)) && (place.some(inMailbox) || tokens.some((t) => PLACE_CODE_TOKEN.test(t) && !doesWords.includes(t)));
  }
  // What it keeps is in the mailbox (`bentiu.warehouse@`), or, after a desk's word, what the desk
  // does (`aden.cash@` for "Aden Cash Desk", `travel.nairobi@`): not "Priya Nair Admin" at
  // `priya.nair@`, nor "Tunde Bakare Desk" at `tunde.bakare@`, a person's role after their name.
  const keep = plain[plain.length - 1] as string;
  const does = plain[plain.length - 2] ?? "";
  // A given name and Admin is a person's second account for administration ("Deepa Admin" at
  // `deepa.admin@`), as often as a place's office.
  if (plain.length === 2 && /^admin(?:istration)?$/.test(keep)) return false;
  const kept = inMailbox(foldLetters(keep)) || (DESK_WORD_ONLY.test(keep) && deskWork(written(head, plain.length - 2), ctx) && inMailbox(foldLetters(does)));
  if (!kept) return false;
  // A person's two names first, the second left out of the mailbox ("Xiadani Quispe Cash Desk" at
  // `xiadani.cashdesk@`); a code in capitals or a branch's word is no name ("LAC Emergency
  // Roster" at `lac.roster@`). Initials that start with both count as both (`err.roster@` for
  // "Emergency Response Roster").
  const names = head.split(" ");
  const first = foldLetters(names[0] as string);
  const second = foldLetters(names[1] ?? "");
  const secondInMailbox = tokens.some((t) => t.includes(second.slice(0, 4)) || (t.length <= 3 && t[0] === first[0] && t[1] === second[0]));
  return !(names.length >= 3 && NAME_CASE.test(names[0] as string) && NAME_CASE.test(names[1] as string) && !DESK_WORD_ONLY.test(second) && !secondInMailbox);
}
/**
 * A desk named by its word and its place, a dash between them or not ("Front Desk - London" at
 * `frontdesklondon@`, "IT Helpdesk Toronto" at `ithelpdesktoronto@`, "Dublin Newsdesk" at
 * `dublin.newsdesk@`, "JP Pct 1 Front Counter" at `jp1.counter@`, "Pecan Grove Branch -
 * Circulation" at `circ.pecangrove@`): whoever is on duty signs in, and its use looks like one
 * person's. Asked only of accounts that several people sign in to (`signInsShared`). Such desks
 * were `human` in seven independent generators' orgs: a word after the desk's, or a dash, hid the
 * team's noun (`teamNamed`), and a place that is no keeper's word hid the place's desk
 * (`placeDesk`).
 *
 * The desk's word (`DESK_NOUN`) with what the desk does before it (`deskWork`: "Front", "IT",
 * "Recording", a code in capitals first in the name) and its place, up to three words before or
 * one after, two to six words in all, none a given name of the org's people (in an org that knows
 * enough of them), none after the desk's word a role's or a job's ("Counter Agent Lisbon"), with
 * no person's job title, not all in capitals. The mailbox spells only the name's words and holds
 * the desk's word or what it does. Each guard below keeps a person's name and their desk a
 * person's, as two cold reviews found them: "Priya NAIR - Front Desk", "Kwabena Newsdesk",
 * "Reception - Sarah", "Front Desk - Priya Nair", "Nair Newsdesk" beside a Rahul Nair, "Joana da
 * Silva Front Desk", "Mary Ann Service Desk" at `maryann.servicedesk@`.
 */
function deskAndPlace(f: AccountFeatures, ctx: RuleContext): boolean {
  // A name in capitals alone hides which word is a code and which a surname ("PRIYA NAIR FRONT DESK").
  if (f.localPart === null || !signInsShared(f) || !DESK_NOUN.test(f.user.name) || /[([/|·@,]/u.test(f.user.name) || !/\p{Ll}/u.test(f.user.name)) return false;
  // Blanks collapsed first: a dash's look for blanks around it, over a long run of them, is quadratic.
  const spaced = f.user.name.replace(/\s+/g, " ").trim();
  const name = spaced.replace(/ [-–—:] /gu, " ").replace(/ \d{1,2}$/, "");
  const found = DESK_NOUN.exec(name);
  if (found === null || !noGivenNameIn(f, ctx) || personTitle(f, ctx)) return false;
  const dashed = / [-–—:] /u.test(spaced);
  const all = name.split(" ");
  const at = name.slice(0, found.index).split(" ").filter((w) => w !== "").length;
  // What the desk does right before its word, its place before that or after the desk's word. A
  // code in capitals does only first in the name ("IT Helpdesk Toronto", "BM Desk Vashi"): after
  // another word it is a surname or initials as often ("Priya NAIR Front Desk", "Nair PK Reception").
  let start = at;
  while (start > 0 && deskWork(all[start - 1] as string, ctx) && (start === 1 || !CAPS_CODE.test(all[start - 1] as string))) start--;
  const before = all.slice(0, start);
  const after = all.slice(at + 1);
  // One word at most after the desk's: two are a person's names as often ("Front Desk - Priya Nair").
  if (all.length < 2 || all.length > 6 || before.length + after.length > 3 || after.length > 1 || (before.length > 0 && after.length > 0)) return false;
  // With no place, what the desk does in words, not a code alone ("DJ Newsdesk" is DJ's).
  if (before.length + after.length === 0 && vocabularyWords(all.filter((w) => !CAPS_CODE.test(w)).join(" ")).length < 2) return false;
  if (after.some((w) => ROLE_AFTER_ROOM.test(w) || DESK_ROLE_AFTER.test(w) || jobWord(w, ctx))) return false;
  // With a dash, where a holder's name may follow or come first, a place is no surname of the
  // org's people ("Helpdesk - Sharma" at `sharma@`, "Sharma - Helpdesk", a person's).
  if (dashed && anySurname(vocabularyWords([...before, ...after].join(" ")), f, ctx)) return false;
  // A place of one word beside the desk's word alone, after a dash or beside a front desk's or a
  // help desk's words is one the org's other accounts hold too, in their names or mailboxes (other
  // desks of "Dublin", a "Helsinki" team): where a person's name and their desk are written so, a
  // given name that no one else in the org has is only theirs ("Kwabena Newsdesk", "Reception -
  // Sarah", "Front Desk - Priya", "Aaliyah Front Desk 2"). The other accounts hold it as no
  // surname: "Okafor Newsdesk" beside a Rahul Okafor is a person's, "Dublin Newsdesk" beside a
  // "Dublin Gallery" a desk.
  const generic = all.length <= 2 || dashed || GENERIC_DESK.test(all.slice(start, at + 1).join(" "));
  if (generic && before.length + after.length === 1 && vocabularyWords([...before, ...after].join(" ")).some((w) => ctx.vocabulary.accountsHolding(w) < 2 + ctx.vocabulary.surnameCount(w, f.user))) return false;
  const words = vocabularyWords(name).map(foldLetters);
  const reception = FRONT_DESK_KEY.test(foldLetters(all[at] as string)) || /(?:^|\s)front\s+desk$/i.test(all.slice(0, at + 1).join(" "));
  // A number in the mailbox aside (`jp1.counter@`); a word may be cut short to four letters or more
  // (`circ.riovista@`), and two or three letters may be the initials of words in a row
  // (`cc.recording@` for "County Clerk Recording Counter").
  const tokens = mailboxWords(f.localPart).map((t) => foldLetters(t).replace(/\d+/g, "")).filter((t) => t !== "");
  const initials = (t: string): boolean => t.length <= 3 && words.some((_, i) => words.slice(i, i + t.length).map((w) => w[0]).join("") === t);
  if (tokens.length === 0 || !tokens.every((t) => spellsNameWords(t, words) || (t.length >= 4 && words.some((w) => w.startsWith(t))) || (t.length >= 2 && initials(t)) || (reception && FRONT_DESK_KEY.test(t)))) return false;
  // The mailbox holds the desk's word or what it does, not only its place: "Oluwaseun Adeyemi -
  // Help Desk" at `oluwaseun.adeyemi@` is a person with their team after their name, where the
  // org has no other Oluwaseun.
  // Run together with another word (`frontdesklondon`), never inside a person's name
  // (`grace.washington@` for "Grace Washington WASH Desk").
  const desk = vocabularyWords(all.slice(start, at + 1).join(" ")).map(foldLetters);
  const holdsDesk = (t: string): boolean => desk.some((w) => t === w || (w.length >= 3 && t.includes(w) && !words.includes(t)) || (t.length >= 4 && w.startsWith(t))) || (reception && FRONT_DESK_KEY.test(t));
  if (!tokens.some(holdsDesk)) return false;
  // The mailbox starts with the desk or its place, not with a word after the desk's: "Reception -
  // Sarah" at `sarah.reception@` is Sarah's.
  const first = tokens[0] as string;
  if (after.some((w) => { const v = foldLetters(w); return v.length >= 2 && first.startsWith(v.slice(0, 4)); })) return false;
  // Two words or more before the desk, with no particle of a person's name among them ("Joana da
  // Silva Front Desk" at `frontdesk.joana@`), the mailbox starting with them, are a place only
  // with a place's own word among them, none a surname as often ("South Annex Counter", "JP Pct 1
  // Front Counter"; not Ward, Tower or Station, nor a number: "Tiago 2 Front Desk"): else a
  // person's names ("Mary Ann Service Desk" at `maryann.servicedesk@`).
  if (before.length < 2) return true;
  if (before.some((w) => SURNAME_PARTICLE.test(w)) || (!holdsDesk(first) && !before.some((w) => PLACE_KIND.test(w)))) return false;
  // A person's two names first, the first left out of the mailbox ("Priya Nair - Front Desk" at
  // `frontdesk.nair@`, "OKAFOR Chidi Front Desk" at `frontdesk.chidi@`)...
  if (!tokens.some((t) => t.includes(foldLetters(before[0] as string).slice(0, 4)) || (t.length <= 3 && initials(t)))) return false;
  // ...or the second ("Xiadani Quispe Help Desk" at `xiadani.helpdesk@`, "Chidi OKAFOR Front
  // Desk" at `frontdesk.chidi@`; not "Panama Hub Front Desk" at `frontdesk.panama@`).
  const second = vocabularyWords(before[1] as string).map(foldLetters).join("");
  return !(/^\p{Lu}/u.test(before[0] as string) && /^\p{Lu}/u.test(before[1] as string) && !DESK_WORD_ONLY.test(second) && !PLACE_KIND.test(second) && !tokens.some((t) => t.includes(second.slice(0, 4))));
}
/** A front desk's or a help desk's words alone, the desks a person's name is most often written beside. */
const GENERIC_DESK = /^(?:(?:IT\s+)?(?:front|help|service)\s+desk|(?:IT\s+)?(?:help|service)-?desk|frontdesk|r[ée]ception|recep[cç][aã]o|recepci[oó]n|recepcja|receptie|rezeption|empfang|vastaanotto)$/iu;
/** A code in capitals for what a desk does, or for its place ("IT", "BM", "ECN", "WIC"). */
const CAPS_CODE = /^\p{Lu}{2,5}$/u;
/** A place's own word, of a branch, a site or a building ("Pecan Grove Branch", "South Annex", "Panama Hub"). */
const PLACE_KIND = /^(?:branch|annex|hub|campus|centre|center|clinic|terminal|mall|pct|precinct|unidade|hq)$/i;
/** A desk's word, as a display name writes it last of what the desk does, or a front desk's. */
const DESK_NOUN = /(?:^|\s)(?:desk|helpdesk|help-desk|servicedesk|service-desk|newsdesk|frontdesk|counter|switchboard|circulation|r[ée]ception|recep[cç][aã]o|recepci[oó]n|recepcja|receptie|rezeption|empfang|vastaanotto)(?=\s|$)/iu;
/** A person's role after a desk's word, beside `ROLE_AFTER_ROOM`'s ("Desk Editor", "Counter Agent"). */
const DESK_ROLE_AFTER = /^(?:editors?|agents?|analysts?|associates?|executives?|specialists?|engineers?|operators?|receptionists?|cashiers?|heads?|chiefs?|director|team|staff)$/i;
/** The `index`th of `plain`'s words as the name writes it, or "" (a word split by an apostrophe aside). */
function written(head: string, index: number): string {
  const words = head.split(" ");
  return words.length === vocabularyWords(head).length ? (words[index] ?? "") : "";
}
/** A word for what a desk does: a code in capitals, a job's, a role's or a desk's own word, or a word of the org's departments and titles. */
function deskWork(word: string, ctx: RuleContext): boolean {
  if (CAPS_CODE.test(word)) return true;
  const w = vocabularyWords(word)[0];
  if (w === undefined) return false;
  return DESK_FUNCTION.test(w) || PLACE_DESK_LAST.test(w) || jobWord(word, ctx) || ctx.matchers.roleMailbox.test(foldLetters(w)) || ctx.vocabulary.workWordCount(w) >= DEPARTMENT_WORD_MIN;
}
/** What a desk does, before its word ("Cash Desk", "Travel Desk", "Customs Desk", "Parts Counter"). */
const DESK_FUNCTION = /^(?:cash|travel|security|protection|remote|front|help|service|duty|parts|customs|records|planning|conflicts|picture|sport|news|foreign|business|trading|warranty|estimating|dispatch|despatch|goods|stores|receiving|shipping|claims|payments|treasury|loans?|credit|credito|chargebacks|disputes|settlements|collections|quality|wash|branch|ops|operations)$/;
/** A desk's last words that say nothing of what it keeps: a person's role as often, after their name. */
const GENERIC_DESK_LAST = /(?:^|\s)(?:front|service|help|it|info|reception)\s+desk$|(?:^|\s)(?:frontdesk|helpdesk|servicedesk)$/;
/** A word of a desk's name, a branch's or a desk's kind, that its mailbox may leave out. */
const DESK_WORD_ONLY = /^(?:desk|counter|station|hub|store|post|office|branch|ops|operations|front|service|help|cash|hotline)$/;
/**
 * What a field office's or a region's desk keeps or does, last in its name: a warehouse, a
 * clinic, a pharmacy, a guesthouse, a hotline, a roster, its logistics, its payroll, its
 * distribution, its admin, its operations, its planning, a desk (a cash desk, a travel desk), in
 * English, French, Spanish and Portuguese.
 */
const PLACE_DESK_LAST = /(?:^|\s)(?:warehouse|clinic|clinique|clinica|pharmacy|pharmacie|farmacia|dispensary|infirmary|guesthouse|hotline|roster|logistics|logistique|logistica|entrepot|almacen|armazem|payroll|distribution|distribucion|distribuicao|admin|administration|desk|frontdesk|health post|(?:pharmacy|wash|nfi|medical|supply) store|workshop|canteen|garage|operations|ops|region|planning)$/;
/** A desk's, a counter's or a station's word after what it does (one or two words) and before its place ("ECN Desk Chengdu", "BM Desk Vashi", "Parts Counter Las Vegas", "OQC Station GDL-B1"). */
const DESK_BEFORE_PLACE = /^((?:\S+\s+){1,2})(?:[Dd]esk|DESK|[Cc]ounter|COUNTER|[Ss]tation|STATION)\s+\p{Lu}/u;
/** A place's code of two or three letters in a mailbox, no word of the name (`ktp` for Kutupalong). */
const PLACE_CODE_TOKEN = /^[a-z]{2,3}$/;
/**
 * A display name that is the account's own department with one or two words after it, its place
 * or its desk ("Crewing Manila" in department Crewing at `crewing@`, "Chartering Desk SG" in
 * Chartering at `chartering.sg@`): the department's account. No person is named for their
 * department (none of some 34,000 people in six independent generators' orgs); not a person's
 * name after a note ("Finance - Maria Lopez"), nor the other cases below. Only where the org knows
 * its people's given names.
 */
function ownDepartmentNamed(f: AccountFeatures, ctx: RuleContext): boolean {
  const department = vocabularyWords(f.user.department ?? "");
  if (department.length === 0 || f.localPart === null || !unannotated(f.user.name)) return false;
  const words = vocabularyWords(f.user.name);
  if (words.length <= department.length || words.length > department.length + 2 || !department.every((w, i) => words[i] === w)) return false;
  // The words after it in Latin letters, none of them, nor the department's first, a given name of
  // the org's people, in an org that knows its given names: a department named as a person is
  // (Grace, Art, Austin) or a person's names after it ("Sales Maria Lopez", "Sales Li Na", "営業部
  // 山田太郎") are a person's.
  const rest = words.slice(department.length);
  if (ctx.vocabulary.givenNames() < KNOWN_GIVEN_NAMES || !rest.every((w) => /^[a-z]+$/.test(w)) || anyGivenName([department[0] as string, ...rest], f, ctx)) return false;
  // At a mailbox that spells the department first (`crewing@`, `chartering.sg@`, `crewtravel@`),
  // the department's words aside holding none of the words after it (not `maria.lopez@`,
  // `e1042387@`, `ml@` for "Sales Maria Lopez"; a site's code of two letters is no name).
  const tokens = letterRuns(f.localPart);
  if (!(tokens[0] ?? "").startsWith(department[0] as string)) return false;
  return !tokens.filter((t) => !department.includes(t)).some((t) => rest.some((w) => w.length >= 3 && t.includes(w)));
}
/** A mailbox shaped as a person's of these words: the first word and another (`grace.ward@`, `grace.n@`, `ward.grace@`), or its initial and the last (`gward@`, `g.ward@`). */
function personShaped(tokens: readonly string[], words: readonly string[]): boolean {
  const first = words[0] as string;
  const last = words[words.length - 1] as string;
  if (tokens.length >= 2 && (tokens[0] === first || tokens[tokens.length - 1] === first)) return true;
  return tokens.some((t) => t === `${first[0]}${last}`) || (tokens.length === 2 && tokens[0] === first[0] && tokens[1] === last);
}
/** `token` is made of the starts of `words`, in their order, each used once at most (`clininformatics` of clinical, informatics; `pa` of patient, access). */
function cutShortFrom(token: string, words: readonly string[]): boolean {
  const from = (at: number, next: number): boolean => {
    if (at === token.length) return true;
    for (let k = next; k < words.length; k++) {
      const word = words[k] as string;
      for (let n = 0; n < word.length && token[at + n] === word[n]; n++) if (from(at + n + 1, k + 1)) return true;
    }
    return false;
  };
  return from(0, 0);
}
const DEPARTMENT_WORD_MIN = 3;
/**
 * An account named by the org's own word for a kind of work first, untitled and kept by no IdP:
 * the first word of a display name of two words or more stands in the departments or job titles
 * of `WORK_WORD_FIRST_MIN` accounts or more and starts no person's name, in an org whose names
 * teach given names ("Konstruktion Sammelaccount" beside the Konstruktion department, "Facturación
 * Monterrey", "Customs Desk Gdańsk", "Kvalita Laboratoř"): a site's or a team's desk that whoever
 * is on duty signs in to, one at a time, however much its use looks like one person's. 53 such
 * desks of 9 independent generators' orgs were `human`. A person's given name starts other
 * people's names; one that no one else in the org bears and a department holds too (Mercy at a
 * Mercy hospital) is kept by the IdP or titled on a person's account, which this asks neither of.
 */
export function workWordFirst(f: AccountFeatures, ctx: RuleContext): boolean {
  const { user } = f;
  if (user.jobTitle || user.managementSource === "synced" || !ctx.vocabulary.knowsGivenNames()) return false;
  const words = vocabularyWords(user.name);
  const first = words[0];
  if (words.length < 2 || first === undefined || first.length < 4 || ctx.vocabulary.workWordCount(first) < WORK_WORD_FIRST_MIN || ctx.vocabulary.givenNameCount(first, user) > 0) return false;
  // Not at a mailbox shaped as a person's of the name: Grant Okonkwo at `grant.okonkwo@` or
  // `gokonkwo@` beside a Grant Administration department, Dean Whitfield at a university with
  // Associate Deans, Mercy Otieno at a Mercy hospital, each the org's only one so named. A site's
  // desk so addressed (`versand.linz@`) is left to the other rules.
  return !personMailboxOfName(f, words) || ctx.matchers.roleMailbox.test(first);
}
/**
 * A mailbox of the name's first word or its initial and its last word, in two parts or run
 * together, or the other way round (`grant.okonkwo@`, `gokonkwo@`, `g.okonkwo@`, `mary.baker@` for
 * Mary Ellen Baker, `jihoon.park@` for "Park Jihoon"): a
 * person's own, shaped as most are; not a desk's words run together (`wmoloket@` for "Wmo-loket
 * Axelhaven").
 */
function personMailboxOfName(f: AccountFeatures, words: readonly string[]): boolean {
  if (f.localPart === null) return false;
  const tokens = mailboxWords(f.localPart).filter((t) => !/^\d+$/.test(t));
  const first = words[0] as string;
  const last = words[words.length - 1] as string;
  if (tokens.length === 1) return [`${first[0]}${last}`, `${first}${last}`, `${last}${first}`].includes(tokens[0] as string);
  // Either order: a name written surname first at a mailbox given name first ("Park Jihoon" at `jihoon.park@`).
  return tokens.length === 2 && (((tokens[0] === first || tokens[0] === first[0]) && tokens[1] === last) || (tokens[0] === last && tokens[1] === first));
}
/** Departments or job titles that hold a word before it names a team's account first (`workWordFirst`). */
const WORK_WORD_FIRST_MIN = 2;
/**
 * A name written in two languages, the halves apart by a slash, where one language's reading is a
 * desk's, a counter's or a team's ("Derbynfa / Reception – Neuadd y Sir", "Llyfrgell Llandeilo –
 * Cownter / Counter", "Tîm Priffyrdd / Highways Team"): a bilingual org's shared account. A note
 * after a dash goes with the other half too ("Derbynfa / Reception – Neuadd y Sir" reads
 * "Reception – Neuadd y Sir" and "Derbynfa – Neuadd y Sir"). Each reading is judged as a whole name
 * (`namedShared`, `workWordFirst`, `teamWordsNoGivenName`). Not where a half holds a given name of
 * the org's people: a person's name with their team after it ("Jane Doe / Service Desk"), one name
 * in two scripts ("Ivan Petrov / Иван Петров"), a job share's two names.
 */
export function bilingualDesk(f: AccountFeatures, ctx: RuleContext): boolean {
  const halves = slashHalves(f.user.name);
  if (halves === null || !ctx.vocabulary.knowsGivenNames()) return false;
  const [left, right] = halves;
  const readings = [left, right];
  const leftNote = noteDash(left);
  const rightNote = noteDash(right);
  if (leftNote >= 0 && rightNote < 0) readings.push(`${left.slice(0, leftNote)}${left.slice(leftNote, leftNote + 2)}${right}`);
  if (rightNote >= 0 && leftNote < 0) readings.push(`${left} ${right.slice(rightNote)}`);
  if (halves.some((h) => anyGivenName(vocabularyWords(h), f, ctx))) return false;
  // Nor a person's own mailbox of one half's name before any note, an honorific aside ("Rhodri
  // Williams / Reception" at `rhodri.williams@`, "Dr. Ana Silva / Reception" at `ana.silva@`),
  // whatever given name the org has not seen; unless two other names in two languages or more start
  // with the same word, a desk's sisters at other places ("Llyfrgell Llandeilo – Cownter /
  // Counter" at `llyfrgell.llandeilo@` beside "Llyfrgell Tregaron – Cownter / Counter" and
  // "Llyfrgell Tywyn – ...").
  const ownMailbox = halves.some((h) => {
    const words = vocabularyWords(beforeNoteDash(h)).filter((w) => !HONORIFIC.test(w));
    return words.length >= 2 && personMailboxOfName(f, words) && ctx.vocabulary.bilingualSisters(words[0] as string, f.user) < BILINGUAL_SISTERS_MIN;
  });
  if (ownMailbox) return false;
  if (deskHalf(f.user.name)) return true;
  return readings.some((name) => {
    const read = { ...f, user: { ...f.user, name } };
    return namedShared(read, ctx) || workWordFirst(read, ctx) || teamWordsNoGivenName(read, ctx);
  });
}
/**
 * An untitled account the IdP does not keep, whose display name, written with no note or
 * bracket, has two words or more, none of them a given name of the org's people, in an org that
 * knows them, and a team's or a desk's word first or before another: a role word
 * (`roleMailboxPatterns`: "Payroll Queries", "Billing Desk Dublin", "Team Jeugd Maaskerke") or a
 * word of the org's departments or job titles (`WORK_WORD_FIRST_MIN`), at a mailbox of the name's
 * words that spells one: a team's desk, however much its use looks like one person's. Never last,
 * where a surname stands (Rodrigo Sales, Mary Ellen Baker, Adaeze Chioma Porter), nor at a mailbox
 * shaped as a person's (Grant Okonkwo at `grant.okonkwo@`); see the limits below and
 * docs/detection.md.
 */
export function teamWordsNoGivenName(f: AccountFeatures, ctx: RuleContext): boolean {
  const { user } = f;
  if (user.jobTitle || user.managementSource === "synced" || !ctx.vocabulary.knowsGivenNames()) return false;
  // A name as written, no note or bracket after which a person's name may stand ("Front Desk -
  // Siobhan"), no initial, honorific or name of two or three letters but a role's ("Empfang Frau
  // Schmidt", "Finance Li"; not Ops), no test's word (test accounts are judged as such,
  // `testAccountUse`).
  const head = nameHead(user.name);
  if (head !== user.name.replace(/\s+/g, " ").trim()) return false;
  const written = head.split(" ");
  const words = vocabularyWords(head);
  const { roleMailbox } = ctx.matchers;
  if (words.length < 2 || written.some((w) => SHORT_NAME.test(w) && !roleMailbox.test(w.toLowerCase())) || words.some((w) => w.length === 1 || HONORIFIC.test(w) || TRYOUT_WORD.test(w))) return false;
  // A role's word first is no given name ("Payroll Queries" at `payroll.queries@`).
  if (anyGivenName(words, f, ctx) || (personMailboxOfName(f, words) && !roleMailbox.test(words[0] as string))) return false;
  // A mailbox of the name's words alone, whole, cut short or run together, numbers and role words
  // aside: a person's holds a name of theirs the display name does not ("Sarah Reception" at
  // `reception.murphy@`).
  const tokens = f.localPart === null ? [] : mailboxWords(f.localPart);
  if (!tokens.every((t) => t.length <= 2 || /^\d+$/.test(t) || roleMailbox.test(t) || cutShortFrom(t, words))) return false;
  // A person's given name first in the mailbox, a word of the name after it left out: their own
  // mailbox at their team's name ("Priya Raman Office" at `priya.office@`, "AJ Smith Service Desk"
  // at `aj.servicedesk@`); a desk's spells its words (`coast.region.ops@`).
  const spelled = (w: string): boolean => tokens.some((t) => t === w || (w.length >= 3 && t.includes(w)));
  const teamsWord = (w: string): boolean => w.length >= 3 && (roleMailbox.test(w) || ctx.vocabulary.workWordCount(w) >= WORK_WORD_FIRST_MIN);
  const first = words[0] as string;
  if (f.localPart !== null && !teamsWord(first) && spelled(first) && words.slice(1).some((w) => !teamsWord(w) && !spelled(w))) return false;
  // A surname in capitals first, as directories write it ("LOHN Peter", "SALES Rodrigo").
  if (CAPITALS_FIRST.test(head)) return false;
  // The team's word where no surname stands: first, or before another team's word ("Team Jeugd
  // Maaskerke", "Payroll Queries", "Billing Desk Dublin"); not last, where a surname stands
  // (Rodrigo Sales, Rich Sales, Mary Ellen Baker, Adaeze Chioma Porter, João Pedro Sales), nor
  // between a name's words (Rodrigo Sales Pereira).
  const last = words.length - 1;
  const team = words.filter((w, i) => teamsWord(w) && (i === 0 || (i < last && teamsWord(words[i + 1] as string))));
  // And the mailbox spells one of them, or a role's word: a person's at a team's name holds theirs
  // only ("Équipe Paie Marie Dupont" at `mdupont@`, "Team Chanathip Suksawat" at `chanathip.s@`).
  return team.length > 0 && (f.localPart === null || tokens.some((t) => roleMailbox.test(t) || team.some((w) => t === w || (w.length >= 4 && t.includes(w)))));
}

/**
 * A vendor's support login, the vendor's name before its support's words ("Epic Vendor Support",
 * "Philips Support", "Cisco TAC Access", "Agfa PACS Vendor") at a mailbox of the name's words alone
 * (`philips.support@`): the vendor's engineers sign in to it by turns, or it waits for the next
 * call to the vendor (`waitingLogin`). Not a given name that starts other
 * names of the org (Anna Support), nor a name of a given name and a surname; and a rare given name
 * counts none, so a login signed in to as a person's is (Tom Support at `tom.support@`).
 */
function vendorLogin(f: AccountFeatures, ctx: RuleContext, head: string): boolean {
  const name = VENDOR_LOGIN.exec(head);
  if (name === null || f.localPart === null) return false;
  // TAC only in capitals: Tac is a surname (Taç, written without its letter). "Vendor" alone only
  // after a system's acronym ("Agfa PACS Vendor"): a given name and a surname fill two words too.
  const role = name[2] as string;
  if ((/^tac/i.test(role) && !role.startsWith("TAC")) || (/^vendor$/i.test(role) && !ACRONYM_WORD.test(name[1] as string))) return false;
  const words = vocabularyWords(head);
  const vendor = vocabularyWords(name[1] as string);
  const tokens = mailboxWords(f.localPart);
  // The mailbox says support too (`philips.support@`, `epic.vendor@`, `cisco.tac@`): a person who
  // wrote their team after their name keeps their own (Maria Santos Support at `maria.santos@`).
  return vendor.every((w) => ctx.vocabulary.givenNameCount(w, f.user) === 0) && tokens.some((t) => VENDOR_TOKEN.test(t)) && tokens.every((t) => VENDOR_TOKEN.test(t) || words.includes(t) || words.some((w) => t.startsWith(w) && t.length > w.length && words.includes(t.slice(w.length))));
}
/**
 * A login that waits for its next use: in an audit log, signed in to once at most, no work of its
 * own recorded and no UI use within `recentDays` (a vendor's engineer called weeks ago). A person
 * on one long browser session works in it, or used it days ago.
 */
function waitingLogin(f: AccountFeatures, ctx: RuleContext): boolean {
  return ctx.auditLog && f.loginCount <= 1 && f.eventCount <= f.loginCount + f.otpCount && !(f.lastUiMs >= ctx.referenceMs - ctx.t.recentDays * DAY_MS);
}
const VENDOR_TOKEN = /(?:support|vendor|tac|remote)$/;
const VENDOR_LOGIN = /^((?:\p{Lu}[\p{L}&.-]*\s+){1,2})(vendor\s+(?:support|access|login)|support|tac(?:\s+access)?|remote\s+(?:support|access)|vendor)$/iu;
const ACRONYM_WORD = /(?:^|\s)\p{Lu}{2,}(?:\s|$)/u;
/**
 * A role's account named for the client it serves, the client's two words or three first and the
 * role's two last ("Rheintal Maschinenbau Onsite Coordinator", "Helix Pharma Service Manager"), at
 * a mailbox of a role's word and the client's code (`onsite.rhtl@`): whoever holds the role signs
 * in to it, by turns. The code is letters without a vowel, as a client's code is and no
 * nickname (`onsite.dima@`, `onsite.tom@`), and no start of a word of the name (`onsite.kumar@`
 * for Rahul Kumar Onsite Coordinator); a name of three words may be a person's and a role
 * (Rebecca Lindqvist Dispatcher at `lindqvist@`).
 */
function roleNamed(f: AccountFeatures, ctx: RuleContext): boolean {
  if (f.localPart === null) return false;
  const head = nameHead(f.user.name);
  const words = vocabularyWords(head.replace(SITE_CODE_LAST, ""));
  if (words.length < 4 || words.length > 5 || !ROLE_LAST.test(words[words.length - 1] as string)) return false;
  if (ctx.vocabulary.givenNameCount(words[0] as string, f.user) > 0 || surnameFirst(f, head)) return false;
  const role = words.slice(-2);
  const tokens = mailboxWords(f.localPart);
  const roles = tokens.filter((t) => role.some((w) => w === t || (t.length >= 5 && w.startsWith(t))));
  const code = (t: string): boolean => t.length >= 3 && t.length <= 4 && !/[aeiou]/.test(t) && !words.some((w) => w.startsWith(t));
  return roles.length > 0 && tokens.some(code) && tokens.every((t) => roles.includes(t) || code(t));
}
/** The last word of a role that one of a team holds at a time. */
const ROLE_LAST = /^(?:coordinator|manager|supervisor|controller|dispatcher|planner|officer|liaison|representative|coordinador|coordinadora|coordinatore|coordinatrice|coordenador|coordenadora|coordonnateur|coordonnatrice|koordinator|koordinatorin|koordynator|responsable|responsabile)$/;
/** A team's or an office's noun after the department's words. */
const TEAM_NOUN_WORD = /^(?:office|requests?|team|desk|room|inbox|mailbox|support|services?|admin|administration|school|cent(?:er|re)|unit|group|training|dispatch|education|helpdesk|queue|intake|reception|operations)$/;

/**
 * A demo account, by its name before any note ("Demo User - Meridian Health", "Presales Demo",
 * "Client Demo MRDH", "Demo 3", "Orientation Demo Student") at a mailbox that says demo too: sales people and clients sign
 * in to it by turns. Demo is a surname too (Maria Demo at `maria.demo@`): nothing but a demo's
 * words are in the name.
 */
function demoAccount(f: AccountFeatures, head: string, ctx: RuleContext): boolean {
  if (f.localPart === null || !/demo/i.test(f.localPart)) return false;
  // A client's code after two words or more ("Client Demo MRDH"; not Demo NG, a person's name).
  const name = head.split(/\s+/).length >= 3 ? head.replace(SITE_CODE_LAST, "") : head;
  // "Demo" alone at a demo's mailbox, not at a person's (Demo at `demo.papadakis@`).
  if (/^demo$/i.test(name.trim())) return mailboxWords(f.localPart).every((w) => DEMO_MAILBOX_WORD.test(w));
  return DEMO_NAME.test(name) || namedDemo(f, head, ctx);
}
/**
 * A demo of a product or at an event, named so at a mailbox whose first word is demo and whose
 * other words are the name's ("Demo Traceability RSPO" at `demo.traceability.rspo@`, "Assembly
 * demo" at `demo-assembly@`, "TalTech Career Fair demo" at `demo-taltech@`): "demo" last in small
 * letters, as no surname is written, or "Demo" first before two words or more. Not Demo
 * Papadakis at `demo.papadakis@`, a given name before a surname.
 */
function namedDemo(f: AccountFeatures, name: string, ctx: RuleContext): boolean {
  const tokens = mailboxWords(f.localPart ?? "");
  if (tokens[0] !== "demo" || tokens.length < 2) return false;
  const written = name.trim().split(/\s+/);
  // A name written in small letters alone is a person's as often ("maria demo").
  if (!/\p{Lu}/u.test(name) || (!(written[written.length - 1] === "demo" && written.length >= 2) && !(/^demo$/i.test(written[0] as string) && written.length >= 3))) return false;
  const words = vocabularyWords(name).map(foldLetters);
  if (!tokens.slice(1).every((t) => /^\d+$/.test(t) || words.some((w) => w === t || (t.length >= 4 && w.startsWith(t))))) return false;
  // No given name of the org's; and "Demo" first, each of the name's other words in the mailbox
  // and one of them a code in capitals, a number or a word of the org's work (Demo Kostas
  // Papadakis at `demo.papadakis@`, Demo Stavros Papadakis at `demo.stavros.papadakis@`: a given
  // name, a second and a surname).
  if (words.some((w) => w !== "demo" && ctx.vocabulary.givenNameCount(w, f.user) > 0)) return false;
  return !/^demo$/i.test(written[0] as string) || (words.slice(1).every((w) => tokens.includes(w)) && written.slice(1).some((w) => /^\p{Lu}{2,}$|\d/u.test(w) || ctx.vocabulary.workWordCount(foldLetters(w)) > 0));
}
/**
 * Acceptance testing's words in French and German, and UAT, in the name before any note ("Recette
 * MOA", "Compte Homologation", "UAT Abnahme 01"): a person's note of their team is theirs (Sophie
 * Martin (Recette)).
 */
const ACCEPTANCE_TEST = /(?:^|[^\p{L}])(?:recette|homologation|qualif|abnahme(?:test)?|uat)(?:$|[^\p{L}])/iu;
/**
 * A mailbox that starts with those words before a separator or a number (`uat.abnahme07@`,
 * `qualif.instructeur@`, `recette2@`; UAT before a separator only, not a university's ID of
 * initials and digits, `uat5012@`): the test's account, whatever persona its display name plays
 * ("Hans Testmann", "Erika Mustermann (Test)").
 */
const ACCEPTANCE_MAILBOX = /^(?:(?:recette|homologation|qualif|abnahme)(?:[-._]|\d)|uat[-._])/i;
/**
 * A test account that testers share, or that a test's script works, or null (see `namedShared`):
 * - `"mailbox"`: a mailbox that starts with a test's word before a separator (`test.jsmtestklant@`,
 *   `tst-verpleegkundige@`), or a test user's or client's in Spanish, numbered or not
 *   (`usuario.prueba04@`), beside a display name that says test too ("jsm-testklant", "TST
 *   Verpleegkundige"; at the Spanish mailbox the word whole, "Cliente Prueba 12", not Ana Protesta
 *   Ruiz), where sign-ins several people make show the testers
 *   sharing it. Not a person's own test mailbox (Anna Berg at `test.anna@`), nor Maria Test at
 *   `test.maria@`.
 * - `"script"`: the Spanish test user's or client's mailbox, which holds no one's name, worked by
 *   a token in use, where the name holds no known given name of the org's people, on an account
 *   with no job title or department that no IdP keeps ("TEST Cajero 04" at `usuario.prueba04@`, a
 *   bank's test teller driven by python-requests): not a tester's own test account at a `test.`
 *   mailbox with their CLI's token ("Test Lead Ana Ruiz" at `test.ana.ruiz@`, "Ana Ruiz Test" at
 *   `test.aruiz@`, "Giulia Testa Rossi" at `test.giulia@`).
 * - `"named"`: either mailbox beside a display name that starts with the test's word, whole,
 *   none of its other words a given name of the org's people where the org knows enough of them
 *   ("Test Servis CZ" at `test.servis@`, "Test Superintendent" at `test.super@`), on an account no
 *   IdP keeps and with no person's job title: no one is named so, whoever signs in to it, one
 *   tester or several (not "Test Lead Ana Ruiz" at `test.ana.ruiz@`, nor "TEST Maria", Maria Test
 *   written surname first, at `test.maria@`).
 * - `"persona"`: German forms' invented persona, the whole name ("Max Mustermann" at
 *   `max.mustermann@`), signed in to from two addresses or more with sign-ins several people make,
 *   on an account no IdP keeps and with no person's job title (not a real Max Mustermann, the
 *   Vertriebsleiter, nor one at one office whose every sign-in waits for a code).
 */
export function testAccountUse(f: AccountFeatures, ctx: RuleContext): "mailbox" | "script" | "named" | "persona" | null {
  const name = f.user.name;
  const local = f.localPart ?? "";
  const spanish = SPANISH_TEST_MAILBOX.test(local);
  // The Spanish mailbox with the test's word whole in the name (not Ana Protesta Ruiz).
  if ((TEST_MAILBOX.test(local) && testNamed(name)) || (spanish && name.split(/[^\p{L}\d]+/u).some((w) => TEST_WHOLE.test(w)))) {
    if (signInsShared(f)) return "mailbox";
    if (spanish && tokenInUse(f, ctx) && !f.user.jobTitle && !f.user.department && f.user.managementSource !== "synced" && !anyGivenName(vocabularyWords(name), f, ctx)) return "script";
    if (testWordFirst(f, ctx, spanish)) return "named";
  }
  if (MUSTER_PERSONA.test(withoutBrackets(name)) && signInsShared(f) && f.loginIpCount >= 2 && f.user.managementSource !== "synced" && !personTitle(f, ctx)) return "persona";
  return null;
}
/**
 * The display name's first word is a test's, whole, none of the others a given name of the org's
 * people, and the words after it say what the test account stands for (see `testAccountUse`):
 * - all of them a number or the role a test persona plays ("Test Superintendent", "TEST Partner
 *   2", "Tst Klant");
 * - or a code in capitals beside one other word at most, after a test's word not written in
 *   capitals ("Test Servis CZ"; not "TEST KO" or "TEST Ngozi RN", the surname Test written first
 *   before a given name or initials);
 * - or at the Spanish test mailbox, a number beside one other word at most ("TEST Cajero 04").
 * An unknown word after the test's with nothing else may be a rare given name: "TEST Ngozi",
 * "Test Priya 2", "Test Partner Ngozi", "Test Priya (QA)" are people's or testers' own.
 */
function testWordFirst(f: AccountFeatures, ctx: RuleContext, spanish: boolean): boolean {
  const words = withoutBrackets(nameHead(f.user.name)).split(/[^\p{L}\p{N}]+/u).filter((w) => w !== "");
  const [first, ...rest] = words;
  if (first === undefined || rest.length === 0 || !TEST_WHOLE_WORD.test(first)) return false;
  if (ctx.vocabulary.givenNames() < KNOWN_GIVEN_NAMES || anyGivenName(vocabularyWords(rest.join(" ")), f, ctx)) return false;
  // A person's traces: the IdP's, a job title or a department, 2SV.
  if (f.user.managementSource === "synced" || personTitle(f, ctx) || f.user.department || f.user.mfaEnabled === true) return false;
  let numbers = 0;
  let codes = 0;
  let others = 0;
  for (const w of rest) {
    if (/^\d+$/.test(w)) numbers++;
    else if (TEST_PERSONA_ROLE.test(w)) continue;
    else if (/^\p{Lu}{2,3}$/u.test(w)) codes++;
    else others++;
  }
  if (others === 0 && codes === 0) return true;
  if (codes > 0 && others <= 1 && first !== first.toUpperCase()) return true;
  return spanish && numbers > 0 && others <= 1;
}
const TEST_WHOLE_WORD = /^(?:test|tst)$/i;
/** The roles test accounts are named for (a test client, partner, agent or superintendent), in the languages of the test rules. */
const TEST_PERSONA_ROLE = /^(?:partners?|clients?|customers?|users?|agents?|admins?|supervisors?|superintendents?|members?|students?|patients?|employees?|buyers?|sellers?|vendors?|suppliers?|klant|kunde|kunden|cliente|usuari[oa]|utilisateur|benutzer|gebruiker)$/i;
/** A test account's mailbox: its first word test or tst before a separator and a word. */
const TEST_MAILBOX = /^(?:test|tst)[-._][a-z]/i;
/** A test user's or client's mailbox in Spanish, numbered or not (`usuario.prueba04@`, `cliente-prueba@`). */
const SPANISH_TEST_MAILBOX = /^(?:usuari[oa]|cliente)[-._]prueba\d*$/i;
/** A test's word whole, a number after it aside. */
const TEST_WHOLE = /^(?:test|tst|prueba)\d*$/i;
/** A display name with a test's word in it, outside a note and not as the last of two words (a surname: Maria Test). */
function testNamed(name: string): boolean {
  // A note in brackets is the holder's ("Anna Berg (test)": her own test account).
  const words = withoutBrackets(name).trim().split(/\s+/);
  return words.some((w, i) => TEST_WORD.test(w) && !(words.length === 2 && i === 1));
}
const TEST_WORD = /test|^tst/i;
/** German forms' invented persona, Max or Erika Mustermann (or Musterfrau), the whole name: a test account's (Mustermann alone is a real surname, Sabine Mustermann's). */
const MUSTER_PERSONA = /^\s*(?:max|erika)\s+muster(?:mann|frau)\s*$/iu;
/**
 * An address at a test environment's domain: its first label says so, before two labels more
 * for an environment's own words (`@recette.example.gouv.fr`, `@staging.example.com`), three for
 * words that start real domains too (`@uat.shop.example.com`; not a university's `@uat.edu.mx`,
 * `@test.co.uk` or `@sandbox.co.uk`). Not qa, Qatar's code (`@qa.example.com`).
 */
const TEST_DOMAIN = /@(?:(?:recette|qualif|homologation|staging|preprod)\.[^.@]+\.[^@]+|(?:uat|test|sandbox)\.[^.@]+\.[^.@]+\.[^@]+)$/i;
/**
 * A test account's words, an account's or a user's noun with a test's, in the languages of the
 * name rules ("Compte test portail", "Testaccount ICT", "Prüfkonto Studierende", "Utente di
 * prova", "Test Agent 2nd Level", "Test Patient", "Cuenta de pruebas") or a test's note after a
 * name ("Anna Andersson (test)", "Anna Andersson – TEST"): testers sign in to it by turns.
 * A test's word alone is a team's or a surname's (Pat Smith – Testing, Anna Test).
 */
const TEST_ACCOUNT = /(?:^|[^\p{L}])(?:test[-_ ]?(?:agents?|customers?|students?|patients?|employees?|members?|clients?|kunden?|personen|person|staff|sellers?|buyers?|vendors?|merchants?|shoppers?)|(?:test(?:ing)?|qa|uat|dummy|sandbox|trial|pr(?:ü|ue|u)f)[-_ ]?(?:accounts?|acct|users?|logins?|konto|benutzer|nutzer|zugang|gebruikers?|bruker|bruger|anv[äa]ndare|k[äa]ytt[äa]j[äa]|tili)|(?:accounts?|users?|logins?|konto|compte|utilisateur|cuenta|usuario|conta|usu[áa]rio|utente|utenza|utilizador|gebruiker)[-_ ](?:(?:de|di|da|do|per|d['’])\s*)?(?:tests?|teste|prova|prove|pruebas?|essai|recette)|konto[-_ ]testowe|u[żz]ytkownik[-_ ]testowy|testovac[ií][-_ ](?:[úu][čc]et|u[žz]ivatel|pou[žz][íi]vate[ľl])|test[-_ ](?:hesab[ıiİ]|kullan[ıiİ]c[ıiİ]s[ıiİ]))(?:$|[^\p{L}])|[([]\s*(?:test|teste|tests|prueba|prova|essai)\s*[)\]]|\s[-–—]\s+(?:test|teste|prueba|prova|essai)\s*$/iu;
/** A team's, an office's, a room's or a centre's word first in Arabic ("فريق التخطيط" planning team, "مكتب البوابة" gate office, "غرفة العمليات" operations room, "مركز التحكم" control centre): no person's name starts so. */
const ARABIC_TEAM_FIRST = /^(?:فريق|مكتب|غرفة|مركز|قسم|إدارة|ادارة|وحدة|مجموعة|خدمة|خدمات|الدعم|دعم|شؤون|صندوق)\s/u;
/**
 * A job title that says the account is a shared one: a word of sharing and an account's or a
 * login's noun anywhere in it, whole ("Shared queue login", "Compte de garde partagé", "Compte
 * partagé — Réception sinistres", "Cuenta compartida de turno"). A word of sharing alone is a
 * person's job too (a job share, "Secrétaire partagée", "Shared Care Nurse", "Team Assistant
 * (shared)"). Not a shared service's ("Shared Services Manager", "Gemeinsame Dienste"), nor a
 * person's role over a shared account or platform ("Shared Account Manager", "Head of Shared
 * Platforms"), nor one negated ("Not a shared account", "Compte non partagé").
 */
const SHARING_IN_TITLE =
  "^(?!.*(?:^|[^\\p{L}])(?:not|non|no|kein\\p{L}*|nicht|pas|niet|inte|ikke)\\s+(?:\\p{L}+\\s+){0,2}(?:shared|partag|compartid|compartilhad|partilhad|condivis|gedeeld|gemeinschaft|delad|felles|f[æa]lles|wsp[óo]ln))(?!.*(?:servi[cç]es?|servicios|servi[cç]os|servizi|dienste?n?|hizmet|tjenester|tj[äa]nster|palvelut|us[łl]ugi|platforms?|plataformas?|plateformes?|products?|manager|head|lead|director|t[ée]cnicos?|technicien(?:ne)?|administrador(?:a|es)?|administrateur|coordinador(?:a|es)?|coordinateur|coordenador(?:a)?|gestor(?:a|es)?|formateur|formador(?:a)?|directeur|directrice|engineer|ing[ée]nieur|developer|d[ée]veloppeur|analyst|analyste|specialist|sp[ée]cialiste|architect|architecte|owner|officer|consultant|gestionnaire|responsable|gerente|jefe|diretor))(?=.*(?:^|[^\\p{L}])(?:accounts?|logins?|users?|usuarios?|usu[aá]rios?|utilisateurs?|utenti|utente|mail\\s?box|inbox|id|compte|cuenta|conta|konto|hesab[ıi]|hesap|zugang|postfach|workstation|pc|terminal)(?:$|[^\\p{L}]))(?:.*[^\\p{L}])?(?:shared|partag[ée]e?s?|compartid[oa]s?|compartilhad[oa]s?|partilhad[oa]s?|condivis[oa]|gedeelde?|delade?|felles|f[æa]lles|wsp[óo]ln[aey])(?:[^\\p{L}].*)?$";
/**
 * A training's, a demo's or a team's account by its title ("Training account", "Compte de
 * formation", "Compte de démonstration", "Cuenta de capacitación", "Satış ekibi demo hesabı",
 * "Compte d'équipe", a lab's "Lab account"), or a reception's station ("Poste d'accueil"): its trainees, its sales people,
 * its team or the desk's staff sign in by turns.
 */
const POOL_ACCOUNT_TITLE =
  "^\\s*(?:(?:compte|cuenta|conta)\\s+(?:de\\s+|d['’]\\s*|del\\s+|da\\s+)?(?:[ée]quipe|equipo)|poste\\s+d['’]\\s*accueil|(?:training|trainee|demo|demonstration|induction|onboarding|sandbox|schulungs?|demo-?)\\s*(?:-\\s*)?(?:account|login|user|konto|zugang)s?|lab\\s*(?:-\\s*)?(?:account|login)s?|(?:compte|cuenta|conta|account|usuario|usu[aá]rio|utilisateur|utente)\\s+(?:de\\s+|d['’]\\s*|di\\s+)?(?:formation|d[ée]monstration|d[ée]mo|capacitaci[oó]n|mesa|ventanilla|mostrador|guichet|demostraci[oó]n|treinamento|forma[cç][aã]o|demonstra[cç][aã]o|training|demo)|(?:\\S.*\\s)?(?:demo|e[ğg]itim)\\s+hesab[ıi])\\s*(?:\\d+)?\\s*$";
/**
 * A desk's or an office's noun with a note that it is shared ("Front Office - shared", "Reception
 * (shared)", "Main Office – shared login"): the office's account, whoever's name it inherited. Not
 * a job's title with the note, a job share ("Team Assistant (shared)", "Receptionist (shared)").
 */
const DESK_SHARED_NOTE_TITLE = "(?:front\\s+office|front\\s+desk|main\\s+office|reception|switchboard|registry|service\\s+desk|help\\s*desk)\\s*(?:[-–—:,]\\s*|\\(\\s*)shared(?:\\s+(?:login|account|access))?\\s*\\)?";
/**
 * A user's or an account's title with a note that it is a generic one ("Usuario (genérico)", "User
 * (generic)"): whoever is on the desk signs in to it. Not a job's title so noted, as HR catalogues
 * write generic role profiles ("Staff Nurse (Generic)", "Cashier (Generic)", "Cajero (genérico)").
 */
const GENERIC_NOTE_TITLE = "^\\s*(?:usuario|usu[aá]rio|utilisateur|utente|benutzer|user|login|cuenta|conta|compte|account)\\s*\\(\\s*(?:gen[eé]ric[oa]|generic|g[ée]n[ée]rique|generisch)\\s*\\)\\s*$";
/** A test account's title, first, in French, Spanish, Portuguese, German and English ("Compte de test validation (GxP)", "Testkonto"): its testers share it. Not a role's title with it ("Test Account Coordinator", "Testkonto-Verwaltung"). */
const TEST_ACCOUNT_TITLE = "^(?!.*(?:coordinat|analy|administ|manag|lead|owner|direct|special|verwalt|verantwort|responsab|gestion|engineer|officer|assistant|clerk|ing[ée]nieur))\\s*(?:comptes?\\s+(?:de\\s+)?test|cuentas?\\s+de\\s+(?:prueba|test)|contas?\\s+de\\s+teste|test-?konto|test\\s+accounts?)(?!\\s+(?:manager|lead|executive|owner|director|specialist))(?:$|[\\s(,:–-])";
/**
 * A shared account's title in Japanese, Chinese, Korean, Hebrew, Arabic, Russian, Ukrainian or
 * Greek ("共用アカウント", "共用账号", "岗位账号", "공용 계정", "חשבון משותף", "حساب مشترك", "Общий
 * аккаунт"), a note after it or not; a till's or a shared workstation's ("Puesto de caja",
 * "Postazione cassa", "Posto de caixa", "Posição de atendimento compartilhada", "Poste de travail
 * partagé", "Arbeitsplatz Kundencenter"), not a till's word alone, a teller's title too ("Caixa" in
 * Brazil), nor a shared post with no word between, a job share's as often ("Poste partagé
 * Comptabilité", "Puesto compartido", "Stanowisko wspólne": `sharedPost`), nor a workplace's
 * services ("Arbeitsplatz Services"); a training's
 * account in one word or in Italian ("Trainingsaccount",
 * "Opleidingsaccount", "Utenza formazione"); a desk's login ("Desk login"); a break-glass account
 * ("Compte d'urgence – usage encadré", "Notfallkonto"), which the admins on duty share; a
 * training's or a workstation's account in Polish, Portuguese and Danish ("Konto szkoleniowe",
 * "konto stanowiskowe – wydawanie (noc)", "Login de treinamento", "Afsnitsbruger"; a course
 * alone, "Kursus", not "Kursus- og konferencekoordinator"); a counter's or a crew room's computer
 * ("Counter PC"); or "Shared login" before a note of who shares it ("Shared login – call centre
 * team leads"). Not where one person's role is in the title ("Shared Account - Manager",
 * "Emergency Account - Physician": `PERSON_ROLE_IN_NOTE`, in the singular; the team leads who share
 * a login are several). No person's job is called so. Each space run is
 * read by one quantifier, or a title of many spaces would take quadratic time.
 */
const SHARED_TITLE_ABROAD =
  `^\\s*(?:(?!.*(?:${PERSON_ROLE_IN_NOTE})\\p{L}*(?<![sS])(?:$|[^\\p{L}]))(?:(?:(?:共用|共有|共通|共享|公用)(?:\\s*(?:アカウント|ユーザー?|id|账号|帐号|帳號|賬號|账户|帳戶|用户|用戶))?|(?:公共|岗位|崗位)\\s*(?:id|账号|帐号|帳號|賬號|账户|帳戶|用户|用戶)|공용(?:\\s*(?:계정|아이디|id))?|공유\\s*(?:계정|아이디|id)|(?:חשבון|משתמש)\\s+(?:משותף|כללי)|حساب\\s+(?:مشترك|عام)|(?:общий|общая|спільний|спільна)\\s+(?:аккаунт|акаунт|логин|логін|учётн\\p{L}*\\s+запись|учетн\\p{L}*\\s+запись|обліковий\\s+запис|ящик|скринька)|κοιν(?:όχρηστος|ός)\\s+λογαριασμός|(?:compte|acc[eè]s)\\s+d['’]\\s*urgence|notfall(?:konto|zugang|account|benutzer)|break[- ]?glass(?:\\s+(?:account|login|user))?|emergency\\s+(?:access\\s+)?(?:account|login)|cuenta\\s+de\\s+emergencia|conta\\s+de\\s+emerg[êe]ncia|konto\\s+(?:szkoleniowe|stanowiskowe)|(?:login|conta|usu[aá]rio)\\s+de\\s+(?:treinamento|forma[cç][aã]o)|(?:afsnits|afdelings|avdelings|stations|vagtstue)(?:bruger|bruker))\\s*(?:$|[-–—:(（,]\\s*\\S.*$)|shared\\s+(?:login|account|mail\\s?box|inbox|user)\\s*[-–—:(]\\s*\\S.*$))|^\\s*(?:(?:puesto|postazione|posto)\\s+(?:de\\s+|di\\s+)?(?:caja|cassa|caixa|caisse)(?:\\s+\\p{L}+){0,2}|(?:puesto|posto|poste|posi[cç][aã]o|posici[oó]n|postazione|esta[cç][aã]o|estaci[oó]n|werkplek|stanowisko|pracovi[šs]t[ěe])(?:\\s+\\p{L}+){1,3}?\\s+(?:compartid|compartilhad|partilhad|partag|condivis|gedeeld|gemeinsam|geteilt|wsp[óo]ln|sd[íi]len)\\p{L}*(?:\\s+\\p{L}+){0,2}|arbeitsplatz\\s+\\p{L}*(?:center|zentrum|empfang|theke|schalter|kasse|pforte|leitstand)\\p{L}*|(?:trainings?|opleidings?|schulungs|oefen)(?:account|konto|gebruiker|zugang)|utenza\\s+(?:formazione|condivisa|comune|generica|negozio|cassa|magazzino|turno|test|demo)|(?:desk|counter|till|kiosk|reception|shift)\\s+(?:login|logon|user)|(?:counter|desk|reception|check-?in|ward|crew\\s+room|briefing)\\s+(?:pc|computer)|kursus(?:\\s*\\d+)?)\\s*$`;
/**
 * A job title that says the account is a team's or shared ("Shared Mailbox", "Generic Account",
 * "Funktionspostfach", "Compte partagé", "Casella condivisa"), in the languages of the name rules;
 * in English after a store's, a branch's, a desk's or a site's word too ("Store generic account",
 * "Night Desk Shared Login"; not "Product Manager, Shared Inbox"), a word of sharing beside an
 * account's noun (`SHARING_IN_TITLE`), a training's, a demo's or a team's account
 * (`POOL_ACCOUNT_TITLE`), or one of `SHARED_TITLE_ABROAD`.
 */
export const SHARED_TITLE = new RegExp(`^\\s*(?:(?:shared|generic|common|team|group|functional|department(?:al)?)\\s+(?:mail\\s?box|account|login|user|inbox|e-?mail|id)|${PLACE_LOGIN}|funktions(?:postfach|konto|account)|gruppenpostfach|sammelkonto|gemeinsames\\s+(?:postfach|konto)|teampostfach|(?:compte|bo[iî]te(?:\\s+aux\\s+lettres)?)\\s+(?:partag[ée]e?|commune?|g[ée]n[ée]rique)|(?:cuenta|buz[oó]n)\\s+(?:compartid[oa]|com[uú]n|gen[eé]ric[oa])|(?:conta|caixa(?:\\s+de\\s+correio)?)\\s+(?:compartilhad[oa]|partilhad[oa]|comum|gen[eé]ric[oa])|(?:account|casella(?:\\s+di\\s+posta)?)\\s+(?:condivis[oa]|comune|generic[oa])|gedeelde\\s+(?:mailbox|account|postbus)|gedeeld\\s+account|functione(?:le|el)\\s+(?:mailbox|postbus|account)|(?:team|groeps|afdelings)-?account(?:\\s+\\p{L}+)?|(?:delad|delat|gemensamm?a?|gemensamt)\\s+(?:brevl[åa]da|e-?postl[åa]da|konto|inloggning)|funktionsbrevl[åa]da|f[æa]lles\\s*postkasse|(?:felles|delt|f[æa]lles)\\s*(?:postkasse|konto|p[åa]logging|innlogging|login|bruker|bruger)|yhteinen\\s+(?:postilaatikko|tili|tunnus)|(?:skrzynka|konto)\\s+wsp[óo]lne|wsp[óo]lna\\s+skrzynka|sd[íi]len[áa]\\s+schr[áa]nka|ortak\\s+(?:hesap|posta\\s+kutusu)|(?:(?:production|assembly)\\s+)?(?:line|cell|station|counter|desk|shift|crew|store|shop|branch|ward|training|trainee|visitor|guest)\\s+account|t[àa]i\\s+kho[ảa]n\\s+d[ùu]ng\\s+chung|t[àa]i\\s+kho[ảa]n\\s+(?:chuy[ềe]n|d[âa]y\\s+chuy[ềe]n|line|ca|b[àa]n|qu[ầa]y|ph[òo]ng|đ[àa]o\\s+t[ạa]o|demo|ki[ểe]m\\s+tra|test)(?:\\s+\\p{L}+){0,2}|akun\\s+(?:bersama|pelatihan|latihan|demo)|(?:gemeinsamer|geteilter)\\s+arbeitsplatz|arbeitsplatz\\s+(?:gemeinsam|geteilt)|(?:qc|quality|inspection|packing|pack|scanning|scan|weighing|test)\\s+station|(?:shift|duty|night)\\s+desk|${DESK_SHARED_NOTE_TITLE})\\s*$|${SHARING_IN_TITLE}|${POOL_ACCOUNT_TITLE}|${GENERIC_NOTE_TITLE}|${TEST_ACCOUNT_TITLE}|${SHARED_TITLE_ABROAD}`, "iu");
/** A penetration test's words first ("Pentest Uprawnienia Niskie", "Test Penetracyjny – Konto B"); after a person's name, the tester's own account (Jonas Berg (Pentest)). */
const PENTEST_FIRST = /^(?:pen[-\s]?test\p{L}*|penetration\s*tests?|penetrationstest|test\s+penetracyjn\p{L}*|test\s+de\s+(?:penetraci[oó]n|intrusion))(?:$|[^\p{L}])/iu;
const DEMO_MAILBOX_WORD = /^(?:demo|presales|sales|client|customer|partner|product|training|test|user|account|login|sandbox)+$/;
const DEMO_NAME = /^(?:(?:pre-?sales|sales|solutions?|client|customer|partner|product|training|test|orientation|onboarding|usuario|utilisateur|benutzer|utente)\s+)?demo(?:\s+(?:users?|accounts?|logins?|students?|customers?|patients?|employees?))?(?:\s*#?\d+)?$/i;
/** A site's or a client's code of two to five capitals ending a name. */
const SITE_CODE_LAST = /\s+[A-Z]{2,5}\d*$/;

/**
 * A person who wrote their team or site into their display name without a separator ("Priya Nair
 * Team Lead" at `priya.nair@`, "Red Team Omar" at `omar.haddad@`, "Jane Doe Site Admin",
 * "CD Martins Expedição" at `cd.martins@`): a mailbox without the word the label rests on that
 * holds a word of the name other than a job's or a team's, where the name does not start with
 * one. A desk's mailbox holds the label's word (`planning.team.riyadh@`, `cd.cajamar.recebimento@`)
 * or starts with a team's ("Planning team riyadh" at `planning.riyadh@`).
 */
function labelledPerson(f: AccountFeatures, ctx: RuleContext): boolean {
  if (f.localPart === null) return false;
  const mailbox = foldLetters(f.localPart);
  const tokens = mailbox.split(/[^a-z0-9]+/);
  if (tokens.some((t) => LABEL_TOKEN.test(t))) return false;
  const words = f.user.name.trim().split(/\s+/);
  if (jobWord(words[0] as string, ctx)) return false;
  return personalMailbox(f, ctx) || mailboxOfNameWords(f, ctx);
}
/**
 * A mailbox token that is one of the display name's words other than a job's or a team's, or one
 * of them after or before a word's initial (`nair@`, `pnair@`, `nairp@` for "Priya Nair Team
 * Lead", `cmartins@` for "CD Martins Expedição"): a person's mailbox, whatever label the name
 * carries after it.
 */
function mailboxOfNameWords(f: AccountFeatures, ctx: RuleContext): boolean {
  if (f.localPart === null) return false;
  return tokensWriteName(foldLetters(f.localPart.split("+")[0] as string).split(/[^a-z]+/), f.user.name, ctx);
}
/** One of `tokens` (a mailbox's, folded) is a word of `name` other than a job's, a team's or one in capitals, alone or after or before a word's initial. */
function tokensWriteName(tokens: readonly string[], name: string, ctx: RuleContext): boolean {
  const all = name.trim().split(/\s+/);
  const names = all.filter((w) => /\p{Ll}/u.test(w) && !jobWord(w, ctx)).map(foldLetters).filter((w) => w.length >= 2);
  const initials = all.map((w) => foldLetters(w).charAt(0)).filter((c) => c !== "");
  return tokens.some((t) => t.length >= 2 && names.some((w) => t === w || initials.some((c) => t === c + w || t === w + c)));
}
/** A mailbox's token that is a label's word, a number after it aside, or a number of two digits or more (`lim.6386.site.admin@`; not `bishop`, `storey`, `sitek`, `nair22`). */
const LABEL_TOKEN = /^(?:(?:dc|cd)?(?:(?:[a-z]{2,12})?team|squad|site|loja|tienda|store|shop|filial|sucursal|negozio|winkel|magasin|branch|cedis|recebimento|recepcion|recepcao|expedicao|expedicion|despacho|receiving|goodsin|shipping|dispatch|inbound|outbound|turno|shift|schicht)\d*|\d{2,})$/;
const SHARED_HINT = /secs\b|pool|vakt|vagt|bakdienst|achterwacht|voorwacht|sobreaviso|jour|pikett|buzón|dienstdoende|reperib|trainee|intern|apprentic|azubi|lernende|auszubild|praktikant|stagiaire|becario|estagi|ortak|permanen|homolog|qualif|deliver|gest[ãa]o|gesti[óo]n|departamento|[([]|shar|mailbox|inbox|lab|gemein|compart|partag|partilh|condivis|gedeeld|gemeensch|escal|esta[cç]|stazion|station|loja|tienda|store|winkel|magasin|filial|branch|^(?:cedis|c\.?d\.?|dc)\s|team|squad|site|wsp[óo]ln|sd[íi]len|spole[čc]n|yhtei|gemensam|felles|f[æa]lles|skrzyn|schr[áa]nk|postilaatikk|brevl[åa]d|postfach|postbus|balie|\s(?:hal|hall|halle|hala|dock|bay|gate|lijn|line|linie|kas)\s*\d|postkass|zesp[óo][łl]|t[ýy]m|ekib|ekip|tiimi|dzia[łl]|echip|biuro|departamentul|compartimentul|serviciul|koordyn|koordin|demo|konto|account|commun|com[úu]n|comum|secr|sekret|segret|amt|kanzlei|dekanat|dziekanat|decanato|b[üu]e?ro|astreinte|bereitschaft|bureau|ufficio|servizi|servicio|servi[cç]o|on-?call|on\s+duty|station|clerk|charge|transfer|rapid|bed\s|patient\s+flow|supervisor|\slead|support|vendor|\stac\b|test|compt|recett|abnahm|فريق|مكتب|غرفة|مركز|قسم|إدارة|ادارة|وحدة|مجموعة|خدم|دعم|شؤون|صندوق|prov|prueb|essai|qa|uat|dummy|sandbox|trial|pr(?:ü|ue|u)f|user|login|agent|customer/i;
/**
 * A word for a mailbox, or a shared one in the Slavic and Nordic languages, wherever it stands
 * ("IT Helpdesk Mailbox", "Lost & Found Mailbox", "Kwaliteitsdienst Postbus", "Oddział Kraków Rynek – skrzynka wspólna",
 * "Pobočka Brno – sdílená schránka"): no person calls themselves a mailbox.
 */
const SHARED_MAILBOX_WORD = /(?:^|[^\p{L}])(?:mailbox|inbox|postfach|postbus|skrzynka|schr[áa]nka|postilaatikko|funktionsbrevl[åa]da|funktionspostfach|gruppenpostfach|funktionspostkasse|f[æa]llespostkasse)(?:$|[^\p{L}])/iu;
/**
 * A desk's, a counter's, a room's, a training's or a team's running word in Korean, Japanese or
 * Chinese, in the name before any note: a desk (데스크, デスク), a counter (窓口, 窗口, カウンター), a
 * reception (受付, 前台), a situation room (상황실), operations (運営, "コミュニティ運営"), a duty roster
 * (当番), a training (研修, 培训), a demo (演示), a secretariat (事務局), a room after a
 * code in Latin letters ("QA룸 A-02"). No person's name holds them.
 */
const DESK_CJK = /데스크|デスク|カウンター|窓口|窗口|受付|前台|상황실|運営|当番|研修|培训|演示|事務局|[A-Za-z]룸(?:\s|$)/u;
/**
 * A counter's (창구), an account's (계정), a practice's (실습) or a reception's (접수) word last in a
 * Korean name, as a word of its own after a first word of two syllables or more ("결제CS 창구",
 * "교육용 계정", "온보딩 실습"); not after a one-syllable surname, where it is a given name (김 창구;
 * after a two-syllable one, 남궁 창구, the person's own mailbox tells: see `deskNamedCjk`).
 */
const DESK_KO_LAST = /^(?!\p{Script=Hangul}\s)\S+(?:\s+\S+)*\s+(?:창구|계정|실습|접수)$/u;
/**
 * `DESK_CJK` or `DESK_KO_LAST` in a name of `SHORT_NAME_MAX` characters at most, at a mailbox with
 * a desk's, a team's or a role's word (`gm.desk@`, `edu@`, `pay-cs@`, `community.jp@`): a person's
 * name with their post after it is at their own mailbox ("山田 花子 研修中" at `hanako.yamada@`,
 * "김민준 상황실" at `minjun.kim@`).
 */
function deskNamedCjk(f: AccountFeatures): boolean {
  if (f.localPart === null || f.user.name.length > SHORT_NAME_MAX) return false;
  const head = plainHead(f.user.name).trim();
  return (DESK_CJK.test(head) || DESK_KO_LAST.test(head)) && mailboxWords(f.localPart).some((t) => DESK_MAILBOX_TOKEN.test(t.replace(/\d+/g, "")));
}
/**
 * A desk's, a room's, a team's or a role's word in a desk's mailbox, or a team's code; in Japanese
 * romaji a night or a day shift's, an inspection's, a shipping's, a receiving's, a dispatch desk's,
 * a training's, a morning meeting's or a gatehouse's word (`saitama-yakin@` for "埼玉DC 夜勤デスク",
 * `osaka-kenpin@`, `chorei-ngy-l6@` for "名古屋 6ライン 朝礼デスク", `ngy-shueisho@`), none of them a name.
 */
const DESK_MAILBOX_TOKEN = /^(?:desk|helpdesk|counter|room|lab|edu|education|training|onboarding|community|demo|cs|qa|noc|gm|ops|info|reception|front|duty|team|shift|night|support|help|service|uketsuke|madoguchi|kefu|qiantai|zhiban|yakin|nikkin|kenpin|shukka|nyuka|nyuuka|haisha|kyotsu|kyoutsu|kenshu|chorei|shueisho|common|shared)$/;
/**
 * A desk's, a till's, a shop's, a room's, a point's or an intake's word last in a Turkish name
 * before any note, a number after it or not ("Denizli Kalite Kontrol Masası" at `kk.denizli@`,
 * "İzmir Outlet Kasa 2", "Numune Odası" at `numune@`, "Kargo Teslim Noktası", "İade Kabul -
 * Gebze" at `iadekabul@`), two words or more, at a mailbox that leaves the word out: such words
 * are surnames too, in a person's mailbox (Ayşe Kasa at `ayse.kasa@`, Mehmet Kabul), and Masa and
 * Oda given names in Japan.
 */
function deskWordLast(f: AccountFeatures): boolean {
  if (f.localPart === null || f.user.name.length > SHORT_NAME_MAX) return false;
  const head = nameHead(f.user.name.trim());
  const found = TR_DESK_LAST.exec(head);
  if (found === null || vocabularyWords(head).length < 2) return false;
  const desk = foldLetters(found[1] as string);
  return !mailboxWords(f.localPart).some((t) => foldLetters(t).replace(/\d+$/, "") === desk);
}
/**
 * A desk's, a post's, a shift's, a line leader's or a training's words first in Vietnamese (with
 * their marks) or in Indonesian ("Kho Thành Phẩm" at `kho.tp@`, "Trạm QC 4", "Bảo Vệ Cổng 7", "Ca
 * Đêm SMT", "Trưởng Chuyền SMT 5", "Đào Tạo 9" at `daotao9@`, "Gudang Bahan Baku", "Shift Malam
 * Produksi", "Ketua Line 8"), at a mailbox that starts with them, in a name of `SHORT_NAME_MAX`
 * characters at most. Vietnamese names start with the family name, and none of these words is
 * one; but Trực, a given name too, only before a duty's word, Bảo Vệ only before a gate's, a
 * shift's or a building's word or a number, Kho (a Chinese surname) only before goods' words, Đào
 * (a surname) only before Tạo and a number, Pos (a Dutch surname) only before a post's word.
 */
function deskFirstViId(f: AccountFeatures): boolean {
  if (f.localPart === null || f.user.name.length > SHORT_NAME_MAX || !VI_ID_DESK_HINT.test(f.user.name)) return false;
  const found = VI_ID_DESK_FIRST.exec(f.user.name.trim());
  if (found === null) return false;
  const first = foldLetters((found[1] as string).split(/\s+/)[0] as string);
  return foldLetters(f.localPart).startsWith(first);
}
const VI_ID_DESK_HINT = /^(?:kho|tr|t[ổo]|b[ảa]o|ca|đ|h[ọo]c|xu[ấa]t|pos|satpam|gudang|ketua|shift|pelatihan)/iu;
const VI_ID_DESK_FIRST =
  /^((?:kho\s+(?:thành\s+phẩm|nguyên\s+(?:vật\s+)?liệu|vật\s+tư|linh\s+kiện|hàng)|trạm(?=\s+(?:qc|oqc|iqc|kcs|kiểm|cân|\d))|tổ\s+trưởng|trưởng\s+(?:chuyền|ca|line)|bảo\s+vệ(?=\s+(?:cổng|ca|kho|nhà|xưởng|\d))|trực\s+(?:ca|đêm|ban|tổng\s+đài|kho|cổng)|ca\s+(?:đêm|ngày|sáng|chiều)|đào\s+tạo(?=\s+\d)|học\s+viên(?=\s+\d)|xuất\s+nhập\s+khẩu|pos\s+(?:satpam|jaga|qc)|satpam|gudang|ketua\s+(?:line|regu|shift|grup)|shift\s+(?:malam|pagi|siang)|pelatihan(?=\s+\d)))(?:\s|$)/iu;
const TR_DESK_LAST = /\s(masas[ıi]|kasa(?:s[ıi])?|ma[ğg]aza(?:s[ıi])?|odas[ıi]|noktas[ıi]|kabul|tezgah[ıi]?|gi[şs]e(?:si)?)(?:\s+\d{1,3})?$/iu;
/**
 * Shared or for common use in Japanese and Chinese, written into the name before any note ("安城
 * 班長共用", "組長会 共有", "工程部公共账号"; not a department's note, "张伟 (财务共享服务中心)",
 * "佐藤 一郎（情報共有推進室）", nor its administrator, "公共邮箱管理员"), a training's or a customer audit's
 * account ("訓練帳號12", "客户验厂账号"), for common use or on duty last in a name of one word of
 * three characters or more ("夜班主管公用", "夜班生产值班", "夜班值班台"; not a person's post after
 * their name, "王伟 值班长", "张伟 动力公用", nor a given name after a surname, 王公用; a duty room is
 * an office, `OFFICE_CJK`),
 * and in Korean as a word of its own ("영업팀 공용"; not 공용준, a surname and a given name), as
 * common (共通) is in Japanese ("配車係 共通（埼玉）", "品質管理 共通").
 */
const SHARED_WORD_CJK = /共用|共有|共享|公共(?:账号|帐号|帳號|賬號|账户|帳戶|信箱|邮箱|郵箱)(?!管理)|^\p{Script=Han}{2,}(?:公用|值班)(?:$|[(（\d]|台|席|账号|帐号|帳號|賬號)|(?:训练|訓練|培训|培訓|验厂|驗廠)(?:账号|帐号|帳號|賬號)(?!管理)|(?:^|\s)공용(?:\s|$|계정)|(?:^|\s)共通(?=$|\s|[(（]|ID|アカウント)/u;
/**
 * A Chinese office or duty room last in the name ("深圳工厂 生产办公室", "Fab2 值班室") at a mailbox
 * of an office, a duty or a shift (`sz-factory-office@`), or a customer-service desk, a review
 * board, a group or a team ("客服中心", "ID设计评审", "运营小组") at a mailbox of a team's words
 * alone (`TEAM_MAILBOX`): a person's own name with their office or team after it ("张伟
 * 总经理办公室", "王芳 客服中心") is at their own mailbox (`support.wang@` too).
 */
const OFFICE_CJK = /(?:办公室|辦公室|值班室)$/u;
const OFFICE_MAILBOX = /office|duty|shift/i;
const TEAM_CJK = /(?:客服中心|客服部|服务台|服務台|评审|評審|小组|小組|团队|團隊)$/u;
/**
 * A mailbox of a team's words and codes alone, one team's word at least (`cs-center@`,
 * `design-review@`, `ops-team@`; not `support.wang@`, nor a QQ number's or a person's initials,
 * `10086@`, `sz@`, `it.2024@`).
 */
const TEAM_MAILBOX_WORD = "(?:customer|design|product|service|support|desk|help|helpdesk|servicedesk|cent(?:er|re)|review|team|group|kefu)";
const TEAM_MAILBOX_CODE = "(?:cs|it|id|ops|qa|hr|pm|ux|cn|hk|tw|sz|sh|bj|gz|\\d+)";
const TEAM_MAILBOX = new RegExp(`^(?:${TEAM_MAILBOX_CODE}[-_.])*${TEAM_MAILBOX_WORD}(?:[-_.](?:${TEAM_MAILBOX_WORD}|${TEAM_MAILBOX_CODE}))*$`, "i");
/** `nameHead` with full-width bracketed notes left out too ("佐藤 一郎（情報共有推進室）"). */
function plainHead(name: string): string {
  return lastPlainHead.of(name, plainHeadOf);
}
function plainHeadOf(name: string): string {
  return nameHead(name.replace(FULL_WIDTH_BRACKETED, " "));
}
const lastPlainHead = new LastAnswer();
const FULL_WIDTH_BRACKETED = /（[^）]*）|【[^】]*】|［[^］]*］/g;
/**
 * Shared in Turkish, last after a word or more ("Teknik Planlama Ortak" at `planlama@`, "Bakım
 * Ortak Hesap"): also a surname, so only at a mailbox that holds neither it nor the name's first
 * word (not Mehmet Ortak at `mehmet.ortak@` or Zeynep Ortak at `zeynep.o@`, nor "Ortak, Mehmet").
 */
const ORTAK_LAST = /\S\s+ortak(?:\s+(?:hesap|kullan[ıiİ]c[ıiİ]))?$/iu;
/**
 * Buzón, the Spanish word for a mailbox, in the name, at a mailbox that holds it beside a role's
 * word ("Soporte IT Buzón Bilbao" at `soporte.it.buzon.bilbao@`): Buzón is a surname too (Rocío
 * Buzón at `rocio.buzon@`), and Buzon a Filipino one (Maricel Buzon).
 */
function buzonMailbox(f: AccountFeatures, name: string, ctx: RuleContext): boolean {
  if (f.localPart === null || !BUZON.test(name)) return false;
  const tokens = mailboxWords(f.localPart);
  return tokens.includes("buzon") && tokens.some((t) => t !== "buzon" && ctx.matchers.roleMailbox.test(t));
}
const BUZON = /(?:^|[^\p{L}])buz[óo]n(?:$|[^\p{L}])/iu;
/** The word for shared in those languages, in the name before a note: after a person's name it names their department ("Anna Svensson – Gemensamma tjänster"). */
const SHARED_WORD_ABROAD = /(?:^|[^\p{L}])(?:wsp[óo]ln[aey]|sd[íi]len[áéý]|spole[čc]n[áý]|yhteinen|gemensamm?a?|felles|f[æa]lles)(?:$|[^\p{L}])/iu;
/** A team's word alone after a separator ("Platební styk – tým", "Contact Center – Koordynatorzy", "Zespół AML – wspólne"). */
const TEAM_NOTE = /\s[-–—]\s+(?:t[ýy]m|team|zesp[óo][łl]|ekip|ekibi|tiimi|koordynatorzy|koordin[áa]to[řr]i|wsp[óo]lne)$/iu;
/**
 * A team's, a department's or an office's word first in the languages that put it there, and two
 * words at most after it ("Zespół Reklamacji", "Dział Reklamacji", "Biuro Obsługi Klienta", "Tým
 * Platby", "Tiimi Pohjoinen", "Echipa Suport N2", "Serviciul Clienți"): the team's name. Tym
 * without its accent is a Polish surname (Stanisław Tym).
 */
const TEAM_WORD_FIRST = /^(?:Zesp[óo][łl]|ZESP[ÓO][ŁL]|Dzia[łl]|DZIA[ŁL]|Biuro|BIURO|Tým|TÝM|Ekip|Tiimi|TIIMI|Echip[aă]|ECHIP[AĂ]|Departamentul|Compartimentul|Serviciul)\s+\p{Lu}\p{L}*(?:\s+[\p{L}\d]+){0,2}$/u;
/**
 * An IT-services firm's delivery unit for a client, the word first or after the client's code in
 * capitals ("Delivery Hartwell Insurance", "BGL Delivery"): the project's shared account, no
 * person's name.
 */
const DELIVERY_FIRST = /^(?:Delivery\s+\p{Lu}[\p{L}&'.-]*(?:\s+[\p{L}\d&'.-]+){0,3}|\p{Lu}[\p{Lu}\d]{1,5}\s+Delivery)$/u;
/**
 * A management's or a department's word first in Portuguese and Spanish, with "of" after it, a
 * capitalized word and two words at most after that ("Gestão de Projetos", "Departamento de
 * Física"): the unit's name, no person's.
 */
const UNIT_WORD_FIRST = /^(?:Gest[ãa]o|Gesti[óo]n|Departamento)\s+(?:de|do|da|dos|das|del)\s+\p{Lu}\p{L}*(?:\s+[\p{L}\d]+){0,2}$/u;
/**
 * A word for the people who share a pool's account and one word at most beside it ("Disputes
 * Trainees", "Corporate Secs", "Team Secretaries - Real Estate", "Azubi-Werkstatt", "Lernende
 * Informatik"), at a mailbox that holds the pool's word too (`disputes.trainees@`,
 * `corporate.secretaries@`, `azubi.werkstatt@`), with no given name of the org's people in it,
 * where the org knows enough of them to tell: one trainee or secretary at a time signs in. A person
 * who writes their pool or role beside their name has two words beside it ("Tim Becker Azubi" at
 * `azubi.becker@`, "Anna Berg Trainees Coordinator" at `anna.berg@`).
 */
function poolNamed(f: AccountFeatures, ctx: RuleContext, head: string): boolean {
  if (poolLast(f, ctx, head)) return true;
  const words = vocabularyWords(head);
  if (!words.some((w) => POOL_WORD.test(w)) || f.localPart === null || ctx.vocabulary.givenNames() < KNOWN_GIVEN_NAMES) return false;
  // One word at most beside the pool's (and a team's): a person who writes their pool beside their
  // name has two ("Tim Becker Azubi" at `azubi.becker@`).
  if (words.filter((w) => !POOL_WORD.test(w) && w !== "team").length > 1) return false;
  return mailboxWords(f.localPart).some((t) => POOL_MAILBOX.test(foldLetters(t))) && !anyGivenName(words, f, ctx);
}
/**
 * A pool named by its work and the word Pool, a place's code and a number after it aside
 * ("Secretarial Pool 32", "Doc Review Pool 1", "Paralegal Review Pool", "Review Pool SIN",
 * "Secretarial Pool CHI 24"), at a mailbox that holds the pool's word or spells its work
 * (`secpool32@`, `docreviewpool1@`, `lit.secretarial@`): whoever in the pool has the work signs
 * in. 26 such accounts of two independent generators' law firms were `human`. Pool is a surname
 * too (Anne Pool at `anne.pool@`, Martin Pool at `mpool@`): one to three words before it, none a
 * given name of the org's people, in an org that knows enough of them, and one of them a job's, a
 * team's or a pool's work (`POOL_WORK`).
 */
function poolLast(f: AccountFeatures, ctx: RuleContext, head: string): boolean {
  const found = POOL_LAST.exec(head);
  if (found === null || f.localPart === null || ctx.vocabulary.givenNames() < KNOWN_GIVEN_NAMES) return false;
  const work = vocabularyWords(found[1] as string);
  if (anyGivenName(work, f, ctx) || !work.some((w) => POOL_WORK.test(w) || jobWord(w, ctx) || ctx.matchers.roleMailbox.test(w))) return false;
  return letterRuns(f.localPart).some((t) => t.includes("pool") || (t.length >= 4 && cutShortFrom(t, work)));
}
const POOL_LAST = /^((?:[\p{L}&'-]+\s+){1,3})(?:[Pp]ool|POOL)(?:\s+\p{Lu}{2,4})?(?:\s+#?\d{1,3})?$/u;
/** The work of a pool of people or of vehicles, before Pool. */
const POOL_WORK = /^(?:secretarial|secretaries|typing|review|reviewers|paralegals?|document|transcription|temps?|relief|float|bank|cover|reserve|drivers?|motor|car|vehicle|resource|staff|nurses?|nursing|labou?r)$/;
const POOL_WORD = /^(?:trainees|interns|apprentices|secretaries|secs|azubis?|lernende|auszubildende|praktikanten|stagiaires|becarios|estagiarios)$/;
/** A mailbox's word for a pool's people (`trainees`, `secretaries`, `azubi`, `lernende`). */
const POOL_MAILBOX = /^(?:trainee|interns?$|apprenti|secretar|secs$|azubi|lernende|auszubild|praktikant|stagiaire|becari|estagi)/;
/**
 * A team's word with two words at most before it and one after ("Customer
 * Success Team", "Planning Team Riyadh", "Support Team 2", "Blue Squad"): no person's display
 * name holds one (none of 178,000 people in independent generators' orgs did). A person's name
 * with their team after it is four words or more, or a note after a separator ("Jane Doe Sales
 * Team", "Jane Doe - Team Lead"); a team's role after the word is a person's title ("Jane Team
 * Lead", "Team Supervisor Anna"). Not Crew, a surname (Rebecca Crew).
 */
const TEAM_WORD_NAMED = /^(?:[\p{L}\p{N}&'.-]+\s+){0,2}(?:[Tt]eam|TEAM|[Ss]quad|SQUAD)(?!\s+(?:[Ll]eads?|LEADS?|[Ll]eader|LEADER|[Mm]anager(?:in)?|[Hh]ead|[Cc]oordinator|[Kk]oordinator(?:in)?|[Mm]ember|[Aa]ssistant|[Cc]aptain|[Ss]upervisor|[Cc]oach|[Ss]ecretary|[Aa]dmin|[Dd]irector|[Pp]rincipal|[Ll][ií]der|[Ll]eiter(?:in)?|[Cc]hef|[Rr]esponsable)(?:\s|$))(?:\s+[\p{L}\p{N}]+)?$/u;
/**
 * A building site's office or its admin desk ("Site Office Limpopo", "Mindanao Site Office",
 * "LIM-6386 Site Admin"): whoever is on site signs in. At a mailbox of the name's words too,
 * where the name starts with no given name of the org's people ("Yindarlgooda Site Office" at
 * `yindarlgooda.siteoffice@`; not Sarah Site Office at `sarah.siteoffice@`).
 */
const SITE_DESK = /(?:^|\s)(?:[Ss]ite|SITE)\s+(?:[Oo]ffice|[Aa]dmin|[Dd]esk|OFFICE|ADMIN|DESK)(?:\s|$)/u;
/** A mailbox with the site desk's words (`yindarlgooda.siteoffice@`, `site-admin.lim@`). */
const SITE_MAILBOX = /site[-_.]?(?:office|admin|desk)/i;
/**
 * A shop named by its word and its number ("Loja 0402 São Paulo", "Tienda 354 Murcia", "Store
 * #12"), a brand's code in capitals before it aside ("BRG Store 0112"): the staff on shift share
 * the shop's account. With the number, the words that are surnames written first too (Loja,
 * Tienda, Winkel) say a shop; no person's name has a number.
 */
const NUMBERED_SHOP = /^(?:\p{Lu}{2,5}\s+)?(?:[Ll]oja|LOJA|[Tt]ienda|TIENDA|[Ss]tore|STORE|[Ss]hop|SHOP|[Ww]inkel|[Mm]agasin|[Ff]ilial|[Ff]iliale|[Bb]ranch|[Ss]ucursal|[Nn]egozio)\s+(?:#\s?|N[º°o]\.?\s?)?\d{1,5}(?![\p{L}\p{N}])/u;
/**
 * A mailbox whose first word is a shop's, a showroom's, an atelier's, a school kitchen's, or an
 * office's or a factory's in Vietnamese or Indonesian, an admin's word before it aside
 * (`boutique.montenapoleone@`, `store.courchevel@`, `showroom.nyc@`, `cafe.riversidees@`,
 * `vanphong.cuchi@`, `admin.pabrik.bandung@`).
 */
const PLACE_MAILBOX = /^(?:admin[._-])?(boutique|store|shop|negozio|tienda|loja|magasin|filiale|winkel|showroom|atelier|office|vanphong|xuong|kantor|pabrik|cafe|cafeteria|canteen|kitchen)[._-][a-z]/i;
/**
 * `PLACE_MAILBOX` beside a name with `PLACE_NAMED`. Where the mailbox's word is a surname too and
 * the name starts with it, the word after it is no given name of the org's people, in an org that
 * knows enough of them to tell ("Store Courchevel 1850"; not "Loja Carlos 2" at `loja.carlos2@`);
 * a shop named for a person after another word stays a shop's ("Boutique Galleria Vittorio
 * Emanuele II" at `store.galleria@`).
 */
function placeAccount(f: AccountFeatures, ctx: RuleContext): boolean {
  const found = PLACE_MAILBOX.exec(f.localPart ?? "");
  const head = plainHead(f.user.name.normalize("NFC"));
  if (found === null || !PLACE_NAMED.test(head)) return false;
  // A surname's word at the mailbox needs a place's word in the name that is no surname
  // ("Boutique Via Condotti" at `store.condotti@`; not Anna Store at `store.anna@`, Emma Kantor
  // at `kantor.emma@`, Jan Winkel at `winkel.jan@`, Loja Carlos at `loja.carlos2@`).
  if (PLACE_NAMED.test(head.replace(SURNAME_PLACE_WORDS, " "))) return true;
  // Only a surname's place word in the name: not at a mailbox of that word, nor in a name of two
  // words, a person's ("Jan Winkel" at `office.jan@`, Anna Store at `shop.anna@`), unless the word
  // comes first before no given name of the org's people ("Kitchen Riverside" at
  // `cafe.riversidees@`, a school kitchen's).
  // Nor where the mailbox writes the other word as it stands, a person's name ("KITCHEN Xiadani"
  // at `cafe.xiadani@`; `cafe.riversidees@` adds the school's code).
  const words = vocabularyWords(head);
  const other = plainMailbox(f.localPart ?? "").split(/[._-]+/).slice(1).join("");
  return !SURNAME_PLACE.test(found[1] as string) && (words.length > 2 || (SURNAME_PLACE.test(words[0] ?? "") && noGivenNameIn(f, ctx) && other !== (words[1] ?? "")));
}
/**
 * A shop named by its place, the shop's word last, a number after it aside, or alone with its
 * number ("Seattle Store", "Paris Rivoli Store", "store0494"), at a mailbox that holds the shop's
 * word whole, anywhere in it (`nice.store@`, `store0288@`, `birmingham.store@`), with no given
 * name of the org's people in the name, where the org knows enough of them, and no person's job
 * title: the staff on shift share it. 26 such accounts of an independent generator's retail orgs
 * were `human`: `placeAccount` reads a mailbox that starts with the word. Not Anna Store at
 * `anna.store@`, a person whose surname is the word.
 */
function shopNamedByPlace(f: AccountFeatures, ctx: RuleContext): boolean {
  if (f.localPart === null || enrolledAsPerson(f)) return false;
  const head = plainHead(f.user.name.normalize("NFC")).trim();
  const mailbox = mailboxWords(f.localPart);
  if (!SHOP_LAST.test(head) || !mailbox.some((t) => SHOP_MAILBOX_WORD.test(t.replace(/\d+$/, "")))) return false;
  if (ctx.vocabulary.givenNames() < KNOWN_GIVEN_NAMES) return false;
  // The shop's word aside: the org's shops named "store0420" make it a first word of names. A
  // title of the shop's word alone ("Store") is the admin's note of what the account is.
  const words = vocabularyWords(head);
  const place = words.filter((w) => !SHOP_MAILBOX_WORD.test(w));
  // Two words at a mailbox of both ("Sanne Winkel" at `sanne.winkel@`) are a person's name as often:
  // only beside two other accounts of the org's that hold the same shop's word (its chain).
  const last = words[words.length - 1] ?? "";
  if (words.length === 2 && SHOP_MAILBOX_WORD.test(last) && mailbox.join("") === words.join("") && ctx.vocabulary.accountsHolding(last) < 3) return false;
  return !anyGivenName(place, f, ctx) && (!personTitle(f, ctx) || SHOP_MAILBOX_WORD.test((f.user.jobTitle ?? "").trim().toLowerCase()));
}
/** 2SV, or a department the IdP keeps: a person's marks, which no shop's or pool's account has (`personProfile` reads the job title and department alone). */
function enrolledAsPerson(f: AccountFeatures): boolean {
  return f.user.mfaEnabled === true || (f.user.managementSource === "synced" && !!f.user.department);
}
const SHOP_WORDS = "store|shop|boutique|outlet|showroom|loja|tienda|magasin|negozio|filiale|winkel";
const SHOP_LAST = new RegExp(`(?:^|\\s)(?:${SHOP_WORDS})(?:\\s*#?\\d{1,5})?$|^(?:store|shop)\\s*#?\\d{1,5}$`, "iu");
const SHOP_MAILBOX_WORD = new RegExp(`^(?:${SHOP_WORDS})$`);

/**
 * A person's name of two to four words with a job's or a team's note after it, at a mailbox of
 * the note's words alone ("Malee Wongsuwan (Owners Report)" at `owners.report@`, "Jane Doe -
 * Payroll Team" at `payrollteam@`): the report's or the team's account, named for whoever answers
 * for it; a person's own account is at their own mailbox ("Jane Doe (Payroll)" at
 * `jane.payroll@`), and a role's or a place's name may come first with the person in the note
 * ("Patient Flow Coordinator – Jane Doe" at `jane.doe@`).
 */
function noteMailbox(f: AccountFeatures, ctx: RuleContext): boolean {
  if (f.localPart === null) return false;
  const name = f.user.name;
  const bracket = name.includes("(") || name.includes("[") ? BRACKET_NOTE.exec(name) : null;
  const cut = bracket === null ? NOTE_AFTER_NAME.exec(name) : null;
  if ((bracket === null && cut === null) || !orgMailbox(f, ctx)) return false;
  const head = bracket !== null ? (bracket[1] as string) : cut !== null ? name.slice(0, cut.index) : "";
  const note = bracket !== null ? (bracket[2] as string) : cut !== null ? name.slice(cut.index + cut[0].length) : "";
  const headWords = plainWords(head);
  const noteWords = plainWords(note).filter((w) => !/^\d+$/.test(w));
  // The head a person's name, not a role's or a place's with the person in the note ("Patient Flow
  // Coordinator – Jane Doe", "Store 12 - Maria Lindqvist").
  if (headWords.length < 2 || headWords.length > 4 || noteWords.length === 0 || !/^\p{Lu}/u.test(head.trim()) || headWords.some((w) => /\d/.test(w) || jobWord(w, ctx))) return false;
  // The note a job's or a team's, not a person's name ("Bureau de Jong – Jan de Jong" at `jan@`).
  if (!noteWords.some((w) => jobWord(w, ctx))) return false;
  const parts = plainMailbox(f.localPart).split(/[._-]+/).filter((p) => p !== "");
  // Not the name's words or their initials (`al@` for "Anna Lindqvist (AL)").
  if (parts.length === 0 || parts.join("") === headWords.map((w) => w.charAt(0)).join("") || parts.some((p) => headWords.includes(p) || headWords.some((w) => p.startsWith(w) || w.startsWith(p)))) return false;
  return parts.join("") === noteWords.join("") || parts.every((p) => p.length >= 3 && noteWords.includes(p));
}
const BRACKET_NOTE = /^([^()[\]]*[^()[\]\s])\s*[([]([^()[\]]+)[)\]]\s*$/u;
/**
 * A mailbox at a domain of the org's own: one that many of its accounts share (`ORG_DOMAIN_MIN`),
 * not a webmail provider's. A freelancer's firm or their own inbox is not one ("Tom Hughes (Apex
 * Reporting)" at `apex.reporting@gmail.com`).
 */
function orgMailbox(f: AccountFeatures, ctx: RuleContext): boolean {
  const email = f.user.email ?? "";
  const domain = email.slice(email.lastIndexOf("@") + 1).toLowerCase();
  return domain !== "" && !WEBMAIL.test(domain) && ctx.vocabulary.domainCount(domain) >= ORG_DOMAIN_MIN;
}
const ORG_DOMAIN_MIN = 10;
const WEBMAIL = /^(?:g(?:oogle)?mail|outlook|hotmail|live|msn|yahoo|ymail|icloud|me|mac|aol|proton(?:mail)?|pm|gmx|web|mail|yandex|qq|163|126|naver|daum|hanmail|rediffmail|zoho|fastmail|tutanota|seznam|wp|o2|onet|interia|libero|orange|free|laposte|t-online|freenet)\./i;
/**
 * A school's or a library's room by its name and its mailbox: the name before any note holds a
 * school's or a room's words that no person's name has ("Hawthorne Elementary Library", "Wilson
 * Computer Lab", "Lincoln Middle School Main Office", "Bluestem Front Office", "Library Kiosk -
 * Central", "Lab Sign-in Heritage"), or ends in an office's, a library's or a lab's word after
 * no given name of the org's people ("Special Education Office" at `sped.office@`; not Ann Office
 * at `ann.office@`), and the mailbox ends in the room's word after the place's (`hawthornees.library@`,
 * `wilsonms.lab2@`, `lincolnms.office@`): the staff on duty share the account, or its kiosk signs
 * in. Not a person's name with their school in a note ("Maria Lopez - Lincoln Elementary Office"
 * at `mlopez.office@`), nor at their own mailbox.
 */
function institutionRoom(f: AccountFeatures, ctx: RuleContext): boolean {
  const head = withoutBrackets(nameHead(f.user.name));
  if (schoolDesk(f, ctx, head)) return true;
  if (!ROOM_MAILBOX_LAST.test(f.localPart ?? "")) return false;
  if (!INSTITUTION_ROOM.test(head) && !(ROOM_WORD_LAST.test(head) && noGivenNameFirst(f, ctx) && !personTitle(f, ctx))) return false;
  // The mailbox before the room's word writes no word of the name, nor an initial and a word
  // (`anna.office@` and `mlindqvist.office@` are people's: "Anna Lindqvist Front Office"); a
  // code in capitals aside ("Lab Sign-in ECC" at `ecc.lab@`).
  return !tokensWriteName(foldLetters(plainMailbox(f.localPart ?? "")).split(/[._-]+/).slice(0, -1), head, ctx);
}
/**
 * A school's desk: a school's name and what its staff on duty do ("Washington Elementary
 * Attendance", "Como Park Elementary Front Office", "Bayshore Public School Athletics", "Adult
 * Basic Education Center Counseling Office"; in French the desk's word first and the school's name
 * after, "Bibliothèque École secondaire Louis-Riel"), at a mailbox of two or three words that
 * spells the school and a desk's word first or last (`attendance.washington@`, `como.office@`,
 * `biblio.louisriel@`, `jefferson-frontdesk@`, `lincoln.es.office@`, `hawthornees.library@`): the
 * school's staff on duty share it. In English two words at most stand before the school's word,
 * its name's; a person's name before it leaves the school's own name a third ("Xiadani Quispe
 * Lincoln Elementary" at `xiadani.office@`). In French only the desk's word stands before it
 * ("Jean-Marc Dubois École Jules-Ferry" at `jmdubois.accueil@` is his). Every word of the mailbox
 * but the desk's is one of the name's, some of them run together, or a school's level code (`es`,
 * `ms`, `hs`), so a person's initials and surname (`alopez.office@`) or a stranger's mailbox are
 * not.
 */
function schoolDesk(f: AccountFeatures, ctx: RuleContext, head: string): boolean {
  if (f.localPart === null || personTitle(f, ctx)) return false;
  const english = SCHOOL_AFTER_NAME.exec(head);
  const french = english === null ? SCHOOL_BEFORE_NAME.exec(head) : null;
  const school = english ?? french;
  if (school === null) return false;
  const before = plainWords(head.slice(0, school.index));
  if (english !== null ? before.length > 2 : before.some((w) => !SCHOOL_DESK_TOKEN.test(w))) return false;
  const tokens = plainMailbox(f.localPart).split(/[._-]+/).map((t) => t.replace(/\d+$/, "")).filter((t) => t !== "");
  if (tokens.length < 2 || tokens.length > 3) return false;
  const last = tokens.length - 1;
  const desk = SCHOOL_DESK_TOKEN.test(tokens[0] as string) ? 0 : SCHOOL_DESK_TOKEN.test(tokens[last] as string) ? last : -1;
  if (desk < 0) return false;
  // In English the school's name comes before its word, or is part of it ("Adult Basic Education
  // Center" at `counseling.adult@`); words after it are the desk's, or a person's ("Academy
  // Xiadani Quispe" at `xiadani.office@`).
  const words = plainWords(english !== null ? head.slice(0, school.index + school[0].length) : head);
  const others = tokens.filter((_, i) => i !== desk);
  const levelOrDesk = (t: string): boolean => SCHOOL_LEVEL.test(t) || SCHOOL_DESK_TOKEN.test(t);
  if (!others.every((t) => levelOrDesk(t) || spellsNameWords(t, words)) || others.every(levelOrDesk)) return false;
  // Three words: a level's code or a second desk's word beside the school's (`lincoln.es.office@`,
  // `jefferson.front.office@`), not two of a person's names (`xiadani.quispe.office@`).
  if (others.length === 2 && !others.some(levelOrDesk)) return false;
  // In French the school's name follows its word and its level ("École secondaire Louis-Riel" at
  // `biblio.louisriel@`): the mailbox spells it from its start, not a person's name after it
  // ("École Jules-Ferry Marie Dupont" at `marie.accueil@`).
  if (french !== null) {
    // An article first may be left out ("Centre d'éducation des adultes" at `biblio.adultes@`).
    const after = plainWords(head.slice(school.index + school[0].length)).filter((w) => !FRENCH_SCHOOL_LEVEL.test(w));
    const spelled = (t: string): boolean => spellsNameWords(t, after, true) || (FRENCH_ARTICLE.test(after[0] ?? "") && spellsNameWords(t, after.slice(1), true));
    if (!others.every((t) => levelOrDesk(t) || spelled(t))) return false;
  }
  // The name's first word alone, a given name of the org's people, is a person's unless it is the
  // school's name, the word right before the school's ("Anna Lee Elementary Office" at
  // `anna.office@`; not "Lincoln Elementary Office" at `lincoln.office@`).
  const first = words[0] ?? "";
  return !(others.length === 1 && others[0] === first && before.length === 2 && ctx.vocabulary.givenNameCount(first, f.user) > 0);
}
/** `token` is one of `words`, or some of them in a row run together (from the first only, `fromStart`), a school's level code after them aside (`como`, `louisriel`, `hawthornees`, `twinrivers`). */
function spellsNameWords(token: string, words: readonly string[], fromStart = false): boolean {
  const bare = token.replace(/(?:es|ms|hs)$/, "");
  for (let i = 0; i < (fromStart ? Math.min(1, words.length) : words.length); i++) {
    let run = "";
    for (let j = i; j < words.length && run.length < token.length; j++) {
      run += words[j];
      if (run === token || (bare !== token && run === bare)) return true;
    }
  }
  return false;
}
/** A French school's level after its word ("École secondaire", "École élémentaire"). */
const FRENCH_SCHOOL_LEVEL = /^(?:primaire|elementaire|secondaire|maternelle|publique|privee)$/;
const FRENCH_ARTICLE = /^(?:des|du|de|la|le|les|l|d)$/;
/** A school's level after its name in a mailbox (`lincoln.es.office@`, `wilsonms.lab@`). */
const SCHOOL_LEVEL = /^(?:es|ms|hs|elem)$/;
const ROOM_MAILBOX_LAST = /^[a-z0-9]+(?:[._-][a-z0-9]+)*[._-](?:library|lab|office|frontoffice|mainoffice|mediacenter|frontdesk|reception)\d*$/i;
const INSTITUTION_ROOM = /\S\s+elem(?:entary|\.)?(?=\s|$)|(?:^|\s)(?:middle\s+school|high\s+school|primary\s+school|secondary\s+school|library\s+kiosk|media\s+cent(?:er|re)|computer\s+lab|lab\s+sign-?in|front\s+office|main\s+office)(?=\s|$)/i;
const ROOM_WORD_LAST = /\S\s+(?:office|library|lab)(?:\s*\d+)?\s*$/i;
/**
 * A room named for its use, with no note, one word before it at most and its place or number
 * after it, no role's word ("BNE Training Room", "Training Room Kraków", "Sala Szkoleniowa",
 * "Schulungsraum 2", "Salle de formation Lyon"): whoever takes the course or the meeting signs in
 * at its PC. Not a person's role written as the name ("Training Room Coordinator", "Anna Berg
 * Training Room Coordinator"), nor at a stranger's mailbox (`jan.kowalski@` for "Computer Room
 * Technician"). A room's screen is a device's (`deviceNamed`), judged before.
 */
function roomOfUse(f: AccountFeatures, ctx: RuleContext): boolean {
  const name = f.user.name.trim();
  const found = ROOM_OF_USE.exec(name);
  if (found === null || !unannotated(name)) return false;
  const before = name.slice(0, found.index).trim().split(/\s+/).filter((w) => w !== "");
  const after = name.slice(found.index + found[0].length).trim().split(/\s+/).filter((w) => w !== "");
  return before.length <= 1 && after.length <= 2 && !after.some((w) => ROLE_AFTER_ROOM.test(w) || jobWord(w, ctx)) && !strangersMailbox(f);
}
const ROOM_OF_USE = /(?:^|\s)(?:(?:training|meeting|conference|class|computer|seminar|lecture|study)[\s-]+room|sala\s+(?:szkoleniowa|konferencyjna|de\s+(?:reuni(?:ones|[aã]o|[õo]es)|formaci[oó]n|capacitaci(?:[oó]n|ones)|juntas|treinamentos?))|\p{L}*schulungsraum|besprechungsraum|konferenzraum|salle\s+de\s+(?:formation|r[ée]union|conf[ée]rence)|vergaderruimte|trainingsruimte|[šs]kolic[ií]\s+m[ií]stnost|zasedac[ií]\s+m[ií]stnost)(?=\s|$)/iu;
/** A role's or a service's word after a room's ("Training Room Coordinator", "Conference Room Bookings"). */
const ROLE_AFTER_ROOM = /^(?:coordinators?|supervisors?|technicians?|managers?|admins?|administrators?|assistants?|bookings?|reservations?|support|staff|leads?|officers?|clerks?|attendants?)$/i;
/**
 * A help desk's words first in Spanish, Portuguese or French, with no note, at a mailbox of the
 * name's words ("Mesa de Ayuda TI" at `mesadeayuda@`, "Soutien informatique CSRO" at
 * `soutien.informatique@`): no person's name starts so. Not a team's words before a person's
 * name, after a separator or not, nor as a person's display name at their own mailbox ("Mesa de
 * Ayuda - Juan Pérez", "Mesa de Servicio Juan Pérez" at `juan.perez@`, "Mesa de Ayuda" at
 * `jperez@`).
 */
function helpDeskFirst(f: AccountFeatures): boolean {
  const name = f.user.name.trim();
  const found = HELP_DESK_FIRST.exec(name);
  if (found === null || !unannotated(name) || f.localPart === null) return false;
  // The mailbox spells the desk's words and a code after them, some run together (`mesadeayuda@`,
  // `soutien.informatique@`), not a person's (`jperez@` for "Mesa de Ayuda" as a person's display
  // name, `juan.perez@` for "Mesa de Servicio Juan Pérez").
  const codes = name.slice(found[0].length).trim().split(/\s+/).filter((w) => /^\p{Lu}{2,}$/u.test(w));
  const words = plainWords([found[0], ...codes].join(" "));
  return plainMailbox(f.localPart).split(/[._-]+/).every((t) => t === "" || spellsNameWords(t, words));
}
const HELP_DESK_FIRST = /^(?:mesa\s+de\s+(?:ayuda|servicios?)|centro\s+de\s+(?:ayuda|soporte|servicios?)|central\s+de\s+(?:atendimento|ajuda|servi[cç]os?)|soutien\s+informatique|support\s+informatique|assistance\s+informatique)(?=\s|$)/iu;
/**
 * A desk named by Mesa, the Spanish and Portuguese word, then what it handles ("Mesa de Crédito"
 * at `mesa.credito@`, "Mesa Chargebacks" at `chargebacks@`, "Mesa de Contestações PIX" at
 * `contestacoes.pix@`), with no note, at a mailbox of the name's words, signed in to by several
 * people (`signInsShared`): the desk's staff share it. Mesa is a surname too, which directories
 * may write first ("Mesa Juan Carlos" at `jcmesa@`, "Mesa Rojas Carlos" at `rojas.carlos@`): three
 * words at most after it, none a given name of the org's people, in an org that knows enough of
 * them; without "de", a work's word after it (`deskWork`) and a mailbox without Mesa's word.
 */
function mesaFirst(f: AccountFeatures, ctx: RuleContext): boolean {
  const name = f.user.name.trim();
  const found = MESA_FIRST.exec(name);
  if (found === null || f.localPart === null || !unannotated(name) || !signInsShared(f) || ctx.vocabulary.givenNames() < KNOWN_GIVEN_NAMES) return false;
  const rest = vocabularyWords(found[2] as string);
  if (rest.length === 0 || rest.length > 3 || anyGivenName(rest, f, ctx)) return false;
  const handled = rest[0] as string;
  const after = (found[2] as string).split(/\s+/);
  const handledIsWork = deskWork(after[0] as string, ctx);
  // Without "de", what it handles is a work's word (`chargebacks@`): "Mesa Jorge" at `jorge@`
  // is Jorge Mesa's, written surname first.
  if (found[1] === undefined && !handledIsWork) return false;
  const tokens = plainMailbox(f.localPart).split(/[._-]+/).filter((t) => t !== "");
  // Without "de", Mesa's word stays out of the mailbox: `juan.mesa@` is Juan Mesa's for "Mesa Juan".
  if (found[1] === undefined && tokens.includes("mesa")) return false;
  // The mailbox, Mesa's word aside, starts with what it handles, the first word after Mesa, and
  // spells only the words after it or a code in capitals ("Mesa de Contestações PIX" at
  // `contestacoes.pix@`, "Mesa de Despacho Madrid" at `mesa.despacho.madrid@`): not "Mesa de
  // Servicio Juan Pérez" at `juan.perez@`, nor "Mesa García Lucía" at `lucia.garcia@`.
  const codes = after.filter((w) => /^\p{Lu}{2,}$/u.test(w)).map((w) => plainWords(w)[0] ?? "");
  const own = tokens.filter((t) => t !== "mesa");
  const first = own[0];
  if (first === undefined || !(first.startsWith(handled.slice(0, 4)) || handled.startsWith(first)) || !own.every((t) => codes.includes(t) || spellsNameWords(t, rest))) return false;
  // A word after it in the mailbox, no code, only where the mailbox holds Mesa's word or what the
  // desk handles is a work's word (`mesa.despacho.madrid@`): not "Mesa de León Carlos" at
  // `leon.carlos@`, a person's names.
  return own.filter((t) => !codes.includes(t)).length <= 1 || tokens.includes("mesa") || handledIsWork;
}
const MESA_FIRST = /^(?:[Mm]esa|MESA)\s+(?:(de|do|da|dos|das|del|De|Do|Da|Dos|Das|Del|DE|DO|DA|DOS|DAS|DEL)\s+)?(\p{Lu}.*)$/u;
/**
 * A mailbox of two words or more joined by a dot or an underscore, none of them a word of the
 * display name or its start: a person's own (`jan.kowalski@`) whose display name says their role.
 */
function strangersMailbox(f: AccountFeatures): boolean {
  if (f.localPart === null) return false;
  const tokens = plainMailbox(f.localPart).split(/[._]/).filter((t) => t !== "");
  if (tokens.length < 2 || tokens.some((t) => !/^[a-z]{2,}$/.test(t))) return false;
  const words = plainWords(f.user.name);
  return !tokens.some((t) => words.some((w) => w.startsWith(t) || t.startsWith(w)));
}
/** The place words that are surnames too. */
const SURNAME_PLACES = "loja|tienda|winkel|kantor|store|kitchen";
const SURNAME_PLACE = new RegExp(`^(?:${SURNAME_PLACES})$`, "i");
const SURNAME_PLACE_WORDS = new RegExp(`(?:^|[^\\p{L}])(?:${SURNAME_PLACES})(?=[^\\p{L}]|$)`, "giu");
/** Such a place's word in a name ("Kitchen Riverside", "Truth Nutrition"), in Japanese, Vietnamese ("Văn phòng", "VP Xưởng") and Indonesian ("Kantor", "Produksi") too. */
const PLACE_NAMED = /(?:^|[^\p{L}])(?:boutique|store|shop|negozio|tienda|loja|magasin|filiale|winkel|showroom|atelier|office|văn\s+phòng|xưởng|kantor|pabrik|produksi|cafeteria|canteen|kitchen|nutrition)(?:[^\p{L}]|$)|ブティック|ショップ|ストア|店舗/iu;
/**
 * A numbered shop's note of its place: a mailbox that holds the shop's number (`st0139.backoffice@`,
 * `store.0444@` for "Store 0139 - Exeter", "Store 0444 - Aberdeen Union Sq") and a note with no
 * given name of the org's people and no word of the mailbox, where the shop is, not whose account
 * it is ("Store 12 - Jane Smith" at `jane.smith12@`).
 */
function shopNoteOfPlace(f: AccountFeatures, ctx: RuleContext, head: string, note: string): boolean {
  const number = /\d+/.exec(head);
  if (number === null || f.localPart === null || !mailboxHoldsNumber(f, Number(number[0]))) return false;
  const words = vocabularyWords(note);
  const mailbox: string[] = plainLetters(f.localPart.toLowerCase()).match(/[a-z]+/g) ?? [];
  return !anyGivenName(words, f, ctx) && !words.some((w) => mailbox.includes(w));
}
/** A number in the mailbox is `value` (`st0139.backoffice@` holds 139). */
function mailboxHoldsNumber(f: AccountFeatures, value: number): boolean {
  return (f.localPart?.match(/\d+/g) ?? []).some((digits) => Number(digits) === value);
}
/**
 * A distribution centre's desk, its word first and its work last ("CD Cajamar Recebimento",
 * "CEDIS El Salto Turno A", "DC Goods-In"): whoever receives or ships on the shift signs in.
 * Any name after CEDIS, a word no person's name starts with.
 */
const DEPOT_DESK = /^(?:(?:CD|C\.D\.|DC)\s+(?:[\p{L}.'-]+\s+){0,5}(?:Recebimento|Recep[cç]i[oó]n|Recep[cç][aã]o|Expedi[cç][aã]o|Expedici[oó]n|Despacho|Receiving|Goods[- ]?In|Shipping|Dispatch|Inbound|Outbound|(?:Turno|Shift|Schicht)\s+[A-D1-3])|CEDIS\s+\p{Lu}.*)$/u;
/**
 * A lab's word before the last of three words ("QC Lab Ringaskiddy", "Micro Lab Juncos", "Lab
 * Support Boston"): a lab's and its place's name. A directory that appends a person's lab writes
 * it last (Jane Doe Lab, Koh Lab).
 */
const LAB_INSIDE = /^(?:\p{L}+\s+(?:[Ll]abs?|LAB|[Ll]aboratory)\s+\p{Lu}\p{L}+|(?:[Ll]abs?|LAB)\s+\p{Lu}\p{L}+(?:\s+\p{Lu}\p{L}+)?)$/u;
/**
 * A lab's word first and two words or more after it ("Laboratorio Control de Calidad",
 * "Laboratoire de Contrôle Qualité"); not Labor, a surname that directories write first (Labor
 * Maria Cristina).
 */
/**
 * A role's or a desk's word before a hall's, a dock's or a line's word and its number, its place
 * after it aside ("Keurmeester Hal 3" at `keuring.hal3@`, "Keurmeester Hal 6 Naaldwijk",
 * "Inspector Hall 2", "Dispatcher Dock 4"): whoever works there that
 * day signs in, or its tablet does. Not where the first word is a given name of the org's people
 * or at a mailbox that writes a person's name (a directory's "Anna Hall 2" at `anna.hall2@`), and
 * only at a mailbox that holds the number.
 */
function hallNumbered(f: AccountFeatures, ctx: RuleContext, head: string): boolean {
  const found = HALL_NUMBERED.exec(head);
  // The mailbox holds the hall's number (not a directory's number after a name at an employee's
  // number, `e1042387@`).
  return found !== null && noGivenNameFirst(f, ctx) && !personalMailbox(f, ctx) && mailboxHoldsNumber(f, Number(found[1]));
}
const HALL_NUMBERED = /^\p{L}[\p{L}'-]*(?:\s+\p{L}[\p{L}'-]*)?\s+(?:hal|hall|halle|hala|dock|bay|gate|lijn|line|linie|kas)\s*(\d{1,3})(?:\s+\p{L}[\p{L}'-]*)?$/iu;
/** A desk's compound in Dutch first, its place after it aside ("Veilingbalie Aalsmeer", "Servicebalie"): the desk's staff share it. */
const DESK_COMPOUND_FIRST = /^\p{L}{3,}balie(?:\s+\p{Lu}[\p{L}'-]*){0,2}$/u;
const LAB_WORD_FIRST = /^(?:[Ll]aborat[oó]rio|[Ll]aboratoire|[Ll]aboratory|[Ll]aboratorium)\s+(?:(?:de|del|de la|du|des|di|da|do|der|für|voor)\s+\p{Lu}\p{L}*(?:\s+\p{L}+){0,4}|\p{Lu}\p{L}*(?:\s+\p{L}+){1,4})$/u;
const TRAILING_CODE = /(?<!\s)\s+\p{Lu}{2,3}$/u;
/** A site's code and a test copy's ("HOU TST"), or one alone. */
const TRAILING_CODES = /(?<!\s)(?:\s+\p{Lu}{2,3}){1,2}$/u;
/** A number last, `#` before it or not (started at a run of white space's first, so a long run stays linear). */
const TRAILING_NUMBER = /(?<!\s)\s*#?\d+$/;
const CAPS_SURNAME_FIRST = /^(\p{Lu}{3,})\s+\p{Lu}\p{Ll}+$/u;
/** A mailbox that is not a person's beside a team's display name (see inside). A name in another script passes. */
function mailboxOfTheName(f: AccountFeatures, name: string): boolean {
  if (f.localPart === null || !LATIN_LETTER.test(name)) return true;
  const words = foldLetters(name).split(/[^a-z]+/).filter((w) => w !== "");
  const tokens = foldLetters(f.localPart.split("+")[0] as string).split(/[^a-z]+/).filter((t) => t.length >= 2);
  // The holder's own name beside a word the display name lacks (`tom.keller@` for "Tom Service
  // Desk"): a person's mailbox. A team's mailbox of other words (`eng-automation+design@` for
  // "Design Team") is the team's still.
  // Words cut short and run together are the name's too (`structbio-group@` for "Structural Biology Group").
  // A word's stem is the word too, its ending cut off (`operasyon` for "Operasyonları"); not the
  // first word's, a given name's short form (`chris.station@` for Christopher Station).
  const stem = (t: string): boolean => t.length >= 4 && words.slice(1).some((w) => w.length > t.length && w.startsWith(t));
  return !(tokens.some((t) => spelledFrom(t, words, null)) && tokens.some((t) => t.length > 3 && !spelledFrom(t, words, null) && !shortenedFrom(t, words) && !stem(t)));
}
/** `token` is the starts (two letters or more) of two or more of `words`, in their order: `structbio` from "Structural Biology". */
function shortenedFrom(token: string, words: readonly string[]): boolean {
  const walk = (at: number, from: number, used: number): boolean => {
    if (at === token.length) return used >= 2;
    for (let w = from; w < words.length; w++) {
      const word = words[w] as string;
      for (let n = Math.min(word.length, token.length - at); n >= 2; n--) if (token.startsWith(word.slice(0, n), at) && walk(at + n, w + 1, used + 1)) return true;
    }
    return false;
  };
  return walk(0, 0, 0);
}
/** One word of four CJK characters or more ending in a word for team or centre ("고객지원팀", "営業サポートチーム", "客户服务团队"): no person's name. */
const CJK_TEAM_WORD = /^[\p{Script=Han}\p{Script=Katakana}\p{Script=Hangul}ー]{3,}(?:팀|チーム|团队|團隊|小组|小組|センター|센터)$/u;
/** A department's name (three characters or more, ending in 部, 課, 室, 科 or "centre") and a word for shared: "物流部 共用", "財務部 共有"; not "山田太郎 営業チーム". */
/**
 * A lab's, a team's or a department's name, in any script, and then a word for shared ("QAラボ 共用",
 * "購買 共有", "采购共享"): no person's name ends in one. The Korean words only after a space: 공유
 * is a given name too (황보공유).
 */
const CJK_SHARED_LAST = /^[\p{L}\p{N}]{2,12}(?:\s*(?:共有|共用|共享)|\s+(?:공용|공유))$/u;
const CJK_DEPARTMENT_SHARED = /^[\p{Script=Han}\p{Script=Katakana}\p{Script=Hangul}]{2,8}(?:部|課|室|科|中心|センター|센터)\s*(?:共有|共用|共享|공용|공유)/u;
const NOTE_AFTER_NAME = /[/|·@,]|\s[-–—:]\s/u;
/**
 * A team's noun last in a display name, a number after it aside ("Customer Success Team", "HR
 * Services", "VIE Lost and Found"). Training only with a number or two words before it ("London
 * Training 1", "Ground Ops Training"): Training is a surname too (Grace Training). The look
 * behind comes after the word it guards: before it, it would be tried at every position of the
 * name, each time back across a run of spaces, quadratic in a hostile name's length.
 */
const TEAM_NOUN = /(?:^|[^\p{L}])(?:teams?|teamet|tiimi|ekibi|[şs]ubesi|vardiyas[ıi]|vardiya|zesp[óo][łl]|tým|desk|helpdesk|servicedesk|group|department|dept|unit|squad|shared|mailbox|inbox|biuro|büro|buero|oficina|équipe|equipe|equipo|nurses|midwives|doctors|pharmacists|paramedics|therapists|techs|technicians|agents|engineers|operators|dispatchers|cashiers|tellers|clerks|receptionists|porters|guards|assistants|supervisors|interns|volunteers|coordinators|planners|lab|labs|laboratory|hub|reception|front desk|station|control|delivery|services|lost\s+(?:and|&)\s+found|training(?=\s*\d)|training(?<=\S\s+\S+\s+training))(?:\s+account)?(?:\s*\d+)?$/iu;
/** A team's word first, as French, Spanish, Portuguese, German and Dutch write a team's name ("Cellule Raccordement", "Pôle Facturation", "Equipo Soporte", "Célula Fiscal"). */
const TEAM_FIRST = /^(cellule|p[ôo]le|[ée]quipe|equipo|equipa|c[ée]lula|n[úu]cleo|abteilung|arbeitsgruppe|afdeling)\s+\p{L}/iu;
/**
 * `TEAM_FIRST`, at a mailbox that starts with the team's word too (`cellule.raccordement@`), or
 * none: a person's name written surname first is at a mailbox of their given name first ("Pole
 * Anna" at `anna.pole@`).
 */
function teamWordFirst(f: AccountFeatures, name: string): boolean {
  const word = TEAM_FIRST.exec(name)?.[1];
  if (word === undefined) return false;
  return f.localPart === null || (mailboxWords(f.localPart)[0] ?? "") === foldLetters(word);
}
/** Team nouns that are surnames too (Tom Station, Luis Control). */
const SURNAME_TEAM_NOUN = /\s(?:station|control)$/i;
/** What is controlled or stationed, first in a team's name ("Load Control", "Fire Station"): no given name. */
const CONTROLLED = /^(?:technik|technique|t[ée]cnica|tecnica|hangar|load|crew|flight|traffic|fleet|cargo|ramp|network|quality|stock|document|production|mission|ground|fire|police|dispatch|operations|ops|maintenance|movement|slot|gate|baggage|access|change|version|border|pest|process|air)\s/i;
/**
 * An office named for what it does ("Safety Office", "Press Office", "Exams Office", "Middle
 * Office"), or for a role's holder in the possessive ("Purser's Office ABO", a ship's code after
 * it aside, "Registrar's Office"): no person's name is written so; not after a given name (Ann
 * Office, a surname).
 */
const OFFICE_OF_TEAM = /(?:^|\s)(?:safety|security|press|exams?|research|finance|programme|program|project|front|back|middle|sales|admissions|ticket|ticketing|post|country|field|area|regional|head|duty|planning|quality|compliance|legal|travel)\s+office(?:\s*\d+)?$|^\p{L}+['’]s\s+office(?:\s*\d+)?$/iu;
/**
 * A station's, a hangar's or an operations office's desk, its word first and an airport's code
 * last, two desk's words at most between ("Stationsdesk BER", "Scalo MXP", "Oficina Operaciones
 * PMI"; "Hangar FCO Ufficio" does not end so); not "Escala JOSÉ Luis", a person's.
 */
const DESK_CODE = /^(?:[Ss]tationsdesk|[Ss]calo|[Aa]bfertigung|[Ww]erkstatt|[Oo]ficina|[Uu]fficio|[Hh]angar|[Ll]eitstand|[Ss]tation|[Ss]tazione|[Ee]scala|[Ee]scale|[Ee]staci[oó]n)((?:\s+\p{Lu}\p{Ll}+){0,2})\s+\p{Lu}{3}$/u;
/** `DESK_CODE`, the words between a desk's too ("Oficina Operaciones PMI"; not "Scalo Giulia FCO", a surname first, nor "Escala José Luis MAD"). */
function deskCoded(name: string): boolean {
  const found = DESK_CODE.exec(name);
  return found !== null && (found[1] as string).split(/\s+/).every((w) => w === "" || DESK_WORD.test(w));
}
/** An airline's or a carrier's station named by its word first and its place ("Escala PTY", "Escale DSS", "Estación MAD", "Station LAD"). */
const STATION_FIRST = /^(?:[Ee]scala|[Ee]scale|[Ee]staci[oó]n|[Ee]sta[cç][aã]o|[Ss]tation|[Ss]tazione)\s+\p{Lu}{3}(?![\p{L}\p{N}])/u;
/**
 * A role that whoever is on duty holds, named so ("Duty Editor", "Duty Manager 2", "On-Call
 * Engineer", "Night Editor", "Weekend Supervisor"), a team's code or Ops before it ("NOC Duty
 * Manager", "Ops Duty Officer"): the shifts share its account.
 */
const ON_DUTY_ROLE = /^(?:(?:\p{Lu}{2,5}|Ops)\s+)?(?:[Dd]uty|[Oo]n[- ]?[Cc]all|[Nn]ight|[Oo]vernight|[Ww]eekend|[Dd]y[żz]ur|[Pp][äa]ivystys|[Bb]ereitschaft|[Nn][öo]bet[çc]i|[Pp]ohotovost)\s+\p{Lu}\p{L}+(?:\s+\d+)?$/u;
/**
 * A shop or a branch named by its word first and its place ("Shop Uppsala", "Filiale München",
 * "Butik Göteborg", "Sklep Kraków", "Negozio Roma 2"), without a person's job title or a person's
 * name after a separator ("Filiale München - Hans Müller"): the staff on shift share it. Not the
 * words that are surnames written first too (Store, Winkel, Loja, Tienda, Magasin: "Winkel Jan"),
 * nor Branch or Bolt, names too.
 */
const SHOP_FIRST = /^(?:[Ss]hop|SHOP|[Ff]iliale|[Bb]utik|[Bb]utikk|[Ss]klep|[Pp]rodejna|[Kk]auppa|[Mm]yym[aä]l[aä]|[Nn]egozio|[Ss]ucursal|[Oo]ddzia[lł])\s+(?:#?\d+\s+)?\p{Lu}/u;
/**
 * A front desk, a counter, a field office, a ward's nurses' station, a gatehouse, an apprentices'
 * desk, a depot's stores or an on-call rota named by its word first and its place, ward or team
 * ("Recepção Sede", "Escritório Cuiabá", "Balie Poli Dermatologie", "Verpleegpost G7", "Sportello
 * Lugano", "Almacén Bilbao", "Receiving TAT", "Embarques GDL", a switchboard in
 * the Nordic languages, German, Spanish or Italian ("Växeln Stockholm", "Vaihde Helsinki"),
 * "Plantão TI", "Lernende Informatik"), a weighbridge's in Portuguese ("Balança Sorriso"), at a mailbox that starts with the same word (`balie.dermatologie@`,
 * `escritorio.lrv@`): whoever is on shift signs in to it. Some of these words are surnames too,
 * written before the given name by directories, at a mailbox in the same order ("Sportello Marco"
 * at `sportello.marco@`): the word after it must be a code (capitals or a number: "G7", "TI", "OK
 * 2") or, where the org knows its people's given names, none of them.
 */
function deskFirst(f: AccountFeatures, ctx: RuleContext, name: string): boolean {
  const found = DESK_FIRST.exec(name);
  // Both folded alike (`embarques` and "Embarques" are `embarqus`; `almacen` and "Almacén" agree).
  if (found === null || f.localPart === null || foldLetters(mailboxWords(f.localPart)[0] ?? "") !== foldLetters(found[1] as string)) return false;
  const next = found[2] as string;
  // Stores is a surname too: only before a code of three characters or more, or a desk's word
  // ("Stores COO", "Stores Desk NJ"; not "Stores Hannah" at `stores.hannah@` or `stores.h@`, a
  // person written surname first).
  if (SURNAME_DESK_FIRST.test(found[1] as string)) return (PLACE_CODE.test(next) && (next.length >= 3 || /\d/.test(next))) || DESK_WORD.test(next);
  if (PLACE_CODE.test(next)) return true;
  const word = vocabularyWords(next)[0];
  return ctx.vocabulary.givenNames() >= KNOWN_GIVEN_NAMES && word !== undefined && ctx.vocabulary.givenNameCount(word, f.user) === 0;
}
const DESK_FIRST = /^([Vv][äa]xeln?|[Oo]mstilling|[Vv]aihde|[Ss]entralbord|[Vv]ermittlung|[Cc]entralita|[Cc]entralino|[Rr]eceiving|RECEIVING|[Ss]hipping|SHIPPING|[Ee]mbarques|[Rr]ecebimento|[Ee]xpedi[çc][ãa]o|[Ee]xpedici[óo]n|[Aa]lmac[ée]n|[Aa]lmoxarifado|[Aa]rmaz[ée]m|[Mm]agazzino|[Ee]ntrep[ôo]t|[Rr]ecep[çc][ãa]o|[Rr]ece[pc]ci[óo]n|[Rr]eception|[Rr]ezeption|[Rr]eceptie|[Rr]ecepcja|[Rr]ecepce|[Ss]tores|[Ee]mpfang|[Ee]scrit[óo]rio|[Bb]alie|[Vv]erpleegpost|[Ss]portello|[Pp]ortaria|[Pp]lant[ãa]o|[Ll]ernende|[Aa]zubis?|[Bb]alan[çc]a)\s+(\p{Lu}\S*)/u;
/** A desk's word first that is a surname too. */
const SURNAME_DESK_FIRST = /^stores$/i;
/** A code after a desk's word: capitals, or a number in it ("G7", "TI", "NICU", "C4-Oost"). */
const PLACE_CODE = /^(?:\p{Lu}{2,}|\S*\d\S*)$/u;
/**
 * A shop's word that is a surname too, first before a place's name, at a mailbox that writes the
 * two in the same order ("Tienda Andino" at `tienda.andino@`, "Tienda Parque Arauco" at
 * `tienda.parquearauco@`, "Loja Moema" at `loja-moema@`): a
 * person shown surname first has the given name first in the mailbox (Tienda Maricel at
 * `maricel.tienda@`, Loja Carlos at `carlos.loja@`).
 */
function shopInItsOrder(f: AccountFeatures, name: string): boolean {
  const found = SHOP_SURNAME_FIRST.exec(name);
  if (found === null || f.localPart === null) return false;
  const parts = mailboxWords(f.localPart);
  const plain = (w: string): string => plainLetters(w).toLowerCase();
  return parts.length >= 2 && parts[0] === plain(found[1] as string) && (parts[1] as string).startsWith(plain(found[2] as string));
}
const SHOP_SURNAME_FIRST = /^([Ll]oja|LOJA|[Tt]ienda|TIENDA)\s+(\p{Lu}\p{Ll}+)(?:\s+\p{Lu}\p{Ll}+){0,2}$/u;
/** A lab named for its head, the lab's word first, in another language ("Laboratório Moore", "Laboratorio Ruiz", "Laboratoire Martin"). */
const LAB_FIRST = /^(?:[Ll]aborat[oó]rio|[Ll]aboratoire|[Ll]aboratory|[Ll]abor|[Aa]rbeitsgruppe|[Gg]rupo|[Gg]roupe)\s+\p{Lu}\p{L}+$/u;

/**
 * Sign-ins that people at different computers take in turn (`loginDeviceSwitchDays`): on
 * `TURNS_MIN_DAYS` days or more, and on `TURNS_DAY_SHARE` of the days it signs in at least, the
 * account's sign-ins went from one computer's platform to another and back within the day
 * (Windows, a Mac, Windows again): a coordination desk's account at three desks. Only on an
 * account the IdP does not keep, with no person's job title or department (`personProfile`), not named as a person at
 * their own mailbox (`personNamed`), nor at a mailbox of their given name or initials (`anna@`,
 * `jd@`): one person with a workstation and a laptop, a Windows desktop used from a Mac, or a
 * tester on three systems goes back and forth too, where sessions are short.
 */
export function computersTakeTurns(f: AccountFeatures, ctx: RuleContext): boolean {
  if (f.loginDeviceSwitchDays < TURNS_MIN_DAYS || f.loginDeviceSwitchDays < f.loginDays * TURNS_DAY_SHARE) return false;
  // A person's job title is a person's profile too (`personProfile` holds wherever `personTitle` does).
  return f.user.managementSource !== "synced" && !personProfile(f) && !personNamed(f, ctx) && !givenNameAtMailbox(f, ctx) && !initialsMailbox(f, ctx);
}

/**
 * Signed in to far more often a day than the org's accounts are (`MANY_SIGN_INS_SHARE` times the
 * org's sign-ins a day, `MANY_SIGN_INS_MIN` at least), on `MANY_SIGN_IN_DAYS` days or more, from
 * two browsers' families or more on computers (`loginComputerFamilies`: a phone's aside), or
 * somewhat more often than they are from three or more, under a name of two words or more with no
 * given name of the org's people in it and a word of a team or a place, beside no person's job
 * title: a desk's account that each of its staff signs in to in turn, at their own computer
 * ("Wareneingang Amberg", "Admin Hub Jambi", "Reisezentrum Innsbruck"). A person signs in once or
 * twice a day, from their laptop and their phone, however rare their given name; where the log
 * records every session, the org's own rate says what a person's day holds.
 */
export function signedInByMany(f: AccountFeatures, ctx: RuleContext): boolean {
  if (f.loginDays < MANY_SIGN_IN_DAYS || f.loginComputerFamilies < 2 || f.user.name.length > SHORT_NAME_MAX) return false;
  const aDay = f.loginCount / f.loginDays;
  const often = aDay >= Math.max(MANY_SIGN_INS_MIN, MANY_SIGN_INS_SHARE * ctx.signInsPerDay);
  // From three computers' browsers or more, as no person's laptop is, less often will do.
  const browsers = f.loginComputerFamilies >= MANY_BROWSERS && aDay >= Math.max(MANY_BROWSERS_SIGN_INS_MIN, MANY_BROWSERS_SHARE * ctx.signInsPerDay);
  if (!(often || browsers) || !noGivenNameIn(f, ctx) || personTitle(f, ctx)) return false;
  // In a large org most people's given names are theirs alone, and Chrome and Edge on one PC are
  // two browsers: the name must say team or place too, by a word of the org's departments or
  // titles, a role's word, or a word other accounts hold where no titled person's surname stands
  // ("Amberg" of "Wareneingang Amberg", held by the site's other desks, untitled; not Nkosi,
  // three titled people's surname).
  return vocabularyWords(f.user.name).some((w) => ctx.vocabulary.workWordCount(w) >= DEPARTMENT_WORD_MIN || (w.length > 2 && ctx.matchers.roleMailbox.test(w)) || (ctx.vocabulary.accountsHolding(w) >= PLACE_HOLDERS && ctx.vocabulary.titledSurnameCount(w, f.user) === 0));
}
/** Accounts that hold a word, in their names or mailboxes, for it to be a place's (see `signedInByMany`). */
const PLACE_HOLDERS = 3;
/** Characters of a display name that a desk's or a tool's name has at most: longer, it is read no further. */
const SHORT_NAME_MAX = 80;
const MANY_SIGN_IN_DAYS = 10;
const MANY_SIGN_INS_MIN = 2.5;
const MANY_SIGN_INS_SHARE = 2;
const MANY_BROWSERS = 3;
const MANY_BROWSERS_SIGN_INS_MIN = 1.5;
const MANY_BROWSERS_SHARE = 1.25;

/** The name's first word a given name of the org's people, at a mailbox that starts with it (`anna@`, `anna.b@` for Anna Berg). */
function givenNameAtMailbox(f: AccountFeatures, ctx: RuleContext): boolean {
  const first = f.user.name.trim().split(/\s+/)[0] ?? "";
  return f.localPart !== null && plainMailbox(f.localPart).startsWith(foldLetters(first)) && givenNameFirstWord(f, ctx);
}
const TURNS_MIN_DAYS = 5;
const TURNS_DAY_SHARE = 0.15;

/** Whether `sharedSignIns` finds any, without writing them: asked of most accounts. */
export function signInsShared(f: AccountFeatures, roleAddress = false): boolean {
  return (f.otpCount >= (roleAddress ? 2 : 3) && f.user.mfaEnabled !== true) || f.loginIpCount >= 4;
}
/**
 * Sign-ins that several people make: email OTP challenges on an account without two-step
 * verification (whoever reads the team's inbox answers them), or logins from four or more
 * addresses. On a team's role address (`roleAddress`), where no person's own mailbox is, two
 * challenges are enough (`logistics-cn@`: 5 sign-ins from 3 addresses, 2 codes); three addresses
 * are a person's office, home and phone.
 * Empty when there are none.
 */
export function sharedSignIns(f: AccountFeatures, roleAddress = false): string[] {
  const how: string[] = [];
  if (!signInsShared(f, roleAddress)) return how;
  if (f.otpCount >= (roleAddress ? 2 : 3) && f.user.mfaEnabled !== true) how.push(`${f.otpCount} email OTP challenges without two-step verification`);
  if (f.loginIpCount >= 4) how.push("logins from four or more addresses");
  return how;
}

/**
 * Work from scripting clients only (`SCRIPT_ONLY_MIN_EVENTS` events with a user agent or more,
 * every one a library's or a CLI's), and not one sign-in or UI visit: a script's account, whether
 * or not the log ties the calls to a token ("CREG Returns", calling from python-requests at each
 * month's end, was `human`). Not on an account the IdP keeps with a person's full profile or job
 * title: a developer working from a CLI or an IDE's extension alone.
 */
export function scriptingClientOnly(f: AccountFeatures, ctx: RuleContext, fullProfile: boolean): boolean {
  return (
    f.userAgentEventCount >= SCRIPT_ONLY_MIN_EVENTS &&
    f.automationUserAgentCount === f.userAgentEventCount &&
    f.loginCount === 0 &&
    (f.lastUiAccess === null || !f.uiActivityKnown) &&
    !(f.user.managementSource === "synced" && (fullProfile || personTitle(f, ctx)))
  );
}
const SCRIPT_ONLY_MIN_EVENTS = 5;

/**
 * Work through an unattended robotic-process-automation client (UiPath's Robot, Automation
 * Anywhere's, Blue Prism's, Kofax's or Pega's runtime) on `RPA_MIN_EVENTS` events or more, half of
 * the account's events with a user agent at least: a robot works as this account, on a person's
 * name and profile too. A person's attended assistant and their own Power Automate flows run as
 * the person, beside their own work, and do not count. A
 * bank's RPA robots, synced from its directory under invented people's names and back-office job
 * titles, signing in at two fixed times each weekday and calling through a token labelled
 * `robot-api`, were `human`: the person's-title guards protect them as they protect people.
 */
export function rpaClient(f: AccountFeatures): boolean {
  return f.rpaUserAgentCount >= RPA_MIN_EVENTS && f.rpaUserAgentCount * 2 >= f.userAgentEventCount;
}
const RPA_MIN_EVENTS = 20;

/**
 * Sign-ins and work from a television's or a signage player's browser (`screenUserAgentCount`) on
 * `SCREEN_MIN_EVENTS` events or more, nearly all of the account's events with a user agent: a
 * wallboard signed in to show a queue or a dashboard, which no person works at, whatever its name
 * (a wallboard at `tv.sinistros2@` named for a collections team signed in each weekday at 09:25
 * and was `human`). A person who casts a page once is not this.
 */
export function screenClient(f: AccountFeatures): boolean {
  return deviceAgentOnly(f, f.screenUserAgentCount);
}
/** `count` of the account's events with a user agent, `SCREEN_MIN_EVENTS` or more, are `SCREEN_SHARE` of them: the device is the account's only one. */
function deviceAgentOnly(f: AccountFeatures, count: number): boolean {
  return count >= SCREEN_MIN_EVENTS && count >= f.userAgentEventCount * SCREEN_SHARE;
}
const SCREEN_MIN_EVENTS = 5;
/**
 * The screen's share of the account's events with a user agent: a wallboard is the account's one
 * device. A person at a smart monitor's browser (LG's webOS, Samsung's Tizen) also uses a laptop
 * or a phone now and then, and one who signs in on the team room's TV at each stand-up signs in from
 * a laptop too.
 */
const SCREEN_SHARE = 0.9;

/**
 * Sign-ins and work from a single-board computer's desktop browser (`boardUserAgentCount`, a
 * Raspberry Pi's ARM Linux) on `SCREEN_MIN_EVENTS` events or more, `SCREEN_SHARE` of the account's
 * events with a user agent, on an account named as a screen or its room (`BOARD_NAME_WORD`, or a
 * handle with a number): the player behind a review room's or a NOC's screen ("Review Room 1
 * (Sydney)", "noc.wall.4", "Monitor Kantine" signed in each morning from one Pi were `human`).
 * A person at an ARM laptop running Linux sends the same agent, and is named as a person, whatever
 * the org knows of their name; nor is it an account with a person's job title or a full profile
 * (a device's title aside).
 */
export function boardClient(f: AccountFeatures, ctx: RuleContext, fullProfile: boolean): boolean {
  if (!deviceAgentOnly(f, f.boardUserAgentCount)) return false;
  if ((fullProfile && !DEVICE_TITLE.test(f.user.jobTitle ?? "")) || personTitle(f, ctx)) return false;
  const name = f.user.name.trim();
  return vocabularyWords(name).some((w) => BOARD_NAME_WORD.test(w)) || BOARD_HANDLE.test(name);
}
/** A screen's, a board's or its room's word, whole (`vocabularyWords`): "Review Room 2", "Dailies Theatre", "Production Board", "Monitor Kantine", "NOC". Not a wall's or a floor's, which are surnames. */
const BOARD_NAME_WORD = /^(?:dashboards?|boards?|boardroom|wallboards?|screens?|displays?|kiosks?|signage|tv|monitors?|bildschirm|anzeige|scherm|pantalla|ecran|rooms?|meeting|lobby|foyer|canteen|kantine|cafeteria|theatre|theater|noc)$/;
/** A handle of one word with a number in it, as a device's is ("okplanning-ok01", "syd-review-room-1"). */
const BOARD_HANDLE = /^[\p{L}\p{N}._-]*\p{L}[\p{L}\p{N}._-]*\d[\p{L}\p{N}._-]*$/u;

/**
 * A timetable of sign-ins in a log without the account's work (`unverifiedTimetable`: two fixed
 * times of day or more) that recurs on `STEADY_DAY_SHARE` of `STEADY_MIN_DAYS` sign-in days or
 * more, on an account without a person's full profile or job title: a robot's sign-ins, however
 * the UI use they leave looks. RPA robots on people's names, invited with no profile, signing in
 * at 04:00, 08:00, 12:00 and 16:00 within minutes on every weekday, were `human` because their own
 * sign-ins counted as a person at work.
 */
export function steadyTimetable(f: AccountFeatures, ctx: RuleContext, fullProfile: boolean): boolean {
  return !fullProfile && unverifiedTimetable(f, ctx) && f.loginSittingDays >= STEADY_MIN_DAYS && f.dailySlotFewestDays >= STEADY_DAY_SHARE * f.loginSittingDays && !personTitle(f, ctx);
}
const STEADY_MIN_DAYS = 10;
const STEADY_DAY_SHARE = 0.9;

/**
 * Use round the clock and at weekends: activity in `SHIFT_USE_HOURS` hours of the day or more, on
 * most Saturdays or Sundays of the span. On an account named as a team or a station ("Load
 * Control", "Nairobi Station") with no person's job title (a team's department is common), that
 * is the shifts who share it, from the one office address they sign in from; one person's rota
 * rests between shifts.
 */
export function shiftsUse(f: AccountFeatures, ctx: RuleContext): boolean {
  // Asked of most people's accounts: the hours and weekends first.
  if (f.activityDistinctHours < SHIFT_USE_HOURS || f.weekendDaysInSpan < 2 || !(Math.max(f.saturdayCoverage, f.sundayCoverage) > 0.5)) return false;
  // Not a person's name at their own mailbox, a given name or initials first (Lena Hub at
  // `lena.hub@`, AJ Station at `aj.station@`, on weekend nights): one person's rota.
  const name = f.user.name.trim();
  const first = name.split(/\s+/)[0] ?? "";
  if ((givenNameFirstWord(f, ctx) || INITIALS.test(first)) && personalMailbox(f, ctx) && !CONTROLLED.test(name)) return false;
  return !personTitle(f, ctx);
}
const SHIFT_USE_HOURS = 12;

/**
 * Sign-ins at shift hand-overs: `HANDOVER_SHARE` of `HANDOVER_MIN_GAPS` gaps between sign-in
 * sittings or more last 5 to 11 hours (`handoverGaps`), round the clock (no run of hours without a
 * sign-in longer than `HANDOVER_QUIET_HOURS`), on an account without a person's job title or full
 * profile. One person signs in once or twice a day and rests overnight, so most of
 * their gaps last a night or a day; a desk's account that each shift signs in to at 06:00, 14:00
 * and 22:00 ("Nuacht", "Archive Requests", from the staff's own homes and the office) has a
 * shift's gap after nearly every sitting. Whatever its name says: a team's word list never has
 * them all.
 */
export function shiftHandovers(f: AccountFeatures, ctx: RuleContext, fullProfile: boolean): boolean {
  if (fullProfile || personTitle(f, ctx)) return false;
  // Not a person whose surname is a desk's word, at their own mailbox (Anna Control at
  // `anna.control@`), unless the first word says what the desk handles ("Crew Tracking", "Technik
  // Leitstand") or is a desk's word itself ("Abfertigung VIE").
  // The desk's word in the name itself, not in a note or brackets after a person's name ("OKAFOR
  // Chidi (Operations)", "Ayşe Yılmaz – Nöbetçi Hemşire").
  if (deskEveryDay(f) && DESK_WORD.test(nameHead(f.user.name))) return !(givenNameFirstWord(f, ctx) && personalMailbox(f, ctx) && !DESK_WORD.test(f.user.name.trim().split(/\s+/)[0] ?? "") && !CONTROLLED.test(f.user.name.trim()));
  // A plant's desk on three shifts a day, six days a week, from one control-room PC or a few:
  // its own evidence, whatever the week or the addresses (`threeShiftsADay`). A desk's mailbox
  // spells its name ("Leitstand Halle 3" at `leitstand.halle3@`), so only a first word that the
  // org's people have as a given name makes it a person's.
  if (threeShiftsADay(f)) return !(givenNameFirstWord(f, ctx) && personalMailbox(f, ctx) && !noGivenNameFirst(f, ctx));
  if (!handoverSignIns(f)) return false;
  // A desk is staffed every day; a person who signs in three times a workday, at times that
  // drift, has hand-over gaps as well and rests at weekends, in any time zone (five days in seven
  // at most). Nor is it a person's name at their own mailbox, a given name first (Siobhán Ní
  // Bhriain at `siobhan.nibhriain@`).
  if (!(f.signInDayShare >= HANDOVER_DAY_SHARE)) return false;
  // And the staff sign in from their own places, four addresses or more: one person on call
  // round the clock signs in from home, the office and a phone ("OKAFOR Chidi" at
  // `chidi.okafor@`, 王慈 at `ci.wang@`, whose names start with no given name the check knows).
  return f.loginIpCount >= TEAM_SIGN_IN_ADDRESSES && !(givenNameFirstWord(f, ctx) && personalMailbox(f, ctx));
}
/**
 * A desk the shifts share from its own PCs: signed in to on 80% of the days or more, at two
 * sittings a day or so, a fifth of the gaps between them a shift's length. One person's working
 * month has rest days and, in most of its days, one sitting; a desk's hand-overs bring a sign-in
 * at each shift's start, every day ("Stationsdesk VIE", "MCC Turno" from one or two addresses).
 */
function deskEveryDay(f: AccountFeatures): boolean {
  return f.sittingGaps >= HANDOVER_MIN_GAPS && f.handoverGaps >= DESK_HANDOVER_SHARE * f.sittingGaps && f.signInDayShare >= HANDOVER_DAY_SHARE && f.loginSittingDays >= DESK_MIN_DAYS && f.loginSittings >= DESK_SITTINGS_A_DAY * f.loginSittingDays;
}
/**
 * A word for a shift, a duty, a desk or a control room, or for a station's, a hangar's or a
 * workshop's office, in the languages of the role words ("MCC Turno", "OCC Schichtleitung",
 * "Abfertigung VIE", "Scalo NAP", "Technik Leitstand", "Çağrı Merkezi Vardiya", "Dyżur Płatności"):
 * a post that whoever is on shift holds, no person's name. Not the words that are surnames too
 * (Guardia, Escala).
 */
const DESK_WORD = /(?:^|[^\p{L}])(?:shifts?|schicht\p{L}*|turno|turni|vuoro|skift|vardiya|smena|směna|zmiana|dy[żz]ur\p{L}*|vakt(?:en|rom)?|p[äa]ivystys|bereitschaft|plant[ãa]o|n[öo]bet\p{L}*|pohotovost|desk|stationsdesk|leitstand|leitstelle|leitwarte|kontrollrum|valvomo|driftcentral(?:en)?|dispatch|dispe[čc]ink|dyspozytornia|abfertigung|scalo|handling|werkstatt|verkstad|verksted|warsztat|ufficio|oficina|operaciones|operativo|operativa|operations|hangar|tracking|control|carga|kontor|toimisto|kancel[áa][řr])(?:$|[^\p{L}])/iu;
const DESK_HANDOVER_SHARE = 0.2;
const DESK_MIN_DAYS = 8;
const DESK_SITTINGS_A_DAY = 1.6;
/**
 * Three shifts a day: over 8 sign-in days or more, as many sign-in sittings (sign-ins half an hour
 * apart) followed by the next two shifts' as there are sign-in days (`shiftChainSittings`: another
 * sitting 5 to 11 hours later and one 13 to 19 hours later), half the gaps between sittings a
 * shift's length (5 to 11 hours), sign-ins on two days or more in all but
 * `THREE_SHIFTS_QUIET_HOURS` hours of the day (`shiftQuietHours`), on `THREE_SHIFTS_DAY_SHARE` of
 * the days or more ("Leitstand Halle 3", "Dispečink Plzeň" at 06:00, 14:00 and 22:00, Monday to
 * Friday and some Saturdays).
 *
 * A person's day chains too where their night is short (a sign-in at 20:00, the next at 07:30),
 * but they rest in the same hours night after night: the quiet hours count only hours with
 * sign-ins on two days or more, so three stray sign-ins at 22:40, 23:15 and 06:20 in five weeks
 * fill none of them. One who signs in every five hours from 07:00 to 22:00 sleeps from midnight to
 * six; an engineer's week on call or release days chain a few days of many; a person on call is
 * paged between sittings hours apart (an on-call build engineer in an independent generator's org:
 * chains on every sign-in day, but 39% of the gaps a shift's). Desks staffed round the clock whose
 * staff sign in again between hand-overs have as few shift-long gaps, and are left to the other
 * rules.
 */
function threeShiftsADay(f: AccountFeatures): boolean {
  // No chain is counted below 8 gaps (`shiftChainSittings`), so the days' minimum says the gaps' too.
  return f.loginSittingDays >= DESK_MIN_DAYS && f.shiftChainSittings >= f.loginSittingDays && f.handoverGaps >= THREE_SHIFTS_HANDOVER_SHARE * f.sittingGaps && f.shiftQuietHours <= THREE_SHIFTS_QUIET_HOURS && f.signInDayShare >= THREE_SHIFTS_DAY_SHARE;
}
const THREE_SHIFTS_HANDOVER_SHARE = 0.5;
const THREE_SHIFTS_QUIET_HOURS = 6;
const THREE_SHIFTS_DAY_SHARE = 0.6;
function handoverSignIns(f: AccountFeatures): boolean {
  return f.sittingGaps >= HANDOVER_MIN_GAPS && f.handoverGaps >= HANDOVER_SHARE * f.sittingGaps && f.loginQuietHours <= HANDOVER_QUIET_HOURS;
}
const HANDOVER_MIN_GAPS = 8;
const HANDOVER_SHARE = 0.6;
/** Sign-ins on this share of the days they span or more: every day, weekends too (a working week is 5/7, 0.71). */
const HANDOVER_DAY_SHARE = 0.8;
/** Round the clock: no quiet run of hours without a sign-in longer than a shift (a person's night is). */
const HANDOVER_QUIET_HOURS = 8;
const INITIALS = /^\p{Lu}{1,2}\.?$/u;

export function sharedUseText(f: AccountFeatures, ctx: RuleContext, score: number, config: DetectionConfig): string {
  const test = testAccountUse(f, ctx);
  if (test !== null) {
    const what = test === "persona" ? `named as German forms' invented test persona ("${f.user.name}")` : `a test account ("${f.user.name}" at \`${f.user.email ?? ""}\`)`;
    const use = test === "script" ? "that a test's script works with its API token" : test === "named" ? "whose name is a test's and none of whose words is a given name of the org's people" : `that testers sign in to (${sharedSignIns(f).join(", ")})`;
    return `Scores ${score}, below the likely-bot threshold ${config.thresholds.likelyBotScore}, but it is ${what} ${use}: review who depends on it before migrating.`;
  }
  const role = ctx.matchers.roleMailbox.test(f.localPart ?? f.user.nickname ?? "");
  const team = role ? "a team's role address" : `named as a team's ("${f.user.name}")`;
  const below = `Scores ${score}, below the likely-bot threshold ${config.thresholds.likelyBotScore}, but it is ${team}`;
  const how = sharedSignIns(f, role);
  if (how.length === 0 && !role && shiftsUse(f, ctx)) how.push(`use in ${f.activityDistinctHours} hours of the day and at weekends, as shifts share a desk`);
  if (computersTakeTurns(f, ctx)) {
    const turns = `on ${f.loginDeviceSwitchDays} of the ${f.loginDays} days it signs in, its sign-ins went from one computer's platform to another and back within the day`;
    if (!role && !teamNamed(f, ctx) && !namedShared(f, ctx) && !tokenInUse(f, ctx)) {
      return `Scores ${score}, below the likely-bot threshold ${config.thresholds.likelyBotScore}, but ${turns}${how.length > 0 ? `, with ${how.join(" and ")}` : ""}, as people at different computers taking turns at one account do, on an account with no person's profile. Each login now waits for a one-time code sent to its inbox; review who uses it.`;
    }
    how.push(turns);
  }
  if (signedInByMany(f, ctx)) {
    const many = `it is signed in to ${(f.loginCount / f.loginDays).toFixed(1)} times a day on the ${f.loginDays} days it signs in, where the org's accounts average ${ctx.signInsPerDay.toFixed(1)}, from ${f.loginComputerFamilies} browsers on computers`;
    if (!role && !teamNamed(f, ctx) && !namedShared(f, ctx) && !tokenInUse(f, ctx)) {
      return `Scores ${score}, below the likely-bot threshold ${config.thresholds.likelyBotScore}, but ${many}${how.length > 0 ? `, with ${how.join(" and ")}` : ""}, under a name with no given name of the org's people ("${f.user.name}") and no person's job title: people taking turns at one account sign in so, a person once or twice a day. Each login now waits for a one-time code sent to its inbox; review who uses it.`;
    }
    how.push(many);
  }
  const threeShifts = threeShiftsADay(f);
  if (handoverSignIns(f) || threeShifts) {
    const chains = threeShifts ? `, and ${f.shiftChainSittings} of its ${f.sittingGaps + 1} sign-in sittings are followed by another 5 to 11 hours later and another 13 to 19 hours later, as the next two shifts sign in` : "";
    const handovers = `${f.handoverGaps} of the ${f.sittingGaps} gaps between its sign-ins last 5 to 11 hours, a shift's length, where one person rests overnight${chains}`;
    if (!role && !teamNamed(f, ctx) && !namedShared(f, ctx) && !tokenInUse(f, ctx)) {
      return `Scores ${score}, below the likely-bot threshold ${config.thresholds.likelyBotScore}, but shifts share it: ${handovers}${how.length > 0 ? `, with ${how.join(" and ")}` : ""}. Each login now waits for a one-time code sent to its inbox; review who uses it.`;
    }
    how.push(handovers);
  }
  if (!ctx.auditLog && !tokenInUse(f, ctx)) {
    return `${below}, and without an audit log nothing tells whether scripts or several people use it: review who depends on it before anything changes.`;
  }
  if (unloggedTeam(f, ctx) && !tokenInUse(f, ctx)) {
    return `${below}, and the audit log records nothing it did (no sign-in, no token call), so nothing tells whether scripts or several people use it: review who depends on it before anything changes.`;
  }
  if (!tokenInUse(f, ctx) && how.length === 0 && namedShared(f, ctx)) {
    return `${below}, and its name says several people share it: people at work in it from one place look as one person does. Review who uses it before anything changes.`;
  }
  if (!tokenInUse(f, ctx) && how.length === 0 && roleAddressDesk(f, ctx)) {
    return `Scores ${score}, below the likely-bot threshold ${config.thresholds.likelyBotScore}, but it is a desk's role address, named as the desk ("${f.user.name}" at \`${f.user.email ?? ""}\`): whoever is on duty signs in to it, one at a time, and that looks like one person's use. Review who uses it before anything changes.`;
  }
  if (!tokenInUse(f, ctx) && how.length === 0 && workWordFirst(f, ctx)) {
    const word = vocabularyWords(f.user.name)[0] as string;
    return `Scores ${score}, below the likely-bot threshold ${config.thresholds.likelyBotScore}, but its name starts with "${word}", a word in the departments or job titles of ${ctx.vocabulary.workWordCount(word)} of the org's accounts that starts no person's name: a team's or a site's desk, which whoever is on duty signs in to, one at a time, and that looks like one person's use. Review who uses it before anything changes.`;
  }
  if (!tokenInUse(f, ctx) && how.length === 0 && teamWordsNoGivenName(f, ctx)) {
    return `Scores ${score}, below the likely-bot threshold ${config.thresholds.likelyBotScore}, but its name ("${nameHead(f.user.name)}") holds a team's or a desk's word and no given name of the org's people: a team's desk, which whoever is on duty signs in to, one at a time, and that looks like one person's use. Review who uses it before anything changes.`;
  }
  if (tokenInUse(f, ctx) || how.length === 0) {
    return `${below} that scripts use (an API token or token-driven events) beside the people who share it: review who depends on it before migrating.`;
  }
  return `${below} that several people sign in to (${how.join(", ")}): each login now waits for a one-time code sent to the team's inbox; review who uses it.`;
}

/**
 * A team's account the audit log records nothing of: the log records others' events, none of its
 * own (many logs keep sign-ins of some accounts only, or a sample), so the sign-ins that would show
 * several people, and the token calls that would show a script, are not there to be seen, and it
 * is reviewed on its name or role address alone (`shared-use`). Only where the display name is a
 * team's or a job's ("Front Desk", "Planning NL", "Studio Team"; not Owen Price at `planning@`,
 * nor Hans Kunde at `info@` or Jo Sales at `office@`, a word of theirs a team's, nor a given name
 * before a team's noun, Anna Hub, nor two words of three letters, Job de Bot), on an account
 * without a person's job title or department (not the Parish Clerk at `clerk@`, nor Professor
 * Koh's "Koh Lab"), at no person's mailbox: not one that writes its
 * holder's name (`anna.hub@`), nor one that starts with the name's first word where that may be a
 * given name (`amy@` or `amylee@` for "Amy Lee Reception", `kimn@` for "Kim Reception").
 */
export function unloggedTeam(f: AccountFeatures, ctx: RuleContext): boolean {
  if (!ctx.auditLog || f.eventCount !== 0 || personProfile(f) || personalMailbox(f, ctx)) return false;
  if (givenNameAtMailbox(f, ctx)) return false;
  return (jobWords(f.user.name, ctx, 1) && /\p{L}{4,}/u.test(f.user.name)) || (teamNamed(f, ctx) && !givenNameFirstWord(f, ctx));
}

/**
 * A person's API token called from cloud addresses at one time of day (within half an hour) on
 * `CLOUD_TIMER_MIN_DAYS` days or more, `CLOUD_TIMER_SHARE` of the days it was called from a cloud
 * at all, Saturdays and Sundays among them: a scheduled refresh in a cloud service (Power BI's, a
 * hosted cron) runs with it, whatever its owner does by hand from the office. A person at a cloud
 * desktop starts at a different minute each day, and not on their weekends; one who starts at the
 * same hour each day signs in from the cloud desktop too, and is not read so.
 */
export function cloudTokenTimer(f: AccountFeatures): boolean {
  return (
    f.cloudTokenOnTime >= CLOUD_TIMER_MIN_DAYS &&
    f.cloudTokenOnTime >= f.cloudTokenDays * CLOUD_TIMER_SHARE &&
    f.cloudTokenWeekends >= CLOUD_TIMER_MIN_WEEKENDS &&
    // The owner signs in from elsewhere (an office, a home): a person who works at a cloud desktop
    // (Azure Virtual Desktop, WorkSpaces) signs in from it too, and starts at the same hour each
    // day, weekends on call included.
    f.loginIpEventCount > 0 &&
    f.loginCloudCount === 0
  );
}
const CLOUD_TIMER_MIN_DAYS = 10;
const CLOUD_TIMER_SHARE = 0.8;
const CLOUD_TIMER_MIN_WEEKENDS = 2;

/**
 * Runs of a person's API-token calls that start within one three-minute window of the day
 * (`tokenStartSchedule`) on `TOKEN_TIMER_MIN_DAYS` days or more, `TOKEN_TIMER_SHARE` of the days
 * the token was called at all: a cron job on the person's token (a stand-up report at 07:00 each
 * weekday, a nightly export), whatever its owner does by hand in the UI and with the token. A
 * person's own command-line use starts at a different minute each day (six days at most in one
 * window over a month among the developers of seven independently generated orgs), and a
 * poller's calls follow one another without a start of their own. Not read in a log whose times
 * are rounded to the quarter-hour or the hour, where every start of an hour shares a minute.
 */
export function tokenTimer(f: AccountFeatures, ctx: RuleContext): boolean {
  return ctx.coarseTimeMs === 0 && (tokenDayTimer(f) || tokenHourTimer(f));
}

/** The daily half of `tokenTimer`: runs starting at one minute of the day. */
export function tokenDayTimer(f: AccountFeatures): boolean {
  return f.tokenStartOnTime >= TOKEN_TIMER_MIN_DAYS && f.tokenStartOnTime >= f.tokenStartDays * TOKEN_TIMER_SHARE;
}
const TOKEN_TIMER_MIN_DAYS = 10;
const TOKEN_TIMER_SHARE = 0.6;

/**
 * Runs of token calls that start, nearly all of them, within one three-minute window of the hour
 * (`TOKEN_HOUR_MIN_STARTS` or more, `TOKEN_HOUR_SHARE` of them, on `TOKEN_HOUR_MIN_DAYS` days or
 * more): a job every hour or every six hours at its minute past, whichever of its runs the log
 * keeps. A person's starts fall at any minute of the hour (two in five at most in one window).
 */
export function tokenHourTimer(f: AccountFeatures): boolean {
  return f.tokenStarts >= TOKEN_HOUR_MIN_STARTS && f.tokenStartHourOnTime >= f.tokenStarts * TOKEN_HOUR_SHARE && f.tokenStartDays >= TOKEN_HOUR_MIN_DAYS;
}
const TOKEN_HOUR_MIN_STARTS = 12;
const TOKEN_HOUR_SHARE = 0.8;
const TOKEN_HOUR_MIN_DAYS = 6;

/** Token calls from cloud addresses that make a server's script (see `serverToken`). */
const SERVER_TOKEN_MIN = 20;
const SERVER_TOKEN_SHARE = 0.9;

/**
 * A token used from cloud addresses by a scripting client while the account's own sign-ins come
 * from elsewhere (an office, a home), and nothing else it does comes from a cloud address: a script
 * on a server runs as the account, whoever signs in to it. A person behind a cloud-hosted VPN or on
 * a cloud desktop signs in or works from cloud addresses too, and is not this.
 */
export function serverToken(f: AccountFeatures): boolean {
  return (
    f.tokenCloudCount >= SERVER_TOKEN_MIN &&
    f.tokenCloudCount >= f.tokenIpEventCount * SERVER_TOKEN_SHARE &&
    f.datacenterIpCount === f.tokenCloudCount &&
    f.loginIpEventCount > 0 &&
    f.loginCloudCount === 0 &&
    // Where the log records no user agent for the account, the addresses say it alone.
    (f.userAgentEventCount === 0 || mostlyAutomationAgents(f))
  );
}
