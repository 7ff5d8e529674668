// Three readings of a script at work on an account that looks like a person's or a team's:
// - product last-active times that fall on the account's own API-token calls, where the log holds
//   nothing else of it (a report script's account was `human` on its "recent UI activity");
// - a person's token called from a cloud service at one time of day, weekends too (a Power BI
//   scheduled refresh on an analyst's token, beside the analyst's own work);
// - a wallboard: sign-ins from a television's browser, or a screen named in Spanish or Portuguese.
import { describe, expect, it } from "vitest";
import { account, BROWSER, DAY, ev, explain, findingOf, HOUR, isWeekend, iso, lcg, MIN, OFFICE, officeColleagues, officeDays, REF_MS, snapshotOf, token, tokenCall, type Raw } from "../../../test/helpers/people-audit.js";

const SEEDS = [1, 2, 3, 4, 5] as const;
const INVITED = { managementSource: "invited", jobTitle: null, department: null, picture: null };

function judged(seed: number, p: Raw, events: Raw[], tokens: Raw[] = []) {
  const { users, events: others } = officeColleagues(seed);
  return findingOf(snapshotOf([p, ...users], [...events, ...others], tokens), "p");
}

/** A report script's daily run at `minute` past midnight UTC: a dozen token calls a minute apart, weekends too. */
function reportRuns(seed: number, id: string, minute: number, ip = OFFICE, userAgent = "python-requests/2.32"): Raw[] {
  const r = lcg(seed * 31);
  const out: Raw[] = [];
  for (let d = 30; d >= 1; d--) {
    const start = REF_MS - d * DAY + (minute + Math.floor(r() * 10)) * MIN;
    for (let i = 0; i < 12; i++) out.push(tokenCall(id, start + i * MIN, "rep-t", ip, userAgent));
  }
  return out;
}

describe("last-active times that fall on the account's own token calls", () => {
  // "Relatórios BI" at `reportes@`: nothing in the log but its token's calls, last active on one of them.
  it("are no person in the UI: the report script's account is at least likely-bot", () => {
    for (const seed of SEEDS) {
      const calls = reportRuns(seed, "p", 8 * 60);
      const last = Date.parse(String(calls[calls.length - 3]!["time"]));
      const p = account("p", { name: "Relatórios BI", email: "reportes@acme.com", ...INVITED, productAccess: [{ key: "jira-software", id: "ari:jira", lastActiveTimestamp: iso(last) }] });
      const f = judged(seed, p, calls, [token("rep-t", "p", last, "powerbi")]);
      expect([seed, f.verdict], explain(f)).not.toEqual([seed, "human"]);
      expect(f.signals.find((s) => s.id === "recent-ui-activity"), explain(f)).toBeUndefined();
      expect(f.signals.find((s) => s.id === "token-without-ui")?.evidence).toContain("fall on its token's calls");
    }
  });

  // The same account last active in the UI hours away from any call: the UI was in use.
  it("hours from any call, still count as UI use", () => {
    for (const seed of SEEDS) {
      const calls = reportRuns(seed, "p", 8 * 60);
      const p = account("p", { name: "Relatórios BI", email: "reportes@acme.com", ...INVITED, productAccess: [{ key: "jira-software", id: "ari:jira", lastActiveTimestamp: iso(REF_MS - DAY + 15 * HOUR) }] });
      const f = judged(seed, p, calls, [token("rep-t", "p", REF_MS - DAY, "powerbi")]);
      expect(f.signals.find((s) => s.id === "recent-ui-activity"), explain(f)).toBeDefined();
    }
  });

  // A developer who signs in and works in the UI, last active at the minute of a CLI call: a person.
  it("on an account that signs in and works from a browser, say nothing", () => {
    for (const seed of SEEDS) {
      const own = officeDays(lcg(seed), "p");
      const lastWork = own.filter((e) => e["action"] !== "user_login").at(-1)!;
      const lastMs = Date.parse(String(lastWork["time"]));
      const calls = [tokenCall("p", lastMs + 30_000, "cli-t"), ...Array.from({ length: 12 }, (_, i) => tokenCall("p", lastMs - (i + 1) * 2 * HOUR, "cli-t"))];
      const p = account("p", { name: "Dana Reyes", productAccess: [{ key: "jira-software", id: "ari:jira", lastActiveTimestamp: iso(lastMs) }] });
      const f = judged(seed, p, [...own, ...calls], [token("cli-t", "p", lastMs)]);
      expect([seed, f.verdict], explain(f)).toEqual([seed, "human"]);
    }
  });
});

/** An analyst's own Power BI Desktop refreshes at her desk now and then. */
function deskRefreshes(seed: number, id: string): Raw[] {
  const r = lcg(seed * 7);
  const out: Raw[] = [];
  for (let d = 30; d >= 1; d--) {
    const day = REF_MS - d * DAY;
    if (isWeekend(day) || r() < 0.7) continue;
    out.push(tokenCall(id, Math.floor(day + (9 + r() * 7) * HOUR), "pbi-t", OFFICE, "Microsoft.Data.Mashup"));
  }
  return out;
}

describe("a person's token called from a cloud service at one time of day", () => {
  // Tanja Frank (Referent Berichtswesen): Power BI's scheduled refresh at 10:00 UTC from Azure, every day, beside her own work.
  it("weekends too, is reviewed, whatever the person does", () => {
    for (const seed of SEEDS) {
      const refresh = reportRuns(seed, "p", 10 * 60, "51.127.97.206", "Microsoft.Data.Mashup").filter((_, i) => i % 12 === 0).map((e) => ({ ...e, tokenId: "pbi-t" }));
      const p = account("p", { name: "Tanja Frank", jobTitle: "Referent Berichtswesen", department: "Finanzen & Controlling" });
      const f = judged(seed, p, [...officeDays(lcg(seed), "p"), ...refresh, ...deskRefreshes(seed, "p")], [token("pbi-t", "p", REF_MS - DAY, "PowerBI")]);
      expect([seed, f.verdict], explain(f)).toEqual([seed, "likely-bot"]);
      expect(f.signals.find((s) => s.id === "script-in-use")?.evidence).toContain("from cloud addresses on");
    }
  });

  // The same calls on weekdays only, at a different minute each day: a person at a cloud desktop.
  it("on weekdays at any hour, is a person's", () => {
    for (const seed of SEEDS) {
      const r = lcg(seed * 5);
      const calls: Raw[] = [];
      for (let d = 30; d >= 1; d--) {
        const day = REF_MS - d * DAY;
        if (isWeekend(day)) continue;
        calls.push(tokenCall("p", Math.floor(day + (8 + r() * 9) * HOUR), "pbi-t", "51.127.97.206", "Microsoft.Data.Mashup"));
      }
      const p = account("p", { name: "Tanja Frank", jobTitle: "Referent Berichtswesen", department: "Finanzen & Controlling" });
      const f = judged(seed, p, [...officeDays(lcg(seed), "p"), ...calls], [token("pbi-t", "p", REF_MS - DAY, "PowerBI")]);
      expect([seed, f.verdict], explain(f)).toEqual([seed, "human"]);
    }
  });
});

/** A wallboard's one sign-in each weekday at about 09:25 UTC, an email code now and then. */
function wallboardSignIns(seed: number, id: string, userAgent: string): Raw[] {
  const r = lcg(seed * 3);
  const out: Raw[] = [];
  for (let d = 30; d >= 1; d--) {
    const day = REF_MS - d * DAY;
    if (isWeekend(day)) continue;
    const at = day + (9 * 60 + 23 + Math.floor(r() * 6)) * MIN;
    if (r() < 0.4) out.push(ev(id, at - 20_000, { action: "email_otp_sent", ip: OFFICE, userAgent }));
    out.push(ev(id, at, { ip: OFFICE, userAgent }));
  }
  return out;
}
const BRAVIA = "Mozilla/5.0 (Linux; Android 11; BRAVIA 4K UR2) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/112.0.0.0 Safari/537.36";

describe("a wallboard", () => {
  // "Tablero Cobranza" at `wallboard@`, signing in from a Sony TV: was `human` on its weekday sign-ins.
  it("signing in from a television's browser is reviewed, whatever its name", () => {
    for (const seed of SEEDS) {
      const p = account("p", { name: "Paula Post", email: "paula.post@acme.com", ...INVITED, productAccess: [{ key: "jira-service-desk", id: "ari:jsm", lastActiveTimestamp: iso(REF_MS - DAY + 10 * HOUR) }] });
      const f = judged(seed, p, wallboardSignIns(seed, "p", BRAVIA));
      expect([seed, f.verdict], explain(f)).toEqual([seed, "likely-bot"]);
      expect(f.signals.find((s) => s.id === "script-in-use")?.evidence).toContain("television's or a signage player's browser");
    }
  });

  it("named in Spanish or Portuguese ('Tablero Cobranza', 'TV Sala Sinistros') is reviewed from a desktop browser too", () => {
    for (const [name, email] of [["Tablero Cobranza", "tv.cobranza2@acme.com"], ["TV Sala Sinistros", "tv.sinistros@acme.com"]] as const) {
      for (const seed of SEEDS) {
        const p = account("p", { name, email, ...INVITED, productAccess: [{ key: "jira-service-desk", id: "ari:jsm", lastActiveTimestamp: iso(REF_MS - DAY + 10 * HOUR) }] });
        const f = judged(seed, p, wallboardSignIns(seed, "p", BROWSER));
        expect([name, seed, f.verdict], explain(f)).toEqual([name, seed, "likely-bot"]);
      }
    }
  });

  // People: initials before a surname, a surname Tablero, one sign-in cast to a TV.
  it.each([
    ["TV Narayanan", "tv.narayanan@acme.com", BROWSER],
    ["Lucía Tablero", "lucia.tablero@acme.com", BROWSER],
    ["Tablero Lucía", "lucia.tablero@acme.com", BROWSER],
  ])("%s at %s stays human", (name, email, agent) => {
    for (const seed of SEEDS) {
      const p = account("p", { name, email });
      const f = judged(seed, p, [...officeDays(lcg(seed), "p"), ...wallboardSignIns(seed, "p", agent).slice(0, 1)]);
      expect([seed, f.verdict], explain(f)).toEqual([seed, "human"]);
    }
  });

  it("a person who opens a dashboard on a meeting room's TV once stays human", () => {
    for (const seed of SEEDS) {
      const p = account("p", { name: "Lucía Márquez" });
      const f = judged(seed, p, [...officeDays(lcg(seed), "p"), ...wallboardSignIns(seed, "p", BRAVIA).slice(0, 2)]);
      expect([seed, f.verdict], explain(f)).toEqual([seed, "human"]);
    }
  });
});

describe("a migration's, an initial load's, an exporter's and an interface's accounts in Portuguese and Spanish", () => {
  // Idle since their job ended, a token left behind: were `human` in an insurer's orgs.
  it.each([
    ["Migração Jira DC", "migracao.jira@acme.com"],
    ["Carga Inicial Pensões", "carga.inicial@acme.com"],
    ["Exportador Qlik v1", "integra.antigo@acme.com"],
    ["usr_integra_antigo", "interfaz.sise@acme.com"],
    ["Migración Confluence", "migracion.confluence@acme.com"],
  ])("%s at %s, idle with its token, is reviewed", (name, email) => {
    for (const seed of SEEDS) {
      const p = account("p", { name, email, ...INVITED, productAccess: [{ key: "jira-software", id: "ari:jira", lastActiveTimestamp: iso(REF_MS - 200 * DAY) }] });
      const f = judged(seed, p, [], [token("old-t", "p", REF_MS - 60 * DAY, "main")]);
      expect([seed, f.verdict], explain(f)).toEqual([seed, "likely-bot"]);
    }
  });

  // People: the words are no one's name, and a person's own mailbox beside them stays theirs.
  it.each([
    ["Ana Carga", "ana.carga@acme.com"],
    ["Joaquim Migração", "joaquim.silva@acme.com"],
    ["Lucía Interfaz", "lucia.fernandez@acme.com"],
  ])("%s at %s, working in the office, stays human", (name, email) => {
    for (const seed of SEEDS) {
      const p = account("p", { name, email });
      const f = judged(seed, p, officeDays(lcg(seed), "p"));
      expect([seed, f.verdict], explain(f)).toEqual([seed, "human"]);
    }
  });
});
