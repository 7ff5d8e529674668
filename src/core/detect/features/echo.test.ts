import { describe, expect, it } from "vitest";
import { account, ev, HOUR, MIN, OFFICE, BROWSER, REF_MS, DAY, snapshotOf } from "../../../../test/helpers/people-audit.js";
import { accountSlots, actorSlots } from "../../snapshot/account-slots.js";
import { buildEventIndex } from "./table.js";

describe("events logged twice", () => {
  const events = [
    ev("p", REF_MS - DAY, { ip: OFFICE, userAgent: BROWSER }),
    ev("p", REF_MS - DAY + 1_500, { ip: OFFICE, userAgent: BROWSER }),
    ev("p", REF_MS - DAY + 30_000, { action: "email_otp_sent", ip: OFFICE, userAgent: BROWSER }),
    ev("p", REF_MS - DAY + 31_000, { action: "email_otp_sent", ip: OFFICE, userAgent: BROWSER }),
    ev("p", REF_MS - DAY + 2 * MIN, { action: "issue_updated", ip: OFFICE, userAgent: "curl/8.7.1", tokenId: "t", authType: "api-token" }),
    ev("p", REF_MS - DAY + 2 * MIN + 1_000, { action: "issue_updated", ip: OFFICE, userAgent: "curl/8.7.1", tokenId: "t", authType: "api-token" }),
    ev("p", REF_MS - DAY + HOUR, { ip: OFFICE, userAgent: BROWSER }),
    ev("p", REF_MS - DAY + HOUR + 3_000, { ip: "81.2.69.161", userAgent: BROWSER }),
  ];
  const snapshot = snapshotOf([account("p")], events);

  it("count a sign-in or a code echoed within seconds from the same address and agent once, but every call of a script's burst", () => {
    const index = buildEventIndex(snapshot);
    expect(index.eventCount[0]).toBe(6);
    expect(Array.from(index.eventSlot)).toEqual([0, -1, 0, -1, 0, 0, 0, 0]);
  });

  it("leave the slots shared with later callers as they were", () => {
    const index = buildEventIndex(snapshot);
    const shared = actorSlots(snapshot.events, accountSlots(snapshot.users));
    expect(index.eventSlot).not.toBe(shared);
    expect(Array.from(shared)).toEqual([0, 0, 0, 0, 0, 0, 0, 0]);
  });
});
