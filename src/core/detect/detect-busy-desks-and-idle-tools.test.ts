// Accounts that were `human` in independent generators' orgs (a German engineering group, an
// Indonesian ride-hailing app, a Central European railway, a Brazilian marketplace, a US county):
//
// (1) `signedInByMany` (floors.ts): a desk's account that its staff sign in to in turn, several
//     times a day from browsers on more than one computer, named with no given name of the org's
//     people and with no person's job title ("Wareneingang Amberg", "Admin Hub Jambi",
//     "Reisezentrum Innsbruck"). Its name holds no desk's or team's word the name readings know. A
//     person signs in once or twice a day, from a laptop and a phone; where the log records every
//     session, the org's own rate counts.
// (2) `idleToolNamed` (floors.ts): an integration idle with its token, invited with a photo or
//     synced into its team's department, named as a tool is and as no person of the org is ("k6
//     load test" at `loadtest@`, "Adquirência - Webhooks", "hubot-sre"). People idle with a token,
//     whose rare names hold a bot-like word, stay people.
// (3) A screen's handle for a display name ("tv-depot-linz"), and chat-ops and data-integration
//     products' names (Hubot, Errbot, Fivetran, Airbyte, Matillion, MuleSoft; not Boomi, a Tamil
//     given name).
import { describe, expect, it } from "vitest";
import { givenNamesOrg, invitedUntitled } from "../../../test/helpers/org-words.js";
import { account, anyOf, BROWSER, byTime, DAY, ev, explain, findingOf, HOUR, iso, lcg, MIN, OFFICE, REF_MS, signInsAllDay, snapshotOf, type Raw } from "../../../test/helpers/people-audit.js";
import type { Finding } from "./types.js";

const SEEDS = [1, 2, 3] as const;
const DOMAIN = "rail.example";
const FIREFOX = "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:128.0) Gecko/20100101 Firefox/128.0";
const TWO_BROWSERS = anyOf([BROWSER, FIREFOX]);
const EDGE = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0 Safari/537.36 Edg/130.0";
const SAFARI = "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Safari/605.1.15";
const FOUR_BROWSERS = anyOf([BROWSER, FIREFOX, EDGE, SAFARI]);
const IPHONE = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1";
const shareNote = (f: Finding): string | undefined => f.signals.find((s) => s.id === "shared-use")?.evidence;

/**
 * Account `a` among 120 colleagues (one sign-in each), its own sign-ins `perDay` a weekday from
 * `agent` at the office (single sign-on: no email codes); `busyOrg`: every colleague signs in 4 to 8 times
 * a day too, as a log that records every session shows.
 */
function signingIn(seed: number, a: Raw, perDay: readonly [number, number], agent = TWO_BROWSERS, busyOrg = false, others: Raw[] = []): Finding {
  const { users, events } = givenNamesOrg(DOMAIN);
  const theirs = busyOrg ? users.flatMap((u, i) => signInsAllDay(seed * 131 + i, String(u["accountId"]), anyOf([BROWSER]), OFFICE, false, [4, 8])) : events;
  return findingOf(snapshotOf([account("a", a), ...others, ...users], [...theirs, ...signInsAllDay(seed, "a", agent, OFFICE, false, perDay)].sort(byTime)), "a");
}
/** The site's other desks, which hold its place's name: a post room's and a stores' account at `place`. */
const desksAt = (place: string): Raw[] => [
  account("s1", invitedUntitled(`Post Room ${place}`, `postroom.${place.toLowerCase()}@${DOMAIN}`)),
  account("s2", invitedUntitled(`Stores ${place}`, `stores.${place.toLowerCase()}@${DOMAIN}`)),
];

describe("(1) a desk its staff sign in to many times a day (signedInByMany)", () => {
  // Failed before: `human`, synced from the IdP or invited, untitled.
  // Beside the site's other desks, which hold its place's name.
  it.each([
    ["Wareneingang Amberg", "wareneingang.amberg@", "Amberg"],
    ["Admin Hub Jambi", "admin.hub.jambi@", "Jambi"],
    ["Reisezentrum Innsbruck", "reisezentrum.innsbruck@", "Innsbruck"],
    ["Magazyn Gliwice", "magazyn.gliwice@", "Gliwice"],
  ])("%s at %s, signed in to 4 to 8 times a weekday from two browsers, is reviewed as shared", (name, mailbox, place) => {
    for (const seed of SEEDS) {
      for (const managementSource of ["synced", "invited"] as const) {
        const f = signingIn(seed, invitedUntitled(name, `${mailbox}${DOMAIN}`, { managementSource }), [4, 8], TWO_BROWSERS, false, desksAt(place));
        expect([seed, managementSource, f.verdict], explain(f)).toEqual([seed, managementSource, "likely-bot"]);
        expect(shareNote(f), explain(f)).toMatch(/signed in to \d+\.\d times a day on the \d+ days it signs in, where the org's accounts average \d+\.\d, from 2 browsers on computers/);
      }
    }
  });

  // Less often, from four browsers' families (each of its staff at their own computer).
  it("Fôrflåte Hestaneset, signed in to 2 to 3 times a weekday from four browsers, is reviewed as shared", () => {
    for (const seed of SEEDS) {
      const f = signingIn(seed, invitedUntitled("Fôrflåte Hestaneset", `flate.hestaneset@${DOMAIN}`, { managementSource: "synced" }), [2, 3], FOUR_BROWSERS, false, desksAt("Hestaneset"));
      expect([seed, f.verdict], explain(f)).toEqual([seed, "likely-bot"]);
      expect(shareNote(f), explain(f)).toMatch(/from 4 browsers on computers/);
    }
  });

  // People: a job title, a given name the org's people have, one or two sign-ins a day, one
  // browser, or an org whose every account signs in as often. The rare given name and the
  // two browsers (Xochitl Quispe's laptop and her phone's) are not enough alone.
  it.each([
    ["with a person's job title", "Xochitl Quispe", "xochitl.quispe@", { jobTitle: "Buyer" }, [4, 8], TWO_BROWSERS, false],
    ["with a given name of the org's people", "Bada Lindqvist", "bada.lindqvist@", {}, [4, 8], TWO_BROWSERS, false],
    ["signing in once or twice a day", "Xochitl Quispe", "xochitl.quispe@", {}, [1, 2], TWO_BROWSERS, false],
    ["signing in once a day from four browsers", "Xochitl Quispe", "xochitl.quispe@", {}, [1, 1], FOUR_BROWSERS, false],
    ["from one browser", "Xochitl Quispe", "xochitl.quispe@", {}, [4, 8], anyOf([BROWSER]), false],
    ["from a computer and a phone", "Xochitl Quispe", "xochitl.quispe@", {}, [4, 8], anyOf([BROWSER, IPHONE]), false],
    ["where every account signs in 4 to 8 times a day", "Xochitl Quispe", "xochitl.quispe@", {}, [4, 8], TWO_BROWSERS, true],
    // A review found these reviewed: no title, a given name nobody else in the org has, Chrome and
    // Edge on one PC or a VDI beside a laptop. Nothing in their names says team or place.
    ["at a VDI and a laptop, 4 to 8 times a day", "Oluwaseun Adeyemi", "oluwaseun.adeyemi.ext@", { managementSource: "invited" }, [4, 8], anyOf([BROWSER, EDGE]), false],
    ["in IT, twice or three times a day from three browsers", "Bongani Nkosi", "bongani.nkosi@", { department: "IT" }, [2, 3], anyOf([BROWSER, EDGE, FIREFOX]), false],
    ["testing in four browsers, 2 or 3 times a day", "Xiomara Villalobos", "xiomara.villalobos@", { managementSource: "invited" }, [2, 3], FOUR_BROWSERS, false],
  ] as const)("a person %s stays human", (_what, name, mailbox, fields, perDay, agent, busyOrg) => {
    for (const seed of SEEDS) {
      const f = signingIn(seed, invitedUntitled(name, `${mailbox}${DOMAIN}`, { managementSource: "synced", ...fields }), perDay, agent, busyOrg);
      expect([seed, f.verdict], explain(f)).toEqual([seed, "human"]);
    }
  });
  // A surname that three titled colleagues have is no place, however many accounts hold it.
  it("Oluwaseun Nkosi, beside three titled Nkosis, signing in 4 to 8 times a day from two browsers, stays human", () => {
    const nkosis = ["Thabo", "Lindiwe", "Sipho"].map((given, i) => account(`n${i}`, { name: `${given} Nkosi`, email: `${given.toLowerCase()}.nkosi@${DOMAIN}` }));
    for (const seed of SEEDS) {
      const f = signingIn(seed, invitedUntitled("Oluwaseun Nkosi", `oluwaseun.nkosi@${DOMAIN}`, { managementSource: "synced" }), [4, 8], TWO_BROWSERS, false, nkosis);
      expect([seed, f.verdict], explain(f)).toEqual([seed, "human"]);
    }
  });
});

/** A token made months ago, never used as far as the token list tells. */
const unusedToken = (label = "token"): Raw => ({ id: "a-t", accountId: "a", label, status: "ALLOWED", createdAt: iso(REF_MS - 200 * DAY), expiresAt: null, lastActiveAt: null });
const NEVER_UI = { productAccess: [{ key: "jira-software", id: "ari:jira", lastActiveTimestamp: null }] };
/** Account `a`, with only an unused API token and nothing in the log, among 120 colleagues, judged. */
function idle(a: Raw, others: Raw[] = []): Finding {
  const { users, events } = givenNamesOrg(DOMAIN);
  return findingOf(snapshotOf([account("a", { ...NEVER_UI, ...a }), ...others, ...users], events.sort(byTime), [unusedToken()]), "a");
}
const PHOTO = { picture: "https://avatar/x.png", jobTitle: null, department: null };

describe("(2) an integration idle with its token, named as a tool (idleToolNamed)", () => {
  // Failed before: `human`.
  it.each([
    ["k6 load test", "loadtest@", { managementSource: null, ...PHOTO }],
    ["Integração Tecno Andina", "integracao.tecnoandina@", { managementSource: "invited", ...PHOTO }],
    ["Adquirência - Webhooks", "adquirencia.webhooks@", { managementSource: "synced", jobTitle: null, department: "TucanoPay - Engenharia" }],
    ["hubot-sre", "hubot@", { managementSource: "invited", ...PHOTO }],
    ["Fivetran Jira Finance", "fivetran.finance@", { managementSource: "invited", ...PHOTO }],
  ] as const)("%s at %s is reviewed", (name, mailbox, fields) => {
    const f = idle({ name, email: `${mailbox}${DOMAIN}`, ...fields });
    expect(f.verdict, explain(f)).toBe("likely-bot");
    expect(f.signals.some((s) => s.id === "automation-identity"), explain(f)).toBe(true);
  });

  // People on leave with a token, invited with a photo: a rare name of two words with a bot-like
  // word in it at their own mailbox, the word in the middle of three or in their team's note but
  // not their mailbox; or a person's job title.
  // A surname of the org's people last, after two names the org does not know.
  it("Ngozi Adaeze Bridge at ngozi.bridge@, beside a colleague surnamed Bridge, stays human", () => {
    const f = idle({ name: "Ngozi Adaeze Bridge", email: `ngozi.bridge@${DOMAIN}`, managementSource: "invited", ...PHOTO }, [account("b1", { name: "Bada Bridge", email: `bada.bridge@${DOMAIN}` })]);
    expect(f.verdict, explain(f)).toBe("human");
  });
  it.each([
    ["Ngozi Bridge", "ngozi.bridge@", {}],
    ["Jenkins Xochitl", "jenkins.xochitl@", {}],
    ["Xochitl Jenkins", "xochitl.jenkins@", {}],
    ["Ci Wang", "ci.wang@", {}],
    ["Kofi Api Mensah", "kofi.api.mensah@", {}],
    ["Xochitl Quispe - Integrations", "xochitl.quispe@", {}],
    ["Load Test Engineer", "load.test@", { jobTitle: "Performance Engineer" }],
    // A review found these reviewed: a surname that is a tool's word, last after two names or after
    // an honorific.
    ["Latoya Renee Jenkins", "latoya.jenkins@", {}],
    ["Ifeoma Grace Service", "ifeoma.service@", {}],
    ["Dr. Shaniqua Jenkins", "shaniqua.jenkins@", {}],
  ] as const)("%s at %s stays human", (name, mailbox, fields) => {
    const f = idle({ name, email: `${mailbox}${DOMAIN}`, managementSource: "invited", ...PHOTO, ...fields });
    expect(f.verdict, explain(f)).toBe("human");
  });
});

/**
 * Account `a` signing in from the office at about 04:15 on a few mornings (its session lasts for
 * days between them), a minute of work after each, among 120 colleagues.
 */
function screenMornings(seed: number, a: Raw, others: Raw[] = []): Finding {
  const r = lcg(seed * 7 + 1);
  const own: Raw[] = [];
  for (const d of [27, 21, 15, 8, 2]) {
    const t = REF_MS - d * DAY + 4 * HOUR + Math.floor((13 + r() * 4) * MIN);
    own.push(ev("a", t, { ip: OFFICE, userAgent: BROWSER }), ev("a", t + MIN, { action: "dashboard_viewed", ip: OFFICE, userAgent: BROWSER }));
  }
  const { users, events } = givenNamesOrg(DOMAIN);
  return findingOf(snapshotOf([account("a", a), ...others, ...users], [...events, ...own].sort(byTime)), "a");
}

describe("(3) a screen's handle for a display name, and products' names", () => {
  // Boomi is a Tamil given name too, and no bot-like word: a staff nurse so named, at work daily.
  it("Boomi Krishnan, a staff nurse at boomi.krishnan@, stays human", () => {
    for (const seed of SEEDS) {
      const f = signingIn(seed, invitedUntitled("Boomi Krishnan", `boomi.krishnan@${DOMAIN}`, { managementSource: "synced", jobTitle: "Staff Nurse" }), [1, 2], anyOf([BROWSER]));
      expect([seed, f.verdict], explain(f)).toEqual([seed, "human"]);
    }
  });
  it.each([
    ["tv-depot-linz", "tv-depot-linz@"],
    ["screen-ops-floor2", "ops.screen2@"],
  ])("%s at %s, signing in each morning, is reviewed", (name, mailbox) => {
    for (const seed of SEEDS) {
      const f = screenMornings(seed, invitedUntitled(name, `${mailbox}${DOMAIN}`));
      expect([seed, f.verdict], explain(f)).toEqual([seed, "likely-bot"]);
    }
  });
  // A contractor named by their mailbox (`tv.narayanan`: initials), or a handle with a device's
  // word that a surname may be beside one other word, at work as a person is: `human`.
  // A review found the three-word ones reviewed: a contractor's tag, an initial, or a person's
  // names beside the TV's initials, joined by dots as a mailbox is.
  it.each([
    ["tv.narayanan", "tv.narayanan@"],
    ["board.smith", "board.smith@"],
    ["panel-kumar", "panel.kumar@"],
    ["tv.narayanan.ext", "tv.narayanan.ext@"],
    ["tv.s.narayanan", "tv.s.narayanan@"],
    ["john.board.ext", "john.board@"],
    ["tv.ramesh.kumar", "tv.ramesh.kumar@"],
  ])("%s at %s stays human", (name, mailbox) => {
    for (const seed of SEEDS) {
      const f = screenMornings(seed, invitedUntitled(name, `${mailbox}${DOMAIN}`));
      expect([seed, f.verdict], explain(f)).toEqual([seed, "human"]);
    }
  });
});
