// Left out, as known gaps (reviewed before these changes too): "Jenkins Sarah" at jenkins.sarah@
// signing in by SSO (the mailbox leads with the word), and an invited Sarah Jenkins with the
// default avatar and an email code at each sign-in from one office address.
// Fifth attack on today's named-automation changes (c3d88ef..HEAD: `toolFirst`/`ownMailbox`,
// `personalMailbox`, the default avatar as an empty profile, `idleWithToken`/`longIdle`,
// `namePart`, `ownLettersAfterRole` and the two letters after a role word), both directions, in
// cases the four earlier attack files (forty-seventh .. fiftieth) leave out:
// 1. PEOPLE whose directory writes the surname first without a comma ("Jenkins Sarah", "Mailer
//    Hans", as many European directories and Hungarian names do), synced, Atlassian's default
//    avatar and no title, signing in by password with an email code each time. `toolFirst` takes
//    the name for a tool's ("Build Agent"), so the mailbox is not `ownMailbox`, the default avatar
//    makes the synced account "nobody's", and the codes are a script's trace.
// 2. PEOPLE written so, on leave with a personal token, at `sjenkins@`: `personalMailbox` reads the
//    last word ("Sarah") as the surname and the mailbox as no one's.
// 3. TEAM accounts at a role word and a country's code that is also the display name's second
//    word ("Support UK" at support.uk@, "Sales DE", "HR NL"): `ownLettersAfterRole` reads "uk",
//    "de", "nl" as the holder's own letters, so role-mailbox and the shared-use floor are gone.
// 4. A SERVICE ACCOUNT named after its owner ("Jane Doe - Service Account"): `namePart` sets the
//    note aside as a team's, so no bot-like word is left.
// Each `it` says the right verdict; "(control)" cases pass at HEAD. Pre-existing failures (wrong at
// c3d88ef too) are marked so in their titles.
import { describe, expect, it } from "vitest";
import {
  account,
  BROWSER,
  CLOUD,
  DAY,
  EMPTY,
  findingOf,
  fourColleagues,
  HOUR,
  initialsAvatar,
  iso,
  JUDGE_LOG_CHANGES,
  lcg,
  MIN,
  noLastActive,
  OFFICE,
  officeDays,
  dropIns,
  perturbed,
  REF_MS,
  snapshotOf,
  token,
  tokenCall,
  wrongRuns,
  type Raw,
} from "../../../test/helpers/people-audit.js";
import type { Finding } from "./types.js";

const SEEDS = [1, 2] as const;
const human = (v: Finding["verdict"]): boolean => v === "human";
const notHuman = (v: Finding["verdict"]): boolean => v !== "human";
const none = (w: string[]): void => expect(w, w.join(" || ")).toEqual([]);
const uiAt = (ms: number | null): Raw => ({ productAccess: [{ key: "jira-software", id: "ari:jira", lastActiveTimestamp: ms === null ? null : iso(ms) }] });
const lastOf = (events: Raw[]): number => Math.max(...events.map((e) => Date.parse(String(e["time"]))));
const HOME = "86.12.4.9";
const PHONE = "176.24.88.3";
const VPN = "194.9.80.12";
const FOUR = [OFFICE, HOME, PHONE, VPN] as const;

interface Case {
  user: Raw;
  events: Raw[];
  tokens?: Raw[];
}
/** Account `x` of `c` among four office colleagues; `changes` to the whole log, last-active dropped when `blank`; no events at all when `noLog`. */
function judged(seed: number, c: Case, { changes = [], blank = false, noLog = false }: { changes?: Parameters<typeof perturbed>[2]; blank?: boolean; noLog?: boolean } = {}): Finding {
  const { users, events } = fourColleagues(seed);
  const all = [...users, c.user];
  return findingOf(snapshotOf(blank ? all.map(noLastActive) : all, noLog ? [] : perturbed([...events, ...c.events], seed, changes), c.tokens ?? []), "x");
}
function wrong(want: (v: Finding["verdict"]) => boolean, build: (seed: number) => Case, opts: Parameters<typeof judged>[2] = {}): string[] {
  return wrongRuns(SEEDS, want, (seed) => judged(seed, build(seed), opts));
}
/** Synced by the IdP, Atlassian's default avatar, no job title or department. */
const syncedDefault = (name: string, email: string, extra: Raw = {}): Raw => account("x", { name, email, jobTitle: null, department: null, picture: initialsAvatar("XX"), ...extra });

// ---------------------------------------------------------------------------------------------
describe("people whose directory writes the surname first without a comma, synced, default avatar, no title, an email code at each sign-in", () => {
  // Password sign-in (no SSO), so each sign-in waits for an email code; at work in the office
  // every weekday. Human at c3d88ef; `automation-identity` at HEAD.
  const cases: [string, string][] = [
    ["Jenkins Sarah", "sarah.jenkins@acme.com"],
    ["Mailer Hans", "hans.mailer@acme.de"],
    ["Bridge Tamás", "tamas.bridge@acme.hu"],
    ["Loader Karl", "karl.loader@acme.de"],
  ];
  for (const [name, email] of cases) {
    it(`"${name}" at ${email}, in the office every weekday, is \`human\``, () => {
      none(
        wrong(human, (seed) => {
          const events = officeDays(lcg(seed * 5 + 1), "x", true);
          return { user: syncedDefault(name, email, uiAt(lastOf(events))), events };
        }),
      );
    });
  }

  it('"Jenkins Sarah" at sarah.jenkins@ stays `human` under the judge\'s log changes', () => {
    const bad = JUDGE_LOG_CHANGES.flatMap(([what, changes, blank]) =>
      wrong(
        human,
        (seed) => {
          const events = officeDays(lcg(seed * 5 + 1), "x", true);
          return { user: syncedDefault("Jenkins Sarah", "sarah.jenkins@acme.com", uiAt(lastOf(events))), events };
        },
        { changes, blank },
      ).map((w) => `${what}: ${w}`),
    );
    none(bad);
  });

  it('a partner\'s lead "Mailer Hans" at hans.mailer@, synced, dropping in 1-3 times a workday with an email code each, is `human`', () => {
    none(
      wrong(human, (seed) => {
        const events = dropIns(lcg(seed * 7 + 2), "x", [1, 3]);
        return { user: syncedDefault("Mailer Hans", "hans.mailer@acme.de", uiAt(lastOf(events))), events };
      }),
    );
  });

  it('(control) "Jenkins Sarah" at sarah.jenkins@ signing in by SSO (no codes) is `human`', () => {
    none(
      wrong(human, (seed) => {
        const events = officeDays(lcg(seed * 5 + 1), "x");
        return { user: syncedDefault("Jenkins Sarah", "sarah.jenkins@acme.com", uiAt(lastOf(events))), events };
      }),
    );
  });

  it('(control) "Jenkins Sarah" at sarah.jenkins@ with email codes and a picture she uploaded is `human`', () => {
    none(
      wrong(human, (seed) => {
        const events = officeDays(lcg(seed * 5 + 1), "x", true);
        return { user: syncedDefault("Jenkins Sarah", "sarah.jenkins@acme.com", { picture: "https://avatar/sarah.png", ...uiAt(lastOf(events)) }), events };
      }),
    );
  });

});

// ---------------------------------------------------------------------------------------------
describe("people written surname first, on leave with a personal token", () => {
  /** No event in the 35-day log; the UI and the token last used `days` ago. */
  const onLeave = (name: string, email: string, days: number): Case => ({
    user: syncedDefault(name, email, uiAt(REF_MS - days * DAY)),
    events: [],
    tokens: [token("t1", "x", REF_MS - days * DAY, "jira-cli")],
  });
  for (const days of [40, 100]) {
    it(`a synced "Jenkins Sarah" at sjenkins@, default avatar, no title, away for ${days} days with a personal token, is \`human\``, () => {
      none(wrong(human, () => onLeave("Jenkins Sarah", "sjenkins@acme.com", days)));
    });
  }
  it('(control) a synced "Jenkins Sarah" at sarah.jenkins@, away for 40 days with a personal token, is `human`', () => {
    none(wrong(human, () => onLeave("Jenkins Sarah", "sarah.jenkins@acme.com", 40)));
  });
  it('(pre-existing) a synced "Jenkins Sarah" at sjenkins@, default avatar, no title, in an org without an audit log, token and UI used yesterday, is `human`', () => {
    none(wrong(human, () => ({ user: syncedDefault("Jenkins Sarah", "sjenkins@acme.com", uiAt(REF_MS - DAY)), events: [], tokens: [token("t1", "x", REF_MS - DAY, "jira-cli")] }), { noLog: true }));
  });
});

// ---------------------------------------------------------------------------------------------
describe("team accounts at a role word and a country's code that the display name repeats", () => {
  /** Four people of the team sign in, each from their own address, with an email code each time. */
  function fourPeople(seed: number): Raw[] {
    const r = lcg(seed * 37 + 2);
    return FOUR.flatMap((ip) => officeDays(lcg(Math.floor(r() * 1e9)), "x", true).filter(() => r() < 0.3).map((e) => ({ ...e, ip })));
  }
  const teams: [string, string, Raw][] = [
    ["Support UK", "support.uk@acme.com", { jobTitle: null, department: null, picture: null }],
    ["Sales DE", "sales.de@acme.com", { jobTitle: null, department: null, picture: null }],
    ["HR NL", "hr.nl@acme.com", { jobTitle: null, department: "HR", picture: null }],
    ["Support UK", "support-uk@acme.com", { jobTitle: null, department: "Customer Care", picture: initialsAvatar("SU") }],
  ];
  for (const [name, email, profile] of teams) {
    it(`"${name}" at ${email}, four people signing in with an email code each, is not \`human\``, () => {
      none(
        wrong(notHuman, (seed) => {
          const events = fourPeople(seed);
          return { user: account("x", { name, email, ...profile, ...uiAt(lastOf(events)) }), events };
        }),
      );
    });
  }
  it('"Support UK" at support.uk@, used in the UI yesterday, in an org without an audit log, is not `human`', () => {
    none(wrong(notHuman, () => ({ user: account("x", { name: "Support UK", email: "support.uk@acme.com", jobTitle: null, department: null, picture: null, ...uiAt(REF_MS - DAY) }), events: [] }), { noLog: true }));
  });
  it('"Sales DE" at sales.de@, invited, a token and the UI used yesterday, in an org without an audit log, is not `human`', () => {
    none(
      wrong(notHuman, () => ({ user: account("x", { name: "Sales DE", email: "sales.de@acme.com", managementSource: "invited", ...EMPTY, ...uiAt(REF_MS - DAY) }), events: [], tokens: [token("t1", "x", REF_MS - DAY, "crm-sync")] }), {
        noLog: true,
      }),
    );
  });
  it('(control) "Support UK" at support.uk@ whose token a cloud sync calls every 15 minutes is not `human`', () => {
    none(
      wrong(notHuman, (seed) => {
        const r = lcg(seed * 29 + 1);
        const events: Raw[] = [];
        for (let t = REF_MS - 35 * DAY; t < REF_MS; t += 15 * MIN) events.push(tokenCall("x", Math.floor(t + r() * 20_000), "tk", CLOUD, "python-requests/2.31"));
        return { user: account("x", { name: "Support UK", email: "support.uk@acme.com", jobTitle: null, department: null, picture: null, ...uiAt(REF_MS - 150 * DAY) }), events, tokens: [token("tk", "x", REF_MS - HOUR, "sync")] };
      }),
    );
  });
});

// ---------------------------------------------------------------------------------------------
describe('service accounts named after their owner ("Jane Doe - Service Account")', () => {
  it('an invited "Jane Doe - Service Account" at jdoe-sa@, empty profile, token and UI used yesterday, in an org without an audit log, is not `human`', () => {
    none(
      wrong(notHuman, () => ({ user: account("x", { name: "Jane Doe - Service Account", email: "jdoe-sa@acme.com", managementSource: "invited", ...EMPTY, ...uiAt(REF_MS - DAY) }), events: [], tokens: [token("t1", "x", REF_MS - DAY, "etl")] }), {
        noLog: true,
      }),
    );
  });
  it('a synced "Jane Doe - Service Account" at jdoe-sa@, empty profile, an unattended desktop robot on the office VM signing in with an email code and working all day, is not `human`', () => {
    none(
      wrong(notHuman, (seed) => {
        const events = officeDays(lcg(seed * 5 + 1), "x", true).map((e) => ({ ...e, userAgent: BROWSER }));
        return { user: account("x", { name: "Jane Doe - Service Account", email: "jdoe-sa@acme.com", ...EMPTY, ...uiAt(lastOf(events)) }), events };
      }),
    );
  });
  it('(control) "Jane Doe - Service Account" at jdoe-sa@ whose token a cloud job calls every 15 minutes is not `human`', () => {
    none(
      wrong(notHuman, (seed) => {
        const r = lcg(seed * 29 + 1);
        const events: Raw[] = [];
        for (let t = REF_MS - 35 * DAY; t < REF_MS; t += 15 * MIN) events.push(tokenCall("x", Math.floor(t + r() * 20_000), "tk", CLOUD, "python-requests/2.31"));
        return { user: account("x", { name: "Jane Doe - Service Account", email: "jdoe-sa@acme.com", ...EMPTY, ...uiAt(REF_MS - 150 * DAY) }), events, tokens: [token("tk", "x", REF_MS - HOUR, "etl")] };
      }),
    );
  });
});
