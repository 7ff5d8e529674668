// Ordinary bots the audit could leave as `human`: a headless browser that answers an email code at
// each of a few sign-ins a workday; and, the other way, a Zapier connection on its owner's token
// never makes the owner `bot`. Each test runs several instances with jitter and asserts the
// verdict.
import { describe, expect, it } from "vitest";
import type { Snapshot } from "../snapshot/schema.js";
import { account, BROWSER, CLOUD, DAY, EMPTY, ev, HOUR, iso, isWeekend, lcg, MIN, OFFICE, REF_MS, runsWith, snap, token, tokenCall, type Raw } from "../../../test/helpers/people-audit.js";

const INVITED = { managementSource: "invited", ...EMPTY };
const lastUi = (daysAgo: number | null): Raw => ({ productAccess: [{ key: "jira-software", id: "ari:jira", lastActiveTimestamp: daysAgo === null ? null : iso(REF_MS - daysAgo * DAY) }] });
const OTP = "email_otp_sent";
const HEADLESS = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/120.0.0.0 Safari/537.36";
const SEEDS = [1, 2, 3, 4, 5, 6, 7, 8];

describe("a headless browser that signs in a few times a workday, answering an email code each time", () => {
  // A Playwright job on a person's name opens HeadlessChrome 3-5 times a workday at times set by a
  // queue (08:00-17:00), answers the email code, updates four issues within five minutes and quits.
  // The user agent says HeadlessChrome on every event; its sign-ins make its own recent UI use.
  function headless(seed: number, user: Raw, ip: string): Snapshot {
    const r = lcg(seed);
    const events: Raw[] = [];
    for (let d = 35; d >= 1; d--) {
      const day = REF_MS - d * DAY;
      if (isWeekend(day)) continue;
      const runs = 3 + Math.floor(r() * 3);
      for (let i = 0; i < runs; i++) {
        const t = Math.floor(day + (8 + r() * 9) * HOUR);
        events.push(ev("h", t - 20_000, { action: OTP, ip, userAgent: HEADLESS }));
        events.push(ev("h", t, { ip, userAgent: HEADLESS }));
        for (let j = 0; j < 4; j++) events.push(ev("h", t + (1 + j) * MIN + Math.floor(r() * 30_000), { action: "issue_updated", ip, userAgent: HEADLESS }));
      }
    }
    return snap(`headless-${seed}`, [account("h", { name: "Lars Olsen", ...user })], events);
  }

  it("an invited account on an office VM is not `human`", () => {
    expect(runsWith("human", SEEDS, "h", (seed) => headless(seed, { ...INVITED, ...lastUi(1) }, OFFICE))).toEqual([]);
  });

  it("an invited account run from a cloud is not `human`", () => {
    expect(runsWith("human", SEEDS, "h", (seed) => headless(seed, { ...INVITED, ...lastUi(1) }, CLOUD))).toEqual([]);
  });

  // The source leaves the last UI use empty (null), as many exports do.
  it("an invited account whose last UI use the source leaves empty is not `human`", () => {
    expect(runsWith("human", SEEDS, "h", (seed) => headless(seed, { ...INVITED, ...lastUi(null) }, CLOUD))).toEqual([]);
  });

  // An account the IdP provisions with a full profile (a test user created in the directory).
  it("an IdP-synced account with a full profile, run from a cloud, is not `human`", () => {
    expect(runsWith("human", SEEDS, "h", (seed) => headless(seed, lastUi(1), CLOUD))).toEqual([]);
  });
});

describe("a Zapier connection on its owner's API token, beside the owner's work in the UI", () => {
  // A team lead works in the web UI every weekday; a Zap they set up with their personal token
  // creates and updates issues 10-30 times a workday from Zapier's cloud (user agent `Zapier`),
  // whenever a form or a CRM record changes (07:00-18:00). Migrating would lock the lead out, but
  // a script visibly runs as the account: review, not `human`.
  function zap(seed: number, user: Raw, tokenId: string | undefined): Snapshot {
    const r = lcg(seed);
    const events: Raw[] = [];
    for (let d = 35; d >= 1; d--) {
      const day = REF_MS - d * DAY;
      if (isWeekend(day)) continue;
      const start = day + (8 + r() * 1.5) * HOUR;
      events.push(ev("z", Math.floor(start), { ip: OFFICE, userAgent: BROWSER }));
      for (let t = start + 4 * MIN; t < day + (17 + r()) * HOUR; t += (5 + r() * 45) * MIN) events.push(ev("z", Math.floor(t), { action: "issue_updated", ip: OFFICE, userAgent: BROWSER }));
      const calls = 10 + Math.floor(r() * 20);
      for (let i = 0; i < calls; i++) events.push(tokenCall("z", Math.floor(day + (7 + r() * 11) * HOUR), tokenId, CLOUD, "Zapier"));
    }
    return snap(`zapier-${seed}`, [account("z", { name: "Priya Raman", ...user })], events, [token("zap", "z", REF_MS - DAY, "zapier")]);
  }

  // A close call that holds today: Zapier never moves the lead to `bot`.
  it("the lead is never `bot`", () => {
    expect(runsWith("bot", SEEDS, "z", (seed) => zap(seed, INVITED, "zap"))).toEqual([]);
  });
});

describe("a browser robot that signs in at the same minute each workday", () => {
  // An RPA robot in a real Chrome on a cloud desktop: at 18:00 (within a minute) each workday it
  // signs in with an email code, files a few attachments and transitions within twenty minutes,
  // signs in again at 18:15 for the rest, and quits. Nothing else happens on the account.
  function robot(seed: number): Snapshot {
    const r = lcg(seed * 17);
    const events: Raw[] = [];
    for (let d = 60; d >= 1; d--) {
      const day = REF_MS - d * DAY;
      if (isWeekend(day)) continue;
      for (const at of [18 * HOUR, 18 * HOUR + 15 * MIN]) {
        const t = day + at + r() * 60_000;
        events.push(ev("rpa", t, { action: "email_otp_sent", ip: CLOUD, userAgent: BROWSER }));
        events.push(ev("rpa", t + 20_000, { ip: CLOUD, userAgent: BROWSER }));
        for (let k = 0; k < 3; k++) events.push(ev("rpa", t + (2 + k * 3 + r() * 2) * MIN, { action: "issue_transitioned", ip: CLOUD, userAgent: BROWSER }));
      }
    }
    return snap(`punctual-rpa-${seed}`, [account("rpa", { name: "AP Processing", email: "ap-processing@acme.com", ...INVITED, ...lastUi(1) })], events);
  }

  it("is not `human`", () => {
    expect(runsWith("human", SEEDS, "rpa", robot)).toEqual([]);
  });
});

describe("a clear job on an account the IdP provisions, never used in the UI", () => {
  // `svc-backup@`, created in the directory (synced, title and department filled in): a nightly
  // backup at 01:00 every day, 30 calls from a cloud with python-requests, on a token.
  function backup(seed: number): Snapshot {
    const r = lcg(seed);
    const events: Raw[] = [];
    for (let d = 35; d >= 1; d--) {
      const t = REF_MS - d * DAY + HOUR + Math.floor(r() * 90) * 1000;
      for (let j = 0; j < 30; j++) events.push(tokenCall("d", t + j * (2000 + Math.floor(r() * 3000)), "tk", CLOUD, "python-requests/2.31"));
    }
    return snap(`backup-${seed}`, [account("d", { name: "svc-backup", email: "svc-backup@acme.com", ...lastUi(null) })], events, [token("tk", "d", REF_MS - DAY, "backup")]);
  }

  it("is `bot`: a name that leads with an automation word and a token where the UI never was", () => {
    expect([...runsWith("likely-bot", SEEDS, "d", backup), ...runsWith("human", SEEDS, "d", backup)]).toEqual([]);
  });
});
