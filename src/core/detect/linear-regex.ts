import { RE2JS } from "re2js";

/** What detection asks of a compiled pattern. */
export interface TextMatcher {
  test(text: string): boolean;
}

/**
 * Compiles a pattern on RE2's linear-time engine (re2js): matching takes time proportional to
 * the text whatever the pattern, so a configured pattern such as `(a|a)*$` cannot hang an audit.
 * The engine has no look-around or back-references; such a pattern throws here.
 *
 * @param source JavaScript regular-expression source, matched case-insensitively.
 */
export function compileLinear(source: string): TextMatcher {
  const re = RE2JS.compile(RE2JS.translateRegExp(source), RE2JS.CASE_INSENSITIVE);
  return { test: (text: string) => re.test(text) };
}

/** Why a pattern cannot run on the linear-time engine, or null when it can. */
export function linearProblem(source: string): string | null {
  try {
    compileLinear(source);
    return null;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}
