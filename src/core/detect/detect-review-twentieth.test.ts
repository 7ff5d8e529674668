// People who work or look in every day of the week, at changing times, resting every night; the
// email-OTP flood as a script's trace; the words `publisher` and `backup`: a contractor who works
// through a personal CLI token every day of
// the week, weekends included; a founder and a shop manager who look in every day; a publishing
// house's editors who share `publisher@` and answer an email code at each sign-in; a contractor
// whose surname is Backup (and a shared `publisher@`, which is reviewed). Each test builds the events, perturbs them (drop, jitter, shift, strip)
// and asserts the verdict over several runs.
import { describe, expect, it } from "vitest";
import type { Snapshot } from "../snapshot/schema.js";
import { account, BROWSER, DAY, drop, EMPTY, ev, HOUR, isWeekend, iso, jitter, lcg, MIN, OFFICE, perturbed, REF_MS, runsWith, shift, snap, stripUserAgents, token, tokenCall, type Perturb, type Raw } from "../../../test/helpers/people-audit.js";

const SEEDS = [1, 2, 3, 4, 5, 6, 7, 8] as const;
const INVITED = { managementSource: "invited", ...EMPTY };
const lastUi = (daysAgo: number | null): Raw => ({ productAccess: [{ key: "jira-software", id: "ari:jira", lastActiveTimestamp: daysAgo === null ? null : iso(REF_MS - daysAgo * DAY) }] });
const colleagues = (): Raw[] => Array.from({ length: 10 }, (_, i) => account(`col${i}`, { name: `Colleague ${i}` }));

interface Sittings {
  /** Days of the log, counting back from the snapshot. */
  days: number;
  /** Sittings a day, at least and at most (`weekend` on Saturdays and Sundays, if given). */
  perDay: readonly [number, number];
  weekend?: readonly [number, number];
  /** Hours of the day (UTC) a sitting may start in. */
  from: number;
  to: number;
  /** Length of a sitting, in minutes. */
  minutes: readonly [number, number];
  /** Through a personal CLI token (`tk`) rather than a browser sign-in. */
  cli?: boolean;
  /** An email code before each browser sign-in. */
  otp?: boolean;
}

/** A person's sittings (account `id`): each a browser sign-in and work every 3-15 minutes, or CLI calls every 2-12 minutes. */
function sittings(seed: number, id: string, o: Sittings): Raw[] {
  const r = lcg(seed);
  const out: Raw[] = [];
  for (let d = o.days; d >= 1; d--) {
    const day = REF_MS - d * DAY;
    const [lo, hi] = isWeekend(day) && o.weekend ? o.weekend : o.perDay;
    for (let k = 0, n = lo + Math.floor(r() * (hi - lo + 1)); k < n; k++) {
      const t = Math.floor(day + (o.from + r() * (o.to - o.from)) * HOUR);
      const end = t + (o.minutes[0] + r() * (o.minutes[1] - o.minutes[0])) * MIN;
      if (o.cli) {
        for (let x = t; x < end; x += (2 + r() * 10) * MIN) out.push(tokenCall(id, Math.floor(x), "tk", OFFICE, "jira-cli/1.5"));
        continue;
      }
      if (o.otp) out.push(ev(id, t - 30_000, { action: "email_otp_sent", ip: OFFICE, userAgent: BROWSER }));
      out.push(ev(id, t, { ip: OFFICE, userAgent: BROWSER }));
      for (let x = t + 2 * MIN; x < end; x += (3 + r() * 12) * MIN) out.push(ev(id, Math.floor(x), { action: r() < 0.5 ? "issue_updated" : "comment_created", ip: OFFICE, userAgent: BROWSER }));
    }
  }
  return out;
}

const PERTURBATIONS: readonly (readonly [string, readonly Perturb[]])[] = [
  ["every event kept", []],
  ["30% of its events lost", [drop(0.3)]],
  ["times jittered by 1-10 minutes", [jitter(1, 10)]],
  ["the log read five hours later", [shift(5)]],
  ["user agents stripped", [stripUserAgents]],
];

describe("an invited contractor who works through a personal CLI token every day of the week, the web UI used 60 days ago", () => {
  function contractor(seed: number, o: Sittings, user: Raw, changes: readonly Perturb[]): Snapshot {
    const u = account("c", { name: "Ravi Kumar", email: "ravi.kumar@contractor.example", ...INVITED, ...lastUi(60), ...user });
    return snap("cli-every-day", [u, ...colleagues()], perturbed(sittings(seed, "c", { ...o, cli: true }), seed, changes), [token("tk", "c", REF_MS - DAY)]);
  }
  const EVENINGS: Sittings = { days: 45, perDay: [1, 2], from: 19, to: 23, minutes: [5, 60] };
  const LONG: Sittings = { days: 45, perDay: [1, 3], from: 7, to: 23, minutes: [30, 180] };
  const SHORT: Sittings = { days: 45, perDay: [1, 4], from: 7, to: 23, minutes: [5, 60] };
  for (const [what, changes] of PERTURBATIONS) {
    // One or two CLI sittings every evening, 19:00-23:00: every-day (no days off, fewer than 8 hours of the day, so strong) is the only machine evidence, lifts HOLD_NO_MACHINE, and channel-divergence + every-day make `bot` (was `likely-bot`).
    it(`in the evenings, with ${what}, is never \`bot\``, () => {
      expect(runsWith("bot", SEEDS, "c", (s) => contractor(s, EVENINGS, {}, changes))).toEqual([]);
    });
  }
  // Long CLI sittings (half an hour to three hours) from 07:00 to 23:00: the same in most runs.
  it("in long sittings all day, is never `bot`", () => {
    expect(runsWith("bot", SEEDS, "c", (s) => contractor(s, LONG, {}, []))).toEqual([]);
  });
  // Short sittings from 07:00 to 23:00, times jittered: the same in a run or two.
  it("in short sittings all day, with times jittered by 1-10 minutes, is never `bot`", () => {
    expect(runsWith("bot", SEEDS, "c", (s) => contractor(s, SHORT, {}, [jitter(1, 10)]))).toEqual([]);
  });
  // The last UI use not recorded (null): the same as 60 days ago.
  it("in the evenings, the last UI use not recorded, is never `bot`", () => {
    expect(runsWith("bot", SEEDS, "c", (s) => contractor(s, EVENINGS, lastUi(null), []))).toEqual([]);
  });
  // The web UI used 10 days ago: every-day (strong) puts the account on the script-in-use floor; it was `human`.
  it("in short sittings all day, the web UI used 10 days ago, is not `likely-bot`", () => {
    expect(runsWith("likely-bot", SEEDS, "c", (s) => contractor(s, SHORT, lastUi(10), []))).toEqual([]);
  });
  // Close call: with 2SV enrolled the second-factor hold keeps it at `likely-bot`.
  it("in the evenings, with two-step verification enrolled, is never `bot` (close call)", () => {
    expect(runsWith("bot", SEEDS, "c", (s) => contractor(s, EVENINGS, { mfaEnabled: true }, []))).toEqual([]);
  });
});

describe("people who look in every day of the week in a browser, at changing times, resting every night", () => {
  function everyDay(seed: number, user: Raw, o: Sittings, changes: readonly Perturb[]): Snapshot {
    const u = account("p", { name: "Lena Vogel", email: "lena.vogel@acme.com", ...user });
    return snap("every-day-person", [u, ...colleagues()], perturbed(sittings(seed, "p", o), seed, changes));
  }
  const FOUNDER: Sittings = { days: 45, perDay: [1, 3], from: 6, to: 23, minutes: [5, 40] };
  const SHOP: Sittings = { days: 45, perDay: [1, 2], from: 18, to: 22, minutes: [10, 30] };
  for (const [what, changes] of PERTURBATIONS) {
    // A founder, IdP-synced with a full profile, the UI used yesterday: every-day (strong, no days off) puts her on the script-in-use floor; she was `human`.
    it(`a founder, IdP-synced, with ${what}, is not \`likely-bot\``, () => {
      expect(runsWith("likely-bot", SEEDS, "p", (s) => everyDay(s, { jobTitle: "CEO", department: "Management" }, FOUNDER, changes))).toEqual([]);
    });
  }
  // A shop's manager who logs the day's orders in the evening, 18:00-22:00: the same.
  it("a shop's manager in the evenings, IdP-synced, is not `likely-bot`", () => {
    expect(runsWith("likely-bot", SEEDS, "p", (s) => everyDay(s, { name: "Tom Baker", jobTitle: "Store Manager", department: "Retail" }, SHOP, []))).toEqual([]);
  });
  // An invited founder of a small company, in a log of sign-ins with the last UI use not recorded: the same.
  it("a founder, invited, the last UI use not recorded, is not `likely-bot`", () => {
    expect(runsWith("likely-bot", SEEDS, "p", (s) => everyDay(s, { ...INVITED, ...lastUi(null) }, FOUNDER, []))).toEqual([]);
  });
  // A care home's manager, 2SV enrolled, where the source does not say who the IdP manages: the same.
  it("a care home's manager with 2SV, the source silent on the IdP, is not `likely-bot`", () => {
    expect(runsWith("likely-bot", SEEDS, "p", (s) => everyDay(s, { name: "Ama Mensah", jobTitle: "Care Manager", department: "Care", managementSource: undefined, mfaEnabled: true }, { ...SHOP, from: 19, to: 23 }, []))).toEqual([]);
  });
});

describe("a publishing house's editors who share `publisher@`, each sign-in verified by an email code", () => {
  // Five to eight short sittings a workday, 08:00-18:00, over five weeks; IdP-synced, the UI used yesterday.
  function editors(seed: number, email: string, user: Raw, changes: readonly Perturb[]): Snapshot {
    const u = account("e", { name: "Editors", email, department: "Editorial", jobTitle: null, picture: null, ...lastUi(1), ...user });
    const events = sittings(seed, "e", { days: 35, perDay: [5, 8], weekend: [0, 0], from: 8, to: 18, minutes: [5, 30], otp: true });
    return snap("shared-publisher", [u, ...colleagues()], perturbed(events, seed, changes));
  }
  // A mailbox that editors share, challenged by email at every sign-in: never `bot`, whatever its name says.
  it("without 2SV, is never `bot`", () => {
    expect(runsWith("bot", SEEDS, "e", (s) => editors(s, "publisher@penhouse.example", {}, []))).toEqual([]);
  });
  it("with 2SV enrolled, is never `bot`", () => {
    expect(runsWith("bot", SEEDS, "e", (s) => editors(s, "publisher@penhouse.example", { mfaEnabled: true }, []))).toEqual([]);
  });
  it("with 2SV, invited, with 30% of events lost, is never `bot`", () => {
    expect(runsWith("bot", SEEDS, "e", (s) => editors(s, "publisher@penhouse.example", { mfaEnabled: true, ...INVITED }, [drop(0.3)]))).toEqual([]);
  });
  // Close call: `publishing.team@` holds no bot-like word.
  it("as `publishing.team@`, without 2SV, is not `likely-bot` (close call)", () => {
    expect(runsWith("likely-bot", SEEDS, "e", (s) => editors(s, "publishing.team@penhouse.example", {}, []))).toEqual([]);
  });
});

describe("people whose name or mailbox holds the word backup", () => {
  // An invited contractor, Nadia Backup, who answers an email code at each of one or two long sittings a workday: `backup` (not leading) and email codes without 2SV make the automation-identity floor; she was `human`.
  it("a contractor surnamed Backup, answering email codes, is not `likely-bot`", () => {
    const build = (seed: number): Snapshot => {
      const u = account("b", { name: "Nadia Backup", email: "nadia.backup@contractor.example", ...INVITED, ...lastUi(1) });
      const events = sittings(seed, "b", { days: 35, perDay: [1, 2], weekend: [0, 0], from: 8, to: 17, minutes: [20, 90], otp: true });
      return snap("backup-surname", [u, ...colleagues()], events);
    };
    expect(runsWith("likely-bot", SEEDS, "b", build)).toEqual([]);
  });
  // An IdP-synced administrator with a full profile, `backup.admin@` and a personal token, the UI used yesterday, at work on workdays: a leading `backup` and a token in use make the floor; it was `human`.
  it("an IdP-synced administrator at `backup.admin@` with a personal token is not `likely-bot`", () => {
    const build = (seed: number): Snapshot => {
      const u = account("b", { name: "Jonas Berg", email: "backup.admin@acme.com", jobTitle: "IT Administrator", department: "IT" });
      const events = sittings(seed, "b", { days: 35, perDay: [2, 4], weekend: [0, 0], from: 8, to: 17, minutes: [10, 60] });
      return snap("backup-admin", [u, ...colleagues()], events, [token("tk", "b", REF_MS - DAY)]);
    };
    expect(runsWith("likely-bot", SEEDS, "b", build)).toEqual([]);
  });
});
