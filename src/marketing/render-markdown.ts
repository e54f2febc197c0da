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
  return encodeBracketsInAttributes(toHtml(sanitize(hast, defaultSchema)));
}

/**
 * The serialiser leaves `<` and `>` as they are inside quoted attribute values, which is valid HTML
 * but lets text such as a code fence's language (```` ```<script> ````, which becomes
 * `class="language-<script>"`) or a link title carry `<script>` into the page and the feed. Browsers
 * read the same value either way; encoding them keeps the output free of any `<` that starts no
 * tag, for the feed and for tools that read the HTML less carefully than a browser. The serialiser
 * writes text with `<` encoded and every attribute value in double quotes with `"` encoded, so a
 * `<` outside quotes starts a tag, and a `"` inside a tag opens or closes a value.
 */
function encodeBracketsInAttributes(html: string): string {
  let out = "";
  let inTag = false;
  let inValue = false;
  for (const ch of html) {
    if (inValue) {
      if (ch === '"') inValue = false;
      out += ch === "<" ? "&#x3C;" : ch === ">" ? "&#x3E;" : ch;
      continue;
    }
    if (inTag) {
      if (ch === '"') inValue = true;
      else if (ch === ">") inTag = false;
    } else if (ch === "<") inTag = true;
    out += ch;
  }
  return out;
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
