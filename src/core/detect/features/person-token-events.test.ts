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
