// A browser robot that signs in several times a day, does minutes of steps and leaves, in an org
// whose log records no email code at all (everyone behind SSO, or a source without them): its
// sittings alone send it to review. People who sign in as often work on between their sign-ins.
import { describe, expect, it } from "vitest";
import { account, BROWSER, DAY, EMPTY, ev, explain, findingOf, HOUR, isWeekend, lcg, MIN, OFFICE, REF_MS, snapshotOf, type Raw } from "../../../test/helpers/people-audit.js";

const SEEDS = [1, 2, 3, 4] as const;

/**
 * Account `id` on weekdays for five weeks, from the office with a desktop Chrome: `sittings` sign-ins
 * a day at random times between 08:00 and 18:00, each followed by work every `gapMinutes` for
 * `minutes` minutes, and nothing after.
 */
function sittings(seed: number, id: string, perDay: number, minutes: number, gapMinutes: number): Raw[] {
  const r = lcg(seed);
  const out: Raw[] = [];
  const where = { ip: OFFICE, userAgent: BROWSER };
  for (let d = 35; d >= 1; d--) {
    const day = REF_MS - d * DAY;
    if (isWeekend(day)) continue;
    const starts = Array.from({ length: perDay }, () => day + (8 + r() * 10) * HOUR).sort((a, b) => a - b);
    let free = 0;
    for (const start of starts) {
      const t0 = Math.max(start, free);
      out.push(ev(id, Math.floor(t0), where));
      for (let t = t0 + MIN; t < t0 + minutes * MIN; t += gapMinutes * MIN * (0.7 + r() * 0.6)) out.push(ev(id, Math.floor(t), { action: r() < 0.5 ? "issue_updated" : "issue_created", ...where }));
      free = t0 + (minutes + 2) * MIN;
    }
  }
  return out;
}

/** Account `p` beside 24 colleagues who sign in once a day and work until the evening; no email codes anywhere. */
function judged(seed: number, user: Raw, events: Raw[]) {
  const users: Raw[] = [user];
  const all: Raw[] = [...events];
  for (let i = 0; i < 24; i++) {
    users.push(account(`c${i}`, { name: `Colleague ${i}` }));
    all.push(...sittings(seed * 100 + i, `c${i}`, 1, 8 * 60, 20));
  }
  return findingOf(snapshotOf(users, all), "p");
}

const verdicts = (build: (seed: number) => ReturnType<typeof findingOf>, ok: (v: string) => boolean): string[] =>
  SEEDS.flatMap((seed) => {
    const f = build(seed);
    return ok(f.verdict) ? [] : [`run ${seed}: ${explain(f)}`];
  });

describe("several sign-ins a day, each minutes of work and nothing after, in a log with no email codes", () => {
  it("a browser robot with a desktop Chrome at the office, five runs a day, is at least likely-bot", () => {
    const user = account("p", { name: "Test User 3", managementSource: "invited", ...EMPTY });
    expect(verdicts((seed) => judged(seed, user, sittings(seed, "p", 5, 4, 1)), (v) => v !== "human")).toEqual([]);
  });

  it("a person signed in again three times a day by a short session policy, working an hour each time, stays human", () => {
    const user = account("p", { name: "Ana Costa" });
    expect(verdicts((seed) => judged(seed, user, sittings(seed, "p", 3, 60, 12)), (v) => v === "human")).toEqual([]);
  });
});
