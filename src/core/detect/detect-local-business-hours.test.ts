// Business hours are the account's own. An org in Singapore or Los Angeles, with no offset
// configured: its people's sign-ins at 08:00-18:00 local time are 00:00-10:00 or 16:00-02:00
// UTC, outside the default business hours (07:00-19:00 at offset 0), so `interactive-logins`
// never fired for them, although every other timing rule reads the account's own time zone from
// its activity. A contractor surnamed Runner, invited without 2SV, at work in the UI every
// weekday from three addresses, was reviewed for the email codes of her sign-ins in an org in
// UTC+8 and is `human` in the same org in UTC; she is `human` in both now.
import { describe, expect, it } from "vitest";
import { account, DAY, explain, findingOf, iso, lcg, OFFICE, officeColleagues, officeDays, REF_MS, shift, snap, type Raw } from "../../../test/helpers/people-audit.js";

const SEEDS = [1, 2, 3, 4] as const;
const ADDRESSES = [OFFICE, "86.12.40.7", "92.40.181.3", OFFICE, "86.12.40.7"];
/** Weekdays from 08:00 to 18:00 UTC, each day from the office, home or a phone's network, with an email code at each sign-in. */
const roamingDays = (seed: number): Raw[] => officeDays(lcg(seed), "p", true).map((e) => ({ ...e, ip: ADDRESSES[Math.floor(Date.parse(String(e["time"])) / DAY) % ADDRESSES.length] }));
const contractor = (name: string, email: string): Raw =>
  account("p", { name, email, managementSource: "invited", mfaEnabled: false, jobTitle: "Analyst", department: null, picture: null, productAccess: [{ key: "jira-software", id: "ari:jira", lastActiveTimestamp: iso(REF_MS - DAY) }] });

/** The contractor and eight colleagues, every event moved by `hours` (an org whose day is `-hours` from UTC). */
function judgeIn(seed: number, hours: number, user: Raw) {
  const c = officeColleagues(seed);
  return findingOf(snap("local-hours", [user, ...c.users], shift(hours)([...c.events, ...roamingDays(seed)], seed)), "p");
}

describe("an org far from UTC", () => {
  for (const [zone, hours] of [["UTC", 0], ["Singapore (UTC+8)", -8], ["Los Angeles (UTC-8)", 8]] as const) {
    it(`a person's sign-ins in working hours count as a person's, in ${zone}`, () => {
      for (const seed of SEEDS) {
        const f = judgeIn(seed, hours, contractor("Ana Lima", "ana.lima@acme.example"));
        expect(f.signals.some((s) => s.id === "interactive-logins"), `run ${seed}: ${explain(f)}`).toBe(true);
        expect(f.verdict, `run ${seed}`).toBe("human");
      }
    });
    it(`a contractor surnamed Runner is \`human\` and told to enable 2SV, in ${zone}`, () => {
      for (const seed of SEEDS) {
        const f = judgeIn(seed, hours, contractor("Tariq Runner", "tariq.runner@acme.example"));
        expect(f.verdict, `run ${seed}: ${explain(f)}`).toBe("human");
        expect(f.recommendation, `run ${seed}`).toBe("enable-2sv");
      }
    });
  }
});
