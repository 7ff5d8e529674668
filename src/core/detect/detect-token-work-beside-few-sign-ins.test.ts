// A job, a load test or a chat bot that works with an API token, on an account its owner signed in
// to once to three times to set it up or to look: "Perf Tester 2" calling from k6, "IFRS17 Quarter
// Close" from a Java client at a quarter's end, "Ask Jira (Teams)" from cloud addresses with no
// user agent. The owner's sign-ins made the UI count as in use, and the seven such bots of three
// independent generators were `human`. A contractor who works from a CLI is named as a person, or
// the directory keeps them, or they carry a job title.
import { describe, expect, it } from "vitest";
import { judgedAmongGivenNames, invitedUntitled } from "../../../test/helpers/org-words.js";
import { recentUi } from "../../../test/helpers/name-attacks.js";
import { BROWSER, DAY, HOUR, REF_MS, dayOfWeek, ev, lcg, token, tokenCall, wrongRuns, type Raw } from "../../../test/helpers/people-audit.js";
import type { Finding } from "./types.js";

const SEEDS = [1, 2, 3, 4] as const;
const OFFICE = "213.77.54.110";
const AZURE = ["52.174.69.147", "20.50.146.102", "51.107.181.129"] as const;
const isHuman = (v: Finding["verdict"]): boolean => v === "human";
const notHuman = (v: Finding["verdict"]): boolean => v !== "human";

/** `n` sign-ins by hand from the office on weekdays in the last four weeks, an email code before each. */
function signIns(seed: number, n: number): Raw[] {
  const r = lcg(seed * 17 + 3);
  return Array.from({ length: n }, (_, i) => {
    const t = Math.floor(REF_MS - (4 + i * 6) * DAY + (9 + r() * 7) * HOUR);
    return [ev("a", t - 60_000, { action: "email_otp_sent", ip: OFFICE, userAgent: BROWSER }), ev("a", t, { ip: OFFICE, userAgent: BROWSER })];
  }).flat();
}

/** `perDay` calls with the token on each of the last `days` weekdays, in office hours, from `from` with `userAgent` (none when undefined). */
function tokenWork(seed: number, days: number, perDay: number, from: readonly string[], userAgent: string | undefined): Raw[] {
  const r = lcg(seed * 31 + 9);
  const out: Raw[] = [];
  for (let d = 1, worked = 0; worked < days; d++) {
    const day = REF_MS - d * DAY;
    if ([0, 6].includes(dayOfWeek(day))) continue;
    worked++;
    for (let k = 0; k < perDay; k++) {
      const call = tokenCall("a", Math.floor(day + (8 + r() * 9) * HOUR), "tk", from[Math.floor(r() * from.length)] as string, userAgent ?? "x");
      if (userAgent === undefined) delete call.userAgent;
      out.push(call);
    }
  }
  return out;
}

const judged = (a: Raw, events: Raw[]): Finding => judgedAmongGivenNames("bank.example", a, events, [token("tk", "a", REF_MS - DAY, "jira")]);

describe("token work beside an owner's few sign-ins", () => {
  it("a load test's account calling from k6, one sign-in by its owner, is reviewed", () => {
    const perf = invitedUntitled("Perf Tester 2", "perf.tester2@bank.example", { ...recentUi, department: "IT - Platform Engineering" });
    const run = (seed: number): Raw[] => [...signIns(seed, 1), ...tokenWork(seed, 3, 50, [OFFICE], "k6/0.54.0 (https://k6.io/)")];
    expect(wrongRuns(SEEDS, notHuman, (seed) => judged(perf, run(seed)))).toEqual([]);
  });

  it("a chat bot calling from cloud addresses with no user agent, three sign-ins by its owner, is reviewed", () => {
    const chat = invitedUntitled("Ask Jira (Teams)", "askjira.teams@bank.example", { ...recentUi, department: "IT - Platform Engineering", picture: "https://avatar.example/ask.png" });
    const run = (seed: number): Raw[] => [...signIns(seed, 3), ...tokenWork(seed, 20, 8, AZURE, undefined)];
    expect(wrongRuns(SEEDS, notHuman, (seed) => judged(chat, run(seed)))).toEqual([]);
  });

  it("says how much of the work the token did beside how few sign-ins", () => {
    const close = invitedUntitled("IFRS17 Quarter Close", "ifrs17.close@bank.example", recentUi);
    const f = judged(close, [...signIns(1, 2), ...tokenWork(1, 5, 10, [OFFICE], "Apache-HttpClient/4.5.14 (Java/17.0.11)")]);
    expect(f.signals.find((s) => s.id === "script-in-use")?.evidence).toMatch(/^Scores -?[\d.]+, below the likely-bot threshold 3, but 50 of its 54 events were done with an API token beside 2 sign-ins in the audit log, on an account the identity provider does not manage, with no job title and no given name of the org's people in its name/);
  });
});

describe("people who work from a CLI and rarely sign in", () => {
  const cli = (seed: number, logins: number): Raw[] => [...signIns(seed, logins), ...tokenWork(seed, 10, 4, [OFFICE], "jira-cli/1.5")];

  it("a contractor named as a person, given name the org knows, stays human", () => {
    expect(wrongRuns(SEEDS, isHuman, (seed) => judged(invitedUntitled("Anna Novak", "anna.novak@partner.example", recentUi), cli(seed, 2)))).toEqual([]);
  });

  it.each([
    ["Oluwaseun Adeyemi", "oluwaseun.adeyemi@partner.example"],
    ["Мария Иванова", "maria.ivanova@partner.example"],
    ["Adeyemi, Oluwaseun", "oadeyemi@partner.example"],
    ["Dr. Siddharth Venkataraman", "siddharth.v@partner.example"],
    ["oluwaseun.adeyemi", "oluwaseun.adeyemi@partner.example"],
    ["王 伟", "wei.wang@partner.example"],
  ])("so does a contractor named as a person whose names the org does not know: %s", (name, email) => {
    expect(wrongRuns(SEEDS, isHuman, (seed) => judged(invitedUntitled(name, email, recentUi), cli(seed, 2)))).toEqual([]);
  });

  it("or one with 2SV", () => {
    expect(wrongRuns(SEEDS, isHuman, (seed) => judged(invitedUntitled("IFRS17 Quarter Close", "ifrs17.close@partner.example", { ...recentUi, mfaEnabled: true }), cli(seed, 2)))).toEqual([]);
  });

  it("so does one whose names the org does not know, where the directory keeps the account", () => {
    expect(wrongRuns(SEEDS, isHuman, (seed) => judged(invitedUntitled("Oisín Ferreira", "oisin.ferreira@bank.example", { ...recentUi, managementSource: "synced" }), cli(seed, 2)))).toEqual([]);
  });

  it("or one with a job title", () => {
    expect(wrongRuns(SEEDS, isHuman, (seed) => judged(invitedUntitled("Oisín Ferreira", "oisin.ferreira@bank.example", { ...recentUi, jobTitle: "Data Engineer" }), cli(seed, 2)))).toEqual([]);
  });

  it("or one who signs in more than three times", () => {
    expect(wrongRuns(SEEDS, isHuman, (seed) => judged(invitedUntitled("Oisín Ferreira", "oisin.ferreira@bank.example", recentUi), cli(seed, 4)))).toEqual([]);
  });
});
