import type { ApiToken, AuditEvent, Snapshot } from "../../snapshot/schema.js";
import type { AccountFeatures } from "../features.js";
import { isoToMs } from "../time.js";
import type { EventIndex } from "./table.js";

/** What an account's API tokens say: how many, which was used last and when, which expires next. */
export interface TokenFeatures {
  fill(slot: number, f: AccountFeatures): void;
}

/**
 * Each token's last use: the token list's `lastActiveAt`, or where the list does not record it,
 * the latest audit event made with the token (by `tokenId`); NaN for neither. Some sources list
 * tokens without their last use; the log still shows a script at work. (A last use the list
 * records is as recent as the list, which is read with the log: the log is read only for the rest.)
 */
function tokenLastUse(tokens: readonly ApiToken[], index: EventIndex): Float64Array {
  const lastUse = new Float64Array(tokens.length).fill(Number.NaN);
  const byId = new Map<string, number>();
  for (let k = 0; k < tokens.length; k++) {
    const token = tokens[k] as ApiToken;
    if (token.lastActiveAt) lastUse[k] = isoToMs(token.lastActiveAt);
    else byId.set(token.id, k);
  }
  if (byId.size === 0) return lastUse;
  const { events, eventMs } = index;
  for (let e = 0; e < events.length; e++) {
    const event = events[e] as AuditEvent;
    const id = event.tokenId;
    if (!id) continue;
    const k = byId.get(id);
    // An event that names one of the snapshot's API tokens was done with it (see `isPersonTokenEvent`).
    if (k === undefined) continue;
    const ms = eventMs[e] as number;
    if (!(ms <= (lastUse[k] as number))) lastUse[k] = ms;
  }
  return lastUse;
}

/**
 * A token's label that names the system calling with it rather than the person's own use: a
 * production deployment (`prod`, `本番`), a shared build or deployment server (`jenkins`,
 * `deploy`), a robotic-process-automation runtime (`uipath`, `orchestrator`, `rpa`), a bot, a
 * monitor (`alerts`, `zabbix`, `healthcheck`) or an integration's plumbing (`webhook`,
 * `connector`, `interface`, `bridge`, `servicenow`). Not the words a person's own scripts are named
 * by (`jira-cli`, `my-script`, `sync`, `export`, `report`, `nightly`, `cron`, `automation`), nor a
 * repository's own CI (`ci`, `github-actions`, `gitlab-ci`, `pipeline`): a researcher's or a
 * developer's personal pipeline runs with their token as their own tools do. A word of a label
 * counts with anything but a letter around it (`jenkins-prod`, `rpa01`, `bot_runner`); the
 * Japanese, Korean and Chinese words for production anywhere in it.
 */
const SYSTEM_TOKEN_WORD =
  /(?:^|[^\p{L}])(?:prod|production|prd|produktion|produktiv|producci[oó]n|produ[cç][aã]o|produzione|productie|produkcja|tuotanto|produksjon|jenkins|bamboo|teamcity|octopus|spinnaker|argo-?cd|deploy|deployer|deployments?|uipath|orchestrator|rpa|blue-?prism|bots?|chatbot|bot-?runner|monitor|monitoring|alerts?|alerting|alertmanager|zabbix|nagios|icinga|prometheus|grafana|datadog|pagerduty|opsgenie|health-?checks?|uptime|heartbeat|synthetics?|status-?page|webhooks?|connector|interface|bridge|middleware|esb|mulesoft|boomi|edi|servicenow)(?:$|[^\p{L}])|本番|運用|운영|生产|生產/u;

/** Whether a token's label names a system rather than a person's own use (see `SYSTEM_TOKEN_WORD`). */
export function systemTokenLabel(label: string): boolean {
  return SYSTEM_TOKEN_WORD.test(label.toLowerCase().replace(/[_ .]+/g, "-"));
}

export function extractTokens(snapshot: Snapshot, index: EventIndex, referenceMs: number): TokenFeatures {
  const { n, slotOf } = index;
  const tokens = snapshot.apiTokens;
  const tokenCount = new Int32Array(n);
  const usedTokenCount = new Int32Array(n);
  const lastUsedToken = new Int32Array(n).fill(-1);
  const lastTokenUseMs = new Float64Array(n);
  const lastAllowedToken = new Int32Array(n).fill(-1);
  const lastAllowedUseMs = new Float64Array(n);
  const soonestToken = new Int32Array(n).fill(-1);
  const soonestExpiryMs = new Float64Array(n);
  const systemToken = new Int32Array(n).fill(-1);
  // Tokens whose label names no system: one of them makes the account a person's own.
  const ownTokenCount = new Int32Array(n);
  const systemTokenUseMs = new Float64Array(n);
  const lastUse = tokenLastUse(tokens, index);
  // Labels repeat across an org's tokens (`jira-cli`, `prod`): each is read once.
  const systemLabels = new Map<string, boolean>();
  for (let k = 0; k < tokens.length; k++) {
    const token = tokens[k] as ApiToken;
    const slot = slotOf.get(token.accountId);
    if (slot === undefined) continue;
    tokenCount[slot]!++;
    let system = systemLabels.get(token.label);
    if (system === undefined) systemLabels.set(token.label, (system = systemTokenLabel(token.label)));
    if (!system) ownTokenCount[slot]!++;
    const ms = lastUse[k] as number;
    if (!Number.isNaN(ms)) {
      usedTokenCount[slot]!++;
      if (lastUsedToken[slot] === -1 || ms > (lastTokenUseMs[slot] as number)) {
        lastUsedToken[slot] = k;
        lastTokenUseMs[slot] = ms;
      }
      if (token.status === "ALLOWED" && (lastAllowedToken[slot] === -1 || ms > (lastAllowedUseMs[slot] as number))) {
        lastAllowedToken[slot] = k;
        lastAllowedUseMs[slot] = ms;
      }
      if ((systemToken[slot] === -1 || ms > (systemTokenUseMs[slot] as number)) && system) {
        systemToken[slot] = k;
        systemTokenUseMs[slot] = ms;
      }
    }
    if (token.expiresAt && token.status === "ALLOWED") {
      const ms = isoToMs(token.expiresAt);
      if (ms >= referenceMs && (soonestToken[slot] === -1 || ms < (soonestExpiryMs[slot] as number))) {
        soonestToken[slot] = k;
        soonestExpiryMs[slot] = ms;
      }
    }
  }
  const tokenAt = (k: number): ApiToken | null => (k === -1 ? null : (tokens[k] as ApiToken));
  return {
    fill(slot, f) {
      f.tokenCount = tokenCount[slot] as number;
      f.usedTokenCount = usedTokenCount[slot] as number;
      f.lastUsedToken = tokenAt(lastUsedToken[slot] as number);
      f.lastTokenUseMs = lastTokenUseMs[slot] as number;
      f.lastAllowedToken = tokenAt(lastAllowedToken[slot] as number);
      f.lastAllowedTokenUseMs = lastAllowedUseMs[slot] as number;
      f.soonestExpiringToken = tokenAt(soonestToken[slot] as number);
      f.soonestExpiryMs = soonestExpiryMs[slot] as number;
      f.systemToken = ownTokenCount[slot] === 0 ? tokenAt(systemToken[slot] as number) : null;
      f.systemTokenUseMs = f.systemToken === null ? Number.NaN : (systemTokenUseMs[slot] as number);
    },
  };
}
