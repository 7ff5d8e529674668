// An account that people at different computers take turns at: within a day, its sign-ins go from
// one computer's browser platform to another and back (Windows at the coordinator's desk, a Mac at
// the producer's, Windows again). A coordination desk's account, a freelancers' pool login and a
// mine rescue desk's were `human`, named in the org's own words. One person's session on each of
// their computers lasts the day: a laptop at home in the evening and the office PC by day, a phone
// between two sittings at one PC, and a person named at their own mailbox stay theirs.
import { describe, expect, it } from "vitest";
import type { Finding } from "./types.js";
import { orgsAt } from "../../../test/helpers/unrecorded-token-work.js";
import { byTime, DAY, ev, explain, HOUR, isWeekend, lcg, MIN, REF_MS, type Raw } from "../../../test/helpers/people-audit.js";

const WINDOWS = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0.0.0 Safari/537.36";
const MAC = "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0.0.0 Safari/537.36";
const LINUX = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0.0.0 Safari/537.36";
const IPHONE = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1";
const ADDRESS: Record<string, string> = { [WINDOWS]: "198.168.74.183", [MAC]: "198.168.74.3", [LINUX]: "24.200.173.192", [IPHONE]: "172.58.12.9" };

const SEEDS = [1, 2, 3] as const;
const { amongNamed, amongUnnamed } = orgsAt("studio.example");
const judges = [amongNamed, amongUnnamed] as const;

/**
 * Sign-ins on each workday of the last four weeks, in the order `agentsOf` gives for the day (its
 * index among the workdays), at 13:00, 14:00, 18:00 and 19:00 UTC give or take twenty minutes.
 */
function signIns(seed: number, agentsOf: (workday: number) => readonly string[]): Raw[] {
  const r = lcg(seed * 7 + 11);
  const out: Raw[] = [];
  let workday = 0;
  for (let d = 28; d >= 1; d--) {
    const day = REF_MS - d * DAY;
    if (isWeekend(day)) continue;
    agentsOf(workday++).forEach((agent, i) => {
      out.push(ev("a", Math.floor(day + [13, 14, 18, 19][i]! * HOUR + r() * 20 * MIN), { userAgent: agent, ip: ADDRESS[agent] }));
    });
  }
  return out.sort(byTime);
}

/** Three desks in turn on `turnDays` of the workdays (Windows, a Mac, Windows, Linux), one desk's two sign-ins on the others. */
const takingTurns = (turnDays: (workday: number) => boolean) => (workday: number): readonly string[] => (turnDays(workday) ? [WINDOWS, MAC, WINDOWS, LINUX] : [WINDOWS, WINDOWS]);

const desk = (name: string, email: string, fields: Raw = {}): Raw => ({ name, email, managementSource: "invited", mfaEnabled: true, jobTitle: null, department: null, picture: null, ...fields });
const turnsText = (f: Finding): string => f.signals.find((s) => s.id === "shared-use")?.evidence ?? "";

describe("people at different computers taking turns at one account", () => {
  // Failed before: `human` (named in the org's words, two-step verification on, three addresses).
  it.each([
    ["Coordination Prod MTL", "coordo-prod-mtl@studio.example"],
    ["Mine Rescue / ERT Red Lake", "ert.redlake@studio.example"],
    ["야간관제 (NOC)", "noc-night@studio.example"],
  ])("%s at %s, from three computers in turn on most workdays, is reviewed as shared", (name, email) => {
    for (const seed of SEEDS) {
      for (const judge of judges) {
        const f = judge(desk(name, email), signIns(seed, takingTurns(() => true)));
        expect(f.verdict, explain(f)).toBe("likely-bot");
        expect(turnsText(f)).toMatch(/on \d+ of the \d+ days it signs in, its sign-ins went from one computer's platform to another and back within the day/);
      }
    }
  });

  it("needs five such days, and 15% of the days it signs in", () => {
    const judge = (turnDays: (workday: number) => boolean): Finding => amongNamed(desk("Coordination Prod MTL", "coordo-prod-mtl@studio.example"), signIns(1, takingTurns(turnDays)));
    expect(judge((w) => w < 5).verdict).toBe("likely-bot");
    expect(judge((w) => w < 4).verdict).toBe("human");
    // Five days of forty: the days a person with two computers has.
    const longer = (turnDays: (workday: number) => boolean): Raw[] => [...signIns(1, takingTurns(turnDays)), ...signIns(2, () => [WINDOWS, WINDOWS]).map((e) => ({ ...e, time: new Date(Date.parse(e["time"] as string) - 28 * DAY).toISOString() }))].sort(byTime);
    expect(amongNamed(desk("Coordination Prod MTL", "coordo-prod-mtl@studio.example"), longer((w) => w < 5)).verdict).toBe("human");
    expect(amongNamed(desk("Coordination Prod MTL", "coordo-prod-mtl@studio.example"), longer((w) => w < 7)).verdict).toBe("likely-bot");
  });
});

describe("one person's computers stay theirs", () => {
  it("the office PC by day and a laptop at home in the evening, every workday, stay `human`", () => {
    for (const seed of SEEDS) {
      const f = amongNamed(desk("Coordination Prod MTL", "coordo-prod-mtl@studio.example"), signIns(seed, () => [WINDOWS, WINDOWS, MAC, MAC]));
      expect(f.verdict, explain(f)).toBe("human");
    }
  });

  it("a phone between two sittings at one PC is no second computer", () => {
    for (const seed of SEEDS) {
      const f = amongNamed(desk("Coordination Prod MTL", "coordo-prod-mtl@studio.example"), signIns(seed, () => [WINDOWS, IPHONE, WINDOWS, IPHONE]));
      expect(f.verdict, explain(f)).toBe("human");
    }
  });

  // The review of the first version: a person whose sessions are short (a virtual desktop, single
  // sign-on that asks again each hour) goes back and forth too. Each was `likely-bot`.
  const engineer = { managementSource: "synced", mfaEnabled: true, department: "Engineering", picture: "https://avatars.example/anna.png" };
  it.each([
    ["a person named at their own mailbox", desk("Sarah Gagnon", "sarah.gagnon@studio.example")],
    ["a person's job title beside it", desk("Build Desk", "build.desk@studio.example", { jobTitle: "Pipeline Engineer" })],
    ["a developer at an employee number's mailbox, in the IdP with a department", desk("Anna Berg", "e1042387@studio.example", engineer)],
    ["a QA engineer's department, no title", desk("김민수", "minsu.kim@studio.example", { ...engineer, department: "QA" })],
    ["a person's five-word name with their department", desk("Prof. Dr. Anna Maria Berg", "anna.berg@studio.example", engineer)],
    ["a person the IdP keeps with no department, at an employee number's mailbox", desk("Anna Berg", "e1042387@studio.example", { ...engineer, department: null })],
  ])("%s, at a workstation and a laptop in turn every workday, stays `human`", (_what, account) => {
    for (const seed of SEEDS) {
      for (const judge of judges) {
        const f = judge(account, signIns(seed, () => [LINUX, MAC, LINUX, MAC]));
        expect(f.verdict, explain(f)).toBe("human");
      }
    }
  });

  it.each([
    ["a given name at a mailbox that starts with it", desk("Anna", "anna@studio.example")],
    ["initials for a mailbox", desk("Jane Doe", "jd@studio.example")],
  ])("%s, invited with no profile, from a Windows desktop used from a Mac, stays `human`", (_what, account) => {
    for (const seed of SEEDS) {
      const f = amongNamed(account, signIns(seed, () => [MAC, WINDOWS, MAC, WINDOWS]));
      expect(f.verdict, explain(f)).toBe("human");
    }
  });
});

describe("what the review says", () => {
  it("names the days, and the addresses where there are four or more, without calling the account a team's", () => {
    const agentsOf = takingTurns(() => true);
    const at = (e: Raw, i: number): Raw => ({ ...e, ip: `203.0.113.${(i % 5) + 1}` });
    const f = amongNamed(desk("Coordination Prod MTL", "coordo-prod-mtl@studio.example"), signIns(1, agentsOf).map(at));
    expect(f.verdict, explain(f)).toBe("likely-bot");
    expect(turnsText(f)).toMatch(/but on \d+ of the \d+ days it signs in, its sign-ins went from one computer's platform to another and back within the day, with logins from four or more addresses, as people at different computers taking turns at one account do/);
    expect(turnsText(f)).not.toMatch(/named as a team's/);
  });
});
