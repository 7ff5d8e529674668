// An org behind a VPN or secure web gateway whose egress is a pool of cloud addresses: each
// connection leaves from one of them, so every person signs in from four or more addresses, each
// shared by the whole org. Those are the org's addresses, not a cloud host of the account's own.
import { describe, expect, it } from "vitest";
import { account, BROWSER, DAY, EMPTY, ev, explain, findingOf, HOUR, isWeekend, lcg, MIN, REF_MS, snapshotOf, type Raw } from "../../../test/helpers/people-audit.js";

const SEEDS = [1, 2, 3, 4] as const;
/** The gateway's egress pool, in a cloud provider's ranges. */
const POOL = ["34.99.101.29", "34.99.79.177", "34.99.181.139", "35.199.36.253", "35.199.47.199"];
const OWN_CLOUD = "52.14.200.17";

/**
 * A person's five weeks (account `id`) of weekdays through the gateway: an email code before each
 * sign-in (no 2SV, no IdP), the first at 07:00 within two minutes on `punctual` of the days
 * (otherwise 07:15-09:00), a second after lunch on half of them; UI work until about 16:00.
 */
function throughGateway(seed: number, id: string, punctual: number): Raw[] {
  const r = lcg(seed);
  const out: Raw[] = [];
  const signIn = (t: number): Raw => {
    const where = { ip: POOL[Math.floor(r() * POOL.length)], userAgent: BROWSER };
    out.push(ev(id, Math.floor(t - 30_000), { action: "email_otp_sent", ...where }));
    out.push(ev(id, Math.floor(t), where));
    return where;
  };
  for (let d = 35; d >= 1; d--) {
    const day = REF_MS - d * DAY;
    if (isWeekend(day) || r() < 0.05) continue;
    const start = day + (r() < punctual ? 7 * HOUR + (r() - 0.5) * 4 * MIN : (7.25 + r() * 1.75) * HOUR);
    let where = signIn(start);
    let lunch = r() < 0.5 ? day + (12.5 + r() * 0.5) * HOUR : Infinity;
    for (let t = start + 3 * MIN; t < day + 16 * HOUR; t += (5 + r() * 40) * MIN) {
      if (t > lunch) {
        where = signIn(t);
        lunch = Infinity;
        t += MIN;
      }
      out.push(ev(id, Math.floor(t), { action: r() < 0.5 ? "issue_updated" : "issue_viewed", ...where }));
    }
  }
  return out;
}

/** Account `p` judged beside 24 colleagues who sign in through the same gateway. */
function judged(seed: number, user: Raw, events: Raw[]) {
  const r = lcg(seed * 7907);
  const users: Raw[] = [user];
  const all: Raw[] = [...events];
  for (let i = 0; i < 24; i++) {
    users.push(account(`c${i}`, { name: `Colleague ${i}`, managementSource: "invited" }));
    all.push(...throughGateway(Math.floor(r() * 1e9), `c${i}`, 0.1));
  }
  return findingOf(snapshotOf(users, all), "p");
}

describe("an invited person without 2SV in an org behind a VPN's pool of cloud egress addresses", () => {
  // Their punctual start on 40% of days is a login schedule (weak); the codes before each sign-in are a person's, from the org's own addresses.
  it("is human and told to enable 2SV when 40% of the days start at 07:00 sharp, the codes no machine evidence", () => {
    const wrong = SEEDS.map((seed) => ({ seed, f: judged(seed, account("p", { name: "Sigrún Solberg", managementSource: "invited", ...EMPTY }), throughGateway(seed, "p", 0.4)) }))
      .filter(({ f }) => f.verdict !== "human" || f.recommendation !== "enable-2sv" || f.signals.some((x) => x.id === "email-otp" && x.weight > 0))
      .map(({ seed, f }) => `run ${seed}: ${explain(f)} ${f.recommendation}`);
    expect(wrong).toEqual([]);
  });

  // A browser robot signing in at 06:00 from a cloud host of its own beside the same person: its codes on a schedule still count.
  it("a browser robot from a cloud address of its own beside the person stays at least likely-bot", () => {
    const robot = (seed: number): Raw[] => {
      const r = lcg(seed + 11);
      const out: Raw[] = [];
      for (let d = 35; d >= 1; d--) {
        const t = Math.floor(REF_MS - d * DAY + 6 * HOUR + r() * MIN);
        const where = { ip: OWN_CLOUD, userAgent: BROWSER };
        out.push(ev("p", t, where), ev("p", t + 20_000, { action: "email_otp_sent", ...where }), ev("p", t + 60_000, { action: "page_viewed", ...where }));
      }
      return out;
    };
    const wrong = SEEDS.map((seed) => ({ seed, f: judged(seed, account("p", { name: "Sigrún Solberg", managementSource: "invited", ...EMPTY }), [...throughGateway(seed, "p", 0.4), ...robot(seed)]) }))
      .filter(({ f }) => f.verdict === "human")
      .map(({ seed, f }) => `run ${seed}: ${explain(f)}`);
    expect(wrong).toEqual([]);
  });
});
