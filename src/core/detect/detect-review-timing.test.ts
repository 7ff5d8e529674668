// People whose timing the rules could misread: a contractor who works through a CLI on every day
// of the week with a few calls an hour, a developer whose IDE polls Jira while the laptop is open
// (weekends included), an engineer on call who is paged at night, a manager who checks the phone
// app from morning to midnight, and shift workers. Each test asserts the right verdict.
import { describe, expect, it } from "vitest";
import type { Snapshot } from "../snapshot/schema.js";
import { account, BROWSER, DAY, EMPTY, ev, explain, findingOf, HOUR, ideAtHomeEvents, iso, isWeekend, lcg, MIN, OFFICE, REF_MS, snap, token, tokenCall, type Raw } from "../../../test/helpers/people-audit.js";

const INVITED = { managementSource: "invited", ...EMPTY };
const lastUi = (daysAgo: number | null): Raw => ({ productAccess: [{ key: "jira-software", id: "ari:jira", lastActiveTimestamp: daysAgo === null ? null : iso(REF_MS - daysAgo * DAY) }] });

describe("a contractor who works through a CLI on every day of the week", () => {
  // Invited, no profile collected, has not opened the web UI for two months. Works 08:30-18:00 on
  // weekdays and an hour or three late on Saturday and Sunday mornings, resting every night. Each
  // CLI call is one event; `step` is the time between calls in minutes.
  function contractor(name: string, seed: number, step: readonly [number, number]): Snapshot {
    const r = lcg(seed);
    const events: Raw[] = [];
    for (let d = 30; d >= 1; d--) {
      const day = REF_MS - d * DAY;
      const weekend = isWeekend(day);
      const from = day + ((weekend ? 10.5 : 8.5) * 60 + Math.floor(r() * 90)) * MIN;
      const to = weekend ? from + (60 + r() * 120) * MIN : day + (17 * 60 + Math.floor(r() * 90)) * MIN;
      for (let t = from; t < to; t += (step[0] + Math.floor(r() * (step[1] - step[0]))) * MIN) events.push(tokenCall("c", t, "tk", OFFICE));
    }
    return snap(name, [account("c", { ...INVITED, ...lastUi(60) })], events, [token("tk", "c", REF_MS - DAY)]);
  }

  it("the control, a call every few minutes, is held for review: its days start at changing times", () => {
    const f = findingOf(contractor("seven-days-dense", 1, [2, 20]), "c");
    expect(f.verdict, explain(f)).toBe("likely-bot");
  });

  // A call every 15 to 60 minutes: each call after a silence of 30 minutes starts a "burst", so
  // bursts start all day long and some 30-minute window of the day holds one on most days.
  for (const seed of [1, 2, 3]) {
    it(`the same contractor with a call every 15-60 minutes (run ${seed}) is not \`bot\`: mid-day bursts are no schedule`, () => {
      const f = findingOf(contractor(`seven-days-sparse-${seed}`, seed, [15, 60]), "c");
      expect(f.verdict, explain(f)).not.toBe("bot");
    });
  }
});

describe("a developer whose IDE polls Jira while the laptop is open, weekends included", () => {
  // The IDE's task integration refreshes the developer's issues every 10 minutes through a personal
  // token while the laptop is open: 08:00 to 22:00 on weekdays (lunch and evenings included), and
  // from about 11:00 to 14:00 on the weekend days the developer opens it. No web UI for two months.
  function developer(name: string, user: Raw, weekendShare: number): Snapshot {
    const events = ideAtHomeEvents(lcg(3), weekendShare);
    return snap(name, [account("dev", { ...lastUi(60), ...user })], events, [token("ide", "dev", REF_MS - DAY, "intellij")]);
  }

  it("the control, weekdays only, is not `bot`", () => {
    const f = findingOf(developer("ide-weekdays", INVITED, 0), "dev");
    expect(f.verdict, explain(f)).not.toBe("bot");
  });

  it("an IdP-synced engineer with a full profile and 2SV who opens the laptop every weekend is not `bot`", () => {
    const f = findingOf(developer("ide-every-weekend-synced", { mfaEnabled: true }, 1), "dev");
    expect(f.verdict, explain(f)).not.toBe("bot");
  });

});

describe("an engineer on call, paged at night every other week", () => {
  // An SRE signs in every weekday morning between 08:00 and 09:30 and works until the evening,
  // half through a CLI; unless said otherwise the Jira web UI was last used 40 days ago (the
  // sign-ins are for the on-call tool). In on-call weeks (every other week), three pages a day at
  // any hour, weekends included, each a sign-in and a few CLI calls from home. `seed` draws the
  // times.
  function sre(name: string, user: Raw, seed = 11): Snapshot {
    const r = lcg(seed);
    const home = "203.0.113.9";
    const events: Raw[] = [];
    for (let d = 30; d >= 1; d--) {
      const day = REF_MS - d * DAY;
      if (!isWeekend(day)) {
        const start = day + (8 * 60 + Math.floor(r() * 90)) * MIN;
        events.push(ev("sre", start, { ip: OFFICE, userAgent: BROWSER }));
        const end = day + (18 * 60 + Math.floor(r() * 60)) * MIN;
        for (let t = start + 5 * MIN; t < end; t += (5 + Math.floor(r() * 50)) * MIN) events.push(r() < 0.5 ? tokenCall("sre", t) : ev("sre", t, { action: "issue_updated", ip: OFFICE, userAgent: BROWSER }));
      }
      if (Math.floor(d / 7) % 2 === 0) {
        for (let k = 0; k < 3; k++) {
          const page = day + Math.floor(r() * 24 * 60) * MIN;
          events.push(ev("sre", page, { ip: home, userAgent: BROWSER }));
          for (let i = 1; i < 6; i++) events.push(tokenCall("sre", page + i * 3 * MIN, "tk", home));
        }
      }
    }
    return snap(name, [account("sre", { ...lastUi(40), ...user })], events, [token("tk", "sre", REF_MS - DAY)]);
  }

  it("the control, an invited contractor on a quiet rota, is not `bot`", () => {
    const f = findingOf(sre("on-call-invited-quiet", INVITED, 11), "sre");
    expect(f.verdict, explain(f)).not.toBe("bot");
  });

  it("an invited contractor is not `bot`: four of 69 sign-ins within five minutes of each other, one on a weekend, are chance", () => {
    const f = findingOf(sre("on-call-invited-chance", INVITED, 8), "sre");
    expect(f.verdict, explain(f)).not.toBe("bot");
  });

  it("an invited contractor paged on both weekends of an on-call week is not `bot`: the weekday mornings are a person's start of work", () => {
    const f = findingOf(sre("on-call-invited-weekends", INVITED, 3), "sre");
    expect(f.verdict, explain(f)).not.toBe("bot");
  });

  it("across twenty rotas, an invited contractor on call is never `bot`", () => {
    const bots: string[] = [];
    for (let seed = 1; seed <= 20; seed++) {
      const f = findingOf(sre(`on-call-invited-${seed}`, INVITED, seed), "sre");
      if (f.verdict === "bot") bots.push(`run ${seed}: ${explain(f)}`);
    }
    expect(bots).toEqual([]);
  });

  it("an IdP-synced engineer with a full profile, across sixty rotas, is never `bot`: a week of work at rest every night is no job's", () => {
    const bots: string[] = [];
    for (let seed = 1; seed <= 60; seed++) {
      const f = findingOf(sre(`on-call-synced-${seed}`, {}, seed), "sre");
      if (f.verdict === "bot") bots.push(`run ${seed}: ${explain(f)}`);
    }
    expect(bots).toEqual([]);
  });
});

describe("a manager who checks Jira on the phone every day, weekends included", () => {
  // A manager (IdP-synced with a full profile unless said otherwise) works in the Jira web UI on
  // weekdays (sign-in at 08:00-09:00, updates until 18:00) and opens the mobile app two to five
  // times a day at any time from 06:30 to 00:30, every day of the week; the app signs in again now
  // and then. No API token at all.
  const MOBILE = "Jira/5.2 (iPhone; iOS 17.4)";
  function manager(name: string, seed: number, user: Raw = {}): Snapshot {
    const r = lcg(seed);
    const phone = "198.51.100.7";
    const events: Raw[] = [];
    for (let d = 30; d >= 1; d--) {
      const day = REF_MS - d * DAY;
      if (!isWeekend(day)) {
        const start = day + (8 * 60 + Math.floor(r() * 60)) * MIN;
        events.push(ev("mgr", start, { ip: OFFICE, userAgent: BROWSER }));
        for (let t = start + 5 * MIN; t < day + 18 * HOUR; t += (10 + Math.floor(r() * 50)) * MIN) events.push(ev("mgr", t, { action: "issue_updated", ip: OFFICE, userAgent: BROWSER }));
      }
      const checks = 2 + Math.floor(r() * 4);
      for (let k = 0; k < checks; k++) {
        const t = day + (6.5 * 60 + Math.floor(r() * 18 * 60)) * MIN;
        if (r() < 0.4) events.push(ev("mgr", t, { ip: phone, userAgent: MOBILE }));
        events.push(ev("mgr", t + MIN, { action: "issue_viewed", ip: phone, userAgent: MOBILE }));
      }
    }
    return snap(name, [account("mgr", user)], events);
  }

  // In 50 of 60 such months the manager is sent to review as `script-in-use` (every-day, and in
  // some also round-the-clock sign-ins, which then discount the UI use).
  for (const seed of [12, 20]) {
    it(`is not \`bot\` (run ${seed}): a phone checked every day is no job`, () => {
      const f = findingOf(manager(`mobile-manager-${seed}`, seed), "mgr");
      expect(f.verdict, explain(f)).not.toBe("bot");
    });
  }
  // Without a profile nothing offsets the timing: sign-ins over 18 hours of the day and no 13-hour
  // rest discount the UI use, and every-day with login-round-the-clock make two strong rules.
  for (const seed of [1, 7]) {
    it(`an invited contractor (no profile) in the web UI yesterday is not \`bot\` (run ${seed})`, () => {
      const f = findingOf(manager(`mobile-invited-${seed}`, seed, INVITED), "mgr");
      expect(f.verdict, explain(f)).not.toBe("bot");
    });
  }

  it("on a source that records no identity provider or profile, the same person is not `bot`", () => {
    const f = findingOf(manager("mobile-silent-source", 7, { managementSource: undefined, jobTitle: undefined, department: undefined, picture: undefined }), "mgr");
    expect(f.verdict, explain(f)).not.toBe("bot");
  });

  it("across twenty months, an invited contractor with the phone app is never `bot`", () => {
    const bots: string[] = [];
    for (let seed = 1; seed <= 20; seed++) {
      const f = findingOf(manager(`mobile-invited-${seed}`, seed, INVITED), "mgr");
      if (f.verdict === "bot") bots.push(`run ${seed}: ${explain(f)}`);
    }
    expect(bots).toEqual([]);
  });
});

describe("a person whose product activity the source leaves empty, while the log shows the UI in use", () => {
  // The inventory has no last-active date for the person's product (null), but the audit log shows
  // a browser sign-in every weekday and most of the day's updates made in the browser; the rest
  // go through a CLI with a personal token. IdP-synced, full profile.
  it("an IdP-synced employee with a full profile is not `bot`", () => {
    const r = lcg(5);
    const events: Raw[] = [];
    for (let d = 30; d >= 1; d--) {
      const day = REF_MS - d * DAY;
      if (isWeekend(day)) continue;
      const start = day + (8 * 60 + Math.floor(r() * 60)) * MIN;
      events.push(ev("p", start, { ip: OFFICE, userAgent: BROWSER }));
      for (let t = start + 7 * MIN; t < day + 17 * HOUR; t += (10 + Math.floor(r() * 50)) * MIN) events.push(r() < 0.3 ? tokenCall("p", t) : ev("p", t, { action: "issue_updated", ip: OFFICE, userAgent: BROWSER }));
    }
    const f = findingOf(snap("ui-null-with-browser-work", [account("p", lastUi(null))], events, [token("tk", "p", REF_MS - DAY)]), "p");
    expect(f.verdict, explain(f)).not.toBe("bot");
  });
});

describe("a support agent on 12-hour shifts that include weekends", () => {
  // An invited agent on a 2-2-3 rota (two days on, two off, three on, over two weeks) starts each
  // 12-hour shift at 07:00-07:20 with a sign-in and works tickets in the web UI until 19:00,
  // weekends included. A shift's fixed start is the rota's, not a scheduler's.
  it("is not `bot` while working in the UI every shift", () => {
    const r = lcg(1);
    const onDuty = [1, 1, 0, 0, 1, 1, 1, 0, 0, 1, 1, 0, 0, 0];
    const events: Raw[] = [];
    for (let d = 42; d >= 1; d--) {
      if (!onDuty[d % 14]) continue;
      const start = REF_MS - d * DAY + (7 * 60 + Math.floor(r() * 20)) * MIN;
      events.push(ev("agent", start, { ip: OFFICE, userAgent: BROWSER }));
      for (let t = start + 3 * MIN; t < start + 12 * HOUR; t += (3 + Math.floor(r() * 25)) * MIN) events.push(ev("agent", t, { action: "issue_updated", ip: OFFICE, userAgent: BROWSER }));
    }
    const f = findingOf(snap("pitman-day-shift", [account("agent", INVITED)], events), "agent");
    expect(f.verdict, explain(f)).not.toBe("bot");
  });
});
