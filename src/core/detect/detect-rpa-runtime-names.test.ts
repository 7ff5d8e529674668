// RPA robots that work a person's day in the browser: a Blue Prism runtime named by its code
// ("BP-RUNTIME-01" at `bp.runtime3@`) and digital clerks on made-up people's names with the job
// title an admin gave them ("Robin Otto", titled "Digital Clerk"). Both were `human` in an
// independent law-firm generator's orgs: office hours, one address, a browser. The code's part
// RUNTIME and the title name a machine, as no person's name or job does.
import { describe, expect, it } from "vitest";
import { givenNamesOrg } from "../../../test/helpers/org-words.js";
import { recentUi } from "../../../test/helpers/name-attacks.js";
import { account, byTime, explain, findingOf, lcg, officeDays, snapshotOf, type Raw } from "../../../test/helpers/people-audit.js";
import type { Finding } from "./types.js";

const SEEDS = [1, 2, 3] as const;
const DOMAIN = "hartwell.example";

/** Account `a`, at work each weekday from the office with an email code at each sign-in, among the org of 120 given names. */
function atWork(seed: number, a: Raw): Finding {
  const { users, events } = givenNamesOrg(DOMAIN);
  return findingOf(snapshotOf([account("a", { managementSource: "invited", mfaEnabled: false, ...recentUi, ...a }), ...users], [...events, ...officeDays(lcg(seed * 29 + 1), "a", true)].sort(byTime), []), "a");
}

describe("RPA robots at work in the browser", () => {
  it.each([
    ["BP-RUNTIME-01", "bp.runtime3@", null],
    ["BP-RUNTIME-04", "bp.runtime8@", null],
    ["ROBOT-AP-02", "ap.robot2@", null],
    ["Robin Otto", "robinotto@", "Digital Clerk"],
    ["Ada Byte", "adabyte@", "Digital Employee"],
  ])("%s at `%s` (title %s) is reviewed", (name, mailbox, jobTitle) => {
    for (const seed of SEEDS) {
      const f = atWork(seed, { name, email: `${mailbox}${DOMAIN}`, jobTitle, department: null, picture: null });
      expect([seed, f.verdict], explain(f)).toEqual([seed, "likely-bot"]);
    }
  });
});

describe("people written in capitals with Robot, a French surname, in their name", () => {
  // The review of the first version: a code's part ROBOT made these `likely-bot` whatever their
  // profile; it counts only beside a number and a suite's code of two or three capitals.
  it.each([
    ["MARIE-ROBOT-02", "marie.robot@"],
    ["ROBOT_ERIK_LARS", "erik.robot@"],
    ["JEAN_PIERRE_ROBOT", "jp.robot@"],
  ])("%s at `%s`, kept by the IdP with a person's title, stays human", (name, mailbox) => {
    for (const seed of SEEDS) {
      const f = atWork(seed, { name, email: `${mailbox}${DOMAIN}`, managementSource: "synced", mfaEnabled: true, jobTitle: "Robotics Engineer", department: "Engineering", picture: "https://avatar.example/p.png" });
      expect([seed, f.verdict], explain(f)).toEqual([seed, "human"]);
    }
  });
});

describe("people beside them keep their verdicts", () => {
  // The review's cases: a person's title may hold the suite's words, and a team's initials joined by
  // an ampersand follow a person's name.
  it.each([
    ["Robin Otto", "robin.otto@", "Digital Records Clerk"],
    ["Ada Byte", "ada.byte@", "Digital Marketing Lead"],
    ["Robin Otto", "robinotto@", null],
    ["Robin Otto", "robinotto@", "Digital Clerk Supervisor"],
    ["Robin Otto", "robinotto@", "Digital Clerks"],
    ["Robin Otto", "robinotto@", "Digital Clerk (Records)"],
    ["Jane Doe (Chief Digital Clerk)", "jane.doe@", "Records Manager"],
    ["Lars Holm R & D", "lars.holm@", null],
  ])("%s at `%s` (title %s) stays human", (name, mailbox, jobTitle) => {
    for (const seed of SEEDS) {
      const f = atWork(seed, { name, email: `${mailbox}${DOMAIN}`, jobTitle, department: "Litigation", picture: null });
      expect([seed, f.verdict], explain(f)).toEqual([seed, "human"]);
    }
  });
});
