import { describe, expect, it } from "vitest";
import { isPersonTokenEvent } from "./events.js";

describe("isPersonTokenEvent", () => {
  it("reads every auth type that ends in an API token as a person's token, whatever comes before it", () => {
    for (const authType of ["api-token", "API_TOKEN", "api token", "basic-api-token", "user-api-token", "personal.api-token", "api-tokens"]) {
      expect(isPersonTokenEvent({ authType, tokenId: "t1" }), authType).toBe(true);
    }
  });
  it("leaves out app and org credentials, and words that only contain the letters", () => {
    for (const authType of ["container-token", "connect-token", "auth-token-for-2LO", "auth-token-for-3LO", "rapi-token", "api-token-exchange", "oauth"]) {
      expect(isPersonTokenEvent({ authType, tokenId: "t1" }), authType).toBe(false);
    }
  });
  it("takes a token id without an auth type as a token's use", () => {
    expect(isPersonTokenEvent({ tokenId: "t1" })).toBe(true);
    expect(isPersonTokenEvent({ authType: null, tokenId: null })).toBe(false);
  });
});

describe("an event that names one of the snapshot's API tokens", () => {
  // The admin events reference's own example shows `authType: "container-token"` beside a
  // `tokenId`: where that id is an API token of the snapshot, the event was done with it.
  it("is that token's use, whatever its auth type says", () => {
    const known = new Set(["t1"]);
    for (const authType of ["container-token", "connect-token", "oauth", "api-token"]) expect(isPersonTokenEvent({ authType, tokenId: "t1" }, known), authType).toBe(true);
    expect(isPersonTokenEvent({ authType: "container-token", tokenId: "t2" }, known)).toBe(false);
  });
});
