import { describe, expect, it } from "vitest";
import { ignoreNotFound } from "../../core/apply/engine.js";
import { Bot2svcError } from "../../core/errors.js";
import { ApiError, RetryUnsafeError } from "../../http/index.js";
import { NO_WRITE_CAPABILITIES, ProviderError, providerErrorKind, type DirectoryProvider } from "../provider.js";
import { atlassianErrorKind, translateWriteErrors } from "./provider-errors.js";

const api = (status: number, apiCode?: string) =>
  new ApiError(`DELETE /x failed: ${status}`, { endpointId: "x", method: "DELETE", path: "/x", status, apiCode, retryable: false, attempts: 1 });

describe("Atlassian failures as provider error kinds", () => {
  it("maps statuses to kinds; an unknown org (ADMIN-404-2) is not a missing account", () => {
    expect(atlassianErrorKind(api(404, "ADMIN-404-8"))).toBe("not-found");
    expect(atlassianErrorKind(api(404, "ADMIN-404-2"))).toBeUndefined();
    expect(atlassianErrorKind(api(409))).toBe("conflict");
    expect(atlassianErrorKind(api(429))).toBe("rate-limited");
    expect(atlassianErrorKind(api(403))).toBe("refused");
    expect(atlassianErrorKind(api(500))).toBeUndefined();
    expect(atlassianErrorKind(new RetryUnsafeError(api(503)))).toBe("uncertain");
    expect(atlassianErrorKind(new Bot2svcError("MINT_UNCERTAIN", "may have minted"))).toBe("uncertain");
    expect(atlassianErrorKind(new Error("boom"))).toBeUndefined();
  });

  it("marks what a write method throws with its kind, keeping the error's class and status", async () => {
    const thrown = api(404, "ADMIN-404-8");
    const provider = {
      name: "t",
      orgId: "o",
      capabilities: { ...NO_WRITE_CAPABILITIES, revokeToken: true },
      readSnapshot: () => Promise.reject(api(404, "ADMIN-404-8")),
      revokeToken: () => Promise.reject(thrown),
    } as unknown as DirectoryProvider;
    translateWriteErrors(provider);
    const error = await provider.revokeToken?.("a", "t").catch((e: unknown) => e);
    expect(error).toBe(thrown);
    expect(providerErrorKind(error)).toBe("not-found");
    expect((error as ApiError).status).toBe(404);
    // Reads keep their errors unmarked.
    expect(providerErrorKind(await provider.readSnapshot().catch((e: unknown) => e))).toBeUndefined();
  });
});

describe("apply reads the provider error kind, not HTTP fields", () => {
  it("treats a not-found revoke as done and rethrows every other failure", async () => {
    await expect(ignoreNotFound(Promise.reject(new ProviderError("not-found", "gone")))).resolves.toBeUndefined();
    await expect(ignoreNotFound(Promise.reject(Object.assign(new Error("gone"), { kind: "not-found" })))).resolves.toBeUndefined();
    await expect(ignoreNotFound(Promise.reject(new ProviderError("conflict", "clash")))).rejects.toThrow("clash");
    // A bare status is a provider's private detail, not the contract.
    await expect(ignoreNotFound(Promise.reject(Object.assign(new Error("404"), { status: 404 })))).rejects.toThrow("404");
  });

  it("ProviderError carries its kind, a code and whether the write may have happened", () => {
    const e = new ProviderError("uncertain", "timed out after sending");
    expect(e).toMatchObject({ kind: "uncertain", code: "PROVIDER_UNCERTAIN", mayHaveSucceeded: true, exitCode: 1 });
    expect(new ProviderError("rate-limited", "slow down")).toMatchObject({ code: "PROVIDER_RATE_LIMITED", mayHaveSucceeded: false });
    expect(providerErrorKind({ kind: "teleported" })).toBeUndefined();
  });
});
