// People the detection must never call `bot`, and bots it must not leave `human`, built from
// situations seen in real orgs that the rules' own traps do not cover: names outside the Latin
// alphabet, mailboxes and display names that put the surname first, IDE plugins that poll on a
// timer, a person's own nightly script beside their CLI work, sign-ins that follow a session
// length, a person who left whose script runs on, and jobs that run rarely or on two timers at
// once. Each test asserts the right verdict.
import { describe, expect, it } from "vitest";
import type { Snapshot } from "../snapshot/schema.js";
import { account, BROWSER, CLOUD, DAY, dayOfWeek, EMPTY, ev, explain, findingOf, HOUR, iso, isWeekend, lcg, MIN, OFFICE, REF_MS, snap, token, tokenCall, type Raw } from "../../../test/helpers/people-audit.js";

describe("a person whose name is one word, as names written without spaces are", () => {
  // A finance analyst, invited as a guest (profile not collected), pulls a Jira filter into a
  // spreadsheet add-in with an API token a few times a week in office hours and has not opened
  // the web UI for five months. Nothing separates the four accounts but how the name is written.
  function analyst(name: string, displayName: string, email: string, lastUi: string | null): Snapshot {
    const events: Raw[] = [];
    for (const d of [12, 9, 6, 5, 2, 1]) {
      const day = REF_MS - d * DAY;
      if (isWeekend(day)) continue;
      events.push(tokenCall("fin", day + (9 + (d % 4)) * HOUR + ((d * 17) % 50) * MIN, "tk", OFFICE, "Microsoft Office/16.0"));
    }
    const u = account("fin", { name: displayName, email, managementSource: "invited", ...EMPTY, productAccess: [{ key: "jira-software", id: "j", lastActiveTimestamp: lastUi }] });
    return snap(name, [u], events, [token("tk", "fin", REF_MS - DAY, "excel")]);
  }
  const longAgo = iso(REF_MS - 150 * DAY);

  it("the control, `Wei Wang`, is held for review, not migrated", () => {
    const f = findingOf(analyst("one-word-control", "Wei Wang", "wei.wang@acme.com", longAgo), "fin");
    expect(f.verdict, explain(f)).toBe("likely-bot");
  });

  for (const [label, displayName, email] of [
    ["Chinese", "王伟", "wang.wei@acme.com"],
    ["Japanese", "田中太郎", "taro.tanaka@acme.com"],
    ["Korean", "김민준", "minjun.kim@acme.com"],
    ["Indonesian mononym", "Sukarno", "sukarno@acme.com"],
  ] as const) {
    it(`the same person named \`${displayName}\` (${label}) gets the same verdict`, () => {
      const f = findingOf(analyst(`one-word-${label.split(" ")[0]!.toLowerCase()}`, displayName, email, longAgo), "fin");
      expect(f.verdict, explain(f)).toBe("likely-bot");
    });
  }

  it("a one-word name on an account never used in the UI is not `bot` either", () => {
    const f = findingOf(analyst("one-word-never-ui", "王伟", "wang.wei@acme.com", null), "fin");
    expect(f.verdict, explain(f)).not.toBe("bot");
  });
});

describe("a person whose mailbox puts the surname first", () => {
  // The same analyst, in an org whose addresses are `surname.givenname@`: Sarah Jenkins, and
  // Ben Bot (a Dutch surname).
  function analyst(name: string, displayName: string, email: string): Snapshot {
    const events: Raw[] = [];
    for (const d of [12, 9, 6, 5, 2, 1]) {
      const day = REF_MS - d * DAY;
      if (isWeekend(day)) continue;
      events.push(tokenCall("fin", day + (9 + (d % 4)) * HOUR + ((d * 17) % 50) * MIN, "tk", OFFICE, "Microsoft Office/16.0"));
    }
    const u = account("fin", { name: displayName, email, managementSource: "invited", ...EMPTY, productAccess: [{ key: "jira-software", id: "j", lastActiveTimestamp: iso(REF_MS - 150 * DAY) }] });
    return snap(name, [u], events, [token("tk", "fin", REF_MS - DAY, "excel")]);
  }

  it("the control, <sarah.jenkins@>, is held for review", () => {
    const f = findingOf(analyst("surname-control", "Sarah Jenkins", "sarah.jenkins@acme.com"), "fin");
    expect(f.verdict, explain(f)).toBe("likely-bot");
  });

  it("Sarah Jenkins <jenkins.sarah@> is not `bot`", () => {
    const f = findingOf(analyst("surname-jenkins", "Sarah Jenkins", "jenkins.sarah@acme.com"), "fin");
    expect(f.verdict, explain(f)).not.toBe("bot");
  });

  it("Ben Bot <bot.ben@> is not `bot`", () => {
    const f = findingOf(analyst("surname-bot", "Ben Bot", "bot.ben@acme.nl"), "fin");
    expect(f.verdict, explain(f)).not.toBe("bot");
  });
});

describe("display names written surname first, as directories often do", () => {
  // An IdP-synced engineer with a full profile, at work in the UI, who also uses a personal token
  // for a CLI; the directory writes display names as "Surname, Given name".
  function engineer(name: string, displayName: string): Snapshot {
    const r = lcg(67);
    const events: Raw[] = [];
    for (let d = 28; d >= 1; d--) {
      const day = REF_MS - d * DAY;
      if (isWeekend(day)) continue;
      const start = day + (8 * 60 + 30 + Math.floor(r() * 60)) * MIN;
      events.push(ev("e", start, { ip: OFFICE, userAgent: BROWSER }));
      for (let t = start + 5 * MIN; t < day + 17 * HOUR; t += (20 + Math.floor(r() * 60)) * MIN) events.push(r() < 0.3 ? tokenCall("e", t) : ev("e", t, { action: "issue_updated", ip: OFFICE, userAgent: BROWSER }));
    }
    return snap(name, [account("e", { name: displayName, email: "sarah.jenkins@acme.com" })], events, [token("tk", "e", REF_MS - 2 * DAY)]);
  }

  it("the control, `Sarah Jenkins`, is `human`", () => {
    const f = findingOf(engineer("display-control", "Sarah Jenkins"), "e");
    expect(f.verdict, explain(f)).toBe("human");
  });

  it("`Jenkins, Sarah` is `human` too", () => {
    const f = findingOf(engineer("display-surname-first", "Jenkins, Sarah"), "e");
    expect(f.verdict, explain(f)).toBe("human");
  });
});

describe("a developer whose IDE polls Jira with a personal token", () => {
  // An IDE's task integration refreshes the developer's issues every 20 minutes while it is open
  // (through the API token the developer gave it); the developer also runs a CLI now and then and
  // has not opened Jira's web UI for six weeks.
  function developer(name: string, user: Raw, openAllWeek: boolean): Snapshot {
    const r = lcg(17);
    const events: Raw[] = [];
    for (let d = 28; d >= 1; d--) {
      const day = REF_MS - d * DAY;
      if (isWeekend(day)) continue;
      // Open 08:45-17:45, or, on a desktop left running, from Monday morning to Friday evening.
      const from = openAllWeek && dayOfWeek(day) !== 1 ? day : day + (8 * 60 + 45 + Math.floor(r() * 20)) * MIN;
      const to = openAllWeek && dayOfWeek(day) !== 5 ? day + DAY : day + (17 * 60 + 45 + Math.floor(r() * 20)) * MIN;
      for (let t = from; t < to; t += 20 * MIN + Math.floor(r() * 20) * 1000) events.push(tokenCall("dev", t, "ide", OFFICE, "IntelliJ IDEA/2024.3"));
      for (let k = 0; k < 4; k++) events.push(tokenCall("dev", day + (9 * 60 + Math.floor(r() * 480)) * MIN, "cli", OFFICE, "jira-cli/1.5"));
    }
    const u = account("dev", { name: "Tomás Ortega", email: "tomas.ortega@acme.com", productAccess: [{ key: "jira-software", id: "j", lastActiveTimestamp: iso(REF_MS - 45 * DAY) }], ...user });
    return snap(name, [u], events, [token("ide", "dev", REF_MS - 2 * DAY, "intellij"), token("cli", "dev", REF_MS - 2 * DAY)]);
  }

  it("a contractor (invited, no profile) whose IDE is open in office hours is not `bot`", () => {
    const f = findingOf(developer("ide-contractor", { managementSource: "invited", ...EMPTY }, false), "dev");
    expect(f.verdict, explain(f)).not.toBe("bot");
  });

  it("an IdP-synced engineer with a full profile and 2SV whose desktop stays on all week is not `bot`", () => {
    const f = findingOf(developer("ide-synced-all-week", { mfaEnabled: true }, true), "dev");
    expect(f.verdict, explain(f)).not.toBe("bot");
  });
});

describe("a person's own nightly script beside their CLI work", () => {
  // An engineer exports their team's board at 02:00 every night from a workstation that stays
  // on, with a second personal token, and works through a CLI by day; the web UI was last opened
  // five weeks ago.
  function nightlyPlusCli(name: string, user: Raw): Snapshot {
    const r = lcg(23);
    const events: Raw[] = [];
    for (let d = 35; d >= 1; d--) {
      const day = REF_MS - d * DAY;
      for (let k = 0; k < 3; k++) events.push(tokenCall("eng", day + 2 * HOUR + (k * 30 + Math.floor(r() * 20)) * 1000, "nightly", OFFICE, "python-requests/2.32"));
      if (isWeekend(day)) continue;
      for (let t = day + (8 * 60 + 30 + Math.floor(r() * 60)) * MIN; t < day + 17 * HOUR; t += (30 + Math.floor(r() * 90)) * MIN) events.push(tokenCall("eng", t, "cli"));
    }
    const u = account("eng", { name: "Ana Costa", productAccess: [{ key: "jira-software", id: "j", lastActiveTimestamp: iso(REF_MS - 35 * DAY) }], ...user });
    return snap(name, [u], events, [token("nightly", "eng", REF_MS - DAY + 2 * HOUR, "export"), token("cli", "eng", REF_MS - 2 * DAY)]);
  }

  it("is reviewed, never `bot`, for an IdP-synced engineer with a full profile and 2SV: the person is at work through the other token", () => {
    const f = findingOf(nightlyPlusCli("nightly-plus-cli", { mfaEnabled: true }), "eng");
    expect(f.verdict, explain(f)).not.toBe("bot");
  });

  it("is reviewed, never `bot`, for a contractor (invited, no profile)", () => {
    const f = findingOf(nightlyPlusCli("contractor-nightly-plus-cli", { managementSource: "invited", ...EMPTY }), "eng");
    expect(f.verdict, explain(f)).not.toBe("bot");
  });

  it("the same script on a laptop that runs it at 08:30 on working days leaves the engineer `human`", () => {
    const r = lcg(29);
    const events: Raw[] = [];
    for (let d = 35; d >= 1; d--) {
      const day = REF_MS - d * DAY;
      if (isWeekend(day)) continue;
      for (let k = 0; k < 3; k++) events.push(tokenCall("eng", day + (8 * 60 + 30) * MIN + (k * 30 + Math.floor(r() * 20)) * 1000, "morning", OFFICE, "python-requests/2.32"));
      for (let t = day + (9 * 60 + Math.floor(r() * 60)) * MIN; t < day + 17 * HOUR; t += (30 + Math.floor(r() * 90)) * MIN) events.push(tokenCall("eng", t, "cli"));
    }
    const u = account("eng", { name: "Ana Costa", mfaEnabled: true, productAccess: [{ key: "jira-software", id: "j", lastActiveTimestamp: iso(REF_MS - 35 * DAY) }] });
    const f = findingOf(snap("laptop-cron-plus-cli", [u], events, [token("morning", "eng", REF_MS - 2 * DAY, "standup"), token("cli", "eng", REF_MS - 2 * DAY)]), "eng");
    expect(f.verdict, explain(f)).toBe("human");
  });
});

describe("a person who left, whose token a script still uses", () => {
  // Deactivated in the IdP a month ago; a weekday 06:00 report they wrote still runs with their
  // token from a cloud machine. The account is a script's now: migrating it breaks nothing of a
  // person's, and leaving it breaks the report when the token is blocked.
  it("is not left without a recommendation", () => {
    const events: Raw[] = [];
    for (let d = 28; d >= 1; d--) {
      const day = REF_MS - d * DAY;
      if (isWeekend(day)) continue;
      for (let k = 0; k < 4; k++) events.push(tokenCall("left", day + 6 * HOUR + (k * 20 + (d % 7)) * 1000, "tk", CLOUD, "python-requests/2.32"));
    }
    const u = account("left", { name: "Lena Vogel", status: "inactive", productAccess: [{ key: "jira-software", id: "j", lastActiveTimestamp: iso(REF_MS - 33 * DAY) }] });
    const f = findingOf(snap("departed-script", [u], events, [token("tk", "left", REF_MS - 2 * DAY + 6 * HOUR)]), "left");
    expect(f.verdict, explain(f)).not.toBe("human");
    expect(f.recommendation, explain(f)).not.toBe("none");
  });
});

describe("bots that run too rarely or too irregularly to time", () => {
  it("a monthly export on an IdP-synced account named `Finance Reporting` is at least reviewed", () => {
    // Runs at 02:00 on the 1st of each month: 40 token calls; the last run was a month ago.
    const events: Raw[] = [];
    for (const month of ["2026-08-01", "2026-09-01", "2026-10-01"]) {
      const start = Date.parse(`${month}T02:00:00Z`);
      for (let k = 0; k < 40; k++) events.push(tokenCall("fin", start + k * 15_000, "tk", CLOUD, "python-requests/2.32"));
    }
    const u = account("fin", { name: "Finance Reporting", email: "finance-reporting@acme.com", jobTitle: null, department: "Finance", picture: null, productAccess: [{ key: "jira-software", id: "j", lastActiveTimestamp: iso(REF_MS - 400 * DAY) }] });
    const f = findingOf(snap("monthly-export", [u], events, [token("tk", "fin", Date.parse("2026-10-01T02:10:00Z"), "export")]), "fin");
    expect(f.verdict, explain(f)).not.toBe("human");
  });

  it("a job every 6 hours whose start drifts by minutes each run is `bot`", () => {
    const events: Raw[] = [];
    let t = REF_MS - 30 * DAY + 17 * MIN;
    while (t < REF_MS) {
      for (let k = 0; k < 5; k++) events.push(tokenCall("sync", t + k * 10_000, "tk", CLOUD, "python-requests/2.32"));
      t += 6 * HOUR + 4 * MIN + ((t / MIN) % 3) * MIN;
    }
    const u = account("sync", { name: "Data Warehouse", email: "data-warehouse@acme.com", managementSource: "invited", ...EMPTY, productAccess: [{ key: "jira-software", id: "j", lastActiveTimestamp: iso(REF_MS - 200 * DAY) }] });
    const f = findingOf(snap("six-hourly-drift", [u], events, [token("tk", "sync", REF_MS - HOUR)]), "sync");
    expect(f.verdict, explain(f)).toBe("bot");
  });

  it("two CI runners on one account, each on its own timer, in office hours, are at least reviewed", () => {
    const r = lcg(37);
    const events: Raw[] = [];
    for (let d = 28; d >= 1; d--) {
      const day = REF_MS - d * DAY;
      if (isWeekend(day)) continue;
      for (let t = day + 7 * HOUR + 3 * MIN; t < day + 19 * HOUR; t += 10 * MIN + Math.floor(r() * 30) * 1000) events.push(tokenCall("ci", t, "a", CLOUD, "python-requests/2.32"));
      for (let t = day + 7 * HOUR + 7 * MIN; t < day + 19 * HOUR; t += 14 * MIN + Math.floor(r() * 30) * 1000) events.push(tokenCall("ci", t, "b", "35.180.1.9", "python-requests/2.32"));
    }
    const u = account("ci", { name: "Platform Engineering", email: "platform-eng@acme.com", productAccess: [{ key: "jira-software", id: "j", lastActiveTimestamp: iso(REF_MS - 60 * DAY) }] });
    const f = findingOf(snap("two-runners", [u], events, [token("a", "ci", REF_MS - 2 * DAY), token("b", "ci", REF_MS - 2 * DAY)]), "ci");
    expect(f.verdict, explain(f)).not.toBe("human");
  });

  it("the control: one such runner alone on that account is reviewed (its timer is seen)", () => {
    const r = lcg(37);
    const events: Raw[] = [];
    for (let d = 28; d >= 1; d--) {
      const day = REF_MS - d * DAY;
      if (isWeekend(day)) continue;
      for (let t = day + 7 * HOUR + 3 * MIN; t < day + 19 * HOUR; t += 10 * MIN + Math.floor(r() * 30) * 1000) events.push(tokenCall("ci", t, "a", "10.20.4.17", "python-requests/2.32"));
    }
    const u = account("ci", { name: "Platform Engineering", email: "platform-eng@acme.com", mfaEnabled: true, jobTitle: "Technical account", department: "Engineering", productAccess: [{ key: "jira-software", id: "j", lastActiveTimestamp: iso(REF_MS - 60 * DAY) }] });
    const f = findingOf(snap("one-runner-onprem", [u], events, [token("a", "ci", REF_MS - 2 * DAY)]), "ci");
    expect(f.verdict, explain(f)).not.toBe("human");
  });

  it("an integration that polls every 5 minutes, whose owner signs in by hand on Mondays, is at least reviewed", () => {
    const r = lcg(41);
    const events: Raw[] = [];
    for (let t = REF_MS - 28 * DAY; t < REF_MS; t += 5 * MIN + Math.floor(r() * 20) * 1000) events.push(tokenCall("int", t, "tk", CLOUD, "python-requests/2.32"));
    for (let d = 28; d >= 1; d--) {
      const day = REF_MS - d * DAY;
      if (dayOfWeek(day) !== 1) continue;
      const at = day + (10 * 60 + Math.floor(r() * 90)) * MIN;
      events.push(ev("int", at, { ip: OFFICE, userAgent: BROWSER }));
      events.push(ev("int", at + 3 * MIN, { action: "issue_updated", ip: OFFICE, userAgent: BROWSER }));
    }
    const u = account("int", { name: "Dana Lima", email: "dana.lima@acme.com", productAccess: [{ key: "jira-software", id: "j", lastActiveTimestamp: iso(REF_MS - 6 * DAY) }] });
    const f = findingOf(snap("integration-weekly-owner", [u], events, [token("tk", "int", REF_MS - MIN)]), "int");
    expect(f.verdict, explain(f)).not.toBe("human");
  });
});

describe("people whose sign-ins follow the org's session length", () => {
  // An org whose authentication policy ends sessions after 7 days: a person who works in Jira
  // every weekday signs in once a week, at the first use after the session ends (Monday shortly
  // after 09:00), challenged by email as 2SV is off, and works in the UI all week.
  function weekly(name: string, user: Raw, weeks = 8): Snapshot {
    const r = lcg(43);
    const events: Raw[] = [];
    for (let d = weeks * 7; d >= 1; d--) {
      const day = REF_MS - d * DAY;
      if (isWeekend(day)) continue;
      const start = day + (9 * 60 + Math.floor(r() * 25)) * MIN;
      if (dayOfWeek(day) === 1) {
        events.push(ev("p", start, { ip: OFFICE, userAgent: BROWSER }));
        events.push(ev("p", start + 30_000, { action: "user_email_otp_challenge", ip: OFFICE, userAgent: BROWSER }));
      }
      for (let t = start + 5 * MIN; t < day + 17 * HOUR; t += (25 + Math.floor(r() * 60)) * MIN) events.push(ev("p", t, { action: "issue_updated", ip: OFFICE, userAgent: BROWSER }));
    }
    return snap(name, [account("p", { name: "Joana Pereira", ...user })], events);
  }

  it("an invited contractor (no profile) who works in the UI every weekday is not `bot`", () => {
    const f = findingOf(weekly("weekly-session-invited", { managementSource: "invited", ...EMPTY }), "p");
    expect(f.verdict, explain(f)).not.toBe("bot");
  });

  it("an IdP-synced employee with a full profile who works in the UI every weekday is `human`", () => {
    const f = findingOf(weekly("weekly-session-synced", {}), "p");
    expect(f.verdict, explain(f)).toBe("human");
  });

  it("a manager who reads the weekly report every Monday morning, and nothing else, is not `bot`", () => {
    const r = lcg(47);
    const events: Raw[] = [];
    for (let d = 8 * 7; d >= 1; d--) {
      const day = REF_MS - d * DAY;
      if (dayOfWeek(day) !== 1) continue;
      const at = day + (8 * 60 + 40 + Math.floor(r() * 40)) * MIN;
      events.push(ev("m", at, { ip: OFFICE, userAgent: BROWSER }));
      events.push(ev("m", at + 30_000, { action: "user_email_otp_challenge", ip: OFFICE, userAgent: BROWSER }));
      for (let k = 1, t = at; k <= 3; k++) events.push(ev("m", (t += (2 + Math.floor(r() * 9)) * MIN), { action: "page_viewed", ip: OFFICE, userAgent: BROWSER }));
    }
    const u = account("m", { name: "Karin Berg", managementSource: "invited", ...EMPTY, productAccess: [{ key: "confluence", id: "c", lastActiveTimestamp: iso(REF_MS - 6 * DAY) }] });
    const f = findingOf(snap("weekly-reader", [u], events), "m");
    expect(f.verdict, explain(f)).not.toBe("bot");
  });
});

describe("external users under a short session expiration", () => {
  // The external-user policy ends every session after a fixed time (15 minutes to 30 days), and
  // each new session is verified by a code sent by email. A contractor who works in the UI all
  // day signs in again at the first action after each expiry.
  function contractor(name: string, sessionHours: number): Snapshot {
    const r = lcg(59);
    const events: Raw[] = [];
    for (let d = 28; d >= 1; d--) {
      const day = REF_MS - d * DAY;
      if (isWeekend(day)) continue;
      let expires = 0;
      for (let t = day + (8 * 60 + 30 + Math.floor(r() * 45)) * MIN; t < day + 17 * HOUR + 30 * MIN; t += (3 + Math.floor(r() * 20)) * MIN) {
        if (t >= expires) {
          events.push(ev("x", t, { ip: OFFICE, userAgent: BROWSER }));
          events.push(ev("x", t + 40_000, { action: "user_email_otp_challenge", ip: OFFICE, userAgent: BROWSER }));
          expires = t + sessionHours * HOUR;
          t += 2 * MIN;
        }
        events.push(ev("x", t, { action: "issue_updated", ip: OFFICE, userAgent: BROWSER }));
      }
    }
    return snap(name, [account("x", { name: "Marek Nowak", email: "marek.nowak@partner.example", managementSource: null, ...EMPTY })], events);
  }

  it("a 2-hour session expiration does not make a contractor `bot`", () => {
    const f = findingOf(contractor("session-2h", 2), "x");
    expect(f.verdict, explain(f)).not.toBe("bot");
  });

  it("a 1-hour session expiration does not make a contractor `bot`", () => {
    const f = findingOf(contractor("session-1h", 1), "x");
    expect(f.verdict, explain(f)).not.toBe("bot");
  });
});

describe("a profile whose job title names the account a machine's", () => {
  it("does not count as a person's full profile", () => {
    const u = (id: string, jobTitle: string) => account(id, { jobTitle, department: "Finance" });
    const events: Raw[] = [];
    const users = [u("sa", "System Account"), u("tu", "Technical User"), u("ae", "Automation Engineer")];
    const report = users.map((user) => findingOf(snap("title", [user], events), user["accountId"] as string));
    const profile = (i: number) => report[i]!.signals.some((x) => x.id === "full-profile");
    expect([profile(0), profile(1), profile(2)]).toEqual([false, false, true]);
  });
});
