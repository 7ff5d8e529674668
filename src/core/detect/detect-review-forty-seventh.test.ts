// Attacks on the named-automation change (the default avatar as no picture, a machine's title
// beside a bot-like word anywhere, "Digital Worker" and variants as such titles, sign-ins at fixed
// times as a script's trace): people (expected `human`) who look like its robots, and robots
// (expected not `human`) it says it catches. People on shift rotas at one minute, who were reviewed
// before it, and robots behind a 20-minute jitter, which a five-minute window cannot see, are left out.
import { describe, expect, it } from "vitest";
import {
  account,
  BROWSER,
  CLOUD,
  DAY,
  EMPTY,
  ev,
  explain,
  findingOf,
  HOUR,
  isWeekend,
  iso,
  JUDGE_LOG_CHANGES,
  lcg,
  MIN,
  noLastActive,
  OFFICE,
  fourColleagues,
  initialsAvatar,
  officeColleagues,
  perturbed,
  REF_MS,
  snapshotOf,
  token,
  tokenCall,
  wrongRuns,
  type Raw,
} from "../../../test/helpers/people-audit.js";
import type { Finding } from "./types.js";

const SEEDS = [1, 2, 3] as const;
/** Seeds for the runs under each of the judge's nine log changes. */
const CHANGE_SEEDS = [1, 2] as const;
/** Atlassian's default avatar (the holder's initials) as a Gravatar's fallback, as real exports carry it. */
const initials = initialsAvatar;
const uiAt = (ms: number | null): Raw => ({ productAccess: [{ key: "jira-software", id: "ari:jira", lastActiveTimestamp: ms === null ? null : iso(ms) }] });
const human = (v: Finding["verdict"]): boolean => v === "human";
const notHuman = (v: Finding["verdict"]): boolean => v !== "human";
const lastOf = (events: Raw[]): number => Math.max(...events.map((e) => Date.parse(String(e["time"]))));

interface Days {
  /** Minutes of the (UTC) day of each sign-in. */
  at: readonly number[];
  /** Total spread of each sign-in around its minute (uniform), in minutes. */
  spread: number;
  days?: number;
  weekends?: boolean;
  ua?: string | null;
  ip?: string;
  otp?: boolean;
  /** Work after each sign-in: none, a step or two within 10 minutes, or steps for hours. */
  work?: "none" | "near" | "allday" | "queue";
}

/** Sign-ins at fixed times of day on weekdays (a day off in twenty), with the work `work` says. */
function signIns(seed: number, id: string, d: Days): Raw[] {
  const r = lcg(seed * 31 + 7);
  const out: Raw[] = [];
  const extra = (): Raw => ({ ip: d.ip ?? OFFICE, ...(d.ua === null ? {} : { userAgent: d.ua ?? BROWSER }) });
  for (let k = d.days ?? 35; k >= 1; k--) {
    const day = REF_MS - k * DAY;
    if ((!d.weekends && isWeekend(day)) || r() < 0.05) continue;
    for (const m of d.at) {
      const t = Math.floor(day + (m + (r() - 0.5) * d.spread) * MIN);
      if (d.otp) out.push(ev(id, t - 30_000, { action: "email_otp_sent", ...extra() }));
      out.push(ev(id, t, extra()));
      const work = d.work ?? "none";
      if (work === "near") for (let a = 1 + Math.floor(r() * 2); a > 0; a--) out.push(ev(id, t + (2 + Math.floor(r() * 8)) * MIN, { action: "issue_updated", ...extra() }));
      if (work === "allday") for (let w = t + 20 * MIN; w < t + 8 * HOUR; w += (40 + r() * 120) * MIN) out.push(ev(id, Math.floor(w), { action: r() < 0.5 ? "issue_updated" : "comment_created", ...extra() }));
      if (work === "queue") for (let w = t + 4 * MIN; w < t + 50 * MIN; w += (3 + r() * 4) * MIN) out.push(ev(id, Math.floor(w), { action: "issue_updated", ...extra() }));
    }
  }
  return out;
}

/** Four office workers of `officeColleagues` (kept once per seed, for speed), or all eight. */
const colleagues = (seed: number, all8 = false): { users: Raw[]; events: Raw[] } => (all8 ? officeColleagues(seed) : fourColleagues(seed));

/** `user` (account `x`) among four office colleagues, judged, the log changed by `changes`. */
function judged(seed: number, user: Raw, events: Raw[], apiTokens: Raw[] = [], change: (typeof JUDGE_LOG_CHANGES)[number] = ["as recorded", [], false], all8 = false): Finding {
  const { users, events: theirs } = colleagues(seed, all8);
  const [, perturbs, blank] = change;
  const all = [...users, user];
  return findingOf(snapshotOf(blank ? all.map(noLastActive) : all, perturbed([...theirs, ...events], seed, perturbs), apiTokens), "x");
}

/** Each of the judge's log changes on each seed: the runs whose verdict `want` refuses. */
function underChanges(want: (v: Finding["verdict"]) => boolean, build: (seed: number) => { user: Raw; events: Raw[]; tokens?: Raw[] }, seeds: readonly number[] = CHANGE_SEEDS, skip: readonly string[] = []): string[] {
  return JUDGE_LOG_CHANGES.filter((change) => !skip.includes(change[0])).flatMap((change) =>
    wrongRuns(seeds, want, (seed) => {
      const c = build(seed);
      return judged(seed, c.user, c.events, c.tokens ?? [], change);
    }).map((w) => `${change[0]}: ${w}`),
  );
}

/** A person's profile: synced by the IdP (SSO, so no email codes), no title or department, Atlassian's default avatar. */
const syncedNoTitle = (name: string, email: string, ini: string, extra: Raw = {}): Raw =>
  account("x", { name, email, jobTitle: null, department: null, picture: initials(ini), ...extra });

// ---------------------------------------------------------------------------------------------
describe("people with a bot-like surname, the default avatar and no job title, who sign in at the same time each day", () => {
  const surnames: [string, string, string][] = [
    ["Sarah Jenkins", "sarah.jenkins@acme.com", "SJ"],
    ["Tom Bridge", "tom.bridge@acme.com", "TB"],
    ["Liu Ci", "ci.liu@acme.com", "LC"],
  ];

  it("a synced office worker at her desk at 08:58 (±3 min), the log recording sign-ins only, is `human`", () => {
    const wrong = surnames.flatMap(([name, email, ini]) =>
      wrongRuns(SEEDS, human, (seed) => {
        const events = signIns(seed, "x", { at: [8 * 60 + 58], spread: 6 });
        return judged(seed, syncedNoTitle(name, email, ini, uiAt(lastOf(events) + 2 * HOUR)), events);
      }).map((w) => `${name}: ${w}`),
    );
    expect(wrong).toEqual([]);
  });

  it("a synced office worker whose sign-ins wander 08:45-09:15 (no robot's minute), sign-ins only, is `human`", () => {
    const wrong = surnames.flatMap(([name, email, ini]) =>
      wrongRuns(SEEDS, human, (seed) => {
        const events = signIns(seed, "x", { at: [9 * 60], spread: 30 });
        return judged(seed, syncedNoTitle(name, email, ini, uiAt(lastOf(events) + 2 * HOUR)), events);
      }).map((w) => `${name}: ${w}`),
    );
    expect(wrong).toEqual([]);
  });

  // Not new in e61f777 (likely-bot before it too, at 6.2 and 4.2): the default avatar adds 1.
  it("an early starter at 05:30 (±3 min) from home, synced, sign-ins only, is `human`", () => {
    const wrong = wrongRuns(SEEDS, human, (seed) => {
      const events = signIns(seed, "x", { at: [5 * 60 + 30], spread: 6, ip: "86.12.4.9" });
      return judged(seed, syncedNoTitle("Owen Jenkins", "owen.jenkins@acme.com", "OJ", uiAt(lastOf(events) + 3 * HOUR)), events);
    });
    expect(wrong).toEqual([]);
  });

  it("an invited contractor with 2SV on (no email codes), default avatar, no title, punctual at 09:00, is `human`", () => {
    const wrong = surnames.flatMap(([name, email, ini]) =>
      wrongRuns(SEEDS, human, (seed) => {
        const events = signIns(seed, "x", { at: [9 * 60], spread: 6 });
        return judged(seed, syncedNoTitle(name, email.replace("acme.com", "partner.io"), ini, { managementSource: "invited", mfaEnabled: true, ...uiAt(lastOf(events) + 2 * HOUR) }), events);
      }).map((w) => `${name}: ${w}`),
    );
    expect(wrong).toEqual([]);
  });

  it("the punctual synced Sarah Jenkins stays `human` under the judge's log changes", () => {
    const wrong = underChanges(human, (seed) => {
      const events = signIns(seed, "x", { at: [8 * 60 + 58], spread: 6 });
      return { user: syncedNoTitle("Sarah Jenkins", "sarah.jenkins@acme.com", "SJ", uiAt(lastOf(events) + 2 * HOUR)), events };
    });
    expect(wrong).toEqual([]);
  });

  it("(control) the same Sarah Jenkins with a picture she uploaded is `human`", () => {
    const wrong = wrongRuns(SEEDS, human, (seed) => {
      const events = signIns(seed, "x", { at: [8 * 60 + 58], spread: 6 });
      return judged(seed, account("x", { name: "Sarah Jenkins", email: "sarah.jenkins@acme.com", jobTitle: null, department: null, ...uiAt(lastOf(events) + 2 * HOUR) }), events);
    });
    expect(wrong).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------------
describe("people whose HR title is their team's name, with no bot-like word", () => {
  it("an invited contractor titled \"Integration\" (department IT) at his desk at 08:30 each day is `human`", () => {
    const wrong = wrongRuns(SEEDS, human, (seed) => {
      const events = signIns(seed, "x", { at: [8 * 60 + 30], spread: 6 });
      return judged(seed, account("x", { name: "Ravi Patel", email: "ravi.patel@partner.io", managementSource: "invited", mfaEnabled: true, jobTitle: "Integration", department: "IT", picture: initials("RP"), ...uiAt(lastOf(events) + 2 * HOUR) }), events);
    });
    expect(wrong).toEqual([]);
  });

  it("a synced QA engineer titled \"Automation\", no department, default avatar, signing in at 09:00 is `human`", () => {
    const wrong = wrongRuns(SEEDS, human, (seed) => {
      const events = signIns(seed, "x", { at: [9 * 60], spread: 6 });
      return judged(seed, account("x", { name: "Priya Nair", email: "priya.nair@acme.com", jobTitle: "Automation", department: null, picture: initials("PN"), ...uiAt(lastOf(events) + 2 * HOUR) }), events);
    });
    expect(wrong).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------------
describe("people with titles that sound like machines' but are people's", () => {
  const titles: [string, string][] = [
    ["Service Desk Agent", "IT"],
    ["Technical Support", "Support"],
    ["Digital Workplace Manager", "IT"],
    ["Service Account Manager", "Sales"],
    ["Technical User Advocate", "Product"],
    ["Robotics Engineer", "R&D"],
  ];
  it("a person with a bot-like surname, such a title, default avatar and a punctual 08:00 sign-in is `human`", () => {
    const wrong = titles.flatMap(([jobTitle, department]) =>
      wrongRuns(SEEDS, human, (seed) => {
        const events = signIns(seed, "x", { at: [8 * 60], spread: 6 });
        return judged(seed, account("x", { name: "Nora Jenkins", email: "nora.jenkins@acme.com", jobTitle, department, picture: initials("NJ"), ...uiAt(lastOf(events) + 2 * HOUR) }), events);
      }).map((w) => `${jobTitle}: ${w}`),
    );
    expect(wrong).toEqual([]);
  });

  it("a board trustee titled \"BOT\" (Board of Trustees), surnamed Jenkins, who looks in twice a month, is `human`", () => {
    const wrong = wrongRuns(SEEDS, human, (seed) => {
      const r = lcg(seed);
      const events: Raw[] = [];
      for (const d of [25, 11]) events.push(ev("x", Math.floor(REF_MS - d * DAY + (10 + r() * 6) * HOUR), { ip: "86.12.4.9", userAgent: BROWSER }));
      return judged(seed, account("x", { name: "Eleanor Jenkins", email: "eleanor.jenkins@acme.com", jobTitle: "BOT", department: "Governance", picture: initials("EJ"), ...uiAt(REF_MS - 11 * DAY) }), events);
    });
    expect(wrong).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------------
describe("ordinary people with the default avatar and no job title (no bot-like word)", () => {
  /** A developer with a personal token for a CLI in working hours and sign-ins by browser. */
  function cliDeveloper(seed: number, invited = true): { user: Raw; events: Raw[]; tokens: Raw[] } {
    const r = lcg(seed * 17 + 3);
    const events: Raw[] = [];
    for (let d = 35; d >= 1; d--) {
      const day = REF_MS - d * DAY;
      if (isWeekend(day) || r() < 0.05) continue;
      const start = day + (8 + r() * 1.5) * HOUR;
      if (invited) events.push(ev("x", Math.floor(start - 30_000), { action: "email_otp_sent", ip: OFFICE, userAgent: BROWSER }));
      events.push(ev("x", Math.floor(start), { ip: OFFICE, userAgent: BROWSER }));
      for (let t = start + 30 * MIN; t < day + 17.5 * HOUR; t += (45 + r() * 150) * MIN) events.push(tokenCall("x", Math.floor(t), "t1", OFFICE, "jira-cli/1.5"));
    }
    const user = account("x", {
      name: "Kim Osei",
      email: invited ? "kim.osei@contractor.dev" : "kim.osei@acme.com",
      managementSource: invited ? "invited" : "synced",
      mfaEnabled: false,
      jobTitle: null,
      department: null,
      picture: initials("KO"),
      ...uiAt(REF_MS - DAY),
    });
    return { user, events, tokens: [token("t1", "x", REF_MS - DAY)] };
  }

  it("an invited contractor without 2SV, using a personal CLI token, is `human` under every log change", () => {
    expect(underChanges(human, (seed) => cliDeveloper(seed, true), [1])).toEqual([]);
  });
  it("an invited guest who signs in a few times a month at random office hours, without 2SV, is `human` under every log change", () => {
    expect(
      underChanges(human, (seed) => {
        const r = lcg(seed * 5 + 1);
        const events: Raw[] = [];
        for (let d = 35; d >= 1; d--) {
          const day = REF_MS - d * DAY;
          if (isWeekend(day) || r() < 0.7) continue;
          const t = Math.floor(day + (9 + r() * 8) * HOUR);
          events.push(ev("x", t - 30_000, { action: "email_otp_sent", ip: "86.12.4.9", userAgent: BROWSER }), ev("x", t, { ip: "86.12.4.9", userAgent: BROWSER }));
        }
        return { user: account("x", { name: "Lena Vogel", email: "lena.vogel@agency.de", managementSource: "invited", ...EMPTY, picture: initials("LV"), ...uiAt(lastOf(events) + HOUR) }), events };
      }, [1]),
    ).toEqual([]);
  });

  it("an invited contractor on a cloud virtual desktop (Azure addresses), without 2SV, signing in at random office hours, is `human` under every log change", () => {
    expect(
      underChanges(human, (seed) => {
        const r = lcg(seed * 5 + 1);
        const events: Raw[] = [];
        for (let d = 35; d >= 1; d--) {
          const day = REF_MS - d * DAY;
          if (isWeekend(day) || r() < 0.1) continue;
          for (let k = 1 + Math.floor(r() * 2); k > 0; k--) {
            const t = Math.floor(day + (8.5 + r() * 8) * HOUR);
            events.push(ev("x", t - 30_000, { action: "email_otp_sent", ip: "20.61.12.9", userAgent: BROWSER }), ev("x", t, { ip: "20.61.12.9", userAgent: BROWSER }));
          }
        }
        return { user: account("x", { name: "Lena Vogel", email: "lena.vogel@agency.de", managementSource: "invited", ...EMPTY, picture: initials("LV"), ...uiAt(lastOf(events) + HOUR) }), events };
      }, [1]),
    ).toEqual([]);
  });

  it("an idle invited person with an old token and the default avatar, no audit events of theirs, is `human`", () => {
    const wrong = wrongRuns(SEEDS, human, (seed) =>
      judged(seed, account("x", { name: "Omar Haddad", email: "omar.haddad@acme.com", managementSource: "invited", ...EMPTY, picture: initials("OH"), ...uiAt(REF_MS - 200 * DAY) }), [], [token("t1", "x", REF_MS - 60 * DAY)]),
    );
    expect(wrong).toEqual([]);
  });

  it("an invited Sarah Jenkins with the default avatar, used in the UI yesterday, in a snapshot without an audit log, is `human`", () => {
    const user = account("x", { name: "Sarah Jenkins", email: "sarah.jenkins@partner.io", managementSource: "invited", ...EMPTY, picture: initials("SJ"), ...uiAt(REF_MS - DAY) });
    const colleagues = [0, 1, 2].map((i) => account(`c${i}`, { name: `Colleague ${i}` }));
    const f = findingOf(snapshotOf([...colleagues, user], []), "x");
    expect(f.verdict, explain(f)).toBe("human");
  });

  it("a synced Sarah Jenkins with the default avatar and no title, with a personal token, in a snapshot without an audit log, is `human`", () => {
    const user = syncedNoTitle("Sarah Jenkins", "sarah.jenkins@acme.com", "SJ", uiAt(REF_MS - DAY));
    const colleagues = [0, 1, 2].map((i) => account(`c${i}`, { name: `Colleague ${i}` }));
    const f = findingOf(snapshotOf([...colleagues, user], [], [token("t1", "x", REF_MS - DAY)]), "x");
    expect(f.verdict, explain(f)).toBe("human");
  });
});

// ---------------------------------------------------------------------------------------------
describe("robots the change says it catches", () => {
  it("the 06:40 dashboard robot, synced by the IdP with the default avatar, is reviewed under every log change but a 20-minute jitter", () => {
    // A clock blurred by 20 minutes hides a five-minute window: such a robot is `human` then.
    expect(
      underChanges(
        notHuman,
        (seed) => {
          const events = signIns(seed, "x", { at: [6 * 60 + 40], spread: 2 });
          return { user: account("x", { name: "Dashboard Screenshotter", email: "dashboards@acme.com", jobTitle: null, department: null, picture: initials("DS"), ...uiAt(lastOf(events) + MIN) }), events };
        },
        CHANGE_SEEDS,
        [JUDGE_LOG_CHANGES[2]![0]],
      ),
    ).toEqual([]);
  });

  it("an RPA robot at 07:00 whose recorded work runs through a 45-minute queue after each sign-in is reviewed", () => {
    const wrong = wrongRuns(SEEDS, notHuman, (seed) => {
      const events = signIns(seed, "x", { at: [7 * 60], spread: 2, work: "queue" });
      return judged(seed, account("x", { name: "Invoice Robot", email: "ap.invoices@acme.com", managementSource: "invited", mfaEnabled: true, ...EMPTY, picture: initials("IR"), ...uiAt(lastOf(events) + MIN) }), events);
    });
    expect(wrong).toEqual([]);
  });

  const titles = ["Service Account (RPA)", "Bot Account", "Robot User", "RPA Bot", "Digital Worker 01", "Digital Workers", "Non-human account"];
  it("an RPA robot at pad.robot@ whose admin-written title is a variant of a machine's (\"Bot Account\", \"Digital Worker 01\") is reviewed", () => {
    const wrong = titles.flatMap((jobTitle) =>
      wrongRuns(SEEDS, notHuman, (seed) => {
        const events = signIns(seed, "x", { at: [11 * 60, 13 * 60], spread: 6 });
        return judged(seed, account("x", { name: "Power Automate Desktop", email: "pad.robot@acme.com", jobTitle, department: "Finance", picture: null, ...uiAt(lastOf(events) + MIN) }), events);
      }).map((w) => `${jobTitle}: ${w}`),
    );
    expect(wrong).toEqual([]);
  });

  it("a robot titled \"Digital Worker\" whose bot-like word is only in its department-less name (\"AA Digital Worker 3\") is reviewed with its default avatar", () => {
    const wrong = wrongRuns(SEEDS, notHuman, (seed) => {
      const events = signIns(seed, "x", { at: [11 * 60, 13 * 60], spread: 6 });
      return judged(seed, account("x", { name: "AA Digital Worker 3", email: "aa.dw3@acme.com", jobTitle: "Digital Worker", department: "Finance", picture: initials("AD"), ...uiAt(lastOf(events) + MIN) }), events);
    });
    expect(wrong).toEqual([]);
  });

  it("a robot at 06:40 whose last 7 days only are in the log is reviewed", () => {
    const wrong = wrongRuns(SEEDS, notHuman, (seed) => {
      const events = signIns(seed, "x", { at: [6 * 60 + 40], spread: 2, ua: null, days: 7 });
      return judged(seed, account("x", { name: "Dashboard Screenshotter", email: "dashboards@acme.com", ...EMPTY, ...uiAt(lastOf(events) + MIN) }), events);
    });
    expect(wrong).toEqual([]);
  });

  it("a cloud-hosted kiosk robot \"Status Board Sync\" at 07:00 daily, weekends included, synced, default avatar, is reviewed", () => {
    const wrong = wrongRuns(SEEDS, notHuman, (seed) => {
      const events = signIns(seed, "x", { at: [7 * 60], spread: 2, weekends: true, ip: CLOUD });
      return judged(seed, account("x", { name: "Status Board Sync", email: "statusboard@acme.com", jobTitle: null, department: null, picture: initials("SB"), ...uiAt(lastOf(events) + MIN) }), events);
    });
    expect(wrong).toEqual([]);
  });
});
