// A screen in a review room, a NOC or a canteen is often driven by a Raspberry Pi: a desktop
// browser on ARM Linux (`X11; Linux aarch64`, `armv7l`) that signs in each morning and shows a
// board all day. Its log looks like one person's working days, from one address and one browser,
// and its name is a screen's or its room's ("Review Room 1 (Sydney)", "noc.wall.4", "Monitor
// Kantine"). Such an account is reviewed (`boardClient`). A developer on an ARM laptop running
// Linux sends the same agent, and is named as a person: whatever the org knows of the name, its
// order, script or mailbox, the account stays theirs, and so does a person's job title or profile.
import { describe, expect, it } from "vitest";
import { invitedUntitled, judgedInOrg } from "../../../test/helpers/org-words.js";
import { BROWSER, DAY, expectVerdictOnSeeds, explain, lcg, officeDays, type Raw } from "../../../test/helpers/people-audit.js";
import type { Finding } from "./types.js";

const SEEDS = [1, 2, 3] as const;
const DOMAIN = "lanternfly.example";
const PI_64 = "Mozilla/5.0 (X11; Linux aarch64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36";
const PI_32 = "Mozilla/5.0 (X11; Linux armv7l) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/109.0.5414.112 Safari/537.36";
const PI_FIREFOX = "Mozilla/5.0 (X11; Linux aarch64; rv:128.0) Gecko/20100101 Firefox/128.0";
const CHROMEBOOK_ARM = "Mozilla/5.0 (X11; CrOS aarch64 15917.71.0) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36";
const PIXEL = "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Mobile Safari/537.36";

const invited = invitedUntitled;

/** Working days from the office (`officeDays`), each event's agent `agentOf(day)`. */
function daysFrom(seed: number, agentOf: (day: number) => string): Raw[] {
  return officeDays(lcg(seed * 31 + 7), "a").map((e) => ({ ...e, userAgent: agentOf(Math.floor(Date.parse(String(e["time"])) / DAY)) }));
}
/** Account `a` with `events`, among 120 colleagues of as many given names, or alone with six colleagues when `small`. */
function judged(a: Raw, events: Raw[], small = false): Finding {
  return judgedInOrg(DOMAIN, a, events, small);
}

describe("a screen's player signed in as a room", () => {
  // Failed before: `human` (working hours, interactive logins, recent UI use), as in four
  // independent generators' orgs.
  const SCREENS: readonly [string, string][] = [
    ["Review Room 1 (Sydney)", "review.room.1.syd@"],
    ["Review Room 2 - MTL", "review.room.2.mtl@"],
    ["noc.wall.4", "noc.wall4@"],
    ["Dailies Theatre (Mumbai)", "dailies.theatre.mum@"],
    ["Boardroom TV", "boardroom.tv@"],
  ];
  it.each(SCREENS)("%s at `%s`, on a Pi's 64-bit browser, is reviewed", (name, mailbox) => {
    expectVerdictOnSeeds(SEEDS, "likely-bot", (seed) => judged(invited(name, `${mailbox}${DOMAIN}`), daysFrom(seed, () => PI_64)));
  });
  it.each([
    ["32-bit Chromium", PI_32],
    ["Firefox", PI_FIREFOX],
  ])("so is one on a Pi's %s, and the note says why", (_label, ua) => {
    for (const seed of SEEDS) {
      const f = judged(invited("Dailies Theatre Sydney", `dailies.theatre.syd@${DOMAIN}`), daysFrom(seed, () => ua));
      expect([seed, f.verdict], explain(f)).toEqual([seed, "likely-bot"]);
      expect(f.signals.find((s) => s.id === "script-in-use")?.evidence, explain(f)).toMatch(/single-board computer's browser .*named as a screen or its room/);
    }
  });
  it.each([
    ["Production Board (London)", "production.board.ldn@"],
    ["Review Room 2 - MTL", "review.room.2.mtl@"],
    ["Boardroom TV", "boardroom.tv@"],
    ["okplanning-ok01", "okbord.ok01@"],
  ])("so is %s in a small org, whose names tell nothing", (name, mailbox) => {
    expectVerdictOnSeeds(SEEDS, "likely-bot", (seed) => judged(invited(name, `${mailbox}${DOMAIN}`), daysFrom(seed, () => PI_64), true));
  });
  it("so is one titled as a display, with a department", () => {
    expectVerdictOnSeeds(SEEDS, "likely-bot", (seed) => judged(invited("Review Room 3", `review.room.3@${DOMAIN}`, { jobTitle: "Display", department: "Post Production" }), daysFrom(seed, () => PI_64)));
  });
});

describe("people on ARM computers keep their verdicts", () => {
  // The review of the first version: each of these was `likely-bot` with it, on an org of 120
  // given names or in a small one. A given name the org has never seen (or holds once, the
  // person's own), a surname written first, a script without case, a mailbox of the given name
  // alone or a nickname's, a surname that is a wall's or a floor's word.
  const PEOPLE: readonly [string, string][] = [
    ["Tamsin Achterberg", "tamsin.achterberg@"],
    ["Oluwaseun Adeyemi", "oadeyemi@"],
    ["Jean-Luc Picard", "jl.picard@"],
    ["Siobhan O'Neill", "siobhan.oneill@"],
    ["Jonas Lindgren", "jonas@"],
    ["Jonas Lindgren", "jonasl@"],
    ["Bob Marsh", "robert.marsh@"],
    ["LINDGREN Jonas", "jonas.lindgren@"],
    ["Lindgren, Jonas", "jonas.lindgren@"],
    ["Jonas Wall", "jonas.wall@"],
    ["Larry Wall", "lwall@"],
    ["Floor Jansen", "floor.jansen@"],
    ["Maria Control", "maria.control@"],
    ["Maria Lopez 2", "maria.lopez2@"],
    ["Sukarno", "sukarno@"],
    ["王伟", "wang.wei@"],
    ["山田太郎", "t.yamada@"],
    ["김민준", "minjun.kim@"],
    ["محمد علي", "m.ali@"],
    ["Иван Петров", "ivan.petrov@"],
  ];
  it.each(PEOPLE)("%s at `%s`, invited with no profile, on an ARM laptop, stays human", (name, mailbox) => {
    expectVerdictOnSeeds(SEEDS, "human", (seed) => judged(invited(name, `${mailbox}${DOMAIN}`), daysFrom(seed, () => PI_64)));
    expectVerdictOnSeeds(SEEDS, "human", (seed) => judged(invited(name, `${mailbox}${DOMAIN}`), daysFrom(seed, () => PI_FIREFOX), true));
  });
  it.each([
    ["synced, no profile", { managementSource: "synced" }],
    ["with 2SV and a picture", { mfaEnabled: true, picture: "https://avatar.example/t.png" }],
    ["with no management source", { managementSource: undefined }],
  ])("so does one %s", (_label, fields) => {
    expectVerdictOnSeeds(SEEDS, "human", (seed) => judged(invited("Tamsin Achterberg", `tamsin.achterberg@${DOMAIN}`, fields), daysFrom(seed, () => PI_64)));
  });
  // A surname that is a screen's word ("Pat Screen"): the title or the profile keeps it theirs.
  it("one whose surname is a screen's word, with a job title, stays human", () => {
    expectVerdictOnSeeds(SEEDS, "human", (seed) => judged(invited("Pat Screen", `pat.screen@${DOMAIN}`, { jobTitle: "Compositor" }), daysFrom(seed, () => PI_64)));
  });
  it.each(["Operations", "Test Automation"])("one whose surname is a screen's word, with a full profile whose title (%s) is a team's or a job's words, stays human", (jobTitle) => {
    expectVerdictOnSeeds(SEEDS, "human", (seed) => judged(invited("Pat Screen", `pat.screen@${DOMAIN}`, { jobTitle, department: "Platform" }), daysFrom(seed, () => PI_64)));
  });
  it("a Linux desktop's browser is not taken for a Pi", () => {
    const LINUX = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36";
    expectVerdictOnSeeds(SEEDS, "human", (seed) => judged(invited("Review Room 1 (Sydney)", `review.room.1.syd@${DOMAIN}`), daysFrom(seed, () => LINUX)));
  });
  it("a person who uses the team room's Pi on some days and a laptop on the others stays human", () => {
    expectVerdictOnSeeds(SEEDS, "human", (seed) => judged(invited("Review Room 1 (Sydney)", `review.room.1.syd@${DOMAIN}`), daysFrom(seed, (day) => (day % 2 === 0 ? PI_64 : BROWSER))));
  });
  it.each([
    ["an ARM Chromebook", CHROMEBOOK_ARM],
    ["an Android phone", PIXEL],
  ])("an account used only from %s is not taken for a Pi", (_label, ua) => {
    expectVerdictOnSeeds(SEEDS, "human", (seed) => judged(invited("Review Room 1 (Sydney)", `review.room.1.syd@${DOMAIN}`), daysFrom(seed, () => ua)));
  });
});

describe("the agent alone never makes a bot", () => {
  it("a room's account on a Pi is at most likely-bot", () => {
    for (const seed of SEEDS) expect(judged(invited("noc.wall.4", `noc.wall4@${DOMAIN}`), daysFrom(seed, () => PI_64)).verdict).not.toBe("bot");
  });
});
