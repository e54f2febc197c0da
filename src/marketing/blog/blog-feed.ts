/** The blog's Atom feed (`/blog/feed.atom`), written by the `feed` package as the reports feed is. */
import { randomUUID } from "node:crypto";
import { Feed } from "feed";
import type { PostRow } from "./blog.repo.ts";
import { bodyHtml, cdataSafe, escapeHtml, summaryHtml } from "./post-html.ts";

/** The feed's XML for published posts (newest first); `updated` is the newest post's time (or `now`). */
export function blogAtom(input: {
  baseUrl: string;
  posts: readonly PostRow[];
  now: Date;
  /** Renders a body (default: `bodyHtml`; the routes pass a cached one). */
  render?: (body: string) => string;
}): string {
  const render = input.render ?? bodyHtml;
  const base = input.baseUrl.replace(/\/$/u, "");
  // The XML writer escapes only `"` (and the library `&`) in attribute values, so a tag with `<` in
  // it would make the feed ill-formed. Tags carry a mark for `<` and `>`, replaced by references after.
  const mark = `\uE000${randomUUID()}`;
  const attribute = (tag: string) => tag.replaceAll("<", `${mark}lt`).replaceAll(">", `${mark}gt`);
  const feed = new Feed({
    id: `${base}/blog/feed.atom`,
    title: "Django Software Foundation blog",
    description: "Posts of the Marketing Working Group's blog.",
    link: `${base}/blog`,
    updated: input.posts[0]?.publishedAt ?? input.now,
    generator: false,
    copyright: "The posts' authors",
    feedLinks: { atom: `${base}/blog/feed.atom` },
  });
  for (const p of input.posts) {
    const link = `${base}/blog/${encodeURIComponent(p.slug)}`;
    feed.addItem({
      id: link,
      // The library writes titles and summaries as HTML too: escape them.
      title: escapeHtml(p.title),
      link,
      date: p.publishedAt,
      published: p.publishedAt,
      description: cdataSafe(summaryHtml(p.summary)),
      content: cdataSafe(render(p.body)),
      author: p.authors.map((name) => ({ name })),
      category: p.tags.map((t) => ({ name: attribute(t), term: attribute(t) })),
    });
  }
  return feed.atom1().replaceAll(`${mark}lt`, "&lt;").replaceAll(`${mark}gt`, "&gt;");
}
