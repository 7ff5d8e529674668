// Robots of robotic-process-automation vendors that work as an account through its token (their
// client's user agent on the calls): reviewed, on a person's name, job title and directory sync
// too. A person whose own flow calls now and then, or a little beside their own work, stays human.
// Only unattended runtimes' agents count: a person's attended assistant (UiPath Assistant) and
// their own Power Automate flows call as the person does, and a robot's Power Automate Desktop
// flows on a person's synced account cannot be told from those by the agent (see
// detect-review-seventy-first.test.ts for the people).
import { describe, expect, it } from "vitest";
import { DAY, HOUR, lcg, MIN, OFFICE, REF_MS, token, tokenCall, wrongRuns, type Raw } from "../../../test/helpers/people-audit.js";
import { judged, personDays } from "../../../test/helpers/name-attacks.js";
import { bankSynced, robotWeekdays } from "../../../test/helpers/sign-in-plans.js";
import type { Finding } from "./types.js";

const SEEDS = [1, 2, 3] as const;
const wrong = (want: (v: Finding["verdict"]) => boolean, judge: (seed: number) => Finding): string[] => wrongRuns(SEEDS, want, judge);
const isHuman = (v: Finding["verdict"]): boolean => v === "human";
const notHuman = (v: Finding["verdict"]): boolean => v !== "human";
const none = (w: string[]): void => expect(w, w.join(" || ")).toEqual([]);
describe("an RPA robot on a person's name, synced with a job title", () => {
  it.each([
    ["Łucja Kaźmierczak", "lucja.kazmierczak@bank.example", "UiPath.Robot/23.10.4 (Windows Server 2019)"],
    ["Cem Tekin", "cem.tekin@bank.example", "AutomationAnywhere/A360 Bot Agent"],
    ["Zdeňka Růžičková", "zdenka.ruzickova@bank.example", "Blue Prism/7.2 (Runtime Resource)"],
  ])("%s at %s, working through its token with %s, is reviewed", (name, email, agent) => {
    none(wrong(notHuman, (seed) => judged(seed, bankSynced(name, email), robotWeekdays(seed, agent), [token("t1", "x", REF_MS - DAY, "robot-api")])));
  });
});

describe("people with a flow of their own (pins)", () => {
  it("a person at work whose Power Automate flow calls a few times a week stays human", () => {
    none(
      wrong(isHuman, (seed) => {
        const flow = [2, 5, 9, 12, 16, 19, 23, 26].map((d) => tokenCall("x", REF_MS - d * DAY + 7 * HOUR + seed * MIN, "t1", "20.50.2.10", "Microsoft Power Automate"));
        return judged(seed, bankSynced("Marta Zielińska", "marta.zielinska@bank.example"), [...personDays(seed), ...flow], [token("t1", "x", REF_MS - 2 * DAY, "power-automate")]);
      }),
    );
  });

  it("a person at work in the browser whose attended UiPath robot calls beside her own work, fewer calls than hers, stays human", () => {
    none(
      wrong(isHuman, (seed) => {
        const own = personDays(seed);
        const r = lcg(seed * 5 + 1);
        const robot: Raw[] = [];
        for (let d = 28; d >= 1; d -= 2) for (let k = 0; k < 8; k++) robot.push(tokenCall("x", Math.floor(REF_MS - d * DAY + (10 + r() * 5) * HOUR), "t1", OFFICE, "UiPath.Robot/23.10.4 (Windows 10)"));
        return judged(seed, bankSynced("Ewa Lis", "ewa.lis@bank.example"), [...own, ...robot], [token("t1", "x", REF_MS - DAY, "uipath")]);
      }),
    );
  });
});
