import { ConfigError } from "../core/errors.js";

const LOOPBACK_HOSTS = new Set(["127.0.0.1", "::1", "[::1]", "localhost"]);

/** True for the loopback names and addresses (where plain http and the emulator are allowed). */
export function isLoopbackHost(hostname: string): boolean {
  return LOOPBACK_HOSTS.has(hostname);
}

/**
 * Checks a base URL before any credential is sent to it: `https://` anywhere, plain `http://`
 * only on the loopback interface (the local emulator). Returns the URL without a trailing slash.
 *
 * @param name What the URL is called in the error message (e.g. the env variable).
 */
export function assertAllowedBaseUrl(raw: string, name = "base URL"): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError(`${name} is not a valid URL: "${raw}"`, {
      code: "BASE_URL_INVALID",
      hint: "Use https://api.atlassian.com, or http://127.0.0.1:PORT for the local emulator.",
    });
  }
  if (url.username !== "" || url.password !== "") {
    throw new ConfigError(`${name} must not contain credentials`, { code: "BASE_URL_INVALID", hint: "Put the API key in BOT2SVC_ATLASSIAN_API_KEY." });
  }
  if (url.search !== "" || url.hash !== "") {
    throw new ConfigError(`${name} must not have a query string or fragment: "${raw}"`, { code: "BASE_URL_INVALID" });
  }
  const loopback = isLoopbackHost(url.hostname);
  if (url.protocol === "https:" || (url.protocol === "http:" && loopback)) {
    return url.href.replace(/\/+$/, "");
  }
  throw new ConfigError(`${name} must use https:// (got "${url.protocol}//${url.host}")`, {
    code: "BASE_URL_INSECURE",
    hint: "API keys are only sent over TLS. Plain http:// is allowed only for 127.0.0.1, ::1 and localhost (the local emulator).",
  });
}

/** True when the base URL passes {@link assertAllowedBaseUrl}. */
export function isAllowedBaseUrl(raw: string): boolean {
  try {
    assertAllowedBaseUrl(raw);
    return true;
  } catch {
    return false;
  }
}
