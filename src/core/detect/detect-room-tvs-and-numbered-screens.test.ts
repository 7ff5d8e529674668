// A wallboard's TV named for its room in one word ("Boardroom TV"), and a control room's screen
// named by its number before a note of its site ("MCR Screen 1 - Porcupine" at `wallboard.pcp1@`),
// sign in like a person on weekdays from the office; where the log keeps no user agent, nothing
// but the name tells them from one. Both were `human` in independent generators' orgs. People
// whose initials or surname are a TV's or a screen's word keep their verdicts.
import { describe, expect, it } from "vitest";
import { invitedUntitled, judgedInOrg } from "../../../test/helpers/org-words.js";
import { BROWSER, explain, lcg, officeDays, type Raw } from "../../../test/helpers/people-audit.js";
import type { Finding } from "./types.js";

const SEEDS = [1, 2, 3] as const;
const DOMAIN = "norlac.example";

/** Working days from the office, in a desktop browser, or with no user agent at all (`bare`). */
function days(seed: number, bare = false): Raw[] {
  return officeDays(lcg(seed * 17 + 3), "a").map((e) => {
    if (!bare) return { ...e, userAgent: BROWSER };
    const { userAgent: _ua, ...rest } = e;
    return rest;
  });
}
function judged(a: Raw, events: Raw[]): Finding {
  return judgedInOrg(DOMAIN, a, events);
}
function expectEach(verdict: string, make: (seed: number, bare: boolean) => Finding): void {
  for (const seed of SEEDS) {
    for (const bare of [false, true]) {
      const f = make(seed, bare);
      expect([seed, bare, f.verdict], explain(f)).toEqual([seed, bare, verdict]);
    }
  }
}

describe("a TV named for its room in one word", () => {
  // Failed before: `human` (weekday sign-ins from one office, recent UI use).
  it.each([
    ["Boardroom TV", "boardroom.tv@"],
    ["Newsroom TV", "newsroom.tv@"],
    ["Breakroom TV 2", "breakroom2@"],
    ["Control Room TV", "mcr.tv@"],
  ])("%s at `%s` is reviewed", (name, mailbox) => {
    expectEach("likely-bot", (seed, bare) => judged(invitedUntitled(name, `${mailbox}${DOMAIN}`), days(seed, bare)));
  });
  it("so is one whose title is a device's, with a department", () => {
    expectEach("likely-bot", (seed, bare) => judged(invitedUntitled("Boardroom TV", `boardroom.tv@${DOMAIN}`, { jobTitle: "Terminal", department: "Factory Operations" }), days(seed, bare)));
  });
  it("the name alone never makes a bot", () => {
    for (const seed of SEEDS) expect(judged(invitedUntitled("Boardroom TV", `boardroom.tv@${DOMAIN}`), days(seed, true)).verdict).not.toBe("bot");
  });
});

describe("a screen's number before its site's note, at a wallboard's mailbox", () => {
  it.each([
    ["MCR Screen 1 - Porcupine", "wallboard.pcp1@"],
    ["MCR Screen 2 - Toronto", "wallboard.hq3@"],
    ["NOC Screen 4 – Leeds", "signage.noc4@"],
  ])("%s at `%s` is reviewed", (name, mailbox) => {
    expectEach("likely-bot", (seed, bare) => judged(invitedUntitled(name, `${mailbox}${DOMAIN}`), days(seed, bare)));
  });
});

describe("people named with a TV's or a screen's word keep their verdicts", () => {
  it.each([
    // South Indian initials, first or last.
    ["Raman TV", "raman.tv@"],
    ["Anil Kumar TV", "anilkumar.tv@"],
    ["TV Narayanan", "tv.narayanan@"],
    // Surnames that end in "room" are no room's TV.
    ["Kate Broom TV", "kate.broom@"],
    ["Jan Groom", "jan.groom@"],
    // A surname that is a screen's word, a number and a note after it, at their own mailbox or a
    // mailbox that names no device.
    ["Pat Screen 2 - Sales", "pat.screen2@"],
    ["Pat Screen 2 - Sales", "pscreen@"],
    ["Pat Screen - Wallboards", "pat.screen@"],
    // Without a number, "Screen" is the surname, whatever the mailbox.
    ["Pat Screen - Wallboards", "wallboard.pat@"],
  ])("%s at `%s` stays human", (name, mailbox) => {
    expectEach("human", (seed, bare) => judged(invitedUntitled(name, `${mailbox}${DOMAIN}`), days(seed, bare)));
  });
  it.each([
    // A room's TV after a person's name is their note, or their show.
    ["Anna Okafor Newsroom TV", "anna.okafor@"],
    ["Ramesh Staffroom TV", "ramesh.s@"],
    ["Anna Boardroom TV", "anna.b@"],
    ["Kim Classroom TV", "kim.c@"],
    ["Newsroom Anna TV", "anna.newsroom@"],
    // Initials before the surname Screen, or a surname in capitals that the mailbox spells.
    ["JP Screen 2 - Sales", "screen.jp2@"],
    ["OKAFOR Tablet 2 - Ward 7", "tablet.okafor@"],
    // A screen's or a tablet's word and a number after a given name, at a device's mailbox too.
    ["Pat Screen 2 - Wallboards", "wallboard.pat2@"],
    ["Chiara Bianchi Tablet 2 - Ward 7", "chiara.bianchi.tablet@"],
  ])("%s at `%s` stays human", (name, mailbox) => {
    expectEach("human", (seed, bare) => judged(invitedUntitled(name, `${mailbox}${DOMAIN}`), days(seed, bare)));
  });
  it("a journalist named for the newsroom's TV, with her title, stays human", () => {
    expectEach("human", (seed, bare) => judged(invitedUntitled("Ola Newsroom TV", `ola.n@${DOMAIN}`, { managementSource: "synced", jobTitle: "Journalist", department: "News", mfaEnabled: true }), days(seed, bare)));
  });
  it("a person on the wallboard team, at its mailbox with their own name and a number, stays human", () => {
    expectEach("human", (seed, bare) => judged(invitedUntitled("Pat Screen", `wallboard.pat2@${DOMAIN}`, { jobTitle: "AV Technician" }), days(seed, bare)));
  });
});
