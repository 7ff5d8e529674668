// A dispatcher or a warehouse's shift lead on a six-day rota: one sign-in at the shift's start,
// Monday to Saturday, at the hub's PC, in a log that keeps the sign-ins alone. With no work
// recorded, the six-day week (`sixDayWeek`) could not be seen, and the sign-ins' hour was read as a
// job's schedule: 61 such people of an independent generator's logistics orgs were reviewed. The
// arrival drifts by a quarter of an hour; a job's start keeps its minute, a desk is named as one,
// and only a titled person's account or one the directory keeps is read so.
import { describe, expect, it } from "vitest";
import { judgedAmongGivenNames, invitedUntitled } from "../../../test/helpers/org-words.js";
import { recentUi } from "../../../test/helpers/name-attacks.js";
import { BROWSER, DAY, dayOfWeek, ev, HOUR, lcg, MIN, REF_MS, token, tokenCall, wrongRuns, type Raw } from "../../../test/helpers/people-audit.js";
import type { Finding } from "./types.js";

const SEEDS = [1, 2, 3, 4] as const;
const HUB_PC = "213.77.236.139";
const isHuman = (v: Finding["verdict"]): boolean => v === "human";
const notHuman = (v: Finding["verdict"]): boolean => v !== "human";

interface Week {
  /** Minutes either side of 05:00 UTC that the sign-in falls within. */
  drift: number;
  /** Whether Sundays are worked too. */
  sundays?: boolean;
}

/** Five weeks of one sign-in a working day at about 05:00 UTC, from the hub's PC, an email code before one in six; a second sign-in some days. */
function shiftSignIns(seed: number, { drift, sundays = false }: Week): Raw[] {
  const r = lcg(seed * 41 + 7);
  const out: Raw[] = [];
  for (let d = 35; d >= 1; d--) {
    const day = REF_MS - d * DAY;
    if ((dayOfWeek(day) === 0 && !sundays) || r() < 0.1) continue;
    const t = Math.floor(day + 5 * HOUR + (r() * 2 - 1) * drift * MIN);
    if (r() < 0.15) out.push(ev("a", t - 60_000, { action: "email_otp_sent", ip: HUB_PC, userAgent: BROWSER }));
    out.push(ev("a", t, { ip: HUB_PC, userAgent: BROWSER }));
    if (r() < 0.2) out.push(ev("a", Math.floor(t + (4 + r() * 4) * HOUR), { ip: HUB_PC, userAgent: BROWSER }));
  }
  return out;
}

/** Anna Holm, dispatcher, synced with her title and department, the UI used yesterday. */
const dispatcher = (fields: Raw = {}): Raw => ({ name: "Anna Holm", email: "anna.holm@freight.example", jobTitle: "Dyspozytor", department: "Dispatch", managementSource: "synced", ...recentUi, ...fields });
/** The UI in use in two products yesterday. */
const TWO_PRODUCTS = ["jira-software", "confluence"].map((key) => ({ key, id: `ari:${key}`, lastActiveTimestamp: new Date(REF_MS - DAY).toISOString() }));
const judged = (a: Raw, events: Raw[], apiTokens: Raw[] = []): Finding => judgedAmongGivenNames("freight.example", a, events, apiTokens);

describe("a six-day rota's sign-ins in a log of sign-ins alone", () => {
  it("a titled dispatcher who signs in at the shift's start, give or take a quarter of an hour, is a person", () => {
    expect(wrongRuns(SEEDS, isHuman, (seed) => judged(dispatcher(), shiftSignIns(seed, { drift: 15 })))).toEqual([]);
  });

  it("so is a warehouse's shift lead the directory keeps with a department and no title", () => {
    const lead = dispatcher({ name: "Erik Dahl", email: "erik.dahl@freight.example", jobTitle: null, department: "Warehouse" });
    expect(wrongRuns(SEEDS, isHuman, (seed) => judged(lead, shiftSignIns(seed, { drift: 15 })))).toEqual([]);
  });

  it("the same week kept to the minute is a job's start and stays reviewed", () => {
    expect(wrongRuns(SEEDS, notHuman, (seed) => judged(invitedUntitled("Erik Dahl", "erik.dahl@freight.example", recentUi), shiftSignIns(seed, { drift: 1 })))).toEqual([]);
  });

  it("a desk's name, no given name first, keeps its week reviewed, the directory keeping it or not", () => {
    expect(wrongRuns(SEEDS, notHuman, (seed) => judged(dispatcher({ name: "Dock Office Gliwice", email: "dock.gliwice@freight.example", jobTitle: null }), shiftSignIns(seed, { drift: 15 })))).toEqual([]);
  });

  it("a robot on a person's name that the admin invited, with a department and no title, keeps its week reviewed", () => {
    expect(wrongRuns(SEEDS, notHuman, (seed) => judged(dispatcher({ name: "Erik Dahl", email: "erik.dahl@freight.example", jobTitle: null, managementSource: "invited", productAccess: TWO_PRODUCTS }), shiftSignIns(seed, { drift: 15 })))).toEqual([]);
  });

  it.each([
    ["kiosk.hub2@freight.example", "a kiosk's"],
    ["dispatch@freight.example", "a role's"],
  ])("so does a synced person's name at %s, %s mailbox", (email) => {
    expect(wrongRuns(SEEDS, notHuman, (seed) => judged(dispatcher({ email, jobTitle: null }), shiftSignIns(seed, { drift: 15 })))).toEqual([]);
  });

  it("a token a script calls with beside the sign-ins keeps it reviewed", () => {
    const calls = (seed: number): Raw[] => {
      const r = lcg(seed * 5 + 1);
      return Array.from({ length: 30 }, (_, i) => tokenCall("a", Math.floor(REF_MS - (30 - i) * DAY + 2 * HOUR + r() * 20 * MIN), "tk", "34.201.10.7", "python-requests/2.31.0"));
    };
    const temp = invitedUntitled("Erik Dahl", "erik.dahl@freight.example", recentUi);
    expect(wrongRuns(SEEDS, notHuman, (seed) => judged(temp, [...shiftSignIns(seed, { drift: 25 }), ...calls(seed)], [token("tk", "a", REF_MS - DAY, "sync")]))).toEqual([]);
  });

  it("and a seven-day week, Sundays worked too, is left to the rules for every day", () => {
    const verdicts = SEEDS.map((seed) => judged(invitedUntitled("Erik Dahl", "erik.dahl@freight.example", recentUi), shiftSignIns(seed, { drift: 25, sundays: true })).verdict);
    expect(verdicts.filter(isHuman).length).toBeLessThan(SEEDS.length);
  });
});
