// People whose timing or tokens could pass for a job's, and the jobs beside them that must still
// be reviewed: a service desk mailbox staffed in shifts round the clock, a person who signs in once
// every morning, people who work every day of the week in a log of sign-ins only, a contractor with
// a daily digest script of their own, and a person's one-night bulk import. Each case runs over
// several seeds with jittered times, so that no verdict rests on one hand-picked draw.
import { describe, expect, it } from "vitest";
import type { Snapshot } from "../snapshot/schema.js";
import { account, BROWSER, CLOUD, DAY, EMPTY, ev, explain, findingOf, HOUR, iso, isWeekend, lcg, MIN, OFFICE, REF_MS, snap, token, tokenCall, deskShifts, type Raw } from "../../../test/helpers/people-audit.js";
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

describe("a 24x7 service desk mailbox staffed in shifts", () => {
  // `servicedesk@`, IdP-synced, 2SV on, a full profile. The day shift signs in at about 07:00 local
  // and the night shift at about 19:00, each up to half an hour late, every day of the week; the
  // agent on shift works tickets in the web UI until the next one takes over (less often at night).
  // `offsetHours` is the desk's offset from UTC.
  function desk(seed: number, offsetHours: number, user: Raw = {}): Snapshot {
    const events = deskShifts(seed, offsetHours);
    const u = account("desk", { name: "Service Desk", email: "servicedesk@acme.com", mfaEnabled: true, jobTitle: "Service Desk", department: "IT Support", ...user });
    return snap(`service-desk-${seed}`, [u], events);
  }

  it("is never `bot`, across twelve months and four time zones: sign-ins half an hour apart are a rota's, and the UI is worked between them", () => {
    const offsets = [0, 1, -5, 8];
    expect(verdictsOf(SEEDS, "bot", (seed) => findingOf(desk(seed, offsets[seed % 4] as number), "desk"))).toEqual([]);
  });

  it("is never `bot` when the source does not say whether 2SV is on", () => {
    expect(verdictsOf(SEEDS, "bot", (seed) => findingOf(desk(seed, 0, { mfaEnabled: null }), "desk"))).toEqual([]);
  });

  it("is reviewed, and the report says it is held as a team's desk worked in the UI", () => {
    for (const seed of [1, 2, 3]) {
      const f = findingOf(desk(seed, 0), "desk");
      expect(f.verdict, explain(f)).toBe("likely-bot");
      expect(f.signals.find((s) => s.id === "not-bot")?.evidence).toMatch(/team's role address worked in the UI/);
    }
  });

  it("the same desk with a script's token in use beside the shifts is not held as a desk", () => {
    const s = desk(1, 0);
    const f = findingOf(snap("service-desk-token", [s.users[0] as unknown as Raw], [...(s.events as unknown as Raw[]), ...[1, 2, 3, 4, 5].map((d) => tokenCall("desk", REF_MS - d * DAY + 3 * HOUR))], [token("tk", "desk", REF_MS - DAY)]), "desk");
    expect(f.signals.find((x) => x.id === "not-bot")?.evidence ?? "", explain(f)).not.toMatch(/team's role address worked in the UI/);
  });
});

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

describe("people who work every day of the week, in a log of sign-ins only", () => {
  // A person (invited, no profile collected, no 2SV) who starts work at about 08:00 local (up to
  // 25 minutes late) every day, weekends included, signs in again up to twice later in the day at
  // any time until 21:00, and sleeps every night; the product inventory leaves the last UI use
  // empty (null). With `otp`, each sign-in is challenged by email.
  function weekender(seed: number, otp: boolean, user: Raw = INVITED): Snapshot {
    const r = lcg(seed);
    const events: Raw[] = [];
    for (let d = 28; d >= 1; d--) {
      if (r() < 0.08) continue;
      const n = 1 + Math.floor(r() * 3);
      for (let k = 0; k < n; k++) {
        const t = REF_MS - d * DAY + 8 * HOUR + (k === 0 ? Math.floor(r() * 25) : 30 + Math.floor(r() * 12 * 60)) * MIN;
        events.push(ev("w", t, { ip: OFFICE, userAgent: BROWSER }));
        if (otp) events.push(ev("w", t + (10 + Math.floor(r() * 40)) * 1000, { action: OTP, ip: OFFICE, userAgent: BROWSER }));
      }
    }
    return snap(`weekend-worker-${seed}`, [account("w", { ...user, ...lastUi(null) })], events);
  }

  it("challenged by email at each sign-in, is never `bot`", () => {
    expect(verdictsOf(SEEDS, "bot", (seed) => findingOf(weekender(seed, true), "w"))).toEqual([]);
  });

  it("without challenges, is never `bot`", () => {
    expect(verdictsOf(SEEDS, "bot", (seed) => findingOf(weekender(seed, false), "w"))).toEqual([]);
  });

  it("on a source that records no identity provider or profile, is never `bot`", () => {
    const silent = { managementSource: undefined, jobTitle: undefined, department: undefined, picture: undefined, mfaEnabled: undefined };
    expect(verdictsOf(SEEDS, "bot", (seed) => findingOf(weekender(seed, true, silent), "w"))).toEqual([]);
  });
});

describe("a contractor's own daily digest script beside their CLI work", () => {
  // An invited contractor (no profile collected, no 2SV) who last used the web UI six weeks ago and
  // works through a CLI with a personal token on weekdays from about 09:00 to 17:30, a call every
  // few minutes to half an hour. Their own script sends them a digest at 09:00 every day, weekends
  // included, a few calls within a minute; with `oneToken` it uses the CLI's token, else its own.
  function contractor(seed: number, oneToken: boolean): Snapshot {
    const r = lcg(seed);
    const events: Raw[] = [];
    const digest = oneToken ? "cli" : "digest";
    for (let d = 28; d >= 1; d--) {
      const day = REF_MS - d * DAY;
      const run = day + 9 * HOUR + Math.floor(r() * 40) * 1000;
      const calls = 3 + Math.floor(r() * 4);
      for (let k = 0; k < calls; k++) events.push(tokenCall("c", run + k * 8000, digest, OFFICE, "python-requests/2.31"));
      if (isWeekend(day) || r() < 0.1) continue;
      const end = day + (17 * 60 + Math.floor(r() * 60)) * MIN;
      for (let t = day + (8 * 60 + 40 + Math.floor(r() * 60)) * MIN; t < end; t += (3 + Math.floor(r() * 30)) * MIN) events.push(tokenCall("c", t, "cli", OFFICE));
    }
    const tokens = [token("cli", "c", REF_MS - DAY)];
    if (!oneToken) tokens.push(token("digest", "c", REF_MS - DAY + 9 * HOUR, "digest"));
    return snap(`digest-contractor-${seed}`, [account("c", { ...INVITED, ...lastUi(42) })], events, tokens);
  }

  it("with a token for the digest and one for the CLI, is never `bot`", () => {
    expect(verdictsOf(SEEDS, "bot", (seed) => findingOf(contractor(seed, false), "c"))).toEqual([]);
  });

  it("with one token for both, is never `bot`", () => {
    expect(verdictsOf(SEEDS, "bot", (seed) => findingOf(contractor(seed, true), "c"))).toEqual([]);
  });

  it("with a token for the digest, is held as a person with a script of their own", () => {
    for (const seed of [1, 2, 3]) {
      const f = findingOf(contractor(seed, false), "c");
      expect(f.signals.find((s) => s.id === "not-bot")?.evidence, explain(f)).toMatch(/another mostly outside them or at one time of day/);
    }
  });

  it("is still reviewed: a script runs as the account", () => {
    expect(verdictsOf(SEEDS, "human", (seed) => findingOf(contractor(seed, seed % 2 === 0), "c"))).toEqual([]);
  });
});

describe("a person's one-night bulk import", () => {
  // A person loads a backlog from an old tracker with a script and a personal token in one night
  // (from about 22:00 until 03:00-05:00, a batch every few minutes), `daysAgo` days before the
  // snapshot; the log holds nothing else of theirs. Unless said otherwise, an invited contractor
  // who last used the web UI six weeks ago.
  function bulk(seed: number, user: Raw = { ...INVITED, ...lastUi(42) }): Snapshot {
    const r = lcg(seed);
    const daysAgo = 2 + (seed % 5);
    const start = REF_MS - daysAgo * DAY + 22 * HOUR + Math.floor(r() * 60) * MIN;
    const end = start + (5 + r() * 2) * HOUR;
    const every = (3 + (seed % 4)) * MIN;
    const events: Raw[] = [];
    for (let t = start; t < end; t += every + Math.floor(r() * 10) * 1000) events.push(tokenCall("imp", t, "imp", OFFICE, "python-requests/2.31"));
    return snap(`bulk-import-${seed}`, [account("imp", user)], events, [token("imp", "imp", end, "import")]);
  }

  it("is never `bot`: one night is too little to judge a beat by", () => {
    expect(verdictsOf(SEEDS, "bot", (seed) => findingOf(bulk(seed), "imp"))).toEqual([]);
  });

  it("run from a cloud machine, is never `bot`", () => {
    const r = (seed: number): Finding => {
      const s = bulk(seed);
      for (const e of s.events) e.ip = CLOUD;
      return findingOf(s, "imp");
    };
    expect(verdictsOf(SEEDS, "bot", r)).toEqual([]);
  });
});

describe("bots beside these people stay at least reviewed", () => {
  // An RPA robot (invited, no profile, no 2SV: each sign-in is challenged by email) that signs in at
  // three fixed times every day, a minute or two late at most, and works in the UI for 20 to 45
  // minutes each time.
  function rpa(seed: number, user: Raw = INVITED): Snapshot {
    const r = lcg(seed);
    const slots = [6 * 60 + Math.floor(r() * 60), 12 * 60 + Math.floor(r() * 60), 18 * 60 + Math.floor(r() * 60)];
    const events: Raw[] = [];
    for (let d = 28; d >= 1; d--) {
      for (const minute of slots) {
        if (r() < 0.03) continue;
        const t = REF_MS - d * DAY + minute * MIN + Math.floor(r() * 120) * 1000;
        events.push(ev("rpa", t, { ip: OFFICE, userAgent: BROWSER }));
        if (user["mfaEnabled"] !== true) events.push(ev("rpa", t + 15_000, { action: OTP, ip: OFFICE, userAgent: BROWSER }));
        const end = t + (20 + Math.floor(r() * 25)) * MIN;
        for (let s = t + MIN; s < end; s += (1 + Math.floor(r() * 4)) * MIN) events.push(ev("rpa", s, { action: "issue_updated", ip: OFFICE, userAgent: BROWSER }));
      }
    }
    return snap(`rpa-sittings-${seed}`, [account("rpa", { name: "UiPath Robot", email: "rpa.robot@acme.com", ...user })], events);
  }

  it("an RPA robot with 20-45 minute sittings at fixed times every day is at least `likely-bot`", () => {
    expect(verdictsOf(SEEDS, "human", (seed) => findingOf(rpa(seed), "rpa"))).toEqual([]);
  });

  it("the same robot on an IdP-synced account with 2SV and a full profile is at least `likely-bot`", () => {
    expect(verdictsOf(SEEDS, "human", (seed) => findingOf(rpa(seed, { mfaEnabled: true }), "rpa"))).toEqual([]);
  });

  // A report robot that signs in at the same minute every day and reads a dashboard.
  function report(seed: number, user: Raw): Snapshot {
    const r = lcg(seed);
    const minute = 5 * 60 + Math.floor(r() * 120);
    const events: Raw[] = [];
    for (let d = 28; d >= 1; d--) {
      const t = REF_MS - d * DAY + minute * MIN + Math.floor(r() * 50) * 1000;
      events.push(ev("rep", t, { ip: OFFICE, userAgent: BROWSER }));
      if (user["mfaEnabled"] !== true) events.push(ev("rep", t + 12_000, { action: OTP, ip: OFFICE, userAgent: BROWSER }));
      for (let k = 1; k <= 2; k++) events.push(ev("rep", t + k * 20_000, { action: "dashboard_viewed", ip: OFFICE, userAgent: BROWSER }));
    }
    return snap(`report-robot-${seed}`, [account("rep", { name: "Report Robot", email: "reports@acme.com", ...user })], events);
  }

  it("a report robot signing in at the same minute daily is at least `likely-bot`", () => {
    expect(verdictsOf(SEEDS, "human", (seed) => findingOf(report(seed, INVITED), "rep"))).toEqual([]);
  });

  it("the same report robot is `bot` when nobody is seen at work in the UI", () => {
    expect(verdictsOf(SEEDS.slice(0, 4), "likely-bot", (seed) => findingOf(report(seed, { ...INVITED, ...lastUi(null) }), "rep"))).toEqual([]);
    expect(verdictsOf(SEEDS.slice(0, 4), "human", (seed) => findingOf(report(seed, { ...INVITED, ...lastUi(null) }), "rep"))).toEqual([]);
  });

  it("the report robot on an IdP-synced account with a full profile is at least `likely-bot`", () => {
    expect(verdictsOf(SEEDS, "human", (seed) => findingOf(report(seed, { mfaEnabled: true }), "rep"))).toEqual([]);
  });

  // A webhook receiver on an IdP-synced account with a full profile: its owner stopped using the UI
  // 200 days ago; the token is used every day, at whatever hour the events it answers come in.
  function webhook(seed: number): Snapshot {
    const r = lcg(seed);
    const events: Raw[] = [];
    for (let d = 28; d >= 1; d--) {
      const n = 2 + Math.floor(r() * 10);
      for (let k = 0; k < n; k++) {
        events.push(tokenCall("hook", REF_MS - d * DAY + Math.floor(r() * 24 * 60) * MIN, "hook", CLOUD, "node-fetch/1.0"));
      }
    }
    return snap(`webhook-${seed}`, [account("hook", { name: "Dana Reyes", ...lastUi(200) })], events, [token("hook", "hook", REF_MS - DAY + 20 * HOUR, "webhook")]);
  }

  it("a webhook on a synced account whose UI use stopped 200 days ago is at least `likely-bot`", () => {
    expect(verdictsOf(SEEDS, "human", (seed) => findingOf(webhook(seed), "hook"))).toEqual([]);
  });
});
