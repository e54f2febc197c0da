/**
 * Markdown plumbing for charters: the mdast tree (GFM, with positions) and the text form used for
 * free-text fields. That text is a list of blocks joined by a blank line; a block is either one
 * paragraph on one line (whitespace collapsed) or a list written as "- item" lines, nested items
 * indented by two spaces per level. Inside a line, text is literal except links, kept as
 * `[text](url)` (http, https and mailto only; other links keep their text), with `\`, `[` and `]`
 * written `\\`, `\[` and `\]` ("linked text"; `plainOfLinked` gives what a reader sees). Web
 * addresses and email addresses are links wherever they appear, as GFM makes them in running text.
 * `renderPlainText` writes that form back as markdown that parses to the same text, which is what
 * makes charter export round-trip.
 */
import type { Link, List, ListItem, Nodes, Root, RootContent } from "mdast";
import { fromMarkdown } from "mdast-util-from-markdown";
import { gfmFromMarkdown } from "mdast-util-gfm";
import { gfm } from "micromark-extension-gfm";

/**
 * Parses markdown into an mdast tree with GFM (tables, autolinks, strikethrough, task lists).
 * Reference links ("[text][ref]" with "[ref]: url" elsewhere) become plain links, so everything
 * downstream sees one kind of link.
 */
export function parseMarkdownTree(markdown: string): Root {
  const root = fromMarkdown(markdown, { extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()] });
  resolveReferences(root);
  return root;
}

function resolveReferences(root: Root): void {
  const definitions = new Map<string, string>();
  const collect = (node: Nodes) => {
    if (node.type === "definition") definitions.set(node.identifier.toLowerCase(), node.url);
    if ("children" in node) for (const c of node.children as Nodes[]) collect(c);
  };
  collect(root);
  if (definitions.size === 0) return;
  const replace = (node: Nodes) => {
    if (!("children" in node)) return;
    const children = node.children as Nodes[];
    for (let i = 0; i < children.length; i++) {
      const child = children[i];
      if (child?.type === "linkReference") {
        const url = definitions.get(child.identifier.toLowerCase());
        if (url !== undefined) {
          const link: Link = { type: "link", url, title: null, children: child.children };
          if (child.position) link.position = child.position;
          children[i] = link;
        }
      }
      const current = children[i];
      if (current) replace(current);
    }
  };
  replace(root);
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

/** Link schemes kept in charter text. */
const SAFE_SCHEME = /^(?:https?:\/\/|mailto:)/iu;

/**
 * The URL of a link as kept in linked text, or null when it is not http, https or mailto. Characters
 * that would end the `[text](url)` form (spaces, parentheses, angle brackets, backslashes, controls)
 * are percent-encoded, which leaves the address the same.
 */
export function safeLinkUrl(raw: string): string | null {
  const url = raw.trim();
  if (!SAFE_SCHEME.test(url) || /^(?:https?:\/\/|mailto:)$/iu.test(url)) return null;
  // \p{Cc}: control characters, which no address carries literally.
  return url.replace(/[\s()<>\\\p{Cc}]/gu, (ch) =>
    [...new TextEncoder().encode(ch)]
      .map((b) => `%${b.toString(16).toUpperCase().padStart(2, "0")}`)
      .join(""),
  );
}

/** Literal text in the linked-text form: backslashes and brackets escaped. */
export function escapeLinked(text: string): string {
  return text.replace(/[\\[\]]/gu, (ch) => `\\${ch}`);
}

/** One link in linked text. */
export function linkMarkup(text: string, url: string): string {
  return `[${escapeLinked(text)}](${url})`;
}

/** A run of linked text: literal text, or a link's text and URL. */
export interface LinkedSegment {
  text: string;
  url: string | null;
}

/** Splits linked text into literal runs and links, undoing the escapes. */
export function linkedSegments(linked: string): LinkedSegment[] {
  const out: LinkedSegment[] = [];
  let buf = "";
  const flush = () => {
    if (buf !== "") out.push({ text: buf, url: null });
    buf = "";
  };
  let i = 0;
  while (i < linked.length) {
    const ch = linked.charAt(i);
    if (ch === "\\" && i + 1 < linked.length) {
      buf += linked.charAt(i + 1);
      i += 2;
      continue;
    }
    if (ch === "[") {
      let j = i + 1;
      let inner = "";
      while (j < linked.length && linked.charAt(j) !== "]") {
        if (linked.charAt(j) === "\\" && j + 1 < linked.length) {
          inner += linked.charAt(j + 1);
          j += 2;
        } else inner += linked.charAt(j++);
      }
      const close = linked.charAt(j + 1) === "(" ? linked.indexOf(")", j + 2) : -1;
      if (linked.charAt(j) === "]" && close > 0) {
        flush();
        out.push({ text: inner, url: linked.slice(j + 2, close) });
        i = close + 1;
        continue;
      }
    }
    buf += ch;
    i++;
  }
  flush();
  return out;
}

/** What a reader sees of linked text: the links' text, escapes undone. */
export function plainOfLinked(linked: string): string {
  return linkedSegments(linked)
    .map((s) => s.text)
    .join("");
}

/** Writes segments back as linked text. */
export function joinSegments(segments: readonly LinkedSegment[]): string {
  return segments
    .map((seg) => (seg.url === null ? escapeLinked(seg.text) : linkMarkup(seg.text, seg.url)))
    .join("");
}

/**
 * The part of linked text between two offsets of what a reader sees (`plainOfLinked`): literal
 * text is cut exactly, and a link belongs whole to the part where it starts, so no link is cut.
 */
export function sliceLinked(linked: string, start: number, end = Number.POSITIVE_INFINITY): string {
  const out: LinkedSegment[] = [];
  let at = 0;
  for (const seg of linkedSegments(linked)) {
    const from = at;
    at += seg.text.length;
    if (seg.url !== null) {
      if (from >= start && from < end) out.push(seg);
      continue;
    }
    const a = Math.max(from, start);
    const b = Math.min(at, end);
    if (a < b) out.push({ text: seg.text.slice(a - from, b - from), url: null });
  }
  return joinSegments(out);
}

/**
 * Splits linked text where `split` splits what a reader sees (into trimmed pieces, in order, as
 * `sentences` and `clauses` do), so sentence rules read the words and links stay whole: pieces a
 * link runs across are joined.
 */
export function splitLinked(linked: string, split: (plain: string) => string[]): string[] {
  const plain = plainOfLinked(linked);
  const links: Array<[number, number]> = [];
  let at = 0;
  for (const seg of linkedSegments(linked)) {
    if (seg.url !== null) links.push([at, at + seg.text.length]);
    at += seg.text.length;
  }
  const ranges: Array<[number, number]> = [];
  let cursor = 0;
  for (const piece of split(plain)) {
    const start = plain.indexOf(piece, cursor);
    if (start < 0) continue;
    cursor = start + piece.length;
    const last = ranges[ranges.length - 1];
    if (last && links.some(([a, b]) => a < last[1] && b > last[1])) last[1] = cursor;
    else ranges.push([start, cursor]);
  }
  return ranges.map(([a, b]) => sliceLinked(linked, a, b)).filter((t) => plainOfLinked(t).trim() !== "");
}

/** Linked text with the first letter of its first literal run in capitals. */
export function capitaliseLinked(linked: string): string {
  const segs = linkedSegments(linked);
  const first = segs[0];
  if (first && first.url === null)
    segs[0] = { text: `${first.text.charAt(0).toUpperCase()}${first.text.slice(1)}`, url: null };
  return joinSegments(segs);
}

/** Web and email addresses in text, as GFM finds them in running text (a superset of its rules). */
const ADDRESS = /\b(?:https?:\/\/|www\.)[^\s<>]*[^\s<>.,:;!?"'*_~)\]]|[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b/giu;

/**
 * Literal text in the linked-text form with its web and email addresses as links: used for text
 * that GFM did not look at (inline code, a dropped link's text), so an address that would become a
 * link once the text is written back as markdown already is one.
 */
export function linkify(text: string): string {
  let out = "";
  let last = 0;
  for (const m of text.matchAll(ADDRESS)) {
    const at = m.index ?? 0;
    const address = m[0];
    const url = safeLinkUrl(
      /^www\./iu.test(address)
        ? `http://${address}`
        : address.includes("://")
          ? address
          : `mailto:${address}`,
    );
    if (url === null) continue;
    out += escapeLinked(text.slice(last, at)) + linkMarkup(address, url);
    last = at + address.length;
  }
  return out + escapeLinked(text.slice(last));
}

/** Text of a node in the linked-text form (see the file comment); breaks are spaces, as in `displayText`. */
export function linkedText(node: Nodes): string {
  if (node.type === "link") {
    const text = node.children.map(displayText).join("");
    const url = safeLinkUrl(node.url);
    if (url === null || text.trim() === "") return linkify(text);
    return linkMarkup(text, url);
  }
  if (node.type === "text") return escapeLinked(node.value);
  if (node.type === "inlineCode") return linkify(node.value);
  if (node.type === "break") return " ";
  if (node.type === "html" || node.type === "footnoteReference") return "";
  if (node.type === "image" || node.type === "imageReference") return linkify(node.alt ?? "");
  if ("children" in node) return (node.children as Nodes[]).map(linkedText).join("");
  if ("value" in node && typeof node.value === "string") return linkify(node.value);
  return "";
}

/** Options for reading a node's text. */
export interface TextMode {
  /** Linked text (links kept) instead of what a reader sees. */
  links?: boolean;
}

function inlineOf(node: Nodes, mode: TextMode): string {
  return mode.links ? linkedText(node) : displayText(node);
}

/** The own text of a list item (its paragraphs and other non-list children), collapsed to one line. */
export function itemOwnText(item: ListItem, mode: TextMode = {}): string {
  return collapseSpace(
    item.children
      .filter((c) => c.type !== "list")
      .map((c) => blockFlatText(c, mode))
      .join(" "),
  );
}

/** Nested lists directly inside a list item. */
export function itemSublists(item: ListItem): List[] {
  return item.children.filter((c): c is List => c.type === "list");
}

function blockFlatText(node: RootContent, mode: TextMode = {}): string {
  if (node.type === "html" || node.type === "thematicBreak" || node.type === "definition") return "";
  if (node.type === "footnoteDefinition") return "";
  if (node.type === "code") return mode.links ? linkify(node.value) : node.value;
  if (node.type === "list") return node.children.map((i) => itemOwnText(i, mode)).join(" ");
  if (node.type === "table") return node.children.map((r) => tableRowText(r, mode)).join(" ");
  if (node.type === "blockquote") return node.children.map((c) => blockFlatText(c, mode)).join(" ");
  return inlineOf(node, mode);
}

function tableRowText(row: Nodes, mode: TextMode = {}): string {
  if (!("children" in row)) return "";
  return (row.children as Nodes[]).map((cell) => collapseSpace(inlineOf(cell, mode))).join(" | ");
}

/** The text of one block (paragraph, heading, list, ...) on one line, whitespace collapsed. */
export function blockText(node: RootContent, mode: TextMode = {}): string {
  return collapseSpace(blockFlatText(node, mode));
}

/** One block of plain text: a paragraph line or list lines. */
export interface PlainBlock {
  kind: "paragraph" | "list";
  text: string;
}

/** Options for turning mdast blocks into plain text. */
export interface PlainTextOptions extends TextMode {
  /**
   * Paragraphs and list items whose own text this returns true for are left out (template
   * prompts). It is given what a reader sees, links or not.
   */
  skip?: (text: string) => boolean;
}

function skipped(text: string, options: PlainTextOptions): boolean {
  return options.skip?.(options.links ? plainOfLinked(text) : text) ?? false;
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
          const t = collapseSpace(tableRowText(row, options));
          if (t && !skipped(t, options)) push({ kind: "paragraph", text: t });
        }
        break;
      default: {
        const t = collapseSpace(blockFlatText(node, options));
        if (t && !skipped(t, options)) push({ kind: "paragraph", text: t });
      }
    }
  }
  return out;
}

function listLines(list: List, depth: number, options: PlainTextOptions): string[] {
  const lines: string[] = [];
  for (const item of list.children) {
    const own = itemOwnText(item, options);
    const keep = own !== "" && !skipped(own, options);
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
  return guardLineStart(escapeInline(text));
}

function guardLineStart(escaped: string): string {
  const ordered = /^(\d{1,9})([.)])/u.exec(escaped);
  if (ordered?.[1] && ordered[2]) return `${ordered[1]}\\${ordered[2]}${escaped.slice(ordered[0].length)}`;
  if (/^[-+*=#>|]/u.test(escaped)) return `\\${escaped}`;
  return escaped;
}

/** Writes linked text as inline markdown: literal runs escaped, links as `[text](<url>)`. */
export function renderLinked(linked: string): string {
  return linkedSegments(linked)
    .map((seg) =>
      seg.url === null ? escapeInline(seg.text) : `[${escapeLinkLabel(seg.text)}](<${seg.url}>)`,
    )
    .join("");
}

/** A link's text as markdown: escaped like other text, addresses left as they are (links do not nest). */
function escapeLinkLabel(text: string): string {
  return text
    .split(/(\s+)/u)
    .map((token) => escapeToken(token))
    .join("");
}

/** Linked text that starts a block, guarding markers that only matter at line start. */
export function renderLinkedLineStart(linked: string): string {
  return guardLineStart(renderLinked(linked));
}

/** Writes the text form back as markdown (inverse of `toPlainBlocks` + `joinPlainBlocks`). */
export function renderPlainText(text: string): string {
  return text
    .split(/\n{2,}/u)
    .map((block) =>
      block
        .split("\n")
        .map((line) => {
          const m = /^( *)- (.*)$/u.exec(line);
          if (m) return `${m[1] ?? ""}- ${renderLinkedLineStart(m[2] ?? "")}`;
          return renderLinkedLineStart(line.trim());
        })
        .join("\n"),
    )
    .join("\n\n");
}

/** 1-based line number where a node starts, or null. */
export function lineOf(node: { position?: { start: { line: number } } }): number | null {
  return node.position?.start.line ?? null;
}
