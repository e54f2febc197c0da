/**
 * Markdown plumbing for charters: the mdast tree (GFM, with positions) and the "plain text" form used
 * for free-text fields. Plain text is a list of blocks joined by a blank line; a block is either one
 * paragraph on one line (whitespace collapsed) or a list written as "- item" lines, nested items
 * indented by two spaces per level. `renderPlainText` writes that form back as markdown that parses to
 * the same plain text, which is what makes charter export round-trip.
 */
import type { List, ListItem, Nodes, Root, RootContent } from "mdast";
import { fromMarkdown } from "mdast-util-from-markdown";
import { gfmFromMarkdown } from "mdast-util-gfm";
import { gfm } from "micromark-extension-gfm";

/** Parses markdown into an mdast tree with GFM (tables, autolinks, strikethrough, task lists). */
export function parseMarkdownTree(markdown: string): Root {
  return fromMarkdown(markdown, { extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()] });
}

/** Collapses runs of whitespace to one space and trims. */
export function collapseSpace(text: string): string {
  return text.replace(/\s+/gu, " ").trim();
}

const GITHUB_PROFILE = /^https?:\/\/(?:www\.)?github\.com\/([A-Za-z0-9](?:[A-Za-z0-9-]{0,38}))\/?$/u;

/**
 * Inline text of a node, keeping soft and hard line breaks as "\n". A link to a GitHub profile keeps its
 * handle as " (@user)" so person parsing can find it; other links keep only their text.
 */
export function inlineText(node: Nodes): string {
  switch (node.type) {
    case "text":
    case "inlineCode":
      return node.value;
    case "break":
      return "\n";
    case "html":
    case "footnoteReference":
    case "definition":
    case "footnoteDefinition":
    case "delete":
      return "";
    case "image":
      return node.alt ?? "";
    case "imageReference":
      return node.alt ?? "";
    case "link": {
      const text = node.children.map(inlineText).join("");
      const m = GITHUB_PROFILE.exec(node.url);
      if (m?.[1] && !text.includes(m[1])) return `${text} (@${m[1]})`;
      return text;
    }
    default:
      if ("children" in node) return (node.children as Nodes[]).map(inlineText).join("");
      if ("value" in node && typeof node.value === "string") return node.value;
      return "";
  }
}

/** Plain text of a node for display: like `inlineText` but links keep only their text. */
export function displayText(node: Nodes): string {
  if (node.type === "link") return node.children.map(displayText).join("");
  if (node.type === "break") return " ";
  if (node.type === "html" || node.type === "footnoteReference") return "";
  if (node.type === "image" || node.type === "imageReference") return node.alt ?? "";
  if ("children" in node) return (node.children as Nodes[]).map(displayText).join("");
  if ("value" in node && typeof node.value === "string") return node.value;
  return "";
}

/** The own text of a list item (its paragraphs and other non-list children), collapsed to one line. */
export function itemOwnText(item: ListItem): string {
  return collapseSpace(
    item.children
      .filter((c) => c.type !== "list")
      .map((c) => blockFlatText(c))
      .join(" "),
  );
}

/** Nested lists directly inside a list item. */
export function itemSublists(item: ListItem): List[] {
  return item.children.filter((c): c is List => c.type === "list");
}

function blockFlatText(node: RootContent): string {
  if (node.type === "html" || node.type === "thematicBreak" || node.type === "definition") return "";
  if (node.type === "footnoteDefinition") return "";
  if (node.type === "code") return node.value;
  if (node.type === "list") return node.children.map((i) => itemOwnText(i)).join(" ");
  if (node.type === "table") return node.children.map((r) => tableRowText(r)).join(" ");
  if (node.type === "blockquote") return node.children.map(blockFlatText).join(" ");
  return displayText(node);
}

function tableRowText(row: Nodes): string {
  if (!("children" in row)) return "";
  return (row.children as Nodes[]).map((cell) => collapseSpace(displayText(cell))).join(" | ");
}

/** One block of plain text: a paragraph line or list lines. */
export interface PlainBlock {
  kind: "paragraph" | "list";
  text: string;
}

/** Options for turning mdast blocks into plain text. */
export interface PlainTextOptions {
  /** Paragraphs and list items whose own text this returns true for are left out (template prompts). */
  skip?: (text: string) => boolean;
}

/** Converts block nodes to plain blocks; consecutive lists become one block. */
export function toPlainBlocks(nodes: RootContent[], options: PlainTextOptions = {}): PlainBlock[] {
  const out: PlainBlock[] = [];
  const push = (block: PlainBlock) => {
    const last = out[out.length - 1];
    if (block.kind === "list" && last?.kind === "list") last.text = `${last.text}\n${block.text}`;
    else out.push(block);
  };
  for (const node of nodes) {
    switch (node.type) {
      case "html":
      case "thematicBreak":
      case "definition":
      case "footnoteDefinition":
        break;
      case "list": {
        const lines = listLines(node, 0, options);
        if (lines.length) push({ kind: "list", text: lines.join("\n") });
        break;
      }
      case "blockquote":
        for (const b of toPlainBlocks(node.children, options)) push({ ...b });
        break;
      case "table":
        for (const row of node.children) {
          const t = collapseSpace(tableRowText(row));
          if (t && !options.skip?.(t)) push({ kind: "paragraph", text: t });
        }
        break;
      default: {
        const t = collapseSpace(blockFlatText(node));
        if (t && !options.skip?.(t)) push({ kind: "paragraph", text: t });
      }
    }
  }
  return out;
}

function listLines(list: List, depth: number, options: PlainTextOptions): string[] {
  const lines: string[] = [];
  for (const item of list.children) {
    const own = itemOwnText(item);
    const keep = own !== "" && !options.skip?.(own);
    if (keep) lines.push(`${"  ".repeat(depth)}- ${own}`);
    for (const sub of itemSublists(item)) lines.push(...listLines(sub, keep ? depth + 1 : depth, options));
  }
  return lines;
}

/** Joins plain blocks into the plain-text string form (null when there is nothing). */
export function joinPlainBlocks(blocks: PlainBlock[]): string | null {
  // Adjacent lists read back as one list, so they are one block here too.
  const merged: PlainBlock[] = [];
  for (const b of blocks) {
    const last = merged[merged.length - 1];
    if (b.kind === "list" && last?.kind === "list") last.text = `${last.text}\n${b.text}`;
    else merged.push({ ...b });
  }
  const text = merged.map((b) => b.text).join("\n\n");
  return text.trim() === "" ? null : text;
}

const URL_TOKEN = /^https?:\/\/[^\s<>]+$/u;

/** Escapes inline text so markdown reads it back as the same characters. */
export function escapeInline(text: string): string {
  return text
    .split(/(\s+)/u)
    .map((token) => {
      if (URL_TOKEN.test(token)) return `<${token}>`;
      return escapeToken(token);
    })
    .join("");
}

function escapeToken(token: string): string {
  let out = "";
  for (let i = 0; i < token.length; i++) {
    const ch = token.charAt(i);
    const prev = token.charAt(i - 1);
    const next = token.charAt(i + 1);
    if ("\\`*[]<>~|".includes(ch)) out += `\\${ch}`;
    else if (ch === "_" && !(/[\p{L}\p{N}]/u.test(prev) && /[\p{L}\p{N}]/u.test(next))) out += "\\_";
    else if (ch === "&" && /^&(?:#\d+|#x[0-9a-f]+|[a-z][a-z0-9]*);/iu.test(token.slice(i))) out += "\\&";
    else if (ch === "!" && next === "[") out += "\\!";
    else out += ch;
  }
  return out;
}

/** Escapes a whole line that starts a block, guarding markers that only matter at line start. */
export function escapeLineStart(text: string): string {
  const escaped = escapeInline(text);
  const ordered = /^(\d{1,9})([.)])/u.exec(escaped);
  if (ordered?.[1] && ordered[2]) return `${ordered[1]}\\${ordered[2]}${escaped.slice(ordered[0].length)}`;
  if (/^[-+*=#>|]/u.test(escaped)) return `\\${escaped}`;
  return escaped;
}

/** Writes the plain-text form back as markdown (inverse of `toPlainBlocks` + `joinPlainBlocks`). */
export function renderPlainText(text: string): string {
  return text
    .split(/\n{2,}/u)
    .map((block) =>
      block
        .split("\n")
        .map((line) => {
          const m = /^( *)- (.*)$/u.exec(line);
          if (m) return `${m[1] ?? ""}- ${escapeLineStart(m[2] ?? "")}`;
          return escapeLineStart(line.trim());
        })
        .join("\n"),
    )
    .join("\n\n");
}

/** 1-based line number where a node starts, or null. */
export function lineOf(node: { position?: { start: { line: number } } }): number | null {
  return node.position?.start.line ?? null;
}
