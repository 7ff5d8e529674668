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
