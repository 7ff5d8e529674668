// Wallboards and a load test's account that independent generators' orgs left `human`:
// - a TV named by the floor it hangs on ("Manila Floor TV" at `floortv.manila@`), or with a
//   control room's word after it ("TV Leitstand" at `tv.leitstand@`);
// - a queue's screens named by city at mailboxes of their words ("Queue Screen Cardiff",
//   "Queue Screen London"): each sister's name made "Queue" a given name of the org's people, so
//   the next one read as a person's;
// - an idle load-test account named for its tool ("k6-loadtest 07" at `k6.loadtest7@`);
// - a screen named by team, device and place ("NOC Screen Kraków" at `noc.screen.krk@`, "Floor
//   TV Manila"): Screen, Board and TV are words of people's names too, so only where the first word
//   is no given name of the org's people and the mailbox spells the device's word;
// - a Blue Prism digital worker's code ("BP-DW-07" at `bp.dw.07@`): DW is a robot's part of a
//   code, as RUNTIME and ROBOT are, beside a number and a suite's code.
import { describe, expect, it } from "vitest";
import { DEFAULT_NAME_PATTERNS } from "./config.js";
import { account, atLeastLikelyBot, officeDays, BROWSER, byTime, DAY, EMPTY, ev, findingOf, HOUR, isHuman, isWeekend, lcg, MIN, OFFICE, officeColleagues, REF_MS, snapshotOf, wrongRuns, type Raw } from "../../../test/helpers/people-audit.js";
import { givenNamesOrg, invitedUntitled } from "../../../test/helpers/org-words.js";

const SEEDS = [1, 2, 3, 4, 5] as const;

/** A screen's sign-in on every other weekday at about 08:30 from its one address and browser. */
function screenSignIns(seed: number, id: string): Raw[] {
  const r = lcg(seed * 13 + 7);
  const out: Raw[] = [];
  for (let d = 20; d >= 1; d -= 2) {
    const day = REF_MS - d * DAY;
    if (!isWeekend(day)) out.push(ev(id, Math.floor(day + 8 * HOUR + r() * 60 * MIN), { ip: OFFICE, userAgent: BROWSER }));
  }
  return out;
}

function judged(seed: number, p: Raw): ReturnType<typeof findingOf> {
  const { users, events } = officeColleagues(seed);
  return findingOf(snapshotOf([p, ...users], [...screenSignIns(seed, "p"), ...events].sort(byTime)), "p");
}

describe("a TV named by its floor or its control room", () => {
  it.each([
    ["Manila Floor TV", "floortv.manila@trivanta.example"],
    ["Leitstand TV", "leitstand.tv@brandauer.example"],
    ["Shop Floor TV", "shopfloor.tv@acme.example"],
    ["TV Leitstand", "tv.leitstand@brandauer.example"],
    ["TV Leitstelle Nord", "tv-leitstelle-nord@stadtwerke.example"],
    ["TV Control Room 2", "tv-control-room-2@acme.example"],
  ])("%s is at least likely-bot", (name, email) => {
    expect(wrongRuns(SEEDS, atLeastLikelyBot, (seed) => judged(seed, account("p", invitedUntitled(name, email))))).toEqual([]);
  });

  it.each([
    ["Floor Jansen", "floor.jansen@acme.example"],
    ["TV Raman", "tv.raman@acme.example"],
    ["Raman TV", "raman.tv@acme.example"],
    ["Control Tower", "c.tower@acme.example"],
    ["Floor TV", "floor.tv@acme.example"],
    ["Floor Bos TV", "floor.bos@acme.example"],
  ])("a person's name with the same words stays human: %s", (name, email) => {
    expect(wrongRuns(SEEDS, isHuman, (seed) => judged(seed, account("p", invitedUntitled(name, email))))).toEqual([]);
  });
});

describe("a queue's screens named by city, beside their sisters", () => {
  /** "Queue Screen London" among 120 named colleagues and its sister screens in other cities. */
  function amongSisters(seed: number, name: string, email: string, sisters: readonly string[]) {
    const { users, events } = givenNamesOrg("council.example");
    const others = sisters.map((city, i) => account(`s${i}`, invitedUntitled(`Queue Screen ${city}`, `queue-screen-${city.toLowerCase()}@council.example`)));
    const theirs = sisters.flatMap((_, i) => screenSignIns(seed + i + 1, `s${i}`));
    const all = [...screenSignIns(seed, "p"), ...theirs, ...events].sort(byTime);
    return findingOf(snapshotOf([account("p", invitedUntitled(name, email)), ...others, ...users], all), "p");
  }

  it("the screen is at least likely-bot, however many sisters it has", () => {
    for (const sisters of [[], ["Cardiff"], ["Cardiff", "Leeds", "Bristol"]]) {
      expect([sisters.length, wrongRuns(SEEDS, atLeastLikelyBot, (seed) => amongSisters(seed, "Queue Screen London", "queue-screen-london@council.example", sisters))]).toEqual([sisters.length, []]);
    }
  });

  it.each(["Monitor", "Board"])("so is a queue's %s among sisters so named", (word) => {
    const { users, events } = givenNamesOrg("council.example");
    const sister = account("s0", invitedUntitled(`Queue ${word} Cardiff`, `queue-${word.toLowerCase()}-cardiff@council.example`));
    expect(wrongRuns(SEEDS, atLeastLikelyBot, (seed) => {
      const all = [...screenSignIns(seed, "p"), ...screenSignIns(seed + 1, "s0"), ...events].sort(byTime);
      return findingOf(snapshotOf([account("p", invitedUntitled(`Queue ${word} London`, `queue-${word.toLowerCase()}-london@council.example`)), sister, ...users], all), "p");
    })).toEqual([]);
  });

  it("a colleague named Screen at her own mailbox stays human beside them", () => {
    const { users, events } = givenNamesOrg("council.example");
    const pat = account("p", { name: "Bada Screen", email: "bada.screen@council.example", managementSource: "synced", ...EMPTY });
    const sister = account("s0", invitedUntitled("Queue Screen Cardiff", "queue-screen-cardiff@council.example"));
    for (const seed of SEEDS) {
      const all = [...screenSignIns(seed, "p"), ...screenSignIns(seed + 1, "s0"), ...events].sort(byTime);
      expect([seed, findingOf(snapshotOf([pat, sister, ...users], all), "p").verdict]).toEqual([seed, "human"]);
    }
  });
});

describe("a screen named by team, device and place", () => {
  /** Account `p` with a screen's sign-ins among 120 named colleagues. */
  function amongNames(seed: number, p: Raw) {
    const { users, events } = givenNamesOrg("ops.example");
    return findingOf(snapshotOf([account("p", p), ...users], [...screenSignIns(seed, "p"), ...events].sort(byTime)), "p");
  }

  it.each([
    ["NOC Screen Kraków", "noc.screen.krk@ops.example"],
    ["Ops Screen London", "ops.screen.london@ops.example"],
    ["Floor TV Manila", "floor.tv.manila@ops.example"],
    ["Sales Board Oslo", "sales.board.oslo@ops.example"],
  ])("%s at %s is at least likely-bot", (name, email) => {
    expect(wrongRuns(SEEDS, atLeastLikelyBot, (seed) => amongNames(seed, invitedUntitled(name, email)))).toEqual([]);
  });

  it("so is the screen beside a sister named by the team's code and a tool's word (\"NOC Probe\" at noc.probe@), which teaches no given name", () => {
    const { users, events } = givenNamesOrg("ops.example");
    const probe = account("s0", invitedUntitled("NOC Probe", "noc.probe@ops.example"));
    expect(wrongRuns(SEEDS, atLeastLikelyBot, (seed) => {
      const all = [...screenSignIns(seed, "p"), ...screenSignIns(seed + 1, "s0"), ...events].sort(byTime);
      return findingOf(snapshotOf([account("p", invitedUntitled("NOC Screen Kraków", "noc.screen.krk@ops.example")), probe, ...users], all), "p");
    })).toEqual([]);
  });

  it("a team's code first teaches no given name: an idle report job beside its sister at a mailbox of the same words is at least likely-bot", () => {
    const { users, events } = givenNamesOrg("grid.example");
    const idle = (id: string, name: string, email: string): Raw => account(id, { ...invitedUntitled(name, email), productAccess: [{ key: "jira-software", id: "ari:jira", lastActiveTimestamp: new Date(REF_MS - 1900 * DAY).toISOString() }] });
    const neverUsed = (id: string): Raw => ({ id: `t-${id}`, accountId: id, label: "reporting", status: "ALLOWED", createdAt: new Date(REF_MS - 1900 * DAY).toISOString(), lastActiveAt: null });
    const judge = (): ReturnType<typeof findingOf> =>
      findingOf(snapshotOf([idle("p", "KPI Netzbetrieb Lisboa", "kpi.netzbetrieb@grid.example"), idle("s0", "KPI Netzbetrieb", "kpi.netzbetrieb@grid.de"), ...users], [ev("p0", REF_MS - 30 * DAY + 8 * HOUR, { ip: OFFICE, userAgent: BROWSER }), ...events], [neverUsed("p"), neverUsed("s0")]), "p");
    expect(atLeastLikelyBot(judge().verdict)).toBe(true);
  });

  it.each([
    ["Oisín Screen Lynch", "oisin.lynch@ops.example"],
    ["Anna Board Lindqvist", "anna.board@ops.example"],
    ["Erik TV Berg", "erik.tv.berg@ops.example"],
  ])("a person's names with the word between stay human: %s at %s", (name, email) => {
    expect(wrongRuns(SEEDS, isHuman, (seed) => amongNames(seed, invitedUntitled(name, email)))).toEqual([]);
  });
});

describe("a load test's account named for its tool", () => {
  it("the tools' names are bot-like words, a tool's word first as much as last", () => {
    const words = new RegExp(`^(?:${DEFAULT_NAME_PATTERNS.join("|")})$`, "i");
    for (const w of ["k6-loadtest", "k6.load-test", "k6 vu", "k6_test", "k6perf", "jmeter", "blazemeter", "neoload", "loadrunner", "load-runner"]) expect([w, words.test(w)]).toEqual([w, true]);
    for (const w of ["k", "k6", "k7", "k6023418", "neo", "load", "neo.load", "gatling", "meter"]) expect([w, words.test(w)]).toEqual([w, false]);
  });

  it.each([
    ["Kim Nguyen", "k6023418@uni.example"],
    ["Kwame Mensah", "k6@uni.example"],
  ])("a person at a mailbox of k6 and digits, %s at %s, stays human", (name, email) => {
    const p = account("p", { name, email, managementSource: "synced", jobTitle: "Research Assistant", department: "Physics", productAccess: [{ key: "jira-software", id: "ari:j", lastActiveTimestamp: null }] });
    expect(wrongRuns(SEEDS, isHuman, (seed) => {
      const { users, events } = officeColleagues(seed);
      return findingOf(snapshotOf([p, ...users], [...officeDays(lcg(seed * 3 + 1), "p"), ...events].sort(byTime)), "p");
    })).toEqual([]);
  });

  it("an idle k6 account with nothing else to show is at least likely-bot", () => {
    const p = account("p", { name: "k6-loadtest 07", email: "k6.loadtest7@clinic.example", managementSource: "invited", mfaEnabled: false, ...EMPTY, productAccess: [{ key: "jira-software", id: "ari:j", lastActiveTimestamp: null }] });
    const { users, events } = officeColleagues(1);
    expect(atLeastLikelyBot(findingOf(snapshotOf([p, ...users], events), "p").verdict)).toBe(true);
  });
});

describe("a digital worker's code", () => {
  /** A robot's two sign-ins each weekday from its one VDI address, an email code before each. */
  function robotDays(seed: number, id: string): Raw[] {
    const r = lcg(seed * 29 + 5);
    const out: Raw[] = [];
    for (let d = 30; d >= 1; d--) {
      const day = REF_MS - d * DAY;
      if (isWeekend(day)) continue;
      for (const t of [day + 8 * HOUR + r() * 30 * MIN, day + 13 * HOUR + r() * 30 * MIN]) {
        out.push(ev(id, Math.floor(t - 30_000), { action: "email_otp_sent", ip: OFFICE, userAgent: BROWSER }));
        out.push(ev(id, Math.floor(t), { ip: OFFICE, userAgent: BROWSER }));
      }
    }
    return out;
  }
  const atDesk = (seed: number, name: string, email: string, events: (seed: number, id: string) => Raw[]) => {
    const { users, events: others } = officeColleagues(seed);
    return findingOf(snapshotOf([account("p", invitedUntitled(name, email)), ...users], [...events(seed, "p"), ...others].sort(byTime)), "p");
  };

  it.each([
    ["BP-DW-07", "bp.dw.07@firm.example"],
    ["BP-DW-07", "bp_dw_07@firm.example"],
    ["BP_DW_07", "bpdw07@firm.example"],
    ["UIP-ROBOT-3", "uip.robot.3@firm.example"],
  ])("%s at %s is at least likely-bot", (name, email) => {
    expect(wrongRuns(SEEDS, atLeastLikelyBot, (seed) => atDesk(seed, name, email, robotDays))).toEqual([]);
  });

  it.each([
    ["LEE_JI_HOON", "lee.ji.hoon@corp.example"],
    ["NGUYEN-VAN-AN", "nguyen.van.an@corp.example"],
    ["GARCIA_LOPEZ_MARIA", "garcia.lopez.maria@corp.example"],
    ["KIM-MIN-JUN-2", "kim.min.jun.2@corp.example"],
    ["LE-VAN-AN-02", "le.van.an.02@corp.example"],
  ])("a person's name written in capitals, %s at %s, stays human", (name, email) => {
    expect(wrongRuns(SEEDS, isHuman, (seed) => atDesk(seed, name, email, (s, id) => officeDays(lcg(s * 7 + 1), id, true)))).toEqual([]);
  });
});
