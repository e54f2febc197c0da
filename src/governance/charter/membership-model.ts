/**
 * How membership works, read from the "Future membership" part of a charter: the membership model
 * (direct / board-managed / steering-council-managed / other), the member term and any fixed yearly
 * window, and which sentences say who is eligible, how to join, and how members are removed.
 */
import type { AppointingRole, MembershipModel } from "./types.ts";

/** Splits a paragraph into sentences. */
export function sentences(text: string): string[] {
  return text
    .split(/(?<=[.!?])\s+(?=[\p{Lu}\p{N}[("“])/u)
    .flatMap(chunk)
    .map((s) => s.trim())
    .filter((s) => s !== "");
}

const MAX_SENTENCE = 1000;

/** Cuts run-on text into pieces of at most ~1000 characters, so sentence rules stay linear. */
function chunk(sentence: string): string[] {
  if (sentence.length <= MAX_SENTENCE) return [sentence];
  const out: string[] = [];
  let rest = sentence;
  while (rest.length > MAX_SENTENCE) {
    const cut = rest.lastIndexOf(" ", MAX_SENTENCE);
    const at = cut > 0 ? cut : MAX_SENTENCE;
    out.push(rest.slice(0, at));
    rest = rest.slice(at);
  }
  out.push(rest);
  return out;
}

const STRONG: [MembershipModel, RegExp][] = [
  ["other", /^membership model:\s*other\b/iu],
  ["steering-council-managed", /^(?:membership model:\s*)?steering[- ]council[- ]managed\b/iu],
  ["board-managed", /^(?:membership model:\s*)?board[- ]managed\b/iu],
  ["direct", /^(?:membership model:\s*)?(?:direct(?: membership)?|self[- ]managed)\b/iu],
  ["invitation", /^(?:membership model:\s*)?(?:membership )?by invitation\s*:/iu],
  ["consensus", /^(?:membership model:\s*)?(?:membership )?by consensus\s*:/iu],
  ["appointment", /^(?:membership model:\s*)?(?:membership )?by appointment\s*:/iu],
];

/** Names for the model a group uses: "self-managed", "Board-managed", "direct membership". */
const MODEL_KEYWORD: [MembershipModel, RegExp][] = [
  ["steering-council-managed", /\bsteering[- ]council[- ]managed\b/iu],
  ["board-managed", /\bboard[- ]managed\b/iu],
  ["direct", /\bself[- ]?manag(?:ed|es|ing|ement)\b|\bdirect membership\b/iu],
];

/** Sentences about members leaving or being removed; they say nothing about how members are added. */
export const REMOVAL_RE =
  /\bremov(?:e|ed|es|al|ing)\b|\bexpel|\bdisqualif|\brevok|\bterminat|\bdismiss|\bsuspen(?:d|sion)|\bkick(?:ed|s)? out\b|\bstep(?:s|ped|ping)? down\b|\bleav(?:e|es|ing)\b|\bresign/iu;

/** Titles that merely contain a body's name (Board member, Board President) are blanked out first. */
const NOT_A_BODY =
  /\b(?:dsf |the )?board (?:members?|president|chair|seat)\b|\b(?:steering council|sc) members?\b|\bon ?board(?:ing|ed)?\b/giu;
/** One role of the group that can decide: Chair, Co-Chair (Vice-Chair), a liaison. */
const ROLE_WORD =
  "(?:co-?chairs?|vice[- ]?chairs?|chairs?|board liaisons?|board liasons?|steering council liaisons?|sc liaisons?)";
/** Role holders named as the ones who decide: "the Chair", "Chair/Co-Chair", "the Chair and Board Liaison". */
const ROLE_BODY = new RegExp(
  `\\b(?:the )?${ROLE_WORD}(?:\\s*(?:,|and|\\/|&|or)\\s*(?:the )?${ROLE_WORD})*\\b`,
  "giu",
);
const SC_BODY = /\bsteering[- ]council\b|\bthe sc\b/giu;
const BOARD_BODY = /\b(?:the )?(?:dsf |foundation(?:'s)? )?board(?: of directors)?\b/giu;
const GROUP_BODY =
  /\b(?:we|us|our|its own|their own)\b|\b(?:the |this |our |a |an )?(?:whole |full |entire |rest of the |remaining )?(?:[\p{L}-]+ ){0,4}?(?:group|team|wg|working group|committee|membership)\b|\b(?:existing|current|other|remaining|fellow|sitting|active|all|any|voting) (?:[\p{L}-]+ ){0,2}?members?\b|\b(?:group|team|wg) members?\b|\bmembers of the\b|^(?:the )?members\b/giu;

const ACTION =
  /\b(?:vot(?:e|es|ed|ing)|approv(?:e|es|ed|ing|al)|elect(?:s|ed|ing|ion)?|select(?:s|ed|ing|ion)?|appoint(?:s|ed|ing|ment)?|decid(?:e|es|ed|ing)|decisions?|invit(?:e|es|ed|ing|ation)|induct(?:s|ed|ing|ion)?|screen(?:s|ed|ing)?|manag(?:e|es|ed|ing)|choos(?:e|es|ing)|chose|chosen|admit(?:s|ted|ting)?|accept(?:s|ed|ing)?|vet(?:s|ted|ting)?|consensus|unanimous(?:ly)?|unanimity|majority|ballot)\b|\b50\s*%\s*\+\s*1\b/iu;
/** Verbs that are about membership on their own ("they will be voted in by current members"). */
const MEMBERSHIP_VERB = /\bvoted in\b|\binduct(?:s|ed|ing|ion)?\b|\badmit(?:s|ted|ting)?\b/iu;
/** Voting words: with no body named, a vote on new members is the group's own. */
const VOTING =
  /\bvot(?:e|es|ed|ing)\b|\bmajority\b|\b50\s*%\s*\+\s*1\b|\bballot\b|\belect(?:s|ed|ing|ion)?\b/iu;
/** Everyone else must agree: consensus, unanimity. */
const CONSENSUS = /\bconsensus\b|\bunanimous(?:ly)?\b|\bunanimity\b/iu;
const INVITATION = /\binvit(?:e|es|ed|ing|ation|ations)\b/iu;
/** Verbs of a decision taken by whoever is named ("the Chair appoints", "approved by the team"). */
const CHOOSING =
  /\b(?:approv(?:e|es|ed|ing|al)|select(?:s|ed|ing|ion)?|appoint(?:s|ed|ing|ment)?|choos(?:e|es|ing)|chose|chosen|admit(?:s|ted|ting)?|accept(?:s|ed|ing)?|induct(?:s|ed|ing|ion)?|screen(?:s|ed|ing)?|vet(?:s|ted|ting)?|decid(?:e|es|ed|ing)|decisions?)\b|\bvoted in\b/iu;
/** Deciding when new members are needed is not deciding who joins ("The team decides when new members are needed"). */
const NEED_ONLY = /\bdecid\w*\s+(?:when|whether|if|how many)\b|\bdetermin\w*\b[^.]*\bneed/iu;
const STRONG_OBJECT =
  /\bnew (?:[\p{L}-]+ )?members?\b|\bmembership\b|\bjoin(?:s|ed|ing)?\b|\badd(?:s|ed|ing)? (?:[\p{L}-]+ ){0,2}?(?:members?|people|volunteers|contributors|someone|anyone)\b|\badditions?\b|\bcandidates?\b|\bvolunteers?\b|\bapplicants?\b|\bapplications?\b|\bnominees?\b|\bnominations?\b|\bnewcomers?\b/iu;
const WEAK_OBJECT = /\bmembers?\b|\bcontributors?\b|\bpeople\b|\bindividuals?\b/iu;
/** A capitalised plural after a choosing verb names the members ("selects Mergers", "appoints Releasers"). */
const NAMED_MEMBERS =
  /\b(?:selects?|appoints?|elects?|chooses?|invites?|recruits?)\s+(?:new\s+)?\p{Lu}\p{Ll}+s\b/u;
/** Things a body decides that are not members; they veto a weak object ("the Board approves the budget"). */
const OTHER_OBJECT =
  /\bbudgets?\b|\bspending\b|\bgrants?\b|\bexpenses?\b|\bfunds?\b|\bmoney\b|\bcharter\b|\breports?\b|\bproposals?\b|\bplatforms?\b|\bpermissions?\b|\baccess\b|\b(?:co-?)?chairs?\b|\bliaisons?\b|\bevents?\b|\bpolic(?:y|ies)\b/iu;
const NEGATION = /\b(?:not|never|no|without|neither|nor|cannot)\b|n't\b/iu;
/** Who acts: "by the Board", "from the members", "a vote of current members", "approval of the board". */
const AGENT =
  /(?:\b(?:by|from|among|with)|\b(?:vote|votes|approval|consent|consensus|decision|majority|agreement|invitation)\s+of)\s+(?:a |an |the )?(?:[\p{L}%+\d-]+\s+){0,4}?$/iu;
const BODY_DECISION =
  /^(?:'s|’s)?\s+(?:approval|vote|votes|consent|consensus|decision|sign-off|agreement)\b/iu;

/** Who decides in a clause about membership: a body, or the holders of named group roles. */
export type ClauseBody = "board" | "steering-council" | "group" | "role";

/** How a clause says new members are admitted. */
export interface ClauseAdmission {
  body: ClauseBody;
  /** The roles named when `body` is "role" ("the Chair and Co-Chair" -> chair, co-chair). */
  roles: AppointingRole[];
  /** vote (50%+1 and the like), consensus, invitation, or a decision in another word (approve, select, ...). */
  how: "vote" | "consensus" | "invitation" | "decision";
}

interface Mention {
  body: ClauseBody;
  index: number;
  end: number;
  text: string;
}

function mentions(clause: string): Mention[] {
  const text = clause.replace(NOT_A_BODY, (m) => " ".repeat(m.length));
  const out: Mention[] = [];
  const taken: [number, number][] = [];
  const add = (body: ClauseBody, re: RegExp) => {
    for (const m of text.matchAll(re)) {
      const index = m.index ?? 0;
      const end = index + m[0].length;
      if (taken.some(([a, b]) => index < b && end > a)) continue;
      taken.push([index, end]);
      out.push({ body, index, end, text: m[0] });
    }
  };
  // Roles first: "Board Liaison" is a role, not the Board.
  add("role", ROLE_BODY);
  add("steering-council", SC_BODY);
  add("board", BOARD_BODY);
  add("group", GROUP_BODY);
  return out.sort((a, b) => a.index - b.index);
}

/** The group roles a role mention names, in a fixed order. */
function rolesOf(mention: string): AppointingRole[] {
  const t = mention.toLowerCase();
  const roles: AppointingRole[] = [];
  if (/\b(?:board liaisons?|board liasons?)\b/u.test(t)) roles.push("board-liaison");
  if (/\b(?:steering council|sc) liaisons?\b/u.test(t)) roles.push("steering-council-liaison");
  const rest = t.replace(/\b(?:board|steering council|sc) lia(?:i)?sons?\b/gu, " ");
  const coChair = /\b(?:co-?|vice[- ]?)chairs?\b/gu;
  const chair = /\bchairs?\b/u.test(rest.replace(coChair, " "));
  if (coChair.test(rest)) roles.unshift("co-chair");
  if (chair) roles.unshift("chair");
  return roles;
}

/**
 * Who decides on new members in one clause, and how: the body after "by" / "a vote of" ("voted in
 * by the Board", "a vote of current members"), else a body with its approval ("subject to Board
 * approval"), else the first body named (the subject: "The Steering Council selects ..."), else the
 * group when the clause speaks of a vote, consensus or invitation. Role holders ("the Chair")
 * decide only when the clause gives them a choosing verb; "manage" alone is administration. Null
 * when the clause is not about adding members: no deciding action, nothing about members as its
 * object, a negation, a removal, or only when new members are needed.
 */
export function admissionInClause(clause: string, question = ""): ClauseAdmission | null {
  const c = clause.trim();
  if (c === "" || REMOVAL_RE.test(c) || NEGATION.test(c) || NEED_ONLY.test(c)) return null;
  // An answer takes its action and object from the question it answers ("How are members added? The team votes.").
  const q = question.trim();
  const action = ACTION.exec(c);
  const membershipVerb = MEMBERSHIP_VERB.test(c);
  if (!action && !membershipVerb && !(q && ACTION.test(q))) return null;
  const strongObject = STRONG_OBJECT.test(c) || NAMED_MEMBERS.test(c) || (q !== "" && STRONG_OBJECT.test(q));
  const weakObject =
    (WEAK_OBJECT.test(c) && !OTHER_OBJECT.test(c)) ||
    (q !== "" && WEAK_OBJECT.test(q) && !OTHER_OBJECT.test(q));
  if (!strongObject && !weakObject) return null;
  const both = `${q} ${c}`;
  const how: ClauseAdmission["how"] = VOTING.test(both)
    ? "vote"
    : CONSENSUS.test(both)
      ? "consensus"
      : INVITATION.test(both)
        ? "invitation"
        : "decision";
  const found = mentions(c);
  const actionAt = action?.index ?? 0;
  const agent = found.find(
    (m) => m.index > actionAt && AGENT.test(c.slice(Math.max(0, m.index - 40), m.index)),
  );
  const approval = found.find((m) => BODY_DECISION.test(c.slice(m.end)));
  const chosen = agent ?? approval ?? found[0];
  if (chosen?.body === "board" || chosen?.body === "steering-council") {
    return { body: chosen.body, roles: [], how };
  }
  // A vote with role holders named is still the group's vote ("the Chair invites after a team vote").
  if (chosen?.body === "role" && how !== "vote") {
    if (!CHOOSING.test(c) && !INVITATION.test(c)) return null;
    return { body: "role", roles: rolesOf(chosen.text), how };
  }
  if (chosen) return { body: "group", roles: [], how };
  return how === "decision" ? null : { body: "group", roles: [], how };
}

/** Who decides on new members in one clause (see `admissionInClause`), or null. */
export function bodyNamedInClause(clause: string, question = ""): ClauseBody | null {
  return admissionInClause(clause, question)?.body ?? null;
}

/** Splits a sentence into clauses at semicolons and at "but", "while", "whereas", "however". */
export function clauses(sentence: string): string[] {
  return sentence
    .split(/\s*;\s*|,?\s+(?:but|while|whereas|however)\s+/iu)
    .map((s) => s.trim())
    .filter((s) => s !== "");
}

/** The membership model an admission implies. */
export function modelOfAdmission(a: ClauseAdmission): MembershipModel {
  if (a.body === "board") return "board-managed";
  if (a.body === "steering-council") return "steering-council-managed";
  if (a.body === "role") return "appointment";
  if (a.how === "consensus") return "consensus";
  if (a.how === "invitation") return "invitation";
  return "direct";
}

/** The membership model a sentence states with a leading label ("Direct membership:", "Board-managed:"). */
export function strongModelOf(sentence: string): MembershipModel | null {
  for (const [model, re] of STRONG) if (re.test(sentence)) return model;
  return null;
}

/** A model with the roles that appoint (non-empty only for `appointment`). */
export interface ModelReading {
  model: MembershipModel;
  appointedBy: AppointingRole[];
}

/**
 * The membership model a sentence implies: a model named in a clause ("Membership is self-managed"),
 * else how its first clause about adding members says they are admitted (`admissionInClause`). Removal
 * clauses are kept apart: how members are removed says nothing about how they are added.
 */
export function weakReadingOf(sentence: string, question = ""): ModelReading | null {
  for (const clause of clauses(sentence)) {
    if (REMOVAL_RE.test(clause)) continue;
    const admission = admissionInClause(clause, question);
    // "Self-managed" names the template's direct model, unless the clause says how (by invitation).
    for (const [model, re] of MODEL_KEYWORD) {
      if (!re.test(clause)) continue;
      if (model === "direct" && admission && admission.body === "group" && admission.how !== "decision") {
        return { model: modelOfAdmission(admission), appointedBy: [] };
      }
      return { model, appointedBy: [] };
    }
    if (admission) return { model: modelOfAdmission(admission), appointedBy: admission.roles };
  }
  return null;
}

/** The membership model a sentence implies (see `weakReadingOf`), or null. */
export function weakModelOf(sentence: string, question = ""): MembershipModel | null {
  return weakReadingOf(sentence, question)?.model ?? null;
}

/**
 * Picks the model: the first labelled statement wins, else the first implied one, in document order.
 * A sentence right after a question is read as its answer. An appointment names who appoints; a
 * labelled "By appointment:" sentence takes them from its own clauses.
 */
export function membershipReadingOf(texts: string[]): ModelReading | null {
  const all = texts.flatMap(sentences);
  for (const s of all) {
    const model = strongModelOf(s);
    if (!model) continue;
    if (model !== "appointment") return { model, appointedBy: [] };
    const rest = s.replace(/^[^:]*:\s*/u, "");
    const roles = weakReadingOf(rest)?.appointedBy ?? [];
    return { model, appointedBy: roles };
  }
  for (const [i, s] of all.entries()) {
    const before = all[i - 1] ?? "";
    const reading = weakReadingOf(s, before.endsWith("?") ? before : "");
    if (reading) return reading;
  }
  return null;
}

/** The membership model of a charter's policy texts (see `membershipReadingOf`), or null. */
export function membershipModelOf(texts: string[]): MembershipModel | null {
  return membershipReadingOf(texts)?.model ?? null;
}

const ROLE_NAMES: Record<AppointingRole, string> = {
  chair: "Chair",
  "co-chair": "Co-Chair",
  "board-liaison": "Board Liaison",
  "steering-council-liaison": "Steering Council Liaison",
};

/** "the Chair", "the Chair and the Co-Chair", "the Chair, the Co-Chair and the Board Liaison". */
export function rolesPhrase(roles: readonly AppointingRole[]): string {
  const names = roles.map((r) => `the ${ROLE_NAMES[r]}`);
  if (names.length <= 1) return names[0] ?? "the Chair";
  return `${names.slice(0, -1).join(", ")} and ${names[names.length - 1]}`;
}

/** Sentence written at the top of "Future membership" on export so the model reads back the same. */
export function modelSentence(model: MembershipModel, appointedBy: readonly AppointingRole[] = []): string {
  switch (model) {
    case "direct":
      return "Direct membership: the group votes to approve new members and elects its own Chair and Co-Chair.";
    case "board-managed":
      return "Board-managed: new members must be voted in by the Board, which also approves the Chair and Co-Chair.";
    case "steering-council-managed":
      return "Steering Council-managed: new members must be voted in by the Steering Council, which also approves the Chair and Co-Chair.";
    case "invitation":
      return "By invitation: any existing member may invite a new member to join; no vote is held.";
    case "consensus":
      return "By consensus: new members are admitted when every other member approves; one objection is enough to refuse.";
    case "appointment":
      return `By appointment: new members are appointed by ${rolesPhrase(appointedBy.length ? appointedBy : ["chair"])}.`;
    case "other":
      return "Membership model: other.";
  }
}

const NUMBER_WORDS: Record<string, number> = {
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  eighteen: 18,
  "twenty-four": 24,
  a: 1,
  an: 1,
};

function amount(word: string): number | null {
  const w = word.toLowerCase();
  if (/^\d{1,3}$/u.test(w)) return Number(w);
  return NUMBER_WORDS[w] ?? null;
}

const NUM =
  "(\\d{1,3}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|eighteen|twenty-four|a|an)";
const TERM_LENGTH = new RegExp(`\\b${NUM}[- ](month|year)s?[- ]?(?:long )?terms?\\b`, "iu");
const TERM_OF = new RegExp(`\\bterms? of ${NUM} (months?|years?)\\b`, "iu");
const SERVE_FOR = new RegExp(
  `\\b(?:serve|join|appointed|elected)\\b[^.]*?\\bfor ${NUM} (months?|years?)\\b`,
  "iu",
);
/** "Terms last 12 months", "The term of membership is 2 years", "Membership is renewed every six months". */
const TERM_IS = new RegExp(
  `\\b(?:terms?|membership)\\b[^.]{0,40}?\\b(?:lasts?|is|are|runs?|expires?(?: after)?|(?:is |are )?renewed every|renews? every)\\s+(?:for\\s+)?${NUM}[- ](months?|years?)\\b`,
  "iu",
);
const ANNUAL_TERM = /\b(?:annual|yearly) terms?\b/iu;
const YEARLY =
  /\b(?:on an annual basis|annually|each year|every year|once a year|yearly)\b[^.]*\b(?:reaffirm|renew|opt|confirm|remain|stay|re-?apply)|\b(?:reaffirm|renew|opt|confirm|remain|stay|re-?apply)\w*\b[^.]*\b(?:on an annual basis|annually|each year|every year|once a year|yearly)\b/iu;

/** True when the sentence is about the group's own lifetime ("a one-off research project of four months"). */
function isGroupLifetime(sentence: string): boolean {
  return /\b(?:project|group|working group|wg|team|initiative|effort|programme|program)(?:'s)? (?:is|will|runs?|lasts?)\b|\bone-off\b|\btime-?boxed\b|\bat the conclusion of its\b|\bits (?:\w+[- ])?(?:month|year) term\b/iu.test(
    sentence,
  );
}

/** The member term in months a sentence states, or null. */
export function termMonthsOf(sentence: string): number | null {
  if (isGroupLifetime(sentence)) return null;
  for (const re of [TERM_LENGTH, TERM_OF, SERVE_FOR, TERM_IS]) {
    const m = re.exec(sentence);
    if (m?.[1] && m[2]) {
      const n = amount(m[1]);
      if (n && n > 0 && n <= 120) return m[2].toLowerCase().startsWith("year") ? n * 12 : n;
    }
  }
  if (YEARLY.test(sentence) || ANNUAL_TERM.test(sentence)) return 12;
  return null;
}

const MONTHS = [
  "january",
  "february",
  "march",
  "april",
  "may",
  "june",
  "july",
  "august",
  "september",
  "october",
  "november",
  "december",
];
const MONTH =
  "(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)";
const DAY = "(\\d{1,2})(?:st|nd|rd|th)?";
const RANGE_MD = new RegExp(
  `\\b${MONTH}\\.? ${DAY},?\\s*(?:to|-|–|—|until|through|thru)\\s*${MONTH}\\.? ${DAY}\\b`,
  "iu",
);
const RANGE_DM = new RegExp(
  `\\b${DAY} ${MONTH}\\.?,?\\s*(?:to|-|–|—|until|through|thru)\\s*${DAY} ${MONTH}\\b`,
  "iu",
);

function monthIndex(name: string): number {
  const n = name.toLowerCase().slice(0, 3);
  return MONTHS.findIndex((m) => m.startsWith(n));
}

function mmdd(month: string, day: string): string | null {
  const mi = monthIndex(month);
  const d = Number(day);
  if (mi < 0 || d < 1 || d > 31) return null;
  return `${String(mi + 1).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}

/** A fixed yearly window a sentence states ("April 1st to March 31st" -> 04-01..03-31), or null. */
export function termWindowOf(sentence: string): { start: string; end: string } | null {
  const a = RANGE_MD.exec(sentence);
  if (a?.[1] && a[2] && a[3] && a[4]) {
    const start = mmdd(a[1], a[2]);
    const end = mmdd(a[3], a[4]);
    if (start && end) return { start, end };
  }
  const b = RANGE_DM.exec(sentence);
  if (b?.[1] && b[2] && b[3] && b[4]) {
    const start = mmdd(b[2], b[1]);
    const end = mmdd(b[4], b[3]);
    if (start && end) return { start, end };
  }
  return null;
}

/** Sentence written on export for a term and window. */
export function termSentence(
  months: number | null,
  window: { start: string; end: string } | null,
): string | null {
  const parts: string[] = [];
  if (months !== null) parts.push(`Members serve a ${months}-month term.`);
  if (window) parts.push(`Terms run from ${windowDate(window.start)} to ${windowDate(window.end)}.`);
  return parts.length ? parts.join(" ") : null;
}

/** "04-01" as "1 April"; the text itself when it is not a valid month-day. */
export function dayMonthText(mmddText: string): string {
  const m = /^(\d{2})-(\d{2})$/u.exec(mmddText);
  const name = m ? MONTHS[Number(m[1]) - 1] : undefined;
  if (!m || !name) return mmddText;
  return `${Number(m[2])} ${name.charAt(0).toUpperCase()}${name.slice(1)}`;
}

/** A yearly term window in words: "1 April to 31 March each year". */
export function termWindowText(window: { start: string; end: string }): string {
  return `${dayMonthText(window.start)} to ${dayMonthText(window.end)} each year`;
}

function windowDate(mmddText: string): string {
  const [m, d] = mmddText.split("-");
  const name = MONTHS[Number(m) - 1] ?? "january";
  return `${name.charAt(0).toUpperCase()}${name.slice(1)} ${Number(d)}`;
}

/** What a sentence in the membership policy is about. */
export type PolicyTopic = "terms" | "model" | "removal" | "eligibility" | "howToJoin" | null;

/** Classifies one sentence of membership policy; null when it is about none of the fields. */
export function policyTopicOf(sentence: string): PolicyTopic {
  if (termMonthsOf(sentence) !== null || termWindowOf(sentence) !== null) return "terms";
  if (
    /\bopt (?:in|into|to)\b.*\b(?:stay|remain|staying)|\bat the end of (?:this|their|the) term\b/iu.test(
      sentence,
    )
  )
    return "terms";
  if (strongModelOf(sentence)) return "model";
  if (
    /\bself[- ]managed\b|\bdirect membership\b|\bboard[- ]managed\b|\bsteering council[- ]managed\b/iu.test(
      sentence,
    )
  )
    return "model";
  if (
    /\bremov(?:e|ed|es|al|ing)\b|\bexpel|\bdisqualif|\brevok|\bdismiss|\bsuspen(?:d|sion)|\bstep(?:s|ped|ping)? down\b|\bkick(?:ed|s)? out\b/iu.test(
      sentence,
    )
  )
    return "removal";
  if (
    /\beligib|\bopen to\b|\banyone can join\b|\banyone (?:who|with|that)\b|\b(?:all|any) (?:[\p{L}-]+ ){0,3}(?:members?|contributors?|volunteers?|individuals?|people) (?:(?:can|may) (?:join|apply|become)|are welcome)\b|\bto be considered\b|\bqualification|\bpriority will be given\b|\bwelcome (?:everyone|all|anyone)\b|\brequirements?\b|\bexperience (?:with|in)\b/iu.test(
      sentence,
    )
  )
    return "eligibility";
  if (
    /\bto join\b|\bjoin by\b|\binterested\b|\bpost (?:in|on|to) the\b|\bemailing\b|\bnominat(?:e|es|ing|ion) (?:yourself|themselves)\b|\badvertis|\bchosen from\b|\bexpress(?:ing)? (?:your |their )?interest\b|\bself-nominat|\bsign up\b|\bapply\b|\bapplication\b|\bform\b|\bcontact\b|\bvolunteer to\b|\bemail\b|\breach out\b|\bsend (?:one of|a message)\b|\bopening a (?:pr|pull request)\b|\bcall for volunteers\b|\binvite\b/iu.test(
      sentence,
    )
  )
    return "howToJoin";
  // "New members must be voted in by the Board" is the model, not a requirement on candidates.
  if (weakModelOf(sentence)) return "model";
  if (
    /\b(?:members?|they|you|candidates?|applicants?|volunteers?|person|people|individuals?) (?:must|should|need to|are expected to) (?:be|have)\b/iu.test(
      sentence,
    )
  )
    return "eligibility";
  return null;
}
