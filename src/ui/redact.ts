/**
 * Secrets registered with the run's Redactor are scrubbed from everything the
 * logger prints. The HTTP layer registers the API key, and apply registers every token it
 * mints, so even an unexpected error message cannot carry one to the terminal.
 */
export { Redactor } from "../core/text/redact.js";
