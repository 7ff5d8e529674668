// An org with departments and job titles, for the rules that learn the org's own words
// (`OrgVocabulary`): its staff at work from the office, and account `x` among them, judged.
import type { Finding } from "../../src/core/detect/types.js";
import { ADDRESSES, HOME, IPHONE, personDays, PHONE, recentUi, teamSignIns } from "./name-attacks.js";
import { anyOf, byTime, account, BROWSER, CLOUD, DAY, EMPTY, ev, findingOf, HOUR, isWeekend, lcg, MIN, OFFICE, officeDays, REF_MS, signInsAllDay, snapshotOf, tokenCall, type Raw } from "./people-audit.js";

/** A department and a job title (either may be missing). */
export type Work = readonly [string | null, string | null];
export interface OrgShape {
  /** The staff's departments and job titles, cycling. */
  work: readonly Work[];
  /** People in the org besides `x`. */
  n: number;
  /** Names written SURNAME Given, as French, Italian and NHS directories do. */
  capsFirst?: boolean;
}

const GIVEN = ["Maria", "John", "Aisha", "Wei", "Tomás", "Priya", "Olga", "Kwame", "Daniel", "Fatima", "Liam", "Chloe", "Ahmed"] as const;
const SURNAMES = ["Santos", "Baker", "Khan", "Zhang", "Ruiz", "Nair", "Petrova", "Mensah", "Lopez", "Fischer", "Okafor", "Novak", "Byrne"] as const;

/** The org's staff (`p0`..), each at work on weekdays from the office, and their sign-ins. */
function staff(seed: number, { n, work, capsFirst = false }: OrgShape): { users: Raw[]; events: Raw[] } {
  const r = lcg(seed * 17 + 3);
  const users: Raw[] = [];
  const events: Raw[] = [];
  for (let i = 0; i < n; i++) {
    const given = GIVEN[i % GIVEN.length] as string;
    const surname = SURNAMES[(i * 7 + Math.floor(i / GIVEN.length)) % SURNAMES.length] as string;
    const [department, jobTitle] = work[i % work.length] as Work;
    const name = capsFirst ? `${surname.toUpperCase()} ${given}` : `${given} ${surname}`;
    users.push(account(`p${i}`, { name, email: `${given.toLowerCase()}.${surname.toLowerCase()}${i}@health.example`, department, jobTitle }));
    events.push(...officeDays(lcg(Math.floor(r() * 1e9)), `p${i}`));
  }
  return { users, events };
}

/** Account `x` with `events` among the org's staff and `others` (at work from the office), judged. */
export function inOrg(seed: number, x: Raw, events: Raw[], shape: OrgShape, others: Raw[] = [], apiTokens: Raw[] = []): Finding {
  const { users, events: theirs } = staff(seed, shape);
  const extra = others.flatMap((u, i) => officeDays(lcg(seed * 101 + i), u["accountId"] as string));
  return findingOf(snapshotOf([...users, ...others, x], [...theirs, ...extra, ...events], apiTokens), "x");
}

const VPN = "185.199.108.20";
/**
 * A person's five weeks from four places: most days from the office, some from home, some over the
 * hospital's VPN from a clinic, and on one evening in four a look from the phone. Four addresses or
 * more: `sharedSignIns` without one email code.
 */
export function fourPlaces(seed: number): Raw[] {
  const r = lcg(seed * 29 + 13);
  const out: Raw[] = [];
  for (let d = 35; d >= 1; d--) {
    const day = REF_MS - d * DAY;
    if (isWeekend(day) || r() < 0.05) continue;
    const p = r();
    const ip = p < 0.6 ? OFFICE : p < 0.82 ? HOME : VPN;
    const start = day + (8 + r() * 1.5) * HOUR;
    const end = day + (17 + r() * 1.5) * HOUR;
    out.push(ev("x", Math.floor(start), { ip, userAgent: BROWSER }));
    for (let t = start + 4 * MIN; t < end; t += (5 + r() * 45) * MIN) out.push(ev("x", Math.floor(t), { action: r() < 0.5 ? "issue_updated" : "comment_created", ip, userAgent: BROWSER }));
    if (r() < 0.25) out.push(ev("x", Math.floor(day + (20 + r()) * HOUR), { ip: PHONE, userAgent: IPHONE }));
  }
  return out;
}
/** A synced person of the org, department Patient Access, no job title synced, UI used yesterday; `fields` override. */
export const orgPerson = (name: string, email: string, fields: Raw = {}): Raw => account("x", { name, email, department: "Patient Access", jobTitle: null, ...recentUi, ...fields });
/** An invited agency nurse or locum (no profile, no 2SV): an email code before each sign-in, all from the office. */
export const orgGuest = (name: string, email: string): Raw => account("x", { name, email, managementSource: "invited", ...EMPTY, ...recentUi });
/** A person at work from four places, in the org. */
export const roaming = (seed: number, name: string, email: string, fields: Raw, shape: OrgShape, others: Raw[] = []): Finding => inOrg(seed, orgPerson(name, email, fields), fourPlaces(seed), shape, others);
/** An invited guest with an email code at each sign-in, in the org. */
export const codes = (seed: number, name: string, email: string, shape: OrgShape, others: Raw[] = []): Finding => inOrg(seed, orgGuest(name, email), personDays(seed, { codes: true, officeOnly: true }), shape, others);
/** A team's account in the org: synced, no profile, signed in to from three desks (an email code each when `withCodes`). */
export const teamInOrg = (seed: number, name: string, email: string, shape: OrgShape, fields: Raw = {}, others: Raw[] = [], withCodes = true): Finding =>
  inOrg(seed, account("x", { name, email, managementSource: "synced", ...EMPTY, ...recentUi, ...fields }), teamSignIns(seed, ADDRESSES, withCodes), shape, others);

const NORDIC = ["Anna", "Erik", "Lars", "Maria", "Jonas", "Elin", "Mikko", "Aino", "Ole", "Sofia", "Johan", "Emma", "Juha", "Liisa", "Nils", "Karin", "Pekka", "Sanna", "Tove", "Henrik"];
const CONSONANTS = ["B", "D", "F", "G", "H", "K", "L", "M", "N", "P", "R", "S", "T", "V", "Z"];
const VOWELS = ["a", "e", "i", "o", "u"];
/** 120 distinct given names: twenty Nordic ones, and a hundred of two syllables ("Bada", "Berena", ...). */
const GIVEN_120 = [...NORDIC, ...CONSONANTS.flatMap((c) => VOWELS.flatMap((v) => [`${c}${v}d${v}`, `${c}${v}r${v}n${v}`]))].slice(0, 120);
const NORDIC_SURNAMES = ["Lindqvist", "Berg", "Virtanen", "Hansen", "Nieminen", "Johansson", "Korhonen", "Dahl", "Laine", "Strand", "Holm"];

/**
 * 120 colleagues (`p0`..`p119`) at `domain`, one per given name, each signing in on a workday: an
 * org that knows enough given names (`OrgVocabulary`) to tell a word that is none of them.
 */
export function givenNamesOrg(domain: string): { users: Raw[]; events: Raw[] } {
  const users: Raw[] = [];
  const events: Raw[] = [];
  for (let i = 0; i < 120; i++) {
    const given = GIVEN_120[i % GIVEN_120.length] as string;
    const surname = NORDIC_SURNAMES[i % NORDIC_SURNAMES.length] as string;
    users.push(account(`p${i}`, { name: `${given} ${surname}`, email: `${given}.${surname}${i}@${domain}`.toLowerCase() }));
    events.push(ev(`p${i}`, REF_MS - ((i % 9) + 1) * DAY + 8 * HOUR, { ip: OFFICE, userAgent: BROWSER }));
  }
  return { users, events };
}

/**
 * Account `a` (`account("a", a)`) with `events`, judged among `givenNamesOrg(domain)`'s 120
 * colleagues, or, when `small`, among six colleagues at work from the office: an org too small for
 * its names to tell anything.
 */
export function judgedInOrg(domain: string, a: Raw, events: Raw[], small = false): Finding {
  if (small) {
    const users = Array.from({ length: 6 }, (_, i) => account(`c${i}`, { name: `Colleague ${i}`, email: `c${i}@${domain}` }));
    const theirs = users.flatMap((_, i) => officeDays(lcg(i + 5), `c${i}`));
    return findingOf(snapshotOf([account("a", a), ...users], [...theirs, ...events].sort(byTime)), "a");
  }
  const { users, events: theirs } = givenNamesOrg(domain);
  return findingOf(snapshotOf([account("a", a), ...users], [...theirs, ...events].sort(byTime)), "a");
}

/** An untitled account the admin invited, no profile or 2SV, in UI use yesterday, as the desks and screens in independent generators' orgs are. */
export const invitedUntitled = (name: string, email: string, fields: Raw = {}): Raw => ({ name, email, managementSource: "invited", mfaEnabled: false, jobTitle: null, department: null, picture: null, ...recentUi, ...fields });

/** Account `a`, at work from the office each weekday (`officeDays`), among `givenNamesOrg(domain)`'s colleagues and `others`, judged. */
export function deskDaysAmongGivenNames(domain: string, seed: number, a: Raw, others: Raw[] = []): Finding {
  const { users, events } = givenNamesOrg(domain);
  return findingOf(snapshotOf([account("a", a), ...others, ...users], [...events, ...officeDays(lcg(seed * 17 + 3), "a")].sort(byTime), []), "a");
}

/** Account `a` (`account("a", a)`) among `givenNamesOrg(domain)`'s colleagues, with its own events and tokens, judged. */
export function judgedAmongGivenNames(domain: string, a: Raw, events: Raw[] = [], apiTokens: Raw[] = []): Finding {
  const { users, events: theirs } = givenNamesOrg(domain);
  const all = [...theirs, ...events].sort(byTime);
  return findingOf(snapshotOf([account("a", a), ...users], all, apiTokens), "a");
}

/** Calls with account `a`'s token `tk` on working days, six a day between 06:00 and 18:00, from one address, by `client`. */
export function workdayCalls(seed: number, client: string): Raw[] {
  const r = lcg(seed * 19 + 3);
  const out: Raw[] = [];
  for (let d = 35; d >= 1; d--) {
    const day = REF_MS - d * DAY;
    if (isWeekend(day)) continue;
    for (let k = 0; k < 6; k++) out.push(tokenCall("a", Math.floor(day + (6 + r() * 12) * HOUR), "tk", "81.2.69.160", client));
  }
  return out;
}

/** A snapshot taken on a Monday, for a log of its last days: ten days hold two weekends. */
export const SHORT_LOG_TAKEN_MS = REF_MS + DAY;

/** Account `a`'s scheduled report: a few calls from a cloud address at about 15:29 on each of the last `days` days before `SHORT_LOG_TAKEN_MS`. */
export function dailyCloudRefresh(seed: number, days: number): Raw[] {
  const r = lcg(seed * 7 + 1);
  const out: Raw[] = [];
  for (let d = days; d >= 1; d--) {
    const start = SHORT_LOG_TAKEN_MS - d * DAY + 15 * HOUR + 29 * MIN + Math.floor(r() * 4) * MIN;
    for (let k = 0; k < 3; k++) out.push(ev("a", start + k * 20_000, { action: "jira_issue_viewed", ip: CLOUD }));
  }
  return out;
}

const EDGE = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0 Safari/537.36 Edg/130.0";

/** A team's members sign in to account `id` from the team's `pcs`, in Chrome or Edge, an email code each time, two to four times a workday (`signInsAllDay`). */
export const teamPcDays = (seed: number, id: string, pcs: readonly string[]): Raw[] =>
  signInsAllDay(seed, id, anyOf([BROWSER, EDGE]), (r) => pcs[Math.floor(r() * pcs.length)] as string, true, [2, 4]);

/** Account `a` signed in to on workdays from the office by a shift's staff, each a few hours' work after: a desk's use, as far as the log tells. */
export function deskShiftDays(seed: number): Raw[] {
  const r = lcg(seed * 53 + 11);
  const out: Raw[] = [];
  for (let d = 30; d >= 1; d--) {
    const day = REF_MS - d * DAY;
    if (isWeekend(day) || r() < 0.1) continue;
    const start = day + Math.floor((7 + r() * 2) * HOUR);
    out.push(ev("a", start, { ip: OFFICE, userAgent: BROWSER }));
    for (let t = start + 15 * MIN; t < start + 6 * HOUR; t += Math.floor((30 + r() * 60) * MIN)) out.push(ev("a", t, { action: "issue_updated", ip: OFFICE, userAgent: BROWSER }));
  }
  return out;
}
