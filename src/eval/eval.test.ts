import { describe, expect, it } from "vitest";
import { validateSnapshot } from "../core/snapshot/reader.js";
import { generateLabelledOrg } from "./labelled-org.js";
import { PERTURBATIONS } from "./perturb.js";
import { evaluate, HELD_OUT_SEEDS } from "./run.js";

// Floors measured on the held-out seeds at a small org size (the `npm run eval` numbers are for
// 500 people and 40 bots). They are floors, not exact values: a change that lowers one fails.
const SIZE = { people: 150, bots: 24, migrated: 2 };
const SEEDS = HELD_OUT_SEEDS.slice(0, 2);

describe("labelled-org generator", () => {
  it("writes a valid snapshot-v1 whose every user has a label", () => {
    const { snapshot, labels } = generateLabelledOrg({ seed: 7, people: 40, bots: 8 });
    const parsed = validateSnapshot(JSON.parse(JSON.stringify(snapshot)), "eval-org.json");
    expect(parsed.users.length).toBe(snapshot.users.length);
    for (const user of snapshot.users) expect(labels.has(user.accountId)).toBe(true);
    expect(new Set(snapshot.users.map((u) => u.email)).size).toBe(snapshot.users.length);
    expect([...labels.values()].filter((l) => l === "human").length).toBe(40);
  });

  it("is deterministic for a seed", () => {
    expect(generateLabelledOrg({ seed: 3, people: 20, bots: 4 }).snapshot).toEqual(generateLabelledOrg({ seed: 3, people: 20, bots: 4 }).snapshot);
  });
});

describe("perturbations", () => {
  /** Every ISO timestamp in a JSON value, with its path. */
  function timestamps(value: unknown, path = "", out = new Map<string, string>()): Map<string, string> {
    if (typeof value === "string" && /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/.test(value)) out.set(path, value);
    else if (Array.isArray(value)) value.forEach((v, i) => timestamps(v, `${path}[${i}]`, out));
    else if (value !== null && typeof value === "object") for (const [k, v] of Object.entries(value)) timestamps(v, `${path}.${k}`, out);
    return out;
  }

  it("shift-tz+7h moves every timestamp of the snapshot, wherever it is, by seven hours", () => {
    const { snapshot } = generateLabelledOrg({ seed: 5, people: 30, bots: 12, migrated: 2 });
    const shifted = PERTURBATIONS.find((p) => p.name === "shift-tz+7h")!.apply(snapshot, 5);
    const before = timestamps(snapshot);
    const after = timestamps(shifted);
    expect([...after.keys()].sort()).toEqual([...before.keys()].sort());
    expect(before.size).toBeGreaterThan(100);
    for (const [path, time] of before) expect(Date.parse(after.get(path)!) - Date.parse(time), path).toBe(7 * 3_600_000);
  });

  it("strip-profile removes the profile fields and managementSource, and strip-events every event", () => {
    const { snapshot } = generateLabelledOrg({ seed: 5, people: 30, bots: 12 });
    const stripped = PERTURBATIONS.find((p) => p.name === "strip-profile")!.apply(snapshot, 5);
    for (const user of stripped.users) for (const key of ["jobTitle", "department", "picture", "managementSource"]) expect(key in user, key).toBe(false);
    expect(stripped.users.map((u) => u.accountId)).toEqual(snapshot.users.map((u) => u.accountId));
    expect(PERTURBATIONS.find((p) => p.name === "strip-events")!.apply(snapshot, 5).events).toEqual([]);
    expect(snapshot.events.length).toBeGreaterThan(0);
  });
});

describe("detection on held-out labelled orgs", () => {
  const picked = PERTURBATIONS.filter((p) => ["none", "combined", "window-10d", "no-last-active"].includes(p.name));
  const results = evaluate(SEEDS, picked, SIZE);

  it.each(results.map((r) => [r.perturbation, r] as const))("%s: no person is called bot; bots are found", (name, { metrics: m, tally }) => {
    expect(m.peopleCalledBot).toBe(0);
    expect(m.botPrecision).toBeGreaterThanOrEqual(0.98);
    expect(m.botRecallAtLeastLikely).toBeGreaterThanOrEqual(0.95);
    // Clear bots are called `bot`, not left for review (measured 0.51 at this size; the quiet
    // families, which leave no machine evidence, can only be reviewed, and so is a departed
    // person's script on an account with a person's name, second factor or profile: whether they
    // left or are on leave, the data cannot tell). "combined" shifts every time by hours: a test
    // job that runs in working hours is judged in the time zone its own activity shows, so the
    // shift no longer makes it look off-hours (measured 0.38). Without last-active times, UI use that stopped is not seen, so fewer bots are called
    // `bot` outright, and scripts on accounts with 2SV enrolled are reviewed (measured 0.51).
    expect(m.botRecallAsBot).toBeGreaterThanOrEqual(name === "window-10d" ? 0.5 : name === "no-last-active" ? 0.47 : name === "combined" ? 0.36 : 0.49);
    // Without last-active times, a token in use on an account that never signs in is reviewed:
    // the generator's CLI developers never sign in, so they are (measured 0.077).
    expect(m.peopleToReview).toBeLessThanOrEqual(name === "no-last-active" ? 0.1 : 0.06);
    expect(m.sharedRecall).toBeGreaterThanOrEqual(0.9);
    expect(m.migratedShown).toBe(1);
    expect(tally.orgs).toBe(SEEDS.length);
  });

  it("advises 2SV to people challenged by email OTP", () => {
    expect(results[0]!.metrics.enable2svRecall).toBeGreaterThanOrEqual(0.95);
  });

  it("says which signals were unavailable", () => {
    const combined = results.find((r) => r.perturbation === "combined")!;
    const text = [...combined.warnings].join("\n");
    expect(text).toContain("no event has a configured email-OTP action key");
    expect(text).toContain("no event records a user agent");
    const short = results.find((r) => r.perturbation === "window-10d")!;
    expect([...short.warnings].join("\n")).toMatch(/events cover only N.N days/);
  });
});
