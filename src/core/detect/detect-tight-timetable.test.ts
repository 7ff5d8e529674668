// Unattended RPA robots (Blue Prism, UiPath) on people's names: a scheduler starts each one at
// 07:00 and 13:00 local time within a minute or two on every working day, and it then works its
// queue for hours from a browser, as a clerk would. Its profile is a person's (the IdP made the
// account for a "digital worker" with a real-looking name and title), so only the timetable tells.
// A person bound to a shift's times signs in within a quarter of an hour of them, not within two
// minutes on nine days of ten.
import { describe, expect, it } from "vitest";
import type { Snapshot } from "../snapshot/schema.js";
import { byTime, account, BROWSER, DAY, ev, explain, findingOf, isWeekend, lcg, MIN, OFFICE, REF_MS, snap, type Raw } from "../../../test/helpers/people-audit.js";

const SEEDS = [1, 2, 3, 4, 5, 6, 7, 8];
const RPA_EGRESS = "185.34.60.89";

interface Day {
  /** Sign-in times, minutes after midnight UTC. */
  slots: readonly number[];
  /** How late a sign-in may be, in minutes (uniform). */
  lateMinutes: number;
  /** Share of the days on which every sign-in keeps its time; on the others it is 10-70 minutes late. */
  onTime?: number;
  /** An email challenge before each sign-in (no 2SV). */
  otp?: boolean;
  ip?: string;
  days?: number;
}

/**
 * Working days for `days` days: at each slot a sign-in, then work every 12-40 minutes for three
 * and a half hours (issues edited, commented, moved), as a robot's queue or a clerk's morning.
 */
function workdays(seed: number, id: string, o: Day): Raw[] {
  const r = lcg(seed);
  const events: Raw[] = [];
  const ip = o.ip ?? OFFICE;
  for (let d = o.days ?? 40; d >= 1; d--) {
    const day = REF_MS - d * DAY;
    if (isWeekend(day)) continue;
    const onTime = r() < (o.onTime ?? 1);
    for (const slot of o.slots) {
      const late = onTime ? r() * o.lateMinutes : 10 + r() * 60;
      const at = Math.floor(day + (slot + late) * MIN);
      if (o.otp) events.push(ev(id, at - 40_000, { action: "user_email_otp_challenge", ip, userAgent: BROWSER }));
      events.push(ev(id, at, { ip, userAgent: BROWSER }));
      for (let t = at + (2 + r() * 10) * MIN; t < at + 210 * MIN; t += (12 + r() * 28) * MIN) {
        events.push(ev(id, Math.floor(t), { action: ["issue_updated", "issue_commented", "issue_transitioned"][Math.floor(r() * 3)] as string, ip, userAgent: BROWSER }));
      }
    }
  }
  return events;
}

/** The account under test beside two colleagues who keep office hours loosely. */
function org(seed: number, user: Raw, o: Day): Snapshot {
  const events = [
    ...workdays(seed, "a", o),
    ...workdays(seed + 100, "c1", { slots: [7 * 60], lateMinutes: 90 }),
    ...workdays(seed + 200, "c2", { slots: [7 * 60 + 30, 12 * 60 + 30], lateMinutes: 60 }),
  ].sort(byTime);
  return snap(`tight-${seed}`, [account("a", user), account("c1", { name: "Hélène Martin" }), account("c2", { name: "Karim Benali" })], events);
}

const ROBOT_AS_CLERK = { name: "Rokia Roche", email: "rokia.roche@aspr.gouv.fr", jobTitle: "Adjoint administratif", department: "Service des pensions" };
const FIRST = 6 * 60;
const SECOND = 12 * 60;

describe("a scheduler's robot on a person's name, signing in at two fixed times within two minutes", () => {
  it("with a person's title and full profile, challenged by email at each sign-in, is reviewed, never `human`", () => {
    for (const seed of SEEDS) {
      const f = findingOf(org(seed, ROBOT_AS_CLERK, { slots: [FIRST, SECOND], lateMinutes: 2, otp: true, ip: RPA_EGRESS }), "a");
      expect(f.verdict, `seed ${seed}: ${explain(f)}`).not.toBe("human");
    }
  });

  it("says why: the times of day, to three minutes, and on how many of its sign-in days", () => {
    const f = findingOf(org(1, ROBOT_AS_CLERK, { slots: [FIRST, SECOND], lateMinutes: 2, otp: true, ip: RPA_EGRESS }), "a");
    const text = f.signals.map((s) => s.evidence).join("\n");
    expect(text, explain(f)).toMatch(/keep 2 fixed times of day within 3 minutes on (2[6-9]|30) of its (2[6-9]|30) sign-in days/);
  });

  it("with 2SV on record and so no email challenge, is reviewed too", () => {
    for (const seed of SEEDS) {
      const f = findingOf(org(seed, { ...ROBOT_AS_CLERK, mfaEnabled: true }, { slots: [FIRST, SECOND, 15 * 60 + 30], lateMinutes: 2.5 }), "a");
      expect(f.verdict, `seed ${seed}: ${explain(f)}`).not.toBe("human");
    }
  });
});

describe("people who keep a shift's times (controls)", () => {
  it("a clerk signing in at 06:00 and 12:00 up to twelve minutes late is `human`", () => {
    for (const seed of SEEDS) {
      const f = findingOf(org(seed, ROBOT_AS_CLERK, { slots: [FIRST, SECOND], lateMinutes: 12, otp: true }), "a");
      expect(f.verdict, `seed ${seed}: ${explain(f)}`).toBe("human");
    }
  });

  it("a clerk within two minutes of both times on three days of four, later on the rest, is `human`", () => {
    for (const seed of SEEDS) {
      const f = findingOf(org(seed, ROBOT_AS_CLERK, { slots: [FIRST, SECOND], lateMinutes: 2, onTime: 0.75, otp: true }), "a");
      expect(f.verdict, `seed ${seed}: ${explain(f)}`).toBe("human");
    }
  });

  it("a call-centre agent who keeps schedule adherence, within four minutes of 07:55 and 12:30 on 95% of days, is `human`", () => {
    for (const seed of SEEDS) {
      const f = findingOf(org(seed, { name: "Priya Raman", email: "priya.raman@aspr.gouv.fr", jobTitle: "Customer Service Agent" }, { slots: [7 * 60 + 55, 12 * 60 + 30], lateMinutes: 4, onTime: 0.95, otp: true }), "a");
      expect(f.verdict, `seed ${seed}: ${explain(f)}`).toBe("human");
    }
  });

  it("a new joiner's first week and a half on the dot is too short to tell, and stays `human`", () => {
    for (const seed of SEEDS) {
      const f = findingOf(org(seed, ROBOT_AS_CLERK, { slots: [FIRST, SECOND], lateMinutes: 2, otp: true, days: 12 }), "a");
      expect(f.verdict, `seed ${seed}: ${explain(f)}`).toBe("human");
    }
  });
});
