// A log whose token calls carry `authType: "container-token"` beside the token's id, as the admin
// events reference's example does: the calls of an integration's API token were read as an app's
// and the account's token use went unseen in the log (only the inventory's last use was read).
import { describe, expect, it } from "vitest";
import { account, CLOUD, EMPTY, explain, findingOf, HOUR, officeColleagues, REF_MS, snapshotOf, token, tokenCall, type Raw } from "../../../test/helpers/people-audit.js";

/** A call every 15 minutes over the last 21 days, round the clock, with token `tk`, logged with `authType`. */
function integration(authType: string): Raw[] {
  const out: Raw[] = [];
  for (let q = 21 * 96; q >= 1; q--) out.push({ ...tokenCall("p", REF_MS - q * 15 * 60_000 + 7_000, "tk", CLOUD, "python-requests/2.31"), authType });
  return out;
}

function judge(authType: string, tokenId = "tk") {
  const c = officeColleagues(3);
  const user = account("p", { name: "Sales Sync", email: "sales-sync@acme.example", managementSource: "invited", ...EMPTY, productAccess: [] });
  return findingOf(snapshotOf([user, ...c.users], [...c.events, ...integration(authType)], [{ ...token(tokenId, "p", REF_MS - HOUR, "salesforce"), lastActiveAt: null }]), "p");
}

describe("token calls logged as `container-token`", () => {
  it("count as the account's API token use when they name its token", () => {
    const f = judge("container-token");
    expect(f.signals.some((s) => s.id === "token-events"), explain(f)).toBe(true);
    expect(f.verdict, explain(f)).toBe("bot");
    expect(f, "the same as logged with api-token").toMatchObject({ verdict: judge("api-token").verdict, score: judge("api-token").score });
  });
  it("are an app's when they name no token of the snapshot", () => {
    const f = judge("container-token", "other");
    expect(f.signals.some((s) => s.id === "token-events"), explain(f)).toBe(false);
  });
});
