// A shift worker signs in once a day at the same minute (the shift bell, the bus), six days a
// week and before business hours, and works on for hours; the audit log shows the sign-in, its email code and, now and then, something done hours
// later. A browser robot run at a fixed time of day signs in, does its steps within minutes and
// leaves. The sign-ins look alike; what follows them does not.
import { describe, expect, it } from "vitest";
import {
  atLeastLikelyBot,
  BROWSER,
  CLOUD,
  DAY,
  ev,
  explain,
  findingOf,
  HOUR,
  iso,
  isHuman,
  JUDGE_LOG_CHANGES,
  lcg,
  MIN,
  OFFICE,
  perturbed,
  REF_MS,
  snapshotOf,
  wrongRuns,
  type Raw,
  invitedAccount,
} from "../../../test/helpers/people-audit.js";

const SEEDS = [1, 2, 3, 4, 5, 6, 7, 8] as const;


interface Days {
  events: Raw[];
  /** When the account was last in the UI: the end of its last working day, or minutes after its last sign-in. */
  lastUiMs: number;
}

/**
 * Five weeks of one sign-in each day but Sunday at 05:58 UTC, before business hours (within two
 * minutes; one day in ten 5-25 minutes late), an email code 30 s before it, from `ip`. `after(r, signIn)` gives the times of
 * the day's recorded work, if any; the day ends `dayHours` after the sign-in.
 */
function onceADay(seed: number, id: string, ip: string, dayHours: number, after: (r: () => number, signIn: number) => number[]): Days {
  const r = lcg(seed);
  const events: Raw[] = [];
  let lastUiMs = 0;
  for (let d = 35; d >= 1; d--) {
    const day = REF_MS - d * DAY;
    if (new Date(day).getUTCDay() === 0 || r() < 0.05) continue;
    const late = r() < 0.1 ? (5 + r() * 20) * MIN : 0;
    const signIn = Math.floor(day + 5 * HOUR + 58 * MIN + (r() - 0.5) * 4 * MIN + late);
    events.push(ev(id, signIn - 30_000, { action: "email_otp_sent", ip, userAgent: BROWSER }));
    events.push(ev(id, signIn, { ip, userAgent: BROWSER }));
    for (const t of after(r, signIn)) events.push(ev(id, Math.floor(t), { action: "user_profile_updated", ip, userAgent: BROWSER }));
    lastUiMs = signIn + dayHours * HOUR;
  }
  return { events, lastUiMs };
}

/** Now and then (one day in five) something done 1-7 hours into the shift. */
const nowAndThen = (r: () => number, signIn: number): number[] => (r() < 0.2 ? [signIn + (1 + r() * 6) * HOUR] : []);
/** A page or two within three minutes of each sign-in: a robot's steps. */
const steps = (r: () => number, signIn: number): number[] => (r() < 0.5 ? [signIn + (20 + r() * 160) * 1000] : []);
const nothing = (): number[] => [];

function judge(users: Raw[], events: Raw[], id: string) {
  return findingOf(snapshotOf(users, events), id);
}

describe("a shift worker who signs in once a day at the same minute and works on for hours", () => {
  it("is human and told to enable 2SV, from the org's cloud VPN or the office", () => {
    for (const ip of [CLOUD, OFFICE]) {
      const wrong = wrongRuns(SEEDS, isHuman, (seed) => {
        const { events, lastUiMs } = onceADay(seed, "p", ip, 8, nowAndThen);
        return judge([invitedAccount("p", "Emre Şahin", "emre.sahin2@acme.com", lastUiMs)], events, "p");
      });
      expect(wrong, ip).toEqual([]);
    }
    const { events, lastUiMs } = onceADay(1, "p", CLOUD, 8, nowAndThen);
    expect(judge([invitedAccount("p", "Emre Şahin", "emre.sahin2@acme.com", lastUiMs)], events, "p").recommendation).toBe("enable-2sv");
  });

  // With no work recorded after the sign-ins, only a last-active time hours later is left: a robot
  // that stays signed in leaves one too. The schedule stands; the account is reviewed.
  it("is reviewed, never `bot`, with no work recorded, whenever the UI was last used", () => {
    const wrong = SEEDS.flatMap((seed) => {
      const { events, lastUiMs } = onceADay(seed, "p", CLOUD, 8, nothing);
      const f = judge([invitedAccount("p", "Inês Simões", "ines.simoes@acme.com", lastUiMs)], events, "p");
      return f.verdict === "likely-bot" ? [] : [`run ${seed}: ${explain(f)}`];
    });
    expect(wrong).toEqual([]);
  });

  it("is never called `bot` under the judge's changes to the log", () => {
    for (const [name, changes, noUi] of JUDGE_LOG_CHANGES) {
      const bots = SEEDS.flatMap((seed) => {
        const { events, lastUiMs } = onceADay(seed, "p", CLOUD, 8, nowAndThen);
        const f = judge([invitedAccount("p", "Emre Şahin", "emre.sahin2@acme.com", noUi ? undefined : lastUiMs)], perturbed(events, seed, changes), "p");
        return f.verdict === "bot" ? [`run ${seed}: ${explain(f)}`] : [];
      });
      expect(bots, name).toEqual([]);
    }
  });
});

describe("a browser robot that signs in once a day, six days a week, at the same minute", () => {
  // Named like a person, a desktop browser's user agent, an email code at each sign-in: only
  // what follows the sign-ins tells it from the shift worker above.
  const robot = (seed: number, after: (r: () => number, signIn: number) => number[], ui: "minutes" | "absent" | "hours", ip = CLOUD) => {
    const { events, lastUiMs } = onceADay(seed, "r", ip, 0.05, after);
    const last = ui === "absent" ? undefined : ui === "minutes" ? lastUiMs : lastUiMs + 6 * HOUR;
    return judge([invitedAccount("r", "Tom Baker", "tom.baker@acme.com", last)], events, "r");
  };

  it("stays at least `likely-bot` when its steps follow each sign-in within minutes, even with UI use hours after", () => {
    for (const ui of ["minutes", "absent", "hours"] as const) expect(wrongRuns(SEEDS, atLeastLikelyBot, (seed) => robot(seed, steps, ui)), ui).toEqual([]);
  });

  it("stays at least `likely-bot` with no work recorded when its last UI use is minutes after its last sign-in, or not recorded", () => {
    for (const ui of ["minutes", "absent"] as const) expect(wrongRuns(SEEDS, atLeastLikelyBot, (seed) => robot(seed, nothing, ui)), ui).toEqual([]);
  });

  it("stays at least `likely-bot` when named like automation, whatever follows its sign-ins", () => {
    const wrong = wrongRuns(SEEDS, atLeastLikelyBot, (seed) => {
      const { events, lastUiMs } = onceADay(seed, "r", CLOUD, 8, nowAndThen);
      return judge([invitedAccount("r", "Report Robot", "report-robot@acme.com", lastUiMs)], events, "r");
    });
    expect(wrong).toEqual([]);
  });

  it("stays at least `likely-bot` when a sign-in every few days starts work that runs round the clock, in a log without user agents", () => {
    // A headless session renewed every third day near 06:00, then an update every hour, day and night.
    const wrong = wrongRuns(SEEDS, atLeastLikelyBot, (seed) => {
      const r = lcg(seed);
      const events: Raw[] = [];
      for (let d = 33; d >= 1; d -= 3) {
        const signIn = Math.floor(REF_MS - d * DAY + 6 * HOUR + (r() - 0.5) * 2 * HOUR);
        events.push(ev("r", signIn - 20_000, { action: "email_otp_sent", ip: CLOUD }));
        events.push(ev("r", signIn, { ip: CLOUD }));
      }
      for (let t = REF_MS - 33 * DAY + 39 * MIN; t < REF_MS; t += HOUR) events.push(ev("r", t, { action: "issue_updated", ip: CLOUD }));
      return judge([invitedAccount("r", "Backup Agent", "backup-prod@acme.com", REF_MS - 30 * MIN)], events, "r");
    });
    expect(wrong).toEqual([]);
  });

  it("stays at least `likely-bot` when it signs in twice a day, its UI use hours after the last", () => {
    const wrong = wrongRuns(SEEDS, atLeastLikelyBot, (seed) => {
      const morning = onceADay(seed, "r", CLOUD, 0.05, nothing);
      const afternoon = onceADay(seed + 50, "r", CLOUD, 0.05, nothing);
      const events = [...morning.events, ...afternoon.events.map((e) => ({ ...e, id: `${String(e["id"])}b`, time: iso(Date.parse(String(e["time"])) + 6 * HOUR) }))];
      return judge([invitedAccount("r", "Tom Baker", "tom.baker@acme.com", morning.lastUiMs + 6 * HOUR)], events, "r");
    });
    expect(wrong).toEqual([]);
  });
});

// A person on leave whose own script still runs every night with their personal token: in a
// snapshot that does not record UI activity and a log of two weeks, nothing shows the person, and
// nothing shows that nobody ever used the account as a person either.
describe("a person on leave whose script runs every night, in a snapshot without UI activity", () => {
  const nightly = (seed: number, id: string): Raw[] => {
    const r = lcg(seed);
    const out: Raw[] = [];
    for (let d = 14; d >= 1; d--) {
      const at = REF_MS - d * DAY + 3 * HOUR + 17 * MIN + Math.floor(r() * 300_000);
      for (let k = 0; k < 3; k++) out.push(ev(id, at + k * 20_000, { action: "issue_viewed", tokenId: `t-${id}`, authType: "api-token", ip: CLOUD, userAgent: "python-requests/2.31.0" }));
    }
    return out;
  };
  const tokenOf = (id: string): Raw => ({ id: `t-${id}`, accountId: id, label: "my-script", status: "ALLOWED", createdAt: iso(REF_MS - 200 * DAY), expiresAt: null, lastActiveAt: iso(REF_MS - 20 * HOUR) });
  const judged = (seed: number, id: string, name: string, email: string) =>
    findingOf(snapshotOf([invitedAccount(id, name, email, undefined)], nightly(seed, id), [tokenOf(id)]), id);

  it("is reviewed, not called `bot`, with a person's name and mailbox", () => {
    const wrong = SEEDS.flatMap((seed) => {
      const f = judged(seed, "p", "Priya Raman", "priya.raman@acme.com");
      return f.verdict === "likely-bot" && f.recommendation === "review" ? [] : [`run ${seed}: ${explain(f)} ${f.recommendation}`];
    });
    expect(wrong).toEqual([]);
  });

  it("is `bot` when the account is named like automation", () => {
    expect(wrongRuns(SEEDS, (v) => v === "bot", (seed) => judged(seed, "x", "Report Export", "report-export@acme.com"))).toEqual([]);
  });
});
