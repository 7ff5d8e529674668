import { describe, expect, it } from "vitest";
import { snapshotSchema } from "../snapshot/schema.js";
import { detectionConfigSchema } from "./config.js";
import { auditSnapshot } from "./index.js";
import { account, BROWSER, CLOUD, DAY, EMPTY, ev, explain, HOUR, isWeekend, lcg, MIN, OFFICE, rawSnapshot, REF_MS, token, tokenCall, type Raw } from "../../../test/helpers/people-audit.js";

// A source that does not collect when accounts were last active in the UI (an export without
// last-active dates, a directory) leaves every product access without a time. "Never active in
// the UI" then means "not recorded": the audit log's sign-ins stand for UI use.
const UNRECORDED = { productAccess: [{ key: "jira-software", id: "ari:jira" }] };

/** Office workers who sign in on weekdays, so the org is big enough to read as one that records no UI activity. */
function colleagues(count: number, rnd: () => number): { users: Raw[]; events: Raw[] } {
  const users: Raw[] = [];
  const events: Raw[] = [];
  for (let i = 0; i < count; i++) {
    const id = `p${i}`;
    users.push(account(id, { name: `Person ${i}`, ...UNRECORDED }));
    for (let d = 40; d >= 1; d--) {
      const day = REF_MS - d * DAY;
      if (isWeekend(day) || rnd() < 0.2) continue;
      events.push(ev(id, day + 8 * HOUR + rnd() * 2 * HOUR, { ip: OFFICE, userAgent: BROWSER }));
    }
  }
  return { users, events };
}

function audit(users: Raw[], events: Raw[], apiTokens: Raw[]) {
  const snapshot = snapshotSchema.parse(rawSnapshot(users, events, apiTokens));
  return auditSnapshot(snapshot, { detection: detectionConfigSchema.parse({}), allowlist: [], denylist: [], includeHumans: true, generatedAt: new Date(0) });
}

describe("a snapshot that records no UI activity", () => {
  for (const seed of [1, 2, 3]) {
    const rnd = lcg(seed * 101);
    const { users, events } = colleagues(12, rnd);
    const tokens: Raw[] = [];
    // A developer who signs in on weekdays and uses a CLI token in working hours.
    users.push(account("dev", { name: "Ana Costa", ...UNRECORDED }));
    for (let d = 40; d >= 1; d--) {
      const day = REF_MS - d * DAY;
      if (isWeekend(day)) continue;
      events.push(ev("dev", day + 9 * HOUR + rnd() * HOUR, { ip: OFFICE, userAgent: BROWSER }));
      for (let k = 0; k < 5; k++) events.push(tokenCall("dev", day + 10 * HOUR + rnd() * 7 * HOUR, "tk-dev"));
    }
    tokens.push(token("tk-dev", "dev", REF_MS - DAY - 14 * HOUR));
    // A team mailbox: agents sign in on weekdays; an integration uses its token round the clock.
    users.push(account("desk", { name: "Help Desk", email: "helpdesk@acme.com", ...UNRECORDED }));
    for (let d = 30; d >= 1; d--) {
      const day = REF_MS - d * DAY;
      if (!isWeekend(day)) events.push(ev("desk", day + 8 * HOUR + rnd() * 3 * HOUR, { ip: OFFICE, userAgent: BROWSER }));
      for (let t = day; t < day + DAY; t += 30 * MIN) events.push(tokenCall("desk", t + rnd() * 60_000, "tk-desk", CLOUD, "python-requests/2.31"));
    }
    tokens.push(token("tk-desk", "desk", REF_MS - 20 * MIN, "helpdesk-sync"));
    // A script's account with an empty profile that never signs in; its token is used daily.
    users.push(account("etl", { name: "Data Loader", email: "dataloader@acme.com", managementSource: "invited", ...EMPTY, ...UNRECORDED }));
    tokens.push(token("tk-etl", "etl", REF_MS - 3 * HOUR, "loader"));
    // A reporting job on an IdP-synced account with a person's profile, run through working hours
    // on weekdays with a token; nobody signs in to it in the whole log.
    users.push(account("kpi", { name: "Kim Park", email: "kpi@acme.com", ...UNRECORDED }));
    for (let d = 40; d >= 1; d--) {
      const day = REF_MS - d * DAY;
      if (isWeekend(day)) continue;
      for (let k = 0; k < 30; k++) events.push(tokenCall("kpi", day + 8 * HOUR + rnd() * 9 * HOUR, "tk-kpi", OFFICE, "python-requests/2.31"));
    }
    tokens.push(token("tk-kpi", "kpi", REF_MS - DAY - 7 * HOUR, "kpi-export"));
    const report = audit(users, events, tokens);
    const verdict = (id: string) => report.findings.find((f) => f.accountId === id)!;

    it(`says so, and reads the log's sign-ins instead (seed ${seed})`, () => {
      expect(report.warnings.some((w) => w.includes("no account records when it was last active in a product's UI"))).toBe(true);
      for (let i = 0; i < 12; i++) expect(verdict(`p${i}`).verdict, explain(verdict(`p${i}`))).toBe("human");
    });

    it(`a developer who signs in and uses a CLI token is human, with recent UI use from the sign-ins (seed ${seed})`, () => {
      const f = verdict("dev");
      expect(f.verdict, explain(f)).toBe("human");
      const ui = f.signals.find((s) => s.id === "recent-ui-activity");
      expect(ui?.evidence).toMatch(/latest sign-in or browser work in the audit log/);
      expect(f.signals.map((s) => s.id)).not.toContain("channel-divergence");
      expect(f.signals.map((s) => s.id)).not.toContain("token-without-ui");
    });

    it(`a team mailbox people sign in to is reviewed, not migrated (seed ${seed})`, () => {
      const f = verdict("desk");
      expect(f.verdict, explain(f)).toBe("likely-bot");
    });

    it(`a token in use on an account with no sign-in in the whole log is at least reviewed (seed ${seed})`, () => {
      const f = verdict("etl");
      expect(f.verdict, explain(f)).not.toBe("human");
      expect(f.signals.find((s) => s.id === "token-without-ui")?.evidence).toMatch(/has not signed in or worked from a browser once in the \d+ days of the audit log/);
    });

    it(`a token used in working hours only on an account nobody signs in to is reviewed, with the reason (seed ${seed})`, () => {
      const f = verdict("kpi");
      expect(f.verdict, explain(f)).toBe("likely-bot");
      expect(f.signals.map((s) => s.id)).toContain("working-hours-only");
      expect(f.signals.find((s) => s.id === "script-in-use")?.evidence, explain(f)).toMatch(/did not sign in or work from a browser once in the \d+ days of the audit log/);
    });
  }

  it("a log shorter than two weeks does not read a missing sign-in as no UI use", () => {
    const rnd = lcg(9);
    const { users, events } = colleagues(12, rnd);
    const recent = events.filter((e) => Date.parse(String(e["time"])) >= REF_MS - 10 * DAY);
    users.push(account("cli", { name: "Ben Okafor", ...UNRECORDED }));
    const report = audit(users, recent, [token("tk", "cli", REF_MS - DAY)]);
    const f = report.findings.find((x) => x.accountId === "cli")!;
    expect(f.signals.map((s) => s.id)).not.toContain("token-without-ui");
    expect(f.verdict, explain(f)).toBe("human");
  });

  it("a two-week export whose first days fall on a weekend is long enough", () => {
    const rnd = lcg(9);
    const { users, events } = colleagues(12, rnd);
    const recent = events.filter((e) => Date.parse(String(e["time"])) >= REF_MS - 14 * DAY);
    users.push(account("cli", { name: "Data Loader", email: "dataloader@acme.com", ...UNRECORDED }));
    const report = audit(users, recent, [token("tk", "cli", REF_MS - DAY)]);
    const f = report.findings.find((x) => x.accountId === "cli")!;
    expect(f.signals.map((s) => s.id), explain(f)).toContain("token-without-ui");
  });

  it("a small org whose accounts were never active in the UI (null) reads that as never", () => {
    const users = [account("etl", { name: "Data Loader", email: "dataloader@acme.com", managementSource: "invited", ...EMPTY, productAccess: [{ key: "jira-software", id: "ari:jira", lastActiveTimestamp: null }] })];
    const report = audit(users, [], [token("tk", "etl", REF_MS - DAY)]);
    const f = report.findings.find((x) => x.accountId === "etl")!;
    expect(f.signals.map((s) => s.id)).toEqual(expect.arrayContaining(["channel-divergence", "token-without-ui"]));
    expect(report.warnings.some((w) => w.includes("last active in a product's UI"))).toBe(false);
  });
});

describe("one account whose last-active times were not collected, in an org that records them", () => {
  // The source collected last-active times for most accounts but not for this developer's (the
  // field is absent, which says "not collected"; null would say "never active").
  for (const seed of [1, 2, 3]) {
    it(`is judged by its sign-ins, not as an account never used in the UI (seed ${seed})`, () => {
      const rnd = lcg(seed * 7);
      const users: Raw[] = [];
      const events: Raw[] = [];
      for (let i = 0; i < 12; i++) users.push(account(`p${i}`, { name: `Person ${i}` }));
      users.push(account("dev", { name: "Patrick Patel", managementSource: "invited", ...EMPTY, ...UNRECORDED }));
      for (let d = 20; d >= 1; d--) {
        const day = REF_MS - d * DAY;
        if (isWeekend(day)) continue;
        events.push(ev("dev", day + 9 * HOUR + rnd() * HOUR, { ip: OFFICE, userAgent: BROWSER }));
        // A collection run in Postman on a 15-minute beat for a couple of hours each afternoon.
        for (let t = day + 14 * HOUR; t < day + 16 * HOUR; t += 15 * MIN) events.push(tokenCall("dev", t + rnd() * 30_000, "tk-dev", OFFICE, "PostmanRuntime/7.39"));
      }
      const report = audit(users, events, [token("tk-dev", "dev", REF_MS - DAY - 8 * HOUR, "postman-1")]);
      const f = report.findings.find((x) => x.accountId === "dev")!;
      expect(f.signals.map((s) => s.id), explain(f)).not.toContain("channel-divergence");
      expect(f.signals.map((s) => s.id), explain(f)).not.toContain("token-without-ui");
      expect(f.signals.find((s) => s.id === "recent-ui-activity")?.evidence).toMatch(/latest sign-in or browser work in the audit log/);
      expect(f.verdict, explain(f)).not.toBe("bot");
    });
  }

  it("without sign-ins in the log either, a token in use is not read as a script's on that alone", () => {
    const users: Raw[] = [];
    for (let i = 0; i < 12; i++) users.push(account(`p${i}`, { name: `Person ${i}` }));
    users.push(account("dev", { name: "Patrick Patel", ...UNRECORDED }));
    const report = audit(users, [], [token("tk", "dev", REF_MS - DAY)]);
    const f = report.findings.find((x) => x.accountId === "dev")!;
    expect(f.signals.map((s) => s.id)).not.toContain("channel-divergence");
    expect(f.verdict, explain(f)).toBe("human");
  });
});
