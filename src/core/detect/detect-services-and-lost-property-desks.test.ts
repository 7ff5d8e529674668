// Team inboxes and desks named by a team's noun that ended no team's name before: a department's
// services ("HR Services", "ZRH Baggage Services"), a travel office ("Staff Travel Office") and a
// lost-property desk ("VIE Lost and Found"). Several people sign in to each from the team's PCs;
// 10 such accounts in a new independent airline generator's orgs were `human`. A person's name
// with the team after it in brackets or after a separator stays theirs.
import { describe, expect, it } from "vitest";
import { account, anyOf, atLeastLikelyBot, BROWSER, byTime, findingOf, isHuman, lcg, officeDays, signInsAllDay, snapshotOf, wrongRuns, type Raw } from "../../../test/helpers/people-audit.js";
import { givenNamesOrg, invitedUntitled } from "../../../test/helpers/org-words.js";

const SEEDS = [1, 2, 3, 4, 5] as const;
const TEAM_PCS = ["81.2.69.171", "81.2.69.172"];
const EDGE = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0 Safari/537.36 Edg/130.0";

/** The team's members sign in to its account from its two PCs, an email code each time, two to four times a workday. */
const teamDays = (seed: number, id: string): Raw[] => signInsAllDay(seed, id, anyOf([BROWSER, EDGE]), (r) => TEAM_PCS[Math.floor(r() * TEAM_PCS.length)] as string, true, [2, 4]);

function judged(seed: number, a: Raw, events: (seed: number, id: string) => Raw[]) {
  const { users, events: theirs } = givenNamesOrg("air.example");
  return findingOf(snapshotOf([account("a", a), ...users], [...theirs, ...events(seed, "a")].sort(byTime)), "a");
}

describe("a team's account named by its services, its travel office or its lost-property desk", () => {
  it.each([
    ["HR Services", "hr.services@air.example"],
    ["ZRH Baggage Services", "zrh.baggage.services@air.example"],
    ["Staff Travel Office", "staff.travel.office@air.example"],
    ["VIE Lost and Found", "vie.lost.and.found@air.example"],
    ["Lost & Found", "lostandfound@air.example"],
  ])("%s at %s, signed in to from the team's PCs, is at least likely-bot", (name, email) => {
    expect(wrongRuns(SEEDS, atLeastLikelyBot, (seed) => judged(seed, invitedUntitled(name, email), teamDays))).toEqual([]);
  });
});

describe("a person with the team after their name", () => {
  it.each([
    ["Bada Lindqvist (HR Services)", "bada.lindqvist@air.example"],
    ["Bada Lindqvist - HR Services", "bada.lindqvist@air.example"],
    ["Berena Hansen | Staff Travel Office", "berena.hansen@air.example"],
  ])("%s at %s, at work from the office with email codes, is human", (name, email) => {
    expect(wrongRuns(SEEDS, isHuman, (seed) => judged(seed, invitedUntitled(name, email), (s, id) => officeDays(lcg(s * 11 + 3), id, true)))).toEqual([]);
  });
});
