// Fifth attack: a first version reviewed a team-named account signing in from two addresses in a
// log with no email codes as shared; every person below was sent to review by it (the path is
// gone: two addresses are a person's office and home), and "migration" as a tool's word moves none.
// The people below are one person each, in orgs whose audit export records no email OTP events.
import { describe, expect, it } from "vitest";
import { account, BROWSER, DAY, EMPTY, ev, explain, findingOf, HOUR, isWeekend, lcg, MIN, OFFICE, officeColleagues, REF_MS, snapshotOf, token, tokenCall, wrongRuns, type Raw } from "../../../test/helpers/people-audit.js";
import type { Finding } from "./types.js";

const SEEDS = [1, 2, 3, 4] as const;
const HOME = "86.14.22.91";
const PHONE_IP = "92.40.12.7";
const PHONE = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1";
const recentUi = { productAccess: [{ key: "jira-software", id: "ari:jira", lastActiveTimestamp: new Date(REF_MS - DAY).toISOString() }] };

/**
 * One person's five weeks (account `x`): at the office on weekdays from 08:00-09:30 with work until
 * 17:00-18:30, working from home (`home`) on about one weekday in four, a look from the phone on
 * some evenings (`phone`, when given); with an email code before each sign-in when `codeAction`.
 */
function personDays(seed: number, home: string | null = HOME, phone: string | null = null, codeAction: string | null = null, tokenUse = false): Raw[] {
  const r = lcg(seed * 31 + 7);
  const out: Raw[] = [];
  const signIn = (t: number, ip: string, userAgent: string): void => {
    if (codeAction !== null) out.push(ev("x", Math.floor(t - 25_000), { action: codeAction, ip, userAgent }));
    out.push(ev("x", Math.floor(t), { ip, userAgent }));
  };
  for (let d = 35; d >= 1; d--) {
    const day = REF_MS - d * DAY;
    if (isWeekend(day) || r() < 0.05) continue;
    const ip = home !== null && r() < 0.25 ? home : OFFICE;
    const start = day + (8 + r() * 1.5) * HOUR;
    const end = day + (17 + r() * 1.5) * HOUR;
    signIn(start, ip, BROWSER);
    for (let t = start + 4 * MIN; t < end; t += (5 + r() * 45) * MIN) out.push(ev("x", Math.floor(t), { action: r() < 0.5 ? "issue_updated" : "comment_created", ip, userAgent: BROWSER }));
    if (tokenUse && r() < 0.3) for (let k = 0; k < 3; k++) out.push(tokenCall("x", Math.floor(start + (2 + k) * HOUR), "t1", ip));
    if (phone !== null && r() < 0.3) {
      const t = day + (19 + r() * 2) * HOUR;
      signIn(t, phone, PHONE);
      out.push(ev("x", Math.floor(t + 2 * MIN), { action: "comment_created", ip: phone, userAgent: PHONE }));
    }
  }
  return out;
}

/** `user` (account `x`) among eight colleagues whose sign-ins carry no email codes: the log records none. */
function judged(seed: number, user: Raw, events: Raw[], apiTokens: Raw[] = []): Finding {
  const { users, events: theirs } = officeColleagues(seed);
  return findingOf(snapshotOf([...users, user], [...theirs, ...events], apiTokens), "x");
}
const person = (fields: Raw): Raw => account("x", { ...recentUi, ...fields });

describe("people whose display name a team's could be, in a log that records no email codes", () => {
  const people: [string, Raw, string | null][] = [
    // Hub is a Dutch given name (Hub van Doorne); directories write the surname first, in capitals with its particle.
    ["VAN DOORNE Hub (particle in capitals, surname first)", { name: "VAN DOORNE Hub", email: "hub.vandoorne@acme.nl", jobTitle: "Plant Manager", department: "Operations" }, null],
    ["Stevens Hub (surname first, no capitals, initial+surname mailbox)", { name: "Stevens Hub", email: "hstevens@acme.nl", jobTitle: "Controller", department: "Finance" }, null],
    // Small firms: a single-word mailbox of the given name, the desk after the given name.
    ["Amy Reception at amy@", { name: "Amy Reception", email: "amy@brightsmiles-dental.co.uk", managementSource: "invited", ...EMPTY }, PHONE_IP],
    ["Tom Service Desk at tom@", { name: "Tom Service Desk", email: "tom@smallmsp.io", managementSource: "invited", ...EMPTY }, null],
    // A PI's own account named for the lab, at the PI's own mailbox, from office, home and phone.
    ["Koh Lab at wkoh@ (PI's own)", { name: "Koh Lab", email: "wkoh@uni.edu", jobTitle: "Professor", department: "Biochemistry" }, PHONE_IP],
    ["Prof. Koh Lab at wkoh@", { name: "Prof. Koh Lab", email: "wkoh@uni.edu", jobTitle: "Professor", department: "Biochemistry" }, null],
    // A directory that appends the team's word to a short name: three words.
    ["Jane Doe Lab at jdoe@", { name: "Jane Doe Lab", email: "jdoe@uni.edu", jobTitle: "Postdoc" }, null],
    ["Li Wei Engineers at lwei@", { name: "Li Wei Engineers", email: "lwei@acme.com" }, null],
    // Staff numbers as mailboxes (universities, hospitals) beside a name with the unit appended.
    ["Mia Chen Nurses at staff number", { name: "Mia Chen Nurses", email: "n0412337@acme-hospital.org", jobTitle: "Staff Nurse" }, PHONE_IP],
  ];

  it.each(people)("leaves %s `human`", (_label, fields, phone) => {
    const wrong = wrongRuns(SEEDS, (v) => v === "human", (seed) => judged(seed, person(fields), personDays(seed, HOME, phone)));
    expect(wrong).toEqual([]);
  });
});

describe("the same people where the log records email codes (guard)", () => {
  it("leaves them `human`: only the log without codes reviews them", () => {
    // Colleagues' sign-ins with codes under the default key; these people sign in with 2SV, no codes.
    const { users, events } = officeColleagues(1);
    const codes = [...events];
    for (const e of events.filter((x) => x["action"] === "user_login")) codes.push(ev(String(e["actorId"]), Date.parse(String(e["time"])) - 30_000, { action: "email_otp_sent", ip: OFFICE }));
    for (const fields of [{ name: "Koh Lab", email: "wkoh@uni.edu", jobTitle: "Professor" }, { name: "Jane Doe Lab", email: "jdoe@uni.edu", jobTitle: "Postdoc" }]) {
      const f = findingOf(snapshotOf([...users, person({ ...fields, mfaEnabled: true })], [...codes, ...personDays(1, HOME, PHONE_IP)]), "x");
      expect(f.verdict, `${fields.name}: ${explain(f)}`).toBe("human");
    }
  });
});

// Guards: "migration" now a tool's word; the people who carry it stay people (a sub-address adds bot-name only).
describe("people with migration in their name or mailbox", () => {
  const people: [string, Raw, boolean][] = [
    ["Sam Lee (Migration)", { name: "Sam Lee (Migration)", email: "sam.lee@acme.com", jobTitle: "Engineer", department: "Cloud Migration" }, true],
    ["partner consultant sub-addressed", { name: "Alex Chen", email: "alex.chen+acme-migration@partnerco.com", managementSource: "invited", ...EMPTY }, true],
  ];
  it.each(people)("leaves %s `human`", (_label, fields, tokenUse) => {
    const wrong = wrongRuns(SEEDS, (v) => v === "human", (seed) => judged(seed, person(fields), personDays(seed, HOME, PHONE_IP, null, tokenUse), tokenUse ? [token("t1", "x", REF_MS - 2 * DAY, "migration-scripts")] : []));
    expect(wrong).toEqual([]);
  });
});

describe("a team's account where the log records email codes under a key of its own", () => {
  it("is not reviewed only for two addresses: the inferred key counts as recorded", () => {
    // Colleagues' sign-ins each with an `idp.email-otp.issued` code (inferred), the team's none (2SV).
    const { users, events } = officeColleagues(1);
    const codes = [...events];
    for (const e of events.filter((x) => x["action"] === "user_login")) codes.push(ev(String(e["actorId"]), Date.parse(String(e["time"])) - 30_000, { action: "idp.email-otp.issued", ip: OFFICE }));
    const team = account("x", { name: "Outpatients Bookings Team", email: "opd.bookings@acme-hospital.org", mfaEnabled: true, ...recentUi });
    const f = findingOf(snapshotOf([...users, team], [...codes, ...personDays(1, HOME)]), "x");
    expect(f.verdict, explain(f)).toBe("human");
  });
});
