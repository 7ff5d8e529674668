export { assertAllowedBaseUrl, assertTrustedBaseUrl, describeBaseUrlSource, isAllowedBaseUrl, isAtlassianHost, type BaseUrlSource } from "./base-url.js";
export { ApiError, CancelledError, NetworkError, RetryUnsafeError, parseErrorBody, type ErrorBodyInfo, type RequestSite } from "./errors.js";
export {
  createHttpClient,
  defaultSleep,
  type HintInput,
  type HttpAuth,
  type HttpClient,
  type HttpClientOptions,
  type HttpEndpoint,
  type HttpRequest,
  type HttpResponse,
  type HttpStats,
  type QueryValue,
} from "./http-client.js";
export { parseRateLimitReset, parseRetryAfter, readRateLimitHeaders, type RateLimitInfo } from "./rate-limit.js";
