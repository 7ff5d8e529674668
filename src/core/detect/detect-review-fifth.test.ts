// People the audit could call `bot` in situations of a large org: given names that are automation
// words, a freelancer behind a VPN with cloud exits, an external user's short session with an
// email code at every sign-in, an engineer on call every night, and a contractor whose token a
// teammate's script uses. Each test runs several instances with jitter and asserts the verdict.
import { describe, expect, it } from "vitest";
import type { Snapshot } from "../snapshot/schema.js";
import { account, dropIns, BROWSER, CLOUD, DAY, EMPTY, ev, alwaysOnCallEvents, explain, findingOf, runsWith, HOUR, iso, isWeekend, lcg, MIN, OFFICE, REF_MS, snap, token, tokenCall, type Raw } from "../../../test/helpers/people-audit.js";

const INVITED = { managementSource: "invited", ...EMPTY };
const lastUi = (daysAgo: number | null): Raw => ({ productAccess: [{ key: "jira-software", id: "ari:jira", lastActiveTimestamp: daysAgo === null ? null : iso(REF_MS - daysAgo * DAY) }] });
const ANDROID = "Jira/5.14.0 (Android 14; Pixel 8)";
const HOME = "203.0.113.40";
const MOBILE_BROWSER = "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0 Mobile Safari/537.36";

describe("a translator whose given name is an automation word", () => {
  // An invited freelance translator syncs Confluence pages with a translation tool (MemoQ) through
  // a personal token a few times in three weeks, at any time of the day, and never opens the web
  // UI. The given name is a word of `namePatterns`: `Ci` (a Chinese given name, pinyin) or `Api`
  // (an Indonesian one), and the mailbox is given name first.
  function translator(name: string, email: string, seed: number, user: Raw = {}, ui: number | null = null): Snapshot {
    const r = lcg(seed);
    const events: Raw[] = [];
    const calls = 4 + Math.floor(r() * 6);
    for (let k = 0; k < calls; k++) {
      const day = REF_MS - (1 + Math.floor(r() * 20)) * DAY;
      events.push(tokenCall("t", day + (1 + Math.floor(r() * 9)) * HOUR + Math.floor(r() * 60) * MIN, "tk", HOME, "MemoQ/10.2"));
    }
    return snap(`translator-${seed}`, [account("t", { name, email, ...INVITED, ...lastUi(ui), ...user })], events, [token("tk", "t", REF_MS - DAY, "memoq")]);
  }

  // Ci Liu <ci.liu@>: the leading `ci` makes the name a machine's, which lifts the "no machine
  // evidence" hold on an account with a token and no UI.
  it("Ci Liu <ci.liu@> who never used the web UI is not `bot`", () => {
    expect(runsWith("bot", [1, 2, 3, 4, 5], "t", (seed) => translator("Ci Liu", "ci.liu@lingua-partner.cn", seed))).toEqual([]);
  });

  // The same after a first project in the web UI four months ago: `departed-with-live-token` too.
  it("Ci Liu <ci.liu@> who last used the web UI four months ago is not `bot`", () => {
    expect(runsWith("bot", [1, 2, 3, 4, 5], "t", (seed) => translator("Ci Liu", "ci.liu@lingua-partner.cn", seed, {}, 120))).toEqual([]);
  });

  // Two-step verification on, which no script answers, does not hold it back either.
  it("Ci Liu <ci.liu@> with two-step verification on is not `bot`", () => {
    expect(runsWith("bot", [1, 2, 3], "t", (seed) => translator("Ci Liu", "ci.liu@lingua-partner.cn", seed, { mfaEnabled: true }))).toEqual([]);
  });

  it("Api Nugroho <api.nugroho@> is not `bot`", () => {
    expect(runsWith("bot", [1, 2, 3], "t", (seed) => translator("Api Nugroho", "api.nugroho@acme.co.id", seed))).toEqual([]);
  });

  // A close call that holds today: the same person with a mailbox of initials and surname (`cliu@`)
  // is reviewed, not migrated.
  it("the control, Ci Liu <cliu@>, is reviewed, never `bot`", () => {
    for (const seed of [1, 2, 3]) {
      const f = findingOf(translator("Ci Liu", "cliu@lingua-partner.cn", seed), "t");
      expect(f.verdict, explain(f)).toBe("likely-bot");
    }
  });

  // Busier: on about two days in three, a sitting of a few calls at any hour (evenings and
  // weekends included, as freelancers work), enough to time.
  it("Ci Liu <ci.liu@> who syncs on most days at changing hours is not `bot`", () => {
    const build = (seed: number): Snapshot => {
      const r = lcg(seed);
      const events: Raw[] = [];
      for (let d = 30; d >= 1; d--) {
        if (r() < 0.35) continue;
        const start = REF_MS - d * DAY + (1 + Math.floor(r() * 12)) * HOUR + Math.floor(r() * 60) * MIN;
        const calls = 2 + Math.floor(r() * 5);
        for (let k = 0; k < calls; k++) events.push(tokenCall("t", start + k * (10 + Math.floor(r() * 40)) * MIN, "tk", HOME, "MemoQ/10.2"));
      }
      return snap(`translator-busy-${seed}`, [account("t", { name: "Ci Liu", email: "ci.liu@lingua-partner.cn", ...INVITED, ...lastUi(null) })], events, [token("tk", "t", REF_MS - DAY, "memoq")]);
    };
    expect(runsWith("bot", [1, 2, 3, 4, 5], "t", build)).toEqual([]);
  });
});

describe("a freelance translator on a commercial VPN whose exit is in a cloud", () => {
  // An invited freelancer (no profile collected) translates through a desktop tool (Trados) with a
  // personal token and never opens the web UI. Works on most weekdays and some weekend days, one to
  // three sittings a day starting anywhere from 08:00 to midnight (some run past 01:00), behind a
  // VPN whose exit addresses are a cloud provider's. The cloud addresses are weak evidence, held back
  // on an account that pauses every night; a late worker's nights are not empty enough.
  function freelancer(seed: number, ip: string): Snapshot {
    const r = lcg(seed);
    const events: Raw[] = [];
    for (let d = 30; d >= 1; d--) {
      const day = REF_MS - d * DAY;
      if (isWeekend(day) ? r() < 0.6 : r() < 0.15) continue;
      const sittings = 1 + Math.floor(r() * 3);
      for (let s = 0; s < sittings; s++) {
        const start = day + (8 * 60 + Math.floor(r() * 16 * 60)) * MIN;
        const calls = 2 + Math.floor(r() * 6);
        for (let k = 0; k < calls; k++) events.push(tokenCall("fl", start + k * (5 + Math.floor(r() * 25)) * MIN, "tk", ip, "Trados/2024"));
      }
    }
    return snap(`vpn-freelancer-${seed}`, [account("fl", { name: "Lucía Fernández", email: "lucia.fernandez@traducciones.example", ...INVITED, ...lastUi(null) })], events, [token("tk", "fl", REF_MS - DAY, "trados")]);
  }

  it("across twelve months, the freelancer is never `bot`", () => {
    expect(runsWith("bot", [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12], "fl", (seed) => freelancer(seed, CLOUD))).toEqual([]);
  });

  // A close call that holds today: from a home line the same work has no machine evidence at all.
  it("the control, the same freelancer from a home line, is reviewed, never `bot`", () => {
    for (const seed of [5, 6, 8]) {
      const f = findingOf(freelancer(seed, HOME), "fl");
      expect(f.verdict, explain(f)).toBe("likely-bot");
    }
  });
});

describe("an external user who drops in many times a day under a 15-minute session", () => {
  // The external-user policy (accounts the org does not manage) ends each session after 15
  // minutes and verifies each new one by a code sent by email. A service-desk lead of a partner
  // company checks the queue `visits` times a workday at any time between 08:00 and 17:30: a
  // sign-in, its email code, and one to three comments within ten minutes.
  function lead(seed: number, visits: readonly [number, number], user: Raw): Snapshot {
    const events = dropIns(lcg(seed), "m", visits);
    return snap(`drop-in-${seed}`, [account("m", { name: "Hana Kobayashi", email: "hana.kobayashi@partner.example", ...lastUi(1), ...user })], events);
  }

  // Eight to eleven visits a day make a login flood and an OTP flood, and the short visits are no
  // long sittings, so the UI use is discounted: nothing holds a person at work in the UI back.
  it("an invited lead who visits eight to eleven times a workday is not `bot`", () => {
    expect(runsWith("bot", [1, 2, 3, 4, 5], "m", (seed) => lead(seed, [8, 11], INVITED))).toEqual([]);
  });

  it("the same lead on a source that says no IdP manages the account (null) is not `bot`", () => {
    expect(runsWith("bot", [1, 2, 3], "m", (seed) => lead(seed, [8, 11], { managementSource: null, ...EMPTY }))).toEqual([]);
  });

  // A close call that holds today: five to eight visits a day stay under the login flood.
  it("the control, five to eight visits a workday, is not `bot`", () => {
    expect(runsWith("bot", [1, 2, 3, 4, 5], "m", (seed) => lead(seed, [5, 8], INVITED))).toEqual([]);
  });
});

describe("an engineer on call every night, with no week off the rota", () => {
  // The one infrastructure engineer of a subsidiary is on call all the time: works 08:00-19:00 on
  // weekdays through a CLI (a personal token) after a browser sign-in, and is paged one to three
  // times a day at any hour, weekends included, each page a sign-in from the phone and a few CLI
  // calls from home. IdP-synced, full profile. The on-call hold needs a week at rest every night,
  // which never comes.
  function engineer(seed: number, ui: number, phone: string): Snapshot {
    return snap(`always-on-call-${seed}`, [account("sre", { name: "Tomas Lindqvist", ...lastUi(ui) })], alwaysOnCallEvents(seed, phone, HOME), [token("tk", "sre", REF_MS - DAY)]);
  }

  // The phone signs in to the on-call tool; the Jira web UI was last used 40 days ago.
  it("across ten months, an IdP-synced engineer with a full profile is never `bot`", () => {
    expect(runsWith("bot", [1, 2, 3, 4, 5, 6, 7, 8, 9, 10], "sre", (seed) => engineer(seed, 40, MOBILE_BROWSER))).toEqual([]);
  });

  // The pages are answered in the Jira Android app, so the product was in use yesterday; the
  // sign-ins round the clock discount that use as a machine's.
  it("across ten months, the same engineer answering pages in the Jira app is never `bot`", () => {
    expect(runsWith("bot", [1, 2, 3, 4, 5, 6, 7, 8, 9, 10], "sre", (seed) => engineer(seed, 1, ANDROID))).toEqual([]);
  });
});

describe("a contractor on leave whose token a teammate's script uses", () => {
  // An invited contractor (no profile collected) worked in the UI every weekday until 36 days ago
  // (a browser sign-in each morning, updates until 17:00, some through a CLI with a personal
  // token), then went on five weeks' leave. A teammate's script has called the API with the
  // contractor's token from the team's cloud CI since 50 days ago: every hour, or once a night at
  // 02:00. The log shows the contractor's own sign-ins; migrating the account would suspend it.
  function contractor(seed: number, nightly: boolean): Snapshot {
    const r = lcg(seed);
    const events: Raw[] = [];
    for (let d = 60; d >= 1; d--) {
      const day = REF_MS - d * DAY;
      if (d > 35 && !isWeekend(day)) {
        const start = day + (8 * 60 + Math.floor(r() * 60)) * MIN;
        events.push(ev("p", start, { ip: OFFICE, userAgent: BROWSER }));
        for (let t = start + 5 * MIN; t < day + 17 * HOUR; t += (10 + Math.floor(r() * 50)) * MIN) events.push(r() < 0.3 ? tokenCall("p", t) : ev("p", t, { action: "issue_updated", ip: OFFICE, userAgent: BROWSER }));
      }
      if (d > 50) continue;
      if (nightly) events.push(tokenCall("p", day + 2 * HOUR + Math.floor(r() * 120) * 1000, "tk", CLOUD, "python-requests/2.32"));
      else for (let h = 0; h < 24; h++) events.push(tokenCall("p", day + h * HOUR + 7 * MIN + Math.floor(r() * 60) * 1000, "tk", CLOUD, "python-requests/2.32"));
    }
    return snap(`leave-${nightly ? "nightly" : "hourly"}-${seed}`, [account("p", { name: "Emma Schmidt", ...INVITED, ...lastUi(36) })], events, [token("tk", "p", REF_MS - DAY)]);
  }

  it("an hourly script on the token does not make the contractor's account `bot`", () => {
    expect(runsWith("bot", [1, 2, 3], "p", (seed) => contractor(seed, false))).toEqual([]);
  });

  it("a nightly script on the token does not make the contractor's account `bot`", () => {
    expect(runsWith("bot", [1, 2, 3], "p", (seed) => contractor(seed, true))).toEqual([]);
  });
});

describe("a contractor's IDE left open, polling with their token day and night", () => {
  // An invited contractor signs in each working morning; the IDE's Jira plugin polls every ten
  // minutes with their personal token, and the machine is left running over nights and weekends.
  const IDE = "IntelliJ IDEA/2024.2 (Atlassian plugin 3.1)";
  function contractor(seed: number, signInAtWeekends: boolean): Snapshot {
    const r = lcg(seed * 77);
    const events: Raw[] = [];
    let lastTok = 0;
    let lastUiMs = 0;
    for (let d = 60; d >= 1; d--) {
      const day = REF_MS - d * DAY;
      if (!isWeekend(day) || signInAtWeekends) {
        const start = day + 8 * HOUR + r() * 90 * MIN;
        events.push(ev("c", start, { ip: OFFICE, userAgent: BROWSER }));
        lastUiMs = start + HOUR;
      }
      for (let t = day; t < day + DAY; t += 10 * MIN) {
        events.push(tokenCall("c", t + r() * 20_000, "tk", OFFICE, IDE));
        lastTok = t;
      }
    }
    const u = account("c", { name: "Piotr Nowak", email: "piotr.nowak@contractor.example", ...INVITED, productAccess: [{ key: "jira-software", id: "ari:jira", lastActiveTimestamp: iso(lastUiMs) }] });
    return snap(`ide-open-${seed}`, [u], events, [token("tk", "c", lastTok, "IntelliJ")]);
  }

  it("is reviewed, never `bot`, whether or not they sign in at weekends", () => {
    expect(runsWith("bot", [1, 2, 3, 4], "c", (seed) => contractor(seed, false))).toEqual([]);
    expect(runsWith("bot", [1, 2, 3, 4], "c", (seed) => contractor(seed, true))).toEqual([]);
    expect(findingOf(contractor(1, false), "c").verdict).toBe("likely-bot");
  });
});
