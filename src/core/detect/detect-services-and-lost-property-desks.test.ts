// Team inboxes and desks named by a team's noun that ended no team's name before: a department's
// services ("HR Services", "ZRH Baggage Services"), a travel office ("Staff Travel Office") and a
// lost-property desk ("VIE Lost and Found"), and training accounts ("London Training 1"). Several
// people sign in to each from the team's PCs; 16 such accounts in two new independent generators'
// orgs were `human`. A person's name with the team after it in brackets or after a separator,
// or the word after it at their own mailbox, stays theirs.
import { describe, expect, it } from "vitest";
import { atLeastLikelyBot, isHuman, lcg, officeDays, wrongRuns, type Raw } from "../../../test/helpers/people-audit.js";
import { invitedUntitled, judgedAmongGivenNames, teamPcDays } from "../../../test/helpers/org-words.js";

const SEEDS = [1, 2, 3, 4, 5] as const;
/** The team's members sign in to its account from its two PCs. */
const TEAM_PCS = ["81.2.69.171", "81.2.69.172"];
const teamDays = (seed: number, id: string): Raw[] => teamPcDays(seed, id, TEAM_PCS);
const judged = (seed: number, a: Raw, events: (seed: number, id: string) => Raw[]) => judgedAmongGivenNames("air.example", a, events(seed, "a"));

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

describe("a training account named by its place or its team", () => {
  // New joiners sign in to their office's training account in their first weeks: 6 such accounts
  // of two new independent generators' orgs were `human`.
  it.each([
    ["London Training 1", "londontraining1@air.example"],
    ["Ground Ops Training", "ground.ops.training@air.example"],
  ])("%s at %s, signed in to from the training room's PCs, is at least likely-bot", (name, email) => {
    expect(wrongRuns(SEEDS, atLeastLikelyBot, (seed) => judged(seed, invitedUntitled(name, email), teamDays))).toEqual([]);
  });

  it.each([
    ["Bada Lindqvist Training", "bada.lindqvist@air.example"],
    ["Berene Hansen (Training)", "berene.hansen@air.example"],
  ])("a person with the word after their name, %s at %s, stays human", (name, email) => {
    expect(wrongRuns(SEEDS, isHuman, (seed) => judged(seed, invitedUntitled(name, email), (s, id) => officeDays(lcg(s * 11 + 3), id, true)))).toEqual([]);
  });
});
