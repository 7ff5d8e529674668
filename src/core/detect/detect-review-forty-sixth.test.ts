// Attacks on "a person's long day" (its hold keeps any account with one sign-in a day and a step
// now and then hours later from `bot`) and on the owner-away hold in a snapshot without UI
// activity (a person-like name holds a token's job at `likely-bot`): a browser robot run every
// night from a cloud under a person's name; tools and robots named in one word, by a product, or
// in CJK characters; and people on leave whose names the hold does not read as a person's.
import { describe, expect, it } from "vitest";
import { CLOUD, JUDGE_LOG_CHANGES, perturbed, type Perturb, DAY, ev, findingOf, HOUR, iso, lcg, MIN, OFFICE, REF_MS, snapshotOf, wrongRuns, type Raw, invitedAccount } from "../../../test/helpers/people-audit.js";
import type { Finding } from "./types.js";

const SEEDS = [1, 2, 3, 4, 5, 6, 7, 8] as const;
/** A desktop Chrome on Linux: what a browser robot started without the headless flag sends. */
const LINUX_CHROME = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0.0.0 Safari/537.36";


const ALL_WEEK = [0, 1, 2, 3, 4, 5, 6] as const;

/**
 * Five weeks of a browser robot's sign-ins at `at` minutes after midnight UTC (within 12 seconds),
 * an email code 30 s before each, from `ip`, a night in thirty missed; on one night in five (the
 * batch it starts failing, say) an event 1-3 hours after the sign-in. Its last UI use is minutes
 * after its last sign-in, or not recorded when `noUi`.
 */
function nightlyRobot(seed: number, id: string, name: string, email: string, opts: { at?: number; week?: readonly number[]; ip?: string; noUi?: boolean } = {}, changes: readonly Perturb[] = []): Finding {
  const { at = 2 * 60, week = ALL_WEEK, ip = CLOUD, noUi = false } = opts;
  const r = lcg(seed);
  const events: Raw[] = [];
  let last = 0;
  for (let d = 35; d >= 1; d--) {
    const day = REF_MS - d * DAY;
    if (!week.includes(new Date(day).getUTCDay()) || r() < 0.03) continue;
    const signIn = Math.floor(day + at * MIN + (r() - 0.5) * 24_000);
    events.push(ev(id, signIn - 30_000, { action: "email_otp_sent", ip, userAgent: LINUX_CHROME }));
    events.push(ev(id, signIn, { ip, userAgent: LINUX_CHROME }));
    if (r() < 0.2) events.push(ev(id, Math.floor(signIn + (1 + r() * 2) * HOUR), { action: "issue_updated", ip, userAgent: LINUX_CHROME }));
    last = signIn;
  }
  return findingOf(snapshotOf([invitedAccount(id, name, email, noUi ? undefined : last + 3 * MIN)], perturbed(events, seed, changes)), id);
}

describe("a browser robot that signs in at 02:00 every night from a cloud, under a person's name", () => {
  // Seven nights a week within 12 seconds of 02:00, from a data centre, a step logged now and then
  // an hour or more later: no shift starts to the second every night of the week. A long day
  // that did not ask for a person's minute-wide spread made it `human` in 3 of 8 runs for each
  // name, from a cloud or the office, at 02:00 or 23:30, with or without UI records (it took
  // login-schedule, activity-schedule and, through the schedule, every-day away).
  it("stays at least `likely-bot`, whatever the name, address or UI records", () => {
    const variants: [string, string, { ip?: string; noUi?: boolean; at?: number }][] = [
      ["Tom Baker", "tom.baker@acme.com", {}],
      ["Tom Baker", "tom.baker@acme.com", { noUi: true }],
      ["Tom Baker", "tom.baker@acme.com", { ip: OFFICE }],
      ["Tom Baker", "tom.baker@acme.com", { at: 23 * 60 + 30 }],
      ["王伟", "wang.wei@acme.com", {}],
      ["Alfred", "alfred@acme.com", {}],
    ];
    const wrong = variants.flatMap(([name, email, opts]) =>
      wrongRuns(SEEDS, (v) => v !== "human", (seed) => nightlyRobot(seed, "r", name, email, opts)).map((w) => `${name} ${JSON.stringify(opts)} ${w}`),
    );
    expect(wrong).toEqual([]);
  });

  // Run 4 has the beat that makes it `bot` (seven nights, from a cloud, within seconds); the long
  // day's hold had kept it at review.
  it("stays `bot` where its nightly beat made it `bot` before", () => {
    expect(nightlyRobot(4, "r", "Tom Baker", "tom.baker@acme.com").verdict).toBe("bot");
  });

  // Under the judge's changes to the log (the first long-day rule: 27 `human` runs).
  it("is never `human` under the judge's changes to the log", () => {
    const wrong = JUDGE_LOG_CHANGES.flatMap(([name, changes, noUi]) =>
      wrongRuns(SEEDS, (v) => v !== "human", (seed) => nightlyRobot(seed, "r", "Tom Baker", "tom.baker@acme.com", { noUi }, changes)).map((w) => `${name} ${w}`),
    );
    expect(wrong).toEqual([]);
  });

  // With nothing logged after its sign-ins there is no long day: `bot` in 6 runs, `likely-bot` in 2.
  it("is never `human` when nothing follows its sign-ins", () => {
    const wrong = wrongRuns(SEEDS, (v) => v !== "human", (seed) => {
      const r = lcg(seed);
      const events: Raw[] = [];
      let last = 0;
      for (let d = 35; d >= 1; d--) {
        if (r() < 0.03) continue;
        const signIn = Math.floor(REF_MS - d * DAY + 2 * HOUR + (r() - 0.5) * 24_000);
        events.push(ev("r", signIn - 30_000, { action: "email_otp_sent", ip: CLOUD, userAgent: LINUX_CHROME }), ev("r", signIn, { ip: CLOUD, userAgent: LINUX_CHROME }));
        last = signIn;
      }
      return findingOf(snapshotOf([invitedAccount("r", "Tom Baker", "tom.baker@acme.com", last + 3 * MIN)], events), "r");
    });
    expect(wrong).toEqual([]);
  });
});

/** Two weeks of a token's job at about 03:17 every night (three calls from a cloud) on account `x`, the snapshot without UI activity. */
function tokenJob(seed: number, name: string, email: string): Finding {
  const r = lcg(seed);
  const events: Raw[] = [];
  for (let d = 14; d >= 1; d--) {
    const at = REF_MS - d * DAY + 3 * HOUR + 17 * MIN + Math.floor(r() * 300_000);
    for (let k = 0; k < 3; k++) events.push(ev("x", at + k * 20_000, { action: "issue_viewed", tokenId: "t-x", authType: "api-token", ip: CLOUD, userAgent: "python-requests/2.31.0" }));
  }
  const tok: Raw = { id: "t-x", accountId: "x", label: "nightly", status: "ALLOWED", createdAt: iso(REF_MS - 200 * DAY), expiresAt: null, lastActiveAt: iso(REF_MS - 20 * HOUR) };
  return findingOf(snapshotOf([invitedAccount("x", name, email, undefined)], events, [tok]), "x");
}
const verdictsOf = (cases: readonly (readonly [string, string])[], want: (v: Finding["verdict"]) => boolean): string[] =>
  cases.flatMap(([name, email]) => wrongRuns(SEEDS, want, (seed) => tokenJob(seed, name, email)).map((w) => `${name} <${email}> ${w}`));

describe("a tool's or a robot's token job every night, in a snapshot without UI activity", () => {
  // One-word handles, products and teams in Latin or CJK: `bot` in every run.
  it("stays `bot` under a one-word handle, a product's name at its own mailbox, or a CJK team name at a team's mailbox", () => {
    const cases = [
      ["Jira", "jira@acme.com"],
      ["Svc", "svc@acme.com"],
      ["n8n", "n8n@acme.com"],
      ["Ops", "ops@acme.com"],
      ["Make", "make@acme.com"],
      ["Alfred", "alfred@acme.com"],
      ["Jarvis", "jarvis@acme.com"],
      ["Hubot", "hubot@acme.com"],
      ["Zapier Sync", "zapier@acme.com"],
      ["Zapier Sync", "zapier.sync@acme.com"],
      ["Jenkins CI", "jenkins@acme.com"],
      ["Grafana Alerts", "grafana@acme.com"],
      ["Sentry Relay", "sentry@acme.com"],
      ["Octopus Deploy", "octopus@acme.com"],
      ["Salesforce Connector", "salesforce@acme.com"],
      ["Power BI", "pbi@acme.com"],
      ["运维", "ops-sync@acme.com"],
      ["数据同步", "ops-sync@acme.com"],
      ["运维机器人", "ywjqr@acme.com"],
      ["ジェンキンス", "jenkins.jp@acme.com"],
    ] as const;
    expect(verdictsOf(cases, (v) => v === "bot")).toEqual([]);
  });

  // A product's two-word name at the product's mailbox ("Tableau Server" at tableau@ would pass as
  // a given name at its mailbox), two initials ("Jira Cloud" at jc@), and CJK words that are no
  // one's name (数据同步 "data sync", 运维 "operations", 机器人 "robot", 自动化 "automation") at a
  // mailbox that is no role's: a tool's or a team's word keeps them from a person's name.
  it("stays `bot` under a product's name at its mailbox or initials, or CJK words for a robot, automation or a team", () => {
    const cases = [
      ["Tableau Server", "tableau@acme.com"],
      ["Tableau Server", "tableau.server@acme.com"],
      ["Looker Studio", "looker@acme.com"],
      ["Power Automate", "power@acme.com"],
      ["Tempo Timesheets", "tempo@acme.com"],
      ["Metrics Collector", "metrics@acme.com"],
      ["ERP Link", "erplink1@acme.com"],
      ["Jira Cloud", "jc@acme.com"],
      ["数据同步", "datasync@acme.com"],
      ["运维", "yunwei@acme.com"],
      ["机器人", "cn-ops@acme.com"],
      ["自动化", "zdh@acme.com"],
    ] as const;
    expect(verdictsOf(cases, (v) => v === "bot")).toEqual([]);
  });

  // A product named as a person is ("Harvest Time" at harvest@, "Snow Flake" at sf@) reads as
  // one: reviewed, never `human`.
  it("is never `human` under any of those names, or a product's written as a person's", () => {
    const cases = [
      ["Harvest Time", "harvest@acme.com"],
      ["Snow Flake", "sf@acme.com"],
      ["Tableau Server", "tableau@acme.com"],
      ["Jira Cloud", "jc@acme.com"],
      ["机器人", "cn-ops@acme.com"],
      ["自动化", "zdh@acme.com"],
      ["Alfred", "alfred@acme.com"],
      ["Jira", "jira@acme.com"],
    ] as const;
    expect(verdictsOf(cases, (v) => v !== "human")).toEqual([]);
  });
});

describe("a person on leave whose script runs every night, in a snapshot without UI activity", () => {
  // `bot` in every run before a person's name held such a job at review.
  it("is reviewed with a middle initial, a comma-first name at initials, hyphens at a dotted mailbox or a given name, or a CJK name at its romanised mailbox", () => {
    const cases = [
      ["John Q. Public", "john.public@acme.com"],
      ["John Q. Public", "jqp@acme.com"],
      ["Watson, Mary", "mw@acme.com"],
      ["Watson, Mary J.", "mjw@acme.com"],
      ["Jean-Luc Picard", "jl.picard@acme.com"],
      ["O'Brien, Seán", "sean.obrien@acme.com"],
      ["Kim Min-jun", "minjun.kim@acme.com"],
      ["Grace Hopper-Marsh", "grace@acme.com"],
      ["李娜", "lina@acme.com"],
      ["Dr. Anna Berg", "anna.berg@acme.com"],
      ["anna berg", "aberg@acme.com"],
      ["Иван Петров", "ip@acme.com"],
    ] as const;
    expect(verdictsOf(cases, (v) => v === "likely-bot")).toEqual([]);
  });

  // `bot` in every run until hyphens split a name and other scripts were read: a hyphenated given
  // name at its run-together mailbox or at initials and a hyphenated surname; a name in Cyrillic,
  // Greek, Arabic or Hebrew letters at a romanised mailbox; a double surname at given initial +
  // surname. (A one-word name, "Sukarno" at sukarno@, stays `bot`: "Alfred" at alfred@ is a
  // tool's as often.)
  it("is reviewed, not `bot`, with a hyphenated name or a name in Cyrillic, Greek, Arabic or Hebrew letters", () => {
    const cases = [
      ["Mary-Jane Watson-Parker", "mj.watson-parker@acme.com"],
      ["Mary-Jane Watson-Parker", "maryjane@acme.com"],
      ["María José García-López", "mjgarcia@acme.com"],
      ["Иван Петров", "ivan.petrov@acme.com"],
      ["Иван Петров", "ivan@acme.com"],
      ["Γιώργος Παπαδόπουλος", "g.papadopoulos@acme.com"],
      ["محمد علي", "m.ali@acme.com"],
      ["דוד כהן", "david.cohen@acme.com"],
    ] as const;
    expect(verdictsOf(cases, (v) => v !== "bot")).toEqual([]);
  });
});
