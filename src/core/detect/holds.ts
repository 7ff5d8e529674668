// Why a score at or above the bot threshold is held back to `likely-bot` (the HOLD_* reasons),
// from what the rules of one account found (`Evidence`).

import type { DetectionConfig } from "./config.js";
import type { AccountFeatures } from "./features.js";
import { fromCloud, machineTitle, SIGN_IN_LOG_MIN_DAYS, withoutBrackets, mostlyAutomationAgents, orgWorksOn, personProfile, personsLongDay, plainLetters, plural, TEAM_SIGN_IN_ADDRESSES, timerSignIns, workAfterSignIns, tokenUsedRecently, uiDrivenByMachine, workingWeekShape, type RuleContext, timed, shiftWork, tokenlessBrowserSignIns } from "./rules.js";
import type { Signal } from "./types.js";
import { DAY_MS } from "./time.js";
import { automationName, CJK_JOB, deviceNamed, givenNameFirst, nameHead, jobWord, mailboxOfOwnName, nameMailbox, initialsMailbox, personNamed, personTitle, plainMailbox, SIGNED_IN_MIN_DAYS, tokenInUse } from "./floors.js";

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
const HOLD_OWNER_AWAY = 131072;
const HOLD_SESSION_POLICY = 262144;
const HOLD_LONG_DAY = 524288;
const HOLD_TITLED_SIGN_INS = 1048576;
const HOLD_SHORT_LOG = 2097152;
/** Share of the judged three-day stretches with a night's sleep that makes HOLD_MOVING_NIGHT. */
const MOVING_NIGHT_SHARE = 0.6;
/** Nights with activity, and the days in a row of work at rest every night, that make an on-call rota. */
const ON_CALL_MIN_NIGHTS = 3;
const ON_CALL_MIN_REST_DAYS = 7;

/** What the rules of one account found, beyond the score, for the verdict. */
export interface Evidence {
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
  /** Of `timing`, the beat of all activity (`activity-cadence`) alone. */
  paceOnly: boolean;
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
export const TIMER_RULES: ReadonlySet<string> = new Set(["activity-cadence", "activity-schedule", "login-fixed-cadence", "login-daily-slots", "login-flood", "login-schedule"]);

/** An account's evidence before any rule has fired; each account starts from a copy of it. */
export const NO_EVIDENCE: Readonly<Evidence> = { machine: 0, strongRules: 0, strongFamilies: 0, timing: false, paceOnly: false, weakTiming: false, workingHours: false, roleMailbox: false, machineName: false, botName: false, lifecycle: false, person: false, personAtWork: false, setupDivergence: false, beyondAddresses: false, signsIn: false, fullProfile: false, timer: false, strongTimer: false, everyDay: false };

/**
 * Why an account that scores at or above the bot threshold is not called `bot` (HOLD_* bits; 0
 * when it is). A person must never be migrated on a score made of tokens, names and profile
 * alone: `bot` needs machine evidence, and a person's working rhythm or live UI use holds it back.
 */
export function botHold(f: AccountFeatures, evidence: Evidence, ctx: RuleContext, reviewWhileUiActive: boolean): number {
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
  // it is reviewed, as working-hours-only would have it. Email codes one to a sign-in count as no
  // rule of their own (the sign-ins' count over again): with them alone it is held the same way.
  // So does one timer that stops for a night's rest every day, at whatever hour (a rota, a week
  // abroad), and on weekends too (an IDE left open at the weekend), where `every-day` is no second
  // line: a job's timer has no reason to rest each night.
  else if (
    !scriptsAccount(f, evidence, ctx) &&
    f.activityEvents > 0 &&
    ((evidence.strongRules <= 1 && workingWeekShape(f, ctx, 1)) || (evidence.strongRules - (evidence.everyDay ? 1 : 0) === 1 && restsNightly(f)))
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
  // A person's job title on an account whose machine evidence is all the timing of sign-ins from
  // a browser, with no token, no scripting client, no cloud address and no more than three
  // addresses, not named as a screen is: a person who signs in at the same minute each morning,
  // weekends too, looks so; a robot on a cloned profile too, so it is reviewed.
  // So does one whose work after its sign-ins is a shift's: it comes hours after them, at no time
  // of its own (`shiftWork`), as a platform crew's or a ward's over a run of twelve-hour shifts.
  if (evidence.machine === 2 && titledBrowserSignIns(f, evidence, ctx) && (f.eventCount === f.loginCount + f.otpCount || shiftWork(f))) held |= HOLD_TITLED_SIGN_INS;
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
  // from three addresses or more, whatever their timing.
  if (evidence.roleMailbox && f.recentUiProductCount > 0 && (workAfterSignIns(f, t) || deskSignIns(f)) && !evidence.lifecycle && !tokenInUse(f, ctx) && !fromCloud(f)) held |= HOLD_SHARED_DESK;
  // A token used in working hours only beside one used at all hours or at one time of day: a
  // person with a script of their own, whose account would go with the script.
  if (f.workdayTokenBesideOther && !scriptsAccount(f, evidence, ctx)) held |= HOLD_PERSON_TOKEN;
  // A new account used in the UI on its first day only, its token since: a script's setup, or a
  // new joiner who prefers a CLI. Review, never migrate, on that alone.
  if (evidence.setupDivergence && evidence.strongRules === 0) held |= HOLD_NEW_ACCOUNT;
  // An active account once worked in the UI, with a person's mark on it (a second factor, a
  // person's profile or name) and no automation's name: a person's own account. Its token's job,
  // however regular, says nothing about whether the person left or is on leave and coming back; a
  // migration would lock them out.
  if (ownerAway(f, evidence, ctx)) held |= HOLD_OWNER_AWAY;
  if (sessionPolicy(f, evidence, ctx)) held |= HOLD_SESSION_POLICY;
  // Sign-ins that start a person's long day (`personsLongDay`): however steady their beat (a
  // seven-day shift at one minute keeps a 24-hour cadence), a person's, never a `bot`'s alone.
  if (personsLongDay(f, ctx)) held |= HOLD_LONG_DAY;
  // A log of sign-ins too short to expect one of a person's (`SIGN_IN_LOG_MIN_DAYS`), or one that
  // records none at all, none of them this account's, which is named as a person is, active and
  // in UI use within `departedDays` where that is recorded, with no script's lifecycle or name
  // like automation's: a person away those days, whose own scheduled report runs on from the
  // cloud, looks the same as a job (a Power BI user's refresh in the last ten days of a log).
  if (ctx.auditLog && ctx.signInLogDays < SIGN_IN_LOG_MIN_DAYS && f.loginCount === 0 && f.user.status === "active" && (f.lastUiAccess === null || ctx.referenceMs - f.lastUiMs <= t.departedDays * DAY_MS) && !evidence.machineName && !evidence.lifecycle && namedAsPerson(f, ctx)) held |= HOLD_SHORT_LOG;
  // UI activity that the account's own machine-like logins explain is a headless browser's.
  if (reviewWhileUiActive && f.recentUiProductCount > 0 && !uiDrivenByMachine(f, ctx)) held |= HOLD_UI;
  return held;
}

/**
 * Named as a person is, with no word of a team's or a tool's name (`TEAM_NAME_WORD`: "Data
 * Platform" at `data.platform@`, "Tableau Server"): `personNamed`, or, whatever the mailbox
 * (`kristine@` for Kristine Pascual, `annab87@` for Anna Berg), two to five words, no number, none
 * of them a job's, a team's or a tool's word (`jobWord`), and no name like automation's.
 */
function namedAsPerson(f: AccountFeatures, ctx: RuleContext): boolean {
  if (TEAM_NAME_WORD.test(f.user.name)) return false;
  if (personNamed(f, ctx) || cjkOwnName(f, ctx)) return true;
  const words = withoutBrackets(f.user.name).split(/[\s,]+/).filter((w) => w !== "");
  return words.length >= 2 && words.length <= 5 && !words.some((w) => /\d/.test(w) || jobWord(w, ctx)) && automationName(f, ctx) === null;
}

/**
 * An active account with a name that is no automation's and a person's mark on it (two-step
 * verification, a person's full profile, or a person's name: `personNamed`), UI use on record but
 * none within `staleUiDays`, a token in use, and machine evidence from activity timing alone (no
 * sign-in a robot makes, no email challenge it cannot answer): a person's account on which a
 * script of theirs runs while they are away. A bare profile does not say the person left: in some
 * orgs a third of the people at work have neither a second factor nor a job title.
 */
function ownerAway(f: AccountFeatures, evidence: Evidence, ctx: RuleContext): boolean {
  if (f.user.status !== "active" || evidence.machineName) return false;
  // In a snapshot that does not record UI use, a second factor, which says a person signed in
  // once, a person's name and mailbox, or a person's job title and department: nothing there says
  // the person never used the account (one on leave, whose script runs every day, signs in nowhere
  // in the log; "Nakamura Kazuya" at `nakamura-k2@`, in production planning). A title of a job's
  // or a tool's words ("CI", "System") is an admin's note on a tool's account, not a person's.
  const unrecordedOwner = !f.uiActivityKnown && !machineTitle(f) && (f.user.mfaEnabled === true || ownNameUnrecorded(f, ctx) || (personTitle(f, ctx) && !!f.user.department && !ctx.matchers.nameWord.test(nameHead(f.user.name))));
  return (
    (f.user.mfaEnabled === true || evidence.fullProfile || personNamed(f, ctx) || unrecordedOwner) &&
    // UI use on record, or an owner where the snapshot does not record it.
    (f.lastUiAccess !== null || unrecordedOwner) &&
    f.recentUiProductCount === 0 &&
    tokenInUse(f, ctx) &&
    evidence.strongFamilies === TIMING_FAMILY
  );
}

/**
 * A word of a team's, a department's or a tool's name ("Data Platform", "Customer Success",
 * "Tableau Server", "Looker Studio"): written as a person's name is (two capitalised words, the
 * mailbox made of them), but no one's.
 */
const TEAM_NAME_WORD = /(?:^|[\s,])(?:platform|engineering|success|data|analytics|marketing|legal|security|infrastructure|product|design|research|operations|finance|accounting|payroll|procurement|reporting|reports?|release|customer|services|systems|network|business|intelligence|quality|compliance|warehouse|logistics|server|studio|cloud|automate|timesheets?|connector|collector|metrics|link|erp|crm|sap|desk|portal|hub|online|suite|center|centre)(?=$|[\s,])/i;

/**
 * A person's name on an account whose UI use the snapshot does not record, with no team's or
 * tool's word in it: written and addressed as a person's (`personNamed`), or at their initials
 * (`pr@`), given name (`priya@` for Priya Raman, as small companies address their people, or
 * `maryjane@` for Mary-Jane Watson) or a surname of a hyphenated pair (`mjgarcia@` for María José
 * García-López), or every word of its mailbox one of the name's (`anna_weber@`); or a CJK name of
 * two to six characters (`王伟`, `佐々木健太郎`, `中村 和也`) or of two to four words in
 * Cyrillic, Greek, Arabic or Hebrew letters, at a mailbox that is no team's or tool's.
 */
function ownNameUnrecorded(f: AccountFeatures, ctx: RuleContext): boolean {
  const name = f.user.name.trim();
  // A tool's word in a note after the name is the person's team or work ("Kari Nordmann (Logic
  // Apps)", "Kari Nordmann - Power Automate"), not the account's name.
  const head = nameHead(name);
  if (TEAM_NAME_WORD.test(head) || TEAM_NAME_CJK.test(head) || CJK_JOB.test(head) || ctx.matchers.nameWord.test(head)) return false;
  if (personNamed(f, ctx) || initialsMailbox(f, ctx)) return true;
  if (f.localPart === null) return false;
  const local = plainMailbox(f.localPart);
  if (ctx.matchers.nameWord.test(local) || ctx.matchers.roleMailbox.test(local)) return false;
  if (CJK_NAME.test(name) || OTHER_SCRIPT_NAME.test(name)) return true;
  if (/\d/.test(name)) return false;
  const words = plainLetters(name).toLowerCase().split(/[\s-]+/).filter((w) => w !== "");
  if (words.length < 2 || words.length > 5) return false;
  const joined = local.replace(/[^a-z]/g, "");
  const givenJoined = (givenNameFirst(name)[0] as string).replace(/[^a-z]/g, "");
  // One of the last two names of a hyphenated name (a run-together `quarterly-metrics@` for
  // Quarterly Metrics is a team's, as `tom-baker@` is written).
  // Or every word of the mailbox one of the name's, joined by dots or underscores as people's are
  // (`anna_weber@`; hyphens join tools' names, `orion-courier@`), where no word of the name is a
  // job's, a team's or a tool's ("HR Feed" at `hr.feed@`): a team's name so addressed otherwise is
  // only held for review with it, never left `human` by this.
  return joined === givenJoined || (name.includes("-") && words.slice(-2).some((w) => w.length >= 3 && joined.includes(w))) || (mailboxOfOwnName(f) && !local.includes("-") && !words.some((w) => jobWord(w, ctx)));
}
/**
 * A person's name in CJK characters, as East Asian directories write it, a bracketed note after it
 * aside: a Chinese name of two or three characters after a common surname ("王伟", "冯子轩",
 * "杨勇(Echo)"), a Korean one of three syllables after a common surname ("박하준", "최혜진(서버팀)"),
 * or a surname and a given name apart ("佐々木 誠", "郭 欣怡"); none of its words, nor its note, a
 * robot's, a script's, a system's, a team's, a job's, a desk's, a room's or a device's ("前台",
 * "値班", "管理员", "看板", "工作站", "王伟(自动化)"); at a mailbox of four letters or more with no
 * bot-like or team's word (not `ws07@`, `pc-17@`, `admin2@`). `personNamed` cannot tell one: it
 * looks for the surname in the mailbox, which spells the name in Latin letters
 * (`wei.wang@`, `makoto.sasaki@`) or not at all.
 */
function cjkOwnName(f: AccountFeatures, ctx: RuleContext): boolean {
  const name = f.user.name.trim();
  const head = nameHead(name).trim();
  if (!(CHINESE_NAME.test(head) || KOREAN_NAME.test(head) || CJK_NAME_APART.test(head))) return false;
  if (TEAM_NAME_CJK.test(head) || CJK_JOB.test(head) || CJK_DESK.test(head) || CJK_SCRIPT_NOTE.test(name)) return false;
  if (f.localPart === null) return true;
  const local = plainMailbox(f.localPart);
  return local.replace(/[^a-z]/g, "").length >= 4 && !ctx.matchers.nameWord.test(local) && !ctx.matchers.roleMailbox.test(local);
}
/** The commonest Chinese surnames (simplified and traditional), the first character of most Chinese people's names. */
const CHINESE_SURNAMES = "王李张張刘劉陈陳杨楊黄黃赵趙吴吳周徐孙孫马馬朱胡郭何高林罗羅郑鄭梁谢謝宋唐许許韩韓冯馮邓鄧曹彭曾肖萧蕭田董袁潘于蒋蔣蔡余杜叶葉程苏蘇魏吕呂丁任沈姚卢盧姜崔钟鍾谭譚陆陸汪范金石廖贾賈夏韦韋付方白邹鄒孟熊秦邱江尹薛闫段雷侯龙龍史陶黎贺賀顾顧毛郝龚龔邵万萬钱錢严嚴覃武戴莫孔向汤湯常温溫柳欧歐";
const CHINESE_NAME = new RegExp(`^(?:欧阳|歐陽|司马|司馬|上官|诸葛|諸葛|[${CHINESE_SURNAMES}])\\p{Script=Han}{1,2}$`, "u");
/** The commonest Korean surnames, then a given name of two syllables. */
const KOREAN_NAME = /^[김이박최정강조윤장임한오서신권황안송류유전홍고문양손배백허남심노하곽성차주우구민진지엄채원천방공현함변염여추도소석선설마길연위표명기반왕금옥육인맹제모탁국어은편용]\p{Script=Hangul}{2}$/u;
/** A surname of one to three characters and a given name of one to three, apart (Han, hiragana, Hangul). */
const CJK_NAME_APART = /^[\p{Script=Han}\p{Script=Hangul}々]{1,3}\s[\p{Script=Han}\p{Script=Hiragana}\p{Script=Hangul}々]{1,3}$/u;
/** A desk's, an office's, a room's, a role's or a device's word in Chinese, Japanese or Korean. */
const CJK_DESK = /前台|受付|接待|值班|値班|值日|当番|總務|总务|総務|총무|管理|관리|看板|大屏|屏幕|画面|端末|终端|終端|工作站|共有|共用|公用|共享|공용|客服|サポート|窓口|窗口|事務|事务|办公|辦公|会議|會議|会议|研发|研發|开发|開発|開發|运营|運営|運營|财务|財務|人事|总机|總機|大厅|大廳|中心|센터|노트북|모니터|전산|장비|방송|안내|회의|부서|[部課室科组組]$/u;
/** A note that says a script or an automation ("王伟(自动化)", "王伟（脚本）"). */
const CJK_SCRIPT_NOTE = /自动|自動|脚本|スクリプト|스크립트|机器人|機器人|ロボット|ボット|봇|[Bb]ot\b|[Ss]cript/u;
/** A CJK name: two to four characters, five or six with a repeat mark (佐々木健太郎), or a family name and a given name apart (中村 和也). */
const CJK_NAME = /^(?:[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]{2,4}|(?=.*々)[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}々]{5,6}|[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}々]{1,3}\s[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}々]{1,4})$/u;
const OTHER_SCRIPT_NAME = /^[\p{Script=Cyrillic}\p{Script=Greek}\p{Script=Arabic}\p{Script=Hebrew}]+(?:\s+[\p{Script=Cyrillic}\p{Script=Greek}\p{Script=Arabic}\p{Script=Hebrew}]+){1,3}$/u;
/** CJK words of a robot's, an automation's, a system's or a team's name (机器人, 自动化, 同步, 运维, 数据, ロボット, 봇...). */
const TEAM_NAME_CJK = /机器人|機器人|自动|自動|同步|运维|運維|数据|數據|系统|系統|服务|服務|平台|团队|團隊|测试|測試|监控|監控|报表|報表|接口|集成|ロボット|システム|サービス|チーム|テスト|봇|자동|시스템|서비스|팀|테스트/u;

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
 * Sign-ins from browsers (`signsInFromBrowsers`, on a team's address) at three addresses or more,
 * whatever their timing, where the log records no work after them.
 */
function deskSignIns(f: AccountFeatures): boolean {
  return (
    f.sittingWorkEvents === 0 &&
    // A timer's sign-ins come from its host's one or two addresses; a desk's handover from three
    // desks or more, however steady (a NOC's shifts hand over at 06:00, 14:00 and 22:00).
    f.loginIpCount >= TEAM_SIGN_IN_ADDRESSES &&
    signsInFromBrowsers(f)
  );
}

/**
 * A person's job title, a name that is no automation's or a screen's, no script's lifecycle, and
 * sign-ins from a browser at `maxAddresses` addresses at most (three, as a robot's host has one or
 * two), with no token, scripting client or cloud address on the account.
 */
export function titledBrowserSignIns(f: AccountFeatures, evidence: Evidence, ctx: RuleContext, maxAddresses = 3): boolean {
  return personTitle(f, ctx) && browserSignInsOnly(f, evidence, ctx, maxAddresses);
}

/**
 * `titledBrowserSignIns` without the title: a person's name and sign-ins, with no script's trace.
 * Where the log records no user agent for the account, its sign-ins stand in for a browser's.
 * Sign-ins from the org's shared egress (`loginFromSharedEgress`: addresses five accounts or more
 * sign in from, a cloud desktop's pool) are the org's, however many and wherever hosted: a call
 * centre's agents on a cloud desktop were reviewed as scripts.
 */
export function browserSignInsOnly(f: AccountFeatures, evidence: Evidence, ctx: RuleContext, maxAddresses: number): boolean {
  return !evidence.machineName && !evidence.lifecycle && !deviceNamed(f, ctx) && tokenlessBrowserSignIns(f) && !mostlyAutomationAgents(f) && (f.loginFromSharedEgress || (!fromCloud(f) && f.loginIpCount <= maxAddresses));
}

/** A quiet night in most three-day stretches (see `judgedStretches`), at whatever hour it falls. */
function restsNightly(f: AccountFeatures): boolean {
  return f.judgedStretches >= 2 && f.quietStretches >= f.judgedStretches * MOVING_NIGHT_SHARE;
}

/**
 * Sign-ins from a browser on several days, at most one email code to each, and a night's rest
 * every day, on an account with no name like automation's and no script's trace (a token in use,
 * cloud addresses, a script's lifecycle): a person under a short session policy, signing in again
 * every quarter of an hour, whichever days they work (a seven-day rota, nights four on and four
 * off), looks so. The sign-ins' flood, their beat and the codes are that one policy, not lines of
 * a machine's. A browser robot on a day's timetable looks the same: reviewed, never migrated.
 */
function sessionPolicy(f: AccountFeatures, evidence: Evidence, ctx: RuleContext): boolean {
  // Where the log records no user agent for the account, its sign-ins on several days stand in.
  const signsIn = signsInFromBrowsers(f) || (f.userAgentEventCount === 0 && f.loginDays >= SIGNED_IN_MIN_DAYS) || roamingSignIns(f);
  // Nothing on it but a person's client: no token's call and no automation client's user agent.
  // A night's rest is then no condition: a person on call is paged at night and at weekends.
  const personsClientOnly = f.tokenEventCount === 0 && f.automationUserAgentCount === 0;
  // A team's role address signed in to this way is its people's (reviewed as a team's mailbox).
  const noScript = !evidence.lifecycle && (!evidence.machineName || nameMailbox(f, ctx) || (evidence.roleMailbox && personsClientOnly));
  // A token counts where its calls are in the log (a person's token the list shows used is their
  // own CLI's as often), and cloud addresses where they are not the org's own egress (a cloud
  // desktop everyone signs in from).
  const scriptsToken = tokenInUse(f, ctx) && f.tokenEventCount > 0;
  const scriptsCloud = fromCloud(f) && !f.loginFromSharedEgress;
  return signsIn && otpPerSignIn(f) && (restsNightly(f) || (personsClientOnly && !timerSignIns(f, ctx))) && noScript && !scriptsToken && !scriptsCloud;
}

/**
 * Sign-ins on several days, most from an address that neither of the two before came from (10 or
 * more such): a phone on a carrier's network, whatever client library its app names.
 */
function roamingSignIns(f: AccountFeatures): boolean {
  return f.loginDays >= SIGNED_IN_MIN_DAYS && f.loginRoamingCount >= ROAMING_MIN_SIGN_INS && f.loginRoamingCount * 2 >= f.loginCount;
}
const ROAMING_MIN_SIGN_INS = 10;

/** Email OTP challenges that come one to a sign-in (no more than 1.5 per sign-in): each sign-in brings its own. */
export function otpPerSignIn(f: AccountFeatures): boolean {
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

/**
 * A token's timer that runs on a person's working days only, a night's rest every day, starting
 * at no fixed time of day (within one half-hour on under `LAPTOP_MAX_SCHEDULE_SHARE` of its
 * days, or under `LAPTOP_ROUTINE_SHARE` where the day's end keeps no half-hour on
 * `LAPTOP_MAX_END_SHARE` of them: a person of routine starts within one on half to three
 * quarters of the days but closes the laptop when the work is done, a timer's random delay keeps
 * its start on all days), on an account with a person's name (`personNamed`) whose owner is seen
 * at work (recent UI use or interactive logins) and signs in on most of the days it is active,
 * from no cloud address, with no HTTP library's user agent on most events and no script's
 * lifecycle: a plugin, desktop app or spreadsheet add-on polling with the person's token while
 * their laptop is open. Its beat is a machine's, but the machine is the person's own: the account
 * is theirs (an IDE plugin's owner was reviewed as a script's account). A job keeps its start
 * time, or its weekends, or runs when nobody signs in.
 */
export function laptopTimer(f: AccountFeatures, evidence: Evidence, ctx: RuleContext): boolean {
  return (
    evidence.personAtWork &&
    !evidence.machineName &&
    // A CJK name's shape alone cannot say a person (金蝶, a product; 강의실, a lecture room; 経理 担当,
    // a desk, start as names do), and a synced product's account or a room's with 2SV has those too:
    // a person's job title must.
    (personNamed(f, ctx) || (cjkOwnName(f, ctx) && personTitle(f, ctx))) &&
    // The beat is a token's (the tool's), not the browser session's, and no HTTP library's.
    f.tokenEventCount * 2 >= f.activityEvents &&
    !mostlyAutomationAgents(f) &&
    !evidence.lifecycle &&
    !fromCloud(f) &&
    f.loginDays >= LAPTOP_SIGN_IN_SHARE * f.activityDays &&
    // A person of routine starts within one half-hour on half to three quarters of the days; so
    // does a robot on a desktop unlocked each morning, which stops at a set time.
    (f.scheduleDays < LAPTOP_MAX_SCHEDULE_SHARE * f.activityDays || (f.scheduleDays < LAPTOP_ROUTINE_SHARE * f.activityDays && f.dayEndDays < LAPTOP_MAX_END_SHARE * f.activityDays)) &&
    f.weekendDaysInSpan >= 4 &&
    laptopHours(f, ctx) &&
    pausesNightly(f, ctx)
  );
}
const LAPTOP_SIGN_IN_SHARE = 0.6;
const LAPTOP_MAX_SCHEDULE_SHARE = 0.5;
const LAPTOP_ROUTINE_SHARE = 0.8;
const LAPTOP_MAX_END_SHARE = 0.6;

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

/**
 * Active on more than `everyDayWeekendShare` of the Saturdays or of the Sundays of its span (a
 * six-day job too), where the org rests on that day (see `orgWorksOn`).
 */
export function weekendsLikeWeekdays(f: AccountFeatures, ctx: RuleContext): boolean {
  const share = ctx.t.everyDayWeekendShare;
  return f.weekendDaysInSpan >= 2 && ((f.saturdayCoverage > share && !orgWorksOn(f, ctx, 6)) || (f.sundayCoverage > share && !orgWorksOn(f, ctx, 0)));
}

/** The notes that say why a high score was held back to `likely-bot`. */
export function holdNotes(f: AccountFeatures, held: number, score: number, config: DetectionConfig, signInLogDays: number): Signal[] {
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
  if ((held & HOLD_OWNER_AWAY) !== 0) {
    const ui = Number.isFinite(f.lastUiMs) ? `was worked in the UI until ${new Date(f.lastUiMs).toISOString().slice(0, 10)}` : "has UI use the snapshot does not record (or none)";
    const factor = f.user.mfaEnabled === true ? " and two-step verification is enrolled on it" : "";
    reasons.push(`the account is active, ${ui}${factor}, and its name is no automation's: a person's own account, and a script of theirs runs on it (whether they left or are on leave cannot be told from the data; a migration would lock a returning person out)`);
  }
  if ((held & HOLD_SESSION_POLICY) !== 0) {
    reasons.push(
      `it signs in from a browser or a mobile app ${plural(f.loginCount, "time")} on ${plural(f.loginDays, "day")} with at most one email code each and ${restsNightly(f) ? "rests every night" : "no timer's beat or fixed times of day, with nothing on it but a person's client"}, with no token, cloud address or name like automation's: a person under a short session policy, or on call, signs in as often and as steadily`,
    );
  }
  if ((held & HOLD_LONG_DAY) !== 0) {
    reasons.push(
      `it signs in about once a day (${plural(f.loginSittings, "sign-in")} on ${plural(f.loginSittingDays, "day")}) from a person's client, under a name that is no automation's, and its recorded work never follows a sign-in within ${t.dailySlotWindowMinutes} minutes but comes hours later (${plural(f.sittingWorkHoursLater, "event")}): a person's working day, started at the same time each day`,
    );
  }
  if ((held & HOLD_PERSON_TOKEN) !== 0) reasons.push("one of its API tokens is used in business hours only and another mostly outside them or at one time of day: a person with a script of their own looks the same, and migrating the account would take it from them");
  if ((held & HOLD_SHARED_DESK) !== 0) {
    const desk =
      f.sittingWorkEvents === 0
        ? `signed in to from browsers ${f.loginIpCount >= 4 ? "at four addresses or more" : `at ${f.loginIpCount} addresses`} (a timer signs in from its host's one or two; the log records no work after the sign-ins)`
        : `its work going on long after its sign-ins (${f.sittingWorkEvents - f.sittingWorkNearSignIn} of ${plural(f.sittingWorkEvents, "event")} more than ${t.dailySlotWindowMinutes} minutes after one, ${f.sittingWorkLate} late in the time to the next)`;
    reasons.push(`it is a team's role address worked in the UI within ${t.staleUiDays} days, ${desk}, with no token, cloud address or script's lifecycle: a desk staffed in shifts signs in as steadily as a timer`);
  }
  if ((held & HOLD_ON_CALL) !== 0) reasons.push(`the identity provider provisions it and it was active at night on ${plural(f.nightDays, "day")} but rested every night for ${f.restingRunDays} days in a row while at work, as a person on call in some weeks does; a job that runs at night runs every night`);
  if ((held & HOLD_TITLED_SIGN_INS) !== 0) {
    const work = f.eventCount === f.loginCount + f.otpCount ? "" : `, its work coming hours after them (${f.sittingWorkHoursLater} of ${plural(f.sittingWorkEvents, "event")} an hour or more after a sign-in, ${f.sittingWorkNearSignIn} within ${t.dailySlotWindowMinutes} minutes)`;
    reasons.push(`its machine evidence is all the timing of sign-ins from a browser${work}, with no token, scripting client or cloud address, on an account with a person's job title ("${f.user.jobTitle ?? ""}"): a person of fixed habits or on a run of shifts signs in so too`);
  }
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
  if ((held & HOLD_SHORT_LOG) !== 0) {
    const log = signInLogDays > 0 ? `records sign-ins for ${plural(Math.floor(signInLogDays), "day")} only, none of them this account's` : "records no sign-ins at all";
    reasons.push(`the audit log ${log}, and it is named as a person: a person away for those days, whose own script runs on, looks the same`);
  }
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
