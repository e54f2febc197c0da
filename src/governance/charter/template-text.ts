/**
 * Recognises the prompts of template.md and team-template.md ("Who is eligible to join? ...",
 * "How much money or spending discretion do you need?", "Suggestion: we'll email a written report to
 * the board [monthly/every two months/every quarter]"), which are not content when left in a charter.
 */

const PROMPTS: RegExp[] = [
  /^_?this is a template charter\b/iu,
  /^write a paragraph or a few bullet points describing\b/iu,
  /^please link any relevant documentation\.?$/iu,
  /^what powers are you asking the (?:board|steering council) to delegate to you\b/iu,
  /^what actions are you proposing the (?:team\/wg|wg|team|group) be allowed to take directly\??$/iu,
  /^which actions will the (?:team\/wg|wg|team|group) take back to the (?:board|steering council)\b[^.]*\?$/iu,
  /^answer the following questions here:?$/iu,
  /^who is eligible to join\? any volunteer, or are there specific requirements\??$/iu,
  /^how do people who want to join sign up \/ volunteer \/ express interest\??$/iu,
  /^how will decisions on adding\/removing members be handled\??$/iu,
  /^for the last question, we suggest picking one of the following:?$/iu,
  /\(this is the appropriate model for\b/iu,
  /^how much money or spending discretion do you need\??$/iu,
  /^how do you want that money allocated\b/iu,
  /^where will discussions and activities take place\??$/iu,
  /^suggestions?:?$/iu,
  /^a mailing list that we'll create,/iu,
  /^meetings: we also suggest synchronous meetings\b/iu,
  /^how and how often will the (?:team\/wg|wg|team|group) report back\b/iu,
  /^suggestion: we'll (?:email|post) a (?:written )?report\b.*\[monthly\/every two months\/every quarter\]/iu,
];

/** True when the text is a template prompt rather than the group's own words. */
export function isTemplateText(text: string): boolean {
  const t = text.trim();
  return PROMPTS.some((re) => re.test(t));
}

/** True when the text says nothing yet: TBD, TBC, todo, TKTK, N/A, "?" (optionally with a trailing full stop). */
export function isPlaceholderText(text: string | null): boolean {
  if (text === null) return true;
  const t = text
    .replace(/^[-*\s]+/u, "")
    .replace(/[.!\s]+$/u, "")
    .trim();
  return (
    t === "" ||
    /^(?:tbc|tbd|tba|todo|to do|tktk|n\/a|\?+|none yet|to be (?:confirmed|decided|determined))$/iu.test(t)
  );
}
