// Cases a cold review built against `shiftStartShared` (index.ts), `NO_JOB_TITLE` (rules.ts) and
// `numberedDesk`'s surname guard (floors.ts), each a way a first version went wrong:
// (1) a scheduled job with a person's name and title, at the minute a department's colleagues
//     start, lifted by them; a fleet of such jobs lifting each other; jobs named for their process
//     counted as colleagues;
// (2) a person whose title is an owner's note, read as a machine's;
// (3) people whose surname is a counter's word, in a second account at a mailbox that orders or
//     adds to their name.
import { expect, it } from "vitest";
import { deskShiftDays, givenNamesOrg, judgedAmongGivenNames } from "../../../test/helpers/org-words.js";
import { judged as judgedAmongColleagues, personDays, recentUi } from "../../../test/helpers/name-attacks.js";
import { account, BROWSER, byTime, DAY, EMPTY, ev, explain, findingOf, HOUR, isWeekend, lcg, MIN, OFFICE, REF_MS, snapshotOf, type Raw } from "../../../test/helpers/people-audit.js";

const DOMAIN = "firma.example";
const DEPT = "Finance";
const TITLE = "Financial Controller";

/** An office worker's weekdays: sign-in at 09:00 ±jit min, UI work till ~17:00. */
function officeNine(seed: number, id: string, jit = 4, work = true): Raw[] {
  const r = lcg(seed * 977 + id.length * 13 + id.charCodeAt(id.length - 1));
  const out: Raw[] = [];
  for (let d = 60; d >= 1; d--) {
    const day = REF_MS - d * DAY;
    if (isWeekend(day) || r() < 0.08) continue;
    const start = day + 9 * HOUR + Math.floor((r() * 2 * jit - jit) * MIN);
    out.push(ev(id, start, { ip: OFFICE, userAgent: BROWSER }));
    if (work) for (let t = start + 10 * MIN; t < start + 8 * HOUR; t += Math.floor((20 + r() * 60) * MIN)) out.push(ev(id, t, { action: "issue_updated", ip: OFFICE, userAgent: BROWSER }));
  }
  return out;
}
/** A scheduler's job: every day (weekends too, or 6/7 when `rest`) at hh:mm ± jit, a sign-in then a few views. */
function job(seed: number, id: string, { hour = 9, minute = 0, jit = 4, ip = OFFICE, ua = BROWSER, views = 0, every = 1, skip = 0.05 }: { hour?: number; minute?: number; jit?: number; ip?: string; ua?: string; views?: number; every?: number; skip?: number } = {}): Raw[] {
  const r = lcg(seed * 31 + 7);
  const out: Raw[] = [];
  for (let d = 60; d >= 1; d--) {
    if (d % every !== 0 || r() < skip) continue;
    const day = REF_MS - d * DAY;
    const start = day + hour * HOUR + minute * MIN + Math.floor((r() * 2 * jit - jit) * MIN);
    out.push(ev(id, start, { ip, userAgent: ua }));
    for (let k = 1; k <= views; k++) out.push(ev(id, start + k * 2 * MIN, { action: "issue_viewed", ip, userAgent: ua }));
  }
  return out;
}

export function inDept(seed: number, bot: Raw, botEvents: Raw[], peers: number, peerFields: (i: number, given: string) => Raw = () => ({}), peerEvents?: (seed: number, id: string) => Raw[]) {
  const { users, events } = givenNamesOrg(DOMAIN);
  const given = (i: number): string => String((users[i] as Raw)["name"]).split(" ")[0] as string;
  const ps = Array.from({ length: peers }, (_, i) => account(`g${i}`, { name: `${given(i + 3)} Weber`, email: `${given(i + 3).toLowerCase()}.weber@${DOMAIN}`, jobTitle: TITLE, department: DEPT, ...recentUi, ...peerFields(i, given(i + 3)) }));
  const theirs = ps.flatMap((_, i) => (peerEvents ?? ((s, id) => officeNine(s, id)))(seed + i + 1, `g${i}`));
  return findingOf(snapshotOf([account("a", bot), ...ps, ...users], [...events, ...theirs, ...botEvents].sort(byTime)), "a");
}
const GIVEN = String((givenNamesOrg(DOMAIN).users[0] as Raw)["name"]).split(" ")[0] as string;
const botUser = (fields: Raw = {}): Raw => ({ name: `${GIVEN} Krüger`, email: `${GIVEN.toLowerCase()}.krueger@${DOMAIN}`, jobTitle: TITLE, department: DEPT, managementSource: "synced", ...recentUi, ...fields });

// (1) A scheduler-driven account (a person's name and title, one office address, sign-ins only)
// running every day, weekends too, a third of runs missed, at 09:00 ±3; five Finance colleagues
// start Monday to Friday at 09:00 and work the day.
it("a job among weekday colleagues who start at 09:00 stays reviewed", () => {
  for (const s of [2, 6, 8]) { const f = inDept(s, botUser(), job(s, "a", { jit: 3, skip: 0.3 }), 5); expect([s, f.verdict], explain(f)).toEqual([s, "likely-bot"]); }
});
// Four such accounts in a department of their own, from one desktop host.
it("a fleet of four jobs named as people does not lift itself", () => {
  const { users, events } = givenNamesOrg(DOMAIN);
  const given = (i: number): string => String((users[i] as Raw)["name"]).split(" ")[0] as string;
  for (const seed of [2, 3, 4, 5]) {
    const bots = [0, 1, 2, 3].map((i) => account(`b${i}`, { name: `${given(i + 10)} Nowak`, email: `${given(i + 10).toLowerCase()}.nowak@${DOMAIN}`, jobTitle: "Reporting Analyst", department: "Reporting", managementSource: "synced", ...recentUi }));
    const theirs = bots.flatMap((_, i) => job(seed * 10 + i, `b${i}`, { jit: 3, skip: 0.3, ip: "81.2.69.170" }));
    const snap = snapshotOf([...bots, ...users], [...events, ...theirs].sort(byTime));
    expect([seed, [0, 1, 2, 3].map((i) => findingOf(snap, `b${i}`).verdict)]).toEqual([seed, ["likely-bot", "likely-bot", "likely-bot", "likely-bot"]]);
  }
});
// Three jobs named for their process (no bot-like word), the department's title copied onto them.
it("jobs named for their process are no colleagues", () => {
  const names = ["Fechamento", "Conciliação", "Faturamento"];
  const mails = ["fechamento", "conciliacao", "faturamento"];
  for (const s of [2, 6, 8]) {
    const f = inDept(s, botUser(), job(s, "a", { jit: 3, skip: 0.3 }), 3, (i) => ({ name: names[i], email: `${mails[i]}.job@${DOMAIN}` }), (x, id) => job(x * 7, id, { jit: 3, skip: 0.3 }));
    expect([s, f.verdict], explain(f)).toEqual([s, "likely-bot"]);
  }
});

// (2) A person (invited, no profile, an email code before each sign-in, office weekdays) whose
// title is an owner's note. (A bare "Integração" is read as "Integration" is, a function's.)
it.each(["Owner: Bright Dental", "Responsável: Loja Centro", "Verantwortlich: Einkauf", "Ansvarlig: Lønn", "Eigenaar: Bakkerij de Vries"])("an invited person titled %s is human", (t) => {
  for (const s of [1, 2, 3, 4, 5]) {
    const f = judgedAmongColleagues(s, account("x", { name: "Carla Mendes", email: "carla.mendes@acme.com", managementSource: "invited", ...EMPTY, jobTitle: t, ...recentUi }), personDays(s, { codes: true, officeOnly: true }));
    expect([s, f.verdict], explain(f)).toEqual([s, "human"]);
  }
});

// (3) People whose surname is a counter's word, a second account, at desk-like days.
it.each([
  ["Pieter de Balie 2", "pieter.de.balie2"], ["Birgit Kasse 2", "kasse.birgit2"], ["Uwe Theke 2", "theke.uwe2"], ["Uwe Theke 2", "ext.uwe.theke2"], ["Uwe Theke 2 (Extern)", "uwe.theke2.extern"],
  ["Anne-Marie Kasse 2", "annemarie.kasse2"], ["Kasse, Birgit 2", "birgit.kasse2"], ["Marco Sportello 2", "marco.sportello2"], ["Jean Caisse 2", "jean.caisse2"],
])("%s at %s@ is a person", (name, mb) => {
  for (const s of [1, 2, 3]) {
    const f = judgedAmongGivenNames(DOMAIN, { name, email: `${mb}@${DOMAIN}`, jobTitle: null, department: null, picture: null, managementSource: "invited", ...recentUi }, deskShiftDays(s));
    expect([s, f.verdict], explain(f)).toEqual([s, "human"]);
  }
});
