// Attack round on the vendor's waiting login, the schedule names and the bank's job words (uncommitted after c524994): `vendorLogin`
// (floors.ts, in `namedShared`) reads a vendor's support login, 1-2 capitalised words then Support,
// Vendor, Vendor Support|Access|Login, TAC (Access) or Remote Support|Access, at a mailbox of the
// name's words with a word ending in support, vendor, tac or remote, its vendor words no given name
// of the org's (a rare one counts 0); it counts with sign-ins several people make (`signInsShared`)
// or, since c524994, where the audit log exists and the account signed in at most once in it
// (`f.loginCount <= 1`), and since c524994 "X Vendor" alone too ("Agfa PACS Vendor"). Also in
// c524994: `nightly` and `hourly` are bot-like name words (DEFAULT_NAME_PATTERNS). Uncommitted:
// JOB_WORD gains Polish, Czech and Turkish words of a bank's reports, exports, settlements and
// archives (raport, raporty, raportowanie, sprawozdania, sprawozdawczosc, eksport, rozliczenia,
// archiwizacja, rapor, raporlama, raporlari, mutabakat, aktarim, vykazy, davky), so a name of such
// words (and acronyms) idle with a token is reviewed (`automation-identity`) and a job title of them
// is no person's (`personTitle`); and the token labels' SYSTEM_WORDS gain integration, alert,
// monitoring and production words in other languages (integracja, integrace, entegrasyon,
// integrationer, integrationen, intégration, integrering, alerty, alertes, alertas, alarme,
// alarmes, monitorowanie, izleme, überwachung, monitoreo, monitoramento, produkce, üretim), so a
// person's account whose only token is so labelled and used is reviewed (`system-token`).
// Mostly PEOPLE who must stay `human`: a Turkish person surnamed Taç, written "Tac" as a directory
// without Turkish letters writes it ("Cisco TAC"), at work, in the UI with nothing in a sampled log,
// on one long browser session, as a guest with email codes, on leave, titled with a bank's job words,
// at an initials mailbox; a contractor marked "Vendor" after her name at `ximena.ortiz.vendor@`; a
// help desk's per-agent accounts "Ximena Support" and "Ximena Vendor"; hourly staff marked "(Hourly)"
// or at `maria.lopez.hourly@`, and Rachel Nightingale; Polish, Turkish and Czech staff titled with a
// department's job word (Rozliczenia, Sprawozdawczość, Eksport, Raporlama, Mutabakat, Dávky), or with
// it after their name, and people on leave surnamed like a job word (Anna Raport, Mehmet Aktarim);
// people whose own token is labelled in their language (`raporty`, `üretim planı`, `izleme`,
// `üretim`, `produkce`, an HR officer's `Intégration`, onboarding in French) and developers with
// several tokens, one `integracja` or `entegrasyon`. Then BOTS: dormant vendor logins (Siemens
// Healthineers Support, Cisco TAC, GE Healthcare Remote Support/Access, Olympus Vendor, Agfa PACS
// Vendor, a three-word Roche Diagnostics Cobas Support), a bank's report jobs idle with a token in
// Polish, Czech and Turkish (with and without Turkish letters, and "Günlük Rapor", daily report),
// a person-like synced account in the UI daily whose only token, in another language, an HTTP
// library calls through (`entegrasyon`, `izleme`, `Überwachung`, ..., `ÜRETİM`, `URETIM`), and jobs
// named Nightly or Hourly. Each among eight office colleagues (`judged`), seeds 1-4. Every case was
// also run on the tree before this session (d960e11) and on the commit (c524994), extracted with
// `git archive` outside the repository, to tell which part did what.
// (During the round the working tree also changed `src/core/detect/index.ts`, the system-token floor
// now asked after the automation-group one, and `schemas/config.schema.json`; every case, the failing
// ones too, was run again on that tree, with the same verdicts and signals.)
//
// First run (50 cases: 31 people, 19 bots): 21 failed, 15 people and 6 bots. (Before it, the
// lists of labels and names were merged into one case each, and "GE Healthcare Remote Support" was
// added beside "Remote Access", which a preliminary run showed is never read.) All seeds alike.
// - Ayse Tac at `ayse.tac@`, synced, untitled, in the UI yesterday, nothing of hers in the log (the
//   export samples accounts): `likely-bot -2.5: recent-ui-activity:-2 idp-synced:-1 no-2sv:0.5
//   shared-use:0`; `human -2.5` at d960e11. CAUSED BY c524994's `loginCount <= 1`, which counts any
//   account the log lacks sign-ins of, in the UI yesterday or not. Same for Emre Tac, synced,
//   untitled, at work in the UI every weekday on ONE browser session that outlives the log (SSO
//   sessions last weeks): `likely-bot -7: working-hours-only:-3 recent-ui-activity:-2
//   interactive-logins:-1.5 idp-synced:-1 no-2sv:0.5 shared-use:0` (`human -7` before); and for a
//   help desk's per-agent "Ximena Support" at `ximena.support@` and "Ximena Vendor" at
//   `ximena.vendor@` on such a session (`likely-bot -7`, same signals; `human -7` before). A login
//   "waiting for the next call" should be idle too (no UI use within `recentDays`, no recorded work).
//   "Tac" also matches only because VENDOR_LOGIN has the `i` flag: TAC, a vendor's code, is written
//   in capitals, Taç/Tac the surname is not (and `\p{Lu}` under `/iu` takes small letters too).
// - Ayse Tac on leave (invited, empty profile, nothing in the log, UI 40 days ago, her token 30 days
//   ago): `likely-bot 2: empty-profile:1 no-2sv:0.5 not-idp-linked:0.5 shared-use:0`; `human 2`
//   before. Caused by c524994. The design accepts reviewing a dormant login named as a vendor's
//   ("Ximena Support"); here it is a person's surname, and the cost is one review of a dormant
//   guest: acceptable, but "TAC" in capitals only would spare it.
// - Emre Tac at `emre.tac@`, an invited guest with an email code before each sign-in (one office):
//   `likely-bot -4.5: working-hours-only:-3 recent-ui-activity:-2 interactive-logins:-1.5
//   empty-profile:1 no-2sv:0.5 not-idp-linked:0.5 email-otp:0 shared-use:0`, identical at d960e11
//   (`signInsShared` through the codes, and `tac` was read before). OLDER, not this session's.
// - Ayse Tac at `ayse.tac@`, titled "BDDK Raporlama" (department Finans), in the UI yesterday,
//   nothing in the log: `likely-bot -3.5: recent-ui-activity:-2 full-profile:-1 idp-synced:-1
//   no-2sv:0.5 shared-use:0`; `human -3.5` at c524994 and at d960e11. CAUSED BY THE UNCOMMITTED job
//   words: her title is now a job's words only, so `personTitle` no longer keeps `namedShared` off;
//   with c524994's gate above. Alone, a title of job words changed no verdict here (the six titled
//   people pass at work and unlogged).
// - Ximena Ortiz Vendor at `ximena.ortiz.vendor@`, an invited guest with email codes: `likely-bot
//   -4.5: working-hours-only:-3 recent-ui-activity:-2 interactive-logins:-1.5 empty-profile:1
//   no-2sv:0.5 not-idp-linked:0.5 email-otp:0 shared-use:0`; `human -4.5` before. CAUSED BY
//   c524994's bare "Vendor": its one or two words before it take a given name and a surname, and a
//   guest's codes are `signInsShared`. An active contractor. A bare "Vendor" could ask for one
//   vendor word, or an acronym or a product's word beside it ("Agfa PACS").
// - Maria Lopez (Hourly) and Maria Lopez - Hourly at `maria.lopez@`, invited guests with codes from
//   one office: `likely-bot -4.5: working-hours-only:-3 recent-ui-activity:-2 interactive-logins:-1.5
//   empty-profile:1 no-2sv:0.5 not-idp-linked:0.5 automation-identity:0 email-otp:0`; Maria Lopez at
//   `maria.lopez.hourly@`: `likely-bot -4.3: ... bot-name:0.22 automation-identity:0 email-otp:0`;
//   all `human -4.5` before. CAUSED BY c524994's `hourly` name word (the codes are the trace
//   `automationIdentity` wants). "Hourly" names a pay class as "daily" and "weekly" name a
//   person's reports, which the config's own comment keeps out; `nightly` does not. The synced
//   person so named, signing in from three places, passes.
// - A person's only token, used yesterday by her CLI, labelled `izleme` (a Turkish analyst's watch
//   script), `üretim` (a Turkish manufacturing planner's), `produkce` (a Czech production planner's)
//   or `Intégration` (a French HR officer's onboarding script: intégration is onboarding there), all
//   untitled: `likely-bot -6.7: working-hours-only:-3 interactive-logins:-2 recent-ui-activity:-2
//   idp-synced:-1 token-events:0.75 no-2sv:0.5 script-in-use:0`; `human -6.7` at c524994. CAUSED BY
//   THE UNCOMMITTED SYSTEM_WORDS, by design (a label of one system word), as round 78 kept bare
//   `Produktion`. Judgement: `produkce` is Czech developers' word for production and may stay;
//   `üretim` is the factory's word in Turkish (developers say `canlı` or `prod`) and costs more
//   than it finds; `izleme` and `intégration` are cheap reviews of an ambiguous label.
// - BOT: GE Healthcare Remote Access at `gehealthcare.remote@`, signed in to once: `human -1.5:
//   recent-ui-activity:-2 interactive-logins:-1.5 empty-profile:1 no-2sv:0.5 not-idp-linked:0.5`
//   at every tree. OLDER: `namedShared` returns before `vendorLogin` for a name without a
//   SHARED_HINT word, and "Remote Access" has none ("Remote Support" has support, "TAC Access" tac);
//   "GE Healthcare Remote Support" passes.
// - BOT: Roche Diagnostics Cobas Support at `roche.support@`, never signed in to: `human 2:
//   empty-profile:1 no-2sv:0.5 not-idp-linked:0.5` everywhere. The design's two vendor words.
// - BOTS: "BDDK Raporları" and "Mutabakat Aktarım", idle with a token: `human 2: empty-profile:1
//   no-2sv:0.5 not-idp-linked:0.5` everywhere, while "BDDK Raporlari" and "Mutabakat Aktarim" pass:
//   ı is a letter of its own, not an i with an accent, and `plainLetters` (NFD, marks dropped) keeps
//   it, so the list's `raporlari` and `aktarim` match only the ASCII spelling. "Günlük Rapor" (daily
//   report), the commonest Turkish job name, is `human 2` too: günlük is not listed. Misses of the
//   change, not regressions; since read (raporlar[ıi], aktar[ıi]m, günlük, haftalık, aylık), and
//   pinned in detect-job-names.test.ts.
// - BOT: a robot's only token `URETIM` (Turkish typed without its letters): `human -5.7` to `-7.7:
//   working-hours-only:-3 (interactive-logins:-2) recent-ui-activity:-2 full-profile:-1 idp-synced:-1
//   token-events:0.75 no-2sv:0.5`. A miss; `ÜRETİM` and `İZLEME` pass (İ lower-cases to i and a
//   combining dot, splitting the word, and the two halves are joined back as one name's two words).
// Added after the first run (2 people): Ayse Tac at `atac@`, in the UI yesterday, nothing in the log:
// `likely-bot -2.5: recent-ui-activity:-2 idp-synced:-1 no-2sv:0.5 shared-use:0`, `human -2.5` at
// d960e11, caused by c524994 (VENDOR_TOKEN ends a mailbox's word: `atac` ends in tac); and Ximena
// Vendor titled Procurement Specialist on one long session (passes: a person's title).
// Removed, all failing cases above: 16 people, 6 bots. What the passing cases show: job words in a
// title, after a name or as a surname-like word leave people `human`; a person's own word beside a
// system's keeps a token a person's, and so does a second token; Turkish letters (Ayşe Taç) keep
// the vendor's reading off. Gained: the six vendor logins (`human 2`, or `human -1.5` when signed in
// to once, at d960e11), the eight bank jobs (`human 2` at c524994), the token robots (`human -5.7`
// to `-7.7` at c524994), and Hourly Poll and Nightly set up by hand (`human 1.5` in seeds 2-4 at
// d960e11: `recent-ui-activity:-2 token-events:1.5 empty-profile:1 ...`).
//
// Fixed after the round (each case now in the file, passing): a login waits for its next call
// only with no work of its own recorded and no UI use within `recentDays` (`waitingLogin`), so a
// person on one long browser session, or in the UI yesterday with nothing in the log, keeps their
// login (Ayse Tac, Emre Tac, Ximena Support, Ximena Vendor); TAC counts only in capitals (Taç
// written "Tac"), and "Vendor" alone only after a system's acronym ("Agfa PACS Vendor"; not
// Ximena Ortiz Vendor, so "Olympus Vendor" is no longer read, and left out); `hourly` is no
// schedule's name word any more (a pay class: Maria Lopez (Hourly); Hourly Poll left out); the
// token words `izleme`, `üretim` and `intégration` were dropped (a person's words as often), so a
// person's only token so labelled, in Turkish capitals too, stays theirs (`produkce` kept).
import { describe, expect, it } from "vitest";
import { account, BROWSER, DAY, EMPTY, ev, HOUR, isWeekend, lcg, MIN, OFFICE, REF_MS, token, tokenCall, wrongRuns, isHuman, atLeastLikelyBot, type Raw } from "../../../test/helpers/people-audit.js";
import { guest, judged, onLeave, ownerSetUp, personDays, recentUi } from "../../../test/helpers/name-attacks.js";
import type { Finding } from "./types.js";

const SEEDS = [1, 2, 3, 4] as const;
const wrong = (want: (v: Finding["verdict"]) => boolean, run: (seed: number) => Finding): string[] => wrongRuns(SEEDS, want, run);
const human = isHuman;
const reviewed = atLeastLikelyBot;
const none = (w: string[]): void => expect(w, w.join(" || ")).toEqual([]);
const iso = (ms: number): string => new Date(ms).toISOString();

/** A synced person at work (`personDays`: office, home, phone), no job title unless `fields` give one. */
const atWork = (seed: number, name: string, email: string, fields: Raw = {}): Finding => judged(seed, account("x", { name, email, jobTitle: null, ...recentUi, ...fields }), personDays(seed));
/** A synced person who used the UI yesterday, of whom the log records nothing (the export samples accounts), no job title unless `fields` give one. */
const unlogged = (seed: number, name: string, email: string, fields: Raw = {}): Finding => judged(seed, account("x", { name, email, jobTitle: null, ...recentUi, ...fields }));
/**
 * A synced person at work every weekday whose browser session outlives the log: ONE sign-in, at the
 * start of the five weeks, then a day's work on each weekday (`personDays` without its later sign-ins).
 */
function oneSession(seed: number): Raw[] {
  let first = true;
  return personDays(seed).filter((e) => {
    if (e["action"] !== "user_login") return true;
    const keep = first;
    first = false;
    return keep;
  });
}
const longSession = (seed: number, name: string, email: string, fields: Raw = {}): Finding => judged(seed, account("x", { name, email, jobTitle: null, ...recentUi, ...fields }), oneSession(seed));

/** A synced person at work whose own CLI calls on half the days through their only token, labelled `label` (last used yesterday); `more` are further tokens. */
const withToken = (seed: number, name: string, email: string, label: string, more: Raw[] = [], fields: Raw = {}): Finding =>
  judged(seed, account("x", { name, email, ...recentUi, ...fields }), personDays(seed, { cli: true }), [token("t1", "x", REF_MS - DAY, label), ...more]);

/** A robot on a synced person-like account in the UI daily: an HTTP library calls through its only token `label` every 15-60 minutes on weekdays 08:00-17:00. */
function robotWithToken(seed: number, label: string, agent = "python-requests/2.31.0"): Finding {
  const r = lcg(seed * 7 + 3);
  const calls: Raw[] = [];
  for (let d = 30; d >= 1; d--) {
    const day = REF_MS - d * DAY;
    if (isWeekend(day)) continue;
    for (let t = day + (8 + r()) * HOUR; t < day + 17 * HOUR; t += (15 + r() * 45) * MIN) calls.push(tokenCall("x", Math.floor(t), "t1", OFFICE, agent));
  }
  return judged(seed, account("x", { name: "Selin Arslan", email: "selin.arslan@acme.com", ...recentUi }), [...personDays(seed), ...calls], [token("t1", "x", REF_MS - DAY, label)]);
}

/** A vendor's login: invited, no profile, UI last used `uiDaysAgo` days ago (null: never), signed in to `signIns` times in the log. */
const waiting = (seed: number, name: string, email: string, uiDaysAgo: number | null, signIns: number): Finding =>
  judged(
    seed,
    account("x", { name, email, managementSource: "invited", ...EMPTY, productAccess: [{ key: "jira-servicedesk", id: "ari:jsm", lastActiveTimestamp: uiDaysAgo === null ? null : iso(REF_MS - uiDaysAgo * DAY) }] }),
    Array.from({ length: signIns }, (_, i) => ev("x", REF_MS - (6 + i * 9) * DAY + (13 + seed) * HOUR, { ip: "71.202.16.4", userAgent: BROWSER })),
  );

/** An account with nothing in the log, its UI last used 200 days ago, and a token last used 30 days ago (a monthly job between runs); invited, no profile. */
const idleJob = (seed: number, name: string, email: string): Finding =>
  judged(seed, account("x", { name, email, managementSource: "invited", ...EMPTY, productAccess: [{ key: "jira-software", id: "ari:jira", lastActiveTimestamp: iso(REF_MS - 200 * DAY) }] }), [], [token("t1", "x", REF_MS - 30 * DAY, "job")]);

describe("people whose names a vendor's login could be read in", () => {
  // Taç, a Turkish surname, as a directory without Turkish letters writes it: "Tac", as in "Cisco TAC".
  it("Ayse Tac at `ayse.tac@`, untitled, at work", () => {
    none(wrong(human, (seed) => atWork(seed, "Ayse Tac", "ayse.tac@acme.com")));
  });
  it("Ayşe Taç at `ayse.tac@` (Turkish letters), untitled, in the UI yesterday, nothing of hers in the log", () => {
    none(wrong(human, (seed) => unlogged(seed, "Ayşe Taç", "ayse.tac@acme.com")));
  });
  // A contractor marked as a vendor's in the name, at a mailbox that says so too, signing in from home, office and phone.
  it("Ximena Ortiz Vendor at `ximena.ortiz.vendor@`, synced, untitled, at work", () => {
    none(wrong(human, (seed) => atWork(seed, "Ximena Ortiz Vendor", "ximena.ortiz.vendor@acme.com")));
  });
  // A person's job title keeps the name a person's, however few the sign-ins.
  it("Ximena Vendor at `ximena.vendor@`, titled Procurement Specialist, at work every weekday on one long browser session", () => {
    none(wrong(human, (seed) => longSession(seed, "Ximena Vendor", "ximena.vendor@acme.com", { jobTitle: "Procurement Specialist" })));
  });
});

describe("people named beside a schedule's word", () => {
  it("Rachel Nightingale at `rachel.nightingale@`, an invited guest with email codes", () => {
    none(wrong(human, (seed) => guest(seed, "Rachel Nightingale", "rachel.nightingale@acme.com")));
  });
  // Hourly staff, so marked by a retailer's directory, signing in from office, home and phone.
  it("Maria Lopez (Hourly) at `maria.lopez@`, synced, untitled, at work", () => {
    none(wrong(human, (seed) => atWork(seed, "Maria Lopez (Hourly)", "maria.lopez@acme.com")));
  });
});

describe("people whose title or name holds a bank's job word", () => {
  // A department's word as the IdP's job title: reporting, settlements, reconciliation, benefits, exports.
  const titled = [
    ["Katarzyna Nowak", "katarzyna.nowak@acme.com", "Rozliczenia", "Finanse"],
    ["Piotr Zieliński", "piotr.zielinski@acme.com", "Sprawozdawczość", "Finanse"],
    ["Tomasz Wójcik", "tomasz.wojcik@acme.com", "Eksport", "Sprzedaż"],
    ["Zeynep Kaya", "zeynep.kaya@acme.com", "Raporlama", "Finans"],
    ["Murat Demir", "murat.demir@acme.com", "Mutabakat", "Operasyon"],
    ["Jana Nováková", "jana.novakova@acme.com", "Dávky", "Úřad práce"],
  ] as const;
  it.each(titled)("%s at %s, titled %s, at work and, another time, in the UI yesterday with nothing in the log", (name, email, jobTitle, department) => {
    none([...wrong(human, (seed) => atWork(seed, name, email, { jobTitle, department })), ...wrong(human, (seed) => unlogged(seed, name, email, { jobTitle, department })).map((w) => `unlogged ${w}`)]);
  });
  // The department written into the display name.
  it("\"Katarzyna Nowak (Raportowanie)\", \"Jana Nováková – Dávky\", \"Zeynep Kaya / Raporlama\", invited guests with email codes", () => {
    const names = [
      ["Katarzyna Nowak (Raportowanie)", "katarzyna.nowak@acme.com"],
      ["Jana Nováková – Dávky", "jana.novakova@acme.com"],
      ["Zeynep Kaya / Raporlama", "zeynep.kaya@acme.com"],
    ] as const;
    none(names.flatMap(([name, email]) => wrong(human, (seed) => guest(seed, name, email)).map((w) => `${name}: ${w}`)));
  });
  it("Anna Raport, Mehmet Aktarim, Zeynep Rapor, on leave (nothing in the log, UI 40 days ago, a token 30 days ago)", () => {
    const names = [
      ["Anna Raport", "anna.raport@acme.com"],
      ["Mehmet Aktarim", "mehmet.aktarim@acme.com"],
      ["Zeynep Rapor", "zeynep.rapor@acme.com"],
    ] as const;
    none(names.flatMap(([name, email]) => wrong(human, (seed) => onLeave(seed, name, email)).map((w) => `${name}: ${w}`)));
  });
});

describe("people whose own token is labelled in their language", () => {
  it("`raporty`, `üretim planı`, `monitorowanie zadań`, `mis alertas`, `Intégration nouveaux arrivants`: a word of the person's own beside the system's", () => {
    const labels = [
      ["raporty", "Katarzyna Nowak", "katarzyna.nowak@acme.com"],
      ["üretim planı", "Murat Demir", "murat.demir@acme.com"],
      ["monitorowanie zadań", "Piotr Zieliński", "piotr.zielinski@acme.com"],
      ["mis alertas", "Lucía Gómez", "lucia.gomez@acme.com"],
      ["Intégration nouveaux arrivants", "Camille Durand", "camille.durand@acme.com"],
    ] as const;
    none(labels.flatMap(([label, name, email]) => wrong(human, (seed) => withToken(seed, name, email, label)).map((w) => `${label}: ${w}`)));
  });
  it("a developer's tokens `integracja` and `laptop`, both used", () => {
    none(wrong(human, (seed) => withToken(seed, "Piotr Zieliński", "piotr.zielinski@acme.com", "laptop", [token("t2", "x", REF_MS - 3 * DAY, "integracja")])));
  });
  it("a developer's tokens `entegrasyon`, `izleme` and `kişisel`, all used", () => {
    none(wrong(human, (seed) => withToken(seed, "Emre Yildiz", "emre.yildiz@acme.com", "kişisel", [token("t2", "x", REF_MS - 2 * DAY, "entegrasyon"), token("t3", "x", REF_MS - 4 * DAY, "izleme")])));
  });
});

describe("people whose only token is labelled with a word dropped after the round", () => {
  // Turkish "izleme" (watching) and "üretim" (the factory's production), French "intégration"
  // (onboarding): a person's own words as often as a system's.
  it.each(["izleme", "üretim", "ÜRETİM", "İZLEME", "Intégration"])("`%s`, a person at work with a CLI, stays human", (label) => {
    none(wrong(human, (seed) => withToken(seed, "Murat Demir", "murat.demir@acme.com", label)));
  });
});

describe("people the first run reviewed, after the fixes", () => {
  it("Ayse Tac at `ayse.tac@` and `atac@`, untitled, in the UI yesterday, nothing of hers in the log", () => {
    none([...wrong(human, (seed) => unlogged(seed, "Ayse Tac", "ayse.tac@acme.com")), ...wrong(human, (seed) => unlogged(seed, "Ayse Tac", "atac@acme.com")).map((w) => `atac@: ${w}`)]);
  });
  it("Emre Tac, Ximena Support and Ximena Vendor on one long browser session, untitled", () => {
    const names = [
      ["Emre Tac", "emre.tac@acme.com"],
      ["Ximena Support", "ximena.support@acme.com"],
      ["Ximena Vendor", "ximena.vendor@acme.com"],
    ] as const;
    none(names.flatMap(([name, email]) => wrong(human, (seed) => longSession(seed, name, email)).map((w) => `${name}: ${w}`)));
  });
  it("Ximena Ortiz Vendor at `ximena.ortiz.vendor@`, an invited guest with email codes", () => {
    none(wrong(human, (seed) => guest(seed, "Ximena Ortiz Vendor", "ximena.ortiz.vendor@acme.com")));
  });
  it("Maria Lopez - Hourly at `maria.lopez@` and Maria Lopez at `maria.lopez.hourly@`, invited guests with email codes", () => {
    none([...wrong(human, (seed) => guest(seed, "Maria Lopez - Hourly", "maria.lopez@acme.com")), ...wrong(human, (seed) => guest(seed, "Maria Lopez", "maria.lopez.hourly@acme.com")).map((w) => `hourly@: ${w}`)]);
  });
  it("Ayse Tac titled BDDK Raporlama, in the UI yesterday, nothing of hers in the log", () => {
    none(wrong(human, (seed) => unlogged(seed, "Ayse Tac", "ayse.tac@acme.com", { jobTitle: "BDDK Raporlama" })));
  });
});

describe("bots: a vendor's login waiting for the next call", () => {
  it.each([
    ["Siemens Healthineers Support", "siemens.support@health.example", null, 0],
    ["Siemens Healthineers Support", "healthineers.support@health.example", 300, 0],
    ["Cisco TAC", "cisco.tac@health.example", 90, 0],
    ["GE Healthcare Remote Support", "gehealthcare.remote@health.example", 30, 1],
    ["Agfa PACS Vendor", "agfa.pacs.vendor@health.example", 12, 1],
  ] as const)("%s at %s is reviewed", (name, email, uiDaysAgo, signIns) => {
    none(wrong(reviewed, (seed) => waiting(seed, name, email, uiDaysAgo, signIns)));
  });
});

describe("bots: a bank's report jobs, idle with a token", () => {
  it("Raporty KNF, Rozliczenia SAP, Archiwizacja Jira, Eksport JPK, Mutabakat Aktarim, BDDK Raporlari, Výkazy ČNB, CERTIS Dávky are reviewed", () => {
    const jobs = [
      ["Raporty KNF", "raporty.knf@bank.example"],
      ["Rozliczenia SAP", "rozliczenia.sap@bank.example"],
      ["Archiwizacja Jira", "archiwizacja.jira@bank.example"],
      ["Eksport JPK", "eksport.jpk@bank.example"],
      ["Mutabakat Aktarim", "mutabakat.aktarim@bank.example"],
      ["BDDK Raporlari", "bddk.raporlari@bank.example"],
      ["Výkazy ČNB", "vykazy.cnb@bank.example"],
      ["CERTIS Dávky", "certis.davky@bank.example"],
    ] as const;
    none(jobs.flatMap(([name, email]) => wrong(reviewed, (seed) => idleJob(seed, name, email)).map((w) => `${name}: ${w}`)));
  });
});

describe("bots: a system's token in another language", () => {
  it("an account whose only token, `entegrasyon`, an HTTP library used yesterday", () => {
    none(wrong(reviewed, (seed) => robotWithToken(seed, "entegrasyon")));
  });
  it("`Überwachung`, `monitoreo`, `alertas`, `integrationer`, `produkce`, `alarme`, each the only token", () => {
    const labels = ["Überwachung", "monitoreo", "alertas", "integrationer", "produkce", "alarme"];
    none(labels.flatMap((label) => wrong(reviewed, (seed) => robotWithToken(seed, label, "RestSharp/106.15.0.0")).map((w) => `${label}: ${w}`)));
  });
  // Turkish capitals: İ lower-cases to i and a combining dot, which splits the word in two.
  it("`ENTEGRASYON`, typed in capitals", () => {
    none(["ENTEGRASYON"].flatMap((label) => wrong(reviewed, (seed) => robotWithToken(seed, label, "RestSharp/106.15.0.0")).map((w) => `${label}: ${w}`)));
  });
});

describe("bots: named for a schedule", () => {
  it.each([
    ["Nightly", "nightly2@acme.com"],
  ])("%s at %s, set up by hand, its script on the token since, is reviewed", (name, email) => {
    none(wrong(reviewed, (seed) => ownerSetUp(seed, { name, email })));
  });
  it("Confluence Nightly at `confluence-nightly@`, idle with a token, is reviewed", () => {
    none(wrong(reviewed, (seed) => idleJob(seed, "Confluence Nightly", "confluence-nightly@acme.com")));
  });
});
