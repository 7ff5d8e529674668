// Accounts judged wrongly if any team's word before a bot-like one led (`hr.bridge@`, a person's
// initials and surname), or if one browser on several platforms counted as several browsers.
import { describe, expect, it } from "vitest";
import { account, anyOf, atLeastLikelyBot, EMPTY, findingOf, HOUR, ideWorkdays, isHuman, lcg, noLastActive, OFFICE, officeColleagues, officeDays, REF_MS, signInsAllDay, snapshotOf, token, wrongRuns, type Raw } from "../../../test/helpers/people-audit.js";

const SEEDS = [1, 2, 3] as const;
const notBot = (v: string): boolean => v !== "bot";
const CHROME = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0.0.0 Safari/537.36";
const MAC_CHROME = "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0.0.0 Safari/537.36";
const LINUX_CHROME = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0.0.0 Safari/537.36";

/** Account `id` judged beside eight office workers, the products' last-active times dropped when `blank`. */
const judge =
  (id: string, user: Raw, events: (seed: number) => Raw[], tokens: Raw[] = [], blank = false) =>
  (seed: number) => {
    const c = officeColleagues(seed);
    const users = [user, ...c.users];
    return findingOf(snapshotOf(blank ? users.map(noLastActive) : users, [...c.events, ...events(seed)], tokens), id);
  };

describe("people whose mailbox is their initials and a bot-like surname", () => {
  // Harriet Rose Bridge's mailbox: her initials, then her surname.
  const harriet = (extra: Raw): Raw => account("d", { name: "Harriet Rose Bridge", email: "hr.bridge@acme.com", ...extra });
  const IDE_TOKENS = [token("ide", "d", REF_MS - HOUR, "IntelliJ"), token("cli", "d", REF_MS - HOUR, "jira-cli")];
  // Passed before (`likely-bot` at 1841d9e and 6ca243f); `bot` since the team's word `hr` leads the bot-like surname.
  it("a contractor at `hr.bridge@` working through her IDE's and CLI's tokens, in a snapshot without last-active times, is not `bot`", () => {
    expect(wrongRuns(SEEDS, notBot, judge("d", harriet({ managementSource: "invited", ...EMPTY }), (s) => ideWorkdays(s), IDE_TOKENS, true))).toEqual([]);
  });
  // Passed before (`likely-bot` at 1841d9e and 6ca243f); `bot` since `hr.bridge` leads.
  it("the same engineer synced from the IdP with her job title and department is not `bot`", () => {
    expect(wrongRuns(SEEDS, notBot, judge("d", harriet({ managementSource: "synced", jobTitle: "Engineer", department: "IT" }), (s) => ideWorkdays(s), IDE_TOKENS, true))).toEqual([]);
  });
  // Passed before (`human` at 1841d9e and 6ca243f); reviewed on the automation-identity floor since `hr.bridge` leads.
  it("synced with her job title, at work in the UI all day from the office without 2SV, is `human`", () => {
    const p = account("p", { name: "Harriet Rose Bridge", email: "hr.bridge@acme.com", jobTitle: "Analyst", department: "Finance" });
    expect(wrongRuns(SEEDS, isHuman, judge("p", p, (s) => officeDays(lcg(s), "p")))).toEqual([]);
  });
  // Passed before (`human` at 1841d9e and 6ca243f); reviewed on the automation-identity floor since `hr.bridge` leads.
  it("invited with 2SV on, at work in the UI all day from the office, is `human`", () => {
    const p = account("p", { name: "Harriet Rose Bridge", email: "hr.bridge@acme.com", managementSource: "invited", mfaEnabled: true, ...EMPTY });
    expect(wrongRuns(SEEDS, isHuman, judge("p", p, (s) => officeDays(lcg(s), "p")))).toEqual([]);
  });
});

describe("a robot with a job title whose user agents name Chrome on three platforms", () => {
  const CHROMES = [CHROME, MAC_CHROME, LINUX_CHROME];
  // Passed before (`likely-bot` on login-flood at 1841d9e and 17b9307); `human` since Chrome on three platforms is three browsers.
  it("invited, titled Accounts Payable in Finance, signing in 6-14 times a workday at the office with an email code each time, is at least `likely-bot`", () => {
    const robot = account("p", { name: "Dana Price", email: "dana.price@acme.com", managementSource: "invited", mfaEnabled: false, jobTitle: "Accounts Payable", department: "Finance", picture: null });
    expect(wrongRuns(SEEDS, atLeastLikelyBot, judge("p", robot, (s) => signInsAllDay(s, "p", anyOf(CHROMES), OFFICE, true)))).toEqual([]);
  });
  // Passed before (`likely-bot` on login-flood at 1841d9e and 17b9307); `human` since Chrome on three platforms is three browsers.
  it("as \"AP Robot\" at `ap-robot@` with the same title, its email codes not in the log, is at least `likely-bot`", () => {
    const robot = account("p", { name: "AP Robot", email: "ap-robot@acme.com", managementSource: "invited", mfaEnabled: false, jobTitle: "Accounts Payable", department: "Finance", picture: null });
    expect(wrongRuns(SEEDS, atLeastLikelyBot, judge("p", robot, (s) => signInsAllDay(s, "p", anyOf(CHROMES), OFFICE, false)))).toEqual([]);
  });
});
