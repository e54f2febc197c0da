/**
 * People in charters: names with handles ("Andrew Miller (nanorepublica)", "Tom Carrick (forum: tom,
 * discord: wynne)", "@user", a GitHub profile link), qualifiers that are not handles ("(interim)",
 * "(acting)"), "DSF President (currently Name)", placeholders that are not people (TBC, TBD, "You?",
 * todo, "?", "N/A", ...), and role labels ("Board Liaison (must be ...):", "[Optional] ...", "Vice-Chair").
 */
import type { Person } from "./types.ts";

/** Which role slot a label fills. */
export type RoleSlot =
  | "chair"
  | "coChair"
  | "boardLiaison"
  | "steeringCouncilLiaison"
  | "members"
  | "alumni"
  | "other";

/** A classified role label. */
export interface RoleLabel {
  slot: RoleSlot;
  /** Normalised title for `other` roles ("Online Communities WG Liaison", "Designated Line Manager"). */
  title: string;
}

const PLACEHOLDER =
  /^(?:tbc|tbd|tba|tbd\/tbc|tktk|todo|to ?do|to be (?:confirmed|decided|determined|announced)|you|n\/?a|none|nobody|no ?one|vacant|open|empty|pending|unknown|someone|anyone|volunteers?(?: wanted| needed)?|other options.*|dsf president|president|-+|–|—|…|\.+|x+|\?+)$/iu;

/** True when the text is a placeholder rather than a person (TBC, TBD, "You?", todo, "?", empty, N/A...). */
export function isPlaceholder(text: string): boolean {
  const t = text
    .replace(/[*_`"'“”]/gu, "")
    .replace(/[.,;:!]+$/u, "")
    .trim();
  if (t === "") return true;
  if (t.includes("?")) return true;
  if (PLACEHOLDER.test(t)) return true;
  // "TBC: something", "TBD (soon)", "Other options TBC"
  if (/^(?:tbc|tbd|tba|todo|tktk)\b/iu.test(t) || /\b(?:tbc|tbd|tba|tktk)$/iu.test(t)) return true;
  return false;
}

const QUALIFIER =
  /^(?:interim|acting|temporary|temp|outgoing|incoming|emeritus|emerita|retired|on leave|optional|tbd|elect|chair-elect|he\/him|she\/her|they\/them|he\/they|she\/they|any pronouns|non-voting|voting|ex[- ]officio|observer|advisor|adviser|alternate|inactive|former|new|returning|[a-z]+\/[a-z]+)$/iu;

/** Words in parentheses that make a name a proposal, not yet a holder: "(tentative)", "(TBC)", "(invited)". */
const TENTATIVE_WORD =
  /^(?:\?+|tentative(?:ly)?|tbc|to be confirmed|unconfirmed|not yet confirmed|pending(?: confirmation| acceptance)?|proposed|nominated|invited|maybe|possibly|probably|perhaps|if (?:she|he|they) (?:agrees?|accepts?))\??$/iu;
/** A trailing "?" or "(?)", "(tentative)", " TBC" after a name. */
const TENTATIVE_SUFFIX = /\s*(?:\?+|\(([^()]*)\)|\b(?:tbc|to be confirmed)\b\.?)\s*$/iu;
/** A leading "Maybe", "Possibly", "Tentatively:", "Proposed:". */
const TENTATIVE_PREFIX =
  /^(?:maybe|possibly|probably|perhaps|tentatively|tentative|proposed|nominated)\b\s*:?\s*/iu;

/**
 * Strips the marks that write a name tentatively ("Jane Doe?", "Jane Doe (?)", "Jane Doe (TBC)",
 * "Maybe Jane Doe", "Proposed: Jane Doe") and says whether there were any. Placeholders stay as
 * they are ("You?" still reads as a placeholder after stripping).
 */
export function readTentative(text: string): { text: string; tentative: boolean } {
  let t = text.trim();
  let tentative = false;
  for (let i = 0; i < 4; i++) {
    const before = t;
    const suffix = TENTATIVE_SUFFIX.exec(t);
    if (suffix && (suffix[1] === undefined || TENTATIVE_WORD.test(suffix[1].trim()))) {
      t = t.slice(0, suffix.index).trim();
      tentative = true;
    }
    const prefix = TENTATIVE_PREFIX.exec(t);
    if (prefix && prefix[0].length < t.length) {
      t = t.slice(prefix[0].length).trim();
      tentative = true;
    }
    if (t === before) break;
  }
  return { text: t, tentative };
}

const ROLE_WORDS =
  /\b(?:chair|co-?chair|vice[- ]?chair|chairs?|liaison|liason|president|secretary|treasurer|manager)\b/iu;

/** Words that make a string not a plain name. */
const NOT_A_NAME = /\b(?:chair|co-chair|vice-chair|liaison|liason|members?|membership|tbd|tbc)\b/iu;

/**
 * Splits at top-level separators (commas, semicolons, " and ", " & "), ignoring those inside
 * parentheses. `separators` must be a sticky (`y`) regular expression; it is tried at each position.
 */
export function splitTopLevel(text: string, separators: RegExp): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charAt(i);
    if (ch === "(" || ch === "[") depth++;
    else if ((ch === ")" || ch === "]") && depth > 0) depth--;
    else if (depth === 0) {
      separators.lastIndex = i;
      const m = separators.exec(text);
      if (m && m.index === i && m[0].length > 0) {
        parts.push(text.slice(start, i));
        i += m[0].length - 1;
        start = i + 1;
      }
    }
  }
  parts.push(text.slice(start));
  return parts.map((p) => p.trim()).filter((p) => p !== "");
}

/** Index of the first ":" outside parentheses, or -1. */
export function topLevelColon(text: string): number {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charAt(i);
    if (ch === "(" || ch === "[") depth++;
    else if ((ch === ")" || ch === "]") && depth > 0) depth--;
    else if (ch === ":" && depth === 0) {
      // "https://..." is not a label separator.
      if (text.slice(i, i + 3) === "://") continue;
      return i;
    }
  }
  return -1;
}

const SMALL_WORDS = new Set(["of", "and", "for", "to", "the", "in", "on", "with", "a", "an", "at", "by"]);

/** Title-cases a role title, keeping words that already have capitals ("CoC", "WG", "DSF"). */
export function titleCase(text: string): string {
  return text
    .split(" ")
    .filter((w) => w !== "")
    .map((w, i) => {
      if (w !== w.toLowerCase()) return w;
      if (i > 0 && SMALL_WORDS.has(w)) return w;
      return w.charAt(0).toUpperCase() + w.slice(1);
    })
    .join(" ");
}

/** Removes "[Optional]" prefixes and parenthetical template text from a role label. */
export function cleanRoleLabel(label: string): string {
  let t = label.replace(/\[[^\]]*\]/gu, " ");
  let prev = "";
  while (prev !== t) {
    prev = t;
    t = t.replace(/\([^()]*\)/gu, " ");
  }
  return t
    .replace(/[*_`:]+/gu, " ")
    .replace(/\s+/gu, " ")
    .trim();
}

/** Normalises a liaison or other role title ("liason for Online Communities working group" -> "Online Communities WG Liaison"). */
export function normaliseRoleTitle(label: string): string {
  let t = cleanRoleLabel(label)
    .replace(/\bliason\b/giu, "Liaison")
    .replace(/\bliaison\b/gu, "Liaison")
    .replace(/\bworking groups?\b/giu, "WG")
    .replace(/^(?:the|a|an)\s+/iu, "");
  const m = /^Liaison (?:for|to|with|from) (?:the )?(.+)$/iu.exec(t);
  if (m?.[1]) t = `${m[1]} Liaison`;
  return titleCase(t.replace(/[.,;]+$/u, "").trim());
}

/** Words of a sentence or of a description of duties; a role label has none of them. */
const DUTY_WORDS =
  /\b(?:is|are|was|were|will|shall|should|must|can|could|may|might|does|do|has|have|needs?|responsible|responsibilit(?:y|ies)|duties|duty|tasks?|includes?|including|expected|definitions?|description|describes?|means)\b/iu;

/** Lower-case words that may sit inside a name ("Guido van Rossum", "Maria de la Cruz"). */
const NAME_PARTICLE =
  /^(?:van|von|de|der|den|da|di|du|del|della|dos|das|la|le|bin|al|el|ibn|ter|ten|zu|y|e)$/u;

/**
 * True when a name reads as one in a list that may not be a roster: one word (a handle or a
 * mononym), or every word capitalised or a name particle. "Schedule meetings" passes the lenient
 * `nameProblem` (one lower-case word) but not this.
 */
export function looksLikeName(name: string): boolean {
  const words = name.split(" ").filter((w) => w !== "");
  if (words.length <= 1) return true;
  return words.every((w) => !/^\p{Ll}/u.test(w) || NAME_PARTICLE.test(w));
}

/** Classifies a role label; null when it is not a role ("Note", a sentence). */
export function classifyRoleLabel(label: string): RoleLabel | null {
  const clean = cleanRoleLabel(label);
  const l = clean.toLowerCase();
  if (l === "") return null;
  if (clean.split(" ").length > 7) return null;
  if (/^(?:alumni|past members|former members|previous members|emeritus(?: members)?)$/u.test(l))
    return { slot: "alumni", title: "Alumni" };
  if (
    /^(?:other |current |initial |founding |team |group |wg |additional |remaining |regular |voting |the )?(?:members?|membership|team|participants)(?: list)?$/u.test(
      l,
    )
  )
    return { slot: "members", title: "Members" };
  if (/\bboard\b/u.test(l) && /\blia(?:i)?son\b/u.test(l))
    return { slot: "boardLiaison", title: "Board Liaison" };
  if (/\b(?:steering council|sc)\b/u.test(l) && /\blia(?:i)?son\b/u.test(l))
    return { slot: "steeringCouncilLiaison", title: "Steering Council Liaison" };
  if (/^(?:co-?chair|co chair|vice[- ]?chair|vice chair|deputy chair|co-?chairs|vice-?chairs)$/u.test(l))
    return { slot: "coChair", title: "Co-Chair" };
  if (/^(?:chair|chairs|chairperson|chairman|chairwoman|chair person|lead|team lead|group lead)$/u.test(l))
    return { slot: "chair", title: "Chair" };
  if (/[.!?]$/u.test(clean) || /^(?:note|notes|see|example|e\.g|i\.e|nb)$/u.test(l)) return null;
  // "The Chair is responsible for", "Duties of the Co-Chair", "The Board Liaison will": a lead-in, not a role.
  if (DUTY_WORDS.test(l)) return null;
  if (/^https?$/u.test(l)) return null;
  // Other titled roles: a role word ("Line Manager", "CoC Liaison") or a short capitalised title.
  const words = clean.split(" ");
  const titled = words.length <= 4 && words.every((w) => /^[\p{Lu}\p{N}]/u.test(w) || SMALL_WORDS.has(w));
  if (!looksLikeRole(clean) && !titled) return null;
  const title = normaliseRoleTitle(label);
  if (title === "") return null;
  return { slot: "other", title };
}

/** True when a label after "Name, ..." reads as a role rather than another name. */
export function looksLikeRole(text: string): boolean {
  return ROLE_WORDS.test(text) || /\b(?:lead|coordinator|representative|officer)\b/iu.test(text);
}

/** The result of reading one person from text; `roleText` holds a role given in parentheses ("(Chair)"). */
export type PersonParse =
  | { kind: "person"; person: Person; roleText: string | null }
  | { kind: "placeholder" }
  | { kind: "invalid"; reason: string };

const HANDLE_TOKEN = /^@?([\p{L}\p{N}_][\p{L}\p{N}_.-]*)$/u;

function cleanName(text: string): string {
  return text
    .replace(/\p{Extended_Pictographic}|\u{FE0F}|\u{200D}/gu, " ")
    .replace(/^[*_`]+|[*_`]+$/gu, "")
    .replace(/\s+/gu, " ")
    .replace(/^[\s,;.\-–—]+|[\s,;\-–—]+$/gu, "")
    .replace(/(?<!\b\p{Lu})\.+$/u, "")
    .trim();
}

/** Reads a handle out of a parenthetical ("nanorepublica", "@user", "forum: tom, discord: wynne"). */
function handleFromParenthetical(inner: string): string | null | "qualifier" | "role" {
  const t = inner.trim();
  if (t === "" || QUALIFIER.test(t)) return "qualifier";
  if (looksLikeRole(t)) return "role";
  const parts = splitTopLevel(t, /[,;]\s*|\s+\/\s+/uy);
  for (const part of parts) {
    const kv = /^[\p{L} ]{1,30}:\s*(.+)$/u.exec(part);
    const value = (kv?.[1] ?? part).trim();
    const m = HANDLE_TOKEN.exec(value);
    if (m?.[1] && !QUALIFIER.test(value) && !looksLikeRole(value) && !isPlaceholder(m[1])) return m[1];
  }
  return isPlaceholder(t) ? "qualifier" : null;
}

/**
 * Reads one person from text such as "Andrew Miller (nanorepublica)"; placeholders are not people.
 * A name written tentatively ("Jane Doe?", "Jane Doe (tentative)") is a person marked `tentative`.
 */
export function parsePerson(raw: string): PersonParse {
  const uncommented = raw.replace(/<!--[\s\S]*?-->/gu, " ").trim();
  if (uncommented.length > 200) return { kind: "invalid", reason: "too long for a name" };
  const marked = readTentative(uncommented);
  let text = marked.text;
  let tentative = marked.tentative;
  if (isPlaceholder(text)) return { kind: "placeholder" };
  let roleText: string | null = null;
  // E-mail addresses and links beside a name are contact details, not part of it.
  text = text
    .replace(/<?[\w.+-]+@[\w-]+(?:\.[\w-]+)+>?/gu, " ")
    .replace(/<?https?:\/\/\S+?>?(?=[\s),]|$)/gu, " ")
    .replace(/\(\s*\)/gu, " ")
    .trim();
  if (isPlaceholder(text)) return { kind: "placeholder" };
  // "DSF President (currently Thibaud Colas)" names the current holder.
  const current = /\((?:currently|now|at present|presently)[:\s]+([^()]+)\)/iu.exec(text);
  if (current?.[1]) text = current[1];
  let handle: string | null = null;
  // Parentheticals: handles, or qualifiers to drop.
  text = text.replace(/\(([^()]*)\)/gu, (_m, inner: string) => {
    if (TENTATIVE_WORD.test(inner.trim())) {
      tentative = true;
      return " ";
    }
    const h = handleFromParenthetical(inner);
    if (h === "role") roleText ??= inner.trim();
    else if (h && h !== "qualifier" && handle === null) handle = h;
    return " ";
  });
  text = text.replace(/[()[\]]/gu, " ");
  // "Name @user" or "@user" alone.
  const at = /(?:^|\s)@([\p{L}\p{N}_][\p{L}\p{N}_.-]*)\s*$/u.exec(text);
  if (at?.[1]) {
    if (handle === null) handle = at[1].replace(/\.+$/u, "");
    const before = text.slice(0, at.index).trim();
    text = before === "" ? handle : before;
  }
  const name = cleanName(text);
  if (isPlaceholder(name)) return { kind: "placeholder" };
  const reason = nameProblem(name);
  if (reason) return { kind: "invalid", reason };
  const person: Person = tentative ? { name, handle, tentative: true } : { name, handle };
  return { kind: "person", person, roleText };
}

/** Why a string cannot be a person's name, or null when it can. */
export function nameProblem(name: string): string | null {
  if (name === "") return "empty";
  if (/[:;!?<>{}|\\=#]/u.test(name)) return "contains punctuation that names do not";
  if (/https?\/\/|www\.|\.com\b|@/iu.test(name)) return "looks like a link or address";
  if (NOT_A_NAME.test(name)) return "contains a role word";
  if (/\d{3,}/u.test(name)) return "contains a number";
  const words = name.split(" ");
  if (words.length > 6) return "too many words for a name";
  if (/[,]/u.test(name)) return "contains a comma";
  if (/\s(?:and|&|or)\s/iu.test(name)) return "names more than one person";
  const lower = words.filter((w) => /^\p{Ll}/u.test(w) && !NAME_PARTICLE.test(w));
  if (words.length > 1 && lower.length >= 2) return "reads as a sentence, not a name";
  if (/\.$/u.test(name) && !/\b\p{Lu}\.$/u.test(name)) return "reads as a sentence, not a name";
  return null;
}

/** Words naming an organisation ("Acme Inc", "University of X", "Company X", "DSF"). */
const ORGANISATION =
  /\b(?:inc|ltd|llc|llp|gmbh|plc|pty|sarl|s\.?a|b\.?v|a\.?g|foundation|universit(?:y|ies|ät|é|à|ad)|college|institute|school|academy|company|corp|corporation|labs?|agency|studio|consult(?:ing|ancy|ants?)|software|technologies|tech|systems|solutions|group|ventures|partners|dsf|psf)\b\.?/iu;

/** Job titles and positions written after a name ("Jane Doe, CTO", "Bo Li, maintainer"). */
const POSITION =
  /\b(?:ceo|cto|cfo|coo|vp|founder|co-?founder|director|head|engineer|developer|maintainer|fellow|member|employee|staff|contractor|consultant|researcher|professor|lecturer|student|volunteer|independent|freelance(?:r)?|organi[sz]er|editor|writer|designer|admin(?:istrator)?|moderator|owner)\b/iu;

/** Name suffixes and letters after a name. */
const SUFFIX = /^(?:jr|sr|ii|iii|iv|phd|md|msc|bsc|ma|mba|esq|obe|mbe)\.?$/iu;

/**
 * True when a segment after "Name," qualifies that person rather than naming another: an
 * organisation (Inc, Ltd, LLC, GmbH, Foundation, University, Company, Corp, ...), a role or job
 * title, a name suffix, an acronym, or a single token that is not a name (lower case, digits, "she/her").
 */
export function isQualifierSegment(segment: string): boolean {
  const t = segment.replace(/[*_`]/gu, "").trim();
  if (t === "" || isPlaceholder(t)) return false;
  if (ORGANISATION.test(t) || POSITION.test(t) || looksLikeRole(t)) return true;
  if (SUFFIX.test(t)) return true;
  if (/\s/u.test(t)) return false;
  if (/^\p{Lu}{2,}$/u.test(t)) return true; // an acronym: "IBM", "PSF"
  return !/^\p{Lu}[\p{L}\p{M}'’.-]*$/u.test(t);
}

/** A qualifier worth keeping in parentheses: a role ("(CTO)" is dropped, "(Chair)" is read) or a handle. */
function keepsQualifier(segment: string): boolean {
  return (
    (looksLikeRole(segment) && !ORGANISATION.test(segment)) ||
    /^@[\p{L}\p{N}_][\p{L}\p{N}_.-]*$/u.test(segment)
  );
}

/**
 * Splits a role value into the people it names ("A, B and C"). A segment that qualifies the person
 * before it ("Jane Doe, Company X", "Bo Li, CTO", "Eve Li — Acme Inc") is not another person: a role or job title stays
 * with the person in parentheses ("Bo Li (CTO)", read as a role when it is one); an organisation,
 * suffix or other qualifier is dropped.
 */
export function splitPeople(value: string): string[] {
  const parts = splitTopLevel(value, /\s*(?:[,;]|\s&\s|\sand\s)\s*/iuy);
  const out: string[] = [];
  for (const raw of parts) {
    // "Eve Li — Company X", "Bo Li - CTO": a spaced dash before a qualifier, as after a comma.
    const dash = /^(.+?)\s+[-–—]\s+(.+)$/u.exec(raw);
    const part =
      dash?.[1] && dash[2] && isQualifierSegment(dash[2]) && parsePerson(dash[1]).kind === "person"
        ? keepsQualifier(dash[2])
          ? `${dash[1]} (${dash[2]})`
          : dash[1]
        : raw;
    const prev = out[out.length - 1];
    if (prev !== undefined && isQualifierSegment(part) && parsePerson(prev).kind === "person") {
      if (keepsQualifier(part)) out[out.length - 1] = `${prev} (${part})`;
      continue;
    }
    out.push(part);
  }
  return out;
}

/**
 * Case- and space-insensitive key of a name as written in one charter, used to count each person
 * once there. Deliberately stricter than the registry's `personKey` (which also folds diacritics
 * and drops handles to match people across charters): inside one charter "Çağıl" and "Cagil" are
 * two spellings the parser keeps apart.
 */
export function spellingKey(name: string): string {
  return name.normalize("NFC").toLowerCase().replace(/\s+/gu, " ").trim();
}
