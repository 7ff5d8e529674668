import { DEFAULT_AUTOMATION_USER_AGENTS, DEFAULT_NAME_PATTERNS, DEFAULT_ROLE_MAILBOX_PATTERNS, type DetectionConfig } from "../config.js";
import { compileLinear, type TextMatcher } from "../linear-regex.js";

export type UserAgentKind = "automation" | "browser" | "other";

/** Compiled forms of the configured patterns; compiled once per audit, never inside a loop. */
export interface Matchers {
  /** A bot-like word anywhere in a name, as a whole token (optionally followed by digits). */
  nameWord: TextMatcher;
  /** A bot-like word as the first token of a name (after a product's or an environment's name). */
  nameLeadingWord: TextMatcher;
  /** A bot-like word right after a team's word (`reports-robot`): leading on a team's account only (see `leadsWithBotWord`). */
  nameAfterTeamWord: TextMatcher;
  /** Each pattern anchored to one whole token, for evidence. */
  nameToken: TextMatcher;
  /** A mailbox local part made only of role words (and numbers), such as `helpdesk` or `it-ops-2`. */
  roleMailbox: TextMatcher;
  automationUserAgent: TextMatcher;
  datacenterIp: PrefixMatcher;
  /** Email-OTP action keys, each with its bit in `AccountFeatures.otpActionMask` (the first 31 keys). */
  emailOtpActions: ReadonlyMap<string, number>;
  /** The configured email-OTP action keys in order: key `i` has bit `1 << i`. */
  emailOtpActionList: readonly string[];
  /** Memo of user-agent classification: the same few user agents repeat across thousands of events. */
  userAgentKind: Map<string, UserAgentKind>;
}

// A browser, or one of Atlassian's mobile apps (`Jira/128.1.0 (iPhone; iOS 18.1; Scale/3.00)`,
// `Confluence/8.2.0 (Android 14; Pixel 8)`): a person's client either way.
const BROWSER_UA = /^Mozilla\/\d|^(?:Jira|Confluence|JiraServiceManagement|Jira Service Management|Opsgenie|Atlassian)[^/]*\/[\d.]+ \((?:iPhone|iPad|iOS|Android)/i;
// Never matches: used when a pattern list is empty so that no account matches it.
const NEVER = /(?!)/;

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((s, i) => s === b[i]);
}

/**
 * Names of products and environments that a team's or a tool's mailbox starts with, before the
 * word that says what it is (`jira-sync@`, `confluence-export@`, `qa-automation@`, `prod-deploy@`);
 * no person's mailbox starts with one.
 */
const CONTEXT_WORDS = "(?:jira|confluence|jsm|bitbucket|slack|teams|qa|uat|dev|prod|staging|nightly)";
/** One of `CONTEXT_WORDS`, whole. */
export const CONTEXT_WORD = new RegExp(`^${CONTEXT_WORDS}$`);
/** Regions and countries a team's address names beside its role (`it-service-emea`, `support-de`). */
const REGION_WORDS = "(?:emea|apac|amer|americas|latam|anz|nordics?|dach|benelux|global|intl|international|hq|europe|asia|north|south|east|west|central|eu|us|uk|ca|au|nz|de|fr|es|nl|be|ch|at|se|no|dk|fi|pl|in|jp|sg|br|mx)";

/**
 * Compiles the configured patterns. Patterns from a config file run on a linear-time engine, so
 * no pattern can make matching slow; the built-in lists, which are fixed and checked to give the
 * same answers there, run on V8's faster backtracking engine. `linear` forces the linear engine.
 */
export function compileMatchers(config: DetectionConfig, options: { linear?: boolean } = {}): Matchers {
  const builtIn =
    options.linear !== true &&
    sameList(config.namePatterns, DEFAULT_NAME_PATTERNS) &&
    sameList(config.roleMailboxPatterns, DEFAULT_ROLE_MAILBOX_PATTERNS) &&
    sameList(config.automationUserAgents, DEFAULT_AUTOMATION_USER_AGENTS);
  // Every use is a yes/no test, so the end of a token is matched rather than looked ahead at.
  const compile = (source: string): TextMatcher => (builtIn ? new RegExp(source, "i") : compileLinear(source));
  const names = config.namePatterns.map((s) => `(?:${s})`).join("|");
  const agents = config.automationUserAgents.map((s) => `(?:${s})`).join("|");
  const hasNames = config.namePatterns.length > 0;
  const roles = config.roleMailboxPatterns.map((s) => `(?:${s})`).join("|");
  // Every token must be a role word, a region's or a number, with a role word first after any
  // regions (`it-service-emea`, `emea-support`): `sarah.jenkins` never matches.
  const roleToken = `(?:${roles})\\d*`;
  // After the role, any two letters are a country's code (`support-kr`, `sales.jp`, `hr-cz`); three
  // or four are a region's or a city's only beside a team's display name (`placeCodedRole`, rules.ts).
  const extra = `(?:${roleToken}|\\d+|${REGION_WORDS}|[a-z]{2}\\d*|ksa)`;
  const roleSource = `^(?:${REGION_WORDS}[^a-z0-9]+)*${roleToken}(?:[^a-z0-9]+${extra})*$`;
  return {
    nameWord: hasNames ? new RecentAnswers(compile(`(?:^|[^a-z0-9])(?:${names})\\d*(?:[^a-z0-9]|$)`)) : NEVER,
    // The first word after a product's or an environment's name leads too: `jira-sync@`, `qa-automation@`.
    nameLeadingWord: hasNames ? new RecentAnswers(compile(`^[^a-z0-9]*(?:${CONTEXT_WORDS}[^a-z0-9]+)?(?:${names})\\d*(?:[^a-z0-9]|$)`)) : NEVER,
    nameAfterTeamWord: hasNames && roles !== "" ? new RecentAnswers(compile(`^[^a-z0-9]*${roleToken}[^a-z0-9]+(?:${names})\\d*(?:[^a-z0-9]|$)`)) : NEVER,
    nameToken: hasNames ? compile(`^(?:${names})\\d*$`) : NEVER,
    // On V8's engine a mailbox of many parts is read on the linear engine instead: each part may
    // be read as a role and as a country's code (`it`), and V8 tries every way before failing,
    // twice as long with each part (`it.it.it…x`: 3 s for 22). Both engines give the same answers.
    roleMailbox: roles === "" ? NEVER : builtIn ? new FewParts(new RegExp(roleSource, "i"), roleSource) : compileLinear(roleSource),
    automationUserAgent: agents === "" ? NEVER : compile(agents),
    datacenterIp: new PrefixMatcher(config.datacenterIpPrefixes),
    emailOtpActions: new Map(config.emailOtpActions.map((action, i) => [action, i < 31 ? 1 << i : 0])),
    emailOtpActionList: config.emailOtpActions,
    userAgentKind: new Map(),
  };
}

/**
 * A backtracking pattern for texts of `FEW_PARTS` parts or fewer (runs of letters and digits), and
 * the same pattern on the linear engine, compiled when first needed, for longer ones: a pattern
 * whose parts can each be read two ways takes time that doubles with each part on V8's engine.
 */
class FewParts implements TextMatcher {
  private linear: TextMatcher | null = null;

  constructor(
    private readonly fast: RegExp,
    private readonly source: string,
  ) {}

  test(text: string): boolean {
    let parts = 0;
    let inPart = false;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i) | 32;
      const partChar = (c >= 97 && c <= 122) || (c >= 48 && c <= 57);
      if (partChar && !inPart && ++parts > FEW_PARTS) return (this.linear ??= compileLinear(this.source)).test(text);
      inPart = partChar;
    }
    return this.fast.test(text);
  }
}
/** Parts of a text read on V8's engine: real mailboxes have a handful. */
const FEW_PARTS = 8;

/**
 * A matcher that remembers its last few answers. Several rules and verdict checks test the same
 * account's mailbox, nickname and name against the bot-like words, one after another; asked again
 * about one of those texts, this answers without running the pattern. Comparing a text with the
 * remembered ones costs a pointer comparison when it is the very same string, as it is here.
 */
export class RecentAnswers implements TextMatcher {
  private readonly texts: (string | null)[] = [null, null, null, null];
  private readonly answers: boolean[] = [false, false, false, false];
  private next = 0;

  constructor(private readonly matcher: TextMatcher) {}

  test(text: string): boolean {
    const texts = this.texts;
    for (let i = 0; i < texts.length; i++) if (texts[i] === text) return this.answers[i] as boolean;
    const answer = this.matcher.test(text);
    texts[this.next] = text;
    this.answers[this.next] = answer;
    this.next = (this.next + 1) % texts.length;
    return answer;
  }
}

/**
 * An action key as the detection compares it: `USER_LOGIN`, `user.login`, `UserLogin` and a
 * product's `jira:user_login` are the sign-in `user_login`; other keys are written in lower case
 * with words joined by `_` (`USER_EMAIL_OTP_CHALLENGE` is `user_email_otp_challenge`). A log's
 * keys are few, so each is worked out once.
 */
export function canonicalAction(action: string): string {
  if (action === "user_login") return action;
  let canonical = canonicalActions.get(action);
  if (canonical === undefined) {
    canonical = action
      .replace(/([a-z0-9])([A-Z])/g, "$1_$2")
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "_")
      .replace(/^_+|_+$/g, "");
    if (SIGN_IN_KEY.test(canonical)) canonical = "user_login";
    if (canonicalActions.size >= MAX_CANONICAL_ACTIONS) canonicalActions.clear();
    canonicalActions.set(action, canonical);
  }
  return canonical;
}
const canonicalActions = new Map<string, string>();
const MAX_CANONICAL_ACTIONS = 4096;
/** `user_login`, alone or after a product's or a directory's name. */
const SIGN_IN_KEY = /^(?:(?:jira|confluence|jsm|bitbucket|atlassian|admin|org|identity|idp|access)_)?user_login$/;

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
