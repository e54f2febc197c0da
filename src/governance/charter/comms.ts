/**
 * Comms, reporting and budget sections: channels (list items and standalone lines of the comms
 * section, leaving out meeting lines, intros ending in ":", template suggestions and TBC entries), the
 * meeting cadence (first meeting line that states one) and the reporting cadence.
 *
 * Reporting cadence: the first sentence of the reporting section that states a cadence wins. A
 * sentence saying the group's (public) meeting notes are its reports counts at the meeting cadence, so
 * "public meeting notes" (monthly meetings) followed by "an annual report" gives `monthly`; when the
 * meeting cadence is unknown such a sentence is skipped and the annual report gives `annual`.
 * Reporting text that states no cadence at all is `other`; TBD or template prompts only is null.
 */
import type { List, RootContent } from "mdast";
import { isMeetingLine, isMeetingNotesReport, meetingCadenceOf, reportingCadenceOf } from "./cadence.ts";
import {
  blockText,
  collapseSpace,
  displayText,
  itemOwnText,
  joinPlainBlocks,
  plainOfLinked,
  toPlainBlocks,
} from "./markdown.ts";
import { sentences } from "./membership-model.ts";
import type { Section } from "./sections.ts";
import { isPlaceholderText, isTemplateText } from "./template-text.ts";
import type { Cadence } from "./types.ts";

/** True for a channel entry that is still to be decided ("TBC Forum category", "Other options TBC"). */
export function isUndecided(text: string): boolean {
  return (
    isPlaceholderText(text) ||
    /^(?:tbc|tbd|tba|todo|tktk)\b/iu.test(text) ||
    /\b(?:tbc|tbd|tba|todo|tktk)[.!]?$/iu.test(text)
  );
}

/** Channels and meeting cadence from the comms sections. */
export function readComms(sections: Section[]): { channels: string[]; meetingCadence: Cadence | null } {
  const channels: string[] = [];
  const meetings: string[] = [];
  // Decided on what a reader sees; kept as linked text, so channel links stay links.
  const consider = (text: string, linked: string, isItem: boolean) => {
    if (text === "" || isTemplateText(text)) return;
    if (isMeetingLine(text)) {
      meetings.push(text);
      return;
    }
    if (isUndecided(text)) return;
    if (!isItem && text.endsWith(":")) return;
    if (!channels.includes(linked)) channels.push(linked);
  };
  const walkList = (list: List) => {
    if (list.children.some((i) => isTemplateText(itemOwnText(i)))) return;
    for (const item of list.children) {
      consider(itemOwnText(item), itemOwnText(item, { links: true }), true);
      for (const c of item.children) if (c.type === "list") walkList(c);
    }
  };
  const walk = (node: RootContent) => {
    if (node.type === "list") walkList(node);
    else if (node.type === "blockquote") node.children.forEach(walk);
    else if (node.type === "paragraph" || node.type === "table" || node.type === "code") {
      consider(collapseSpace(displayText(node)), blockText(node, { links: true }), false);
    }
  };
  for (const s of sections) if (s.key === "comms") s.nodes.forEach(walk);
  let meetingCadence: Cadence | null = null;
  for (const m of meetings) {
    meetingCadence = meetingCadenceOf(m);
    if (meetingCadence) break;
  }
  if (meetings.length && meetingCadence === null) meetingCadence = "other";
  return { channels, meetingCadence };
}

/** Reporting cadence from the reporting sections (see the file comment for meeting notes). */
export function readReporting(sections: Section[], meetingCadence: Cadence | null): Cadence | null {
  const texts: string[] = [];
  const walk = (node: RootContent) => {
    if (node.type === "list") {
      for (const item of node.children) {
        const t = itemOwnText(item);
        if (t && !isTemplateText(t) && !isPlaceholderText(t)) texts.push(t);
        for (const c of item.children) if (c.type === "list") walk(c);
      }
    } else if (node.type === "blockquote") node.children.forEach(walk);
    else if (node.type !== "html" && node.type !== "thematicBreak" && node.type !== "definition") {
      const t = collapseSpace(displayText(node));
      if (t && !isTemplateText(t) && !isPlaceholderText(t)) texts.push(t);
    }
  };
  for (const s of sections) if (s.key === "reporting" && s.topKey === "reporting") s.nodes.forEach(walk);
  if (texts.length === 0) return null;
  for (const s of texts.flatMap(sentences)) {
    const c = reportingCadenceOf(s);
    if (c) return c;
    if (
      isMeetingNotesReport(s) &&
      meetingCadence &&
      meetingCadence !== "other" &&
      meetingCadence !== "none"
    ) {
      return meetingCadence;
    }
  }
  return "other";
}

/** Budget as plain text, template prompts left out; null when absent or TBD. */
export function readBudget(sections: Section[]): string | null {
  const blocks = sections
    .filter((s) => s.key === "budget")
    .flatMap((s) => toPlainBlocks(s.nodes, { skip: isTemplateText, links: true }));
  const text = joinPlainBlocks(blocks);
  return isPlaceholderText(text === null ? null : plainOfLinked(text)) ? null : text;
}
