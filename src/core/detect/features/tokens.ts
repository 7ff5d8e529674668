import type { ApiToken, Snapshot } from "../../snapshot/schema.js";
import type { AccountFeatures } from "../features.js";
import { isoToMs } from "../time.js";
import type { EventIndex } from "./table.js";

/** What an account's API tokens say: how many, which was used last and when, which expires next. */
export interface TokenFeatures {
  fill(slot: number, f: AccountFeatures): void;
}

export function extractTokens(snapshot: Snapshot, index: EventIndex, referenceMs: number): TokenFeatures {
  const { n, slotOf } = index;
  const tokens = snapshot.apiTokens;
  const tokenCount = new Int32Array(n);
  const usedTokenCount = new Int32Array(n);
  const lastUsedToken = new Int32Array(n).fill(-1);
  const lastTokenUseMs = new Float64Array(n);
  const soonestToken = new Int32Array(n).fill(-1);
  const soonestExpiryMs = new Float64Array(n);
  for (let k = 0; k < tokens.length; k++) {
    const token = tokens[k] as ApiToken;
    const slot = slotOf.get(token.accountId);
    if (slot === undefined) continue;
    tokenCount[slot]!++;
    if (token.lastActiveAt) {
      usedTokenCount[slot]!++;
      const ms = isoToMs(token.lastActiveAt);
      if (lastUsedToken[slot] === -1 || ms > (lastTokenUseMs[slot] as number)) {
        lastUsedToken[slot] = k;
        lastTokenUseMs[slot] = ms;
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
      f.soonestExpiringToken = tokenAt(soonestToken[slot] as number);
      f.soonestExpiryMs = soonestExpiryMs[slot] as number;
    },
  };
}
