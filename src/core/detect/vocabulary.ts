import type { User } from "../snapshot/schema.js";
import { CAPITALS_FIRST, plainLetters } from "./rules.js";

/**
 * The org's own words for its work, and the first words of its accounts' display names, counted
 * once per audit when first asked: "Nursing", "Credentialing" and "Commercial" stand in hundreds
 * of departments and job titles and start no person's name; "Maria" starts several people's names
 * and stands in no department. A department or a title that is a person's display name (a manager's name
 * where a directory writes the team as its head's) teaches nothing. Words are lower case,
 * accents dropped.
 */
export class OrgVocabulary {
  readonly #users: readonly User[];
  readonly #personsTitle: (title: string) => boolean;
  readonly #toolsWord: (word: string) => boolean;
  #counts: Counts | undefined;
  #domains: Map<string, number> | undefined;
  readonly #titles = new Map<string, boolean>();
  /** Every account's display name, lower case, once a numbered name asks (`secondAccount`). */
  #names: Set<string> | undefined;
  /** Accounts per word of their display name or mailbox, once a shop's name asks (`accountsHolding`). */
  #holding: Map<string, number> | undefined;
  /** Accounts per first word of a display name in two languages (`bilingualSisters`), once asked. */
  #bilingual: Map<string, number> | undefined;
  /** The account `#givenOf` last asked of, and its answer. */
  #lastUser: User | undefined;
  #lastGiven: string | undefined;
  /** The display names (lower case) with each name's words before a number, once a numbered desk asks (`numberedSisters`). */
  #numbered: Map<string, Set<string>> | undefined;

  /**
   * `personsTitle` tells a person's job title from a machine's or a device's ("Service Account",
   * "Display"); `toolsWord` a tool's word that starts an untitled account's name as no given name
   * does (see `#given`).
   */
  constructor(users: readonly User[], personsTitle: (title: string) => boolean, toolsWord: (word: string) => boolean = () => false) {
    this.#users = users;
    this.#personsTitle = personsTitle;
    this.#toolsWord = toolsWord;
  }

  /** Accounts whose department or job title holds `word`. */
  workWordCount(word: string): number {
    return this.#count().work.get(word) ?? 0;
  }

  /** Accounts whose email address is at `domain` (lower case). */
  domainCount(domain: string): number {
    if (this.#domains === undefined) {
      const domains = new Map<string, number>();
      for (const user of this.#users) {
        const email = user.email;
        const at = email ? email.lastIndexOf("@") : -1;
        if (email && at >= 0) bump(domains, email.slice(at + 1).toLowerCase());
      }
      this.#domains = domains;
    }
    return this.#domains.get(domain) ?? 0;
  }

  /** Accounts whose department is `words` (vocabulary words joined by spaces: "nursing education"). */
  departmentCount(words: string): number {
    return this.#count().departments.get(words) ?? 0;
  }

  /**
   * People other than `user` whose display name starts with `word` (see `#given`). Many teams'
   * accounts start with the same word ("Onderzoeksgroep Fotonica" at `og.fotonica@`,
   * "Onderzoeksgroep Ecologie"), with no person's title or mailbox.
   */
  givenNameCount(word: string, user: User): number {
    const count = this.#count().first.get(word) ?? 0;
    if (count === 0) return 0;
    return count - (this.#givenOf(user) === word ? 1 : 0);
  }

  /** Other accounts whose display name is written in two languages apart by a slash (`slashHalves`) with a half that starts with `word`: a desk's sisters at other places. */
  bilingualSisters(word: string, user: User): number {
    if (this.#bilingual === undefined) {
      const counts = new Map<string, number>();
      for (const u of this.#users) for (const first of halvesFirstWords(u.name)) bump(counts, first);
      this.#bilingual = counts;
    }
    return (this.#bilingual.get(word) ?? 0) - (halvesFirstWords(user.name).has(word) ? 1 : 0);
  }

  /** `#given(user)`, kept for the account last asked: rules ask it of one account's many words in turn. */
  #givenOf(user: User): string | undefined {
    if (this.#lastUser !== user) {
      this.#lastGiven = this.#given(user);
      this.#lastUser = user;
    }
    return this.#lastGiven;
  }

  /** People other than `user` whose display name ends with `word`, of those whose first word counts as a given name (see `#given`). */
  surnameCount(word: string, user: User): number {
    const count = this.#count().last.get(word) ?? 0;
    const words = vocabularyWords(user.name);
    if (this.#given(user) === undefined || this.#toolsWord(words[0] as string)) return count;
    return count - (words[words.length - 1] === word ? 1 : 0);
  }

  /**
   * People other than `user` whose display name ends with `word` and who carry a person's job
   * title, where most of those counted do (`surnameCount` otherwise): sister desks at mailboxes of
   * their words ("Stores Amberg" at `stores.amberg@`) make a surname of their place as untitled
   * people's names do of theirs; in an org whose directory writes titles, a person's has one.
   */
  titledSurnameCount(word: string, user: User): number {
    const counts = this.#count();
    if (counts.titled < counts.untitled) return this.surnameCount(word, user);
    const count = counts.titledLast.get(word) ?? 0;
    if (count === 0 || !user.jobTitle) return count;
    const words = vocabularyWords(user.name);
    return count - (words[words.length - 1] === word && this.#given(user, words) !== undefined && !this.#toolsWord(words[0] as string) ? 1 : 0);
  }

  /** Accounts whose display name or mailbox holds `word` (a trailing number aside). */
  accountsHolding(word: string): number {
    if (this.#holding === undefined) {
      const m = new Map<string, number>();
      for (const u of this.#users) {
        const ws = new Set([...vocabularyWords(u.name), ...vocabularyWords((u.email ?? "").split("@")[0] ?? "")]);
        for (const w of ws) bump(m, w);
      }
      this.#holding = m;
    }
    return this.#holding.get(word) ?? 0;
  }

  /**
   * Distinct display names with `head` (vocabulary words joined by spaces) before a number (see
   * `numberedHead`): "Pakowanie 06 – Łódź", "Pakowanie 11 – Wrocław" and "Pakowanie 14" are three
   * under `pakowanie`, and so are "Ventanilla 1 Polanco", "Ventanilla 1 Lindavista" and
   * "Ventanilla 4 Santa Fe" under `ventanilla`; two accounts of one name count once.
   */
  numberedSisters(head: string): number {
    if (this.#numbered === undefined) {
      const m = new Map<string, Set<string>>();
      for (const u of this.#users) {
        const found = numberedHead(u.name);
        if (found === null) continue;
        let names = m.get(found.head);
        if (names === undefined) m.set(found.head, (names = new Set()));
        names.add(u.name.trim().toLowerCase());
      }
      this.#numbered = m;
    }
    return this.#numbered.get(head)?.size ?? 0;
  }

  /** Distinct given names counted (see `givenNameCount`): how much the org's names can tell. */
  givenNames(): number {
    return this.#count().first.size;
  }

  /** The org's names teach enough given names (`KNOWN_GIVEN_NAMES`) to tell a word that is none of them. */
  knowsGivenNames(): boolean {
    return this.givenNames() >= KNOWN_GIVEN_NAMES;
  }

  /**
   * The first word of `user`'s display name, where it counts as a person's given name: a name of
   * two words or more with a person's job title that is not the name, or, untitled, at a mailbox
   * of the given name and another of the name's words (`grace.ward@` for Grace Ward), no team's
   * word after it, one that is no one's surname ("Epic On-Call" at `epic.oncall@`, "Epic Kit
   * Alerts" at `epic.kit.alerts@` and "Epic Interconnect" at `epic-interconnect@` make no given
   * name of Epic; Epic Jenkins and Epic Sales do). Nor does a tool's word first on an untitled
   * account: sister integrations at mailboxes of their words ("Integração Magento" at
   * `integracao.magento@`, "Sync Protheus" at `sync.protheus@`) teach no given name, and their
   * idle sister "Integração CRM Legado" at `crm.legado@` was read as named for a person. Nor does
   * an untitled name with a number in it, a numbered room's, device's or tool's ("Review Room 1 -
   * SYD" at `review.room.1.syd@`, "jira-test-01" at `jira-test-01@`): its first word would shield
   * its sisters ("Jira Housekeeping" at `housekeeping@`, "Screen - Edinburgh 6th Floor"). Nor does
   * a name with a screen's word between its first and its last (`SCREEN_WORD`). Neither
   * a number nor a team's word after the first stops a name that starts with another account's
   * name: a person's second account ("Xiadani Quispe 2", "Maria Lopez Admin 1", "Priya Shah
   * (Reports)" beside Xiadani Quispe, Maria Lopez and Priya Shah) teaches as the first does.
   */
  #given(user: User, words: readonly string[] = vocabularyWords(user.name)): string | undefined {
    if (words.length < 2) return undefined;
    const title = user.jobTitle;
    if (title) return this.#isPersonsTitle(title) && title.trim().toLowerCase() !== user.name.trim().toLowerCase() ? words[0] : undefined;
    // Nor a bilingual desk's name (`deskHalf`): its sisters at other places start with the same
    // word ("Llyfrgell Tregaron – Cownter / Counter" beside "Llyfrgell Llandeilo – ...").
    if (deskHalf(user.name)) return undefined;
    const mailbox = vocabularyWords((user.email ?? "").split("@")[0] ?? "");
    if (!(mailbox.length >= 2 && mailbox[0] === words[0] && mailbox.slice(1).some((t) => t !== words[0] && words.includes(t)))) return undefined;
    if ((DIGIT.test(user.name) || words.slice(1).some((w) => TEAMS_WORD.test(w)) || words.slice(1, -1).some((w) => SCREEN_WORD.test(w))) && !this.secondAccount(user.name)) return undefined;
    // Nor a school's desk at a mailbox of its first word and a desk's ("Como Park Elementary Front
    // Office" at `como.office@`), whose sisters ("Como Park Elementary Attendance" at
    // `attendance.como@`) it would shield; a person whose name carries their school is at their
    // own mailbox (Grant Miller Lincoln Elementary at `grant.miller@`).
    if ((SCHOOL_AFTER_NAME.test(user.name) || SCHOOL_BEFORE_NAME.test(user.name)) && mailbox.some((t) => SCHOOL_DESK_TOKEN.test(t))) return undefined;
    // Nor three capitals or more first before a word in a name's case, untitled: a team's code
    // ("NOC Probe" at `noc.probe@`, "KPI Netzbetrieb" at `kpi.netzbetrieb@`), whose sisters ("NOC
    // Screen Kraków", "KPI Netzbetrieb Lisboa") it would shield as a given name would, or a surname
    // as directories write it ("OKAFOR Chidi"). Two capitals are a person's initials as often (JP
    // Jenkins).
    if (CAPITALS_FIRST.test(user.name.trim())) return undefined;
    return this.#toolsWord(words[0] as string) ? undefined : words[0];
  }

  /**
   * `name` starts with another account's display name, a number after it and maybe a note ("Maria
   * Lopez (2)", "Xiadani Quispe 2", "Xiadani Quispe Admin 1", "Xiadani Quispe 01 (Ext)"): the same
   * person's second account.
   */
  secondAccount(name: string): boolean {
    this.#names ??= new Set(this.#users.map((u) => u.name.trim().toLowerCase()));
    const names = this.#names;
    const words = name.trim().toLowerCase().split(/\s+/);
    for (let n = words.length; n >= 2; n--) {
      const head = words.slice(0, n).join(" ");
      const unnumbered = head.replace(NUMBER_LAST, "");
      // The whole name counts only without its number ("Maria Lopez2"), or it would find itself.
      if ((n < words.length || unnumbered !== head) && names.has(unnumbered)) return true;
    }
    return false;
  }

  /** `personsTitle`, asked once per distinct title (an org has far fewer titles than people). */
  #isPersonsTitle(title: string): boolean {
    let known = this.#titles.get(title);
    if (known === undefined) this.#titles.set(title, (known = this.#personsTitle(title)));
    return known;
  }

  /** Accounts whose job title ends in `word` (a role's noun: engineer, manager, nurse). */
  titleEndCount(word: string): number {
    return this.#count().titleEnd.get(word) ?? 0;
  }

  #count(): Counts {
    if (this.#counts !== undefined) return this.#counts;
    const counts: Counts = { work: new Map(), departments: new Map(), first: new Map(), last: new Map(), titledLast: new Map(), titled: 0, untitled: 0, titleEnd: new Map() };
    const names = new Set<string>();
    for (const user of this.#users) {
      const words = vocabularyWords(user.name);
      const given = this.#given(user, words);
      if (given === undefined) continue;
      bump(counts.first, given);
      // A titled tool's account ("Deploy Staging") teaches no surname.
      if (!this.#toolsWord(words[0] as string)) {
        bump(counts.last, words[words.length - 1] as string);
        if (user.jobTitle) {
          bump(counts.titledLast, words[words.length - 1] as string);
          counts.titled++;
        } else counts.untitled++;
      }
      names.add(words.join(" "));
    }
    // Departments and titles repeat across thousands of accounts: each distinct text is split once.
    const split = new Map<string, readonly string[]>();
    const wordsOf = (text: string | null | undefined): readonly string[] => {
      if (!text) return [];
      let words = split.get(text);
      if (words === undefined) {
        words = vocabularyWords(text);
        if (names.has(words.join(" "))) words = [];
        split.set(text, words);
      }
      return words;
    };
    for (const user of this.#users) {
      const department = wordsOf(user.department);
      const title = wordsOf(user.jobTitle);
      for (const w of new Set([...department, ...title])) bump(counts.work, w);
      if (department.length > 0) bump(counts.departments, department.join(" "));
      const end = title[title.length - 1];
      if (end !== undefined) bump(counts.titleEnd, end);
    }
    return (this.#counts = counts);
  }
}

/** Given names an org's accounts must teach before a name's words are read as no one's. */
export const KNOWN_GIVEN_NAMES = 100;

/**
 * A screen's, a TV's, a kiosk's, a monitor's or a board's word between a name's first word and its last, as
 * a device's name holds it before its place ("Queue Screen Cardiff" made Queue a given name and
 * "Queue Screen London" a person's name). Last in the name it may be a surname or initials (Pat
 * Screen, Anil Kumar TV), which teach their given names.
 */
const SCREEN_WORD = /^(?:screens?|displays?|tv|kiosks?|wallboards?|signage|monitors?|boards?)$/;
/**
 * Words after the first that a team's or a tool's account has and no one's name, as a surname
 * neither (not Jenkins, Sales, Bridge): a report's, a summary's, a KPI's, a digest's, an export's
 * or a dashboard's too ("Factory Daily Summary" at `factory.daily@` made Factory a given name and
 * "Factory Floor Screen Kericho" a person's name; "Fleet Reports" did so for "Monthly Fleet KPI").
 */
const TEAMS_WORD = /^(?:call|oncall|alerts?|support|helpdesk|servicedesk|desk|team|ops|operations|notifications?|interfaces?|integrations?|interconnect|sync|connectors?|webhooks?|api|monitoring|noreply|inbox|mailbox|reports?|reporting|summary|summaries|kpis?|digest|exports?|dashboards?)$/;

/** A school's word after its name, in English: no person's name holds one. */
export const SCHOOL_AFTER_NAME = /(?:^|\s)(?:elementary|elem\.|(?:middle|high|primary|secondary|public|junior|senior|grammar|charter|magnet|community)\s+school|academy|(?:adult\s+)?(?:basic\s+)?(?:education|learning)\s+cent(?:er|re))(?=\s|$)/iu;
/** A school's word before its name, in French. */
export const SCHOOL_BEFORE_NAME = /(?:^|\s)(?:[ée]cole|coll[èe]ge|lyc[ée]e|acad[ée]mie|centre\s+d['’]\s*[ée]ducation)(?=\s|$)/iu;
/**
 * A name written in two languages, the halves apart by a slash, one of which, before any note
 * after a dash, is a desk's, a counter's, a till's, a reception's or an office computer's name, a
 * place's words before it and a number after it aside ("Derbynfa / Reception – Neuadd y Sir",
 * "Llyfrgell Llandeilo – Cownter / Counter", "Canolfan Hamdden Dyffryn – Til 1 / Till 1"), or a
 * kiosk's or a screen's ("Llyfrgell Llandeilo – Ciosg / Self-Service Kiosk", "Sgrin Depo / Depot Screen").
 */
export function deskHalf(name: string): boolean {
  const halves = slashHalves(name);
  return halves !== null && halves.some((h) => DESK_HALF.test(beforeNoteDash(h)));
}
/** The first words of a name's two halves (`slashHalves`), none for a name of one language. */
function halvesFirstWords(name: string): Set<string> {
  const halves = name.includes("/") ? slashHalves(name) : null;
  const firsts = new Set<string>();
  for (const half of halves ?? []) {
    const first = vocabularyWords(half)[0];
    if (first !== undefined) firsts.add(first);
  }
  return firsts;
}
/**
 * A name's two halves apart by its one slash, with white space on both sides ("Derbynfa /
 * Reception"), trimmed, or null. Found by scanning, not by a pattern that backtracks over long
 * runs of spaces a hostile name may hold.
 */
export function slashHalves(name: string): [string, string] | null {
  const at = name.indexOf("/");
  if (at <= 0 || at !== name.lastIndexOf("/") || !SPACE.test(name[at - 1] as string) || !SPACE.test(name[at + 1] ?? "")) return null;
  const left = name.slice(0, at).trim();
  const right = name.slice(at + 1).trim();
  return left === "" || right === "" ? null : [left, right];
}
/** Where the first (or, `last`, the last) dash with white space on both sides stands in `text`, or -1: a note's start ("Llyfrgell Llandeilo – Cownter"). */
export function noteDash(text: string, last = false): number {
  // A pattern of fixed length, asked once per name: most names hold no such dash.
  DASH_BETWEEN_SPACES.lastIndex = 0;
  let at = -1;
  for (let found = DASH_BETWEEN_SPACES.exec(text); found !== null; found = DASH_BETWEEN_SPACES.exec(text)) {
    at = found.index + 1;
    if (!last) break;
  }
  return at;
}
const DASH_BETWEEN_SPACES = /\s[-–—](?=\s)/g;
/** `text` before its first note after a dash, trimmed. */
export function beforeNoteDash(text: string): string {
  const at = noteDash(text);
  return (at < 0 ? text : text.slice(0, at)).trim();
}
const SPACE = /\s/;
const DESK_HALF = /^(?:[\p{L}'’.-]+\s+){0,3}(?:reception|counter|till|front\s+desk|help\s*desk|service\s+desk|enquiries|switchboard|control\s+room|gate\s*house|office\s+(?:pc|computer)|shared\s+pc|(?:self[- ]service\s+)?kiosk|screen|display|wallboard|signage|tv)(?:\s+\d{1,3})?$/iu;
/** A school desk's word in a mailbox: its office, its library, its lab, or what its staff on duty do. */
export const SCHOOL_DESK_TOKEN = /^(?:cdi|viescolaire|office|frontoffice|mainoffice|frontdesk|front|reception|accueil|library|biblio|bibliotheque|mediacenter|lab|attendance|absences?|athletics|sports|counseling|counselling|guidance|orientation|registrar|enrollment|enrolment|admissions|secretariat)$/;

interface Counts {
  work: Map<string, number>;
  departments: Map<string, number>;
  first: Map<string, number>;
  last: Map<string, number>;
  /** Of `last`, the names of accounts with a job title, and how many such and untitled names were counted. */
  titledLast: Map<string, number>;
  titled: number;
  untitled: number;
  titleEnd: Map<string, number>;
}

function bump(counts: Map<string, number>, key: string): void {
  counts.set(key, (counts.get(key) ?? 0) + 1);
}

/**
 * The words before a number of one to three digits in a display name of 80 characters at most, a
 * contractor's tag in brackets first and anything after the number aside ("Pakowanie 06 – Łódź",
 * "Ventanilla 4 Santa Fe", "[EXT] Poste 02"), and the number; null for a name with no such
 * number, or whose number comes first.
 */
export function numberedHead(name: string): { head: string; words: string[]; number: number } | null {
  if (name.length > NUMBERED_NAME_MAX || !DIGIT.test(name)) return null;
  const found = NUMBERED_HEAD.exec(name.trim().replace(LEADING_TAG, ""));
  if (found === null) return null;
  const words = vocabularyWords(found[1] as string);
  return words.length === 0 ? null : { head: words.join(" "), words, number: Number(found[2]) };
}
const NUMBERED_NAME_MAX = 80;
/** Words with no digit, a separator, then the number and a space, a separator or the end. */
const NUMBERED_HEAD = /^([^\d\s][^\d]*?)[\s#.-]+0*(\d{1,3})(?=$|[\s,–—-])/u;
/** A contractor's or a vendor's tag in brackets first ("[EXT-Atlas] Poste 02"). */
export const LEADING_TAG = /^\[[^\]]*\]\s*/u;

/** The words of `text`, lower case and without accents: "Pflege – Intensivstation" gives `pflege`, `intensivstation`. */
export function vocabularyWords(text: string): string[] {
  const lower = text.toLowerCase();
  // Most names and titles are ASCII: no accents to drop.
  const plain = ASCII.test(lower) ? lower : plainLetters(lower);
  return plain.match(LETTERS) ?? [];
}
const ASCII = /^[\x00-\x7f]*$/;
const DIGIT = /\p{Nd}/u;
/** A number last, in brackets or after `#` or not ("Maria Lopez (2)", "Xiadani Quispe 2"). */
const NUMBER_LAST = /(?<!\s)\s*(?:\(\s*#?\d+\s*\)|\[\s*#?\d+\s*\]|#?\d+)\s*$/;
const LETTERS = /\p{L}+/gu;
