// Accounts at the edges of the session-length, working-week, person's-token and clock-change
// reasoning: robots that work for a long time after each sign-in, timers slower than a day,
// people with more than two tokens, and names that write a product surname first. Each test
// asserts the right verdict.
import { describe, expect, it } from "vitest";
import { snapshotSchema, type Snapshot } from "../snapshot/schema.js";
import { account, BROWSER, CLOUD, DAY, EMPTY, ev, explain, findingOf, HOUR, iso, isWeekend, lcg, MIN, OFFICE, rawSnapshot, REF_MS, snap, token, tokenCall, type Raw } from "../../../test/helpers/people-audit.js";

const signIn = (actorId: string, ms: number, ua = BROWSER, ip = OFFICE): Raw[] => [
  ev(actorId, ms, { ip, userAgent: ua }),
  ev(actorId, ms + 20_000, { action: "user_email_otp_challenge", ip, userAgent: ua }),
];

const HEADLESS = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/130.0 Safari/537.36";
const nobody = (id: string, extra: Raw = {}): Raw => account(id, { name: "Dana Lima", email: "dana.lima@acme.com", managementSource: "invited", ...EMPTY, ...extra });

describe("robots that work for a long time after each sign-in", () => {
  it("a headless browser that signs in every hour of the working day, answers an OTP each time and works through a queue for 40 minutes is not `human`", () => {
    // The queue worker: sign-in on the hour 07:00-17:00 UTC every weekday, steps 3 to 45 minutes later.
    const r = lcg(5);
    const events: Raw[] = [];
    for (let d = 21; d >= 1; d--) {
      const day = REF_MS - d * DAY;
      if (isWeekend(day)) continue;
      for (let h = 7; h <= 17; h++) {
        const at = day + h * HOUR + Math.floor(r() * 40) * 1000;
        events.push(...signIn("rpa", at, HEADLESS, CLOUD));
        for (const m of [3, 17, 26, 34, 45]) events.push(ev("rpa", at + (m + Math.floor(r() * 4)) * MIN, { action: "issue_updated", ip: CLOUD, userAgent: HEADLESS }));
      }
    }
    const f = findingOf(snap("hourly-queue-worker", [nobody("rpa")], events), "rpa");
    expect(f.verdict, explain(f)).not.toBe("human");
  });

  it("a headless browser from the cloud re-challenged by email at every 1-hour session expiry, 11 times a day, working a queue in business hours, is not `human`", () => {
    // No timetable: it signs in again at the first step after its session ends, as a person
    // under a short session would; but no person answers eleven OTP challenges a day, every day.
    const r = lcg(11);
    const events: Raw[] = [];
    for (let d = 21; d >= 1; d--) {
      const day = REF_MS - d * DAY;
      if (isWeekend(day)) continue;
      let sessionEnd = -1;
      for (let t = day + 7 * HOUR + Math.floor(r() * 20) * MIN; t < day + 18 * HOUR; t += (2 + Math.floor(r() * 10)) * MIN + Math.floor(r() * 60) * 1000) {
        if (t >= sessionEnd) {
          events.push(...signIn("rpa", t - 40_000, HEADLESS, CLOUD));
          sessionEnd = t - 40_000 + HOUR;
        }
        events.push(ev("rpa", t, { action: "issue_updated", ip: CLOUD, userAgent: HEADLESS }));
      }
    }
    const f = findingOf(snap("session-expiry-headless", [nobody("rpa")], events), "rpa");
    expect(f.verdict, explain(f)).not.toBe("human");
  });

  it("a headless browser that signs in at 06:00 to the minute every day of the week, weekends too, and works tickets until the evening is `bot`", () => {
    // A daily beat that the weekends keep is a timer's, however long the work after it.
    const r = lcg(7);
    const events: Raw[] = [];
    for (let d = 28; d >= 1; d--) {
      const day = REF_MS - d * DAY;
      const at = day + 6 * HOUR + Math.floor(r() * 60) * 1000;
      events.push(...signIn("rpa", at, HEADLESS, CLOUD));
      for (let t = at + (20 + Math.floor(r() * 40)) * MIN; t < day + 18 * HOUR; t += (20 + Math.floor(r() * 100)) * MIN) events.push(ev("rpa", t, { action: "issue_transitioned", ip: CLOUD, userAgent: HEADLESS }));
    }
    const f = findingOf(snap("daily-login-all-week", [nobody("rpa")], events), "rpa");
    // Its work goes on for hours after the sign-in, as a person's does, so the UI use is not
    // explained away: reviewed rather than migrated.
    expect(f.signals.map((x) => x.id), explain(f)).toContain("login-fixed-cadence");
    expect(f.verdict, explain(f)).toBe("likely-bot");
  });
});

describe("a browser robot that signs in every two hours on the dot and works a queue in between", () => {
  // 07:00, 09:00 ... 17:00 UTC within half a minute, every weekday, an email code each time, and
  // steps 3 to 16 minutes apart until the next sign-in.
  function robot(name: string, ip: string, userAgent: string): Snapshot {
    const r = lcg(13);
    const events: Raw[] = [];
    for (let d = 21; d >= 1; d--) {
      const day = REF_MS - d * DAY;
      if (isWeekend(day)) continue;
      for (let h = 7; h <= 17; h += 2) {
        const at = day + h * HOUR + Math.floor(r() * 30) * 1000;
        events.push(...signIn("rpa", at, userAgent, ip));
        for (let t = at + (3 + Math.floor(r() * 12)) * MIN; t < at + 2 * HOUR - 2 * MIN; t += (3 + Math.floor(r() * 13)) * MIN + Math.floor(r() * 60) * 1000) events.push(ev("rpa", t, { action: "issue_transitioned", ip, userAgent }));
      }
    }
    return snap(name, [nobody("rpa")], events);
  }

  it("a headless browser in the cloud is not `human`", () => {
    const f = findingOf(robot("two-hourly-headless", CLOUD, HEADLESS), "rpa");
    expect(f.verdict, explain(f)).not.toBe("human");
  });

  it("an RPA tool driving an ordinary browser on an office VM is not `human` either: no person's sessions end to the second", () => {
    const f = findingOf(robot("two-hourly-office-rpa", OFFICE, BROWSER), "rpa");
    expect(f.verdict, explain(f)).not.toBe("human");
  });
});

describe("timers slower than a day and a half", () => {
  it("a headless browser that signs in every 48 hours to the minute at 03:00 UTC, weekends included, is `bot`", () => {
    // No session length makes a person sign in at 03:00 on a Sunday.
    const events: Raw[] = [];
    for (let d = 40; d >= 1; d -= 2) {
      const at = REF_MS - d * DAY + 3 * HOUR + ((d * 7) % 30) * 1000;
      events.push(...signIn("rpa", at, HEADLESS, CLOUD));
      events.push(ev("rpa", at + 60_000, { action: "issue_updated", ip: CLOUD, userAgent: HEADLESS }));
    }
    const f = findingOf(snap("every-48h", [nobody("rpa")], events), "rpa");
    // A beat slower than a day and a half is what a session length makes of a person's sign-ins:
    // reviewed, on its schedule, rather than migrated.
    expect(f.verdict, explain(f)).toBe("likely-bot");
  });
});

describe("one fixed time of day is no timetable, on either side of a clock change", () => {
  // A team lead who opens the team's board every working morning at 08:55-09:05 UTC and
  // approves what waits there within a few minutes: one sign-in a day at one time, short
  // sittings. The snapshot's eight weeks hold south-east Australia's change (4 October) in their
  // middle, and the EU's; the lead's time does not move with either.
  function lead(name: string, user: Raw, ip = OFFICE): Snapshot {
    const r = lcg(31);
    const events: Raw[] = [];
    for (let d = 56; d >= 1; d--) {
      const day = REF_MS - d * DAY;
      if (isWeekend(day)) continue;
      const at = day + (8 * 60 + 55) * MIN + Math.floor(r() * 10 * 60) * 1000;
      events.push(...signIn("lead", at, BROWSER, ip));
      for (let k = 1; k <= 2; k++) events.push(ev("lead", at + (k * 2 + Math.floor(r() * 3)) * MIN, { action: "issue_transitioned", ip, userAgent: BROWSER }));
    }
    return snap(name, [account("lead", { name: "Ingrid Holm", email: "ingrid.holm@acme.com", ...user })], events);
  }

  it("an invited lead with no profile is not `bot`, and no second fixed time is made up for her", () => {
    const f = findingOf(lead("one-slot-invited", { managementSource: "invited", ...EMPTY }), "lead");
    expect(f.signals.map((x) => x.id), explain(f)).not.toContain("login-daily-slots");
    expect(f.verdict, explain(f)).not.toBe("bot");
  });

  it("the same lead on a cloud desktop (VDI) is not `bot`", () => {
    const f = findingOf(lead("one-slot-vdi", { managementSource: "invited", ...EMPTY }, CLOUD), "lead");
    expect(f.verdict, explain(f)).not.toBe("bot");
  });

  it("an IdP-synced lead with a full profile is `human`", () => {
    const f = findingOf(lead("one-slot-synced", {}), "lead");
    expect(f.verdict, explain(f)).toBe("human");
  });
});

describe("a weekly timer at night", () => {
  it("a headless browser in the cloud that signs in every Sunday at 03:00 to the minute for ten weeks is not `human`", () => {
    const events: Raw[] = [];
    for (let w = 10; w >= 1; w--) {
      const at = REF_MS - w * 7 * DAY + 3 * HOUR + ((w * 13) % 40) * 1000;
      events.push(...signIn("rpa", at, HEADLESS, CLOUD));
      for (let k = 1; k <= 3; k++) events.push(ev("rpa", at + k * MIN, { action: "issue_updated", ip: CLOUD, userAgent: HEADLESS }));
    }
    const f = findingOf(snap("weekly-sunday-night", [nobody("rpa")], events), "rpa");
    expect(f.verdict, explain(f)).not.toBe("human");
  });
});

describe("a person with more than two tokens", () => {
  // The engineer of the nightly-script case, who also tried a third token once, before the others.
  function engineer(name: string, tried: boolean, untagged: false | "cli" | "all" = false): Snapshot {
    const r = lcg(23);
    const events: Raw[] = [];
    if (tried) events.push(tokenCall("eng", REF_MS - 36 * DAY + 10 * HOUR, "trial", OFFICE, "curl/8.5"));
    for (let d = 35; d >= 1; d--) {
      const day = REF_MS - d * DAY;
      for (let k = 0; k < 3; k++) events.push(tokenCall("eng", day + 2 * HOUR + (k * 30 + Math.floor(r() * 20)) * 1000, untagged === "all" ? undefined : "nightly", OFFICE, "python-requests/2.32"));
      if (isWeekend(day)) continue;
      for (let t = day + (8 * 60 + 30 + Math.floor(r() * 60)) * MIN; t < day + 17 * HOUR; t += (30 + Math.floor(r() * 90)) * MIN) events.push(tokenCall("eng", t, untagged === false ? "cli" : undefined));
    }
    const u = account("eng", { name: "Ana Costa", managementSource: "invited", ...EMPTY, productAccess: [{ key: "jira-software", id: "j", lastActiveTimestamp: iso(REF_MS - 35 * DAY) }] });
    return snap(name, [u], events, [token("trial", "eng", REF_MS - 36 * DAY), token("nightly", "eng", REF_MS - DAY + 2 * HOUR, "export"), token("cli", "eng", REF_MS - 2 * DAY)]);
  }

  it("the control, two tokens, is not `bot`", () => {
    const f = findingOf(engineer("person-token-control", false), "eng");
    expect(f.verdict, explain(f)).not.toBe("bot");
  });

  it("a token tried once before the other two does not hide the person's working-hours token", () => {
    const f = findingOf(engineer("person-token-tried-first", true), "eng");
    expect(f.verdict, explain(f)).not.toBe("bot");
  });

  it("CLI calls whose events carry no token id do not make the person's script account `bot`", () => {
    const f = findingOf(engineer("person-token-untagged-cli", false, "cli"), "eng");
    expect(f.verdict, explain(f)).not.toBe("bot");
  });

});

describe("a support agent under a short session expiration, who works a step every few minutes", () => {
  // The contractor of the session-expiry cases, answering tickets all day: a step every 2 to 12
  // minutes from a punctual start, a new session (and email code) at the first step after each
  // expiry. The sign-ins then fall near the same times each day.
  function agent(name: string, sessionMinutes: number, seed: number): Snapshot {
    const r = lcg(seed);
    const events: Raw[] = [];
    for (let d = 28; d >= 1; d--) {
      const day = REF_MS - d * DAY;
      if (isWeekend(day)) continue;
      let expires = 0;
      for (let t = day + (8 * 60 + Math.floor(r() * 20)) * MIN; t < day + 17 * HOUR; t += (2 + Math.floor(r() * 10)) * MIN + Math.floor(r() * 60) * 1000) {
        if (t >= expires) {
          events.push(...signIn("x", t - 40_000));
          expires = t - 40_000 + sessionMinutes * MIN;
        }
        events.push(ev("x", t, { action: "issue_updated", ip: OFFICE, userAgent: BROWSER }));
      }
    }
    return snap(name, [account("x", { name: "Marek Nowak", email: "marek.nowak@partner.example", managementSource: null, ...EMPTY })], events);
  }
  for (const minutes of [30, 60, 120]) {
    for (const seed of [11, 12, 13]) {
      it(`a ${minutes}-minute session (run ${seed}) does not make the agent \`bot\``, () => {
        const f = findingOf(agent(`agent-session-${minutes}-${seed}`, minutes, seed), "x");
        expect(f.verdict, explain(f)).not.toBe("bot");
      });
    }
  }
});

describe("integrations named after their product, in one capitalised word", () => {
  // A no-code integration platform's connection: a token used from the cloud a few times a
  // week, no UI ever, no profile, invited rather than provisioned.
  function integration(name: string, displayName: string, email: string): Snapshot {
    const events: Raw[] = [];
    for (const d of [12, 9, 6, 5, 2, 1]) events.push(tokenCall("int", REF_MS - d * DAY + 3 * HOUR + d * MIN, "tk", CLOUD, "axios/1.7.2"));
    const u = account("int", { name: displayName, email, managementSource: "invited", ...EMPTY, productAccess: [{ key: "jira-software", id: "j", lastActiveTimestamp: null }] });
    return snap(name, [u], events, [token("tk", "int", REF_MS - DAY, "connector")]);
  }
  for (const [displayName, email] of [
    ["workato", "workato@acme.com"],
    ["Workato", "workato@acme.com"],
    ["Tableau", "tableau@acme.com"],
    ["Zapier", "zapier@acme.com"],
    // The kind of account first and the product second, as some orgs name them: no person's
    // name written surname first, though every word of the mailbox is one of the display name's.
    ["Salesforce Integration", "integration.salesforce@acme.com"],
    ["Jira Bot", "bot.jira@acme.com"],
    ["Tableau Sync", "sync.tableau@acme.com"],
  ] as const) {
    it(`\`${displayName}\` <${email}> is at least reviewed`, () => {
      const f = findingOf(integration(`product-${displayName.replace(/\W+/g, "-")}`, displayName, email), "int");
      // A capitalised word may be a person's one name, and a mailbox of the display name's words
      // with the last first may be a person's written surname first: without timing, either is
      // reviewed rather than migrated.
      expect(f.verdict, explain(f)).not.toBe("human");
    });
  }
});

describe("robots on a local timetable across each rule's daylight-saving change", () => {
  // 08:10, 12:10 and 16:10 local time on weekdays, two weeks before the zone's change and one
  // after, up to 7 minutes late: each UTC time alone holds two thirds of the sign-ins. The
  // evidence dates the change in UTC.
  const offsetMinutes = (zone: string, ms: number): number => {
    const name = new Intl.DateTimeFormat("en-US", { timeZone: zone, timeZoneName: "longOffset" }).formatToParts(ms).find((p) => p.type === "timeZoneName")?.value ?? "GMT";
    const m = /^GMT([+-])(\d{2}):(\d{2})$/.exec(name);
    return m === null ? 0 : (m[1] === "-" ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3]));
  };
  for (const [zone, change, day] of [
    ["America/New_York", "2026-11-01T06:00:00Z", "2026-11-01"],
    ["Australia/Sydney", "2026-10-03T16:00:00Z", "2026-10-03"],
    ["Pacific/Auckland", "2026-09-26T14:00:00Z", "2026-09-26"],
    ["America/Santiago", "2026-09-06T04:00:00Z", "2026-09-06"],
  ] as const) {
    it(`a robot on ${zone} time is seen, and the evidence names the change of ${day}`, () => {
      const changeMs = Date.parse(change);
      const takenMs = Math.floor(changeMs / DAY) * DAY + 7 * DAY;
      const events: Raw[] = [];
      for (let d = 21; d >= 1; d--) {
        const dayStart = takenMs - d * DAY;
        for (let i = 0; i < 3; i++) {
          const local = dayStart + (8 + 4 * i) * HOUR + (10 + ((d * 5 + i * 3) % 8)) * MIN;
          const ms = local - offsetMinutes(zone, local) * MIN;
          const weekday = new Date(local + 0).getUTCDay();
          if (weekday === 0 || weekday === 6) continue;
          events.push(ev("rpa", ms, { ip: OFFICE, userAgent: BROWSER }), ev("rpa", ms + 20_000, { action: "user_email_otp_challenge", ip: OFFICE, userAgent: BROWSER }), ev("rpa", ms + 60_000, { action: "issue_updated", ip: OFFICE, userAgent: BROWSER }));
        }
      }
      const raw = rawSnapshot([nobody("rpa", { productAccess: [{ key: "jira-software", id: "j", lastActiveTimestamp: iso(takenMs - DAY) }] })], events);
      raw["takenAt"] = iso(takenMs);
      const f = findingOf(snapshotSchema.parse(raw), "rpa");
      const slots = f.signals.find((x) => x.id === "login-daily-slots");
      expect(slots?.evidence, `${explain(f)} ${slots?.evidence}`).toContain(`until the clock change at ${change.slice(0, 16).replace("T", " ")} UTC`);
      expect(f.verdict, explain(f)).not.toBe("human");
    });
  }
});
