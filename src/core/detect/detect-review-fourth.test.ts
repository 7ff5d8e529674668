// People whose timing or tokens could pass for a job's, and the jobs beside them that must still
// be reviewed: a service desk mailbox staffed in shifts round the clock, a person who signs in once
// every morning, people who work every day of the week in a log of sign-ins only, a contractor with
// a daily digest script of their own, and a person's one-night bulk import. Each case runs over
// several seeds with jittered times, so that no verdict rests on one hand-picked draw.
import { describe, expect, it } from "vitest";
import type { Snapshot } from "../snapshot/schema.js";
import { account, BROWSER, CLOUD, DAY, EMPTY, ev, explain, findingOf, HOUR, iso, isWeekend, lcg, MIN, OFFICE, REF_MS, snap, token, tokenCall, type Raw } from "../../../test/helpers/people-audit.js";
import type { Finding } from "./types.js";

const INVITED = { managementSource: "invited", ...EMPTY };
const lastUi = (daysAgo: number | null): Raw => ({ productAccess: [{ key: "jira-software", id: "ari:jira", lastActiveTimestamp: daysAgo === null ? null : iso(REF_MS - daysAgo * DAY) }] });
const OTP = "email_otp_sent";
const SEEDS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12];

/** The findings of `build(seed)` for each seed whose verdict is `bad`, explained, for one readable failure. */
function verdictsOf(seeds: readonly number[], bad: Finding["verdict"], build: (seed: number) => Finding): string[] {
  const out: string[] = [];
  for (const seed of seeds) {
    const f = build(seed);
    if (f.verdict === bad) out.push(`seed ${seed}: ${explain(f)}`);
  }
  return out;
}

describe("a person who signs in once a day, every day", () => {
  // An invited account without 2SV: every sign-in is challenged by email. The log holds only the
  // sign-ins and their challenges. The person signs in once a day at a time of morning that varies
  // over `spreadMinutes` from 07:00, weekends included, and now and then skips a day.
  function daily(seed: number, spreadMinutes: number, ui: number | null): Snapshot {
    const r = lcg(seed);
    const events: Raw[] = [];
    for (let d = 28; d >= 1; d--) {
      if (r() < 0.05) continue;
      const t = REF_MS - d * DAY + 7 * HOUR + Math.floor(r() * spreadMinutes) * MIN;
      events.push(ev("p", t, { ip: OFFICE, userAgent: BROWSER }));
      events.push(ev("p", t + (10 + Math.floor(r() * 40)) * 1000, { action: OTP, ip: OFFICE, userAgent: BROWSER }));
    }
    return snap(`daily-sign-in-${seed}`, [account("p", { ...INVITED, ...lastUi(ui) })], events);
  }

  it("is never `bot` when the time of morning varies by two to three hours (used in the UI yesterday)", () => {
    expect(verdictsOf(SEEDS, "bot", (seed) => findingOf(daily(seed, 120 + (seed % 4) * 20, 1), "p"))).toEqual([]);
  });

  it("is never `bot` when the time of morning varies by an hour and a half", () => {
    expect(verdictsOf(SEEDS, "bot", (seed) => findingOf(daily(seed, 90, 1), "p"))).toEqual([]);
  });

  it("is never `bot` when the source leaves the last UI use empty", () => {
    expect(verdictsOf(SEEDS, "bot", (seed) => findingOf(daily(seed, 150, null), "p"))).toEqual([]);
  });
});
