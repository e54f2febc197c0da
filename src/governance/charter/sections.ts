/**
 * Splits a charter into sections by heading and names each section with a stable key, whatever
 * wording the charter uses ("Membership", "Initial membership", "Current members", "Comms",
 * "Communication channels", "Responsibilities", template questions as headings, ...).
 */
import type { Heading, Root, RootContent } from "mdast";
import { collapseSpace, displayText } from "./markdown.ts";

/** Stable names of the sections a charter can have. */
export type SectionKey =
  | "scope"
  | "membership"
  | "future"
  | "alumni"
  | "eligibility"
  | "howToJoin"
  | "terms"
  | "decisions"
  | "removal"
  | "budget"
  | "comms"
  | "reporting"
  | "delegated"
  | "boardActions"
  | "roleDefinitions"
  | "other";

/** One heading and the blocks under it up to the next heading (subsections are separate entries). */
export interface Section {
  heading: Heading | null;
  title: string;
  depth: number;
  /** The key from this heading's own wording, or null when the wording is not recognised. */
  ownKey: SectionKey | null;
  /** The key that applies: the own key, or the nearest enclosing section's key. */
  key: SectionKey;
  /** Key of the top-level section this sits in. */
  topKey: SectionKey;
  nodes: RootContent[];
}

/** Normalises heading text: lower case, no markup, trailing colon and question text trimmed. */
export function normaliseHeading(text: string): string {
  return collapseSpace(text.replace(/\([^()]*\)/gu, " "))
    .toLowerCase()
    .replace(/^(?:\d+[.)]?|[ivx]+[.)])\s+/u, "")
    .replace(/[:*_.]+$/u, "")
    .trim();
}

const MEMBERS_HEADING =
  /^(?:the )?(?:initial |current |founding |present )?(?:team |group |wg |working group )?(?:membership|members|people|roster|team)(?: list)?$/u;

/** Names a heading by its wording; null when it is not one of the known sections. */
export function classifyHeading(raw: string): SectionKey | null {
  const h = normaliseHeading(raw);
  if (h === "") return null;
  if (/\b(?:alumni|emerit|past members|former members|previous members)\b/u.test(h)) return "alumni";
  if (
    /\bfuture membership\b|\bmembership (?:process|policy|changes)\b|\bjoining policy\b|^new members$/u.test(
      h,
    )
  )
    return "future";
  if (MEMBERS_HEADING.test(h)) return "membership";
  if (
    /\b(?:take|bring) back to the\b|\bfor votes?\b|\bboard approval\b|\bactions? (?:for|requiring) (?:the )?board/u.test(
      h,
    )
  )
    return "boardActions";
  if (/\bdelegat|\btake directly\b|\ballowed to take\b|\bpowers\b/u.test(h)) return "delegated";
  if (
    /\badding (?:new )?members?\b|\badd(?:ing)?\s*(?:\/|and|or|&)\s*remov|\bdecisions? on\b|\bdecision[- ]making\b|\bmembership decisions\b|\bselect(?:ed|ion)\b|\bappoint|\belect(?:ed|ion)s?\b|\bvoting\b/u.test(
      h,
    )
  )
    return "decisions";
  if (/\bremov(?:al|ing)\b/u.test(h)) return "removal";
  if (/\beligib|\bqualification|\bwho can join\b|\brequirements\b/u.test(h)) return "eligibility";
  if (
    /\bhow to join\b|\bexpress(?:ing)? interest\b|\bsign up\b|\bjoining\b|\bapply\b|\bapplication|\bbecom(?:e|ing) a member\b|\bget(?:ting)? involved\b|\brecruit|\bnominat|\bonboarding\b/u.test(
      h,
    )
  )
    return "howToJoin";
  if (/\bterms?\b|\bmembership conditions\b/u.test(h)) return "terms";
  if (/\bbudget\b|\bfunding\b|\bfinances?\b/u.test(h)) return "budget";
  if (/\bcomms\b|\bcommunicat|\bchannels?\b|\bwhere will discussions\b|\bmeetings?\b/u.test(h))
    return "comms";
  if (/\breport/u.test(h)) return "reporting";
  if (/\bscope\b|\bresponsibilit|\bpurpose\b|\bremit\b|\bduties\b|\bmission\b/u.test(h)) return "scope";
  // Looser wordings last: "Membership and roles", "Roles and members".
  if (/\bmembers(?:hip)?\b|\broles\b/u.test(h)) return "membership";
  return null;
}

/**
 * Under a membership heading, subsections that define roles or list duties ("Role definitions",
 * "Responsibilities of the Chair", "Chair duties", "What the Co-Chair does", "Roles within the WG"):
 * their lists describe work, not people.
 */
const ROLE_DEFINITIONS =
  /\brole definitions?\b|\bdefinitions? of (?:the )?roles\b|\broles? (?:and|&) responsibilit|\bresponsibilit(?:y|ies)\b|\bduties\b|\bexpectations\b|\btasks\b|\bwhat (?:the |a |an |each )?[\p{L} /-]{1,40}? do(?:es)?\b|\broles? (?:in|within|of)\b|\broles? descriptions?\b|\bjob descriptions?\b/u;

/** Keys that sit under "future membership" when they appear as subsections anywhere. */
const MEMBERSHIP_SUBKEYS = new Set<SectionKey>([
  "alumni",
  "eligibility",
  "howToJoin",
  "terms",
  "decisions",
  "removal",
]);

/** The title (first level-1 heading) and the sections of a charter, in document order. */
export interface CharterOutline {
  title: Heading | null;
  /** Blocks before the first section heading (after the title). */
  preamble: RootContent[];
  sections: Section[];
}

/** Builds the outline: every heading other than the title starts a section. */
export function outlineCharter(root: Root): CharterOutline {
  // The title is the first level-1 heading; without one, a first heading that names no section.
  const first = root.children.find((n) => n.type !== "html");
  const title =
    root.children.find((n): n is Heading => n.type === "heading" && n.depth === 1) ??
    (first?.type === "heading" && classifyHeading(displayText(first)) === null ? first : null);
  const preamble: RootContent[] = [];
  const sections: Section[] = [];
  const stack: Section[] = [];
  for (const node of root.children) {
    if (node === title) continue;
    if (node.type === "heading") {
      while (stack.length && (stack[stack.length - 1]?.depth ?? 0) >= node.depth) stack.pop();
      const parent = stack[stack.length - 1];
      const title = displayText(node);
      let ownKey = classifyHeading(title);
      // Inside scope, only delegation subsections are special; inside reporting or comms, nothing is.
      if (parent && ownKey) {
        const pk = parent.key;
        if (pk === "scope" && ownKey !== "delegated" && ownKey !== "boardActions") ownKey = null;
        else if ((pk === "reporting" || pk === "comms" || pk === "budget") && ownKey !== pk) ownKey = null;
        else if ((pk === "membership" || pk === "future") && !MEMBERSHIP_SUBKEYS.has(ownKey) && ownKey !== pk)
          ownKey = null;
        else if (
          (pk === "delegated" || pk === "boardActions") &&
          ownKey !== "delegated" &&
          ownKey !== "boardActions"
        )
          ownKey = null;
      }
      const pk = parent?.key;
      if (
        (pk === "membership" || pk === "future" || pk === "roleDefinitions") &&
        ownKey !== "alumni" &&
        ROLE_DEFINITIONS.test(normaliseHeading(title))
      ) {
        ownKey = "roleDefinitions";
      }
      const key = ownKey ?? parent?.key ?? "other";
      const section: Section = {
        heading: node,
        title,
        depth: node.depth,
        ownKey,
        key,
        topKey: stack[0]?.key ?? key,
        nodes: [],
      };
      sections.push(section);
      stack.push(section);
      continue;
    }
    const current = stack[stack.length - 1];
    if (current) current.nodes.push(node);
    else preamble.push(node);
  }
  return { title, preamble, sections };
}

/** True for keys that describe how membership works (searched for terms and the membership model). */
export function isMembershipPolicyKey(key: SectionKey): boolean {
  return (
    key === "future" ||
    key === "eligibility" ||
    key === "howToJoin" ||
    key === "terms" ||
    key === "decisions" ||
    key === "removal"
  );
}
