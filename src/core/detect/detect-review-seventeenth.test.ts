// People of the judged families under the changes a judge makes to a log: an engineer always on
// call in a log cut to its last 10-14 days, and (a control) a contractor working from an IDE and a
// CLI beside a daily digest of their own. Each test builds the events, perturbs them (drop,
// jitter, cut) and asserts the verdict over several runs.
import { describe, expect, it } from "vitest";
import type { Snapshot } from "../snapshot/schema.js";
import { account, alwaysOnCallEvents, CLOUD, DAY, drop, EMPTY, HOUR, ideDays, iso, jitter, lastDays, lcg, MIN, perturbed, REF_MS, runsWith, snap, token, tokenCall, type Perturb, type Raw } from "../../../test/helpers/people-audit.js";

const SEEDS = [1, 2, 3, 4, 5, 6, 7, 8] as const;
const INVITED = { managementSource: "invited", ...EMPTY };
const lastUi = (daysAgo: number | null): Raw => ({ productAccess: [{ key: "jira-software", id: "ari:jira", lastActiveTimestamp: daysAgo === null ? null : iso(REF_MS - daysAgo * DAY) }] });
/** Colleagues used in the UI yesterday, so that the source is seen to record UI use. */
const colleagues = (): Raw[] => Array.from({ length: 10 }, (_, i) => account(`col${i}`, { name: `Colleague ${i}` }));


describe("an engineer always on call, with a full profile, in a log cut to its last 10-14 days", () => {
  // `alwaysOnCallEvents`: CLI work 08:00-19:00 on weekdays after a browser sign-in, paged one to
  // three times a day at any hour from the phone. The web UI was last used 60 days ago.
  function onCall(seed: number, user: Raw, changes: readonly Perturb[]): Snapshot {
    const u = account("sre", { name: "Sam Reed", email: "sam.reed@acme.com", ...user, ...lastUi(60) });
    return snap("on-call-cut", [u, ...colleagues()], perturbed(alwaysOnCallEvents(seed, "Jira/Android 9.1", "92.40.1.7"), seed, changes), [token("tk", "sre", REF_MS - DAY)]);
  }
  // Synced from the IdP with a title and department: the 30-day log is held; cut to 14 days a weak activity-schedule fires and the on-call hold no longer applies.
  it("an IdP-synced engineer in a 14-day log is not `bot`", () => {
    expect(runsWith("bot", SEEDS, "sre", (s) => onCall(s, {}, [lastDays(14)]))).toEqual([]);
  });
  // The same engineer on a source that does not record who the IdP manages.
  it("an engineer with a full profile on a source without IdP management, in a 14-day log, is not `bot`", () => {
    expect(runsWith("bot", SEEDS, "sre", (s) => onCall(s, { managementSource: undefined }, [lastDays(14)]))).toEqual([]);
  });
  // Invited (a contractor on the rota) but with a title and department.
  it("an invited engineer with a full profile in a 10-day log is not `bot`", () => {
    expect(runsWith("bot", SEEDS, "sre", (s) => onCall(s, { managementSource: "invited" }, [lastDays(10)]))).toEqual([]);
  });
  // As above, with times jittered by 5-20 minutes.
  it("an invited engineer with a full profile in a 10-day log with jittered times is not `bot`", () => {
    expect(runsWith("bot", SEEDS, "sre", (s) => onCall(s, { managementSource: "invited" }, [jitter(5, 20), lastDays(10)]))).toEqual([]);
  });
  // Control: the whole month of the IdP-synced engineer is held.
  it("the control, an IdP-synced engineer over the whole month, is not `bot` (close call)", () => {
    expect(runsWith("bot", SEEDS, "sre", (s) => onCall(s, {}, []))).toEqual([]);
  });
});

describe("a contractor working from an IDE and a CLI beside a small job of their own", () => {
  const person = { name: "Tomasz Wójcik", email: "tomasz.wojcik@partner.example", ...INVITED };
  /** `ideDays` over the month, and the contractor's digest token: two calls at 06:00-06:03 on the days `on` allows, from `ip`. */
  function withDigest(seed: number, user: Raw, on: (day: number) => boolean, ip: string, changes: readonly Perturb[]): Snapshot {
    const r = lcg(seed);
    const events = ideDays(r, "d", 30);
    for (let d = 30; d >= 1; d--) {
      const day = REF_MS - d * DAY;
      if (!on(day)) continue;
      const t = day + 6 * HOUR + r() * 3 * MIN;
      events.push(tokenCall("d", Math.floor(t), "dig", ip, "python-requests/2.31"), tokenCall("d", Math.floor(t + 40_000), "dig", ip, "python-requests/2.31"));
    }
    return snap("ide-with-digest", [account("d", { ...person, ...user }), ...colleagues()], perturbed(events, seed, changes), [
      token("ide", "d", REF_MS - DAY, "intellij"),
      token("cli", "d", REF_MS - DAY),
      token("dig", "d", REF_MS - DAY, "digest"),
    ]);
  }
  // Control: the same daily digest with the web UI used 40 days ago is held as a person's own script.
  it("the control, the daily digest with the web UI used 40 days ago, is not `bot` (close call)", () => {
    expect(runsWith("bot", SEEDS, "d", (s) => withDigest(s, lastUi(40), () => true, CLOUD, [drop(0.3)]))).toEqual([]);
  });
});
