import { Bot2svcError } from "../../core/errors.js";
import { ApiError, RetryUnsafeError } from "../../http/index.js";
import { CAPABILITY_METHODS, ProviderError, type DirectoryProvider, type ProviderErrorKind } from "../provider.js";

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

/** Rethrows an Atlassian failure as a ProviderError of its kind, keeping message, hint and details. */
export function toProviderError(error: unknown): unknown {
  if (error instanceof ProviderError) return error;
  const kind = atlassianErrorKind(error);
  if (kind === undefined || !(error instanceof Bot2svcError)) return error;
  return new ProviderError(kind, error.message, {
    code: error.code,
    details: error.details,
    cause: error,
    ...(error.hint === undefined ? {} : { hint: error.hint }),
  });
}

/**
 * Wraps the write methods of a provider instance so that every failure leaves it as a typed
 * ProviderError. Reads keep their own errors (they already explain themselves).
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
