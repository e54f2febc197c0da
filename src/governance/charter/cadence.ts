/**
 * Cadence words to `Cadence` values: "Fortnightly" -> fortnightly, "once per month" -> monthly,
 * "every quarter" / "at least quarterly" -> quarterly, "does not produce reports" -> none,
 * "as-needed reporting structure" -> as-needed. Text that states no recognisable cadence is `other`.
 */
import type { Cadence } from "./types.ts";

const PATTERNS: [Cadence, RegExp][] = [
  ["every-two-months", /\bevery (?:two|2|other) months?\b|\bbi-?monthly\b|\bevery second month\b/iu],
  [
    "twice-yearly",
    /\btwice (?:a|per|each) year\b|\btwice[- ]yearly\b|\bsemi-?annual(?:ly)?\b|\bbi-?annual(?:ly)?\b|\bevery (?:six|6) months\b|\bhalf-?yearly\b/iu,
  ],
  ["fortnightly", /\bfortnight(?:ly)?\b|\bevery (?:two|2|other) weeks?\b|\bbi-?weekly\b/iu],
  ["weekly", /\bweekly\b|\bevery week\b|\bonce (?:a|per|each) week\b|\beach week\b/iu],
  ["quarterly", /\bquarterly\b|\b(?:every|each|per|a|once a) quarter\b|\bevery (?:three|3) months\b/iu],
  ["monthly", /\bmonthly\b|\b(?:every|each|per) month\b|\bonce (?:a|per|each) month\b|\ba month\b/iu],
  ["annual", /\bannual(?:ly)?\b|\byearly\b|\b(?:every|each|per) year\b|\bonce (?:a|per|each) year\b/iu],
  [
    "as-needed",
    /\bas[- ]needed\b|\bas necessary\b|\bwhen(?:ever)? needed\b|\bif needed\b|\bad[- ]hoc\b|\bas (?:they are |it is )?relevant\b|\bas appropriate\b|\bas required\b/iu,
  ],
];

/** The cadence a sentence states, or null when it states none. */
export function cadenceOf(text: string): Cadence | null {
  for (const [cadence, re] of PATTERNS) if (re.test(text)) return cadence;
  return null;
}

const NO_REPORTS =
  /\b(?:does|do|will) not (?:produce|submit|publish|send|write|provide|make) (?:any )?(?:regular )?reports?\b|\bno (?:regular |formal )?reports?\b|\bnot (?:currently )?(?:produce|submit) reports\b/iu;
const NO_MEETINGS =
  /\b(?:does|do|will) not (?:hold )?(?:regular )?meet(?:ings?)?\b|\bno (?:regular |scheduled )?meetings\b/iu;

/** The reporting cadence a sentence states: "none" for "does not produce reports", else as `cadenceOf`. */
export function reportingCadenceOf(text: string): Cadence | null {
  return cadenceOf(text) ?? (NO_REPORTS.test(text) ? "none" : null);
}

/** The meeting cadence a meeting line states: "none" for "no regular meetings", else as `cadenceOf`. */
export function meetingCadenceOf(text: string): Cadence | null {
  if (NO_MEETINGS.test(text)) return "none";
  return cadenceOf(text);
}

const MEETING =
  /\bmeet(?:s|ing|ings)?\b|\bvideo[- ]?(?:call|conferenc\w*)\b|\bvoice call\b|\boffice hours\b|\bone-on-ones?\b/iu;

/** True when a comms line is about meetings rather than a channel ("The team meets online once per month"). */
export function isMeetingLine(text: string): boolean {
  if (/\bmeeting notes\b|\bmeet(?:ing)? (?:the|our) (?:needs|goals)\b/iu.test(text)) return false;
  return MEETING.test(text);
}

/** True when a reporting sentence says reports are the group's (public) meeting notes. */
export function isMeetingNotesReport(text: string): boolean {
  return /\bmeeting notes\b|\bminutes\b/iu.test(text);
}

/** Canonical sentence for a meeting cadence, used when writing a charter back out. */
export function meetingSentence(cadence: Cadence): string {
  switch (cadence) {
    case "weekly":
      return "Meetings: the group meets weekly.";
    case "fortnightly":
      return "Meetings: the group meets fortnightly.";
    case "monthly":
      return "Meetings: the group meets monthly.";
    case "every-two-months":
      return "Meetings: the group meets every two months.";
    case "quarterly":
      return "Meetings: the group meets quarterly.";
    case "twice-yearly":
      return "Meetings: the group meets twice a year.";
    case "annual":
      return "Meetings: the group meets once a year.";
    case "as-needed":
      return "Meetings: the group meets as needed.";
    case "none":
      return "Meetings: the group holds no regular meetings.";
    case "other":
      return "Meetings: the group meets on a schedule it sets itself.";
  }
}

/** Canonical sentence for a reporting cadence, used when writing a charter back out. */
export function reportingSentence(cadence: Cadence): string {
  switch (cadence) {
    case "weekly":
      return "The group reports weekly.";
    case "fortnightly":
      return "The group reports fortnightly.";
    case "monthly":
      return "The group reports monthly.";
    case "every-two-months":
      return "The group reports every two months.";
    case "quarterly":
      return "The group reports quarterly.";
    case "twice-yearly":
      return "The group reports twice a year.";
    case "annual":
      return "The group reports once a year.";
    case "as-needed":
      return "The group reports as needed.";
    case "none":
      return "The group does not produce reports.";
    case "other":
      return "The group reports in a form it describes itself.";
  }
}
