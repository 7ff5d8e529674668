import type { User } from "../snapshot/schema.js";

/**
 * The org's own words for its work, and the first words of its accounts' display names, counted
 * once per audit when first asked: "Nursing", "Credentialing" and "Commercial" stand in hundreds
 * of departments and job titles and start no one's name; "Maria" starts several names and stands
 * in no department. Words are lower case, accents dropped.
 */
export class OrgVocabulary {
  readonly #users: readonly User[];
  #work: Map<string, number> | undefined;
  #first: Map<string, number> | undefined;
  #titleEnd: Map<string, number> | undefined;

  constructor(users: readonly User[]) {
    this.#users = users;
  }

  /** Accounts whose department or job title holds `word`. */
  workWordCount(word: string): number {
    if (this.#work === undefined) this.#count();
    return this.#work?.get(word) ?? 0;
  }

  /** Accounts whose display name starts with `word`. */
  firstWordCount(word: string): number {
    if (this.#first === undefined) this.#count();
    return this.#first?.get(word) ?? 0;
  }

  /** Accounts whose job title ends in `word` (a role's noun: engineer, manager, nurse). */
  titleEndCount(word: string): number {
    if (this.#titleEnd === undefined) this.#count();
    return this.#titleEnd?.get(word) ?? 0;
  }

  #count(): void {
    const work = new Map<string, number>();
    const first = new Map<string, number>();
    const titleEnd = new Map<string, number>();
    // Departments and titles repeat across thousands of accounts: each distinct text is split once.
    const split = new Map<string, readonly string[]>();
    for (const user of this.#users) {
      const seen = new Set<string>();
      for (const text of [user.department, user.jobTitle]) {
        if (!text) continue;
        let words = split.get(text);
        if (words === undefined) split.set(text, (words = vocabularyWords(text)));
        for (const w of words) seen.add(w);
      }
      for (const w of seen) work.set(w, (work.get(w) ?? 0) + 1);
      const title = user.jobTitle ? split.get(user.jobTitle) : undefined;
      const end = title?.[title.length - 1];
      if (end !== undefined) titleEnd.set(end, (titleEnd.get(end) ?? 0) + 1);
      const lead = vocabularyWords(user.name.trim().split(/\s+/, 1)[0] ?? "")[0];
      if (lead !== undefined) first.set(lead, (first.get(lead) ?? 0) + 1);
    }
    this.#work = work;
    this.#first = first;
    this.#titleEnd = titleEnd;
  }
}

/** The words of `text`, lower case and without accents: "Pflege – Intensivstation" gives `pflege`, `intensivstation`. */
export function vocabularyWords(text: string): string[] {
  return text
    .normalize("NFD")
    .replace(/\p{M}+/gu, "")
    .toLowerCase()
    .split(/[^\p{L}]+/u)
    .filter((w) => w !== "");
}
