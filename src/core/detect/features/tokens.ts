import type { ApiToken, AuditEvent, Snapshot } from "../../snapshot/schema.js";
import type { AccountFeatures } from "../features.js";
import { withoutControls } from "../../text/sanitize.js";
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
 * A token's label that names the system calling with it rather than the person's own use, word
 * for word: every word of it is a system's (below) or a plain qualifier (`old`, `new`, `backup`,
 * `main`, `key`, `token`, `server`, a number, 用 or 環境 after a word), and one at least is a
 * system's: a production deployment (`prod`, `produktion`, `прод`, `本番`, `운영`), a shared build
 * or deployment server (`jenkins`, `deploy`), a robotic-process-automation runtime's server
 * (`orchestrator`, `rpa`, `blueprism`; not `uipath`, whose attended robot is a person's own tool on
 * their desktop, see `rpaClient`), a bot (`bot-runner`), a monitor (`alerts`, `zabbix`,
 * `healthcheck`) or an integration (`integration`, `webhook`, `connector`, `interface`, `bridge`,
 * `servicenow`). So
 * `jenkins-prod`, `rpa01`, `Bot Runner`, `本番用`, `Jenkins用` and `prod-old` name a system, and
 * `PRD drafts`, `production schedule`, `alert-me`, `monitor-my-tickets`, `Power BI connector`,
 * `jan.bot laptop` and `資産運用レポート` a person's own work, whose other words are the person's.
 * Not the words a person's own scripts are named by (`jira-cli`, `my-script`, `sync`, `export`,
 * `report`, `nightly`, `cron`, `automation`), nor a repository's own CI (`ci`, `github-actions`,
 * `gitlab-ci`, `pipeline`): a researcher's or a developer's personal pipeline runs with their token
 * as their own tools do.
 */
const SYSTEM_WORDS = new Set([
  "prod", "production", "prd", "produktion", "produktiv", "produccion", "producción", "producao", "produção", "produzione", "productie", "produkcja", "tuotanto", "produksjon",
  "прод", "продакшн", "продакшен", "продуктив",
  "本番", "運用", "운영", "生产", "生產",
  "jenkins", "bamboo", "teamcity", "octopus", "spinnaker", "argocd", "deploy", "deployer", "deployment", "deployments",
  "orchestrator", "rpa", "blueprism",
  "bot", "bots", "chatbot", "botrunner",
  "monitor", "monitoring", "alerts", "alerting", "alertmanager", "zabbix", "nagios", "icinga", "prometheus", "grafana", "datadog", "pagerduty", "opsgenie", "healthcheck", "healthchecks", "uptime", "heartbeat", "synthetics", "statuspage",
  "webhook", "webhooks", "connector", "interface", "bridge", "middleware", "esb", "mulesoft", "boomi", "servicenow",
  "integration", "integrations", "integrationer", "integrationen", "integraatio", "integracja", "integrace", "integrasjon", "integrering", "integração", "integracao", "integración", "integracion", "integrazione", "integratie", "entegrasyon", "schnittstelle",
  "alerty", "alertes", "alertas", "alarme", "alarmes", "monitorowanie", "überwachung", "monitoreo", "monitoramento",
  "produkce",
]);
/** Words that qualify a system's token without naming anyone's use (`UiPath Orchestrator`). */
const QUALIFIER_WORDS = new Set(["uipath", "old", "new", "legacy", "backup", "bak", "v", "main", "primary", "secondary", "env", "environment", "server", "token", "key", "api", "access", "ro", "rw", "read", "write", "readonly", "runner", "job", "jobs", "用", "環境", "环境", "환경", "용"]);
/** A label's words: runs of one script's letters, or of digits (`rpa01` is `rpa` and `01`, `本番用` is `本番` and `用`). */
const LABEL_WORD = /\p{Script=Latin}+|\p{Script=Cyrillic}+|\p{Script=Hangul}+|[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]+|\p{L}+|\p{N}+/gu;
const CJK_QUALIFIER_END = /(?:用|環境|环境|환경|용)$/u;

/**
 * The first three letters of every system word: a label holds one of them or names no system (a
 * cheap first test, as most labels are a person's; a word of two joined, `bot runner`, starts
 * with its first word's).
 */
const SYSTEM_WORD_START = new RegExp([...new Set([...SYSTEM_WORDS].map((w) => w.slice(0, 3)))].join("|"));
const NOT_ASCII = /[^\x20-\x7e]/;

/** Whether a token's label names a system rather than a person's own use (see `SYSTEM_WORDS`). */
export function systemTokenLabel(label: string): boolean {
  const text = NOT_ASCII.test(label) ? withoutControls(label.normalize("NFKC")).toLowerCase() : label.toLowerCase();
  if (!SYSTEM_WORD_START.test(text)) return false;
  const words = text.match(LABEL_WORD);
  if (words === null) return false;
  let system = false;
  for (let i = 0; i < words.length; i++) {
    let word = words[i] as string;
    if (/^\p{N}+$/u.test(word) || QUALIFIER_WORDS.has(word)) continue;
    // Two words of one name (`bot runner`, `health-check`, `blue prism`, `argo-cd`).
    const joined = word + (words[i + 1] ?? "");
    if (i + 1 < words.length && SYSTEM_WORDS.has(joined)) {
      system = true;
      i++;
      continue;
    }
    // A word of Chinese characters with its qualifiers after it (`本番用`, `本番環境`, `本番環境用`).
    while (!SYSTEM_WORDS.has(word) && CJK_QUALIFIER_END.test(word)) word = word.replace(CJK_QUALIFIER_END, "");
    if (!SYSTEM_WORDS.has(word)) return false;
    system = true;
  }
  return system;
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
  const systemUsable = new Uint8Array(n);
  const newestToken = new Int32Array(n).fill(-1);
  const newestCreatedMs = new Float64Array(n).fill(Number.NaN);
  // The first token of each account that is still allowed and unexpired at the reference time.
  const usableToken = new Int32Array(n).fill(-1);
  // Accounts one of whose tokens records its last use (`lastActiveAt`, null for never).
  const useListed = new Uint8Array(n);
  const lastUse = tokenLastUse(tokens, index);
  // Labels repeat across an org's tokens (`jira-cli`, `prod`): each is read once.
  const systemLabels = new Map<string, boolean>();
  for (let k = 0; k < tokens.length; k++) {
    const token = tokens[k] as ApiToken;
    const slot = slotOf.get(token.accountId);
    if (slot === undefined) continue;
    tokenCount[slot]!++;
    if (token.lastActiveAt !== undefined) useListed[slot] = 1;
    if (usableToken[slot] === -1 && token.status === "ALLOWED" && (!token.expiresAt || isoToMs(token.expiresAt) >= referenceMs)) usableToken[slot] = k;
    let system = systemLabels.get(token.label);
    if (system === undefined) systemLabels.set(token.label, (system = systemTokenLabel(token.label)));
    if (!system) ownTokenCount[slot]!++;
    if (token.createdAt) {
      const created = isoToMs(token.createdAt);
      if (!(created <= (newestCreatedMs[slot] as number))) {
        newestToken[slot] = k;
        newestCreatedMs[slot] = created;
      }
    }
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
      if (system) {
        // A token that can still be used is preferred to one blocked or expired, then the latest.
        const usable = token.status === "ALLOWED" && (!token.expiresAt || isoToMs(token.expiresAt) >= referenceMs) ? 1 : 0;
        const kept = systemUsable[slot] as number;
        if (systemToken[slot] === -1 || usable > kept || (usable === kept && ms > (systemTokenUseMs[slot] as number))) {
          systemToken[slot] = k;
          systemTokenUseMs[slot] = ms;
          systemUsable[slot] = usable;
        }
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
      f.usableToken = tokenAt(usableToken[slot] as number);
      f.tokenUseListed = useListed[slot] === 1;
      f.usedTokenCount = usedTokenCount[slot] as number;
      f.lastUsedToken = tokenAt(lastUsedToken[slot] as number);
      f.lastTokenUseMs = lastTokenUseMs[slot] as number;
      f.lastAllowedToken = tokenAt(lastAllowedToken[slot] as number);
      f.lastAllowedTokenUseMs = lastAllowedUseMs[slot] as number;
      f.soonestExpiringToken = tokenAt(soonestToken[slot] as number);
      f.soonestExpiryMs = soonestExpiryMs[slot] as number;
      f.systemToken = ownTokenCount[slot] === 0 ? tokenAt(systemToken[slot] as number) : null;
      f.systemTokenUseMs = f.systemToken === null ? Number.NaN : (systemTokenUseMs[slot] as number);
      f.systemTokenUsable = f.systemToken !== null && systemUsable[slot] === 1;
      const newest = newestToken[slot] as number;
      f.newestToken = tokenAt(newest);
      f.newestTokenCreatedMs = newestCreatedMs[slot] as number;
      f.newestTokenUseMs = newest === -1 ? Number.NaN : (lastUse[newest] as number);
    },
  };
}
