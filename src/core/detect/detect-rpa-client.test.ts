// Robots of robotic-process-automation vendors that work as an account through its token (their
// client's user agent on the calls): reviewed, on a person's name, job title and directory sync
// too. A person whose own flow calls now and then, or a little beside their own work, stays human.
import { describe, expect, it } from "vitest";
import { account, BROWSER, DAY, ev, HOUR, isWeekend, lcg, MIN, OFFICE, REF_MS, token, tokenCall, wrongRuns, type Raw } from "../../../test/helpers/people-audit.js";
import { judged, personDays, recentUi } from "../../../test/helpers/name-attacks.js";
import type { Finding } from "./types.js";

const SEEDS = [1, 2, 3] as const;
const wrong = (want: (v: Finding["verdict"]) => boolean, judge: (seed: number) => Finding): string[] => wrongRuns(SEEDS, want, judge);
const isHuman = (v: Finding["verdict"]): boolean => v === "human";
const notHuman = (v: Finding["verdict"]): boolean => v !== "human";
const none = (w: string[]): void => expect(w, w.join(" || ")).toEqual([]);
const ROBOT_HOST = "185.41.23.45";

/**
 * A robot's weekdays on account `x`: sign-ins at about 06:30 and 12:30 with an email code each,
 * from the robot's host in a browser, and after each a run of calls through token `t1` with `agent`.
 */
function robotWeekdays(seed: number, agent: string): Raw[] {
  const r = lcg(seed * 41 + 3);
  const out: Raw[] = [];
  for (let d = 30; d >= 1; d--) {
    const day = REF_MS - d * DAY;
    if (isWeekend(day)) continue;
    for (const h of [4.5, 10.5]) {
      const t = Math.floor(day + (h + r() * 0.3) * HOUR);
      out.push(ev("x", t - 30_000, { action: "email_otp_sent", ip: ROBOT_HOST, userAgent: BROWSER }), ev("x", t, { ip: ROBOT_HOST, userAgent: BROWSER }));
      for (let k = 5 + Math.floor(r() * 10); k > 0; k--) out.push(tokenCall("x", Math.floor(t + (30 + r() * 20) * MIN), "t1", ROBOT_HOST, agent));
    }
  }
  return out;
}

/** A synced account with a back-office job title and department, as a bank's directory keeps its robots. */
const synced = (name: string, email: string): Raw => account("x", { name, email, jobTitle: "Specjalista ds. Reklamacji", department: "Centrum Operacji Bankowych", ...recentUi });

describe("an RPA robot on a person's name, synced with a job title", () => {
  it.each([
    ["Łucja Kaźmierczak", "lucja.kazmierczak@bank.example", "UiPath.Robot/23.10.4 (Windows Server 2019)"],
    ["Cem Tekin", "cem.tekin@bank.example", "AutomationAnywhere/A360 Bot Agent"],
    ["Zdeňka Růžičková", "zdenka.ruzickova@bank.example", "Blue Prism/7.2 (Runtime Resource)"],
    ["Anna Nowak", "anna.nowak@bank.example", "Microsoft Power Automate (Desktop flows)"],
  ])("%s at %s, working through its token with %s, is reviewed", (name, email, agent) => {
    none(wrong(notHuman, (seed) => judged(seed, synced(name, email), robotWeekdays(seed, agent), [token("t1", "x", REF_MS - DAY, "robot-api")])));
  });
});

describe("people with a flow of their own (pins)", () => {
  it("a person at work whose Power Automate flow calls a few times a week stays human", () => {
    none(
      wrong(isHuman, (seed) => {
        const flow = [2, 5, 9, 12, 16, 19, 23, 26].map((d) => tokenCall("x", REF_MS - d * DAY + 7 * HOUR + seed * MIN, "t1", "20.50.2.10", "Microsoft Power Automate"));
        return judged(seed, synced("Marta Zielińska", "marta.zielinska@bank.example"), [...personDays(seed), ...flow], [token("t1", "x", REF_MS - 2 * DAY, "power-automate")]);
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
        return judged(seed, synced("Ewa Lis", "ewa.lis@bank.example"), [...own, ...robot], [token("t1", "x", REF_MS - DAY, "uipath")]);
      }),
    );
  });
});
