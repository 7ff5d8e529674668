// A person the IdP deactivated when they left: Atlassian takes their product access away, so the
// snapshot holds no product (and no last-active time) for them, and their personal CLI token,
// used until they left, is still listed. No record says they never used the UI: it went with
// their access. A bot deactivated with its token still in use is work all the same.
import { describe, expect, it } from "vitest";
import { account, DAY, REF_MS, token } from "../../../test/helpers/people-audit.js";
import { judged } from "../../../test/helpers/name-attacks.js";

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
