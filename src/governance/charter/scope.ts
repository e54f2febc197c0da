/**
 * The scope section: its plain text, the powers delegated to the group ("Delegated responsibilities:",
 * "acts on behalf of the DSF Board to:", "is able to make the following decisions", template question
 * subsections) and the actions it takes back to the Board ("Actions to take back to the DSF Board for
 * votes:", "will request Board approval before ...").
 */
import type { RootContent } from "mdast";
import {
  blockText,
  collapseSpace,
  displayText,
  itemOwnText,
  lineOf,
  type PlainBlock,
  toPlainBlocks,
} from "./markdown.ts";
import { sentences } from "./membership-model.ts";
import type { Section } from "./sections.ts";
import { isTemplateText } from "./template-text.ts";

/** What the scope section says. */
export interface ScopeResult {
  blocks: PlainBlock[];
  delegated: string[];
  /** For each delegated power, in the same order: its line and how its lead-in labels it. */
  delegatedSource: DelegatedSource[];
  boardActions: string[];
}

/** Where a delegated power was read: its line, and whether its lead-in says "autonomously" or "with others". */
export interface DelegatedSource {
  line: number | null;
  label: "autonomous" | "collaborative" | "either";
}

const WITH_OTHERS_LABEL =
  /\bwith others\b|\bin collaboration\b|\bjointly\b|\btogether with\b|\bwith other groups\b/iu;
const AUTONOMOUS_LABEL = /\bautonomous\w*\b|\bon (?:its|their) own\b|\bindependently\b/iu;

function labelOf(text: string | null): DelegatedSource["label"] {
  if (text === null) return "either";
  return WITH_OTHERS_LABEL.test(text)
    ? "collaborative"
    : AUTONOMOUS_LABEL.test(text)
      ? "autonomous"
      : "either";
}

const BOARD_LABEL =
  /\b(?:take|bring|taken|brought) back to the (?:dsf )?(?:board|steering council)\b|\bfor (?:a )?votes?\b|\brequir\w* (?:dsf )?(?:board|steering council) approval\b|\bneed\w* (?:dsf )?(?:board|steering council) approval\b/iu;
const DELEGATED_LABEL =
  /\bdelegat\w*\b|\bon behalf of the (?:dsf )?(?:board|steering council)\b|\b(?:allowed|able|empowered|authori[sz]ed) to (?:take|make)\b|\btake directly\b|\bmake the following decisions\b|\bautonomously\b|\bwithout (?:a )?(?:board|steering council) (?:review|approval|vote)\b/iu;
const BOARD_SENTENCE =
  /\bwill (?:request|seek|ask for|require|need) (?:the )?(?:dsf )?(?:board|steering council)(?:'s)? (?:approval|vote)\b|\brequests? (?:dsf )?board approval before\b/iu;

/** Canonical labels written on export. */
export const DELEGATED_HEADING = "Delegated responsibilities:";
/** Canonical label for actions taken back to the Board, written on export. */
export const BOARD_ACTIONS_HEADING = "Actions to take back to the Board for votes:";

function pushUnique(list: string[], text: string): boolean {
  if (text === "" || list.includes(text)) return false;
  list.push(text);
  return true;
}

/** A list's items as linked text with their lines, template prompts left out. */
function listItems(node: RootContent): { text: string; line: number | null }[] {
  if (node.type !== "list") return [];
  return node.children
    .filter((i) => {
      const t = itemOwnText(i);
      return t !== "" && !isTemplateText(t);
    })
    .map((i) => ({ text: itemOwnText(i, { links: true }), line: lineOf(i) }));
}

/** Reads scope text, delegated powers and Board actions from the scope-related sections. */
export function readScope(sections: Section[]): ScopeResult {
  const kept: RootContent[] = [];
  const delegated: string[] = [];
  const delegatedSource: DelegatedSource[] = [];
  const boardActions: string[] = [];
  const push = (target: string[], item: { text: string; line: number | null }, label: string | null) => {
    if (pushUnique(target, item.text) && target === delegated) {
      delegatedSource.push({ line: item.line, label: labelOf(label) });
    }
  };
  for (const section of sections) {
    const k = section.key;
    if (k !== "scope" && k !== "delegated" && k !== "boardActions") continue;
    if (section.ownKey === null && section.heading && section.key === "scope" && section.topKey === "scope") {
      const t = collapseSpace(displayText(section.heading));
      if (t && !isTemplateText(t)) kept.push({ type: "paragraph", children: [{ type: "text", value: t }] });
    }
    const nodes = section.nodes;
    for (let i = 0; i < nodes.length; i++) {
      const node = nodes[i];
      if (!node) continue;
      if (node.type === "paragraph") {
        const text = collapseSpace(displayText(node));
        const next = nodes[i + 1];
        if (text.endsWith(":")) {
          const target = BOARD_LABEL.test(text)
            ? boardActions
            : DELEGATED_LABEL.test(text)
              ? delegated
              : k === "delegated"
                ? delegated
                : k === "boardActions"
                  ? boardActions
                  : null;
          if (target) {
            if (next?.type === "list") {
              for (const item of listItems(next)) push(target, item, text);
              i++;
            }
            // A bare label leaves scope; a paragraph that says more before its label stays.
            if (sentences(text).length > 1) kept.push(node);
            continue;
          }
        }
        if (BOARD_SENTENCE.test(text)) {
          pushUnique(boardActions, blockText(node, { links: true }));
          continue;
        }
        kept.push(node);
        continue;
      }
      if (node.type === "list" && (k === "delegated" || k === "boardActions")) {
        for (const item of listItems(node)) push(k === "delegated" ? delegated : boardActions, item, null);
        continue;
      }
      kept.push(node);
    }
  }
  return {
    blocks: toPlainBlocks(kept, { skip: isTemplateText, links: true }),
    delegated,
    delegatedSource,
    boardActions,
  };
}
