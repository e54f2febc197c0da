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
  boardActions: string[];
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

function pushUnique(list: string[], text: string): void {
  if (text !== "" && !list.includes(text)) list.push(text);
}

/** A list's items as linked text, template prompts left out. */
function listItems(node: RootContent): string[] {
  if (node.type !== "list") return [];
  return node.children
    .filter((i) => {
      const t = itemOwnText(i);
      return t !== "" && !isTemplateText(t);
    })
    .map((i) => itemOwnText(i, { links: true }));
}

/** Reads scope text, delegated powers and Board actions from the scope-related sections. */
export function readScope(sections: Section[]): ScopeResult {
  const kept: RootContent[] = [];
  const delegated: string[] = [];
  const boardActions: string[] = [];
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
              for (const item of listItems(next)) pushUnique(target, item);
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
        for (const item of listItems(node)) pushUnique(k === "delegated" ? delegated : boardActions, item);
        continue;
      }
      kept.push(node);
    }
  }
  return { blocks: toPlainBlocks(kept, { skip: isTemplateText, links: true }), delegated, boardActions };
}
