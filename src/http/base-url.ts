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

/** api.atlassian.com and every host under atlassian.com or atlassian.net. */
export function isAtlassianHost(hostname: string): boolean {
  const host = hostname.toLowerCase().replace(/\.$/, "");
  return host === "atlassian.com" || host === "atlassian.net" || host.endsWith(".atlassian.com") || host.endsWith(".atlassian.net");
}

/** Where a base URL setting came from. */
export interface BaseUrlSource {
  kind: "environment" | "env-file" | "config-file" | "default";
  /** The variable or config key, e.g. BOT2SVC_ATLASSIAN_BASE_URL or atlassian.baseUrl. */
  key: string;
  /** The file, for `env-file` and `config-file`. */
  file?: string | undefined;
}

/** "BOT2SVC_ATLASSIAN_BASE_URL in the environment", "atlassian.baseUrl in ./bot2svc.config.json", "the default". */
export function describeBaseUrlSource(source: BaseUrlSource): string {
  switch (source.kind) {
    case "environment":
      return `${source.key} in the environment`;
    case "env-file":
    case "config-file":
      return `${source.key} in ${source.file ?? "a file"}`;
    case "default":
      return "the default";
  }
}

/**
 * A credential may go to a host other than Atlassian's or the loopback interface only when the
 * person running bot2svc chose it: in the real environment (or on the command line in front of
 * the command). A `.env` or config file may come with a checkout or a pull request, so from a
 * file only Atlassian hosts (api.atlassian.com, *.atlassian.com, *.atlassian.net) and loopback
 * are accepted. Returns the URL checked by {@link assertAllowedBaseUrl}.
 */
export function assertTrustedBaseUrl(raw: string, source: BaseUrlSource): string {
  const url = assertAllowedBaseUrl(raw, source.key);
  if (source.kind === "environment" || source.kind === "default") return url;
  const { hostname } = new URL(url);
  if (isAtlassianHost(hostname) || isLoopbackHost(hostname)) return url;
  throw new ConfigError(`${source.key} in ${source.file ?? "a file"} points at ${hostname}, which is not an Atlassian host; a file may not send credentials there.`, {
    code: "BASE_URL_UNTRUSTED",
    hint: `Remove it from ${source.file ?? "the file"}. If you mean that host, set ${source.key.includes(".") ? "the matching BOT2SVC_*_BASE_URL variable" : source.key} in the real environment (e.g. in front of the command).`,
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
