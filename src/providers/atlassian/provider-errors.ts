import { Bot2svcError } from "../../core/errors.js";
import { ApiError, RetryUnsafeError } from "../../http/index.js";
import { CAPABILITY_METHODS, providerErrorKind, type DirectoryProvider, type ProviderErrorKind } from "../provider.js";

/**
 * The provider error kind of an Atlassian failure: 404 (except ADMIN-404-2, an unknown org,
 * which is a configuration problem) is `not-found`, 409 `conflict`, 429 `rate-limited`, 400/401/
 * 402/403 `refused`, and a non-idempotent write that failed after it was sent `uncertain`.
 */
export function atlassianErrorKind(error: unknown): ProviderErrorKind | undefined {
  if (error instanceof RetryUnsafeError || (error instanceof Bot2svcError && error.code === "MINT_UNCERTAIN")) return "uncertain";
  if (error instanceof ApiError) {
    if (error.status === 404) return error.apiCode === "ADMIN-404-2" ? undefined : "not-found";
    if (error.status === 409) return "conflict";
    if (error.status === 429) return "rate-limited";
    if (error.status >= 400 && error.status < 500) return "refused";
  }
  return undefined;
}

/**
 * Marks an Atlassian failure with its provider error kind (the `kind` property the contract
 * reads), keeping the error itself: its class, status and hint stay as the HTTP layer made them.
 */
export function toProviderError(error: unknown): unknown {
  if (providerErrorKind(error) !== undefined) return error;
  const kind = atlassianErrorKind(error);
  if (kind !== undefined && error instanceof Error) Object.defineProperty(error, "kind", { value: kind, enumerable: false });
  return error;
}

/**
 * Wraps the write methods of a provider instance so that every failure leaves it marked with
 * its provider error kind. Reads keep their own errors (they already explain themselves).
 */
export function translateWriteErrors(provider: DirectoryProvider): void {
  const target = provider as unknown as Record<string, unknown>;
  const methods = new Set(
    Object.values(CAPABILITY_METHODS)
      .flat()
      .filter((m) => m !== "readSnapshot" && m !== "getAccount" && m !== "listServiceAccounts"),
  );
  for (const name of methods) {
    const method = target[name];
    if (typeof method !== "function") continue;
    target[name] = async (...args: unknown[]) => {
      try {
        return await (method as (...a: unknown[]) => Promise<unknown>).apply(provider, args);
      } catch (error) {
        throw toProviderError(error);
      }
    };
  }
}
