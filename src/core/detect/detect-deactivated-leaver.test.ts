// A person the IdP deactivated when they left: Atlassian takes their product access away, so the
// snapshot holds no product (and no last-active time) for them, and their personal CLI token,
// used until they left, is still listed. No record says they never used the UI: it went with
// their access. A bot deactivated with its token still in use is work all the same.
import { describe, expect, it } from "vitest";
import { account, DAY, REF_MS, token } from "../../../test/helpers/people-audit.js";
import { dailyJobNoUi, judged } from "../../../test/helpers/name-attacks.js";

const SEEDS = [1, 2, 3] as const;
const leaver = (seed: number, name: string, email: string, tokenUseDaysAgo: number, fields = {}) =>
  judged(seed, account("x", { name, email, accountStatus: "inactive", status: "deactivated", managementSource: "synced", jobTitle: "Maintenance Technician", department: "Plant Maintenance", productAccess: [], ...fields }), [], [token("t1", "x", REF_MS - tokenUseDaysAgo * DAY, "jira-cli")]);

describe("a person deactivated when they left, with no product access left", () => {
  it("is no review case for a token they used until they left (29 and 60 days ago)", () => {
    for (const seed of SEEDS) {
      for (const days of [29, 60]) {
        const f = leaver(seed, "Anja Krause", "anja.krause@plant.example", days);
        expect(f.verdict, `seed ${seed}, ${days} days`).toBe("human");
        expect(f.signals.map((s) => s.id)).not.toContain("token-without-ui");
        expect(f.recommendation).toBe("none");
      }
    }
  });

  it("still says a script runs as the account when its token was used after it was deactivated", () => {
    const f = leaver(1, "Anja Krause", "anja.krause@plant.example", 0.5);
    expect(f.signals.map((s) => s.id)).toContain("departed-with-live-token");
    expect(f.recommendation).not.toBe("none");
  });

  it("keeps token-without-ui for an active account that never used the UI", () => {
    const f = judged(1, account("x", { name: "Anja Krause", email: "anja.krause@plant.example", productAccess: [{ key: "jira-software", id: "ari:jira", lastActiveTimestamp: null }] }), [], [token("t1", "x", REF_MS - DAY, "jira-cli")]);
    expect(f.signals.map((s) => s.id)).toContain("token-without-ui");
  });
});

describe("a person on leave whose script runs daily, where the snapshot records no UI use", () => {
  // No account's last-active time is exported; eight colleagues sign in on weekdays. The account
  // runs a python job at 23:1x UTC every day from the same office address with its own token.
  const onLeaveWithJob = dailyJobNoUi;

  it("is reviewed, not called `bot`, when the account has a person's job title and department", () => {
    for (const seed of SEEDS) {
      const f = onLeaveWithJob(seed, { name: "Nakamura Kazuya", email: "nakamura-k2@plant.example", jobTitle: "生産管理", department: "生産管理部" });
      expect(f.verdict, `seed ${seed}`).toBe("likely-bot");
      expect(f.signals.find((s) => s.id === "not-bot")?.evidence).toMatch(/person's own account/);
    }
  });

  it("is a bot with a tool's title (\"CI\", \"System\") or a tool's name", () => {
    for (const seed of SEEDS) {
      expect(onLeaveWithJob(seed, { name: "GitHub Actions", email: "gh-actions@plant.example", jobTitle: "CI", department: "Internal IT" }).verdict).toBe("bot");
      expect(onLeaveWithJob(seed, { name: "New Business Zaps", email: "newbiz-zaps@plant.example", jobTitle: "System", department: "Marketing Ops" }).verdict).toBe("bot");
    }
  });
});
