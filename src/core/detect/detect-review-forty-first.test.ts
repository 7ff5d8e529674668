// Browser robots whose sign-ins carry three user agents or more without being a tester's: an
// auto-updating Chrome, a Selenium grid's nodes, a rotating pool of desktop user agents.
import { describe, expect, it } from "vitest";
import { account, anyOf, atLeastLikelyBot, CLOUD, EMPTY, findingOf, OFFICE, officeColleagues, signInsAllDay, snapshotOf, wrongRuns, type AgentOf, type Raw } from "../../../test/helpers/people-audit.js";

const chrome = (version: string): string => `Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/${version} Safari/537.36`;
const CHROME = chrome("130.0.0.0");
const FIREFOX = "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:131.0) Gecko/20100101 Firefox/131.0";
const EDGE = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0.0.0 Safari/537.36 Edg/130.0.2849.80";
const MAC_CHROME = "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0.0.0 Safari/537.36";
const LINUX_FIREFOX = "Mozilla/5.0 (X11; Linux x86_64; rv:130.0) Gecko/20100101 Firefox/130.0";
/** Chrome's stable releases of four weeks: one desktop Chrome that updates itself each week. */
const RELEASES = ["130.0.6723.58", "130.0.6723.69", "130.0.6723.91", "131.0.6778.70"];

const autoUpdatingChrome: AgentOf = (d) => chrome(RELEASES[Math.min(RELEASES.length - 1, Math.floor((28 - d) / 7))] as string);

const judge = (user: Raw, events: (seed: number) => Raw[]) => (seed: number) => {
  const c = officeColleagues(seed);
  return findingOf(snapshotOf([user, ...c.users], [...c.events, ...events(seed)]), "p");
};
const ROBOT = { managementSource: "invited", mfaEnabled: false, ...EMPTY };

describe("a browser robot signing in many times a day with three user agents or more", () => {
  // Passed before (`likely-bot` on `login-flood`): the weekly Chrome updates made three user agents.
  it("one desktop Chrome that updates itself each week, 6-14 sign-ins a workday from the office with email codes, on a person's name, stays at least `likely-bot`", () => {
    const user = account("p", { name: "Dana Price", email: "dana.price@acme.com", ...ROBOT });
    expect(wrongRuns([1, 2, 3], atLeastLikelyBot, judge(user, (seed) => signInsAllDay(seed, "p", autoUpdatingChrome, OFFICE, true, [6, 14])))).toEqual([]);
  });
  // Passed before (`likely-bot` on `login-flood`).
  it("one auto-updating desktop Chrome from a cloud address, 6-14 sign-ins a workday with email codes, stays at least `likely-bot`", () => {
    const user = account("p", { name: "UI Checks", email: "ui-checks@acme.com", ...ROBOT });
    expect(wrongRuns([1, 2, 3], atLeastLikelyBot, judge(user, (seed) => signInsAllDay(seed, "p", autoUpdatingChrome, CLOUD, true, [6, 14])))).toEqual([]);
  });
  // Passed before (`likely-bot` on `login-flood`).
  it("a Selenium grid's Chrome, Firefox and Edge nodes from a cloud address, 6-14 sign-ins a workday without codes, stays at least `likely-bot`", () => {
    const user = account("p", { name: "UI Checks", email: "ui-checks@acme.com", ...ROBOT });
    expect(wrongRuns([1, 2, 3], atLeastLikelyBot, judge(user, (seed) => signInsAllDay(seed, "p", anyOf([CHROME, FIREFOX, EDGE]), CLOUD, false, [6, 14])))).toEqual([]);
  });
  // Passed before (`likely-bot` on `login-flood`).
  it("a rotating pool of desktop user agents from a cloud address, 6-14 sign-ins a workday with email codes, on a person's name, stays at least `likely-bot`", () => {
    const user = account("p", { name: "Dana Price", email: "dana.price@acme.com", ...ROBOT });
    const pool = [chrome("129.0.0.0"), CHROME, chrome("131.0.0.0"), FIREFOX, EDGE, MAC_CHROME, LINUX_FIREFOX];
    expect(wrongRuns([1, 2, 3], atLeastLikelyBot, judge(user, (seed) => signInsAllDay(seed, "p", anyOf(pool), CLOUD, true, [6, 14])))).toEqual([]);
  });
  // Passed before (`likely-bot` on the floor for sittings a robot keeps).
  it("one auto-updating desktop Chrome, 3-5 short sittings a workday from a cloud address with email codes, stays at least `likely-bot`", () => {
    const user = account("p", { name: "Dana Price", email: "dana.price@acme.com", ...ROBOT });
    expect(wrongRuns([1, 2, 3], atLeastLikelyBot, judge(user, (seed) => signInsAllDay(seed, "p", autoUpdatingChrome, CLOUD, true, [3, 5])))).toEqual([]);
  });
  // Passed before (`likely-bot` on the floor for sittings a robot keeps).
  it("a Selenium grid's three browsers, 3-5 short sittings a workday from a cloud address with email codes, stays at least `likely-bot`", () => {
    const user = account("p", { name: "Dana Price", email: "dana.price@acme.com", ...ROBOT });
    expect(wrongRuns([1, 2, 3], atLeastLikelyBot, judge(user, (seed) => signInsAllDay(seed, "p", anyOf([CHROME, FIREFOX, EDGE]), CLOUD, true, [3, 5])))).toEqual([]);
  });
});
