// An outsourcer's call-centre agent works five days of seven, round the week: the days off move
// every few weeks, so every weekday and every weekend day is worked somewhere in the log. Each
// shift starts at its hour (a sign-in within minutes of 06:00, the floor's managed PCs behind
// the site's two egress addresses), and the work in the UI follows over the shift's nine hours.
// The outsourcer's agents are invited with a name alone: no title, no department. Weekend work at
// one hour of the day is a job's shape; the days off and the work spread over the shift are a
// person's. A browser robot on the same rota acts every few minutes on a beat, and a job that
// starts at its hour works every day. An operator on twelve hours on and thirty-six off signs in
// every other day, weekends too: the alternate days are the rota's.
import { describe, expect, it } from "vitest";
import { account, BROWSER, DAY, ev, findingOf, fourColleagues, HOUR, iso, lcg, MIN, REF_MS, snapshotOf, wrongRuns, type Raw } from "../../../test/helpers/people-audit.js";
import type { Finding } from "./types.js";

const SEEDS = [1, 2, 3, 4, 5, 6, 7, 8] as const;
/** The site's NAT: two egress addresses of a local carrier, no cloud provider's. */
const SITE = ["112.198.40.17", "112.198.40.18"] as const;
const LOG_DAYS = 60;
/** Products whose last-active times the export left out. */
const UNRECORDED = [
  { key: "jira-service-desk", id: "ari:jsm", lastActiveTimestamp: null },
  { key: "confluence", id: "ari:confluence", lastActiveTimestamp: null },
];

type Work = (r: () => number, signIn: number) => number[];

/** Four to eight tickets handled over a nine-hour shift, from half an hour after its start. */
const shift: Work = (r, signIn) => Array.from({ length: 4 + Math.floor(r() * 5) }, () => signIn + (0.5 + r() * 8.5) * HOUR).sort((a, b) => a - b);
/** The same, its first ticket within half an hour of the sign-in: the work's start keeps the shift's hour. */
const promptShift: Work = (r, signIn) => [signIn + (15 + r() * 15) * MIN, ...shift(r, signIn)];
/** A robot's queue: a step every eight minutes, to the second, for seven hours. */
const queue: Work = (_r, signIn) => Array.from({ length: 52 }, (_, k) => signIn + 2 * MIN + k * 8 * MIN);

/**
 * A shift each working day at 06:00 (within `spreadMinutes`), two days off a week that move by a
 * day every three weeks (`daysOff` false: no day off at all), with `work` after each sign-in.
 */
function rota(seed: number, work: Work, daysOff = true, spreadMinutes = 12, startHour = 6): { events: Raw[]; lastUiMs: number } {
  const r = lcg(seed * 53 + 11);
  const events: Raw[] = [];
  let lastUiMs = 0;
  const firstRest = Math.floor(r() * 7);
  for (let d = LOG_DAYS; d >= 1; d--) {
    const day = REF_MS - d * DAY;
    const dayIndex = Math.floor(day / DAY);
    const rest = (firstRest + Math.floor((LOG_DAYS - d) / 21)) % 7;
    if (daysOff && ((dayIndex % 7) === rest || (dayIndex % 7) === (rest + 1) % 7)) continue;
    const signIn = Math.floor(day + startHour * HOUR + (r() - 0.5) * spreadMinutes * MIN);
    const ip = SITE[Math.floor(r() * 2)] as string;
    events.push(ev("p", signIn, { ip, userAgent: BROWSER }));
    for (const t of work(r, signIn)) {
      events.push(ev("p", Math.floor(t), { action: r() < 0.5 ? "request_commented" : "request_transitioned", ip, userAgent: BROWSER }));
      lastUiMs = Math.max(lastUiMs, Math.floor(t));
    }
  }
  return { events, lastUiMs };
}

function judged(seed: number, work: Work, profile: Raw = {}, daysOff = true, userAgents = true, startHour = 6): Finding {
  const { events, lastUiMs } = rota(seed, work, daysOff, 12, startHour);
  if (!userAgents) for (const e of events) delete e["userAgent"];
  const user = account("p", {
    name: "Kristine Castro",
    email: "kristine.castro@islacx.ph",
    managementSource: "invited",
    jobTitle: undefined,
    department: undefined,
    picture: "https://avatar/k.png",
    productAccess: [
      { key: "jira-service-desk", id: "ari:jsm", lastActiveTimestamp: iso(lastUiMs) },
      { key: "confluence", id: "ari:confluence", lastActiveTimestamp: iso(lastUiMs - 3 * HOUR) },
    ],
    ...profile,
  });
  const office = fourColleagues(seed);
  return findingOf(snapshotOf([user, ...office.users], [...events, ...office.events]), "p");
}

describe("a call-centre agent on a rota with moving days off", () => {
  it("is `human` with a name alone: the shifts' work and the days off are a person's", () => {
    const wrong = wrongRuns(SEEDS, (v) => v === "human", (seed) => judged(seed, shift));
    expect(wrong, wrong.join(" || ")).toEqual([]);
  });

  // No picture either, as an outsourcer's directory leaves it: the profile says nothing, and the
  // schedule of the sign-ins and of the work after them was scored twice over.
  it("is `human` with an empty profile too", () => {
    const wrong = wrongRuns(SEEDS, (v) => v === "human", (seed) => judged(seed, shift, { picture: null }));
    expect(wrong, wrong.join(" || ")).toEqual([]);
  });

  // An export without user agents hides the browser, not the sign-ins.
  it("is `human` where the log records no user agent", () => {
    const wrong = wrongRuns(SEEDS, (v) => v === "human", (seed) => judged(seed, shift, {}, true, false));
    expect(wrong, wrong.join(" || ")).toEqual([]);
  });

  // An export without last-active times, for an agent on the night shift of a client abroad (a
  // sign-in at 23:00 UTC, no working hours' sign-ins to count as a person's) whose first ticket
  // comes within half an hour: the work done from a browser on the rota's days stands for the UI
  // activity the snapshot does not record, as a last-active time would.
  it("is `human` on a night shift where the snapshot records no UI activity", () => {
    const wrong = wrongRuns(SEEDS, (v) => v === "human", (seed) => judged(seed, promptShift, { productAccess: UNRECORDED, jobTitle: "Customer Support Agent", department: "Customer Support" }, true, true, 23));
    expect(wrong, wrong.join(" || ")).toEqual([]);
  });

  it("is `human` with the agent's title too", () => {
    const wrong = wrongRuns(SEEDS, (v) => v === "human", (seed) => judged(seed, shift, { jobTitle: "Customer Support Agent", department: "Customer Care" }));
    expect(wrong, wrong.join(" || ")).toEqual([]);
  });
});

describe("what the rota does not excuse", () => {
  it("a browser robot on the same rota, stepping through its queue on a beat, is not `human` (the beat, not the rota, decides)", () => {
    const wrong = wrongRuns(SEEDS, (v) => v !== "human", (seed) => judged(seed, queue));
    expect(wrong, wrong.join(" || ")).toEqual([]);
  });

  it("the robot on its beat is not `human` where the snapshot records no UI activity either", () => {
    const wrong = wrongRuns(SEEDS, (v) => v !== "human", (seed) => judged(seed, queue, { productAccess: UNRECORDED }, true, true, 23));
    expect(wrong, wrong.join(" || ")).toEqual([]);
  });

  it("the same shifts on every day of the log, with no day off, are not `human` without a title (their daily sign-ins keep a fixed cadence)", () => {
    const wrong = wrongRuns(SEEDS, (v) => v !== "human", (seed) => judged(seed, shift, {}, false));
    expect(wrong, wrong.join(" || ")).toEqual([]);
  });
});

// A bank's payments desk staffed twelve hours on and thirty-six off: a sign-in at 07:00 or 19:00
// (within minutes) every other day, weekends too, and Sundays swapped with a colleague, from the desk's PCs, on an account the IdP keeps
// with the operator's title. The log records the sign-ins alone; the alternate days are the rota's.
describe("an operator on twelve hours on, thirty-six off, whose log holds the sign-ins alone", () => {
  function alternate(seed: number): Raw[] {
    const r = lcg(seed * 71 + 3);
    const events: Raw[] = [];
    const desk = ["200.142.10.21", "200.142.10.22", "200.142.10.23", "200.142.10.24"];
    const start = r() < 0.5 ? 7 : 19;
    for (let d = 46; d >= 1; d--) {
      // Every other day, and the Sundays between them too: a shift swapped with a colleague.
      const day = REF_MS - d * DAY;
      if (d % 2 === 1 && new Date(day).getUTCDay() !== 0) continue;
      const t = Math.floor(day + start * HOUR + (r() - 0.5) * 16 * MIN);
      events.push(ev("p", t, { ip: desk[Math.floor(r() * 4)] as string, userAgent: BROWSER }));
    }
    return events;
  }
  function judgedOperator(seed: number, profile: Raw): Finding {
    const events = alternate(seed);
    const last = Math.max(...events.map((e) => Date.parse(String(e["time"]))));
    const user = account("p", { name: "Maria Raquel Alves Pereira", email: "mpereira@jacaranda.example", jobTitle: "Supervisor de Mesa", department: "Operações PIX", productAccess: [{ key: "jira-service-desk", id: "ari:jsm", lastActiveTimestamp: iso(last) }], ...profile });
    const office = fourColleagues(seed);
    return findingOf(snapshotOf([user, ...office.users], [...events, ...office.events]), "p");
  }

  it("is `human` on an account the IdP keeps with the operator's title", () => {
    const wrong = wrongRuns(SEEDS, (v) => v === "human", (seed) => judgedOperator(seed, {}));
    expect(wrong, wrong.join(" || ")).toEqual([]);
  });

  // Nor a last-active time: the rota, not the UI's record, says the sign-ins are a person's.
  it("is `human` where the snapshot records no UI activity either", () => {
    const wrong = wrongRuns(SEEDS, (v) => v === "human", (seed) => judgedOperator(seed, { productAccess: UNRECORDED }));
    expect(wrong, wrong.join(" || ")).toEqual([]);
  });

  it("the same sign-ins on an invited account with no title are not `human`", () => {
    const wrong = wrongRuns(SEEDS, (v) => v !== "human", (seed) => judgedOperator(seed, { managementSource: "invited", jobTitle: null, department: null, picture: null }));
    expect(wrong, wrong.join(" || ")).toEqual([]);
  });
});

