// Accounts whose API access began long after anyone used them in the UI: a departed person's
// account whose new token a script was given, a monthly job's new token whose last run is weeks
// old; and an office server's job on such an account, which calls from the office's own address.
// Such accounts were `human` on their owner's profile: the token's use was not recent, or its
// calls came from where the office's people work. A person on leave, or one who works from a CLI
// at any minute, is not read so.
import { describe, expect, it } from "vitest";
import { account, DAY, explain, findingOf, HOUR, isWeekend, lcg, MIN, OFFICE, officeColleagues, officeDays, REF_MS, snapshotOf, token, tokenCall, iso, type Raw, ownCliDays } from "../../../test/helpers/people-audit.js";

const SEEDS = [1, 2, 3, 4, 5] as const;

/** An invited engineer with a full profile, last in the UI `uiDaysAgo` days before the snapshot. */
function engineer(uiDaysAgo: number, extra: Raw = {}): Raw {
  return account("p", {
    name: "Rowena Castillo",
    email: "rowena.castillo@acme.com",
    jobTitle: "QA Engineer",
    department: "IT",
    managementSource: "invited",
    productAccess: [{ key: "jira-software", id: "ari:jira", lastActiveTimestamp: iso(REF_MS - uiDaysAgo * DAY) }],
    ...extra,
  });
}

function judged(seed: number, user: Raw, events: Raw[], tokens: Raw[]) {
  const { users, events: others } = officeColleagues(seed);
  return findingOf(snapshotOf([user, ...users], [...events, ...others], tokens), "p");
}

/** A token made `createdDaysAgo` days before the snapshot, last used `lastDaysAgo` days before it (null: never). */
function madeToken(id: string, label: string, createdDaysAgo: number, lastDaysAgo: number | null): Raw {
  return {
    ...token(id, "p", REF_MS, label),
    createdAt: iso(REF_MS - createdDaysAgo * DAY),
    lastActiveAt: lastDaysAgo === null ? null : iso(REF_MS - lastDaysAgo * DAY),
  };
}

/** A job on weekdays from `fromHour` to `toHour` UTC every `everyMinutes`, at `minutePast` (seconds late), from the office; the log keeps all but `lost` of its calls. */
function officeServerJob(seed: number, fromHour: number, toHour: number, everyMinutes: number, minutePast: number, lost = 0.15): Raw[] {
  const r = lcg(seed * 31);
  const out: Raw[] = [];
  for (let d = 30; d >= 1; d--) {
    const day = REF_MS - d * DAY;
    if (isWeekend(day)) continue;
    for (let t = day + fromHour * HOUR + minutePast * MIN; t <= day + toHour * HOUR + minutePast * MIN; t += everyMinutes * MIN) {
      if (r() < lost) continue;
      out.push(tokenCall("p", t + Math.floor(r() * 50_000), "job-t", OFFICE, "Apache-HttpClient/4.5.13 (Java/17.0.8)"));
    }
  }
  return out;
}

/** `officeServerJob` every 30 minutes from 03:04 UTC, of whose runs after the first each day the log keeps about half. */
function queueRobot(seed: number): Raw[] {
  const r = lcg(seed * 37);
  return officeServerJob(seed, 3, 13, 30, 4, 0).filter((e) => {
    const minute = Math.floor((Date.parse(e.time as string) % DAY) / MIN);
    return minute <= 3 * 60 + 5 || r() < 0.5;
  });
}

describe("a token made long after the UI use stopped", () => {
  it("a token made for a script 200 days after its owner's last UI visit, not yet seen at work, is reviewed and says so", () => {
    const f = judged(1, engineer(285), [], [madeToken("int-t", "integration", 85, null)]);
    expect(f.verdict, explain(f)).toBe("likely-bot");
    const text = f.signals.find((s) => s.id === "channel-divergence")?.evidence ?? "";
    expect(text, explain(f)).toContain("created");
    expect(text, explain(f)).toContain("200 days after the last UI activity");
  });

  it("a monthly job's token made 150 days after the last UI visit, last run 20 days ago, is reviewed", () => {
    const f = judged(1, engineer(400), [], [madeToken("job-t", "month end", 250, 20)]);
    expect(f.verdict, explain(f)).toBe("likely-bot");
    expect(f.signals.find((s) => s.id === "channel-divergence")?.evidence, explain(f)).toContain("150 days after the last UI activity");
  });

  it("a token made long after the last UI visit but last used 200 days ago (a spell of CLI work before a leave) is not read", () => {
    const f = judged(1, engineer(400), [], [madeToken("cli-t", "jira-cli", 250, 200)]);
    expect(f.signals.some((s) => s.id === "channel-divergence"), explain(f)).toBe(false);
  });

  it("a token used 120 days after the last UI visit, made before it, is not read (people on leave keep such tokens)", () => {
    const f = judged(1, engineer(140), [], [madeToken("job-t", "month end", 300, 20)]);
    expect(f.verdict, explain(f)).toBe("human");
  });

  it("a person whose CLI token was last used the week they went on leave stays human", () => {
    const f = judged(1, engineer(120), [], [madeToken("cli-t", "jira-cli", 300, 116)]);
    expect(f.verdict, explain(f)).toBe("human");
    expect(f.signals.some((s) => s.id === "channel-divergence"), explain(f)).toBe(false);
  });

  it("an IdP-synced developer who made a new CLI token months after last opening the UI stays human", () => {
    const f = judged(1, engineer(150, { managementSource: "synced" }), [], [madeToken("cli-t", "jira-cli", 60, 12)]);
    expect(f.verdict, explain(f)).toBe("human");
  });

  it("is not read on a suspended account, whose review is the departed rules'", () => {
    const f = judged(1, engineer(285, { status: "suspended" }), [], [madeToken("int-t", "integration", 85, null)]);
    expect(f.signals.some((s) => s.id === "channel-divergence"), explain(f)).toBe(false);
  });
});

describe("an office server's job on the token of someone no longer at work", () => {
  // Kamran Malik, RPA developer, last in the UI 390 days ago: his token runs a robot on an office
  // server that looks at a queue every 30 minutes from 03:04 to 13:04 UTC on weekdays, from the
  // office's address. The log shows a run only when it found work: always the first of the day
  // (the night's backlog), about half of the others, so no steady beat is left to see.
  it("a queue robot every 30 minutes from the office's address is at least likely-bot", () => {
    for (const seed of SEEDS) {
      const f = judged(seed, engineer(390, { managementSource: "synced", jobTitle: "RPA Developer" }), queueRobot(seed), [madeToken("job-t", "do not delete", 200, 1)]);
      expect([seed, f.verdict], explain(f)).not.toEqual([seed, "human"]);
    }
  });

  // Naveed Iqbal, data engineer, last in the UI 569 days ago: an SAP interface every two hours at :29.
  it("every two hours at :29 from the office's address is at least likely-bot", () => {
    for (const seed of SEEDS) {
      const f = judged(seed, engineer(569, { managementSource: "synced", jobTitle: "Data Engineer" }), officeServerJob(seed, 3, 13, 120, 29), [madeToken("job-t", "test", 170, 1)]);
      expect([seed, f.verdict], explain(f)).not.toEqual([seed, "human"]);
    }
  });

  it("the person's own CLI at any minute from the office, with the UI as long unused, stays human", () => {
    for (const seed of SEEDS) {
      const f = judged(seed, engineer(390, { managementSource: "synced" }), ownCliDays(seed), [madeToken("cli-t", "jira-cli", 200, 1)]);
      expect([seed, f.verdict], explain(f)).toEqual([seed, "human"]);
    }
  });

  it("an IDE plugin polling every hour at :00 from the office, beside the person's own work there, stays human", () => {
    for (const seed of SEEDS) {
      const r = lcg(seed * 7);
      const polls: Raw[] = [];
      for (let d = 30; d >= 1; d--) {
        const day = REF_MS - d * DAY;
        if (isWeekend(day)) continue;
        const open = 8 + Math.floor(r() * 2);
        for (let h = open + 1; h <= open + 8; h++) polls.push(tokenCall("p", day + h * HOUR + Math.floor(r() * 20_000), "ide-t", OFFICE, "IntelliJ/2024.2 jira-plugin"));
      }
      const f = judged(seed, engineer(1, { managementSource: "synced" }), [...officeDays(lcg(seed), "p"), ...polls], [madeToken("ide-t", "intellij", 200, 1)]);
      expect([seed, f.verdict], explain(f)).toEqual([seed, "human"]);
    }
  });
});
