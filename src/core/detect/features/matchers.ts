import type { DetectionConfig } from "../config.js";

export type UserAgentKind = "automation" | "browser" | "other";

/** Compiled forms of the configured patterns; compiled once per audit, never inside a loop. */
export interface Matchers {
  /** A bot-like word anywhere in a name, as a whole token (optionally followed by digits). */
  nameWord: RegExp;
  /** A bot-like word as the first token of a name. */
  nameLeadingWord: RegExp;
  /** Each pattern anchored to one whole token, for evidence. */
  nameToken: RegExp;
  /** A mailbox local part made only of role words (and numbers), such as `helpdesk` or `it-ops-2`. */
  roleMailbox: RegExp;
  automationUserAgent: RegExp;
  datacenterIp: PrefixMatcher;
  /** Email-OTP action keys, each with its bit in `AccountFeatures.otpActionMask` (the first 31 keys). */
  emailOtpActions: ReadonlyMap<string, number>;
  /** The configured email-OTP action keys in order: key `i` has bit `1 << i`. */
  emailOtpActionList: readonly string[];
  /** Memo of user-agent classification: the same few user agents repeat across thousands of events. */
  userAgentKind: Map<string, UserAgentKind>;
}

const BROWSER_UA = /^Mozilla\/\d/;
// Never matches: used when a pattern list is empty so that no account matches it.
const NEVER = /(?!)/;

/** Compiles the configured patterns. */
export function compileMatchers(config: DetectionConfig): Matchers {
  const names = config.namePatterns.map((s) => `(?:${s})`).join("|");
  const agents = config.automationUserAgents.map((s) => `(?:${s})`).join("|");
  const hasNames = config.namePatterns.length > 0;
  const roles = config.roleMailboxPatterns.map((s) => `(?:${s})`).join("|");
  // Every token must be a role word or a number, and the first a role word: `sarah.jenkins` never matches.
  const roleToken = `(?:${roles})\\d*`;
  return {
    nameWord: hasNames ? new RegExp(`(?:^|[^a-z0-9])(?:${names})\\d*(?=[^a-z0-9]|$)`, "i") : NEVER,
    nameLeadingWord: hasNames ? new RegExp(`^[^a-z0-9]*(?:${names})\\d*(?=[^a-z0-9]|$)`, "i") : NEVER,
    nameToken: hasNames ? new RegExp(`^(?:${names})\\d*$`, "i") : NEVER,
    roleMailbox: roles === "" ? NEVER : new RegExp(`^${roleToken}(?:[^a-z0-9]+(?:${roleToken}|\\d+))*$`, "i"),
    automationUserAgent: agents === "" ? NEVER : new RegExp(agents, "i"),
    datacenterIp: new PrefixMatcher(config.datacenterIpPrefixes),
    emailOtpActions: new Map(config.emailOtpActions.map((action, i) => [action, i < 31 ? 1 << i : 0])),
    emailOtpActionList: config.emailOtpActions,
    userAgentKind: new Map(),
  };
}

/** Classifies a user agent as an automation client, a browser or something else. */
export function classifyUserAgent(userAgent: string, matchers: Matchers): UserAgentKind {
  const known = matchers.userAgentKind.get(userAgent);
  if (known !== undefined) return known;
  const kind: UserAgentKind = matchers.automationUserAgent.test(userAgent)
    ? "automation"
    : BROWSER_UA.test(userAgent)
      ? "browser"
      : "other";
  matchers.userAgentKind.set(userAgent, kind);
  return kind;
}

/**
 * Tells whether a string starts with any of a set of prefixes, by walking a character trie: two
 * or three array reads for an IP address, where a `startsWith` per prefix costs one call each for
 * every event of a large org. Prefixes with characters beyond ASCII fall back to `startsWith`.
 */
export class PrefixMatcher {
  /** Child of trie node `i` for character `c` at `i * 128 + c`; 0 means none (node 0 is the root). */
  private readonly next: Int32Array;
  private readonly terminal: Uint8Array;
  private readonly fallback: readonly string[] | null;

  constructor(prefixes: readonly string[]) {
    const ascii = prefixes.every((p) => /^[\x00-\x7f]+$/.test(p));
    this.fallback = ascii ? null : [...prefixes];
    const nodes = ascii ? 1 + prefixes.reduce((sum, p) => sum + p.length, 0) : 1;
    this.next = new Int32Array(nodes * 128);
    this.terminal = new Uint8Array(nodes);
    if (!ascii) return;
    let used = 1;
    for (const prefix of prefixes) {
      let node = 0;
      for (let i = 0; i < prefix.length; i++) {
        const slot = node * 128 + prefix.charCodeAt(i);
        if (this.next[slot] === 0) this.next[slot] = used++;
        node = this.next[slot] as number;
      }
      this.terminal[node] = 1;
    }
  }

  /** True when `s` starts with one of the prefixes. */
  test(s: string): boolean {
    if (this.fallback !== null) {
      for (const prefix of this.fallback) if (s.startsWith(prefix)) return true;
      return false;
    }
    let node = 0;
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      if (c >= 128) return false;
      node = this.next[node * 128 + c] as number;
      if (node === 0) return false;
      if (this.terminal[node] === 1) return true;
    }
    return false;
  }
}
