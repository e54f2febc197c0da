/**
 * Markdown bodies to safe HTML: parsed with mdast (GFM), turned into hast without raw HTML, then
 * sanitised with GitHub's schema (no scripts, no event handlers, no javascript: links). Images must
 * have alt text: `imagesWithoutAlt` lists those that do not, so a save can be refused.
 */
import { defaultSchema, sanitize } from "hast-util-sanitize";
import { toHtml } from "hast-util-to-html";
import type { Image, Nodes } from "mdast";
import { fromMarkdown } from "mdast-util-from-markdown";
import { gfmFromMarkdown } from "mdast-util-gfm";
import { toHast } from "mdast-util-to-hast";
import { gfm } from "micromark-extension-gfm";

function parse(markdown: string) {
  return fromMarkdown(markdown, { extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()] });
}

/** The body as sanitised HTML (raw HTML in the markdown is dropped, not passed through). */
export function renderMarkdown(markdown: string): string {
  const hast = toHast(parse(markdown), { allowDangerousHtml: false });
  return toHtml(sanitize(hast, defaultSchema));
}

function visitImages(node: Nodes, out: Image[]): void {
  if (node.type === "image") out.push(node);
  if ("children" in node) for (const child of node.children) visitImages(child as Nodes, out);
}

/** Image addresses in the body whose alt text is empty. */
export function imagesWithoutAlt(markdown: string): string[] {
  const images: Image[] = [];
  visitImages(parse(markdown), images);
  return images.filter((i) => (i.alt ?? "").trim() === "").map((i) => i.url);
}
