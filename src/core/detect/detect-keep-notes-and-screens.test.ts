// Four readings from a university's, a SaaS company's and a studio's orgs, all `human` before:
// - an admin's note to keep the account where a job title goes ("DO NOT DELETE", "Nicht löschen",
//   "削除禁止") is no person's job title, so it no longer guards a kiosk's name as a person's would;
// - an integration platform's idle account whose name and mailbox both lead with a bot-like word,
//   its department set ("n8n automations" at `integrations.sqi@`, in eResearch);
// - a self-service point's name ("Library Self-Service", "Biblioteca Autoservicio");
// - a TV first in a screen's name beside a device's mailbox or before a room's word ("TV Kantine"
//   at `wallboard-ams@`, "TV Open Space QA");
// - a support level in a desk's mailbox ("desk.l2.apac"), a role's word.
import { describe, expect, it } from "vitest";
import { MACHINE_TITLE } from "./rules.js";
import { account, atLeastLikelyBot, BROWSER, DAY, EMPTY, ev, explain, findingOf, HOUR, isHuman, isWeekend, iso, lcg, MIN, OFFICE, officeColleagues, officeDays, REF_MS, signInsAllDay, snapshotOf, token, tokenCall, wrongRuns, type Raw } from "../../../test/helpers/people-audit.js";

const SEEDS = [1, 2, 3, 4, 5] as const;
const CHROME_OS = "Mozilla/5.0 (X11; CrOS x86_64 15682.60.0) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/129.0 Safari/537.36";

function judged(seed: number, p: Raw, events: Raw[], tokens: Raw[] = []) {
  const { users, events: others } = officeColleagues(seed);
  return findingOf(snapshotOf([p, ...users], [...events, ...others], tokens), "p");
}

/**
 * A device's weekdays: a sign-in at about 07:30 from its one address (after an email code when
 * `codes`), another after lunch on some days, and what its users do on it through the day (a
 * patron's request at a library's kiosk; nothing on a wallboard).
 */
function deviceDays(seed: number, userAgent: string, codes: boolean, work: boolean): Raw[] {
  const r = lcg(seed * 37 + 11);
  const out: Raw[] = [];
  for (let d = 30; d >= 1; d--) {
    const day = REF_MS - d * DAY;
    if (isWeekend(day)) continue;
    const signIns = [day + 7.5 * HOUR + r() * 20 * MIN, ...(r() < 0.3 ? [day + 13 * HOUR + r() * 60 * MIN] : [])];
    for (const t of signIns) {
      if (codes) out.push(ev("p", Math.floor(t - 40_000), { action: "email_otp_sent", ip: OFFICE, userAgent }));
      out.push(ev("p", Math.floor(t), { ip: OFFICE, userAgent }));
    }
    if (!work) continue;
    for (let k = 4 + Math.floor(r() * 6); k > 0; k--) out.push(ev("p", Math.floor(day + (8 + r() * 9) * HOUR), { action: "request_created", ip: OFFICE, userAgent }));
  }
  return out;
}

const kiosk = (name: string, jobTitle: string | null, email = "te.whare.pukapuka.kiosk@uni.ac.nz"): Raw =>
  account("p", { name, email, managementSource: "invited", ...EMPTY, jobTitle, productAccess: [{ key: "jira-service-desk", id: "ari:jsm", lastActiveTimestamp: iso(REF_MS - 3 * HOUR) }] });

describe("an admin's note to keep the account, written as its job title", () => {
  it("reads as no person's title, in the languages admins write it", () => {
    for (const title of ["DO NOT DELETE", "*** DO NOT DELETE ***", "Do not delete - used by Jenkins", "Please don't disable", "Nicht löschen!", "À ne pas supprimer", "No borrar", "Não excluir", "Non cancellare", "Niet verwijderen", "Får ej raderas", "Må ikke slettes", "Älä poista", "Nie usuwać", "削除禁止", "삭제 금지"]) {
      expect([title, MACHINE_TITLE.test(title)]).toEqual([title, true]);
    }
    for (const title of ["Non-Executive Director", "Deletion Specialist", "Donor Relations", "Notetaker", "Nursing Unit Manager", "Delete", "Never Settle Coach"]) {
      expect([title, MACHINE_TITLE.test(title)]).toEqual([title, false]);
    }
  });

  // A library's kiosk in Māori ("Te" reads as a given name), on the kiosk's one address and
  // browser, an email code at each sign-in, patrons' requests through the day.
  it("leaves a kiosk's name to speak: the kiosk is at least likely-bot", () => {
    for (const title of ["DO NOT DELETE", "Nicht löschen", "削除禁止"]) {
      expect(wrongRuns(SEEDS, atLeastLikelyBot, (seed) => judged(seed, kiosk("Te Whare Pukapuka Kiosk", title), deviceDays(seed, CHROME_OS, true, true)))).toEqual([]);
    }
  });

  // The same kiosk with a person's job title copied onto it stays guarded as before: the note is
  // what made the difference.
  it("with a person's job title instead, the name alone does not decide", () => {
    expect(wrongRuns(SEEDS, isHuman, (seed) => judged(seed, kiosk("Te Whare Pukapuka Kiosk", "Library Assistant"), deviceDays(seed, CHROME_OS, true, true)))).toEqual([]);
  });

  // An executive's account that an admin protected with the note, at work in the office every day.
  it("on a person at work is no evidence: she stays human", () => {
    const exec = account("p", { name: "Hana Kobayashi", email: "hana.kobayashi@acme.com", jobTitle: "DO NOT DELETE", department: "Executive Office" });
    for (const seed of SEEDS) {
      const f = judged(seed, exec, officeDays(lcg(seed * 7), "p", true));
      expect([seed, f.verdict], explain(f)).toEqual([seed, "human"]);
    }
  });
});

describe("an integration platform's idle account in a department", () => {
  // n8n's account at `integrations.sqi@`, in eResearch: its token expired last month, its UI last
  // used when it was set up, nothing of its own in the log.
  const idle = (name: string, email: string, overrides: Raw = {}): Raw =>
    account("p", { name, email, managementSource: "invited", jobTitle: null, picture: null, department: "eResearch", productAccess: [{ key: "confluence", id: "ari:conf", lastActiveTimestamp: iso(REF_MS - 200 * DAY) }], ...overrides });
  const expired = [{ ...token("zap-t", "p", REF_MS - 40 * DAY, "zap"), expiresAt: iso(REF_MS - 30 * DAY) }];

  it("whose name and mailbox lead with a bot-like word, is at least likely-bot", () => {
    expect(wrongRuns(SEEDS, atLeastLikelyBot, (seed) => judged(seed, idle("n8n automations", "integrations.sqi@acme.com"), [], expired))).toEqual([]);
  });

  // An old integration named in Italian, Dutch or Polish, at a mailbox that holds the word after another.
  it("named as an integration in another language, its mailbox holding the word, is at least likely-bot", () => {
    for (const [name, email] of [
      ["Integrazione Vecchia", "old.integration@acme.it"],
      ["Integratie SAP", "oud.sap.integratie@acme.nl"],
      ["Integracja CRM", "stara.integracja@acme.pl"],
    ] as const) {
      expect(wrongRuns(SEEDS, atLeastLikelyBot, (seed) => judged(seed, idle(name, email), [], expired))).toEqual([]);
    }
  });

  // Sarah Jenkins, written surname first at her own mailbox, on leave with a token she made: the
  // department is hers.
  it("a person on leave, her surname a bot-like word, stays human", () => {
    expect(wrongRuns(SEEDS, isHuman, (seed) => judged(seed, idle("Jenkins Sarah", "sarah.jenkins@acme.com"), [], expired))).toEqual([]);
  });

  // With only the mailbox leading ("Research Data Team" at `integrations.sqi@`), the department
  // still reads as the account's people's.
  it("with a name that does not lead with such a word, stays as before", () => {
    expect(wrongRuns(SEEDS, isHuman, (seed) => judged(seed, idle("Priya Raman", "integrations.sqi@acme.com", { jobTitle: "Research Data Manager" }), [], expired))).toEqual([]);
  });
});

describe("a self-service point", () => {
  for (const [name, email] of [
    ["Library Self-Service", "library.self.service@uni.edu.au"],
    ["Biblioteca Autoservicio", "biblioteca.autoservicio@uni.es"],
    ["Kirjasto Itsepalvelu", "kirjasto.itsepalvelu@yliopisto.fi"],
  ] as const) {
    it(`"${name}", signing in each morning at a kiosk, is at least likely-bot`, () => {
      const p = account("p", { name, email, managementSource: "synced", ...EMPTY, productAccess: [{ key: "jira-service-desk", id: "ari:jsm", lastActiveTimestamp: iso(REF_MS - 3 * HOUR) }] });
      expect(wrongRuns(SEEDS, atLeastLikelyBot, (seed) => judged(seed, p, deviceDays(seed, CHROME_OS, true, true)))).toEqual([]);
    });
  }

  // Self is a surname (Will Self): a person at work in the office.
  it("a person named Self stays human", () => {
    const p = account("p", { name: "Will Self", email: "will.self@uni.edu.au", jobTitle: "Librarian", department: "Library" });
    expect(wrongRuns(SEEDS, isHuman, (seed) => judged(seed, p, officeDays(lcg(seed * 5), "p", true)))).toEqual([]);
  });
});

describe("a TV first in a screen's name", () => {
  const wallboard = (name: string, email: string): Raw =>
    account("p", { name, email, managementSource: "invited", ...EMPTY, productAccess: [{ key: "jira-service-desk", id: "ari:jsm", lastActiveTimestamp: iso(REF_MS - DAY) }] });

  for (const [name, email] of [
    ["TV Kantine", "wallboard-ams@acme.eu"],
    ["TV-skärm Support", "wallboard-sto2@acme.eu"],
    ["TV Open Space QA", "tv.open.space.qa@acme.com"],
  ] as const) {
    it(`"${name}" at \`${email}\`, signing in each morning from one address, is at least likely-bot`, () => {
      expect(wrongRuns(SEEDS, atLeastLikelyBot, (seed) => judged(seed, wallboard(name, email), deviceDays(seed, BROWSER, seed % 2 === 0, false)))).toEqual([]);
    });
  }

  // South Indian initials come first: TV Raman at his own mailbox, at work each weekday.
  it("a person whose initials are TV stays human", () => {
    for (const [name, email] of [
      ["TV Raman", "tv.raman@acme.com"],
      ["TV Raman Open", "raman.open@acme.com"],
    ] as const) {
      const p = account("p", { name, email, managementSource: "synced", ...EMPTY });
      expect(wrongRuns(SEEDS, isHuman, (seed) => judged(seed, p, officeDays(lcg(seed * 3), "p", true)))).toEqual([]);
    }
  });
});

describe("a support level in a desk's mailbox", () => {
  // Level-2 agents sign in to the APAC desk's account from their three sites, each with an email
  // code, and a PowerShell macro works its queue through a token all day.
  it("is read as a role's: the shared desk with a macro is at least likely-bot", () => {
    for (const [name, email] of [
      ["desk.l2.apac", "desk.l2.apac@acme.com"],
      ["Service Desk L1", "servicedesk-l1@acme.com"],
    ] as const) {
      const p = account("p", { name, email, managementSource: "invited", jobTitle: null, picture: null, department: "Service Desk" });
      expect(
        wrongRuns(SEEDS, atLeastLikelyBot, (seed) => {
          const r = lcg(seed * 17);
          const sites = ["115.110.91.250", "14.141.203.36", "14.141.47.43"];
          const macro: Raw[] = [];
          for (let d = 28; d >= 1; d--) {
            const day = REF_MS - d * DAY;
            if (isWeekend(day)) continue;
            for (let k = 0; k < 12; k++) macro.push(tokenCall("p", Math.floor(day + (3 + r() * 8) * HOUR), "macro-t", "115.110.91.250", "Mozilla/5.0 (Windows NT; Windows NT 10.0; en-IN) WindowsPowerShell/5.1.17763.5576"));
          }
          return judged(seed, p, [...signInsAllDay(seed, "p", () => BROWSER, (rr) => sites[Math.floor(rr() * 3)] as string, true, [2, 4]), ...macro], [token("macro-t", "p", REF_MS - DAY, "desk-macro")]);
        }),
      ).toEqual([]);
    }
  });
});

describe("a regulator's report job and a retired reconciliation", () => {
  // A monthly return to a central bank from an office server's PowerShell, three runs early in
  // the month and a person's one sign-in to check it; "NFIU STR Filing", "Outomatiese Verslag"
  // (Afrikaans: automatic report) the same.
  const reportJob = (seed: number): Raw[] => {
    const r = lcg(seed * 29);
    const out: Raw[] = [];
    for (const d of [29, 28, 24]) out.push(tokenCall("p", Math.floor(REF_MS - d * DAY + 4 * HOUR + r() * 120_000), "rep-t", "196.46.151.174", "Microsoft-PowerShell/7.4"));
    out.push(ev("p", REF_MS - 7 * DAY + 16 * HOUR, { ip: "154.113.174.79", userAgent: BROWSER }));
    return out;
  };
  for (const [name, email] of [
    ["CBN Returns Generator", "cbn.returns@pay.example"],
    ["NFIU STR Filing", "nfiu.filing@pay.example"],
    ["Outomatiese Verslag", "verslag@pay.example"],
  ] as const) {
    it(`"${name}" is at least likely-bot`, () => {
      const p = account("p", { name, email, managementSource: "invited", ...EMPTY, productAccess: [{ key: "jira-software", id: "ari:jira", lastActiveTimestamp: iso(REF_MS - 7 * DAY) }] });
      expect(wrongRuns(SEEDS, atLeastLikelyBot, (seed) => judged(seed, p, reportJob(seed), [token("rep-t", "p", REF_MS - 24 * DAY, "reports")]))).toEqual([]);
    });
  }

  // A retired reconciliation's account, suspended, its token blocked, nothing in the log.
  it('"Interswitch Recon v1", suspended with a blocked token, is at least likely-bot', () => {
    const p = account("p", { name: "Interswitch Recon v1", email: "legacy-recon@pay.example", status: "suspended", managementSource: "invited", ...EMPTY, productAccess: [{ key: "jira-software", id: "ari:jira", lastActiveTimestamp: iso(REF_MS - 300 * DAY) }] });
    const blocked = [{ ...token("old-t", "p", REF_MS - 150 * DAY, "legacy"), status: "BLOCKED" }];
    expect(wrongRuns(SEEDS, atLeastLikelyBot, (seed) => judged(seed, p, [], blocked))).toEqual([]);
  });
});

describe("a dormant licence of a person the directory keeps", () => {
  // Obinna Agu, synced with his title, department and picture, never active in the UI; his laptop's
  // token last used 68 days ago, nothing of his in the log.
  const never = [{ key: "jira-software", id: "ari:jira", lastActiveTimestamp: null }];
  const person = (overrides: Raw = {}): Raw => account("p", { name: "Obinna Agu", email: "obinna.agu@pay.example", jobTitle: "Security Engineer", department: "Engineering", managementSource: "synced", productAccess: never, ...overrides });

  it("is not reviewed for a token that rested two months", () => {
    expect(wrongRuns(SEEDS, isHuman, (seed) => judged(seed, person(), [], [token("laptop-t", "p", REF_MS - 68 * DAY, "ThinkPad")]))).toEqual([]);
  });

  // The same account whose token a script used three days ago, the log having lost its calls: reviewed.
  it("with a token used within the last month, is still reviewed", () => {
    expect(wrongRuns(SEEDS, atLeastLikelyBot, (seed) => judged(seed, person(), [], [token("laptop-t", "p", REF_MS - 3 * DAY, "ThinkPad")]))).toEqual([]);
  });

  // Nobody's account (invited, no profile), its token at rest as long: still reviewed.
  it("on an account the directory does not keep as a person's, is still reviewed", () => {
    expect(wrongRuns(SEEDS, atLeastLikelyBot, (seed) => judged(seed, person({ name: "Obinna Agu", managementSource: "invited", ...EMPTY }), [], [token("laptop-t", "p", REF_MS - 68 * DAY, "ThinkPad")]))).toEqual([]);
  });
});

describe("an integration's mailbox run together, and a reports' mailbox in other languages", () => {
  // SITA WorldTracer's baggage interface, its token last used four months ago, nothing in the log.
  it('"WorldTracer Interface" at `worldtracerinterface@`, idle with its token, is at least likely-bot', () => {
    const p = account("p", { name: "WorldTracer Interface", email: "worldtracerinterface@air.example", managementSource: "invited", ...EMPTY, productAccess: [{ key: "jira-service-desk", id: "ari:jsm", lastActiveTimestamp: iso(REF_MS - 160 * DAY) }] });
    expect(wrongRuns(SEEDS, atLeastLikelyBot, (seed) => judged(seed, p, [], [token("bags-t", "p", REF_MS - 125 * DAY, "bags")]))).toEqual([]);
  });

  // A person whose surname is the noun, at her own mailbox, on leave with her token.
  it("a person named so at her own mailbox stays human", () => {
    const p = account("p", { name: "Maria Interface", email: "maria.interface@air.example", jobTitle: "Baggage Agent", department: "Ground Ops", productAccess: [{ key: "jira-service-desk", id: "ari:jsm", lastActiveTimestamp: iso(REF_MS - 160 * DAY) }] });
    expect(wrongRuns(SEEDS, isHuman, (seed) => judged(seed, p, [], [token("t", "p", REF_MS - 125 * DAY, "cli")]))).toEqual([]);
  });

  // An actuarial team's reports mailbox in Mexico: a script's token posts all day, people open the UI.
  for (const email of ["reportes@seguros.example", "relatorios@seguros.example", "rapports@assurance.example", "berichte@versicherung.example"]) {
    it(`"Reportes Actuariales" at \`${email}\`, a script's token in use, is at least likely-bot`, () => {
      const p = account("p", { name: "Reportes Actuariales", email, managementSource: "invited", ...EMPTY });
      expect(
        wrongRuns(SEEDS, atLeastLikelyBot, (seed) => {
          const r = lcg(seed * 43);
          const calls: Raw[] = [];
          for (let d = 28; d >= 1; d--) for (let k = 0; k < 6; k++) calls.push(tokenCall("p", Math.floor(REF_MS - d * DAY + (12 + r() * 8) * HOUR), "rep-t", "201.140.1.20", "python-requests/2.31"));
          return judged(seed, p, calls, [token("rep-t", "p", REF_MS - DAY, "reportes")]);
        }),
      ).toEqual([]);
    });
  }
});
