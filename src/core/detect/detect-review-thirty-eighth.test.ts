// Accounts only a machine uses whose timer keeps an office's week: an integration polling the API
// from the office's address that starts when its host comes up (no fixed minute), a robot driving
// the browser on a desktop someone unlocks each morning, a team's shared account with a test
// agent's poller. Each is signed in to on most of its days and rests every night and weekend, as
// a person's own plugin does, but the account is no person's: the beat is an HTTP library's or the
// browser's own, and no irregular work of a person is beside it. They stay reviewed.
import { describe, expect, it } from "vitest";
import { account, officeColleagues, atLeastLikelyBot, BROWSER, DAY, drop, EMPTY, ev, findingOf, HOUR, isWeekend, lcg, MIN, OFFICE, perturbed, REF_MS, snapshotOf, stripUserAgents, token, tokenCall, type Perturb, type Raw, wrongRuns } from "../../../test/helpers/people-audit.js";

const SEEDS = [1, 2, 3, 4] as const;

interface Beat {
  /** Days of log. */
  days: number;
  /** Hours (UTC) the machine comes up between, each workday. */
  start: readonly [number, number];
  /** Minutes between two calls (a few seconds' spread). */
  every: number;
  /** `token`: API calls through token `tk` with `ua`; `browser`: page actions in a browser. */
  channel: "token" | "browser";
  ua: string;
  /** Share of the days with a sign-in. */
  signIn: number;
  /** `start`: the machine signs in seconds before its first call (with `signInUa`); `visit`: someone signs in at 09:00-16:00 and looks at three issues. */
  signInAt: "start" | "visit";
  signInUa?: string;
}

/** The machine's workdays (account `p`, from the office's address): calls every `every` minutes from its start to 17:00-19:00, and the sign-ins. */
function beatDays(seed: number, o: Beat): Raw[] {
  const r = lcg(seed * 53 + 11);
  const out: Raw[] = [];
  for (let d = o.days; d >= 1; d--) {
    const day = REF_MS - d * DAY;
    if (isWeekend(day) || r() < 0.05) continue;
    const start = day + (o.start[0] + r() * (o.start[1] - o.start[0])) * HOUR;
    const end = day + (17 + r() * 2) * HOUR;
    if (r() < o.signIn) {
      if (o.signInAt === "start") out.push(ev("p", Math.floor(start - 40_000), { ip: OFFICE, userAgent: o.signInUa ?? BROWSER }));
      else {
        const t = day + (9 + r() * 7) * HOUR;
        out.push(ev("p", Math.floor(t), { ip: OFFICE, userAgent: BROWSER }));
        for (let i = 1; i < 4; i++) out.push(ev("p", Math.floor(t + i * 2 * MIN), { action: "issue_viewed", ip: OFFICE, userAgent: BROWSER }));
      }
    }
    for (let t = start; t < end; t += o.every * MIN + Math.floor(r() * 6) * 1000) {
      if (o.channel === "token") out.push(tokenCall("p", Math.floor(t), "tk", OFFICE, o.ua));
      else out.push(ev("p", Math.floor(t), { action: r() < 0.7 ? "issue_viewed" : "issue_updated", ip: OFFICE, userAgent: o.ua }));
    }
  }
  return out;
}

/** The log changes under which these machines were reviewed before a person's own timer was told apart (a 20-minute jitter hides the beat in both). */
const CHANGES: readonly [string, Perturb[]][] = [
  ["as recorded", []],
  ["drop 30%", [drop(0.3)]],
  ["no user agents", [stripUserAgents]],
];

/** The runs (seed, log change) in which account `user` with `beat` is judged `human`. */
function humanRuns(user: Raw, beat: Beat): string[] {
  return CHANGES.flatMap(([change, perturbs]) =>
    wrongRuns(SEEDS, atLeastLikelyBot, (seed) => {
      const c = officeColleagues(seed);
      const s = snapshotOf([account("p", user), ...c.users], perturbed([...beatDays(seed, beat), ...c.events], seed, perturbs), beat.channel === "token" ? [token("tk", "p", REF_MS - HOUR, "integration")] : []);
      return findingOf(s, "p");
    }).map((run) => `${change} ${run}`),
  );
}

const HTTP = "Apache-HttpClient/4.5.14 (Java/17)";
/** An account made for an integration and named after the product (invited, no profile). */
const PRODUCT = { name: "Atlas", email: "atlas@acme.com", managementSource: "invited", ...EMPTY };
/** A robot's account from the directory, given a persona's name and a title. */
const DIGITAL_WORKER = { name: "Ava Digital", email: "ava.digital@acme.com", jobTitle: "Digital Worker", department: "Finance" };
/** A team's shared account from the directory (no title). */
const TEAM = { name: "QA Platform", email: "qa.platform@acme.com", jobTitle: null };

describe("an integration on a server in the office, starting when the server comes up", () => {
  // Passed before.
  it("polling every 5 minutes, its admin signing in on most days: reviewed", () => {
    expect(humanRuns(PRODUCT, { days: 28, start: [7, 10], every: 5, channel: "token", ua: HTTP, signIn: 0.85, signInAt: "visit" })).toEqual([]);
  });
  // Passed before (reviewed in every asserted run).
  it("signing in itself each morning before polling every 10 minutes: reviewed", () => {
    expect(humanRuns(PRODUCT, { days: 28, start: [7, 10], every: 10, channel: "token", ua: "python-requests/2.31", signIn: 0.9, signInAt: "start", signInUa: "python-requests/2.31" })).toEqual([]);
  });
  // Passed before.
  it("over 35 days, polling every 10 minutes from a start between 06:00 and 11:00: reviewed", () => {
    expect(humanRuns(PRODUCT, { days: 35, start: [6, 11], every: 10, channel: "token", ua: HTTP, signIn: 0.8, signInAt: "visit" })).toEqual([]);
  });
});

describe("a robot driving the browser on a desktop unlocked each morning", () => {
  // Passed before.
  it("on a persona's account from the directory, signing in and acting every 10 minutes: reviewed", () => {
    expect(humanRuns(DIGITAL_WORKER, { days: 28, start: [7, 10], every: 10, channel: "browser", ua: BROWSER, signIn: 0.95, signInAt: "start" })).toEqual([]);
  });
  // Passed before.
  it("on a product-named account, acting every 5 minutes: reviewed", () => {
    expect(humanRuns(PRODUCT, { days: 28, start: [7, 10], every: 5, channel: "browser", ua: BROWSER, signIn: 0.95, signInAt: "start" })).toEqual([]);
  });
});

describe("a team's shared account", () => {
  // Passed before.
  it("a test agent's poller every 15 minutes while the team signs in to look at issues: reviewed", () => {
    expect(humanRuns(TEAM, { days: 28, start: [7, 10], every: 15, channel: "token", ua: "Jenkins/2.440", signIn: 0.85, signInAt: "visit" })).toEqual([]);
  });
});
