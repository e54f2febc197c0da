/**
 * A blog post's parts as HTML: the body rendered and sanitised (render-markdown.ts), the summary
 * (plain text) escaped into paragraphs, and HTML made safe to sit inside an XML CDATA section.
 */
import { renderMarkdown } from "../render-markdown.ts";

const ENTITIES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};

/** Text escaped for HTML (also inside attribute values). */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/gu, (c) => ENTITIES[c] ?? c);
}

/** The summary, plain text, as HTML paragraphs (a blank line starts a new one). */
export function summaryHtml(summary: string | null): string {
  return (summary ?? "")
    .split(/\n\s*\n/u)
    .map((p) => p.trim())
    .filter((p) => p !== "")
    .map((p) => `<p>${escapeHtml(p)}</p>`)
    .join("\n");
}

/** The markdown body as sanitised HTML. */
export function bodyHtml(body: string): string {
  return renderMarkdown(body);
}

/**
 * `bodyHtml` remembering its last `limit` answers, keyed by the markdown itself (so it can never
 * serve another body's HTML). Published posts cannot be edited, so the blog renders each body once
 * instead of on every request for its page and on every request for the feed (50 bodies).
 */
export function cachedBodyHtml(limit = 500): (body: string) => string {
  const cache = new Map<string, string>();
  return (body) => {
    const hit = cache.get(body);
    if (hit !== undefined) {
      // Most recently used last: delete and set again.
      cache.delete(body);
      cache.set(body, hit);
      return hit;
    }
    const html = bodyHtml(body);
    cache.set(body, html);
    if (cache.size > limit) cache.delete(cache.keys().next().value as string);
    return html;
  };
}

/**
 * HTML that cannot end a CDATA section early. The feed library's XML writer replaces only the first
 * `]]>` of a CDATA section, so a second one in a post would close it and let the rest be read as
 * XML (where `&#x3C;script>` becomes a real `<script>` in the entry's HTML). `]]&gt;` reads the
 * same in HTML text and attribute values.
 */
export function cdataSafe(html: string): string {
  return html.replaceAll("]]>", "]]&gt;");
}
