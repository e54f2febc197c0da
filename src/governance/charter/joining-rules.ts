/**
 * The membership policy of a charter ("Future membership" and its subsections, top-level
 * "Eligibility" / "How to join" / "Membership terms" sections, and prose in the membership section):
 * eligibility, how to join, removal rule, membership model, term and term window.
 */
import type { List, RootContent } from "mdast";
import {
  blockText,
  capitaliseLinked,
  collapseSpace,
  displayText,
  itemOwnText,
  joinPlainBlocks,
  type PlainBlock,
  plainOfLinked,
  sliceLinked,
  splitLinked,
  toPlainBlocks,
} from "./markdown.ts";
import {
  clauses,
  membershipReadingOf,
  type PolicyTopic,
  policyTopicOf,
  sentences,
  termMonthsOf,
  termWindowOf,
  weakModelOf,
} from "./membership-model.ts";
import { classifyRoleLabel, topLevelColon } from "./people.ts";
import { isMembershipPolicyKey, type Section } from "./sections.ts";
import { isPlaceholderText, isTemplateText } from "./template-text.ts";
import type { AppointingRole, MembershipModel } from "./types.ts";

/** What the membership policy says. */
export interface JoiningRules {
  eligibility: string | null;
  howToJoin: string | null;
  removalRule: string | null;
  membershipModel: MembershipModel | null;
  appointedBy: AppointingRole[];
  termMonths: number | null;
  termWindow: { start: string; end: string } | null;
}

type Field = "eligibility" | "howToJoin" | "removal";

function isField(topic: string | null): topic is Field {
  return topic === "eligibility" || topic === "howToJoin" || topic === "removal";
}

/** Texts of paragraphs and list items (nested included), in document order, template prompts left out. */
function unitTexts(nodes: RootContent[]): string[] {
  const out: string[] = [];
  const walk = (n: RootContent) => {
    if (n.type === "list") {
      for (const item of n.children) {
        const t = itemOwnText(item);
        if (t && !isTemplateText(t)) out.push(t);
        for (const c of item.children) if (c.type === "list") walk(c);
      }
    } else if (n.type === "blockquote") n.children.forEach(walk);
    else if (n.type !== "html" && n.type !== "thematicBreak" && n.type !== "definition") {
      const t = collapseSpace(displayText(n));
      if (t && !isTemplateText(t)) out.push(t);
    }
  };
  nodes.forEach(walk);
  return out;
}

/** "Board Liaison: must be ..." notes about roles are not eligibility or joining rules. */
function isRoleNote(text: string): boolean {
  const colon = topLevelColon(text);
  if (colon <= 0) return false;
  const label = classifyRoleLabel(text.slice(0, colon));
  return label !== null && label.slot !== "members" && label.slot !== "other";
}

/**
 * The fields the clauses of a model statement also answer: "Board-managed: new members may
 * self-nominate, but must be voted in by the Board" says how to join as well. Each such clause is
 * written as a sentence of its own (label dropped, first letter capitalised, full stop added).
 */
function clauseFields(linkedSentence: string): [Field, string][] {
  const out: [Field, string][] = [];
  for (const raw of splitLinked(linkedSentence, clauses)) {
    const plain = plainOfLinked(raw);
    const label = /^[^:]{1,40}:\s*/u.exec(plain)?.[0].length ?? 0;
    const trailing = /[.!?]+$/u.exec(plain)?.[0].length ?? 0;
    const clause = sliceLinked(raw, label, plain.length - trailing);
    const words = plainOfLinked(clause);
    if (words === "" || weakModelOf(words) !== null) continue;
    const topic = policyTopicOf(words);
    if (isField(topic)) out.push([topic, `${capitaliseLinked(clause)}.`]);
  }
  return out;
}

/** Sentences of linked text, links kept whole: each as linked text and as what a reader sees. */
function linkedSentences(linked: string): Array<{ linked: string; plain: string }> {
  return splitLinked(linked, sentences).map((s) => ({ linked: s, plain: plainOfLinked(s) }));
}

/** The topic of a list item: that of its first sentence that has one. */
function itemTopic(own: string): PolicyTopic {
  for (const s of sentences(own)) {
    const topic = policyTopicOf(s);
    if (topic) return topic;
  }
  return null;
}

/** A list's items that are policy (template prompts and role notes left out), plain and linked. */
function listItemsOf(list: List): Array<{ plain: string; linked: string }> {
  return list.children
    .map((item) => ({ plain: itemOwnText(item), linked: itemOwnText(item, { links: true }) }))
    .filter(({ plain }) => plain !== "" && !isTemplateText(plain) && !isRoleNote(plain));
}

/**
 * The one field a list is about, when it reads as a unit: every item with a topic has the same
 * field, and they are at least as many as the items with none ("The Board will select membership
 * with some high-level goals in mind:" then "Diversity: ...", "Management experience: ...": the
 * first criterion names no eligibility word, the others do). Null for a mixed list (terms, removal
 * and joining rules side by side), which is read item by item.
 */
function listField(list: List): Field | null {
  const topics = listItemsOf(list).map((item) => itemTopic(item.plain));
  const known = topics.filter((t) => t !== null);
  const first = known[0];
  if (!isField(first ?? null) || !known.every((t) => t === first)) return null;
  return known.length >= topics.length - known.length ? (first as Field) : null;
}

/** Sorts the sentences of unlabelled policy text into fields. */
function classifyInto(nodes: RootContent[], fields: Record<Field, PlainBlock[]>): void {
  for (let i = 0; i < nodes.length; i++) {
    const node = nodes[i];
    if (!node) continue;
    if (node.type === "paragraph") {
      const text = collapseSpace(displayText(node));
      if (text === "" || isTemplateText(text)) continue;
      const linked = blockText(node, { links: true });
      const next = nodes[i + 1];
      if (text.endsWith(":") && next?.type === "list") {
        // A lead-in and its list are one unit: the lead-in's field, else the field the list is about.
        const own = policyTopicOf(text);
        const topic = isField(own) ? own : listField(next);
        if (topic) {
          fields[topic].push({ kind: "paragraph", text: linked });
          fields[topic].push(...toPlainBlocks([next], { skip: isTemplateText, links: true }));
          i++;
        }
        continue;
      }
      const pieces = new Map<Field, string[]>();
      let last: PolicyTopic = null;
      for (const s of linkedSentences(linked)) {
        const topic: PolicyTopic = policyTopicOf(s.plain) ?? last;
        last = topic;
        if (isField(topic)) pieces.set(topic, [...(pieces.get(topic) ?? []), s.linked]);
        else if (topic === "model") {
          for (const [field, clause] of clauseFields(s.linked))
            pieces.set(field, [...(pieces.get(field) ?? []), clause]);
        }
      }
      for (const [field, parts] of pieces) fields[field].push({ kind: "paragraph", text: parts.join(" ") });
      continue;
    }
    if (node.type === "list") {
      const whole = listField(node);
      if (whole) {
        fields[whole].push(...toPlainBlocks([node], { skip: isTemplateText, links: true }));
        continue;
      }
      for (const own of listItemsOf(node)) {
        const topic = itemTopic(own.plain);
        if (isField(topic)) fields[topic].push({ kind: "paragraph", text: own.linked });
        else if (topic === "model") {
          for (const [field, clause] of clauseFields(own.linked))
            fields[field].push({ kind: "paragraph", text: clause });
        }
      }
    }
  }
}

/** Reads the membership policy from the sections and the prose of the membership section. */
export function readJoiningRules(sections: Section[], membershipProse: RootContent[]): JoiningRules {
  const fields: Record<Field, PlainBlock[]> = { eligibility: [], howToJoin: [], removal: [] };
  const texts: string[] = [...unitTexts(membershipProse)];
  classifyInto(membershipProse, fields);
  for (const section of sections) {
    if (!isMembershipPolicyKey(section.key)) continue;
    texts.push(...unitTexts(section.nodes));
    const k = section.key;
    if (k === "eligibility" || k === "howToJoin" || k === "removal") {
      fields[k].push(...toPlainBlocks(section.nodes, { skip: isTemplateText, links: true }));
    } else classifyInto(section.nodes, fields);
  }
  const all = texts.flatMap(sentences);
  let termMonths: number | null = null;
  let termWindow: { start: string; end: string } | null = null;
  for (const s of all) {
    termMonths ??= termMonthsOf(s);
    termWindow ??= termWindowOf(s);
  }
  const reading = membershipReadingOf(texts);
  const text = (blocks: PlainBlock[]) => {
    const t = joinPlainBlocks(blocks);
    return isPlaceholderText(t === null ? null : plainOfLinked(t)) ? null : t;
  };
  return {
    eligibility: text(fields.eligibility),
    howToJoin: text(fields.howToJoin),
    removalRule: text(fields.removal),
    membershipModel: reading?.model ?? null,
    appointedBy: reading?.model === "appointment" ? reading.appointedBy : [],
    termMonths,
    termWindow,
  };
}
